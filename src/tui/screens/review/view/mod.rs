//! Drawing the review screens. Only reads the state.
//!
//! Every screen has the same frame: a header (municipality, progress, save
//! state), a tab line, warnings that need the reviewer (conflicts, changed
//! interviews), the screen itself and a footer with the main keys. At 80x24
//! the tables shorten their texts; at 120x40 and up they show more columns
//! and the question screen shows the notes of the selected interview in full.
//!
//! On the question screen the gap between management and the union
//! representatives comes first, right under the question, in a band that
//! stays readable without colours (reverse video, arrows).

use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use crate::core::assessment::SessionRecord;
use crate::core::bank::Bank;
use crate::core::lang::Lang;
use crate::core::review::question::{self};
use crate::core::session::Scores;
use crate::core::text::one_line;
use crate::tui::help;
use crate::tui::screens::review::{Overlay, PromptFor, Replacing, Review, VIEWS, View, short_role};
use crate::tui::ui::{self, ACCENT, BOLD, DIM, WARN};

mod findings;
mod overview;
mod questions;
mod roles;
mod suggestions;
mod texts;

use findings::*;
use overview::*;
use questions::*;
use roles::*;
use suggestions::*;
use texts::*;

pub(super) const BAR_BG: Style = Style::new().bg(Color::Indexed(236));
/// A management-versus-union gap this large (in scale points) is shouted.
const BIG_GAP: i128 = 2;

/// Cuts or pads `text` to exactly `w` columns.
fn fit(text: &str, w: usize) -> String {
    let cut = ui::truncate(text, w);
    let pad = w.saturating_sub(cut.width());
    format!("{cut}{}", " ".repeat(pad))
}

/// Right-aligns `text` in `w` columns.
fn right(text: &str, w: usize) -> String {
    let cut = ui::truncate(text, w);
    let pad = w.saturating_sub(cut.width());
    format!("{}{cut}", " ".repeat(pad))
}

const GOLD: Style = Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD);

/// The line in place of an empty list.
fn empty(s: &Review, nb: &'static str, en: &'static str) -> Line<'static> {
    Line::styled(format!("  {}", s.t(nb, en)), DIM)
}

/// The interviewees of a session: "Randi Hovland +2".
fn people(r: &SessionRecord) -> String {
    let first = r
        .interviewees
        .first()
        .map_or_else(String::new, |p| one_line(&p.name));
    match r.interviewees.len() {
        0 | 1 => first,
        n => format!("{first} +{}", n - 1),
    }
}

fn roles_of(bank: &Bank, r: &SessionRecord, lang: Lang) -> String {
    let mut out: Vec<String> = Vec::new();
    for p in &r.interviewees {
        let label = short_role(bank, &p.role, lang);
        if !out.contains(&label) {
            out.push(label);
        }
    }
    out.join(", ")
}

fn has_role(r: &SessionRecord, roles: &[&str]) -> bool {
    r.interviewees
        .iter()
        .any(|p| roles.contains(&p.role.as_str()))
}

