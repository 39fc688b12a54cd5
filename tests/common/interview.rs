//! An interview in a pseudo-terminal and its session file: shared by the
//! interview end-to-end tests.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use kompass::core::bank::Bank;
use kompass::core::session::Session;

use super::pty::Term;

/// The binary in a pty at 80x24 in Norwegian, with the notes editor on screen.
pub fn start(dir: &Path, args: &[&str]) -> Term {
    start_with_env(dir, args, &[])
}

/// [`start`] with more environment variables.
pub fn start_with_env(dir: &Path, args: &[&str], env: &[(&str, &str)]) -> Term {
    let mut all = vec!["--lang", "nb", "--dir"];
    let dir = dir.to_str().expect("a UTF-8 temp path");
    all.push(dir);
    all.extend_from_slice(args);
    let mut vars = vec![("LANG", "C.UTF-8")];
    vars.extend_from_slice(env);
    let term = Term::spawn(&all, &vars, (80, 24));
    term.wait_for("Notater");
    term
}

/// The one session file of an interview started with [`NEW`].
pub fn session_file(dir: &Path) -> PathBuf {
    let sub = dir.join("eksempelvik");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&sub)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    assert_eq!(files.len(), 1, "{files:?}");
    files.remove(0)
}

pub fn load(dir: &Path) -> Session {
    let bytes = std::fs::read(session_file(dir)).unwrap();
    Session::parse(&bytes).expect("the session file parses")
}

/// The id of the first question of a mayor's walk.
pub fn first_question() -> String {
    Bank::builtin()
        .questions()
        .find(|(_, q)| q.roles.iter().any(|r| r == "mayor"))
        .unwrap()
        .1
        .id
        .clone()
}

/// The notes of the first question of a mayor's walk.
pub fn first_notes(s: &Session) -> String {
    s.answers
        .get(&first_question())
        .map(|a| a.notes.clone())
        .unwrap_or_default()
}

/// Polls the file until `pred` holds (the autosave runs in the background).
pub fn wait_file(dir: &Path, pred: impl Fn(&Session) -> bool) -> Session {
    let deadline = Instant::now() + Duration::from_secs(5);
    loop {
        let s = load(dir);
        if pred(&s) || Instant::now() > deadline {
            return s;
        }
        std::thread::sleep(Duration::from_millis(50));
    }
}

/// `kompass interview` of a new session: a mayor of Eksempelvik.
pub const NEW: [&str; 7] = [
    "interview",
    "--municipality",
    "Eksempelvik",
    "--interviewer",
    "Kari",
    "--person",
    "Ola Nordmann:mayor",
];
