//! `kompass score --by-municipality` and `kompass merge --by-municipality`:
//! a tree of several municipalities scored or merged from one read, each
//! result what `kompass score` or `kompass merge` gives for that
//! municipality's directory alone.

mod common;

use std::path::{Path, PathBuf};

use common::{Snapshot, kompass, listing, run, session, write_session};
use kompass::core::bank::Bank;
use kompass::core::baseline::{Baseline, BaselineKind};
use kompass::core::slug::slug;
use kompass::storage;
use serde_json::Value;

/// A year in `dir/year`: Nabovik's three interviews in `a/`, Eksempelvik's
/// two in `b/`, Østvik's one in `c/` (directory order is not name order).
/// Returns the tree and the three directories in name order.
fn year(dir: &Path) -> (PathBuf, Vec<(&'static str, PathBuf)>) {
    let bank = Bank::builtin();
    let tree = dir.join("year");
    let mut dirs = Vec::new();
    for (sub, name, interviews) in [
        (
            "a",
            "Nabovik",
            &[
                ("N1", "mayor", 1),
                ("N2", "union_rep", 4),
                ("N3", "unit_leader", 2),
            ][..],
        ),
        (
            "b",
            "Eksempelvik",
            &[("E1", "chief_executive", 3), ("E2", "union_rep", 2)][..],
        ),
        ("c", "Østvik", &[("O1", "mayor", 4)][..]),
    ] {
        let d = tree.join(sub);
        std::fs::create_dir_all(&d).unwrap();
        for &(id, role, value) in interviews {
            write_session(&d, &session(&bank, id, name, role, value));
        }
        dirs.push((name, d));
    }
    dirs.sort_by_key(|(name, _)| name.to_lowercase());
    (tree, dirs)
}

/// `kompass --lang LANG score ARGS... PATHS...`.
fn score_in(lang: &str, dir: &Path, args: &[&str], paths: &[&Path]) -> common::Run {
    run(kompass(dir)
        .args(["--lang", lang, "score"])
        .args(args)
        .args(paths))
}

/// `score` in English, which must succeed.
fn score(dir: &Path, args: &[&str], paths: &[&Path]) -> common::Run {
    let r = score_in("en", dir, args, paths);
    assert_eq!(r.code, 0, "{}", r.stderr);
    r
}

/// `score` in `lang`, which must fail with exit code 1 and print nothing
/// on standard output; returns standard error.
fn refused(lang: &str, dir: &Path, args: &[&str], paths: &[&Path]) -> String {
    let r = score_in(lang, dir, args, paths);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{}", r.stderr);
    r.stderr
}

fn json(r: &common::Run) -> Value {
    serde_json::from_str(&r.stdout).unwrap()
}

#[test]
fn each_scorecard_is_what_scoring_its_directory_alone_gives() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, dirs) = year(dir.path());
    let before = Snapshot::take(dir.path());
    let r = score(dir.path(), &["--json", "--by-municipality"], &[&tree]);
    assert!(
        r.stdout.starts_with("{\n  \"municipalities\": [\n"),
        "{}",
        r.stdout
    );
    let document = json(&r);
    let object = document.as_object().unwrap();
    assert_eq!(
        object.keys().collect::<Vec<_>>(),
        ["bank", "municipalities"]
    );
    assert_eq!(document["bank"]["id"], "kommunekompasset");
    let items = document["municipalities"].as_array().unwrap();
    assert_eq!(items.len(), dirs.len());
    for (item, (name, d)) in items.iter().zip(&dirs) {
        let mut alone = json(&score(dir.path(), &["--json"], &[d]));
        let interviews = std::fs::read_dir(d).unwrap().count();
        // The item is the object plain `score --json` prints, named.
        let alone = alone.as_object_mut().unwrap();
        alone.insert("municipality".into(), (*name).into());
        alone.insert("interviews".into(), interviews.into());
        alone.insert("year".into(), 2026.into());
        assert_eq!(item.as_object().unwrap(), alone, "{name}");
    }
    assert_eq!(
        items
            .iter()
            .map(|i| i["municipality"].as_str().unwrap())
            .collect::<Vec<_>>(),
        ["Eksempelvik", "Nabovik", "Østvik"],
        "in name order, not directory order"
    );
    // The scores differ between municipalities, so a mix-up would show.
    assert_ne!(items[0]["total"], items[1]["total"]);
    assert_eq!(Snapshot::take(dir.path()), before, "scoring writes nothing");
}

