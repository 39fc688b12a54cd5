//! What every command needs, between the command line and the screens: the
//! context resolved once from the global flags, the requests the command
//! line hands to the screens, and the user-facing error type. Neither clap
//! nor the terminal is known here.

mod command_line;
pub mod people;

use std::path::{Path, PathBuf};

use crate::core::bank::Bank;
use crate::core::lang::Lang;
use crate::core::session::Person;
use crate::storage;

/// What every command needs: the language, the question bank and the data
/// directory, each resolved once.
pub struct Context {
    pub lang: Lang,
    pub bank: Bank,
    data_dir: PathBuf,
}

impl Context {
    pub fn new(lang: Lang, bank: Bank, data_dir: PathBuf) -> Context {
        Context {
            lang,
            bank,
            data_dir,
        }
    }

    /// The data directory: `--dir`, else `$KOMPASS_DIR`, else the
    /// platform's data directory.
    pub fn data_dir(&self) -> &Path {
        &self.data_dir
    }

    /// The same context on another data directory (the demo's).
    pub fn with_data_dir(&self, data_dir: PathBuf) -> Context {
        Context::new(self.lang, self.bank.clone(), data_dir)
    }
}

/// The language of screens and messages: the one asked for, else from the
/// user's locale (`LC_ALL`, `LC_MESSAGES`, `LANG`; on Windows the user's
/// locale setting: [`crate::platform::user_locale`]).
pub fn lang_from_env(asked: Option<Lang>) -> Lang {
    asked.unwrap_or_else(|| Lang::from_locale(crate::platform::user_locale().as_deref()))
}

/// An interview to open: a new session, or one to resume.
#[derive(Debug, Clone, PartialEq)]
pub enum InterviewRequest {
    New {
        municipality: String,
        interviewer: String,
        people: Vec<Person>,
    },
    Resume {
        id: String,
        read_only: bool,
    },
}

/// The interviews to reconcile: session files or directories, the
/// baselines to show beside them, and the municipality when the files hold
/// several.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ReviewRequest {
    pub paths: Vec<PathBuf>,
    pub baselines: Vec<PathBuf>,
    pub municipality: Option<String>,
}

/// A failed command: exit code 1 (wrong input) with its message lines, in
/// the user's language.
#[derive(Debug)]
pub struct Failure {
    pub lines: Vec<String>,
}

impl Failure {
    pub fn new(line: impl Into<String>) -> Failure {
        Failure {
            lines: vec![line.into()],
        }
    }

    /// Why a review or merge could not open its files, in the user's language.
    pub fn open(e: &crate::core::review::OpenError, lang: Lang) -> Failure {
        Failure {
            lines: e.lines(lang),
        }
    }

    /// A file that could not be written, named with the reason.
    pub fn write(path: &Path, e: &std::io::Error) -> Failure {
        Failure::new(format!("{}: {}", path.display(), storage::describe_io(e)))
    }
}

impl From<storage::FileError> for Failure {
    fn from(e: storage::FileError) -> Failure {
        Failure { lines: e.lines() }
    }
}

pub type CmdResult = Result<(), Failure>;
