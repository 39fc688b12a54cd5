//! The interview screen's cost per keystroke (issue 7, "Keystroke to
//! frame"): a typed character goes through the update step and a frame of
//! 120x40 is drawn by the real crossterm backend into a byte counter, so
//! both the time and the bytes that would reach the terminal are measured.
//! Also: the autosave snapshot taken on the UI thread, the durable save on
//! the saver thread, and opening a resumed session up to its first frame.
//!
//!     cargo bench --bench interview_keystroke
//!
//! The session is `support::full_interview`: all 75 questions answered,
//! 200 KB of notes, the current note at three sizes (2, 20 and 60 KB).

#[allow(dead_code)]
mod support;

use std::io::{self, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use kompass::core::bank::Bank;
use kompass::core::lang::Lang;
use kompass::tui::screens::interview::view::{self, ViewCache};
use kompass::tui::screens::interview::{Interview, Msg};
use kompass::tui::surface::Surface;
use ratatui::backend::CrosstermBackend;
use ratatui::crossterm::event::{KeyCode, KeyEvent};
use ratatui::layout::Rect;
use ratatui::{Terminal, TerminalOptions, Viewport};

/// A terminal that only counts what it is sent.
#[derive(Clone, Default)]
struct Counter(Arc<AtomicUsize>);

impl Write for Counter {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        self.0.fetch_add(buf.len(), Ordering::Relaxed);
        Ok(buf.len())
    }
    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

/// The app's terminal surface, 120x40, writing into `counter`.
fn terminal(counter: &Counter) -> Surface<CrosstermBackend<Counter>> {
    let terminal = Terminal::with_options(
        CrosstermBackend::new(counter.clone()),
        TerminalOptions {
            viewport: Viewport::Fixed(Rect::new(0, 0, 120, 40)),
        },
    );
    Surface::new(terminal.unwrap(), false)
}

/// CPU time of this thread: unlike the wall clock it does not count the
/// time other processes hold the CPU (the bench machine has two cores).
#[cfg(unix)]
fn thread_cpu() -> Duration {
    let mut ts = libc::timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes the timespec we pass and nothing else.
    unsafe { libc::clock_gettime(libc::CLOCK_THREAD_CPUTIME_ID, &mut ts) };
    Duration::new(ts.tv_sec as u64, ts.tv_nsec as u32)
}

#[cfg(windows)]
fn thread_cpu() -> Duration {
    use windows_sys::Win32::Foundation::FILETIME;
    use windows_sys::Win32::System::Threading::{GetCurrentThread, GetThreadTimes};
    let zero = || FILETIME {
        dwLowDateTime: 0,
        dwHighDateTime: 0,
    };
    let (mut created, mut exited, mut kernel, mut user) = (zero(), zero(), zero(), zero());
    // SAFETY: GetThreadTimes writes the four FILETIMEs we pass and nothing else.
    unsafe {
        GetThreadTimes(
            GetCurrentThread(),
            &mut created,
            &mut exited,
            &mut kernel,
            &mut user,
        )
    };
    let ticks = |t: FILETIME| (u64::from(t.dwHighDateTime) << 32) | u64::from(t.dwLowDateTime);
    // FILETIME counts 100 ns ticks.
    Duration::from_nanos((ticks(kernel) + ticks(user)) * 100)
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn us(d: Duration) -> String {
    format!("{:.1} µs", d.as_secs_f64() * 1e6)
}

fn keystrokes(bank: &Bank, current_note: usize) {
    let session = support::full_interview(bank, 200_000, current_note);
    let t0 = Instant::now();
    let mut state = Interview::new(bank, Lang::Nb, session, "bench.json".into(), false, t0);
    let counter = Counter::default();
    let mut term = terminal(&counter);
    let mut cache = ViewCache::default();
    view::draw_on(&mut term, &state, &mut cache).unwrap();
    let text: Vec<char> = "Ordføreren sier at planen er fra 2019 🙂 og skal revideres. "
        .chars()
        .collect();
    let (warmup, n) = (300, 5000);
    let mut wall = Vec::with_capacity(n);
    let mut cpu = Vec::with_capacity(n);
    let mut bytes = 0;
    for k in 0..warmup + n {
        let c = text[k % text.len()];
        let before = counter.0.load(Ordering::Relaxed);
        let (start, cpu_start) = (Instant::now(), thread_cpu());
        state.update(Msg::Key(KeyEvent::from(KeyCode::Char(c))), start);
        view::draw_on(&mut term, &state, &mut cache).unwrap();
        let (took, cpu_took) = (start.elapsed(), thread_cpu() - cpu_start);
        if k >= warmup {
            wall.push(took);
            cpu.push(cpu_took);
            bytes += counter.0.load(Ordering::Relaxed) - before;
        }
    }
    wall.sort();
    cpu.sort();
    println!(
        "keystroke 120x40, current note {:>2} KB: CPU median {}, p99 {} | wall median {}, p99 {} | {:.0} bytes/keystroke",
        current_note / 1000,
        us(percentile(&cpu, 0.5)),
        us(percentile(&cpu, 0.99)),
        us(percentile(&wall, 0.5)),
        us(percentile(&wall, 0.99)),
        bytes as f64 / n as f64
    );
}

fn saving(bank: &Bank) {
    let session = support::full_interview(bank, 200_000, 20_000);
    let t0 = Instant::now();
    let mut state = Interview::new(bank, Lang::Nb, session, "bench.json".into(), false, t0);
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("s.json");
    let wall = state.session.updated_at;
    let (mut snap, mut write) = (Vec::new(), Vec::new());
    for k in 0..200 {
        state.update(Msg::Key(KeyEvent::from(KeyCode::Char('x'))), t0);
        let start = Instant::now();
        let copy = state.snapshot(t0, wall);
        let mid = Instant::now();
        kompass::storage::write_atomic(&path, &copy.to_json()).unwrap();
        let end = Instant::now();
        if k >= 20 {
            snap.push(mid - start);
            write.push(end - mid);
        }
    }
    snap.sort();
    write.sort();
    println!(
        "snapshot on the UI thread (200 KB session): median {}, p99 {}",
        us(percentile(&snap, 0.5)),
        us(percentile(&snap, 0.99))
    );
    println!(
        "durable save on the saver thread (serialize + write + fsync): median {}, p99 {}",
        us(percentile(&write, 0.5)),
        us(percentile(&write, 0.99))
    );
}

fn opening(bank: &Bank) {
    let session = support::full_interview(bank, 200_000, 20_000);
    let dir = tempfile::tempdir().unwrap();
    let path = kompass::storage::save_session(dir.path(), &session).unwrap();
    let mut times = Vec::new();
    for _ in 0..50 {
        let start = Instant::now();
        let loaded = kompass::storage::load_session(&path, bank).unwrap();
        let state = Interview::new(bank, Lang::Nb, loaded.session, path.clone(), false, start);
        let counter = Counter::default();
        let mut term = terminal(&counter);
        term.draw(|f| view::draw(f, &state, &mut ViewCache::default()))
            .unwrap();
        times.push(start.elapsed());
    }
    times.sort();
    println!(
        "open a resumed 75-question session to its first frame (in process): median {}",
        us(percentile(&times, 0.5))
    );
}

fn main() {
    // `cargo bench` passes --bench; `cargo test --benches` runs it once, quickly.
    let bank = Bank::builtin();
    for note in [2_000, 20_000, 60_000] {
        keystrokes(&bank, note);
    }
    saving(&bank);
    opening(&bank);
}
