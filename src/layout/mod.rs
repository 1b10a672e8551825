//! Layouts: where each node of a [`Graph`] goes, in world units. Pure and
//! deterministic; the renderer maps world units to pixels.

pub mod world;

pub mod canonical;
pub mod force;

pub use canonical::{Canonical, LayoutRequest, Orientation, Placed};

use std::collections::BTreeMap;

use crate::graph::facts::Alignment;
use crate::graph::{EdgeKind, Graph, NodeKind};
use crate::model::{Dataset, FrameworkId};
use force::{Link, Point, Simulation};

/// The layouts a reader can switch between.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LayoutKind {
    /// Force-directed.
    #[default]
    Force,
    /// Artemis left, ILRS right, both camps in the middle.
    Alignment,
    /// Countries at their geographic coordinates.
    Geographic,
}

impl LayoutKind {
    /// Every layout, in menu order.
    pub const ALL: [LayoutKind; 3] = [
        LayoutKind::Force,
        LayoutKind::Alignment,
        LayoutKind::Geographic,
    ];

    /// Id used in URLs: the menu's word, so a reader can write a link by hand.
    pub fn id(self) -> &'static str {
        match self {
            LayoutKind::Force => "network",
            LayoutKind::Alignment => "axis",
            LayoutKind::Geographic => "map",
        }
    }

    /// Parses a URL id, or the id links used before (`force`, `alignment`,
    /// `geo`), which keep working.
    pub fn parse(s: &str) -> Option<LayoutKind> {
        let old = |l: LayoutKind| match l {
            LayoutKind::Force => "force",
            LayoutKind::Alignment => "alignment",
            LayoutKind::Geographic => "geo",
        };
        LayoutKind::ALL
            .into_iter()
            .find(|&l| l.id() == s || old(l) == s)
    }

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            LayoutKind::Force => "Network",
            LayoutKind::Alignment => "Alignment axis",
            LayoutKind::Geographic => "Map",
        }
    }
}

/// How the alignment axis groups and orders each camp's nodes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Order {
    /// By UN region.
    #[default]
    Region,
    /// By year of joining.
    Year,
    /// By lean ([`crate::charts::lean`]): most towards the U.S. side first.
    Lean,
}

impl Order {
    /// Every order, in menu order.
    pub const ALL: [Order; 3] = [Order::Region, Order::Year, Order::Lean];

    /// Id used in URLs (`order=`).
    pub fn id(self) -> &'static str {
        match self {
            Order::Region => "region",
            Order::Year => "date",
            Order::Lean => "lean",
        }
    }

    /// Parses a URL id.
    pub fn parse(s: &str) -> Option<Order> {
        Order::ALL.into_iter().find(|o| o.id() == s)
    }

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Order::Region => "Region",
            Order::Year => "Year joined",
            Order::Lean => "Lean",
        }
    }
}

/// Each country's lean standing, by ISO3 (see [`crate::charts::lean::standings`]).
pub type Standings = BTreeMap<String, crate::charts::lean::Standing>;

/// Disc radius of a node in world units: hubs large, others by degree.
pub fn node_radius(graph: &Graph, i: usize) -> f32 {
    let n = &graph.nodes[i];
    if n.is_hub() {
        16.0
    } else {
        4.0 + (n.degree as f32).sqrt() * 1.6
    }
}

/// Radii of the nodes in a layout: on the map, countries are small dots on
/// their outlines (the fill carries the camp), so neighbours in Europe stay
/// on their own territory; hubs keep their size.
pub fn radii_for(graph: &Graph, kind: LayoutKind) -> Vec<f32> {
    let mut r = radii(graph);
    if kind == LayoutKind::Geographic {
        for (r, n) in r.iter_mut().zip(&graph.nodes) {
            if !n.is_hub() {
                *r = 2.0 + (*r - 4.0) * 0.35;
            }
        }
    }
    r
}

/// The largest a node is drawn, in pixels, however far the reader zooms in:
/// on the map a dot must not cover its country.
pub fn max_node_px(kind: LayoutKind) -> f32 {
    if kind == LayoutKind::Geographic {
        9.0
    } else {
        40.0
    }
}

/// Radii of all nodes.
pub fn radii(graph: &Graph) -> Vec<f32> {
    (0..graph.nodes.len())
        .map(|i| node_radius(graph, i))
        .collect()
}

