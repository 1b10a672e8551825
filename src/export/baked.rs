//! The default view baked into `index.html` (issue #18): the graph a reader
//! sees first, drawn at build time by the same layout, display list and SVG
//! writer as the app and its export, so the page shows it as soon as the
//! HTML is parsed. The app's fitted view is this picture scaled to the box
//! ([`crate::view::camera::fitted`]), so its canvas takes over in place.
//!
//! One picture per design size of the graph's box
//! ([`crate::view::camera::DESIGNS`]) and theme; the stylesheet shows the
//! one of the box (container queries repeating [`Design::of`]) and of the
//! reader's colour scheme, scaled to the box as the app's fit is.

use std::fmt::Write as _;

use crate::graph::{Filters, Graph, build};
use crate::layout::{self, Canonical, LayoutKind, LayoutRequest, Orientation};
use crate::model::Dataset;
use crate::render;
use crate::view::camera;
use crate::view::camera::{DESIGNS, Design};

/// Node `i` of a display list drawn as a group with the node's id, so a
/// test can match the baked picture to the live one.
fn open_with_id(graph: &Graph) -> impl Fn(usize) -> String + '_ {
    move |i| {
        format!(
            "<g data-id=\"{}\">",
            super::svg::xml_escape(&graph.nodes[i].id)
        )
    }
}

/// The default view's `graph` (built from `ds` with the default filters)
/// drawn at `design`'s size in the light or `dark` theme, as an `<svg>`
/// element without a fixed size: the page scales it to the graph's box by
/// its `viewBox`, as the app's fit does.
pub fn baked_svg(
    ds: &Dataset,
    graph: &Graph,
    canonical: &mut Canonical,
    design: Design,
    dark: bool,
) -> String {
    let req = LayoutRequest {
        kind: LayoutKind::Force,
        orientation: Orientation::of(design.width, design.height),
        ..Default::default()
    };
    let placed = canonical.place(ds, graph, req, &Default::default());
    let radius = layout::radii_for(graph, LayoutKind::Force);
    let (w, h) = (design.width, design.height);
    let cam = camera::fitted(&placed.pos, &radius, &placed.axis_labels, w, h);
    let highlight = render::Highlight::default();
    let list = render::display_list(&render::Frame {
        graph,
        pos: &placed.pos,
        radius: &radius,
        camera: cam,
        width: w,
        height: h,
        layout: LayoutKind::Force,
        axis: &placed.axis_labels,
        axis_visible: true,
        highlight: &highlight,
        dark,
        bench: false,
        lean: None,
    });
    let mut s = String::new();
    // data-zoom: what the boot script needs to zoom the picture as the app
    // would before the app takes over: the wheel notch's factor, and the
    // zoom range relative to this picture's scale. data-slop: how far a
    // press may move and still be a click, which the app then answers.
    let _ = writeln!(
        s,
        "<svg class=\"baked-graph {name} {theme}\" viewBox=\"0 0 {w} {h}\" font-family=\"{font}\" data-zoom=\"{step} {lo} {hi}\" data-slop=\"{slop}\">",
        name = design.name,
        theme = if dark { "dark" } else { "light" },
        font = render::FONT,
        step = camera::WHEEL_STEP,
        lo = camera::MIN_SCALE / cam.scale,
        hi = camera::MAX_SCALE / cam.scale,
        slop = crate::view::gesture::CLICK_SLOP,
    );
    super::svg::marks_into(&mut s, &list, cam, &open_with_id(graph));
    s.push_str("</svg>\n");
    s
}

/// Every baked picture, for the page: each shape in both themes, of one
/// build of the default view's graph.
pub fn baked_graphs(ds: &Dataset) -> String {
    let graph = build(ds, &Filters::default());
    let mut canonical = Canonical::default();
    let mut out = String::new();
    for design in DESIGNS {
        for dark in [false, true] {
            out.push_str(&baked_svg(ds, &graph, &mut canonical, design, dark));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_baked_default_view_draws_every_node_of_the_default_graph_once_per_picture() {
        let ds = crate::test_support::dataset();
        let g = build(ds, &Filters::default());
        let svg = baked_graphs(ds);
        assert_eq!(svg.matches("<svg ").count(), DESIGNS.len() * 2);
        for n in &g.nodes {
            let tag = format!("data-id=\"{}\"", super::super::svg::xml_escape(&n.id));
            assert_eq!(
                svg.matches(&tag).count(),
                DESIGNS.len() * 2,
                "{} is not drawn once in every picture",
                n.id
            );
        }
        // The hubs are named in every picture.
        for hub in ["Artemis", "ILRS"] {
            assert_eq!(
                svg.matches(&format!(">{hub}</text>")).count(),
                DESIGNS.len() * 2
            );
        }
    }

    #[test]
    fn every_picture_names_what_must_show_and_every_country_tied_to_both() {
        use crate::render::labels::{key_nodes, must_name};
        let ds = crate::test_support::dataset();
        let g = build(ds, &Filters::default());
        let all: Vec<usize> = (0..g.nodes.len()).collect();
        let mut canonical = Canonical::default();
        for design in DESIGNS {
            let svg = baked_svg(ds, &g, &mut canonical, design, false);
            let key = key_nodes(&g, &all, design.width, design.height);
            let named: Vec<&str> = svg
                .split("</text>")
                .filter_map(|t| t.rsplit_once('>').map(|(_, name)| name))
                .collect();
            for (i, n) in g.nodes.iter().enumerate() {
                let must = must_name(&g, &key, i);
                let label = super::super::svg::xml_escape(&n.label);
                assert!(
                    !must || named.contains(&label.as_ref()),
                    "{} is not named in the {} picture",
                    n.label,
                    design.name
                );
            }
        }
    }
}
