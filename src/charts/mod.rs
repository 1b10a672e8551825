//! Charts of the two lunar coalitions: member states over time, new members
//! per year and members by UN region.
//!
//! Every chart comes in three forms that read the same [`Filters`] and
//! "as of" date as the graph: pure series (unit-tested), an accessible
//! table plus a one-paragraph text description, and a drawing on any
//! plotters [`DrawingBackend`] (an HTML canvas in the app, SVG for export and
//! native tests). Nothing here touches a browser API.
//!
//! Counting rule: a *member state* is a country (ISO3 actor) with a `member`
//! row in the framework on or before the date — the rule of
//! [`facts::state_members`] — further narrowed, as in [`crate::graph::build`],
//! by the region filter, the hidden alignments (judged at the as-of date) and
//! `hide_unverified`. `hidden_kinds`, `hidden_partnerships` and `show_bodies`
//! concern graph nodes and edges and do not apply to state counts. Only the
//! Artemis Accords and ILRS are charted ([`CHARTED`]).
//!
//! Text: plotters is built without `ttf`/`ab_glyph`, so natively text sizes
//! are only estimated (a crude per-character width) and never rasterised.
//! SVG and canvas backends draw text themselves, so labels render; on wasm
//! plotters measures text through the DOM.

pub mod change;
pub mod compare;
pub mod lean;
pub mod lean_chart;
pub mod scaled;
pub mod table;

use std::collections::{BTreeMap, BTreeSet};

use std::ops::Range;

use plotters::coord::Shift;
use plotters::coord::ranged1d::{DefaultFormatting, KeyPointHint, Ranged};
use plotters::prelude::{
    ChartBuilder, Circle, Color, DrawingArea, DrawingBackend, IntoDrawingArea, IntoFont,
    LineSeries, PathElement, RGBAColor, RGBColor, Rectangle, SVGBackend, ShapeStyle, Text,
    TextStyle,
};
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::charts::scaled::{ScaledBackend, Surface};
use crate::graph::Filters;
use crate::graph::facts::{self, Alignment};
use crate::model::date::Date;
use crate::model::{Dataset, FrameworkId, Instrument, Level, Membership, Status};
use crate::render::palette::{self, Rgb};
use crate::view::url::EARLIEST;

/// The frameworks the charts compare, in legend order (APSCO is not charted).
pub const CHARTED: [FrameworkId; 2] = [FrameworkId::Artemis, FrameworkId::Ilrs];

/// Font family for every chart text.
pub const FONT: &str = "sans-serif";

/// Font size of tick labels, legends and annotations. Plotters' SVG backend
/// writes `size / 1.24` px and the canvas backend `size` px, so 15 stays
/// at or above 12 px on both.
pub const TEXT_SIZE: f64 = 15.0;

/// Outer margin of every chart, in pixels.
const MARGIN: u32 = 12;
/// Height of the x-axis label area (tick labels and axis title).
const X_LABEL_AREA: u32 = 48;
/// Width of the y-axis label area (tick labels and axis title).
const Y_LABEL_AREA: u32 = 64;

/// A table: a header row and data rows, all as display text.
pub type Table = (Vec<String>, Vec<Vec<String>>);

// ---------------------------------------------------------------------------
// Counting
// ---------------------------------------------------------------------------

/// The view's date: the filter's, or the dataset's own.
fn as_of(ds: &Dataset, filters: &Filters) -> Date {
    filters.as_of.unwrap_or(ds.as_of)
}

/// Charted frameworks not hidden by the filters.
fn visible(filters: &Filters) -> Vec<FrameworkId> {
    CHARTED
        .into_iter()
        .filter(|f| !filters.hidden_frameworks.contains(f))
        .collect()
}

/// Whether a country is in the view's focus, as in the graph: its region or
/// subregion is selected (when any is), and its alignment at `at` is shown.
pub(crate) fn in_scope(ds: &Dataset, filters: &Filters, iso3: &str, at: Date) -> bool {
    if !filters.in_regions(ds.country(iso3)) {
        return false;
    }
    filters.hidden_alignments.is_empty()
        || !filters
            .hidden_alignments
            .contains(&facts::alignment_where(ds, iso3, at, |m| {
                filters.shows(m.confidence)
            }))
}

/// Each country's first qualifying `member` row in a framework on or before
/// `at`, oldest first. `scoped` also applies the region and alignment
/// filters; unscoped lists describe the framework itself (its founders).
pub(crate) fn state_joins<'a>(
    ds: &'a Dataset,
    filters: &Filters,
    framework: FrameworkId,
    at: Date,
    scoped: bool,
) -> Vec<&'a Membership> {
    let mut rows = facts::first_state_joins(ds, framework, at, |m| filters.shows(m.confidence));
    if scoped {
        rows.retain(|m| in_scope(ds, filters, &m.actor, at));
    }
    rows
}

/// A country's (or another actor's) display name; its id if unknown.
pub(crate) fn name_of<'a>(ds: &'a Dataset, iso3: &'a str) -> &'a str {
    ds.country(iso3)
        .map(|c| c.name.as_str())
        .or_else(|| ds.actor(iso3).map(|a| a.name.as_str()))
        .unwrap_or(iso3)
}

// ---------------------------------------------------------------------------
// Members over time
// ---------------------------------------------------------------------------

/// The cumulative number of member states of one framework, as a stepped line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StepSeries {
    /// Which framework.
    pub framework: FrameworkId,
    /// `(date, count)` pairs, oldest first: a start point at
    /// [`EARLIEST`] (or the as-of date if earlier), one per date the count
    /// changes, and a final point at the as-of date. The count holds from a
    /// point's date until the next point's.
    pub points: Vec<(Date, usize)>,
}

/// Member states of the Artemis Accords and ILRS over time, from
/// October 2020 to the view's as-of date, following the filters (hidden
/// frameworks are left out).
pub fn members_over_time(ds: &Dataset, filters: &Filters) -> Vec<StepSeries> {
    let at = as_of(ds, filters);
    let start = EARLIEST.min(at);
    visible(filters)
        .into_iter()
        .map(|framework| {
            let joins = state_joins(ds, filters, framework, at, true);
            let mut n = joins.iter().filter(|m| m.date <= start).count();
            let mut points = vec![(start, n)];
            for m in joins.iter().filter(|m| m.date > start) {
                n += 1;
                match points.last_mut() {
                    Some(p) if p.0 == m.date => p.1 = n,
                    _ => points.push((m.date, n)),
                }
            }
            if points.last().is_some_and(|p| p.0 != at) {
                points.push((at, n));
            }
            StepSeries { framework, points }
        })
        .collect()
}

/// The value of each series at a date (the count under the pointer):
/// the last point on or before `date`, 0 before the first.
pub fn members_value_at(series: &[StepSeries], date: Date) -> Vec<(FrameworkId, usize)> {
    series
        .iter()
        .map(|s| {
            let v = s
                .points
                .iter()
                .take_while(|p| p.0 <= date)
                .last()
                .map_or(0, |p| p.1);
            (s.framework, v)
        })
        .collect()
}

/// A notable moment, found in the data, to mark on the members-over-time chart.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Annotation {
    /// When.
    pub date: Date,
    /// The framework line the marker sits on.
    pub framework: FrameworkId,
    /// Short label, e.g. "Thailand joins both camps".
    pub label: String,
}

/// Notable moments on or before the as-of date, oldest first:
/// - each visible framework's founding (its first date: "8 founding
///   signatories", or "China–Russia founding MoU" for up to three founders),
///   from the whole framework regardless of the region filter;
/// - later state-level agreement, ratification or entry-into-force rows of
///   a member state already in (Russia's ILRS steps);
/// - each in-scope country in both camps, on the day it joined its second.
pub fn annotations(ds: &Dataset, filters: &Filters) -> Vec<Annotation> {
    let at = as_of(ds, filters);
    let shown = visible(filters);
    let mut out = Vec::new();

    for &fw in &shown {
        let all = state_joins(ds, filters, fw, at, false);
        let Some(first) = all.first() else { continue };
        let founders: Vec<&&Membership> = all.iter().take_while(|m| m.date == first.date).collect();
        let label = if founders.len() > 3 {
            let who = if first.instrument == Instrument::Signature {
                "signatories"
            } else {
                "members"
            };
            format!("{} founding {who}", founders.len())
        } else {
            let names: Vec<&str> = founders.iter().map(|m| name_of(ds, &m.actor)).collect();
            format!("{} founding {}", names.join("–"), first.instrument.label())
        };
        out.push(Annotation {
            date: first.date,
            framework: fw,
            label,
        });

        // Later status changes of a state already in (e.g. Russia's
        // agreement, ratification and entry into force).
        for m in ds.memberships.iter().filter(|m| {
            m.framework == fw
                && m.status == Status::Member
                && m.level == Level::State
                && m.date <= at
                && filters.shows(m.confidence)
                && matches!(
                    m.instrument,
                    Instrument::Agreement | Instrument::Ratification | Instrument::EntryIntoForce
                )
        }) {
            let joined_before = all.iter().any(|j| j.actor == m.actor && j.date < m.date);
            if !joined_before || !in_scope(ds, filters, &m.actor, at) {
                continue;
            }
            let step = match m.instrument {
                Instrument::Agreement => "intergovernmental agreement",
                Instrument::Ratification => "ratification",
                _ => "agreement in force",
            };
            out.push(Annotation {
                date: m.date,
                framework: fw,
                label: format!("{}: {step}", name_of(ds, &m.actor)),
            });
        }
    }

    // Countries in both camps, dated by their second joining; several on
    // the same line within a season share one marker ("Serbia and Djibouti
    // join both camps"), so their labels do not pile up.
    let artemis = state_joins(ds, filters, FrameworkId::Artemis, at, true);
    let ilrs = state_joins(ds, filters, FrameworkId::Ilrs, at, true);
    let mut dual: Vec<(Date, FrameworkId, &str)> = Vec::new();
    for a in &artemis {
        let Some(i) = ilrs.iter().find(|i| i.actor == a.actor) else {
            continue;
        };
        let (date, fw) = if a.date > i.date {
            (a.date, FrameworkId::Artemis)
        } else {
            (i.date, FrameworkId::Ilrs)
        };
        if shown.contains(&fw) {
            dual.push((date, fw, name_of(ds, &a.actor)));
        }
    }
    crate::sort::sort_by(&mut dual, |a, b| (a.1, a.0).cmp(&(b.1, b.0)));
    let mut k = 0;
    while k < dual.len() {
        let (start, fw, _) = dual[k];
        let mut end = k + 1;
        while end < dual.len()
            && dual[end].1 == fw
            && dual[end].0.days_since_epoch() - start.days_since_epoch() <= 120
        {
            end += 1;
        }
        let names: Vec<&str> = dual[k..end].iter().map(|d| d.2).collect();
        let label = match names.as_slice() {
            [one] => format!("{one} joins both camps"),
            [init @ .., last] => format!("{} and {last} join both camps", init.join(", ")),
            [] => String::new(),
        };
        out.push(Annotation {
            date: dual[end - 1].0,
            framework: fw,
            label,
        });
        k = end;
    }

    crate::sort::sort_by(&mut out, |a, b| {
        (a.date, a.framework, &a.label).cmp(&(b.date, b.framework, &b.label))
    });
    out
}

