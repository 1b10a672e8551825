//! From dataset to graph: which nodes and edges a view shows, given its
//! filters and date. The dataset is never modified; a new [`Graph`] is
//! derived for every change of filters or date.

pub mod facts;

use std::collections::{BTreeMap, BTreeSet};

use crate::model::date::Date;
use crate::model::*;
use facts::Alignment;

/// Whether a country is in one of `regions` (UN region or subregion names);
/// an empty set admits everything, and an actor with no country only then.
pub fn in_regions(regions: &BTreeSet<String>, country: Option<&Country>) -> bool {
    regions.is_empty()
        || country.is_some_and(|c| regions.contains(&c.region) || regions.contains(&c.subregion))
}

/// The UN regions and their subregions of the countries the data names,
/// for the Regions control (a region with no subregion has an empty set).
pub fn region_tree(ds: &Dataset) -> BTreeMap<String, BTreeSet<String>> {
    let mut tree: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for a in ds.actors.iter().filter(|a| a.kind == ActorKind::Country) {
        if let Some(c) = a.country.as_deref().and_then(|c| ds.country(c))
            && !c.region.is_empty()
        {
            let subs = tree.entry(c.region.clone()).or_default();
            if !c.subregion.is_empty() {
                subs.insert(c.subregion.clone());
            }
        }
    }
    tree
}

/// The Regions control's words for the chosen regions: "Regions: all",
/// "Regions: Africa", "Regions: Africa, Europe", "Regions: Africa +2".
pub fn regions_label(regions: &BTreeSet<String>) -> String {
    let names: Vec<&str> = regions.iter().map(String::as_str).collect();
    match names.as_slice() {
        [] => "Regions: all".to_string(),
        [a] => format!("Regions: {a}"),
        [a, b] => format!("Regions: {a}, {b}"),
        [a, rest @ ..] => format!("Regions: {a} +{}", rest.len()),
    }
}

/// What a view shows. Sets name what is *hidden* so that every legend entry
/// can toggle, and the defaults (all empty) show everything.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Filters {
    /// The "as of" date; `None` means the dataset's own as-of date.
    pub as_of: Option<Date>,
    /// Frameworks hidden (their hub and membership edges).
    pub hidden_frameworks: BTreeSet<FrameworkId>,
    /// Alignments hidden (countries of that alignment lose focus).
    pub hidden_alignments: BTreeSet<Alignment>,
    /// Actor kinds hidden.
    pub hidden_kinds: BTreeSet<ActorKind>,
    /// Partnership kinds hidden.
    pub hidden_partnerships: BTreeSet<PartnershipKind>,
    /// Only these UN M49 regions or subregions (by name); empty = all.
    pub regions: BTreeSet<String>,
    /// Hide facts whose only support is unverified.
    pub hide_unverified: bool,
    /// Show agencies, institutions and companies as their own nodes instead
    /// of folding them into their country.
    pub show_bodies: bool,
}

impl Filters {
    /// Whether a country passes the region filter: no region chosen, or its
    /// UN region or subregion is. An actor with no country passes only when
    /// no region is chosen.
    pub fn in_regions(&self, country: Option<&Country>) -> bool {
        in_regions(&self.regions, country)
    }

    /// Whether a fact of this confidence is shown: all are, unless
    /// unverified ones are hidden.
    pub fn shows(&self, confidence: Confidence) -> bool {
        !(self.hide_unverified && confidence == Confidence::Unverified)
    }

    /// The active filters in words ("hiding APSCO", "only Western Africa"…);
    /// empty when nothing is filtered. The date is not included.
    pub fn describe(&self) -> Vec<String> {
        let names = |v: Vec<&str>| v.join(", ");
        let mut parts = Vec::new();
        if !self.hidden_frameworks.is_empty() {
            parts.push(format!(
                "hiding {}",
                names(self.hidden_frameworks.iter().map(|x| x.label()).collect())
            ));
        }
        if !self.hidden_alignments.is_empty() {
            parts.push(format!(
                "hiding countries in {}",
                names(self.hidden_alignments.iter().map(|x| x.label()).collect())
            ));
        }
        if !self.hidden_kinds.is_empty() {
            parts.push(format!(
                "hiding {}",
                names(self.hidden_kinds.iter().map(|x| x.label()).collect())
            ));
        }
        if !self.hidden_partnerships.is_empty() {
            parts.push(format!(
                "hiding ties: {}",
                names(self.hidden_partnerships.iter().map(|x| x.label()).collect())
            ));
        }
        if !self.regions.is_empty() {
            parts.push(format!(
                "only {} (and their partners)",
                names(self.regions.iter().map(String::as_str).collect())
            ));
        }
        if self.hide_unverified {
            parts.push("hiding unverified facts".to_string());
        }
        parts
    }
}

