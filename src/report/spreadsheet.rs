//! The report as an Excel workbook: a summary sheet, then one sheet per
//! focus area with its sub-area points, findings and question scores.
//! Points are stored as numbers with a number format that shows what the
//! report shows (whole points, or one decimal), so evaluators can go on
//! calculating; every text cell is neutralized against formulas.

use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

use super::escape::cell;
use super::model::{AreaReport, Comparison, Points, Report, Text};
use super::words;
use crate::core::exact;
use crate::core::session::FindingKind;

/// Excel's limit on sheet names.
pub const SHEET_NAME_MAX: usize = 31;

/// A valid, unique-enough sheet name: forbidden characters become spaces,
/// no apostrophe at either end, at most 31 characters.
pub fn sheet_name(text: &str, fallback: &str) -> String {
    let cleaned: String = text
        .chars()
        .map(|c| {
            if matches!(c, '[' | ']' | ':' | '*' | '?' | '/' | '\\') || c.is_control() {
                ' '
            } else {
                c
            }
        })
        .collect();
    let cut: String = cleaned
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(SHEET_NAME_MAX)
        .collect();
    let name = cut.trim().trim_matches('\'').trim().to_owned();
    if name.is_empty() || name.eq_ignore_ascii_case("history") {
        fallback.to_owned()
    } else {
        name
    }
}

struct Styles {
    title: Format,
    bold: Format,
    header: Format,
    header_num: Format,
    text: Format,
    wrap: Format,
    muted: Format,
    whole: Format,
    whole_bold: Format,
    decimal: Format,
    change: Format,
    star: Format,
}

impl Styles {
    fn new() -> Styles {
        let header = Format::new()
            .set_bold()
            .set_border_bottom(FormatBorder::Thin)
            .set_background_color("#EAF0F6");
        Styles {
            title: Format::new()
                .set_bold()
                .set_font_size(14)
                .set_font_color("#1F4E79"),
            bold: Format::new().set_bold(),
            header_num: header.clone().set_align(FormatAlign::Right),
            header,
            text: Format::new().set_align(FormatAlign::Top),
            wrap: Format::new().set_text_wrap().set_align(FormatAlign::Top),
            muted: Format::new().set_italic().set_font_color("#5B6675"),
            whole: Format::new()
                .set_num_format("0")
                .set_align(FormatAlign::Top),
            whole_bold: Format::new().set_num_format("0").set_bold(),
            decimal: Format::new()
                .set_num_format("0.0")
                .set_align(FormatAlign::Top),
            change: Format::new().set_num_format("+0;-0;0"),
            star: Format::new()
                .set_font_color("#A87200")
                .set_bold()
                .set_align(FormatAlign::Center),
        }
    }

    /// The number format that shows `p` as the report does.
    fn points(&self, p: &Points, bold: bool) -> &Format {
        match (p.decimals, bold) {
            (0, true) => &self.whole_bold,
            (0, false) => &self.whole,
            _ => &self.decimal,
        }
    }
}

pub fn render(r: &Report) -> Result<Vec<u8>, String> {
    build(r).map_err(|e| format!("cannot build the workbook: {e}"))
}

fn build(r: &Report) -> Result<Vec<u8>, XlsxError> {
    let st = Styles::new();
    let mut book = Workbook::new();
    let date = chrono::NaiveDate::parse_from_str(&r.title.date, "%Y-%m-%d").ok();
    let mut props = DocProperties::new()
        .set_title(cell(&format!(
            "{}: {}",
            words::edition(r),
            r.municipality_long()
        )))
        .set_author(cell(&r.title.evaluators.join(", ")));
    if let Some(d) = date {
        use chrono::Datelike;
        // The assessment's date, so the same assessment gives the same file.
        props = props.set_creation_datetime(&ExcelDateTime::from_ymd(
            d.year() as u16,
            d.month() as u8,
            d.day() as u8,
        )?);
    }
    book.set_properties(&props);

    let sheet = book.add_worksheet();
    sheet.set_name(sheet_name(r.lang.pick("Sammendrag", "Summary"), "Summary"))?;
    summary(sheet, r, &st)?;
    let mut used: Vec<String> = Vec::new();
    for (i, a) in r.areas.iter().enumerate() {
        let mut name = sheet_name(
            &format!("{} {}", a.id, a.title),
            &format!("{} {}", r.lang.pick("Område", "Area"), i + 1),
        );
        if used.iter().any(|u| u.eq_ignore_ascii_case(&name)) {
            name = sheet_name(&format!("{} {}", i + 1, name), &format!("Area {}", i + 1));
        }
        used.push(name.clone());
        let sheet = book.add_worksheet();
        sheet.set_name(name)?;
        area(sheet, r, a, &st)?;
    }
    book.save_to_buffer()
}

