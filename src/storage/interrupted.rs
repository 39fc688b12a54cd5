//! Finishing a save that a kill interrupted. A save writes the new version
//! to a temporary file beside the session file, fsyncs it, and only then
//! renames it into place: on a busy disk the fsyncs take most of a second.
//! A kill in that moment leaves the complete new version in the temporary
//! file while the session file still holds the one before; the next editor
//! of the session puts it in place, so that nothing typed before the save
//! began is lost. A temporary file cut short by the kill does not parse and
//! is never taken.

use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};

use super::{FileError, atomic::temporary_files_beside, load_session, remove_if_there};
use crate::core::bank::Bank;
use crate::core::session::Session;

/// Puts in place the newest complete version of the session at `path` that
/// a killed editor left in a temporary file, if it is newer than the file
/// (the file is kept as `.bak`), and removes this session's temporary files.
/// Returns when the version put in place was saved. Take the session's
/// lock first, and only after an editor ended without closing: a running
/// editor's temporary file is a save under way.
pub fn finish_interrupted_save(
    path: &Path,
    bank: &Bank,
) -> Result<Option<DateTime<FixedOffset>>, FileError> {
    let saved = load_session(path, bank).ok().map(|l| l.session);
    let id = match &saved {
        Some(s) => s.id.clone(),
        None => session_id_of(path),
    };
    let mut ours: Vec<(PathBuf, Session)> = temporary_files_beside(path)
        .into_iter()
        .filter_map(|tmp| {
            // Another session's save, or one cut short: not ours to take.
            let session = load_session(&tmp, bank).ok()?.session;
            (session.id == id).then_some((tmp, session))
        })
        .collect();
    ours.sort_by_key(|(_, s)| s.updated_at);
    let newer = ours
        .last()
        .map(|(_, s)| s)
        .filter(|s| saved.as_ref().is_none_or(|f| s.updated_at > f.updated_at));
    let finished = match newer {
        Some(session) => {
            super::write_atomic(path, &session.to_json()).map_err(|e| FileError::io(path, &e))?;
            Some(session.updated_at)
        }
        None => None,
    };
    for (tmp, _) in &ours {
        remove_if_there(tmp).map_err(|e| FileError::io(tmp, &e))?;
    }
    Ok(finished)
}

/// `<id>` of `<id>.json`.
fn session_id_of(path: &Path) -> String {
    let name = path.file_name().unwrap_or_default().to_string_lossy();
    name.strip_suffix(".json").unwrap_or(&name).to_owned()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::storage::{backup_path, save_session};

    const A: &str = "01JDX0000000000000000000AA";
    const B: &str = "01JDX0000000000000000000BB";

    fn session(id: &str, notes: &str, second: u32) -> Session {
        let bank = Bank::builtin();
        let mut s = crate::core::session::tests::sample(&bank);
        s.id = id.to_owned();
        let q = s.answers.keys().next().unwrap().clone();
        s.answers.get_mut(&q).unwrap().notes = notes.to_owned();
        s.updated_at += chrono::Duration::seconds(second.into());
        s
    }

    /// A temporary file as a killed save leaves it.
    fn left_by_a_kill(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
        let tmp = dir.join(format!(".kompass-{name}.tmp"));
        std::fs::write(&tmp, bytes).unwrap();
        tmp
    }

    #[test]
    fn the_newest_complete_version_is_put_in_place_and_the_rest_left_alone() {
        let bank = Bank::builtin();
        let dir = tempfile::tempdir().unwrap();
        let saved = session(A, "saved", 0);
        let path = save_session(dir.path(), &saved).unwrap();
        let sub = path.parent().unwrap();
        let older = left_by_a_kill(sub, "older", &session(A, "saved and", 1).to_json());
        let newest = left_by_a_kill(sub, "newest", &session(A, "saved and more", 2).to_json());
        let mut cut = session(A, "saved and more and more", 3).to_json();
        cut.truncate(cut.len() / 2);
        let cut = left_by_a_kill(sub, "cut", &cut);
        let other = left_by_a_kill(sub, "other", &session(B, "another's", 9).to_json());

        let at = finish_interrupted_save(&path, &bank).unwrap();

        let now = load_session(&path, &bank).unwrap().session;
        assert_eq!(now, session(A, "saved and more", 2));
        assert_eq!(at, Some(now.updated_at));
        let kept = load_session(&backup_path(&path), &bank).unwrap().session;
        assert_eq!(kept, saved, "the version before is the .bak");
        assert!(!older.exists() && !newest.exists(), "ours are gone");
        assert!(cut.exists() && other.exists(), "what is not ours stays");
    }

    #[test]
    fn a_temporary_file_older_than_the_file_is_removed_and_changes_nothing() {
        let bank = Bank::builtin();
        let dir = tempfile::tempdir().unwrap();
        let saved = session(A, "saved later", 5);
        let path = save_session(dir.path(), &saved).unwrap();
        let before = std::fs::read(&path).unwrap();
        let stale = left_by_a_kill(
            path.parent().unwrap(),
            "stale",
            &session(A, "saved", 1).to_json(),
        );
        assert_eq!(finish_interrupted_save(&path, &bank).unwrap(), None);
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert!(!stale.exists());
    }
}
