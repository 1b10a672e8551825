//! The app's side of the render loop ([`super::render_loop::Host`]): the
//! canvas Leptos mounts, the camera recorded in the link a moment after it
//! stops, the baked picture's pan and zoom adopted at the first frame, and
//! each node's place on screen exposed as the box of its option in the
//! accessible node list (screen magnifiers follow the keyboard focus there;
//! tests find nodes by it).

use std::cell::Cell;

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::browser::{Debounce, now};
use super::render_loop::{Host, SceneHandle, set_layout_state};
use super::scene::Scene;
use super::{AppState, History};

/// The app's scene handle.
pub type AppScene = SceneHandle<AppHost>;

/// The app's host of the render loop.
pub struct AppHost {
    /// The canvas drawn on.
    pub canvas: NodeRef<Canvas>,
    /// The app whose link records the camera.
    state: AppState,
    commit_timer: Debounce,
    /// Whether the baked picture's pan and zoom has been taken over.
    adopted: Cell<bool>,
    /// Whether the accessible node list is built: only after the first
    /// frame, which it would otherwise delay (a task of its own).
    pub listed: RwSignal<bool>,
    /// Whether the map's world outlines are on their way: the frame is not
    /// the settled picture until they are drawn.
    pub world_pending: Cell<bool>,
}

impl AppHost {
    /// The host of `state`'s graph, drawn on `canvas` once mounted.
    pub fn new(canvas: NodeRef<Canvas>, state: AppState) -> Self {
        AppHost {
            canvas,
            state,
            commit_timer: Debounce::default(),
            adopted: Cell::new(false),
            listed: RwSignal::new(false),
            world_pending: Cell::new(false),
        }
    }

    /// Records the camera in the view state (replacing the history entry),
    /// a moment after the last pan or zoom so the URL is not rewritten per event.
    fn commit_view(&self, handle: &AppScene) {
        let (state, handle) = (self.state, handle.clone());
        self.commit_timer.call(300, move || {
            let raw = handle.read(|s| s.view_state());
            let v = raw.and_then(crate::view::url::round_view);
            // The picture keeps to what the link can say (a fraction of a
            // pixel away), so the link reopens exactly this picture.
            if v.is_some() && v != raw {
                handle.with(|s| s.set_view(v));
                handle.request_frame();
            }
            // None once the app is unmounted (its signals disposed) before
            // the timer fires: nothing left to record the camera in.
            if state
                .view
                .try_with_untracked(|x| x.view)
                .is_some_and(|now| now != v)
            {
                state.change(History::Replace, |x| x.view = v);
            }
        });
    }

    /// The settled frame made readable: each option of the node list laid
    /// over its node, then `data-layout="settled"`, a state tests (and
    /// tools) wait on instead of sleeping.
    fn expose(handle: &AppScene, canvas: &web_sys::HtmlCanvasElement) {
        handle.read(place_options);
        set_layout_state(canvas, "settled");
    }
}

impl Host for AppHost {
    fn canvas(&self) -> Option<web_sys::HtmlCanvasElement> {
        self.canvas.try_get_untracked().flatten()
    }

    fn changed(&self, handle: &AppScene) {
        self.commit_view(handle);
    }

    /// Before the app's first frame: the pan and zoom the reader gave the
    /// baked picture meanwhile becomes the camera, so the live canvas
    /// takes over the picture where the reader left it (and the link
    /// records it), and a click on a node of it selects that node. Only
    /// once the scene is sized and placed, when its camera is the fitted
    /// one the baked picture shows.
    fn before_frame(&self, handle: &AppScene) {
        if self.adopted.get() || handle.read(|s| s.width <= 0.0 || s.pos.is_empty()) {
            return;
        }
        self.adopted.set(true);
        let Some(input) = super::browser::take_baked_input() else {
            return;
        };
        // The click's point is in the unmoved picture: hit-test it with
        // the fitted camera, before the reader's pan and zoom are applied.
        let hit = input
            .click
            .and_then(|p| handle.read(|s| s.node_at(p).map(|i| s.graph.nodes[i].id.clone())));
        if let Some((k, t)) = input.moved {
            handle.with(|s| s.steer_screen(k, t));
            self.commit_view(handle);
        }
        if let Some(id) = hit {
            // Its effects run after this frame, as a click's would.
            self.state.select(Some(id));
        }
    }

    fn settled(&self, handle: &AppScene, canvas: &web_sys::HtmlCanvasElement) {
        publish_first_frame();
        if self.world_pending.get() {
            return;
        }
        if self.listed.get_untracked() {
            Self::expose(handle, canvas);
            return;
        }
        // The first frame is on screen: the node list is built in a task
        // of its own, then placed, and only then does the canvas say
        // `settled`.
        let (handle, listed) = (handle.clone(), self.listed);
        leptos::task::spawn_local(async move {
            super::browser::next_task().await;
            listed.set(true);
            super::browser::next_task().await;
            if !handle.read(|s| s.animating())
                && let Some(canvas) = handle.host().canvas()
            {
                Self::expose(&handle, &canvas);
            }
        });
    }
}

/// Accessible option id of a node.
pub(super) fn option_id(id: &str) -> String {
    format!("node-{}", id.replace(':', "-"))
}

/// Puts each node's option in the accessible list over the node it names,
/// as big as the node: a screen magnifier following the keyboard focus
/// shows the node, and anyone can find a node on screen by its option.
fn place_options(s: &Scene) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for (i, n) in s.graph.nodes.iter().enumerate() {
        let Some(el) = doc.get_element_by_id(&option_id(&n.id)) else {
            continue;
        };
        let Ok(el) = el.dyn_into::<web_sys::HtmlElement>() else {
            continue;
        };
        let [x, y] = s.camera.to_screen(s.pos[i]);
        let r = (s.radius[i] * s.camera.scale).max(4.0);
        let st = el.style();
        let _ = st.set_property("left", &format!("{:.1}px", x - r));
        let _ = st.set_property("top", &format!("{:.1}px", y - r));
        let d = format!("{:.1}px", 2.0 * r);
        let _ = st.set_property("width", &d);
        let _ = st.set_property("height", &d);
    }
}

/// Marks the first complete frame for the benchmark harness and tests.
fn publish_first_frame() {
    if let Some(w) = web_sys::window() {
        let key = JsValue::from_str("__firstFrame");
        if js_sys::Reflect::get(&w, &key).is_ok_and(|v| v.is_undefined()) {
            let _ = js_sys::Reflect::set(&w, &key, &JsValue::from_f64(now()));
            super::browser::remove_first_paint();
        }
    }
}
