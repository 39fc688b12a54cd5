//! Events that end the program from outside, so that it can save first.
//!
//! Unix: SIGHUP, SIGTERM and SIGINT, taken by signal-hook's self-pipe and
//! delivered on a thread of their own. Windows: the console control events
//! (Ctrl-C, Ctrl-Break, closing the console window, logoff, shutdown),
//! delivered on the thread Windows creates for them.
//!
//! On Windows the process ends as soon as the handler returns from a
//! console close, logoff or shutdown event (and at the latest about 5
//! seconds after a close, 20 after a shutdown), whatever the program is
//! doing; see [`Termination::ends_process_on_return`]. A handler must
//! therefore not return before the work is saved: hand the event to the
//! event loop and wait for its word that it has saved (with a timeout).
//!
//! `ctrlc`'s `termination` feature was considered and not used: its Windows
//! handler returns before the user's handler has run (which loses the save
//! on a console close) and does not say which event it was.

use std::io;
use std::sync::{Arc, Mutex, OnceLock};

/// Why the program is asked to end.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Termination {
    /// The terminal went away (Unix SIGHUP: closed window, dropped SSH).
    Hangup,
    /// Asked to end (Unix SIGTERM: `kill`, a system shutting down).
    Terminate,
    /// Ctrl-C outside raw mode (Unix SIGINT, Windows CTRL_C_EVENT).
    Interrupt,
    /// Windows Ctrl-Break.
    CtrlBreak,
    /// Windows: the console window is being closed.
    ConsoleClose,
    /// Windows: the user is logging off.
    Logoff,
    /// Windows: the system is shutting down.
    Shutdown,
}

impl Termination {
    /// The exit status to end with: 128 + the signal number, the Unix
    /// convention, with each Windows event counted as its nearest signal
    /// (a closed console as a hangup, logoff and shutdown as a termination,
    /// Ctrl-Break as an interrupt).
    pub fn exit_code(self) -> i32 {
        const SIGHUP: i32 = 1;
        const SIGINT: i32 = 2;
        const SIGTERM: i32 = 15;
        128 + match self {
            Termination::Hangup | Termination::ConsoleClose => SIGHUP,
            Termination::Interrupt | Termination::CtrlBreak => SIGINT,
            Termination::Terminate | Termination::Logoff | Termination::Shutdown => SIGTERM,
        }
    }

    /// Whether the operating system ends the process as soon as the handler
    /// returns (Windows console close, logoff and shutdown): the handler
    /// must then wait until the work is saved.
    pub fn ends_process_on_return(self) -> bool {
        matches!(
            self,
            Termination::ConsoleClose | Termination::Logoff | Termination::Shutdown
        )
    }
}

type Handler = Arc<dyn Fn(Termination) + Send + Sync>;

/// The handlers registered so far, all called for each event, in order.
static HANDLERS: Mutex<Vec<Handler>> = Mutex::new(Vec::new());

/// Calls `handler` for every termination event from now on. Each call adds
/// a handler; the first installs the operating system's hook. Once a
/// handler is registered the default action (ending at once) no longer
/// happens: the program ends when it decides to.
pub fn on_termination(handler: impl Fn(Termination) + Send + Sync + 'static) -> io::Result<()> {
    static INSTALLED: OnceLock<Result<(), (io::ErrorKind, String)>> = OnceLock::new();
    INSTALLED
        .get_or_init(|| imp::install().map_err(|e| (e.kind(), e.to_string())))
        .clone()
        .map_err(|(kind, text)| io::Error::new(kind, text))?;
    lock_handlers().push(Arc::new(handler));
    Ok(())
}

fn lock_handlers() -> std::sync::MutexGuard<'static, Vec<Handler>> {
    // A handler that panicked leaves the list as it was: still usable.
    HANDLERS
        .lock()
        .unwrap_or_else(|poisoned| poisoned.into_inner())
}

/// Runs every handler on `event`, outside the lock (a handler may block
/// until the program has saved, and may register another handler).
fn deliver(event: Termination) {
    let handlers: Vec<Handler> = lock_handlers().clone();
    for handler in handlers {
        handler(event);
    }
}

#[cfg(unix)]
mod imp {
    use std::io;

    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    use signal_hook::iterator::Signals;

    use super::{Termination, deliver};

    pub fn install() -> io::Result<()> {
        let mut signals = Signals::new([SIGHUP, SIGTERM, SIGINT])?;
        std::thread::Builder::new()
            .name("kompass-termination".into())
            .spawn(move || {
                for signal in signals.forever() {
                    if let Some(event) = from_signal(signal) {
                        deliver(event);
                    }
                }
            })?;
        Ok(())
    }

