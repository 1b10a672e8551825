//! Facts derived from the dataset at a date: alignment, member counts and
//! bilateral ties by camp. Pure functions over an immutable [`Dataset`].

use crate::model::date::Date;
use crate::model::*;

/// Which lunar coalition(s) a country belongs to at a date.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Alignment {
    /// Signed the Artemis Accords only.
    Artemis,
    /// Joined ILRS (at state level) only.
    Ilrs,
    /// In both camps.
    Both,
    /// In neither (at state level).
    Neither,
}

impl Alignment {
    /// Every value, in legend order.
    pub const ALL: [Alignment; 4] = [
        Alignment::Artemis,
        Alignment::Both,
        Alignment::Ilrs,
        Alignment::Neither,
    ];

    /// Id used in URLs.
    pub fn id(self) -> &'static str {
        match self {
            Alignment::Artemis => "artemis",
            Alignment::Ilrs => "ilrs",
            Alignment::Both => "both",
            Alignment::Neither => "neither",
        }
    }

    /// Parses a URL id.
    pub fn parse(s: &str) -> Option<Alignment> {
        Alignment::ALL.into_iter().find(|a| a.id() == s)
    }

    /// Legend label.
    pub fn label(self) -> &'static str {
        match self {
            Alignment::Artemis => "Artemis Accords only",
            Alignment::Ilrs => "ILRS only",
            Alignment::Both => "Both camps",
            Alignment::Neither => "Neither camp",
        }
    }
}

/// The act by which `actor` joined `framework` (its earliest `member` row)
/// on or before `at`.
pub fn joined<'a>(
    ds: &'a Dataset,
    actor: &str,
    framework: FrameworkId,
    at: Date,
) -> Option<&'a Membership> {
    ds.memberships
        .iter()
        .filter(|m| {
            m.actor == actor
                && m.framework == framework
                && m.status == Status::Member
                && m.date <= at
        })
        .min_by_key(|m| m.date)
}

/// Every membership act of an actor in a framework on or before `at`, oldest first.
pub fn history<'a>(
    ds: &'a Dataset,
    actor: &str,
    framework: FrameworkId,
    at: Date,
) -> Vec<&'a Membership> {
    let mut rows: Vec<&Membership> = ds
        .memberships
        .iter()
        .filter(|m| m.actor == actor && m.framework == framework && m.date <= at)
        .collect();
    crate::sort::sort_by_key(&mut rows, |m| m.date);
    rows
}

/// A country's state-level alignment at a date. Links by a country's
/// institutions or companies do not make the state a member.
pub fn alignment(ds: &Dataset, iso3: &str, at: Date) -> Alignment {
    alignment_where(ds, iso3, at, |_| true)
}

/// [`alignment`] counting only the membership rows `keep` admits (e.g. not
/// the unverified ones, when a view hides them), so that a node's colour,
/// its lines and the counts follow one rule.
pub fn alignment_where(
    ds: &Dataset,
    iso3: &str,
    at: Date,
    keep: impl Fn(&Membership) -> bool,
) -> Alignment {
    let member = |f: FrameworkId| {
        ds.memberships.iter().any(|m| {
            m.actor == iso3
                && m.framework == f
                && m.status == Status::Member
                && m.date <= at
                && keep(m)
        })
    };
    let (artemis, ilrs) = (member(FrameworkId::Artemis), member(FrameworkId::Ilrs));
    match (artemis, ilrs) {
        (true, true) => Alignment::Both,
        (true, false) => Alignment::Artemis,
        (false, true) => Alignment::Ilrs,
        (false, false) => Alignment::Neither,
    }
}

/// Countries that are members of a framework at a date, in joining order.
pub fn state_members(ds: &Dataset, framework: FrameworkId, at: Date) -> Vec<&Membership> {
    first_state_joins(ds, framework, at, |_| true)
}

