//! Downloads: the full dataset as JSON or CSV, the visible table of a view,
//! a citation line and file names. Pure functions that return text; the app
//! turns them into files.
//!
//! JSON is written by hand (the app ships no JSON serializer) with a stable
//! key order, so two exports of the same dataset are byte-identical. CSV
//! exports repeat names, titles and URLs next to ids so that a spreadsheet
//! user needs no joins.

pub mod baked;
pub mod svg;

use std::collections::BTreeSet;

use crate::dataset::csv::quote;
use crate::model::date::Date;

use crate::graph::Graph;
use crate::model::*;

/// The project's title, used in the JSON export and in citations.
pub const TITLE: &str = "Space Alliances: Artemis Accords vs ILRS";

/// Separator of URL and id lists inside one CSV field, as in the data files.
const LIST_SEP: &str = ";";

/// Separator of titles inside one CSV field: titles contain `;` and `,`.
const TITLE_SEP: &str = " | ";

// ---------------------------------------------------------------- JSON

/// A JSON value; objects keep their keys in insertion order.
enum Json {
    Null,
    Num(f64),
    Str(String),
    Arr(Vec<Json>),
    Obj(Vec<(&'static str, Json)>),
}

impl Json {
    fn str(s: &str) -> Json {
        Json::Str(s.to_string())
    }

    fn strs<S: AsRef<str>>(items: impl IntoIterator<Item = S>) -> Json {
        Json::Arr(items.into_iter().map(|s| Json::str(s.as_ref())).collect())
    }

    fn opt_str(s: Option<&str>) -> Json {
        s.map_or(Json::Null, Json::str)
    }

    fn date(d: Option<Date>) -> Json {
        d.map_or(Json::Null, |d| Json::Str(d.to_string()))
    }

    fn is_scalar(&self) -> bool {
        !matches!(self, Json::Arr(_) | Json::Obj(_))
    }

    /// Writes the value pretty-printed with 2-space indentation. Arrays of
    /// scalars (id and URL lists) stay on one line to keep the file short.
    fn write(&self, out: &mut String, indent: usize) {
        match self {
            Json::Null => out.push_str("null"),
            // JSON has no NaN or infinity.
            Json::Num(n) if !n.is_finite() => out.push_str("null"),
            Json::Num(n) => out.push_str(&n.to_string()),
            Json::Str(s) => escape_json(out, s),
            Json::Arr(items) if items.is_empty() => out.push_str("[]"),
            Json::Arr(items) if items.iter().all(Json::is_scalar) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push_str(", ");
                    }
                    v.write(out, indent);
                }
                out.push(']');
            }
            Json::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    out.push_str(if i > 0 { ",\n" } else { "\n" });
                    pad(out, indent + 1);
                    v.write(out, indent + 1);
                }
                out.push('\n');
                pad(out, indent);
                out.push(']');
            }
            Json::Obj(fields) if fields.is_empty() => out.push_str("{}"),
            Json::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    out.push_str(if i > 0 { ",\n" } else { "\n" });
                    pad(out, indent + 1);
                    escape_json(out, k);
                    out.push_str(": ");
                    v.write(out, indent + 1);
                }
                out.push('\n');
                pad(out, indent);
                out.push('}');
            }
        }
    }
}

fn pad(out: &mut String, indent: usize) {
    for _ in 0..indent {
        out.push_str("  ");
    }
}

/// Writes `s` as a quoted JSON string. Non-ASCII stays UTF-8 (valid JSON and
/// readable); control characters, quotes and backslashes are escaped, and so
/// are U+2028/U+2029, which older JavaScript parsers reject inside strings.
pub(crate) fn escape_json(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            '\u{8}' => out.push_str("\\b"),
            '\u{c}' => out.push_str("\\f"),
            c if c < '\u{20}' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", u32::from(c)));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// The URLs of a list of source ids, one per id (empty when the source has
/// no URL or is unknown), so `source_urls[i]` belongs to `sources[i]`.
fn urls_parallel<'a>(ds: &'a Dataset, ids: &[String]) -> Vec<&'a str> {
    ids.iter()
        .map(|id| ds.source(id).map_or("", |s| s.url.as_str()))
        .collect()
}

