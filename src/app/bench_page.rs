//! Bench mode (`?graph=<url>`): the page contract of the shared benchmark
//! harness. Loads a synthetic graph, draws every node at the start positions
//! (`__firstFrame`), runs the same force layout as the app in slices of at
//! most ~30 ms (so no main-thread task runs long), redraws a few times a
//! second while it moves, and marks `__layoutDone` after the final draw.
//! Drag pans and the wheel zooms around the pointer; node dragging is off.
//!
//! A module of its own (the `bench-page` binary, `src/bench_page.rs`),
//! started by the boot script for `?graph=` links instead of the app: it
//! draws with the app's scene, display list and render loop, and compiles
//! no Leptos, so the page starts as fast as those allow (issue #18).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::render_loop::{Fixed, SceneHandle};
use crate::layout;

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

fn now() -> f64 {
    window().performance().map_or(0.0, |p| p.now())
}

/// A `performance.mark`, for DevTools traces and the first-frame breakdown.
fn pmark(name: &str) {
    if let Some(p) = window().performance() {
        let _ = p.mark(name);
    }
}

fn mark(name: &str, value: &JsValue) {
    let _ = js_sys::Reflect::set(&window(), &JsValue::from_str(name), value);
}

/// Says what went wrong: in `__benchError` for the harness (the first
/// problem), and on the page for a person.
fn fail(why: &str) {
    let first =
        js_sys::Reflect::get(&window(), &"__benchError".into()).map_or(true, |v| v.is_undefined());
    if first {
        mark("__benchError", &JsValue::from_str(why));
    }
    let Some(doc) = window().document() else {
        return;
    };
    let (Ok(p), Some(body)) = (doc.create_element("p"), doc.body()) else {
        return;
    };
    let _ = p.set_attribute("role", "alert");
    p.set_text_content(Some(&format!("The bench page could not run: {why}")));
    if let Ok(p) = p.dyn_into::<web_sys::HtmlElement>() {
        // CSSOM, not a style attribute: the CSP allows no inline styles.
        for (k, v) in [
            ("position", "fixed"),
            ("inset", "0 0 auto 0"),
            ("margin", "0"),
            ("padding", "1em"),
            ("background", "#fff"),
            ("color", "#000"),
        ] {
            let _ = p.style().set_property(k, v);
        }
        let _ = body.prepend_with_node_1(&p);
    }
}

/// Runs bench mode for the page's link: `graph=<url>`, the graph to load,
/// and `layout-thread=main|worker` (for measuring both), which overrides
/// where the layout runs; by default the worker takes graphs of
/// [`WORKER_MIN_NODES`] nodes or more. A link without a graph, and a
/// panic, say so in `__benchError`.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        fail(&info.to_string());
    }));
    let search = window().location().search().unwrap_or_default();
    let param = |key: &str| {
        search
            .trim_start_matches('?')
            .split('&')
            .find_map(|kv| kv.strip_prefix(key)?.strip_prefix('='))
            .and_then(|v| js_sys::decode_uri_component(v).ok())
            .and_then(|v| v.as_string())
    };
    match param("graph") {
        Some(url) => run(url, param("layout-thread")),
        None => fail("the link names no graph (?graph=<url>)"),
    }
}

/// Runs bench mode for the graph at `url`, its layout on `layout_thread`.
fn run(url: String, layout_thread: Option<String>) {
    pmark("bench:wasmStarted");
    let thread = match layout_thread.as_deref() {
        Some("main") => Some(Thread::Main),
        Some("worker") => Some(Thread::Worker),
        _ => None,
    };
    wasm_bindgen_futures::spawn_local(async move {
        let graph = load(&url)
            .await
            .map_err(|e| format!("could not load {url}: {e}"))
            .and_then(|text| crate::dataset::bench::parse(&text).map_err(|e| e.to_string()));
        match graph {
            Ok(g) => {
                mark("__graphLoaded", &JsValue::from_f64(now()));
                show(g, thread)
            }
            Err(e) => fail(&e),
        }
    });
}

