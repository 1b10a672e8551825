//! Colours, shared by the canvas renderer and the legend, with a native test
//! that each meets WCAG contrast against the backgrounds it is drawn on.

use crate::charts::lean::Band;
use crate::graph::facts::Alignment;
use crate::model::PartnershipKind;

/// An sRGB colour.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rgb(pub u8, pub u8, pub u8);

impl Rgb {
    /// `#rrggbb`.
    pub fn hex(self) -> String {
        format!("#{:02x}{:02x}{:02x}", self.0, self.1, self.2)
    }

    /// `rgba(r,g,b,a)`.
    pub fn rgba(self, a: f32) -> String {
        format!("rgba({},{},{},{a:.2})", self.0, self.1, self.2)
    }

    /// WCAG relative luminance.
    pub fn luminance(self) -> f64 {
        let ch = |c: u8| {
            let c = f64::from(c) / 255.0;
            if c <= 0.03928 {
                c / 12.92
            } else {
                ((c + 0.055) / 1.055).powf(2.4)
            }
        };
        0.2126 * ch(self.0) + 0.7152 * ch(self.1) + 0.0722 * ch(self.2)
    }

    /// WCAG contrast ratio between two colours (1–21).
    pub fn contrast(self, other: Rgb) -> f64 {
        let (a, b) = (self.luminance(), other.luminance());
        (a.max(b) + 0.05) / (a.min(b) + 0.05)
    }
}

/// Light theme background.
pub const BG_LIGHT: Rgb = Rgb(0xff, 0xff, 0xff);
/// Dark theme background.
pub const BG_DARK: Rgb = Rgb(0x12, 0x16, 0x1f);

/// Text and selection rings, for a theme.
pub fn ink(dark: bool) -> Rgb {
    if dark {
        Rgb(0xf4, 0xf6, 0xfb)
    } else {
        Rgb(0x11, 0x18, 0x27)
    }
}

/// Secondary text (the alignment axis's group labels), for a theme.
pub fn muted(dark: bool) -> Rgb {
    if dark {
        Rgb(0xaa, 0xb2, 0xc0)
    } else {
        Rgb(0x4b, 0x55, 0x63)
    }
}

/// The amber of search matches and the keyboard focus ring (both themes).
pub const FOCUS_RING: Rgb = Rgb(0xd9, 0x77, 0x06);

/// The mark of what is new in a change view's window (a ring round a new
/// member, a highlighter under a new tie), per theme: a green distinct from
/// both camps' blue and red and from the orange focus ring.
pub fn change(dark: bool) -> Rgb {
    if dark {
        Rgb(0x34, 0xd3, 0x99)
    } else {
        Rgb(0x04, 0x78, 0x57)
    }
}

/// A story callout: its fill, text and border (the accent of the rings).
pub fn callout(dark: bool) -> (Rgb, Rgb, Rgb) {
    (background(dark), ink(dark), FOCUS_RING)
}

/// The background, for a theme.
pub fn background(dark: bool) -> Rgb {
    if dark { BG_DARK } else { BG_LIGHT }
}

/// Node colour by alignment, for a theme. Each passes 3:1 (WCAG non-text
/// contrast) against its background.
pub fn alignment(a: Alignment, dark: bool) -> Rgb {
    match (a, dark) {
        (Alignment::Artemis, false) => Rgb(0x1d, 0x5f, 0xc4),
        (Alignment::Artemis, true) => Rgb(0x6c, 0xa6, 0xff),
        (Alignment::Ilrs, false) => Rgb(0xc4, 0x2b, 0x1c),
        (Alignment::Ilrs, true) => Rgb(0xff, 0x7a, 0x66),
        (Alignment::Both, false) => Rgb(0x7b, 0x3f, 0xa8),
        (Alignment::Both, true) => Rgb(0xc5, 0x92, 0xf0),
        (Alignment::Neither, false) => Rgb(0x6b, 0x72, 0x80),
        (Alignment::Neither, true) => Rgb(0x9c, 0xa3, 0xaf),
    }
}

