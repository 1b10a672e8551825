//! What the details panel says about an actor: its place, its alignment,
//! its memberships (and, for a country, its bodies'), its ties, and how many
//! facts the view hides, with the same confidence rule as the graph.

use crate::graph::facts::{self, Alignment, TieCounts};
use crate::model::date::Date;
use crate::model::{Actor, ActorKind, Confidence, Dataset, Membership, Partnership};

/// The facts of one actor's details, as a view shows them.
#[derive(Debug, Clone, PartialEq)]
pub struct ActorFacts<'a> {
    /// "Country · Western Africa · Africa".
    pub place: String,
    /// The country's alignment at the date (for actors with a country).
    pub alignment: Option<Alignment>,
    /// Bilateral ties by partner camp (countries only).
    pub counts: Option<TieCounts>,
    /// Membership rows of the actor (and of a country's bodies), by
    /// framework and date.
    pub memberships: Vec<&'a Membership>,
    /// Ties with the partner's id.
    pub ties: Vec<(&'a Partnership, &'a str)>,
    /// Rows left out because the view hides unverified facts.
    pub hidden: usize,
}

/// The details of `actor` at `at`; `hide_unverified` leaves out facts resting
/// only on weak sources, as the graph does.
pub fn actor_facts<'a>(
    ds: &'a Dataset,
    actor: &'a Actor,
    at: Date,
    hide_unverified: bool,
) -> ActorFacts<'a> {
    let shows = |c: Confidence| !(hide_unverified && c == Confidence::Unverified);
    let kind = actor.kind.label();
    let place = actor
        .country
        .as_deref()
        .and_then(|c| ds.country(c))
        .map_or_else(
            || kind.to_string(),
            |c| format!("{kind} · {} · {}", c.subregion, c.region),
        );
    let alignment = actor
        .country
        .as_deref()
        .map(|c| facts::alignment_where(ds, c, at, |m| shows(m.confidence)));
    // Memberships of the actor and, for a country, of its bodies.
    let of_actor = |id: &str| {
        id == actor.id
            || (actor.kind == ActorKind::Country
                && ds.actor(id).and_then(|a| a.country.as_deref()) == Some(actor.id.as_str()))
    };
    let mut memberships: Vec<&Membership> = ds
        .memberships
        .iter()
        .filter(|m| m.date <= at && of_actor(&m.actor))
        .collect();
    crate::sort::sort_by(&mut memberships, |a, b| {
        a.framework.cmp(&b.framework).then(a.date.cmp(&b.date))
    });
    let ties: Vec<(&Partnership, &str)> = if actor.kind == ActorKind::Country {
        facts::ties(ds, &actor.id, at)
    } else {
        ds.partnerships
            .iter()
            .filter(|p| p.date <= at && (p.a == actor.id || p.b == actor.id))
            .map(|p| {
                (
                    p,
                    if p.a == actor.id {
                        p.b.as_str()
                    } else {
                        p.a.as_str()
                    },
                )
            })
            .collect()
    };
    let hidden = memberships.iter().filter(|m| !shows(m.confidence)).count()
        + ties.iter().filter(|(p, _)| !shows(p.confidence)).count();
    memberships.retain(|m| shows(m.confidence));
    let ties = ties
        .into_iter()
        .filter(|(p, _)| shows(p.confidence))
        .collect();
    let counts = (actor.kind == ActorKind::Country)
        .then(|| {
            actor
                .country
                .as_deref()
                .map(|c| facts::ties_by_camp(ds, c, at))
        })
        .flatten();
    ActorFacts {
        place,
        alignment,
        counts,
        memberships,
        ties,
        hidden,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hiding_unverified_facts_leaves_them_out_and_counts_them() {
        let ds = crate::test_support::dataset();
        for a in ds.actors.iter().filter(|a| a.kind == ActorKind::Country) {
            let all = actor_facts(ds, a, ds.as_of, false);
            let some = actor_facts(ds, a, ds.as_of, true);
            assert_eq!(all.hidden, 0);
            assert_eq!(
                all.memberships.len() + all.ties.len(),
                some.memberships.len() + some.ties.len() + some.hidden,
                "{}",
                a.name
            );
            assert!(
                some.memberships
                    .iter()
                    .all(|m| m.confidence != Confidence::Unverified)
            );
            assert!(
                all.memberships
                    .windows(2)
                    .all(|w| (w[0].framework, w[0].date) <= (w[1].framework, w[1].date))
            );
        }
    }

    #[test]
    fn a_countrys_details_include_its_bodies_memberships() {
        let ds = crate::test_support::dataset();
        // Any country with a body that is itself a member somewhere.
        let body = ds
            .memberships
            .iter()
            .filter_map(|m| ds.actor(&m.actor))
            .find(|a| a.kind != ActorKind::Country && a.country.is_some())
            .expect("the data has a body with a membership");
        let country = ds.actor(body.country.as_deref().unwrap()).unwrap();
        let f = actor_facts(ds, country, ds.as_of, false);
        assert!(
            f.memberships.iter().any(|m| m.actor == body.id),
            "{}",
            country.name
        );
        assert!(f.place.starts_with("Country · "));
    }
}
