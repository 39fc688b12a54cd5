//! `kompass keygen`, `kompass export` and `kompass import`: interviews
//! travel encrypted (age, x25519) on a USB stick or by e-mail, readable only
//! by the reviewer, while the interviewer keeps working on the local copy.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use age::x25519::Recipient;

use super::{CmdResult, Context, ExportArgs, Failure, ImportArgs, KeygenArgs, show};
use crate::core::bundle::{self, Arrival, Entry};
use crate::core::lang::Lang;
use crate::core::session::Session;
use crate::core::slug::slug;
use crate::storage::{self, FileError, LoadedSession, SessionLock, handover};

/// Where `keygen` writes and `import` looks when no file is given.
fn default_key_path(ctx: &Context) -> PathBuf {
    ctx.data_dir().join("keys").join("kompass-key.txt")
}

fn now() -> chrono::DateTime<chrono::FixedOffset> {
    chrono::Local::now().fixed_offset()
}

pub fn keygen(ctx: &Context, args: &KeygenArgs) -> CmdResult {
    let path = args.output.clone().unwrap_or_else(|| default_key_path(ctx));
    let recipient = handover::generate_key(&path, now())?;
    let lang = ctx.lang;
    show(&format!(
        "{}\n{recipient}\n{} {}\n{}\n",
        lang.pick(
            "Offentlig nøkkel (gi den til dem som skal sende deg intervjuer):",
            "Public key (give it to those who will send you interviews):"
        ),
        lang.pick(
            "Hemmelig nøkkel skrevet til",
            "Secret key written to"
        ),
        path.display(),
        lang.pick(
            "Bare du kan lese den. Ta sikkerhetskopi: uten den kan ingen åpne buntene som er sendt til deg.",
            "Only you can read it. Back it up: without it nobody can open the bundles sent to you."
        )
    ))
}

/// The `--to` value as a recipient; a secret key given by mistake is
/// refused without being echoed.
fn recipient(text: &str) -> Result<Recipient, Failure> {
    let text = text.trim();
    let lang = Lang::of_messages();
    if text.to_ascii_uppercase().starts_with("AGE-SECRET-KEY-") {
        return Err(Failure::new(lang.pick(
            "--to: dette er en hemmelig nøkkel; oppgi den offentlige nøkkelen (age1...) og hold den hemmelige for deg selv",
            "--to: this is a secret key; give the public key (age1...) and keep the secret one private",
        )));
    }
    text.parse().map_err(|_| {
        Failure::new(match lang {
            Lang::Nb => format!(
                "--to: «{text}» er ikke en offentlig age-nøkkel (age1...); `kompass keygen` skriver ut en"
            ),
            Lang::En => format!(
                "--to: \"{text}\" is not an age public key (age1...); `kompass keygen` prints one"
            ),
        })
    })
}

pub fn export(ctx: &Context, args: &ExportArgs) -> CmdResult {
    let recipients = args
        .to
        .iter()
        .map(|t| recipient(t))
        .collect::<Result<Vec<_>, _>>()?;
    let files = super::json_files(&args.sessions)?;
    let mut by_path: BTreeMap<String, (PathBuf, Entry)> = BTreeMap::new();
    let mut errors = Vec::new();
    for file in &files {
        // The file's own bytes travel, so its sha256 stays what assessments recorded.
        let loaded = storage::read_file(file)
            .and_then(|bytes| Ok((storage::session_from_bytes(file, &bytes, &ctx.bank)?, bytes)));
        let (loaded, bytes) = match loaded {
            Ok(l) => l,
            Err(e) => {
                errors.extend(e.lines());
                continue;
            }
        };
        let path = relative_path(&loaded.session);
        match by_path.get(&path) {
            Some((_, same)) if same.bytes == bytes => {}
            Some((other, _)) => errors.push(format!(
                "session {} has two different contents: {} and {}; keep one of them",
                loaded.session.id,
                other.display(),
                file.display()
            )),
            None => {
                by_path.insert(path.clone(), (file.clone(), Entry { path, bytes }));
            }
        }
    }
    if !errors.is_empty() {
        errors.push(
            ctx.lang
                .pick("Ingen bunt ble skrevet.", "No bundle was written.")
                .into(),
        );
        return Err(Failure { lines: errors });
    }
    let entries: Vec<Entry> = by_path.into_values().map(|(_, e)| e).collect();
    handover::write_bundle(&args.output, &recipients, &bundle::pack(&entries, now()))?;
    let mut out = String::new();
    for e in &entries {
        out.push_str(&format!(
            "{}: {}\n",
            e.path,
            ctx.lang.pick("pakket", "packed")
        ));
    }
    out.push_str(&format!(
        "{} {} {}\n",
        entries.len(),
        ctx.lang
            .pick("intervjuer kryptert til", "interviews encrypted to"),
        args.output.display()
    ));
    show(&out)
}

/// What to do with a session given the local copy at `dest` (parsed, for
/// its `updated_at`); a local copy that cannot be read is never replaced.
fn compare(
    ctx: &Context,
    dest: &Path,
    entry: &Entry,
    session: &Session,
) -> Result<(Arrival, Option<Session>), String> {
    if !dest.exists() {
        return Ok((Arrival::New, None));
    }
    let bytes = storage::read_file(dest).map_err(|e| e.lines().join("; "))?;
    let local = Session::parse(&bytes).map_err(|p| {
        format!(
            "{}: {}",
            ctx.lang.pick(
                "den lokale kopien kan ikke leses, så den er ikke erstattet",
                "the local copy cannot be read, so it was not replaced"
            ),
            p.render(&dest.display().to_string())
        )
    })?;
    let decision = bundle::arrival(Some((&bytes, &local)), (&entry.bytes, session));
    Ok((decision, Some(local)))
}

