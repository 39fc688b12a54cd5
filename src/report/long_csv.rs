//! The report as CSV in long format: one row per question and dimension,
//! with the value that counts, the suggestion, with `--per-interview` each
//! interview's value (one column per session that may be shown, named
//! `interview:<session id>`), whether the question is decided (a draft has
//! `false` rows), and whether the reviewer overrode it and why. Numbers use a decimal point; an empty cell
//! is "not scored". See `docs/report.md`.

use super::escape::cell;
use super::model::{Report, Value};
use crate::core::lang::Lang;

/// The fixed columns before the interview columns.
pub const LEADING: [&str; 7] = [
    "question",
    "text",
    "area",
    "subarea",
    "dimension",
    "reconciled",
    "suggested",
];
/// The fixed columns after them.
pub const TRAILING: [&str; 3] = ["decided", "overridden", "reason"];
pub const INTERVIEW_PREFIX: &str = "interview:";

pub fn render(r: &Report) -> Result<Vec<u8>, String> {
    let mut w = csv::Writer::from_writer(Vec::new());
    // Only the interviews whose own scores may be printed (`--per-interview`).
    let sessions: Vec<&str> = r
        .method
        .interviews
        .iter()
        .filter_map(|i| i.session.as_deref())
        .collect();
    let mut header: Vec<String> = LEADING.iter().map(|s| s.to_string()).collect();
    header.extend(
        sessions
            .iter()
            .map(|s| cell(&format!("{INTERVIEW_PREFIX}{s}"))),
    );
    header.extend(TRAILING.iter().map(|s| s.to_string()));
    w.write_record(&header).map_err(|e| e.to_string())?;
    let number =
        |v: Option<&Value>| v.map_or(String::new(), |v| super::model::format_value(v.0, Lang::En));
    for q in &r.questions {
        for d in &q.dimensions {
            let mut row = vec![
                cell(&q.id),
                cell(&q.text),
                cell(&q.area),
                cell(&q.subarea),
                d.dimension.clone(),
                number(d.reconciled.as_ref()),
                number(d.suggested.as_ref()),
            ];
            row.extend(sessions.iter().map(|s| number(d.interviews.get(*s))));
            row.push(q.decided.to_string());
            row.push(d.overridden.to_string());
            row.push(cell(q.reason.as_deref().unwrap_or("")));
            w.write_record(&row).map_err(|e| e.to_string())?;
        }
    }
    w.into_inner().map_err(|e| e.to_string())
}
