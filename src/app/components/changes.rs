//! The change view: with a "compare with" date (`from=`), what changed
//! between it and the as-of date under the view's filters — a summary
//! sentence and the rows behind it, grouped by kind or ordered by date or
//! name (`list=`), each with its date and sources, each country selecting
//! in the graph; downloadable as CSV or JSON.

use leptos::prelude::*;

use crate::app::components::details::SourcesAlert;
use crate::app::components::share::download_text;
use crate::app::{AppState, History};
use crate::charts::change::{self, Kind, Order, Row};
use crate::view::url::{Tab, ViewState};

/// The list of changes in the window the link names.
#[component]
pub fn ChangesPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo: the list is built again when its order changes, not on every
    // change of the view (a camera move).
    let order = Memo::new(move |_| state.view.with(|v| v.change_order));
    move || {
        let c = state.changes.get()?;
        // Drawn again when the sources' records arrive (fetched the first
        // time the list is shown, see `app::Cited`); until then `Dataset::source`
        // finds none, and the rows have no links.
        let _ = state.sources();
        let (from, to) = (c.from, c.to);
        let ds = state.ds();
        let order = order.get();
        let summary = change::summary(&c);
        let rows = change::rows(&ds, &c, order);
        let name = |id: &str| crate::charts::name_of(&ds, id).to_string();
        // A row's sources, as links named by their publisher.
        let sources = |ids: &[String]| {
            ids.iter()
                .filter_map(|id| ds.source(id))
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
        // A country's name selects it in the graph (and shows the graph).
        let pick = move |id: String| {
            move |_| {
                state.change(History::Push, |v| {
                    v.selected = Some(id.clone());
                    v.tab = Tab::Graph;
                });
                state.zoom_to.set(Some(id.clone()));
            }
        };
        let actors = |r: &Row| {
            r.actors
                .iter()
                .enumerate()
                .map(|(k, a)| {
                    view! {
                        {(k > 0).then_some(" · ")}
                        <button type="button" class="link" on:click=pick(a.clone())>{name(a)}</button>
                    }
                })
                .collect_view()
        };
        let item = |r: &Row, flat: bool| {
            let tie = r.kind == Kind::Tie;
            view! {
                <li>
                    {flat.then(|| view! { <span class="change-kind">{r.kind.short()}</span>": " })}
                    {tie.then(|| view! { <span>{r.what.clone()}</span>" — " })}
                    {actors(r)}
                    " " <span class="meta">{r.date.human()}{sources(&r.sources)}</span>
                </li>
            }
        };
        let list = if order == Order::Group {
            let mut groups: Vec<(Kind, Vec<&Row>)> = Vec::new();
            for r in &rows {
                match groups.last_mut() {
                    Some((k, g)) if k.heading() == r.kind.heading() => g.push(r),
                    _ => groups.push((r.kind, vec![r])),
                }
            }
            groups
                .into_iter()
                .map(|(k, g)| {
                    view! {
                        <h3>{format!("{} ({})", k.heading(), g.len())}</h3>
                        <ul class="change-rows">{g.into_iter().map(|r| item(r, false)).collect_view()}</ul>
                    }
                })
                .collect_view()
                .into_any()
        } else {
            view! { <ul class="change-rows flat">{rows.iter().map(|r| item(r, true)).collect_view()}</ul> }.into_any()
        };
        // The files cite the sources by address: made when asked for, once
        // the records are here.
        let save = move |json: bool| {
            let c = c.clone();
            move |_| {
                let c = c.clone();
                wasm_bindgen_futures::spawn_local(async move {
                    if state.sources_here().await.is_err() {
                        return; // the panel's alert says why
                    }
                    let ds = state.ds();
                    let rows = change::rows(&ds, &c, order);
                    let (ext, text) = if json {
                        ("json", crate::export::changes_json(&ds, &c, &rows))
                    } else {
                        ("csv", change::csv(&ds, &rows))
                    };
                    let _ = download_text(&ds, &format!("changes-{from}-{to}"), ext, &text);
                });
            }
        };
        let on_order = move |ev: web_sys::Event| {
            if let Some(o) = Order::parse(&event_target_value(&ev)) {
                state.change(History::Push, |v| v.change_order = o);
            }
        };
        Some(view! {
            <section class="changes" aria-labelledby="changes-title">
                <h2 id="changes-title">"What changed"</h2>
                <p role="status">{summary}</p>
                <SourcesAlert/>
                <p class="change-order">
                    <label for="change-order">"Order "</label>
                    <select id="change-order" on:change=on_order>
                        {Order::ALL.iter().map(|&o| view! { <option value=o.id() selected=o == order>{o.label()}</option> }).collect_view()}
                    </select>
                </p>
                {list}
                <p class="legend-note">"No ended ties or withdrawals are listed: the data records none."</p>
                <div class="change-actions">
                    <button type="button" on:click=save(false)>"Download the changes (CSV)"</button>
                    <button type="button" on:click=save(true)>"Download the changes (JSON)"</button>
                    <button type="button" on:click=move |_| state.change(History::Push, ViewState::stop_comparing)>"Stop comparing"</button>
                </div>
            </section>
        })
    }
}
