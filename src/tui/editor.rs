//! The notes editor: ratatui-textarea does the editing (keys, words,
//! undo and redo, paste, selection) and this module draws it with soft
//! wrapping.
//!
//! ratatui-textarea 0.9 wraps by itself, but it wraps the whole text again
//! after every change, which costs about 25 µs per KB typed into (half a
//! millisecond per key in a 20 KB note). Here the text area runs unwrapped
//! and the wrapping is cached per line: a keystroke re-wraps only the line
//! it changed. Lines break after spaces (spaces hang at the end of a row),
//! and words longer than a row break between characters.

use std::cell::{Cell, RefCell};
use std::time::{Duration, Instant};

use ratatui::buffer::Buffer;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::widgets::Widget;
use ratatui_textarea::{CursorMove, TextArea, WrapMode};
use unicode_width::UnicodeWidthChar;

use super::ui::{DIM, SELECTED};
use crate::core::text::multi_line;

/// The columns a character takes in the editor (a tab is shown as a space).
fn char_width(c: char) -> usize {
    if c == '\t' { 1 } else { c.width().unwrap_or(0) }
}

/// Where the rows of one line start (char indices; the first is 0).
fn row_starts(line: &str, width: usize) -> Vec<usize> {
    let width = width.max(1);
    let mut starts = vec![0];
    let mut col = 0;
    // The char index after the last space of the row: where it may break.
    let mut brk: Option<usize> = None;
    let chars: Vec<char> = line.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let w = char_width(c);
        if c == ' ' {
            col += w;
            brk = Some(i + 1);
            i += 1;
            continue;
        }
        if col + w > width && col > 0 {
            let start = match brk {
                Some(b) if b > *starts.last().unwrap_or(&0) => b,
                _ => i,
            };
            starts.push(start);
            brk = None;
            col = chars[start..i].iter().map(|&c| char_width(c)).sum();
            continue;
        }
        col += w;
        i += 1;
    }
    starts
}

/// Which lines changed since the cache was last brought up to date.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Changed {
    Nothing,
    /// Only this line; the number of lines is the same.
    Line(usize),
    /// Anything: every line is compared with the text it was wrapped from.
    Unknown,
}

impl Changed {
    fn and(self, other: Changed) -> Changed {
        match (self, other) {
            (Changed::Nothing, c) | (c, Changed::Nothing) => c,
            (Changed::Line(a), Changed::Line(b)) if a == b => Changed::Line(a),
            _ => Changed::Unknown,
        }
    }
}

struct WrapCache {
    width: usize,
    /// Per line: the text it was wrapped from, and its row starts.
    lines: Vec<(String, Vec<usize>)>,
    changed: Changed,
}

impl Default for WrapCache {
    fn default() -> Self {
        WrapCache {
            width: 0,
            lines: Vec::new(),
            changed: Changed::Unknown,
        }
    }
}

impl WrapCache {
    /// Brings the cache up to date; only changed lines are wrapped again.
    /// While typing only the line typed in is looked at: comparing every
    /// line of a long note on each keystroke would cost more than the rest.
    fn update(&mut self, lines: &[String], width: usize) {
        let changed = std::mem::replace(&mut self.changed, Changed::Nothing);
        if width != self.width {
            self.lines.clear();
            self.width = width;
        } else if self.lines.len() == lines.len() {
            match changed {
                Changed::Nothing => return,
                Changed::Line(k) if k < lines.len() => {
                    self.lines[k] = (lines[k].clone(), row_starts(&lines[k], width));
                    return;
                }
                _ => {}
            }
        }
        self.lines.truncate(lines.len());
        for (k, line) in lines.iter().enumerate() {
            match self.lines.get_mut(k) {
                Some((text, _)) if text == line => {}
                Some(entry) => *entry = (line.clone(), row_starts(line, width)),
                None => self.lines.push((line.clone(), row_starts(line, width))),
            }
        }
    }

    /// The visual row of (line, char index) counted from the top, and the
    /// row's start within the line.
    fn locate(&self, line: usize, col: usize) -> (usize, usize) {
        let before: usize = self.lines[..line].iter().map(|(_, s)| s.len()).sum();
        let starts = &self.lines[line].1;
        let r = starts.partition_point(|&s| s <= col).saturating_sub(1);
        (before + r, starts[r])
    }

