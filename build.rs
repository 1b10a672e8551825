//! Embeds only the countries the data names.
//!
//! `assets/data/countries.csv` is the full ISO 3166 list generated from the
//! `keshvar` crate (tools/countries-gen) and ships whole in `dist/data/` for
//! download. The app itself needs only the countries that the actors,
//! memberships, partnerships and frameworks mention: fewer than half, and the
//! rest cost about 5 KB brotli of the bundle. A country "is mentioned" when its
//! ISO3 code appears as a whole word in those files, which can only keep too
//! many, never too few. Dropped rows become blank lines, which the CSV reader
//! skips, so validation messages keep the repository file's line numbers.

use std::collections::HashSet;
use std::path::Path;
use std::{env, fs};

fn main() {
    let dir = Path::new("assets/data");
    let naming = [
        "actors.csv",
        "memberships.csv",
        "partnerships.csv",
        "frameworks.csv",
    ];
    for f in naming.iter().chain(&["countries.csv"]) {
        println!("cargo::rerun-if-changed=assets/data/{f}");
    }
    let read = |f: &str| {
        fs::read_to_string(dir.join(f)).unwrap_or_else(|e| panic!("assets/data/{f}: {e}"))
    };
    let text: String = naming.iter().map(|f| read(f)).collect();
    let words: HashSet<&str> = text
        .split(|c: char| !c.is_ascii_alphanumeric())
        .filter(|w| w.len() == 3 && w.bytes().all(|b| b.is_ascii_uppercase()))
        .collect();
    let countries = read("countries.csv");
    let mut out = String::with_capacity(countries.len());
    let mut header = true;
    for line in countries.lines() {
        let keep = line.starts_with('#')
            || std::mem::take(&mut header)
            || words.contains(line.split(',').next().unwrap_or(""));
        if keep {
            out.push_str(line);
        }
        out.push('\n');
    }
    let out_dir = env::var("OUT_DIR").expect("cargo sets OUT_DIR");
    fs::write(Path::new(&out_dir).join("countries.csv"), out).expect("write countries.csv");
}
