//! The details panel: every membership and partnership of the selection,
//! with dates, instruments, confidence, disagreements and source links.

use leptos::prelude::*;

use crate::app::{AppState, Cited};
use crate::graph::facts;
use crate::model::*;

/// Source links for a list of source ids: once the sources' records are
/// here (fetched the first time a panel cites one, see [`Cited`]); until
/// then, `pending` says what is loading (a fact's notes come with them).
fn source_links(ids: &[String], pending: &'static str) -> impl IntoView + use<> {
    let state = expect_context::<AppState>();
    let (ds, ids) = (state.ds(), ids.to_vec());
    move || match state.sources() {
        Cited::Here => links(&ds, &ids).into_any(),
        Cited::Failed(_) => view! {
            <p class="sources-pending">{format!("{} not loaded", count(ids.len(), "source"))}</p>
        }
        .into_any(),
        Cited::Absent | Cited::Coming => {
            view! { <p class="sources-pending">{pending}</p> }.into_any()
        }
    }
}

/// A fact's longer text in a `<div>` of this class, after `lead`, shown
/// once it is here: it comes with the sources' records (see [`Cited`]; the
/// fact's source list says they are loading).
fn later_text(
    text: &Text,
    class: Option<&'static str>,
    lead: &'static str,
) -> impl IntoView + use<> {
    let (state, text) = (expect_context::<AppState>(), text.clone());
    move || {
        let _ = state.sources_state();
        text.shown()
            .map(|t| view! { <div class=class>{format!("{lead}{t}")}</div> })
    }
}

/// What a fact's source list says while its sources and notes load.
const FACT_PENDING: &str = "Loading the notes and sources…";
/// What any other source list says meanwhile.
const SOURCES_PENDING: &str = "Loading the sources…";

/// "1 source", "2 sources".
fn count(n: usize, what: &str) -> String {
    format!("{n} {what}{}", if n == 1 { "" } else { "s" })
}

/// The links themselves.
fn links(ds: &Dataset, ids: &[String]) -> impl IntoView + use<> {
    let items: Vec<_> = ids
        .iter()
        .filter_map(|id| ds.source(id).cloned())
        .map(|s| {
            let date = s.date.map(|d| format!(", {d}")).unwrap_or_default();
            let tag = match s.kind {
                SourceType::Primary => "primary",
                SourceType::Secondary => "secondary",
            };
            let label = format!("{}{}", if s.publisher.is_empty() { "Source".to_string() } else { s.publisher.clone() }, date);
            let title = s.title.clone();
            let note = (!s.note.is_empty()).then(|| view! { <span class="source-note">{format!(" — {}", s.note)}</span> });
            if s.url.is_empty() {
                view! { <li><span class="source">{label}": "{title}</span>" "<span class="tag">{tag}</span>{note}</li> }.into_any()
            } else {
                view! {
                    <li>
                        <a class="source" href=s.url.clone() target="_blank" rel="noopener noreferrer">{label}": "{title}</a>
                        " "<span class="tag">{tag}</span>{note}
                    </li>
                }
                .into_any()
            }
        })
        .collect();
    view! { <ul class="sources">{items}</ul> }
}

/// Says, once for a panel, that its sources could not be fetched, with a
/// way to try again.
#[component]
pub fn SourcesAlert() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || match state.sources_state() {
        Cited::Failed(why) => Some(view! {
            <p class="field-error not-loaded" role="alert">
                {why}" "
                <button type="button" class="link" on:click=move |_| state.fetch_sources()>"Try again"</button>
            </p>
        }),
        _ => None,
    }
}

fn confidence_badge(c: Confidence) -> impl IntoView {
    view! { <span class=format!("badge conf-{}", c.id())>{c.label()}</span> }
}

