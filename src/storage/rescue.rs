//! The rescue copy: the last resort when a session file cannot be written
//! (a full or read-only disk at Ctrl-Q, a signal, a program error) is a copy
//! in the temporary directory. The next open of that session finds it again
//! and offers it, so the words in it are never silently left behind.

use std::io;
use std::path::{Path, PathBuf};

use super::{FileError, load_session, vault};
use crate::core::bank::Bank;
use crate::core::session::{Difference, Session};

/// Where the rescue copy of session `id` is written: one per session, the
/// newest replacing the one before.
pub fn rescue_path(id: &str) -> PathBuf {
    std::env::temp_dir().join(format!("kompass-rescue-{id}.json"))
}

/// Writes the rescue copy of `session` and returns where it is; encrypted
/// when the data directory is protected.
pub fn write_rescue(session: &Session) -> io::Result<PathBuf> {
    let path = rescue_path(&session.id);
    vault::write_home_copy(&path, &session.to_json())?;
    Ok(path)
}

/// A rescue copy newer than the saved session, with what it holds more.
#[derive(Debug, Clone)]
pub struct Rescue {
    pub path: PathBuf,
    pub session: Session,
    /// The rescue copy compared with the saved version.
    pub difference: Difference,
}

/// The rescue copy of `saved`, when there is one that was written after it
/// and differs from it in something the user wrote or scored. A rescue copy
/// that cannot be read is left where it is and not offered: it is named in
/// the error so the user can look at it.
pub fn find_rescue(saved: &Session, bank: &Bank) -> Result<Option<Rescue>, FileError> {
    let path = rescue_path(&saved.id);
    if !path.is_file() {
        return Ok(None);
    }
    let session = load_session(&path, bank)?.session;
    let difference = saved.difference(&session);
    let newer = session.updated_at > saved.updated_at;
    if session.id != saved.id || !newer || difference.is_none() {
        return Ok(None);
    }
    Ok(Some(Rescue {
        path,
        session,
        difference,
    }))
}

/// Removes a rescue copy once its contents are saved in the session file.
pub fn discard_rescue(path: &Path) -> io::Result<()> {
    match std::fs::remove_file(path) {
        Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
        _ => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::tests::sample;

    /// The temporary directory is shared: each test has a session id of its own.
    fn with_id(id: &str) -> (Bank, Session) {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        s.id = id.into();
        let _ = std::fs::remove_file(rescue_path(id));
        (bank, s)
    }

    #[test]
    fn a_newer_rescue_copy_with_more_words_is_found_with_the_difference() {
        let (bank, saved) = with_id("01RESCUE00000000000000000A");
        assert!(find_rescue(&saved, &bank).unwrap().is_none());
        let mut rescued = saved.clone();
        rescued
            .answers
            .get_mut("1.1.1")
            .unwrap()
            .notes
            .push_str(" og mer");
        rescued.updated_at = saved.updated_at + chrono::Duration::seconds(30);
        let path = write_rescue(&rescued).unwrap();
        let found = find_rescue(&saved, &bank).unwrap().expect("offered");
        assert_eq!(found.path, path);
        assert_eq!(found.session, rescued);
        assert_eq!((found.difference.chars, found.difference.questions), (7, 1));
        discard_rescue(&path).unwrap();
        assert!(!path.exists());
        discard_rescue(&path).unwrap();
    }

    #[test]
    fn an_older_or_identical_rescue_copy_is_not_offered() {
        let (bank, saved) = with_id("01RESCUE00000000000000000B");
        let mut older = saved.clone();
        older
            .answers
            .get_mut("1.1.1")
            .unwrap()
            .notes
            .push_str(" gammelt");
        older.updated_at = saved.updated_at - chrono::Duration::seconds(30);
        let path = write_rescue(&older).unwrap();
        assert!(find_rescue(&saved, &bank).unwrap().is_none());
        let mut same = saved.clone();
        same.updated_at = saved.updated_at + chrono::Duration::seconds(30);
        write_rescue(&same).unwrap();
        assert!(find_rescue(&saved, &bank).unwrap().is_none());
        discard_rescue(&path).unwrap();
    }

    #[test]
    fn an_unreadable_rescue_copy_is_named_not_ignored() {
        let (bank, saved) = with_id("01RESCUE00000000000000000C");
        let path = rescue_path(&saved.id);
        std::fs::write(&path, b"{ half a file").unwrap();
        let err = find_rescue(&saved, &bank).unwrap_err();
        assert_eq!(err.path, path);
        discard_rescue(&path).unwrap();
    }
}