fn write_text(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    text: &str,
    format: &Format,
) -> Result<(), XlsxError> {
    sheet.write_string_with_format(row, col, cell(text), format)?;
    Ok(())
}

fn write_points(
    sheet: &mut Worksheet,
    row: u32,
    col: u16,
    p: Option<&Points>,
    st: &Styles,
    bold: bool,
) -> Result<(), XlsxError> {
    match p {
        Some(p) => sheet.write_number_with_format(row, col, p.as_f64(), st.points(p, bold))?,
        None => sheet.write_string_with_format(row, col, "–", &st.muted)?,
    };
    Ok(())
}

/// One of the evaluators' texts under its heading, a paragraph per row in
/// the wide column; returns the row after it (after a blank one). Nothing
/// when it is not shown.
fn write_evaluators_text(
    sheet: &mut Worksheet,
    mut row: u32,
    r: &Report,
    heading: &str,
    text: &Text,
    st: &Styles,
) -> Result<u32, XlsxError> {
    if !r.shows(text) {
        return Ok(row);
    }
    write_text(sheet, row, 0, heading, &st.header)?;
    write_text(sheet, row, 1, "", &st.header)?;
    row += 1;
    if text.is_empty() {
        write_text(sheet, row, 1, words::not_written(r.lang), &st.muted)?;
        row += 1;
    }
    for p in &text.paragraphs {
        write_text(sheet, row, 1, p, &st.wrap)?;
        row += 1;
    }
    Ok(row + 1)
}

fn summary(sheet: &mut Worksheet, r: &Report, st: &Styles) -> Result<(), XlsxError> {
    let pick = |nb: &'static str, en: &'static str| r.lang.pick(nb, en);
    write_text(
        sheet,
        0,
        0,
        &format!("{}: {}", words::edition(r), words::subtitle(r)),
        &st.title,
    )?;
    let meta = words::title_facts(r);
    for (i, (k, v)) in meta.iter().enumerate() {
        write_text(sheet, 1 + i as u32, 0, k, &st.bold)?;
        write_text(sheet, 1 + i as u32, 1, v, &st.text)?;
    }
    if let Some(draft) = &r.title.draft {
        write_text(sheet, 1 + meta.len() as u32, 0, &draft.notice, &st.bold)?;
    }
    let top = 5;
    let mut col = 0;
    let mut head = |sheet: &mut Worksheet, text: &str, numeric: bool| -> Result<(), XlsxError> {
        write_text(
            sheet,
            top,
            col,
            text,
            if numeric { &st.header_num } else { &st.header },
        )?;
        col += 1;
        Ok(())
    };
    head(sheet, "", false)?;
    head(sheet, pick("Fokusområde", "Focus area"), false)?;
    head(sheet, &r.current_label(), true)?;
    for b in &r.baselines {
        head(sheet, &b.label, true)?;
        if shows_n(b) {
            head(sheet, "n", true)?;
        }
    }
    if let Some(last) = &r.last_evaluation {
        head(
            sheet,
            &format!("{} {}", pick("Endring siden", "Change since"), last.since),
            true,
        )?;
    }
    head(sheet, pick("Maks", "Max"), true)?;

    let row_of = |sheet: &mut Worksheet,
                  row: u32,
                  id: &str,
                  label: &str,
                  points: &Points,
                  baselines: &[Comparison],
                  change: Option<&super::model::Change>,
                  max: &Points,
                  bold: bool|
     -> Result<(), XlsxError> {
        let text_format = if bold { &st.bold } else { &st.text };
        write_text(sheet, row, 0, id, text_format)?;
        write_text(sheet, row, 1, label, text_format)?;
        write_points(sheet, row, 2, Some(points), st, bold)?;
        let mut col = 3;
        for (c, info) in baselines.iter().zip(&r.baselines) {
            write_points(sheet, row, col, c.points.as_ref(), st, false)?;
            col += 1;
            if shows_n(info) {
                // How many evaluations this figure of the average stands on.
                match c.n.filter(|_| c.points.is_some()) {
                    Some(n) => sheet.write_number_with_format(row, col, f64::from(n), &st.muted)?,
                    None => sheet.write_string_with_format(row, col, "–", &st.muted)?,
                };
                col += 1;
            }
        }
        if r.last_evaluation.is_some() {
            match change {
                Some(ch) => {
                    sheet.write_number_with_format(row, col, ch.value as f64, &st.change)?
                }
                None => sheet.write_string_with_format(row, col, "–", &st.muted)?,
            };
            col += 1;
        }
        write_points(sheet, row, col, Some(max), st, bold)?;
        Ok(())
    };
    for (i, a) in r.areas.iter().enumerate() {
        row_of(
            sheet,
            top + 1 + i as u32,
            &a.id,
            &a.title,
            &a.points,
            &a.baselines,
            a.change.as_ref(),
            &a.max,
            false,
        )?;
    }
    let t = &r.total;
    let total_row = top + 1 + r.areas.len() as u32;
    row_of(
        sheet,
        total_row,
        "",
        pick("Totalt", "Total"),
        &t.points,
        &t.baselines,
        t.change.as_ref(),
        &t.max,
        true,
    )?;
    let mut row = total_row + 2;
    if r.has_fictional_baselines() {
        write_text(sheet, row, 0, words::fictional_notice(r.lang), &st.muted)?;
        row += 1;
    }
    write_text(sheet, row, 0, &words::bank_line(r), &st.muted)?;
    row += 2;
    row = write_evaluators_text(
        sheet,
        row,
        r,
        words::summary_heading(r.lang),
        &r.summary,
        st,
    )?;
    write_evaluators_text(
        sheet,
        row,
        r,
        words::way_forward_heading(r.lang),
        &r.way_forward,
        st,
    )?;
    sheet.set_column_width(0, 6)?;
    sheet.set_column_width(1, 44)?;
    for c in 2..(col + 1) {
        sheet.set_column_width(c, 16)?;
    }
    Ok(())
}

