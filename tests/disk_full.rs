//! Disk full and read-only: when a save fails, a warning stays on screen, the
//! work stays in memory, the earlier file is intact, and the next save after
//! the disk recovers succeeds and clears the warning.
//!
//! Two ways in:
//! - the interview screen and the real autosaver with an injected writer
//!   that fails like a full disk (half-way through the file) or a read-only
//!   one: deterministic, runs everywhere;
//! - the real binary in a terminal on a real 64 KB tmpfs that is filled up,
//!   and on a directory bind-mounted read-only. Mounting needs privileges:
//!   without them these tests say so and pass (the injected writer covers
//!   the same behaviour everywhere), unless `KOMPASS_REQUIRE_MOUNT=1` makes
//!   that a failure.

mod common;

use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::mpsc::{self, Receiver};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::DateTime;
use kompass::core::bank::Bank;
use kompass::core::lang::Lang;
use kompass::core::session::{Person, Session};
use kompass::storage::{self, Autosaver, SaveReport, Writer};
use kompass::tui::screens::interview::view;
use kompass::tui::screens::interview::{Interview, Msg};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers};

use common::interview::{NEW, first_notes, load, session_file, start, wait_file};

// ----- the screen and the saver, with a disk that can fail -----

/// What the injected disk does with the next write: `None` writes, an error
/// code of the system fails the write like the kernel would.
type Fault = Arc<Mutex<Option<i32>>>;

/// The system's codes for a full disk and a read-only one.
#[cfg(unix)]
const DISK_FULL: i32 = libc::ENOSPC;
#[cfg(unix)]
const READ_ONLY: i32 = libc::EROFS;
/// ERROR_DISK_FULL and ERROR_WRITE_PROTECT.
#[cfg(windows)]
const DISK_FULL: i32 = 112;
#[cfg(windows)]
const READ_ONLY: i32 = 19;

/// The real atomic write, unless a fault is set: a full disk takes half of
/// the file before it refuses more (the temporary file is left half written
/// and must not replace anything); a read-only one refuses to create it.
fn faulty_disk(fault: Fault) -> Writer {
    Box::new(move |path, bytes| match *fault.lock().unwrap() {
        None => storage::write_atomic(path, bytes),
        Some(DISK_FULL) => storage::write_atomic_with(path, |file| {
            file.write_all(&bytes[..bytes.len() / 2])?;
            Err(io::Error::from_raw_os_error(DISK_FULL))
        }),
        Some(errno) => Err(io::Error::from_raw_os_error(errno)),
    })
}

/// The interview screen wired to an autosaver as the runtime wires it:
/// snapshots go to the saver, its reports come back as messages.
struct Screen<'b> {
    state: Interview<'b>,
    saver: Autosaver,
    reports: Receiver<SaveReport>,
}

impl Screen<'_> {
    fn open(bank: &Bank, path: PathBuf, session: Session, fault: Fault) -> Screen<'_> {
        let (tx, reports) = mpsc::channel();
        let saver = Autosaver::with_writer(
            path.clone(),
            faulty_disk(fault),
            Duration::from_millis(20),
            move |r| {
                let _ = tx.send(r);
            },
        );
        let state = Interview::new(bank, Lang::Nb, session, path, false, Instant::now());
        Screen {
            state,
            saver,
            reports,
        }
    }

    /// Types `text` into the notes and hands a copy to the saver, as the
    /// runtime does when a save is due; returns the copy.
    fn type_and_save(&mut self, text: &str) -> Session {
        for c in text.chars() {
            let key = KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
            self.state.update(Msg::Key(key), Instant::now());
        }
        let copy = self
            .state
            .snapshot(Instant::now(), chrono::Local::now().fixed_offset());
        self.saver.save(copy.clone());
        copy
    }

    /// Passes save reports to the screen until one satisfies `done`.
    fn until(&mut self, done: impl Fn(&SaveReport) -> bool) -> SaveReport {
        loop {
            let report = self
                .reports
                .recv_timeout(Duration::from_secs(10))
                .expect("the saver reports");
            self.state
                .update(Msg::Saved(report.clone()), Instant::now());
            if done(&report) {
                return report;
            }
        }
    }

    /// The screen as drawn at 80x24.
    fn drawn(&self) -> String {
        let mut term = Terminal::new(TestBackend::new(80, 24)).unwrap();
        term.draw(|f| view::draw(f, &self.state, &mut Default::default()))
            .unwrap();
        term.backend().to_string()
    }
}

