//! Baselines: earlier evaluations and averages shown beside the scores.
//!
//! Format `kompass.baseline`, version 1 (see `docs/formats.md`). Points may
//! be given for the total, the areas and the sub-areas; any may be missing
//! when the published table did not print it.

use serde::{Deserialize, Serialize};

use super::exact::{self, Exact};
use super::parse::{self, Problem};

pub const FORMAT: &str = "kompass.baseline";
pub const FORMAT_VERSION: u64 = 1;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum BaselineKind {
    /// The municipality's own earlier evaluation.
    #[default]
    Earlier,
    /// An average over many municipalities (national, Swedish, ...).
    Average,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SubareaPoints {
    pub id: String,
    #[serde(with = "exact::as_number")]
    pub points: Exact,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct AreaPoints {
    pub id: String,
    #[serde(
        default,
        with = "exact::as_opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub points: Option<Exact>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub subareas: Vec<SubareaPoints>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Baseline {
    pub format: String,
    pub format_version: u64,
    pub name: String,
    #[serde(default)]
    pub kind: BaselineKind,
    /// Made-up figures (the demo's) are marked so that no one quotes them.
    #[serde(default)]
    pub fictional: bool,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub year: Option<i32>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(
        default,
        with = "exact::as_opt_number",
        skip_serializing_if = "Option::is_none"
    )]
    pub total: Option<Exact>,
    pub areas: Vec<AreaPoints>,
}

impl Baseline {
    pub fn new(name: &str, kind: BaselineKind) -> Baseline {
        Baseline {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            name: name.to_owned(),
            kind,
            fictional: false,
            year: None,
            source: None,
            note: None,
            total: None,
            areas: Vec::new(),
        }
    }

    pub fn parse(bytes: &[u8]) -> Result<Baseline, Problem> {
        let header = parse::header(bytes)?;
        parse::check_header(&header, FORMAT, FORMAT_VERSION)?;
        parse::from_json(bytes)
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("a baseline always serializes");
        out.push(b'\n');
        out
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

    /// Names the baseline for a legend: "Eksempelvik 2022 (fiktiv)".
    pub fn label(&self, lang: super::lang::Lang) -> String {
        if self.fictional {
            format!("{} ({})", self.name, lang.pick("fiktiv", "fictional"))
        } else {
            self.name.clone()
        }
    }
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
}
