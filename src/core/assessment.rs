//! The reviewer's assessment of one municipality: what the interviews said,
//! what the reviewer decided, and the curated findings and priorities.
//!
//! Format `kompass.assessment`, version 2 (see `docs/formats.md`; version 1
//! is read through [`super::migrate::assessment_v1`]). The file is
//! self-contained: it keeps a copy of every interview's scores, so scoring and
//! reporting need no session files, and it records each session's content
//! sha256 so that a session changed since can be pointed out.

use std::collections::{BTreeMap, BTreeSet};
use std::path::PathBuf;

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::bank::{Bank, DIMENSIONS, Dimension};
use super::baseline::Baseline;
use super::merge;
use super::parse::{self, Problem};
use super::scoring::{self, Scorecard};
use super::session::{BankRef, FindingKind, Person, Scores, Session, Status};

pub const FORMAT: &str = "kompass.assessment";
pub const FORMAT_VERSION: u64 = 2;

/// One interview the assessment was built from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SessionRecord {
    pub id: String,
    /// sha256 of the session file's bytes when it was read.
    pub sha256: String,
    /// Where it was read from, relative to the data directory when possible.
    pub path: String,
    pub interviewer: String,
    pub interviewees: Vec<Person>,
    pub started_at: DateTime<FixedOffset>,
    pub status: Status,
}

/// The reviewer's word on one question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "snake_case", deny_unknown_fields)]
pub enum Decision {
    /// The suggestion as it stood, taken as it is. The values are recorded:
    /// when a later interview moves the suggestion, the question is
    /// undecided again ([`DecisionState::ChangedSinceAccepted`]) instead of
    /// counting values the reviewer never saw.
    Accepted {
        /// Missing only in a hand-made file: then nothing was accepted that
        /// matches a suggestion, and the question shows as changed.
        #[serde(default)]
        scores: Scores,
    },
    /// The reviewer set the scores; dimensions that differ from the
    /// suggestion are overridden, with the reason.
    Override { scores: Scores, reason: String },
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QuestionReview {
    /// Each interview's scores, by session id (only interviews that scored something).
    #[serde(default, deserialize_with = "parse::unique_map")]
    pub interviews: BTreeMap<String, Scores>,
    /// The default merge of `interviews`.
    #[serde(default)]
    pub suggested: Scores,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub decision: Option<Decision>,
}

/// Where one question stands, derived from its decision and the current
/// suggestion: the one rule every screen, command and report counts by.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DecisionState {
    Undecided,
    /// Accepted, and the suggestion is still the one accepted.
    Accepted,
    /// Accepted, but the suggestion has moved since (a late or changed
    /// interview): undecided until accepted again. The values:
    /// [`QuestionReview::changed_since_accepted`].
    ChangedSinceAccepted,
    /// Overridden, and at least one dimension differs from the suggestion.
    Overridden,
    /// Set by hand with a reason, to the values the suggestion has: decided,
    /// but not counted or marked as an override anywhere.
    OverrideAsSuggested,
}

impl DecisionState {
    pub fn is_decided(self) -> bool {
        matches!(
            self,
            DecisionState::Accepted
                | DecisionState::Overridden
                | DecisionState::OverrideAsSuggested
        )
    }
}

impl QuestionReview {
    /// The score that counts: the override if any, else the suggestion
    /// (also for an accept the suggestion has moved away from: that
    /// question is undecided and the report says so).
    pub fn reconciled(&self) -> Scores {
        match &self.decision {
            Some(Decision::Override { scores, .. }) => *scores,
            _ => self.suggested,
        }
    }

    /// Dimensions whose reconciled value differs from the suggestion.
    pub fn overridden(&self) -> Vec<Dimension> {
        match &self.decision {
            Some(Decision::Override { scores, .. }) => DIMENSIONS
                .iter()
                .copied()
                .filter(|&d| scores.get(d) != self.suggested.get(d))
                .collect(),
            _ => Vec::new(),
        }
    }

    /// An override that differs from the suggestion in some dimension: what
    /// every count and marker of overrides means.
    pub fn is_overridden(&self) -> bool {
        self.state() == DecisionState::Overridden
    }

    pub fn state(&self) -> DecisionState {
        match &self.decision {
            None => DecisionState::Undecided,
            Some(Decision::Accepted { scores }) if *scores == self.suggested => {
                DecisionState::Accepted
            }
            Some(Decision::Accepted { .. }) => DecisionState::ChangedSinceAccepted,
            Some(Decision::Override { .. }) if self.overridden().is_empty() => {
                DecisionState::OverrideAsSuggested
            }
            Some(Decision::Override { .. }) => DecisionState::Overridden,
        }
    }

