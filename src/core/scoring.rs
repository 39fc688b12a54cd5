//! The scoring rule, exact. See `docs/scoring.md`.
//!
//! - a question's max = its sub-area's max x weight / sum of weights in the sub-area;
//! - a question counts when all three dimensions have a value, and gives
//!   max x (system + extent + results) / (3 x scale max);
//! - sub-area, area and total are plain sums; unscored questions give 0 and
//!   are counted as unscored.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::bank::{Bank, Question, QuestionPos};
use super::exact::{self, Exact, int};
use super::session::{Scores, Session};

/// Anything that can say how a question was scored.
pub trait ScoreSource {
    fn scores(&self, question_id: &str) -> Option<Scores>;
}

impl ScoreSource for Session {
    fn scores(&self, question_id: &str) -> Option<Scores> {
        self.answers.get(question_id).map(|a| a.scores)
    }
}

impl ScoreSource for BTreeMap<String, Scores> {
    fn scores(&self, question_id: &str) -> Option<Scores> {
        self.get(question_id).copied()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubareaScore {
    pub id: String,
    #[serde(with = "exact::as_number")]
    pub points: Exact,
    #[serde(with = "exact::as_number")]
    pub max: Exact,
    pub questions: usize,
    pub asked: usize,
    pub scored: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    pub id: String,
    #[serde(with = "exact::as_number")]
    pub points: Exact,
    #[serde(with = "exact::as_number")]
    pub max: Exact,
    /// Questions in the area.
    pub questions: usize,
    /// Questions routed to the roles interviewed (all of them when no roles are given).
    pub asked: usize,
    /// Questions with all three dimensions scored.
    pub scored: usize,
    pub subareas: Vec<SubareaScore>,
}

/// Points per sub-area, area and in total, unrounded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    #[serde(with = "exact::as_number")]
    pub total: Exact,
    #[serde(with = "exact::as_number")]
    pub max: Exact,
    pub areas: Vec<AreaScore>,
}

impl Scorecard {
    pub fn area(&self, id: &str) -> Option<&AreaScore> {
        self.areas.iter().find(|a| a.id == id)
    }

    pub fn scored(&self) -> usize {
        self.areas.iter().map(|a| a.scored).sum()
    }