/// A force simulation set up for a graph, started from fixed anchors (the
/// canonical picture is computed once from the whole dataset, so nothing is
/// warm-started).
pub fn force_simulation(graph: &Graph) -> Simulation {
    let radius = radii(graph);
    let charge = graph
        .nodes
        .iter()
        .zip(&radius)
        .map(|(n, r)| if n.is_hub() { -400.0 } else { -40.0 - 8.0 * r })
        .collect();
    let links = links(graph, |kind| match kind {
        EdgeKind::Member(..) => 90.0,
        EdgeKind::Partnership(_) => 45.0,
    });
    let mut sim = Simulation::new(radius, charge, links, vec![None; graph.nodes.len()]);
    // Stronger than d3's default pull, so small disconnected pairs (e.g.
    // EU–African Union) stay near the main picture instead of drifting off.
    sim.params.gravity = 0.08;
    // Screens are wider than tall: pull harder vertically.
    sim.params.gravity_y_factor = 2.5;
    // Start the hubs apart on a line (Artemis west, ILRS east, APSCO south)
    // so the picture always reads the same way round.
    for (i, n) in graph.nodes.iter().enumerate() {
        if let NodeKind::Hub(f) = n.kind {
            sim.pos[i] = hub_anchor(f, 160.0);
        }
    }
    // Countries start near the hubs they belong to.
    for e in &graph.edges {
        if let EdgeKind::Member(f, _) = e.kind {
            let a = hub_anchor(f, 160.0);
            let p = &mut sim.pos[e.source];
            p[0] = (p[0] + a[0]) * 0.5;
            p[1] = (p[1] + a[1]) * 0.5;
        }
    }
    sim
}

/// The graph's edges as springs, with a rest length per edge kind.
fn links(graph: &Graph, distance: impl Fn(EdgeKind) -> f32) -> Vec<Link> {
    graph
        .edges
        .iter()
        .map(|e| Link {
            source: e.source as u32,
            target: e.target as u32,
            distance: distance(e.kind),
        })
        .collect()
}

/// The simulation for a benchmark graph: d3's defaults (charge -30, link
/// distance 30, no collision beyond the drawn radius), so the comparison with
/// the d3 peer is like for like. Made from [`BenchInput`], so a simulation
/// built elsewhere (the bench page's layout worker) from the same input is
/// this very one.
pub fn bench_simulation(graph: &Graph) -> Simulation {
    BenchInput::of(graph).simulation()
}

/// What the benchmark simulation needs of a graph, in two flat arrays that
/// cross to a Web Worker as they are: whether each node is a hub (1) or not
/// (0), and each edge's two node indices, one after the other.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BenchInput {
    /// Per node: 1 for a hub, 0 otherwise.
    pub hubs: Vec<u8>,
    /// Per edge: source index, then target index.
    pub edges: Vec<u32>,
}

impl BenchInput {
    /// The input of `graph`'s benchmark simulation.
    pub fn of(graph: &Graph) -> Self {
        BenchInput {
            hubs: graph.nodes.iter().map(|n| u8::from(n.is_hub())).collect(),
            edges: graph
                .edges
                .iter()
                .flat_map(|e| [e.source as u32, e.target as u32])
                .collect(),
        }
    }

    /// Checks input that came from elsewhere (a message): an even number of
    /// edge ends, each naming a node.
    pub fn check(&self) -> Result<(), String> {
        let n = self.hubs.len();
        if !self.edges.len().is_multiple_of(2) {
            return Err(format!("{} edge ends: not pairs", self.edges.len()));
        }
        match self.edges.iter().find(|&&i| i as usize >= n) {
            Some(i) => Err(format!("an edge names node {i} of {n}")),
            None => Ok(()),
        }
    }

    /// The simulation, from the (portable) phyllotaxis start. Panics on input that
    /// fails [`BenchInput::check`].
    pub fn simulation(&self) -> Simulation {
        let n = self.hubs.len();
        let radius: Vec<f32> = self
            .hubs
            .iter()
            .map(|&h| if h != 0 { 10.0 } else { 3.0 })
            .collect();
        let links = self
            .edges
            .chunks_exact(2)
            .map(|e| Link {
                source: e[0],
                target: e[1],
                distance: 30.0,
            })
            .collect();
        let mut sim = Simulation::new(radius, vec![-30.0; n], links, vec![None; n]);
        // The same start on every target (see `portable_phyllotaxis`).
        sim.pos = (0..n).map(force::portable_phyllotaxis).collect();
        sim.params.gravity = 0.0;
        sim.params.collide_strength = 0.0;
        sim
    }
}

fn hub_anchor(f: FrameworkId, d: f32) -> Point {
    match f {
        FrameworkId::Artemis => [-d, 0.0],
        FrameworkId::Ilrs => [d, 0.0],
        FrameworkId::Apsco => [d * 0.6, d * 0.9],
    }
}

/// A text drawn with a layout to say what its axes mean (world coordinates,
/// centred on `at`).
#[derive(Debug, Clone, PartialEq)]
pub struct AxisLabel {
    /// Centre of the text.
    pub at: Point,
    /// The words.
    pub text: String,
    /// A column heading (drawn bolder) rather than a group within a column.
    pub heading: bool,
}

