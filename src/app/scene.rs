//! The canvas scene: positions, camera and highlight state of the drawn
//! graph, and the Canvas 2D drawing. Layout and geometry come from the pure
//! modules; this file only issues draw calls.

use std::collections::{BTreeMap, BTreeSet};

use wasm_bindgen::JsCast;
use web_sys::{CanvasRenderingContext2d, HtmlCanvasElement};

use crate::camera::Camera;
use crate::facts::Alignment;
use crate::graph::{EdgeKind, Graph, NodeKind};
use crate::labels::{self, Candidate};
use crate::layout::force::Point;
use crate::layout::{self, Canonical, LayoutKind, LayoutRequest, Orientation};
use crate::model::{ActorKind, Dataset};
use crate::palette;

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
    /// Alignment-axis ordering: by join date instead of region.
    pub by_date: bool,
    /// Agencies, institutions and companies drawn as their own nodes.
    pub show_bodies: bool,
    /// The canvas shape the current positions were made for.
    pub orientation: Orientation,
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
    /// Canvas size in CSS pixels.
    pub width: f32,
    /// Canvas height in CSS pixels.
    pub height: f32,
    /// Device pixel ratio.
    pub dpr: f32,
    /// Dark theme.
    pub dark: bool,
    /// Reduced motion: no animated transitions.
    pub reduced_motion: bool,
    /// The user moved the camera; don't refit on changes.
    pub user_moved: bool,
    /// Pixels at the bottom of the canvas covered by something else (a
    /// phone's details sheet): the fitted view keeps out of them.
    pub covered_bottom: f32,
    /// Bench mode: only hub labels, as the peers draw.
    pub bench: bool,
    /// A camera from the URL, applied once the canvas has its size.
    pub pending_view: Option<[f32; 3]>,
    /// What the axes of the current layout mean (the alignment axis).
    pub axis_labels: Vec<layout::AxisLabel>,
    label_width: BTreeMap<usize, f32>,
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
            by_date: false,
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
            width: 800.0,
            height: 600.0,
            dpr: 1.0,
            dark: false,
            reduced_motion: false,
            user_moved: false,
            covered_bottom: 0.0,
            bench: false,
            pending_view: None,
            axis_labels: Vec::new(),
            label_width: BTreeMap::new(),
        }
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
        self.label_width.clear();
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
        self.matches = self
            .match_ids
            .iter()
            .filter_map(|id| self.graph.index_of(id))
            .collect();
    }

    /// Switches layout with an animated transition.
    pub fn set_layout(&mut self, kind: LayoutKind, by_date: bool, ds: &Dataset, now: f64) {
        self.layout = kind;
        self.by_date = by_date;
        self.apply_layout(ds, self.reduced_motion, now, None);
    }

    /// Lays the graph out again when the canvas turns between landscape and
    /// portrait; true if it did.
    pub fn follow_orientation(&mut self, ds: &Dataset) -> bool {
        if Orientation::of(self.width, self.height) == self.orientation {
            return false;
        }
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
                by_date: self.by_date,
                show_bodies: self.show_bodies,
                orientation: self.orientation,
            },
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
        self.transition = Some(Transition {
            to: self.pos.clone(),
            camera: follow.then_some((camera_from, self.camera)),
            from,
            start: now,
            duration: 650.0,
        });
        self.pos = self
            .transition
            .as_ref()
            .map_or(Vec::new(), |t| t.from.clone());
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
        if self.reduced_motion || self.transition.is_some() || from == self.camera {
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
        match layout::bounds_with_labels(target, &self.radius, &self.axis_labels) {
            Some(b) => Camera::fit(
                b,
                self.width,
                (self.height - self.covered_bottom).max(self.height * 0.3),
                28.0,
            ),
            None => Camera::default(),
        }
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

    /// Draws the frame.
    pub fn draw(&mut self, canvas: &HtmlCanvasElement) {
        let Some(ctx) = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<CanvasRenderingContext2d>().ok())
        else {
            return;
        };
        let (w, h, dpr) = (self.width, self.height, self.dpr);
        let (pw, ph) = ((w * dpr).round() as u32, (h * dpr).round() as u32);
        if canvas.width() != pw || canvas.height() != ph {
            canvas.set_width(pw);
            canvas.set_height(ph);
        }
        let _ = ctx.set_transform(f64::from(dpr), 0.0, 0.0, f64::from(dpr), 0.0, 0.0);
        ctx.clear_rect(0.0, 0.0, f64::from(w), f64::from(h));

        let focus_set: Option<BTreeSet<usize>> = self.selected.map(|s| {
            let mut n = self.graph.neighbours(s);
            n.insert(s);
            n
        });
        let dimmed = |i: usize| focus_set.as_ref().is_some_and(|f| !f.contains(&i));
        let cam = self.camera;
        let scr: Vec<Point> = self.pos.iter().map(|p| cam.to_screen(*p)).collect();
        let dark = self.dark;
        let geo = self.layout == LayoutKind::Geographic && !self.bench;
        if geo {
            self.draw_world(&ctx);
        }

        // Edges, batched by style: one path and one stroke per style, so
        // tens of thousands of edges cost a handful of canvas calls.
        ctx.set_line_cap("round");
        let mut groups: std::collections::HashMap<(EdgeKind, bool, bool, u8), Vec<usize>> =
            std::collections::HashMap::new();
        for (k, e) in self.graph.edges.iter().enumerate() {
            if geo && !layout::map_shows_edge(e, self.selected) {
                continue;
            }
            let faded = dimmed(e.source) || dimmed(e.target);
            let width = if self.bench {
                0
            } else {
                (e.items.len().min(9)) as u8
            };
            groups
                .entry((e.kind, faded, e.unverified, width))
                .or_default()
                .push(k);
        }
        let mut keys: Vec<_> = groups.keys().copied().collect();
        // Faded first, so lit edges draw on top.
        crate::sort::sort_by_key(&mut keys, |k| (!k.1, format!("{:?}", k.0), k.2, k.3));
        for key in keys {
            let (kind, faded, unverified, count) = key;
            let st = palette::edge_style(kind, usize::from(count), faded, dark);
            // The bench draws every edge plain and thin, as the peers do.
            let (colour, dash, width) = if self.bench {
                (
                    st.colour.rgba(if faded { st.alpha } else { 0.35 }),
                    &[][..],
                    1.0,
                )
            } else {
                (st.colour.rgba(st.alpha), st.dash, st.width)
            };
            let dash_arr = js_sys::Array::new();
            for d in dash {
                dash_arr.push(&wasm_bindgen::JsValue::from_f64(*d));
            }
            if unverified {
                dash_arr.push(&wasm_bindgen::JsValue::from_f64(2.0));
                dash_arr.push(&wasm_bindgen::JsValue::from_f64(4.0));
            }
            let _ = ctx.set_line_dash(&dash_arr);
            ctx.set_stroke_style_str(&colour);
            ctx.set_line_width(width);
            ctx.begin_path();
            for &k in &groups[&key] {
                let e = &self.graph.edges[k];
                let (a, b) = (scr[e.source], scr[e.target]);
                ctx.move_to(f64::from(a[0]), f64::from(a[1]));
                if geo {
                    let c = layout::arc_control(a, b);
                    ctx.quadratic_curve_to(
                        f64::from(c[0]),
                        f64::from(c[1]),
                        f64::from(b[0]),
                        f64::from(b[1]),
                    );
                } else {
                    ctx.line_to(f64::from(b[0]), f64::from(b[1]));
                }
            }
            ctx.stroke();
        }
        let _ = ctx.set_line_dash(&js_sys::Array::new());

        // Nodes: plain ones batched by (shape, colour, dimmed); hubs and
        // "both" nodes (split fill) one by one.
        let stroke_bg = if dark {
            palette::BG_DARK
        } else {
            palette::BG_LIGHT
        };
        let mut plain: std::collections::HashMap<(NodeKind, Alignment, bool), Vec<usize>> =
            std::collections::HashMap::new();
        let mut special = Vec::new();
        for (i, n) in self.graph.nodes.iter().enumerate() {
            let p = scr[i];
            if p[0] < -50.0 || p[1] < -50.0 || p[0] > w + 50.0 || p[1] > h + 50.0 {
                continue;
            }
            // The bench draws "both" nodes in one colour, batched, as the
            // peers do; the app splits their fill (not colour alone).
            if n.is_hub() || (n.alignment == Alignment::Both && !self.bench) {
                special.push(i);
            } else {
                plain
                    .entry((n.kind, n.alignment, dimmed(i)))
                    .or_default()
                    .push(i);
            }
        }
        let max_r = layout::max_node_px(self.layout);
        let node_r = |i: usize| (self.radius[i] * cam.scale).clamp(2.0, max_r);
        for ((kind, alignment, faded), nodes) in &plain {
            ctx.set_global_alpha(if *faded { 0.18 } else { 1.0 });
            ctx.begin_path();
            for &i in nodes {
                trace_shape(&ctx, *kind, scr[i], node_r(i));
            }
            ctx.set_fill_style_str(&palette::alignment(*alignment, dark).hex());
            ctx.fill();
            if nodes.len() < 2000 {
                ctx.set_stroke_style_str(&stroke_bg.hex());
                ctx.set_line_width(1.0);
                ctx.stroke();
            }
            // ILRS-only nodes carry a light centre, so alignment is not told
            // by colour alone (Artemis: solid; both camps: split).
            if *alignment == Alignment::Ilrs && !self.bench {
                ctx.begin_path();
                for &i in nodes {
                    let (p, r) = (scr[i], f64::from(node_r(i)) * 0.38);
                    ctx.move_to(f64::from(p[0]) + r, f64::from(p[1]));
                    let _ = ctx.arc(
                        f64::from(p[0]),
                        f64::from(p[1]),
                        r,
                        0.0,
                        std::f64::consts::TAU,
                    );
                }
                ctx.set_fill_style_str(&stroke_bg.hex());
                ctx.fill();
            }
        }
        for i in special {
            let n = &self.graph.nodes[i];
            let p = scr[i];
            let r = node_r(i);
            ctx.set_global_alpha(if dimmed(i) { 0.18 } else { 1.0 });
            let fill = palette::alignment(n.alignment, dark);
            ctx.begin_path();
            trace_shape(&ctx, n.kind, p, r);
            if n.alignment == Alignment::Both {
                // Split fill: half Artemis, half ILRS, so "both" reads without colour.
                ctx.save();
                ctx.clip();
                ctx.set_fill_style_str(&palette::alignment(Alignment::Artemis, dark).hex());
                ctx.fill_rect(
                    f64::from(p[0] - r),
                    f64::from(p[1] - r),
                    f64::from(r),
                    f64::from(2.0 * r),
                );
                ctx.set_fill_style_str(&palette::alignment(Alignment::Ilrs, dark).hex());
                ctx.fill_rect(
                    f64::from(p[0]),
                    f64::from(p[1] - r),
                    f64::from(r),
                    f64::from(2.0 * r),
                );
                ctx.restore();
                ctx.begin_path();
                trace_shape(&ctx, n.kind, p, r);
            } else {
                ctx.set_fill_style_str(&fill.hex());
                ctx.fill();
            }
            ctx.set_stroke_style_str(&stroke_bg.hex());
            ctx.set_line_width(if n.is_hub() { 3.0 } else { 1.0 });
            ctx.stroke();
            if n.is_hub() {
                ctx.begin_path();
                let _ = ctx.arc(
                    f64::from(p[0]),
                    f64::from(p[1]),
                    f64::from(r + 3.0),
                    0.0,
                    std::f64::consts::TAU,
                );
                ctx.set_stroke_style_str(&fill.hex());
                ctx.set_line_width(2.0);
                ctx.stroke();
            }
        }
        ctx.set_global_alpha(1.0);
        // Rings: search matches, hover, keyboard focus, selection.
        let ring = |i: usize, colour: &str, width: f64, gap: f32| {
            let p = scr[i];
            let r = node_r(i) + gap;
            ctx.begin_path();
            let _ = ctx.arc(
                f64::from(p[0]),
                f64::from(p[1]),
                f64::from(r),
                0.0,
                std::f64::consts::TAU,
            );
            ctx.set_stroke_style_str(colour);
            ctx.set_line_width(width);
            ctx.stroke();
        };
        let ink = if dark { "#f4f6fb" } else { "#111827" };
        for &m in &self.matches {
            ring(m, "#d97706", 2.0, 3.0);
        }
        if let Some(h) = self.hovered {
            ring(h, ink, 1.5, 3.0);
        }
        if let Some(s) = self.selected {
            ring(s, ink, 2.5, 4.0);
        }
        if let Some(f) = self.focus {
            ring(f, "#d97706", 3.0, 7.0);
        }

        // Axis labels of the alignment layout (once its nodes have arrived),
        // kept clear of by the node labels below.
        let mut obstacles: Vec<[f32; 4]> = Vec::new();
        if self.transition.is_none() {
            for l in &self.axis_labels {
                let (font, size) = if l.heading {
                    (
                        "bold 13px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                        13.0,
                    )
                } else {
                    (
                        "600 11px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif",
                        11.0,
                    )
                };
                ctx.set_font(font);
                let tw = ctx.measure_text(&l.text).map_or(60.0, |m| m.width() as f32);
                let p = cam.to_screen(l.at);
                ctx.set_text_baseline("middle");
                let muted = if dark { "#aab2c0" } else { "#4b5563" };
                let (x, y) = (f64::from(p[0] - tw / 2.0), f64::from(p[1]));
                // A halo, as node labels have, so edges do not strike through.
                ctx.set_line_width(4.0);
                ctx.set_stroke_style_str(&stroke_bg.rgba(0.9));
                let _ = ctx.stroke_text(&l.text, x, y);
                ctx.set_fill_style_str(if l.heading { ink } else { muted });
                let _ = ctx.fill_text(&l.text, x, y);
                obstacles.push(labels::around(p, tw / 2.0 + 2.0, size));
            }
        }
        // Other nodes are obstacles too: a label drawn over a node reads as
        // that node's. (Not in the bench, which labels only the hubs.)
        if !self.bench {
            for (i, p) in scr.iter().enumerate() {
                let r = node_r(i)
                    + if self.graph.nodes[i].is_hub() {
                        3.0
                    } else {
                        0.0
                    };
                obstacles.push(labels::around(*p, r, r));
            }
        }

        // Labels: greedy, by priority; selection and its neighbours first.
        ctx.set_font("12px system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif");
        ctx.set_text_baseline("middle");
        let mut cands = Vec::new();
        for (i, n) in self.graph.nodes.iter().enumerate() {
            if self.bench && !n.is_hub() {
                continue;
            }
            if dimmed(i) {
                continue;
            }
            let p = scr[i];
            if p[0] < -50.0 || p[1] < -20.0 || p[0] > w + 50.0 || p[1] > h + 20.0 {
                continue;
            }
            let width = *self.label_width.entry(i).or_insert_with(|| {
                ctx.measure_text(&n.label)
                    .map(|m| m.width() as f32)
                    .unwrap_or(60.0)
            });
            let active =
                Some(i) == self.selected || Some(i) == self.focus || Some(i) == self.hovered;
            let neighbour = focus_set.is_some() && !active;
            let rank =
                labels::Rank::of(&self.graph, i, active, neighbour, self.matches.contains(&i));
            let font_scale = if n.is_hub() { 1.2 } else { 1.0 };
            cands.push(Candidate {
                node: i,
                priority: rank.priority(),
                must: rank.must(),
                x: p[0],
                y: p[1],
                radius: node_r(i) + if n.is_hub() { 3.0 } else { 0.0 },
                width: width * font_scale + 4.0,
                height: 15.0 * font_scale,
            });
        }
        let placed = labels::place(cands, &obstacles, w, h);
        for l in placed {
            let n = &self.graph.nodes[l.node];
            let weight = if n.is_hub() { "bold 14px" } else { "12px" };
            ctx.set_font(&format!(
                "{weight} system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif"
            ));
            let (x, y) = (
                f64::from(l.rect[0] + 2.0),
                f64::from((l.rect[1] + l.rect[3]) / 2.0),
            );
            ctx.set_line_width(3.0);
            ctx.set_stroke_style_str(&stroke_bg.rgba(0.85));
            let _ = ctx.stroke_text(&n.label, x, y);
            ctx.set_fill_style_str(ink);
            let _ = ctx.fill_text(&n.label, x, y);
        }
    }
}

