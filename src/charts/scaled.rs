//! A plotters [`DrawingBackend`] adapter for high-DPI output.
//!
//! Chart code lays everything out in CSS pixels (15 px text, fixed margins,
//! stroke widths and marker radii). On a screen with a device pixel ratio of
//! 2, or for a 2× PNG export, the canvas has twice as many device pixels in
//! each direction. [`ScaledBackend`] sits between plotters and the real
//! backend: it reports the *outer* (CSS pixel) size to plotters and multiplies
//! every coordinate, rectangle, path point, circle centre and radius, stroke
//! width, text position and font size by the scale before forwarding the call
//! to the *inner* (device pixel) backend.
//!
//! ```ignore
//! let root = ScaledBackend::new(CanvasBackend::with_canvas_object(c).unwrap(), dpr)
//!     .into_drawing_area();
//! ```
//!
//! Scaled values are rounded to the nearest integer (plotters' coordinates are
//! integers), so non-integer scales such as 1.5 are supported with at most
//! half a device pixel of error per value.
//!
//! Needs `plotters-backend` (already in the tree through `plotters`) as a
//! direct dependency: `plotters` does not re-export `BackendStyle`,
//! `BackendTextStyle`, `BackendColor` or `DrawingErrorKind`, which any
//! `DrawingBackend` implementation has to name.

use plotters::prelude::DrawingBackend;
use plotters_backend::text_anchor::Pos;
use plotters_backend::{
    BackendColor, BackendCoord, BackendStyle, BackendTextStyle, DrawingErrorKind, FontFamily,
    FontStyle, FontTransform,
};

/// Draws a chart laid out in outer (CSS pixel) units onto an inner backend
/// that has `scale`× more device pixels in each direction.
///
/// Errors are the inner backend's: [`DrawingBackend::ErrorType`] is
/// `DB::ErrorType`, and every error is forwarded unchanged.
pub struct ScaledBackend<DB> {
    inner: DB,
    scale: f64,
}

impl<DB: DrawingBackend> ScaledBackend<DB> {
    /// Wraps `inner` (sized in device pixels) so that plotters sees a drawing
    /// surface of `inner.get_size() / scale` (rounded) outer pixels.
    ///
    /// A `scale` that is not finite or not positive is treated as `1.0`
    /// (plain pass-through), so a bogus `devicePixelRatio` cannot break a
    /// chart.
    pub fn new(inner: DB, scale: f64) -> Self {
        let scale = if scale.is_finite() && scale > 0.0 {
            scale
        } else {
            1.0
        };
        Self { inner, scale }
    }

    /// The factor from outer (CSS) pixels to inner (device) pixels.
    pub fn scale(&self) -> f64 {
        self.scale
    }

    /// The wrapped backend.
    pub fn inner(&self) -> &DB {
        &self.inner
    }

    /// The wrapped backend, mutably (drawing on it directly bypasses scaling).
    pub fn inner_mut(&mut self) -> &mut DB {
        &mut self.inner
    }

    /// Unwraps the adapter, returning the inner backend.
    pub fn into_inner(self) -> DB {
        self.inner
    }
}

/// Scales a signed length (or coordinate) and rounds to the nearest integer.
fn scale_i32(scale: f64, v: i32) -> i32 {
    (f64::from(v) * scale).round() as i32
}

/// Scales an unsigned length; a non-zero length never collapses to zero.
fn scale_u32(scale: f64, v: u32) -> u32 {
    if v == 0 {
        0
    } else {
        ((f64::from(v) * scale).round() as u32).max(1)
    }
}

/// Scales a point.
fn scale_coord(scale: f64, (x, y): BackendCoord) -> BackendCoord {
    (scale_i32(scale, x), scale_i32(scale, y))
}

/// Converts an inner (device pixel) length back to outer units.
fn unscale_u32(scale: f64, v: u32) -> u32 {
    (f64::from(v) / scale).round() as u32
}

/// Device-pixel span `[start, end)` covered by outer pixel `v`; never empty.
fn pixel_span(scale: f64, v: i32) -> (i32, i32) {
    let start = scale_i32(scale, v);
    let end = scale_i32(scale, v.saturating_add(1)).max(start + 1);
    (start, end)
}

