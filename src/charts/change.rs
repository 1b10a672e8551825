//! What changed between two dates, under the view's filters: the states
//! that joined each framework, the memberships that changed status (e.g. an
//! intent that became a membership), the countries that entered both camps,
//! and the bilateral ties formed. Counted with the charts' one rule
//! ([`super::state_joins`], [`super::in_scope`]), so the change list, the
//! charts and the comparison agree. The window is `(from, to]`: what happened
//! after `from`, up to and including `to`; the view's scope (regions,
//! alignments) is taken at `to`.

use crate::graph::Filters;
use crate::graph::facts::{self, Alignment};
use crate::model::date::Date;
use crate::model::{Dataset, FrameworkId, Status};

/// The changes in a window, by row index into the dataset.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Changes {
    /// Start of the window (exclusive).
    pub from: Date,
    /// End of the window (inclusive).
    pub to: Date,
    /// First state joins in the window: (framework, membership row), oldest first.
    pub joined: Vec<(FrameworkId, usize)>,
    /// Member rows in the window of actors that had an earlier, weaker row
    /// in the same framework (an intent or a signature): status changes.
    pub upgraded: Vec<usize>,
    /// Countries in both camps at `to` but not at `from`.
    pub entered_both: Vec<String>,
    /// Partnership rows dated in the window, shown by the filters.
    pub ties: Vec<usize>,
}

/// The changes between `from` and `to` (`from` < `to`) as the view shows them.
pub fn between(ds: &Dataset, filters: &Filters, from: Date, to: Date) -> Changes {
    let mut c = Changes {
        from,
        to,
        ..Changes::default()
    };
    let row = |m: &crate::model::Membership| {
        ds.memberships
            .iter()
            .position(|x| std::ptr::eq(x, m))
            .unwrap_or(usize::MAX)
    };
    for fw in super::visible(filters) {
        for m in super::state_joins(ds, filters, fw, to, true) {
            if m.date > from {
                c.joined.push((fw, row(m)));
            }
        }
    }
    crate::sort::sort_by_key(&mut c.joined, |&(_, i)| ds.memberships[i].date);
    for (i, m) in ds.memberships.iter().enumerate() {
        let shown = filters.shows(m.confidence)
            && !filters.hidden_frameworks.contains(&m.framework)
            && m.status == Status::Member
            && m.date > from
            && m.date <= to;
        let earlier = || {
            ds.memberships.iter().any(|e| {
                e.actor == m.actor
                    && e.framework == m.framework
                    && e.status != Status::Member
                    && e.date < m.date
                    && filters.shows(e.confidence)
            })
        };
        let scoped = || {
            ds.home_country(&m.actor)
                .is_none_or(|iso3| super::in_scope(ds, filters, iso3, to))
        };
        if shown && earlier() && scoped() {
            c.upgraded.push(i);
        }
    }
    let both = |at: Date| -> Vec<String> {
        ds.countries
            .iter()
            .map(|x| x.iso3.clone())
            .filter(|iso3| {
                facts::alignment_where(ds, iso3, at, |m| filters.shows(m.confidence))
                    == Alignment::Both
                    && super::in_scope(ds, filters, iso3, to)
            })
            .collect()
    };
    let before = both(from);
    c.entered_both = both(to)
        .into_iter()
        .filter(|x| !before.contains(x))
        .collect();
    for (i, p) in ds.partnerships.iter().enumerate() {
        let in_window = p.date > from && p.date <= to;
        let shown = filters.shows(p.confidence) && !filters.hidden_partnerships.contains(&p.kind);
        let scoped = [&p.a, &p.b].iter().any(|end| {
            ds.home_country(end)
                .is_some_and(|iso3| super::in_scope(ds, filters, iso3, to))
        }) || filters.regions.is_empty() && filters.hidden_alignments.is_empty();
        if in_window && shown && scoped {
            c.ties.push(i);
        }
    }
    crate::sort::sort_by_key(&mut c.ties, |&i| ds.partnerships[i].date);
    c
}

