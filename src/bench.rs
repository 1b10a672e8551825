//! The benchmark graph format of the shared harness (`?graph=` pages), turned
//! into a [`Graph`] the app lays out and draws like its own data.

use serde::Deserialize;

use crate::facts::Alignment;
use crate::graph::{Edge, EdgeKind, Graph, MemberLink, Node, NodeKind};
use crate::model::{ActorKind, FrameworkId, PartnershipKind};

/// A node of a bench graph.
#[derive(Debug, Clone, Deserialize)]
pub struct BenchNode {
    /// Node id (`hub:artemis`, `c:0001`…).
    pub id: String,
    /// Label.
    #[serde(default)]
    pub label: String,
    /// `hub`, `artemis`, `ilrs` or `both`.
    #[serde(default)]
    pub group: String,
}

/// An edge of a bench graph.
#[derive(Debug, Clone, Deserialize)]
pub struct BenchEdge {
    /// One end (node id).
    pub source: String,
    /// Other end (node id).
    pub target: String,
    /// `artemis`, `ilrs` or `bilateral`.
    #[serde(default)]
    pub kind: String,
}

/// A bench graph file.
#[derive(Debug, Clone, Deserialize)]
pub struct BenchGraph {
    /// Nodes.
    pub nodes: Vec<BenchNode>,
    /// Edges.
    pub edges: Vec<BenchEdge>,
}

/// Converts a bench graph; fails on an edge naming an unknown node.
pub fn to_graph(b: &BenchGraph) -> Result<Graph, String> {
    let mut index = std::collections::HashMap::with_capacity(b.nodes.len());
    let mut g = Graph::default();
    for n in &b.nodes {
        let (kind, alignment) = match (n.group.as_str(), n.id.as_str()) {
            ("hub", "hub:ilrs") => (NodeKind::Hub(FrameworkId::Ilrs), Alignment::Ilrs),
            ("hub", _) => (NodeKind::Hub(FrameworkId::Artemis), Alignment::Artemis),
            ("artemis", _) => (NodeKind::Actor(ActorKind::Country), Alignment::Artemis),
            ("ilrs", _) => (NodeKind::Actor(ActorKind::Country), Alignment::Ilrs),
            ("both", _) => (NodeKind::Actor(ActorKind::Country), Alignment::Both),
            _ => (NodeKind::Actor(ActorKind::Country), Alignment::Neither),
        };
        index.insert(n.id.as_str(), g.nodes.len());
        g.nodes.push(Node {
            id: n.id.clone(),
            label: if n.label.is_empty() {
                n.id.clone()
            } else {
                n.label.clone()
            },
            kind,
            alignment,
            country: None,
            degree: 0,
        });
    }
    for e in &b.edges {
        let s = *index
            .get(e.source.as_str())
            .ok_or_else(|| format!("edge from unknown node '{}'", e.source))?;
        let t = *index
            .get(e.target.as_str())
            .ok_or_else(|| format!("edge to unknown node '{}'", e.target))?;
        let kind = match e.kind.as_str() {
            "artemis" => EdgeKind::Member(FrameworkId::Artemis, MemberLink::State),
            "ilrs" => EdgeKind::Member(FrameworkId::Ilrs, MemberLink::State),
            _ => EdgeKind::Partnership(PartnershipKind::Agreement),
        };
        g.nodes[s].degree += 1;
        g.nodes[t].degree += 1;
        g.edges.push(Edge {
            source: s,
            target: t,
            kind,
            items: Vec::new(),
            unverified: false,
        });
    }
    Ok(g)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn converts_and_rejects_dangling_edges() {
        let b = BenchGraph {
            nodes: vec![
                BenchNode {
                    id: "hub:artemis".into(),
                    label: "Artemis Accords".into(),
                    group: "hub".into(),
                },
                BenchNode {
                    id: "hub:ilrs".into(),
                    label: "ILRS".into(),
                    group: "hub".into(),
                },
                BenchNode {
                    id: "c:1".into(),
                    label: String::new(),
                    group: "both".into(),
                },
            ],
            edges: vec![
                BenchEdge {
                    source: "c:1".into(),
                    target: "hub:artemis".into(),
                    kind: "artemis".into(),
                },
                BenchEdge {
                    source: "c:1".into(),
                    target: "hub:ilrs".into(),
                    kind: "ilrs".into(),
                },
            ],
        };
        let g = to_graph(&b).unwrap();
        assert_eq!(g.nodes[2].alignment, Alignment::Both);
        assert_eq!(g.nodes[2].degree, 2);
        assert_eq!(g.nodes[1].kind, NodeKind::Hub(FrameworkId::Ilrs));
        let mut bad = b.clone();
        bad.edges.push(BenchEdge {
            source: "c:9".into(),
            target: "c:1".into(),
            kind: "bilateral".into(),
        });
        assert!(to_graph(&bad).unwrap_err().contains("c:9"));
    }
}