/// The header names of the visible charted frameworks.
fn framework_headers(filters: &Filters) -> Vec<String> {
    visible(filters)
        .into_iter()
        .map(|f| f.label().to_string())
        .collect()
}

/// Members over time as a table: one row per date on which a count changes
/// or a notable moment falls, with the visible frameworks' counts and the
/// moments' labels ("Notable").
pub fn members_over_time_table(ds: &Dataset, filters: &Filters) -> Table {
    let series = members_over_time(ds, filters);
    let notes = annotations(ds, filters);
    let mut header = vec!["Date".to_string()];
    header.extend(framework_headers(filters));
    header.push("Notable".to_string());
    let dates: BTreeSet<Date> = crate::sort::set_of(
        series
            .iter()
            .flat_map(|s| s.points.iter().map(|p| p.0))
            .chain(notes.iter().map(|a| a.date)),
    );
    let rows = dates
        .into_iter()
        .map(|d| {
            let mut row = vec![d.human()];
            row.extend(
                members_value_at(&series, d)
                    .into_iter()
                    .map(|(_, n)| n.to_string()),
            );
            let labels: Vec<&str> = notes
                .iter()
                .filter(|a| a.date == d)
                .map(|a| a.label.as_str())
                .collect();
            row.push(labels.join("; "));
            row
        })
        .collect();
    (header, rows)
}

/// A sentence naming the filters that narrow the counts, or "".
fn scope_sentence(filters: &Filters) -> String {
    let mut parts = Vec::new();
    if !filters.regions.is_empty() {
        let r: Vec<&str> = filters.regions.iter().map(String::as_str).collect();
        parts.push(format!("only countries in {}", r.join(", ")));
    }
    if !filters.hidden_alignments.is_empty() {
        let a: Vec<&str> = filters
            .hidden_alignments
            .iter()
            .map(|a| a.label())
            .collect();
        parts.push(format!("without countries marked {}", a.join(", ")));
    }
    if filters.hide_unverified {
        parts.push("without unverified rows".to_string());
    }
    if parts.is_empty() {
        String::new()
    } else {
        format!(" Counting {}.", parts.join("; "))
    }
}

/// A one-paragraph text alternative for the members-over-time chart, e.g.
/// "Member states from 1 Oct 2020 to 25 Jun 2026. Artemis Accords grew from
/// 8 member states on 13 Oct 2020 to 67 by 25 Jun 2026; ILRS grew from 2 …".
pub fn members_over_time_description(ds: &Dataset, filters: &Filters) -> String {
    let at = as_of(ds, filters);
    let series = members_over_time(ds, filters);
    if series.is_empty() {
        return "No framework is shown: both the Artemis Accords and ILRS are hidden.".to_string();
    }
    let start = series[0].points[0].0;
    let parts: Vec<String> = series
        .iter()
        .map(|s| {
            let name = s.framework.label();
            let end = s.points.last().map_or(0, |p| p.1);
            match s.points.iter().find(|p| p.1 > 0) {
                None => format!("{name} had no member states in this view by {}", at.human()),
                Some(&(d, n)) if n == end => {
                    format!(
                        "{name} had {n} member states from {} to {}",
                        d.human(),
                        at.human()
                    )
                }
                Some(&(d, n)) => format!(
                    "{name} grew from {n} member states on {} to {end} by {}",
                    d.human(),
                    at.human()
                ),
            }
        })
        .collect();
    let notes: Vec<String> = annotations(ds, filters)
        .into_iter()
        .map(|a| format!("{} ({})", a.label, a.date.human()))
        .collect();
    let mut text = format!(
        "Member states from {} to {}. {}.{}",
        start.human(),
        at.human(),
        parts.join("; "),
        scope_sentence(filters)
    );
    if !notes.is_empty() {
        text.push_str(&format!(" Notable moments: {}.", notes.join("; ")));
    }
    text
}

// ---------------------------------------------------------------------------
// New members per year
// ---------------------------------------------------------------------------

/// New member states per calendar year `(year, artemis, ilrs)`, every year
/// from 2020 (or the first joining, if earlier) to the as-of year. A hidden
/// framework counts 0. Each column sums to the final count of
/// [`members_over_time`].
pub fn new_members_per_year(ds: &Dataset, filters: &Filters) -> Vec<(i32, usize, usize)> {
    let at = as_of(ds, filters);
    let mut per_year: BTreeMap<i32, (usize, usize)> = BTreeMap::new();
    let mut first_year = EARLIEST.year.min(at.year);
    for fw in visible(filters) {
        for m in state_joins(ds, filters, fw, at, true) {
            first_year = first_year.min(m.date.year);
            let e = per_year.entry(m.date.year).or_default();
            match fw {
                FrameworkId::Artemis => e.0 += 1,
                _ => e.1 += 1,
            }
        }
    }
    (first_year..=at.year)
        .map(|y| {
            let (a, i) = per_year.get(&y).copied().unwrap_or_default();
            (y, a, i)
        })
        .collect()
}

/// The counts of the visible frameworks from an `(artemis, ilrs)` pair.
fn visible_counts(filters: &Filters, artemis: usize, ilrs: usize) -> Vec<usize> {
    visible(filters)
        .into_iter()
        .map(|f| match f {
            FrameworkId::Artemis => artemis,
            _ => ilrs,
        })
        .collect()
}

/// New members per year as a table: Year, then one column per visible framework.
pub fn new_per_year_table(ds: &Dataset, filters: &Filters) -> Table {
    let mut header = vec!["Year".to_string()];
    header.extend(framework_headers(filters));
    let rows = new_members_per_year(ds, filters)
        .into_iter()
        .map(|(y, a, i)| {
            let mut row = vec![y.to_string()];
            row.extend(visible_counts(filters, a, i).iter().map(usize::to_string));
            row
        })
        .collect();
    (header, rows)
}

/// A one-paragraph text alternative for the new-members-per-year chart:
/// the years covered, each framework's total and its busiest year.
pub fn new_per_year_description(ds: &Dataset, filters: &Filters) -> String {
    let at = as_of(ds, filters);
    let rows = new_members_per_year(ds, filters);
    let (Some(first), Some(last)) = (rows.first(), rows.last()) else {
        return "No years to show.".to_string();
    };
    let shown = visible(filters);
    if shown.is_empty() {
        return "No framework is shown: both the Artemis Accords and ILRS are hidden.".to_string();
    }
    let parts: Vec<String> = shown
        .iter()
        .map(|&fw| {
            let pick = |r: &(i32, usize, usize)| match fw {
                FrameworkId::Artemis => r.1,
                _ => r.2,
            };
            let total: usize = rows.iter().map(pick).sum();
            // Busiest year; the earliest wins a tie.
            let peak = rows
                .iter()
                .fold(None::<(i32, usize)>, |best, r| match best {
                    Some((_, n)) if n >= pick(r) => best,
                    _ => Some((r.0, pick(r))),
                });
            match peak {
                Some((y, n)) if n > 0 => format!(
                    "{} gained {total} member states in all, most in {y} ({n})",
                    fw.label()
                ),
                _ => format!("{} gained no member states", fw.label()),
            }
        })
        .collect();
    format!(
        "New member states per year, {} to {} (up to {}). {}.{}",
        first.0,
        last.0,
        at.human(),
        parts.join("; "),
        scope_sentence(filters)
    )
}

// ---------------------------------------------------------------------------
// Members by region
// ---------------------------------------------------------------------------

/// The segments of the by-region chart: with both frameworks shown, the
/// three camps (so each country counts once and a stack is the number of
/// member states); with one hidden, the other framework's members.
pub fn region_segments(filters: &Filters) -> Vec<Segment> {
    let shown = visible(filters);
    if shown.len() == CHARTED.len() {
        vec![
            Segment::Camp(Alignment::Artemis),
            Segment::Camp(Alignment::Both),
            Segment::Camp(Alignment::Ilrs),
        ]
    } else {
        shown.into_iter().map(Segment::Framework).collect()
    }
}

/// Member states at the as-of date by UN region, one count per
/// [`region_segments`] entry, regions in alphabetical order.
pub fn members_by_region(ds: &Dataset, filters: &Filters) -> Vec<(String, Vec<usize>)> {
    let at = as_of(ds, filters);
    let segments = region_segments(filters);
    let mut camps: BTreeMap<&str, (bool, bool)> = BTreeMap::new();
    for fw in visible(filters) {
        for m in state_joins(ds, filters, fw, at, true) {
            let e = camps.entry(m.actor.as_str()).or_default();
            match fw {
                FrameworkId::Artemis => e.0 = true,
                _ => e.1 = true,
            }
        }
    }
    let mut by: BTreeMap<String, Vec<usize>> = BTreeMap::new();
    for (iso3, (artemis, ilrs)) in camps {
        let region = ds
            .country(iso3)
            .map(|c| c.region.as_str())
            .filter(|r| !r.is_empty())
            .unwrap_or("Other");
        let counts = by
            .entry(region.to_string())
            .or_insert_with(|| vec![0; segments.len()]);
        for (k, seg) in segments.iter().enumerate() {
            let counted = match seg {
                Segment::Camp(Alignment::Artemis) => artemis && !ilrs,
                Segment::Camp(Alignment::Both) => artemis && ilrs,
                Segment::Camp(Alignment::Ilrs) => ilrs && !artemis,
                Segment::Camp(Alignment::Neither) => false,
                Segment::Framework(FrameworkId::Artemis) => artemis,
                Segment::Framework(_) => ilrs,
            };
            counts[k] += usize::from(counted);
        }
    }
    by.into_iter().collect()
}

