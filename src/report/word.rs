//! The written report as Word (issue 15): the same content and numbers as
//! the HTML, for the consultancy to edit, brand and sign. Built with
//! docx-rs: Word's built-in heading styles (so the table of contents, the
//! navigation pane and a consultancy's template work), real tables, the
//! charts as pictures with captions and the numbers in the tables beside
//! them, page numbers in the footer.
//!
//! Charts are pictures because docx-rs writes no chart parts: the report's
//! own SVG charts ([`super::svg`]) rendered to PNG by resvg.
//!
//! With a template (`--template rapport.docx`) the document is built on the
//! template as docx-rs reads it: its styles, fonts, numbering, page size,
//! margins, headers and footers; its body text is replaced by the report.
//! A style the report uses and the template lacks is added in the
//! built-in look.

use docx_rs::{
    AbstractNumbering, AlignmentType, Docx, Footer, FooterChild, HeaderChild, IndentLevel,
    InstrText, Level, LevelJc, LevelText, LineSpacing, NumPages, NumberFormat, Numbering,
    NumberingId, PageMargin, PageNum, Paragraph, ParagraphChild, Pic, Run, RunChild, RunFonts,
    Shading, SpecialIndentType, Start, Style, StyleType, Table, TableBorder, TableBorderPosition,
    TableBorders, TableCell, TableCellBorder, TableCellBorderPosition, TableCellBorders,
    TableOfContents, TableRow, WidthType,
};

use super::model::{AreaReport, Report, Text};
use super::picture::{Painter, Png};
use super::svg;
use super::words;
use crate::core::exact::format_points;
use crate::core::lang::Lang;
use crate::core::session::FindingKind;

const ACCENT: &str = "1F4E79";
const ACCENT_SOFT: &str = "EAF0F6";
const MUTED: &str = "5B6675";
const LINE: &str = "D5DBE3";
const GOLD: &str = "A87200";
const WEAKNESS: &str = "9B2C2C";
/// The text width of an A4 page with 2.5 cm margins, in twips.
const TEXT_WIDTH: usize = 9026;
/// The numbering of the findings' bullets.
const BULLETS: usize = 90;

/// Renders the Word report, on the template when given.
pub fn render(r: &Report, template: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let mut doc = match template {
        None => builtin(),
        Some(bytes) => on_template(bytes, r.lang)?,
    };
    doc = add_missing_styles(doc);
    doc = doc
        .add_abstract_numbering(
            AbstractNumbering::new(BULLETS).add_level(
                Level::new(
                    0,
                    Start::new(1),
                    NumberFormat::new("bullet"),
                    LevelText::new("•"),
                    LevelJc::new("left"),
                )
                .indent(
                    Some(360),
                    Some(SpecialIndentType::Hanging(360)),
                    None,
                    None,
                ),
            ),
        )
        .add_numbering(Numbering::new(BULLETS, BULLETS));
    let mut w = Writer {
        doc,
        lang: r.lang,
        figures: 0,
        painter: Painter::new(),
    };
    w.report(r)?;
    let doc = w.doc;
    // docx-rs panics on some parts of a template it read but cannot write
    // (see [`writable`]); such a template gets a message, not a crash.
    std::panic::catch_unwind(std::panic::AssertUnwindSafe(move || {
        let mut out = std::io::Cursor::new(Vec::new());
        doc.build().pack(&mut out).map(|()| out.into_inner())
    }))
    .map_err(|_| {
        r.lang
            .pick(
                "malen inneholder noe docx-rs ikke kan skrive tilbake; prøv en enklere mal",
                "the template holds something docx-rs cannot write back; try a simpler template",
            )
            .to_owned()
    })?
    .map_err(|e| format!("cannot write the Word report: {e}"))
}

fn builtin() -> Docx {
    Docx::new()
        .page_size(11906, 16838)
        .page_margin(
            PageMargin::new()
                .top(1417)
                .bottom(1417)
                .left(1440)
                .right(1440)
                .header(708)
                .footer(708),
        )
        .default_fonts(
            RunFonts::new()
                .ascii("Calibri")
                .hi_ansi("Calibri")
                .cs("Calibri")
                .east_asia("Calibri"),
        )
        .default_size(21)
}

