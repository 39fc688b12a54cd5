//! `kompass score PATH... [--json] [--by-municipality]`.

use std::collections::BTreeSet;
use std::fmt::Write;
use std::path::PathBuf;

use chrono::Datelike;
use serde::Serialize;

use super::merge_cmd;
use super::{CmdResult, Context, Failure, ScoreArgs, print, show};
use crate::core::assessment::SourceSession;
use crate::core::bank::Bank;
use crate::core::exact::format_points;
use crate::core::lang::Lang;
use crate::core::merge;
use crate::core::review::open::{self, OpenError};
use crate::core::scoring::{self, Scorecard};
use crate::core::session::BankRef;
use crate::core::text::one_line;
use crate::storage;

pub fn run(ctx: &Context, args: &ScoreArgs) -> CmdResult {
    let files = super::json_files(&args.paths)?;
    if args.by_municipality {
        return each_municipality(ctx, &files, args.json, args.skip_bad);
    }
    let (card, heading) = match files.as_slice() {
        [one] if storage::file_format(one)? != crate::core::session::FORMAT => {
            super::assessment_scorecard(ctx, one)?
        }
        _ => {
            let sessions = load_sessions(ctx, &files, args.skip_bad)?;
            sessions_scorecard(&ctx.bank, &sessions, ctx.lang)
        }
    };
    if args.json {
        print(&(card.to_json() + "\n"))
    } else {
        show(&table(&ctx.bank, &card, &heading, ctx.lang))
    }
}

/// Loads session files of one municipality, with duplicate ids resolved:
/// identical copies count once, different contents under one id are refused.
pub fn load_sessions(
    ctx: &Context,
    files: &[PathBuf],
    skip_bad: bool,
) -> Result<Vec<SourceSession>, Failure> {
    let way_out = (
        "gi filene fra én kommune, eller skår hver for seg med --by-municipality",
        "give the files of one municipality, or score each with --by-municipality",
    );
    let inputs = merge_cmd::read_or_fail(ctx, read_points(ctx, files), skip_bad)?;
    merge_cmd::municipality_sessions(ctx, inputs, None, way_out).map(|(_, sessions, _)| sessions)
}

/// Every file under `files`, read for points only: `score` records nothing.
fn read_points(ctx: &Context, files: &[PathBuf]) -> Result<open::Inputs, OpenError> {
    storage::read_points_inputs(files, &[], &ctx.bank, ctx.data_dir())
}

/// One municipality's scorecard in `score --by-municipality --json`: the
/// object plain `score --json` prints, with whose it is in front.
#[derive(Serialize)]
struct MunicipalityCard {
    municipality: String,
    /// Distinct interviews scored (identical copies count once).
    interviews: usize,
    /// The year of the latest interview: the evaluation's year.
    year: Option<i32>,
    #[serde(flatten)]
    card: Scorecard,
    #[serde(skip)]
    heading: String,
}

/// `score --by-municipality`: every municipality among the files scored as
/// plain `score` scores one, from a single read, in name order. Interviews
/// only: an assessment is passed over with the warning plain `score` gives.
/// Any bad file, conflict or municipality without interviews fails the
/// whole run, every problem listed, as plain `score` fails.
fn each_municipality(ctx: &Context, files: &[PathBuf], json: bool, skip_bad: bool) -> CmdResult {
    let lang = ctx.lang;
    let inputs = merge_cmd::read_or_fail(ctx, read_points(ctx, files), skip_bad)?;
    for (path, _) in &inputs.assessments {
        merge_cmd::interviews_only(path, lang);
    }
    let mut cards = Vec::new();
    let mut refused = Vec::new();
    for (group, sessions) in open::by_municipality(inputs) {
        match merge_cmd::one_per_id(&group, sessions, lang) {
            Ok(sessions) => {
                let (card, heading) = sessions_scorecard(&ctx.bank, &sessions, lang);
                cards.push(MunicipalityCard {
                    municipality: group.name,
                    interviews: sessions.len(),
                    year: sessions.iter().map(|s| s.session.started_at.year()).max(),
                    card,
                    heading,
                });
            }
            Err(f) => refused.extend(f.lines),
        }
    }
    if !refused.is_empty() {
        return Err(Failure { lines: refused });
    }
    if cards.is_empty() {
        return Err(Failure::open(&OpenError::Empty, lang));
    }
    if json {
        /// `bank` says which bank the points are of, so that `kompass
        /// benchmark` can refuse another bank's.
        #[derive(Serialize)]
        struct Document<'a> {
            municipalities: &'a [MunicipalityCard],
            bank: BankRef,
        }
        let document = Document {
            municipalities: &cards,
            bank: BankRef::of(&ctx.bank),
        };
        let text = serde_json::to_string_pretty(&document).expect("scorecards always serialize");
        print(&(text + "\n"))
    } else {
        let tables: Vec<String> = cards
            .iter()
            .map(|c| table(&ctx.bank, &c.card, &c.heading, lang))
            .collect();
        show(&tables.join("\n"))
    }
}

