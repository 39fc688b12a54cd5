//! Writes the starting corpus of every target into `fuzz/corpus/<target>/`:
//! the shipped sample sessions and bank, a tiny bank that passes every rule,
//! an assessment built from the sample sessions, and bundle plaintexts.
//!
//! Run from `fuzz/`: `cargo run --bin make_seeds`.

use std::fs;
use std::path::Path;

use kompass::core::assessment::{Assessment, SourceSession};
use kompass::core::bank::{BUILTIN, sha256_hex};
use kompass::core::bundle;
use kompass::core::session::Session;

const TINY_BANK: &str = r#"{"format": "kompass.bank", "format_version": 1, "id": "t", "version": "1",
 "languages": ["nb"], "scale": {"min": 0, "max": 2},
 "dimensions": [
  {"id": "system", "label": {"nb": "S"}, "levels": [{"value": 0, "text": {"nb": "a"}}, {"value": 1, "text": {"nb": "b"}}, {"value": 2, "text": {"nb": "c"}}]},
  {"id": "extent", "label": {"nb": "E"}, "levels": [{"value": 0, "text": {"nb": "a"}}, {"value": 1, "text": {"nb": "b"}}, {"value": 2, "text": {"nb": "c"}}]},
  {"id": "results", "label": {"nb": "R"}, "levels": [{"value": 0, "text": {"nb": "a"}}, {"value": 1, "text": {"nb": "b"}}, {"value": 2, "text": {"nb": "c"}}]}],
 "roles": [{"id": "mayor", "label": {"nb": "Ordfører"}}],
 "areas": [{"id": "1", "perspective": "A", "title": {"nb": "Område"}, "max_points": 100,
   "subareas": [{"id": "1.1", "title": {"nb": "Del"}, "max_points": 100,
     "questions": [{"id": "1.1.1", "text": {"nb": "Hvordan?"}, "roles": ["mayor"], "weight": 1.5},
                   {"id": "1.1.2", "text": {"nb": "Hvorfor?"}, "probes": [{"nb": "Mer?"}], "roles": ["mayor"]}]}]}]}
"#;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let corpus = root.join("corpus");
    let write = |target: &str, name: &str, bytes: &[u8]| {
        let dir = corpus.join(target);
        fs::create_dir_all(&dir).unwrap();
        fs::write(dir.join(name), bytes).unwrap();
    };
    write("bank", "kommunekompasset.json", BUILTIN);
    write("bank", "tiny.json", TINY_BANK.as_bytes());

    let bank = kompass::core::bank::Bank::builtin();
    let mut files: Vec<_> = fs::read_dir(root.join("../sessions/eksempelvik"))
        .unwrap()
        .map(|e| e.unwrap().path())
        .collect();
    files.sort();
    let mut sources = Vec::new();
    for path in &files {
        let bytes = fs::read(path).unwrap();
        write(
            "session",
            &path.file_name().unwrap().to_string_lossy(),
            &bytes,
        );
        sources.push(SourceSession {
            session: Session::parse(&bytes).unwrap(),
            sha256: sha256_hex(&bytes),
            path: path.display().to_string(),
            file: path.clone(),
        });
    }
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T12:00:00+01:00").unwrap();
    write(
        "assessment",
        "eksempelvik-all.json",
        &Assessment::build(&bank, &sources, now).to_json(),
    );
    write(
        "assessment",
        "eksempelvik-two.json",
        &Assessment::build(&bank, &sources[..2], now).to_json(),
    );
    let entries: Vec<bundle::Entry> = sources
        .iter()
        .take(3)
        .map(|s| bundle::Entry {
            path: format!("eksempelvik/{}.json", s.session.id),
            bytes: fs::read(&s.file).unwrap(),
        })
        .collect();
    write("bundle", "three-sessions", &bundle::pack(&entries, now));
    write("bundle", "empty", &bundle::pack(&[], now));
    println!("seeds written to {}", corpus.display());
}
