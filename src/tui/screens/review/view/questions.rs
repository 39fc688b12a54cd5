//! The list of questions by disagreement, and one question with its interviews
//! and the override.

use super::*;
use crate::core::assessment::Decision;
use crate::core::bank::DIMENSIONS;
use crate::core::exact::{Exact, int};
use crate::core::merge;
use crate::core::review::question::{self, InterviewRow};
use crate::core::review::roles::{MANAGEMENT, STAFF};
use crate::core::session::Scores;
use crate::core::text::one_line;
use crate::tui::screens::review::{Draft, Review, short_role, value_text};
use crate::tui::ui::{self, ACCENT, BOLD, DIM, SELECTED, WARN};
use num_traits::Signed;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

pub(super) fn draw_list(frame: &mut Frame, area: Rect, s: &Review) {
    let rows = s.list_rows();
    let width = area.width as usize;
    let filter = match s.filter {
        question::Filter::All => s.t("alle", "all"),
        question::Filter::Undecided => s.t("bare ikke avgjorte", "only undecided"),
    };
    let dims: Vec<String> = DIMENSIONS.iter().map(|d| dim_short(s, *d)).collect();
    let status_w = 13;
    let text_w = width
        .saturating_sub(4 + 7 + 3 * 4 + 2 + status_w + 1)
        .max(8);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!(
                    " {} · {}: {filter} ({}) · ",
                    s.t("Mest uenige først", "Most disputed first"),
                    s.t("filter", "filter"),
                    rows.len()
                ),
                BOLD,
            ),
            Span::styled(
                s.t(
                    "spredning = høyeste minus laveste skår blant intervjuene",
                    "spread = highest minus lowest score among the interviews",
                ),
                DIM,
            ),
        ]),
        Line::styled(
            format!(
                "{:>3} {:<7}{}{}{}{} {}",
                "#",
                "Id",
                fit(s.t("Spørsmål", "Question"), text_w),
                right(&dims[0], 4),
                right(&dims[1], 4),
                right(&dims[2], 4),
                s.t("  Status", "  Status")
            ),
            DIM.add_modifier(Modifier::UNDERLINED),
        ),
    ];
    let height = (area.height as usize).saturating_sub(lines.len());
    let first = scroll_start(s.list_cursor, height, rows.len());
    for (i, d) in rows.iter().enumerate().skip(first).take(height) {
        // An accept the suggestion moved away from says so in place of
        // the question's text, with the values: the reviewer must look again.
        let (text, text_style) = match d.changed {
            Some((old, new)) => {
                let text = question::changed_since_accepted(&old, &new, s.lang);
                // Narrow: the values closer together, so that both show.
                let text = if text.width() > text_w {
                    text.replace(" · ", "·")
                } else {
                    text
                };
                (text, WARN)
            }
            None => (
                s.bank
                    .question(&d.question)
                    .map_or_else(String::new, |q| one_line(q.text.get(s.lang))),
                Style::new(),
            ),
        };
        let (mark, mark_style) = decision_mark(s, &d.question);
        let mut spans = vec![
            Span::styled(format!("{:>3} ", i + 1), DIM),
            Span::styled(format!("{:<7}", d.question), BOLD),
            Span::styled(fit(&text, text_w), text_style),
        ];
        for v in d.spread {
            spans.push(Span::styled(
                right(&value_text(v, s.lang), 4),
                spread_style(v),
            ));
        }
        spans.push(Span::raw("  "));
        spans.push(Span::styled(fit(&mark, status_w), mark_style));
        let mut line = Line::from(spans);
        if i == s.list_cursor {
            line = line.style(SELECTED);
        }
        lines.push(line);
    }
    if rows.is_empty() {
        lines.push(empty(
            s,
            "Ingen spørsmål igjen: f viser alle",
            "No questions left: f shows all",
        ));
    }
    frame.render_widget(Paragraph::new(lines), area);
}

// ----- question -----

pub(super) struct Columns {
    name: usize,
    role: usize,
    value: usize,
    notes: usize,
}

pub(super) fn columns(width: usize) -> Columns {
    let (name, role) = if width >= 110 { (22, 17) } else { (17, 12) };
    let value = 5;
    let notes = width.saturating_sub(2 + name + 1 + role + 1 + 3 * value + 2);
    Columns {
        name,
        role,
        value,
        notes,
    }
}

