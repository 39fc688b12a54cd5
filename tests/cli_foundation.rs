//! The foundation's command line: bank, validate and score, on good and bad input.

mod common;

use common::{fingerprint, kompass, listing, run, session, write_session};
use kompass::core::bank::{BUILTIN, Bank};

#[test]
fn shipped_bank_checks_clean_and_shows_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let r = run(kompass(dir.path()).args(["bank", "check", "assets/banks/kommunekompasset.json"]));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.ends_with("ok\n"));
    let out = kompass(dir.path())
        .args(["bank", "show", "--json"])
        .output()
        .unwrap();
    assert_eq!(out.stdout, BUILTIN);
    let r = run(kompass(dir.path()).args(["bank", "show", "--role", "union_rep"]));
    assert!(
        r.stdout.contains("7.3.1") && !r.stdout.contains("1.1.1 "),
        "{}",
        r.stdout
    );
    let r = run(kompass(dir.path()).args(["bank", "show", "--role", "pope"]));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("ukjent rolle «pope»; kjente roller: mayor, chief_executive"),
        "{}",
        r.stderr
    );
}

#[test]
fn bank_check_names_each_problem_and_exits_1() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(BUILTIN).unwrap();
    v["areas"][2]["subareas"][1]["max_points"] = 45.into();
    v["areas"][0]["subareas"][0]["questions"][0]["roles"] = serde_json::json!([]);
    let path = dir.path().join("bank.json");
    std::fs::write(&path, serde_json::to_vec(&v).unwrap()).unwrap();
    let r = run(kompass(dir.path()).arg("bank").arg("check").arg(&path));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("område 3: delområdene summerer til 105,00, men områdets maks er 100,00"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .contains("spørsmål 1.1.1: stilles til ingen rolle, så ingen intervjuer når det"),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr
            .lines()
            .all(|l| l.starts_with(&path.display().to_string())),
        "{}",
        r.stderr
    );
}

#[test]
fn validate_reports_file_and_place_and_writes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let good = write_session(
        dir.path(),
        &session(&bank, "GOOD", "Eksempelvik", "mayor", 3),
    );
    let mut bad = session(&bank, "BAD", "Eksempelvik", "mayor", 3);
    bad.answers.get_mut("1.1.1").unwrap().scores.extent = Some(kompass::core::exact::int(7));
    let bad = write_session(dir.path(), &bad);
    let broken = dir.path().join("broken.json");
    std::fs::write(
        &broken,
        b"{\n  \"format\": \"kompass.session\",\n  \"format_version\": 1,\n  \"id\": \"x\",,\n}",
    )
    .unwrap();
    let before = [fingerprint(&good), fingerprint(&bad), fingerprint(&broken)];
    let files_before = listing(dir.path());

    let r = run(kompass(dir.path()).arg("validate").arg(dir.path()));
    assert_eq!(r.code, 1);
    assert!(
        r.stdout.contains(&format!("{}: ok", good.display())),
        "{}",
        r.stdout
    );
    assert!(
        r.stderr.contains(&format!(
            "{}: spørsmål 1.1.1: Omfang: 7 er utenfor skalaen 0–4",
            bad.display()
        )),
        "{}",
        r.stderr
    );
    assert!(
        r.stderr.contains(&format!("{}:4:", broken.display())),
        "{}",
        r.stderr
    );
    assert_eq!(
        [fingerprint(&good), fingerprint(&bad), fingerprint(&broken)],
        before
    );
    assert_eq!(listing(dir.path()), files_before);

    let r = run(kompass(dir.path()).arg("validate").arg(&good));
    assert_eq!(r.code, 0, "{}", r.stderr);
}

#[test]
fn a_session_of_another_bank_version_is_refused_naming_both() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let mut s = session(&bank, "OLD", "Eksempelvik", "mayor", 3);
    s.bank.version = "2019.2".into();
    let path = write_session(dir.path(), &s);
    let r = run(kompass(dir.path()).arg("score").arg(&path));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("kommunekompasset 2019.2")
            && r.stderr.contains("kommunekompasset 2026.1"),
        "{}",
        r.stderr
    );
}

#[test]
fn score_prints_a_table_and_exact_json() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let path = write_session(
        dir.path(),
        &session(&bank, "A", "Eksempelvik", "chief_executive", 2),
    );
    let r = run(kompass(dir.path()).arg("score").arg("--json").arg(&path));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert_eq!(v["max"], 800);
    assert_eq!(v["areas"].as_array().unwrap().len(), 8);
    let asked: u64 = v["areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["scored"].as_u64().unwrap())
        .sum();
    assert!(asked > 60, "the chief executive is asked nearly everything");
    let r = run(kompass(dir.path())
        .args(["--lang", "nb", "score"])
        .arg(&path));
    assert!(
        r.stdout.contains("Totalt") && r.stdout.contains("1.1 Strategi for kommunikasjon"),
        "{}",
        r.stdout
    );
    assert!(
        r.stdout.contains(",0 "),
        "sub-areas carry one decimal with a comma: {}",
        r.stdout
    );
}

