//! Report injection (issues 5 and 8): hostile strings in every text a
//! session, an assessment or a baseline can carry are rendered in all five
//! formats; markup stays text, no spreadsheet cell is a formula, and no
//! control character reaches the output.

mod report_support;

use kompass::core::assessment::Decision;
use kompass::core::bank::Bank;
use kompass::core::lang::Lang;
use kompass::core::session::FindingKind;
use kompass::report::{Format, Options, Report, render};

const SCRIPT: &str = "<script>alert('x')</script>";
const FORMULA: &str = "=HYPERLINK(\"http://evil.example\",\"klikk\")";

/// Every string from a file that reaches the report, made hostile.
fn hostile_report() -> Report {
    let bank = Bank::builtin();
    let mut a = report_support::sample_assessment(&bank);
    a.municipality = format!("Ond{SCRIPT}\u{1b}]52;c;ZXZpbA==\u{7}</style>\"");
    a.sessions[0].interviewer = FORMULA.into();
    a.sessions[0].interviewees[0].name = "@SUM(1+1)\u{1b}[2J".into();
    a.sessions[1].interviewees[0].name = "-2+3\r\nNy linje".into();
    let findings = a.findings.get_mut("1").unwrap();
    findings[0].text = format!("<img src=x onerror=alert(1)> {SCRIPT}");
    findings[1].text = "| kolonne | # overskrift\n- liste".into();
    findings[2].text = "+cmd|' /C calc'!A0".into();
    findings.push(kompass::core::assessment::CuratedFinding {
        kind: FindingKind::Weakness,
        text: "\t=1+1 tab".into(),
        best_practice: true,
        sources: Vec::new(),
        own: false,
        dropped_from: None,
    });
    a.priorities[0].theme = "=1+1".into();
    a.priorities[1].theme = format!("</td></tr></table>{SCRIPT}");
    let q = a.questions.get_mut(report_support::OVERRIDDEN).unwrap();
    if let Some(Decision::Override { reason, .. }) = &mut q.decision {
        *reason = format!("\"><svg onload=alert(2)> {FORMULA}");
    }
    let b = &mut a.baselines[0];
    b.name = format!("</title>{SCRIPT}");
    b.source = Some("javascript:alert(3)".into());
    b.note = Some("\r=CR\u{202e}snudd".into());
    Report::build(
        &bank,
        &a,
        &[report_support::national()],
        Options {
            lang: Lang::Nb,
            names: true,
            per_interview: true,
        },
    )
}

fn no_controls(what: &str, text: &str) {
    let bad: Vec<char> = text
        .chars()
        .filter(|c| (c.is_control() && *c != '\n') || *c == '\u{202e}')
        .collect();
    assert!(bad.is_empty(), "{what}: control characters {bad:?}");
}

#[test]
fn html_shows_markup_as_text() {
    let html = String::from_utf8(render(&hostile_report(), Format::Html).unwrap()).unwrap();
    no_controls("html", &html);
    let lower = html.to_lowercase();
    for bad in [
        "<script",
        "<img",
        "<svg onload",
        "</style>\"",
        "javascript:alert(3)\"",
    ] {
        assert!(!lower.contains(bad), "html contains {bad:?}");
    }
    // Exactly one </style>: ours; exactly one document <title> (the SVG titles carry ids).
    assert_eq!(lower.matches("</style>").count(), 1);
    assert_eq!(lower.matches("<title>").count(), 1);
    assert!(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"));
    assert!(html.contains("&lt;img src=x onerror=alert(1)&gt;"));
}

#[test]
fn markdown_keeps_hostile_text_inside_its_cell() {
    let md = String::from_utf8(render(&hostile_report(), Format::Markdown).unwrap()).unwrap();
    no_controls("markdown", &md);
    let raw_html = md
        .match_indices('<')
        .filter(|&(i, _)| i == 0 || !md[..i].ends_with('\\'))
        .count();
    assert_eq!(raw_html, 0, "an unescaped < in the Markdown");
    // Every table row keeps its number of cells: no unescaped | from a text.
    let mut widths = Vec::new();
    for line in md.lines().filter(|l| l.starts_with('|')) {
        let bytes = line.as_bytes();
        let cells = (0..bytes.len())
            .filter(|&i| bytes[i] == b'|' && (i == 0 || bytes[i - 1] != b'\\'))
            .count();
        widths.push((cells, line));
    }
    for pair in widths.windows(2) {
        let ((a, la), (b, lb)) = (pair[0], pair[1]);
        if lb.starts_with("| ---") || la.starts_with("| ---") {
            assert_eq!(a, b, "{la}\n{lb}");
        }
    }
    assert!(
        md.contains("\\| kolonne \\| # overskrift - liste"),
        "the finding stays one escaped line"
    );
    assert!(
        !md.lines()
            .any(|l| l.starts_with("# overskrift") || l.starts_with("- liste"))
    );
}

fn neutral(what: &str, cell: &str) {
    assert!(
        !cell.starts_with(['=', '+', '-', '@', '\t', '\r']),
        "{what}: live formula {cell:?}"
    );
}

#[test]
fn csv_cells_are_never_formulas() {
    let bytes = render(&hostile_report(), Format::Csv).unwrap();
    let text = String::from_utf8(bytes.clone()).unwrap();
    no_controls("csv", &text.replace("\r\n", "\n"));
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header = reader.headers().unwrap().clone();
    for h in header.iter() {
        neutral("csv header", h);
    }
    for rec in reader.records() {
        for cell in rec.unwrap().iter() {
            neutral("csv", cell);
        }
    }
    // The hostile reason survives as text, on the overridden question's rows.
    assert!(text.contains("svg onload=alert(2)"));
}

#[test]
fn xlsx_cells_are_never_formulas() {
    let report = hostile_report();
    let sheets = report_support::read_xlsx(&render(&report, Format::Xlsx).unwrap());
    let mut seen_formula_text = false;
    for sheet in &sheets {
        assert_eq!(sheet.formulas, 0, "{} has formulas", sheet.name);
        for (r, row) in sheet.rows.iter().enumerate() {
            for (c, _) in row.iter().enumerate() {
                let text = sheet.text(r, c);
                if sheet.number(r, c).is_none() {
                    neutral(&format!("{}!{r}:{c}", sheet.name), &text);
                }
                no_controls(&sheet.name, &text);
                seen_formula_text |= text.starts_with("'=1+1");
            }
        }
    }
    assert!(
        seen_formula_text,
        "the hostile priority or finding shows, quoted"
    );
    let summary = &sheets[0];
    assert!(
        summary.text(0, 0).contains("<script>"),
        "markup is plain text in a cell"
    );
}

#[test]
fn json_strings_carry_no_controls() {
    let bytes = render(&hostile_report(), Format::Json).unwrap();
    let v: serde_json::Value = serde_json::from_slice(&bytes).unwrap();
    fn walk(v: &serde_json::Value) {
        match v {
            serde_json::Value::String(s) => no_controls("json", s),
            serde_json::Value::Array(a) => a.iter().for_each(walk),
            serde_json::Value::Object(o) => o.values().for_each(walk),
            _ => {}
        }
    }
    walk(&v);
    assert!(
        v["title"]["municipality"]
            .as_str()
            .unwrap()
            .contains("<script>"),
        "JSON keeps the text as text"
    );
}
