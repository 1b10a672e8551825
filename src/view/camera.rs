//! The camera: world ⇄ screen transform, zoom around a point, fit to
//! bounds, and hit-testing. Screen units are CSS pixels.

use crate::layout::Orientation;
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

/// Pixels kept clear around the picture in the fitted view.
pub const FIT_MARGIN: f32 = 28.0;

/// The zoom range, relative to the fitted view.
pub const MIN_SCALE: f32 = 0.05;
/// Largest zoom.
pub const MAX_SCALE: f32 = 40.0;

/// The zoom of one wheel notch (100 pixels of `deltaY`). The baked picture's
/// boot script zooms by it too, read from the page (`export::baked`).
pub const WHEEL_STEP: f32 = 1.15;

/// The zoom factor of a wheel's `delta_y` in pixels (negative: zoom in).
pub fn wheel_factor(delta_y: f64) -> f32 {
    WHEEL_STEP.powf((-delta_y / 100.0) as f32)
}

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

    /// This camera's picture moved on screen as a CSS transform does:
    /// scaled by `k` about the screen's origin, then shifted by `t`. The
    /// app takes over the baked picture's pan and zoom this way.
    pub fn then_screen(&self, k: f32, t: Point) -> Camera {
        Camera {
            scale: (self.scale * k).clamp(MIN_SCALE, MAX_SCALE),
            offset: [self.offset[0] * k + t[0], self.offset[1] * k + t[1]],
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

    /// This camera's picture, made for a `from` screen ([width, height]),
    /// scaled to fit a `to` screen and centred in it, as an SVG with that
    /// `viewBox` is drawn (`xMidYMid meet`).
    pub fn meet(&self, from: [f32; 2], to: [f32; 2]) -> Camera {
        let k = (to[0] / from[0].max(1.0)).min(to[1] / from[1].max(1.0));
        let pad = [(to[0] - from[0] * k) / 2.0, (to[1] - from[1] * k) / 2.0];
        Camera {
            scale: self.scale * k,
            offset: [self.offset[0] * k + pad[0], self.offset[1] * k + pad[1]],
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

/// A canvas size the fitted view is designed at: the graph's box at
/// 1280×800 and at 1920×1080, and on a phone held upright at 390×844. The
/// default view is baked into the page at each (`export::baked`).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Design {
    /// Its class in the page, which the stylesheet's container queries show.
    pub name: &'static str,
    /// Width, CSS pixels.
    pub width: f32,
    /// Height, CSS pixels.
    pub height: f32,
}

/// The designs: landscape below [`WIDE_FROM`], wide landscape from it, and
/// portrait (as [`Orientation::of`] says).
pub const DESIGNS: [Design; 3] = [
    Design {
        name: "landscape",
        width: 899.0,
        height: 529.0,
    },
    Design {
        name: "wide",
        width: 1539.0,
        height: 804.0,
    },
    Design {
        name: "portrait",
        width: 390.0,
        height: 506.0,
    },
];

/// Boxes at least this wide (and landscape) take the wide design.
pub const WIDE_FROM: f32 = 1200.0;

impl Design {
    /// The design of a `width` × `height` box (the rule the stylesheet's
    /// container queries repeat, checked by a test).
    pub fn of(width: f32, height: f32) -> Design {
        match Orientation::of(width, height) {
            Orientation::Portrait => DESIGNS[2],
            Orientation::Landscape if width >= WIDE_FROM => DESIGNS[1],
            Orientation::Landscape => DESIGNS[0],
        }
    }
}

/// The fitted view of a picture (positions and radii in world units, and
/// the layout's axis labels) on a `width` × `height` screen: fitted at the
/// box's design size, then scaled into the box as an SVG `viewBox` is. So
/// the fit is a pure function of the picture and the box, and the picture
/// baked into the page at that design, scaled by the browser to the same
/// box, puts every node exactly where the canvas will draw it.
pub fn fitted(
    pos: &[Point],
    radius: &[f32],
    axis: &[crate::layout::AxisLabel],
    width: f32,
    height: f32,
) -> Camera {
    fitted_above(pos, radius, axis, width, height, height)
}

/// [`fitted`] on a `width` × `height` box whose part below `top` pixels is
/// covered (a phone's details sheet): the picture of the whole box's
/// design, scaled into the part left. (Fitted at the design of the part
/// left instead, an upright picture was drawn at the size of a landscape
/// design's and used a third of a phone's canvas.)
pub fn fitted_above(
    pos: &[Point],
    radius: &[f32],
    axis: &[crate::layout::AxisLabel],
    width: f32,
    height: f32,
    top: f32,
) -> Camera {
    let d = Design::of(width, height);
    crate::layout::bounds_with_labels(pos, radius, axis).map_or(Camera::default(), |b| {
        Camera::fit(b, d.width, d.height, FIT_MARGIN).meet([d.width, d.height], [width, top])
    })
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

/// How wide, in pixels, a small node's disc is for a click or hover.
pub const MIN_HIT_PX: f32 = 8.0;

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
    fn meet_maps_a_picture_as_an_svg_viewbox_does() {
        let c = Camera {
            scale: 1.5,
            offset: [40.0, 12.0],
        };
        // Twice as wide, as tall: scaled by the height, centred across.
        let m = c.meet([400.0, 300.0], [1000.0, 600.0]);
        for p in [[0.0, 0.0], [100.0, -50.0], [-7.5, 33.0]] {
            let s = c.to_screen(p);
            let (k, pad) = (2.0, [100.0, 0.0]);
            let want = [s[0] * k + pad[0], s[1] * k + pad[1]];
            let got = m.to_screen(p);
            assert!((got[0] - want[0]).abs() < 1e-3 && (got[1] - want[1]).abs() < 1e-3);
        }
        // The same size: the same camera.
        assert_eq!(c.meet([400.0, 300.0], [400.0, 300.0]), c);
    }

    #[test]
    fn a_box_is_fitted_as_its_design_scaled_into_it() {
        let pos = [[-100.0, -40.0], [120.0, 60.0], [10.0, 5.0]];
        let radius = [4.0, 6.0, 3.0];
        for d in DESIGNS {
            assert_eq!(
                Design::of(d.width, d.height),
                d,
                "{} is its own design",
                d.name
            );
            // At its design size, the plain fit.
            let plain = crate::layout::bounds_with_labels(&pos, &radius, &[])
                .map(|b| Camera::fit(b, d.width, d.height, FIT_MARGIN))
                .unwrap();
            assert_eq!(fitted(&pos, &radius, &[], d.width, d.height), plain);
        }
        // Elsewhere, the design's fit scaled into the box.
        let (w, h) = (1000.0, 640.0);
        let d = Design::of(w, h);
        assert_eq!(d.name, "landscape");
        let want = fitted(&pos, &radius, &[], d.width, d.height).meet([d.width, d.height], [w, h]);
        assert_eq!(fitted(&pos, &radius, &[], w, h), want);
        assert_eq!(Design::of(1300.0, 700.0).name, "wide");
        // An upright phone box whose lower part is covered: its upright
        // design's picture, as large as the part left allows.
        let tall = [[-50.0, -120.0], [50.0, 120.0], [0.0, 0.0]];
        let (w, h, top) = (390.0, 506.0, 422.0);
        let d = Design::of(w, h);
        assert_eq!(d.name, "portrait");
        let want =
            fitted(&tall, &radius, &[], d.width, d.height).meet([d.width, d.height], [w, top]);
        let got = fitted_above(&tall, &radius, &[], w, h, top);
        assert_eq!(got, want);
        assert!(got.scale > fitted(&tall, &radius, &[], w, top).scale * 1.5);
        assert_eq!(
            fitted_above(&tall, &radius, &[], w, h, h),
            fitted(&tall, &radius, &[], w, h)
        );
        assert_eq!(Design::of(390.0, 600.0).name, "portrait");
    }

    #[test]
    fn the_stylesheet_shows_the_baked_picture_of_the_design_rule() {
        // assets/style.css picks the baked picture with container queries that
        // must say what `Design::of` says.
        let css = include_str!("../../assets/style.css");
        let portrait = "@container (aspect-ratio < 20/23)";
        assert!((20.0_f32 / 23.0 - 1.0 / 1.15).abs() < 1e-6);
        for rule in [
            format!(
                "@container (aspect-ratio >= 20/23) and (width < {WIDE_FROM}px) {{ .baked-graph.landscape"
            ),
            format!(
                "@container (aspect-ratio >= 20/23) and (width >= {WIDE_FROM}px) {{ .baked-graph.wide"
            ),
            format!("{portrait} {{ .baked-graph.portrait"),
        ] {
            assert!(css.contains(&rule), "style.css lacks `{rule}`");
        }
    }

    #[test]
    fn a_screen_transform_moves_the_picture_as_the_same_zoom_and_pan_would() {
        // The boot script composes a wheel at `p` (factor f) and a drag `d`
        // into one CSS transform k, t; the app's camera after it must draw
        // what the same gestures made on the camera draw.
        let c = Camera {
            scale: 0.8,
            offset: [40.0, 25.0],
        };
        let (p, f, d) = ([300.0, 180.0], wheel_factor(-200.0), [-35.0, 12.0]);
        let (k, t) = (f, [p[0] * (1.0 - f) + d[0], p[1] * (1.0 - f) + d[1]]);
        let by_transform = c.then_screen(k, t);
        let by_gestures = c.zoom_at(p, f).pan(d[0], d[1]);
        for w in [[0.0, 0.0], [120.0, -60.0], [-500.0, 310.0]] {
            let (a, b, s) = (
                by_transform.to_screen(w),
                by_gestures.to_screen(w),
                c.to_screen(w),
            );
            assert!((a[0] - b[0]).abs() < 1e-3 && (a[1] - b[1]).abs() < 1e-3);
            assert!((a[0] - (k * s[0] + t[0])).abs() < 1e-3);
        }
        assert!((wheel_factor(-100.0) - WHEEL_STEP).abs() < 1e-6);
    }

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
