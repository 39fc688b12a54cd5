//! The runtime around the pure screens: the event loop, the clock, and
//! every side effect (session files, locks, the autosaver, signals, panics).
//!
//! The loop blocks on one channel (input, signals, save reports) and only
//! wakes early when a save is due. It handles every event already queued
//! before drawing, so a burst of keys costs one frame.

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::{Path, PathBuf};
use std::sync::mpsc::Sender;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{Event, KeyEvent, KeyEventKind};
use signal_hook::consts::SIGHUP;

use super::form::{self, Form};
use super::interview::{Effect, Interview, Msg};
use super::interview_view;
use super::review_entry;
use super::start::{self, Start};
use super::terminal::{AppEvent, Tui, restore};
use crate::cli::{CmdResult, Context, Failure};
use crate::core::lang::Lang;
use crate::core::migrate::Migrated;
use crate::core::session::{Person, Session};
use crate::core::text::one_line;
use crate::storage::{self, Autosaver, EditMarker, LockHolder, SessionLock};

fn wall_clock() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// A session open on screen, with what keeps it safe: the lock, the
/// marker of an unfinished edit, and the saver.
pub struct Editing<'b> {
    pub state: Interview<'b>,
    lock: Option<SessionLock>,
    marker: Option<EditMarker>,
    saver: Option<Autosaver>,
    events: Option<Sender<AppEvent>>,
    /// Quitting returns to the start screen rather than ending the program.
    from_start: bool,
    /// The last quit failed to save; the next one writes a rescue copy.
    quit_refused: bool,
    view: interview_view::ViewCache,
}

pub enum Opened<'b> {
    Ready(Box<Editing<'b>>),
    Locked(LockHolder),
}

fn io_failure(what: &str, path: &Path, e: &std::io::Error) -> Failure {
    Failure::new(format!(
        "{what} {}: {}",
        path.display(),
        storage::describe_io(e)
    ))
}