fn sourced(
    ds: &Dataset,
    key_ids: &'static str,
    key_urls: &'static str,
    ids: &[String],
) -> [(&'static str, Json); 2] {
    [
        (key_ids, Json::strs(ids)),
        (key_urls, Json::strs(urls_parallel(ds, ids))),
    ]
}

fn framework_json(ds: &Dataset, f: &Framework) -> Json {
    let mut o = vec![
        ("id", Json::str(f.id.id())),
        ("name", Json::str(&f.name)),
        ("short", Json::str(&f.short)),
        ("led_by", Json::strs(&f.led_by)),
        ("founded", Json::date(Some(f.founded))),
        ("description", Json::str(&f.description)),
    ];
    o.extend(sourced(ds, "sources", "source_urls", &f.sources));
    Json::Obj(o)
}

fn actor_json(ds: &Dataset, a: &Actor) -> Json {
    // Reference facts describe the actor itself only when it is a country; a
    // body's location is its home country's, found through `country`.
    let k = (a.kind == ActorKind::Country)
        .then(|| ds.country(&a.id))
        .flatten();
    let num = |f: fn(&Country) -> f64| k.map_or(Json::Null, |k| Json::Num(f(k)));
    Json::Obj(vec![
        ("id", Json::str(&a.id)),
        ("name", Json::str(&a.name)),
        ("kind", Json::str(a.kind.id())),
        ("country", Json::opt_str(a.country.as_deref())),
        ("iso2", Json::opt_str(k.map(|k| k.iso2.as_str()))),
        ("region", Json::opt_str(k.map(|k| k.region.as_str()))),
        ("subregion", Json::opt_str(k.map(|k| k.subregion.as_str()))),
        ("lat", num(|k| k.lat)),
        ("lon", num(|k| k.lon)),
        ("aliases", Json::strs(&a.aliases)),
        ("note", Json::str(&a.note)),
    ])
}

fn membership_json(ds: &Dataset, m: &Membership) -> Json {
    let mut o = vec![
        ("id", Json::str(&m.id)),
        ("actor", Json::str(&m.actor)),
        ("framework", Json::str(m.framework.id())),
        ("date", Json::date(Some(m.date))),
        ("instrument", Json::str(m.instrument.id())),
        ("level", Json::str(m.level.id())),
        ("status", Json::str(m.status.id())),
        ("official", Json::str(m.official.as_str())),
        ("confidence", Json::str(m.confidence.id())),
    ];
    o.extend(sourced(ds, "sources", "source_urls", &m.sources));
    o.push(("alt_date", Json::date(m.alt_date)));
    o.extend(sourced(
        ds,
        "alt_sources",
        "alt_source_urls",
        &m.alt_sources,
    ));
    o.push(("note", Json::str(m.note.as_str())));
    Json::Obj(o)
}

fn partnership_json(ds: &Dataset, p: &Partnership) -> Json {
    let mut o = vec![
        ("id", Json::str(&p.id)),
        ("a", Json::str(&p.a)),
        ("b", Json::str(&p.b)),
        ("kind", Json::str(p.kind.id())),
        ("date", Json::date(Some(p.date))),
        ("title", Json::str(&p.title)),
        ("description", Json::str(p.description.as_str())),
        ("confidence", Json::str(p.confidence.id())),
    ];
    o.extend(sourced(ds, "sources", "source_urls", &p.sources));
    o.push(("note", Json::str(p.note.as_str())));
    Json::Obj(o)
}

fn source_json(s: &Source) -> Json {
    Json::Obj(vec![
        ("id", Json::str(&s.id)),
        ("url", Json::str(&s.url)),
        ("title", Json::str(&s.title)),
        ("publisher", Json::str(&s.publisher)),
        ("date", Json::date(s.date)),
        ("type", Json::str(s.kind.id())),
        ("note", Json::str(&s.note)),
    ])
}

/// The full dataset as one pretty-printed JSON document:
/// `title`, `version`, `as_of`, `frameworks`, `actors` (countries included,
/// with `iso2`, `region`, `subregion`, `lat`, `lon`; `null` for other
/// actors), `memberships`, `partnerships` and `sources`.
///
/// Every record that cites sources carries `sources` (ids) and the parallel
/// `source_urls` (`""` where a source has no URL); memberships also carry
/// `alt_sources` and `alt_source_urls`. Dates are `YYYY-MM-DD`, `YYYY-MM` or
/// `YYYY` strings, `null` when absent. Key order is fixed.
pub fn dataset_json(ds: &Dataset) -> String {
    let doc = Json::Obj(vec![
        ("title", Json::str(TITLE)),
        ("version", Json::str(&ds.version)),
        ("as_of", Json::date(Some(ds.as_of))),
        (
            "frameworks",
            Json::Arr(
                ds.frameworks
                    .iter()
                    .map(|f| framework_json(ds, f))
                    .collect(),
            ),
        ),
        (
            "actors",
            Json::Arr(ds.actors.iter().map(|a| actor_json(ds, a)).collect()),
        ),
        (
            "memberships",
            Json::Arr(
                ds.memberships
                    .iter()
                    .map(|m| membership_json(ds, m))
                    .collect(),
            ),
        ),
        (
            "partnerships",
            Json::Arr(
                ds.partnerships
                    .iter()
                    .map(|p| partnership_json(ds, p))
                    .collect(),
            ),
        ),
        (
            "sources",
            Json::Arr(ds.sources.records().iter().map(source_json).collect()),
        ),
    ]);
    let mut out = String::new();
    doc.write(&mut out, 0);
    out.push('\n');
    out
}

// ---------------------------------------------------------------- CSV

/// Appends one CSV record terminated by `\n`.
fn push_row<S: AsRef<str>>(out: &mut String, fields: impl IntoIterator<Item = S>) {
    for (i, f) in fields.into_iter().enumerate() {
        if i > 0 {
            out.push(',');
        }
        let f = f.as_ref();
        // Our own reader takes a line starting with '#' for a comment; quoting
        // keeps such a value data.
        if f.starts_with('#') {
            out.push('"');
            out.push_str(&f.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&quote(f));
        }
    }
    out.push('\n');
}

fn actor_name<'a>(ds: &'a Dataset, id: &str) -> &'a str {
    ds.actor(id).map_or("", |a| a.name.as_str())
}

/// Non-empty URLs of the given sources, without repeats, `;`-joined.
fn url_list(ds: &Dataset, ids: &[String]) -> String {
    let mut seen = BTreeSet::new();
    urls_parallel(ds, ids)
        .into_iter()
        .filter(|u| !u.is_empty() && seen.insert(*u))
        .collect::<Vec<_>>()
        .join(LIST_SEP)
}

/// Titles of the given sources, ` | `-joined.
fn title_list(ds: &Dataset, ids: &[String]) -> String {
    ids.iter()
        .filter_map(|id| ds.source(id).map(|s| s.title.as_str()))
        .collect::<Vec<_>>()
        .join(TITLE_SEP)
}

fn date_text(d: Option<Date>) -> String {
    d.map(|d| d.to_string()).unwrap_or_default()
}