/// What a node stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum NodeKind {
    /// A framework hub.
    Hub(FrameworkId),
    /// An actor.
    Actor(ActorKind),
}

/// A node of the graph.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// Actor id, or `hub:<framework>` for hubs.
    pub id: String,
    /// Display label.
    pub label: String,
    /// What it is.
    pub kind: NodeKind,
    /// Colour group.
    pub alignment: Alignment,
    /// Home country (ISO3), if any.
    pub country: Option<String>,
    /// Number of visible edges.
    pub degree: usize,
    /// A framework's leading state (the United States, China, Russia) or
    /// one of its bodies: the powers the picture is about.
    pub leader: bool,
}

impl Node {
    /// True for framework hubs.
    pub fn is_hub(&self) -> bool {
        matches!(self.kind, NodeKind::Hub(_))
    }
}

/// How a membership edge is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum MemberLink {
    /// The state itself is a member.
    State,
    /// Only an agency, institution or company of the country is.
    SubNational,
    /// Reported, intended or observer status only.
    Tentative,
}

/// What an edge stands for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum EdgeKind {
    /// Membership in a framework.
    Member(FrameworkId, MemberLink),
    /// One or more bilateral partnerships; the kind of the first.
    Partnership(PartnershipKind),
}

/// An undirected edge between two nodes (indices into [`Graph::nodes`]).
#[derive(Debug, Clone, PartialEq)]
pub struct Edge {
    /// One end.
    pub source: usize,
    /// Other end.
    pub target: usize,
    /// What it stands for.
    pub kind: EdgeKind,
    /// The dataset rows behind it: membership indices for `Member`,
    /// partnership indices for `Partnership`.
    pub items: Vec<usize>,
    /// True when every item behind it is unverified.
    pub unverified: bool,
}

/// A graph ready to lay out and draw.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Graph {
    /// Nodes: hubs first, then actors.
    pub nodes: Vec<Node>,
    /// Edges.
    pub edges: Vec<Edge>,
}

impl Graph {
    /// Index of a node by id.
    pub fn index_of(&self, id: &str) -> Option<usize> {
        self.nodes.iter().position(|n| n.id == id)
    }

    /// Indices of a node's neighbours.
    pub fn neighbours(&self, i: usize) -> BTreeSet<usize> {
        crate::sort::set_of(self.edges.iter().filter_map(|e| {
            if e.source == i {
                Some(e.target)
            } else if e.target == i {
                Some(e.source)
            } else {
                None
            }
        }))
    }

    fn node(&mut self, index: &mut BTreeMap<String, usize>, make: impl FnOnce() -> Node) -> usize {
        let n = make();
        if let Some(&i) = index.get(&n.id) {
            return i;
        }
        index.insert(n.id.clone(), self.nodes.len());
        self.nodes.push(n);
        self.nodes.len() - 1
    }
}

/// The name a node is labelled with on the graph: a body's short name when
/// its full name is long ("NASA" for the National Aeronautics and Space
/// Administration), since a long label rarely finds room; countries keep
/// their names. The details and the node list always give the full name.
pub fn short_label(a: &Actor) -> &str {
    match a.aliases.first() {
        Some(alias)
            if a.kind != ActorKind::Country
                && a.name.chars().count() > 24
                && alias.chars().count() < a.name.chars().count() / 2 =>
        {
            alias
        }
        _ => &a.name,
    }
}

/// The accessible summary of a hub node: its members as drawn, told apart
/// as the lines are ("Artemis — hub, 71 member states shown, 1 intended or
/// reported only"), so it agrees with the counts elsewhere.
pub fn hub_summary(g: &Graph, i: usize) -> String {
    let mut counts = [0usize; 3];
    for e in g.edges.iter().filter(|e| e.target == i || e.source == i) {
        if let EdgeKind::Member(_, link) = e.kind {
            let other = if e.target == i { e.source } else { e.target };
            let state = g.nodes[other].kind == NodeKind::Actor(ActorKind::Country);
            match link {
                MemberLink::State if state => counts[0] += 1,
                MemberLink::Tentative => counts[2] += 1,
                _ => counts[1] += 1,
            }
        }
    }
    let mut parts = vec![format!("{} member states shown", counts[0])];
    if counts[1] > 0 {
        parts.push(format!(
            "{} agencies, bodies or states through one",
            counts[1]
        ));
    }
    if counts[2] > 0 {
        parts.push(format!("{} intended or reported only", counts[2]));
    }
    format!("{} — hub, {}", g.nodes[i].label, parts.join(", "))
}

