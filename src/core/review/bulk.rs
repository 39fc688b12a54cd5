//! Accepting at once every undecided question where the interviews agree.
//!
//! "Agree" means a spread (the largest of the three dimensions' ranges) of
//! at most a chosen value, [`DEFAULT_MAX_SPREAD`] unless the reviewer picks
//! another. A question fewer than two interviews scored has no spread and is
//! left for the reviewer: one voice is not agreement. Each question is
//! accepted with [`question::accept`], exactly as a single accept records
//! it; the review's undo history (`core::review::undo`, every decision)
//! takes the whole batch back.

use super::ReviewError;
use super::question::{self, Filter};
use crate::core::assessment::{Assessment, Decision};
use crate::core::bank::Bank;
use crate::core::exact::Exact;

/// The spread at or below which the interviews are taken to agree, unless
/// the reviewer chooses another.
pub const DEFAULT_MAX_SPREAD: Exact = Exact::new_raw(1, 1);

/// The undecided questions whose spread is at most `max_spread`, in the
/// disagreement list's order: what a bulk accept would take.
pub fn agreeing(bank: &Bank, assessment: &Assessment, max_spread: Exact) -> Vec<String> {
    question::by_disagreement(bank, assessment, Filter::Undecided)
        .into_iter()
        .filter(|d| d.max.is_some_and(|m| m <= max_spread))
        .map(|d| d.question)
        .collect()
}

/// A bulk accept: each question accepted, with the decision it had before.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BulkAccept {
    pub before: Vec<(String, Option<Decision>)>,
}

impl BulkAccept {
    /// How many questions were accepted.
    pub fn len(&self) -> usize {
        self.before.len()
    }

    pub fn is_empty(&self) -> bool {
        self.before.is_empty()
    }
}

/// Accepts every question [`agreeing`] lists.
pub fn accept_agreeing(
    bank: &Bank,
    assessment: &mut Assessment,
    max_spread: Exact,
) -> Result<BulkAccept, ReviewError> {
    let mut before = Vec::new();
    for id in agreeing(bank, assessment, max_spread) {
        let was = assessment.questions[&id].decision.clone();
        question::accept(assessment, &id)?;
        before.push((id, was));
    }
    Ok(BulkAccept { before })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::tests::source;
    use crate::core::exact::int;
    use crate::core::review::undo::{History, Scope};
    use crate::core::session::{Answer, Scores, tests::sample};

    fn scores(system: Exact, extent: Exact, results: Exact) -> Scores {
        Scores {
            system: Some(system),
            extent: Some(extent),
            results: Some(results),
        }
    }

    /// Two interviews. Spread 2 on 1.1.1, 0 on 1.1.2, 1 on 1.2.1, ½ on
    /// 1.2.2; 1.3.1 scored by one interview only.
    fn assessment() -> (Bank, Assessment) {
        let bank = Bank::builtin();
        let mut a = sample(&bank);
        a.answers.clear();
        let mut b = a.clone();
        b.id = "B".into();
        let half = Exact::new(1, 2);
        let given = [
            (
                "1.1.1",
                scores(int(3), int(2), int(2)),
                scores(int(1), int(2), int(2)),
            ),
            (
                "1.1.2",
                scores(int(3), int(3), int(3)),
                scores(int(3), int(3), int(3)),
            ),
            (
                "1.2.1",
                scores(int(2), int(2), int(2)),
                scores(int(3), int(2), int(2)),
            ),
            (
                "1.2.2",
                scores(int(1), int(1), int(1)),
                scores(int(1), int(1), half),
            ),
        ];
        for (q, x, y) in given {
            for (s, v) in [(&mut a, x), (&mut b, y)] {
                s.answers.insert(
                    q.into(),
                    Answer {
                        scores: v,
                        ..Answer::default()
                    },
                );
            }
        }
        a.answers.insert(
            "1.3.1".into(),
            Answer {
                scores: scores(int(2), int(2), int(2)),
                ..Answer::default()
            },
        );
        let assessment =
            Assessment::build(&bank, &[source(&a, "a"), source(&b, "b")], a.started_at);
        (bank, assessment)
    }

    #[test]
    fn accepts_each_agreeing_undecided_question_as_a_single_accept_does_and_undoes_the_batch() {
        let (bank, mut a) = assessment();
        // One already decided by the reviewer stays as it is.
        question::override_scores(
            &mut a,
            &bank,
            "1.1.2",
            scores(int(4), int(4), int(4)),
            "Dokumentert i planen",
        )
        .unwrap();
        let before = a.clone();

        let list = agreeing(&bank, &a, DEFAULT_MAX_SPREAD);
        assert_eq!(list, ["1.2.1", "1.2.2"], "largest spread first");
        assert_eq!(agreeing(&bank, &a, int(2)), ["1.1.1", "1.2.1", "1.2.2"]);
        assert_eq!(agreeing(&bank, &a, Exact::new(1, 2)), ["1.2.2"]);
        assert!(agreeing(&bank, &a, Exact::new(-1, 1)).is_empty());

        let mut history = History::new();
        let bulk = history
            .apply(&mut a, "bulk", &[Scope::AllDecisions], |a| {
                accept_agreeing(&bank, a, DEFAULT_MAX_SPREAD)
            })
            .unwrap();
        assert_eq!(bulk.len(), 2);
        let mut single = before.clone();
        for q in &list {
            question::accept(&mut single, q).unwrap();
        }
        assert_eq!(a, single, "each as a single accept records it");
        assert!(agreeing(&bank, &a, DEFAULT_MAX_SPREAD).is_empty());
        history.undo(&mut a).unwrap();
        assert_eq!(a, before, "one undo takes the batch back");
    }
}
