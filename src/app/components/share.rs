//! Sharing and taking away: copy link, Web Share, embed snippet, citation,
//! downloads; and, in embed mode, telling the host page our height.

use leptos::html::Dialog;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use crate::app::AppState;
use crate::app::canvas_host::AppScene;
use crate::app::later;
use crate::export;
use crate::model::date::Date;
use crate::view::url::{self, ViewState};

fn window() -> Option<web_sys::Window> {
    web_sys::window()
}

/// The page's address without query string.
fn base_url() -> String {
    window()
        .and_then(|w| {
            let l = w.location();
            Some(format!("{}{}", l.origin().ok()?, l.pathname().ok()?))
        })
        .unwrap_or_default()
}

/// The view's permalink, with the as-of date pinned so the link keeps its
/// meaning when the data grows.
pub fn permalink(state: &AppState, embed: bool) -> String {
    let ds = state.ds();
    let q = state.view.with_untracked(|v| {
        let mut pinned = ViewState { embed, ..v.clone() };
        pinned.filters.as_of = Some(pinned.filters.as_of.unwrap_or(ds.as_of));
        url::to_query(&pinned)
    });
    format!("{}?{q}", base_url())
}

fn today() -> Date {
    let d = js_sys::Date::new_0();
    Date::ymd(
        d.get_full_year() as i32,
        d.get_month() as u8 + 1,
        d.get_date() as u8,
    )
}

/// Copies text to the clipboard; resolves to whether it worked.
async fn copy_text(text: &str) -> bool {
    let Some(w) = window() else { return false };
    let nav = w.navigator();
    let Ok(clip) = js_sys::Reflect::get(&nav, &"clipboard".into()) else {
        return false;
    };
    if clip.is_undefined() {
        return false;
    }
    let Ok(write) = js_sys::Reflect::get(&clip, &"writeText".into()) else {
        return false;
    };
    let Ok(write) = write.dyn_into::<js_sys::Function>() else {
        return false;
    };
    match write.call1(&clip, &JsValue::from_str(text)) {
        Ok(p) => wasm_bindgen_futures::JsFuture::from(js_sys::Promise::from(p))
            .await
            .is_ok(),
        Err(_) => false,
    }
}

/// Why a download or an export did not start; said in the share bar's
/// status line, where the reader pressed the button.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ExportError {
    /// No document to make the link or the canvas in.
    NoDocument,
    /// The browser refused to make the file (a `Blob` or its URL).
    File,
    /// There is no graph drawn yet.
    NoGraph,
    /// The browser could not turn the picture into a PNG.
    Encode,
}

impl std::fmt::Display for ExportError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            ExportError::NoDocument => "the page is not ready",
            ExportError::File => "the browser would not make the file",
            ExportError::NoGraph => "no graph is drawn yet",
            ExportError::Encode => "the browser could not encode the picture as PNG",
        })
    }
}

/// Starts a download of a URL (e.g. a `data:` URL of a canvas).
pub fn download_url(name: &str, href: &str) -> Result<(), ExportError> {
    let doc = window()
        .and_then(|w| w.document())
        .ok_or(ExportError::NoDocument)?;
    let a: web_sys::HtmlAnchorElement = doc
        .create_element("a")
        .map_err(|_| ExportError::NoDocument)?
        .unchecked_into();
    a.set_href(href);
    a.set_download(name);
    a.click();
    Ok(())
}

/// Starts a download of generated text.
pub fn download(name: &str, mime: &str, text: &str) -> Result<(), ExportError> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts)
        .map_err(|_| ExportError::File)?;
    let href = web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| ExportError::File)?;
    let done = download_url(name, &href);
    let _ = web_sys::Url::revoke_object_url(&href);
    done
}

/// Downloads generated text as a file: its name from `stem` and the
/// dataset (`export::file_name`), its type from the extension (`csv`,
/// `json`, else SVG).
pub fn download_text(
    ds: &crate::model::Dataset,
    stem: &str,
    ext: &str,
    text: &str,
) -> Result<(), ExportError> {
    let mime = match ext {
        "csv" => "text/csv",
        "json" => "application/json",
        _ => "image/svg+xml",
    };
    download(&export::file_name(stem, ds, ext), mime, text)
}

/// The graph as SVG (with the export footer), from the scene as drawn.
fn graph_svg(
    state: &AppState,
    scene: StoredValue<AppScene, LocalStorage>,
) -> Option<(String, u32, u32)> {
    let handle = scene.try_get_value()?;
    let ds = state.ds();
    let filters = state.view.with_untracked(|v| v.filters.clone());
    let (w, h) = (1400.0f32, 900.0f32);
    let footer = crate::charts::wrap_footer(
        &export::footer_lines(&ds, "network graph", &filters, &permalink(state, false)),
        w as u32,
    );
    let (svg, extra) = handle.read(|s| {
        let extra = crate::export::svg::extra_height(&s.graph, s.lean_bands(), w, footer.len());
        let svg = crate::export::svg::graph_svg(
            &crate::export::svg::Picture {
                graph: &s.graph,
                pos: &s.pos,
                radius: &s.radius,
                axis: &s.axis_labels,
                layout: s.layout,
                lean: s.lean_bands(),
            },
            w,
            h,
            &s.highlight(),
            &footer,
        );
        (svg, extra)
    });
    Some((svg, w as u32, (h + extra) as u32))
}

