//! The reviewer's own work in the real binary, in a pseudo-terminal: the
//! texts written in the review (issue 15), a suggested group merged with one
//! key (issue 18), and what the reports then show.

mod common;

use std::path::Path;

use common::pty::Term;
use common::{kompass, run};
use kompass::core::assessment::Assessment;
use kompass::core::bank::Bank;
use kompass::core::lang::Lang;
use kompass::core::review::suggest;
use kompass::storage;

/// Every string in a JSON document.
fn strings(v: &serde_json::Value, out: &mut Vec<String>) {
    match v {
        serde_json::Value::String(s) => out.push(s.clone()),
        serde_json::Value::Array(a) => a.iter().for_each(|x| strings(x, out)),
        serde_json::Value::Object(o) => o.values().for_each(|x| strings(x, out)),
        _ => {}
    }
}

fn report(dir: &Path, assessment: &Path, format: &str) -> String {
    let r = run(kompass(dir).args([
        "--lang",
        "nb",
        "report",
        assessment.to_str().unwrap(),
        "--format",
        format,
    ]));
    assert_eq!(r.code, 0, "{format}: {}", r.stderr);
    r.stdout
}

#[test]
fn texts_typed_in_the_review_are_in_the_json_and_markdown_reports() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let demo = storage::write_demo(&data).unwrap();
    let mut t = Term::spawn(
        &[
            "--dir",
            data.to_str().unwrap(),
            "review",
            demo.sessions.to_str().unwrap(),
        ],
        &[("LANG", "nb_NO.UTF-8")],
        (80, 24),
    );
    t.wait_for_screen("Vurdering 1: ikke skrevet");
    // Area 2's assessment, two lines; letters that are keys elsewhere are text.
    t.send("\x1b[B");
    t.wait_for_screen("Vurdering 2: ikke skrevet");
    t.send("v");
    t.wait_for_screen("Vurdering · 2 Samfunnsutvikling");
    t.type_slowly("Godt planverk, svak oppfølging.");
    t.send("\r");
    t.type_slowly("Se særlig 2.4 (q, s og w).");
    t.send("\x1b");
    t.wait_for_screen("Vurdering 2: Godt planverk");
    t.send("s");
    t.wait_for_screen("Med egne ord");
    t.type_slowly("Eksempelvik er godt styrt.");
    t.send("\x1b");
    t.wait_for_screen("Sammendrag: Eksempelvik er godt styrt.");
    // The way forward, and straight out with Ctrl-Q from the editor.
    t.send("w");
    t.wait_for_screen("Med egne ord");
    t.type_slowly("Samskaping med frivillige.");
    t.wait_for_screen("Samskaping med frivillige.");
    t.send("\x11");
    let status = t.wait_exit().expect("Ctrl-Q ends the review");
    assert!(status.success(), "{status:?}");

    let path = data.join("eksempelvik/assessment.json");
    let a = Assessment::parse(&std::fs::read(&path).unwrap()).unwrap();
    let area = "Godt planverk, svak oppfølging.\nSe særlig 2.4 (q, s og w).";
    assert_eq!(a.texts.areas["2"], area);
    assert_eq!(a.texts.summary, "Eksempelvik er godt styrt.");
    assert_eq!(a.texts.way_forward, "Samskaping med frivillige.");

    let json: serde_json::Value =
        serde_json::from_str(&report(root.path(), &path, "json")).unwrap();
    let area_2 = json["areas"]
        .as_array()
        .unwrap()
        .iter()
        .find(|x| x["id"] == "2")
        .unwrap();
    assert_eq!(
        area_2["assessment"]["paragraphs"],
        serde_json::json!([
            "Godt planverk, svak oppfølging.",
            "Se særlig 2.4 (q, s og w)."
        ])
    );
    let mut all = Vec::new();
    strings(&json, &mut all);
    for text in ["Eksempelvik er godt styrt.", "Samskaping med frivillige."] {
        assert!(all.iter().any(|s| s == text), "JSON report lacks {text:?}");
    }
    let md = report(root.path(), &path, "md");
    for text in [
        "Godt planverk, svak oppfølging.",
        "Se særlig 2.4 (q, s og w).",
        "Eksempelvik er godt styrt.",
        "Samskaping med frivillige.",
    ] {
        assert!(md.contains(text), "Markdown report lacks {text:?}\n{md}");
    }
}

