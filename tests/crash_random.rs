//! Crash at random points: the interview is typed into in a real terminal
//! and killed with SIGKILL at random moments, 50 times over, resumed each
//! time. Every time the session file, as the restart leaves it (having
//! finished a save the kill interrupted), must parse and pass its checks,
//! hold everything typed more than [`ALLOWED_LOSS`] before the kill, and the
//! restart must say that it recovered and from when.
//!
//! The moments come from a seeded generator; the seed is printed, and a
//! failure can be replayed with `KOMPASS_CRASH_SEED=<seed>`.

mod common;

use std::path::Path;
use std::time::{Duration, Instant};

use common::interview::{NEW, first_notes, load, session_file, start};
use common::pty::Term;
use common::rng::Rng;
use kompass::core::bank::Bank;
use kompass::core::session::Session;
use kompass::storage;

const KILLS: usize = 50;
/// Interviews killed side by side.
const CHAINS: usize = 2;

/// The autosave writes at most `SAVE_MAX_WAIT` (700 ms) after the first
/// unsaved keystroke; once its temporary file is written, a kill can no
/// longer lose it (the restart finishes the save), however long the fsyncs
/// take on a busy disk. Half a second on top covers a busy machine. Text
/// typed longer ago than this must survive a kill.
const ALLOWED_LOSS: Duration = Duration::from_millis(1200);

/// Letters a note is made of, Norwegian ones included; none is a command
/// in the notes editor.
const LETTERS: &[char] = &[
    'a', 'b', 'd', 'e', 'g', 'i', 'k', 'l', 'm', 'n', 'o', 'r', 's', 't', 'u', 'v', ' ', ' ', 'æ',
    'ø', 'å', 'Æ', 'Ø', 'Å', ',', '.',
];

/// A number in `lo..=hi`.
fn range(rng: &mut Rng, lo: u64, hi: u64) -> u64 {
    lo + rng.below(hi - lo + 1)
}

fn millis(rng: &mut Rng, lo: u64, hi: u64) -> Duration {
    Duration::from_millis(range(rng, lo, hi))
}

/// How long before the kill the last key was typed: often inside the save
/// window (the write may be under way), often long after it.
fn last_key_to_kill(rng: &mut Rng) -> Duration {
    match range(rng, 0, 9) {
        0..=3 => millis(rng, 0, 300),
        4..=6 => millis(rng, 300, 900),
        _ => millis(rng, 1250, 1500),
    }
}

/// What one run of the program was given and what survived its kill.
struct Outcome {
    typed: usize,
    kept: usize,
    /// How long before the kill the first lost character was typed.
    lost_age: Option<Duration>,
    /// Whether the restart finished a save the kill had interrupted.
    finished_by_restart: bool,
}

/// What was typed into one run of the program, each character with when.
struct Typed {
    keys: Vec<(char, Instant)>,
    killed_at: Instant,
    /// The session file as the kill left it, before the restart.
    file_at_kill: Vec<u8>,
}

/// Types a few bursts with pauses and kills the program.
fn type_and_kill(t: &mut Term, dir: &Path, rng: &mut Rng, seed: u64) -> Typed {
    let mut keys: Vec<(char, Instant)> = Vec::new();
    for burst in 0..range(rng, 1, 3) {
        if burst > 0 {
            std::thread::sleep(millis(rng, 0, 700));
        }
        for _ in 0..range(rng, 3, 16) {
            let c = LETTERS[range(rng, 0, LETTERS.len() as u64 - 1) as usize];
            t.send(c.encode_utf8(&mut [0; 4]));
            keys.push((c, Instant::now()));
            std::thread::sleep(millis(rng, 2, 25));
        }
    }
    std::thread::sleep(last_key_to_kill(rng));
    let killed_at = Instant::now();
    t.kill_hard();
    t.wait_exit().expect("SIGKILL ends the program");
    assert!(
        storage::open_marker_path(&session_file(dir)).exists(),
        "seed {seed}: the marker of an unfinished edit is gone"
    );
    let file_at_kill = std::fs::read(session_file(dir)).unwrap();
    Typed {
        keys,
        killed_at,
        file_at_kill,
    }
}

