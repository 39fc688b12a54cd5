//! The score dashboard: the areas as bars on their maximum, the total, the
//! coverage (scored / asked), optionally beside baselines (earlier
//! evaluations, national averages), and a drill-down into one area's
//! sub-areas. A plain widget over a [`Scorecard`], so the interview screen
//! and the review screen draw the same thing.
//!
//! Points are shown with [`format_points`]: areas and the total as whole
//! numbers, sub-areas with one decimal, as in the published score tables.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Paragraph, Widget};

use super::ui::{self, DIM, SELECTED};
use crate::core::bank::Bank;
use crate::core::exact::{self, Exact, format_points};
use crate::core::lang::Lang;
use crate::core::scoring::Scorecard;
use crate::core::text::one_line;

/// A baseline to show beside the scores: its name and its points per area,
/// in the order of the scorecard's areas (`None` where it has no value).
pub type Baseline = (String, Vec<Option<Exact>>);

const BASE_COLORS: [Color; 4] = [Color::Yellow, Color::Magenta, Color::Blue, Color::Green];
const EIGHTHS: [&str; 8] = ["", "▏", "▎", "▍", "▌", "▋", "▊", "▉"];

pub struct Dashboard<'a> {
    card: &'a Scorecard,
    bank: &'a Bank,
    lang: Lang,
    baselines: &'a [Baseline],
    selected: Option<usize>,
    drill: bool,
}