/// Header of [`memberships_csv`].
const MEMBERSHIP_HEADER: &[&str] = &[
    "id",
    "actor",
    "actor_name",
    "actor_kind",
    "country",
    "country_name",
    "framework",
    "framework_name",
    "date",
    "instrument",
    "level",
    "status",
    "official",
    "confidence",
    "sources",
    "source_urls",
    "source_titles",
    "alt_date",
    "alt_sources",
    "alt_source_urls",
    "note",
];

/// Every membership act as CSV, one row each, in dataset order. Besides the
/// ids of the data file it names the actor, its kind and home country, the
/// framework, and the cited sources' URLs (`;`-joined) and titles
/// (` | `-joined).
pub fn memberships_csv(ds: &Dataset) -> String {
    let mut out = String::new();
    push_row(&mut out, MEMBERSHIP_HEADER);
    for m in &ds.memberships {
        let actor = ds.actor(&m.actor);
        let home = actor.and_then(|a| a.country.as_deref()).unwrap_or("");
        push_row(
            &mut out,
            [
                m.id.clone(),
                m.actor.clone(),
                actor_name(ds, &m.actor).to_string(),
                actor.map_or("", |a| a.kind.id()).to_string(),
                home.to_string(),
                ds.country(home).map_or("", |k| k.name.as_str()).to_string(),
                m.framework.id().to_string(),
                ds.framework(m.framework)
                    .map_or(m.framework.label(), |f| f.name.as_str())
                    .to_string(),
                m.date.to_string(),
                m.instrument.id().to_string(),
                m.level.id().to_string(),
                m.status.id().to_string(),
                m.official.as_str().to_string(),
                m.confidence.id().to_string(),
                m.sources.join(LIST_SEP),
                url_list(ds, &m.sources),
                title_list(ds, &m.sources),
                date_text(m.alt_date),
                m.alt_sources.join(LIST_SEP),
                url_list(ds, &m.alt_sources),
                m.note.as_str().to_string(),
            ],
        );
    }
    out
}

/// Header of [`partnerships_csv`].
const PARTNERSHIP_HEADER: &[&str] = &[
    "id",
    "a",
    "a_name",
    "b",
    "b_name",
    "kind",
    "date",
    "title",
    "description",
    "confidence",
    "sources",
    "source_urls",
    "source_titles",
    "note",
];

/// Every bilateral partnership as CSV, in dataset order, with both parties'
/// names and the cited sources' URLs (`;`-joined) and titles (` | `-joined).
pub fn partnerships_csv(ds: &Dataset) -> String {
    let mut out = String::new();
    push_row(&mut out, PARTNERSHIP_HEADER);
    for p in &ds.partnerships {
        push_row(
            &mut out,
            [
                p.id.as_str(),
                &p.a,
                actor_name(ds, &p.a),
                &p.b,
                actor_name(ds, &p.b),
                p.kind.id(),
                &p.date.to_string(),
                &p.title,
                p.description.as_str(),
                p.confidence.id(),
                &p.sources.join(LIST_SEP),
                &url_list(ds, &p.sources),
                &title_list(ds, &p.sources),
                p.note.as_str(),
            ],
        );
    }
    out
}

/// Header of [`sources_csv`].
const SOURCE_HEADER: &[&str] = &["id", "url", "title", "publisher", "date", "type", "note"];

/// Every cited source as CSV, in dataset order (the columns of the data file).
pub fn sources_csv(ds: &Dataset) -> String {
    let mut out = String::new();
    push_row(&mut out, SOURCE_HEADER);
    for s in ds.sources.records() {
        push_row(
            &mut out,
            [
                s.id.as_str(),
                &s.url,
                &s.title,
                &s.publisher,
                &date_text(s.date),
                s.kind.id(),
                &s.note,
            ],
        );
    }
    out
}

/// Header of [`actors_csv`].
const ACTOR_HEADER: &[&str] = &[
    "id",
    "name",
    "kind",
    "country",
    "country_name",
    "iso2",
    "region",
    "subregion",
    "lat",
    "lon",
    "aliases",
    "note",
];

/// Every actor (countries included) as CSV, in dataset order. `iso2`,
/// `region`, `subregion`, `lat` and `lon` are filled for countries only;
/// aliases are `;`-joined.
pub fn actors_csv(ds: &Dataset) -> String {
    let mut out = String::new();
    push_row(&mut out, ACTOR_HEADER);
    for a in &ds.actors {
        let home = a.country.as_deref().unwrap_or("");
        let k = (a.kind == ActorKind::Country)
            .then(|| ds.country(&a.id))
            .flatten();
        let text = |f: fn(&Country) -> String| k.map(f).unwrap_or_default();
        push_row(
            &mut out,
            [
                a.id.clone(),
                a.name.clone(),
                a.kind.id().to_string(),
                home.to_string(),
                ds.country(home).map_or("", |k| k.name.as_str()).to_string(),
                text(|k| k.iso2.clone()),
                text(|k| k.region.clone()),
                text(|k| k.subregion.clone()),
                text(|k| k.lat.to_string()),
                text(|k| k.lon.to_string()),
                a.aliases.join(LIST_SEP),
                a.note.clone(),
            ],
        );
    }
    out
}

/// Header of [`countries_table_csv`].
const COUNTRY_TABLE_HEADER: &[&str] = &[
    "iso3",
    "name",
    "region",
    "subregion",
    "alignment",
    "artemis_date",
    "ilrs_date",
    "apsco_date",
    "ties_with_artemis_side",
    "ties_with_ilrs_side",
    "ties_with_others",
    "source_urls",
];

