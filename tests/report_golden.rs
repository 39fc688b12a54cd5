//! Golden files: the Markdown, CSV and JSON reports of the sample data.
//!
//! After an intended change, regenerate them with
//! `UPDATE_GOLDEN=1 cargo test --test report_golden` and review the diff.

mod report_support;

use std::path::PathBuf;

use kompass::core::lang::Lang;
use kompass::report::{Format, render};

fn golden(name: &str, actual: &[u8]) {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name);
    if std::env::var_os("UPDATE_GOLDEN").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read(&path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run with UPDATE_GOLDEN=1 to create it",
            path.display()
        )
    });
    if expected != actual {
        let (e, a) = (
            String::from_utf8_lossy(&expected),
            String::from_utf8_lossy(actual),
        );
        let line = e
            .lines()
            .zip(a.lines())
            .position(|(x, y)| x != y)
            .unwrap_or(e.lines().count().min(a.lines().count()));
        panic!(
            "{} differs from the output at line {}:\n  expected: {:?}\n  actual:   {:?}\nIf the change is intended, run UPDATE_GOLDEN=1 cargo test --test report_golden",
            path.display(),
            line + 1,
            e.lines().nth(line),
            a.lines().nth(line)
        );
    }
}

#[test]
fn markdown_matches_golden() {
    let r = report_support::sample_report(Lang::Nb);
    golden("eksempelvik.nb.md", &render(&r, Format::Markdown).unwrap());
    let r = report_support::sample_report(Lang::En);
    golden("eksempelvik.en.md", &render(&r, Format::Markdown).unwrap());
}

#[test]
fn csv_matches_golden() {
    let r = report_support::sample_report(Lang::Nb);
    golden("eksempelvik.csv", &render(&r, Format::Csv).unwrap());
}

#[test]
fn json_matches_golden() {
    let r = report_support::sample_report(Lang::Nb);
    golden("eksempelvik.json", &render(&r, Format::Json).unwrap());
}
