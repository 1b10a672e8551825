//! The countries table: one row per country in the current graph, with its
//! alignment, join dates and instruments, ties by camp and sources; sorted by
//! any column. Pure, shared by the table view and the CSV export.

use crate::graph::facts::{self, Alignment, TieCounts};
use crate::graph::{EdgeKind, Graph, NodeKind};
use crate::model::date::Date;
use crate::model::{ActorKind, Dataset, FrameworkId, Instrument};

/// One country's row.
#[derive(Debug, Clone, PartialEq)]
pub struct CountryRow {
    /// ISO 3166-1 alpha-3 code.
    pub iso3: String,
    /// Name.
    pub name: String,
    /// UN M49 region.
    pub region: String,
    /// UN M49 subregion.
    pub subregion: String,
    /// Alignment at the date.
    pub alignment: Alignment,
    /// Artemis Accords: date and instrument of joining.
    pub artemis: Option<(Date, Instrument)>,
    /// ILRS: date and instrument of joining.
    pub ilrs: Option<(Date, Instrument)>,
    /// APSCO: date and instrument of joining.
    pub apsco: Option<(Date, Instrument)>,
    /// Bilateral ties by the partner's camp.
    pub ties: TieCounts,
    /// Sources of the memberships the view shows for this country.
    pub source_ids: Vec<String>,
}

/// A sortable column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Column {
    /// Country name.
    Name,
    /// Region, then subregion.
    Region,
    /// Alignment.
    Alignment,
    /// Artemis join date.
    Artemis,
    /// ILRS join date.
    Ilrs,
    /// APSCO join date.
    Apsco,
    /// Ties with Artemis-side partners.
    TiesArtemis,
    /// Ties with ILRS-side partners.
    TiesIlrs,
    /// Number of sources.
    Sources,
}

/// The table's sort order: a column and a direction. The default is by
/// name, ascending. Part of the view, so a link reopens the same order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct TableSort {
    /// The column sorted by.
    pub column: Column,
    /// Ascending (A–Z, oldest first, fewest first) or descending.
    pub ascending: bool,
}

impl Default for TableSort {
    fn default() -> Self {
        TableSort {
            column: Column::Name,
            ascending: true,
        }
    }
}

impl TableSort {
    /// The order after a click on `column`'s header: the same column flips
    /// direction, another column sorts ascending.
    pub fn clicked(self, column: Column) -> TableSort {
        TableSort {
            column,
            ascending: column != self.column || !self.ascending,
        }
    }

    /// Link form: the column id, with a leading `-` when descending
    /// (`ilrs`, `-ties-artemis`).
    pub fn id(self) -> String {
        let sign = if self.ascending { "" } else { "-" };
        format!("{sign}{}", self.column.id())
    }

    /// Reads [`TableSort::id`]'s form.
    pub fn parse(text: &str) -> Option<TableSort> {
        let (ascending, id) = match text.strip_prefix('-') {
            Some(rest) => (false, rest),
            None => (true, text),
        };
        let column = Column::ALL.into_iter().find(|c| c.id() == id)?;
        Some(TableSort { column, ascending })
    }
}

impl Column {
    /// Link id.
    pub fn id(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Region => "region",
            Column::Alignment => "alignment",
            Column::Artemis => "artemis",
            Column::Ilrs => "ilrs",
            Column::Apsco => "apsco",
            Column::TiesArtemis => "ties-artemis",
            Column::TiesIlrs => "ties-ilrs",
            Column::Sources => "sources",
        }
    }

    /// Every column, in display order.
    pub const ALL: [Column; 9] = [
        Column::Name,
        Column::Region,
        Column::Alignment,
        Column::Artemis,
        Column::Ilrs,
        Column::Apsco,
        Column::TiesArtemis,
        Column::TiesIlrs,
        Column::Sources,
    ];

    /// Header text.
    pub fn label(self) -> &'static str {
        match self {
            Column::Name => "Country",
            Column::Region => "Region",
            Column::Alignment => "Alignment",
            Column::Artemis => "Artemis Accords",
            Column::Ilrs => "ILRS",
            Column::Apsco => "APSCO",
            Column::TiesArtemis => "Ties, Artemis side",
            Column::TiesIlrs => "Ties, ILRS side",
            Column::Sources => "Sources",
        }
    }
}

