//! The render loop: the one place that draws the graph's canvas.
//!
//! Components never draw. They change the [`Scene`] through
//! [`SceneHandle::update`], from effects on the view state's signals and
//! memos, and the loop draws on the next animation frame (coalescing every
//! change made in between), keeps drawing while a transition runs, moves a
//! bitmap for pans and zooms of large graphs, records the camera in the link
//! a moment after it stops, and exposes what it drew: `data-layout`
//! (`moving` / `settled`) on the canvas, and each node's place on screen as
//! the box of its option in the accessible node list (screen magnifiers follow
//! the keyboard focus there; tests find nodes by it).

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::browser::Debounce;
pub(super) use super::browser::now;
use super::scene::{Progressive, Scene};
use super::{AppState, History};
use crate::view::camera::{self, Camera};

/// Handle to the scene shared by the view's closures.
#[derive(Clone)]
pub struct SceneHandle {
    scene: Rc<RefCell<Scene>>,
    /// The canvas drawn on.
    pub canvas: NodeRef<Canvas>,
    /// A canvas made outside Leptos (bench mode), used instead of `canvas`.
    fixed: Option<web_sys::HtmlCanvasElement>,
    /// The frame scheduled for the next animation frame, if any.
    pending: Rc<Cell<Pending>>,
    commit_timer: Debounce,
    /// Large scenes: a copy of the last full frame and the camera it was
    /// drawn with, taken when a pan or zoom starts.
    snapshot: Rc<RefCell<Option<(web_sys::HtmlCanvasElement, Camera)>>>,
    /// The camera of the last full frame, while the snapshot is older.
    drawn_with: Rc<Cell<Option<Camera>>>,
    /// Large scenes: the full redraw once the view has stopped moving.
    settle_timer: Debounce,
    /// Frames drawn so far: full, and moved bitmaps (for the bench page's tests).
    drawn: Rc<Cell<(u32, u32)>>,
    /// Large scenes: the full frame being painted off screen a part per
    /// animation frame ([`Progressive`]), the canvas it is painted on, its
    /// generation (a new or cancelled one stops the old one's frames), and
    /// the tie segments painted per animation frame (adapted to ~8 ms).
    progressive: Rc<RefCell<Option<Progressive>>>,
    back: Rc<RefCell<Option<web_sys::HtmlCanvasElement>>>,
    generation: Rc<Cell<u32>>,
    chunk: Rc<Cell<usize>>,
    /// What the last full frame cost to paint, in ms (a progressive one:
    /// its parts together), so callers can pace their redraws.
    full_cost: Rc<Cell<f64>>,
    /// The app whose link records the camera; none on the bench page.
    state: Option<AppState>,
    /// Whether the baked picture's pan and zoom has been taken over.
    adopted: Rc<Cell<bool>>,
    /// Whether the accessible node list is built: only after the first
    /// frame, which it would otherwise delay (a task of its own).
    listed: RwSignal<bool>,
}

/// What the next animation frame draws.
#[derive(Clone, Copy, PartialEq, PartialOrd)]
enum Pending {
    None,
    /// The last full frame, moved and scaled to the current camera.
    Moved,
    /// Everything.
    Full,
}

impl SceneHandle {
    /// A handle drawing on `canvas`, recording its camera in `state`'s link.
    pub fn new(canvas: NodeRef<Canvas>, state: AppState) -> Self {
        SceneHandle {
            state: Some(state),
            ..Self::detached(canvas)
        }
    }

    fn detached(canvas: NodeRef<Canvas>) -> Self {
        SceneHandle {
            scene: Rc::new(RefCell::new(Scene::new())),
            canvas,
            fixed: None,
            pending: Rc::new(Cell::new(Pending::None)),
            commit_timer: Debounce::default(),
            snapshot: Rc::new(RefCell::new(None)),
            drawn_with: Rc::new(Cell::new(None)),
            drawn: Rc::new(Cell::new((0, 0))),
            progressive: Rc::new(RefCell::new(None)),
            back: Rc::new(RefCell::new(None)),
            generation: Rc::new(Cell::new(0)),
            chunk: Rc::new(Cell::new(2_000)),
            full_cost: Rc::new(Cell::new(0.0)),
            settle_timer: Debounce::default(),
            state: None,
            adopted: Rc::new(Cell::new(false)),
            listed: RwSignal::new(false),
        }
    }

