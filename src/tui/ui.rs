//! Small drawing and editing helpers shared by the screens.

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::{Color, Modifier, Style};
use ratatui::text::{Line, Span};
use ratatui::widgets::Paragraph;
use ratatui_textarea::TextArea;
use unicode_width::{UnicodeWidthChar, UnicodeWidthStr};

use crate::core::bank::Bank;
use crate::core::lang::Lang;
use crate::core::session::{FindingKind, Person};
use crate::core::text::{multi_line, one_line};

pub const ACCENT: Color = Color::Cyan;
pub const DIM: Style = Style::new().fg(Color::DarkGray);
pub const WARN: Style = Style::new()
    .fg(Color::White)
    .bg(Color::Red)
    .add_modifier(Modifier::BOLD);
pub const SELECTED: Style = Style::new().add_modifier(Modifier::REVERSED);
pub const BOLD: Style = Style::new().add_modifier(Modifier::BOLD);

/// The background of the title bar at the top of every screen.
pub const BAR: Style = Style::new().bg(Color::Indexed(236));

/// A screen's title bar: `Kompass · {title}`, cut to the width.
pub fn title_bar(title: &str, width: u16) -> Paragraph<'static> {
    Paragraph::new(Line::styled(
        truncate(&format!(" Kompass · {title}"), width as usize),
        BOLD,
    ))
    .style(BAR)
}

/// The header warning while saves fail: it stays until one succeeds.
pub fn save_failure(reason: &str, lang: Lang) -> Span<'static> {
    Span::styled(
        format!(
            " ⚠ {} ({}) – {} ",
            lang.pick("IKKE LAGRET", "NOT SAVED"),
            one_line(reason),
            lang.pick("prøver igjen", "retrying")
        ),
        WARN,
    )
}

/// The colour of a finding's kind: strengths green, challenges yellow,
/// weaknesses red.
pub fn finding_style(k: FindingKind) -> Style {
    Style::new().fg(match k {
        FindingKind::Strength => Color::Green,
        FindingKind::Challenge => Color::Yellow,
        FindingKind::Weakness => Color::Red,
    })
}

/// A one-character mark of a finding's kind, readable without colour.
pub fn finding_mark(k: FindingKind) -> &'static str {
    match k {
        FindingKind::Strength => "+",
        FindingKind::Challenge => "~",
        FindingKind::Weakness => "−",
    }
}