/// Creates a new session file and opens it for editing.
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
        Err(e) => return Err(io_failure("cannot lock", &path, &e)),
    };
    storage::write_atomic(&path, &session.to_json())
        .map_err(|e| io_failure("cannot create", &path, &e))?;
    let (marker, _) =
        EditMarker::create(&path).map_err(|e| io_failure("cannot mark open", &path, &e))?;
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
        Err(e) => return Err(io_failure("cannot lock", path, &e)),
    };
    let loaded = storage::load_session(path, &ctx.bank)?;
    // A session of an older bank version is written back migrated, its
    // original kept beside it, before anything else is written.
    let backup = storage::save_migrated(&loaded)?;
    let (marker, unclean) =
        EditMarker::create(path).map_err(|e| io_failure("cannot mark open", path, &e))?;
    let saved = loaded.session.updated_at;
    let mut notices = Vec::new();
    if unclean {
        notices.push(recovered_notice(lang, saved));
    }
    if let Some(m) = &loaded.migrated {
        notices.push(migrated_notice(lang, m, backup.as_deref()));
    }
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
    Ok(Opened::Ready(Box::new(Editing::new(
        state,
        Some(lock),
        Some(marker),
    ))))
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
            from_start: false,
            quit_refused: false,
            view: Default::default(),
        }
    }

    fn start_saver(&mut self, events: Sender<AppEvent>) {
        if self.state.read_only {
            return;
        }
        let tx = events.clone();
        self.saver = Some(Autosaver::start(self.state.path.clone(), move |r| {
            let _ = tx.send(AppEvent::Saved(r));
        }));
        self.events = Some(events);
    }

    fn autosave(&mut self, now: Instant) {
        if let Some(saver) = &self.saver {
            saver.save(self.state.snapshot(now, wall_clock()));
        }
    }

    /// Saves everything and releases the session. On failure the work stays
    /// in memory with a new saver retrying, and the reason is returned.
    fn close(&mut self) -> Result<(), String> {
        let Some(saver) = self.saver.take() else {
            return Ok(());
        };
        saver.save(self.state.snapshot(Instant::now(), wall_clock()));
        match saver.stop() {
            None => {
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

    /// The last resort when the session file cannot be written: a copy in
    /// the temporary directory.
    fn rescue(&mut self) -> Vec<String> {
        let session = self.state.session.clone();
        let lang = self.state.lang;
        let name = format!("kompass-rescue-{}.json", session.id);
        let path = std::env::temp_dir().join(name);
        match storage::write_atomic(&path, &session.to_json()) {
            Ok(()) => vec![format!(
                "{} {}",
                lang.pick(
                    "Intervjuet kunne ikke lagres på sin plass; en kopi er lagret i",
                    "The interview could not be saved in its place; a copy is in"
                ),
                path.display()
            )],
            Err(e) => vec![format!(
                "{} {} ({})",
                lang.pick(
                    "Intervjuet kunne ikke lagres, heller ikke som kopi i",
                    "The interview could not be saved, not even as a copy in"
                ),
                path.display(),
                storage::describe_io(&e)
            )],
        }
    }
}

/// Debug builds only: a program error on demand, when the key named by
/// `KOMPASS_PANIC_ON_KEY` is typed, so that an end-to-end test can show that
/// a panic loses nothing typed before it. Release builds have no such key.
#[cfg(debug_assertions)]
fn injected_panic(ev: &AppEvent) {
    use ratatui::crossterm::event::KeyCode;
    if let AppEvent::Term(Event::Key(k)) = ev
        && let KeyCode::Char(c) = k.code
        && std::env::var("KOMPASS_PANIC_ON_KEY").is_ok_and(|key| key.starts_with(c))
    {
        panic!("a program error injected by KOMPASS_PANIC_ON_KEY");
    }
}

pub enum Screen<'b> {
    Start(Box<Start<'b>>),
    Form(Box<Form<'b>>),
    Interview(Box<Editing<'b>>),
}

enum Exit {
    Done,
    /// Ended by a signal or a closed terminal, after saving.
    Signal(i32, Vec<String>),
    /// Ended by a panic, after saving what could be saved.
    Panic(Vec<String>),
    /// Quit although the session file could not be written (rescue copy).
    Failed(Vec<String>),
}

enum Flow {
    Continue,
    Exit(Exit),
}

struct App<'b> {
    ctx: &'b Context,
    dir: PathBuf,
    tui: Tui,
    screen: Screen<'b>,
}

/// The start screen of a data directory.
pub fn start_screen<'b>(ctx: &'b Context, dir: &Path) -> Screen<'b> {
    let list = storage::list_sessions(dir, &ctx.bank);
    Screen::Start(Box::new(Start::new(&ctx.bank, ctx.lang, dir, list)))
}

/// Runs the screens until the user quits. A signal or a panic ends the
/// process here, after saving and restoring the terminal.
pub fn run<'b>(ctx: &'b Context, screen: Screen<'b>) -> CmdResult {
    let tui = start_terminal(ctx.lang)?;
    run_on(ctx, tui, screen)
}

/// Enters full-screen mode, or says why it cannot.
pub fn start_terminal(lang: Lang) -> Result<Tui, Failure> {
    Tui::start().map_err(|e| {
        Failure::new(format!(
            "{}: {e}",
            lang.pick("Kan ikke starte terminalen", "Cannot start the terminal")
        ))
    })
}

/// [`run`] on a terminal already in full-screen mode (the review hands
/// over to the start screen this way).
pub fn run_on<'b>(ctx: &'b Context, tui: Tui, mut screen: Screen<'b>) -> CmdResult {
    if let Screen::Interview(e) = &mut screen {
        e.start_saver(tui.sender());
    }
    let mut app = App {
        ctx,
        dir: ctx.data_dir(),
        tui,
        screen,
    };
    let exit = app.run_loop();
    drop(app);
    restore();
    match exit {
        Exit::Done => Ok(()),
        Exit::Failed(lines) => Err(Failure { lines }),
        Exit::Signal(sig, lines) => {
            for l in lines {
                eprintln!("{l}");
            }
            std::process::exit(128 + sig);
        }
        Exit::Panic(lines) => {
            for l in lines {
                eprintln!("{l}");
            }
            std::process::exit(101);
        }
    }
}