    /// (accepted, suggested now) of an accept the suggestion has moved away
    /// from: what the review shows as "endret siden godtatt: old → new".
    pub fn changed_since_accepted(&self) -> Option<(Scores, Scores)> {
        match &self.decision {
            Some(Decision::Accepted { scores }) if *scores != self.suggested => {
                Some((*scores, self.suggested))
            }
            _ => None,
        }
    }

    /// Decided and still standing: an accept the suggestion has moved away
    /// from is not.
    pub fn is_decided(&self) -> bool {
        self.state().is_decided()
    }

    pub fn reason(&self) -> Option<&str> {
        match &self.decision {
            Some(Decision::Override { reason, .. }) => Some(reason),
            _ => None,
        }
    }
}

/// Where a finding came from.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FindingSource {
    pub session: String,
    pub question: String,
    /// The finding's text as the interviewer wrote it.
    pub text: String,
    pub kind: FindingKind,
}

/// A finding as the report prints it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CuratedFinding {
    pub kind: FindingKind,
    pub text: String,
    /// Outstanding practice, marked with a gold star in the report.
    #[serde(default)]
    pub best_practice: bool,
    #[serde(default)]
    pub sources: Vec<FindingSource>,
    /// Added by the evaluators themselves (from documents, the website),
    /// not said in an interview: marked as theirs wherever it is shown.
    #[serde(default, skip_serializing_if = "is_false")]
    pub own: bool,
    /// In `dropped`: the place it had in the area's list, where a restore
    /// puts it back.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub dropped_from: Option<usize>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// A suggested group of findings the reviewer said is not one point: the
/// sources of its members, so that it is not proposed again.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DismissedSuggestion {
    pub sources: Vec<FindingSource>,
}

/// Priorities of the same theme, grouped and counted.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityGroup {
    pub theme: String,
    /// The priorities as given, with the session that gave each.
    pub items: Vec<PriorityItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PriorityItem {
    /// The interview that gave it; empty for one the evaluators added.
    pub session: String,
    pub text: String,
    /// Added by the evaluators (the council's workshop), not from an
    /// interview.
    #[serde(default, skip_serializing_if = "is_false")]
    pub own: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assessment {
    pub format: String,
    pub format_version: u64,
    pub municipality: String,
    pub bank: BankRef,
    pub created_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
    pub sessions: Vec<SessionRecord>,
    /// Every question of the bank, by id.
    #[serde(deserialize_with = "parse::unique_map")]
    pub questions: BTreeMap<String, QuestionReview>,
    /// Findings per area id, in the order the report prints them.
    #[serde(deserialize_with = "parse::unique_map")]
    pub findings: BTreeMap<String, Vec<CuratedFinding>>,
    /// Findings the reviewer dropped, per area id: kept so that they can be
    /// restored, never printed by the report.
    #[serde(
        default,
        deserialize_with = "parse::unique_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub dropped: BTreeMap<String, Vec<CuratedFinding>>,
    /// Suggested groups of findings dismissed, per area id.
    #[serde(
        default,
        deserialize_with = "parse::unique_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub dismissed_suggestions: BTreeMap<String, Vec<DismissedSuggestion>>,
    #[serde(default)]
    pub priorities: Vec<PriorityGroup>,
    #[serde(default)]
    pub baselines: Vec<Baseline>,
    /// What `kompass purge` removed from the interviews, and when: the
    /// review and the report say so instead of showing notes as if none
    /// were written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub purged: Vec<Purge>,
    /// The evaluators' own words; absent from files written before them.
    #[serde(default, skip_serializing_if = "Texts::is_empty")]
    pub texts: Texts,
}

/// One `kompass purge`: which sessions lost what, and when.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Purge {
    pub at: DateTime<FixedOffset>,
    pub what: Purged,
    /// Session ids.
    pub sessions: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Purged {
    /// Notes and finding texts; scores stay in the session.
    Notes,
    /// The session files, after the assessment had recorded their scores.
    Sessions,
}

/// What the evaluators write themselves (issue 15): a summary of the whole
/// evaluation, an assessment per area ("Vurdering") and the way forward
/// ("Veien videre"). Each is free text over several lines, kept exactly as
/// typed; an empty text is one not written yet.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Texts {
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub summary: String,
    /// Per area id.
    #[serde(
        default,
        deserialize_with = "parse::unique_map",
        skip_serializing_if = "BTreeMap::is_empty"
    )]
    pub areas: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "String::is_empty")]
    pub way_forward: String,
}

