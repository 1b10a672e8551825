//! The bench page's layout worker: the benchmark force layout
//! ([`crate::layout::BenchInput::simulation`], the very code the page and the
//! native `layout_bench` example run) in a dedicated Web Worker, so the page's
//! main thread only draws and answers input.
//!
//! The worker is its own small wasm module (the `layout-worker` binary,
//! `src/layout_worker.rs`, built by Trunk as `data-type="worker"`), loaded only
//! by the bench page, never by the app. Its script ([`SCRIPT`], written by
//! `scripts/postbuild.mjs` in place of Trunk's loader shim) keeps what the
//! page sends before the module listens, and throws a module that cannot
//! load in a task of its own, so the page hears an `error`. The bench start
//! script creates the worker while a large graph arrives; the bench page
//! otherwise, after its first frame. The protocol:
//!
//! - page → worker `{ hubs: Uint8Array, edges: Uint32Array, every: ms }`, the
//!   graph as [`crate::layout::BenchInput`], its buffers transferred, as soon
//!   as the page has both the graph and the worker;
//! - worker → page `{ ready: true }` once its module runs;
//! - worker → page `{ pos: Float32Array, ticks, done }` every `every` ms of
//!   layout and once at the end (`done: true`): x, y per node, the buffer
//!   transferred (one copy out of the worker's memory, none on the way);
//! - worker → page `{ error: "…" }` if the input is not a graph.
//!
//! The page stops a layout early by terminating the worker.

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::layout::BenchInput;
use crate::layout::force::Point;

/// The worker's script, relative to the page (Trunk's loader shim for the
/// `layout-worker` binary).
pub const SCRIPT: &str = "./layout-worker_loader.js";

fn get(obj: &JsValue, key: &str) -> JsValue {
    js_sys::Reflect::get(obj, &JsValue::from_str(key)).unwrap_or(JsValue::UNDEFINED)
}

fn set(obj: &js_sys::Object, key: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(obj, &JsValue::from_str(key), value);
}

/// The worker side: answers the page's job with positions. Called by the
/// worker binary's `main`.
pub fn serve() {
    let scope: web_sys::DedicatedWorkerGlobalScope = js_sys::global().unchecked_into();
    let on_message = {
        let scope = scope.clone();
        Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            if let Err(e) = run(&scope, &ev.data()) {
                let msg = js_sys::Object::new();
                set(&msg, "error", &JsValue::from_str(&e));
                let _ = scope.post_message(&msg);
            }
        })
    };
    scope.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    on_message.forget();
    let ready = js_sys::Object::new();
    set(&ready, "ready", &JsValue::TRUE);
    let _ = scope.post_message(&ready);
}

/// Runs one job to the end, posting positions every `every` ms.
fn run(scope: &web_sys::DedicatedWorkerGlobalScope, job: &JsValue) -> Result<(), String> {
    let hubs = get(job, "hubs")
        .dyn_into::<js_sys::Uint8Array>()
        .map_err(|_| "no hubs array")?;
    let edges = get(job, "edges")
        .dyn_into::<js_sys::Uint32Array>()
        .map_err(|_| "no edges array")?;
    let every = get(job, "every").as_f64().unwrap_or(250.0);
    let input = BenchInput {
        hubs: hubs.to_vec(),
        edges: edges.to_vec(),
    };
    input.check()?;
    let clock = scope.performance();
    let now = || clock.as_ref().map_or(0.0, |p| p.now());
    let mut sim = input.simulation();
    let (mut ticks, mut last) = (0u32, now());
    while !sim.is_settled() {
        sim.tick();
        ticks += 1;
        if now() - last >= every {
            post(scope, &sim.pos, ticks, false);
            last = now();
        }
    }
    post(scope, &sim.pos, ticks, true);
    Ok(())
}

fn post(scope: &web_sys::DedicatedWorkerGlobalScope, pos: &[Point], ticks: u32, done: bool) {
    let flat = js_sys::Float32Array::from(pos.as_flattened());
    let msg = js_sys::Object::new();
    set(&msg, "pos", &flat);
    set(&msg, "ticks", &JsValue::from(ticks));
    set(&msg, "done", &JsValue::from_bool(done));
    let _ = scope.post_message_with_transfer(&msg, &js_sys::Array::of1(&flat.buffer()));
}

/// What the page hears from its worker.
pub enum Report {
    /// The worker runs and waits for its job.
    Ready,
    /// Positions after `ticks` ticks, written into the slice given to
    /// [`Report::read`]; `done` once settled.
    Positions {
        /// Ticks run so far.
        ticks: u32,
        /// Whether the layout has settled.
        done: bool,
    },
    /// The worker could not lay the graph out.
    Failed(String),
}

impl Report {
    /// Reads a worker message, copying its positions into `pos` (which must
    /// have one point per node; a wrong length is a failure).
    pub fn read(data: &JsValue, pos: &mut [Point]) -> Report {
        if get(data, "ready").is_truthy() {
            return Report::Ready;
        }
        if let Some(e) = get(data, "error").as_string() {
            return Report::Failed(e);
        }
        let Ok(flat) = get(data, "pos").dyn_into::<js_sys::Float32Array>() else {
            return Report::Failed("a message without positions".into());
        };
        let out = pos.as_flattened_mut();
        if flat.length() as usize != out.len() {
            return Report::Failed(format!(
                "{} coordinates for {} nodes",
                flat.length(),
                out.len() / 2
            ));
        }
        flat.copy_to(out);
        Report::Positions {
            ticks: get(data, "ticks").as_f64().unwrap_or(0.0) as u32,
            done: get(data, "done").is_truthy(),
        }
    }
}

/// The page side: the job message for `input`, its buffers transferred.
pub fn post_job(
    worker: &web_sys::Worker,
    input: &BenchInput,
    every_ms: f64,
) -> Result<(), JsValue> {
    let hubs = js_sys::Uint8Array::from(input.hubs.as_slice());
    let edges = js_sys::Uint32Array::from(input.edges.as_slice());
    let msg = js_sys::Object::new();
    set(&msg, "hubs", &hubs);
    set(&msg, "edges", &edges);
    set(&msg, "every", &JsValue::from_f64(every_ms));
    worker.post_message_with_transfer(&msg, &js_sys::Array::of2(&hubs.buffer(), &edges.buffer()))
}
