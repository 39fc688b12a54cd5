//! The suggested groups of an area's findings, and the confirmation of a
//! bulk accept.

use super::*;
use crate::core::exact::Exact;
use crate::core::session::FindingKind;
use crate::tui::screens::review::{SuggestionsView, value_text};
use crate::tui::ui::SELECTED;

fn kind_plural(kind: FindingKind, s: &Review) -> &'static str {
    match kind {
        FindingKind::Strength => s.t("Styrker", "Strengths"),
        FindingKind::Challenge => s.t("Utfordringer", "Challenges"),
        FindingKind::Weakness => s.t("Svakheter", "Weaknesses"),
    }
}

pub(super) fn draw_suggestions(frame: &mut Frame, area: Rect, s: &Review, view: &SuggestionsView) {
    let width = area.width as usize;
    let (area_def, banner) = findings_area_banner(s);
    let findings = s
        .assessment()
        .findings
        .get(&area_def.id)
        .map_or(0, Vec::len);
    let mut head = vec![Line::from(vec![
        banner,
        Span::styled(
            format!(
                " {} {} · {findings} {}",
                view.groups.len(),
                s.t("forslag", "suggestions"),
                s.t("funn", "findings"),
            ),
            BOLD,
        ),
        Span::styled(
            format!("  g {}", s.t("tilbake til funnene", "back to the findings")),
            DIM,
        ),
    ])];
    head.push(Line::styled(
        ui::truncate(
            s.t(
                " m slår hele gruppen sammen (kildene beholdes) · Enter redigerer først · d avviser for godt",
                " m merges the whole group (sources kept) · Enter edits first · d dismisses for good",
            ),
            width,
        ),
        DIM,
    ));
    for w in &view.warnings {
        head.push(Line::styled(
            ui::truncate(
                &format!(
                    " ⚠ {} {} / {}: «{}» ~ «{}»",
                    s.t("Kanskje samme punkt som", "Maybe one point as"),
                    w.kinds[0].label(s.lang),
                    w.kinds[1].label(s.lang),
                    one_line(&w.texts[0]),
                    one_line(&w.texts[1])
                ),
                width,
            ),
            Style::new().fg(Color::Yellow),
        ));
    }
    // Each group: a line with its kind, size and representative, then its
    // members with where each came from.
    let mut items: Vec<Vec<Line>> = Vec::new();
    for (g, group) in view.groups.iter().enumerate() {
        let chosen = g == view.cursor;
        let mut first = Line::from(vec![
            Span::raw(if chosen { "▶ " } else { "  " }),
            Span::styled(
                format!(
                    "{} {}, {} {} → ",
                    ui::finding_mark(group.kind),
                    kind_plural(group.kind, s),
                    group.members.len(),
                    s.t("funn", "findings")
                ),
                ui::finding_style(group.kind).add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                ui::truncate(
                    &format!("«{}»", one_line(&group.representative)),
                    width.saturating_sub(26),
                ),
                BOLD,
            ),
        ]);
        if chosen {
            first = first.style(SELECTED);
        }
        let mut lines = vec![first];
        for m in &group.members {
            let source = format!("{} {}", m.source.question, source_who(s, &m.source));
            let text_w = (width.saturating_sub(6) * 3 / 5).max(10);
            lines.push(Line::from(vec![
                Span::raw("    · "),
                Span::raw(fit(&one_line(&m.text), text_w)),
                Span::styled(
                    ui::truncate(&format!(" {source}"), width.saturating_sub(6 + text_w)),
                    DIM,
                ),
            ]));
        }
        items.push(lines);
    }
    let height = (area.height as usize).saturating_sub(head.len());
    // Scroll so that the selected group is in view, from its first line.
    let mut start = 0;
    while start < view.cursor
        && items[start..=view.cursor]
            .iter()
            .map(Vec::len)
            .sum::<usize>()
            > height
    {
        start += 1;
    }
    let mut lines = head;
    for l in items.into_iter().skip(start) {
        lines.extend(l);
    }
    if view.groups.is_empty() {
        lines.push(empty(
            s,
            "Ingen forslag: funnene som er igjen sier ulike ting, eller er behandlet",
            "No suggestions: the findings left say different things, or are curated",
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// "Godta 23 spørsmål der spredningen er høyst 1?"
pub(super) fn draw_bulk(frame: &mut Frame, body: Rect, s: &Review, max_spread: Exact) {
    let n = s.bulk_count(max_spread);
    let limit = value_text(Some(max_spread), s.lang);
    let lines = vec![
        Line::from(vec![
            Span::styled(format!("{} ", s.t("Godta", "Accept")), BOLD),
            Span::styled(format!("{n}"), GOLD),
            Span::styled(
                format!(
                    " {} {limit}?",
                    s.t(
                        "uavgjorte spørsmål der spredningen er høyst",
                        "undecided questions whose spread is at most"
                    )
                ),
                BOLD,
            ),
        ]),
        Line::raw(s.t(
            "Hvert får forslaget (medianen) med verdiene, som ved å godta ett og ett.",
            "Each gets its suggestion (the median) with its values, as one accept at a time.",
        )),
        Line::raw(""),
        Line::styled(
            s.t(
                "Enter: godta alle (Ctrl-Z angrer alle) · + / −: grensen · Esc: avbryt",
                "Enter: accept them all (Ctrl-Z undoes all) · + / −: the limit · Esc: cancel",
            ),
            DIM,
        ),
    ];
    let rect = prompt_rect(body, lines.len() as u16 + 1);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(format!(
            " {} ",
            s.t(
                "Godta der intervjuene er enige",
                "Accept where the interviews agree"
            )
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(block),
        rect,
    );
}
