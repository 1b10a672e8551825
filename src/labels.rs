//! Label placement: greedy by priority, never overlapping. Labels that do
//! not fit stay hidden until the reader zooms in.

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
/// and below its node, and takes the first spot clear of every label already
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
        b.priority.total_cmp(&a.priority).then(a.node.cmp(&b.node))
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
    for c in candidates {
        let gap = 3.0;
        let options = [
            [c.x + c.radius + gap, c.y - c.height / 2.0],
            [c.x - c.radius - gap - c.width, c.y - c.height / 2.0],
            [c.x - c.width / 2.0, c.y - c.radius - gap - c.height],
            [c.x - c.width / 2.0, c.y + c.radius + gap],
        ];
        'options: for [l, t] in options {
            let rect = [l, t, l + c.width, t + c.height];
            if rect[0] < 0.0 || rect[1] < 0.0 || rect[2] > width || rect[3] > height {
                continue;
            }
            let (c0, c1, r0, r1) = cells(&rect);
            for gy in r0..=r1 {
                for gx in c0..=c1 {
                    if grid[gy * cols + gx]
                        .iter()
                        .any(|&k| overlaps(&placed[k].rect, &rect))
                    {
                        continue 'options;
                    }
                }
            }
            for gy in r0..=r1 {
                for gx in c0..=c1 {
                    grid[gy * cols + gx].push(placed.len());
                }
            }
            placed.push(Placed { node: c.node, rect });
            break;
        }
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
    }
}
