//! The runtime: one event loop over every screen, and every side effect
//! (session and assessment files, locks, the autosavers, termination
//! requests, panics) in one place.
//!
//! The loop blocks on one channel of [`Event`]s and only wakes early when
//! an autosave is due. It handles every event already queued before drawing,
//! so a burst of keys costs one frame. It is generic over ratatui's backend,
//! so tests run it on a `TestBackend` and feed the channel by hand.

mod assessment;
mod events;
mod session;
pub mod terminal;

use std::panic::{AssertUnwindSafe, catch_unwind};
use std::path::Path;
use std::sync::mpsc::Sender;
use std::time::Instant;

use chrono::{DateTime, FixedOffset};
use ratatui::backend::Backend;
use ratatui::crossterm::event::{KeyEvent, KeyEventKind};
use ratatui::layout::Rect;

pub use assessment::Reviewing;
pub use events::{Event, Events, TERMINATION_GRACE};
pub use session::{Editing, Opened, check_resumable, migrated_notice, recovered_notice};

use super::screens::form::{self, Form};
use super::screens::interview::{self, Msg};
use super::screens::review::{self, Picker, PickerEffect};
use super::screens::start::{self, Start};
use super::surface::Surface;
use crate::app::{CmdResult, Context, Failure, InterviewRequest, ReviewRequest};
use crate::core::lang::Lang;
use crate::core::review::OpenError;
use crate::core::session::Status;
use crate::platform::Termination;
use crate::storage::{self, Document};

pub fn wall_clock() -> DateTime<FixedOffset> {
    chrono::Local::now().fixed_offset()
}

/// The screen on show.
pub enum Screen<'b> {
    /// The interviews of the data directory.
    Start(Box<Start<'b>>),
    /// A new interview's municipality, interviewer and interviewees.
    Form(Box<Form<'b>>),
    Interview(Box<Editing<'b>>),
    Review(Box<Reviewing<'b>>),
    /// Which municipality to review, when the files hold several.
    Picker(Box<Picking>),
}

/// The municipality picker, and the review it completes.
pub struct Picking {
    pub picker: Picker,
    pub request: ReviewRequest,
}

/// How the loop ended.
#[derive(Debug)]
pub enum Exit {
    Done,
    /// Quit although a file could not be written; the lines say where the
    /// rescue copy is.
    Failed(Vec<String>),
    /// Asked to end from outside, after saving. The sender is the waiting
    /// caller's, to be dropped once the program has said what it must.
    Terminated(Termination, Vec<String>, Option<Sender<()>>),
    /// A program error, after saving what could be saved.
    Panicked(Vec<String>),
}

enum Flow {
    Continue,
    Exit(Exit),
}

pub struct Runtime<'b, B: Backend> {
    ctx: &'b Context,
    surface: Surface<B>,
    events: Events,
    screen: Screen<'b>,
    /// The start screen has been shown: leaving an interview or a review
    /// returns to it rather than ending the program.
    home: bool,
}

/// The start screen of the context's data directory.
pub fn start_screen(ctx: &Context) -> Screen<'_> {
    let list = storage::list_sessions(ctx.data_dir(), &ctx.bank);
    // A new data directory, before its first interview, is the time to
    // protect it: nothing has been written in plaintext yet.
    let new_and_open = list.municipalities.is_empty()
        && list.broken.is_empty()
        && storage::vault::covering(&storage::vault::protection_path(ctx.data_dir())).is_none();
    let mut start = Start::new(&ctx.bank, ctx.lang, ctx.data_dir(), list);
    start.offer_protection(new_and_open);
    Screen::Start(Box::new(start))
}

/// The interview screen of a request: a new session created in the data
/// directory, or one resumed.
pub fn interview_screen<'b>(
    ctx: &'b Context,
    request: &InterviewRequest,
) -> Result<Screen<'b>, Failure> {
    let editing = match request {
        InterviewRequest::Resume { id, read_only } => session::resume(ctx, id, *read_only)?,
        InterviewRequest::New {
            municipality,
            interviewer,
            people,
        } => Box::new(session::create(
            ctx,
            ctx.data_dir(),
            municipality,
            interviewer,
            people.clone(),
        )?),
    };
    Ok(Screen::Interview(editing))
}

