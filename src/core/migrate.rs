//! Files of older versions: the file format and the question bank.
//!
//! - **Format.** `format_version` 1 is the first and only session format, so
//!   there is nothing older to upgrade; [`migrate_format`] is the one place
//!   where the next version's upgrade step will go, and it refuses newer
//!   files by name.
//! - **Assessment format.** Version 2 records the values an accept took;
//!   [`assessment_v1`] upgrades a version 1 file as it is read.
//! - **Bank.** A bank may declare `migrations` from its older versions: which
//!   question ids moved where and which questions are gone. A session made
//!   with such an older version is brought to the active bank by
//!   [`migrate_session`]: answers move to their new ids, and the answers of
//!   removed questions are kept word for word in the session's `orphaned`
//!   list, never dropped. Without a declared migration, or from a newer
//!   version, the session is refused by [`bank_mismatch`] with both versions.

use std::borrow::Cow;
use std::cmp::Ordering;

use super::bank::{Bank, compare_versions};
use super::lang::Lang;
use super::parse::Problem;
use super::session::{self, BankRef, Orphan, Session};

/// Brings the JSON of a session file written as `format_version` to the
/// current format. Version 1 is the first format Kompass ever wrote, so
/// today 1 passes as it is and anything newer is refused; the step from 1 to
/// 2 goes here when version 2 exists (and `Session` takes its shape).
pub fn migrate_format(format_version: u64, json: &[u8]) -> Result<Cow<'_, [u8]>, Problem> {
    match format_version {
        session::FORMAT_VERSION => Ok(Cow::Borrowed(json)),
        v => {
            let (current, newer) = (session::FORMAT_VERSION, v > session::FORMAT_VERSION);
            Err(Problem::at_in_both(
                "format_version",
                format!(
                    "filen har format_version {v}, men denne Kompass leser bare {current}; {}",
                    if newer {
                        "oppdater Kompass for å åpne den"
                    } else {
                        "ingen slik versjon er noen gang skrevet"
                    }
                ),
                format!(
                    "this file has format_version {v}, but this Kompass reads {current} only; {}",
                    if newer {
                        "update Kompass to open it"
                    } else {
                        "no such version was ever written"
                    }
                ),
            ))
        }
    }
}

/// Brings an assessment read as `format_version` 1 to version 2: version 1
/// recorded an accept without its values, and the values it took are the
/// suggestion recorded beside it (the file was saved with both, and nothing
/// moved a suggestion without saving it). Saving then writes version 2.
pub fn assessment_v1(assessment: &mut crate::core::assessment::Assessment) {
    use crate::core::assessment::Decision;
    for review in assessment.questions.values_mut() {
        if let Some(Decision::Accepted { scores }) = &mut review.decision {
            *scores = review.suggested;
        }
    }
    assessment.format_version = crate::core::assessment::FORMAT_VERSION;
}

/// What [`migrate_session`] did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Migrated {
    pub bank: String,
    pub from_version: String,
    pub to_version: String,
    /// Old id -> new id of every answer that moved.
    pub moved: Vec<(String, String)>,
    /// Old ids of the answers kept in `orphaned`: their question is gone.
    pub orphaned: Vec<String>,
}

impl Migrated {
    /// One line for `validate` and the other readers, which do not write.
    pub fn describe(&self, lang: Lang) -> String {
        let answers = |n| lang.count(n, ["svar", "svar"], ["answer", "answers"]);
        let (bank, from, to) = (&self.bank, &self.from_version, &self.to_version);
        let moved = answers(self.moved.len());
        let mut text = match lang {
            Lang::Nb => format!(
                "laget med banken {bank} {from}, lest som {to} gjennom bankens overgang ({moved} flyttet"
            ),
            Lang::En => format!(
                "made with bank {bank} {from}, read as {to} through the bank's migration ({moved} moved"
            ),
        };
        if !self.orphaned.is_empty() {
            let (kept, ids) = (answers(self.orphaned.len()), self.orphaned.join(", "));
            text.push_str(&match lang {
                Lang::Nb => format!(
                    ", {kept} til spørsmål som er fjernet, beholdt under \"orphaned\": {ids}"
                ),
                Lang::En => {
                    format!(", {kept} of removed questions kept under \"orphaned\": {ids}")
                }
            });
        }
        text.push_str(lang.pick(
            "); å åpne intervjuet for redigering skriver filen på nytt og tar vare på originalen",
            "); opening it for editing rewrites the file and keeps the original",
        ));
        text
    }

