//! `kompass report ASSESSMENT --format ...` (report issue).

use super::{CmdResult, Context, Failure, ReportArgs};

pub fn run(_ctx: &Context, _args: &ReportArgs) -> CmdResult {
    Err(Failure::new("kompass report: being built"))
}
