//! Handover encryption through the real binary: `keygen`, `export --to`,
//! `import --identity`. Interviews arrive byte for byte, only for the key
//! they were sent to, never over a newer local copy, never when altered.

mod common;

use std::fs;
use std::path::{Path, PathBuf};

use common::{Run, Snapshot, is_private, kompass, run, session};
use kompass::core::bank::Bank;
use kompass::core::session::Session;
use kompass::storage;

/// A reviewer's key: (key file, public key).
fn keygen(dir: &Path, name: &str) -> (PathBuf, String) {
    let key = dir.join(name);
    let out = run(kompass(dir).args(["keygen", "-o"]).arg(&key));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let public = out
        .stdout
        .lines()
        .find(|l| l.starts_with("age1"))
        .unwrap_or_else(|| panic!("no public key in:\n{}", out.stdout))
        .to_owned();
    (key, public)
}

/// Two interviews saved in the interviewer's data directory.
fn interviewer(dir: &Path) -> Vec<PathBuf> {
    let bank = Bank::builtin();
    let a = session(
        &bank,
        "01JDXAAAAAAAAAAAAAAAAAAAAA",
        "Eksempelvik",
        "mayor",
        3,
    );
    let b = session(
        &bank,
        "01JDXBBBBBBBBBBBBBBBBBBBBB",
        "Nabovik",
        "union_rep",
        2,
    );
    [a, b]
        .iter()
        .map(|s| storage::save_session(dir, s).unwrap())
        .collect()
}

fn export(dir: &Path, public: &str, sessions: &[PathBuf], bundle: &Path) -> Run {
    run(kompass(dir)
        .args(["--lang", "en", "export", "--to", public])
        .args(sessions)
        .arg("-o")
        .arg(bundle))
}

fn import(data: &Path, bundle: &Path, key: &Path) -> Run {
    run(kompass(data)
        .args(["--lang", "en", "import"])
        .arg(bundle)
        .arg("--identity")
        .arg(key))
}

struct World {
    _tmp: tempfile::TempDir,
    root: PathBuf,
    /// The interviewer's data directory and session files.
    laptop: PathBuf,
    sessions: Vec<PathBuf>,
    /// The reviewer's data directory, key file and public key.
    review: PathBuf,
    key: PathBuf,
    public: String,
    bundle: PathBuf,
}

fn world() -> World {
    let tmp = tempfile::tempdir().unwrap();
    let root = tmp.path().to_owned();
    let laptop = root.join("laptop");
    let review = root.join("review");
    fs::create_dir_all(&review).unwrap();
    let sessions = interviewer(&laptop);
    let (key, public) = keygen(&review, "key.txt");
    let bundle = root.join("usb").join("handover.age");
    let out = export(&laptop, &public, &sessions, &bundle);
    assert_eq!(out.code, 0, "{}", out.stderr);
    World {
        _tmp: tmp,
        root,
        laptop,
        sessions,
        review,
        key,
        public,
        bundle,
    }
}

fn relative(w: &World, session: &Path) -> PathBuf {
    session.strip_prefix(&w.laptop).unwrap().to_owned()
}

#[test]
fn round_trip_arrives_byte_for_byte_and_private() {
    let w = world();
    let out = import(&w.review, &w.bundle, &w.key);
    assert_eq!(out.code, 0, "{}", out.stderr);
    for s in &w.sessions {
        let rel = relative(&w, s);
        let arrived = w.review.join(&rel);
        assert_eq!(fs::read(&arrived).unwrap(), fs::read(s).unwrap());
        assert!(
            out.stdout.contains(&format!("{}: imported", rel.display())),
            "{}",
            out.stdout
        );
        assert!(is_private(&arrived), "{}", arrived.display());
        assert!(is_private(arrived.parent().unwrap()));
    }
    assert!(is_private(&w.key));
    assert!(is_private(&w.bundle));
    // The bundle is not readable as text: no note, name or municipality in it.
    let cipher = fs::read(&w.bundle).unwrap();
    for needle in ["Eksempelvik", "Notat til", "Person 01JDX"] {
        assert!(
            !cipher.windows(needle.len()).any(|x| x == needle.as_bytes()),
            "{needle} is readable in the bundle"
        );
    }
    // A second import finds everything already there and changes nothing.
    let before = Snapshot::take(&w.review);
    let again = import(&w.review, &w.bundle, &w.key);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert_eq!(again.stdout.matches(": already present").count(), 2);
    assert_eq!(Snapshot::take(&w.review), before);
}

