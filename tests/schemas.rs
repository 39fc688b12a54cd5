//! The shipped JSON Schemas (assets/schema) accept what Kompass writes and
//! refuse what it refuses: the built-in bank, sessions, an assessment with
//! decisions and curation, and baselines.

mod common;

use std::path::Path;

use serde_json::{Value, json};

use common::session;
use kompass::core::assessment::{Assessment, SourceSession};
use kompass::core::bank::Bank;
use kompass::core::baseline::BaselineKind;
use kompass::core::exact::{Exact, int};
use kompass::core::lang::Lang;
use kompass::core::review::{findings, question};
use kompass::core::session::Scores;

const SCHEMAS: [&str; 4] = ["bank", "session", "assessment", "baseline"];

fn read_json(path: &Path) -> Value {
    serde_json::from_slice(&std::fs::read(path).unwrap())
        .unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

fn root() -> &'static Path {
    Path::new(env!("CARGO_MANIFEST_DIR"))
}

/// Validators for every schema; they refer to each other by `$id`, resolved
/// from the files here (nothing is fetched).
fn validators() -> Vec<(&'static str, jsonschema::Validator)> {
    let schemas: Vec<Value> = SCHEMAS
        .iter()
        .map(|name| read_json(&root().join(format!("assets/schema/{name}.schema.json"))))
        .collect();
    let mut registry = jsonschema::Registry::new();
    for s in &schemas {
        registry = registry
            .add(s["$id"].as_str().unwrap(), s.clone())
            .expect("a valid $id");
    }
    let registry = registry.prepare().expect("the schemas resolve");
    SCHEMAS
        .iter()
        .zip(&schemas)
        .map(|(name, s)| {
            let v = jsonschema::options()
                .with_registry(&registry)
                .build(s)
                .unwrap_or_else(|e| panic!("{name}.schema.json is not a valid schema: {e}"));
            (*name, v)
        })
        .collect()
}

fn errors(
    validators: &[(&str, jsonschema::Validator)],
    schema: &str,
    instance: &Value,
) -> Vec<String> {
    let (_, v) = validators.iter().find(|(n, _)| *n == schema).unwrap();
    v.iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

fn assert_valid(
    validators: &[(&str, jsonschema::Validator)],
    schema: &str,
    instance: &Value,
    what: &str,
) {
    let errs = errors(validators, schema, instance);
    assert!(
        errs.is_empty(),
        "{what} does not match {schema}.schema.json:\n{}",
        errs.join("\n")
    );
}

/// An assessment with everything the format can hold: overrides, a
/// suggestion on a quarter step, a merged and a dropped finding, priorities
/// and a baseline.
fn rich_assessment(bank: &Bank) -> Assessment {
    let mut a = session(bank, "A", "Eksempelvik", "mayor", 3);
    a.answers.get_mut("1.1.1").unwrap().scores.system = Some(Exact::new(3, 2));
    a.priorities = vec!["Bedre intern kommunikasjon".into()];
    let mut b = session(bank, "B", "Eksempelvik", "mayor", 2);
    b.answers.get_mut("1.1.1").unwrap().scores.results = None;
    b.priorities = vec!["Intern kommunikasjon".into(), "Boligbygging".into()];
    let sources: Vec<SourceSession> = [a, b]
        .into_iter()
        .map(|s| SourceSession {
            sha256: kompass::core::bank::sha256_hex(&s.to_json()),
            path: format!("eksempelvik/{}.json", s.id),
            file: format!("/data/eksempelvik/{}.json", s.id).into(),
            session: s,
        })
        .collect();
    let mut assessment = Assessment::build(bank, &sources, sources[0].session.started_at);
    assert_eq!(
        assessment.questions["1.1.1"].suggested.system,
        Some(Exact::new(7, 4))
    );
    let scores = Scores {
        system: Some(Exact::new(5, 2)),
        extent: Some(int(1)),
        results: Some(int(0)),
    };
    question::override_scores(
        &mut assessment,
        bank,
        "1.1.1",
        scores,
        "Planen er ikke tatt i bruk",
    )
    .unwrap();
    question::accept(&mut assessment, "1.1.2").unwrap();
    findings::merge(&mut assessment, "1", &[0, 1], Some("Oppdatert plan")).unwrap();
    findings::toggle_best_practice(&mut assessment, "1", 0).unwrap();
    findings::drop_finding(&mut assessment, "1", 1).unwrap();
    let csv = std::fs::read(root().join("tests/fixtures/midtre-gauldal-2023.csv")).unwrap();
    let imported = kompass::core::results::import(
        &csv,
        bank,
        "Midtre Gauldal 2023",
        BaselineKind::Earlier,
        Lang::Nb,
    )
    .unwrap();
    assessment.baselines.push(imported.baseline);
    // Published tables disagree with themselves at times: a warning only.
    assert!(assessment.check(bank).iter().all(|p| p.warning));
    assessment
}

#[test]
fn shipped_and_generated_files_match_their_schemas() {
    let v = validators();
    let bank = Bank::builtin();
    assert_valid(
        &v,
        "bank",
        &serde_json::from_slice(&bank.bytes).unwrap(),
        "the built-in bank",
    );
    let migrating = common::bank_json(|b| {
        b["migrations"] = json!([
            {"from_version": "2025.1", "questions": {"1.1.9": "1.1.2", "1.2.9": null}}
        ])
    });
    assert_valid(
        &v,
        "bank",
        &serde_json::from_slice(&migrating).unwrap(),
        "a bank with a migration",
    );

    let mut s = session(
        &bank,
        "01JDX0000000000000000000AA",
        "Eksempelvik",
        "union_rep",
        2,
    );
    s.answers.values_mut().next().unwrap().scores.extent = None;
    s.answers.values_mut().nth(1).unwrap().scores.results = Some(Exact::new(7, 2));
    s.last_question = Some("7.3.1".into());
    s.orphaned.push(kompass::core::session::Orphan {
        question: "7.3.9".into(),
        bank_version: "2025.1".into(),
        answer: s.answers.values().next().unwrap().clone(),
    });
    assert_valid(
        &v,
        "session",
        &serde_json::from_slice(&s.to_json()).unwrap(),
        "a generated session",
    );
    for entry in std::fs::read_dir(root().join("sessions/eksempelvik")).unwrap() {
        let path = entry.unwrap().path();
        assert_valid(
            &v,
            "session",
            &read_json(&path),
            &path.display().to_string(),
        );
    }

    let assessment = rich_assessment(&bank);
    let json: Value = serde_json::from_slice(&assessment.to_json()).unwrap();
    assert!(
        json["dropped"]["1"].is_array()
            && json["questions"]["1.1.1"]["decision"]["kind"] == "override"
    );
    assert_valid(
        &v,
        "assessment",
        &json,
        "an assessment with decisions and curation",
    );
    assert_valid(
        &v,
        "baseline",
        &json["baselines"][0],
        "an imported baseline",
    );
    for entry in std::fs::read_dir(root().join("sessions/baselines")).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "json") {
            assert_valid(
                &v,
                "baseline",
                &read_json(&path),
                &path.display().to_string(),
            );
        }
    }
}