    /// [`Migrated::describe`] as a warning at `bank`, in both languages.
    pub fn warning(&self) -> Problem {
        Problem::at_in_both("bank", self.describe(Lang::Nb), self.describe(Lang::En)).warning()
    }
}

/// Brings a session made with an older version of the active bank to it,
/// when the bank declares a migration from that version; otherwise leaves it
/// as it is (and [`bank_mismatch`] says why it cannot be read).
///
/// Answers move to their new ids. Those of removed questions (`null`), of
/// ids the active bank does not know, and of a second answer landing on an
/// id already taken are appended to `orphaned` whole: notes, findings,
/// scores, flag and time. Blank answers (nothing written, scored, found or
/// flagged) of removed questions are dropped: there is nothing to keep.
pub fn migrate_session(session: &mut Session, bank: &Bank) -> Option<Migrated> {
    if session.bank.id != bank.id()
        || compare_versions(&session.bank.version, bank.version()) != Ordering::Less
    {
        return None;
    }
    let migration = bank.migration_from(&session.bank.version)?;
    let from_version = session.bank.version.clone();
    let mut report = Migrated {
        bank: bank.id().to_owned(),
        from_version: from_version.clone(),
        to_version: bank.version().to_owned(),
        moved: Vec::new(),
        orphaned: Vec::new(),
    };
    let target = |old: &str| -> Option<String> {
        match migration.questions.get(old) {
            Some(new) => new.clone(),
            None => Some(old.to_owned()),
        }
    };
    // Answers that keep their id are placed first, so that one moved onto
    // an id already answered (a careless migration) is the one kept aside.
    let (staying, moving): (Vec<_>, Vec<_>) = std::mem::take(&mut session.answers)
        .into_iter()
        .map(|(old, answer)| (target(&old), old, answer))
        .partition(|(new, old, _)| new.as_deref() == Some(old.as_str()));
    let mut orphans = Vec::new();
    for (new, old, answer) in staying.into_iter().chain(moving) {
        match new.filter(|new| bank.question(new).is_some()) {
            Some(new) if !session.answers.contains_key(&new) => {
                if new != old {
                    report.moved.push((old, new.clone()));
                }
                session.answers.insert(new, answer);
            }
            _ if answer.is_blank() => {}
            _ => orphans.push(Orphan {
                question: old,
                bank_version: from_version.clone(),
                answer,
            }),
        }
    }
    orphans.sort_by(|a, b| a.question.cmp(&b.question));
    report.orphaned = orphans.iter().map(|o| o.question.clone()).collect();
    session.orphaned.extend(orphans);
    session.last_question = session
        .last_question
        .as_deref()
        .and_then(target)
        .filter(|q| bank.question(q).is_some());
    session.bank = BankRef::of(bank);
    Some(report)
}

