//! `kompass protect` and `kompass unprotect`: a data directory whose files
//! are all encrypted, readable only with a passphrase (see docs/privacy.md).

use std::path::Path;

use super::{CmdResult, Context, Failure, ProtectArgs, show};
use crate::core::lang::Lang;
use crate::storage::{self, vault};

pub fn protect(ctx: &Context, args: &ProtectArgs, passphrase_file: Option<&Path>) -> CmdResult {
    let dir = ctx.data_dir().to_owned();
    let lang = ctx.lang;
    if args.change_passphrase {
        if !vault::is_protected(&dir) {
            return Err(not_protected(&dir, lang));
        }
        // The old passphrase first: a wrong one must not cost typing a new one twice.
        vault::unlock_dir(&dir)?;
        let new = vault::new_passphrase(args.new_passphrase_file.as_deref(), &dir, lang)?;
        vault::change_passphrase(&dir, &new)?;
        return show(&format!(
            "{} {}\n",
            lang.pick("Nytt passord for", "New passphrase for"),
            dir.display()
        ));
    }
    let done = if vault::is_protected(&dir) {
        // Finishes an interrupted protection, or encrypts files copied in.
        show(&format!(
            "{} {}\n",
            dir.display(),
            lang.pick(
                "er allerede beskyttet; krypterer filer som ikke er kryptert.",
                "is already protected; encrypting any file that is not."
            )
        ))?;
        vault::encrypt_existing(&dir)?
    } else {
        if let Some(above) = vault::covering(&dir.join(vault::PROTECTION_FILE)) {
            return Err(Failure::new(format!(
                "{}: {} {}",
                dir.display(),
                lang.pick(
                    "ligger i en beskyttet katalog:",
                    "lies in a protected directory:"
                ),
                above.display()
            )));
        }
        storage::create_private_dir(&dir).map_err(|e| Failure::write(&dir, &e))?;
        let passphrase = vault::new_passphrase(passphrase_file, &dir, lang)?;
        vault::protect(&dir, &passphrase)?
    };
    show(&format!(
        "{} {}: {} {}\n{}\n{}\n",
        lang.pick("Beskyttet", "Protected"),
        dir.display(),
        done.converted.len(),
        lang.pick(
            "filer kryptert (hver lest tilbake før klarteksten ble fjernet).",
            "files encrypted (each read back before its plaintext was removed)."
        ),
        lang.pick(
            "Ta vare på passordet: uten det kan ingen lese filene her, heller ikke Kompass.",
            "Keep the passphrase safe: without it nobody can read the files here, Kompass included."
        ),
        lang.pick(
            "Merk: på en SSD kan slettet klartekst ligge igjen til disken bruker plassen på nytt; \
             bare fullt diskkryptering (BitLocker, FileVault, LUKS) fjerner den med sikkerhet.",
            "Note: on an SSD deleted plaintext may survive until the disk reuses the space; only \
             full-disk encryption (BitLocker, FileVault, LUKS) is sure to remove it."
        )
    ))?;
    left_as_they_were(&done, lang)
}

pub fn unprotect(ctx: &Context) -> CmdResult {
    let dir = ctx.data_dir().to_owned();
    let lang = ctx.lang;
    if !vault::is_protected(&dir) {
        return Err(not_protected(&dir, lang));
    }
    let done = vault::unprotect(&dir)?;
    if done.left.is_empty() {
        show(&format!(
            "{} {}: {} {}\n",
            lang.pick("Beskyttelsen er fjernet fra", "Protection removed from"),
            dir.display(),
            done.converted.len(),
            lang.pick("filer dekryptert.", "files decrypted.")
        ))?;
    }
    left_as_they_were(&done, lang)
}

fn not_protected(dir: &Path, lang: Lang) -> Failure {
    Failure::new(format!(
        "{}: {}",
        dir.display(),
        lang.pick(
            "katalogen er ikke beskyttet (kompass protect beskytter den)",
            "the directory is not protected (kompass protect protects it)"
        )
    ))
}

/// Files a conversion could not handle, one line each, as a failure: the
/// command can be run again once they are closed or repaired.
fn left_as_they_were(done: &vault::Conversion, lang: Lang) -> CmdResult {
    if done.left.is_empty() {
        return Ok(());
    }
    let mut lines: Vec<String> = done
        .left
        .iter()
        .map(|(path, why)| format!("{}: {why}", path.display()))
        .collect();
    lines.push(
        lang.pick(
            "Disse filene er som før; kjør kommandoen igjen når de er lukket.",
            "These files are as they were; run the command again once they are closed.",
        )
        .to_owned(),
    );
    Err(Failure { lines })
}