    /// (line, row start, row end) of a visual row.
    fn row(&self, mut row: usize) -> Option<(usize, usize, usize)> {
        for (k, (text, starts)) in self.lines.iter().enumerate() {
            if row < starts.len() {
                let end = starts
                    .get(row + 1)
                    .copied()
                    .unwrap_or_else(|| text.chars().count());
                return Some((k, starts[row], end));
            }
            row -= starts.len();
        }
        None
    }

    fn rows(&self) -> usize {
        self.lines.iter().map(|(_, s)| s.len()).sum()
    }
}

/// A multi-line editor with cached soft wrapping.
pub struct Editor {
    ta: TextArea<'static>,
    wrap: RefCell<WrapCache>,
    /// Width of the last drawing (0 before the first) and the top row shown.
    view: Cell<(usize, usize)>,
    placeholder: String,
    cursor_shown: bool,
    /// The column Up and Down aim for: kept across rows too short to reach
    /// it, forgotten by any other key.
    goal_x: Option<usize>,
    /// The character typed last, and when (if the caller said): typing
    /// joins it in one undo step until a new word starts or a pause.
    last_typed: Option<(char, Option<Instant>)>,
}

/// A pause this long in typing ends an undo step.
pub const UNDO_PAUSE: Duration = Duration::from_secs(1);

impl Editor {
    /// An editor holding `text` with the cursor at its end. Control
    /// characters from a file become visible stand-ins, never commands.
    pub fn new(text: &str, placeholder: &str) -> Editor {
        let clean = multi_line(&text.replace("\r\n", "\n"));
        let mut ta = TextArea::new(clean.split('\n').map(str::to_owned).collect());
        ta.set_wrap_mode(WrapMode::None);
        ta.move_cursor(CursorMove::Bottom);
        ta.move_cursor(CursorMove::End);
        Editor {
            ta,
            wrap: RefCell::default(),
            view: Cell::new((0, 0)),
            placeholder: placeholder.to_owned(),
            cursor_shown: true,
            goal_x: None,
            last_typed: None,
        }
    }

    pub fn lines(&self) -> &[String] {
        self.ta.lines()
    }

    pub fn text(&self) -> String {
        self.ta.lines().join("\n")
    }

    pub fn is_blank(&self) -> bool {
        self.ta.lines().iter().all(|l| l.trim().is_empty())
    }

    /// The line under the cursor.
    pub fn current_line(&self) -> &str {
        self.ta
            .lines()
            .get(self.ta.cursor().0)
            .map_or("", String::as_str)
    }

    pub fn show_cursor(&mut self, shown: bool) {
        self.cursor_shown = shown;
    }

    pub fn undo(&mut self) -> bool {
        self.goal_x = None;
        self.last_typed = None;
        self.note_change(Changed::Unknown);
        self.ta.undo()
    }

    pub fn redo(&mut self) -> bool {
        self.goal_x = None;
        self.last_typed = None;
        self.note_change(Changed::Unknown);
        self.ta.redo()
    }

    /// Inserts text as one edit (one undo step).
    pub fn insert_str(&mut self, text: &str) -> bool {
        self.goal_x = None;
        self.last_typed = None;
        self.note_change(Changed::Unknown);
        self.ta.insert_str(text)
    }

    fn note_change(&self, changed: Changed) {
        let mut wrap = self.wrap.borrow_mut();
        wrap.changed = wrap.changed.and(changed);
    }

    /// [`Editor::input`] of a key typed at `now`: a pause in typing also
    /// ends an undo step.
    pub fn input_at(&mut self, ev: KeyEvent, now: Instant) -> bool {
        self.typed(ev, Some(now))
    }

    /// Handles a key; returns whether the text changed. Up and Down move by
    /// rows on screen, not by lines of text. Undo takes back a word at a
    /// time (with the spaces after it), not a character.
    pub fn input(&mut self, ev: KeyEvent) -> bool {
        self.typed(ev, None)
    }

    /// Whether a character typed at `now` joins the undo step of the one
    /// before: not at the start of a word, nor after a pause.
    fn joins_step(&self, c: char, now: Option<Instant>) -> bool {
        let Some((before, then)) = self.last_typed else {
            return false;
        };
        let new_word = before.is_whitespace() && !c.is_whitespace();
        let paused = match (then, now) {
            (Some(then), Some(now)) => now.saturating_duration_since(then) >= UNDO_PAUSE,
            _ => false,
        };
        !new_word && !paused
    }

