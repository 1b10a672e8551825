//! Code split out of the start module (issue #18, "a lighter first load"):
//! the Table, Charts and Lean tabs, the share bar's downloads, the stories,
//! the sources' records with the facts' longer texts, and the map's world
//! outlines are not needed for the default view's first graph frame. (The
//! share bar's buttons are, being on the first screen of a tall window:
//! split out whole, the bar arrived after the app and moved the footer's
//! last line down.) Built with the `split` feature (the app's release
//! build, scripts/split.mjs), each is a chunk of its own that the browser
//! fetches the first time it is needed (a link that needs stories, sources
//! or outlines has them before the page is mounted, and its page fetches
//! them early); without it (tests, plain builds) each is an ordinary call
//! that is ready at once.

use leptos::prelude::*;

use super::AppState;
use super::canvas_host::AppScene;
use super::components::share::{self, Download};
use super::components::{charts_view, lean_view, table_view};

/// A split view whose chunk could not be fetched (the reader went offline,
/// say). Not remembered: the next time the view is shown it is fetched again.
#[derive(Debug)]
pub struct NotLoaded;

#[cfg(feature = "split")]
impl From<wasm_split_helpers::SplitLoaderError> for NotLoaded {
    fn from(_: wasm_split_helpers::SplitLoaderError) -> Self {
        NotLoaded
    }
}

/// What a view's loader returns.
type Loaded = Result<AnyView, NotLoaded>;

/// The Table tab.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(table, fallible))]
pub fn table() -> Loaded {
    Ok(view! { <table_view::TableView/> }.into_any())
}

/// The Charts tab.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(charts, fallible))]
pub fn charts() -> Loaded {
    Ok(view! { <charts_view::ChartsView/> }.into_any())
}

/// The Lean tab.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(lean, fallible))]
pub fn lean() -> Loaded {
    Ok(view! { <lean_view::LeanView/> }.into_any())
}

/// Makes a download of the share bar and starts it (the buttons stay in the
/// start module: the bar is on a tall window's first screen).
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(downloads, fallible))]
pub fn download(
    what: Download,
    state: AppState,
    scene: Option<StoredValue<AppScene, LocalStorage>>,
    status: RwSignal<String>,
) -> Result<(), NotLoaded> {
    share::make_download(what, state, scene, status);
    Ok(())
}

/// The stories (their text and the code that reads them), read and
/// checked against the dataset.
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(stories, fallible))]
pub fn stories(ds: &crate::model::Dataset) -> Result<crate::story::Stories, NotLoaded> {
    Ok(crate::story::load_embedded(ds))
}

/// The stories, fetching their code first the first time, with the
/// sources' records they cite.
pub async fn load_stories(ds: &crate::model::Dataset) -> Result<crate::story::Stories, NotLoaded> {
    #[cfg(feature = "split")]
    let stories = stories(ds).await?;
    #[cfg(not(feature = "split"))]
    let stories = stories(ds)?;
    load_sources(ds).await.map_err(|_| NotLoaded)?;
    Ok(stories)
}

/// The stories, where no fetch is needed (without the split).
#[cfg(not(feature = "split"))]
pub fn stories_at_once(ds: &crate::model::Dataset) -> Option<crate::story::Stories> {
    stories(ds).ok()
}

/// The stories, where no fetch is needed: none with the split.
#[cfg(feature = "split")]
pub fn stories_at_once(_: &crate::model::Dataset) -> Option<crate::story::Stories> {
    None
}

/// The sources' records and the facts' longer texts (`dataset::LATER` and
/// its reader), read into `ds`, whose sources are known by id (see
/// `model::Sources` and `model::Text`).
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(sources, fallible))]
pub fn sources(
    ds: &crate::model::Dataset,
) -> Result<Result<(), Vec<crate::dataset::DataError>>, NotLoaded> {
    Ok(crate::dataset::read_later(ds, crate::dataset::LATER))
}

/// What the reader is told when the sources' code could not be fetched.
pub const SOURCES_NOT_LOADED: &str =
    "The sources and notes could not be loaded. Check the connection, then try again.";

/// Makes sure the dataset has its sources' records and facts' texts,
/// fetching them the first time; else what to tell the reader.
pub async fn load_sources(ds: &crate::model::Dataset) -> Result<(), String> {
    if ds.sources.ready() {
        return Ok(());
    }
    #[cfg(feature = "split")]
    let read = sources(ds).await;
    #[cfg(not(feature = "split"))]
    let read = sources(ds);
    match read {
        Ok(Ok(())) => Ok(()),
        Ok(Err(errors)) => Err(format!(
            "The sources and notes could not be read: {}",
            errors
                .iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join("; ")
        )),
        Err(NotLoaded) => Err(SOURCES_NOT_LOADED.into()),
    }
}

/// The map's world outlines (the file and its reader).
#[cfg_attr(feature = "split", wasm_split_helpers::wasm_split(world, fallible))]
pub fn world() -> Result<Vec<crate::layout::world::Outline>, NotLoaded> {
    Ok(crate::layout::world::shipped())
}

/// Makes sure the map has its world outlines, fetching them the first
/// time; says whether it has them.
pub async fn load_world() -> bool {
    use crate::layout::world;
    if world::ready() {
        return true;
    }
    #[cfg(feature = "split")]
    let loaded = world().await;
    #[cfg(not(feature = "split"))]
    let loaded = world();
    match loaded {
        Ok(outlines) => {
            world::provide(outlines);
            true
        }
        Err(NotLoaded) => false,
    }
}

/// What the share bar says when the download code could not be fetched.
const DOWNLOAD_NOT_LOADED: &str = "The download could not start: this part of the page could not be loaded. Check the connection, then try again.";

/// Starts the download `what` (fetching its code first, the first time).
#[cfg(feature = "split")]
pub fn start_download(
    what: Download,
    state: AppState,
    scene: Option<StoredValue<AppScene, LocalStorage>>,
    status: RwSignal<String>,
) {
    wasm_bindgen_futures::spawn_local(async move {
        // The exports cite the sources by address and title.
        if let Err(why) = state.sources_here().await {
            status.set(format!("The download could not start. {why}"));
        } else if download(what, state, scene, status).await.is_err() {
            status.set(DOWNLOAD_NOT_LOADED.into());
        }
    });
}

/// Starts the download `what`.
#[cfg(not(feature = "split"))]
pub fn start_download(
    what: Download,
    state: AppState,
    scene: Option<StoredValue<AppScene, LocalStorage>>,
    status: RwSignal<String>,
) {
    if download(what, state, scene, status).is_err() {
        status.set(DOWNLOAD_NOT_LOADED.into());
    }
}

/// Shows the view `load` gives (a split view's loader, called), or says
/// that it could not be loaded.
#[cfg(feature = "split")]
pub fn shown(load: impl std::future::Future<Output = Loaded> + 'static) -> impl IntoView {
    // The loader's future stays on this (the only) thread.
    let load = send_wrapper::SendWrapper::new(load);
    Suspend::new(async move { load.await.unwrap_or_else(|NotLoaded| not_loaded()) })
}

/// Shows the view `load` gives (ready at once without the split).
#[cfg(not(feature = "split"))]
pub fn shown(load: Loaded) -> impl IntoView {
    load.unwrap_or_else(|NotLoaded| not_loaded())
}

/// What a part of the page that could not be fetched says in its place.
pub fn not_loaded() -> AnyView {
    view! {
        <p class="field-error not-loaded" role="alert">
            "This part of the page could not be loaded. Check the connection, then open it again."
        </p>
    }
    .into_any()
}
