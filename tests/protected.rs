//! A protected data directory, retention and a person's requests, through
//! the real binary: nothing readable at rest (drafts, backups and crash
//! leftovers included), a wrong passphrase changes nothing, a purge removes
//! notes and never a score, a person's data can be exported and erased.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Duration;

use common::interview::{NEW, first_notes, start_with_env};
use common::pty::{Term, contains};
use common::{Run, Snapshot, data_dir_with_a_mayor, files, kompass, run, session};
use kompass::core::bank::Bank;
use kompass::core::session::Session;
use kompass::storage;

/// Unoptimized scrypt at the real work factor takes many seconds; the
/// tests' passphrases are cheap (debug builds only honour this).
const CHEAP: (&str, &str) = ("KOMPASS_SCRYPT_LOG_N", "10");

/// `kompass` on `dir` with the passphrase in a file beside it.
fn with_passphrase(dir: &Path, passphrase: &str) -> Command {
    let file = dir.with_extension(format!("pass-{}", passphrase.len()));
    fs::write(&file, format!("{passphrase}\n")).unwrap();
    let mut cmd = kompass(dir);
    cmd.env(CHEAP.0, CHEAP.1)
        .args(["--lang", "en", "--passphrase-file"])
        .arg(file);
    cmd
}

fn protect(dir: &Path, passphrase: &str) -> Run {
    let r = run(with_passphrase(dir, passphrase).arg("protect"));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    r
}

#[test]
fn a_protected_interview_killed_while_typing_leaves_nothing_readable_and_resumes() {
    // An interview from before the protection, with its .bak: converted.
    let (_tmp, dir, old) = data_dir_with_a_mayor("Eksempelvik");
    storage::save_session(&dir, &old).unwrap();
    let r = protect(&dir, "riktig hest batteri");
    assert!(r.stdout.contains("2 files encrypted"), "{}", r.stdout);
    assert!(r.stdout.contains("SSD"), "{}", r.stdout);

    let pass = dir.with_extension("pass-19");
    let pass = pass.to_str().unwrap();
    let env = [("KOMPASS_PASSPHRASE_FILE", pass), CHEAP];
    let sentence = "Rådmannen sa at budsjettet sprekker";
    let mut t = start_with_env(&dir, &NEW, &env);
    t.type_slowly(sentence);
    std::thread::sleep(Duration::from_millis(1300));
    t.type_slowly(" i mars");
    t.kill_hard();
    t.wait_exit().expect("SIGKILL ends it");

    // What was typed up to a second before the kill is there, encrypted.
    storage::vault::configure(
        storage::vault::PassphraseSource::File(pass.into()),
        kompass::core::lang::Lang::En,
        &dir,
    );
    let path = storage::find_session(&dir, &first_id(&dir, &old.id)).unwrap();
    let s = Session::parse(&storage::read_file(&path).unwrap()).unwrap();
    assert!(
        first_notes(&s).starts_with(sentence),
        "{:?}",
        first_notes(&s)
    );

    let mut again = start_with_env(&dir, &["interview", "--resume", &s.id], &env);
    again.wait_for("Gjenopprettet etter uventet avslutning");
    again.send("\x11");
    assert!(again.wait_exit().unwrap().success());

    let all = files(&dir);
    let names: Vec<String> = all
        .iter()
        .map(|p| p.file_name().unwrap().to_string_lossy().into_owned())
        .collect();
    assert!(names.iter().any(|n| n.ends_with(".json.bak")), "{names:?}");
    assert!(names.iter().any(|n| n.ends_with(".json.lock")), "{names:?}");
    for file in &all {
        let bytes = fs::read(file).unwrap();
        for secret in [sentence, "budsjettet", "Notat til", "Funn ", "Ola Nordmann"] {
            assert!(
                !contains(&bytes, secret.as_bytes()),
                "{} holds {secret:?} in plaintext",
                file.display()
            );
        }
    }
    // validate reads every session and checks that every file is encrypted.
    let r = run(with_passphrase(&dir, "riktig hest batteri")
        .arg("validate")
        .arg(&dir));
    assert_eq!(r.code, 0, "{}{}", r.stdout, r.stderr);
    fs::write(dir.join("eksempelvik/stray.txt"), "plain words").unwrap();
    let r = run(with_passphrase(&dir, "riktig hest batteri")
        .arg("validate")
        .arg(&dir));
    assert_eq!(r.code, 1, "{}{}", r.stdout, r.stderr);
    assert!(
        r.stderr.contains("stray.txt: not encrypted"),
        "{}",
        r.stderr
    );
}

