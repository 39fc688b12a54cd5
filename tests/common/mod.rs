//! Helpers shared by the integration tests: running the real binary in a
//! clean environment and writing sample files.
#![allow(dead_code)]

pub mod interview;
pub mod labelled;
pub mod pty;
pub mod rng;

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

use kompass::core::bank::Bank;
use kompass::core::exact::int;
use kompass::core::session::{Answer, Finding, FindingKind, Person, Scores, Session};

/// The built binary with an environment that no user setting can leak into.
pub fn kompass(dir: &Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_kompass"));
    cmd.env_remove("KOMPASS_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .env("NO_COLOR", "1")
        .arg("--dir")
        .arg(dir);
    cmd
}

pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

pub fn run(cmd: &mut Command) -> Run {
    let Output {
        status,
        stdout,
        stderr,
    } = cmd.output().expect("the binary runs");
    Run {
        code: status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&stdout).into_owned(),
        stderr: String::from_utf8_lossy(&stderr).into_owned(),
    }
}

/// A session of `municipality` with one person of `role`, every routed
/// question scored `value` on all dimensions.
pub fn session(bank: &Bank, id: &str, municipality: &str, role: &str, value: i128) -> Session {
    let now = chrono::DateTime::parse_from_rfc3339("2026-10-13T09:00:00+02:00").unwrap();
    let mut s = Session::new(
        id.to_owned(),
        bank,
        municipality,
        "Kari Konsulent",
        vec![Person {
            name: format!("Person {id}"),
            role: role.to_owned(),
        }],
        now,
    );
    let roles = s.roles();
    for (_, q) in bank.questions().filter(|(_, q)| Bank::is_routed(q, &roles)) {
        let v = Some(int(value));
        s.answers.insert(
            q.id.clone(),
            Answer {
                scores: Scores {
                    system: v,
                    extent: v,
                    results: v,
                },
                notes: format!("Notat til {}", q.id),
                findings: vec![Finding {
                    kind: FindingKind::Strength,
                    text: format!("Funn {}", q.id),
                }],
                flagged: false,
                seconds: 60,
            },
        );
    }
    s
}

/// Writes a session as a file in `dir` and returns its path.
pub fn write_session(dir: &Path, s: &Session) -> PathBuf {
    let path = dir.join(format!("{}.json", s.id));
    std::fs::write(&path, s.to_json()).unwrap();
    path
}

/// The bytes and modification time of a file, to prove it was not touched.
pub fn fingerprint(path: &Path) -> (Vec<u8>, std::time::SystemTime) {
    (
        std::fs::read(path).unwrap(),
        std::fs::metadata(path).unwrap().modified().unwrap(),
    )
}

/// A temporary folder with a data directory, `data`, in it that holds one
/// saved interview: the mayor of `municipality`, every question scored 2.
pub fn data_dir_with_a_mayor(municipality: &str) -> (tempfile::TempDir, PathBuf, Session) {
    let tmp = tempfile::tempdir().unwrap();
    let data = tmp.path().join("data");
    let s = session(
        &Bank::builtin(),
        "01JDXAAAAAAAAAAAAAAAAAAAAA",
        municipality,
        "mayor",
        2,
    );
    kompass::storage::save_session(&data, &s).unwrap();
    (tmp, data, s)
}

/// Every file and directory under `dir`, hidden ones too, `dir` itself
/// excluded, sorted.
pub fn tree(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(tree(&path));
        }
        out.push(path);
    }
    out.sort();
    out
}

/// Every file under `dir`, hidden ones too, sorted.
pub fn files(dir: &Path) -> Vec<PathBuf> {
    tree(dir).into_iter().filter(|p| p.is_file()).collect()
}

/// Names of the entries of a directory, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}

/// Runs `kompass ARGS...` with `dir` as working directory, so that file
/// names in messages are the short relative ones given.
pub fn run_in<S: AsRef<std::ffi::OsStr>>(dir: &Path, args: &[S]) -> Run {
    run(kompass(dir).current_dir(dir).args(args))
}

