//! Bench mode (`?graph=<url>`): the page contract of the shared benchmark
//! harness. Loads a synthetic graph, draws every node at the start positions
//! (`__firstFrame`), runs the same force layout as the app in slices of at
//! most ~30 ms (so no main-thread task runs long), redraws a few times a
//! second while it moves, and marks `__layoutDone` after the final draw.
//! Drag pans and the wheel zooms around the pointer; node dragging is off.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

use super::render_loop::SceneHandle;
use crate::layout::{self, force::phyllotaxis};

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

/// Runs bench mode for the graph at `url`.
pub fn run(url: String) {
    pmark("bench:wasmStarted");
    wasm_bindgen_futures::spawn_local(async move {
        let graph = load(&url)
            .await
            .map_err(|e| format!("could not load {url}: {e}"))
            .and_then(|text| crate::dataset::bench::parse(&text).map_err(|e| e.to_string()));
        match graph {
            Ok(g) => {
                mark("__graphLoaded", &JsValue::from_f64(now()));
                start(g)
            }
            Err(e) => mark("__benchError", &JsValue::from_str(&e)),
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
    // The boot script (scripts/postbuild.mjs) starts this fetch while the
    // wasm downloads and compiles; fetch here only if it did not.
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
    String::from_utf8(bytes).map_err(|_| "the graph is not UTF-8 text".to_string())
}

fn start(graph: crate::graph::Graph) {
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

    let handle = SceneHandle::for_element(canvas.clone());
    let n = graph.nodes.len();
    let mut sim = layout::bench_simulation(&graph);
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
        s.pos = (0..n).map(phyllotaxis).collect();
        s.graph = graph;
        s.fit_target();
    });
    sim.pos = handle.with(|s| s.pos.clone());
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
    mark("__benchInfo", &info);

    let sim = Rc::new(RefCell::new(Some(sim)));
    mark(
        "__benchStopLayout",
        &Closure::<dyn Fn()>::new({
            let sim = sim.clone();
            move || {
                if let Some(s) = sim.borrow_mut().as_mut() {
                    s.alpha = 0.0;
                }
            }
        })
        .into_js_value(),
    );
    attach_pan_zoom(&canvas, &handle);
    layout_slice(handle, sim, Rc::new(Cell::new(now())), 0);
}

/// One slice of layout work, then yields to the event loop (a zero-delay
/// timeout) so input and frames can run between slices.
fn layout_slice(
    handle: SceneHandle,
    sim: Rc<RefCell<Option<layout::force::Simulation>>>,
    last_draw: Rc<Cell<f64>>,
    ticks: u32,
) {
    let t0 = now();
    let mut ticks = ticks;
    let settled = {
        let mut guard = sim.borrow_mut();
        let Some(s) = guard.as_mut() else { return };
        while !s.is_settled() && (now() - t0 < 24.0) {
            s.tick();
            ticks += 1;
        }
        let settled = s.is_settled();
        let pos = s.pos.clone();
        handle.with(|sc| sc.pos = pos);
        settled
    };
    if settled {
        *sim.borrow_mut() = None;
        handle.with(|s| s.fit_target());
        handle.draw_now();
        mark("__layoutDone", &JsValue::from_f64(now()));
        if let Ok(info) = js_sys::Reflect::get(&window(), &"__benchInfo".into()) {
            let _ = js_sys::Reflect::set(&info, &"iterations".into(), &JsValue::from(ticks));
            let mem = wasm_bindgen::memory().unchecked_into::<js_sys::WebAssembly::Memory>();
            let bytes = mem
                .buffer()
                .unchecked_into::<js_sys::ArrayBuffer>()
                .byte_length();
            let _ = js_sys::Reflect::set(&info, &"wasmMemoryBytes".into(), &JsValue::from(bytes));
        }
        return;
    }
    // Show progress a few times a second; drawing every slice would double the wait.
    if now() - last_draw.get() > 250.0 {
        handle.request_frame();
        last_draw.set(now());
    }
    let next = Closure::once_into_js(move || layout_slice(handle, sim, last_draw, ticks));
    let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(next.unchecked_ref(), 0);
}

/// Drag to pan, wheel to zoom around the pointer; redraws once per frame
/// (large graphs: moves the last frame, redraws when the view stops).
fn attach_pan_zoom(canvas: &web_sys::HtmlCanvasElement, handle: &SceneHandle) {
    let last = Rc::new(Cell::new(None::<(f32, f32)>));
    let on_down = {
        let last = last.clone();
        Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |ev: web_sys::PointerEvent| {
            last.set(Some((ev.client_x() as f32, ev.client_y() as f32)));
        })
    };
    let on_move = {
        let (last, handle) = (last.clone(), handle.clone());
        Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |ev: web_sys::PointerEvent| {
            if let Some((x, y)) = last.get() {
                let (nx, ny) = (ev.client_x() as f32, ev.client_y() as f32);
                handle.with(|s| s.camera = s.camera.pan(nx - x, ny - y));
                last.set(Some((nx, ny)));
                handle.view_moved();
            }
        })
    };
    let on_up = {
        let last = last.clone();
        Closure::<dyn Fn(web_sys::PointerEvent)>::new(move |_| last.set(None))
    };
    let on_wheel = {
        let handle = handle.clone();
        Closure::<dyn Fn(web_sys::WheelEvent)>::new(move |ev: web_sys::WheelEvent| {
            ev.prevent_default();
            let p = [ev.client_x() as f32, ev.client_y() as f32];
            let factor = 1.15f32.powf((-ev.delta_y() / 100.0) as f32);
            handle.with(|s| s.camera = s.camera.zoom_at(p, factor));
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
