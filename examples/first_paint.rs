//! Prints the HTML that `index.html` shows before (or without) the app,
//! generated from the embedded data (`export::first_paint_html`): run by the
//! Trunk post-build hook (scripts/postbuild.mjs), so it never goes stale.
//! `first_paint` prints the text (summary and members); `first_paint svg`
//! the default view's baked pictures (`export::baked`); `first_paint query`
//! the default view's link query, which those pictures show; `first_paint
//! all` the three (query, text, pictures) and the story steps shown on the
//! map (a JSON list of `"story/step"`: their links need the world's outlines
//! before their first frame, and the page fetches them early) separated by
//! NUL bytes, so the hook runs it once.

// A native tool: its output is the page fragment.
#![allow(clippy::print_stdout, clippy::print_stderr)]

#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    match space_alliances::dataset::load_embedded() {
        Ok(ds) => match std::env::args().nth(1).as_deref() {
            Some("svg") => print!("{}", space_alliances::export::baked::baked_graphs(&ds)),
            Some("query") => print!(
                "{}",
                space_alliances::view::url::to_query(&Default::default())
            ),
            Some("all") => print!(
                "{}\0{}\0{}\0{}",
                space_alliances::view::url::to_query(&Default::default()),
                space_alliances::export::first_paint_html(&ds),
                space_alliances::export::baked::baked_graphs(&ds),
                map_steps(&ds)
            ),
            _ => print!("{}", space_alliances::export::first_paint_html(&ds)),
        },
        Err(errors) => {
            for e in errors {
                eprintln!("{e}");
            }
            std::process::exit(1);
        }
    }
}

/// The story steps shown on the map, as a JSON list of `"story/step"`
/// (story ids are file names: letters, digits and hyphens).
#[cfg(not(target_arch = "wasm32"))]
fn map_steps(ds: &space_alliances::model::Dataset) -> String {
    let stories = space_alliances::story::load_embedded(ds);
    let steps: Vec<String> = stories
        .list
        .iter()
        .flat_map(|s| {
            s.steps
                .iter()
                .enumerate()
                .filter(|(_, step)| {
                    step.state.layout == space_alliances::layout::LayoutKind::Geographic
                })
                .map(move |(i, _)| format!("\"{}/{}\"", s.id, i + 1))
        })
        .collect();
    format!("[{}]", steps.join(","))
}
