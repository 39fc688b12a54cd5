//! Helpers shared by the integration tests: running the real binary in a
//! clean environment and writing sample files.
#![allow(dead_code)]

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

/// Names of the entries of a directory, sorted.
pub fn listing(dir: &Path) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    names.sort();
    names
}
