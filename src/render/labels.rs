//! Label placement: greedy by priority, never overlapping. Labels that do
//! not fit stay hidden until the reader zooms in. The ones a reader must
//! find (the hubs, the leading powers, the countries in both camps and the
//! [key countries](key_nodes)) go first and, where it is crowded, cover
//! other nodes rather than vanish; only what the reader is looking at (the
//! selection) is ever printed over another label.

use crate::graph::{EdgeKind, Graph};
use crate::model::FrameworkId;

/// A label candidate in screen space.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Candidate {
    /// Node index.
    pub node: usize,
    /// Higher goes first (hubs, then by degree).
    pub priority: f32,
    /// Anchor: the node's screen centre.
    pub x: f32,
    /// Anchor y.
    pub y: f32,
    /// Node radius in pixels (the label sits to the right of it).
    pub radius: f32,
    /// Text width in pixels.
    pub width: f32,
    /// Text height in pixels.
    pub height: f32,
    /// Placed before the rest: when no clear spot is left it may cover
    /// other nodes (not a label, unless it insists), and it is kept on
    /// screen.
    pub must: bool,
    /// When no clear spot is left, it may cover other nodes (never a
    /// label) rather than stay hidden: a [key country](key_nodes).
    pub crowd: bool,
    /// Where every spot is taken, still shown at its first spot, over
    /// other labels: what the reader is looking at (the selection, the
    /// focus, the hovered node, a story's spotlight).
    pub insist: bool,
}

/// How a node's label is ranked: what the reader is looking at first, then
/// the nodes that carry the story (hubs and the leading powers, the
/// countries in both camps), then the busiest.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Rank {
    /// Selected, focused or under the pointer.
    pub active: bool,
    /// A framework hub.
    pub hub: bool,
    /// A leading state (or its body): the United States, China, Russia.
    pub leader: bool,
    /// A country in both camps.
    pub both: bool,
    /// Tied to both coalitions, however tentatively (see [`key_nodes`]).
    pub hedge: bool,
    /// Among the busiest countries of the picture (see [`key_nodes`]).
    pub busy: bool,
    /// A neighbour of the selection.
    pub neighbour: bool,
    /// Matches the search.
    pub matched: bool,
    /// Visible edges.
    pub degree: usize,
}

impl Rank {
    /// The rank of node `i` of `graph`, given what the reader is doing.
    pub fn of(
        graph: &Graph,
        i: usize,
        active: bool,
        key: Key,
        neighbour: bool,
        matched: bool,
    ) -> Rank {
        let n = &graph.nodes[i];
        Rank {
            active,
            hub: n.is_hub(),
            leader: n.leader,
            both: !n.is_hub() && n.alignment == crate::graph::facts::Alignment::Both,
            hedge: key == Key::Hedge,
            busy: key == Key::Busy,
            neighbour,
            matched,
            degree: n.degree,
        }
    }

    /// Priority for [`place`] (higher goes first).
    pub fn priority(&self) -> f32 {
        let tier = if self.active {
            5.0
        } else if self.hub || self.leader {
            4.0
        } else if self.both || self.hedge {
            3.0
        } else if self.busy {
            2.5
        } else if self.neighbour {
            2.0
        } else if self.matched {
            1.0
        } else {
            0.0
        };
        tier * 1e6 + self.degree as f32
    }

    /// Whether the label goes before the rest and may cover other nodes.
    pub fn must(&self) -> bool {
        self.active || self.hub || self.leader || self.both
    }

    /// Whether the label is shown over other labels where every spot is
    /// taken (another label hides rather than be overprinted).
    pub fn insist(&self) -> bool {
        self.active
    }

    /// Whether the label may cover other nodes where it is crowded.
    pub fn crowd(&self) -> bool {
        self.must() || self.hedge || self.busy
    }
}

/// The area of the graph's box, in square pixels, per busiest country that
/// must be named (a 200 px square): 4 in a phone's box (390 × 506 px), 11 in
/// a 1280 × 800 window's (899 × 529), 30 in a 1920 × 1080 one's.
pub const KEY_AREA: f32 = 40_000.0;