/// A labelled run of nodes within a column of the alignment layout.
type Group = (String, Vec<usize>);

/// The alignment-axis layout: columns Artemis | both (and neither) | ILRS.
/// Within a column, nodes are grouped by region or by year of joining; each
/// group starts a new row under its own label, so the other axis can be read.
/// On a portrait canvas the camps are bands stacked top to bottom (Artemis,
/// both, neither, ILRS) instead of columns side by side, each one block of
/// rows under its heading.
pub fn alignment_layout(
    graph: &Graph,
    ds: &Dataset,
    order: Order,
    orientation: Orientation,
    lean: &Standings,
) -> (Vec<Point>, Vec<AxisLabel>) {
    let by_date = order == Order::Year;
    // A node's lean: its country's (bodies stand with their country).
    let standing = |i: usize| {
        let n = &graph.nodes[i];
        lean.get(n.country.as_deref().unwrap_or(&n.id)).copied()
    };
    let lean_band = |i: usize| standing(i).map_or(crate::charts::lean::Band::NoTies, |s| s.band);
    // International bodies have no country, so no lean.
    let stateless = |i: usize| graph.nodes[i].country.is_none();
    let portrait = orientation == Orientation::Portrait;
    let mut pos = vec![[0.0f32; 2]; graph.nodes.len()];
    let column_x = |a: Alignment| match a {
        Alignment::Artemis => -280.0,
        Alignment::Both | Alignment::Neither => 0.0,
        Alignment::Ilrs => 280.0,
    };
    let mut columns: BTreeMap<(i32, u8), Vec<usize>> = BTreeMap::new();
    for (i, n) in graph.nodes.iter().enumerate() {
        match n.kind {
            // Portrait hubs are placed once the bands' extent is known.
            NodeKind::Hub(FrameworkId::Artemis) => pos[i] = [-460.0, 0.0],
            NodeKind::Hub(FrameworkId::Ilrs) => pos[i] = [460.0, 0.0],
            NodeKind::Hub(FrameworkId::Apsco) => pos[i] = [460.0, 220.0],
            NodeKind::Actor(_) => {
                let band = u8::from(n.alignment == Alignment::Neither);
                columns
                    .entry((column_x(n.alignment) as i32, band))
                    .or_default()
                    .push(i);
            }
        }
    }
    // The date that put a node in its column: the Artemis Accords for the
    // Artemis column, the ILRS for the ILRS one, the earlier of the two for
    // both camps (APSCO, older, would mislabel them).
    let join = |i: usize| -> Option<crate::model::date::Date> {
        let n = &graph.nodes[i];
        let frameworks: &[FrameworkId] = match n.alignment {
            Alignment::Artemis => &[FrameworkId::Artemis],
            Alignment::Ilrs => &[FrameworkId::Ilrs],
            Alignment::Both => &[FrameworkId::Artemis, FrameworkId::Ilrs],
            Alignment::Neither => FrameworkId::ALL,
        };
        frameworks
            .iter()
            .filter_map(|f| crate::graph::facts::joined(ds, &n.id, *f, ds.as_of).map(|m| m.date))
            .min()
    };
    let region = |i: usize| -> (String, String) {
        let n = &graph.nodes[i];
        let c = n.country.as_deref().and_then(|c| ds.country(c));
        (
            c.map_or("~".into(), |c| c.region.clone()),
            c.map_or("~".into(), |c| c.subregion.clone()),
        )
    };
    let group_of = |i: usize| -> String {
        if order == Order::Lean {
            if stateless(i) {
                "No country".into()
            } else {
                lean_band(i).label().to_string()
            }
        } else if by_date {
            join(i).map_or("Not joined".into(), |d| d.year.to_string())
        } else {
            let r = region(i).0;
            if r == "~" { "No country".into() } else { r }
        }
    };
    const STEP: f32 = 30.0;
    // Space above each group for its label.
    const LABEL_ROOM: f32 = 26.0;
    let per_row = |x: i32, band: u8| match (portrait, x, band) {
        (true, _, _) => 12,
        // Lean groups split the few hedgers: two a row leaves room for their names.
        (false, 0, 0) if order == Order::Lean => 2,
        // Wide side columns, so the axis fills a wide screen.
        (false, 0, _) => 4,
        (false, _, _) => 7,
    };
    // Sort each column and cut it into groups.
    let mut grouped: Vec<((i32, u8), Vec<Group>)> = Vec::new();
    for ((x, band), mut members) in columns {
        crate::sort::sort_by(&mut members, |&a, &b| {
            if order == Order::Lean {
                // Bands from the U.S. side to China's, then by index.
                let idx = |i| standing(i).map_or(0.0, |s| s.index);
                return stateless(a)
                    .cmp(&stateless(b))
                    .then(lean_band(a).cmp(&lean_band(b)))
                    .then(idx(b).total_cmp(&idx(a)))
                    .then(graph.nodes[a].label.cmp(&graph.nodes[b].label));
            }
            let key = |i| {
                if by_date {
                    (
                        join(i).unwrap_or(crate::model::date::Date::ymd(9999, 1, 1)),
                        Default::default(),
                    )
                } else {
                    (crate::model::date::Date::default(), region(i))
                }
            };
            key(a)
                .cmp(&key(b))
                .then(graph.nodes[a].label.cmp(&graph.nodes[b].label))
        });
        let mut groups: Vec<Group> = Vec::new();
        for i in members {
            let g = group_of(i);
            match groups.last_mut() {
                Some((name, m)) if *name == g => m.push(i),
                _ => groups.push((g, vec![i])),
            }
        }
        grouped.push(((x, band), groups));
    }
    let height = |x: i32, band: u8, groups: &[Group]| -> f32 {
        groups
            .iter()
            .map(|(_, m)| LABEL_ROOM + m.len().div_ceil(per_row(x, band)) as f32 * STEP)
            .sum()
    };
    let heading = |x: i32, band: u8| match (x, band) {
        (0, 1) => "Neither",
        (0, _) => "In both camps",
        (x, _) if x < 0 => "Artemis Accords only",
        _ => "ILRS only",
    };
    let mut labels = Vec::new();
    // Lays out one camp's groups in rows from `(x, y)` down; returns the y below.
    let mut place =
        |x: i32, band: u8, mut y: f32, groups: Vec<Group>, labels: &mut Vec<AxisLabel>| {
            let per_row = per_row(x, band);
            let width = (per_row - 1) as f32 * STEP;
            for (name, members) in groups {
                labels.push(AxisLabel {
                    at: [x as f32, y + 4.0],
                    text: name,
                    heading: false,
                });
                y += LABEL_ROOM;
                for (k, &i) in members.iter().enumerate() {
                    let (row, col) = (k / per_row, k % per_row);
                    pos[i] = [
                        x as f32 - width / 2.0 + col as f32 * STEP,
                        y + row as f32 * STEP,
                    ];
                }
                y += members.len().div_ceil(per_row) as f32 * STEP;
            }
            y
        };
    if portrait {
        // Bands from the top: Artemis only, both, neither, ILRS only.
        let rank = |(x, band): (i32, u8)| match (x, band) {
            (x, _) if x < 0 => 0,
            (0, 0) => 1,
            (0, _) => 2,
            _ => 3,
        };
        crate::sort::sort_by_key(&mut grouped, |(k, _)| rank(*k));
        // One block per camp, still in region (or year) order but without
        // group labels: on a narrow screen they would cover the nodes, and
        // the blocks keep the picture about as tall as a phone's graph box.
        let mut y = 0.0;
        for ((x, band), groups) in grouped {
            labels.push(AxisLabel {
                at: [0.0, y],
                text: heading(x, band).to_string(),
                heading: true,
            });
            let members: Vec<usize> = groups.into_iter().flat_map(|(_, m)| m).collect();
            let width = (per_row(0, 0) - 1) as f32 * STEP;
            for (k, &i) in members.iter().enumerate() {
                let (row, col) = (k / per_row(0, 0), k % per_row(0, 0));
                pos[i] = [
                    -width / 2.0 + col as f32 * STEP,
                    y + 24.0 + row as f32 * STEP,
                ];
            }
            y += 24.0 + members.len().div_ceil(per_row(0, 0)) as f32 * STEP + 34.0;
        }
        for (i, n) in graph.nodes.iter().enumerate() {
            match n.kind {
                NodeKind::Hub(FrameworkId::Artemis) => pos[i] = [0.0, -70.0],
                NodeKind::Hub(FrameworkId::Ilrs) => pos[i] = [-60.0, y + 40.0],
                NodeKind::Hub(FrameworkId::Apsco) => pos[i] = [60.0, y + 40.0],
                NodeKind::Actor(_) => {}
            }
        }
        return (pos, labels);
    }
    let both_height = grouped
        .iter()
        .find(|(k, _)| *k == (0, 0))
        .map_or(0.0, |(_, g)| height(0, 0, g));
    for ((x, band), groups) in grouped {
        let y = if band == 1 {
            both_height / 2.0 + 70.0
        } else {
            -height(x, band, &groups) / 2.0
        };
        labels.push(AxisLabel {
            at: [x as f32, y - 24.0],
            text: heading(x, band).to_string(),
            heading: true,
        });
        place(x, band, y, groups, &mut labels);
    }
    (pos, labels)
}

