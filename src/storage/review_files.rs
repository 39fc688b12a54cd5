//! The disk side of a review: reading the paths given into
//! [`Inputs`](crate::core::review::Inputs), finding the assessment that holds
//! the review's state, and saving it. Session files are only ever read.

use std::fs;
use std::io;
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{
    FileError, assessment_from_bytes, assessment_path, baseline_from_bytes, format_of, json_files,
    load_assessment, load_baseline, read_file, session_from_bytes, unhashed_session,
};
use crate::core::assessment::{self, SourceSession};
use crate::core::bank::{self, Bank};
use crate::core::baseline;
use crate::core::lang::Lang;
use crate::core::parse::Problem;
use crate::core::review::open::{self, BadFile, Inputs, OpenError, ReviewSession, Selection};
use crate::core::session::{self, Answer};

/// Reads every `.json` file under `paths` (recursively) and sorts it by its
/// `format`: sessions (checked against the bank), assessments and baselines;
/// `baselines` are further baseline files (`--baseline`). Other JSON files
/// are skipped with a warning. Any file that cannot be read or is invalid
/// fails the whole read, with one line per problem naming the file.
pub fn read_review_inputs(
    paths: &[PathBuf],
    baselines: &[PathBuf],
    bank: &Bank,
    data_dir: &Path,
) -> Result<Inputs, OpenError> {
    read_inputs(paths, baselines, bank, data_dir, Detail::Full)
}

/// [`read_review_inputs`] for `merge`: the same files and checks, without
/// the sessions' notes, which it never shows. Notes are most of a session's
/// bytes, so 2,000 interviews then fit in well under 100 MB.
pub fn read_scoring_inputs(
    paths: &[PathBuf],
    baselines: &[PathBuf],
    bank: &Bank,
    data_dir: &Path,
) -> Result<Inputs, OpenError> {
    read_inputs(paths, baselines, bank, data_dir, Detail::NoNotes)
}

/// [`read_scoring_inputs`] for `score`, which records nothing: the same
/// files and checks, the sessions without their `sha256` (left empty) and
/// with `path` as given. Never build an assessment from these.
pub fn read_points_inputs(
    paths: &[PathBuf],
    baselines: &[PathBuf],
    bank: &Bank,
    data_dir: &Path,
) -> Result<Inputs, OpenError> {
    read_inputs(paths, baselines, bank, data_dir, Detail::Points)
}

/// How much of each session a reader keeps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Detail {
    /// Everything: a review shows the notes and records the file.
    Full,
    /// No notes; the file's hash and path, which an assessment records.
    NoNotes,
    /// No notes, no hash, the path as given: the points and nothing recorded.
    Points,
}

fn read_inputs(
    paths: &[PathBuf],
    baselines: &[PathBuf],
    bank: &Bank,
    data_dir: &Path,
    detail: Detail,
) -> Result<Inputs, OpenError> {
    let files = json_files(paths).map_err(|e| OpenError::Files(e.lines()))?;
    let base = fs::canonicalize(data_dir).unwrap_or_else(|_| data_dir.to_owned());
    let mut inputs = Inputs::default();
    let mut errors = Vec::new();
    // Files are read on every core, then taken in the order they were listed.
    let read = super::parallel_map(&files, |file| {
        let mut one = Inputs::default();
        read_one(file, bank, &base, detail, &mut one).map(|()| {
            if detail != Detail::Full {
                for s in &mut one.sessions {
                    // Rebuilt from its sorted entries, the map's nodes are
                    // full; parsing inserts one by one and leaves them half empty.
                    s.session.answers = std::mem::take(&mut s.session.answers)
                        .into_iter()
                        .map(|(id, answer)| {
                            (
                                id,
                                Answer {
                                    notes: String::new(),
                                    ..answer
                                },
                            )
                        })
                        .collect();
                }
            }
            one
        })
    });
    for result in read {
        match result {
            Ok(one) => {
                inputs.sessions.extend(one.sessions);
                inputs.assessments.extend(one.assessments);
                inputs.baselines.extend(one.baselines);
                inputs.warnings.extend(one.warnings);
                inputs.bad.extend(one.bad);
            }
            Err(e) => errors.extend(e.lines()),
        }
    }
    if detail != Detail::Full
        && errors.is_empty()
        && let Err(e) = notes_where_ids_repeat(&mut inputs.sessions, bank, &base, detail)
    {
        errors.extend(e.lines());
    }
    for file in baselines {
        match load_baseline(file, bank) {
            Ok((b, warnings)) => {
                let name = file.display().to_string();
                inputs
                    .warnings
                    .extend(warnings.iter().map(|w| w.render(&name)));
                inputs.baselines.push((file.clone(), b));
            }
            Err(e) => errors.extend(e.lines()),
        }
    }
    if errors.is_empty() {
        Ok(inputs)
    } else {
        Err(OpenError::Files(errors))
    }
}