fn failed(r: &SaveReport) -> bool {
    matches!(r, SaveReport::Failed { .. })
}

fn saved(r: &SaveReport) -> bool {
    matches!(r, SaveReport::Saved { .. })
}

/// Hidden temporary files left in a directory.
fn temporaries(dir: &Path) -> Vec<String> {
    common::listing(dir)
        .into_iter()
        .filter(|n| n.ends_with(".tmp"))
        .collect()
}

fn a_failing_disk_warns_keeps_the_work_and_the_file(errno: i32, warning: &str) {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let at = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
    let person = Person {
        name: "Ola".into(),
        role: "mayor".into(),
    };
    let session = Session::new(
        "01DISK0000000000000000000A".into(),
        &bank,
        "Eksempelvik",
        "Kari",
        vec![person],
        at,
    );
    let path = storage::save_session(dir.path(), &session).unwrap();
    let fault: Fault = Arc::default();
    let mut screen = Screen::open(&bank, path.clone(), session, fault.clone());

    screen.type_and_save("Før feilen æøå.");
    screen.until(saved);
    let good = std::fs::read(&path).unwrap();
    assert!(!screen.drawn().contains("IKKE LAGRET"));

    *fault.lock().unwrap() = Some(errno);
    screen.type_and_save(" Under feilen.");
    screen.until(failed);
    let banner = format!("IKKE LAGRET ({warning}) – prøver igjen");
    assert!(screen.drawn().contains(&banner), "{}", screen.drawn());
    // More typing: the warning stays, every word is in memory, the file on
    // disk is the last good one and no half-written file is left.
    let in_memory = screen.type_and_save(" Fortsatt feil.");
    screen.until(failed);
    assert!(screen.drawn().contains(&banner), "{}", screen.drawn());
    assert_eq!(
        first_notes(&in_memory),
        "Før feilen æøå. Under feilen. Fortsatt feil."
    );
    assert_eq!(std::fs::read(&path).unwrap(), good, "the last good file");
    assert_eq!(temporaries(path.parent().unwrap()), Vec::<String>::new());

    // The disk recovers: the retry succeeds without a key and the warning goes.
    *fault.lock().unwrap() = None;
    screen.until(saved);
    assert!(
        !screen.drawn().contains("IKKE LAGRET"),
        "{}",
        screen.drawn()
    );
    let on_disk = storage::load_session(&path, &bank).unwrap().session;
    assert_eq!(
        first_notes(&on_disk),
        "Før feilen æøå. Under feilen. Fortsatt feil."
    );
    assert!(screen.saver.stop().is_none(), "nothing left unsaved");
}

#[test]
fn a_full_disk_warns_on_screen_keeps_the_work_and_the_last_good_file() {
    a_failing_disk_warns_keeps_the_work_and_the_file(DISK_FULL, "disken er full");
}

#[test]
fn a_read_only_disk_warns_on_screen_keeps_the_work_and_the_last_good_file() {
    a_failing_disk_warns_keeps_the_work_and_the_file(READ_ONLY, "filsystemet er skrivebeskyttet");
}

// ----- the real binary on real file systems -----

/// `mount ARGS... TARGET`, or why it failed (not permitted here, mostly).
fn mount(args: &[&str], target: &Path) -> Result<(), String> {
    let out = Command::new("mount")
        .args(args)
        .arg(target)
        .output()
        .map_err(|e| format!("mount cannot run: {e}"))?;
    if out.status.success() {
        Ok(())
    } else {
        Err(format!(
            "mount {} failed: {}",
            args.join(" "),
            String::from_utf8_lossy(&out.stderr).trim()
        ))
    }
}

/// A mount made by a test, undone when it ends, however it ends.
struct Mounted(PathBuf);

impl Mounted {
    fn new(args: &[&str], target: &Path) -> Result<Mounted, String> {
        mount(args, target).map(|()| Mounted(target.to_owned()))
    }
}

impl Drop for Mounted {
    fn drop(&mut self) {
        let done = Command::new("umount").arg(&self.0).status();
        if !done.is_ok_and(|s| s.success()) {
            // Still in use (a process that has not ended yet): detach it.
            let _ = Command::new("umount").arg("-l").arg(&self.0).status();
        }
    }
}

