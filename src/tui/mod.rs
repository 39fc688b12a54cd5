//! The terminal interface (interview issue).

use crate::cli::{CmdResult, Context, Failure, InterviewArgs, ReviewArgs};

pub fn run_start(_ctx: &Context) -> CmdResult {
    Err(Failure::new("the start screen is being built"))
}

pub fn run_interview(_ctx: &Context, _args: &InterviewArgs) -> CmdResult {
    Err(Failure::new("the interview screen is being built"))
}

pub fn run_review(_ctx: &Context, _args: &ReviewArgs) -> CmdResult {
    Err(Failure::new("the review screen is being built"))
}

pub fn run_demo(_ctx: &Context) -> CmdResult {
    Err(Failure::new("the demo is being built"))
}
