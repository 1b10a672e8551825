//! The canvas scene: positions, camera and highlight state of the drawn
//! graph, and the Canvas 2D drawing. Layout and geometry come from the pure
//! modules; this file only issues draw calls.

use std::collections::{BTreeMap, BTreeSet};

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::graph::Graph;
use crate::layout::force::Point;
use crate::layout::{self, Canonical, LayoutKind, LayoutRequest, Orientation};
use crate::model::Dataset;
use crate::render;
use crate::view::camera::{self, Camera};

/// A running transition between two sets of positions, and between two
/// cameras when the view follows the picture (the reader has not steered it).
#[derive(Debug, Clone)]
struct Transition {
    from: Vec<Point>,
    to: Vec<Point>,
    camera: Option<(Camera, Camera)>,
    start: f64,
    duration: f64,
}

/// Everything needed to draw one frame.
pub struct Scene {
    /// The graph shown.
    pub graph: Graph,
    /// Current node positions (world units).
    pub pos: Vec<Point>,
    /// Node radii (world units).
    pub radius: Vec<f32>,
    /// The view transform.
    pub camera: Camera,
    transition: Option<Transition>,
    /// Which layout is shown.
    pub layout: LayoutKind,
    /// Alignment-axis grouping: region, year joined or lean.
    order: layout::Order,
    /// Each country's lean (for ordering by it and colouring by it).
    lean: layout::Standings,
    /// Colour nodes by lean band instead of membership.
    lean_colour: bool,
    /// Each node's lean band, resolved against the graph.
    bands: Vec<crate::charts::lean::Band>,
    /// Agencies, institutions and companies drawn as their own nodes.
    show_bodies: bool,
    /// The canvas shape the current positions were made for.
    orientation: Orientation,
    /// The whole-dataset pictures every view takes its positions from.
    canonical: Canonical,
    /// Selected node.
    pub selected: Option<usize>,
    /// Node under the pointer.
    pub hovered: Option<usize>,
    /// Keyboard-focused node.
    pub focus: Option<usize>,
    /// Nodes matching the search text.
    pub matches: BTreeSet<usize>,
    // Highlights by node id: the graph can change under them, so indices
    // are re-resolved against the scene's own graph.
    selected_id: Option<String>,
    focus_id: Option<String>,
    match_ids: BTreeSet<String>,
    /// A story step's marks, by node id: spotlit nodes, and callouts.
    story_ids: (Vec<String>, Vec<crate::story::Note>),
    spotlight: BTreeSet<usize>,
    notes: Vec<render::Callout>,
    /// A change view's new actors and actors whose status changed (by id)
    /// and new ties (partnership rows), and their marks on the current graph.
    change_ids: (Vec<String>, Vec<String>, Vec<usize>),
    new_nodes: BTreeSet<usize>,
    changed_nodes: BTreeSet<usize>,
    new_edges: BTreeSet<usize>,
    /// Canvas size in CSS pixels.
    pub width: f32,
    /// Canvas height in CSS pixels.
    pub height: f32,
    /// Device pixel ratio.
    pub dpr: f32,
    /// Dark theme.
    pub dark: bool,
    /// Reduced motion: no animated transitions.
    reduced_motion: bool,
    /// The user moved the camera; don't refit on changes.
    user_moved: bool,
    /// Pixels at the bottom of the canvas covered by something else (a
    /// phone's details sheet): the fitted view keeps out of them.
    covered_bottom: f32,
    /// Only some regions are shown (the map then frames their countries).
    pub regional: bool,
    /// Bench mode: only hub labels, as the peers draw.
    pub bench: bool,
    /// A camera from the URL, applied once the canvas has its size.
    pending_view: Option<[f32; 3]>,
    /// What the axes of the current layout mean (the alignment axis).
    pub axis_labels: Vec<layout::AxisLabel>,
}

