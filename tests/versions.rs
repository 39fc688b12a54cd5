//! Versions: a session made with an older version of the bank is migrated
//! when it is opened for editing, its original kept byte for byte beside it
//! and the screen saying so; a newer bank version, an older one the bank
//! declares no migration from, and a newer `format_version` are refused with
//! a message, and nothing is written.

mod common;

use std::path::{Path, PathBuf};

use kompass::core::session::Session;

use common::interview::start;

const ID: &str = "01JDX0000000000000000000AA";

/// The built-in bank (2026.1) declaring a migration from 2025.1: 1.1.9
/// became 1.1.2, 1.1.2 became 1.1.1, and 1.2.9 was removed.
fn migrating_bank(dir: &Path) -> PathBuf {
    let path = dir.join("bank-2026.1.json");
    let bytes = common::bank_json(|v| {
        v["migrations"] = serde_json::json!([{
            "from_version": "2025.1",
            "questions": {"1.1.9": "1.1.2", "1.1.2": "1.1.1", "1.2.9": null}
        }]);
    });
    std::fs::write(&path, bytes).unwrap();
    path
}

/// A mayor's interview made with bank `version`, answers under the old ids,
/// written where `--resume` finds it; returns its path and bytes.
fn old_session(dir: &Path, version: &str) -> (PathBuf, Vec<u8>) {
    let bytes = common::session_json(|v| {
        v["bank"]["version"] = version.into();
        v["bank"]["sha256"] = "00".repeat(32).into();
        v["answers"] = serde_json::json!({
            "1.1.9": {"scores": {"system": 3, "extent": 2, "results": null},
                      "notes": "Flyttet: kommunikasjonsstrategi æøå 🙂",
                      "findings": [{"kind": "strength", "text": "Vedtatt strategi"}]},
            "1.1.2": {"notes": "Flyttet til 1.1.1"},
            "1.2.9": {"notes": "Fjernet spørsmål, men ordene blir", "flagged": true,
                      "findings": [{"kind": "weakness", "text": "Ingen plan for ungdom"}]},
            "2.1.1": {"notes": "Uendret"}
        });
        v["last_question"] = "1.1.9".into();
    });
    let path = dir.join("eksempelvik").join(format!("{ID}.json"));
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(&path, &bytes).unwrap();
    (path, bytes)
}