/// Reads again, notes and all, the files of every session id read more
/// than once. Copies of one id are told apart by their whole content
/// ([`open::resolve`]), so what a reader leaves out for speed must not make
/// two versions that differ only there look the same; repeated ids are
/// rare (a copy on a stick, a second laptop), so the notes of the others
/// stay out.
fn notes_where_ids_repeat(
    sessions: &mut [SourceSession],
    bank: &Bank,
    base: &Path,
    detail: Detail,
) -> Result<(), FileError> {
    let mut seen: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for s in sessions.iter() {
        *seen.entry(s.session.id.as_str()).or_default() += 1;
    }
    let repeated: Vec<usize> = (0..sessions.len())
        .filter(|&i| seen[sessions[i].session.id.as_str()] > 1)
        .collect();
    for i in repeated {
        let mut whole = Inputs::default();
        read_one(&sessions[i].file.clone(), bank, base, detail, &mut whole)?;
        // The file was read a moment ago; if it is no session now, the
        // first reading stands and the comparison is as before.
        if let Some(full) = whole.sessions.pop() {
            sessions[i] = full;
        }
    }
    Ok(())
}

/// Reads one file into `inputs`.
fn read_one(
    path: &Path,
    bank: &Bank,
    base: &Path,
    detail: Detail,
    inputs: &mut Inputs,
) -> Result<(), FileError> {
    let bytes = read_file(path)?;
    // A file that is not even a JSON object with a format (cut off at the
    // start, garbage) is most likely a damaged session: left out and listed.
    let format = match format_of(path, &bytes) {
        Ok(format) => format,
        Err(e) => {
            inputs.bad.push(bad_file(e));
            return Ok(());
        }
    };
    let name = path.display().to_string();
    let skipped = |nb: &str, en: &str| {
        Problem::in_both(format!("{nb}; hoppet over"), format!("{en}; skipped"))
            .warning()
            .render(&name)
    };
    match format.as_deref() {
        Some(session::FORMAT) => {
            let read = match detail {
                Detail::Points => unhashed_session(path, &bytes, bank).map(|l| (l, name.clone())),
                _ => session_from_bytes(path, &bytes, bank).map(|l| (l, shown(path, base))),
            };
            let (loaded, path_shown) = match read {
                Ok(read) => read,
                Err(e) => {
                    inputs.bad.push(bad_file(e));
                    return Ok(());
                }
            };
            inputs
                .warnings
                .extend(loaded.warnings.iter().map(|w| w.render(&name)));
            inputs.sessions.push(SourceSession {
                session: loaded.session,
                sha256: loaded.sha256,
                path: path_shown,
                file: path.to_owned(),
            });
        }
        Some(assessment::FORMAT) => {
            let (a, warnings) = assessment_from_bytes(path, &bytes, bank)?;
            inputs
                .warnings
                .extend(warnings.iter().map(|w| w.render(&name)));
            inputs.assessments.push((path.to_owned(), a));
        }
        Some(baseline::FORMAT) => {
            let (b, warnings) = baseline_from_bytes(path, &bytes, bank)?;
            inputs
                .warnings
                .extend(warnings.iter().map(|w| w.render(&name)));
            inputs.baselines.push((path.to_owned(), b));
        }
        Some(bank::FORMAT) => inputs.warnings.push(skipped(
            "en spørsmålsbank, ikke en del av en gjennomgang",
            "a question bank, not part of a review",
        )),
        Some(other) => inputs.warnings.push(skipped(
            &format!("formatet «{other}» er ikke en Kompass-fil"),
            &format!("format \"{other}\" is not a Kompass file"),
        )),
        None => inputs.warnings.push(skipped(
            "ikke en Kompass-fil (ingen «format»)",
            "not a Kompass file (no \"format\")",
        )),
    }
    Ok(())
}

