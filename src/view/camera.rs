//! The camera: world ⇄ screen transform, zoom around a point, fit to
//! bounds, and hit-testing. Screen units are CSS pixels.

use crate::layout::force::Point;

/// Screen = world × scale + offset.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Camera {
    /// Pixels per world unit.
    pub scale: f32,
    /// Screen position of the world origin.
    pub offset: Point,
}

impl Default for Camera {
    fn default() -> Self {
        Camera {
            scale: 1.0,
            offset: [0.0, 0.0],
        }
    }
}

/// The zoom range, relative to the fitted view.
pub const MIN_SCALE: f32 = 0.05;
/// Largest zoom.
pub const MAX_SCALE: f32 = 40.0;

impl Camera {
    /// World point to screen point.
    pub fn to_screen(&self, p: Point) -> Point {
        [
            p[0] * self.scale + self.offset[0],
            p[1] * self.scale + self.offset[1],
        ]
    }

    /// Screen point to world point.
    pub fn to_world(&self, s: Point) -> Point {
        [
            (s[0] - self.offset[0]) / self.scale,
            (s[1] - self.offset[1]) / self.scale,
        ]
    }

    /// Zooms by `factor` keeping the world point under `anchor` (screen) fixed.
    pub fn zoom_at(&self, anchor: Point, factor: f32) -> Camera {
        let scale = (self.scale * factor).clamp(MIN_SCALE, MAX_SCALE);
        let w = self.to_world(anchor);
        Camera {
            scale,
            offset: [anchor[0] - w[0] * scale, anchor[1] - w[1] * scale],
        }
    }

    /// Pans by a screen delta.
    pub fn pan(&self, dx: f32, dy: f32) -> Camera {
        Camera {
            scale: self.scale,
            offset: [self.offset[0] + dx, self.offset[1] + dy],
        }
    }

    /// The camera that shows world `bounds` ([x0, y0, x1, y1]) centred in a
    /// `width` × `height` screen with `margin` pixels around.
    pub fn fit(bounds: [f32; 4], width: f32, height: f32, margin: f32) -> Camera {
        let bw = (bounds[2] - bounds[0]).max(1.0);
        let bh = (bounds[3] - bounds[1]).max(1.0);
        let scale = ((width - 2.0 * margin).max(1.0) / bw)
            .min((height - 2.0 * margin).max(1.0) / bh)
            .clamp(MIN_SCALE, MAX_SCALE);
        let cx = (bounds[0] + bounds[2]) / 2.0;
        let cy = (bounds[1] + bounds[3]) / 2.0;
        Camera {
            scale,
            offset: [width / 2.0 - cx * scale, height / 2.0 - cy * scale],
        }
    }

    /// Centres the view on a world point at a given scale.
    pub fn centre_on(p: Point, scale: f32, width: f32, height: f32) -> Camera {
        Camera {
            scale,
            offset: [width / 2.0 - p[0] * scale, height / 2.0 - p[1] * scale],
        }
    }

    /// Linear interpolation between two cameras.
    pub fn lerp(&self, other: &Camera, t: f32) -> Camera {
        let l = |a: f32, b: f32| a + (b - a) * t;
        Camera {
            scale: l(self.scale, other.scale),
            offset: [
                l(self.offset[0], other.offset[0]),
                l(self.offset[1], other.offset[1]),
            ],
        }
    }
}

/// The camera moved just enough to show world point `p`: unchanged while
/// `p` is at least `margin` pixels inside the `width` × `height` screen,
/// else centred on it at the same scale (keyboard focus stays in view).
pub fn keep_in_view(cam: Camera, p: Point, width: f32, height: f32, margin: f32) -> Camera {
    let s = cam.to_screen(p);
    if s[0] < margin || s[1] < margin || s[0] > width - margin || s[1] > height - margin {
        Camera::centre_on(p, cam.scale, width, height)
    } else {
        cam
    }
}

/// Nodes plus edges above which a full frame no longer fits a 60 Hz frame
/// on a CPU rasteriser (measured: 4 000 elements draw in ~5 ms, 40 000 in
/// ~180 ms, see docs/bench). Larger scenes move a bitmap while the view moves.
pub const BITMAP_MOVE_ELEMENTS: usize = 12_000;

/// The affine map `[k, tx, ty]` taking a frame drawn with camera `from` to
/// where camera `to` draws it: screen_to = k × screen_from + (tx, ty).
/// Used to move and scale the last full frame as a bitmap during a pan or
/// zoom of a large graph.
pub fn reframe(from: &Camera, to: &Camera) -> [f32; 3] {
    let k = to.scale / from.scale;
    [
        k,
        to.offset[0] - from.offset[0] * k,
        to.offset[1] - from.offset[1] * k,
    ]
}

