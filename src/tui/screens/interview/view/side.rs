//! The side of the interview screen: the level, the scale, the navigator and
//! the dashboard.

use super::*;
use crate::core::bank::DIMENSIONS;
use crate::core::exact::format_points;
use crate::core::text::one_line;
use crate::tui::dashboard::Dashboard;
use crate::tui::screens::interview::{Focus, Interview};
use crate::tui::ui::{self, ACCENT, BOLD, DIM, SELECTED};
use crate::tui::walk::NavRow;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};

pub(super) fn draw_side(frame: &mut Frame, area: Rect, s: &Interview) {
    let block = Block::default().borders(Borders::LEFT).border_style(DIM);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let dash_h = 2 + 1 + s.card.areas.len() as u16 + 1;
    if inner.width >= 36 && inner.height >= dash_h + 8 {
        let [nav, dash] =
            Layout::vertical([Constraint::Min(0), Constraint::Length(dash_h)]).areas(inner);
        if s.focus == Focus::Scores {
            draw_scale(frame, nav, s);
        } else {
            draw_navigator(frame, nav, s);
        }
        draw_mini_dashboard(frame, dash, s);
    } else if s.focus == Focus::Scores {
        let [dash, level] =
            Layout::vertical([Constraint::Length(dash_h + 1), Constraint::Min(0)]).areas(inner);
        draw_mini_dashboard(frame, dash, s);
        draw_level(frame, level, s);
    } else {
        draw_navigator(frame, inner, s);
    }
}

