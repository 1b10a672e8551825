//! The side-by-side comparison of the two coalitions at a date: members,
//! regions, newest members, countries in both, and bilateral ties by kind
//! with each camp's leading states.
//!
//! It counts like the charts ([`crate::charts`]): member states in the
//! selected regions with a shown alignment, without unverified rows when
//! those are hidden. Ties count when the third party's country is in scope
//! in the same way (a party with no country, such as ESA, only when no
//! region is selected).

use std::collections::BTreeMap;

use crate::charts::{in_scope, state_joins};
use crate::graph::Filters;
use crate::graph::facts;
use crate::model::date::Date;
use crate::model::{Dataset, FrameworkId, Membership, PartnershipKind, ReportedCount};

/// One coalition's side of the comparison.
#[derive(Debug, Clone, PartialEq)]
pub struct Side {
    /// Which framework.
    pub framework: FrameworkId,
    /// Member states.
    pub members: usize,
    /// Agencies, institutions, companies and organizations.
    pub other_members: usize,
    /// Members by UN region, largest first.
    pub by_region: Vec<(String, usize)>,
    /// The newest members (name, date), newest first.
    pub newest: Vec<(String, Date)>,
    /// Bilateral ties of the leading states with third countries, by kind.
    pub ties_by_kind: Vec<(PartnershipKind, usize)>,
    /// Names of the leading states.
    pub leaders: Vec<String>,
}

/// Both sides and the countries in both camps.
#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    /// Artemis Accords.
    pub artemis: Side,
    /// ILRS.
    pub ilrs: Side,
    /// Countries in both camps (names).
    pub both: Vec<String>,
}

