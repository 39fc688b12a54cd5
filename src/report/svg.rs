//! Charts as inline SVG, written by hand: grouped horizontal bars, labelled
//! bar rows and a radar. Every text is escaped; sizes are in SVG units and
//! the charts scale to their container.

use std::fmt::Write;

use super::escape::html as esc;
use super::model::{BenchmarkReport, History, HistoryRow, Points, Report};
use super::words;
use crate::core::baseline::BaselineKind;
use crate::core::exact::{format_points, int};

/// This evaluation's colour.
pub const CURRENT: &str = "#1f4e79";
/// Earlier evaluations, oldest (lightest) to most recent.
pub const EARLIER: [&str; 4] = ["#d3dce6", "#b8c7d7", "#97adc4", "#7893b0"];
pub const AVERAGES: [&str; 3] = ["#c8702a", "#5b8a3c", "#8b5a9e"];

/// One line of data: a label for the legend and a value per category.
#[derive(Debug, Clone)]
pub struct Series {
    pub label: String,
    /// A fill/stroke colour such as `#1f4e79`.
    pub color: &'static str,
    pub values: Vec<Option<f64>>,
    /// The values as printed beside the bars.
    pub displays: Vec<String>,
    /// The evaluation itself: drawn strongest.
    pub emphasis: bool,
    /// Outline style for the radar (averages dashed, earlier dotted).
    pub dash: Option<&'static str>,
}

/// The value axis: its maximum and the ticks to draw, as (value, label).
#[derive(Debug, Clone)]
pub struct Axis {
    pub max: f64,
    pub ticks: Vec<(f64, String)>,
}

const WIDTH: f64 = 680.0;
const FONT: f64 = 12.0;
const INK: &str = "#1d2733";
const MUTED: &str = "#5b6675";
const GRID: &str = "#d5dbe3";

/// The value axis of the area charts: 0 to the largest area maximum in
/// quarters.
pub fn area_axis(r: &Report) -> Axis {
    let max = r
        .areas
        .iter()
        .map(|a| a.max.value)
        .max()
        .unwrap_or(int(100));
    quarters(max, r.lang)
}

/// 0 to `max` with a tick at every quarter.
fn quarters(max: crate::core::exact::Exact, lang: crate::core::lang::Lang) -> Axis {
    let ticks = (0..=4)
        .map(|i| {
            let v = max * int(i) / int(4);
            (crate::core::exact::to_f64(v), format_points(v, 0, lang))
        })
        .collect();
    Axis {
        max: crate::core::exact::to_f64(max),
        ticks,
    }
}

/// The axis of totals: 0 to the maximum total in quarters.
pub fn total_axis(r: &Report) -> Axis {
    quarters(r.total.max.value, r.lang)
}

/// The axis of totals in hundreds, for the chart of all evaluations.
pub fn hundreds_axis(r: &Report) -> Axis {
    let max = r.total.max.value;
    let steps = (max / int(100)).ceil().to_integer();
    Axis {
        max: crate::core::exact::to_f64(max),
        ticks: (0..=steps)
            .map(|i| {
                let v = int(i * 100).min(max);
                (crate::core::exact::to_f64(v), format_points(v, 0, r.lang))
            })
            .collect(),
    }
}

/// The chart series over the areas: the last earlier evaluation, this
/// evaluation, then the averages.
pub fn area_series(r: &Report) -> Vec<Series> {
    let (earlier, averages) = area_series_baselines(r);
    let make =
        |label: String, color: &'static str, points: Vec<Option<&Points>>, emphasis, dash| Series {
            label,
            color,
            values: points.iter().map(|p| p.map(Points::as_f64)).collect(),
            displays: points
                .iter()
                .map(|p| p.map_or("–".to_owned(), |p| p.display.clone()))
                .collect(),
            emphasis,
            dash,
        };
    let baseline = |i: usize| {
        r.areas
            .iter()
            .map(|a| a.baselines[i].points.as_ref())
            .collect()
    };
    let mut out = Vec::new();
    let shade = EARLIER.len().saturating_sub(earlier.len());
    for (k, &i) in earlier.iter().enumerate() {
        let color = EARLIER[(shade + k).min(EARLIER.len() - 1)];
        out.push(make(
            r.baselines[i].label.clone(),
            color,
            baseline(i),
            false,
            None,
        ));
    }
    let current = r.areas.iter().map(|a| Some(&a.points)).collect();
    out.push(make(r.current_label(), CURRENT, current, true, None));
    for (k, &i) in averages.iter().enumerate() {
        out.push(make(
            r.baselines[i].label.clone(),
            AVERAGES[k % AVERAGES.len()],
            baseline(i),
            false,
            Some("7 4"),
        ));
    }
    out
}