/// The median of one side's scores (`None` when the side did not score).
pub(super) fn side_scores(rows: &[InterviewRow], roles: &[&str]) -> (usize, Scores) {
    let given: Vec<&Scores> = rows
        .iter()
        .filter(|r| has_role(r.record, roles) && !r.scores.is_empty())
        .map(|r| &r.scores)
        .collect();
    (given.len(), merge::merge_scores(given))
}

pub(super) fn draw_question(frame: &mut Frame, area: Rect, s: &Review) {
    let Ok(mut v) = question::view(s.assessment(), &s.rs.sessions, &s.current) else {
        frame.render_widget(
            Paragraph::new(s.t("Ingen spørsmål valgt", "No question chosen")),
            area,
        );
        return;
    };
    // Management first, the union representatives last, the rest in the
    // bank's order of roles between them: the two sides stand apart.
    let order = s.bank.role_ids();
    v.rows.sort_by_key(|r| {
        r.record
            .interviewees
            .iter()
            .filter_map(|p| order.iter().position(|id| *id == p.role))
            .min()
            .unwrap_or(order.len())
    });
    let width = area.width as usize;
    let cols = columns(width);
    let lang = s.lang;
    let pos = s.bank.position(v.id);
    let q = s.bank.question(v.id);
    let sub = pos
        .map(|p| s.bank.subarea_of(p))
        .map_or_else(String::new, |x| {
            format!("{} {}", x.id, one_line(x.title.get(lang)))
        });
    let max = merge::spreads(s.assessment().questions[v.id].interviews.values())
        .into_iter()
        .flatten()
        .max();
    let rank = s
        .order
        .iter()
        .position(|d| d.question == v.id)
        .map_or(0, |i| i + 1);

    let id = format!(" {} ", v.id);
    let spread = format!(
        " {} {} · {} {rank}/{} ",
        s.t("spredning", "spread"),
        value_text(max, lang),
        s.t("nr.", "no."),
        s.order.len()
    );
    let sub_w = width.saturating_sub(id.width() + spread.width() + 3);
    let mut head = vec![Line::from(vec![
        Span::styled(id, BOLD.fg(ACCENT).add_modifier(Modifier::REVERSED)),
        Span::styled(format!(" {} ", ui::truncate(&sub, sub_w)), BOLD),
        Span::styled(spread, spread_style(max)),
    ])];
    let text_lines = if area.height >= 30 { 3 } else { 2 };
    if let Some(q) = q {
        for l in ui::clip_lines(
            ui::wrap(&one_line(q.text.get(lang)), width.saturating_sub(2)),
            text_lines,
            width.saturating_sub(2),
        ) {
            head.push(Line::raw(format!(" {l}")));
        }
    }

    // The band: management against the union representatives.
    let label_w = 2 + cols.name + 1 + cols.role + 1;
    let (m_n, m) = side_scores(&v.rows, MANAGEMENT);
    let (u_n, u) = side_scores(&v.rows, STAFF);
    let mut band = Vec::new();
    let title = format!(
        " {} ",
        s.t("LEDELSE ↔ TILLITSVALGTE", "MANAGEMENT ↔ UNION REPS")
    );
    band.push(Line::from(vec![
        Span::styled(fit(&title, label_w), BOLD.fg(Color::Magenta)),
        Span::styled(
            DIMENSIONS
                .iter()
                .map(|d| right(&dim_short(s, *d), cols.value))
                .collect::<String>(),
            DIM,
        ),
    ]));
    let side = |name: String, n: usize, sc: &Scores, color: Color| {
        let mut spans = vec![Span::styled(
            fit(&format!("  {name} ({n})"), label_w),
            Style::new().fg(color).add_modifier(Modifier::BOLD),
        )];
        for d in DIMENSIONS {
            spans.push(Span::styled(
                right(&value_text(sc.get(d), lang), cols.value),
                Style::new().fg(color).add_modifier(Modifier::BOLD),
            ));
        }
        Line::from(spans)
    };
    let wide = width >= 110;
    band.push(side(
        if wide {
            s.t(
                "Ledelse: ordfører, kommunedirektør",
                "Management: mayor, chief executive",
            )
        } else {
            s.t("Ledelse", "Management")
        }
        .to_owned(),
        m_n,
        &m,
        Color::Cyan,
    ));
    band.push(side(
        if wide {
            s.t("Hovedtillitsvalgte", "Chief union representatives")
        } else {
            s.t("Tillitsvalgte", "Union reps")
        }
        .to_owned(),
        u_n,
        &u,
        Color::Magenta,
    ));
    let mut gap_spans = vec![Span::styled(
        fit(&format!("  {}", s.t("Avstand", "Gap")), label_w),
        BOLD,
    )];
    let mut biggest: Option<Exact> = None;
    for d in DIMENSIONS {
        let gap = m.get(d).zip(u.get(d)).map(|(a, b)| a - b);
        let (text, style) = match gap {
            None => ("–".to_owned(), DIM),
            Some(g) => {
                biggest = biggest.max(Some(g.abs()));
                let arrow = if g > int(0) {
                    "▲"
                } else if g < int(0) {
                    "▼"
                } else {
                    "="
                };
                let style = if g.abs() >= int(BIG_GAP) {
                    WARN.add_modifier(Modifier::REVERSED)
                } else if g.abs() >= int(1) {
                    Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD)
                } else {
                    Style::new().fg(Color::Green)
                };
                (format!("{arrow}{}", value_text(Some(g.abs()), lang)), style)
            }
        };
        gap_spans.push(Span::raw(
            " ".repeat(cols.value.saturating_sub(text.width() + 1)),
        ));
        gap_spans.push(Span::styled(format!("{text} "), style));
    }
    let verdict = match biggest {
        None if m_n == 0 || u_n == 0 => s
            .t("  ikke spurt begge sider", "  not asked of both sides")
            .to_owned(),
        Some(g) if g >= int(BIG_GAP) && wide => format!(
            "  ◀ {}",
            s.t(
                "ledelsen og de tillitsvalgte beskriver ulike kommuner",
                "management and the union describe different municipalities"
            )
        ),
        Some(g) if g >= int(BIG_GAP) => {
            format!("  ◀ {}", s.t("stor avstand", "a wide gap"))
        }
        Some(g) if g >= int(1) => format!("  {}", s.t("noe uenige", "some disagreement")),
        _ => format!("  {}", s.t("enige", "agree")),
    };
    gap_spans.push(Span::styled(
        ui::truncate(&verdict, cols.notes + 2),
        if biggest.is_some_and(|g| g >= int(BIG_GAP)) {
            BOLD.fg(Color::Red)
        } else {
            DIM
        },
    ));
    band.push(Line::from(gap_spans));

    // The table of interviews.
    let summary = summary_lines(s, &v, &cols);
    let details_h = if area.height >= 30 { 9 } else { 4 };
    let fixed = head.len() + band.len() + 1 + summary.len();
    let rows_h = (area.height as usize)
        .saturating_sub(fixed + details_h)
        .max(2)
        .min(v.rows.len().max(1));
    let first = scroll_start(s.row, rows_h, v.rows.len());
    let who = if rows_h < v.rows.len() {
        format!(
            "{} {}–{}/{}",
            s.t("Intervjuet", "Interviewed"),
            first + 1,
            (first + rows_h).min(v.rows.len()),
            v.rows.len()
        )
    } else {
        s.t("Intervjuet", "Interviewed").to_owned()
    };
    let mut table_head = vec![Span::styled(
        format!(
            "  {}{}",
            fit(&who, cols.name) + " ",
            fit(s.t("Rolle", "Role"), cols.role + 1)
        ),
        DIM,
    )];
    table_head.push(Span::styled(
        DIMENSIONS
            .iter()
            .map(|d| right(&dim_short(s, *d), cols.value))
            .collect::<String>(),
        DIM,
    ));
    table_head.push(Span::styled(
        format!("  {}", s.t("Notater · ◆ funn", "Notes · ◆ findings")),
        DIM,
    ));
    let table_head = Line::from(table_head).style(Style::new().add_modifier(Modifier::UNDERLINED));

    let [head_a, band_a, table_a, rows_a, sum_a, details_a] = Layout::vertical([
        Constraint::Length(head.len() as u16),
        Constraint::Length(band.len() as u16),
        Constraint::Length(1),
        Constraint::Length(rows_h as u16),
        Constraint::Length(summary.len() as u16),
        Constraint::Min(0),
    ])
    .areas(area);
    frame.render_widget(Paragraph::new(head), head_a);
    frame.render_widget(
        Paragraph::new(band).style(Style::new().bg(Color::Indexed(235))),
        band_a,
    );
    frame.render_widget(Paragraph::new(table_head), table_a);

    let mut lines = Vec::new();
    for (i, r) in v.rows.iter().enumerate().skip(first).take(rows_h) {
        lines.push(interview_line(s, r, &v.suggested, &cols, i == s.row));
    }
    if v.rows.is_empty() {
        lines.push(empty(
            s,
            "Ingen intervjuer har svart på dette spørsmålet",
            "No interview answered this question",
        ));
    }
    frame.render_widget(Paragraph::new(lines), rows_a);
    frame.render_widget(Paragraph::new(summary), sum_a);
    if let Some(r) = v.rows.get(s.row) {
        draw_details(frame, details_a, s, r);
    }
}

