//! `kompass validate PATH...`: every problem of every file on its own line.

use super::{CmdResult, Context, Failure, ValidateArgs, show};
use crate::storage;

pub fn run(ctx: &Context, args: &ValidateArgs) -> CmdResult {
    let files = super::json_files(&args.paths)?;
    let mut errors = Vec::new();
    let mut report = String::new();
    for file in &files {
        match storage::validate_file(file, &ctx.bank) {
            Ok(warnings) => {
                for w in warnings {
                    report.push_str(&w.render(&file.display().to_string()));
                    report.push('\n');
                }
                report.push_str(&format!("{}: ok\n", file.display()));
            }
            Err(e) => errors.extend(e.lines()),
        }
    }
    show(&report)?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Failure { lines: errors })
    }
}