/// Members by region as a table: Region, one column per segment, and the
/// number of member states when the segments are camps.
pub fn by_region_table(ds: &Dataset, filters: &Filters) -> Table {
    let segments = region_segments(filters);
    let total = segments.len() > 1;
    let mut header = vec!["Region".to_string()];
    header.extend(segments.iter().map(|s| s.label().to_string()));
    if total {
        header.push("Member states".to_string());
    }
    let rows = members_by_region(ds, filters)
        .into_iter()
        .map(|(r, counts)| {
            let mut row = vec![r];
            row.extend(counts.iter().map(usize::to_string));
            if total {
                row.push(counts.iter().sum::<usize>().to_string());
            }
            row
        })
        .collect();
    (header, rows)
}

/// A one-paragraph text alternative for the by-region chart, listing each
/// region's counts: "Member states by UN region on 25 Jun 2026: Africa 15
/// (7 Artemis Accords only, 2 In both camps, 6 ILRS only); …".
pub fn by_region_description(ds: &Dataset, filters: &Filters) -> String {
    let at = as_of(ds, filters);
    let shown = visible(filters);
    if shown.is_empty() {
        return "No framework is shown: both the Artemis Accords and ILRS are hidden.".to_string();
    }
    let rows = members_by_region(ds, filters);
    if rows.is_empty() {
        return format!(
            "No member states in this view on {}.{}",
            at.human(),
            scope_sentence(filters)
        );
    }
    let segments = region_segments(filters);
    let parts: Vec<String> = rows
        .iter()
        .map(|(r, counts)| {
            let each: Vec<String> = segments
                .iter()
                .zip(counts)
                .map(|(s, n)| match s {
                    // Mid-sentence: "2 in both camps".
                    Segment::Camp(Alignment::Both) => format!("{n} in both camps"),
                    s => format!("{n} {}", s.label()),
                })
                .collect();
            if segments.len() > 1 {
                let all: usize = counts.iter().sum();
                format!("{r} {all} ({})", each.join(", "))
            } else {
                format!("{r} {}", each.join(", "))
            }
        })
        .collect();
    format!(
        "Member states by UN region on {}: {}.{}",
        at.human(),
        parts.join("; "),
        scope_sentence(filters)
    )
}

// ---------------------------------------------------------------------------
// Geometry shared by drawing and hit-testing
// ---------------------------------------------------------------------------

/// The plotting rectangle (inside the axes) of every chart drawn here, in
/// pixels relative to the top-left of the drawing area that was passed in.
/// `right` and `bottom` are exclusive, as in plotters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlotArea {
    /// Left edge (x of the y axis).
    pub left: i32,
    /// Top edge.
    pub top: i32,
    /// Right edge.
    pub right: i32,
    /// Bottom edge (y of the x axis).
    pub bottom: i32,
}

/// The plotting rectangle of a chart drawn on a `width` × `height` area:
/// fixed margins and label areas, no caption.
pub fn plot_area(width: u32, height: u32) -> PlotArea {
    let (w, h) = (width as i32, height as i32);
    PlotArea {
        left: (MARGIN + Y_LABEL_AREA) as i32,
        top: MARGIN as i32,
        right: (w - MARGIN as i32).max((MARGIN + Y_LABEL_AREA) as i32),
        bottom: (h - (MARGIN + X_LABEL_AREA) as i32).max(MARGIN as i32),
    }
}

/// The category (bar group) under pixel column `x` of a bar chart with `n`
/// categories drawn on a `width` × `height` area, or `None` outside the plot.
pub fn bar_category_at(n: usize, width: u32, height: u32, x: f64) -> Option<usize> {
    let a = plot_area(width, height);
    if n == 0 || x < f64::from(a.left) || x >= f64::from(a.right) {
        return None;
    }
    let t = (x - f64::from(a.left)) / f64::from(a.right - a.left);
    Some(((t * n as f64).floor() as usize).min(n - 1))
}

/// Days since 1970-01-01 to a calendar date (Howard Hinnant's civil_from_days).
fn date_from_days(z: i64) -> Date {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    Date::ymd(year as i32, month as u8, day as u8)
}

/// The time axis of the members-over-time chart: x is days since
/// 1970-01-01 (a partial date sits on the first day of its period), from
/// `first` to a little past `last` so the final step and the as-of marker
/// stay visible.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct TimeAxis {
    /// The first date shown (October 2020, or the as-of date if earlier).
    pub first: Date,
    /// The as-of date.
    pub last: Date,
    /// Data value (days) at the left edge.
    pub lo: f64,
    /// Data value (days) at the right edge.
    pub hi: f64,
    /// Left edge of the plot, pixels.
    pub left: i32,
    /// Right edge of the plot (exclusive), pixels.
    pub right: i32,
}

impl TimeAxis {
    /// The axis of [`draw_members_over_time`] drawn on a `width` × `height`
    /// area with these filters.
    pub fn members_chart(ds: &Dataset, filters: &Filters, width: u32, height: u32) -> TimeAxis {
        let last = as_of(ds, filters);
        let first = EARLIEST.min(last);
        let lo = first.days_since_epoch() as f64;
        let end = last.days_since_epoch() as f64;
        // Room on the right for the final step and the as-of marker.
        let hi = end + ((end - lo) * 0.02).max(10.0);
        let area = plot_area(width, height);
        TimeAxis {
            first,
            last,
            lo,
            hi,
            left: area.left,
            right: area.right,
        }
    }

    /// The pixel column of a date, the same mapping plotters uses.
    pub fn x_of(&self, date: Date) -> i32 {
        let t = (date.days_since_epoch() as f64 - self.lo) / (self.hi - self.lo);
        self.left + (f64::from(self.right - self.left) * t + 1e-3).floor() as i32
    }

    /// The date under pixel column `x` (relative to the drawing area's left
    /// edge, in the backend's pixels: CSS pixels times the device pixel ratio
    /// if the canvas was scaled so). `None` outside the plot; dates past
    /// the as-of date (the right-hand padding) clamp to it.
    pub fn date_at(&self, x: f64) -> Option<Date> {
        if self.right <= self.left || x < f64::from(self.left) || x > f64::from(self.right) {
            return None;
        }
        let t = (x - f64::from(self.left)) / f64::from(self.right - self.left);
        let days = (self.lo + t * (self.hi - self.lo)).floor() as i64;
        Some(date_from_days(days).clamp(self.first, self.last))
    }
}

// ---------------------------------------------------------------------------
// Drawing
// ---------------------------------------------------------------------------

/// Colours of one theme.
struct Theme {
    bg: RGBColor,
    fg: RGBColor,
    grid: RGBAColor,
}

fn rgb(c: Rgb) -> RGBColor {
    RGBColor(c.0, c.1, c.2)
}

fn theme(dark: bool) -> Theme {
    // Text colours well above 4.5:1 on the palette's backgrounds.
    let (bg, fg) = if dark {
        (palette::BG_DARK, Rgb(0xe5, 0xe7, 0xeb))
    } else {
        (palette::BG_LIGHT, Rgb(0x1f, 0x29, 0x37))
    };
    Theme {
        bg: rgb(bg),
        fg: rgb(fg),
        grid: rgb(fg).mix(0.15),
    }
}

/// A framework's line and bar colour: the palette's alignment colour.
fn framework_colour(f: FrameworkId, dark: bool) -> RGBColor {
    let a = match f {
        FrameworkId::Artemis => Alignment::Artemis,
        FrameworkId::Ilrs => Alignment::Ilrs,
        FrameworkId::Apsco => Alignment::Neither,
    };
    rgb(palette::alignment(a, dark))
}

/// A coloured series of a bar chart or a legend entry: a framework's
/// members, or one camp (so that a country in both camps is counted once).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Segment {
    /// Members of a framework.
    Framework(FrameworkId),
    /// Countries in one camp: Artemis only, both, or ILRS only.
    Camp(Alignment),
}

impl Segment {
    /// Legend and table label.
    pub fn label(self) -> &'static str {
        match self {
            Segment::Framework(f) => f.label(),
            Segment::Camp(Alignment::Artemis) => "Artemis Accords only",
            Segment::Camp(Alignment::Both) => "In both camps",
            Segment::Camp(Alignment::Ilrs) => "ILRS only",
            Segment::Camp(Alignment::Neither) => "Neither",
        }
    }

    fn colour(self, dark: bool) -> RGBColor {
        match self {
            Segment::Framework(f) => framework_colour(f, dark),
            Segment::Camp(a) => rgb(palette::alignment(a, dark)),
        }
    }
}

fn font(colour: RGBColor) -> TextStyle<'static> {
    (FONT, TEXT_SIZE).into_font().color(&colour)
}

/// Why a chart, or its picture for download, could not be made. Shown to
/// the reader over the chart, which points to its data table instead.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ChartError {
    /// The drawing failed, in the backend's words.
    Draw(String),
    /// The browser gave no canvas (or no 2D context) to draw on.
    NoCanvas,
    /// The browser could not encode the picture as PNG.
    Encode,
    /// The file could not be handed to the browser.
    Download,
}

impl std::fmt::Display for ChartError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            ChartError::Draw(m) => write!(f, "drawing failed: {m}"),
            ChartError::NoCanvas => f.write_str("the browser gave no canvas to draw on"),
            ChartError::Encode => f.write_str("the browser could not encode the PNG"),
            ChartError::Download => f.write_str("the browser would not start the download"),
        }
    }
}

fn err<E: std::fmt::Display>(e: E) -> ChartError {
    ChartError::Draw(e.to_string())
}

/// A rough text width in pixels: plotters has no font metrics natively, and
/// this only steers label placement.
/// Estimated width of a label at the charts' text size: the shared
/// estimator, with a little room, since a label wider than estimated would
/// run into its neighbour.
fn text_width(s: &str) -> i32 {
    (f64::from(crate::charts::scaled::estimate_text(s, TEXT_SIZE).0) * 1.08).ceil() as i32
}

/// A pixel box `(x0, y0, x1, y1)`.
type PxBox = (i32, i32, i32, i32);

fn overlaps(a: PxBox, b: PxBox) -> bool {
    a.0 < b.2 && b.0 < a.2 && a.1 < b.3 && b.1 < a.3
}

/// The horizontal tick positions (days): 1 January of each year in range,
/// or the two ends when fewer than two new years fall inside.
fn year_ticks(axis: &TimeAxis) -> Vec<f64> {
    let ticks: Vec<f64> = (axis.first.year..=axis.last.year + 1)
        .map(|y| Date::ymd(y, 1, 1).days_since_epoch() as f64)
        .filter(|d| (axis.lo..=axis.hi).contains(d))
        .collect();
    if ticks.len() >= 2 {
        ticks
    } else {
        vec![axis.lo, axis.last.days_since_epoch() as f64]
    }
}

