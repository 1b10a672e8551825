//! The change view: with a "compare with" date (`from=`), what changed
//! between it and the as-of date under the view's filters — a summary
//! sentence and the rows behind it, grouped, each with its date and sources,
//! each country selecting in the graph; downloadable as CSV.

use leptos::prelude::*;

use crate::app::components::share::download;
use crate::app::{AppState, History};
use crate::charts::change;
use crate::model::FrameworkId;

/// The list of changes in the window the link names.
#[component]
pub fn ChangesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let c = state.changes.get()?;
        let (from, to) = (c.from, c.to);
        let ds = state.ds();
        let summary = change::summary(&c);
        let name = |id: &str| crate::charts::name_of(&ds, id).to_string();
        // A row's sources, as links named by their publisher.
        let sources = |ids: &[String]| {
            ids.iter()
                .filter_map(|id| ds.sources.iter().find(|s| s.id == *id))
                .map(|s| {
                    let label = if s.publisher.is_empty() { s.title.clone() } else { s.publisher.clone() };
                    if s.url.is_empty() {
                        view! { " · " <span title=s.title.clone()>{label}</span> }.into_any()
                    } else {
                        view! { " · " <a href=s.url.clone() title=s.title.clone() target="_blank" rel="noopener">{label}</a> }.into_any()
                    }
                })
                .collect_view()
        };
        let pick = move |id: String| {
            move |_| state.change(History::Push, |v| v.selected = Some(id.clone()))
        };
        let member_rows = |rows: Vec<usize>| {
            rows.into_iter()
                .map(|i| {
                    let m = &ds.memberships[i];
                    let actor = m.actor.clone();
                    view! {
                        <li>
                            <button type="button" class="link" on:click=pick(actor.clone())>{name(&actor)}</button>
                            " " <span class="meta">{m.date.human()}</span>
                            <span class="meta">{sources(&m.sources)}</span>
                        </li>
                    }
                })
                .collect_view()
        };
        let group = |title: String, n: usize, body: AnyView| {
            (n > 0).then(|| {
                view! {
                    <h3>{format!("{title} ({n})")}</h3>
                    <ul class="change-rows">{body}</ul>
                }
            })
        };
        let joined = |fw: FrameworkId| -> Vec<usize> {
            c.joined
                .iter()
                .filter(|(f, _)| *f == fw)
                .map(|&(_, i)| i)
                .collect()
        };
        let artemis = joined(FrameworkId::Artemis);
        let ilrs = joined(FrameworkId::Ilrs);
        let both = c
            .entered_both
            .iter()
            .map(|iso3| view! { <li><button type="button" class="link" on:click=pick(iso3.clone())>{name(iso3)}</button></li> })
            .collect_view();
        let ties = c
            .ties
            .iter()
            .map(|&i| {
                let p = &ds.partnerships[i];
                let (a, b) = (p.a.clone(), p.b.clone());
                view! {
                    <li>
                        <span>{p.title.clone()}</span>" — "
                        <button type="button" class="link" on:click=pick(a.clone())>{name(&a)}</button>
                        " · "
                        <button type="button" class="link" on:click=pick(b.clone())>{name(&b)}</button>
                        " " <span class="meta">{format!("{} · {}", p.date.human(), p.kind.label())}{sources(&p.sources)}</span>
                    </li>
                }
            })
            .collect_view();
        let csv = change::csv(&ds, &c);
        let file = crate::export::file_name(&format!("changes-{from}-{to}"), &ds, "csv");
        Some(view! {
            <section class="changes" aria-labelledby="changes-title">
                <h2 id="changes-title">"What changed"</h2>
                <p role="status">{summary}</p>
                {group("Signed the Artemis Accords".into(), artemis.len(), member_rows(artemis).into_any())}
                {group("Joined the ILRS".into(), ilrs.len(), member_rows(ilrs).into_any())}
                {group("Intents and signatures that became memberships".into(), c.upgraded.len(), member_rows(c.upgraded.clone()).into_any())}
                {group("Entered both camps".into(), c.entered_both.len(), both.into_any())}
                {group("Bilateral ties formed".into(), c.ties.len(), ties.into_any())}
                <div class="change-actions">
                    <button type="button" on:click=move |_| { let _ = download(&file, "text/csv", &csv); }>"Download the changes (CSV)"</button>
                    <button type="button" on:click=move |_| state.change(History::Push, |v| v.from = None)>"Stop comparing"</button>
                </div>
            </section>
        })
    }
}
