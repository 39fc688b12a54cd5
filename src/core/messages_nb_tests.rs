//! Every problem the checks of sessions, assessments, baselines, file
//! headers and bundles can find has a bokmål text (issue 13, item 11): each
//! kind is provoked from a crafted bad input, and under `--lang nb` none may
//! fall back to its English line.

use chrono::DateTime;

use super::assessment::tests::source;
use super::assessment::{Assessment, CuratedFinding, Decision, DismissedSuggestion};
use super::bank::Bank;
use super::baseline::{Baseline, BaselineKind};
use super::exact::{Exact, int};
use super::lang::Lang;
use super::parse::{self, Problem};
use super::session::tests::sample;
use super::session::{Answer, FindingKind, Person, Session};

/// A session breaking every rule [`Session::check`] knows but the bank's.
fn bad_sessions(bank: &Bank) -> Vec<Session> {
    let mut s = sample(bank);
    s.bank.sha256 = "00".repeat(32);
    s.id = "../x".into();
    s.municipality = " ".into();
    s.interviewees.push(Person {
        name: " ".into(),
        role: "pope".into(),
    });
    s.answers.get_mut("1.1.1").unwrap().scores.system = Some(int(5));
    s.answers.get_mut("1.1.1").unwrap().scores.extent = Some(Exact::new(5, 4));
    s.answers.insert("9.9.9".into(), Answer::default());
    s.last_question = Some("9.9.8".into());
    let mut nobody = sample(bank);
    nobody.id = String::new();
    nobody.interviewees.clear();
    let mut other_banks = Vec::new();
    for (id, version) in [
        ("kommunkompassen", "2026.1"),
        ("kommunekompasset", "2099.1"),
        ("kommunekompasset", "2019.1"),
    ] {
        let mut s = sample(bank);
        s.bank.id = id.into();
        s.bank.version = version.into();
        other_banks.push(s);
    }
    [vec![s, nobody], other_banks].concat()
}

/// A baseline with every figure the bank refutes, and an average that
/// disagrees with its members.
fn bad_baselines() -> Vec<Baseline> {
    let figures = br#"{"format": "kompass.baseline", "format_version": 1, "name": "Feil 2022",
        "total": 900,
        "areas": [{"id": "1", "points": 60, "subareas": [{"id": "1.1", "points": 10}, {"id": "1.1", "points": 1},
                                                        {"id": "1.6", "points": 5}, {"id": "1.2", "points": -1}]},
                  {"id": "2", "points": 140}, {"id": "2", "points": 10},
                  {"id": "3", "points": 50, "subareas": [{"id": "3.1", "points": 5}, {"id": "3.2", "points": 20},
                                                         {"id": "3.3", "points": 10}, {"id": "3.4", "points": 10}]},
                  {"id": "9", "points": 10}]}"#;
    let sums = br#"{"format": "kompass.baseline", "format_version": 1, "name": "Sum 2022",
        "total": 410,
        "areas": [{"id": "1", "points": 50}, {"id": "2", "points": 50}, {"id": "3", "points": 50},
                  {"id": "4", "points": 50}, {"id": "5", "points": 50}, {"id": "6", "points": 50},
                  {"id": "7", "points": 50}, {"id": "8", "points": 50}]}"#;
    let average = br#"{"format": "kompass.baseline", "format_version": 2, "name": "Snitt",
        "kind": "average", "n": 2, "total": 100, "areas": [],
        "members": [{"municipality": "A", "total": 10}, {"municipality": "B", "total": 20}]}"#;
    let mut other = Baseline::new("Andre", BaselineKind::Earlier);
    other.bank = Some("kommunkompassen".into());
    let mut all: Vec<Baseline> = [&figures[..], sums, average]
        .into_iter()
        .map(|json| Baseline::parse(json).unwrap())
        .collect();
    all.push(other);
    all
}