#[test]
fn another_key_cannot_open_it_and_nothing_is_written() {
    let w = world();
    let (other_key, other_public) = keygen(&w.root, "other.txt");
    let before = Snapshot::take(&w.review);
    let out = import(&w.review, &w.bundle, &other_key);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr
            .contains("this bundle cannot be opened with your key")
            && out.stderr.contains(&other_public),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains("AGE-SECRET-KEY"), "{}", out.stderr);
    assert_eq!(Snapshot::take(&w.review), before);
}

#[test]
fn a_tampered_bundle_is_refused_whole() {
    let w = world();
    let good = fs::read(&w.bundle).unwrap();
    let before = Snapshot::take(&w.review);
    let tampered = w.root.join("tampered.age");
    // A flipped bit every few bytes of the header (whatever it hits: the
    // version line, a recipient stanza, the MAC), in the middle of the
    // payload and in its last byte; and a cut-off file.
    let header_end = good.windows(4).position(|x| x == b"\n---").unwrap();
    let mut cases = Vec::new();
    // (A flip in the first line, `age-encryption.org/v1`, makes it no age
    // file at all: refused as "not an encrypted Kompass bundle", below.)
    let header = (b"age-encryption.org/v1\n".len()..header_end + 8).step_by(6);
    for at in header.chain([good.len() / 2, good.len() - 1]) {
        let mut bytes = good.clone();
        bytes[at] ^= 0x01;
        cases.push(bytes);
    }
    cases.push(good[..good.len() - 100].to_vec());
    for bytes in cases {
        fs::write(&tampered, &bytes).unwrap();
        let out = import(&w.review, &tampered, &w.key);
        assert_eq!(out.code, 1, "{}", out.stdout);
        assert!(
            out.stderr.starts_with(&format!("{}: ", tampered.display()))
                && out.stderr.contains("damaged"),
            "{}",
            out.stderr
        );
        assert_eq!(Snapshot::take(&w.review), before);
    }
    let out = import(&w.review, &w.sessions[0], &w.key);
    assert!(
        out.stderr.contains("not an encrypted Kompass bundle"),
        "{}",
        out.stderr
    );
}

#[test]
fn a_content_hash_mismatch_names_the_file_and_imports_nothing() {
    // Only a sender with the public key can make such a bundle; it is made
    // here with the library so the manifest can lie about one file.
    let w = world();
    let bank = Bank::builtin();
    let s = session(
        &bank,
        "01JDXCCCCCCCCCCCCCCCCCCCCC",
        "Eksempelvik",
        "mayor",
        1,
    );
    let t = session(
        &bank,
        "01JDXDDDDDDDDDDDDDDDDDDDDD",
        "Eksempelvik",
        "mayor",
        2,
    );
    let entries: Vec<kompass::core::bundle::Entry> = [&s, &t]
        .iter()
        .map(|x| kompass::core::bundle::Entry {
            path: format!("eksempelvik/{}.json", x.id),
            bytes: x.to_json(),
        })
        .collect();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T12:00:00+01:00").unwrap();
    let mut plain = kompass::core::bundle::pack(&entries, now);
    // Change a score in the second file after the manifest was written.
    let text = String::from_utf8(plain.clone()).unwrap();
    let at = text.rfind("\"system\": 2").unwrap() + "\"system\": ".len();
    plain[at] = b'4';
    let recipient: age::x25519::Recipient = w.public.parse().unwrap();
    let lying = w.root.join("lying.age");
    storage::handover::write_bundle(&lying, &[recipient], &plain).unwrap();
    let before = Snapshot::take(&w.review);
    let out = import(&w.review, &lying, &w.key);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!(
            "files[1] (eksempelvik/{}.json): its contents do not match the sha256",
            t.id
        )),
        "{}",
        out.stderr
    );
    assert_eq!(Snapshot::take(&w.review), before);
}

#[test]
fn an_invalid_session_in_the_bundle_refuses_the_whole_import() {
    let w = world();
    let bank = Bank::builtin();
    let mut bad = session(
        &bank,
        "01JDXEEEEEEEEEEEEEEEEEEEEE",
        "Eksempelvik",
        "mayor",
        1,
    );
    bad.answers.insert("9.9.9".into(), Default::default());
    let dir = w.root.join("bad");
    let path = storage::save_session(&dir, &bad).unwrap();
    // export checks what it packs, so the bad one cannot even leave.
    let out = export(&dir, &w.public, &[path], &w.root.join("bad.age"));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("question 9.9.9: is not in the bank"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("No bundle was written."),
        "{}",
        out.stderr
    );
    assert!(!w.root.join("bad.age").exists());
}