impl Scene {
    /// An empty scene.
    pub fn new() -> Self {
        Scene {
            graph: Graph::default(),
            pos: Vec::new(),
            radius: Vec::new(),
            camera: Camera::default(),
            transition: None,
            layout: LayoutKind::Force,
            order: layout::Order::Region,
            lean: layout::Standings::new(),
            lean_colour: false,
            bands: Vec::new(),
            show_bodies: false,
            orientation: Orientation::Landscape,
            canonical: Canonical::default(),
            selected: None,
            hovered: None,
            focus: None,
            matches: BTreeSet::new(),
            selected_id: None,
            focus_id: None,
            match_ids: BTreeSet::new(),
            story_ids: Default::default(),
            spotlight: BTreeSet::new(),
            notes: Vec::new(),
            change_ids: Default::default(),
            new_nodes: BTreeSet::new(),
            changed_nodes: BTreeSet::new(),
            new_edges: BTreeSet::new(),
            width: 800.0,
            height: 600.0,
            dpr: 1.0,
            dark: false,
            reduced_motion: false,
            user_moved: false,
            covered_bottom: 0.0,
            regional: false,
            bench: false,
            pending_view: None,
            axis_labels: Vec::new(),
        }
    }

    /// What the app opens with: the link's camera (applied once the canvas
    /// has a size), layout and ordering, and the reader's motion preference.
    pub fn open(
        &mut self,
        view: Option<[f32; 3]>,
        layout: LayoutKind,
        order: layout::Order,
        reduced_motion: bool,
    ) {
        self.pending_view = view;
        self.layout = layout;
        self.order = order;
        self.reduced_motion = reduced_motion;
    }

    /// True while something still moves.
    pub fn animating(&self) -> bool {
        self.transition.is_some()
    }

    /// Shows a new graph (after a filter or date change). Nodes go to their
    /// canonical places, so the ones still shown do not move; `instant`
    /// skips the animation (first paint, reduced motion).
    pub fn set_graph(
        &mut self,
        graph: Graph,
        ds: &Dataset,
        show_bodies: bool,
        instant: bool,
        now: f64,
    ) {
        let old: BTreeMap<String, Point> = crate::sort::map_of(
            self.graph
                .nodes
                .iter()
                .zip(&self.pos)
                .map(|(n, p)| (n.id.clone(), *p)),
        );
        self.graph = graph;
        self.show_bodies = show_bodies;
        self.hovered = None;
        self.resolve();
        self.apply_layout(ds, instant || self.reduced_motion, now, Some(&old));
    }

    /// Selects a node by id (or none).
    pub fn set_selected(&mut self, id: Option<String>) {
        self.selected_id = id;
        self.resolve();
    }

    /// Moves the keyboard focus ring to a node by id (or none).
    pub fn set_focus(&mut self, id: Option<String>) {
        self.focus_id = id;
        self.resolve();
    }

    /// Rings the nodes matching the search text, by id.
    pub fn set_matches(&mut self, ids: BTreeSet<String>) {
        self.match_ids = ids;
        self.resolve();
    }

    fn resolve(&mut self) {
        self.selected = self
            .selected_id
            .as_deref()
            .and_then(|id| self.graph.index_of(id));
        self.focus = self
            .focus_id
            .as_deref()
            .and_then(|id| self.graph.index_of(id));
        let g = &self.graph;
        self.bands = g
            .nodes
            .iter()
            .map(|n| {
                self.lean
                    .get(n.country.as_deref().unwrap_or(&n.id))
                    .map_or(crate::charts::lean::Band::NoTies, |s| s.band)
            })
            .collect();
        self.matches = crate::sort::set_of(self.match_ids.iter().filter_map(|id| g.index_of(id)));
        let (actors, changed, ties) = &self.change_ids;
        (self.new_nodes, self.new_edges) = crate::charts::change::marks(g, actors, ties);
        self.changed_nodes = crate::charts::change::marks(g, changed, &[]).0;
        let (spot, notes) = &self.story_ids;
        self.spotlight = crate::sort::set_of(spot.iter().filter_map(|id| g.index_of(id)));
        self.notes = notes
            .iter()
            .filter_map(|n| {
                let at = match &n.target {
                    crate::story::Target::Node(a) => (g.index_of(a)?, None),
                    crate::story::Target::Tie(a, b) => (g.index_of(a)?, Some(g.index_of(b)?)),
                };
                Some(render::Callout {
                    at,
                    text: n.text.clone(),
                })
            })
            .collect();
    }

