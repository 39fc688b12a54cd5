//! `kompass merge PATH... -o assessment.json` (review issue).

use super::{CmdResult, Context, Failure, MergeArgs};
use crate::core::scoring::Scorecard;

pub fn run(_ctx: &Context, _args: &MergeArgs) -> CmdResult {
    Err(Failure::new(
        "kompass merge: the assessment format is being built",
    ))
}

pub fn assessment_scorecard(
    _ctx: &Context,
    path: &std::path::Path,
) -> Result<(Scorecard, String), Failure> {
    Err(Failure::new(format!(
        "{}: not a session file; assessments are being built",
        path.display()
    )))
}