/// The geographic layout: countries at their coordinates (equirectangular),
/// hubs above the map, bodies without a country along the bottom; overlaps
/// are then pushed apart while each node stays near its anchor.
pub fn geographic_layout(graph: &Graph, ds: &Dataset) -> Vec<Point> {
    let scale = crate::layout::world::SCALE;
    let mut anchors = vec![[0.0f32; 2]; graph.nodes.len()];
    let mut orphans = 0usize;
    for (i, n) in graph.nodes.iter().enumerate() {
        anchors[i] = match n.kind {
            NodeKind::Hub(FrameworkId::Artemis) => [-110.0 * scale, -100.0 * scale],
            NodeKind::Hub(FrameworkId::Ilrs) => [110.0 * scale, -100.0 * scale],
            NodeKind::Hub(FrameworkId::Apsco) => [10.0 * scale, -100.0 * scale],
            NodeKind::Actor(_) => match n.country.as_deref().and_then(|c| ds.country(c)) {
                Some(c) => crate::layout::world::project(c.lon as f32, c.lat as f32),
                None => {
                    orphans += 1;
                    [(-150.0 + 30.0 * orphans as f32) * scale, 75.0 * scale]
                }
            },
        };
    }
    relax(graph, anchors)
}

/// Pushes overlapping nodes apart while springs hold them to their anchors.
fn relax(graph: &Graph, anchors: Vec<Point>) -> Vec<Point> {
    let radius = radii_for(graph, LayoutKind::Geographic);
    let n = anchors.len();
    let mut sim = Simulation::new(
        radius,
        vec![0.0; n],
        vec![],
        anchors.iter().copied().map(Some).collect(),
    );
    sim.alpha = 1.0;
    for _ in 0..120 {
        sim.tick();
        for (p, a) in sim.pos.iter_mut().zip(&anchors) {
            p[0] += (a[0] - p[0]) * 0.1;
            p[1] += (a[1] - p[1]) * 0.1;
        }
    }
    sim.pos
}

