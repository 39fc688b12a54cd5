//! What differs between Unix, Windows and macOS, in one place.

/// A request from outside to end the program: the terminal closed, the
/// system shutting down, or an interrupt.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Termination {
    /// The terminal went away (SIGHUP; on Windows the console closed).
    Hangup,
    /// The system or another program asked to end (SIGTERM; on Windows
    /// logoff or shutdown).
    Terminate,
    /// An interrupt (SIGINT; on Windows Ctrl-Break).
    Interrupt,
}

impl Termination {
    /// The exit code a shell expects after this request (128 + the Unix
    /// signal number).
    pub fn exit_code(self) -> i32 {
        128 + match self {
            Termination::Hangup => 1,
            Termination::Interrupt => 2,
            Termination::Terminate => 15,
        }
    }
}

/// Calls `handler` on a background thread whenever the program is asked to
/// end. On Windows the process ends when the handler returns, so a handler
/// that must save first blocks until the save is done.
#[cfg(unix)]
pub fn on_termination(
    handler: impl Fn(Termination) + Send + Sync + 'static,
) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGINT, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGTERM, SIGHUP, SIGINT])?;
    std::thread::Builder::new()
        .name("kompass-termination".into())
        .spawn(move || {
            for sig in signals.forever() {
                handler(match sig {
                    SIGHUP => Termination::Hangup,
                    SIGINT => Termination::Interrupt,
                    _ => Termination::Terminate,
                });
            }
        })?;
    Ok(())
}

/// One argument as the user's shell reads it back unchanged, quoted only
/// when it has to be: POSIX shells (`'/data/Mine filer'`).
#[cfg(not(windows))]
pub fn shell_quote(word: &str) -> std::borrow::Cow<'_, str> {
    // Only a NUL cannot be quoted, and no argument can hold one.
    shlex::try_quote(word).unwrap_or(std::borrow::Cow::Borrowed(word))
}

/// One argument as cmd.exe and PowerShell read it back unchanged: in double
/// quotes when it has a space or a character either shell treats specially.
#[cfg(windows)]
pub fn shell_quote(word: &str) -> std::borrow::Cow<'_, str> {
    let plain = !word.is_empty()
        && word
            .chars()
            .all(|c| c.is_alphanumeric() || "-_./\\:=,+@".contains(c));
    if plain {
        std::borrow::Cow::Borrowed(word)
    } else {
        std::borrow::Cow::Owned(format!("\"{}\"", word.replace('"', "\"\"")))
    }
}
