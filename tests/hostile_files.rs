//! Broken and hostile files fed to the real binary: every one is refused
//! with a message naming the file and the place, exit code 1 (never a panic's
//! 101, never a signal such as a stack overflow's SIGSEGV), and the file and
//! its directory are left exactly as they were.

mod common;

use std::fs;
use std::path::Path;

use common::{Run, Snapshot, bank_json, line_of, session_json};
use kompass::core::bank::Bank;

/// `kompass --lang en ARGS...` in `dir`: the messages checked here are the
/// English ones (tests/messages_nb.rs checks the Norwegian).
fn run_en(dir: &Path, args: &[&str]) -> Run {
    common::run_in(dir, &[&["--lang", "en"][..], args].concat())
}

/// One hostile file and what `kompass validate` must say about it.
struct Case {
    name: &'static str,
    bytes: Vec<u8>,
    /// The text after `<file>:` in the message: a place (`13:` for a line,
    /// a field path or a question id) and what is wrong.
    expect: String,
}

fn case(name: &'static str, bytes: Vec<u8>, expect: impl Into<String>) -> Case {
    Case {
        name,
        bytes,
        expect: expect.into(),
    }
}

fn set_answer(field: &'static str, value: serde_json::Value) -> Vec<u8> {
    session_json(|v| v["answers"]["1.1.1"][field] = value)
}

fn set_score(value: &str) -> Vec<u8> {
    let good = session_json(|_| {});
    let text = String::from_utf8(good).unwrap();
    text.replacen("\"system\": 3", &format!("\"system\": {value}"), 1)
        .into_bytes()
}

fn deep(levels: usize) -> String {
    format!("{}{}", "[".repeat(levels), "]".repeat(levels))
}

fn session_cases() -> Vec<Case> {
    let good = session_json(|_| {});
    let text = String::from_utf8(good.clone()).unwrap();
    let line = |needle: &str, bytes: &[u8]| line_of(bytes, needle);
    let mut cases = Vec::new();

    let truncated = good[..good.len() / 2].to_vec();
    let last_line = truncated.iter().filter(|&&b| b == b'\n').count() + 1;
    cases.push(case("truncated", truncated, format!("{last_line}:")));

    let wrong_type = set_score("\"x\"");
    let l = line("\"system\"", &wrong_type);
    cases.push(case(
        "wrong-type",
        wrong_type,
        format!(
            "{l}:21: answers.1.1.1.scores.system: invalid type: string \"x\", expected a number"
        ),
    ));
    let huge = set_score("1e400");
    let l = line("\"system\"", &huge);
    cases.push(case("huge-number", huge, format!("{l}:")));
    cases.push(case(
        "score-1e30",
        set_score("1e30"),
        "answers.1.1.1.scores.system: `1000000000000000000000000000000` is out of range",
    ));
    cases.push(case(
        "seconds-overflow",
        set_answer(
            "seconds",
            serde_json::Value::Number("99999999999999999999".parse().unwrap()),
        ),
        "answers.1.1.1.seconds: invalid type: floating point `1e+20`, expected a whole number from 0 to 18446744073709551615",
    ));
    cases.push(case(
        "score-above-scale",
        set_score("7"),
        "question 1.1.1: system: 7 is outside the scale 0-4",
    ));
    cases.push(case(
        "score-below-scale",
        set_score("-0.5"),
        "question 1.1.1: system: -0.5 is outside the scale 0-4",
    ));
    cases.push(case(
        "score-not-half-step",
        set_score("2.25"),
        "question 1.1.1: system: 2.25 is not a whole or half step",
    ));
    cases.push(case(
        "unknown-question",
        text.replacen("\"1.1.1\"", "\"9.9.9\"", 1).into_bytes(),
        "question 9.9.9: is not in the bank",
    ));
    let dup = text
        .replacen(
            "\"status\": \"in_progress\",",
            "\"status\": \"in_progress\",\n  \"status\": \"completed\",",
            1,
        )
        .into_bytes();
    let l = line("\"completed\"", &dup);
    cases.push(case("duplicate-field", dup, format!("{l}:")));
    let dup = text
        .replacen("\"answers\": {", "\"answers\": {\n    \"1.1.1\": {},", 1)
        .into_bytes();
    cases.push(case(
        "duplicate-question",
        dup,
        "answers: duplicate key `1.1.1`",
    ));
    let mut bad_utf8 = text.replacen("Notat til", "Notat\u{1}til", 1).into_bytes();
    let at = bad_utf8.iter().position(|&b| b == 1).unwrap();
    bad_utf8[at] = 0xff;
    let l = line_of(&bad_utf8, "Notat");
    cases.push(case("invalid-utf8", bad_utf8, format!("{l}:")));
    cases.push(case(
        "note-50mb",
        set_answer("notes", "x".repeat(50 << 20).into()),
        "the file is 50.0 MB; Kompass reads files of at most 32 MB",
    ));
    cases.push(case(
        "nested-at-top",
        deep(100_000).into_bytes(),
        "1:1: not a Kompass file",
    ));
    let nested = text
        .replacen(
            "\"priorities\": []",
            &format!("\"priorities\": {}", deep(100_000)),
            1,
        )
        .into_bytes();
    cases.push(case(
        "nested-in-value",
        nested,
        "priorities[0]: invalid type: sequence, expected a string",
    ));
    let nested = text
        .replacen(
            "\"priorities\": []",
            &format!("\"x\": {}", deep(100_000)),
            1,
        )
        .into_bytes();
    cases.push(case("nested-unknown-field", nested, "x: unknown field `x`"));
    cases.push(case("empty", Vec::new(), "the file is empty"));
    cases.push(case("blank", b" \n\t\n".to_vec(), "the file is empty"));
    cases.push(case(
        "not-kompass-object",
        br#"{"name": "package.json", "version": "1.0.0"}"#.to_vec(),
        "format: missing: not a Kompass file",
    ));
    cases.push(case(
        "not-kompass-png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec(),
        "1:1: invalid UTF-8",
    ));
    cases.push(case(
        "not-kompass-text",
        "Referat fra intervju med ordføreren\n".as_bytes().to_vec(),
        "1:1: not a Kompass file",
    ));
    cases.push(case(
        "other-format",
        br#"{"format": "kompass.report", "format_version": 1}"#.to_vec(),
        "format: \"kompass.report\" is not a Kompass file format",
    ));
    cases.push(case(
        "newer-version",
        session_json(|v| v["format_version"] = 2.into()),
        "format_version: this file has format_version 2, but this Kompass reads at most 1",
    ));
    cases
}

