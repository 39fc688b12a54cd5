//! Drawing the interview screen. Only reads the state.
//!
//! At 80x24 the screen shows the question, the notes, the findings, the
//! scores and a narrow navigator (which turns into the score bars while the
//! scores are focused). Wider and taller terminals get the full question
//! and probes, a wider navigator with question texts, and the dashboard
//! beside the navigator all the time.

use ratatui::Frame;
use ratatui::backend::Backend;
use ratatui::buffer::Buffer;
use ratatui::layout::{Constraint, Layout, Rect};
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Borders, Clear, Paragraph, Widget};

use super::dashboard::Dashboard;
use super::help;
use super::interview::{Focus, Interview, Overlay};
use super::surface::{Surface, copy_cells};
use super::ui::{self, ACCENT, BOLD, DIM, SELECTED, WARN};
use super::walk::{NavRow, Page};
use crate::core::bank::DIMENSIONS;
use crate::core::exact::format_points;
use crate::core::scoring;
use crate::core::session::{FindingKind, Status};
use crate::core::text::one_line;

/// Width of the side column (navigator and score bars) for a terminal width.
pub fn side_width(width: u16) -> u16 {
    match width {
        110.. => 40,
        70.. => 24,
        _ => 0,
    }
}

/// What the part around the editor was drawn from in the last full frame,
/// and what it left under the editor. While only the editor's text changes,
/// a keystroke redraws the editor alone ([`draw_on`]) instead of laying out
/// and rendering the question, navigator and dashboard again.
#[derive(Default)]
pub struct ViewCache {
    key: Option<StaticKey>,
    /// The editor's area, with the cells under the editor's text.
    editor: Option<Buffer>,
}

/// Everything the part around the editor depends on.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct StaticKey {
    revision: u64,
    area: Rect,
    /// The navigator marks the current question once it has notes.
    has_notes: bool,
    /// The header marks unsaved changes.
    unsaved: bool,
    /// The heading shows the minutes on the question.
    minutes: u64,
}

fn static_key(area: Rect, s: &Interview) -> StaticKey {
    let current = s.question_index();
    StaticKey {
        revision: s.revision,
        area,
        has_notes: current.is_some_and(|i| s.has_notes(i)),
        unsaved: s.has_unsaved_changes(),
        minutes: current.map_or(0, |i| s.seconds_on(i) / 60),
    }
}

/// Draws the interview screen on `surface`: only the editor when nothing
/// else changed since the last frame, else the whole frame.
pub fn draw_on<B: Backend>(
    surface: &mut Surface<B>,
    s: &Interview,
    cache: &mut ViewCache,
) -> Result<(), B::Error> {
    let unchanged = s.overlay.is_none() && cache.key == Some(static_key(surface.area(), s));
    if let (true, Some(base), Some(ed)) = (unchanged, &cache.editor, s.current_editor())
        && surface.draw_area(base, |buf| ed.render(base.area, buf))?
    {
        return Ok(());
    }
    surface.draw(|f| draw(f, s, cache))
}

/// Draws the whole interview screen, and remembers in `cache` what the part
/// around the editor was drawn from.
pub fn draw(frame: &mut Frame, s: &Interview, cache: &mut ViewCache) {
    let key = static_key(frame.area(), s);
    let mut editor = None;
    draw_around_editor(frame, s, &mut editor);
    *cache = ViewCache::default();
    if s.overlay.is_none() {
        cache.key = Some(key);
        cache.editor = editor.map(|rect| {
            let mut base = Buffer::empty(rect);
            copy_cells(frame.buffer_mut(), &mut base);
            base
        });
    }
    if let (Some(rect), Some(ed)) = (editor, s.current_editor()) {
        frame.render_widget(ed, rect);
    }
    draw_overlay(frame, s);
}

/// The parts of the screen.
struct Regions {
    header: Rect,
    body: Rect,
    footer: Rect,
    main: Rect,
    side: Rect,
    /// The notice, wrapped: a long one (a recovery message) takes up to three lines.
    notice: Option<Vec<String>>,
}

fn regions(area: Rect, s: &Interview) -> Regions {
    let notice = s.notice.as_ref().map(|n| {
        ui::clip_lines(
            ui::wrap(&n.text, area.width.saturating_sub(2) as usize),
            3,
            area.width as usize,
        )
    });
    let footer_h = notice.as_ref().map_or(1, |l| l.len().max(1) as u16);
    let [header, body, footer] = Layout::vertical([
        Constraint::Length(1),
        Constraint::Min(0),
        Constraint::Length(footer_h),
    ])
    .areas(area);
    let [main, side] = Layout::horizontal([
        Constraint::Min(0),
        Constraint::Length(side_width(area.width)),
    ])
    .areas(body);
    Regions {
        header,
        body,
        footer,
        main,
        side,
        notice,
    }
}

