//! Keeping an assessment in step with its session files.
//!
//! An assessment records every session it was built from with the sha256 of
//! the file's bytes. [`staleness`] compares that with the sessions read now;
//! [`refresh`] brings the interviews and suggestions up to date while keeping
//! everything the reviewer did: decisions, curated findings, priority groups
//! and baselines. Nothing is dropped: a session whose file has vanished keeps
//! its recorded scores until the reviewer removes it ([`remove_session`]).

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};

use super::priorities;
use crate::core::assessment::{
    Assessment, CuratedFinding, FindingSource, PriorityItem, SourceSession,
};
use crate::core::bank::Bank;
use crate::core::merge;
use crate::core::session::Answer;

/// Which recorded sessions differ from the sessions read now, by id.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Staleness {
    /// Recorded, and read now with other contents.
    pub changed: Vec<String>,
    /// Recorded, but not among the sessions read now.
    pub vanished: Vec<String>,
    /// Read now, but not recorded.
    pub new: Vec<String>,
}

impl Staleness {
    pub fn is_empty(&self) -> bool {
        self.changed.is_empty() && self.vanished.is_empty() && self.new.is_empty()
    }
}

/// Compares the recorded sessions with the current ones (id -> sha256).
pub fn staleness(assessment: &Assessment, current: &BTreeMap<String, String>) -> Staleness {
    let mut stale = Staleness::default();
    for record in &assessment.sessions {
        match current.get(&record.id) {
            Some(sha) if !sha.eq_ignore_ascii_case(&record.sha256) => {
                stale.changed.push(record.id.clone())
            }
            Some(_) => {}
            None => stale.vanished.push(record.id.clone()),
        }
    }
    let recorded: BTreeSet<&str> = assessment.sessions.iter().map(|r| r.id.as_str()).collect();
    stale.new = current
        .keys()
        .filter(|id| !recorded.contains(id.as_str()))
        .cloned()
        .collect();
    stale
}

/// The current sessions' hashes by id, as [`staleness`] takes them.
pub fn hashes(sources: &[SourceSession]) -> BTreeMap<String, String> {
    sources
        .iter()
        .map(|s| (s.session.id.clone(), s.sha256.clone()))
        .collect()
}

/// What a [`refresh`] did.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RefreshReport {
    /// Sessions added to the assessment.
    pub added: Vec<String>,
    /// Sessions whose recorded scores were replaced by their current file.
    pub updated: Vec<String>,
    /// Recorded sessions not read now: their recorded scores were kept.
    pub kept_vanished: Vec<String>,
    /// Decided questions whose suggestion changed: the reviewer should look again.
    pub resuggested: Vec<String>,
    /// Findings of new or changed sessions added to the curated lists.
    pub new_findings: usize,
    /// Priorities of new or changed sessions added to the groups.
    pub new_priorities: usize,
}

