//! Entry points of the review screen and the demo, written by the review
//! issue. Until then they say so.

use std::path::Path;

use super::terminal::Tui;
use crate::cli::{CmdResult, Context, Failure, ReviewArgs};

fn not_ready(ctx: &Context) -> Failure {
    Failure::new(ctx.lang.pick(
        "Gjennomgangen er ikke klar ennå.",
        "The review screen is not ready yet.",
    ))
}

/// `kompass review PATH...`.
pub fn run_review(ctx: &Context, _args: &ReviewArgs) -> CmdResult {
    Err(not_ready(ctx))
}

/// `kompass demo`.
pub fn run_demo(ctx: &Context) -> CmdResult {
    Err(not_ready(ctx))
}

/// The review of one municipality's sessions under `dir`, opened from the
/// start screen on the running terminal; returns when the user leaves it.
pub fn open_review(ctx: &Context, _tui: &mut Tui, _dir: &Path, _municipality: &str) -> CmdResult {
    Err(not_ready(ctx))
}
