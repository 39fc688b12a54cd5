//! The only code that touches the disk: where files live, how they are read
//! (strictly, with a size limit) and written (atomically and durably, private
//! to the user), and who holds a session open.

mod atomic;
mod autosave;
mod demo;
pub mod handover;
mod interrupted;
mod listing;
mod lock;
mod rescue;
mod review_files;
pub mod vault;

use std::fmt;
use std::fs;
use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

pub use atomic::{backup_path, create_private_dir};
pub use autosave::{Autosaver, Document, EditMarker, SaveReport, Writer, open_marker_path};
pub use demo::{DEMO_FILES, Demo, install_demo, write_demo};
pub use interrupted::finish_interrupted_save;
pub use listing::{SessionList, list_sessions};
pub use lock::{LockHolder, SessionLock, lock_path};
pub use rescue::{Rescue, discard_rescue, find_rescue, rescue_path, write_rescue};
pub use review_files::{
    open_review, read_points_inputs, read_review_inputs, read_scoring_inputs, read_selection,
    save_review,
};
pub use vault::{write_atomic, write_atomic_with, write_copy, write_new_private};

use crate::core::assessment::Assessment;
use crate::core::bank::Bank;
use crate::core::baseline::Baseline;
use crate::core::lang::Lang;
use crate::core::migrate::Migrated;
use crate::core::parse::Problem;
use crate::core::session::Session;
use crate::core::slug::slug;

/// The environment variable naming the data directory.
pub const DIR_ENV: &str = "KOMPASS_DIR";
/// The largest file Kompass reads: far above a long interview (a few MB),
/// far below what would exhaust memory.
pub const MAX_FILE_BYTES: u64 = 32 * 1024 * 1024;

/// What went wrong with one file: its path and every problem found in it.
#[derive(Debug, Clone)]
pub struct FileError {
    pub path: PathBuf,
    pub problems: Vec<Problem>,
}

impl FileError {
    pub fn new(path: &Path, problem: Problem) -> FileError {
        FileError {
            path: path.to_owned(),
            problems: vec![problem],
        }
    }

    fn io(path: &Path, e: &io::Error) -> FileError {
        FileError::new(path, io_problem(e))
    }

    /// One line per problem, each starting with the file name.
    pub fn lines(&self) -> Vec<String> {
        let file = self.path.display().to_string();
        self.problems.iter().map(|p| p.render(&file)).collect()
    }
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.lines().join("\n"))
    }
}

impl std::error::Error for FileError {}

/// A plain-language reason for an I/O failure, in the language of messages.
pub fn describe_io(e: &io::Error) -> String {
    describe_io_in(e, Lang::of_messages())
}

/// [`describe_io`] as a problem, in both languages.
pub fn io_problem(e: &io::Error) -> Problem {
    Problem::in_both(describe_io_in(e, Lang::Nb), describe_io_in(e, Lang::En))
}

/// [`describe_io`] in `lang`.
fn describe_io_in(e: &io::Error, lang: Lang) -> String {
    let plain = match e.kind() {
        io::ErrorKind::NotFound => (
            "filen eller mappen finnes ikke",
            "no such file or directory",
        ),
        _ if crate::platform::durable::is_read_only_refusal(e) => {
            ("filen er skrivebeskyttet", "the file is read-only")
        }
        io::ErrorKind::PermissionDenied => ("ingen tilgang", "permission denied"),
        io::ErrorKind::StorageFull => ("disken er full", "the disk is full"),
        io::ErrorKind::ReadOnlyFilesystem => (
            "filsystemet er skrivebeskyttet",
            "the file system is read-only",
        ),
        io::ErrorKind::IsADirectory => ("er en mappe", "is a directory"),
        _ => return e.to_string(),
    };
    lang.pick(plain.0, plain.1).to_owned()
}