/// A tick label: the year at 1 January, otherwise "Oct 2020".
fn tick_label(days: f64) -> String {
    let d = date_from_days(days.round() as i64);
    if d.month == 1 && d.day == 1 {
        d.year.to_string()
    } else {
        Date { day: 0, ..d }.human()
    }
}

/// An f64 axis with explicit tick positions. (plotters' `with_key_points`
/// over f64 has no value formatter, so `configure_mesh` refuses it.)
struct Ticked {
    lo: f64,
    hi: f64,
    ticks: Vec<f64>,
}

impl Ranged for Ticked {
    type FormatOption = DefaultFormatting;
    type ValueType = f64;

    // The same mapping as plotters' own f64 axis, so `TimeAxis` agrees with it.
    fn map(&self, v: &f64, limit: (i32, i32)) -> i32 {
        let span = self.hi - self.lo;
        if span <= 0.0 {
            return (limit.1 - limit.0) / 2;
        }
        let t = (v - self.lo) / span;
        let len = limit.1 - limit.0;
        if len >= 0 {
            limit.0 + (f64::from(len) * t + 1e-3).floor() as i32
        } else {
            limit.0 + (f64::from(len) * t - 1e-3).ceil() as i32
        }
    }

    fn key_points<Hint: KeyPointHint>(&self, hint: Hint) -> Vec<f64> {
        if hint.weight().allow_light_points() {
            Vec::new()
        } else {
            self.ticks.clone()
        }
    }

    fn range(&self) -> Range<f64> {
        self.lo..self.hi
    }
}

/// Draws "nothing to show" in the middle of an area.
fn draw_message<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    th: &Theme,
    message: &str,
) -> Result<(), ChartError> {
    let (w, h) = root.dim_in_pixel();
    root.draw(&Text::new(
        message.to_string(),
        (w as i32 / 2, h as i32 / 2),
        font(th.fg).pos(Pos::new(HPos::Center, VPos::Center)),
    ))
    .map_err(err)
}

/// Draws the cumulative member states of each visible framework as stepped
/// lines against time, with a vertical marker at the as-of date, a circle
/// and short label for each of [`annotations`], and a legend. The plot
/// occupies [`plot_area`]; [`TimeAxis::members_chart`] maps its pixels to
/// dates for tooltips.
pub fn draw_members_over_time<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    filters: &Filters,
    dark: bool,
) -> Result<(), ChartError> {
    draw_members_over_time_in(root, ds, filters, None, dark)
}

/// [`draw_members_over_time`] with a change view's window shaded: from
/// `from` (exclusive) to the as-of date, a band in the change marks' colour,
/// labelled with its start.
pub fn draw_members_over_time_in<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    filters: &Filters,
    from: Option<Date>,
    dark: bool,
) -> Result<(), ChartError> {
    let th = theme(dark);
    root.fill(&th.bg).map_err(err)?;
    let series = members_over_time(ds, filters);
    if series.is_empty() {
        return draw_message(root, &th, "No framework shown");
    }
    let notes = annotations(ds, filters);
    let (w, h) = root.dim_in_pixel();
    let axis = TimeAxis::members_chart(ds, filters, w, h);
    let top = series
        .iter()
        .filter_map(|s| s.points.last().map(|p| p.1))
        .max()
        .unwrap_or(0);
    // Headroom above the highest line for the legend and labels.
    let y_max = ((top as f64 * 1.3).ceil() as i32 + 3).max(5);
    let days = |d: Date| d.days_since_epoch() as f64;

    let mut chart = ChartBuilder::on(root)
        .margin(MARGIN)
        .x_label_area_size(X_LABEL_AREA)
        .y_label_area_size(Y_LABEL_AREA)
        .build_cartesian_2d(
            Ticked {
                lo: axis.lo,
                hi: axis.hi,
                ticks: year_ticks(&axis),
            },
            0..y_max,
        )
        .map_err(err)?;
    debug_assert_eq!(
        {
            let (x, y) = chart.plotting_area().get_pixel_range();
            let b = root.get_base_pixel();
            (x.start - b.0, y.start - b.1, x.end - b.0, y.end - b.1)
        },
        {
            let a = plot_area(w, h);
            (a.left, a.top, a.right, a.bottom)
        },
        "plot_area() must match the layout plotters computes"
    );
    chart
        .configure_mesh()
        .x_label_formatter(&|v| tick_label(*v))
        .y_labels(6)
        .x_desc("Date")
        .y_desc("Member states")
        .label_style(font(th.fg))
        .axis_desc_style(font(th.fg))
        .axis_style(th.fg)
        .bold_line_style(th.grid)
        .light_line_style(th.bg.mix(0.0))
        .draw()
        .map_err(err)?;

    // The compared window, under the lines.
    let from = from.filter(|f| *f < axis.last).map(|f| f.max(axis.first));
    if let Some(f) = from {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(days(f), 0), (days(axis.last), y_max)],
                rgb(palette::change(dark)).mix(0.14).filled(),
            )))
            .map_err(err)?;
        chart
            .draw_series(std::iter::once(PathElement::new(
                vec![(days(f), 0), (days(f), y_max)],
                ShapeStyle::from(rgb(palette::change(dark))).stroke_width(1),
            )))
            .map_err(err)?;
    }

    // Horizontal then vertical: the count holds until the next change.
    let paths: Vec<Vec<(f64, i32)>> = series
        .iter()
        .map(|s| {
            let mut path = Vec::with_capacity(s.points.len() * 2);
            for (i, &(d, n)) in s.points.iter().enumerate() {
                if i > 0 {
                    path.push((days(d), s.points[i - 1].1 as i32));
                }
                path.push((days(d), n as i32));
            }
            path
        })
        .collect();
    for (s, path) in series.iter().zip(&paths) {
        let style = framework_colour(s.framework, dark).stroke_width(3);
        chart
            .draw_series(LineSeries::new(path.iter().copied(), style))
            .map_err(err)?;
    }

    // Vertical marker at the as-of date.
    let at = axis.last;
    chart
        .draw_series(std::iter::once(PathElement::new(
            vec![(days(at), 0), (days(at), y_max)],
            ShapeStyle::from(th.fg.mix(0.6)).stroke_width(1),
        )))
        .map_err(err)?;

    let entries: Vec<(Segment, bool)> = series
        .iter()
        .map(|s| (Segment::Framework(s.framework), true))
        .collect();
    draw_legend(
        &chart.plotting_area().strip_coord_spec(),
        &entries,
        false,
        dark,
    )?;

    // Pixel-level labels go on the plot area without its data coordinates.
    let plot = chart.plotting_area().strip_coord_spec();
    let base = chart.plotting_area().get_base_pixel();
    let (pw, ph) = plot.dim_in_pixel();
    let (pw, ph) = (pw as i32, ph as i32);
    let to_px = |x: f64, y: i32| {
        let (ax, ay) = chart.backend_coord(&(x, y));
        (ax - base.0, ay - base.1)
    };
    let line_h = TEXT_SIZE as i32 + 2;

    // Boxes labels must avoid: the legend (upper left) and the as-of label.
    let widest = series
        .iter()
        .map(|s| text_width(s.framework.label()))
        .max()
        .unwrap_or(0);
    let mut taken: Vec<PxBox> = vec![(0, 0, widest + 60, 16 + series.len() as i32 * (line_h + 6))];
    let as_of_label = format!("as of {}", at.human());
    let (mx, _) = to_px(days(at), y_max);
    let aw = text_width(&as_of_label);
    // Left of the marker when it fits, else right of it.
    let (ax0, ax, anchor) = if mx - 4 - aw >= 0 {
        (mx - 4 - aw, mx - 4, HPos::Right)
    } else {
        (mx + 4, mx + 4, HPos::Left)
    };
    plot.draw(&Text::new(
        as_of_label,
        (ax, 4),
        font(th.fg).pos(Pos::new(anchor, VPos::Top)),
    ))
    .map_err(err)?;
    taken.push((ax0, 0, ax0 + aw, 4 + line_h));
    // The window's start, on the row below the as-of label (below the
    // legend when the band starts under it).
    if let Some(f) = from {
        let text = format!("after {}", f.human());
        let (fx, _) = to_px(days(f), y_max);
        let tw = text_width(&text);
        let y = if fx < taken[0].2 {
            taken[0].3 + 4
        } else {
            8 + line_h
        };
        let (x0, x, anchor) = if fx + 4 + tw <= pw {
            (fx + 4, fx + 4, HPos::Left)
        } else {
            (fx - 4 - tw, fx - 4, HPos::Right)
        };
        plot.draw(&Text::new(
            text,
            (x, y),
            font(th.fg).pos(Pos::new(anchor, VPos::Top)),
        ))
        .map_err(err)?;
        taken.push((x0, y, x0 + tw, y + line_h));
    }

    // The lines and markers are obstacles too.
    for path in &paths {
        for w in path.windows(2) {
            let (a, b) = (to_px(w[0].0, w[0].1), to_px(w[1].0, w[1].1));
            taken.push((
                a.0.min(b.0) - 2,
                a.1.min(b.1) - 2,
                a.0.max(b.0) + 2,
                a.1.max(b.1) + 2,
            ));
        }
    }
    let markers: Vec<(&Annotation, (i32, i32))> = notes
        .iter()
        .filter_map(|note| {
            let s = series.iter().find(|s| s.framework == note.framework)?;
            let value = members_value_at(std::slice::from_ref(s), note.date)[0].1;
            Some((note, to_px(days(note.date), value as i32)))
        })
        .collect();
    taken.extend(
        markers
            .iter()
            .map(|(_, (x, y))| (x - 6, y - 6, x + 6, y + 6)),
    );

    for (note, (px, py)) in markers {
        let colour = framework_colour(note.framework, dark);
        let label = place_label((px, py), text_width(&note.label), line_h, (pw, ph), &taken);
        plot.draw(&Circle::new((px, py), 6, th.bg.filled()))
            .map_err(err)?;
        plot.draw(&Circle::new((px, py), 4, colour.filled()))
            .map_err(err)?;
        let Some(label) = label else { continue };
        taken.push(label.bounds);
        let (tx, h_anchor) = if label.right {
            (label.bounds.0, HPos::Left)
        } else {
            (label.bounds.2, HPos::Right)
        };
        // A thin leader from the point to a label moved off it.
        if (label.baseline - py).abs() > 12 {
            plot.draw(&PathElement::new(
                vec![(px, py), (tx, label.baseline)],
                ShapeStyle::from(colour.mix(0.6)).stroke_width(1),
            ))
            .map_err(err)?;
        }
        plot.draw(&Text::new(
            note.label.clone(),
            (tx, label.baseline),
            font(th.fg).pos(Pos::new(h_anchor, VPos::Bottom)),
        ))
        .map_err(err)?;
    }
    Ok(())
}