    fn typed(&mut self, ev: KeyEvent, now: Option<Instant>) -> bool {
        // Ctrl-Delete: the twin of Alt-Delete (delete the word after) for
        // keyboards where Alt makes characters (macOS).
        let ev = if ev.code == KeyCode::Delete && ev.modifiers == KeyModifiers::CONTROL {
            KeyEvent::new(KeyCode::Delete, KeyModifiers::ALT)
        } else {
            ev
        };
        let plain = !ev
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT);
        match ev.code {
            KeyCode::Up | KeyCode::Down if plain && self.view.get().0 > 0 => {
                let step = if ev.code == KeyCode::Up { -1 } else { 1 };
                let shift = ev.modifiers.contains(KeyModifiers::SHIFT);
                self.last_typed = None;
                self.move_row(step, shift);
                false
            }
            _ => {
                self.goal_x = None;
                let (row, lines) = (self.ta.cursor().0, self.ta.lines().len());
                // Typing, Backspace and Delete without a selection change only
                // the cursor's line, unless they join or split lines.
                let in_line = plain
                    && !self.ta.is_selecting()
                    && matches!(
                        ev.code,
                        KeyCode::Char(_) | KeyCode::Backspace | KeyCode::Delete
                    );
                let typed = match ev.code {
                    KeyCode::Char(c) if in_line => Some(c),
                    _ => None,
                };
                if let Some(c) = typed
                    && self.joins_step(c, now)
                {
                    // A typed character always makes an edit, which takes the join.
                    self.ta.join_next_edit();
                }
                self.last_typed = typed.map(|c| (c, now));
                let changed = self.ta.input(ev);
                if changed {
                    let same_line = self.ta.cursor().0 == row && self.ta.lines().len() == lines;
                    self.note_change(if in_line && same_line {
                        Changed::Line(row)
                    } else {
                        Changed::Unknown
                    });
                }
                changed
            }
        }
    }

    fn move_row(&mut self, step: isize, shift: bool) {
        let (width, _) = self.view.get();
        let mut wrap = self.wrap.borrow_mut();
        wrap.update(self.ta.lines(), width);
        let (line, col) = (self.ta.cursor().0, self.ta.cursor().1);
        let (row, start) = wrap.locate(line, col);
        let chars: Vec<char> = self.ta.lines()[line].chars().collect();
        let x = *self.goal_x.get_or_insert_with(|| {
            chars[start..col.min(chars.len())]
                .iter()
                .map(|&c| char_width(c))
                .sum()
        });
        let target = row as isize + step;
        let Some((tl, ts, te)) = usize::try_from(target).ok().and_then(|t| wrap.row(t)) else {
            return;
        };
        let tchars: Vec<char> = self.ta.lines()[tl].chars().collect();
        // The last position of the target row at or before column x (a
        // row that wraps ends before its last character's successor).
        let last = if te < tchars.len() {
            te.saturating_sub(1).max(ts)
        } else {
            te
        };
        let mut c = ts;
        let mut w = 0;
        while c < last && w + char_width(tchars[c]) <= x {
            w += char_width(tchars[c]);
            c += 1;
        }
        let (Ok(r), Ok(k)) = (u16::try_from(tl), u16::try_from(c)) else {
            return;
        };
        drop(wrap);
        if shift {
            if !self.ta.is_selecting() {
                self.ta.start_selection();
            }
        } else {
            self.ta.cancel_selection();
        }
        self.ta.move_cursor(CursorMove::Jump(r, k));
    }
}

