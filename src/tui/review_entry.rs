//! The runtime of the review screens: opening a review (and asking which
//! municipality when the paths hold several), the event loop around the pure
//! [`Review`] state, the background saver of the assessment, signals and
//! panics; and `kompass demo`.
//!
//! Session files are only ever read here. The assessment is written by an
//! [`Autosaver`] (atomically, off the keystroke's path); a clean quit, a
//! signal and a closed terminal wait for the last save.

use std::panic::{AssertUnwindSafe, catch_unwind, resume_unwind};
use std::path::{Path, PathBuf};

use chrono::{DateTime, FixedOffset};
use ratatui::crossterm::event::{Event, KeyEventKind};

use super::app;
use super::review::{Effect, Msg, Picker, PickerEffect, Review};
use super::review_view;
use super::terminal::{AppEvent, Tui, restore};
use crate::cli::{CmdResult, Context, Failure, Global, ReviewArgs};
use crate::core::assessment::Assessment;
use crate::core::lang::Lang;
use crate::core::review::{OpenError, ReviewSession};
use crate::core::text::one_line;
use crate::storage::{self, Autosaver};

fn wall_clock() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// How a review ended.
enum Leave {
    Quit,
    /// The user asked for the start screen.
    Start,
    /// A signal or a closed terminal (SIGHUP), after the last save.
    Signal(i32),
    /// Quit although the assessment could not be written: these lines say
    /// where the rescue copy is.
    Unsaved(Vec<String>),
}

/// What to open.
struct Request<'a> {
    paths: &'a [PathBuf],
    municipality: Option<String>,
    baselines: &'a [PathBuf],
    data_dir: &'a Path,
}

fn open(ctx: &Context, req: &Request) -> Result<ReviewSession, OpenError> {
    storage::open_review(
        &ctx.bank,
        req.paths,
        req.municipality.as_deref(),
        req.baselines,
        req.data_dir,
        wall_clock(),
        ctx.lang,
    )
}

/// `kompass review PATH...`.
pub fn run_review(ctx: &Context, args: &ReviewArgs) -> CmdResult {
    let dir = ctx.data_dir();
    let mut req = Request {
        paths: &args.paths,
        municipality: args.municipality.clone(),
        baselines: &args.baselines,
        data_dir: &dir,
    };
    // Files are read before the terminal changes, so that an error is
    // printed plainly.
    let first = open(ctx, &req);
    let mut tui = match &first {
        Ok(_) | Err(OpenError::ChooseMunicipality(_)) => app::start_terminal(ctx.lang)?,
        Err(e) => return Err(Failure::open(e, ctx.lang)),
    };
    let rs = match first {
        Ok(rs) => rs,
        Err(OpenError::ChooseMunicipality(groups)) => {
            match pick_municipality(&mut tui, Picker::new(ctx.lang, groups)) {
                Some(name) => {
                    req.municipality = Some(name);
                    open(ctx, &req).map_err(|e| {
                        drop_terminal(&mut tui);
                        Failure::open(&e, ctx.lang)
                    })?
                }
                None => return Ok(()),
            }
        }
        Err(e) => return Err(Failure::open(&e, ctx.lang)),
    };
    let save_first = !rs.existing || !args.baselines.is_empty();
    top_level(ctx, tui, rs, save_first, None, &dir)
}

