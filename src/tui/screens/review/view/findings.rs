//! The findings, the priorities and the conflicts of changed interviews.

use super::*;
use crate::core::review::findings::{self, origin};
use crate::core::text::one_line;
use crate::tui::screens::review::{PriorityRow, Review, short_role};
use crate::tui::ui::{self, ACCENT, BOLD, DIM, SELECTED, WARN};
use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

/// The findings screen's area, and its heading: " ◀ 2 Samfunnsutvikling ▶ ".
pub(super) fn findings_area_banner<'a>(
    s: &'a Review,
) -> (&'a crate::core::bank::Area, Span<'static>) {
    let area_def = &s.bank.areas()[s.findings_area.min(s.bank.areas().len() - 1)];
    let banner = Span::styled(
        format!(
            " ◀ {} {} ▶ ",
            area_def.id,
            one_line(area_def.title.get(s.lang))
        ),
        BOLD.fg(ACCENT).add_modifier(Modifier::REVERSED),
    );
    (area_def, banner)
}

pub(super) fn draw_findings(frame: &mut Frame, area: Rect, s: &Review) {
    let a = s.assessment();
    let width = area.width as usize;
    let (area_def, banner) = findings_area_banner(s);
    let live = a.findings.get(&area_def.id).map_or(&[][..], Vec::as_slice);
    let dropped = a.dropped.get(&area_def.id).map_or(&[][..], Vec::as_slice);
    let stars = live.iter().filter(|f| f.best_practice).count();
    let across = findings::across_kinds(a, &area_def.id);
    let mut head = vec![Line::from(vec![
        banner,
        Span::styled(
            format!(
                " {} {} · {stars} ★ · {} {}",
                live.len(),
                s.t("funn", "findings"),
                dropped.len(),
                s.t("forkastet", "dropped")
            ),
            BOLD,
        ),
        Span::styled(format!("  ←→ {}", s.t("bytter område", "change area")), DIM),
    ])];
    head.push(area_text_line(s, s.findings_area, width));
    if !across.is_empty() {
        head.push(Line::styled(
            format!(
                " ⚠ {} {}",
                across.len(),
                s.t(
                    "funn har samme tekst som et funn av en annen type (k bytter type, d forkaster)",
                    "findings have the text of a finding of another kind (k changes kind, d drops)"
                )
            ),
            WARN,
        ));
    }
    if !s.marked.is_empty() {
        head.push(Line::styled(
            format!(
                " {} {} · m {}",
                s.marked.len(),
                s.t("merket", "marked"),
                s.t("slår sammen", "merges")
            ),
            BOLD.fg(Color::Yellow),
        ));
    }
    // Every finding takes two lines: the text, and where it came from.
    let mut items: Vec<(usize, Vec<Line>)> = Vec::new();
    let text_w = width.saturating_sub(12);
    for (i, f) in live.iter().enumerate() {
        let marked = if s.marked.contains(&i) { "[x]" } else { "   " };
        let star = if f.best_practice {
            Span::styled("★ ", GOLD)
        } else {
            Span::raw("  ")
        };
        let mut first = vec![
            Span::styled(marked.to_owned(), BOLD.fg(Color::Yellow)),
            star,
            Span::styled(
                format!("{} ", ui::finding_mark(f.kind)),
                ui::finding_style(f.kind).add_modifier(Modifier::BOLD),
            ),
            Span::styled(fit(f.kind.label(s.lang), 11), ui::finding_style(f.kind)),
            Span::styled(
                ui::truncate(&one_line(&f.text), text_w.saturating_sub(11)),
                if f.best_practice { BOLD } else { Style::new() },
            ),
        ];
        if i == s.finding_cursor {
            first.insert(0, Span::raw("▶"));
        } else {
            first.insert(0, Span::raw(" "));
        }
        let mut line = Line::from(first);
        if i == s.finding_cursor {
            line = line.style(SELECTED);
        }
        let mut source = sources_text(s, &f.sources);
        if f.own {
            let own = s.t("◇ evaluatorenes eget funn", "◇ the evaluators' own finding");
            source = if f.sources.is_empty() {
                own.to_owned()
            } else {
                format!("{own} · {source}")
            };
        }
        if let Some((_, other)) = across.iter().find(|(j, _)| *j == i) {
            source = format!(
                "⚠ {} {} · {source}",
                s.t("samme tekst også som", "the same text also as"),
                other.label(s.lang).to_lowercase()
            );
        }
        items.push((
            i,
            vec![
                line,
                Line::styled(
                    format!(
                        "         {}",
                        ui::truncate(&source, width.saturating_sub(10))
                    ),
                    DIM,
                ),
            ],
        ));
    }
    if !dropped.is_empty() {
        items.push((
            usize::MAX,
            vec![Line::styled(
                format!(
                    " ── {} ({}) · r {} ──",
                    s.t("Forkastet", "Dropped"),
                    dropped.len(),
                    s.t("gjenoppretter", "restores")
                ),
                DIM,
            )],
        ));
    }
    for (k, f) in dropped.iter().enumerate() {
        let i = live.len() + k;
        let mut line = Line::styled(
            format!(
                "{}   ✗ {}",
                if i == s.finding_cursor { "▶" } else { " " },
                ui::truncate(&one_line(&f.text), width.saturating_sub(8))
            ),
            DIM.add_modifier(Modifier::CROSSED_OUT),
        );
        if i == s.finding_cursor {
            line = line.style(SELECTED);
        }
        items.push((i, vec![line]));
    }
    let height = (area.height as usize).saturating_sub(head.len());
    // Scroll so that the selected item is in view.
    let mut start = 0;
    let pos = items
        .iter()
        .position(|(i, _)| *i == s.finding_cursor)
        .unwrap_or(0);
    loop {
        let used: usize = items[start..=pos.min(items.len().saturating_sub(1))]
            .iter()
            .map(|(_, l)| l.len())
            .sum();
        if used <= height.saturating_sub(1).max(1) || start >= pos {
            break;
        }
        start += 1;
    }
    let mut lines = head;
    for (_, l) in items.into_iter().skip(start) {
        lines.extend(l);
    }
    if live.is_empty() && dropped.is_empty() {
        lines.push(empty(
            s,
            "Ingen funn i dette området",
            "No findings in this area",
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

/// Who said it: "Randi Hovland +2 (Ordfører)".
pub(super) fn source_who(s: &Review, src: &crate::core::assessment::FindingSource) -> String {
    origin(s.assessment(), src).map_or_else(
        || src.session.clone(),
        |r| {
            let role = r
                .interviewees
                .first()
                .map(|p| short_role(s.bank, &p.role, s.lang))
                .unwrap_or_default();
            format!("{} ({role})", people(r))
        },
    )
}

pub(super) fn sources_text(
    s: &Review,
    sources: &[crate::core::assessment::FindingSource],
) -> String {
    let one = |src: &crate::core::assessment::FindingSource| {
        format!("{} {}", source_who(s, src), src.question)
    };
    match sources {
        [] => s
            .t("(lagt til i gjennomgangen)", "(added in the review)")
            .to_owned(),
        [only] => format!("{} {}", s.t("fra", "from"), one(only)),
        [first, rest @ ..] => format!(
            "{} {} {} {} {}",
            s.t("fra", "from"),
            one(first),
            s.t("og", "and"),
            rest.len(),
            s.t("til (slått sammen)", "more (merged)")
        ),
    }
}

// ----- priorities -----

pub(super) fn draw_priorities(frame: &mut Frame, area: Rect, s: &Review) {
    let groups = &s.assessment().priorities;
    let width = area.width as usize;
    let total: usize = groups.iter().map(|g| g.items.len()).sum();
    let mut lines = vec![Line::from(vec![
        Span::styled(
            format!(
                " {} {} {} {} ",
                total,
                s.t("prioriteringer i", "priorities in"),
                groups.len(),
                s.t("temaer", "themes")
            ),
            BOLD,
        ),
        Span::styled(
            s.t(
                "· samme tema gruppert og talt",
                "· the same theme grouped and counted",
            ),
            DIM,
        ),
    ])];
    if !s.prio_marked.is_empty() {
        lines.push(Line::styled(
            format!(
                " {} {} · m {}",
                s.prio_marked.len(),
                s.t("grupper merket", "groups marked"),
                s.t(
                    "slår dem sammen med gruppen under markøren",
                    "merges them into the group under the cursor"
                )
            ),
            BOLD.fg(Color::Yellow),
        ));
    }
    let rows = s.priority_rows();
    let height = (area.height as usize).saturating_sub(lines.len());
    let first = scroll_start(s.prio_cursor, height, rows.len());
    for (k, row) in rows.iter().enumerate().skip(first).take(height) {
        let selected = k == s.prio_cursor;
        let mut line = match *row {
            PriorityRow::Group(g) => {
                let group = &groups[g];
                let mark = if s.prio_marked.contains(&g) {
                    "[x]"
                } else {
                    "   "
                };
                Line::from(vec![
                    Span::styled(mark.to_owned(), BOLD.fg(Color::Yellow)),
                    Span::styled(format!("{:>3} ", group.items.len()), BOLD.fg(ACCENT)),
                    Span::styled(
                        ui::truncate(&one_line(&group.theme), width.saturating_sub(8)),
                        BOLD,
                    ),
                ])
            }
            PriorityRow::Item(g, i) => {
                let item = &groups[g].items[i];
                let who = s
                    .assessment()
                    .sessions
                    .iter()
                    .find(|r| r.id == item.session)
                    .map(|r| format!(" — {} ({})", people(r), roles_of(s.bank, r, s.lang)))
                    .unwrap_or_else(|| {
                        if item.own {
                            format!(
                                " — ◇ {}",
                                s.t("evaluatorene (verksted)", "the evaluators (workshop)")
                            )
                        } else {
                            String::new()
                        }
                    });
                // The priority in full where possible; who said it gives way first.
                let room = width.saturating_sub(10);
                let text = ui::truncate(&format!("«{}»", one_line(&item.text)), room);
                let who = ui::truncate(&who, room.saturating_sub(text.width()));
                Line::from(vec![
                    Span::raw("         "),
                    Span::raw(text),
                    Span::styled(who, DIM),
                ])
            }
        };
        if selected {
            line = line.style(SELECTED);
        }
        lines.push(line);
    }
    if rows.is_empty() {
        lines.push(empty(
            s,
            "Ingen prioriteringer i intervjuene",
            "No priorities in the interviews",
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

// ----- conflicts -----

pub(super) fn draw_conflict(frame: &mut Frame, body: Rect, s: &Review, cursor: usize) {
    let Some(c) = s.rs.unresolved().next() else {
        return;
    };
    let h = (4 + 2 * c.candidates.len() as u16).min(body.height.saturating_sub(2));
    let rect = prompt_rect(body, h);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(Color::Red))
        .title(format!(
            " {} {} ",
            s.t("Konflikt: intervju", "Conflict: interview"),
            one_line(&c.id)
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let w = inner.width as usize;
    let mut lines: Vec<Line> = ui::wrap(
        s.t(
            "Samme intervju finnes i flere filer med ulikt innhold. Velg utgaven som skal brukes; de andre filene endres ikke.",
            "The same interview is in several files with different contents. Choose the version to use; the other files are not changed.",
        ),
        w,
    )
    .into_iter()
    .map(|l| Line::styled(l, DIM))
    .collect();
    let newest = c.newest();
    for (i, cand) in c.candidates.iter().enumerate() {
        let sess = &cand.session;
        let answered = sess.answers.values().filter(|a| !a.is_blank()).count();
        let mut first = Line::styled(
            fit(
                &format!(
                    "{} {}",
                    if i == cursor { "▶" } else { " " },
                    one_line(&cand.file.display().to_string())
                ),
                w,
            ),
            BOLD,
        );
        if i == cursor {
            first = first.style(SELECTED);
        }
        lines.push(first);
        lines.push(Line::styled(
            ui::truncate(
                &format!(
                    "   {} {} · {} {} · {}{}",
                    s.t("lagret", "saved"),
                    sess.updated_at.format("%Y-%m-%d %H:%M"),
                    answered,
                    s.t("svar", "answers"),
                    one_line(&sess.interviewer),
                    if i == newest {
                        s.t(" · nyest", " · newest")
                    } else {
                        ""
                    }
                ),
                w,
            ),
            DIM,
        ));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}
