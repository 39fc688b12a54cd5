//! Properties over generated interviews: saving then loading a session gives
//! back exactly what was saved, whatever the text holds (any Unicode, control
//! characters, quotes, backslashes, lone surrogate look-alikes), and the
//! default merge does not depend on the order of the sessions.

use std::collections::BTreeMap;

use chrono::DateTime;
use kompass::core::assessment::{Assessment, SourceSession};
use kompass::core::bank::Bank;
use kompass::core::exact::Exact;
use kompass::core::merge::default_merge;
use kompass::core::session::{Answer, Finding, FindingKind, Person, Scores, Session, Status};
use kompass::storage;
use proptest::prelude::*;

/// Text as an interviewer might paste it, and worse: any Unicode scalar,
/// weighted towards controls, escapes and JSON's special characters.
fn text() -> impl Strategy<Value = String> {
    let nasty = prop::sample::select(vec![
        "\u{1b}[2J",
        "\u{1b}]52;c;ZXZpbA==\u{7}",
        "\u{9b}",
        "\u{0}",
        "\r\n",
        "\"",
        "\\",
        "\\u0000",
        "\u{202e}",
        "\u{feff}",
        "ø",
        "🙂",
        "\u{10ffff}",
    ]);
    prop::collection::vec(
        prop_oneof![
            any::<char>().prop_map(String::from),
            nasty.prop_map(String::from)
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

/// A value on the built-in bank's scale 0-4 in half steps, or unscored.
fn value() -> impl Strategy<Value = Option<Exact>> {
    prop::option::of((0i128..=8).prop_map(|h| Exact::new(h, 2)))
}

fn scores() -> impl Strategy<Value = Scores> {
    (value(), value(), value()).prop_map(|(system, extent, results)| Scores {
        system,
        extent,
        results,
    })
}

fn answer() -> impl Strategy<Value = Answer> {
    let kind = prop::sample::select(FindingKind::ALL.to_vec());
    (
        scores(),
        text(),
        prop::collection::vec((kind, text()), 0..4),
        any::<bool>(),
        any::<u64>(),
    )
        .prop_map(|(scores, notes, findings, flagged, seconds)| Answer {
            scores,
            notes,
            findings: findings
                .into_iter()
                .map(|(kind, text)| Finding { kind, text })
                .collect(),
            flagged,
            seconds,
        })
}

/// A session that passes every rule of the built-in bank: the free texts
/// are generated, names and municipality are never blank.
fn session() -> impl Strategy<Value = Session> {
    let bank = Bank::builtin();
    let ids: Vec<String> = bank.questions().map(|(_, q)| q.id.clone()).collect();
    let roles: Vec<String> = bank.role_ids().iter().map(|r| r.to_string()).collect();
    (
        text(),
        text(),
        prop::collection::vec((text(), prop::sample::select(roles)), 1..3),
        prop::collection::btree_map(prop::sample::select(ids), answer(), 0..8),
        prop::collection::vec(text(), 0..3),
        any::<bool>(),
        0i64..100_000_000,
    )
        .prop_map(
            move |(municipality, interviewer, people, answers, priorities, done, secs)| {
                let start = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
                let mut s = Session::new(
                    "01JDX0000000000000000000AA".into(),
                    &bank,
                    &format!("K{municipality}"),
                    &interviewer,
                    people
                        .into_iter()
                        .map(|(name, role)| Person {
                            name: format!("P{name}"),
                            role,
                        })
                        .collect(),
                    start,
                );
                s.updated_at = start + chrono::Duration::seconds(secs);
                s.answers = answers;
                s.priorities = priorities;
                s.status = if done {
                    Status::Completed
                } else {
                    Status::InProgress
                };
                s
            },
        )
}

/// 1-5 interviews of one municipality (distinct ids), and the same in a
/// shuffled order.
fn interviews_in_two_orders() -> impl Strategy<Value = (Vec<Session>, Vec<Session>)> {
    prop::collection::vec(session(), 1..6)
        .prop_map(|mut sessions| {
            for (i, s) in sessions.iter_mut().enumerate() {
                s.id = format!("01JDX00000000000000000{i:04}");
                s.municipality = "Eksempelvik".into();
            }
            sessions
        })
        .prop_flat_map(|sessions| (Just(sessions.clone()), Just(sessions).prop_shuffle()))
}

/// The assessment `kompass merge` and the review build from these sessions.
fn assessment(bank: &Bank, sessions: &[Session]) -> Assessment {
    let sources: Vec<SourceSession> = sessions
        .iter()
        .map(|s| SourceSession {
            session: s.clone(),
            sha256: kompass::core::bank::sha256_hex(&s.to_json()),
            path: format!("eksempelvik/{}.json", s.id),
            file: format!("/data/eksempelvik/{}.json", s.id).into(),
        })
        .collect();
    let now = DateTime::parse_from_rfc3339("2026-12-01T12:00:00+01:00").unwrap();
    Assessment::build(bank, &sources, now)
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(200))]

    #[test]
    fn to_json_then_parse_is_the_identity(s in session()) {
        let back = Session::parse(&s.to_json()).unwrap();
        prop_assert_eq!(back, s);
    }

    #[test]
    fn save_then_load_from_disk_is_the_identity(s in session()) {
        let dir = tempfile::tempdir().unwrap();
        let bank = Bank::builtin();
        let path = storage::save_session(dir.path(), &s).unwrap();
        let loaded = storage::load_session(&path, &bank).unwrap();
        prop_assert_eq!(&loaded.session, &s);
        prop_assert!(loaded.warnings.is_empty(), "{:?}", loaded.warnings);
        // Saving what was loaded writes the same bytes: nothing drifts.
        let bytes = std::fs::read(&path).unwrap();
        prop_assert_eq!(loaded.session.to_json(), bytes);
    }

    #[test]
    fn the_default_merge_ignores_the_order_of_sessions(
        sessions in prop::collection::vec(session(), 1..6),
        seed in any::<u64>(),
    ) {
        let bank = Bank::builtin();
        let refs: Vec<&Session> = sessions.iter().collect();
        let merged = default_merge(&bank, &refs);
        // A reversed order and a seeded rotation give the same result.
        let mut reversed = refs.clone();
        reversed.reverse();
        let mut rotated = refs.clone();
        rotated.rotate_left(seed as usize % refs.len());
        prop_assert_eq!(&default_merge(&bank, &reversed), &merged);
        prop_assert_eq!(&default_merge(&bank, &rotated), &merged);
        // Every merged value lies between the smallest and largest given.
        let mut given: BTreeMap<(&str, usize), Vec<Exact>> = BTreeMap::new();
        for s in &sessions {
            for (q, a) in &s.answers {
                for (d, v) in [a.scores.system, a.scores.extent, a.scores.results].iter().enumerate() {
                    if let Some(v) = v {
                        given.entry((q.as_str(), d)).or_default().push(*v);
                    }
                }
            }
        }
        for (q, m) in &merged {
            for (d, v) in [m.system, m.extent, m.results].iter().enumerate() {
                let values = given.get(&(q.as_str(), d));
                match (v, values) {
                    (Some(v), Some(values)) => {
                        prop_assert!(values.iter().min().unwrap() <= v && v <= values.iter().max().unwrap());
                    }
                    (None, None) => {}
                    _ => prop_assert!(false, "question {} dimension {}: {:?} from {:?}", q, d, v, values),
                }
            }
        }
    }

    #[test]
    fn assessments_built_in_any_order_score_the_same(
        (given, shuffled) in interviews_in_two_orders(),
    ) {
        let bank = Bank::builtin();
        let refs = |v: &[Session]| -> BTreeMap<String, Scores> {
            default_merge(&bank, &v.iter().collect::<Vec<_>>())
        };
        prop_assert_eq!(refs(&shuffled), refs(&given));
        let (a, b) = (assessment(&bank, &given), assessment(&bank, &shuffled));
        prop_assert_eq!(a.reconciled(), b.reconciled());
        prop_assert_eq!(a.scorecard(&bank), b.scorecard(&bank));
        prop_assert_eq!(a.roles(), b.roles());
    }
}
