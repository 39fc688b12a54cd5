//! An interview session open on screen, with what keeps it safe: the lock,
//! the marker of an unfinished edit, and the autosaver.

use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};

use super::events::Event;
use super::{rescue_copy, wall_clock};
use crate::app::{Context, Failure};
use crate::core::lang::Lang;
use crate::core::migrate::Migrated;
use crate::core::session::{Person, Session};
use crate::core::text::one_line;
use crate::storage::{self, Autosaver, EditMarker, LockHolder, SessionLock};
use crate::tui::screens::interview::Interview;
use crate::tui::screens::interview::view::ViewCache;

pub struct Editing<'b> {
    pub state: Interview<'b>,
    lock: Option<SessionLock>,
    marker: Option<EditMarker>,
    saver: Option<Autosaver>,
    events: Option<Sender<Event>>,
    /// The last quit failed to save; the next one writes a rescue copy.
    pub quit_refused: bool,
    pub view: ViewCache,
}

pub enum Opened<'b> {
    Ready(Box<Editing<'b>>),
    Locked(LockHolder),
}

/// What could not be done to which file, in the user's language, and what
/// to do when the directory cannot be written to.
fn io_failure(lang: Lang, (nb, en): (&str, &str), path: &Path, e: &std::io::Error) -> Failure {
    use std::io::ErrorKind;
    let mut lines = vec![format!(
        "{} {}: {}",
        lang.pick(nb, en),
        path.display(),
        storage::describe_io(e)
    )];
    let unwritable = matches!(
        e.kind(),
        ErrorKind::PermissionDenied | ErrorKind::ReadOnlyFilesystem
    ) || crate::platform::durable::is_read_only_refusal(e);
    if unwritable {
        lines.push(
            lang.pick(
                "Mappen kan ikke skrives til. Se på intervjuene uten å endre dem med o på startskjermen (eller --read-only), eller velg en mappe du kan skrive i med --dir.",
                "The directory cannot be written to. Look at the interviews without changing them with o on the start screen (or --read-only), or choose a directory you can write to with --dir.",
            )
            .to_owned(),
        );
    }
    Failure { lines }
}

const CANNOT_LOCK: (&str, &str) = ("Kan ikke låse", "Cannot lock");
const CANNOT_CREATE: (&str, &str) = ("Kan ikke lage", "Cannot create");
const CANNOT_MARK: (&str, &str) = ("Kan ikke merke som åpen", "Cannot mark as open");

/// Creates a new session file in `dir` and opens it for editing.
pub fn create<'b>(
    ctx: &'b Context,
    dir: &Path,
    municipality: &str,
    interviewer: &str,
    people: Vec<Person>,
) -> Result<Editing<'b>, Failure> {
    let id = ulid::Ulid::new().to_string();
    let session = Session::new(
        id,
        &ctx.bank,
        municipality,
        interviewer,
        people,
        wall_clock(),
    );
    let path = storage::session_path(dir, &session.municipality, &session.id);
    let lock = match SessionLock::acquire(&path) {
        Ok(Ok(lock)) => lock,
        Ok(Err(holder)) => {
            return Err(Failure::new(format!(
                "{} {} {}",
                path.display(),
                ctx.lang.pick("er låst av", "is locked by"),
                holder.describe(ctx.lang)
            )));
        }
        Err(e) => return Err(io_failure(ctx.lang, CANNOT_LOCK, &path, &e)),
    };
    storage::write_atomic(&path, &session.to_json())
        .map_err(|e| io_failure(ctx.lang, CANNOT_CREATE, &path, &e))?;
    let (marker, _) =
        EditMarker::create(&path).map_err(|e| io_failure(ctx.lang, CANNOT_MARK, &path, &e))?;
    let state = Interview::new(&ctx.bank, ctx.lang, session, path, false, Instant::now());
    Ok(Editing::new(state, Some(lock), Some(marker)))
}