#[test]
fn the_schemas_refuse_what_kompass_refuses() {
    let v = validators();
    let bank = Bank::builtin();
    let session_json: Value =
        serde_json::from_slice(&session(&bank, "A", "Eksempelvik", "mayor", 2).to_json()).unwrap();
    let refused = |schema: &str, base: &Value, edit: &dyn Fn(&mut Value), what: &str| {
        let mut doc = base.clone();
        edit(&mut doc);
        assert!(
            !errors(&v, schema, &doc).is_empty(),
            "{schema}.schema.json accepts {what}"
        );
    };
    refused(
        "session",
        &session_json,
        &|d| d["answers"]["1.1.1"]["scores"]["system"] = json!(2.25),
        "a quarter step",
    );
    refused(
        "session",
        &session_json,
        &|d| d["answers"]["1.1.1"]["scores"]["system"] = json!(-1),
        "a negative score",
    );
    refused(
        "session",
        &session_json,
        &|d| d["answers"]["1.1.1"]["findings"][0]["kind"] = json!("praise"),
        "an unknown finding kind",
    );
    refused(
        "session",
        &session_json,
        &|d| d["answers"]["1.1.1"]["mood"] = json!("good"),
        "an unknown field",
    );
    refused(
        "session",
        &session_json,
        &|d| d["started_at"] = json!("27.11.2026 10:00"),
        "a local date",
    );
    refused(
        "session",
        &session_json,
        &|d| d["interviewees"] = json!([]),
        "nobody interviewed",
    );
    refused(
        "session",
        &session_json,
        &|d| d["format_version"] = json!(2),
        "a newer version",
    );

    let assessment: Value = serde_json::from_slice(&rich_assessment(&bank).to_json()).unwrap();
    refused(
        "assessment",
        &assessment,
        &|d| d["questions"]["1.1.1"]["decision"]["reason"] = json!("  "),
        "an override without a reason",
    );
    refused(
        "assessment",
        &assessment,
        &|d| d["questions"]["1.1.1"]["decision"]["kind"] = json!("maybe"),
        "an unknown decision",
    );
    refused(
        "assessment",
        &assessment,
        &|d| d["findings"]["1"][0]["text"] = json!(""),
        "an empty finding",
    );
    refused(
        "assessment",
        &assessment,
        &|d| d["baselines"][0]["kind"] = json!("guess"),
        "a bad baseline inside",
    );
    refused(
        "assessment",
        &assessment,
        &|d| d["sessions"][0]["sha256"] = json!("abc"),
        "a short hash",
    );

    let baseline = assessment["baselines"][0].clone();
    refused(
        "baseline",
        &baseline,
        &|d| d["areas"][0]["subareas"][0]["points"] = json!(-3),
        "negative points",
    );
    refused(
        "baseline",
        &baseline,
        &|d| d["areas"][0]["id"] = json!("1.1"),
        "a sub-area id as an area",
    );
}