#[test]
fn an_older_bank_version_is_migrated_on_open_with_a_backup_and_a_message() {
    let dir = tempfile::tempdir().unwrap();
    let bank_file = migrating_bank(dir.path());
    let bank = kompass::storage::load_bank(&bank_file).unwrap();
    let (path, original) = old_session(dir.path(), "2025.1");
    let bank_arg = bank_file.to_str().unwrap();

    // Reading it says what opening it will do, and writes nothing.
    let before = common::Snapshot::take(dir.path());
    let r = common::run_in(dir.path(), &["--bank", bank_arg, "validate", "eksempelvik"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains(&format!(
            "eksempelvik/{ID}.json: warning: bank: made with bank kommunekompasset 2025.1, \
             read as 2026.1 through the bank's migration (2 answers moved, 1 answer of removed \
             questions kept under \"orphaned\": 1.2.9)"
        )),
        "{}",
        r.stdout
    );
    assert_eq!(common::Snapshot::take(dir.path()), before);
    let ro = [
        "--bank",
        bank_arg,
        "interview",
        "--resume",
        ID,
        "--read-only",
    ];
    let mut t = start(dir.path(), &ro);
    t.wait_for_screen("Laget med kommunekompasset 2025.1, vist som 2026.1.");
    t.send("\x11");
    assert!(t.wait_exit().unwrap().success());
    assert_eq!(
        common::Snapshot::take(dir.path()),
        before,
        "read-only wrote nothing"
    );

    let mut t = start(
        dir.path(),
        &["--bank", bank_arg, "interview", "--resume", ID],
    );
    t.wait_for_screen("Migrert fra kommunekompasset 2025.1 til 2026.1");
    // The notice wraps over the footer's lines: compare the words.
    let screen = t.screen().split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(
        screen.contains(&format!(
            "originalen er tatt vare på som {ID}.json.2025.1.bak"
        )),
        "{screen}"
    );
    assert!(
        screen.contains("(1.2.9) er bevart under «orphaned»"),
        "{screen}"
    );
    // The walk resumes on the old last question under its new id, its
    // notes in the editor.
    assert!(screen.contains("1.1.2 1.1 Strategi"), "{screen}");
    assert!(
        screen.contains("Flyttet: kommunikasjonsstrategi æøå"),
        "{screen}"
    );
    t.send("\x11");
    assert!(t.wait_exit().expect("Ctrl-Q ends it").success());

    let backup = path.with_file_name(format!("{ID}.json.2025.1.bak"));
    assert_eq!(
        std::fs::read(&backup).unwrap(),
        original,
        "the original, byte for byte"
    );
    assert_eq!(common::mode(&backup), 0o600);
    let s = kompass::storage::load_session(&path, &bank)
        .unwrap()
        .session;
    assert_eq!(s.bank.version, "2026.1");
    assert_eq!(s.bank.sha256, bank.sha256);
    let old: Session = serde_json::from_slice(&original).unwrap();
    assert_eq!(s.answers["1.1.2"].notes, old.answers["1.1.9"].notes);
    assert_eq!(s.answers["1.1.2"].scores, old.answers["1.1.9"].scores);
    assert_eq!(s.answers["1.1.2"].findings, old.answers["1.1.9"].findings);
    assert_eq!(s.answers["1.1.1"].notes, "Flyttet til 1.1.1");
    assert_eq!(s.answers["2.1.1"].notes, "Uendret");
    assert!(!s.answers.contains_key("1.2.9"));
    assert_eq!(s.orphaned.len(), 1);
    assert_eq!(s.orphaned[0].question, "1.2.9");
    assert_eq!(s.orphaned[0].bank_version, "2025.1");
    assert_eq!(
        s.orphaned[0].answer, old.answers["1.2.9"],
        "every word kept"
    );

    // Once migrated it opens as any other session: no message, no new backup.
    let files = common::listing(path.parent().unwrap());
    let mut t = start(
        dir.path(),
        &["--bank", bank_arg, "interview", "--resume", ID],
    );
    assert!(!t.screen().contains("Migrert"), "{}", t.screen());
    t.send("\x11");
    assert!(t.wait_exit().unwrap().success());
    assert_eq!(common::listing(path.parent().unwrap()), files);
}

/// `kompass validate` and `kompass interview --resume` both refuse the
/// session with `expected` in the message, and leave it as it was.
fn refused(dir: &Path, path: &Path, expected: &str) {
    let bytes = std::fs::read(path).unwrap();
    for args in [
        vec!["validate", path.to_str().unwrap()],
        vec!["interview", "--resume", ID],
    ] {
        let r = common::run(common::kompass(dir).args(["--lang", "en"]).args(&args));
        assert_eq!(r.code, 1, "{args:?}: {}", r.stderr);
        assert!(r.stderr.contains(expected), "{args:?}: {}", r.stderr);
        assert_eq!(std::fs::read(path).unwrap(), bytes, "{args:?}");
        let names = common::listing(path.parent().unwrap());
        assert!(
            names.iter().all(|n| !n.ends_with(".bak")),
            "{args:?}: {names:?}"
        );
    }
}

#[test]
fn a_newer_bank_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = old_session(dir.path(), "2027.1");
    refused(
        dir.path(),
        &path,
        "bank: the session was made with bank kommunekompasset 2027.1, newer than the \
         active bank kommunekompasset 2026.1; update Kompass or give that bank with --bank",
    );
}

#[test]
fn an_older_bank_version_without_a_declared_migration_is_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = old_session(dir.path(), "2025.1");
    refused(
        dir.path(),
        &path,
        "bank: the session was made with bank kommunekompasset 2025.1, but the active bank \
         is kommunekompasset 2026.1, which declares no migration from 2025.1",
    );
}

#[test]
fn a_newer_format_version_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (path, _) = old_session(dir.path(), "2026.1");
    let bytes = std::fs::read(&path).unwrap();
    let newer = String::from_utf8(bytes).unwrap().replacen(
        "\"format_version\": 1",
        "\"format_version\": 2",
        1,
    );
    std::fs::write(&path, newer).unwrap();
    refused(
        dir.path(),
        &path,
        "format_version: this file has format_version 2, but this Kompass reads at most 1; \
         update Kompass to open it",
    );
}

#[test]
fn bank_check_validates_migrations() {
    let dir = tempfile::tempdir().unwrap();
    let bank = dir.path().join("bank.json");
    std::fs::write(
        &bank,
        common::bank_json(|v| {
            v["migrations"] = serde_json::json!([{
                "from_version": "2025.1",
                "questions": {"1.1.9": "9.9.9", "1.1.8": "2.1.1", "1.1.7": "2.1.1"}
            }]);
        }),
    )
    .unwrap();
    let r = common::run_in(dir.path(), &["bank", "check", "bank.json"]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    for expected in [
        "bank.json: migration from 2025.1: question 1.1.9 is moved to 9.9.9, which is not a question of this bank",
        "bank.json: migration from 2025.1: questions 1.1.7 and 1.1.8 are both moved to 2.1.1",
    ] {
        assert!(r.stderr.contains(expected), "{expected}: {}", r.stderr);
    }
    let r = common::run_in(
        dir.path(),
        &[
            "bank",
            "check",
            migrating_bank(dir.path()).to_str().unwrap(),
        ],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
}