/// Each country's earliest `member` row in a framework on or before `at`
/// among the rows `keep` accepts, in joining order (then by ISO code).
pub fn first_state_joins(
    ds: &Dataset,
    framework: FrameworkId,
    at: Date,
    keep: impl Fn(&Membership) -> bool,
) -> Vec<&Membership> {
    let mut first: std::collections::BTreeMap<&str, &Membership> =
        std::collections::BTreeMap::new();
    for m in ds.memberships.iter().filter(|m| {
        m.framework == framework
            && m.status == Status::Member
            && m.date <= at
            && crate::dataset::looks_like_iso3(&m.actor)
            && keep(m)
    }) {
        first
            .entry(m.actor.as_str())
            .and_modify(|f| {
                if m.date < f.date {
                    *f = m
                }
            })
            .or_insert(m);
    }
    let mut rows: Vec<&Membership> = first.into_values().collect();
    crate::sort::sort_by(&mut rows, |a, b| {
        a.date.cmp(&b.date).then(a.actor.cmp(&b.actor))
    });
    rows
}

/// Non-state members (agencies, institutions, companies, organizations) of a
/// framework at a date.
pub fn other_members(ds: &Dataset, framework: FrameworkId, at: Date) -> Vec<&Membership> {
    let mut seen = std::collections::BTreeSet::new();
    let mut rows: Vec<&Membership> = ds
        .memberships
        .iter()
        .filter(|m| {
            m.framework == framework
                && m.status == Status::Member
                && m.date <= at
                && !crate::dataset::looks_like_iso3(&m.actor)
        })
        .collect();
    crate::sort::sort_by_key(&mut rows, |m| m.date);
    rows.retain(|m| seen.insert(m.actor.clone()));
    rows
}

/// Countries in both camps at a date.
pub fn in_both(ds: &Dataset, at: Date) -> Vec<String> {
    state_members(ds, FrameworkId::Artemis, at)
        .into_iter()
        .filter(|m| joined(ds, &m.actor, FrameworkId::Ilrs, at).is_some())
        .map(|m| m.actor.clone())
        .collect()
}

/// Which side a partner stands on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Camp {
    /// The United States or an Artemis-only country (or its bodies).
    Artemis,
    /// China, Russia or an ILRS-only country (or their bodies).
    Ilrs,
    /// A country in both camps, in neither, or an international organization.
    Other,
}

/// The camp of an actor at a date: a framework's leading states, otherwise
/// its home country's alignment.
pub fn camp(ds: &Dataset, actor: &str, at: Date) -> Camp {
    camp_where(ds, actor, at, |_| true)
}

/// [`camp`], judging the home country's alignment only by the membership
/// rows `keep` accepts (e.g. the rows a view shows).
pub fn camp_where(ds: &Dataset, actor: &str, at: Date, keep: impl Fn(&Membership) -> bool) -> Camp {
    let Some(home) = ds.home_country(actor) else {
        return Camp::Other;
    };
    for f in &ds.frameworks {
        if f.led_by.iter().any(|l| l == home) {
            match f.id {
                FrameworkId::Artemis => return Camp::Artemis,
                FrameworkId::Ilrs => return Camp::Ilrs,
                FrameworkId::Apsco => {}
            }
        }
    }
    match alignment_where(ds, home, at, keep) {
        Alignment::Artemis => Camp::Artemis,
        Alignment::Ilrs => Camp::Ilrs,
        _ => Camp::Other,
    }
}

/// A country's bilateral ties counted by the partner's camp.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct TieCounts {
    /// Ties with Artemis-side partners.
    pub artemis: usize,
    /// Ties with ILRS-side partners.
    pub ilrs: usize,
    /// Ties with other partners.
    pub other: usize,
}

/// The partnerships a country (or any of its bodies) is party to by `at`,
/// each with the partner's actor id.
pub fn ties<'a>(ds: &'a Dataset, iso3: &str, at: Date) -> Vec<(&'a Partnership, &'a str)> {
    ds.partnerships
        .iter()
        .filter(|p| p.date <= at)
        .filter_map(|p| {
            let home_a = ds.home_country(&p.a);
            let home_b = ds.home_country(&p.b);
            if home_a == Some(iso3) && home_b != Some(iso3) {
                Some((p, p.b.as_str()))
            } else if home_b == Some(iso3) && home_a != Some(iso3) {
                Some((p, p.a.as_str()))
            } else {
                None
            }
        })
        .collect()
}

/// A country's bilateral ties at a date, by the partner's camp.
pub fn ties_by_camp(ds: &Dataset, iso3: &str, at: Date) -> TieCounts {
    let mut t = TieCounts::default();
    for (_, partner) in ties(ds, iso3, at) {
        match camp(ds, partner, at) {
            Camp::Artemis => t.artemis += 1,
            Camp::Ilrs => t.ilrs += 1,
            Camp::Other => t.other += 1,
        }
    }
    t
}

