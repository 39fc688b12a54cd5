//! Benchmarks: an average computed exactly from evaluations, and a
//! municipality's place among them.
//!
//! An [`Evaluation`] is one municipality's result in one year, from an
//! assessment, a scorecard or an earlier baseline; it may have every figure
//! or only its total (many published results are totals only). [`members`]
//! counts each evaluation once and refuses two different figures for one
//! municipality and year; [`average`] takes the mean of every figure over
//! the members that have it, with that `n` beside it, as a baseline of kind
//! `average` that lists its members. [`place`] ranks one evaluation among
//! them. Everything is exact: points are rationals, rounded only to compare
//! what a reader sees (ranks) and to show.

use std::collections::BTreeMap;

use serde::Deserialize;

use super::bank::Bank;
use super::baseline::{
    AreaPoints, Baseline, BaselineKind, Country, Member, MemberArea, SubareaPoints,
};
use super::exact::{Exact, int, round_scaled};
use super::lang::Lang;
use super::parse::{self, Problem};
use super::scoring::Scorecard;
use super::session::BankRef;
use super::slug::slug;

/// Decimals a figure is shown with: totals and areas whole, sub-areas one.
const WHOLE: u32 = 0;
const TENTHS: u32 = 1;

/// One evaluation of one municipality, with the figures it has.
#[derive(Debug, Clone, PartialEq)]
pub struct Evaluation {
    pub municipality: String,
    pub year: Option<i32>,
    /// Where it was read, to name in messages and in `members`.
    pub source: String,
    /// Made-up figures (the demo's): an average over them is made up too.
    pub fictional: bool,
    pub total: Option<Exact>,
    /// By area id, only those it has.
    pub areas: BTreeMap<String, Exact>,
    /// By sub-area id, only those it has.
    pub subareas: BTreeMap<String, Exact>,
}

impl Evaluation {
    /// Every figure of a scorecard (an assessment's, or `score`'s output).
    pub fn from_scorecard(
        municipality: &str,
        year: Option<i32>,
        card: &Scorecard,
        source: &str,
    ) -> Evaluation {
        Evaluation {
            municipality: municipality.trim().to_owned(),
            year,
            source: source.to_owned(),
            fictional: false,
            total: Some(card.total),
            areas: card
                .areas
                .iter()
                .map(|a| (a.id.clone(), a.points))
                .collect(),
            subareas: card
                .areas
                .iter()
                .flat_map(|a| &a.subareas)
                .map(|s| (s.id.clone(), s.points))
                .collect(),
        }
    }

    /// The figures an earlier evaluation printed. An area it did not print
    /// counts only when all its sub-areas are there (their sum), the total
    /// only when printed or when every area is known: a partial sum is no
    /// figure.
    pub fn from_baseline(bank: &Bank, b: &Baseline, source: &str) -> Evaluation {
        let subareas: BTreeMap<String, Exact> = b
            .areas
            .iter()
            .flat_map(|a| &a.subareas)
            .map(|s| (s.id.clone(), s.points))
            .collect();
        let mut areas = BTreeMap::new();
        for def in bank.areas() {
            let printed = b
                .areas
                .iter()
                .find(|a| a.id == def.id)
                .and_then(|a| a.points);
            let summed = || {
                def.subareas
                    .iter()
                    .map(|s| subareas.get(&s.id).copied())
                    .sum::<Option<Exact>>()
            };
            if let Some(points) = printed.or_else(summed) {
                areas.insert(def.id.clone(), points);
            }
        }
        let total = b
            .total
            .or_else(|| (areas.len() == bank.areas().len()).then(|| areas.values().copied().sum()));
        Evaluation {
            municipality: b.municipality_name(),
            year: b.evaluation_year(),
            source: source.to_owned(),
            fictional: b.fictional,
            total,
            areas,
            subareas,
        }
    }

    /// "Røros 2017".
    pub fn label(&self) -> String {
        match self.year {
            Some(y) => format!("{} {y}", self.municipality),
            None => self.municipality.clone(),
        }
    }

    fn key(&self) -> (String, Option<i32>) {
        (slug(&self.municipality), self.year)
    }

    fn figure_count(&self) -> usize {
        usize::from(self.total.is_some()) + self.areas.len() + self.subareas.len()
    }

