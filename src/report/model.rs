//! The one computed report: every number and text the council sees, in the
//! order the deck prints them. Every format renders this same value, so the
//! same numbers appear in every format.
//!
//! Building it is pure. Every string that comes from a file (session,
//! assessment, baseline, bank) passes through [`clean`] here, so control
//! characters never reach any output; each renderer then escapes for its own
//! syntax (HTML, Markdown, CSV, XLSX).

use std::collections::{BTreeMap, BTreeSet};

use chrono::{Datelike, NaiveDate};
use serde::Serialize;

use crate::core::assessment::{Assessment, Decision};
use crate::core::bank::{Bank, DIMENSIONS};
use crate::core::baseline::{Baseline, BaselineKind, Country};
use crate::core::benchmark;
use crate::core::exact::{self, Exact, format_points, round_scaled};
use crate::core::lang::Lang;
use crate::core::session::FindingKind;
use crate::core::slug::slug;
use crate::core::text::one_line;

pub const FORMAT: &str = "kompass.report";
pub const FORMAT_VERSION: u64 = 1;

/// Decimals shown for sub-areas; areas and the total are whole points.
pub const SUBAREA_DECIMALS: u32 = 1;
pub const AREA_DECIMALS: u32 = 0;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    pub lang: Lang,
    /// Print the interviewees' names in the method section.
    pub names: bool,
    /// Each interview's scores beside the reconciled ones, by session id
    /// (`--per-interview`). Even then an interview of a role fewer than
    /// [`MIN_ROLE_PEOPLE`] people hold in the evaluation, or fewer than
    /// [`MIN_ROLE_PEOPLE`] interviews cover, is left out unless `names` is
    /// set too: its scores would be that person's own.
    pub per_interview: bool,
}

/// The fewest people who must hold a role, and the fewest interviews that
/// must cover it, for its interviews' own scores to be printed without
/// `--names`. People alone are not enough: the mayor interviewed alone and
/// then with three members of the executive committee is a role of four
/// people, yet the first interview is the mayor's own scores.
pub const MIN_ROLE_PEOPLE: usize = 3;

/// A number of points: exact (as a JSON number) and as displayed, rounded by
/// [`format_points`].
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Points {
    #[serde(with = "exact::as_number")]
    pub value: Exact,
    pub display: String,
    /// Decimals of `display`, so a spreadsheet can show the same.
    pub decimals: u32,
}

impl Points {
    pub fn new(value: Exact, decimals: u32, lang: Lang) -> Points {
        Points {
            value,
            display: format_points(value, decimals, lang),
            decimals,
        }
    }

    pub fn as_f64(&self) -> f64 {
        exact::to_f64(self.value)
    }

    /// The number as displayed (rounded to `decimals`), for a chart that
    /// must print the same numbers as the tables beside it.
    pub fn shown(&self) -> f64 {
        round_scaled(self.value, self.decimals) as f64 / 10f64.powi(self.decimals as i32)
    }
}

/// The change since the last earlier evaluation: the difference of the
/// rounded points shown, so that it agrees with the two numbers beside it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Change {
    /// The earlier evaluation, as short as is clear: its year ("2022"),
    /// else its label.
    pub since: String,
    pub value: i64,
    /// Signed, with a true minus: "+7", "−3", "0".
    pub display: String,
}

impl Change {
    fn between(now: &Points, then: &Points, since: &str) -> Change {
        debug_assert_eq!(now.decimals, then.decimals);
        let value = (round_scaled(now.value, now.decimals)
            - round_scaled(then.value, then.decimals)) as i64;
        let display = match value {
            v if v > 0 => format!("+{v}"),
            v if v < 0 => format!("\u{2212}{}", -v),
            _ => "0".to_owned(),
        };
        Change {
            since: since.to_owned(),
            value,
            display,
        }
    }
}

/// A baseline's points beside one of ours (`None` when it has none there).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub baseline: String,
    pub points: Option<Points>,
    /// Of an average: how many evaluations this figure stands on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
}

