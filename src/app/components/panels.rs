//! Toolbar, search, legend and summary: small components over [`AppState`].

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::canvas_host::AppScene;
use crate::app::{AppState, History};
use crate::graph::facts::Alignment;
use crate::layout::LayoutKind;
use crate::model::{ActorKind, FrameworkId, PartnershipKind};
use crate::render::palette;
use crate::view::search;

/// The search box: a combobox with suggestions by name, ISO code or alias.
#[component]
pub fn SearchBox() -> impl IntoView {
    let state = expect_context::<AppState>();
    let handle = expect_context::<StoredValue<AppScene, LocalStorage>>().get_value();
    // The search text is part of the view state (`q=` in the URL).
    let query = Memo::new(move |_| state.view.with(|v| v.search.clone()));
    let set_query = move |text: String| state.change(History::Replace, |v| v.search = text);
    let active = RwSignal::new(0usize);
    let open = RwSignal::new(false);
    // Computed once per change of text or graph: the list suggests the
    // first eight, and the graph rings them all.
    let all = Memo::new(move |_| {
        state.graph.track();
        query.with(|q| search::suggestions(&state.ds(), &state.graph.get_untracked(), q))
    });
    let list = Memo::new(move |_| all.with(|m| m.iter().take(8).cloned().collect::<Vec<_>>()));
    // Every node matching the text is ringed in the graph (agencies lead to
    // their country, as in the suggestions).
    Effect::new(move |_| {
        let hits = all.with(|m| crate::sort::set_of(m.iter().map(|(id, _)| id.clone())));
        handle.update(|s| s.set_matches(hits));
    });
    let choose = move |id: String| {
        open.set(false);
        state.change(History::Push, |v| {
            v.selected = Some(id.clone());
            v.search.clear();
        });
        state.zoom_to.set(Some(id));
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        let n = list.with(Vec::len);
        match ev.key().as_str() {
            "ArrowDown" if n > 0 => {
                ev.prevent_default();
                open.set(true);
                active.update(|a| *a = (*a + 1) % n);
            }
            "ArrowUp" if n > 0 => {
                ev.prevent_default();
                active.update(|a| *a = (*a + n - 1) % n);
            }
            "Enter" => {
                ev.prevent_default();
                if let Some((id, _)) = list.with(|l| l.get(active.get_untracked()).cloned()) {
                    choose(id);
                }
            }
            "Escape" => open.set(false),
            _ => {}
        }
    };
    view! {
        <div class="search">
            <label for="search-input" class="visually-hidden">"Search"</label>
            <input
                id="search-input"
                type="search"
                role="combobox"
                autocomplete="off"
                placeholder="Country, agency or ISO code"
                aria-autocomplete="list"
                aria-controls="search-list"
                aria-expanded=move || (open.get() && !list.with(Vec::is_empty)).to_string()
                aria-activedescendant=move || list.with(|l| l.get(active.get()).map(|(id, _)| format!("sugg-{id}")))
                prop:value=move || query.get()
                on:input=move |ev| {
                    set_query(event_target_value(&ev));
                    active.set(0);
                    open.set(true);
                }
                on:keydown=on_key
                // A selection is likely next: its sources are fetched now.
                on:focus=move |_| state.prefetch_sources()
                on:blur=move |_| open.set(false)
            />
            <ul id="search-list" role="listbox" aria-label="Suggestions" class="suggestions" hidden=move || !open.get() || list.with(Vec::is_empty)>
                {move || list.get().into_iter().enumerate().map(|(k, (id, label))| {
                    let pick = id.clone();
                    view! {
                        <li
                            role="option"
                            id=format!("sugg-{id}")
                            aria-selected=move || (active.get() == k).to_string()
                            on:mousedown=move |ev| { ev.prevent_default(); choose(pick.clone()); }
                        >{label}</li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// Layout switcher, zoom buttons and display options.
#[component]
pub fn Toolbar() -> impl IntoView {
    let state = expect_context::<AppState>();
    let handle = expect_context::<StoredValue<AppScene, LocalStorage>>().get_value();
    let handle_fit = handle.clone();
    let handle_europe = handle.clone();
    let zoom = move |factor: f32| {
        let handle = handle.clone();
        move |_| {
            handle.update(|s| {
                s.steer(s.camera.zoom_at([s.width / 2.0, s.height / 2.0], factor));
            });
        }
    };
    view! {
        <div class="toolbar">
            <fieldset class="layouts">
                <legend>"Layout"</legend>
                {LayoutKind::ALL.iter().map(|&k| view! {
                    <label>
                        <input type="radio" name="layout" value=k.id()
                            prop:checked=move || state.layout() == k
                            on:change=move |_| state.change(History::Push, |v| {
                                // A camera zoomed into one layout shows an
                                // arbitrary patch (or nothing) of another.
                                v.layout = k;
                                v.view = None;
                            })/>
                        {k.label()}
                    </label>
                }).collect_view()}
            </fieldset>
            <div class="zoom" role="group" aria-label="Zoom">
                <button type="button" on:click=zoom(1.25) aria-label="Zoom in">"+"</button>
                <button type="button" on:click=zoom(0.8) aria-label="Zoom out">"−"</button>
                <button type="button" on:click=move |_| {
                    handle_fit.update(|s| s.reset_view());
                }>"Fit"</button>
                <button type="button" on:click=move |_| state.change(History::Push, |v| {
                    // Back to the default view, keeping embed mode and the date.
                    let keep = (v.embed, v.filters.as_of);
                    *v = crate::view::url::ViewState { embed: keep.0, ..Default::default() };
                    v.filters.as_of = keep.1;
                })>"Reset view"</button>
            </div>
            // Thirty-odd European states share a thumbnail of the world
            // map: one press shows them at a readable size.
            <button type="button" hidden=move || state.layout() != LayoutKind::Geographic
                on:click=move |_| {
                    handle_europe.update(|s| {
                        // Iceland to Cyprus, with room for their labels.
                        let [x0, y1] = crate::layout::world::project(-26.0, 33.0);
                        let [x1, y0] = crate::layout::world::project(40.0, 68.0);
                        s.steer(crate::view::camera::Camera::fit([x0, y0, x1, y1], s.width, s.height, 12.0));
                    });
                }>"Zoom to Europe"</button>
            {move || (state.layout() == LayoutKind::Alignment).then(|| view! {
                <label class="pick">"Group by "
                    <select on:change=move |ev| {
                        if let Some(o) = crate::layout::Order::parse(&event_target_value(&ev)) {
                            state.change(History::Push, |v| v.order = o);
                        }
                    }>
                        {crate::layout::Order::ALL.iter().map(|&o| view! {
                            <option value=o.id() selected=move || state.view.with(|v| v.order == o)>{o.label()}</option>
                        }).collect_view()}
                    </select>
                </label>
            })}
            <label class="pick">"Colour by "
                <select on:change=move |ev| {
                    let lean = event_target_value(&ev) == "lean";
                    state.change(History::Push, |v| v.colour_by_lean = lean);
                }>
                    <option value="membership" selected=move || state.view.with(|v| !v.colour_by_lean)>"Membership"</option>
                    <option value="lean" selected=move || state.view.with(|v| v.colour_by_lean)>"Lean"</option>
                </select>
            </label>
            <FilterToggle label="Show agencies separately" get=|f| f.show_bodies set=|f, on| f.show_bodies = on/>
            <RegionFilter/>
            <FilterToggle label="Hide unverified" get=|f| f.hide_unverified set=|f, on| f.hide_unverified = on/>
        </div>
    }
}

/// The legend: every entry also toggles what it names.
#[component]
pub fn Legend() -> impl IntoView {
    let state = expect_context::<AppState>();
    let alignment_items = Alignment::ALL.iter().map(|&a| {
        // Coloured by the stylesheet (`.al-*`, the palette's colours in both
        // themes), so the markup needs no inline style: the page baked at
        // build time carries it under a strict CSP.
        let class = format!(
            "swatch dot al-{}{}",
            a.id(),
            if a == Alignment::Ilrs { " ring" } else { "" }
        );
        let shown = move || !state.filters(|f| f.hidden_alignments.contains(&a));
        view! {
            <li><button type="button" class="legend-item" tabindex="-1" aria-pressed=move || shown().to_string()
                on:click=move |_| state.update_filters(|f| { if !f.hidden_alignments.remove(&a) { f.hidden_alignments.insert(a); } })>
                <span class=class></span>{a.label()}
            </button></li>
        }
    }).collect_view();
    let framework_items = FrameworkId::ALL.iter().map(|&fw| {
        let shown = move || !state.filters(|f| f.hidden_frameworks.contains(&fw));
        view! {
            <li><button type="button" class="legend-item" tabindex="-1" aria-pressed=move || shown().to_string()
                on:click=move |_| state.update_filters(|f| { if !f.hidden_frameworks.remove(&fw) { f.hidden_frameworks.insert(fw); } })>
                <span class="swatch hub"></span>{fw.label()}
            </button></li>
        }
    }).collect_view();
    let kind_items = [ActorKind::Country, ActorKind::Agency, ActorKind::Organization, ActorKind::Institution, ActorKind::Company]
        .iter()
        .map(|&k| {
            let shown = move || !state.filters(|f| f.hidden_kinds.contains(&k));
            view! {
                <li><button type="button" class="legend-item" tabindex="-1" aria-pressed=move || shown().to_string()
                    on:click=move |_| state.update_filters(|f| { if !f.hidden_kinds.remove(&k) { f.hidden_kinds.insert(k); } })>
                    <span class=format!("swatch shape-{}", k.id())></span>{k.label()}
                </button></li>
            }
        })
        .collect_view();
    let edge_items = PartnershipKind::ALL.iter().map(|&k| {
        // Coloured by the stylesheet (`.tie-*`), as the alignments are.
        let class = format!("swatch line tie-{}", k.id());
        // The same dash pattern as the canvas draws (thicker, to read at legend size).
        let dash = palette::dash_list(palette::dash(k));
        let shown = move || !state.filters(|f| f.hidden_partnerships.contains(&k));
        view! {
            <li><button type="button" class="legend-item" tabindex="-1" aria-pressed=move || shown().to_string()
                on:click=move |_| state.update_filters(|f| { if !f.hidden_partnerships.remove(&k) { f.hidden_partnerships.insert(k); } })>
                <svg class=class viewBox="0 0 28 8" aria-hidden="true">
                    <line x1="0" y1="4" x2="28" y2="4" stroke="currentColor" stroke-width="2.5" stroke-dasharray=dash/>
                </svg>{k.label()}
            </button></li>
        }
    }).collect_view();
    // A memo: the change entry is rebuilt when the window starts elsewhere,
    // not on every change of the view.
    let compare_from = Memo::new(move |_| state.view.with(|v| v.from));
    let entries = NodeRef::<leptos::html::Div>::new();
    let buttons = move || -> Vec<web_sys::HtmlElement> {
        let Some(root) = entries.get_untracked() else {
            return Vec::new();
        };
        let Ok(list) = root.query_selector_all(".legend-item") else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
            .collect()
    };
    // The entry that has (or last had) focus is the one Tab reaches.
    let roving = move |current: Option<&web_sys::HtmlElement>| {
        let all = buttons();
        let at = current
            .and_then(|c| all.iter().position(|b| b == c))
            .unwrap_or(0);
        for (i, b) in all.iter().enumerate() {
            let _ = b.set_attribute("tabindex", if i == at { "0" } else { "-1" });
        }
    };
    entries.on_load(move |_| roving(None));
    let legend_focus = move |ev: web_sys::FocusEvent| {
        let target = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok());
        roving(target.as_ref());
    };
    let legend_keys = move |ev: web_sys::KeyboardEvent| {
        let all = buttons();
        let Some(at) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
            .and_then(|t| all.iter().position(|b| *b == t))
        else {
            return;
        };
        let next = match ev.key().as_str() {
            "ArrowDown" | "ArrowRight" => (at + 1) % all.len(),
            "ArrowUp" | "ArrowLeft" => (at + all.len() - 1) % all.len(),
            "Home" => 0,
            "End" => all.len() - 1,
            _ => return,
        };
        ev.prevent_default();
        let _ = all[next].focus();
    };
    view! {
        // Compact in embeds: collapsed until the reader opens it.
        <details class="legend" open=!state.view.with_untracked(|v| v.embed)>
            <summary>"Legend"<span class="visually-hidden">" (each entry shows or hides what it names)"</span></summary>
            // First while it decides the nodes' colours.
            <super::lean_view::LeanLegend/>
            // One tab stop for all its entries (a toolbar with a roving
            // tabindex): Tab passes it, arrow keys, Home and End move within.
            <div role="toolbar" aria-label="Legend entries" aria-orientation="vertical" class="legend-entries"
                on:keydown=legend_keys on:focusin=legend_focus node_ref=entries>
                <div><h2>"Alignment"</h2><ul>{alignment_items}</ul></div>
                <div><h2>"Frameworks"</h2><ul>{framework_items}</ul></div>
                <div><h2>"Actors"</h2><ul>{kind_items}</ul></div>
                <div><h2>"Bilateral ties"</h2><ul>{edge_items}</ul></div>
            </div>
            // The change view's marks: what each means, and one switch for
            // all of them (`marks=off` in the link).
            {move || compare_from.get().map(|from| {
                let dark = state.dark;
                let green = move || palette::change(dark.get()).hex();
                let shown = move || !state.view.with(|v| v.hide_marks);
                // Each mark is explained; one this window has none of says so.
                let (new, changed, ties) = state.changes.with(|c| {
                    c.as_ref().map_or((0, 0, 0), |c| (c.joined.len() + c.entered_both.len(), c.upgraded.len(), c.ties.len()))
                });
                let none = |n: usize| if n == 0 { " — none in this window" } else { "" };
                view! {
                    <div class="legend-change" role="group" aria-labelledby="legend-change-title">
                        <h2 id="legend-change-title">{format!("Changes since {}", from.human())}</h2>
                        <ul class="legend-change-keys">
                            <li><span class="swatch change-ring" style:border-color=green></span>{format!("New member (ring){}", none(new))}</li>
                            <li><span class="swatch change-ring double" style:border-color=green></span>{format!("Status changed, e.g. intent to member (double ring){}", none(changed))}</li>
                            <li><svg class="swatch line" viewBox="0 0 28 8" aria-hidden="true">
                                <line x1="0" y1="4" x2="28" y2="4" stroke=green stroke-width="6" stroke-opacity="0.45"/>
                            </svg>{format!("New tie (green band){}", none(ties))}</li>
                        </ul>
                        <button type="button" class="marks-toggle" aria-pressed=move || shown().to_string()
                            on:click=move |_| state.change(History::Push, |v| v.hide_marks = !v.hide_marks)>
                            {move || if shown() { "Marks on the graph: shown" } else { "Marks on the graph: hidden" }}
                        </button>
                        <p class="legend-note">"The data records no end dates: ties that ended and withdrawals from a framework are not recorded, so none is marked. See What changed for the list."</p>
                    </div>
                }
            })}
            <p class="legend-note">"Nodes — solid: Artemis only; light centre: ILRS only; split: both camps; grey: neither. Line to a hub — solid: the state joined; dashed: only an agency, institution or company did; dotted: reported or intended only. Click an entry to hide or show it."</p>
        </details>
    }
}

/// A text summary of the coalitions at the current date.
#[component]
pub fn Summary() -> impl IntoView {
    let state = expect_context::<AppState>();
    // A memo: shown and announced, computed once per date and filter change.
    let filters = Memo::new(move |_| state.view.with(|v| v.filters.clone()));
    let text =
        Memo::new(move |_| filters.with(|f| crate::charts::compare::summary(&state.ds(), f)));
    // Announced to screen readers once the date has been still for 1.5 s:
    // Play and slider drags change it several times a second.
    let announced = RwSignal::new(String::new());
    let pending = crate::app::browser::Debounce::default();
    {
        let pending = pending.clone();
        Effect::new(move |first: Option<()>| {
            let t = text.get();
            if first.is_some() {
                pending.call(1500, move || announced.set(t));
            }
        });
    }
    let pending = send_wrapper::SendWrapper::new(pending);
    on_cleanup(move || pending.cancel());
    view! {
        <p class="summary">{text}</p>
        <p class="visually-hidden" aria-live="polite">{move || announced.get()}</p>
    }
}

/// A checkbox for one on/off filter: `get` reads it, `set` writes it.
#[component]
fn FilterToggle(
    label: &'static str,
    get: fn(&crate::graph::Filters) -> bool,
    set: fn(&mut crate::graph::Filters, bool),
) -> impl IntoView {
    let state = expect_context::<AppState>();
    view! {
        <label class="check">
            <input type="checkbox"
                prop:checked=move || state.filters(get)
                on:change=move |ev| { let on = event_target_checked(&ev); state.update_filters(|f| set(f, on)); }/>
            {label}
        </label>
    }
}

/// Region and subregion filter: checkboxes grouped by UN M49 region.
#[component]
pub fn RegionFilter() -> impl IntoView {
    let state = expect_context::<AppState>();
    let ds = state.ds();
    let tree = crate::graph::region_tree(&ds);
    let toggle = move |name: String| {
        move |_| {
            state.update_filters(|f| {
                if !f.regions.remove(&name) {
                    f.regions.insert(name.clone());
                }
            })
        }
    };
    let chosen = move || state.filters(|f| crate::graph::regions_label(&f.regions));
    view! {
        <details class="regions">
            <summary>{chosen}</summary>
            <div class="region-list">
                {tree.into_iter().map(|(region, subs)| {
                    let r = region.clone();
                    view! {
                        <fieldset>
                            <legend>
                                <label><input type="checkbox"
                                    prop:checked={ let r = r.clone(); move || state.filters(|f| f.regions.contains(&r)) }
                                    on:change=toggle(r.clone())/>{region.clone()}</label>
                            </legend>
                            {subs.into_iter().map(|sub| {
                                let s2 = sub.clone();
                                view! {
                                    <label><input type="checkbox"
                                        prop:checked=move || state.filters(|f| f.regions.contains(&s2))
                                        on:change=toggle(sub.clone())/>{sub.clone()}</label>
                                }
                            }).collect_view()}
                        </fieldset>
                    }
                }).collect_view()}
            </div>
        </details>
    }
}

/// What is filtered, in words, with a button to clear it.
#[component]
pub fn FilterSummary() -> impl IntoView {
    let state = expect_context::<AppState>();
    let parts = move || state.filters(|f| f.describe());
    move || {
        let p = parts();
        (!p.is_empty()).then(|| {
            view! {
                <div class="filter-summary" role="status">
                    // Cut to the row's width on screen; the full text is in the title.
                    <span title=format!("Filtered: {}.", p.join("; "))>{format!("Filtered: {}.", p.join("; "))}</span>
                    <button type="button" on:click=move |_| state.update_filters(|f| {
                        *f = crate::graph::Filters { as_of: f.as_of, show_bodies: f.show_bodies, ..Default::default() };
                    })>"Clear filters"</button>
                </div>
            }
        })
    }
}