    /// Records the camera in the view state (replacing the history entry),
    /// a moment after the last pan or zoom so the URL is not rewritten per event.
    fn commit_view(&self) {
        let Some(state) = self.state else { return };
        let this = self.clone();
        self.commit_timer.call(300, move || {
            let v = this
                .read(|s| s.view_state())
                .and_then(crate::view::url::round_view);
            if state.view.with_untracked(|x| x.view) != v {
                state.change(History::Replace, |x| x.view = v);
            }
        });
    }

    /// A handle drawing on a canvas element made outside Leptos (bench mode).
    pub fn for_element(canvas: web_sys::HtmlCanvasElement) -> Self {
        SceneHandle {
            fixed: Some(canvas),
            ..SceneHandle::detached(NodeRef::new())
        }
    }

    /// Reads the scene.
    pub fn read<R>(&self, f: impl FnOnce(&Scene) -> R) -> R {
        f(&self.scene.borrow())
    }

    /// Changes the scene: it is drawn on the next animation frame (with
    /// every other change made before it), and its camera recorded in the
    /// link a moment after the last change.
    pub fn update<R>(&self, f: impl FnOnce(&mut Scene) -> R) -> R {
        let r = f(&mut self.scene.borrow_mut());
        self.request_frame();
        self.commit_view();
        r
    }

    /// Changes the scene without drawing: for the bench page, which runs
    /// its own frame loop and draws with [`SceneHandle::draw_now`].
    pub fn with<R>(&self, f: impl FnOnce(&mut Scene) -> R) -> R {
        f(&mut self.scene.borrow_mut())
    }

    fn target(&self) -> Option<web_sys::HtmlCanvasElement> {
        self.fixed
            .clone()
            .or_else(|| self.canvas.try_get_untracked().flatten())
    }

    /// Whether a full frame is too slow to redraw on every pointer event.
    fn large(&self) -> bool {
        self.read(|s| s.graph.nodes.len() + s.graph.edges.len() > camera::BITMAP_MOVE_ELEMENTS)
    }

    /// Draws now (synchronously), then keeps animating while needed. The
    /// app draws only from the loop; the bench page calls this itself.
    pub fn draw_now(&self) {
        self.cancel_progressive();
        self.adopt_baked_gesture();
        if let Some(canvas) = self.target() {
            let t = now();
            self.scene.borrow_mut().draw(&canvas);
            self.full_cost.set(now() - t);
            self.full_frame_shown(&canvas, self.read(|s| s.camera));
        }
        if self.scene.borrow().animating() {
            self.request_frame();
        }
    }

    /// Before the app's first frame: the pan and zoom the reader gave the
    /// baked picture meanwhile becomes the camera, so the live canvas
    /// takes over the picture where the reader left it (and the link
    /// records it). Only once the scene is sized and placed, when its
    /// camera is the fitted one the baked picture shows.
    fn adopt_baked_gesture(&self) {
        if self.adopted.get() || self.state.is_none() {
            return;
        }
        if self.read(|s| s.width <= 0.0 || s.pos.is_empty()) {
            return;
        }
        self.adopted.set(true);
        if let Some((k, t)) = super::browser::take_baked_gesture() {
            self.scene.borrow_mut().steer_screen(k, t);
            self.commit_view();
        }
    }

    /// What follows a full frame on `canvas`, drawn with `cam`.
    fn full_frame_shown(&self, canvas: &web_sys::HtmlCanvasElement, cam: Camera) {
        let settled = !self.scene.borrow().animating();
        if !settled || self.state.is_none() {
            set_layout_state(canvas, if settled { "settled" } else { "moving" });
        } else {
            publish_first_frame();
            if self.listed.get_untracked() {
                self.expose(canvas);
            } else {
                // The first frame is on screen: the node list is built in
                // a task of its own, then placed, and only then does the
                // canvas say `settled`.
                let this = self.clone();
                leptos::task::spawn_local(async move {
                    super::browser::next_task().await;
                    this.listed.set(true);
                    super::browser::next_task().await;
                    if !this.scene.borrow().animating()
                        && let Some(canvas) = this.target()
                    {
                        this.expose(&canvas);
                    }
                });
            }
        }
        let (full, moved) = self.drawn.get();
        self.drawn.set((full + 1, moved));
        // Copied lazily, when a pan or zoom starts: a copy rasterises
        // the frame, too slow to do after every layout frame.
        self.drawn_with.set(Some(cam));
    }