/// Fill of a country on the map: a light tint of its alignment's colour (a
/// dark one in dark mode), so the node drawn on it still stands out; `None`,
/// a country the view does not show, is the faintest grey.
pub fn map_fill(a: Option<Alignment>, dark: bool) -> Rgb {
    match (a, dark) {
        (Some(Alignment::Artemis), false) => Rgb(0xcf, 0xe0, 0xf7),
        (Some(Alignment::Ilrs), false) => Rgb(0xf6, 0xd5, 0xd0),
        (Some(Alignment::Both), false) => Rgb(0xe4, 0xd6, 0xf0),
        (Some(Alignment::Neither), false) => Rgb(0xdd, 0xe0, 0xe5),
        (None, false) => Rgb(0xef, 0xf1, 0xf4),
        (Some(Alignment::Artemis), true) => Rgb(0x1f, 0x35, 0x58),
        (Some(Alignment::Ilrs), true) => Rgb(0x4f, 0x24, 0x22),
        (Some(Alignment::Both), true) => Rgb(0x3b, 0x2c, 0x52),
        (Some(Alignment::Neither), true) => Rgb(0x33, 0x3a, 0x46),
        (None, true) => Rgb(0x1c, 0x21, 0x2b),
    }
}

/// A node's colour by its lean band: the camps' blue and red for one side
/// only, lighter for mostly one side, the hedgers' violet for balanced, and
/// the neutral grey for no ties.
pub fn lean(band: Band, dark: bool) -> Rgb {
    match (band, dark) {
        (Band::OnlyUs, _) => alignment(Alignment::Artemis, dark),
        (Band::MostlyUs, false) => Rgb(0x4a, 0x7f, 0xcf),
        (Band::MostlyUs, true) => Rgb(0xb3, 0xcd, 0xf7),
        // Gold, not the violet of "both camps": balanced is a lean, not a membership.
        (Band::Balanced, false) => Rgb(0x8a, 0x6a, 0x00),
        (Band::Balanced, true) => Rgb(0xe3, 0xb9, 0x3c),
        (Band::MostlyChina, false) => Rgb(0xd0, 0x51, 0x3f),
        (Band::MostlyChina, true) => Rgb(0xff, 0xb8, 0xab),
        (Band::OnlyChina, _) => alignment(Alignment::Ilrs, dark),
        (Band::NoTies, _) => alignment(Alignment::Neither, dark),
    }
}

/// A country's fill on the map by its lean band: a tint of [`lean`].
pub fn lean_fill(band: Band, dark: bool) -> Rgb {
    match (band, dark) {
        (Band::OnlyUs, _) => map_fill(Some(Alignment::Artemis), dark),
        (Band::MostlyUs, false) => Rgb(0xd9, 0xe6, 0xf8),
        (Band::MostlyUs, true) => Rgb(0x26, 0x35, 0x4c),
        (Band::Balanced, false) => Rgb(0xf5, 0xe9, 0xc4),
        (Band::Balanced, true) => Rgb(0x3d, 0x33, 0x14),
        (Band::MostlyChina, false) => Rgb(0xf9, 0xdc, 0xd7),
        (Band::MostlyChina, true) => Rgb(0x48, 0x30, 0x2e),
        (Band::OnlyChina, _) => map_fill(Some(Alignment::Ilrs), dark),
        (Band::NoTies, _) => map_fill(Some(Alignment::Neither), dark),
    }
}

