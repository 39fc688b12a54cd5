//! Atomic, durable, private writes. The platform differences (fsync on
//! macOS network shares, write-through renames and held files on Windows,
//! private permissions) are in [`crate::platform`].

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use crate::platform::{self, retry_while_held};

pub use crate::platform::create_private_dir;

/// How the temporary file of a write in progress is named:
/// `.kompass-<random>.tmp`, in the directory of the file it will replace.
const TEMPORARY_PREFIX: &str = ".kompass-";
const TEMPORARY_SUFFIX: &str = ".tmp";

/// The temporary files of writes in progress (or of writes a kill
/// interrupted) in the directory of `path`, sorted.
pub fn temporary_files_beside(path: &Path) -> Vec<PathBuf> {
    let mut found: Vec<PathBuf> = fs::read_dir(parent_dir(path))
        .into_iter()
        .flatten()
        .filter_map(|e| e.ok())
        .filter(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            name.starts_with(TEMPORARY_PREFIX) && name.ends_with(TEMPORARY_SUFFIX)
        })
        .map(|e| e.path())
        .collect();
    found.sort();
    found
}

/// `<file>.bak`, where the previous version of a file is kept.
pub fn backup_path(path: &Path) -> PathBuf {
    let mut name = path.file_name().unwrap_or_default().to_owned();
    name.push(".bak");
    path.with_file_name(name)
}

/// Replaces `path` with `bytes` so that a crash at any instant leaves either
/// the old or the new file, never a torn one: a temporary file in the same
/// directory is written and fsynced, the old file is kept as `.bak`, the
/// temporary file is renamed over the old one, and the directory is fsynced.
/// The file is created readable only by the user (0600). A read-only file
/// is not replaced (see [`platform::durable::refuse_read_only`]).
pub fn write_atomic(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_atomic_with(path, |file| file.write_all(bytes))
}

/// [`write_atomic`] with the content written by `write` into the temporary
/// file, for content too big to build in memory first.
pub fn write_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    replace(path, true, write)
}

/// [`write_atomic_with`] without keeping the old file as `.bak`: for
/// turning a file into another form of the same content (encrypting or
/// decrypting it), where a `.bak` would keep the very form being removed.
pub fn replace_atomic_with(
    path: &Path,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    replace(path, false, write)
}

fn replace(
    path: &Path,
    keep_backup: bool,
    write: impl FnOnce(&mut fs::File) -> io::Result<()>,
) -> io::Result<()> {
    platform::durable::refuse_read_only(path)?;
    let dir = parent_dir(path);
    create_private_dir(dir)?;
    let mut tmp = tempfile::Builder::new()
        .prefix(TEMPORARY_PREFIX)
        .suffix(TEMPORARY_SUFFIX)
        .tempfile_in(dir)?;
    platform::make_private(tmp.as_file(), tmp.path())?;
    write(tmp.as_file_mut())?;
    platform::sync_file(tmp.as_file())?;
    if keep_backup && path.exists() {
        let bak = backup_path(path);
        retry_while_held(|| match fs::remove_file(&bak) {
            Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(()),
            result => result,
        })?;
        // A hard link keeps the old bytes without copying them; file systems
        // without links (FAT on a USB stick) get a copy.
        if fs::hard_link(path, &bak).is_err() {
            retry_while_held(|| fs::copy(path, &bak))?;
        }
    }
    // Closed before the rename, which Windows needs; removed on failure.
    let tmp = tmp.into_temp_path();
    platform::replace(&tmp, path)?;
    // Renamed: there is nothing left to remove.
    let _ = tmp.keep();
    Ok(())
}

/// Writes a file that must not exist yet (a secret key: replacing one would
/// make everything encrypted to it unreadable), private (0600) and durable.
/// An existing file is an `AlreadyExists` error and stays as it was.
pub fn write_new_private(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let dir = parent_dir(path);
    create_private_dir(dir)?;
    let mut file =
        platform::open_private(fs::OpenOptions::new().write(true).create_new(true), path)?;
    let written = file
        .write_all(bytes)
        .and_then(|()| platform::sync_file(&file));
    if let Err(e) = written {
        // A half-written key is worse than none: it looks like a key.
        drop(file);
        let _ = fs::remove_file(path);
        return Err(e);
    }
    platform::sync_dir(dir)
}

/// The directory `path` is in ("." for a bare file name).
fn parent_dir(path: &Path) -> &Path {
    path.parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[cfg(unix)]
    use std::os::unix::fs::PermissionsExt;

    #[test]
    fn keeps_the_previous_version_and_is_private() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("sub/a.json");
        write_atomic(&path, b"one").unwrap();
        write_atomic(&path, b"two").unwrap();
        assert_eq!(fs::read(&path).unwrap(), b"two");
        assert_eq!(fs::read(backup_path(&path)).unwrap(), b"one");
        #[cfg(unix)]
        {
            assert_eq!(
                fs::metadata(&path).unwrap().permissions().mode() & 0o777,
                0o600
            );
            assert_eq!(
                fs::metadata(dir.path().join("sub"))
                    .unwrap()
                    .permissions()
                    .mode()
                    & 0o777,
                0o700
            );
        }
        let leftovers: Vec<_> = fs::read_dir(dir.path().join("sub"))
            .unwrap()
            .filter(|e| {
                e.as_ref()
                    .unwrap()
                    .file_name()
                    .to_string_lossy()
                    .ends_with(".tmp")
            })
            .collect();
        assert!(leftovers.is_empty());
    }

    #[test]
    fn a_read_only_file_is_refused_and_left_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("report.html");
        write_atomic(&path, b"kept").unwrap();
        let mut perms = fs::metadata(&path).unwrap().permissions();
        perms.set_readonly(true);
        fs::set_permissions(&path, perms).unwrap();
        let e = write_atomic(&path, b"new").unwrap_err();
        assert!(platform::durable::is_read_only_refusal(&e));
        assert_eq!(fs::read(&path).unwrap(), b"kept");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["report.html"]);
    }

    #[test]
    fn a_new_private_file_never_replaces_one() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("keys/key.txt");
        write_new_private(&path, b"first").unwrap();
        let e = write_new_private(&path, b"second").unwrap_err();
        assert_eq!(e.kind(), io::ErrorKind::AlreadyExists);
        assert_eq!(fs::read(&path).unwrap(), b"first");
        #[cfg(unix)]
        assert_eq!(
            fs::metadata(&path).unwrap().permissions().mode() & 0o777,
            0o600
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_failed_write_leaves_the_old_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"good").unwrap();
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o500)).unwrap();
        let result = write_atomic(&path, b"new");
        fs::set_permissions(dir.path(), fs::Permissions::from_mode(0o700)).unwrap();
        // Root ignores directory permissions; the check is meaningful as a user.
        if result.is_err() {
            assert_eq!(fs::read(&path).unwrap(), b"good");
        }
    }

    #[test]
    fn content_that_fails_half_way_leaves_the_old_file_and_no_temporary() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        write_atomic(&path, b"good").unwrap();
        let result = write_atomic_with(&path, |f| {
            f.write_all(b"half")?;
            Err(io::Error::other("serializer failed"))
        });
        assert!(result.is_err());
        assert_eq!(fs::read(&path).unwrap(), b"good");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, ["a.json"]);
    }
}