/// The visible table of a view: one row per country node of `graph`, sorted
/// by name, with its alignment at `at`, the dates it joined each framework
/// (empty if not a member by `at`), its bilateral ties counted by the
/// partner's camp, and the URLs (`;`-joined, without repeats) of the
/// memberships behind its visible framework edges.
///
/// `at` should be the date the graph was built for.
pub fn countries_table_csv(
    ds: &Dataset,
    graph: &Graph,
    at: Date,
    regions: &std::collections::BTreeSet<String>,
) -> String {
    let mut out = String::new();
    push_row(&mut out, COUNTRY_TABLE_HEADER);
    let date = |d: Option<(Date, crate::model::Instrument)>| {
        d.map(|(d, _)| d.to_string()).unwrap_or_default()
    };
    for r in crate::charts::table::country_rows(ds, graph, at, regions) {
        push_row(
            &mut out,
            [
                r.iso3.clone(),
                r.name.clone(),
                r.region.clone(),
                r.subregion.clone(),
                r.alignment.label().to_string(),
                date(r.artemis),
                date(r.ilrs),
                date(r.apsco),
                r.ties.artemis.to_string(),
                r.ties.ilrs.to_string(),
                r.ties.other.to_string(),
                url_list(ds, &r.source_ids),
            ],
        );
    }
    out
}

/// The visible countries of a view as JSON: the same rows as
/// [`countries_table_csv`], with the view's date and sources resolved.
pub fn countries_table_json(
    ds: &Dataset,
    graph: &Graph,
    at: Date,
    regions: &std::collections::BTreeSet<String>,
) -> String {
    let joined = |d: Option<(Date, Instrument)>| match d {
        Some((d, i)) => Json::Obj(vec![
            ("date", Json::Str(d.to_string())),
            ("instrument", Json::str(i.id())),
        ]),
        None => Json::Null,
    };
    let rows: Vec<Json> = crate::charts::table::country_rows(ds, graph, at, regions)
        .into_iter()
        .map(|r| {
            Json::Obj(vec![
                ("iso3", Json::str(&r.iso3)),
                ("name", Json::str(&r.name)),
                ("region", Json::str(&r.region)),
                ("subregion", Json::str(&r.subregion)),
                ("alignment", Json::str(r.alignment.label())),
                ("artemis", joined(r.artemis)),
                ("ilrs", joined(r.ilrs)),
                ("apsco", joined(r.apsco)),
                ("ties_with_artemis_side", Json::Num(r.ties.artemis as f64)),
                ("ties_with_ilrs_side", Json::Num(r.ties.ilrs as f64)),
                ("ties_with_others", Json::Num(r.ties.other as f64)),
                ("sources", Json::strs(&r.source_ids)),
                ("source_urls", Json::strs(urls_parallel(ds, &r.source_ids))),
            ])
        })
        .collect();
    let doc = Json::Obj(vec![
        ("title", Json::str(TITLE)),
        ("version", Json::str(&ds.version)),
        ("as_of", Json::Str(at.to_string())),
        ("countries", Json::Arr(rows)),
    ]);
    let mut out = String::new();
    doc.write(&mut out, 0);
    out.push('\n');
    out
}

/// Columns of [`lean_csv`].
const LEAN_HEADER: [&str; 10] = [
    "iso3",
    "name",
    "alignment",
    "us_side_weighted",
    "china_russia_side_weighted",
    "lean_index",
    "stands",
    "us_side_ties",
    "china_russia_side_ties",
    "source_urls",
];

/// One side's parts as "what x count @ weight (row ids)", `;`-joined.
fn lean_parts(parts: &[crate::charts::lean::Part]) -> String {
    parts
        .iter()
        .map(|p| {
            format!(
                "{} x {} @ {} ({})",
                p.what(),
                p.count,
                p.weight,
                p.ids.join(" ")
            )
        })
        .collect::<Vec<_>>()
        .join(LIST_SEP)
}

/// The lean table of a view as CSV: every third country in its scope at its
/// date, with both sides' weighted sums, the lean, what makes it up and the
/// URLs of the rows counted.
pub fn lean_csv(ds: &Dataset, filters: &crate::graph::Filters) -> String {
    use crate::charts::lean::Lean;
    let mut out = String::new();
    push_row(&mut out, LEAN_HEADER);
    for l in crate::charts::lean::all(ds, filters) {
        push_row(
            &mut out,
            [
                l.iso3.clone(),
                crate::charts::name_of(ds, &l.iso3).to_string(),
                l.alignment.label().to_string(),
                Lean::score(&l.us).to_string(),
                Lean::score(&l.china).to_string(),
                format!("{:.3}", l.index()),
                l.class().label().to_string(),
                lean_parts(&l.us),
                lean_parts(&l.china),
                url_list(ds, &l.sources),
            ],
        );
    }
    out
}

