//! The terminal's surface: a terminal that can also redraw one area on its own.
//!
//! ratatui's `Terminal::draw` renders a whole frame, compares every cell
//! with the last frame and then clears a buffer of the whole screen. While
//! the interviewer types, only the notes change, and on a 120x40 screen
//! those three passes over 4,800 cells were half the cost of a keystroke.
//! [`Surface::draw_area`] renders and compares only the area that changed.
//! It keeps what the terminal shows, so the next full frame is still
//! compared with what is really on screen.

use ratatui::backend::{Backend, ClearType};
use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Color;
use ratatui::{Frame, Terminal};

pub struct Surface<B: Backend> {
    terminal: Terminal<B>,
    /// What the terminal shows, except in the area of `area_shown`.
    shown: Buffer,
    /// What the terminal shows in the area drawn on its own since the last
    /// frame; the terminal's own record of that frame is out of date there.
    area_shown: Option<Buffer>,
    /// Where the next drawing of that area is made.
    scratch: Buffer,
    /// Colours are dropped (bold and reverse stay), for `NO_COLOR`.
    no_color: bool,
}

impl<B: Backend> Surface<B> {
    pub fn new(mut terminal: Terminal<B>, no_color: bool) -> Self {
        let shown = Buffer::empty(terminal.get_frame().area());
        Surface {
            terminal,
            shown,
            area_shown: None,
            scratch: Buffer::default(),
            no_color,
        }
    }

    pub fn area(&self) -> Rect {
        self.shown.area
    }

    pub fn backend(&self) -> &B {
        self.terminal.backend()
    }

    /// Draws a whole frame; only the cells that changed reach the terminal.
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> Result<(), B::Error> {
        let area_drawn = self.area_shown.take();
        if let Some(area) = &area_drawn {
            copy_cells(area, &mut self.shown);
        }
        let ambiguous = ambiguous_rows(&self.shown);
        if area_drawn.is_some() || !ambiguous.is_empty() {
            // The terminal compares the next frame with the buffer it drew
            // last: give it what is on screen instead, with the rows whose
            // width the terminal may see otherwise written again in full.
            let previous = self.terminal.current_buffer_mut();
            previous.content.clone_from(&self.shown.content);
            forget_rows(previous, &ambiguous);
            self.terminal.swap_buffers();
        }
        let no_color = self.no_color;
        let done = self.terminal.draw(|f| {
            render(f);
            if no_color {
                drop_colors(f.buffer_mut());
            }
        })?;
        self.shown.clone_from(done.buffer);
        Ok(())
    }

    /// Redraws only the area of `base`: `render` draws on a copy of `base`
    /// (what the frame has under it), and the cells that differ from what
    /// the terminal shows there are sent. Returns false, drawing nothing,
    /// when the area is not on the screen (the caller then draws a frame).
    pub fn draw_area(
        &mut self,
        base: &Buffer,
        render: impl FnOnce(&mut Buffer),
    ) -> Result<bool, B::Error> {
        let area = base.area;
        if area.is_empty() || area.intersection(self.shown.area) != area {
            return Ok(false);
        }
        let shown = match self.area_shown.take() {
            Some(same) if same.area == area => same,
            other => {
                if let Some(other) = other {
                    copy_cells(&other, &mut self.shown);
                }
                let mut now = Buffer::empty(area);
                copy_cells(&self.shown, &mut now);
                now
            }
        };
        self.scratch.area = area;
        self.scratch.content.clone_from(&base.content);
        render(&mut self.scratch);
        if self.no_color {
            drop_colors(&mut self.scratch);
        }
        let mut updates = shown.diff(&self.scratch);
        let rows: Vec<u16> = ambiguous_rows(&shown)
            .into_iter()
            .filter(|&y| updates.iter().any(|&(_, uy, _)| uy == y))
            .collect();
        if !rows.is_empty() {
            // A changed row that held a grapheme of uncertain width is
            // written again in full, so none of it stays behind.
            let mut old = shown.clone();
            forget_rows(&mut old, &rows);
            updates = old.diff(&self.scratch);
        }
        let backend = self.terminal.backend_mut();
        let sent = backend
            .draw(updates.into_iter())
            .and_then(|()| Backend::flush(backend));
        // Even after a failed write the terminal's record is behind.
        self.area_shown = Some(std::mem::replace(&mut self.scratch, shown));
        sent.map(|()| true)
    }

    /// Follows a new terminal size: the screen is cleared and the next
    /// frame drawn in full.
    pub fn resize(&mut self, area: Rect) -> Result<(), B::Error> {
        if area == self.shown.area {
            return Ok(());
        }
        self.terminal.resize(area)?;
        self.shown = Buffer::empty(area);
        self.area_shown = None;
        Ok(())
    }