/// Why a file made with `file`'s bank cannot be read with the active bank,
/// if it cannot: another bank, a newer version, or an older one this bank
/// declares no migration from. `what` names the file ("session").
pub fn bank_mismatch(file: &BankRef, what: &str, bank: &Bank) -> Option<Problem> {
    if file.id == bank.id() && file.version == bank.version() {
        return None;
    }
    let what_nb = match what {
        "session" => "intervjuet",
        "assessment" => "vurderingen",
        "score output" => "skåreutskriften",
        other => other,
    };
    let made = format!("the {what} was made with bank {} {}", file.id, file.version);
    let made_nb = format!("{what_nb} er laget med banken {} {}", file.id, file.version);
    let active = format!("{} {}", bank.id(), bank.version());
    let (nb, en) = if file.id != bank.id() {
        (
            format!("{made_nb}, men den aktive banken er {active}"),
            format!("{made}, but the active bank is {active}"),
        )
    } else if compare_versions(&file.version, bank.version()) == Ordering::Greater {
        (
            format!(
                "{made_nb}, nyere enn den aktive banken {active}; oppdater Kompass eller oppgi den banken med --bank"
            ),
            format!(
                "{made}, newer than the active bank {active}; update Kompass or give that bank with --bank"
            ),
        )
    } else if bank.migration_from(&file.version).is_some() {
        // Sessions are migrated before they are checked; other files are not.
        (
            format!(
                "{made_nb}, men den aktive banken er {active}; bare intervjuer flyttes over: åpne \
                 intervjuene for redigering for å flytte dem over, og lag {what_nb} på nytt"
            ),
            format!(
                "{made}, but the active bank is {active}; only sessions are migrated: open the \
                 interviews for editing to migrate them, then build the {what} again"
            ),
        )
    } else {
        (
            format!(
                "{made_nb}, men den aktive banken er {active}, som ikke oppgir noen overgang fra {}",
                file.version
            ),
            format!(
                "{made}, but the active bank is {active}, which declares no migration from {}",
                file.version
            ),
        )
    };
    Some(Problem {
        at: Some("bank".into()),
        ..Problem::in_both(nb, en)
    })
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::core::exact::int;
    use crate::core::session::{Answer, Finding, FindingKind, tests::sample};

    /// The built-in bank (2026.1) declaring a migration from 2025.1.
    fn bank_migrating(questions: serde_json::Value) -> Bank {
        let mut v: serde_json::Value = serde_json::from_slice(crate::core::bank::BUILTIN).unwrap();
        v["migrations"] = serde_json::json!([{"from_version": "2025.1", "questions": questions}]);
        Bank::parse(serde_json::to_vec(&v).unwrap()).unwrap()
    }

    /// 1.1.9 became 1.1.2, 1.1.2 became 1.1.1, 1.1.1 and 9.9.9 were removed.
    pub fn migrating_bank() -> Bank {
        bank_migrating(serde_json::json!(
            {"1.1.9": "1.1.2", "1.1.2": "1.1.1", "1.1.1": null, "9.9.9": null}
        ))
    }

    fn noted(text: &str) -> Answer {
        Answer {
            notes: text.into(),
            ..Answer::default()
        }
    }

    /// A session of bank 2025.1 with answers under old ids.
    pub fn old_session(bank: &Bank) -> Session {
        let mut s = sample(bank);
        s.bank.version = "2025.1".into();
        s.bank.sha256 = "00".repeat(32);
        s.answers.clear();
        let mut moved = noted("flyttet æøå");
        moved.scores.system = Some(int(3));
        moved.findings.push(Finding {
            kind: FindingKind::Weakness,
            text: "funn".into(),
        });
        s.answers.insert("1.1.9".into(), moved);
        s.answers.insert("1.1.2".into(), noted("også flyttet"));
        s.answers
            .insert("1.1.1".into(), noted("fjernet, men ikke glemt"));
        s.answers.insert("9.9.9".into(), Answer::default());
        s.answers.insert("2.1.1".into(), noted("uendret"));
        s.answers.insert("7.7.7".into(), noted("ukjent id"));
        s.last_question = Some("1.1.9".into());
        s
    }

    #[test]
    fn answers_move_and_removed_words_are_kept() {
        let bank = migrating_bank();
        let mut s = old_session(&bank);
        let before = s.clone();
        let report = migrate_session(&mut s, &bank).expect("a declared migration");
        assert_eq!(s.bank, BankRef::of(&bank));
        assert_eq!(s.answers["1.1.2"], before.answers["1.1.9"]);
        assert_eq!(s.answers["1.1.1"].notes, "også flyttet");
        assert_eq!(s.answers["2.1.1"].notes, "uendret");
        assert_eq!(s.answers.len(), 3);
        // The removed question's answer and the unknown one, whole; the
        // blank answer of a removed question is not worth keeping.
        let orphans: Vec<(&str, &str, &str)> = s
            .orphaned
            .iter()
            .map(|o| {
                (
                    o.question.as_str(),
                    o.bank_version.as_str(),
                    o.answer.notes.as_str(),
                )
            })
            .collect();
        assert_eq!(
            orphans,
            [
                ("1.1.1", "2025.1", "fjernet, men ikke glemt"),
                ("7.7.7", "2025.1", "ukjent id")
            ]
        );
        assert_eq!(s.last_question.as_deref(), Some("1.1.2"));
        assert_eq!(
            report.moved,
            [
                ("1.1.2".to_owned(), "1.1.1".to_owned()),
                ("1.1.9".to_owned(), "1.1.2".to_owned())
            ]
        );
        assert_eq!(report.orphaned, ["1.1.1", "7.7.7"]);
        assert!(s.check(&bank).is_empty(), "{:?}", s.check(&bank));
        // Every word of the old session is still somewhere in the new one.
        let json = String::from_utf8(s.to_json()).unwrap();
        for a in before.answers.values() {
            assert!(json.contains(&a.notes), "{}", a.notes);
        }
        assert!(
            report
                .describe(Lang::En)
                .contains("kommunekompasset 2025.1, read as 2026.1")
        );
    }

    #[test]
    fn an_answer_landing_on_a_taken_id_is_kept_too() {
        // A careless migration: 1.1.9 moves to 1.3.3, which the old
        // session also answered and which keeps its id.
        let bank = bank_migrating(serde_json::json!({"1.1.9": "1.3.3"}));
        let mut s = old_session(&bank);
        s.answers.insert("1.3.3".into(), noted("på plass"));
        let report = migrate_session(&mut s, &bank).unwrap();
        assert_eq!(s.answers["1.3.3"].notes, "på plass");
        assert_eq!(s.orphaned[0].question, "1.1.9");
        assert_eq!(s.orphaned[0].answer.notes, "flyttet æøå");
        assert_eq!(report.orphaned, ["1.1.9", "7.7.7"]);
    }

    #[test]
    fn only_older_versions_with_a_declared_migration_are_migrated() {
        let bank = migrating_bank();
        for version in ["2026.1", "2027.1", "2024.1"] {
            let mut s = old_session(&bank);
            s.bank.version = version.into();
            let before = s.clone();
            assert_eq!(migrate_session(&mut s, &bank), None, "{version}");
            assert_eq!(s, before);
        }
        let mut s = old_session(&bank);
        s.bank.id = "annen-bank".into();
        assert_eq!(migrate_session(&mut s, &bank), None);
    }

    #[test]
    fn mismatches_name_both_versions_and_what_to_do() {
        let bank = migrating_bank();
        let file = |id: &str, version: &str| BankRef {
            id: id.into(),
            version: version.into(),
            sha256: String::new(),
        };
        let said = |r: BankRef| {
            bank_mismatch(&r, "session", &bank)
                .map(|p| p.message)
                .unwrap_or_default()
        };
        assert_eq!(said(file("kommunekompasset", "2026.1")), "");
        assert_eq!(
            said(file("kommunekompasset", "2027.1")),
            "the session was made with bank kommunekompasset 2027.1, newer than the active \
             bank kommunekompasset 2026.1; update Kompass or give that bank with --bank"
        );
        assert!(said(file("kommunekompasset", "2024.1")).ends_with(
            "but the active bank is kommunekompasset 2026.1, which declares no migration from 2024.1"
        ));
        assert!(said(file("kommunekompasset", "2025.1")).contains("only sessions are migrated"));
        assert_eq!(
            said(file("annen", "1")),
            "the session was made with bank annen 1, but the active bank is kommunekompasset 2026.1"
        );
    }

    #[test]
    fn format_version_1_is_read_as_it_is_and_nothing_else() {
        assert!(matches!(migrate_format(1, b"{}"), Ok(Cow::Borrowed(b"{}"))));
        let newer = migrate_format(2, b"{}").unwrap_err();
        assert!(newer.message.contains("format_version 2"), "{newer:?}");
        assert!(newer.message.contains("update Kompass"), "{newer:?}");
        let never = migrate_format(0, b"{}").unwrap_err();
        assert!(never.message.contains("no such version"), "{never:?}");
    }
}
