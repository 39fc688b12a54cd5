//! Advisory locks on sessions open for editing.
//!
//! The lock is an OS file lock (`File::try_lock`, flock on Unix) on `<id>.json.lock`, so the kernel
//! releases it when the holder dies: a crashed process never blocks anyone.
//! The file also records the holder's pid and host for the message.

use std::fs::{File, OpenOptions};
use std::io::{self, Read, Seek, Write};
use std::path::{Path, PathBuf};

use std::fs::TryLockError;

use crate::core::lang::Lang;
use crate::core::text::one_line;

/// Who holds a lock, as far as the lock file says.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LockHolder {
    pub pid: Option<u32>,
    pub host: Option<String>,
}

impl LockHolder {
    /// The holder in words, for messages: "prosess 123 på laptop-2". The
    /// host comes from a file anyone could have written, so it is made safe
    /// to print here, where it is printed.
    pub fn describe(&self, lang: Lang) -> String {
        let host = self.host.as_deref().map(one_line);
        match (self.pid, host, lang) {
            (Some(pid), Some(host), Lang::Nb) => format!("prosess {pid} på {host}"),
            (Some(pid), Some(host), Lang::En) => format!("process {pid} on {host}"),
            (Some(pid), None, Lang::Nb) => format!("prosess {pid}"),
            (Some(pid), None, Lang::En) => format!("process {pid}"),
            (None, _, lang) => lang.pick("en annen prosess", "another process").to_owned(),
        }
    }
}

/// Held while a session is open for editing; released on drop.
#[derive(Debug)]
pub struct SessionLock {
    file: File,
    path: PathBuf,
}

impl SessionLock {
    /// Takes the lock of the session file at `session_path`, or says who has it.
    pub fn acquire(session_path: &Path) -> io::Result<Result<SessionLock, LockHolder>> {
        let path = lock_path(session_path);
        if let Some(dir) = path.parent() {
            super::create_private_dir(dir)?;
        }
        let mut file = crate::platform::open_private(
            OpenOptions::new()
                .read(true)
                .write(true)
                .create(true)
                .truncate(false),
            &path,
        )?;
        match file.try_lock() {
            Ok(()) => {}
            Err(TryLockError::WouldBlock) => {
                let mut text = String::new();
                let _ = file.read_to_string(&mut text);
                return Ok(Err(parse_holder(&text)));
            }
            Err(TryLockError::Error(e)) => return Err(e),
        }
        file.set_len(0)?;
        file.rewind()?;
        // No fsync: the holder's name only matters while the lock is held,
        // and a crash releases the lock; syncing cost 3-8 ms of startup.
        writeln!(
            file,
            "pid={}\nhost={}",
            std::process::id(),
            crate::platform::host_name()
        )?;
        Ok(Ok(SessionLock { file, path }))
    }
}

impl SessionLock {
    pub fn path(&self) -> &Path {
        &self.path
    }
}

impl Drop for SessionLock {
    // The lock file stays: removing it would let a process that opened it a
    // moment earlier lock an unlinked inode while a third locks a new file.
    fn drop(&mut self) {
        let _ = self.file.unlock();
    }
}

pub fn lock_path(session_path: &Path) -> PathBuf {
    let mut name = session_path.file_name().unwrap_or_default().to_owned();
    name.push(".lock");
    session_path.with_file_name(name)
}

fn parse_holder(text: &str) -> LockHolder {
    let field = |key: &str| {
        text.lines()
            .find_map(|l| l.strip_prefix(key))
            .map(|v| v.trim().to_owned())
    };
    LockHolder {
        pid: field("pid=").and_then(|p| p.parse().ok()),
        host: field("host=").filter(|h| !h.is_empty()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn second_holder_is_refused_and_named() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let first = SessionLock::acquire(&session).unwrap().unwrap();
        let second = SessionLock::acquire(&session).unwrap().unwrap_err();
        assert_eq!(second.pid, Some(std::process::id()));
        assert!(second.describe(Lang::En).starts_with("process "));
        assert!(second.describe(Lang::Nb).starts_with("prosess "));
        let hostile = LockHolder {
            pid: Some(7),
            host: Some("vert\x1b[2J".into()),
        };
        assert_eq!(hostile.describe(Lang::Nb), "prosess 7 på vert␛[2J");
        drop(first);
        assert!(SessionLock::acquire(&session).unwrap().is_ok());
    }
}
