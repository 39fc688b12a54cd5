//! `kompass merge PATH... -o assessment.json`: the default merge, no
//! overrides, every finding as given, baselines attached; for scripts.

use std::path::Path;

use super::{CmdResult, Context, Failure, MergeArgs, print};
use crate::core::assessment::{self, Assessment, SourceSession};
use crate::core::baseline::Baseline;
use crate::core::lang::Lang;
use crate::core::review::open::{self, Inputs, MunicipalityGroup, OpenError, ReviewerWork};
use crate::core::review::{self, question};
use crate::core::scoring::Scorecard;
use crate::core::slug::slug;
use crate::core::text::one_line;
use crate::storage;

pub fn run(ctx: &Context, args: &MergeArgs) -> CmdResult {
    let lang = ctx.lang;
    let read =
        storage::read_scoring_inputs(&args.paths, &args.baselines, &ctx.bank, &ctx.data_dir());
    let (municipality, sessions, baselines) = municipality_sessions(
        ctx,
        read_or_fail(ctx, read)?,
        args.municipality.as_deref(),
        (
            "velg én med --municipality",
            "choose one with --municipality",
        ),
    )?;
    let now = chrono::Local::now().fixed_offset();
    let mut fresh = Assessment::build(&ctx.bank, &sessions, now);
    // The assessment holds what it needs; freeing the sessions before it is
    // written keeps 2,000 interviews under 100 MB.
    drop(sessions);
    fresh.municipality = municipality.name;
    // A fresh assessment has no baselines yet, so attaching says nothing.
    open::attach_baselines(&mut fresh, baselines, lang);
    guard_output(ctx, &args.output, &fresh, args.force)?;
    storage::save_assessment(&args.output, &fresh).map_err(|e| Failure::write(&args.output, &e))?;
    let card = fresh.scorecard(&ctx.bank);
    print(&format!(
        "{} {}: {}, {}, {}/{} {}, {}\n",
        lang.pick("Skrev", "Wrote"),
        args.output.display(),
        one_line(&fresh.municipality),
        review::interviews(fresh.sessions.len(), lang),
        card.scored(),
        card.asked(),
        lang.pick("spørsmål skåret", "questions scored"),
        lang.count(
            fresh.baselines.len(),
            ["sammenligningsgrunnlag", "sammenligningsgrunnlag"],
            ["baseline", "baselines"]
        ),
    ))
}

/// The sessions of one municipality among the `inputs` read, one per id,
/// and the baselines found there or given: what `merge` and `score` work
/// from. Inputs of several municipalities are refused, ending with
/// `way_out` (nb, en): how this command takes them. Different contents
/// under one session id are refused, naming the id and the files.
pub fn municipality_sessions(
    ctx: &Context,
    inputs: Inputs,
    municipality: Option<&str>,
    way_out: (&str, &str),
) -> Result<(MunicipalityGroup, Vec<SourceSession>, Vec<Baseline>), Failure> {
    let lang = ctx.lang;
    let selection = open::select(inputs, municipality).map_err(|e| match e {
        OpenError::ChooseMunicipality(groups) => Failure::new(format!(
            "{}; {}",
            open::several_municipalities(&groups, lang),
            lang.pick(way_out.0, way_out.1)
        )),
        e => Failure::open(&e, lang),
    })?;
    if let Some((path, _)) = &selection.assessment {
        interviews_only(path, lang);
    }
    let sessions = one_per_id(&selection.municipality, selection.sessions, lang)?;
    let baselines =
        open::collect_baselines(selection.baselines).map_err(|e| Failure::open(&e, lang))?;
    Ok((selection.municipality, sessions, baselines))
}

/// The files a storage reader read, or why it could not; the warnings
/// (files skipped, sessions migrated) go to standard error.
pub fn read_or_fail(ctx: &Context, read: Result<Inputs, OpenError>) -> Result<Inputs, Failure> {
    let inputs = read.map_err(|e| Failure::open(&e, ctx.lang))?;
    for w in &inputs.warnings {
        eprintln!("{}", one_line(w));
    }
    Ok(inputs)
}

/// Says on standard error that an assessment among the paths is passed
/// over: `merge` and `score` of sessions work from the interviews.
pub fn interviews_only(path: &Path, lang: Lang) {
    eprintln!(
        "{}: {}",
        one_line(&path.display().to_string()),
        lang.pick(
            "en vurdering; her brukes bare intervjuene",
            "an assessment; only the interviews are used here"
        )
    );
}