impl Texts {
    pub fn is_empty(&self) -> bool {
        self.summary.is_empty() && self.way_forward.is_empty() && self.areas.is_empty()
    }
}

/// A session as read, for building an assessment.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceSession {
    pub session: Session,
    /// sha256 of the file's bytes.
    pub sha256: String,
    /// Where it was read from, relative to the data directory when possible:
    /// what the assessment records.
    pub path: String,
    /// The file it was read from on this machine, for messages.
    pub file: PathBuf,
}

impl SourceSession {
    /// What the assessment records of this session.
    pub fn record(&self) -> SessionRecord {
        SessionRecord {
            id: self.session.id.clone(),
            sha256: self.sha256.clone(),
            path: self.path.clone(),
            interviewer: self.session.interviewer.clone(),
            interviewees: self.session.interviewees.clone(),
            started_at: self.session.started_at,
            status: self.session.status,
        }
    }
}

impl Assessment {
    /// An assessment of no interviews yet: every question of the bank
    /// undecided, every area without findings.
    pub fn empty(bank: &Bank, municipality: &str, now: DateTime<FixedOffset>) -> Assessment {
        Assessment {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            municipality: municipality.trim().to_owned(),
            bank: BankRef::of(bank),
            created_at: now,
            updated_at: now,
            sessions: Vec::new(),
            questions: bank
                .questions()
                .map(|(_, q)| (q.id.clone(), QuestionReview::default()))
                .collect(),
            findings: bank
                .areas()
                .iter()
                .map(|a| (a.id.clone(), Vec::new()))
                .collect(),
            dropped: BTreeMap::new(),
            dismissed_suggestions: BTreeMap::new(),
            priorities: Vec::new(),
            baselines: Vec::new(),
            purged: Vec::new(),
            texts: Texts::default(),
        }
    }

    /// The default merge of the given sessions (one municipality, deduplicated,
    /// checked against `bank`), with every finding as given and the
    /// priorities grouped by theme.
    pub fn build(bank: &Bank, sources: &[SourceSession], now: DateTime<FixedOffset>) -> Assessment {
        let municipality = sources
            .first()
            .map(|s| s.session.municipality.as_str())
            .unwrap_or_default();
        let mut assessment = Assessment::empty(bank, municipality, now);
        super::review::refresh::refresh(&mut assessment, bank, sources);
        assessment
    }

    /// Reads an assessment of this format version or an older one
    /// (brought up to date by [`super::migrate::assessment_v1`]).
    pub fn parse(bytes: &[u8]) -> Result<Assessment, Problem> {
        let header = parse::header(bytes)?;
        parse::check_header(&header, FORMAT, FORMAT_VERSION)?;
        let mut assessment: Assessment = parse::from_json(bytes)?;
        if assessment.format_version == 1 {
            super::migrate::assessment_v1(&mut assessment);
        }
        Ok(assessment)
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut out = Vec::new();
        self.write_json(&mut out)
            .expect("an assessment always serializes");
        out
    }

    /// [`Assessment::to_json`] written straight to `out`: the assessment of
    /// 2,000 interviews is 18 MB of JSON, better not held in memory as well.
    pub fn write_json(&self, mut out: impl std::io::Write) -> std::io::Result<()> {
        serde_json::to_writer_pretty(&mut out, self)?;
        out.write_all(b"\n")
    }

    /// When the notes of a session were removed (`kompass purge`), if they were.
    pub fn notes_purged_at(&self, session: &str) -> Option<DateTime<FixedOffset>> {
        self.purged
            .iter()
            .filter(|p| p.sessions.iter().any(|s| s == session))
            .map(|p| p.at)
            .min()
    }

    /// The scores that count, per question.
    pub fn reconciled(&self) -> BTreeMap<String, Scores> {
        self.questions
            .iter()
            .map(|(id, q)| (id.clone(), q.reconciled()))
            .filter(|(_, s)| !s.is_empty())
            .collect()
    }

    /// The union of the roles interviewed.
    pub fn roles(&self) -> BTreeSet<String> {
        self.sessions
            .iter()
            .flat_map(|s| s.interviewees.iter().map(|p| p.role.clone()))
            .collect()
    }