    /// The first figure both have that reads differently as shown (totals
    /// and areas in whole points, sub-areas in tenths), named, with both
    /// values: the same evaluation typed from a table and computed from its
    /// assessment agrees as printed.
    fn disagreement(&self, other: &Evaluation) -> Option<(String, Exact, Exact)> {
        let differs =
            |a: Exact, b: Exact, decimals| round_scaled(a, decimals) != round_scaled(b, decimals);
        if let (Some(a), Some(b)) = (self.total, other.total)
            && differs(a, b, WHOLE)
        {
            return Some(("total".to_owned(), a, b));
        }
        let pairs = |mine: &BTreeMap<String, Exact>, theirs: &BTreeMap<String, Exact>, decimals| {
            mine.iter()
                .filter_map(|(id, &a)| theirs.get(id).map(|&b| (id.clone(), a, b)))
                .find(|&(_, a, b)| differs(a, b, decimals))
        };
        pairs(&self.areas, &other.areas, WHOLE)
            .or_else(|| pairs(&self.subareas, &other.subareas, TENTHS))
    }
}

/// The same evaluation found twice and counted once.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Duplicate {
    pub label: String,
    pub kept: String,
    pub passed_over: String,
}

/// Two different figures for one municipality and year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Conflict {
    pub label: String,
    pub first: String,
    pub second: String,
    /// "total", an area or a sub-area id.
    pub figure: String,
    pub first_value: Exact,
    pub second_value: Exact,
}

impl Conflict {
    pub fn message(&self, lang: Lang) -> String {
        let show = |x: Exact| super::exact::format_points(x, TENTHS, lang);
        let figure = match self.figure.as_str() {
            "total" => lang.pick("totalen", "the total").to_owned(),
            id => format!("{} {id}", lang.pick("område", "area")),
        };
        match lang {
            Lang::Nb => format!(
                "{}: to ulike resultater for samme evaluering, {figure} er {} i {} men {} i {}; fjern den som er feil",
                self.label,
                show(self.first_value),
                self.first,
                show(self.second_value),
                self.second
            ),
            Lang::En => format!(
                "{}: two different results for one evaluation, {figure} is {} in {} but {} in {}; remove the wrong one",
                self.label,
                show(self.first_value),
                self.first,
                show(self.second_value),
                self.second
            ),
        }
    }
}

impl Duplicate {
    pub fn message(&self, lang: Lang) -> String {
        match lang {
            Lang::Nb => format!(
                "{}: samme evaluering i {} og {}; telt én gang (fra {})",
                self.label, self.kept, self.passed_over, self.kept
            ),
            Lang::En => format!(
                "{}: the same evaluation in {} and {}; counted once (from {})",
                self.label, self.kept, self.passed_over, self.kept
            ),
        }
    }
}

/// Each evaluation once: one found again with the same figures (as shown)
/// is a [`Duplicate`], and the copy with more figures is kept; one found
/// with different figures is a [`Conflict`], and all of them are returned.
pub fn members(
    evaluations: Vec<Evaluation>,
) -> Result<(Vec<Evaluation>, Vec<Duplicate>), Vec<Conflict>> {
    let mut kept: Vec<Evaluation> = Vec::new();
    let mut at: BTreeMap<(String, Option<i32>), usize> = BTreeMap::new();
    let mut duplicates = Vec::new();
    let mut conflicts = Vec::new();
    for e in evaluations {
        let Some(&i) = at.get(&e.key()) else {
            at.insert(e.key(), kept.len());
            kept.push(e);
            continue;
        };
        let first = &kept[i];
        if let Some((figure, a, b)) = first.disagreement(&e) {
            conflicts.push(Conflict {
                label: first.label(),
                first: first.source.clone(),
                second: e.source.clone(),
                figure,
                first_value: a,
                second_value: b,
            });
            continue;
        }
        let richer = e.figure_count() > first.figure_count();
        let (keep, drop) = if richer {
            (e, kept[i].clone())
        } else {
            (kept[i].clone(), e)
        };
        duplicates.push(Duplicate {
            label: keep.label(),
            kept: keep.source.clone(),
            passed_over: drop.source,
        });
        kept[i] = keep;
    }
    if !conflicts.is_empty() {
        return Err(conflicts);
    }
    kept.sort_by(|a, b| {
        (a.year, a.municipality.to_lowercase()).cmp(&(b.year, b.municipality.to_lowercase()))
    });
    Ok((kept, duplicates))
}