/// Edge colour by partnership kind (a categorical palette chosen to stay
/// apart under the common colour-vision deficiencies; dash patterns also
/// tell the kinds apart).
pub fn partnership(kind: PartnershipKind, dark: bool) -> Rgb {
    let light = match kind {
        PartnershipKind::Launch => Rgb(0xb3, 0x5c, 0x00),
        PartnershipKind::Satellite => Rgb(0x00, 0x7a, 0x6e),
        // Olive, not brown: launch is already orange-brown.
        PartnershipKind::GroundStation => Rgb(0x6b, 0x6b, 0x00),
        PartnershipKind::Astronaut => Rgb(0xa3, 0x1f, 0x6b),
        PartnershipKind::Payload => Rgb(0x2f, 0x6b, 0x2f),
        PartnershipKind::JointMission => Rgb(0x4b, 0x4b, 0xc8),
        PartnershipKind::Agreement => Rgb(0x5c, 0x63, 0x70),
        PartnershipKind::Data => Rgb(0x00, 0x6d, 0x9c),
        PartnershipKind::TechnologyTransfer => Rgb(0x9c, 0x3d, 0x3d),
        // Warm grey-violet, apart from the agreement's cool grey.
        PartnershipKind::Licence => Rgb(0x80, 0x50, 0x70),
    };
    if dark {
        // Lightened 45 % toward white: enough contrast on the dark
        // background (tested below) while the hues stay apart.
        let up = |c: u8| c + ((255 - u16::from(c)) * 45 / 100) as u8;
        Rgb(up(light.0), up(light.1), up(light.2))
    } else {
        light
    }
}

/// Canvas dash pattern (in pixels) for a partnership kind.
pub fn dash(kind: PartnershipKind) -> &'static [f64] {
    match kind {
        PartnershipKind::Agreement => &[],
        PartnershipKind::Launch => &[8.0, 3.0],
        PartnershipKind::Satellite => &[2.0, 2.0],
        PartnershipKind::GroundStation => &[6.0, 2.0, 2.0, 2.0],
        PartnershipKind::Astronaut => &[1.0, 3.0],
        PartnershipKind::Payload => &[4.0, 4.0],
        PartnershipKind::JointMission => &[10.0, 2.0, 2.0, 2.0, 2.0, 2.0],
        PartnershipKind::Data => &[3.0, 6.0],
        PartnershipKind::TechnologyTransfer => &[12.0, 4.0],
        PartnershipKind::Licence => &[1.0, 2.0, 6.0, 2.0],
    }
}

/// A dash pattern as an SVG `stroke-dasharray` value ("8 3"); empty when solid.
pub fn dash_list(dash: &[f64]) -> String {
    dash.iter()
        .map(|d| d.to_string())
        .collect::<Vec<_>>()
        .join(" ")
}

/// How an edge is stroked, shared by the canvas and the SVG export.
#[derive(Debug, Clone, PartialEq)]
pub struct EdgeStyle {
    /// Colour.
    pub colour: Rgb,
    /// Opacity 0–1.
    pub alpha: f32,
    /// Dash pattern in pixels (empty = solid).
    pub dash: &'static [f64],
    /// Line width in pixels.
    pub width: f64,
}