    /// A change view's marks (none without a compare-with date, or with the
    /// marks turned off): the new members and those whose status changed,
    /// by id, and the new ties as partnership rows.
    pub fn set_changes(&mut self, actors: Vec<String>, changed: Vec<String>, ties: Vec<usize>) {
        self.change_ids = (actors, changed, ties);
        self.resolve();
    }

    /// Each node's lean band when nodes are coloured by lean (for exports).
    pub fn lean_bands(&self) -> Option<&[crate::charts::lean::Band]> {
        self.lean_colour.then_some(self.bands.as_slice())
    }

    /// Each country's lean, and whether nodes are coloured by it; an
    /// alignment axis ordered by lean moves to the new order.
    pub fn set_lean(&mut self, lean: layout::Standings, colour: bool, ds: &Dataset, now: f64) {
        let moved = lean != self.lean;
        self.lean = lean;
        self.lean_colour = colour;
        self.resolve();
        if moved && self.layout == LayoutKind::Alignment && self.order == layout::Order::Lean {
            self.apply_layout(ds, self.reduced_motion, now, None);
        }
    }

    /// A story step's marks (none outside a story): the nodes spotlit, and
    /// callouts on a node or on the tie between two.
    pub fn set_story(&mut self, spotlight: Vec<String>, notes: Vec<crate::story::Note>) {
        self.story_ids = (spotlight, notes);
        self.resolve();
    }

    /// Switches layout with an animated transition.
    pub fn set_layout(&mut self, kind: LayoutKind, order: layout::Order, ds: &Dataset, now: f64) {
        self.layout = kind;
        self.order = order;
        self.apply_layout(ds, self.reduced_motion, now, None);
    }

    /// Lays the graph out again when the canvas turns between landscape and
    /// portrait; true if it did.
    pub fn follow_orientation(&mut self, ds: &Dataset) -> bool {
        if Orientation::of(self.width, self.height) == self.orientation {
            return false;
        }
        // The picture turned: a camera steered on the old one shows an
        // arbitrary patch of the new one, so the view is fitted again.
        self.user_moved = false;
        self.apply_layout(ds, true, 0.0, None);
        true
    }

    /// Moves the nodes to the layout's positions, from where they are (or,
    /// for a new graph, from where the nodes of the old one were).
    fn apply_layout(
        &mut self,
        ds: &Dataset,
        instant: bool,
        now: f64,
        old: Option<&BTreeMap<String, Point>>,
    ) {
        self.orientation = Orientation::of(self.width, self.height);
        self.radius = layout::radii_for(&self.graph, self.layout);
        let placed = self.canonical.place(
            ds,
            &self.graph,
            LayoutRequest {
                kind: self.layout,
                order: self.order,
                show_bodies: self.show_bodies,
                orientation: self.orientation,
            },
            &self.lean,
        );
        self.axis_labels = placed.axis_labels;
        let target = placed.pos;
        // Nodes that were shown start where they were; new ones at their place.
        let from: Vec<Point> = match old {
            Some(old) => self
                .graph
                .nodes
                .iter()
                .zip(&target)
                .map(|(n, t)| old.get(&n.id).copied().unwrap_or(*t))
                .collect(),
            None if self.pos.len() == target.len() => self.pos.clone(),
            None => target.clone(),
        };
        let camera_from = self.camera;
        self.pos = target;
        self.transition = None;
        let follow = !self.user_moved;
        if follow {
            self.fit_target();
        }
        if instant || (from == self.pos && (!follow || camera_from == self.camera)) {
            return;
        }
        // Drawn from where the nodes were, moving toward the target.
        let to = std::mem::replace(&mut self.pos, from.clone());
        self.transition = Some(Transition {
            to,
            camera: follow.then_some((camera_from, self.camera)),
            from,
            start: now,
            duration: 650.0,
        });
        if follow {
            self.camera = camera_from;
        }
    }