impl<'a> Dashboard<'a> {
    pub fn new(card: &'a Scorecard, bank: &'a Bank, lang: Lang) -> Dashboard<'a> {
        Dashboard {
            card,
            bank,
            lang,
            baselines: &[],
            selected: None,
            drill: false,
        }
    }

    pub fn baselines(mut self, baselines: &'a [Baseline]) -> Dashboard<'a> {
        self.baselines = baselines;
        self
    }

    /// Highlights an area (by index in the scorecard).
    pub fn selected(mut self, area: Option<usize>) -> Dashboard<'a> {
        self.selected = area;
        self
    }

    /// Shows the selected area's sub-areas instead of all areas.
    pub fn drill(mut self, drill: bool) -> Dashboard<'a> {
        self.drill = drill;
        self
    }

    fn area_title(&self, i: usize) -> String {
        self.bank
            .areas()
            .get(i)
            .map_or_else(String::new, |a| one_line(a.title.get(self.lang)))
    }

    fn lines(&self, width: usize, height: usize) -> Vec<Line<'static>> {
        let t = |nb, en| self.lang.pick(nb, en);
        let compact = width < 32;
        let mut out = Vec::new();
        let total = format!(
            "{} {} {} {}",
            t("Sum", "Total"),
            format_points(self.card.total, 0, self.lang),
            t("av", "of"),
            format_points(self.card.max, 0, self.lang)
        );
        let coverage = format!(
            "{} {}",
            self.card.coverage().describe(self.lang),
            t("scoret", "scored")
        );
        if compact {
            out.push(Line::styled(total, ui::BOLD));
            out.push(Line::styled(coverage, DIM));
        } else {
            out.push(Line::from(vec![
                Span::styled(total, ui::BOLD),
                Span::styled(format!(" · {coverage}"), DIM),
            ]));
        }
        if !self.baselines.is_empty() {
            out.extend(self.legend(width, compact));
        }
        let columns_shown = !compact && !self.baselines.is_empty();
        match self.drill {
            // The area rows' baseline columns, numbered as the legend is.
            false if columns_shown => out.push(self.column_heads(width)),
            _ => out.push(Line::raw("")),
        }
        match (self.drill, self.selected) {
            (true, Some(a)) if a < self.card.areas.len() => self.subarea_lines(a, width, &mut out),
            (false, Some(a)) if a < self.card.areas.len() => {
                self.area_lines(width, &mut out);
                // With room to spare, the selected area's sub-areas follow.
                let subs = self.card.areas[a].subareas.len();
                if out.len() + 2 + subs <= height {
                    out.push(Line::raw(""));
                    self.subarea_lines(a, width, &mut out);
                }
            }
            _ => self.area_lines(width, &mut out),
        }
        out
    }

    /// The baselines' legend: each entry whole, numbered as its column,
    /// marked in its colour, and wrapped to the width (a long name is cut
    /// only when it alone is wider than the line).
    fn legend(&self, width: usize, compact: bool) -> Vec<Line<'static>> {
        let indent = if compact { "" } else { "  " };
        let mut lines = Vec::new();
        let mut line = vec![Span::raw(indent)];
        let mut used = indent.len();
        for (k, (name, _)) in self.baselines.iter().enumerate() {
            let mark = format!("┃{}", k + 1);
            let mark_w = mark.chars().count();
            let name = ui::truncate(
                &one_line(name),
                width.saturating_sub(indent.len() + mark_w + 1),
            );
            let entry_w = mark_w + 1 + unicode_width::UnicodeWidthStr::width(name.as_str());
            if used > indent.len() && used + 2 + entry_w > width {
                lines.push(Line::from(std::mem::replace(
                    &mut line,
                    vec![Span::raw(indent)],
                )));
                used = indent.len();
            }
            if used > indent.len() {
                line.push(Span::raw("  "));
                used += 2;
            }
            line.push(Span::styled(mark, Style::new().fg(base_color(k))));
            line.push(Span::raw(format!(" {name}")));
            used += entry_w;
        }
        lines.push(Line::from(line));
        lines
    }

    /// Widths of an area row: its title and its bar.
    fn area_widths(&self, width: usize) -> (usize, usize) {
        let compact = width < 32;
        // "1 " + title + " " + bar + " " + points(3) + " " + coverage(5) + baselines
        let base_w = if compact { 0 } else { 5 * self.baselines.len() };
        let tail = if compact { 4 } else { 4 + 6 + base_w };
        let title_w = if compact { 0 } else { (width / 3).clamp(8, 30) };
        let bar_w = width.saturating_sub(2 + title_w + 1 + tail).max(4);
        (title_w, bar_w)
    }

    /// The heads of the area rows' baseline columns: the legend's numbers,
    /// each in its baseline's colour, so the columns can be told apart
    /// without colour too.
    fn column_heads(&self, width: usize) -> Line<'static> {
        let (title_w, bar_w) = self.area_widths(width);
        let mut spans = vec![Span::raw(" ".repeat(2 + title_w + 1 + bar_w + 4 + 6))];
        for k in 0..self.baselines.len() {
            spans.push(Span::styled(
                format!(" {:>4}", format!("┃{}", k + 1)),
                Style::new().fg(base_color(k)),
            ));
        }
        Line::from(spans)
    }

    fn area_lines(&self, width: usize, out: &mut Vec<Line<'static>>) {
        let compact = width < 32;
        let (title_w, bar_w) = self.area_widths(width);
        for (i, area) in self.card.areas.iter().enumerate() {
            let mut spans = vec![Span::styled(format!("{:<2}", area.id), ui::BOLD)];
            if !compact {
                let title = ui::truncate(&self.area_title(i), title_w);
                spans.push(Span::raw(format!("{title:<title_w$} ")));
            }
            let marks: Vec<(Exact, Color)> = self
                .baselines
                .iter()
                .enumerate()
                .filter_map(|(k, (_, v))| Some((v.get(i).copied().flatten()?, base_color(k))))
                .collect();
            spans.extend(bar(area.points, area.max, bar_w, &marks));
            spans.push(Span::styled(
                format!(" {:>3}", format_points(area.points, 0, self.lang)),
                ui::BOLD,
            ));
            if !compact {
                spans.push(Span::styled(
                    format!(" {:>5}", format!("{}/{}", area.scored, area.asked)),
                    DIM,
                ));
                for (k, (_, values)) in self.baselines.iter().enumerate() {
                    let v = values
                        .get(i)
                        .copied()
                        .flatten()
                        .map_or("–".to_owned(), |v| format_points(v, 0, self.lang));
                    spans.push(Span::styled(
                        format!(" {v:>4}"),
                        Style::new().fg(base_color(k)),
                    ));
                }
            }
            let mut line = Line::from(spans);
            if self.selected == Some(i) {
                line = line.style(SELECTED);
            }
            out.push(line);
        }
    }

    fn subarea_lines(&self, a: usize, width: usize, out: &mut Vec<Line<'static>>) {
        let area = &self.card.areas[a];
        out.push(Line::styled(
            format!(
                "{} {} · {} {} {}",
                area.id,
                self.area_title(a),
                format_points(area.points, 1, self.lang),
                self.lang.pick("av", "of"),
                format_points(area.max, 0, self.lang)
            ),
            ui::BOLD.add_modifier(Modifier::UNDERLINED),
        ));
        let subs = self.bank.areas().get(a).map(|x| &x.subareas);
        let id_w = area.subareas.iter().map(|s| s.id.len()).max().unwrap_or(3);
        // id + title + bar + " 10,0/20" + " 1/2"
        let tail = 9 + 6;
        let title_w = if width >= 60 { (width / 3).min(40) } else { 0 };
        let bar_w = width.saturating_sub(id_w + 1 + title_w + 1 + tail).max(4);
        for (k, sub) in area.subareas.iter().enumerate() {
            let mut spans = vec![Span::styled(format!("{:<id_w$} ", sub.id), ui::BOLD)];
            if title_w > 0 {
                let title = subs
                    .and_then(|s| s.get(k))
                    .map_or_else(String::new, |s| one_line(s.title.get(self.lang)));
                let title = ui::truncate(&title, title_w);
                spans.push(Span::raw(format!("{title:<title_w$} ")));
            }
            spans.extend(bar(sub.points, sub.max, bar_w, &[]));
            spans.push(Span::styled(
                format!(
                    " {:>4}/{:<3}",
                    format_points(sub.points, 1, self.lang),
                    format_points(sub.max, 0, self.lang)
                ),
                ui::BOLD,
            ));
            spans.push(Span::styled(
                format!(" {:>5}", format!("{}/{}", sub.scored, sub.asked)),
                DIM,
            ));
            out.push(Line::from(spans));
        }
    }
}

