//! Who leans which way: for a country at a date, what ties it to the
//! U.S.-led side and to the China/Russia-led side, and a lean made from them
//! with the weights of `lean_weights.csv` (the rule's one table).
//!
//! A state membership counts for the side that leads the framework (the
//! Artemis Accords for the U.S. side; the ILRS and APSCO for China's). A
//! bilateral tie counts for the partner's side ([`facts::camp`]): the United
//! States or an Artemis-only country and their bodies, or China, Russia or an
//! ILRS-only country and theirs; a tie with a country in both camps or
//! neither, or with an international organisation, counts for neither. The
//! lean is `(U.S. − China) / (U.S. + China)` of the weighted sums, from −1
//! (all China/Russia side) to +1 (all U.S. side); a country with ties to both
//! sides within a third of balance is *balanced*.

use crate::graph::Filters;
use crate::graph::facts::{self, Alignment, Camp};
use crate::model::date::Date;
use crate::model::{Dataset, FrameworkId, LeanItem};

/// Below this share of difference, ties to both sides count as balanced.
pub const BALANCED: f32 = 1.0 / 3.0;

/// One side's memberships or ties of one kind (and, for ties, of one kind
/// of partner).
#[derive(Debug, Clone, PartialEq)]
pub struct Part {
    /// What is counted.
    pub item: LeanItem,
    /// For a tie: with a leading state (`Some(true)`) or another state of
    /// the camp (`Some(false)`); `None` for a membership.
    pub leader: Option<bool>,
    /// How many.
    pub count: usize,
    /// Their weight each (a tie's kind weight times its partner factor).
    pub weight: f32,
    /// The membership or partnership rows counted, by id.
    pub ids: Vec<String>,
}

impl Part {
    /// What is counted, in words: "launch with a leading state".
    pub fn what(&self) -> String {
        match self.leader {
            Some(true) => format!("{} with a leading state", self.item.label()),
            Some(false) => format!("{} with a camp member", self.item.label()),
            None => self.item.label(),
        }
    }

    /// In words, with the count: "2 × launch with a leading state".
    pub fn label(&self) -> String {
        let what = self.what();
        if self.count == 1 {
            what
        } else {
            format!("{} × {what}", self.count)
        }
    }
}

/// Where a country stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Class {
    /// No tie to either side.
    None,
    /// Towards the U.S.-led side.
    LeansUs,
    /// Towards the China/Russia-led side.
    LeansChina,
    /// Ties to both, within a third of balance.
    Balanced,
}

impl Class {
    /// In words.
    pub fn label(self) -> &'static str {
        match self {
            Class::None => "nothing counted for either side",
            Class::LeansUs => "leans to the U.S.-led side",
            Class::LeansChina => "leans to the China/Russia-led side",
            Class::Balanced => "balanced between the two",
        }
    }
}

/// A lean in one of six bands, for colouring: one side only, mostly one
/// side, balanced, or no ties at all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Band {
    /// Ties to the U.S.-led side only.
    OnlyUs,
    /// More than a third of balance towards the U.S.-led side.
    MostlyUs,
    /// Within a third of balance.
    Balanced,
    /// More than a third of balance towards the China/Russia-led side.
    MostlyChina,
    /// Ties to the China/Russia-led side only.
    OnlyChina,
    /// No tie to either side.
    NoTies,
}

impl Band {
    /// Every band, in legend order (U.S. side to China's, then none).
    pub const ALL: [Band; 6] = [
        Band::OnlyUs,
        Band::MostlyUs,
        Band::Balanced,
        Band::MostlyChina,
        Band::OnlyChina,
        Band::NoTies,
    ];

    /// Legend label.
    pub fn label(self) -> &'static str {
        match self {
            Band::OnlyUs => "U.S.-led side only",
            Band::MostlyUs => "Mostly the U.S.-led side",
            Band::Balanced => "Balanced",
            Band::MostlyChina => "Mostly the China/Russia-led side",
            Band::OnlyChina => "China/Russia-led side only",
            Band::NoTies => "Nothing counted for either side",
        }
    }
}

/// What the graph needs of a country's lean: its index and band.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Standing {
    /// From −1 to +1 ([`Lean::index`]).
    pub index: f32,
    /// Its band.
    pub band: Band,
}

