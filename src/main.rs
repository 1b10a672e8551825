//! Entry point: mounts the app in the browser. Natively it only says how to run it.

/// The wasm build's allocator: talc instead of the standard library's
/// dlmalloc (single-threaded wasm, memory grown on demand as dlmalloc does).
/// Measured: −1.2 KB brotli (−5.4 KB raw) of the wasm; talc is maintained
/// (wee_alloc, the old choice for this, is unmaintained and leaks).
#[cfg(all(target_arch = "wasm32", not(target_feature = "atomics")))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    #[cfg(target_arch = "wasm32")]
    space_alliances::app::start();
    #[cfg(not(target_arch = "wasm32"))]
    eprintln!("Space Alliances runs in the browser: see the README (scripts/serve.sh).");
}