/// `<municipality-slug>/<id>.json`, the session's place under the data directory.
fn relative_path(session: &Session) -> String {
    format!("{}/{}.json", slug(&session.municipality), session.id)
}

pub fn import(ctx: &Context, args: &ImportArgs) -> CmdResult {
    let key = match &args.identity {
        Some(key) => key.clone(),
        None => {
            let key = default_key_path(ctx);
            if !key.exists() {
                return Err(Failure::new(format!(
                    "{}: {}",
                    key.display(),
                    ctx.lang.pick(
                        "ingen nøkkel her; lag en med `kompass keygen`, eller oppgi den med --identity",
                        "no key here; make one with `kompass keygen`, or give yours with --identity"
                    )
                )));
            }
            key
        }
    };
    let identities = handover::read_identities(&key)?;
    let plain = handover::read_bundle(&args.bundle, &identities)?;
    let entries = bundle::unpack(&plain).map_err(|p| FileError::new(&args.bundle, p))?;
    let incoming = check_all(ctx, &args.bundle, &entries)?;
    let dir = ctx.data_dir();
    let mut report = String::new();
    let mut failures = Vec::new();
    for (entry, loaded) in &incoming {
        let dest = storage::session_path(dir, &loaded.session.municipality, &loaded.session.id);
        match arrive(ctx, &dest, entry, &loaded.session) {
            Ok(line) => report.push_str(&format!("{}: {line}\n", entry.path)),
            Err(why) => failures.push(format!("{}: {why}", entry.path)),
        }
    }
    show(&report)?;
    if failures.is_empty() {
        Ok(())
    } else {
        Err(Failure { lines: failures })
    }
}

/// Every session in the bundle checked as `load_session` checks a file, at
/// its stated place; one bad session refuses the whole import.
fn check_all<'a>(
    ctx: &Context,
    bundle_path: &Path,
    entries: &'a [Entry],
) -> Result<Vec<(&'a Entry, LoadedSession)>, Failure> {
    let mut ok = Vec::new();
    let mut errors = Vec::new();
    let mut seen = std::collections::BTreeSet::new();
    for entry in entries {
        // Messages name the session inside the bundle: bundle.age/<slug>/<id>.json.
        let name = bundle_path.join(&entry.path);
        match storage::session_from_bytes(&name, &entry.bytes, &ctx.bank) {
            Ok(loaded) => {
                let expected = relative_path(&loaded.session);
                if entry.path != expected {
                    errors.push(format!(
                        "{}: the manifest places it at {}, but its municipality and id say {expected}",
                        name.display(),
                        entry.path
                    ));
                } else if !seen.insert(expected) {
                    errors.push(format!("{}: listed twice in the bundle", name.display()));
                } else {
                    ok.push((entry, loaded));
                }
            }
            Err(e) => errors.extend(e.lines()),
        }
    }
    if errors.is_empty() {
        Ok(ok)
    } else {
        errors.push(
            ctx.lang
                .pick("Ingenting ble importert.", "Nothing was imported.")
                .into(),
        );
        Err(Failure { lines: errors })
    }
}

/// Puts one session in place unless a local copy is as new or newer. A
/// write happens under the session's lock, so an interview open on it is
/// never replaced under its feet. Returns what happened, or why nothing could.
fn arrive(ctx: &Context, dest: &Path, entry: &Entry, session: &Session) -> Result<String, String> {
    let lang = ctx.lang;
    let (mut decision, mut local) = compare(ctx, dest, entry, session)?;
    let _lock = if matches!(decision, Arrival::New | Arrival::Newer) {
        let lock = match SessionLock::acquire(dest) {
            Ok(Ok(lock)) => lock,
            Ok(Err(holder)) => {
                return Err(format!(
                    "{} {}; {}",
                    lang.pick("er åpen for redigering av", "is open for editing by"),
                    holder.describe(lang),
                    lang.pick(
                        "ikke importert, prøv igjen når den er lukket",
                        "not imported; try again when it is closed"
                    )
                ));
            }
            Err(e) => return Err(storage::describe_io(&e)),
        };
        // Compared again under the lock: the local copy may have been saved meanwhile.
        (decision, local) = compare(ctx, dest, entry, session)?;
        Some(lock)
    } else {
        None
    };
    let write = || storage::write_atomic(dest, &entry.bytes).map_err(|e| storage::describe_io(&e));
    Ok(match decision {
        Arrival::New => {
            write()?;
            lang.pick("importert", "imported").to_owned()
        }
        Arrival::AlreadyPresent => lang.pick("finnes allerede", "already present").to_owned(),
        Arrival::Newer => {
            write()?;
            format!(
                "{} {}",
                lang.pick(
                    "erstattet en eldre lokal kopi, som er tatt vare på som",
                    "replaced an older local copy, kept as"
                ),
                storage::backup_path(dest).display()
            )
        }
        Arrival::LocalNewer => format!(
            "{} (updated_at {} {}, {} {})",
            lang.pick(
                "beholdt den lokale kopien: den er nyere",
                "kept the local copy: it is newer"
            ),
            lang.pick("lokalt", "local"),
            local.as_ref().map(|l| l.updated_at.to_rfc3339()).unwrap_or_default(),
            lang.pick("i bunten", "in the bundle"),
            session.updated_at.to_rfc3339()
        ),
        Arrival::SameTimeDifferent => lang
            .pick(
                "beholdt den lokale kopien: samme updated_at, men annet innhold; sammenlign dem for hånd",
                "kept the local copy: same updated_at but different contents; compare them by hand"
            )
            .to_owned(),
    })
}
