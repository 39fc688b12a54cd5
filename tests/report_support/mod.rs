//! What the report tests share: the sample assessment of Eksempelvik (the
//! sample interviews in `sessions/eksempelvik/`, merged as `kompass merge`
//! does, with a reviewer's touches), its fictional earlier evaluations and
//! the fictional national average.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use kompass::core::assessment::{Assessment, Decision, SourceSession};
use kompass::core::bank::{Bank, DIMENSIONS};
use kompass::core::baseline::Baseline;
use kompass::core::exact::int;
use kompass::core::lang::Lang;
use kompass::core::session::FindingKind;
use kompass::report::{Options, Report};
use kompass::storage;

pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

pub fn baseline_path(name: &str) -> PathBuf {
    root().join("sessions/baselines").join(name)
}

/// A sample baseline, checked against the built-in bank.
pub fn sample_baseline(name: &str) -> Baseline {
    let (baseline, warnings) = storage::load_baseline(&baseline_path(name), &Bank::builtin())
        .expect("the sample baseline loads");
    assert!(warnings.is_empty(), "{name}: {warnings:?}");
    baseline
}

pub fn earlier() -> Baseline {
    sample_baseline("eksempelvik-2022.json")
}

/// The fictional 2014 (in full) and 2018 (a total only) evaluations.
pub fn older() -> Vec<Baseline> {
    ["eksempelvik-2014.json", "eksempelvik-2018.json"]
        .iter()
        .map(|n| sample_baseline(n))
        .collect()
}

pub fn national() -> Baseline {
    sample_baseline("nasjonalt-snitt-2026.json")
}

/// The question the reviewer overrides in the sample.
pub const OVERRIDDEN: &str = "5.1.1";

/// The sample assessment: every sample interview merged, the 2014, 2018
/// and 2022 evaluations attached, one score overridden with a reason and the first
/// strength of areas 3 and 8 starred as best practice.
pub fn sample_assessment(bank: &Bank) -> Assessment {
    let dir = root().join("sessions/eksempelvik");
    let files = storage::json_files(&[dir]).expect("the sample sessions exist");
    let loaded: Vec<_> = files
        .iter()
        .map(|f| storage::load_session(f, bank).expect("a sample session loads"))
        .collect();
    assert!(
        loaded.len() >= 10,
        "expected the sample interviews, found {}",
        loaded.len()
    );
    let sources: Vec<SourceSession> = loaded
        .into_iter()
        .map(|l| SourceSession {
            path: format!(
                "eksempelvik/{}",
                l.path.file_name().unwrap().to_string_lossy()
            ),
            file: l.path,
            sha256: l.sha256,
            session: l.session,
        })
        .collect();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-02T14:00:00+01:00").unwrap();
    let mut a = Assessment::build(bank, &sources, now);
    let q = a
        .questions
        .get_mut(OVERRIDDEN)
        .expect("the bank has the question");
    let mut scores = q.suggested;
    let system = DIMENSIONS[0];
    let raised = scores
        .get(system)
        .map_or(int(2), |v| (v + int(1)).min(int(4)));
    scores.set(system, Some(raised));
    q.decision = Some(Decision::Override {
        scores,
        reason: "Servicestrategien ble vedtatt i kommunestyret etter intervjuene".into(),
    });
    for area in ["3", "8"] {
        if let Some(f) = a
            .findings
            .get_mut(area)
            .and_then(|list| list.iter_mut().find(|f| f.kind == FindingKind::Strength))
        {
            f.best_practice = true;
        }
    }
    a.baselines.extend(older());
    a.baselines.push(earlier());
    a
}

/// The sample report, with the national average (a benchmark with
/// members, so the report ranks among them) added as `--baseline` does.
pub fn sample_report(lang: Lang) -> Report {
    let bank = Bank::builtin();
    let a = sample_assessment(&bank);
    Report::build(
        &bank,
        &a,
        &[national()],
        Options {
            lang,
            ..Options::default()
        },
    )
}

/// Writes the sample assessment to `dir/assessment.json`.
pub fn write_sample_assessment(dir: &Path) -> PathBuf {
    let bank = Bank::builtin();
    let path = dir.join("assessment.json");
    std::fs::write(&path, sample_assessment(&bank).to_json()).unwrap();
    path
}

/// A workbook read back: each sheet's name and cells (row, column from A1),
/// and how many cells hold a formula.
pub struct Sheet {
    pub name: String,
    pub rows: Vec<Vec<calamine::Data>>,
    pub formulas: usize,
}

pub fn read_xlsx(bytes: &[u8]) -> Vec<Sheet> {
    use calamine::{Reader, Xlsx, open_workbook_from_rs};
    let mut book: Xlsx<_> =
        open_workbook_from_rs(std::io::Cursor::new(bytes.to_vec())).expect("a valid workbook");
    book.sheet_names()
        .into_iter()
        .map(|name| {
            let range = book.worksheet_range(&name).expect("the sheet reads");
            let (top, left) = range.start().unwrap_or((0, 0));
            let mut rows = vec![Vec::new(); top as usize];
            for row in range.rows() {
                let mut cells = vec![calamine::Data::Empty; left as usize];
                cells.extend(row.iter().cloned());
                rows.push(cells);
            }
            let formulas = book
                .worksheet_formula(&name)
                .map(|f| f.used_cells().filter(|(_, _, v)| !v.is_empty()).count())
                .unwrap_or(0);
            Sheet {
                name,
                rows,
                formulas,
            }
        })
        .collect()
}

impl Sheet {
    pub fn text(&self, row: usize, col: usize) -> String {
        match self.rows.get(row).and_then(|r| r.get(col)) {
            Some(calamine::Data::String(s)) => s.clone(),
            Some(calamine::Data::Empty) | None => String::new(),
            Some(other) => other.to_string(),
        }
    }

    pub fn number(&self, row: usize, col: usize) -> Option<f64> {
        match self.rows.get(row)?.get(col)? {
            calamine::Data::Float(f) => Some(*f),
            calamine::Data::Int(i) => Some(*i as f64),
            _ => None,
        }
    }
}