/// The exact mean of the values and how many there are; `None` for none.
fn mean(values: impl Iterator<Item = Exact>) -> Option<(Exact, u32)> {
    let (sum, n) = values.fold((int(0), 0u32), |(s, n), v| (s + v, n + 1));
    (n > 0).then(|| (sum / int(i128::from(n)), n))
}

/// The average of `members` (each counted once already, see [`members`]):
/// every area, sub-area and the total the mean over the members that have
/// it, with its `n`; the members listed with their total and areas.
pub fn average(
    bank: &Bank,
    name: &str,
    members: &[Evaluation],
    country: Option<Country>,
) -> Baseline {
    let mut b = Baseline::new(name, BaselineKind::Average);
    b.bank = Some(bank.id().to_owned());
    b.country = country;
    b.fictional = members.iter().any(|m| m.fictional);
    if let Some((points, n)) = mean(members.iter().filter_map(|m| m.total)) {
        b.total = Some(points);
        b.n = Some(n);
    } else {
        b.n = Some(0);
    }
    for def in bank.areas() {
        let area = mean(members.iter().filter_map(|m| m.areas.get(&def.id).copied()));
        let subareas: Vec<SubareaPoints> = def
            .subareas
            .iter()
            .filter_map(|s| {
                mean(
                    members
                        .iter()
                        .filter_map(|m| m.subareas.get(&s.id).copied()),
                )
                .map(|(points, n)| SubareaPoints {
                    id: s.id.clone(),
                    points,
                    n: Some(n),
                })
            })
            .collect();
        if area.is_some() || !subareas.is_empty() {
            b.areas.push(AreaPoints {
                id: def.id.clone(),
                points: area.map(|(p, _)| p),
                n: Some(area.map_or(0, |(_, n)| n)),
                subareas,
            });
        }
    }
    b.members = members
        .iter()
        .map(|m| Member {
            municipality: m.municipality.clone(),
            year: m.year,
            total: m.total,
            areas: bank
                .areas()
                .iter()
                .filter_map(|def| {
                    m.areas.get(&def.id).map(|&points| MemberArea {
                        id: def.id.clone(),
                        points,
                    })
                })
                .collect(),
            source: m.source.clone(),
        })
        .collect();
    // Embedded in an assessment it is written as it is, so it says itself.
    b.format_version = b.needed_version();
    b
}

/// A place among others: "nr. 5 av 23".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Placement {
    pub rank: usize,
    pub of: usize,
}

/// The place of `own` among `others` and itself, by the value shown in
/// whole points (the council compares the numbers it reads), highest
/// first; equal values share a rank (two at 5 are both 5, the next is 7).
pub fn place(own: Exact, others: impl Iterator<Item = Exact>) -> Placement {
    let mine = round_scaled(own, WHOLE);
    let (above, count) = others.fold((0, 0), |(above, count), x| {
        (
            above + usize::from(round_scaled(x, WHOLE) > mine),
            count + 1,
        )
    });
    Placement {
        rank: above + 1,
        of: count + 1,
    }
}

/// Whether a member is the evaluation of `municipality` in `year`.
pub fn is_evaluation_of(member: &Member, municipality: &str, year: Option<i32>) -> bool {
    slug(&member.municipality) == slug(municipality) && member.year == year
}

