//! The council's slide deck as PowerPoint (issue 15), in the order of the
//! seed deck: title; the compass and its four perspectives; scoring; the
//! method; the evaluators' summary; the total against each baseline; the
//! eight areas as a chart and a table; per perspective a divider and per
//! area a points slide and a findings slide (two or more when the lists are
//! long); the way forward; the priorities; a closing slide.
//!
//! The deck is built on a template: the built-in one
//! (`assets/report/deck.pptx`, made by `scripts/make_deck_template.py`) or
//! the consultancy's own (`--template`). Slides are added from the
//! template's layouts, found by their type (title, title and content, title
//! only, section header), so the template's fonts, colours, logo and
//! placeholders apply. Titles and body text are in the layouts'
//! placeholders; tables, charts and the finding columns are placed by
//! fractions of the template's slide size.
//!
//! The `pptx` crate does the package: reading the template, parts,
//! relationships, content types, slides and notes slides. The shapes' XML
//! is written in [`shapes`], the charts in [`chart`] (each says why).

mod chart;
mod shapes;

use pptx::Presentation;
use pptx::opc::{PackURI, Part};
use pptx::slide::SlideRef;

use self::chart::{BarChart, ChartSeries};
use self::shapes::{Align, Bullet, Cell, Color, Fit, GOLD, MUTED, Para, Rect, Run, Shapes};
use super::model::{AreaReport, FindingItem, Points, Report, Text};
use super::picture::{Painter, Png};
use super::svg;
use super::words;
use crate::core::lang::Lang;
use crate::core::session::FindingKind;

/// The built-in look: 16:9, the report's colours.
pub const BUILTIN_TEMPLATE: &[u8] = include_bytes!("../../../assets/report/deck.pptx");

const CT_CHART: &str = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const CT_XLSX: &str = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
const RT_CHART: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/chart";
const RT_IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";
const RT_PACKAGE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/package";
const RT_NOTES_SLIDE: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesSlide";
const RT_NOTES_MASTER: &str =
    "http://schemas.openxmlformats.org/officeDocument/2006/relationships/notesMaster";

/// Finding columns: the heading's colour and the bullet's.
const STRENGTH: Color = Color::Rgb("2F6B3B");
const CHALLENGE: Color = Color::Rgb("875800");
const WEAKNESS: Color = Color::Rgb("9B2C2C");

/// How many lines of findings a column holds on one slide, and how many
/// characters a line; a longer list continues on the next slide.
const COLUMN_LINES: usize = 15;
const LINE_CHARS: usize = 44;
/// A single finding longer than this is cut on the slide (with "…"); the
/// notes hold the whole text.
const FINDING_CHARS: usize = 420;
/// Priorities per slide.
const PRIORITY_ROWS: usize = 12;

/// Renders the deck on the given template (the built-in one when `None`).
pub fn render(r: &Report, template: Option<&[u8]>) -> Result<Vec<u8>, String> {
    let mut deck = Deck::open(r, template.unwrap_or(BUILTIN_TEMPLATE))?;
    deck.build(r)?;
    deck.finish()
}

/// The layouts the deck uses, by type.
struct Layouts {
    title: pptx::slide::SlideLayoutRef,
    content: pptx::slide::SlideLayoutRef,
    title_only: pptx::slide::SlideLayoutRef,
    section: pptx::slide::SlideLayoutRef,
}

struct Deck {
    prs: Presentation,
    layouts: Layouts,
    width: i64,
    height: i64,
    lang: Lang,
    xml_lang: &'static str,
    /// Loads the fonts for pictures of charts when the first is drawn.
    painter: Option<Painter>,
}

/// What a slide holds besides its shapes: a native chart, or a picture of
/// one of the report's SVG charts (a scatter or line chart the native chart
/// writer does not draw) with its description.
enum Graphic {
    Chart(BarChart),
    Picture(Png, String),
}

/// The largest rectangle of the picture's proportions inside `rect`, at its
/// top left.
fn fit_picture(rect: Rect, width: u32, height: u32) -> Rect {
    let ratio = f64::from(height) / f64::from(width.max(1));
    let h = (rect.w as f64 * ratio) as i64;
    if h <= rect.h {
        Rect { h, ..rect }
    } else {
        Rect {
            w: (rect.h as f64 / ratio) as i64,
            ..rect
        }
    }
}

fn failed(what: &str) -> impl Fn(pptx::PptxError) -> String + '_ {
    move |e| format!("{what}: {e}")
}

impl Deck {
    fn open(r: &Report, template: &[u8]) -> Result<Deck, String> {
        let lang = r.lang;
        let not_a_deck = |e: pptx::PptxError| {
            format!(
                "{}: {e}",
                lang.pick(
                    "malen er ikke en PowerPoint-fil (.pptx) som kan leses",
                    "the template is not a PowerPoint file (.pptx) that can be read"
                )
            )
        };
        let mut prs = Presentation::from_bytes(template).map_err(not_a_deck)?;
        // A template's own slides are examples, not part of the report.
        for slide in prs.slides().map_err(not_a_deck)? {
            remove_slide(&mut prs, &slide).map_err(not_a_deck)?;
        }
        let layouts = find_layouts(&prs, lang)?;
        let (width, height) = prs
            .slide_size()
            .map_err(not_a_deck)?
            .unwrap_or((12_192_000, 6_858_000));
        Ok(Deck {
            prs,
            layouts,
            width,
            height,
            lang,
            xml_lang: match lang {
                Lang::Nb => "nb-NO",
                Lang::En => "en-GB",
            },
            painter: None,
        })
    }

