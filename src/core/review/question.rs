//! Reconciling one question: what each interview said, how far apart they
//! are, and the reviewer's decision; and the list of questions ordered by
//! disagreement.

use std::cmp::Reverse;
use std::collections::HashMap;

use super::ReviewError;
use crate::core::assessment::{
    Assessment, Decision, DecisionState, FindingSource, SessionRecord, SourceSession,
};
use crate::core::bank::{Bank, DIMENSIONS, Dimension};
use crate::core::exact::{Exact, int};
use crate::core::lang::Lang;
use crate::core::merge;
use crate::core::parse::Problem;
use crate::core::session::{Finding, Scores, dimension_nb, of_dimension, value_problem};

/// One interview's row for a question.
#[derive(Debug, Clone, PartialEq)]
pub struct InterviewRow<'a> {
    /// Who was interviewed, by whom, when.
    pub record: &'a SessionRecord,
    /// Its scores (all `None` when it scored nothing).
    pub scores: Scores,
    /// Its notes, when the session file was read for this review.
    pub notes: Option<&'a str>,
    /// Its findings on this question: from the session file when read, else
    /// as the assessment recorded them.
    pub findings: Vec<Finding>,
    /// When its notes were removed (`kompass purge`), if they were.
    pub notes_purged: Option<chrono::DateTime<chrono::FixedOffset>>,
}

impl InterviewRow<'_> {
    /// "notater slettet 2026-12-03" when the notes were purged: shown where
    /// the notes were, so that no note reads as nothing said.
    pub fn notes_purged_label(&self, lang: crate::core::lang::Lang) -> Option<String> {
        self.notes_purged.map(|at| {
            format!(
                "{} {}",
                lang.pick("notater slettet", "notes deleted"),
                at.format("%Y-%m-%d")
            )
        })
    }
}

/// Everything the screen shows for one question.
#[derive(Debug, Clone, PartialEq)]
pub struct QuestionView<'a> {
    pub id: &'a str,
    /// One row per interview that scored, noted or found something here, in
    /// the order of the assessment's sessions.
    pub rows: Vec<InterviewRow<'a>>,
    /// Range of the values given, per dimension in [`DIMENSIONS`] order;
    /// `None` where fewer than two interviews gave one.
    pub spread: [Option<Exact>; 3],
    /// The default merge (median).
    pub suggested: Scores,
    /// What counts: the override, else the suggestion.
    pub reconciled: Scores,
    pub decision: Option<&'a Decision>,
    /// Dimensions whose reconciled value differs from the suggestion.
    pub overridden: Vec<Dimension>,
}

/// The view of one question. `sessions` are the session files read for the
/// review (may be empty: the notes are then unknown).
pub fn view<'a>(
    assessment: &'a Assessment,
    sessions: &'a [SourceSession],
    question_id: &str,
) -> Result<QuestionView<'a>, ReviewError> {
    let (id, review) = assessment
        .questions
        .get_key_value(question_id)
        .ok_or_else(|| ReviewError::UnknownQuestion(question_id.to_owned()))?;
    // By session id, so that the rows cost as many steps as there are
    // interviews (a search per interview grew with the square).
    let mut recorded: HashMap<&str, Vec<&FindingSource>> = HashMap::new();
    for source in assessment
        .findings
        .values()
        .chain(assessment.dropped.values())
        .flatten()
        .flat_map(|f| &f.sources)
        .filter(|s| s.question == *id)
    {
        recorded
            .entry(source.session.as_str())
            .or_default()
            .push(source);
    }
    let mut read: HashMap<&str, &SourceSession> = HashMap::new();
    for s in sessions {
        read.entry(s.session.id.as_str()).or_insert(s);
    }
    let mut rows = Vec::new();
    for record in &assessment.sessions {
        let answer = read
            .get(record.id.as_str())
            .and_then(|s| s.session.answers.get(id));
        let findings: Vec<Finding> = match answer {
            Some(a) => a.findings.clone(),
            None => recorded
                .get(record.id.as_str())
                .into_iter()
                .flatten()
                .map(|s| Finding {
                    kind: s.kind,
                    text: s.text.clone(),
                })
                .collect(),
        };
        let scores = review.interviews.get(&record.id).copied();
        let notes = answer
            .map(|a| a.notes.as_str())
            .filter(|n| !n.trim().is_empty());
        if scores.is_none() && notes.is_none() && findings.is_empty() {
            continue;
        }
        rows.push(InterviewRow {
            record,
            scores: scores.unwrap_or_default(),
            notes,
            findings,
            notes_purged: assessment.notes_purged_at(&record.id),
        });
    }
    Ok(QuestionView {
        id,
        rows,
        spread: merge::spreads(review.interviews.values()),
        suggested: review.suggested,
        reconciled: review.reconciled(),
        decision: review.decision.as_ref(),
        overridden: review.overridden(),
    })
}