impl Scene {
    /// The map's country outlines, filled by the alignment the view shows,
    /// drawn in world units under the camera's transform.
    fn draw_world(&self, ctx: &CanvasRenderingContext2d) {
        let (cam, dpr) = (self.camera, f64::from(self.dpr));
        let k = f64::from(cam.scale) * dpr;
        let _ = ctx.set_transform(
            k,
            0.0,
            0.0,
            k,
            f64::from(cam.offset[0]) * dpr,
            f64::from(cam.offset[1]) * dpr,
        );
        let fills = crate::world::fills(&self.graph, crate::world::outlines());
        let trace = |rings: &[Vec<Point>]| {
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
        // One path per fill colour, then every border in one stroke.
        for a in [
            None,
            Some(Alignment::Neither),
            Some(Alignment::Artemis),
            Some(Alignment::Ilrs),
            Some(Alignment::Both),
        ] {
            ctx.begin_path();
            for (o, _) in fills.iter().filter(|(_, f)| *f == a) {
                trace(&o.rings);
            }
            ctx.set_fill_style_str(&palette::map_fill(a, self.dark).hex());
            ctx.fill();
        }
        ctx.begin_path();
        for (o, _) in &fills {
            trace(&o.rings);
        }
        let bg = if self.dark {
            palette::BG_DARK
        } else {
            palette::BG_LIGHT
        };
        ctx.set_stroke_style_str(&bg.hex());
        ctx.set_line_width(0.8 / k * dpr);
        ctx.stroke();
        let _ = ctx.set_transform(dpr, 0.0, 0.0, dpr, 0.0, 0.0);
    }
}

impl Default for Scene {
    fn default() -> Self {
        Self::new()
    }
}

/// Adds a node's shape to the current path: circle for countries and hubs,
/// square for agencies, diamond for international organizations, triangle
/// for institutions, hexagon for companies.
fn trace_shape(ctx: &CanvasRenderingContext2d, kind: NodeKind, p: Point, r: f32) {
    let (x, y, r) = (f64::from(p[0]), f64::from(p[1]), f64::from(r));
    match kind {
        NodeKind::Hub(_) | NodeKind::Actor(ActorKind::Country) => {
            ctx.move_to(x + r, y);
            let _ = ctx.arc(x, y, r, 0.0, std::f64::consts::TAU);
        }
        NodeKind::Actor(ActorKind::Agency) => {
            let s = r * 0.9;
            ctx.rect(x - s, y - s, 2.0 * s, 2.0 * s);
        }
        NodeKind::Actor(ActorKind::Organization) => {
            ctx.move_to(x, y - r * 1.2);
            ctx.line_to(x + r * 1.2, y);
            ctx.line_to(x, y + r * 1.2);
            ctx.line_to(x - r * 1.2, y);
            ctx.close_path();
        }
        NodeKind::Actor(ActorKind::Institution) => {
            ctx.move_to(x, y - r * 1.2);
            ctx.line_to(x + r * 1.1, y + r * 0.8);
            ctx.line_to(x - r * 1.1, y + r * 0.8);
            ctx.close_path();
        }
        NodeKind::Actor(ActorKind::Company) => {
            for k in 0..6 {
                let a = std::f64::consts::PI / 3.0 * f64::from(k);
                let (px, py) = (x + r * a.cos(), y + r * a.sin());
                if k == 0 {
                    ctx.move_to(px, py)
                } else {
                    ctx.line_to(px, py)
                }
            }
            ctx.close_path();
        }
    }
}