/// `kompass demo`: the sample interviews in a fresh temporary directory,
/// reviewed with both sample baselines attached.
pub fn run_demo(ctx: &Context) -> CmdResult {
    let lang = ctx.lang;
    let demo = storage::install_demo().map_err(|e| {
        Failure::new(format!(
            "{}: {}",
            lang.pick(
                "Kan ikke lage en midlertidig mappe til demoen",
                "Cannot create a temporary directory for the demo"
            ),
            storage::describe_io(&e)
        ))
    })?;
    let req = Request {
        paths: std::slice::from_ref(&demo.sessions),
        municipality: None,
        baselines: &demo.baselines,
        data_dir: &demo.dir,
    };
    let rs = open(ctx, &req).map_err(|e| Failure::open(&e, lang))?;
    let report = rs.assessment_path.display().to_string();
    let dir = demo.dir.display().to_string();
    let hint = match lang {
        Lang::Nb => format!(
            "Demo med eksempeldata i {dir} · Ctrl-N: intervjuene (n starter et nytt) · Rapport: kompass report {report} -o rapport.html"
        ),
        Lang::En => format!(
            "Demo with sample data in {dir} · Ctrl-N: the interviews (n starts a new one) · Report: kompass report {report} -o report.html"
        ),
    };
    let demo_ctx = Context {
        global: Global {
            dir: Some(demo.dir.clone()),
            ..ctx.global.clone()
        },
        lang,
        bank: ctx.bank.clone(),
    };
    let tui = app::start_terminal(lang)?;
    let result = top_level(&demo_ctx, tui, rs, true, Some(hint), &demo.dir);
    let lines = match lang {
        Lang::Nb => vec![
            format!("Eksempeldataene ligger i {dir} (slettes ikke automatisk)."),
            format!("  Intervju: kompass --dir {dir}   (n starter et nytt intervju)"),
            format!("  Rapport:  kompass report {report} --format html -o rapport.html"),
        ],
        Lang::En => vec![
            format!("The sample data is in {dir} (not deleted automatically)."),
            format!("  Interview: kompass --dir {dir}   (n starts a new interview)"),
            format!("  Report:    kompass report {report} --format html -o report.html"),
        ],
    };
    for l in lines {
        println!("{}", one_line(&l));
    }
    result
}

/// The review opened from the start screen on the running terminal; returns
/// when the user leaves it. A signal is passed on to the start screen's
/// loop, which ends the program.
pub fn open_review(ctx: &Context, tui: &mut Tui, dir: &Path, municipality: &str) -> CmdResult {
    let paths = [dir.to_owned()];
    let req = Request {
        paths: &paths,
        municipality: Some(municipality.to_owned()),
        baselines: &[],
        data_dir: dir,
    };
    let rs = open(ctx, &req).map_err(|e| Failure::open(&e, ctx.lang))?;
    let save_first = !rs.existing;
    let mut state = Review::new(&ctx.bank, ctx.lang, rs);
    match guarded(tui, &mut state, save_first) {
        Leave::Quit | Leave::Start => Ok(()),
        Leave::Signal(sig) => {
            let _ = tui.sender().send(AppEvent::Signal(sig));
            Ok(())
        }
        Leave::Unsaved(lines) => Err(Failure { lines }),
    }
}

/// A review that owns the terminal: the start screen takes over when asked
/// for; a signal ends the program.
fn top_level(
    ctx: &Context,
    mut tui: Tui,
    rs: ReviewSession,
    save_first: bool,
    hint: Option<String>,
    dir: &Path,
) -> CmdResult {
    let mut state = Review::new(&ctx.bank, ctx.lang, rs);
    state.hint = hint;
    match guarded(&mut tui, &mut state, save_first) {
        Leave::Quit => {
            drop(tui);
            Ok(())
        }
        Leave::Start => {
            let _ = tui.clear();
            app::run_on(ctx, tui, app::start_screen(ctx, dir))
        }
        Leave::Signal(sig) => {
            drop(tui);
            restore();
            std::process::exit(128 + sig);
        }
        Leave::Unsaved(lines) => {
            drop(tui);
            Err(Failure { lines })
        }
    }
}

fn drop_terminal(_tui: &mut Tui) {
    restore();
}

fn pick_municipality(tui: &mut Tui, mut picker: Picker) -> Option<String> {
    loop {
        if tui.draw(|f| review_view::draw_picker(f, &picker)).is_err() {
            return None;
        }
        match tui.next(None)? {
            AppEvent::Term(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                match picker.update(k) {
                    Some(PickerEffect::Chosen(name)) => return Some(name),
                    Some(PickerEffect::Quit) => return None,
                    None => {}
                }
            }
            AppEvent::Signal(_) | AppEvent::InputClosed => return None,
            _ => {}
        }
    }
}

/// Runs the review; a panic saves the assessment directly before it goes on.
fn guarded(tui: &mut Tui, state: &mut Review, save_first: bool) -> Leave {
    match catch_unwind(AssertUnwindSafe(|| run_loop(tui, state, save_first))) {
        Ok(leave) => leave,
        Err(panic) => {
            let _ = storage::save_assessment(&state.rs.assessment_path, &state.rs.assessment);
            resume_unwind(panic)
        }
    }
}

