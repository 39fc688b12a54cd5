//! The terminal: entering and leaving full-screen mode, and one channel of
//! events for the event loop.
//!
//! Three sources feed the channel: a thread blocked on terminal input, a
//! thread blocked on signals (SIGTERM, SIGHUP, SIGINT, through signal-hook's
//! self-pipe), and the autosave thread. The loop blocks on the channel, so
//! an idle screen uses no CPU.

use std::io::{self, Stdout};
use std::sync::mpsc::{self, Receiver, Sender};
use std::time::Instant;

use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::cursor::{Hide, Show};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, Event,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::layout::Rect;
use ratatui::{Frame, Terminal, TerminalOptions, Viewport};
use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
use signal_hook::iterator::Signals;

use super::surface::Surface;
use crate::storage::SaveReport;

/// Something the event loop must react to.
#[derive(Debug)]
pub enum AppEvent {
    Term(Event),
    /// SIGTERM, SIGHUP or SIGINT.
    Signal(i32),
    /// Reading the terminal failed: it is gone (closed window, dropped SSH).
    InputClosed,
    Saved(SaveReport),
}

/// The terminal in full-screen mode, restored when dropped.
pub struct Tui {
    surface: Surface<CrosstermBackend<Stdout>>,
    rx: Receiver<AppEvent>,
    tx: Sender<AppEvent>,
}

impl Tui {
    /// Registers the signals, enters raw mode, the alternate screen and
    /// bracketed paste, and starts the input thread.
    pub fn start() -> io::Result<Tui> {
        let (tx, rx) = mpsc::channel();
        let mut signals = Signals::new([SIGTERM, SIGHUP, SIGINT])?;
        let sig_tx = tx.clone();
        std::thread::Builder::new()
            .name("kompass-signals".into())
            .spawn(move || {
                for sig in signals.forever() {
                    if sig_tx.send(AppEvent::Signal(sig)).is_err() {
                        break;
                    }
                }
            })?;
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
        let viewport = match ratatui::crossterm::terminal::size() {
            Ok((width, height)) => Viewport::Fixed(Rect::new(0, 0, width, height)),
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        let terminal = match Terminal::with_options(
            CrosstermBackend::new(out),
            TerminalOptions { viewport },
        ) {
            Ok(t) => t,
            Err(e) => {
                restore();
                return Err(e);
            }
        };
        let input_tx = tx.clone();
        std::thread::Builder::new()
            .name("kompass-input".into())
            .spawn(move || {
                loop {
                    match event::read() {
                        Ok(ev) => {
                            if input_tx.send(AppEvent::Term(ev)).is_err() {
                                break;
                            }
                        }
                        Err(_) => {
                            let _ = input_tx.send(AppEvent::InputClosed);
                            break;
                        }
                    }
                }
            })?;
        let no_color = std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty());
        Ok(Tui {
            surface: Surface::new(terminal, no_color),
            rx,
            tx,
        })
    }

    /// A sender for other threads (the autosaver) to wake the loop.
    pub fn sender(&self) -> Sender<AppEvent> {
        self.tx.clone()
    }

    /// Blocks until the next event, or until `deadline` (then `None`).
    pub fn next(&mut self, deadline: Option<Instant>) -> Option<AppEvent> {
        let event = match deadline {
            None => self.rx.recv().ok(),
            Some(d) => self
                .rx
                .recv_timeout(d.saturating_duration_since(Instant::now()))
                .ok(),
        };
        self.resized(event)
    }

    /// An event that is already waiting, if any.
    pub fn try_next(&mut self) -> Option<AppEvent> {
        let event = self.rx.try_recv().ok();
        self.resized(event)
    }

    /// Follows the terminal's size: the next frame is drawn in full at the new size.
    fn resized(&mut self, event: Option<AppEvent>) -> Option<AppEvent> {
        if let Some(AppEvent::Term(Event::Resize(width, height))) = event {
            // An error here would also fail the next draw, which ends the program.
            let _ = self.surface.resize(Rect::new(0, 0, width, height));
        }
        event
    }

    /// Draws a frame; only the cells that changed reach the terminal.
    /// With `NO_COLOR` set, colours are dropped (bold and reverse stay).
    pub fn draw(&mut self, render: impl FnOnce(&mut Frame)) -> io::Result<()> {
        self.surface.draw(render)
    }

    /// The surface, for views that can redraw a part of it alone.
    pub fn surface(&mut self) -> &mut Surface<CrosstermBackend<Stdout>> {
        &mut self.surface
    }

    /// Forgets what is on screen so the next frame is drawn in full.
    pub fn clear(&mut self) -> io::Result<()> {
        self.surface.clear()
    }
}

impl Drop for Tui {
    fn drop(&mut self) {
        restore();
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
/// catches the unwind and saves the session.
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