/// Opens an existing session: for editing (taking the lock, noticing an
/// unclean previous exit) or read-only (no lock, nothing written).
pub fn open<'b>(ctx: &'b Context, path: &Path, read_only: bool) -> Result<Opened<'b>, Failure> {
    let lang = ctx.lang;
    if read_only {
        let loaded = storage::load_session(path, &ctx.bank)?;
        let migrated = loaded.migrated.clone();
        let mut state = Interview::new(
            &ctx.bank,
            lang,
            loaded.session,
            path.to_owned(),
            true,
            Instant::now(),
        );
        if let Some(m) = migrated {
            state.set_sticky_notice(migrated_notice(lang, &m, None));
        }
        return Ok(Opened::Ready(Box::new(Editing::new(state, None, None))));
    }
    let lock = match SessionLock::acquire(path) {
        Ok(Ok(lock)) => lock,
        Ok(Err(holder)) => return Ok(Opened::Locked(holder)),
        Err(e) => return Err(io_failure(lang, CANNOT_LOCK, path, &e)),
    };
    // The previous editor was killed: a save it had written but not yet
    // renamed into place (the disk was slow) is finished first.
    if storage::open_marker_path(path).exists() {
        storage::finish_interrupted_save(path, &ctx.bank)?;
    }
    let loaded = storage::load_session(path, &ctx.bank)?;
    // A session of an older bank version is written back migrated, its
    // original kept beside it, before anything else is written.
    let backup = storage::save_migrated(&loaded)?;
    let (marker, unclean) =
        EditMarker::create(path).map_err(|e| io_failure(lang, CANNOT_MARK, path, &e))?;
    let saved = loaded.session.updated_at;
    let mut notices = Vec::new();
    if unclean {
        notices.push(recovered_notice(lang, saved));
    }
    if let Some(m) = &loaded.migrated {
        notices.push(migrated_notice(lang, m, backup.as_deref()));
    }
    // Words saved only in a rescue copy (Ctrl-Q when the file could not be
    // written) are offered again, never silently left behind.
    let rescue = match storage::find_rescue(&loaded.session, &ctx.bank) {
        Ok(found) => found,
        Err(e) => {
            notices.push(format!(
                "{} {}",
                lang.pick(
                    "En redningskopi av intervjuet kunne ikke leses:",
                    "A rescue copy of the interview could not be read:"
                ),
                e.lines().join("; ")
            ));
            None
        }
    };
    let mut state = Interview::new(
        &ctx.bank,
        lang,
        loaded.session,
        path.to_owned(),
        false,
        Instant::now(),
    );
    if !notices.is_empty() {
        state.set_sticky_notice(notices.join(" "));
    }
    if let Some(rescue) = rescue {
        state.offer_rescue(rescue);
    }
    Ok(Opened::Ready(Box::new(Editing::new(
        state,
        Some(lock),
        Some(marker),
    ))))
}

/// The session file with this id in the data directory.
fn find(ctx: &Context, id: &str) -> Result<PathBuf, Failure> {
    let (lang, dir) = (ctx.lang, ctx.data_dir());
    storage::find_session(dir, id).ok_or_else(|| {
        Failure::new(format!(
            "{} {id} {} {}",
            lang.pick("Fant ikke noe intervju med id", "No session with id"),
            lang.pick("i", "in"),
            dir.display()
        ))
    })
}

/// Opens the session with this id in the data directory for editing; a
/// session held by another process is refused, naming the holder.
pub fn resume<'b>(
    ctx: &'b Context,
    id: &str,
    read_only: bool,
) -> Result<Box<Editing<'b>>, Failure> {
    let path = find(ctx, id)?;
    match open(ctx, &path, read_only)? {
        Opened::Ready(editing) => Ok(editing),
        Opened::Locked(holder) => Err(locked(ctx, id, &path, &holder)),
    }
}

