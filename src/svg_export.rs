//! The graph as a standalone SVG document (for the "SVG" and "PNG" exports):
//! the same geometry, colours, dash patterns and greedy labels as the canvas,
//! fitted to the page, with the export footer underneath.

use std::fmt::Write as _;

use crate::camera::Camera;
use crate::facts::Alignment;
use crate::graph::{Graph, NodeKind};
use crate::labels::{self, Candidate, Rank};
use crate::layout::force::Point;
use crate::model::ActorKind;
use crate::palette;

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            // Control characters are not allowed in XML 1.0.
            c if (c as u32) < 0x20 && c != '\n' && c != '\t' => {}
            c => out.push(c),
        }
    }
    out
}

/// Height of the footer for `lines` lines of text.
pub fn footer_height(lines: usize) -> f32 {
    14.0 + 20.0 * lines as f32
}

fn dash_attr(dash: &[f64]) -> String {
    if dash.is_empty() {
        String::new()
    } else {
        format!(" stroke-dasharray=\"{}\"", palette::dash_list(dash))
    }
}

/// What a legend entry of the export shows.
#[derive(Debug, Clone, PartialEq)]
pub enum LegendMark {
    /// A node disc of an alignment (split for both camps, light centre for ILRS only).
    Node(Alignment),
    /// A tie's line: colour and dash pattern.
    Line(palette::Rgb, &'static [f64]),
}

/// The export's legend: every alignment and every kind of edge the graph
/// shows, in the on-screen legend's order, so a printed picture can be read.
pub fn legend_entries(graph: &Graph) -> Vec<(LegendMark, String)> {
    let mut out: Vec<(LegendMark, String)> = Alignment::ALL
        .iter()
        .filter(|a| {
            graph
                .nodes
                .iter()
                .any(|n| !n.is_hub() && n.alignment == **a)
        })
        .map(|a| (LegendMark::Node(*a), a.label().to_string()))
        .collect();
    let mut seen: Vec<String> = Vec::new();
    for e in &graph.edges {
        let label = match e.kind {
            crate::graph::EdgeKind::Member(f, _) => format!("Member of {}", f.label()),
            crate::graph::EdgeKind::Partnership(k) => k.label().to_string(),
        };
        if seen.contains(&label) {
            continue;
        }
        let st = palette::edge_style(e.kind, 1, false, false);
        seen.push(label.clone());
        out.push((LegendMark::Line(st.colour, st.dash), label));
    }
    out
}

/// Height of the legend strip for `entries` on a `width`-pixel page.
fn legend_layout(entries: &[(LegendMark, String)], width: f32) -> (Vec<[f32; 2]>, f32) {
    let (mut x, mut y) = (10.0f32, 16.0f32);
    let mut at = Vec::new();
    for (_, label) in entries {
        let w = 30.0 + label.chars().count() as f32 * 12.0 * 0.56 + 18.0;
        if x + w > width - 10.0 && x > 10.0 {
            x = 10.0;
            y += 20.0;
        }
        at.push([x, y]);
        x += w;
    }
    (at, if entries.is_empty() { 0.0 } else { y + 10.0 })
}

/// Height the export adds under the `height` of the picture: the legend
/// and the footer's `footer_lines` lines.
pub fn extra_height(graph: &Graph, width: f32, footer_lines: usize) -> f32 {
    legend_layout(&legend_entries(graph), width).1 + footer_height(footer_lines)
}

/// What the graph SVG shows: the graph, its positions and radii (world
/// units), and the layout's axis labels.
#[derive(Clone, Copy)]
pub struct Picture<'a> {
    /// The graph.
    pub graph: &'a Graph,
    /// Node positions.
    pub pos: &'a [Point],
    /// Node radii.
    pub radius: &'a [f32],
    /// Axis labels of the layout (alignment axis), or none.
    pub axis: &'a [crate::layout::AxisLabel],
    /// The layout drawn: the map adds country outlines and draws only the
    /// selection's ties, as arcs.
    pub layout: crate::layout::LayoutKind,
}