    /// The settled frame made readable: each option of the node list laid
    /// over its node, then `data-layout="settled"`, a state tests (and
    /// tools) wait on instead of sleeping.
    fn expose(&self, canvas: &web_sys::HtmlCanvasElement) {
        self.read(place_options);
        set_layout_state(canvas, "settled");
    }

    /// Whether the accessible node list is built (after the first frame).
    pub fn listed(&self) -> RwSignal<bool> {
        self.listed
    }

    /// A full redraw without a long frame: large scenes paint the frame
    /// off screen over several animation frames ([`Progressive`]) while
    /// the canvas keeps the last one, and show it whole when done; a frame
    /// already on its way is left to finish. Others draw now.
    pub fn draw_progressively(&self) {
        if !self.large() || self.scene.borrow().animating() {
            self.draw_now();
            return;
        }
        if self.progressive.borrow().is_some() {
            return;
        }
        if self.back.borrow().is_none() {
            *self.back.borrow_mut() = offscreen_canvas();
        }
        let back = self.back.borrow().clone();
        let t = now();
        let Some(p) = back.and_then(|back| self.read(|s| s.begin_progressive(&back))) else {
            self.draw_now();
            return;
        };
        self.full_cost.set(now() - t);
        *self.progressive.borrow_mut() = Some(p);
        self.generation.set(self.generation.get().wrapping_add(1));
        self.progress_on_next_frame(self.generation.get());
    }

    /// What the last full frame (or the progressive one on its way, so
    /// far) cost to paint, in ms.
    pub fn full_frame_cost(&self) -> f64 {
        self.full_cost.get()
    }

    /// Whether a progressive frame is on its way.
    pub fn painting(&self) -> bool {
        self.progressive.borrow().is_some()
    }

    /// Stops a progressive frame on its way (the view moved, or a full
    /// frame is drawn now).
    fn cancel_progressive(&self) {
        if self.progressive.borrow_mut().take().is_some() {
            self.generation.set(self.generation.get().wrapping_add(1));
        }
    }