/// Rebuilds the interviews and suggestions from `sources` (the sessions of
/// the assessment's municipality read now, one per id) and adds the findings
/// and priorities they bring that the assessment does not hold yet.
/// Decisions, curated findings, priority groups and baselines are kept.
pub fn refresh(
    assessment: &mut Assessment,
    bank: &Bank,
    sources: &[SourceSession],
) -> RefreshReport {
    let stale = staleness(assessment, &hashes(sources));
    // Sets and an index, not searches of lists: a national year merges
    // thousands of sessions, and a search per session grew with the square.
    let stale_ids: HashSet<&str> = stale
        .changed
        .iter()
        .chain(&stale.new)
        .map(String::as_str)
        .collect();
    let touched: Vec<&SourceSession> = sources
        .iter()
        .filter(|s| stale_ids.contains(s.session.id.as_str()))
        .collect();
    let answers = answers_by_question(bank, &touched);
    // In id order, the interviews of a question are built in one pass.
    let mut id_order: Vec<usize> = (0..touched.len()).collect();
    id_order.sort_by(|&a, &b| touched[a].session.id.cmp(&touched[b].session.id));
    let mut recorded_at: HashMap<String, usize> = assessment
        .sessions
        .iter()
        .enumerate()
        .map(|(i, r)| (r.id.clone(), i))
        .collect();
    for s in &touched {
        let record = s.record();
        match recorded_at.get(&record.id) {
            Some(&i) => assessment.sessions[i] = record,
            None => {
                recorded_at.insert(record.id.clone(), assessment.sessions.len());
                assessment.sessions.push(record);
            }
        }
    }

    let mut resuggested = Vec::new();
    for (k, (_, q)) in bank.questions().enumerate() {
        let review = assessment.questions.entry(q.id.clone()).or_default();
        let scored = id_order.iter().map(|&i| {
            let scores = answers[i][k]
                .map(|a| a.scores)
                .filter(|scores| !scores.is_empty());
            (&touched[i].session.id, scores)
        });
        if review.interviews.is_empty() {
            review.interviews = scored
                .filter_map(|(id, scores)| Some((id.clone(), scores?)))
                .collect();
        } else {
            for (id, scores) in scored {
                match scores {
                    Some(scores) => review.interviews.insert(id.clone(), scores),
                    None => review.interviews.remove(id),
                };
            }
        }
        let suggested = merge::merge_scores(review.interviews.values());
        if suggested != review.suggested {
            if review.is_decided() {
                resuggested.push(q.id.clone());
            }
            review.suggested = suggested;
        }
    }

    let new_findings = add_findings(assessment, bank, &touched, &answers);
    let known: HashSet<(String, String)> = assessment
        .priorities
        .iter()
        .flat_map(|g| &g.items)
        .map(|i| (i.session.clone(), i.text.clone()))
        .collect();
    let new_items: Vec<PriorityItem> = touched
        .iter()
        .flat_map(|s| {
            s.session.priorities.iter().map(|p| PriorityItem {
                session: s.session.id.clone(),
                text: p.trim().to_owned(),
                own: false,
            })
        })
        .filter(|i| !i.text.is_empty() && !known.contains(&(i.session.clone(), i.text.clone())))
        .collect();
    let new_priorities = new_items.len();
    priorities::place(&mut assessment.priorities, new_items);

    RefreshReport {
        added: stale.new,
        updated: stale.changed,
        kept_vanished: stale.vanished,
        resuggested,
        new_findings,
        new_priorities,
    }
}

/// Adds every finding of `touched` that no curated (or dropped) finding
/// names as a source; in bank order of questions, then session order, so that
/// what the interviews said about one question stands together.
fn add_findings(
    assessment: &mut Assessment,
    bank: &Bank,
    touched: &[&SourceSession],
    answers: &[Vec<Option<&Answer>>],
) -> usize {
    let known: HashSet<FindingSource> = assessment
        .findings
        .values()
        .chain(assessment.dropped.values())
        .flatten()
        .flat_map(|f| f.sources.iter().cloned())
        .collect();
    let mut added = 0;
    for (k, (pos, q)) in bank.questions().enumerate() {
        let area = &bank.area_of(pos).id;
        for (s, by_question) in touched.iter().zip(answers) {
            let Some(answer) = by_question[k] else {
                continue;
            };
            for f in &answer.findings {
                let source = FindingSource {
                    session: s.session.id.clone(),
                    question: q.id.clone(),
                    text: f.text.clone(),
                    kind: f.kind,
                };
                if f.text.trim().is_empty() || known.contains(&source) {
                    continue;
                }
                assessment
                    .findings
                    .entry(area.clone())
                    .or_default()
                    .push(CuratedFinding {
                        kind: f.kind,
                        text: f.text.trim().to_owned(),
                        best_practice: false,
                        sources: vec![source],
                        own: false,
                        dropped_from: None,
                    });
                added += 1;
            }
        }
    }
    added
}

