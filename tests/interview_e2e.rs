//! The interview mode end to end: the built binary in a real
//! pseudo-terminal, typed into like a person, killed like a laptop.

mod common;

use std::time::Duration;

use kompass::core::bank::Bank;
use kompass::core::exact::int;
use kompass::core::session::{FindingKind, Session};

use common::interview::{
    NEW, first_notes, first_question, load, session_file, start, start_with_env, wait_file,
};
use common::pty::contains;

#[test]
fn notes_scores_and_a_finding_typed_in_a_terminal_reach_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.type_slowly("Hei æøå 🙂 fra ordføreren");
    t.send("\t"); // to the scores
    t.type_slowly("324"); // the last one hands the focus back to the notes
    t.send("\x0b"); // Ctrl-K: the line becomes a finding
    t.send("\t"); // strength -> challenge
    t.send("\r");
    t.send("\x11"); // Ctrl-Q
    let status = t.wait_exit().expect("Ctrl-Q ends the program");
    assert!(status.success(), "{status:?}");
    let out = t.output();
    assert!(
        contains(&out, b"\x1b[?1049l"),
        "the alternate screen was left"
    );

    let s = load(dir.path());
    let notes = first_notes(&s);
    assert_eq!(notes, "Hei æøå 🙂 fra ordføreren");
    let a = s.answers.values().find(|a| a.notes == notes).unwrap();
    assert_eq!(
        (a.scores.system, a.scores.extent, a.scores.results),
        (Some(int(3)), Some(int(2)), Some(int(4)))
    );
    assert_eq!(a.findings.len(), 1);
    assert_eq!(a.findings[0].kind, FindingKind::Challenge);
    assert_eq!(a.findings[0].text, "Hei æøå 🙂 fra ordføreren");
    let file = session_file(dir.path());
    assert!(
        !kompass::storage::open_marker_path(&file).exists(),
        "a clean exit"
    );
}

#[test]
fn a_resized_terminal_gets_the_layout_of_its_new_size_and_typing_goes_on() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.type_slowly("Før");
    t.wait_for_screen("Før");
    // 80 columns abbreviate Ctrl in the footer; 120 have room to spell it out.
    assert!(t.screen().contains("^Q Avslutt"), "{}", t.screen());
    t.resize((120, 40));
    t.wait_for_screen("Ctrl-Q Avslutt");
    t.type_slowly(" og etter");
    t.wait_for_screen("Før og etter");
    let screen = t.screen();
    let rows: Vec<&str> = screen.lines().collect();
    assert_eq!(rows.len(), 40, "{screen}");
    assert!(
        rows[39].contains("Ctrl-Q Avslutt"),
        "the footer on the last row:\n{screen}"
    );
    t.resize((80, 24));
    t.wait_for_screen("^Q Avslutt");
    t.type_slowly("!");
    t.wait_for_screen("Før og etter!");
    assert!(!t.screen().contains("Ctrl-Q"), "{}", t.screen());
    t.send("\x11");
    assert!(t.wait_exit().expect("Ctrl-Q ends it").success());
    assert_eq!(first_notes(&load(dir.path())), "Før og etter!");
}

#[test]
fn kill_9_after_a_pause_keeps_what_was_typed_before_it_and_resume_says_recovered() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.type_slowly("Før pausen æøå");
    std::thread::sleep(Duration::from_millis(1300));
    t.type_slowly(" etter");
    t.kill_hard();
    t.wait_exit().expect("SIGKILL ends it");
    let s = load(dir.path());
    assert!(
        first_notes(&s).starts_with("Før pausen æøå"),
        "{:?}",
        first_notes(&s)
    );
    assert!(kompass::storage::open_marker_path(&session_file(dir.path())).exists());

    let mut again = start(dir.path(), &["interview", "--resume", &s.id]);
    again.wait_for("Gjenopprettet etter uventet avslutning");
    again.send("\x11");
    assert!(again.wait_exit().unwrap().success());
    assert!(!kompass::storage::open_marker_path(&session_file(dir.path())).exists());
}

