//! Saving an interview while it is typed (and a review's assessment while it
//! is worked on), and knowing afterwards whether the last editor closed cleanly.
//!
//! - [`Autosaver`]: a background thread that writes the newest copy of the
//!   document (session or assessment) it was given with [`write_atomic`](super::write_atomic). The UI
//!   hands it a clone and goes on; a keystroke never waits for the disk.
//!   Copies that arrive while a write is running are coalesced (only the
//!   newest is written). A failed write is kept and retried, and reported
//!   until a write succeeds; the last good file stays untouched.
//! - [`EditMarker`]: `<id>.json.open`, created when a session is opened for
//!   editing and removed after the final save of a clean exit. Finding it
//!   when opening means the previous editor was killed or crashed, so the
//!   session was recovered from its last autosave.

use std::fs;
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::mpsc::{self, RecvTimeoutError, Sender};
use std::thread::JoinHandle;
use std::time::Duration;

use chrono::{DateTime, FixedOffset};

use crate::core::assessment::Assessment;
use crate::core::session::Session;

/// A file the [`Autosaver`] can keep on disk.
pub trait Document: Send + 'static {
    fn bytes(&self) -> Vec<u8>;
    fn updated_at(&self) -> DateTime<FixedOffset>;
}

impl Document for Session {
    fn bytes(&self) -> Vec<u8> {
        self.to_json()
    }
    fn updated_at(&self) -> DateTime<FixedOffset> {
        self.updated_at
    }
}

impl Document for Assessment {
    fn bytes(&self) -> Vec<u8> {
        self.to_json()
    }
    fn updated_at(&self) -> DateTime<FixedOffset> {
        self.updated_at
    }
}

/// How a save is written; tests inject failing writers (disk full, read-only).
pub type Writer = Box<dyn FnMut(&Path, &[u8]) -> io::Result<()> + Send>;

/// How long a failed save waits before it is tried again (unless a newer
/// copy arrives first, which is tried at once).
pub const RETRY_DELAY: Duration = Duration::from_secs(2);

/// What the saver tells the UI after each attempt.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SaveReport {
    /// The document as of `updated_at` is on disk.
    Saved { updated_at: DateTime<FixedOffset> },
    /// The write failed; the copy is kept and retried.
    Failed { kind: io::ErrorKind, reason: String },
}

/// The background saver of one file.
pub struct Autosaver<T: Document = Session> {
    path: PathBuf,
    tx: Option<Sender<T>>,
    thread: Option<JoinHandle<Option<T>>>,
}

impl<T: Document> Autosaver<T> {
    /// Starts a saver writing atomically to `path`; `notify` is called from
    /// the saver thread after every attempt.
    pub fn start(path: PathBuf, notify: impl Fn(SaveReport) + Send + 'static) -> Autosaver<T> {
        Autosaver::with_writer(
            path,
            Box::new(|p: &Path, bytes: &[u8]| super::write_atomic(p, bytes)),
            RETRY_DELAY,
            notify,
        )
    }

    pub fn with_writer(
        path: PathBuf,
        mut writer: Writer,
        retry: Duration,
        notify: impl Fn(SaveReport) + Send + 'static,
    ) -> Autosaver<T> {
        let (tx, rx) = mpsc::channel::<T>();
        let target = path.clone();
        let thread = std::thread::Builder::new()
            .name("kompass-autosave".into())
            .spawn(move || {
                let mut pending: Option<T> = None;
                loop {
                    // Idle: block until there is work. After a failure: wait
                    // the retry delay, or less if a newer copy comes in.
                    let next = match pending {
                        None => rx.recv().map_err(|_| RecvTimeoutError::Disconnected),
                        Some(_) => rx.recv_timeout(retry),
                    };
                    match next {
                        Ok(doc) => pending = Some(doc),
                        Err(RecvTimeoutError::Timeout) => {}
                        Err(RecvTimeoutError::Disconnected) => break,
                    }
                    while let Ok(newer) = rx.try_recv() {
                        pending = Some(newer);
                    }
                    if let Some(doc) = &pending {
                        match writer(&target, &doc.bytes()) {
                            Ok(()) => {
                                notify(SaveReport::Saved {
                                    updated_at: doc.updated_at(),
                                });
                                pending = None;
                            }
                            Err(e) => notify(SaveReport::Failed {
                                kind: e.kind(),
                                reason: super::describe_io(&e),
                            }),
                        }
                    }
                }
                pending
            })
            .expect("the autosave thread starts");
        Autosaver {
            path,
            tx: Some(tx),
            thread: Some(thread),
        }
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Queues a copy to be written; returns at once.
    pub fn save(&self, doc: T) {
        if let Some(tx) = &self.tx {
            // The thread only ends when `stop` drops the sender.
            let _ = tx.send(doc);
        }
    }

    /// Writes what is queued, stops the thread and returns the newest copy
    /// that could not be written (None: everything is on disk).
    pub fn stop(mut self) -> Option<T> {
        self.tx.take();
        self.thread.take().and_then(|t| t.join().unwrap_or(None))
    }
}

impl<T: Document> Drop for Autosaver<T> {
    fn drop(&mut self) {
        self.tx.take();
        if let Some(t) = self.thread.take() {
            let _ = t.join();
        }
    }
}

/// `<id>.json.open`: present while the session is open for editing.
pub fn open_marker_path(session_path: &Path) -> PathBuf {
    let mut name = session_path.file_name().unwrap_or_default().to_owned();
    name.push(".open");
    session_path.with_file_name(name)
}

/// Marks a session as open for editing. Take the session lock first: the
/// marker of a live editor must not be mistaken for a crash.
#[derive(Debug)]
pub struct EditMarker {
    path: PathBuf,
}

impl EditMarker {
    /// Creates the marker; the flag says whether one was already there,
    /// i.e. whether the previous editor ended without closing cleanly.
    pub fn create(session_path: &Path) -> io::Result<(EditMarker, bool)> {
        let path = open_marker_path(session_path);
        let unclean = path.exists();
        let mut file = crate::platform::open_private(
            fs::OpenOptions::new()
                .write(true)
                .create(true)
                .truncate(true),
            &path,
        )?;
        writeln!(
            file,
            "pid={}\nhost={}\nopened_at={}",
            std::process::id(),
            crate::platform::host_name(),
            chrono::Local::now().to_rfc3339()
        )?;
        // No fsync here (3-8 ms of startup on a slow disk): what counts is
        // that the marker exists, and the first save fsyncs this directory;
        // before the first change there is nothing to recover.
        Ok((EditMarker { path }, unclean))
    }

