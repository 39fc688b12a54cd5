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

use num_traits::Signed;
use ratatui::Frame;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph};
use unicode_width::UnicodeWidthStr;

use super::dashboard::Dashboard;
use super::help;
use super::review::{
    Draft, Overlay, Picker, PriorityRow, PromptFor, Review, VIEWS, View, short_role, value_text,
};
use super::ui::{self, ACCENT, BOLD, DIM, SELECTED, WARN};
use crate::core::assessment::{Decision, SessionRecord};
use crate::core::bank::{Bank, DIMENSIONS};
use crate::core::exact::{Exact, format_points, int, to_f64};
use crate::core::lang::Lang;
use crate::core::merge;
use crate::core::review::agreement;
use crate::core::review::findings::origin;
use crate::core::review::question::{self, InterviewRow};
use crate::core::review::roles::{MANAGEMENT, STAFF};
use crate::core::session::Scores;
use crate::core::text::one_line;

const BAR_BG: Style = Style::new().bg(Color::Indexed(236));
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
        View::Findings => draw_findings(frame, body, s),
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
        None => {}
    }
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
            parts.push(format!("{} {}", st.new.len(), s.t("nye", "new")));
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

fn draw_overview(frame: &mut Frame, area: Rect, s: &Review) {
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
        Span::raw(format!(
            "· {} α {} ",
            s.t("samstemthet", "agreement"),
            alpha_text(alpha, s.lang)
        )),
    ];
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

