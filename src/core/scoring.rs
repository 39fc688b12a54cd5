//! The scoring rule, exact. See `docs/scoring.md`.
//!
//! - a question's max = its sub-area's max x weight / sum of weights in the sub-area;
//! - a question counts when all three dimensions have a value, and gives
//!   max x (system + extent + results) / (3 x scale max);
//! - sub-area, area and total are plain sums; unscored questions give 0 and
//!   are counted as unscored;
//! - progress is counted by one rule, [`Coverage`]: routed questions scored
//!   out of routed questions, out-of-role questions scored counted apart.

use std::collections::{BTreeMap, BTreeSet};

use serde::Serialize;

use super::bank::{Bank, Question, QuestionPos};
use super::exact::{self, Exact, int};
use super::lang::Lang;
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

/// How far an interview (or a merge) has come, by the one counting rule of
/// every progress counter (header, closing page, dashboard, start screen,
/// `kompass score`): routed questions scored out of routed questions, and
/// the questions outside the roles that were scored anyway (Ctrl-G) apart,
/// so that `scored` never exceeds `asked`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Coverage {
    /// Routed questions with all three dimensions scored.
    pub scored: usize,
    /// Questions routed to the roles interviewed.
    pub asked: usize,
    /// Questions outside the roles with all three dimensions scored.
    pub outside: usize,
}

impl Coverage {
    /// The rule for one question.
    pub fn of_question(routed: bool, complete: bool) -> Coverage {
        Coverage {
            scored: usize::from(routed && complete),
            asked: usize::from(routed),
            outside: usize::from(!routed && complete),
        }
    }

    /// Every question of the bank counted from `source`; `roles` decides
    /// which are routed (`None`: all of them).
    pub fn count(
        bank: &Bank,
        source: &dyn ScoreSource,
        roles: Option<&BTreeSet<String>>,
    ) -> Coverage {
        bank.questions()
            .map(|(_, q)| {
                let complete = source.scores(&q.id).is_some_and(|s| s.is_complete());
                Coverage::of_question(roles.is_none_or(|r| Bank::is_routed(q, r)), complete)
            })
            .sum()
    }

    /// Routed questions not yet fully scored.
    pub fn open(&self) -> usize {
        self.asked - self.scored
    }

    /// `19/25`, with `+2 utenfor rollene` when questions outside the roles
    /// were scored.
    pub fn describe(&self, lang: Lang) -> String {
        let mut text = format!("{}/{}", self.scored, self.asked);
        if self.outside > 0 {
            text.push(' ');
            text.push_str(&self.outside_label(lang));
        }
        text
    }

    /// `19/25 +2`, for a header or a list row with little room.
    pub fn compact(&self) -> String {
        match self.outside {
            0 => format!("{}/{}", self.scored, self.asked),
            n => format!("{}/{} +{n}", self.scored, self.asked),
        }
    }

    /// `+2 utenfor rollene`.
    pub fn outside_label(&self, lang: Lang) -> String {
        format!(
            "+{} {}",
            self.outside,
            lang.pick("utenfor rollene", "outside the roles")
        )
    }
}

impl std::ops::Add for Coverage {
    type Output = Coverage;
    fn add(self, o: Coverage) -> Coverage {
        Coverage {
            scored: self.scored + o.scored,
            asked: self.asked + o.asked,
            outside: self.outside + o.outside,
        }
    }
}

