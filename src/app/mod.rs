//! The browser app: Leptos components that render and wire. One
//! [`ViewState`] signal is the single source of truth of what a reader sees;
//! the URL query string is its text form (see [`crate::view::url`]). The graph is
//! drawn by [`scene::Scene`] on a canvas, with an accessible DOM layer.

pub mod bench_page;
mod browser;
mod canvas_host;
mod components;
mod embed;
mod later;
pub mod layout_worker;
mod render_loop;
pub mod scene;

use components::{changes, details, graph_view, panels, share, story, timeline};

use std::sync::Arc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::dataset::{self, DataError};
use crate::graph::{self, Filters, Graph};
use crate::layout::LayoutKind;
use crate::model::Dataset;
use crate::story::Stories;
use crate::view::url::{self, Notice, Tab, ViewState};

/// How a change of view state reaches the browser history.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum History {
    /// A discrete action: a new entry, so Back returns to the previous view.
    Push,
    /// A continuous one (dragging the slider, playing, panning): replace.
    Replace,
    /// Restoring from the URL (load, Back/Forward): leave history alone.
    Keep,
}

/// Where the sources' records are, and with them the facts' longer texts
/// (`model::Text`): in the app's split build they come a step after the
/// dataset (`model::Sources`, `dataset::read_later`), the first time a view
/// cites a source or shows a fact.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Cited {
    /// Not asked for yet.
    Absent,
    /// Being fetched.
    Coming,
    /// Here: `Dataset::source` finds them, and the facts have their texts.
    Here,
    /// They could not be fetched (or read): what to tell the reader.
    Failed(String),
}

/// The app's reactive state. Copyable handles to signals.
#[derive(Clone, Copy)]
pub struct AppState {
    /// The immutable dataset.
    pub ds: StoredValue<Arc<Dataset>>,
    /// What the reader sees; the URL mirrors it.
    pub view: RwSignal<ViewState>,
    /// The graph derived from dataset and filters.
    pub graph: Memo<Graph>,
    /// The change view's change set, when a compare-with date is set: one
    /// computation the What changed panel and the graph's marks share.
    pub changes: Memo<Option<crate::charts::change::Changes>>,
    /// Every third country's lean under the view's filters and date (the
    /// graph's lean colours and order, the details panel).
    pub leans: Memo<Vec<crate::charts::lean::Lean>>,
    /// Asks the graph view to centre on a node id.
    pub zoom_to: RwSignal<Option<String>>,
    /// Problems found in the link the page was opened with.
    pub notices: RwSignal<Vec<Notice>>,
    /// The system's dark theme: one signal the graph, legend and charts
    /// follow when it changes (e.g. at sunset).
    pub dark: RwSignal<bool>,
    /// The stories, checked against the dataset, once loaded: their code
    /// and text are fetched on first use (see [`AppState::with_stories`]).
    stories: RwSignal<Option<Arc<Stories>>>,
    /// Where the sources' records are (see [`AppState::sources`]).
    sources: RwSignal<Cited>,
    /// Links opened so far (Back/Forward, the embed's host): a story link
    /// waits for the stories, and must not land after a later link.
    links_opened: StoredValue<u64>,
    /// How the next view change is written to history.
    history: StoredValue<History>,
}

impl AppState {
    /// The dataset.
    pub fn ds(&self) -> Arc<Dataset> {
        self.ds.get_value()
    }

    /// The stories, if loaded (tracked). A story can be shown only once
    /// they are, so a view with a story always finds them.
    pub fn stories(&self) -> Option<Arc<Stories>> {
        self.stories.get()
    }

    /// Calls `then` with the stories, reading and checking them first (and
    /// fetching their code, the first time); with `None` if their code
    /// could not be fetched (asked again next time).
    pub fn with_stories(&self, then: impl FnOnce(Option<Arc<Stories>>) + 'static) {
        if let Some(s) = self.stories.get_untracked() {
            return then(Some(s));
        }
        let (ds, stories, sources) = (self.ds(), self.stories, self.sources);
        wasm_bindgen_futures::spawn_local(async move {
            let loaded = later::load_stories(&ds).await.ok().map(Arc::new);
            if loaded.is_some() && stories.get_untracked().is_none() {
                stories.set(loaded.clone());
            }
            // The stories came with the sources they cite.
            if ds.sources.ready() && sources.get_untracked() != Cited::Here {
                sources.set(Cited::Here);
            }
            then(stories.get_untracked().or(loaded));
        });
    }