/// The style of an edge: membership lines in their hub's colour (solid for
/// the state, dashed for a sub-national link, dotted when tentative),
/// partnerships by kind, wider for more ties between the same pair.
pub fn edge_style(
    kind: crate::graph::EdgeKind,
    items: usize,
    faded: bool,
    dark: bool,
) -> EdgeStyle {
    use crate::graph::{EdgeKind, MemberLink};
    use crate::model::FrameworkId;
    match kind {
        EdgeKind::Member(f, link) => {
            let al = match f {
                FrameworkId::Artemis => Alignment::Artemis,
                FrameworkId::Ilrs => Alignment::Ilrs,
                FrameworkId::Apsco => Alignment::Neither,
            };
            let dash: &'static [f64] = match link {
                MemberLink::State => &[],
                MemberLink::SubNational => &[5.0, 3.0],
                MemberLink::Tentative => &[1.5, 3.0],
            };
            EdgeStyle {
                colour: alignment(al, dark),
                alpha: if faded { 0.06 } else { 0.32 },
                dash,
                width: 1.0,
            }
        }
        EdgeKind::Partnership(k) => EdgeStyle {
            colour: partnership(k, dark),
            alpha: if faded { 0.08 } else { 0.75 },
            dash: dash(k),
            width: (1.0 + (items as f64).sqrt() * 0.6).min(4.0),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_stylesheet_colours_the_alignments_and_ties_as_the_canvas_does() {
        // The legend's swatches and the page's accents take these from the
        // stylesheet's variables, light (first block) and dark (second).
        let css = include_str!("../../assets/style.css");
        let blocks: Vec<&str> = css.split("--bg:").skip(1).take(2).collect();
        assert_eq!(blocks.len(), 2);
        for (block, dark) in blocks.iter().zip([false, true]) {
            for (var, a) in [
                ("--artemis", Alignment::Artemis),
                ("--ilrs", Alignment::Ilrs),
                ("--neither", Alignment::Neither),
            ] {
                let want = format!("{var}: {};", alignment(a, dark).hex());
                assert!(
                    block.contains(&want),
                    "style.css lacks `{want}` (dark: {dark})"
                );
            }
            for &k in PartnershipKind::ALL {
                let want = format!("--tie-{}: {};", k.id(), partnership(k, dark).hex());
                assert!(
                    block.contains(&want),
                    "style.css lacks `{want}` (dark: {dark})"
                );
            }
        }
    }

    #[test]
    fn text_and_rings_read_on_their_background() {
        for dark in [false, true] {
            let bg = background(dark);
            assert!(ink(dark).contrast(bg) >= 7.0, "ink, dark={dark}");
            assert!(muted(dark).contrast(bg) >= 4.5, "muted text, dark={dark}");
            assert!(FOCUS_RING.contrast(bg) >= 3.0, "focus ring, dark={dark}");
            assert!(change(dark).contrast(bg) >= 3.0, "change mark, dark={dark}");
        }
    }

    #[test]
    fn nodes_stand_out_on_their_map_fill() {
        for dark in [false, true] {
            for a in Alignment::ALL {
                let c = alignment(a, dark).contrast(map_fill(Some(a), dark));
                // WCAG's 3:1 for graphical objects.
                assert!(c >= 3.0, "{a:?} dark={dark}: {c:.2}");
            }
        }
    }

    #[test]
    fn node_colours_meet_non_text_contrast() {
        for dark in [false, true] {
            let bg = if dark { BG_DARK } else { BG_LIGHT };
            for a in Alignment::ALL {
                let c = alignment(a, dark).contrast(bg);
                assert!(c >= 3.0, "{a:?} dark={dark}: {c:.2}");
            }
            for k in PartnershipKind::ALL {
                let c = partnership(*k, dark).contrast(bg);
                assert!(c >= 3.0, "{k:?} dark={dark}: {c:.2}");
            }
        }
    }

    #[test]
    fn lean_colours_stand_out_and_apart() {
        for dark in [false, true] {
            for b in Band::ALL {
                let c = lean(b, dark);
                assert!(c.contrast(background(dark)) >= 3.0, "{b:?} dark={dark}");
                assert!(
                    c.contrast(lean_fill(b, dark)) >= 3.0,
                    "{b:?} on its map fill, dark={dark}"
                );
            }
            let all: Vec<Rgb> = Band::ALL.iter().map(|b| lean(*b, dark)).collect();
            for (i, a) in all.iter().enumerate() {
                assert!(
                    !all[i + 1..].contains(a),
                    "two bands share a colour, dark={dark}"
                );
            }
        }
    }

    #[test]
    fn contrast_formula() {
        assert!((Rgb(0, 0, 0).contrast(Rgb(255, 255, 255)) - 21.0).abs() < 1e-9);
        assert_eq!(Rgb(0x1d, 0x5f, 0xc4).hex(), "#1d5fc4");
    }
}
