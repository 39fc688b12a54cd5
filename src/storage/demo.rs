//! The sample data of `kompass demo`: the interviews of the fictional
//! Eksempelvik, its fictional earlier evaluations (2014, 2018 as a total
//! only, 2022) and the fictional national average computed from them and
//! 24 other fictional evaluations, embedded in the binary (the list
//! is made by `build.rs` from `sessions/`), written into a fresh directory.

use std::io;
use std::path::{Path, PathBuf};

use super::atomic::write_new_private;
use super::create_private_dir;

/// `(path relative to the demo directory, bytes)`: `eksempelvik/<id>.json`
/// for the interviews, `baselines/<name>.json` for the baselines.
pub const DEMO_FILES: &[(&str, &[u8])] = include!(concat!(env!("OUT_DIR"), "/demo_files.rs"));

/// Where the demo's files were written.
#[derive(Debug, Clone)]
pub struct Demo {
    /// The data directory of the demo.
    pub dir: PathBuf,
    /// The directory of the interviews (`<dir>/eksempelvik`).
    pub sessions: PathBuf,
    pub baselines: Vec<PathBuf>,
}

/// Creates a new directory in the system's temporary directory (never the
/// user's data directory) and writes the sample files into it. The
/// directory is kept after the program ends, so that the commands of the
/// demo's hint (interview, report) work on it afterwards.
pub fn install_demo() -> io::Result<Demo> {
    let mut builder = tempfile::Builder::new();
    builder.prefix("kompass-demo-");
    // Private like every directory Kompass makes (tempfile's default is
    // 0777 less the umask). Windows' temporary directory is the user's own.
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o700));
    let dir = builder.tempdir()?.keep();
    write_demo(&dir)
}

/// Writes the sample files into `dir`.
pub fn write_demo(dir: &Path) -> io::Result<Demo> {
    let mut baselines = Vec::new();
    for (name, bytes) in DEMO_FILES {
        let path = dir.join(name);
        if let Some(parent) = path.parent() {
            create_private_dir(parent)?;
        }
        // Private (0600) like every session file Kompass writes: the sample
        // interviews are fictional, but a demo directory is where people try
        // things, their own notes included. A fresh directory of copies has
        // no earlier version to protect.
        write_new_private(&path, bytes)?;
        if name.starts_with("baselines/") {
            baselines.push(path);
        }
    }
    Ok(Demo {
        dir: dir.to_owned(),
        sessions: dir.join("eksempelvik"),
        baselines,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Bank;
    use std::fs;

    #[cfg(unix)]
    #[test]
    fn the_demo_directory_is_private() {
        let demo = install_demo().unwrap();
        let private = crate::platform::private::is_private(&demo.dir);
        fs::remove_dir_all(&demo.dir).unwrap();
        assert!(private.unwrap(), "{} is 0700", demo.dir.display());
    }

    #[test]
    fn every_sample_file_is_embedded_and_valid() {
        let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions");
        let mut on_disk: Vec<String> = ["eksempelvik", "baselines"]
            .iter()
            .flat_map(|d| {
                fs::read_dir(root.join(d))
                    .unwrap()
                    .map(move |e| format!("{d}/{}", e.unwrap().file_name().to_string_lossy()))
            })
            .filter(|n| n.ends_with(".json"))
            .collect();
        on_disk.sort();
        let embedded: Vec<&str> = DEMO_FILES.iter().map(|(n, _)| *n).collect();
        assert_eq!(embedded, on_disk);
        assert!(
            embedded
                .iter()
                .filter(|n| n.starts_with("eksempelvik/"))
                .count()
                >= 12
        );

        let dir = tempfile::tempdir().unwrap();
        let demo = write_demo(dir.path()).unwrap();
        assert_eq!(demo.baselines.len(), 4, "2014, 2018, 2022 and the average");
        let bank = Bank::builtin();
        for (name, bytes) in DEMO_FILES {
            let path = dir.path().join(name);
            assert_eq!(fs::read(&path).unwrap(), *bytes);
            #[cfg(unix)]
            assert_eq!(
                std::os::unix::fs::PermissionsExt::mode(
                    &fs::metadata(&path).unwrap().permissions()
                ) & 0o777,
                0o600,
                "{name}"
            );
            super::super::validate_file(&path, &bank).unwrap();
        }
    }
}
