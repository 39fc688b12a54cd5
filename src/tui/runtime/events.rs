//! The one channel of events the runtime's loop blocks on, and what feeds
//! it: the terminal's input (read on a thread of its own), the autosavers'
//! reports and the requests to end the program. Tests feed it by hand.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{self as terminal_event, KeyEvent};

use crate::platform::{self, Termination};
use crate::storage::SaveReport;

/// Something the loop must react to.
#[derive(Debug)]
pub enum Event {
    Key(KeyEvent),
    /// Text pasted in one piece (bracketed paste).
    Paste(String),
    /// The terminal's new size (columns, rows).
    Resize(u16, u16),
    /// A save finished or failed.
    Saved(SaveReport),
    /// The program is asked to end. The sender, when there is one, is
    /// dropped only once everything is saved: the caller waits on it (on
    /// Windows the process ends as soon as the caller returns).
    Terminate(Termination, Option<Sender<()>>),
    /// Reading the terminal failed: it is gone (closed window, dropped SSH).
    InputClosed,
}

/// How long a termination handler waits for the save before it lets the
/// system end the process.
pub const TERMINATION_GRACE: Duration = Duration::from_secs(4);

/// The loop's end of the channel, and a sender for whoever wakes it.
pub struct Events {
    rx: Receiver<Event>,
    tx: Sender<Event>,
}

impl Default for Events {
    fn default() -> Self {
        let (tx, rx) = mpsc::channel();
        Events { rx, tx }
    }
}

impl Events {
    pub fn sender(&self) -> Sender<Event> {
        self.tx.clone()
    }

    /// Blocks until the next event, or until `deadline` (then `None`).
    pub fn next(&self, deadline: Option<Instant>) -> Option<Event> {
        match deadline {
            None => self.rx.recv().ok(),
            Some(d) => self
                .rx
                .recv_timeout(d.saturating_duration_since(Instant::now()))
                .ok(),
        }
    }

    /// An event that is already waiting, if any.
    pub fn try_next(&self) -> Option<Event> {
        self.rx.try_recv().ok()
    }

    /// Turns the platform's termination requests into events; each request
    /// waits until the loop has saved (at most [`TERMINATION_GRACE`]).
    pub fn listen_for_termination(&self) -> std::io::Result<()> {
        let tx = self.sender();
        platform::on_termination(move |how| {
            let (ack, saved) = mpsc::channel();
            if tx.send(Event::Terminate(how, Some(ack))).is_ok() {
                // Returns when the loop drops the sender (saved) or in time.
                let _ = saved.recv_timeout(TERMINATION_GRACE);
            }
        })
    }

    /// Starts the thread that reads the terminal's input into the channel.
    pub fn read_terminal(&self) -> std::io::Result<()> {
        let tx = self.sender();
        std::thread::Builder::new()
            .name("kompass-input".into())
            .spawn(move || {
                loop {
                    let event = match terminal_event::read() {
                        Ok(terminal_event::Event::Key(k)) => Event::Key(k),
                        Ok(terminal_event::Event::Paste(text)) => Event::Paste(text),
                        Ok(terminal_event::Event::Resize(w, h)) => Event::Resize(w, h),
                        Ok(_) => continue,
                        Err(_) => {
                            let _ = tx.send(Event::InputClosed);
                            break;
                        }
                    };
                    if tx.send(event).is_err() {
                        break;
                    }
                }
            })?;
        Ok(())
    }
}