/// The id of the session that is not `except` (the new interview).
fn first_id(dir: &Path, except: &str) -> String {
    storage::list_sessions(dir, &Bank::builtin())
        .municipalities
        .into_iter()
        .flat_map(|(_, s)| s)
        .map(|l| l.session.id)
        .find(|id| id != except)
        .expect("the new interview")
}

#[test]
fn a_wrong_passphrase_changes_nothing_and_says_so() {
    let (_tmp, dir, s) = data_dir_with_a_mayor("Eksempelvik");
    protect(&dir, "riktig hest batteri");
    let before = Snapshot::take(&dir);
    for args in [
        &["score", dir.to_str().unwrap()][..],
        &["unprotect"],
        &["protect", "--change-passphrase"],
        &["interview", "--resume", &s.id],
        &["purge", "Eksempelvik", "--notes", "--yes"],
    ] {
        let r = run(with_passphrase(&dir, "feil hest batteri").args(args));
        assert_eq!(r.code, 1, "{args:?}: {}{}", r.stdout, r.stderr);
        assert!(
            r.stderr
                .contains("wrong passphrase; nothing was read or changed"),
            "{args:?}: {}",
            r.stderr
        );
        assert_eq!(Snapshot::take(&dir), before, "{args:?} changed something");
    }
    // The right one reads; a new one replaces it, and only the key changes.
    let r = run(with_passphrase(&dir, "riktig hest batteri")
        .args(["score", "--json"])
        .arg(&dir));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let new = dir.with_extension("new");
    fs::write(&new, "nytt langt passord\n").unwrap();
    let r = run(with_passphrase(&dir, "riktig hest batteri")
        .args(["protect", "--change-passphrase", "--new-passphrase-file"])
        .arg(&new));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let after = Snapshot::take(&dir);
    assert_eq!(
        before.changed_files(&after),
        [dir.join(storage::vault::PROTECTION_FILE)]
    );
    let r = run(with_passphrase(&dir, "nytt langt passord").arg("unprotect"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        fs::read(storage::session_path(&dir, "Eksempelvik", &s.id)).unwrap(),
        s.to_json()
    );
}

/// Two interviews of Midtre Gauldal with notes and findings, one of Askvoll,
/// merged into Midtre Gauldal's assessment.
fn purge_fixture(dir: &Path) -> PathBuf {
    let bank = Bank::builtin();
    for (id, m, role, v) in [
        ("01JDXAAAAAAAAAAAAAAAAAAAAA", "Midtre Gauldal", "mayor", 2),
        (
            "01JDXBBBBBBBBBBBBBBBBBBBBB",
            "Midtre Gauldal",
            "union_rep",
            3,
        ),
        ("01JDXCCCCCCCCCCCCCCCCCCCCC", "Askvoll", "mayor", 1),
    ] {
        let s = session(&bank, id, m, role, v);
        storage::save_session(dir, &s).unwrap();
        storage::save_session(dir, &s).unwrap();
    }
    let assessment = storage::assessment_path(dir, "Midtre Gauldal");
    let r = run(kompass(dir)
        .arg("merge")
        .arg(dir.join("midtre-gauldal"))
        .arg("-o")
        .arg(&assessment));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assessment
}

fn score_json(dir: &Path, path: &Path) -> String {
    let r = run(kompass(dir).args(["score", "--json"]).arg(path));
    assert_eq!(r.code, 0, "{}", r.stderr);
    r.stdout
}

#[test]
fn purge_lists_first_removes_notes_without_changing_a_score_then_sessions() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let assessment = purge_fixture(&dir);
    let sessions = dir.join("midtre-gauldal");
    let scores = score_json(&dir, &sessions);
    let assessed = score_json(&dir, &assessment);

    let before = Snapshot::take(&dir);
    let r = run(kompass(&dir).args(["--lang", "en", "purge", "Midtre Gauldal", "--notes"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("would be removed"), "{}", r.stdout);
    assert!(
        r.stdout.contains("01JDXAAAAAAAAAAAAAAAAAAAAA.json.bak"),
        "{}",
        r.stdout
    );
    assert!(!r.stdout.contains("askvoll"), "{}", r.stdout);
    assert!(r.stdout.contains("Nothing was removed"), "{}", r.stdout);
    assert_eq!(Snapshot::take(&dir), before, "a dry run changes nothing");

    let r = run(kompass(&dir).args(["purge", "Midtre Gauldal", "--notes", "--yes"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(score_json(&dir, &sessions), scores, "byte for byte");
    assert_eq!(score_json(&dir, &assessment), assessed, "byte for byte");
    for file in files(&sessions) {
        let bytes = fs::read(&file).unwrap();
        assert!(!contains(&bytes, b"Notat til"), "{}", file.display());
        let session_backup =
            file.to_string_lossy().ends_with(".json.bak") && !file.ends_with("assessment.json.bak");
        assert!(!session_backup, "{}", file.display());
    }
    assert!(contains(
        &fs::read(dir.join("askvoll/01JDXCCCCCCCCCCCCCCCCCCCCC.json")).unwrap(),
        b"Notat til"
    ));
    let bank = Bank::builtin();
    let (a, _) = storage::load_assessment(&assessment, &bank).unwrap();
    assert_eq!(a.purged.len(), 1);
    assert_eq!(a.purged[0].sessions.len(), 2);
    // The curated findings stay, and the review sees no changed session.
    assert!(
        a.findings
            .values()
            .flatten()
            .any(|f| f.text.starts_with("Funn "))
    );
    let r = run(kompass(&dir)
        .args(["report", "--format", "md"])
        .arg(&assessment));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.contains("notater slettet"), "{}", r.stdout);

    // --all: the sessions go, the assessment keeps their scores.
    let r = run(kompass(&dir).args(["purge", "Midtre Gauldal", "--all", "--yes"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let left: Vec<String> = files(&sessions)
        .iter()
        .map(|f| f.file_name().unwrap().to_string_lossy().into_owned())
        .filter(|n| !n.ends_with(".lock"))
        .collect();
    assert_eq!(left, ["assessment.json", "assessment.json.bak"]);
    assert_eq!(score_json(&dir, &assessment), assessed, "byte for byte");
    let (a, _) = storage::load_assessment(&assessment, &bank).unwrap();
    assert_eq!(a.purged.len(), 2);
}

#[test]
fn purge_all_refuses_sessions_the_assessment_does_not_hold() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    purge_fixture(&dir);
    let before = Snapshot::take(&dir);
    let r = run(kompass(&dir).args(["--lang", "en", "purge", "Askvoll", "--all", "--yes"]));
    assert_eq!(r.code, 1, "{}", r.stdout);
    assert!(
        r.stderr.contains("does not hold the scores"),
        "{}",
        r.stderr
    );
    assert_eq!(Snapshot::take(&dir), before);
}

#[test]
fn a_person_can_see_and_erase_what_was_recorded() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    let assessment = purge_fixture(&dir);
    let sessions = dir.join("midtre-gauldal");
    let scores = score_json(&dir, &sessions);
    let assessed = score_json(&dir, &assessment);
    let name = "Person 01JDXBBBBBBBBBBBBBBBBBBBBB";

    // Without --yes and without a terminal to ask in: nothing is done.
    let out = tmp.path().join("export.md");
    let before = Snapshot::take(&dir);
    let r = run(kompass(&dir)
        .args(["--lang", "en", "person", name, "--export"])
        .arg(&out));
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains("01JDXBBBBBBBBBBBBBBBBBBBBB.json"),
        "{}",
        r.stdout
    );
    assert!(r.stderr.contains("--yes"), "{}", r.stderr);
    assert!(!out.exists());

    let r = run(kompass(&dir)
        .args(["person", &name.to_lowercase(), "--export"])
        .arg(&out)
        .arg("--yes"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let md = fs::read_to_string(&out).unwrap();
    assert!(
        md.contains(&format!(
            "# Det som er registrert om {}",
            name.to_lowercase()
        )),
        "{md}"
    );
    assert!(md.contains("Notat til"), "{md}");
    assert!(
        !md.contains("01JDXAAAAAAAAAAAAAAAAAAAAA"),
        "only their interviews: {md}"
    );
    let json = tmp.path().join("export.json");
    let r = run(kompass(&dir)
        .args(["person", name, "--export"])
        .arg(&json)
        .arg("--yes"));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_slice(&fs::read(&json).unwrap()).unwrap();
    assert_eq!(v["format"], "kompass.person-export");
    assert_eq!(v["interviews"].as_array().unwrap().len(), 1);
    assert_eq!(Snapshot::take(&dir), before, "an export changes nothing");

    let r = run(kompass(&dir).args(["person", name, "--erase", "--yes"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    for file in files(&dir) {
        assert!(
            !contains(&fs::read(&file).unwrap(), name.as_bytes()),
            "{}",
            file.display()
        );
    }
    let bank = Bank::builtin();
    let (a, _) = storage::load_assessment(&assessment, &bank).unwrap();
    let stand_in = &a
        .sessions
        .iter()
        .find(|r| r.id == "01JDXBBBBBBBBBBBBBBBBBBBBB")
        .unwrap()
        .interviewees[0]
        .name;
    assert!(stand_in.ends_with(" 1"), "{stand_in}");
    assert_eq!(score_json(&dir, &sessions), scores);
    assert_eq!(score_json(&dir, &assessment), assessed);
    let r = run(kompass(&dir).args(["person", name, "--erase", "--yes"]));
    assert_eq!(r.code, 1, "nobody left by that name");
}

/// The start screen of a new data directory offers protection: `p`, then a
/// passphrase typed twice (after one too short and two that differ; `q`
/// and `n` are letters there, not commands). The directory is protected,
/// the passphrase is never shown, and the offer is gone.
#[test]
fn the_start_screen_protects_a_new_data_directory_with_a_passphrase_typed_twice() {
    let dir = tempfile::tempdir().unwrap();
    let data = dir.path().join("data");
    let args = ["--lang", "en", "--dir", data.to_str().unwrap()];
    let mut t = Term::spawn(&args, &[CHEAP, ("LANG", "C.UTF-8")], (100, 30));
    t.wait_for_screen("The data directory is new and not protected.");
    t.send("p");
    for (typed, answer) in [
        ("kort", "at least 8 characters"),
        ("riktig hest q n", ""),
        ("feil hest q n", "The passphrases differ"),
        ("riktig hest q n", ""),
        ("riktig hest q n", "The data directory is protected"),
    ] {
        t.type_slowly(typed);
        t.send("\r");
        t.wait_for_screen(answer);
    }
    assert!(storage::vault::is_protected(&data));
    assert!(!t.screen().contains("The data directory is new"));
    assert!(
        !contains(&t.output(), b"hest"),
        "the passphrase is never shown"
    );
    t.send("q");
    assert!(t.wait_exit().expect("q ends the program").success());
}