    /// Where the sources' records are (tracked), fetching them the first
    /// time: a view that cites sources calls this.
    pub fn sources(&self) -> Cited {
        let now = self.sources.get();
        if now == Cited::Absent {
            self.fetch_sources();
        }
        now
    }

    /// Where the sources' records are (tracked), without fetching them.
    pub fn sources_state(&self) -> Cited {
        self.sources.get()
    }

    /// Fetches the sources' records, unless they are here or on their way
    /// (a reader's "Try again" after a failure).
    pub fn fetch_sources(&self) {
        let this = *self;
        // Later, not while a view is being rendered: it writes the state.
        wasm_bindgen_futures::spawn_local(async move {
            if matches!(
                this.sources.get_untracked(),
                Cited::Absent | Cited::Failed(_)
            ) {
                this.sources.set(Cited::Coming);
                let _ = this.sources_here().await;
            }
        });
    }

    /// Fetches the sources' records ahead of a selection, when the reader
    /// points at the graph or goes to the search box, so that the first
    /// details panel has its links at once. Only if never asked for: a
    /// failure here says nothing (the panel asks again and says why).
    pub fn prefetch_sources(&self) {
        let this = *self;
        if this.sources.get_untracked() != Cited::Absent {
            return;
        }
        wasm_bindgen_futures::spawn_local(async move {
            if this.sources.get_untracked() == Cited::Absent {
                this.sources.set(Cited::Coming);
                let here = later::load_sources(&this.ds()).await.is_ok();
                this.sources
                    .set(if here { Cited::Here } else { Cited::Absent });
            }
        });
    }

    /// Makes sure the sources' records are here, fetching them if need be;
    /// else what to tell the reader.
    pub async fn sources_here(self) -> Result<(), String> {
        let loaded = later::load_sources(&self.ds()).await;
        self.sources.set(match &loaded {
            Ok(()) => Cited::Here,
            Err(why) => Cited::Failed(why.clone()),
        });
        loaded
    }

    /// Reads a link into its view and notices and hands them to `apply`: at
    /// once, or, for a story link, once the stories are loaded, unless
    /// another link was opened meanwhile.
    fn open_link(&self, query: String, apply: impl FnOnce(ViewState, Vec<Notice>) + 'static) {
        let ds = self.ds();
        let n = self.links_opened.get_value() + 1;
        self.links_opened.set_value(n);
        let read = url::from_query(&query, &ds);
        if read.0.story.is_none() {
            return apply(read.0, read.1);
        }
        let opened = self.links_opened;
        self.with_stories(move |stories| {
            if opened.get_value() == n {
                let (view, notices) = link_view(&query, &ds, read, stories.as_ref());
                apply(view, notices)
            }
        });
    }

    /// The effective "as of" date (tracked).
    pub fn as_of(&self) -> crate::model::date::Date {
        let ds = self.ds();
        self.view.with(|v| v.filters.as_of.unwrap_or(ds.as_of))
    }

    /// Changes the view state, recording it in history as `mode` says.
    /// Inside a story, a change to anything but the camera (a click, a
    /// filter) leaves the story, keeping the view: the reader explores from
    /// there. Moving between steps changes the step, and stays.
    pub fn change(&self, mode: History, f: impl FnOnce(&mut ViewState)) {
        self.history.set_value(mode);
        self.view.update(|v| {
            let before = v.story.is_some().then(|| v.clone());
            f(v);
            if let Some(b) = before {
                let same = |x: &ViewState| ViewState {
                    view: None,
                    ..x.clone()
                };
                if v.story == b.story && same(v) != same(&b) {
                    v.story = None;
                }
            }
        });
    }

