//! Country outlines for the map layout: Natural Earth's 1:110m countries,
//! converted at build time from the npm package `world-atlas` into
//! `assets/data/world.txt` by `tools/world-gen.mjs` (see there for the
//! format), parsed here into the map's world units.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use crate::graph::facts::Alignment;
use crate::graph::{Graph, NodeKind};
use crate::layout::force::Point;
use crate::model::ActorKind;

/// World units per degree of longitude or latitude on the map layout
/// (equirectangular, north up).
pub const SCALE: f32 = 2.4;

/// A point of the map from a longitude and latitude in degrees.
pub fn project(lon: f32, lat: f32) -> Point {
    [lon * SCALE, -lat * SCALE]
}

/// One country's outline.
#[derive(Debug, Clone, PartialEq)]
pub struct Outline {
    /// ISO 3166-1 alpha-3, or `None` where Natural Earth has no ISO code.
    pub iso3: Option<String>,
    /// Closed rings in world units (the closing point is implied).
    pub rings: Vec<Vec<Point>>,
}

/// A malformed line of the outline file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct WorldError {
    /// 1-based line number in `world.txt`.
    pub line: usize,
    /// What is wrong with it.
    pub problem: &'static str,
}

impl std::fmt::Display for WorldError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "world.txt:{}: {}", self.line, self.problem)
    }
}

impl std::error::Error for WorldError {}

/// Parses the outline file; a malformed line is an error naming its line.
pub fn parse(text: &str) -> Result<Vec<Outline>, WorldError> {
    let bad = |n: usize, problem| WorldError {
        line: n + 1,
        problem,
    };
    let mut step = 0.0f32;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if let Some(rest) = line.strip_prefix("# step ") {
            step = rest.parse().map_err(|_| bad(n, "bad step"))?;
            continue;
        }
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        if step <= 0.0 {
            return Err(bad(n, "outline before '# step'"));
        }
        let (code, body) = line.split_once(' ').ok_or_else(|| bad(n, "no rings"))?;
        let mut rings = Vec::new();
        for ring in body.split(';') {
            let nums: Vec<i32> = ring
                .split_ascii_whitespace()
                .map(|t| t.parse::<i32>())
                .collect::<Result<_, _>>()
                .map_err(|_| bad(n, "not a whole number"))?;
            if nums.len() < 6 || !nums.len().is_multiple_of(2) {
                return Err(bad(n, "a ring needs three points or more"));
            }
            let (mut x, mut y) = (0, 0);
            let mut pts = Vec::with_capacity(nums.len() / 2);
            for (k, d) in nums.chunks_exact(2).enumerate() {
                if k == 0 {
                    (x, y) = (d[0], d[1]);
                } else {
                    (x, y) = (x + d[0], y + d[1]);
                }
                pts.push(project(x as f32 / step, y as f32 / step));
            }
            rings.push(pts);
        }
        out.push(Outline {
            iso3: (code != "~").then(|| code.to_string()),
            rings,
        });
    }
    Ok(out)
}

/// The outlines shown, once read (see [`outlines`]).
static WORLD: OnceLock<Vec<Outline>> = OnceLock::new();

/// Whether [`outlines`] reads the shipped file on first use: everywhere but
/// the app's split build, whose start module does not carry the file (issue
/// #18, "a lighter first load"): the browser fetches it with the Map layout
/// and hands it over with [`provide`]; and the bench page's module, which
/// draws no map.
const ON_FIRST_USE: bool = !cfg!(all(
    target_arch = "wasm32",
    any(feature = "split", feature = "bench-page")
));

/// The shipped outlines, parsed. The file is generated and checked in CI;
/// a broken one draws no world rather than failing the map.
pub fn shipped() -> Vec<Outline> {
    parse(include_str!("../../assets/data/world.txt")).unwrap_or_default()
}

/// The outlines: the shipped ones, parsed on first use; in the app's split
/// build none until [`provide`]d.
pub fn outlines() -> &'static [Outline] {
    if ON_FIRST_USE {
        WORLD.get_or_init(shipped)
    } else {
        WORLD.get().map_or(&[], Vec::as_slice)
    }
}

/// Whether [`outlines`] has the world to give.
pub fn ready() -> bool {
    ON_FIRST_USE || WORLD.get().is_some()
}

