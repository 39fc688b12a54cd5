//! `kompass benchmark` and `kompass report --benchmark`: every mean checked
//! exactly against an independent computation over generated evaluations
//! (assessments, `score --by-municipality --json` output, totals-only and
//! partial published results, a duplicate), published totals ranked, and
//! the refusals (two figures for one evaluation, another bank, another
//! country).
//!
//! The independent side shares no code with Kompass's averaging: it reads
//! the members' figures from their files (an assessment's from `kompass
//! score --json`, whose `*_exact` text is exact) and adds fractions of its
//! own in i128.

mod common;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use common::rng::Rng;
use common::{kompass, run};
use kompass::core::assessment::{Assessment, SourceSession};
use kompass::core::bank::Bank;
use kompass::core::exact::Exact;
use kompass::core::session::Scores;
use serde_json::{Value, json};

/// An exact fraction, reduced, denominator > 0.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct F(i128, i128);

fn gcd(a: i128, b: i128) -> i128 {
    if b == 0 { a.abs() } else { gcd(b, a % b) }
}

impl F {
    fn new(n: i128, d: i128) -> F {
        let g = gcd(n, d).max(1);
        let s = if d < 0 { -1 } else { 1 };
        F(s * n / g, s * d / g)
    }

    fn add(self, o: F) -> F {
        F::new(self.0 * o.1 + o.0 * self.1, self.1 * o.1)
    }

    fn div(self, k: i128) -> F {
        F::new(self.0, self.1 * k)
    }

    /// "20/3", "-7", "6.75".
    fn parse(text: &str) -> F {
        if let Some((n, d)) = text.split_once('/') {
            return F::new(n.parse().unwrap(), d.parse().unwrap());
        }
        let (whole, frac) = text.split_once('.').unwrap_or((text, ""));
        let scale = 10i128.pow(frac.len() as u32);
        let negative = whole.starts_with('-');
        let w: i128 = whole.trim_start_matches('-').parse().unwrap_or(0);
        let f: i128 = if frac.is_empty() {
            0
        } else {
            frac.parse().unwrap()
        };
        let n = w * scale + f;
        F::new(if negative { -n } else { n }, scale)
    }

    /// A point in a baseline: a JSON number (its shortest decimal) or text.
    fn of(v: &Value) -> F {
        match v {
            Value::String(s) => F::parse(s),
            Value::Number(n) => F::parse(&n.to_string()),
            other => panic!("not points: {other}"),
        }
    }
}

fn mean(values: &[F]) -> Option<(F, u32)> {
    (!values.is_empty()).then(|| {
        let sum = values.iter().fold(F(0, 1), |a, &b| a.add(b));
        (sum.div(values.len() as i128), values.len() as u32)
    })
}

/// One evaluation's figures as the independent side reads them.
#[derive(Debug, Clone, Default)]
struct Figures {
    total: Option<F>,
    areas: BTreeMap<String, F>,
    subareas: BTreeMap<String, F>,
}

/// The bank's areas and their sub-areas, from its JSON.
fn bank_shape() -> Vec<(String, Vec<String>)> {
    let bank: Value = serde_json::from_slice(&Bank::builtin().bytes).unwrap();
    bank["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().to_owned(),
                a["subareas"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|s| s["id"].as_str().unwrap().to_owned())
                    .collect(),
            )
        })
        .collect()
}

/// A scorecard object of `score --json`, read from its exact text.
fn card_figures(card: &Value) -> Figures {
    let mut f = Figures {
        total: Some(F::parse(card["total_exact"].as_str().unwrap())),
        ..Figures::default()
    };
    for a in card["areas"].as_array().unwrap() {
        let id = a["id"].as_str().unwrap().to_owned();
        f.areas
            .insert(id, F::parse(a["points_exact"].as_str().unwrap()));
        for s in a["subareas"].as_array().unwrap() {
            f.subareas.insert(
                s["id"].as_str().unwrap().to_owned(),
                F::parse(s["points_exact"].as_str().unwrap()),
            );
        }
    }
    f
}