    /// Reconciled points, with coverage over the questions routed to the roles interviewed.
    pub fn scorecard(&self, bank: &Bank) -> Scorecard {
        scoring::score(bank, &self.reconciled(), Some(&self.roles()))
    }

    /// The evaluators: every interviewer, in order of first appearance.
    pub fn evaluators(&self) -> Vec<String> {
        let mut seen = Vec::new();
        for s in &self.sessions {
            if !s.interviewer.trim().is_empty() && !seen.contains(&s.interviewer) {
                seen.push(s.interviewer.clone());
            }
        }
        seen
    }

    /// The year of the evaluation: that of the latest interview.
    pub fn year(&self) -> Option<i32> {
        use chrono::Datelike;
        self.sessions
            .iter()
            .map(|s| s.started_at)
            .max()
            .map(|d| d.year())
    }

    /// The rules that need the bank: same bank, known question and area ids,
    /// values on the scale, overrides with a reason, sources that exist.
    pub fn check(&self, bank: &Bank) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(p) = super::migrate::bank_mismatch(&self.bank, "assessment", bank) {
            problems.push(p);
            return problems;
        }
        let session_ids: BTreeSet<&str> = self.sessions.iter().map(|s| s.id.as_str()).collect();
        if session_ids.len() != self.sessions.len() {
            problems.push(Problem::at_in_both(
                "sessions",
                "et intervju står to ganger i listen",
                "a session is listed twice",
            ));
        }
        for (qid, review) in &self.questions {
            if bank.question(qid).is_none() {
                problems.push(super::session::not_in_bank(qid));
                continue;
            }
            if review.suggested != merge::merge_scores(review.interviews.values()) {
                problems.push(
                    Problem::in_both(
                        "forslaget (suggested) er ikke medianen av intervjuenes skårer",
                        "suggested is not the median of the interviews' scores",
                    )
                    .within_question(qid),
                );
            }
            // The suggestion is the median of values checked below (it may
            // fall on a quarter), so only the interviews and the decision
            // are checked against the scale.
            // (bokmål, English) naming whose scores they are.
            let mut all = Vec::new();
            if let Some(Decision::Override { scores, reason }) = &review.decision {
                all.push(("overstyringen".to_owned(), "decision".to_owned(), *scores));
                if reason.trim().is_empty() {
                    problems.push(
                        Problem::in_both(
                            "en overstyring trenger en begrunnelse",
                            "an override needs a reason",
                        )
                        .within_question(qid),
                    );
                }
            }
            for (sid, scores) in &review.interviews {
                if !session_ids.contains(sid.as_str()) {
                    problems.push(
                        Problem::in_both(
                            format!("intervju {sid} er ikke blant intervjuene (sessions)"),
                            format!("interview {sid} is not among the sessions"),
                        )
                        .within_question(qid),
                    );
                }
                all.push((
                    format!("intervju {sid}"),
                    format!("interview {sid}"),
                    *scores,
                ));
            }
            for (what_nb, what, scores) in all {
                for d in DIMENSIONS {
                    if let Some(p) = scores
                        .get(d)
                        .and_then(|v| super::session::value_problem(bank, v))
                    {
                        problems.push(
                            super::session::of_dimension(p, bank, d)
                                .about(&what_nb, &what)
                                .within_question(qid),
                        );
                    }
                }
            }
        }
        for (area, list) in self.findings.iter().chain(&self.dropped) {
            if !bank.areas().iter().any(|a| &a.id == area) {
                problems.push(not_an_area(format!("findings.{area}")));
            }
            for (i, f) in list.iter().enumerate() {
                if f.text.trim().is_empty() {
                    problems.push(Problem::at_in_both(
                        format!("findings.{area}[{i}]"),
                        "teksten er tom",
                        "the text is empty",
                    ));
                }
            }
        }
        for area in self.dismissed_suggestions.keys() {
            if !bank.areas().iter().any(|a| &a.id == area) {
                problems.push(not_an_area(format!("dismissed_suggestions.{area}")));
            }
        }
        for area in self.texts.areas.keys() {
            if !bank.areas().iter().any(|a| &a.id == area) {
                problems.push(not_an_area(format!("texts.areas.{area}")));
            }
        }
        let mut names = BTreeSet::new();
        for b in &self.baselines {
            let (at_nb, at) = (
                format!("sammenligningsgrunnlaget «{}»", b.name),
                format!("baselines \"{}\"", b.name),
            );
            problems.extend(b.check(bank).into_iter().map(|p| p.within(&at_nb, &at)));
            if !names.insert(b.name.as_str()) {
                problems.push(Problem::at_in_both(
                    "baselines",
                    format!("to sammenligningsgrunnlag heter «{}»", b.name),
                    format!("two baselines are named \"{}\"", b.name),
                ));
            }
        }
        problems
    }
}