/// The node under a screen point: the one whose disc (at least `min_px`
/// pixels wide for small nodes) contains it, nearest centre first.
pub fn hit_test(
    camera: &Camera,
    pos: &[Point],
    radius: &[f32],
    screen: Point,
    min_px: f32,
) -> Option<usize> {
    let w = camera.to_world(screen);
    let mut best: Option<(usize, f32)> = None;
    for (i, (p, r)) in pos.iter().zip(radius).enumerate() {
        let reach = r.max(min_px / camera.scale);
        let d2 = (p[0] - w[0]).powi(2) + (p[1] - w[1]).powi(2);
        if d2 <= reach * reach && best.is_none_or(|(_, b)| d2 < b) {
            best = Some((i, d2));
        }
    }
    best.map(|(i, _)| i)
}

/// The nearest node from `from` in the direction of an arrow key
/// (`dx`, `dy` ∈ {-1, 0, 1}), preferring nodes close to that direction.
pub fn nearest_in_direction(pos: &[Point], from: usize, dx: f32, dy: f32) -> Option<usize> {
    let o = pos.get(from)?;
    let mut best: Option<(usize, f32)> = None;
    for (i, p) in pos.iter().enumerate() {
        if i == from {
            continue;
        }
        let (vx, vy) = (p[0] - o[0], p[1] - o[1]);
        let along = vx * dx + vy * dy;
        if along <= 0.0 {
            continue;
        }
        let across = (vx * dy - vy * dx).abs();
        // Off-axis distance counts double, so "right" means mostly right.
        let cost = along + 2.0 * across;
        if best.is_none_or(|(_, c)| cost < c) {
            best = Some((i, cost));
        }
    }
    best.map(|(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn zoom_keeps_the_anchor_fixed() {
        let c = Camera {
            scale: 2.0,
            offset: [10.0, -5.0],
        };
        let anchor = [300.0, 200.0];
        let before = c.to_world(anchor);
        let z = c.zoom_at(anchor, 1.15);
        let after = z.to_world(anchor);
        assert!((before[0] - after[0]).abs() < 1e-3 && (before[1] - after[1]).abs() < 1e-3);
        assert!((z.scale - 2.3).abs() < 1e-5);
    }

    #[test]
    fn reframing_maps_old_screen_points_to_new_ones() {
        let from = Camera {
            scale: 1.5,
            offset: [40.0, -12.0],
        };
        let to = from.pan(33.0, -7.0).zoom_at([500.0, 300.0], 1.15 * 1.15);
        let [k, tx, ty] = reframe(&from, &to);
        for w in [[0.0, 0.0], [120.0, -80.0], [-300.5, 42.25]] {
            let (a, b) = (from.to_screen(w), to.to_screen(w));
            assert!((a[0] * k + tx - b[0]).abs() < 1e-3, "{w:?}");
            assert!((a[1] * k + ty - b[1]).abs() < 1e-3, "{w:?}");
        }
        assert_eq!(reframe(&from, &from), [1.0, 0.0, 0.0]);
    }

    #[test]
    fn keeping_a_point_in_view_moves_only_when_needed() {
        let cam = Camera::default();
        assert_eq!(keep_in_view(cam, [100.0, 100.0], 800.0, 600.0, 20.0), cam);
        let moved = keep_in_view(cam, [790.0, 100.0], 800.0, 600.0, 20.0);
        assert_eq!(moved.to_screen([790.0, 100.0]), [400.0, 300.0]);
        assert_eq!(moved.scale, cam.scale);
    }

    #[test]
    fn fit_centres_bounds() {
        let c = Camera::fit([-100.0, -50.0, 100.0, 50.0], 800.0, 600.0, 20.0);
        let centre = c.to_screen([0.0, 0.0]);
        assert_eq!(centre, [400.0, 300.0]);
        let right = c.to_screen([100.0, 0.0]);
        assert!((right[0] - 780.0).abs() < 1e-3);
    }

    #[test]
    fn hit_testing_prefers_the_nearest_disc() {
        let cam = Camera::default();
        let pos = [[0.0, 0.0], [8.0, 0.0], [100.0, 100.0]];
        let r = [5.0, 5.0, 5.0];
        assert_eq!(hit_test(&cam, &pos, &r, [3.0, 0.0], 0.0), Some(0));
        assert_eq!(hit_test(&cam, &pos, &r, [5.0, 0.0], 0.0), Some(1));
        assert_eq!(hit_test(&cam, &pos, &r, [50.0, 50.0], 0.0), None);
        // A tiny node is still hittable within min_px.
        let far = Camera {
            scale: 0.1,
            offset: [0.0, 0.0],
        };
        assert_eq!(hit_test(&far, &pos, &r, [10.0, 10.0], 8.0), Some(2));
    }

    #[test]
    fn arrow_navigation() {
        let pos = [
            [0.0, 0.0],
            [10.0, 1.0],
            [-10.0, 0.0],
            [0.0, 10.0],
            [30.0, -2.0],
        ];
        assert_eq!(nearest_in_direction(&pos, 0, 1.0, 0.0), Some(1));
        assert_eq!(nearest_in_direction(&pos, 0, -1.0, 0.0), Some(2));
        assert_eq!(nearest_in_direction(&pos, 0, 0.0, 1.0), Some(3));
        assert_eq!(nearest_in_direction(&pos, 4, 1.0, 0.0), None);
    }
}
