//! docs/keys.md is generated from the key tables, so it cannot drift from
//! what the keys do.

#[test]
fn docs_keys_md_matches_the_key_tables() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/docs/keys.md");
    let expected = kompass::tui::help::keys_markdown();
    if std::env::var_os("KOMPASS_WRITE_DOCS").is_some() {
        std::fs::write(path, &expected).unwrap();
    }
    let actual = std::fs::read_to_string(path).unwrap_or_default();
    assert!(
        actual == expected,
        "docs/keys.md is out of date; run KOMPASS_WRITE_DOCS=1 cargo test --test interview_docs"
    );
}