impl Changes {
    /// The actors that are new in the window: states that joined a
    /// framework, and those that entered both camps.
    pub fn actors(&self, ds: &Dataset) -> Vec<String> {
        let mut out: Vec<String> = self
            .joined
            .iter()
            .map(|&(_, i)| ds.memberships[i].actor.clone())
            .chain(self.entered_both.iter().cloned())
            .collect();
        crate::sort::sort(&mut out);
        out.dedup();
        out
    }

    /// The actors whose status changed in the window (an intent or a
    /// signature became a membership) and that are not new in it, so that
    /// the graph marks each actor once, as new or as changed.
    pub fn changed_actors(&self, ds: &Dataset) -> Vec<String> {
        let new = self.actors(ds);
        let mut out: Vec<String> = self
            .upgraded
            .iter()
            .map(|&i| ds.memberships[i].actor.clone())
            .filter(|a| !new.contains(a))
            .collect();
        crate::sort::sort(&mut out);
        out.dedup();
        out
    }
}

/// What a graph marks of a change: the node indices of `actors` and the
/// indices of the edges standing for any of the partnership rows `ties`.
pub fn marks(
    g: &crate::graph::Graph,
    actors: &[String],
    ties: &[usize],
) -> (
    std::collections::BTreeSet<usize>,
    std::collections::BTreeSet<usize>,
) {
    let nodes = crate::sort::set_of(actors.iter().filter_map(|a| g.index_of(a)));
    let edges = crate::sort::set_of(g.edges.iter().enumerate().filter_map(|(k, e)| {
        let tie = matches!(e.kind, crate::graph::EdgeKind::Partnership(_));
        (tie && e.items.iter().any(|i| ties.contains(i))).then_some(k)
    }));
    (nodes, edges)
}

/// The changes in one sentence: "Between January 2023 and June 2025: 21
/// states signed the Artemis Accords, 8 joined the ILRS, 2 entered both
/// camps, 34 bilateral ties were formed."
pub fn summary(c: &Changes) -> String {
    let count = |fw: FrameworkId| c.joined.iter().filter(|(f, _)| *f == fw).count();
    let plural =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut parts = Vec::new();
    for fw in FrameworkId::ALL {
        let n = count(*fw);
        if n == 0 {
            continue;
        }
        let what = match fw {
            FrameworkId::Artemis => "signed the Artemis Accords".to_string(),
            FrameworkId::Ilrs => "joined the ILRS".to_string(),
            _ => format!("joined {}", fw.label()),
        };
        parts.push(format!("{} {what}", plural(n, "state", "states")));
    }
    if !c.upgraded.is_empty() {
        parts.push(format!(
            "{} became {}",
            plural(
                c.upgraded.len(),
                "intent or signature",
                "intents or signatures"
            ),
            if c.upgraded.len() == 1 {
                "a membership"
            } else {
                "memberships"
            }
        ));
    }
    if !c.entered_both.is_empty() {
        parts.push(format!(
            "{} entered both camps",
            plural(c.entered_both.len(), "state", "states")
        ));
    }
    parts.push(format!(
        "{} {} formed",
        plural(c.ties.len(), "bilateral tie", "bilateral ties"),
        if c.ties.len() == 1 { "was" } else { "were" }
    ));
    format!(
        "Between {} and {}: {}.",
        c.from.human(),
        c.to.human(),
        parts.join(", ")
    )
}

/// What kind of change a row of the change list is; its group in the list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Kind {
    /// A state's first joining of a framework.
    Joined(FrameworkId),
    /// An intent or a signature that became a membership.
    BecameMember(FrameworkId),
    /// A country in both camps at the window's end, not at its start.
    EnteredBoth,
    /// A bilateral tie formed.
    Tie,
}