/// Renders the graph at `pos` into a `width` × `height` picture (plus the
/// footer), with the selection (if any) ringed.
pub fn graph_svg(
    picture: &Picture,
    width: f32,
    height: f32,
    selected: Option<usize>,
    footer: &[String],
) -> String {
    let Picture {
        graph,
        pos,
        radius,
        axis,
        layout,
    } = *picture;
    let geo = layout == crate::layout::LayoutKind::Geographic;
    let light = false;
    let legend = legend_entries(graph);
    let (legend_at, lh) = legend_layout(&legend, width);
    let fh = footer_height(footer.len()) + lh;
    let cam = crate::layout::bounds_with_labels(pos, radius, axis)
        .map_or(Camera::default(), |b| Camera::fit(b, width, height, 24.0));
    let scr: Vec<Point> = pos.iter().map(|p| cam.to_screen(*p)).collect();
    let max_r = crate::layout::max_node_px(layout);
    let r_px = |i: usize| (radius[i] * cam.scale).clamp(2.0, max_r);
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"#ffffff\"/>\n",
        w = width,
        h = height + fh
    );
    if geo {
        // Country outlines, filled by the alignment the view shows.
        s.push_str("<g stroke=\"#ffffff\" stroke-width=\"0.8\">\n");
        for (o, a) in crate::world::fills(graph, crate::world::outlines()) {
            let mut d = String::new();
            for ring in &o.rings {
                for (k, p) in ring.iter().enumerate() {
                    let q = cam.to_screen(*p);
                    let _ = write!(
                        d,
                        "{}{:.1},{:.1}",
                        if k == 0 { "M" } else { "L" },
                        q[0],
                        q[1]
                    );
                }
                d.push('Z');
            }
            let _ = writeln!(
                s,
                "<path d=\"{d}\" fill=\"{}\"/>",
                palette::map_fill(a, light).hex()
            );
        }
        s.push_str("</g>\n");
    }
    s.push_str("<g stroke-linecap=\"round\" fill=\"none\">\n");
    for e in &graph.edges {
        if geo && !crate::layout::map_shows_edge(e, selected) {
            continue;
        }
        let (a, b) = (scr[e.source], scr[e.target]);
        let st = palette::edge_style(e.kind, e.items.len(), false, light);
        let (colour, dash, w) = (st.colour.rgba(st.alpha), st.dash, st.width);
        if geo {
            let c = crate::layout::arc_control(a, b);
            let _ = writeln!(
                s,
                "<path d=\"M{:.1},{:.1} Q{:.1},{:.1} {:.1},{:.1}\" stroke=\"{colour}\" stroke-width=\"{w:.1}\"{}/>",
                a[0],
                a[1],
                c[0],
                c[1],
                b[0],
                b[1],
                dash_attr(dash)
            );
            continue;
        }
        let _ = writeln!(
            s,
            "<line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{colour}\" stroke-width=\"{w:.1}\"{}/>",
            a[0],
            a[1],
            b[0],
            b[1],
            dash_attr(dash)
        );
    }
    s.push_str("</g>\n<g stroke=\"#ffffff\">\n");
    for (i, n) in graph.nodes.iter().enumerate() {
        let [x, y] = scr[i];
        let r = r_px(i);
        let fill = palette::alignment(n.alignment, light).hex();
        let title = format!("<title>{}</title>", xml_escape(&n.label));
        if n.alignment == Alignment::Both && !n.is_hub() {
            let (a, b) = (
                palette::alignment(Alignment::Artemis, light).hex(),
                palette::alignment(Alignment::Ilrs, light).hex(),
            );
            let _ = writeln!(
                s,
                "<g>{title}<path d=\"M{x:.1},{y0:.1} A{r:.1},{r:.1} 0 0 0 {x:.1},{y1:.1} Z\" fill=\"{a}\"/><path d=\"M{x:.1},{y0:.1} A{r:.1},{r:.1} 0 0 1 {x:.1},{y1:.1} Z\" fill=\"{b}\"/></g>",
                y0 = y - r,
                y1 = y + r
            );
            continue;
        }
        let shape = match n.kind {
            NodeKind::Hub(_) | NodeKind::Actor(ActorKind::Country) => {
                format!("<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{r:.1}\" fill=\"{fill}\"/>")
            }
            NodeKind::Actor(ActorKind::Agency) => {
                let h = r * 0.9;
                format!(
                    "<rect x=\"{:.1}\" y=\"{:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{fill}\"/>",
                    x - h,
                    y - h,
                    2.0 * h,
                    2.0 * h
                )
            }
            NodeKind::Actor(ActorKind::Organization) => {
                let k = r * 1.2;
                format!(
                    "<polygon points=\"{x:.1},{:.1} {:.1},{y:.1} {x:.1},{:.1} {:.1},{y:.1}\" fill=\"{fill}\"/>",
                    y - k,
                    x + k,
                    y + k,
                    x - k
                )
            }
            NodeKind::Actor(ActorKind::Institution) => format!(
                "<polygon points=\"{x:.1},{:.1} {:.1},{:.1} {:.1},{:.1}\" fill=\"{fill}\"/>",
                y - r * 1.2,
                x + r * 1.1,
                y + r * 0.8,
                x - r * 1.1,
                y + r * 0.8
            ),
            NodeKind::Actor(ActorKind::Company) => {
                let pts: Vec<String> = (0..6)
                    .map(|k| {
                        let a = std::f32::consts::PI / 3.0 * k as f32;
                        format!("{:.1},{:.1}", x + r * a.cos(), y + r * a.sin())
                    })
                    .collect();
                format!("<polygon points=\"{}\" fill=\"{fill}\"/>", pts.join(" "))
            }
        };
        let _ = writeln!(s, "<g>{title}{shape}</g>");
        if n.alignment == Alignment::Ilrs && !n.is_hub() {
            // The light centre that marks ILRS-only nodes on the canvas too.
            let _ = writeln!(
                s,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"#ffffff\" stroke=\"none\"/>",
                r * 0.38
            );
        }
        if n.is_hub() {
            let _ = writeln!(
                s,
                "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"{:.1}\" fill=\"none\" stroke=\"{fill}\" stroke-width=\"2\"/>",
                r + 3.0
            );
        }
    }
    s.push_str("</g>\n");
    if let Some(i) = selected.filter(|&i| i < scr.len()) {
        let _ = writeln!(
            s,
            "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{:.1}\" fill=\"none\" stroke=\"#111827\" stroke-width=\"2.5\"/>",
            scr[i][0],
            scr[i][1],
            r_px(i) + 4.0
        );
    }
    // Labels, placed like the canvas's (text width estimated: no font metrics here).
    let lit: std::collections::BTreeSet<usize> = selected
        .map(|s| {
            let mut n = graph.neighbours(s);
            n.insert(s);
            n
        })
        .unwrap_or_default();
    let cands = graph
        .nodes
        .iter()
        .enumerate()
        .map(|(i, n)| {
            let size = if n.is_hub() { 14.0 } else { 12.0 };
            let rank = Rank::of(
                graph,
                i,
                Some(i) == selected,
                selected.is_some_and(|s| lit.contains(&s) && lit.contains(&i)),
                false,
            );
            Candidate {
                node: i,
                priority: rank.priority(),
                must: rank.must(),
                x: scr[i][0],
                y: scr[i][1],
                radius: r_px(i) + if n.is_hub() { 3.0 } else { 0.0 },
                width: n.label.chars().count() as f32 * size * 0.56 + 4.0,
                height: size * 1.25,
            }
        })
        .collect();
    // Axis labels (alignment layout), then node labels kept clear of them
    // and of the nodes, as on the canvas.
    let mut obstacles: Vec<[f32; 4]> = Vec::new();
    for l in axis {
        let (size, weight, fill) = if l.heading {
            (13.0, "bold", "#111827")
        } else {
            (11.0, "600", "#4b5563")
        };
        let p = cam.to_screen(l.at);
        let w = l.text.chars().count() as f32 * size * 0.56;
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size}\" font-weight=\"{weight}\" fill=\"{fill}\" text-anchor=\"middle\" dominant-baseline=\"middle\">{}</text>",
            p[0],
            p[1],
            xml_escape(&l.text)
        );
        obstacles.push(labels::around(p, w / 2.0 + 2.0, size));
    }
    for (i, p) in scr.iter().enumerate() {
        let r = r_px(i) + if graph.nodes[i].is_hub() { 3.0 } else { 0.0 };
        obstacles.push(labels::around(*p, r, r));
    }
    s.push_str(
        "<g fill=\"#111827\" stroke=\"#ffffff\" stroke-width=\"3\" paint-order=\"stroke\">\n",
    );
    for l in labels::place(cands, &obstacles, width, height) {
        let n = &graph.nodes[l.node];
        let (size, weight) = if n.is_hub() {
            (14, " font-weight=\"bold\"")
        } else {
            (12, "")
        };
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{size}\"{weight} dominant-baseline=\"middle\">{}</text>",
            l.rect[0] + 2.0,
            (l.rect[1] + l.rect[3]) / 2.0,
            xml_escape(&n.label)
        );
    }
    s.push_str("</g>\n");
    // Legend, between the picture and the footer.
    for ((mark, label), [x, y]) in legend.iter().zip(&legend_at) {
        let y = height + y;
        match mark {
            LegendMark::Node(a) => {
                let fill = palette::alignment(*a, light).hex();
                let _ = match a {
                    Alignment::Both => writeln!(
                        s,
                        "<path d=\"M{cx:.1},{:.1} A6,6 0 0 0 {cx:.1},{:.1} Z\" fill=\"{}\"/><path d=\"M{cx:.1},{:.1} A6,6 0 0 1 {cx:.1},{:.1} Z\" fill=\"{}\"/>",
                        y - 6.0,
                        y + 6.0,
                        palette::alignment(Alignment::Artemis, light).hex(),
                        y - 6.0,
                        y + 6.0,
                        palette::alignment(Alignment::Ilrs, light).hex(),
                        cx = x + 12.0
                    ),
                    Alignment::Ilrs => writeln!(
                        s,
                        "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{fill}\"/><circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"2.3\" fill=\"#ffffff\"/>",
                        x + 12.0,
                        x + 12.0
                    ),
                    _ => writeln!(
                        s,
                        "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{fill}\"/>",
                        x + 12.0
                    ),
                };
            }
            LegendMark::Line(colour, dash) => {
                let _ = writeln!(
                    s,
                    "<line x1=\"{:.1}\" y1=\"{y:.1}\" x2=\"{:.1}\" y2=\"{y:.1}\" stroke=\"{}\" stroke-width=\"2\"{}/>",
                    x,
                    x + 24.0,
                    colour.hex(),
                    dash_attr(dash)
                );
            }
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{y:.1}\" font-size=\"12\" fill=\"#111827\" dominant-baseline=\"middle\">{}</text>",
            x + 30.0,
            xml_escape(label)
        );
    }
    let height = height + lh;
    // Footer.
    let _ = writeln!(
        s,
        "<line x1=\"8\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"#d1d5db\"/>",
        height + 4.0,
        width - 8.0,
        height + 4.0
    );
    for (k, line) in footer.iter().enumerate() {
        let size = if k == 0 { 15 } else { 13 };
        let _ = writeln!(
            s,
            "<text x=\"10\" y=\"{:.1}\" font-size=\"{size}\" fill=\"#111827\">{}</text>",
            height + 22.0 + 20.0 * k as f32,
            xml_escape(line)
        );
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load_embedded;
    use crate::graph::{Filters, build};
    use crate::layout;

    #[test]
    fn the_default_view_labels_the_hubs_the_powers_and_every_country_in_both_camps() {
        let ds = crate::test_support::dataset();
        let g = build(ds, &Filters::default());
        let mut canon = layout::Canonical::default();
        // The graph's box at 1280×800 and on a phone held upright.
        for (w, h) in [(880.0, 530.0), (390.0, 500.0)] {
            let req = layout::LayoutRequest {
                orientation: layout::Orientation::of(w, h),
                ..Default::default()
            };
            let pos = canon.place(ds, &g, req).pos;
            let radius = layout::radii(&g);
            let picture = Picture {
                graph: &g,
                pos: &pos,
                radius: &radius,
                axis: &[],
                layout: layout::LayoutKind::Force,
            };
            let svg = graph_svg(&picture, w, h, None, &[]);
            let mut must: Vec<String> = crate::facts::in_both(ds, ds.as_of)
                .iter()
                .filter_map(|iso| g.index_of(iso).map(|i| g.nodes[i].label.clone()))
                .collect();
            must.extend(
                g.nodes
                    .iter()
                    .filter(|n| n.is_hub() || n.leader)
                    .map(|n| n.label.clone()),
            );
            assert!(must.len() > 5);
            for label in must {
                assert!(
                    svg.contains(&format!(">{}</text>", xml_escape(&label))),
                    "{label} unlabelled at {w}×{h}"
                );
            }
        }
    }

    #[test]
    fn escapes_markup_and_control_characters() {
        assert_eq!(xml_escape("a<b & \"c\"\u{1}"), "a&lt;b &amp; &quot;c&quot;");
    }

    #[test]
    fn the_dataset_graph_renders_with_its_footer() {
        let ds = load_embedded().unwrap();
        let g = build(&ds, &Filters::default());
        let mut sim = layout::force_simulation(&g, &Default::default());
        sim.run(400);
        let footer = vec![
            "Title <&>".to_string(),
            "https://example.org/?v=1&sel=THA".to_string(),
        ];
        let radius = layout::radii(&g);
        let picture = Picture {
            graph: &g,
            pos: &sim.pos,
            radius: &radius,
            axis: &[],
            layout: layout::LayoutKind::Force,
        };
        let svg = graph_svg(&picture, 1200.0, 800.0, g.index_of("THA"), &footer);
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        // One per edge, the footer rule, and one per tie kind in the legend.
        let legend_lines = legend_entries(&g)
            .iter()
            .filter(|(m, _)| matches!(m, LegendMark::Line(..)))
            .count();
        assert_eq!(
            svg.matches("<line").count(),
            g.edges.len() + 1 + legend_lines
        );
        assert!(svg.contains("Title &lt;&amp;&gt;"));
        assert!(svg.contains("?v=1&amp;sel=THA"));
        assert!(svg.contains(">Artemis</text>") && svg.contains(">ILRS</text>"));
        // Balanced groups and no raw ampersands.
        assert_eq!(svg.matches("<g").count(), svg.matches("</g>").count());
        assert!(
            !svg.replace("&amp;", "")
                .replace("&lt;", "")
                .replace("&gt;", "")
                .replace("&quot;", "")
                .replace("&apos;", "")
                .contains('&')
        );
        // The alignment layout's axis labels come along.
        let (pos, axis) = layout::alignment_layout(&g, &ds, false, layout::Orientation::Landscape);
        let picture = Picture {
            pos: &pos,
            axis: &axis,
            ..picture
        };
        let svg = graph_svg(&picture, 1200.0, 800.0, None, &footer);
        assert!(
            svg.contains(">Artemis Accords only</text>") && svg.contains(">In both camps</text>")
        );
        assert!(svg.contains(">Europe</text>"));
        // The legend names every alignment and tie kind drawn.
        for (_, label) in legend_entries(&g) {
            assert!(
                svg.contains(&format!(">{}</text>", xml_escape(&label))),
                "{label}"
            );
        }
        assert!(
            svg.contains(">Both camps</text>")
                || !g.nodes.iter().any(|n| n.alignment == Alignment::Both)
        );
        // The map: outlines, and only the selection's ties, as arcs.
        let pos = layout::geographic_layout(&g, &ds);
        let map = Picture {
            pos: &pos,
            axis: &[],
            layout: layout::LayoutKind::Geographic,
            ..picture
        };
        let tha = g.index_of("THA");
        let svg = graph_svg(&map, 1200.0, 800.0, tha, &footer);
        let ties = g
            .edges
            .iter()
            .filter(|e| layout::map_shows_edge(e, tha))
            .count();
        assert!(ties > 0);
        assert_eq!(svg.matches(" Q").count(), ties);
        assert!(
            svg.matches("<path d=\"M").count() > 150 + ties,
            "country outlines"
        );
        assert_eq!(
            svg.matches("<line").count(),
            1 + legend_lines,
            "no straight edges on the map"
        );
    }
}