/// Every session of the data directory, or a failure naming each file that
/// cannot be read: purging or erasing around an unreadable file would
/// leave behind what it holds.
fn all_sessions(ctx: &Context, dir: &Path) -> Result<Vec<storage::LoadedSession>, Failure> {
    let list = storage::list_sessions(dir, &ctx.bank);
    if !list.broken.is_empty() {
        let mut lines: Vec<String> = list.broken.iter().flat_map(|e| e.lines()).collect();
        lines.push(
            ctx.lang
                .pick(
                    "Ingenting er endret: rett eller flytt filene over først.",
                    "Nothing was changed: repair or move the files above first.",
                )
                .to_owned(),
        );
        return Err(Failure { lines });
    }
    Ok(list
        .municipalities
        .into_iter()
        .flat_map(|(_, sessions)| sessions)
        .collect())
}

/// Takes the lock of every session, or fails naming those open elsewhere.
fn lock_all(
    sessions: &[&storage::LoadedSession],
    lang: Lang,
) -> Result<Vec<storage::SessionLock>, Failure> {
    let mut locks = Vec::new();
    let mut busy = Vec::new();
    for s in sessions {
        match storage::SessionLock::acquire(&s.path) {
            Ok(Ok(lock)) => locks.push(lock),
            Ok(Err(holder)) => busy.push(format!(
                "{}: {} {}",
                s.path.display(),
                lang.pick("åpen i", "open in"),
                holder.describe(lang)
            )),
            Err(e) => busy.push(format!(
                "{}: {}",
                s.path.display(),
                storage::describe_io(&e)
            )),
        }
    }
    if busy.is_empty() {
        return Ok(locks);
    }
    busy.push(
        lang.pick(
            "Ingenting er endret: lukk intervjuene og prøv igjen.",
            "Nothing was changed: close the interviews and try again.",
        )
        .to_owned(),
    );
    Err(Failure { lines: busy })
}

fn describe_session(s: &storage::LoadedSession) -> String {
    format!(
        "{} ({}, {})",
        s.path.display(),
        s.session.interviewer,
        s.session.started_at.format("%Y-%m-%d")
    )
}

pub fn purge(ctx: &Context, args: &super::PurgeArgs) -> CmdResult {
    use crate::core::assessment::{Purge, Purged};
    let lang = ctx.lang;
    let dir = ctx.data_dir().to_owned();
    let now = chrono::Local::now().fixed_offset();
    let wanted = crate::core::slug::slug(&args.municipality);
    let cutoff = args
        .older_than
        .map(|days| now - chrono::Duration::days(i64::from(days)));
    let sessions = all_sessions(ctx, &dir)?;
    let chosen: Vec<&storage::LoadedSession> = sessions
        .iter()
        .filter(|s| crate::core::slug::slug(&s.session.municipality) == wanted)
        .filter(|s| cutoff.is_none_or(|c| s.session.updated_at < c))
        .filter(|s| args.all || crate::core::retention::has_notes(&s.session))
        .collect();
    let assessment_path = storage::assessment_path(&dir, &args.municipality);
    let mut assessment = if assessment_path.exists() {
        Some(storage::load_assessment(&assessment_path, &ctx.bank)?.0)
    } else {
        None
    };
    if args.all {
        // Only what the assessment holds may go: its scores of each
        // session, as the session is now.
        let unrecorded: Vec<String> = chosen
            .iter()
            .filter(|s| {
                !assessment.as_ref().is_some_and(|a| {
                    a.sessions
                        .iter()
                        .any(|r| r.id == s.session.id && r.sha256 == s.sha256)
                })
            })
            .map(|s| describe_session(s))
            .collect();
        if !unrecorded.is_empty() {
            let mut lines = vec![format!(
                "{} {}:",
                lang.pick(
                    "Vurderingen har ikke poengene til disse intervjuene slik de er nå; \
                     åpne gjennomgangen (kompass review) først. Ingenting er slettet. Vurdering:",
                    "The assessment does not hold the scores of these interviews as they are now; \
                     open the review (kompass review) first. Nothing was removed. Assessment:"
                ),
                assessment_path.display()
            )];
            lines.extend(unrecorded);
            return Err(Failure { lines });
        }
    }
    if chosen.is_empty() {
        return show(&format!(
            "{} {}\n",
            lang.pick("Ingenting å slette for", "Nothing to remove for"),
            args.municipality
        ));
    }
    let mut listing = String::new();
    listing.push_str(match (args.all, args.yes) {
        (false, false) => lang.pick(
            "Notater og funn ville blitt slettet fra:",
            "Notes and findings would be removed from:",
        ),
        (false, true) => lang.pick(
            "Notater og funn slettes fra:",
            "Removing notes and findings from:",
        ),
        (true, false) => lang.pick(
            "Disse øktene ville blitt slettet:",
            "These sessions would be removed:",
        ),
        (true, true) => lang.pick("Sletter disse øktene:", "Removing these sessions:"),
    });
    listing.push('\n');
    for s in &chosen {
        listing.push_str(&format!("  {}\n", describe_session(s)));
        for copy in storage::copies_of(&s.path, &storage::rescue_path(&s.session.id)) {
            listing.push_str(&format!("    {}\n", copy.display()));
        }
    }
    if !args.yes {
        listing.push_str(lang.pick(
            "Ingenting er slettet; kjør igjen med --yes for å slette.\n",
            "Nothing was removed; run again with --yes to remove it.\n",
        ));
        return show(&listing);
    }
    show(&listing)?;
    let _locks = lock_all(&chosen, lang)?;
    let mut done = Vec::new();
    for s in &chosen {
        let written = if args.all {
            storage::remove_with_copies(&s.path, &storage::rescue_path(&s.session.id))
                .map(|()| None)
        } else {
            let mut session = s.session.clone();
            crate::core::retention::strip_notes(&mut session);
            let bytes = session.to_json();
            storage::rewrite_without_copies(&s.path, &storage::rescue_path(&session.id), &bytes)
                .map(|()| Some(crate::core::bank::sha256_hex(&bytes)))
        };
        match written {
            Ok(new_sha) => {
                if let (Some(a), Some(sha)) = (assessment.as_mut(), new_sha) {
                    // The record follows the file, so the review sees no change.
                    for r in a.sessions.iter_mut().filter(|r| r.id == s.session.id) {
                        r.sha256.clone_from(&sha);
                    }
                }
                done.push(s.session.id.clone());
            }
            Err(e) => return Err(Failure::write(&s.path, &e)),
        }
    }
    if let Some(a) = assessment.as_mut() {
        a.purged.push(Purge {
            at: now,
            what: if args.all {
                Purged::Sessions
            } else {
                Purged::Notes
            },
            sessions: done,
        });
        a.updated_at = now;
        storage::save_assessment(&assessment_path, a)
            .map_err(|e| Failure::write(&assessment_path, &e))?;
        show(&format!(
            "{} {}\n",
            lang.pick("Slettingen er registrert i", "The purge is recorded in"),
            assessment_path.display()
        ))
    } else {
        show(lang.pick(
            "Ingen vurdering å registrere slettingen i.\n",
            "No assessment to record the purge in.\n",
        ))
    }
}