/// An assessment breaking every rule [`Assessment::check`] knows but the
/// bank's, with the bad baselines attached (one twice, by name).
fn bad_assessment(bank: &Bank) -> Assessment {
    let s = sample(bank);
    let mut a = Assessment::build(bank, &[source(&s, "aa")], s.started_at);
    a.sessions.push(a.sessions[0].clone());
    let q = a.questions.get_mut("1.1.1").unwrap();
    q.suggested.system = Some(int(1));
    q.interviews.insert(
        "01UNKNOWN".into(),
        q.interviews.values().next().copied().unwrap(),
    );
    q.interviews
        .values_mut()
        .for_each(|v| v.extent = Some(int(7)));
    let mut decided = q.suggested;
    decided.results = Some(Exact::new(1, 3));
    q.decision = Some(Decision::Override {
        scores: decided,
        reason: " ".into(),
    });
    a.questions
        .insert("9.9.9".into(), a.questions["1.1.2"].clone());
    let finding = CuratedFinding {
        kind: FindingKind::Strength,
        text: " ".into(),
        ..a.findings["1"][0].clone()
    };
    a.findings.insert("1".into(), vec![finding]);
    a.findings.insert("99".into(), Vec::new());
    a.dismissed_suggestions
        .insert("99".into(), vec![DismissedSuggestion { sources: vec![] }]);
    a.texts.areas.insert("99".into(), "Tekst".into());
    a.baselines = bad_baselines();
    a.baselines.push(a.baselines[0].clone());
    a
}

