//! The same numbers in every format: the sample report is rendered as
//! Markdown, CSV, JSON, XLSX and HTML, the numbers are read back out of
//! each, and they must agree with the model (and the CSV, recomputed from
//! its question rows, must give the same points).

mod report_support;

use std::collections::BTreeMap;

use kompass::core::bank::{Bank, DIMENSIONS};
use kompass::core::exact::{format_points, parse_decimal};
use kompass::core::lang::Lang;
use kompass::core::scoring;
use kompass::core::session::Scores;
use kompass::report::{Format, Report, render};

fn sample() -> Report {
    report_support::sample_report(Lang::Nb)
}

/// Markdown table rows (cells trimmed, escapes removed) whose first cell
/// satisfies `first`.
fn md_rows(md: &str, first: impl Fn(&str) -> bool) -> Vec<Vec<String>> {
    md.lines()
        .filter(|l| l.starts_with('|'))
        .map(|l| {
            l.trim_matches('|')
                .split(" | ")
                .map(|c| c.trim().replace('\\', "").replace("**", ""))
                .collect::<Vec<_>>()
        })
        .filter(|cells| first(&cells[0]))
        .collect()
}

#[test]
fn markdown_shows_the_model_numbers() {
    let r = sample();
    let md = String::from_utf8(render(&r, Format::Markdown).unwrap()).unwrap();
    // The summary table: "1 Offentlighet og demokrati | 68 | ...".
    for a in &r.areas {
        let label = format!("{} {}", a.id, a.title);
        let rows = md_rows(&md, |c| c == label);
        // The summary table first, then the rank and the history tables.
        let ranked = r
            .benchmark
            .as_ref()
            .is_some_and(|b| b.rank.areas.iter().any(|x| x.id == a.id));
        let expected = 1 + usize::from(ranked) + usize::from(r.history.is_some());
        assert_eq!(rows.len(), expected, "{label}");
        assert_eq!(rows[0][1], a.points.display);
        assert_eq!(rows[0].last().unwrap(), &a.max.display);
        // The score table of the area: its own row and its sub-areas.
        let own = md_rows(&md, |c| c == format!("{}.", a.id));
        assert_eq!(own[0][2], a.points.display);
        for s in &a.subareas {
            let rows = md_rows(&md, |c| c == s.id);
            assert_eq!(rows.len(), 1, "{}", s.id);
            // An overridden question's sub-area carries the override mark.
            assert_eq!(
                rows[0][2],
                kompass::report::words::marked_points(s),
                "{}",
                s.id
            );
        }
    }
    let total = md_rows(&md, |c| c == "Totalt");
    assert_eq!(total[0][1], r.total.points.display);
}

#[test]
fn json_holds_the_model_numbers() {
    let r = sample();
    let v: serde_json::Value = serde_json::from_slice(&render(&r, Format::Json).unwrap()).unwrap();
    assert_eq!(v["format"], "kompass.report");
    assert_eq!(
        v["total"]["points"]["display"],
        r.total.points.display.as_str()
    );
    for (i, a) in r.areas.iter().enumerate() {
        let j = &v["areas"][i];
        assert_eq!(j["points"]["display"], a.points.display.as_str());
        assert_eq!(j["points"]["value"].as_f64().unwrap(), a.points.as_f64());
        for (k, s) in a.subareas.iter().enumerate() {
            assert_eq!(
                j["subareas"][k]["points"]["display"],
                s.points.display.as_str()
            );
        }
    }
}

#[test]
fn csv_rows_recompute_to_the_same_points() {
    let r = sample();
    let bank = Bank::builtin();
    let bytes = render(&r, Format::Csv).unwrap();
    let mut reader = csv::Reader::from_reader(bytes.as_slice());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    let interviews = header
        .iter()
        .filter(|h| h.starts_with("interview:"))
        .count();
    // Reconciled figures only: no interview's own scores without --per-interview.
    assert_eq!(interviews, 0);
    let mut scores: BTreeMap<String, Scores> = BTreeMap::new();
    let mut rows = 0;
    for rec in reader.records() {
        let rec = rec.unwrap();
        rows += 1;
        let value = &rec[col("reconciled")];
        if value.is_empty() {
            continue;
        }
        let d = DIMENSIONS
            .iter()
            .copied()
            .find(|d| d.id() == &rec[col("dimension")])
            .unwrap();
        scores
            .entry(rec[col("question")].to_owned())
            .or_default()
            .set(d, Some(parse_decimal(value).unwrap()));
    }
    assert_eq!(rows, 3 * bank.question_count());
    let card = scoring::score(&bank, &scores, None);
    assert_eq!(
        format_points(card.total, 0, Lang::Nb),
        r.total.points.display
    );
    for (a, ca) in r.areas.iter().zip(&card.areas) {
        assert_eq!(ca.points, a.points.value, "area {}", a.id);
        for (s, cs) in a.subareas.iter().zip(&ca.subareas) {
            assert_eq!(
                format_points(cs.points, 1, Lang::Nb),
                s.points.display,
                "{}",
                s.id
            );
        }
    }
}