/// The standing of each country of `leans`, by ISO3, and of the leading
/// states, which stand wholly on their own side.
pub fn standings(ds: &Dataset, leans: &[Lean]) -> std::collections::BTreeMap<String, Standing> {
    let leaders = ds.frameworks.iter().flat_map(|f| {
        let (index, band) = match f.id {
            FrameworkId::Artemis => (1.0, Band::OnlyUs),
            FrameworkId::Ilrs => (-1.0, Band::OnlyChina),
            FrameworkId::Apsco => return Vec::new(),
        };
        f.led_by
            .iter()
            .map(|l| (l.clone(), Standing { index, band }))
            .collect()
    });
    crate::sort::map_of(leaders.chain(leans.iter().map(|l| {
        (
            l.iso3.clone(),
            Standing {
                index: l.index(),
                band: l.band(),
            },
        )
    })))
}

/// A country's lean at a date.
#[derive(Debug, Clone, PartialEq)]
pub struct Lean {
    /// ISO3.
    pub iso3: String,
    /// Its camp at the date (framework memberships, as the graph shows them).
    pub alignment: Alignment,
    /// Its ties to the U.S.-led side, by item.
    pub us: Vec<Part>,
    /// Its ties to the China/Russia-led side, by item.
    pub china: Vec<Part>,
    /// The sources of every row counted, without repeats.
    pub sources: Vec<String>,
}

impl Lean {
    /// The weighted sum of one side.
    pub fn score(parts: &[Part]) -> f32 {
        // + 0.0: an empty sum of floats is −0, which prints as "-0".
        parts.iter().map(|p| p.count as f32 * p.weight).sum::<f32>() + 0.0
    }

    /// From −1 (China/Russia side) to +1 (U.S. side); 0 with no ties.
    pub fn index(&self) -> f32 {
        let (u, c) = (Lean::score(&self.us), Lean::score(&self.china));
        if u + c == 0.0 { 0.0 } else { (u - c) / (u + c) }
    }

    /// Where it stands.
    pub fn class(&self) -> Class {
        let (u, c) = (Lean::score(&self.us), Lean::score(&self.china));
        if u + c == 0.0 {
            Class::None
        } else if u > 0.0 && c > 0.0 && self.index().abs() < BALANCED {
            Class::Balanced
        } else if u > c {
            Class::LeansUs
        } else {
            Class::LeansChina
        }
    }

    /// Its band: one side only, mostly one side, balanced, or none.
    pub fn band(&self) -> Band {
        let (u, c) = (Lean::score(&self.us), Lean::score(&self.china));
        match self.class() {
            Class::None => Band::NoTies,
            Class::Balanced => Band::Balanced,
            Class::LeansUs if c == 0.0 => Band::OnlyUs,
            Class::LeansUs => Band::MostlyUs,
            Class::LeansChina if u == 0.0 => Band::OnlyChina,
            Class::LeansChina => Band::MostlyChina,
        }
    }

    /// How it is made up, in words: "U.S.-led side: Artemis Accords
    /// membership and 2 ties (2 × launch with a leading state); China/
    /// Russia-led side: none."
    pub fn describe(&self) -> String {
        let side = |parts: &[Part]| -> String {
            let members: Vec<String> = parts
                .iter()
                .filter(|p| p.leader.is_none())
                .map(Part::label)
                .collect();
            let ties: Vec<&Part> = parts.iter().filter(|p| p.leader.is_some()).collect();
            let n: usize = ties.iter().map(|p| p.count).sum();
            let ties_text = (n > 0).then(|| {
                let words: Vec<String> = ties.iter().map(|p| p.label()).collect();
                format!(
                    "{n} {} ({})",
                    if n == 1 { "tie" } else { "ties" },
                    words.join(", ")
                )
            });
            let all: Vec<String> = members.into_iter().chain(ties_text).collect();
            if all.is_empty() {
                "none".to_string()
            } else {
                all.join(" and ")
            }
        };
        if self.us.is_empty() && self.china.is_empty() {
            return "No membership or tie counted for either side.".to_string();
        }
        format!(
            "U.S.-led side: {}; China/Russia-led side: {}.",
            side(&self.us),
            side(&self.china)
        )
    }
}

