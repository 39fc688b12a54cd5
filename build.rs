//! Embeds the sample data of `kompass demo`: every `.json` file in
//! `sessions/eksempelvik/` (interviews) and `sessions/baselines/` (baselines)
//! becomes an entry of `$OUT_DIR/demo_files.rs`, a list of
//! `(relative path, include_bytes!(...))`, so adding a sample file needs no
//! code change.

use std::path::Path;
use std::{env, fs};

const DIRS: [&str; 2] = ["sessions/eksempelvik", "sessions/baselines"];

fn main() {
    let root = env::var("CARGO_MANIFEST_DIR").expect("cargo sets CARGO_MANIFEST_DIR");
    let mut entries = Vec::new();
    for dir in DIRS {
        println!("cargo:rerun-if-changed={dir}");
        let full = Path::new(&root).join(dir);
        let listing = fs::read_dir(&full)
            .unwrap_or_else(|e| panic!("the demo data directory {}: {e}", full.display()));
        for entry in listing {
            let path = entry.expect("a readable directory entry").path();
            if path.extension().is_some_and(|e| e == "json") {
                let name = path.file_name().expect("a file name").to_string_lossy();
                let sub = Path::new(dir).file_name().expect("a directory name");
                entries.push((format!("{}/{name}", sub.to_string_lossy()), path));
            }
        }
    }
    entries.sort();
    let mut out = String::from("&[\n");
    for (name, path) in &entries {
        out.push_str(&format!(
            "    ({name:?}, include_bytes!({:?})),\n",
            path.display().to_string()
        ));
    }
    out.push_str("]\n");
    let dest = Path::new(&env::var("OUT_DIR").expect("cargo sets OUT_DIR")).join("demo_files.rs");
    fs::write(dest, out).expect("the demo file list is written");
}