/// The review screen of a request, or the picker when the files hold
/// several municipalities. The files are read here, before the terminal
/// changes, so that an error is printed plainly.
pub fn review_screen<'b>(ctx: &'b Context, request: &ReviewRequest) -> Result<Screen<'b>, Failure> {
    match assessment::open(ctx, request, ctx.data_dir()) {
        Ok(rs) => {
            let save_first = !rs.existing || !request.baselines.is_empty();
            Ok(Screen::Review(Box::new(Reviewing::new(
                ctx, request, rs, save_first,
            ))))
        }
        Err(OpenError::ChooseMunicipality(groups)) => Ok(Screen::Picker(Box::new(Picking {
            picker: Picker::new(ctx.lang, groups),
            request: request.clone(),
        }))),
        Err(e) => Err(Failure::open(&e, ctx.lang)),
    }
}

/// The review of the demo's sample interviews, with a hint on the overview
/// made from the assessment's path (which is returned too).
pub fn demo_screen<'b>(
    ctx: &'b Context,
    request: &ReviewRequest,
    hint: impl FnOnce(&Path) -> String,
) -> Result<(Screen<'b>, std::path::PathBuf), Failure> {
    let rs =
        assessment::open(ctx, request, ctx.data_dir()).map_err(|e| Failure::open(&e, ctx.lang))?;
    let path = rs.assessment_path.clone();
    let mut reviewing = Reviewing::new(ctx, request, rs, true);
    reviewing.state.hint = Some(hint(&path));
    Ok((Screen::Review(Box::new(reviewing)), path))
}

/// Runs the screen `open` makes on the real terminal until the user quits.
/// The screen is made once the terminal has started, so that nothing (a
/// new session file, a lock, an edit marker) is created when it cannot;
/// when making it fails, the terminal is restored before the message is
/// printed. A termination request or a panic ends the process here, after
/// saving and restoring the terminal.
pub fn run_full_screen<'b>(
    ctx: &'b Context,
    open: impl FnOnce() -> Result<Screen<'b>, Failure>,
) -> CmdResult {
    let cannot = |e: std::io::Error| {
        Failure::new(format!(
            "{}: {e}",
            ctx.lang
                .pick("Kan ikke starte terminalen", "Cannot start the terminal")
        ))
    };
    let events = Events::default();
    events.listen_for_termination().map_err(cannot)?;
    let surface = terminal::enter().map_err(cannot)?;
    if let Err(e) = events.read_terminal() {
        terminal::restore();
        return Err(cannot(e));
    }
    let screen = match open() {
        Ok(screen) => screen,
        Err(failure) => {
            terminal::restore();
            return Err(failure);
        }
    };
    let exit = Runtime::new(ctx, surface, events, screen).run();
    terminal::restore();
    match exit {
        Exit::Done => Ok(()),
        Exit::Failed(lines) => Err(Failure { lines }),
        Exit::Terminated(how, lines, saved) => {
            for l in lines {
                eprintln!("{l}");
            }
            drop(saved);
            std::process::exit(how.exit_code());
        }
        Exit::Panicked(lines) => {
            for l in lines {
                eprintln!("{l}");
            }
            std::process::exit(101);
        }
    }
}

