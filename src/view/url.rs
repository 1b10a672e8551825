//! View state ⇄ URL query string, so that any view can be shared as a link.
//!
//! A link names only what differs from the default view, after a version
//! number, with keys in a fixed order so that equal views give equal links:
//!
//! ```text
//! ?v=1&tab=table&layout=axis&order=date&date=2023-06&fw=artemis~ilrs
//!     &align=artemis~both&kinds=country~agency&ties=launch
//!     &region=europe~western-asia&unverified=hide&bodies=1&sort=-ties-ilrs
//!     &sel=hub:artemis&q=south%20korea&view=12.35~-3.1~1.23457&embed=1
//! ```
//!
//! | key          | value                                                        |
//! |--------------|--------------------------------------------------------------|
//! | `v`          | link format version ([`VERSION`]); missing means 1            |
//! | `tab`        | [`Tab`] id: `graph`, `table`, `charts`                        |
//! | `layout`     | [`LayoutKind`] id: `network`, `axis`, `map` (old ids still read) |
//! | `order`      | `date`: alignment axis ordered by join date, not region       |
//! | `date`       | "as of" date, `YYYY-MM-DD`, `YYYY-MM` or `YYYY`                |
//! | `from`       | "compare with" date, before `date`: what changed since is listed |
//! | `marks`      | `off`: the change view's marks are not drawn on the graph       |
//! | `list`       | the change list's order: `date` or `name` (default: grouped by kind) |
//! | `only`       | `changes`: the table lists only the countries that changed in the window |
//! | `fw`         | *visible* frameworks, `~`-separated, or `none`                |
//! | `align`      | *visible* alignments, likewise                                |
//! | `kinds`      | *visible* actor kinds, likewise                               |
//! | `ties`       | *visible* partnership kinds, likewise                         |
//! | `region`     | UN M49 regions/subregions as slugs (`western-asia`), sorted   |
//! | `unverified` | `hide`: hide facts supported only by unverified sources       |
//! | `bodies`     | `1`: show agencies, institutions and companies as nodes       |
//! | `sort`       | table order: a column id, `-` in front for descending         |
//! | `sel`        | selected actor id; hubs keep their colon: `hub:artemis`       |
//! | `q`          | search text                                                   |
//! | `view`       | camera `x~y~scale` (x, y to 2 decimals, scale to 6 digits)    |
//! | `story`      | a story's id: the link shows its step (then only `step`, `view`, `embed` are written) |
//! | `step`       | the story's step, from 1 (default 1)                           |
//! | `embed`      | `1`: embedded, chrome-less view                               |
//!
//! Lists name what is *visible* rather than hidden so that a link stays
//! readable ("fw=artemis" shows only the Accords). Values are
//! percent-encoded except `A-Za-z0-9-._~:`; spaces are `%20`, never `+`.
//!
//! Reading is forgiving: a bad piece of a link is dropped with a [`Notice`]
//! and everything else still applies, because a half-working shared link is
//! better than an error page.

use std::collections::BTreeSet;
use std::fmt;
use std::fmt::Write as _;

use crate::graph::Filters;
use crate::graph::facts::Alignment;
use crate::layout::LayoutKind;
use crate::model::date::Date;
use crate::model::{ActorKind, Dataset, FrameworkId, PartnershipKind};

/// The link format version that [`to_query`] writes.
pub const VERSION: u32 = 1;

/// The earliest "as of" date a link may ask for: the Artemis Accords were
/// signed in October 2020, so nothing before that has anything to show.
pub const EARLIEST: Date = Date::ymd(2020, 10, 1);

/// Rewrites the key/value pairs of a link from version N to N+1, before they
/// are read. When a key or value changes meaning, bump [`VERSION`] and add a
/// step `(old_version, step)` here, so that old shared links keep working.
/// Steps are sorted and consecutive, the last one starting at `VERSION - 1`;
/// a link of version N runs every step from N on.
type Migration = fn(&mut Vec<(String, String)>);

/// The migrations, oldest first (see [`Migration`]).
const MIGRATIONS: &[(u32, Migration)] = &[(0, v0_to_v1)];

/// Version 0 links called the force layout "network" (its menu label).
#[allow(clippy::ptr_arg)] // Migrations may add or remove pairs.
fn v0_to_v1(pairs: &mut Vec<(String, String)>) {
    for (key, value) in pairs.iter_mut() {
        if key == "layout" && value == "network" {
            // Version 1's word for it (today's parser takes both).
            *value = "force".to_string();
        }
    }
}

/// Runs every migration step from `version` on, in order.
fn migrate(pairs: &mut Vec<(String, String)>, version: u32, steps: &[(u32, Migration)]) {
    for &(from, step) in steps {
        if from >= version {
            step(pairs);
        }
    }
}

/// The main panel a reader looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Tab {
    /// The network graph.
    #[default]
    Graph,
    /// The table of memberships.
    Table,
    /// Charts over time.
    Charts,
    /// Who leans which way.
    Lean,
}

impl Tab {
    /// Every tab, in menu order.
    pub const ALL: [Tab; 4] = [Tab::Graph, Tab::Table, Tab::Charts, Tab::Lean];

    /// Id used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Tab::Graph => "graph",
            Tab::Table => "table",
            Tab::Charts => "charts",
            Tab::Lean => "lean",
        }
    }

    /// Parses a URL id.
    pub fn parse(s: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.id() == s)
    }

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Tab::Graph => "Graph",
            Tab::Table => "Table",
            Tab::Charts => "Charts",
            Tab::Lean => "Lean",
        }
    }
}