/// A kill while the save's fsyncs run (a busy disk) leaves the new version
/// in a temporary file only: the restart puts it in place and shows it.
#[test]
fn a_save_a_kill_interrupted_is_finished_by_the_restart() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.type_slowly("Lagret");
    let saved = wait_file(dir.path(), |s| first_notes(s) == "Lagret");
    t.kill_hard();
    t.wait_exit().expect("SIGKILL ends it");
    // What the saver had written, not yet renamed, when the kill came.
    let path = session_file(dir.path());
    let mut newer = saved.clone();
    newer.answers.get_mut(&first_question()).unwrap().notes = "Lagret, og mer".into();
    newer.updated_at += chrono::Duration::seconds(1);
    let tmp = path.with_file_name(".kompass-AbC123.tmp");
    std::fs::write(&tmp, newer.to_json()).unwrap();

    let mut again = start(dir.path(), &["interview", "--resume", &saved.id]);
    again.wait_for("Gjenopprettet etter uventet avslutning");
    // The terminal gets the words one cursor move apart.
    again.wait_for("Lagret,");
    assert_eq!(load(dir.path()), newer);
    assert!(!tmp.exists());
    let before = std::fs::read(kompass::storage::backup_path(&path)).unwrap();
    assert_eq!(
        Session::parse(&before).unwrap(),
        saved,
        "the version before is the .bak"
    );
    again.send("\x11");
    assert!(again.wait_exit().unwrap().success());
}

#[cfg(unix)]
#[test]
fn sighup_loses_nothing_and_restores_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.type_slowly("Første linje");
    wait_file(dir.path(), |s| first_notes(s) == "Første linje");
    t.type_slowly(" og rett før lokket ble lukket");
    std::thread::sleep(Duration::from_millis(100));
    t.signal(libc::SIGHUP);
    let status = t.wait_exit().expect("SIGHUP ends the program");
    assert!(!status.success());
    let s = load(dir.path());
    assert_eq!(
        first_notes(&s),
        "Første linje og rett før lokket ble lukket"
    );
    // Give the reader thread a moment to collect the last bytes.
    std::thread::sleep(Duration::from_millis(200));
    let out = t.output();
    for (seq, what) in [
        (&b"\x1b[?1049l"[..], "alternate screen left"),
        (&b"\x1b[?2004l"[..], "bracketed paste off"),
        (&b"\x1b[?25h"[..], "cursor shown"),
    ] {
        assert!(contains(&out, seq), "{what}");
    }
    assert!(!kompass::storage::open_marker_path(&session_file(dir.path())).exists());
}

#[test]
fn a_program_error_saves_what_was_typed_restores_the_terminal_and_says_where() {
    // Debug builds panic on the key KOMPASS_PANIC_ON_KEY names; release
    // builds (`cargo test --release`) have no such key.
    if !cfg!(debug_assertions) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let mut t = start_with_env(dir.path(), &NEW, &[("KOMPASS_PANIC_ON_KEY", "§")]);
    t.type_slowly("Rett før feilen æøå");
    t.wait_for_screen("Rett før feilen æøå");
    t.send("§");
    let status = t.wait_exit().expect("the panic ends the program");
    assert_eq!(status.exit_code(), 101, "{status:?}");
    let out = String::from_utf8_lossy(&t.output()).into_owned();
    assert!(out.contains("\x1b[?1049l"), "the alternate screen was left");
    assert!(
        out.contains("Kompass stoppet på grunn av en programfeil. Intervjuet er lagret i"),
        "{out}"
    );
    let file = session_file(dir.path());
    assert!(
        out.contains(&*file.to_string_lossy()),
        "it says where: {out}"
    );
    let s = load(dir.path());
    assert_eq!(first_notes(&s), "Rett før feilen æøå");
    // The marker stays, so the next start says what happened.
    assert!(kompass::storage::open_marker_path(&file).exists());
    let mut again = start(dir.path(), &["interview", "--resume", &s.id]);
    again.wait_for("Gjenopprettet etter uventet avslutning");
    again.send("\x11");
    assert!(again.wait_exit().unwrap().success());
}

/// Windows' hangup: the console window is closed while the user types.
#[cfg(windows)]
#[test]
fn closing_the_console_window_loses_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.type_slowly("Første linje");
    wait_file(dir.path(), |s| first_notes(s) == "Første linje");
    t.type_slowly(" og rett før vinduet ble lukket");
    std::thread::sleep(Duration::from_millis(100));
    t.close_console();
    let status = t.wait_exit().expect("closing the console ends the program");
    assert!(!status.success());
    assert_eq!(
        first_notes(&load(dir.path())),
        "Første linje og rett før vinduet ble lukket"
    );
    assert!(!kompass::storage::open_marker_path(&session_file(dir.path())).exists());
}

#[cfg(unix)]
#[test]
fn sigterm_saves_and_exits() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    t.type_slowly("Avsluttet av systemet");
    std::thread::sleep(Duration::from_millis(100));
    t.signal(libc::SIGTERM);
    t.wait_exit().expect("SIGTERM ends the program");
    assert_eq!(first_notes(&load(dir.path())), "Avsluttet av systemet");
}

