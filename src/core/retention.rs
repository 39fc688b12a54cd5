//! Retention and a person's rights, without the disk: removing the notes
//! of interviews once the report is delivered (`kompass purge`), and
//! finding, exporting or erasing what was recorded about one interviewee
//! (`kompass person`).

use std::collections::BTreeSet;

use serde::Serialize;

use super::assessment::Assessment;
use super::session::{Answer, Person, Session};

/// Removes the notes and finding texts of every answer (orphaned ones
/// too), keeping scores, flags and times; true if anything was removed.
pub fn strip_notes(session: &mut Session) -> bool {
    let strip = |a: &mut Answer| {
        let had = !a.notes.is_empty() || !a.findings.is_empty();
        a.notes.clear();
        a.findings.clear();
        had
    };
    let mut changed = false;
    for answer in session.answers.values_mut() {
        changed |= strip(answer);
    }
    for orphan in &mut session.orphaned {
        changed |= strip(&mut orphan.answer);
    }
    changed
}

/// Whether a session still holds notes or finding texts.
pub fn has_notes(session: &Session) -> bool {
    session
        .answers
        .values()
        .chain(session.orphaned.iter().map(|o| &o.answer))
        .any(|a| !a.notes.is_empty() || !a.findings.is_empty())
}

/// Names compare without case and surrounding spaces: "Kari Nordmann" is
/// "kari nordmann ".
pub fn same_name(a: &str, b: &str) -> bool {
    a.trim().to_lowercase() == b.trim().to_lowercase()
}

/// The interviewee of `session` named `name`, if any.
pub fn interviewee<'a>(session: &'a Session, name: &str) -> Option<&'a Person> {
    session
        .interviewees
        .iter()
        .find(|p| same_name(&p.name, name))
}

/// What stands in for an erased name: the role and a number ("Enhetsleder
/// 2") that no interviewee of the municipality has as a name.
pub fn stand_in(role: &str, taken: &BTreeSet<String>) -> String {
    let role = if role.trim().is_empty() {
        "Intervjuobjekt"
    } else {
        role.trim()
    };
    (1..)
        .map(|n| format!("{role} {n}"))
        .find(|candidate| !taken.iter().any(|t| same_name(t, candidate)))
        .expect("some number is free")
}