/// Everything that decides what a reader sees: the single source of truth
/// that the URL mirrors. Plain data; the default is the app's opening view.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct ViewState {
    /// The main panel.
    pub tab: Tab,
    /// The graph layout.
    pub layout: LayoutKind,
    /// How the alignment axis groups each camp: region, year joined or lean.
    pub order: crate::layout::Order,
    /// Nodes (and the map's countries) coloured by lean instead of by
    /// membership (`colour=lean`).
    pub colour_by_lean: bool,
    /// Date and legend filters.
    pub filters: Filters,
    /// Selected actor id: ISO3 for countries, a slug for other actors,
    /// `hub:<framework>` for a framework hub.
    pub selected: Option<String>,
    /// Search box text.
    pub search: String,
    /// Camera: world centre x, y and scale; `None` = fitted to the graph.
    pub view: Option<[f32; 3]>,
    /// Embedded (chrome-less) view.
    pub embed: bool,
    /// The table tab's sort order.
    pub sort: crate::charts::table::TableSort,
    /// The "compare with" date: what changed after it, up to the as-of date,
    /// is listed and marked.
    pub from: Option<Date>,
    /// The change view's marks (rings, highlighted ties) are turned off.
    pub hide_marks: bool,
    /// The change list's order.
    pub change_order: crate::charts::change::Order,
    /// The table lists only the countries that changed in the window.
    pub only_changes: bool,
    /// The story step shown, if any: then the step decides everything else
    /// but the camera and `embed` (see [`crate::story`]).
    pub story: Option<StoryAt>,
}

impl ViewState {
    /// Leaves the change view: no compare-with date, and its settings (the
    /// marks, the list's order, the table's filter) back to their defaults,
    /// so that the link does not carry them.
    pub fn stop_comparing(&mut self) {
        self.from = None;
        self.hide_marks = false;
        self.change_order = crate::charts::change::Order::default();
        self.only_changes = false;
    }
}

/// A step of a story, as a link names it (`story=hedgers&step=3`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoryAt {
    /// The story's id (its file name without `.story`).
    pub id: String,
    /// The step, counted from 1.
    pub step: usize,
}

/// One piece of a link that was ignored, and why.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Notice {
    /// The key, e.g. `layout`.
    pub key: String,
    /// The offending value, or the offending item of a list.
    pub value: String,
    /// What was wrong, in plain words.
    pub message: String,
}

impl Notice {
    /// A notice about `key=value`.
    pub fn new(key: &str, value: &str, message: impl Into<String>) -> Notice {
        Notice {
            key: key.to_string(),
            value: value.to_string(),
            message: message.into(),
        }
    }
}

impl fmt::Display for Notice {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}={}: {}", self.key, self.value, self.message)
    }
}

/// The query string for a view, without the leading `?`: `v=1` followed by
/// only the settings that differ from [`ViewState::default`], in fixed order.
/// A camera that is not finite or has a non-positive scale is left out (the
/// link then opens fitted).
pub fn to_query(state: &ViewState) -> String {
    let mut out = format!("v={VERSION}");
    let mut put = |key: &str, value: &str| {
        out.push('&');
        out.push_str(key);
        out.push('=');
        out.push_str(&encode(value));
    };
    // A story step is its own view: the link names the step, and only what
    // a reader may change without leaving the story.
    if let Some(at) = &state.story {
        put("story", &at.id);
        put("step", &at.step.to_string());
        if let Some([x, y, scale]) = state.view.and_then(round_view) {
            put("view", &format!("{x}~{y}~{scale}"));
        }
        if state.embed {
            put("embed", "1");
        }
        return out;
    }
    let f = &state.filters;
    if state.tab != Tab::default() {
        put("tab", state.tab.id());
    }
    if state.layout != LayoutKind::default() {
        put("layout", state.layout.id());
    }
    if state.order != crate::layout::Order::default() {
        put("order", state.order.id());
    }
    if state.colour_by_lean {
        put("colour", "lean");
    }
    // Written whenever set, even if equal to the dataset's as-of date, so
    // that a link pinned to a date stays pinned when the data grows.
    if let Some(date) = f.as_of {
        put("date", &date.to_string());
    }
    if let Some(from) = state.from {
        put("from", &from.to_string());
    }
    if state.hide_marks {
        put("marks", "off");
    }
    if state.change_order != crate::charts::change::Order::default() {
        put("list", state.change_order.id());
    }
    if state.only_changes {
        put("only", "changes");
    }
    if let Some(v) = visible(FrameworkId::ALL, &f.hidden_frameworks, FrameworkId::id) {
        put("fw", &v);
    }
    if let Some(v) = visible(&Alignment::ALL, &f.hidden_alignments, Alignment::id) {
        put("align", &v);
    }
    if let Some(v) = visible(ActorKind::ALL, &f.hidden_kinds, ActorKind::id) {
        put("kinds", &v);
    }
    if let Some(v) = visible(
        PartnershipKind::ALL,
        &f.hidden_partnerships,
        PartnershipKind::id,
    ) {
        put("ties", &v);
    }
    let regions: BTreeSet<String> = crate::sort::set_of(
        f.regions
            .iter()
            .map(|r| slugify(r))
            .filter(|s| !s.is_empty()),
    );
    if !regions.is_empty() {
        put("region", &join(regions.iter().map(String::as_str)));
    }
    if f.hide_unverified {
        put("unverified", "hide");
    }
    if f.show_bodies {
        put("bodies", "1");
    }
    if state.sort != crate::charts::table::TableSort::default() {
        put("sort", &state.sort.id());
    }
    if let Some(sel) = state.selected.as_deref().filter(|s| !s.is_empty()) {
        put("sel", sel);
    }
    if !state.search.is_empty() {
        put("q", &state.search);
    }
    if let Some([x, y, scale]) = state.view.and_then(round_view) {
        // `{}` prints the shortest text that parses back to the same f32.
        put("view", &format!("{x}~{y}~{scale}"));
    }
    if state.embed {
        put("embed", "1");
    }
    out
}

