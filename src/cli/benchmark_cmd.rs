//! `kompass benchmark PATH... --name NAME -o FILE.json [--country no|se]`:
//! an average computed exactly from evaluations (see `core::benchmark`).
//!
//! The paths may hold assessments, earlier baselines, `kompass score
//! --by-municipality --json` output, and session files; directories are
//! searched recursively, so a consultancy's whole archive is one path. A
//! municipality's sessions count (merged by default, as `score` merges
//! them) only when no assessment of it is among the paths: the assessment
//! is the reviewed result of those interviews.

use std::collections::BTreeSet;
use std::path::PathBuf;

use super::merge_cmd;
use super::score_cmd::sessions_scorecard;
use super::{BenchmarkArgs, CmdResult, Context, CountryArg, Failure, print};
use crate::core::baseline::{BaselineKind, Country};
use crate::core::benchmark::{self, Evaluation};
use crate::core::lang::Lang;
use crate::core::review::open;
use crate::core::slug::slug;
use crate::core::text::one_line;
use crate::storage;

pub fn run(ctx: &Context, args: &BenchmarkArgs) -> CmdResult {
    let lang = ctx.lang;
    if args.name.trim().is_empty() {
        return Err(Failure::new(
            lang.pick("--name kan ikke være tom", "--name cannot be empty"),
        ));
    }
    let country = args.country.map(|c| match c {
        CountryArg::No => Country::No,
        CountryArg::Se => Country::Se,
    });
    let files = super::json_files(&args.paths)?;
    if files.contains(&args.output) || files.iter().any(|f| same_file(f, &args.output)) {
        return Err(Failure::new(format!(
            "{}: {}",
            args.output.display(),
            lang.pick(
                "er en av inndatafilene; velg et annet navn for snittet",
                "is one of the input files; choose another name for the average"
            )
        )));
    }
    let evaluations = read_evaluations(ctx, &files, country)?;
    let (members, duplicates) = benchmark::members(evaluations).map_err(|conflicts| {
        let mut lines: Vec<String> = conflicts.iter().map(|c| c.message(lang)).collect();
        lines.push(nothing_written(args, lang));
        Failure { lines }
    })?;
    for d in &duplicates {
        eprintln!("{}", one_line(&d.message(lang)));
    }
    if members.is_empty() {
        return Err(Failure::new(format!(
            "{}; {}",
            lang.pick(
                "ingen evalueringer blant filene (vurderinger, tidligere evalueringer, intervjuer eller utskrift av kompass score --by-municipality --json)",
                "no evaluations among the files (assessments, earlier evaluations, interviews or the output of kompass score --by-municipality --json)"
            ),
            nothing_written(args, lang)
        )));
    }
    super::import_cmd::guard_output(&args.output, lang)?;
    let average = benchmark::average(&ctx.bank, args.name.trim(), &members, country);
    storage::save_baseline(&args.output, &average).map_err(|e| Failure::write(&args.output, &e))?;
    print(&summary(args, &average, lang))
}

fn same_file(a: &std::path::Path, b: &std::path::Path) -> bool {
    matches!((a.canonicalize(), b.canonicalize()), (Ok(a), Ok(b)) if a == b)
}

fn nothing_written(args: &BenchmarkArgs, lang: Lang) -> String {
    format!(
        "{} {}",
        lang.pick("ingenting skrevet til", "nothing written to"),
        args.output.display()
    )
}

/// "Wrote snitt.json: «Snitt Norge», 23 evaluations 2012–2023 (total 488.2;
/// areas from 15)".
fn summary(args: &BenchmarkArgs, b: &crate::core::baseline::Baseline, lang: Lang) -> String {
    let years: Vec<i32> = b.members.iter().filter_map(|m| m.year).collect();
    let span = match (years.iter().min(), years.iter().max()) {
        (Some(a), Some(z)) if a != z => format!(" {a}–{z}"),
        (Some(a), _) => format!(" {a}"),
        _ => String::new(),
    };
    let with_areas = b.members.iter().filter(|m| !m.areas.is_empty()).count();
    let total = b.total.map_or("–".to_owned(), |t| {
        crate::core::exact::format_points(t, 1, lang)
    });
    format!(
        "{} {}: «{}», {}{span} ({} {total}; {} {with_areas})\n",
        lang.pick("Skrev", "Wrote"),
        args.output.display(),
        one_line(&b.name),
        crate::core::baseline::evaluations(b.members.len() as u32, lang),
        lang.pick("snitt totalt", "mean total"),
        lang.pick("med områdepoeng:", "with area points:"),
    )
}