/// Whether this test may mount; if not it says why and is skipped, unless
/// `KOMPASS_REQUIRE_MOUNT=1` makes that a failure. CI does not set it: a
/// runner without CAP_SYS_ADMIN is normal, and the injected-writer tests
/// prove the same behaviour there.
fn may_mount<T>(test: &str, mount: Result<T, String>) -> Option<T> {
    match mount {
        Ok(m) => Some(m),
        Err(why) => {
            assert!(
                std::env::var("KOMPASS_REQUIRE_MOUNT").as_deref() != Ok("1"),
                "KOMPASS_REQUIRE_MOUNT=1: {why}"
            );
            eprintln!("SKIPPED {test}: {why} (mounting needs root or CAP_SYS_ADMIN)");
            None
        }
    }
}

/// Writes zeros into `path` until the file system is full.
fn fill(path: &Path) {
    let mut file = std::fs::File::create(path).unwrap();
    let chunk = [0u8; 1024];
    loop {
        match file.write(&chunk) {
            Ok(0) => break,
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::StorageFull => break,
            Err(e) => panic!("filling {}: {e}", path.display()),
        }
    }
    let _ = file.sync_all();
}

/// Types into the running interview while its directory cannot be written,
/// checks the warning and the untouched file, lets `recover` fix the disk,
/// and checks that the work reaches the file and the warning goes.
fn through_a_failure(dir: &Path, warning: &str, break_disk: impl FnOnce(), recover: impl FnOnce()) {
    let mut t = start(dir, &NEW);
    t.type_slowly("Før feilen");
    let good = wait_file(dir, |s| first_notes(s) == "Før feilen");
    assert_eq!(first_notes(&good), "Før feilen");
    let good_bytes = std::fs::read(session_file(dir)).unwrap();

    break_disk();
    t.type_slowly(" og under");
    t.wait_for_screen(&format!("IKKE LAGRET ({warning})"));
    std::thread::sleep(Duration::from_millis(300));
    assert!(
        t.screen().contains("IKKE LAGRET"),
        "the warning stays:\n{}",
        t.screen()
    );
    assert_eq!(
        std::fs::read(session_file(dir)).unwrap(),
        good_bytes,
        "the last good file"
    );

    recover();
    // The saver retries on its own (every 2 s); the next key would too.
    let s = wait_file(dir, |s| first_notes(s) == "Før feilen og under");
    assert_eq!(first_notes(&s), "Før feilen og under");
    let deadline = Instant::now() + Duration::from_secs(5);
    while t.screen().contains("IKKE LAGRET") && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(!t.screen().contains("IKKE LAGRET"), "{}", t.screen());

    t.send("\x11");
    assert!(t.wait_exit().expect("Ctrl-Q ends the program").success());
    assert_eq!(first_notes(&load(dir)), "Før feilen og under");
}

#[test]
fn a_real_full_tmpfs_warns_in_the_terminal_and_saves_when_space_returns() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("data");
    std::fs::create_dir(&dir).unwrap();
    let tmpfs = Mounted::new(&["-t", "tmpfs", "-o", "size=64k,mode=0700", "tmpfs"], &dir);
    let test = "a_real_full_tmpfs_warns_in_the_terminal_and_saves_when_space_returns";
    let Some(_tmpfs) = may_mount(test, tmpfs) else {
        return;
    };
    let filler = dir.join("filler");
    through_a_failure(
        &dir,
        "disken er full",
        || fill(&filler),
        || std::fs::remove_file(&filler).unwrap(),
    );
}

#[test]
fn a_real_read_only_directory_warns_in_the_terminal_and_saves_when_writable_again() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path();
    let test = "a_real_read_only_directory_warns_in_the_terminal_and_saves_when_writable_again";
    if may_mount(test, Mounted::new(&["--bind", dir.to_str().unwrap()], dir)).is_none() {
        return;
    }
    // The session's directory is bind-mounted on itself once the program
    // has it open, and that mount made read-only: the next save meets
    // EROFS. (Root ignores permission bits, so chmod would prove nothing.)
    let municipality = dir.join("eksempelvik");
    let read_only: Mutex<Option<Mounted>> = Mutex::default();
    through_a_failure(
        dir,
        "filsystemet er skrivebeskyttet",
        || {
            let bind = Mounted::new(&["--bind", municipality.to_str().unwrap()], &municipality);
            *read_only.lock().unwrap() = Some(bind.unwrap());
            mount(&["-o", "remount,bind,ro"], &municipality).unwrap();
        },
        || drop(read_only.lock().unwrap().take()),
    );
}