/// The panel for the selected node.
#[component]
pub fn DetailsPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // Memos: the panel re-renders when the selection or the date changes,
    // not on every pan or zoom (which also change the view state).
    let selected = Memo::new(move |_| state.selected());
    let as_of = Memo::new(move |_| state.as_of());
    let hide_unverified = Memo::new(move |_| state.filters(|f| f.hide_unverified));
    let body = move || {
        let Some(id) = selected.get() else {
            return view! {
                <h2>"Details"</h2>
                <p class="hint">"Select a country, agency or hub in the graph, or search for one, to see its memberships and partnerships with their sources."</p>
            }
            .into_any();
        };
        let ds = state.ds();
        let at = as_of.get();
        if let Some(fw) = id.strip_prefix("hub:").and_then(FrameworkId::parse) {
            return hub_details(&ds, fw, at).into_any();
        }
        let Some(actor) = ds.actor(&id).cloned() else {
            return view! { <h2>"Details"</h2><p role="alert">{format!("Unknown id '{id}'.")}</p> }
                .into_any();
        };
        // A country's lean (the leading states are the sides themselves).
        let lean = (actor.kind == crate::model::ActorKind::Country).then(|| {
            if crate::charts::lean::is_leader(&ds, &actor.id) {
                Err(())
            } else {
                state
                    .leans
                    .with(|ls| ls.iter().find(|l| l.iso3 == actor.id).cloned())
                    .ok_or(())
            }
        });
        let lean_view = lean.map(|l| match l {
            Ok(l) => {
                let open = move |_| state.change(crate::app::History::Push, |v| v.tab = crate::view::url::Tab::Lean);
                view! {
                    <h3>"Lean"</h3>
                    <p class="lean-line"><strong>{format!("{} ({:+.2}).", capital(l.class().label()), l.index())}</strong>" "{l.describe()}</p>
                    <p class="meta">"Weighted as the Lean tab explains; the memberships and ties counted are listed below with their sources. "
                        <button type="button" class="link" on:click=open>"See who leans which way"</button></p>
                }
                .into_any()
            }
            Err(()) => view! {
                <h3>"Lean"</h3>
                <p class="meta">"A leading state of one side, or outside this view's filters: no lean of its own."</p>
            }
            .into_any(),
        });
        actor_details(&ds, &actor, at, hide_unverified.get(), lean_view).into_any()
    };
    // On a phone the details cover the lower half (a bottom sheet, below):
    // bring the graph to the top of the screen so the selection stays in
    // view above the sheet.
    Effect::new(move |_| {
        if selected.with(Option::is_some)
            && state.view.with_untracked(|v| v.story.is_none())
            && crate::app::browser::media("(max-width: 600px)")
            && let Some(w) = web_sys::window()
            && let Some(g) = w.document().and_then(|d| d.get_element_by_id("graph"))
        {
            let top = g.get_bounding_client_rect().top();
            if top.abs() > 1.0 {
                w.scroll_by_with_x_and_y(0.0, top);
            }
        }
    });
    view! {
        // On a phone the panel with a selection becomes a bottom sheet (CSS),
        // with its own close button at the top.
        // Not a live region itself (a hub's panel is thousands of words):
        // a short status says what was selected.
        <aside class=move || if selected.with(Option::is_some) { "details selected" } else { "details" } aria-label="Details">
            <p class="visually-hidden" role="status">{move || selected.get().map(|id| {
                let name = state.ds().actor(&id).map(|a| a.name.clone());
                let name = name.unwrap_or_else(|| match id.strip_prefix("hub:").and_then(FrameworkId::parse) {
                    Some(fw) => state.ds().framework(fw).map_or(id.clone(), |f| f.name.clone()),
                    None => id.clone(),
                });
                format!("Details: {name}")
            })}</p>
            {move || selected.with(Option::is_some).then(|| view! {
                <button type="button" class="sheet-close" aria-label="Close details" on:click=move |_| state.select(None)>"×"</button>
            })}
            {move || selected.with(Option::is_some).then(|| view! { <SourcesAlert/> })}
            {body}
            {move || selected.with(Option::is_some).then(|| view! {
                <button type="button" class="clear" on:click=move |_| state.select(None)>"Clear selection"</button>
            })}
        </aside>
    }
}

