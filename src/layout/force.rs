//! A force-directed layout in the manner of d3-force: Barnes–Hut many-body
//! repulsion, springs on links, collision, and a weak pull to the centre,
//! cooled by `alpha`. Deterministic (no randomness) and warm-startable.

/// A 2-D point.
pub type Point = [f32; 2];

/// Tuning of the simulation.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct ForceParams {
    /// Barnes–Hut accuracy: a cell this much smaller than its distance is
    /// treated as one body.
    pub theta: f32,
    /// Velocity kept per tick (d3's `1 - velocityDecay`).
    pub friction: f32,
    /// The simulation stops when alpha falls below this.
    pub alpha_min: f32,
    /// Fraction of the way alpha moves toward zero per tick.
    pub alpha_decay: f32,
    /// Pull toward the origin, per tick and unit of distance.
    pub gravity: f32,
    /// Extra vertical pull (×), to lay a graph out wide for a wide screen.
    pub gravity_y_factor: f32,
    /// Extra space kept between node discs.
    pub collide_padding: f32,
    /// Collision stiffness in 0..=1.
    pub collide_strength: f32,
}

impl Default for ForceParams {
    fn default() -> Self {
        ForceParams {
            theta: 0.9,
            friction: 0.6,
            alpha_min: 0.001,
            // d3's default: alpha reaches alpha_min after 300 ticks.
            alpha_decay: 1.0 - 0.001f32.powf(1.0 / 300.0),
            gravity: 0.02,
            gravity_y_factor: 1.0,
            collide_padding: 2.0,
            collide_strength: 0.7,
        }
    }
}

/// A spring between two nodes.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Link {
    /// One end.
    pub source: u32,
    /// Other end.
    pub target: u32,
    /// Rest length.
    pub distance: f32,
}

/// The simulation state.
#[derive(Debug, Clone)]
pub struct Simulation {
    /// Node positions.
    pub pos: Vec<Point>,
    vel: Vec<Point>,
    /// Disc radius of each node (collision).
    pub radius: Vec<f32>,
    /// Repulsion strength of each node (negative repels).
    pub charge: Vec<f32>,
    links: Vec<Link>,
    link_strength: Vec<f32>,
    link_bias: Vec<f32>,
    /// Nodes pinned in place (e.g. while dragged).
    pub fixed: Vec<Option<Point>>,
    /// Current temperature; forces scale with it.
    pub alpha: f32,
    /// Temperature alpha moves toward (above 0 keeps it running).
    pub alpha_target: f32,
    /// Tuning.
    pub params: ForceParams,
    tree: QuadTree,
}

/// The deterministic start position of the i-th node: d3's phyllotaxis spiral.
pub fn phyllotaxis(i: usize) -> Point {
    let r = 10.0 * (0.5 + i as f32).sqrt();
    let a = i as f32 * std::f32::consts::PI * (3.0 - 5f32.sqrt());
    [r * a.cos(), r * a.sin()]
}

/// [`phyllotaxis`] with the same bits on every target: the sine and cosine
/// from the `libm` crate (pure Rust, IEEE operations only) instead of the
/// platform's. The standard `cos` is the C library's natively and
/// compiler-builtins' in wasm, and they differ in the last bit for about one
/// angle in forty, which 300 ticks of a force layout turn into another
/// picture. The benchmark layout starts here, so the browser's (worker or
/// main thread) and the native one end on the same positions; the app's
/// pictures keep [`phyllotaxis`], which `assets/canonical.txt` was made with.
pub fn portable_phyllotaxis(i: usize) -> Point {
    let r = 10.0 * (0.5 + i as f32).sqrt();
    let a = i as f32 * std::f32::consts::PI * (3.0 - 5f32.sqrt());
    [r * libm::cosf(a), r * libm::sinf(a)]
}

