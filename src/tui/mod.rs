//! The terminal interface.
//!
//! Each screen is a state struct with a pure update step (a key in, a
//! changed state and effects out; unit-tested without a terminal) and view
//! functions that only draw. [`app`] runs them: the event loop, the files,
//! the locks, the autosaver, signals and panics. Key bindings are tables
//! ([`keys`]) that drive the update steps, the help and the footer alike.

pub mod app;
pub mod dashboard;
pub mod editor;
pub mod form;
pub mod help;
pub mod interview;
pub mod interview_view;
pub mod keys;
pub mod people;
pub mod review;
mod review_entry;
pub mod review_view;
pub mod start;
pub mod surface;
pub mod terminal;
pub mod ui;
pub mod walk;

pub use review_entry::{open_review, run_demo, run_review};

use crate::cli::{CmdResult, Context, Failure, InterviewArgs};
use crate::storage;

/// `kompass` with no subcommand: the start screen.
pub fn run_start(ctx: &Context) -> CmdResult {
    app::run(ctx, app::start_screen(ctx, &ctx.data_dir()))
}

/// `kompass interview`: a new session from the flags, or `--resume ID`.
pub fn run_interview(ctx: &Context, args: &InterviewArgs) -> CmdResult {
    let editing = match &args.resume {
        Some(id) => resume(ctx, id, args.read_only)?,
        None => {
            let (municipality, interviewer, people) = new_session_args(ctx, args)?;
            Box::new(app::create(
                ctx,
                &ctx.data_dir(),
                &municipality,
                &interviewer,
                people,
            )?)
        }
    };
    app::run(ctx, app::Screen::Interview(editing))
}

fn resume<'b>(
    ctx: &'b Context,
    id: &str,
    read_only: bool,
) -> Result<Box<app::Editing<'b>>, Failure> {
    let lang = ctx.lang;
    let dir = ctx.data_dir();
    let path = storage::find_session(&dir, id).ok_or_else(|| {
        Failure::new(format!(
            "{} {id} {} {}",
            lang.pick("Fant ingen økt med id", "No session with id"),
            lang.pick("i", "in"),
            dir.display()
        ))
    })?;
    match app::open(ctx, &path, read_only)? {
        app::Opened::Ready(editing) => Ok(editing),
        app::Opened::Locked(holder) => Err(Failure {
            lines: vec![
                format!(
                    "{} {}: {}",
                    lang.pick(
                        "Økten er åpen for redigering i",
                        "The session is open for editing in"
                    ),
                    holder.describe(lang),
                    path.display()
                ),
                format!(
                    "{} kompass interview --resume {id} --read-only",
                    lang.pick("Åpne den skrivebeskyttet:", "Open it read-only:")
                ),
            ],
        }),
    }
}

/// Checks the flags of a new interview; every message names the flag.
fn new_session_args(
    ctx: &Context,
    args: &InterviewArgs,
) -> Result<(String, String, Vec<crate::core::session::Person>), Failure> {
    let lang = ctx.lang;
    let given = |v: &Option<String>| {
        v.as_deref()
            .map(str::trim)
            .filter(|v| !v.is_empty())
            .map(str::to_owned)
    };
    let mut problems = Vec::new();
    let municipality = given(&args.municipality);
    if municipality.is_none() {
        problems.push(
            lang.pick(
                "--municipality mangler: hvilken kommune gjelder intervjuet? (eller --resume ID)",
                "--municipality is missing: which municipality is the interview about? (or --resume ID)",
            )
            .to_owned(),
        );
    }
    let interviewer = given(&args.interviewer);
    if interviewer.is_none() {
        problems.push(
            lang.pick(
                "--interviewer mangler: hvem intervjuer?",
                "--interviewer is missing: who interviews?",
            )
            .to_owned(),
        );
    }
    if args.persons.is_empty() {
        problems.push(format!(
            "{} {}",
            lang.pick(
                "--person mangler: gi minst én \"NAVN:ROLLE\". Tillatte roller:",
                "--person is missing: give at least one \"NAME:ROLE\". Allowed roles:"
            ),
            people::allowed_roles(&ctx.bank, lang)
        ));
    }
    let mut persons = Vec::new();
    for arg in &args.persons {
        match people::parse_person_arg(&ctx.bank, arg, lang) {
            Ok(p) => persons.push(p),
            Err(e) => problems.push(e),
        }
    }
    match (municipality, interviewer) {
        (Some(m), Some(i)) if problems.is_empty() => Ok((m, i, persons)),
        _ => Err(Failure { lines: problems }),
    }
}