#[test]
fn several_sessions_merge_and_conflicts_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let bank = Bank::builtin();
    let a = write_session(
        dir.path(),
        &session(&bank, "A", "Eksempelvik", "union_rep", 1),
    );
    let b = write_session(
        dir.path(),
        &session(&bank, "B", "Eksempelvik", "union_rep", 4),
    );
    let r = run(kompass(dir.path())
        .arg("score")
        .arg("--json")
        .arg(&a)
        .arg(&b));
    assert_eq!(r.code, 0, "{}", r.stderr);
    let merged: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let single: serde_json::Value =
        serde_json::from_str(&run(kompass(dir.path()).arg("score").arg("--json").arg(&a)).stdout)
            .unwrap();
    // The median of 1 and 4 is 2.5 on every dimension: 2.5/4 of what 4 would give.
    assert!(merged["total"].as_f64().unwrap() > single["total"].as_f64().unwrap());

    let copy_dir = dir.path().join("copy");
    std::fs::create_dir(&copy_dir).unwrap();
    std::fs::copy(&a, copy_dir.join("A.json")).unwrap();
    let r = run(kompass(dir.path()).arg("score").arg(dir.path()));
    assert_eq!(r.code, 0, "identical copies count once: {}", r.stderr);

    let mut changed = session(&bank, "A", "Eksempelvik", "union_rep", 1);
    changed.priorities.push("Endret etterpå".into());
    write_session(&copy_dir, &changed);
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "score"])
        .arg(dir.path()));
    assert_eq!(r.code, 1);
    let both = format!(
        "session A has different contents in {} and {}",
        a.display(),
        copy_dir.join("A.json").display()
    );
    assert!(r.stderr.contains(&both), "{}", r.stderr);

    let other = dir.path().join("other");
    std::fs::create_dir(&other).unwrap();
    let c = write_session(&other, &session(&bank, "C", "Nabovik", "mayor", 2));
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "score"])
        .arg(&a)
        .arg(&c));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("2 municipalities: Eksempelvik (1 interview), Nabovik (1 interview)"),
        "{}",
        r.stderr
    );
}

#[test]
fn usage_errors_exit_2_and_help_works() {
    let dir = tempfile::tempdir().unwrap();
    assert_eq!(run(kompass(dir.path()).arg("score")).code, 2);
    assert_eq!(run(kompass(dir.path()).arg("no-such-command")).code, 2);
    for sub in [
        "interview",
        "review",
        "demo",
        "score",
        "merge",
        "report",
        "validate",
        "bank",
        "import-results",
        "completions",
    ] {
        let r = run(kompass(dir.path()).args([sub, "--help"]));
        assert_eq!(r.code, 0, "{sub} --help");
    }
    let r = run(kompass(dir.path()).arg("--version"));
    assert!(r.stdout.starts_with("kompass "));
    let r = run(kompass(dir.path()).args(["completions", "bash"]));
    assert!(r.code == 0 && r.stdout.contains("kompass"));
    let r = run(kompass(dir.path()).arg("man"));
    assert!(
        r.code == 0 && r.stdout.contains(".TH kompass"),
        "{}",
        &r.stdout[..200.min(r.stdout.len())]
    );
}

#[test]
fn a_custom_bank_is_used_with_dash_dash_bank() {
    let dir = tempfile::tempdir().unwrap();
    let mut v: serde_json::Value = serde_json::from_slice(BUILTIN).unwrap();
    v["id"] = "svensk".into();
    v["version"] = "1".into();
    let path = dir.path().join("custom.json");
    std::fs::write(&path, serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let r = run(kompass(dir.path())
        .arg("--bank")
        .arg(&path)
        .args(["bank", "show"]));
    assert!(r.stdout.contains("(svensk)"), "{}", r.stdout);
    let bank = Bank::builtin();
    let s = write_session(dir.path(), &session(&bank, "A", "Eksempelvik", "mayor", 2));
    let r = run(kompass(dir.path())
        .arg("--bank")
        .arg(&path)
        .arg("score")
        .arg(&s));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("den aktive banken er svensk 1"),
        "{}",
        r.stderr
    );
}
