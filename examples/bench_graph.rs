//! Writes the app's default view (the graph it draws first, at `/` with no
//! query) in the shared benchmark harness's graph format, so the harness's
//! d3 peer can draw the same picture beside the app:
//! `cargo run --example bench_graph -- target/bench/real.json`.
//! What the harness's format cannot say is mapped as
//! `space_alliances::dataset::bench::EXPORT_MAPPING` lists (docs/bench/README.md).

// A native tool: it says what it wrote.
#![allow(clippy::print_stdout)]

// Native only: it writes a file.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    use space_alliances::{dataset, graph, view};

    let Some(out) = std::env::args().nth(1) else {
        eprintln!("usage: bench_graph <out.json>");
        std::process::exit(2);
    };
    let ds = dataset::load_embedded().unwrap_or_else(|e| panic!("embedded dataset: {e:?}"));
    // The default view's filters, read the way the app reads an empty query.
    let (view, _) = view::url::from_query("", &ds);
    let g = graph::build(&ds, &view.filters);
    let (nodes, edges) = (g.nodes.len().to_string(), g.edges.len().to_string());
    let as_of = ds.as_of.to_string();
    let text = dataset::bench::to_json(
        &g,
        &[
            (
                "source",
                "space-alliances default view (graph::build, default filters)",
            ),
            ("dataVersion", &ds.version),
            ("asOf", &as_of),
            ("nodes", &nodes),
            ("edges", &edges),
        ],
    );
    if let Some(dir) = std::path::Path::new(&out).parent() {
        std::fs::create_dir_all(dir).unwrap_or_else(|e| panic!("{}: {e}", dir.display()));
    }
    std::fs::write(&out, text).unwrap_or_else(|e| panic!("{out}: {e}"));
    let mut groups = std::collections::BTreeMap::<String, usize>::new();
    for n in &g.nodes {
        *groups.entry(format!("{:?}", n.alignment)).or_default() += 1;
    }
    println!("{out}: {nodes} nodes, {edges} edges (alignments {groups:?})");
}
