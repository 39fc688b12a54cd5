//! Getting bytes and renames onto the disk, on every platform.
//!
//! - Linux: `fsync` of the file, `rename`, `fsync` of the directory.
//! - macOS: `fsync` alone leaves data in the drive's cache, so std's
//!   `sync_all` asks for `F_FULLFSYNC`; SMB, AFP and FUSE shares refuse it
//!   (ENOTSUP, EINVAL), which would make every save on a network share
//!   fail, so a refused full sync falls back to a plain `fsync`.
//! - Windows: `FlushFileBuffers` of the file; the rename is `MoveFileExW`
//!   with `MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH`, which returns
//!   only once the rename is on the disk, so directories need no sync (and
//!   cannot be opened for one). An antivirus scanner, a search indexer or a
//!   sync client (OneDrive, Dropbox) often holds a file just written for a
//!   moment, and Windows then refuses to replace or delete it: such refusals
//!   are retried a few times, for at most about a second.

use std::fs::File;
use std::io;
use std::path::Path;
use std::time::Duration;

/// Flushes `file`'s bytes and metadata to the disk.
pub fn sync_file(file: &File) -> io::Result<()> {
    #[cfg(target_vendor = "apple")]
    {
        full_sync_or_plain(
            || file.sync_all(),
            || {
                use std::os::fd::AsRawFd;
                // SAFETY: fsync on a descriptor `file` keeps open.
                match unsafe { libc::fsync(file.as_raw_fd()) } {
                    0 => Ok(()),
                    _ => Err(io::Error::last_os_error()),
                }
            },
        )
    }
    #[cfg(not(target_vendor = "apple"))]
    file.sync_all()
}

/// Makes the entries of `dir` (a file renamed into it) durable. File
/// systems that cannot sync a directory (some network and FUSE file
/// systems answer EINVAL or ENOTSUP) have nothing more to do, so that is
/// not an error. On Windows the write-through rename has done it.
pub fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        let handle = File::open(dir)?;
        match sync_file(&handle) {
            Err(e) if sync_unsupported(&e) => Ok(()),
            result => result,
        }
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

/// Renames `from` to `to`, replacing `to` if it exists, and makes the
/// rename durable (a crash afterwards finds `to` with the new content).
/// Both must be on the same file system. A read-only `to` is refused
/// ([`refuse_read_only`]) on every platform, as Windows does.
pub fn replace(from: &Path, to: &Path) -> io::Result<()> {
    refuse_read_only(to)?;
    #[cfg(windows)]
    {
        retry_while_held(|| windows::move_replacing(from, to))
    }
    #[cfg(not(windows))]
    {
        std::fs::rename(from, to)?;
        let dir = to
            .parent()
            .filter(|p| !p.as_os_str().is_empty())
            .unwrap_or(Path::new("."));
        sync_dir(dir)
    }
}

/// Refuses to replace a file its owner marked read-only (Windows'
/// read-only attribute, no write bit on Unix): a `PermissionDenied` error
/// that [`is_read_only_refusal`] recognises. Unix would let a rename
/// replace it; the user who protected it would not.
pub fn refuse_read_only(path: &Path) -> io::Result<()> {
    match std::fs::metadata(path) {
        Ok(meta) if meta.is_file() && meta.permissions().readonly() => Err(io::Error::new(
            io::ErrorKind::PermissionDenied,
            ReadOnlyFile,
        )),
        _ => Ok(()),
    }
}

/// Whether `e` is [`refuse_read_only`]'s refusal.
pub fn is_read_only_refusal(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<ReadOnlyFile>())
}

#[derive(Debug)]
struct ReadOnlyFile;

impl std::fmt::Display for ReadOnlyFile {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("the file is read-only")
    }
}

impl std::error::Error for ReadOnlyFile {}

/// Runs `op`, and on Windows runs it again after a short pause while it
/// fails because another program holds the file (a sharing or lock
/// violation; access denied on a file that is not read-only, which is
/// what a pending delete looks like). Bounded: about a second in all.
/// Elsewhere nothing holds files that way and `op` runs once.
pub fn retry_while_held<T>(op: impl FnMut() -> io::Result<T>) -> io::Result<T> {
    #[cfg(windows)]
    let held = windows::held_by_another_program;
    #[cfg(not(windows))]
    let held = |_: &io::Error| false;
    retry(op, held, &HELD_FILE_PAUSES, std::thread::sleep)
}