/// One session's own points, or the default merge of several.
pub fn sessions_scorecard(
    bank: &Bank,
    sessions: &[SourceSession],
    lang: Lang,
) -> (Scorecard, String) {
    let municipality = sessions
        .first()
        .map(|l| l.session.municipality.clone())
        .unwrap_or_default();
    if let [one] = sessions {
        let people: Vec<String> = one
            .session
            .interviewees
            .iter()
            .map(|p| format!("{} ({})", p.name, bank.role_label(&p.role, lang)))
            .collect();
        return (
            scoring::score_session(bank, &one.session),
            format!("{municipality}: {}", people.join(", ")),
        );
    }
    let refs: Vec<_> = sessions.iter().map(|l| &l.session).collect();
    let merged = merge::default_merge(bank, &refs);
    let roles: BTreeSet<String> = refs.iter().flat_map(|s| s.roles()).collect();
    let heading = format!(
        "{municipality}: {} {}",
        sessions.len(),
        lang.pick(
            "intervjuer, median per dimensjon",
            "interviews, median per dimension"
        )
    );
    (scoring::score(bank, &merged, Some(&roles)), heading)
}

/// The score table as the deck prints it: sub-areas with one decimal, areas
/// and the total in whole points, coverage beside each area.
pub fn table(bank: &Bank, card: &Scorecard, heading: &str, lang: Lang) -> String {
    const NAME: usize = 56;
    let mut out = String::new();
    let _ = writeln!(out, "{}\n", one_line(heading));
    let _ = writeln!(
        out,
        "{:<NAME$} {:>6} {:>5}  {}",
        lang.pick("Område", "Area"),
        lang.pick("Poeng", "Points"),
        lang.pick("Maks", "Max"),
        lang.pick("Scoret/spurt", "Scored/asked")
    );
    for (area_def, area) in bank.areas().iter().zip(&card.areas) {
        let name = fit(&format!("{} {}", area.id, area_def.title.get(lang)), NAME);
        let _ = writeln!(
            out,
            "{name} {:>6} {:>5}  {}",
            format_points(area.points, 0, lang),
            format_points(area.max, 0, lang),
            area.coverage().describe(lang)
        );
        for (sub_def, sub) in area_def.subareas.iter().zip(&area.subareas) {
            let name = fit(&format!("   {} {}", sub.id, sub_def.title.get(lang)), NAME);
            let _ = writeln!(
                out,
                "{name} {:>6} {:>5}",
                format_points(sub.points, 1, lang),
                format_points(sub.max, 0, lang)
            );
        }
    }
    let _ = writeln!(
        out,
        "{:<NAME$} {:>6} {:>5}  {}",
        lang.pick("Totalt", "Total"),
        format_points(card.total, 0, lang),
        format_points(card.max, 0, lang),
        card.coverage().describe(lang)
    );
    out
}

/// Pads or cuts a label to exactly `width` characters.
fn fit(text: &str, width: usize) -> String {
    let text = one_line(text);
    let count = text.chars().count();
    if count <= width {
        format!("{text}{}", " ".repeat(width - count))
    } else {
        let cut: String = text.chars().take(width - 1).collect();
        format!("{cut}…")
    }
}