/// The graph file's text.
async fn load(url: &str) -> Result<String, String> {
    // A rejected promise gives a string, an Error (say its message) or anything.
    let err = |e: JsValue| {
        e.as_string()
            .or_else(|| {
                e.dyn_ref::<js_sys::Error>()
                    .map(|e| String::from(e.message()))
            })
            .unwrap_or_else(|| format!("{e:?}"))
    };
    // The early-start script (scripts/postbuild.mjs) starts this fetch while the
    // page is parsed and the wasm compiles; fetch here only if it did not.
    let early = js_sys::Reflect::get(&window(), &"__benchGraphBytes".into())
        .ok()
        .filter(|v| v.is_instance_of::<js_sys::Promise>());
    let bytes = match early {
        Some(p) => JsFuture::from(p.unchecked_into::<js_sys::Promise>())
            .await
            .map_err(err)?,
        None => {
            let resp: web_sys::Response = JsFuture::from(window().fetch_with_str(url))
                .await
                .map_err(err)?
                .unchecked_into();
            if !resp.ok() {
                return Err(format!("HTTP {}", resp.status()));
            }
            JsFuture::from(resp.array_buffer().map_err(err)?)
                .await
                .map_err(err)?
        }
    };
    // Bytes, not a JS string: one copy into wasm memory, no UTF-16 round trip.
    let bytes = js_sys::Uint8Array::new(&bytes).to_vec();
    pmark("bench:graphBytes");
    text_of(bytes)
}

/// The graph file's bytes as text. This step, the parse and [`show`] are
/// functions of their own, not inlined into the task that runs them: each
/// loops over the whole graph, and a loop in a large function makes V8
/// compile all of it with its optimising tier while the first frame is
/// drawn (src/render/mod.rs, `push_to`).
#[inline(never)]
fn text_of(bytes: Vec<u8>) -> Result<String, String> {
    String::from_utf8(bytes).map_err(|_| "the graph is not UTF-8 text".to_string())
}

/// Draws `graph` at its start positions, then lays it out.
#[inline(never)]
fn show(graph: crate::graph::Graph, thread: Option<Thread>) {
    let doc = window().document().expect("a document");
    let body = doc.body().expect("a body");
    body.set_inner_html("");
    // CSSOM, not a style attribute: the CSP allows no inline styles.
    let _ = body.style().set_property("margin", "0");
    let _ = body.style().set_property("overflow", "hidden");
    let canvas: web_sys::HtmlCanvasElement = doc
        .create_element("canvas")
        .expect("canvas")
        .unchecked_into();
    let style = canvas.style();
    for (k, v) in [
        ("display", "block"),
        ("width", "100vw"),
        ("height", "100vh"),
        ("touch-action", "none"),
    ] {
        let _ = style.set_property(k, v);
    }
    let _ = canvas.set_attribute("aria-label", "Benchmark graph");
    body.append_child(&canvas).expect("append");

    let handle = SceneHandle::new(Fixed(canvas.clone()));
    let n = graph.nodes.len();
    let sim = layout::bench_simulation(&graph);
    handle.with(|s| {
        s.bench = true;
        s.width = window()
            .inner_width()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(1280.0) as f32;
        s.height = window()
            .inner_height()
            .ok()
            .and_then(|v| v.as_f64())
            .unwrap_or(800.0) as f32;
        s.dpr = window().device_pixel_ratio() as f32;
        s.radius = graph
            .nodes
            .iter()
            .map(|n| if n.is_hub() { 10.0 } else { 3.0 })
            .collect();
        s.pos = sim.pos.clone();
        s.graph = graph;
        s.fit_target();
    });
    pmark("bench:simReady");
    handle.draw_now();
    mark("__firstFrame", &JsValue::from_f64(now()));
    let info = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&info, &"renderer".into(), &"Canvas 2D (Rust/WASM)".into());
    let _ = js_sys::Reflect::set(
        &info,
        &"layout".into(),
        &"Barnes–Hut force (Rust), d3 defaults".into(),
    );
    let _ = js_sys::Reflect::set(
        &info,
        &"stopRule".into(),
        &"alpha < 0.001 (300 ticks)".into(),
    );
    // For the e2e tests: how many full frames and moved bitmaps were drawn.
    let counts = {
        let handle = handle.clone();
        Closure::<dyn Fn() -> js_sys::Array>::new(move || {
            let (full, moved) = handle.frames_drawn();
            js_sys::Array::of2(&full.into(), &moved.into())
        })
    };
    let _ = js_sys::Reflect::set(&info, &"framesDrawn".into(), &counts.into_js_value());
    // For the e2e tests: the positions drawn, x, y per node.
    let positions = {
        let handle = handle.clone();
        Closure::<dyn Fn() -> js_sys::Float32Array>::new(move || {
            handle.read(|s| js_sys::Float32Array::from(s.pos.as_flattened()))
        })
    };
    let _ = js_sys::Reflect::set(&info, &"positions".into(), &positions.into_js_value());
    mark("__benchInfo", &info);

    let thread = match thread {
        Some(t) => t,
        None if n >= WORKER_MIN_NODES => Thread::Worker,
        None => Thread::Main,
    };
    let run = Rc::new(Run {
        handle: handle.clone(),
        phase: RefCell::new(Phase::Done),
        last_draw: Cell::new(now()),
        last_input: Rc::new(Cell::new(f64::NEG_INFINITY)),
    });
    mark(
        "__benchStopLayout",
        &Closure::<dyn Fn()>::new({
            let run = run.clone();
            move || run.stop()
        })
        .into_js_value(),
    );
    attach_pan_zoom(&canvas, &handle, &run.last_input);
    match (thread, early_worker()) {
        // Started while a large graph arrived: it gets the graph now (in
        // the same task as the first frame, so once that task ends).
        (Thread::Worker, Some(early)) => run_in_worker(&run, sim, Some(early)),
        (thread, early) => {
            if let Some((worker, _)) = early {
                worker.terminate();
            }
            // The layout starts in a task of its own, so the first frame is
            // shown before it (a worker takes ~10 ms to create, a slice up
            // to ~24 ms).
            let begin = Closure::once_into_js(move || match thread {
                Thread::Worker => run_in_worker(&run, sim, None),
                Thread::Main => run.run_here(sim),
            });
            let _ = window()
                .set_timeout_with_callback_and_timeout_and_arguments_0(begin.unchecked_ref(), 0);
        }
    }
}