/// A [`BackendStyle`] whose stroke width is scaled; the colour is unchanged.
struct ScaledStyle<'a, S> {
    inner: &'a S,
    scale: f64,
}

impl<S: BackendStyle> BackendStyle for ScaledStyle<'_, S> {
    fn color(&self) -> BackendColor {
        self.inner.color()
    }

    fn stroke_width(&self) -> u32 {
        scale_u32(self.scale, self.inner.stroke_width())
    }
}

/// A [`BackendTextStyle`] whose font size (and, for rasterised text, layout
/// box and glyph pixels) is scaled; everything else is forwarded.
struct ScaledTextStyle<'a, T> {
    inner: &'a T,
    scale: f64,
}

impl<T: BackendTextStyle> BackendTextStyle for ScaledTextStyle<'_, T> {
    type FontError = T::FontError;

    fn color(&self) -> BackendColor {
        self.inner.color()
    }

    fn size(&self) -> f64 {
        self.inner.size() * self.scale
    }

    fn transform(&self) -> FontTransform {
        self.inner.transform()
    }

    fn style(&self) -> FontStyle {
        self.inner.style()
    }

    fn anchor(&self) -> Pos {
        self.inner.anchor()
    }

    fn family(&self) -> FontFamily<'_> {
        self.inner.family()
    }

    /// The inner style's layout box (measured at the unscaled size), scaled.
    fn layout_box(&self, text: &str) -> Result<((i32, i32), (i32, i32)), Self::FontError> {
        let (min, max) = self.inner.layout_box(text)?;
        Ok((scale_coord(self.scale, min), scale_coord(self.scale, max)))
    }

    /// Rasterises at the unscaled size and expands every glyph pixel into the
    /// block of device pixels it covers (used only by backends that draw text
    /// pixel by pixel; canvas and SVG render text natively from `size()`).
    fn draw<E, DrawFunc: FnMut(i32, i32, BackendColor) -> Result<(), E>>(
        &self,
        text: &str,
        pos: BackendCoord,
        mut draw: DrawFunc,
    ) -> Result<Result<(), E>, Self::FontError> {
        let scale = self.scale;
        self.inner.draw(text, (0, 0), |x, y, color| {
            let (x0, x1) = pixel_span(scale, x);
            let (y0, y1) = pixel_span(scale, y);
            for py in y0..y1 {
                for px in x0..x1 {
                    draw(pos.0 + px, pos.1 + py, color)?;
                }
            }
            Ok(())
        })
    }
}

impl<DB: DrawingBackend> DrawingBackend for ScaledBackend<DB> {
    type ErrorType = DB::ErrorType;

    /// The inner size divided by the scale, rounded to the nearest pixel.
    fn get_size(&self) -> (u32, u32) {
        let (w, h) = self.inner.get_size();
        (unscale_u32(self.scale, w), unscale_u32(self.scale, h))
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.ensure_prepared()
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        self.inner.present()
    }

