//! Label placement: greedy by priority, never overlapping. Labels that do
//! not fit stay hidden until the reader zooms in, except the ones a reader
//! must always see (the selection, the hubs, the countries in both camps),
//! which go first and take the best spot left even where it is crowded.

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
    /// Always shown, and placed before the rest: when no clear spot is
    /// left it may cover other nodes (another label only when every spot
    /// is taken), and it is kept on screen.
    pub must: bool,
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
        graph: &crate::graph::Graph,
        i: usize,
        active: bool,
        neighbour: bool,
        matched: bool,
    ) -> Rank {
        let n = &graph.nodes[i];
        Rank {
            active,
            hub: n.is_hub(),
            leader: n.leader,
            both: !n.is_hub() && n.alignment == crate::graph::facts::Alignment::Both,
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
        } else if self.both {
            3.0
        } else if self.neighbour {
            2.0
        } else if self.matched {
            1.0
        } else {
            0.0
        };
        tier * 1e6 + self.degree as f32
    }

    /// Whether the label is always shown.
    pub fn must(&self) -> bool {
        self.active || self.hub || self.leader || self.both
    }
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

/// Places labels greedily: in priority order, each tries right, left, above
/// and below its node, then the four diagonals, and takes the first spot clear of every label already
/// placed, of every `obstacles` rectangle (other nodes, axis labels: a label
/// over another node reads as that node's) and inside the `width` × `height`
/// screen. `must` labels (e.g. the selection) go first.
pub fn place(
    mut candidates: Vec<Candidate>,
    obstacles: &[[f32; 4]],
    width: f32,
    height: f32,
) -> Vec<Placed> {
    crate::sort::sort_by(&mut candidates, |a, b| {
        b.must
            .cmp(&a.must)
            .then(b.priority.total_cmp(&a.priority))
            .then(a.node.cmp(&b.node))
    });
    // A coarse grid of placed rectangles keeps this near-linear.
    const CELL: f32 = 64.0;
    let cols = (width / CELL).ceil().max(1.0) as usize + 1;
    let rows = (height / CELL).ceil().max(1.0) as usize + 1;
    let mut grid: Vec<Vec<usize>> = vec![Vec::new(); cols * rows];
    let mut placed: Vec<Placed> = Vec::new();
    let cells = |r: &[f32; 4]| {
        let c0 = (r[0] / CELL).floor().max(0.0) as usize;
        let c1 = ((r[2] / CELL).floor().max(0.0) as usize).min(cols - 1);
        let r0 = (r[1] / CELL).floor().max(0.0) as usize;
        let r1 = ((r[3] / CELL).floor().max(0.0) as usize).min(rows - 1);
        (c0.min(cols - 1), c1, r0.min(rows - 1), r1)
    };
    for &rect in obstacles {
        let (c0, c1, r0, r1) = cells(&rect);
        for gy in r0..=r1 {
            for gx in c0..=c1 {
                grid[gy * cols + gx].push(placed.len());
            }
        }
        placed.push(Placed {
            node: usize::MAX,
            rect,
        });
    }
    let clear = |grid: &[Vec<usize>], placed: &[Placed], rect: &[f32; 4], labels_only: bool| {
        let (c0, c1, r0, r1) = cells(rect);
        (r0..=r1).all(|gy| {
            (c0..=c1).all(|gx| {
                grid[gy * cols + gx].iter().all(|&k| {
                    (labels_only && placed[k].node == usize::MAX)
                        || !overlaps(&placed[k].rect, rect)
                })
            })
        })
    };
    let inside = |r: &[f32; 4]| r[0] >= 0.0 && r[1] >= 0.0 && r[2] <= width && r[3] <= height;
    // Kept on screen: slid inside the edges.
    let clamp = |r: [f32; 4]| {
        let dx = (-r[0]).max(0.0) - (r[2] - width).max(0.0);
        let dy = (-r[1]).max(0.0) - (r[3] - height).max(0.0);
        [r[0] + dx, r[1] + dy, r[2] + dx, r[3] + dy]
    };
    for c in candidates {
        let gap = 3.0;
        let (w, h, r) = (c.width, c.height, c.radius);
        let mut options = vec![
            [c.x + r + gap, c.y - h / 2.0],
            [c.x - r - gap - w, c.y - h / 2.0],
            [c.x - w / 2.0, c.y - r - gap - h],
            [c.x - w / 2.0, c.y + r + gap],
        ];
        // Then the diagonals, and for labels that must show a step further out.
        options.extend([
            [c.x + r * 0.7, c.y - r * 0.7 - h],
            [c.x - r * 0.7 - w, c.y - r * 0.7 - h],
            [c.x + r * 0.7, c.y + r * 0.7],
            [c.x - r * 0.7 - w, c.y + r * 0.7],
        ]);
        if c.must {
            options.extend([
                [c.x - w / 2.0, c.y - r - gap - 2.0 * h],
                [c.x - w / 2.0, c.y + r + gap + h],
            ]);
        }
        let rects: Vec<[f32; 4]> = options
            .iter()
            .map(|[l, t]| [*l, *t, l + w, t + h])
            .collect();
        let mut spot = rects
            .iter()
            .copied()
            .find(|r| inside(r) && clear(&grid, &placed, r, false));
        if c.must && spot.is_none() {
            // Crowded: cover other nodes rather than vanish, never a label.
            spot = rects
                .iter()
                .map(|r| clamp(*r))
                .find(|r| clear(&grid, &placed, r, true))
                .or(Some(clamp(rects[0])));
        }
        let Some(rect) = spot else { continue };
        let (c0, c1, r0, r1) = cells(&rect);
        for gy in r0..=r1 {
            for gx in c0..=c1 {
                grid[gy * cols + gx].push(placed.len());
            }
        }
        placed.push(Placed { node: c.node, rect });
    }
    placed.retain(|p| p.node != usize::MAX);
    placed
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
        let placed = place(cands, &[], 800.0, 600.0);
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
        let placed = place(vec![cand(1, 1.0, 100.0, 100.0)], &[other], 800.0, 600.0);
        assert_eq!(placed.len(), 1);
        assert!(!overlaps(&placed[0].rect, &other));
        assert!(placed[0].rect[2] <= 100.0);
        // Boxed in on all four sides: hidden until zoomed in.
        let boxed = [
            [104.0, 80.0, 180.0, 120.0],
            [20.0, 80.0, 96.0, 120.0],
            [40.0, 60.0, 160.0, 96.0],
            [40.0, 104.0, 160.0, 140.0],
        ];
        assert!(place(vec![cand(1, 1.0, 100.0, 100.0)], &boxed, 800.0, 600.0).is_empty());
        // A label that must show covers the crowd, on screen, still clear of labels.
        let must = Candidate {
            must: true,
            ..cand(1, 1.0, 100.0, 100.0)
        };
        let placed = place(vec![must], &boxed, 800.0, 600.0);
        assert_eq!(placed.len(), 1);
        // At the screen's edge too.
        let edge = Candidate {
            must: true,
            ..cand(2, 1.0, 795.0, 2.0)
        };
        let r = place(vec![edge], &[], 800.0, 600.0)[0].rect;
        assert!(
            r[0] >= 0.0 && r[1] >= 0.0 && r[2] <= 800.0 && r[3] <= 600.0,
            "{r:?}"
        );
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
        let placed = place(cands, &[], 800.0, 600.0);
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
}
