//! The terminal interface.
//!
//! Each screen is a state struct with a pure update step (a key in, a
//! changed state and effects out; unit-tested without a terminal) and view
//! functions that only draw. [`runtime`] runs them all: one event loop, the
//! files, the locks, the autosavers, termination requests and panics. Key
//! bindings are tables ([`keys`]) that drive the update steps, the help and
//! the footer alike. Nothing here knows the command line: it hands over
//! plain requests ([`crate::app`]).

pub mod dashboard;
pub mod editor;
pub mod help;
pub mod keys;
pub mod runtime;
pub mod screens;
pub mod surface;
pub mod ui;
pub mod walk;

use crate::app::{CmdResult, Context, Failure, InterviewRequest, ReviewRequest};
use crate::core::lang::Lang;
use crate::core::text::one_line;
use crate::storage;
use runtime::run_full_screen;

/// `kompass` with no subcommand: the start screen.
pub fn run_start(ctx: &Context) -> CmdResult {
    run_full_screen(ctx, || Ok(runtime::start_screen(ctx)))
}

/// `kompass interview`: a new session, or one resumed.
pub fn run_interview(ctx: &Context, request: &InterviewRequest) -> CmdResult {
    if let InterviewRequest::Resume { id, read_only } = request {
        runtime::check_resumable(ctx, id, *read_only)?;
    }
    run_full_screen(ctx, || runtime::interview_screen(ctx, request))
}

/// `kompass review PATH...`.
pub fn run_review(ctx: &Context, request: &ReviewRequest) -> CmdResult {
    run_full_screen(ctx, || runtime::review_screen(ctx, request))
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
    let demo_ctx = ctx.with_data_dir(demo.dir.clone());
    let request = ReviewRequest {
        paths: vec![demo.sessions.clone()],
        baselines: demo.baselines.clone(),
        municipality: None,
    };
    let dir = demo.dir.display().to_string();
    // Commands that work pasted as they are: the directory quoted.
    let interview = demo_ctx.command(&[]);
    let quoted =
        |p: &std::path::Path| crate::platform::shell_quote(&p.to_string_lossy()).into_owned();
    let hint = |assessment: &std::path::Path| {
        let report = quoted(assessment);
        match lang {
            Lang::Nb => format!(
                "Demo med eksempeldata i {dir} · Ctrl-N: intervjuene (n starter et nytt) · Rapport: kompass report {report} -o rapport.html"
            ),
            Lang::En => format!(
                "Demo with sample data in {dir} · Ctrl-N: the interviews (n starts a new one) · Report: kompass report {report} -o report.html"
            ),
        }
    };
    let mut assessment = None;
    let result = run_full_screen(&demo_ctx, || {
        let (screen, path) = runtime::demo_screen(&demo_ctx, &request, hint)?;
        assessment = Some(path);
        Ok(screen)
    });
    let Some(assessment) = assessment else {
        return result;
    };
    let report = quoted(&assessment);
    let lines = match lang {
        Lang::Nb => vec![
            format!("Eksempeldataene ligger i {dir} (slettes ikke automatisk)."),
            format!("  Intervju: {interview}   (n starter et nytt intervju)"),
            format!("  Rapport:  kompass report {report} --format html -o rapport.html"),
        ],
        Lang::En => vec![
            format!("The sample data is in {dir} (not deleted automatically)."),
            format!("  Interview: {interview}   (n starts a new interview)"),
            format!("  Report:    kompass report {report} --format html -o report.html"),
        ],
    };
    for l in lines {
        println!("{}", one_line(&l));
    }
    result
}
