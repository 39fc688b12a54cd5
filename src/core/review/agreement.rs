//! How much the interviews agree: Krippendorff's alpha for ordinal data.
//!
//! Units are question x dimension; the coders are the interviews; the values
//! are the scores (0-4 with halves, ranked as ordinal categories). A unit
//! counts when at least two interviews scored it. Computed from the
//! definition (Krippendorff 2011, "Computing Krippendorff's Alpha-Reliability"):
//!
//! - coincidence matrix: `o_ck = sum over units of n_uc * (n_uk - [c = k]) / (m_u - 1)`;
//! - `n_c` = row sums of `o`, `n` = their total;
//! - ordinal distance: `d(c, k) = (sum of n_g for g from c to k - (n_c + n_k) / 2)^2`;
//! - `alpha = 1 - (n - 1) * sum(o_ck d(c, k)) / sum(n_c n_k d(c, k))`.
//!
//! No pairable value gives `None`; values that are all the same give 1.

use crate::core::assessment::Assessment;
use crate::core::bank::{Bank, DIMENSIONS};
use crate::core::exact::Exact;
use crate::core::lang::Lang;

/// Krippendorff's alpha for ordinal data. Each unit lists the values the
/// coders gave it (missing ones left out). `None` when no unit has two values.
pub fn ordinal_alpha(units: &[Vec<Exact>]) -> Option<f64> {
    let pairable: Vec<&Vec<Exact>> = units.iter().filter(|u| u.len() >= 2).collect();
    let mut levels: Vec<Exact> = pairable.iter().flat_map(|u| u.iter().copied()).collect();
    levels.sort();
    levels.dedup();
    match levels.len() {
        0 => return None,
        1 => return Some(1.0),
        _ => {}
    }
    let k = levels.len();
    let index = |v: &Exact| levels.binary_search(v).expect("every value is a level");
    let mut o = vec![vec![0.0f64; k]; k];
    for unit in &pairable {
        let mut counts = vec![0.0f64; k];
        for v in unit.iter() {
            counts[index(v)] += 1.0;
        }
        let weight = 1.0 / (unit.len() - 1) as f64;
        for c in 0..k {
            for d in 0..k {
                let pairs = counts[c] * (counts[d] - if c == d { 1.0 } else { 0.0 });
                o[c][d] += pairs * weight;
            }
        }
    }
    let n_c: Vec<f64> = o.iter().map(|row| row.iter().sum()).collect();
    let n: f64 = n_c.iter().sum();
    let distance = |c: usize, d: usize| {
        let (lo, hi) = (c.min(d), c.max(d));
        let between: f64 = n_c[lo..=hi].iter().sum();
        (between - (n_c[c] + n_c[d]) / 2.0).powi(2)
    };
    let (mut observed, mut expected) = (0.0, 0.0);
    for c in 0..k {
        for d in 0..k {
            let delta = distance(c, d);
            observed += o[c][d] * delta;
            expected += n_c[c] * n_c[d] * delta;
        }
    }
    Some(1.0 - (n - 1.0) * observed / expected)
}