    /// Forgets what is on screen so the next frame is drawn in full.
    /// (Not `Terminal::clear`: it asks the terminal where the cursor is, and
    /// the input thread takes the answer, so it waits 2 s for nothing.)
    pub fn clear(&mut self) -> Result<(), B::Error> {
        self.terminal.backend_mut().clear_region(ClearType::All)?;
        // Both buffers blank: the next draw writes every cell.
        self.terminal.swap_buffers();
        self.shown.reset();
        self.area_shown = None;
        Ok(())
    }
}

/// Copies the cells of `from` that lie in `to`'s area, a row at a time.
pub fn copy_cells(from: &Buffer, to: &mut Buffer) {
    let area = from.area.intersection(to.area);
    let width = usize::from(area.width);
    for y in area.top()..area.bottom() {
        let (src, dst) = (from.index_of(area.x, y), to.index_of(area.x, y));
        to.content[dst..dst + width].clone_from_slice(&from.content[src..src + width]);
    }
}

/// Rows holding a grapheme of several code points (a flag is two regional
/// indicators; also emoji sequences and combining marks): terminals differ
/// on how many columns those take, so what they leave around them after a
/// change is not what the last frame says.
fn ambiguous_rows(buffer: &Buffer) -> Vec<u16> {
    let width = usize::from(buffer.area.width.max(1));
    let mut rows: Vec<u16> = buffer
        .content
        .iter()
        .enumerate()
        .filter(|(_, cell)| cell.symbol().chars().nth(1).is_some())
        .map(|(i, _)| buffer.area.y + (i / width) as u16)
        .collect();
    rows.dedup();
    rows
}

/// Marks `rows` of a record of the screen as unknown, so that the next
/// comparison writes every cell of them.
fn forget_rows(buffer: &mut Buffer, rows: &[u16]) {
    let area = buffer.area;
    for &y in rows {
        for x in area.left()..area.right() {
            buffer[(x, y)].set_symbol(UNKNOWN);
        }
    }
}

/// A cell's symbol that no frame draws (a private-use character).
const UNKNOWN: &str = "\u{e000}";