/// The accessible one-line status of an actor: "Thailand — Artemis Accords
/// 2024-12-16; ILRS 2024-04-05".
/// Rows resting only on unverified sources are left out when
/// `hide_unverified` is set, as the graph leaves out their lines.
pub fn status_line(ds: &Dataset, actor: &Actor, at: Date, hide_unverified: bool) -> String {
    let parts: Vec<String> = FrameworkId::ALL
        .iter()
        .filter_map(|f| {
            let m = ds
                .memberships
                .iter()
                .filter(|m| {
                    m.actor == actor.id
                        && m.framework == *f
                        && m.status == Status::Member
                        && m.date <= at
                        && !(hide_unverified
                            && m.confidence == crate::model::Confidence::Unverified)
                })
                .min_by_key(|m| m.date)?;
            let short = ds.framework(*f).map_or(f.label(), |x| x.short.as_str());
            Some(format!("{short} {}", m.date))
        })
        .collect();
    if parts.is_empty() {
        format!("{} — no membership", actor.name)
    } else {
        format!("{} — {}", actor.name, parts.join("; "))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ds() -> Dataset {
        crate::test_support::dataset().clone()
    }

    #[test]
    fn thailand_and_senegal_end_in_both_camps() {
        let ds = ds();
        let end = ds.as_of;
        assert_eq!(alignment(&ds, "THA", end), Alignment::Both);
        assert_eq!(alignment(&ds, "SEN", end), Alignment::Both);
        // Thailand joined ILRS (Apr 2024) before Artemis (Dec 2024).
        assert_eq!(
            alignment(&ds, "THA", Date::ymd(2024, 6, 1)),
            Alignment::Ilrs
        );
        assert_eq!(
            alignment(&ds, "THA", Date::ymd(2024, 1, 1)),
            Alignment::Neither
        );
        let both = in_both(&ds, end);
        assert!(
            both.contains(&"THA".to_string()) && both.contains(&"SEN".to_string()),
            "{both:?}"
        );
    }

    #[test]
    fn founders_and_leaders() {
        let ds = ds();
        let founding = Date::ymd(2020, 10, 13);
        assert_eq!(state_members(&ds, FrameworkId::Artemis, founding).len(), 8);
        assert!(state_members(&ds, FrameworkId::Artemis, Date::ymd(2020, 10, 12)).is_empty());
        assert_eq!(alignment(&ds, "USA", ds.as_of), Alignment::Artemis);
        assert_eq!(alignment(&ds, "CHN", ds.as_of), Alignment::Ilrs);
        assert_eq!(alignment(&ds, "RUS", ds.as_of), Alignment::Ilrs);
        assert_eq!(camp(&ds, "USA", ds.as_of), Camp::Artemis);
        assert_eq!(camp(&ds, "CHN", ds.as_of), Camp::Ilrs);
    }

    #[test]
    fn counts_grow_monotonically_and_match_the_reference() {
        let ds = ds();
        let mut last = 0;
        for month in Date::ymd(2020, 10, 1).month_index()..=ds.as_of.month_index() {
            let n = state_members(&ds, FrameworkId::Artemis, Date::month_end(month)).len();
            assert!(n >= last);
            last = n;
        }
        assert!(last > 8, "more than the founders by the end: {last}");
        assert!(state_members(&ds, FrameworkId::Ilrs, ds.as_of).len() > 2);
    }

    #[test]
    fn status_line_names_both_dates() {
        let ds = ds();
        let tha = ds.actor("THA").unwrap();
        let line = status_line(&ds, tha, ds.as_of, false);
        assert!(line.starts_with("Thailand — "), "{line}");
        // Both of its joining dates, whatever the data says they are.
        for f in [FrameworkId::Artemis, FrameworkId::Ilrs] {
            let d = joined(&ds, "THA", f, ds.as_of).unwrap().date;
            assert!(line.contains(&d.to_string()), "{line} lacks {d}");
        }
    }

    #[test]
    fn ties_are_counted_by_partner_camp() {
        let ds = ds();
        let t = ties_by_camp(&ds, "BRA", ds.as_of);
        assert!(t.ilrs >= 1, "Brazil's CBERS ties with China: {t:?}");
    }
}