#[test]
fn xlsx_stores_the_model_numbers_as_numbers() {
    let r = sample();
    let sheets = report_support::read_xlsx(&render(&r, Format::Xlsx).unwrap());
    assert_eq!(sheets.len(), 1 + r.areas.len());
    assert_eq!(sheets[0].name, "Sammendrag");
    for s in &sheets {
        assert!(
            s.name.chars().count() <= 31 && !s.name.contains(['[', ']', ':', '*', '?', '/', '\\']),
            "{}",
            s.name
        );
        assert_eq!(s.formulas, 0, "no formulas in {}", s.name);
    }
    let summary = &sheets[0];
    let row_of = |sheet: &report_support::Sheet, id: &str| {
        (0..sheet.rows.len()).find(|&i| sheet.text(i, 0) == id)
    };
    for (a, sheet) in r.areas.iter().zip(&sheets[1..]) {
        let i = row_of(summary, &a.id).unwrap_or_else(|| panic!("area {} on the summary", a.id));
        assert_eq!(
            summary.number(i, 2),
            Some(a.points.as_f64()),
            "area {}",
            a.id
        );
        assert!(
            sheet.name.starts_with(&format!("{} ", a.id)),
            "{}",
            sheet.name
        );
        let own = row_of(sheet, &format!("{}.", a.id)).unwrap();
        assert_eq!(sheet.number(own, 2), Some(a.points.as_f64()));
        for s in &a.subareas {
            let i = row_of(sheet, &s.id).unwrap_or_else(|| panic!("{} on its sheet", s.id));
            let v = sheet.number(i, 2).unwrap();
            assert_eq!(v, s.points.as_f64(), "{}", s.id);
            // Shown with one decimal (half away from zero, as Excel does),
            // it reads as the report prints it.
            let shown = format!("{:.1}", (v * 10.0).round() / 10.0).replace('.', ",");
            assert_eq!(shown, s.points.display, "{}", s.id);
        }
    }
    let total = (0..summary.rows.len())
        .find(|&i| summary.text(i, 1) == "Totalt")
        .unwrap();
    assert_eq!(summary.number(total, 2), Some(r.total.points.as_f64()));
    // An average's column is followed by the n of each of its figures.
    let head = (0..summary.rows.len())
        .find(|&i| summary.text(i, 1) == "Fokusområde")
        .unwrap();
    let (k, national) = r
        .baselines
        .iter()
        .enumerate()
        .find(|(_, b)| b.n.is_some())
        .expect("the sample has an average with n");
    let column = (0..summary.rows[head].len())
        .find(|&c| summary.text(head, c) == national.label)
        .unwrap();
    assert_eq!(summary.text(head, column + 1), "n");
    for a in &r.areas {
        let i = row_of(summary, &a.id).unwrap();
        let c = &a.baselines[k];
        assert_eq!(
            summary.number(i, column),
            c.points.as_ref().map(|p| p.as_f64())
        );
        assert_eq!(
            summary.number(i, column + 1),
            c.n.map(f64::from),
            "area {}",
            a.id
        );
    }
    assert_eq!(summary.number(total, column + 1), national.n.map(f64::from));
}

#[test]
fn html_shows_the_model_numbers() {
    let r = sample();
    let html = String::from_utf8(render(&r, Format::Html).unwrap()).unwrap();
    let attr = |name: &str, id: &str| -> Option<String> {
        let key = format!("{name}=\"{id}\">");
        let start = html.find(&key)? + key.len();
        Some(html[start..].split('<').next()?.to_owned())
    };
    for a in &r.areas {
        assert_eq!(
            attr("data-area", &a.id).as_deref(),
            Some(a.points.display.as_str()),
            "area {}",
            a.id
        );
        for s in &a.subareas {
            assert_eq!(
                attr("data-subarea", &s.id).as_deref(),
                Some(kompass::report::words::marked_points(s).as_str()),
                "{}",
                s.id
            );
        }
    }
    assert!(html.contains(&format!(">{}</div>", r.total.points.display)));
    // Norwegian numbers have a decimal comma.
    assert!(
        r.areas[0]
            .subareas
            .iter()
            .all(|s| s.points.display.contains(','))
    );
}