/// Whether `b` is consistent with its members: each mean and `n` it gives
/// for the total and the areas is that of the members listed. Sub-areas are
/// not listed per member, so their means are taken as written. Returns one
/// problem per disagreement.
pub fn check_members(b: &Baseline) -> Vec<Problem> {
    if b.members.is_empty() {
        return Vec::new();
    }
    let mut problems = Vec::new();
    let mut expect = |what: String, given: (Option<Exact>, Option<u32>), values: Vec<Exact>| {
        let computed = mean(values.into_iter());
        let (points, n) = (computed.map(|c| c.0), computed.map_or(0, |c| c.1));
        if given.0 != points || given.1.is_some_and(|g| g != n) {
            let shown = |p: Option<Exact>, nothing: &str| {
                p.map_or_else(|| nothing.to_owned(), |p| p.to_string())
            };
            let written_n = given.1.map_or("?".to_owned(), |n| n.to_string());
            problems.push(Problem::at_in_both(
                what,
                format!(
                    "medlemmene gir {} over {n}, filen sier {} over {written_n}",
                    shown(points, "ingenting"),
                    shown(given.0, "ingenting")
                ),
                format!(
                    "the members give {} over {n}, the file says {} over {written_n}",
                    shown(points, "nothing"),
                    shown(given.0, "nothing")
                ),
            ));
        }
    };
    expect(
        "total".to_owned(),
        (b.total, b.n),
        b.members.iter().filter_map(|m| m.total).collect(),
    );
    for a in &b.areas {
        if a.points.is_some() || a.n.is_some() {
            expect(
                format!("areas.{}", a.id),
                (a.points, a.n),
                b.members
                    .iter()
                    .filter_map(|m| m.area_points(&a.id))
                    .collect(),
            );
        }
    }
    problems
}

/// The output of `kompass score --by-municipality --json`, as far as a
/// benchmark reads it.
#[derive(Debug, Deserialize)]
struct ScoreDocument {
    municipalities: Vec<ScoreItem>,
    /// Written since `benchmark` reads these; older output has none.
    #[serde(default)]
    bank: Option<BankRef>,
}

#[derive(Debug, Deserialize)]
struct ScoreItem {
    municipality: String,
    #[serde(default)]
    year: Option<i32>,
    total: f64,
    #[serde(default)]
    total_exact: Option<String>,
    areas: Vec<ScorePart>,
}

#[derive(Debug, Deserialize)]
struct ScorePart {
    id: String,
    points: f64,
    #[serde(default)]
    points_exact: Option<String>,
    #[serde(default)]
    subareas: Vec<ScorePart>,
}

/// Whether a JSON document without `format` is `score --by-municipality
/// --json` output (an object with a non-empty `municipalities` list).
pub fn is_score_document(bytes: &[u8]) -> bool {
    #[derive(Deserialize)]
    struct Probe {
        municipalities: Vec<serde::de::IgnoredAny>,
    }
    serde_json::from_slice::<Probe>(bytes).is_ok_and(|p| !p.municipalities.is_empty())
}