/// Which baselines the area charts show, as indices into `r.baselines`:
/// of the earlier evaluations only the last one (the history shows them
/// all, and more bars per area would be unreadable), then the averages.
pub fn area_series_baselines(r: &Report) -> (Vec<usize>, Vec<usize>) {
    let last = r
        .last_evaluation
        .as_ref()
        .and_then(|l| r.baselines.iter().position(|b| b.label == l.label));
    let averages = (0..r.baselines.len())
        .filter(|&i| r.baselines[i].kind == BaselineKind::Average)
        .collect();
    (last.into_iter().collect(), averages)
}

/// A rough width of sans-serif text, generous enough for wide fonts.
fn text_width(text: &str, size: f64) -> f64 {
    text.chars().count() as f64 * size * 0.58
}

/// Splits a label into lines of at most `width` characters, at spaces.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let mut lines: Vec<String> = Vec::new();
    for word in text.split_whitespace() {
        match lines.last_mut() {
            Some(line) if line.chars().count() + 1 + word.chars().count() <= width => {
                line.push(' ');
                line.push_str(word);
            }
            _ => lines.push(word.to_owned()),
        }
    }
    lines
}

fn open(out: &mut String, width: f64, height: f64, id: &str, title: &str, desc: &str) {
    let _ = write!(
        out,
        r#"<svg class="chart" viewBox="0 0 {width} {height:.0}" role="img" aria-labelledby="{id}-t {id}-d"><title id="{id}-t">{}</title><desc id="{id}-d">{}</desc>"#,
        esc(title),
        esc(desc)
    );
}

/// Text lines centred vertically on `y`.
fn text_lines(
    out: &mut String,
    x: f64,
    y: f64,
    lines: &[String],
    anchor: &str,
    size: f64,
    weight: u32,
) {
    let line_height = size * 1.2;
    let first = y - line_height * (lines.len() as f64 - 1.0) / 2.0;
    for (i, line) in lines.iter().enumerate() {
        let _ = write!(
            out,
            r#"<text x="{x:.1}" y="{:.1}" text-anchor="{anchor}" dominant-baseline="middle" font-size="{size}" font-weight="{weight}" fill="{INK}">{}</text>"#,
            first + i as f64 * line_height,
            esc(line)
        );
    }
}