/// The rows for the countries of `graph` at date `at`, by name. With a
/// region filter, only the countries of those regions (the graph also shows
/// their partners elsewhere, as context).
pub fn country_rows(
    ds: &Dataset,
    graph: &Graph,
    at: Date,
    regions: &std::collections::BTreeSet<String>,
) -> Vec<CountryRow> {
    let mut rows: Vec<CountryRow> = graph
        .nodes
        .iter()
        .enumerate()
        .filter(|(_, n)| n.kind == NodeKind::Actor(ActorKind::Country))
        .map(|(i, n)| {
            let k = ds.country(&n.id);
            let joined = |f| facts::joined(ds, &n.id, f, at).map(|m| (m.date, m.instrument));
            // Sources of what the view shows: the membership rows behind this
            // node's framework edges (filters may hide some).
            let mut source_ids: Vec<String> = graph
                .edges
                .iter()
                .filter(|e| {
                    matches!(e.kind, EdgeKind::Member(..)) && (e.source == i || e.target == i)
                })
                .flat_map(|e| &e.items)
                .filter_map(|&mi| ds.memberships.get(mi))
                .flat_map(|m| m.sources.iter().cloned())
                .collect();
            crate::sort::sort(&mut source_ids);
            source_ids.dedup();
            CountryRow {
                iso3: n.id.clone(),
                name: n.label.clone(),
                region: k.map(|k| k.region.clone()).unwrap_or_default(),
                subregion: k.map(|k| k.subregion.clone()).unwrap_or_default(),
                // As the graph shows it (filters such as "hide unverified" apply).
                alignment: n.alignment,
                artemis: joined(FrameworkId::Artemis),
                ilrs: joined(FrameworkId::Ilrs),
                apsco: joined(FrameworkId::Apsco),
                ties: facts::ties_by_camp(ds, &n.id, at),
                source_ids,
            }
        })
        .filter(|r: &CountryRow| crate::graph::in_regions(regions, ds.country(&r.iso3)))
        .collect();
    crate::sort::sort_by(&mut rows, |a, b| a.name.cmp(&b.name));
    rows
}

/// Sorts rows by a column; ties keep name order. Rows without the date
/// sort last either way, so "who joined first" and "who joined last" both
/// read from the top.
pub fn sort(rows: &mut Vec<CountryRow>, order: TableSort) {
    let TableSort { column, ascending } = order;
    let date = |r: &CountryRow| match column {
        Column::Artemis => Some(r.artemis),
        Column::Ilrs => Some(r.ilrs),
        Column::Apsco => Some(r.apsco),
        _ => None,
    };
    crate::sort::sort_by(rows, |a, b| {
        if let (Some(da), Some(db)) = (date(a), date(b)) {
            let o = match (da, db) {
                (Some((x, _)), Some((y, _))) if ascending => x.cmp(&y),
                (Some((x, _)), Some((y, _))) => y.cmp(&x),
                (a, b) => a.is_none().cmp(&b.is_none()),
            };
            return o.then_with(|| a.name.cmp(&b.name));
        }
        let o = match column {
            Column::Region => (&a.region, &a.subregion).cmp(&(&b.region, &b.subregion)),
            Column::Alignment => a.alignment.cmp(&b.alignment),
            Column::TiesArtemis => a.ties.artemis.cmp(&b.ties.artemis),
            Column::TiesIlrs => a.ties.ilrs.cmp(&b.ties.ilrs),
            Column::Sources => a.source_ids.len().cmp(&b.source_ids.len()),
            _ => a.name.cmp(&b.name),
        };
        let o = if ascending { o } else { o.reverse() };
        o.then_with(|| a.name.cmp(&b.name))
    });
}