pub(super) fn dim_short(s: &Review, d: crate::core::bank::Dimension) -> String {
    let label = s
        .bank
        .dimension(d)
        .map_or_else(|| d.id().to_owned(), |x| one_line(x.label.get(s.lang)));
    label.chars().take(3).collect()
}

pub(super) fn interview_line(
    s: &Review,
    r: &InterviewRow,
    suggested: &Scores,
    cols: &Columns,
    selected: bool,
) -> Line<'static> {
    let rec = r.record;
    let side_color = if has_role(rec, MANAGEMENT) {
        Some(Color::Cyan)
    } else if has_role(rec, STAFF) {
        Some(Color::Magenta)
    } else {
        None
    };
    let name_style = side_color.map_or(Style::new(), |c| Style::new().fg(c));
    let mut spans = vec![
        Span::raw(if selected { "▶ " } else { "  " }),
        Span::styled(
            fit(&people(rec), cols.name) + " ",
            name_style.add_modifier(Modifier::BOLD),
        ),
        Span::styled(
            fit(&roles_of(s.bank, rec, s.lang), cols.role) + " ",
            name_style,
        ),
    ];
    for d in DIMENSIONS {
        let value = r.scores.get(d);
        let far = value
            .zip(suggested.get(d))
            .map(|(v, m)| (v - m).abs())
            .unwrap_or(int(0));
        let style = if far >= int(2) {
            Style::new().fg(Color::Red).add_modifier(Modifier::BOLD)
        } else if far >= int(1) {
            Style::new().fg(Color::Yellow)
        } else {
            Style::new()
        };
        spans.push(Span::styled(
            right(&value_text(value, s.lang), cols.value),
            style,
        ));
    }
    let notes = match r.notes {
        Some(notes) => one_line(notes),
        None => r.notes_purged_label(s.lang).unwrap_or_default(),
    };
    let mark = if r.findings.is_empty() {
        String::new()
    } else {
        format!("◆{} ", r.findings.len())
    };
    spans.push(Span::raw("  "));
    spans.push(Span::styled(mark.clone(), BOLD.fg(Color::Yellow)));
    spans.push(Span::styled(
        ui::truncate(&notes, cols.notes.saturating_sub(mark.width())),
        DIM,
    ));
    let line = Line::from(spans);
    if selected {
        line.style(Style::new().bg(Color::Indexed(238)))
    } else {
        line
    }
}