impl Simulation {
    /// A simulation over `n` nodes. `initial` gives known positions (warm
    /// start); nodes without one start on the phyllotaxis spiral, or, if
    /// they have a positioned neighbour, next to it.
    pub fn new(
        radius: Vec<f32>,
        charge: Vec<f32>,
        links: Vec<Link>,
        initial: Vec<Option<Point>>,
    ) -> Self {
        let n = radius.len();
        assert_eq!(charge.len(), n);
        assert_eq!(initial.len(), n);
        let mut degree = vec![0u32; n];
        for l in &links {
            degree[l.source as usize] += 1;
            degree[l.target as usize] += 1;
        }
        let link_strength = links
            .iter()
            .map(|l| {
                1.0 / degree[l.source as usize]
                    .min(degree[l.target as usize])
                    .max(1) as f32
            })
            .collect();
        let link_bias = links
            .iter()
            .map(|l| {
                let (s, t) = (
                    degree[l.source as usize] as f32,
                    degree[l.target as usize] as f32,
                );
                s / (s + t)
            })
            .collect();
        let mut pos: Vec<Point> = Vec::with_capacity(n);
        let known = initial.iter().filter(|p| p.is_some()).count();
        for (i, p) in initial.iter().enumerate() {
            pos.push(p.unwrap_or_else(|| phyllotaxis(i)));
        }
        // New nodes in a warm start go beside a neighbour that kept its place,
        // so the picture grows instead of reshuffling.
        if known > 0 && known < n {
            for (k, l) in links.iter().enumerate() {
                let (s, t) = (l.source as usize, l.target as usize);
                let offset = phyllotaxis(k % 16 + 1);
                let nudge = [offset[0] * 0.5, offset[1] * 0.5];
                if initial[s].is_none() && initial[t].is_some() {
                    pos[s] = [pos[t][0] + nudge[0], pos[t][1] + nudge[1]];
                } else if initial[t].is_none() && initial[s].is_some() {
                    pos[t] = [pos[s][0] + nudge[0], pos[s][1] + nudge[1]];
                }
            }
        }
        Simulation {
            vel: vec![[0.0; 2]; n],
            pos,
            radius,
            charge,
            links,
            link_strength,
            link_bias,
            fixed: vec![None; n],
            alpha: if known == n && n > 0 {
                0.0
            } else if known > 0 {
                0.3
            } else {
                1.0
            },
            alpha_target: 0.0,
            params: ForceParams::default(),
            tree: QuadTree::default(),
        }
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.pos.len()
    }

    /// True when there are no nodes.
    pub fn is_empty(&self) -> bool {
        self.pos.is_empty()
    }

    /// True once the layout has cooled down.
    pub fn is_settled(&self) -> bool {
        self.alpha < self.params.alpha_min && self.alpha_target < self.params.alpha_min
    }

    /// Raises the temperature (e.g. after a change) so the layout adapts.
    pub fn reheat(&mut self, alpha: f32) {
        self.alpha = self.alpha.max(alpha);
    }

    /// Runs ticks until settled or `max_ticks` ran; returns ticks run.
    pub fn run(&mut self, max_ticks: usize) -> usize {
        let mut n = 0;
        while n < max_ticks && !self.is_settled() {
            self.tick();
            n += 1;
        }
        n
    }

    /// One step of the simulation.
    pub fn tick(&mut self) {
        let p = self.params;
        self.alpha += (self.alpha_target - self.alpha) * p.alpha_decay;
        let alpha = self.alpha;
        self.apply_links(alpha);
        self.apply_many_body(alpha);
        self.apply_gravity(alpha);
        self.apply_collision();
        for i in 0..self.pos.len() {
            if let Some(f) = self.fixed[i] {
                self.pos[i] = f;
                self.vel[i] = [0.0; 2];
                continue;
            }
            self.vel[i][0] *= p.friction;
            self.vel[i][1] *= p.friction;
            self.pos[i][0] += self.vel[i][0];
            self.pos[i][1] += self.vel[i][1];
        }
    }