/// A detached canvas of `w` × `h` CSS pixels at 2× resolution, for PNG exports.
pub fn export_canvas_2x(w: u32, h: u32) -> Option<web_sys::HtmlCanvasElement> {
    let el = window()?.document()?.create_element("canvas").ok()?;
    let canvas: web_sys::HtmlCanvasElement = el.unchecked_into();
    canvas.set_width(w * 2);
    canvas.set_height(h * 2);
    Some(canvas)
}

/// Rasterises an SVG at 2× through an image and downloads it as PNG;
/// `done` hears how it went (the image loads asynchronously).
fn svg_to_png_download(
    svg: &str,
    w: u32,
    h: u32,
    name: String,
    done: impl Fn(Result<(), ExportError>) + Clone + 'static,
) {
    let (Ok(img), Some(canvas)) = (web_sys::HtmlImageElement::new(), export_canvas_2x(w, h)) else {
        return done(Err(ExportError::NoDocument));
    };
    let img2 = img.clone();
    let failed = done.clone();
    let onload = Closure::once_into_js(move || {
        let ctx = canvas
            .get_context("2d")
            .ok()
            .flatten()
            .and_then(|c| c.dyn_into::<web_sys::CanvasRenderingContext2d>().ok());
        let drawn = ctx.ok_or(ExportError::Encode).and_then(|ctx| {
            ctx.draw_image_with_html_image_element_and_dw_and_dh(
                &img2,
                0.0,
                0.0,
                f64::from(w * 2),
                f64::from(h * 2),
            )
            .map_err(|_| ExportError::Encode)?;
            let url = canvas
                .to_data_url_with_type("image/png")
                .map_err(|_| ExportError::Encode)?;
            download_url(&name, &url)
        });
        done(drawn);
    });
    let onerror = Closure::once_into_js(move || failed(Err(ExportError::Encode)));
    img.set_onload(Some(onload.unchecked_ref()));
    img.set_onerror(Some(onerror.unchecked_ref()));
    let encoded: String = js_sys::encode_uri_component(svg).into();
    img.set_src(&format!("data:image/svg+xml;charset=utf-8,{encoded}"));
}

/// What a download button of the share bar makes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Download {
    /// The graph as drawn, PNG at 2×.
    GraphPng,
    /// The graph as drawn, SVG.
    GraphSvg,
    /// The visible countries' table, CSV.
    Visible,
    /// The visible countries' table, JSON.
    VisibleJson,
    /// The whole dataset, JSON.
    Dataset,
    /// All memberships, CSV.
    Memberships,
    /// All partnerships, CSV.
    Partnerships,
    /// All sources, CSV.
    Sources,
    /// All actors, CSV.
    Actors,
}

/// Makes the file `what` names and starts its download; `status` says that
/// it started, or why it did not. Called through `later::download`.
pub fn make_download(
    what: Download,
    state: AppState,
    scene: Option<StoredValue<AppScene, LocalStorage>>,
    status: RwSignal<String>,
) {
    let report = move |r: Result<(), ExportError>| {
        status.set(match r {
            Ok(()) => "Download started.".into(),
            Err(e) => format!("The download failed: {e}."),
        })
    };
    let ds = state.ds();
    let at = state
        .view
        .with_untracked(|v| v.filters.as_of.unwrap_or(ds.as_of));
    let file = |stem: &str, ext: &str, text: &str| download_text(&ds, stem, ext, text);
    let visible = "visible-countries";
    let started = match what {
        Download::GraphPng => {
            return match scene.and_then(|s| graph_svg(&state, s)) {
                Some((svg, w, h)) => {
                    svg_to_png_download(&svg, w, h, export::file_name("graph", &ds, "png"), report)
                }
                None => report(Err(ExportError::NoGraph)),
            };
        }
        Download::GraphSvg => match scene.and_then(|s| graph_svg(&state, s)) {
            Some((svg, _, _)) => file("graph", "svg", &svg),
            None => Err(ExportError::NoGraph),
        },
        Download::Dataset => file("dataset", "json", &export::dataset_json(&ds)),
        Download::Memberships => file("memberships", "csv", &export::memberships_csv(&ds)),
        Download::Partnerships => file("partnerships", "csv", &export::partnerships_csv(&ds)),
        Download::Sources => file("sources", "csv", &export::sources_csv(&ds)),
        Download::Actors => file("actors", "csv", &export::actors_csv(&ds)),
        Download::Visible | Download::VisibleJson => {
            let g = state.graph.get_untracked();
            let regions = state.view.with_untracked(|v| v.filters.regions.clone());
            if what == Download::VisibleJson {
                file(
                    visible,
                    "json",
                    &export::countries_table_json(&ds, &g, at, &regions),
                )
            } else {
                file(
                    visible,
                    "csv",
                    &export::countries_table_csv(&ds, &g, at, &regions),
                )
            }
        }
    };
    report(started);
}

