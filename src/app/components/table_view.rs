//! The table tab: countries of the current view, sortable by any column.
//! A country's name is a button that selects it in the graph. In a change
//! view (`from=`) an "In window" column says what each country did in the
//! window, and "Only changes" (`only=changes`) keeps just those that did.

use leptos::prelude::*;

use crate::app::{AppState, History};
use crate::charts::table::{self, Column, WindowChange};
use crate::view::url::Tab;

/// The countries table.
#[component]
pub fn TableView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The order is part of the view (and so of the link).
    let sort = move || state.view.with(|v| v.sort);
    let only = Memo::new(move |_| state.view.with(|v| v.only_changes));
    // Each row with what it did in the change view's window (none without one).
    let rows = Memo::new(move |_| {
        let ds = state.ds();
        let g = state.graph.get();
        let at = state.as_of();
        let regions = state.filters(|f| f.regions.clone());
        let mut rows = table::country_rows(&ds, &g, at, &regions);
        table::sort(&mut rows, sort());
        state.changes.with(|c| {
            rows.into_iter()
                .map(|r| {
                    let w = c.as_ref().map(|c| WindowChange::of(&ds, c, &r.iso3));
                    (r, w)
                })
                .filter(|(_, w)| !only.get() || w.as_ref().is_none_or(|w| !w.is_empty()))
                .collect::<Vec<_>>()
        })
    });
    let comparing = Memo::new(move |_| state.changes.with(Option::is_some));
    let header = Column::ALL
        .iter()
        .map(|&c| {
            let aria = move || match sort() {
                o if o.column != c => "none",
                o if o.ascending => "ascending",
                _ => "descending",
            };
            view! {
                <th scope="col" aria-sort=aria>
                    <button type="button" class="sort" on:click=move |_| state.change(History::Push, |v| v.sort = v.sort.clicked(c))>
                        {c.label()}
                        <span aria-hidden="true" class="sort-mark">{move || match sort() { o if o.column != c => "", o if o.ascending => " ▲", _ => " ▼" }}</span>
                    </button>
                </th>
            }
        })
        .collect_view();
    let date = |d: Option<(crate::model::date::Date, crate::model::Instrument)>| {
        d.map_or_else(|| "—".to_string(), |(d, i)| format!("{d} ({})", i.label()))
    };
    let caption = move || {
        let window = state.changes.with(|c| {
            c.as_ref().map(|c| {
                format!(
                    " In window: what each did after {} (see What changed for the sources).",
                    c.from.human()
                )
            })
        });
        format!(
            "{} countries as of {}, with the filters applied{}.{} Select a column header to sort.",
            rows.with(Vec::len),
            state.as_of().human(),
            if only.get() && comparing.get() {
                ", only those that changed in the window"
            } else {
                ""
            },
            window.unwrap_or_default()
        )
    };
    view! {
        <div class="table-wrap">
            {move || comparing.get().then(|| view! {
                <label class="check table-only">
                    <input type="checkbox" prop:checked=move || only.get()
                        on:change=move |ev| { let on = event_target_checked(&ev); state.change(History::Push, |v| v.only_changes = on); }/>
                    "Only countries that changed in the window"
                </label>
            })}
            <table class="countries">
                <caption>{caption}</caption>
                <thead><tr>{header}{move || comparing.get().then(|| view! { <th scope="col">"In window"</th> })}</tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|(r, w)| (r.iso3.clone(), w.clone()) let:row>
                        {
                            let (r, w) = row;
                            let id = r.iso3.clone();
                            view! {
                                <tr>
                                    <th scope="row">
                                        <button type="button" class="link" on:click=move |_| {
                                            let id = id.clone();
                                            state.change(History::Push, |v| { v.selected = Some(id.clone()); v.tab = Tab::Graph; });
                                            state.zoom_to.set(Some(id));
                                        }>{r.name.clone()}</button>
                                    </th>
                                    <td>{format!("{} · {}", r.subregion, r.region)}</td>
                                    <td>{r.alignment.label()}</td>
                                    <td class="date">{date(r.artemis)}</td>
                                    <td class="date">{date(r.ilrs)}</td>
                                    <td class="date">{date(r.apsco)}</td>
                                    <td class="num">{r.ties.artemis}</td>
                                    <td class="num">{r.ties.ilrs}</td>
                                    <td class="num">{r.source_ids.len()}</td>
                                    {w.map(|w| view! { <td class="in-window">{w.label()}</td> })}
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
