//! What is drawn: from a graph, its positions, a camera, the highlight state,
//! the theme and the size, a display list in screen pixels (map fills, edges
//! batched by style, nodes with shape, fill, ring and dimming, labels already
//! placed) with no browser types. The canvas painter (`app::scene`) and the
//! SVG export (`svg_export`) are thin consumers of the same list, so the
//! export is the screen and native tests can check what is drawn.

pub mod labels;
pub mod palette;

use std::collections::{BTreeMap, BTreeSet};

use crate::charts::lean::Band;
use crate::graph::facts::Alignment;
use crate::graph::{EdgeKind, Graph, MemberLink, NodeKind};
use crate::layout::force::Point;
use crate::layout::{self, AxisLabel, LayoutKind};
use crate::model::ActorKind;
use crate::view::camera::Camera;
use labels::{Candidate, Rank};
use palette::Rgb;

/// The font stack of every text the graph draws.
pub const FONT: &str = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";

/// Everything a frame depends on.
#[derive(Clone, Copy)]
pub struct Frame<'a> {
    /// The graph shown.
    pub graph: &'a Graph,
    /// Node positions, world units.
    pub pos: &'a [Point],
    /// Node radii, world units.
    pub radius: &'a [f32],
    /// World to screen.
    pub camera: Camera,
    /// Screen size in CSS pixels.
    pub width: f32,
    /// Screen height in CSS pixels.
    pub height: f32,
    /// The layout shown (the map adds outlines and draws ties on demand).
    pub layout: LayoutKind,
    /// The layout's axis labels, drawn when `axis_visible`.
    pub axis: &'a [AxisLabel],
    /// False while nodes are moving to a new layout.
    pub axis_visible: bool,
    /// What the reader is pointing at.
    pub highlight: &'a Highlight,
    /// Dark theme.
    pub dark: bool,
    /// The benchmark page: plain edges, batched "both" nodes, hub labels only.
    pub bench: bool,
    /// Colour by lean: each node's band (countries and their bodies; hubs
    /// keep their colour), instead of by membership.
    pub lean: Option<&'a [Band]>,
}

/// What the reader has picked out, by node index.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Highlight {
    /// The selection: it and its neighbours stay lit, the rest dims.
    pub selected: Option<usize>,
    /// The keyboard focus.
    pub focus: Option<usize>,
    /// Under the pointer.
    pub hovered: Option<usize>,
    /// Search matches.
    pub matches: BTreeSet<usize>,
    /// A story step's highlighted nodes: they, and what they are tied to,
    /// stay lit and labelled; the rest dims. Empty: nothing is spotlit.
    pub spotlight: BTreeSet<usize>,
    /// A story step's callouts.
    pub notes: Vec<Callout>,
    /// A change view's new members (ringed) and new ties (highlighted).
    pub new_nodes: BTreeSet<usize>,
    /// A change view's members whose status changed in the window (an
    /// intent or a signature became a membership): a thin double ring, told
    /// apart from a new member's single thick one.
    pub changed_nodes: BTreeSet<usize>,
    /// Edge indices of the ties formed in the change view's window.
    pub new_edges: BTreeSet<usize>,
}

/// A callout on the graph: a short text pointing at a node or a tie.
#[derive(Debug, Clone, PartialEq)]
pub struct Callout {
    /// A node's index, or the two ends of a tie.
    pub at: (usize, Option<usize>),
    /// The words.
    pub text: String,
}

/// A callout, placed: a box with its text, and a leader line to what it names.
#[derive(Debug, Clone, PartialEq)]
pub struct CalloutBox {
    /// Its lines (long notes wrap on narrow screens), placed in the box.
    pub lines: Vec<Text>,
    /// The box (left, top, right, bottom).
    pub rect: [f32; 4],
    /// Fill and border of the box.
    pub fill: Rgb,
    /// The border and leader line.
    pub border: Rgb,
    /// The leader line, from what it names to the box.
    pub leader: (Point, Point),
}

/// A node's outline.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Shape {
    /// Countries and hubs.
    Circle,
    /// Agencies.
    Square,
    /// International organizations.
    Diamond,
    /// Institutions.
    Triangle,
    /// Companies.
    Hexagon,
}

impl Shape {
    /// The shape of a node kind.
    pub fn of(kind: NodeKind) -> Shape {
        match kind {
            NodeKind::Hub(_) | NodeKind::Actor(ActorKind::Country) => Shape::Circle,
            NodeKind::Actor(ActorKind::Agency) => Shape::Square,
            NodeKind::Actor(ActorKind::Organization) => Shape::Diamond,
            NodeKind::Actor(ActorKind::Institution) => Shape::Triangle,
            NodeKind::Actor(ActorKind::Company) => Shape::Hexagon,
        }
    }

    /// The corners of a polygon shape of radius `r` at `p` (empty for a circle).
    pub fn corners(self, p: Point, r: f32) -> Vec<Point> {
        let [x, y] = p;
        match self {
            Shape::Circle => Vec::new(),
            Shape::Square => {
                let s = r * 0.9;
                vec![
                    [x - s, y - s],
                    [x + s, y - s],
                    [x + s, y + s],
                    [x - s, y + s],
                ]
            }
            Shape::Diamond => {
                let k = r * 1.2;
                vec![[x, y - k], [x + k, y], [x, y + k], [x - k, y]]
            }
            Shape::Triangle => vec![
                [x, y - r * 1.2],
                [x + r * 1.1, y + r * 0.8],
                [x - r * 1.1, y + r * 0.8],
            ],
            Shape::Hexagon => (0..6)
                .map(|k| {
                    let a = std::f32::consts::PI / 3.0 * k as f32;
                    [x + r * a.cos(), y + r * a.sin()]
                })
                .collect(),
        }
    }
}

