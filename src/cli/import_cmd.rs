//! `kompass import-results FILE.csv --name NAME -o FILE.json` (review issue).

use super::{CmdResult, Context, Failure, ImportResultsArgs};

pub fn run(_ctx: &Context, _args: &ImportResultsArgs) -> CmdResult {
    Err(Failure::new("kompass import-results: being built"))
}
