//! Management against staff: the scores by role.

use super::*;
use crate::core::exact::{format_points, int, to_f64};
use crate::core::lang::Lang;
use crate::core::review::agreement;
use crate::core::review::roles::{MANAGEMENT, STAFF};
use crate::core::text::one_line;
use crate::tui::screens::review::{Review, short_role};
use crate::tui::ui::{self, BOLD, DIM, WARN};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(super) fn draw_roles(frame: &mut Frame, area: Rect, s: &Review) {
    // One row per role, one column per area: the management rows, the
    // union row and the gap between them line up under each other.
    let view = &s.analysis.roles;
    let width = area.width as usize;
    let areas = s.bank.areas();
    let wide = width >= 110;
    let col = if wide { 9 } else { 5 };
    let last = 12;
    let label_w = width
        .saturating_sub(col * areas.len() + last + 1)
        .clamp(12, 30);
    let cell = |text: &str| right(text, col);
    let selected = |i: usize, style: Style| {
        if i == s.area {
            style.add_modifier(Modifier::REVERSED)
        } else {
            style
        }
    };
    let mut lines = vec![Line::styled(
        ui::truncate(
            &format!(
                " {}",
                s.t(
                    "Hver rolle alene: poeng per område (av 100) på spørsmålene rollen skåret",
                    "Each role alone: points per area (of 100) on the questions the role scored"
                )
            ),
            width,
        ),
        DIM,
    )];
    let mut head = vec![Span::styled(
        fit(&format!(" {}", s.t("Område", "Area")), label_w),
        BOLD,
    )];
    for (i, a) in areas.iter().enumerate() {
        head.push(Span::styled(cell(&a.id), selected(i, BOLD)));
    }
    head.push(Span::styled(
        right(s.t("intervjuer", "interviews"), last),
        DIM,
    ));
    lines.push(Line::from(head).style(Style::new().add_modifier(Modifier::UNDERLINED)));
    for r in &view.roles {
        let style = if STAFF.contains(&r.role.as_str()) {
            Style::new().fg(Color::Magenta).add_modifier(Modifier::BOLD)
        } else if MANAGEMENT.contains(&r.role.as_str()) {
            Style::new().fg(Color::Cyan).add_modifier(Modifier::BOLD)
        } else {
            Style::new()
        };
        let mut spans = vec![Span::styled(
            fit(
                &format!(" {}", short_role(s.bank, &r.role, s.lang)),
                label_w,
            ),
            style,
        )];
        for (i, a) in areas.iter().enumerate() {
            let text = r.areas.get(i).map_or("–".to_owned(), |ra| {
                if ra.max_scored > int(0) {
                    format_points(ra.points / ra.max_scored * a.max_points, 0, s.lang)
                } else {
                    "–".into()
                }
            });
            spans.push(Span::styled(cell(&text), selected(i, style)));
        }
        spans.push(Span::styled(right(&r.interviews.to_string(), last), DIM));
        lines.push(Line::from(spans));
    }
    let mut gap = vec![Span::styled(
        fit(
            &format!(" {}", s.t("Ledelse − tillitsvalgte", "Management − union")),
            label_w,
        ),
        BOLD.fg(Color::Red),
    )];
    for (i, a) in areas.iter().enumerate() {
        let g = view.gaps.get(i);
        let (text, style) = match g.and_then(|g| g.gap().map(|x| (g, x))) {
            Some((g, x)) if g.max > int(0) => {
                let scaled = x / g.max * a.max_points;
                let n = to_f64(scaled).abs();
                let style = if n >= 20.0 {
                    WARN.add_modifier(Modifier::REVERSED)
                } else if n >= 10.0 {
                    BOLD.fg(Color::Yellow)
                } else {
                    Style::new()
                };
                let sign = if scaled > int(0) { "+" } else { "" };
                (format!("{sign}{}", format_points(scaled, 0, s.lang)), style)
            }
            _ => ("–".into(), DIM),
        };
        gap.push(Span::styled(cell(&text), selected(i, style)));
    }
    lines.push(Line::from(gap).style(Style::new().add_modifier(Modifier::UNDERLINED)));
    let mut alpha = vec![Span::styled(
        fit(
            &format!(" {}", s.t("Samstemthet α", "Agreement α")),
            label_w,
        ),
        BOLD,
    )];
    for (i, ag) in s.analysis.agreement.areas.iter().enumerate() {
        alpha.push(Span::styled(
            cell(&alpha_text(ag.alpha, s.lang)),
            selected(i, alpha_style(ag.alpha)),
        ));
    }
    let overall = s.analysis.agreement.overall;
    alpha.push(Span::styled(
        right(
            &format!(
                "{} {}",
                s.t("samlet", "overall"),
                alpha_text(overall, s.lang)
            ),
            last,
        ),
        alpha_style(overall),
    ));
    lines.push(Line::from(alpha));
    lines.push(Line::raw(""));
    // The selected area, and what the figures mean.
    if let Some(a) = areas.get(s.area) {
        let g = view.gaps.get(s.area);
        let detail = match g.filter(|g| g.common > 0) {
            Some(g) => {
                let (m, u, max) = (
                    format_points(g.management, 1, s.lang),
                    format_points(g.staff, 1, s.lang),
                    format_points(g.max, 0, s.lang),
                );
                match s.lang {
                    Lang::Nb => format!(
                        "på {} begge skåret, ga ledelsen {m} og de tillitsvalgte {u} av {max} mulige poeng",
                        s.lang.count(g.common, ["spørsmål", "spørsmål"], ["", ""])
                    ),
                    Lang::En => format!(
                        "on {} both scored, management gave {m} and the union {u} of {max} possible points",
                        s.lang.count(g.common, ["", ""], ["question", "questions"])
                    ),
                }
            }
            None => s
                .t(
                    "ingen spørsmål skåret av både ledelsen og de tillitsvalgte",
                    "no question scored by both management and the union",
                )
                .to_owned(),
        };
        for l in ui::wrap(
            &format!(
                "{} {}: {detail}. {}",
                a.id,
                one_line(a.title.get(s.lang)),
                s.t(
                    "Enter viser områdets funn.",
                    "Enter shows the area's findings."
                )
            ),
            width.saturating_sub(2),
        ) {
            lines.push(Line::styled(format!(" {l}"), BOLD));
        }
    }
    let notes = [
        agreement::explanation(s.lang),
        s.t(
            "Ledelse − tillitsvalgte: ordfører og kommunedirektør minus hovedtillitsvalgte, på spørsmålene begge har skåret, omregnet til 100. Positivt: ledelsen gir flere poeng.",
            "Management − union: mayor and chief executive minus the chief union representatives, on the questions both scored, scaled to 100. Positive: management gives more points.",
        ),
    ];
    for n in notes {
        for l in ui::wrap(n, width.saturating_sub(2)) {
            lines.push(Line::styled(format!(" {l}"), DIM));
        }
    }
    frame.render_widget(Paragraph::new(lines), area);
}

// ----- findings -----