/// The template's styles, numbering, settings and section (page, margins,
/// headers, footers), with its body emptied.
fn on_template(bytes: &[u8], lang: Lang) -> Result<Docx, String> {
    let mut doc = docx_rs::read_docx(bytes).map_err(|e| {
        format!(
            "{}: {e}",
            lang.pick(
                "malen er ikke en Word-fil (.docx) som kan leses",
                "the template is not a Word file (.docx) that can be read"
            )
        )
    })?;
    doc.document.children.clear();
    let section = &mut doc.document.section_property;
    for header in [
        &mut section.header,
        &mut section.first_header,
        &mut section.even_header,
    ]
    .into_iter()
    .flatten()
    {
        for child in &mut header.1.children {
            if let HeaderChild::Paragraph(p) = child {
                writable(p);
            }
        }
    }
    for footer in [
        &mut section.footer,
        &mut section.first_footer,
        &mut section.even_footer,
    ]
    .into_iter()
    .flatten()
    {
        for child in &mut footer.1.children {
            if let FooterChild::Paragraph(p) = child {
                writable(p);
            }
        }
    }
    Ok(doc)
}

/// docx-rs (0.4.22) reads a field's instruction (`PAGE`, `NUMPAGES`) as a
/// string it then cannot write (it panics); written back as plain
/// instruction text it is the same field. A shape (text box, frame) it
/// cannot write at all is left out.
fn writable(p: &mut Paragraph) {
    for child in &mut p.children {
        if let ParagraphChild::Run(run) = child {
            run.children.retain(|c| !matches!(c, RunChild::Shape(_)));
            for c in &mut run.children {
                if let RunChild::InstrTextString(text) = c {
                    *c = RunChild::InstrText(Box::new(InstrText::Unsupported(text.clone())));
                }
            }
        }
    }
}

/// The styles the report uses, in the built-in look, where the document
/// (a template) does not define them.
fn add_missing_styles(mut doc: Docx) -> Docx {
    let heading = |id: &str, name: &str, level: usize, size: usize| {
        let before = [360, 240, 200][level.min(2)];
        Style::new(id, StyleType::Paragraph)
            .line_spacing(LineSpacing::new().before(before).after(100))
            .name(name)
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .bold()
            .size(size)
            .color(ACCENT)
            .outline_lvl(level)
    };
    let wanted = [
        Style::new("Normal", StyleType::Paragraph)
            .name("Normal")
            .q_format(true)
            .line_spacing(LineSpacing::new().after(100)),
        Style::new("Title", StyleType::Paragraph)
            .name("Title")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(56)
            .color(ACCENT),
        Style::new("Subtitle", StyleType::Paragraph)
            .name("Subtitle")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .size(30)
            .color(MUTED),
        heading("Heading1", "heading 1", 0, 34),
        heading("Heading2", "heading 2", 1, 26),
        heading("Heading3", "heading 3", 2, 22),
        Style::new("Caption", StyleType::Paragraph)
            .name("caption")
            .based_on("Normal")
            .next("Normal")
            .q_format(true)
            .italic()
            .size(18)
            .color(MUTED),
        Style::new("TOCHeading", StyleType::Paragraph)
            .name("TOC Heading")
            .based_on("Heading1")
            .next("Normal")
            .q_format(true),
    ];
    for style in wanted {
        if doc.styles.find_style_by_id(&style.style_id).is_none() {
            doc = doc.add_style(style);
        }
    }
    doc
}

struct Writer {
    doc: Docx,
    lang: Lang,
    figures: usize,
    painter: Painter,
}

/// A table cell's content and look.
struct Cell {
    text: String,
    numeric: bool,
    bold: bool,
}

fn cell(text: impl Into<String>) -> Cell {
    Cell {
        text: text.into(),
        numeric: false,
        bold: false,
    }
}

fn num(text: impl Into<String>) -> Cell {
    Cell {
        numeric: true,
        ..cell(text)
    }
}

