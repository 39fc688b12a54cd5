//! Undo and redo of the reviewer's decisions and curation.
//!
//! A change is made through [`History::apply`], naming the parts of the
//! assessment it may touch ([`Scope`]s: one question's decision, every
//! decision, one area's findings, the priorities). The history keeps those
//! parts as they were before; [`History::undo`] puts them back and keeps what
//! they replaced for [`History::redo`]. Only the touched parts are copied (a
//! decision is a few bytes, an area's findings a few kilobytes), whatever the
//! size of the assessment, so any change of the review can be recorded the
//! same way: an accept, an override, a merge of a suggested group, a
//! dismissal, a bulk accept.
//!
//! The interviews themselves are not part of it: a refresh changes what the
//! recorded parts were taken from, so the screen starts the history again
//! ([`History::clear`]).

use std::collections::VecDeque;

use super::ReviewError;
use crate::core::assessment::{
    Assessment, CuratedFinding, Decision, DismissedSuggestion, PriorityGroup,
};

/// How many changes can be undone (the oldest are forgotten first); the
/// issue asks for at least 50.
pub const LIMIT: usize = 100;
const _: () = assert!(LIMIT >= 50);

/// A part of the assessment a change may touch.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// One question's decision.
    Decision(String),
    /// Every question's decision (a bulk accept).
    AllDecisions,
    /// One area's findings, dropped findings and dismissed suggestions.
    Area(String),
    /// The priority groups.
    Priorities,
}

/// The contents of one [`Scope`] at one moment.
#[derive(Debug, Clone, PartialEq)]
enum Part {
    Decisions(Vec<(String, Option<Decision>)>),
    Area {
        area: String,
        findings: Option<Vec<CuratedFinding>>,
        dropped: Option<Vec<CuratedFinding>>,
        dismissed: Option<Vec<DismissedSuggestion>>,
    },
    Priorities(Vec<PriorityGroup>),
}

/// One recorded change.
#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    /// What the change did, as the screen said it ("4.4.2 godtatt").
    pub what: String,
    /// What it touched; the first is where the screen shows it.
    pub scopes: Vec<Scope>,
    /// The touched parts as they were on the other side of the change.
    parts: Vec<Part>,
}

/// The changes that can be undone and redone, newest last.
#[derive(Debug, Clone, Default)]
pub struct History {
    done: VecDeque<Step>,
    undone: Vec<Step>,
}

fn capture(a: &Assessment, scopes: &[Scope]) -> Vec<Part> {
    scopes
        .iter()
        .map(|scope| match scope {
            Scope::Decision(id) => Part::Decisions(vec![(
                id.clone(),
                a.questions.get(id).and_then(|q| q.decision.clone()),
            )]),
            Scope::AllDecisions => Part::Decisions(
                a.questions
                    .iter()
                    .map(|(id, q)| (id.clone(), q.decision.clone()))
                    .collect(),
            ),
            Scope::Area(area) => Part::Area {
                area: area.clone(),
                findings: a.findings.get(area).cloned(),
                dropped: a.dropped.get(area).cloned(),
                dismissed: a.dismissed_suggestions.get(area).cloned(),
            },
            Scope::Priorities => Part::Priorities(a.priorities.clone()),
        })
        .collect()
}

fn put<T>(map: &mut std::collections::BTreeMap<String, T>, key: &str, value: Option<T>) {
    match value {
        Some(v) => {
            map.insert(key.to_owned(), v);
        }
        None => {
            map.remove(key);
        }
    }
}

/// Puts the parts back; parts are restored last to first, so that of two
/// overlapping scopes the first named wins.
fn restore(a: &mut Assessment, parts: Vec<Part>) {
    for part in parts.into_iter().rev() {
        match part {
            Part::Decisions(decisions) => {
                for (id, decision) in decisions {
                    if let Some(q) = a.questions.get_mut(&id) {
                        q.decision = decision;
                    }
                }
            }
            Part::Area {
                area,
                findings,
                dropped,
                dismissed,
            } => {
                put(&mut a.findings, &area, findings);
                put(&mut a.dropped, &area, dropped);
                put(&mut a.dismissed_suggestions, &area, dismissed);
            }
            Part::Priorities(groups) => a.priorities = groups,
        }
    }
}