/// The evaluations in `score --by-municipality --json` output, exactly: the
/// `*_exact` text when there (older output has only the numbers, which are
/// exact when they are short decimals). Another bank's scores are refused.
pub fn from_score_document(
    bytes: &[u8],
    bank: &Bank,
    source: &str,
) -> Result<Vec<Evaluation>, Problem> {
    let doc: ScoreDocument = parse::from_json(bytes)?;
    if let Some(p) = doc
        .bank
        .as_ref()
        .and_then(|b| super::migrate::bank_mismatch(b, "score output", bank))
    {
        return Err(p);
    }
    let exact = |number: f64, text: &Option<String>, at: String| -> Result<Exact, Problem> {
        let problem = match text {
            Some(t) => super::exact::parse_fraction(t).map_err(Problem::foreseen),
            None => super::exact::from_f64(number).map_err(|_| {
                Problem::in_both(
                    format!("{number} er ikke eksakt; skår på nytt med denne Kompass, som skriver den eksakte verdien ved siden av"),
                    format!("{number} is not exact; score again with this Kompass, which writes the exact value beside it"),
                )
            }),
        };
        problem.map_err(|p| Problem { at: Some(at), ..p })
    };
    doc.municipalities
        .iter()
        .enumerate()
        .map(|(i, item)| {
            let at = format!("municipalities[{i}]");
            let mut e = Evaluation {
                municipality: item.municipality.trim().to_owned(),
                year: item.year,
                source: source.to_owned(),
                fictional: false,
                total: Some(exact(item.total, &item.total_exact, format!("{at}.total"))?),
                areas: BTreeMap::new(),
                subareas: BTreeMap::new(),
            };
            for (j, a) in item.areas.iter().enumerate() {
                let here = format!("{at}.areas[{j}]");
                e.areas.insert(
                    a.id.clone(),
                    exact(a.points, &a.points_exact, here.clone())?,
                );
                for (k, s) in a.subareas.iter().enumerate() {
                    e.subareas.insert(
                        s.id.clone(),
                        exact(s.points, &s.points_exact, format!("{here}.subareas[{k}]"))?,
                    );
                }
            }
            Ok(e)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn totals_only(name: &str, year: i32, total: i128, source: &str) -> Evaluation {
        Evaluation {
            municipality: name.into(),
            year: Some(year),
            source: source.into(),
            fictional: false,
            total: Some(int(total)),
            areas: BTreeMap::new(),
            subareas: BTreeMap::new(),
        }
    }

    #[test]
    fn ties_share_a_rank_and_the_next_skips() {
        let others = [500, 480, 480, 470].map(int);
        assert_eq!(
            place(int(480), others.into_iter()),
            Placement { rank: 2, of: 5 }
        );
        assert_eq!(place(int(471), others.into_iter()).rank, 4);
        assert_eq!(place(int(501), others.into_iter()).rank, 1);
        // 479.5 shows as 480: a tie as read.
        assert_eq!(place(Exact::new(959, 2), others.into_iter()).rank, 2);
        assert_eq!(
            place(int(1), std::iter::empty()),
            Placement { rank: 1, of: 1 }
        );
    }

    #[test]
    fn the_same_evaluation_twice_counts_once_and_different_figures_are_refused() {
        let a = totals_only("Røros", 2017, 396, "a.json");
        let same = totals_only("røros", 2017, 396, "b.json");
        let (kept, dups) = members(vec![a.clone(), same]).unwrap();
        assert_eq!(kept.len(), 1);
        assert_eq!(dups[0].kept, "a.json");
        assert_eq!(dups[0].passed_over, "b.json");
        // The richer copy is kept.
        let mut full = totals_only("Røros", 2017, 396, "full.json");
        full.areas.insert("1".into(), int(50));
        let (kept, _) = members(vec![a.clone(), full]).unwrap();
        assert_eq!(kept[0].source, "full.json");
        let other = totals_only("Røros", 2017, 399, "c.json");
        let conflicts = members(vec![a.clone(), other]).unwrap_err();
        let text = conflicts[0].message(Lang::En);
        assert!(text.contains("a.json") && text.contains("c.json"), "{text}");
        assert!(text.contains("396") && text.contains("399"), "{text}");
        // Another year is another evaluation.
        let later = totals_only("Røros", 2013, 254, "d.json");
        let (kept, _) = members(vec![a, later]).unwrap();
        assert_eq!(
            kept.iter().map(|e| e.year).collect::<Vec<_>>(),
            [Some(2013), Some(2017)]
        );
    }

    #[test]
    fn a_partial_sum_is_no_figure() {
        let bank = Bank::builtin();
        let json = br#"{"format": "kompass.baseline", "format_version": 1, "name": "Nabovik 2019",
            "areas": [{"id": "1", "subareas": [{"id": "1.1", "points": 10}]},
                      {"id": "2", "points": 50}]}"#;
        let b = Baseline::parse(json).unwrap();
        let e = Evaluation::from_baseline(&bank, &b, "n.json");
        assert_eq!(e.municipality, "Nabovik");
        assert_eq!(e.year, Some(2019), "from the name when the file has none");
        assert_eq!(e.areas.keys().collect::<Vec<_>>(), ["2"]);
        assert_eq!(e.subareas.len(), 1);
        assert_eq!(e.total, None);
    }

    #[test]
    fn an_average_is_consistent_with_its_members() {
        let bank = Bank::builtin();
        let mut a = totals_only("A", 2020, 400, "a");
        a.areas.insert("1".into(), int(51));
        let b = totals_only("B", 2021, 401, "b");
        let avg = average(&bank, "Snitt", &[a, b], Some(Country::No));
        assert_eq!(avg.total, Some(Exact::new(801, 2)));
        assert_eq!(avg.n, Some(2));
        assert_eq!(avg.areas[0].n, Some(1));
        assert!(check_members(&avg).is_empty());
        let mut edited = avg.clone();
        edited.total = Some(int(450));
        assert_eq!(
            check_members(&edited)[0].message,
            "the members give 801/2 over 2, the file says 450 over 2"
        );
        assert_eq!(edited.check(&bank).len(), 1, "a load refuses it");
        assert_eq!(avg.format_version, 2);
        assert_eq!(Baseline::parse(&avg.to_json()).unwrap(), avg);
    }
}