/// A node's accessible status (the node list and the hover tooltip): an
/// actor's memberships with their dates, or a hub's summary.
pub fn node_status(ds: &Dataset, g: &Graph, id: &str, at: Date, hide_unverified: bool) -> String {
    match (ds.actor(id), g.index_of(id)) {
        (Some(a), _) => facts::status_line(ds, a, at, hide_unverified),
        (None, Some(i)) => hub_summary(g, i),
        (None, None) => id.to_string(),
    }
}

/// The id of a framework's hub node.
pub fn hub_id(f: FrameworkId) -> String {
    format!("hub:{}", f.id())
}

/// Builds the graph a view shows.
pub fn build(ds: &Dataset, filters: &Filters) -> Graph {
    let at = filters.as_of.unwrap_or(ds.as_of);
    let mut g = Graph::default();
    let mut index = BTreeMap::new();
    let visible_fw: Vec<FrameworkId> = FrameworkId::ALL
        .iter()
        .copied()
        .filter(|f| !filters.hidden_frameworks.contains(f))
        .collect();

    // The node an actor is drawn as: itself, or its country when bodies are folded in.
    let node_actor = |id: &str| -> Option<&Actor> {
        let a = ds.actor(id)?;
        if a.kind != ActorKind::Country
            && !filters.show_bodies
            && let Some(c) = a.country.as_deref()
        {
            return ds.actor(c);
        }
        Some(a)
    };
    let hidden_alignment = |a: &Actor| -> bool {
        !filters.hidden_alignments.is_empty() && {
            let al = a.country.as_deref().map_or(Alignment::Neither, |c| {
                facts::alignment_where(ds, c, at, |m| filters.shows(m.confidence))
            });
            filters.hidden_alignments.contains(&al)
        }
    };
    let in_focus = |a: &Actor| -> bool {
        if filters.hidden_kinds.contains(&a.kind) {
            return false;
        }
        let country = a.country.as_deref().and_then(|c| ds.country(c));
        filters.in_regions(country) && !hidden_alignment(a)
    };
    let leading: BTreeSet<&str> = crate::sort::set_of(
        ds.frameworks
            .iter()
            .flat_map(|f| f.led_by.iter().map(String::as_str)),
    );
    let actor_node = |a: &Actor| Node {
        leader: a.country.as_deref().is_some_and(|c| leading.contains(c)),
        id: a.id.clone(),
        label: short_label(a).to_string(),
        kind: NodeKind::Actor(a.kind),
        alignment: a.country.as_deref().map_or(Alignment::Neither, |c| {
            facts::alignment_where(ds, c, at, |m| filters.shows(m.confidence))
        }),
        country: a.country.clone(),
        degree: 0,
    };

    for f in &visible_fw {
        let fw = ds.framework(*f);
        g.node(&mut index, || Node {
            id: hub_id(*f),
            label: fw.map_or(f.label(), |x| x.short.as_str()).to_string(),
            kind: NodeKind::Hub(*f),
            alignment: match f {
                FrameworkId::Artemis => Alignment::Artemis,
                FrameworkId::Ilrs => Alignment::Ilrs,
                FrameworkId::Apsco => Alignment::Neither,
            },
            country: None,
            degree: 0,
            leader: false,
        });
    }

    // Membership edges: one per (node, framework), strongest link wins.
    let mut member_edges: BTreeMap<(usize, FrameworkId), (MemberLink, Vec<usize>, bool)> =
        BTreeMap::new();
    for (mi, m) in ds.memberships.iter().enumerate() {
        if m.date > at || !visible_fw.contains(&m.framework) {
            continue;
        }
        if !filters.shows(m.confidence) {
            continue;
        }
        let Some(a) = node_actor(&m.actor) else {
            continue;
        };
        if !in_focus(a) {
            continue;
        }
        let link = if m.status != Status::Member {
            MemberLink::Tentative
        } else if a.id != m.actor && a.kind == ActorKind::Country {
            MemberLink::SubNational
        } else {
            MemberLink::State
        };
        let ni = g.node(&mut index, || actor_node(a));
        let entry = member_edges
            .entry((ni, m.framework))
            .or_insert((link, Vec::new(), true));
        entry.0 = strongest(entry.0, link);
        entry.1.push(mi);
        entry.2 &= m.confidence == Confidence::Unverified;
    }
    for ((ni, f), (link, items, unverified)) in member_edges {
        let hub = index[&hub_id(f)];
        g.edges.push(Edge {
            source: ni,
            target: hub,
            kind: EdgeKind::Member(f, link),
            items,
            unverified,
        });
    }

    // Partnership edges: one per pair of nodes.
    let mut pair_edges: BTreeMap<(usize, usize), (PartnershipKind, Vec<usize>, bool)> =
        BTreeMap::new();
    for (pi, p) in ds.partnerships.iter().enumerate() {
        if p.date > at || filters.hidden_partnerships.contains(&p.kind) {
            continue;
        }
        if !filters.shows(p.confidence) {
            continue;
        }
        let (Some(a), Some(b)) = (node_actor(&p.a), node_actor(&p.b)) else {
            continue;
        };
        if a.id == b.id
            || filters.hidden_kinds.contains(&a.kind)
            || filters.hidden_kinds.contains(&b.kind)
        {
            continue;
        }
        // A partner outside the chosen regions is shown, as context; a
        // partner of a hidden alignment is not: "hide Artemis only" hides
        // those countries everywhere.
        if (!in_focus(a) && !in_focus(b)) || hidden_alignment(a) || hidden_alignment(b) {
            continue;
        }
        let ia = g.node(&mut index, || actor_node(a));
        let ib = g.node(&mut index, || actor_node(b));
        let key = (ia.min(ib), ia.max(ib));
        let entry = pair_edges.entry(key).or_insert((p.kind, Vec::new(), true));
        entry.1.push(pi);
        entry.2 &= p.confidence == Confidence::Unverified;
    }
    for ((s, t), (kind, items, unverified)) in pair_edges {
        g.edges.push(Edge {
            source: s,
            target: t,
            kind: EdgeKind::Partnership(kind),
            items,
            unverified,
        });
    }

    for e in &g.edges {
        g.nodes[e.source].degree += 1;
        g.nodes[e.target].degree += 1;
    }
    g
}

