//! The "As of" timeline: a month slider from October 2020 to the data's
//! as-of date, an editable date, and Play/Pause that grows both coalitions
//! month by month. Dragging and playing replace the history entry; the
//! first step of a drag or a play pushes one, so Back undoes the whole move.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::prelude::*;

use crate::app::browser::Interval;
use crate::app::{AppState, History};
use crate::model::date::Date;
use crate::view::timeline::Months;
use crate::view::url::EARLIEST;

/// The timeline control.
#[component]
pub fn Timeline() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ds = state.ds();
    let months = Months::new(EARLIEST, ds.as_of);
    let (first, last, data_as_of) = (months.first, months.last, ds.as_of);
    // The slider's month, from the view state.
    let month = move || state.view.with(|v| months.month_of(v.filters.as_of));
    let date_of = move |m: i32| months.date_of(m);
    let dragging = Rc::new(Cell::new(false));
    let set_month = {
        let dragging = dragging.clone();
        move |m: i32, continuous: bool| {
            let mode = if continuous && dragging.replace(true) {
                History::Replace
            } else {
                History::Push
            };
            state.change(mode, |v| v.filters.as_of = date_of(m));
        }
    };

    let playing = RwSignal::new(false);
    // The running interval, owning its callback: dropped (stopped and freed)
    // on stop, on the next Play and on cleanup.
    let timer: Rc<RefCell<Option<Interval>>> = Rc::new(RefCell::new(None));
    let stop = {
        let timer = timer.clone();
        move || {
            timer.borrow_mut().take();
            playing.set(false);
        }
    };
    let play = {
        let (timer, stop) = (timer.clone(), stop.clone());
        move || {
            stop();
            let start = months.play_from(state.view.with_untracked(|v| v.filters.as_of));
            state.change(History::Push, |v| v.filters.as_of = date_of(start));
            playing.set(true);
            // At the end the tick only stops its interval: a callback cannot
            // be dropped while it runs; the next Play or the cleanup drops it.
            let finish = {
                let timer = timer.clone();
                move || {
                    if let Some(t) = timer.borrow().as_ref() {
                        t.stop();
                    }
                    playing.set(false);
                }
            };
            *timer.borrow_mut() = Interval::start(700, move || {
                let (next, end) = months.play_step(state.view.with_untracked(|v| v.filters.as_of));
                state.change(History::Replace, |v| v.filters.as_of = next);
                if end {
                    finish();
                }
            });
        }
    };
    let toggle = {
        let (play, stop) = (play.clone(), stop.clone());
        move |_| {
            if playing.get_untracked() {
                stop()
            } else {
                play()
            }
        }
    };
    on_cleanup({
        let stop = send_wrapper::SendWrapper::new(stop.clone());
        move || (*stop)()
    });
    let on_input = {
        let (set_month, stop) = (set_month.clone(), stop.clone());
        move |ev: web_sys::Event| {
            // The reader takes the timeline over: Play stops.
            stop();
            if let Ok(m) = event_target_value(&ev).parse::<i32>() {
                set_month(m, true);
            }
        }
    };
    let on_change = {
        let dragging = dragging.clone();
        move |_| dragging.set(false)
    };
    let date_text = move || {
        state
            .view
            .with(|v| v.filters.as_of.unwrap_or(data_as_of))
            .to_string()
    };
    let date_error = RwSignal::new(None::<String>);
    let on_date = move |ev: web_sys::Event| {
        let text = event_target_value(&ev);
        match Date::parse(&text) {
            Ok(d) if d >= EARLIEST && d <= data_as_of => {
                date_error.set(None);
                state.change(History::Push, |v| {
                    v.filters.as_of = if d == data_as_of { None } else { Some(d) }
                });
            }
            Ok(_) => date_error.set(Some(format!(
                "Pick a date between {} and {}.",
                EARLIEST, data_as_of
            ))),
            Err(e) => date_error.set(Some(e.to_string())),
        }
    };
    // The compare-with date: empty to stop comparing; it must come before
    // the as-of date.
    let from_error = RwSignal::new(None::<String>);
    let on_from = move |ev: web_sys::Event| {
        let text = event_target_value(&ev);
        let to = state
            .view
            .with_untracked(|v| v.filters.as_of.unwrap_or(data_as_of));
        if text.trim().is_empty() {
            from_error.set(None);
            return state.change(History::Push, crate::view::url::ViewState::stop_comparing);
        }
        match Date::parse(&text) {
            Ok(d) if crate::view::url::window_starts(d, to) => {
                from_error.set(None);
                state.change(History::Push, |v| v.from = Some(d));
            }
            Ok(_) => from_error.set(Some(format!(
                "Pick a date between {EARLIEST} and the as-of date ({to})."
            ))),
            Err(e) => from_error.set(Some(e.to_string())),
        }
    };
    // Presets: one choice sets the window (and, for a calendar year, the
    // as-of date) in one history step, so the link reopens it.
    let presets = crate::charts::change::Preset::all(&ds);
    let current_preset = move || {
        state.view.with(|v| {
            crate::charts::change::Preset::current(&state.ds(), v.from, v.filters.as_of)
                .map(|p| p.id())
                .unwrap_or_default()
        })
    };
    // Each option says whether it is the current one: a select's value set
    // before its options exist would not stick.
    let preset_options = presets
        .iter()
        .map(|p| {
            let id = p.id();
            let on = id.clone();
            view! { <option value=id prop:selected=move || current_preset() == on>{p.label(&ds)}</option> }
        })
        .collect_view();
    let on_preset = move |ev: web_sys::Event| {
        let Some(p) = crate::charts::change::Preset::parse(&event_target_value(&ev)) else {
            return;
        };
        let as_of = state.view.with_untracked(|v| v.filters.as_of);
        match p.window(&state.ds(), as_of) {
            Some((from, as_of)) => {
                from_error.set(None);
                state.change(History::Push, |v| {
                    v.from = Some(from);
                    v.filters.as_of = as_of;
                });
            }
            None => from_error.set(Some(format!(
                "{} has no window before the as-of date.",
                p.label(&state.ds())
            ))),
        }
    };
    view! {
        <div class="timeline" role="group" aria-label="Timeline">
            <button type="button" class="play" on:click=toggle aria-pressed=move || playing.get().to_string()>
                {move || if playing.get() { "❚❚ Pause" } else { "▶ Play" }}
            </button>
            <label for="as-of-slider" class="as-of-label">"As of"</label>
            <input id="as-of-slider" type="range" min=first max=last step="1"
                aria-valuetext=move || date_of(month()).unwrap_or(data_as_of).human()
                prop:value=move || month().to_string()
                on:input=on_input on:change=on_change/>
            <label class="visually-hidden" for="as-of-date">"As of date"</label>
            <input id="as-of-date" class="as-of-date" type="text" inputmode="numeric" size="10"
                prop:value=date_text on:change=on_date
                // Typing a date while playing: Play stops, so the next
                // month does not overwrite what is being typed.
                on:focus={ let stop = stop.clone(); move |_| stop() }
                aria-describedby="as-of-error"/>
            <span id="as-of-error" class="field-error" role="alert">{move || date_error.get()}</span>
            <label for="from-date" class="from-label">"Compare with"</label>
            <input id="from-date" class="as-of-date" type="text" inputmode="numeric" size="10" placeholder="YYYY-MM"
                prop:value=move || state.view.with(|v| v.from.map(|d| d.to_string()).unwrap_or_default())
                on:change=on_from aria-describedby="from-error"/>
            <label for="from-preset" class="visually-hidden">"Compare preset"</label>
            <select id="from-preset" class="from-preset" on:change=on_preset>
                <option value="" prop:selected=move || current_preset().is_empty()>"Preset…"</option>
                {preset_options}
            </select>
            <span id="from-error" class="field-error" role="alert">{move || from_error.get()}</span>
        </div>
    }
}