    fn pick<'s>(&self, nb: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(nb, en)
    }

    /// A rectangle in fractions of the slide.
    fn at(&self, x: f64, y: f64, w: f64, h: f64) -> Rect {
        Rect {
            x: (self.width as f64 * x) as i64,
            y: (self.height as f64 * y) as i64,
            w: (self.width as f64 * w) as i64,
            h: (self.height as f64 * h) as i64,
        }
    }

    /// Adds a slide of `layout` with `shapes`, its charts and pictures and
    /// its notes.
    fn add(
        &mut self,
        layout: &pptx::slide::SlideLayoutRef,
        mut shapes: Shapes,
        graphics: Vec<(Rect, Graphic)>,
        notes: &[String],
    ) -> Result<(), String> {
        let slide = self
            .prs
            .add_slide(layout)
            .map_err(failed("cannot add a slide"))?;
        for (i, (rect, graphic)) in graphics.into_iter().enumerate() {
            match graphic {
                Graphic::Chart(chart) => {
                    let r_id = self.add_chart(&slide, &chart)?;
                    shapes.chart(&format!("Chart {}", i + 1), rect, &r_id);
                }
                Graphic::Picture(png, description) => {
                    let r_id = self.add_image(&slide, png.bytes)?;
                    let rect = fit_picture(rect, png.width, png.height);
                    shapes.picture(&format!("Picture {}", i + 1), rect, &r_id, &description);
                }
            }
        }
        let xml = self
            .prs
            .slide_xml_mut(&slide)
            .map_err(failed("cannot write a slide"))?;
        let text = String::from_utf8_lossy(xml).into_owned();
        let at = text
            .rfind("</p:spTree>")
            .ok_or("a new slide has no shape tree")?;
        *xml = format!("{}{}{}", &text[..at], shapes.xml, &text[at..]).into_bytes();
        if !notes.is_empty() {
            self.add_notes(&slide, notes)?;
        }
        Ok(())
    }

    /// The chart part and its workbook, related to the slide; returns the
    /// slide's relationship id for the chart.
    fn add_chart(&mut self, slide: &SlideRef, chart: &BarChart) -> Result<String, String> {
        let package = self.prs.package_mut();
        let chart_name = package
            .next_partname("/ppt/charts/chart{}.xml")
            .map_err(failed("cannot name a chart"))?;
        let book_name = package
            .next_partname("/ppt/embeddings/Microsoft_Excel_Worksheet{}.xlsx")
            .map_err(failed("cannot name a chart's workbook"))?;
        let mut part = Part::new(
            chart_name.clone(),
            CT_CHART,
            chart.xml(self.xml_lang).into_bytes(),
        );
        part.rels.add_relationship(
            RT_PACKAGE,
            book_name.relative_ref(chart_name.base_uri()),
            false,
        );
        package.put_part(part);
        package.put_part(Part::new(book_name, CT_XLSX, chart.workbook()?));
        let slide_part = package
            .part_mut(&slide.partname)
            .ok_or("a new slide is missing")?;
        Ok(slide_part.rels.add_relationship(
            RT_CHART,
            chart_name.relative_ref(slide.partname.base_uri()),
            false,
        ))
    }

    /// A PNG image part related to the slide; returns the relationship id.
    fn add_image(&mut self, slide: &SlideRef, png: Vec<u8>) -> Result<String, String> {
        let package = self.prs.package_mut();
        let name = package
            .next_partname("/ppt/media/image{}.png")
            .map_err(failed("cannot name a picture"))?;
        package.put_part(Part::new(name.clone(), "image/png", png));
        let slide_part = package
            .part_mut(&slide.partname)
            .ok_or("a new slide is missing")?;
        Ok(slide_part.rels.add_relationship(
            RT_IMAGE,
            name.relative_ref(slide.partname.base_uri()),
            false,
        ))
    }

    /// The speaker notes: one paragraph per string, in the notes body.
    fn add_notes(&mut self, slide: &SlideRef, notes: &[String]) -> Result<(), String> {
        let master = self
            .prs
            .notes_master_or_create()
            .map_err(failed("cannot add notes"))?;
        let notes_ref = self
            .prs
            .notes_slide_or_create(slide)
            .map_err(failed("cannot add notes"))?;
        let package = self.prs.package_mut();
        let part = package
            .part_mut(&notes_ref.partname)
            .ok_or("a new notes slide is missing")?;
        // The crate relates the notes slide to its slide only; PowerPoint
        // also wants its notes master.
        part.rels.or_add(
            RT_NOTES_MASTER,
            &master.partname.relative_ref(notes_ref.partname.base_uri()),
            false,
        );
        let paras: Vec<Para> = notes.iter().map(Para::text).collect();
        let body = shapes::text_body("p:txBody", &paras, "<a:bodyPr/>", self.xml_lang);
        let text = String::from_utf8_lossy(&part.blob).into_owned();
        let empty = "<p:txBody><a:bodyPr/><a:lstStyle/><a:p><a:endParaRPr lang=\"en-US\"/></a:p></p:txBody>";
        if !text.contains(empty) {
            return Err("the notes slide has an unexpected form".into());
        }
        part.blob = text.replacen(empty, &body, 1).into_bytes();
        Ok(())
    }

    fn finish(mut self) -> Result<Vec<u8>, String> {
        ensure_notes_master_listed(&mut self.prs)?;
        let bytes = self
            .prs
            .to_bytes()
            .map_err(failed("cannot write the deck"))?;
        super::package::with_fixed_times(&bytes)
    }

    fn shapes(&self) -> Shapes {
        Shapes::new(self.xml_lang)
    }

    fn title_shapes(&self, title: &str) -> Shapes {
        let mut s = self.shapes();
        s.placeholder("type=\"title\"", &[Para::text(title)], None, Fit::Shrink);
        s
    }

    /// A slide of the title-and-content layout: the title and paragraphs in
    /// the body placeholder.
    fn content_slide(
        &mut self,
        title: &str,
        body: &[Para],
        notes: &[String],
    ) -> Result<(), String> {
        let mut s = self.title_shapes(title);
        s.placeholder("idx=\"1\"", body, None, Fit::Shrink);
        let layout = self.layouts.content.clone();
        self.add(&layout, s, Vec::new(), notes)
    }

    fn build(&mut self, r: &Report) -> Result<(), String> {
        self.properties(r)?;
        self.title_slide(r)?;
        self.compass_slide(r)?;
        self.scoring_slide(r)?;
        self.method_slide(r)?;
        if r.shows(&r.summary) {
            let body = self.text_paras(r, &r.summary);
            self.content_slide(
                words::summary_heading(self.lang),
                &body,
                &r.summary.paragraphs,
            )?;
        }
        self.total_slide(r)?;
        self.areas_slide(r)?;
        self.standing_slide(r)?;
        self.history_slide(r)?;
        let mut perspective = None;
        for a in &r.areas {
            if perspective != Some(&a.perspective) {
                perspective = Some(&a.perspective);
                self.section_slide(r, a)?;
            }
            self.points_slide(r, a)?;
            self.findings_slides(a)?;
        }
        if r.shows(&r.way_forward) {
            let body = self.text_paras(r, &r.way_forward);
            self.content_slide(
                words::way_forward_heading(self.lang),
                &body,
                &r.way_forward.paragraphs,
            )?;
        }
        self.priorities_slides(r)?;
        self.closing_slide(r)
    }

    /// The file's properties: the report's title, the evaluators, the day
    /// the assessment was saved (not the template's, nor today's, so that
    /// one assessment gives one file).
    fn properties(&mut self, r: &Report) -> Result<(), String> {
        let mut props = pptx::CoreProperties::new();
        props.set_title(format!("{} – {}", words::edition(r), r.municipality_long()));
        props.set_author(r.title.evaluators.join(", "));
        props.set_last_modified_by("Kompass");
        let day = format!("{}T00:00:00Z", r.title.date);
        props.set_created(day.clone());
        props.set_modified(day);
        props.set_revision("1");
        props.set_language(self.xml_lang);
        self.prs
            .set_core_properties(&props)
            .map_err(failed("cannot write the deck's properties"))
    }

    /// One of the evaluators' texts as paragraphs without bullets; in a
    /// draft, one not written yet says so.
    fn text_paras(&self, r: &Report, text: &Text) -> Vec<Para> {
        if text.is_empty() {
            return vec![
                Para::new(vec![
                    Run::new(words::not_written(r.lang)).italic().color(MUTED),
                ])
                .bullet(Bullet::None),
            ];
        }
        text.paragraphs
            .iter()
            .map(|p| Para::text(p.as_str()).bullet(Bullet::None).space_after(6))
            .collect()
    }

    fn title_slide(&mut self, r: &Report) -> Result<(), String> {
        let mut s = self.shapes();
        s.placeholder(
            "type=\"ctrTitle\"",
            &[Para::text(words::edition(r))],
            None,
            Fit::Shrink,
        );
        let mut sub = vec![
            Para::new(vec![Run::new(r.municipality_long()).bold()]).bullet(Bullet::None),
            Para::text(self.pick(
                "Rapport til kommunestyret",
                "Report to the municipal council",
            ))
            .bullet(Bullet::None),
            Para::text(r.title.date_display.clone()).bullet(Bullet::None),
        ];
        if !r.title.evaluators.is_empty() {
            sub.push(Para::text(r.title.evaluators.join(", ")).bullet(Bullet::None));
        }
        if r.is_draft() {
            sub.push(
                Para::new(vec![
                    Run::new(words::draft_notice(r)).bold().color(WEAKNESS),
                ])
                .bullet(Bullet::None),
            );
        }
        s.placeholder("type=\"subTitle\" idx=\"1\"", &sub, None, Fit::Shrink);
        let notes = vec![words::subtitle(r), words::interview_count(r)];
        let layout = self.layouts.title.clone();
        self.add(&layout, s, Vec::new(), &notes)
    }

    /// The four perspectives and their areas (the seed's "Kommuneoppdraget").
    fn compass_slide(&mut self, r: &Report) -> Result<(), String> {
        let mut body = Vec::new();
        let mut perspective = None;
        for a in &r.areas {
            if perspective != Some(&a.perspective) {
                perspective = Some(&a.perspective);
                body.push(Para::new(vec![
                    Run::new(format!("{} {}", a.perspective, a.perspective_title)).bold(),
                ]));
            }
            body.push(Para::text(format!("{} {}", a.id, a.title)).level(1));
        }
        let title = format!(
            "{}: {} {} – {} {}",
            r.title.framework,
            count_perspectives(r),
            self.pick("perspektiver", "perspectives"),
            r.areas.len(),
            self.pick("fokusområder", "focus areas")
        );
        self.content_slide(&title, &body, &[words::intro(r)])
    }

    fn scoring_slide(&mut self, r: &Report) -> Result<(), String> {
        let m = &r.method;
        let mut body = vec![Para::text(format!(
            "{} {} – {} {}",
            r.areas.len(),
            self.pick("fokusområder", "focus areas"),
            r.total.questions,
            self.pick("spørsmål", "questions")
        ))];
        if let Some(each) = words::area_max(r) {
            body.push(Para::text(format!(
                "{each} {} – {} {}",
                self.pick("poeng på hvert område", "points per area"),
                self.pick("maks", "at most"),
                r.total.max.display
            )));
        }
        body.push(Para::text(self.pick(
            "Hvert spørsmål vurderes på tre dimensjoner:",
            "Each question is scored on three dimensions:",
        )));
        for d in &m.dimensions {
            let top = d.levels.last().map(|l| l.text.as_str()).unwrap_or("");
            let mut runs = vec![Run::new(d.label.clone()).bold()];
            if !top.is_empty() {
                runs.push(Run::new(format!(
                    " – {} {}: {top}",
                    self.pick("høyeste nivå", "top level"),
                    m.scale_max
                )));
            }
            body.push(Para::new(runs).level(1));
        }
        self.content_slide(self.pick("Poenggivning", "Scoring"), &body, &m.scoring_rule)
    }

    fn method_slide(&mut self, r: &Report) -> Result<(), String> {
        let m = &r.method;
        let mut body = vec![Para::new(vec![
            Run::new(self.pick("Intervjuer med:", "Interviews with:")).bold(),
        ])];
        for role in &m.roles {
            body.push(
                Para::new(vec![
                    Run::new(role.label.clone()),
                    Run::new(format!(" ({})", words::role_count(role, self.lang))).color(MUTED),
                ])
                .level(1),
            );
        }
        if m.roles.is_empty() {
            body.push(
                Para::text(self.pick("Ingen intervjuer ennå.", "No interviews yet.")).level(1),
            );
        }
        body.push(Para::text(words::method_intro(r)));
        let mut notes = vec![words::interview_count(r)];
        // Names only on request (--names), and then in the notes, with the
        // date and roles of each interview.
        for i in &m.interviews {
            if let Some(names) = &i.names {
                notes.push(format!(
                    "{} · {} · {}",
                    i.date_display,
                    i.roles.join(", "),
                    names.join(", ")
                ));
            }
        }
        self.content_slide(self.pick("Metode", "Method"), &body, &notes)
    }

    /// The colour of each series of the area chart: this evaluation the
    /// theme's first accent, earlier evaluations shades of the second,
    /// averages the third and on.
    fn series_colors(r: &Report) -> Vec<(Option<usize>, Color)> {
        let mut out = vec![(None, Color::Scheme("accent1"))];
        // The same baselines as the report's area chart (the last earlier
        // evaluation; the history slide shows them all).
        let (earlier, averages) = super::svg::area_series_baselines(r);
        // The most recent earlier evaluation darkest.
        const SHADES: [(u32, u32); 4] =
            [(100000, 0), (75000, 25000), (50000, 50000), (40000, 60000)];
        for (k, &i) in earlier.iter().rev().enumerate() {
            let (m, o) = SHADES[k.min(SHADES.len() - 1)];
            out.push((Some(i), Color::Tint("accent2", m, o)));
        }
        const AVERAGES: [&str; 3] = ["accent3", "accent4", "accent5"];
        for (k, i) in averages.into_iter().enumerate() {
            out.push((Some(i), Color::Scheme(AVERAGES[k % AVERAGES.len()])));
        }
        out
    }

    /// The total against each baseline: a table and a bar per evaluation.
    fn total_slide(&mut self, r: &Report) -> Result<(), String> {
        let t = &r.total;
        let title = format!(
            "{} {}",
            self.pick("Resultater", "Results"),
            r.title.municipality
        );
        let mut s = self.title_shapes(&title);
        let size = 16;
        let mut rows = vec![vec![
            Cell::text(self.pick("Evaluering", "Evaluation"), size),
            Cell::number(self.pick("Poeng", "Points"), size),
        ]];
        rows.push(vec![
            Cell::text(r.current_label(), size).sum(),
            Cell::number(t.points.display.clone(), size).sum(),
        ]);
        let mut categories = vec![r.current_label()];
        let mut values = vec![Some(t.points.shown())];
        let mut colors = vec![Color::Scheme("accent1")];
        let palette = Self::series_colors(r);
        for (b, c) in r.baselines.iter().zip(&t.baselines) {
            rows.push(vec![
                Cell::text(b.label.clone(), size),
                Cell::number(words::comparison(c, b, self.lang), size),
            ]);
            if let Some(p) = &c.points {
                categories.push(b.label.clone());
                values.push(Some(p.shown()));
                let i = r.baselines.iter().position(|x| x.label == b.label);
                colors.push(
                    palette
                        .iter()
                        .find(|(k, _)| *k == i)
                        .map_or(Color::Scheme("accent2"), |(_, c)| *c),
                );
            }
        }
        rows.push(vec![
            Cell::text(self.pick("Maks", "Max"), size),
            Cell::number(t.max.display.clone(), size),
        ]);
        let table = self.at(0.05, 0.24, 0.36, 0.06 * rows.len() as f64);
        s.table("Total", table, &[table.w * 7 / 10, table.w * 3 / 10], &rows);
        let mut notes = vec![format!(
            "{} {} {} {}.",
            self.pick("Totalt", "Total"),
            t.points.display,
            self.pick("av", "of"),
            t.max.display
        )];
        if let Some(ch) = &t.change {
            let text = format!(
                "{} {} {}",
                ch.display,
                self.pick("poeng siden", "points since"),
                ch.since
            );
            s.text_box(
                "Change",
                self.at(0.05, 0.27 + 0.06 * rows.len() as f64, 0.36, 0.08),
                &[Para::new(vec![Run::new(text.clone()).bold().size(20)]).bullet(Bullet::None)],
                None,
                "t",
                Fit::None,
            );
            notes.push(text);
        }
        if r.has_fictional_baselines() {
            s.text_box(
                "Fictional",
                self.at(0.05, 0.86, 0.9, 0.06),
                &[Para::new(vec![
                    Run::new(words::fictional_notice(self.lang))
                        .size(11)
                        .color(MUTED),
                ])],
                None,
                "b",
                Fit::None,
            );
        }
        let max = t.max.shown().max(1.0);
        let chart = BarChart {
            categories,
            series: vec![ChartSeries {
                name: self.pick("Poeng", "Points").to_owned(),
                color: Color::Scheme("accent1"),
                values,
                point_colors: colors,
                labels: true,
            }],
            horizontal: false,
            max,
            major_unit: nice_unit(max),
            format: "0",
            legend: false,
            font_size: 1200,
        };
        let layout = self.layouts.title_only.clone();
        self.add(
            &layout,
            s,
            vec![(self.at(0.45, 0.2, 0.5, 0.66), Graphic::Chart(chart))],
            &notes,
        )
    }

    /// A picture of one of the report's SVG charts.
    fn picture(&mut self, svg: &str, description: &str) -> Result<Graphic, String> {
        let png = self.painter.get_or_insert_with(Painter::new).png(svg)?;
        Ok(Graphic::Picture(png, description.to_owned()))
    }

    /// A small note at the foot of a slide.
    fn foot_note(&self, s: &mut Shapes, text: &str) {
        s.text_box(
            "Note",
            self.at(0.04, 0.88, 0.92, 0.08),
            &[Para::new(vec![Run::new(text).size(11).color(MUTED)])],
            None,
            "b",
            Fit::Shrink,
        );
    }

    /// The place among a benchmark's evaluations (the seed deck's "Norge
    /// 2012–2023"): every evaluation's total by year with this
    /// municipality's marked, and the places by area and in total beside it.
    fn standing_slide(&mut self, r: &Report) -> Result<(), String> {
        let Some(bm) = &r.benchmark else {
            return Ok(());
        };
        let mut s = self.title_shapes(words::standing_heading(self.lang));
        let sentence = words::rank_sentence(r, bm);
        s.text_box(
            "Place",
            self.at(0.04, 0.17, 0.92, 0.07),
            &[Para::new(vec![Run::new(sentence.clone()).bold().size(16)]).bullet(Bullet::None)],
            None,
            "t",
            Fit::Shrink,
        );
        let mut notes = vec![sentence];
        let mut graphics = Vec::new();
        if let Some(chart) = svg::standing_chart(r, bm) {
            let mut caption = chart.caption;
            if bm.fictional {
                caption = format!("{caption} {}", words::fictional_notice(self.lang));
            }
            self.foot_note(&mut s, &caption);
            graphics.push((
                self.at(0.04, 0.25, 0.56, 0.62),
                self.picture(&chart.svg, &caption)?,
            ));
            notes.push(caption);
        }
        let size = 12;
        let rows: Vec<Vec<Cell>> = words::rank_table(r, bm)
            .into_iter()
            .enumerate()
            .map(|(i, [area, points, place, of])| {
                let total = i > 0 && i == bm.rank.areas.len() + 1;
                let mut row = vec![
                    Cell::text(area, size),
                    Cell::number(points, size),
                    Cell::number(place, size).bold(),
                    Cell::number(of, size),
                ];
                if total {
                    row = row.into_iter().map(Cell::sum).collect();
                }
                row
            })
            .collect();
        let table = self.at(0.62, 0.25, 0.35, 0.055 * rows.len() as f64);
        let first = table.w * 55 / 100;
        let rest = (table.w - first) / 3;
        s.table("Places", table, &[first, rest, rest, rest], &rows);
        notes.push(words::ties_note(self.lang).to_owned());
        let layout = self.layouts.title_only.clone();
        self.add(&layout, s, graphics, &notes)
    }

    /// The municipality's own evaluations, oldest first: the total and the
    /// areas as line charts, and a table of every figure with its change.
    fn history_slide(&mut self, r: &Report) -> Result<(), String> {
        let Some(h) = &r.history else {
            return Ok(());
        };
        let mut s = self.title_shapes(words::history_heading(self.lang));
        let sentence = words::history_sentence(r, h);
        let mut caption = words::history_caption(self.lang).to_owned();
        if h.columns.iter().any(|c| c.fictional) {
            caption = format!("{caption} {}", words::fictional_notice(self.lang));
        }
        self.foot_note(&mut s, &caption);
        let [total, areas] = svg::history_charts(r, h);
        let graphics = vec![
            (
                self.at(0.03, 0.17, 0.5, 0.27),
                self.picture(&total, &sentence)?,
            ),
            (
                self.at(0.03, 0.45, 0.5, 0.43),
                self.picture(&areas, &caption)?,
            ),
        ];
        let size = 10;
        let mut head = vec![Cell::text(self.pick("Fokusområde", "Focus area"), size)];
        head.extend(
            h.columns
                .iter()
                .map(|c| Cell::number(words::history_column(c), size)),
        );
        let mut rows = vec![head];
        for row in h.areas.iter().chain(std::iter::once(&h.total)) {
            let mut cells = vec![Cell::text(words::history_row_label(row), size)];
            cells.extend(
                row.values
                    .iter()
                    .zip(&row.changes)
                    .map(|(v, c)| Cell::number(words::history_cell(v.as_ref(), c.as_ref()), size)),
            );
            if row.id == "total" {
                cells = cells.into_iter().map(Cell::sum).collect();
            }
            rows.push(cells);
        }
        let table = self.at(0.55, 0.17, 0.43, 0.06 * rows.len() as f64);
        let first = table.w * 2 / 5;
        let rest = (table.w - first) / h.columns.len().max(1) as i64;
        let mut widths = vec![first];
        widths.extend(std::iter::repeat_n(rest, h.columns.len()));
        s.table("History", table, &widths, &rows);
        let notes = vec![
            sentence,
            caption,
            words::history_changes_note(self.lang).to_owned(),
        ];
        let layout = self.layouts.title_only.clone();
        self.add(&layout, s, graphics, &notes)
    }

    /// The areas as a chart of every evaluation and a table beside it.
    fn areas_slide(&mut self, r: &Report) -> Result<(), String> {
        let title = self
            .pick("Poeng per fokusområde", "Points per focus area")
            .to_owned();
        let mut s = self.title_shapes(&title);
        let palette = Self::series_colors(r);
        let mut series = Vec::new();
        for (baseline, color) in &palette {
            let (name, values) = match baseline {
                None => (
                    r.current_label(),
                    r.areas.iter().map(|a| Some(a.points.shown())).collect(),
                ),
                Some(i) => (
                    r.baselines[*i].label.clone(),
                    r.areas
                        .iter()
                        .map(|a| a.baselines[*i].points.as_ref().map(Points::shown))
                        .collect(),
                ),
            };
            series.push(ChartSeries {
                name,
                color: *color,
                values,
                point_colors: Vec::new(),
                labels: baseline.is_none(),
            });
        }
        let max = r
            .areas
            .iter()
            .map(|a| a.max.shown())
            .fold(0.0, f64::max)
            .max(1.0);
        let chart = BarChart {
            categories: r
                .areas
                .iter()
                .map(|a| format!("{} {}", a.id, a.title))
                .collect(),
            series,
            horizontal: true,
            max,
            major_unit: nice_unit(max),
            format: "0",
            legend: true,
            font_size: 1100,
        };
        // The table: area, this evaluation, each baseline, max.
        let size = if r.baselines.len() > 2 { 10 } else { 12 };
        let mut head = vec![
            Cell::text(self.pick("Fokusområde", "Focus area"), size),
            Cell::number(r.current_label(), size),
        ];
        head.extend(
            r.baselines
                .iter()
                .map(|b| Cell::number(b.label.clone(), size)),
        );
        let mut rows = vec![head];
        for a in &r.areas {
            let mut row = vec![
                Cell::text(format!("{} {}", a.id, a.title), size),
                Cell::number(a.points.display.clone(), size).bold(),
            ];
            row.extend(
                a.baselines
                    .iter()
                    .zip(&r.baselines)
                    .map(|(c, info)| Cell::number(words::comparison(c, info, self.lang), size)),
            );
            rows.push(row);
        }
        let mut total = vec![
            Cell::text(self.pick("Totalt", "Total"), size).sum(),
            Cell::number(r.total.points.display.clone(), size).sum(),
        ];
        total.extend(
            r.total
                .baselines
                .iter()
                .zip(&r.baselines)
                .map(|(c, info)| Cell::number(words::comparison(c, info, self.lang), size).sum()),
        );
        rows.push(total);
        let table = self.at(0.5, 0.2, 0.46, 0.062 * rows.len() as f64);
        let numbers = rows[0].len() - 1;
        let first = table.w * 2 / 5;
        let rest = (table.w - first) / numbers as i64;
        let mut widths = vec![first];
        widths.extend(std::iter::repeat_n(rest, numbers));
        s.table("Areas", table, &widths, &rows);
        let notes = words::highlights(r).into_iter().collect::<Vec<_>>();
        let layout = self.layouts.title_only.clone();
        self.add(
            &layout,
            s,
            vec![(self.at(0.03, 0.2, 0.46, 0.72), Graphic::Chart(chart))],
            &notes,
        )
    }

    /// The divider before a perspective's areas, as in the seed deck.
    fn section_slide(&mut self, r: &Report, first: &AreaReport) -> Result<(), String> {
        let mut s = self.title_shapes(&format!(
            "{} {}",
            first.perspective, first.perspective_title
        ));
        let body: Vec<Para> = r
            .areas
            .iter()
            .filter(|a| a.perspective == first.perspective)
            .map(|a| {
                Para::text(format!(
                    "{} {} · {} {} {}",
                    a.id,
                    a.title,
                    a.points.display,
                    self.pick("av", "of"),
                    a.max.display
                ))
                .bullet(Bullet::None)
            })
            .collect();
        s.placeholder("type=\"body\" idx=\"1\"", &body, None, Fit::Shrink);
        let layout = self.layouts.section.clone();
        self.add(&layout, s, Vec::new(), &[])
    }

    /// "Poengfordeling område N": the sub-areas, this evaluation, the
    /// baselines and the maximum; the area's score; the evaluators'
    /// assessment below.
    fn points_slide(&mut self, r: &Report, a: &AreaReport) -> Result<(), String> {
        let title = format!(
            "{} {}: {}",
            self.pick("Poengfordeling område", "Score breakdown, area"),
            a.id,
            a.title
        );
        let mut s = self.title_shapes(&title);
        let size = if r.baselines.len() > 2 { 11 } else { 13 };
        let mut head = vec![
            Cell::text("", size),
            Cell::text(self.pick("Delområde", "Sub-area"), size),
            Cell::number(r.current_label(), size),
        ];
        head.extend(
            r.baselines
                .iter()
                .map(|b| Cell::number(b.label.clone(), size)),
        );
        head.push(Cell::number(self.pick("Maks", "Max"), size));
        let mut rows = vec![head];
        let mut sum = vec![
            Cell::text(format!("{}.", a.id), size).sum(),
            Cell::text(a.title.clone(), size).sum(),
            Cell::number(a.points.display.clone(), size).sum(),
        ];
        sum.extend(
            a.baselines
                .iter()
                .zip(&r.baselines)
                .map(|(c, info)| Cell::number(words::comparison(c, info, self.lang), size).sum()),
        );
        sum.push(Cell::number(a.max.display.clone(), size).sum());
        rows.push(sum);
        for sub in &a.subareas {
            let mut row = vec![
                Cell::text(sub.id.clone(), size),
                Cell::text(sub.title.clone(), size),
                Cell::number(sub.points.display.clone(), size),
            ];
            row.extend(
                sub.baselines
                    .iter()
                    .zip(&r.baselines)
                    .map(|(c, info)| Cell::number(words::comparison(c, info, self.lang), size)),
            );
            row.push(Cell::number(
                crate::core::exact::format_points(sub.max.value, 0, self.lang),
                size,
            ));
            rows.push(row);
        }
        let row_h = 0.058;
        let table = self.at(0.05, 0.22, 0.7, row_h * rows.len() as f64);
        let numbers = rows[0].len() - 2;
        let id_w = table.w / 14;
        let title_w = table.w * 6 / 14;
        let rest = (table.w - id_w - title_w) / numbers as i64;
        let mut widths = vec![id_w, title_w];
        widths.extend(std::iter::repeat_n(rest, numbers));
        s.table("Score breakdown", table, &widths, &rows);
        // The score, as the seed's "Poengskår".
        let mut score = vec![
            Para::new(vec![
                Run::new(self.pick("Poengskår", "Score"))
                    .size(14)
                    .color(MUTED),
            ])
            .bullet(Bullet::None)
            .align(Align::Center),
            Para::new(vec![
                Run::new(a.points.display.clone())
                    .bold()
                    .size(54)
                    .color(Color::Scheme("accent1")),
            ])
            .bullet(Bullet::None)
            .align(Align::Center),
            Para::new(vec![
                Run::new(format!("{} {}", self.pick("av", "of"), a.max.display))
                    .size(14)
                    .color(MUTED),
            ])
            .bullet(Bullet::None)
            .align(Align::Center),
        ];
        if let Some(ch) = &a.change {
            score.push(
                Para::new(vec![
                    Run::new(format!(
                        "{} {} {}",
                        ch.display,
                        self.pick("siden", "since"),
                        ch.since
                    ))
                    .bold()
                    .size(16),
                ])
                .bullet(Bullet::None)
                .align(Align::Center),
            );
        }
        s.text_box(
            "Score",
            self.at(0.78, 0.22, 0.17, 0.3),
            &score,
            Some(Color::Tint("accent1", 20000, 80000)),
            "ctr",
            Fit::None,
        );
        let mut notes = Vec::new();
        if let Some(note) = words::unscored(a, self.lang) {
            notes.push(note);
        }
        let below = 0.22 + row_h * rows.len() as f64 + 0.03;
        if r.shows(&a.assessment) && below < 0.85 {
            let mut paras = vec![
                Para::new(vec![
                    Run::new(words::assessment_heading(self.lang))
                        .bold()
                        .color(Color::Scheme("accent1")),
                ])
                .bullet(Bullet::None),
            ];
            paras.extend(self.text_paras(r, &a.assessment));
            s.text_box(
                "Assessment",
                self.at(0.05, below, 0.9, 0.92 - below),
                &paras,
                None,
                "t",
                Fit::Shrink,
            );
        }
        if !a.assessment.is_empty() {
            notes.push(format!("{}:", words::assessment_heading(self.lang)));
            notes.extend(a.assessment.paragraphs.iter().cloned());
        }
        let layout = self.layouts.title_only.clone();
        self.add(&layout, s, Vec::new(), &notes)
    }

    /// "Fokusområde N": Styrker, Utfordringer, Svakheter in three columns,
    /// over as many slides as the longest column needs.
    fn findings_slides(&mut self, a: &AreaReport) -> Result<(), String> {
        let columns: Vec<Vec<Vec<&FindingItem>>> = FindingKind::ALL
            .iter()
            .map(|&k| pages(a.findings.column(k)))
            .collect();
        let count = columns.iter().map(Vec::len).max().unwrap_or(1).max(1);
        let any_star = FindingKind::ALL
            .iter()
            .any(|&k| a.findings.column(k).iter().any(|f| f.best_practice));
        for page in 0..count {
            let mut title = format!(
                "{} {}: {}",
                self.pick("Fokusområde", "Focus area"),
                a.id,
                a.title
            );
            if count > 1 {
                title.push_str(&format!(" ({}/{count})", page + 1));
            }
            let mut s = self.title_shapes(&title);
            s.text_box(
                "Score",
                self.at(0.7, 0.15, 0.25, 0.06),
                &[Para::new(vec![
                    Run::new(format!("{} ", self.pick("Poengskår:", "Score:"))).color(MUTED),
                    Run::new(a.points.display.clone())
                        .bold()
                        .color(Color::Scheme("accent1")),
                    Run::new(format!(" {} {}", self.pick("av", "of"), a.max.display)).color(MUTED),
                ])
                .bullet(Bullet::None)
                .align(Align::Right)],
                None,
                "ctr",
                Fit::None,
            );
            let mut notes = Vec::new();
            for (c, (&kind, pages)) in FindingKind::ALL.iter().zip(&columns).enumerate() {
                let color = match kind {
                    FindingKind::Strength => STRENGTH,
                    FindingKind::Challenge => CHALLENGE,
                    FindingKind::Weakness => WEAKNESS,
                };
                let x = 0.05 + c as f64 * 0.305;
                s.text_box(
                    kind.heading(self.lang),
                    self.at(x, 0.22, 0.29, 0.065),
                    &[Para::new(vec![
                        Run::new(kind.heading(self.lang))
                            .bold()
                            .size(18)
                            .color(Color::Scheme("bg1")),
                    ])
                    .bullet(Bullet::None)],
                    Some(color),
                    "ctr",
                    Fit::None,
                );
                let items = pages.get(page).map(Vec::as_slice).unwrap_or(&[]);
                let mut paras: Vec<Para> = items
                    .iter()
                    .map(|f| {
                        let mut runs = Vec::new();
                        if f.best_practice {
                            runs.push(Run::new("★ ").bold().color(GOLD));
                        }
                        runs.push(Run::new(cut(&f.text)));
                        if let Some(count) = f.note(self.lang) {
                            runs.push(Run::new(format!(" ({count})")).color(MUTED));
                        }
                        Para::new(runs)
                            .bullet(Bullet::Char('♦', color))
                            .space_after(4)
                    })
                    .collect();
                if a.findings.column(kind).is_empty() && page == 0 {
                    paras.push(
                        Para::new(vec![
                            Run::new(self.pick("Ingen registrert", "None recorded"))
                                .italic()
                                .color(MUTED),
                        ])
                        .bullet(Bullet::None),
                    );
                }
                s.text_box(
                    &format!("{} list", kind.heading(self.lang)),
                    self.at(x, 0.295, 0.29, 0.58),
                    &paras,
                    Some(Color::Tint("bg1", 95000, 0)),
                    "t",
                    Fit::Shrink,
                );
                if !items.is_empty() {
                    notes.push(format!("{}:", kind.heading(self.lang)));
                    notes.extend(items.iter().map(|f| {
                        let star = if f.best_practice { "★ " } else { "" };
                        let count = f
                            .note(self.lang)
                            .map(|c| format!(" ({c})"))
                            .unwrap_or_default();
                        format!("{star}{}{count}", f.text)
                    }));
                }
            }
            if any_star {
                s.text_box(
                    "Legend",
                    self.at(0.05, 0.885, 0.9, 0.05),
                    &[Para::new(vec![
                        Run::new("★ ").bold().color(GOLD).size(11),
                        Run::new(words::best_practice_legend(self.lang))
                            .size(11)
                            .color(MUTED),
                    ])
                    .bullet(Bullet::None)],
                    None,
                    "ctr",
                    Fit::None,
                );
            }
            let layout = self.layouts.title_only.clone();
            self.add(&layout, s, Vec::new(), &notes)?;
        }
        Ok(())
    }

    /// "Hva bør kommunen prioritere fremover?": themes with their counts.
    fn priorities_slides(&mut self, r: &Report) -> Result<(), String> {
        let title = words::priorities_heading(self.lang);
        if r.priorities.is_empty() {
            let body = vec![
                Para::text(self.pick(
                    "Ingen prioriteringer registrert.",
                    "No priorities recorded.",
                ))
                .bullet(Bullet::None),
            ];
            return self.content_slide(title, &body, &[]);
        }
        let chunks: Vec<_> = r.priorities.chunks(PRIORITY_ROWS).collect();
        for (i, chunk) in chunks.iter().enumerate() {
            let mut heading = title.to_owned();
            if chunks.len() > 1 {
                heading.push_str(&format!(" ({}/{})", i + 1, chunks.len()));
            }
            let mut s = self.title_shapes(&heading);
            let size = 14;
            let mut rows = vec![vec![
                Cell::text(self.pick("Tema", "Theme"), size),
                Cell::number(self.pick("Antall", "Count"), size),
            ]];
            for p in chunk.iter() {
                let text = match p.wordings.is_empty() {
                    true => p.theme.clone(),
                    false => format!("{} ({})", p.theme, p.wordings.join(" · ")),
                };
                rows.push(vec![
                    Cell::text(cut(&text), size),
                    Cell::number(p.count.to_string(), size),
                ]);
            }
            let table = self.at(0.05, 0.2, 0.9, 0.055 * rows.len() as f64);
            s.table(
                "Priorities",
                table,
                &[table.w * 85 / 100, table.w * 15 / 100],
                &rows,
            );
            let notes = vec![words::priorities_lead(self.lang).to_owned()];
            let layout = self.layouts.title_only.clone();
            self.add(&layout, s, Vec::new(), &notes)?;
        }
        Ok(())
    }

    fn closing_slide(&mut self, r: &Report) -> Result<(), String> {
        let mut s = self.shapes();
        s.placeholder(
            "type=\"ctrTitle\"",
            &[Para::text(
                self.pick("Takk for oppmerksomheten!", "Thank you!"),
            )],
            None,
            Fit::Shrink,
        );
        let mut sub = vec![Para::text(words::edition(r)).bullet(Bullet::None)];
        if !r.title.evaluators.is_empty() {
            sub.push(Para::text(r.title.evaluators.join(", ")).bullet(Bullet::None));
        }
        s.placeholder("type=\"subTitle\" idx=\"1\"", &sub, None, Fit::Shrink);
        let layout = self.layouts.title.clone();
        self.add(&layout, s, Vec::new(), &[])
    }
}

