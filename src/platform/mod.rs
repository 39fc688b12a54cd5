//! Everything that differs between Unix, Windows and macOS, in one place.
//!
//! - [`on_termination`]: the events that end the program from outside
//!   (Unix signals; on Windows console close, logoff, shutdown, Ctrl-Break).
//! - [`durable`]: fsync with macOS's network-share fallback, directory sync,
//!   a rename that replaces its target durably (write-through on Windows),
//!   retried while an antivirus or sync client holds the file.
//! - [`private`]: files and directories readable by the user alone (0600 and
//!   0700 on Unix, an access list naming only the user on Windows).
//! - [`host_name`], [`home_dir`], and [`shell_quote`] for the commands
//!   Kompass prints for the user's shell.
//!
//! The rest of the program calls these and carries no `cfg` of its own.

pub mod durable;
pub mod private;
mod termination;

use std::path::{Path, PathBuf};

pub use durable::{replace, retry_while_held, sync_dir, sync_file};
pub use private::{create_private_dir, make_private, open_private};
pub use termination::{Termination, on_termination};

/// This machine's name, for lock messages ("process 12 on laptop-2").
pub fn host_name() -> String {
    let name = gethostname::gethostname();
    let name = name.to_string_lossy();
    let name = name.trim();
    if name.is_empty() {
        "unknown host".to_owned()
    } else {
        name.to_owned()
    }
}

/// The user's home directory (`$HOME` on Unix, the profile folder on
/// Windows), if the system names one.
pub fn home_dir() -> Option<PathBuf> {
    directories::BaseDirs::new().map(|dirs| dirs.home_dir().to_owned())
}

/// `~/x` (and `~\x` on Windows) as the shell would read it: under the home
/// directory. Any other path, or no known home, is returned as typed.
pub fn expand_home(typed: &str) -> PathBuf {
    expand_home_in(typed, home_dir().as_deref())
}

fn expand_home_in(typed: &str, home: Option<&Path>) -> PathBuf {
    let rest = match typed.strip_prefix('~') {
        Some("") => Some(""),
        Some(rest) => rest.strip_prefix(std::path::is_separator),
        None => None,
    };
    match (rest, home) {
        (Some(rest), Some(home)) => home.join(rest),
        _ => PathBuf::from(typed),
    }
}

/// A relative path as files record it, the same on every system: its parts
/// joined with `/` (which Windows reads too), so that an assessment written
/// on Windows is byte for byte the one written on Linux or macOS. On Unix a
/// `\` is part of a name and stays.
pub fn portable_path(path: &Path) -> String {
    let shown = path.display().to_string();
    if cfg!(windows) {
        shown.replace('\\', "/")
    } else {
        shown
    }
}

/// The user's locale, for the language of the interface: `LC_ALL`,
/// `LC_MESSAGES` or `LANG` where set (Unix, and shells such as Git Bash on
/// Windows); on Windows otherwise the user's locale setting ("nb-NO",
/// "en-GB"), which a console program is never told through the environment.
pub fn user_locale() -> Option<String> {
    let from_env = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|k| std::env::var(k).ok().filter(|v| !v.is_empty()));
    from_env.or_else(system_locale)
}

#[cfg(windows)]
fn system_locale() -> Option<String> {
    use windows_sys::Win32::Globalization::GetUserDefaultLocaleName;
    // LOCALE_NAME_MAX_LENGTH.
    let mut name = [0u16; 85];
    // SAFETY: writes at most `name.len()` UTF-16 units into `name`.
    let len = unsafe { GetUserDefaultLocaleName(name.as_mut_ptr(), name.len() as i32) };
    // The length counts the terminating NUL; 0 is a failure.
    (len > 1).then(|| String::from_utf16_lossy(&name[..len as usize - 1]))
}

#[cfg(not(windows))]
fn system_locale() -> Option<String> {
    None
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tilde_means_the_home_directory_and_nothing_else_does() {
        let home = Path::new("/home/eva");
        let expand = |typed| expand_home_in(typed, Some(home));
        assert_eq!(expand("~/kompass/a.json"), home.join("kompass/a.json"));
        assert_eq!(expand("~"), home.to_owned());
        assert_eq!(expand("~eva/a.json"), PathBuf::from("~eva/a.json"));
        assert_eq!(expand("kompass/~/a"), PathBuf::from("kompass/~/a"));
        assert_eq!(expand_home_in("~/a", None), PathBuf::from("~/a"));
        #[cfg(windows)]
        assert_eq!(expand("~\\a.json"), home.join("a.json"));
    }

    #[test]
    fn recorded_paths_use_slashes_on_every_system() {
        let joined = Path::new("eksempelvik").join("01JD.json");
        assert_eq!(portable_path(&joined), "eksempelvik/01JD.json");
        #[cfg(windows)]
        assert_eq!(
            portable_path(Path::new(r"C:\data\a.json")),
            "C:/data/a.json"
        );
        #[cfg(unix)]
        assert_eq!(portable_path(Path::new(r"odd\name.json")), r"odd\name.json");
    }

    #[test]
    fn the_host_has_a_printable_name() {
        let name = host_name();
        assert!(!name.is_empty());
        assert_eq!(name.trim(), name);
    }
}