#[test]
fn bracketed_paste_arrives_as_one_undoable_insert() {
    let dir = tempfile::tempdir().unwrap();
    let mut t = start(dir.path(), &NEW);
    let long = "Lang tekst fra e-post. ".repeat(200);
    t.send(&format!("\x1b[200~{long}\nsiste linje\x1b[201~"));
    let s = wait_file(dir.path(), |s| !first_notes(s).is_empty());
    assert_eq!(first_notes(&s), format!("{long}\nsiste linje"));
    t.send("\x1a"); // Ctrl-Z: one undo takes the whole paste back
    std::thread::sleep(Duration::from_millis(100));
    t.send("\x11");
    assert!(t.wait_exit().unwrap().success());
    assert_eq!(first_notes(&load(dir.path())), "");
}

#[test]
fn a_second_editor_is_refused_naming_the_holder_and_read_only_works() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = start(dir.path(), &NEW);
    let id = load(dir.path()).id;
    let r = common::run(common::kompass(dir.path()).args([
        "--lang",
        "nb",
        "interview",
        "--resume",
        &id,
    ]));
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("prosess {} på ", first.pid())),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--read-only"), "{}", r.stderr);

    let mut reader = start(dir.path(), &["interview", "--resume", &id, "--read-only"]);
    reader.wait_for("SKRIVEBESKYTTET");
    reader.type_slowly("x");
    reader.send("\x11");
    assert!(reader.wait_exit().unwrap().success());
    first.send("\x11");
    assert!(first.wait_exit().unwrap().success());
    assert_eq!(first_notes(&load(dir.path())), "");
}

#[test]
fn bad_arguments_exit_1_with_the_allowed_roles() {
    let dir = tempfile::tempdir().unwrap();
    for (person, expected) in [
        ("Ola:pope", "Unknown role «pope»"),
        ("Ola", "NAME:ROLE"),
        (" :mayor", "The name is missing"),
    ] {
        let r = common::run(common::kompass(dir.path()).args([
            "--lang",
            "en",
            "interview",
            "--municipality",
            "Eksempelvik",
            "--interviewer",
            "Kari",
            "--person",
            person,
        ]));
        assert_eq!(r.code, 1, "{person}: {}", r.stderr);
        assert!(r.stderr.contains(expected), "{person}: {}", r.stderr);
        if person != " :mayor" {
            assert!(
                r.stderr.contains("union_rep (Chief union representative)"),
                "{}",
                r.stderr
            );
        }
    }
    let r = common::run(common::kompass(dir.path()).args(["--lang", "en", "interview"]));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("--municipality is missing"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--person is missing"), "{}", r.stderr);
    assert!(
        !dir.path().join("eksempelvik").exists(),
        "nothing was written"
    );
}

#[test]
fn hostile_text_in_a_session_file_is_shown_but_never_obeyed() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let evil = "\x1b]52;c;ZXZpbA==\x07\x1b[5;31m";
    let at = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
    let mut s = Session::new(
        "01EVIL0000000000000000000A".into(),
        &bank,
        &format!("Eksempelvik{evil}"),
        &format!("Kari{evil}"),
        vec![kompass::core::session::Person {
            name: format!("Ola{evil}"),
            role: "mayor".into(),
        }],
        at,
    );
    let first = first_question();
    let answer = s.answers.entry(first.clone()).or_default();
    answer.notes = format!("notat{evil}slutt");
    answer.findings.push(kompass::core::session::Finding {
        kind: FindingKind::Strength,
        text: format!("funn{evil}"),
    });
    s.priorities = vec![format!("prioritet{evil}\u{9b}31m")];
    s.last_question = Some(first);
    kompass::storage::save_session(dir.path(), &s).unwrap();

    let mut t = start(dir.path(), &["interview", "--resume", &s.id]);
    t.send("\x0c"); // Ctrl-L: the closing page shows the priorities
    t.wait_for("Avslutning");
    t.send("\x11");
    assert!(t.wait_exit().unwrap().success());
    let out = t.output();
    for (bad, what) in [
        (&b"\x1b]52"[..], "OSC 52 clipboard write"),
        (&b"\x07"[..], "bell"),
        (&b"\x1b[5;31m"[..], "blinking red"),
        ("\u{9b}".as_bytes(), "C1 CSI"),
    ] {
        assert!(!contains(&out, bad), "{what} reached the terminal");
    }
    assert!(
        contains(&out, "␛]52".as_bytes()),
        "shown as a visible stand-in"
    );
}
