//! The core's cost per interview and per municipality (issue 7, "Scale"):
//! parsing and loading a session, scoring it, the default merge of a
//! municipality's 20 interviews, and building its assessment; building it
//! and showing one question to the reviewer at 200 and 2,000 interviews.
//!
//!     cargo bench --bench scale
//!
//! Whole-command timings over 2,000 files are in `docs/performance.md`
//! (hyperfine against `kompass score`).

// Each bench uses part of the shared generator (the full interview is the tui bench's).
#[allow(dead_code)]
mod support;

use std::hint::black_box;

use chrono::DateTime;
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

use kompass::core::assessment::{Assessment, SourceSession};
use kompass::core::bank::{Bank, sha256_hex};
use kompass::core::merge;
use kompass::core::review::question;
use kompass::core::scoring;
use kompass::core::session::Session;
use kompass::storage;

fn spec(note_bytes: usize) -> support::Spec {
    support::Spec {
        municipalities: 1,
        per_municipality: 20,
        note_bytes,
        seed: 7,
    }
}

fn municipality(bank: &Bank, note_bytes: usize) -> Vec<Session> {
    support::sessions(bank, &spec(note_bytes)).collect()
}

fn per_session(c: &mut Criterion) {
    let bank = Bank::builtin();
    let mut group = c.benchmark_group("session");
    // Three note sizes: parsing must grow linearly with the bytes.
    for note_bytes in [250, 1000, 4000] {
        let session = support::session(&bank, &spec(note_bytes), 0, 0);
        let bytes = session.to_json();
        group.throughput(Throughput::Bytes(bytes.len() as u64));
        group.bench_with_input(BenchmarkId::new("parse", note_bytes), &bytes, |b, bytes| {
            b.iter(|| Session::parse(bytes).expect("generated sessions parse"))
        });
        group.bench_with_input(
            BenchmarkId::new("sha256", note_bytes),
            &bytes,
            |b, bytes| b.iter(|| sha256_hex(bytes)),
        );
        let dir = tempfile::tempdir().expect("a temporary directory");
        let path = storage::save_session(dir.path(), &session).expect("saved");
        group.bench_with_input(BenchmarkId::new("load", note_bytes), &path, |b, path| {
            b.iter(|| storage::load_session(path, &bank).expect("loads"))
        });
    }
    group.finish();

    let session = support::session(&bank, &spec(1000), 0, 0);
    c.bench_function("score_session", |b| {
        b.iter(|| scoring::score_session(&bank, black_box(&session)))
    });
}

/// Sessions as read from files, with the hash an assessment records.
fn sources(sessions: &[Session]) -> Vec<SourceSession> {
    sessions
        .iter()
        .map(|session| SourceSession {
            session: session.clone(),
            sha256: sha256_hex(&session.to_json()),
            path: format!("{}.json", session.id),
            file: format!("/data/{}.json", session.id).into(),
        })
        .collect()
}

fn now() -> DateTime<chrono::FixedOffset> {
    DateTime::parse_from_rfc3339("2026-12-01T12:00:00+01:00").expect("a date")
}

fn per_municipality(c: &mut Criterion) {
    let bank = Bank::builtin();
    let sessions = municipality(&bank, 1000);
    let refs: Vec<&Session> = sessions.iter().collect();
    c.bench_function("default_merge_20", |b| {
        b.iter(|| merge::default_merge(&bank, black_box(&refs)))
    });
    let sources = sources(&sessions);
    c.bench_function("build_assessment_20", |b| {
        b.iter(|| Assessment::build(&bank, black_box(&sources), now()))
    });
}

/// Building the assessment and the reviewer's view of one question at 200
/// and 2,000 interviews of one municipality: both must grow no worse than
/// linearly (a search per interview made the question view grow with the
/// square).
fn at_scale(c: &mut Criterion) {
    let bank = Bank::builtin();
    let mut group = c.benchmark_group("interviews");
    group.sample_size(10);
    for n in [200, 2000] {
        let spec = support::Spec {
            per_municipality: n,
            ..spec(250)
        };
        let sources = sources(&support::sessions(&bank, &spec).collect::<Vec<_>>());
        group.bench_with_input(BenchmarkId::new("build_assessment", n), &sources, |b, s| {
            b.iter(|| Assessment::build(&bank, s, now()))
        });
        let assessment = Assessment::build(&bank, &sources, now());
        group.bench_with_input(BenchmarkId::new("question_view", n), &sources, |b, s| {
            b.iter(|| question::view(&assessment, s, "1.1.1").expect("a question of the bank"))
        });
    }
    group.finish();
}

criterion_group!(benches, per_session, per_municipality, at_scale);
criterion_main!(benches);
