//! The interview screen in criterion (issue 7, "Keystroke to frame"): one
//! typed character handled and the screen drawn at 120x40, on a session
//! with all 75 questions answered, 200 KB of notes, the current note 20 KB;
//! also the key alone and a frame alone, to show where the time goes.
//!
//!     cargo bench --bench interview
//!
//! Criterion gives mean and median; the 99th percentile and the bytes sent
//! to the terminal per keystroke come from `cargo bench --bench interview_keystroke`.

#[allow(dead_code)]
mod support;

use std::time::Instant;

use criterion::{Criterion, criterion_group, criterion_main};
use ratatui::Terminal;
use ratatui::backend::TestBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};

use kompass::core::bank::Bank;
use kompass::core::lang::Lang;
use kompass::tui::screens::interview::view::{self, ViewCache};
use kompass::tui::screens::interview::{Interview, Msg};
use kompass::tui::surface::Surface;

fn keystroke(c: &mut Criterion) {
    let bank = Bank::builtin();
    let session = support::full_interview(&bank, 200_000, 20_000);
    let mut screen = Interview::new(
        &bank,
        Lang::Nb,
        session,
        "bench.json".into(),
        false,
        Instant::now(),
    );
    let terminal = Terminal::new(TestBackend::new(120, 40)).expect("a test terminal");
    let mut term = Surface::new(terminal, false);
    let mut cache = ViewCache::default();
    view::draw_on(&mut term, &screen, &mut cache).expect("drawn");
    // Typing and correcting in turn keeps the note at 20 KB however many
    // iterations criterion runs; each iteration is one key and one frame.
    let keys = [
        KeyEvent::from(KeyCode::Char('å')),
        KeyEvent::from(KeyCode::Backspace),
    ];
    let mut n = 0usize;
    c.bench_function("interview/key_and_frame_120x40", |b| {
        b.iter(|| {
            n += 1;
            screen.update(Msg::Key(keys[n % 2]), Instant::now());
            view::draw_on(&mut term, &screen, &mut cache).expect("drawn");
        })
    });
    c.bench_function("interview/key_only", |b| {
        b.iter(|| {
            n += 1;
            screen.update(Msg::Key(keys[n % 2]), Instant::now())
        })
    });
    c.bench_function("interview/frame_only_120x40", |b| {
        b.iter(|| {
            view::draw_on(&mut term, &screen, &mut cache).expect("drawn");
        })
    });
}

criterion_group!(benches, keystroke);
criterion_main!(benches);