/// A country's lean at `at`, counting only what the filters show.
pub fn of(ds: &Dataset, filters: &Filters, iso3: &str, at: Date) -> Lean {
    let mut us: Vec<Part> = Vec::new();
    let mut china: Vec<Part> = Vec::new();
    let mut sources: Vec<String> = Vec::new();
    let mut add = |side: Camp, item: LeanItem, leader: Option<bool>, id: &str, cited: &[String]| {
        let list = match side {
            Camp::Artemis => &mut us,
            Camp::Ilrs => &mut china,
            Camp::Other => return,
        };
        let factor = leader.map_or(1.0, |l| ds.lean_weight(LeanItem::Partner(l)));
        match list
            .iter_mut()
            .find(|p| p.item == item && p.leader == leader)
        {
            Some(p) => {
                p.count += 1;
                p.ids.push(id.to_string());
            }
            None => list.push(Part {
                item,
                leader,
                count: 1,
                weight: ds.lean_weight(item) * factor,
                ids: vec![id.to_string()],
            }),
        }
        for s in cited {
            if !sources.contains(s) {
                sources.push(s.clone());
            }
        }
    };
    let side_of = |fw: FrameworkId| match fw {
        FrameworkId::Artemis => Camp::Artemis,
        FrameworkId::Ilrs | FrameworkId::Apsco => Camp::Ilrs,
    };
    for fw in FrameworkId::ALL {
        if filters.hidden_frameworks.contains(fw) {
            continue;
        }
        let shown = |m: &&crate::model::Membership| {
            m.framework == *fw
                && m.status == crate::model::Status::Member
                && m.date <= at
                && filters.shows(m.confidence)
        };
        // The state's own membership (a row in the country's name, as the
        // graph and the charts count member states, whoever signed it);
        // failing that, one of its agencies, institutions or companies in
        // their own name (counted once).
        let state = ds
            .memberships
            .iter()
            .filter(shown)
            .find(|m| m.actor == iso3);
        let body = || {
            ds.memberships
                .iter()
                .filter(shown)
                .find(|m| m.actor != iso3 && ds.home_country(&m.actor) == Some(iso3))
        };
        if let Some(m) = state {
            add(side_of(*fw), LeanItem::Member(*fw), None, &m.id, &m.sources);
        } else if let Some(m) = body() {
            add(side_of(*fw), LeanItem::Body(*fw), None, &m.id, &m.sources);
        }
    }
    for (p, partner) in facts::ties(ds, iso3, at) {
        if filters.shows(p.confidence) && !filters.hidden_partnerships.contains(&p.kind) {
            let camp = facts::camp_where(ds, partner, at, |m| filters.shows(m.confidence));
            let leader = ds.home_country(partner).is_some_and(|h| is_leader(ds, h));
            add(camp, LeanItem::Tie(p.kind), Some(leader), &p.id, &p.sources);
        }
    }
    let order = |parts: &mut Vec<Part>| {
        crate::sort::sort_by_key(parts, |p| {
            (p.leader.is_some(), p.item, std::cmp::Reverse(p.leader))
        })
    };
    order(&mut us);
    order(&mut china);
    Lean {
        iso3: iso3.to_string(),
        alignment: facts::alignment_where(ds, iso3, at, |m| filters.shows(m.confidence)),
        us,
        china,
        sources,
    }
}

/// The states that lead a side (the United States; China and Russia): they
/// are the sides, so they have no lean of their own.
pub fn is_leader(ds: &Dataset, iso3: &str) -> bool {
    ds.frameworks
        .iter()
        .filter(|f| matches!(f.id, FrameworkId::Artemis | FrameworkId::Ilrs))
        .any(|f| f.led_by.iter().any(|l| l == iso3))
}