/// Moves small components that are not connected to any hub (e.g. an
/// EU–African Union pair) in from the edge, to just outside the main
/// picture, so that a few stragglers do not shrink everything else when the
/// view is fitted. Directions are kept; only distances change.
pub fn pack_components(graph: &Graph, pos: &mut [Point], radius: &[f32]) {
    let n = graph.nodes.len();
    if n == 0 {
        return;
    }
    // Union–find over the edges.
    let mut parent: Vec<usize> = (0..n).collect();
    fn find(p: &mut [usize], i: usize) -> usize {
        let mut r = i;
        while p[r] != r {
            r = p[r];
        }
        let mut i = i;
        while p[i] != r {
            let next = p[i];
            p[i] = r;
            i = next;
        }
        r
    }
    for e in &graph.edges {
        let (a, b) = (find(&mut parent, e.source), find(&mut parent, e.target));
        if a != b {
            parent[a] = b;
        }
    }
    let roots: Vec<usize> = (0..n).map(|i| find(&mut parent, i)).collect();
    let main: std::collections::BTreeSet<usize> = crate::sort::set_of(
        graph
            .nodes
            .iter()
            .enumerate()
            .filter(|(_, nd)| nd.is_hub())
            .map(|(i, _)| roots[i]),
    );
    if main.is_empty() {
        return;
    }
    // The main picture: centre and radius of the hub-connected nodes.
    let in_main: Vec<usize> = (0..n).filter(|&i| main.contains(&roots[i])).collect();
    let (cx, cy) = in_main
        .iter()
        .fold((0.0, 0.0), |(x, y), &i| (x + pos[i][0], y + pos[i][1]));
    let c = [cx / in_main.len() as f32, cy / in_main.len() as f32];
    let reach = in_main
        .iter()
        .map(|&i| ((pos[i][0] - c[0]).powi(2) + (pos[i][1] - c[1]).powi(2)).sqrt() + radius[i])
        .fold(0.0f32, f32::max);
    let mut others: std::collections::BTreeMap<usize, Vec<usize>> = Default::default();
    for i in (0..n).filter(|&i| !main.contains(&roots[i])) {
        others.entry(roots[i]).or_default().push(i);
    }
    for members in others.values() {
        let m = members.len() as f32;
        let g = members.iter().fold([0.0f32; 2], |a, &i| {
            [a[0] + pos[i][0] / m, a[1] + pos[i][1] / m]
        });
        let (dx, dy) = (g[0] - c[0], g[1] - c[1]);
        let d = (dx * dx + dy * dy).sqrt().max(1e-3);
        let size = members
            .iter()
            .map(|&i| ((pos[i][0] - g[0]).powi(2) + (pos[i][1] - g[1]).powi(2)).sqrt() + radius[i])
            .fold(0.0f32, f32::max);
        let target = reach + size + 12.0;
        if d > target {
            let k = target / d;
            let shift = [c[0] + dx * k - g[0], c[1] + dy * k - g[1]];
            for &i in members {
                pos[i][0] += shift[0];
                pos[i][1] += shift[1];
            }
        }
    }
}