/// The full description of the level under the score cursor (the score
/// rows only have room for its start on narrow screens).
pub(super) fn draw_level(frame: &mut Frame, area: Rect, s: &Interview) {
    let d = DIMENSIONS[s.score_cursor];
    let label = s
        .bank
        .dimension(d)
        .map_or(d.id().to_owned(), |x| one_line(x.label.get(s.lang)));
    let value = s
        .question_index()
        .and_then(|i| s.answer(i))
        .and_then(|a| a.scores.get(d));
    let text = match value {
        Some(v) if v.is_integer() => format!(
            "{}: {}",
            v.to_integer(),
            s.bank
                .level_text(d, v.to_integer() as u32, s.lang)
                .map(one_line)
                .unwrap_or_default()
        ),
        Some(v) => format_points(v, 1, s.lang),
        None => format!(
            "{} {}–{}",
            s.t("Ikke scoret. Tast", "Not scored. Type"),
            s.bank.scale_min(),
            s.bank.scale_max()
        ),
    };
    let block = heading(format!(" {label} "), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let lines = ui::clip_lines(
        ui::wrap(&text, inner.width as usize),
        inner.height as usize,
        inner.width as usize,
    );
    frame.render_widget(
        Paragraph::new(lines.into_iter().map(Line::raw).collect::<Vec<_>>()),
        inner,
    );
}

/// Every level of the dimension under the score cursor, the value given
/// marked: a calibration guide while scoring on a large screen.
pub(super) fn draw_scale(frame: &mut Frame, area: Rect, s: &Interview) {
    let d = DIMENSIONS[s.score_cursor];
    let Some(def) = s.bank.dimension(d) else {
        return;
    };
    let value = s
        .question_index()
        .and_then(|i| s.answer(i))
        .and_then(|a| a.scores.get(d));
    let block = heading(format!(" {} ", one_line(def.label.get(s.lang))), true);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let width = inner.width as usize;
    let mut lines = Vec::new();
    for level in &def.levels {
        let chosen = value.is_some_and(|v| v == crate::core::exact::int(level.value as i128));
        let style = if chosen {
            BOLD.fg(Color::Black).bg(ACCENT)
        } else {
            Style::new()
        };
        for (k, l) in ui::wrap(&one_line(level.text.get(s.lang)), width.saturating_sub(3))
            .into_iter()
            .enumerate()
        {
            let head = if k == 0 {
                format!("{:>2} ", level.value)
            } else {
                "   ".into()
            };
            lines.push(Line::from(vec![
                Span::styled(head, BOLD.fg(ACCENT)),
                Span::styled(l, style),
            ]));
        }
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

pub(super) fn draw_mini_dashboard(frame: &mut Frame, area: Rect, s: &Interview) {
    let block = heading(format!(" {} · Ctrl-D ", s.t("Poeng", "Points")), false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let current = s.question_index().map(|i| s.walk.positions[i].area);
    frame.render_widget(
        Dashboard::new(&s.card, s.bank, s.lang).selected(current),
        inner,
    );
}

/// The mark of a question in the navigator: ✓ scored, ◐ begun, blank.
pub(super) fn progress_mark(s: &Interview, i: usize) -> &'static str {
    let a = s.answer(i);
    if a.is_some_and(|a| a.scores.is_complete()) {
        "✓"
    } else if a.is_some_and(|a| !a.scores.is_empty() || !a.findings.is_empty()) || s.has_notes(i) {
        "◐"
    } else {
        " "
    }
}

pub(super) fn draw_navigator(frame: &mut Frame, area: Rect, s: &Interview) {
    let rows = &s.walk.rows;
    let height = area.height as usize;
    let width = area.width as usize;
    let focus_row = if s.focus == Focus::Navigator {
        s.nav_cursor
    } else {
        s.walk.row_of(s.page).unwrap_or(0)
    };
    // Keep the row of interest a third from the top.
    let first = focus_row
        .saturating_sub(height / 3)
        .min(rows.len().saturating_sub(height));
    let current = s.walk.row_of(s.page);
    let lines: Vec<Line> = rows
        .iter()
        .enumerate()
        .skip(first)
        .take(height)
        .map(|(r, row)| {
            let mut line = match *row {
                NavRow::Area(a) => {
                    let area = &s.bank.areas()[a];
                    Line::styled(
                        ui::truncate(
                            &format!("{} {}", area.id, one_line(area.title.get(s.lang))),
                            width,
                        ),
                        BOLD.fg(ACCENT),
                    )
                }
                NavRow::Subarea(a, k) => {
                    let sub = &s.bank.areas()[a].subareas[k];
                    Line::styled(
                        ui::truncate(
                            &format!(" {} {}", sub.id, one_line(sub.title.get(s.lang))),
                            width,
                        ),
                        DIM,
                    )
                }
                NavRow::Question(i) => {
                    let q = s.bank.at(s.walk.positions[i]);
                    let flag = if s.answer(i).is_some_and(|a| a.flagged) {
                        "⚑"
                    } else {
                        " "
                    };
                    let routed = if s.walk.routed[i] { " " } else { "○" };
                    let here = if current == Some(r) { "›" } else { " " };
                    let head = format!(" {here}{}{flag}{routed}{}", progress_mark(s, i), q.id);
                    let rest = width
                        .saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str()) + 1);
                    let text = if rest >= 8 {
                        format!(" {}", ui::truncate(&one_line(q.text.get(s.lang)), rest))
                    } else {
                        String::new()
                    };
                    let style = if s.walk.routed[i] { Style::new() } else { DIM };
                    Line::styled(format!("{head}{text}"), style)
                }
                NavRow::Closing => Line::styled(
                    format!(
                        " {}★ {}",
                        if current == Some(r) { "›" } else { " " },
                        s.t("Avslutning", "Closing")
                    ),
                    Style::new().fg(ACCENT),
                ),
            };
            if Some(r) == current {
                line = line.style(BOLD.fg(Color::Black).bg(ACCENT));
            }
            if s.focus == Focus::Navigator && r == s.nav_cursor {
                line = line.style(SELECTED.add_modifier(Modifier::BOLD));
            }
            line
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), area);
}

pub(super) fn draw_dashboard(
    frame: &mut Frame,
    area: Rect,
    s: &Interview,
    selected: usize,
    drill: bool,
) {
    frame.render_widget(Clear, area);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(format!(
            " {} · {} ",
            s.t("Poengoversikt", "Score dashboard"),
            s.t(
                "↑↓ område · Enter delområder · Esc lukker",
                "↑↓ area · Enter sub-areas · Esc closes"
            )
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    frame.render_widget(
        Dashboard::new(&s.card, s.bank, s.lang)
            .selected(Some(selected))
            .drill(drill),
        inner,
    );
}
