//! Baselines: earlier evaluations and averages shown beside the scores.
//!
//! Format `kompass.baseline`, version 2 (see `docs/formats.md`). Points may
//! be given for the total, the areas and the sub-areas; any may be missing
//! when the published table did not print it. An average may say how many
//! evaluations each figure stands on (`n`) and list them (`members`);
//! `kompass benchmark` writes such averages (see `core::benchmark`).
//!
//! Version 2 added `municipality`, `country`, `n`, `members` and points
//! written as exact fractions (`"1462/3"`); a version 1 file reads as it is,
//! and a baseline using none of these is still written as version 1, so an
//! older Kompass on another laptop reads it.

use serde::{Deserialize, Serialize};

use super::bank::Bank;
use super::exact::{self, Exact, int};
use super::lang::Lang;
use super::parse::{self, Problem};
use super::results::{Figure, disagreement};

pub const FORMAT: &str = "kompass.baseline";
pub const FORMAT_VERSION: u64 = 2;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineKind {
    /// The municipality's own earlier evaluation.
    #[default]
    Earlier,
    /// An average over many municipalities (national, Swedish, ...).
    Average,
}

/// Which country's evaluations an average stands on; the same framework is
/// used in Norway and Sweden.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Country {
    No,
    Se,
}

impl Country {
    pub fn code(self) -> &'static str {
        match self {
            Country::No => "no",
            Country::Se => "se",
        }
    }

    /// "Norge" / "Norway".
    pub fn name(self, lang: Lang) -> &'static str {
        match self {
            Country::No => lang.pick("Norge", "Norway"),
            Country::Se => lang.pick("Sverige", "Sweden"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubareaPoints {
    pub id: String,
    #[serde(with = "exact::as_rational")]
    pub points: Exact,
    /// Of an average: how many evaluations the mean stands on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaPoints {
    pub id: String,
    #[serde(
        default,
        with = "exact::as_rational::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub points: Option<Exact>,
    /// Of an average: how many evaluations the area's mean stands on.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subareas: Vec<SubareaPoints>,
}

/// An area's points of one member of an average.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MemberArea {
    pub id: String,
    #[serde(with = "exact::as_rational")]
    pub points: Exact,
}

/// One evaluation an average stands on: enough to place a municipality
/// among the others (rank, the chart of totals by year).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Member {
    pub municipality: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(
        default,
        with = "exact::as_rational::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub total: Option<Exact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub areas: Vec<MemberArea>,
    /// The file it was read from, as given to `kompass benchmark`.
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub source: String,
}

impl Member {
    pub fn area_points(&self, id: &str) -> Option<Exact> {
        self.areas.iter().find(|a| a.id == id).map(|a| a.points)
    }

    /// "Røros 2017".
    pub fn label(&self) -> String {
        match self.year {
            Some(y) => format!("{} {y}", self.municipality),
            None => self.municipality.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub format: String,
    pub format_version: u64,
    pub name: String,
    /// The id of the question bank the figures are of
    /// (`kommunekompasset`): a baseline of another framework is refused.
    /// Missing in files made before it was recorded; then the ids and
    /// values alone are checked.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bank: Option<String>,
    #[serde(default)]
    pub kind: BaselineKind,
    /// Made-up figures (the demo's) are marked so that no one quotes them.
    #[serde(default)]
    pub fictional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    /// Of an earlier evaluation: whose it is (else read from the name,
    /// "Røros 2017" -> "Røros").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub municipality: Option<String>,
    /// Of an average: the country its evaluations are from.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub country: Option<Country>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(
        default,
        with = "exact::as_rational::opt",
        skip_serializing_if = "Option::is_none"
    )]
    pub total: Option<Exact>,
    /// Of an average: how many evaluations it stands on (its total's n).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub n: Option<u32>,
    pub areas: Vec<AreaPoints>,
    /// Of an average: the evaluations it stands on, each once.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub members: Vec<Member>,
}

impl Baseline {
    pub fn new(name: &str, kind: BaselineKind) -> Baseline {
        Baseline {
            format: FORMAT.to_owned(),
            // The lowest; `to_json` writes what the content needs.
            format_version: 1,
            name: name.to_owned(),
            bank: None,
            kind,
            fictional: false,
            year: None,
            municipality: None,
            country: None,
            source: None,
            note: None,
            total: None,
            n: None,
            areas: Vec::new(),
            members: Vec::new(),
        }
    }

    pub fn parse(bytes: &[u8]) -> Result<Baseline, Problem> {
        let header = parse::header(bytes)?;
        parse::check_header(&header, FORMAT, FORMAT_VERSION)?;
        parse::from_json(bytes)
    }

    /// The file's bytes, as the lowest format version that holds them.
    pub fn to_json(&self) -> Vec<u8> {
        let mut doc = self.clone();
        doc.format_version = self.needed_version();
        let mut out = serde_json::to_vec_pretty(&doc).expect("a baseline always serializes");
        out.push(b'\n');
        out
    }

    /// 1 unless a field or a number of version 2 is used.
    pub fn needed_version(&self) -> u64 {
        let fraction = |x: &Exact| exact::finite_decimal(*x).is_none();
        let v2 = self.municipality.is_some()
            || self.country.is_some()
            || self.n.is_some()
            || !self.members.is_empty()
            || self.total.as_ref().is_some_and(fraction)
            || self.areas.iter().any(|a| {
                a.n.is_some()
                    || a.points.as_ref().is_some_and(fraction)
                    || a.subareas
                        .iter()
                        .any(|s| s.n.is_some() || fraction(&s.points))
            });
        if v2 { 2 } else { 1 }
    }

    /// Whose earlier evaluation this is: `municipality`, else the name
    /// without a trailing year ("Røros 2017" -> "Røros").
    pub fn municipality_name(&self) -> String {
        match self.municipality.as_deref().map(str::trim) {
            Some(m) if !m.is_empty() => m.to_owned(),
            _ => split_year(&self.name).0.to_owned(),
        }
    }

    /// The year of the evaluation: `year`, else a year ending the name.
    pub fn evaluation_year(&self) -> Option<i32> {
        self.year.or(split_year(&self.name).1)
    }

    /// How many evaluations an average's figure stands on: the area's or
    /// sub-area's own `n`, else (for the total) the baseline's.
    pub fn area_n(&self, id: &str) -> Option<u32> {
        self.areas.iter().find(|a| a.id == id)?.n
    }

    pub fn subarea_n(&self, id: &str) -> Option<u32> {
        self.areas
            .iter()
            .flat_map(|a| &a.subareas)
            .find(|s| s.id == id)?
            .n
    }

    /// The points of an area: as printed, else the sum of its sub-areas.
    pub fn area_points(&self, id: &str) -> Option<Exact> {
        let area = self.areas.iter().find(|a| a.id == id)?;
        area.points.or_else(|| {
            (!area.subareas.is_empty()).then(|| area.subareas.iter().map(|s| s.points).sum())
        })
    }

    pub fn subarea_points(&self, id: &str) -> Option<Exact> {
        self.areas
            .iter()
            .flat_map(|a| &a.subareas)
            .find(|s| s.id == id)
            .map(|s| s.points)
    }

    /// The total: as printed, else the sum of the areas when all are known.
    pub fn total_points(&self) -> Option<Exact> {
        self.total.or_else(|| {
            let areas: Option<Vec<Exact>> =
                self.areas.iter().map(|a| self.area_points(&a.id)).collect();
            areas.filter(|a| !a.is_empty()).map(|a| a.into_iter().sum())
        })
    }

    /// Everything about the figures the bank can refute: made for another
    /// bank (then nothing else is checked), unknown or repeated area and
    /// sub-area ids, a sub-area under the wrong area, points outside 0 to
    /// the maximum, an area that disagrees with the sum of its sub-areas or
    /// a total with the sum of the areas by more than rounding explains
    /// (the rule of `import-results`; a warning, since published tables do
    /// disagree and the figures are kept as printed), an average whose means
    /// or n disagree with the members it lists. Messages in both languages.
    pub fn check(&self, bank: &Bank) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(id) = self.bank.as_deref().filter(|id| *id != bank.id()) {
            problems.push(Problem::at_in_both(
                "bank",
                format!(
                    "sammenligningsgrunnlaget «{}» er laget for spørsmålsbanken {id}, men den aktive banken er {}",
                    self.name,
                    bank.id()
                ),
                format!(
                    "the baseline \"{}\" was made for the question bank {id}, but the active bank is {}",
                    self.name,
                    bank.id()
                ),
            ));
            return problems;
        }
        let out_of_range = |at: String, points: Exact, max: Exact| {
            (points < int(0) || points > max).then(|| {
                let p = |lang| exact::format_value(points, lang);
                let m = |lang| exact::format_points(max, 0, lang);
                Problem::at_in_both(
                    at,
                    format!("{} poeng er utenfor 0–{}", p(Lang::Nb), m(Lang::Nb)),
                    format!("{} points is outside 0-{}", p(Lang::En), m(Lang::En)),
                )
            })
        };
        let unknown = |at: String, nb: String, en: String| {
            Problem::at_in_both(
                at,
                format!("{nb} finnes ikke i spørsmålsbanken {}", bank.id()),
                format!("{en} is not in the question bank {}", bank.id()),
            )
        };
        let mut seen = std::collections::BTreeSet::new();
        for (i, area) in self.areas.iter().enumerate() {
            let at = format!("areas[{i}]");
            if !seen.insert(area.id.as_str()) {
                problems.push(Problem::at_in_both(
                    at.clone(),
                    format!("område {} er gitt to ganger", area.id),
                    format!("area {} is given twice", area.id),
                ));
            }
            let Some(known) = bank.areas().iter().find(|a| a.id == area.id) else {
                problems.push(unknown(
                    at,
                    format!("område «{}»", area.id),
                    format!("area \"{}\"", area.id),
                ));
                continue;
            };
            if let Some(points) = area.points {
                problems.extend(out_of_range(
                    format!("{at} ({})", area.id),
                    points,
                    known.max_points,
                ));
            }
            let mut parts = Vec::new();
            for (j, sub) in area.subareas.iter().enumerate() {
                let at = format!("{at}.subareas[{j}] ({})", sub.id);
                if !seen.insert(sub.id.as_str()) {
                    problems.push(Problem::at_in_both(
                        at.clone(),
                        format!("delområde {} er gitt to ganger", sub.id),
                        format!("sub-area {} is given twice", sub.id),
                    ));
                    continue;
                }
                let Some(max) = known
                    .subareas
                    .iter()
                    .find(|s| s.id == sub.id)
                    .map(|s| s.max_points)
                else {
                    problems.push(unknown(
                        at,
                        format!("delområde «{}» under område {}", sub.id, area.id),
                        format!("sub-area \"{}\" of area {}", sub.id, area.id),
                    ));
                    continue;
                };
                match out_of_range(at, sub.points, max) {
                    Some(p) => problems.push(p),
                    None => parts.push(Figure::of(sub.points)),
                }
            }
            if let Some(points) = area.points
                && parts.len() == known.subareas.len()
                && area.subareas.iter().all(|s| s.n == area.n)
                && let Some(d) = disagreement(Some(&area.id), Figure::of(points), &parts)
            {
                let at = Some(format!("areas[{i}]"));
                problems.push(Problem { at, ..d.problem() }.warning());
            }
        }
        if let Some(total) = self.total {
            problems.extend(out_of_range("total".into(), total, bank.max_points()));
            // An average's parts add up to its whole only when they stand
            // on the same evaluations (a totals-only member counts in the
            // total alone).
            let same_n = self.areas.iter().all(|a| a.n == self.n);
            let areas: Option<Vec<Figure>> = bank
                .areas()
                .iter()
                .map(|a| self.area_points(&a.id).map(Figure::of))
                .collect();
            if same_n
                && let Some(d) =
                    areas.and_then(|areas| disagreement(None, Figure::of(total), &areas))
            {
                problems.push(d.problem().warning());
            }
        }
        // An average must agree with the members it lists.
        problems.extend(super::benchmark::check_members(self));
        problems
    }

    /// Names the baseline for a legend: "Eksempelvik 2022 (fiktiv)"; an
    /// average with its n: "Snitt Norge, 23 evalueringer".
    pub fn label(&self, lang: Lang) -> String {
        let mut out = self.name.clone();
        if self.fictional {
            out = format!("{out} ({})", lang.pick("fiktiv", "fictional"));
        }
        if let (BaselineKind::Average, Some(n)) = (self.kind, self.n) {
            out = format!("{out}, {}", evaluations(n, lang));
        }
        out
    }
}

