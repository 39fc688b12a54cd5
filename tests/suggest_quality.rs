//! Issue 18: suggested groups of findings scored against hand-labelled
//! findings (tests/fixtures/findings_labelled.tsv). The constants were tuned
//! on the "tune" half only; the "test" half, with other themes, is reported.

mod common;

use common::labelled::{self, Labelled};
use kompass::core::similarity::{self, PARAMS};

fn cells<'a>(rows: &[&'a Labelled]) -> Vec<&'a str> {
    rows.iter().map(|r| r.cell.as_str()).collect()
}

#[test]
fn held_out_findings_are_grouped_well_and_trivial_groupings_score_zero() {
    let rows = labelled::load();
    let tune = labelled::set(&rows, "tune");
    let test = labelled::set(&rows, "test");
    assert!(rows.len() >= 80 && test.len() >= 40, "{} rows", rows.len());
    let tuned = labelled::ari(&tune, &PARAMS);
    let held_out = labelled::ari(&test, &PARAMS);
    println!("adjusted Rand index within cells: tune {tuned:.3}, held out {held_out:.3}");
    assert!(held_out >= 0.55, "held-out ARI {held_out:.3}");

    // The same measure gives nothing for putting everything together or
    // nothing together.
    let truth = labelled::themes(&test);
    let all_in_one = vec![0; test.len()];
    let singletons: Vec<usize> = (0..test.len()).collect();
    assert_eq!(
        similarity::adjusted_rand_within(&cells(&test), &truth, &all_in_one),
        0.0
    );
    assert_eq!(
        similarity::adjusted_rand_within(&cells(&test), &truth, &singletons),
        0.0
    );
    // The extremes of the threshold are those groupings.
    let everything = similarity::Params {
        threshold: -1.0,
        ..PARAMS
    };
    let nothing = similarity::Params {
        threshold: 1.5,
        ..PARAMS
    };
    assert_eq!(labelled::ari(&test, &everything), 0.0);
    assert_eq!(labelled::ari(&test, &nothing), 0.0);
}

#[test]
fn the_labelled_set_is_as_the_issue_asks() {
    let rows = labelled::load();
    // Several themes in each area-and-kind cell, paraphrases, and singletons.
    let mut per_cell: std::collections::BTreeMap<&str, Vec<&str>> = Default::default();
    for r in &rows {
        per_cell.entry(&r.cell).or_default().push(&r.theme);
    }
    for (cell, themes) in &per_cell {
        let mut distinct = themes.clone();
        distinct.sort();
        distinct.dedup();
        assert!(distinct.len() >= 2, "{cell}: several themes");
        assert!(
            themes.len() > distinct.len(),
            "{cell}: some theme said twice"
        );
    }
    let singletons = per_cell
        .values()
        .flat_map(|t| {
            t.iter()
                .filter(|x| t.iter().filter(|y| y == x).count() == 1)
        })
        .count();
    assert!(singletons >= 10, "{singletons} singletons");
}
