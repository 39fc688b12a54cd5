//! Two writers: a session open for editing in one process is refused to a
//! second one, with a message naming the holder's pid and host, and nothing
//! is written; a lock left by a killed process blocks nobody, because it is
//! an OS file lock that dies with its holder.

mod common;

use common::interview::{NEW, load, session_file, start};

/// A field of `<id>.json.lock`, as its last holder wrote it.
fn lock_field(session: &std::path::Path, key: &str) -> String {
    let mut name = session.file_name().unwrap().to_owned();
    name.push(".lock");
    let text = std::fs::read_to_string(session.with_file_name(name)).unwrap();
    text.lines()
        .find_map(|l| l.strip_prefix(key)?.strip_prefix('='))
        .unwrap_or_else(|| panic!("the lock file names no {key}: {text}"))
        .to_owned()
}

fn resume(dir: &std::path::Path, id: &str) -> common::Run {
    common::run(common::kompass(dir).args(["--lang", "en", "interview", "--resume", id]))
}

#[test]
fn a_second_editor_is_refused_by_pid_and_host_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = start(dir.path(), &NEW);
    let path = session_file(dir.path());
    let id = load(dir.path()).id;
    let host = lock_field(&path, "host");
    assert!(!host.is_empty());
    let before = common::Snapshot::take(dir.path());

    let r = resume(dir.path(), &id);
    assert_eq!(r.code, 1, "{}", r.stderr);
    let holder = format!("process {} on {host}", first.pid());
    assert!(r.stderr.contains(&holder), "{holder:?} in {}", r.stderr);
    assert!(
        r.stderr.contains(&format!("--resume {id} --read-only")),
        "{}",
        r.stderr
    );
    assert_eq!(
        common::Snapshot::take(dir.path()),
        before,
        "the refused editor wrote nothing"
    );

    first.send("\x11");
    assert!(first.wait_exit().unwrap().success());
}

#[test]
fn a_lock_left_by_a_killed_editor_does_not_block() {
    let dir = tempfile::tempdir().unwrap();
    let mut first = start(dir.path(), &NEW);
    let id = load(dir.path()).id;
    let killed = first.pid();
    first.kill_hard();
    first.wait_exit().expect("SIGKILL ends it");
    // The lock file stays behind, still naming the dead process...
    let path = session_file(dir.path());
    assert_eq!(lock_field(&path, "pid"), killed.to_string());

    // ...but its OS lock died with it: the next editor gets in at once, and
    // is itself the holder a third one is told about.
    let mut second = start(dir.path(), &["interview", "--resume", &id]);
    second.wait_for("Gjenopprettet etter uventet avslutning");
    let r = resume(dir.path(), &id);
    assert_eq!(r.code, 1, "{}", r.stderr);
    assert!(
        r.stderr.contains(&format!("process {} on", second.pid())),
        "{}",
        r.stderr
    );
    second.send("\x11");
    assert!(second.wait_exit().unwrap().success());
}
