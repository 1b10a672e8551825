//! Prints how long the force layout takes on the shared harness's graphs,
//! natively: `cargo run --release --example layout_bench -- target/bench-graphs/graph-10000.json`.
//! (The browser numbers come from scripts/bench.sh; this isolates the layout.)

// A native tool: it prints its figures, and its sort is not in the bundle.
#![allow(clippy::print_stdout, clippy::disallowed_methods)]

// Native only: it reads files and times with std.
#[cfg(target_arch = "wasm32")]
fn main() {}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    native::main();
}

#[cfg(not(target_arch = "wasm32"))]
mod native {
    use std::time::Instant;

    use space_alliances::layout;

    pub fn main() {
        let paths: Vec<String> = std::env::args().skip(1).collect();
        if paths.is_empty() {
            eprintln!("usage: layout_bench <graph.json>…");
            std::process::exit(2);
        }
        for path in paths {
            let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"));
            let t0 = Instant::now();
            let g = space_alliances::dataset::bench::parse(&text).expect("bench graph JSON");
            println!(
                "{path}: parsed in {:.1} ms",
                t0.elapsed().as_secs_f64() * 1000.0
            );
            let t0 = Instant::now();
            let mut sim = layout::bench_simulation(&g);
            let setup = t0.elapsed();
            let mut ticks = Vec::new();
            while !sim.is_settled() && ticks.len() < 1000 {
                let t = Instant::now();
                sim.tick();
                ticks.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            let total: f64 = ticks.iter().sum();
            ticks.sort_by(f64::total_cmp);
            let p = |q: f64| ticks[((ticks.len() as f64 - 1.0) * q) as usize];
            println!(
                "{path}: {} nodes, {} edges; setup {:.1} ms; {} ticks, total {:.0} ms, per tick median {:.2} ms, p95 {:.2} ms, max {:.2} ms",
                g.nodes.len(),
                g.edges.len(),
                setup.as_secs_f64() * 1000.0,
                ticks.len(),
                total,
                p(0.5),
                p(0.95),
                p(1.0)
            );
        }
    }
}