/// Everything but the editor (whose place is put in `editor`) and overlays.
fn draw_around_editor(frame: &mut Frame, s: &Interview, editor: &mut Option<Rect>) {
    let r = regions(frame.area(), s);
    draw_header(frame, r.header, s);
    match s.page {
        Page::Question(i) => draw_question(frame, r.main, s, i, editor),
        Page::Closing => draw_closing(frame, r.main, s, editor),
    }
    if r.side.width > 0 {
        draw_side(frame, r.side, s);
    }
    draw_footer(frame, r.footer, s, r.notice);
}

fn draw_overlay(frame: &mut Frame, s: &Interview) {
    let Regions { body, main, .. } = regions(frame.area(), s);
    match &s.overlay {
        Some(Overlay::Help { scroll }) => {
            help::draw_help(frame, body, &s.help_sections(), *scroll, s.lang)
        }
        Some(Overlay::Dashboard { area, drill }) => draw_dashboard(frame, body, s, *area, *drill),
        Some(Overlay::Jump { input }) => {
            let rect = prompt_rect(main, 2);
            frame.render_widget(Clear, rect);
            let block = prompt_block(s.t(" Gå til spørsmål ", " Go to question "));
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let [hint, field] =
                Layout::vertical([Constraint::Length(1), Constraint::Length(1)]).areas(inner);
            frame.render_widget(
                Paragraph::new(s.t(
                    "Id, f.eks. 6.3.1, 6.3 eller 6:",
                    "Id, e.g. 6.3.1, 6.3 or 6:",
                ))
                .style(DIM),
                hint,
            );
            frame.render_widget(input, field);
        }
        Some(Overlay::Finding {
            input,
            kind,
            editing,
        }) => {
            let rect = prompt_rect(main, 3);
            frame.render_widget(Clear, rect);
            let title = if editing.is_some() {
                s.t(" Rediger funn ", " Edit finding ")
            } else {
                s.t(" Nytt funn ", " New finding ")
            };
            let block = prompt_block(title);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let [kinds, field, hint] = Layout::vertical([Constraint::Length(1); 3]).areas(inner);
            let mut spans = vec![Span::raw(s.t("Type: ", "Kind: "))];
            for k in FindingKind::ALL {
                let (text, style) = if k == *kind {
                    (
                        format!("[{}]", k.label(s.lang)),
                        ui::finding_style(k).add_modifier(Modifier::REVERSED | Modifier::BOLD),
                    )
                } else {
                    (format!(" {} ", k.label(s.lang)), DIM)
                };
                spans.push(Span::styled(text, style));
                spans.push(Span::raw(" "));
            }
            frame.render_widget(Paragraph::new(Line::from(spans)), kinds);
            frame.render_widget(input, field);
            frame.render_widget(
                Paragraph::new(s.t(
                    "Enter lagrer · Tab bytter type · Esc avbryter",
                    "Enter saves · Tab changes kind · Esc cancels",
                ))
                .style(DIM),
                hint,
            );
        }
        None => {}
    }
}

/// A prompt box over the question text, leaving the notes in view.
fn prompt_rect(main: Rect, h: u16) -> Rect {
    ui::prompt_rect(main, h, 72, 1)
}

fn prompt_block(title: &str) -> Block<'_> {
    Block::default()
        .borders(Borders::ALL)
        .border_style(Style::new().fg(ACCENT))
        .title(title)
}