    /// Moves the camera to the fitted view with an animation (instant under
    /// reduced motion), when the reader has not steered it.
    pub fn refit(&mut self, now: f64) {
        if self.user_moved {
            return;
        }
        let from = self.camera;
        self.fit_target();
        // A move already under way now ends on the new fit.
        if let Some(t) = &mut self.transition {
            if let Some((_, to)) = &mut t.camera {
                *to = self.camera;
                self.camera = from;
            }
            return;
        }
        if self.reduced_motion || from == self.camera {
            return;
        }
        self.transition = Some(Transition {
            from: self.pos.clone(),
            to: self.pos.clone(),
            camera: Some((from, self.camera)),
            start: now,
            duration: 400.0,
        });
        self.camera = from;
    }

    /// Advances a running transition to time `now`.
    pub fn step(&mut self, now: f64) {
        let Some(t) = &self.transition else {
            return;
        };
        let k = ((now - t.start) / t.duration).clamp(0.0, 1.0) as f32;
        let e = if k < 0.5 {
            4.0 * k * k * k
        } else {
            1.0 - (-2.0 * k + 2.0).powi(3) / 2.0
        };
        self.pos = t
            .from
            .iter()
            .zip(&t.to)
            .map(|(a, b)| [a[0] + (b[0] - a[0]) * e, a[1] + (b[1] - a[1]) * e])
            .collect();
        // A reader who grabs the view mid-move keeps it.
        if let (Some((a, b)), false) = (t.camera, self.user_moved) {
            self.camera = a.lerp(&b, e);
        }
        if k >= 1.0 {
            // Exactly the target, not an interpolation's rounding of it: a
            // view reached by steps draws the same pixels as its link.
            if let Some(t) = self.transition.take() {
                self.pos = t.to;
                if let (Some((_, b)), false) = (t.camera, self.user_moved) {
                    self.camera = b;
                }
            }
        }
    }

    /// The camera that fits the whole graph.
    pub fn fitted_camera(&self) -> Camera {
        let target = self.transition.as_ref().map_or(&self.pos, |t| &t.to);
        // A map of some regions frames their countries: the hubs, drawn far
        // above the world, would shrink them to a corner.
        let (pos, radius): (Vec<Point>, Vec<f32>) =
            if self.layout == LayoutKind::Geographic && self.regional {
                self.graph
                    .nodes
                    .iter()
                    .zip(target.iter().zip(&self.radius))
                    .filter(|(n, _)| !n.is_hub())
                    .map(|(_, (p, r))| (*p, *r))
                    .unzip()
            } else {
                (target.clone(), self.radius.clone())
            };
        let (target, radius) = if pos.is_empty() {
            (target, &self.radius)
        } else {
            (&pos, &radius)
        };
        let covered = (self.height - self.covered_bottom).max(self.height * 0.3);
        camera::fitted_above(
            target,
            radius,
            &self.axis_labels,
            self.width,
            self.height,
            covered,
        )
    }

    /// The camera as view state: world centre and scale, or `None` while
    /// the view is fitted automatically.
    pub fn view_state(&self) -> Option<[f32; 3]> {
        if !self.user_moved {
            return None;
        }
        let c = self.camera.to_world([self.width / 2.0, self.height / 2.0]);
        Some([c[0], c[1], self.camera.scale])
    }