#[test]
fn the_tables_are_the_single_municipality_tables_in_a_row() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, dirs) = year(dir.path());
    for lang in ["en", "nb"] {
        let each = |paths: &[&Path], flag: &[&str]| {
            let r = score_in(lang, dir.path(), flag, paths);
            assert_eq!(r.code, 0, "{}", r.stderr);
            r.stdout
        };
        let alone: Vec<String> = dirs.iter().map(|(_, d)| each(&[d], &[])).collect();
        assert_eq!(each(&[&tree], &["--by-municipality"]), alone.join("\n"));
    }
    let r = score(dir.path(), &["--by-municipality"], &[&tree]);
    assert!(
        r.stdout
            .starts_with("Eksempelvik: 2 interviews, median per dimension\n")
            && r.stdout
                .contains("\nNabovik: 3 interviews, median per dimension\n")
            && r.stdout
                .contains("\nØstvik: Person O1 (Mayor and executive committee)\n"),
        "{}",
        r.stdout
    );
}

#[test]
fn without_the_flag_several_municipalities_are_refused_naming_it() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, _) = year(dir.path());
    assert_eq!(
        refused("en", dir.path(), &[], &[&tree]),
        "the paths hold interviews of 3 municipalities: Eksempelvik (2 interviews), \
         Nabovik (3 interviews), Østvik (1 interview); give the files of one \
         municipality, or score each with --by-municipality\n"
    );
    let nb = refused("nb", dir.path(), &["--json"], &[&tree]);
    assert!(
        nb.starts_with("stiene har intervjuer fra 3 kommuner: Eksempelvik (2 intervjuer)")
            && nb.contains("skår hver for seg med --by-municipality"),
        "{nb}"
    );
    // merge offers both of its ways.
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "merge", "-o"])
        .arg(dir.path().join("x.json"))
        .arg(&tree));
    assert!(
        r.stderr
            .ends_with("; choose one with --municipality, or merge each with --by-municipality\n"),
        "{}",
        r.stderr
    );
}

#[test]
fn one_bad_file_fails_the_run_naming_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, dirs) = year(dir.path());
    let broken = dirs[1].1.join("broken.json");
    std::fs::write(&broken, "{\"format\": \"kompass.session\",\n \"id\": }\n").unwrap();
    // No partial year is printed.
    let e = refused("en", dir.path(), &["--json", "--by-municipality"], &[&tree]);
    assert!(e.starts_with(&format!("{}:2:", broken.display())), "{e}");
}

#[test]
fn conflicts_in_several_municipalities_are_all_listed() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, dirs) = year(dir.path());
    let bank = Bank::builtin();
    let copies = tree.join("usb");
    std::fs::create_dir(&copies).unwrap();
    write_session(&copies, &session(&bank, "E1", "Eksempelvik", "mayor", 0));
    write_session(&copies, &session(&bank, "O1", "Østvik", "mayor", 0));
    // An identical copy counts once, as in plain `score`.
    std::fs::copy(dirs[1].1.join("N1.json"), copies.join("N1.json")).unwrap();
    let e = refused("en", dir.path(), &["--by-municipality"], &[&tree]);
    let lines: Vec<&str> = e.lines().collect();
    assert_eq!(lines.len(), 2, "{e}");
    assert!(lines[0].starts_with("session E1 has different contents in"));
    assert!(lines[1].starts_with("session O1 has different contents in"));
}

#[test]
fn assessments_are_passed_over_and_a_municipality_with_only_one_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, dirs) = year(dir.path());
    let plain = score(dir.path(), &["--json", "--by-municipality"], &[&tree]).stdout;
    let eks_assessment = dirs[0].1.join("assessment.json");
    let r = run(kompass(dir.path())
        .args(["merge", "-o"])
        .arg(&eks_assessment)
        .arg(&dirs[0].1));
    assert_eq!(r.code, 0, "{}", r.stderr);

    let r = score(dir.path(), &["--json", "--by-municipality"], &[&tree]);
    assert_eq!(r.stdout, plain, "the interviews are scored, as before");
    let passed_over = |path: &Path| {
        format!(
            "{}: an assessment; only the interviews are used here\n",
            path.display()
        )
    };
    assert_eq!(r.stderr, passed_over(&eks_assessment));

    // Eksempelvik's assessment without its interviews.
    let elsewhere = dir.path().join("assessment.json");
    std::fs::rename(&eks_assessment, &elsewhere).unwrap();
    let e = refused(
        "en",
        dir.path(),
        &["--by-municipality"],
        &[&elsewhere, &dirs[1].1],
    );
    assert_eq!(
        e,
        passed_over(&elsewhere) + "no interviews of Eksempelvik\n"
    );
    // Plain `score` of the assessment alone gives its points.
    score(dir.path(), &[], &[&elsewhere]);
}

