//! Saving the interview (issue 7, "Save"): persisting the session
//! (75 questions answered, 200 KB of notes) durably with
//! `storage::write_atomic`, against the floor this disk sets: the same
//! bytes written to a new file, fsynced, renamed, the directory fsynced,
//! with plain `std::fs` calls and nothing else.
//!
//! The same save in a protected data directory (issue 17) adds the
//! encryption to the directory's public key (age, x25519 + ChaCha20-Poly1305).
//!
//!     cargo bench --bench save            # 300 saves each
//!     cargo bench --bench save -- 1000    # another count
//!
//! Writes in a temporary directory under $CARGO_TARGET_DIR (else ./target)
//! rather than /tmp, which may be a RAM disk where fsync costs nothing.

#[allow(dead_code)]
mod support;

use std::fs::{self, File};
use std::io::Write;
use std::path::Path;
use std::time::{Duration, Instant};

use kompass::core::bank::Bank;
use kompass::storage;

fn report(name: &str, mut times: Vec<Duration>) {
    times.sort();
    let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize];
    println!(
        "{name}: n={} p50 {:.2} ms, p90 {:.2} ms, p99 {:.2} ms, max {:.2} ms",
        times.len(),
        at(0.5).as_secs_f64() * 1e3,
        at(0.9).as_secs_f64() * 1e3,
        at(0.99).as_secs_f64() * 1e3,
        times[times.len() - 1].as_secs_f64() * 1e3
    );
}

fn timed(count: usize, mut f: impl FnMut()) -> Vec<Duration> {
    (0..count)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect()
}

fn floor(dir: &Path, bytes: &[u8]) {
    let tmp = dir.join("floor.tmp");
    let mut f = File::create(&tmp).expect("created");
    f.write_all(bytes).expect("written");
    f.sync_all().expect("synced");
    fs::rename(&tmp, dir.join("floor.json")).expect("renamed");
    File::open(dir)
        .and_then(|d| d.sync_all())
        .expect("dir synced");
}

fn main() {
    let count: usize = std::env::args()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(300);
    let bank = Bank::builtin();
    let session = support::full_interview(&bank, 200_000, 20_000);
    let bytes = session.to_json();
    let target = std::env::var_os("CARGO_TARGET_DIR").unwrap_or_else(|| "target".into());
    let dir = tempfile::tempdir_in(&target).expect("a temporary directory");
    let path = storage::session_path(dir.path(), &session.municipality, &session.id);
    println!("session file {} KB", bytes.len() / 1000);
    report(
        "serialize (Session::to_json, saver thread)",
        timed(count, || drop(session.to_json())),
    );
    report(
        "storage::write_atomic (durable, keeps .bak)",
        timed(count, || {
            storage::write_atomic(&path, &bytes).expect("saved");
        }),
    );
    let protected = tempfile::tempdir_in(&target).expect("a temporary directory");
    // Protecting calibrates the passphrase's work to about a second, once.
    storage::vault::protect(
        protected.path(),
        &age::secrecy::SecretString::from("benchmark passphrase".to_owned()),
    )
    .expect("protected");
    let secret = storage::session_path(protected.path(), &session.municipality, &session.id);
    report(
        "storage::write_atomic in a protected directory (encrypted, durable, keeps .bak)",
        timed(count, || {
            storage::write_atomic(&secret, &bytes).expect("saved");
        }),
    );
    assert!(storage::vault::is_encrypted(
        &fs::read(&secret).expect("read")
    ));
    report(
        "disk floor (write, fsync, rename, fsync dir)",
        timed(count, || floor(dir.path(), &bytes)),
    );
}