    /// The node under a canvas point, as a click or hover finds it.
    pub fn node_at(&self, p: Point) -> Option<usize> {
        camera::hit_test(&self.camera, &self.pos, &self.radius, p, camera::MIN_HIT_PX)
    }

    /// Sets the camera from view state (`None` fits the graph).
    pub fn set_view(&mut self, view: Option<[f32; 3]>) {
        match view {
            Some([x, y, scale]) => {
                self.camera = Camera::centre_on([x, y], scale, self.width, self.height);
                self.user_moved = true;
            }
            None => {
                self.user_moved = false;
                self.fit_target();
            }
        }
    }

    /// Fits the view to the graph.
    pub fn fit_target(&mut self) {
        self.camera = self.fitted_camera();
    }

    /// The reader moved the view (pan, zoom, pinch, keys): from now on the
    /// camera stays where they put it, and goes into the link.
    pub fn steer(&mut self, camera: Camera) {
        self.camera = camera;
        self.user_moved = true;
    }

    /// The reader moved the picture on screen (scaled by `k`, shifted by
    /// `t`: [`Camera::then_screen`]) before the app drew it.
    pub fn steer_screen(&mut self, k: f32, t: Point) {
        self.steer(self.camera.then_screen(k, t));
    }

    /// Back to the fitted view, which follows the picture again.
    pub fn reset_view(&mut self) {
        self.user_moved = false;
        self.fit_target();
    }

    /// The canvas box is `w` × `h` CSS pixels at `dpr`; true when its size
    /// changed. A changed size may turn the picture upright (or back), takes
    /// the camera a link asked for once there is a size to centre it in,
    /// and refits a view the reader has not moved.
    pub fn resize(&mut self, w: f32, h: f32, dpr: f32, ds: &Dataset) -> bool {
        let changed = (self.width - w).abs() > 0.5 || (self.height - h).abs() > 0.5;
        (self.width, self.height, self.dpr) = (w, h, dpr);
        if changed {
            self.follow_orientation(ds);
            if let Some(v) = self.pending_view.take() {
                self.set_view(Some(v));
            } else if !self.user_moved {
                self.fit_target();
            }
        }
        changed
    }

    /// Pixels at the bottom covered by something else (a phone's details
    /// sheet); the fitted view moves into what is left.
    pub fn cover_bottom(&mut self, px: f32, now: f64) {
        if (px - self.covered_bottom).abs() > 0.5 {
            self.covered_bottom = px;
            self.refit(now);
        }
    }

    /// What is picked out on screen, by node index.
    pub fn highlight(&self) -> render::Highlight {
        render::Highlight {
            selected: self.selected,
            focus: self.focus,
            hovered: self.hovered,
            matches: self.matches.clone(),
            spotlight: self.spotlight.clone(),
            notes: self.notes.clone(),
            new_nodes: self.new_nodes.clone(),
            changed_nodes: self.changed_nodes.clone(),
            new_edges: self.new_edges.clone(),
        }
    }

    /// The frame as a display list (see [`crate::render`]).
    pub fn display_list(&self) -> render::DisplayList {
        let highlight = self.highlight();
        render::display_list(&render::Frame {
            graph: &self.graph,
            pos: &self.pos,
            radius: &self.radius,
            camera: self.camera,
            width: self.width,
            height: self.height,
            layout: self.layout,
            axis: &self.axis_labels,
            axis_visible: self.transition.is_none(),
            highlight: &highlight,
            dark: self.dark,
            bench: self.bench,
            lean: self.lean_colour.then_some(self.bands.as_slice()),
        })
    }

    /// Draws the frame: the display list, painted with Canvas 2D calls.
    pub fn draw(&mut self, canvas: &HtmlCanvasElement) {
        let Some(ctx) = self.prepare(canvas) else {
            return;
        };
        let list = self.display_list();
        paint(&ctx, &list, self.camera, f64::from(self.dpr));
    }