    /// Reads the filters (tracked).
    pub fn filters<R>(&self, f: impl FnOnce(&Filters) -> R) -> R {
        self.view.with(|v| f(&v.filters))
    }

    /// Changes the filters: a discrete action.
    pub fn update_filters(&self, f: impl FnOnce(&mut Filters)) {
        self.change(History::Push, |v| f(&mut v.filters));
    }

    /// The selected node id (tracked).
    pub fn selected(&self) -> Option<String> {
        self.view.with(|v| v.selected.clone())
    }

    /// The selected node id (untracked).
    pub fn selected_untracked(&self) -> Option<String> {
        self.view.with_untracked(|v| v.selected.clone())
    }

    /// Selects a node (or clears the selection).
    pub fn select(&self, id: Option<String>) {
        if self.selected_untracked() != id {
            self.change(History::Push, |v| v.selected = id);
        }
    }

    /// The layout (tracked).
    pub fn layout(&self) -> LayoutKind {
        self.view.with(|v| v.layout)
    }
}

/// Mounts the app on the page body.
pub fn start() {
    std::panic::set_hook(Box::new(|info| {
        console_error_panic_hook::hook(info);
        show_panic(&info.to_string());
    }));
    // The bench page (`?graph=<url>`) is a module of its own
    // (src/bench_page.rs), started by the boot script instead of this one.
    // Into `#app`, laid out under the baked page until its first frame.
    match web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|el| el.dyn_into::<web_sys::HtmlElement>().ok())
    {
        Some(el) => wasm_bindgen_futures::spawn_local(async move {
            let data = match dataset::load_embedded() {
                Ok(ds) => {
                    // A story link shows its step from the first frame: its
                    // stories are loaded before the page is mounted; so is
                    // the map's world for a view on the map.
                    let query = location_search();
                    let read = url::from_query(&query, &ds);
                    let stories = match read.0.story {
                        Some(_) => later::load_stories(&ds).await.ok().map(Arc::new),
                        None => None,
                    };
                    let opened = Opened::read(&query, &ds, read, stories);
                    if opened.view.layout == LayoutKind::Geographic {
                        later::load_world().await;
                    }
                    // A view that cites sources from its first frame (the
                    // details of a selection, what changed) has them then,
                    // or says why not.
                    if opened.view.selected.is_some() || opened.view.from.is_some() {
                        let _ = later::load_sources(&ds).await;
                    }
                    Ok((ds, opened))
                }
                Err(errors) => Err(errors),
            };
            // A task boundary between reading the data and mounting the
            // page: the browser handles input (the baked picture follows
            // the wheel) and paints in between. Measured: the longest
            // task after the first graph pixels 112 -> 80 ms, blocking
            // time 96 -> 49 ms (docs/bench/startup.md).
            browser::next_task().await;
            leptos::mount::mount_to(el, move || root(data)).forget();
        }),
        None => mount_to_body(App),
    }
}

