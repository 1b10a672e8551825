//! The app's side of the embed protocol (`crate::view::embed`): it listens
//! to its parent window only, reads each message into a typed
//! [`HostMessage`] with serde-wasm-bindgen (anything else is ignored with a
//! console warning), shows the view asked for through the same parser as a
//! link, and tells the parent when it is ready, when the view changes and
//! how tall its content is.

use leptos::prelude::*;
use serde::Serialize as _;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

use super::{AppState, History};
use crate::view::embed::{AppMessage, HostMessage, PROTOCOL, Rejected};
use crate::view::url::{self, ViewState};

/// The parent window, when the app runs in a frame.
fn parent() -> Option<web_sys::Window> {
    let w = web_sys::window()?;
    let p = w.parent().ok().flatten()?;
    (p != w).then_some(p)
}

/// Sends a message to the parent window, if there is one.
pub fn post(msg: &AppMessage) {
    let Some(p) = parent() else { return };
    // Plain objects, `null` for none: what a host page's script expects.
    let ser = serde_wasm_bindgen::Serializer::json_compatible();
    if let Ok(v) = msg.serialize(&ser) {
        // The view is public data and the parent is whoever embeds the app,
        // so any origin may read it.
        let _ = p.post_message(&v, "*");
    }
}

fn warn(why: &Rejected) {
    web_sys::console::warn_1(&JsValue::from_str(&format!(
        "Space Alliances ignored a message: {why}."
    )));
}

/// Listens to the parent, and tells it what the app shows: once ready, on
/// every change of view, and the content's height as it changes.
pub fn connect(state: AppState) {
    let Some(w) = web_sys::window() else { return };
    if parent().is_none() {
        return;
    }
    let on_message =
        Closure::<dyn FnMut(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
            // Compared as JS values: the parent is another realm's window,
            // which `instanceof Window` here does not recognise.
            let from_parent = match (ev.source(), parent()) {
                (Some(s), Some(p)) => JsValue::from(s) == JsValue::from(p),
                _ => false,
            };
            if !from_parent {
                return warn(&Rejected::NotFromParent);
            }
            let msg = serde_wasm_bindgen::from_value::<HostMessage>(ev.data())
                .map_err(|e| Rejected::Shape(e.to_string()))
                .and_then(HostMessage::checked);
            match msg {
                Ok(HostMessage::Sizing { .. }) => super::browser::html_class("embed-fits", false),
                Ok(m) => show(state, &m.query().unwrap_or_default()),
                Err(e) => warn(&e),
            }
        });
    let _ = w.add_event_listener_with_callback("message", on_message.as_ref().unchecked_ref());
    let keep = send_wrapper::SendWrapper::new((w, on_message));
    on_cleanup(move || {
        let (w, cb) = &*keep;
        let _ = w.remove_event_listener_with_callback("message", cb.as_ref().unchecked_ref());
    });

    // Every change of view, as its link (the first run is the ready message).
    Effect::new(move |first: Option<()>| {
        let (query, selected) = state.view.with(|v| (url::to_query(v), v.selected.clone()));
        post(&match first {
            None => AppMessage::Ready {
                protocol: PROTOCOL,
                query,
            },
            Some(()) => AppMessage::ViewChanged {
                protocol: PROTOCOL,
                query,
                selected,
            },
        });
    });

    // The content's own height: the document's scroll height is at least
    // the iframe's, so it could only ever grow.
    if let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    {
        let measured = body.clone();
        let height = move || {
            post(&AppMessage::Height {
                protocol: PROTOCOL,
                height: measured.get_bounding_client_rect().height().ceil(),
            })
        };
        super::browser::observe_resize(&body, height);
    }
}

/// Shows the view a host asked for, read like a link; the embed stays an
/// embed, and what could not be used is said in the notices.
fn show(state: AppState, query: &str) {
    state.open_link(query.to_string(), move |view, notices| {
        let embed = state.view.with_untracked(|v| v.embed);
        state.notices.set(notices);
        state.change(History::Replace, |v| *v = ViewState { embed, ..view });
    });
}