/// A municipality's sessions, one per id. Different contents under one id
/// are refused, naming the id and the files; no interviews at all too.
pub fn one_per_id(
    group: &MunicipalityGroup,
    sessions: Vec<SourceSession>,
    lang: Lang,
) -> Result<Vec<SourceSession>, Failure> {
    let (sessions, conflicts) = open::resolve(sessions, None);
    if !conflicts.is_empty() {
        return Err(Failure {
            lines: conflicts.iter().map(|c| c.describe(lang)).collect(),
        });
    }
    if sessions.is_empty() {
        return Err(Failure::new(format!(
            "{} {}",
            lang.pick("ingen intervjuer fra", "no interviews of"),
            group.name
        )));
    }
    Ok(sessions)
}

/// Refuses to overwrite what is not a Kompass assessment, and, without
/// `--force`, an assessment of another municipality or one that holds work
/// this merge would not reproduce (decisions, curated findings, arranged
/// priorities).
fn guard_output(ctx: &Context, output: &Path, fresh: &Assessment, force: bool) -> CmdResult {
    let lang = ctx.lang;
    if !output.exists() {
        return Ok(());
    }
    let name = output.display().to_string();
    let not_overwritten = lang.pick("ikke overskrevet", "not overwritten");
    let use_force = lang.pick(
        "bruk --force for å erstatte den (den gamle filen beholdes som",
        "use --force to replace it (the old file is kept as",
    );
    let bak = storage::backup_path(output).display().to_string();
    match storage::file_format(output) {
        Ok(f) if f == assessment::FORMAT => {}
        Ok(other) => {
            return Err(Failure::new(format!(
                "{name}: {} \"{other}\", {}; {not_overwritten}",
                lang.pick("er en fil av formatet", "is a file of the format"),
                lang.pick("ikke en vurdering", "not an assessment"),
            )));
        }
        Err(_) => {
            return Err(Failure::new(format!(
                "{name}: {}; {not_overwritten}",
                lang.pick(
                    "finnes og er ikke en Kompass-vurdering",
                    "exists and is not a Kompass assessment"
                ),
            )));
        }
    }
    if force {
        return Ok(());
    }
    let (existing, _) = storage::load_assessment(output, &ctx.bank).map_err(|e| {
        let mut lines = e.lines();
        lines.push(format!("{name}: {not_overwritten}; {use_force} {bak})"));
        Failure { lines }
    })?;
    if slug(&existing.municipality) != slug(&fresh.municipality) {
        return Err(Failure::new(format!(
            "{name}: {} {}, {} {}; {not_overwritten}; {use_force} {bak})",
            lang.pick("er vurderingen av", "is the assessment of"),
            existing.municipality,
            lang.pick("ikke av", "not of"),
            fresh.municipality,
        )));
    }
    let work = ReviewerWork::of(&existing, fresh);
    if !work.is_empty() {
        return Err(Failure::new(format!(
            "{name}: {} ({}); {not_overwritten}; {} {use_force} {bak})",
            lang.pick(
                "inneholder arbeid denne sammenslåingen ikke ville gjenskape",
                "holds work this merge would not reproduce"
            ),
            work.describe(lang),
            lang.pick(
                "fortsett med `kompass review`, eller",
                "continue with `kompass review`, or"
            ),
        )));
    }
    Ok(())
}

/// The reconciled points of an assessment file, with a heading for the table.
pub fn assessment_scorecard(ctx: &Context, path: &Path) -> Result<(Scorecard, String), Failure> {
    let lang = ctx.lang;
    let (a, warnings) = storage::load_assessment(path, &ctx.bank)?;
    for w in warnings {
        eprintln!("{}", one_line(&w.render(&path.display().to_string())));
    }
    let progress = question::progress(&a);
    let heading = format!(
        "{}: {} ({}, {}/{} {}, {} {})",
        a.municipality,
        lang.pick("vurdering", "assessment"),
        review::interviews(a.sessions.len(), lang),
        progress.decided,
        progress.questions,
        lang.pick("avgjort", "decided"),
        progress.overridden,
        lang.pick("overstyrt", "overridden"),
    );
    Ok((a.scorecard(&ctx.bank), heading))
}