/// Checks the file as the restart after a kill left it (a save the kill
/// interrupted is finished by the restart): it loads, and its notes are
/// `base` plus a prefix of what was typed, missing nothing typed more than
/// [`ALLOWED_LOSS`] before the kill.
fn check_after_restart(dir: &Path, base: &str, typed: &Typed, seed: u64) -> (Session, Outcome) {
    let path = session_file(dir);
    let loaded = storage::load_session(&path, &Bank::builtin()).unwrap_or_else(|e| {
        panic!("seed {seed}: the file does not load after a kill: {e}");
    });
    // The previous version, there once the file was saved a second time.
    if let Ok(backup) = std::fs::read(storage::backup_path(&path)) {
        Session::parse(&backup)
            .unwrap_or_else(|e| panic!("seed {seed}: the backup does not parse after a kill: {e}"));
    }
    let notes = first_notes(&loaded.session);
    let all: String = typed.keys.iter().map(|(c, _)| c).collect();
    let added = notes.strip_prefix(base).unwrap_or_else(|| {
        panic!("seed {seed}: text from before this run was lost: {base:?} -> {notes:?}")
    });
    assert!(
        all.starts_with(added),
        "seed {seed}: the file holds text that was not typed: {added:?}, typed {all:?}"
    );
    let kept = added.chars().count();
    let lost_age = typed.keys.get(kept).map(|&(_, at)| typed.killed_at - at);
    if let Some(age) = lost_age {
        assert!(
            age <= ALLOWED_LOSS,
            "seed {seed}: text typed {age:?} before the kill was lost \
             (kept {kept} of {} characters: {added:?} of {all:?})",
            typed.keys.len()
        );
    }
    let outcome = Outcome {
        typed: typed.keys.len(),
        kept,
        lost_age,
        finished_by_restart: std::fs::read(&path).unwrap() != typed.file_at_kill,
    };
    (loaded.session, outcome)
}

/// The recovery notice as the interview shows it for a file saved at `s.updated_at`.
fn recovery_notice(s: &Session) -> String {
    format!(
        "Gjenopprettet etter uventet avslutning. Sist lagret {}.",
        s.updated_at.format("%d.%m.%Y %H:%M:%S")
    )
}

/// Starts a new interview in `dir`, then kills and resumes it `kills` times;
/// the last start checks the last recovery and quits cleanly.
fn kill_and_resume(dir: &Path, kills: usize, seed: u64) -> Vec<Outcome> {
    let mut rng = Rng(seed);
    let mut outcomes = Vec::new();
    let mut base = String::new();
    let mut t = start(dir, &NEW);
    let id = load(dir).id;
    loop {
        let typed = type_and_kill(&mut t, dir, &mut rng, seed);
        t = start(dir, &["interview", "--resume", &id]);
        t.wait_for("Gjenopprettet etter uventet avslutning.");
        let (s, outcome) = check_after_restart(dir, &base, &typed, seed);
        outcomes.push(outcome);
        base = first_notes(&s);
        t.wait_for(&recovery_notice(&s));
        if outcomes.len() == kills {
            break;
        }
    }
    t.send("\x11");
    let status = t.wait_exit().expect("Ctrl-Q ends the program");
    assert!(status.success(), "seed {seed}: {status:?}");
    let path = session_file(dir);
    assert!(!storage::open_marker_path(&path).exists(), "a clean exit");
    let last = storage::load_session(&path, &Bank::builtin()).unwrap();
    assert_eq!(first_notes(&last.session), base, "seed {seed}");
    outcomes
}

#[test]
fn fifty_kills_at_random_moments_lose_at_most_the_last_second() {
    let seed = std::env::var("KOMPASS_CRASH_SEED")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| {
            std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .unwrap()
                .as_nanos() as u64
        });
    println!("crash_random seed {seed} (replay with KOMPASS_CRASH_SEED={seed})");
    let started = Instant::now();
    // Two interviews side by side (the kills wait more than they work), each
    // with its own seed derived from the one printed.
    let outcomes: Vec<Outcome> = std::thread::scope(|scope| {
        let chains: Vec<_> = (0..CHAINS as u64)
            .map(|chain| {
                scope.spawn(move || {
                    let dir = tempfile::tempdir().unwrap();
                    kill_and_resume(dir.path(), KILLS / CHAINS, seed.wrapping_add(chain))
                })
            })
            .collect();
        chains
            .into_iter()
            .flat_map(|c| c.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    });
    assert_eq!(outcomes.len(), KILLS);

    let typed: usize = outcomes.iter().map(|o| o.typed).sum();
    let kept: usize = outcomes.iter().map(|o| o.kept).sum();
    let lossy = outcomes.iter().filter(|o| o.lost_age.is_some()).count();
    let max_age = outcomes.iter().filter_map(|o| o.lost_age).max();
    let finished = outcomes.iter().filter(|o| o.finished_by_restart).count();
    println!(
        "{KILLS} kills in {:.1} s: 0 files unreadable, {typed} characters typed, {kept} kept; \
         {lossy} kills lost the end of a burst, the oldest lost character was typed {} before its kill; \
         {finished} saves interrupted by a kill were finished by the restart",
        started.elapsed().as_secs_f64(),
        max_age.map_or("–".into(), |d| format!("{:.2} s", d.as_secs_f64())),
    );
}
