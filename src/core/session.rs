//! One interview: who was asked, what they said, how it was scored.
//!
//! The file format (`kompass.session`, version 1) is documented in
//! `docs/formats.md` and `assets/schema/session.schema.json`.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, FixedOffset};
use serde::{Deserialize, Serialize};

use super::bank::{Bank, DIMENSIONS, Dimension};
use super::exact::{self, Exact, int};
use super::parse::{self, Problem};

pub const FORMAT: &str = "kompass.session";
pub const FORMAT_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BankRef {
    pub id: String,
    pub version: String,
    pub sha256: String,
}

impl BankRef {
    pub fn of(bank: &Bank) -> BankRef {
        BankRef {
            id: bank.id().to_owned(),
            version: bank.version().to_owned(),
            sha256: bank.sha256.clone(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Person {
    pub name: String,
    pub role: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    InProgress,
    Completed,
}

/// The three dimension values of one question; `None` is "not scored",
/// which is different from 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scores {
    #[serde(default, with = "exact::as_opt_number")]
    pub system: Option<Exact>,
    #[serde(default, with = "exact::as_opt_number")]
    pub extent: Option<Exact>,
    #[serde(default, with = "exact::as_opt_number")]
    pub results: Option<Exact>,
}

impl Scores {
    pub fn get(&self, d: Dimension) -> Option<Exact> {
        match d {
            Dimension::System => self.system,
            Dimension::Extent => self.extent,
            Dimension::Results => self.results,
        }
    }

    pub fn set(&mut self, d: Dimension, value: Option<Exact>) {
        match d {
            Dimension::System => self.system = value,
            Dimension::Extent => self.extent = value,
            Dimension::Results => self.results = value,
        }
    }

    /// All three dimensions have a value, so the question counts.
    pub fn is_complete(&self) -> bool {
        DIMENSIONS.iter().all(|&d| self.get(d).is_some())
    }

    pub fn is_empty(&self) -> bool {
        DIMENSIONS.iter().all(|&d| self.get(d).is_none())
    }

    /// The sum of the three values, when all are set.
    pub fn sum(&self) -> Option<Exact> {
        Some(self.system? + self.extent? + self.results?)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    Strength,
    Challenge,
    Weakness,
}

impl FindingKind {
    pub const ALL: [FindingKind; 3] = [
        FindingKind::Strength,
        FindingKind::Challenge,
        FindingKind::Weakness,
    ];

    pub fn id(self) -> &'static str {
        match self {
            FindingKind::Strength => "strength",
            FindingKind::Challenge => "challenge",
            FindingKind::Weakness => "weakness",
        }
    }

    /// The heading used in the deck: Styrker / Utfordringer / Svakheter.
    pub fn heading(self, lang: super::lang::Lang) -> &'static str {
        match self {
            FindingKind::Strength => lang.pick("Styrker", "Strengths"),
            FindingKind::Challenge => lang.pick("Utfordringer", "Challenges"),
            FindingKind::Weakness => lang.pick("Svakheter", "Weaknesses"),
        }
    }

    pub fn label(self, lang: super::lang::Lang) -> &'static str {
        match self {
            FindingKind::Strength => lang.pick("Styrke", "Strength"),
            FindingKind::Challenge => lang.pick("Utfordring", "Challenge"),
            FindingKind::Weakness => lang.pick("Svakhet", "Weakness"),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Finding {
    pub kind: FindingKind,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Answer {
    #[serde(default)]
    pub scores: Scores,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub findings: Vec<Finding>,
    #[serde(default)]
    pub flagged: bool,
    #[serde(default)]
    pub seconds: u64,
}

impl Answer {
    /// Nothing was written, scored, found or flagged.
    pub fn is_blank(&self) -> bool {
        self.scores.is_empty()
            && self.notes.trim().is_empty()
            && self.findings.is_empty()
            && !self.flagged
    }
}

/// The answer to a question that a bank migration removed, kept word for
/// word: nothing an interviewer wrote is dropped by a new bank version.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Orphan {
    /// Its id in the bank version it was given in.
    pub question: String,
    pub bank_version: String,
    pub answer: Answer,
}

/// How a second version of an interview differs from the first
/// ([`Session::difference`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Difference {
    /// Written characters the second has more (negative: fewer).
    pub chars: i64,
    /// Questions whose scores, notes, findings or flag differ.
    pub questions: usize,
    /// The priorities or the status differ.
    pub other_fields: bool,
}

impl Difference {
    /// Nothing the user wrote or scored differs.
    pub fn is_none(&self) -> bool {
        self.chars == 0 && self.questions == 0 && !self.other_fields
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Session {
    pub format: String,
    pub format_version: u64,
    pub id: String,
    pub bank: BankRef,
    pub municipality: String,
    pub interviewer: String,
    pub interviewees: Vec<Person>,
    pub started_at: DateTime<FixedOffset>,
    pub updated_at: DateTime<FixedOffset>,
    pub status: Status,
    #[serde(deserialize_with = "parse::unique_map")]
    pub answers: BTreeMap<String, Answer>,
    #[serde(default)]
    pub priorities: Vec<String>,
    /// The question the interviewer was on, so a resume lands there.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub last_question: Option<String>,
    /// Answers of questions removed by bank migrations (see `core::migrate`).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub orphaned: Vec<Orphan>,
}

impl Session {
    pub fn new(
        id: String,
        bank: &Bank,
        municipality: &str,
        interviewer: &str,
        interviewees: Vec<Person>,
        now: DateTime<FixedOffset>,
    ) -> Session {
        Session {
            format: FORMAT.to_owned(),
            format_version: FORMAT_VERSION,
            id,
            bank: BankRef::of(bank),
            municipality: municipality.trim().to_owned(),
            interviewer: interviewer.trim().to_owned(),
            interviewees,
            started_at: now,
            updated_at: now,
            status: Status::InProgress,
            answers: BTreeMap::new(),
            priorities: Vec::new(),
            last_question: None,
            orphaned: Vec::new(),
        }
    }

    /// Parses a session file strictly (syntax, types, duplicate keys); see
    /// [`Session::check`] for the rules that need the bank.
    pub fn parse(bytes: &[u8]) -> Result<Session, Problem> {
        // One pass over a good file (the header is in the parsed session);
        // the header is read on its own only to explain a failure, so that a
        // newer file is refused by its version rather than by some new field.
        let (version, parsed) = match parse::from_json::<Session>(bytes) {
            Ok(session) => {
                let header = parse::Header {
                    format: Some(session.format.clone()),
                    format_version: Some(session.format_version),
                };
                parse::check_header(&header, FORMAT, FORMAT_VERSION)?;
                (session.format_version, Ok(session))
            }
            Err(problem) => {
                let header = parse::header(bytes)?;
                parse::check_header(&header, FORMAT, FORMAT_VERSION)?;
                (
                    header.format_version.unwrap_or(FORMAT_VERSION),
                    Err(problem),
                )
            }
        };
        // The bytes in the current format: the same bytes for version 1.
        match super::migrate::migrate_format(version, bytes)? {
            std::borrow::Cow::Borrowed(_) => parsed,
            std::borrow::Cow::Owned(current) => parse::from_json(&current),
        }
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("a session always serializes");
        out.push(b'\n');
        out
    }

    /// The union of the interviewees' roles.
    pub fn roles(&self) -> BTreeSet<String> {
        self.interviewees.iter().map(|p| p.role.clone()).collect()
    }

    pub fn answer(&self, question_id: &str) -> Option<&Answer> {
        self.answers.get(question_id)
    }

    /// Whether the question is in this interview's walk.
    pub fn is_asked(&self, bank: &Bank, question_id: &str) -> bool {
        let roles = self.roles();
        bank.question(question_id)
            .is_some_and(|q| Bank::is_routed(q, &roles))
    }

    /// How far this interview has come, by the one counting rule
    /// ([`Coverage`](super::scoring::Coverage)).
    pub fn coverage(&self, bank: &Bank) -> super::scoring::Coverage {
        super::scoring::Coverage::count(bank, self, Some(&self.roles()))
    }

    /// The characters the interviewer wrote: notes, findings, priorities.
    pub fn written_chars(&self) -> usize {
        let answers: usize = self
            .answers
            .values()
            .map(|a| {
                a.notes.chars().count()
                    + a.findings
                        .iter()
                        .map(|f| f.text.chars().count())
                        .sum::<usize>()
            })
            .sum();
        answers
            + self
                .priorities
                .iter()
                .map(|p| p.chars().count())
                .sum::<usize>()
    }

    /// What `other` holds that this session does not, as the user weighs
    /// two versions of one interview: the difference in written characters
    /// and the questions whose answers differ.
    pub fn difference(&self, other: &Session) -> Difference {
        let ids: BTreeSet<&String> = self.answers.keys().chain(other.answers.keys()).collect();
        let differ = |id: &&String| {
            let blank = Answer::default();
            let (a, b) = (
                self.answers.get(*id).unwrap_or(&blank),
                other.answers.get(*id).unwrap_or(&blank),
            );
            // Time on a question is not something the user wrote.
            (&a.scores, &a.notes, &a.findings, a.flagged)
                != (&b.scores, &b.notes, &b.findings, b.flagged)
        };
        Difference {
            chars: other.written_chars() as i64 - self.written_chars() as i64,
            questions: ids.into_iter().filter(differ).count(),
            other_fields: self.priorities != other.priorities || self.status != other.status,
        }
    }

    /// The rules that need the bank: same bank, known roles and question ids,
    /// values on the scale. Warnings (same bank version with other bytes) are
    /// marked as such.
    pub fn check(&self, bank: &Bank) -> Vec<Problem> {
        let mut problems = Vec::new();
        if let Some(p) = super::migrate::bank_mismatch(&self.bank, "session", bank) {
            problems.push(p);
            return problems;
        }
        if !self.bank.sha256.eq_ignore_ascii_case(&bank.sha256) {
            let (id, version) = (bank.id(), bank.version());
            let (here, there) = (short(&bank.sha256), short(&self.bank.sha256));
            problems.push(
                Problem::at_in_both(
                    "bank.sha256",
                    format!(
                        "banken {id} {version} har et annet innhold enn da intervjuet ble laget (sha256 {here} her, {there} i intervjuet)"
                    ),
                    format!(
                        "bank {id} {version} has other contents than when the session was made (sha256 {here} here, {there} in the session)"
                    ),
                )
                .warning(),
            );
        }
        if self.id.trim().is_empty() {
            problems.push(Problem::at_in_both(
                "id",
                "intervjuets id er tom",
                "the session id is empty",
            ));
        } else if !is_safe_id(&self.id) {
            // The id names the file (`<id>.json`); "../x" would write elsewhere.
            problems.push(Problem::at_in_both(
                "id",
                "en intervju-id har høyst 64 bokstaver, sifre, '-' eller '_' (den er filnavnet)",
                "a session id has at most 64 letters, digits, '-' or '_' (it names the file)",
            ));
        }
        if self.municipality.trim().is_empty() {
            problems.push(Problem::at_in_both(
                "municipality",
                "kommunen er tom",
                "the municipality is empty",
            ));
        }
        if self.interviewees.is_empty() {
            problems.push(Problem::at_in_both(
                "interviewees",
                "ingen er intervjuet; legg til minst én person",
                "nobody was interviewed; add at least one person",
            ));
        }
        for (i, p) in self.interviewees.iter().enumerate() {
            if p.name.trim().is_empty() {
                problems.push(Problem::at_in_both(
                    format!("interviewees[{i}].name"),
                    "navnet er tomt",
                    "the name is empty",
                ));
            }
            if bank.role(&p.role).is_none() {
                let known = bank.role_ids().join(", ");
                problems.push(Problem::at_in_both(
                    format!("interviewees[{i}].role"),
                    format!("ukjent rolle «{}»; kjente roller: {known}", p.role),
                    format!("unknown role \"{}\"; known roles: {known}", p.role),
                ));
            }
        }
        for (qid, answer) in &self.answers {
            if bank.question(qid).is_none() {
                problems.push(not_in_bank(qid));
                continue;
            }
            for d in DIMENSIONS {
                if let Some(p) = answer.scores.get(d).and_then(|v| value_problem(bank, v)) {
                    problems.push(of_dimension(p, bank, d).within_question(qid));
                }
            }
        }
        if let Some(q) = &self.last_question
            && bank.question(q).is_none()
        {
            problems.push(
                Problem::at_in_both(
                    "last_question",
                    format!("spørsmål {q} finnes ikke i spørsmålsbanken"),
                    format!("question {q} is not in the bank"),
                )
                .warning(),
            );
        }
        problems
    }
}

/// Whether an id can be used as a file name as it is (a ULID can).
pub fn is_safe_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Why a score value is not allowed, if it is not.
pub fn value_problem(bank: &Bank, v: Exact) -> Option<Problem> {
    let (min, max) = (int(bank.scale_min() as i128), int(bank.scale_max() as i128));
    let value = exact::to_f64(v);
    let value_nb = value.to_string().replace('.', ",");
    if v < min || v > max {
        let (min, max) = (bank.scale_min(), bank.scale_max());
        return Some(Problem::in_both(
            format!("{value_nb} er utenfor skalaen {min}–{max}"),
            format!("{value} is outside the scale {min}-{max}"),
        ));
    }
    if !exact::is_half_step(v) {
        return Some(Problem::in_both(
            format!("{value_nb} er verken et helt eller et halvt trinn"),
            format!("{value} is not a whole or half step"),
        ));
    }
    None
}

/// A problem of a value of the dimension `d`: "extent: …" ("Omfang: …").
pub fn of_dimension(problem: Problem, bank: &Bank, d: Dimension) -> Problem {
    problem.about(dimension_nb(bank, d), d.id())
}

/// The bank's bokmål name of a dimension ("Omfang"), else its id.
pub fn dimension_nb(bank: &Bank, d: Dimension) -> &str {
    bank.dimension(d)
        .map_or(d.id(), |def| def.label.get(super::lang::Lang::Nb))
}

/// "question 9.9.9: is not in the bank", of a session or an assessment.
pub fn not_in_bank(question: &str) -> Problem {
    Problem::in_both("finnes ikke i spørsmålsbanken", "is not in the bank")
        .within_question(question)
}

/// The first 12 characters of a hash; by characters, because the one from
/// the file may hold anything (slicing bytes panicked on "aéééééé").
fn short(hex: &str) -> &str {
    hex.char_indices().nth(12).map_or(hex, |(i, _)| &hex[..i])
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn sample(bank: &Bank) -> Session {
        let now = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
        let mut s = Session::new(
            "01JDX0000000000000000000AA".into(),
            bank,
            "Eksempelvik",
            "Kari Nordmann",
            vec![Person {
                name: "Ola Ordfører".into(),
                role: "mayor".into(),
            }],
            now,
        );
        let mut a = Answer {
            scores: Scores {
                system: Some(int(3)),
                extent: Some(int(2)),
                results: None,
            },
            ..Answer::default()
        };
        a.notes = "Har en strategi for innbyggerdialog 🙂".into();
        a.findings.push(Finding {
            kind: FindingKind::Strength,
            text: "Oppdatert plan".into(),
        });
        s.answers.insert("1.1.1".into(), a);
        s
    }

    #[test]
    fn save_then_parse_is_identity() {
        let bank = Bank::builtin();
        let s = sample(&bank);
        let back = Session::parse(&s.to_json()).unwrap();
        assert_eq!(back, s);
        assert_eq!(back.check(&bank), vec![]);
    }

    #[test]
    fn rules_name_the_question() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        s.answers.get_mut("1.1.1").unwrap().scores.system = Some(int(5));
        s.answers.insert("9.9.9".into(), Answer::default());
        s.interviewees.push(Person {
            name: " ".into(),
            role: "pope".into(),
        });
        let ps: Vec<String> = s.check(&bank).iter().map(|p| p.render("s.json")).collect();
        assert!(
            ps.contains(&"s.json: question 1.1.1: system: 5 is outside the scale 0-4".to_owned()),
            "{ps:?}"
        );
        assert!(
            ps.contains(&"s.json: question 9.9.9: is not in the bank".to_owned()),
            "{ps:?}"
        );
        assert!(
            ps.iter()
                .any(|p| p
                    .contains("interviewees[1].role: unknown role \"pope\"; known roles: mayor,")),
            "{ps:?}"
        );
        assert!(
            ps.iter()
                .any(|p| p.contains("interviewees[1].name: the name is empty")),
            "{ps:?}"
        );
    }

    #[test]
    fn other_bank_version_is_an_error_other_bytes_a_warning() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        s.bank.sha256 = "00".repeat(32);
        let ps = s.check(&bank);
        assert!(ps.len() == 1 && ps[0].warning, "{ps:?}");
        s.bank.version = "2019.1".into();
        let ps = s.check(&bank);
        assert!(
            !ps[0].warning
                && ps[0].message.contains("kommunekompasset 2019.1")
                && ps[0].message.contains("kommunekompasset 2026.1")
        );
    }

    #[test]
    fn an_id_that_is_no_plain_file_name_is_refused() {
        let bank = Bank::builtin();
        for bad in ["../../etc/passwd", "a b", "x/y", "ø", &"A".repeat(65)] {
            let mut s = sample(&bank);
            s.id = bad.into();
            let ps = s.check(&bank);
            assert!(
                ps.iter()
                    .any(|p| p.at.as_deref() == Some("id") && !p.warning),
                "{bad}: {ps:?}"
            );
        }
        assert!(is_safe_id("01JDX0000000000000000000AA") && is_safe_id("demo-1_a"));
    }

    #[test]
    fn a_non_hex_bank_hash_is_a_warning_not_a_panic() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        s.bank.sha256 = "aéééééééééééé".into();
        let ps = s.check(&bank);
        assert!(ps.len() == 1 && ps[0].warning, "{ps:?}");
        let twelve = format!("a{} in the session", "é".repeat(11));
        assert!(ps[0].message.contains(&twelve), "{ps:?}");
        assert_eq!(short("abc"), "abc");
    }

    #[test]
    fn a_newer_session_is_refused_by_its_version_parsable_or_not() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        s.format_version = 2;
        let newer = s.to_json();
        let p = Session::parse(&newer).unwrap_err();
        assert!(p.message.contains("format_version 2"), "{p:?}");
        let text = String::from_utf8(newer).unwrap();
        let with_new_field = text.replacen('{', "{\"new_in_v2\": true,", 1);
        let p = Session::parse(with_new_field.as_bytes()).unwrap_err();
        assert!(p.message.contains("format_version 2"), "{p:?}");
        s.format = "kompass.assessment".into();
        let p = Session::parse(&s.to_json()).unwrap_err();
        assert!(p.message.contains("expected \"kompass.session\""), "{p:?}");
    }

    #[test]
    fn the_difference_counts_written_characters_and_changed_questions() {
        let bank = Bank::builtin();
        let saved = sample(&bank);
        let mut later = saved.clone();
        assert!(saved.difference(&later).is_none());
        later.answers.get_mut("1.1.1").unwrap().seconds += 40;
        assert!(saved.difference(&later).is_none(), "time is not text");
        later
            .answers
            .get_mut("1.1.1")
            .unwrap()
            .notes
            .push_str(" æøå🙂");
        later
            .answers
            .entry("1.1.2".into())
            .or_default()
            .findings
            .push(Finding {
                kind: FindingKind::Weakness,
                text: "Ingen plan".into(),
            });
        let d = saved.difference(&later);
        assert_eq!((d.chars, d.questions, d.other_fields), (5 + 10, 2, false));
        assert_eq!(later.difference(&saved).chars, -15);
        later.priorities.push("Vei".into());
        assert!(saved.difference(&later).other_fields);
    }

    #[test]
    fn not_scored_differs_from_zero() {
        let json = br#"{"system": 0, "extent": null}"#;
        let s: Scores = serde_json::from_slice(json).unwrap();
        assert_eq!(s.system, Some(int(0)));
        assert_eq!(s.extent, None);
        assert!(!s.is_complete());
    }
}
