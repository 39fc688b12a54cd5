//! Published result tables as baselines (`kompass import-results`).
//!
//! The table is CSV with the header `id,points`: ids are areas ("1"-"8"),
//! sub-areas ("1.1" ...) or "total". The delimiter is `,` or `;`, taken from
//! the header line; numbers take a decimal comma or point (with `,` as the
//! delimiter a decimal comma must be quoted: `"6,7"`).
//!
//! Published figures are rounded, so sums are compared with a tolerance of
//! half a unit in the last printed place of every figure involved: an area
//! printed whole ("77") is within 0.5 of its true value, a sub-area printed
//! with one decimal ("18,4") within 0.05. The sub-areas of an area disagree
//! with it when `|area - sum of sub-areas| > tol(area) + sum of tol(sub-area)`
//! (for a whole area of four one-decimal sub-areas: more than 0.7), and the
//! areas with the total likewise. A disagreement is reported, naming the
//! area and both numbers; the figures are kept as printed.

use std::collections::BTreeMap;

use num_traits::Signed;

use super::bank::Bank;
use super::baseline::{AreaPoints, Baseline, BaselineKind, SubareaPoints};
use super::exact::{self, Exact, int};
use super::lang::Lang;
use super::parse::{self, Problem};

/// One figure of the table, as printed.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct Figure {
    points: Exact,
    /// Half a unit in the last printed place.
    tolerance: Exact,
    decimals: u32,
}

impl Figure {
    /// A figure of a baseline file, printed with as many decimals as its
    /// exact value needs (6.7 has one, 77 none; at most 9).
    pub(crate) fn of(points: Exact) -> Figure {
        let decimals = (0..9u32)
            .find(|&d| (points * int(10i128.pow(d))).is_integer())
            .unwrap_or(9);
        Figure {
            points,
            tolerance: Exact::new(5, 10i128.pow(decimals + 1)),
            decimals,
        }
    }

    /// Several figures added up: their sum, within the sum of their roundings.
    fn sum(parts: &[Figure]) -> Figure {
        Figure {
            points: parts.iter().map(|f| f.points).sum(),
            tolerance: parts.iter().map(|f| f.tolerance).sum(),
            decimals: parts.iter().map(|f| f.decimals).max().unwrap_or(0),
        }
    }
}

/// Whether `printed` (area `area`, or the total for `None`) disagrees with
/// the sum of its `parts` by more than their rounding explains.
pub(crate) fn disagreement(
    area: Option<&str>,
    printed: Figure,
    parts: &[Figure],
) -> Option<Disagreement> {
    let sum = Figure::sum(parts);
    let tolerance = printed.tolerance + sum.tolerance;
    ((printed.points - sum.points).abs() > tolerance).then(|| Disagreement {
        area: area.map(str::to_owned),
        printed: printed.points,
        sum: sum.points,
        tolerance,
        printed_decimals: printed.decimals,
        sum_decimals: sum.decimals,
    })
}

/// Where a sum and a printed figure disagree by more than the rounding allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    /// The area id, or `None` for the total.
    pub area: Option<String>,
    pub printed: Exact,
    pub sum: Exact,
    pub tolerance: Exact,
    /// Decimals of the printed figure, and of the sum (as many as its parts carry).
    printed_decimals: u32,
    sum_decimals: u32,
}

impl Disagreement {
    pub fn message(&self, lang: Lang) -> String {
        let f = |x: Exact, d: u32| exact::format_points(x, d, lang);
        let sum = f(self.sum, self.sum_decimals);
        let printed = f(self.printed, self.printed_decimals);
        let tol = f(
            self.tolerance,
            self.sum_decimals.max(self.printed_decimals) + 1,
        );
        match (&self.area, lang) {
            (Some(a), Lang::Nb) => format!(
                "område {a}: delområdene summerer til {sum}, men området er oppgitt til {printed} (avrunding forklarer høyst {tol})"
            ),
            (Some(a), Lang::En) => format!(
                "area {a}: the sub-areas add up to {sum}, but the area is printed as {printed} (rounding explains at most {tol})"
            ),
            (None, Lang::Nb) => format!(
                "total: områdene summerer til {sum}, men totalen er oppgitt til {printed} (avrunding forklarer høyst {tol})"
            ),
            (None, Lang::En) => format!(
                "total: the areas add up to {sum}, but the total is printed as {printed} (rounding explains at most {tol})"
            ),
        }
    }
}

