//! The question page and the closing page: the text, the notes, the scores
//! and the findings.

use super::*;
use crate::core::bank::DIMENSIONS;
use crate::core::exact::format_points;
use crate::core::scoring;
use crate::core::session::Status;
use crate::core::text::one_line;
use crate::tui::screens::interview::{Focus, Interview};
use crate::tui::ui::{self, ACCENT, BOLD, DIM, SELECTED};
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;

pub(super) fn draw_question(
    frame: &mut Frame,
    area: Rect,
    s: &Interview,
    i: usize,
    editor: &mut Option<Rect>,
) {
    let bank = s.bank;
    let pos = s.walk.positions[i];
    let q = bank.at(pos);
    let sub = bank.subarea_of(pos);
    let answer = s.answer(i);
    let width = area.width as usize;
    let text_lines = ui::wrap(&one_line(q.text.get(s.lang)), width);
    let mut probe_lines = Vec::new();
    for p in &q.probes {
        for (k, l) in ui::wrap(&one_line(p.get(s.lang)), width.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            probe_lines.push(format!("{} {l}", if k == 0 { "•" } else { " " }));
        }
    }
    let findings = answer.map_or(&[][..], |a| a.findings.as_slice());
    let h = heights(
        area.height,
        text_lines.len(),
        probe_lines.len(),
        findings.len(),
        s.focus,
    );
    let [head, text, probes, notes, finds, scores] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(h.text),
        Constraint::Length(h.probes),
        Constraint::Min(h.notes.min(4)),
        Constraint::Length(h.findings),
        Constraint::Length(4),
    ])
    .areas(area);

    // The heading: id, sub-area, marks, time on the question.
    let (place, n) = s.walk.place(s.page);
    let mut spans = vec![
        Span::styled(format!(" {} ", q.id), BOLD.fg(Color::Black).bg(ACCENT)),
        Span::raw(" "),
    ];
    if answer.is_some_and(|a| a.flagged) {
        spans.push(Span::styled(
            format!("⚑ {} ", s.t("merket", "flagged")),
            BOLD.fg(Color::Yellow),
        ));
    }
    if !s.walk.routed[i] {
        spans.push(Span::styled(
            format!("○ {} ", s.t("ikke for rollene", "not for the roles")),
            BOLD.fg(Color::Magenta),
        ));
    }
    let minutes = s.seconds_on(i) / 60;
    let tail = format!(
        " {}/{n} · {minutes} min",
        place.map_or("–".to_owned(), |p| p.to_string())
    );
    let used: usize = spans.iter().map(|sp| sp.width()).sum::<usize>() + tail.chars().count();
    let title = ui::truncate(
        &format!("{} {}", sub.id, one_line(sub.title.get(s.lang))),
        width.saturating_sub(used),
    );
    let pad = width.saturating_sub(used + unicode_width::UnicodeWidthStr::width(title.as_str()));
    spans.push(Span::styled(title, DIM.add_modifier(Modifier::BOLD)));
    spans.push(Span::raw(" ".repeat(pad)));
    spans.push(Span::styled(tail, DIM));
    frame.render_widget(Paragraph::new(Line::from(spans)), head);

    let text_lines = ui::clip_lines(text_lines, h.text as usize, width);
    frame.render_widget(
        Paragraph::new(text_lines.into_iter().map(Line::raw).collect::<Vec<_>>()).style(BOLD),
        text,
    );
    let probe_lines = ui::clip_lines(probe_lines, h.probes as usize, width);
    frame.render_widget(
        Paragraph::new(probe_lines.into_iter().map(Line::raw).collect::<Vec<_>>())
            .style(Style::new().fg(Color::Gray).add_modifier(Modifier::ITALIC)),
        probes,
    );

    // Notes.
    let title = format!(" {} ", s.t("Notater", "Notes"));
    editor_section(frame, notes, title, s.focus == Focus::Notes, editor);

    // Findings.
    let title = if findings.is_empty() {
        format!(
            " {} · Ctrl-K {} ",
            s.t("Funn", "Findings"),
            s.t("lager et", "adds one")
        )
    } else {
        format!(" {} ({}) ", s.t("Funn", "Findings"), findings.len())
    };
    let block = section(title, s.focus == Focus::Findings);
    let inner = block.inner(finds);
    frame.render_widget(block, finds);
    let visible = inner.height as usize;
    let first = if s.focus == Focus::Findings {
        s.finding_cursor.saturating_sub(visible.saturating_sub(1))
    } else {
        findings.len().saturating_sub(visible)
    };
    let lines: Vec<Line> = findings
        .iter()
        .enumerate()
        .skip(first)
        .take(visible)
        .map(|(k, f)| {
            let head = format!("{} {}: ", ui::finding_mark(f.kind), f.kind.label(s.lang));
            let body = ui::truncate(
                &one_line(&f.text),
                width.saturating_sub(unicode_width::UnicodeWidthStr::width(head.as_str())),
            );
            let line = Line::from(vec![
                Span::styled(head, ui::finding_style(f.kind).add_modifier(Modifier::BOLD)),
                Span::raw(body),
            ]);
            if s.focus == Focus::Findings && k == s.finding_cursor {
                line.style(SELECTED)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);

    // Scores, with the points the question gives when complete.
    let scores_now = answer.map(|a| a.scores).unwrap_or_default();
    let max = scoring::question_max(bank, pos);
    let pts = scoring::question_points(bank, pos, &scores_now);
    let title = format!(
        " {} · {} {} {} ",
        s.t("Poeng", "Scores"),
        pts.map_or("–".to_owned(), |p| format_points(p, 1, s.lang)),
        s.t("av", "of"),
        format_points(max, 1, s.lang)
    );
    let block = section(title, s.focus == Focus::Scores);
    let inner = block.inner(scores);
    frame.render_widget(block, scores);
    let label_w = DIMENSIONS
        .iter()
        .filter_map(|&d| bank.dimension(d))
        .map(|d| d.label.get(s.lang).chars().count())
        .max()
        .unwrap_or(10)
        .min(width / 3);
    let lines: Vec<Line> = DIMENSIONS
        .iter()
        .enumerate()
        .map(|(k, &d)| {
            let label = bank
                .dimension(d)
                .map_or(d.id().to_owned(), |x| one_line(x.label.get(s.lang)));
            let value = scores_now.get(d);
            let cursor = s.focus == Focus::Scores && k == s.score_cursor;
            let shown = value.map_or(" ".to_owned(), |v| {
                if v.is_integer() {
                    v.to_integer().to_string()
                } else {
                    format_points(v, 1, s.lang)
                }
            });
            let desc = match value {
                Some(v) if v.is_integer() => bank
                    .level_text(d, v.to_integer() as u32, s.lang)
                    .map(one_line)
                    .unwrap_or_default(),
                Some(v) => format!(
                    "{} {} {} {}",
                    s.t("mellom", "between"),
                    v.floor().to_integer(),
                    s.t("og", "and"),
                    v.ceil().to_integer()
                ),
                None if cursor => format!(
                    "{} {}–{}",
                    s.t("ikke scoret · tast", "not scored · type"),
                    bank.scale_min(),
                    bank.scale_max()
                ),
                None => s.t("ikke scoret", "not scored").to_owned(),
            };
            let used = label_w + 1 + 5 + 1;
            let value_style = if cursor {
                // Reversed too: the cursor shows without colour (NO_COLOR).
                BOLD.fg(ACCENT).add_modifier(Modifier::REVERSED)
            } else if value.is_some() {
                BOLD.fg(ACCENT)
            } else {
                DIM
            };
            Line::from(vec![
                Span::styled(
                    format!("{:<label_w$} ", ui::truncate(&label, label_w)),
                    if cursor { BOLD } else { Style::new() },
                ),
                Span::styled(format!("[{shown:^3}]"), value_style),
                Span::raw(" "),
                Span::styled(
                    ui::truncate(&desc, width.saturating_sub(used)),
                    if value.is_some() { Style::new() } else { DIM },
                ),
            ])
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), inner);
}

/// A titled section for an editor; the editor is drawn into its inside
/// (put in `editor`) after everything around it.
pub(super) fn editor_section(
    frame: &mut Frame,
    area: Rect,
    title: String,
    focused: bool,
    editor: &mut Option<Rect>,
) {
    let block = section(title, focused);
    *editor = Some(block.inner(area));
    frame.render_widget(block, area);
}

pub(super) fn draw_closing(
    frame: &mut Frame,
    area: Rect,
    s: &Interview,
    editor: &mut Option<Rect>,
) {
    let [head, intro, pri, status] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(2),
        Constraint::Min(4),
        Constraint::Length(5),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::from(vec![
            Span::styled(
                format!(" {} ", s.t("Avslutning", "Closing")),
                BOLD.fg(Color::Black).bg(ACCENT),
            ),
            Span::styled(
                format!(" {}", one_line(&s.session.municipality)),
                DIM.add_modifier(Modifier::BOLD),
            ),
        ])),
        head,
    );
    let text = ui::wrap(
        s.t(
            "Hva mener intervjuobjektet kommunen bør prioritere framover? Skriv én prioritering per linje.",
            "What does the interviewee think the municipality should prioritise next? Write one priority per line.",
        ),
        area.width as usize,
    );
    frame.render_widget(
        Paragraph::new(text.into_iter().map(Line::raw).collect::<Vec<_>>()).style(BOLD),
        intro,
    );
    let title = format!(" {} ", s.t("Prioriteringer", "Priorities"));
    editor_section(frame, pri, title, s.focus == Focus::Priorities, editor);

    let block = section(
        format!(" {} ", s.t("Status", "Status")),
        s.focus == Focus::Status,
    );
    let inner = block.inner(status);
    frame.render_widget(block, status);
    let done = s.session.status == Status::Completed;
    let check = format!(
        "[{}] {}",
        if done { "x" } else { " " },
        s.t("Intervjuet er fullført", "The interview is completed")
    );
    let style = if s.focus == Focus::Status {
        SELECTED.add_modifier(Modifier::BOLD)
    } else {
        BOLD
    };
    let flagged = s.session.answers.values().filter(|a| a.flagged).count();
    let coverage = s.card.coverage();
    let lines = vec![
        Line::styled(check, style),
        Line::styled(
            format!(
                "{} {} · {} {} (Ctrl-O)",
                s.t("Scoret", "Scored"),
                coverage.describe(s.lang),
                coverage.open(),
                s.t("gjenstår", "to go"),
            ),
            DIM,
        ),
        Line::styled(
            format!(
                "{} {} (Ctrl-T)",
                flagged,
                s.t("merket for oppfølging", "flagged for follow-up")
            ),
            DIM,
        ),
    ];
    frame.render_widget(Paragraph::new(lines), inner);
}