    /// `canvas` sized to the scene and cleared, with its 2D context's
    /// transform in CSS pixels; None when it has no 2D context.
    fn prepare(&self, canvas: &HtmlCanvasElement) -> Option<CanvasRenderingContext2d> {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())?;
        let (w, h, dpr) = (self.width, self.height, self.dpr);
        let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
        if canvas.width() != pw || canvas.height() != ph {
            canvas.set_width(pw);
            canvas.set_height(ph);
        }
        let _ = ctx.set_transform(f64::from(dpr), 0.0, 0.0, f64::from(dpr), 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));
        Some(ctx)
    }

    /// Starts drawing the frame on `back` (an off-screen canvas, sized
    /// here to the scene) a part at a time: see [`Progressive`]. None when
    /// `back` has no 2D context.
    pub fn begin_progressive(&self, back: &HtmlCanvasElement) -> Option<Progressive> {
        let ctx = self.prepare(back)?;
        let list = self.display_list();
        if !list.world.is_empty() {
            paint_world(&ctx, &list, self.camera, f64::from(self.dpr));
        }
        Some(Progressive {
            ctx,
            list,
            camera: self.camera,
            next: Some((0, 0)),
        })
    }
}

/// A frame painted over several animation frames, for graphs whose full
/// redraw takes longer than a frame (10 000 nodes and 30 000 ties: about
/// 180 ms on a CPU rasteriser): the ties a batch of segments at a time,
/// each batch rasterised before the step returns, then the rest. Painted
/// off screen, and shown whole when done, so no half frame is ever seen.
/// A tie batch stroked in parts blends where its parts overlap (a single
/// path would not): invisible at the thin, faint ties of such graphs.
pub struct Progressive {
    ctx: CanvasRenderingContext2d,
    list: render::DisplayList,
    /// The camera the frame is drawn with.
    pub camera: Camera,
    /// The next tie batch and segment to paint; None once all are.
    next: Option<(usize, usize)>,
}

impl Progressive {
    /// Paints up to `segments` more tie segments (rasterised before it
    /// returns), or, once the ties are done, everything else; true when the
    /// frame is complete.
    pub fn step(&mut self, segments: usize) -> bool {
        match self.next {
            Some(at) => {
                self.next = paint_edges(&self.ctx, &self.list, at, segments);
                // A one-pixel read makes the canvas rasterise what was
                // recorded now, not all at once when the frame is shown.
                let _ = self.ctx.get_image_data(0.0, 0.0, 1.0, 1.0);
                false
            }
            None => {
                paint_over_edges(&self.ctx, &self.list);
                true
            }
        }
    }
}

impl Default for Scene {
    fn default() -> Self {
        Self::new()
    }
}

/// Paints a display list on a 2D context whose transform is CSS pixels.
fn paint(ctx: &CanvasRenderingContext2d, list: &render::DisplayList, cam: Camera, dpr: f64) {
    if !list.world.is_empty() {
        paint_world(ctx, list, cam, dpr);
    }
    paint_edges(ctx, list, (0, 0), usize::MAX);
    paint_over_edges(ctx, list);
}