/// Whether the map draws an edge: the country fills already say who is in
/// which camp, so lines (ties as arcs, memberships) are drawn on demand,
/// for the selected node only.
pub fn map_shows_edge(e: &crate::graph::Edge, selected: Option<usize>) -> bool {
    selected.is_some_and(|s| e.source == s || e.target == s)
}

/// The control point of the arc a tie is drawn as on the map (a quadratic
/// curve from `a` to `b`): bowed upwards by a fifth of its length, so ties
/// read as journeys and do not run along the coasts they cross.
pub fn arc_control(a: Point, b: Point) -> Point {
    let (dx, dy) = (b[0] - a[0], b[1] - a[1]);
    let mid = [(a[0] + b[0]) / 2.0, (a[1] + b[1]) / 2.0];
    // The perpendicular (dy, -dx) or its opposite, whichever points up.
    let (px, py) = if dx >= 0.0 { (dy, -dx) } else { (-dy, dx) };
    [mid[0] + px * 0.2, mid[1] + py * 0.2]
}

/// Axis-aligned bounds of a set of discs: (min x, min y, max x, max y).
pub fn bounds(pos: &[Point], radius: &[f32]) -> Option<[f32; 4]> {
    if pos.is_empty() {
        return None;
    }
    let mut b = [f32::MAX, f32::MAX, f32::MIN, f32::MIN];
    for (p, r) in pos.iter().zip(radius) {
        b[0] = b[0].min(p[0] - r);
        b[1] = b[1].min(p[1] - r);
        b[2] = b[2].max(p[0] + r);
        b[3] = b[3].max(p[1] + r);
    }
    Some(b)
}

