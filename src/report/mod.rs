//! The report to the council (issue 5): one computed model
//! ([`model::Report`]) rendered as HTML, Markdown, XLSX, CSV or JSON.
//!
//! Everything here is pure: it takes an assessment and the bank and returns
//! bytes; writing them is the CLI's and the storage layer's job.

pub mod escape;
pub mod html;
pub mod long_csv;
pub mod markdown;
pub mod model;
pub mod spreadsheet;
pub mod svg;
mod words;

pub use model::{Options, Report};

/// The output formats of `kompass report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Xlsx,
    Csv,
    Json,
}

impl Format {
    /// Whether the output is text that may go to standard output.
    pub fn is_text(self) -> bool {
        self != Format::Xlsx
    }
}

/// Renders the report; only the workbook can fail to build.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, String> {
    Ok(match format {
        Format::Html => html::render(report).into_bytes(),
        Format::Markdown => markdown::render(report).into_bytes(),
        Format::Json => report.to_json().into_bytes(),
        Format::Csv => long_csv::render(report)?,
        Format::Xlsx => spreadsheet::render(report)?,
    })
}
