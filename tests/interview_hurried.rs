//! What an interviewer under time pressure runs into (issue 12), on the
//! real binary in a pseudo-terminal: keys typed into the wrong field, input
//! faster than the terminal reader, a rescue copy on resume, a completed
//! interview only looked at.

mod common;

use std::path::Path;
use std::time::Duration;

use kompass::core::bank::Bank;
use kompass::core::exact::{Exact, int};
use kompass::core::session::{FindingKind, Session, Status};

use common::interview::{NEW, first_notes, first_question, load, start, wait_file};
use common::pty::Term;

type Three = (Option<Exact>, Option<Exact>, Option<Exact>);

fn scores_of_first(s: &Session) -> Three {
    let a = s
        .answers
        .get(&first_question())
        .cloned()
        .unwrap_or_default();
    (a.scores.system, a.scores.extent, a.scores.results)
}

fn whole(v: [Option<i128>; 3]) -> Three {
    (v[0].map(int), v[1].map(int), v[2].map(int))
}

fn quit(t: &mut Term) {
    t.send("\x11");
    assert!(t.wait_exit().expect("Ctrl-Q ends it").success());
}

// ----- 1. typing while the scores or the findings have the focus -----

#[test]
fn after_the_last_dimension_the_words_go_on_into_the_notes() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.send("\t"); // to the scores
    t.type_slowly("321");
    t.type_slowly("Hun sa 4 ting");
    t.wait_for_screen("Hun sa 4 ting");
    quit(&mut t);
    let s = load(dir.path());
    assert_eq!(first_notes(&s), "Hun sa 4 ting");
    assert_eq!(scores_of_first(&s), whole([Some(3), Some(2), Some(1)]));
}

#[test]
fn a_letter_in_the_scores_goes_to_the_notes_and_a_space_never_clears_a_score() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.send("\t");
    t.type_slowly("32"); // the third dimension is still open
    t.type_slowly("Hun sa 4 ting");
    t.wait_for_screen("Hun sa 4 ting");
    t.send("\t"); // the scores again: a space, then x, are words
    t.type_slowly(" x");
    t.wait_for_screen("Hun sa 4 ting x");
    quit(&mut t);
    let s = load(dir.path());
    assert_eq!(first_notes(&s), "Hun sa 4 ting x");
    assert_eq!(scores_of_first(&s), whole([Some(3), Some(2), None]));
}

#[test]
fn typing_in_the_findings_goes_to_the_notes_and_opens_no_finding() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.type_slowly("Plan finnes");
    t.send("\x0b"); // Ctrl-K: the line becomes a finding
    t.send("\r"); // a strength
    t.send("\r"); // a new line in the notes
    t.send("\t\t"); // notes -> scores -> findings
    t.type_slowly("Kommunen 3 har en plan");
    t.wait_for_screen("Kommunen 3 har en plan");
    quit(&mut t);
    let s = load(dir.path());
    assert_eq!(first_notes(&s), "Plan finnes\nKommunen 3 har en plan");
    let a = &s.answers[&first_question()];
    assert_eq!(a.findings.len(), 1, "{:?}", a.findings);
    assert_eq!(a.findings[0].kind, FindingKind::Strength);
    assert_eq!(a.findings[0].text, "Plan finnes");
}

// ----- 3. input faster than 1,024 bytes at a time -----

#[test]
fn a_burst_longer_than_the_terminal_readers_buffer_arrives_whole_without_another_key() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    // No bracketed paste: a terminal or tmux paste-buffer without -p, or a
    // barcode scanner, sends it as typed keys in one burst.
    let burst = format!("{}SLUTT", "Ordet er fritt. ".repeat(153));
    assert_eq!(burst.chars().count(), 2453);
    t.send(&burst);
    let s = wait_file(dir.path(), |s| first_notes(s).chars().count() >= 2453);
    assert_eq!(first_notes(&s), burst, "everything that arrived is saved");
    t.wait_for_screen("SLUTT");
    quit(&mut t);
}

// ----- 4. a rescue copy found again on resume -----

/// A saved interview with some notes, and its id.
fn saved_interview(dir: &Path) -> Session {
    let mut t = start(dir, &NEW);
    t.type_slowly("Lagret tekst");
    quit(&mut t);
    load(dir)
}