fn drop_colors(buffer: &mut Buffer) {
    for cell in buffer.content.iter_mut() {
        cell.fg = Color::Reset;
        cell.bg = Color::Reset;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::RefCell;
    use std::io::{self, Write};
    use std::rc::Rc;

    use ratatui::backend::{CrosstermBackend, TestBackend};
    use ratatui::style::Style;
    use ratatui::widgets::{Paragraph, Widget};
    use ratatui::{TerminalOptions, Viewport};

    fn surface(w: u16, h: u16) -> Surface<TestBackend> {
        Surface::new(Terminal::new(TestBackend::new(w, h)).unwrap(), false)
    }

    /// The frame around an area: a background, a title, and the area's text.
    fn frame_text(f: &mut Frame, title: &str, area: Rect, text: &str) {
        f.render_widget(
            Paragraph::new(title).style(Style::new().bg(Color::Blue)),
            f.area(),
        );
        f.render_widget(Paragraph::new(text), area);
    }

    #[test]
    fn areas_and_frames_leave_the_terminal_as_full_frames_would() {
        let notes = Rect::new(2, 1, 8, 2);
        let steps: [(&str, bool, &str); 9] = [
            ("tittel", false, "hei"),
            ("tittel", true, "hei d"),
            // Back to the text of the last full frame: the terminal must
            // know that the screen shows something else now.
            ("tittel", false, "hei"),
            ("tittel", true, "hei d"),
            ("tittel", true, "hei du 🙂"),
            ("ny tittel", false, "hei du 🙂 x"),
            ("ny tittel", true, ""),
            ("ny tittel", true, "æøå"),
            ("tittel", false, "æøå!"),
        ];
        let mut ours = surface(12, 4);
        for (k, (title, area_only, text)) in steps.into_iter().enumerate() {
            if area_only {
                // What the frame puts under the area.
                let mut base = Buffer::empty(notes);
                base.set_style(notes, Style::new().bg(Color::Blue));
                ours.draw_area(&base, |buf| Paragraph::new(text).render(notes, buf))
                    .unwrap();
            } else {
                ours.draw(|f| frame_text(f, title, notes, text)).unwrap();
            }
            let mut full = surface(12, 4);
            full.draw(|f| frame_text(f, title, notes, text)).unwrap();
            // The steps that draw only the area keep the title: the rest of
            // the frame is as before.
            assert_eq!(ours.backend().buffer(), full.backend().buffer(), "step {k}");
            let mut shown = ours.shown.clone();
            if let Some(area) = &ours.area_shown {
                copy_cells(area, &mut shown);
            }
            assert_eq!(&shown, ours.backend().buffer(), "step {k}: what is shown");
        }
    }

    /// A terminal's input, kept to be read back.
    #[derive(Clone, Default)]
    struct Written(Rc<RefCell<Vec<u8>>>);

    impl Write for Written {
        fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
            self.0.borrow_mut().extend_from_slice(bytes);
            Ok(bytes.len())
        }
        fn flush(&mut self) -> io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn an_area_sends_only_its_changed_cells() {
        let notes = Rect::new(0, 1, 10, 1);
        let written = Written::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 10, 3)),
        };
        let terminal = Terminal::with_options(CrosstermBackend::new(written.clone()), options);
        let mut s = Surface::new(terminal.unwrap(), false);
        s.draw(|f| f.render_widget(Paragraph::new("abc"), notes))
            .unwrap();
        written.0.borrow_mut().clear();
        s.draw_area(&Buffer::empty(notes), |buf| {
            Paragraph::new("abcd").render(notes, buf)
        })
        .unwrap();
        let out = String::from_utf8(written.0.take()).unwrap();
        assert!(out.contains('d') && !out.contains("abc"), "{out:?}");
    }

    #[test]
    fn a_row_that_held_a_flag_is_written_again_in_full() {
        let written = Written::default();
        let options = TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 10, 2)),
        };
        let terminal = Terminal::with_options(CrosstermBackend::new(written.clone()), options);
        let mut s = Surface::new(terminal.unwrap(), false);
        let row = Rect::new(0, 0, 10, 1);
        s.draw(|f| f.render_widget(Paragraph::new("🇳🇴 ab"), row))
            .unwrap();
        written.0.borrow_mut().clear();
        // The next page: the flag's cells change, the rest is the same.
        s.draw(|f| f.render_widget(Paragraph::new("   ab"), row))
            .unwrap();
        let out = String::from_utf8(written.0.take()).unwrap();
        assert!(out.contains("ab"), "the whole row again: {out:?}");
        // The same in an area drawn on its own.
        s.draw_area(&Buffer::empty(row), |buf| {
            Paragraph::new("🇸🇪 ab").render(row, buf)
        })
        .unwrap();
        written.0.borrow_mut().clear();
        s.draw_area(&Buffer::empty(row), |buf| {
            Paragraph::new("x  ab").render(row, buf)
        })
        .unwrap();
        let out = String::from_utf8(written.0.take()).unwrap();
        assert!(out.contains("ab"), "the whole row again: {out:?}");
    }

    #[test]
    fn an_area_off_the_screen_is_left_to_a_full_frame() {
        let mut s = surface(4, 2);
        let off = Buffer::empty(Rect::new(2, 1, 4, 1));
        assert!(!s.draw_area(&off, |_| panic!("not drawn")).unwrap());
        assert!(s.area_shown.is_none());
    }

    #[test]
    fn no_color_drops_colours_in_areas_too() {
        let area = Rect::new(0, 0, 3, 1);
        let mut s = Surface::new(Terminal::new(TestBackend::new(3, 1)).unwrap(), true);
        s.draw_area(&Buffer::empty(area), |buf| {
            buf.set_string(0, 0, "x", Style::new().fg(Color::Red).bg(Color::Blue));
        })
        .unwrap();
        let cell = &s.backend().buffer()[(0, 0)];
        assert_eq!(
            (cell.symbol(), cell.fg, cell.bg),
            ("x", Color::Reset, Color::Reset)
        );
    }

    #[test]
    fn a_resize_or_clear_starts_again_from_a_blank_screen() {
        let notes = Rect::new(0, 0, 4, 1);
        let mut s = surface(6, 2);
        s.draw(|f| frame_text(f, "abcdef", notes, "x")).unwrap();
        s.clear().unwrap();
        assert_eq!(s.shown, Buffer::empty(s.area()));
        s.draw(|f| frame_text(f, "abcdef", notes, "y")).unwrap();
        assert_eq!(&s.shown, s.backend().buffer());
        s.resize(Rect::new(0, 0, 8, 3)).unwrap();
        assert_eq!(s.area(), Rect::new(0, 0, 8, 3));
        s.draw(|f| frame_text(f, "abcdefgh", notes, "z")).unwrap();
        assert_eq!(&s.shown, s.backend().buffer());
    }
}