/// Where an annotation label goes, in plot pixels.
struct Placed {
    /// Text baseline y.
    baseline: i32,
    /// Estimated text box.
    bounds: PxBox,
    /// True when the text starts right of the point (else ends left of it).
    right: bool,
}

/// Places a label of width `tw` near the point `p` in a plot of `size`:
/// the nearest free lane above the point (then below), right of the point
/// when it fits, else left, else slid inside the plot; `None` when nothing
/// is free (the marker stays, the label gives way: the description and the
/// data table name every moment).
fn place_label(
    p: (i32, i32),
    tw: i32,
    line_h: i32,
    size: (i32, i32),
    taken: &[PxBox],
) -> Option<Placed> {
    let (px, py) = p;
    let fits_right = px + 8 + tw <= size.0;
    let fits_left = px - 8 - tw >= 0;
    let sides: Vec<bool> = match (fits_right, fits_left) {
        (true, true) => vec![true, false],
        (false, true) => vec![false],
        _ => vec![true],
    };
    // Neither side has room: start the text where it ends at the plot's edge.
    let slide = (!fits_right && !fits_left).then(|| (size.0 - tw).clamp(0, px.max(0)));
    let step = line_h + 2;
    let above = (0..14).map(|lane| py - 10 - lane * step);
    let below = (0..4).map(|lane| py + 10 + line_h + lane * step);
    let make = |baseline: i32, right: bool| {
        let x0 = match slide {
            Some(x) => x,
            None if right => px + 8,
            None => px - 8 - tw,
        };
        Placed {
            baseline,
            bounds: (x0, baseline - line_h, x0 + tw, baseline),
            right,
        }
    };
    for baseline in above.chain(below) {
        for &right in &sides {
            let c = make(baseline, right);
            let b = c.bounds;
            if b.1 >= 0 && b.3 <= size.1 && !taken.iter().any(|t| overlaps(*t, b)) {
                return Some(c);
            }
        }
    }
    None
}

/// Grouped vertical bars: one group per category, one bar per framework,
/// the value printed above each bar that is wide enough.
#[allow(clippy::too_many_arguments)]
fn draw_grouped_bars<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    categories: &[String],
    values: &[Vec<usize>],
    frameworks: &[Segment],
    x_desc: &str,
    y_desc: &str,
    dark: bool,
    empty: &str,
    stacked: bool,
    band: Option<(usize, usize)>,
) -> Result<(), ChartError> {
    let th = theme(dark);
    root.fill(&th.bg).map_err(err)?;
    if categories.is_empty() || frameworks.is_empty() {
        return draw_message(root, &th, empty);
    }
    let n = categories.len();
    let top = if stacked {
        values
            .iter()
            .map(|v| v.iter().sum::<usize>())
            .max()
            .unwrap_or(0)
    } else {
        values.iter().flatten().copied().max().unwrap_or(0)
    };
    // Headroom: the legend box (top right) must clear the tallest bar and
    // its total, whatever the chart's height.
    let (w_px, h_px) = root.dim_in_pixel();
    let plot = plot_area(w_px, h_px);
    let plot_h = f64::from((plot.bottom - plot.top).max(1));
    let legend_h = f64::from(6 + (TEXT_SIZE as i32 + 6) * frameworks.len() as i32 + 2) + 26.0;
    let room = (1.0 - legend_h / plot_h).max(0.3);
    let y_max = ((top as f64 * 1.25).ceil() as i32 + 2)
        .max((top as f64 / room).ceil() as i32 + 1)
        .max(5);
    let ticks: Vec<f64> = (0..n).map(|i| i as f64).collect();
    // Narrow charts: category labels shrink rather than run together.
    let slot = f64::from(plot.right - plot.left) / n.max(1) as f64;
    let widest = categories
        .iter()
        .map(|c| f64::from(crate::charts::scaled::estimate_text(c, TEXT_SIZE).0))
        .fold(0.0, f64::max);
    let x_size = if widest > slot * 0.9 {
        (TEXT_SIZE * slot * 0.9 / widest).max(8.0)
    } else {
        TEXT_SIZE
    };
    let mut chart = ChartBuilder::on(root)
        .margin(MARGIN)
        .x_label_area_size(X_LABEL_AREA)
        .y_label_area_size(Y_LABEL_AREA)
        .build_cartesian_2d(
            Ticked {
                lo: -0.5,
                hi: n as f64 - 0.5,
                ticks,
            },
            0..y_max,
        )
        .map_err(err)?;
    let label = |v: &f64| {
        let i = v.round();
        if i >= 0.0 && (i as usize) < n {
            categories[i as usize].clone()
        } else {
            String::new()
        }
    };
    chart
        .configure_mesh()
        .disable_x_mesh()
        .x_label_formatter(&label)
        .y_labels(6)
        .x_desc(x_desc)
        .y_desc(y_desc)
        .label_style(font(th.fg))
        .x_label_style((FONT, x_size).into_font().color(&th.fg))
        .axis_desc_style(font(th.fg))
        .axis_style(th.fg)
        .bold_line_style(th.grid)
        .light_line_style(th.bg.mix(0.0))
        .draw()
        .map_err(err)?;

    // Categories in a change view's window, shaded behind their bars.
    if let Some((a, b)) = band.filter(|&(a, b)| a <= b && b < n) {
        chart
            .draw_series(std::iter::once(Rectangle::new(
                [(a as f64 - 0.5, 0), (b as f64 + 0.5, y_max)],
                rgb(palette::change(dark)).mix(0.14).filled(),
            )))
            .map_err(err)?;
    }
    let k = frameworks.len() as f64;
    // Stacked: one bar per category, segments in framework order.
    let bar = if stacked { 0.7 } else { 0.8 / k };
    for (fi, &fw) in frameworks.iter().enumerate() {
        let colour = fw.colour(dark);
        let bars = values.iter().enumerate().map(move |(ci, v)| {
            if stacked {
                let below: usize = v[..fi].iter().sum();
                let x0 = ci as f64 - 0.35;
                Rectangle::new(
                    [(x0, below as i32), (x0 + bar, (below + v[fi]) as i32)],
                    colour.filled(),
                )
            } else {
                let x0 = ci as f64 - 0.4 + fi as f64 * bar;
                Rectangle::new([(x0, 0), (x0 + bar, v[fi] as i32)], colour.filled())
            }
        });
        chart.draw_series(bars).map_err(err)?;
    }
    let entries: Vec<(Segment, bool)> = frameworks.iter().map(|&f| (f, false)).collect();
    draw_legend(
        &chart.plotting_area().strip_coord_spec(),
        &entries,
        true,
        dark,
    )?;

    // Value labels, skipped when the bars are too narrow for them.
    let plot = chart.plotting_area().strip_coord_spec();
    let base = chart.plotting_area().get_base_pixel();
    let (pw, _) = plot.dim_in_pixel();
    let bar_px = f64::from(pw) / n as f64 * bar;
    if bar_px >= TEXT_SIZE * 1.2 {
        for (ci, v) in values.iter().enumerate() {
            for (fi, &count) in v.iter().enumerate() {
                if stacked && fi + 1 < v.len() {
                    continue; // one total above each stack
                }
                let (cx, y_val) = if stacked {
                    (ci as f64, v.iter().sum::<usize>())
                } else {
                    (ci as f64 - 0.4 + (fi as f64 + 0.5) * bar, count)
                };
                let count = y_val;
                let (x, y) = chart.backend_coord(&(cx, count as i32));
                plot.draw(&Text::new(
                    count.to_string(),
                    (x - base.0, y - base.1 - 3),
                    font(th.fg).pos(Pos::new(HPos::Center, VPos::Bottom)),
                ))
                .map_err(err)?;
            }
        }
    }
    Ok(())
}

/// Draws new member states per year as grouped bars (one per visible
/// framework), with value labels and a legend.
pub fn draw_new_per_year<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    filters: &Filters,
    dark: bool,
) -> Result<(), ChartError> {
    draw_new_per_year_in(root, ds, filters, None, dark)
}

/// [`draw_new_per_year`] with the years of a change view's window (after
/// `from`, up to the as-of date) shaded.
pub fn draw_new_per_year_in<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    filters: &Filters,
    from: Option<Date>,
    dark: bool,
) -> Result<(), ChartError> {
    let rows = new_members_per_year(ds, filters);
    let band = from.and_then(|f| {
        let years = window_years(f, as_of(ds, filters));
        let at = |y: i32| rows.iter().position(|r| r.0 == y);
        Some((at(*years.start()).unwrap_or(0), at(*years.end())?))
    });
    let categories: Vec<String> = rows.iter().map(|r| r.0.to_string()).collect();
    let values: Vec<Vec<usize>> = rows
        .iter()
        .map(|r| visible_counts(filters, r.1, r.2))
        .collect();
    draw_grouped_bars(
        root,
        &categories,
        &values,
        &visible(filters)
            .into_iter()
            .map(Segment::Framework)
            .collect::<Vec<_>>(),
        "Year",
        "New member states",
        dark,
        "No framework shown",
        false,
        band,
    )
}

/// Draws member states at the as-of date by UN region as stacked bars (a
/// segment per camp: Artemis only, both, ILRS only, so a stack's total is
/// the number of member states), with the total above it and a legend.
pub fn draw_by_region<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    ds: &Dataset,
    filters: &Filters,
    dark: bool,
) -> Result<(), ChartError> {
    let rows = members_by_region(ds, filters);
    let categories: Vec<String> = rows.iter().map(|r| r.0.clone()).collect();
    let values: Vec<Vec<usize>> = rows.into_iter().map(|r| r.1).collect();
    draw_grouped_bars(
        root,
        &categories,
        &values,
        &region_segments(filters),
        "UN region",
        "Member states",
        dark,
        "No member states in this view",
        true,
        None,
    )
}

/// The one backend type charts are drawn on: a raster target `C` (the app's
/// canvas) or SVG, scaled (see [`Surface`]).
pub type ChartBackend<'a, C> = ScaledBackend<Surface<'a, C>>;