/// The rescue copy Ctrl-Q writes when the session file cannot be written:
/// the same session with more words, later.
fn write_rescue(tmp: &Path, saved: &Session, extra: &str) -> std::path::PathBuf {
    let mut rescued = saved.clone();
    rescued
        .answers
        .get_mut(&first_question())
        .unwrap()
        .notes
        .push_str(extra);
    rescued.updated_at = saved.updated_at + chrono::Duration::seconds(90);
    let path = tmp.join(format!("kompass-rescue-{}.json", saved.id));
    std::fs::write(&path, rescued.to_json()).unwrap();
    path
}

/// `kompass interview --resume ID` at 80x24, up to the rescue copy's
/// question (which covers the notes' heading).
fn resume_with_rescue(dir: &Path, id: &str, env: &[(&str, &str)]) -> Term {
    let dir = dir.to_str().unwrap();
    let args = ["--lang", "nb", "--dir", dir, "interview", "--resume", id];
    let mut vars = vec![("LANG", "C.UTF-8")];
    vars.extend_from_slice(env);
    let t = Term::spawn(&args, &vars, (80, 24));
    t.wait_for_screen("redningskopi");
    t
}

#[test]
fn resume_offers_a_newer_rescue_copy_with_the_difference_and_takes_it() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let saved = saved_interview(dir.path());
    let extra = " og ordene fra redningskopien";
    let rescue = write_rescue(tmp.path(), &saved, extra);
    let env = [("TMPDIR", tmp.path().to_str().unwrap())];

    let mut t = resume_with_rescue(dir.path(), &saved.id, &env);
    let chars = extra.chars().count();
    t.wait_for_screen(&format!("+{chars} tegn"));
    t.send("j"); // take it
    t.wait_for_screen(extra.trim());
    quit(&mut t);
    assert_eq!(
        first_notes(&load(dir.path())),
        format!("Lagret tekst{extra}")
    );
    assert!(
        !rescue.exists(),
        "a rescue copy taken in is not offered again"
    );
}

#[test]
fn keeping_the_saved_version_changes_nothing_and_keeps_the_rescue_copy() {
    let dir = tempfile::tempdir().unwrap();
    let tmp = tempfile::tempdir().unwrap();
    let saved = saved_interview(dir.path());
    let rescue = write_rescue(tmp.path(), &saved, " mer");
    let env = [("TMPDIR", tmp.path().to_str().unwrap())];

    let mut t = resume_with_rescue(dir.path(), &saved.id, &env);
    t.send("n"); // keep the saved version
    t.type_slowly("!");
    t.wait_for_screen("Lagret tekst!");
    quit(&mut t);
    assert_eq!(first_notes(&load(dir.path())), "Lagret tekst!");
    assert!(rescue.exists(), "nothing the user typed is thrown away");
}

// ----- 16. a completed interview only looked at -----

fn completed_interview(dir: &Path) -> Session {
    let mut s = common::session(
        &Bank::builtin(),
        "01JDX00000000000000000COMP",
        "Eksempelvik",
        "mayor",
        3,
    );
    s.status = Status::Completed;
    kompass::storage::save_session(dir, &s).unwrap();
    s
}

#[test]
fn a_completed_interview_opened_from_the_start_screen_and_left_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    completed_interview(dir.path());
    let before = common::Snapshot::take(dir.path());
    let args = ["--lang", "nb", "--dir", dir.path().to_str().unwrap()];
    let mut t = Term::spawn(&args, &[("LANG", "C.UTF-8")], (80, 24));
    t.wait_for_screen("Eksempelvik");
    t.send("\r"); // open it
    t.wait_for_screen("Notater");
    t.wait_for_screen("SKRIVEBESKYTTET");
    std::thread::sleep(Duration::from_millis(1200)); // a timer would count this
    t.send("\x11"); // back to the start screen
    t.wait_for_screen("Nytt");
    t.send("q");
    assert!(t.wait_exit().expect("q ends it").success());
    assert_eq!(common::Snapshot::take(dir.path()), before);
}

#[test]
fn an_interview_in_progress_opened_and_left_without_a_change_keeps_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut s = common::session(
        &Bank::builtin(),
        "01JDX00000000000000000OPEN",
        "Eksempelvik",
        "mayor",
        3,
    );
    s.status = Status::InProgress;
    let path = kompass::storage::save_session(dir.path(), &s).unwrap();
    let before = common::fingerprint(&path);
    let mut t = start(dir.path(), &["interview", "--resume", &s.id]);
    std::thread::sleep(Duration::from_millis(1200));
    quit(&mut t);
    assert_eq!(common::fingerprint(&path), before);
}

