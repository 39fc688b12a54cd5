//! `kompass report` through the real binary: formats, standard output and
//! files, `--baseline`, `--names`, `--lang`, and clear refusals.

mod report_support;

use std::path::Path;
use std::process::Command;

struct Run {
    code: i32,
    stdout: Vec<u8>,
    stderr: String,
}

fn kompass(dir: &Path, args: &[&str]) -> Run {
    let out = Command::new(env!("CARGO_BIN_EXE_kompass"))
        .env_remove("KOMPASS_DIR")
        .env_remove("LC_ALL")
        .env_remove("LC_MESSAGES")
        .env("LANG", "C")
        .arg("--dir")
        .arg(dir)
        .args(args)
        .output()
        .expect("the binary runs");
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: out.stdout,
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

fn s(p: &Path) -> &str {
    p.to_str().unwrap()
}

#[test]
fn markdown_on_stdout_is_the_golden_report() {
    let dir = tempfile::tempdir().unwrap();
    let a = report_support::write_sample_assessment(dir.path());
    let national = report_support::baseline_path("nasjonalt-snitt-2026.json");
    let run = kompass(
        dir.path(),
        &[
            "--lang",
            "nb",
            "report",
            s(&a),
            "--format",
            "md",
            "--baseline",
            s(&national),
        ],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let golden =
        std::fs::read(report_support::root().join("tests/golden/eksempelvik.nb.md")).unwrap();
    assert!(
        run.stdout == golden,
        "kompass report --format md differs from tests/golden/eksempelvik.nb.md"
    );
}

#[test]
fn every_format_writes_its_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = report_support::write_sample_assessment(dir.path());
    for (format, magic) in [
        ("html", &b"<!DOCTYPE html>"[..]),
        ("md", b"# "),
        ("json", b"{"),
        ("csv", b"question,"),
        ("xlsx", b"PK"),
    ] {
        let out = dir.path().join(format!("out/rapport.{format}"));
        let run = kompass(
            dir.path(),
            &["report", s(&a), "--format", format, "-o", s(&out)],
        );
        assert_eq!(run.code, 0, "{format}: {}", run.stderr);
        assert!(run.stdout.is_empty(), "{format}: nothing on stdout with -o");
        let bytes = std::fs::read(&out).unwrap();
        assert!(bytes.starts_with(magic), "{format}");
        assert!(
            kompass::platform::private::is_private(&out).unwrap(),
            "{format}: the report holds confidential findings"
        );
    }
}

#[test]
fn xlsx_needs_a_file() {
    let dir = tempfile::tempdir().unwrap();
    let a = report_support::write_sample_assessment(dir.path());
    let run = kompass(dir.path(), &["report", s(&a), "--format", "xlsx"]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("-o"), "{}", run.stderr);
    assert!(run.stdout.is_empty(), "no binary on the terminal");
}

#[test]
fn the_report_never_replaces_its_input() {
    let dir = tempfile::tempdir().unwrap();
    let a = report_support::write_sample_assessment(dir.path());
    let before = std::fs::read(&a).unwrap();
    let run = kompass(
        dir.path(),
        &[
            "--lang",
            "en",
            "report",
            s(&a),
            "--format",
            "json",
            "-o",
            s(&a),
        ],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("input"), "{}", run.stderr);
    assert_eq!(std::fs::read(&a).unwrap(), before);
}

#[test]
fn names_language_and_baselines_on_request() {
    let dir = tempfile::tempdir().unwrap();
    let a = report_support::write_sample_assessment(dir.path());
    let md = |args: &[&str]| {
        let mut all = vec!["report", s(&a), "--format", "md"];
        all.extend_from_slice(args);
        let run = kompass(dir.path(), &all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        String::from_utf8(run.stdout).unwrap()
    };
    let plain = md(&[]);
    assert!(!plain.contains("Geir Håkonsen"), "no names without --names");
    assert!(md(&["--names"]).contains("Geir Håkonsen"));
    assert!(md(&["--lang", "en"]).contains("## Summary"));
    assert!(!plain.contains("Nasjonalt snitt"));
    let national = report_support::baseline_path("nasjonalt-snitt-2026.json");
    assert!(md(&["--baseline", s(&national)]).contains("Nasjonalt snitt 2026 (fiktiv)"));
}

#[test]
fn bad_inputs_are_named() {
    let dir = tempfile::tempdir().unwrap();
    let a = report_support::write_sample_assessment(dir.path());
    let bad = dir.path().join("bad.json");
    std::fs::write(
        &bad,
        "{\"format\": \"kompass.baseline\",\n \"format_version\": 1, \"name\": 3}",
    )
    .unwrap();
    let out = dir.path().join("r.html");
    let run = kompass(
        dir.path(),
        &["report", s(&a), "--baseline", s(&bad), "-o", s(&out)],
    );
    assert_eq!(run.code, 1);
    assert!(run.stderr.starts_with(s(&bad)), "{}", run.stderr);
    assert!(!out.exists(), "nothing is written when an input is wrong");
    let run = kompass(dir.path(), &["report", s(&dir.path().join("missing.json"))]);
    assert_eq!(run.code, 1);
    assert!(run.stderr.contains("missing.json"), "{}", run.stderr);
}