/// Renders a drawing into an SVG document of `width` × `height` pixels,
/// through the same backend type as the raster target `C`.
///
/// ```ignore
/// let svg = svg_string::<CanvasBackend>(800, 450, |root| draw_members_over_time(root, &ds, &filters, false))?;
/// ```
pub fn svg_string<C: DrawingBackend>(
    width: u32,
    height: u32,
    draw: impl FnOnce(&DrawingArea<ChartBackend<'_, C>, Shift>) -> Result<(), ChartError>,
) -> Result<String, ChartError> {
    let mut out = String::new();
    {
        let svg = SVGBackend::with_string(&mut out, (width, height));
        let root = ScaledBackend::new(Surface::<C>::Svg(svg), 1.0).into_drawing_area();
        draw(&root)?;
        root.present().map_err(err)?;
    }
    Ok(out)
}

/// A legend box in a corner of the plot: a line or swatch and the name of
/// each framework. Drawn by hand, since plotters' series labels measure text
/// through a DOM element with an inline style, which the app's CSP forbids.
fn draw_legend<DB: DrawingBackend>(
    area: &DrawingArea<DB, Shift>,
    entries: &[(Segment, bool)],
    right: bool,
    dark: bool,
) -> Result<(), ChartError> {
    if entries.is_empty() {
        return Ok(());
    }
    let th = theme(dark);
    let (w, _) = area.dim_in_pixel();
    let line_h = TEXT_SIZE as i32 + 6;
    let text_w = entries
        .iter()
        .map(|(f, _)| crate::charts::scaled::estimate_text(f.label(), TEXT_SIZE).0 as i32)
        .max()
        .unwrap_or(0);
    let box_w = 8 + 26 + 6 + text_w + 8;
    let box_h = 6 + line_h * entries.len() as i32 + 2;
    let x0 = if right { w as i32 - box_w - 8 } else { 8 };
    let y0 = 8;
    area.draw(&Rectangle::new(
        [(x0, y0), (x0 + box_w, y0 + box_h)],
        th.bg.mix(0.9).filled(),
    ))
    .map_err(err)?;
    area.draw(&Rectangle::new(
        [(x0, y0), (x0 + box_w, y0 + box_h)],
        ShapeStyle::from(th.fg.mix(0.5)).stroke_width(1),
    ))
    .map_err(err)?;
    for (k, (fw, line)) in entries.iter().enumerate() {
        let y = y0 + 6 + line_h * k as i32 + line_h / 2;
        let colour = fw.colour(dark);
        if *line {
            area.draw(&PathElement::new(
                vec![(x0 + 8, y), (x0 + 34, y)],
                colour.stroke_width(3),
            ))
            .map_err(err)?;
        } else {
            area.draw(&Rectangle::new(
                [(x0 + 14, y - 6), (x0 + 28, y + 6)],
                colour.filled(),
            ))
            .map_err(err)?;
        }
        let style = font(th.fg).pos(plotters::style::text_anchor::Pos::new(
            plotters::style::text_anchor::HPos::Left,
            plotters::style::text_anchor::VPos::Center,
        ));
        area.draw(&Text::new(fw.label().to_string(), (x0 + 40, y), style))
            .map_err(err)?;
    }
    Ok(())
}

/// The calendar years with a day in the window `(from, to]`: from the year
/// after `from` when `from` is 31 December, else `from`'s year, to `to`'s.
pub fn window_years(from: Date, to: Date) -> std::ops::RangeInclusive<i32> {
    let first = if from >= Date::ymd(from.year, 12, 31) {
        from.year + 1
    } else {
        from.year
    };
    first.min(to.year)..=to.year
}

/// The charts the app shows, for dispatch from the view and exports.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ChartKind {
    /// Cumulative members over time.
    MembersOverTime,
    /// New members per year.
    NewPerYear,
    /// Members by region.
    ByRegion,
    /// Who leans which way: each country by its ties to either side.
    Lean,
}

impl ChartKind {
    /// Every chart, in page order.
    pub const ALL: [ChartKind; 3] = [
        ChartKind::MembersOverTime,
        ChartKind::NewPerYear,
        ChartKind::ByRegion,
    ];

    /// Title.
    pub fn title(self) -> &'static str {
        match self {
            ChartKind::MembersOverTime => "Member states over time",
            ChartKind::NewPerYear => "New member states per year",
            ChartKind::ByRegion => "Member states by region",
            ChartKind::Lean => "Ties to each side, by country",
        }
    }

    /// Id for element ids and file names.
    pub fn id(self) -> &'static str {
        match self {
            ChartKind::MembersOverTime => "members-over-time",
            ChartKind::NewPerYear => "new-per-year",
            ChartKind::ByRegion => "by-region",
            ChartKind::Lean => "lean",
        }
    }

    /// Draws the chart; with a change view's start `from`, the time charts
    /// shade the window (the chart by region shows one date, and no band).
    pub fn draw<DB: DrawingBackend>(
        self,
        root: &DrawingArea<DB, Shift>,
        ds: &Dataset,
        filters: &Filters,
        from: Option<Date>,
        dark: bool,
    ) -> Result<(), ChartError> {
        match self {
            ChartKind::MembersOverTime => draw_members_over_time_in(root, ds, filters, from, dark),
            ChartKind::NewPerYear => draw_new_per_year_in(root, ds, filters, from, dark),
            ChartKind::ByRegion => draw_by_region(root, ds, filters, dark),
            ChartKind::Lean => lean_chart::draw(root, ds, filters, dark),
        }
    }

    /// Draws the chart, `chart_height` pixels tall, over an export footer
    /// (light theme, as exported files are printed and pasted).
    pub fn draw_with_footer<DB: DrawingBackend>(
        self,
        root: &DrawingArea<DB, Shift>,
        chart_height: u32,
        ds: &Dataset,
        filters: &Filters,
        from: Option<Date>,
        footer: &[String],
    ) -> Result<(), ChartError> {
        let (top, bottom) = root.split_vertically(chart_height);
        self.draw(&top, ds, filters, from, false)?;
        draw_footer(&bottom, footer, false)
    }

    /// The data table (the accessible alternative).
    pub fn table(self, ds: &Dataset, filters: &Filters) -> Table {
        match self {
            ChartKind::MembersOverTime => members_over_time_table(ds, filters),
            ChartKind::NewPerYear => new_per_year_table(ds, filters),
            ChartKind::ByRegion => by_region_table(ds, filters),
            ChartKind::Lean => lean_chart::table(ds, filters),
        }
    }

    /// The text description (the accessible alternative), saying where a
    /// change view's window is shaded.
    pub fn description(self, ds: &Dataset, filters: &Filters, from: Option<Date>) -> String {
        let to = as_of(ds, filters);
        let from = from.filter(|f| *f < to);
        match self {
            ChartKind::MembersOverTime => {
                let mut text = members_over_time_description(ds, filters);
                if let Some(f) = from {
                    text.push_str(&format!(
                        " The shaded band is the compared window, after {} up to {}.",
                        f.human(),
                        to.human()
                    ));
                }
                text
            }
            ChartKind::NewPerYear => {
                let mut text = new_per_year_description(ds, filters);
                if let Some(f) = from {
                    let years = window_years(f, to);
                    let span = if years.start() == years.end() {
                        years.start().to_string()
                    } else {
                        format!("{} to {}", years.start(), years.end())
                    };
                    text.push_str(&format!(
                        " Shaded: the years of the compared window ({span})."
                    ));
                }
                text
            }
            ChartKind::ByRegion => by_region_description(ds, filters),
            ChartKind::Lean => lean_chart::description(ds, filters),
        }
    }
}

impl ChartKind {
    /// The tooltip text for pixel `(x, y)` of the chart drawn `width` ×
    /// `height`: the date and counts under the pointer for the time chart,
    /// the bar group's values for the bar charts, the country under it for
    /// the lean chart.
    pub fn tooltip(
        self,
        ds: &Dataset,
        filters: &Filters,
        from: Option<Date>,
        width: u32,
        height: u32,
        (x, y): (f64, f64),
    ) -> Option<String> {
        match self {
            ChartKind::Lean => lean_chart::tooltip(ds, filters, width, height, x, y),
            ChartKind::MembersOverTime => {
                let axis = TimeAxis::members_chart(ds, filters, width, height);
                let d = axis.date_at(x)?;
                let values = members_value_at(&members_over_time(ds, filters), d);
                let parts: Vec<String> = values
                    .iter()
                    .map(|(f, n)| format!("{} {n}", f.label()))
                    .collect();
                let inside = from.is_some_and(|f| d > f && d <= axis.last);
                let note = if inside {
                    " (in the compared window)"
                } else {
                    ""
                };
                Some(format!("{}: {}{note}", d.human(), parts.join(", ")))
            }
            ChartKind::NewPerYear | ChartKind::ByRegion => {
                let (header, rows) = self.table(ds, filters);
                let k = bar_category_at(rows.len(), width, height, x)?;
                let row = rows.get(k)?;
                let parts: Vec<String> = header
                    .iter()
                    .zip(row)
                    .skip(1)
                    .map(|(h, v)| format!("{h} {v}"))
                    .collect();
                Some(format!("{}: {}", row.first()?, parts.join(", ")))
            }
        }
    }
}

impl ChartKind {
    /// The country a click at `(x, y)` selects in the graph (the lean
    /// chart's dots), if any.
    pub fn pick(
        self,
        ds: &Dataset,
        filters: &Filters,
        width: u32,
        height: u32,
        (x, y): (f64, f64),
    ) -> Option<String> {
        match self {
            ChartKind::Lean => lean_chart::pick(ds, filters, width, height, x, y),
            _ => None,
        }
    }

    /// The actor each data-table row stands for, when rows can be selected
    /// in the graph.
    pub fn row_ids(self, ds: &Dataset, filters: &Filters) -> Option<Vec<String>> {
        match self {
            ChartKind::Lean => Some(lean_chart::table_ids(ds, filters)),
            _ => None,
        }
    }
}

/// Export footer lines wrapped at word boundaries to fit `width` pixels at
/// the footer's text sizes (15 px for the first line, 13 px after), so no
/// source is cut off at the picture's edge.
pub fn wrap_footer(lines: &[String], width: u32) -> Vec<String> {
    // The estimate runs a little short of real fonts: keep a margin.
    let room = f64::from(width.saturating_sub(20)) / 1.1;
    let mut out = Vec::new();
    for (k, line) in lines.iter().enumerate() {
        let size = if k == 0 { 15.0 } else { 13.0 };
        let mut current = String::new();
        for word in line.split(' ') {
            let candidate = if current.is_empty() {
                word.to_string()
            } else {
                format!("{current} {word}")
            };
            if !current.is_empty()
                && f64::from(crate::charts::scaled::estimate_text(&candidate, size).0) > room
            {
                out.push(std::mem::replace(&mut current, word.to_string()));
            } else {
                current = candidate;
            }
        }
        out.push(current);
    }
    out
}