/// Why a country's label is key to the picture (see [`key_nodes`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Key {
    /// Not key.
    #[default]
    No,
    /// Tied to both coalitions, however tentatively.
    Hedge,
    /// Among the busiest countries.
    Busy,
}

/// The countries of a `width` × `height` picture whose labels a reader must
/// find besides the hubs, the leading powers and the countries in both
/// camps, among the `shown` nodes (not dimmed, on screen), in this order:
/// - those tied to both coalitions however tentatively (a signatory with a
///   reported or agency-level step toward the other camp, as Brazil's): the
///   hedging the research is about;
/// - the busiest, by visible ties (at least two), one per [`KEY_AREA`] of
///   the box: the space powers and partners the ties run through.
///
/// Their labels go right after those that must show, and where crowded
/// they may cover other nodes, never a label.
///
/// Without it the greedy placement named the quiet countries at the edge of
/// the picture and left the busy core, where node discs crowd every spot,
/// unnamed: Brazil and Japan were unlabelled in the default view.
pub fn key_nodes(graph: &Graph, shown: &[usize], width: f32, height: f32) -> Vec<Key> {
    let n = graph.nodes.len();
    let mut key = vec![Key::No; n];
    let plain = |i: usize| !graph.nodes[i].is_hub() && !graph.nodes[i].leader;
    let shown: Vec<usize> = shown
        .iter()
        .copied()
        .filter(|&i| i < n && plain(i))
        .collect();
    if shown.is_empty() {
        // The bench page labels only its hubs: no pass over its edges.
        return key;
    }
    let (mut artemis, mut ilrs) = (vec![false; n], vec![false; n]);
    for e in &graph.edges {
        match e.kind {
            EdgeKind::Member(FrameworkId::Artemis, _) => artemis[e.source] = true,
            EdgeKind::Member(FrameworkId::Ilrs, _) => ilrs[e.source] = true,
            _ => {}
        }
    }
    let mut busy: Vec<usize> = Vec::new();
    for i in shown {
        if artemis[i] && ilrs[i] {
            key[i] = Key::Hedge;
        } else if graph.nodes[i].degree >= 2 {
            busy.push(i);
        }
    }
    crate::sort::sort_by(&mut busy, |&a, &b| {
        graph.nodes[b]
            .degree
            .cmp(&graph.nodes[a].degree)
            .then(a.cmp(&b))
    });
    let room = (width.max(0.0) * height.max(0.0) / KEY_AREA) as usize;
    for &i in busy.iter().take(room) {
        key[i] = Key::Busy;
    }
    key
}

/// Whether every picture must name node `i` of `graph`, with `key` from
/// [`key_nodes`]: a hub, a leading power, a country in both camps or one
/// tied to both. The tests' rule, stated apart from [`Rank`].
#[cfg(test)]
pub fn must_name(graph: &Graph, key: &[Key], i: usize) -> bool {
    let n = &graph.nodes[i];
    n.is_hub()
        || n.leader
        || n.alignment == crate::graph::facts::Alignment::Both
        || key[i] == Key::Hedge
}

/// A placed label: its node and the rectangle it occupies.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Placed {
    /// Node index.
    pub node: usize,
    /// Left, top, right, bottom.
    pub rect: [f32; 4],
}

/// The rectangle reaching `half_width` and `half_height` around `centre`:
/// an obstacle for [`place`] (a node's disc, an axis label).
pub fn around(centre: [f32; 2], half_width: f32, half_height: f32) -> [f32; 4] {
    [
        centre[0] - half_width,
        centre[1] - half_height,
        centre[0] + half_width,
        centre[1] + half_height,
    ]
}

fn overlaps(a: &[f32; 4], b: &[f32; 4]) -> bool {
    a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3]
}

/// What covering the disc of a node whose label may crowd costs a crowded
/// label in [`place`], in plain nodes covered.
pub const KEY_DISC: usize = 4;

/// What a rectangle in [`place`]'s grid is.
#[derive(Clone, Copy, PartialEq)]
enum Taken {
    /// A placed label: nothing else may cover it.
    Label,
    /// A fixed obstacle (an axis label): the same.
    Fixed,
    /// A node's disc: only a label that must show or may crowd covers it,
    /// and rather a plain node's than one whose own label may crowd.
    Disc(usize),
    /// A label moved elsewhere: nothing any more.
    Gone,
}

