//! The lean chart: every third country with a recorded tie, placed by its
//! weighted ties to the U.S.-led side (across) and to the China/Russia-led
//! side (up), both on square-root scales so the many small counts are not
//! crushed into the corner by a few large ones. Membership is the dot's
//! colour and shape (a diamond for a country in both camps); the wedge
//! around the diagonal is the *balanced* zone of [`lean::BALANCED`].
//!
//! Countries with the same counts would sit on one point: each is its own
//! dot, pushed apart from the others while staying near its true point, so
//! every dot can be pointed at and selected. [`plot`] computes the whole
//! picture in pixels — dots, labels that do not overlap, zone labels — once,
//! for drawing, tooltips and hit tests alike.

use plotters::coord::Shift;
use plotters::prelude::{
    Circle, Color, DrawingArea, DrawingBackend, PathElement, Polygon, Rectangle, ShapeStyle, Text,
};
use plotters::style::FontTransform;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::lean::{self, Band, Class, Lean};
use super::{ChartError, Table, err, font, rgb, theme};
use crate::graph::Filters;
use crate::graph::facts::Alignment;
use crate::model::Dataset;
use crate::render::palette;

/// A dot's radius, in pixels.
const R: f64 = 5.0;
/// Space kept between two marks.
const GAP: f64 = 1.5;
/// Space around the plot for ticks and axis titles.
const LEFT: f64 = 64.0;
const BOTTOM: f64 = 52.0;
const TOP: f64 = 12.0;
const RIGHT: f64 = 16.0;
/// At least this many countries of one camp on one point are drawn as one
/// mark with their number, at their true values.
const CROWD: usize = 5;
/// Room kept around a label.
const PAD: f64 = 2.0;

/// One mark on the chart: a country, or a crowd of countries of one camp
/// with the same values.
#[derive(Debug, Clone, PartialEq)]
pub struct Dot {
    /// ISO3 (of the first country, for a crowd).
    pub iso3: String,
    /// Display name (of the first country, for a crowd).
    pub name: String,
    /// The countries of a crowd, by name (empty for one country).
    pub crowd: Vec<String>,
    /// Its camp.
    pub alignment: Alignment,
    /// Where it stands.
    pub class: Class,
    /// Weighted ties to the U.S.-led side.
    pub us: f32,
    /// Weighted ties to the China/Russia-led side.
    pub china: f32,
    /// The pixel of its true value.
    pub anchor: (f64, f64),
    /// Where the mark is drawn (near the anchor, apart from the others).
    pub at: (f64, f64),
    /// Its radius.
    pub r: f64,
}

impl Dot {
    fn bbox(&self) -> (f64, f64, f64, f64) {
        (
            self.at.0 - self.r,
            self.at.1 - self.r,
            self.at.0 + self.r,
            self.at.1 + self.r,
        )
    }
}

/// A text placed on the chart, with its pixel box.
#[derive(Debug, Clone, PartialEq)]
pub struct Label {
    /// The words.
    pub text: String,
    /// Left and vertical centre of the text.
    pub at: (f64, f64),
    /// `(x0, y0, x1, y1)`.
    pub bbox: (f64, f64, f64, f64),
    /// A zone's name (drawn muted) rather than a country's.
    pub zone: bool,
    /// For a label set apart from its crowded dot: the dot, for a leader line.
    pub leader: Option<(f64, f64)>,
}

/// The chart computed in pixels.
#[derive(Debug, Clone, PartialEq)]
pub struct Plot {
    /// Plot area `(left, top, right, bottom)`.
    pub area: (f64, f64, f64, f64),
    /// The largest value either axis shows.
    pub max: f32,
    /// The marks drawn.
    pub dots: Vec<Dot>,
    /// Texts, none overlapping another or a mark.
    pub labels: Vec<Label>,
    /// The legend's strip under the plot.
    pub legend: (f64, f64, f64, f64),
    /// Each legend entry (a camp, or `None` for the balanced zone) and the
    /// centre of its mark; its text starts 16 px to the right.
    pub legend_items: Vec<(Option<Alignment>, &'static str, (f64, f64))>,
    /// The x-axis title, shortened on a narrow chart.
    pub x_title: &'static str,
    /// Third countries in the view with nothing counted (not drawn).
    pub without_ties: usize,
}

impl Plot {
    /// Pixel of a value pair.
    pub fn px(&self, us: f32, china: f32) -> (f64, f64) {
        let (l, t, r, b) = self.area;
        let lo = -pad(self.max);
        let hi = f64::from(self.max).sqrt() + pad(self.max);
        let fx = (f64::from(us).sqrt() - lo) / (hi - lo);
        let fy = (f64::from(china).sqrt() - lo) / (hi - lo);
        (l + fx * (r - l), b - fy * (b - t))
    }

