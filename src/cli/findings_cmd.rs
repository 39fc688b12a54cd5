//! `kompass findings ASSESSMENT [--area ID] [--suggest] [--json]`: an
//! assessment's findings per area, or (with `--suggest`) the groups of
//! findings that say the same thing, without changing anything.

use std::fmt::Write;

use serde::Serialize;

use super::{CmdResult, Context, Failure, FindingsArgs, print, show};
use crate::core::assessment::{Assessment, CuratedFinding};
use crate::core::lang::Lang;
use crate::core::review::suggest::{self, Suggestions};
use crate::core::session::FindingKind;
use crate::core::text::one_line;
use crate::storage;

pub fn run(ctx: &Context, args: &FindingsArgs) -> CmdResult {
    let lang = ctx.lang;
    if let Some(area) = &args.area
        && !ctx.bank.areas().iter().any(|a| &a.id == area)
    {
        let ids: Vec<&str> = ctx.bank.areas().iter().map(|a| a.id.as_str()).collect();
        return Err(Failure::new(format!(
            "--area {area}: {} {}",
            lang.pick("ukjent område; områdene er", "no such area; the areas are"),
            ids.join(", ")
        )));
    }
    let (assessment, warnings) = storage::load_assessment(&args.assessment, &ctx.bank)?;
    for w in &warnings {
        eprintln!(
            "{}",
            one_line(&w.render(&args.assessment.display().to_string()))
        );
    }
    let area = args.area.as_deref();
    if args.suggest {
        let suggestions = suggest::suggest(&ctx.bank, &assessment, area);
        if args.json {
            print(&(to_json(&suggestions) + "\n"))
        } else {
            show(&suggestions_text(ctx, &assessment, &suggestions))
        }
    } else if args.json {
        print(&(to_json(&listing(ctx, &assessment, area)) + "\n"))
    } else {
        show(&listing_text(ctx, &assessment, area))
    }
}

fn to_json(value: &impl Serialize) -> String {
    serde_json::to_string_pretty(value).expect("plain data always serializes")
}

/// The areas to show, in bank order, with their title.
fn areas<'a>(ctx: &'a Context, only: Option<&'a str>) -> impl Iterator<Item = (&'a str, &'a str)> {
    ctx.bank
        .areas()
        .iter()
        .filter(move |a| only.is_none_or(|o| o == a.id))
        .map(|a| (a.id.as_str(), a.title.get(ctx.lang)))
}

/// "3 funn", "1 finding".
fn findings(n: usize, lang: Lang) -> String {
    lang.count(n, ["funn", "funn"], ["finding", "findings"])
}

/// Where a finding came from: the question and the interview's date.
fn origin(assessment: &Assessment, source: &crate::core::assessment::FindingSource) -> String {
    match crate::core::review::findings::origin(assessment, source) {
        Some(record) => format!(
            "{}, {}",
            source.question,
            record.started_at.format("%Y-%m-%d")
        ),
        None => source.question.clone(),
    }
}

fn suggestions_text(ctx: &Context, assessment: &Assessment, s: &Suggestions) -> String {
    let lang = ctx.lang;
    let mut out = String::new();
    for (id, title) in areas(ctx, None) {
        let groups: Vec<_> = s.groups.iter().filter(|g| g.area == id).collect();
        if groups.is_empty() {
            continue;
        }
        let _ = writeln!(
            out,
            "{} {id} {title}: {}",
            lang.pick("Område", "Area"),
            lang.count(
                groups.len(),
                ["forslag", "forslag"],
                ["suggestion", "suggestions"]
            )
        );
        for g in groups {
            let _ = writeln!(
                out,
                "  {}, {}: «{}»",
                g.kind.heading(lang),
                findings(g.members.len(), lang),
                g.representative
            );
            for m in &g.members {
                let _ = writeln!(out, "    - {}  ({})", m.text, origin(assessment, &m.source));
            }
        }
        out.push('\n');
    }
    if s.groups.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Ingen forslag: ingen ukuraterte funn av samme slag ligner hverandre nok.",
                "No suggestions: no uncurated findings of one kind are alike enough."
            )
        );
    }
    if !s.warnings.is_empty() {
        let _ = writeln!(
            out,
            "{}",
            lang.pick(
                "Kanskje samme punkt i to kolonner:",
                "Perhaps the same point in two columns:"
            )
        );
        for w in &s.warnings {
            let _ = writeln!(
                out,
                "  {} {}: «{}» ({}) {} «{}» ({})",
                lang.pick("Område", "Area"),
                w.area,
                w.texts[0],
                w.kinds[0].heading(lang),
                lang.pick("og", "and"),
                w.texts[1],
                w.kinds[1].heading(lang),
            );
        }
    }
    out
}

/// One finding in `findings --json`.
#[derive(Serialize)]
struct ListedFinding<'a> {
    area: &'a str,
    kind: FindingKind,
    text: &'a str,
    best_practice: bool,
    sources: &'a [crate::core::assessment::FindingSource],
}

#[derive(Serialize)]
struct Listing<'a> {
    findings: Vec<ListedFinding<'a>>,
}

fn area_findings<'a>(
    assessment: &'a Assessment,
    id: &str,
) -> impl Iterator<Item = &'a CuratedFinding> {
    assessment.findings.get(id).into_iter().flatten()
}

fn listing<'a>(ctx: &'a Context, assessment: &'a Assessment, only: Option<&'a str>) -> Listing<'a> {
    let findings = areas(ctx, only)
        .flat_map(|(id, _)| {
            area_findings(assessment, id).map(move |f| ListedFinding {
                area: id,
                kind: f.kind,
                text: &f.text,
                best_practice: f.best_practice,
                sources: &f.sources,
            })
        })
        .collect();
    Listing { findings }
}

fn listing_text(ctx: &Context, assessment: &Assessment, only: Option<&str>) -> String {
    let lang = ctx.lang;
    let mut out = String::new();
    for (id, title) in areas(ctx, only) {
        let list: Vec<&CuratedFinding> = area_findings(assessment, id).collect();
        let _ = writeln!(
            out,
            "{} {id} {title}: {}",
            lang.pick("Område", "Area"),
            findings(list.len(), lang)
        );
        for kind in FindingKind::ALL {
            let of_kind: Vec<_> = list.iter().filter(|f| f.kind == kind).collect();
            if of_kind.is_empty() {
                continue;
            }
            let _ = writeln!(out, "  {}", kind.heading(lang));
            for f in of_kind {
                let star = if f.best_practice { " ★" } else { "" };
                let count = if f.sources.len() > 1 {
                    format!(
                        " ({} {})",
                        lang.pick("nevnt av", "mentioned by"),
                        f.sources.len()
                    )
                } else {
                    String::new()
                };
                let _ = writeln!(out, "    - {}{star}{count}", f.text);
            }
        }
    }
    out
}
