//! `kompass report ASSESSMENT --format html|md|xlsx|csv|json|pptx|docx
//! [-o FILE] [--template FILE] [--baseline FILE]... [--benchmark FILE] [--names]
//! [--per-interview]`: the report
//! to the council.

use std::path::Path;

use super::{CmdResult, Context, Failure, ReportArgs, ReportFormat, print};
use crate::core::baseline::{Baseline, BaselineKind};
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
        ReportFormat::Pptx => Format::Pptx,
        ReportFormat::Docx => Format::Docx,
    };
    if !format.is_text() && args.output.is_none() {
        let ext = format.extension();
        return Err(Failure::new(match ctx.lang {
            crate::core::lang::Lang::Nb => format!(
                "{ext} er et binærformat og skrives ikke til terminalen: oppgi en fil med -o RAPPORT.{ext}"
            ),
            crate::core::lang::Lang::En => format!(
                "{ext} is a binary format and is not written to the terminal: give a file with -o REPORT.{ext}"
            ),
        }));
    }
    let template = match &args.template {
        None => None,
        Some(path) => Some(read_template(ctx, path, format)?),
    };
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
        baselines.push(baseline_file(ctx, path)?);
    }
    if let Some(path) = &args.benchmark {
        // Given last, it is the one the report ranks among (see the model).
        baselines.push(benchmark_file(ctx, path)?);
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
    let bytes = report::render_on(&model, format, template.as_deref()).map_err(|e| match &args
        .template
    {
        Some(path) => Failure::new(format!("{}: {e}", path.display())),
        None => Failure::new(e),
    })?;
    match &args.output {
        Some(path) => storage::write_atomic(path, &bytes).map_err(|e| Failure::write(path, &e)),
        None => print(&String::from_utf8_lossy(&bytes)),
    }
}

/// The template's bytes, after checking that the format takes one and that
/// the file is of its kind.
fn read_template(ctx: &Context, path: &Path, format: Format) -> Result<Vec<u8>, Failure> {
    if !format.takes_template() {
        return Err(Failure::new(ctx.lang.pick(
            "--template gjelder bare --format pptx og --format docx",
            "--template applies only to --format pptx and --format docx",
        )));
    }
    let ext = format.extension();
    let named = path
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase());
    if named.as_deref() != Some(ext) {
        return Err(Failure::new(format!(
            "{}: {} .{ext}",
            path.display(),
            ctx.lang.pick(
                "malen må være en fil av samme slag som rapporten:",
                "the template must be a file of the report's kind:"
            )
        )));
    }
    Ok(storage::read_file(path)?)
}

/// A baseline checked against the bank; its warnings (figures that do not
/// add up as printed) go to standard error.
fn baseline_file(ctx: &Context, path: &Path) -> Result<Baseline, Failure> {
    let (b, warnings) = storage::load_baseline(path, &ctx.bank)?;
    for w in &warnings {
        eprintln!("{}", one_line(&w.render(&path.display().to_string())));
    }
    Ok(b)
}

/// The `--benchmark` file: an average that lists its members.
fn benchmark_file(ctx: &Context, path: &Path) -> Result<Baseline, Failure> {
    let b = baseline_file(ctx, path)?;
    if b.kind == BaselineKind::Average && !b.members.is_empty() {
        return Ok(b);
    }
    Err(Failure::new(format!(
        "{}: {}",
        path.display(),
        ctx.lang.pick(
            "ikke et snitt med medlemmer; lag et med kompass benchmark EVALUERINGER --name NAVN -o FIL.json",
            "not an average with members; make one with kompass benchmark EVALUATIONS --name NAME -o FILE.json"
        )
    )))
}

/// A slip of `-o` must not replace the assessment or a baseline with a report.
fn refuse_overwriting_inputs(ctx: &Context, out: &Path, args: &ReportArgs) -> CmdResult {
    let same = |a: &Path, b: &Path| match (a.canonicalize(), b.canonicalize()) {
        (Ok(a), Ok(b)) => a == b,
        _ => a == b,
    };
    for input in std::iter::once(&args.assessment)
        .chain(&args.baselines)
        .chain(&args.template)
        .chain(&args.benchmark)
    {
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