/// The left edge of a chart's tooltip `text` for a pointer at `x` in a
/// chart `width` pixels wide: right of the pointer when it fits, else left
/// of it, and always inside the chart (its width estimated at the tooltip's
/// 12.3 px text with 8 px padding each side).
pub fn tip_left(x: f64, width: u32, text: &str) -> f64 {
    let w = f64::from(width);
    let tw = tip_width(width, text);
    let left = if x + 12.0 + tw <= w {
        x + 12.0
    } else {
        x - 12.0 - tw
    };
    left.clamp(0.0, (w - tw).max(0.0))
}

/// A tooltip's widest line wraps at this many pixels (the stylesheet's
/// `.chart-tip` max-width).
pub const TIP_MAX: f64 = 340.0;

/// A tooltip's estimated width for `text` in a chart `width` pixels wide:
/// its one line, or [`TIP_MAX`] (or the chart's width) once it wraps.
fn tip_width(width: u32, text: &str) -> f64 {
    let one_line = f64::from(crate::charts::scaled::estimate_text(text, 12.3).0) * 1.08 + 16.0;
    one_line.min(TIP_MAX).min(f64::from(width))
}

/// The top of a chart's tooltip for a pointer at `y` in a chart `height`
/// pixels tall: below the pointer in the upper half, above it in the lower
/// half, and inside the chart (its lines estimated from the wrap width).
pub fn tip_top(y: f64, width: u32, height: u32, text: &str) -> f64 {
    let one_line = f64::from(crate::charts::scaled::estimate_text(text, 12.3).0) * 1.08;
    let lines = (one_line / (tip_width(width, text) - 16.0).max(1.0))
        .ceil()
        .max(1.0);
    let th = lines * 18.0 + 10.0;
    let h = f64::from(height);
    let top = if y < h / 2.0 { y + 16.0 } else { y - 16.0 - th };
    top.clamp(0.0, (h - th).max(0.0))
}

/// Height in pixels of an export footer with `lines` lines.
pub fn footer_height(lines: usize) -> u32 {
    12 + 20 * lines as u32
}