/// Runs every command that reads a file on it and checks the invariants:
/// exit code 1, each message line names the file, nothing is written.
fn assert_refused(dir: &Path, file: &Path, expect: Option<&str>) {
    let name = file.file_name().unwrap().to_str().unwrap();
    let before = Snapshot::take(dir);
    let commands: [&[&str]; 4] = [
        &["validate", name],
        &["score", name],
        &["--bank", name, "bank", "show"],
        &["bank", "check", name],
    ];
    for args in commands {
        let out = run_en(dir, args);
        let err = &out.stderr;
        assert_eq!(out.code, 1, "kompass {args:?} on {name}: {err}");
        assert!(
            !err.contains("panicked"),
            "kompass {args:?} on {name}: {err}"
        );
        for l in err.lines() {
            assert!(
                l.starts_with(&format!("{name}:")) || l.starts_with(&format!("{name},")),
                "kompass {args:?}: a message line does not name {name}: {l}"
            );
        }
        // validate and score read a session the same way, so they say the same;
        // score reads other formats as assessments, which say their own thing.
        let as_session =
            args[0] == "validate" || (args[0] == "score" && !name.starts_with("other-"));
        if let (Some(expect), true) = (expect, as_session) {
            let named = |l: &str| {
                l.strip_prefix(name)
                    .and_then(|r| r.strip_prefix(':'))
                    .is_some_and(|rest| {
                        rest.trim_start().starts_with(expect)
                            || rest.contains(&format!(": {expect}"))
                    })
            };
            assert!(
                err.lines().any(named),
                "kompass {args:?}: expected `{name}:[line:column:] {expect}` in:\n{err}"
            );
        }
        assert_eq!(
            Snapshot::take(dir),
            before,
            "kompass {args:?} on {name} wrote something"
        );
    }
}

#[test]
fn hostile_session_files_are_refused_by_name_and_place() {
    for c in session_cases() {
        // Alone in its directory, so the snapshot proves no file appeared beside it.
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join(format!("{}.json", c.name));
        fs::write(&file, &c.bytes).unwrap();
        assert_refused(dir.path(), &file, Some(&c.expect));
    }
}

#[test]
fn syntax_errors_say_what_is_wrong_in_plain_words() {
    let dir = tempfile::tempdir().unwrap();
    let good = session_json(|_| {});
    let path = dir.path().join("cut.json");
    fs::write(&path, &good[..good.len() / 2]).unwrap();
    let err = run_en(dir.path(), &["validate", "cut.json"]).stderr;
    assert!(err.contains("is it cut off?"), "{err}");
    assert!(!err.contains(": ?:"), "{err}");
    fs::write(&path, set_score("1e400")).unwrap();
    let err = run_en(dir.path(), &["validate", "cut.json"]).stderr;
    assert!(err.contains(": the number is too large"), "{err}");
    fs::write(
        &path,
        String::from_utf8(good.clone()).unwrap().replacen(
            "\"status\"",
            "\"status\": \"completed\",\n  \"status\"",
            1,
        ),
    )
    .unwrap();
    let err = run_en(dir.path(), &["validate", "cut.json"]).stderr;
    assert!(err.contains("duplicate field `status`"), "{err}");
}

