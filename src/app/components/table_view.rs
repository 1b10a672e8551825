//! The table tab: countries of the current view, sortable by any column.
//! A country's name is a button that selects it in the graph.

use leptos::prelude::*;

use crate::app::{AppState, History};
use crate::charts::table::{self, Column};
use crate::view::url::Tab;

/// The countries table.
#[component]
pub fn TableView() -> impl IntoView {
    let state = expect_context::<AppState>();
    // The order is part of the view (and so of the link).
    let sort = move || state.view.with(|v| v.sort);
    let rows = Memo::new(move |_| {
        let ds = state.ds();
        let g = state.graph.get();
        let at = state.as_of();
        let regions = state.filters(|f| f.regions.clone());
        let mut rows = table::country_rows(&ds, &g, at, &regions);
        table::sort(&mut rows, sort());
        rows
    });
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
    view! {
        <div class="table-wrap">
            <table class="countries">
                <caption>{move || format!("{} countries as of {}, with the filters applied. Select a column header to sort.", rows.with(Vec::len), state.as_of().human())}</caption>
                <thead><tr>{header}</tr></thead>
                <tbody>
                    <For each=move || rows.get() key=|r| r.iso3.clone() let:r>
                        {
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
                                </tr>
                            }
                        }
                    </For>
                </tbody>
            </table>
        </div>
    }
}
