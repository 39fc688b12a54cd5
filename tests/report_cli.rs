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

/// Issue 13 item 5: the report carries reconciled figures only; each
/// interview's own scores only with `--per-interview`, whose help says what
/// it exposes, and even then never of a role fewer than 3 people hold in
/// the evaluation (the mayor, one union representative) unless `--names`.
#[test]
fn per_interview_scores_only_on_request_and_never_of_a_rare_role() {
    let dir = tempfile::tempdir().unwrap();
    let a = report_support::write_sample_assessment(dir.path());
    let assessment: serde_json::Value =
        serde_json::from_slice(&std::fs::read(&a).unwrap()).unwrap();
    // Who holds which role in this evaluation, in how many interviews, and
    // each session's roles.
    let mut holders: std::collections::BTreeMap<String, usize> = Default::default();
    let mut interviews: std::collections::BTreeMap<String, usize> = Default::default();
    let mut roles_of: std::collections::BTreeMap<String, Vec<String>> = Default::default();
    for session in assessment["sessions"].as_array().unwrap() {
        let id = session["id"].as_str().unwrap().to_owned();
        for p in session["interviewees"].as_array().unwrap() {
            let role = p["role"].as_str().unwrap().to_owned();
            *holders.entry(role.clone()).or_default() += 1;
            roles_of.entry(id.clone()).or_default().push(role);
        }
        let mut roles = roles_of[&id].clone();
        roles.sort();
        roles.dedup();
        for role in roles {
            *interviews.entry(role).or_default() += 1;
        }
    }
    let common = |r: &String| holders[r] >= 3 && interviews[r] >= 3;
    let rare: Vec<&String> = roles_of
        .iter()
        .filter(|(_, roles)| !roles.iter().all(common))
        .map(|(id, _)| id)
        .collect();
    // The mayor alone, then with three of the executive committee: four
    // people, two interviews; the union representatives likewise.
    for role in ["mayor", "union_rep"] {
        assert!(
            holders[role] >= 3 && interviews[role] < 3,
            "{role}: {holders:?}"
        );
        assert!(
            roles_of
                .iter()
                .any(|(id, roles)| roles.contains(&role.to_owned()) && rare.contains(&id)),
            "{role}"
        );
    }
    let shown = |args: &[&str]| -> std::collections::BTreeSet<String> {
        let mut all = vec!["report", s(&a), "--format", "json"];
        all.extend_from_slice(args);
        let run = kompass(dir.path(), &all);
        assert_eq!(run.code, 0, "{}", run.stderr);
        let report: serde_json::Value = serde_json::from_slice(&run.stdout).unwrap();
        report["questions"]
            .as_array()
            .unwrap()
            .iter()
            .flat_map(|q| q["dimensions"].as_array().unwrap())
            .filter_map(|d| d["interviews"].as_object())
            .flat_map(|m| m.keys().cloned())
            .collect()
    };
    assert!(
        shown(&[]).is_empty(),
        "no interview's scores without the flag"
    );
    let with_flag = shown(&["--per-interview"]);
    assert!(!with_flag.is_empty());
    for id in &rare {
        assert!(
            !with_flag.contains(*id),
            "{id} of a role held by fewer than 3"
        );
    }
    for id in &with_flag {
        assert!(roles_of[id].iter().all(common), "{id}");
    }
    let with_names = shown(&["--per-interview", "--names"]);
    assert!(rare.iter().all(|id| with_names.contains(*id)));
    // The CSV likewise: no session id without the flag.
    let csv = kompass(dir.path(), &["report", s(&a), "--format", "csv"]);
    let csv = String::from_utf8_lossy(&csv.stdout);
    for id in roles_of.keys() {
        assert!(
            !csv.contains(id.as_str()),
            "{id} in the CSV without the flag"
        );
    }
    // The flag's help says what it exposes.
    let help = kompass(dir.path(), &["report", "--help"]);
    let help = String::from_utf8_lossy(&help.stdout).into_owned();
    let at = help.find("--per-interview").expect("the flag is listed");
    let text = &help[at..(at + 600).min(help.len())];
    assert!(text.contains("exposes what one person said"), "{text}");
    assert!(text.contains("fewer than 3 people"), "{text}");
}