/// Each session's answers by the bank's order of questions: one look-up per
/// answer, where asking every session for every question looked each up in
/// a map 150,000 times for 2,000 sessions.
fn answers_by_question<'s>(
    bank: &Bank,
    sessions: &[&'s SourceSession],
) -> Vec<Vec<Option<&'s Answer>>> {
    // Question ids in order with their place in the bank: each session's
    // answers, ordered by id too, are matched in one walk.
    let mut order: Vec<(&str, usize)> = bank
        .questions()
        .enumerate()
        .map(|(k, (_, q))| (q.id.as_str(), k))
        .collect();
    order.sort_unstable();
    sessions
        .iter()
        .map(|s| {
            let mut by_question = vec![None; order.len()];
            let mut known = order.iter().peekable();
            for (id, answer) in &s.session.answers {
                while known.next_if(|(q, _)| *q < id.as_str()).is_some() {}
                if let Some((_, k)) = known.next_if(|(q, _)| *q == id.as_str()) {
                    by_question[*k] = Some(answer);
                }
            }
            by_question
        })
        .collect()
}

/// Takes a session out of the assessment on the reviewer's word (typically
/// one whose file vanished): its record, its scores and its priorities go;
/// findings keep their other sources, and a finding that only it gave moves
/// to the dropped list, where it can be restored. Returns false when the
/// assessment does not hold the session.
pub fn remove_session(assessment: &mut Assessment, id: &str) -> bool {
    let before = assessment.sessions.len();
    assessment.sessions.retain(|r| r.id != id);
    if assessment.sessions.len() == before {
        return false;
    }
    for review in assessment.questions.values_mut() {
        if review.interviews.remove(id).is_some() {
            review.suggested = merge::merge_scores(review.interviews.values());
        }
    }
    for group in &mut assessment.priorities {
        group.items.retain(|i| i.session != id);
    }
    assessment.priorities.retain(|g| !g.items.is_empty());
    for (area, list) in assessment.findings.iter_mut() {
        let mut kept = Vec::with_capacity(list.len());
        for mut f in std::mem::take(list) {
            let only_this = f.sources.iter().all(|s| s.session == id) && !f.sources.is_empty();
            if only_this {
                assessment.dropped.entry(area.clone()).or_default().push(f);
            } else {
                f.sources.retain(|s| s.session != id);
                kept.push(f);
            }
        }
        *list = kept;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::assessment::Decision;
    use crate::core::assessment::tests::source;
    use crate::core::exact::int;
    use crate::core::session::{Finding, FindingKind, tests::sample};
    use chrono::{DateTime, FixedOffset};

    fn now() -> DateTime<FixedOffset> {
        DateTime::parse_from_rfc3339("2026-12-01T09:00:00+01:00").unwrap()
    }

    #[test]
    fn staleness_names_changed_vanished_and_new() {
        let bank = Bank::builtin();
        let a = sample(&bank);
        let mut b = a.clone();
        b.id = "B".into();
        let assessment = Assessment::build(&bank, &[source(&a, "aa"), source(&b, "bb")], now());
        let current: BTreeMap<String, String> = [("B", "BB-new"), ("C", "cc")]
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        let stale = staleness(&assessment, &current);
        assert_eq!(stale.changed, vec!["B"]);
        assert_eq!(stale.vanished, vec![a.id.clone()]);
        assert_eq!(stale.new, vec!["C"]);
        let same = hashes(&[source(&a, "AA"), source(&b, "bb")]);
        assert!(
            staleness(&assessment, &same).is_empty(),
            "hex case is not a change"
        );
    }

    #[test]
    fn refresh_keeps_decisions_findings_and_vanished_scores() {
        let bank = Bank::builtin();
        let a = sample(&bank);
        let mut b = a.clone();
        b.id = "B".into();
        b.priorities = vec!["Bedre internkommunikasjon".into()];
        let mut assessment = Assessment::build(&bank, &[source(&a, "aa"), source(&b, "bb")], now());
        // The reviewer decides 1.1.1 and edits a finding.
        crate::core::review::question::accept(&mut assessment, "1.1.1").unwrap();
        let accepted = assessment.questions["1.1.1"].suggested;
        assessment.findings.get_mut("1").unwrap()[0].text = "Oppdatert kommunikasjonsplan".into();

        // b changed: a higher system score, a new finding, a new priority; c is new; a vanished.
        let mut b2 = b.clone();
        let answer = b2.answers.get_mut("1.1.1").unwrap();
        answer.scores.system = Some(int(4));
        answer.findings.push(Finding {
            kind: FindingKind::Weakness,
            text: "Planen er ikke kjent blant ansatte".into(),
        });
        b2.priorities.push("Intern kommunikasjon".into());
        let mut c = sample(&bank);
        c.id = "C".into();
        c.answers.clear();
        let report = refresh(
            &mut assessment,
            &bank,
            &[source(&b2, "bb2"), source(&c, "cc")],
        );

        assert_eq!(report.added, vec!["C"]);
        assert_eq!(report.updated, vec!["B"]);
        assert_eq!(report.kept_vanished, vec![a.id.clone()]);
        assert_eq!(report.resuggested, vec!["1.1.1"]);
        assert_eq!((report.new_findings, report.new_priorities), (1, 1));
        let q = &assessment.questions["1.1.1"];
        assert_eq!(q.decision, Some(Decision::Accepted { scores: accepted }));
        // The suggestion moved: the accept is kept but no longer counts.
        assert_eq!(
            q.state(),
            crate::core::assessment::DecisionState::ChangedSinceAccepted
        );
        assert_eq!(q.changed_since_accepted(), Some((accepted, q.suggested)));
        assert!(!q.is_decided());
        // a's recorded 3 is kept beside b's new 4.
        assert_eq!(q.suggested.system, Some(Exact::new(7, 2)));
        let texts: Vec<&str> = assessment.findings["1"]
            .iter()
            .map(|f| f.text.as_str())
            .collect();
        assert_eq!(
            texts,
            [
                "Oppdatert kommunikasjonsplan",
                "Oppdatert plan",
                "Planen er ikke kjent blant ansatte"
            ]
        );
        assert_eq!(
            assessment.priorities.len(),
            1,
            "{:?}",
            assessment.priorities
        );
        assert_eq!(assessment.priorities[0].items.len(), 2);
        assert_eq!(assessment.sessions.len(), 3);
        assert_eq!(assessment.sessions[1].sha256, "bb2");
        assert_eq!(assessment.check(&bank), vec![]);

        // A second refresh with the same files changes nothing.
        let again = assessment.clone();
        let report = refresh(
            &mut assessment,
            &bank,
            &[source(&b2, "bb2"), source(&c, "cc")],
        );
        assert_eq!((report.new_findings, report.new_priorities), (0, 0));
        assert_eq!(assessment, again);
    }

    #[test]
    fn removing_a_session_moves_its_only_findings_to_dropped() {
        let bank = Bank::builtin();
        let a = sample(&bank);
        let mut b = a.clone();
        b.id = "B".into();
        b.answers.get_mut("1.1.1").unwrap().scores.system = Some(int(1));
        let mut assessment = Assessment::build(&bank, &[source(&a, "aa"), source(&b, "bb")], now());
        assert!(remove_session(&mut assessment, "B"));
        assert!(!remove_session(&mut assessment, "B"));
        assert_eq!(assessment.sessions.len(), 1);
        assert_eq!(assessment.questions["1.1.1"].suggested.system, Some(int(3)));
        assert_eq!(assessment.findings["1"].len(), 1);
        assert_eq!(assessment.dropped["1"].len(), 1);
        assert_eq!(assessment.dropped["1"][0].sources[0].session, "B");
        assert_eq!(assessment.check(&bank), vec![]);
    }

    use crate::core::exact::Exact;
}
