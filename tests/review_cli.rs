//! `kompass merge`, `kompass score` on an assessment, and opening a review:
//! through the real binary and the storage API, on files in a temp dir.

mod common;

use std::path::{Path, PathBuf};

use common::{Snapshot, fingerprint, kompass, run, session, write_session};
use kompass::core::bank::Bank;
use kompass::core::exact::{Exact, int};
use kompass::core::lang::Lang;
use kompass::core::review::{OpenError, question};
use kompass::core::scoring;
use kompass::core::session::Scores;
use kompass::storage;

/// Four interviews of Eksempelvik in `dir/eksempelvik`, one of Nabovik in
/// `dir/nabovik`; returns the Eksempelvik directory.
fn sessions(dir: &Path) -> PathBuf {
    let bank = Bank::builtin();
    let eks = dir.join("eksempelvik");
    std::fs::create_dir_all(&eks).unwrap();
    for (id, role, value) in [
        ("A", "mayor", 4),
        ("B", "union_rep", 1),
        ("C", "chief_executive", 3),
        ("D", "unit_leader", 2),
    ] {
        let mut s = session(&bank, id, "Eksempelvik", role, value);
        s.priorities = vec!["Bedre intern kommunikasjon".into(), format!("Tema {id}")];
        write_session(&eks, &s);
    }
    let nab = dir.join("nabovik");
    std::fs::create_dir_all(&nab).unwrap();
    write_session(&nab, &session(&bank, "N", "Nabovik", "mayor", 2));
    eks
}

fn score_json(dir: &Path, paths: &[&Path]) -> serde_json::Value {
    let r = run(kompass(dir).arg("score").arg("--json").args(paths));
    assert_eq!(r.code, 0, "{}", r.stderr);
    serde_json::from_str(&r.stdout).unwrap()
}

#[test]
fn merge_writes_the_default_merge_and_leaves_sessions_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let eks = sessions(dir.path());
    let before = Snapshot::take(&eks);
    let out = dir.path().join("out/assessment.json");
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "merge"])
        .arg(&eks)
        .arg("-o")
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.contains("Eksempelvik, 4 interviews"),
        "{}",
        r.stdout
    );
    assert_eq!(
        Snapshot::take(&eks),
        before,
        "merge never touches a session file"
    );

    let bank = Bank::builtin();
    let (a, warnings) = storage::load_assessment(&out, &bank).unwrap();
    assert!(warnings.is_empty());
    assert_eq!(a.sessions.len(), 4);
    assert!(a.questions.values().all(|q| q.decision.is_none()));
    let findings: usize = a.findings.values().map(Vec::len).sum();
    let given: usize = a.questions.values().map(|q| q.interviews.len()).sum();
    assert_eq!(
        findings, given,
        "every finding as given: one per scored answer here"
    );
    let theme = a
        .priorities
        .iter()
        .find(|g| g.items.len() == 4)
        .expect("the shared priority is one theme");
    assert_eq!(theme.theme, "Kommunikasjon");

    // The assessment's points are the sessions' default merge, exactly.
    assert_eq!(
        score_json(dir.path(), &[&out]),
        score_json(dir.path(), &[&eks])
    );
}

