//! The foundation's "done when": `kompass score --json` agrees with an
//! independent implementation of the scoring rule on generated sessions,
//! with the shipped bank and with a custom bank of uneven weights.
//!
//! The implementation here shares no code with Kompass: it reads the bank as
//! plain JSON and computes in integers on a common denominator. Scores are
//! counted in quarters (a merged median of halves is at most a quarter),
//! weights in halves; a sub-area's points are
//! `max x sum(w2 x s4) / (W2 x 4 x 3 x scale max)`.

mod common;

use std::path::Path;

use common::rng::Rng;
use common::{kompass, run};
use serde_json::{Value, json};

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

fn lcm(a: i128, b: i128) -> i128 {
    a / gcd(a, b) * b
}

/// A question of the bank as the independent code sees it.
struct Q {
    id: String,
    roles: Vec<String>,
    /// Weight in halves.
    w2: i128,
}

struct Sub {
    id: String,
    max: i128,
    questions: Vec<Q>,
}

struct Area {
    id: String,
    subs: Vec<Sub>,
}

fn halves(v: &Value) -> i128 {
    let x = v.as_f64().unwrap() * 2.0;
    assert_eq!(x.fract(), 0.0, "weights here are whole or half");
    x as i128
}

fn read_bank(bank: &Value) -> (Vec<Area>, i128) {
    let areas = bank["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| Area {
            id: a["id"].as_str().unwrap().into(),
            subs: a["subareas"]
                .as_array()
                .unwrap()
                .iter()
                .map(|s| Sub {
                    id: s["id"].as_str().unwrap().into(),
                    max: s["max_points"].as_i64().unwrap() as i128,
                    questions: s["questions"]
                        .as_array()
                        .unwrap()
                        .iter()
                        .map(|q| Q {
                            id: q["id"].as_str().unwrap().into(),
                            roles: q["roles"]
                                .as_array()
                                .unwrap()
                                .iter()
                                .map(|r| r.as_str().unwrap().into())
                                .collect(),
                            w2: q.get("weight").map_or(2, halves),
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect();
    (areas, bank["scale"]["max"].as_i64().unwrap() as i128)
}

/// The median, in quarters, of values given in halves.
fn median4(mut v: Vec<i128>) -> Option<i128> {
    if v.is_empty() {
        return None;
    }
    v.sort_unstable();
    let n = v.len();
    Some(if n % 2 == 1 {
        2 * v[n / 2]
    } else {
        v[n / 2 - 1] + v[n / 2]
    })
}

/// One interview as generated: per question, three optional values in halves.
type Answers = Vec<(String, [Option<i128>; 3])>;

/// Points per sub-area as exact fractions (numerator, denominator), and the
/// number of questions scored per area.
fn expected(
    areas: &[Area],
    scale_max: i128,
    sessions: &[Answers],
) -> (Vec<Vec<(i128, i128)>>, Vec<usize>) {
    let mut subs_out = Vec::new();
    let mut scored_out = Vec::new();
    for area in areas {
        let mut per_sub = Vec::new();
        let mut scored = 0;
        for sub in &area.subs {
            let total_w2: i128 = sub.questions.iter().map(|q| q.w2).sum();
            let mut num = 0;
            for q in &sub.questions {
                let dims: Vec<Option<i128>> = (0..3)
                    .map(|d| {
                        let given: Vec<i128> = sessions
                            .iter()
                            .filter_map(|s| {
                                s.iter().find(|(id, _)| *id == q.id).and_then(|(_, v)| v[d])
                            })
                            .collect();
                        median4(given)
                    })
                    .collect();
                if let [Some(a), Some(b), Some(c)] = dims[..] {
                    num += q.w2 * (a + b + c);
                    scored += 1;
                }
            }
            let den = total_w2 * 4 * 3 * scale_max;
            let g = gcd(sub.max * num, den).max(1);
            per_sub.push((sub.max * num / g, den / g));
        }
        subs_out.push(per_sub);
        scored_out.push(scored);
    }
    (subs_out, scored_out)
}

fn close(got: &Value, (num, den): (i128, i128), what: &str) {
    let got = got.as_f64().unwrap_or_else(|| panic!("{what} is a number"));
    let want = num as f64 / den as f64;
    assert!(
        (got - want).abs() < 1e-9,
        "{what}: kompass {got}, independent {num}/{den} = {want}"
    );
}

fn sum_fractions(parts: &[(i128, i128)]) -> (i128, i128) {
    let den = parts.iter().fold(1, |l, (_, d)| lcm(l, *d));
    (parts.iter().map(|(n, d)| n * (den / d)).sum(), den)
}

/// Generates an interview: one or two roles, most routed questions answered,
/// some dimensions left unscored, values in half steps.
fn generate(
    rng: &mut Rng,
    bank: &Value,
    areas: &[Area],
    scale_max: i128,
    id: &str,
) -> (Value, Answers) {
    let roles: Vec<String> = bank["roles"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap().into())
        .collect();
    let mut mine = vec![roles[rng.below(roles.len() as u64) as usize].clone()];
    if rng.below(3) == 0 {
        mine.push(roles[rng.below(roles.len() as u64) as usize].clone());
    }
    let mut answers = Answers::new();
    let mut json_answers = serde_json::Map::new();
    for q in areas
        .iter()
        .flat_map(|a| &a.subs)
        .flat_map(|s| &s.questions)
    {
        let routed = q.roles.iter().any(|r| mine.contains(r));
        if !routed || rng.below(10) == 0 {
            continue;
        }
        let values: [Option<i128>; 3] = std::array::from_fn(|_| {
            (rng.below(8) != 0).then(|| rng.below(2 * scale_max as u64 + 1) as i128)
        });
        let dims = ["system", "extent", "results"];
        let scores: serde_json::Map<String, Value> = dims
            .iter()
            .zip(values)
            .map(|(d, v)| {
                (
                    d.to_string(),
                    v.map_or(Value::Null, |h| json!(h as f64 / 2.0)),
                )
            })
            .collect();
        json_answers.insert(q.id.clone(), json!({"scores": scores}));
        answers.push((q.id.clone(), values));
    }
    let people: Vec<Value> = mine
        .iter()
        .map(|r| json!({"name": format!("Person {r}"), "role": r}))
        .collect();
    let session = json!({
        "format": "kompass.session", "format_version": 1, "id": id,
        "bank": {"id": bank["id"], "version": bank["version"], "sha256": ""},
        "municipality": "Tilfeldigvik", "interviewer": "Test",
        "interviewees": people,
        "started_at": "2026-10-01T09:00:00+02:00", "updated_at": "2026-10-01T10:00:00+02:00",
        "status": "completed", "answers": json_answers, "priorities": []
    });
    (session, answers)
}

fn check_bank(bank_bytes: &[u8], bank_flag: Option<&Path>, seed: u64) {
    let dir = tempfile::tempdir().unwrap();
    let bank: Value = serde_json::from_slice(bank_bytes).unwrap();
    let sha = kompass::core::bank::sha256_hex(bank_bytes);
    let (areas, scale_max) = read_bank(&bank);
    let mut rng = Rng(seed);
    for case in 0..12 {
        let count = 1 + rng.below(5) as usize;
        let mut files = Vec::new();
        let mut all = Vec::new();
        for i in 0..count {
            let (mut session, answers) =
                generate(&mut rng, &bank, &areas, scale_max, &format!("S{case}x{i}"));
            session["bank"]["sha256"] = json!(sha);
            let path = dir.path().join(format!("case{case}-{i}.json"));
            std::fs::write(&path, serde_json::to_vec_pretty(&session).unwrap()).unwrap();
            files.push(path);
            all.push(answers);
        }
        let mut cmd = kompass(dir.path());
        if let Some(b) = bank_flag {
            cmd.arg("--bank").arg(b);
        }
        let r = run(cmd.args(["score", "--json"]).args(&files));
        assert_eq!(r.code, 0, "case {case}: {}", r.stderr);
        let card: Value = serde_json::from_str(&r.stdout).unwrap();

        let (subs, scored) = expected(&areas, scale_max, &all);
        let mut area_totals = Vec::new();
        for (a, area) in areas.iter().enumerate() {
            let got = &card["areas"][a];
            assert_eq!(got["id"], json!(area.id));
            assert_eq!(
                got["scored"].as_u64().unwrap() as usize,
                scored[a],
                "case {case} area {}",
                area.id
            );
            for (s, sub) in area.subs.iter().enumerate() {
                assert_eq!(got["subareas"][s]["id"], json!(sub.id));
                close(
                    &got["subareas"][s]["points"],
                    subs[a][s],
                    &format!("case {case} sub-area {}", sub.id),
                );
            }
            let area_sum = sum_fractions(&subs[a]);
            close(
                &got["points"],
                area_sum,
                &format!("case {case} area {}", area.id),
            );
            area_totals.push(area_sum);
        }
        close(
            &card["total"],
            sum_fractions(&area_totals),
            &format!("case {case} total"),
        );
        assert_eq!(card["max"], json!(800));
    }
}

#[test]
fn score_agrees_with_an_independent_rule_on_the_shipped_bank() {
    check_bank(kompass::core::bank::BUILTIN, None, 0x5EED_0001);
}

#[test]
fn score_agrees_with_an_independent_rule_on_uneven_weights() {
    let mut bank: Value = serde_json::from_slice(kompass::core::bank::BUILTIN).unwrap();
    bank["version"] = json!("uneven-weights");
    let weights = [json!(1), json!(2), json!(0.5)];
    for area in bank["areas"].as_array_mut().unwrap() {
        for sub in area["subareas"].as_array_mut().unwrap() {
            for (i, q) in sub["questions"]
                .as_array_mut()
                .unwrap()
                .iter_mut()
                .enumerate()
            {
                q["weight"] = weights[i % 3].clone();
            }
        }
    }
    let bytes = serde_json::to_vec_pretty(&bank).unwrap();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("uneven.json");
    std::fs::write(&path, &bytes).unwrap();
    let checked = run(kompass(dir.path()).args(["bank", "check"]).arg(&path));
    assert_eq!(checked.code, 0, "{}", checked.stderr);
    check_bank(&bytes, Some(&path), 0x5EED_0002);
}