impl Kind {
    /// The CSV and JSON word: `joined`, `became member`, `entered both
    /// camps`, `tie`.
    pub fn id(self) -> &'static str {
        match self {
            Kind::Joined(_) => "joined",
            Kind::BecameMember(_) => "became member",
            Kind::EnteredBoth => "entered both camps",
            Kind::Tie => "tie",
        }
    }

    /// The row's label in a list not grouped by kind.
    pub fn short(self) -> String {
        match self {
            Kind::Joined(_) => self.heading(),
            Kind::BecameMember(f) => format!("Became a member of the {}", f.label()),
            Kind::EnteredBoth => "Entered both camps".into(),
            Kind::Tie => "Tie formed".into(),
        }
    }

    /// The group's heading in the list.
    pub fn heading(self) -> String {
        match self {
            Kind::Joined(FrameworkId::Artemis) => "Signed the Artemis Accords".into(),
            Kind::Joined(f) => format!("Joined the {}", f.label()),
            Kind::BecameMember(_) => "Intents and signatures that became memberships".into(),
            Kind::EnteredBoth => "Entered both camps".into(),
            Kind::Tie => "Bilateral ties formed".into(),
        }
    }
}

/// One row of the change list, as the panel, the CSV and the JSON give it.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// What changed.
    pub kind: Kind,
    /// When: the row's date (entering both camps: the later joining).
    pub date: Date,
    /// The actor, or a tie's two parties (ids).
    pub actors: Vec<String>,
    /// The framework's name, or the tie's title.
    pub what: String,
    /// Source ids behind the row.
    pub sources: Vec<String>,
}

/// How the change list is ordered: grouped by kind (the default), by date,
/// or by name. Part of the view, so the link reopens the same list.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Order {
    /// Grouped by kind, each group oldest first.
    #[default]
    Group,
    /// One list, oldest first.
    Date,
    /// One list, by the (first) actor's name.
    Name,
}

impl Order {
    /// Every order, in menu order.
    pub const ALL: [Order; 3] = [Order::Group, Order::Date, Order::Name];

    /// Link id: `group`, `date`, `name`.
    pub fn id(self) -> &'static str {
        match self {
            Order::Group => "group",
            Order::Date => "date",
            Order::Name => "name",
        }
    }

    /// Reads [`Order::id`].
    pub fn parse(text: &str) -> Option<Order> {
        Order::ALL.into_iter().find(|o| o.id() == text)
    }

    /// Menu label.
    pub fn label(self) -> &'static str {
        match self {
            Order::Group => "By kind",
            Order::Date => "By date",
            Order::Name => "By name",
        }
    }
}

/// The rows of a change set in `order` (ties stably after equal keys, so
/// the order is total and the same on every run).
pub fn rows(ds: &Dataset, c: &Changes, order: Order) -> Vec<Row> {
    let member = |kind: Kind, i: usize| {
        let m = &ds.memberships[i];
        Row {
            kind,
            date: m.date,
            actors: vec![m.actor.clone()],
            what: m.framework.label().to_string(),
            sources: m.sources.clone(),
        }
    };
    let mut out: Vec<Row> = c
        .joined
        .iter()
        .map(|&(fw, i)| member(Kind::Joined(fw), i))
        .collect();
    out.extend(
        c.upgraded
            .iter()
            .map(|&i| member(Kind::BecameMember(ds.memberships[i].framework), i)),
    );
    for iso3 in &c.entered_both {
        // Dated by the later of its two joinings, with both their sources.
        let joins: Vec<&crate::model::Membership> = [FrameworkId::Artemis, FrameworkId::Ilrs]
            .into_iter()
            .filter_map(|f| facts::joined(ds, iso3, f, c.to))
            .collect();
        let mut sources: Vec<String> = joins.iter().flat_map(|m| m.sources.clone()).collect();
        crate::sort::sort(&mut sources);
        sources.dedup();
        out.push(Row {
            kind: Kind::EnteredBoth,
            date: joins.iter().map(|m| m.date).max().unwrap_or(c.to),
            actors: vec![iso3.clone()],
            what: "Artemis Accords and ILRS".into(),
            sources,
        });
    }
    out.extend(c.ties.iter().map(|&i| {
        let p = &ds.partnerships[i];
        Row {
            kind: Kind::Tie,
            date: p.date,
            actors: vec![p.a.clone(), p.b.clone()],
            what: p.title.clone(),
            sources: p.sources.clone(),
        }
    }));
    let name = |r: &Row| {
        r.actors
            .first()
            .map(|a| super::name_of(ds, a).to_lowercase())
            .unwrap_or_default()
    };
    match order {
        Order::Group => crate::sort::sort_by_key(&mut out, |r| (r.kind, r.date)),
        Order::Date => crate::sort::sort_by_key(&mut out, |r| r.date),
        Order::Name => crate::sort::sort_by(&mut out, |a, b| {
            name(a).cmp(&name(b)).then(a.date.cmp(&b.date))
        }),
    }
    out
}

