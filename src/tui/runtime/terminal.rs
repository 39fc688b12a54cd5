//! The real terminal: entering and leaving full-screen mode.

use std::io::{self, Stdout};

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

use crate::tui::surface::Surface;

pub type TerminalSurface = Surface<CrosstermBackend<Stdout>>;

/// Enters raw mode, the alternate screen and bracketed paste. Leave it
/// with [`restore`]; a panic on this thread restores it before the
/// message is printed.
pub fn enter() -> io::Result<TerminalSurface> {
    install_panic_hook();
    enable_raw_mode()?;
    let mut out = io::stdout();
    if let Err(e) = execute!(out, EnterAlternateScreen, EnableBracketedPaste, Hide) {
        restore();
        return Err(e);
    }
    // A fixed viewport, resized on the terminal's resize event: a
    // full-screen one asks the terminal for its size on every frame
    // (opening /dev/tty each time), on the path of every keystroke.
    let terminal = ratatui::crossterm::terminal::size().and_then(|(width, height)| {
        Terminal::with_options(
            CrosstermBackend::new(out),
            TerminalOptions {
                viewport: Viewport::Fixed(Rect::new(0, 0, width, height)),
            },
        )
    });
    match terminal {
        Ok(terminal) => {
            let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
            Ok(Surface::new(terminal, no_color))
        }
        Err(e) => {
            restore();
            Err(e)
        }
    }
}

/// Leaves full-screen mode: paste and mouse modes off, the alternate screen
/// left, the cursor shown, raw mode off. Safe to call more than once and
/// when the terminal is gone.
pub fn restore() {
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        DisableMouseCapture,
        LeaveAlternateScreen,
        Show
    );
    let _ = disable_raw_mode();
}

/// A panic on the UI thread restores the terminal before the message is
/// printed, so the message is readable and the shell usable. The event loop
/// catches the unwind and saves what is open.
fn install_panic_hook() {
    let ui_thread = std::thread::current().id();
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == ui_thread {
            restore();
        }
        previous(info);
    }));
}