/// What a country did in a change view's window, for the table's "In
/// window" column and its "only changes" filter: the same change set as
/// the What changed list ([`crate::charts::change::between`]).
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct WindowChange {
    /// Frameworks it joined in the window.
    pub joined: Vec<FrameworkId>,
    /// Frameworks in which an intent or a signature became a membership.
    pub became_member: Vec<FrameworkId>,
    /// It entered both camps.
    pub entered_both: bool,
    /// Ties formed in the window by it or its bodies.
    pub ties: usize,
}

impl WindowChange {
    /// The change of country `iso3` in the change set `c`.
    pub fn of(ds: &Dataset, c: &crate::charts::change::Changes, iso3: &str) -> WindowChange {
        let own = |actor: &str| actor == iso3 || ds.home_country(actor) == Some(iso3);
        WindowChange {
            joined: c
                .joined
                .iter()
                .filter(|&&(_, i)| own(&ds.memberships[i].actor))
                .map(|&(f, _)| f)
                .collect(),
            became_member: c
                .upgraded
                .iter()
                .map(|&i| &ds.memberships[i])
                .filter(|m| own(&m.actor))
                .map(|m| m.framework)
                .collect(),
            entered_both: c.entered_both.iter().any(|x| x == iso3),
            ties: c
                .ties
                .iter()
                .filter(|&&i| own(&ds.partnerships[i].a) || own(&ds.partnerships[i].b))
                .count(),
        }
    }

    /// Nothing changed for it in the window.
    pub fn is_empty(&self) -> bool {
        *self == WindowChange::default()
    }