/// Change rows as CSV: kind, date, country or parties (`a~b`) with their
/// names, what, and the sources' ids and URLs (`;`-separated, as in the
/// data files).
pub fn csv(ds: &Dataset, rows: &[Row]) -> String {
    let q = crate::dataset::csv::quote;
    let mut out = String::from("change,date,actor,name,what,sources,source_urls\n");
    for r in rows {
        let names: Vec<&str> = r.actors.iter().map(|a| super::name_of(ds, a)).collect();
        out.push_str(&format!(
            "{},{},{},{},{},{},{}\n",
            q(r.kind.id()),
            q(&r.date.to_string()),
            q(&r.actors.join("~")),
            q(&names.join(" ~ ")),
            q(&r.what),
            q(&r.sources.join(";")),
            q(&source_urls(ds, &r.sources).join(";"))
        ));
    }
    out
}

/// The URLs of source ids, in order (empty for a source without one).
pub fn source_urls(ds: &Dataset, ids: &[String]) -> Vec<String> {
    ids.iter()
        .map(|id| ds.source(id).map(|s| s.url.clone()).unwrap_or_default())
        .collect()
}

/// A window a reader expects, one choice away: the year up to the view's
/// date, everything since a framework's founding (its founding day
/// included), or a calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    /// The 12 months up to the view's as-of date.
    LastYear,
    /// Since the framework was founded (its founders count as joining).
    Since(FrameworkId),
    /// The calendar year: after 31 December of the year before, up to
    /// 31 December (or the data's date, in the data's last year).
    Year(i32),
}

impl Preset {
    /// Every preset the data has a window for, in menu order: the last 12
    /// months, since each framework shown, then each calendar year from the
    /// first as-of year a link may ask for to the data's year, newest first.
    pub fn all(ds: &Dataset) -> Vec<Preset> {
        let mut out = vec![Preset::LastYear];
        out.extend(
            [FrameworkId::Artemis, FrameworkId::Ilrs]
                .into_iter()
                .filter(|&f| ds.framework(f).is_some())
                .map(Preset::Since),
        );
        out.extend(
            (crate::view::url::EARLIEST.year..=ds.as_of.year)
                .rev()
                .map(Preset::Year),
        );
        out
    }

    /// Id for a menu's value: `last-12-months`, `since-artemis`, `year-2023`.
    pub fn id(self) -> String {
        match self {
            Preset::LastYear => "last-12-months".into(),
            Preset::Since(f) => format!("since-{}", f.id()),
            Preset::Year(y) => format!("year-{y}"),
        }
    }

    /// Reads [`Preset::id`].
    pub fn parse(text: &str) -> Option<Preset> {
        if text == "last-12-months" {
            return Some(Preset::LastYear);
        }
        if let Some(f) = text.strip_prefix("since-").and_then(FrameworkId::parse) {
            return Some(Preset::Since(f));
        }
        text.strip_prefix("year-")?.parse().ok().map(Preset::Year)
    }

    /// Menu label: "Last 12 months", "Since the Artemis Accords (13 Oct
    /// 2020)", "2023".
    pub fn label(self, ds: &Dataset) -> String {
        match self {
            Preset::LastYear => "Last 12 months".into(),
            Preset::Since(f) => match ds.framework(f) {
                Some(fw) => format!("Since the {} ({})", f.label(), fw.founded.human()),
                None => format!("Since the {}", f.label()),
            },
            Preset::Year(y) => y.to_string(),
        }
    }