    /// Fills the block of device pixels covered by the outer pixel: a single
    /// inner `draw_pixel` when that block is 1×1, otherwise one filled
    /// `draw_rect` from its top-left corner to the top-left corner of the next
    /// outer pixel. That is exact for backends whose filled rectangles exclude
    /// the bottom-right corner (canvas, SVG); plotters' CPU rasteriser includes
    /// it, so there neighbouring blocks overlap by one device pixel.
    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        if color.alpha == 0.0 {
            return Ok(());
        }
        let (x0, x1) = pixel_span(self.scale, point.0);
        let (y0, y1) = pixel_span(self.scale, point.1);
        if x1 - x0 == 1 && y1 - y0 == 1 {
            self.inner.draw_pixel((x0, y0), color)
        } else {
            self.inner.draw_rect((x0, y0), (x1, y1), &color, true)
        }
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let s = self.scale;
        let style = ScaledStyle {
            inner: style,
            scale: s,
        };
        self.inner
            .draw_line(scale_coord(s, from), scale_coord(s, to), &style)
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let s = self.scale;
        let style = ScaledStyle {
            inner: style,
            scale: s,
        };
        self.inner.draw_rect(
            scale_coord(s, upper_left),
            scale_coord(s, bottom_right),
            &style,
            fill,
        )
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let s = self.scale;
        let style = ScaledStyle {
            inner: style,
            scale: s,
        };
        self.inner
            .draw_path(path.into_iter().map(|p| scale_coord(s, p)), &style)
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let s = self.scale;
        let style = ScaledStyle {
            inner: style,
            scale: s,
        };
        self.inner
            .draw_circle(scale_coord(s, center), scale_u32(s, radius), &style, fill)
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let s = self.scale;
        let style = ScaledStyle {
            inner: style,
            scale: s,
        };
        self.inner
            .fill_polygon(vert.into_iter().map(|p| scale_coord(s, p)), &style)
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let s = self.scale;
        let style = ScaledTextStyle {
            inner: style,
            scale: s,
        };
        self.inner.draw_text(text, &style, scale_coord(s, pos))
    }

    /// Measures with the inner backend at the scaled font size and returns the
    /// result in outer units (divided by the scale, rounded).
    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        // Estimated from character classes rather than measured: plotters'
        // browser font metrics build a DOM element with an inline style
        // attribute, which the app's Content-Security-Policy forbids.
        Ok(estimate_text(text, style.size()))
    }

    /// Best effort: upscales the bitmap with nearest-neighbour sampling to
    /// `(iw, ih) × scale` and blits that at the scaled position. The bytes per
    /// pixel are inferred from `src.len() / (iw × ih)` (3 for plotters' RGB
    /// images, 4 for BGRX), and missing source bytes read as 0. Plotters does
    /// not clip bitmaps to the outer size, so the inner backend's own clipping
    /// applies.
    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        (iw, ih): (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        let s = self.scale;
        let (ow, oh) = (scale_u32(s, iw), scale_u32(s, ih));
        if (ow, oh) == (iw, ih) {
            return self.inner.blit_bitmap(scale_coord(s, pos), (iw, ih), src);
        }
        let (iw_us, ih_us) = (iw as usize, ih as usize);
        let bpp = match iw_us * ih_us {
            0 => 3,
            n => (src.len() / n).max(1),
        };
        let (ow_us, oh_us) = (ow as usize, oh as usize);
        let mut buf = vec![0u8; ow_us * oh_us * bpp];
        for dy in 0..oh_us {
            let sy = ((dy as f64 / s) as usize).min(ih_us - 1);
            for dx in 0..ow_us {
                let sx = ((dx as f64 / s) as usize).min(iw_us - 1);
                let from = (sy * iw_us + sx) * bpp;
                let to = (dy * ow_us + dx) * bpp;
                if let Some(px) = src.get(from..from + bpp) {
                    buf[to..to + bpp].copy_from_slice(px);
                }
            }
        }
        self.inner.blit_bitmap(scale_coord(s, pos), (ow, oh), &buf)
    }
}

/// One backend type for both chart outputs: a raster target `C` (the app's
/// canvas) or an SVG document. Wrapped in a [`ScaledBackend`], it is the only
/// backend the chart code is instantiated for, so the charts and plotters'
/// generic layout code are compiled once instead of once per backend (about
/// 40 KB of wasm), and an SVG export is laid out exactly like the screen.
pub enum Surface<'a, C> {
    /// A raster target such as plotters-canvas's `CanvasBackend`.
    Raster(C),
    /// An SVG document written into a string.
    Svg(plotters::prelude::SVGBackend<'a>),
}

/// A [`Surface`]'s error: the raster target's or the SVG writer's.
#[derive(Debug)]
pub enum SurfaceError<E> {
    /// From the raster target.
    Raster(E),
    /// From the SVG writer.
    Svg(std::io::Error),
}

impl<E: std::fmt::Display> std::fmt::Display for SurfaceError<E> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SurfaceError::Raster(e) => e.fmt(f),
            SurfaceError::Svg(e) => e.fmt(f),
        }
    }
}

impl<E: std::error::Error> std::error::Error for SurfaceError<E> {}