/// Every third country in the view's scope (regions, alignments) at the
/// view's date, with its lean, in the dataset's country order.
pub fn all(ds: &Dataset, filters: &Filters) -> Vec<Lean> {
    let at = super::as_of(ds, filters);
    ds.countries
        .iter()
        .filter(|c| !is_leader(ds, &c.iso3) && super::in_scope(ds, filters, &c.iso3, at))
        .map(|c| of(ds, filters, &c.iso3, at))
        .collect()
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use crate::model::PartnershipKind;

    #[test]
    fn a_country_with_no_ties_is_neutral() {
        let ds = crate::test_support::dataset();
        // Some country the data names with no tie or membership by 2020.
        let at = Date::ymd(2020, 10, 1);
        let quiet = ds
            .countries
            .iter()
            .find(|c| {
                facts::ties(ds, &c.iso3, at).is_empty()
                    && !ds
                        .memberships
                        .iter()
                        .any(|m| m.actor == c.iso3 && m.date <= at)
            })
            .expect("a country with nothing by October 2020");
        let l = of(ds, &Filters::default(), &quiet.iso3, at);
        assert_eq!((l.index(), l.class()), (0.0, Class::None));
        assert_eq!(
            l.describe(),
            "No membership or tie counted for either side."
        );
    }

    #[test]
    fn the_weights_come_from_the_table_and_filters_narrow_the_count() {
        let ds = crate::test_support::dataset();
        let f = Filters::default();
        let at = ds.as_of;
        for c in &ds.countries {
            let l = of(ds, &f, &c.iso3, at);
            for p in l.us.iter().chain(&l.china) {
                let factor = p
                    .leader
                    .map_or(1.0, |x| ds.lean_weight(LeanItem::Partner(x)));
                assert_eq!(p.weight, ds.lean_weight(p.item) * factor);
                assert_eq!(p.ids.len(), p.count);
            }
            // Every membership or tie counted is one of the country's rows.
            for id in l.us.iter().chain(&l.china).flat_map(|p| &p.ids) {
                let own = |a: &str| a == c.iso3 || ds.home_country(a) == Some(c.iso3.as_str());
                let membership = ds.memberships.iter().any(|m| m.id == *id && own(&m.actor));
                let tie = ds
                    .partnerships
                    .iter()
                    .any(|p| p.id == *id && (own(&p.a) || own(&p.b)));
                assert!(membership || tie, "{} counts {id}", c.iso3);
            }
            assert!((-1.0..=1.0).contains(&l.index()));
            // Hiding every kind of tie leaves memberships only.
            let no_ties = Filters {
                hidden_partnerships: PartnershipKind::ALL.iter().copied().collect(),
                ..Filters::default()
            };
            let m = of(ds, &no_ties, &c.iso3, at);
            assert!(
                m.us.iter()
                    .chain(&m.china)
                    .all(|p| matches!(p.item, LeanItem::Member(_) | LeanItem::Body(_)))
            );
            let counted = |l: &Lean| l.us.iter().chain(&l.china).map(|p| p.count).sum::<usize>();
            assert!(counted(&m) <= counted(&l));
        }
        // A member of both camps with ties to both sides is not "no ties".
        let tha = of(ds, &f, "THA", at);
        assert!(!tha.us.is_empty() && !tha.china.is_empty(), "{tha:?}");
        assert_ne!(tha.class(), Class::None);
    }

    #[test]
    fn the_lean_reads_its_parts() {
        let part = |item, leader, count, weight| Part {
            item,
            leader,
            count,
            weight,
            ids: vec![],
        };
        let l = Lean {
            iso3: "XXX".into(),
            alignment: Alignment::Neither,
            us: vec![part(LeanItem::Member(FrameworkId::Artemis), None, 1, 3.0)],
            china: vec![part(
                LeanItem::Tie(PartnershipKind::Launch),
                Some(true),
                2,
                2.0,
            )],
            sources: vec![],
        };
        // 3 against 4: within a third of balance.
        assert!((l.index() - (3.0 - 4.0) / 7.0).abs() < 1e-6);
        assert_eq!(l.class(), Class::Balanced);
        assert_eq!(
            l.describe(),
            "U.S.-led side: Artemis Accords membership; China/Russia-led side: 2 ties \
             (2 × launch with a leading state)."
        );
        let lop = Lean {
            china: vec![],
            ..l.clone()
        };
        assert_eq!((lop.index(), lop.class()), (1.0, Class::LeansUs));
        assert_eq!(Lean::score(&[]).to_string(), "0", "never -0");
    }

    #[test]
    fn a_tie_with_a_leader_counts_its_partner_factor_and_a_body_its_own_weight() {
        let ds = crate::test_support::dataset();
        let f = Filters::default();
        for c in &ds.countries {
            let l = of(ds, &f, &c.iso3, ds.as_of);
            for p in l.us.iter().chain(&l.china) {
                match p.item {
                    LeanItem::Tie(_) => assert!(p.leader.is_some()),
                    _ => assert!(p.leader.is_none()),
                }
            }
            // One membership item per framework: the state's or a body's.
            for fw in FrameworkId::ALL {
                let n = l
                    .us
                    .iter()
                    .chain(&l.china)
                    .filter(
                        |p| matches!(p.item, LeanItem::Member(x) | LeanItem::Body(x) if x == *fw),
                    )
                    .count();
                assert!(n <= 1, "{} {fw:?}", c.iso3);
            }
        }
    }
}
