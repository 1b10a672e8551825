//! Writes `assets/canonical.txt`, the whole-dataset network pictures
//! that start-up reads instead of running the layout:
//! `cargo run --example canonical` (after a data change; a native test
//! fails until it is run), or `-- --check` to compare without writing.

// A native tool: it prints what it did.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    let ds = match space_alliances::dataset::load_embedded() {
        Ok(ds) => ds,
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    };
    let text = space_alliances::layout::canonical::precomputed_text(&ds);
    let path = "assets/canonical.txt";
    if std::env::args().any(|a| a == "--check") {
        let now = std::fs::read_to_string(path).unwrap_or_default();
        if now != text {
            eprintln!("{path} is stale: run `cargo run --example canonical`");
            std::process::exit(1);
        }
        println!("{path} is what the layout computes");
        return;
    }
    if let Err(e) = std::fs::write(path, &text) {
        eprintln!("{path}: {e}");
        std::process::exit(1);
    }
    println!("wrote {path} ({} lines)", text.lines().count());
}