fn area(sheet: &mut Worksheet, r: &Report, a: &AreaReport, st: &Styles) -> Result<(), XlsxError> {
    let pick = |nb: &'static str, en: &'static str| r.lang.pick(nb, en);
    write_text(
        sheet,
        0,
        0,
        &format!(
            "{} {}: {}",
            pick("Fokusområde", "Focus area"),
            a.id,
            a.title
        ),
        &st.title,
    )?;
    write_text(
        sheet,
        1,
        0,
        &format!(
            "{} {}: {}",
            pick("Perspektiv", "Perspective"),
            a.perspective,
            a.perspective_title
        ),
        &st.muted,
    )?;

    // Poengfordeling.
    let top = 3;
    write_text(sheet, top, 0, "", &st.header)?;
    write_text(sheet, top, 1, pick("Delområde", "Sub-area"), &st.header)?;
    write_text(sheet, top, 2, pick("Poeng", "Points"), &st.header_num)?;
    write_text(sheet, top, 3, pick("Maks", "Max"), &st.header_num)?;
    write_text(sheet, top + 1, 0, &format!("{}.", a.id), &st.bold)?;
    write_text(sheet, top + 1, 1, &a.title, &st.bold)?;
    write_points(sheet, top + 1, 2, Some(&a.points), st, true)?;
    write_points(sheet, top + 1, 3, Some(&a.max), st, true)?;
    let mut row = top + 2;
    for s in &a.subareas {
        write_text(sheet, row, 0, &s.id, &st.text)?;
        write_text(sheet, row, 1, &s.title, &st.wrap)?;
        write_points(sheet, row, 2, Some(&s.points), st, false)?;
        sheet.write_number_with_format(row, 3, s.max.as_f64(), &st.whole)?;
        row += 1;
    }
    if let Some(note) = words::unscored(a, r.lang) {
        write_text(sheet, row, 1, &note, &st.muted)?;
        row += 1;
    }
    row += 1;
    row = write_evaluators_text(
        sheet,
        row,
        r,
        words::assessment_heading(r.lang),
        &a.assessment,
        st,
    )?;

    // Findings, one per row.
    row += 1;
    write_text(sheet, row, 0, pick("Funn", "Findings"), &st.header)?;
    write_text(sheet, row, 1, "", &st.header)?;
    write_text(sheet, row, 2, "★", &st.header)?;
    write_text(sheet, row, 3, pick("Nevnt av", "Mentioned by"), &st.header)?;
    write_text(sheet, row, 4, pick("Eget funn", "Own finding"), &st.header)?;
    row += 1;
    let mut any_star = false;
    for kind in FindingKind::ALL {
        for f in a.findings.column(kind) {
            write_text(sheet, row, 0, kind.label(r.lang), &st.text)?;
            write_text(sheet, row, 1, &f.text, &st.wrap)?;
            if f.best_practice {
                write_text(sheet, row, 2, "★", &st.star)?;
                any_star = true;
            }
            if f.mentions > 0 {
                sheet.write_number_with_format(row, 3, f.mentions as f64, &st.whole)?;
            }
            // The evaluators' own (documents, the website), not an interview's.
            if f.own {
                write_text(sheet, row, 4, pick("ja", "yes"), &st.text)?;
            }
            row += 1;
        }
    }
    if a.findings.is_empty() {
        write_text(
            sheet,
            row,
            1,
            pick("Ingen registrert", "None recorded"),
            &st.muted,
        )?;
        row += 1;
    }
    if any_star {
        write_text(
            sheet,
            row,
            1,
            &format!("★ {}", words::best_practice_legend(r.lang)),
            &st.muted,
        )?;
        row += 1;
    }

    // The questions behind the points.
    row += 1;
    let dims: Vec<String> = r
        .method
        .dimensions
        .iter()
        .map(|d| d.label.clone())
        .collect();
    write_text(sheet, row, 0, pick("Spørsmål", "Question"), &st.header)?;
    write_text(sheet, row, 1, "", &st.header)?;
    for (i, d) in dims.iter().enumerate() {
        write_text(sheet, row, 2 + i as u16, d, &st.header_num)?;
    }
    let after = 2 + dims.len() as u16;
    write_text(sheet, row, after, pick("Poeng", "Points"), &st.header_num)?;
    write_text(sheet, row, after + 1, pick("Maks", "Max"), &st.header_num)?;
    write_text(
        sheet,
        row,
        after + 2,
        pick("Overstyrt", "Overridden"),
        &st.header,
    )?;
    write_text(
        sheet,
        row,
        after + 3,
        pick("Begrunnelse", "Reason"),
        &st.header,
    )?;
    row += 1;
    for q in r.questions.iter().filter(|q| q.area == a.id) {
        write_text(sheet, row, 0, &q.id, &st.text)?;
        write_text(sheet, row, 1, &q.text, &st.wrap)?;
        for (i, d) in q.dimensions.iter().enumerate() {
            if let Some(v) = d.reconciled {
                sheet.write_number_with_format(row, 2 + i as u16, exact::to_f64(v.0), &st.text)?;
            }
        }
        if let Some(p) = &q.points {
            sheet.write_number_with_format(row, after, p.as_f64(), &st.decimal)?;
        }
        sheet.write_number_with_format(row, after + 1, q.max.as_f64(), &st.decimal)?;
        if q.overridden {
            write_text(sheet, row, after + 2, pick("ja", "yes"), &st.text)?;
            write_text(
                sheet,
                row,
                after + 3,
                q.reason.as_deref().unwrap_or(""),
                &st.wrap,
            )?;
        }
        row += 1;
    }
    sheet.set_column_width(0, 12)?;
    sheet.set_column_width(1, 70)?;
    for c in 2..(after + 3) {
        sheet.set_column_width(c, 14)?;
    }
    sheet.set_column_width(after + 3, 50)?;
    Ok(())
}

/// Whether a baseline's figures get a column with their n: an average that
/// says how many evaluations it stands on.
fn shows_n(b: &super::model::BaselineInfo) -> bool {
    b.kind == crate::core::baseline::BaselineKind::Average && b.n.is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sheet_names_are_valid() {
        assert_eq!(sheet_name("4 Effektivitet", "x"), "4 Effektivitet");
        let long = sheet_name(
            "4 Nye arbeidsmåter og ny teknikk som øker effektiviteten",
            "x",
        );
        assert!(long.chars().count() <= SHEET_NAME_MAX, "{long}");
        assert_eq!(sheet_name("a/b:c*d?[e]\\f", "x"), "a b c d e f");
        assert_eq!(sheet_name("'quoted'", "x"), "quoted");
        assert_eq!(sheet_name(" ::: ", "Area 1"), "Area 1");
        assert_eq!(sheet_name("History", "Area 1"), "Area 1");
    }
}