/// A panic never leaves a dead page: it is replaced by a friendly error with
/// a Reload action and the details to report. Built with plain DOM calls,
/// since the reactive system may be what failed.
pub fn show_panic(details: &str) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let Some(body) = doc.body() else { return };
    if doc.query_selector(".panic").ok().flatten().is_some() {
        return;
    }
    let make = |tag: &str, text: &str| {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    };
    let Some(panel) = make("div", "") else { return };
    panel.set_class_name("panic");
    let _ = panel.set_attribute("role", "alertdialog");
    let _ = panel.set_attribute("aria-labelledby", "panic-title");
    let parts = [
        make("h1", "Something went wrong"),
        make(
            "p",
            "The app hit an internal error and stopped. Reloading the page usually helps; your view is kept in the address.",
        ),
        make("button", "Reload"),
        make("details", ""),
    ];
    for el in parts.iter().flatten() {
        let _ = panel.append_child(el);
    }
    if let Some(h) = &parts[0] {
        h.set_id("panic-title");
    }
    if let Some(button) = &parts[2] {
        let _ = button.set_attribute("type", "button");
        let reload = Closure::<dyn Fn()>::new(|| {
            if let Some(w) = web_sys::window() {
                let _ = w.location().reload();
            }
        });
        let _ = button.add_event_listener_with_callback("click", reload.as_ref().unchecked_ref());
        reload.forget();
    }
    if let (Some(d), Some(summary), Some(pre)) = (
        &parts[3],
        make("summary", "Details to report"),
        make("pre", details),
    ) {
        let _ = d.append_child(&summary);
        let _ = d.append_child(&pre);
    }
    let _ = body.append_child(&panel);
    if let Some(b) = &parts[2] {
        let _ = b.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// The view `query` opens and its notices, from `read`, the link read
/// (`url::from_query`): a story link's step from `stories`, or, without
/// them (their code could not be fetched), the explorer with a notice.
fn link_view(
    query: &str,
    ds: &Dataset,
    read: (ViewState, Vec<Notice>),
    stories: Option<&Arc<Stories>>,
) -> (ViewState, Vec<Notice>) {
    let (view, mut notices) = read;
    let Some(at) = view.story.clone() else {
        return (view, notices);
    };
    if let Some(s) = stories {
        return crate::story::open(query, ds, &|| s.clone());
    }
    notices.push(Notice::new(
        "story",
        &at.id,
        "the stories could not be loaded (check the connection, then open the link again); the explorer is shown",
    ));
    (
        ViewState {
            story: None,
            ..view
        },
        notices,
    )
}

/// The link the page was opened with: its view, its notices, and the
/// stories when it named one.
pub struct Opened {
    view: ViewState,
    notices: Vec<Notice>,
    stories: Option<Arc<Stories>>,
}

impl Opened {
    /// The page's link `query`, `read` (`url::from_query`), with the
    /// stories it needed (see [`link_view`]).
    fn read(
        query: &str,
        ds: &Dataset,
        read: (ViewState, Vec<Notice>),
        stories: Option<Arc<Stories>>,
    ) -> Opened {
        let (view, notices) = link_view(query, ds, read, stories.as_ref());
        Opened {
            view,
            notices,
            stories,
        }
    }
}

fn location_search() -> String {
    web_sys::window()
        .and_then(|w| w.location().search().ok())
        .unwrap_or_default()
}

/// The root component: the explorer, or the data error view.
#[component]
pub fn App() -> impl IntoView {
    root(dataset::load_embedded().map(|ds| {
        let query = location_search();
        let read = url::from_query(&query, &ds);
        let stories = read
            .0
            .story
            .as_ref()
            .and_then(|_| later::stories_at_once(&ds))
            .map(Arc::new);
        let opened = Opened::read(&query, &ds, read, stories);
        (ds, opened)
    }))
}

/// The explorer of a validated dataset, or the data error view.
fn root(data: Result<(Dataset, Opened), Vec<DataError>>) -> AnyView {
    match data {
        Ok((ds, opened)) => view! { <Explorer ds=Arc::new(ds) opened=opened/> }.into_any(),
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

/// Writes the view state to the URL whenever it changes, and restores it
/// on Back/Forward.
fn sync_url(state: AppState) {
    Effect::new(move |first: Option<()>| {
        let query = state.view.with(url::to_query);
        let mode = state.history.get_value();
        state.history.set_value(History::Push);
        if first.is_none() || mode == History::Keep {
            return;
        }
        let Some(w) = web_sys::window() else { return };
        let Ok(history) = w.history() else { return };
        let path = w.location().pathname().unwrap_or_default();
        let target = format!("{path}?{query}");
        if w.location().search().ok().as_deref() == Some(&format!("?{query}")) {
            return;
        }
        let _ = match mode {
            History::Push => history.push_state_with_url(&JsValue::NULL, "", Some(&target)),
            _ => history.replace_state_with_url(&JsValue::NULL, "", Some(&target)),
        };
    });
    browser::on_window("popstate", move || {
        state.open_link(location_search(), move |view, notices| {
            state.notices.set(notices);
            state.change(History::Keep, |v| *v = view);
        });
    });
}

/// The explorer: header, graph, details and legend.
#[component]
pub fn Explorer(
    /// The validated dataset.
    ds: Arc<Dataset>,
    /// The link the page was opened with, read (its stories loaded before
    /// the mount when it names one).
    opened: Opened,
) -> impl IntoView {
    let Opened {
        view: initial,
        notices,
        stories,
    } = opened;
    let stories = RwSignal::new(stories);
    let embed = initial.embed;
    if embed {
        // An embed in a short frame fits the frame, until a host script
        // says it sizes the frame to the content (app/embed.rs).
        browser::html_class("embed-fits", true);
    }
    let stored = StoredValue::new(ds.clone());
    let view = RwSignal::new(initial);
    let filters = Memo::new(move |_| view.with(|v| v.filters.clone()));
    let graph = Memo::new(move |_| {
        let ds = stored.get_value();
        filters.with(|f| graph::build(&ds, f))
    });
    // Only the window and the filters decide it (not the camera or the
    // selection), so it is computed again only when they change.
    let window = Memo::new(move |_| view.with(|v| v.from.map(|f| (f, v.filters.clone()))));
    let changes = Memo::new(move |_| {
        let (from, filters) = window.get()?;
        let ds = stored.get_value();
        let to = filters.as_of.unwrap_or(ds.as_of);
        Some(crate::charts::change::between(&ds, &filters, from, to))
    });
    // Every third country's lean under the filters; read (and so computed)
    // only by views that show it.
    let leans = Memo::new(move |_| {
        let ds = stored.get_value();
        filters.with(|f| crate::charts::lean::all(&ds, f))
    });
    let state = AppState {
        ds: stored,
        view,
        graph,
        changes,
        leans,
        zoom_to: RwSignal::new(None),
        notices: RwSignal::new(notices),
        dark: RwSignal::new(false),
        stories,
        sources: RwSignal::new(if ds.sources.ready() {
            Cited::Here
        } else {
            Cited::Absent
        }),
        links_opened: StoredValue::new(0),
        history: StoredValue::new(History::Push),
    };
    provide_context(state);
    browser::follow_media("(prefers-color-scheme: dark)", state.dark);
    provide_context(StoredValue::new_local(canvas_host::AppScene::new(
        canvas_host::AppHost::new(NodeRef::new(), state),
    )));
    sync_url(state);
    embed::connect(state);
    let version = ds.version.clone();
    let as_of = ds.as_of;
    // A memo: the tab panels re-render when the tab changes, not on every
    // change of the view (which remounted the charts on each timeline step).
    let tab = Memo::new(move |_| state.view.with(|v| v.tab));
    let full_view = move || {
        let q = state.view.with(|v| {
            url::to_query(&ViewState {
                embed: false,
                ..v.clone()
            })
        });
        format!("./?{q}")
    };
    view! {
        <nav aria-label="Skip link" class="skip"><a class="skip-link" href="#graph">"Skip to the graph"</a></nav>
        {(!embed).then(|| view! {
            <header class="top">
                <div class="title">
                    <h1>"Artemis Accords vs ILRS"</h1>
                    <p class="subtitle">"Who joins which Moon coalition — the U.S.-led Artemis Accords or the China/Russia-led International Lunar Research Station — and the bilateral space deals around them."</p>
                </div>
                <div class="header-tools">
                    <story::StoriesButton/>
                    <panels::SearchBox/>
                </div>
            </header>
        })}
        {embed.then(|| view! {
            <header class="top embed-top">
                <h1 class="embed-title">"Artemis Accords vs ILRS"</h1>
                <story::StoriesButton/>
                <a class="open-full" href=full_view target="_blank" rel="noopener">"Open full view ↗"</a>
            </header>
        })}
        <NoticeBar/>
        <main class=move || {
            let story = if state.view.with(|v| v.story.is_some()) { " in-story" } else { "" };
            format!("layout{}{story}", if embed { " embed" } else { "" })
        }>
            <section class="stage" aria-label="Network graph">
                <timeline::Timeline/>
                <panels::Toolbar/>
                // The filter summary shares the tabs' row, so that it
                // appearing does not push the graph down.
                <div class="tabs-row">
                    <Tabs/>
                    <panels::FilterSummary/>
                </div>
                <div id="panel-graph" role="tabpanel" aria-labelledby="tab-graph" class="tabpanel graph-panel"
                    hidden=move || tab.get() != Tab::Graph>
                    <graph_view::GraphView/>
                </div>
                <div id="panel-table" role="tabpanel" aria-labelledby="tab-table" class="tabpanel"
                    hidden=move || tab.get() != Tab::Table>
                    {move || (tab.get() == Tab::Table).then(|| later::shown(later::table()))}
                </div>
                <div id="panel-charts" role="tabpanel" aria-labelledby="tab-charts" class="tabpanel"
                    hidden=move || tab.get() != Tab::Charts>
                    {move || (tab.get() == Tab::Charts).then(|| later::shown(later::charts()))}
                </div>
                <div id="panel-lean" role="tabpanel" aria-labelledby="tab-lean" class="tabpanel"
                    hidden=move || tab.get() != Tab::Lean>
                    {move || (tab.get() == Tab::Lean).then(|| later::shown(later::lean()))}
                </div>
            </section>
            // Details first: a selection's facts are what the reader asked
            // for, and an open legend above them pushed them out of sight.
            <div class="side">
                <story::StoryPanel/>
                <changes::ChangesPanel/>
                <details::DetailsPanel/>
                <panels::Legend/>
            </div>
        </main>
        <footer class="bottom">
            <panels::Summary/>
            {(!embed).then(|| view! { <share::ShareBar/> })}
            <p class="sources-line">
                {format!("Data version {version}, as of {}. ", as_of.human())}
                "Sources: NASA, U.S. State Department, CNSA, Roscosmos, Xinhua, TASS, agencies and press, cited on every membership and partnership (select a node to see them). Facts marked “unverified” rest on weak sources."
            </p>
        </footer>
    }
}

/// Problems with the link the page was opened with: each named, dismissible.
#[component]
fn NoticeBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    move || {
        let notices = state.notices.get();
        (!notices.is_empty()).then(|| {
            view! {
                <div class="notices" role="status">
                    <p><strong>"Parts of this link could not be used; the rest of the view is shown."</strong></p>
                    <ul>{notices.iter().map(|n| view! { <li>{n.to_string()}</li> }).collect_view()}</ul>
                    <button type="button" on:click=move |_| state.notices.set(Vec::new())>"Dismiss"</button>
                </div>
            }
        })
    }
}

/// The view tabs: Graph, Table, Charts, Lean (arrow keys move between them).
#[component]
fn Tabs() -> impl IntoView {
    let state = expect_context::<AppState>();
    let select = move |t: Tab| {
        state.change(History::Push, |v| v.tab = t);
        if let Some(el) = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.get_element_by_id(&format!("tab-{}", t.id())))
        {
            let _ = el.unchecked_into::<web_sys::HtmlElement>().focus();
        }
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let i = Tab::ALL
            .iter()
            .position(|t| *t == state.view.with_untracked(|v| v.tab))
            .unwrap_or(0);
        let n = Tab::ALL.len();
        let next = match ev.key().as_str() {
            "ArrowRight" => (i + 1) % n,
            "ArrowLeft" => (i + n - 1) % n,
            "Home" => 0,
            "End" => n - 1,
            _ => return,
        };
        ev.prevent_default();
        select(Tab::ALL[next]);
    };
    view! {
        <div role="tablist" aria-label="Views" class="tabs" on:keydown=on_key>
            {Tab::ALL.iter().map(|&t| {
                let on = move || state.view.with(|v| v.tab == t);
                view! {
                    <button type="button" role="tab" id=format!("tab-{}", t.id())
                        aria-controls=format!("panel-{}", t.id())
                        aria-selected=move || on().to_string()
                        tabindex=move || if on() { "0" } else { "-1" }
                        on:click=move |_| select(t)>{t.label()}</button>
                }
            }).collect_view()}
        </div>
    }
}