/// Paints the ties from segment `at.1` of batch `at.0`, at most `budget`
/// segments; where it stopped, or None when every tie is painted.
fn paint_edges(
    ctx: &CanvasRenderingContext2d,
    list: &render::DisplayList,
    at: (usize, usize),
    budget: usize,
) -> Option<(usize, usize)> {
    let dashes = |d: &[f64]| {
        let a = js_sys::Array::new();
        for x in d {
            a.push(&wasm_bindgen::JsValue::from_f64(*x));
        }
        a
    };
    ctx.set_line_cap("round");
    let mut left = budget;
    let mut stopped = None;
    for (bi, b) in list.edges.iter().enumerate().skip(at.0) {
        let from = if bi == at.0 { at.1 } else { 0 };
        if left == 0 {
            stopped = Some((bi, from));
            break;
        }
        let to = b.segments.len().min(from.saturating_add(left));
        left -= to - from;
        let _ = ctx.set_line_dash(&dashes(&b.dash));
        ctx.set_stroke_style_str(&b.colour.rgba(b.alpha));
        ctx.set_line_width(b.width);
        ctx.begin_path();
        for (a, z, arc) in &b.segments[from..to] {
            ctx.move_to(f64::from(a[0]), f64::from(a[1]));
            match arc {
                Some(c) => ctx.quadratic_curve_to(
                    f64::from(c[0]),
                    f64::from(c[1]),
                    f64::from(z[0]),
                    f64::from(z[1]),
                ),
                None => ctx.line_to(f64::from(z[0]), f64::from(z[1])),
            }
        }
        ctx.stroke();
        if to < b.segments.len() {
            stopped = Some((bi, to));
            break;
        }
    }
    let _ = ctx.set_line_dash(&js_sys::Array::new());
    stopped
}

/// Paints what lies over the ties: nodes, rings, labels and callouts.
fn paint_over_edges(ctx: &CanvasRenderingContext2d, list: &render::DisplayList) {
    for b in &list.nodes {
        ctx.set_global_alpha(f64::from(b.alpha));
        ctx.begin_path();
        for (_, p, r) in &b.marks {
            trace(ctx, b.shape, *p, *r);
        }
        ctx.set_fill_style_str(&b.fill.hex());
        ctx.fill();
        if let Some(o) = b.outline {
            ctx.set_stroke_style_str(&o.hex());
            ctx.set_line_width(1.0);
            ctx.stroke();
        }
        if let Some(c) = b.centre {
            ctx.begin_path();
            for (_, p, r) in &b.marks {
                trace(ctx, render::Shape::Circle, *p, r * 0.38);
            }
            ctx.set_fill_style_str(&c.hex());
            ctx.fill();
        }
    }
    for n in &list.special {
        let ([x, y], r) = (n.at, n.r);
        ctx.set_global_alpha(f64::from(n.alpha));
        ctx.begin_path();
        trace(ctx, n.shape, n.at, r);
        match n.fill {
            render::Fill::Split(left, right) => {
                ctx.save();
                ctx.clip();
                ctx.set_fill_style_str(&left.hex());
                ctx.fill_rect(
                    f64::from(x - r),
                    f64::from(y - r),
                    f64::from(r),
                    f64::from(2.0 * r),
                );
                ctx.set_fill_style_str(&right.hex());
                ctx.fill_rect(
                    f64::from(x),
                    f64::from(y - r),
                    f64::from(r),
                    f64::from(2.0 * r),
                );
                ctx.restore();
                ctx.begin_path();
                trace(ctx, n.shape, n.at, r);
            }
            render::Fill::Solid(c) => {
                ctx.set_fill_style_str(&c.hex());
                ctx.fill();
            }
        }
        ctx.set_stroke_style_str(&n.outline.0.hex());
        ctx.set_line_width(n.outline.1);
        ctx.stroke();
        if let Some(c) = n.hub_ring {
            ctx.begin_path();
            trace(ctx, render::Shape::Circle, n.at, r + 3.0);
            ctx.set_stroke_style_str(&c.hex());
            ctx.set_line_width(2.0);
            ctx.stroke();
        }
    }
    ctx.set_global_alpha(1.0);
    for ring in &list.rings {
        ctx.begin_path();
        trace(ctx, render::Shape::Circle, ring.at, ring.r);
        ctx.set_stroke_style_str(&ring.colour.hex());
        ctx.set_line_width(ring.width);
        ctx.stroke();
    }
    ctx.set_text_baseline("middle");
    // The font and colours are set only when they change: labels share a
    // few, and each setting is parsed as CSS (measured: setting the font for
    // every label was about a quarter of drawing them at first paint).
    let (mut font, mut halo, mut fill) = (None, None, None);
    for t in list.axis_labels.iter().chain(&list.labels) {
        if font != Some((t.weight, t.size)) {
            font = Some((t.weight, t.size));
            ctx.set_font(&format!("{} {}px {}", t.weight, t.size, render::FONT));
        }
        let (x, y) = (f64::from(t.at[0]), f64::from(t.at[1]));
        if halo != Some(t.halo) {
            halo = Some(t.halo);
            ctx.set_line_width(t.halo.2);
            ctx.set_stroke_style_str(&t.halo.0.rgba(t.halo.1));
        }
        let _ = ctx.stroke_text(&t.text, x, y);
        if fill != Some(t.colour) {
            fill = Some(t.colour);
            ctx.set_fill_style_str(&t.colour.hex());
        }
        let _ = ctx.fill_text(&t.text, x, y);
    }
    for c in &list.callouts {
        let (a, b) = c.leader;
        ctx.begin_path();
        ctx.move_to(f64::from(a[0]), f64::from(a[1]));
        ctx.line_to(f64::from(b[0]), f64::from(b[1]));
        ctx.set_stroke_style_str(&c.border.hex());
        ctx.set_line_width(1.5);
        ctx.stroke();
        let [l, t, r, btm] = c.rect.map(f64::from);
        ctx.set_fill_style_str(&c.fill.hex());
        ctx.fill_rect(l, t, r - l, btm - t);
        ctx.stroke_rect(l, t, r - l, btm - t);
        for t in &c.lines {
            ctx.set_font(&format!("{} {}px {}", t.weight, t.size, render::FONT));
            ctx.set_fill_style_str(&t.colour.hex());
            let _ = ctx.fill_text(&t.text, f64::from(t.at[0]), f64::from(t.at[1]));
        }
    }
}

