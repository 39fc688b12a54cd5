//! The one channel of events the runtime's loop blocks on, and what feeds
//! it: the terminal's input (read on a thread of its own), the autosavers'
//! reports and the requests to end the program. Tests feed it by hand.

use std::sync::mpsc::{self, Receiver, Sender};
use std::time::{Duration, Instant};

use ratatui::crossterm::event::{
    self as terminal_event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers,
};

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
    /// Where the terminal has no bracketed paste (the Windows console),
    /// keys that arrive together are read as one burst and a burst of text
    /// becomes a paste ([`paste_of_burst`]).
    pub fn read_terminal(&self) -> std::io::Result<()> {
        let tx = self.sender();
        std::thread::Builder::new()
            .name("kompass-input".into())
            .spawn(move || {
                loop {
                    let events = match terminal_event::read() {
                        Ok(terminal_event::Event::Key(k)) if PASTE_ARRIVES_AS_KEYS => read_burst(k),
                        Ok(other) => from_terminal(other).into_iter().collect(),
                        Err(_) => vec![Event::InputClosed],
                    };
                    let closed = matches!(events.last(), Some(Event::InputClosed));
                    for event in events {
                        if tx.send(event).is_err() {
                            return;
                        }
                    }
                    if closed {
                        return;
                    }
                }
            })?;
        Ok(())
    }
}

/// Whether pasted text reaches the program as key presses: crossterm has
/// no bracketed paste on Windows.
const PASTE_ARRIVES_AS_KEYS: bool = cfg!(windows);

/// Keys at most this far apart belong to one burst: a person's key presses
/// are tens of milliseconds apart, a paste's are all waiting at once.
pub const BURST_GAP: Duration = Duration::from_millis(3);

/// At least this many text keys in one burst make it pasted text: key
/// rollover in fast typing gives two or three at once, a paste more.
pub const PASTE_MIN_KEYS: usize = 4;

/// The most keys read as one burst before they are handed on: a long paste
/// arrives as several pastes, each at once.
const BURST_MAX_KEYS: usize = 4096;

/// The loop's event for a terminal event; `None` for those it ignores.
fn from_terminal(event: terminal_event::Event) -> Option<Event> {
    match event {
        terminal_event::Event::Key(k) => Some(Event::Key(k)),
        terminal_event::Event::Paste(text) => Some(Event::Paste(text)),
        terminal_event::Event::Resize(w, h) => Some(Event::Resize(w, h)),
        _ => None,
    }
}

/// `first` and every key that follows it within [`BURST_GAP`], as events:
/// one paste if they are text, else the keys as they came; then the event
/// that ended the burst, if it was not a key.
fn read_burst(first: KeyEvent) -> Vec<Event> {
    let mut keys = vec![first];
    let mut after = None;
    while keys.len() < BURST_MAX_KEYS && terminal_event::poll(BURST_GAP).unwrap_or(false) {
        match terminal_event::read() {
            Ok(terminal_event::Event::Key(k)) => keys.push(k),
            Ok(other) => {
                after = from_terminal(other);
                break;
            }
            Err(_) => {
                after = Some(Event::InputClosed);
                break;
            }
        }
    }
    let mut events = paste_of_burst(&keys).map_or_else(
        || keys.into_iter().map(Event::Key).collect(),
        |text| vec![Event::Paste(text)],
    );
    events.extend(after);
    events
}

/// The text of a burst of keys, if it is pasted text: at least
/// [`PASTE_MIN_KEYS`] presses, every one a character (Shift allowed, no Ctrl
/// or Alt), Enter or Tab. Key releases are not counted. A burst with any
/// other key is a person's keys, and stays keys: a paste holds no arrows or
/// Ctrl chords, so pasted text never runs a command or moves the focus.
pub fn paste_of_burst(keys: &[KeyEvent]) -> Option<String> {
    let presses = keys.iter().filter(|k| k.kind != KeyEventKind::Release);
    let mut text = String::new();
    let mut count = 0;
    for k in presses {
        let plain = !k
            .modifiers
            .intersects(KeyModifiers::CONTROL | KeyModifiers::ALT | KeyModifiers::SUPER);
        match k.code {
            KeyCode::Char(c) if plain => text.push(c),
            KeyCode::Enter => text.push('\n'),
            KeyCode::Tab => text.push('\t'),
            // A line break pasted as Enter then Ctrl-J (CR LF): one break.
            KeyCode::Char('j') if k.modifiers == KeyModifiers::CONTROL && text.ends_with('\n') => {}
            _ => return None,
        }
        count += 1;
    }
    (count >= PASTE_MIN_KEYS).then_some(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn key(code: KeyCode, modifiers: KeyModifiers) -> KeyEvent {
        KeyEvent::new_with_kind(code, modifiers, KeyEventKind::Press)
    }

    /// The keys Windows' console delivers for `text`: a press and a release
    /// per character, Shift on capitals, Enter for a line break.
    fn typed(text: &str) -> Vec<KeyEvent> {
        text.chars()
            .flat_map(|c| {
                let code = match c {
                    '\n' => KeyCode::Enter,
                    '\t' => KeyCode::Tab,
                    c => KeyCode::Char(c),
                };
                let shift = if c.is_uppercase() {
                    KeyModifiers::SHIFT
                } else {
                    KeyModifiers::NONE
                };
                let press = key(code, shift);
                let release = KeyEvent::new_with_kind(code, shift, KeyEventKind::Release);
                [press, release]
            })
            .collect()
    }

    #[test]
    fn a_burst_of_text_is_one_paste_with_its_line_breaks_and_tabs() {
        let text = "Ordføreren sa:\n\t«Vi må se på dette» – q, a og x er bare bokstaver her";
        assert_eq!(paste_of_burst(&typed(text)).as_deref(), Some(text));
    }

    #[test]
    fn a_line_break_as_enter_then_ctrl_j_is_one_break() {
        let mut keys = typed("ab");
        keys.push(key(KeyCode::Enter, KeyModifiers::NONE));
        keys.push(key(KeyCode::Char('j'), KeyModifiers::CONTROL));
        keys.extend(typed("cd"));
        assert_eq!(paste_of_burst(&keys).as_deref(), Some("ab\ncd"));
    }

    #[test]
    fn a_few_keys_at_once_are_a_persons_keys() {
        assert_eq!(paste_of_burst(&typed("abc")), None);
        assert_eq!(paste_of_burst(&typed("a")), None);
        assert_eq!(paste_of_burst(&typed("abcd")).as_deref(), Some("abcd"));
    }

    #[test]
    fn a_burst_with_a_chord_or_an_arrow_stays_keys() {
        for extra in [
            key(KeyCode::Char('q'), KeyModifiers::CONTROL),
            key(KeyCode::Char('b'), KeyModifiers::ALT),
            key(KeyCode::Down, KeyModifiers::NONE),
            key(KeyCode::Esc, KeyModifiers::NONE),
            key(KeyCode::Char('j'), KeyModifiers::CONTROL),
        ] {
            let mut keys = typed("hello");
            keys.insert(2, extra);
            assert_eq!(paste_of_burst(&keys), None, "{extra:?}");
        }
    }
}