impl std::iter::Sum for Coverage {
    fn sum<I: Iterator<Item = Coverage>>(iter: I) -> Coverage {
        iter.fold(Coverage::default(), |a, b| a + b)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SubareaScore {
    pub id: String,
    #[serde(flatten, serialize_with = "exact::with_exact_text::points")]
    pub points: Exact,
    #[serde(with = "exact::as_number")]
    pub max: Exact,
    pub questions: usize,
    /// Questions routed to the roles interviewed.
    pub asked: usize,
    /// Routed questions with all three dimensions scored.
    pub scored: usize,
    /// Questions outside the roles with all three dimensions scored: they
    /// give points but are not part of `scored / asked`.
    pub scored_outside_roles: usize,
}

impl SubareaScore {
    pub fn coverage(&self) -> Coverage {
        Coverage {
            scored: self.scored,
            asked: self.asked,
            outside: self.scored_outside_roles,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    pub id: String,
    #[serde(flatten, serialize_with = "exact::with_exact_text::points")]
    pub points: Exact,
    #[serde(with = "exact::as_number")]
    pub max: Exact,
    /// Questions in the area.
    pub questions: usize,
    /// Questions routed to the roles interviewed (all of them when no roles are given).
    pub asked: usize,
    /// Routed questions with all three dimensions scored.
    pub scored: usize,
    /// Questions outside the roles with all three dimensions scored.
    pub scored_outside_roles: usize,
    pub subareas: Vec<SubareaScore>,
}

impl AreaScore {
    pub fn coverage(&self) -> Coverage {
        Coverage {
            scored: self.scored,
            asked: self.asked,
            outside: self.scored_outside_roles,
        }
    }
}

/// Points per sub-area, area and in total, unrounded.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Scorecard {
    #[serde(flatten, serialize_with = "exact::with_exact_text::total")]
    pub total: Exact,
    #[serde(with = "exact::as_number")]
    pub max: Exact,
    pub areas: Vec<AreaScore>,
}

impl Scorecard {
    pub fn area(&self, id: &str) -> Option<&AreaScore> {
        self.areas.iter().find(|a| a.id == id)
    }

    /// Progress over the whole bank, by the one counting rule.
    pub fn coverage(&self) -> Coverage {
        self.areas.iter().map(AreaScore::coverage).sum()
    }

    pub fn scored(&self) -> usize {
        self.coverage().scored
    }

    pub fn asked(&self) -> usize {
        self.coverage().asked
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
            let mut coverage = Coverage::default();
            for (qi, q) in sub.questions.iter().enumerate() {
                debug_assert_eq!(
                    bank.position(&q.id),
                    Some(QuestionPos {
                        area: a,
                        subarea: s,
                        question: qi
                    })
                );
                let sum = source.scores(&q.id).and_then(|sc| sc.sum());
                if let Some(sum) = sum {
                    points += sub.max_points * q.weight / weights * sum / range;
                }
                coverage = coverage + Coverage::of_question(is_asked(q), sum.is_some());
            }
            subareas.push(SubareaScore {
                id: sub.id.clone(),
                points,
                max: sub.max_points,
                questions: sub.questions.len(),
                asked: coverage.asked,
                scored: coverage.scored,
                scored_outside_roles: coverage.outside,
            });
        }
        areas.push(AreaScore {
            id: area.id.clone(),
            points: subareas.iter().map(|s| s.points).sum(),
            max: area.max_points,
            questions: subareas.iter().map(|s| s.questions).sum(),
            asked: subareas.iter().map(|s| s.asked).sum(),
            scored: subareas.iter().map(|s| s.scored).sum(),
            scored_outside_roles: subareas.iter().map(|s| s.scored_outside_roles).sum(),
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

    /// A union rep's interview: every routed question but six scored, and
    /// two questions outside the role scored through Ctrl-G.
    fn union_rep_with_two_outside(bank: &Bank) -> (Session, usize) {
        let mut s = sample(bank);
        s.answers.clear();
        s.interviewees[0].role = "union_rep".into();
        let roles = s.roles();
        let (routed, outside): (Vec<_>, Vec<_>) = bank
            .questions()
            .partition(|(_, q)| Bank::is_routed(q, &roles));
        for (_, q) in routed.iter().skip(6).chain(outside.iter().take(2)) {
            s.answers.insert(
                q.id.clone(),
                Answer {
                    scores: full(2),
                    ..Answer::default()
                },
            );
        }
        (s, routed.len())
    }

    #[test]
    fn progress_counts_routed_questions_and_the_ones_outside_the_roles_apart() {
        let bank = Bank::builtin();
        let (s, routed) = union_rep_with_two_outside(&bank);
        let expected = Coverage {
            scored: routed - 6,
            asked: routed,
            outside: 2,
        };
        let card = score_session(&bank, &s);
        // Every counter reads the same thing: the scorecard (header,
        // closing page, dashboard, `kompass score`) and the session (start screen).
        assert_eq!(card.coverage(), expected);
        assert_eq!(s.coverage(&bank), expected);
        assert_eq!(
            card.areas.iter().map(|a| a.coverage()).sum::<Coverage>(),
            expected
        );
        assert!(card.areas.iter().all(|a| a.scored <= a.asked));
        assert_eq!(expected.open(), 6);
        assert_eq!(
            expected.describe(Lang::Nb),
            format!("{}/{routed} +2 utenfor rollene", routed - 6)
        );
        assert_eq!(
            expected.describe(Lang::En),
            format!("{}/{routed} +2 outside the roles", routed - 6)
        );
        // The questions outside the roles still give their points.
        let routed_only: BTreeMap<String, Scores> = s
            .answers
            .iter()
            .filter(|(id, _)| s.is_asked(&bank, id))
            .map(|(id, a)| (id.clone(), a.scores))
            .collect();
        assert!(card.total > score(&bank, &routed_only, Some(&s.roles())).total);
    }

    #[test]
    fn all_routed_scored_is_full_even_with_more_outside() {
        let bank = Bank::builtin();
        let (mut s, routed) = union_rep_with_two_outside(&bank);
        let roles = s.roles();
        for (_, q) in bank.questions().filter(|(_, q)| Bank::is_routed(q, &roles)) {
            s.answers.entry(q.id.clone()).or_default().scores = full(1);
        }
        let c = score_session(&bank, &s).coverage();
        assert_eq!(
            (c.scored, c.asked, c.outside, c.open()),
            (routed, routed, 2, 0)
        );
        assert_eq!(
            Coverage::count(&bank, &s, None).outside,
            0,
            "no roles: all routed"
        );
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
        assert_eq!(v["total"], 0);
        assert_eq!(v["total_exact"], "0");
        assert_eq!(v["areas"][0]["points_exact"], "0");
    }
}