impl Comparison {
    /// The n to print beside this figure: only where it differs from the
    /// n its baseline's label already gives ("57 (n = 15)").
    pub fn own_n(&self, info: &BaselineInfo) -> Option<u32> {
        self.n
            .filter(|&n| self.points.is_some() && Some(n) != info.n)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BaselineInfo {
    pub name: String,
    /// The name as legends print it, "(fiktiv)" added to made-up figures,
    /// an average's n after it ("Snitt Norge, 23 evalueringer").
    pub label: String,
    pub kind: BaselineKind,
    pub fictional: bool,
    pub year: Option<i32>,
    pub source: Option<String>,
    pub note: Option<String>,
    /// Of an average: how many evaluations its total stands on.
    pub n: Option<u32>,
    pub country: Option<Country>,
    /// Of an average: the evaluations it lists.
    pub members: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct LastEvaluation {
    /// Its label, as in the baselines.
    pub label: String,
    /// How a change names it: its year, else its label.
    pub since: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TitleInfo {
    /// "Kommunekompasset".
    pub framework: String,
    pub municipality: String,
    pub year: Option<i32>,
    pub evaluators: Vec<String>,
    /// The day the assessment was last saved (ISO 8601), so the same
    /// assessment always gives the same report.
    pub date: String,
    pub date_display: String,
    /// Set while questions are undecided: every format prints it on its
    /// title page, and `kompass report` warns on standard error.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub draft: Option<Draft>,
}

/// "Utkast: 59 av 75 spørsmål er ikke avgjort".
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Draft {
    pub undecided: usize,
    pub questions: usize,
    pub notice: String,
}

impl Draft {
    /// `None` when every question is decided (an accept the suggestion has
    /// moved away from is not).
    pub fn of(assessment: &Assessment, lang: Lang) -> Option<Draft> {
        let progress = crate::core::review::question::progress(assessment);
        let undecided = progress.undecided();
        (undecided > 0).then(|| Draft {
            undecided,
            questions: progress.questions,
            notice: match lang {
                Lang::Nb => format!(
                    "Utkast: {undecided} av {} spørsmål er ikke avgjort",
                    progress.questions
                ),
                Lang::En => format!(
                    "Draft: {undecided} of {} questions are not decided",
                    progress.questions
                ),
            },
        })
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Total {
    pub points: Points,
    pub max: Points,
    pub baselines: Vec<Comparison>,
    pub change: Option<Change>,
    pub questions: usize,
    pub asked: usize,
    pub scored: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubareaReport {
    pub id: String,
    pub title: String,
    pub points: Points,
    pub max: Points,
    /// Questions of the sub-area whose score the evaluators overrode: the
    /// area pages mark the points they are part of.
    pub overridden: Vec<String>,
    pub baselines: Vec<Comparison>,
    pub questions: usize,
    pub asked: usize,
    pub scored: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingItem {
    pub text: String,
    /// Outstanding practice: a gold star.
    pub best_practice: bool,
    /// How many interviews' findings it stands for ("nevnt av 5"): its
    /// sources, after merging; 0 for a finding added in the review.
    pub mentions: usize,
    /// The evaluators' own (documents, the website), not from an interview.
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub own: bool,
}

impl FindingItem {
    /// What the report prints after the text: "nevnt av 5", "evaluatorenes
    /// eget funn", both, or nothing.
    pub fn note(&self, lang: Lang) -> Option<String> {
        let own = self.own.then(|| {
            lang.pick("evaluatorenes eget funn", "the evaluators' own finding")
                .to_owned()
        });
        match (super::words::mentioned(self.mentions, lang), own) {
            (Some(m), Some(o)) => Some(format!("{m} · {o}")),
            (m, o) => m.or(o),
        }
    }
}

/// The three columns of the deck.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Findings {
    pub strengths: Vec<FindingItem>,
    pub challenges: Vec<FindingItem>,
    pub weaknesses: Vec<FindingItem>,
}

impl Findings {
    pub fn column(&self, kind: FindingKind) -> &[FindingItem] {
        match kind {
            FindingKind::Strength => &self.strengths,
            FindingKind::Challenge => &self.challenges,
            FindingKind::Weakness => &self.weaknesses,
        }
    }

    fn column_mut(&mut self, kind: FindingKind) -> &mut Vec<FindingItem> {
        match kind {
            FindingKind::Strength => &mut self.strengths,
            FindingKind::Challenge => &mut self.challenges,
            FindingKind::Weakness => &mut self.weaknesses,
        }
    }

    pub fn is_empty(&self) -> bool {
        FindingKind::ALL.iter().all(|&k| self.column(k).is_empty())
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaReport {
    pub id: String,
    pub perspective: String,
    pub perspective_title: String,
    pub title: String,
    pub points: Points,
    pub max: Points,
    pub baselines: Vec<Comparison>,
    pub change: Option<Change>,
    pub subareas: Vec<SubareaReport>,
    pub findings: Findings,
    /// The evaluators' assessment of the area ("Vurdering").
    pub assessment: Text,
    pub questions: usize,
    pub asked: usize,
    pub scored: usize,
}

/// One of the evaluators' own texts: a paragraph per line typed (blank
/// lines dropped), each made safe like every other text of the report.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct Text {
    pub paragraphs: Vec<String>,
}

impl Text {
    pub fn of(typed: &str) -> Text {
        Text {
            paragraphs: typed.lines().map(clean).filter(|l| !l.is_empty()).collect(),
        }
    }

    pub fn is_empty(&self) -> bool {
        self.paragraphs.is_empty()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Priority {
    pub theme: String,
    /// How many times it was named.
    pub count: usize,
    /// The ways it was put, each once, when they say more than the theme.
    pub wordings: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Interview {
    /// Only when its scores are printed (`--per-interview`, see
    /// [`Options::per_interview`]): the key of `questions[].dimensions[].interviews`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub session: Option<String>,
    pub date: String,
    pub date_display: String,
    pub interviewer: String,
    /// Role labels, in the bank's language.
    pub roles: Vec<String>,
    pub people: usize,
    /// Only with `--names`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub names: Option<Vec<String>>,
    pub completed: bool,
    /// When its notes were removed (`kompass purge`), as displayed.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub notes_purged: Option<String>,
}

impl Interview {
    /// The roles cell of the interview table: the roles, and "notater
    /// slettet <dato>" when the notes were purged.
    pub fn roles_text(&self, lang: Lang) -> String {
        let roles = self.roles.join(", ");
        match &self.notes_purged {
            Some(date) => format!(
                "{roles} ({} {date})",
                lang.pick("notater slettet", "notes deleted")
            ),
            None => roles,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RoleCount {
    pub role: String,
    pub label: String,
    pub interviews: usize,
    pub people: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Level {
    pub value: u32,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionInfo {
    pub id: String,
    pub label: String,
    pub levels: Vec<Level>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BankInfo {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Method {
    pub interviews: Vec<Interview>,
    pub roles: Vec<RoleCount>,
    pub people: usize,
    /// The scoring rule in plain words, one paragraph each.
    pub scoring_rule: Vec<String>,
    pub scale_min: u32,
    pub scale_max: u32,
    pub dimensions: Vec<DimensionInfo>,
    pub bank: BankInfo,
}

/// A score value (0-4, halves after a merge), written as a JSON number.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(transparent)]
pub struct Value(#[serde(with = "exact::as_number")] pub Exact);

/// One dimension of one question: what each interview gave, what counts.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DimensionDetail {
    pub dimension: String,
    pub reconciled: Option<Value>,
    pub suggested: Option<Value>,
    /// By session id; only with `--per-interview`, only interviews that
    /// scored this dimension and may be shown (see [`Options::per_interview`]).
    #[serde(skip_serializing_if = "BTreeMap::is_empty")]
    pub interviews: BTreeMap<String, Value>,
    pub overridden: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct QuestionDetail {
    pub id: String,
    pub text: String,
    pub area: String,
    pub subarea: String,
    pub max: Points,
    /// `None` until all three dimensions have a value.
    pub points: Option<Points>,
    pub dimensions: Vec<DimensionDetail>,
    /// Decided by the evaluators (accepted or set); undecided questions
    /// count with the suggestion and make the report a draft.
    pub decided: bool,
    /// Overridden: set by hand to other values than the suggestion (an
    /// override equal to it is no override, here or anywhere).
    pub overridden: bool,
    /// The reviewer's reason, when the score was overridden.
    pub reason: Option<String>,
}

/// A score the reviewer set by hand, and why.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Override {
    pub question: String,
    pub question_text: String,
    pub area: String,
    pub changes: Vec<OverrideChange>,
    pub reason: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OverrideChange {
    pub dimension: String,
    pub suggested: Option<String>,
    pub decided: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    pub format: &'static str,
    pub format_version: u64,
    pub lang: Lang,
    pub title: TitleInfo,
    /// The evaluators' summary of the whole evaluation.
    pub summary: Text,
    pub total: Total,
    /// Earlier evaluations (oldest first), then averages.
    pub baselines: Vec<BaselineInfo>,
    /// The earlier evaluation changes are measured from.
    pub last_evaluation: Option<LastEvaluation>,
    pub areas: Vec<AreaReport>,
    /// The place among the members of a benchmark (`--benchmark`, else the
    /// one attached average that lists members).
    pub benchmark: Option<BenchmarkReport>,
    /// The municipality's own evaluations over the years, this one last.
    pub history: Option<History>,
    pub priorities: Vec<Priority>,
    /// The evaluators' recommendations ("Veien videre").
    pub way_forward: Text,
    pub method: Method,
    pub overrides: Vec<Override>,
    pub questions: Vec<QuestionDetail>,
}

/// A place among others: "nr. 5 av 23".
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Rank {
    pub rank: usize,
    /// How many were ranked, this evaluation included.
    pub n: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaRank {
    pub id: String,
    pub title: String,
    pub rank: usize,
    pub n: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Ranks {
    /// By the total.
    pub total: usize,
    /// Per area, where members have area points.
    pub areas: Vec<AreaRank>,
}

/// One evaluation in the chart of totals by year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkPoint {
    /// "Røros 2017".
    pub label: String,
    pub year: Option<i32>,
    pub total: Points,
    /// One of this municipality's evaluations.
    pub own: bool,
    /// This evaluation.
    pub current: bool,
}

/// Where the municipality stands among the evaluations of a benchmark.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BenchmarkReport {
    /// The benchmark's label, with its n.
    pub name: String,
    /// Evaluations ranked by the total, this one included.
    pub n: usize,
    pub rank: Ranks,
    pub fictional: bool,
    /// Every evaluation with a total, oldest first; this one replaces the
    /// member that is this evaluation, if any.
    pub points: Vec<BenchmarkPoint>,
}

/// One evaluation in the municipality's history.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryColumn {
    pub label: String,
    pub year: Option<i32>,
    /// This evaluation (the last column).
    pub current: bool,
    pub fictional: bool,
}

/// The total or one area over the years; `changes[i]` is the change from
/// the previous evaluation that has a value to column `i`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HistoryRow {
    /// An area id, or `total`.
    pub id: String,
    pub title: String,
    pub values: Vec<Option<Points>>,
    pub changes: Vec<Option<Change>>,
}

/// The municipality's own evaluations, oldest first, this one last: the
/// total and each area (a totals-only year has the total only).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct History {
    pub columns: Vec<HistoryColumn>,
    pub total: HistoryRow,
    pub areas: Vec<HistoryRow>,
}

/// A baseline's figure somewhere (area, sub-area, total) and its n.
type FigureOf<'a> = dyn Fn(&Baseline) -> (Option<Exact>, Option<u32>) + 'a;

/// Text from a file, made safe to show anywhere: trimmed, on one line, with
/// control characters and bidi overrides replaced by visible stand-ins, and
/// the two characters no XML document may hold (U+FFFE, U+FFFF) by U+FFFD.
pub fn clean(text: &str) -> String {
    let line = one_line(text.trim());
    let line = match line.contains(['\u{fffe}', '\u{ffff}']) {
        true => line.replace(['\u{fffe}', '\u{ffff}'], "\u{fffd}"),
        false => line,
    };
    line.trim().to_owned()
}

pub use crate::core::exact::format_value;

/// "2. mars 2026" in bokmål, "2 March 2026" in English.
pub fn format_date(date: NaiveDate, lang: Lang) -> String {
    const NB: [&str; 12] = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ];
    const EN: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    let month = date.month0() as usize;
    match lang {
        Lang::Nb => format!("{}. {} {}", date.day(), NB[month], date.year()),
        Lang::En => format!("{} {} {}", date.day(), EN[month], date.year()),
    }
}

/// The baselines of the assessment and those given on the command line, one
/// per name (a later one replaces an earlier one of the same name), ordered:
/// earlier evaluations oldest first, then averages in the order given.
pub fn combine_baselines(stored: &[Baseline], extra: &[Baseline]) -> Vec<Baseline> {
    let mut all: Vec<Baseline> = Vec::new();
    for b in stored.iter().chain(extra) {
        let key = clean(&b.name).to_lowercase();
        match all
            .iter_mut()
            .find(|x| clean(&x.name).to_lowercase() == key)
        {
            Some(slot) => *slot = b.clone(),
            None => all.push(b.clone()),
        }
    }
    // A stable sort keeps the given order among equals; no year sorts last.
    all.sort_by_key(|b| match b.kind {
        BaselineKind::Earlier => (0, b.evaluation_year().is_none(), b.evaluation_year()),
        BaselineKind::Average => (1, false, None),
    });
    all
}

impl Report {
    pub fn build(
        bank: &Bank,
        assessment: &Assessment,
        extra_baselines: &[Baseline],
        opts: Options,
    ) -> Report {
        let lang = opts.lang;
        let card = assessment.scorecard(bank);
        let baselines = combine_baselines(&assessment.baselines, extra_baselines);
        let labels: Vec<String> = baselines.iter().map(|b| clean(&b.label(lang))).collect();
        let year = assessment.year();
        // The latest dated earlier evaluation not after this one; an undated
        // one only when none is dated.
        let last = baselines
            .iter()
            .enumerate()
            .filter(|(_, b)| {
                b.kind == BaselineKind::Earlier
                    && year.is_none_or(|y| b.year.is_none_or(|by| by <= y))
            })
            .max_by_key(|(_, b)| (b.year.is_some(), b.year))
            .map(|(i, _)| i);
        let compare = |points_of: &FigureOf<'_>, decimals: u32| -> Vec<Comparison> {
            baselines
                .iter()
                .zip(&labels)
                .map(|(b, label)| {
                    let (points, n) = points_of(b);
                    Comparison {
                        baseline: label.clone(),
                        points: points.map(|p| Points::new(p, decimals, lang)),
                        n: n.filter(|_| b.kind == BaselineKind::Average),
                    }
                })
                .collect()
        };
        let last_evaluation = last.map(|i| LastEvaluation {
            label: labels[i].clone(),
            since: baselines[i]
                .year
                .map_or_else(|| labels[i].clone(), |y| y.to_string()),
        });
        let change_of = |now: &Points, comparisons: &[Comparison]| -> Option<Change> {
            let (i, e) = (last?, last_evaluation.as_ref()?);
            comparisons[i]
                .points
                .as_ref()
                .map(|then| Change::between(now, then, &e.since))
        };

        let areas: Vec<AreaReport> = bank
            .areas()
            .iter()
            .zip(&card.areas)
            .map(|(def, score)| {
                let points = Points::new(score.points, AREA_DECIMALS, lang);
                let comparisons = compare(
                    &|b| (b.area_points(&def.id), b.area_n(&def.id)),
                    AREA_DECIMALS,
                );
                let subareas = def
                    .subareas
                    .iter()
                    .zip(&score.subareas)
                    .map(|(sdef, s)| SubareaReport {
                        id: clean(&sdef.id),
                        title: clean(sdef.title.get(lang)),
                        points: Points::new(s.points, SUBAREA_DECIMALS, lang),
                        max: Points::new(s.max, SUBAREA_DECIMALS, lang),
                        overridden: sdef
                            .questions
                            .iter()
                            .filter(|q| {
                                assessment
                                    .questions
                                    .get(&q.id)
                                    .is_some_and(|r| r.is_overridden())
                            })
                            .map(|q| clean(&q.id))
                            .collect(),
                        baselines: compare(
                            &|b| (b.subarea_points(&sdef.id), b.subarea_n(&sdef.id)),
                            SUBAREA_DECIMALS,
                        ),
                        questions: s.questions,
                        asked: s.asked,
                        scored: s.scored,
                    })
                    .collect();
                AreaReport {
                    id: clean(&def.id),
                    perspective: clean(&def.perspective),
                    perspective_title: bank
                        .file
                        .perspectives
                        .iter()
                        .find(|p| p.id == def.perspective)
                        .map(|p| clean(p.title.get(lang)))
                        .unwrap_or_default(),
                    title: clean(def.title.get(lang)),
                    change: change_of(&points, &comparisons),
                    points,
                    max: Points::new(score.max, AREA_DECIMALS, lang),
                    baselines: comparisons,
                    subareas,
                    findings: findings_of(assessment, &def.id),
                    assessment: Text::of(
                        assessment
                            .texts
                            .areas
                            .get(&def.id)
                            .map_or("", String::as_str),
                    ),
                    questions: score.questions,
                    asked: score.asked,
                    scored: score.scored,
                }
            })
            .collect();

        let total_points = Points::new(card.total, AREA_DECIMALS, lang);
        let total_comparisons = compare(&|b| (b.total_points(), b.n), AREA_DECIMALS);
        let total = Total {
            change: change_of(&total_points, &total_comparisons),
            points: total_points,
            max: Points::new(card.max, AREA_DECIMALS, lang),
            baselines: total_comparisons,
            questions: card.areas.iter().map(|a| a.questions).sum(),
            asked: card.asked(),
            scored: card.scored(),
        };

        let shown = interviews_shown(assessment, opts);
        let benchmark = baselines
            .iter()
            .zip(&labels)
            .rfind(|(b, _)| b.kind == BaselineKind::Average && !b.members.is_empty())
            .map(|(b, label)| benchmark_of(b, label, assessment, &total.points, &areas, lang));
        let history = history_of(&baselines, &labels, assessment, &total, &areas, lang);
        let date = assessment.updated_at.date_naive();
        Report {
            format: FORMAT,
            format_version: FORMAT_VERSION,
            lang,
            title: TitleInfo {
                framework: bank
                    .file
                    .title
                    .as_ref()
                    .map(|t| clean(t.get(lang)))
                    .unwrap_or_else(|| clean(bank.id())),
                municipality: clean(&assessment.municipality),
                year,
                evaluators: assessment.evaluators().iter().map(|e| clean(e)).collect(),
                date: date.to_string(),
                date_display: format_date(date, lang),
                draft: Draft::of(assessment, lang),
            },
            summary: Text::of(&assessment.texts.summary),
            total,
            baselines: baselines
                .iter()
                .zip(&labels)
                .map(|(b, label)| BaselineInfo {
                    name: clean(&b.name),
                    label: label.clone(),
                    kind: b.kind,
                    fictional: b.fictional,
                    year: b.year,
                    source: b.source.as_deref().map(clean),
                    note: b.note.as_deref().map(clean),
                    n: b.n.filter(|_| b.kind == BaselineKind::Average),
                    country: b.country,
                    members: b.members.len(),
                })
                .collect(),
            last_evaluation,
            areas,
            benchmark,
            history,
            priorities: priorities_of(assessment),
            way_forward: Text::of(&assessment.texts.way_forward),
            method: method_of(bank, assessment, opts, &shown),
            overrides: overrides_of(bank, assessment, lang),
            questions: questions_of(bank, assessment, lang, &shown),
        }
    }

    pub fn to_json(&self) -> String {
        /// The JSON report also says at its top whether it is a draft, from
        /// the one draft notice (`title.draft`).
        #[derive(Serialize)]
        struct Document<'a> {
            #[serde(flatten)]
            report: &'a Report,
            draft: bool,
            undecided: usize,
        }
        let doc = Document {
            report: self,
            draft: self.is_draft(),
            undecided: self.title.draft.as_ref().map_or(0, |d| d.undecided),
        };
        let mut out = serde_json::to_string_pretty(&doc).expect("a report always serializes");
        out.push('\n');
        out
    }

    /// Whether any baseline shown is made up.
    pub fn has_fictional_baselines(&self) -> bool {
        self.baselines.iter().any(|b| b.fictional)
    }

    /// Some question is still undecided (see [`Draft`]): the report says
    /// so on its title page and where a decision or a text is missing.
    pub fn is_draft(&self) -> bool {
        self.title.draft.is_some()
    }

    /// Whether a text is printed: when written, and in a draft also when
    /// not (then as [`words::not_written`](super::words::not_written)).
    pub fn shows(&self, text: &Text) -> bool {
        !text.is_empty() || self.is_draft()
    }

    /// Whether any finding carries a gold star (the legend is shown then).
    pub fn has_best_practice(&self) -> bool {
        self.areas.iter().any(|a| {
            FindingKind::ALL
                .iter()
                .any(|&k| a.findings.column(k).iter().any(|f| f.best_practice))
        })
    }

    /// "Eksempelvik kommune": the name with "kommune" added unless it has it.
    pub fn municipality_long(&self) -> String {
        let name = &self.title.municipality;
        let word = self.lang.pick("kommune", "municipality");
        if name
            .to_lowercase()
            .split_whitespace()
            .any(|w| w == "kommune" || w == "municipality")
        {
            name.clone()
        } else {
            match self.lang {
                Lang::Nb => format!("{name} {word}"),
                Lang::En => format!("the municipality of {name}"),
            }
        }
    }

    /// "Eksempelvik 2026": how the charts name this evaluation.
    pub fn current_label(&self) -> String {
        match self.title.year {
            Some(y) => format!("{} {y}", self.title.municipality),
            None => self.title.municipality.clone(),
        }
    }
}

/// "Eksempelvik 2026": how this evaluation is named beside others.
fn evaluation_label(assessment: &Assessment) -> String {
    let name = clean(&assessment.municipality);
    match assessment.year() {
        Some(y) => format!("{name} {y}"),
        None => name,
    }
}

/// The place of this evaluation among a benchmark's members: the member
/// that is this evaluation (same municipality and year) is replaced by it.
fn benchmark_of(
    b: &Baseline,
    label: &str,
    assessment: &Assessment,
    total: &Points,
    areas: &[AreaReport],
    lang: Lang,
) -> BenchmarkReport {
    let year = assessment.year();
    let others: Vec<_> = b
        .members
        .iter()
        .filter(|m| !benchmark::is_evaluation_of(m, &assessment.municipality, year))
        .collect();
    let by_total = benchmark::place(total.value, others.iter().filter_map(|m| m.total));
    let area_ranks = areas
        .iter()
        .filter_map(|a| {
            let values: Vec<Exact> = others.iter().filter_map(|m| m.area_points(&a.id)).collect();
            (!values.is_empty()).then(|| {
                let p = benchmark::place(a.points.value, values.into_iter());
                AreaRank {
                    id: a.id.clone(),
                    title: a.title.clone(),
                    rank: p.rank,
                    n: p.of,
                }
            })
        })
        .collect();
    let own = slug(&assessment.municipality);
    let mut points: Vec<BenchmarkPoint> = others
        .iter()
        .filter_map(|m| {
            Some(BenchmarkPoint {
                label: clean(&m.label()),
                year: m.year,
                total: Points::new(m.total?, AREA_DECIMALS, lang),
                own: slug(&m.municipality) == own,
                current: false,
            })
        })
        .collect();
    points.push(BenchmarkPoint {
        label: evaluation_label(assessment),
        year,
        total: total.clone(),
        own: true,
        current: true,
    });
    points.sort_by_key(|p| p.year);
    BenchmarkReport {
        name: label.to_owned(),
        n: by_total.of,
        rank: Ranks {
            total: by_total.rank,
            areas: area_ranks,
        },
        fictional: b.fictional,
        points,
    }
}

/// The municipality's own history: its earlier evaluations (all attached
/// ones of kind `earlier`, but one that names another municipality) oldest
/// first, then this one; `None` without an earlier one.
fn history_of(
    baselines: &[Baseline],
    labels: &[String],
    assessment: &Assessment,
    total: &Total,
    areas: &[AreaReport],
    lang: Lang,
) -> Option<History> {
    let own = slug(&assessment.municipality);
    let earlier: Vec<usize> = (0..baselines.len())
        .filter(|&i| {
            let b = &baselines[i];
            b.kind == BaselineKind::Earlier
                && b.municipality.as_deref().is_none_or(|m| slug(m) == own)
        })
        .collect();
    if earlier.is_empty() {
        return None;
    }
    let mut columns: Vec<HistoryColumn> = earlier
        .iter()
        .map(|&i| HistoryColumn {
            label: labels[i].clone(),
            year: baselines[i].evaluation_year(),
            current: false,
            fictional: baselines[i].fictional,
        })
        .collect();
    columns.push(HistoryColumn {
        label: evaluation_label(assessment),
        year: assessment.year(),
        current: true,
        fictional: false,
    });
    let row = |id: &str, title: &str, now: &Points, comparisons: &[Comparison]| {
        let mut values: Vec<Option<Points>> = earlier
            .iter()
            .map(|&i| comparisons[i].points.clone())
            .collect();
        values.push(Some(now.clone()));
        let mut changes = Vec::with_capacity(values.len());
        let mut last: Option<usize> = None;
        for (j, v) in values.iter().enumerate() {
            let since = |k: usize| {
                columns[k]
                    .year
                    .map_or_else(|| columns[k].label.clone(), |y| y.to_string())
            };
            changes.push(match (v, last) {
                (Some(now), Some(k)) => values[k]
                    .as_ref()
                    .map(|then| Change::between(now, then, &since(k))),
                _ => None,
            });
            if v.is_some() {
                last = Some(j);
            }
        }
        HistoryRow {
            id: id.to_owned(),
            title: title.to_owned(),
            values,
            changes,
        }
    };
    Some(History {
        total: row(
            "total",
            lang.pick("Totalt", "Total"),
            &total.points,
            &total.baselines,
        ),
        areas: areas
            .iter()
            .map(|a| row(&a.id, &a.title, &a.points, &a.baselines))
            .collect(),
        columns,
    })
}

/// The curated findings of an area in the three columns; the same text
/// twice in one column is shown once (starred if either was, counting the
/// sources of both).
fn findings_of(assessment: &Assessment, area: &str) -> Findings {
    let mut out = Findings::default();
    for f in assessment.findings.get(area).into_iter().flatten() {
        let text = clean(&f.text);
        if text.is_empty() {
            continue;
        }
        let column = out.column_mut(f.kind);
        match column.iter_mut().find(|x| same_text(&x.text, &text)) {
            Some(existing) => {
                existing.best_practice |= f.best_practice;
                existing.mentions += f.sources.len();
                existing.own |= f.own;
            }
            None => column.push(FindingItem {
                text,
                best_practice: f.best_practice,
                mentions: f.sources.len(),
                own: f.own,
            }),
        }
    }
    out
}

/// Each theme with how often it was named and the words it was named in,
/// most named first; groups of the same theme (ignoring case) count together.
fn priorities_of(assessment: &Assessment) -> Vec<Priority> {
    let mut out: Vec<Priority> = Vec::new();
    for g in &assessment.priorities {
        let theme = clean(&g.theme);
        if g.items.is_empty() || theme.is_empty() {
            continue;
        }
        let at = match out.iter().position(|p| same_text(&p.theme, &theme)) {
            Some(i) => i,
            None => {
                out.push(Priority {
                    theme,
                    count: 0,
                    wordings: Vec::new(),
                });
                out.len() - 1
            }
        };
        let p = &mut out[at];
        p.count += g.items.len();
        for item in &g.items {
            let text = clean(&item.text);
            let known =
                same_text(&text, &p.theme) || p.wordings.iter().any(|w| same_text(w, &text));
            if !text.is_empty() && !known {
                p.wordings.push(text);
            }
        }
    }
    // Stable: themes named equally often keep their first-named order.
    out.sort_by_key(|p| std::cmp::Reverse(p.count));
    out
}

fn same_text(a: &str, b: &str) -> bool {
    a.to_lowercase() == b.to_lowercase()
}

/// The session ids whose own scores the report prints: none without
/// `--per-interview`; with it, those whose every role at least
/// [`MIN_ROLE_PEOPLE`] people hold in at least as many interviews of the
/// evaluation, or all with `--names`.
fn interviews_shown(assessment: &Assessment, opts: Options) -> BTreeSet<String> {
    if !opts.per_interview {
        return BTreeSet::new();
    }
    // Per role: the people who hold it, and the interviews that cover it.
    let mut coverage: BTreeMap<&str, (usize, BTreeSet<&str>)> = BTreeMap::new();
    for s in &assessment.sessions {
        for p in &s.interviewees {
            let (people, interviews) = coverage.entry(p.role.as_str()).or_default();
            *people += 1;
            interviews.insert(s.id.as_str());
        }
    }
    let common = |role: &str| {
        let (people, interviews) = &coverage[role];
        *people >= MIN_ROLE_PEOPLE && interviews.len() >= MIN_ROLE_PEOPLE
    };
    assessment
        .sessions
        .iter()
        .filter(|s| opts.names || s.interviewees.iter().all(|p| common(&p.role)))
        .map(|s| s.id.clone())
        .collect()
}

fn method_of(
    bank: &Bank,
    assessment: &Assessment,
    opts: Options,
    shown: &BTreeSet<String>,
) -> Method {
    let lang = opts.lang;
    let mut sessions: Vec<_> = assessment.sessions.iter().collect();
    sessions.sort_by_key(|s| (s.started_at, s.id.clone()));
    let interviews: Vec<Interview> = sessions
        .iter()
        .map(|s| {
            let mut roles: Vec<String> = Vec::new();
            for p in &s.interviewees {
                let label = clean(&bank.role_label(&p.role, lang));
                if !roles.contains(&label) {
                    roles.push(label);
                }
            }
            let date = s.started_at.date_naive();
            Interview {
                session: shown.contains(&s.id).then(|| clean(&s.id)),
                date: date.to_string(),
                date_display: format_date(date, lang),
                interviewer: clean(&s.interviewer),
                roles,
                people: s.interviewees.len(),
                names: opts
                    .names
                    .then(|| s.interviewees.iter().map(|p| clean(&p.name)).collect()),
                completed: s.status == crate::core::session::Status::Completed,
                notes_purged: assessment
                    .notes_purged_at(&s.id)
                    .map(|at| format_date(at.date_naive(), lang)),
            }
        })
        .collect();
    // Roles in the bank's order, then any the bank does not know.
    let mut role_ids: Vec<String> = bank.role_ids().iter().map(|r| r.to_string()).collect();
    for s in &assessment.sessions {
        for p in &s.interviewees {
            if !role_ids.contains(&p.role) {
                role_ids.push(p.role.clone());
            }
        }
    }
    let roles = role_ids
        .iter()
        .filter_map(|role| {
            let held: Vec<_> = assessment
                .sessions
                .iter()
                .filter(|s| s.interviewees.iter().any(|p| &p.role == role))
                .collect();
            let people = assessment
                .sessions
                .iter()
                .flat_map(|s| &s.interviewees)
                .filter(|p| &p.role == role)
                .count();
            (!held.is_empty()).then(|| RoleCount {
                role: clean(role),
                label: clean(&bank.role_label(role, lang)),
                interviews: held.len(),
                people,
            })
        })
        .collect();
    let dimensions = DIMENSIONS
        .iter()
        .filter_map(|&d| bank.dimension(d))
        .map(|d| DimensionInfo {
            id: clean(&d.id),
            label: clean(d.label.get(lang)),
            levels: d
                .levels
                .iter()
                .map(|l| Level {
                    value: l.value,
                    text: clean(l.text.get(lang)),
                })
                .collect(),
        })
        .collect();
    Method {
        people: interviews.iter().map(|i| i.people).sum(),
        interviews,
        roles,
        scoring_rule: scoring_rule(bank, lang),
        scale_min: bank.scale_min(),
        scale_max: bank.scale_max(),
        dimensions,
        bank: BankInfo {
            id: clean(bank.id()),
            version: clean(bank.version()),
            sha256: bank.sha256.clone(),
        },
    }
}

/// The scoring rule in plain words, with the active bank's numbers.
fn scoring_rule(bank: &Bank, lang: Lang) -> Vec<String> {
    let labels: Vec<String> = DIMENSIONS
        .iter()
        .map(|&d| {
            bank.dimension(d)
                .map_or_else(|| d.id().to_owned(), |x| clean(x.label.get(lang)))
        })
        .collect();
    let (min, max) = (bank.scale_min(), bank.scale_max());
    let range = 3 * max;
    let total = format_points(bank.max_points(), 0, lang);
    match lang {
        Lang::Nb => vec![
            format!(
                "Hvert spørsmål vurderes på tre dimensjoner: {}, {} og {}, hver på en skala fra {min} til {max}.",
                labels[0], labels[1], labels[2]
            ),
            format!(
                "Et spørsmål gir poeng etter hvor nær det høyeste det kommer: spørsmålets maksimum × summen av de tre \
                 verdiene / {range}. Spørsmålets maksimum er delområdets maksimum fordelt på spørsmålene etter vekt. \
                 Et spørsmål teller når alle tre dimensjonene har en verdi; et spørsmål uten verdi gir 0 poeng."
            ),
            format!(
                "Delområdet er summen av sine spørsmål, fokusområdet summen av sine delområder, og totalen summen av \
                 fokusområdene (maks {total})."
            ),
            "Når flere intervjuer har vurdert samme spørsmål, foreslås medianen per dimensjon. Evaluatorene kan \
             sette en annen verdi; hver slik overstyring er begrunnet og listet i denne rapporten."
                .to_owned(),
            "Poengene regnes eksakt og avrundes bare når de vises: delområder til én desimal, fokusområder og total \
             til hele poeng (halve rundes bort fra null). Derfor kan summen av de viste delområdene avvike litt fra \
             det viste områdepoenget."
                .to_owned(),
        ],
        Lang::En => vec![
            format!(
                "Each question is scored on three dimensions: {}, {} and {}, each on a scale from {min} to {max}.",
                labels[0], labels[1], labels[2]
            ),
            format!(
                "A question gives points by how close it comes to the top: the question's maximum × the sum of the \
                 three values / {range}. A question's maximum is its sub-area's maximum shared among the questions \
                 by weight. A question counts when all three dimensions have a value; a question without one gives \
                 0 points."
            ),
            format!(
                "A sub-area is the sum of its questions, a focus area the sum of its sub-areas, and the total the \
                 sum of the focus areas (at most {total})."
            ),
            "When several interviews scored the same question, the median per dimension is suggested. The \
             evaluators may set another value; every such override has a reason and is listed in this report."
                .to_owned(),
            "Points are computed exactly and rounded only for display: sub-areas to one decimal, focus areas and \
             the total to whole points (halves away from zero). The shown sub-areas may therefore add up to \
             slightly more or less than the shown area score."
                .to_owned(),
        ],
    }
}

fn dimension_label(bank: &Bank, d: crate::core::bank::Dimension, lang: Lang) -> String {
    bank.dimension(d)
        .map_or_else(|| d.id().to_owned(), |x| clean(x.label.get(lang)))
}

fn overrides_of(bank: &Bank, assessment: &Assessment, lang: Lang) -> Vec<Override> {
    bank.questions()
        .filter_map(|(pos, q)| {
            let review = assessment.questions.get(&q.id)?;
            let Some(Decision::Override { scores, reason }) = &review.decision else {
                return None;
            };
            if !review.is_overridden() {
                return None;
            }
            let changes = review
                .overridden()
                .into_iter()
                .map(|d| OverrideChange {
                    dimension: dimension_label(bank, d, lang),
                    suggested: review.suggested.get(d).map(|v| format_value(v, lang)),
                    decided: scores.get(d).map(|v| format_value(v, lang)),
                })
                .collect();
            Some(Override {
                question: clean(&q.id),
                question_text: clean(q.text.get(lang)),
                area: clean(&bank.area_of(pos).id),
                changes,
                reason: clean(reason),
            })
        })
        .collect()
}

fn questions_of(
    bank: &Bank,
    assessment: &Assessment,
    lang: Lang,
    shown: &BTreeSet<String>,
) -> Vec<QuestionDetail> {
    bank.questions()
        .map(|(pos, q)| {
            let review = assessment.questions.get(&q.id).cloned().unwrap_or_default();
            let reconciled = review.reconciled();
            let overridden = review.overridden();
            let dimensions = DIMENSIONS
                .iter()
                .map(|&d| DimensionDetail {
                    dimension: d.id().to_owned(),
                    reconciled: reconciled.get(d).map(Value),
                    suggested: review.suggested.get(d).map(Value),
                    interviews: review
                        .interviews
                        .iter()
                        .filter(|(sid, _)| shown.contains(*sid))
                        .filter_map(|(sid, s)| s.get(d).map(|v| (clean(sid), Value(v))))
                        .collect(),
                    overridden: overridden.contains(&d),
                })
                .collect();
            QuestionDetail {
                id: clean(&q.id),
                text: clean(q.text.get(lang)),
                area: clean(&bank.area_of(pos).id),
                subarea: clean(&bank.subarea_of(pos).id),
                max: Points::new(
                    crate::core::scoring::question_max(bank, pos),
                    SUBAREA_DECIMALS,
                    lang,
                ),
                points: crate::core::scoring::question_points(bank, pos, &reconciled)
                    .map(|p| Points::new(p, SUBAREA_DECIMALS, lang)),
                dimensions,
                decided: review.is_decided(),
                overridden: review.is_overridden(),
                reason: review
                    .reason()
                    .filter(|_| review.is_overridden())
                    .map(clean),
            }
        })
        .collect()
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::assessment::{CuratedFinding, PriorityGroup, PriorityItem};
    use crate::core::exact::int;
    use crate::core::session::tests::sample;

    /// One interview of Eksempelvik with question 1.1.1 scored.
    pub fn assessment(bank: &Bank) -> Assessment {
        let mut s = sample(bank);
        s.answers.get_mut("1.1.1").unwrap().scores.results = Some(int(1));
        s.interviewees[0].name = "Ola\u{1b}[31m Ordfører".into();
        let sources = [crate::core::assessment::tests::source(&s, "aa")];
        Assessment::build(bank, &sources, s.started_at)
    }

    fn baseline(name: &str, kind: BaselineKind, year: Option<i32>, area1: i128) -> Baseline {
        let mut b = Baseline::new(name, kind);
        b.year = year;
        b.areas.push(crate::core::baseline::AreaPoints {
            id: "1".into(),
            points: Some(int(area1)),
            n: None,
            subareas: Vec::new(),
        });
        b
    }

    pub fn build(a: &Assessment, extra: &[Baseline], names: bool) -> Report {
        Report::build(
            &Bank::builtin(),
            a,
            extra,
            Options {
                lang: Lang::Nb,
                names,
                per_interview: false,
            },
        )
    }

    #[test]
    fn changes_are_the_difference_of_the_numbers_shown() {
        let now = Points::new(Exact::new(123, 2), 0, Lang::Nb); // 61.5 shows as 62
        let then = Points::new(Exact::new(109, 2), 0, Lang::Nb); // 54.5 shows as 55
        let c = Change::between(&now, &then, "2022");
        assert_eq!((c.value, c.display.as_str()), (7, "+7"));
        assert_eq!(Change::between(&then, &now, "2022").display, "\u{2212}7");
        assert_eq!(Change::between(&now, &now, "2022").display, "0");
    }

    #[test]
    fn baselines_are_deduplicated_and_ordered() {
        let stored = vec![
            baseline("Snitt", BaselineKind::Average, None, 50),
            baseline("Eksempelvik 2022", BaselineKind::Earlier, Some(2022), 40),
        ];
        let extra = vec![
            baseline("Eksempelvik 2018", BaselineKind::Earlier, Some(2018), 30),
            baseline("eksempelvik 2022", BaselineKind::Earlier, Some(2022), 45),
        ];
        let all = combine_baselines(&stored, &extra);
        let names: Vec<&str> = all.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["Eksempelvik 2018", "eksempelvik 2022", "Snitt"]);
        assert_eq!(
            all[1].area_points("1"),
            Some(int(45)),
            "the one given later wins"
        );
    }

    #[test]
    fn change_is_measured_from_the_latest_earlier_evaluation() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        a.baselines = vec![
            baseline("Eksempelvik 2018", BaselineKind::Earlier, Some(2018), 1),
            baseline("Eksempelvik 2022", BaselineKind::Earlier, Some(2022), 2),
            baseline("Eksempelvik 2030", BaselineKind::Earlier, Some(2030), 3),
            baseline("Snitt", BaselineKind::Average, Some(2026), 4),
        ];
        let r = build(&a, &[], false);
        let last = r.last_evaluation.as_ref().unwrap();
        assert_eq!(
            (last.label.as_str(), last.since.as_str()),
            ("Eksempelvik 2022", "2022")
        );
        let area = &r.areas[0];
        // 1.1.1 scored (3 + 2 + 1) of 12 on 10 points: 5 points, against 2.
        assert_eq!(area.points.display, "5");
        assert_eq!(area.change.as_ref().unwrap().display, "+3");
        assert_eq!(area.baselines.len(), 4);
        assert!(r.areas[1].change.is_none(), "area 2 has no earlier points");
    }

    #[test]
    fn priorities_of_one_theme_are_counted_together() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        let group = |theme: &str, n: usize| PriorityGroup {
            theme: theme.into(),
            items: (0..n)
                .map(|i| PriorityItem {
                    session: format!("s{i}"),
                    text: theme.into(),
                    own: false,
                })
                .collect(),
        };
        a.priorities = vec![
            group("Samskaping", 1),
            group("Digitalisering", 2),
            group("samskaping ", 2),
            group(" ", 3),
        ];
        let r = build(&a, &[], false);
        let got: Vec<(&str, usize)> = r
            .priorities
            .iter()
            .map(|p| (p.theme.as_str(), p.count))
            .collect();
        assert_eq!(got, [("Samskaping", 3), ("Digitalisering", 2)]);
        assert!(
            r.priorities[0].wordings.is_empty(),
            "the items say what the theme says"
        );
        a.priorities = vec![PriorityGroup {
            theme: "Økonomi".into(),
            items: [
                "Sikre økonomisk handlingsrom",
                "sikre økonomisk handlingsrom",
                "Økonomi",
            ]
            .iter()
            .map(|t| PriorityItem {
                session: "s".into(),
                text: (*t).into(),
                own: false,
            })
            .collect(),
        }];
        let r = build(&a, &[], false);
        assert_eq!(r.priorities[0].count, 3);
        assert_eq!(r.priorities[0].wordings, ["Sikre økonomisk handlingsrom"]);
    }

    #[test]
    fn findings_fall_in_three_columns_once_each() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        let finding = |kind, text: &str, best| CuratedFinding {
            kind,
            text: text.into(),
            best_practice: best,
            sources: Vec::new(),
            own: false,
            dropped_from: None,
        };
        a.findings.insert(
            "2".into(),
            vec![
                finding(FindingKind::Weakness, "Mangler plan", false),
                finding(FindingKind::Strength, "God plan", false),
                finding(FindingKind::Strength, "god plan", true),
                finding(FindingKind::Challenge, "  ", false),
            ],
        );
        let f = &build(&a, &[], false).areas[1].findings;
        assert_eq!(
            f.strengths,
            [FindingItem {
                text: "God plan".into(),
                best_practice: true,
                mentions: 0,
                own: false,
            }]
        );
        assert_eq!(f.weaknesses.len(), 1);
        assert!(f.challenges.is_empty());
    }

    #[test]
    fn a_merged_finding_is_shown_once_with_how_many_it_stands_for() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        use crate::core::assessment::FindingSource;
        use crate::report::words;
        let source = |session: &str| FindingSource {
            session: session.into(),
            question: "7.3.1".into(),
            text: "Høyt sykefravær".into(),
            kind: FindingKind::Challenge,
        };
        let finding = |text: &str, sources: Vec<FindingSource>| CuratedFinding {
            kind: FindingKind::Challenge,
            text: text.into(),
            best_practice: false,
            sources,
            own: false,
            dropped_from: None,
        };
        a.findings.insert(
            "7".into(),
            vec![
                finding(
                    "Høyt sykefravær i helse og omsorg",
                    vec![source("a"), source("b"), source("c")],
                ),
                finding("høyt sykefravær i helse og omsorg", vec![source("d")]),
                finding("Lite rekruttering", vec![source("a")]),
            ],
        );
        let f = &build(&a, &[], false).areas[6].findings;
        let counts: Vec<(&str, usize)> = f
            .challenges
            .iter()
            .map(|x| (x.text.as_str(), x.mentions))
            .collect();
        assert_eq!(
            counts,
            [
                ("Høyt sykefravær i helse og omsorg", 4),
                ("Lite rekruttering", 1)
            ]
        );
        assert_eq!(words::mentioned(4, Lang::Nb).as_deref(), Some("nevnt av 4"));
        assert_eq!(words::mentioned(1, Lang::Nb), None);
    }

    #[test]
    fn names_only_on_request_and_never_raw() {
        let bank = Bank::builtin();
        let a = assessment(&bank);
        assert_eq!(build(&a, &[], false).method.interviews[0].names, None);
        let with = build(&a, &[], true);
        let names = with.method.interviews[0].names.as_ref().unwrap();
        assert_eq!(names, &["Ola␛[31m Ordfører"]);
        assert!(!with.to_json().contains('\u{1b}'));
    }

    #[test]
    fn values_and_dates_read_as_in_norwegian() {
        assert_eq!(format_value(Exact::new(5, 2), Lang::Nb), "2,5");
        assert_eq!(format_value(Exact::new(5, 2), Lang::En), "2.5");
        assert_eq!(format_value(int(3), Lang::Nb), "3");
        assert_eq!(format_value(Exact::new(11, 4), Lang::Nb), "2,75");
        let d = NaiveDate::from_ymd_opt(2023, 3, 2).unwrap();
        assert_eq!(format_date(d, Lang::Nb), "2. mars 2023");
        assert_eq!(format_date(d, Lang::En), "2 March 2023");
        assert_eq!(clean("  a\u{7}\nb \u{202e}"), "a␇ b �");
    }

    #[test]
    fn the_override_is_listed_with_its_reason() {
        let bank = Bank::builtin();
        let mut a = assessment(&bank);
        let q = a.questions.get_mut("1.1.1").unwrap();
        let mut scores = q.suggested;
        scores.system = Some(int(4));
        q.decision = Some(Decision::Override {
            scores,
            reason: "Planen er vedtatt".into(),
        });
        let r = build(&a, &[], false);
        assert_eq!(r.overrides.len(), 1);
        let o = &r.overrides[0];
        assert_eq!(
            (o.question.as_str(), o.reason.as_str()),
            ("1.1.1", "Planen er vedtatt")
        );
        assert_eq!(o.changes[0].suggested.as_deref(), Some("3"));
        assert_eq!(o.changes[0].decided.as_deref(), Some("4"));
        let q = r.questions.iter().find(|q| q.id == "1.1.1").unwrap();
        assert!(q.dimensions[0].overridden && !q.dimensions[1].overridden);
        assert_eq!(q.reason.as_deref(), Some("Planen er vedtatt"));
        // (4 + 2 + 1) / 12 of 10 points.
        assert_eq!(q.points.as_ref().unwrap().value, Exact::new(35, 6));
    }
}