/// Copy link, share, embed, cite and download.
#[component]
pub fn ShareBar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let status = RwSignal::new(String::new());
    let dialog = NodeRef::<Dialog>::new();
    let copy = move |what: &'static str, text: String| {
        wasm_bindgen_futures::spawn_local(async move {
            let ok = copy_text(&text).await;
            status.set(if ok {
                format!("{what} copied.")
            } else {
                format!("Copy failed; select the text: {text}")
            });
        });
    };
    let can_share = window()
        .and_then(|w| js_sys::Reflect::get(&w.navigator(), &"share".into()).ok())
        .is_some_and(|f| f.is_function());
    let share = move |_| {
        let Some(w) = window() else { return };
        let nav = w.navigator();
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(
            &data,
            &"title".into(),
            &"Artemis Accords vs ILRS — Space Alliances".into(),
        );
        let _ = js_sys::Reflect::set(&data, &"url".into(), &permalink(&state, false).into());
        if let Ok(f) = js_sys::Reflect::get(&nav, &"share".into())
            .and_then(|f| f.dyn_into::<js_sys::Function>())
        {
            let _ = f.call1(&nav, &data);
        }
    };
    let snippet = move || {
        let src = permalink(&state, true);
        let script = format!(
            "{}embed.js",
            base_url()
                .rsplit_once('/')
                .map_or(String::new(), |(b, _)| format!("{b}/"))
        );
        format!(
            "<iframe src=\"{}\" title=\"Artemis Accords vs ILRS — Space Alliances\" style=\"width:100%;border:0\" height=\"800\" loading=\"lazy\"></iframe>\n<script src=\"{}\" async></script>",
            src.replace('&', "&amp;"),
            script
        )
    };
    let embed_text = RwSignal::new(String::new());
    let open_embed = move |_| {
        embed_text.set(snippet());
        if let Some(d) = dialog.get_untracked() {
            let _ = d.show_modal();
        }
    };
    let close_embed = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let cite_text = move || {
        state.view.track();
        export::citation(&state.ds(), &permalink(&state, false), today())
    };
    // A download button: the file is made by code fetched when first
    // needed (src/app/later.rs); the scene is looked up here, where the
    // component's context is.
    let dl = move |what: Download| {
        move |_| {
            let scene = use_context::<StoredValue<AppScene, LocalStorage>>();
            later::start_download(what, state, scene, status);
        }
    };
    view! {
        <div class="share">
            <div class="share-actions" role="group" aria-label="Share">
                <button type="button" on:click=move |_| copy("Link", permalink(&state, false))>"Copy link"</button>
                {can_share.then(|| view! { <button type="button" on:click=share>"Share…"</button> })}
                <button type="button" on:click=open_embed>"Embed"</button>
                <button type="button" on:click=move |_| copy("Citation", cite_text())>"Cite this view"</button>
            </div>
            <div class="downloads" role="group" aria-label="Download data">
                <span>"Download: "</span>
                <button type="button" on:click=dl(Download::GraphPng)>"Graph (PNG)"</button>
                <button type="button" on:click=dl(Download::GraphSvg)>"Graph (SVG)"</button>
                <button type="button" on:click=dl(Download::Visible)>"Visible countries (CSV)"</button>
                <button type="button" on:click=dl(Download::VisibleJson)>"Visible countries (JSON)"</button>
                <button type="button" on:click=dl(Download::Dataset)>"Full dataset (JSON)"</button>
                <button type="button" on:click=dl(Download::Memberships)>"Memberships (CSV)"</button>
                <button type="button" on:click=dl(Download::Partnerships)>"Partnerships (CSV)"</button>
                <button type="button" on:click=dl(Download::Sources)>"Sources (CSV)"</button>
                <button type="button" on:click=dl(Download::Actors)>"Actors (CSV)"</button>
            </div>
            <p class="cite"><span class="visually-hidden">"Citation: "</span>{cite_text}</p>
            <p class="status" role="status">{move || status.get()}</p>
            <dialog node_ref=dialog aria-labelledby="embed-title" class="embed-dialog">
                <h2 id="embed-title">"Embed this view"</h2>
                <p>"Paste this into your page. The iframe fills the width; with the script, its height follows the content."</p>
                <label for="embed-code">"Embed code"</label>
                <textarea id="embed-code" readonly rows="5" prop:value=move || embed_text.get()></textarea>
                <div class="dialog-actions">
                    <button type="button" on:click=move |_| copy("Embed code", embed_text.get_untracked())>"Copy code"</button>
                    <button type="button" on:click=close_embed>"Close"</button>
                </div>
            </dialog>
        </div>
    }
}