#[test]
fn nothing_to_score_is_an_error_not_an_empty_year() {
    let dir = tempfile::tempdir().unwrap();
    let empty = dir.path().join("empty");
    std::fs::create_dir(&empty).unwrap();
    let e = refused("en", dir.path(), &["--by-municipality"], &[&empty]);
    assert!(e.contains("no .json files found"), "{e}");
    let bank_only = dir.path().join("bank.json");
    std::fs::write(&bank_only, kompass::core::bank::BUILTIN).unwrap();
    let e = refused("en", dir.path(), &["--by-municipality"], &[&bank_only]);
    assert!(
        e.ends_with("found neither interviews nor an assessment in the given paths\n"),
        "{e}"
    );
}

/// `kompass --lang en merge ARGS...`.
fn merge(dir: &Path, args: &[&std::ffi::OsStr]) -> common::Run {
    run(kompass(dir).args(["--lang", "en", "merge"]).args(args))
}

/// `merge --by-municipality TREE -o OUT [EXTRA...]`.
fn merge_year(dir: &Path, tree: &Path, out: &Path, extra: &[&str]) -> common::Run {
    let flag = std::ffi::OsStr::new("--by-municipality");
    let o = std::ffi::OsStr::new("-o");
    let extra: Vec<&std::ffi::OsStr> = extra.iter().map(std::ffi::OsStr::new).collect();
    merge(
        dir,
        &[&[flag, tree.as_os_str(), o, out.as_os_str()][..], &extra].concat(),
    )
}

/// An assessment file as JSON, without the times it was made at.
fn timeless(path: &Path) -> Value {
    let mut v: Value = serde_json::from_slice(&std::fs::read(path).unwrap()).unwrap();
    let object = v.as_object_mut().unwrap();
    assert!(object.remove("created_at").is_some() && object.remove("updated_at").is_some());
    v
}

#[test]
fn merge_writes_each_municipality_as_merging_its_directory_alone() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, dirs) = year(dir.path());
    let sessions_before = Snapshot::take(&tree);
    let out = dir.path().join("out");
    let r = merge_year(dir.path(), &tree, &out, &[]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(r.stderr, "");
    assert_eq!(
        Snapshot::take(&tree),
        sessions_before,
        "sessions are only read"
    );
    assert_eq!(listing(&out), ["eksempelvik", "nabovik", "ostvik"]);
    let printed: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(printed.len(), dirs.len(), "{}", r.stdout);

    let year_scores = json(&score(
        dir.path(),
        &["--json", "--by-municipality"],
        &[&tree],
    ));
    for (i, (name, d)) in dirs.iter().enumerate() {
        let written = storage::assessment_path(&out, name);
        assert_eq!(written, out.join(slug(name)).join("assessment.json"));
        assert!(
            printed[i].starts_with(&format!("Wrote {}: {name}, ", written.display())),
            "{}",
            printed[i]
        );
        let alone = dir.path().join(format!("{}.json", slug(name)));
        let r = merge(
            dir.path(),
            &[d.as_os_str(), "-o".as_ref(), alone.as_os_str()],
        );
        assert_eq!(r.code, 0, "{}", r.stderr);
        assert_eq!(timeless(&written), timeless(&alone), "{name}");
        assert!(common::is_private(&written));
        // A fresh assessment scores as its interviews do.
        let mut card = json(&score(dir.path(), &["--json"], &[&written]));
        let card = card.as_object_mut().unwrap();
        card.insert("municipality".into(), (*name).into());
        card.insert(
            "interviews".into(),
            year_scores["municipalities"][i]["interviews"].clone(),
        );
        card.insert("year".into(), 2026.into());
        assert_eq!(
            year_scores["municipalities"][i].as_object().unwrap(),
            card,
            "{name}"
        );
    }
}

#[test]
fn merge_refuses_before_writing_anything_and_force_keeps_the_old_files() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, _) = year(dir.path());
    let out = dir.path().join("out");
    assert_eq!(merge_year(dir.path(), &tree, &out, &[]).code, 0);
    let r = merge_year(dir.path(), &tree, &out, &[]);
    assert_eq!(
        r.code, 0,
        "a merge without reviewer work may be redone: {}",
        r.stderr
    );

    // Reviewer work in Eksempelvik's assessment; Nabovik's removed.
    let bank = Bank::builtin();
    let eks = storage::assessment_path(&out, "Eksempelvik");
    let (mut a, _) = storage::load_assessment(&eks, &bank).unwrap();
    kompass::core::review::question::accept(&mut a, "2.1.1").unwrap();
    storage::save_assessment(&eks, &a).unwrap();
    let worked = std::fs::read(&eks).unwrap();
    let nab = storage::assessment_path(&out, "Nabovik");
    std::fs::remove_file(&nab).unwrap();
    let before = Snapshot::take(&out);

    let r = merge_year(dir.path(), &tree, &out, &[]);
    assert_eq!((r.code, r.stdout.as_str()), (1, ""), "{}", r.stderr);
    assert_eq!(
        r.stderr.lines().collect::<Vec<_>>(),
        [
            format!(
                "{}: holds work this merge would not reproduce (1 decision); not overwritten; \
                 continue with `kompass review`, or use --force to replace it (the old file is \
                 kept as {})",
                eks.display(),
                storage::backup_path(&eks).display()
            ),
            "no assessment was written".into(),
        ]
    );
    assert_eq!(
        Snapshot::take(&out),
        before,
        "not even Nabovik's is written"
    );

    let r = merge_year(dir.path(), &tree, &out, &["--force"]);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read(storage::backup_path(&eks)).unwrap(), worked);
    assert!(storage::load_assessment(&nab, &bank).is_ok());
    let (redone, _) = storage::load_assessment(&eks, &bank).unwrap();
    assert_eq!(redone.questions["2.1.1"].decision, None);
}