fn base_color(k: usize) -> Color {
    BASE_COLORS[k % BASE_COLORS.len()]
}

/// A bar of `width` cells filled to `points / max` in eighths of a cell,
/// with a marker at each baseline's value.
fn bar(points: Exact, max: Exact, width: usize, marks: &[(Exact, Color)]) -> Vec<Span<'static>> {
    let frac = |x: Exact| {
        if max <= exact::int(0) {
            0.0
        } else {
            (exact::to_f64(x) / exact::to_f64(max)).clamp(0.0, 1.0)
        }
    };
    let eighths = (frac(points) * width as f64 * 8.0).round() as usize;
    let mut cells: Vec<(String, Style)> = (0..width)
        .map(|c| {
            let filled = eighths.saturating_sub(c * 8).min(8);
            match filled {
                8 => ("█".to_owned(), Style::new().fg(ui::ACCENT)),
                0 => ("░".to_owned(), DIM),
                n => (EIGHTHS[n].to_owned(), Style::new().fg(ui::ACCENT)),
            }
        })
        .collect();
    for &(value, color) in marks {
        let c = ((frac(value) * width as f64).round() as usize).min(width.saturating_sub(1));
        if let Some(cell) = cells.get_mut(c) {
            *cell = (
                "┃".to_owned(),
                Style::new().fg(color).add_modifier(Modifier::BOLD),
            );
        }
    }
    cells
        .into_iter()
        .map(|(s, st)| Span::styled(s, st))
        .collect()
}

impl Widget for Dashboard<'_> {
    fn render(self, area: Rect, buf: &mut Buffer) {
        Paragraph::new(self.lines(area.width as usize, area.height as usize)).render(area, buf);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exact::int;
    use crate::core::scoring::score_session;
    use crate::core::session::tests::sample;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn draw(d: Dashboard, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| f.render_widget(d, f.area())).unwrap();
        term.backend().to_string()
    }

    #[test]
    fn bars_fill_in_eighths_and_mark_baselines() {
        let spans = bar(int(50), int(100), 4, &[]);
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "██░░");
        let spans = bar(Exact::new(1, 16), int(1), 2, &[(int(1), Color::Yellow)]);
        let text: String = spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(text, "▏┃");
    }

    /// Four baselines at 80 columns: every name whole (the legend wraps),
    /// numbered as the columns above the figures, which line up with them.
    #[test]
    fn a_legend_too_long_for_one_line_wraps_whole_and_numbers_the_columns() {
        let bank = Bank::builtin();
        let card = score_session(&bank, &sample(&bank));
        let names = [
            "Nasjonalt snitt 2026, 27 evalueringer",
            "Eksempelvik 2014",
            "Eksempelvik 2018",
            "Eksempelvik 2022",
        ];
        let bases: Vec<Baseline> = names
            .iter()
            .enumerate()
            .map(|(k, n)| (n.to_string(), vec![Some(int(50 + k as i128)); 8]))
            .collect();
        let out = draw(
            Dashboard::new(&card, &bank, Lang::Nb).baselines(&bases),
            80,
            20,
        );
        for (k, name) in names.iter().enumerate() {
            assert!(out.contains(&format!("┃{} {name}", k + 1)), "{out}");
        }
        let rows: Vec<&str> = out.lines().collect();
        let heads = rows
            .iter()
            .position(|r| r.contains("┃1   ┃2   ┃3   ┃4"))
            .expect(&out);
        let first_area = rows[heads + 1];
        assert!(first_area.contains("   50   51   52   53"), "{out}");
        // Each column's number ends where its figures end.
        let end = |row: &str, text: &str| {
            let at = row.find(text).unwrap() + text.len();
            row[..at].chars().count()
        };
        assert_eq!(end(rows[heads], "┃4"), end(first_area, "53"), "{out}");
    }

    #[test]
    fn dashboard_shows_total_coverage_and_baselines() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        s.answers.get_mut("1.1.1").unwrap().scores.results = Some(int(1));
        let card = score_session(&bank, &s);
        let bases = vec![("Eksempelvik 2015".to_string(), vec![Some(int(58)); 8])];
        let out = draw(
            Dashboard::new(&card, &bank, Lang::Nb).baselines(&bases),
            100,
            14,
        );
        assert!(out.contains("Sum 5 av 800"), "{out}");
        assert!(out.contains("Eksempelvik 2015"), "{out}");
        assert!(out.contains("Offentlighet og demokrati"), "{out}");
        assert!(out.contains("  58"), "{out}");
        let narrow = draw(Dashboard::new(&card, &bank, Lang::En), 22, 12);
        assert!(narrow.contains("Total 5 of 800"), "{narrow}");
        let drill = draw(
            Dashboard::new(&card, &bank, Lang::Nb)
                .selected(Some(0))
                .drill(true),
            80,
            12,
        );
        assert!(drill.contains("1.1"), "{drill}");
        assert!(drill.contains("5,0/20"), "{drill}");
    }
}