fn hub_details(
    ds: &Dataset,
    fw: FrameworkId,
    at: crate::model::date::Date,
) -> impl IntoView + use<> {
    let f = ds.framework(fw).cloned();
    let members = facts::state_members(ds, fw, at);
    let others = facts::other_members(ds, fw, at);
    let names = |ms: &[&Membership]| -> Vec<String> {
        ms.iter()
            .map(|m| {
                format!(
                    "{} ({})",
                    ds.actor(&m.actor)
                        .map_or(m.actor.as_str(), |a| a.name.as_str()),
                    m.date
                )
            })
            .collect()
    };
    let (state_names, other_names) = (names(&members), names(&others));
    view! {
        <h2>{f.as_ref().map_or(fw.label().to_string(), |f| f.name.clone())}</h2>
        <p>{f.as_ref().map(|f| f.description.clone())}</p>
        <p>{format!("Founded {}. Led by {}.", f.as_ref().map_or(String::new(), |f| f.founded.human()),
            f.as_ref().map_or(String::new(), |f| f.led_by.iter().map(|l| ds.actor(l).map_or(l.clone(), |a| a.name.clone())).collect::<Vec<_>>().join(" and ")))}</p>
        {f.as_ref().map(|f| source_links(&f.sources, SOURCES_PENDING))}
        <h3>{format!("{} member states as of {}", state_names.len(), at.human())}</h3>
        <ol class="members">{state_names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ol>
        {(!other_names.is_empty()).then(|| view! {
            <h3>{format!("{} other members (agencies, institutions, companies, organizations)", other_names.len())}</h3>
            <ol class="members">{other_names.into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}</ol>
        })}
    }
}

/// `hide_unverified`: the view hides facts resting on weak sources, so the
/// panel leaves them out too (and says how many), as the graph does.
fn actor_details(
    ds: &Dataset,
    actor: &Actor,
    at: crate::model::date::Date,
    hide_unverified: bool,
    lean: Option<AnyView>,
) -> impl IntoView + use<> {
    let crate::view::details::ActorFacts {
        place,
        alignment,
        counts,
        memberships,
        ties,
        hidden,
    } = crate::view::details::actor_facts(ds, actor, at, hide_unverified);
    let (no_memberships, no_ties) = (memberships.is_empty(), ties.is_empty());
    let memberships: Vec<Membership> = memberships.into_iter().cloned().collect();
    let ties: Vec<(Partnership, String)> = ties
        .into_iter()
        .map(|(p, partner)| (p.clone(), partner.to_string()))
        .collect();
    let m_rows = memberships
        .into_iter()
        .map(|m| {
            let fw = ds.framework(m.framework).map_or(m.framework.label().to_string(), |f| f.name.clone());
            let who = if m.actor != actor.id { ds.actor(&m.actor).map(|a| format!(" — by {}", a.name)) } else { None };
            let disagreement = m.alt_date.map(|d| {
                view! {
                    <div class="disagree" role="note">
                        <strong>"Sources disagree on the date: "</strong>
                        {format!("{} per the sources below; {} per:", m.date, d)}
                        {source_links(&m.alt_sources, SOURCES_PENDING)}
                    </div>
                }
            });
            view! {
                <li class="fact">
                    <div class="fact-head">
                        <strong>{fw}</strong>{who}" "{confidence_badge(m.confidence)}
                    </div>
                    <div>{format!("{} · {} · {} · {}", m.date, m.instrument.label(), m.level.label(), m.status.label())}</div>
                    {
                        // An announced signing that has not taken place names who is to sign.
                        let role = match m.status {
                            crate::model::Status::Intent => "To be signed by ",
                            crate::model::Status::Uncertain => "Reported signatory: ",
                            _ => "Signed by ",
                        };
                        later_text(&m.official, None, role)
                    }
                    {later_text(&m.note, Some("note"), "")}
                    {disagreement}
                    {source_links(&m.sources, FACT_PENDING)}
                </li>
            }
        })
        .collect_view();
    let t_rows = ties
        .into_iter()
        .map(|(p, partner)| {
            let partner_name = ds.actor(&partner).map_or(partner.clone(), |a| a.name.clone());
            view! {
                <li class="fact">
                    <div class="fact-head"><strong>{p.title.clone()}</strong>" "{confidence_badge(p.confidence)}</div>
                    <div>{format!("{} · {} · with {}", p.date, p.kind.label(), partner_name)}</div>
                    {later_text(&p.description, None, "")}
                    {later_text(&p.note, Some("note"), "")}
                    {source_links(&p.sources, FACT_PENDING)}
                </li>
            }
        })
        .collect_view();
    view! {
        <h2>{actor.name.clone()}</h2>
        <p class="meta">{place}</p>
        {alignment.map(|a| view! { <p class="alignment">{format!("Alignment as of {}: {}", at.human(), a.label())}</p> })}
        {counts.map(|c| view! { <p>{format!("Bilateral ties: {} with Artemis-side partners, {} with ILRS-side partners, {} with others.", c.artemis, c.ilrs, c.other)}</p> })}
        {lean}
        {(!actor.note.is_empty()).then(|| view! { <p class="note">{actor.note.clone()}</p> })}
        {(hidden > 0).then(|| view! {
            <p class="note">{format!("{hidden} unverified {} hidden, as the view hides unverified facts.", if hidden == 1 { "fact is" } else { "facts are" })}</p>
        })}
        <h3>"Memberships"</h3>
        {no_memberships.then(|| view! { <p class="none">"None recorded in this data as of this date."</p> })}
        <ul class="facts">{m_rows}</ul>
        <h3>"Partnerships"</h3>
        {no_ties.then(|| view! { <p class="none">"No bilateral ties recorded in this data as of this date."</p> })}
        <ul class="facts">{t_rows}</ul>
    }
}

/// The text with its first letter in capitals.
pub(crate) fn capital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|f| f.to_uppercase().chain(c).collect())
        .unwrap_or_default()
}