/// Edges drawn alike, as one path.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeBatch {
    /// Stroke colour.
    pub colour: Rgb,
    /// Opacity.
    pub alpha: f32,
    /// Dash pattern in pixels (empty = solid).
    pub dash: Vec<f64>,
    /// Line width in pixels.
    pub width: f64,
    /// Segments from one end to the other; with `arc`, curves through it.
    pub segments: Vec<(Point, Point, Option<Point>)>,
    /// True when every edge in it is dimmed (the selection is elsewhere).
    pub faded: bool,
}

/// How a node is filled.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Fill {
    /// One colour.
    Solid(Rgb),
    /// Left half, right half: a country in both camps, told without colour alone.
    Split(Rgb, Rgb),
}

/// Plain nodes drawn alike, as one path.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeBatch {
    /// Shape.
    pub shape: Shape,
    /// Fill.
    pub fill: Rgb,
    /// Opacity (dimmed nodes are faint).
    pub alpha: f32,
    /// A thin outline in the background colour (left out for huge batches).
    pub outline: Option<Rgb>,
    /// A light centre (ILRS only, told without colour alone).
    pub centre: Option<Rgb>,
    /// The nodes: index, screen centre and pixel radius.
    pub marks: Vec<(usize, Point, f32)>,
}

/// A node drawn on its own: hubs, and countries in both camps.
#[derive(Debug, Clone, PartialEq)]
pub struct NodeMark {
    /// Node index.
    pub node: usize,
    /// Shape.
    pub shape: Shape,
    /// Screen centre.
    pub at: Point,
    /// Pixel radius.
    pub r: f32,
    /// Fill.
    pub fill: Fill,
    /// Opacity.
    pub alpha: f32,
    /// Outline colour and width.
    pub outline: (Rgb, f64),
    /// A hub's outer ring, in its colour.
    pub hub_ring: Option<Rgb>,
}

/// A ring around a node (search match, hover, selection, keyboard focus).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Ring {
    /// Screen centre.
    pub at: Point,
    /// Pixel radius.
    pub r: f32,
    /// Colour.
    pub colour: Rgb,
    /// Line width.
    pub width: f64,
}

/// A text, placed.
#[derive(Debug, Clone, PartialEq)]
pub struct Text {
    /// The words.
    pub text: String,
    /// Left end of the baseline's middle (vertically centred text).
    pub at: Point,
    /// Font size in pixels.
    pub size: f32,
    /// CSS font weight ("normal", "600", "bold").
    pub weight: &'static str,
    /// Fill colour.
    pub colour: Rgb,
    /// Halo colour and width, so lines do not strike through.
    pub halo: (Rgb, f32, f64),
    /// The node it names, if any.
    pub node: Option<usize>,
    /// Its box on screen (left, top, right, bottom).
    pub rect: [f32; 4],
}

/// One frame, in drawing order.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct DisplayList {
    /// The map's country outlines by fill, under everything.
    pub world: Vec<(Rgb, Vec<&'static crate::layout::world::Outline>)>,
    /// The borders between countries.
    pub borders: Option<Rgb>,
    /// Edges, dimmed batches first.
    pub edges: Vec<EdgeBatch>,
    /// Plain nodes.
    pub nodes: Vec<NodeBatch>,
    /// Hubs and countries in both camps.
    pub special: Vec<NodeMark>,
    /// Rings over the nodes.
    pub rings: Vec<Ring>,
    /// The layout's axis labels.
    pub axis_labels: Vec<Text>,
    /// Node labels.
    pub labels: Vec<Text>,
    /// A story step's callouts, over everything.
    pub callouts: Vec<CalloutBox>,
}

/// Estimated width in pixels of `text` at `size`: the one estimator the
/// graph and the charts share (no font metrics here, and the CSP keeps the
/// DOM out of it), with a little room since a label wider than estimated
/// would run into its neighbour.
pub fn text_width(text: &str, size: f32) -> f32 {
    crate::charts::scaled::estimate_text(text, f64::from(size)).0 as f32 * 1.05
}

/// What the parts of a frame's display list share.
struct Ctx<'a> {
    f: &'a Frame<'a>,
    /// Each node's position on screen.
    scr: Vec<Point>,
    /// The nodes that stay lit, when some dim.
    lit: Option<BTreeSet<usize>>,
    /// The largest node radius on screen.
    max_r: f32,
    /// The map: outlines, and ties drawn on demand as arcs.
    geo: bool,
    /// The background colour.
    bg: Rgb,
}

impl Ctx<'_> {
    fn dimmed(&self, i: usize) -> bool {
        self.lit.as_ref().is_some_and(|l| !l.contains(&i))
    }

    fn node_r(&self, i: usize) -> f32 {
        (self.f.radius[i] * self.f.camera.scale).clamp(2.0, self.max_r)
    }

    fn on_screen(&self, p: Point, mx: f32, my: f32) -> bool {
        p[0] >= -mx && p[1] >= -my && p[0] <= self.f.width + mx && p[1] <= self.f.height + my
    }
}

/// Adds `item` to the group of `key`. Not inlined, and neither are the
/// display list's parts: a loop over thousands of items with a large body
/// makes V8 compile the whole function holding it with its optimising tier
/// while the first frame is drawn, on a core the page needs (a 28 KB
/// function took 60-230 ms; docs/bench/README.md).
#[inline(never)]
fn push_to<K: Ord>(groups: &mut BTreeMap<K, Vec<usize>>, key: K, item: usize) {
    groups.entry(key).or_default().push(item);
}