/// Spread, suggestion and the decision, aligned with the table.
pub(super) fn summary_lines(
    s: &Review,
    v: &question::QuestionView,
    cols: &Columns,
) -> Vec<Line<'static>> {
    let label_w = 2 + cols.name + 1 + cols.role + 1;
    let lang = s.lang;
    let row = |label: &str, values: Vec<(String, Style)>, tail: Span<'static>, style: Style| {
        let mut spans = vec![Span::styled(fit(&format!("  {label}"), label_w), style)];
        for (text, st) in values {
            spans.push(Span::styled(right(&text, cols.value), st));
        }
        spans.push(tail);
        Line::from(spans)
    };
    let spread: Vec<(String, Style)> = v
        .spread
        .iter()
        .map(|x| (value_text(*x, lang), spread_style(*x)))
        .collect();
    let suggested: Vec<(String, Style)> = DIMENSIONS
        .iter()
        .map(|d| (value_text(v.suggested.get(*d), lang), BOLD))
        .collect();
    let mut out = vec![
        row(
            s.t("Spredning (høyeste − laveste)", "Spread (highest − lowest)"),
            spread,
            Span::raw(""),
            DIM,
        ),
        row(
            s.t("Forslag (median)", "Suggested (median)"),
            suggested,
            Span::raw(""),
            BOLD,
        ),
    ];
    let changed = s
        .assessment()
        .questions
        .get(v.id)
        .and_then(|q| q.changed_since_accepted());
    let (label, style, tail) = match v.decision {
        // The values accepted stand in the columns, under the suggestion
        // that has moved away from them.
        Some(Decision::Accepted { .. }) if changed.is_some() => (
            s.t("! Endret siden godtatt", "! Changed since accepted"),
            WARN,
            Span::styled(
                format!(
                    "  {}",
                    s.t(
                        "← godtatt; a godtar det nye",
                        "← accepted; a accepts the new"
                    )
                ),
                WARN,
            ),
        ),
        None => (
            s.t("Ikke avgjort", "Not decided"),
            DIM,
            Span::styled(
                format!(
                    "  {}",
                    s.t("a godtar · 0–4 overstyrer", "a accepts · 0–4 overrides")
                ),
                DIM,
            ),
        ),
        Some(Decision::Accepted { .. }) => (
            s.t("✓ Godtatt forslaget", "✓ Accepted the suggestion"),
            BOLD.fg(Color::Green),
            Span::raw(""),
        ),
        Some(Decision::Override { .. }) => (
            s.t("* Overstyrt", "* Overridden"),
            BOLD.fg(Color::Yellow),
            Span::raw(""),
        ),
    };
    let values: Vec<(String, Style)> = DIMENSIONS
        .iter()
        .map(|d| {
            let text = value_text(v.reconciled.get(*d), lang);
            if v.overridden.contains(d) {
                (
                    format!("{text}*"),
                    BOLD.fg(Color::Yellow).add_modifier(Modifier::UNDERLINED),
                )
            } else {
                (text, style)
            }
        })
        .collect();
    let shown = match (v.decision, changed) {
        (_, Some((accepted, _))) => DIMENSIONS
            .iter()
            .map(|d| (value_text(accepted.get(*d), lang), WARN))
            .collect(),
        (Some(_), None) => values,
        (None, None) => vec![("".into(), DIM); 3],
    };
    out.push(row(label, shown, tail, style));
    if let Some(Decision::Override { reason, .. }) = v.decision {
        out.push(Line::styled(
            ui::truncate(
                &format!("  {}: «{}»", s.t("Begrunnelse", "Reason"), one_line(reason)),
                label_w + 3 * cols.value + cols.notes,
            ),
            Style::new().fg(Color::Yellow),
        ));
    }
    out
}

