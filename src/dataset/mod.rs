//! Loading and validating the dataset: one pass over every file that
//! collects every error (file, line, field, message) instead of stopping at
//! the first, so a maintainer fixes a broken edit in one go.

pub mod bench;
pub mod csv;

use std::collections::{BTreeMap, BTreeSet};
use std::fmt;

use crate::model::date::Date;
use crate::model::*;
use csv::{Row, Table};

/// The sources' file.
const SOURCES: &str = "sources.csv";

/// Its first column alone (`build.rs`), read by [`load`] in its place: the
/// dataset's sources are then known by id only, their records to be read
/// later ([`read_sources`]).
const SOURCE_IDS: &str = "source_ids.csv";

/// Whether [`EMBEDDED`] has the sources' ids only: in the app's split build,
/// whose start module leaves the records to a chunk fetched when a source is
/// first cited (issue #18, "a lighter first load").
const SPLIT: bool = cfg!(all(target_arch = "wasm32", feature = "split"));

/// `sources.csv` as embedded (without curator notes).
pub const SOURCES_CSV: &str = include_str!(concat!(env!("OUT_DIR"), "/sources.csv"));

/// The memberships' file.
const MEMBERSHIPS: &str = "memberships.csv";
/// The partnerships' file.
const PARTNERSHIPS: &str = "partnerships.csv";
/// The memberships' longer texts, read with the facts unless they come later.
const MEMBERSHIP_TEXTS: [&str; 2] = ["official", "note"];
/// The partnerships' longer texts, likewise.
const PARTNERSHIP_TEXTS: [&str; 2] = ["description", "note"];

/// The second step of the app's split build (see [`read_later`]), by the
/// names of the files they come from: the sources' records, and the
/// memberships' and partnerships' longer texts (each fact's id with its
/// [`MEMBERSHIP_TEXTS`] or [`PARTNERSHIP_TEXTS`] columns, on the file's
/// lines; `build.rs` writes them).
pub const LATER: &[(&str, &str)] = &[
    (SOURCES, SOURCES_CSV),
    (
        MEMBERSHIPS,
        include_str!(concat!(env!("OUT_DIR"), "/memberships_texts.csv")),
    ),
    (
        PARTNERSHIPS,
        include_str!(concat!(env!("OUT_DIR"), "/partnerships_texts.csv")),
    ),
];

/// The data files, by name, as shipped in `assets/data/`; `countries.csv`
/// keeps only the countries the other files mention, and the others leave
/// out their `curator_note` column (see `build.rs`). In the app's split
/// build `sources.csv` is there by its ids only, and the memberships and
/// partnerships without their longer texts ([`LATER`] is read when first
/// needed).
pub const EMBEDDED: &[(&str, &str)] = &[
    ("meta.csv", include_str!("../../assets/data/meta.csv")),
    (
        "countries.csv",
        include_str!(concat!(env!("OUT_DIR"), "/countries.csv")),
    ),
    (
        "actors.csv",
        include_str!(concat!(env!("OUT_DIR"), "/actors.csv")),
    ),
    if SPLIT {
        (
            SOURCE_IDS,
            include_str!(concat!(env!("OUT_DIR"), "/source_ids.csv")),
        )
    } else {
        (SOURCES, SOURCES_CSV)
    },
    (
        "frameworks.csv",
        include_str!("../../assets/data/frameworks.csv"),
    ),
    (
        MEMBERSHIPS,
        if SPLIT {
            include_str!(concat!(env!("OUT_DIR"), "/memberships_facts.csv"))
        } else {
            include_str!(concat!(env!("OUT_DIR"), "/memberships.csv"))
        },
    ),
    (
        PARTNERSHIPS,
        if SPLIT {
            include_str!(concat!(env!("OUT_DIR"), "/partnerships_facts.csv"))
        } else {
            include_str!(concat!(env!("OUT_DIR"), "/partnerships.csv"))
        },
    ),
    (
        "reported_counts.csv",
        include_str!(concat!(env!("OUT_DIR"), "/reported_counts.csv")),
    ),
    (
        "lean_weights.csv",
        include_str!("../../assets/data/lean_weights.csv"),
    ),
];

/// One problem found in the data.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct DataError {
    /// File name, e.g. `memberships.csv`.
    pub file: String,
    /// 1-based line, 0 for the file as a whole.
    pub line: usize,
    /// Column name, empty for the row or file as a whole.
    pub field: String,
    /// What is wrong, in plain words.
    pub message: String,
}

impl fmt::Display for DataError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.file)?;
        if self.line > 0 {
            write!(f, ":{}", self.line)?;
        }
        if !self.field.is_empty() {
            write!(f, " [{}]", self.field)?;
        }
        write!(f, ": {}", self.message)
    }
}

/// Collects errors while reading rows.
struct Check {
    errors: Vec<DataError>,
}

impl Check {
    fn push(&mut self, file: &str, line: usize, field: &str, message: impl Into<String>) {
        self.errors.push(DataError {
            file: file.into(),
            line,
            field: field.into(),
            message: message.into(),
        });
    }

    /// Parses a file, checking that the columns it needs are there.
    fn table(
        &mut self,
        files: &BTreeMap<&str, &str>,
        file: &str,
        columns: &[&str],
    ) -> Option<Table> {
        let Some(text) = files.get(file) else {
            self.push(file, 0, "", "the file is missing");
            return None;
        };
        match csv::parse(text) {
            Ok(table) => {
                let missing: Vec<&str> = columns
                    .iter()
                    .copied()
                    .filter(|c| table.column(c).is_none())
                    .collect();
                for c in &missing {
                    self.push(file, 1, c, "this column is missing from the header");
                }
                missing.is_empty().then_some(table)
            }
            Err(e) => {
                self.push(file, e.line(), "", e.to_string());
                None
            }
        }
    }
}

/// A view of one row with typed accessors that record errors.
struct Cells<'a> {
    file: &'a str,
    table: &'a Table,
    row: &'a Row,
}

impl<'a> Cells<'a> {
    fn line(&self) -> usize {
        self.row.line
    }

