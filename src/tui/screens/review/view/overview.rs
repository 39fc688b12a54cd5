//! The overview: the scores of every area, agreement and what is left to decide.

use super::*;
use crate::core::assessment::DecisionState;
use crate::core::exact::{Exact, int};
use crate::core::lang::Lang;
use crate::core::review::question::{self};
use crate::core::review::{agreement, open};
use crate::core::text::one_line;
use crate::tui::dashboard::Dashboard;
use crate::tui::screens::review::{Review, value_text};
use crate::tui::ui::{self, ACCENT, BOLD, DIM, WARN};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Paragraph};

pub(super) fn draw_overview(frame: &mut Frame, area: Rect, s: &Review) {
    let a = s.assessment();
    let width = area.width as usize;
    let mut hint: Vec<Line> = Vec::new();
    if let Some(text) = &s.hint {
        for l in ui::clip_lines(ui::wrap(&one_line(text), width.saturating_sub(2)), 3, width) {
            hint.push(Line::styled(format!(" {l}"), BOLD.fg(Color::Green)));
        }
    }
    let [hint_area, area] =
        Layout::vertical([Constraint::Length(hint.len() as u16), Constraint::Min(0)]).areas(area);
    frame.render_widget(Paragraph::new(hint), hint_area);
    let mut top: Vec<Line> = Vec::new();
    let p = question::progress(a);
    let alpha = s.analysis.agreement.overall;
    let mut status = vec![
        Span::styled(
            format!(
                " {} {} {} {} ",
                s.t("Avgjort", "Decided"),
                p.decided,
                s.t("av", "of"),
                p.questions
            ),
            BOLD,
        ),
        Span::styled(
            format!("· {} {} ", p.overridden, s.t("overstyrt", "overridden")),
            Style::new().fg(Color::Yellow),
        ),
    ];
    if p.changed_since_accepted > 0 {
        status.push(Span::styled(
            format!(
                "· {} {} ",
                p.changed_since_accepted,
                s.t("endret siden godtatt", "changed since accepted")
            ),
            WARN,
        ));
    }
    status.extend([Span::raw(format!(
        "· {} α {} ",
        s.t("samstemthet", "agreement"),
        alpha_text(alpha, s.lang)
    ))]);
    if !a.baselines.is_empty() {
        status.push(Span::styled(
            format!(
                "· {} {}",
                a.baselines.len(),
                s.t("sammenligningsgrunnlag", "baselines")
            ),
            DIM,
        ));
    } else {
        status.push(Span::styled(
            s.t("· Ctrl-B: sammenligningsgrunnlag", "· Ctrl-B: baselines"),
            DIM,
        ));
    }
    top.push(Line::from(status));
    // Files left out stay listed here, not only in the first notice.
    if let Some(bad) = open::bad_files_line(&s.rs.bad_files, s.lang) {
        for l in ui::clip_lines(
            ui::wrap(&format!("⚠ {}", one_line(&bad)), width.saturating_sub(2)),
            3,
            width,
        ) {
            top.push(Line::styled(format!(" {l}"), WARN));
        }
    }
    top.push(Line::raw(""));
    let side_w: u16 = if area.width >= 110 { 38 } else { 0 };
    let [main, side] =
        Layout::horizontal([Constraint::Min(0), Constraint::Length(side_w)]).areas(area);
    let top_h = (top.len() as u16).min(main.height);
    let [top_area, dash] =
        Layout::vertical([Constraint::Length(top_h), Constraint::Min(0)]).areas(main);
    frame.render_widget(Paragraph::new(top), top_area);
    let mut dash = Rect {
        x: dash.x + 1,
        width: dash.width.saturating_sub(2),
        ..dash
    };
    // Without the side panel, the most disputed questions get the last line.
    let disputed = s.order.iter().any(|d| !d.decided && d.max.is_some());
    if side_w == 0 && dash.height >= 14 && disputed {
        let ids: Vec<String> = s
            .order
            .iter()
            .filter(|d| !d.decided && d.max.is_some())
            .take(6)
            .map(|d| format!("{} ({})", d.question, value_text(d.max, s.lang)))
            .collect();
        let line = Line::from(vec![
            Span::styled(s.t("Mest uenige: ", "Most disputed: "), BOLD.fg(ACCENT)),
            Span::raw(ui::truncate(&ids.join(" · "), dash.width as usize)),
        ]);
        let bottom = Rect {
            y: dash.y + dash.height - 1,
            height: 1,
            ..dash
        };
        frame.render_widget(Paragraph::new(line), bottom);
        dash.height -= 2;
    }
    // The evaluators' texts so far, where the dashboard leaves room.
    if dash.height >= 15 {
        let w = dash.width as usize;
        let [summary, way] = whole_text_lines(s, w);
        let lines = vec![area_text_line(s, s.area, w), summary, way];
        let bottom = Rect {
            y: dash.y + dash.height - 3,
            height: 3,
            ..dash
        };
        frame.render_widget(Paragraph::new(lines), bottom);
        dash.height -= 4;
    }
    frame.render_widget(
        Dashboard::new(&s.card, s.bank, s.lang)
            .baselines(&s.bases)
            .selected(Some(s.area))
            .drill(s.drill),
        dash,
    );
    if side_w > 0 {
        draw_overview_side(frame, side, s);
    }
}