fn count_perspectives(r: &Report) -> usize {
    let mut seen: Vec<&str> = Vec::new();
    for a in &r.areas {
        if !seen.contains(&a.perspective.as_str()) {
            seen.push(&a.perspective);
        }
    }
    seen.len()
}

/// A gridline step of 1, 2 or 5 times a power of ten giving four to ten
/// lines.
fn nice_unit(max: f64) -> f64 {
    let mut unit = 1.0;
    loop {
        for step in [1.0, 2.0, 2.5, 5.0] {
            if max / (unit * step) <= 8.0 {
                return unit * step;
            }
        }
        unit *= 10.0;
    }
}

/// A finding as the slide prints it: whole, or cut at a word with "…"
/// when it alone would overflow the column (the notes keep all of it).
fn cut(text: &str) -> String {
    if text.chars().count() <= FINDING_CHARS {
        return text.to_owned();
    }
    let head: String = text.chars().take(FINDING_CHARS).collect();
    let at = head
        .rfind(' ')
        .filter(|&i| i > FINDING_CHARS / 2)
        .unwrap_or(head.len());
    format!("{}…", head[..at].trim_end())
}

/// The lines a finding takes in a column, roughly.
fn lines(f: &FindingItem) -> usize {
    cut(&f.text).chars().count().div_ceil(LINE_CHARS).max(1)
}