    /// Paints the next part of progressive frame `generation` on the next
    /// animation frame, and shows the frame once it is complete.
    fn progress_on_next_frame(&self, generation: u32) {
        let this = self.clone();
        let cb = Closure::once_into_js(move || {
            if this.generation.get() != generation {
                return;
            }
            let chunk = this.chunk.get();
            let t = now();
            let Some(done) = this
                .progressive
                .borrow_mut()
                .as_mut()
                .map(|p| p.step(chunk))
            else {
                return;
            };
            let took = now() - t;
            this.full_cost.set(this.full_cost.get() + took);
            if !done {
                // About 8 ms of painting per frame, whatever the machine.
                let took = took.max(0.5);
                this.chunk
                    .set(((chunk as f64 * 8.0 / took) as usize).clamp(500, 50_000));
                this.progress_on_next_frame(generation);
                return;
            }
            let Some(p) = this.progressive.borrow_mut().take() else {
                return;
            };
            this.show_progressive(&p);
        });
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(cb.unchecked_ref());
        }
    }

    /// Puts a completed progressive frame on the canvas; one drawn for a
    /// camera or size the view no longer has is redrawn instead.
    fn show_progressive(&self, p: &Progressive) {
        let (Some(canvas), Some(back)) = (self.target(), self.back.borrow().clone()) else {
            return;
        };
        let same = self.read(|s| s.camera) == p.camera
            && back.width() == canvas.width()
            && back.height() == canvas.height();
        let Some(ctx) = context(&canvas).filter(|_| same) else {
            self.draw_progressively();
            return;
        };
        clear(&ctx, &canvas);
        let _ = ctx.draw_image_with_html_canvas_element(&back, 0.0, 0.0);
        self.full_frame_shown(&canvas, p.camera);
    }

    /// Copies the canvas, which shows the last full frame, drawn with `cam`.
    fn keep_snapshot(&self, canvas: &web_sys::HtmlCanvasElement, cam: Camera) {
        let mut snap = self.snapshot.borrow_mut();
        if snap.is_none() {
            let Some(c) = offscreen_canvas() else {
                return;
            };
            *snap = Some((c, Camera::default()));
        }
        let Some((copy, with)) = snap.as_mut() else {
            return;
        };
        copy.set_width(canvas.width());
        copy.set_height(canvas.height());
        if let Some(ctx) = context(copy) {
            let _ = ctx.draw_image_with_html_canvas_element(canvas, 0.0, 0.0);
            *with = cam;
        }
    }

    /// Shows a camera change (pan, zoom). Large graphs move and scale the
    /// last full frame as a bitmap, as cytoscape's `textureOnViewport`
    /// does, and redraw fully once the view has been still for 120 ms
    /// (progressively, so that redraw is no long frame); the others redraw
    /// fully on the next frame.
    pub fn view_moved(&self) {
        let animating = self.scene.borrow().animating();
        if animating || !self.large() {
            self.request_frame();
            return;
        }
        // The canvas still shows the last full frame unless a moved frame
        // was drawn since, and then the snapshot is current.
        // A progressive frame on its way is for the old camera.
        self.cancel_progressive();
        if let (Some(cam), Some(canvas)) = (self.drawn_with.take(), self.target()) {
            self.keep_snapshot(&canvas, cam);
        }
        if self.snapshot.borrow().is_none() {
            self.request_frame();
            return;
        }
        self.schedule(Pending::Moved);
        let this = self.clone();
        self.settle_timer
            .call(120, move || this.draw_progressively());
    }

    /// Draws the last full frame moved to the current camera; false when
    /// it cannot (no snapshot, or the canvas changed size).
    fn draw_moved(&self) -> bool {
        let (Some(canvas), Some((copy, from))) = (self.target(), self.snapshot.borrow().clone())
        else {
            return false;
        };
        if copy.width() != canvas.width() || copy.height() != canvas.height() {
            return false;
        }
        let Some(ctx) = context(&canvas) else {
            return false;
        };
        let (to, dpr) = self.read(|s| (s.camera, f64::from(s.dpr)));
        let [k, tx, ty] = camera::reframe(&from, &to).map(f64::from);
        clear(&ctx, &canvas);
        let _ = ctx.set_transform(k, 0.0, 0.0, k, tx * dpr, ty * dpr);
        let (full, moved) = self.drawn.get();
        self.drawn.set((full, moved + 1));
        ctx.draw_image_with_html_canvas_element(&copy, 0.0, 0.0)
            .is_ok()
    }

    /// Frames drawn so far: (full frames, moved bitmaps).
    pub fn frames_drawn(&self) -> (u32, u32) {
        self.drawn.get()
    }

    /// Schedules one animation frame (coalescing repeated requests).
    pub fn request_frame(&self) {
        self.schedule(Pending::Full);
    }

    /// Schedules `what` for the next animation frame; a full frame wins
    /// over a moved one.
    fn schedule(&self, what: Pending) {
        let before = self.pending.get();
        if what > before {
            self.pending.set(what);
        }
        if before != Pending::None {
            return;
        }
        let this = self.clone();
        let cb = Closure::once_into_js(move |t: f64| {
            let what = this.pending.replace(Pending::None);
            if what == Pending::Moved && this.draw_moved() {
                return;
            }
            this.scene.borrow_mut().step(t);
            this.draw_now();
        });
        if let Some(w) = web_sys::window() {
            let _ = w.request_animation_frame(cb.unchecked_ref());
        }
    }
}

/// A canvas outside the page, to paint on or copy to.
fn offscreen_canvas() -> Option<web_sys::HtmlCanvasElement> {
    let el = web_sys::window()?
        .document()?
        .create_element("canvas")
        .ok()?;
    Some(el.unchecked_into())
}

/// Clears all of `canvas` (whose 2D context is `ctx`), leaving the
/// identity transform set.
fn clear(ctx: &web_sys::CanvasRenderingContext2d, canvas: &web_sys::HtmlCanvasElement) {
    let _ = ctx.set_transform(1.0, 0.0, 0.0, 1.0, 0.0, 0.0);
    ctx.clear_rect(
        0.0,
        0.0,
        f64::from(canvas.width()),
        f64::from(canvas.height()),
    );
}

/// The canvas's 2D context.
fn context(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
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

/// What the render loop last drew, on the canvas: `moving` or `settled`.
fn set_layout_state(canvas: &web_sys::HtmlCanvasElement, state: &str) {
    if canvas.get_attribute("data-layout").as_deref() != Some(state) {
        let _ = canvas.set_attribute("data-layout", state);
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