/// Every evaluation among the files. Any file that cannot be read, is of
/// another bank or of another country fails the run, every problem listed.
fn read_evaluations(
    ctx: &Context,
    files: &[PathBuf],
    country: Option<Country>,
) -> Result<Vec<Evaluation>, Failure> {
    let lang = ctx.lang;
    let mut evaluations = Vec::new();
    let mut problems = Vec::new();
    let mut kompass_files = Vec::new();
    for file in files {
        let name = file.display().to_string();
        let bytes = storage::read_file(file)?;
        match storage::format_of(file, &bytes) {
            Ok(None) if benchmark::is_score_document(&bytes) => {
                match benchmark::from_score_document(&bytes, &ctx.bank, &name) {
                    Ok(found) => evaluations.extend(found),
                    Err(p) => problems.push(p.render(&name)),
                }
            }
            _ => kompass_files.push(file.clone()),
        }
    }
    let read = storage::read_points_inputs(&kompass_files, &[], &ctx.bank, ctx.data_dir());
    let inputs = match read {
        Ok(inputs) => inputs,
        Err(e) => {
            problems.extend(e.lines(lang));
            return Err(Failure { lines: problems });
        }
    };
    for w in &inputs.warnings {
        eprintln!("{}", one_line(w));
    }
    let mut assessed = BTreeSet::new();
    for (path, a) in &inputs.assessments {
        assessed.insert(slug(&a.municipality));
        evaluations.push(Evaluation::from_scorecard(
            &a.municipality,
            a.year(),
            &a.scorecard(&ctx.bank),
            &path.display().to_string(),
        ));
    }
    for (path, b) in &inputs.baselines {
        let name = path.display().to_string();
        match (b.kind, b.country, country) {
            (BaselineKind::Average, ..) => eprintln!(
                "{}: {}",
                one_line(&name),
                lang.pick(
                    "et snitt, ikke en evaluering; hoppet over (gi evalueringene det bygger på)",
                    "an average, not an evaluation; skipped (give the evaluations it stands on)"
                )
            ),
            (_, Some(theirs), Some(wanted)) if theirs != wanted => problems.push(format!(
                "{name}: {} {} ({}), {} {} ({})",
                lang.pick("en evaluering fra", "an evaluation from"),
                theirs.name(lang),
                theirs.code(),
                lang.pick("men snittet er for", "but the average is for"),
                wanted.name(lang),
                wanted.code()
            )),
            _ => evaluations.push(Evaluation::from_baseline(&ctx.bank, b, &name)),
        }
    }
    let inputs = open::Inputs {
        assessments: Vec::new(),
        baselines: Vec::new(),
        ..inputs
    };
    for (group, sessions) in open::by_municipality(inputs) {
        if assessed.contains(&group.slug) {
            eprintln!(
                "{}: {}",
                one_line(&group.name),
                lang.pick(
                    "intervjuene hoppet over; vurderingen blant filene teller",
                    "interviews skipped; the assessment among the files counts"
                )
            );
            continue;
        }
        match merge_cmd::one_per_id(&group, sessions, lang) {
            Ok(sessions) => {
                let (card, _) = sessions_scorecard(&ctx.bank, &sessions, lang);
                let year = sessions
                    .iter()
                    .map(|s| chrono::Datelike::year(&s.session.started_at))
                    .max();
                let source = sessions
                    .first()
                    .and_then(|s| s.file.parent())
                    .map_or_else(|| group.name.clone(), |d| d.display().to_string());
                evaluations.push(Evaluation::from_scorecard(
                    &group.name,
                    year,
                    &card,
                    &source,
                ));
            }
            Err(f) => problems.extend(f.lines),
        }
    }
    if problems.is_empty() {
        Ok(evaluations)
    } else {
        Err(Failure { lines: problems })
    }
}