/// The layout worker the bench start script created while a large graph
/// arrived (`window.__benchWorker`, see `scripts/postbuild.mjs`), with the
/// events it sent before this module listened; taken once.
fn early_worker() -> Option<(web_sys::Worker, js_sys::Array)> {
    let key = JsValue::from_str("__benchWorker");
    let found = js_sys::Reflect::get(&window(), &key).ok()?;
    let _ = js_sys::Reflect::delete_property(&window(), &key);
    // Set by our own start script: no `instanceof` check, which a page
    // (or a test) that wraps the `Worker` constructor would fail.
    let worker = js_sys::Reflect::get(&found, &"worker".into()).ok()?;
    let early = js_sys::Reflect::get(&found, &"early".into()).ok()?;
    if worker.is_undefined() || !js_sys::Array::is_array(&early) {
        return None;
    }
    Some((worker.unchecked_into(), early.unchecked_into()))
}

/// Where the layout runs.
#[derive(Clone, Copy, PartialEq)]
enum Thread {
    /// In slices on the page's main thread, between frames and input.
    Main,
    /// In the layout worker ([`super::layout_worker`]).
    Worker,
}

/// From this many nodes the layout runs in the worker (unless the link
/// says `layout-thread=main|worker`). The worker starts after the first
/// frame, so it never delays it (a graph over 1 MiB: while it arrives, see
/// `scripts/postbuild.mjs`); below this its start-up (fetching and
/// compiling its module, ~0.1–0.2 s here) costs more than the main thread's
/// slices take. Measured on 2026-12-02 (2 cores, loaded): 122 nodes, layout
/// after the first frame 0.09 s on the main thread against 0.2 s in the
/// worker; 1 002 nodes, 1.27 s against 0.83 s.
const WORKER_MIN_NODES: usize = 500;

/// A full redraw with new positions at most this often while the layout
/// moves (and at least three times its own cost apart, so the main thread
/// stays mostly free for input).
const PROGRESS_MS: f64 = 250.0;

/// No redraw with new positions this soon after a pan or zoom: the view's
/// own redraw when it stops (`SceneHandle::view_moved`) shows them.
const INPUT_QUIET_MS: f64 = 200.0;

/// The layout run of the page.
struct Run {
    handle: SceneHandle<Fixed>,
    phase: RefCell<Phase>,
    /// When the last progress frame was started.
    last_draw: Cell<f64>,
    /// When the reader last panned or zoomed.
    last_input: Rc<Cell<f64>>,
}

enum Phase {
    /// Ticking on the main thread.
    Main {
        sim: layout::force::Simulation,
        ticks: u32,
    },
    /// Ticking in the worker; `ticks` as last heard.
    Worker {
        worker: web_sys::Worker,
        ticks: u32,
        heard: bool,
        // The handlers live as long as the worker does.
        _handlers: Vec<Closure<dyn Fn(JsValue)>>,
    },
    /// Settled or stopped.
    Done,
}

impl Run {
    /// Ticks on the main thread from the start.
    fn run_here(self: &Rc<Self>, sim: layout::force::Simulation) {
        let _ = js_sys::Reflect::set(&bench_info(), &"layoutThread".into(), &"main".into());
        *self.phase.borrow_mut() = Phase::Main { sim, ticks: 0 };
        layout_slice(self.clone());
    }