/// The last resort when a file cannot be written in its `place`: a copy
/// named `name` in the temporary directory. The lines say where it is.
fn rescue_copy(
    doc: &impl Document,
    place: &Path,
    name: &str,
    lang: Lang,
    (noun_nb, noun_en): (&str, &str),
) -> Vec<String> {
    let rescue = std::env::temp_dir().join(name);
    vec![match storage::write_copy(place, &rescue, &doc.bytes()) {
        Ok(()) => match lang {
            Lang::Nb => format!(
                "{noun_nb} kunne ikke lagres i {}; en kopi er lagret i {}",
                place.display(),
                rescue.display()
            ),
            Lang::En => format!(
                "{noun_en} could not be saved in {}; a copy is in {}",
                place.display(),
                rescue.display()
            ),
        },
        Err(e) => match lang {
            Lang::Nb => format!(
                "{noun_nb} kunne ikke lagres, heller ikke som kopi i {} ({})",
                rescue.display(),
                storage::describe_io(&e)
            ),
            Lang::En => format!(
                "{noun_en} could not be saved, not even as a copy in {} ({})",
                rescue.display(),
                storage::describe_io(&e)
            ),
        },
    }]
}

/// After a program error: where the file was saved.
fn saved_after_error(path: &Path, lang: Lang, (noun_nb, noun_en): (&str, &str)) -> Vec<String> {
    vec![match lang {
        Lang::Nb => format!(
            "Kompass stoppet på grunn av en programfeil. {noun_nb} er lagret i {}",
            path.display()
        ),
        Lang::En => format!(
            "Kompass stopped because of a program error. {noun_en} is saved in {}",
            path.display()
        ),
    }]
}

/// Debug builds only: a program error on demand, when the key named by
/// `KOMPASS_PANIC_ON_KEY` is typed, so that an end-to-end test can show that
/// a panic loses nothing typed before it. Release builds have no such key.
#[cfg(debug_assertions)]
fn injected_panic(ev: &Event) {
    use ratatui::crossterm::event::KeyCode;
    if let Event::Key(k) = ev
        && let KeyCode::Char(c) = k.code
        && std::env::var("KOMPASS_PANIC_ON_KEY").is_ok_and(|key| key.starts_with(c))
    {
        panic!("a program error injected by KOMPASS_PANIC_ON_KEY");
    }
}

impl<'b, B: Backend> Runtime<'b, B> {
    pub fn new(ctx: &'b Context, surface: Surface<B>, events: Events, screen: Screen<'b>) -> Self {
        let mut runtime = Runtime {
            ctx,
            surface,
            events,
            screen,
            home: false,
        };
        runtime.entered();
        runtime
    }

    pub fn surface(&self) -> &Surface<B> {
        &self.surface
    }