    fn apply_links(&mut self, alpha: f32) {
        for (k, l) in self.links.iter().enumerate() {
            let (s, t) = (l.source as usize, l.target as usize);
            let mut dx = self.pos[t][0] + self.vel[t][0] - self.pos[s][0] - self.vel[s][0];
            let mut dy = self.pos[t][1] + self.vel[t][1] - self.pos[s][1] - self.vel[s][1];
            if dx == 0.0 && dy == 0.0 {
                dx = jiggle(k);
                dy = jiggle(k + 7);
            }
            let len = (dx * dx + dy * dy).sqrt();
            let f = (len - l.distance) / len * alpha * self.link_strength[k];
            let (fx, fy) = (dx * f, dy * f);
            let b = self.link_bias[k];
            self.vel[t][0] -= fx * b;
            self.vel[t][1] -= fy * b;
            self.vel[s][0] += fx * (1.0 - b);
            self.vel[s][1] += fy * (1.0 - b);
        }
    }

    fn apply_many_body(&mut self, alpha: f32) {
        if self.pos.len() < 2 {
            return;
        }
        self.tree.build(&self.pos, &self.charge);
        let theta2 = self.params.theta * self.params.theta;
        let mut stack = Vec::with_capacity(64);
        for i in 0..self.pos.len() {
            let f = self
                .tree
                .force_on(i, self.pos[i], &self.pos, &self.charge, theta2, &mut stack);
            self.vel[i][0] += f[0] * alpha;
            self.vel[i][1] += f[1] * alpha;
        }
    }

    fn apply_gravity(&mut self, alpha: f32) {
        let g = self.params.gravity * alpha;
        let gy = g * self.params.gravity_y_factor;
        for (p, v) in self.pos.iter().zip(self.vel.iter_mut()) {
            v[0] -= p[0] * g;
            v[1] -= p[1] * gy;
        }
    }

    /// Pushes overlapping discs apart, using a uniform grid as the broad phase.
    fn apply_collision(&mut self) {
        let n = self.pos.len();
        if n < 2 || self.params.collide_strength <= 0.0 {
            return;
        }
        let pad = self.params.collide_padding;
        let max_r = self.radius.iter().copied().fold(0.0f32, f32::max) + pad;
        let cell = (2.0 * max_r).max(1.0);
        let mut cells: std::collections::HashMap<(i32, i32), Vec<u32>> =
            std::collections::HashMap::new();
        let key = |p: Point| ((p[0] / cell).floor() as i32, (p[1] / cell).floor() as i32);
        let next: Vec<Point> = (0..n)
            .map(|i| {
                [
                    self.pos[i][0] + self.vel[i][0],
                    self.pos[i][1] + self.vel[i][1],
                ]
            })
            .collect();
        for (i, p) in next.iter().enumerate() {
            cells.entry(key(*p)).or_default().push(i as u32);
        }
        let s = self.params.collide_strength;
        for i in 0..n {
            let (cx, cy) = key(next[i]);
            let ri = self.radius[i] + pad;
            for gx in cx - 1..=cx + 1 {
                for gy in cy - 1..=cy + 1 {
                    let Some(bucket) = cells.get(&(gx, gy)) else {
                        continue;
                    };
                    for &j in bucket {
                        let j = j as usize;
                        if j <= i {
                            continue;
                        }
                        let rj = self.radius[j] + pad;
                        let r = ri + rj;
                        let mut dx = next[i][0] - next[j][0];
                        let mut dy = next[i][1] - next[j][1];
                        let mut l2 = dx * dx + dy * dy;
                        if l2 >= r * r {
                            continue;
                        }
                        if l2 == 0.0 {
                            dx = jiggle(i + j);
                            dy = jiggle(i * 31 + j);
                            l2 = dx * dx + dy * dy;
                        }
                        let l = l2.sqrt();
                        let push = (r - l) / l * s;
                        let wj = rj * rj / (ri * ri + rj * rj);
                        self.vel[i][0] += dx * push * wj;
                        self.vel[i][1] += dy * push * wj;
                        self.vel[j][0] -= dx * push * (1.0 - wj);
                        self.vel[j][1] -= dy * push * (1.0 - wj);
                    }
                }
            }
        }
    }
}

