//! Prints the HTML that `index.html` shows before (or without) the app,
//! generated from the embedded data (`export::first_paint_html`): run by the
//! Trunk post-build hook (scripts/postbuild.mjs), so it never goes stale.

// A native tool: its output is the page fragment.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    match space_alliances::dataset::load_embedded() {
        Ok(ds) => print!("{}", space_alliances::export::first_paint_html(&ds)),
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    }
}