/// A table read: the baseline, the sums that disagree, and what could not
/// be compared.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    pub baseline: Baseline,
    pub disagreements: Vec<Disagreement>,
    /// Sums not compared because a part is missing, one line each.
    pub notes: Vec<String>,
}

fn figure(text: &str) -> Result<Figure, String> {
    let points = exact::parse_decimal(text)?;
    let t = text.trim();
    let mantissa = t.split(['e', 'E']).next().unwrap_or(t);
    let exponent: i64 = t
        .split_once(['e', 'E'])
        .and_then(|(_, e)| e.parse().ok())
        .unwrap_or(0);
    let frac = mantissa
        .split_once(['.', ','])
        .map_or(0, |(_, f)| f.len() as i64);
    let decimals = (frac - exponent).clamp(0, 9) as u32;
    Ok(Figure {
        points,
        tolerance: Exact::new(5, 10i128.pow(decimals + 1)),
        decimals,
    })
}

/// A 4-digit year in the name ("Midtre Gauldal 2015" -> 2015).
fn year_in(name: &str) -> Option<i32> {
    name.split(|c: char| !c.is_ascii_digit())
        .filter(|w| w.len() == 4)
        .filter_map(|w| w.parse().ok())
        .find(|y| (1900..=2100).contains(y))
}