/// The lean table of a view as JSON: the rows of [`lean_csv`], with each
/// side's parts as objects and the rule's weights.
pub fn lean_json(ds: &Dataset, filters: &crate::graph::Filters) -> String {
    use crate::charts::lean::{Lean, Part};
    let parts = |ps: &[Part]| {
        Json::Arr(
            ps.iter()
                .map(|p| {
                    Json::Obj(vec![
                        ("item", Json::Str(p.item.id())),
                        ("label", Json::Str(p.label())),
                        (
                            "partner",
                            match p.leader {
                                Some(true) => Json::str("leading state"),
                                Some(false) => Json::str("camp member"),
                                None => Json::Null,
                            },
                        ),
                        ("count", Json::Num(p.count as f64)),
                        ("weight", Json::Num(f64::from(p.weight))),
                        ("rows", Json::strs(&p.ids)),
                    ])
                })
                .collect(),
        )
    };
    let rows: Vec<Json> = crate::charts::lean::all(ds, filters)
        .iter()
        .map(|l| {
            Json::Obj(vec![
                ("iso3", Json::str(&l.iso3)),
                ("name", Json::str(crate::charts::name_of(ds, &l.iso3))),
                ("alignment", Json::str(l.alignment.label())),
                ("us_side_weighted", Json::Num(f64::from(Lean::score(&l.us)))),
                (
                    "china_russia_side_weighted",
                    Json::Num(f64::from(Lean::score(&l.china))),
                ),
                (
                    "lean_index",
                    Json::Num((f64::from(l.index()) * 1000.0).round() / 1000.0),
                ),
                ("stands", Json::str(l.class().label())),
                ("us_side", parts(&l.us)),
                ("china_russia_side", parts(&l.china)),
                ("sources", Json::strs(&l.sources)),
                ("source_urls", Json::strs(urls_parallel(ds, &l.sources))),
            ])
        })
        .collect();
    let weights: Vec<Json> = ds
        .lean_weights
        .iter()
        .map(|w| {
            Json::Obj(vec![
                ("item", Json::Str(w.item.id())),
                ("weight", Json::Num(f64::from(w.weight))),
                ("note", Json::str(&w.note)),
            ])
        })
        .collect();
    let at = filters.as_of.unwrap_or(ds.as_of);
    let doc = Json::Obj(vec![
        ("title", Json::str(TITLE)),
        ("version", Json::str(&ds.version)),
        ("as_of", Json::Str(at.to_string())),
        ("weights", Json::Arr(weights)),
        ("countries", Json::Arr(rows)),
    ]);
    let mut out = String::new();
    doc.write(&mut out, 0);
    out.push('\n');
    out
}

/// A change list as JSON: the window `(from, to]`, its summary sentence,
/// and each row (as listed, in the list's order) with its kind, date,
/// actors and their names, what, and sources with their URLs.
pub fn changes_json(
    ds: &Dataset,
    c: &crate::charts::change::Changes,
    rows: &[crate::charts::change::Row],
) -> String {
    let items: Vec<Json> = rows
        .iter()
        .map(|r| {
            Json::Obj(vec![
                ("change", Json::str(r.kind.id())),
                ("date", Json::Str(r.date.to_string())),
                ("actors", Json::strs(&r.actors)),
                (
                    "names",
                    Json::strs(r.actors.iter().map(|a| crate::charts::name_of(ds, a))),
                ),
                ("what", Json::str(&r.what)),
                ("sources", Json::strs(&r.sources)),
                (
                    "source_urls",
                    Json::strs(crate::charts::change::source_urls(ds, &r.sources)),
                ),
            ])
        })
        .collect();
    let doc = Json::Obj(vec![
        ("title", Json::str(TITLE)),
        ("version", Json::str(&ds.version)),
        ("from", Json::Str(c.from.to_string())),
        ("to", Json::Str(c.to.to_string())),
        ("window", Json::str("after from, up to and including to")),
        ("summary", Json::Str(crate::charts::change::summary(c))),
        ("changes", Json::Arr(items)),
    ]);
    let mut out = String::new();
    doc.write(&mut out, 0);
    out.push('\n');
    out
}