/// The edges, batched by style (a numeric key: this runs per frame over tens
/// of thousands of edges on the bench page).
#[inline(never)]
fn edge_batches(c: &Ctx, out: &mut DisplayList) {
    let (f, g, scr, geo, dark) = (c.f, c.f.graph, &c.scr, c.geo, c.f.dark);
    let dimmed = |i: usize| c.dimmed(i);
    let kind_key = |k: EdgeKind| -> (u8, u8, u8) {
        match k {
            EdgeKind::Member(f, link) => (
                0,
                crate::model::FrameworkId::ALL
                    .iter()
                    .position(|x| *x == f)
                    .unwrap_or(0) as u8,
                match link {
                    MemberLink::State => 0,
                    MemberLink::SubNational => 1,
                    MemberLink::Tentative => 2,
                },
            ),
            EdgeKind::Partnership(p) => (
                1,
                crate::model::PartnershipKind::ALL
                    .iter()
                    .position(|x| *x == p)
                    .unwrap_or(0) as u8,
                0,
            ),
        }
    };
    // (lit, kind, unverified, width class) → edges.
    type Style = (bool, (u8, u8, u8), bool, u8);
    let mut groups: BTreeMap<Style, Vec<usize>> = BTreeMap::new();
    for (k, e) in g.edges.iter().enumerate() {
        if geo && !layout::map_shows_edge(e, f.highlight.selected) {
            continue;
        }
        let faded = dimmed(e.source) || dimmed(e.target);
        let width = if f.bench {
            0
        } else {
            e.items.len().min(9) as u8
        };
        // Dimmed first, so lit edges draw on top.
        push_to(
            &mut groups,
            (!faded, kind_key(e.kind), e.unverified, width),
            k,
        );
    }
    // An edge's screen segment (with its arc's control point on the map).
    let segment = |k: usize| {
        let e = &g.edges[k];
        let (a, b) = (scr[e.source], scr[e.target]);
        (a, b, geo.then(|| layout::arc_control(a, b)))
    };
    // A change view's new ties: a highlighter stroke under their lines.
    let fresh: Vec<usize> = f
        .highlight
        .new_edges
        .iter()
        .copied()
        .filter(|&k| k < g.edges.len())
        .filter(|&k| !geo || layout::map_shows_edge(&g.edges[k], f.highlight.selected))
        .collect();
    if !fresh.is_empty() {
        out.edges.push(EdgeBatch {
            colour: palette::change(dark),
            alpha: 0.45,
            dash: Vec::new(),
            width: 6.0,
            faded: false,
            segments: fresh.iter().map(|&k| segment(k)).collect(),
        });
    }
    for ((lit_batch, _, unverified, count), edges) in groups {
        let faded = !lit_batch;
        let kind = g.edges[edges[0]].kind;
        let st = palette::edge_style(kind, usize::from(count), faded, dark);
        let (alpha, mut dash, width) = if f.bench {
            (if faded { st.alpha } else { 0.35 }, Vec::new(), 1.0)
        } else {
            (st.alpha, st.dash.to_vec(), st.width)
        };
        if unverified {
            dash.extend([2.0, 4.0]);
        }
        out.edges.push(EdgeBatch {
            colour: st.colour,
            alpha,
            dash,
            width,
            faded,
            segments: edges.iter().map(|&k| segment(k)).collect(),
        });
    }
}

/// The nodes: plain ones batched by (shape, alignment, dimmed); hubs and
/// "both" nodes (split fill) one by one.
#[inline(never)]
fn node_marks(c: &Ctx, out: &mut DisplayList) {
    let (f, g, scr, bg, dark) = (c.f, c.f.graph, &c.scr, c.bg, c.f.dark);
    let dimmed = |i: usize| c.dimmed(i);
    let node_r = |i: usize| c.node_r(i);
    let on_screen = |p: Point, mx: f32, my: f32| c.on_screen(p, mx, my);
    let mut plain: BTreeMap<(Shape, u8, bool), Vec<usize>> = BTreeMap::new();
    for (i, n) in g.nodes.iter().enumerate() {
        if !on_screen(scr[i], 50.0, 50.0) {
            continue;
        }
        let alpha = if dimmed(i) { 0.18 } else { 1.0 };
        if let (Some(bands), false) = (f.lean, n.is_hub()) {
            // Batched by band; 10 + band keeps them apart from alignments.
            let b = bands.get(i).copied().unwrap_or(Band::NoTies);
            let k = Band::ALL.iter().position(|x| *x == b).unwrap_or(0) as u8;
            push_to(&mut plain, (Shape::of(n.kind), 10 + k, dimmed(i)), i);
        } else if n.is_hub() || (n.alignment == Alignment::Both && !f.bench) {
            let fill = if n.alignment == Alignment::Both && !n.is_hub() {
                Fill::Split(
                    palette::alignment(Alignment::Artemis, dark),
                    palette::alignment(Alignment::Ilrs, dark),
                )
            } else {
                Fill::Solid(palette::alignment(n.alignment, dark))
            };
            out.special.push(NodeMark {
                node: i,
                shape: Shape::of(n.kind),
                at: scr[i],
                r: node_r(i),
                fill,
                alpha,
                outline: (bg, if n.is_hub() { 3.0 } else { 1.0 }),
                hub_ring: n.is_hub().then(|| palette::alignment(n.alignment, dark)),
            });
        } else {
            let al = Alignment::ALL
                .iter()
                .position(|a| *a == n.alignment)
                .unwrap_or(0) as u8;
            push_to(&mut plain, (Shape::of(n.kind), al, dimmed(i)), i);
        }
    }
    for ((shape, al, faded), nodes) in plain {
        // The ILRS side keeps its centre dot, a cue beyond colour.
        let (fill, china) = if al >= 10 {
            let b = Band::ALL[usize::from(al - 10)];
            (
                palette::lean(b, dark),
                matches!(b, Band::OnlyChina | Band::MostlyChina),
            )
        } else {
            let alignment = Alignment::ALL[usize::from(al)];
            (
                palette::alignment(alignment, dark),
                alignment == Alignment::Ilrs,
            )
        };
        out.nodes.push(NodeBatch {
            shape,
            fill,
            alpha: if faded { 0.18 } else { 1.0 },
            outline: (nodes.len() < 2000).then_some(bg),
            centre: (china && !f.bench).then_some(bg),
            marks: nodes.iter().map(|&i| (i, scr[i], node_r(i))).collect(),
        });
    }
}