/// A map of the assessment keyed by an area the bank does not have.
fn not_an_area(at: String) -> Problem {
    Problem::at_in_both(
        at,
        "er ikke et område i spørsmålsbanken",
        "is not an area of the bank",
    )
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::exact::int;
    use crate::core::session::tests::sample;

    /// A session as if read from `eksempelvik/<id>.json` with the given hash.
    pub fn source(session: &Session, sha256: &str) -> SourceSession {
        SourceSession {
            session: session.clone(),
            sha256: sha256.to_owned(),
            path: format!("eksempelvik/{}.json", session.id),
            file: PathBuf::from(format!("/data/eksempelvik/{}.json", session.id)),
        }
    }

    fn build() -> (Bank, Assessment) {
        let bank = Bank::builtin();
        let mut a = sample(&bank);
        a.answers.get_mut("1.1.1").unwrap().scores.results = Some(int(1));
        a.priorities = vec!["Bedre intern kommunikasjon".into()];
        let mut b = a.clone();
        b.id = "01JDX0000000000000000000BB".into();
        b.answers.get_mut("1.1.1").unwrap().scores.system = Some(int(0));
        let sources = [source(&a, "aa"), source(&b, "bb")];
        let assessment = Assessment::build(&bank, &sources, a.started_at);
        (bank, assessment)
    }

    #[test]
    fn build_merges_and_keeps_every_finding() {
        let (bank, a) = build();
        let q = &a.questions["1.1.1"];
        assert_eq!(q.interviews.len(), 2);
        assert_eq!(q.suggested.system, Some(Exact::new(3, 2)));
        assert_eq!(a.questions.len(), 75);
        assert_eq!(a.findings["1"].len(), 2);
        // The same priority from both interviews is one theme, counted twice.
        assert_eq!(a.priorities.len(), 1);
        assert_eq!(a.priorities[0].items.len(), 2);
        assert_eq!(a.check(&bank), vec![]);
        assert_eq!(Assessment::parse(&a.to_json()).unwrap(), a);
    }

    #[test]
    fn a_median_on_a_quarter_is_valid() {
        let (bank, mut a) = build();
        let q = a.questions.get_mut("1.1.1").unwrap();
        q.interviews.values_mut().next().unwrap().system = Some(Exact::new(3, 2));
        q.suggested = merge::merge_scores(q.interviews.values());
        assert_eq!(q.suggested.system, Some(Exact::new(3, 4)));
        assert_eq!(a.check(&bank), vec![]);
        assert_eq!(Assessment::parse(&a.to_json()).unwrap(), a);
        a.questions.get_mut("1.1.1").unwrap().suggested.system = Some(int(1));
        assert!(a.check(&bank)[0].message.contains("not the median"));
    }

    #[test]
    fn baseline_names_are_unique() {
        let (bank, mut a) = build();
        let b = Baseline::new(
            "Eksempelvik 2022",
            super::super::baseline::BaselineKind::Earlier,
        );
        a.baselines = vec![b.clone(), b];
        let problems = a.check(&bank);
        assert_eq!(problems.len(), 1);
        assert_eq!(
            problems[0].render("a.json"),
            "a.json: baselines: two baselines are named \"Eksempelvik 2022\""
        );
    }

    #[test]
    fn overrides_count_and_are_marked() {
        let (bank, mut a) = build();
        let before = a.scorecard(&bank).total;
        let q = a.questions.get_mut("1.1.1").unwrap();
        let mut scores = q.suggested;
        scores.system = Some(int(4));
        q.decision = Some(Decision::Override {
            scores,
            reason: "Dokumentert i planen".into(),
        });
        assert_eq!(q.overridden(), vec![Dimension::System]);
        assert!(a.scorecard(&bank).total > before);
        a.questions.get_mut("1.1.1").unwrap().decision = Some(Decision::Override {
            scores,
            reason: " ".into(),
        });
        assert!(
            a.check(&bank)
                .iter()
                .any(|p| p.message.contains("needs a reason"))
        );
    }

    use crate::core::exact::Exact;
}