/// A session file that could not be read, with its backup if there is one.
fn bad_file(e: FileError) -> BadFile {
    let backup = super::backup_path(&e.path);
    BadFile {
        backup: backup.is_file().then_some(backup),
        file: e.path,
        problems: e.problems,
    }
}

/// A path as recorded in an assessment: relative to the data directory
/// (`base`, canonicalized once by the caller) when the file lies in it, else
/// as given; with `/` between its parts on every system.
fn shown(path: &Path, base: &Path) -> String {
    let absolute = fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    crate::platform::portable_path(absolute.strip_prefix(base).unwrap_or(path))
}

/// Where a review's assessment lives when none was among the paths: beside
/// the municipality's session files when they all lie in one directory (in
/// the data directory that is `<municipality-slug>/`), else in the data
/// directory's `<municipality-slug>/assessment.json`.
fn default_assessment_path(
    sessions: &[SourceSession],
    data_dir: &Path,
    municipality: &str,
) -> PathBuf {
    let mut dirs = sessions.iter().filter_map(|s| s.file.parent());
    match dirs.next() {
        Some(dir) if dirs.all(|d| d == dir) => dir.join("assessment.json"),
        _ => assessment_path(data_dir, municipality),
    }
}

/// The inputs of one municipality's review, as opening a review reads them
/// (Ctrl-R reads them again): every file under `paths`, then the sessions of
/// `municipality` (else of the only one there is).
pub fn read_selection(
    bank: &Bank,
    paths: &[PathBuf],
    municipality: Option<&str>,
    baselines: &[PathBuf],
    data_dir: &Path,
) -> Result<Selection, OpenError> {
    let inputs = read_review_inputs(paths, baselines, bank, data_dir)?;
    open::select(inputs, municipality)
}

/// Opens a review: reads the paths, picks the municipality (`municipality`,
/// else the only one), resolves duplicates, and takes the existing
/// assessment (among the paths, else at its usual place) or builds a fresh
/// one. Reads only; [`save_review`] writes the assessment.
pub fn open_review(
    bank: &Bank,
    paths: &[PathBuf],
    municipality: Option<&str>,
    baselines: &[PathBuf],
    data_dir: &Path,
    now: DateTime<FixedOffset>,
    lang: Lang,
) -> Result<ReviewSession, OpenError> {
    let mut selection = read_selection(bank, paths, municipality, baselines, data_dir)?;
    let (path, existing) = match selection.assessment.take() {
        Some((path, a)) => (path, Some(a)),
        None => {
            let path = default_assessment_path(
                &selection.sessions,
                data_dir,
                &selection.municipality.name,
            );
            if path.exists() {
                let (a, warnings) =
                    load_assessment(&path, bank).map_err(|e| OpenError::Files(e.lines()))?;
                let name = path.display().to_string();
                selection
                    .warnings
                    .extend(warnings.iter().map(|w| w.render(&name)));
                (path, Some(a))
            } else {
                (path, None)
            }
        }
    };
    open::assemble(bank, selection, path, existing, now, lang)
}