/// [`bounds`] of a layout's nodes and its axis labels (the headings sit
/// above the columns), so that fitting the view keeps both in sight.
pub fn bounds_with_labels(pos: &[Point], radius: &[f32], labels: &[AxisLabel]) -> Option<[f32; 4]> {
    let mut b = bounds(pos, radius)?;
    for l in labels {
        b[1] = b[1].min(l.at[1] - 8.0);
        b[3] = b[3].max(l.at[1] + 8.0);
    }
    Some(b)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Filters, build};

    /// The e2e bench spec's graph (`e2e/tests/bench.spec.mjs`, `graph(n)`):
    /// two hubs and `n` countries, each tied to a hub and to the one before.
    pub(crate) fn spec_graph(n: usize) -> Graph {
        let mut nodes = vec![
            r#"{"id":"hub:artemis","label":"Artemis Accords","group":"hub"}"#.to_string(),
            r#"{"id":"hub:ilrs","label":"ILRS","group":"hub"}"#.to_string(),
        ];
        let mut edges = Vec::new();
        for i in 0..n {
            let group = ["artemis", "ilrs", "both"][i % 3];
            nodes.push(format!(
                r#"{{"id":"c:{i}","label":"Country {i}","group":"{group}"}}"#
            ));
            let (hub, kind) = if group == "ilrs" {
                ("hub:ilrs", "ilrs")
            } else {
                ("hub:artemis", "artemis")
            };
            edges.push(format!(
                r#"{{"source":"c:{i}","target":"{hub}","kind":"{kind}"}}"#
            ));
            if i > 0 {
                edges.push(format!(
                    r#"{{"source":"c:{i}","target":"c:{}","kind":"bilateral"}}"#,
                    i - 1
                ));
            }
        }
        let text = format!(
            r#"{{"meta":{{"n":{n}}},"nodes":[{}],"edges":[{}]}}"#,
            nodes.join(","),
            edges.join(",")
        );
        crate::dataset::bench::parse(&text).expect("the spec graph parses")
    }

    /// FNV-1a over the bits of every coordinate: equal only if every
    /// position is identical to the last bit.
    pub(crate) fn positions_hash(pos: &[Point]) -> u64 {
        let mut h = 0xcbf2_9ce4_8422_2325u64;
        for b in pos
            .as_flattened()
            .iter()
            .flat_map(|c| c.to_bits().to_le_bytes())
        {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        h
    }

    #[test]
    fn the_bench_layout_is_the_same_from_its_flat_input_and_stops_after_300_ticks() {
        let g = spec_graph(300);
        let input = BenchInput::of(&g);
        assert_eq!(input.hubs.len(), 302);
        assert_eq!(input.edges.len(), 2 * g.edges.len());
        assert_eq!(input.check(), Ok(()));
        let mut a = bench_simulation(&g);
        let mut b = input.simulation();
        assert_eq!(a.run(1000), 301);
        assert_eq!(b.run(1000), 301);
        assert!(a.pos.iter().flatten().all(|c| c.is_finite()));
        assert_eq!(positions_hash(&a.pos), positions_hash(&b.pos));
        // The e2e bench spec checks that the browser's layout worker ends on
        // these very positions (the same number there).
        assert_eq!(
            positions_hash(&a.pos),
            SPEC_GRAPH_300_HASH,
            "{:#x}",
            positions_hash(&a.pos)
        );
    }

    /// [`positions_hash`] of the 300-country spec graph's settled layout.
    const SPEC_GRAPH_300_HASH: u64 = 0x5e56_bdff_4343_b1f9;

    #[test]
    fn bench_input_from_a_message_is_checked() {
        let bad = |hubs: Vec<u8>, edges: Vec<u32>| BenchInput { hubs, edges }.check();
        assert_eq!(bad(vec![0, 1], vec![0, 1]), Ok(()));
        assert!(bad(vec![0, 1], vec![0]).unwrap_err().contains("not pairs"));
        assert!(
            bad(vec![0, 1], vec![0, 2])
                .unwrap_err()
                .contains("node 2 of 2")
        );
    }

    #[test]
    fn the_axis_by_lean_runs_from_the_us_side_to_chinas_within_each_camp() {
        let ds = crate::test_support::dataset();
        let f = Filters::default();
        let g = build(ds, &f);
        let lean = crate::charts::lean::standings(ds, &crate::charts::lean::all(ds, &f));
        let (pos, labels) = alignment_layout(&g, ds, Order::Lean, Orientation::Landscape, &lean);
        let bands = crate::charts::lean::Band::ALL;
        // Group labels of a column, top to bottom, follow the bands' order.
        for x in [-280.0f32, 280.0] {
            let mut groups: Vec<&AxisLabel> = labels
                .iter()
                .filter(|l| !l.heading && l.at[0] == x)
                .collect();
            crate::sort::sort_by(&mut groups, |a, b| a.at[1].total_cmp(&b.at[1]));
            let ranks: Vec<usize> = groups
                .iter()
                .filter_map(|l| bands.iter().position(|b| b.label() == l.text))
                .collect();
            assert!(
                !ranks.is_empty() && ranks.windows(2).all(|w| w[0] < w[1]),
                "{ranks:?}"
            );
        }
        // Within the Artemis column, a node stands no further towards China
        // than one drawn below it.
        let column: Vec<usize> = (0..g.nodes.len())
            .filter(|&i| !g.nodes[i].is_hub() && g.nodes[i].alignment == Alignment::Artemis)
            .collect();
        for &a in &column {
            for &b in &column {
                let (la, lb) = (&lean[&g.nodes[a].id], &lean[&g.nodes[b].id]);
                if pos[a][1] + 30.0 < pos[b][1] {
                    assert!(
                        la.band <= lb.band,
                        "{} above {}",
                        g.nodes[a].id,
                        g.nodes[b].id
                    );
                }
            }
        }
        // The leading states keep their own side.
        assert_eq!(lean["USA"].band, crate::charts::lean::Band::OnlyUs);
        assert_eq!(lean["CHN"].band, crate::charts::lean::Band::OnlyChina);
    }

    #[test]
    fn force_layout_of_the_dataset_separates_the_camps() {
        let ds = crate::test_support::dataset().clone();
        let g = build(&ds, &Filters::default());
        let mut sim = force_simulation(&g);
        sim.run(400);
        assert!(sim.pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        let x = |id: &str| sim.pos[g.index_of(id).unwrap()][0];
        assert!(
            x("hub:artemis") < x("hub:ilrs"),
            "Artemis drawn west of ILRS"
        );
        // Artemis-only members sit, on average, nearer the Artemis hub.
        let mean = |al: Alignment| {
            let xs: Vec<f32> = g
                .nodes
                .iter()
                .enumerate()
                .filter(|(_, n)| n.alignment == al && !n.is_hub())
                .map(|(i, _)| sim.pos[i][0])
                .collect();
            xs.iter().sum::<f32>() / xs.len() as f32
        };
        assert!(mean(Alignment::Artemis) < mean(Alignment::Ilrs));
    }

    #[test]
    fn stragglers_are_brought_in_next_to_the_main_picture() {
        let ds = crate::test_support::dataset().clone();
        let g = build(&ds, &Filters::default());
        let mut sim = force_simulation(&g);
        sim.run(600);
        let r = radii(&g);
        let before = bounds(&sim.pos, &r).unwrap();
        let mut pos = sim.pos.clone();
        pack_components(&g, &mut pos, &r);
        let after = bounds(&pos, &r).unwrap();
        let area = |b: [f32; 4]| (b[2] - b[0]) * (b[3] - b[1]);
        assert!(area(after) <= area(before) + 1.0);
        // Hub-connected nodes never move.
        let hub_root = g.index_of("hub:artemis").unwrap();
        assert_eq!(pos[hub_root], sim.pos[hub_root]);
        assert!(pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
    }

    #[test]
    fn alignment_layout_puts_camps_on_their_sides() {
        let ds = crate::test_support::dataset().clone();
        let g = build(&ds, &Filters::default());
        let (pos, labels) = alignment_layout(
            &g,
            &ds,
            Order::Region,
            Orientation::Landscape,
            &Standings::new(),
        );
        // Column headings and one label per region group, above its nodes.
        for h in ["Artemis Accords only", "In both camps", "ILRS only"] {
            assert!(labels.iter().any(|l| l.heading && l.text == h), "{h}");
        }
        let europe = labels
            .iter()
            .find(|l| l.text == "Europe" && l.at[0] < 0.0)
            .expect("a Europe group among the Artemis signatories");
        let fra = g.index_of("FRA").unwrap();
        assert!(pos[fra][0] < 0.0 && pos[fra][1] > europe.at[1]);
        let (by_date, by_year) = alignment_layout(
            &g,
            &ds,
            Order::Year,
            Orientation::Landscape,
            &Standings::new(),
        );
        assert!(by_year.iter().any(|l| l.text == "2020" && !l.heading));
        // Bangladesh sits under its Artemis year (2025), not APSCO's (2005).
        let bgd = g.index_of("BGD").unwrap();
        let above = by_year
            .iter()
            .filter(|l| !l.heading && l.at[0] < 0.0 && l.at[1] < by_date[bgd][1])
            .max_by(|a, b| a.at[1].total_cmp(&b.at[1]))
            .unwrap();
        assert_eq!(above.text, "2025");
        for (i, n) in g.nodes.iter().enumerate() {
            match n.alignment {
                Alignment::Artemis if !n.is_hub() => assert!(pos[i][0] < -100.0, "{}", n.label),
                Alignment::Ilrs if !n.is_hub() => assert!(pos[i][0] > 100.0, "{}", n.label),
                Alignment::Both => assert!(pos[i][0].abs() < 100.0, "{}", n.label),
                _ => {}
            }
        }
        // No two nodes share a spot.
        for i in 0..pos.len() {
            for j in i + 1..pos.len() {
                assert!(
                    pos[i] != pos[j],
                    "{} and {}",
                    g.nodes[i].label,
                    g.nodes[j].label
                );
            }
        }
    }

    #[test]
    fn portrait_alignment_stacks_the_camps_from_top_to_bottom() {
        let ds = crate::test_support::dataset();
        let g = build(ds, &Filters::default());
        let (pos, labels) = alignment_layout(
            &g,
            ds,
            Order::Region,
            Orientation::Portrait,
            &Standings::new(),
        );
        let heading = |t: &str| labels.iter().find(|l| l.heading && l.text == t).unwrap().at[1];
        assert!(heading("Artemis Accords only") < heading("In both camps"));
        assert!(heading("In both camps") < heading("ILRS only"));
        let b = bounds(&pos, &radii(&g)).unwrap();
        assert!(
            b[3] - b[1] > b[2] - b[0],
            "a tall picture for a tall screen"
        );
        for (i, n) in g.nodes.iter().enumerate() {
            match n.alignment {
                Alignment::Artemis if !n.is_hub() => {
                    assert!(pos[i][1] < heading("In both camps"), "{}", n.label)
                }
                Alignment::Ilrs if !n.is_hub() => {
                    assert!(pos[i][1] > heading("ILRS only"), "{}", n.label)
                }
                _ => {}
            }
        }
    }

    #[test]
    fn map_arcs_bow_upwards_whichever_way_they_run() {
        for (a, b) in [
            ([0.0, 0.0], [100.0, 0.0]),
            ([100.0, 0.0], [0.0, 0.0]),
            ([0.0, 50.0], [80.0, -10.0]),
        ] {
            let c = arc_control(a, b);
            let mid_y = (a[1] + b[1]) / 2.0;
            assert!(c[1] < mid_y, "{a:?}→{b:?}: {c:?}");
            assert_eq!(arc_control(a, b), arc_control(a, b));
        }
        assert_eq!(
            arc_control([0.0, 0.0], [100.0, 0.0]),
            arc_control([100.0, 0.0], [0.0, 0.0])
        );
    }

    #[test]
    fn geographic_layout_is_west_to_east() {
        let ds = crate::test_support::dataset().clone();
        let g = build(&ds, &Filters::default());
        let pos = geographic_layout(&g, &ds);
        let x = |id: &str| pos[g.index_of(id).unwrap()][0];
        let y = |id: &str| pos[g.index_of(id).unwrap()][1];
        assert!(x("USA") < x("FRA") && x("FRA") < x("CHN") && x("CHN") < x("JPN"));
        assert!(y("ZAF") > y("EGY"), "south is down");
    }
}