    /// Draws progress a few times a second, unless the reader is moving
    /// the view (its own redraw when it stops shows the new positions).
    fn progress(&self) {
        let t = now();
        // Paced by what the last full frame cost (for a large graph, all
        // the animation frames it was painted over): the layout's worker
        // shares the machine's cores with that painting.
        if self.handle.painting()
            || t - self.last_input.get() < INPUT_QUIET_MS
            || t - self.last_draw.get() < PROGRESS_MS.max(3.0 * self.handle.full_frame_cost())
        {
            return;
        }
        // Large graphs: painted over several frames, shown when whole.
        self.handle.draw_progressively();
        self.last_draw.set(now());
    }

    /// The layout has settled (or was stopped): the final fitted frame, then
    /// `__layoutDone`.
    fn finish(&self, ticks: u32) {
        if let Phase::Worker { worker, .. } = self.phase.replace(Phase::Done) {
            worker.terminate();
        }
        self.handle.with(|s| s.fit_target());
        self.handle.draw_now();
        mark("__layoutDone", &JsValue::from_f64(now()));
        let info = bench_info();
        let _ = js_sys::Reflect::set(&info, &"iterations".into(), &JsValue::from(ticks));
        let mem = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
        let bytes = mem
            .buffer()
            .unchecked_into::<js_sys::ArrayBuffer>()
            .byte_length();
        let _ = js_sys::Reflect::set(&info, &"wasmMemoryBytes".into(), &JsValue::from(bytes));
    }

    /// Stops the layout now (the harness's `__benchStopLayout`).
    fn stop(&self) {
        let ticks = match &mut *self.phase.borrow_mut() {
            // The next slice finishes.
            Phase::Main { sim, .. } => {
                sim.alpha = 0.0;
                return;
            }
            Phase::Worker { ticks, .. } => *ticks,
            Phase::Done => return,
        };
        self.finish(ticks);
    }
}

/// The page's `__benchInfo` object.
fn bench_info() -> JsValue {
    js_sys::Reflect::get(&window(), &"__benchInfo".into()).unwrap_or(JsValue::UNDEFINED)
}

/// Starts the layout worker (or takes the one started early, with the
/// events it sent so far) and hands it the graph; falls back to the main
/// thread if the worker cannot start.
fn run_in_worker(
    run: &Rc<Run>,
    sim: layout::force::Simulation,
    early: Option<(web_sys::Worker, js_sys::Array)>,
) {
    let input = run.handle.read(|s| layout::BenchInput::of(&s.graph));
    let (worker, sent) = match early {
        Some(early) => early,
        None => match web_sys::Worker::new(super::layout_worker::SCRIPT) {
            Ok(w) => (w, js_sys::Array::new()),
            Err(_) => return run.run_here(sim),
        },
    };
    let _ = js_sys::Reflect::set(&bench_info(), &"layoutThread".into(), &"worker".into());
    let fallback = Rc::new(RefCell::new(Some(sim)));
    let on_message = {
        let run = run.clone();
        Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
            let data = js_sys::Reflect::get(&ev, &"data".into()).unwrap_or_default();
            let report = run
                .handle
                .with(|s| super::layout_worker::Report::read(&data, &mut s.pos));
            match report {
                // Its module runs; the job was sent when it was created.
                super::layout_worker::Report::Ready => {}
                super::layout_worker::Report::Positions { ticks, done } => {
                    if let Phase::Worker {
                        ticks: t, heard, ..
                    } = &mut *run.phase.borrow_mut()
                    {
                        *t = ticks;
                        *heard = true;
                    }
                    if done {
                        run.finish(ticks);
                    } else {
                        run.progress();
                    }
                }
                super::layout_worker::Report::Failed(e) => {
                    fail(&format!("layout worker: {e}"));
                }
            }
        })
    };
    // A worker that cannot load (a missing file, no WebAssembly in
    // workers) errs before it says anything: lay out here instead.
    let on_error = {
        let run = run.clone();
        Closure::<dyn Fn(JsValue)>::new(move |ev: JsValue| {
            let heard = match &*run.phase.borrow() {
                Phase::Worker { heard, worker, .. } => {
                    worker.terminate();
                    *heard
                }
                _ => return,
            };
            if heard {
                let msg = js_sys::Reflect::get(&ev, &"message".into())
                    .ok()
                    .and_then(|m| m.as_string())
                    .unwrap_or_default();
                fail(&format!("layout worker failed: {msg}"));
                *run.phase.borrow_mut() = Phase::Done;
            } else if let Some(sim) = fallback.borrow_mut().take() {
                run.run_here(sim);
            }
        })
    };
    worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
    worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
    // The graph, now: the worker's script keeps it until its module listens.
    if let Err(e) = super::layout_worker::post_job(&worker, &input, PROGRESS_MS) {
        fail(&format!("worker: {e:?}"));
    }
    let (on_message_fn, on_error_fn): (js_sys::Function, js_sys::Function) = (
        on_message.as_ref().clone().unchecked_into(),
        on_error.as_ref().clone().unchecked_into(),
    );
    *run.phase.borrow_mut() = Phase::Worker {
        worker,
        ticks: 0,
        heard: false,
        _handlers: vec![on_message, on_error],
    };
    // What an early worker said before these handlers were set, in order.
    // (A script that fails to load gives a plain `error` Event.)
    for ev in sent.iter() {
        let kind = js_sys::Reflect::get(&ev, &"type".into()).unwrap_or_default();
        let handler = if kind.as_string().as_deref() == Some("message") {
            &on_message_fn
        } else {
            &on_error_fn
        };
        let _ = handler.call1(&JsValue::NULL, &ev);
    }
}

