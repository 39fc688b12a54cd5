//! The report as one self-contained HTML file: inline CSS and SVG, no
//! script, nothing loaded from elsewhere. Reads on a screen as a stack of
//! sheets and prints to A4 with each focus area on its own page.

use std::fmt::Write;

use super::escape::{css_string, html as esc};
use super::model::{AreaReport, Change, Points, Report, Text};
use super::svg::{self, Series};
use super::words::{self, year_text};
use crate::core::baseline::BaselineKind;
use crate::core::exact::format_points;
use crate::core::lang::Lang;
use crate::core::session::FindingKind;

pub fn render(report: &Report) -> String {
    let mut page = Page {
        out: String::with_capacity(64 * 1024),
        report,
        lang: report.lang,
    };
    page.document();
    page.out
}

struct Page<'a> {
    out: String,
    report: &'a Report,
    lang: Lang,
}

impl Page<'_> {
    fn pick<'s>(&self, nb: &'s str, en: &'s str) -> &'s str {
        self.lang.pick(nb, en)
    }

    fn document(&mut self) {
        let r = self.report;
        let title = format!("{} – {}", words::edition(r), r.municipality_long());
        let footer = format!("{} · {}", words::edition(r), r.municipality_long());
        let page_word = self.pick("Side", "Page");
        let of_word = self.pick("av", "of");
        let _ = write!(
            self.out,
            "<!DOCTYPE html>\n<html lang=\"{}\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>{}</title>\n<style>\n{CSS}\n@page {{ @bottom-left {{ content: {}; font-size: 8pt; color: #5b6675; }} @bottom-right {{ content: {} counter(page) {} counter(pages); font-size: 8pt; color: #5b6675; }} }}\n</style>\n</head>\n<body>\n",
            r.lang.code(),
            esc(title.trim()),
            css_string(footer.trim()),
            css_string(&format!("{page_word} ")),
            css_string(&format!(" {of_word} ")),
        );
        self.cover();
        self.summary();
        self.overview();
        self.standing();
        self.history();
        for area in &r.areas {
            self.area(area);
        }
        self.way_forward();
        self.priorities();
        self.method();
        self.out.push_str("</body>\n</html>\n");
    }

    fn cover(&mut self) {
        let r = self.report;
        let _ = write!(
            self.out,
            "<section class=\"sheet cover\">\n<div class=\"cover-top\">{}<p class=\"eyebrow\">{}</p>\n<h1>{}</h1>\n<p class=\"cover-year\">{}</p>\n<p class=\"cover-sub\">{}</p>\n</div>\n<dl class=\"cover-meta\">\n",
            COMPASS_MARK,
            esc(&r.title.framework),
            esc(&words::subtitle(r)),
            esc(&year_text(r)),
            self.pick(
                "Rapport til kommunestyret",
                "Report to the municipal council"
            ),
        );
        for (k, v) in words::title_facts(r) {
            let _ = writeln!(
                self.out,
                "<div><dt>{}</dt><dd>{}</dd></div>",
                esc(k),
                esc(&v)
            );
        }
        self.out.push_str("</dl>\n");
        if let Some(draft) = &r.title.draft {
            let _ = writeln!(self.out, "<p class=\"draft\">{}</p>", esc(&draft.notice));
        }
        self.out.push_str("</section>\n");
    }

    fn summary(&mut self) {
        let r = self.report;
        let _ = write!(
            self.out,
            "<section class=\"sheet page summary\">\n<p class=\"eyebrow\">{}</p>\n<h2>{}</h2>\n",
            esc(&words::edition(r)),
            self.pick("Sammendrag", "Summary")
        );
        let _ = writeln!(self.out, "<p class=\"lead\">{}</p>", esc(&words::intro(r)));
        if let Some(h) = words::highlights(r) {
            let _ = writeln!(self.out, "<p class=\"lead\">{}</p>", esc(&h));
        }
        // Key figures: the total, the change, the averages, the interviews.
        self.out.push_str("<div class=\"cards\">\n");
        let of_max = format!(
            "{} {} {}",
            self.pick("av", "of"),
            r.total.max.display,
            self.pick("mulige poeng", "possible points")
        );
        self.card(
            self.pick("Totalt", "Total"),
            &r.total.points.display,
            "",
            &of_max,
        );
        if let Some(change) = &r.total.change {
            let since = format!(
                "{} {}",
                self.pick("poeng siden", "points since"),
                change.since
            );
            self.card(
                self.pick("Endring", "Change"),
                &change.display,
                change_class(change),
                &since,
            );
        }
        for (b, c) in r.baselines.iter().zip(&r.total.baselines) {
            if let (BaselineKind::Average, Some(p)) = (b.kind, &c.points) {
                self.card(
                    &words::average_heading(b, self.lang),
                    &p.display,
                    "average",
                    &b.label,
                );
            }
        }
        if let Some(bm) = &r.benchmark {
            let of = format!(
                "{} {} {}",
                self.pick("av", "of"),
                bm.n,
                self.pick("evaluerte", "evaluated")
            );
            self.card(
                self.pick("Plassering", "Place"),
                &bm.rank.total.to_string(),
                "",
                &of,
            );
        }
        let people = format!("{} {}", r.method.people, self.pick("personer", "people"));
        self.card(
            self.pick("Intervjuer", "Interviews"),
            &r.method.interviews.len().to_string(),
            "",
            &people,
        );
        self.out.push_str("</div>\n");
        let series = svg::area_series(self.report);
        let categories: Vec<String> = r
            .areas
            .iter()
            .map(|a| format!("{} {}", a.id, a.title))
            .collect();
        let heading = self.pick("Poeng per fokusområde", "Points per focus area");
        let chart = svg::grouped_bars(
            "bars",
            heading,
            &self.chart_description(),
            &categories,
            &series,
            &svg::area_axis(self.report),
        );
        let caption = match r.baselines.is_empty() {
            true => self.pick("Poeng per fokusområde.", "Points per focus area.").to_owned(),
            false => self
                .pick(
                    "Poeng per fokusområde, sammenlignet med tidligere evalueringer og gjennomsnitt.",
                    "Points per focus area, compared with earlier evaluations and averages.",
                )
                .to_owned(),
        };
        // The figures fill the summary's page; the evaluators' text, which
        // may be long, follows and runs on to the next.
        let _ = write!(
            self.out,
            "<figure class=\"headed\" style=\"--chart-height: {:.0}mm\">\n<h3>{}</h3>\n{chart}\n<figcaption>{}",
            summary_chart_height(r),
            esc(heading),
            esc(&caption)
        );
        self.fictional_note();
        self.out.push_str("</figcaption>\n</figure>\n");
        if r.shows(&r.summary) {
            let _ = writeln!(
                self.out,
                "<h3>{}</h3>",
                esc(words::summary_text_heading(self.lang))
            );
            self.text(&r.summary, "evaluators summary");
        }
        self.out.push_str("</section>\n");
    }

    fn card(&mut self, label: &str, big: &str, class: &str, sub: &str) {
        let _ = writeln!(
            self.out,
            "<div class=\"card {class}\"><div class=\"card-label\">{}</div><div class=\"big\">{}</div><div class=\"card-sub\">{}</div></div>",
            esc(label),
            esc(big),
            esc(sub)
        );
    }

    fn chart_description(&self) -> String {
        let r = self.report;
        r.areas
            .iter()
            .map(|a| {
                let mut s = format!("{} {}: {}", a.id, a.title, a.points.display);
                for c in &a.baselines {
                    if let Some(p) = &c.points {
                        let _ = write!(s, ", {} {}", c.baseline, p.display);
                    }
                }
                s
            })
            .collect::<Vec<_>>()
            .join("; ")
    }

    fn fictional_note(&mut self) {
        if self.report.has_fictional_baselines() {
            let _ = write!(
                self.out,
                " <strong class=\"fictional\">{}</strong>",
                words::fictional_notice(self.lang)
            );
        }
    }

    fn overview(&mut self) {
        let r = self.report;
        let _ = write!(
            self.out,
            "<section class=\"sheet page overview\">\n<h2>{}</h2>\n",
            self.pick("Fokusområdene samlet", "The focus areas together")
        );
        if r.areas.len() >= 3 {
            let series = svg::area_series(self.report);
            let categories: Vec<String> = r
                .areas
                .iter()
                .map(|a| format!("{} {}", a.id, a.title))
                .collect();
            let chart = svg::radar(
                "radar",
                self.pick(
                    "Profil over fokusområdene",
                    "Profile across the focus areas",
                ),
                &self.chart_description(),
                &categories,
                &series,
                &svg::area_axis(self.report),
            );
            let _ = write!(
                self.out,
                "<figure class=\"radar\">\n{chart}\n<figcaption>{}",
                esc(self.pick(
                    "Profil over fokusområdene. Jo lenger ut, jo nærmere idealkommunen. Tidligere evalueringer og gjennomsnitt er vist som linjer.",
                    "Profile across the focus areas. The further out, the closer to the ideal municipality. Earlier evaluations and averages are shown as lines."
                ))
            );
            self.fictional_note();
            self.out.push_str("</figcaption>\n</figure>\n");
        }
        // The table of area points.
        let _ = write!(
            self.out,
            "<table class=\"areas\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th>",
            self.pick("Fokusområde", "Focus area"),
            esc(&r.current_label())
        );
        for b in &r.baselines {
            let _ = write!(self.out, "<th class=\"num\">{}</th>", esc(&b.label));
        }
        if let Some(last) = &r.last_evaluation {
            let _ = write!(
                self.out,
                "<th class=\"num\">{} {}</th>",
                self.pick("Endring siden", "Change since"),
                esc(&last.since)
            );
        }
        let _ = writeln!(
            self.out,
            "<th class=\"num\">{}</th></tr></thead>\n<tbody>",
            self.pick("Maks", "Max")
        );
        for a in &r.areas {
            self.overview_row(
                &format!("{} {}", a.id, a.title),
                &a.points,
                &a.baselines,
                a.change.as_ref(),
                &a.max,
                "",
            );
        }
        let total = &r.total;
        self.overview_row(
            self.pick("Totalt", "Total"),
            &total.points,
            &total.baselines,
            total.change.as_ref(),
            &total.max,
            " class=\"sum\"",
        );
        self.out.push_str("</tbody>\n</table>\n</section>\n");
    }

    fn overview_row(
        &mut self,
        label: &str,
        points: &Points,
        baselines: &[super::model::Comparison],
        change: Option<&Change>,
        max: &Points,
        class: &str,
    ) {
        let _ = write!(
            self.out,
            "<tr{class}><td>{}</td><td class=\"num strong\">{}</td>",
            esc(label),
            esc(&points.display)
        );
        for (c, info) in baselines.iter().zip(&self.report.baselines) {
            let _ = write!(
                self.out,
                "<td class=\"num\">{}{}</td>",
                esc(c.points.as_ref().map_or("–", |p| p.display.as_str())),
                n_note(c, info, self.lang)
            );
        }
        if self.report.last_evaluation.is_some() {
            match change {
                Some(ch) => {
                    let _ = write!(
                        self.out,
                        "<td class=\"num {}\">{}</td>",
                        change_class(ch),
                        esc(&ch.display)
                    );
                }
                None => self.out.push_str("<td class=\"num\">–</td>"),
            }
        }
        let _ = writeln!(
            self.out,
            "<td class=\"num\">{}</td></tr>",
            esc(&max.display)
        );
    }

    /// The place among a benchmark's evaluations: rank by the total and per
    /// area, and every evaluation's total by year with this one marked.
    fn standing(&mut self) {
        let r = self.report;
        let Some(bm) = &r.benchmark else {
            return;
        };
        let _ = write!(
            self.out,
            "<section class=\"sheet page standing\">\n<h2>{}</h2>\n<p class=\"lead\">{}</p>\n",
            words::standing_heading(self.lang),
            esc(&words::rank_sentence(r, bm))
        );
        if let Some(chart) = svg::standing_chart(r, bm) {
            let _ = write!(
                self.out,
                "<figure>\n{}\n<figcaption>{}",
                chart.svg,
                esc(&chart.caption)
            );
            if bm.fictional {
                let _ = write!(
                    self.out,
                    " <strong class=\"fictional\">{}</strong>",
                    words::fictional_notice(self.lang)
                );
            }
            self.out.push_str("</figcaption>\n</figure>\n");
        }
        if !bm.rank.areas.is_empty() {
            let table = words::rank_table(r, bm);
            let last = table.len() - 1;
            for (i, [area, points, place, of]) in table.iter().enumerate() {
                let _ = writeln!(
                    self.out,
                    "{}<tr{}><{cell}>{}</{cell}><{cell} class=\"num\">{}</{cell}><{cell} class=\"num{}\">{}</{cell}><{cell} class=\"num\">{}</{cell}></tr>{}",
                    if i == 0 {
                        "<table class=\"ranks\">\n<thead>"
                    } else {
                        ""
                    },
                    if i == last { " class=\"sum\"" } else { "" },
                    esc(area),
                    esc(points),
                    if i > 0 && i < last { " strong" } else { "" },
                    esc(place),
                    esc(of),
                    match i {
                        0 => "</thead>\n<tbody>",
                        _ if i == last => "\n</tbody>\n</table>",
                        _ => "",
                    },
                    cell = if i == 0 { "th" } else { "td" },
                );
            }
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                esc(words::ties_note(self.lang))
            );
        }
        self.out.push_str("</section>\n");
    }

    /// The municipality's own evaluations over the years: the total and the
    /// areas as lines, and a table with the changes.
    fn history(&mut self) {
        let r = self.report;
        let Some(h) = &r.history else {
            return;
        };
        let _ = write!(
            self.out,
            "<section class=\"sheet page history\">\n<h2>{}</h2>\n<p class=\"lead\">{}</p>\n",
            words::history_heading(self.lang),
            esc(&words::history_sentence(r, h))
        );
        let [total_chart, areas_chart] = svg::history_charts(r, h);
        let _ = write!(
            self.out,
            "<figure>\n{total_chart}\n{areas_chart}\n<figcaption>{}",
            esc(words::history_caption(self.lang))
        );
        if h.columns.iter().any(|c| c.fictional) {
            let _ = write!(
                self.out,
                " <strong class=\"fictional\">{}</strong>",
                words::fictional_notice(self.lang)
            );
        }
        self.out.push_str("</figcaption>\n</figure>\n");
        let _ = write!(
            self.out,
            "<table class=\"history\">\n<thead><tr><th>{}</th>",
            self.pick("Fokusområde", "Focus area")
        );
        for c in &h.columns {
            let _ = write!(
                self.out,
                "<th class=\"num{}\">{}</th>",
                if c.current { " strong" } else { "" },
                esc(&c.label)
            );
        }
        self.out.push_str("</tr></thead>\n<tbody>\n");
        for row in h.areas.iter().chain(std::iter::once(&h.total)) {
            let _ = write!(
                self.out,
                "<tr{}><td>{}</td>",
                if row.id == "total" {
                    " class=\"sum\""
                } else {
                    ""
                },
                esc(&words::history_row_label(row))
            );
            for (v, ch) in row.values.iter().zip(&row.changes) {
                let change = ch.as_ref().map_or(String::new(), |c| {
                    format!(
                        " <span class=\"delta {}\">{}</span>",
                        change_class(c),
                        esc(&c.display)
                    )
                });
                let _ = write!(
                    self.out,
                    "<td class=\"num\">{}{change}</td>",
                    esc(v.as_ref().map_or("–", |p| p.display.as_str()))
                );
            }
            self.out.push_str("</tr>\n");
        }
        let _ = writeln!(
            self.out,
            "</tbody>\n</table>\n<p class=\"note\">{}</p>\n</section>",
            esc(words::history_changes_note(self.lang))
        );
    }

    fn area(&mut self, a: &AreaReport) {
        let r = self.report;
        let _ = write!(
            self.out,
            "<section class=\"sheet page area{}\" id=\"area-{}\">\n<p class=\"eyebrow\">{} {} · {} {} {}</p>\n<h2>{}</h2>\n",
            if nearly_fits(r, a) { " dense" } else { "" },
            esc(&a.id),
            self.pick("Fokusområde", "Focus area"),
            esc(&a.id),
            self.pick("Perspektiv", "Perspective"),
            esc(&a.perspective),
            esc(&a.perspective_title),
            esc(&a.title)
        );
        // The score and its comparisons.
        let _ = write!(
            self.out,
            "<div class=\"score-row\">\n<div class=\"score\"><div class=\"card-label\">{}</div><div><span class=\"big\" data-area=\"{}\">{}</span> <span class=\"card-sub\">{} {}</span></div>",
            self.pick("Poengskår", "Score"),
            esc(&a.id),
            esc(&a.points.display),
            self.pick("av", "of"),
            esc(&a.max.display)
        );
        if let Some(ch) = &a.change {
            let _ = write!(
                self.out,
                "<div class=\"chip {}\">{} {}</div>",
                change_class(ch),
                esc(&ch.display),
                esc(&format!("{} {}", self.pick("siden", "since"), ch.since))
            );
        }
        self.out.push_str("</div>\n");
        if !r.baselines.is_empty() {
            let series: Vec<Series> = svg::area_series(r)
                .into_iter()
                .map(|mut s| {
                    let i = r.areas.iter().position(|x| x.id == a.id).unwrap_or(0);
                    s.values = vec![s.values[i]];
                    s.displays = vec![s.displays[i].clone()];
                    s
                })
                .collect();
            let chart = svg::bar_rows(
                &format!("cmp-{}", a.id),
                &format!("{} {}", self.pick("Sammenligning", "Comparison"), a.title),
                &series
                    .iter()
                    .map(|s| format!("{}: {}", s.label, s.displays[0]))
                    .collect::<Vec<_>>()
                    .join("; "),
                &series,
                &svg::area_axis(self.report),
            );
            let _ = writeln!(self.out, "<div class=\"compare\">{chart}</div>");
        }
        self.out.push_str("</div>\n");
        self.score_table(a);
        if let Some(note) = words::unscored(a, self.lang) {
            let _ = writeln!(self.out, "<p class=\"note\">{}</p>", esc(&note));
        }
        if r.shows(&a.assessment) {
            let _ = writeln!(
                self.out,
                "<h3>{}</h3>",
                esc(words::assessment_heading(self.lang))
            );
            self.text(&a.assessment, "evaluators");
        }
        self.findings(a);
        self.out.push_str("</section>\n");
    }

    fn score_table(&mut self, a: &AreaReport) {
        let r = self.report;
        // Sub-area points of the last earlier evaluation, when it has them.
        let last = r
            .last_evaluation
            .as_ref()
            .and_then(|l| r.baselines.iter().position(|b| b.label == l.label))
            .filter(|&i| a.subareas.iter().any(|s| s.baselines[i].points.is_some()));
        let _ = write!(
            self.out,
            "<h3>{}</h3>\n<table class=\"breakdown\">\n<thead><tr><th class=\"id\"></th><th>{}</th><th class=\"num\">{}</th>",
            self.pick("Poengfordeling", "Score breakdown"),
            self.pick("Delområde", "Sub-area"),
            self.pick("Poeng", "Points")
        );
        if let Some(i) = last {
            let _ = write!(
                self.out,
                "<th class=\"num\">{}</th>",
                esc(&r.baselines[i].label)
            );
        }
        let _ = writeln!(
            self.out,
            "<th class=\"num\">{}</th></tr></thead>\n<tbody>",
            self.pick("Maks", "Max")
        );
        let baseline = |c: &[super::model::Comparison]| last.map(|i| c[i].points.clone());
        self.breakdown_row(
            true,
            &format!("{}.", a.id),
            &a.title,
            &a.points.display,
            baseline(&a.baselines).as_ref(),
            &a.max.display,
        );
        for s in &a.subareas {
            self.breakdown_row(
                false,
                &s.id,
                &s.title,
                &words::marked_points(s),
                baseline(&s.baselines).as_ref(),
                &format_points(s.max.value, 0, self.lang),
            );
        }
        self.out.push_str("</tbody>\n</table>\n");
        if let Some(note) = words::override_note(a, self.lang) {
            let _ = writeln!(self.out, "<p class=\"override-note\">{}</p>", esc(&note));
        }
    }

    /// A row of the score table: the area's own (`sum`) or a sub-area's;
    /// `baseline` is the last evaluation's column when it is shown
    /// (`Some(None)`: shown, but without a number).
    fn breakdown_row(
        &mut self,
        sum: bool,
        id: &str,
        title: &str,
        points: &str,
        baseline: Option<&Option<Points>>,
        max: &str,
    ) {
        let (class, data) = match sum {
            true => (" class=\"sum\"".to_owned(), String::new()),
            false => (String::new(), format!(" data-subarea=\"{}\"", esc(id))),
        };
        let _ = write!(
            self.out,
            "<tr{class}><td class=\"id\">{}</td><td>{}</td><td class=\"num\"{data}>{}</td>",
            esc(id),
            esc(title),
            esc(points)
        );
        if let Some(b) = baseline {
            let shown = b.as_ref().map_or("–", |p| p.display.as_str());
            let _ = write!(self.out, "<td class=\"num\">{}</td>", esc(shown));
        }
        let _ = writeln!(self.out, "<td class=\"num\">{}</td></tr>", esc(max));
    }

    fn findings(&mut self, a: &AreaReport) {
        // Three columns as in the deck. A table, so that a page that
        // continues a long column starts with the table's head again (the
        // area's name and the column headings: Chromium repeats a `thead`
        // on every page); each column keeps its own colour.
        let _ = write!(
            self.out,
            "<table class=\"findings\">\n<thead>\n<tr><th colspan=\"3\" class=\"findings-title\">{} – {}</th></tr>\n<tr>",
            self.pick("Funn", "Findings"),
            esc(&a.title)
        );
        for kind in FindingKind::ALL {
            let _ = write!(
                self.out,
                "<th class=\"kind {}\">{}</th>",
                kind.id(),
                esc(kind.heading(self.lang))
            );
        }
        self.out.push_str("</tr>\n</thead>\n<tbody><tr>\n");
        for kind in FindingKind::ALL {
            let items = a.findings.column(kind);
            // The heading again, shown above its column where the columns
            // stack (a narrow screen).
            let _ = writeln!(
                self.out,
                "<td class=\"col {}\" data-heading=\"{}\"><ul>",
                kind.id(),
                esc(kind.heading(self.lang))
            );
            if items.is_empty() {
                let _ = writeln!(
                    self.out,
                    "<li class=\"none\">{}</li>",
                    self.pick("Ingen registrert", "None recorded")
                );
            }
            for f in items {
                let count = f
                    .note(self.lang)
                    .map(|c| format!(" <span class=\"count\">({})</span>", esc(&c)))
                    .unwrap_or_default();
                if f.best_practice {
                    let _ = writeln!(
                        self.out,
                        "<li class=\"best\"><span class=\"star\" title=\"{0}\" aria-label=\"{0}\">★</span> {1}{count}</li>",
                        self.pick("Beste praksis", "Best practice"),
                        esc(&f.text)
                    );
                } else {
                    let _ = writeln!(self.out, "<li>{}{count}</li>", esc(&f.text));
                }
            }
            self.out.push_str("</ul></td>\n");
        }
        self.out.push_str("</tr></tbody>\n</table>\n");
        if FindingKind::ALL
            .iter()
            .any(|&k| a.findings.column(k).iter().any(|f| f.best_practice))
        {
            let _ = writeln!(
                self.out,
                "<p class=\"legend\"><span class=\"star\">★</span> {}</p>",
                esc(words::best_practice_legend(self.lang))
            );
        }
    }

    /// The evaluators' recommendations, on their own page before the
    /// priorities, as the deck has "Veien videre" there.
    fn way_forward(&mut self) {
        let r = self.report;
        if !r.shows(&r.way_forward) {
            return;
        }
        let _ = writeln!(
            self.out,
            "<section class=\"sheet page way-forward\">\n<h2>{}</h2>",
            esc(words::way_forward_heading(self.lang))
        );
        self.text(&r.way_forward, "evaluators");
        self.out.push_str("</section>\n");
    }

    /// One of the evaluators' texts, a paragraph per line; in a draft, one
    /// not written yet says so.
    fn text(&mut self, text: &Text, class: &str) {
        if text.is_empty() {
            if self.report.is_draft() {
                let _ = writeln!(
                    self.out,
                    "<p class=\"note missing\">{}</p>",
                    esc(words::not_written(self.lang))
                );
            }
            return;
        }
        let _ = writeln!(self.out, "<div class=\"{class}\">");
        for p in &text.paragraphs {
            let _ = writeln!(self.out, "<p>{}</p>", esc(p));
        }
        self.out.push_str("</div>\n");
    }

    /// Before row `i` of a table's `n` rows, in a body opened as
    /// `<tbody class="keep">`: the first and the last [`KEPT_ROWS`] rows are
    /// groups that stay on one page, so a table that runs over a page leaves
    /// no lone row at the foot of one page or the top of the next.
    fn row_group(&mut self, i: usize, n: usize) {
        if n > 2 * KEPT_ROWS && i == KEPT_ROWS {
            self.out.push_str("</tbody>\n<tbody>\n");
        } else if n > 2 * KEPT_ROWS && i == n - KEPT_ROWS {
            self.out.push_str("</tbody>\n<tbody class=\"keep\">\n");
        }
    }

    fn priorities(&mut self) {
        let r = self.report;
        let _ = write!(
            self.out,
            "<section class=\"sheet {} priorities\">\n<h2>{}</h2>\n<p class=\"lead\">{}</p>\n",
            // In print, after the way forward on its page while there is
            // room: a short text is not left alone on a page.
            if r.shows(&r.way_forward) {
                "follows"
            } else {
                "page"
            },
            esc(words::priorities_heading(self.lang)),
            esc(words::priorities_lead(self.lang))
        );
        if r.priorities.is_empty() {
            let _ = writeln!(
                self.out,
                "<p class=\"note\">{}</p>",
                self.pick(
                    "Ingen prioriteringer registrert.",
                    "No priorities recorded."
                )
            );
        } else {
            // Themes named more than once get a row and a bar; when there
            // are such, the ones named once follow as a list.
            let repeated = r.priorities.iter().any(|p| p.count > 1);
            let (rows, once): (Vec<_>, Vec<_>) =
                r.priorities.iter().partition(|p| p.count > 1 || !repeated);
            let most = rows.iter().map(|p| p.count).max().unwrap_or(1).max(1);
            let _ = write!(
                self.out,
                "<table class=\"prio\">\n<thead><tr><th>{}</th><th class=\"num\">{}</th><th class=\"barcell\"></th></tr></thead>\n<tbody class=\"keep\">\n",
                self.pick("Tema", "Theme"),
                self.pick("Antall", "Count")
            );
            for (i, p) in rows.iter().enumerate() {
                self.row_group(i, rows.len());
                let _ = writeln!(
                    self.out,
                    "<tr><td><span class=\"theme\">{}</span>{}</td><td class=\"num strong\">{}</td><td class=\"barcell\"><span class=\"bar\" style=\"width:{}%\"></span></td></tr>",
                    esc(&p.theme),
                    if p.wordings.is_empty() {
                        String::new()
                    } else {
                        let words: Vec<String> = p.wordings.iter().map(|w| esc(w)).collect();
                        format!("<span class=\"wordings\">{}</span>", words.join(" · "))
                    },
                    p.count,
                    p.count * 100 / most
                );
            }
            self.out.push_str("</tbody>\n</table>\n");
            if !once.is_empty() {
                // Named once, the words it was named in say it best.
                let themes: Vec<String> = once
                    .iter()
                    .map(|p| esc(p.wordings.first().unwrap_or(&p.theme)))
                    .collect();
                let _ = writeln!(
                    self.out,
                    "<h3 class=\"once\">{}</h3>\n<p class=\"once\">{}</p>",
                    self.pick("Nevnt én gang", "Named once"),
                    themes.join(" · ")
                );
            }
        }
        self.out.push_str("</section>\n");
    }

    fn method(&mut self) {
        let r = self.report;
        let m = &r.method;
        let _ = write!(
            self.out,
            "<section class=\"sheet page method\">\n<h2>{}</h2>\n<p>{}</p>\n<h3>{}</h3>\n<ul class=\"roles\">\n",
            self.pick("Metode", "Method"),
            esc(&words::method_intro(r)),
            self.pick("Intervjuer med", "Interviews with")
        );
        for role in &m.roles {
            let _ = writeln!(
                self.out,
                "<li>{} <span class=\"muted\">({})</span></li>",
                esc(&role.label),
                esc(&words::role_count(role, self.lang))
            );
        }
        self.out.push_str("</ul>\n");
        let names = m.interviews.iter().any(|i| i.names.is_some());
        let _ = write!(
            self.out,
            "<table class=\"interviews\">\n<thead><tr><th>{}</th><th>{}</th><th class=\"num\">{}</th>{}</tr></thead>\n<tbody class=\"keep\">\n",
            self.pick("Dato", "Date"),
            self.pick("Roller", "Roles"),
            self.pick("Personer", "People"),
            if names {
                format!("<th>{}</th>", self.pick("Navn", "Names"))
            } else {
                String::new()
            }
        );
        for (n, i) in m.interviews.iter().enumerate() {
            self.row_group(n, m.interviews.len());
            let _ = write!(
                self.out,
                "<tr><td class=\"nowrap\">{}</td><td>{}</td><td class=\"num\">{}</td>",
                esc(&i.date_display),
                esc(&i.roles_text(self.lang)),
                i.people
            );
            if let Some(n) = &i.names {
                let _ = write!(self.out, "<td>{}</td>", esc(&n.join(", ")));
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");

        let _ = writeln!(
            self.out,
            "<h3>{}</h3>",
            self.pick("Poenggivning", "Scoring")
        );
        for p in &m.scoring_rule {
            let _ = writeln!(self.out, "<p>{}</p>", esc(p));
        }
        let _ = write!(
            self.out,
            "<table class=\"scale\">\n<thead><tr><th class=\"num\">{}</th>",
            self.pick("Verdi", "Value")
        );
        for d in &m.dimensions {
            let _ = write!(self.out, "<th>{}</th>", esc(&d.label));
        }
        self.out.push_str("</tr></thead>\n<tbody class=\"keep\">\n");
        for value in m.scale_min..=m.scale_max {
            let _ = write!(self.out, "<tr><td class=\"num strong\">{value}</td>");
            for d in &m.dimensions {
                let text = d
                    .levels
                    .iter()
                    .find(|l| l.value == value)
                    .map_or("", |l| l.text.as_str());
                let _ = write!(self.out, "<td>{}</td>", esc(text));
            }
            self.out.push_str("</tr>\n");
        }
        self.out.push_str("</tbody>\n</table>\n");
        let _ = writeln!(self.out, "<p>{}</p>", esc(&words::coverage(r)));

        let _ = writeln!(
            self.out,
            "<h3>{}</h3>",
            self.pick("Overstyringer", "Overrides")
        );
        if r.overrides.is_empty() {
            let _ = writeln!(self.out, "<p>{}</p>", esc(words::no_overrides(self.lang)));
        } else {
            let _ = write!(
                self.out,
                "<table class=\"overrides\">\n<thead><tr><th>{}</th><th>{}</th><th>{}</th></tr></thead>\n<tbody class=\"keep\">\n",
                self.pick("Spørsmål", "Question"),
                self.pick("Endring", "Change"),
                self.pick("Begrunnelse", "Reason")
            );
            for (i, o) in r.overrides.iter().enumerate() {
                self.row_group(i, r.overrides.len());
                let changes: Vec<String> = o
                    .changes
                    .iter()
                    .map(|c| esc(&words::override_change(c)))
                    .collect();
                let _ = writeln!(
                    self.out,
                    "<tr><td><strong>{}</strong> {}</td><td class=\"nowrap\">{}</td><td>{}</td></tr>",
                    esc(&o.question),
                    esc(&o.question_text),
                    changes.join("<br>"),
                    esc(&o.reason)
                );
            }
            self.out.push_str("</tbody>\n</table>\n");
        }

        if !r.baselines.is_empty() {
            let _ = write!(
                self.out,
                "<h3>{}</h3>\n<ul class=\"baselines\">\n",
                self.pick("Sammenligningsgrunnlag", "Comparisons")
            );
            for b in &r.baselines {
                let mut line = format!(
                    "<strong>{}</strong> – {}",
                    esc(&b.label),
                    esc(words::baseline_kind(b.kind, self.lang))
                );
                for extra in [&b.source, &b.note].into_iter().flatten() {
                    let _ = write!(line, ". {}", esc(extra));
                }
                let _ = writeln!(self.out, "<li>{line}</li>");
            }
            self.out.push_str("</ul>\n");
            if r.has_fictional_baselines() {
                let _ = writeln!(
                    self.out,
                    "<p class=\"fictional\">{}</p>",
                    esc(words::fictional_notice(self.lang))
                );
            }
        }
        let _ = write!(
            self.out,
            "<h3>{}</h3>\n<p>{}</p>\n</section>\n",
            self.pick("Spørsmålsbank", "Question bank"),
            esc(&words::bank_line(r))
        );
    }
}

/// Rows of a table kept together at its start and at its end.
const KEPT_ROWS: usize = 3;

/// Whether an area's findings would run a little over its A4 page in the
/// normal style but fit in the denser one, so that no lone finding is left
/// on a page of its own. A rough estimate in millimetres, from the page
/// margins and font sizes of the style sheet below, counting the
/// evaluators' assessment above the findings and each finding's note
/// ("nevnt av 2").
fn nearly_fits(r: &Report, a: &AreaReport) -> bool {
    const FIXED: f64 = 89.0; // headings, score strip, table heads, the findings title, column headings
    const ROW: f64 = 6.6; // a line of the score table
    const LINE: f64 = 4.3; // a line of a finding at 9 pt
    const GAP: f64 = 1.4; // between findings
    const CHARS: usize = 36; // characters on a line of a column, with its note
    const DENSE: f64 = 0.86; // the dense style's height for the same text
    let rows: usize = 1 + a
        .subareas
        .iter()
        .map(|s| lines(&s.title, 60))
        .sum::<usize>();
    let tallest = FindingKind::ALL
        .iter()
        .map(|&k| {
            a.findings
                .column(k)
                .iter()
                .map(|f| {
                    let note = f
                        .note(r.lang)
                        .map(|n| format!(" ({n})"))
                        .unwrap_or_default();
                    lines(&format!("{}{note}", f.text), CHARS) as f64 * LINE + GAP
                })
                .sum::<f64>()
        })
        .fold(0.0, f64::max)
        + 6.0; // the list's padding
    let room = PAGE - FIXED - rows as f64 * ROW - text_height(r, &a.assessment);
    tallest > room && tallest * DENSE <= room
}

/// The height of the summary's bar chart in print: up to 118 mm, less when
/// that leaves room for the evaluators' summary below it on the summary's
/// page, down to 95 mm. A summary too long for that runs on to the next
/// page under a chart of full height. Millimetres, estimated as above.
fn summary_chart_height(r: &Report) -> f64 {
    const FULL: f64 = 118.0;
    const LEAST: f64 = 95.0; // its labels still 6 pt
    // The title, the key figures, the chart's heading and its caption.
    const FIXED: f64 = 19.0 + 36.0 + 7.0 + 16.0;
    const LEAD_LINE: f64 = 5.75; // 11.5 pt
    const LEAD_CHARS: usize = 76;
    const LEAD_GAP: f64 = 4.2;
    let lead: f64 = [Some(words::intro(r)), words::highlights(r)]
        .iter()
        .flatten()
        .map(|p| lines(p, LEAD_CHARS) as f64 * LEAD_LINE + LEAD_GAP)
        .sum();
    let room = PAGE - FIXED - lead - text_height(r, &r.summary);
    if room >= LEAST { room.min(FULL) } else { FULL }
}

/// A4 less the top and bottom margins, in millimetres.
const PAGE: f64 = 267.0;

/// How many lines of about `width` characters `text` takes.
fn lines(text: &str, width: usize) -> usize {
    svg::wrap(text, width).len().max(1)
}

/// The height in print of one of the evaluators' texts with its heading:
/// one not written yet is a line ("Ikke skrevet ennå."), one a final report
/// leaves out nothing.
fn text_height(r: &Report, text: &Text) -> f64 {
    const HEADING: f64 = 11.0;
    const LINE: f64 = 5.3; // 10.5 pt
    const CHARS: usize = 95;
    const PARAGRAPH: f64 = 3.0; // below a paragraph
    match r.shows(text) {
        false => 0.0,
        true if text.is_empty() => HEADING + 4.3 + PARAGRAPH,
        true => {
            HEADING
                + text
                    .paragraphs
                    .iter()
                    .map(|p| lines(p, CHARS) as f64 * LINE + PARAGRAPH)
                    .sum::<f64>()
        }
    }
}

/// " <small>(n = 15)</small>" after an average's figure that stands on
/// another n than its column's label says; empty otherwise.
fn n_note(c: &super::model::Comparison, info: &super::model::BaselineInfo, lang: Lang) -> String {
    c.own_n(info)
        .map(|n| {
            format!(
                " <small class=\"n\">({})</small>",
                esc(&words::n_is(n, lang))
            )
        })
        .unwrap_or_default()
}

fn change_class(c: &Change) -> &'static str {
    match c.value {
        v if v > 0 => "up",
        v if v < 0 => "down",
        _ => "same",
    }
}

