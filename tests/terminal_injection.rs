//! Escape sequences in files never reach the terminal through the CLI:
//! names, notes, findings, municipality, bank texts and file names holding
//! ESC, CSI, OSC 52 clipboard writes, BEL and C1 controls are shown
//! neutralized (`core::text`) in everything `bank show`, `bank check`,
//! `score` and `validate` write, on standard output and standard error.

mod common;

use std::fs;
use std::path::Path;

use common::{Run, bank_json, run_in, session_json, terminal_controls};

/// Clears the screen, writes "evil" to the clipboard (OSC 52), rings the
/// bell, sets red through an 8-bit CSI (C1), deletes and moves the cursor.
const HOSTILE: &str = "Ola\u{1b}[2J\u{1b}]52;c;ZXZpbA==\u{7}\u{9b}31m\u{7f}\r\u{8}Nordmann";
/// How `core::text` shows its start (a carriage return then becomes a space
/// in one-line text and `␍` in multi-line text).
const SHOWN: &str = "Ola␛[2J␛]52;c;ZXZpbA==␇�31m�";

fn hostile_bank() -> Vec<u8> {
    bank_json(|v| {
        v["version"] = HOSTILE.into();
        v["title"] = serde_json::json!({"nb": HOSTILE, "en": HOSTILE});
        v["roles"][0]["label"] = serde_json::json!({"nb": HOSTILE, "en": HOSTILE});
        v["dimensions"][0]["label"]["nb"] = HOSTILE.into();
        v["dimensions"][0]["levels"][0]["text"]["nb"] = HOSTILE.into();
        let area = &mut v["areas"][0];
        area["title"]["nb"] = HOSTILE.into();
        area["subareas"][0]["title"]["nb"] = HOSTILE.into();
        let q = &mut area["subareas"][0]["questions"][0];
        q["text"]["nb"] = HOSTILE.into();
        q["probes"][0]["nb"] = HOSTILE.into();
    })
}

/// A session of the hostile bank with hostile text in every free field.
fn hostile_session(id: &str) -> Vec<u8> {
    session_json(|v| {
        v["id"] = id.into();
        v["bank"]["version"] = HOSTILE.into();
        v["bank"]["sha256"] = HOSTILE.into();
        v["municipality"] = HOSTILE.into();
        v["interviewer"] = HOSTILE.into();
        v["interviewees"][0]["name"] = HOSTILE.into();
        v["priorities"] = serde_json::json!([HOSTILE]);
        let a = &mut v["answers"]["1.1.1"];
        a["notes"] = HOSTILE.into();
        a["findings"][0]["text"] = HOSTILE.into();
    })
}

/// Nothing a terminal obeys in either stream, and the hostile text did
/// reach the output in its neutralized form when `shown` says it should.
fn assert_neutralized(args: &[&str], out: &Run, shown: bool) {
    for (stream, text) in [("stdout", &out.stdout), ("stderr", &out.stderr)] {
        assert_eq!(
            terminal_controls(text),
            Vec::<char>::new(),
            "kompass {args:?} wrote controls to {stream}:\n{text}"
        );
    }
    if shown {
        let both = format!("{}{}", out.stdout, out.stderr);
        assert!(both.contains(SHOWN), "kompass {args:?}: {both}");
    }
}

fn setup(dir: &Path) {
    fs::write(dir.join("bank.json"), hostile_bank()).unwrap();
    fs::write(
        dir.join("a.json"),
        hostile_session("01JDX0000000000000000000AA"),
    )
    .unwrap();
    fs::write(
        dir.join("b.json"),
        hostile_session("01JDX0000000000000000000BB"),
    )
    .unwrap();
    // A file name is text from outside too.
    fs::create_dir(dir.join("files")).unwrap();
    fs::write(
        dir.join("files").join(format!("{HOSTILE}.json")),
        hostile_session("01JDX0000000000000000000CC"),
    )
    .unwrap();
    // Errors quote what they found: an unknown role and question id.
    let broken = session_json(|v| {
        v["interviewees"][0]["role"] = HOSTILE.into();
        let answer = v["answers"]
            .as_object_mut()
            .unwrap()
            .remove("1.1.1")
            .unwrap();
        v["answers"][HOSTILE] = answer;
    });
    fs::write(dir.join("broken.json"), broken).unwrap();
    let bad_bank = bank_json(|v| {
        v["areas"][0]["subareas"][0]["questions"][0]["roles"] = serde_json::json!([HOSTILE]);
    });
    fs::write(dir.join("bad-bank.json"), bad_bank).unwrap();
}

#[test]
fn cli_output_never_carries_escape_sequences_from_files() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let cases: [(&[&str], i32, bool); 11] = [
        (&["--bank", "bank.json", "bank", "show"], 0, true),
        (
            &[
                "--lang",
                "en",
                "--bank",
                "bank.json",
                "bank",
                "show",
                "--role",
                "mayor",
            ],
            0,
            false,
        ),
        (&["bank", "check", "bank.json"], 0, false),
        (&["bank", "check", "bad-bank.json"], 1, true),
        (&["--bank", "bank.json", "score", "a.json"], 0, true),
        (
            &["--bank", "bank.json", "score", "a.json", "b.json"],
            0,
            true,
        ),
        (
            &["--bank", "bank.json", "score", "--json", "a.json"],
            0,
            true,
        ),
        (
            &["--bank", "bank.json", "validate", "a.json", "files"],
            0,
            true,
        ),
        (&["--bank", "bank.json", "validate", "broken.json"], 1, true),
        // The built-in bank: the session names a bank version it does not have.
        (&["validate", "a.json"], 1, true),
        (&["score", "files"], 1, true),
    ];
    for (args, code, shown) in cases {
        let out = run_in(dir.path(), args);
        assert_eq!(out.code, code, "kompass {args:?}: {}", out.stderr);
        assert_neutralized(args, &out, shown);
    }
}

#[test]
fn role_labels_from_a_bank_are_neutralized_in_bank_show() {
    let dir = tempfile::tempdir().unwrap();
    setup(dir.path());
    let args = ["--bank", "bank.json", "bank", "show", "--role", "mayor"];
    let out = run_in(dir.path(), &args);
    assert_eq!(out.code, 0, "{}", out.stderr);
    // The role heading and the role list under each question both show it.
    assert!(out.stdout.matches(SHOWN).count() >= 2, "{}", out.stdout);
    assert_neutralized(&args, &out, true);
}