    /// The column's text: "new: Artemis Accords; both camps; 2 new ties",
    /// "status changed: ILRS", or empty.
    pub fn label(&self) -> String {
        let names =
            |fs: &[FrameworkId]| fs.iter().map(|f| f.label()).collect::<Vec<_>>().join(", ");
        let mut parts = Vec::new();
        if !self.joined.is_empty() {
            parts.push(format!("new: {}", names(&self.joined)));
        }
        if !self.became_member.is_empty() {
            parts.push(format!("status changed: {}", names(&self.became_member)));
        }
        if self.entered_both {
            parts.push("both camps".to_string());
        }
        match self.ties {
            0 => {}
            1 => parts.push("1 new tie".to_string()),
            n => parts.push(format!("{n} new ties")),
        }
        parts.join("; ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::graph::{Filters, build};

    #[test]
    fn rows_cover_the_countries_and_sort_by_any_column() {
        let ds = crate::test_support::dataset().clone();
        let g = build(&ds, &Filters::default());
        let mut rows = country_rows(&ds, &g, ds.as_of, &Default::default());
        let tha = rows.iter().find(|r| r.iso3 == "THA").unwrap();
        assert_eq!(tha.alignment, Alignment::Both);
        assert_eq!(tha.artemis.unwrap().0, Date::ymd(2024, 12, 16));
        assert!(!tha.source_ids.is_empty());
        let by = |column, ascending| TableSort { column, ascending };
        sort(&mut rows, by(Column::Artemis, true));
        // Founding signatories first, non-signatories last.
        assert_eq!(rows[0].artemis.unwrap().0, Date::ymd(2020, 10, 13));
        assert!(rows.last().unwrap().artemis.is_none());
        let dated: Vec<Date> = rows.iter().filter_map(|r| r.artemis.map(|a| a.0)).collect();
        assert!(dated.windows(2).all(|w| w[0] <= w[1]));
        // Newest first, and still the non-signatories last.
        sort(&mut rows, by(Column::Artemis, false));
        assert_eq!(rows[0].artemis.map(|a| a.0), dated.last().copied());
        assert!(rows.last().unwrap().artemis.is_none());
        let n = dated.len();
        assert!(rows[..n].iter().all(|r| r.artemis.is_some()));
        assert!(rows[..n].windows(2).all(|w| w[0].artemis >= w[1].artemis));
        assert!(rows[n..].windows(2).all(|w| w[0].name <= w[1].name));
        sort(&mut rows, by(Column::TiesIlrs, false));
        assert!(rows.windows(2).all(|w| w[0].ties.ilrs >= w[1].ties.ilrs));
        sort(&mut rows, TableSort::default());
        assert!(rows.windows(2).all(|w| w[0].name <= w[1].name));
        let west_africa = std::collections::BTreeSet::from(["Western Africa".to_string()]);
        let f = Filters {
            regions: west_africa.clone(),
            ..Filters::default()
        };
        let rows = country_rows(&ds, &build(&ds, &f), ds.as_of, &west_africa);
        assert!(rows.iter().any(|r| r.iso3 == "SEN"));
        assert!(rows.iter().all(|r| r.subregion == "Western Africa"));
    }

    #[test]
    fn the_window_column_agrees_with_the_change_list() {
        use crate::charts::change;
        let ds = crate::test_support::dataset();
        let f = Filters::default();
        let c = change::between(ds, &f, Date::ymd(2022, 12, 31), ds.as_of);
        let rows = country_rows(ds, &build(ds, &f), ds.as_of, &Default::default());
        let changed: Vec<(String, WindowChange)> = rows
            .iter()
            .map(|r| (r.iso3.clone(), WindowChange::of(ds, &c, &r.iso3)))
            .filter(|(_, w)| !w.is_empty())
            .collect();
        // Every country the list names as new, changed or in both camps has
        // a non-empty cell saying so, and every non-empty cell is backed by
        // a row of the list.
        for a in c.actors(ds).iter().filter(|a| ds.country(a).is_some()) {
            let w = &changed.iter().find(|(x, _)| x == a).unwrap().1;
            assert!(!w.joined.is_empty() || w.entered_both, "{a}: {w:?}");
            assert!(w.label().starts_with("new") || w.label().contains("both camps"));
        }
        for a in c
            .changed_actors(ds)
            .iter()
            .filter(|a| ds.country(a).is_some())
        {
            let w = &changed.iter().find(|(x, _)| x == a).unwrap().1;
            assert!(w.label().contains("status changed"), "{a}: {w:?}");
        }
        let ties: usize = changed.iter().map(|(_, w)| w.ties).sum();
        assert!(
            ties >= c
                .ties
                .iter()
                .filter(|&&i| {
                    let p = &ds.partnerships[i];
                    ds.country(&p.a).is_some() || ds.country(&p.b).is_some()
                })
                .count()
        );
        assert!(changed.len() < rows.len(), "some countries did nothing");
        assert_eq!(WindowChange::default().label(), "");
        let w = WindowChange {
            ties: 2,
            entered_both: true,
            ..WindowChange::default()
        };
        assert_eq!(w.label(), "both camps; 2 new ties");
    }

    #[test]
    fn sort_orders_read_back_from_their_link_form() {
        for column in Column::ALL {
            for ascending in [true, false] {
                let order = TableSort { column, ascending };
                assert_eq!(TableSort::parse(&order.id()), Some(order));
            }
        }
        assert_eq!(TableSort::parse("-ilrs").map(|o| o.ascending), Some(false));
        assert_eq!(TableSort::parse("capital"), None);
        assert_eq!(TableSort::parse("--ilrs"), None);
        let o = TableSort::default().clicked(Column::Ilrs);
        assert_eq!((o.column, o.ascending), (Column::Ilrs, true));
        assert!(!o.clicked(Column::Ilrs).ascending);
        assert!(o.clicked(Column::Ilrs).clicked(Column::Ilrs).ascending);
    }
}