/// The pauses between attempts on a held file: 1.2 s in all, longer than
/// a virus scan of a session file usually takes, short enough not to make
/// anyone wait for a file held for good.
const HELD_FILE_PAUSES: [Duration; 6] = [
    Duration::from_millis(20),
    Duration::from_millis(40),
    Duration::from_millis(80),
    Duration::from_millis(160),
    Duration::from_millis(300),
    Duration::from_millis(600),
];

fn retry<T>(
    mut op: impl FnMut() -> io::Result<T>,
    transient: impl Fn(&io::Error) -> bool,
    pauses: &[Duration],
    mut sleep: impl FnMut(Duration),
) -> io::Result<T> {
    let mut pauses = pauses.iter();
    loop {
        match op() {
            Err(e) if transient(&e) => match pauses.next() {
                Some(pause) => sleep(*pause),
                None => return Err(e),
            },
            result => return result,
        }
    }
}

/// A full sync (macOS `F_FULLFSYNC`), or the plain one where the file
/// system refuses the full one.
#[cfg_attr(not(target_vendor = "apple"), allow(dead_code))]
fn full_sync_or_plain(
    full: impl FnOnce() -> io::Result<()>,
    plain: impl FnOnce() -> io::Result<()>,
) -> io::Result<()> {
    match full() {
        Err(e) if sync_unsupported(&e) => plain(),
        result => result,
    }
}

/// The errors with which a file system says it cannot sync that way.
#[cfg_attr(not(unix), allow(dead_code))]
fn sync_unsupported(e: &io::Error) -> bool {
    #[cfg(unix)]
    {
        matches!(
            e.raw_os_error(),
            Some(libc::EINVAL | libc::ENOTSUP | libc::ENOTTY | libc::ENOSYS)
        ) || e.raw_os_error() == Some(libc::EOPNOTSUPP)
    }
    #[cfg(not(unix))]
    {
        e.kind() == io::ErrorKind::Unsupported
    }
}

/// A path as Windows' wide-character calls take it, NUL-terminated.
#[cfg(windows)]
pub(crate) fn wide(path: &Path) -> Vec<u16> {
    use std::os::windows::ffi::OsStrExt;
    path.as_os_str().encode_wide().chain([0]).collect()
}

#[cfg(windows)]
mod windows {
    use std::io;
    use std::path::Path;

    use windows_sys::Win32::Foundation::{
        ERROR_ACCESS_DENIED, ERROR_LOCK_VIOLATION, ERROR_SHARING_VIOLATION,
    };
    use windows_sys::Win32::Storage::FileSystem::{
        MOVEFILE_REPLACE_EXISTING, MOVEFILE_WRITE_THROUGH, MoveFileExW,
    };

    use super::wide;

    pub fn move_replacing(from: &Path, to: &Path) -> io::Result<()> {
        let from = wide(from);
        let to = wide(to);
        // SAFETY: both are NUL-terminated UTF-16 strings alive for the call.
        let moved = unsafe {
            MoveFileExW(
                from.as_ptr(),
                to.as_ptr(),
                MOVEFILE_REPLACE_EXISTING | MOVEFILE_WRITE_THROUGH,
            )
        };
        if moved == 0 {
            return Err(io::Error::last_os_error());
        }
        Ok(())
    }