/// Issue 13 item 9: a legend shows a baseline's whole name ("Eksempelvik
/// 2015", once cut to "Eksempelvik 20"), and the method page names the
/// baseline by its name, not by the file it was imported from.
#[test]
fn legends_and_the_method_page_name_a_baseline_in_full() {
    let dir = tempfile::tempdir().unwrap();
    let a = report_support::write_sample_assessment(dir.path());
    let b = dir.path().join("b.json");
    std::fs::write(
        &b,
        r#"{"format": "kompass.baseline", "format_version": 1, "name": "Eksempelvik 2015",
            "kind": "earlier", "source": "mg.csv", "total": 400,
            "areas": [{"id": "1", "points": 50}, {"id": "2", "points": 50}, {"id": "3", "points": 50},
                      {"id": "4", "points": 50}, {"id": "5", "points": 50}, {"id": "6", "points": 50},
                      {"id": "7", "points": 50}, {"id": "8", "points": 50}]}"#,
    )
    .unwrap();
    let run = kompass(
        dir.path(),
        &["report", s(&a), "--format", "html", "--baseline", s(&b)],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let html = String::from_utf8(run.stdout).unwrap();
    assert!(
        html.contains(">Eksempelvik 2015</text>"),
        "the legend has the whole name"
    );
    assert!(!html.contains(">Eksempelvik 20</text>"));
    let method = &html[html
        .find("class=\"baselines\"")
        .expect("the method's baselines")..];
    let method = &method[..method.find("</ul>").unwrap()];
    let item = method
        .split("<li>")
        .find(|li| li.contains("mg.csv"))
        .expect("the imported baseline is listed");
    assert!(
        item.starts_with("<strong>Eksempelvik 2015</strong>"),
        "{item}"
    );
}

/// The evaluators' own findings (added in the review from documents or the
/// website) are marked in the workbook as in the other formats: the area
/// sheet's findings have a column "Eget funn" / "Own finding", "ja" / "yes"
/// on theirs and empty on the interviews'.
#[test]
fn the_workbook_marks_the_evaluators_own_findings() {
    use kompass::core::assessment::{Assessment, CuratedFinding};
    use kompass::core::session::FindingKind;
    let dir = tempfile::tempdir().unwrap();
    let path = report_support::write_sample_assessment(dir.path());
    let mut a: Assessment = serde_json::from_str(&std::fs::read_to_string(&path).unwrap()).unwrap();
    let own = "Kommunens nettside mangler tilgjengelighetserklæring";
    a.findings.get_mut("5").unwrap().push(CuratedFinding {
        kind: FindingKind::Weakness,
        text: own.into(),
        best_practice: false,
        sources: Vec::new(),
        own: true,
        dropped_from: None,
    });
    std::fs::write(&path, a.to_json()).unwrap();
    for (lang, header, yes) in [("nb", "Eget funn", "ja"), ("en", "Own finding", "yes")] {
        let out = dir.path().join(format!("rapport-{lang}.xlsx"));
        let run = kompass(
            dir.path(),
            &[
                "--lang",
                lang,
                "report",
                s(&path),
                "--format",
                "xlsx",
                "-o",
                s(&out),
            ],
        );
        assert_eq!(run.code, 0, "{}", run.stderr);
        let sheets = report_support::read_xlsx(&std::fs::read(&out).unwrap());
        let sheet = sheets.iter().find(|s| s.name.starts_with("5 ")).unwrap();
        let head = (0..sheet.rows.len())
            .find(|&r| sheet.text(r, 3) == ["Nevnt av", "Mentioned by"][(lang == "en") as usize])
            .expect("the findings' header row");
        assert_eq!(sheet.text(head, 4), header);
        let findings: Vec<(String, String)> = (head + 1..sheet.rows.len())
            .take_while(|&r| !sheet.text(r, 1).is_empty())
            .map(|r| (sheet.text(r, 1), sheet.text(r, 4)))
            .collect();
        assert!(findings.len() > 5, "{findings:?}");
        for (text, mark) in &findings {
            let expected = if text == own { yes } else { "" };
            assert_eq!(mark, expected, "{text}");
        }
        assert!(findings.iter().any(|(t, _)| t == own), "{findings:?}");
    }
}