/// Whether `from` can start a change view's window ending at `to`: some of
/// its period after September 2020, and before `to`.
pub fn window_starts(from: Date, to: Date) -> bool {
    from.end_of_period() >= EARLIEST && from < to
}

/// Rounds a camera the way [`to_query`] writes it: x and y to 2 decimals,
/// the scale to 6 significant digits. `None` when a number is not finite or
/// the scale is not positive. Rounding twice changes nothing, so the app can
/// compare a rounded camera with one read back from a link.
pub fn round_view(view: [f32; 3]) -> Option<[f32; 3]> {
    // Rounding through text is exact by construction: the value is whatever
    // the written digits parse back to.
    let round = |text: String, raw: f32| text.parse::<f32>().unwrap_or(raw);
    let [x, y, scale] = view;
    let rounded = [
        round(format!("{x:.2}"), x),
        round(format!("{y:.2}"), y),
        round(format!("{scale:.5e}"), scale),
    ];
    (rounded.iter().all(|v| v.is_finite()) && rounded[2] > 0.0).then_some(rounded)
}

/// Reads a query string (with or without the leading `?`) into a view.
///
/// Never fails and never panics: whatever cannot be understood (an unknown
/// key, an unknown id, a bad date, an unknown actor, a malformed camera…) is
/// left at its default and reported as one [`Notice`]; the rest applies. In a
/// list only the bad items are dropped, but a list with no valid item at all
/// leaves the filter as it was rather than hiding everything. Duplicate keys:
/// the last wins. `+` reads as a space. A lowercase ISO3 (`sel=fra`) is
/// accepted for a country.
pub fn from_query(query: &str, ds: &Dataset) -> (ViewState, Vec<Notice>) {
    let mut notices = Vec::new();
    let query = query.strip_prefix('?').unwrap_or(query);

    let mut pairs: Vec<(String, String)> = Vec::new();
    for piece in query.split('&').filter(|p| !p.is_empty()) {
        let (key, value) = piece.split_once('=').unwrap_or((piece, ""));
        let (key, value) = (decode(key), decode(value));
        if let Some(i) = pairs.iter().position(|(k, _)| *k == key) {
            let (_, old) = pairs.remove(i);
            notices.push(Notice::new(
                &key,
                &old,
                "appears more than once in the link; the last value is used",
            ));
        }
        pairs.push((key, value));
    }

    let mut version = 1;
    if let Some(i) = pairs.iter().position(|(k, _)| k == "v") {
        let (_, value) = pairs.remove(i);
        match value.trim().parse::<u32>() {
            Ok(v) => version = v,
            Err(_) => notices.push(Notice::new(
                "v",
                &value,
                "is not a version number; the link is read as version 1",
            )),
        }
    }
    if version > VERSION {
        notices.push(Notice::new(
            "v",
            &version.to_string(),
            format!(
                "this link was made by a newer version of the app (this one reads version \
                 {VERSION}); some settings may not apply"
            ),
        ));
    }
    migrate(&mut pairs, version, MIGRATIONS);

    let mut reader = Reader {
        ds,
        state: ViewState::default(),
        notices,
    };
    for (key, value) in &pairs {
        reader.apply(key, value);
    }
    // A window needs its start before its end (the as-of date).
    if let Some(from) = reader.state.from {
        let to = reader.state.filters.as_of.unwrap_or(ds.as_of);
        if !window_starts(from, to) {
            reader.state.from = None;
            reader.notice(
                "from",
                &from.to_string(),
                format!("must be after September 2020 and before the as-of date ({to})"),
            );
        }
    }
    if reader.state.story.as_ref().is_some_and(|s| s.id.is_empty()) {
        let step = reader.state.story.take().map_or(0, |s| s.step);
        reader.notice("step", &step.to_string(), "names no story (add story=…)");
    }
    (reader.state, reader.notices)
}

/// Interprets key/value pairs into a state, collecting notices.
struct Reader<'a> {
    ds: &'a Dataset,
    state: ViewState,
    notices: Vec<Notice>,
}