    pub fn held_by_another_program(e: &io::Error) -> bool {
        match e.raw_os_error().map(|code| code as u32) {
            Some(ERROR_SHARING_VIOLATION | ERROR_LOCK_VIOLATION) => true,
            // Also what a pending delete looks like. A read-only target,
            // the other common cause, is refused before any attempt.
            Some(ERROR_ACCESS_DENIED) => true,
            _ => false,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    fn held() -> io::Error {
        io::Error::new(io::ErrorKind::ResourceBusy, "held")
    }

    fn is_held(e: &io::Error) -> bool {
        e.kind() == io::ErrorKind::ResourceBusy
    }

    #[test]
    fn a_file_held_for_a_moment_is_retried_until_it_is_free() {
        let attempts = Cell::new(0);
        let slept = Cell::new(Duration::ZERO);
        let result = retry(
            || {
                attempts.set(attempts.get() + 1);
                if attempts.get() < 3 {
                    Err(held())
                } else {
                    Ok("done")
                }
            },
            is_held,
            &HELD_FILE_PAUSES,
            |d| slept.set(slept.get() + d),
        );
        assert_eq!(result.unwrap(), "done");
        assert_eq!(attempts.get(), 3);
        assert_eq!(slept.get(), Duration::from_millis(60));
    }

    #[test]
    fn a_file_held_for_good_fails_after_a_bounded_wait() {
        let attempts = Cell::new(0);
        let slept = Cell::new(Duration::ZERO);
        let result: io::Result<()> = retry(
            || {
                attempts.set(attempts.get() + 1);
                Err(held())
            },
            is_held,
            &HELD_FILE_PAUSES,
            |d| slept.set(slept.get() + d),
        );
        assert!(is_held(&result.unwrap_err()));
        assert_eq!(attempts.get(), HELD_FILE_PAUSES.len() + 1);
        assert!(slept.get() <= Duration::from_millis(1500));
    }

    #[test]
    fn other_failures_are_not_retried() {
        let attempts = Cell::new(0);
        let result: io::Result<()> = retry(
            || {
                attempts.set(attempts.get() + 1);
                Err(io::Error::from(io::ErrorKind::StorageFull))
            },
            is_held,
            &HELD_FILE_PAUSES,
            |_| panic!("no pause"),
        );
        assert_eq!(result.unwrap_err().kind(), io::ErrorKind::StorageFull);
        assert_eq!(attempts.get(), 1);
    }

    #[cfg(unix)]
    #[test]
    fn a_refused_full_sync_falls_back_to_the_plain_one() {
        let plain = Cell::new(false);
        let refused = || Err(io::Error::from_raw_os_error(libc::ENOTSUP));
        full_sync_or_plain(refused, || {
            plain.set(true);
            Ok(())
        })
        .unwrap();
        assert!(plain.get());
        // A real failure (the disk is full) is not hidden by the fallback.
        let full = || Err(io::Error::from_raw_os_error(libc::EIO));
        let e = full_sync_or_plain(full, || panic!("no fallback")).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::EIO));
        assert!(sync_unsupported(&io::Error::from_raw_os_error(
            libc::EINVAL
        )));
        assert!(!sync_unsupported(&io::Error::from_raw_os_error(
            libc::ENOSPC
        )));
    }

    #[test]
    fn replace_puts_the_new_bytes_in_place_of_the_old() {
        let dir = tempfile::tempdir().unwrap();
        let (new, old) = (dir.path().join("new"), dir.path().join("old"));
        std::fs::write(&old, b"old").unwrap();
        std::fs::write(&new, b"new").unwrap();
        sync_file(&File::open(&new).unwrap()).unwrap();
        replace(&new, &old).unwrap();
        assert_eq!(std::fs::read(&old).unwrap(), b"new");
        assert!(!new.exists());
        sync_dir(dir.path()).unwrap();
    }

    #[test]
    fn a_read_only_file_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let (new, old) = (dir.path().join("new"), dir.path().join("old"));
        std::fs::write(&old, b"old").unwrap();
        std::fs::write(&new, b"new").unwrap();
        let mut perms = std::fs::metadata(&old).unwrap().permissions();
        perms.set_readonly(true);
        std::fs::set_permissions(&old, perms).unwrap();
        let e = replace(&new, &old).unwrap_err();
        assert!(is_read_only_refusal(&e));
        assert_eq!(e.kind(), io::ErrorKind::PermissionDenied);
        assert_eq!(e.to_string(), "the file is read-only");
        assert_eq!(std::fs::read(&old).unwrap(), b"old");
        assert!(!is_read_only_refusal(&io::Error::from(
            io::ErrorKind::PermissionDenied
        )));
    }
}