/// Asks a yes/no question at the terminal; no terminal is a refusal that
/// says how to confirm without one.
fn confirm(question: &str, lang: Lang) -> Result<bool, Failure> {
    use std::io::{BufRead, IsTerminal, Write};
    if !std::io::stdin().is_terminal() {
        return Err(Failure::new(lang.pick(
            "Ingenting er gjort: bekreft med --yes når det ikke er noen terminal å spørre i.",
            "Nothing was done: confirm with --yes when there is no terminal to ask.",
        )));
    }
    eprint!("{question} [{}] ", lang.pick("j/N", "y/N"));
    let _ = std::io::stderr().flush();
    let mut answer = String::new();
    std::io::stdin()
        .lock()
        .read_line(&mut answer)
        .map_err(|e| Failure::new(storage::describe_io(&e)))?;
    Ok(matches!(
        answer.trim().to_lowercase().as_str(),
        "j" | "ja" | "y" | "yes"
    ))
}

pub fn person(ctx: &Context, args: &super::PersonArgs) -> CmdResult {
    use crate::core::retention;
    let lang = ctx.lang;
    let dir = ctx.data_dir().to_owned();
    let sessions = all_sessions(ctx, &dir)?;
    let theirs: Vec<&storage::LoadedSession> = sessions
        .iter()
        .filter(|s| retention::interviewee(&s.session, &args.name).is_some())
        .collect();
    let mut assessments = Vec::new();
    for file in storage::json_files(std::slice::from_ref(&dir))? {
        if storage::file_format(&file).ok().as_deref() != Some(crate::core::assessment::FORMAT) {
            continue;
        }
        let (a, _) = storage::load_assessment(&file, &ctx.bank)?;
        let named = a.sessions.iter().any(|r| {
            r.interviewees
                .iter()
                .any(|p| retention::same_name(&p.name, &args.name))
        });
        if named {
            assessments.push((file, a));
        }
    }
    if theirs.is_empty() && assessments.is_empty() {
        return Err(Failure::new(format!(
            "{}: {} \"{}\"",
            dir.display(),
            lang.pick("ingen intervjuer av", "no interviews of"),
            args.name
        )));
    }
    let mut listing = format!(
        "{} \"{}\":\n",
        lang.pick("Dette gjelder", "This concerns"),
        args.name
    );
    for s in &theirs {
        listing.push_str(&format!("  {}\n", describe_session(s)));
    }
    for (file, _) in &assessments {
        listing.push_str(&format!("  {}\n", file.display()));
    }
    show(&listing)?;
    if let Some(out) = &args.export {
        let question = format!(
            "{} {}?",
            lang.pick("Skrive alt dette til", "Write all of this to"),
            out.display()
        );
        if !args.yes && !confirm(&question, lang)? {
            return show(lang.pick("Ingenting er skrevet.\n", "Nothing was written.\n"));
        }
        let export = retention::PersonExport::new(
            &args.name,
            &theirs.iter().map(|s| s.session.clone()).collect::<Vec<_>>(),
        );
        let markdown = out.extension().is_some_and(|e| e == "md");
        let bytes = if markdown {
            export.to_markdown(&ctx.bank, lang).into_bytes()
        } else {
            export.to_json()
        };
        storage::write_atomic(out, &bytes).map_err(|e| Failure::write(out, &e))?;
        return show(&format!(
            "{} {}\n",
            lang.pick("Skrevet:", "Written:"),
            out.display()
        ));
    }
    let question = lang.pick(
        "Erstatte navnet med rolle og nummer i alle disse filene? Det kan ikke angres.",
        "Replace the name with role and number in all these files? This cannot be undone.",
    );
    if !args.yes && !confirm(question, lang)? {
        return show(lang.pick("Ingenting er endret.\n", "Nothing was changed.\n"));
    }
    erase(ctx, &args.name, &sessions, &theirs, assessments)
}