/// A quiet compass rose for the cover.
const COMPASS_MARK: &str = r##"<svg class="mark" viewBox="0 0 100 100" aria-hidden="true"><circle cx="50" cy="50" r="46" fill="none" stroke="#1f4e79" stroke-width="2"/><circle cx="50" cy="50" r="36" fill="none" stroke="#b8c7d7" stroke-width="1"/><polygon points="50,8 57,50 50,92 43,50" fill="#1f4e79"/><polygon points="8,50 50,43 92,50 50,57" fill="#97adc4"/><circle cx="50" cy="50" r="4" fill="#fff" stroke="#1f4e79" stroke-width="2"/></svg>"##;

const CSS: &str = r#":root {
  --ink: #1d2733; --muted: #5b6675; --line: #d5dbe3; --accent: #1f4e79; --accent-soft: #eaf0f6;
  --strength: #2f6b3b; --strength-bg: #f1f7f2; --challenge: #875800; --challenge-bg: #fcf6ea;
  --weakness: #9b2c2c; --weakness-bg: #fcf0f0; --gold: #a87200; --up: #2f6b3b; --down: #9b2c2c;
}
* { box-sizing: border-box; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
html { font-family: "Source Sans 3", "Source Sans Pro", "Segoe UI", "Helvetica Neue", Helvetica, Arial, "Liberation Sans", "DejaVu Sans", sans-serif;
  color: var(--ink); font-size: 10pt; line-height: 1.42; }
body { margin: 0; background: #e9edf2; }
.sheet { background: #fff; max-width: 210mm; margin: 10mm auto; padding: 16mm 18mm 18mm; box-shadow: 0 1px 6px rgba(29, 39, 51, 0.14); }
h1, h2, h3, h4 { line-height: 1.2; font-weight: 650; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 21pt; color: var(--accent); margin: 0 0 5mm; }
h3 { font-size: 12.5pt; color: var(--accent); margin: 6mm 0 2mm; }
p { margin: 0 0 3mm; }
.eyebrow { text-transform: uppercase; letter-spacing: 0.08em; font-size: 8.5pt; font-weight: 600; color: var(--muted); margin: 0 0 1.5mm; }
.lead { font-size: 11.5pt; max-width: 42em; }
.note, .legend, figcaption { font-size: 9pt; color: var(--muted); }
.muted { color: var(--muted); }
.fictional { color: #8a3b00; font-weight: 600; }
.strong { font-weight: 700; }
.nowrap { white-space: nowrap; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 9pt; }
table { border-collapse: collapse; width: 100%; font-variant-numeric: tabular-nums; margin: 0 0 4mm; }
th, td { padding: 1.2mm 2mm; border-bottom: 1px solid var(--line); text-align: left; vertical-align: top; }
thead th { font-size: 8.5pt; font-weight: 600; color: var(--muted); border-bottom: 1.5px solid var(--ink); vertical-align: bottom; }
thead { display: table-header-group; }
tr, tbody.keep { break-inside: avoid; page-break-inside: avoid; }
.num { text-align: right; }
td.num { white-space: nowrap; }
td.id { color: var(--muted); width: 3.2em; white-space: nowrap; }
tr.sum td { font-weight: 700; background: var(--accent-soft); border-bottom: 1.5px solid var(--accent); }
td.up, .chip.up, .card.up .big { color: var(--up); }
td.down, .chip.down, .card.down .big { color: var(--down); }
.card.up { border-top-color: var(--up); } .card.down { border-top-color: var(--down); }
.card.average { border-top-color: #c8702a; } .card.average .big { color: #8f4c12; }
figure { margin: 5mm 0 0; break-inside: avoid; page-break-inside: avoid; }
figcaption { margin-top: 2mm; }
figure.headed h3 { margin-top: 0; }
svg.chart { width: 100%; height: auto; display: block; font-family: inherit; }
.cover { display: flex; flex-direction: column; justify-content: space-between; min-height: 255mm; }
.cover .mark { width: 26mm; height: 26mm; margin-bottom: 14mm; }
.cover h1 { font-size: 26pt; color: var(--ink); margin: 2mm 0 4mm; max-width: 15em; }
.cover .eyebrow { font-size: 11pt; color: var(--accent); }
.cover-year { font-size: 54pt; font-weight: 300; color: var(--accent); margin: 0; line-height: 1; }
.cover-sub { font-size: 13pt; color: var(--muted); margin-top: 6mm; }
.cover-meta { border-top: 2px solid var(--accent); padding-top: 5mm; margin: 0; display: grid; grid-template-columns: repeat(3, 1fr); gap: 4mm; }
.cover-meta dt { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); font-weight: 600; }
.cover-meta dd { margin: 1mm 0 0; font-size: 11pt; }
.draft { margin: 6mm 0 0; padding: 3mm 4mm; border: 1.5pt solid #b3261e; color: #b3261e; font-weight: 700; font-size: 12pt; }
.override-note { font-size: 8.5pt; color: var(--muted); margin: 1mm 0 3mm; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(29mm, 1fr)); gap: 3.5mm; margin: 5mm 0 4mm; }
.card, .score { border: 1px solid var(--line); border-top: 3px solid var(--accent); border-radius: 1.5mm; padding: 3mm 4mm; break-inside: avoid; }
.card-label { font-size: 8.5pt; text-transform: uppercase; letter-spacing: 0.06em; color: var(--muted); font-weight: 600; }
.big { font-size: 28pt; font-weight: 700; color: var(--accent); line-height: 1.1; font-variant-numeric: tabular-nums; }
.card-sub { font-size: 9.5pt; color: var(--muted); }
.score-row { display: grid; grid-template-columns: 44mm 1fr; gap: 6mm; align-items: center; margin: 1mm 0 0; break-inside: avoid; }
.score { padding: 2mm 4mm 2.5mm; }
.chip { display: inline-block; margin-top: 0.5mm; font-size: 9.5pt; font-weight: 600; }
.chip.same { color: var(--muted); }
table.findings { border-collapse: separate; border-spacing: 3mm 0; table-layout: fixed; width: calc(100% + 6mm); margin: 5mm -3mm 0; }
table.findings tr { break-inside: auto; page-break-inside: auto; }
table.findings th, table.findings td { padding: 0; border: none; vertical-align: top; }
table.findings th.findings-title { font-size: 12.5pt; font-weight: 650; line-height: 1.2; color: var(--accent); padding: 0 0 2mm; }
table.findings th.kind, table.findings td.col::before { padding: 2mm 3mm; color: #fff; font-size: 11pt; font-weight: 650; line-height: 1.2; border-radius: 1.5mm 1.5mm 0 0; }
.col ul { margin: 0; padding: 2.5mm 2.5mm 3mm 6mm; border-radius: 0 0 1.5mm 1.5mm; font-size: 9pt; line-height: 1.35;
  -webkit-box-decoration-break: clone; box-decoration-break: clone; }
.col li { margin: 0 0 1.4mm; break-inside: avoid; page-break-inside: avoid; }
.col li.none { list-style: none; margin-left: -3.5mm; color: var(--muted); font-style: italic; }
.col li.best { list-style: none; }
.col li.best .star { position: absolute; margin-left: -4.2mm; }
.dense .col ul { font-size: 8.4pt; line-height: 1.3; }
.dense .col li { margin-bottom: 1mm; }
th.strength, td.strength::before { background: var(--strength); } .col.strength ul { background: var(--strength-bg); } .col.strength li::marker { color: var(--strength); }
th.challenge, td.challenge::before { background: var(--challenge); } .col.challenge ul { background: var(--challenge-bg); } .col.challenge li::marker { color: var(--challenge); }
th.weakness, td.weakness::before { background: var(--weakness); } .col.weakness ul { background: var(--weakness-bg); } .col.weakness li::marker { color: var(--weakness); }
.star { color: var(--gold); font-weight: 700; }
.evaluators { font-size: 10.5pt; max-width: 44em; }
.evaluators.summary p:first-child { font-size: 11.5pt; }
.note.missing { font-style: italic; }
.legend { margin-top: 3mm; break-before: avoid; page-break-before: avoid; }
table.prio td { padding-top: 0.9mm; padding-bottom: 0.9mm; }
table.prio .theme { font-weight: 600; }
h3.once { break-before: avoid; page-break-before: avoid; }
table.prio .wordings { display: block; font-size: 8.5pt; color: var(--muted); }
.area h3 { margin-top: 4mm; }
table.prio td.barcell { width: 22%; vertical-align: middle; }
table.prio .bar { display: block; height: 3mm; background: var(--accent); border-radius: 0.8mm; }
ul.roles, ul.baselines { margin: 0 0 4mm; padding-left: 5mm; }
small.n { font-size: 7.5pt; color: var(--muted); font-weight: 400; }
.delta { font-size: 8pt; font-weight: 600; }
.delta.up { color: var(--up); } .delta.down { color: var(--down); } .delta.same { color: var(--muted); }
table.history td:first-child, table.ranks td:first-child { width: 38%; }
table.scale td { font-size: 9pt; }
table.areas td:first-child { width: 40%; }
@media screen and (max-width: 700px) {
  .sheet { padding: 8mm 6mm; margin: 0 0 4mm; }
  .cover-meta, .score-row { grid-template-columns: 1fr; }
  table.findings, table.findings thead, table.findings th.findings-title, table.findings tbody,
  table.findings tr, table.findings td { display: block; width: auto; margin: 0; }
  table.findings td { margin-bottom: 3mm; }
  table.findings th.kind { display: none; }
  table.findings td.col::before { content: attr(data-heading); display: block; }
  .cards { grid-template-columns: 1fr 1fr; }
  .cover { min-height: 0; }
  .cover h1 { font-size: 19pt; }
  h1, h2 { overflow-wrap: break-word; hyphens: auto; }
}
@media print {
  body { background: none; }
  .sheet { margin: 0; padding: 0; max-width: none; box-shadow: none; }
  .page { break-before: page; page-break-before: always; }
  .follows { margin-top: 12mm; }
  p, li { orphans: 3; widows: 3; }
  /* The summary's chart fits below its figures, and a short summary below
     it, on the summary's page (summary_chart_height). */
  .summary figure svg.chart { max-height: var(--chart-height, 118mm); }
  /* A little tighter than on screen, so that the priorities of a typical
     evaluation fit on the page they start on. */
  table.prio { line-height: 1.25; }
  table.prio td { padding-top: 0.6mm; padding-bottom: 0.6mm; }
}
@page { size: A4; margin: 14mm 16mm 16mm 16mm; }
@page :first { @bottom-left { content: none; } @bottom-right { content: none; } }"#;

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::CuratedFinding;
    use crate::core::bank::Bank;
    use crate::report::model::tests::{assessment, build};

    fn finding(text: &str, best: bool) -> CuratedFinding {
        CuratedFinding {
            kind: FindingKind::Strength,
            text: text.into(),
            best_practice: best,
            sources: Vec::new(),
            own: false,
            dropped_from: None,
        }
    }

    #[test]
    fn the_page_names_its_language_and_escapes_the_footer() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        a.municipality = "Vik\"; } body { display: none } </style>".into();
        let html = render(&build(&a, &[], false));
        assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"nb\">"));
        assert_eq!(html.matches("</style>").count(), 1);
        assert!(html.contains(
            "@bottom-left { content: \"Kommunekompasset 2026 \\b7  Vik\\22 \\3b  \\7d  body"
        ));
    }

    #[test]
    fn stars_bring_their_legend_and_no_baseline_means_no_change_column() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        let plain = render(&build(&a, &[], false));
        assert!(!plain.contains("class=\"legend\"") && !plain.contains("Endring siden"));
        a.findings
            .insert("1".into(), vec![finding("Gode nettsider", true)]);
        let starred = render(&build(&a, &[], false));
        assert_eq!(starred.matches("class=\"legend\"").count(), 1);
        assert!(starred.contains("★</span> Gode nettsider"));
    }

    #[test]
    fn the_summary_chart_makes_room_for_a_short_summary_only() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        let sentence =
            "Kommunen har et godt grunnlag for videre utvikling og en tydelig styringsmodell.";
        // The chart's height for a summary of 0, 1, 2, ... paragraphs.
        let heights: Vec<f64> = (0..20)
            .map(|n| {
                a.texts.summary = vec![sentence; n].join("\n");
                summary_chart_height(&build(&a, &[], false))
            })
            .collect();
        let shrunk: Vec<&f64> = heights.iter().filter(|&&h| h < 118.0).collect();
        assert!(!shrunk.is_empty(), "{heights:?}");
        assert!(shrunk.iter().all(|&&h| h >= 95.0), "{heights:?}");
        assert!(
            heights.windows(2).all(|w| w[1] <= w[0] || w[1] == 118.0),
            "shorter with every paragraph, until the summary runs on: {heights:?}"
        );
        assert_eq!(
            heights[19], 118.0,
            "a long summary runs on under a full chart"
        );
    }

    #[test]
    fn only_an_area_that_nearly_fits_gets_the_dense_type() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        let long = "Et funn som er skrevet ut over to linjer i en smal kolonne";
        let area_with = |a: &mut crate::core::assessment::Assessment, n: usize| {
            a.findings.insert(
                "1".into(),
                (0..n)
                    .map(|i| finding(&format!("{long} {i}"), false))
                    .collect(),
            );
            let r = build(a, &[], false);
            nearly_fits(&r, &r.areas[0])
        };
        assert!(!area_with(&mut a, 5), "fits as it is");
        assert!(
            (5..40).any(|n| area_with(&mut a, n)),
            "some count just overflows"
        );
        assert!(!area_with(&mut a, 40), "two pages anyway");

        // The evaluators' assessment above the findings takes its room: a
        // count that fits without it just overflows with it.
        let first = (5..40).find(|&n| area_with(&mut a, n)).unwrap();
        a.texts.areas.insert(
            "1".into(),
            format!("{long}, og mer til om området enn det. ").repeat(6),
        );
        assert!(
            (5..first).any(|n| area_with(&mut a, n)),
            "a written assessment makes fewer findings nearly fit"
        );
    }
}