/// Places labels greedily: in priority order, each tries right, left, above
/// and below its node, then the four diagonals (a label that must show or
/// may crowd also a line up or down beside it, and a step further out), and
/// takes the first spot clear of every label already placed, of every
/// `obstacles` rectangle (axis labels), of every disc in `discs` (node
/// index, rectangle: a label over another node reads as that node's) and
/// inside the `width` × `height` screen. `must` labels (e.g. the selection)
/// go first. Where no spot is clear, a `must` or `crowd` label takes the one
/// on screen and clear of labels and obstacles that covers the fewest discs,
/// a disc of a node whose own label may crowd counting as [`KEY_DISC`]
/// plain ones (a label over it reads as that key node's); failing that it
/// takes a spot where a single placed label (not an `insist` one) is in its
/// way, if that label can move to another spot of its own; failing that an
/// `insist` label takes its first spot regardless, and any other stays
/// hidden (two overprinted labels read as neither).
pub fn place(
    mut candidates: Vec<Candidate>,
    obstacles: &[[f32; 4]],
    discs: &[(usize, [f32; 4])],
    width: f32,
    height: f32,
) -> Vec<Placed> {
    crate::sort::sort_by(&mut candidates, |a, b| {
        b.must
            .cmp(&a.must)
            .then(b.priority.total_cmp(&a.priority))
            .then(a.node.cmp(&b.node))
    });
    // Nodes whose labels may crowd: their discs are covered last.
    let mut keep_clear: Vec<usize> = candidates
        .iter()
        .filter(|c| c.must || c.crowd)
        .map(|c| c.node)
        .collect();
    crate::sort::sort(&mut keep_clear);
    // A coarse grid of placed rectangles keeps this near-linear.
    const CELL: f32 = 64.0;
    let cols = (width / CELL).ceil().max(1.0) as usize + 1;
    let rows = (height / CELL).ceil().max(1.0) as usize + 1;
    let mut grid: Vec<Vec<usize>> = vec![Vec::new(); cols * rows];
    let mut taken: Vec<([f32; 4], Taken)> = Vec::new();
    let cells = |r: &[f32; 4]| {
        let c0 = (r[0] / CELL).floor().max(0.0) as usize;
        let c1 = ((r[2] / CELL).floor().max(0.0) as usize).min(cols - 1);
        let r0 = (r[1] / CELL).floor().max(0.0) as usize;
        let r1 = ((r[3] / CELL).floor().max(0.0) as usize).min(rows - 1);
        (c0.min(cols - 1), c1, r0.min(rows - 1), r1)
    };
    let take = |grid: &mut [Vec<usize>], taken: &mut Vec<([f32; 4], Taken)>, rect, what| {
        let (c0, c1, r0, r1) = cells(&rect);
        for gy in r0..=r1 {
            for gx in c0..=c1 {
                grid[gy * cols + gx].push(taken.len());
            }
        }
        taken.push((rect, what));
    };
    for &rect in obstacles {
        take(&mut grid, &mut taken, rect, Taken::Fixed);
    }
    for &(node, rect) in discs {
        take(&mut grid, &mut taken, rect, Taken::Disc(node));
    }
    // The entries of `taken` that `rect` overlaps, each once (a moved
    // label's old place is nothing).
    let hits = |grid: &[Vec<usize>], taken: &[([f32; 4], Taken)], rect: &[f32; 4]| {
        let (c0, c1, r0, r1) = cells(rect);
        let mut found: Vec<usize> = Vec::new();
        for gy in r0..=r1 {
            for gx in c0..=c1 {
                for &k in &grid[gy * cols + gx] {
                    let (other, what) = taken[k];
                    if what != Taken::Gone && overlaps(&other, rect) && !found.contains(&k) {
                        found.push(k);
                    }
                }
            }
        }
        found
    };
    // What a label of node `own` at `rect` overlaps, as (blocked, cost of
    // the discs covered): blocked by a label or an obstacle, or with
    // `crowding` off by any other disc. (Its own disc's box only meets a
    // diagonal spot's corner, not the disc.)
    let overlapping = |grid: &[Vec<usize>],
                       taken: &[([f32; 4], Taken)],
                       own: usize,
                       rect: &[f32; 4],
                       crowding: bool| {
        let mut cost = 0;
        let mut blocked = false;
        for k in hits(grid, taken, rect) {
            match taken[k].1 {
                Taken::Disc(n) if n == own => {}
                Taken::Disc(n) if crowding => {
                    cost += if keep_clear.binary_search(&n).is_ok() {
                        KEY_DISC
                    } else {
                        1
                    };
                }
                _ => blocked = true,
            }
        }
        (blocked, cost)
    };
    let inside = |r: &[f32; 4]| r[0] >= 0.0 && r[1] >= 0.0 && r[2] <= width && r[3] <= height;
    // Kept on screen: slid inside the edges.
    let clamp = |r: [f32; 4]| {
        let dx = (-r[0]).max(0.0) - (r[2] - width).max(0.0);
        let dy = (-r[1]).max(0.0) - (r[3] - height).max(0.0);
        [r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy]
    };
    // Where a label may go, in order: right, left, above and below its
    // node, then the diagonals; a label that must show or may crowd also
    // beside it a line or two up or down, and a step further out.
    let spots = |c: &Candidate| -> Vec<[f32; 4]> {
        let gap = 3.0;
        let (w, h, r) = (c.width, c.height, c.radius);
        let mut options = vec![
            [c.x + r + gap, c.y - h / 2.0],
            [c.x - r - gap - w, c.y - h / 2.0],
            [c.x - w / 2.0, c.y - r - gap - h],
            [c.x - w / 2.0, c.y + r + gap],
            [c.x + r * 0.7, c.y - r * 0.7 - h],
            [c.x - r * 0.7 - w, c.y - r * 0.7 - h],
            [c.x + r * 0.7, c.y + r * 0.7],
            [c.x - r * 0.7 - w, c.y + r * 0.7],
        ];
        if c.must || c.crowd {
            options.extend([
                [c.x + r + gap, c.y - 1.5 * h],
                [c.x + r + gap, c.y + 0.5 * h],
                [c.x - r - gap - w, c.y - 1.5 * h],
                [c.x - r - gap - w, c.y + 0.5 * h],
                [c.x - w / 2.0, c.y - r - gap - 2.0 * h],
                [c.x - w / 2.0, c.y + r + gap + h],
                [c.x + r + gap, c.y - 2.5 * h],
                [c.x + r + gap, c.y + 1.5 * h],
                [c.x - r - gap - w, c.y - 2.5 * h],
                [c.x - r - gap - w, c.y + 1.5 * h],
            ]);
        }
        options
            .iter()
            .map(|[l, t]| [*l, *t, l + w, t + h])
            .collect()
    };
    // The spot `c` takes among `rects` beside what is taken: the first
    // clear one; where none is, for a label that must show or may crowd,
    // the one clear of labels and obstacles covering the fewest discs, and
    // for one that insists, its first regardless.
    let find =
        |grid: &[Vec<usize>], taken: &[([f32; 4], Taken)], c: &Candidate, rects: &[[f32; 4]]| {
            let clear = rects
                .iter()
                .copied()
                .find(|r| inside(r) && overlapping(grid, taken, c.node, r, false) == (false, 0));
            if clear.is_some() || !(c.must || c.crowd) {
                return clear;
            }
            let mut best: Option<(usize, [f32; 4])> = None;
            for r in rects.iter().map(|r| clamp(*r)) {
                let (blocked, covered) = overlapping(grid, taken, c.node, &r, true);
                if !blocked && best.is_none_or(|(fewest, _)| covered < fewest) {
                    best = Some((covered, r));
                }
            }
            best.map(|(_, r)| r).or(c.insist.then(|| clamp(rects[0])))
        };
    // Placed labels, with their entry in `taken` and their candidate.
    let mut placed: Vec<(Placed, usize, Candidate)> = Vec::new();
    for c in candidates {
        let rects = spots(&c);
        if let Some(rect) = find(&grid, &taken, &c, &rects) {
            placed.push((Placed { node: c.node, rect }, taken.len(), c));
            take(&mut grid, &mut taken, rect, Taken::Label);
            continue;
        }
        if !(c.must || c.crowd) {
            continue;
        }
        // Crowded out: where one spot is blocked by a single label (not one
        // that insists), move that label to another spot of its own if it
        // has one, so both show. (Greedy alone left Switzerland or Oman
        // unnamed in a short embed's crowded core.)
        for rect in rects.iter().map(|r| clamp(*r)) {
            let hit = hits(&grid, &taken, &rect);
            if !inside(&rect) || hit.iter().any(|&k| taken[k].1 == Taken::Fixed) {
                continue;
            }
            let labels: Vec<usize> = hit
                .into_iter()
                .filter(|&k| taken[k].1 == Taken::Label)
                .collect();
            let [k] = labels[..] else { continue };
            let Some(p) = placed.iter().position(|(_, at, o)| *at == k && !o.insist) else {
                continue;
            };
            let mine = taken.len();
            take(&mut grid, &mut taken, rect, Taken::Label);
            taken[k].1 = Taken::Gone;
            let other = placed[p].2;
            if let Some(moved) = find(&grid, &taken, &other, &spots(&other)) {
                placed[p].0.rect = moved;
                placed[p].1 = taken.len();
                take(&mut grid, &mut taken, moved, Taken::Label);
                placed.push((Placed { node: c.node, rect }, mine, c));
                break;
            }
            taken[k].1 = Taken::Label;
            taken[mine].1 = Taken::Gone;
        }
    }
    placed.into_iter().map(|(p, _, _)| p).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cand(node: usize, priority: f32, x: f32, y: f32) -> Candidate {
        Candidate {
            node,
            priority,
            x,
            y,
            radius: 4.0,
            width: 60.0,
            height: 12.0,
            must: false,
            crowd: false,
            insist: false,
        }
    }

    #[test]
    fn no_two_labels_overlap() {
        // A dense cloud of 400 candidates.
        let cands: Vec<Candidate> = (0..400)
            .map(|i| {
                let p = crate::layout::force::phyllotaxis(i);
                cand(i, (i % 17) as f32, 400.0 + p[0] * 1.5, 300.0 + p[1] * 1.5)
            })
            .collect();
        let placed = place(cands, &[], &[], 800.0, 600.0);
        assert!(placed.len() > 20);
        for i in 0..placed.len() {
            for j in i + 1..placed.len() {
                assert!(
                    !overlaps(&placed[i].rect, &placed[j].rect),
                    "{:?} {:?}",
                    placed[i],
                    placed[j]
                );
            }
            let r = placed[i].rect;
            assert!(r[0] >= 0.0 && r[1] >= 0.0 && r[2] <= 800.0 && r[3] <= 600.0);
        }
    }

    #[test]
    fn higher_priority_wins_the_spot() {
        let placed = place(
            vec![cand(1, 1.0, 100.0, 100.0), cand(2, 5.0, 100.0, 100.0)],
            &[],
            &[],
            800.0,
            600.0,
        );
        assert_eq!(placed[0].node, 2);
        // The lower-priority label moves to another side rather than overlapping.
        assert_eq!(placed.len(), 2);
        assert_ne!(placed[0].rect, placed[1].rect);
    }

    #[test]
    fn labels_keep_off_obstacles() {
        // Another node's disc right of the anchor: the label goes left instead.
        let other = [108.0, 92.0, 124.0, 108.0];
        let placed = place(
            vec![cand(1, 1.0, 100.0, 100.0)],
            &[],
            &[(2, other)],
            800.0,
            600.0,
        );
        assert_eq!(placed.len(), 1);
        assert!(!overlaps(&placed[0].rect, &other));
        assert!(placed[0].rect[2] <= 100.0);
        // Boxed in on all four sides: hidden until zoomed in.
        let boxed = [
            (10, [104.0, 80.0, 180.0, 120.0]),
            (11, [20.0, 80.0, 96.0, 120.0]),
            (12, [40.0, 60.0, 160.0, 96.0]),
            (13, [40.0, 104.0, 160.0, 140.0]),
        ];
        assert!(place(vec![cand(1, 1.0, 100.0, 100.0)], &[], &boxed, 800.0, 600.0).is_empty());
        // A label that must show covers the crowd, on screen, still clear of labels.
        let must = Candidate {
            must: true,
            ..cand(1, 1.0, 100.0, 100.0)
        };
        let placed = place(vec![must], &[], &boxed, 800.0, 600.0);
        assert_eq!(placed.len(), 1);
        // At the screen's edge too.
        let edge = Candidate {
            must: true,
            ..cand(2, 1.0, 795.0, 2.0)
        };
        let r = place(vec![edge], &[], &[], 800.0, 600.0)[0].rect;
        assert!(
            r[0] >= 0.0 && r[1] >= 0.0 && r[2] <= 800.0 && r[3] <= 600.0,
            "{r:?}"
        );
        // Every spot taken by the axis labels: a label that must show hides
        // rather than overprint one; the reader's selection insists.
        let walled = [[0.0, 0.0, 800.0, 600.0]];
        assert!(place(vec![must], &walled, &[], 800.0, 600.0).is_empty());
        let selected = Candidate {
            insist: true,
            ..must
        };
        assert_eq!(place(vec![selected], &walled, &[], 800.0, 600.0).len(), 1);
    }

    #[test]
    fn labels_that_must_show_never_cover_each_other_and_outrank_the_rest() {
        // Forty must-show labels on one spot: each placed, none overlapping
        // another, as long as there is room on screen.
        let cands: Vec<Candidate> = (0..6)
            .map(|i| Candidate {
                must: true,
                ..cand(i, 1.0, 400.0, 300.0)
            })
            .chain((6..40).map(|i| cand(i, 1e7, 400.0, 300.0)))
            .collect();
        let placed = place(cands, &[], &[], 800.0, 600.0);
        let musts: Vec<&Placed> = placed.iter().filter(|p| p.node < 6).collect();
        assert_eq!(musts.len(), 6, "{placed:?}");
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlaps(&a.rect, &b.rect), "{a:?} {b:?}");
            }
        }
        let rank = |f: fn(&mut Rank)| {
            let mut r = Rank {
                degree: 40,
                ..Rank::default()
            };
            f(&mut r);
            r.priority()
        };
        let plain = Rank {
            degree: 99,
            ..Rank::default()
        }
        .priority();
        assert!(rank(|r| r.active = true) > rank(|r| r.hub = true));
        assert!(rank(|r| r.hub = true) > rank(|r| r.both = true));
        assert!(rank(|r| r.leader = true) > rank(|r| r.both = true));
        assert!(
            Rank {
                leader: true,
                ..Rank::default()
            }
            .must()
        );
        assert!(rank(|r| r.both = true) > rank(|r| r.neighbour = true));
        assert!(rank(|r| r.neighbour = true) > plain);
    }

    #[test]
    fn a_crowded_key_label_covers_the_fewest_nodes_plain_ones_first_never_a_label_or_an_obstacle() {
        let key = |node| Candidate {
            crowd: true,
            ..cand(node, 2.0, 100.0, 100.0)
        };
        // Right of the anchor a plain node's disc; left, two of them; every
        // other spot blocked by an axis label.
        let walls = [[20.0, 20.0, 400.0, 93.5], [20.0, 106.5, 400.0, 200.0]];
        let plain = [
            (10, [140.0, 97.0, 146.0, 103.0]),
            (11, [50.0, 97.0, 56.0, 103.0]),
            (12, [70.0, 97.0, 76.0, 103.0]),
        ];
        let placed = place(vec![key(1)], &walls, &plain, 800.0, 600.0);
        assert_eq!(
            placed.len(),
            1,
            "a key label covers a plain node rather than vanish"
        );
        assert!(
            placed[0].rect[0] > 100.0,
            "it covers one node, not two: {placed:?}"
        );
        for w in &walls {
            assert!(!overlaps(&placed[0].rect, w));
        }
        // The disc of a node whose own label may crowd is covered last: the
        // label goes left over two plain nodes rather than right over it.
        let other_key = (10, [140.0, 97.0, 146.0, 103.0]);
        let mut other = key(10);
        (other.x, other.y) = (143.0, 300.0);
        let placed = place(vec![key(1), other], &walls, &plain, 800.0, 600.0);
        let mine: Vec<&Placed> = placed.iter().filter(|p| p.node == 1).collect();
        assert_eq!(mine.len(), 1);
        assert!(
            !overlaps(&mine[0].rect, &other_key.1),
            "{mine:?} covers a key node"
        );
        for (i, a) in placed.iter().enumerate() {
            for b in &placed[i + 1..] {
                assert!(!overlaps(&a.rect, &b.rect), "{a:?} {b:?}");
            }
        }
        // An ordinary label never covers a node.
        assert!(
            place(
                vec![cand(1, 2.0, 100.0, 100.0)],
                &walls,
                &plain,
                800.0,
                600.0
            )
            .is_empty()
        );
    }

    #[test]
    fn a_crowded_out_key_label_moves_the_one_label_in_its_way() {
        // Walls leave the key node at (100, 100) one spot, right of it; the
        // hub at (175, 100), placed first, takes that spot (its own right
        // is walled) though its upper-right diagonal is free.
        let walls = [
            [0.0, 0.0, 168.0, 93.0],
            [0.0, 107.0, 168.0, 200.0],
            [0.0, 93.0, 95.0, 107.0],
            [180.0, 98.0, 250.0, 106.0],
        ];
        let hub = Candidate {
            must: true,
            ..cand(1, 9.0, 175.0, 100.0)
        };
        let alone = place(vec![hub], &walls, &[], 300.0, 200.0);
        let key = Candidate {
            crowd: true,
            ..cand(2, 5.0, 100.0, 100.0)
        };
        let both = place(vec![hub, key], &walls, &[], 300.0, 200.0);
        assert!(alone[0].rect[0] < 170.0, "alone, the hub's label goes left");
        assert_eq!(both.len(), 2, "{both:?}");
        let (h, k) = (both[0].rect, both[1].rect);
        assert!(!overlaps(&h, &k));
        assert!(
            h[0] > 175.0 && h[3] < 100.0,
            "the hub's moved up right: {h:?}"
        );
        assert!(
            k[0] > 100.0 && k[2] < 175.0,
            "the key label right of its node: {k:?}"
        );
        for w in &walls {
            assert!(!overlaps(w, &h) && !overlaps(w, &k));
        }
        // A plain label is not worth a move: it stays hidden.
        let plain = place(
            vec![hub, cand(2, 5.0, 100.0, 100.0)],
            &walls,
            &[],
            300.0,
            200.0,
        );
        assert_eq!(plain.len(), 1);
    }

    #[test]
    fn key_countries_are_the_hedgers_and_the_busiest_the_box_has_room_for() {
        use crate::graph::{Filters, build};
        let ds = crate::test_support::dataset();
        let g = build(ds, &Filters::default());
        let all: Vec<usize> = (0..g.nodes.len()).collect();
        let tied = |i: usize, f: FrameworkId| {
            g.edges
                .iter()
                .any(|e| e.source == i && matches!(e.kind, EdgeKind::Member(x, _) if x == f))
        };
        let (w, h) = (899.0, 529.0);
        let key = key_nodes(&g, &all, w, h);
        let room = (w * h / KEY_AREA) as usize;
        let plain = |i: usize| !g.nodes[i].is_hub() && !g.nodes[i].leader;
        for (i, k) in key.iter().enumerate() {
            let hedge = plain(i) && tied(i, FrameworkId::Artemis) && tied(i, FrameworkId::Ilrs);
            assert_eq!(*k == Key::Hedge, hedge, "{}", g.nodes[i].label);
        }
        let busy: Vec<usize> = (0..g.nodes.len())
            .filter(|&i| key[i] == Key::Busy)
            .collect();
        assert!(busy.len() <= room && !busy.is_empty());
        // No plain node left out is busier than one taken.
        let least = busy.iter().map(|&i| g.nodes[i].degree).min().unwrap_or(0);
        for i in (0..g.nodes.len()).filter(|&i| plain(i) && key[i] == Key::No) {
            assert!(g.nodes[i].degree <= least, "{} left out", g.nodes[i].label);
        }
        // Only the shown nodes count; a smaller box has room for fewer.
        assert!(key_nodes(&g, &[], w, h).iter().all(|k| *k == Key::No));
        let small = key_nodes(&g, &all, 390.0, 400.0);
        assert!(small.iter().filter(|k| **k == Key::Busy).count() < busy.len());
    }
}