fn review_mut<'a>(
    assessment: &'a mut Assessment,
    question_id: &str,
) -> Result<&'a mut crate::core::assessment::QuestionReview, ReviewError> {
    assessment
        .questions
        .get_mut(question_id)
        .ok_or_else(|| ReviewError::UnknownQuestion(question_id.to_owned()))
}

/// Takes the suggested score as it is, recording the values taken (so that
/// a suggestion moved later shows as changed, not as accepted).
pub fn accept(assessment: &mut Assessment, question_id: &str) -> Result<(), ReviewError> {
    let review = review_mut(assessment, question_id)?;
    review.decision = Some(Decision::Accepted {
        scores: review.suggested,
    });
    Ok(())
}

/// Sets every dimension (on the bank's scale, whole or half steps) with a
/// reason, which is required.
pub fn override_scores(
    assessment: &mut Assessment,
    bank: &Bank,
    question_id: &str,
    scores: Scores,
    reason: &str,
) -> Result<(), ReviewError> {
    let review = review_mut(assessment, question_id)?;
    for d in DIMENSIONS {
        let Some(value) = scores.get(d) else {
            return Err(ReviewError::MissingValue(Problem::in_both(
                format!(
                    "Sett en verdi for hver dimensjon: {}",
                    dimension_nb(bank, d)
                ),
                format!("Set a value for every dimension: {}", d.id()),
            )));
        };
        if let Some(problem) = value_problem(bank, value) {
            return Err(ReviewError::BadValue(of_dimension(problem, bank, d)));
        }
    }
    let reason = reason.trim();
    if reason.is_empty() {
        return Err(ReviewError::EmptyReason);
    }
    review.decision = Some(Decision::Override {
        scores,
        reason: reason.to_owned(),
    });
    Ok(())
}

/// Takes the decision back: the question is undecided again.
pub fn clear(assessment: &mut Assessment, question_id: &str) -> Result<(), ReviewError> {
    review_mut(assessment, question_id)?.decision = None;
    Ok(())
}

/// How far apart the interviews are on one question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Disagreement {
    pub question: String,
    /// Spread per dimension, in [`DIMENSIONS`] order.
    pub spread: [Option<Exact>; 3],
    /// The largest spread of the three: the disagreement. `None` when no
    /// dimension has two values.
    pub max: Option<Exact>,
    /// The sum of the spreads, which breaks ties.
    pub sum: Exact,
    pub decided: bool,
    /// Accepted, and the suggestion has moved since: (accepted, now). The
    /// list marks it "endret siden godtatt" ([`changed_since_accepted`]).
    pub changed: Option<(Scores, Scores)>,
}

/// Which questions the disagreement list shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Filter {
    All,
    /// Only questions without a decision.
    Undecided,
}