/// "Røros 2017" -> ("Røros", Some(2017)); a name without a four-digit
/// year at its end is all name.
fn split_year(name: &str) -> (&str, Option<i32>) {
    let name = name.trim();
    match name.rsplit_once(' ') {
        Some((head, year)) if year.len() == 4 && year.bytes().all(|b| b.is_ascii_digit()) => {
            (head.trim(), year.parse().ok())
        }
        _ => (name, None),
    }
}

/// "23 evalueringer" / "1 evaluation".
pub fn evaluations(n: u32, lang: Lang) -> String {
    lang.count(
        n as usize,
        ["evaluering", "evalueringer"],
        ["evaluation", "evaluations"],
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exact::int;

    #[test]
    fn area_points_fall_back_to_the_sum_of_sub_areas() {
        let json = br#"{"format": "kompass.baseline", "format_version": 1, "name": "X", "kind": "average",
            "areas": [{"id": "1", "subareas": [{"id": "1.1", "points": 6.7}, {"id": "1.2", "points": 3.3}]},
                      {"id": "2", "points": 50}]}"#;
        let b = Baseline::parse(json).unwrap();
        assert_eq!(b.area_points("1"), Some(int(10)));
        assert_eq!(b.area_points("2"), Some(int(50)));
        assert_eq!(b.total_points(), Some(int(60)));
        assert_eq!(b.subarea_points("1.1"), Some(Exact::new(67, 10)));
        assert_eq!(Baseline::parse(&b.to_json()).unwrap(), b);
    }

    /// Area 2 above its maximum, an unknown sub-area 1.6 and an area 9: the
    /// file of the issue, which `validate` once called ok.
    #[test]
    fn figures_the_bank_refutes_are_named() {
        let json = br#"{"format": "kompass.baseline", "format_version": 1, "name": "Feil 2022",
            "total": 700,
            "areas": [{"id": "1", "points": 60, "subareas": [{"id": "1.1", "points": 10}, {"id": "1.6", "points": 5}]},
                      {"id": "2", "points": 140},
                      {"id": "3", "points": 50, "subareas": [{"id": "3.1", "points": 5}, {"id": "3.2", "points": 20},
                                                             {"id": "3.3", "points": 10}, {"id": "3.4", "points": 10}]},
                      {"id": "9", "points": 10}]}"#;
        let b = Baseline::parse(json).unwrap();
        let bank = Bank::builtin();
        let lines: Vec<String> = b.check(&bank).iter().map(|p| p.render("b.json")).collect();
        assert_eq!(
            lines,
            [
                "b.json: areas[0].subareas[1] (1.6): sub-area \"1.6\" of area 1 is not in the question bank kommunekompasset",
                "b.json: areas[1] (2): 140 points is outside 0-100",
                "b.json: warning: areas[2]: area 3: the sub-areas add up to 45, but the area is printed as 50 (rounding explains at most 2.5)",
                "b.json: areas[3]: area \"9\" is not in the question bank kommunekompasset",
            ]
        );
        let nb = b.check(&bank);
        assert_eq!(nb[1].message_in(Lang::Nb).1, "140 poeng er utenfor 0–100");

        // A sound baseline passes, the demo's among them: a totals-only
        // one, and an average whose total stands on more evaluations (27)
        // than its areas (18), so that the areas' means need not add up to
        // the total's.
        for demo in [
            &include_bytes!("../../sessions/baselines/eksempelvik-2014.json")[..],
            include_bytes!("../../sessions/baselines/eksempelvik-2018.json"),
            include_bytes!("../../sessions/baselines/eksempelvik-2022.json"),
            include_bytes!("../../sessions/baselines/nasjonalt-snitt-2026.json"),
        ] {
            assert_eq!(Baseline::parse(demo).unwrap().check(&bank), vec![]);
        }
    }

    #[test]
    fn a_total_off_its_areas_and_another_bank_are_refused() {
        let bank = Bank::builtin();
        let mut b = Baseline::new("X", BaselineKind::Earlier);
        b.areas = (1..=8)
            .map(|a| AreaPoints {
                id: a.to_string(),
                points: Some(int(50)),
                n: None,
                subareas: Vec::new(),
            })
            .collect();
        b.total = Some(int(410));
        assert_eq!(
            b.check(&bank)[0].message,
            "total: the areas add up to 400, but the total is printed as 410 (rounding explains at most 4.5)"
        );
        b.total = Some(int(400));
        assert!(b.check(&bank).is_empty());
        b.bank = Some("kommunkompassen".into());
        let p = b.check(&bank);
        assert_eq!(p.len(), 1);
        assert_eq!(
            p[0].render("x.json"),
            "x.json: bank: the baseline \"X\" was made for the question bank kommunkompassen, but the active bank is kommunekompasset"
        );
        b.bank = Some("kommunekompasset".into());
        assert!(b.check(&bank).is_empty());
    }

    #[test]
    fn version_1_is_written_unless_version_2_is_needed() {
        let version = |b: &Baseline| {
            let v: serde_json::Value = serde_json::from_slice(&b.to_json()).unwrap();
            v["format_version"].as_u64().unwrap()
        };
        let mut b = Baseline::new("Røros 2017", BaselineKind::Earlier);
        b.total = Some(Exact::new(7925, 20));
        assert_eq!(version(&b), 1, "396.25 is a plain number");
        assert_eq!(
            (b.municipality_name().as_str(), b.evaluation_year()),
            ("Røros", Some(2017))
        );
        b.total = Some(Exact::new(1189, 3));
        assert_eq!(version(&b), 2, "a third needs a fraction");
        let back = Baseline::parse(&b.to_json()).unwrap();
        assert_eq!(back.total, b.total);
        let mut avg = Baseline::new("Snitt Sverige", BaselineKind::Average);
        avg.country = Some(Country::Se);
        avg.n = Some(75);
        assert_eq!(version(&avg), 2);
        assert_eq!(avg.label(Lang::Nb), "Snitt Sverige, 75 evalueringer");
        avg.fictional = true;
        assert_eq!(
            avg.label(Lang::En),
            "Snitt Sverige (fictional), 75 evaluations"
        );
        // A file of the release before version 2 reads as it is.
        let old =
            br#"{"format": "kompass.baseline", "format_version": 1, "name": "Eksempelvik 2022",
            "kind": "earlier", "fictional": true, "year": 2022, "total": 433.8, "areas": []}"#;
        let b = Baseline::parse(old).unwrap();
        assert_eq!((b.n, b.country, b.members.len()), (None, None, 0));
    }
}