/// Before the terminal starts: the session with this id exists, can be
/// read, and (to edit it) is not open for editing elsewhere, so that a
/// refusal is printed plainly, also where no screen can start. Creates
/// nothing: a session never locked has no lock file, and nobody holds it.
pub fn check_resumable(ctx: &Context, id: &str, read_only: bool) -> Result<(), Failure> {
    let path = find(ctx, id)?;
    storage::load_session(&path, &ctx.bank)?;
    if read_only || !storage::lock_path(&path).is_file() {
        return Ok(());
    }
    match SessionLock::acquire(&path) {
        Ok(Err(holder)) => Err(locked(ctx, id, &path, &holder)),
        // Taken and released at once; opening takes it again.
        Ok(Ok(_)) | Err(_) => Ok(()),
    }
}

/// The refusal of a session open for editing elsewhere, with the command
/// that opens it read-only.
fn locked(ctx: &Context, id: &str, path: &Path, holder: &LockHolder) -> Failure {
    let lang = ctx.lang;
    Failure {
        lines: vec![
            format!(
                "{} {}: {}",
                lang.pick(
                    "Økten er åpen for redigering i",
                    "The session is open for editing in"
                ),
                holder.describe(lang),
                path.display()
            ),
            format!(
                "{} {}",
                lang.pick("Åpne den skrivebeskyttet:", "Open it read-only:"),
                ctx.command(&["interview", "--resume", id, "--read-only"])
            ),
        ],
    }
}

pub fn recovered_notice(lang: Lang, saved: DateTime<FixedOffset>) -> String {
    let when = saved.format("%d.%m.%Y %H:%M:%S");
    match lang {
        Lang::Nb => format!("Gjenopprettet etter uventet avslutning. Sist lagret {when}."),
        Lang::En => format!("Recovered after an unexpected exit. Last saved {when}."),
    }
}

/// What opening a session of an older bank version did: migrated it and
/// kept the original as `backup` (beside the session file), or, read-only,
/// only showed it as migrated.
pub fn migrated_notice(lang: Lang, m: &Migrated, backup: Option<&Path>) -> String {
    let (bank, from, to) = (one_line(&m.bank), one_line(&m.from_version), &m.to_version);
    let name = |b: &Path| one_line(&b.file_name().unwrap_or_default().to_string_lossy());
    let mut text = match (lang, backup) {
        (Lang::Nb, Some(b)) => format!(
            "Migrert fra {bank} {from} til {to}; originalen er tatt vare på som {}.",
            name(b)
        ),
        (Lang::En, Some(b)) => format!(
            "Migrated from {bank} {from} to {to}; the original is kept as {}.",
            name(b)
        ),
        (Lang::Nb, None) => format!(
            "Laget med {bank} {from}, vist som {to}. Fila migreres når den åpnes for redigering."
        ),
        (Lang::En, None) => format!(
            "Made with {bank} {from}, shown as {to}. The file is migrated when opened for editing."
        ),
    };
    if !m.orphaned.is_empty() {
        let ids = one_line(&m.orphaned.join(", "));
        text.push(' ');
        text.push_str(&match lang {
            Lang::Nb => {
                format!("Svar på fjernede spørsmål ({ids}) er bevart under «orphaned» i fila.")
            }
            Lang::En => format!(
                "Answers to removed questions ({ids}) are kept under \"orphaned\" in the file."
            ),
        });
    }
    text
}

impl<'b> Editing<'b> {
    fn new(state: Interview<'b>, lock: Option<SessionLock>, marker: Option<EditMarker>) -> Self {
        Editing {
            state,
            lock,
            marker,
            saver: None,
            events: None,
            quit_refused: false,
            view: Default::default(),
        }
    }

