//! The bench page (`?graph=<url>`, the benchmark harness's page contract,
//! `app::bench_page`): a wasm module of its own, built by Trunk as
//! `data-type="worker"` (no loader of its own in the page) and started by
//! the boot script instead of the app. Natively it only says what it is.

fn main() {
    #[cfg(target_arch = "wasm32")]
    space_alliances::app::bench_page::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("the bench page runs in a browser: open the app's page with ?graph=<url>");
}