pub(super) fn draw_details(frame: &mut Frame, area: Rect, s: &Review, r: &InterviewRow) {
    if area.height == 0 {
        return;
    }
    let rec = r.record;
    let names: Vec<String> = rec
        .interviewees
        .iter()
        .map(|p| {
            format!(
                "{} ({})",
                one_line(&p.name),
                short_role(s.bank, &p.role, s.lang)
            )
        })
        .collect();
    let title = format!(
        " {} · {} {} ",
        names.join(", "),
        s.t("intervjuet av", "interviewed by"),
        one_line(&rec.interviewer)
    );
    let block = Block::default()
        .borders(Borders::TOP)
        .border_style(DIM)
        .title(Span::styled(
            ui::truncate(&title, area.width as usize),
            BOLD,
        ));
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let w = inner.width.saturating_sub(2) as usize;
    let mut lines: Vec<Line> = Vec::new();
    for f in &r.findings {
        lines.push(Line::from(vec![
            Span::styled(
                format!(" {} ", ui::finding_mark(f.kind)),
                ui::finding_style(f.kind).add_modifier(Modifier::BOLD),
            ),
            Span::styled(
                ui::truncate(&one_line(&f.text), w.saturating_sub(2)),
                ui::finding_style(f.kind),
            ),
        ]));
    }
    match r.notes {
        Some(notes) => {
            for l in ui::wrap(&crate::core::text::multi_line(notes), w) {
                lines.push(Line::raw(format!(" {l}")));
            }
        }
        None => match r.notes_purged_label(s.lang) {
            Some(label) => lines.push(Line::styled(format!(" ({label})"), DIM)),
            None => lines.push(Line::styled(s.t(" (ingen notater)", " (no notes)"), DIM)),
        },
    }
    let h = inner.height as usize;
    let clipped = lines.len() > h;
    lines.truncate(h);
    if clipped && let Some(last) = lines.last_mut() {
        last.spans.push(Span::styled(" …", DIM));
    }
    frame.render_widget(Paragraph::new(lines), inner);
}

