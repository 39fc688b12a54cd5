//! The only code that touches the disk: where files live, how they are read
//! (strictly, with a size limit) and written (atomically and durably, private
//! to the user), and who holds a session open.

mod atomic;
mod autosave;
mod listing;
mod lock;
mod review_load;

use std::fmt;
use std::fs;
use std::io::{self, Read};
use std::path::{Path, PathBuf};

pub use atomic::{backup_path, create_private_dir, write_atomic};
pub use autosave::{Autosaver, EditMarker, SaveReport, Writer, open_marker_path};
pub use listing::{SessionList, list_sessions};
pub use lock::{LockHolder, SessionLock};
pub use review_load::{open_review, read_review_inputs, save_review};

use crate::core::assessment::Assessment;
use crate::core::bank::Bank;
use crate::core::baseline::Baseline;
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
        FileError::new(path, Problem::new(describe_io(e)))
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

/// A plain-language reason for an I/O failure.
pub fn describe_io(e: &io::Error) -> String {
    match e.kind() {
        io::ErrorKind::NotFound => "no such file or directory".into(),
        io::ErrorKind::PermissionDenied => "permission denied".into(),
        io::ErrorKind::StorageFull => "the disk is full".into(),
        io::ErrorKind::ReadOnlyFilesystem => "the file system is read-only".into(),
        io::ErrorKind::IsADirectory => "is a directory".into(),
        _ => e.to_string(),
    }
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

/// Reads a whole file, refusing anything larger than [`MAX_FILE_BYTES`].
pub fn read_file(path: &Path) -> Result<Vec<u8>, FileError> {
    let file = fs::File::open(path).map_err(|e| FileError::io(path, &e))?;
    let meta = file.metadata().map_err(|e| FileError::io(path, &e))?;
    if meta.is_dir() {
        return Err(FileError::new(
            path,
            Problem::new("is a directory, not a file"),
        ));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(too_large(path, meta.len()));
    }
    let mut bytes = Vec::with_capacity(meta.len() as usize);
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
        Problem::new(format!(
            "the file is {:.1} MB; Kompass reads files of at most {} MB",
            len as f64 / 1_048_576.0,
            MAX_FILE_BYTES / 1_048_576
        )),
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
}

/// Reads and checks a session against the bank. Never writes anything.
pub fn load_session(path: &Path, bank: &Bank) -> Result<LoadedSession, FileError> {
    session_from_bytes(path, &read_file(path)?, bank)
}

/// [`load_session`] on bytes already read from `path`.
pub fn session_from_bytes(
    path: &Path,
    bytes: &[u8],
    bank: &Bank,
) -> Result<LoadedSession, FileError> {
    let session = Session::parse(bytes).map_err(|p| FileError::new(path, p))?;
    let (warnings, errors): (Vec<Problem>, Vec<Problem>) =
        session.check(bank).into_iter().partition(|p| p.warning);
    if !errors.is_empty() {
        return Err(FileError {
            path: path.to_owned(),
            problems: errors,
        });
    }
    let sha256 = crate::core::bank::sha256_hex(bytes);
    Ok(LoadedSession {
        path: path.to_owned(),
        session,
        sha256,
        warnings,
    })
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
    write_atomic(path, &assessment.to_json())
}

pub fn load_baseline(path: &Path) -> Result<Baseline, FileError> {
    let bytes = read_file(path)?;
    Baseline::parse(&bytes).map_err(|p| FileError::new(path, p))
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

/// What kind of Kompass file a JSON file claims to be, from its `format`.
pub fn file_format(path: &Path) -> Result<String, FileError> {
    let bytes = read_file(path)?;
    let header = crate::core::parse::header(&bytes).map_err(|p| FileError::new(path, p))?;
    header
        .format
        .ok_or_else(|| FileError::new(path, Problem::at("format", "missing: not a Kompass file")))
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
        crate::core::baseline::FORMAT => load_baseline(path).map(|_| Vec::new()),
        other => Err(FileError::new(
            path,
            Problem::at(
                "format",
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
    fn large_files_are_refused_before_reading() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("big.json");
        let f = fs::File::create(&path).unwrap();
        f.set_len(MAX_FILE_BYTES + 1).unwrap();
        let e = read_file(&path).unwrap_err();
        assert!(e.to_string().contains("at most 32 MB"), "{e}");
    }
}
