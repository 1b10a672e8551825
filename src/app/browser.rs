//! The app's browser plumbing, in one small module: the clock, media
//! queries (and following one), a trailing debounce and an interval, each
//! releasing what it holds when dropped or cleaned up.
//!
//! Why not leptos-use: measured on this app (release build, brotli), its
//! `use_preferred_dark`, `use_interval_fn`, `use_debounce_fn`,
//! `use_resize_observer` and `use_raf_fn` in place of this module added
//! 12.2 KB of wasm and 0.3 KB of JS (+3.5 %) and 36 crates; this module is a
//! few hundred bytes.

use std::cell::Cell;
use std::rc::Rc;

use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen::prelude::*;

/// Milliseconds since the page started (`performance.now()`).
pub fn now() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

/// Whether a CSS media query matches now.
pub fn media(query: &str) -> bool {
    web_sys::window()
        .and_then(|w| w.match_media(query).ok().flatten())
        .is_some_and(|m| m.matches())
}

/// Keeps `signal` equal to whether `query` matches, as the system changes
/// (e.g. dark mode at sunset); the listener goes with the owner's cleanup.
pub fn follow_media(query: &str, signal: RwSignal<bool>) {
    let Some(mq) = web_sys::window().and_then(|w| w.match_media(query).ok().flatten()) else {
        return;
    };
    signal.set(mq.matches());
    let on_change = Closure::<dyn Fn(web_sys::MediaQueryListEvent)>::new(
        move |ev: web_sys::MediaQueryListEvent| signal.set(ev.matches()),
    );
    let _ = mq.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    let keep = send_wrapper::SendWrapper::new((mq, on_change));
    on_cleanup(move || {
        let (mq, on_change) = &*keep;
        let _ =
            mq.remove_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
    });
}

/// A trailing debounce: [`Debounce::call`] runs its function `ms` after the
/// last call, each call cancelling the one pending. Clones share the timer.
#[derive(Clone, Default)]
pub struct Debounce(Rc<Cell<Option<i32>>>);

impl Debounce {
    /// Runs `f` in `ms` milliseconds unless called again before.
    pub fn call(&self, ms: i32, f: impl FnOnce() + 'static) {
        let Some(w) = web_sys::window() else { return };
        self.cancel();
        let pending = self.0.clone();
        let cb = Closure::once_into_js(move || {
            pending.set(None);
            f();
        });
        if let Ok(id) =
            w.set_timeout_with_callback_and_timeout_and_arguments_0(cb.unchecked_ref(), ms)
        {
            self.0.set(Some(id));
        }
    }

    /// Drops the pending call, if any.
    pub fn cancel(&self) {
        if let (Some(id), Some(w)) = (self.0.take(), web_sys::window()) {
            w.clear_timeout_with_handle(id);
        }
    }
}

/// A running `setInterval` and its callback, owned together: dropping it
/// stops the timer and frees the callback (none is leaked per start).
pub struct Interval {
    id: i32,
    _tick: Closure<dyn FnMut()>,
}

impl Interval {
    /// Calls `tick` every `ms` milliseconds until stopped or dropped.
    pub fn start(ms: i32, tick: impl FnMut() + 'static) -> Option<Interval> {
        let tick = Closure::<dyn FnMut()>::new(tick);
        let id = web_sys::window()?
            .set_interval_with_callback_and_timeout_and_arguments_0(
                tick.as_ref().unchecked_ref(),
                ms,
            )
            .ok()?;
        Some(Interval { id, _tick: tick })
    }

    /// Stops the timer but keeps the callback: for a tick that ends its own
    /// interval (a closure cannot be dropped while it runs).
    pub fn stop(&self) {
        if let Some(w) = web_sys::window() {
            w.clear_interval_with_handle(self.id);
        }
    }
}

impl Drop for Interval {
    fn drop(&mut self) {
        self.stop();
    }
}

/// Calls `f` whenever `el` changes size; the observer and its callback go
/// with the owner's cleanup (views are mounted and unmounted, e.g. tabs).
pub fn observe_resize(el: &web_sys::Element, f: impl FnMut() + 'static) {
    let cb = Closure::<dyn FnMut()>::new(f);
    let Ok(obs) = web_sys::ResizeObserver::new(cb.as_ref().unchecked_ref()) else {
        return;
    };
    obs.observe(el);
    let keep = send_wrapper::SendWrapper::new((obs, cb));
    on_cleanup(move || keep.0.disconnect());
}

/// Listens to `event` on the window until the owner's cleanup.
pub fn on_window(event: &'static str, f: impl FnMut() + 'static) {
    let Some(w) = web_sys::window() else { return };
    let cb = Closure::<dyn FnMut()>::new(f);
    let _ = w.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    let keep = send_wrapper::SendWrapper::new((w, cb));
    on_cleanup(move || {
        let (w, cb) = &*keep;
        let _ = w.remove_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    });
}

/// What a reader did to the baked picture before the app took over.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct BakedInput {
    /// The pan and zoom, as a screen transform `(k, [x, y])`
    /// ([`Camera::then_screen`]); `None` if untouched.
    ///
    /// [`Camera::then_screen`]: crate::view::camera::Camera::then_screen
    pub moved: Option<(f32, [f32; 2])>,
    /// The last click or tap, as its point in the unmoved picture (the
    /// fitted camera's screen), for the app to answer as its canvas would.
    pub click: Option<[f32; 2]>,
}

/// What the reader did to the baked picture ([`BakedInput`]); `None` if
/// nothing, or not baked. The boot script stops following the reader's
/// gestures when this is called (scripts/postbuild.mjs).
pub fn take_baked_input() -> Option<BakedInput> {
    let w = web_sys::window()?;
    let g = js_sys::Reflect::get(&w, &JsValue::from_str("__bakedGesture")).ok()?;
    if g.is_undefined() {
        return None;
    }
    let take: js_sys::Function = js_sys::Reflect::get(&g, &JsValue::from_str("take"))
        .ok()?
        .dyn_into()
        .ok()?;
    let t: js_sys::Array = take.call0(&g).ok()?.dyn_into().ok()?;
    let n = |i| {
        t.get(i)
            .as_f64()
            .filter(|v| v.is_finite())
            .map(|v| v as f32)
    };
    let k = n(0).filter(|k| *k > 0.0)?;
    let t = [n(1)?, n(2)?];
    Some(BakedInput {
        moved: (k != 1.0 || t != [0.0, 0.0]).then_some((k, t)),
        click: n(3).zip(n(4)).map(|(x, y)| [x, y]),
    })
}

/// The live graph has drawn its first frame: the baked page (or the
/// placeholder of another view) goes, and the app, laid out beneath it
/// all along, shows in the same frame.
pub fn remove_first_paint() {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    for id in ["baked", "placeholder"] {
        if let Some(el) = doc.get_element_by_id(id) {
            el.remove();
        }
    }
    html_class("booting", false);
}

/// Resolves in a later task (a zero `setTimeout`), so the browser can
/// handle input and paint before the work after it.
pub async fn next_task() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let later =
            web_sys::window().is_some_and(|w| w.set_timeout_with_callback(&resolve).is_ok());
        if !later {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// Sets or clears a class on the page's root element (`<html>`), where the
/// stylesheet reads the page's states: `booting` until the app's first
/// frame, `embed-fits` while an embed fits its frame rather than its content.
pub fn html_class(name: &str, on: bool) {
    if let Some(html) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    {
        let _ = html.class_list().toggle_with_force(name, on);
    }
}