impl<'b> App<'b> {
    fn run_loop(&mut self) -> Exit {
        loop {
            if self.draw().is_err() {
                return self.shutdown(SIGHUP);
            }
            let deadline = self.save_due();
            let mut flow = match self.tui.next(deadline) {
                Some(ev) => self.guarded(ev),
                None => Flow::Continue,
            };
            while matches!(flow, Flow::Continue) {
                match self.tui.try_next() {
                    Some(ev) => flow = self.guarded(ev),
                    None => break,
                }
            }
            if let Flow::Exit(exit) = flow {
                return exit;
            }
            if self.save_due().is_some_and(|d| d <= Instant::now())
                && let Screen::Interview(e) = &mut self.screen
            {
                e.autosave(Instant::now());
            }
        }
    }

    fn save_due(&self) -> Option<Instant> {
        match &self.screen {
            Screen::Interview(e) if e.saver.is_some() => e.state.save_due(),
            _ => None,
        }
    }

    fn draw(&mut self) -> std::io::Result<()> {
        let tui = &mut self.tui;
        match &mut self.screen {
            Screen::Start(s) => tui.draw(|f| s.draw(f)),
            Screen::Form(s) => tui.draw(|f| s.draw(f)),
            Screen::Interview(e) => interview_view::draw_on(tui.surface(), &e.state, &mut e.view),
        }
    }

    /// Handles an event; a panic while doing so saves and ends the program.
    fn guarded(&mut self, ev: AppEvent) -> Flow {
        match catch_unwind(AssertUnwindSafe(|| self.handle(ev))) {
            Ok(flow) => flow,
            Err(_) => Flow::Exit(self.emergency()),
        }
    }

    fn handle(&mut self, ev: AppEvent) -> Flow {
        #[cfg(debug_assertions)]
        injected_panic(&ev);
        let now = Instant::now();
        match ev {
            AppEvent::Signal(sig) => Flow::Exit(self.shutdown(sig)),
            AppEvent::InputClosed => Flow::Exit(self.shutdown(SIGHUP)),
            AppEvent::Saved(report) => {
                if let Screen::Interview(e) = &mut self.screen {
                    e.state.update(Msg::Saved(report), now);
                }
                Flow::Continue
            }
            AppEvent::Term(Event::Key(k)) if k.kind != KeyEventKind::Release => self.key(k, now),
            AppEvent::Term(Event::Paste(text)) => {
                match &mut self.screen {
                    Screen::Interview(e) => {
                        e.state.update(Msg::Paste(text), now);
                    }
                    Screen::Form(f) => f.paste(&text),
                    Screen::Start(_) => {}
                }
                Flow::Continue
            }
            _ => Flow::Continue,
        }
    }

    fn key(&mut self, k: KeyEvent, now: Instant) -> Flow {
        let ctx = self.ctx;
        match &mut self.screen {
            Screen::Interview(e) => {
                for effect in e.state.update(Msg::Key(k), now) {
                    match effect {
                        Effect::SaveNow => e.autosave(now),
                        Effect::Quit => return self.quit_interview(),
                    }
                }
                Flow::Continue
            }
            Screen::Form(f) => match f.update(k) {
                Some(form::Effect::Cancel) => {
                    self.screen = start_screen(ctx, &self.dir);
                    Flow::Continue
                }
                Some(form::Effect::Create {
                    municipality,
                    interviewer,
                    people,
                }) => {
                    match create(ctx, &self.dir, &municipality, &interviewer, people) {
                        Ok(editing) => self.show_interview(Box::new(editing)),
                        Err(failure) => {
                            let mut s = start_screen(ctx, &self.dir);
                            if let Screen::Start(st) = &mut s {
                                st.say(failure.lines.join(" "), true);
                            }
                            self.screen = s;
                        }
                    }
                    Flow::Continue
                }
                None => Flow::Continue,
            },
            Screen::Start(s) => match s.update(k) {
                None => Flow::Continue,
                Some(start::Effect::Quit) => Flow::Exit(Exit::Done),
                Some(start::Effect::New(municipality)) => {
                    let known = storage::list_sessions(&self.dir, &ctx.bank)
                        .municipalities
                        .into_iter()
                        .map(|(name, _)| name)
                        .collect();
                    self.screen = Screen::Form(Box::new(Form::new(
                        &ctx.bank,
                        ctx.lang,
                        known,
                        municipality.as_deref(),
                    )));
                    Flow::Continue
                }
                Some(start::Effect::Resume(path)) => {
                    match open(ctx, &path, false) {
                        Ok(Opened::Ready(editing)) => self.show_interview(editing),
                        Ok(Opened::Locked(holder)) => s.ask_read_only(path, &holder),
                        Err(failure) => s.say(failure.lines.join(" "), true),
                    }
                    Flow::Continue
                }
                Some(start::Effect::ReadOnly(path)) => {
                    match open(ctx, &path, true) {
                        Ok(Opened::Ready(editing)) => self.show_interview(editing),
                        Ok(Opened::Locked(_)) => {}
                        Err(failure) => s.say(failure.lines.join(" "), true),
                    }
                    Flow::Continue
                }
                Some(start::Effect::Review(municipality)) => {
                    let result =
                        review_entry::open_review(ctx, &mut self.tui, &self.dir, &municipality);
                    let _ = self.tui.clear();
                    self.screen = start_screen(ctx, &self.dir);
                    if let (Err(failure), Screen::Start(s)) = (result, &mut self.screen) {
                        s.say(failure.lines.join(" "), true);
                    }
                    Flow::Continue
                }
            },
        }
    }

