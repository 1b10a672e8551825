//! The bench page's layout worker (`app::layout_worker`): a second wasm
//! module, built by Trunk as `data-type="worker"` and started only by the
//! bench page. Natively it only says what it is.

fn main() {
    #[cfg(target_arch = "wasm32")]
    space_alliances::app::layout_worker::serve();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("the layout worker runs in a browser, started by the bench page (?graph=)");
}