impl History {
    pub fn new() -> History {
        History::default()
    }

    /// Makes a change, recorded so that it can be undone. `scopes` must name
    /// everything `change` may touch. A change that fails leaves the scopes as
    /// they were; one that changes nothing is not recorded. A new change
    /// forgets what was undone (it cannot be redone any more).
    pub fn apply<T>(
        &mut self,
        assessment: &mut Assessment,
        what: impl Into<String>,
        scopes: &[Scope],
        change: impl FnOnce(&mut Assessment) -> Result<T, ReviewError>,
    ) -> Result<T, ReviewError> {
        let before = capture(assessment, scopes);
        match change(assessment) {
            Ok(value) => {
                if capture(assessment, scopes) != before {
                    self.undone.clear();
                    self.done.push_back(Step {
                        what: what.into(),
                        scopes: scopes.to_vec(),
                        parts: before,
                    });
                    if self.done.len() > LIMIT {
                        self.done.pop_front();
                    }
                }
                Ok(value)
            }
            Err(e) => {
                restore(assessment, before);
                Err(e)
            }
        }
    }

    /// Takes the last change back; returns it (what it did, where), or
    /// `None` when there is nothing to undo.
    pub fn undo(&mut self, assessment: &mut Assessment) -> Option<&Step> {
        let step = swap(assessment, self.done.pop_back()?);
        self.undone.push(step);
        self.undone.last()
    }

    /// Makes the last undone change again.
    pub fn redo(&mut self, assessment: &mut Assessment) -> Option<&Step> {
        let step = swap(assessment, self.undone.pop()?);
        self.done.push_back(step);
        self.done.back()
    }

    /// Forgets every change (after the interviews changed under them).
    pub fn clear(&mut self) {
        self.done.clear();
        self.undone.clear();
    }

    /// How many changes can be undone.
    pub fn len(&self) -> usize {
        self.done.len()
    }

    pub fn is_empty(&self) -> bool {
        self.done.is_empty()
    }

    /// How many undone changes can be made again.
    pub fn redoable(&self) -> usize {
        self.undone.len()
    }
}