impl Reader<'_> {
    fn notice(&mut self, key: &str, value: &str, message: impl Into<String>) {
        self.notices.push(Notice::new(key, value, message));
    }

    /// A story id: a slug. Whether the story exists is the story layer's to
    /// say ([`crate::story::open`]), which knows the stories.
    fn story(&mut self, value: &str) {
        let slug = !value.is_empty()
            && value
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-');
        if slug {
            let step = self.state.story.as_ref().map_or(1, |s| s.step);
            self.state.story = Some(StoryAt {
                id: value.to_string(),
                step,
            });
        } else {
            self.notice("story", value, "is not a story name");
        }
    }

    /// A step number, counted from 1; kept until `story` names the story.
    fn step(&mut self, value: &str) {
        match value.trim().parse::<usize>() {
            Ok(n) if n >= 1 => match &mut self.state.story {
                Some(at) => at.step = n,
                None => {
                    self.state.story = Some(StoryAt {
                        id: String::new(),
                        step: n,
                    })
                }
            },
            _ => self.notice("step", value, "is not a step number (1, 2, 3…)"),
        }
    }

    fn apply(&mut self, key: &str, value: &str) {
        match key {
            "tab" => match Tab::parse(value) {
                Some(t) => self.state.tab = t,
                None => self.notice(key, value, "is not a tab (graph, table, charts or lean)"),
            },
            "layout" => match LayoutKind::parse(value) {
                Some(l) => self.state.layout = l,
                None => self.notice(key, value, "is not a layout (network, axis or map)"),
            },
            "order" => match crate::layout::Order::parse(value) {
                Some(o) => self.state.order = o,
                None => self.notice(key, value, "is not an order (region, date or lean)"),
            },
            "colour" => match value {
                "lean" => self.state.colour_by_lean = true,
                "membership" => self.state.colour_by_lean = false,
                _ => self.notice(key, value, "is not a colouring (membership or lean)"),
            },
            "date" => self.date(value),
            "from" => match Date::parse(value) {
                Ok(d) => self.state.from = Some(d),
                Err(_) => self.notice(
                    "from",
                    value,
                    "is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)",
                ),
            },
            "marks" => match value {
                "off" | "0" => self.state.hide_marks = true,
                "on" | "1" => self.state.hide_marks = false,
                _ => self.notice(key, value, "should be on or off"),
            },
            "list" => match crate::charts::change::Order::parse(value) {
                Some(o) => self.state.change_order = o,
                None => self.notice(
                    key,
                    value,
                    "is not an order of the change list (group, date or name)",
                ),
            },
            "only" => match value {
                "changes" => self.state.only_changes = true,
                "all" => self.state.only_changes = false,
                _ => self.notice(key, value, "should be changes (or all)"),
            },
            "fw" => {
                if let Some(h) = self.hidden(key, value, FrameworkId::ALL, FrameworkId::parse) {
                    self.state.filters.hidden_frameworks = h;
                }
            }
            "align" => {
                if let Some(h) = self.hidden(key, value, &Alignment::ALL, Alignment::parse) {
                    self.state.filters.hidden_alignments = h;
                }
            }
            "kinds" => {
                if let Some(h) = self.hidden(key, value, ActorKind::ALL, ActorKind::parse) {
                    self.state.filters.hidden_kinds = h;
                }
            }
            "ties" => {
                let all = PartnershipKind::ALL;
                if let Some(h) = self.hidden(key, value, all, PartnershipKind::parse) {
                    self.state.filters.hidden_partnerships = h;
                }
            }
            "region" => self.regions(value),
            "unverified" => match value {
                "hide" => self.state.filters.hide_unverified = true,
                "show" => self.state.filters.hide_unverified = false,
                _ => self.notice(key, value, "should be hide or show"),
            },
            "bodies" => {
                if let Some(b) = self.flag(key, value) {
                    self.state.filters.show_bodies = b;
                }
            }
            "embed" => {
                if let Some(b) = self.flag(key, value) {
                    self.state.embed = b;
                }
            }
            "sort" => match crate::charts::table::TableSort::parse(value) {
                Some(o) => self.state.sort = o,
                None => self.notice(
                    key,
                    value,
                    "is not a table column (name, region, alignment, artemis, ilrs, apsco, \
                     ties-artemis, ties-ilrs or sources, with - in front for descending)",
                ),
            },
            "sel" => self.selected(value),
            "story" => self.story(value),
            "step" => self.step(value),
            "q" => self.state.search = value.to_string(),
            "view" => self.view(value),
            _ => self.notice(key, value, "is not a setting this app knows"),
        }
    }

    fn flag(&mut self, key: &str, value: &str) -> Option<bool> {
        match value {
            "1" | "true" | "yes" | "on" => Some(true),
            "0" | "false" | "no" | "off" => Some(false),
            _ => {
                self.notice(key, value, "should be 1 or 0");
                None
            }
        }
    }

    fn date(&mut self, value: &str) {
        let Ok(date) = Date::parse(value) else {
            return self.notice(
                "date",
                value,
                "is not a date (use YYYY-MM-DD, YYYY-MM or YYYY)",
            );
        };
        // A partial date counts if any part of its period is in range.
        if date.end_of_period() < EARLIEST {
            self.notice(
                "date",
                value,
                "is before October 2020, when the Artemis Accords began",
            );
        } else if date > self.ds.as_of {
            let as_of = self.ds.as_of;
            self.notice("date", value, format!("is after the newest data ({as_of})"));
        } else {
            self.state.filters.as_of = Some(date);
        }
    }

    /// Reads a list of visible ids into the set of hidden values, or `None`
    /// (filter untouched) when no item is valid and the list is not `none`.
    fn hidden<T: Copy + Ord>(
        &mut self,
        key: &str,
        value: &str,
        all: &[T],
        parse: fn(&str) -> Option<T>,
    ) -> Option<BTreeSet<T>> {
        let mut shown = BTreeSet::new();
        let mut said_none = false;
        for item in value.split('~').filter(|s| !s.is_empty()) {
            match parse(item) {
                Some(t) => {
                    shown.insert(t);
                }
                None if item == "none" => said_none = true,
                None => self.notice(key, item, "is not a known id here; skipped"),
            }
        }
        if shown.is_empty() && !said_none {
            if value.split('~').all(str::is_empty) {
                self.notice(
                    key,
                    value,
                    "is an empty list (write none to hide everything)",
                );
            }
            return None;
        }
        Some(crate::sort::set_of(
            all.iter().copied().filter(|t| !shown.contains(t)),
        ))
    }

    fn regions(&mut self, value: &str) {
        let names = region_names(self.ds);
        let mut found = BTreeSet::new();
        for item in value.split('~').filter(|s| !s.is_empty()) {
            let slug = slugify(item);
            match names.iter().find(|n| slugify(n) == slug) {
                Some(name) => {
                    found.insert(name.to_string());
                }
                None => self.notice("region", item, "is not a UN region or subregion"),
            }
        }
        if !found.is_empty() {
            self.state.filters.regions = found;
        }
    }

    fn selected(&mut self, value: &str) {
        if value.is_empty() {
            self.state.selected = None;
            return;
        }
        // A hub: `hub:artemis`, or `hub-artemis` as written elsewhere (the
        // node's element id), in any case.
        let hub = value
            .get(..4)
            .filter(|p| p.eq_ignore_ascii_case("hub:") || p.eq_ignore_ascii_case("hub-"))
            .and_then(|_| FrameworkId::parse(&value[4..].to_ascii_lowercase()));
        if let Some(f) = hub {
            self.state.selected = Some(crate::graph::hub_id(f));
        } else if self.ds.actor(value).is_some() {
            self.state.selected = Some(value.to_string());
        } else if let Some(a) = self.ds.actor(&value.to_ascii_uppercase()) {
            self.state.selected = Some(a.id.clone());
        } else {
            self.notice("sel", value, "is not an actor in the data");
        }
    }

    fn view(&mut self, value: &str) {
        let numbers: Vec<Option<f32>> = value
            .split('~')
            .map(|n| n.parse::<f32>().ok().filter(|v| v.is_finite()))
            .collect();
        match numbers[..] {
            [Some(x), Some(y), Some(scale)] if scale > 0.0 => self.state.view = Some([x, y, scale]),
            [Some(_), Some(_), Some(_)] => {
                self.notice("view", value, "has a scale that is not positive")
            }
            [_, _, _] => self.notice("view", value, "has a part that is not a finite number"),
            _ => self.notice("view", value, "should be three numbers x~y~scale"),
        }
    }
}

