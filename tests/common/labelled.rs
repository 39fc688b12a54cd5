//! The hand-labelled findings of `tests/fixtures/findings_labelled.tsv`, for
//! scoring suggested groups (tests/suggest_quality.rs) and tuning their
//! constants (examples/tune_suggest.rs).

use kompass::core::similarity::{self, Params};

pub struct Labelled {
    pub set: String,
    /// "area/kind": groups never cross it.
    pub cell: String,
    pub theme: String,
    pub text: String,
}

pub fn load() -> Vec<Labelled> {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/findings_labelled.tsv"
    );
    let text = std::fs::read_to_string(path).expect("the labelled findings");
    text.lines()
        .filter(|l| !l.starts_with('#') && !l.starts_with("set\t") && !l.trim().is_empty())
        .enumerate()
        .map(|(n, line)| {
            let f: Vec<&str> = line.split('\t').collect();
            assert_eq!(f.len(), 5, "{path}: row {}: five columns", n + 1);
            Labelled {
                set: f[0].to_owned(),
                cell: format!("{}/{}", f[1], f[2]),
                theme: f[3].to_owned(),
                text: f[4].to_owned(),
            }
        })
        .collect()
}

/// The rows of one set ("tune" or "test").
pub fn set<'a>(rows: &'a [Labelled], name: &str) -> Vec<&'a Labelled> {
    rows.iter().filter(|r| r.set == name).collect()
}

/// The adjusted Rand index within cells of the grouping `params` gives.
pub fn ari(rows: &[&Labelled], params: &Params) -> f64 {
    let texts: Vec<&str> = rows.iter().map(|r| r.text.as_str()).collect();
    let cells: Vec<&str> = rows.iter().map(|r| r.cell.as_str()).collect();
    let found = similarity::group_within(&texts, &cells, params);
    similarity::adjusted_rand_within(&cells, &themes(rows), &found)
}

pub fn themes<'a>(rows: &[&'a Labelled]) -> Vec<&'a str> {
    rows.iter().map(|r| r.theme.as_str()).collect()
}
