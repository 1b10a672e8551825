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
//!
//! It also keeps the linker's relocations in the app's wasm module (only
//! that binary's link, only with the `split` feature), which
//! scripts/split.mjs needs to split it; wasm-bindgen drops them from what
//! ships. As a global flag they would stay in the other modules (the bench
//! page's grew 274 KB -> 971 KB).

use std::collections::HashSet;
use std::path::Path;
use std::{env, fs};

fn main() {
    if env::var("CARGO_CFG_TARGET_ARCH").as_deref() == Ok("wasm32")
        && env::var_os("CARGO_FEATURE_SPLIT").is_some()
    {
        println!("cargo::rustc-link-arg-bin=space-alliances=--emit-relocs");
    }
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

    // Curator notes are for the people who keep the data, never shown in the
    // app: the embedded copies leave that last column out (the downloads in
    // dist/data keep it). Line numbers stay those of the repository files.
    for f in [
        "actors.csv",
        "sources.csv",
        "memberships.csv",
        "partnerships.csv",
        "reported_counts.csv",
    ] {
        println!("cargo::rerun-if-changed=assets/data/{f}");
        let text = read(f);
        let kept = if text
            .lines()
            .next()
            .is_some_and(|h| h.trim_end().ends_with(",curator_note"))
        {
            without_last_column(&text)
        } else {
            text
        };
        if f == "sources.csv" {
            // The ids alone, for the app's split build (dataset::EMBEDDED).
            fs::write(
                Path::new(&out_dir).join("source_ids.csv"),
                first_column(&kept),
            )
            .expect("write source_ids.csv");
        }
        // The facts' longer texts apart, for the app's split build
        // (dataset::EMBEDDED and dataset::LATER).
        let texts: &[&str] = match f {
            "memberships.csv" => &["official", "note"],
            "partnerships.csv" => &["description", "note"],
            _ => &[],
        };
        if !texts.is_empty() {
            let (facts, moved) = split_columns(&kept, texts);
            let stem = f.trim_end_matches(".csv");
            for (suffix, text) in [("facts", facts), ("texts", moved)] {
                fs::write(
                    Path::new(&out_dir).join(format!("{stem}_{suffix}.csv")),
                    text,
                )
                .unwrap_or_else(|e| panic!("write {stem}_{suffix}.csv: {e}"));
            }
        }
        fs::write(Path::new(&out_dir).join(f), kept).unwrap_or_else(|e| panic!("write {f}: {e}"));
    }

    // The stories: every `assets/stories/*.story`, by name, as a list of
    // (file name, text) the app embeds (`story::EMBEDDED`).
    println!("cargo::rerun-if-changed=assets/stories");
    let mut names: Vec<String> = fs::read_dir("assets/stories")
        .map(|d| {
            d.flatten()
                .map(|e| e.file_name().to_string_lossy().into_owned())
                .filter(|n| n.ends_with(".story"))
                .collect()
        })
        .unwrap_or_default();
    #[allow(clippy::disallowed_methods)] // The build script, not the bundle.
    names.sort();
    let mut list = String::from("&[\n");
    for n in &names {
        println!("cargo::rerun-if-changed=assets/stories/{n}");
        list.push_str(&format!(
            "    ({n:?}, include_str!(concat!(env!(\"CARGO_MANIFEST_DIR\"), \"/assets/stories/{n}\"))),\n"
        ));
    }
    list.push(']');
    fs::write(Path::new(&out_dir).join("stories.rs"), list).expect("write stories.rs");
}

/// Keeps the first field of every CSV record (RFC 4180, as below), keeping
/// every line break so that line numbers stay those of the file.
fn first_column(text: &str) -> String {
    let mut out = String::with_capacity(text.len() / 4);
    let (mut quoted, mut first) = (false, true);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => first = false,
            '\n' if !quoted => {
                if out.ends_with('\r') {
                    out.pop();
                }
                out.push('\n');
                first = true;
                continue;
            }
            '\n' => {
                // A line break inside a quoted field: kept, for the numbering.
                out.push('\n');
                continue;
            }
            _ => {}
        }
        if first {
            out.push(c);
        }
    }
    out
}

/// Drops the last field of every CSV record (RFC 4180: quoted fields may hold
/// commas, doubled quotes and line breaks), keeping every line break.
fn without_last_column(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut record = String::new();
    let (mut quoted, mut last_comma) = (false, None::<usize>);
    for c in text.chars() {
        match c {
            '"' => quoted = !quoted,
            ',' if !quoted => last_comma = Some(record.len()),
            '\n' if !quoted => {
                let end = last_comma.unwrap_or(record.len());
                let carriage = record.ends_with('\r');
                out.push_str(&record[..end]);
                if carriage && end < record.len() {
                    out.push('\r');
                }
                out.push('\n');
                record.clear();
                last_comma = None;
                continue;
            }
            _ => {}
        }
        record.push(c);
    }
    out.push_str(&record[..last_comma.unwrap_or(record.len())]);
    out
}

/// Splits a CSV file's columns in two: the file without the `moved`
/// columns, and its first column (the id) with them. Both keep every line
/// break where it was (blank lines where the other file's fields hold
/// them), so that line numbers stay those of the file.
fn split_columns(text: &str, moved: &[&str]) -> (String, String) {
    let (mut kept, mut apart) = (String::new(), String::new());
    let mut which: Vec<bool> = Vec::new();
    let records = unquoted_split(text, '\n');
    for (n, record) in records.iter().enumerate() {
        let last = n + 1 == records.len();
        if last && record.is_empty() {
            break;
        }
        let fields = unquoted_split(record.trim_end_matches('\r'), ',');
        // Lines starting with `#` before the header are comments.
        let comment = which.is_empty() && record.starts_with('#');
        if which.is_empty() && !comment {
            which = fields.iter().map(|f| moved.contains(f)).collect();
            assert!(
                which.iter().filter(|m| **m).count() == moved.len(),
                "a column to move is missing: {moved:?}"
            );
        }
        let (mut a, mut b) = (Vec::new(), Vec::new());
        if comment {
            a.push(record.trim_end_matches('\r'));
        } else {
            for (i, f) in fields.iter().enumerate() {
                if which.get(i).copied().unwrap_or(false) {
                    b.push(*f);
                } else {
                    a.push(*f);
                    if i == 0 {
                        b.insert(0, *f);
                    }
                }
            }
        }
        let breaks = record.matches('\n').count() + usize::from(!last);
        for (out, parts) in [(&mut kept, a), (&mut apart, b)] {
            let line = parts.join(",");
            let padding = breaks.saturating_sub(line.matches('\n').count());
            out.push_str(&line);
            out.push_str(&"\n".repeat(padding));
        }
    }
    (kept, apart)
}

/// Splits CSV text at `sep` outside quoted fields (RFC 4180: a quoted field
/// may hold commas and line breaks); quotes are kept.
fn unquoted_split(text: &str, sep: char) -> Vec<&str> {
    let (mut out, mut start, mut quoted) = (Vec::new(), 0, false);
    for (i, c) in text.char_indices() {
        if c == '"' {
            quoted = !quoted;
        } else if c == sep && !quoted {
            out.push(&text[start..i]);
            start = i + c.len_utf8();
        }
    }
    out.push(&text[start..]);
    out
}
