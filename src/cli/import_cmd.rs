//! `kompass import-results FILE.csv --name NAME -o FILE.json [--strict]`:
//! a published result table as a baseline (see `core::results`).

use super::{BaselineKindArg, CmdResult, Context, Failure, ImportResultsArgs, print};
use crate::core::baseline::{self, BaselineKind};
use crate::core::results;
use crate::core::text::one_line;
use crate::storage;

pub fn run(ctx: &Context, args: &ImportResultsArgs) -> CmdResult {
    let lang = ctx.lang;
    let file = args.file.display().to_string();
    if args.name.trim().is_empty() {
        return Err(Failure::new(
            lang.pick("--name kan ikke være tom", "--name cannot be empty"),
        ));
    }
    let kind = match args.kind {
        BaselineKindArg::Earlier => BaselineKind::Earlier,
        BaselineKindArg::Average => BaselineKind::Average,
    };
    let bytes = storage::read_file(&args.file)?;
    let mut imported =
        results::import(&bytes, &ctx.bank, &args.name, kind, lang).map_err(|problems| Failure {
            lines: problems.iter().map(|p| p.render(&file)).collect(),
        })?;
    let mut lines: Vec<String> = imported
        .disagreements
        .iter()
        .map(|d| format!("{file}: {}", d.message(lang)))
        .collect();
    if args.strict && !lines.is_empty() {
        lines.push(format!(
            "{file}: {} {}",
            lang.pick(
                "--strict: ingenting skrevet til",
                "--strict: nothing written to"
            ),
            args.output.display()
        ));
        return Err(Failure { lines });
    }
    let notes = imported.notes.iter().map(|n| format!("{file}: {n}"));
    for line in lines.into_iter().chain(notes) {
        eprintln!("{}", one_line(&line));
    }
    guard_output(&args.output, lang)?;
    // The source is the publication the council can look up, never the
    // name of the spreadsheet the figures were typed into.
    imported.baseline.source = args.source.clone();
    storage::save_baseline(&args.output, &imported.baseline)
        .map_err(|e| Failure::write(&args.output, &e))?;
    let b = &imported.baseline;
    print(&format!(
        "{} {}: «{}», {}, {}{}\n",
        lang.pick("Skrev", "Wrote"),
        args.output.display(),
        one_line(&b.name),
        lang.count(b.areas.len(), ["område", "områder"], ["area", "areas"]),
        lang.count(
            b.areas.iter().map(|a| a.subareas.len()).sum::<usize>(),
            ["delområde", "delområder"],
            ["sub-area", "sub-areas"]
        ),
        if b.total.is_some() { ", total" } else { "" },
    ))
}

/// An existing output is replaced only when it is a baseline (the old one is
/// kept as `.bak`); anything else is refused.
pub(super) fn guard_output(output: &std::path::Path, lang: crate::core::lang::Lang) -> CmdResult {
    if !output.exists() {
        return Ok(());
    }
    match storage::file_format(output) {
        Ok(f) if f == baseline::FORMAT => Ok(()),
        _ => Err(Failure::new(format!(
            "{}: {}",
            output.display(),
            lang.pick(
                "finnes og er ikke et sammenligningsgrunnlag; ikke overskrevet",
                "exists and is not a baseline; not overwritten"
            )
        ))),
    }
}