/// What the header checks and the bundle reader find in bad bytes.
fn bad_documents() -> Vec<Problem> {
    let header = |json: &str| {
        let h = parse::header(json.as_bytes()).unwrap();
        parse::check_header(&h, "kompass.session", 1).unwrap_err()
    };
    let mut problems = vec![
        header(r#"{"format_version": 1}"#),
        header(r#"{"format": "kompass.other", "format_version": 1}"#),
        header(r#"{"format": "kompass.session"}"#),
        header(r#"{"format": "kompass.session", "format_version": 0}"#),
        header(r#"{"format": "kompass.session", "format_version": 9}"#),
        super::migrate::migrate_format(0, b"{}").unwrap_err(),
        super::bundle::unpack(b"no manifest").unwrap_err(),
    ];
    let manifest = |files: &str| {
        format!(
            "{{\"format\": \"kompass.bundle\", \"format_version\": 1, \
             \"created_at\": \"2026-11-27T10:00:00+01:00\", \"files\": [{files}]}}\n"
        )
    };
    let file = r#"{"path": "a.json", "size": 3, "sha256": "00"}"#;
    for bundle in [
        manifest(file) + "ab",
        manifest(file) + "abc",
        manifest("") + "rest",
    ] {
        problems.push(super::bundle::unpack(bundle.as_bytes()).unwrap_err());
    }
    problems
}

/// Banks breaking every rule [`Bank::check`] knows.
fn bad_banks() -> Vec<Bank> {
    use serde_json::json;
    let edit = |edit: &dyn Fn(&mut serde_json::Value)| {
        let mut v: serde_json::Value = serde_json::from_slice(super::bank::BUILTIN).unwrap();
        edit(&mut v);
        Bank::parse_unchecked(serde_json::to_vec(&v).unwrap()).unwrap()
    };
    let empty = edit(&|v| {
        v["id"] = "".into();
        v["version"] = " ".into();
        v["languages"] = json!([]);
        v["scale"] = json!({"min": 3, "max": 2});
        v["dimensions"].as_array_mut().unwrap().reverse();
        v["roles"] = json!([]);
        v["areas"] = json!([]);
    });
    let rules = edit(&|v| {
        let levels = v["dimensions"][0]["levels"].as_array_mut().unwrap();
        levels.pop();
        let mut outside = levels[0].clone();
        outside["value"] = 9.into();
        levels.push(outside.clone());
        levels.push(outside);
        v["dimensions"][0]["label"]["en"] = "".into();
        let roles = v["roles"].as_array_mut().unwrap();
        roles.push(roles[0].clone());
        roles.push(json!({"id": "idle", "label": {"nb": "Ledig", "en": "Idle"}}));
        v["areas"][0]["max_points"] = 0.into();
        v["areas"][1]["id"] = "1".into();
        v["areas"][2]["id"] = "C".into();
        v["areas"][2]["perspective"] = "ukjent".into();
        v["areas"][3]["subareas"][0]["max_points"] = 0.into();
        v["areas"][4]["subareas"] = json!([]);
        v["areas"][5]["subareas"][0]["questions"] = json!([]);
        let q = &mut v["areas"][6]["subareas"][0]["questions"];
        q[0]["weight"] = 0.into();
        q[0]["roles"] = json!([]);
        q[1]["roles"] = json!(["pope"]);
        q[1]["text"]["en"] = "".into();
        q[1]["probes"] = json!([{"nb": "Hvordan?"}]);
        v["areas"][7]["subareas"][0]["questions"][0]["id"] = "1.1.1".into();
        v["migrations"] = json!([
            {"from_version": "2099.1", "questions": {"1.1.1": "9.9.9"}},
            {"from_version": "2099.1", "questions": {"1.1.1": "1.1.2", "1.1.3": "1.1.2"}}
        ]);
    });
    let odd = [
        1.000000007,
        1.000000009,
        1.000000011,
        1.000000013,
        1.000000017,
    ];
    let fine = edit(&|v| {
        let mut i = 0;
        for area in v["areas"].as_array_mut().unwrap() {
            for sub in area["subareas"].as_array_mut().unwrap() {
                for q in sub["questions"].as_array_mut().unwrap() {
                    q["weight"] = json!(odd[i % odd.len()]);
                    i += 1;
                }
            }
        }
    });
    vec![empty, rules, fine]
}

/// Whether a rendered line reads as English: it falls back to the English
/// text, or has English words where bokmål is expected.
fn english(nb: &str, en: &str) -> bool {
    nb == en
        || [" is ", "question ", "warning:", " the "]
            .iter()
            .any(|w| nb.contains(w))
}

#[test]
fn every_problem_the_checks_find_has_a_bokmaal_text() {
    let bank = Bank::builtin();
    let mut problems: Vec<Problem> = bad_sessions(&bank)
        .iter()
        .flat_map(|s| s.check(&bank))
        .collect();
    problems.extend(bad_assessment(&bank).check(&bank));
    problems.extend(bad_baselines().iter().flat_map(|b| b.check(&bank)));
    problems.extend(bad_documents());
    problems.extend(bad_banks().iter().flat_map(Bank::check));
    for (total, exact) in [("1.5", r#""1/0""#), ("1e-30", "null")] {
        let score = format!(
            r#"{{"municipalities": [{{"municipality": "A", "total": {total}, "total_exact": {exact}, "areas": []}}]}}"#
        );
        problems.push(
            super::benchmark::from_score_document(score.as_bytes(), &bank, "s.json").unwrap_err(),
        );
    }
    let mut old = sample(&bank);
    old.bank.version = "2025.1".into();
    let migrated =
        super::migrate::migrate_session(&mut old, &super::migrate::tests::migrating_bank());
    problems.push(migrated.expect("a migration").warning());

    let mut kinds = std::collections::BTreeSet::new();
    let mut english_lines = Vec::new();
    for p in &problems {
        let (nb, en) = (
            p.render_in("f.json", Lang::Nb),
            p.render_in("f.json", Lang::En),
        );
        // The kind of a problem: its English text without the ids and numbers in it.
        let kind: String = p
            .message
            .chars()
            .filter(|c| c.is_alphabetic() || *c == ' ')
            .collect();
        kinds.insert(kind);
        if std::env::var_os("SHOW_NB").is_some() {
            eprintln!("{nb}\n{en}\n");
        }
        if p.message_nb.is_none() || english(&nb, &en) {
            english_lines.push(nb);
        }
    }
    assert!(
        english_lines.is_empty(),
        "{} of {} problems have no bokmål text:\n{}",
        english_lines.len(),
        problems.len(),
        english_lines.join("\n")
    );
    // Every kind was provoked: the inputs above are not quietly valid.
    assert!(kinds.len() >= 77, "{} kinds: {kinds:#?}", kinds.len());
}

#[test]
fn a_problem_of_a_question_is_placed_in_the_language_of_its_message() {
    let bank = Bank::builtin();
    let mut s = sample(&bank);
    s.answers.get_mut("1.1.1").unwrap().scores.extent = Some(int(5));
    let p = &s.check(&bank)[0];
    assert_eq!(
        p.render_in("s.json", Lang::Nb),
        "s.json: spørsmål 1.1.1: Omfang: 5 er utenfor skalaen 0–4"
    );
    assert_eq!(
        p.render_in("s.json", Lang::En),
        "s.json: question 1.1.1: extent: 5 is outside the scale 0-4"
    );
    let now = DateTime::parse_from_rfc3339("2026-11-27T10:00:00+01:00").unwrap();
    let mut a = Assessment::build(&bank, &[source(&s, "aa")], now);
    let mut b = Baseline::new("Eksempelvik 2022", BaselineKind::Earlier);
    b.total = Some(int(900));
    a.baselines = vec![b];
    let lines: Vec<String> = a
        .check(&bank)
        .iter()
        .map(|p| p.render_in("a.json", Lang::Nb))
        .collect();
    assert!(
        lines.contains(
            &"a.json: sammenligningsgrunnlaget «Eksempelvik 2022»: total: 900 poeng er utenfor 0–800"
                .to_owned()
        ),
        "{lines:#?}"
    );
}
