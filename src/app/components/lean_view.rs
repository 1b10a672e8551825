//! The Lean tab: who leans which way, as of the view's date and under its
//! filters — the rule in words with its weights (read from the data), the
//! lean chart (tooltips, click to select, data table, exports) and the lean
//! table's CSV/JSON downloads.

use leptos::prelude::*;

use super::charts_view::Chart;
use super::share::download_text;
use crate::app::{AppState, History};
use crate::charts::ChartKind;
use crate::export;

/// The Lean tab.
#[component]
pub fn LeanView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(None::<String>);
    // The files cite the sources by address: made once the sources'
    // records are here (fetched the first time they are needed).
    let save = move |ext: &'static str| {
        let f = state.view.with_untracked(|v| v.filters.clone());
        wasm_bindgen_futures::spawn_local(async move {
            if let Err(why) = state.sources_here().await {
                return status.set(Some(format!(
                    "The {} download could not start. {why}",
                    ext.to_uppercase()
                )));
            }
            let ds = state.ds();
            let text = if ext == "csv" {
                export::lean_csv(&ds, &f)
            } else {
                export::lean_json(&ds, &f)
            };
            let as_of = f.as_of.unwrap_or(ds.as_of);
            status.set(
                download_text(&ds, &format!("lean-{as_of}"), ext, &text)
                    .err()
                    .map(|_| format!("The {} download could not be started.", ext.to_uppercase())),
            );
        });
    };
    let weights = move || {
        let ds = state.ds();
        ds.lean_weights
            .iter()
            .map(|w| {
                view! {
                    <tr><th scope="row">{super::details::capital(&w.item.label())}</th><td>{w.weight.to_string()}</td><td>{w.note.clone()}</td></tr>
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
                "Every country other than the United States, China and Russia (which lead the two sides), placed by what ties it to each side as of "
                {move || state.as_of().human()}
                ". A framework membership counts for the side that leads the framework: the Artemis Accords for the U.S.-led side; the ILRS and APSCO for the China/Russia-led side. A membership signed only by a national agency, institution or company counts less than the state's own. A bilateral tie counts for the partner's side, by the partner's camp as of this date: in full with a leading state (or its agencies and companies), half with another state of that camp, such as India or Japan for the U.S.-led side or Pakistan for the China/Russia-led side. Ties with countries in both camps or in neither, and with international organisations such as ESA, count for neither side. The lean is (U.S.-led − China/Russia-led) ÷ (U.S.-led + China/Russia-led), from −1 to +1; a country is balanced when neither side is more than twice the other. The filters of regions, camps, frameworks, kinds of tie and unverified facts apply, as in the graph and the charts."
            </p>
            <p class="lean-rule note">
                "Read with care: the data records ties unevenly. It lists China's lunar payload agreements one by one but fewer of the rides and instruments on U.S.-led missions; Europe's largest ties with NASA run through ESA and so count for neither side; a programme of several satellites counts each one. The lean measures what this data records, not a country's policy."
            </p>
            <details class="lean-weights">
                <summary>"How each membership and tie is weighted"</summary>
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