#[test]
fn merge_refuses_an_output_that_is_not_an_assessment_even_with_force() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, _) = year(dir.path());
    let out = dir.path().join("out");
    let squatter = storage::assessment_path(&out, "Østvik");
    std::fs::create_dir_all(squatter.parent().unwrap()).unwrap();
    std::fs::write(&squatter, "not json").unwrap();
    let before = Snapshot::take(&out);
    let r = merge_year(dir.path(), &tree, &out, &["--force"]);
    assert_eq!(r.code, 1);
    assert!(
        r.stderr.starts_with(&format!(
            "{}: exists and is not a Kompass assessment; not overwritten\n",
            squatter.display()
        )),
        "{}",
        r.stderr
    );
    assert_eq!(Snapshot::take(&out), before);
}

#[test]
fn merge_attaches_given_baselines_to_every_assessment_and_passes_over_found_ones() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, dirs) = year(dir.path());
    let average = dir.path().join("average.json");
    std::fs::write(
        &average,
        Baseline::new("Landssnitt", BaselineKind::Average).to_json(),
    )
    .unwrap();
    let found = dirs[1].1.join("nabovik-2015.json");
    std::fs::write(
        &found,
        Baseline::new("Nabovik 2015", BaselineKind::Earlier).to_json(),
    )
    .unwrap();
    let out = dir.path().join("out");
    let r = merge_year(
        dir.path(),
        &tree,
        &out,
        &["--baseline", average.to_str().unwrap()],
    );
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(
        r.stderr,
        format!(
            "{}: a baseline; with --by-municipality only the --baseline files are attached, \
             to every assessment\n",
            found.display()
        )
    );
    let bank = Bank::builtin();
    for (name, _) in &dirs {
        let (a, _) =
            storage::load_assessment(&storage::assessment_path(&out, name), &bank).unwrap();
        let names: Vec<&str> = a.baselines.iter().map(|b| b.name.as_str()).collect();
        assert_eq!(names, ["Landssnitt"], "{name}");
    }
}

#[test]
fn merge_by_municipality_is_not_for_one_named_municipality() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, _) = year(dir.path());
    let out = dir.path().join("out");
    let r = merge_year(dir.path(), &tree, &out, &["--municipality", "Nabovik"]);
    assert_eq!(r.code, 2, "{}", r.stderr);
    assert!(!out.exists());
}

#[test]
fn a_write_that_fails_stops_the_run_saying_how_many_were_written() {
    let dir = tempfile::tempdir().unwrap();
    let (tree, _) = year(dir.path());
    let out = dir.path().join("out");
    // A file where Nabovik's directory would go: its write fails, whoever runs this.
    std::fs::create_dir(&out).unwrap();
    std::fs::write(out.join("nabovik"), "in the way").unwrap();
    let r = merge_year(dir.path(), &tree, &out, &[]);
    assert_eq!(r.code, 1);
    let eks = storage::assessment_path(&out, "Eksempelvik");
    let printed: Vec<&str> = r.stdout.lines().collect();
    assert_eq!(printed.len(), 1, "{}", r.stdout);
    let wrote = format!("Wrote {}: Eksempelvik, 2 interviews, ", eks.display());
    assert!(printed[0].starts_with(&wrote), "{}", r.stdout);
    let lines: Vec<&str> = r.stderr.lines().collect();
    assert_eq!(lines.len(), 2, "{}", r.stderr);
    assert!(
        lines[0].starts_with(&format!(
            "{}: ",
            storage::assessment_path(&out, "Nabovik").display()
        )),
        "{}",
        r.stderr
    );
    assert_eq!(lines[1], "wrote 1 of 3 assessments");
    assert_eq!(
        listing(&out),
        ["eksempelvik", "nabovik"],
        "Østvik is not reached"
    );
}