/// `Ola Nordmann (Ordfører), Åse Ås (Hovedtillitsvalgt)`, safe to show.
pub fn people_line(bank: &Bank, people: &[Person], lang: Lang) -> String {
    people
        .iter()
        .map(|p| {
            format!(
                "{} ({})",
                one_line(&p.name),
                one_line(&bank.role_label(&p.role, lang))
            )
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// Splits text into lines of at most `width` columns, at spaces where
/// possible; words longer than a line are broken. Newlines are kept.
pub fn wrap(text: &str, width: usize) -> Vec<String> {
    let width = width.max(1);
    let mut out = Vec::new();
    for para in text.split('\n') {
        let mut line = String::new();
        let mut line_w = 0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = word.width();
            let gap = usize::from(!line.is_empty());
            if line_w + gap + w <= width {
                if gap == 1 {
                    line.push(' ');
                }
                line.push_str(word);
                line_w += gap + w;
                continue;
            }
            if !line.is_empty() {
                out.push(std::mem::take(&mut line));
                line_w = 0;
            }
            for c in word.chars() {
                let cw = c.width().unwrap_or(0);
                if line_w + cw > width && !line.is_empty() {
                    out.push(std::mem::take(&mut line));
                    line_w = 0;
                }
                line.push(c);
                line_w += cw;
            }
        }
        out.push(line);
    }
    out
}

/// Cuts text to `width` columns, ending with `…` when something was cut.
pub fn truncate(text: &str, width: usize) -> String {
    if text.width() <= width {
        return text.to_owned();
    }
    let mut out = String::new();
    let mut w = 0;
    for c in text.chars() {
        let cw = c.width().unwrap_or(0);
        if w + cw + 1 > width {
            break;
        }
        out.push(c);
        w += cw;
    }
    if width > 0 {
        out.push('…');
    }
    out
}

/// The first `max` lines of `lines`; the last kept line ends with `…` when
/// lines were dropped.
pub fn clip_lines(mut lines: Vec<String>, max: usize, width: usize) -> Vec<String> {
    if lines.len() > max {
        lines.truncate(max);
        if let Some(last) = lines.last_mut() {
            let cut = truncate(last, width.saturating_sub(1));
            *last = format!("{}…", cut.trim_end_matches('…'));
        }
    }
    lines
}

/// A rectangle of at most `w` x `h` centred in `area`.
pub fn centered(area: Rect, w: u16, h: u16) -> Rect {
    let w = w.min(area.width);
    let h = h.min(area.height);
    Rect::new(
        area.x + (area.width - w) / 2,
        area.y + (area.height - h) / 2,
        w,
        h,
    )
}

/// A prompt box near the top of `area`, `gap` cells from its top and sides
/// (at least 20 and at most `max_w` wide), tall enough for `inner_h` lines
/// inside a border: what is under it further down stays in view.
pub fn prompt_rect(area: Rect, inner_h: u16, max_w: u16, gap: u16) -> Rect {
    let w = area
        .width
        .saturating_sub(2 * gap)
        .clamp(20, max_w)
        .min(area.width);
    let r = centered(area, w, inner_h + 2);
    Rect {
        y: area.y + gap.min(area.height),
        ..r
    }
}

/// A one-line input (prompts and form fields).
pub fn line_input(text: &str) -> TextArea<'static> {
    let mut ta = TextArea::new(vec![one_line(text)]);
    ta.set_cursor_line_style(Style::default());
    ta.set_cursor_style(SELECTED);
    ta.move_cursor(ratatui_textarea::CursorMove::End);
    ta
}

/// The text of a one-line input.
pub fn line_text(ta: &TextArea) -> String {
    ta.lines().join(" ")
}

/// Pasted text as it may enter an editor: Windows line ends made plain,
/// control characters neutralized.
pub fn clean_paste(text: &str) -> String {
    multi_line(&text.replace("\r\n", "\n").replace('\r', "\n"))
}

/// Feeds a key to a one-line input; Enter and keys that would add a line
/// are refused. Returns whether the input used the key.
pub fn edit_line(ta: &mut TextArea, ev: &KeyEvent) -> bool {
    let newline = matches!(ev.code, KeyCode::Enter)
        || (ev.modifiers.contains(KeyModifiers::CONTROL)
            && matches!(ev.code, KeyCode::Char('m' | 'j')));
    if newline || matches!(ev.code, KeyCode::Tab | KeyCode::BackTab | KeyCode::Esc) {
        return false;
    }
    ta.input(*ev);
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wrap_respects_width_words_and_wide_characters() {
        assert_eq!(wrap("en to tre fire", 7), ["en to", "tre", "fire"]);
        assert_eq!(wrap("abcdefghij", 4), ["abcd", "efgh", "ij"]);
        assert_eq!(wrap("a\n\nb", 10), ["a", "", "b"]);
        // Each of these is two columns wide.
        assert_eq!(wrap("日本語テキ", 4), ["日本", "語テ", "キ"]);
        assert_eq!(wrap("hei 🙂 der", 6), ["hei 🙂", "der"]);
    }

    #[test]
    fn truncate_and_clip_mark_what_was_cut() {
        assert_eq!(truncate("Kommunikasjon", 6), "Kommu…");
        assert_eq!(truncate("kort", 6), "kort");
        let lines = vec!["en".to_string(), "to".into(), "tre".into()];
        assert_eq!(clip_lines(lines.clone(), 2, 10), ["en", "to…"]);
        assert_eq!(clip_lines(lines, 3, 10).len(), 3);
    }

    #[test]
    fn editors_neutralize_control_characters() {
        assert_eq!(clean_paste("x\r\ny\rz\x07"), "x\ny\nz␇");
        let mut one = line_input("a\nb");
        assert_eq!(line_text(&one), "a b");
        let enter = KeyEvent::from(KeyCode::Enter);
        assert!(!edit_line(&mut one, &enter));
        assert_eq!(one.lines().len(), 1);
    }
}