/// The questions ordered by disagreement: the largest spread over the three
/// dimensions first, ties by the sum of the spreads, then bank order.
/// Questions fewer than two interviews scored come last, in bank order.
pub fn by_disagreement(bank: &Bank, assessment: &Assessment, filter: Filter) -> Vec<Disagreement> {
    let mut list: Vec<Disagreement> = bank
        .questions()
        .filter_map(|(_, q)| {
            let review = assessment.questions.get(&q.id)?;
            let spread = merge::spreads(review.interviews.values());
            let state = review.state();
            Some(Disagreement {
                question: q.id.clone(),
                max: spread.iter().flatten().max().copied(),
                sum: spread.iter().flatten().sum(),
                spread,
                decided: state.is_decided(),
                changed: review.changed_since_accepted(),
            })
        })
        .filter(|d| filter == Filter::All || !d.decided)
        .collect();
    // A stable sort keeps bank order among equals.
    list.sort_by_key(|d| {
        (
            Reverse(d.max.is_some()),
            Reverse(d.max.unwrap_or(int(0))),
            Reverse(d.sum),
        )
    });
    list
}

/// How far the review has come.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Progress {
    pub questions: usize,
    pub decided: usize,
    /// Overrides that differ from the suggestion (see
    /// [`QuestionReview::is_overridden`](crate::core::assessment::QuestionReview::is_overridden)).
    pub overridden: usize,
    /// Accepts the suggestion has moved away from: counted as undecided.
    pub changed_since_accepted: usize,
}

impl Progress {
    pub fn undecided(&self) -> usize {
        self.questions - self.decided
    }

    /// "avgjort 15/75 · 1 endret siden godtatt": the overview's count.
    pub fn describe(&self, lang: Lang) -> String {
        let mut text = format!(
            "{} {}/{}",
            lang.pick("avgjort", "decided"),
            self.decided,
            self.questions
        );
        if self.changed_since_accepted > 0 {
            text.push_str(&format!(
                " · {} {}",
                self.changed_since_accepted,
                lang.pick("endret siden godtatt", "changed since accepted")
            ));
        }
        text
    }
}

pub fn progress(assessment: &Assessment) -> Progress {
    let mut progress = Progress {
        questions: assessment.questions.len(),
        decided: 0,
        overridden: 0,
        changed_since_accepted: 0,
    };
    for review in assessment.questions.values() {
        let state = review.state();
        progress.decided += usize::from(state.is_decided());
        progress.overridden += usize::from(state == DecisionState::Overridden);
        progress.changed_since_accepted +=
            usize::from(state == DecisionState::ChangedSinceAccepted);
    }
    progress
}

/// "endret siden godtatt: 3,5 · 3 · 3 → 3 · 3 · 3": how the disagreement
/// list and the question view mark an accept the suggestion moved away from.
pub fn changed_since_accepted(accepted: &Scores, suggested: &Scores, lang: Lang) -> String {
    format!(
        "{}: {} → {}",
        lang.pick("endret siden godtatt", "changed since accepted"),
        scores_text(accepted, lang),
        scores_text(suggested, lang)
    )
}

