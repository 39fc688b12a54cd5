//! The default merge of several interviews into one set of scores.
//!
//! Per question and per dimension: the median of the values given (for an
//! even count, the mean of the two middle ones). A dimension nobody scored
//! stays unscored.

use std::collections::BTreeMap;

use super::bank::{Bank, DIMENSIONS};
use super::exact::{self, Exact};
use super::session::{Scores, Session};

/// The default merge of several interviews' scores of one question: per
/// dimension, the median of the values given.
pub fn merge_scores<'a>(scores: impl IntoIterator<Item = &'a Scores>) -> Scores {
    let all: Vec<&Scores> = scores.into_iter().collect();
    let mut merged = Scores::default();
    for d in DIMENSIONS {
        let mut vals: Vec<Exact> = all.iter().filter_map(|s| s.get(d)).collect();
        merged.set(d, exact::median(&mut vals));
    }
    merged
}

/// The suggested (default-merge) scores of one question.
pub fn merge_question(sessions: &[&Session], question_id: &str) -> Scores {
    merge_scores(
        sessions
            .iter()
            .filter_map(|s| s.answers.get(question_id).map(|a| &a.scores)),
    )
}

/// The spread of each dimension (in the order of [`DIMENSIONS`]) over
/// several interviews' scores; `None` where fewer than two gave a value.
pub fn spreads<'a>(scores: impl IntoIterator<Item = &'a Scores>) -> [Option<Exact>; 3] {
    let all: Vec<&Scores> = scores.into_iter().collect();
    DIMENSIONS.map(|d| spread(&all.iter().filter_map(|s| s.get(d)).collect::<Vec<_>>()))
}

/// The default merge of every question of the bank; questions nobody scored
/// at all are left out.
pub fn default_merge(bank: &Bank, sessions: &[&Session]) -> BTreeMap<String, Scores> {
    bank.questions()
        .map(|(_, q)| (q.id.clone(), merge_question(sessions, &q.id)))
        .filter(|(_, s)| !s.is_empty())
        .collect()
}

/// The range (max - min) of the values given, `None` with fewer than two.
pub fn spread(values: &[Exact]) -> Option<Exact> {
    if values.len() < 2 {
        return None;
    }
    let max = values.iter().max()?;
    let min = values.iter().min()?;
    Some(max - min)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::exact::int;
    use crate::core::session::{Answer, tests::sample};

    fn with(bank: &Bank, id: &str, system: Option<i128>, extent: Option<i128>) -> Session {
        let mut s = sample(bank);
        s.id = id.into();
        s.answers.clear();
        let a = Answer {
            scores: Scores {
                system: system.map(int),
                extent: extent.map(int),
                results: None,
            },
            ..Answer::default()
        };
        s.answers.insert("2.1.1".into(), a);
        s
    }

    #[test]
    fn median_per_dimension_and_unscored_stays_unscored() {
        let bank = Bank::builtin();
        let a = with(&bank, "a", Some(1), None);
        let b = with(&bank, "b", Some(4), None);
        let c = with(&bank, "c", None, Some(2));
        let merged = default_merge(&bank, &[&a, &b, &c]);
        let q = merged["2.1.1"];
        assert_eq!(q.system, Some(Exact::new(5, 2)));
        assert_eq!(q.extent, Some(int(2)));
        assert_eq!(q.results, None);
        assert_eq!(merged.len(), 1);
    }

    #[test]
    fn spread_is_range() {
        assert_eq!(spread(&[int(1), int(4), int(2)]), Some(int(3)));
        assert_eq!(spread(&[int(1)]), None);
    }
}
