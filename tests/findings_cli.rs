//! `kompass findings ASSESSMENT [--area ID] [--suggest] [--json]` through the
//! real binary, on the sample interviews merged into an assessment.

mod common;

use std::path::{Path, PathBuf};

use common::{kompass, run};

/// The sample interviews of Eksempelvik merged into `dir/a.json`.
fn assessment(dir: &Path) -> PathBuf {
    let sessions = Path::new(env!("CARGO_MANIFEST_DIR")).join("sessions/eksempelvik");
    let out = dir.join("a.json");
    let r = run(kompass(dir).arg("merge").arg(&sessions).arg("-o").arg(&out));
    assert_eq!(r.code, 0, "{}", r.stderr);
    out
}

#[test]
fn suggest_json_has_the_issues_shape_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let a = assessment(dir.path());
    let before = std::fs::read(&a).unwrap();
    let r = run(kompass(dir.path())
        .args(["findings", "--suggest", "--json"])
        .arg(&a));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert_eq!(std::fs::read(&a).unwrap(), before, "nothing is changed");
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let groups = v["groups"].as_array().unwrap();
    assert!(!groups.is_empty());
    let mut last_area = 0;
    let mut last_size = usize::MAX;
    for g in groups {
        let keys: Vec<&str> = g.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(keys, ["area", "kind", "members", "representative"]);
        let area: u32 = g["area"].as_str().unwrap().parse().unwrap();
        let members = g["members"].as_array().unwrap();
        assert!(members.len() >= 2);
        if area != last_area {
            assert!(area > last_area, "areas in order");
            last_area = area;
            last_size = usize::MAX;
        }
        assert!(members.len() <= last_size, "most members first");
        last_size = members.len();
        let texts: Vec<&str> = members
            .iter()
            .map(|m| m["text"].as_str().unwrap())
            .collect();
        assert!(texts.contains(&g["representative"].as_str().unwrap()));
        for m in members {
            assert_eq!(m["source"]["kind"], g["kind"], "never across kinds");
            assert!(m["source"]["session"].is_string());
            assert!(
                m["source"]["question"]
                    .as_str()
                    .unwrap()
                    .starts_with(&format!("{area}."))
            );
        }
    }
    // One area alone: the same groups as among all.
    let r = run(kompass(dir.path())
        .args(["findings", "--suggest", "--json", "--area", "2"])
        .arg(&a));
    let only: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    let of_two: Vec<&serde_json::Value> = groups.iter().filter(|g| g["area"] == "2").collect();
    assert_eq!(
        only["groups"]
            .as_array()
            .unwrap()
            .iter()
            .collect::<Vec<_>>(),
        of_two
    );
}

#[test]
fn human_output_lists_groups_per_area_and_bad_input_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let a = assessment(dir.path());
    let r = run(kompass(dir.path())
        .args(["--lang", "nb", "findings", "--suggest", "--area", "2"])
        .arg(&a));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(
        r.stdout.starts_with("Område 2 Samfunnsutvikling: "),
        "{}",
        r.stdout
    );
    assert!(r.stdout.contains(" funn: «"), "{}", r.stdout);
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "findings", "--area", "9"])
        .arg(&a));
    assert_eq!(r.code, 1);
    assert!(
        r.stderr
            .contains("--area 9: no such area; the areas are 1, 2, 3, 4, 5, 6, 7, 8"),
        "{}",
        r.stderr
    );
    let r = run(kompass(dir.path())
        .args(["--lang", "nb", "findings", "--area", "9"])
        .arg(&a));
    assert!(r.stderr.contains("ukjent område"), "{}", r.stderr);
    let r = run(kompass(dir.path())
        .args(["findings", "--suggest"])
        .arg(dir.path().join("missing.json")));
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("missing.json"), "{}", r.stderr);
    // Without --suggest: the findings as curated, per area.
    let r = run(kompass(dir.path())
        .args(["--lang", "en", "findings", "--area", "1"])
        .arg(&a));
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.starts_with("Area 1 "), "{}", r.stdout);
    let r = run(kompass(dir.path())
        .args(["findings", "--json", "--area", "1"])
        .arg(&a));
    let v: serde_json::Value = serde_json::from_str(&r.stdout).unwrap();
    assert!(
        v["findings"]
            .as_array()
            .unwrap()
            .iter()
            .all(|f| f["area"] == "1")
    );
}
