//! The browser app: Leptos components that render and wire. State lives in
//! a few signals at the top ([`AppState`]); the graph is drawn by
//! [`scene::Scene`] on a canvas, with an accessible DOM layer beside it.

mod bench_page;
mod details;
mod graph_view;
mod panels;
pub mod scene;

use std::sync::Arc;

use leptos::prelude::*;

use crate::dataset::{self, DataError};
use crate::graph::{self, Filters, Graph};
use crate::layout::LayoutKind;
use crate::model::Dataset;

/// The app's reactive state. Copyable handles to signals.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The immutable dataset.
    pub ds: StoredValue<Arc<Dataset>>,
    /// What is shown.
    pub filters: RwSignal<Filters>,
    /// Which layout.
    pub layout: RwSignal<LayoutKind>,
    /// Selected node id.
    pub selected: RwSignal<Option<String>>,
    /// The graph derived from dataset and filters.
    pub graph: Memo<Graph>,
    /// Asks the graph view to centre on a node id.
    pub zoom_to: RwSignal<Option<String>>,
}

impl AppState {
    /// The dataset.
    pub fn ds(&self) -> Arc<Dataset> {
        self.ds.get_value()
    }

    /// The effective "as of" date.
    pub fn as_of(&self) -> crate::date::Date {
        let ds = self.ds();
        self.filters.with(|f| f.as_of.unwrap_or(ds.as_of))
    }
}

/// Mounts the app on the page body.
pub fn start() {
    console_error_panic_hook::set_once();
    // `?graph=<url>`: the benchmark harness's page contract instead of the app.
    let search = web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default();
    let graph_url = search
        .trim_start_matches('?')
        .split('&')
        .find_map(|kv| kv.strip_prefix("graph="))
        .and_then(|v| js_sys::decode_uri_component(v).ok())
        .and_then(|v| v.as_string());
    match graph_url {
        Some(url) => bench_page::run(url),
        None => mount_to_body(App),
    }
}

/// The root component: the explorer, or the data error view.
#[component]
pub fn App() -> impl IntoView {
    match dataset::load_embedded() {
        Ok(ds) => view! { <Explorer ds=Arc::new(ds)/> }.into_any(),
        Err(errors) => view! { <DataErrors errors=errors/> }.into_any(),
    }
}

/// Shown instead of the explorer when the embedded data fails validation.
#[component]
pub fn DataErrors(
    /// Every problem found.
    errors: Vec<DataError>,
) -> impl IntoView {
    let count = errors.len();
    view! {
        <main class="data-errors" role="alert">
            <h1>"The data could not be loaded"</h1>
            <p>{format!("{count} problem(s) were found in the embedded dataset. Nothing is shown rather than something wrong.")}</p>
            <ul>{errors.into_iter().map(|e| view! { <li><code>{e.to_string()}</code></li> }).collect_view()}</ul>
        </main>
    }
}

/// The explorer: header, graph, details and legend.
#[component]
pub fn Explorer(
    /// The validated dataset.
    ds: Arc<Dataset>,
) -> impl IntoView {
    let stored = StoredValue::new(ds.clone());
    let filters = RwSignal::new(Filters::default());
    let graph = Memo::new(move |_| {
        let ds = stored.get_value();
        filters.with(|f| graph::build(&ds, f))
    });
    let state = AppState {
        ds: stored,
        filters,
        layout: RwSignal::new(LayoutKind::Force),
        selected: RwSignal::new(None),
        graph,
        zoom_to: RwSignal::new(None),
    };
    provide_context(state);
    provide_context(StoredValue::new_local(graph_view::SceneHandle::new(
        NodeRef::new(),
    )));
    let as_of = ds.as_of;
    let version = ds.version.clone();
    view! {
        <a class="skip-link" href="#graph">"Skip to the graph"</a>
        <header class="top">
            <div class="title">
                <h1>"Artemis Accords vs ILRS"</h1>
                <p class="subtitle">"Who joins which Moon coalition: the U.S.-led Artemis Accords, the China/Russia-led International Lunar Research Station, and the bilateral space deals around them."</p>
            </div>
            <panels::SearchBox/>
        </header>
        <main class="layout">
            <section class="stage" aria-label="Network graph">
                <panels::Toolbar/>
                <graph_view::GraphView/>
            </section>
            <div class="side">
                <panels::Legend/>
                <details::DetailsPanel/>
            </div>
        </main>
        <footer class="bottom">
            <panels::Summary/>
            <p class="sources-line">
                {format!("Data version {version}, as of {}. ", as_of.human())}
                "Sources: NASA, U.S. State Department, CNSA, Roscosmos, Xinhua, TASS, agencies and press, cited on every membership and partnership (select a node to see them). Facts marked “unverified” rest on weak sources."
            </p>
        </footer>
    }
}
