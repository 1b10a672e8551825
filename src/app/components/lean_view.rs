//! The Lean tab: who leans which way, as of the view's date and under its
//! filters — the rule in words with its weights (read from the data), the
//! lean chart (tooltips, click to select, data table, exports) and the lean
//! table's CSV/JSON downloads.

use leptos::prelude::*;

use super::charts_view::Chart;
use super::share::download;
use crate::app::{AppState, History};
use crate::charts::ChartKind;
use crate::export;

/// The Lean tab.
#[component]
pub fn LeanView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    let save = move |ext: &'static str| {
        let ds = state.ds();
        let f = state.view.with_untracked(|v| v.filters.clone());
        let (text, mime) = if ext == "csv" {
            (export::lean_csv(&ds, &f), "text/csv")
        } else {
            (export::lean_json(&ds, &f), "application/json")
        };
        let name = export::file_name(&format!("lean-{}", state.as_of()), &ds, ext);
        status.set(
            download(&name, mime, &text)
                .err()
                .map(|_| format!("The {} download could not be started.", ext.to_uppercase())),
        );
    };
    let weights = move || {
        let ds = state.ds();
        ds.lean_weights
            .iter()
            .map(|w| {
                view! {
                    <tr><th scope="row">{w.item.label()}</th><td>{w.weight.to_string()}</td><td>{w.note.clone()}</td></tr>
                }
            })
            .collect_view()
    };
    let colour_by_lean = move |_| {
        state.change(History::Push, |v| {
            v.tab = crate::view::url::Tab::Graph;
            v.colour_by_lean = true;
        })
    };
    view! {
        <section class="lean" aria-labelledby="lean-title">
            <h2 id="lean-title">"Who leans which way"</h2>
            <p class="lean-rule">
                "Each third country's ties to the U.S.-led side and to the China/Russia-led side, as of "
                {move || state.as_of().human()}
                ". A framework membership counts for the side that leads it (the Artemis Accords for the U.S. side; the ILRS and APSCO for China's). A bilateral tie counts for the partner's side: the United States or an Artemis-only country, or China, Russia or an ILRS-only country, and their agencies and companies. Ties with countries in both camps or in neither, and with international organisations, count for neither. Each counts with its weight below; the lean is (U.S. − China) ÷ (U.S. + China), from −1 to +1, and a country with ties to both sides within a third of balance is balanced. The filters of regions, camps, frameworks, kinds of tie and unverified facts apply, counted as in the graph and the charts."
            </p>
            <details class="lean-weights">
                <summary>"The weights (one table in the data: lean_weights.csv)"</summary>
                <table class="data-table">
                    <thead><tr><th scope="col">"Counted"</th><th scope="col">"Weight"</th><th scope="col">"Why"</th></tr></thead>
                    <tbody>{weights}</tbody>
                </table>
            </details>
            <p class="lean-actions" role="group" aria-label="Lean table and graph">
                <button type="button" on:click=move |_| save("csv")>"Lean table (CSV)"</button>
                <button type="button" on:click=move |_| save("json")>"Lean table (JSON)"</button>
                <button type="button" on:click=colour_by_lean>"Colour the graph by lean"</button>
                <span class="status" role="status">{move || status.get()}</span>
            </p>
            <Chart kind=ChartKind::Lean/>
        </section>
    }
}

/// The legend of lean colours, while the graph is coloured by lean.
#[component]
pub fn LeanLegend() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        state.view.with(|v| v.colour_by_lean).then(|| {
            let items = crate::charts::lean::Band::ALL
                .iter()
                .map(|&b| {
                    let colour = move || crate::render::palette::lean(b, state.dark.get()).hex();
                    view! { <li><span class="swatch dot" style:background=colour></span>{b.label()}</li> }
                })
                .collect_view();
            view! {
                <div class="legend-lean">
                    <h2>"Colour: lean"</h2>
                    <ul>{items}</ul>
                    <p class="legend-note">"Countries are coloured by their weighted ties to either side (the rule is on the Lean tab); hubs keep their colour. "
                        <button type="button" class="link" on:click=move |_| state.change(History::Push, |v| v.colour_by_lean = false)>"Colour by membership"</button>
                    </p>
                </div>
            }
        })
    }
}