impl Writer {
    fn pick<'s>(&self, nb: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(nb, en)
    }

    fn push(&mut self, p: Paragraph) {
        let doc = std::mem::take(&mut self.doc);
        self.doc = doc.add_paragraph(p);
    }

    fn heading(&mut self, level: usize, text: &str, new_page: bool) {
        let p = Paragraph::new()
            .style(&format!("Heading{level}"))
            .keep_next(true)
            .page_break_before(new_page)
            .add_run(Run::new().add_text(text));
        self.push(p);
    }

    fn para(&mut self, text: &str) {
        self.push(Paragraph::new().add_run(Run::new().add_text(text)));
    }

    fn muted(&mut self, text: &str) {
        self.push(
            Paragraph::new().add_run(Run::new().add_text(text).italic().color(MUTED).size(19)),
        );
    }

    /// One of the evaluators' texts, a paragraph per line; in a draft, one
    /// not written yet says so.
    fn text(&mut self, r: &Report, text: &Text) {
        if text.is_empty() {
            if r.is_draft() {
                self.muted(words::not_written(self.lang));
            }
            return;
        }
        for p in &text.paragraphs {
            self.para(p);
        }
    }

    /// A table of `widths` (twips); the first row is the header.
    fn table(&mut self, widths: &[usize], rows: Vec<Vec<Cell>>) {
        let total: usize = widths.iter().sum();
        let rows: Vec<TableRow> = rows
            .into_iter()
            .enumerate()
            .map(|(i, row)| {
                let header = i == 0;
                let cells = row
                    .into_iter()
                    .zip(widths)
                    .map(|(c, &w)| {
                        let mut run = Run::new().add_text(c.text).size(19);
                        if header {
                            run = run.bold().color("FFFFFF");
                        } else if c.bold {
                            run = run.bold();
                        }
                        let mut p = Paragraph::new().add_run(run);
                        if c.numeric {
                            p = p.align(AlignmentType::Right);
                        }
                        let bottom = TableCellBorder::new(TableCellBorderPosition::Bottom)
                            .color(if c.bold { ACCENT } else { LINE })
                            .size(if c.bold { 8 } else { 4 });
                        let mut tc = TableCell::new()
                            .add_paragraph(p)
                            .width(w, WidthType::Dxa)
                            .set_borders(TableCellBorders::with_empty().set(bottom));
                        if header {
                            tc = tc.shading(Shading::new().fill(ACCENT));
                        } else if c.bold {
                            tc = tc.shading(Shading::new().fill(ACCENT_SOFT));
                        }
                        tc
                    })
                    .collect();
                TableRow::new(cells).cant_split()
            })
            .collect();
        let borders = TableBorders::with_empty().set(
            TableBorder::new(TableBorderPosition::Bottom)
                .color(LINE)
                .size(4),
        );
        let table = Table::new(rows)
            .set_grid(widths.to_vec())
            .width(total, WidthType::Dxa)
            .set_borders(borders);
        let doc = std::mem::take(&mut self.doc);
        self.doc = doc.add_table(table);
        // Word needs a paragraph between two tables, and space after one.
        self.push(Paragraph::new());
    }

    /// A chart as a picture at the text's width, and its numbered caption.
    fn figure(&mut self, svg: &str, caption: &str) -> Result<(), String> {
        self.figures += 1;
        let Png {
            bytes: png,
            width: w,
            height: h,
        } = self.painter.png(svg)?;
        // The text width in EMU (635 to the twip), the height in proportion.
        let width_emu = (TEXT_WIDTH * 635) as u32;
        let height_emu = (f64::from(width_emu) * f64::from(h) / f64::from(w)) as u32;
        let pic = Pic::new_with_dimensions(png, w, h).size(width_emu, height_emu);
        self.push(
            Paragraph::new()
                .keep_next(true)
                .add_run(Run::new().add_image(pic)),
        );
        let label = format!("{} {}. ", self.pick("Figur", "Figure"), self.figures);
        self.push(
            Paragraph::new()
                .style("Caption")
                .add_run(Run::new().add_text(label).bold())
                .add_run(Run::new().add_text(caption)),
        );
        Ok(())
    }

    fn report(&mut self, r: &Report) -> Result<(), String> {
        self.cover(r);
        self.contents();
        self.summary(r)?;
        self.standing(r)?;
        self.history(r)?;
        for a in &r.areas {
            self.area(r, a)?;
        }
        if r.shows(&r.way_forward) {
            self.heading(1, words::way_forward_heading(self.lang), true);
            self.text(r, &r.way_forward);
        }
        self.priorities(r);
        self.method(r);
        self.footer(r);
        Ok(())
    }

    fn cover(&mut self, r: &Report) {
        self.push(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(r.title.framework.clone())),
        );
        self.push(
            Paragraph::new()
                .style("Title")
                .add_run(Run::new().add_text(words::subtitle(r))),
        );
        self.push(
            Paragraph::new()
                .style("Subtitle")
                .add_run(Run::new().add_text(format!(
                    "{} · {}",
                    words::year_text(r),
                    self.pick(
                        "Rapport til kommunestyret",
                        "Report to the municipal council"
                    )
                ))),
        );
        for (k, v) in words::title_facts(r) {
            self.push(
                Paragraph::new()
                    .add_run(Run::new().add_text(format!("{k}: ")).bold())
                    .add_run(Run::new().add_text(v)),
            );
        }
        if r.is_draft() {
            self.push(
                Paragraph::new().add_run(
                    Run::new()
                        .add_text(words::draft_notice(r))
                        .bold()
                        .color(WEAKNESS),
                ),
            );
        }
    }

    /// A table of contents Word fills in when the document is opened.
    fn contents(&mut self) {
        self.push(
            Paragraph::new()
                .style("TOCHeading")
                .page_break_before(true)
                .add_run(Run::new().add_text(self.pick("Innhold", "Contents"))),
        );
        let doc = std::mem::take(&mut self.doc);
        self.doc = doc.add_table_of_contents(
            TableOfContents::new()
                .heading_styles_range(1, 1)
                .auto()
                .dirty(),
        );
    }

    fn summary(&mut self, r: &Report) -> Result<(), String> {
        self.heading(1, words::summary_heading(self.lang), true);
        self.para(&words::intro(r));
        if let Some(h) = words::highlights(r) {
            self.para(&h);
        }
        if r.shows(&r.summary) {
            self.heading(2, words::summary_text_heading(self.lang), false);
            self.text(r, &r.summary);
        }
        let mut total = format!(
            "{}: {} {} {} {}.",
            self.pick("Totalt", "Total"),
            r.total.points.display,
            self.pick("av", "of"),
            r.total.max.display,
            self.pick("poeng", "points")
        );
        if let Some(c) = &r.total.change {
            total.push_str(&format!(
                " {} {}: {} {}.",
                self.pick("Endring siden", "Change since"),
                c.since,
                c.display,
                self.pick("poeng", "points")
            ));
        }
        self.push(Paragraph::new().add_run(Run::new().add_text(total).bold()));
        // The areas beside every baseline, then the total.
        let (header, body) = words::summary_table(r);
        let columns = header.len();
        // The area's name as text, every figure right-aligned.
        let cells = |texts: Vec<String>, bold: bool| -> Vec<_> {
            texts
                .into_iter()
                .enumerate()
                .map(|(i, t)| {
                    let mut c = if i == 0 { cell(t) } else { num(t) };
                    c.bold = bold;
                    c
                })
                .collect()
        };
        let mut rows = vec![cells(header, false)];
        rows.extend(body.into_iter().map(|(texts, bold)| cells(texts, bold)));
        let first = TEXT_WIDTH * 2 / 5;
        let rest = (TEXT_WIDTH - first) / (columns - 1);
        let mut widths = vec![first];
        widths.extend(std::iter::repeat_n(rest, columns - 1));
        self.table(&widths, rows);
        let categories: Vec<String> = r
            .areas
            .iter()
            .map(|a| format!("{} {}", a.id, a.title))
            .collect();
        let chart = svg::grouped_bars(
            "bars",
            self.pick("Poeng per fokusområde", "Points per focus area"),
            "",
            &categories,
            &svg::area_series(r),
            &svg::area_axis(r),
        );
        let mut caption = match r.baselines.is_empty() {
            true => self.pick("Poeng per fokusområde.", "Points per focus area.").to_owned(),
            false => self
                .pick(
                    "Poeng per fokusområde, sammenlignet med tidligere evalueringer og gjennomsnitt.",
                    "Points per focus area, compared with earlier evaluations and averages.",
                )
                .to_owned(),
        };
        if r.has_fictional_baselines() {
            caption.push(' ');
            caption.push_str(words::fictional_notice(self.lang));
        }
        self.figure(&chart, &caption)
    }

    /// The place among a benchmark's evaluations: the chart of every
    /// evaluation's total by year, the places by area and in total.
    fn standing(&mut self, r: &Report) -> Result<(), String> {
        let Some(bm) = &r.benchmark else {
            return Ok(());
        };
        self.heading(1, words::standing_heading(self.lang), true);
        self.para(&words::rank_sentence(r, bm));
        if let Some(chart) = svg::standing_chart(r, bm) {
            let mut caption = chart.caption;
            if bm.fictional {
                caption = format!("{caption} {}", words::fictional_notice(self.lang));
            }
            self.figure(&chart.svg, &caption)?;
        }
        let table = words::rank_table(r, bm);
        let last = table.len() - 1;
        let rows = table
            .into_iter()
            .enumerate()
            .map(|(i, [area, points, place, of])| {
                let mut row = vec![cell(area), num(points), num(place), num(of)];
                for c in &mut row {
                    c.bold = i == last;
                }
                row
            })
            .collect();
        let first = TEXT_WIDTH / 2;
        let rest = (TEXT_WIDTH - first) / 3;
        self.table(&[first, rest, rest, rest], rows);
        self.muted(words::ties_note(self.lang));
        Ok(())
    }

    /// The municipality's own evaluations, oldest first: the total and the
    /// areas as line charts and a table with the changes.
    fn history(&mut self, r: &Report) -> Result<(), String> {
        let Some(h) = &r.history else {
            return Ok(());
        };
        self.heading(1, words::history_heading(self.lang), true);
        self.para(&words::history_sentence(r, h));
        let [total, areas] = svg::history_charts(r, h);
        let mut caption = words::history_caption(self.lang).to_owned();
        if h.columns.iter().any(|c| c.fictional) {
            caption = format!("{caption} {}", words::fictional_notice(self.lang));
        }
        self.figure(
            &total,
            self.pick("Totalpoeng over tid.", "Total points over time."),
        )?;
        self.figure(&areas, &caption)?;
        let mut head = vec![cell(self.pick("Fokusområde", "Focus area"))];
        head.extend(h.columns.iter().map(|c| num(words::history_column(c))));
        let mut rows = vec![head];
        for row in h.areas.iter().chain(std::iter::once(&h.total)) {
            let mut cells = vec![cell(words::history_row_label(row))];
            cells.extend(
                row.values
                    .iter()
                    .zip(&row.changes)
                    .map(|(v, c)| num(words::history_cell(v.as_ref(), c.as_ref()))),
            );
            if row.id == "total" {
                for c in &mut cells {
                    c.bold = true;
                }
            }
            rows.push(cells);
        }
        let first = TEXT_WIDTH * 2 / 5;
        let rest = (TEXT_WIDTH - first) / h.columns.len().max(1);
        let mut widths = vec![first];
        widths.extend(std::iter::repeat_n(rest, h.columns.len()));
        self.table(&widths, rows);
        self.muted(words::history_changes_note(self.lang));
        Ok(())
    }

    fn area(&mut self, r: &Report, a: &AreaReport) -> Result<(), String> {
        self.heading(
            1,
            &format!(
                "{} {}: {}",
                self.pick("Fokusområde", "Focus area"),
                a.id,
                a.title
            ),
            true,
        );
        self.muted(&format!(
            "{} {}: {}",
            self.pick("Perspektiv", "Perspective"),
            a.perspective,
            a.perspective_title
        ));
        let mut score = vec![
            Run::new().add_text(format!("{}: ", self.pick("Poengskår", "Score"))),
            Run::new()
                .add_text(a.points.display.clone())
                .bold()
                .size(32)
                .color(ACCENT),
            Run::new().add_text(format!(" {} {}", self.pick("av", "of"), a.max.display)),
        ];
        if let Some(c) = &a.change {
            score.push(Run::new().add_text(format!(
                " ({} {} {})",
                c.display,
                self.pick("siden", "since"),
                c.since
            )));
        }
        let mut p = Paragraph::new();
        for run in score {
            p = p.add_run(run);
        }
        self.push(p);
        let others: Vec<String> = a
            .baselines
            .iter()
            .filter_map(|c| {
                c.points
                    .as_ref()
                    .map(|p| format!("{}: {}", c.baseline, p.display))
            })
            .collect();
        if !others.is_empty() {
            self.para(&format!(
                "{}: {}",
                self.pick("Til sammenligning", "For comparison"),
                others.join(" · ")
            ));
        }
        self.heading(2, self.pick("Poengfordeling", "Score breakdown"), false);
        let mut head = vec![
            cell(""),
            cell(self.pick("Delområde", "Sub-area")),
            num(r.current_label()),
        ];
        head.extend(r.baselines.iter().map(|b| num(b.label.clone())));
        head.push(num(self.pick("Maks", "Max")));
        let columns = head.len();
        let mut rows = vec![head];
        let mut sum = vec![
            cell(format!("{}.", a.id)),
            cell(a.title.clone()),
            num(a.points.display.clone()),
        ];
        sum.extend(
            a.baselines
                .iter()
                .zip(&r.baselines)
                .map(|(c, info)| num(words::comparison(c, info, r.lang))),
        );
        sum.push(num(a.max.display.clone()));
        for c in &mut sum {
            c.bold = true;
        }
        rows.push(sum);
        for s in &a.subareas {
            let mut row = vec![
                cell(s.id.clone()),
                cell(s.title.clone()),
                num(s.points.display.clone()),
            ];
            row.extend(
                s.baselines
                    .iter()
                    .zip(&r.baselines)
                    .map(|(c, info)| num(words::comparison(c, info, r.lang))),
            );
            row.push(num(format_points(s.max.value, 0, self.lang)));
            rows.push(row);
        }
        let id_w = 620;
        let title_w = TEXT_WIDTH * 2 / 5;
        let rest = (TEXT_WIDTH - id_w - title_w) / (columns - 2);
        let mut widths = vec![id_w, title_w];
        widths.extend(std::iter::repeat_n(rest, columns - 2));
        self.table(&widths, rows);
        if let Some(note) = words::unscored(a, self.lang) {
            self.muted(&note);
        }
        if r.shows(&a.assessment) {
            self.heading(2, words::assessment_heading(self.lang), false);
            self.text(r, &a.assessment);
        }
        for kind in FindingKind::ALL {
            self.heading(2, kind.heading(self.lang), false);
            let items = a.findings.column(kind);
            if items.is_empty() {
                self.muted(self.pick("Ingen registrert", "None recorded"));
            }
            for f in items {
                let mut p =
                    Paragraph::new().numbering(NumberingId::new(BULLETS), IndentLevel::new(0));
                if f.best_practice {
                    p = p.add_run(Run::new().add_text("★ ").bold().color(GOLD));
                }
                p = p.add_run(Run::new().add_text(f.text.clone()));
                if let Some(count) = f.note(self.lang) {
                    p = p.add_run(Run::new().add_text(format!(" ({count})")).color(MUTED));
                }
                self.push(p);
            }
        }
        if FindingKind::ALL
            .iter()
            .any(|&k| a.findings.column(k).iter().any(|f| f.best_practice))
        {
            self.push(
                Paragraph::new()
                    .add_run(Run::new().add_text("★ ").bold().color(GOLD))
                    .add_run(
                        Run::new()
                            .add_text(words::best_practice_legend(self.lang))
                            .color(MUTED)
                            .size(19),
                    ),
            );
        }
        Ok(())
    }

    fn priorities(&mut self, r: &Report) {
        self.heading(1, words::priorities_heading(self.lang), true);
        self.para(words::priorities_lead(self.lang));
        if r.priorities.is_empty() {
            self.muted(self.pick(
                "Ingen prioriteringer registrert.",
                "No priorities recorded.",
            ));
            return;
        }
        let mut rows = vec![vec![
            cell(self.pick("Tema", "Theme")),
            num(self.pick("Antall", "Count")),
            cell(self.pick("Slik det ble sagt", "As it was put")),
        ]];
        for p in &r.priorities {
            rows.push(vec![
                cell(p.theme.clone()),
                num(p.count.to_string()),
                cell(p.wordings.join(" · ")),
            ]);
        }
        self.table(
            &[
                TEXT_WIDTH * 35 / 100,
                TEXT_WIDTH * 12 / 100,
                TEXT_WIDTH * 53 / 100,
            ],
            rows,
        );
    }

    fn method(&mut self, r: &Report) {
        let m = &r.method;
        self.heading(1, self.pick("Metode", "Method"), true);
        self.para(&words::method_intro(r));
        self.heading(2, self.pick("Intervjuer med", "Interviews with"), false);
        for role in &m.roles {
            self.push(
                Paragraph::new()
                    .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                    .add_run(Run::new().add_text(role.label.clone()))
                    .add_run(
                        Run::new()
                            .add_text(format!(" ({})", words::role_count(role, self.lang)))
                            .color(MUTED),
                    ),
            );
        }
        let names = m.interviews.iter().any(|i| i.names.is_some());
        let mut head = vec![
            cell(self.pick("Dato", "Date")),
            cell(self.pick("Roller", "Roles")),
            num(self.pick("Personer", "People")),
        ];
        if names {
            head.push(cell(self.pick("Navn", "Names")));
        }
        let mut rows = vec![head];
        for i in &m.interviews {
            let mut row = vec![
                cell(i.date_display.clone()),
                cell(i.roles.join(", ")),
                num(i.people.to_string()),
            ];
            if let Some(n) = &i.names {
                row.push(cell(n.join(", ")));
            }
            rows.push(row);
        }
        let widths: Vec<usize> = if names {
            vec![1800, 3000, 1000, TEXT_WIDTH - 5800]
        } else {
            vec![2200, TEXT_WIDTH - 3400, 1200]
        };
        self.table(&widths, rows);
        self.heading(2, self.pick("Poenggivning", "Scoring"), false);
        for p in &m.scoring_rule {
            self.para(p);
        }
        let mut head = vec![num(self.pick("Verdi", "Value"))];
        head.extend(m.dimensions.iter().map(|d| cell(d.label.clone())));
        let mut rows = vec![head];
        for value in m.scale_min..=m.scale_max {
            let mut row = vec![num(value.to_string())];
            for d in &m.dimensions {
                let text = d
                    .levels
                    .iter()
                    .find(|l| l.value == value)
                    .map_or("", |l| l.text.as_str());
                row.push(cell(text));
            }
            rows.push(row);
        }
        let dims = m.dimensions.len().max(1);
        let mut widths = vec![700];
        widths.extend(std::iter::repeat_n(
            (TEXT_WIDTH - 700) / dims,
            m.dimensions.len(),
        ));
        self.table(&widths, rows);
        self.para(&words::coverage(r));
        self.heading(2, self.pick("Overstyringer", "Overrides"), false);
        if r.overrides.is_empty() {
            self.para(words::no_overrides(self.lang));
        } else {
            let mut rows = vec![vec![
                cell(self.pick("Spørsmål", "Question")),
                cell(self.pick("Endring", "Change")),
                cell(self.pick("Begrunnelse", "Reason")),
            ]];
            for o in &r.overrides {
                let changes: Vec<String> = o.changes.iter().map(words::override_change).collect();
                rows.push(vec![
                    cell(format!("{} {}", o.question, o.question_text)),
                    cell(changes.join("; ")),
                    cell(o.reason.clone()),
                ]);
            }
            self.table(
                &[
                    TEXT_WIDTH * 45 / 100,
                    TEXT_WIDTH * 20 / 100,
                    TEXT_WIDTH * 35 / 100,
                ],
                rows,
            );
        }
        if !r.baselines.is_empty() {
            self.heading(2, self.pick("Sammenligningsgrunnlag", "Comparisons"), false);
            for b in &r.baselines {
                let mut line = format!("{} – {}", b.label, words::baseline_kind(b.kind, self.lang));
                for extra in [&b.source, &b.note].into_iter().flatten() {
                    line.push_str(&format!(". {extra}"));
                }
                self.push(
                    Paragraph::new()
                        .numbering(NumberingId::new(BULLETS), IndentLevel::new(0))
                        .add_run(Run::new().add_text(line)),
                );
            }
            if r.has_fictional_baselines() {
                self.push(
                    Paragraph::new().add_run(
                        Run::new()
                            .add_text(words::fictional_notice(self.lang))
                            .bold()
                            .color("8A3B00"),
                    ),
                );
            }
        }
        self.heading(2, self.pick("Spørsmålsbank", "Question bank"), false);
        self.para(&words::bank_line(r));
    }

    /// "Kommunekompasset 2026 · Eksempelvik kommune · Side 3 av 20", unless
    /// a template brings its own footer.
    fn footer(&mut self, r: &Report) {
        if self.doc.document.section_property.footer.is_some() {
            return;
        }
        let text = format!("{} · {} · ", words::edition(r), r.municipality_long());
        let p = Paragraph::new()
            .align(AlignmentType::Right)
            .add_run(Run::new().add_text(text).size(16).color(MUTED))
            .add_run(
                Run::new()
                    .add_text(format!("{} ", self.pick("Side", "Page")))
                    .size(16)
                    .color(MUTED),
            )
            .add_page_num(PageNum::new())
            .add_run(
                Run::new()
                    .add_text(format!(" {} ", self.pick("av", "of")))
                    .size(16)
                    .color(MUTED),
            )
            .add_num_pages(NumPages::new());
        let doc = std::mem::take(&mut self.doc);
        self.doc = doc.footer(Footer::new().add_paragraph(p));
    }
}