/// "3,5 · 3 · 3" (system, extent, results; "–" where not scored).
pub fn scores_text(scores: &Scores, lang: Lang) -> String {
    DIMENSIONS
        .iter()
        .map(|&d| {
            scores.get(d).map_or_else(
                || "–".to_owned(),
                |v| crate::core::exact::format_value(v, lang),
            )
        })
        .collect::<Vec<_>>()
        .join(" · ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::tests::source;
    use crate::core::session::{Answer, Session, tests::sample};

    fn scores(s: i128, e: i128, r: i128) -> Scores {
        Scores {
            system: Some(int(s)),
            extent: Some(int(e)),
            results: Some(int(r)),
        }
    }

    /// Three interviews: 1.1.1 spread 3 (sum 3), 2.1.1 spread 3 (sum 5), 3.1.1 spread 1.
    fn three() -> (Bank, Vec<SourceSession>, Assessment) {
        let bank = Bank::builtin();
        let given: [[(&str, Scores); 3]; 3] = [
            [
                ("1.1.1", scores(1, 2, 2)),
                ("2.1.1", scores(0, 0, 0)),
                ("3.1.1", scores(2, 2, 2)),
            ],
            [
                ("1.1.1", scores(4, 2, 2)),
                ("2.1.1", scores(3, 2, 0)),
                ("3.1.1", scores(3, 2, 2)),
            ],
            [
                ("1.1.1", scores(2, 2, 2)),
                ("2.1.1", scores(1, 0, 0)),
                ("3.1.1", scores(2, 2, 2)),
            ],
        ];
        let sessions: Vec<Session> = given
            .iter()
            .enumerate()
            .map(|(i, qs)| {
                let mut s = sample(&bank);
                s.id = format!("S{i}");
                s.answers.clear();
                for (q, sc) in qs {
                    s.answers.insert(
                        (*q).into(),
                        Answer {
                            scores: *sc,
                            ..Answer::default()
                        },
                    );
                }
                s
            })
            .collect();
        let sources: Vec<SourceSession> = sessions.iter().map(|s| source(s, &s.id)).collect();
        let a = Assessment::build(&bank, &sources, sessions[0].started_at);
        (bank, sources, a)
    }

    #[test]
    fn rows_spread_and_suggestion() {
        let (_, mut sources, a) = three();
        sources[1].session.answers.get_mut("1.1.1").unwrap().notes = "Planen er ikke i bruk".into();
        let v = view(&a, &sources, "1.1.1").unwrap();
        assert_eq!(v.rows.len(), 3);
        assert_eq!(v.rows[1].notes, Some("Planen er ikke i bruk"));
        assert_eq!(v.rows[1].scores, scores(4, 2, 2));
        assert_eq!(v.spread, [Some(int(3)), Some(int(0)), Some(int(0))]);
        assert_eq!(v.suggested, scores(2, 2, 2));
        assert_eq!(v.reconciled, v.suggested);
        // Without the session files the rows still show the recorded scores.
        assert_eq!(view(&a, &[], "1.1.1").unwrap().rows[1].notes, None);
        assert_eq!(view(&a, &[], "1.1.2").unwrap().rows.len(), 0);
        assert_eq!(
            view(&a, &[], "9.9.9").unwrap_err(),
            ReviewError::UnknownQuestion("9.9.9".into())
        );
    }

    #[test]
    fn decisions_are_validated() {
        let (bank, _, mut a) = three();
        accept(&mut a, "3.1.1").unwrap();
        assert!(a.questions["3.1.1"].is_decided());
        let half = Scores {
            system: Some(Exact::new(5, 2)),
            ..scores(0, 2, 2)
        };
        override_scores(
            &mut a,
            &bank,
            "1.1.1",
            half,
            "  Planen er vedtatt, ikke i bruk ",
        )
        .unwrap();
        let q = &a.questions["1.1.1"];
        assert_eq!(q.reason(), Some("Planen er vedtatt, ikke i bruk"));
        assert_eq!(q.overridden(), vec![Dimension::System]);
        assert_eq!(q.reconciled(), half);

        let err = |s: Scores, reason: &str| {
            override_scores(&mut a.clone(), &bank, "2.1.1", s, reason).unwrap_err()
        };
        assert_eq!(err(scores(1, 1, 1), " "), ReviewError::EmptyReason);
        let e = err(
            Scores {
                results: None,
                ..scores(1, 1, 1)
            },
            "x",
        );
        assert_eq!(e.to_string(), "Set a value for every dimension: results");
        assert_eq!(
            e.message(Lang::Nb),
            "Sett en verdi for hver dimensjon: Resultat/analyse"
        );
        let e = err(scores(1, 5, 1), "x");
        assert_eq!(e.to_string(), "extent: 5 is outside the scale 0-4");
        let e = err(
            Scores {
                system: Some(Exact::new(1, 3)),
                ..scores(1, 1, 1)
            },
            "x",
        );
        assert!(e.to_string().contains("not a whole or half step"), "{e}");

        clear(&mut a, "1.1.1").unwrap();
        assert_eq!(
            progress(&a),
            Progress {
                questions: 75,
                decided: 1,
                overridden: 0,
                changed_since_accepted: 0
            }
        );
    }

    #[test]
    fn ordered_by_largest_spread_then_sum_then_bank_order() {
        let (_bank, _, mut a) = three();
        let bank = Bank::builtin();
        let order: Vec<String> = by_disagreement(&bank, &a, Filter::All)
            .iter()
            .take(4)
            .map(|d| d.question.clone())
            .collect();
        // 2.1.1 and 1.1.1 both spread 3; 2.1.1's spreads sum to 5, 1.1.1's to 3.
        // 3.1.1 spreads 1; then the questions with one or no interview, in bank order.
        assert_eq!(order, ["2.1.1", "1.1.1", "3.1.1", "1.1.2"]);
        accept(&mut a, "2.1.1").unwrap();
        let undecided = by_disagreement(&bank, &a, Filter::Undecided);
        assert_eq!(undecided[0].question, "1.1.1");
        assert_eq!(undecided.len(), 74);
        assert_eq!(undecided[0].max, Some(int(3)));
    }

    #[test]
    fn an_accept_records_its_values_and_a_moved_suggestion_undecides_it() {
        let (bank, mut sources, mut a) = three();
        accept(&mut a, "3.1.1").unwrap();
        assert_eq!(
            a.questions["3.1.1"].decision,
            Some(Decision::Accepted {
                scores: scores(2, 2, 2)
            })
        );
        // A changed interview moves the suggestion from 2 · 2 · 2 to 3 · 2 · 2.
        sources[0]
            .session
            .answers
            .get_mut("3.1.1")
            .unwrap()
            .scores
            .system = Some(int(4));
        sources[0].sha256 = "changed".into();
        let report = crate::core::review::refresh::refresh(&mut a, &bank, &sources);
        assert_eq!(report.resuggested, ["3.1.1"]);
        let q = &a.questions["3.1.1"];
        let moved = scores(3, 2, 2);
        assert_eq!(q.state(), DecisionState::ChangedSinceAccepted);
        assert_eq!(q.changed_since_accepted(), Some((scores(2, 2, 2), moved)));
        assert_eq!(q.reconciled(), moved, "undecided: the suggestion counts");
        let p = progress(&a);
        assert_eq!((p.decided, p.changed_since_accepted), (0, 1));
        assert_eq!(
            p.describe(Lang::En),
            "decided 0/75 · 1 changed since accepted"
        );
        let listed = by_disagreement(&bank, &a, Filter::Undecided);
        let row = listed.iter().find(|d| d.question == "3.1.1").unwrap();
        assert!(!row.decided);
        let (old, new) = row.changed.unwrap();
        assert_eq!(
            changed_since_accepted(&old, &new, Lang::Nb),
            "endret siden godtatt: 2 · 2 · 2 → 3 · 2 · 2"
        );
        accept(&mut a, "3.1.1").unwrap();
        assert_eq!(progress(&a).decided, 1);
        assert_eq!(by_disagreement(&bank, &a, Filter::All)[2].changed, None);
    }

    #[test]
    fn an_override_equal_to_the_suggestion_is_decided_but_not_counted_as_one() {
        let (bank, _, mut a) = three();
        override_scores(&mut a, &bank, "3.1.1", scores(2, 2, 2), "Som forslaget").unwrap();
        let q = &a.questions["3.1.1"];
        assert_eq!(q.state(), DecisionState::OverrideAsSuggested);
        assert!(q.is_decided() && !q.is_overridden());
        let p = progress(&a);
        assert_eq!((p.decided, p.overridden), (1, 0));
    }
}