#[test]
fn score_of_an_assessment_counts_the_overrides() {
    let dir = tempfile::tempdir().unwrap();
    let eks = sessions(dir.path());
    let out = dir.path().join("a.json");
    assert_eq!(
        run(kompass(dir.path())
            .arg("merge")
            .arg(&eks)
            .arg("-o")
            .arg(&out))
        .code,
        0
    );
    let bank = Bank::builtin();
    let (mut a, _) = storage::load_assessment(&out, &bank).unwrap();
    let half = Scores {
        system: Some(Exact::new(7, 2)),
        extent: Some(int(0)),
        results: Some(int(1)),
    };
    question::override_scores(
        &mut a,
        &bank,
        "1.1.1",
        half,
        "Planen er vedtatt, men ikke i bruk",
    )
    .unwrap();
    question::accept(&mut a, "7.3.1").unwrap();
    storage::save_assessment(&out, &a).unwrap();

    let printed = score_json(dir.path(), &[&out]);
    let expected: serde_json::Value =
        serde_json::from_str(&scoring::score(&bank, &a.reconciled(), Some(&a.roles())).to_json())
            .unwrap();
    assert_eq!(printed, expected);
    assert_ne!(
        printed,
        score_json(dir.path(), &[&eks]),
        "the override changes the points"
    );
    // 1.1 (20 points, two questions): 10 x (3.5 + 0 + 1) / 12 = 3.75 for 1.1.1.
    let merged_111 = a.questions["1.1.1"].suggested.sum().unwrap();
    let delta = printed["areas"][0]["subareas"][0]["points"]
        .as_f64()
        .unwrap()
        - score_json(dir.path(), &[&eks])["areas"][0]["subareas"][0]["points"]
            .as_f64()
            .unwrap();
    let want = 10.0 * (4.5 - kompass::core::exact::to_f64(merged_111)) / 12.0;
    assert!((delta - want).abs() < 1e-9, "{delta} vs {want}");

    let r = run(kompass(dir.path())
        .args(["--lang", "en", "score"])
        .arg(&out));
    assert!(
        r.stdout
            .starts_with("Eksempelvik: assessment (4 interviews, 2/75 decided, 1 overridden)"),
        "{}",
        r.stdout
    );
}

#[test]
fn merge_refuses_to_overwrite_work_other_municipalities_and_other_files() {
    let dir = tempfile::tempdir().unwrap();
    let eks = sessions(dir.path());
    let out = dir.path().join("a.json");
    let merge = |extra: &[&str]| {
        run(kompass(dir.path())
            .args(["--lang", "en", "merge"])
            .arg(&eks)
            .arg("-o")
            .arg(&out)
            .args(extra))
    };
    assert_eq!(merge(&[]).code, 0);
    assert_eq!(
        merge(&[]).code,
        0,
        "a merge without reviewer work may be redone"
    );

    let bank = Bank::builtin();
    let (mut a, _) = storage::load_assessment(&out, &bank).unwrap();
    kompass::core::review::question::accept(&mut a, "2.1.1").unwrap();
    storage::save_assessment(&out, &a).unwrap();
    let worked = std::fs::read(&out).unwrap();
    let r = merge(&[]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("holds work this merge would not reproduce (1 decision); not overwritten"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&out).unwrap(), worked);
    assert_eq!(merge(&["--force"]).code, 0);
    assert_eq!(
        std::fs::read(storage::backup_path(&out)).unwrap(),
        worked,
        "the old file is kept"
    );

    let r = run(kompass(dir.path())
        .args(["--lang", "en", "merge"])
        .arg(dir.path().join("nabovik"))
        .arg("-o")
        .arg(&out));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("is the assessment of Eksempelvik, not of Nabovik"),
        "{}",
        r.stderr
    );

    let session_file = eks.join("A.json");
    let before = std::fs::read(&session_file).unwrap();
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "merge"])
        .arg(&eks)
        .arg("-o")
        .arg(&session_file)
        .arg("--force"));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("is a file of the format \"kompass.session\", not an assessment"),
        "{}",
        r.stderr
    );
    assert_eq!(std::fs::read(&session_file).unwrap(), before);

    let r = run(kompass(dir.path())
        .args(["--lang", "en", "merge"])
        .arg(dir.path())
        .arg("-o")
        .arg(dir.path().join("x.json")));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.contains("2 municipalities: Eksempelvik (4 interviews), Nabovik (1 interview); choose one with --municipality"),
        "{}",
        r.stderr
    );
}