/// `a.max(b)` for a number `b`, the same result for every `a` (NaN gives `b`).
/// In wasm `f32::max` is a call to libm's `fmaxf` (wasm's `f32.max` differs
/// on NaN and signed zeros), which the many-body loop made on every pair:
/// 5 % of the 10 002-node layout's time in V8's profile. This compiles to a
/// compare and a select on every target.
#[inline(always)]
fn max(a: f32, b: f32) -> f32 {
    if a >= b { a } else { b }
}

/// `a.min(b)` for a number `b`, the same for every `a` (see [`max`]).
#[inline(always)]
fn min(a: f32, b: f32) -> f32 {
    if a <= b { a } else { b }
}

/// A tiny deterministic offset for coincident points (d3 uses random jiggle).
fn jiggle(k: usize) -> f32 {
    let h = (k as u32).wrapping_mul(2_654_435_761) >> 16;
    ((h & 0xff) as f32 / 255.0 - 0.5) * 1e-3 + 1e-4
}

/// A Barnes–Hut quadtree stored in flat arrays, rebuilt every tick.
#[derive(Debug, Clone, Default)]
struct QuadTree {
    cells: Vec<Cell>,
    order: Vec<u32>,
    scratch: Vec<u32>,
}

#[derive(Debug, Clone, Copy, Default)]
struct Cell {
    /// Centre of charge.
    cx: f32,
    cy: f32,
    /// Sum of charges.
    charge: f32,
    /// Side length.
    size: f32,
    /// First child cell (children are contiguous), or 0 for a leaf.
    first_child: u32,
    child_count: u8,
    /// Range of `order` holding this leaf's points.
    start: u32,
    end: u32,
}

impl QuadTree {
    fn build(&mut self, pos: &[Point], charge: &[f32]) {
        self.cells.clear();
        self.order.clear();
        self.order.extend(0..pos.len() as u32);
        let (mut x0, mut y0, mut x1, mut y1) = (f32::MAX, f32::MAX, f32::MIN, f32::MIN);
        for p in pos {
            // The bound second, so a NaN leaves it as `f32::min` would.
            x0 = min(p[0], x0);
            y0 = min(p[1], y0);
            x1 = max(p[0], x1);
            y1 = max(p[1], y1);
        }
        let size = (x1 - x0).max(y1 - y0).max(1e-3);
        self.cells.push(Cell::default());
        self.split(0, 0, pos.len(), x0, y0, size, pos, charge, 0);
    }

