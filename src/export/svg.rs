//! The graph as a standalone SVG document (for the "SVG" and "PNG" exports):
//! the same geometry, colours, dash patterns and greedy labels as the canvas,
//! fitted to the page, with the export footer underneath.

use std::fmt::Write as _;

use crate::graph::Graph;
use crate::graph::facts::Alignment;
use crate::layout::force::Point;
use crate::render;
use crate::render::palette;
use crate::view::camera::Camera;

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
    /// A node disc of a lean band (the graph coloured by lean).
    Band(crate::charts::lean::Band),
}

/// The export's legend: every alignment and every kind of edge the graph
/// shows, in the on-screen legend's order, so a printed picture can be read.
pub fn legend_entries(
    graph: &Graph,
    lean: Option<&[crate::charts::lean::Band]>,
) -> Vec<(LegendMark, String)> {
    let mut out: Vec<(LegendMark, String)> = match lean {
        Some(bands) => crate::charts::lean::Band::ALL
            .iter()
            .filter(|b| {
                graph
                    .nodes
                    .iter()
                    .zip(bands)
                    .any(|(n, x)| !n.is_hub() && x == *b)
            })
            .map(|b| (LegendMark::Band(*b), format!("Lean: {}", b.label())))
            .collect(),
        None => Alignment::ALL
            .iter()
            .filter(|a| {
                graph
                    .nodes
                    .iter()
                    .any(|n| !n.is_hub() && n.alignment == **a)
            })
            .map(|a| (LegendMark::Node(*a), a.label().to_string()))
            .collect(),
    };
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
pub fn extra_height(
    graph: &Graph,
    lean: Option<&[crate::charts::lean::Band]>,
    width: f32,
    footer_lines: usize,
) -> f32 {
    legend_layout(&legend_entries(graph, lean), width).1 + footer_height(footer_lines)
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
    /// Colour by lean: each node's band.
    pub lean: Option<&'a [crate::charts::lean::Band]>,
}

/// Renders the graph at `pos` into a `width` × `height` picture (plus the
/// footer), with what the screen picks out (selection, a story's spotlight
/// and callouts; not the pointer or the keyboard focus) as on screen.
pub fn graph_svg(
    picture: &Picture,
    width: f32,
    height: f32,
    highlight: &render::Highlight,
    footer: &[String],
) -> String {
    let Picture {
        graph,
        pos,
        radius,
        axis,
        layout,
        lean,
    } = *picture;
    let light = false;
    let legend = legend_entries(graph, lean);
    let (legend_at, lh) = legend_layout(&legend, width);
    let fh = footer_height(footer.len()) + lh;
    let cam = crate::layout::bounds_with_labels(pos, radius, axis)
        .map_or(Camera::default(), |b| Camera::fit(b, width, height, 24.0));
    // The screen's own display list, fitted to the page, in the light theme
    // (a printed page), with the selection lit as on screen.
    let n = graph.nodes.len();
    let highlight = render::Highlight {
        selected: highlight.selected.filter(|&i| i < n),
        spotlight: crate::sort::set_of(highlight.spotlight.iter().copied().filter(|&i| i < n)),
        notes: highlight.notes.clone(),
        new_nodes: crate::sort::set_of(highlight.new_nodes.iter().copied().filter(|&i| i < n)),
        new_edges: highlight.new_edges.clone(),
        changed_nodes: crate::sort::set_of(
            highlight.changed_nodes.iter().copied().filter(|&i| i < n),
        ),
        ..render::Highlight::default()
    };
    let list = render::display_list(&render::Frame {
        graph,
        pos,
        radius,
        camera: cam,
        width,
        height,
        layout,
        axis,
        axis_visible: true,
        highlight: &highlight,
        dark: light,
        bench: false,
        lean,
    });
    let mut s = String::new();
    let _ = write!(
        s,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{w}\" height=\"{h}\" viewBox=\"0 0 {w} {h}\" font-family=\"{font}\">\n<rect width=\"{w}\" height=\"{h}\" fill=\"{bg}\"/>\n",
        w = width,
        h = height + fh,
        font = render::FONT,
        bg = palette::background(light).hex(),
    );
    let open = |i: usize| format!("<g><title>{}</title>", xml_escape(&graph.nodes[i].label));
    marks_into(&mut s, &list, cam, &open);
    // Legend, between the picture and the footer.
    for ((mark, label), [x, y]) in legend.iter().zip(&legend_at) {
        let y = height + y;
        match mark {
            LegendMark::Band(b) => {
                let _ = writeln!(
                    s,
                    "<circle cx=\"{:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"{}\"/>",
                    x + 12.0,
                    palette::lean(*b, light).hex()
                );
            }
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

/// Writes the marks of a display list (country outlines, ties, nodes, labels
/// and callouts) as SVG elements; `open` starts node `i`'s group (with its
/// tooltip, or the node's id).
pub(crate) fn marks_into(
    s: &mut String,
    list: &render::DisplayList,
    cam: Camera,
    open: &dyn Fn(usize) -> String,
) {
    let pt = |p: Point| format!("{:.1},{:.1}", p[0], p[1]);
    if let Some(border) = list.borders {
        // Country outlines, filled by the alignment the view shows.
        let _ = writeln!(s, "<g stroke=\"{}\" stroke-width=\"0.8\">", border.hex());
        for (fill, outlines) in &list.world {
            for o in outlines {
                let mut d = String::new();
                for ring in &o.rings {
                    for (k, p) in ring.iter().enumerate() {
                        let _ = write!(
                            d,
                            "{}{}",
                            if k == 0 { "M" } else { "L" },
                            pt(cam.to_screen(*p))
                        );
                    }
                    d.push('Z');
                }
                let _ = writeln!(s, "<path d=\"{d}\" fill=\"{}\"/>", fill.hex());
            }
        }
        s.push_str("</g>\n");
    }
    s.push_str("<g stroke-linecap=\"round\" fill=\"none\">\n");
    for b in &list.edges {
        let style = format!(
            "stroke=\"{}\" stroke-width=\"{:.1}\"{}",
            b.colour.rgba(b.alpha),
            b.width,
            dash_attr(&b.dash)
        );
        // One path per batch, as the canvas strokes it: where ties overlap
        // (at a hub) their translucent colour is not laid on twice.
        if b.segments.is_empty() {
            continue;
        }
        let mut d = String::new();
        for (a, z, arc) in &b.segments {
            let _ = match arc {
                Some(c) => write!(d, "M{} Q{} {} ", pt(*a), pt(*c), pt(*z)),
                None => write!(d, "M{} L{} ", pt(*a), pt(*z)),
            };
        }
        let _ = writeln!(s, "<path d=\"{}\" {style}/>", d.trim_end());
    }
    s.push_str("</g>\n<g>\n");
    let shape = |sh: render::Shape, p: Point, r: f32, attrs: &str| -> String {
        if sh == render::Shape::Circle {
            format!(
                "<circle cx=\"{:.1}\" cy=\"{:.1}\" r=\"{r:.1}\" {attrs}/>",
                p[0], p[1]
            )
        } else {
            let pts: Vec<String> = sh.corners(p, r).into_iter().map(pt).collect();
            format!("<polygon points=\"{}\" {attrs}/>", pts.join(" "))
        }
    };
    for b in &list.nodes {
        let outline = b
            .outline
            .map_or(String::new(), |o| format!(" stroke=\"{}\"", o.hex()));
        let attrs = format!(
            "fill=\"{}\" fill-opacity=\"{}\"{outline}",
            b.fill.hex(),
            b.alpha
        );
        // The batch's paint once, on a group around its marks.
        let _ = writeln!(s, "<g {attrs}>");
        for &(i, p, r) in &b.marks {
            let centre = b.centre.map_or(String::new(), |c| {
                shape(
                    render::Shape::Circle,
                    p,
                    r * 0.38,
                    &format!("fill=\"{}\" stroke=\"none\"", c.hex()),
                )
            });
            let _ = writeln!(s, "{}{}{centre}</g>", open(i), shape(b.shape, p, r, ""));
        }
        s.push_str("</g>\n");
    }
    for n in &list.special {
        let ([x, y], r) = (n.at, n.r);
        let body = match n.fill {
            render::Fill::Split(left, right) => format!(
                "<path d=\"M{x:.1},{y0:.1} A{r:.1},{r:.1} 0 0 0 {x:.1},{y1:.1} Z\" fill=\"{}\" fill-opacity=\"{a}\"/><path d=\"M{x:.1},{y0:.1} A{r:.1},{r:.1} 0 0 1 {x:.1},{y1:.1} Z\" fill=\"{}\" fill-opacity=\"{a}\"/>{}",
                left.hex(),
                right.hex(),
                shape(
                    n.shape,
                    n.at,
                    r,
                    &format!(
                        "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
                        n.outline.0.hex(),
                        n.outline.1
                    )
                ),
                y0 = y - r,
                y1 = y + r,
                a = n.alpha,
            ),
            render::Fill::Solid(c) => shape(
                n.shape,
                n.at,
                r,
                &format!(
                    "fill=\"{}\" fill-opacity=\"{}\" stroke=\"{}\" stroke-width=\"{}\"",
                    c.hex(),
                    n.alpha,
                    n.outline.0.hex(),
                    n.outline.1
                ),
            ),
        };
        let ring = n.hub_ring.map_or(String::new(), |c| {
            shape(
                render::Shape::Circle,
                n.at,
                r + 3.0,
                &format!("fill=\"none\" stroke=\"{}\" stroke-width=\"2\"", c.hex()),
            )
        });
        let _ = writeln!(s, "{}{body}{ring}</g>", open(n.node));
    }
    for ring in &list.rings {
        let _ = writeln!(
            s,
            "{}",
            shape(
                render::Shape::Circle,
                ring.at,
                ring.r,
                &format!(
                    "fill=\"none\" stroke=\"{}\" stroke-width=\"{}\"",
                    ring.colour.hex(),
                    ring.width
                )
            )
        );
    }
    s.push_str("</g>\n");
    // Labels in groups of one style (most share one), each text only placed.
    let mut style = String::new();
    for t in list.axis_labels.iter().chain(&list.labels) {
        let this = format!(
            "font-size=\"{}\" font-weight=\"{}\" fill=\"{}\" stroke=\"{}\" stroke-opacity=\"{}\" stroke-width=\"{}\" paint-order=\"stroke\" dominant-baseline=\"middle\"",
            t.size,
            t.weight,
            t.colour.hex(),
            t.halo.0.hex(),
            t.halo.1,
            t.halo.2,
        );
        if this != style {
            if !style.is_empty() {
                s.push_str("</g>\n");
            }
            let _ = writeln!(s, "<g {this}>");
            style = this;
        }
        let _ = writeln!(
            s,
            "<text x=\"{:.1}\" y=\"{:.1}\">{}</text>",
            t.at[0],
            t.at[1],
            xml_escape(&t.text)
        );
    }
    if !style.is_empty() {
        s.push_str("</g>\n");
    }
    for c in &list.callouts {
        let (a, b) = c.leader;
        let [l, t, r, btm] = c.rect;
        let border = c.border.hex();
        let lines: String = c
            .lines
            .iter()
            .map(|t| {
                format!(
                    "<text x=\"{:.1}\" y=\"{:.1}\" font-size=\"{}\" font-weight=\"{}\" fill=\"{}\" dominant-baseline=\"middle\">{}</text>",
                    t.at[0],
                    t.at[1],
                    t.size,
                    t.weight,
                    t.colour.hex(),
                    xml_escape(&t.text)
                )
            })
            .collect();
        let _ = writeln!(
            s,
            "<g><line x1=\"{:.1}\" y1=\"{:.1}\" x2=\"{:.1}\" y2=\"{:.1}\" stroke=\"{border}\" stroke-width=\"1.5\"/><rect x=\"{l:.1}\" y=\"{t:.1}\" width=\"{:.1}\" height=\"{:.1}\" fill=\"{}\" stroke=\"{border}\" stroke-width=\"1.5\"/>{lines}</g>",
            a[0],
            a[1],
            b[0],
            b[1],
            r - l,
            btm - t,
            c.fill.hex(),
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::render::Highlight;

    fn selecting(i: Option<usize>) -> Highlight {
        Highlight {
            selected: i,
            ..Highlight::default()
        }
    }
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
            let pos = canon.place(ds, &g, req, &Default::default()).pos;
            let radius = layout::radii(&g);
            let picture = Picture {
                graph: &g,
                pos: &pos,
                radius: &radius,
                axis: &[],
                layout: layout::LayoutKind::Force,
                lean: None,
            };
            let svg = graph_svg(&picture, w, h, &Highlight::default(), &[]);
            let mut must: Vec<String> = crate::graph::facts::in_both(ds, ds.as_of)
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
        let ds = crate::test_support::dataset().clone();
        let g = build(&ds, &Filters::default());
        let mut sim = layout::force_simulation(&g);
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
            lean: None,
        };
        let svg = graph_svg(
            &picture,
            1200.0,
            800.0,
            &selecting(g.index_of("THA")),
            &footer,
        );
        assert!(svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"));
        // A story's spotlight and callouts are exported as they are shown.
        let story = Highlight {
            spotlight: [g.index_of("SEN").unwrap()].into(),
            notes: vec![crate::render::Callout {
                at: (g.index_of("SEN").unwrap(), None),
                text: "Both camps <2025>".into(),
            }],
            ..Highlight::default()
        };
        let marked = graph_svg(&picture, 1200.0, 800.0, &story, &footer);
        assert!(
            marked.contains("Both camps &lt;2025&gt;"),
            "the callout's text"
        );
        assert_eq!(
            marked.matches("<line").count(),
            svg.matches("<line").count() + 1,
            "its leader"
        );
        // A segment per edge; lines for the footer rule and each tie kind in the legend.
        let legend_lines = legend_entries(&g, None)
            .iter()
            .filter(|(m, _)| matches!(m, LegendMark::Line(..)))
            .count();
        let segments = svg
            .match_indices(" L")
            .filter(|(i, _)| svg[i + 2..].starts_with(|c: char| c.is_ascii_digit() || c == '-'))
            .count();
        assert_eq!(segments, g.edges.len());
        assert_eq!(svg.matches("<line").count(), 1 + legend_lines);
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
        let (pos, axis) = layout::alignment_layout(
            &g,
            &ds,
            layout::Order::Region,
            layout::Orientation::Landscape,
            &Default::default(),
        );
        let picture = Picture {
            pos: &pos,
            axis: &axis,
            ..picture
        };
        let svg = graph_svg(&picture, 1200.0, 800.0, &Highlight::default(), &footer);
        assert!(
            svg.contains(">Artemis Accords only</text>") && svg.contains(">In both camps</text>")
        );
        assert!(svg.contains(">Europe</text>"));
        // The legend names every alignment and tie kind drawn.
        for (_, label) in legend_entries(&g, None) {
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
        let svg = graph_svg(&map, 1200.0, 800.0, &selecting(tha), &footer);
        let ties = g
            .edges
            .iter()
            .filter(|e| layout::map_shows_edge(e, tha))
            .count();
        assert!(ties > 0);
        assert_eq!(svg.matches(" Q").count(), ties);
        assert!(svg.matches("<path d=\"M").count() > 150, "country outlines");
        assert_eq!(
            svg.matches("<line").count(),
            1 + legend_lines,
            "no straight edges on the map"
        );
    }
}