#[test]
fn merge_refuses_a_conflict_naming_the_id_and_both_files() {
    let dir = tempfile::tempdir().unwrap();
    let eks = sessions(dir.path());
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let mut other = session(&Bank::builtin(), "B", "Eksempelvik", "union_rep", 1);
    other.interviewer = "Per Konsulent".into();
    write_session(&usb, &other);
    std::fs::copy(eks.join("A.json"), usb.join("A.json")).unwrap();
    let out = dir.path().join("a.json");
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "merge"])
        .arg(&eks)
        .arg(&usb)
        .arg("-o")
        .arg(&out));
    assert_eq!(r.code, 1);
    let line = format!(
        "session B has different contents in {} and {}; keep one of them",
        eks.join("B.json").display(),
        usb.join("B.json").display()
    );
    assert_eq!(
        r.stderr.trim(),
        line,
        "A's identical copy counts once, silently"
    );
    assert!(!out.exists());
}

#[test]
fn opening_a_review_reads_only_and_finds_its_state() {
    let dir = tempfile::tempdir().unwrap();
    let eks = sessions(dir.path());
    let bank = Bank::builtin();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap();
    let before = Snapshot::take(dir.path());
    let open = |municipality: Option<&str>| {
        storage::open_review(
            &bank,
            &[dir.path().to_owned()],
            municipality,
            &[],
            dir.path(),
            now,
            Lang::En,
        )
    };
    match open(None) {
        Err(OpenError::ChooseMunicipality(groups)) => assert_eq!(groups.len(), 2),
        other => panic!("{other:?}"),
    }
    let mut review = open(Some("eksempelvik")).unwrap();
    assert_eq!(Snapshot::take(dir.path()), before, "opening writes nothing");
    assert!(!review.existing);
    assert_eq!(review.assessment_path, eks.join("assessment.json"));
    assert_eq!(review.assessment.sessions.len(), 4);
    assert_eq!(review.assessment.sessions[0].path, "eksempelvik/A.json");

    let files: Vec<PathBuf> = ["A", "B", "C", "D"]
        .iter()
        .map(|id| eks.join(format!("{id}.json")))
        .collect();
    let prints: Vec<_> = files.iter().map(|f| fingerprint(f)).collect();
    question::accept(&mut review.assessment, "1.1.1").unwrap();
    storage::save_review(&mut review, now).unwrap();
    assert!(review.existing);
    let after: Vec<_> = files.iter().map(|f| fingerprint(f)).collect();
    assert_eq!(
        after, prints,
        "saving the review writes only the assessment"
    );

    // Reopened: the saved state, with a changed session pointed out.
    let mut changed = session(&bank, "D", "Eksempelvik", "unit_leader", 3);
    changed.priorities = vec!["Bedre intern kommunikasjon".into()];
    write_session(&eks, &changed);
    let mut review = open(Some("Eksempelvik")).unwrap();
    assert!(review.existing);
    assert!(review.assessment.questions["1.1.1"].is_decided());
    assert_eq!(review.stale.changed, vec!["D"]);
    let report = review.refresh(&bank);
    assert_eq!(report.updated, vec!["D"]);
    assert!(review.stale.is_empty());
    assert!(review.assessment.questions["1.1.1"].is_decided());
}