    /// Starts the background saver, which reports to `events`.
    pub fn start_saver(&mut self, events: Sender<Event>) {
        if self.state.read_only {
            return;
        }
        let tx = events.clone();
        self.saver = Some(Autosaver::start(self.state.path.clone(), move |r| {
            let _ = tx.send(Event::Saved(r));
        }));
        self.events = Some(events);
    }

    /// When the next autosave is due, if the saver runs.
    pub fn save_due(&self) -> Option<Instant> {
        self.saver.as_ref().and(self.state.save_due())
    }

    pub fn autosave(&mut self, now: Instant) {
        if let Some(saver) = &self.saver {
            saver.save(self.state.snapshot(now, wall_clock()));
        }
    }

    /// Saves everything and releases the session. On failure the work stays
    /// in memory with a new saver retrying, and the reason is returned.
    pub fn close(&mut self) -> Result<(), String> {
        let Some(saver) = self.saver.take() else {
            return Ok(());
        };
        // Opening and leaving without a change writes nothing: a teammate's
        // identical copy stays identical (no new updated_at, no seconds).
        if self.state.has_unsaved_changes() {
            saver.save(self.state.snapshot(Instant::now(), wall_clock()));
        }
        match saver.stop() {
            None => {
                if let Some(rescue) = self.state.rescue_taken.take() {
                    // Its words are in the session file now.
                    let _ = storage::discard_rescue(&rescue);
                }
                if let Some(marker) = self.marker.take() {
                    let _ = marker.close_clean();
                }
                self.lock.take();
                Ok(())
            }
            Some(unsaved) => {
                if let Some(events) = self.events.take() {
                    self.start_saver(events);
                }
                if let Some(saver) = &self.saver {
                    saver.save(unsaved);
                }
                Err(self
                    .state
                    .save_failure
                    .clone()
                    .unwrap_or_else(|| "the save failed".into()))
            }
        }
    }

    /// The last resort when the session file cannot be written.
    pub fn rescue(&self) -> Vec<String> {
        let session = &self.state.session;
        let rescue = storage::rescue_path(&session.id);
        let name = rescue.file_name().unwrap_or_default().to_string_lossy();
        rescue_copy(session, &self.state.path, &name, self.state.lang, NOUN)
    }

    /// After a program error: the session written directly, its marker
    /// left so that the next open reports the recovery.
    pub fn emergency(&mut self) -> Vec<String> {
        if self.state.read_only {
            return vec![];
        }
        let session = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
            self.state.snapshot(Instant::now(), wall_clock())
        }))
        .unwrap_or_else(|_| self.state.session.clone());
        if let Some(saver) = self.saver.take() {
            saver.stop();
        }
        match storage::write_atomic(&self.state.path, &session.to_json()) {
            Ok(()) => super::saved_after_error(&self.state.path, self.state.lang, NOUN),
            Err(_) => self.rescue(),
        }
    }
}

/// What is kept here, for messages.
const NOUN: (&str, &str) = ("Intervjuet", "The interview");

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_unwritable_directory_is_told_in_the_users_language_with_what_to_do() {
        let denied = std::io::Error::from(std::io::ErrorKind::PermissionDenied);
        let path = Path::new("/data/eksempelvik/x.json");
        let nb = io_failure(Lang::Nb, CANNOT_LOCK, path, &denied).lines;
        assert!(
            nb[0].starts_with("Kan ikke låse /data/eksempelvik/x.json: "),
            "{nb:?}"
        );
        assert!(
            nb[1].contains("med o på startskjermen") && nb[1].contains("--dir"),
            "{nb:?}"
        );
        let en = io_failure(Lang::En, CANNOT_CREATE, path, &denied).lines;
        assert!(en[0].starts_with("Cannot create "), "{en:?}");
        assert!(en[1].contains("with o on the start screen"), "{en:?}");
        let gone = std::io::Error::from(std::io::ErrorKind::NotFound);
        assert_eq!(
            io_failure(Lang::En, CANNOT_LOCK, path, &gone).lines.len(),
            1
        );
    }
}