/// Saves the review's assessment atomically (the previous version stays as
/// `assessment.json.bak`), stamped with `now`.
pub fn save_review(review: &mut ReviewSession, now: DateTime<FixedOffset>) -> io::Result<()> {
    review.assessment.updated_at = now;
    super::save_assessment(&review.assessment_path, &review.assessment)?;
    review.existing = true;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::tests::sample;

    #[test]
    fn scoring_inputs_are_review_inputs_without_the_notes() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut files = Vec::new();
        for id in ["01JDX0000000000000000000AA", "01JDX0000000000000000000BB"] {
            let mut s = sample(&bank);
            s.id = id.into();
            files.push(super::super::save_session(dir.path(), &s).unwrap());
        }
        let paths = [dir.path().to_owned()];
        let review = read_review_inputs(&paths, &[], &bank, dir.path()).unwrap();
        let scoring = read_scoring_inputs(&paths, &[], &bank, dir.path()).unwrap();
        assert_eq!(review.sessions.len(), 2);
        for (r, s) in review.sessions.iter().zip(&scoring.sessions) {
            assert_eq!((&r.sha256, &r.path, &r.file), (&s.sha256, &s.path, &s.file));
            let (r, s) = (&r.session.answers["1.1.1"], &s.session.answers["1.1.1"]);
            assert!(r.notes.contains("innbyggerdialog") && s.notes.is_empty());
            assert_eq!((r.scores, &r.findings), (s.scores, &s.findings));
        }
        // Listed order, whichever thread read a file.
        let listed: Vec<_> = review.sessions.iter().map(|s| s.file.clone()).collect();
        assert_eq!(listed, files);

        // For points only: the same sessions, nothing of what an assessment
        // records: no hash, the path as given.
        let points = read_points_inputs(&paths, &[], &bank, dir.path()).unwrap();
        assert_eq!(points.sessions.len(), 2);
        for (s, p) in scoring.sessions.iter().zip(&points.sessions) {
            assert_eq!((&s.session, &s.file), (&p.session, &p.file));
            assert_eq!(s.sha256.len(), 64);
            assert!(p.sha256.is_empty());
            assert_eq!(s.path, format!("eksempelvik/{}.json", s.session.id));
            assert_eq!(p.path, p.file.display().to_string());
        }
    }

    /// A second laptop's copy of one interview: the same id, written anew;
    /// not `pretty`, with no whitespace and the keys in alphabetical order.
    fn copy_of(dir: &Path, name: &str, session: &crate::core::session::Session, pretty: bool) {
        let mut bytes = session.to_json();
        if !pretty {
            let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
            bytes = serde_json::to_vec(&v).unwrap();
            assert!(bytes.starts_with(b"{\"answers\":"), "another key order");
        }
        fs::create_dir_all(dir.join(name).parent().unwrap()).unwrap();
        fs::write(dir.join(name), bytes).unwrap();
    }

    #[test]
    fn versions_differing_only_in_notes_conflict_for_every_reader() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let s = sample(&bank);
        let mut other = s.clone();
        other
            .answers
            .get_mut("1.1.1")
            .unwrap()
            .notes
            .push_str(" Ett ord til.");
        copy_of(dir.path(), "a/one.json", &s, true);
        copy_of(dir.path(), "b/one.json", &other, true);
        copy_of(dir.path(), "c/one.json", &s, false);
        let paths = [dir.path().to_owned()];
        for read in [read_review_inputs, read_scoring_inputs, read_points_inputs] {
            let inputs = read(&paths, &[], &bank, dir.path()).unwrap();
            let (kept, conflicts) = open::resolve(inputs.sessions, None);
            assert!(kept.is_empty());
            assert_eq!(conflicts.len(), 1);
            // The copy with other whitespace and key order is the same as a.
            assert_eq!(conflicts[0].candidates.len(), 2);
            let files: Vec<_> = conflicts[0]
                .candidates
                .iter()
                .map(|c| c.file.strip_prefix(dir.path()).unwrap().to_owned())
                .collect();
            assert_eq!(files, [Path::new("a/one.json"), Path::new("b/one.json")]);
        }
        // Without the differing version, the two copies are one interview.
        fs::remove_file(dir.path().join("b/one.json")).unwrap();
        for read in [read_review_inputs, read_scoring_inputs, read_points_inputs] {
            let inputs = read(&paths, &[], &bank, dir.path()).unwrap();
            let (kept, conflicts) = open::resolve(inputs.sessions, None);
            assert_eq!((kept.len(), conflicts.len()), (1, 0));
        }
    }
}
