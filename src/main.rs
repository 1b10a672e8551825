//! Entry point: mounts the app in the browser. Natively it only says how to run it.

fn main() {
    #[cfg(target_arch = "wasm32")]
    space_alliances::app::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Space Alliances runs in the browser: see the README (scripts/serve.sh).");
}
