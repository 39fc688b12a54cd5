//! Every message a person can meet when a file is wrong is in their
//! language: under `--lang nb` a cut-off file, a session of another bank, a
//! result table that does not fit, a baseline attached with Ctrl-B in the
//! review, a broken rule of a session or an assessment, figures the bank
//! refutes, two versions of one interview, files left out and the command
//! line's own refusals all speak Norwegian, naming the file, line and field
//! (issue 13, item 11).

mod common;

use std::path::Path;

use common::pty::Term;
use common::{kompass, run, session, session_json, write_session};
use kompass::core::bank::Bank;
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

/// Runs `kompass --lang nb ARGS` and checks that it ends with `code` and
/// says every one of `lines` on standard error, in Norwegian only.
fn says_in_norwegian(dir: &Path, args: &[&str], code: i32, lines: &[&str]) -> common::Run {
    let r = nb(dir, args);
    assert_eq!(r.code, code, "{args:?}: {}", r.stderr);
    for line in lines {
        assert!(r.stderr.contains(line), "{args:?}: {line}\n{}", r.stderr);
    }
    // Words that give an English line away.
    for word in [
        " is ",
        " the ",
        "question ",
        "warning:",
        "skipped",
        "expected ",
    ] {
        assert!(
            !r.stderr.contains(word),
            "{args:?}: English ({word:?}) in:\n{}",
            r.stderr
        );
    }
    r
}

#[test]
fn validate_names_the_question_and_field_of_a_broken_rule_in_norwegian() {
    let dir = tempfile::tempdir().unwrap();
    let bad = session_json(|v| {
        v["answers"]["1.1.1"]["scores"]["extent"] = 7.into();
        v["answers"]["9.9.9"] = serde_json::json!({});
        v["interviewees"][0]["role"] = "ordfører".into();
        v["municipality"] = " ".into();
    });
    std::fs::write(dir.path().join("bad.json"), bad).unwrap();
    let typed = session_json(|v| v["answers"]["1.1.1"]["scores"]["system"] = "tre".into());
    std::fs::write(dir.path().join("typed.json"), typed).unwrap();
    says_in_norwegian(
        dir.path(),
        &["validate", "bad.json", "typed.json"],
        1,
        &[
            "bad.json: spørsmål 1.1.1: Omfang: 7 er utenfor skalaen 0–4",
            "bad.json: spørsmål 9.9.9: finnes ikke i spørsmålsbanken",
            "bad.json: interviewees[0].role: ukjent rolle «ordfører»; kjente roller: mayor,",
            "bad.json: municipality: kommunen er tom",
            "typed.json:15:23: answers.1.1.1.scores.system: feil type: fant teksten \"tre\", forventet et tall",
        ],
    );
}

/// A baseline with an area above its maximum, an unknown sub-area and an
/// unknown area.
const BAD_BASELINE: &str = r#"{"format": "kompass.baseline", "format_version": 1, "name": "Feil 2022",
  "areas": [{"id": "1", "points": 10, "subareas": [{"id": "1.1", "points": 4}, {"id": "1.6", "points": 6}]},
            {"id": "2", "points": 140},
            {"id": "9", "points": 10}]}"#;

#[test]
fn figures_the_bank_refutes_are_named_in_norwegian_in_a_baseline_and_in_an_assessment() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    std::fs::create_dir(dir.path().join("s")).unwrap();
    write_session(
        &dir.path().join("s"),
        &session(&bank, "A1", "Eksempelvik", "mayor", 2),
    );
    std::fs::write(dir.path().join("bad.json"), BAD_BASELINE).unwrap();
    let refuted = [
        "areas[0].subareas[1] (1.6): delområde «1.6» under område 1 finnes ikke i spørsmålsbanken kommunekompasset",
        "areas[1] (2): 140 poeng er utenfor 0–100",
        "areas[2]: område «9» finnes ikke i spørsmålsbanken kommunekompasset",
    ];
    let named = |file: &str| refuted.map(|line| format!("{file}: {line}"));
    let in_file = named("bad.json");
    let in_file: Vec<&str> = in_file.iter().map(String::as_str).collect();
    for args in [
        &["validate", "bad.json"][..],
        &["merge", "s", "-o", "a.json", "--baseline", "bad.json"],
    ] {
        says_in_norwegian(dir.path(), args, 1, &in_file);
    }
    // The same figures inside an assessment (edited by hand, or written by
    // a Kompass that did not check them) are named under the baseline's name.
    says_in_norwegian(dir.path(), &["merge", "s", "-o", "a.json"], 0, &[]);
    let mut a: serde_json::Value =
        serde_json::from_slice(&std::fs::read(dir.path().join("a.json")).unwrap()).unwrap();
    a["baselines"] =
        serde_json::json!([serde_json::from_str::<serde_json::Value>(BAD_BASELINE).unwrap()]);
    std::fs::write(
        dir.path().join("a.json"),
        serde_json::to_vec_pretty(&a).unwrap(),
    )
    .unwrap();
    let in_assessment = named("a.json: sammenligningsgrunnlaget «Feil 2022»");
    let in_assessment: Vec<&str> = in_assessment.iter().map(String::as_str).collect();
    for args in [
        &["validate", "a.json"][..],
        &["report", "a.json", "-o", "r.md"],
    ] {
        says_in_norwegian(dir.path(), args, 1, &in_assessment);
    }
    assert!(!dir.path().join("r.md").exists());
}