fn draw_header(frame: &mut Frame, area: Rect, s: &Interview) {
    let sess = &s.session;
    let people = ui::people_line(s.bank, &sess.interviewees, s.lang);
    let (scored, asked) = (s.card.scored(), s.card.asked());
    let mut right: Vec<Span> = Vec::new();
    if let Some(reason) = &s.save_failure {
        right.push(ui::save_failure(reason, s.lang));
    } else if s.read_only {
        right.push(Span::styled(
            format!(" {} ", s.t("SKRIVEBESKYTTET", "READ-ONLY")),
            WARN,
        ));
    } else {
        right.push(Span::styled(format!("✓{scored}/{asked} "), DIM));
        if sess.status == Status::Completed {
            right.push(Span::styled(
                s.t("Fullført ", "Completed "),
                BOLD.fg(Color::Green),
            ));
        }
        let saved = s
            .saved_at
            .map(|t| t.format("%H:%M:%S").to_string())
            .unwrap_or_default();
        let mark = if s.has_unsaved_changes() { "●" } else { " " };
        right.push(Span::styled(
            format!("{mark}{} {saved} ", s.t("lagret", "saved")),
            DIM,
        ));
    }
    let right_w: usize = right.iter().map(|sp| sp.width()).sum();
    let left_w = (area.width as usize).saturating_sub(right_w + 1);
    let left = ui::truncate(
        &format!(" {} · {}", one_line(&sess.municipality), people),
        left_w,
    );
    let mut spans = vec![Span::styled(format!("{left:<left_w$} "), BOLD)];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(ui::BAR), area);
}

fn draw_footer(frame: &mut Frame, area: Rect, s: &Interview, notice: Option<Vec<String>>) {
    let lines = match (&s.notice, notice) {
        (Some(n), Some(lines)) => {
            let style = if n.warning { WARN } else { BOLD.fg(ACCENT) };
            lines
                .into_iter()
                .map(|l| {
                    Line::styled(
                        format!(" {l:<w$}", w = area.width.saturating_sub(1) as usize),
                        style,
                    )
                })
                .collect()
        }
        _ => vec![help::footer_line(&s.footer(), area.width)],
    };
    frame.render_widget(Paragraph::new(lines), area);
}

/// A separator line with a title; accented when its part has the focus.
fn section(title: String, focused: bool) -> Block<'static> {
    let style = if focused { BOLD.fg(ACCENT) } else { DIM };
    Block::default()
        .borders(Borders::TOP)
        .border_style(style)
        .title(Span::styled(title, style))
}

/// Heights of the parts of the question page.
#[derive(Debug, PartialEq, Eq)]
struct Heights {
    text: u16,
    probes: u16,
    notes: u16,
    findings: u16,
}

fn heights(
    total: u16,
    text_lines: usize,
    probe_lines: usize,
    findings: usize,
    focus: Focus,
) -> Heights {
    let roomy = total >= 30;
    let total = total as usize;
    let find_cap = match (focus, roomy) {
        (Focus::Findings, _) => 6,
        (_, true) => 5,
        _ => 2,
    };
    let find_h = 1 + findings.min(find_cap);
    let notes_min = 4;
    let mut rest = total.saturating_sub(1 + 4 + find_h + notes_min);
    let text_h = text_lines.min(rest).min(if roomy { 10 } else { 5 });
    rest -= text_h;
    let probes_h = probe_lines.min(rest).min(if roomy { 10 } else { 3 });
    rest -= probes_h;
    Heights {
        text: text_h as u16,
        probes: probes_h as u16,
        notes: (notes_min + rest) as u16,
        findings: find_h as u16,
    }
}