/// A legend of swatches, wrapped over as many rows as needed; returns the
/// height used.
fn legend(out: &mut String, series: &[Series], top: f64, left: f64, line: bool) -> f64 {
    let (mut x, mut y) = (left, top);
    for s in series {
        let w = 18.0 + text_width(&s.label, FONT) + 22.0;
        if x + w > WIDTH && x > left {
            x = left;
            y += 20.0;
        }
        if line {
            let dash = s
                .dash
                .map(|d| format!(r#" stroke-dasharray="{d}""#))
                .unwrap_or_default();
            let _ = write!(
                out,
                r#"<line x1="{x:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="{}" stroke-width="{}"{dash}/>"#,
                y + 6.0,
                x + 14.0,
                y + 6.0,
                s.color,
                if s.emphasis { 3 } else { 2 }
            );
        } else {
            let _ = write!(
                out,
                r##"<rect x="{x:.1}" y="{y:.1}" width="12" height="12" rx="2" fill="{}" stroke="#3b4654" stroke-width="0.5"/>"##,
                s.color
            );
        }
        let _ = write!(
            out,
            r#"<text x="{:.1}" y="{:.1}" dominant-baseline="middle" font-size="{FONT}" font-weight="{}" fill="{INK}">{}</text>"#,
            x + 18.0,
            y + 6.5,
            if s.emphasis { 700 } else { 400 },
            esc(&s.label)
        );
        x += w;
    }
    y + 20.0 - top
}

/// Horizontal bars, one group per category, one bar per series, with the
/// value printed at the end of each bar and a legend on top.
pub fn grouped_bars(
    id: &str,
    title: &str,
    desc: &str,
    categories: &[String],
    series: &[Series],
    axis: &Axis,
) -> String {
    const LABEL: f64 = 200.0;
    const BAR: f64 = 11.0;
    const GAP: f64 = 3.0;
    const GROUP_GAP: f64 = 16.0;
    let plot_left = LABEL + 12.0;
    let plot_width = WIDTH - plot_left - 40.0;
    let scale = |v: f64| plot_left + plot_width * (v / axis.max).clamp(0.0, 1.0);
    let group = series.len() as f64 * (BAR + GAP) - GAP;

    let mut body = String::new();
    let legend_height = legend(&mut body, series, 0.0, plot_left, false);
    let top = legend_height + 8.0;
    let plot_height = categories.len() as f64 * (group + GROUP_GAP);
    for (v, label) in &axis.ticks {
        let x = scale(*v);
        let _ = write!(
            body,
            r#"<line x1="{x:.1}" y1="{top:.1}" x2="{x:.1}" y2="{:.1}" stroke="{GRID}" stroke-width="1"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="{MUTED}">{}</text>"#,
            top + plot_height,
            top + plot_height + 14.0,
            esc(label)
        );
    }
    for (c, category) in categories.iter().enumerate() {
        let y0 = top + GROUP_GAP / 2.0 + c as f64 * (group + GROUP_GAP);
        text_lines(
            &mut body,
            LABEL,
            y0 + group / 2.0,
            &wrap(category, 30),
            "end",
            FONT,
            400,
        );
        for (s, ser) in series.iter().enumerate() {
            let y = y0 + s as f64 * (BAR + GAP);
            match ser.values.get(c).copied().flatten() {
                Some(v) => {
                    let end = scale(v);
                    let _ = write!(
                        body,
                        r#"<rect x="{plot_left:.1}" y="{y:.1}" width="{:.1}" height="{BAR}" fill="{}"/><text x="{:.1}" y="{:.1}" dominant-baseline="middle" font-size="10.5" font-weight="{}" fill="{INK}">{}</text>"#,
                        (end - plot_left).max(0.5),
                        ser.color,
                        end + 4.0,
                        y + BAR / 2.0 + 0.5,
                        if ser.emphasis { 700 } else { 400 },
                        esc(&ser.displays[c])
                    );
                }
                None => {
                    let _ = write!(
                        body,
                        r#"<text x="{:.1}" y="{:.1}" dominant-baseline="middle" font-size="10.5" fill="{MUTED}">–</text>"#,
                        plot_left + 4.0,
                        y + BAR / 2.0 + 0.5
                    );
                }
            }
        }
    }
    let _ = write!(
        body,
        r#"<line x1="{plot_left:.1}" y1="{top:.1}" x2="{plot_left:.1}" y2="{:.1}" stroke="{MUTED}" stroke-width="1"/>"#,
        top + plot_height
    );
    let mut out = String::new();
    open(&mut out, WIDTH, top + plot_height + 22.0, id, title, desc);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

/// One labelled bar per series (first value of each): a small comparison,
/// drawn narrower than the other charts so its text stays readable beside
/// the score.
pub fn bar_rows(id: &str, title: &str, desc: &str, series: &[Series], axis: &Axis) -> String {
    const ROW: f64 = 24.0;
    const BAR: f64 = 14.0;
    const NARROW: f64 = 480.0;
    const LABEL: f64 = 220.0;
    // A label wider than its room is wrapped, and its row grows to hold it
    // ("Nasjonalt snitt 2026 (fiktiv), 27 evalueringer" was cut off).
    let labels: Vec<Vec<String>> = series
        .iter()
        .map(|s| match text_width(&s.label, 13.0) <= LABEL {
            true => vec![s.label.clone()],
            false => wrap(&s.label, (LABEL / (13.0 * 0.58)) as usize),
        })
        .collect();
    let label_width = labels
        .iter()
        .flatten()
        .map(|l| text_width(l, 13.0))
        .fold(0.0, f64::max)
        .min(LABEL);
    let rows: Vec<f64> = labels
        .iter()
        .map(|l| ROW.max(l.len() as f64 * 13.0 * 1.2 + 6.0))
        .collect();
    let plot_left = label_width + 14.0;
    let plot_width = NARROW - plot_left - 34.0;
    let scale = |v: f64| plot_left + plot_width * (v / axis.max).clamp(0.0, 1.0);
    let height = rows.iter().sum::<f64>() + 20.0;
    let mut out = String::new();
    open(&mut out, NARROW, height, id, title, desc);
    for (v, label) in &axis.ticks {
        let x = scale(*v);
        let _ = write!(
            out,
            r#"<line x1="{x:.1}" y1="0" x2="{x:.1}" y2="{:.1}" stroke="{GRID}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="{MUTED}">{}</text>"#,
            height - 20.0,
            height - 6.0,
            esc(label)
        );
    }
    let mut top = 0.0;
    for ((s, label), row) in series.iter().zip(&labels).zip(&rows) {
        let y = top + (row - BAR) / 2.0;
        top += row;
        let weight = if s.emphasis { 700 } else { 400 };
        text_lines(
            &mut out,
            plot_left - 10.0,
            y + BAR / 2.0,
            label,
            "end",
            13.0,
            weight,
        );
        match s.values.first().copied().flatten() {
            Some(v) => {
                let end = scale(v);
                let _ = write!(
                    out,
                    r#"<rect x="{plot_left:.1}" y="{y:.1}" width="{:.1}" height="{BAR}" fill="{}"/><text x="{:.1}" y="{:.1}" dominant-baseline="middle" font-size="13" font-weight="{weight}" fill="{INK}">{}</text>"#,
                    (end - plot_left).max(0.5),
                    s.color,
                    end + 5.0,
                    y + BAR / 2.0 + 0.5,
                    esc(s.displays.first().map(String::as_str).unwrap_or(""))
                );
            }
            None => text_lines(
                &mut out,
                plot_left + 4.0,
                y + BAR / 2.0,
                &["–".to_owned()],
                "start",
                13.0,
                400,
            ),
        }
    }
    let _ = write!(
        out,
        r#"<line x1="{plot_left:.1}" y1="0" x2="{plot_left:.1}" y2="{:.1}" stroke="{MUTED}"/></svg>"#,
        height - 20.0
    );
    out
}

/// A radar of the categories around a circle, rings at the ticks; the
/// emphasised series filled, the others as outlines. A missing value breaks
/// the outline there.
pub fn radar(
    id: &str,
    title: &str,
    desc: &str,
    categories: &[String],
    series: &[Series],
    axis: &Axis,
) -> String {
    const RADIUS: f64 = 165.0;
    let (cx, cy) = (WIDTH / 2.0, RADIUS + 62.0);
    let n = categories.len().max(1) as f64;
    let point = |i: usize, r: f64| {
        let angle = -std::f64::consts::FRAC_PI_2 + i as f64 * std::f64::consts::TAU / n;
        (cx + r * angle.cos(), cy + r * angle.sin())
    };
    let radius_of = |v: f64| RADIUS * (v / axis.max).clamp(0.0, 1.0);
    let mut body = String::new();
    for (v, _) in &axis.ticks {
        if *v <= 0.0 {
            continue;
        }
        let ring: Vec<String> = (0..categories.len())
            .map(|i| {
                let (x, y) = point(i, radius_of(*v));
                format!("{x:.1},{y:.1}")
            })
            .collect();
        let _ = write!(
            body,
            r#"<polygon points="{}" fill="none" stroke="{GRID}" stroke-width="1"/>"#,
            ring.join(" ")
        );
    }
    for (i, category) in categories.iter().enumerate() {
        let (x, y) = point(i, RADIUS);
        let _ = write!(
            body,
            r#"<line x1="{cx:.1}" y1="{cy:.1}" x2="{x:.1}" y2="{y:.1}" stroke="{GRID}" stroke-width="1"/>"#
        );
        let (lx, ly) = point(i, RADIUS + 16.0);
        let anchor = match lx - cx {
            d if d > 8.0 => "start",
            d if d < -8.0 => "end",
            _ => "middle",
        };
        let lines = wrap(category, 22);
        // Labels above and below the circle grow away from it.
        let shift = (lines.len() as f64 - 1.0) * FONT * 0.6 + 4.0;
        let ly = match ly - cy {
            d if d < -RADIUS * 0.9 => ly - shift,
            d if d > RADIUS * 0.9 => ly + shift,
            _ => ly,
        };
        text_lines(&mut body, lx, ly, &lines, anchor, FONT, 400);
    }
    // Outlines first, the evaluation itself on top.
    let mut order: Vec<&Series> = series.iter().filter(|s| !s.emphasis).collect();
    order.extend(series.iter().filter(|s| s.emphasis));
    for s in order {
        let mut path = String::new();
        let mut previous = false;
        for i in 0..categories.len() {
            match s.values.get(i).copied().flatten() {
                Some(v) => {
                    let (x, y) = point(i, radius_of(v));
                    let _ = write!(path, "{}{x:.1},{y:.1} ", if previous { "L" } else { "M" });
                    previous = true;
                }
                None => previous = false,
            }
        }
        let complete =
            s.values.iter().take(categories.len()).all(Option::is_some) && !categories.is_empty();
        if complete {
            path.push('Z');
        }
        let dash = s
            .dash
            .map(|d| format!(r#" stroke-dasharray="{d}""#))
            .unwrap_or_default();
        let (fill, width) = if s.emphasis && complete {
            (format!(r#"fill="{}" fill-opacity="0.18""#, s.color), 3.0)
        } else {
            ("fill=\"none\"".to_owned(), 2.0)
        };
        let _ = write!(
            body,
            r#"<path d="{}" {fill} stroke="{}" stroke-width="{width}" stroke-linejoin="round"{dash}/>"#,
            path.trim_end(),
            s.color
        );
        if s.emphasis {
            for (i, v) in s.values.iter().enumerate().take(categories.len()) {
                if let Some(v) = v {
                    let (x, y) = point(i, radius_of(*v));
                    let _ = write!(
                        body,
                        r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="{}"/>"#,
                        s.color
                    );
                }
            }
        }
    }
    // Ring values last, so no outline covers them.
    for (v, label) in &axis.ticks {
        let _ = write!(
            body,
            r##"<text x="{:.1}" y="{:.1}" font-size="10" fill="{MUTED}" stroke="#fff" stroke-width="3" paint-order="stroke">{}</text>"##,
            cx + 4.0,
            cy - radius_of(*v) - 3.0,
            esc(label)
        );
    }
    let legend_top = cy + RADIUS + 52.0;
    let legend_height = legend(&mut body, series, legend_top, 40.0, true);
    let mut out = String::new();
    open(&mut out, WIDTH, legend_top + legend_height, id, title, desc);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

/// One evaluation in [`years_scatter`].
#[derive(Debug, Clone)]
pub struct Dot {
    pub x: f64,
    pub value: f64,
    /// Printed beside a marked dot (this municipality's).
    pub label: String,
    pub kind: DotKind,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DotKind {
    /// Another municipality's evaluation.
    Other,
    /// This municipality's earlier evaluation.
    Own,
    /// This evaluation.
    Current,
}

/// A horizontal axis of years from `first` to `last`, one tick a year when
/// there is room, else every second or fifth.
fn year_axis(first: i32, last: i32) -> (f64, f64, i32) {
    let (first, last) = (first as f64 - 0.5, last as f64 + 0.5);
    let span = last - first;
    let step = match span {
        s if s <= 16.0 => 1,
        s if s <= 32.0 => 2,
        _ => 5,
    };
    (first, last, step)
}

const OTHER_DOT: &str = "#9aa6b5";
const OWN_DOT: &str = "#7893b0";
const CURRENT_DOT: &str = "#1f4e79";

/// Every evaluation's total by year, this municipality marked: others as
/// small grey dots, its earlier evaluations as outlined dots, this one as a
/// large dot with its label. `legend` names the three kinds.
pub fn years_scatter(
    id: &str,
    title: &str,
    desc: &str,
    dots: &[Dot],
    axis: &Axis,
    floor: f64,
    legend_labels: [&str; 3],
) -> String {
    const HEIGHT: f64 = 300.0;
    let (plot_left, plot_right, top) = (48.0, WIDTH - 20.0, 34.0);
    let bottom = HEIGHT - 28.0;
    let years = dots.iter().map(|d| d.x as i32);
    let (first, last) = (
        years.clone().min().unwrap_or(2000),
        years.max().unwrap_or(2000),
    );
    let (x0, x1, step) = year_axis(first, last);
    let sx = |x: f64| plot_left + (plot_right - plot_left) * (x - x0) / (x1 - x0);
    let sy = |v: f64| bottom - (bottom - top) * ((v - floor) / (axis.max - floor)).clamp(0.0, 1.0);
    let mut body = String::new();
    // Legend on top.
    let mut lx = plot_left;
    for (kind, label) in [DotKind::Other, DotKind::Own, DotKind::Current]
        .iter()
        .zip(legend_labels)
    {
        body.push_str(&dot(lx + 6.0, 12.0, *kind));
        let _ = write!(
            body,
            r#"<text x="{:.1}" y="12.5" dominant-baseline="middle" font-size="{FONT}" fill="{INK}">{}</text>"#,
            lx + 16.0,
            esc(label)
        );
        lx += 16.0 + text_width(label, FONT) + 24.0;
    }
    for (v, label) in axis.ticks.iter().filter(|(v, _)| *v >= floor) {
        let y = sy(*v);
        let _ = write!(
            body,
            r#"<line x1="{plot_left:.1}" y1="{y:.1}" x2="{plot_right:.1}" y2="{y:.1}" stroke="{GRID}"/><text x="{:.1}" y="{y:.1}" text-anchor="end" dominant-baseline="middle" font-size="11" fill="{MUTED}">{}</text>"#,
            plot_left - 6.0,
            esc(label)
        );
    }
    let mut year = first;
    while year <= last {
        let x = sx(year as f64);
        let _ = write!(
            body,
            r#"<line x1="{x:.1}" y1="{bottom:.1}" x2="{x:.1}" y2="{:.1}" stroke="{MUTED}"/><text x="{x:.1}" y="{:.1}" text-anchor="middle" font-size="11" fill="{MUTED}">{year}</text>"#,
            bottom + 4.0,
            bottom + 16.0
        );
        year += step;
    }
    // Evaluations of one year are spread a little so that none hides another.
    let mut per_year: std::collections::BTreeMap<i32, usize> = Default::default();
    let mut placed: Vec<(f64, f64, &Dot)> = Vec::new();
    for d in dots {
        let k = per_year.entry(d.x as i32).or_default();
        let spread = [0.0, -0.18, 0.18, -0.09, 0.09, -0.27, 0.27][*k % 7];
        *k += 1;
        let x = if d.kind == DotKind::Current {
            d.x
        } else {
            d.x + spread
        };
        placed.push((sx(x), sy(d.value), d));
    }
    // Others first, this municipality on top.
    placed.sort_by_key(|(_, _, d)| d.kind as u8);
    for (x, y, d) in &placed {
        body.push_str(&dot(*x, *y, d.kind));
    }
    // This one's label above its dot, the earlier ones' below theirs, so
    // that a rising municipality's labels do not meet.
    for (x, y, d) in placed.iter().filter(|(_, _, d)| d.kind != DotKind::Other) {
        let current = d.kind == DotKind::Current;
        let anchor = if *x > plot_right - 110.0 {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            body,
            r##"<text x="{:.1}" y="{:.1}" text-anchor="{anchor}" font-size="{}" font-weight="{}" fill="{INK}" stroke="#fff" stroke-width="3" paint-order="stroke">{}</text>"##,
            if anchor == "end" { x + 6.0 } else { *x },
            if current { y - 11.0 } else { y + 17.0 },
            if current { 12 } else { 10 },
            if current { 700 } else { 400 },
            esc(&d.label)
        );
    }
    let _ = write!(
        body,
        r#"<line x1="{plot_left:.1}" y1="{bottom:.1}" x2="{plot_right:.1}" y2="{bottom:.1}" stroke="{MUTED}"/>"#
    );
    let mut out = String::new();
    open(&mut out, WIDTH, HEIGHT, id, title, desc);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

fn dot(x: f64, y: f64, kind: DotKind) -> String {
    match kind {
        DotKind::Other => {
            format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="3.5" fill="{OTHER_DOT}"/>"#)
        }
        DotKind::Own => format!(
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="4.5" fill="white" stroke="{OWN_DOT}" stroke-width="2.5"/>"#
        ),
        DotKind::Current => format!(
            r#"<circle cx="{x:.1}" cy="{y:.1}" r="6.5" fill="{CURRENT_DOT}" stroke="white" stroke-width="1.5"/>"#
        ),
    }
}

/// Lines over evaluations (`columns`, equally spaced, oldest first), one
/// per series, each value marked and the last one printed; a missing value
/// is skipped and the line joins the values on either side.
pub fn lines_over(
    id: &str,
    title: &str,
    desc: &str,
    columns: &[String],
    series: &[Series],
    axis: &Axis,
    height: f64,
) -> String {
    let (plot_left, plot_right) = (48.0, WIDTH - 70.0);
    let mut body = String::new();
    let legend_height = if series.len() > 1 {
        legend(&mut body, series, 0.0, plot_left, true)
    } else {
        0.0
    };
    let top = legend_height + 12.0;
    let bottom = top + height;
    let n = columns.len().max(1) as f64;
    let sx = |i: usize| plot_left + (plot_right - plot_left) * (i as f64 + 0.5) / n;
    let sy = |v: f64| bottom - height * (v / axis.max).clamp(0.0, 1.0);
    for (v, label) in &axis.ticks {
        let y = sy(*v);
        let _ = write!(
            body,
            r#"<line x1="{plot_left:.1}" y1="{y:.1}" x2="{plot_right:.1}" y2="{y:.1}" stroke="{GRID}"/><text x="{:.1}" y="{y:.1}" text-anchor="end" dominant-baseline="middle" font-size="11" fill="{MUTED}">{}</text>"#,
            plot_left - 6.0,
            esc(label)
        );
    }
    for (i, c) in columns.iter().enumerate() {
        text_lines(
            &mut body,
            sx(i),
            bottom + 16.0,
            &wrap(c, 18),
            "middle",
            11.0,
            400,
        );
    }
    let mut order: Vec<&Series> = series.iter().filter(|s| !s.emphasis).collect();
    order.extend(series.iter().filter(|s| s.emphasis));
    for s in order {
        let present: Vec<(usize, f64)> = s
            .values
            .iter()
            .enumerate()
            .filter_map(|(i, v)| v.map(|v| (i, v)))
            .collect();
        let path: Vec<String> = present
            .iter()
            .enumerate()
            .map(|(k, &(i, v))| {
                format!(
                    "{}{:.1},{:.1}",
                    if k == 0 { "M" } else { "L" },
                    sx(i),
                    sy(v)
                )
            })
            .collect();
        let width = if s.emphasis { 3.0 } else { 2.0 };
        let _ = write!(
            body,
            r#"<path d="{}" fill="none" stroke="{}" stroke-width="{width}" stroke-linejoin="round"/>"#,
            path.join(" "),
            s.color
        );
        for &(i, v) in &present {
            let _ = write!(
                body,
                r#"<circle cx="{:.1}" cy="{:.1}" r="{}" fill="{}"/>"#,
                sx(i),
                sy(v),
                if s.emphasis { 4.5 } else { 3.0 },
                s.color
            );
        }
        // A lone line has every value printed above it; several have their
        // last values at the right end, spread apart.
        if series.len() == 1 {
            for &(i, v) in &present {
                let _ = write!(
                    body,
                    r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" font-weight="700" fill="{}" stroke="#fff" stroke-width="3" paint-order="stroke">{}</text>"##,
                    sx(i),
                    sy(v) - 9.0,
                    s.color,
                    esc(&s.displays[i])
                );
            }
        }
    }
    if series.len() > 1 {
        let mut ends: Vec<(f64, f64, &Series, &str)> = series
            .iter()
            .filter_map(|s| {
                let i = s.values.iter().rposition(Option::is_some)?;
                Some((sy(s.values[i]?), sx(i), s, s.displays[i].as_str()))
            })
            .collect();
        ends.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut last = f64::NEG_INFINITY;
        for (y, x, s, text) in ends {
            let y = y.max(last + 11.0);
            last = y;
            let _ = write!(
                body,
                r#"<text x="{:.1}" y="{y:.1}" dominant-baseline="middle" font-size="11" fill="{}">{}</text>"#,
                x + 8.0,
                s.color,
                esc(text)
            );
        }
    }
    let _ = write!(
        body,
        r#"<line x1="{plot_left:.1}" y1="{bottom:.1}" x2="{plot_right:.1}" y2="{bottom:.1}" stroke="{MUTED}"/>"#
    );
    let mut out = String::new();
    open(&mut out, WIDTH, bottom + 40.0, id, title, desc);
    out.push_str(&body);
    out.push_str("</svg>");
    out
}

/// A chart with the text that goes under it.
pub struct Figure {
    pub svg: String,
    pub caption: String,
}

/// Every benchmark member's total by year with this municipality's
/// evaluations marked (the deck's "Norge 2012–2023"); `None` when no
/// member has a year.
pub fn standing_chart(r: &Report, bm: &BenchmarkReport) -> Option<Figure> {
    let lang = r.lang;
    let dots: Vec<Dot> = bm
        .points
        .iter()
        .filter_map(|p| {
            Some(Dot {
                x: f64::from(p.year?),
                value: p.total.as_f64(),
                label: format!("{}: {}", p.label, p.total.display),
                kind: match (p.current, p.own) {
                    (true, _) => DotKind::Current,
                    (false, true) => DotKind::Own,
                    _ => DotKind::Other,
                },
            })
        })
        .collect();
    if dots.is_empty() {
        return None;
    }
    let own_earlier = format!(
        "{} {}",
        r.title.municipality,
        lang.pick("tidligere", "earlier")
    );
    // From the hundred below the lowest total: the differences are what
    // the chart is for.
    let lowest = dots.iter().map(|d| d.value).fold(f64::INFINITY, f64::min);
    let floor = ((lowest / 100.0).floor() * 100.0).max(0.0);
    let svg = years_scatter(
        "standing",
        lang.pick(
            "Totalpoeng per evaluering og år",
            "Total points by evaluation and year",
        ),
        &bm.points
            .iter()
            .map(|p| format!("{} {}", p.label, p.total.display))
            .collect::<Vec<_>>()
            .join("; "),
        &dots,
        &hundreds_axis(r),
        floor,
        [
            lang.pick("Andre evalueringer", "Other evaluations"),
            &own_earlier,
            &r.current_label(),
        ],
    );
    let undated = bm.points.iter().filter(|p| p.year.is_none()).count();
    Some(Figure {
        svg,
        caption: words::standing_caption(undated, &format!("{floor}"), lang),
    })
}

/// Eight distinct colours for the areas' lines.
pub const AREA_LINES: [&str; 8] = [
    "#1f4e79", "#c8702a", "#5b8a3c", "#8b5a9e", "#b03a48", "#2a8a8a", "#8f7a1f", "#5b6675",
];

/// "2014 412, 2018 437, 2026 512" for a chart's description.
fn describe_row(row: &HistoryRow, columns: &[String]) -> String {
    columns
        .iter()
        .zip(&row.values)
        .map(|(c, v)| format!("{c} {}", v.as_ref().map_or("–", |p| p.display.as_str())))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The municipality's history as two line charts: the total, and the areas.
pub fn history_charts(r: &Report, h: &History) -> [String; 2] {
    let lang = r.lang;
    let columns: Vec<String> = h.columns.iter().map(|c| c.label.clone()).collect();
    let line = |label: String, color: &'static str, row: &HistoryRow, emphasis| Series {
        label,
        color,
        values: row
            .values
            .iter()
            .map(|v| v.as_ref().map(Points::as_f64))
            .collect(),
        displays: row
            .values
            .iter()
            .map(|v| v.as_ref().map_or("–".to_owned(), |p| p.display.clone()))
            .collect(),
        emphasis,
        dash: None,
    };
    let total = lines_over(
        "history-total",
        lang.pick("Totalpoeng over tid", "Total points over time"),
        &describe_row(&h.total, &columns),
        &columns,
        &[line(
            lang.pick("Totalt", "Total").to_owned(),
            CURRENT,
            &h.total,
            true,
        )],
        &total_axis(r),
        150.0,
    );
    let area_series: Vec<Series> = h
        .areas
        .iter()
        .enumerate()
        .map(|(k, row)| {
            line(
                format!("{} {}", row.id, row.title),
                AREA_LINES[k % AREA_LINES.len()],
                row,
                false,
            )
        })
        .collect();
    let areas = lines_over(
        "history-areas",
        lang.pick("Fokusområdene over tid", "The focus areas over time"),
        &h.areas
            .iter()
            .map(|row| format!("{} {}: {}", row.id, row.title, describe_row(row, &columns)))
            .collect::<Vec<_>>()
            .join("; "),
        &columns,
        &area_series,
        &area_axis(r),
        190.0,
    );
    [total, areas]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn series(label: &str, values: Vec<Option<f64>>, emphasis: bool) -> Series {
        Series {
            label: label.to_owned(),
            color: "#1f4e79",
            displays: values
                .iter()
                .map(|v| v.map_or("–".into(), |v| format!("{v:.0}")))
                .collect(),
            values,
            emphasis,
            dash: None,
        }
    }

    fn axis() -> Axis {
        Axis {
            max: 100.0,
            ticks: (0..=4)
                .map(|i| (25.0 * i as f64, (25 * i).to_string()))
                .collect(),
        }
    }

    #[test]
    fn labels_are_escaped_and_values_printed() {
        let cats = vec!["<b>Område</b> & co".to_owned(), "To".to_owned()];
        let svg = grouped_bars(
            "c",
            "T",
            "D",
            &cats,
            &[series("<script>", vec![Some(62.0), None], true)],
            &axis(),
        );
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(!svg.contains("<script>") && !svg.contains("<b>"));
        assert!(svg.contains("&lt;script&gt;") && svg.contains(">62</text>"));
    }

    #[test]
    fn radar_closes_only_complete_outlines() {
        let cats: Vec<String> = (1..=8).map(|i| format!("Område {i}")).collect();
        let full = series("A", vec![Some(50.0); 8], true);
        let mut gap = series("B", vec![Some(40.0); 8], false);
        gap.values[3] = None;
        let svg = radar("r", "T", "D", &cats, &[full, gap], &axis());
        assert_eq!(svg.matches("Z\"").count(), 1, "{svg}");
        assert_eq!(svg.matches("<circle").count(), 8);
    }

    #[test]
    fn a_long_bar_label_wraps_whole_instead_of_being_cut() {
        let long = "Nasjonalt snitt 2026 (fiktiv), 27 evalueringer";
        let rows = [
            series("Eksempelvik 2022", vec![Some(57.0)], false),
            series(long, vec![Some(58.0)], false),
        ];
        let svg = bar_rows("c", "T", "D", &rows, &axis());
        // Two lines, each right-aligned at a point at least its width
        // from the picture's left edge, and the row grown to hold them.
        for line in ["Nasjonalt snitt 2026", "(fiktiv), 27 evalueringer"] {
            let at = svg.find(&format!(">{line}</text>")).expect(line);
            let tag = &svg[svg[..at].rfind("<text").unwrap()..at];
            let x: f64 = tag["<text x=\"".len()..]
                .split('"')
                .next()
                .unwrap()
                .parse()
                .unwrap();
            assert!(
                x >= text_width(line, 13.0),
                "{line} starts left of the picture: {tag}"
            );
        }
        let height = |svg: &str| -> f64 {
            let view = svg.split("viewBox=\"0 0 480 ").nth(1).unwrap();
            view.split('"').next().unwrap().parse().unwrap()
        };
        assert_eq!(height(&bar_rows("c", "T", "D", &rows[..1], &axis())), 44.0);
        assert!(height(&svg) > 2.0 * 24.0 + 20.0, "{svg}");
    }

    #[test]
    fn wrap_breaks_at_spaces() {
        assert_eq!(
            wrap("Nye arbeidsmåter og ny teknikk som øker effektiviteten", 22),
            vec![
                "Nye arbeidsmåter og ny",
                "teknikk som øker",
                "effektiviteten"
            ]
        );
    }
}