/// The data directory: `--dir`, else `$KOMPASS_DIR`, else the platform's
/// data directory (`~/.local/share/kompass` on Linux).
pub fn data_dir(flag: Option<&Path>) -> PathBuf {
    if let Some(dir) = flag {
        return dir.to_owned();
    }
    if let Some(dir) = std::env::var_os(DIR_ENV).filter(|d| !d.is_empty()) {
        return PathBuf::from(dir);
    }
    directories::ProjectDirs::from("no", "Kompass", "kompass")
        .map(|d| d.data_dir().to_owned())
        .unwrap_or_else(|| PathBuf::from("kompass-data"))
}

/// `<dir>/<municipality-slug>/<id>.json`.
pub fn session_path(dir: &Path, municipality: &str, id: &str) -> PathBuf {
    dir.join(slug(municipality)).join(format!("{id}.json"))
}

/// Opens a file to read, refusing a directory or anything larger than
/// [`MAX_FILE_BYTES`]; also returns its length.
fn open_to_read(path: &Path) -> Result<(fs::File, u64), FileError> {
    let file = fs::File::open(path).map_err(|e| FileError::io(path, &e))?;
    let meta = file.metadata().map_err(|e| FileError::io(path, &e))?;
    if meta.is_dir() {
        return Err(FileError::new(
            path,
            Problem::in_both("er en mappe, ikke en fil", "is a directory, not a file"),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    Ok((file, meta.len()))
}

/// Reads a whole file, refusing anything larger than [`MAX_FILE_BYTES`];
/// an encrypted file (in a protected data directory) is decrypted, asking
/// for the passphrase if this run has not had it yet.
pub fn read_file(path: &Path) -> Result<Vec<u8>, FileError> {
    let bytes = read_raw(path)?;
    if vault::is_encrypted(&bytes) {
        return vault::decrypt_file(path, &bytes);
    }
    Ok(bytes)
}

/// [`read_file`] without decrypting: the bytes as they are on disk.
pub fn read_raw(path: &Path) -> Result<Vec<u8>, FileError> {
    let (file, len) = open_to_read(path)?;
    let mut bytes = Vec::with_capacity(len as usize);
    // The take() guards against a file that grows while it is read.
    file.take(MAX_FILE_BYTES + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| FileError::io(path, &e))?;
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(path, bytes.len() as u64));
    }
    Ok(bytes)
}

fn too_large(path: &Path, len: u64) -> FileError {
    FileError::new(
        path,
        Problem::in_both(
            format!(
                "filen er {:.1} MB; Kompass leser filer på høyst {} MB",
                len as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
            format!(
                "the file is {:.1} MB; Kompass reads files of at most {} MB",
                len as f64 / 1_048_576.0,
                MAX_FILE_BYTES / 1_048_576
            ),
        ),
    )
}

/// Loads a bank file (`--bank`), checking every rule.
pub fn load_bank(path: &Path) -> Result<Bank, FileError> {
    let bytes = read_file(path)?;
    Bank::parse(bytes).map_err(|problems| FileError {
        path: path.to_owned(),
        problems,
    })
}

/// A session read from disk, with the warnings it raised.
#[derive(Debug, Clone)]
pub struct LoadedSession {
    pub path: PathBuf,
    pub session: Session,
    /// sha256 of the file's bytes, recorded by assessments.
    pub sha256: String,
    pub warnings: Vec<Problem>,
    /// Set when the file was made with an older version of the bank and was
    /// read through the bank's migration; [`save_migrated`] rewrites it.
    pub migrated: Option<Migrated>,
}

/// Reads and checks a session against the bank, through the bank's
/// migration if it was made with an older version. Never writes anything.
pub fn load_session(path: &Path, bank: &Bank) -> Result<LoadedSession, FileError> {
    session_from_bytes(path, &read_file(path)?, bank)
}

/// [`load_session`] on bytes already read from `path`.
pub fn session_from_bytes(
    path: &Path,
    bytes: &[u8],
    bank: &Bank,
) -> Result<LoadedSession, FileError> {
    let mut loaded = unhashed_session(path, bytes, bank)?;
    loaded.sha256 = crate::core::bank::sha256_hex(bytes);
    Ok(loaded)
}

/// [`session_from_bytes`] with `sha256` left empty, for reading points only:
/// hashing is a fifth of the time of reading a session, and only what is
/// recorded (an assessment) or compared with a record needs it.
pub(super) fn unhashed_session(
    path: &Path,
    bytes: &[u8],
    bank: &Bank,
) -> Result<LoadedSession, FileError> {
    let mut session = Session::parse(bytes).map_err(|p| FileError::new(path, p))?;
    let migrated = crate::core::migrate::migrate_session(&mut session, bank);
    let (mut warnings, errors): (Vec<Problem>, Vec<Problem>) =
        session.check(bank).into_iter().partition(|p| p.warning);
    if !errors.is_empty() {
        return Err(FileError {
            path: path.to_owned(),
            problems: errors,
        });
    }
    if let Some(m) = &migrated {
        warnings.insert(0, m.warning());
    }
    Ok(LoadedSession {
        path: path.to_owned(),
        session,
        sha256: String::new(),
        warnings,
        migrated,
    })
}

/// `<id>.json.<version>.bak`: where the file of a session made with bank
/// `version` is kept when it is migrated. The version comes from the file,
/// so anything but letters, digits, `.`, `-` and `_` becomes `_`.
pub fn migration_backup_path(path: &Path, version: &str) -> PathBuf {
    let version: String = version
        .chars()
        .map(|c| match c {
            c if c.is_ascii_alphanumeric() => c,
            '.' | '-' | '_' => c,
            _ => '_',
        })
        .collect();
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(format!(".{version}.bak"));
    path.with_file_name(name)
}

/// Writes a session that was read through a bank migration back to its
/// file: first the original bytes, unchanged, to [`migration_backup_path`]
/// (0600; never replacing a different file there), then the migrated session
/// atomically. Returns where the original is kept; None if the session was
/// not migrated. Take the session's lock first.
pub fn save_migrated(loaded: &LoadedSession) -> Result<Option<PathBuf>, FileError> {
    let Some(m) = &loaded.migrated else {
        return Ok(None);
    };
    let path = &loaded.path;
    let original = read_file(path)?;
    if crate::core::bank::sha256_hex(&original) != loaded.sha256 {
        return Err(FileError::new(
            path,
            Problem::in_both(
                "filen ble endret mens den var åpen; åpne den på nytt",
                "the file changed while it was opened; open it again",
            ),
        ));
    }
    let backup = migration_backup_path(path, &m.from_version);
    match write_new_private(&backup, &original) {
        Ok(()) => {}
        // A migration stopped after its backup left these very bytes there.
        Err(e)
            if e.kind() == io::ErrorKind::AlreadyExists
                && read_file(&backup).is_ok_and(|b| b == original) => {}
        Err(e) => {
            let why = |lang: Lang| match e.kind() {
                io::ErrorKind::AlreadyExists => lang
                    .pick(
                        "den finnes med et annet innhold; flytt den unna",
                        "it exists with other contents; move it away",
                    )
                    .to_owned(),
                _ => describe_io_in(&e, lang),
            };
            let backup = backup.display();
            return Err(FileError::new(
                path,
                Problem::in_both(
                    format!(
                        "kan ikke ta vare på originalen som {backup} før den flyttes over: {}",
                        why(Lang::Nb)
                    ),
                    format!(
                        "cannot keep the original as {backup} before migrating it: {}",
                        why(Lang::En)
                    ),
                ),
            ));
        }
    }
    write_atomic(path, &loaded.session.to_json()).map_err(|e| FileError::io(path, &e))?;
    Ok(Some(backup))
}

/// `<dir>/<municipality-slug>/assessment.json`.
pub fn assessment_path(dir: &Path, municipality: &str) -> PathBuf {
    dir.join(slug(municipality)).join("assessment.json")
}

/// Reads an assessment and checks it against the bank. Never writes anything.
pub fn load_assessment(path: &Path, bank: &Bank) -> Result<(Assessment, Vec<Problem>), FileError> {
    assessment_from_bytes(path, &read_file(path)?, bank)
}

/// Parses and checks the bytes of an assessment file read from `path`.
pub fn assessment_from_bytes(
    path: &Path,
    bytes: &[u8],
    bank: &Bank,
) -> Result<(Assessment, Vec<Problem>), FileError> {
    let assessment = Assessment::parse(bytes).map_err(|p| FileError::new(path, p))?;
    let (warnings, errors): (Vec<Problem>, Vec<Problem>) =
        assessment.check(bank).into_iter().partition(|p| p.warning);
    if !errors.is_empty() {
        return Err(FileError {
            path: path.to_owned(),
            problems: errors,
        });
    }
    Ok((assessment, warnings))
}

pub fn save_assessment(path: &Path, assessment: &Assessment) -> io::Result<()> {
    write_atomic_with(path, |file| {
        let mut out = io::BufWriter::new(file);
        assessment.write_json(&mut out)?;
        out.flush()
    })
}

/// Reads a baseline and checks its figures against the bank (see
/// [`Baseline::check`]): every reader of baselines goes through here or
/// [`baseline_from_bytes`], so none takes figures the bank refutes. Returns
/// the warnings too (sums that disagree with their parts).
pub fn load_baseline(path: &Path, bank: &Bank) -> Result<(Baseline, Vec<Problem>), FileError> {
    baseline_from_bytes(path, &read_file(path)?, bank)
}

/// [`load_baseline`] on bytes already read from `path`.
pub fn baseline_from_bytes(
    path: &Path,
    bytes: &[u8],
    bank: &Bank,
) -> Result<(Baseline, Vec<Problem>), FileError> {
    let baseline = Baseline::parse(bytes).map_err(|p| FileError::new(path, p))?;
    let (warnings, errors): (Vec<Problem>, Vec<Problem>) =
        baseline.check(bank).into_iter().partition(|p| p.warning);
    if errors.is_empty() {
        Ok((baseline, warnings))
    } else {
        Err(FileError {
            path: path.to_owned(),
            problems: errors,
        })
    }
}

pub fn save_baseline(path: &Path, baseline: &Baseline) -> io::Result<()> {
    write_atomic(path, &baseline.to_json())
}

/// Writes a session to its place in the data directory, atomically.
pub fn save_session(dir: &Path, session: &Session) -> io::Result<PathBuf> {
    let path = session_path(dir, &session.municipality, &session.id);
    write_atomic(&path, &session.to_json())?;
    Ok(path)
}

/// `<temp>/kompass-rescue-assessment-<municipality-slug>.json`: where a
/// review's assessment that could not be saved in its place is kept.
pub fn assessment_rescue_path(municipality: &str) -> PathBuf {
    std::env::temp_dir().join(format!(
        "kompass-rescue-assessment-{}.json",
        slug(municipality)
    ))
}

/// The other copies of a file: its `.bak`, its migration backups
/// (`<name>.<version>.bak`) and its rescue copy, those that exist.
pub fn copies_of(path: &Path, rescue: &Path) -> Vec<PathBuf> {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    let prefix = format!("{name}.");
    let mut copies: Vec<PathBuf> = path
        .parent()
        .and_then(|dir| fs::read_dir(dir).ok())
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let n = e.file_name().to_string_lossy().into_owned();
            n.starts_with(&prefix) && n.ends_with(".bak")
        })
        .map(|e| e.path())
        .collect();
    if rescue.is_file() {
        copies.push(rescue.to_owned());
    }
    copies.sort();
    copies
}