/// Replaces every occurrence of `name` (as typed, case-insensitively) in
/// `text` with `with`; true if there was one.
fn replace_name(text: &mut String, name: &str, with: &str) -> bool {
    let name = name.trim();
    if name.is_empty() {
        return false;
    }
    let lower = text.to_lowercase();
    let needle = name.to_lowercase();
    // Lower-casing can change byte lengths (rare letters); then only exact
    // occurrences are replaced, which is still every one as typed.
    if lower.len() != text.len() || !lower.contains(&needle) {
        let found = text.contains(name);
        if found {
            *text = text.replace(name, with);
        }
        return found;
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = 0;
    for (at, _) in lower.match_indices(&needle) {
        out.push_str(&text[rest..at]);
        out.push_str(with);
        rest = at + needle.len();
    }
    out.push_str(&text[rest..]);
    *text = out;
    true
}

/// Erases `name` from a session: the interviewee's name becomes
/// `stand_in`, and the name is replaced in notes and finding texts too.
/// Scores stay. True if anything changed.
pub fn erase_from_session(session: &mut Session, name: &str, stand_in: &str) -> bool {
    let mut changed = false;
    for person in &mut session.interviewees {
        if same_name(&person.name, name) {
            person.name = stand_in.to_owned();
            changed = true;
        }
    }
    let answers = session
        .answers
        .values_mut()
        .chain(session.orphaned.iter_mut().map(|o| &mut o.answer));
    for answer in answers {
        changed |= replace_name(&mut answer.notes, name, stand_in);
        for f in &mut answer.findings {
            changed |= replace_name(&mut f.text, name, stand_in);
        }
    }
    for p in &mut session.priorities {
        changed |= replace_name(p, name, stand_in);
    }
    changed
}

/// Erases `name` from an assessment: the records of the sessions, finding
/// texts and their sources, reasons and priorities. Scores stay. True if
/// anything changed.
pub fn erase_from_assessment(assessment: &mut Assessment, name: &str, stand_in: &str) -> bool {
    let mut changed = false;
    for record in &mut assessment.sessions {
        for person in &mut record.interviewees {
            if same_name(&person.name, name) {
                person.name = stand_in.to_owned();
                changed = true;
            }
        }
    }
    for finding in assessment
        .findings
        .values_mut()
        .chain(assessment.dropped.values_mut())
        .flatten()
    {
        changed |= replace_name(&mut finding.text, name, stand_in);
        for source in &mut finding.sources {
            changed |= replace_name(&mut source.text, name, stand_in);
        }
    }
    for review in assessment.questions.values_mut() {
        if let Some(super::assessment::Decision::Override { reason, .. }) = &mut review.decision {
            changed |= replace_name(reason, name, stand_in);
        }
    }
    for item in assessment
        .priorities
        .iter_mut()
        .flat_map(|g| g.items.iter_mut())
    {
        changed |= replace_name(&mut item.text, name, stand_in);
    }
    changed
}

/// Everything recorded in the interviews of one person, for their request
/// to see it (GDPR art. 15): `kompass person NAME --export FILE`.
#[derive(Debug, Serialize)]
pub struct PersonExport {
    pub format: &'static str,
    pub format_version: u64,
    pub name: String,
    pub interviews: Vec<Session>,
}

pub const EXPORT_FORMAT: &str = "kompass.person-export";

impl PersonExport {
    /// The sessions are given as they are: a group interview's other
    /// interviewees keep their roles, not their names.
    pub fn new(name: &str, sessions: &[Session]) -> PersonExport {
        let interviews = sessions
            .iter()
            .map(|s| {
                let mut s = s.clone();
                for p in &mut s.interviewees {
                    if !same_name(&p.name, name) {
                        p.name = String::new();
                    }
                }
                s
            })
            .collect();
        PersonExport {
            format: EXPORT_FORMAT,
            format_version: 1,
            name: name.trim().to_owned(),
            interviews,
        }
    }

    pub fn to_json(&self) -> Vec<u8> {
        let mut out = serde_json::to_vec_pretty(self).expect("an export always serializes");
        out.push(b'\n');
        out
    }

    /// The same as readable Markdown, question texts from the bank.
    pub fn to_markdown(&self, bank: &super::bank::Bank, lang: super::lang::Lang) -> String {
        use std::fmt::Write;
        let mut md = String::new();
        let pick = |nb: &'static str, en: &'static str| lang.pick(nb, en);
        let _ = writeln!(
            md,
            "# {} {}\n",
            pick("Det som er registrert om", "What was recorded about"),
            self.name
        );
        for s in &self.interviews {
            let role = s
                .interviewees
                .iter()
                .find(|p| !p.name.is_empty())
                .map(|p| p.role.as_str())
                .unwrap_or_default();
            let _ = writeln!(
                md,
                "## {} {}, {}\n\n- {}: {}\n- {}: {}\n- {}: {}\n- {}: {}\n",
                pick("Intervju", "Interview"),
                s.started_at.format("%Y-%m-%d"),
                s.municipality,
                pick("Rolle", "Role"),
                role,
                pick("Intervjuer", "Interviewer"),
                s.interviewer,
                pick("Sist endret", "Last changed"),
                s.updated_at.format("%Y-%m-%d %H:%M"),
                pick("Økt", "Session"),
                s.id,
            );
            for (id, a) in &s.answers {
                if a.is_blank() {
                    continue;
                }
                let text = bank
                    .question(id)
                    .map(|q| q.text.get(lang).to_owned())
                    .unwrap_or_default();
                let _ = writeln!(md, "### {id} {text}\n");
                let scores: Vec<String> = [
                    (pick("system", "system"), a.scores.system),
                    (pick("utbredelse", "extent"), a.scores.extent),
                    (pick("resultater", "results"), a.scores.results),
                ]
                .iter()
                .filter_map(|(d, v)| v.map(|v| format!("{d} {v}")))
                .collect();
                if !scores.is_empty() {
                    let _ = writeln!(md, "{}: {}\n", pick("Poeng", "Scores"), scores.join(", "));
                }
                if !a.notes.trim().is_empty() {
                    let _ = writeln!(md, "{}:\n\n{}\n", pick("Notater", "Notes"), quote(&a.notes));
                }
                for f in &a.findings {
                    let _ = writeln!(md, "- {}: {}", f.kind.heading(lang), f.text);
                }
                if !a.findings.is_empty() {
                    md.push('\n');
                }
            }
            if !s.priorities.is_empty() {
                let _ = writeln!(md, "### {}\n", pick("Prioriteringer", "Priorities"));
                for p in &s.priorities {
                    let _ = writeln!(md, "- {p}");
                }
                md.push('\n');
            }
        }
        md
    }
}

/// Text as a Markdown block quote, line by line.
fn quote(text: &str) -> String {
    text.lines()
        .map(|l| format!("> {l}"))
        .collect::<Vec<_>>()
        .join("\n")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::bank::Bank;
    use crate::core::session::tests::sample;

    #[test]
    fn stripping_notes_keeps_every_score() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        let scores: Vec<_> = s.answers.values().map(|a| a.scores).collect();
        assert!(has_notes(&s));
        assert!(strip_notes(&mut s));
        assert!(!has_notes(&s));
        assert!(!strip_notes(&mut s), "a second purge changes nothing");
        assert_eq!(
            s.answers.values().map(|a| a.scores).collect::<Vec<_>>(),
            scores
        );
    }

    #[test]
    fn an_erased_name_becomes_a_free_role_number_everywhere() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        s.interviewees = vec![Person {
            name: "Kari Nordmann".into(),
            role: "Enhetsleder".into(),
        }];
        s.answers.get_mut("1.1.1").unwrap().notes = "kari nordmann sa at KARI NORDMANN".into();
        let taken: BTreeSet<String> = ["Enhetsleder 1".to_owned()].into();
        let label = stand_in("Enhetsleder", &taken);
        assert_eq!(label, "Enhetsleder 2");
        assert!(interviewee(&s, " kari nordmann").is_some());
        assert!(erase_from_session(&mut s, "Kari Nordmann", &label));
        assert_eq!(s.interviewees[0].name, "Enhetsleder 2");
        assert_eq!(
            s.answers["1.1.1"].notes,
            "Enhetsleder 2 sa at Enhetsleder 2"
        );
        assert!(interviewee(&s, "Kari Nordmann").is_none());
        assert!(!erase_from_session(&mut s, "Kari Nordmann", &label));
    }

    #[test]
    fn an_export_names_only_the_person_asking() {
        let bank = Bank::builtin();
        let mut s = sample(&bank);
        s.interviewees = vec![
            Person {
                name: "Kari".into(),
                role: "Enhetsleder".into(),
            },
            Person {
                name: "Ola".into(),
                role: "Tillitsvalgt".into(),
            },
        ];
        let export = PersonExport::new("kari", &[s]);
        let json = String::from_utf8(export.to_json()).unwrap();
        assert!(json.contains("\"Kari\"") && !json.contains("Ola"), "{json}");
        assert!(json.contains("Tillitsvalgt"));
        let md = export.to_markdown(&bank, crate::core::lang::Lang::Nb);
        assert!(
            md.contains("Rolle: Enhetsleder") && !md.contains("Ola"),
            "{md}"
        );
    }
}