/// Re-labels a drawing error of one side as a [`SurfaceError`].
fn lift<A, B>(e: DrawingErrorKind<A>, side: impl FnOnce(A) -> B) -> DrawingErrorKind<B>
where
    A: std::error::Error + Send + Sync,
    B: std::error::Error + Send + Sync,
{
    match e {
        DrawingErrorKind::DrawingError(a) => DrawingErrorKind::DrawingError(side(a)),
        DrawingErrorKind::FontError(f) => DrawingErrorKind::FontError(f),
    }
}

/// Calls the same method on whichever backend the surface holds.
macro_rules! on_surface {
    ($self:expr, $b:ident => $call:expr) => {
        match $self {
            Surface::Raster($b) => $call.map_err(|e| lift(e, SurfaceError::Raster)),
            Surface::Svg($b) => $call.map_err(|e| lift(e, SurfaceError::Svg)),
        }
    };
}

impl<C: DrawingBackend> DrawingBackend for Surface<'_, C> {
    type ErrorType = SurfaceError<C::ErrorType>;

    fn get_size(&self) -> (u32, u32) {
        match self {
            Surface::Raster(b) => b.get_size(),
            Surface::Svg(b) => b.get_size(),
        }
    }

    fn ensure_prepared(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.ensure_prepared())
    }

    fn present(&mut self) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.present())
    }

    fn draw_pixel(
        &mut self,
        point: BackendCoord,
        color: BackendColor,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.draw_pixel(point, color))
    }

    fn draw_line<S: BackendStyle>(
        &mut self,
        from: BackendCoord,
        to: BackendCoord,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.draw_line(from, to, style))
    }

    fn draw_rect<S: BackendStyle>(
        &mut self,
        upper_left: BackendCoord,
        bottom_right: BackendCoord,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.draw_rect(upper_left, bottom_right, style, fill))
    }

    fn draw_path<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        path: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.draw_path(path, style))
    }

    fn draw_circle<S: BackendStyle>(
        &mut self,
        center: BackendCoord,
        radius: u32,
        style: &S,
        fill: bool,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.draw_circle(center, radius, style, fill))
    }

    fn fill_polygon<S: BackendStyle, I: IntoIterator<Item = BackendCoord>>(
        &mut self,
        vert: I,
        style: &S,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.fill_polygon(vert, style))
    }

    fn draw_text<TStyle: BackendTextStyle>(
        &mut self,
        text: &str,
        style: &TStyle,
        pos: BackendCoord,
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.draw_text(text, style, pos))
    }

    fn estimate_text_size<TStyle: BackendTextStyle>(
        &self,
        text: &str,
        style: &TStyle,
    ) -> Result<(u32, u32), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.estimate_text_size(text, style))
    }

    fn blit_bitmap(
        &mut self,
        pos: BackendCoord,
        size: (u32, u32),
        src: &[u8],
    ) -> Result<(), DrawingErrorKind<Self::ErrorType>> {
        on_surface!(self, b => b.blit_bitmap(pos, size, src))
    }
}

