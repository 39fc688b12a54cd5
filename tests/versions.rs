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
    let r = common::run_in(
        dir.path(),
        &[
            "--lang",
            "en",
            "--bank",
            bank_arg,
            "validate",
            "eksempelvik",
        ],
    );
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
    assert!(common::is_private(&backup));
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
    let r = common::run_in(dir.path(), &["--lang", "en", "bank", "check", "bank.json"]);
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

/// The demo's interviews merged, three questions decided in the review
/// (7.3.2 and 4.4.2 accepted, 7.1.1 overridden) and saved by the release
/// before `format_version` 2 (commit beb9cc8): an accept without its values.
const ASSESSMENT_V1: &[u8] = include_bytes!("fixtures/assessment-v1-eksempelvik.json");

#[test]
fn an_assessment_of_format_version_1_is_read_with_the_values_its_accepts_took() {
    use kompass::core::assessment::{Assessment, Decision, DecisionState};
    use kompass::core::review::question;
    let bank = kompass::core::bank::Bank::builtin();
    let a = Assessment::parse(ASSESSMENT_V1).unwrap();
    assert_eq!(a.format_version, 2);
    for id in ["7.3.2", "4.4.2"] {
        let q = &a.questions[id];
        assert_eq!(
            q.decision,
            Some(Decision::Accepted {
                scores: q.suggested
            }),
            "{id}: the suggestion recorded beside it"
        );
        assert_eq!(q.state(), DecisionState::Accepted);
    }
    assert_eq!(a.questions["7.1.1"].state(), DecisionState::Overridden);
    assert_eq!(a.check(&bank), vec![]);
    let progress = question::progress(&a);
    assert_eq!((progress.decided, progress.overridden), (3, 1));

    // Saved, it is version 2 and reads back the same.
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("assessment.json");
    std::fs::write(&path, ASSESSMENT_V1).unwrap();
    let (loaded, _) = kompass::storage::load_assessment(&path, &bank).unwrap();
    kompass::storage::save_assessment(&path, &loaded).unwrap();
    let saved = std::fs::read(&path).unwrap();
    let text = String::from_utf8_lossy(&saved);
    assert!(text.contains("\"format_version\": 2"), "{}", &text[..200]);
    assert_eq!(Assessment::parse(&saved).unwrap(), loaded);

    // The points are those the release printed for the version 1 file.
    let run = common::run_in(
        dir.path(),
        &["--lang", "en", "score", "--json", "assessment.json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let mut printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // Fields added to `score --json` since that release.
    const ADDED: [&str; 2] = ["scored_outside_roles", "points_exact"];
    printed.as_object_mut().unwrap().remove("total_exact");
    for area in printed["areas"].as_array_mut().unwrap() {
        for field in ADDED {
            area.as_object_mut().unwrap().remove(field);
        }
        for sub in area["subareas"].as_array_mut().unwrap() {
            for field in ADDED {
                sub.as_object_mut().unwrap().remove(field);
            }
        }
    }
    let released: serde_json::Value = serde_json::from_slice(include_bytes!(
        "fixtures/assessment-v1-eksempelvik.score.json"
    ))
    .unwrap();
    assert_eq!(printed, released);
}

#[test]
fn an_accept_the_suggestion_moved_away_from_is_undecided_again() {
    use kompass::core::assessment::{Assessment, DecisionState};
    use kompass::core::review::question::{self, Filter};
    let bank = kompass::core::bank::Bank::builtin();
    let mut a = Assessment::parse(ASSESSMENT_V1).unwrap();
    // Late interviews move 4.4.2's suggestion.
    let q = a.questions.get_mut("4.4.2").unwrap();
    let accepted = q.suggested;
    let top = kompass::core::session::Scores {
        system: Some(kompass::core::exact::int(4)),
        extent: Some(kompass::core::exact::int(4)),
        results: Some(kompass::core::exact::int(4)),
    };
    for i in 0..20 {
        q.interviews.insert(format!("01LATE{i:020}"), top);
    }
    q.suggested = kompass::core::merge::merge_scores(q.interviews.values());
    assert_ne!(q.suggested, accepted);
    let now = q.suggested;
    assert_eq!(q.state(), DecisionState::ChangedSinceAccepted);
    assert_eq!(q.changed_since_accepted(), Some((accepted, now)));
    let progress = question::progress(&a);
    assert_eq!((progress.decided, progress.changed_since_accepted), (2, 1));
    assert_eq!(
        progress.describe(kompass::core::lang::Lang::Nb),
        "avgjort 2/75 · 1 endret siden godtatt"
    );
    let undecided = question::by_disagreement(&bank, &a, Filter::Undecided);
    let row = undecided.iter().find(|d| d.question == "4.4.2").unwrap();
    assert_eq!(row.changed, Some((accepted, now)));
    // Accepted again, it counts again.
    question::accept(&mut a, "4.4.2").unwrap();
    assert_eq!(a.questions["4.4.2"].state(), DecisionState::Accepted);
    assert_eq!(question::progress(&a).decided, 3);
}