#[test]
fn merge_refuses_two_versions_of_one_interview_naming_both_files_in_norwegian() {
    let dir = tempfile::tempdir().unwrap();
    for (folder, note) in [("laptop", "Notat"), ("minnepinne", "Notat, skrevet videre")] {
        std::fs::create_dir(dir.path().join(folder)).unwrap();
        let json = session_json(|v| v["answers"]["1.1.1"]["notes"] = note.into());
        std::fs::write(
            dir.path()
                .join(folder)
                .join("01JDX0000000000000000000AA.json"),
            json,
        )
        .unwrap();
    }
    says_in_norwegian(
        dir.path(),
        &["merge", "laptop", "minnepinne", "-o", "a.json"],
        1,
        &[
            "intervjuet 01JDX0000000000000000000AA har ulikt innhold i laptop/01JDX0000000000000000000AA.json og minnepinne/01JDX0000000000000000000AA.json",
        ],
    );
    assert!(!dir.path().join("a.json").exists());
}

#[test]
fn files_left_out_are_listed_in_norwegian() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let s = dir.path().join("s");
    std::fs::create_dir(&s).unwrap();
    write_session(&s, &session(&bank, "A1", "Eksempelvik", "mayor", 2));
    let whole = session_json(|_| {});
    std::fs::write(s.join("cut.json"), &whole[..whole.len() / 2]).unwrap();
    std::fs::write(s.join("bank.json"), kompass::core::bank::BUILTIN).unwrap();
    std::fs::write(s.join("other.json"), r#"{"format": "kompass.report"}"#).unwrap();
    says_in_norwegian(
        dir.path(),
        &["merge", "s", "-o", "a.json"],
        1,
        &[
            "s/cut.json:",
            "filen slutter midt i",
            "rett eller fjern filen, eller utelat slike filer med --skip-bad",
        ],
    );
    says_in_norwegian(
        dir.path(),
        &["merge", "s", "-o", "a.json", "--skip-bad"],
        0,
        &[
            "s/bank.json: advarsel: en spørsmålsbank, ikke en del av en gjennomgang; hoppet over",
            "s/other.json: advarsel: formatet «kompass.report» er ikke en Kompass-fil; hoppet over",
            "utelatt: s/cut.json:",
        ],
    );
}

#[test]
fn the_command_lines_own_refusals_are_in_norwegian() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("tom")).unwrap();
    for (args, expected) in [
        (&["validate", "tom"][..], "tom: fant ingen .json-filer"),
        (
            &["bank", "show", "--role", "pope"],
            "ukjent rolle «pope»; kjente roller: mayor,",
        ),
        (
            &["export", "--to", "age1feil", "-o", "b.age", "tom"],
            "--to: «age1feil» er ikke en offentlig age-nøkkel (age1...); `kompass keygen` skriver ut en",
        ),
    ] {
        says_in_norwegian(dir.path(), args, 1, &[expected]);
    }
}

/// clap's own refusals of the command line (a value not among the possible
/// ones, a missing argument, an unknown flag) are in bokmål under `--lang nb`,
/// wherever on the line it stands, with exit code 2; under `--lang en` they
/// are clap's English, exactly (fresh13, item 11).
#[test]
fn clap_refusals_of_the_command_line_are_in_norwegian_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let cases: [(&[&str], &str); 3] = [
        (
            &["report", "--format", "pdf", "a.json"],
            "feil: ugyldig verdi 'pdf' for '--format <FORMAT>'\n  [mulige verdier: html, md, xlsx, csv, json, pptx, docx]\n\nMer hjelp: '--help'.\n",
        ),
        (
            &["import-results", "x.csv"],
            "feil: disse argumentene må være med, men mangler:\n  --name <NAME>\n  --output <FILE.json>\n\nBruk: kompass import-results --name <NAME> --output <FILE.json> <FILE.csv>\n\nMer hjelp: '--help'.\n",
        ),
        (
            &["report", "--bogus", "a.json"],
            "feil: ukjent argument '--bogus'\n\n  tips: for å gi '--bogus' som en verdi, skriv '-- --bogus'\n\nBruk: kompass report [OPTIONS] <ASSESSMENT>\n\nMer hjelp: '--help'.\n",
        ),
    ];
    for (args, expected) in cases {
        let r = nb(dir.path(), args);
        assert_eq!((r.code, r.stderr.as_str()), (2, expected), "{args:?}");
        // `--lang` after the subcommand counts too (clap's usage line then names it).
        let late = run(kompass(dir.path()).args(args).args(["--lang", "nb"]));
        let first_line = expected.lines().next().unwrap();
        assert_eq!(late.code, 2, "{args:?}");
        assert!(late.stderr.starts_with(first_line), "{}", late.stderr);
    }
    // Under en, clap's own text, untouched.
    let r = run(kompass(dir.path()).args(["--lang", "en", "report", "--format", "pdf", "a.json"]));
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "error: invalid value 'pdf' for '--format <FORMAT>'\n  [possible values: html, md, xlsx, csv, json, pptx, docx]\n\nFor more information, try '--help'.\n"
        )
    );
    let r = run(kompass(dir.path()).args(["--lang", "en", "report", "--bogus", "a.json"]));
    assert_eq!(
        (r.code, r.stderr.as_str()),
        (
            2,
            "error: unexpected argument '--bogus' found\n\n  tip: to pass '--bogus' as a value, use '-- --bogus'\n\nUsage: kompass report [OPTIONS] <ASSESSMENT>\n\nFor more information, try '--help'.\n"
        )
    );
    // Help is clap's, on stdout, exit 0, in either language.
    let help = nb(dir.path(), &["report", "--help"]);
    assert_eq!(help.code, 0);
    assert!(
        help.stdout.starts_with("Write the report of an assessment"),
        "{}",
        help.stdout
    );
}