/// Reads a result table against the bank. Every problem (unknown id,
/// repeated id, a number that is not one, points above the max) is
/// returned, each naming its line.
pub fn import(
    bytes: &[u8],
    bank: &Bank,
    name: &str,
    kind: BaselineKind,
    lang: Lang,
) -> Result<Imported, Vec<Problem>> {
    let text = parse::utf8(bytes).map_err(|p| vec![p])?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let header_line = text.lines().find(|l| !l.trim().is_empty()).unwrap_or("");
    let delimiter = if header_line.contains(';') {
        b';'
    } else {
        b','
    };
    let at_line = |line: usize, msg: String| Problem {
        line: Some(line),
        ..Problem::new(msg)
    };
    let mut reader = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(text.as_bytes());
    let mut problems = Vec::new();
    let mut figures: BTreeMap<String, (usize, Figure)> = BTreeMap::new();
    let mut header_seen = false;
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                let line = e.position().map_or(0, |p| p.line() as usize);
                problems.push(at_line(line, format!("not readable as CSV: {e}")));
                continue;
            }
        };
        let line = record.position().map_or(0, |p| p.line() as usize);
        if record.iter().all(str::is_empty) {
            continue;
        }
        if !header_seen {
            header_seen = true;
            let fields: Vec<String> = record.iter().map(str::to_lowercase).collect();
            if fields != ["id", "points"] {
                problems.push(at_line(
                    line,
                    format!(
                        "the header must be `id,points` (or `id;points`), found `{}`",
                        record.iter().collect::<Vec<_>>().join(",")
                    ),
                ));
                return Err(problems);
            }
            continue;
        }
        if record.len() != 2 {
            let hint = if delimiter == b',' {
                "; with `,` between the fields a decimal comma must be quoted (\"6,7\"), or use `;`"
            } else {
                ""
            };
            problems.push(at_line(
                line,
                format!("{} fields, expected 2 (id and points){hint}", record.len()),
            ));
            continue;
        }
        let (id, value) = (record[0].to_lowercase(), &record[1]);
        let max = if id == "total" {
            Some(bank.max_points())
        } else if let Some(area) = bank.areas().iter().find(|a| a.id == id) {
            Some(area.max_points)
        } else {
            bank.areas()
                .iter()
                .flat_map(|a| &a.subareas)
                .find(|s| s.id == id)
                .map(|s| s.max_points)
        };
        let Some(max) = max else {
            problems.push(at_line(
                line,
                format!(
                    "unknown id \"{}\"; ids are areas (1, 2, ...), sub-areas (1.1, ...) or total",
                    &record[0]
                ),
            ));
            continue;
        };
        let fig = match figure(value) {
            Ok(f) => f,
            Err(e) => {
                problems.push(at_line(line, format!("{id}: {e}")));
                continue;
            }
        };
        if fig.points < int(0) || fig.points > max {
            problems.push(at_line(
                line,
                format!(
                    "{id}: {value} points is outside 0-{}",
                    exact::format_points(max, 0, Lang::En)
                ),
            ));
            continue;
        }
        if let Some((first, _)) = figures.get(&id) {
            problems.push(at_line(
                line,
                format!("{id} is given twice (first on line {first})"),
            ));
            continue;
        }
        figures.insert(id, (line, fig));
    }
    if !header_seen {
        problems.push(Problem::new(
            "the file is empty; expected the header `id,points`",
        ));
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    let get = |id: &str| figures.get(id).map(|(_, f)| *f);
    if figures.is_empty() {
        return Err(vec![Problem::new("the table has no rows after the header")]);
    }

    let mut baseline = Baseline::new(name.trim(), kind);
    baseline.year = year_in(name);
    baseline.bank = Some(bank.id().to_owned());
    baseline.total = get("total").map(|f| f.points);
    let mut disagreements = Vec::new();
    let mut notes = Vec::new();
    // Each area as the total check sees it: printed, else its complete sub-areas.
    let mut area_figures: Vec<Option<Figure>> = Vec::new();
    for area in bank.areas() {
        let printed = get(&area.id);
        let subs: Vec<(String, Figure)> = area
            .subareas
            .iter()
            .filter_map(|s| get(&s.id).map(|f| (s.id.clone(), f)))
            .collect();
        let complete = subs.len() == area.subareas.len();
        let parts: Vec<Figure> = subs.iter().map(|(_, f)| *f).collect();
        let sum = complete.then(|| Figure::sum(&parts));
        match (printed, sum) {
            (Some(p), Some(_)) => {
                disagreements.extend(disagreement(Some(&area.id), p, &parts));
            }
            (Some(_), None) if !subs.is_empty() => notes.push(format!(
                "{} {}: {} {} {} {}",
                lang.pick("område", "area"),
                area.id,
                subs.len(),
                lang.pick("av", "of"),
                area.subareas.len(),
                lang.pick(
                    "delområder er gitt; summen deres er ikke sammenlignet med området",
                    "sub-areas are given; their sum is not compared with the area"
                ),
            )),
            _ => {}
        }
        area_figures.push(printed.or(sum));
        if printed.is_some() || !subs.is_empty() {
            baseline.areas.push(AreaPoints {
                id: area.id.clone(),
                points: printed.map(|f| f.points),
                subareas: subs
                    .into_iter()
                    .map(|(id, f)| SubareaPoints {
                        id,
                        points: f.points,
                    })
                    .collect(),
            });
        }
    }
    if let Some(total) = get("total") {
        let known: Option<Vec<Figure>> = area_figures.iter().copied().collect();
        match known {
            Some(areas) => disagreements.extend(disagreement(None, total, &areas)),
            None => notes.push(
                lang.pick(
                    "total: ikke alle områder er gitt; summen er ikke sammenlignet med totalen",
                    "total: not every area is given; their sum is not compared with the total",
                )
                .to_owned(),
            ),
        }
    }
    Ok(Imported {
        baseline,
        disagreements,
        notes,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn import_en(csv: &str) -> Result<Imported, Vec<String>> {
        import(
            csv.as_bytes(),
            &Bank::builtin(),
            "Test 2015",
            BaselineKind::Earlier,
            Lang::En,
        )
        .map_err(|ps| ps.iter().map(|p| p.render("t.csv")).collect())
    }

    #[test]
    fn delimiters_decimal_marks_and_quotes() {
        for csv in [
            "id,points\n1.1,6.7\n1.2,\"3,3\"\n",
            "\u{feff}id;points\n1.1;6,7\n\"1.2\";3.3\n",
            "ID ; Points\r\n\r\n1.1 ; 6,7\r\n1.2;3,30\r\n",
        ] {
            let imported = import_en(csv).unwrap();
            let area = &imported.baseline.areas[0];
            assert_eq!(area.id, "1");
            assert_eq!(area.points, None);
            assert_eq!(area.subareas.len(), 2, "{csv:?}");
            assert_eq!(area.subareas[0].points, Exact::new(67, 10));
            assert_eq!(area.subareas[1].points, Exact::new(33, 10));
        }
        let b = import_en("id,points\n1,62\n").unwrap().baseline;
        assert_eq!((b.year, b.name.as_str()), (Some(2015), "Test 2015"));
    }

    #[test]
    fn every_bad_row_is_named_by_line() {
        let e = import_en("id,points\n1.1,6,7\n9,10\n1.2,abc\n1.3,31\n1.4,2\n1.4,3\n").unwrap_err();
        assert_eq!(
            e,
            vec![
                "t.csv:2: 3 fields, expected 2 (id and points); with `,` between the fields a decimal comma must be quoted (\"6,7\"), or use `;`",
                "t.csv:3: unknown id \"9\"; ids are areas (1, 2, ...), sub-areas (1.1, ...) or total",
                "t.csv:4: 1.2: `abc` is not a number",
                "t.csv:5: 1.3: 31 points is outside 0-30",
                "t.csv:7: 1.4 is given twice (first on line 6)",
            ]
        );
        assert_eq!(
            import_en("points,id\n1,2\n").unwrap_err(),
            vec!["t.csv:1: the header must be `id,points` (or `id;points`), found `points,id`"]
        );
        assert_eq!(
            import_en("\n\n").unwrap_err(),
            vec!["t.csv: the file is empty; expected the header `id,points`"]
        );
        assert!(import_en("id;points\n").unwrap_err()[0].contains("no rows"));
    }

    #[test]
    fn tolerance_is_half_a_unit_in_the_last_printed_place() {
        assert_eq!(figure("77").unwrap().tolerance, Exact::new(1, 2));
        assert_eq!(figure("18,4").unwrap().tolerance, Exact::new(1, 20));
        assert_eq!(figure("6.65").unwrap().tolerance, Exact::new(1, 200));
        // Four one-decimal sub-areas and a whole area: 0.5 + 4 x 0.05 = 0.7 is allowed.
        let ok = import_en("id,points\n2,77\n2.1,8.0\n2.2,25.0\n2.3,18.4\n2.4,24.9\n").unwrap();
        assert!(ok.disagreements.is_empty(), "76.3 vs 77 is 0.7");
        let off = import_en("id,points\n2,77\n2.1,8.0\n2.2,25.0\n2.3,18.4\n2.4,24.8\n").unwrap();
        assert_eq!(
            off.disagreements[0].message(Lang::En),
            "area 2: the sub-areas add up to 76.2, but the area is printed as 77 (rounding explains at most 0.70)"
        );
        let partial = import_en("id,points\n2,77\n2.1,8.0\n").unwrap();
        assert_eq!(
            partial.notes,
            vec!["area 2: 1 of 4 sub-areas are given; their sum is not compared with the area"]
        );
    }
}
