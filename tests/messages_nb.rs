//! Every message a person can meet when a file is wrong is in their
//! language: under `--lang nb` a cut-off file, a session of another bank, a
//! result table that does not fit and a baseline attached with Ctrl-B in the
//! review all speak Norwegian (issue 13, item 11).

mod common;

use std::path::Path;

use common::pty::Term;
use common::{kompass, run, session_json};
use kompass::storage;

fn nb(dir: &Path, args: &[&str]) -> common::Run {
    run(kompass(dir)
        .current_dir(dir)
        .arg("--lang")
        .arg("nb")
        .args(args))
}

#[test]
fn a_cut_off_file_is_explained_in_norwegian() {
    let dir = tempfile::tempdir().unwrap();
    let whole = session_json(|_| {});
    std::fs::write(dir.path().join("cut.json"), &whole[..whole.len() / 2]).unwrap();
    for command in ["validate", "score"] {
        let r = nb(dir.path(), &[command, "cut.json"]);
        assert_eq!(r.code, 1, "{command}: {}", r.stderr);
        assert!(
            r.stderr.contains("filen slutter midt i") && r.stderr.contains("er den kuttet av?"),
            "{command}: {}",
            r.stderr
        );
        assert!(!r.stderr.contains("the file ends"), "{}", r.stderr);
    }
    std::fs::write(dir.path().join("empty.json"), "").unwrap();
    let r = nb(dir.path(), &["validate", "empty.json"]);
    assert!(
        r.stderr.contains("empty.json: filen er tom"),
        "{}",
        r.stderr
    );
    let r = nb(dir.path(), &["validate", "missing.json"]);
    assert!(
        r.stderr
            .contains("missing.json: filen eller mappen finnes ikke"),
        "{}",
        r.stderr
    );
}

#[test]
fn a_session_of_another_bank_is_refused_in_norwegian() {
    let dir = tempfile::tempdir().unwrap();
    let other = session_json(|v| v["bank"]["id"] = "kommunkompassen".into());
    std::fs::write(dir.path().join("other.json"), other).unwrap();
    for command in ["validate", "score"] {
        let r = nb(dir.path(), &[command, "other.json"]);
        assert_eq!(r.code, 1, "{command}: {}", r.stderr);
        assert!(
            r.stderr.contains(
                "other.json: bank: intervjuet er laget med banken kommunkompassen 2026.1, men den aktive banken er kommunekompasset 2026.1"
            ),
            "{command}: {}",
            r.stderr
        );
    }
}

#[test]
fn import_results_speaks_norwegian() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("t.csv"), "Kode;Verdi;;\n1;62;;\n").unwrap();
    let r = nb(
        dir.path(),
        &[
            "import-results",
            "t.csv",
            "--name",
            "T 2023",
            "-o",
            "t.json",
        ],
    );
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert_eq!(
        r.stderr.trim(),
        "t.csv:1: overskriften må ha en kolonne for id (id, område eller delområde) og en for poeng (poeng eller points); fant `Kode;Verdi;;`"
    );
    assert!(!dir.path().join("t.json").exists());
}

#[test]
fn ctrl_b_in_the_review_says_why_a_baseline_cannot_be_attached_in_norwegian() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let demo = storage::write_demo(&data).unwrap();
    let cut = root.path().join("cut.json");
    std::fs::write(&cut, "{\"format\": \"kompass.baseline\", \"name\": \"Halv").unwrap();
    let mut t = Term::spawn(
        &[
            "--lang",
            "nb",
            "--dir",
            data.to_str().unwrap(),
            "review",
            demo.sessions.to_str().unwrap(),
        ],
        &[("LANG", "C.UTF-8")],
        (200, 40),
    );
    t.wait_for_screen("Oversikt");
    for (file, expected) in [
        (
            root.path().join("missing.json"),
            "filen eller mappen finnes ikke",
        ),
        (cut, "filen slutter midt i en tekst; er den kuttet av?"),
    ] {
        t.send("\x02");
        t.send(file.to_str().unwrap());
        t.send("\r");
        t.wait_for_screen(expected);
        // The message box takes the next key to close itself.
        t.send("\r");
    }
    t.send("\x11");
    t.wait_exit().expect("Ctrl-Q ends the review");
}