/// The map's country outlines, by the fill of what each country shows.
#[inline(never)]
fn world_fills(c: &Ctx, out: &mut DisplayList) {
    let (f, g, bg, dark) = (c.f, c.f.graph, c.bg, c.f.dark);
    if let Some(bands) = f.lean {
        // Each shown country's outline tinted by its lean band.
        let band_of: BTreeMap<&str, Band> = crate::sort::map_of(
            g.nodes
                .iter()
                .zip(bands)
                .filter(|(n, _)| n.kind == NodeKind::Actor(ActorKind::Country))
                .map(|(n, b)| (n.id.as_str(), *b)),
        );
        let outlines = crate::layout::world::outlines();
        let unshown: Vec<_> = outlines
            .iter()
            .filter(|o| o.iso3.as_deref().is_none_or(|c| !band_of.contains_key(c)))
            .collect();
        out.world.push((palette::map_fill(None, dark), unshown));
        for b in Band::ALL {
            let shapes: Vec<_> = outlines
                .iter()
                .filter(|o| o.iso3.as_deref().and_then(|c| band_of.get(c)) == Some(&b))
                .collect();
            if !shapes.is_empty() {
                out.world.push((palette::lean_fill(b, dark), shapes));
            }
        }
        out.borders = Some(bg);
    } else {
        let fills = crate::layout::world::fills(g, crate::layout::world::outlines());
        for a in [
            None,
            Some(Alignment::Neither),
            Some(Alignment::Artemis),
            Some(Alignment::Ilrs),
            Some(Alignment::Both),
        ] {
            let shapes: Vec<&'static crate::layout::world::Outline> = fills
                .iter()
                .filter(|(_, x)| *x == a)
                .map(|(o, _)| *o)
                .collect();
            if !shapes.is_empty() {
                out.world.push((palette::map_fill(a, dark), shapes));
            }
        }
        out.borders = Some(bg);
    }
}

/// The node labels, greedy by rank, clear of `obstacles` (the axis labels)
/// and of the other nodes; returns the nodes whose labels must show, and
/// each node's disc (the obstacles the callouts keep clear of too).
#[inline(never)]
fn node_labels(
    c: &Ctx,
    obstacles: &[[f32; 4]],
    out: &mut DisplayList,
) -> (BTreeSet<usize>, Vec<(usize, [f32; 4])>) {
    let (f, g, scr, lit, bg) = (c.f, c.f.graph, &c.scr, &c.lit, c.bg);
    let (h, ink) = (f.highlight, palette::ink(f.dark));
    let dimmed = |i: usize| c.dimmed(i);
    let node_r = |i: usize| c.node_r(i);
    let on_screen = |p: Point, mx: f32, my: f32| c.on_screen(p, mx, my);
    // Other nodes are obstacles too: a label drawn over a node reads as
    // that node's. (Not in the bench, which labels only the hubs.)
    let discs: Vec<(usize, [f32; 4])> = if f.bench {
        Vec::new()
    } else {
        scr.iter()
            .enumerate()
            .map(|(i, p)| {
                let r = node_r(i) + if g.nodes[i].is_hub() { 3.0 } else { 0.0 };
                (i, labels::around(*p, r, r))
            })
            .collect()
    };

    // Node labels, greedy by rank.
    let labelled: Vec<usize> = (0..g.nodes.len())
        .filter(|&i| {
            (!f.bench || g.nodes[i].is_hub()) && !dimmed(i) && on_screen(scr[i], 50.0, 20.0)
        })
        .collect();
    let key = labels::key_nodes(g, &labelled, f.width, f.height);
    let mut cands = Vec::new();
    for &i in &labelled {
        let n = &g.nodes[i];
        let active = Some(i) == h.selected
            || Some(i) == h.focus
            || Some(i) == h.hovered
            || h.spotlight.contains(&i);
        let neighbour = lit.is_some() && !active;
        let rank = Rank::of(g, i, active, key[i], neighbour, h.matches.contains(&i));
        let size = if n.is_hub() { 14.0 } else { 12.0 };
        cands.push(Candidate {
            node: i,
            priority: rank.priority(),
            must: rank.must(),
            crowd: rank.crowd(),
            insist: rank.insist(),
            x: scr[i][0],
            y: scr[i][1],
            radius: node_r(i) + if n.is_hub() { 3.0 } else { 0.0 },
            width: text_width(&n.label, size) + 4.0,
            height: size * 1.25,
        });
    }
    let must: BTreeSet<usize> =
        crate::sort::set_of(cands.iter().filter(|c| c.must).map(|c| c.node));
    for l in labels::place(cands, obstacles, &discs, f.width, f.height) {
        let n = &g.nodes[l.node];
        let (size, weight) = if n.is_hub() {
            (14.0, "bold")
        } else {
            (12.0, "normal")
        };
        out.labels.push(Text {
            text: n.label.clone(),
            at: [l.rect[0] + 2.0, (l.rect[1] + l.rect[3]) / 2.0],
            size,
            weight,
            colour: ink,
            halo: (bg, 0.85, 3.0),
            node: Some(l.node),
            rect: l.rect,
        });
    }
    (must, discs)
}

