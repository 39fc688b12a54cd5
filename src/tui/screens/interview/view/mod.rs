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

use crate::core::lang::Lang;
use crate::core::session::{FindingKind, Person, Status};
use crate::core::text::one_line;
use crate::tui::help;
use crate::tui::screens::interview::{Ask, Focus, Interview, Overlay};
use crate::tui::surface::{Surface, copy_cells};
use crate::tui::ui::{self, ACCENT, BOLD, DIM, WARN};
use crate::tui::walk::Page;
use unicode_width::UnicodeWidthStr;

mod question;
mod side;

use question::*;
use side::*;

/// Width of the side column (navigator and score bars) for a terminal width.
pub fn side_width(width: u16) -> u16 {
    match width {
        // Grows with the terminal, so that the questions' texts are read.
        134.. => width * 3 / 10,
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
        Some(Overlay::Help { scroll, .. }) => {
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
        Some(Overlay::Confirm(ask)) => {
            let width = main.width.min(72).saturating_sub(2) as usize;
            let (title, text) = ask_text(s, ask);
            let lines = ui::wrap(&text, width);
            let rect = prompt_rect(main, lines.len() as u16 + 1);
            frame.render_widget(Clear, rect);
            let block = prompt_block(title);
            let inner = block.inner(rect);
            frame.render_widget(block, rect);
            let mut shown: Vec<Line> = lines.into_iter().map(Line::raw).collect();
            shown.push(Line::styled(
                s.t("j: ja · n: nei · F1: hjelp", "y: yes · n: no · F1: help"),
                BOLD.fg(ACCENT),
            ));
            frame.render_widget(Paragraph::new(shown), inner);
        }
        None => {}
    }
}

/// The title and the question of a yes-or-no prompt.
fn ask_text<'a>(s: &'a Interview, ask: &Ask) -> (&'a str, String) {
    match ask {
        Ask::TakeRescue(rescue) => {
            let d = &rescue.difference;
            let when = |t: chrono::DateTime<chrono::FixedOffset>| t.format("%d.%m.%Y %H:%M:%S");
            let chars = format!("{:+}", d.chars);
            let text = match s.lang {
                Lang::Nb => format!(
                    "Det finnes en nyere redningskopi av intervjuet ({}), lagret {} da fila ikke kunne skrives. Den lagrede versjonen er fra {}. Redningskopien har {chars} tegn og {} spørsmål med andre svar. Ta inn redningskopien? (Nei beholder den lagrede versjonen; kopien blir liggende.)",
                    one_line(&rescue.path.display().to_string()),
                    when(rescue.session.updated_at),
                    when(s.session.updated_at),
                    d.questions
                ),
                Lang::En => format!(
                    "There is a newer rescue copy of this interview ({}), written {} when the file could not be saved. The saved version is from {}. The rescue copy has {chars} characters and {} questions with other answers. Take in the rescue copy? (No keeps the saved version; the copy stays.)",
                    one_line(&rescue.path.display().to_string()),
                    when(rescue.session.updated_at),
                    when(s.session.updated_at),
                    d.questions
                ),
            };
            (s.t(" Redningskopi ", " Rescue copy "), text)
        }
        Ask::Complete { open } => {
            let text = match s.lang {
                Lang::Nb => format!(
                    "{open} av spørsmålene for rollene er ikke ferdig scoret (Ctrl-O finner dem). Merke intervjuet som fullført likevel?"
                ),
                Lang::En => format!(
                    "{open} of the questions for the roles are not fully scored (Ctrl-O finds them). Mark the interview completed anyway?"
                ),
            };
            (s.t(" Fullføre? ", " Complete? "), text)
        }
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
    let mut right: Vec<Span> = Vec::new();
    if let Some(reason) = &s.save_failure {
        right.push(ui::save_failure(reason, s.lang));
    } else if s.read_only {
        right.push(Span::styled(
            format!(" {} ", s.t("SKRIVEBESKYTTET", "READ-ONLY")),
            WARN,
        ));
    } else {
        right.push(Span::styled(
            format!("✓{} ", s.card.coverage().compact()),
            DIM,
        ));
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
    let place = format!(" {} · ", one_line(&sess.municipality));
    let people = people_fitting(s, left_w.saturating_sub(place.width()));
    let left = ui::truncate(&format!("{place}{people}"), left_w);
    let mut spans = vec![Span::styled(format!("{left:<left_w$} "), BOLD)];
    spans.extend(right);
    frame.render_widget(Paragraph::new(Line::from(spans)).style(ui::BAR), area);
}

/// Every interviewee, in as much of `width` as there is: names with roles,
/// names, initials, or as many initials as fit and `+N` for the rest. On a
/// question, `○` marks the people whose role it is not routed to (F1 lists
/// everyone in full).
fn people_fitting(s: &Interview, width: usize) -> String {
    let people = &s.session.interviewees;
    let routed = |role: &str| match s.question_index() {
        Some(i) => s
            .bank
            .at(s.walk.positions[i])
            .roles
            .iter()
            .any(|r| r == role),
        None => true,
    };
    let mark = |role: &str| if routed(role) { "" } else { "○" };
    let role = |p: &Person| one_line(&s.bank.role_label(&p.role, s.lang));
    let initials = |p: &Person| -> String {
        one_line(&p.name)
            .split_whitespace()
            .filter_map(|w| w.chars().next())
            .collect()
    };
    let forms: [&dyn Fn(&Person) -> String; 3] = [
        &|p| format!("{}{} ({})", mark(&p.role), one_line(&p.name), role(p)),
        &|p| format!("{}{}", mark(&p.role), one_line(&p.name)),
        &|p| format!("{}{}", mark(&p.role), initials(p)),
    ];
    for form in forms {
        let line = people.iter().map(form).collect::<Vec<_>>().join(", ");
        if line.width() <= width {
            return line;
        }
    }
    // As many initials as fit, with room for the count of the rest.
    let all: Vec<String> = people.iter().map(forms[2]).collect();
    for shown in (0..all.len()).rev() {
        let rest = format!("+{}", all.len() - shown);
        let line = all[..shown]
            .iter()
            .cloned()
            .chain([rest])
            .collect::<Vec<_>>()
            .join(", ");
        if line.width() <= width {
            return line;
        }
    }
    format!("+{}", all.len())
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

/// A separator line with a title; when its part has the focus, accented
/// and marked `▶`, so that the focus shows without colour (NO_COLOR).
fn section(title: String, focused: bool) -> Block<'static> {
    if focused {
        heading(format!("▶{title}"), true)
    } else {
        heading(title, false)
    }
}

/// A separator line with a title, accented or dim.
fn heading(title: String, accent: bool) -> Block<'static> {
    let style = if accent { BOLD.fg(ACCENT) } else { DIM };
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
#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Bank;
    use crate::core::lang::Lang;
    use crate::core::session::{Person, Session};
    use crate::storage::SaveReport;
    use crate::tui::screens::interview::Msg;
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