    /// The mark under a pointer at `(x, y)`, if any is within reach.
    pub fn dot_at(&self, x: f64, y: f64) -> Option<&Dot> {
        let d2 = |d: &Dot| (d.at.0 - x).powi(2) + (d.at.1 - y).powi(2);
        self.dots
            .iter()
            .filter(|d| d2(d) <= (d.r + 4.0).powi(2))
            .min_by(|a, b| d2(a).total_cmp(&d2(b)))
    }
}

/// Room beyond each end of an axis, in √units, so marks on zero show whole.
fn pad(max: f32) -> f64 {
    0.06 * f64::from(max).sqrt().max(1.0)
}

/// The tick values of an axis up to `max`: 0, 1, 2, 4, 8, …
fn ticks(max: f32) -> Vec<f32> {
    let mut t = vec![0.0, 1.0];
    while t[t.len() - 1] * 2.0 <= max {
        let next = t[t.len() - 1] * 2.0;
        t.push(next);
    }
    t
}

fn overlaps(a: (f64, f64, f64, f64), b: (f64, f64, f64, f64)) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

fn text_box(text: &str, left: f64, mid: f64) -> (f64, f64, f64, f64) {
    let (w, _) = super::scaled::estimate_text(text, super::TEXT_SIZE);
    let w = f64::from(w) * 1.08;
    let h = super::TEXT_SIZE;
    (left, mid - h / 2.0, left + w, mid + h / 2.0)
}

/// A box grown by [`PAD`] on every side.
fn padded(b: (f64, f64, f64, f64)) -> (f64, f64, f64, f64) {
    (b.0 - PAD, b.1 - PAD, b.2 + PAD, b.3 + PAD)
}

/// Legend entries: the camps in the order of the axes, and the zone.
const LEGEND: [(Option<Alignment>, &str); 5] = [
    (Some(Alignment::Artemis), "Artemis Accords only"),
    (Some(Alignment::Both), "In both camps"),
    (Some(Alignment::Ilrs), "ILRS only"),
    (Some(Alignment::Neither), "Neither"),
    (None, "Balanced: neither side over twice the other"),
];

/// Below this width the axis title is shortened.
const NARROW: f64 = 560.0;

/// The legend strip from `top` down in a `w`-wide chart: its box and each
/// entry's mark centre, in rows wrapped at the width.
#[allow(clippy::type_complexity)]
fn legend_layout(
    w: f64,
    top: f64,
) -> (
    (f64, f64, f64, f64),
    Vec<(Option<Alignment>, &'static str, (f64, f64))>,
) {
    let width = |t: &str| f64::from(super::scaled::estimate_text(t, super::TEXT_SIZE).0) * 1.08;
    let line = super::TEXT_SIZE + 6.0;
    let (mut x, mut y) = (8.0, top + line / 2.0);
    let mut items = Vec::new();
    for (a, t) in LEGEND {
        let need = 16.0 + 8.0 + width(t) + 14.0;
        if x + need > w - 4.0 && x > 8.0 {
            x = 8.0;
            y += line;
        }
        items.push((a, t, (x + 8.0, y)));
        x += need;
    }
    ((0.0, top, w, y + line / 2.0), items)
}

/// The chart of `leans` in a `width` × `height` pixel picture.
pub fn plot(ds: &Dataset, leans: &[Lean], width: u32, height: u32) -> Plot {
    let (w, h) = (f64::from(width), f64::from(height));
    let strip = {
        let (b, _) = legend_layout(w, 0.0);
        b.3 + 4.0
    };
    let area = (
        LEFT,
        TOP,
        (w - RIGHT).max(LEFT + 40.0),
        (h - BOTTOM - strip).max(TOP + 40.0),
    );
    let (legend, legend_items) = legend_layout(w, area.3 + BOTTOM - 4.0);
    let tied: Vec<&Lean> = leans.iter().filter(|l| l.class() != Class::None).collect();
    let max = tied
        .iter()
        .map(|l| Lean::score(&l.us).max(Lean::score(&l.china)))
        .fold(4.0f32, f32::max);
    let mut p = Plot {
        area,
        max,
        dots: Vec::new(),
        labels: Vec::new(),
        legend,
        legend_items,
        x_title: if w < NARROW {
            "Ties to the U.S.-led side (√ scale)"
        } else {
            "Weighted ties to the U.S.-led side (square-root scale)"
        },
        without_ties: leans.len() - tied.len(),
    };
    // Countries of one camp on one point: a crowd, if there are enough.
    type Point<'a> = ((u32, u32, Alignment), Vec<&'a Lean>);
    let mut points: Vec<Point<'_>> = Vec::new();
    for l in &tied {
        let key = (
            Lean::score(&l.us).to_bits(),
            Lean::score(&l.china).to_bits(),
            l.alignment,
        );
        match points.iter_mut().find(|(k, _)| *k == key) {
            Some((_, v)) => v.push(l),
            None => points.push((key, vec![l])),
        }
    }
    for (_, group) in points {
        let (us, china) = (Lean::score(&group[0].us), Lean::score(&group[0].china));
        let anchor = p.px(us, china);
        let mut names: Vec<String> = group
            .iter()
            .map(|l| super::name_of(ds, &l.iso3).to_string())
            .collect();
        crate::sort::sort(&mut names);
        let crowd = group.len() >= CROWD;
        let singles: Vec<&Lean> = if crowd { vec![group[0]] } else { group };
        for (k, l) in singles.into_iter().enumerate() {
            // A few on one point start on a small spiral round it.
            let (rad, ang) = (
                0.6 * (2.0 * R + GAP) * (k as f64).sqrt(),
                k as f64 * 2.399_963,
            );
            p.dots.push(Dot {
                iso3: l.iso3.clone(),
                name: super::name_of(ds, &l.iso3).to_string(),
                crowd: if crowd { names.clone() } else { Vec::new() },
                alignment: l.alignment,
                class: l.class(),
                us,
                china,
                anchor,
                at: (anchor.0 + rad * ang.cos(), anchor.1 + rad * ang.sin()),
                r: if crowd {
                    (R * (names.len() as f64).sqrt() * 0.75).max(R + 4.0)
                } else {
                    R
                },
            });
        }
    }
    separate(&mut p.dots, area);
    place_labels(&mut p);
    p
}

/// Pushes overlapping marks apart, a crowd's mark (heavier) moving less,
/// each pulled back towards its true value, inside the plot. Deterministic:
/// same data, same picture.
fn separate(dots: &mut [Dot], area: (f64, f64, f64, f64)) {
    for round in 0..600 {
        let mut moved = false;
        for i in 0..dots.len() {
            for j in i + 1..dots.len() {
                let (dx, dy) = (dots[j].at.0 - dots[i].at.0, dots[j].at.1 - dots[i].at.1);
                let d = (dx * dx + dy * dy).sqrt();
                let need = dots[i].r + dots[j].r + GAP;
                if d < need {
                    // Coincident marks part along a fixed direction.
                    let (ux, uy) = if d > 1e-6 {
                        (dx / d, dy / d)
                    } else {
                        (0.6, 0.8)
                    };
                    let (wi, wj) = (dots[i].r.powi(2), dots[j].r.powi(2));
                    let push = need - d;
                    let (si, sj) = (push * wj / (wi + wj), push * wi / (wi + wj));
                    dots[i].at.0 -= ux * si;
                    dots[i].at.1 -= uy * si;
                    dots[j].at.0 += ux * sj;
                    dots[j].at.1 += uy * sj;
                    moved = true;
                }
            }
        }
        // The pull home eases off, so the marks settle without overlaps.
        let pull = if round < 100 { 0.05 } else { 0.0 };
        for d in dots.iter_mut() {
            d.at.0 += (d.anchor.0 - d.at.0) * pull;
            d.at.1 += (d.anchor.1 - d.at.1) * pull;
            d.at.0 = d.at.0.clamp(area.0 + d.r, area.2 - d.r);
            d.at.1 = d.at.1.clamp(area.1 + d.r, area.3 - d.r);
        }
        if !moved && round >= 100 {
            break;
        }
    }
}

/// Labels, each clear of every mark and of the labels placed before it:
/// the two zone names first (both sides named alike), then the hedgers,
/// then the others by how much is counted, each beside its mark or, for a
/// hedger in a crowded spot, further out with a leader line; what finds no
/// room is left to the tooltip and the data table.
fn place_labels(p: &mut Plot) {
    let boxes: Vec<_> = p.dots.iter().map(Dot::bbox).collect();
    let mut taken: Vec<(f64, f64, f64, f64)> = Vec::new();
    let area = p.area;
    let free = |b: (f64, f64, f64, f64), taken: &[(f64, f64, f64, f64)], own: Option<usize>| {
        let b = padded(b);
        b.0 >= area.0 + 2.0
            && b.2 <= area.2
            && b.1 >= area.1
            && b.3 <= area.3
            && !taken.iter().any(|t| overlaps(*t, b))
            && !boxes
                .iter()
                .enumerate()
                .any(|(k, d)| Some(k) != own && overlaps(*d, b))
    };
    // Zone names, each in the free spot nearest its corner of the plot:
    // the U.S.-led side's bottom right, the China/Russia-led side's top
    // left, the balanced zone's middle of the wedge.
    let (l, t, r, b) = area;
    let spots = |text: &str, corner: (f64, f64), dir: (f64, f64)| -> Vec<(f64, f64)> {
        let (tw, _) = super::scaled::estimate_text(text, super::TEXT_SIZE);
        let tw = f64::from(tw) * 1.08;
        let mut v = Vec::new();
        for i in 0..24 {
            for j in 0..12 {
                let x = corner.0 + dir.0 * f64::from(j) * 18.0 - if dir.0 < 0.0 { tw } else { 0.0 };
                let y = corner.1 + dir.1 * f64::from(i) * 11.0;
                v.push((x, y));
            }
        }
        let d = |&(x, y): &(f64, f64)| (x - corner.0).abs() + 2.0 * (y - corner.1).abs();
        crate::sort::sort_by(&mut v, |a, b| d(a).total_cmp(&d(b)));
        v
    };
    let zones = [
        (
            "Leans to the U.S.-led side",
            spots(
                "Leans to the U.S.-led side",
                (r - 6.0, b - 12.0),
                (-1.0, -1.0),
            ),
        ),
        (
            "Leans to the China/Russia-led side",
            spots(
                "Leans to the China/Russia-led side",
                (l + 10.0, t + 10.0),
                (1.0, 1.0),
            ),
        ),
        (
            "Balanced",
            spots(
                "Balanced",
                (l + (r - l) * 0.62, t + (b - t) * 0.25),
                (1.0, 1.0),
            ),
        ),
    ];
    for (text, spots) in zones {
        for (x, y) in spots {
            let bx = text_box(text, x, y);
            if free(bx, &taken, None) {
                taken.push(padded(bx));
                p.labels.push(Label {
                    text: text.to_string(),
                    at: (x, y),
                    bbox: bx,
                    zone: true,
                    leader: None,
                });
                break;
            }
        }
    }
    let mut order: Vec<usize> = (0..p.dots.len()).collect();
    crate::sort::sort_by(&mut order, |&a, &b| {
        let (da, db) = (&p.dots[a], &p.dots[b]);
        let hedge = |d: &Dot| u8::from(d.alignment != Alignment::Both);
        hedge(da)
            .cmp(&hedge(db))
            .then((db.us + db.china).total_cmp(&(da.us + da.china)))
            .then(da.name.cmp(&db.name))
    });
    for i in order {
        let d = &p.dots[i];
        // A crowd's mark carries its number; its names are in the tooltip.
        if !d.crowd.is_empty() {
            continue;
        }
        let text = d.name.clone();
        let hull = boxes[i];
        let far = d.alignment == Alignment::Both;
        let (w, h) = {
            let b = text_box(&text, 0.0, 0.0);
            (b.2 - b.0, b.3 - b.1)
        };
        let (cx, cy) = ((hull.0 + hull.2) / 2.0, (hull.1 + hull.3) / 2.0);
        // Beside, above, below, then the corners.
        let near = [
            (hull.2 + 3.0, cy),
            (hull.0 - 3.0 - w, cy),
            (cx - w / 2.0, hull.1 - 3.0 - h / 2.0),
            (cx - w / 2.0, hull.3 + 3.0 + h / 2.0),
            (hull.2 + 1.0, hull.1 - h / 2.0),
            (hull.0 - 1.0 - w, hull.1 - h / 2.0),
            (hull.2 + 1.0, hull.3 + h / 2.0),
            (hull.0 - 1.0 - w, hull.3 + h / 2.0),
        ]
        .map(|s| (s, None));
        // A hedger in a crowd: further out, on rings, with a leader line.
        type Spot = ((f64, f64), Option<(f64, f64)>);
        let rings: Vec<Spot> = if far {
            (1..=4)
                .flat_map(|k| {
                    (0..12).map(move |j| {
                        let a = f64::from(j) * std::f64::consts::PI / 6.0;
                        let dist = 14.0 + 14.0 * f64::from(k);
                        let (x, y) = (cx + dist * a.cos(), cy + dist * a.sin());
                        // The label's near end faces the dot.
                        let left = if a.cos() >= 0.0 { x } else { x - w };
                        ((left, y), Some((cx, cy)))
                    })
                })
                .collect()
        } else {
            Vec::new()
        };
        for ((x, y), leader) in near.into_iter().chain(rings) {
            let b = text_box(&text, x, y);
            if free(b, &taken, Some(i)) {
                taken.push(padded(b));
                p.labels.push(Label {
                    text,
                    at: (x, y),
                    bbox: b,
                    zone: false,
                    leader,
                });
                break;
            }
        }
    }
}

/// Draws the chart of the view's countries.
pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    filters: &Filters,
    dark: bool,
) -> Result<(), ChartError> {
    let th = theme(dark);
    root.fill(&th.bg).map_err(err)?;
    let (w, h) = root.dim_in_pixel();
    let c = cached(ds, filters, w, h);
    let p = &c.1;
    if p.dots.is_empty() {
        return super::draw_message(
            root,
            &th,
            "No country in this view has a membership or tie counted for either side",
        );
    }
    let ip = |(x, y): (f64, f64)| (x.round() as i32, y.round() as i32);
    let (l, t, r, b) = p.area;
    let muted = rgb(palette::muted(dark));
    // The balanced zone: between c = u/2 and c = 2u, straight lines on √
    // axes, to the ends of the axes.
    let m = (f64::from(p.max).sqrt() + pad(p.max)).powi(2) as f32;
    let gold = rgb(palette::lean(Band::Balanced, dark));
    let wedge = vec![
        ip(p.px(0.0, 0.0)),
        ip(p.px(m / 2.0, m)),
        ip(p.px(m, m)),
        ip(p.px(m, m / 2.0)),
    ];
    root.draw(&Polygon::new(
        wedge,
        gold.mix(if dark { 0.16 } else { 0.12 }).filled(),
    ))
    .map_err(err)?;
    root.draw(&PathElement::new(
        vec![ip(p.px(0.0, 0.0)), ip(p.px(m, m))],
        ShapeStyle::from(muted.mix(0.6)).stroke_width(1),
    ))
    .map_err(err)?;
    // Grid, ticks and axes.
    for v in ticks(p.max) {
        let (x, _) = p.px(v, 0.0);
        let (_, y) = p.px(0.0, v);
        root.draw(&PathElement::new(vec![ip((x, t)), ip((x, b))], th.grid))
            .map_err(err)?;
        root.draw(&PathElement::new(vec![ip((l, y)), ip((r, y))], th.grid))
            .map_err(err)?;
        let label = format!("{v}");
        root.draw(&Text::new(
            label.clone(),
            ip((x, b + 6.0)),
            font(th.fg).pos(Pos::new(HPos::Center, VPos::Top)),
        ))
        .map_err(err)?;
        root.draw(&Text::new(
            label,
            ip((l - 8.0, y)),
            font(th.fg).pos(Pos::new(HPos::Right, VPos::Center)),
        ))
        .map_err(err)?;
    }
    root.draw(&PathElement::new(vec![ip((l, b)), ip((r, b))], th.fg))
        .map_err(err)?;
    root.draw(&PathElement::new(vec![ip((l, t)), ip((l, b))], th.fg))
        .map_err(err)?;
    root.draw(&Text::new(
        p.x_title,
        ip(((l + r) / 2.0, b + 28.0)),
        font(th.fg).pos(Pos::new(HPos::Center, VPos::Top)),
    ))
    .map_err(err)?;
    root.draw(&Text::new(
        "To the China/Russia-led side",
        ip((16.0, (t + b) / 2.0)),
        font(th.fg)
            .transform(FontTransform::Rotate270)
            .pos(Pos::new(HPos::Center, VPos::Center)),
    ))
    .map_err(err)?;
    // Crowds first, single countries over them, hedgers on top.
    let mut order: Vec<&Dot> = p.dots.iter().collect();
    crate::sort::sort_by_key(&mut order, |d| {
        (d.crowd.is_empty(), d.alignment == Alignment::Both)
    });
    for d in order {
        marker(root, d.alignment, ip(d.at), d.r, dark, th.bg)?;
        if !d.crowd.is_empty() {
            let n = d.crowd.len().to_string();
            root.draw(&Text::new(
                n,
                ip(d.at),
                font(crowd_ink(d.alignment, dark)).pos(Pos::new(HPos::Center, VPos::Center)),
            ))
            .map_err(err)?;
        }
    }
    for lb in &p.labels {
        let colour = if lb.zone { muted } else { th.fg };
        if let Some(dot) = lb.leader {
            // From the dot's edge to the nearest point of the label's box.
            let (b0, b1, b2, b3) = lb.bbox;
            let end = (dot.0.clamp(b0, b2), dot.1.clamp(b1, b3));
            let (dx, dy) = (end.0 - dot.0, end.1 - dot.1);
            let len = (dx * dx + dy * dy).sqrt().max(1e-6);
            let start = (dot.0 + dx / len * (R + 2.0), dot.1 + dy / len * (R + 2.0));
            root.draw(&PathElement::new(
                vec![ip(start), ip(end)],
                ShapeStyle::from(muted).stroke_width(1),
            ))
            .map_err(err)?;
        }
        root.draw(&Text::new(
            lb.text.clone(),
            ip(lb.at),
            font(colour).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
    }
    // Legend, in a strip under the plot.
    for (a, text, (x, y)) in &p.legend_items {
        match a {
            Some(a) => marker(root, *a, ip((*x, *y)), R, dark, th.bg)?,
            None => root
                .draw(&Rectangle::new(
                    [ip((x - 7.0, y - 6.0)), ip((x + 7.0, y + 6.0))],
                    gold.mix(if dark { 0.35 } else { 0.3 }).filled(),
                ))
                .map_err(err)?,
        }
        root.draw(&Text::new(
            *text,
            ip((x + 16.0, *y)),
            font(th.fg).pos(Pos::new(HPos::Left, VPos::Center)),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// The number on a crowd's mark: the background's colour, which reads on
/// every camp colour of both themes.
fn crowd_ink(_a: Alignment, dark: bool) -> plotters::prelude::RGBColor {
    rgb(palette::background(dark))
}

/// A camp's marker, as in the graph: a disc in the camp's colour, with a
/// light centre for the ILRS only; a diamond split blue and red for both
/// camps; grey for neither.
fn marker<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    a: Alignment,
    (x, y): (i32, i32),
    r: f64,
    dark: bool,
    bg: plotters::prelude::RGBColor,
) -> Result<(), ChartError> {
    let c = rgb(palette::alignment(a, dark));
    let ri = r.round() as i32;
    match a {
        Alignment::Both => {
            let k = ri + 2;
            let blue = rgb(palette::alignment(Alignment::Artemis, dark));
            let red = rgb(palette::alignment(Alignment::Ilrs, dark));
            root.draw(&Polygon::new(
                vec![(x, y - k), (x, y + k), (x - k, y)],
                blue.filled(),
            ))
            .map_err(err)?;
            root.draw(&Polygon::new(
                vec![(x, y - k), (x + k, y), (x, y + k)],
                red.filled(),
            ))
            .map_err(err)?;
            let ring = vec![(x, y - k), (x + k, y), (x, y + k), (x - k, y), (x, y - k)];
            root.draw(&PathElement::new(
                ring,
                ShapeStyle::from(bg).stroke_width(1),
            ))
            .map_err(err)
        }
        _ => {
            root.draw(&Circle::new((x, y), ri, c.filled()))
                .map_err(err)?;
            root.draw(&Circle::new(
                (x, y),
                ri,
                ShapeStyle::from(bg).stroke_width(1),
            ))
            .map_err(err)?;
            if a == Alignment::Ilrs && ri <= R as i32 {
                root.draw(&Circle::new((x, y), (ri / 2).max(1), bg.filled()))
                    .map_err(err)?;
            }
            Ok(())
        }
    }
}

/// The view's leans and their chart at a size, kept for the last view and
/// size asked: pointer moves ask for them many times a second, and placing
/// the dots takes milliseconds.
fn cached(
    ds: &Dataset,
    filters: &Filters,
    width: u32,
    height: u32,
) -> std::rc::Rc<(Vec<Lean>, Plot)> {
    type Key = (usize, Filters, u32, u32);
    type Kept = std::rc::Rc<(Vec<Lean>, Plot)>;
    thread_local! {
        static LAST: std::cell::RefCell<Option<(Key, Kept)>> =
            const { std::cell::RefCell::new(None) };
    }
    let key: Key = (
        std::ptr::from_ref(ds) as usize,
        filters.clone(),
        width,
        height,
    );
    LAST.with(|last| {
        let mut last = last.borrow_mut();
        if let Some((k, v)) = last.as_ref()
            && *k == key
        {
            return v.clone();
        }
        let leans = lean::all(ds, filters);
        let plot = plot(ds, &leans, width, height);
        let v = std::rc::Rc::new((leans, plot));
        *last = Some((key, v.clone()));
        v
    })
}

/// What the pointer at `(x, y)` is on, in words.
pub fn tooltip(
    ds: &Dataset,
    filters: &Filters,
    width: u32,
    height: u32,
    x: f64,
    y: f64,
) -> Option<String> {
    let c = cached(ds, filters, width, height);
    let (leans, p) = &*c;
    let d = p.dot_at(x, y)?;
    let l = leans.iter().find(|l| l.iso3 == d.iso3)?;
    let sums = format!(
        "U.S.-led side {}, China/Russia-led side {}",
        Lean::score(&l.us),
        Lean::score(&l.china)
    );
    if !d.crowd.is_empty() {
        return Some(format!(
            "{} countries ({}; {}): {}. Each is a row of the data table.",
            d.crowd.len(),
            super::Segment::Camp(d.alignment).label(),
            sums,
            d.crowd.join(", ")
        ));
    }
    Some(format!(
        "{}: {} ({:+.2}; {}). {}",
        d.name,
        d.class.label(),
        l.index(),
        sums,
        l.describe()
    ))
}

/// The country under the pointer at `(x, y)`, to select in the graph.
pub fn pick(
    ds: &Dataset,
    filters: &Filters,
    width: u32,
    height: u32,
    x: f64,
    y: f64,
) -> Option<String> {
    // A crowd's mark stands for several countries: none is picked.
    cached(ds, filters, width, height)
        .1
        .dot_at(x, y)
        .filter(|d| d.crowd.is_empty())
        .map(|d| d.iso3.clone())
}

/// Every third country in the view, most tied first (the table's order).
fn ranked(ds: &Dataset, filters: &Filters) -> Vec<Lean> {
    let mut leans = lean::all(ds, filters);
    crate::sort::sort_by(&mut leans, |a, b| {
        let total = |l: &Lean| Lean::score(&l.us) + Lean::score(&l.china);
        total(b)
            .total_cmp(&total(a))
            .then(super::name_of(ds, &a.iso3).cmp(super::name_of(ds, &b.iso3)))
    });
    leans
}

/// The chart's data table: every third country in the view, most tied first.
pub fn table(ds: &Dataset, filters: &Filters) -> Table {
    let header = [
        "Country",
        "Camp",
        "U.S. side (weighted)",
        "China/Russia side (weighted)",
        "Lean (−1 to +1)",
        "Stands",
        "How it is made up",
    ]
    .map(String::from)
    .to_vec();
    let rows = ranked(ds, filters)
        .iter()
        .map(|l| {
            vec![
                super::name_of(ds, &l.iso3).to_string(),
                super::Segment::Camp(l.alignment).label().to_string(),
                format!("{}", Lean::score(&l.us)),
                format!("{}", Lean::score(&l.china)),
                format!("{:+.2}", l.index()),
                l.class().label().to_string(),
                l.describe(),
            ]
        })
        .collect();
    (header, rows)
}

/// The ISO3 of each row of [`table`], in order.
pub fn table_ids(ds: &Dataset, filters: &Filters) -> Vec<String> {
    ranked(ds, filters).into_iter().map(|l| l.iso3).collect()
}

/// The chart in words.
pub fn description(ds: &Dataset, filters: &Filters) -> String {
    let leans = lean::all(ds, filters);
    let at = super::as_of(ds, filters);
    let of = |c: Class| -> Vec<&Lean> { leans.iter().filter(|l| l.class() == c).collect() };
    let names = |ls: &[&Lean]| -> String {
        let mut v: Vec<&str> = ls.iter().map(|l| super::name_of(ds, &l.iso3)).collect();
        crate::sort::sort(&mut v);
        v.join(", ")
    };
    let (us, china, balanced, none) = (
        of(Class::LeansUs),
        of(Class::LeansChina),
        of(Class::Balanced),
        of(Class::None),
    );
    let hedgers: Vec<&Lean> = leans
        .iter()
        .filter(|l| l.alignment == Alignment::Both)
        .collect();
    let mut s = format!(
        "As of {}, {} countries in this view (besides the United States, China and Russia, \
         which lead the two sides) have a membership or tie counted for either side, placed by \
         their weighted ties to the U.S.-led side (across) and to the China/Russia-led side (up); \
         a crowd of one camp on one point is one mark with its number. {} lean to the U.S.-led \
         side, {} to the China/Russia-led side, and {} are balanced, neither side more than twice \
         the other",
        at.human(),
        leans.len() - none.len(),
        us.len(),
        china.len(),
        balanced.len()
    );
    if balanced.is_empty() {
        s.push('.');
    } else {
        s.push_str(&format!(" ({}).", names(&balanced)));
    }
    if !hedgers.is_empty() {
        s.push_str(&format!(
            " In both camps, drawn as split diamonds: {}.",
            names(&hedgers)
        ));
    }
    match none.len() {
        0 => {}
        1 => s.push_str(&format!(
            " {} has nothing counted for either side and is not drawn.",
            names(&none)
        )),
        n => s.push_str(&format!(
            " {n} countries in the view have nothing counted for either side and are not drawn."
        )),
    }
    s.push_str(
        " Memberships count for the side that leads the framework, bilateral ties for the \
         partner's side (its camp as of this date), each with the weight of the lean table.",
    );
    s
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use plotters::prelude::SVGBackend;

    fn picture(filters: &Filters, w: u32, h: u32) -> (Vec<Lean>, Plot) {
        let ds = crate::test_support::dataset();
        let leans = lean::all(ds, filters);
        let p = plot(ds, &leans, w, h);
        (leans, p)
    }

    #[test]
    fn every_counted_country_is_drawn_once_apart_from_the_others_and_inside() {
        for (w, h) in [(900, 480), (1400, 480), (360, 480)] {
            let (leans, p) = picture(&Filters::default(), w, h);
            let tied = leans.iter().filter(|l| l.class() != Class::None).count();
            let drawn: usize = p.dots.iter().map(|d| d.crowd.len().max(1)).sum();
            assert_eq!(drawn, tied);
            assert_eq!(p.without_ties, leans.len() - tied);
            for (i, a) in p.dots.iter().enumerate() {
                assert!(
                    a.at.0 - a.r >= p.area.0 - 0.5 && a.at.0 + a.r <= p.area.2 + 0.5,
                    "{} at {:?}",
                    a.name,
                    a.at
                );
                assert!(
                    a.at.1 - a.r >= p.area.1 - 0.5 && a.at.1 + a.r <= p.area.3 + 0.5,
                    "{} at {:?}",
                    a.name,
                    a.at
                );
                for b in &p.dots[i + 1..] {
                    let d = ((a.at.0 - b.at.0).powi(2) + (a.at.1 - b.at.1).powi(2)).sqrt();
                    assert!(
                        d >= a.r + b.r - 1.0,
                        "{} and {} overlap ({d:.1} px) at {w}",
                        a.name,
                        b.name
                    );
                }
                // The pointer on a mark finds that mark.
                assert_eq!(p.dot_at(a.at.0, a.at.1).map(|d| &d.iso3), Some(&a.iso3));
                // A crowd is one camp on one point.
                if !a.crowd.is_empty() {
                    let same = leans.iter().filter(|l| {
                        l.alignment == a.alignment
                            && Lean::score(&l.us) == a.us
                            && Lean::score(&l.china) == a.china
                    });
                    assert_eq!(same.count(), a.crowd.len());
                }
            }
        }
    }

    #[test]
    fn labels_overlap_nothing_and_every_hedger_and_both_zones_are_named() {
        for (w, h) in [(900, 480), (1400, 480)] {
            let (_, p) = picture(&Filters::default(), w, h);
            for (i, l) in p.labels.iter().enumerate() {
                for m in &p.labels[i + 1..] {
                    assert!(
                        !overlaps(padded(l.bbox), m.bbox),
                        "{:?} against {:?} at {w}",
                        l.text,
                        m.text
                    );
                }
                for d in &p.dots {
                    assert!(
                        !overlaps(l.bbox, d.bbox()),
                        "{:?} over {} at {w}",
                        l.text,
                        d.name
                    );
                }
                assert!(
                    l.bbox.3 <= p.area.3 && l.bbox.2 <= p.area.2,
                    "{:?} outside the plot",
                    l.text
                );
            }
            for d in p
                .dots
                .iter()
                .filter(|d| d.alignment == Alignment::Both && d.crowd.is_empty())
            {
                assert!(
                    p.labels.iter().any(|l| l.text == d.name),
                    "{} has no label at {w}",
                    d.name
                );
            }
            for zone in [
                "Leans to the U.S.-led side",
                "Leans to the China/Russia-led side",
            ] {
                assert!(
                    p.labels.iter().any(|l| l.zone && l.text == zone),
                    "{zone} missing at {w}"
                );
            }
            assert!(p.legend.1 >= p.area.3, "the legend is under the plot");
        }
    }

    #[test]
    fn a_mark_sits_near_its_true_values() {
        let (_, p) = picture(&Filters::default(), 900, 480);
        for d in &p.dots {
            assert_eq!(d.anchor, p.px(d.us, d.china));
            let off = ((d.at.0 - d.anchor.0).powi(2) + (d.at.1 - d.anchor.1).powi(2)).sqrt();
            assert!(off < 40.0, "{} drawn {off:.0} px from its value", d.name);
        }
    }

    #[test]
    fn the_legend_strip_fits_the_width() {
        for w in [360u32, 900] {
            let (_, p) = picture(&Filters::default(), w, 480);
            assert!(p.legend.3 <= 480.0);
            for (_, t, (x, _)) in &p.legend_items {
                let b = text_box(t, x + 16.0, 0.0);
                assert!(b.2 <= f64::from(w), "{t} runs off the chart at {w}");
            }
        }
    }

    #[test]
    fn the_table_the_ids_and_the_words_agree_and_filters_narrow_them() {
        let ds = crate::test_support::dataset();
        let f = Filters::default();
        let (header, rows) = table(ds, &f);
        let ids = table_ids(ds, &f);
        assert_eq!(rows.len(), ids.len());
        assert_eq!(rows.len(), lean::all(ds, &f).len());
        assert!(rows.iter().all(|r| r.len() == header.len()));
        for (r, id) in rows.iter().zip(&ids) {
            assert_eq!(r[0], super::super::name_of(ds, id));
            assert!(!r.iter().any(|c| c == "-0"), "{r:?}");
        }
        let text = description(ds, &f);
        let leans = lean::all(ds, &f);
        let n = leans.iter().filter(|l| l.class() == Class::LeansUs).count();
        assert!(
            text.contains(&format!("{n} lean to the U.S.-led side")),
            "{text}"
        );
        // One region: a subset of the same countries, with the same leans.
        let europe = Filters {
            regions: ["Europe".to_string()].into(),
            ..Filters::default()
        };
        let some = lean::all(ds, &europe);
        assert!(!some.is_empty() && some.len() < leans.len());
        for l in &some {
            assert_eq!(
                ds.country(&l.iso3).map(|c| c.region.as_str()),
                Some("Europe")
            );
            assert_eq!(Some(l), leans.iter().find(|x| x.iso3 == l.iso3));
        }
    }

    #[test]
    fn it_draws_and_says_so_when_nothing_is_counted() {
        let ds = crate::test_support::dataset();
        for dark in [false, true] {
            let svg = super::super::svg_string::<SVGBackend<'static>>(900, 480, |root| {
                draw(root, ds, &Filters::default(), dark)
            })
            .expect("drawn");
            assert!(svg.contains("Balanced: neither side") && svg.contains("Thailand"));
        }
        // With every framework and kind of tie hidden, nothing is counted.
        let none = Filters {
            hidden_frameworks: crate::model::FrameworkId::ALL.iter().copied().collect(),
            hidden_partnerships: crate::model::PartnershipKind::ALL.iter().copied().collect(),
            ..Filters::default()
        };
        let svg = super::super::svg_string::<SVGBackend<'static>>(900, 480, |root| {
            draw(root, ds, &none, false)
        })
        .expect("drawn");
        assert!(svg.contains("No country in this view has a membership or tie"));
    }
}