/// Hands over the outlines the split build fetched (the first ones stay).
pub fn provide(outlines: Vec<Outline>) {
    let _ = WORLD.set(outlines);
}

/// How each outline is filled in a view: the alignment of its country as
/// the graph shows it, or `None` for a country the view does not show.
pub fn fills<'a>(graph: &Graph, outlines: &'a [Outline]) -> Vec<(&'a Outline, Option<Alignment>)> {
    let shown: BTreeMap<&str, Alignment> = crate::sort::map_of(
        graph
            .nodes
            .iter()
            .filter(|n| n.kind == NodeKind::Actor(ActorKind::Country))
            .map(|n| (n.id.as_str(), n.alignment)),
    );
    outlines
        .iter()
        .map(|o| (o, o.iso3.as_deref().and_then(|c| shown.get(c).copied())))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Filters, build};

    /// Even-odd rule: is `p` inside any of the rings?
    fn inside(rings: &[Vec<Point>], p: Point) -> bool {
        let mut hit = false;
        for ring in rings {
            for (k, a) in ring.iter().enumerate() {
                let b = ring[(k + 1) % ring.len()];
                if (a[1] > p[1]) != (b[1] > p[1])
                    && p[0] < a[0] + (p[1] - a[1]) * (b[0] - a[0]) / (b[1] - a[1])
                {
                    hit = !hit;
                }
            }
        }
        hit
    }

    #[test]
    fn the_shipped_outlines_parse_and_sit_where_their_countries_are() {
        let world = outlines();
        assert!(world.len() > 150, "{} outlines", world.len());
        let ds = crate::test_support::dataset();
        let of = |iso: &str| {
            world
                .iter()
                .find(|o| o.iso3.as_deref() == Some(iso))
                .unwrap()
        };
        // Every country the data names that Natural Earth draws at 1:110m
        // contains its reference point (checked on large, compact ones).
        for iso in [
            "FRA", "BRA", "CHN", "USA", "NGA", "AUS", "THA", "SEN", "TUR",
        ] {
            let c = ds.country(iso).unwrap();
            assert!(
                inside(&of(iso).rings, project(c.lon as f32, c.lat as f32)),
                "{iso}'s centre is inside its outline"
            );
        }
        assert!(
            world
                .iter()
                .filter_map(|o| o.iso3.as_deref())
                .all(crate::dataset::looks_like_iso3)
        );
    }

    #[test]
    fn malformed_outlines_are_reported_with_their_line() {
        assert_eq!(parse("FRA 1 2 3 4 5 6").unwrap_err().line, 1);
        let e = parse("# step 4\nFRA 1 2 x 4 5 6").unwrap_err();
        assert_eq!(e.to_string(), "world.txt:2: not a whole number");
        let e = parse("# step 4\nFRA 1 2 3").unwrap_err();
        assert!(e.problem.contains("three points"), "{e}");
        let ok = parse("# step 2\nFRA 0 0 2 0 0 2\n~ 0 0 1 0 0 1").unwrap();
        assert_eq!(ok[0].rings[0][1], project(1.0, 0.0));
        assert_eq!(ok[1].iso3, None);
    }

    #[test]
    fn fills_follow_what_the_view_shows() {
        let ds = crate::test_support::dataset();
        let fill_in = |f: &Filters, iso: &str| {
            let g = build(ds, f);
            fills(&g, outlines())
                .into_iter()
                .find(|(o, _)| o.iso3.as_deref() == Some(iso))
                .unwrap()
                .1
        };
        let all = Filters::default();
        assert_eq!(fill_in(&all, "USA"), Some(Alignment::Artemis));
        assert_eq!(fill_in(&all, "CHN"), Some(Alignment::Ilrs));
        assert_eq!(fill_in(&all, "THA"), Some(Alignment::Both));
        let no_artemis = Filters {
            hidden_alignments: [Alignment::Artemis].into(),
            ..Filters::default()
        };
        assert_eq!(fill_in(&no_artemis, "THA"), Some(Alignment::Both));
        assert_eq!(
            fill_in(&no_artemis, "USA"),
            None,
            "not shown, so not filled"
        );
    }
}