#[test]
fn a_one_megabyte_single_line_note_loads() {
    let dir = tempfile::tempdir().unwrap();
    let note = "Ordføreren sier: ".repeat(1 << 16);
    assert!(note.len() > 1 << 20);
    let bytes = session_json(|v| v["answers"]["1.1.1"]["notes"] = note.clone().into());
    fs::write(dir.path().join("long.json"), &bytes).unwrap();
    let before = Snapshot::take(dir.path());
    for args in [["validate", "long.json"], ["score", "long.json"]] {
        let out = run_en(dir.path(), &args);
        assert_eq!(out.code, 0, "{args:?}: {}", out.stderr);
    }
    assert_eq!(Snapshot::take(dir.path()), before);
}

#[test]
fn a_directory_named_like_a_file_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    fs::create_dir(dir.path().join("x.json")).unwrap();
    let before = Snapshot::take(dir.path());
    for args in [
        &["validate", "x.json"][..],
        &["score", "x.json"],
        &["--bank", "x.json", "bank", "show"],
        &["bank", "check", "x.json"],
    ] {
        let out = run_en(dir.path(), args);
        let err = &out.stderr;
        assert_eq!(out.code, 1, "{args:?}: {err}");
        assert!(
            err.starts_with("x.json: no .json files found")
                || err.starts_with("x.json: is a directory, not a file"),
            "{args:?}: {err}"
        );
    }
    assert_eq!(Snapshot::take(dir.path()), before);
}

fn bank_cases() -> Vec<Case> {
    let good = bank_json(|_| {});
    let text = String::from_utf8(good).unwrap();
    let mut cases = vec![
        case(
            "bank-duplicate-language",
            text.replacen("\"nb\":", "\"nb\": \"to ganger\",\n    \"nb\":", 1)
                .into_bytes(),
            "duplicate key `nb`",
        ),
        case(
            "bank-huge-max",
            bank_json(|v| v["areas"][0]["max_points"] = serde_json::json!(1e30)),
            "areas[0].max_points: `1000000000000000000000000000000` is out of range",
        ),
        case(
            "bank-weight-string",
            bank_json(|v| v["areas"][0]["subareas"][0]["questions"][0]["weight"] = "1".into()),
            "areas[0].subareas[0].questions[0].weight: invalid type: string \"1\", expected a number",
        ),
        case(
            "bank-truncated",
            text.as_bytes()[..text.len() / 3].to_vec(),
            "is it cut off?",
        ),
        case(
            "bank-duplicate-question",
            bank_json(|v| v["areas"][0]["subareas"][0]["questions"][1]["id"] = "1.1.1".into()),
            "question 1.1.1: id is used twice",
        ),
        case(
            "bank-odd-weights",
            // Coprime weight sums in every sub-area (see core::bank).
            bank_json(|v| {
                let odd = [1.000000007, 1.000000009, 1.000000021, 1.000000033];
                for (i, (p, _)) in Bank::builtin().questions().enumerate() {
                    let q = &mut v["areas"][p.area]["subareas"][p.subarea]["questions"][p.question];
                    q["weight"] = serde_json::json!(odd[i % odd.len()]);
                }
            }),
            "too many decimals to score exactly",
        ),
    ];
    cases.push(case(
        "bank-is-a-session",
        session_json(|_| {}),
        "format: expected \"kompass.bank\", found \"kompass.session\"",
    ));
    cases
}

#[test]
fn hostile_bank_files_are_refused_by_name_and_place() {
    let dir = tempfile::tempdir().unwrap();
    for c in bank_cases() {
        let name = format!("{}.json", c.name);
        let path = dir.path().join(&name);
        fs::write(&path, &c.bytes).unwrap();
        let before = Snapshot::take(dir.path());
        for args in [
            &["--bank", name.as_str(), "bank", "show"][..],
            &["bank", "check", name.as_str()],
        ] {
            let out = run_en(dir.path(), args);
            let err = &out.stderr;
            assert_eq!(out.code, 1, "{args:?}: {err}");
            assert!(err.starts_with(&format!("{name}:")), "{args:?}: {err}");
            assert!(
                err.contains(&c.expect),
                "{args:?}: expected {:?} in:\n{err}",
                c.expect
            );
        }
        assert_eq!(Snapshot::take(dir.path()), before);
        // As a session or bank of its own kind, every command still refuses it cleanly.
        if c.name != "bank-is-a-session" {
            assert_refused(dir.path(), &path, None);
        }
        fs::remove_file(&path).unwrap();
    }
}

#[test]
fn a_bank_hash_that_is_not_hex_is_a_warning_not_a_panic() {
    // Slicing this hash by bytes for the message panicked (exit 101).
    let dir = tempfile::tempdir().unwrap();
    let bytes = session_json(|v| v["bank"]["sha256"] = "aéééééééééééééé".into());
    fs::write(dir.path().join("s.json"), bytes).unwrap();
    let out = run_en(dir.path(), &["validate", "s.json"]);
    assert_eq!(out.code, 0, "{}", out.stderr);
    let text = out.stdout;
    assert!(
        text.starts_with("s.json: warning: bank.sha256: ")
            && text.contains("aééééééééééé in the session"),
        "{text}"
    );
}