/// The agreement in one area.
#[derive(Debug, Clone, PartialEq)]
pub struct AreaAgreement {
    pub area: String,
    pub alpha: Option<f64>,
    /// Values in units that at least two interviews scored.
    pub pairable: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Agreement {
    pub overall: Option<f64>,
    pub pairable: usize,
    pub areas: Vec<AreaAgreement>,
}

/// Alpha per area and over all questions, across the interviews.
pub fn agreement(bank: &Bank, assessment: &Assessment) -> Agreement {
    let mut per_area: Vec<Vec<Vec<Exact>>> = vec![Vec::new(); bank.areas().len()];
    for (pos, q) in bank.questions() {
        let Some(review) = assessment.questions.get(&q.id) else {
            continue;
        };
        for d in DIMENSIONS {
            let values: Vec<Exact> = review
                .interviews
                .values()
                .filter_map(|s| s.get(d))
                .collect();
            per_area[pos.area].push(values);
        }
    }
    let pairable = |units: &[Vec<Exact>]| units.iter().filter(|u| u.len() >= 2).map(Vec::len).sum();
    let all: Vec<Vec<Exact>> = per_area.iter().flatten().cloned().collect();
    Agreement {
        overall: ordinal_alpha(&all),
        pairable: pairable(&all),
        areas: bank
            .areas()
            .iter()
            .zip(&per_area)
            .map(|(area, units)| AreaAgreement {
                area: area.id.clone(),
                alpha: ordinal_alpha(units),
                pairable: pairable(units),
            })
            .collect(),
    }
}

/// One line for the screen that says how to read the figure.
pub fn explanation(lang: Lang) -> &'static str {
    lang.pick(
        "Samstemthet (Krippendorffs alfa, ordinal): 1 = intervjuene skårer likt, 0 = ikke mer samstemt enn tilfeldig; under 0,67 er svakt.",
        "Agreement (Krippendorff's alpha, ordinal): 1 = the interviews score alike, 0 = no more alike than chance; below 0.67 is weak.",
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::tests::source;
    use crate::core::exact::int;
    use crate::core::session::{Answer, Scores, tests::sample};

    fn units(rows: &[&[Option<i128>]]) -> Vec<Vec<Exact>> {
        let n = rows[0].len();
        (0..n)
            .map(|u| rows.iter().filter_map(|r| r[u]).map(int).collect())
            .collect()
    }

    #[test]
    fn krippendorff_2011_worked_example() {
        // Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability",
        // section C: 4 observers, 12 units, values 1-5 with missing data.
        // The paper gives alpha = 0.815 for ordinal data; the exact value,
        // 0.8153875..., is from tests/fixtures/krippendorff_reference.py, an
        // independent implementation with exact fractions.
        const X: Option<i128> = None;
        let data = units(&[
            &[
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(1),
                Some(4),
                Some(1),
                Some(2),
                X,
                X,
                X,
            ],
            &[
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(2),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                X,
                Some(3),
            ],
            &[
                X,
                Some(3),
                Some(3),
                Some(3),
                Some(2),
                Some(3),
                Some(4),
                Some(2),
                Some(2),
                Some(5),
                Some(1),
                X,
            ],
            &[
                Some(1),
                Some(2),
                Some(3),
                Some(3),
                Some(2),
                Some(4),
                Some(4),
                Some(1),
                Some(2),
                Some(5),
                Some(1),
                X,
            ],
        ]);
        let alpha = ordinal_alpha(&data).unwrap();
        assert!((alpha - 0.815_387_503_754_881_3).abs() < 1e-12, "{alpha}");
    }

    #[test]
    fn small_case_worked_by_hand() {
        // Units (0, 1) and (1, 2): n_0 = 1, n_1 = 2, n_2 = 1, n = 4.
        // d(0,1) = (3 - 1.5)^2 = 2.25, d(1,2) = 2.25, d(0,2) = (4 - 1)^2 = 9.
        // sum o d = 2 x 2.25 + 2 x 2.25 = 9; sum n_c n_k d = 2(2 x 2.25) + 2(2 x 2.25) + 2(1 x 9) = 36.
        // alpha = 1 - 3 x 9 / 36 = 0.25.
        let alpha = ordinal_alpha(&[vec![int(0), int(1)], vec![int(1), int(2)]]).unwrap();
        assert!((alpha - 0.25).abs() < 1e-12, "{alpha}");
        // Half steps are categories of their own; value from the reference script.
        let h = |n, d| Exact::new(n, d);
        let alpha =
            ordinal_alpha(&[vec![h(5, 2), int(3), int(3)], vec![int(1), h(3, 2), int(1)]]).unwrap();
        assert!((alpha - 0.772_727_272_727_272_7).abs() < 1e-12, "{alpha}");
    }

    #[test]
    fn edge_cases() {
        assert_eq!(ordinal_alpha(&[]), None);
        assert_eq!(
            ordinal_alpha(&[vec![int(1)], vec![int(3)]]),
            None,
            "nothing pairable"
        );
        assert_eq!(
            ordinal_alpha(&[vec![int(2), int(2)], vec![int(2), int(2), int(2)]]),
            Some(1.0)
        );
        // Perfect agreement with variation between units is 1 too.
        assert_eq!(
            ordinal_alpha(&[vec![int(1), int(1)], vec![int(3), int(3)]]),
            Some(1.0)
        );
        // Systematic disagreement goes below 0.
        assert!(ordinal_alpha(&[vec![int(0), int(4)], vec![int(4), int(0)]]).unwrap() < 0.0);
    }

    #[test]
    fn per_area_and_overall_over_the_interviews() {
        let bank = Bank::builtin();
        let mut sessions = Vec::new();
        for (i, v) in [1, 1, 3].iter().enumerate() {
            let mut s = sample(&bank);
            s.id = format!("S{i}");
            s.answers.clear();
            let answer = |scores| Answer {
                scores,
                ..Answer::default()
            };
            let mixed = Scores {
                system: Some(int(*v)),
                extent: Some(int(2)),
                results: None,
            };
            s.answers.insert("1.1.1".into(), answer(mixed));
            let fours = Scores {
                system: Some(int(4)),
                extent: Some(int(4)),
                results: Some(int(4)),
            };
            s.answers.insert("2.1.1".into(), answer(fours));
            sessions.push(s);
        }
        let sources: Vec<_> = sessions.iter().map(|s| source(s, &s.id)).collect();
        let a = Assessment::build(&bank, &sources, sessions[0].started_at);
        let g = agreement(&bank, &a);
        assert_eq!(g.areas[0].pairable, 6);
        assert_eq!(
            g.areas[0].alpha,
            ordinal_alpha(&[vec![int(1), int(1), int(3)], vec![int(2); 3]])
        );
        assert_eq!(g.areas[1].alpha, Some(1.0));
        assert_eq!(g.areas[2].alpha, None);
        assert_eq!(g.pairable, 15);
        assert!(g.overall.unwrap() > g.areas[0].alpha.unwrap());
        assert!(explanation(Lang::Nb).starts_with("Samstemthet"));
    }
}