/// Issue 13, item 3: `merge` and `score` read without notes for speed, and
/// once took two versions differing only in their notes for one interview.
#[test]
fn versions_differing_only_in_notes_are_refused_and_reformatted_copies_are_not() {
    let dir = tempfile::tempdir().unwrap();
    let eks = sessions(dir.path());
    let usb = dir.path().join("usb");
    std::fs::create_dir(&usb).unwrap();
    let path = eks.join("B.json");
    let mut v: serde_json::Value = serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
    // A reformatted copy: no whitespace, keys in another order.
    std::fs::write(usb.join("B.json"), serde_json::to_vec(&v).unwrap()).unwrap();
    let out = dir.path().join("a.json");
    let merge = |args: &[&Path]| {
        run(kompass(dir.path())
            .args(["--lang", "en", "merge"])
            .args(args)
            .arg("-o")
            .arg(&out)
            .arg("--force"))
    };
    let r = merge(&[&eks, &usb]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    let score = run(kompass(dir.path())
        .args(["score", "--json"])
        .arg(&eks)
        .arg(&usb));
    assert_eq!(score.code, 0, "{}", score.stderr);

    let notes = v["answers"]["1.1.1"]["notes"]
        .as_str()
        .unwrap_or("")
        .to_owned();
    v["answers"]["1.1.1"]["notes"] = format!("{notes} Ett ord til.").into();
    std::fs::write(usb.join("B.json"), serde_json::to_vec_pretty(&v).unwrap()).unwrap();
    let line = format!(
        "session B has different contents in {} and {}; keep one of them",
        path.display(),
        usb.join("B.json").display()
    );
    let r = merge(&[&eks, &usb]);
    assert_eq!((r.code, r.stderr.trim()), (1, line.as_str()));
    let score = run(kompass(dir.path())
        .args(["--lang", "en", "score"])
        .arg(&eks)
        .arg(&usb));
    assert_eq!((score.code, score.stderr.trim()), (1, line.as_str()));
}

/// Issue 13, item 12: one cut-off session file no longer stops a review;
/// `merge` and `score` refuse it unless told `--skip-bad`.
#[test]
fn a_cut_off_session_is_listed_by_the_review_and_refused_by_merge_unless_skipped() {
    let dir = tempfile::tempdir().unwrap();
    let eks = sessions(dir.path());
    let bad = eks.join("D.json");
    let bytes = std::fs::read(&bad).unwrap();
    std::fs::write(eks.join("D.json.bak"), &bytes).unwrap();
    let cut = &bytes[..bytes.len() / 2];
    std::fs::write(&bad, cut).unwrap();
    let line = cut.iter().filter(|&&b| b == b'\n').count() + 1;

    let bank = Bank::builtin();
    let now = chrono::DateTime::parse_from_rfc3339("2026-12-01T10:00:00+01:00").unwrap();
    let review = storage::open_review(
        &bank,
        std::slice::from_ref(&eks),
        None,
        &[],
        dir.path(),
        now,
        Lang::Nb,
    )
    .unwrap();
    assert_eq!(review.assessment.sessions.len(), 3);
    assert_eq!(review.bad_files.len(), 1);
    assert_eq!(review.bad_files[0].file, bad);
    assert_eq!(review.bad_files[0].backup, Some(eks.join("D.json.bak")));
    let overview =
        kompass::core::review::open::bad_files_line(&review.bad_files, Lang::Nb).unwrap();
    let expected_start = format!("1 fil kunne ikke leses: {} linje {line}: ", bad.display());
    assert!(overview.starts_with(&expected_start), "{overview}");
    assert!(
        overview.ends_with(&format!(
            "; en sikkerhetskopi finnes: {}.bak",
            bad.display()
        )),
        "{overview}"
    );
    assert_eq!(
        review.warnings[0], overview,
        "shown until the overview lists it"
    );

    let out = dir.path().join("a.json");
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "merge"])
        .arg(&eks)
        .arg("-o")
        .arg(&out));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(&format!("{}:{line}:", bad.display())),
        "{}",
        r.stderr
    );
    assert!(r.stderr.contains("--skip-bad"), "{}", r.stderr);
    assert!(r.stderr.contains("a backup exists"), "{}", r.stderr);
    assert!(!out.exists());
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "score"])
        .arg(&eks));
    assert_eq!(r.code, 1, "{}", r.stderr);
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "merge", "--skip-bad"])
        .arg(&eks)
        .arg("-o")
        .arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stderr.starts_with("left out: "), "{}", r.stderr);
    assert!(r.stdout.contains("3 interviews"), "{}", r.stdout);
    let r = run(kompass(dir.path()).args(["score", "--skip-bad"]).arg(&eks));
    assert_eq!(r.code, 0, "{}", r.stderr);
}