/// Replaces a file with `bytes` and removes its `.bak`s and rescue copy,
/// which still hold what is being removed. Take the session's lock first.
pub fn rewrite_without_copies(path: &Path, rescue: &Path, bytes: &[u8]) -> io::Result<()> {
    vault::replace(path, bytes)?;
    for copy in copies_of(path, rescue) {
        remove_if_there(&copy)?;
    }
    Ok(())
}

/// Removes a session file with its copies and its open-marker. Take the
/// session's lock first.
pub fn remove_with_copies(path: &Path, rescue: &Path) -> io::Result<()> {
    for copy in copies_of(path, rescue) {
        remove_if_there(&copy)?;
    }
    remove_if_there(&open_marker_path(path))?;
    remove_if_there(path)
}

pub(super) fn remove_if_there(path: &Path) -> io::Result<()> {
    match fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

/// Finds a session by id anywhere under the data directory.
pub fn find_session(dir: &Path, id: &str) -> Option<PathBuf> {
    let name = format!("{id}.json");
    json_files(&[dir.to_owned()])
        .ok()?
        .into_iter()
        .find(|p| p.file_name().is_some_and(|n| n == name.as_str()))
}

/// Every `.json` file under the given files and directories (recursively),
/// sorted, skipping hidden entries. A path that does not exist is an error.
pub fn json_files(paths: &[PathBuf]) -> Result<Vec<PathBuf>, FileError> {
    let mut out = Vec::new();
    for path in paths {
        let meta = fs::metadata(path).map_err(|e| FileError::io(path, &e))?;
        if meta.is_dir() {
            walk(path, &mut out).map_err(|e| FileError::io(path, &e))?;
        } else {
            out.push(path.clone());
        }
    }
    out.sort();
    out.dedup();
    Ok(out)
}

fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> io::Result<()> {
    for entry in fs::read_dir(dir)? {
        let entry = entry?;
        let name = entry.file_name();
        if name.to_string_lossy().starts_with('.') {
            continue;
        }
        let path = entry.path();
        let kind = entry.file_type()?;
        if kind.is_dir() {
            walk(&path, out)?;
        } else if kind.is_file() && path.extension().is_some_and(|e| e == "json") {
            out.push(path);
        }
    }
    Ok(())
}

/// The `format` a file's bytes claim. A session is told from its first
/// bytes (Kompass writes `format` first), since its parser reads and checks
/// all of it anyway; any other file has its header read, which also checks
/// that the whole file is JSON.
pub fn format_of(path: &Path, bytes: &[u8]) -> Result<Option<String>, FileError> {
    match crate::core::parse::leading_format(bytes) {
        Some(f) if f == crate::core::session::FORMAT => Ok(Some(f.to_owned())),
        _ => crate::core::parse::header(bytes)
            .map(|h| h.format)
            .map_err(|p| FileError::new(path, p)),
    }
}

/// `f` over `items` on every core (at most 8 threads), the results in the
/// order of `items`. Reading sessions is CPU-bound (JSON, sha256), so this is
/// what keeps a national programme's 2,000 interviews quick.
pub(crate) fn parallel_map<T: Sync, R: Send>(items: &[T], f: impl Fn(&T) -> R + Sync) -> Vec<R> {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(8)
        .min(items.len());
    if threads <= 1 {
        return items.iter().map(f).collect();
    }
    let next = std::sync::atomic::AtomicUsize::new(0);
    let mut done: Vec<(usize, R)> = std::thread::scope(|scope| {
        let workers: Vec<_> = (0..threads)
            .map(|_| {
                scope.spawn(|| {
                    let mut out = Vec::new();
                    loop {
                        let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                        let Some(item) = items.get(i) else {
                            break out;
                        };
                        out.push((i, f(item)));
                    }
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|w| w.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    done.sort_unstable_by_key(|(i, _)| *i);
    done.into_iter().map(|(_, r)| r).collect()
}

/// What kind of Kompass file a JSON file claims to be, from its `format`.
/// Kompass writes `format` first, so its start usually says; only other
/// files are read and parsed whole (an 18 MB assessment took 20 ms).
pub fn file_format(path: &Path) -> Result<String, FileError> {
    let (file, _) = open_to_read(path)?;
    let mut start = Vec::with_capacity(4096);
    file.take(4096)
        .read_to_end(&mut start)
        .map_err(|e| FileError::io(path, &e))?;
    if let Some(format) = crate::core::parse::leading_format(&start) {
        return Ok(format.to_owned());
    }
    if vault::is_encrypted(&start) {
        let plain = read_file(path)?;
        if let Some(format) = crate::core::parse::leading_format(&plain) {
            return Ok(format.to_owned());
        }
    }
    let bytes = read_file(path)?;
    let header = crate::core::parse::header(&bytes).map_err(|p| FileError::new(path, p))?;
    header.format.ok_or_else(|| {
        let missing = Problem::in_both(
            "mangler: ikke en Kompass-fil",
            "missing: not a Kompass file",
        );
        FileError::new(
            path,
            Problem {
                at: Some("format".into()),
                ..missing
            },
        )
    })
}

/// Checks any Kompass file by its `format`; returns its warnings.
pub fn validate_file(path: &Path, bank: &Bank) -> Result<Vec<Problem>, FileError> {
    let format = file_format(path)?;
    match format.as_str() {
        crate::core::session::FORMAT => load_session(path, bank).map(|l| l.warnings),
        crate::core::bank::FORMAT => {
            let bank =
                Bank::parse_unchecked(read_file(path)?).map_err(|p| FileError::new(path, p))?;
            let (warnings, errors): (Vec<Problem>, Vec<Problem>) =
                bank.check().into_iter().partition(|p| p.warning);
            if errors.is_empty() {
                Ok(warnings)
            } else {
                Err(FileError {
                    path: path.to_owned(),
                    problems: errors,
                })
            }
        }
        crate::core::assessment::FORMAT => load_assessment(path, bank).map(|(_, w)| w),
        crate::core::baseline::FORMAT => load_baseline(path, bank).map(|(_, w)| w),
        other => Err(FileError::new(
            path,
            Problem::at_in_both(
                "format",
                format!("«{other}» er ikke et Kompass-filformat"),
                format!("\"{other}\" is not a Kompass file format"),
            ),
        )),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Bank;

    #[test]
    fn data_dir_prefers_the_flag() {
        assert_eq!(data_dir(Some(Path::new("/x"))), PathBuf::from("/x"));
    }

    #[test]
    fn session_round_trip_and_strict_errors() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let s = crate::core::session::tests::sample(&bank);
        let path = save_session(dir.path(), &s).unwrap();
        assert!(path.ends_with("eksempelvik/01JDX0000000000000000000AA.json"));
        let loaded = load_session(&path, &bank).unwrap();
        assert_eq!(loaded.session, s);

        fs::write(
            &path,
            b"{\"format\": \"kompass.session\",\n \"format_version\": 1,",
        )
        .unwrap();
        let e = load_session(&path, &bank).unwrap_err();
        assert!(
            e.to_string().starts_with(&format!("{}:2:", path.display())),
            "{e}"
        );
    }

    #[test]
    fn a_migrated_session_is_rewritten_after_its_original_is_kept() {
        use crate::core::migrate::tests::{migrating_bank, old_session};
        let dir = tempfile::tempdir().unwrap();
        let bank = migrating_bank();
        let old = old_session(&bank);
        let path = save_session(dir.path(), &old).unwrap();
        let original = fs::read(&path).unwrap();

        let loaded = load_session(&path, &bank).unwrap();
        assert_eq!(fs::read(&path).unwrap(), original, "reading never writes");
        assert!(
            loaded.warnings[0].message.contains("read as 2026.1"),
            "{:?}",
            loaded.warnings
        );
        let backup = save_migrated(&loaded).unwrap().expect("a migration");
        assert!(
            backup.ends_with("01JDX0000000000000000000AA.json.2025.1.bak"),
            "{backup:?}"
        );
        assert_eq!(fs::read(&backup).unwrap(), original);
        #[cfg(unix)]
        assert_eq!(
            std::os::unix::fs::PermissionsExt::mode(&fs::metadata(&backup).unwrap().permissions())
                & 0o777,
            0o600
        );
        let again = load_session(&path, &bank).unwrap();
        assert_eq!(again.session, loaded.session);
        assert!(again.migrated.is_none() && again.warnings.is_empty());
        assert_eq!(save_migrated(&again).unwrap(), None);

        // Migrating again from the same original (a first attempt stopped
        // after its backup) finds the same bytes there and goes on; other
        // bytes there are never replaced, and then nothing is written.
        fs::write(&path, &original).unwrap();
        let loaded = load_session(&path, &bank).unwrap();
        assert_eq!(save_migrated(&loaded).unwrap(), Some(backup.clone()));
        fs::write(&path, &original).unwrap();
        fs::write(&backup, b"something else").unwrap();
        let loaded = load_session(&path, &bank).unwrap();
        let e = save_migrated(&loaded).unwrap_err();
        assert!(e.to_string().contains("exists with other contents"), "{e}");
        assert_eq!(fs::read(&path).unwrap(), original);
        assert_eq!(fs::read(&backup).unwrap(), b"something else");
    }

    #[test]
    fn a_backup_name_takes_only_safe_characters_from_the_version() {
        let p = Path::new("/d/m/s.json");
        assert_eq!(
            migration_backup_path(p, "2025.1"),
            Path::new("/d/m/s.json.2025.1.bak")
        );
        assert_eq!(
            migration_backup_path(p, "../x/\u{1b}"),
            Path::new("/d/m/s.json..._x__.bak")
        );
    }

    #[test]
    fn a_saved_assessment_is_byte_for_byte_its_json() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T12:00:00+01:00").unwrap();
        let source = crate::core::assessment::SourceSession {
            session: crate::core::session::tests::sample(&bank),
            sha256: "ab".repeat(32),
            path: "eksempelvik/a.json".into(),
            file: dir.path().join("a.json"),
        };
        let a = Assessment::build(&bank, &[source], now);
        let path = dir.path().join("assessment.json");
        save_assessment(&path, &a).unwrap();
        assert_eq!(fs::read(&path).unwrap(), a.to_json());
    }

    #[test]
    fn parallel_map_keeps_the_order_of_its_items() {
        let items: Vec<u32> = (0..1000).collect();
        let squares = parallel_map(&items, |&i| i * i);
        assert_eq!(squares, items.iter().map(|&i| i * i).collect::<Vec<_>>());
        assert!(parallel_map(&[] as &[u32], |&i| i).is_empty());
    }

    #[test]
    fn format_of_reads_sessions_fast_and_checks_every_other_file() {
        let p = Path::new("x.json");
        let session = b"{\"format\": \"kompass.session\", \"cut";
        assert_eq!(
            format_of(p, session).unwrap().as_deref(),
            Some("kompass.session")
        );
        let broken_baseline = b"{\"format\": \"kompass.baseline\", \"cut";
        assert!(format_of(p, broken_baseline).is_err());
        let later = br#"{"format_version": 1, "format": "kompass.assessment"}"#;
        assert_eq!(
            format_of(p, later).unwrap().as_deref(),
            Some("kompass.assessment")
        );
        assert_eq!(format_of(p, b"{}").unwrap(), None);
    }

    #[test]
    fn large_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        let f = fs::File::create(&path).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        let e = read_file(&path).unwrap_err();
        assert!(e.to_string().contains("at most 32 MB"), "{e}");
    }
}