/// A valid interview of one mayor with the built-in bank (question 1.1.1
/// first, scored 3 on every dimension), edited as JSON before it is written.
pub fn session_json(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let s = session(
        &Bank::builtin(),
        "01JDX0000000000000000000AA",
        "Eksempelvik",
        "mayor",
        3,
    );
    let mut v: serde_json::Value = serde_json::from_slice(&s.to_json()).unwrap();
    edit(&mut v);
    let mut bytes = serde_json::to_vec_pretty(&v).unwrap();
    bytes.push(b'\n');
    bytes
}

/// The built-in bank's file, edited as JSON first.
pub fn bank_json(edit: impl FnOnce(&mut serde_json::Value)) -> Vec<u8> {
    let mut v: serde_json::Value = serde_json::from_slice(&Bank::builtin().bytes).unwrap();
    edit(&mut v);
    serde_json::to_vec_pretty(&v).unwrap()
}

/// The 1-based line on which `needle` first occurs in `bytes`.
pub fn line_of(bytes: &[u8], needle: &str) -> usize {
    let at = bytes
        .windows(needle.len())
        .position(|w| w == needle.as_bytes())
        .unwrap_or_else(|| panic!("{needle:?} is not in the file"));
    bytes[..at].iter().filter(|&&b| b == b'\n').count() + 1
}

/// Every entry under a directory, hidden ones too, with the sha256 of its
/// bytes and its modification time: equal snapshots mean nothing was
/// written, created, renamed or removed anywhere below it.
#[derive(Debug, PartialEq, Eq)]
pub struct Snapshot(std::collections::BTreeMap<PathBuf, (String, std::time::SystemTime)>);

impl Snapshot {
    pub fn take(dir: &Path) -> Snapshot {
        fn collect(
            dir: &Path,
            out: &mut std::collections::BTreeMap<PathBuf, (String, std::time::SystemTime)>,
        ) {
            for entry in std::fs::read_dir(dir).unwrap() {
                let path = entry.unwrap().path();
                let meta = std::fs::symlink_metadata(&path).unwrap();
                let modified = meta.modified().unwrap();
                if meta.is_dir() {
                    out.insert(path.clone(), ("<dir>".into(), modified));
                    collect(&path, out);
                } else {
                    let hash = kompass::core::bank::sha256_hex(&std::fs::read(&path).unwrap());
                    out.insert(path, (hash, modified));
                }
            }
        }
        let mut entries = std::collections::BTreeMap::new();
        collect(dir, &mut entries);
        Snapshot(entries)
    }

    /// The files whose bytes differ between two snapshots, or that are in
    /// only one of them.
    pub fn changed_files(&self, after: &Snapshot) -> Vec<PathBuf> {
        let mut paths: Vec<PathBuf> = self
            .0
            .keys()
            .chain(after.0.keys())
            .filter(|p| self.0.get(*p).map(|e| &e.0) != after.0.get(*p).map(|e| &e.0))
            .cloned()
            .collect();
        paths.sort();
        paths.dedup();
        paths
    }
}

/// Characters that must never reach a terminal from file contents: C0
/// controls other than newline and tab (ESC, BEL, ...), DEL and C1 controls.
pub fn terminal_controls(text: &str) -> Vec<char> {
    text.chars()
        .filter(|&c| c.is_control() && c != '\n' && c != '\t')
        .collect()
}

/// Whether only the user can read the file or directory (0600 or 0700 on
/// Unix, an access list for the user alone on Windows).
pub fn is_private(path: &Path) -> bool {
    kompass::platform::private::is_private(path)
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// The review of the interviews under `sessions` as `kompass review` would
/// open it now, read without writing anything: what its screen shows first.
pub fn fresh_review(
    bank: &Bank,
    sessions: &Path,
    data: &Path,
    lang: kompass::core::lang::Lang,
) -> kompass::core::review::open::ReviewSession {
    kompass::storage::open_review(
        bank,
        &[sessions.to_owned()],
        None,
        &[],
        data,
        chrono::Local::now().fixed_offset(),
        lang,
    )
    .expect("the review opens")
}