/// Width and height in pixels of `text` at `size` px, from per-character
/// advance estimates for a typical sans-serif face.
pub fn estimate_text(text: &str, size: f64) -> (u32, u32) {
    let em: f64 = text
        .chars()
        .map(|c| match c {
            'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' => 0.28,
            'f' | 't' | 'r' | 'I' | ' ' | '(' | ')' | '-' => 0.36,
            'm' | 'w' | 'M' | 'W' => 0.85,
            c if c.is_ascii_uppercase() => 0.66,
            c if c.is_ascii_digit() => 0.56,
            _ => 0.53,
        })
        .sum();
    ((em * size).ceil() as u32, (size * 1.2).ceil() as u32)
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::ScaledBackend;
    use plotters::prelude::*;

    /// Runs `f` on a 2× adapter over a 200×100 SVG and returns the SVG text.
    fn svg_2x(f: impl FnOnce(&mut ScaledBackend<SVGBackend<'_>>)) -> String {
        let mut s = String::new();
        {
            let mut b = ScaledBackend::new(SVGBackend::with_string(&mut s, (200, 100)), 2.0);
            f(&mut b);
            b.present().unwrap();
        }
        s
    }

    /// The value of the first `name="…"` attribute in `svg`'s first `tag`.
    fn attr<'a>(svg: &'a str, tag: &str, name: &str) -> &'a str {
        let start = svg.find(&format!("<{tag} ")).expect("tag present");
        let elem = &svg[start..];
        let elem = &elem[..elem.find('>').unwrap()];
        let key = format!(" {name}=\"");
        let at = elem.find(&key).expect("attribute present") + key.len();
        let rest = &elem[at..];
        &rest[..rest.find('"').unwrap()]
    }

    fn font15() -> TextStyle<'static> {
        ("sans-serif", 15).into_font().color(&BLACK)
    }

    #[test]
    fn reports_outer_size() {
        let mut s = String::new();
        let b = ScaledBackend::new(SVGBackend::with_string(&mut s, (200, 100)), 2.0);
        assert_eq!(b.get_size(), (100, 50));
        assert_eq!(b.scale(), 2.0);
        assert_eq!(b.inner().get_size(), (200, 100));
        let b = ScaledBackend::new(b.into_inner(), 1.5);
        assert_eq!(b.get_size(), (133, 67));
    }

    #[test]
    fn bad_scale_is_pass_through() {
        for bad in [0.0, -2.0, f64::NAN, f64::INFINITY] {
            let mut s = String::new();
            let b = ScaledBackend::new(SVGBackend::with_string(&mut s, (200, 100)), bad);
            assert_eq!(b.scale(), 1.0);
            assert_eq!(b.get_size(), (200, 100));
        }
    }

    #[test]
    fn line_coordinates_and_stroke_width_scale() {
        let svg = svg_2x(|b| {
            let style = BLACK.stroke_width(3);
            b.draw_line((10, 10), (20, 20), &style).unwrap();
        });
        assert_eq!(attr(&svg, "line", "x1"), "20");
        assert_eq!(attr(&svg, "line", "y1"), "20");
        assert_eq!(attr(&svg, "line", "x2"), "40");
        assert_eq!(attr(&svg, "line", "y2"), "40");
        assert_eq!(attr(&svg, "line", "stroke-width"), "6");
        // The root element keeps the inner (device pixel) size.
        assert_eq!(attr(&svg, "svg", "width"), "200");
    }

    #[test]
    fn circle_centre_and_radius_scale() {
        let svg = svg_2x(|b| {
            b.draw_circle((10, 15), 4, &BLACK.stroke_width(2), false)
                .unwrap();
        });
        assert_eq!(attr(&svg, "circle", "cx"), "20");
        assert_eq!(attr(&svg, "circle", "cy"), "30");
        assert_eq!(attr(&svg, "circle", "r"), "8");
        assert_eq!(attr(&svg, "circle", "stroke-width"), "4");
    }

    #[test]
    fn rect_path_and_polygon_scale() {
        let svg = svg_2x(|b| {
            b.draw_rect((1, 2), (11, 12), &RED, true).unwrap();
            b.draw_path([(0, 0), (5, 5), (10, 0)], &BLUE.stroke_width(2))
                .unwrap();
            b.fill_polygon([(1, 1), (4, 1), (4, 3)], &GREEN).unwrap();
        });
        assert_eq!(attr(&svg, "rect", "x"), "2");
        assert_eq!(attr(&svg, "rect", "y"), "4");
        assert_eq!(attr(&svg, "rect", "width"), "20");
        assert_eq!(attr(&svg, "rect", "height"), "20");
        assert_eq!(attr(&svg, "polyline", "points"), "0,0 10,10 20,0 ");
        assert_eq!(attr(&svg, "polyline", "stroke-width"), "4");
        assert_eq!(attr(&svg, "polygon", "points"), "2,2 8,2 8,6 ");
    }

    #[test]
    fn text_position_and_font_size_scale() {
        let svg = svg_2x(|b| {
            b.draw_text("Hi", &font15(), (30, 12)).unwrap();
            let rotated = font15().transform(FontTransform::Rotate270);
            b.draw_text("Up", &rotated, (5, 40)).unwrap();
        });
        assert_eq!(attr(&svg, "text", "x"), "60");
        assert_eq!(attr(&svg, "text", "y"), "24");
        assert_eq!(attr(&svg, "text", "font-family"), "sans-serif");
        // plotters-svg writes font-size as size / 1.24.
        let size: f64 = attr(&svg, "text", "font-size").parse().unwrap();
        assert!((size - 2.0 * 15.0 / 1.24).abs() < 1e-9, "font-size {size}");
        assert!(svg.contains("rotate(270, 10, 80)"), "{svg}");
    }

    #[test]
    fn estimate_text_size_is_in_outer_units() {
        // The estimate does not depend on the scale: outer units at any dpr.
        let (mut s1, mut s2) = (String::new(), String::new());
        let one = ScaledBackend::new(SVGBackend::with_string(&mut s1, (100, 50)), 1.0);
        let two = ScaledBackend::new(SVGBackend::with_string(&mut s2, (200, 100)), 2.0);
        for text in ["", "A", "Members over time", "2025"] {
            let font = font15();
            assert_eq!(
                one.estimate_text_size(text, &font).unwrap(),
                two.estimate_text_size(text, &font).unwrap()
            );
        }
        let (w, h) = super::estimate_text("Members over time", 15.0);
        assert!((100..160).contains(&w) && h == 18, "{w}x{h}");
    }

    #[test]
    fn pixel_fills_its_device_block() {
        let svg = svg_2x(|b| b.draw_pixel((3, 4), BLACK.to_backend_color()).unwrap());
        assert_eq!(attr(&svg, "rect", "x"), "6");
        assert_eq!(attr(&svg, "rect", "y"), "8");
        assert_eq!(attr(&svg, "rect", "width"), "2");
        assert_eq!(attr(&svg, "rect", "height"), "2");
        // At scale 1 it stays a single pixel.
        let mut s = String::new();
        {
            let mut b = ScaledBackend::new(SVGBackend::with_string(&mut s, (20, 20)), 1.0);
            b.draw_pixel((3, 4), BLACK.to_backend_color()).unwrap();
        }
        assert_eq!(attr(&s, "rect", "x"), "3");
        assert_eq!(attr(&s, "rect", "width"), "1");
    }

    #[test]
    fn bitmap_is_upscaled_nearest_neighbour() {
        // 2×1 RGB image: red, blue.
        let src = [255, 0, 0, 0, 0, 255];
        let svg = svg_2x(|b| b.blit_bitmap((1, 1), (2, 1), &src).unwrap());
        // Without the `image` feature plotters-svg blits pixel by pixel: 4×2.
        let rects: Vec<&str> = svg.split("<rect ").skip(1).collect();
        assert_eq!(rects.len(), 8);
        let red = rects.iter().filter(|r| r.contains("#FF0000")).count();
        assert_eq!(red, 4);
        assert!(rects[0].contains("x=\"2\"") && rects[0].contains("y=\"2\""));
    }

    #[test]
    fn whole_chart_draws_through_adapter() {
        let mut s = String::new();
        {
            let root = ScaledBackend::new(SVGBackend::with_string(&mut s, (640, 400)), 2.0)
                .into_drawing_area();
            assert_eq!(root.dim_in_pixel(), (320, 200));
            root.fill(&WHITE).unwrap();
            let mut chart = ChartBuilder::on(&root)
                .caption("Members", ("sans-serif", 15))
                .margin(10)
                .x_label_area_size(30)
                .y_label_area_size(40)
                .build_cartesian_2d(2020i32..2026, 0i32..60)
                .unwrap();
            chart
                .configure_mesh()
                .label_style(("sans-serif", 15))
                .draw()
                .unwrap();
            chart
                .draw_series(LineSeries::new(
                    [(2020, 8), (2022, 21), (2024, 43), (2025, 56)],
                    BLUE.stroke_width(2),
                ))
                .unwrap()
                .label("Artemis");
            chart
                .draw_series([(2021, 2), (2024, 13)].map(|p| Circle::new(p, 4, RED.filled())))
                .unwrap();
            chart
                .configure_series_labels()
                .border_style(BLACK)
                .draw()
                .unwrap();
            root.present().unwrap();
        }
        assert!(s.contains("width=\"640\""), "{s}");
        assert!(s.contains("Members"));
        // The 15 px caption is rendered at 30 device pixels.
        assert!(s.contains(&format!("font-size=\"{}\"", 30.0 / 1.24)), "{s}");
        // The markers have radius 8 in device pixels.
        assert!(s.contains("r=\"8\""), "{s}");
    }
}