    fn get(&self, column: &str) -> &'a str {
        self.table
            .column(column)
            .and_then(|i| self.row.fields.get(i))
            .map_or("", |s| s.trim())
    }

    fn required(&self, c: &mut Check, column: &str) -> &'a str {
        let v = self.get(column);
        if v.is_empty() {
            c.push(self.file, self.line(), column, "a value is required");
        }
        v
    }

    fn id(&self, c: &mut Check, column: &str) -> &'a str {
        let v = self.required(c, column);
        if !v.is_empty() && !is_slug(v) {
            c.push(
                self.file,
                self.line(),
                column,
                format!("'{v}' is not a lowercase slug (a-z, 0-9, -)"),
            );
        }
        v
    }

    fn date(&self, c: &mut Check, column: &str, required: bool) -> Option<Date> {
        let v = self.get(column);
        if v.is_empty() {
            if required {
                c.push(self.file, self.line(), column, "a date is required");
            }
            return None;
        }
        Date::parse(v)
            .map_err(|e| c.push(self.file, self.line(), column, e.to_string()))
            .ok()
    }

    /// A longer text: the cell, or one to come if the file leaves the
    /// column out (the app's split build; see [`read_later`]).
    fn text(&self, column: &str) -> Text {
        match self.table.column(column) {
            Some(_) => Text::from(self.get(column)),
            None => Text::later(),
        }
    }

    fn list(&self, column: &str) -> Vec<String> {
        self.get(column)
            .split(';')
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect()
    }

    fn vocab<T>(
        &self,
        c: &mut Check,
        column: &str,
        parse: fn(&str) -> Option<T>,
        ids: fn() -> String,
    ) -> Option<T> {
        let v = self.required(c, column);
        if v.is_empty() {
            return None;
        }
        let parsed = parse(v);
        if parsed.is_none() {
            c.push(
                self.file,
                self.line(),
                column,
                format!("'{v}' is not one of: {}", ids()),
            );
        }
        parsed
    }
}

