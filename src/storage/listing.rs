//! The sessions in a data directory, grouped by municipality (start screen).

use std::collections::BTreeMap;
use std::path::Path;

use super::{FileError, LoadedSession, format_of, json_files, read_file, session_from_bytes};
use crate::core::bank::Bank;

/// Every session under a directory, grouped by municipality.
#[derive(Debug, Default)]
pub struct SessionList {
    /// Municipalities by name (case-insensitive order), each with its sessions,
    /// newest first.
    pub municipalities: Vec<(String, Vec<LoadedSession>)>,
    /// Session files that could not be read, with the reasons.
    pub broken: Vec<FileError>,
}

impl SessionList {
    pub fn is_empty(&self) -> bool {
        self.municipalities.is_empty()
    }
}

/// Reads every session file under `dir`. Other Kompass files (assessments,
/// baselines) are skipped; a directory that does not exist yet is empty.
pub fn list_sessions(dir: &Path, bank: &Bank) -> SessionList {
    let mut list = SessionList::default();
    if !dir.is_dir() {
        return list;
    }
    let files = match json_files(&[dir.to_path_buf()]) {
        Ok(files) => files,
        Err(e) => {
            list.broken.push(e);
            return list;
        }
    };
    let mut groups: BTreeMap<(String, String), Vec<LoadedSession>> = BTreeMap::new();
    for path in files {
        match load_if_session(&path, bank) {
            Ok(Some(loaded)) => {
                let name = loaded.session.municipality.trim().to_owned();
                groups
                    .entry((name.to_lowercase(), name))
                    .or_default()
                    .push(loaded);
            }
            Ok(None) => {}
            Err(e) => list.broken.push(e),
        }
    }
    for ((_, name), mut sessions) in groups {
        sessions.sort_by(|a, b| {
            b.session
                .started_at
                .cmp(&a.session.started_at)
                .then_with(|| a.session.id.cmp(&b.session.id))
        });
        list.municipalities.push((name, sessions));
    }
    list
}

fn load_if_session(path: &Path, bank: &Bank) -> Result<Option<LoadedSession>, FileError> {
    let bytes = read_file(path)?;
    if format_of(path, &bytes)?.as_deref() != Some(crate::core::session::FORMAT) {
        return Ok(None);
    }
    session_from_bytes(path, &bytes, bank).map(Some)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::tests::sample;

    #[test]
    fn groups_by_municipality_newest_first_and_reports_broken_files() {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let mut a = sample(&bank);
        super::super::save_session(dir.path(), &a).unwrap();
        a.id = "01JDX0000000000000000000BB".into();
        a.started_at += chrono::Duration::days(1);
        super::super::save_session(dir.path(), &a).unwrap();
        a.id = "01JDX0000000000000000000CC".into();
        a.municipality = "Askvoll".into();
        super::super::save_session(dir.path(), &a).unwrap();
        std::fs::write(dir.path().join("broken.json"), b"{").unwrap();
        std::fs::write(
            dir.path().join("other.json"),
            br#"{"format": "kompass.baseline", "format_version": 1}"#,
        )
        .unwrap();

        let list = list_sessions(dir.path(), &bank);
        let names: Vec<&str> = list
            .municipalities
            .iter()
            .map(|(n, _)| n.as_str())
            .collect();
        assert_eq!(names, ["Askvoll", "Eksempelvik"]);
        let ids: Vec<&str> = list.municipalities[1]
            .1
            .iter()
            .map(|l| l.session.id.as_str())
            .collect();
        assert_eq!(
            ids,
            ["01JDX0000000000000000000BB", "01JDX0000000000000000000AA"]
        );
        assert_eq!(list.broken.len(), 1);
        assert!(list.broken[0].to_string().contains("broken.json"));
        assert!(list_sessions(&dir.path().join("none"), &bank).is_empty());
    }
}
