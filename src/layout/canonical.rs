//! Canonical positions: where a node is drawn is a pure function of what is
//! shown, never of the path taken to get there.
//!
//! The force and map layouts are computed once from the whole dataset (every
//! node any date or filter can show) and each view picks its nodes' places
//! from that picture. So the timeline can play without a node moving, a
//! filter only removes nodes, and a shared link redraws the picture its
//! sender saw. The alignment axis is a pure function of the graph shown
//! (a node's column is its camp at the view's date).
//!
//! On a portrait canvas the network is turned a quarter turn (Artemis at the
//! top, ILRS at the bottom) and the alignment axis stacks its camps as bands,
//! so a phone's tall screen is filled; the map keeps north up.

use std::collections::BTreeMap;

use super::force::{Point, phyllotaxis};
use super::{AxisLabel, LayoutKind};
use crate::graph::{Filters, Graph, build};
use crate::model::Dataset;

/// The shape of the canvas a layout is made for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Orientation {
    /// Wider than tall (desktop, tablet on its side).
    #[default]
    Landscape,
    /// Taller than wide (a phone held upright).
    Portrait,
}

impl Orientation {
    /// The orientation of a canvas of this size in CSS pixels: portrait only
    /// when clearly taller than wide, so a square box keeps the wide picture.
    pub fn of(width: f32, height: f32) -> Orientation {
        if height > width * 1.15 {
            Orientation::Portrait
        } else {
            Orientation::Landscape
        }
    }
}

/// Positions of the nodes of a graph in a layout, with the layout's axis labels.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Placed {
    /// One position per node of the graph, in world units.
    pub pos: Vec<Point>,
    /// Texts that say what the axes mean (the alignment axis).
    pub axis_labels: Vec<AxisLabel>,
}

/// The whole-dataset pictures, computed on first use and kept: one for the
/// network and one for the map, each with bodies folded into their country
/// or drawn separately.
#[derive(Debug, Clone, Default)]
pub struct Canonical {
    force: [Option<BTreeMap<String, Point>>; 2],
    geo: [Option<BTreeMap<String, Point>>; 2],
}

/// Which layout a view asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct LayoutRequest {
    /// The layout kind.
    pub kind: LayoutKind,
    /// Alignment axis: grouped by region, year of joining or lean.
    pub order: super::Order,
    /// Agencies, institutions and companies drawn as their own nodes.
    pub show_bodies: bool,
    /// The canvas shape.
    pub orientation: Orientation,
}

impl Canonical {
    /// Places the nodes of `graph` (built from `ds`) as `req` asks; `lean`
    /// orders the alignment axis by lean.
    pub fn place(
        &mut self,
        ds: &Dataset,
        graph: &Graph,
        req: LayoutRequest,
        lean: &super::Standings,
    ) -> Placed {
        let bodies = usize::from(req.show_bodies);
        match req.kind {
            LayoutKind::Force => {
                let whole =
                    self.force[bodies].get_or_insert_with(|| whole_force(ds, req.show_bodies));
                let mut pos = pick(graph, whole);
                if req.orientation == Orientation::Portrait {
                    // A quarter turn: Artemis on top, ILRS below.
                    for p in &mut pos {
                        *p = [-p[1], p[0]];
                    }
                }
                Placed {
                    pos,
                    axis_labels: Vec::new(),
                }
            }
            LayoutKind::Geographic => {
                let whole = self.geo[bodies].get_or_insert_with(|| whole_geo(ds, req.show_bodies));
                Placed {
                    pos: pick(graph, whole),
                    axis_labels: Vec::new(),
                }
            }
            LayoutKind::Alignment => {
                let (pos, axis_labels) =
                    super::alignment_layout(graph, ds, req.order, req.orientation, lean);
                Placed { pos, axis_labels }
            }
        }
    }
}

/// Every node any view can show: the graph at the dataset's own date with
/// nothing hidden (memberships and ties only accumulate over time).
fn whole_graph(ds: &Dataset, show_bodies: bool) -> Graph {
    build(
        ds,
        &Filters {
            show_bodies,
            ..Filters::default()
        },
    )
}