/// A published result as printed: an area counts when printed or when all
/// its sub-areas are; the total when printed or when every area counts.
fn printed_figures(doc: &Value, shape: &[(String, Vec<String>)]) -> Figures {
    let mut f = Figures::default();
    for a in doc["areas"].as_array().unwrap() {
        for s in a["subareas"].as_array().into_iter().flatten() {
            f.subareas
                .insert(s["id"].as_str().unwrap().to_owned(), F::of(&s["points"]));
        }
    }
    for (area, subs) in shape {
        let given = doc["areas"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == area.as_str());
        let printed = given
            .and_then(|a| a.get("points"))
            .filter(|p| !p.is_null())
            .map(F::of);
        let summed = subs
            .iter()
            .map(|s| f.subareas.get(s).copied())
            .collect::<Option<Vec<F>>>()
            .map(|v| v.into_iter().fold(F(0, 1), F::add));
        if let Some(p) = printed.or(summed) {
            f.areas.insert(area.clone(), p);
        }
    }
    f.total = doc
        .get("total")
        .filter(|t| !t.is_null())
        .map(F::of)
        .or_else(|| {
            (f.areas.len() == shape.len()).then(|| f.areas.values().copied().fold(F(0, 1), F::add))
        });
    f
}

/// An interview of `municipality` with random values in half steps on
/// most routed questions, some dimensions left out.
fn random_session(
    rng: &mut Rng,
    bank: &Bank,
    id: &str,
    municipality: &str,
    role: &str,
) -> kompass::core::session::Session {
    let mut s = common::session(bank, id, municipality, role, 2);
    for answer in s.answers.values_mut() {
        let mut value = || (rng.below(8) != 0).then(|| Exact::new(rng.below(9) as i128, 2));
        answer.scores = Scores {
            system: value(),
            extent: value(),
            results: value(),
        };
    }
    let skip: Vec<String> = s
        .answers
        .keys()
        .filter(|_| rng.below(6) == 0)
        .cloned()
        .collect();
    for id in skip {
        s.answers.remove(&id);
    }
    s
}

const ROLES: [&str; 4] = ["mayor", "chief_executive", "unit_leader", "union_rep"];

/// Writes an assessment of `municipality` from 1-3 random interviews.
fn write_assessment(
    rng: &mut Rng,
    bank: &Bank,
    dir: &Path,
    municipality: &str,
    tag: &str,
) -> PathBuf {
    let count = 1 + rng.below(3) as usize;
    let sources: Vec<SourceSession> = (0..count)
        .map(|i| {
            let role = ROLES[rng.below(ROLES.len() as u64) as usize];
            let s = random_session(rng, bank, &format!("{tag}{i}"), municipality, role);
            SourceSession {
                sha256: "0".repeat(64),
                path: format!("{tag}{i}.json"),
                file: PathBuf::from(format!("{tag}{i}.json")),
                session: s,
            }
        })
        .collect();
    let now = chrono::DateTime::parse_from_rfc3339("2026-11-02T14:00:00+01:00").unwrap();
    let a = Assessment::build(bank, &sources, now);
    std::fs::create_dir_all(dir).unwrap();
    let path = dir.join(format!("{tag}.json"));
    std::fs::write(&path, a.to_json()).unwrap();
    path
}

fn write_json(path: &Path, v: &Value) {
    std::fs::create_dir_all(path.parent().unwrap()).unwrap();
    std::fs::write(path, serde_json::to_vec_pretty(v).unwrap()).unwrap();
}

fn baseline(name: &str, year: i32, total: Option<Value>, areas: Value) -> Value {
    let mut v = json!({"format": "kompass.baseline", "format_version": 1, "name": name,
                       "kind": "earlier", "year": year, "areas": areas});
    if let Some(t) = total {
        v["total"] = t;
    }
    v
}

/// One tenth as a JSON number: 553 -> 55.3.
fn tenths(n: u64) -> Value {
    json!(n as f64 / 10.0)
}