pub fn draw(frame: &mut Frame, s: &Review) {
    let area = frame.area();
    let banners = banner_lines(s, area.width as usize);
    let [header, tabs, banner, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Length(1),
        Constraint::Length(banners.len() as u16),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    draw_header(frame, header, s);
    draw_tabs(frame, tabs, s);
    frame.render_widget(Paragraph::new(banners), banner);
    match s.view {
        View::Overview => draw_overview(frame, body, s),
        View::List => draw_list(frame, body, s),
        View::Question => draw_question(frame, body, s),
        View::Roles => draw_roles(frame, body, s),
        View::Findings => match &s.suggestions {
            Some(view) => draw_suggestions(frame, body, s, view),
            None => draw_findings(frame, body, s),
        },
        View::Priorities => draw_priorities(frame, body, s),
    }
    let line = match &s.notice {
        Some(n) => Line::styled(
            fit(&format!(" {}", one_line(&n.text)), area.width as usize),
            if n.warning { WARN } else { BOLD.fg(ACCENT) },
        ),
        None => help::footer_line(&s.footer(), area.width),
    };
    frame.render_widget(Paragraph::new(line), footer);
    match &s.overlay {
        Some(Overlay::Help { scroll }) => {
            help::draw_help(frame, body, &s.help_sections(), *scroll, s.lang)
        }
        Some(Overlay::Override(d)) => draw_override(frame, body, s, d),
        Some(Overlay::Prompt { what, input }) => {
            let rect = prompt_rect(body, 3);
            frame.render_widget(Clear, rect);
            let (title, hint) = prompt_texts(s, what);
            let block = Block::default()
                .borders(Borders::ALL)
                .border_style(Style::new().fg(ACCENT))
                .title(format!(" {title} "));
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let [h, field, keys] = Layout::vertical([Constraint::Length(1); 3]).areas(inner);
            frame.render_widget(Paragraph::new(hint).style(DIM), h);
            frame.render_widget(&**input, field);
            frame.render_widget(
                Paragraph::new(s.t(
                    "Enter bekrefter · Esc avbryter",
                    "Enter confirms · Esc cancels",
                ))
                .style(DIM),
                keys,
            );
        }
        Some(Overlay::Conflict { cursor }) => draw_conflict(frame, body, s, *cursor),
        Some(Overlay::Message { title, lines }) => draw_message(frame, body, title, lines),
        Some(Overlay::Confirm { question, change }) => {
            draw_confirm(frame, body, s, question, *change)
        }
        Some(Overlay::Text(slot)) => draw_text_editor(frame, body, s, slot),
        Some(Overlay::Bulk { max_spread }) => draw_bulk(frame, body, s, *max_spread),
        None => {}
    }
}

/// Lines to read in a box, wrapped, as many as fit.
fn draw_message(frame: &mut Frame, body: Rect, title: &str, lines: &[String]) {
    let w = ui::prompt_rect(body, 1, 110, 2).width.saturating_sub(2) as usize;
    let mut wrapped: Vec<Line> = Vec::new();
    for l in lines {
        for (i, part) in ui::wrap(&one_line(l), w.saturating_sub(2))
            .into_iter()
            .enumerate()
        {
            let lead = if i == 0 { "• " } else { "  " };
            wrapped.push(Line::raw(format!("{lead}{part}")));
        }
    }
    let room = body.height.saturating_sub(4);
    let rect = ui::prompt_rect(body, (wrapped.len() as u16).clamp(1, room), 110, 2);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(WARN)
        .title(format!(" {} ", one_line(title)));
    frame.render_widget(Paragraph::new(wrapped).block(block), rect);
}

/// "4.4.2 er overstyrt til 2,5 · 3 · 1 …: godta forslaget i stedet?"
fn draw_confirm(frame: &mut Frame, body: Rect, s: &Review, id: &str, change: Replacing) {
    let Some(q) = s.assessment().questions.get(id) else {
        return;
    };
    let scores = |v: Scores| question::scores_text(&v, s.lang);
    let mut lines = vec![
        Line::from(vec![
            Span::styled(
                format!("{id} {} ", s.t("er overstyrt til", "is overridden to")),
                BOLD,
            ),
            Span::styled(scores(q.reconciled()), GOLD),
        ]),
        Line::from(format!(
            "{}: «{}»",
            s.t("Begrunnelse", "Reason"),
            one_line(q.reason().unwrap_or_default())
        )),
        Line::raw(""),
    ];
    lines.push(Line::styled(
        match change {
            Replacing::Accept => format!(
                "{} {} {}",
                s.t("Godta forslaget", "Accept the suggestion"),
                scores(q.suggested),
                s.t(
                    "i stedet? Overstyringen og begrunnelsen forsvinner.",
                    "instead? The override and its reason go."
                )
            ),
            Replacing::Clear => s
                .t(
                    "Fjerne overstyringen og begrunnelsen (ikke avgjort igjen)?",
                    "Remove the override and its reason (undecided again)?",
                )
                .to_owned(),
        },
        BOLD,
    ));
    lines.push(Line::styled(
        s.t(
            "Enter / j: ja (Ctrl-Z angrer) · Esc / n: nei, behold den",
            "Enter / y: yes (Ctrl-Z undoes it) · Esc / n: no, keep it",
        ),
        DIM,
    ));
    // Room for the long lines to wrap.
    let rect = prompt_rect(body, lines.len() as u16 + 2);
    frame.render_widget(Clear, rect);
    let block = Block::default()
        .borders(Borders::ALL)
        .border_style(WARN)
        .title(format!(
            " {} ",
            match change {
                Replacing::Accept => s.t("Erstatte overstyringen?", "Replace the override?"),
                Replacing::Clear => s.t("Fjerne overstyringen?", "Remove the override?"),
            }
        ));
    frame.render_widget(
        Paragraph::new(lines)
            .wrap(ratatui::widgets::Wrap { trim: true })
            .block(block),
        rect,
    );
}

fn prompt_texts(s: &Review, what: &PromptFor) -> (String, String) {
    let t = |nb, en| s.t(nb, en).to_owned();
    match what {
        PromptFor::Jump => (
            t("Gå til spørsmål", "Go to question"),
            t("Id, f.eks. 6.3.1", "Id, e.g. 6.3.1"),
        ),
        PromptFor::Baseline => (
            t("Legg til sammenligningsgrunnlag", "Attach a baseline"),
            t(
                "Sti til en grunnlagsfil (.json; CSV: kompass import-results)",
                "Path of a baseline file (.json; CSV: kompass import-results)",
            ),
        ),
        PromptFor::EditFinding { area, .. } => (
            format!(
                "{} {area}",
                s.t("Rediger funn i område", "Edit finding in area")
            ),
            t(
                "Teksten slik rapporten skal vise den",
                "The text as the report shows it",
            ),
        ),
        PromptFor::MergeFindings { indices, .. } => (
            format!("{} {}", s.t("Slå sammen", "Merge"), indices.len()),
            t(
                "Teksten til det sammenslåtte funnet (alle kilder beholdes)",
                "The text of the merged finding (every source is kept)",
            ),
        ),
        PromptFor::MergeSuggestion { group } => (
            format!(
                "{} {} {}",
                s.t("Slå sammen", "Merge"),
                group.members.len(),
                s.t("funn til", "findings into")
            ),
            t(
                "Teksten til det sammenslåtte funnet (alle kilder beholdes)",
                "The text of the merged finding (every source is kept)",
            ),
        ),
        PromptFor::NewFinding { area, kind, .. } => (
            format!(
                "{} {area}: {}",
                s.t("Eget funn i område", "Own finding in area"),
                kind.label(s.lang).to_lowercase()
            ),
            t(
                "Fra dokumenter eller nettsider; merkes som evaluatorenes eget (k bytter type etterpå)",
                "From documents or the website; marked as the evaluators' own (k changes the kind after)",
            ),
        ),
        PromptFor::NewPriority => (
            t("Ny prioritering", "New priority"),
            t(
                "Fra rådets verksted; merkes som evaluatorenes egen",
                "From the council's workshop; marked as the evaluators' own",
            ),
        ),
        PromptFor::Rename { .. } => (
            t("Gi gruppen et nytt navn", "Rename the group"),
            t(
                "Temaet slik rapporten skal vise det",
                "The theme as the report shows it",
            ),
        ),
    }
}

fn prompt_rect(body: Rect, inner_h: u16) -> Rect {
    ui::prompt_rect(body, inner_h, 90, 2)
}

fn draw_header(frame: &mut Frame, area: Rect, s: &Review) {
    let a = s.assessment();
    let p = question::progress(a);
    let mut right: Vec<Span> = Vec::new();
    if let Some(reason) = &s.save_failure {
        right.push(ui::save_failure(reason, s.lang));
    } else {
        right.push(Span::styled(
            format!(
                "{} {}/{} ",
                s.t("avgjort", "decided"),
                p.decided,
                p.questions
            ),
            BOLD,
        ));
        if p.changed_since_accepted > 0 {
            right.push(Span::styled(
                format!(
                    "!{} {} ",
                    p.changed_since_accepted,
                    s.t("endret", "changed")
                ),
                WARN,
            ));
        }
        if p.overridden > 0 {
            right.push(Span::styled(
                format!("*{} {} ", p.overridden, s.t("overstyrt", "overridden")),
                Style::new().fg(Color::Yellow),
            ));
        }
        if let Some(t) = s.saved_at {
            right.push(Span::styled(
                format!("{} {} ", s.t("lagret", "saved"), t.format("%H:%M:%S")),
                DIM,
            ));
        }
    }
    let right_w: usize = right.iter().map(Span::width).sum();
    let left_w = (area.width as usize).saturating_sub(right_w + 1);
    let left = format!(
        " {} · {} · {}",
        s.t("Gjennomgang", "Review"),
        one_line(&a.municipality),
        s.lang.count(
            a.sessions.len(),
            ["intervju", "intervjuer"],
            ["interview", "interviews"]
        )
    );
    let mut spans = vec![Span::styled(fit(&left, left_w) + " ", BOLD)];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(BAR_BG), area);
}

