//! Writes benchmark data: realistic, deterministic (seeded) session files.
//!
//!     cargo run --release --example gen_sessions -- OUT --municipalities 100 --per 20
//!     cargo run --release --example gen_sessions -- OUT --interview
//!
//! Files land where Kompass keeps them: `OUT/<municipality-slug>/<id>.json`.
//! `--interview` writes the single interview-screen session of issue 7 (all
//! questions answered, 200 KB of notes, the current note 20 KB) and prints its id.

#[path = "../benches/support/mod.rs"]
mod support;

use std::path::PathBuf;

use clap::Parser;
use kompass::core::bank::Bank;
use kompass::core::session::Session;
use kompass::storage;

#[derive(Parser)]
struct Args {
    /// Directory to write into (created when missing)
    out: PathBuf,
    #[arg(long, default_value_t = 100)]
    municipalities: usize,
    /// Interviews per municipality
    #[arg(long, default_value_t = 20)]
    per: usize,
    /// Mean bytes of notes per question
    #[arg(long, default_value_t = 1000)]
    note_bytes: usize,
    #[arg(long, default_value_t = 2026)]
    seed: u64,
    /// Write only the interview-screen session instead
    #[arg(long)]
    interview: bool,
}

fn write(out: &std::path::Path, s: &Session) -> std::io::Result<()> {
    let path = storage::session_path(out, &s.municipality, &s.id);
    std::fs::create_dir_all(path.parent().expect("a session path has a directory"))?;
    // Plain writes: benchmark data needs no fsync, and 2,000 fsyncs would dominate.
    std::fs::write(path, s.to_json())
}

fn main() -> std::io::Result<()> {
    let args = Args::parse();
    let bank = Bank::builtin();
    if args.interview {
        let s = support::full_interview(&bank, 200 * 1024, 20 * 1024);
        write(&args.out, &s)?;
        println!("{}", s.id);
        return Ok(());
    }
    let spec = support::Spec {
        municipalities: args.municipalities,
        per_municipality: args.per,
        note_bytes: args.note_bytes,
        seed: args.seed,
    };
    let (mut files, mut bytes) = (0usize, 0usize);
    for s in support::sessions(&bank, &spec) {
        write(&args.out, &s)?;
        files += 1;
        bytes += s.to_json().len();
    }
    eprintln!(
        "{files} sessions, {:.1} MB, in {}",
        bytes as f64 / 1e6,
        args.out.display()
    );
    Ok(())
}