#[test]
fn a_completed_interview_can_still_be_edited_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let s = completed_interview(dir.path());
    let args = ["--lang", "nb", "--dir", dir.path().to_str().unwrap()];
    let mut t = Term::spawn(&args, &[("LANG", "C.UTF-8")], (80, 24));
    t.wait_for_screen("Eksempelvik");
    t.send("e"); // edit
    t.wait_for_screen("Notater");
    t.type_slowly("Tillegg ");
    t.wait_for_screen("Tillegg");
    t.send("\x11");
    t.wait_for_screen("Nytt");
    t.send("q");
    assert!(t.wait_exit().unwrap().success());
    let after = kompass::storage::load_session(
        &kompass::storage::find_session(dir.path(), &s.id).unwrap(),
        &Bank::builtin(),
    )
    .unwrap()
    .session;
    // The cursor starts at the end of the notes.
    assert!(first_notes(&after).ends_with("Tillegg "), "{after:?}");
    assert_eq!(after.status, Status::Completed);
}

// ----- 8. every command Kompass prints works pasted as it is -----

#[cfg(unix)]
#[test]
fn the_read_only_command_in_the_lock_message_works_pasted_into_a_shell() {
    let base = tempfile::tempdir().unwrap();
    let dir = base.path().join("Mine intervjuer");
    std::fs::create_dir(&dir).unwrap();
    let mut first = start(&dir, &NEW);
    let id = load(&dir).id;
    let r = common::run(common::kompass(&dir).args(["--lang", "nb", "interview", "--resume", &id]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let line = r
        .stderr
        .lines()
        .find(|l| l.contains("--read-only"))
        .unwrap_or_else(|| panic!("a command to open it read-only: {}", r.stderr));
    let command = line.split_once(": ").expect("the command after a colon").1;
    assert!(command.starts_with("kompass "), "{command}");

    // Pasted into a shell in another directory, where `kompass` is on the PATH.
    let bin = base.path().join("bin");
    std::fs::create_dir(&bin).unwrap();
    std::os::unix::fs::symlink(env!("CARGO_BIN_EXE_kompass"), bin.join("kompass")).unwrap();
    let path = format!(
        "{}:{}",
        bin.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let env = [("PATH", path.as_str()), ("LANG", "nb_NO.UTF-8")];
    let mut pasted = Term::spawn_program("sh", &["-c", command], &env, (80, 24));
    pasted.wait_for_screen("SKRIVEBESKYTTET");
    quit(&mut pasted);
    quit(&mut first);
}

// ----- 10. nothing is created when the screen cannot start -----

/// `kompass ARGS` with no terminal at all: no controlling terminal (a new
/// session), standard input from /dev/null.
#[cfg(unix)]
fn without_a_terminal(dir: &Path, args: &[&str]) -> common::Run {
    use std::os::unix::process::CommandExt;
    let mut cmd = common::kompass(dir);
    cmd.args(["--lang", "nb"]).args(args);
    cmd.stdin(std::process::Stdio::null());
    // SAFETY: setsid(2) is async-signal-safe and touches no memory.
    unsafe {
        cmd.pre_exec(|| {
            libc::setsid();
            Ok(())
        });
    }
    common::run(&mut cmd)
}

#[cfg(unix)]
#[test]
fn a_new_interview_without_a_terminal_creates_nothing() {
    let base = tempfile::tempdir().unwrap();
    let before = common::Snapshot::take(base.path());
    let r = without_a_terminal(&base.path().join("data"), &NEW);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("Kan ikke starte terminalen"),
        "{}",
        r.stderr
    );
    assert_eq!(common::Snapshot::take(base.path()), before);
}

#[cfg(unix)]
#[test]
fn resuming_without_a_terminal_leaves_no_marker_and_no_lock() {
    let dir = tempfile::tempdir().unwrap();
    let s = common::session(
        &Bank::builtin(),
        "01JDX00000000000000000NOTT",
        "Eksempelvik",
        "mayor",
        2,
    );
    kompass::storage::save_session(dir.path(), &s).unwrap();
    let before = common::Snapshot::take(dir.path());
    let r = without_a_terminal(dir.path(), &["interview", "--resume", &s.id]);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains("Kan ikke starte terminalen"),
        "{}",
        r.stderr
    );
    assert_eq!(common::Snapshot::take(dir.path()), before);
}