    pub fn asked(&self) -> usize {
        self.areas.iter().map(|a| a.asked).sum()
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string_pretty(self).expect("a scorecard always serializes")
    }
}

/// The most points a question can give.
pub fn question_max(bank: &Bank, pos: QuestionPos) -> Exact {
    let sub = bank.subarea_of(pos);
    let weights: Exact = sub.questions.iter().map(|q| q.weight).sum();
    sub.max_points * bank.at(pos).weight / weights
}

/// The points a question gives, when all three dimensions are scored.
pub fn question_points(bank: &Bank, pos: QuestionPos, scores: &Scores) -> Option<Exact> {
    let sum = scores.sum()?;
    let range = int(3 * bank.scale_max() as i128);
    Some(question_max(bank, pos) * sum / range)
}

/// Scores the whole bank from `source`. `roles` decides which questions count
/// as asked (coverage); `None` means every question.
pub fn score(bank: &Bank, source: &dyn ScoreSource, roles: Option<&BTreeSet<String>>) -> Scorecard {
    let is_asked = |q: &Question| roles.is_none_or(|r| Bank::is_routed(q, r));
    let mut areas = Vec::with_capacity(bank.areas().len());
    for (a, area) in bank.areas().iter().enumerate() {
        let mut subareas = Vec::with_capacity(area.subareas.len());
        for (s, sub) in area.subareas.iter().enumerate() {
            let weights: Exact = sub.questions.iter().map(|q| q.weight).sum();
            let range = int(3 * bank.scale_max() as i128);
            let mut points = int(0);
            let (mut asked, mut scored) = (0, 0);
            for (qi, q) in sub.questions.iter().enumerate() {
                debug_assert_eq!(
                    bank.position(&q.id),
                    Some(QuestionPos {
                        area: a,
                        subarea: s,
                        question: qi
                    })
                );
                asked += usize::from(is_asked(q));
                if let Some(sum) = source.scores(&q.id).and_then(|sc| sc.sum()) {
                    points += sub.max_points * q.weight / weights * sum / range;
                    scored += 1;
                }
            }
            subareas.push(SubareaScore {
                id: sub.id.clone(),
                points,
                max: sub.max_points,
                questions: sub.questions.len(),
                asked,
                scored,
            });
        }
        areas.push(AreaScore {
            id: area.id.clone(),
            points: subareas.iter().map(|s| s.points).sum(),
            max: area.max_points,
            questions: subareas.iter().map(|s| s.questions).sum(),
            asked: subareas.iter().map(|s| s.asked).sum(),
            scored: subareas.iter().map(|s| s.scored).sum(),
            subareas,
        });
    }
    Scorecard {
        total: areas.iter().map(|a| a.points).sum(),
        max: bank.max_points(),
        areas,
    }
}

/// Scores one interview, with coverage over the questions routed to it.
pub fn score_session(bank: &Bank, session: &Session) -> Scorecard {
    score(bank, session, Some(&session.roles()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::session::{Answer, tests::sample};

    fn full(v: i128) -> Scores {
        Scores {
            system: Some(int(v)),
            extent: Some(int(v)),
            results: Some(int(v)),
        }
    }

    #[test]
    fn all_fours_give_800_and_all_zeros_give_0() {
        let bank = Bank::builtin();
        let fours: BTreeMap<String, Scores> = bank
            .questions()
            .map(|(_, q)| (q.id.clone(), full(4)))
            .collect();
        let card = score(&bank, &fours, None);
        assert_eq!(card.total, int(800));
        assert!(
            card.areas
                .iter()
                .all(|a| a.points == int(100) && a.scored == a.questions)
        );
        let zeros: BTreeMap<String, Scores> = bank
            .questions()
            .map(|(_, q)| (q.id.clone(), full(0)))
            .collect();
        assert_eq!(score(&bank, &zeros, None).total, int(0));
    }

    #[test]
    fn a_question_counts_only_when_complete() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        let card = score_session(&bank, &s);
        assert_eq!((card.total, card.scored()), (int(0), 0));
        s.answers.get_mut("1.1.1").unwrap().scores.results = Some(int(1));
        let card = score_session(&bank, &s);
        // 1.1 has max 20 over two questions: 10 x (3 + 2 + 1) / 12 = 5.
        assert_eq!(card.area("1").unwrap().subareas[0].points, int(5));
        assert_eq!(card.total, int(5));
        assert_eq!(card.scored(), 1);
        assert!(card.asked() < 75 && card.asked() >= 12);
    }

    #[test]
    fn thirds_stay_exact() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        // 1.3 has three questions sharing 30 points: 10 each; (1+0+0)/12 of 10 = 5/6.
        let a = Answer {
            scores: Scores {
                system: Some(int(1)),
                extent: Some(int(0)),
                results: Some(int(0)),
            },
            ..Answer::default()
        };
        s.answers.insert("1.3.1".into(), a);
        let card = score_session(&bank, &s);
        assert_eq!(card.area("1").unwrap().subareas[2].points, Exact::new(5, 6));
        assert_eq!(
            exact::format_points(card.total, 1, crate::core::lang::Lang::Nb),
            "0,8"
        );
    }

    #[test]
    fn json_has_the_documented_shape() {
        let bank = Bank::builtin();
        let card = score(&bank, &BTreeMap::new(), None);
        let v: serde_json::Value = serde_json::from_str(&card.to_json()).unwrap();
        assert_eq!(v["max"], 800);
        assert_eq!(v["areas"][0]["id"], "1");
        assert_eq!(v["areas"][0]["max"], 100);
        assert_eq!(v["areas"][0]["subareas"][0]["id"], "1.1");
        assert_eq!(v["areas"][0]["subareas"][0]["max"], 20);
        assert_eq!(v["areas"][0]["scored"], 0);
    }
}
