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
use crate::date::Date;
use crate::facts;
use crate::graph::Filters;
use crate::model::{Dataset, FrameworkId, Membership, PartnershipKind};

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load_embedded;

    #[test]
    fn sides_add_up() {
        let ds = load_embedded().unwrap();
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
        let ds = load_embedded().unwrap();
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