/// A column's findings split into slides of at most [`COLUMN_LINES`]
/// lines each; every finding whole on one slide.
fn pages(items: &[FindingItem]) -> Vec<Vec<&FindingItem>> {
    let mut out: Vec<Vec<&FindingItem>> = vec![Vec::new()];
    let mut used = 0;
    for f in items {
        let n = lines(f);
        if used + n > COLUMN_LINES && !out.last().is_some_and(Vec::is_empty) {
            out.push(Vec::new());
            used = 0;
        }
        out.last_mut().expect("never empty").push(f);
        used += n;
    }
    out
}

/// The layout's type attribute (`<p:sldLayout type="...">`).
fn layout_type(prs: &Presentation, layout: &pptx::slide::SlideLayoutRef) -> Option<String> {
    let part = prs.package().part(&layout.partname)?;
    let text = String::from_utf8_lossy(&part.blob);
    let head = &text[text.find("<p:sldLayout")?..];
    let head = &head[..head.find('>')?];
    let at = head.find(" type=\"")? + 7;
    Some(head[at..at + head[at..].find('"')?].to_owned())
}

fn find_layouts(prs: &Presentation, lang: Lang) -> Result<Layouts, String> {
    let all = prs
        .slide_layouts()
        .map_err(failed("cannot read the template's layouts"))?;
    let typed: Vec<(Option<String>, &pptx::slide::SlideLayoutRef)> =
        all.iter().map(|l| (layout_type(prs, l), l)).collect();
    let find = |kinds: &[&str]| {
        kinds.iter().find_map(|k| {
            typed
                .iter()
                .find(|(t, _)| t.as_deref() == Some(*k))
                .map(|(_, l)| (*l).clone())
        })
    };
    let missing = |what: &str| {
        format!(
            "{}: {what}",
            lang.pick(
                "malen mangler et oppsett (slide layout) som trengs",
                "the template lacks a slide layout the deck needs"
            )
        )
    };
    let content =
        find(&["obj", "tx", "twoObj"]).ok_or_else(|| missing("Title and Content (obj)"))?;
    Ok(Layouts {
        title: find(&["title"]).ok_or_else(|| missing("Title Slide (title)"))?,
        title_only: find(&["titleOnly"]).unwrap_or_else(|| content.clone()),
        section: find(&["secHead"]).unwrap_or_else(|| content.clone()),
        content,
    })
}