/// The map's outlines, in world units under the camera's transform.
fn paint_world(ctx: &CanvasRenderingContext2d, list: &render::DisplayList, cam: Camera, dpr: f64) {
    let k = f64::from(cam.scale) * dpr;
    let _ = ctx.set_transform(
        k,
        0.0,
        0.0,
        k,
        f64::from(cam.offset[0]) * dpr,
        f64::from(cam.offset[1]) * dpr,
    );
    let trace_rings = |rings: &[Vec<Point>]| {
        for ring in rings {
            for (i, p) in ring.iter().enumerate() {
                let (x, y) = (f64::from(p[0]), f64::from(p[1]));
                if i == 0 {
                    ctx.move_to(x, y)
                } else {
                    ctx.line_to(x, y)
                }
            }
            ctx.close_path();
        }
    };
    for (fill, outlines) in &list.world {
        ctx.begin_path();
        for o in outlines {
            trace_rings(&o.rings);
        }
        ctx.set_fill_style_str(&fill.hex());
        ctx.fill();
    }
    if let Some(border) = list.borders {
        ctx.begin_path();
        for (_, outlines) in &list.world {
            for o in outlines {
                trace_rings(&o.rings);
            }
        }
        ctx.set_stroke_style_str(&border.hex());
        ctx.set_line_width(0.8 / k * dpr);
        ctx.stroke();
    }
    let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
}

/// Adds a node's shape to the current path.
fn trace(ctx: &CanvasRenderingContext2d, shape: render::Shape, p: Point, r: f32) {
    if shape == render::Shape::Circle {
        let (x, y, r) = (f64::from(p[0]), f64::from(p[1]), f64::from(r));
        ctx.move_to(x + r, y);
        let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        return;
    }
    for (k, c) in shape.corners(p, r).iter().enumerate() {
        let (x, y) = (f64::from(c[0]), f64::from(c[1]));
        if k == 0 {
            ctx.move_to(x, y)
        } else {
            ctx.line_to(x, y)
        }
    }
    ctx.close_path();
}