/// The override editor sits at the bottom, over the notes, so that the
/// interviews and the management-union gap stay in sight while deciding.
pub(super) fn draw_override(frame: &mut Frame, body: Rect, s: &Review, d: &Draft) {
    let h = 5.min(body.height);
    let rect = Rect {
        y: body.y + body.height - h,
        height: h,
        ..body
    };
    frame.render_widget(Clear, rect);
    let suggested = s
        .assessment()
        .questions
        .get(&d.question)
        .map(|q| q.suggested)
        .unwrap_or_default();
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(Color::Yellow))
        .title(Span::styled(
            format!(
                " {} {} · {} {} ",
                s.t("Overstyr", "Override"),
                d.question,
                s.t("forslag", "suggested"),
                DIMENSIONS
                    .iter()
                    .map(|x| value_text(suggested.get(*x), s.lang))
                    .collect::<Vec<_>>()
                    .join(" · ")
            ),
            BOLD.fg(Color::Yellow),
        ));
    let inner = block.inner(rect);
    frame.render_widget(block, rect);
    let wide = inner.width >= 70;
    let mut spans = Vec::new();
    for (i, dim) in DIMENSIONS.iter().enumerate() {
        let label = if wide {
            s.bank
                .dimension(*dim)
                .map_or_else(|| dim.id().to_owned(), |x| one_line(x.label.get(s.lang)))
        } else {
            dim_short(s, *dim)
        };
        let focused = !d.on_reason && i == d.cursor;
        spans.push(Span::styled(
            format!("{label} "),
            if focused { BOLD } else { DIM },
        ));
        spans.push(Span::styled(
            format!(" {:^4} ", value_text(d.values[i], s.lang)),
            if focused {
                BOLD.fg(Color::Black).bg(Color::Yellow)
            } else {
                BOLD.add_modifier(Modifier::UNDERLINED)
            },
        ));
        spans.push(Span::raw("  "));
    }
    let [values, reason, hint] = Layout::vertical([Constraint::Length(1); 3]).areas(inner);
    frame.render_widget(Paragraph::new(Line::from(spans)), values);
    let label = format!("{} ", s.t("Begrunnelse:", "Reason:"));
    let [label_a, input_a] =
        Layout::horizontal([Constraint::Length(label.width() as u16), Constraint::Min(0)])
            .areas(reason);
    frame.render_widget(
        Paragraph::new(label).style(if d.on_reason { BOLD } else { DIM }),
        label_a,
    );
    let mut input = d.reason.clone();
    input.set_cursor_style(if d.on_reason { SELECTED } else { Style::new() });
    frame.render_widget(&input, input_a);
    let (text, style) = match &d.error {
        Some(e) => (one_line(e), WARN),
        None if d.on_reason => (
            s.t(
                "Skriv en kort begrunnelse · Enter lagrer · ↑ tilbake til verdiene · Esc avbryter",
                "Type a short reason · Enter saves · ↑ back to the values · Esc cancels",
            )
            .to_owned(),
            DIM,
        ),
        None => (
            s.t(
                "0–4 setter og går videre · . , 5 + = ½ opp · - = ½ ned · ←→ dimensjon · Enter: begrunnelse",
                "0–4 sets and moves on · . , 5 + = ½ up · - = ½ down · ←→ dimension · Enter: reason",
            )
            .to_owned(),
            DIM,
        ),
    };
    frame.render_widget(
        Paragraph::new(ui::truncate(&text, inner.width as usize)).style(style),
        hint,
    );
}

// ----- roles -----
