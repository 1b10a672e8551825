//! The render loop: the one place that draws the graph's canvas.
//!
//! Components never draw. They change the [`Scene`] through
//! [`SceneHandle::update`], from effects on the view state's signals and
//! memos, and the loop draws on the next animation frame (coalescing every
//! change made in between), keeps drawing while a transition runs, moves a
//! bitmap for pans and zooms of large graphs, and says what it drew:
//! `data-layout` (`moving` / `settled`) on the canvas. What else follows a
//! change or a frame is the page's [`Host`]: the app's records the camera in
//! the link and lays the accessible node list over the nodes
//! ([`super::canvas_host`]). No Leptos here: the bench page's module
//! (`src/bench_page.rs`) draws with this loop and is built without it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::browser::Debounce;
pub(super) use super::browser::now;
use super::scene::{Progressive, Scene};
use crate::view::camera::{self, Camera};

/// What a page adds to the render loop: where it draws, and what follows
/// a change or a frame. The app's host ([`super::canvas_host::AppHost`])
/// records the camera in the link and exposes the node list; the bench
/// page's ([`Fixed`]) only draws. The loop itself knows nothing of Leptos,
/// so the bench page's module is built without it.
pub trait Host: Sized + 'static {
    /// The canvas to draw on; none until it is mounted.
    fn canvas(&self) -> Option<web_sys::HtmlCanvasElement>;
    /// The scene was changed through [`SceneHandle::update`].
    fn changed(&self, handle: &SceneHandle<Self>);
    /// A full frame is about to be drawn.
    fn before_frame(&self, handle: &SceneHandle<Self>);
    /// A settled full frame is on `canvas`: the host says `settled` (see
    /// [`set_layout_state`]) once its readers can use it.
    fn settled(&self, handle: &SceneHandle<Self>, canvas: &web_sys::HtmlCanvasElement);
}

/// A canvas made outside any framework (the bench page), settled as soon
/// as it is drawn.
pub struct Fixed(pub web_sys::HtmlCanvasElement);

impl Host for Fixed {
    fn canvas(&self) -> Option<web_sys::HtmlCanvasElement> {
        Some(self.0.clone())
    }
    fn changed(&self, _: &SceneHandle<Self>) {}
    fn before_frame(&self, _: &SceneHandle<Self>) {}
    fn settled(&self, _: &SceneHandle<Self>, canvas: &web_sys::HtmlCanvasElement) {
        set_layout_state(canvas, "settled");
    }
}

/// Handle to the scene shared by the view's closures.
pub struct SceneHandle<H> {
    scene: Rc<RefCell<Scene>>,
    /// Where it draws, and what follows a change or a frame.
    host: Rc<H>,
    /// The frame scheduled for the next animation frame, if any.
    pending: Rc<Cell<Pending>>,
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
}

// By hand: a derive would ask `H: Clone`, and the host is shared, not cloned.
impl<H> Clone for SceneHandle<H> {
    fn clone(&self) -> Self {
        SceneHandle {
            scene: self.scene.clone(),
            host: self.host.clone(),
            pending: self.pending.clone(),
            snapshot: self.snapshot.clone(),
            drawn_with: self.drawn_with.clone(),
            settle_timer: self.settle_timer.clone(),
            drawn: self.drawn.clone(),
            progressive: self.progressive.clone(),
            back: self.back.clone(),
            generation: self.generation.clone(),
            chunk: self.chunk.clone(),
            full_cost: self.full_cost.clone(),
        }
    }
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

impl<H: Host> SceneHandle<H> {
    /// A handle drawing an empty scene where `host` says.
    pub fn new(host: H) -> Self {
        SceneHandle {
            scene: Rc::new(RefCell::new(Scene::new())),
            host: Rc::new(host),
            pending: Rc::new(Cell::new(Pending::None)),
            snapshot: Rc::new(RefCell::new(None)),
            drawn_with: Rc::new(Cell::new(None)),
            drawn: Rc::new(Cell::new((0, 0))),
            progressive: Rc::new(RefCell::new(None)),
            back: Rc::new(RefCell::new(None)),
            generation: Rc::new(Cell::new(0)),
            chunk: Rc::new(Cell::new(2_000)),
            full_cost: Rc::new(Cell::new(0.0)),
            settle_timer: Debounce::default(),
        }
    }

    /// The host.
    pub fn host(&self) -> &H {
        &self.host
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
        self.host.changed(self);
        r
    }

    /// Changes the scene without drawing: for the bench page, which runs
    /// its own frame loop and draws with [`SceneHandle::draw_now`].
    pub fn with<R>(&self, f: impl FnOnce(&mut Scene) -> R) -> R {
        f(&mut self.scene.borrow_mut())
    }

    /// Whether a full frame is too slow to redraw on every pointer event.
    fn large(&self) -> bool {
        self.read(|s| s.graph.nodes.len() + s.graph.edges.len() > camera::BITMAP_MOVE_ELEMENTS)
    }

    /// Draws now (synchronously), then keeps animating while needed. The
    /// app draws only from the loop; the bench page calls this itself.
    pub fn draw_now(&self) {
        self.cancel_progressive();
        self.host.before_frame(self);
        if let Some(canvas) = self.host.canvas() {
            let t = now();
            self.scene.borrow_mut().draw(&canvas);
            self.full_cost.set(now() - t);
            self.full_frame_shown(&canvas, self.read(|s| s.camera));
        }
        if self.scene.borrow().animating() {
            self.request_frame();
        }
    }

    /// What follows a full frame on `canvas`, drawn with `cam`.
    fn full_frame_shown(&self, canvas: &web_sys::HtmlCanvasElement, cam: Camera) {
        if self.scene.borrow().animating() {
            set_layout_state(canvas, "moving");
        } else {
            self.host.settled(self, canvas);
        }
        let (full, moved) = self.drawn.get();
        self.drawn.set((full + 1, moved));
        // Copied lazily, when a pan or zoom starts: a copy rasterises
        // the frame, too slow to do after every layout frame.
        self.drawn_with.set(Some(cam));
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
        let (Some(canvas), Some(back)) = (self.host.canvas(), self.back.borrow().clone()) else {
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
        if let (Some(cam), Some(canvas)) = (self.drawn_with.take(), self.host.canvas()) {
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
        let (Some(canvas), Some((copy, from))) =
            (self.host.canvas(), self.snapshot.borrow().clone())
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

/// What the render loop last drew, on the canvas: `moving` or `settled`.
pub(super) fn set_layout_state(canvas: &web_sys::HtmlCanvasElement, state: &str) {
    if canvas.get_attribute("data-layout").as_deref() != Some(state) {
        let _ = canvas.set_attribute("data-layout", state);
    }
}