pub(super) fn alpha_text(alpha: Option<f64>, lang: Lang) -> String {
    match alpha {
        None => "–".into(),
        Some(a) => {
            let text = format!("{a:.2}");
            if lang == Lang::Nb {
                text.replace('.', ",")
            } else {
                text
            }
        }
    }
}

pub(super) fn alpha_style(alpha: Option<f64>) -> Style {
    match alpha {
        Some(a) if a < 0.67 => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Some(a) if a < 0.8 => Style::new().fg(Color::Yellow),
        Some(_) => Style::new().fg(Color::Green),
        None => DIM,
    }
}

pub(super) fn draw_overview_side(frame: &mut Frame, area: Rect, s: &Review) {
    let w = area.width.saturating_sub(2) as usize;
    let mut lines = vec![Line::styled(
        s.t("Mest uenige spørsmål", "Most disputed questions"),
        BOLD.fg(ACCENT),
    )];
    for d in s
        .order
        .iter()
        .filter(|d| !d.decided && d.max.is_some())
        .take(5)
    {
        let text = s.bank.position(&d.question).map_or_else(String::new, |p| {
            one_line(s.bank.subarea_of(p).title.get(s.lang))
        });
        let spread = value_text(d.max, s.lang);
        lines.push(Line::from(vec![
            Span::styled(format!("{:<7}", d.question), BOLD),
            Span::styled(format!("{spread:>4} "), spread_style(d.max)),
            Span::styled(ui::truncate(&text, w.saturating_sub(12)), DIM),
        ]));
    }
    lines.push(Line::styled(
        s.t(
            "Tab → uenighetslisten, Enter åpner",
            "Tab → the list, Enter opens",
        ),
        DIM,
    ));
    lines.push(Line::raw(""));
    lines.push(Line::styled(
        s.t("Samstemthet per område (α)", "Agreement per area (α)"),
        BOLD.fg(ACCENT),
    ));
    for (i, ag) in s.analysis.agreement.areas.iter().enumerate() {
        let title = s
            .bank
            .areas()
            .get(i)
            .map_or_else(String::new, |a| one_line(a.title.get(s.lang)));
        lines.push(Line::from(vec![
            Span::styled(format!("{:<2}", ag.area), BOLD),
            Span::raw(fit(&title, w.saturating_sub(8))),
            Span::styled(
                right(&alpha_text(ag.alpha, s.lang), 6),
                alpha_style(ag.alpha),
            ),
        ]));
    }
    for l in ui::wrap(agreement::explanation(s.lang), w) {
        lines.push(Line::styled(l, DIM));
    }
    if !s.rs.warnings.is_empty() {
        lines.push(Line::raw(""));
        lines.push(Line::styled(
            format!("⚠ {} {}", s.rs.warnings.len(), s.t("merknader", "notes")),
            BOLD.fg(Color::Yellow),
        ));
        for warn in &s.rs.warnings {
            for l in ui::wrap(&one_line(warn), w) {
                lines.push(Line::styled(l, DIM));
            }
        }
    }
    let inner = Rect {
        x: area.x + 1,
        width: area.width.saturating_sub(1),
        ..area
    };
    frame.render_widget(
        Paragraph::new(lines).block(Block::default().borders(Borders::LEFT).border_style(DIM)),
        inner,
    );
}

pub(super) fn spread_style(max: Option<Exact>) -> Style {
    match max {
        Some(m) if m >= int(3) => WARN.add_modifier(Modifier::REVERSED),
        Some(m) if m >= int(2) => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Some(m) if m >= int(1) => Style::new().fg(Color::Yellow),
        _ => DIM,
    }
}

// ----- disagreement list -----

/// The first visible row so that `cursor` is in view.
pub(super) fn scroll_start(cursor: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    cursor
        .saturating_sub(height.saturating_sub(3).max(1).min(height - 1))
        .min(len.saturating_sub(height))
}

pub(super) fn decision_mark(s: &Review, id: &str) -> (String, Style) {
    let state = s.assessment().questions.get(id).map(|r| r.state());
    match state {
        Some(DecisionState::Accepted) => (
            format!("✓ {}", s.t("godtatt", "accepted")),
            Style::new().fg(Color::Green),
        ),
        Some(DecisionState::ChangedSinceAccepted) => {
            (format!("! {}", s.t("endret", "changed")), WARN)
        }
        Some(DecisionState::Overridden) => (
            format!("* {}", s.t("overstyrt", "overridden")),
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ),
        // Set by hand to the suggestion: decided, not an override.
        Some(DecisionState::OverrideAsSuggested) => (
            format!("✓ {}", s.t("satt", "set")),
            Style::new().fg(Color::Green),
        ),
        Some(DecisionState::Undecided) | None => (format!("· {}", s.t("åpen", "open")), DIM),
    }
}