/// The saver of the open assessment, and what must happen when it stops.
struct Saving {
    saver: Option<Autosaver<Assessment>>,
    path: PathBuf,
}

impl Saving {
    fn save(&mut self, state: &mut Review) {
        state.rs.assessment.updated_at = wall_clock();
        if let Some(saver) = &self.saver {
            saver.save(state.rs.assessment.clone());
        }
    }

    /// Waits for the last save; what could not be written is saved once more
    /// directly, else as a rescue copy in the temporary directory.
    fn finish(&mut self, lang: Lang) -> Result<(), Vec<String>> {
        let Some(saver) = self.saver.take() else {
            return Ok(());
        };
        let Some(unsaved) = saver.stop() else {
            return Ok(());
        };
        if storage::save_assessment(&self.path, &unsaved).is_ok() {
            return Ok(());
        }
        let name = format!(
            "kompass-rescue-assessment-{}.json",
            crate::core::slug::slug(&unsaved.municipality)
        );
        let rescue = std::env::temp_dir().join(name);
        let line = match storage::save_assessment(&rescue, &unsaved) {
            Ok(()) => format!(
                "{} {}; {} {}",
                lang.pick(
                    "Vurderingen kunne ikke lagres i",
                    "The assessment could not be saved in"
                ),
                self.path.display(),
                lang.pick("en kopi er lagret i", "a copy is in"),
                rescue.display()
            ),
            Err(e) => format!(
                "{} {} ({})",
                lang.pick(
                    "Vurderingen kunne ikke lagres, heller ikke som kopi i",
                    "The assessment could not be saved, not even as a copy in"
                ),
                rescue.display(),
                storage::describe_io(&e)
            ),
        };
        Err(vec![line])
    }
}

fn run_loop(tui: &mut Tui, state: &mut Review, save_first: bool) -> Leave {
    let events = tui.sender();
    let mut saving = Saving {
        saver: Some(Autosaver::start(
            state.rs.assessment_path.clone(),
            move |r| {
                let _ = events.send(AppEvent::Saved(r));
            },
        )),
        path: state.rs.assessment_path.clone(),
    };
    if save_first {
        saving.save(state);
    }
    let lang = state.lang;
    let leave = |saving: &mut Saving, leave: Leave| match saving.finish(lang) {
        Ok(()) => leave,
        Err(lines) => Leave::Unsaved(lines),
    };
    loop {
        if tui.draw(|f| review_view::draw(f, state)).is_err() {
            return leave(&mut saving, Leave::Signal(libc::SIGHUP));
        }
        let mut next = tui.next(None);
        while let Some(ev) = next {
            let msg = match ev {
                AppEvent::Signal(sig) => return leave(&mut saving, Leave::Signal(sig)),
                AppEvent::InputClosed => return leave(&mut saving, Leave::Signal(libc::SIGHUP)),
                AppEvent::Saved(report) => Some(Msg::Saved(report)),
                AppEvent::Term(Event::Key(k)) if k.kind != KeyEventKind::Release => {
                    Some(Msg::Key(k))
                }
                AppEvent::Term(Event::Paste(text)) => Some(Msg::Paste(text)),
                AppEvent::Term(_) => None,
            };
            let mut queue: Vec<Effect> = msg.map(|m| state.update(m)).unwrap_or_default();
            while !queue.is_empty() {
                let mut more = Vec::new();
                for effect in queue {
                    match effect {
                        Effect::Save => saving.save(state),
                        Effect::LoadBaseline(path) => {
                            let loaded = storage::load_baseline(&path)
                                .map_err(|e| one_line(&e.lines().join("; ")));
                            more.extend(state.update(Msg::Baseline(loaded)));
                        }
                        Effect::Start => return leave(&mut saving, Leave::Start),
                        Effect::Quit => return leave(&mut saving, Leave::Quit),
                    }
                }
                queue = more;
            }
            // Everything already queued is handled before the next frame.
            next = tui.try_next();
        }
    }
}
