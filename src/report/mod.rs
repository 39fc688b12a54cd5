//! The report to the council (issue 5): one computed model
//! ([`model::Report`]) rendered as HTML, Markdown, XLSX, CSV or JSON, and
//! (issue 15) as the council's slide deck (PPTX) and an editable Word
//! report (DOCX), each optionally on the consultancy's own template.
//!
//! Everything here is pure: it takes an assessment and the bank and returns
//! bytes; writing them is the CLI's and the storage layer's job.

pub mod deck;
pub mod escape;
pub mod html;
pub mod long_csv;
pub mod markdown;
pub mod model;
pub mod package;
pub mod picture;
pub mod spreadsheet;
pub mod svg;
pub mod word;
pub mod words;

pub use model::{Options, Report};

/// The output formats of `kompass report`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Html,
    Markdown,
    Xlsx,
    Csv,
    Json,
    Pptx,
    Docx,
}

impl Format {
    /// Whether the output is text that may go to standard output.
    pub fn is_text(self) -> bool {
        !matches!(self, Format::Xlsx | Format::Pptx | Format::Docx)
    }

    /// Whether `--template` applies.
    pub fn takes_template(self) -> bool {
        matches!(self, Format::Pptx | Format::Docx)
    }

    /// The file name extension.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Html => "html",
            Format::Markdown => "md",
            Format::Xlsx => "xlsx",
            Format::Csv => "csv",
            Format::Json => "json",
            Format::Pptx => "pptx",
            Format::Docx => "docx",
        }
    }
}

/// Renders the report on the built-in look.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>, String> {
    render_on(report, format, None)
}

/// Renders the report; a deck or Word report on `template` (the bytes of
/// the consultancy's .pptx or .docx) when given. Only the binary formats
/// can fail to build.
pub fn render_on(
    report: &Report,
    format: Format,
    template: Option<&[u8]>,
) -> Result<Vec<u8>, String> {
    Ok(match format {
        Format::Html => html::render(report).into_bytes(),
        Format::Markdown => markdown::render(report).into_bytes(),
        Format::Json => report.to_json().into_bytes(),
        Format::Csv => long_csv::render(report)?,
        Format::Xlsx => spreadsheet::render(report)?,
        Format::Pptx => deck::render(report, template)?,
        Format::Docx => word::render(report, template)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Assessment;
    use crate::core::bank::Bank;
    use crate::core::lang::Lang;

    #[test]
    fn an_assessment_without_interviews_still_renders_everywhere() {
        let bank = Bank::builtin();
        let now = chrono::DateTime::parse_from_rfc3339("2026-03-02T10:00:00+01:00").unwrap();
        let a = Assessment::empty(&bank, "Tomvik", now);
        for lang in [Lang::Nb, Lang::En] {
            let r = Report::build(
                &bank,
                &a,
                &[],
                Options {
                    lang,
                    ..Options::default()
                },
            );
            assert_eq!(r.total.points.display, "0");
            assert_eq!(r.title.year, None);
            for format in [
                Format::Html,
                Format::Markdown,
                Format::Xlsx,
                Format::Csv,
                Format::Json,
                Format::Pptx,
                Format::Docx,
            ] {
                let bytes = render(&r, format).unwrap();
                assert!(!bytes.is_empty(), "{format:?}");
            }
            let html = String::from_utf8(render(&r, Format::Html).unwrap()).unwrap();
            assert!(html.contains("Tomvik"));
        }
    }
}
