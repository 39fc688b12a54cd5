//! `kompass report ASSESSMENT --format html|md|xlsx|csv|json [-o FILE]
//! [--baseline FILE]... [--names]`: the report to the council.

use std::path::Path;

use super::{CmdResult, Context, Failure, ReportArgs, ReportFormat, print};
use crate::core::text::one_line;
use crate::report::{self, Format, Options, Report};
use crate::storage;

pub fn run(ctx: &Context, args: &ReportArgs) -> CmdResult {
    let format = match args.format {
        ReportFormat::Html => Format::Html,
        ReportFormat::Md => Format::Markdown,
        ReportFormat::Xlsx => Format::Xlsx,
        ReportFormat::Csv => Format::Csv,
        ReportFormat::Json => Format::Json,
    };
    if !format.is_text() && args.output.is_none() {
        return Err(Failure::new(ctx.lang.pick(
            "xlsx er et binærformat og skrives ikke til terminalen: oppgi en fil med -o RAPPORT.xlsx",
            "xlsx is a binary format and is not written to the terminal: give a file with -o REPORT.xlsx",
        )));
    }
    if let Some(out) = &args.output {
        refuse_overwriting_inputs(ctx, out, args)?;
    }
    let (assessment, warnings) = storage::load_assessment(&args.assessment, &ctx.bank)?;
    for w in &warnings {
        eprintln!(
            "{}",
            one_line(&w.render(&args.assessment.display().to_string()))
        );
    }
    let mut baselines = Vec::new();
    for path in &args.baselines {
        let (b, warnings) = storage::load_baseline(path, &ctx.bank, ctx.lang)?;
        for w in &warnings {
            eprintln!("{}", one_line(&w.render(&path.display().to_string())));
        }
        baselines.push(b);
    }
    let model = Report::build(
        &ctx.bank,
        &assessment,
        &baselines,
        Options {
            lang: ctx.lang,
            names: args.names,
            per_interview: args.per_interview,
        },
    );
    if let Some(draft) = &model.title.draft {
        eprintln!(
            "{}: {}",
            one_line(&args.assessment.display().to_string()),
            draft.notice
        );
    }
    let bytes = report::render(&model, format).map_err(Failure::new)?;
    match &args.output {
        Some(path) => storage::write_atomic(path, &bytes).map_err(|e| Failure::write(path, &e)),
        None => print(&String::from_utf8_lossy(&bytes)),
    }
}

/// A slip of `-o` must not replace the assessment or a baseline with a report.
fn refuse_overwriting_inputs(ctx: &Context, out: &Path, args: &ReportArgs) -> CmdResult {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    for input in std::iter::once(&args.assessment).chain(&args.baselines) {
        if same(out, input) {
            return Err(Failure::new(format!(
                "{}: {}",
                out.display(),
                ctx.lang.pick(
                    "er en av inndatafilene; velg et annet navn for rapporten",
                    "is one of the input files; choose another name for the report"
                )
            )));
        }
    }
    Ok(())
}