    #[allow(clippy::too_many_arguments)]
    fn split(
        &mut self,
        cell: usize,
        start: usize,
        end: usize,
        x0: f32,
        y0: f32,
        size: f32,
        pos: &[Point],
        charge: &[f32],
        depth: u32,
    ) {
        let (mut q, mut sx, mut sy) = (0.0f32, 0.0f32, 0.0f32);
        for &i in &self.order[start..end] {
            let c = charge[i as usize];
            q += c;
            sx += c * pos[i as usize][0];
            sy += c * pos[i as usize][1];
        }
        let (cx, cy) = if q != 0.0 {
            (sx / q, sy / q)
        } else {
            let (mut ax, mut ay) = (0.0, 0.0);
            for &i in &self.order[start..end] {
                ax += pos[i as usize][0];
                ay += pos[i as usize][1];
            }
            let n = (end - start).max(1) as f32;
            (ax / n, ay / n)
        };
        self.cells[cell] = Cell {
            cx,
            cy,
            charge: q,
            size,
            first_child: 0,
            child_count: 0,
            start: start as u32,
            end: end as u32,
        };
        if end - start <= 1 || depth >= 24 {
            return;
        }
        // Partition the range into four quadrants in place.
        let (mx, my) = (x0 + size / 2.0, y0 + size / 2.0);
        let quad = |i: u32| -> usize {
            (usize::from(pos[i as usize][0] >= mx)) | (usize::from(pos[i as usize][1] >= my) << 1)
        };
        // Counting sort of the range into the four quadrants (stable, O(n)).
        let mut counts = [0usize; 4];
        for &i in &self.order[start..end] {
            counts[quad(i)] += 1;
        }
        let mut bounds = [start; 5];
        for q in 0..4 {
            bounds[q + 1] = bounds[q] + counts[q];
        }
        self.scratch.clear();
        self.scratch.extend_from_slice(&self.order[start..end]);
        let mut next = [bounds[0], bounds[1], bounds[2], bounds[3]];
        for k in 0..self.scratch.len() {
            let i = self.scratch[k];
            let q = quad(i);
            self.order[next[q]] = i;
            next[q] += 1;
        }
        let first = self.cells.len();
        let mut children = Vec::with_capacity(4);
        for q in 0..4 {
            if bounds[q + 1] > bounds[q] {
                children.push(q);
            }
        }
        self.cells.resize(first + children.len(), Cell::default());
        self.cells[cell].first_child = first as u32;
        self.cells[cell].child_count = children.len() as u8;
        let half = size / 2.0;
        for (k, &q) in children.iter().enumerate() {
            let qx = if q & 1 == 1 { mx } else { x0 };
            let qy = if q & 2 == 2 { my } else { y0 };
            self.split(
                first + k,
                bounds[q],
                bounds[q + 1],
                qx,
                qy,
                half,
                pos,
                charge,
                depth + 1,
            );
        }
    }

