//! Suggested groups of findings (issue 18): the time `suggest` takes for an
//! assessment of 1,000 findings (target < 1 s), and the memory it uses at
//! several sizes (target: growing linearly).
//!
//!     cargo bench --bench suggest
//!
//! The findings are the hand-labelled ones of tests/fixtures (realistic
//! Norwegian findings in 22 area-and-kind cells), each written again with a
//! qualifier the way another interviewer would ("Høyt sykefravær i helse og
//! omsorg i skolene", "..., ifølge tillitsvalgte"), seeded, so every run sees
//! the same text. Memory is counted by a global allocator: the most bytes
//! held at once while `suggest` runs, above what was held before it.
//! "One cell" puts every finding in one area and kind: the worst case, as
//! the clustering's time grows with the square of a cell's size.

#[path = "../tests/common/labelled.rs"]
#[allow(dead_code)]
mod labelled;
#[path = "../tests/common/rng.rs"]
mod rng;

use std::alloc::{GlobalAlloc, Layout, System};
use std::hint::black_box;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::Instant;

use criterion::{BenchmarkId, Criterion};
use kompass::core::assessment::{Assessment, CuratedFinding, FindingSource};
use kompass::core::bank::Bank;
use kompass::core::review::suggest;
use kompass::core::session::FindingKind;

struct Counting;

static HELD: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let held = HELD.fetch_add(layout.size(), Ordering::Relaxed) + layout.size();
        PEAK.fetch_max(held, Ordering::Relaxed);
        unsafe { System.alloc(layout) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        HELD.fetch_sub(layout.size(), Ordering::Relaxed);
        unsafe { System.dealloc(ptr, layout) }
    }
}

#[global_allocator]
static ALLOCATOR: Counting = Counting;

const QUALIFIERS: [&str; 16] = [
    "",
    "i skolene",
    "i barnehagene",
    "i helse og omsorg",
    "ifølge tillitsvalgte",
    "sier kommunedirektøren",
    "i flere enheter",
    "i teknisk sektor",
    "særlig i hjemmetjenesten",
    "etter omorganiseringen",
    "de siste årene",
    "ifølge ordføreren",
    "i oppvekst",
    "på rådhuset",
    "blant lederne",
    "i NAV",
];

/// An assessment of `n` uncurated findings, or all in area 7's challenges.
fn assessment(bank: &Bank, n: usize, one_cell: bool) -> Assessment {
    let rows = labelled::load();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
    let mut a = Assessment::empty(bank, "Eksempelvik", now);
    let mut rng = rng::Rng(18);
    for i in 0..n {
        let row = &rows[rng.below(rows.len() as u64) as usize];
        let qualifier = QUALIFIERS[rng.below(QUALIFIERS.len() as u64) as usize];
        let text = format!("{} {qualifier}", row.text).trim().to_owned();
        let (area, kind) = if one_cell {
            ("7".to_owned(), FindingKind::Challenge)
        } else {
            let (area, kind) = row.cell.split_once('/').unwrap();
            let kind = FindingKind::ALL
                .into_iter()
                .find(|k| k.id() == kind)
                .unwrap();
            (area.to_owned(), kind)
        };
        a.findings.get_mut(&area).unwrap().push(CuratedFinding {
            kind,
            text: text.clone(),
            best_practice: false,
            sources: vec![FindingSource {
                session: format!("S{}", i % 16),
                question: format!("{area}.1.1"),
                text,
                kind,
            }],
            own: false,
            dropped_from: None,
        });
    }
    a
}

/// Time and the most bytes held above the start, for one call.
fn measure(bank: &Bank, a: &Assessment) -> (f64, usize, usize) {
    let before = HELD.load(Ordering::Relaxed);
    PEAK.store(before, Ordering::Relaxed);
    let t = Instant::now();
    let s = black_box(suggest::suggest(bank, a, None));
    let ms = t.elapsed().as_secs_f64() * 1e3;
    let peak = PEAK.load(Ordering::Relaxed) - before;
    (ms, peak, s.groups.len())
}

fn memory_table(bank: &Bank) {
    println!("findings  layout     time ms  peak bytes  bytes/finding  groups");
    for one_cell in [false, true] {
        for n in [250, 500, 1_000, 2_000, 4_000] {
            let a = assessment(bank, n, one_cell);
            let (ms, peak, groups) = measure(bank, &a);
            println!(
                "{n:>8}  {:<9} {ms:>8.1}  {peak:>10}  {:>13}  {groups:>6}",
                if one_cell { "one cell" } else { "own cells" },
                peak / n
            );
        }
    }
}

fn main() {
    let bank = Bank::builtin();
    memory_table(&bank);
    let mut c = Criterion::default().sample_size(10).configure_from_args();
    let mut group = c.benchmark_group("suggest");
    for (n, one_cell) in [(1_000, false), (1_000, true)] {
        let a = assessment(&bank, n, one_cell);
        let label = if one_cell { "one cell" } else { "own cells" };
        group.bench_with_input(BenchmarkId::new(label, n), &a, |b, a| {
            b.iter(|| suggest::suggest(&bank, black_box(a), None))
        });
    }
    group.finish();
    c.final_summary();
}