fn draw_tabs(frame: &mut Frame, area: Rect, s: &Review) {
    let mut spans = vec![Span::raw(" ")];
    for v in VIEWS {
        let mut title = v.title(s.lang).to_owned();
        if v == View::Question && !s.current.is_empty() {
            title = format!("{title} {}", s.current);
        }
        let style = if v == s.view {
            BOLD.fg(ACCENT).add_modifier(Modifier::REVERSED)
        } else {
            DIM
        };
        spans.push(Span::styled(format!(" {title} "), style));
        spans.push(Span::styled("│", DIM));
    }
    spans.pop();
    let used: usize = spans.iter().map(Span::width).sum();
    if used + 12 <= area.width as usize {
        spans.push(Span::styled(
            format!("  Tab {}", s.t("bytter", "switches")),
            DIM,
        ));
    }
    frame.render_widget(Paragraph::new(Line::from(spans)), area);
}

/// Conflicts and changed interviews: what the reviewer must know on every screen.
fn banner_lines(s: &Review, width: usize) -> Vec<Line<'static>> {
    let mut out = Vec::new();
    let unresolved = s.rs.unresolved().count();
    if unresolved > 0 {
        out.push(Line::styled(
            fit(
                &format!(
                    " ⚠ {unresolved} {}",
                    s.t(
                        "intervju(er) i to ulike utgaver er holdt utenfor: Ctrl-K velger utgave",
                        "interview(s) in two different versions left out: Ctrl-K picks one"
                    )
                ),
                width,
            ),
            WARN,
        ));
    }
    let st = &s.rs.stale;
    if !st.is_empty() {
        let mut parts = Vec::new();
        if !st.changed.is_empty() {
            parts.push(format!("{} {}", st.changed.len(), s.t("endret", "changed")));
        }
        if !st.new.is_empty() {
            parts.push(s.lang.count(st.new.len(), ["nytt", "nye"], ["new", "new"]));
        }
        if !st.vanished.is_empty() {
            parts.push(format!(
                "{} {}",
                st.vanished.len(),
                s.t("borte", "vanished")
            ));
        }
        out.push(Line::styled(
            fit(
                &format!(
                    " ⚠ {}: {} · {}",
                    s.t(
                        "Intervjuer endret siden vurderingen",
                        "Interviews changed since the assessment"
                    ),
                    parts.join(", "),
                    s.t(
                        "Ctrl-R oppdaterer (avgjørelser beholdes)",
                        "Ctrl-R refreshes (decisions are kept)"
                    )
                ),
                width,
            ),
            Style::new()
                .fg(Color::Black)
                .bg(Color::Yellow)
                .add_modifier(Modifier::BOLD),
        ));
    }
    out
}

// ----- overview -----
