//! The side-by-side comparison of the two coalitions at a date: members,
//! regions, newest members, countries in both, and bilateral ties by kind
//! with each camp's leading states.

use std::collections::BTreeMap;

use crate::date::Date;
use crate::facts;
use crate::model::{Dataset, FrameworkId, PartnershipKind};

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

fn side(ds: &Dataset, framework: FrameworkId, at: Date) -> Side {
    let members = facts::state_members(ds, framework, at);
    let name = |id: &str| ds.actor(id).map_or(id.to_string(), |a| a.name.clone());
    let mut regions: BTreeMap<String, usize> = BTreeMap::new();
    for m in &members {
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
    // Ties where exactly one party belongs to a leading state.
    let mut kinds: BTreeMap<PartnershipKind, usize> = BTreeMap::new();
    for p in ds.partnerships.iter().filter(|p| p.date <= at) {
        let a = ds
            .home_country(&p.a)
            .is_some_and(|c| leaders.iter().any(|l| l == c));
        let b = ds
            .home_country(&p.b)
            .is_some_and(|c| leaders.iter().any(|l| l == c));
        if a != b {
            *kinds.entry(p.kind).or_default() += 1;
        }
    }
    let mut ties_by_kind: Vec<(PartnershipKind, usize)> = kinds.into_iter().collect();
    crate::sort::sort_by(&mut ties_by_kind, |a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
    Side {
        framework,
        members: members.len(),
        other_members: facts::other_members(ds, framework, at).len(),
        by_region,
        newest,
        ties_by_kind,
        leaders: leaders.iter().map(|l| name(l)).collect(),
    }
}

/// The comparison at a date.
pub fn compare(ds: &Dataset, at: Date) -> Comparison {
    Comparison {
        artemis: side(ds, FrameworkId::Artemis, at),
        ilrs: side(ds, FrameworkId::Ilrs, at),
        both: facts::in_both(ds, at)
            .iter()
            .map(|id| ds.actor(id).map_or(id.clone(), |a| a.name.clone()))
            .collect(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::dataset::load_embedded;

    #[test]
    fn sides_add_up() {
        let ds = load_embedded().unwrap();
        let c = compare(&ds, ds.as_of);
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
        let early = compare(&ds, Date::ymd(2020, 10, 31));
        assert_eq!(early.artemis.members, 8);
        assert_eq!(early.ilrs.members, 0);
    }
}