    /// The view's new compare-with date and as-of filter (`None`: the
    /// data's own date) for this preset, from the view's as-of filter
    /// `as_of`; `None` when the preset has no window there (its start would
    /// not come before the as-of date, e.g. since the ILRS in a view of
    /// 2020). Windows start no earlier than [`crate::view::url::EARLIEST`].
    pub fn window(self, ds: &Dataset, as_of: Option<Date>) -> Option<(Date, Option<Date>)> {
        let earliest = crate::view::url::EARLIEST;
        let (from, as_of) = match self {
            Preset::LastYear => {
                let to = as_of.unwrap_or(ds.as_of);
                let day = if to.day == 0 {
                    0
                } else {
                    to.day
                        .min(crate::model::date::days_in_month(to.year - 1, to.month))
                };
                (
                    Date {
                        year: to.year - 1,
                        day,
                        ..to
                    },
                    as_of,
                )
            }
            Preset::Since(f) => (day_before(ds.framework(f)?.founded), as_of),
            Preset::Year(y) => {
                let end = Date::ymd(y, 12, 31);
                (Date::ymd(y - 1, 12, 31), (end < ds.as_of).then_some(end))
            }
        };
        let from = from.max(earliest);
        crate::view::url::window_starts(from, as_of.unwrap_or(ds.as_of)).then_some((from, as_of))
    }

    /// The preset whose window the view shows, if any (so a menu can say
    /// which one a link opened). A calendar year wins over the last 12
    /// months that end on its 31 December: it names the window better.
    pub fn current(ds: &Dataset, from: Option<Date>, as_of: Option<Date>) -> Option<Preset> {
        let from = from?;
        let mut all = Preset::all(ds);
        all.rotate_left(1); // the last 12 months last
        all.into_iter()
            .find(|p| p.window(ds, as_of) == Some((from, as_of)))
    }
}