/// One slice of layout work on the main thread, then yields to the event
/// loop (a zero-delay timeout) so input and frames can run between slices.
fn layout_slice(run: Rc<Run>) {
    let t0 = now();
    let (settled, ticks) = {
        let mut phase = run.phase.borrow_mut();
        let Phase::Main { sim, ticks } = &mut *phase else {
            return;
        };
        while !sim.is_settled() && (now() - t0 < 24.0) {
            sim.tick();
            *ticks += 1;
        }
        let pos = sim.pos.clone();
        run.handle.with(|sc| sc.pos = pos);
        (sim.is_settled(), *ticks)
    };
    if settled {
        run.finish(ticks);
        return;
    }
    // Show progress a few times a second; drawing every slice would double the wait.
    run.progress();
    let next = Closure::once_into_js(move || layout_slice(run));
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0);
}

/// Drag to pan, wheel to zoom around the pointer; redraws once per frame
/// (large graphs: moves the last frame, redraws when the view stops).
fn attach_pan_zoom(
    canvas: &web_sys::HtmlCanvasElement,
    handle: &SceneHandle<Fixed>,
    last_input: &Rc<Cell<f64>>,
) {
    let last = Rc::new(Cell::new(None::<(f32, f32)>));
    let on_down = {
        let last = last.clone();
        Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |ev: web_sys::PointerEvent| {
            last.set(Some((ev.client_x() as f32, ev.client_y() as f32)));
        })
    };
    let on_move = {
        let (last, handle, input) = (last.clone(), handle.clone(), last_input.clone());
        Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |ev: web_sys::PointerEvent| {
            if let Some((x, y)) = last.get() {
                let (nx, ny) = (ev.client_x() as f32, ev.client_y() as f32);
                handle.with(|s| s.camera = s.camera.pan(nx - x, ny - y));
                last.set(Some((nx, ny)));
                input.set(now());
                handle.view_moved();
            }
        })
    };
    let on_up = {
        let last = last.clone();
        Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |_| last.set(None))
    };
    let on_wheel = {
        let (handle, input) = (handle.clone(), last_input.clone());
        Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |ev: web_sys::WheelEvent| {
            ev.prevent_default();
            let p = [ev.client_x() as f32, ev.client_y() as f32];
            let factor = crate::view::camera::wheel_factor(ev.delta_y());
            handle.with(|s| s.camera = s.camera.zoom_at(p, factor));
            input.set(now());
            handle.view_moved();
        })
    };
    let t: &web_sys::EventTarget = canvas.as_ref();
    let _ = t.add_event_listener_with_callback("pointerdown", on_down.as_ref().unchecked_ref());
    let w: web_sys::EventTarget = window().into();
    let _ = w.add_event_listener_with_callback("pointermove", on_move.as_ref().unchecked_ref());
    let _ = w.add_event_listener_with_callback("pointerup", on_up.as_ref().unchecked_ref());
    let opts = web_sys::AddEventListenerOptions::new();
    opts.set_passive(false);
    let _ = t.add_event_listener_with_callback_and_add_event_listener_options(
        "wheel",
        on_wheel.as_ref().unchecked_ref(),
        &opts,
    );
    on_down.forget();
    on_move.forget();
    on_up.forget();
    on_wheel.forget();
}