#[test]
fn every_mean_is_exact_and_stands_on_its_own_n() {
    let bank = Bank::builtin();
    let shape = bank_shape();
    for seed in [7_u64, 1234, 99_999] {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().join("archive");
        let mut rng = Rng(seed);
        let mut expected: Vec<Figures> = Vec::new();

        // Assessments, one of them found twice (a copy on a stick).
        for (i, name) in ["Alfa", "Beta", "Gamma", "Delta"].iter().enumerate() {
            let path = write_assessment(
                &mut rng,
                &bank,
                &root.join("assessments"),
                name,
                &format!("A{i}"),
            );
            let card: Value = serde_json::from_str(
                &run(kompass(dir.path()).args(["score", "--json"]).arg(&path)).stdout,
            )
            .unwrap();
            expected.push(card_figures(&card));
            if i == 1 {
                std::fs::create_dir_all(root.join("stick")).unwrap();
                std::fs::copy(&path, root.join("stick/copy.json")).unwrap();
            }
        }

        // Three more municipalities' interviews, scored to a document.
        let interviews = dir.path().join("interviews");
        for (m, name) in ["Epsilon", "Zeta", "Eta"].iter().enumerate() {
            let sub = interviews.join(name.to_lowercase());
            std::fs::create_dir_all(&sub).unwrap();
            for i in 0..1 + rng.below(3) {
                let role = ROLES[rng.below(ROLES.len() as u64) as usize];
                let s = random_session(&mut rng, &bank, &format!("S{m}x{i}"), name, role);
                common::write_session(&sub, &s);
            }
        }
        let scored = run(kompass(dir.path())
            .args(["score", "--by-municipality", "--json"])
            .arg(&interviews));
        assert_eq!(scored.code, 0, "{}", scored.stderr);
        let document: Value = serde_json::from_str(&scored.stdout).unwrap();
        for item in document["municipalities"].as_array().unwrap() {
            assert_eq!(item["year"], 2026);
            expected.push(card_figures(item));
        }
        std::fs::write(root.join("scores.json"), &scored.stdout).unwrap();

        // Published results: totals only, and partial tables.
        for i in 0..5 {
            let total = 200 + rng.below(500);
            let doc = baseline(
                &format!("Total{i} {}", 2012 + i),
                2012 + i,
                Some(json!(total)),
                json!([]),
            );
            write_json(&root.join(format!("published/total{i}.json")), &doc);
            expected.push(printed_figures(&doc, &shape));
        }
        for i in 0..3 {
            // Areas 1-3 printed; area 4 as all its sub-areas (counts); area 5
            // as its sub-areas but one (does not); no total, so none.
            let mut areas = Vec::new();
            for (k, (area, subs)) in shape.iter().enumerate().take(5) {
                match k {
                    0..=2 => areas.push(json!({"id": area, "points": tenths(300 + rng.below(600))})),
                    3 => areas.push(json!({"id": area, "subareas": subs.iter().map(|s| json!({"id": s, "points": tenths(rng.below(150))})).collect::<Vec<_>>()})),
                    _ => areas.push(json!({"id": area, "subareas": subs.iter().skip(1).map(|s| json!({"id": s, "points": tenths(rng.below(150))})).collect::<Vec<_>>()})),
                }
            }
            let doc = baseline(&format!("Delvis{i} 2019"), 2019, None, Value::Array(areas));
            write_json(&root.join(format!("published/partial{i}.json")), &doc);
            expected.push(printed_figures(&doc, &shape));
        }

        let out = dir.path().join("snitt.json");
        let r = run(kompass(dir.path())
            .args(["--lang", "en", "benchmark"])
            .arg(&root)
            .args(["--name", "Snitt Test", "--country", "no", "-o"])
            .arg(&out));
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert!(r.stderr.contains("counted once"), "{}", r.stderr);
        let got: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
        assert_eq!(got["kind"], "average");
        assert_eq!(got["country"], "no");
        assert_eq!(got["format_version"], 2);
        assert_eq!(
            got["members"].as_array().unwrap().len(),
            expected.len(),
            "the copy counts once"
        );

        let totals: Vec<F> = expected.iter().filter_map(|e| e.total).collect();
        let (t, n) = mean(&totals).unwrap();
        assert_eq!(F::of(&got["total"]), t, "seed {seed}: total");
        assert_eq!(got["n"], n);
        assert_eq!(
            n as usize,
            expected.len() - 3,
            "the partial tables have no total"
        );
        let mut fractions = 0;
        for (area, subs) in &shape {
            let g = got["areas"]
                .as_array()
                .unwrap()
                .iter()
                .find(|a| a["id"] == area.as_str())
                .unwrap_or_else(|| panic!("area {area}"));
            let values: Vec<F> = expected
                .iter()
                .filter_map(|e| e.areas.get(area).copied())
                .collect();
            let (m, n) = mean(&values).unwrap();
            assert_eq!(F::of(&g["points"]), m, "seed {seed}: area {area}");
            assert_eq!(g["n"], n, "area {area}");
            fractions += usize::from(g["points"].is_string());
            for s in subs {
                let gs = g["subareas"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .find(|x| x["id"] == s.as_str())
                    .unwrap_or_else(|| panic!("sub-area {s}"));
                let values: Vec<F> = expected
                    .iter()
                    .filter_map(|e| e.subareas.get(s).copied())
                    .collect();
                let (m, n) = mean(&values).unwrap();
                assert_eq!(F::of(&gs["points"]), m, "seed {seed}: sub-area {s}");
                assert_eq!(gs["n"], n, "sub-area {s}");
            }
        }
        assert!(
            fractions > 0,
            "some means are no finite decimal and are written as fractions"
        );
        // Area 5 lacks a sub-area in the partial tables: fewer n there.
        assert_eq!(got["areas"][3]["n"], 7 + 3);
        assert_eq!(got["areas"][4]["n"], 7);

        // It is a normal baseline.
        let v = run(kompass(dir.path()).arg("validate").arg(&out));
        assert_eq!(v.code, 0, "{}{}", v.stdout, v.stderr);
    }
}

/// Writes fictional published totals, returns the directory.
fn published_totals(dir: &Path) -> PathBuf {
    // Fictional municipalities and totals, typed as a results page prints
    // them; two share 471, and Eksempelvik's own 2022 is one of them.
    let results = [
        ("Fjellvik", 2013, 254),
        ("Fjellvik", 2017, 396),
        ("Havnby", 2014, 512),
        ("Nordøy", 2015, 471),
        ("Sørdal", 2016, 388),
        ("Vestmo", 2018, 471),
        ("Østre Lia", 2019, 603),
        ("Bergeby", 2020, 445),
        ("Eksempelvik", 2022, 463),
        ("Elvebakk", 2023, 529),
        ("Kystby", 2023, 418),
    ];
    let out = dir.join("published");
    for (name, year, total) in results {
        let doc = baseline(
            &format!("{name} {year}"),
            year,
            Some(json!(total)),
            json!([]),
        );
        write_json(
            &out.join(format!("{}-{year}.json", kompass::core::slug::slug(name))),
            &doc,
        );
    }
    out
}

/// The sample assessment of Eksempelvik 2026, merged from the sample interviews.
fn sample_assessment(dir: &Path) -> PathBuf {
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = dir.join("eksempelvik.json");
    let r = run(kompass(dir)
        .arg("merge")
        .arg(root.join("sessions/eksempelvik"))
        .arg("-o")
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

#[test]
fn published_totals_give_the_mean_and_the_rank() {
    let dir = tempfile::tempdir().unwrap();
    let published = published_totals(dir.path());
    let out = dir.path().join("norge.json");
    let r = run(kompass(dir.path())
        .args(["benchmark"])
        .arg(&published)
        .args(["--name", "Snitt Norge 2013-2023", "-o"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let avg: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    // (254 + 396 + 512 + 471 + 388 + 471 + 603 + 445 + 463 + 529 + 418) / 11
    assert_eq!(F::of(&avg["total"]), F::new(4950, 11));
    assert_eq!(avg["n"], 11);
    assert_eq!(avg["areas"], json!([]), "totals only: no area has a mean");
    assert!(avg.get("country").is_none());

    // Eksempelvik 2026 among them (its 2022 stays a member of its own).
    let assessment = sample_assessment(dir.path());
    let report = run(kompass(dir.path())
        .args(["--lang", "nb", "report"])
        .arg(&assessment)
        .args(["--format", "json", "--benchmark"])
        .arg(&out));
    assert_eq!(report.code, 0, "{}", report.stderr);
    let model: Value = serde_json::from_str(&report.stdout).unwrap();
    let total = model["total"]["points"]["value"].as_f64().unwrap().round() as i64;
    let higher = [254, 396, 512, 471, 388, 471, 603, 445, 463, 529, 418]
        .iter()
        .filter(|&&t| t > total)
        .count();
    let bm = &model["benchmark"];
    assert_eq!(bm["name"], "Snitt Norge 2013-2023, 11 evalueringer");
    assert_eq!(bm["n"], 12, "the eleven and this one");
    assert_eq!(bm["rank"]["total"], higher + 1, "total {total}");
    assert_eq!(bm["rank"]["areas"], json!([]), "no member has areas");
    let own: Vec<&Value> = bm["points"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|p| p["own"] == true)
        .collect();
    assert_eq!(own.len(), 2, "Eksempelvik 2022 and 2026 are marked");
    // The average stands beside the scores, with its n.
    let baselines = model["baselines"].as_array().unwrap();
    assert!(baselines.iter().any(|b| b["n"] == 11), "{baselines:?}");

    // Ties share a rank: 471 twice.
    let tied = dir.path().join("tied.json");
    let mut a: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    for m in a["members"].as_array_mut().unwrap() {
        if m["municipality"] == "Eksempelvik" {
            m["year"] = json!(2026);
        }
    }
    std::fs::write(&tied, serde_json::to_vec_pretty(&a).unwrap()).unwrap();
    let model: Value = serde_json::from_str(
        &run(kompass(dir.path())
            .arg("report")
            .arg(&assessment)
            .args(["--format", "json", "--benchmark"])
            .arg(&tied))
        .stdout,
    )
    .unwrap();
    assert_eq!(
        model["benchmark"]["n"], 11,
        "the member that is this evaluation is replaced by it"
    );
}

#[test]
fn conflicting_figures_another_bank_and_another_country_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let published = published_totals(dir.path());
    let out = dir.path().join("snitt.json");
    let benchmark = |paths: &[&Path], extra: &[&str]| {
        let mut cmd = kompass(dir.path());
        cmd.args(["--lang", "en", "benchmark"]);
        for p in paths {
            cmd.arg(p);
        }
        run(cmd.args(["--name", "Snitt", "-o"]).arg(&out).args(extra))
    };

    // The same evaluation with another total.
    let other = dir.path().join("other/havnby.json");
    write_json(
        &other,
        &baseline("Havnby 2014", 2014, Some(json!(515)), json!([])),
    );
    let r = benchmark(&[&published, &other], &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("havnby-2014.json") && r.stderr.contains("other/havnby.json"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains("512") && r.stderr.contains("515"),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("nothing written"), "{}", r.stderr);
    assert!(!out.exists());

    // The same evaluation and the same total, twice: once.
    write_json(
        &other,
        &baseline("Havnby 2014", 2014, Some(json!(512)), json!([])),
    );
    let r = benchmark(&[&published, &other], &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.contains("counted once"), "{}", r.stderr);
    std::fs::remove_file(&other).unwrap();
    std::fs::remove_file(&out).unwrap();

    // An assessment of another bank.
    let assessment = sample_assessment(dir.path());
    let mut a: Value = serde_json::from_slice(&std::fs::read(&assessment).unwrap()).unwrap();
    a["bank"]["id"] = json!("kommunkompassen-se");
    let swedish = dir.path().join("swedish/assessment.json");
    write_json(&swedish, &a);
    let r = benchmark(&[&published, &swedish], &[]);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("kommunkompassen-se"), "{}", r.stderr);

    // Score output of another bank.
    let scores = dir.path().join("scores/other.json");
    write_json(
        &scores,
        &json!({"municipalities": [{"municipality": "X", "total": 1, "total_exact": "1", "areas": []}],
                "bank": {"id": "kommunkompassen-se", "version": "2020.1", "sha256": "00"}}),
    );
    let r = benchmark(&[&published, &scores], &[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("kommunkompassen-se 2020.1"),
        "{}",
        r.stderr
    );

    // A Swedish evaluation in a Norwegian average.
    let se = dir.path().join("se/lund.json");
    let mut doc = baseline("Lund 2015", 2015, Some(json!(500)), json!([]));
    doc["format_version"] = json!(2);
    doc["country"] = json!("se");
    write_json(&se, &doc);
    let r = benchmark(&[&published, &se], &["--country", "no"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("lund.json") && r.stderr.contains("Sweden"),
        "{}",
        r.stderr
    );
    assert!(!out.exists());
}

#[test]
fn the_report_ranks_per_area_and_shows_the_history() {
    let dir = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let assessment = sample_assessment(dir.path());
    let baselines = root.join("sessions/baselines");
    let mut cmd = kompass(dir.path());
    cmd.args(["--lang", "nb", "report"]).arg(&assessment);
    for name in ["eksempelvik-2014", "eksempelvik-2018", "eksempelvik-2022"] {
        cmd.arg("--baseline")
            .arg(baselines.join(format!("{name}.json")));
    }
    cmd.arg("--benchmark")
        .arg(baselines.join("nasjonalt-snitt-2026.json"));
    let model: Value = serde_json::from_str(&run(cmd.args(["--format", "json"])).stdout).unwrap();
    let bm = &model["benchmark"];
    assert_eq!(bm["rank"]["areas"].as_array().unwrap().len(), 8);
    assert!(
        bm["name"].as_str().unwrap().contains("evalueringer"),
        "{bm}"
    );
    let h = &model["history"];
    let years: Vec<i64> = h["columns"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["year"].as_i64().unwrap())
        .collect();
    assert_eq!(years, [2014, 2018, 2022, 2026]);
    // 2018 was published as a total only.
    assert!(h["areas"][0]["values"][1].is_null());
    assert!(!h["total"]["values"][1].is_null());
    // Area 1's change in 2022 is measured from 2014, across the gap.
    let a1 = &h["areas"][0];
    let shown = |i: usize| {
        a1["values"][i]["display"]
            .as_str()
            .unwrap()
            .parse::<i64>()
            .unwrap()
    };
    assert_eq!(a1["changes"][2]["value"], shown(2) - shown(0));
    assert_eq!(a1["changes"][2]["since"], "2014");
}

#[test]
fn the_demos_national_average_is_what_benchmark_computes_from_its_members() {
    let dir = tempfile::tempdir().unwrap();
    let root = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    let out = dir.path().join("snitt.json");
    // The command scripts/make_sample_sessions.py runs.
    let r = run(kompass(dir.path())
        .current_dir(&root)
        .args(["--lang", "en", "benchmark", "sessions/benchmark"])
        .args(["2014", "2018", "2022"].map(|y| format!("sessions/baselines/eksempelvik-{y}.json")))
        .args(["--name", "Nasjonalt snitt 2026", "--country", "no", "-o"])
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        std::fs::read_to_string(&out).unwrap(),
        std::fs::read_to_string(root.join("sessions/baselines/nasjonalt-snitt-2026.json")).unwrap()
    );
    let avg: Value = serde_json::from_slice(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(avg["n"], 27);
    assert_eq!(avg["fictional"], true, "made of fictional evaluations");
    assert_eq!(avg["areas"][0]["n"], 18, "9 of the 27 are totals only");
}