/// The display list of a frame.
pub fn display_list(f: &Frame) -> DisplayList {
    let g = f.graph;
    let cam = f.camera;
    let dark = f.dark;
    let bg = palette::background(dark);
    let ink = palette::ink(dark);
    let geo = f.layout == LayoutKind::Geographic && !f.bench;
    // Lit: the selection and its neighbours; with a story's spotlight, the
    // spotlit nodes, what its callouts name, and the hubs their lines run to
    // (nothing else: the spotlight is what the step picks out). With
    // neither, nothing dims.
    let n = g.nodes.len();
    let spot = &f.highlight.spotlight;
    let lit: Option<BTreeSet<usize>> =
        (f.highlight.selected.is_some() || !spot.is_empty()).then(|| {
            let mut lit = BTreeSet::new();
            if let Some(s) = f.highlight.selected.filter(|&s| s < n) {
                lit.extend(g.neighbours(s));
                lit.insert(s);
            }
            if !spot.is_empty() {
                lit.extend(spot.iter().copied().filter(|&s| s < n));
                for c in &f.highlight.notes {
                    lit.extend(
                        [Some(c.at.0), c.at.1]
                            .into_iter()
                            .flatten()
                            .filter(|&i| i < n),
                    );
                }
                lit.extend((0..n).filter(|&i| g.nodes[i].is_hub()));
            }
            lit
        });
    let c = Ctx {
        f,
        scr: f.pos.iter().map(|p| cam.to_screen(*p)).collect(),
        lit,
        max_r: layout::max_node_px(f.layout),
        geo,
        bg,
    };
    let scr = &c.scr;
    let node_r = |i: usize| c.node_r(i);
    let mut out = DisplayList::default();

    if geo {
        world_fills(&c, &mut out);
    }
    edge_batches(&c, &mut out);
    node_marks(&c, &mut out);

    // Rings: search matches, hover, selection, keyboard focus.
    let ring = |i: usize, colour: Rgb, width: f64, gap: f32| Ring {
        at: scr[i],
        r: node_r(i) + gap,
        colour,
        width,
    };
    let h = f.highlight;
    out.rings.extend(
        h.matches
            .iter()
            .filter(|&&m| m < scr.len())
            .map(|&m| ring(m, palette::FOCUS_RING, 2.0, 3.0)),
    );
    out.rings.extend(
        h.new_nodes
            .iter()
            .filter(|&&i| i < scr.len())
            .map(|&i| ring(i, palette::change(dark), 2.5, 2.5)),
    );
    out.rings.extend(
        h.changed_nodes
            .iter()
            .filter(|&&i| i < scr.len())
            .flat_map(|&i| [1.5, 5.0].map(|gap| ring(i, palette::change(dark), 1.5, gap))),
    );
    out.rings.extend(
        h.spotlight
            .iter()
            .filter(|&&i| i < scr.len())
            .map(|&i| ring(i, palette::FOCUS_RING, 2.5, 3.5)),
    );
    out.rings.extend(
        h.hovered
            .filter(|&i| i < scr.len())
            .map(|i| ring(i, ink, 1.5, 3.0)),
    );
    out.rings.extend(
        h.selected
            .filter(|&i| i < scr.len())
            .map(|i| ring(i, ink, 2.5, 4.0)),
    );
    out.rings.extend(
        h.focus
            .filter(|&i| i < scr.len())
            .map(|i| ring(i, palette::FOCUS_RING, 3.0, 7.0)),
    );

    // Axis labels, kept clear of by the node labels.
    let mut obstacles: Vec<[f32; 4]> = Vec::new();
    if f.axis_visible {
        for l in f.axis {
            let (size, weight, colour) = if l.heading {
                (13.0, "bold", ink)
            } else {
                (11.0, "600", palette::muted(dark))
            };
            let tw = text_width(&l.text, size);
            let p = cam.to_screen(l.at);
            let rect = labels::around(p, tw / 2.0 + 2.0, size);
            obstacles.push(rect);
            out.axis_labels.push(Text {
                text: l.text.clone(),
                at: [p[0] - tw / 2.0, p[1]],
                size,
                weight,
                colour,
                halo: (bg, 0.9, 4.0),
                node: None,
                rect,
            });
        }
    }
    let (must, discs) = node_labels(&c, &obstacles, &mut out);
    // A story's callouts last: clear of the axis labels, the nodes and the
    // labels that must show; an ordinary label under one gives way, as it
    // does to a more important label (it shows again on zooming in).
    let is_must = |t: &Text| t.node.is_some_and(|n| must.contains(&n));
    obstacles.extend(discs.iter().map(|(_, r)| *r));
    obstacles.extend(out.labels.iter().filter(|t| is_must(t)).map(|t| t.rect));
    let soft: Vec<[f32; 4]> = out
        .labels
        .iter()
        .filter(|t| !is_must(t))
        .map(|t| t.rect)
        .collect();
    out.callouts = place_callouts(&h.notes, scr, &node_r, f, &obstacles, &soft, geo);
    let callouts: Vec<[f32; 4]> = out.callouts.iter().map(|c| c.rect).collect();
    out.labels
        .retain(|t| is_must(t) || !callouts.iter().any(|c| overlaps(&t.rect, c)));
    out
}