fn review(data: &Path, sessions: &Path) -> Term {
    Term::spawn(
        &[
            "--dir",
            data.to_str().unwrap(),
            "review",
            sessions.to_str().unwrap(),
        ],
        &[("LANG", "nb_NO.UTF-8")],
        (100, 30),
    )
}

#[test]
fn a_suggested_group_merged_with_one_key_keeps_its_sources_and_the_report_counts_it_once() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("data");
    let demo = storage::write_demo(&data).unwrap();
    let bank = Bank::builtin();
    // What the review will suggest first for area 1.
    let fresh = common::fresh_review(&bank, &demo.sessions, &data, Lang::Nb);
    let group = suggest::suggest(&bank, &fresh.assessment, Some("1")).groups[0].clone();
    let n = group.members.len();
    assert!(n >= 3, "{group:?}");

    let mut t = review(&data, &demo.sessions);
    t.wait_for_screen("Oversikt");
    for _ in 0..4 {
        t.send("\t");
    }
    t.wait_for_screen("bytter område");
    t.send("g");
    t.wait_for_screen("forslag ·");
    t.wait_for_screen(&format!("{n} funn → «{}»", group.representative));
    t.send("m");
    t.wait_for_screen(&format!("nevnt av {n}"));
    t.send("q");
    assert!(t.wait_exit().expect("q ends the review").success());

    // Reopened: the merged finding is there, with every source.
    let mut t = review(&data, &demo.sessions);
    t.wait_for_screen("Oversikt");
    for _ in 0..4 {
        t.send("\t");
    }
    let left = fresh.assessment.findings["1"].len() - n + 1;
    t.wait_for_screen(&format!("{left} funn"));
    for _ in 0..left {
        t.send("\x1b[B");
    }
    t.wait_for_screen(&format!("og {} til (slått sammen)", n - 1));
    t.send("q");
    assert!(t.wait_exit().expect("q ends the review").success());
    let path = data.join("eksempelvik/assessment.json");
    let a = Assessment::parse(&std::fs::read(&path).unwrap()).unwrap();
    let merged: Vec<_> = a.findings["1"]
        .iter()
        .filter(|f| f.text == group.representative)
        .collect();
    assert_eq!(
        merged.len(),
        1,
        "one finding under the representative's text"
    );
    let sources: Vec<_> = group.members.iter().map(|m| m.source.clone()).collect();
    assert_eq!(merged[0].sources, sources, "every member's source");
    for m in &group.members {
        assert!(
            a.findings["1"]
                .iter()
                .all(|f| f.sources != [m.source.clone()]),
            "{} is merged, not left beside it",
            m.text
        );
    }

    // The report shows it once, with its count.
    let md = report(root.path(), &path, "md");
    let line = format!("- {} *(nevnt av {n})*", group.representative);
    let items: Vec<&str> = md
        .lines()
        .filter(|l| l.starts_with(&format!("- {}", group.representative)))
        .collect();
    assert_eq!(items, [line.as_str()], "{md}");
    let json: serde_json::Value =
        serde_json::from_str(&report(root.path(), &path, "json")).unwrap();
    let strengths = json["areas"][0]["findings"]["strengths"]
        .as_array()
        .unwrap();
    let shown: Vec<_> = strengths
        .iter()
        .filter(|f| f["text"] == group.representative.as_str())
        .collect();
    assert_eq!(shown.len(), 1);
    assert_eq!(shown[0]["mentions"], n);
}