    /// Velocity change on node `i` at `p` (before alpha), d3's many-body rule.
    fn force_on(
        &self,
        i: usize,
        p: Point,
        pos: &[Point],
        charge: &[f32],
        theta2: f32,
        stack: &mut Vec<u32>,
    ) -> Point {
        let mut f = [0.0f32; 2];
        stack.clear();
        stack.push(0);
        while let Some(c) = stack.pop() {
            let cell = &self.cells[c as usize];
            if cell.charge == 0.0 {
                continue;
            }
            let dx = cell.cx - p[0];
            let dy = cell.cy - p[1];
            let l2 = dx * dx + dy * dy;
            if cell.first_child == 0 {
                for &j in &self.order[cell.start as usize..cell.end as usize] {
                    let j = j as usize;
                    if j == i {
                        continue;
                    }
                    let mut dx = pos[j][0] - p[0];
                    let mut dy = pos[j][1] - p[1];
                    if dx == 0.0 && dy == 0.0 {
                        dx = jiggle(i + 3 * j);
                        dy = jiggle(7 * i + j);
                    }
                    let l2 = max(dx * dx + dy * dy, 1.0);
                    let w = charge[j] / l2;
                    f[0] += dx * w;
                    f[1] += dy * w;
                }
            } else if cell.size * cell.size < theta2 * l2 {
                let w = cell.charge / max(l2, 1.0);
                f[0] += dx * w;
                f[1] += dy * w;
            } else {
                for k in 0..cell.child_count as u32 {
                    stack.push(cell.first_child + k);
                }
            }
        }
        f
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(n: usize) -> Simulation {
        let links = (0..n)
            .map(|i| Link {
                source: i as u32,
                target: ((i + 1) % n) as u32,
                distance: 30.0,
            })
            .collect();
        Simulation::new(vec![5.0; n], vec![-30.0; n], links, vec![None; n])
    }

    #[test]
    fn deterministic_and_finite() {
        let mut a = ring(60);
        let mut b = ring(60);
        a.run(400);
        b.run(400);
        assert_eq!(a.pos, b.pos);
        assert!(a.pos.iter().all(|p| p[0].is_finite() && p[1].is_finite()));
        assert!(a.is_settled());
    }

    #[test]
    fn collision_keeps_discs_apart() {
        // Many unlinked nodes start packed on the spiral; collision spreads them.
        let n = 80;
        let mut s = Simulation::new(vec![6.0; n], vec![-5.0; n], vec![], vec![None; n]);
        s.run(300);
        let mut worst = f32::MAX;
        for i in 0..n {
            for j in i + 1..n {
                let d = ((s.pos[i][0] - s.pos[j][0]).powi(2) + (s.pos[i][1] - s.pos[j][1]).powi(2))
                    .sqrt();
                worst = worst.min(d);
            }
        }
        assert!(worst > 12.0 * 0.9, "closest pair {worst}");
    }

    #[test]
    fn warm_start_keeps_positions() {
        let mut a = ring(40);
        a.run(300);
        let known: Vec<Option<Point>> = a.pos.iter().copied().map(Some).chain([None]).collect();
        let mut links: Vec<Link> = (0..40)
            .map(|i| Link {
                source: i as u32,
                target: ((i + 1) % 40) as u32,
                distance: 30.0,
            })
            .collect();
        links.push(Link {
            source: 40,
            target: 0,
            distance: 30.0,
        });
        let mut b = Simulation::new(vec![5.0; 41], vec![-30.0; 41], links, known);
        b.run(300);
        let moved: f32 = (0..40)
            .map(|i| {
                ((a.pos[i][0] - b.pos[i][0]).powi(2) + (a.pos[i][1] - b.pos[i][1]).powi(2)).sqrt()
            })
            .sum::<f32>()
            / 40.0;
        assert!(moved < 15.0, "old nodes moved {moved} on average");
        let d0 =
            ((b.pos[40][0] - b.pos[0][0]).powi(2) + (b.pos[40][1] - b.pos[0][1]).powi(2)).sqrt();
        assert!(d0 < 80.0, "new node placed by its neighbour, at {d0}");
    }

    #[test]
    fn barnes_hut_matches_exact_sum() {
        let n = 200;
        let pos: Vec<Point> = (0..n).map(phyllotaxis).collect();
        let charge = vec![-30.0; n];
        let mut t = QuadTree::default();
        t.build(&pos, &charge);
        for i in [0, 17, 150] {
            let approx = t.force_on(i, pos[i], &pos, &charge, 0.0, &mut Vec::new());
            let mut exact = [0.0f32; 2];
            let mut total = 0.0f32;
            for j in 0..n {
                if j != i {
                    let dx = pos[j][0] - pos[i][0];
                    let dy = pos[j][1] - pos[i][1];
                    let l2 = (dx * dx + dy * dy).max(1.0);
                    exact[0] += dx * charge[j] / l2;
                    exact[1] += dy * charge[j] / l2;
                    total += charge[j].abs() / l2.sqrt();
                }
            }
            assert!(
                (approx[0] - exact[0]).abs() < 1e-2 && (approx[1] - exact[1]).abs() < 1e-2,
                "{approx:?} {exact:?}"
            );
            let rough = t.force_on(i, pos[i], &pos, &charge, 0.81, &mut Vec::new());
            let err = ((rough[0] - exact[0]).powi(2) + (rough[1] - exact[1]).powi(2)).sqrt();
            // Nearby pulls cancel, so the net force can be small: bound the
            // error by the sum of the individual contributions' magnitudes.
            assert!(err < 0.05 * total, "theta 0.9 error {err} of {total}");
        }
    }

    #[test]
    fn pinned_nodes_stay() {
        let mut s = ring(10);
        s.fixed[3] = Some([100.0, 100.0]);
        s.run(50);
        assert_eq!(s.pos[3], [100.0, 100.0]);
    }
}