fn strongest(a: MemberLink, b: MemberLink) -> MemberLink {
    let rank = |l| match l {
        MemberLink::State => 2,
        MemberLink::SubNational => 1,
        MemberLink::Tentative => 0,
    };
    if rank(b) > rank(a) { b } else { a }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_country_is_coloured_by_the_membership_lines_it_is_drawn_with() {
        use super::*;
        let ds = crate::test_support::dataset();
        for hide_unverified in [false, true] {
            let f = Filters {
                hide_unverified,
                ..Filters::default()
            };
            let g = build(ds, &f);
            for (i, n) in g.nodes.iter().enumerate() {
                if n.kind != NodeKind::Actor(ActorKind::Country) {
                    continue;
                }
                let line = |fw: FrameworkId| {
                    g.edges
                        .iter()
                        .any(|e| e.source == i && e.kind == EdgeKind::Member(fw, MemberLink::State))
                };
                let expected = match (line(FrameworkId::Artemis), line(FrameworkId::Ilrs)) {
                    (true, true) => Alignment::Both,
                    (true, false) => Alignment::Artemis,
                    (false, true) => Alignment::Ilrs,
                    (false, false) => Alignment::Neither,
                };
                assert_eq!(
                    n.alignment, expected,
                    "{} (hide unverified: {hide_unverified})",
                    n.label
                );
            }
        }
    }

    #[test]
    fn a_hub_summary_counts_member_states_as_the_summary_does() {
        use super::*;
        let ds = crate::test_support::dataset();
        let g = build(ds, &Filters::default());
        let hub = g.index_of(&hub_id(FrameworkId::Artemis)).unwrap();
        let states = crate::graph::facts::state_members(ds, FrameworkId::Artemis, ds.as_of).len();
        let text = hub_summary(&g, hub);
        assert!(
            text.starts_with(&format!("Artemis — hub, {states} member states shown")),
            "{text}"
        );
    }

    #[test]
    fn long_body_names_are_labelled_by_their_short_name() {
        let ds = crate::test_support::dataset();
        let label = |id: &str| super::short_label(ds.actor(id).unwrap()).to_string();
        assert_eq!(label("nasa"), "NASA");
        assert_eq!(
            label("esa"),
            "European Space Agency",
            "short enough as it is"
        );
        assert_eq!(label("THA"), "Thailand");
    }

    #[test]
    fn the_region_tree_holds_every_named_country_once() {
        let ds = crate::test_support::dataset();
        let tree = super::region_tree(ds);
        for a in ds
            .actors
            .iter()
            .filter(|a| a.kind == crate::model::ActorKind::Country)
        {
            let c = ds.country(&a.id).unwrap();
            if !c.region.is_empty() {
                assert!(
                    tree[&c.region].contains(&c.subregion) || c.subregion.is_empty(),
                    "{}",
                    a.name
                );
            }
        }
        assert!(tree.values().flatten().all(|s| !s.is_empty()));
    }

    #[test]
    fn the_regions_control_names_what_is_chosen() {
        let set = |v: &[&str]| v.iter().map(|s| s.to_string()).collect();
        assert_eq!(super::regions_label(&set(&[])), "Regions: all");
        assert_eq!(super::regions_label(&set(&["Africa"])), "Regions: Africa");
        assert_eq!(
            super::regions_label(&set(&["Europe", "Africa"])),
            "Regions: Africa, Europe"
        );
        assert_eq!(
            super::regions_label(&set(&["Europe", "Africa", "Asia"])),
            "Regions: Africa +2"
        );
    }

    use super::*;

    #[test]
    fn default_view_shows_hubs_members_and_both_camps() {
        let ds = crate::test_support::dataset().clone();
        let g = build(&ds, &Filters::default());
        for hub in ["hub:artemis", "hub:ilrs", "hub:apsco"] {
            assert!(g.index_of(hub).is_some(), "{hub}");
        }
        for iso in ["USA", "CHN", "RUS", "JPN", "THA", "SEN"] {
            assert!(g.index_of(iso).is_some(), "{iso}");
        }
        let tha = g.index_of("THA").unwrap();
        assert_eq!(g.nodes[tha].alignment, Alignment::Both);
        let n = g.neighbours(tha);
        assert!(
            n.contains(&g.index_of("hub:artemis").unwrap())
                && n.contains(&g.index_of("hub:ilrs").unwrap())
        );
        // Every edge joins two distinct, existing nodes.
        for e in &g.edges {
            assert!(e.source < g.nodes.len() && e.target < g.nodes.len() && e.source != e.target);
        }
    }

    #[test]
    fn filters_never_mutate_the_dataset_and_do_filter() {
        let ds = crate::test_support::dataset().clone();
        let before = ds.clone();
        let mut f = Filters {
            as_of: Some(Date::ymd(2021, 1, 1)),
            ..Filters::default()
        };
        let early = build(&ds, &f);
        let linked = |g: &Graph, id: &str, hub: &str| {
            let (Some(a), Some(b)) = (g.index_of(id), g.index_of(hub)) else {
                return false;
            };
            g.neighbours(a).contains(&b)
        };
        assert!(
            !linked(&early, "THA", "hub:artemis") && !linked(&early, "THA", "hub:ilrs"),
            "Thailand joined neither before 2024"
        );
        assert!(linked(&early, "AUS", "hub:artemis"));
        f.as_of = None;
        f.hidden_frameworks.insert(FrameworkId::Apsco);
        f.hidden_alignments.insert(Alignment::Artemis);
        let g = build(&ds, &f);
        assert!(g.index_of("hub:apsco").is_none());
        // Hidden everywhere, also as partners of the countries shown.
        assert!(
            g.nodes
                .iter()
                .all(|n| n.alignment != Alignment::Artemis || n.is_hub()),
            "{:?}",
            g.nodes
                .iter()
                .filter(|n| n.alignment == Alignment::Artemis && !n.is_hub())
                .map(|n| &n.id)
                .collect::<Vec<_>>()
        );
        assert!(g.index_of("USA").is_none() && g.index_of("THA").is_some());
        assert_eq!(ds, before);
    }

    #[test]
    fn sub_national_links_are_not_state_membership() {
        let ds = crate::test_support::dataset().clone();
        let g = build(&ds, &Filters::default());
        let are = g.index_of("ARE").expect("UAE is shown");
        let ilrs = g.index_of("hub:ilrs").unwrap();
        let e = g
            .edges
            .iter()
            .find(|e| e.source == are && e.target == ilrs)
            .expect("UAE has an ILRS link");
        assert!(
            matches!(
                e.kind,
                EdgeKind::Member(_, MemberLink::SubNational | MemberLink::Tentative)
            ),
            "{e:?}"
        );
        assert_eq!(g.nodes[are].alignment, Alignment::Artemis);
    }
}