fn draw_question(
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
                BOLD.fg(Color::Black).bg(ACCENT)
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
fn editor_section(
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

fn draw_closing(frame: &mut Frame, area: Rect, s: &Interview, editor: &mut Option<Rect>) {
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
    let open = s.card.asked().saturating_sub(s.card.scored());
    let lines = vec![
        Line::styled(check, style),
        Line::styled(
            format!(
                "{} {} {} {} · {} {} (Ctrl-O)",
                s.t("Scoret", "Scored"),
                s.card.scored(),
                s.t("av", "of"),
                s.card.asked(),
                open,
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

fn draw_side(frame: &mut Frame, area: Rect, s: &Interview) {
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
fn draw_level(frame: &mut Frame, area: Rect, s: &Interview) {
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
    let block = section(format!(" {label} "), true);
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
fn draw_scale(frame: &mut Frame, area: Rect, s: &Interview) {
    let d = DIMENSIONS[s.score_cursor];
    let Some(def) = s.bank.dimension(d) else {
        return;
    };
    let value = s
        .question_index()
        .and_then(|i| s.answer(i))
        .and_then(|a| a.scores.get(d));
    let block = section(format!(" {} ", one_line(def.label.get(s.lang))), true);
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

fn draw_mini_dashboard(frame: &mut Frame, area: Rect, s: &Interview) {
    let block = section(format!(" {} · Ctrl-D ", s.t("Poeng", "Points")), false);
    let inner = block.inner(area);
    frame.render_widget(block, area);
    let current = s.question_index().map(|i| s.walk.positions[i].area);
    frame.render_widget(
        Dashboard::new(&s.card, s.bank, s.lang).selected(current),
        inner,
    );
}

/// The mark of a question in the navigator: ✓ scored, ◐ begun, blank.
fn progress_mark(s: &Interview, i: usize) -> &'static str {
    let a = s.answer(i);
    if a.is_some_and(|a| a.scores.is_complete()) {
        "✓"
    } else if a.is_some_and(|a| !a.scores.is_empty() || !a.findings.is_empty()) || s.has_notes(i) {
        "◐"
    } else {
        " "
    }
}

fn draw_navigator(frame: &mut Frame, area: Rect, s: &Interview) {
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

fn draw_dashboard(frame: &mut Frame, area: Rect, s: &Interview, selected: usize, drill: bool) {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Bank;
    use crate::core::lang::Lang;
    use crate::core::session::{Person, Session};
    use crate::storage::SaveReport;
    use crate::tui::interview::Msg;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;
    use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
    use std::time::{Duration, Instant};

    /// Drawing with the cache must give exactly the frame a full drawing
    /// gives, whatever happened in between.
    #[test]
    fn cached_frames_equal_full_frames() {
        let bank = Bank::builtin();
        let at = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
        let person = Person {
            name: "Ola".into(),
            role: "mayor".into(),
        };
        let session = Session::new("ID".into(), &bank, "Eksempelvik", "Kari", vec![person], at);
        let t0 = Instant::now();
        let mut s = Interview::new(&bank, Lang::Nb, session, "s.json".into(), false, t0);
        let mut cached = Surface::new(Terminal::new(TestBackend::new(100, 30)).unwrap(), false);
        let mut cache = ViewCache::default();
        let key = |c: KeyCode| Msg::Key(KeyEvent::from(c));
        let ctrl = |c: char| Msg::Key(KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL));
        let mut script: Vec<Msg> = "Hei æøå 🙂"
            .chars()
            .map(|c| key(KeyCode::Char(c)))
            .collect();
        script.extend([
            key(KeyCode::Enter),
            Msg::Paste("limt inn\nto linjer".into()),
            key(KeyCode::Up),
            key(KeyCode::Tab),
            key(KeyCode::Char('3')),
            key(KeyCode::Char('9')),
            key(KeyCode::Esc),
            key(KeyCode::Char('x')),
            ctrl('k'),
            key(KeyCode::Char('!')),
            key(KeyCode::Enter),
            ctrl('f'),
            key(KeyCode::Char('w')), // typing clears the flag's notice
            Msg::Saved(SaveReport::Saved { updated_at: at }),
            ctrl('n'),
            key(KeyCode::Char('y')),
            ctrl('z'),
            ctrl('d'),
            key(KeyCode::Esc),
            ctrl('l'),
            key(KeyCode::Char('p')),
            key(KeyCode::Tab),
            key(KeyCode::Enter),
            key(KeyCode::F(1)),
            key(KeyCode::Esc),
            ctrl('p'),
            key(KeyCode::Char('z')),
        ]);
        // Typing on into the next minute on the question.
        script.extend((0..30).map(|_| key(KeyCode::Char('a'))));
        for (k, msg) in script.into_iter().enumerate() {
            // Time passes too: the minutes on the question are shown.
            s.update(msg, t0 + Duration::from_secs(3 * k as u64));
            draw_on(&mut cached, &s, &mut cache).unwrap();
            let mut fresh = Terminal::new(TestBackend::new(100, 30)).unwrap();
            fresh
                .draw(|f| draw(f, &s, &mut ViewCache::default()))
                .unwrap();
            assert_eq!(
                cached.backend().buffer(),
                fresh.backend().buffer(),
                "after step {k}"
            );
        }
    }

    #[test]
    fn small_screens_keep_room_for_the_notes() {
        let h = heights(22, 5, 9, 0, Focus::Notes);
        assert_eq!(
            h,
            Heights {
                text: 5,
                probes: 3,
                notes: 8,
                findings: 1
            }
        );
        let h = heights(38, 5, 9, 3, Focus::Notes);
        assert_eq!(h.text + h.probes, 14);
        assert!(h.notes >= 10, "{h:?}");
        assert_eq!(h.findings, 4);
        let h = heights(22, 5, 9, 8, Focus::Findings);
        assert_eq!(h.findings, 7);
        assert!(h.notes >= 4);
    }
}