/// Text escaped for HTML element content and attribute values.
fn html(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// What a reader without WebAssembly (or a crawler, a reader mode, a
/// preview) gets in `index.html`, generated from the data at build time by
/// `examples/first_paint.rs`: the summary line the app shows (with the
/// countries in both camps), both coalitions' member states as of the
/// data's date, and the CSV downloads. HTML, escaped, without style attributes.
pub fn first_paint_html(ds: &Dataset) -> String {
    let f = crate::graph::Filters::default();
    let members = |fw: FrameworkId| -> Vec<String> {
        let mut names: Vec<String> = crate::charts::state_joins(ds, &f, fw, ds.as_of, false)
            .iter()
            .map(|m| crate::charts::name_of(ds, &m.actor).to_string())
            .collect();
        crate::sort::sort(&mut names);
        names
    };
    let mut out = format!(
        "<p>{}</p>\n",
        html(&crate::charts::compare::summary(ds, &f))
    );
    for fw in [FrameworkId::Artemis, FrameworkId::Ilrs] {
        let names = members(fw);
        let title = ds
            .framework(fw)
            .map_or(fw.label().to_string(), |x| x.name.clone());
        out.push_str(&format!(
            "<h2>{} — {} member states as of {}</h2>\n<p>{}.</p>\n",
            html(&title),
            names.len(),
            ds.as_of.human(),
            html(&names.join(", "))
        ));
    }
    out.push_str(
        "<p>The sourced data is available as CSV files: <a href=\"data/memberships.csv\">memberships</a>, \
         <a href=\"data/partnerships.csv\">partnerships</a>, <a href=\"data/sources.csv\">sources</a>, \
         <a href=\"data/actors.csv\">actors</a>, <a href=\"data/countries.csv\">countries</a>.</p>\n",
    );
    out
}

// ---------------------------------------------------------------- Other

/// The footer baked into exported images: title, date and data version,
/// active filters, sources, and the view's permalink.
pub fn footer_lines(
    ds: &Dataset,
    what: &str,
    filters: &crate::graph::Filters,
    permalink: &str,
) -> Vec<String> {
    let at = filters.as_of.unwrap_or(ds.as_of);
    let filtered = filters.describe();
    vec![
        format!("{TITLE} — {what}"),
        format!(
            "As of {} · dataset version {} · {}",
            at.human(),
            ds.version,
            if filtered.is_empty() { "no filters".to_string() } else { format!("filtered: {}", filtered.join("; ")) }
        ),
        "Sources: NASA, U.S. State Dept., CNSA, Roscosmos, agencies and press; every fact's sources are in the app and its data downloads.".to_string(),
        permalink.to_string(),
    ]
}

/// A one-line citation of the dataset:
/// `Space Alliances: Artemis Accords vs ILRS (dataset version 2026.11.26,
/// data as of 25 Jun 2026). <permalink>. Accessed 26 Nov 2026.`
/// The permalink part is left out when `permalink` is blank.
pub fn citation(ds: &Dataset, permalink: &str, accessed: Date) -> String {
    // A citation is pasted into running text: no line breaks.
    let link: String = permalink.split_whitespace().collect::<Vec<_>>().join("");
    let mut out = format!(
        "{TITLE} (dataset version {}, data as of {}).",
        ds.version,
        ds.as_of.human()
    );
    if !link.is_empty() {
        out.push(' ');
        out.push_str(&link);
        out.push('.');
    }
    out.push_str(&format!(" Accessed {}.", accessed.human()));
    out
}

/// A download's file name: `space-alliances-<stem>-<version>.<ext>`, e.g.
/// `space-alliances-memberships-2026.11.26.csv`. Each part is reduced to
/// ASCII letters, digits, `-` and (in the version) `.`, so the name is safe
/// on every file system; empty parts are left out.
pub fn file_name(stem: &str, ds: &Dataset, ext: &str) -> String {
    let mut name = String::from("space-alliances");
    for part in [safe(stem, false), safe(&ds.version, true)] {
        if !part.is_empty() {
            name.push('-');
            name.push_str(&part);
        }
    }
    let ext: String = ext
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .map(|c| c.to_ascii_lowercase())
        .collect();
    if !ext.is_empty() {
        name.push('.');
        name.push_str(&ext);
    }
    name
}

/// Lower-case ASCII letters and digits, with any run of other characters
/// turned into one `-` (or `.` when `dots` and the run is only dots); no
/// separator at either end, so no `..` or hidden-file names can result.
fn safe(text: &str, dots: bool) -> String {
    let mut out = String::new();
    let mut sep: Option<char> = None;
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            if let Some(s) = sep.take()
                && !out.is_empty()
            {
                out.push(s);
            }
            out.push(c.to_ascii_lowercase());
        } else {
            let this = if dots && c == '.' { '.' } else { '-' };
            sep = Some(match sep {
                Some('.') | None if this == '.' => '.',
                _ => '-',
            });
        }
    }
    out
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::dataset::csv::parse;
    use crate::graph::{Filters, build};
    use serde_json::Value;

    fn ds() -> Dataset {
        crate::test_support::dataset().clone()
    }

    const NASTY: &str =
        "a \"quoted\", back\\slash\nnew line\r\ttab \u{1} \u{1f} \u{7f} é 月 🚀 \u{2028} #";

    #[test]
    fn visible_countries_json_parses_and_matches_the_table() {
        let ds = crate::test_support::dataset().clone();
        let g = crate::graph::build(&ds, &crate::graph::Filters::default());
        let text = countries_table_json(&ds, &g, ds.as_of, &Default::default());
        let v: serde_json::Value = serde_json::from_str(&text).expect("valid JSON");
        let rows = v["countries"].as_array().unwrap();
        assert_eq!(
            rows.len(),
            crate::charts::table::country_rows(&ds, &g, ds.as_of, &Default::default()).len()
        );
        let tha = rows.iter().find(|r| r["iso3"] == "THA").unwrap();
        assert_eq!(tha["artemis"]["date"], "2024-12-16");
        assert_eq!(tha["alignment"], "Both camps");
        assert!(!tha["source_urls"].as_array().unwrap().is_empty());
    }

    #[test]
    fn the_lean_table_downloads_hold_the_same_rows_as_the_lean_rule() {
        let ds = crate::test_support::dataset();
        let f = crate::graph::Filters::default();
        let leans = crate::charts::lean::all(ds, &f);
        let v: serde_json::Value = serde_json::from_str(&lean_json(ds, &f)).expect("valid JSON");
        let rows = v["countries"].as_array().unwrap();
        assert_eq!(rows.len(), leans.len());
        assert_eq!(
            v["weights"].as_array().unwrap().len(),
            ds.lean_weights.len()
        );
        for (r, l) in rows.iter().zip(&leans) {
            assert_eq!(r["iso3"], l.iso3.as_str());
            let counted: f64 = r["us_side"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["count"].as_f64().unwrap() * p["weight"].as_f64().unwrap())
                .sum();
            assert!((counted - r["us_side_weighted"].as_f64().unwrap()).abs() < 1e-6);
            // Each part names the rows it counts.
            for p in r["us_side"].as_array().unwrap() {
                assert_eq!(
                    p["rows"].as_array().unwrap().len() as f64,
                    p["count"].as_f64().unwrap()
                );
            }
            // Whatever is counted is cited.
            let tied = !l.us.is_empty() || !l.china.is_empty();
            assert_eq!(
                tied,
                !r["sources"].as_array().unwrap().is_empty(),
                "{}",
                l.iso3
            );
        }
        let csv = lean_csv(ds, &f);
        let table = crate::dataset::csv::parse(&csv).expect("our own CSV reads back");
        assert_eq!(table.header, LEAN_HEADER);
        assert_eq!(table.rows.len(), leans.len());
        assert!(
            table
                .rows
                .iter()
                .all(|r| r.fields.len() == LEAN_HEADER.len())
        );
    }

    #[test]
    fn the_first_paint_text_names_every_member_from_the_data() {
        let ds = crate::test_support::dataset();
        let text = first_paint_html(ds);
        let f = crate::graph::Filters::default();
        for fw in [FrameworkId::Artemis, FrameworkId::Ilrs] {
            let joins = crate::charts::state_joins(ds, &f, fw, ds.as_of, false);
            assert!(
                text.contains(&format!("— {} member states as of", joins.len())),
                "{fw:?}"
            );
            for m in joins {
                let name = html(crate::charts::name_of(ds, &m.actor));
                assert!(text.contains(&name), "{name} missing");
            }
        }
        assert!(text.contains(&html(&crate::charts::compare::summary(ds, &f))));
        // Markup only from us: names are escaped, and no style attribute (CSP).
        assert!(!text.contains("style="));
        assert_eq!(
            html("<b>\"A&B\"</b>"),
            "&lt;b&gt;&quot;A&amp;B&quot;&lt;/b&gt;"
        );
    }

    #[test]
    fn json_escaper_round_trips() {
        for s in [NASTY, "", "plain", "\\", "\"", "\u{0}"] {
            let mut out = String::new();
            escape_json(&mut out, s);
            let back: String = serde_json::from_str(&out).expect(&out);
            assert_eq!(back, s);
        }
        let mut out = String::new();
        escape_json(&mut out, "é\u{1}");
        assert_eq!(out, "\"é\\u0001\"", "non-ASCII stays UTF-8");
    }

    #[test]
    fn dataset_json_parses_and_is_complete() {
        let ds = ds();
        let text = dataset_json(&ds);
        let v: Value = serde_json::from_str(&text).expect("valid JSON");
        assert_eq!(v["title"], TITLE);
        assert_eq!(v["version"], ds.version.as_str());
        assert_eq!(v["as_of"], ds.as_of.to_string());
        let len = |k: &str| v[k].as_array().expect(k).len();
        assert_eq!(len("frameworks"), ds.frameworks.len());
        assert_eq!(len("actors"), ds.actors.len());
        assert_eq!(len("memberships"), ds.memberships.len());
        assert_eq!(len("partnerships"), ds.partnerships.len());
        assert_eq!(len("sources"), ds.sources.records().len());

        for m in v["memberships"].as_array().unwrap() {
            let ids = m["sources"].as_array().unwrap();
            let urls = m["source_urls"].as_array().unwrap();
            assert_eq!(ids.len(), urls.len(), "{m}");
            let has_url = urls.iter().any(|u| !u.as_str().unwrap().is_empty());
            let has_url_less_source = ids
                .iter()
                .any(|id| ds.source(id.as_str().unwrap()).unwrap().url.is_empty());
            assert!(has_url || has_url_less_source, "{m}");
            for k in ["confidence", "alt_date", "alt_sources", "note"] {
                assert!(m.get(k).is_some(), "{k} in {m}");
            }
        }
        for p in v["partnerships"].as_array().unwrap() {
            assert!(!p["source_urls"].as_array().unwrap().is_empty(), "{p}");
        }
        let tha = v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "THA")
            .expect("Thailand is an actor");
        assert_eq!(tha["iso2"], "TH");
        assert!(tha["lat"].is_f64() || tha["lat"].is_i64());
        let nasa = v["actors"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["id"] == "nasa")
            .unwrap();
        assert!(nasa["lat"].is_null() && nasa["country"] == "USA");
        // A source without a date is null, not "".
        let undated = ds
            .sources
            .records()
            .iter()
            .position(|s| s.date.is_none())
            .unwrap();
        assert!(v["sources"][undated]["date"].is_null());
    }

    #[test]
    fn the_change_list_json_has_every_row_with_its_sources() {
        use crate::charts::change::{self, Order};
        let mut ds = ds();
        let (from, to) = (Date::ymd(2022, 12, 31), ds.as_of);
        let f = crate::graph::Filters::default();
        let c = change::between(&ds, &f, from, to);
        // An odd tie title survives the trip.
        if let Some(&i) = c.ties.first() {
            ds.partnerships[i].title = NASTY.to_string();
        }
        let rows = change::rows(&ds, &c, Order::Date);
        let v: Value = serde_json::from_str(&changes_json(&ds, &c, &rows)).unwrap();
        assert_eq!(v["from"], from.to_string());
        assert_eq!(v["to"], to.to_string());
        assert_eq!(v["summary"], change::summary(&c));
        let items = v["changes"].as_array().unwrap();
        assert_eq!(items.len(), rows.len());
        for (item, r) in items.iter().zip(&rows) {
            assert_eq!(item["change"], r.kind.id());
            assert_eq!(item["date"], r.date.to_string());
            assert_eq!(item["what"], r.what.as_str());
            let n = r.sources.len();
            assert!(n > 0, "{r:?}");
            assert_eq!(item["sources"].as_array().unwrap().len(), n);
            assert_eq!(item["source_urls"].as_array().unwrap().len(), n);
            assert_eq!(item["names"].as_array().unwrap().len(), r.actors.len());
        }
        if !c.ties.is_empty() {
            assert!(items.iter().any(|i| i["what"] == NASTY));
        }
        // The CSV has the same rows, in the same order.
        let t = parse(&change::csv(&ds, &rows)).unwrap();
        assert_eq!(t.rows.len(), rows.len());
        for (row, r) in t.rows.iter().zip(&rows) {
            assert_eq!(
                (row.fields[0].as_str(), row.fields[1].clone()),
                (r.kind.id(), r.date.to_string())
            );
        }
    }

    #[test]
    fn dataset_json_escapes_odd_text() {
        let mut ds = ds();
        ds.memberships[0].note = Text::from(NASTY);
        ds.memberships[0].alt_date = None;
        let v: Value = serde_json::from_str(&dataset_json(&ds)).unwrap();
        assert_eq!(v["memberships"][0]["note"], NASTY);
        assert!(v["memberships"][0]["alt_date"].is_null());
    }

    /// Parses a CSV export and checks its header and row count.
    fn check_csv(text: &str, header: &[&str], rows: usize) -> crate::dataset::csv::Table {
        assert!(!text.contains("\r\n"), "\\n line endings");
        let t = parse(text).expect("valid CSV");
        assert_eq!(t.header, header);
        assert_eq!(t.rows.len(), rows);
        for r in &t.rows {
            assert_eq!(r.fields.len(), header.len(), "line {}", r.line);
        }
        t
    }

    #[test]
    fn dataset_csvs_parse_back() {
        let ds = ds();
        let t = check_csv(
            &memberships_csv(&ds),
            MEMBERSHIP_HEADER,
            ds.memberships.len(),
        );
        let i = t
            .rows
            .iter()
            .position(|r| r.fields[1] == "THA" && r.fields[6] == "artemis")
            .unwrap();
        let row = &t.rows[i].fields;
        let col = |n| t.column(n).unwrap();
        assert_eq!(row[col("actor_name")], "Thailand");
        assert_eq!(row[col("framework_name")], "Artemis Accords");
        assert!(row[col("source_urls")].starts_with("http"), "{row:?}");
        assert!(!row[col("source_titles")].is_empty());

        let t = check_csv(
            &partnerships_csv(&ds),
            PARTNERSHIP_HEADER,
            ds.partnerships.len(),
        );
        assert_eq!(t.rows[0].fields[2], actor_name(&ds, &ds.partnerships[0].a));
        check_csv(&sources_csv(&ds), SOURCE_HEADER, ds.sources.records().len());
        let t = check_csv(&actors_csv(&ds), ACTOR_HEADER, ds.actors.len());
        let tha = t.rows.iter().find(|r| r.fields[0] == "THA").unwrap();
        assert_eq!(tha.fields[5], "TH");
    }

    #[test]
    fn csv_fields_with_commas_quotes_and_newlines_round_trip() {
        let mut ds = ds();
        ds.memberships[0].note = Text::from(NASTY);
        ds.partnerships[0].title = NASTY.to_string();
        ds.sources.records_mut()[0].title = NASTY.to_string();
        ds.actors[0].note = NASTY.to_string();
        // A value starting with '#' must not be read as a comment line.
        ds.memberships[1].id = "#hash, id".to_string();
        let t = parse(&memberships_csv(&ds)).unwrap();
        assert_eq!(t.rows.len(), ds.memberships.len());
        assert_eq!(t.rows[0].fields.last().unwrap(), NASTY);
        assert_eq!(t.rows[1].fields[0], "#hash, id");
        let t = parse(&partnerships_csv(&ds)).unwrap();
        assert_eq!(t.rows[0].fields[7], NASTY);
        let t = parse(&sources_csv(&ds)).unwrap();
        assert_eq!(t.rows[0].fields[2], NASTY);
        let t = parse(&actors_csv(&ds)).unwrap();
        assert_eq!(t.rows[0].fields.last().unwrap(), NASTY);
    }

    #[test]
    fn countries_table_shows_thailand_in_both_camps() {
        let ds = ds();
        let g = build(&ds, &Filters::default());
        let countries = g
            .nodes
            .iter()
            .filter(|n| n.kind == crate::graph::NodeKind::Actor(ActorKind::Country))
            .count();
        let t = check_csv(
            &countries_table_csv(&ds, &g, ds.as_of, &Default::default()),
            COUNTRY_TABLE_HEADER,
            countries,
        );
        let names: Vec<&str> = t.rows.iter().map(|r| r.fields[1].as_str()).collect();
        assert!(names.windows(2).all(|w| w[0] <= w[1]), "sorted by name");
        let tha = &t.rows.iter().find(|r| r.fields[0] == "THA").unwrap().fields;
        assert_eq!(tha[1], "Thailand");
        assert_eq!(tha[4], "Both camps");
        assert_eq!(tha[5], "2024-12-16");
        assert_eq!(tha[6], "2024-04-05");
        let urls: Vec<&str> = tha[11].split(';').collect();
        assert!(urls.len() >= 2 && urls.iter().all(|u| u.starts_with("http")));
        let unique: BTreeSet<&&str> = urls.iter().collect();
        assert_eq!(unique.len(), urls.len(), "no repeated URLs");
        let bra = &t.rows.iter().find(|r| r.fields[0] == "BRA").unwrap().fields;
        assert!(bra[9].parse::<usize>().unwrap() >= 1, "{bra:?}");
    }

    #[test]
    fn citation_names_permalink_version_and_dates() {
        let ds = ds();
        let link = "https://example.org/space-alliances/#v=1&d=2026-06";
        let c = citation(&ds, link, Date::ymd(2026, 11, 26));
        assert!(c.contains(link), "{c}");
        assert!(c.contains(&ds.version), "{c}");
        assert!(c.contains(&ds.as_of.human()), "{c}");
        assert!(c.contains("Accessed 26 Nov 2026."), "{c}");
        assert!(!c.contains('\n'));
        assert!(!citation(&ds, "a\nb", ds.as_of).contains('\n'));
        assert!(!citation(&ds, "", ds.as_of).contains(" . "));
    }

    #[test]
    fn file_names_are_safe() {
        let mut ds = ds();
        ds.version = "2026.11.26".into();
        assert_eq!(
            file_name("memberships", &ds, "csv"),
            "space-alliances-memberships-2026.11.26.csv"
        );
        assert_eq!(
            file_name("../Countries Table/", &ds, ".JSON"),
            "space-alliances-countries-table-2026.11.26.json"
        );
        ds.version = "../v1..2 beta".into();
        assert_eq!(file_name("", &ds, "csv"), "space-alliances-v1.2-beta.csv");
    }
}