    fn from_signal(signal: i32) -> Option<Termination> {
        match signal {
            SIGHUP => Some(Termination::Hangup),
            SIGTERM => Some(Termination::Terminate),
            SIGINT => Some(Termination::Interrupt),
            _ => None,
        }
    }
}

#[cfg(windows)]
mod imp {
    use std::io;

    use windows_sys::Win32::System::Console::{
        CTRL_BREAK_EVENT, CTRL_C_EVENT, CTRL_CLOSE_EVENT, CTRL_LOGOFF_EVENT, CTRL_SHUTDOWN_EVENT,
        SetConsoleCtrlHandler,
    };
    use windows_sys::core::BOOL;

    use super::{Termination, deliver};

    pub fn install() -> io::Result<()> {
        // SAFETY: registers a function that lives as long as the program.
        if unsafe { SetConsoleCtrlHandler(Some(console_event), 1) } == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    /// Runs on a thread Windows creates for the event; the process may end
    /// when it returns, so the handlers run here, to the end, not elsewhere.
    unsafe extern "system" fn console_event(kind: u32) -> BOOL {
        let event = match kind {
            CTRL_C_EVENT => Termination::Interrupt,
            CTRL_BREAK_EVENT => Termination::CtrlBreak,
            CTRL_CLOSE_EVENT => Termination::ConsoleClose,
            CTRL_LOGOFF_EVENT => Termination::Logoff,
            CTRL_SHUTDOWN_EVENT => Termination::Shutdown,
            _ => return 0,
        };
        // A panic must not unwind into Windows.
        let _ = std::panic::catch_unwind(|| deliver(event));
        1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn exit_codes_follow_the_unix_convention() {
        assert_eq!(Termination::Hangup.exit_code(), 129);
        assert_eq!(Termination::Interrupt.exit_code(), 130);
        assert_eq!(Termination::Terminate.exit_code(), 143);
        assert_eq!(Termination::ConsoleClose.exit_code(), 129);
        assert_eq!(Termination::Shutdown.exit_code(), 143);
        assert!(Termination::ConsoleClose.ends_process_on_return());
        assert!(!Termination::Hangup.ends_process_on_return());
        assert!(!Termination::CtrlBreak.ends_process_on_return());
    }

    /// Waits for the handlers to report `expected`, which the OS delivers
    /// on another thread.
    fn received(rx: &std::sync::mpsc::Receiver<Termination>, expected: Termination) -> bool {
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(10);
        while let Some(left) = deadline.checked_duration_since(std::time::Instant::now()) {
            match rx.recv_timeout(left) {
                Ok(event) if event == expected => return true,
                Ok(_) => continue,
                Err(_) => return false,
            }
        }
        false
    }

    #[cfg(unix)]
    #[test]
    fn each_signal_reaches_every_handler_as_its_event_and_the_process_lives_on() {
        let (tx, rx) = std::sync::mpsc::channel();
        let (tx2, rx2) = std::sync::mpsc::channel();
        let tx = Mutex::new(tx);
        let tx2 = Mutex::new(tx2);
        on_termination(move |event| tx.lock().unwrap().send(event).unwrap()).unwrap();
        on_termination(move |event| tx2.lock().unwrap().send(event).unwrap()).unwrap();
        for (signal, event) in [
            (signal_hook::consts::SIGHUP, Termination::Hangup),
            (signal_hook::consts::SIGTERM, Termination::Terminate),
            (signal_hook::consts::SIGINT, Termination::Interrupt),
        ] {
            signal_hook::low_level::raise(signal).unwrap();
            assert!(received(&rx, event), "{event:?} not delivered");
            assert!(received(&rx2, event), "{event:?} not delivered twice");
        }
    }

    #[cfg(windows)]
    #[test]
    fn ctrl_break_reaches_the_handler_as_its_event_and_the_process_lives_on() {
        use windows_sys::Win32::System::Console::{CTRL_BREAK_EVENT, GenerateConsoleCtrlEvent};
        let (tx, rx) = std::sync::mpsc::channel();
        let tx = Mutex::new(tx);
        on_termination(move |event| tx.lock().unwrap().send(event).unwrap()).unwrap();
        // SAFETY: sends Ctrl-Break to this process's console group.
        assert_ne!(unsafe { GenerateConsoleCtrlEvent(CTRL_BREAK_EVENT, 0) }, 0);
        assert!(received(&rx, Termination::CtrlBreak));
    }
}