/// Draws an export footer (title, date, filters, sources, permalink): one
/// text line each, on the theme's background, under a rule.
pub fn draw_footer<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    lines: &[String],
    dark: bool,
) -> Result<(), ChartError> {
    let th = theme(dark);
    root.fill(&th.bg).map_err(err)?;
    let (w, _) = root.dim_in_pixel();
    root.draw(&PathElement::new(
        vec![(8, 2), (w as i32 - 8, 2)],
        ShapeStyle::from(th.grid).stroke_width(1),
    ))
    .map_err(err)?;
    for (k, line) in lines.iter().enumerate() {
        let size = if k == 0 { 15.0 } else { 13.0 };
        let style = (FONT, size).into_font().color(&th.fg);
        root.draw(&Text::new(line.clone(), (10, 10 + 20 * k as i32), style))
            .map_err(err)?;
    }
    Ok(())
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tooltip_tests {
    use super::*;

    #[test]
    fn footers_wrap_to_the_picture_and_tips_stay_inside_it() {
        let long = vec![
            "Member states over time".to_string(),
            "Sources: ".to_string() + &"nasa-2026-example-signatory ".repeat(12),
        ];
        let wrapped = wrap_footer(&long, 600);
        assert!(wrapped.len() > long.len());
        for (k, line) in wrapped.iter().enumerate() {
            let size = if k == 0 { 15.0 } else { 13.0 };
            assert!(
                crate::charts::scaled::estimate_text(line, size).0 <= 580,
                "{line}"
            );
        }
        // Nothing is lost: the words are all there, in order.
        assert_eq!(
            wrapped.join(" ").split_whitespace().collect::<Vec<_>>(),
            long.join(" ").split_whitespace().collect::<Vec<_>>()
        );
        let tip = "Europe: Artemis Accords only 30, In both camps 1, ILRS only 3, Member states 34";
        assert_eq!(tip_left(100.0, 800, "short"), 112.0);
        for x in [0.0, 250.0, 400.0, 600.0, 790.0] {
            let left = tip_left(x, 800, tip);
            // Its box: one line, or wrapped at TIP_MAX.
            let tw = (f64::from(crate::charts::scaled::estimate_text(tip, 12.3).0) * 1.08 + 16.0)
                .min(TIP_MAX);
            assert!(left >= 0.0 && left + tw <= 800.0, "{x}: {left}");
        }
        // Below the pointer in the upper half, above it in the lower, inside.
        for y in [0.0, 100.0, 300.0, 379.0] {
            let top = tip_top(y, 800, 380, tip);
            assert!((0.0..380.0).contains(&top), "{y}: {top}");
            assert_eq!(top > y, y < 190.0, "{y}: {top}");
        }
    }

    #[test]
    fn tooltips_name_the_values_under_the_pointer() {
        let ds = crate::test_support::dataset().clone();
        let f = Filters::default();
        let a = plot_area(800, 380);
        assert_eq!(bar_category_at(4, 800, 380, f64::from(a.left) - 1.0), None);
        assert_eq!(bar_category_at(4, 800, 380, f64::from(a.left)), Some(0));
        assert_eq!(
            bar_category_at(4, 800, 380, f64::from(a.right) - 1.0),
            Some(3)
        );
        let (_, rows) = ChartKind::NewPerYear.table(&ds, &f);
        let last = ChartKind::NewPerYear
            .tooltip(&ds, &f, None, 800, 380, (f64::from(a.right) - 2.0, 0.0))
            .unwrap();
        assert!(last.starts_with(&rows.last().unwrap()[0]), "{last}");
        assert!(last.contains("Artemis Accords"), "{last}");
        let t = ChartKind::MembersOverTime
            .tooltip(&ds, &f, None, 800, 380, (f64::from(a.right) - 20.0, 0.0))
            .unwrap();
        // The counts under the pointer are the series' values at its date.
        let axis = TimeAxis::members_chart(&ds, &f, 800, 380);
        let d = axis.date_at(f64::from(a.right) - 20.0).unwrap();
        for (fw, n) in members_value_at(&members_over_time(&ds, &f), d) {
            assert!(t.contains(&format!("{} {n}", fw.label())), "{t}");
        }
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    fn ds() -> Dataset {
        crate::test_support::dataset().clone()
    }

    fn last(series: &[StepSeries], f: FrameworkId) -> usize {
        series
            .iter()
            .find(|s| s.framework == f)
            .and_then(|s| s.points.last())
            .map_or(0, |p| p.1)
    }

    #[test]
    fn series_are_monotonic_and_end_at_the_reference_counts() {
        let ds = ds();
        let f = Filters::default();
        let series = members_over_time(&ds, &f);
        assert_eq!(series.len(), 2);
        for s in &series {
            assert_eq!(s.points[0].0, EARLIEST);
            assert_eq!(s.points.last().unwrap().0, ds.as_of);
            for w in s.points.windows(2) {
                assert!(w[0].0 < w[1].0 && w[0].1 <= w[1].1, "{:?}", s.framework);
            }
            // Same rule as facts::state_members without filters.
            assert_eq!(
                s.points.last().unwrap().1,
                facts::state_members(&ds, s.framework, ds.as_of).len()
            );
        }
        // The founding eight are history; today's totals are the data's.
        assert!(last(&series, FrameworkId::Artemis) > 8);
        assert!(last(&series, FrameworkId::Ilrs) > 2);
        let oct = members_value_at(&series, Date::ymd(2020, 10, 31));
        assert_eq!(oct, vec![(FrameworkId::Artemis, 8), (FrameworkId::Ilrs, 0)]);
        assert_eq!(
            members_value_at(&series, Date::ymd(2020, 10, 12)),
            vec![(FrameworkId::Artemis, 0), (FrameworkId::Ilrs, 0)]
        );
    }

    #[test]
    fn filters_narrow_the_series() {
        let ds = ds();
        let all = members_over_time(&ds, &Filters::default());
        let mut f = Filters::default();
        f.regions.insert("Europe".to_string());
        let europe = members_over_time(&ds, &f);
        assert!(last(&europe, FrameworkId::Artemis) < last(&all, FrameworkId::Artemis));
        assert!(last(&europe, FrameworkId::Artemis) > 0);
        f.regions = ["Western Africa".to_string()].into();
        let wa = members_over_time(&ds, &f);
        assert!(last(&wa, FrameworkId::Ilrs) < last(&all, FrameworkId::Ilrs));

        let early = Filters {
            as_of: Some(Date::ymd(2022, 1, 1)),
            hidden_frameworks: [FrameworkId::Ilrs].into(),
            ..Filters::default()
        };
        let s = members_over_time(&ds, &early);
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].points.last().unwrap().0, Date::ymd(2022, 1, 1));
        assert!(s[0].points.iter().all(|p| p.0 <= Date::ymd(2022, 1, 1)));

        let both_hidden = Filters {
            hidden_alignments: [Alignment::Both].into(),
            ..Filters::default()
        };
        let s = members_over_time(&ds, &both_hidden);
        assert_eq!(
            last(&s, FrameworkId::Artemis) + facts::in_both(&ds, ds.as_of).len(),
            last(&all, FrameworkId::Artemis)
        );
    }

    #[test]
    fn annotations_come_from_the_data_and_respect_the_date() {
        let ds = ds();
        let notes = annotations(&ds, &Filters::default());
        let has = |date: Date, fw: FrameworkId, label: &str| {
            notes
                .iter()
                .any(|a| a.date == date && a.framework == fw && a.label == label)
        };
        assert!(
            has(
                Date::ymd(2020, 10, 13),
                FrameworkId::Artemis,
                "8 founding signatories"
            ),
            "{notes:?}"
        );
        assert!(
            notes.iter().any(|a| a.framework == FrameworkId::Ilrs
                && a.date == Date::ymd(2021, 3, 9)
                && a.label.contains("China")
                && a.label.contains("Russia")),
            "{notes:?}"
        );
        assert!(has(
            Date::ymd(2022, 11, 25),
            FrameworkId::Ilrs,
            "Russia: intergovernmental agreement"
        ));
        assert!(has(
            Date::ymd(2024, 12, 16),
            FrameworkId::Artemis,
            "Thailand joins both camps"
        ));
        assert!(notes.iter().any(|a| a.label == "Senegal joins both camps"));
        // Every country in both camps is named in exactly one marker.
        for iso in facts::in_both(&ds, ds.as_of) {
            let name = name_of(&ds, &iso);
            let n = notes
                .iter()
                .filter(|a| a.label.contains("both camps") && a.label.contains(name))
                .count();
            assert_eq!(n, 1, "{name}: {notes:?}");
        }
        assert!(notes.iter().all(|a| a.date <= ds.as_of));
        assert!(notes.windows(2).all(|w| w[0].date <= w[1].date));

        let cut = Date::ymd(2024, 6, 30);
        let early = annotations(
            &ds,
            &Filters {
                as_of: Some(cut),
                ..Filters::default()
            },
        );
        assert!(early.iter().all(|a| a.date <= cut), "{early:?}");
        assert!(!early.iter().any(|a| a.label.contains("both camps")));
        assert!(early.iter().any(|a| a.label == "Russia: ratification"));
    }

    #[test]
    fn per_year_and_region_sums_equal_the_totals() {
        let ds = ds();
        for f in [
            Filters::default(),
            Filters {
                regions: ["Asia".to_string()].into(),
                ..Filters::default()
            },
            Filters {
                as_of: Some(Date::ymd(2023, 6, 1)),
                ..Filters::default()
            },
        ] {
            let series = members_over_time(&ds, &f);
            let years = new_members_per_year(&ds, &f);
            assert_eq!(years.first().unwrap().0, 2020);
            assert_eq!(years.last().unwrap().0, as_of(&ds, &f).year);
            let a: usize = years.iter().map(|r| r.1).sum();
            let i: usize = years.iter().map(|r| r.2).sum();
            assert_eq!(a, last(&series, FrameworkId::Artemis));
            assert_eq!(i, last(&series, FrameworkId::Ilrs));
            let regions = members_by_region(&ds, &f);
            // Camps: Artemis only, both, ILRS only. Each state counts once.
            let sum = |k: usize| regions.iter().map(|r| r.1[k]).sum::<usize>();
            assert_eq!(sum(0) + sum(1), a);
            assert_eq!(sum(1) + sum(2), i);
            let states: BTreeSet<&str> = crate::sort::set_of(
                [FrameworkId::Artemis, FrameworkId::Ilrs]
                    .into_iter()
                    .flat_map(|fw| state_joins(&ds, &f, fw, as_of(&ds, &f), true))
                    .map(|m| m.actor.as_str()),
            );
            assert_eq!(
                sum(0) + sum(1) + sum(2),
                states.len(),
                "no state counted twice"
            );
        }
        let years = new_members_per_year(&ds, &Filters::default());
        assert_eq!(years[0], (2020, 9, 0), "8 founders plus Ukraine in 2020");
    }

    #[test]
    fn tables_and_descriptions_state_the_numbers() {
        let ds = ds();
        let f = Filters::default();
        let (header, rows) = members_over_time_table(&ds, &f);
        assert_eq!(header, ["Date", "Artemis Accords", "ILRS", "Notable"]);
        let last_row = rows.last().unwrap();
        let artemis = facts::state_members(&ds, FrameworkId::Artemis, ds.as_of).len();
        assert_eq!(last_row[0], ds.as_of.human());
        assert_eq!(last_row[1], artemis.to_string());
        assert!(
            rows.iter()
                .any(|r| r[3].contains("Thailand joins both camps"))
        );

        let text = members_over_time_description(&ds, &f);
        let ilrs = last(&members_over_time(&ds, &f), FrameworkId::Ilrs);
        assert!(
            text.contains(&format!("from 8 member states on 13 Oct 2020 to {artemis}")),
            "{text}"
        );
        assert!(
            text.contains(&format!("from 2 member states on 9 Mar 2021 to {ilrs}")),
            "{text}"
        );
        assert!(text.contains(&ds.as_of.human()), "{text}");

        let (h, r) = new_per_year_table(&ds, &f);
        assert_eq!(h.len(), 3);
        assert_eq!(r[0], ["2020", "9", "0"]);
        let text = new_per_year_description(&ds, &f);
        assert!(
            text.contains(&format!("{artemis} member states in all")),
            "{text}"
        );

        let (h, r) = by_region_table(&ds, &f);
        assert_eq!(h[0], "Region");
        assert!(r.iter().any(|row| row[0] == "Europe"));
        let text = by_region_description(&ds, &f);
        assert!(text.contains("Europe") && text.contains("Africa"), "{text}");

        let mut europe = Filters::default();
        europe.regions.insert("Europe".to_string());
        assert!(members_over_time_description(&ds, &europe).contains("only countries in Europe"));
    }

    #[test]
    fn time_axis_maps_pixels_to_dates_and_back() {
        let ds = ds();
        let f = Filters::default();
        let axis = TimeAxis::members_chart(&ds, &f, 900, 500);
        let area = plot_area(900, 500);
        assert_eq!((axis.left, axis.right), (area.left, area.right));
        assert_eq!(axis.date_at(f64::from(area.left)), Some(EARLIEST));
        assert_eq!(axis.date_at(f64::from(area.right)), Some(ds.as_of));
        assert_eq!(axis.date_at(0.0), None);
        let d = Date::ymd(2023, 5, 17);
        let back = axis.date_at(f64::from(axis.x_of(d))).unwrap();
        assert!(
            (back.days_since_epoch() - d.days_since_epoch()).abs() <= 3,
            "{back}"
        );
        for z in [-1, 0, 11_017, 19_000, 20_629] {
            assert_eq!(date_from_days(z).days_since_epoch(), z);
        }
        assert_eq!(
            tick_label(Date::ymd(2024, 1, 1).days_since_epoch() as f64),
            "2024"
        );
        assert_eq!(
            tick_label(Date::ymd(2020, 10, 1).days_since_epoch() as f64),
            "Oct 2020"
        );
    }

    #[test]
    fn a_change_window_is_shaded_described_and_told_in_the_tooltip() {
        let ds = ds();
        let f = Filters::default();
        let from = Date::ymd(2022, 12, 31);
        let green = rgb(palette::change(false));
        let fill = format!("#{:02X}{:02X}{:02X}", green.0, green.1, green.2);
        let has = |svg: &str| svg.to_uppercase().contains(&fill);
        for (kind, label) in [
            (
                ChartKind::MembersOverTime,
                Some(format!("after {}", from.human())),
            ),
            (ChartKind::NewPerYear, None),
        ] {
            let draw = |from: Option<Date>| {
                svg_string::<SVGBackend<'static>>(900, 500, |root| {
                    kind.draw(root, &ds, &f, from, false)
                })
                .unwrap()
            };
            let (plain, shaded) = (draw(None), draw(Some(from)));
            assert!(
                !has(&plain) && has(&shaded),
                "{kind:?}: the band in the marks' colour"
            );
            if let Some(label) = label {
                assert!(shaded.contains(&label) && !plain.contains(&label));
            }
            let text = kind.description(&ds, &f, Some(from));
            assert!(text.starts_with(&kind.description(&ds, &f, None)));
            assert!(text.contains("Shaded") || text.contains("shaded"), "{text}");
        }
        let years = window_years(from, ds.as_of);
        assert_eq!(*years.start(), 2023, "31 December starts the next year");
        assert_eq!(*years.end(), ds.as_of.year);
        assert_eq!(*window_years(Date::ymd(2023, 3, 1), ds.as_of).start(), 2023);
        assert!(
            ChartKind::NewPerYear
                .description(&ds, &f, Some(from))
                .contains(&format!("2023 to {}", ds.as_of.year))
        );
        // The tooltip says when the date under the pointer is in the window.
        let a = plot_area(800, 380);
        let tip = |from| {
            ChartKind::MembersOverTime
                .tooltip(&ds, &f, from, 800, 380, (f64::from(a.right) - 20.0, 0.0))
                .unwrap()
        };
        assert!(tip(Some(from)).ends_with("(in the compared window)"));
        assert!(!tip(None).contains("window"));
        // A window starting before the chart is clamped to its first date.
        let early = svg_string::<SVGBackend<'static>>(900, 500, |root| {
            ChartKind::MembersOverTime.draw(root, &ds, &f, Some(Date::ymd(2019, 1, 1)), false)
        })
        .unwrap();
        assert!(has(&early));
    }

    #[test]
    fn charts_render_to_svg() {
        let ds = ds();
        let f = Filters::default();
        for dark in [false, true] {
            let svg = svg_string::<SVGBackend<'static>>(900, 500, |root| {
                draw_members_over_time(root, &ds, &f, dark)
            })
            .unwrap();
            assert!(svg.contains("<svg"));
            assert!(svg.contains("Artemis Accords") && svg.contains("ILRS"));
            assert!(svg.contains("<polyline") || svg.contains("<path"));
            assert!(svg.contains("Thailand joins both camps"));
            assert!(svg.contains(&format!("as of {}", ds.as_of.human())));
            assert!(svg.contains("font-family=\"sans-serif\""));

            let svg = svg_string::<SVGBackend<'static>>(900, 500, |root| {
                draw_new_per_year(root, &ds, &f, dark)
            })
            .unwrap();
            assert!(svg.contains("<svg") && svg.contains("<rect"));
            assert!(svg.contains("Artemis Accords") && svg.contains("ILRS"));
            assert!(svg.contains("2021"));

            let svg = svg_string::<SVGBackend<'static>>(900, 500, |root| {
                draw_by_region(root, &ds, &f, dark)
            })
            .unwrap();
            assert!(svg.contains("<svg") && svg.contains("<rect"));
            assert!(svg.contains("Artemis Accords") && svg.contains("ILRS"));
            assert!(svg.contains("Europe"));
        }
        // Narrow views and empty ones still draw.
        let early = Filters {
            as_of: Some(Date::ymd(2020, 11, 1)),
            ..Filters::default()
        };
        let svg = svg_string::<SVGBackend<'static>>(400, 300, |root| {
            draw_members_over_time(root, &ds, &early, false)
        })
        .unwrap();
        assert!(svg.contains("Oct 2020"), "ticks for a short range");
        let none = Filters {
            hidden_frameworks: CHARTED.into_iter().collect(),
            ..Filters::default()
        };
        for svg in [
            svg_string::<SVGBackend<'static>>(400, 300, |root| {
                draw_members_over_time(root, &ds, &none, false)
            }),
            svg_string::<SVGBackend<'static>>(400, 300, |root| {
                draw_new_per_year(root, &ds, &none, false)
            }),
            svg_string::<SVGBackend<'static>>(400, 300, |root| {
                draw_by_region(root, &ds, &none, false)
            }),
        ] {
            assert!(svg.unwrap().contains("No "));
        }
    }
}