/// Whether two boxes (left, top, right, bottom) overlap.
fn overlaps(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// Size of a callout's text, and the padding around it.
const CALLOUT_SIZE: f32 = 12.0;
const CALLOUT_PAD: f32 = 6.0;

/// A callout line's width: the shared estimate with a little more room, as
/// a box its text runs out of reads worse than a label nudged aside.
fn callout_width(text: &str) -> f32 {
    text_width(text, CALLOUT_SIZE) * 1.06
}

/// Places each callout in the first of sixteen spots around what it names
/// (eight directions, near and farther) that is on screen and clear of the
/// callouts placed before it, of the `obstacles` (axis labels, nodes, labels
/// that must show) and of the `soft` ones (labels that may give way);
/// failing that, the one clear of the obstacles covering the least of the
/// soft ones; failing that, the one covering the least.
fn place_callouts(
    notes: &[Callout],
    scr: &[Point],
    node_r: &dyn Fn(usize) -> f32,
    f: &Frame,
    obstacles: &[[f32; 4]],
    soft: &[[f32; 4]],
    geo: bool,
) -> Vec<CalloutBox> {
    let (dark, n) = (f.dark, scr.len());
    let mut out: Vec<CalloutBox> = Vec::new();
    for note in notes {
        let (a, b) = note.at;
        if a >= n || b.is_some_and(|b| b >= n) {
            continue;
        }
        // The anchor: a node's edge, or a tie's middle (of its arc on the map).
        let (anchor, clear) = match b {
            None => (scr[a], node_r(a) + 4.0),
            Some(b) => {
                let (p, q) = (scr[a], scr[b]);
                let mid = if geo {
                    let c = layout::arc_control(p, q);
                    [
                        0.25 * p[0] + 0.5 * c[0] + 0.25 * q[0],
                        0.25 * p[1] + 0.5 * c[1] + 0.25 * q[1],
                    ]
                } else {
                    [(p[0] + q[0]) / 2.0, (p[1] + q[1]) / 2.0]
                };
                (mid, 4.0)
            }
        };
        // Wrapped to at most 60 % of the width (a phone), in whole words.
        let max_w = (f.width * 0.6).clamp(120.0, 340.0) - 2.0 * CALLOUT_PAD;
        let mut lines: Vec<String> = Vec::new();
        for word in note.text.split_whitespace() {
            match lines.last_mut() {
                Some(l) if callout_width(&format!("{l} {word}")) <= max_w => {
                    l.push(' ');
                    l.push_str(word);
                }
                _ => lines.push(word.to_string()),
            }
        }
        let tw = lines
            .iter()
            .map(|l| callout_width(l))
            .fold(0.0f32, f32::max);
        let line_h = CALLOUT_SIZE * 1.3;
        let (w, h) = (
            tw + 2.0 * CALLOUT_PAD,
            line_h * lines.len() as f32 + 2.0 * CALLOUT_PAD - (line_h - CALLOUT_SIZE),
        );
        let spots: Vec<[f32; 2]> = [clear + 12.0, clear + 40.0]
            .into_iter()
            .flat_map(|gap| {
                [
                    [gap, -gap - h],
                    [-gap - w, -gap - h],
                    [gap, gap],
                    [-gap - w, gap],
                    [-w / 2.0, -gap - h - 6.0],
                    [-w / 2.0, gap + 6.0],
                    [gap + 8.0, -h / 2.0],
                    [-gap - w - 8.0, -h / 2.0],
                ]
            })
            .collect();
        let rect_at = |d: &[f32; 2]| {
            let (x, y) = (anchor[0] + d[0], anchor[1] + d[1]);
            [x, y, x + w, y + h]
        };
        let inside = |r: &[f32; 4]| {
            r[0] >= 2.0 && r[1] >= 2.0 && r[2] <= f.width - 2.0 && r[3] <= f.height - 2.0
        };
        let free = |r: &[f32; 4]| inside(r) && out.iter().all(|c| !overlaps(r, &c.rect));
        let area = |r: &[f32; 4], list: &[[f32; 4]]| -> f32 {
            list.iter()
                .map(|o| {
                    let w = (r[2].min(o[2]) - r[0].max(o[0])).max(0.0);
                    let h = (r[3].min(o[3]) - r[1].max(o[1])).max(0.0);
                    w * h
                })
                .sum()
        };
        let least = |rects: Vec<[f32; 4]>, list: &[[f32; 4]]| {
            rects
                .into_iter()
                .min_by(|a, b| area(a, list).total_cmp(&area(b, list)))
        };
        let open: Vec<[f32; 4]> = spots.iter().map(rect_at).filter(|r| free(r)).collect();
        let clear: Vec<[f32; 4]> = open
            .iter()
            .copied()
            .filter(|r| area(r, obstacles) == 0.0)
            .collect();
        let rect = clear
            .iter()
            .copied()
            .find(|r| area(r, soft) == 0.0)
            .or_else(|| least(clear, soft))
            .or_else(|| least(open, obstacles))
            .unwrap_or_else(|| {
                // Nothing fits: keep it on screen as best it can.
                let r = rect_at(&spots[0]);
                let dx = (2.0 - r[0]).max(0.0) - (r[2] - (f.width - 2.0)).max(0.0);
                let dy = (2.0 - r[1]).max(0.0) - (r[3] - (f.height - 2.0)).max(0.0);
                [r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy]
            });
        // The leader runs to the nearest point of the box.
        let to = [
            anchor[0].clamp(rect[0], rect[2]),
            anchor[1].clamp(rect[1], rect[3]),
        ];
        let (fill, ink, border) = palette::callout(dark);
        out.push(CalloutBox {
            lines: lines
                .into_iter()
                .enumerate()
                .map(|(k, text)| {
                    let y = rect[1] + CALLOUT_PAD + CALLOUT_SIZE / 2.0 + k as f32 * line_h;
                    Text {
                        text,
                        at: [rect[0] + CALLOUT_PAD, y],
                        size: CALLOUT_SIZE,
                        // Regular weight: the one the width estimator
                        // measures (bold ran past the box's edge).
                        weight: "normal",
                        colour: ink,
                        halo: (fill, 0.0, 0.0),
                        node: None,
                        rect: [
                            rect[0],
                            y - CALLOUT_SIZE / 2.0,
                            rect[2],
                            y + CALLOUT_SIZE / 2.0,
                        ],
                    }
                })
                .collect(),
            rect,
            fill,
            border,
            leader: (anchor, to),
        });
    }
    out
}

/// Every colour a display list uses (for the contrast tests).
pub fn colours(list: &DisplayList) -> Vec<Rgb> {
    let mut c: Vec<Rgb> = list.world.iter().map(|w| w.0).collect();
    c.extend(list.borders);
    c.extend(list.edges.iter().map(|e| e.colour));
    for n in &list.nodes {
        c.push(n.fill);
        c.extend(n.outline);
        c.extend(n.centre);
    }
    for n in &list.special {
        match n.fill {
            Fill::Solid(a) => c.push(a),
            Fill::Split(a, b) => c.extend([a, b]),
        }
        c.push(n.outline.0);
        c.extend(n.hub_ring);
    }
    c.extend(list.rings.iter().map(|r| r.colour));
    for t in list.axis_labels.iter().chain(&list.labels) {
        c.extend([t.colour, t.halo.0]);
    }
    for b in &list.callouts {
        c.extend([b.fill, b.border]);
        c.extend(b.lines.iter().map(|t| t.colour));
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Filters, build};
    use crate::layout::{Canonical, LayoutRequest};

    fn frame_of<'a>(
        g: &'a Graph,
        pos: &'a [Point],
        radius: &'a [f32],
        highlight: &'a Highlight,
        layout: LayoutKind,
        dark: bool,
    ) -> Frame<'a> {
        let b = layout::bounds(pos, radius).unwrap();
        Frame {
            graph: g,
            pos,
            radius,
            camera: Camera::fit(b, 900.0, 530.0, 28.0),
            width: 900.0,
            height: 530.0,
            layout,
            axis: &[],
            axis_visible: true,
            highlight,
            dark,
            bench: false,
            lean: None,
        }
    }

    fn picture(kind: LayoutKind) -> (Graph, Vec<Point>, Vec<f32>) {
        let ds = crate::test_support::dataset();
        let g = build(ds, &Filters::default());
        let pos = Canonical::default()
            .place(
                ds,
                &g,
                LayoutRequest {
                    kind,
                    ..Default::default()
                },
                &Default::default(),
            )
            .pos;
        let radius = layout::radii_for(&g, kind);
        (g, pos, radius)
    }

    #[test]
    fn a_story_spotlight_lights_its_nodes_and_callouts_sit_clear_on_screen() {
        for kind in [LayoutKind::Force, LayoutKind::Geographic] {
            let (g, pos, radius) = picture(kind);
            let ids = ["THA", "SEN", "CHN", "USA"];
            let spot: BTreeSet<usize> = ids.iter().map(|id| g.index_of(id).unwrap()).collect();
            let (tha, chn) = (g.index_of("THA").unwrap(), g.index_of("CHN").unwrap());
            let h = Highlight {
                spotlight: spot.clone(),
                notes: vec![
                    Callout {
                        at: (tha, None),
                        text: "ILRS April 2024, Artemis December 2024".into(),
                    },
                    Callout {
                        at: (g.index_of("SEN").unwrap(), None),
                        text: "Both camps since 2025".into(),
                    },
                    Callout {
                        at: (tha, Some(chn)),
                        text: "A tie".into(),
                    },
                ],
                ..Highlight::default()
            };
            let list = display_list(&frame_of(&g, &pos, &radius, &h, kind, false));
            // Lit: the spotlit nodes, what the callouts name, the hubs.
            let mut lit = spot.clone();
            lit.extend([tha, chn, g.index_of("SEN").unwrap()]);
            lit.extend((0..g.nodes.len()).filter(|&i| g.nodes[i].is_hub()));
            for batch in &list.nodes {
                for (i, _, _) in &batch.marks {
                    assert_eq!(batch.alpha < 1.0, !lit.contains(i), "{}", g.nodes[*i].label);
                }
            }
            // Every spotlit node is labelled and ringed.
            for &s in &spot {
                assert!(
                    list.labels.iter().any(|t| t.node == Some(s)),
                    "{kind:?} {}",
                    g.nodes[s].label
                );
                let at = frame_of(&g, &pos, &radius, &h, kind, false)
                    .camera
                    .to_screen(pos[s]);
                assert!(
                    list.rings
                        .iter()
                        .any(|r| r.at == at && r.colour == palette::FOCUS_RING),
                    "{kind:?} {} has no ring",
                    g.nodes[s].label
                );
            }
            // Callouts: all three, on screen, apart from each other and from the labels.
            assert_eq!(list.callouts.len(), 3, "{kind:?}");
            let hits = |a: &[f32; 4], b: &[f32; 4]| {
                a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
            };
            for (k, c) in list.callouts.iter().enumerate() {
                let r = c.rect;
                assert!(
                    r[0] >= 0.0 && r[1] >= 0.0 && r[2] <= 900.0 && r[3] <= 530.0,
                    "{kind:?} {r:?}"
                );
                for d in &list.callouts[k + 1..] {
                    assert!(!hits(&r, &d.rect), "{kind:?}: callouts overlap");
                }
                for t in list
                    .labels
                    .iter()
                    .filter(|t| !spot.contains(&t.node.unwrap_or(usize::MAX)))
                {
                    assert!(!hits(&r, &t.rect), "{kind:?}: '{}' under a callout", t.text);
                }
                // The leader ends on the box.
                let (_, to) = c.leader;
                assert!(to[0] >= r[0] && to[0] <= r[2] && to[1] >= r[1] && to[1] <= r[3]);
            }
            // Their colours come from the palette (and so from its contrast test).
            let (fill, ink, border) = palette::callout(false);
            assert!(
                list.callouts
                    .iter()
                    .all(|c| (c.fill, c.border) == (fill, border)
                        && c.lines.iter().all(|t| t.colour == ink))
            );
        }
    }

    #[test]
    fn change_marks_ring_new_members_once_and_changed_ones_twice() {
        let (g, pos, radius) = picture(LayoutKind::Force);
        let (a, b) = (g.index_of("THA").unwrap(), g.index_of("FRA").unwrap());
        let h = Highlight {
            new_nodes: [a].into(),
            changed_nodes: [b].into(),
            ..Highlight::default()
        };
        let list = display_list(&frame_of(&g, &pos, &radius, &h, LayoutKind::Force, false));
        let green = palette::change(false);
        let at = |i: usize| {
            list.rings
                .iter()
                .filter(|r| r.colour == green && r.at == list_at(&list, i))
                .map(|r| (r.r, r.width))
                .collect::<Vec<_>>()
        };
        let (one, two) = (at(a), at(b));
        assert_eq!(one.len(), 1, "a new member: one ring");
        assert_eq!(two.len(), 2, "a changed status: a double ring");
        assert!(
            two.iter().all(|&(_, w)| w < one[0].1),
            "thinner than a new member's"
        );
        assert!((two[0].0 - two[1].0).abs() >= 3.0, "two rings apart");
    }

    /// Where the display list drew node `i`.
    fn list_at(list: &DisplayList, i: usize) -> Point {
        list.nodes
            .iter()
            .flat_map(|b| b.marks.iter().map(|&(n, p, _)| (n, p)))
            .chain(list.special.iter().map(|m| (m.node, m.at)))
            .find(|&(n, _)| n == i)
            .map(|(_, p)| p)
            .unwrap()
    }

    #[test]
    fn a_selection_lights_its_neighbours_and_dims_the_rest() {
        let (g, pos, radius) = picture(LayoutKind::Force);
        let tha = g.index_of("THA").unwrap();
        let h = Highlight {
            selected: Some(tha),
            ..Highlight::default()
        };
        let list = display_list(&frame_of(&g, &pos, &radius, &h, LayoutKind::Force, false));
        let lit = {
            let mut n = g.neighbours(tha);
            n.insert(tha);
            n
        };
        for batch in &list.nodes {
            for (i, _, _) in &batch.marks {
                assert_eq!(batch.alpha < 1.0, !lit.contains(i), "{}", g.nodes[*i].label);
            }
        }
        for m in &list.special {
            assert_eq!(
                m.alpha < 1.0,
                !lit.contains(&m.node),
                "{}",
                g.nodes[m.node].label
            );
        }
        // Edges between lit nodes stay lit, the others fade.
        let lit_edges: usize = list
            .edges
            .iter()
            .filter(|e| !e.faded)
            .map(|e| e.segments.len())
            .sum();
        let between = g
            .edges
            .iter()
            .filter(|e| lit.contains(&e.source) && lit.contains(&e.target))
            .count();
        assert_eq!(lit_edges, between);
        // Labels: the selection, none of the dimmed.
        assert!(list.labels.iter().any(|l| l.node == Some(tha)));
        assert!(
            list.labels
                .iter()
                .all(|l| l.node.is_some_and(|i| lit.contains(&i)))
        );
        assert_eq!(list.rings.len(), 1, "the selection ring");
    }

    #[test]
    fn no_two_texts_overlap_and_every_colour_is_the_palettes() {
        for (kind, dark) in [(LayoutKind::Force, false), (LayoutKind::Geographic, true)] {
            let (g, pos, radius) = picture(kind);
            let h = Highlight::default();
            let list = display_list(&frame_of(&g, &pos, &radius, &h, kind, dark));
            let texts: Vec<&Text> = list.labels.iter().chain(&list.axis_labels).collect();
            assert!(texts.len() > 10);
            for (k, a) in texts.iter().enumerate() {
                for b in &texts[k + 1..] {
                    let (r, s) = (a.rect, b.rect);
                    let overlap = r[0] < s[2] && s[0] < r[2] && r[1] < s[3] && s[1] < r[3];
                    assert!(!overlap, "{} over {}", a.text, b.text);
                }
            }
            // Every colour comes from the palette, so the contrast tests see it.
            let bg = palette::background(dark);
            let known: Vec<Rgb> = Alignment::ALL
                .iter()
                .map(|&a| palette::alignment(a, dark))
                .chain(
                    crate::model::PartnershipKind::ALL
                        .iter()
                        .map(|&k| palette::partnership(k, dark)),
                )
                .chain(
                    [
                        None,
                        Some(Alignment::Artemis),
                        Some(Alignment::Ilrs),
                        Some(Alignment::Both),
                        Some(Alignment::Neither),
                    ]
                    .map(|a| palette::map_fill(a, dark)),
                )
                .chain([
                    bg,
                    palette::ink(dark),
                    palette::muted(dark),
                    palette::FOCUS_RING,
                ])
                .collect();
            for c in colours(&list) {
                assert!(known.contains(&c), "{c:?} is not a palette colour");
            }
            if kind == LayoutKind::Geographic {
                assert!(!list.world.is_empty(), "the map draws the world");
                assert!(
                    list.edges.is_empty(),
                    "no ties on the map until one is selected"
                );
            }
        }
    }

    #[test]
    fn short_and_phone_boxes_name_every_country_tied_to_both() {
        // The graph's box in a 900 × 560 frame without embed.js (the
        // stylesheet's compact chrome: 649 × 294 in Chromium), a shorter
        // one, and a phone's.
        let ds = crate::test_support::dataset();
        let g = build(ds, &Filters::default());
        let mut canonical = Canonical::default();
        let all: Vec<usize> = (0..g.nodes.len()).collect();
        for (width, height) in [(649.0, 294.0), (649.0, 240.0), (390.0, 506.0)] {
            let pos = canonical
                .place(
                    ds,
                    &g,
                    LayoutRequest {
                        orientation: layout::Orientation::of(width, height),
                        ..Default::default()
                    },
                    &Default::default(),
                )
                .pos;
            let radius = layout::radii(&g);
            let h = Highlight::default();
            let list = display_list(&Frame {
                camera: crate::view::camera::fitted(&pos, &radius, &[], width, height),
                width,
                height,
                ..frame_of(&g, &pos, &radius, &h, LayoutKind::Force, false)
            });
            let named: BTreeSet<usize> = list.labels.iter().filter_map(|t| t.node).collect();
            let key = labels::key_nodes(&g, &all, width, height);
            let must: Vec<usize> = (0..g.nodes.len())
                .filter(|&i| labels::must_name(&g, &key, i))
                .collect();
            assert!(must.iter().any(|&i| key[i] == labels::Key::Hedge));
            for i in must {
                assert!(
                    named.contains(&i),
                    "{} unnamed at {width}×{height}",
                    g.nodes[i].label
                );
            }
        }
    }

    #[test]
    fn polygon_shapes_surround_their_centre() {
        for shape in [
            Shape::Square,
            Shape::Diamond,
            Shape::Triangle,
            Shape::Hexagon,
        ] {
            let pts = shape.corners([10.0, 20.0], 5.0);
            assert!(pts.len() >= 3);
            let c = pts
                .iter()
                .fold([0.0, 0.0], |a, p| [a[0] + p[0], a[1] + p[1]]);
            let n = pts.len() as f32;
            assert!(
                (c[0] / n - 10.0).abs() < 1.5 && (c[1] / n - 20.0).abs() < 1.5,
                "{shape:?}"
            );
        }
        assert!(Shape::Circle.corners([0.0, 0.0], 1.0).is_empty());
    }
}