/// Puts a step's parts in place and returns the step holding what they replaced.
fn swap(assessment: &mut Assessment, step: Step) -> Step {
    let now = capture(assessment, &step.scopes);
    restore(assessment, step.parts);
    Step { parts: now, ..step }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Bank;
    use crate::core::review::{findings, priorities, question};
    use crate::core::session::Scores;

    /// The demo's assessment: 16 interviews, findings in every area, priorities.
    fn demo() -> (Bank, Assessment) {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let demo = crate::storage::write_demo(dir.path()).unwrap();
        let now = chrono::DateTime::parse_from_rfc3339("2026-11-02T09:00:00+01:00").unwrap();
        let rs = crate::storage::open_review(
            &bank,
            &[demo.sessions],
            None,
            &[],
            dir.path(),
            now,
            crate::core::lang::Lang::Nb,
        )
        .unwrap();
        (bank, rs.assessment)
    }

    fn decision(id: &str) -> Scope {
        Scope::Decision(id.into())
    }

    #[test]
    fn an_override_replaced_by_an_accept_comes_back_with_its_reason() {
        let (bank, mut a) = demo();
        let mut h = History::new();
        let values = Scores {
            system: Some(crate::core::exact::Exact::new(5, 2)),
            ..a.questions["4.4.2"].suggested
        };
        h.apply(&mut a, "overstyrt", &[decision("4.4.2")], |a| {
            question::override_scores(a, &bank, "4.4.2", values, "Ikke i bruk")
        })
        .unwrap();
        let overridden = a.clone();
        h.apply(&mut a, "godtatt", &[decision("4.4.2")], |a| {
            question::accept(a, "4.4.2")
        })
        .unwrap();
        assert_eq!(a.questions["4.4.2"].reason(), None);
        assert_eq!(h.undo(&mut a).unwrap().what, "godtatt");
        assert_eq!(a, overridden);
        assert_eq!(a.questions["4.4.2"].reason(), Some("Ikke i bruk"));
        // Redo makes the accept again; undo twice leaves the question undecided.
        assert_eq!(h.redo(&mut a).unwrap().what, "godtatt");
        assert_eq!(a.questions["4.4.2"].reason(), None);
        h.undo(&mut a);
        h.undo(&mut a);
        assert_eq!(a.questions["4.4.2"].decision, None);
        assert!(h.undo(&mut a).is_none());
        assert_eq!(h.redoable(), 2);
    }

    #[test]
    fn curation_is_undone_exactly_and_a_new_change_forgets_the_redo() {
        let (_, mut a) = demo();
        let original = a.clone();
        let mut h = History::new();
        let area = [Scope::Area("7".into())];
        h.apply(&mut a, "slått sammen", &area, |a| {
            findings::merge(a, "7", &[2, 0, 1], Some("Høyt sykefravær"))
        })
        .unwrap();
        h.apply(&mut a, "forkastet", &area, |a| {
            findings::drop_finding(a, "7", 0)
        })
        .unwrap();
        assert!(a.dropped.contains_key("7"));
        h.apply(&mut a, "prioriteringer", &[Scope::Priorities], |a| {
            priorities::merge(&mut a.priorities, &[1, 0])
        })
        .unwrap();
        while h.undo(&mut a).is_some() {}
        assert_eq!(a, original, "every change undone, dropped entry included");
        h.redo(&mut a);
        h.apply(&mut a, "stjerne", &area, |a| {
            findings::toggle_best_practice(a, "7", 0)
        })
        .unwrap();
        assert_eq!(h.redoable(), 0);
        assert_eq!(h.len(), 2);
    }

    #[test]
    fn failures_and_no_ops_are_not_recorded_and_leave_the_scope_as_it_was() {
        let (_, mut a) = demo();
        let mut h = History::new();
        let before = a.clone();
        let err = h.apply(&mut a, "x", &[Scope::Area("7".into())], |a| {
            findings::edit_text(a, "7", 0, "changed")?;
            findings::edit_text(a, "7", 999, "fails")
        });
        assert!(err.is_err());
        assert_eq!(a, before, "a failed change is taken back whole");
        h.apply(&mut a, "x", &[decision("1.1.1")], |a| {
            question::clear(a, "1.1.1")
        })
        .unwrap();
        assert!(
            h.is_empty(),
            "clearing an undecided question changes nothing"
        );
    }

    #[test]
    fn at_least_fifty_changes_are_kept_and_the_oldest_go_first() {
        let (_, mut a) = demo();
        let mut h = History::new();
        let ids: Vec<String> = a.questions.keys().cloned().collect();
        for round in 0..2 {
            for id in &ids {
                h.apply(&mut a, format!("{round} {id}"), &[decision(id)], |a| {
                    if round == 0 {
                        question::accept(a, id)
                    } else {
                        question::clear(a, id)
                    }
                })
                .unwrap();
            }
        }
        assert_eq!(h.len(), LIMIT);
        let mut undone = 0;
        while h.undo(&mut a).is_some() {
            undone += 1;
        }
        assert_eq!(undone, LIMIT);
        // 150 changes: the first 50 accepts are beyond reach and stay.
        let decided = a
            .questions
            .values()
            .filter(|q| q.decision.is_some())
            .count();
        assert_eq!(decided, 50);
    }

    #[test]
    fn a_bulk_change_is_one_step() {
        let (bank, mut a) = demo();
        let mut h = History::new();
        let n = h
            .apply(
                &mut a,
                "godtatt der de er enige",
                &[Scope::AllDecisions],
                |a| {
                    crate::core::review::bulk::accept_agreeing(&bank, a, crate::core::exact::int(1))
                },
            )
            .unwrap()
            .len();
        assert!(n > 1, "{n}");
        h.undo(&mut a);
        assert!(a.questions.values().all(|q| q.decision.is_none()));
    }
}