/// Removes a template's slide and its notes slide.
fn remove_slide(prs: &mut Presentation, slide: &SlideRef) -> pptx::PptxResult<()> {
    let notes: Option<PackURI> = prs.package().part(&slide.partname).and_then(|p| {
        p.rels
            .all_by_reltype(RT_NOTES_SLIDE)
            .first()
            .and_then(|rel| rel.target_partname(slide.partname.base_uri()).ok())
    });
    if let Some(n) = notes {
        prs.package_mut().remove_part(&n);
    }
    prs.delete_slide(slide)
}

/// PowerPoint finds the notes master through the presentation's
/// `<p:notesMasterIdLst>`, which the crate does not write.
fn ensure_notes_master_listed(prs: &mut Presentation) -> Result<(), String> {
    let Some(master) = prs
        .notes_master()
        .map_err(failed("cannot read the notes master"))?
    else {
        return Ok(());
    };
    let pres = prs
        .package()
        .part_by_reltype(
            "http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument",
        )
        .map_err(failed("cannot find the presentation"))?
        .partname
        .clone();
    let part = prs
        .package_mut()
        .part_mut(&pres)
        .ok_or("the presentation part is missing")?;
    let text = String::from_utf8_lossy(&part.blob).into_owned();
    if text.contains("<p:notesMasterIdLst>") {
        return Ok(());
    }
    let list = format!(
        "<p:notesMasterIdLst><p:notesMasterId r:id=\"{}\"/></p:notesMasterIdLst>",
        master.r_id.as_str()
    );
    let at = text
        .find("</p:sldMasterIdLst>")
        .map(|i| i + "</p:sldMasterIdLst>".len())
        .ok_or("the presentation lists no slide master")?;
    part.blob = format!("{}{list}{}", &text[..at], &text[at..]).into_bytes();
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(n: usize) -> FindingItem {
        FindingItem {
            text: "ord ".repeat(n).trim().to_owned(),
            best_practice: false,
            mentions: 1,
            own: false,
        }
    }

    #[test]
    fn long_columns_continue_on_the_next_slide_and_long_findings_are_cut() {
        let short: Vec<FindingItem> = (0..5).map(|_| finding(5)).collect();
        assert_eq!(pages(&short).len(), 1);
        let many: Vec<FindingItem> = (0..20).map(|_| finding(20)).collect();
        let split = pages(&many);
        assert!(split.len() > 1);
        assert_eq!(split.iter().map(Vec::len).sum::<usize>(), 20);
        let huge = finding(2000);
        let shown = cut(&huge.text);
        assert!(shown.ends_with('…') && shown.chars().count() <= FINDING_CHARS + 1);
        assert_eq!(pages(&[huge.clone(), huge]).len(), 2);
        assert!(pages(&[]).len() == 1);
    }

    #[test]
    fn gridline_steps_are_round() {
        assert_eq!(nice_unit(100.0), 20.0);
        assert_eq!(nice_unit(800.0), 100.0);
        assert_eq!(nice_unit(1.0), 1.0);
    }
}