/// One side, from its in-scope member states (`members`, see
/// [`state_joins`]).
fn side(
    ds: &Dataset,
    filters: &Filters,
    framework: FrameworkId,
    at: Date,
    members: &[&Membership],
) -> Side {
    let name = |id: &str| ds.actor(id).map_or(id.to_string(), |a| a.name.clone());
    let mut regions: BTreeMap<String, usize> = BTreeMap::new();
    for m in members {
        let r = ds
            .country(&m.actor)
            .map_or("Unknown".to_string(), |c| c.region.clone());
        *regions.entry(r).or_default() += 1;
    }
    let mut by_region: Vec<(String, usize)> = regions.into_iter().collect();
    crate::sort::sort_by(&mut by_region, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    let mut newest: Vec<(String, Date)> =
        members.iter().map(|m| (name(&m.actor), m.date)).collect();
    crate::sort::sort_by(&mut newest, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    newest.truncate(5);
    let leaders: Vec<String> = ds
        .framework(framework)
        .map(|f| f.led_by.clone())
        .unwrap_or_default();
    // A party outside the leading states, e.g. a tie's partner or a
    // non-state member, is in scope by its home country; one with no country
    // (ESA, APSCO…) only when no region is selected.
    let party_in_scope = |id: &str| match ds.home_country(id) {
        Some(c) => in_scope(ds, filters, c, at),
        None => filters.regions.is_empty(),
    };
    // Ties where exactly one party belongs to a leading state, and the
    // other party is in scope.
    let leading = |id: &str| {
        ds.home_country(id)
            .is_some_and(|c| leaders.iter().any(|l| l == c))
    };
    let mut kinds: BTreeMap<PartnershipKind, usize> = BTreeMap::new();
    for p in ds
        .partnerships
        .iter()
        .filter(|p| p.date <= at && filters.shows(p.confidence))
    {
        let third = match (leading(&p.a), leading(&p.b)) {
            (true, false) => &p.b,
            (false, true) => &p.a,
            _ => continue,
        };
        if party_in_scope(third) {
            *kinds.entry(p.kind).or_default() += 1;
        }
    }
    let mut ties_by_kind: Vec<(PartnershipKind, usize)> = kinds.into_iter().collect();
    crate::sort::sort_by(&mut ties_by_kind, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Side {
        framework,
        members: members.len(),
        other_members: facts::other_members(ds, framework, at)
            .iter()
            .filter(|m| filters.shows(m.confidence) && party_in_scope(&m.actor))
            .count(),
        by_region,
        newest,
        ties_by_kind,
        leaders: leaders.iter().map(|l| name(l)).collect(),
    }
}

/// The comparison at the view's date, following its filters.
pub fn compare(ds: &Dataset, filters: &Filters) -> Comparison {
    let at = filters.as_of.unwrap_or(ds.as_of);
    let artemis_members = state_joins(ds, filters, FrameworkId::Artemis, at, true);
    let ilrs_members = state_joins(ds, filters, FrameworkId::Ilrs, at, true);
    // In both: in scope and a member of both under the same rules.
    let both = artemis_members
        .iter()
        .filter(|m| ilrs_members.iter().any(|i| i.actor == m.actor))
        .map(|m| {
            ds.actor(&m.actor)
                .map_or(m.actor.clone(), |a| a.name.clone())
        })
        .collect();
    Comparison {
        artemis: side(ds, filters, FrameworkId::Artemis, at, &artemis_members),
        ilrs: side(ds, filters, FrameworkId::Ilrs, at, &ilrs_members),
        both,
    }
}

/// Where the newest comparable official count of a framework's member
/// states (on or before `at`) differs from the rows listed for that date.
#[derive(Debug, Clone, PartialEq)]
pub struct CountGap<'a> {
    /// The official count.
    pub reported: &'a ReportedCount,
    /// Member states the data lists at the count's date.
    pub listed: usize,
}

/// The [`CountGap`] of a framework at a date, if the latest official count
/// of member states disagrees with the listed rows.
pub fn count_gap(ds: &Dataset, framework: FrameworkId, at: Date) -> Option<CountGap<'_>> {
    let reported = ds
        .reported_counts
        .iter()
        .rfind(|r| r.framework == framework && r.of_states && r.date <= at)?;
    let listed = facts::state_members(ds, framework, reported.date.end_of_period()).len();
    (listed != reported.count).then_some(CountGap { reported, listed })
}

/// The one-line summary of the coalitions in a view, counted like the
/// charts and the comparison (filters apply), with a note where an official
/// count and the listed rows disagree.
pub fn summary(ds: &Dataset, filters: &Filters) -> String {
    let at = filters.as_of.unwrap_or(ds.as_of);
    let c = compare(ds, filters);
    let ilrs_other = facts::other_members(ds, FrameworkId::Ilrs, at).len();
    let scope = filters.describe();
    // A country whose place in both camps rests on an unverified joining
    // row is named as such, as its details badge it.
    let weak: Vec<&str> = [FrameworkId::Artemis, FrameworkId::Ilrs]
        .into_iter()
        .flat_map(|fw| state_joins(ds, filters, fw, at, true))
        .filter(|m| m.confidence == crate::model::Confidence::Unverified)
        .filter_map(|m| ds.actor(&m.actor).map(|a| a.name.as_str()))
        .collect();
    let both: Vec<String> = c
        .both
        .iter()
        .map(|n| {
            if weak.contains(&n.as_str()) {
                format!("{n} (unverified)")
            } else {
                n.clone()
            }
        })
        .collect();
    let mut text = format!(
        "{}s of {}: {} countries have signed the Artemis Accords; {} states have joined the ILRS{}. {} in both camps{}{}.",
        if scope.is_empty() {
            "A".to_string()
        } else {
            format!("In this view ({}), a", scope.join("; "))
        },
        at.human(),
        c.artemis.members,
        c.ilrs.members,
        if scope.is_empty() {
            format!(", with {ilrs_other} agencies, institutions, companies and organizations")
        } else {
            String::new()
        },
        both.len(),
        if both.is_empty() { "" } else { ": " },
        both.join(", ")
    );
    if let Some(gap) = count_gap(ds, FrameworkId::Artemis, at) {
        let n = gap.reported.count.abs_diff(gap.listed);
        let rows = if n == 1 { "signatory" } else { "signatories" };
        text.push_str(&format!(
            " Official count on {}: {} signatories; {n} {rows} {} not listed here, as {} not been identified.",
            gap.reported.date.human(),
            gap.reported.count,
            if n == 1 { "is" } else { "are" },
            if n == 1 { "it has" } else { "they have" },
        ));
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_summary_counts_what_the_view_shows_and_names_a_count_gap() {
        let ds = crate::test_support::dataset();
        let all = summary(ds, &Filters::default());
        let n = facts::state_members(ds, FrameworkId::Artemis, ds.as_of).len();
        assert!(all.contains(&format!("{n} countries have signed")), "{all}");
        // Hiding unverified facts lowers the count the summary states.
        let f = Filters {
            hide_unverified: true,
            ..Filters::default()
        };
        let shown = compare(ds, &f).artemis.members;
        let text = summary(ds, &f);
        assert!(
            text.starts_with("In this view (hiding unverified facts)"),
            "{text}"
        );
        assert!(
            text.contains(&format!(": {shown} countries have signed")),
            "{text}"
        );
        // A country in both camps on unverified rows is marked as such.
        for m in state_joins(
            ds,
            &Filters::default(),
            FrameworkId::Artemis,
            ds.as_of,
            true,
        ) {
            let name = &ds.actor(&m.actor).unwrap().name;
            let both = compare(ds, &Filters::default()).both;
            if both.contains(name) && m.confidence == crate::model::Confidence::Unverified {
                assert!(all.contains(&format!("{name} (unverified)")), "{all}");
            }
        }
        // A count gap, when the data has one, is said in words.
        match count_gap(ds, FrameworkId::Artemis, ds.as_of) {
            Some(g) => assert!(
                all.contains(&format!("{} signatories;", g.reported.count)),
                "{all}"
            ),
            None => assert!(!all.contains("Official count"), "{all}"),
        }
    }

    #[test]
    fn a_count_gap_compares_the_rows_listed_at_the_count_date() {
        let mut ds = crate::test_support::dataset().clone();
        let at = ds.as_of;
        let listed = facts::state_members(&ds, FrameworkId::Artemis, at).len();
        ds.reported_counts = vec![ReportedCount {
            id: "x".into(),
            framework: FrameworkId::Artemis,
            date: at,
            count: listed,
            of_states: true,
            sources: vec![],
            note: String::new(),
        }];
        assert_eq!(count_gap(&ds, FrameworkId::Artemis, at), None);
        ds.reported_counts[0].count = listed + 1;
        assert_eq!(
            count_gap(&ds, FrameworkId::Artemis, at).unwrap().listed,
            listed
        );
        let text = summary(&ds, &Filters::default());
        assert!(text.contains("1 signatory is not listed here"), "{text}");
        // A count of something else (states and organisations) is not compared.
        ds.reported_counts[0].of_states = false;
        assert_eq!(count_gap(&ds, FrameworkId::Artemis, at), None);
    }

    #[test]
    fn sides_add_up() {
        let ds = crate::test_support::dataset().clone();
        let c = compare(&ds, &Filters::default());
        assert_eq!(
            c.artemis.members,
            c.artemis.by_region.iter().map(|r| r.1).sum::<usize>()
        );
        assert_eq!(
            c.ilrs.members,
            c.ilrs.by_region.iter().map(|r| r.1).sum::<usize>()
        );
        assert_eq!(c.artemis.leaders, ["United States"]);
        assert_eq!(c.ilrs.leaders.len(), 2);
        assert!(c.both.contains(&"Thailand".to_string()));
        assert!(c.artemis.newest.windows(2).all(|w| w[0].1 >= w[1].1));
        assert!(
            c.ilrs.ties_by_kind.iter().map(|t| t.1).sum::<usize>() > 10,
            "China's and Russia's ties"
        );
        assert!(
            c.artemis.ties_by_kind.iter().map(|t| t.1).sum::<usize>() > 10,
            "U.S. ties"
        );
        let at = |d| Filters {
            as_of: Some(d),
            ..Filters::default()
        };
        let early = compare(&ds, &at(Date::ymd(2020, 10, 31)));
        assert_eq!(early.artemis.members, 8);
        assert_eq!(early.ilrs.members, 0);
        // Same members as the unfiltered rule of facts::state_members.
        assert_eq!(
            c.ilrs.members,
            facts::state_members(&ds, FrameworkId::Ilrs, ds.as_of).len()
        );
    }

    #[test]
    fn follows_the_region_alignment_and_unverified_filters() {
        let ds = crate::test_support::dataset().clone();
        let all = compare(&ds, &Filters::default());
        let africa = Filters {
            regions: ["Africa".to_string()].into(),
            ..Filters::default()
        };
        let c = compare(&ds, &africa);
        assert!(c.artemis.members > 0 && c.artemis.members < all.artemis.members);
        assert!(c.ilrs.other_members < all.ilrs.other_members);
        assert_eq!(c.artemis.by_region.len(), 1);
        assert_eq!(c.artemis.by_region[0].0, "Africa");
        assert!(c.both.contains(&"Senegal".to_string()));
        assert!(!c.both.contains(&"Thailand".to_string()));
        // Ties of the leaders with African partners only.
        let ties = |s: &Side| s.ties_by_kind.iter().map(|t| t.1).sum::<usize>();
        assert!(ties(&c.ilrs) > 0 && ties(&c.ilrs) < ties(&all.ilrs));
        let no_both = Filters {
            hidden_alignments: [facts::Alignment::Both].into(),
            ..Filters::default()
        };
        let c = compare(&ds, &no_both);
        assert!(c.both.is_empty());
        assert!(c.artemis.members < all.artemis.members);
        let verified = Filters {
            hide_unverified: true,
            ..Filters::default()
        };
        let c = compare(&ds, &verified);
        assert!(c.artemis.members <= all.artemis.members);
        assert!(ties(&c.artemis) <= ties(&all.artemis));
    }
}