impl Widget for &Editor {
    fn render(self, area: Rect, buf: &mut Buffer) {
        let width = area.width as usize;
        let height = area.height as usize;
        if width == 0 || height == 0 {
            return;
        }
        if self.ta.is_empty() {
            self.view.set((width, 0));
            buf.set_stringn(area.x + 1, area.y, &self.placeholder, width - 1, DIM);
            if self.cursor_shown {
                buf.set_style(Rect::new(area.x, area.y, 1, 1), SELECTED);
            }
            return;
        }
        let mut wrap = self.wrap.borrow_mut();
        wrap.update(self.ta.lines(), width);
        let (line, col) = (self.ta.cursor().0, self.ta.cursor().1);
        let (cursor_row, _) = wrap.locate(line, col);
        // Scroll as little as possible to keep the cursor in view.
        let (_, mut top) = self.view.get();
        if cursor_row < top {
            top = cursor_row;
        } else if cursor_row >= top + height {
            top = cursor_row + 1 - height;
        }
        // No blank rows below the end while there is text above the view
        // (after the editor grew or got wider).
        top = top.min(wrap.rows().saturating_sub(height));
        self.view.set((width, top));
        let selection = self.ta.selection_range();
        for y in 0..height {
            let Some((l, start, end)) = wrap.row(top + y) else {
                break;
            };
            let text: String = self.ta.lines()[l]
                .chars()
                .skip(start)
                .take(end - start)
                .map(|c| if c == '\t' { ' ' } else { c })
                .collect();
            let row_y = area.y + y as u16;
            put_row(buf, area.x, row_y, &text, width);
            // Columns of char positions in this row, for selection and cursor.
            let x_of = |c: usize| -> usize {
                text.chars()
                    .take(c.saturating_sub(start))
                    .map(char_width)
                    .sum::<usize>()
                    .min(width - 1)
            };
            if let Some(((sl, sc), (el, ec))) = selection
                && (sl..=el).contains(&l)
            {
                // The selected part of this line, cut to this row.
                let from = if l == sl { sc.max(start) } else { start };
                let to = if l == el { ec.min(end) } else { end };
                if from < to {
                    let (x0, x1) = (x_of(from), x_of(to).max(x_of(from) + 1));
                    buf.set_style(
                        Rect::new(area.x + x0 as u16, row_y, (x1 - x0) as u16, 1),
                        SELECTED,
                    );
                }
            }
            if self.cursor_shown && top + y == cursor_row {
                let x = x_of(col);
                buf.set_style(Rect::new(area.x + x as u16, row_y, 1, 1), SELECTED);
            }
        }
    }
}

/// Whether `c` is one cell on its own, whatever surrounds it: printable
/// Latin-1 and Latin Extended (æøå, the Sami and Swedish letters) without
/// the soft hyphen, dashes, quotes, the ellipsis and the euro sign.
/// Combining marks start at U+0300; joiners and direction marks sit just
/// below and above the punctuation taken here.
fn is_plain_cell(c: char) -> bool {
    matches!(c, ' '..='~' | '\u{a0}'..='\u{2ff}' | '\u{2010}'..='\u{2027}' | '€') && c != '\u{ad}'
}

