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
    if args.by_municipality {
        return each_municipality(ctx, args);
    }
    let read =
        storage::read_scoring_inputs(&args.paths, &args.baselines, &ctx.bank, ctx.data_dir());
    let (municipality, sessions, baselines) = municipality_sessions(
        ctx,
        read_or_fail(ctx, read, args.skip_bad)?,
        args.municipality.as_deref(),
        (
            "velg én med --municipality, eller slå sammen hver for seg med --by-municipality",
            "choose one with --municipality, or merge each with --by-municipality",
        ),
    )?;
    let now = chrono::Local::now().fixed_offset();
    let fresh = fresh_assessment(ctx, municipality, sessions, baselines, now);
    guard_output(ctx, &args.output, &fresh, args.force)?;
    save(ctx, &args.output, &fresh)
}

/// `merge --by-municipality -o DIR`: every municipality among the paths
/// merged from one read, each written to `DIR/<municipality-slug>/
/// assessment.json`. All or nothing until the writing: a bad file, a
/// conflict, a municipality without interviews or an output that may not be
/// overwritten refuses the whole run before anything is written. Only the
/// `--baseline` files are attached, to every assessment (a national
/// average); baselines found among the paths belong to no one municipality
/// and are passed over with a warning.
fn each_municipality(ctx: &Context, args: &MergeArgs) -> CmdResult {
    let lang = ctx.lang;
    let read =
        storage::read_scoring_inputs(&args.paths, &args.baselines, &ctx.bank, ctx.data_dir());
    let mut inputs = read_or_fail(ctx, read, args.skip_bad)?;
    for (path, _) in &inputs.assessments {
        interviews_only(path, lang);
    }
    let (given, found): (Vec<_>, Vec<_>) = std::mem::take(&mut inputs.baselines)
        .into_iter()
        .partition(|(path, _)| args.baselines.contains(path));
    for (path, _) in &found {
        eprintln!(
            "{}: {}",
            one_line(&path.display().to_string()),
            lang.pick(
                "et sammenligningsgrunnlag; med --by-municipality festes bare --baseline-filene, til hver vurdering",
                "a baseline; with --by-municipality only the --baseline files are attached, to every assessment"
            )
        );
    }
    let baselines = open::collect_baselines(given).map_err(|e| Failure::open(&e, lang))?;
    let now = chrono::Local::now().fixed_offset();
    let mut built = Vec::new();
    let mut refused = Vec::new();
    for (group, sessions) in open::by_municipality(inputs) {
        match one_per_id(&group, sessions, lang) {
            Ok(sessions) => {
                let output = storage::assessment_path(&args.output, &group.name);
                let fresh = fresh_assessment(ctx, group, sessions, baselines.clone(), now);
                built.push((output, fresh));
            }
            Err(f) => refused.extend(f.lines),
        }
    }
    if built.is_empty() && refused.is_empty() {
        return Err(Failure::open(&OpenError::Empty, lang));
    }
    for (output, fresh) in &built {
        if let Err(f) = guard_output(ctx, output, fresh, args.force) {
            refused.extend(f.lines);
        }
    }
    if !refused.is_empty() {
        refused.push(
            lang.pick("ingen vurdering er skrevet", "no assessment was written")
                .to_owned(),
        );
        return Err(Failure { lines: refused });
    }
    for (done, (output, fresh)) in built.iter().enumerate() {
        save(ctx, output, fresh).map_err(|mut f| {
            f.lines.push(format!(
                "{} {done} {} {}",
                lang.pick("skrev", "wrote"),
                lang.pick("av", "of"),
                lang.count(
                    built.len(),
                    ["vurdering", "vurderinger"],
                    ["assessment", "assessments"]
                ),
            ));
            f
        })?;
    }
    Ok(())
}

/// The default merge of one municipality's sessions, under the name most of
/// them use, with the baselines attached.
fn fresh_assessment(
    ctx: &Context,
    municipality: MunicipalityGroup,
    sessions: Vec<SourceSession>,
    baselines: Vec<Baseline>,
    now: chrono::DateTime<chrono::FixedOffset>,
) -> Assessment {
    let mut fresh = Assessment::build(&ctx.bank, &sessions, now);
    // The assessment holds what it needs; freeing the sessions before it is
    // written keeps 2,000 interviews under 100 MB.
    drop(sessions);
    fresh.municipality = municipality.name;
    // A fresh assessment has no baselines yet, so attaching says nothing.
    open::attach_baselines(&mut fresh, baselines, ctx.lang);
    fresh
}

/// Writes an assessment atomically (an old file stays as `.bak`) and says
/// what it holds.
fn save(ctx: &Context, output: &Path, fresh: &Assessment) -> CmdResult {
    let lang = ctx.lang;
    storage::save_assessment(output, fresh).map_err(|e| Failure::write(output, &e))?;
    let coverage = fresh.scorecard(&ctx.bank).coverage();
    let outside = match coverage.outside {
        0 => String::new(),
        _ => format!(" ({})", coverage.outside_label(lang)),
    };
    print(&format!(
        "{} {}: {}, {}, {}/{} {}{outside}, {}\n",
        lang.pick("Skrev", "Wrote"),
        output.display(),
        one_line(&fresh.municipality),
        review::interviews(fresh.sessions.len(), lang),
        coverage.scored,
        coverage.asked,
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
/// (files skipped, sessions migrated) go to standard error. Session files
/// that could not be read are refused, each named, unless `skip_bad`: then
/// they are named on standard error and left out.
pub fn read_or_fail(
    ctx: &Context,
    read: Result<Inputs, OpenError>,
    skip_bad: bool,
) -> Result<Inputs, Failure> {
    let lang = ctx.lang;
    let inputs = read.map_err(|e| Failure::open(&e, lang))?;
    for w in &inputs.warnings {
        eprintln!("{}", one_line(w));
    }
    if !inputs.bad.is_empty() && !skip_bad {
        // Every line names its file; the way out ends the last one.
        let mut lines: Vec<String> = inputs
            .bad
            .iter()
            .flat_map(|b| b.lines(lang))
            .map(|l| one_line(&l))
            .collect();
        if let Some(last) = lines.last_mut() {
            last.push_str(lang.pick(
                "; ingenting er gjort: rett eller fjern filen, eller utelat slike filer med --skip-bad",
                "; nothing was done: repair or remove the file, or leave such files out with --skip-bad",
            ));
        }
        return Err(Failure { lines });
    }
    for line in inputs.bad.iter().flat_map(|b| b.lines(lang)) {
        eprintln!("{} {}", lang.pick("utelatt:", "left out:"), one_line(&line));
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
