//! The default merge of several interviews into one set of scores.
//!
//! Per question and per dimension: the median of the values given (for an
//! even count, the mean of the two middle ones). A dimension nobody scored
//! stays unscored.

use std::collections::BTreeMap;

use super::bank::{Bank, DIMENSIONS, Dimension};
use super::exact::{self, Exact};
use super::session::{Scores, Session};

/// The values the interviews gave one dimension of one question.
pub fn values<'a>(
    sessions: impl IntoIterator<Item = &'a Session>,
    question_id: &str,
    d: Dimension,
) -> Vec<Exact> {
    sessions
        .into_iter()
        .filter_map(|s| s.answers.get(question_id)?.scores.get(d))
        .collect()
}

/// The suggested (default-merge) scores of one question.
pub fn merge_question(sessions: &[&Session], question_id: &str) -> Scores {
    let mut merged = Scores::default();
    for d in DIMENSIONS {
        let mut vals = values(sessions.iter().copied(), question_id, d);
        merged.set(d, exact::median(&mut vals));
    }
    merged
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

/// Resolves copies of one session: items with the same id and the same
/// content count once; the same id with other content is a conflict, returned
/// as (the item kept, the other one) so that nothing is dropped silently.
pub fn dedupe<T: Clone>(
    items: Vec<T>,
    id: impl Fn(&T) -> &str,
    content: impl Fn(&T) -> &str,
) -> (Vec<T>, Vec<(T, T)>) {
    let mut kept: Vec<T> = Vec::with_capacity(items.len());
    let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    let mut conflicts = Vec::new();
    for item in items {
        match index.get(id(&item)) {
            Some(&i) if content(&kept[i]) == content(&item) => {}
            Some(&i) => conflicts.push((kept[i].clone(), item)),
            None => {
                index.insert(id(&item).to_owned(), kept.len());
                kept.push(item);
            }
        }
    }
    (kept, conflicts)
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
    fn dedupe_counts_identical_copies_once_and_reports_conflicts() {
        let items = vec![("a", "1"), ("b", "2"), ("a", "1"), ("b", "3")];
        let (kept, conflicts) = dedupe(items, |x| x.0, |x| x.1);
        assert_eq!(kept, vec![("a", "1"), ("b", "2")]);
        assert_eq!(conflicts, vec![(("b", "2"), ("b", "3"))]);
    }

    #[test]
    fn spread_is_range() {
        assert_eq!(spread(&[int(1), int(4), int(2)]), Some(int(3)));
        assert_eq!(spread(&[int(1)]), None);
    }
}