fn by_id(graph: &Graph, pos: &[Point]) -> BTreeMap<String, Point> {
    crate::sort::map_of(graph.nodes.iter().zip(pos).map(|(n, p)| (n.id.clone(), *p)))
}

/// The whole-dataset network picture: the one precomputed for this graph
/// (`assets/canonical.txt`, written by `examples/canonical.rs` with
/// this very code), so that start-up runs no layout; computed when the
/// graph is not the one it was made for (edited data, a test's dataset).
fn whole_force(ds: &Dataset, show_bodies: bool) -> BTreeMap<String, Point> {
    let g = whole_graph(ds, show_bodies);
    precomputed(PRECOMPUTED, fingerprint(&g), show_bodies).unwrap_or_else(|| force_of(&g))
}

/// The force layout of a whole graph, packed.
fn force_of(g: &Graph) -> BTreeMap<String, Point> {
    let mut sim = super::force_simulation(g);
    sim.run(600);
    let radius = super::radii(g);
    super::pack_components(g, &mut sim.pos, &radius);
    by_id(g, &sim.pos)
}

/// The precomputed pictures, embedded.
const PRECOMPUTED: &str = include_str!("../../assets/canonical.txt");

/// What the force layout of a graph depends on, hashed (FNV-1a, 64 bits):
/// its nodes' ids and hubs, and its edges' ends and kinds. A picture made
/// for another graph is never used for this one.
pub fn fingerprint(g: &Graph) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut eat = |bytes: &[u8]| {
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0000_0100_0000_01b3);
        }
    };
    for n in &g.nodes {
        eat(n.id.as_bytes());
        eat(&[0, u8::from(n.is_hub())]);
    }
    for e in &g.edges {
        eat(&(e.source as u32).to_le_bytes());
        eat(&(e.target as u32).to_le_bytes());
        let kind = match e.kind {
            crate::graph::EdgeKind::Member(f, _) => 1 + f as u8,
            crate::graph::EdgeKind::Partnership(_) => 0,
        };
        eat(&[kind]);
    }
    h
}

/// The file `examples/canonical.rs` writes: for both pictures (bodies
/// folded into their country, or drawn apart), the graph's fingerprint and
/// each node's position, in the shortest text that reads back exactly.
pub fn precomputed_text(ds: &Dataset) -> String {
    let mut out = String::from(
        "# The whole-dataset network pictures (layout::canonical), precomputed so that\n\
         # start-up runs no layout. Written by `cargo run --example canonical`; a test\n\
         # checks it is what the layout computes. Do not edit.\n",
    );
    for bodies in [false, true] {
        let g = whole_graph(ds, bodies);
        out.push_str(&format!(
            "bodies {} {:016x}\n",
            u8::from(bodies),
            fingerprint(&g)
        ));
        let pos = force_of(&g);
        for n in &g.nodes {
            let p = pos[&n.id];
            out.push_str(&format!("{} {} {}\n", n.id, p[0], p[1]));
        }
    }
    out
}

/// The positions of the picture for `bodies` in `text`, if it was made for
/// a graph with this `fingerprint` and reads whole.
fn precomputed(text: &str, fingerprint: u64, bodies: bool) -> Option<BTreeMap<String, Point>> {
    let mut out: Option<BTreeMap<String, Point>> = None;
    // Whether the lines being read belong to the wanted picture.
    let mut wanted = false;
    for line in text
        .lines()
        .filter(|l| !l.starts_with('#') && !l.is_empty())
    {
        let mut f = line.split(' ');
        let (a, b, c) = (f.next()?, f.next()?, f.next()?);
        if a == "bodies" {
            let made_for = u64::from_str_radix(c, 16).ok()?;
            wanted = b == if bodies { "1" } else { "0" } && made_for == fingerprint;
            if wanted {
                out = Some(BTreeMap::new());
            }
        } else if wanted {
            out.as_mut()?
                .insert(a.to_string(), [b.parse().ok()?, c.parse().ok()?]);
        }
    }
    out
}

fn whole_geo(ds: &Dataset, show_bodies: bool) -> BTreeMap<String, Point> {
    let g = whole_graph(ds, show_bodies);
    by_id(&g, &super::geographic_layout(&g, ds))
}