/// Writes one row of the notes. `Buffer::set_stringn` splits text into
/// grapheme clusters first, which was a third of the cost of a keystroke;
/// plain cells need no splitting. So the row is written char by char up to
/// the last plain cell before the first other character (that one may
/// combine with what follows), and `set_stringn` writes the rest.
fn put_row(buf: &mut Buffer, x: u16, y: u16, text: &str, width: usize) {
    let room = usize::from(buf.area.right().saturating_sub(x)).min(width);
    let split = match text.char_indices().find(|&(_, c)| !is_plain_cell(c)) {
        None => text.len(),
        Some((first_other, _)) => text[..first_other]
            .char_indices()
            .next_back()
            .map_or(0, |(i, _)| i),
    };
    let (head, tail) = text.split_at(split);
    let mut dx = 0u16;
    for c in head.chars().take(room) {
        buf[(x + dx, y)].set_char(c);
        dx += 1;
    }
    let written = usize::from(dx);
    if !tail.is_empty() && written < room {
        buf.set_stringn(x + dx, y, tail, room - written, Style::new());
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::Terminal;
    use ratatui::backend::TestBackend;

    fn rows(line: &str, width: usize) -> Vec<String> {
        let chars: Vec<char> = line.chars().collect();
        let starts = row_starts(line, width);
        starts
            .iter()
            .enumerate()
            .map(|(k, &s)| {
                let e = starts.get(k + 1).copied().unwrap_or(chars.len());
                chars[s..e].iter().collect()
            })
            .collect()
    }

    #[test]
    fn undo_takes_back_a_word_or_what_was_typed_before_a_pause() {
        let t0 = Instant::now();
        let mut ed = Editor::new("", "");
        let sentence = "Hun sa 4 ting";
        for (k, c) in sentence.chars().enumerate() {
            ed.input_at(
                KeyEvent::from(KeyCode::Char(c)),
                t0 + Duration::from_millis(k as u64 * 150),
            );
        }
        let mut seen = vec![ed.text()];
        while ed.undo() {
            seen.push(ed.text());
        }
        assert_eq!(seen, [sentence, "Hun sa 4 ", "Hun sa ", "Hun ", ""]);
        while ed.redo() {}
        assert_eq!(ed.text(), sentence);

        // A pause in the middle of a word ends the step too.
        let mut ed = Editor::new("", "");
        let later = t0 + UNDO_PAUSE;
        for (c, at) in [('a', t0), ('b', t0), ('c', later), ('d', later)] {
            ed.input_at(KeyEvent::from(KeyCode::Char(c)), at);
        }
        ed.undo();
        assert_eq!(ed.text(), "ab");
        // Moving the cursor ends a step as well.
        ed.input(KeyEvent::from(KeyCode::Left));
        ed.input(KeyEvent::from(KeyCode::Char('x')));
        ed.input(KeyEvent::from(KeyCode::Char('y')));
        assert_eq!(ed.text(), "axyb");
        ed.undo();
        assert_eq!(ed.text(), "ab");
    }

    #[test]
    fn ctrl_delete_deletes_the_word_after_as_alt_delete_does() {
        let mut ed = Editor::new("ett to tre", "");
        ed.input(KeyEvent::from(KeyCode::Home));
        ed.input(KeyEvent::new(KeyCode::Delete, KeyModifiers::CONTROL));
        assert_eq!(ed.text(), " to tre");
    }

    #[test]
    fn lines_break_after_spaces_and_long_words_between_characters() {
        assert_eq!(rows("en to tre fire", 7), ["en to ", "tre ", "fire"]);
        assert_eq!(rows("ordføreren.", 6), ["ordfør", "eren."]);
        assert_eq!(rows("ja ordføreren.", 11), ["ja ", "ordføreren."]);
        // Spaces hang at the end of a row instead of starting the next one.
        assert_eq!(rows("abc   def", 4), ["abc   ", "def"]);
        // Wide characters take two columns.
        assert_eq!(rows("hei 🙂🙂 du", 6), ["hei ", "🙂🙂 ", "du"]);
        assert_eq!(rows("", 5), [""]);
    }

    fn draw(ed: &Editor, w: u16, h: u16) -> String {
        let mut term = Terminal::new(TestBackend::new(w, h)).unwrap();
        term.draw(|f| f.render_widget(ed, f.area())).unwrap();
        term.backend().to_string()
    }

    #[test]
    fn draws_wrapped_rows_and_follows_the_cursor() {
        let mut ed = Editor::new("første linje er lang nok\nandre", "");
        let out = draw(&ed, 10, 3);
        // The cursor is at the end, so the view scrolled to the last rows.
        assert!(out.contains("nok") && out.contains("andre"), "{out}");
        assert!(!out.contains("første"), "{out}");
        for _ in 0..5 {
            ed.input(KeyEvent::from(KeyCode::Up));
        }
        let out = draw(&ed, 10, 3);
        assert!(out.contains("første"), "{out}");
    }

    #[test]
    fn a_taller_or_wider_view_shows_the_text_above_instead_of_blank_rows() {
        let ed = Editor::new("en to tre fire fem seks sju åtte ni ti", "");
        let narrow = draw(&ed, 6, 3); // the cursor at the end scrolls the view
        assert!(!narrow.contains("en to"), "{narrow}");
        // Four rows of 12: the view ends with the last one and shows two above.
        let wide = draw(&ed, 12, 3);
        let rows: Vec<&str> = wide.lines().collect();
        assert!(rows[0].contains("fire") && rows[2].contains("ti"), "{wide}");
        let tall = draw(&ed, 6, 12);
        assert!(tall.lines().next().unwrap().contains("en to"), "{tall}");
    }

    #[test]
    fn up_and_down_move_by_screen_rows() {
        let mut ed = Editor::new("aaaa bbbb cccc\nxy", "");
        draw(&ed, 5, 5); // rows: "aaaa ", "bbbb ", "cccc", "xy"
        ed.ta.move_cursor(CursorMove::Jump(0, 7)); // in "bbbb", column 2
        ed.input(KeyEvent::from(KeyCode::Up));
        assert_eq!(ed.ta.cursor(), (0, 2));
        ed.input(KeyEvent::from(KeyCode::Down));
        ed.input(KeyEvent::from(KeyCode::Down));
        assert_eq!(ed.ta.cursor(), (0, 12));
        ed.input(KeyEvent::from(KeyCode::Down));
        assert_eq!(ed.ta.cursor(), (1, 2), "clamped to the short row");
        ed.input(KeyEvent::new(KeyCode::Up, KeyModifiers::SHIFT));
        assert!(ed.ta.selection_range().is_some());
        ed.input(KeyEvent::from(KeyCode::Down));
        assert!(ed.ta.selection_range().is_none());
    }

    #[test]
    fn up_and_down_keep_their_column_across_a_short_row() {
        let mut ed = Editor::new("abcdefgh\nxy\nabcdefgh", "");
        draw(&ed, 20, 5);
        ed.ta.move_cursor(CursorMove::Jump(0, 6));
        ed.input(KeyEvent::from(KeyCode::Down));
        assert_eq!(ed.ta.cursor(), (1, 2), "the short row's end");
        ed.input(KeyEvent::from(KeyCode::Down));
        assert_eq!(ed.ta.cursor(), (2, 6), "back at the column it came from");
        ed.input(KeyEvent::from(KeyCode::Up));
        ed.input(KeyEvent::from(KeyCode::Left));
        ed.input(KeyEvent::from(KeyCode::Down));
        assert_eq!(ed.ta.cursor(), (2, 1), "another key sets a new column");
    }

    #[test]
    fn rows_are_known_from_the_first_drawing_even_of_an_empty_editor() {
        let mut ed = Editor::new("", "Skriv her");
        draw(&ed, 5, 5);
        ed.insert_str("aaaa bbbb");
        ed.input(KeyEvent::from(KeyCode::Up));
        assert_eq!(ed.ta.cursor(), (0, 4), "up one row, not to the top");
    }

    #[test]
    fn only_changed_lines_are_wrapped_again() {
        let mut cache = WrapCache::default();
        let lines = vec!["a b c".to_string(), "d e".into()];
        cache.update(&lines, 2);
        let before = cache.lines[1].1.as_ptr();
        let lines = vec!["a b c x".to_string(), "d e".into()];
        cache.changed = Changed::Unknown;
        cache.update(&lines, 2);
        assert_eq!(cache.lines[1].1.as_ptr(), before, "line 2 kept");
        assert_eq!(cache.rows(), 4 + 2);
        assert_eq!(cache.locate(1, 2), (5, 2));
        assert_eq!(cache.row(5), Some((1, 2, 3)));
    }

    /// A fixed pseudo-random walk over `keys` (xorshift from `seed`), the
    /// same every run: one key in `typing` is the first, the typing an
    /// interviewer mostly does; the others are drawn from the rest.
    fn key_walk(keys: &[KeyEvent], seed: u32, typing: u32) -> impl Iterator<Item = KeyEvent> + '_ {
        let mut state = seed;
        std::iter::repeat_with(move || {
            state ^= state << 13;
            state ^= state >> 17;
            state ^= state << 5;
            if state.is_multiple_of(typing) {
                keys[0]
            } else {
                keys[(state / typing) as usize % keys.len()]
            }
        })
    }

    #[test]
    fn wrapping_only_the_line_typed_in_matches_wrapping_everything() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let keys = [
            KeyEvent::from(KeyCode::Char('a')),
            KeyEvent::from(KeyCode::Char(' ')),
            KeyEvent::from(KeyCode::Char('ø')),
            KeyEvent::from(KeyCode::Backspace),
            KeyEvent::from(KeyCode::Delete),
            KeyEvent::from(KeyCode::Enter),
            KeyEvent::from(KeyCode::Left),
            KeyEvent::from(KeyCode::Up),
            KeyEvent::from(KeyCode::Down),
            KeyEvent::from(KeyCode::Home),
            KeyEvent::new(KeyCode::Left, KeyModifiers::SHIFT),
            ctrl('w'),
            ctrl('z'),
            ctrl('y'),
        ];
        let mut ed = Editor::new("en to tre\n\nfire fem seks sju", "");
        for (step, key) in key_walk(&keys, 2026, 3).take(3000).enumerate() {
            ed.input(key);
            draw(&ed, 7, 4);
            let mut fresh = WrapCache::default();
            fresh.update(ed.lines(), 7);
            assert_eq!(
                ed.wrap.borrow().lines,
                fresh.lines,
                "step {step}, key {key:?}"
            );
        }
    }

    #[test]
    fn rows_of_plain_cells_are_written_as_set_stringn_writes_them() {
        let rows = [
            "Ordføreren sa: «Vi må bli bedre på oppfølging» – og så gikk hun.",
            "Sámi: čđŋšŧž, svensk: åäö, ÆØÅ ½ ¿ “sitat” … 40 €",
            "retning\u{200f}skift og null\u{200b}bredde",
            "e\u{301} først, så 🙂 midt i og æ\u{308} til slutt",
            "🙂",
            "kombinert: e\u{301} og 🙂 og 漢字 og myk\u{ad}bindestrek",
            "",
        ];
        for text in rows {
            for width in [0, 5, 30, 80] {
                let area = Rect::new(2, 1, 40, 1);
                let mut ours = Buffer::empty(area);
                let mut theirs = Buffer::empty(area);
                put_row(&mut ours, 3, 1, text, width);
                theirs.set_stringn(3, 1, text, width, Style::new());
                assert_eq!(ours, theirs, "{text:?} in {width} columns");
            }
        }
        for c in [
            '\u{301}', '\u{ad}', '\u{85}', '\u{200d}', '\u{200f}', '\u{2028}',
        ] {
            assert!(!is_plain_cell(c), "{c:?}");
        }
    }

    /// `vendor/ratatui-textarea` updates its screen map one line at a time
    /// while typing. A text area built afresh from the same lines has a
    /// map built whole: every cursor move, which reads the map, must land
    /// in the same place in both, after every key.
    #[test]
    fn the_patched_text_area_moves_as_one_built_afresh() {
        let ctrl = |c| KeyEvent::new(KeyCode::Char(c), KeyModifiers::CONTROL);
        let keys = [
            KeyEvent::from(KeyCode::Char('a')),
            KeyEvent::from(KeyCode::Char(' ')),
            KeyEvent::from(KeyCode::Char('æ')),
            KeyEvent::from(KeyCode::Char('🙂')),
            KeyEvent::from(KeyCode::Char('\t')),
            KeyEvent::from(KeyCode::Backspace),
            KeyEvent::from(KeyCode::Delete),
            KeyEvent::from(KeyCode::Enter),
            KeyEvent::from(KeyCode::Left),
            KeyEvent::from(KeyCode::Up),
            KeyEvent::from(KeyCode::End),
            ctrl('w'),
            ctrl('z'),
        ];
        let moves = [
            CursorMove::Forward,
            CursorMove::Back,
            CursorMove::Up,
            CursorMove::Down,
            CursorMove::Head,
            CursorMove::End,
            CursorMove::WordForward,
            CursorMove::WordEnd,
            CursorMove::WordBack,
            CursorMove::Bottom,
        ];
        let mut ta = TextArea::new(vec![
            "første linje".into(),
            String::new(),
            "tredje 🙂".into(),
        ]);
        for (step, key) in key_walk(&keys, 75, 2).take(2000).enumerate() {
            ta.input(key);
            let (row, col) = (ta.cursor().0, ta.cursor().1);
            let mut fresh = TextArea::new(ta.lines().to_vec());
            fresh.move_cursor(CursorMove::Jump(row as u16, col as u16));
            assert_eq!(fresh.cursor(), (row, col), "step {step}");
            for m in moves {
                let (mut a, mut b) = (ta.clone(), fresh.clone());
                a.move_cursor(m);
                b.move_cursor(m);
                assert_eq!(a.cursor(), b.cursor(), "step {step}, key {key:?}, {m:?}");
            }
        }
    }

    #[test]
    fn the_placeholder_shows_when_empty_and_controls_are_neutralized() {
        let ed = Editor::new("", "Skriv her");
        assert!(draw(&ed, 12, 1).contains("Skriv her"));
        let ed = Editor::new("a\x1b[2Jb", "");
        assert_eq!(ed.lines(), ["a␛[2Jb"]);
    }
}