/// The reviewer's copy of the first session, edited and saved with the
/// given `updated_at` offset (minutes) from the bundle's.
fn local_edit(w: &World, minutes: i64, interviewer: &str) -> (PathBuf, Session) {
    let rel = relative(w, &w.sessions[0]);
    let mut s = Session::parse(&fs::read(&w.sessions[0]).unwrap()).unwrap();
    s.updated_at += chrono::Duration::minutes(minutes);
    s.interviewer = interviewer.into();
    let path = w.review.join(&rel);
    storage::write_atomic(&path, &s.to_json()).unwrap();
    (path, s)
}

#[test]
fn a_newer_or_equally_old_local_copy_is_kept() {
    let w = world();
    for (minutes, says) in [
        (5, "kept the local copy: it is newer"),
        (
            0,
            "kept the local copy: same updated_at but different contents",
        ),
    ] {
        let (path, _) = local_edit(&w, minutes, "Reviewer's edit");
        let before = fs::read(&path).unwrap();
        let out = import(&w.review, &w.bundle, &w.key);
        assert_eq!(out.code, 0, "{}", out.stderr);
        assert!(out.stdout.contains(says), "{}", out.stdout);
        assert_eq!(fs::read(&path).unwrap(), before);
    }
}

#[test]
fn an_older_local_copy_is_replaced_and_kept_as_bak() {
    let w = world();
    let (path, _) = local_edit(&w, -60, "Older draft");
    let old = fs::read(&path).unwrap();
    let out = import(&w.review, &w.bundle, &w.key);
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert!(
        out.stdout.contains("replaced an older local copy, kept as"),
        "{}",
        out.stdout
    );
    assert_eq!(fs::read(&path).unwrap(), fs::read(&w.sessions[0]).unwrap());
    assert_eq!(fs::read(storage::backup_path(&path)).unwrap(), old);
}

#[test]
fn a_session_open_for_editing_is_not_replaced() {
    let w = world();
    let (path, _) = local_edit(&w, -60, "Open in the interview screen");
    let before = fs::read(&path).unwrap();
    let lock = storage::SessionLock::acquire(&path).unwrap().unwrap();
    let out = import(&w.review, &w.bundle, &w.key);
    drop(lock);
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains(&format!(
            "is open for editing by process {}",
            std::process::id()
        )),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read(&path).unwrap(), before);
    // The other session still arrived.
    assert!(out.stdout.contains(": imported"), "{}", out.stdout);
}

#[test]
fn keygen_never_overwrites_a_key_and_export_never_echoes_one() {
    let w = world();
    let before = fs::read(&w.key).unwrap();
    let out = run(kompass(&w.review)
        .args(["--lang", "en", "keygen", "-o"])
        .arg(&w.key));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("never overwrites a key file"),
        "{}",
        out.stderr
    );
    assert_eq!(fs::read(&w.key).unwrap(), before);

    let secret = String::from_utf8(before)
        .unwrap()
        .lines()
        .find(|l| l.starts_with("AGE-SECRET-KEY-"))
        .unwrap()
        .to_owned();
    let out = export(&w.laptop, &secret, &w.sessions, &w.root.join("x.age"));
    assert_eq!(out.code, 1);
    assert!(
        out.stderr.contains("this is a secret key"),
        "{}",
        out.stderr
    );
    assert!(!out.stderr.contains(&secret[15..]), "{}", out.stderr);
    let out = export(
        &w.laptop,
        "age1nonsense",
        &w.sessions,
        &w.root.join("x.age"),
    );
    assert!(
        out.stderr.contains("is not an age public key"),
        "{}",
        out.stderr
    );
}

#[test]
fn keygen_and_import_default_to_the_data_directory() {
    let w = world();
    let data = w.root.join("default");
    let out = run(kompass(&data).arg("keygen"));
    assert_eq!(out.code, 0, "{}", out.stderr);
    let key = data.join("keys").join("kompass-key.txt");
    assert!(is_private(&key));
    assert!(is_private(key.parent().unwrap()));
    let public = out.stdout.lines().find(|l| l.starts_with("age1")).unwrap();
    let bundle = w.root.join("default.age");
    assert_eq!(export(&w.laptop, public, &w.sessions, &bundle).code, 0);
    let elsewhere = run(kompass(&w.root.join("nokey"))
        .args(["--lang", "en", "import"])
        .arg(&bundle));
    assert_eq!(elsewhere.code, 1);
    assert!(
        elsewhere
            .stderr
            .contains("kompass-key.txt: no key here; make one with `kompass keygen`"),
        "{}",
        elsewhere.stderr
    );
    let out = run(kompass(&data).args(["--lang", "en", "import"]).arg(&bundle));
    assert_eq!(out.code, 0, "{}", out.stderr);
    assert_eq!(out.stdout.matches(": imported").count(), 2);
}