/// `person --erase`: each role of the person in a municipality gets one
/// stand-in, free among every name of that municipality.
fn erase(
    ctx: &Context,
    name: &str,
    all: &[storage::LoadedSession],
    theirs: &[&storage::LoadedSession],
    mut assessments: Vec<(std::path::PathBuf, crate::core::assessment::Assessment)>,
) -> CmdResult {
    use crate::core::retention;
    use std::collections::{BTreeMap, BTreeSet};
    let lang = ctx.lang;
    let slug = crate::core::slug::slug;
    let mut taken: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for s in all {
        let names = taken.entry(slug(&s.session.municipality)).or_default();
        names.extend(s.session.interviewees.iter().map(|p| p.name.clone()));
    }
    for (_, a) in &assessments {
        let names = taken.entry(slug(&a.municipality)).or_default();
        names.extend(
            a.sessions
                .iter()
                .flat_map(|r| r.interviewees.iter().map(|p| p.name.clone())),
        );
    }
    let mut stand_ins: BTreeMap<(String, String), String> = BTreeMap::new();
    let mut stand_in = |municipality: &str, role: &str| {
        let key = (slug(municipality), role.to_owned());
        stand_ins
            .entry(key.clone())
            .or_insert_with(|| {
                let names = taken.entry(key.0).or_default();
                let label = retention::stand_in(&ctx.bank.role_label(role, lang), names);
                names.insert(label.clone());
                label
            })
            .clone()
    };
    let _locks = lock_all(theirs, lang)?;
    let mut new_hashes: BTreeMap<String, String> = BTreeMap::new();
    for s in theirs {
        let role = retention::interviewee(&s.session, name)
            .map(|p| p.role.clone())
            .unwrap_or_default();
        let label = stand_in(&s.session.municipality, &role);
        let mut session = s.session.clone();
        retention::erase_from_session(&mut session, name, &label);
        let bytes = session.to_json();
        storage::rewrite_without_copies(&s.path, &storage::rescue_path(&session.id), &bytes)
            .map_err(|e| Failure::write(&s.path, &e))?;
        new_hashes.insert(session.id.clone(), crate::core::bank::sha256_hex(&bytes));
    }
    for (file, a) in &mut assessments {
        let role = a
            .sessions
            .iter()
            .flat_map(|r| &r.interviewees)
            .find(|p| retention::same_name(&p.name, name))
            .map(|p| p.role.clone())
            .unwrap_or_default();
        let label = stand_in(&a.municipality, &role);
        retention::erase_from_assessment(a, name, &label);
        for r in &mut a.sessions {
            if let Some(sha) = new_hashes.get(&r.id) {
                r.sha256.clone_from(sha);
            }
        }
        a.updated_at = chrono::Local::now().fixed_offset();
        storage::rewrite_without_copies(
            file,
            &storage::assessment_rescue_path(&a.municipality),
            &a.to_json(),
        )
        .map_err(|e| Failure::write(file, &e))?;
    }
    show(&format!(
        "{} {} {}\n",
        lang.pick("Navnet er erstattet i", "The name is replaced in"),
        theirs.len() + assessments.len(),
        lang.pick("filer.", "files.")
    ))
}