/// True for `[a-z0-9]+(-[a-z0-9]+)*`.
pub fn is_slug(s: &str) -> bool {
    !s.is_empty()
        && s.split('-').all(|p| {
            !p.is_empty()
                && p.bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// True for three upper-case ASCII letters.
pub fn looks_like_iso3(s: &str) -> bool {
    s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase())
}

/// The columns a facts' file must have: with its longer texts, unless they
/// come a step later.
fn columns<'a>(base: &[&'a str], texts: &[&'a str], two_steps: bool) -> Vec<&'a str> {
    let texts = if two_steps { &[][..] } else { texts };
    base.iter().chain(texts).copied().collect()
}

fn rows<'a>(file: &'a str, table: &'a Table) -> impl Iterator<Item = Cells<'a>> {
    table.rows.iter().map(move |row| Cells { file, table, row })
}

/// Loads the embedded dataset.
pub fn load_embedded() -> Result<Dataset, Vec<DataError>> {
    load(EMBEDDED)
}

/// Parses and validates a set of data files. Returns every error found.
pub fn load(files: &[(&str, &str)]) -> Result<Dataset, Vec<DataError>> {
    let files: BTreeMap<&str, &str> = crate::sort::map_of(files.iter().copied());
    let mut c = Check { errors: Vec::new() };
    let mut ds = Dataset::default();

    // meta.csv
    if let Some(t) = c.table(&files, "meta.csv", &["key", "value"]) {
        for r in rows("meta.csv", &t) {
            match r.get("key") {
                "version" => ds.version = r.required(&mut c, "value").to_string(),
                "as_of" => ds.as_of = r.date(&mut c, "value", true).unwrap_or_default(),
                _ => {}
            }
        }
        if ds.version.is_empty() {
            c.push("meta.csv", 0, "version", "the dataset version is missing");
        }
        if ds.as_of == Date::default() {
            c.push("meta.csv", 0, "as_of", "the 'as of' date is missing");
        }
    }

    // countries.csv (generated)
    if let Some(t) = c.table(
        &files,
        "countries.csv",
        &[
            "iso3",
            "iso2",
            "name",
            "region",
            "subregion",
            "lat",
            "lon",
            "aliases",
        ],
    ) {
        for r in rows("countries.csv", &t) {
            let iso3 = r.required(&mut c, "iso3");
            if !looks_like_iso3(iso3) {
                c.push(
                    "countries.csv",
                    r.line(),
                    "iso3",
                    format!("'{iso3}' is not an ISO 3166-1 alpha-3 code"),
                );
            }
            let num = |c: &mut Check, col: &str, max: f64| -> f64 {
                match r.get(col).parse::<f64>() {
                    Ok(v) if v.is_finite() && v.abs() <= max => v,
                    _ => {
                        c.push(
                            "countries.csv",
                            r.line(),
                            col,
                            format!("'{}' is not a coordinate", r.get(col)),
                        );
                        0.0
                    }
                }
            };
            let (lat, lon) = (num(&mut c, "lat", 90.0), num(&mut c, "lon", 180.0));
            ds.countries.push(Country {
                iso3: iso3.into(),
                iso2: r.get("iso2").into(),
                name: r.required(&mut c, "name").into(),
                region: r.get("region").into(),
                subregion: r.get("subregion").into(),
                lat,
                lon,
                aliases: r.list("aliases"),
            });
        }
        crate::sort::sort_by(&mut ds.countries, |a, b| a.iso3.cmp(&b.iso3));
        for w in ds.countries.windows(2) {
            if w[0].iso3 == w[1].iso3 {
                c.push(
                    "countries.csv",
                    0,
                    "iso3",
                    format!("duplicate country '{}'", w[0].iso3),
                );
            }
        }
    }

    // sources.csv, or only its ids: the app's split build, whose sources'
    // records and facts' longer texts come a step later ([`read_later`]).
    let two_steps = files.contains_key(SOURCE_IDS) && !files.contains_key(SOURCES);
    ds.sources = if two_steps {
        match c.table(&files, SOURCE_IDS, &["id"]) {
            Some(t) => Sources::ids_only(
                rows(SOURCES, &t)
                    .map(|r| r.id(&mut c, "id").to_string())
                    .collect(),
            ),
            None => Sources::default(),
        }
    } else {
        Sources::new(source_records(&mut c, &files))
    };
    let source_ids: BTreeSet<&str> =
        crate::sort::set_of(ds.sources.ids().iter().map(String::as_str));
    duplicates(&mut c, SOURCES, ds.sources.ids().iter().map(String::as_str));

    // actors.csv (non-country actors)
    if let Some(t) = c.table(
        &files,
        "actors.csv",
        &["id", "name", "kind", "country", "aliases", "note"],
    ) {
        for r in rows("actors.csv", &t) {
            let id = r.id(&mut c, "id");
            let kind = r.vocab(&mut c, "kind", ActorKind::parse, ActorKind::ids);
            if kind == Some(ActorKind::Country) {
                c.push(
                    "actors.csv",
                    r.line(),
                    "kind",
                    "countries come from countries.csv; list only other actors here",
                );
            }
            let country = r.get("country");
            if !country.is_empty() && ds.country(country).is_none() {
                c.push(
                    "actors.csv",
                    r.line(),
                    "country",
                    format!("unknown ISO 3166-1 alpha-3 code '{country}'"),
                );
            }
            ds.actors.push(Actor {
                id: id.into(),
                name: r.required(&mut c, "name").into(),
                kind: kind.unwrap_or(ActorKind::Organization),
                country: (!country.is_empty()).then(|| country.to_string()),
                aliases: r.list("aliases"),
                note: r.get("note").into(),
            });
        }
    }

    // Every actor reference is either a known slug or a known ISO3 code; the
    // countries referenced anywhere become actors of their own.
    let slugs: BTreeSet<String> = crate::sort::set_of(ds.actors.iter().map(|a| a.id.clone()));
    let mut referenced: BTreeSet<String> =
        crate::sort::set_of(ds.actors.iter().filter_map(|a| a.country.clone()));
    let mut actor_ref = |c: &mut Check, file: &str, line: usize, field: &str, id: &str| -> bool {
        if id.is_empty() {
            return false;
        }
        if looks_like_iso3(id) {
            if ds
                .countries
                .binary_search_by(|x| x.iso3.as_str().cmp(id))
                .is_ok()
            {
                referenced.insert(id.to_string());
                return true;
            }
            c.push(
                file,
                line,
                field,
                format!("unknown ISO 3166-1 alpha-3 code '{id}'"),
            );
            return false;
        }
        if slugs.contains(id) {
            return true;
        }
        c.push(
            file,
            line,
            field,
            format!("unknown actor id '{id}' (not an ISO3 code, not in actors.csv)"),
        );
        false
    };
    let check_sources =
        |c: &mut Check, file: &str, line: usize, field: &str, ids: &[String], required: bool| {
            if required && ids.is_empty() {
                c.push(file, line, field, "at least one source is required");
            }
            for s in ids {
                if !source_ids.contains(s.as_str()) {
                    c.push(file, line, field, format!("unknown source id '{s}'"));
                }
            }
        };

    // frameworks.csv
    if let Some(t) = c.table(
        &files,
        "frameworks.csv",
        &[
            "id",
            "name",
            "short",
            "led_by",
            "founded",
            "description",
            "sources",
        ],
    ) {
        for r in rows("frameworks.csv", &t) {
            let id = r.vocab(&mut c, "id", FrameworkId::parse, FrameworkId::ids);
            let led_by = r.list("led_by");
            for l in &led_by {
                actor_ref(&mut c, "frameworks.csv", r.line(), "led_by", l);
            }
            let sources = r.list("sources");
            check_sources(
                &mut c,
                "frameworks.csv",
                r.line(),
                "sources",
                &sources,
                true,
            );
            if let Some(id) = id {
                ds.frameworks.push(Framework {
                    id,
                    name: r.required(&mut c, "name").into(),
                    short: r.required(&mut c, "short").into(),
                    led_by,
                    founded: r.date(&mut c, "founded", true).unwrap_or_default(),
                    description: r.get("description").into(),
                    sources,
                });
            }
        }
        for f in FrameworkId::ALL {
            if ds.framework(*f).is_none() {
                c.push(
                    "frameworks.csv",
                    0,
                    "id",
                    format!("the framework '{}' is missing", f.id()),
                );
            }
        }
    }

    // memberships.csv
    let membership_cols = [
        "id",
        "actor",
        "framework",
        "date",
        "instrument",
        "level",
        "status",
        "confidence",
        "sources",
        "alt_date",
        "alt_sources",
    ];
    let cols = columns(&membership_cols, &MEMBERSHIP_TEXTS, two_steps);
    if let Some(t) = c.table(&files, MEMBERSHIPS, &cols) {
        for r in rows(MEMBERSHIPS, &t) {
            let f = MEMBERSHIPS;
            let actor = r.required(&mut c, "actor");
            let ok_actor = actor_ref(&mut c, f, r.line(), "actor", actor);
            let sources = r.list("sources");
            check_sources(&mut c, f, r.line(), "sources", &sources, true);
            let alt_sources = r.list("alt_sources");
            let alt_date = r.date(&mut c, "alt_date", false);
            check_sources(
                &mut c,
                f,
                r.line(),
                "alt_sources",
                &alt_sources,
                alt_date.is_some(),
            );
            let m = (
                r.id(&mut c, "id"),
                r.vocab(&mut c, "framework", FrameworkId::parse, FrameworkId::ids),
                r.date(&mut c, "date", true),
                r.vocab(&mut c, "instrument", Instrument::parse, Instrument::ids),
                r.vocab(&mut c, "level", Level::parse, Level::ids),
                r.vocab(&mut c, "status", Status::parse, Status::ids),
                r.vocab(&mut c, "confidence", Confidence::parse, Confidence::ids),
            );
            if let (
                id,
                Some(framework),
                Some(date),
                Some(instrument),
                Some(level),
                Some(status),
                Some(confidence),
            ) = m
                && ok_actor
            {
                ds.memberships.push(Membership {
                    id: id.into(),
                    actor: actor.into(),
                    framework,
                    date,
                    instrument,
                    level,
                    status,
                    official: r.text("official"),
                    confidence,
                    sources,
                    alt_date,
                    alt_sources,
                    note: r.text("note"),
                });
            }
        }
        duplicates(
            &mut c,
            MEMBERSHIPS,
            ds.memberships.iter().map(|m| m.id.as_str()),
        );
    }

    // partnerships.csv
    let partnership_cols = [
        "id",
        "a",
        "b",
        "kind",
        "date",
        "title",
        "confidence",
        "sources",
    ];
    let cols = columns(&partnership_cols, &PARTNERSHIP_TEXTS, two_steps);
    if let Some(t) = c.table(&files, PARTNERSHIPS, &cols) {
        for r in rows(PARTNERSHIPS, &t) {
            let f = PARTNERSHIPS;
            let (a, b) = (r.required(&mut c, "a"), r.required(&mut c, "b"));
            let ok_a = actor_ref(&mut c, f, r.line(), "a", a);
            let ok_b = actor_ref(&mut c, f, r.line(), "b", b);
            if ok_a && a == b {
                c.push(
                    f,
                    r.line(),
                    "b",
                    "a partnership needs two different parties",
                );
            }
            let sources = r.list("sources");
            check_sources(&mut c, f, r.line(), "sources", &sources, true);
            let p = (
                r.id(&mut c, "id"),
                r.vocab(&mut c, "kind", PartnershipKind::parse, PartnershipKind::ids),
                r.date(&mut c, "date", true),
                r.vocab(&mut c, "confidence", Confidence::parse, Confidence::ids),
                r.required(&mut c, "title"),
            );
            if let (id, Some(kind), Some(date), Some(confidence), title) = p
                && ok_a
                && ok_b
                && a != b
            {
                ds.partnerships.push(Partnership {
                    id: id.into(),
                    a: a.into(),
                    b: b.into(),
                    kind,
                    date,
                    title: title.into(),
                    description: r.text("description"),
                    confidence,
                    sources,
                    note: r.text("note"),
                });
            }
        }
        duplicates(
            &mut c,
            PARTNERSHIPS,
            ds.partnerships.iter().map(|p| p.id.as_str()),
        );
    }
    duplicates(
        &mut c,
        "actors.csv",
        ds.actors.iter().map(|a| a.id.as_str()),
    );

    // reported_counts.csv
    let f = "reported_counts.csv";
    if let Some(t) = c.table(
        &files,
        f,
        &[
            "id",
            "framework",
            "date",
            "count",
            "unit",
            "sources",
            "note",
        ],
    ) {
        for r in rows(f, &t) {
            let sources = r.list("sources");
            check_sources(&mut c, f, r.line(), "sources", &sources, true);
            let count = r.required(&mut c, "count");
            let parsed = count.parse::<usize>().ok();
            if !count.is_empty() && parsed.is_none() {
                c.push(
                    f,
                    r.line(),
                    "count",
                    format!("'{count}' is not a whole number"),
                );
            }
            let unit = r.required(&mut c, "unit");
            if !unit.is_empty() && unit != "states" && unit != "other" {
                c.push(
                    f,
                    r.line(),
                    "unit",
                    format!("'{unit}' is not one of: states, other"),
                );
            }
            let row = (
                r.id(&mut c, "id"),
                r.vocab(&mut c, "framework", FrameworkId::parse, FrameworkId::ids),
                r.date(&mut c, "date", true),
            );
            if let (id, Some(framework), Some(date), Some(count)) = (row.0, row.1, row.2, parsed) {
                ds.reported_counts.push(ReportedCount {
                    id: id.into(),
                    framework,
                    date,
                    count,
                    of_states: unit == "states",
                    sources,
                    note: r.get("note").into(),
                });
            }
        }
        crate::sort::sort_by(&mut ds.reported_counts, |a, b| a.date.cmp(&b.date));
        duplicates(&mut c, f, ds.reported_counts.iter().map(|x| x.id.as_str()));
    }

    // lean_weights.csv: one weight, 0 to 10, for every item.
    let f = "lean_weights.csv";
    if let Some(t) = c.table(&files, f, &["item", "weight", "note"]) {
        for r in rows(f, &t) {
            let item_text = r.required(&mut c, "item");
            let item = LeanItem::parse(item_text);
            if !item_text.is_empty() && item.is_none() {
                c.push(
                    f,
                    r.line(),
                    "item",
                    format!("'{item_text}' is not member:<framework> or tie:<kind>"),
                );
            }
            let w = r.required(&mut c, "weight");
            let weight = w.parse::<f32>().ok().filter(|x| (0.0..=10.0).contains(x));
            if !w.is_empty() && weight.is_none() {
                c.push(
                    f,
                    r.line(),
                    "weight",
                    format!("'{w}' is not a number from 0 to 10"),
                );
            }
            if let Some(item) = item
                && ds.lean_weights.iter().any(|x| x.item == item)
            {
                c.push(
                    f,
                    r.line(),
                    "item",
                    format!("'{item_text}' is weighted twice"),
                );
            }
            if let (Some(item), Some(weight)) = (item, weight) {
                ds.lean_weights.push(LeanWeight {
                    item,
                    weight,
                    note: r.get("note").into(),
                });
            }
        }
        for item in LeanItem::all() {
            if !ds.lean_weights.iter().any(|w| w.item == item) {
                c.push(f, 0, "item", format!("'{}' has no weight", item.id()));
            }
        }
    }

    // Referenced countries become actors, after the slugs, sorted by name.
    let mut countries: Vec<Actor> = referenced
        .iter()
        .filter_map(|iso| ds.country(iso))
        .map(|k| Actor {
            id: k.iso3.clone(),
            name: k.name.clone(),
            kind: ActorKind::Country,
            country: Some(k.iso3.clone()),
            aliases: k.aliases.iter().cloned().chain([k.iso2.clone()]).collect(),
            note: String::new(),
        })
        .collect();
    crate::sort::sort_by(&mut countries, |a, b| a.name.cmp(&b.name));
    ds.actors.extend(countries);

    if c.errors.is_empty() {
        Ok(ds)
    } else {
        crate::sort::sort(&mut c.errors);
        Err(c.errors)
    }
}

/// Reads the sources' records (`sources.csv`), checking each row.
fn source_records(c: &mut Check, files: &BTreeMap<&str, &str>) -> Vec<Source> {
    let Some(t) = c.table(
        files,
        SOURCES,
        &["id", "url", "title", "publisher", "date", "type", "note"],
    ) else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for r in rows(SOURCES, &t) {
        let id = r.id(c, "id");
        let url = r.get("url");
        if url.is_empty() {
            if r.get("note").is_empty() {
                c.push(
                    SOURCES,
                    r.line(),
                    "url",
                    "a URL is required (or a note saying why there is none)",
                );
            }
        } else if !(url.starts_with("https://") || url.starts_with("http://"))
            || url.contains(char::is_whitespace)
        {
            c.push(
                SOURCES,
                r.line(),
                "url",
                format!("'{url}' is not an http(s) URL"),
            );
        }
        let kind = r.vocab(c, "type", SourceType::parse, SourceType::ids);
        out.push(Source {
            id: id.into(),
            url: url.into(),
            title: r.required(c, "title").into(),
            publisher: r.get("publisher").into(),
            date: r.date(c, "date", false),
            kind: kind.unwrap_or(SourceType::Secondary),
            note: r.get("note").into(),
        });
    }
    out
}

/// The second step of a dataset loaded in two (the app's split build):
/// reads the [`LATER`] files into `ds`, whose sources are known by id only
/// and whose facts' longer texts are to come, checking each row as [`load`]
/// does. The records must be those of the ids, and the texts those of the
/// facts, each once; nothing is handed over unless all of it reads. The
/// texts are handed over before the records, so a dataset whose sources are
/// [`ready`](Sources::ready) has its texts too.
pub fn read_later(ds: &Dataset, files: &[(&str, &str)]) -> Result<(), Vec<DataError>> {
    let mut c = Check { errors: Vec::new() };
    let files: BTreeMap<&str, &str> = crate::sort::map_of(files.iter().copied());
    let records = source_records(&mut c, &files);
    let memberships: Vec<&str> = ds.memberships.iter().map(|m| m.id.as_str()).collect();
    let partnerships: Vec<&str> = ds.partnerships.iter().map(|p| p.id.as_str()).collect();
    let m_texts = fact_texts(&mut c, &files, MEMBERSHIPS, &MEMBERSHIP_TEXTS, &memberships);
    let p_texts = fact_texts(
        &mut c,
        &files,
        PARTNERSHIPS,
        &PARTNERSHIP_TEXTS,
        &partnerships,
    );
    if let Err(message) = ds.sources.check(&records) {
        c.push(SOURCES, 0, "id", message);
    }
    if !c.errors.is_empty() {
        crate::sort::sort(&mut c.errors);
        return Err(c.errors);
    }
    for (m, [official, note]) in ds.memberships.iter().zip(m_texts) {
        m.official.provide(official);
        m.note.provide(note);
    }
    for (p, [description, note]) in ds.partnerships.iter().zip(p_texts) {
        p.description.provide(description);
        p.note.provide(note);
    }
    // Checked above, so the records are taken.
    let taken = ds.sources.provide(records);
    debug_assert!(taken.is_ok(), "{taken:?}");
    Ok(())
}

/// Reads a facts' file's longer texts (`columns`, by the fact's `id`):
/// one row for each of the facts (their `ids`), in their order.
fn fact_texts(
    c: &mut Check,
    files: &BTreeMap<&str, &str>,
    file: &str,
    columns: &[&str; 2],
    ids: &[&str],
) -> Vec<[String; 2]> {
    let want: Vec<&str> = std::iter::once("id")
        .chain(columns.iter().copied())
        .collect();
    let Some(t) = c.table(files, file, &want) else {
        return Vec::new();
    };
    let mut texts: Vec<Option<[String; 2]>> = vec![None; ids.len()];
    for r in rows(file, &t) {
        let id = r.id(c, "id");
        match ids.iter().position(|x| *x == id) {
            Some(i) if texts[i].is_none() => {
                texts[i] = Some(columns.map(|col| r.get(col).to_string()));
            }
            Some(_) => c.push(file, r.line(), "id", format!("a second text for '{id}'")),
            None if id.is_empty() => {}
            None => c.push(
                file,
                r.line(),
                "id",
                format!("'{id}' is not a fact of the dataset"),
            ),
        }
    }
    let missing = texts.iter().filter(|t| t.is_none()).count();
    if missing > 0 {
        c.push(
            file,
            0,
            "id",
            format!("{missing} of the {} facts have no text", ids.len()),
        );
    }
    texts.into_iter().flatten().collect()
}

fn duplicates<'a>(c: &mut Check, file: &str, ids: impl Iterator<Item = &'a str>) {
    let mut seen = BTreeSet::new();
    for id in ids {
        if !id.is_empty() && !seen.insert(id) {
            c.push(file, 0, "id", format!("duplicate id '{id}'"));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn replace(file: &str, from: &str, to: &str) -> Vec<(&'static str, String)> {
        EMBEDDED
            .iter()
            .map(|(n, t)| {
                (
                    *n,
                    if *n == file {
                        t.replacen(from, to, 1)
                    } else {
                        t.to_string()
                    },
                )
            })
            .collect()
    }

    fn load_owned(files: &[(&'static str, String)]) -> Result<Dataset, Vec<DataError>> {
        let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        load(&refs)
    }

    #[test]
    fn embedded_copies_leave_out_only_the_curator_notes() {
        let originals = [
            ("actors.csv", include_str!("../../assets/data/actors.csv")),
            ("sources.csv", include_str!("../../assets/data/sources.csv")),
            (
                "memberships.csv",
                include_str!("../../assets/data/memberships.csv"),
            ),
            (
                "partnerships.csv",
                include_str!("../../assets/data/partnerships.csv"),
            ),
            (
                "reported_counts.csv",
                include_str!("../../assets/data/reported_counts.csv"),
            ),
        ];
        for (name, original) in originals {
            let embedded = EMBEDDED.iter().find(|(n, _)| *n == name).unwrap().1;
            let (full, kept) = (csv::parse(original).unwrap(), csv::parse(embedded).unwrap());
            assert_eq!(kept.column("curator_note"), None, "{name}");
            assert_eq!(full.rows.len(), kept.rows.len(), "{name}");
            let notes = full.column("curator_note");
            for (a, b) in full.rows.iter().zip(&kept.rows) {
                assert_eq!(a.line, b.line, "{name}: line numbers kept");
                let n = if notes.is_some() {
                    a.fields.len() - 1
                } else {
                    a.fields.len()
                };
                assert_eq!(a.fields[..n], b.fields[..], "{name}:{}", a.line);
            }
        }
    }

    #[test]
    fn the_shipped_dataset_is_valid() {
        match load_embedded() {
            Ok(ds) => assert!(!ds.memberships.is_empty()),
            Err(errors) => {
                let text: Vec<String> = errors.iter().map(ToString::to_string).collect();
                panic!("{} data errors:\n{}", errors.len(), text.join("\n"));
            }
        }
    }

    #[test]
    fn embedded_countries_are_the_named_ones_on_their_own_lines() {
        let full = include_str!("../../assets/data/countries.csv");
        let (_, embedded) = EMBEDDED
            .iter()
            .find(|(n, _)| *n == "countries.csv")
            .unwrap();
        let (full_lines, kept): (Vec<&str>, Vec<&str>) =
            (full.lines().collect(), embedded.lines().collect());
        assert_eq!(
            full_lines.len(),
            kept.len(),
            "dropped rows stay as blank lines"
        );
        for (f, k) in full_lines.iter().zip(&kept) {
            assert!(k.is_empty() || k == f, "line moved: {k}");
        }
        let rows = kept
            .iter()
            .filter(|l| !l.is_empty() && !l.starts_with('#'))
            .count()
            - 1;
        // Exactly the countries some actor, membership, partnership or
        // framework names (as actors once loaded): no more, no fewer.
        let ds = crate::test_support::dataset().clone();
        let named = ds
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Country)
            .count();
        assert!(rows >= named, "{rows} rows for {named} named countries");
        assert!(
            rows < full_lines.len() - 2,
            "{rows} of all countries embedded"
        );
        for c in ["THA", "SEN", "USA", "CHN", "ARG"] {
            assert!(ds.country(c).is_some(), "{c} is named by the data");
        }
    }

    #[test]
    fn every_error_names_file_line_and_field() {
        // Break one membership in three ways at once; all three are reported.
        let ds = crate::test_support::dataset().clone();
        let m = &ds.memberships[0];
        let files = EMBEDDED
            .iter()
            .map(|(n, t)| {
                let t = if *n == "memberships.csv" {
                    let line = t
                        .lines()
                        .find(|l| l.starts_with(&format!("{},", m.id)))
                        .unwrap();
                    let broken = line
                        .replacen(&format!(",{},", m.actor), ",XXZ,", 1)
                        .replacen(&m.date.to_string(), "2021-02-30", 1);
                    t.replacen(line, &broken, 1)
                } else {
                    t.to_string()
                };
                (*n, t)
            })
            .collect::<Vec<_>>();
        let errors = load_owned(&files).unwrap_err();
        let on_line: Vec<&DataError> = errors
            .iter()
            .filter(|e| e.file == "memberships.csv" && e.line > 1)
            .collect();
        assert!(
            on_line
                .iter()
                .any(|e| e.field == "actor" && e.message.contains("XXZ")),
            "{errors:?}"
        );
        assert!(
            on_line
                .iter()
                .any(|e| e.field == "date" && e.message.contains("2021-02-30")),
            "{errors:?}"
        );
    }

    #[test]
    fn lean_weights_are_checked_item_by_item() {
        let with = |text: &str| {
            let files: Vec<(&str, String)> = EMBEDDED
                .iter()
                .map(|(n, t)| {
                    (
                        *n,
                        if *n == "lean_weights.csv" {
                            text.to_string()
                        } else {
                            t.to_string()
                        },
                    )
                })
                .collect();
            load_owned(&files).unwrap_err()
        };
        let shipped = EMBEDDED
            .iter()
            .find(|(n, _)| *n == "lean_weights.csv")
            .unwrap()
            .1;
        let broken = shipped
            .replacen("member:apsco,1,", "member:nope,1,", 1)
            .replacen("tie:launch,2,", "tie:launch,eleven,", 1)
            .replacen("tie:data,1,", "tie:satellite,1,", 1);
        let errors = with(&broken);
        let has = |field: &str, word: &str| {
            errors.iter().any(|e| {
                e.file == "lean_weights.csv" && e.field == field && e.message.contains(word)
            })
        };
        assert!(has("item", "member:nope"), "{errors:?}");
        assert!(has("weight", "eleven"), "{errors:?}");
        assert!(has("item", "weighted twice"), "{errors:?}");
        // The items no longer named: APSCO, launch (its weight is bad) and data.
        assert!(has("item", "'member:apsco' has no weight"), "{errors:?}");
        assert!(has("item", "'tie:data' has no weight"), "{errors:?}");
    }

    #[test]
    fn unknown_source_kind_and_duplicates_are_reported() {
        let ds = crate::test_support::dataset().clone();
        let p = &ds.partnerships[0];
        let files = replace(
            "partnerships.csv",
            &format!(",{},", p.kind.id()),
            ",rocket-science,",
        );
        let errors = load_owned(&files).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.field == "kind" && e.message.contains("rocket-science"))
        );

        let first_source = &ds.sources.ids()[0];
        let second_source = &ds.sources.ids()[1];
        let files = replace(
            "sources.csv",
            &format!("\n{second_source},"),
            &format!("\n{first_source},"),
        );
        let errors = load_owned(&files).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.file == "sources.csv" && e.message.contains("duplicate id")),
            "{errors:?}"
        );
    }

    /// The memberships and partnerships without their longer texts, as the
    /// app's split build embeds them.
    const FACTS: [(&str, &str); 2] = [
        (
            MEMBERSHIPS,
            include_str!(concat!(env!("OUT_DIR"), "/memberships_facts.csv")),
        ),
        (
            PARTNERSHIPS,
            include_str!(concat!(env!("OUT_DIR"), "/partnerships_facts.csv")),
        ),
    ];

    /// The files as the app's split build embeds them: `sources.csv` by
    /// its ids only, `text` in their place, and the facts without their
    /// longer texts.
    fn by_ids(text: &str) -> Vec<(&'static str, String)> {
        EMBEDDED
            .iter()
            .map(|(n, t)| match *n {
                SOURCES => (SOURCE_IDS, text.to_string()),
                _ => (
                    *n,
                    FACTS
                        .iter()
                        .find(|(f, _)| f == n)
                        .map_or(*t, |(_, facts)| *facts)
                        .to_string(),
                ),
            })
            .collect()
    }

    /// The second step's files, with `text` for the file `name`.
    fn later_with(name: &str, text: &str) -> Vec<(&'static str, String)> {
        LATER
            .iter()
            .map(|(n, t)| (*n, if *n == name { text } else { *t }.to_string()))
            .collect()
    }

    fn read_later_owned(
        ds: &Dataset,
        files: &[(&'static str, String)],
    ) -> Result<(), Vec<DataError>> {
        let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
        read_later(ds, &refs)
    }

    /// Whether no fact has its longer texts.
    fn no_texts(ds: &Dataset) -> bool {
        ds.memberships
            .iter()
            .all(|m| m.note.get().is_none() && m.official.get().is_none())
            && ds
                .partnerships
                .iter()
                .all(|p| p.note.get().is_none() && p.description.get().is_none())
    }

    const IDS: &str = include_str!(concat!(env!("OUT_DIR"), "/source_ids.csv"));

    #[test]
    fn the_dataset_in_two_steps_is_the_same_dataset() {
        let whole = crate::test_support::dataset();
        let ds = load_owned(&by_ids(IDS)).unwrap();
        assert!(!ds.sources.ready() && ds.sources.records().is_empty());
        assert_eq!(ds.sources.ids(), whole.sources.ids());
        assert!(ds.source(&whole.sources.ids()[0]).is_none());
        assert!(no_texts(&ds));
        assert_eq!(ds.partnerships.len(), whole.partnerships.len());
        assert_ne!(&ds, whole);
        // A copy of a fact made before the texts came has them after.
        let early = ds.partnerships[0].clone();
        read_later(&ds, LATER).unwrap();
        assert!(ds.sources.ready());
        assert_eq!(&ds, whole, "the second step completes the dataset");
        assert_eq!(early, whole.partnerships[0]);
        assert!(early.description.shown().is_some());
        // A second hand-over changes nothing.
        read_later(&ds, LATER).unwrap();
        assert_eq!(&ds, whole);
    }

    #[test]
    fn the_split_files_keep_the_line_numbers() {
        let full = csv::parse(SOURCES_CSV).unwrap();
        let ids = csv::parse(IDS).unwrap();
        assert_eq!(ids.rows.len(), full.rows.len());
        let id = full.column("id").unwrap();
        for (a, b) in full.rows.iter().zip(&ids.rows) {
            assert_eq!((a.line, &a.fields[id]), (b.line, &b.fields[0]));
        }
        // Each facts' file is its two parts, cell for cell and line for line.
        let whole = [
            include_str!(concat!(env!("OUT_DIR"), "/memberships.csv")),
            include_str!(concat!(env!("OUT_DIR"), "/partnerships.csv")),
        ];
        for ((name, facts), text) in FACTS.iter().zip(whole) {
            let parts = [facts, LATER.iter().find(|(n, _)| n == name).unwrap().1];
            let full = csv::parse(text).unwrap();
            let parts = parts.map(|p| csv::parse(p).unwrap());
            assert_eq!(
                parts[0].header.len() + parts[1].header.len(),
                full.header.len() + 1,
                "{name}: only the id is in both"
            );
            for part in &parts {
                assert_eq!(part.header[0], "id", "{name}");
                assert_eq!(part.rows.len(), full.rows.len(), "{name}");
                for (row, whole_row) in part.rows.iter().zip(&full.rows) {
                    assert_eq!(row.line, whole_row.line, "{name}");
                    for (col, cell) in part.header.iter().zip(&row.fields) {
                        assert_eq!(cell, &whole_row.fields[full.column(col).unwrap()], "{name}");
                    }
                }
            }
        }
    }

    #[test]
    fn facts_are_checked_against_sources_known_by_id() {
        let ds = crate::test_support::dataset();
        let cited = &ds.memberships[0].sources[0];
        let files = by_ids(&IDS.replacen(&format!("\n{cited}\n"), "\nnot-a-source\n", 1));
        let errors = load_owned(&files).unwrap_err();
        assert!(
            errors.iter().any(|e| e.file == "memberships.csv"
                && e.message == format!("unknown source id '{cited}'")),
            "{errors:?}"
        );
        let errors = load_owned(&by_ids("id\nNot A Slug\n")).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.file == SOURCES && e.line == 2 && e.message.contains("slug")),
            "{errors:?}"
        );
    }

    #[test]
    fn records_that_are_broken_or_not_those_of_the_ids_are_refused() {
        let ds = load_owned(&by_ids(IDS)).unwrap();
        let first = &ds.sources.ids()[0];
        // A row that does not read: named by line, and nothing handed over.
        let broken = SOURCES_CSV.replacen(",secondary,", ",tertiary,", 1);
        let errors = read_later_owned(&ds, &later_with(SOURCES, &broken)).unwrap_err();
        assert!(
            errors
                .iter()
                .all(|e| e.file == SOURCES && e.line > 1 && e.field == "type"),
            "{errors:?}"
        );
        assert!(!ds.sources.ready() && no_texts(&ds));
        // Well-formed records, but one source fewer than the ids name.
        let start = SOURCES_CSV.find(&format!("\n{first},")).unwrap() + 1;
        let end = start + SOURCES_CSV[start..].find('\n').unwrap() + 1;
        let fewer = format!("{}{}", &SOURCES_CSV[..start], &SOURCES_CSV[end..]);
        let errors = read_later_owned(&ds, &later_with(SOURCES, &fewer)).unwrap_err();
        assert_eq!(errors.len(), 1, "{errors:?}");
        assert!(errors[0].message.contains("are not the"), "{errors:?}");
        assert!(!ds.sources.ready() && ds.source(first).is_none() && no_texts(&ds));
        read_later(&ds, LATER).unwrap();
        assert!(ds.source(first).is_some());
    }

    #[test]
    fn texts_that_are_not_those_of_the_facts_are_refused() {
        let ds = load_owned(&by_ids(IDS)).unwrap();
        let texts = LATER.iter().find(|(n, _)| *n == PARTNERSHIPS).unwrap().1;
        let first = &ds.partnerships[0].id;
        let start = texts.find(&format!("\n{first},")).unwrap() + 1;
        let end = start + texts[start..].find('\n').unwrap() + 1;
        let line = texts[..start].matches('\n').count() + 1;
        let cases = [
            // A fact's row left out: the count said, nothing handed over.
            (
                format!("{}{}", &texts[..start], &texts[end..]),
                0,
                "1 of the".to_string(),
            ),
            // Its id changed to one no fact has: named by line.
            (
                texts.replacen(&format!("\n{first},"), "\nno-such-tie,", 1),
                line,
                "'no-such-tie' is not a fact".to_string(),
            ),
            // Given twice.
            (
                format!("{}{}", texts, &texts[start..end]),
                texts.matches('\n').count() + 1,
                format!("a second text for '{first}'"),
            ),
        ];
        for (text, line, message) in cases {
            let errors = read_later_owned(&ds, &later_with(PARTNERSHIPS, &text)).unwrap_err();
            assert!(
                errors.iter().any(|e| e.file == PARTNERSHIPS
                    && e.line == line
                    && e.message.contains(&message)),
                "{message}: {errors:?}"
            );
            assert!(!ds.sources.ready() && no_texts(&ds), "{message}");
        }
        // A missing column is named too.
        let errors = read_later_owned(
            &ds,
            &later_with(MEMBERSHIPS, &texts.replacen("note", "notes", 1)),
        )
        .unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.file == MEMBERSHIPS && e.field == "official" && e.line == 1),
            "{errors:?}"
        );
        read_later(&ds, LATER).unwrap();
        assert!(ds.partnerships[0].description.get().is_some());
    }

    #[test]
    fn missing_file_and_missing_column() {
        let files: Vec<(&str, &str)> = EMBEDDED
            .iter()
            .copied()
            .filter(|(n, _)| *n != "sources.csv")
            .collect();
        let errors = load(&files).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.file == "sources.csv" && e.message.contains("missing"))
        );
        let files = replace("partnerships.csv", "confidence", "confidance");
        let errors = load_owned(&files).unwrap_err();
        assert!(
            errors
                .iter()
                .any(|e| e.field == "confidence" && e.line == 1)
        );
    }

    // Random edits to the shipped files (bytes replaced, inserted or cut,
    // lines dropped or duplicated): loading never panics, and a failed load
    // always names at least one problem.
    #[cfg(not(target_arch = "wasm32"))]
    mod fuzz {
        use super::*;
        use proptest::prelude::*;

        #[derive(Debug, Clone)]
        enum Edit {
            Replace(usize, char),
            Insert(usize, String),
            Cut(usize, usize),
            DropLine(usize),
            DuplicateLine(usize),
        }

        fn edit() -> impl Strategy<Value = Edit> {
            prop_oneof![
                (any::<usize>(), prop::char::any()).prop_map(|(i, c)| Edit::Replace(i, c)),
                (any::<usize>(), "[,;\"\n\r#a-zA-Z0-9:-]{0,12}")
                    .prop_map(|(i, s)| Edit::Insert(i, s)),
                (any::<usize>(), 0usize..200).prop_map(|(i, n)| Edit::Cut(i, n)),
                any::<usize>().prop_map(Edit::DropLine),
                any::<usize>().prop_map(Edit::DuplicateLine),
            ]
        }

        fn apply(text: &str, e: &Edit) -> String {
            let boundary = |i: usize| {
                let mut i = i % (text.len() + 1);
                while !text.is_char_boundary(i) {
                    i -= 1;
                }
                i
            };
            match e {
                Edit::Replace(i, c) => {
                    let i = boundary(*i);
                    let end = text[i..].chars().next().map_or(i, |ch| i + ch.len_utf8());
                    format!("{}{c}{}", &text[..i], &text[end..])
                }
                Edit::Insert(i, s) => {
                    let i = boundary(*i);
                    format!("{}{s}{}", &text[..i], &text[i..])
                }
                Edit::Cut(i, n) => {
                    let i = boundary(*i);
                    let j = boundary(i + n).max(i);
                    format!("{}{}", &text[..i], &text[j..])
                }
                Edit::DropLine(k) | Edit::DuplicateLine(k) => {
                    let mut lines: Vec<&str> = text.lines().collect();
                    if lines.is_empty() {
                        return text.to_string();
                    }
                    let k = k % lines.len();
                    if matches!(e, Edit::DropLine(_)) {
                        lines.remove(k);
                    } else {
                        lines.insert(k, lines[k]);
                    }
                    lines.join("\n")
                }
            }
        }

        proptest! {
            #![proptest_config(ProptestConfig::with_cases(200))]
            #[test]
            fn random_edits_never_panic(file in 0usize..EMBEDDED.len(), edits in prop::collection::vec(edit(), 1..4)) {
                let files: Vec<(&str, String)> = EMBEDDED
                    .iter()
                    .enumerate()
                    .map(|(k, (n, t))| (*n, if k == file { edits.iter().fold(t.to_string(), |t, e| apply(&t, e)) } else { t.to_string() }))
                    .collect();
                let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
                if let Err(errors) = load(&refs) {
                    prop_assert!(!errors.is_empty());
                    for e in &errors {
                        prop_assert!(!e.file.is_empty() && !e.message.is_empty(), "{e:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn slugs() {
        assert!(is_slug("axiom-space"));
        assert!(!is_slug("Axiom"));
        assert!(!is_slug("a--b"));
        assert!(!is_slug("-a"));
    }
}