    /// The session was closed with everything saved.
    pub fn close_clean(self) -> io::Result<()> {
        match fs::remove_file(&self.path) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => Err(e),
            _ => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Bank;
    use std::sync::{Arc, Mutex};

    fn sample() -> Session {
        crate::core::session::tests::sample(&Bank::builtin())
    }

    fn collecting() -> (Arc<Mutex<Vec<SaveReport>>>, impl Fn(SaveReport) + Send) {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        (seen, move |r| sink.lock().unwrap().push(r))
    }

    #[test]
    fn saves_the_newest_copy_and_stops_clean() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("m/s.json");
        let (seen, notify) = collecting();
        let saver = Autosaver::start(path.clone(), notify);
        let mut s = sample();
        for i in 0..20 {
            s.answers.get_mut("1.1.1").unwrap().notes = format!("versjon {i} æøå");
            saver.save(s.clone());
        }
        assert!(saver.stop().is_none());
        let back = Session::parse(&fs::read(&path).unwrap()).unwrap();
        assert_eq!(back.answers["1.1.1"].notes, "versjon 19 æøå");
        let seen = seen.lock().unwrap();
        assert!(!seen.is_empty() && seen.len() <= 20);
        assert!(seen.iter().all(|r| matches!(r, SaveReport::Saved { .. })));
    }

    #[test]
    fn a_failing_disk_is_reported_retried_and_recovers() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("s.json");
        let full = Arc::new(Mutex::new(true));
        let disk = full.clone();
        let writer: Writer = Box::new(move |p, bytes| {
            if *disk.lock().unwrap() {
                Err(io::Error::from(io::ErrorKind::StorageFull))
            } else {
                super::super::write_atomic(p, bytes)
            }
        });
        let (seen, notify) = collecting();
        let saver = Autosaver::with_writer(path.clone(), writer, Duration::from_millis(20), notify);
        saver.save(sample());
        let wait_for = |pred: &dyn Fn(&[SaveReport]) -> bool| {
            for _ in 0..500 {
                if pred(&seen.lock().unwrap()) {
                    return;
                }
                std::thread::sleep(Duration::from_millis(5));
            }
            panic!("timed out: {:?}", seen.lock().unwrap());
        };
        // Retried while the disk is full, and every attempt says why.
        wait_for(&|r| r.len() >= 3);
        assert!(seen.lock().unwrap().iter().all(|r| *r
            == SaveReport::Failed {
                kind: io::ErrorKind::StorageFull,
                reason: "the disk is full".into()
            }));
        assert!(!path.exists());
        *full.lock().unwrap() = false;
        wait_for(&|r| matches!(r.last(), Some(SaveReport::Saved { .. })));
        assert!(saver.stop().is_none());
        assert_eq!(Session::parse(&fs::read(&path).unwrap()).unwrap(), sample());
    }

    #[test]
    fn stop_returns_what_could_not_be_written() {
        let dir = tempfile::tempdir().unwrap();
        let writer: Writer =
            Box::new(|_, _| Err(io::Error::from(io::ErrorKind::ReadOnlyFilesystem)));
        let (seen, notify) = collecting();
        let saver = Autosaver::with_writer(
            dir.path().join("s.json"),
            writer,
            Duration::from_secs(60),
            notify,
        );
        saver.save(sample());
        assert_eq!(saver.stop(), Some(sample()));
        assert_eq!(
            seen.lock().unwrap().last(),
            Some(&SaveReport::Failed {
                kind: io::ErrorKind::ReadOnlyFilesystem,
                reason: "the file system is read-only".into()
            })
        );
    }

    #[test]
    fn marker_tells_an_unclean_exit_from_a_clean_one() {
        let dir = tempfile::tempdir().unwrap();
        let session = dir.path().join("s.json");
        let (marker, unclean) = EditMarker::create(&session).unwrap();
        assert!(!unclean);
        marker.close_clean().unwrap();
        assert!(!open_marker_path(&session).exists());
        let (crashed, _) = EditMarker::create(&session).unwrap();
        drop(crashed); // a crash: nobody closes it
        let (again, unclean) = EditMarker::create(&session).unwrap();
        assert!(unclean);
        again.close_clean().unwrap();
    }
}