/// The region and subregion names of the dataset's countries, sorted.
fn region_names(ds: &Dataset) -> BTreeSet<&str> {
    crate::sort::set_of(
        ds.countries
            .iter()
            .flat_map(|c| [c.region.as_str(), c.subregion.as_str()])
            .filter(|n| !n.is_empty()),
    )
}

/// The ids of the values not hidden, joined with `~` (`none` if empty), or
/// `None` when nothing is hidden.
fn visible<T: Copy + Ord>(
    all: &[T],
    hidden: &BTreeSet<T>,
    id: fn(T) -> &'static str,
) -> Option<String> {
    if hidden.is_empty() {
        return None;
    }
    let shown = join(all.iter().filter(|t| !hidden.contains(t)).map(|&t| id(t)));
    Some(if shown.is_empty() {
        "none".into()
    } else {
        shown
    })
}

fn join<'a>(items: impl Iterator<Item = &'a str>) -> String {
    items.collect::<Vec<_>>().join("~")
}

/// Lowercase, runs of non-alphanumerics as one `-`, no `-` at either end:
/// "South-eastern Asia" → `south-eastern-asia`.
fn slugify(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_alphanumeric() {
            out.extend(c.to_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    while out.ends_with('-') {
        out.pop();
    }
    out
}

/// Percent-encodes every byte outside `A-Za-z0-9-._~:`. `:` stays readable
/// because it is legal in a query and appears in hub ids.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for &b in text.as_bytes() {
        if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b':') {
            out.push(char::from(b));
        } else {
            let _ = write!(out, "%{b:02X}");
        }
    }
    out
}