    pub fn screen(&self) -> &Screen<'b> {
        &self.screen
    }

    /// Runs the screens until the user quits, the program is asked to end,
    /// or a program error.
    pub fn run(&mut self) -> Exit {
        loop {
            if self.draw().is_err() {
                return self.terminate(Termination::Hangup, None);
            }
            let mut flow = match self.events.next(self.save_due()) {
                Some(ev) => self.guarded(ev),
                None => Flow::Continue,
            };
            while matches!(flow, Flow::Continue) {
                match self.events.try_next() {
                    Some(ev) => flow = self.guarded(ev),
                    None => break,
                }
            }
            if let Flow::Exit(exit) = flow {
                return exit;
            }
            if self.save_due().is_some_and(|d| d <= Instant::now()) {
                match &mut self.screen {
                    Screen::Interview(e) => e.autosave(Instant::now()),
                    Screen::Review(r) => r.save(),
                    _ => {}
                }
            }
        }
    }

    fn show(&mut self, screen: Screen<'b>) {
        self.screen = screen;
        self.entered();
    }

    /// What a screen needs when it appears: its saver, and for the start
    /// screen, being home.
    fn entered(&mut self) {
        let events = self.events.sender();
        match &mut self.screen {
            Screen::Interview(e) => e.start_saver(events),
            Screen::Review(r) => r.start_saver(events),
            Screen::Start(_) => self.home = true,
            Screen::Form(_) | Screen::Picker(_) => {}
        }
    }

    /// The start screen, with a message when there is one to show.
    fn show_start(&mut self, message: Option<Vec<String>>) {
        self.show(start_screen(self.ctx));
        if let (Some(lines), Screen::Start(s)) = (message, &mut self.screen) {
            s.say(lines.join(" "), true);
        }
    }

    /// Leaves a screen that was closed cleanly: home if there is one.
    fn leave(&mut self) -> Flow {
        if self.home {
            self.show_start(None);
            Flow::Continue
        } else {
            Flow::Exit(Exit::Done)
        }
    }

    fn save_due(&self) -> Option<Instant> {
        match &self.screen {
            Screen::Interview(e) => e.save_due(),
            Screen::Review(r) => r.state.texts.save_due(),
            _ => None,
        }
    }

    fn draw(&mut self) -> Result<(), B::Error> {
        let surface = &mut self.surface;
        match &mut self.screen {
            Screen::Start(s) => surface.draw(|f| s.draw(f)),
            Screen::Form(s) => surface.draw(|f| s.draw(f)),
            Screen::Interview(e) => interview::view::draw_on(surface, &e.state, &mut e.view),
            Screen::Review(r) => surface.draw(|f| review::view::draw(f, &r.state)),
            Screen::Picker(p) => surface.draw(|f| review::draw_picker(f, &p.picker)),
        }
    }

    /// Handles an event; a panic while doing so saves and ends the program.
    fn guarded(&mut self, ev: Event) -> Flow {
        match catch_unwind(AssertUnwindSafe(|| self.handle(ev))) {
            Ok(flow) => flow,
            Err(_) => Flow::Exit(Exit::Panicked(self.emergency())),
        }
    }

    fn handle(&mut self, ev: Event) -> Flow {
        #[cfg(debug_assertions)]
        injected_panic(&ev);
        let now = Instant::now();
        match ev {
            Event::Terminate(how, saved) => Flow::Exit(self.terminate(how, saved)),
            Event::InputClosed => Flow::Exit(self.terminate(Termination::Hangup, None)),
            Event::Resize(width, height) => {
                // An error here would also fail the next draw, which ends the program.
                let _ = self.surface.resize(Rect::new(0, 0, width, height));
                Flow::Continue
            }
            Event::Saved(report) => match &mut self.screen {
                Screen::Interview(e) => {
                    e.state.update(Msg::Saved(report), now);
                    Flow::Continue
                }
                Screen::Review(r) => {
                    let effects = r.state.update(review::Msg::Saved(report));
                    self.review_effects(effects)
                }
                _ => Flow::Continue,
            },
            Event::Key(k) if k.kind != KeyEventKind::Release => self.key(k, now),
            Event::Key(_) => Flow::Continue,
            Event::Paste(text) => match &mut self.screen {
                Screen::Interview(e) => {
                    e.state.update(Msg::Paste(text), now);
                    Flow::Continue
                }
                Screen::Form(f) => {
                    f.paste(&text);
                    Flow::Continue
                }
                Screen::Review(r) => {
                    let effects = r.state.update(review::Msg::Paste(text));
                    self.review_effects(effects)
                }
                Screen::Start(_) | Screen::Picker(_) => Flow::Continue,
            },
        }
    }

    fn key(&mut self, k: KeyEvent, now: Instant) -> Flow {
        match &mut self.screen {
            Screen::Interview(e) => {
                for effect in e.state.update(Msg::Key(k), now) {
                    match effect {
                        interview::Effect::SaveNow => e.autosave(now),
                        interview::Effect::Quit => return self.quit_interview(),
                    }
                }
                Flow::Continue
            }
            Screen::Review(r) => {
                let effects = r.state.update(review::Msg::Key(k));
                self.review_effects(effects)
            }
            Screen::Form(f) => match f.update(k) {
                Some(effect) => self.form_effect(effect),
                None => Flow::Continue,
            },
            Screen::Start(s) => match s.update(k) {
                Some(effect) => self.start_effect(effect),
                None => Flow::Continue,
            },
            Screen::Picker(p) => match p.picker.update(k) {
                None => Flow::Continue,
                Some(PickerEffect::Quit) => Flow::Exit(Exit::Done),
                Some(PickerEffect::Chosen(name)) => {
                    let mut request = p.request.clone();
                    request.municipality = Some(name);
                    match review_screen(self.ctx, &request) {
                        Ok(screen) => {
                            self.show(screen);
                            Flow::Continue
                        }
                        Err(failure) => Flow::Exit(Exit::Failed(failure.lines)),
                    }
                }
            },
        }
    }

    fn start_effect(&mut self, effect: start::Effect) -> Flow {
        let ctx = self.ctx;
        let Screen::Start(s) = &mut self.screen else {
            return Flow::Continue;
        };
        let opened = match effect {
            start::Effect::Quit => return Flow::Exit(Exit::Done),
            start::Effect::Protect(passphrase) => {
                match storage::vault::protect(ctx.data_dir(), &passphrase.0) {
                    Ok(_) => {
                        s.offer_protection(false);
                        s.say(
                            ctx.lang
                                .pick(
                                    "Datamappen er beskyttet: alt lagres kryptert herfra. Ta vare på passordet; uten det kan ingen lese noe her.",
                                    "The data directory is protected: everything is saved encrypted from now on. Keep the passphrase; without it no one can read anything here.",
                                )
                                .into(),
                            false,
                        );
                    }
                    Err(e) => s.say(e.lines().join(" "), true),
                }
                return Flow::Continue;
            }
            start::Effect::New(municipality) => {
                let known = storage::list_sessions(ctx.data_dir(), &ctx.bank)
                    .municipalities
                    .into_iter()
                    .map(|(name, _)| name)
                    .collect();
                Ok(Screen::Form(Box::new(Form::new(
                    &ctx.bank,
                    ctx.lang,
                    known,
                    municipality.as_deref(),
                ))))
            }
            start::Effect::Resume(path) => match session::open(ctx, &path, false) {
                Ok(Opened::Ready(editing)) => Ok(Screen::Interview(editing)),
                Ok(Opened::Locked(holder)) => {
                    s.ask_read_only(path, &holder);
                    return Flow::Continue;
                }
                Err(failure) => Err(failure),
            },
            start::Effect::ReadOnly(path) => match session::open(ctx, &path, true) {
                Ok(Opened::Ready(mut editing)) => {
                    let state = &mut editing.state;
                    if state.session.status == Status::Completed && state.notice.is_none() {
                        state.set_sticky_notice(
                            ctx.lang
                                .pick(
                                    "Fullført intervju, vist skrivebeskyttet. For å endre det: Ctrl-Q, så e.",
                                    "A completed interview, shown read-only. To change it: Ctrl-Q, then e.",
                                )
                                .into(),
                        );
                    }
                    Ok(Screen::Interview(editing))
                }
                Ok(Opened::Locked(_)) => return Flow::Continue,
                Err(failure) => Err(failure),
            },
            start::Effect::Review(municipality) => {
                let request = assessment::municipality_request(ctx, &municipality);
                assessment::open(ctx, &request, ctx.data_dir())
                    .map_err(|e| Failure::open(&e, ctx.lang))
                    .map(|rs| {
                        let save_first = !rs.existing;
                        Screen::Review(Box::new(Reviewing::new(ctx, &request, rs, save_first)))
                    })
            }
        };
        match opened {
            Ok(screen) => self.show(screen),
            Err(failure) => s.say(failure.lines.join(" "), true),
        }
        Flow::Continue
    }

    fn form_effect(&mut self, effect: form::Effect) -> Flow {
        let ctx = self.ctx;
        match effect {
            form::Effect::Cancel => self.show_start(None),
            form::Effect::Create {
                municipality,
                interviewer,
                people,
            } => match session::create(ctx, ctx.data_dir(), &municipality, &interviewer, people) {
                Ok(editing) => self.show(Screen::Interview(Box::new(editing))),
                Err(failure) => {
                    if let Screen::Form(form) = &mut self.screen {
                        form.refused(failure.lines);
                    }
                }
            },
        }
        Flow::Continue
    }

    /// Carries out what the review asked for, and what that answers.
    fn review_effects(&mut self, mut queue: Vec<review::Effect>) -> Flow {
        while !queue.is_empty() {
            let Screen::Review(r) = &mut self.screen else {
                return Flow::Continue;
            };
            let mut more = Vec::new();
            for effect in queue {
                match effect {
                    review::Effect::Save => r.save(),
                    review::Effect::LoadBaseline(path) => {
                        let file = path.display().to_string();
                        let loaded = storage::load_baseline(&path, &self.ctx.bank)
                            .map(|(baseline, warnings)| {
                                let warnings = warnings
                                    .iter()
                                    .map(|w| w.render_in(&file, self.ctx.lang))
                                    .collect();
                                (Box::new(baseline), warnings)
                            })
                            .map_err(|e| e.lines());
                        more.extend(r.state.update(review::Msg::Baseline(loaded)));
                    }
                    review::Effect::Reload => {
                        let read = r.read_again(self.ctx);
                        more.extend(r.state.update(review::Msg::Reloaded(read)));
                    }
                    review::Effect::Start => {
                        return match r.close() {
                            Ok(()) => {
                                self.show_start(None);
                                Flow::Continue
                            }
                            Err(lines) if self.home => {
                                self.show_start(Some(lines));
                                Flow::Continue
                            }
                            Err(lines) => Flow::Exit(Exit::Failed(lines)),
                        };
                    }
                    review::Effect::Quit => {
                        return match r.close() {
                            Ok(()) => self.leave(),
                            Err(lines) if self.home => {
                                self.show_start(Some(lines));
                                Flow::Continue
                            }
                            Err(lines) => Flow::Exit(Exit::Failed(lines)),
                        };
                    }
                }
            }
            queue = more;
        }
        Flow::Continue
    }

    fn quit_interview(&mut self) -> Flow {
        let Screen::Interview(e) = &mut self.screen else {
            return Flow::Continue;
        };
        match e.close() {
            Ok(()) => self.leave(),
            Err(_) if e.quit_refused => Flow::Exit(Exit::Failed(e.rescue())),
            Err(reason) => {
                e.quit_refused = true;
                let lang = e.state.lang;
                e.state.set_save_warning(format!(
                    "{} ({reason}). {}",
                    lang.pick("Kan ikke lagre", "Cannot save"),
                    lang.pick(
                        "Arbeidet er i minnet og lagres når det går. Ctrl-Q igjen lagrer en kopi i /tmp og avslutter.",
                        "The work is in memory and is saved when possible. Ctrl-Q again saves a copy in /tmp and quits."
                    )
                ));
                Flow::Continue
            }
        }
    }

    /// Asked to end, or the terminal is gone: take in what was typed before
    /// it, save everything, release what is open.
    fn terminate(&mut self, how: Termination, saved: Option<Sender<()>>) -> Exit {
        let lines = match &mut self.screen {
            Screen::Interview(e) => {
                while let Some(ev) = self.events.try_next() {
                    let now = Instant::now();
                    match ev {
                        Event::Key(k) if k.kind != KeyEventKind::Release => {
                            // Only what changes the text counts now; quitting is under way.
                            let _ = e.state.update(Msg::Key(k), now);
                        }
                        Event::Paste(text) => {
                            e.state.update(Msg::Paste(text), now);
                        }
                        _ => {}
                    }
                }
                match e.close() {
                    Ok(()) => vec![],
                    Err(_) => e.rescue(),
                }
            }
            Screen::Review(r) => r.close().err().unwrap_or_default(),
            Screen::Start(_) | Screen::Form(_) | Screen::Picker(_) => vec![],
        };
        Exit::Terminated(how, lines, saved)
    }

    /// After a program error: save what is open directly.
    fn emergency(&mut self) -> Vec<String> {
        match &mut self.screen {
            Screen::Interview(e) => e.emergency(),
            Screen::Review(r) => r.emergency(),
            Screen::Start(_) | Screen::Form(_) | Screen::Picker(_) => vec![],
        }
    }
}

#[cfg(test)]
mod tests;