fn alpha_text(alpha: Option<f64>, lang: Lang) -> String {
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

fn alpha_style(alpha: Option<f64>) -> Style {
    match alpha {
        Some(a) if a < 0.67 => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Some(a) if a < 0.8 => Style::new().fg(Color::Yellow),
        Some(_) => Style::new().fg(Color::Green),
        None => DIM,
    }
}

fn draw_overview_side(frame: &mut Frame, area: Rect, s: &Review) {
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

fn spread_style(max: Option<Exact>) -> Style {
    match max {
        Some(m) if m >= int(3) => WARN.add_modifier(Modifier::REVERSED),
        Some(m) if m >= int(2) => Style::new().fg(Color::Red).add_modifier(Modifier::BOLD),
        Some(m) if m >= int(1) => Style::new().fg(Color::Yellow),
        _ => DIM,
    }
}

// ----- disagreement list -----

/// The first visible row so that `cursor` is in view.
fn scroll_start(cursor: usize, height: usize, len: usize) -> usize {
    if height == 0 {
        return 0;
    }
    cursor
        .saturating_sub(height.saturating_sub(3).max(1).min(height - 1))
        .min(len.saturating_sub(height))
}

fn decision_mark(s: &Review, id: &str) -> (String, Style) {
    let review = s.assessment().questions.get(id);
    match review.and_then(|r| r.decision.as_ref()) {
        Some(Decision::Accepted) => (
            format!("✓ {}", s.t("godtatt", "accepted")),
            Style::new().fg(Color::Green),
        ),
        Some(Decision::Override { .. }) => (
            format!("* {}", s.t("overstyrt", "overridden")),
            Style::new().fg(Color::Yellow).add_modifier(Modifier::BOLD),
        ),
        None => (format!("· {}", s.t("åpen", "open")), DIM),
    }
}

fn draw_list(frame: &mut Frame, area: Rect, s: &Review) {
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
        let text = s
            .bank
            .question(&d.question)
            .map_or_else(String::new, |q| one_line(q.text.get(s.lang)));
        let (mark, mark_style) = decision_mark(s, &d.question);
        let mut spans = vec![
            Span::styled(format!("{:>3} ", i + 1), DIM),
            Span::styled(format!("{:<7}", d.question), BOLD),
            Span::raw(fit(&text, text_w)),
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

struct Columns {
    name: usize,
    role: usize,
    value: usize,
    notes: usize,
}

fn columns(width: usize) -> Columns {
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
fn side_scores(rows: &[InterviewRow], roles: &[&str]) -> (usize, Scores) {
    let given: Vec<&Scores> = rows
        .iter()
        .filter(|r| has_role(r.record, roles) && !r.scores.is_empty())
        .map(|r| &r.scores)
        .collect();
    (given.len(), merge::merge_scores(given))
}

fn draw_question(frame: &mut Frame, area: Rect, s: &Review) {
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

fn dim_short(s: &Review, d: crate::core::bank::Dimension) -> String {
    let label = s
        .bank
        .dimension(d)
        .map_or_else(|| d.id().to_owned(), |x| one_line(x.label.get(s.lang)));
    label.chars().take(3).collect()
}

fn interview_line(
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
    let notes = r.notes.map(one_line).unwrap_or_default();
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
fn summary_lines(s: &Review, v: &question::QuestionView, cols: &Columns) -> Vec<Line<'static>> {
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
    let (label, style, tail) = match v.decision {
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
        Some(Decision::Accepted) => (
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
    let shown = if v.decision.is_some() {
        values
    } else {
        vec![("".into(), DIM); 3]
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

fn draw_details(frame: &mut Frame, area: Rect, s: &Review, r: &InterviewRow) {
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
        None => lines.push(Line::styled(s.t(" (ingen notater)", " (no notes)"), DIM)),
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
fn draw_override(frame: &mut Frame, body: Rect, s: &Review, d: &Draft) {
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

fn draw_roles(frame: &mut Frame, area: Rect, s: &Review) {
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

fn draw_findings(frame: &mut Frame, area: Rect, s: &Review) {
    let a = s.assessment();
    let width = area.width as usize;
    let area_def = &s.bank.areas()[s.findings_area.min(s.bank.areas().len() - 1)];
    let live = a.findings.get(&area_def.id).map_or(&[][..], Vec::as_slice);
    let dropped = a.dropped.get(&area_def.id).map_or(&[][..], Vec::as_slice);
    let stars = live.iter().filter(|f| f.best_practice).count();
    let mut head = vec![Line::from(vec![
        Span::styled(
            format!(
                " ◀ {} {} ▶ ",
                area_def.id,
                one_line(area_def.title.get(s.lang))
            ),
            BOLD.fg(ACCENT).add_modifier(Modifier::REVERSED),
        ),
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
        let source = sources_text(s, &f.sources);
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

fn sources_text(s: &Review, sources: &[crate::core::assessment::FindingSource]) -> String {
    let one = |src: &crate::core::assessment::FindingSource| {
        let who = origin(s.assessment(), src).map_or_else(
            || src.session.clone(),
            |r| {
                let role = r
                    .interviewees
                    .first()
                    .map(|p| short_role(s.bank, &p.role, s.lang))
                    .unwrap_or_default();
                format!("{} ({role})", people(r))
            },
        );
        format!("{who} {}", src.question)
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

fn draw_priorities(frame: &mut Frame, area: Rect, s: &Review) {
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
                    .unwrap_or_default();
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

fn draw_conflict(frame: &mut Frame, body: Rect, s: &Review, cursor: usize) {
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

// ----- municipality picker -----

pub fn draw_picker(frame: &mut Frame, p: &Picker) {
    let area = frame.area();
    let t = |nb, en| p.lang.pick(nb, en);
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(2),
        Constraint::Min(0),
        Constraint::Length(1),
    ])
    .areas(area);
    frame.render_widget(
        Paragraph::new(Line::styled(
            format!(
                " Kompass · {}",
                t(
                    "Stiene har intervjuer fra flere kommuner: velg én å gå gjennom",
                    "The paths hold interviews of several municipalities: choose one to review"
                )
            ),
            BOLD,
        ))
        .style(BAR_BG),
        header,
    );
    let lines: Vec<Line> = p
        .groups
        .iter()
        .enumerate()
        .map(|(i, g)| {
            let line = Line::from(vec![
                Span::styled(
                    format!(" {:<30}", ui::truncate(&one_line(&g.name), 30)),
                    BOLD,
                ),
                Span::styled(
                    format!(
                        "{:>4}",
                        p.lang.count(
                            g.sessions,
                            ["intervju", "intervjuer"],
                            ["interview", "interviews"]
                        )
                    ),
                    DIM,
                ),
            ]);
            if i == p.cursor {
                line.style(SELECTED)
            } else {
                line
            }
        })
        .collect();
    frame.render_widget(Paragraph::new(lines), body);
    frame.render_widget(
        Paragraph::new(help::footer_line(
            &super::keys::footer(&[super::review::PICKER], p.lang),
            area.width,
        )),
        footer,
    );
}
