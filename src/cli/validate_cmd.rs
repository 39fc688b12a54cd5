//! `kompass validate PATH...`: every problem of every file on its own line;
//! in a protected data directory, also every file that is not encrypted.

use std::path::{Path, PathBuf};

use super::{CmdResult, Context, Failure, ValidateArgs, show};
use crate::storage::{self, vault};

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
    for path in &args.paths {
        errors.extend(unencrypted(path, ctx.lang));
    }
    show(&report)?;
    if errors.is_empty() {
        Ok(())
    } else {
        Err(Failure { lines: errors })
    }
}

/// A line for each file under `path` that lies in a protected directory
/// but is not encrypted (written by something other than Kompass, or by a
/// version before the protection).
fn unencrypted(path: &Path, lang: crate::core::lang::Lang) -> Vec<String> {
    let Some(protection) =
        vault::covering(&path.join(vault::PROTECTION_FILE)).or_else(|| vault::covering(path))
    else {
        return Vec::new();
    };
    let root = protection.parent().unwrap_or(Path::new("."));
    let found: Vec<PathBuf> = match vault::unencrypted_files(root) {
        Ok(found) => found,
        Err(e) => return vec![format!("{}: {}", root.display(), storage::describe_io(&e))],
    };
    let within = vault::normalized(path);
    found
        .into_iter()
        .filter(|f| f.starts_with(&within))
        .map(|f| {
            format!(
                "{}: {} {}",
                f.display(),
                lang.pick(
                    "ikke kryptert, selv om katalogen er beskyttet:",
                    "not encrypted, although the directory is protected:"
                ),
                lang.pick(
                    "kompass protect krypterer den",
                    "kompass protect encrypts it"
                )
            )
        })
        .collect()
}