    fn show_interview(&mut self, mut editing: Box<Editing<'b>>) {
        editing.from_start = true;
        editing.start_saver(self.tui.sender());
        self.screen = Screen::Interview(editing);
    }

    fn quit_interview(&mut self) -> Flow {
        let Screen::Interview(e) = &mut self.screen else {
            return Flow::Continue;
        };
        match e.close() {
            Ok(()) if e.from_start => {
                self.screen = start_screen(self.ctx, &self.dir);
                Flow::Continue
            }
            Ok(()) => Flow::Exit(Exit::Done),
            Err(_) if e.quit_refused => Flow::Exit(Exit::Failed(e.rescue())),
            Err(reason) => {
                e.quit_refused = true;
                let lang = e.state.lang;
                e.state.set_sticky_notice(format!(
                    "{} ({reason}). {}",
                    lang.pick("Kan ikke lagre", "Cannot save"),
                    lang.pick(
                        "Arbeidet er i minnet og lagres når det går. Ctrl-Q igjen lagrer en kopi i /tmp og avslutter.",
                        "The work is in memory and is saved when possible. Ctrl-Q again saves a copy in /tmp and quits."
                    )
                ));
                Flow::Continue
            }
        }
    }

    /// A signal or a lost terminal: take in what was typed before it, save
    /// everything, release the session.
    fn shutdown(&mut self, sig: i32) -> Exit {
        let Screen::Interview(e) = &mut self.screen else {
            return Exit::Signal(sig, vec![]);
        };
        while let Some(ev) = self.tui.try_next() {
            let now = Instant::now();
            match ev {
                AppEvent::Term(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                    // Only what changes the text counts now; quitting is under way.
                    let _ = e.state.update(Msg::Key(k), now);
                }
                AppEvent::Term(Event::Paste(text)) => {
                    e.state.update(Msg::Paste(text), now);
                }
                _ => {}
            }
        }
        match e.close() {
            Ok(()) => Exit::Signal(sig, vec![]),
            Err(_) => Exit::Signal(sig, e.rescue()),
        }
    }

    /// After a panic: save the session directly and say where it is.
    fn emergency(&mut self) -> Exit {
        let Screen::Interview(e) = &mut self.screen else {
            return Exit::Panic(vec![]);
        };
        if e.state.read_only {
            return Exit::Panic(vec![]);
        }
        let lang = e.state.lang;
        let session = catch_unwind(AssertUnwindSafe(|| {
            e.state.snapshot(Instant::now(), wall_clock())
        }))
        .unwrap_or_else(|_| e.state.session.clone());
        if let Some(saver) = e.saver.take() {
            saver.stop();
        }
        let path = e.state.path.clone();
        // The marker stays: the next open reports the recovery.
        match storage::write_atomic(&path, &session.to_json()) {
            Ok(()) => Exit::Panic(vec![format!(
                "{} {}",
                lang.pick(
                    "Kompass stoppet på grunn av en programfeil. Intervjuet er lagret i",
                    "Kompass stopped because of a program error. The interview is saved in"
                ),
                path.display()
            )]),
            Err(_) => Exit::Panic(e.rescue()),
        }
    }
}