/// The day before a date (the start of its period, for a partial date), so
/// that a window `(day_before(d), …]` includes `d`.
fn day_before(d: Date) -> Date {
    if d.day > 1 {
        Date {
            day: d.day - 1,
            ..d
        }
    } else {
        let d = Date {
            month: d.month.max(1),
            day: 1,
            ..d
        };
        Date::month_end(d.month_index() - 1)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::date::Date;
    use proptest::prelude::*;
    use std::collections::BTreeSet;

    /// Each framework's member states (first joins) at `at`, scoped at `to`.
    fn members(ds: &Dataset, f: &Filters, at: Date, to: Date) -> BTreeSet<(FrameworkId, String)> {
        let mut out = BTreeSet::new();
        for fw in crate::charts::visible(f) {
            for m in facts::first_state_joins(ds, fw, at, |m| f.shows(m.confidence)) {
                if crate::charts::in_scope(ds, f, &m.actor, to) {
                    out.insert((fw, m.actor.clone()));
                }
            }
        }
        out
    }

    fn date(months: i32) -> Date {
        Date::from_month_index(months)
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(48))]
        /// The joins in a window are exactly the members at its end that
        /// were not members at its start, for any window and filters.
        #[test]
        fn the_change_set_is_the_difference_of_the_two_states(
            a in 240i32..322, len in 1i32..80, hide in any::<bool>(), africa in any::<bool>(),
        ) {
            let ds = crate::test_support::dataset();
            let mut f = Filters { hide_unverified: hide, ..Filters::default() };
            if africa {
                f.regions.insert("Africa".into());
            }
            let (from, to) = (date(a), date(a + len).min(ds.as_of));
            prop_assume!(from < to);
            let c = between(ds, &f, from, to);
            let joined: BTreeSet<(FrameworkId, String)> = c
                .joined
                .iter()
                .map(|&(fw, i)| (fw, ds.memberships[i].actor.clone()))
                .collect();
            let expected: BTreeSet<_> = members(ds, &f, to, to)
                .difference(&members(ds, &f, from, to))
                .cloned()
                .collect();
            prop_assert_eq!(joined, expected);
            for &i in &c.ties {
                let p = &ds.partnerships[i];
                prop_assert!(p.date > from && p.date <= to);
                prop_assert!(f.shows(p.confidence));
            }
        }
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(64))]
        /// Every preset a view offers opens a window a link can hold: after
        /// September 2020 and before its as-of date, which stays the view's
        /// own unless the preset is a calendar year.
        #[test]
        fn presets_open_windows_a_link_can_hold(m in 240i32..330, pick in 0usize..16) {
            let ds = crate::test_support::dataset();
            let as_of = (Date::month_end(m) < ds.as_of).then(|| Date::month_end(m));
            let all = Preset::all(ds);
            let p = all[pick % all.len()];
            if let Some((from, to)) = p.window(ds, as_of) {
                prop_assert!(crate::view::url::window_starts(from, to.unwrap_or(ds.as_of)));
                if !matches!(p, Preset::Year(_)) {
                    prop_assert_eq!(to, as_of);
                }
                // The menu names it back (or a preset with the same window:
                // the last 12 months to a 31 December are that year).
                let named = Preset::current(ds, Some(from), to);
                prop_assert_eq!(named.and_then(|n| n.window(ds, to)), Some((from, to)));
            }
        }
    }

    #[test]
    fn the_list_orders_hold_the_same_rows_each_dated_and_sourced() {
        let ds = crate::test_support::dataset();
        let f = Filters::default();
        let c = between(ds, &f, Date::ymd(2022, 12, 31), ds.as_of);
        let n = c.joined.len() + c.upgraded.len() + c.entered_both.len() + c.ties.len();
        let key = |r: &Row| format!("{:?}{}{:?}", r.kind, r.date, r.actors);
        let mut sets = Vec::new();
        for order in Order::ALL {
            assert_eq!(Order::parse(order.id()), Some(order));
            let rows = rows(ds, &c, order);
            assert_eq!(rows.len(), n, "{order:?}");
            for w in rows.windows(2) {
                let ok = match order {
                    Order::Group => (w[0].kind, w[0].date) <= (w[1].kind, w[1].date),
                    Order::Date => w[0].date <= w[1].date,
                    Order::Name => {
                        let name =
                            |r: &Row| crate::charts::name_of(ds, &r.actors[0]).to_lowercase();
                        name(&w[0]) <= name(&w[1])
                    }
                };
                assert!(ok, "{order:?}: {:?} then {:?}", w[0], w[1]);
            }
            // Every row has its date in the window and its sources.
            for r in &rows {
                assert!(r.date > c.from && r.date <= c.to, "{r:?}");
                assert!(!r.sources.is_empty(), "{r:?}");
            }
            let mut keys: Vec<String> = rows.iter().map(key).collect();
            crate::sort::sort(&mut keys);
            sets.push(keys);
        }
        assert!(sets.windows(2).all(|w| w[0] == w[1]));
        // An actor is marked once: as new or as changed.
        let new = c.actors(ds);
        assert!(c.changed_actors(ds).iter().all(|a| !new.contains(a)));
    }

    #[test]
    fn presets_are_the_windows_a_reader_expects() {
        let ds = crate::test_support::dataset();
        let all = Preset::all(ds);
        for p in &all {
            assert_eq!(Preset::parse(&p.id()), Some(*p), "{p:?}");
        }
        assert_eq!(Preset::parse("year-x"), None);
        // The last 12 months: after the same day a year before.
        let (from, to) = Preset::LastYear.window(ds, None).unwrap();
        assert_eq!(to, None, "the view's date is kept");
        assert_eq!((from.year, from.month), (ds.as_of.year - 1, ds.as_of.month));
        let leap = Date::ymd(2024, 2, 29);
        assert_eq!(
            Preset::LastYear.window(ds, Some(leap)),
            Some((Date::ymd(2023, 2, 28), Some(leap)))
        );
        // Since a framework: its founding day is in the window, so every
        // member state at the view's date joined in it.
        let f = Filters::default();
        for fw in [FrameworkId::Artemis, FrameworkId::Ilrs] {
            let founded = ds.framework(fw).unwrap().founded;
            let (from, to) = Preset::Since(fw).window(ds, None).unwrap();
            assert!(from < founded && to.is_none());
            let c = between(ds, &f, from, ds.as_of);
            let joined = c.joined.iter().filter(|(x, _)| *x == fw).count();
            let members = crate::charts::state_joins(ds, &f, fw, ds.as_of, true).len();
            assert_eq!(joined, members, "{fw:?}");
            assert!(
                Preset::Since(fw).label(ds).contains(&founded.human()),
                "{}",
                Preset::Since(fw).label(ds)
            );
        }
        // Not before the framework existed.
        let ilrs = ds.framework(FrameworkId::Ilrs).unwrap().founded;
        assert_eq!(
            Preset::Since(FrameworkId::Ilrs).window(ds, Some(day_before(ilrs))),
            None
        );
        // A calendar year: after 31 December of the year before, to 31
        // December, or to the data's date in its last year.
        let y = ds.as_of.year - 1;
        assert_eq!(
            Preset::Year(y).window(ds, Some(Date::ymd(2021, 5, 1))),
            Some((Date::ymd(y - 1, 12, 31), Some(Date::ymd(y, 12, 31))))
        );
        assert_eq!(
            Preset::Year(ds.as_of.year).window(ds, None),
            Some((Date::ymd(ds.as_of.year - 1, 12, 31), None))
        );
        let first = crate::view::url::EARLIEST;
        assert_eq!(
            Preset::Year(first.year).window(ds, None).map(|w| w.0),
            Some(first)
        );
        assert!(
            all.contains(&Preset::Year(first.year)) && all.contains(&Preset::Year(ds.as_of.year))
        );
        assert_eq!(Preset::current(ds, None, None), None);
        // The last 12 months to a 31 December are that year, named so.
        let (from, to) = Preset::Year(y).window(ds, None).unwrap();
        assert_eq!(Preset::LastYear.window(ds, to), Some((from, to)));
        assert_eq!(Preset::current(ds, Some(from), to), Some(Preset::Year(y)));
        assert_eq!(day_before(Date::ymd(2021, 3, 1)), Date::ymd(2021, 2, 28));
        assert_eq!(
            day_before(Date::parse("2021").unwrap()),
            Date::ymd(2020, 12, 31)
        );
    }

    #[test]
    fn the_summary_counts_what_the_change_set_holds() {
        let ds = crate::test_support::dataset();
        let f = Filters::default();
        let (from, to) = (Date::ymd(2023, 1, 31), Date::ymd(2025, 6, 30));
        let c = between(ds, &f, from, to);
        let s = summary(&c);
        let artemis = c
            .joined
            .iter()
            .filter(|(fw, _)| *fw == FrameworkId::Artemis)
            .count();
        assert!(
            s.starts_with(&format!("Between {} and {}: ", from.human(), to.human())),
            "{s}"
        );
        assert!(
            s.contains(&format!("{artemis} states signed the Artemis Accords")),
            "{s}"
        );
        assert!(
            s.contains(&format!("{} bilateral ties were formed", c.ties.len())),
            "{s}"
        );
        // An empty window: nothing but the ties clause, at zero.
        let none = between(ds, &f, to, to);
        assert_eq!(
            summary(&none),
            format!(
                "Between {} and {}: 0 bilateral ties were formed.",
                to.human(),
                to.human()
            )
        );
        // Filters narrow it: hiding ties of every kind leaves none.
        let no_ties = Filters {
            hidden_partnerships: crate::model::PartnershipKind::ALL.iter().copied().collect(),
            ..Filters::default()
        };
        assert!(between(ds, &no_ties, from, to).ties.is_empty());
        // The graph at the window's end marks every new member it shows and
        // a line for every new tie between two nodes it shows.
        let g = crate::graph::build(
            ds,
            &Filters {
                as_of: Some(to),
                ..Filters::default()
            },
        );
        let actors = c.actors(ds);
        let (nodes, edges) = marks(&g, &actors, &c.ties);
        assert_eq!(
            nodes.len(),
            actors.iter().filter(|a| g.index_of(a).is_some()).count()
        );
        assert!(!nodes.is_empty() && !edges.is_empty());
        for &k in &edges {
            assert!(g.edges[k].items.iter().any(|i| c.ties.contains(i)));
        }
        // The CSV has a row per change, each with its date.
        let text = csv(ds, &rows(ds, &c, Order::Group));
        let rows = crate::dataset::csv::parse(&text).unwrap().rows;
        let n = c.joined.len() + c.upgraded.len() + c.entered_both.len() + c.ties.len();
        assert_eq!(rows.len(), n);
        assert!(
            rows.iter().all(|r| Date::parse(&r.fields[1]).is_ok()),
            "{text}"
        );
        assert_eq!(between(ds, &no_ties, from, to).joined, c.joined);
    }
}