/// Undoes [`encode`], plus `+` as a space (HTML forms write that). A `%` not
/// followed by two hex digits is kept as is; invalid UTF-8 becomes U+FFFD.
fn decode(text: &str) -> String {
    let bytes = text.as_bytes();
    let hex = |i: usize| bytes.get(i).and_then(|&b| char::from(b).to_digit(16));
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match (bytes[i], hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push((hi * 16 + lo) as u8);
                i += 3;
            }
            (b'+', _, _) => {
                out.push(b' ');
                i += 1;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use std::sync::LazyLock;

    use proptest::prelude::*;
    use proptest::sample::{select, subsequence};

    use super::*;
    use crate::charts::table::Column;
    use crate::model::date::days_in_month;

    static DS: LazyLock<Dataset> = LazyLock::new(|| crate::test_support::dataset().clone());

    fn set<T: Ord + Copy>(items: &[T]) -> BTreeSet<T> {
        items.iter().copied().collect()
    }

    fn rich_state() -> ViewState {
        ViewState {
            tab: Tab::Table,
            layout: LayoutKind::Alignment,
            order: crate::layout::Order::Lean,
            colour_by_lean: true,
            filters: Filters {
                as_of: Some(Date::parse("2023-06").unwrap()),
                hidden_frameworks: set(&[FrameworkId::Apsco]),
                hidden_alignments: set(&[Alignment::Ilrs, Alignment::Neither]),
                hidden_kinds: ActorKind::ALL[2..].iter().copied().collect(),
                hidden_partnerships: PartnershipKind::ALL[1..].iter().copied().collect(),
                regions: ["Western Asia".to_string(), "Europe".to_string()].into(),
                hide_unverified: true,
                show_bodies: true,
            },
            selected: Some("hub:artemis".into()),
            search: "south korea & co+".into(),
            view: Some([12.346, -3.1, 1.234_567_8]),
            embed: true,
            sort: crate::charts::table::TableSort {
                column: Column::TiesIlrs,
                ascending: false,
            },
            from: Some(Date::parse("2021-03").unwrap()),
            hide_marks: true,
            change_order: crate::charts::change::Order::Name,
            only_changes: true,
            story: None,
        }
    }

    #[test]
    fn default_state_is_just_the_version() {
        assert_eq!(to_query(&ViewState::default()), "v=1");
        assert_eq!(from_query("v=1", &DS), (ViewState::default(), vec![]));
        assert_eq!(from_query("", &DS), (ViewState::default(), vec![]));
    }

    #[test]
    fn rich_state_writes_every_key_in_fixed_order() {
        let q = to_query(&rich_state());
        assert_eq!(
            q,
            "v=1&tab=table&layout=axis&order=lean&colour=lean&date=2023-06&from=2021-03&marks=off&list=name&only=changes&fw=artemis~ilrs\
             &align=artemis~both&kinds=country~agency&ties=launch\
             &region=europe~western-asia&unverified=hide&bodies=1&sort=-ties-ilrs&sel=hub:artemis\
             &q=south%20korea%20%26%20co%2B&view=12.35~-3.1~1.23457&embed=1"
        );
        let (back, notices) = from_query(&format!("?{q}"), &DS);
        assert!(notices.is_empty(), "{notices:?}");
        let mut expected = rich_state();
        expected.view = Some([12.35, -3.1, 1.23457]);
        assert_eq!(back, expected);
    }

    #[test]
    fn everything_hidden_is_written_none() {
        let mut s = ViewState::default();
        s.filters.hidden_frameworks = FrameworkId::ALL.iter().copied().collect();
        assert_eq!(to_query(&s), "v=1&fw=none");
        assert_eq!(from_query("fw=none", &DS), (s, vec![]));
    }

    #[test]
    fn malformed_link_keeps_valid_parts_and_names_each_bad_piece() {
        let (s, notices) = from_query(
            "v=1&layout=banana&date=2023-13-01&sel=XXX&fw=artemis~zzz&foo=1&tab=charts&sort=capital",
            &DS,
        );
        assert_eq!(s.tab, Tab::Charts);
        assert_eq!(s.layout, LayoutKind::Force);
        assert_eq!(s.filters.as_of, None);
        assert_eq!(s.selected, None);
        assert_eq!(
            s.filters.hidden_frameworks,
            set(&[FrameworkId::Ilrs, FrameworkId::Apsco])
        );
        let named: Vec<(&str, &str)> = notices
            .iter()
            .map(|n| (n.key.as_str(), n.value.as_str()))
            .collect();
        assert_eq!(
            named,
            [
                ("layout", "banana"),
                ("date", "2023-13-01"),
                ("sel", "XXX"),
                ("fw", "zzz"),
                ("foo", "1"),
                ("sort", "capital")
            ]
        );
        assert_eq!(s.sort, crate::charts::table::TableSort::default());
        assert!(notices.iter().all(|n| !n.message.is_empty()));
    }

    #[test]
    fn out_of_range_values_are_reported() {
        let after = format!("{}", DS.as_of.year + 1);
        let q =
            format!("date={after}&region=europe~atlantis&view=1~2~0&sel=fra&kinds=zzz&embed=maybe");
        let (s, notices) = from_query(&q, &DS);
        assert_eq!(s.filters.regions, ["Europe".to_string()].into());
        assert_eq!(s.selected.as_deref(), Some("FRA"));
        assert_eq!(s.filters.hidden_kinds, BTreeSet::new());
        let keys: Vec<&str> = notices.iter().map(|n| n.key.as_str()).collect();
        assert_eq!(keys, ["date", "region", "view", "kinds", "embed"]);
        for bad in ["2019-12", "2020-09-30"] {
            let (s, n) = from_query(&format!("date={bad}"), &DS);
            assert_eq!((s.filters.as_of, n.len()), (None, 1));
        }
        for bad in ["1~2", "1~NaN~1", "inf~0~1", "a~b~c", "1~2~3~4", "1~2~1e99"] {
            let (s, n) = from_query(&format!("view={bad}"), &DS);
            assert_eq!((s.view, n.len()), (None, 1), "{bad}");
        }
        let (s, n) = from_query("date=2020-10", &DS);
        assert!(s.filters.as_of.is_some() && n.is_empty());
    }

    #[test]
    fn output_never_contains_plus_or_space() {
        let mut s = rich_state();
        s.search = "a + b  c\t%&=?#/é".into();
        let q = to_query(&s);
        assert!(!q.contains('+') && !q.contains(' '), "{q}");
        assert_eq!(from_query(&q, &DS).0.search, s.search);
    }

    #[test]
    fn plus_and_percent_decode() {
        let (s, n) = from_query("?q=south+korea%21&sel=hub%3Ailrs&x=%zz", &DS);
        assert_eq!(s.search, "south korea!");
        assert_eq!(s.selected.as_deref(), Some("hub:ilrs"));
        assert_eq!(
            n,
            [Notice::new("x", "%zz", "is not a setting this app knows")]
        );
    }

    #[test]
    fn duplicate_keys_last_wins_with_notice() {
        let (s, n) = from_query("tab=table&tab=charts", &DS);
        assert_eq!(s.tab, Tab::Charts);
        assert_eq!(n.len(), 1);
        assert_eq!((n[0].key.as_str(), n[0].value.as_str()), ("tab", "table"));
    }

    #[test]
    fn a_compare_date_must_come_before_the_view_date() {
        let (s, n) = from_query("date=2025-06&from=2023-01", &DS);
        assert_eq!(
            (s.from, n.len()),
            (Some(Date::parse("2023-01").unwrap()), 0)
        );
        for bad in ["date=2023-01&from=2025-06", "from=2019", "from=soon"] {
            let (s, n) = from_query(bad, &DS);
            assert!(
                s.from.is_none() && n.len() == 1 && n[0].key == "from",
                "{bad}: {n:?}"
            );
        }
        // The marks and the list's order: a bad value is named, the rest applies.
        let (s, n) = from_query("from=2023-01&marks=hidden&list=size&only=new", &DS);
        assert!(s.from.is_some() && !s.hide_marks && !s.only_changes);
        assert_eq!(s.change_order, crate::charts::change::Order::default());
        let named: Vec<(&str, &str)> = n
            .iter()
            .map(|n| (n.key.as_str(), n.value.as_str()))
            .collect();
        assert_eq!(
            named,
            [("marks", "hidden"), ("list", "size"), ("only", "new")]
        );
        let (s, n) = from_query("from=2023-01&marks=off&list=date", &DS);
        assert!(n.is_empty() && s.hide_marks);
        assert_eq!(s.change_order, crate::charts::change::Order::Date);
    }

    #[test]
    fn stopping_comparing_leaves_no_change_key_in_the_link() {
        let mut s = rich_state();
        s.stop_comparing();
        let q = to_query(&s);
        for key in ["from=", "marks=", "list=", "only="] {
            assert!(!q.contains(key), "{q}");
        }
    }

    #[test]
    fn newer_version_gives_notice_and_reads_the_rest() {
        let (s, n) = from_query("v=7&tab=table&newthing=1", &DS);
        assert_eq!(s.tab, Tab::Table);
        assert_eq!(n.len(), 2);
        assert!(n[0].message.contains("newer version"));
        let (_, n) = from_query("v=x", &DS);
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn hubs_are_selected_by_either_spelling() {
        for v in ["hub:artemis", "hub-artemis", "HUB-Artemis"] {
            let (s, n) = from_query(&format!("v=1&sel={v}"), &DS);
            assert!(n.is_empty(), "{v}: {n:?}");
            assert_eq!(s.selected.as_deref(), Some("hub:artemis"), "{v}");
        }
        let (_, n) = from_query("v=1&sel=hub-mars", &DS);
        assert_eq!(n.len(), 1);
    }

    #[test]
    fn v0_links_migrate_network_to_force() {
        let (s, n) = from_query("v=0&layout=network&tab=table", &DS);
        assert_eq!((s.layout, s.tab), (LayoutKind::Force, Tab::Table));
        assert!(n.is_empty(), "{n:?}");
        // The menu's words are the ids now; the old ids stay accepted.
        for (word, kind) in [
            ("network", LayoutKind::Force),
            ("force", LayoutKind::Force),
            ("map", LayoutKind::Geographic),
            ("geo", LayoutKind::Geographic),
            ("axis", LayoutKind::Alignment),
            ("alignment", LayoutKind::Alignment),
        ] {
            let (s, n) = from_query(&format!("v=1&layout={word}"), &DS);
            assert!(n.is_empty() && s.layout == kind, "{word}");
        }
        assert_eq!(
            to_query(&ViewState {
                layout: LayoutKind::Geographic,
                ..ViewState::default()
            }),
            "v=1&layout=map"
        );
    }

    #[test]
    fn migrations_are_consecutive_and_run_from_the_link_version() {
        for (i, &(from, _)) in MIGRATIONS.iter().enumerate() {
            assert_eq!(from as usize + MIGRATIONS.len() - i, VERSION as usize);
        }
        // A hypothetical v1→v2 step that renames `layout` to `graph`.
        #[allow(clippy::ptr_arg)]
        fn rename_layout(p: &mut Vec<(String, String)>) {
            for (k, _) in p.iter_mut().filter(|(k, _)| k == "layout") {
                *k = "graph".into();
            }
        }
        let steps: &[(u32, Migration)] = &[(0, v0_to_v1), (1, rename_layout)];
        let pairs = || vec![("layout".to_string(), "network".to_string())];
        let mut from0 = pairs();
        migrate(&mut from0, 0, steps);
        assert_eq!(from0, [("graph".into(), "force".into())]);
        let mut from1 = pairs();
        migrate(&mut from1, 1, steps);
        assert_eq!(from1, [("graph".into(), "network".into())]);
        let mut from2 = pairs();
        migrate(&mut from2, 2, steps);
        assert_eq!(from2, pairs());
    }

    #[test]
    fn region_slugs_are_unique_and_round_trip() {
        let names = region_names(&DS);
        let slugs: BTreeSet<String> = names.iter().map(|n| slugify(n)).collect();
        assert_eq!(slugs.len(), names.len());
        assert!(slugs.contains("south-eastern-asia"));
        assert_eq!(
            slugify("  Australia and New Zealand!"),
            "australia-and-new-zealand"
        );
    }

    #[test]
    fn camera_rounding_is_idempotent() {
        for v in [
            [0.004, -0.005, 1e-30],
            [123_456.79, -9_999_999.0, 3.0e30],
            [f32::MAX, f32::MIN, f32::MIN_POSITIVE],
            [1.0, 2.0, 0.000_123_456],
        ] {
            let once = round_view(v).unwrap();
            assert_eq!(round_view(once), Some(once), "{v:?}");
        }
        assert_eq!(round_view([f32::NAN, 0.0, 1.0]), None);
        assert_eq!(round_view([0.0, 0.0, -1.0]), None);
        assert_eq!(round_view([0.0, 0.0, f32::INFINITY]), None);
    }

    /// The app snaps a moved camera to its rounded view so a link reopens
    /// the very picture: that snap must be a fixed point (the snapped camera
    /// reads back as the same view) and move no point of the canvas by a
    /// visible amount.
    #[test]
    fn snapping_a_camera_to_its_link_is_stable_and_invisible() {
        use crate::view::camera::{Camera, MAX_SCALE, MIN_SCALE};
        let (w, h) = (1920.0_f32, 1080.0_f32);
        let centre = |c: &Camera| {
            let p = c.to_world([w / 2.0, h / 2.0]);
            [p[0], p[1], c.scale]
        };
        for (scale, k, dx, dy) in [
            (1.0, 1.15_f32.powf(0.37), 23.3, -11.7),
            (MAX_SCALE, 1.0, 0.333, 0.777),
            (MIN_SCALE * 1.07, 1.0 / 1.15, -301.1, 7.01),
            (2.591_37, 1.0, 1234.567, -89.12),
        ] {
            let moved = Camera::centre_on([98.517, -55.893], scale, w, h)
                .zoom_at([w * 0.37, h * 0.61], k)
                .pan(dx, dy);
            let v = round_view(centre(&moved)).unwrap();
            let snapped = Camera::centre_on([v[0], v[1]], v[2], w, h);
            assert_eq!(round_view(centre(&snapped)), Some(v), "{v:?}");
            for corner in [[0.0, 0.0], [w, h], [w, 0.0], [0.0, h]] {
                let world = moved.to_world(corner);
                let (a, b) = (moved.to_screen(world), snapped.to_screen(world));
                let shift = (a[0] - b[0]).hypot(a[1] - b[1]);
                assert!(shift < 0.25, "{shift} px at {corner:?} for {v:?}");
            }
        }
    }

    fn date() -> impl Strategy<Value = Date> {
        let as_of = DS.as_of;
        (
            EARLIEST.month_index()..=as_of.month_index(),
            0u8..3,
            1u8..=31,
        )
            .prop_map(move |(m, precision, day)| {
                let d = Date::from_month_index(m);
                let d = match precision {
                    0 => Date {
                        month: 0,
                        day: 0,
                        ..d
                    },
                    1 => Date { day: 0, ..d },
                    _ => Date {
                        day: day.min(days_in_month(d.year, d.month)),
                        ..d
                    },
                };
                d.min(as_of)
            })
    }

    fn hidden<T: Copy + Ord + fmt::Debug + 'static>(
        all: &[T],
    ) -> impl Strategy<Value = BTreeSet<T>> + use<T> {
        subsequence(all.to_vec(), 0..=all.len()).prop_map(|v| v.into_iter().collect())
    }

    fn filters() -> impl Strategy<Value = Filters> {
        let regions: Vec<String> = region_names(&DS).iter().map(|s| s.to_string()).collect();
        let n = regions.len();
        (
            prop::option::of(date()),
            hidden(FrameworkId::ALL),
            hidden(&Alignment::ALL),
            hidden(ActorKind::ALL),
            hidden(PartnershipKind::ALL),
            subsequence(regions, 0..=n.min(5)),
            any::<bool>(),
            any::<bool>(),
        )
            .prop_map(
                |(as_of, fw, al, ki, ti, re, hide_unverified, show_bodies)| Filters {
                    as_of,
                    hidden_frameworks: fw,
                    hidden_alignments: al,
                    hidden_kinds: ki,
                    hidden_partnerships: ti,
                    regions: re.into_iter().collect(),
                    hide_unverified,
                    show_bodies,
                },
            )
    }

    fn camera() -> impl Strategy<Value = Option<[f32; 3]>> {
        let finite = || any::<f32>().prop_filter("finite", |v| v.is_finite());
        let coord = prop_oneof![-5000.0f32..5000.0, finite()];
        let scale = prop_oneof![
            0.01f32..100.0,
            prop::num::f32::POSITIVE | prop::num::f32::NORMAL
        ];
        prop::option::of((coord.clone(), coord, scale))
            .prop_map(|v| v.and_then(|(x, y, s)| round_view([x, y, s])))
    }

    /// Any view, or a story step (which carries only its camera and embed).
    fn view_state() -> impl Strategy<Value = ViewState> {
        let step = ("[a-z0-9-]{1,12}", 1usize..20, camera(), any::<bool>()).prop_map(
            |(id, step, view, embed)| ViewState {
                story: Some(StoryAt { id, step }),
                view,
                embed,
                ..ViewState::default()
            },
        );
        prop_oneof![4 => explorer_state(), 1 => step]
    }

    fn explorer_state() -> impl Strategy<Value = ViewState> {
        let mut ids: Vec<String> = DS.actors.iter().map(|a| a.id.clone()).collect();
        ids.extend(FrameworkId::ALL.iter().map(|&f| crate::graph::hub_id(f)));
        (
            select(Tab::ALL.to_vec()),
            select(LayoutKind::ALL.to_vec()),
            (select(crate::layout::Order::ALL.to_vec()), any::<bool>()),
            filters(),
            prop::option::of(select(ids)),
            any::<String>(),
            camera(),
            any::<bool>(),
            (
                select(Column::ALL.to_vec()),
                any::<bool>(),
                prop::option::of(0i32..80),
                any::<bool>(),
                select(crate::charts::change::Order::ALL.to_vec()),
                any::<bool>(),
            ),
        )
            .prop_map(
                |(
                    tab,
                    layout,
                    (order, colour_by_lean),
                    filters,
                    selected,
                    search,
                    view,
                    embed,
                    sort,
                )| ViewState {
                    // A start before the view's date, months after October 2020.
                    from: sort
                        .2
                        .map(|k| Date::from_month_index(EARLIEST.month_index() + k))
                        .filter(|d| *d < filters.as_of.unwrap_or(DS.as_of)),
                    tab,
                    layout,
                    order,
                    colour_by_lean,
                    filters,
                    selected,
                    search,
                    view,
                    embed,
                    sort: crate::charts::table::TableSort {
                        column: sort.0,
                        ascending: sort.1,
                    },
                    hide_marks: sort.3,
                    change_order: sort.4,
                    only_changes: sort.5,
                    story: None,
                },
            )
    }

    const KEYS: &[&str] = &[
        "v",
        "tab",
        "layout",
        "order",
        "colour",
        "date",
        "fw",
        "align",
        "kinds",
        "ties",
        "region",
        "unverified",
        "bodies",
        "sort",
        "sel",
        "q",
        "view",
        "embed",
        "story",
        "step",
        "from",
        "marks",
        "list",
        "only",
    ];

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(256))]

        #[test]
        fn any_state_round_trips(s in view_state()) {
            let q = to_query(&s);
            prop_assert!(!q.contains('+') && !q.contains(' '), "{}", q);
            prop_assert_eq!(from_query(&q, &DS), (s, vec![]));
        }

        #[test]
        fn any_text_parses_without_panic(q in ".*") {
            let _ = from_query(&q, &DS);
        }

        #[test]
        fn url_like_text_parses_without_panic(q in "[a-z=&~%+?.0-9]{0,80}") {
            let _ = from_query(&q, &DS);
        }

        #[test]
        fn known_keys_with_any_values_parse_without_panic(
            pairs in prop::collection::vec((select(KEYS), ".{0,12}"), 0..8)
        ) {
            let q: Vec<String> = pairs.iter().map(|(k, v)| format!("{k}={v}")).collect();
            let _ = from_query(&q.join("&"), &DS);
        }
    }
}