/// The canonical place of each node of `graph`. A node the whole picture
/// lacks (it cannot happen with the shipped data, but a view must never
/// fail) goes beside its placed neighbours, or on a spiral outside.
fn pick(graph: &Graph, whole: &BTreeMap<String, Point>) -> Vec<Point> {
    let mut pos: Vec<Option<Point>> = graph
        .nodes
        .iter()
        .map(|n| whole.get(&n.id).copied())
        .collect();
    let known = pos.clone();
    for (i, slot) in pos.iter_mut().enumerate() {
        if slot.is_some() {
            continue;
        }
        let near: Vec<Point> = graph
            .neighbours(i)
            .into_iter()
            .filter_map(|j| known[j])
            .collect();
        let offset = phyllotaxis(i);
        *slot = Some(if near.is_empty() {
            let reach = whole
                .values()
                .map(|p| p[0].hypot(p[1]))
                .fold(0.0f32, f32::max);
            let d = offset[0].hypot(offset[1]).max(1.0);
            [
                offset[0] / d * (reach + 40.0),
                offset[1] / d * (reach + 40.0),
            ]
        } else {
            let m = near.len() as f32;
            let c = near
                .iter()
                .fold([0.0, 0.0], |a, p| [a[0] + p[0] / m, a[1] + p[1] / m]);
            [c[0] + offset[0] * 0.3 + 12.0, c[1] + offset[1] * 0.3]
        });
    }
    pos.into_iter().map(|p| p.unwrap_or_default()).collect()
}

// Native only: proptest is not built for wasm32.
#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::graph::facts::Alignment;
    use crate::model::date::Date;
    use crate::model::{FrameworkId, PartnershipKind};
    use crate::test_support::dataset;
    use proptest::prelude::*;

    #[test]
    fn the_precomputed_pictures_are_what_the_layout_computes() {
        let ds = dataset();
        // Stale after a change of data or layout code: run the example.
        assert!(
            PRECOMPUTED == precomputed_text(ds),
            "assets/canonical.txt is stale: run `cargo run --example canonical`"
        );
        for bodies in [false, true] {
            let g = whole_graph(ds, bodies);
            let read = precomputed(PRECOMPUTED, fingerprint(&g), bodies).expect("read back");
            assert_eq!(read, force_of(&g));
            // Another graph (one node fewer) is not given this picture.
            let mut other = g.clone();
            other.nodes.pop();
            other
                .edges
                .retain(|e| e.source < other.nodes.len() && e.target < other.nodes.len());
            assert_eq!(precomputed(PRECOMPUTED, fingerprint(&other), bodies), None);
        }
        // A damaged file is not read.
        assert_eq!(precomputed("bodies 0 zz\nx 1 2\n", 0, false), None);
        assert_eq!(precomputed("bodies 0 0\nx one 2\n", 0, false), None);
    }

    fn request(kind: LayoutKind, show_bodies: bool, orientation: Orientation) -> LayoutRequest {
        LayoutRequest {
            kind,
            order: crate::layout::Order::Region,
            show_bodies,
            orientation,
        }
    }

    /// Filters drawn from the ones a reader can set.
    fn filters() -> impl Strategy<Value = Filters> {
        let ds = dataset();
        let (first, last) = (2019, ds.as_of.year);
        (
            first..=last,
            1u8..=12,
            proptest::collection::btree_set(
                proptest::sample::select(FrameworkId::ALL.to_vec()),
                0..2,
            ),
            proptest::collection::btree_set(
                proptest::sample::select(Alignment::ALL.to_vec()),
                0..2,
            ),
            proptest::collection::btree_set(
                proptest::sample::select(PartnershipKind::ALL.to_vec()),
                0..4,
            ),
            proptest::option::of(proptest::sample::select(vec![
                "Africa",
                "Europe",
                "Asia",
                "Americas",
                "Oceania",
                "Western Africa",
                "South-eastern Asia",
            ])),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(|(y, m, fw, al, ties, region, unverified, bodies)| Filters {
                as_of: Some(Date {
                    year: y,
                    month: m,
                    day: 0,
                }),
                hidden_frameworks: fw,
                hidden_alignments: al,
                hidden_partnerships: ties,
                regions: region.into_iter().map(String::from).collect(),
                hide_unverified: unverified,
                show_bodies: bodies,
                ..Filters::default()
            })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// A node is drawn at the same place whatever the date and filters:
        /// the same as in the unfiltered view of today.
        #[test]
        fn positions_do_not_depend_on_date_or_filters(f in filters(), portrait in any::<bool>()) {
            let ds = dataset();
            let orientation = if portrait { Orientation::Portrait } else { Orientation::Landscape };
            // One cache for every case: the whole pictures take a while in a debug build.
            static CANON: std::sync::Mutex<Option<Canonical>> = std::sync::Mutex::new(None);
            let mut guard = CANON.lock().unwrap();
            let canon = guard.get_or_insert_with(Canonical::default);
            for kind in [LayoutKind::Force, LayoutKind::Geographic] {
                let req = request(kind, f.show_bodies, orientation);
                let shown = build(ds, &f);
                let whole = build(ds, &Filters { show_bodies: f.show_bodies, ..Filters::default() });
                let a = canon.place(ds, &shown, req, &Default::default()).pos;
                let b = canon.place(ds, &whole, req, &Default::default()).pos;
                for (i, n) in shown.nodes.iter().enumerate() {
                    let j = whole.index_of(&n.id).expect("every shown node is in the whole picture");
                    prop_assert_eq!(a[i], b[j], "{} moved in {:?}", &n.label, kind);
                }
            }
        }
    }

    #[test]
    fn the_whole_picture_is_computed_the_same_way_every_time() {
        let ds = dataset();
        let g = build(ds, &Filters::default());
        let req = request(LayoutKind::Force, false, Orientation::Landscape);
        let a = Canonical::default().place(ds, &g, req, &Default::default());
        let b = Canonical::default().place(ds, &g, req, &Default::default());
        assert_eq!(a, b);
    }

    #[test]
    fn portrait_turns_the_network_upright() {
        let ds = dataset();
        let g = build(ds, &Filters::default());
        let mut canon = Canonical::default();
        let wide = canon.place(
            ds,
            &g,
            request(LayoutKind::Force, false, Orientation::Landscape),
            &Default::default(),
        );
        let tall = canon.place(
            ds,
            &g,
            request(LayoutKind::Force, false, Orientation::Portrait),
            &Default::default(),
        );
        let extent = |pos: &[Point]| {
            let b = super::super::bounds(pos, &vec![0.0; pos.len()]).unwrap();
            (b[2] - b[0], b[3] - b[1])
        };
        let (ww, wh) = extent(&wide.pos);
        let (tw, th) = extent(&tall.pos);
        assert!(ww > wh, "the network is laid out wide: {ww} × {wh}");
        assert!(
            th > tw,
            "and stands upright on a portrait canvas: {tw} × {th}"
        );
        let y = |id: &str| tall.pos[g.index_of(id).unwrap()][1];
        assert!(y("hub:artemis") < y("hub:ilrs"), "Artemis above ILRS");
    }

    #[test]
    fn a_node_missing_from_the_whole_picture_is_placed_beside_its_neighbours() {
        let ds = dataset();
        let mut g = build(ds, &Filters::default());
        let thai = g.index_of("THA").unwrap();
        g.nodes[thai].id = "not-in-the-data".into();
        let whole = whole_force(ds, false);
        let pos = pick(&g, &whole);
        assert!(pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        let hub = whole["hub:artemis"];
        let d = (pos[thai][0] - hub[0]).hypot(pos[thai][1] - hub[1]);
        let reach = whole
            .values()
            .map(|p| (p[0] - hub[0]).hypot(p[1] - hub[1]))
            .fold(0.0, f32::max);
        assert!(d <= reach, "near the picture, not far outside it");
    }

    #[test]
    fn orientation_follows_the_canvas() {
        assert_eq!(Orientation::of(1280.0, 800.0), Orientation::Landscape);
        assert_eq!(Orientation::of(390.0, 700.0), Orientation::Portrait);
        assert_eq!(Orientation::of(500.0, 520.0), Orientation::Landscape);
    }
}
