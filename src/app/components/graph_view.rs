//! The graph view: the canvas, pointer and keyboard input, and an accessible
//! listbox of the nodes. Its effects turn the view state's signals into
//! changes of the scene; [`crate::app::render_loop`] draws them.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::app::AppState;
use crate::app::browser::{Debounce, media};
use crate::app::canvas_host::{AppScene, option_id};
use crate::app::render_loop::now;
use crate::layout::force::Point;
use crate::view::camera::{self, Camera};
use crate::view::gesture::{Action, Gestures};

/// The graph: canvas, tooltip and accessible node list.
#[component]
pub fn GraphView() -> impl IntoView {
    let state = expect_context::<AppState>();
    let handle = expect_context::<StoredValue<AppScene, LocalStorage>>().get_value();
    let canvas = handle.host().canvas;
    let wrap = NodeRef::<Div>::new();
    let focus_id = RwSignal::new(None::<String>);
    let tooltip = RwSignal::new(None::<(f32, f32, String)>);

    let (view, layout, order) = state.view.with_untracked(|v| (v.view, v.layout, v.order));
    let reduced_motion = media("(prefers-reduced-motion: reduce)");
    handle.update(|s| s.open(view, layout, order, reduced_motion));
    // The canvas follows the system theme when it changes.
    {
        let handle = handle.clone();
        Effect::new(move |_| {
            let dark = state.dark.get();
            handle.update(|s| s.dark = dark);
        });
    }

    // Size the canvas to its box, and keep it so.
    let resize = {
        let handle = handle.clone();
        move || {
            let Some(el) = wrap.try_get_untracked().flatten() else {
                return;
            };
            let rect = el.get_bounding_client_rect();
            let (w, h) = (rect.width() as f32, rect.height() as f32);
            if w < 1.0 || h < 1.0 {
                return;
            }
            let dpr = web_sys::window().map_or(1.0, |w| w.device_pixel_ratio() as f32);
            let ds = state.ds();
            handle.update(|s| s.resize(w, h, dpr, &ds));
        }
    };
    {
        let resize = resize.clone();
        wrap.on_load(move |el| {
            // Released when the view goes away (tests mount and unmount it).
            crate::app::browser::observe_resize(&el, resize.clone());
            // Now, mid-mount, though it lays out a half-built page: the
            // first layout's orientation comes from this box. Measured in a
            // microtask instead, the live canvas came ~30 ms sooner, but a
            // link's layout was computed for the wrong box (the lean e2e
            // "reopen the same picture" test caught it).
            resize();
        });
    }

    // Graph changes (filters, date): warm-started layout, drawn.
    {
        let handle = handle.clone();
        let first = Cell::new(true);
        Effect::new(move |_| {
            let g = state.graph.get();
            let ds = state.ds();
            // Untracked: the graph memo already changes with the filters.
            let (bodies, regional) = state
                .view
                .with_untracked(|v| (v.filters.show_bodies, !v.filters.regions.is_empty()));
            handle.update(|s| {
                s.regional = regional;
                s.set_graph(g, &ds, bodies, first.replace(false), now())
            });
        });
    }
    // Layout switch. Memos, so that only a change of what each effect draws
    // re-runs it: reading the whole view made every pan, zoom or selection
    // restart the force layout.
    let layout_key = Memo::new(move |_| (state.layout(), state.view.with(|v| v.order)));
    let selected = Memo::new(move |_| state.selected());
    let in_story = Memo::new(move |_| state.view.with(|v| v.story.is_some()));
    let url_camera = Memo::new(move |_| state.view.with(|x| x.view));
    {
        let handle = handle.clone();
        Effect::new(move |prev: Option<()>| {
            let (kind, order) = layout_key.get();
            if prev.is_some() {
                let ds = state.ds();
                // The link's camera comes with the layout: none after a switch
                // (fit the new layout), the old one on Back.
                let view = state.view.with_untracked(|v| v.view);
                handle.update(|s| {
                    s.set_view(view);
                    s.set_layout(kind, order, &ds, now());
                });
            }
        });
    }
    // The map's world outlines, fetched the first time the map is shown
    // (a map link has them before the mount): the canvas says `settled`
    // only once they are drawn, or a notice says they could not be fetched.
    {
        let handle = handle.clone();
        Effect::new(move |_| {
            let map = layout_key.get().0 == crate::layout::LayoutKind::Geographic;
            if !map || crate::layout::world::ready() || handle.host().world_pending.get() {
                return;
            }
            handle.host().world_pending.set(true);
            let handle = handle.clone();
            leptos::task::spawn_local(async move {
                let loaded = crate::app::later::load_world().await;
                handle.host().world_pending.set(false);
                if !loaded {
                    let notice = crate::view::url::Notice::new(
                        "layout",
                        "map",
                        "the world's outlines could not be loaded (check the connection, then choose the map again); the countries are placed without them",
                    );
                    // Said once, however often the map is chosen offline.
                    state.notices.update(|n| {
                        if !n.contains(&notice) {
                            n.push(notice)
                        }
                    });
                }
                handle.update(|_| ());
            });
        });
    }
    // Lean colours and the axis's lean order: the leans are computed only
    // when one of them is asked for.
    {
        let handle = handle.clone();
        let wants = Memo::new(move |_| {
            state
                .view
                .with(|v| (v.colour_by_lean, v.order == crate::layout::Order::Lean))
        });
        Effect::new(move |_| {
            let (colour, order) = wants.get();
            let ds = state.ds();
            let standings = if colour || order {
                state.leans.with(|l| crate::charts::lean::standings(&ds, l))
            } else {
                Default::default()
            };
            handle.update(|s| s.set_lean(standings, colour, &ds, now()));
        });
    }
    // Selection drawn as a highlight. On a phone its details cover the
    // lower part of the screen (a bottom sheet scrolled under the graph's
    // top): the fitted view moves into the part left uncovered.
    {
        let handle = handle.clone();
        Effect::new(move |_| {
            let sel = selected.get();
            let viewport = web_sys::window()
                .and_then(|w| w.inner_height().ok())
                .and_then(|h| h.as_f64())
                .unwrap_or(0.0) as f32;
            // In a story the details are no sheet (the step's text comes first).
            let sheet = sel.is_some() && !in_story.get() && media("(max-width: 600px)");
            handle.update(|s| {
                s.set_selected(sel);
                let covered = if sheet {
                    (s.height - viewport * 0.5).max(0.0)
                } else {
                    0.0
                };
                s.cover_bottom(covered, now());
            });
        });
    }
    // A story step's marks: spotlit nodes and callouts.
    {
        let handle = handle.clone();
        let at = Memo::new(move |_| state.view.with(|v| v.story.clone()));
        Effect::new(move |_| {
            let marks = at.get().and_then(|at| {
                let stories = state.stories()?;
                stories
                    .step(&at)
                    .map(|s| (s.highlight.clone(), s.notes.clone()))
            });
            let (spot, notes) = marks.unwrap_or_default();
            handle.update(|s| s.set_story(spot, notes));
        });
    }
    // A change view's marks: new members ringed, changed statuses double
    // ringed, new ties highlighted; none when the reader turned them off.
    {
        let handle = handle.clone();
        Effect::new(move |_| {
            let off = state.view.with(|v| v.hide_marks);
            let (actors, changed, ties) = state.changes.with(|c| match c {
                Some(c) if !off => {
                    let ds = state.ds();
                    (c.actors(&ds), c.changed_actors(&ds), c.ties.clone())
                }
                _ => Default::default(),
            });
            handle.update(|s| s.set_changes(actors, changed, ties));
        });
    }
    // Keyboard focus drawn as a ring.
    {
        let handle = handle.clone();
        Effect::new(move |_| {
            let f = focus_id.get();
            handle.update(|s| s.set_focus(f));
        });
    }
    // A camera restored from the URL (Back/Forward).
    {
        let handle = handle.clone();
        Effect::new(move |prev: Option<()>| {
            let v = url_camera.get();
            if prev.is_some() {
                let current = handle
                    .with(|s| s.view_state())
                    .and_then(crate::view::url::round_view);
                if current != v {
                    handle.update(|s| s.set_view(v));
                }
            }
        });
    }
    // Zoom to a node on request (search).
    {
        let handle = handle.clone();
        Effect::new(move |_| {
            if let Some(id) = state.zoom_to.get() {
                handle.update(|s| {
                    if let Some(i) = s.graph.index_of(&id) {
                        // Relative to the fitted view, not the current one:
                        // searches in a row must not zoom in further each time.
                        let target = s.fitted_camera().scale * 1.8;
                        s.steer(Camera::centre_on(
                            s.pos[i],
                            target.min(camera::MAX_SCALE),
                            s.width,
                            s.height,
                        ));
                    }
                });
            }
        });
    }

    // Pointer interaction: drag to pan (or move a node), wheel to zoom, click to select,
    // two pointers to pinch.
    let gestures: Rc<RefCell<Gestures>> = Rc::default();
    let local = |ev: &web_sys::MouseEvent| -> Point {
        let t = ev
            .current_target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok());
        let r = t.map(|t| t.get_bounding_client_rect());
        r.map_or([0.0, 0.0], |r| {
            [
                ev.client_x() as f32 - r.left() as f32,
                ev.client_y() as f32 - r.top() as f32,
            ]
        })
    };
    // In an embed the wheel scrolls the host page, as embedded maps do: it
    // zooms with Ctrl or ⌘ held, or once the reader has clicked the graph.
    let wheel_active = RwSignal::new(false);
    let wheel_hint = RwSignal::new(false);
    let hint_timer = Debounce::default();
    let on_down = {
        let (handle, gestures) = (handle.clone(), gestures.clone());
        move |ev: web_sys::PointerEvent| {
            wheel_active.set(true);
            let p = local(&ev);
            if let Some(t) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = t.set_pointer_capture(ev.pointer_id());
            }
            let hit = handle.read(|s| if s.bench { None } else { s.node_at(p) });
            gestures.borrow_mut().down(ev.pointer_id(), p, hit);
        }
    };
    let on_move = {
        let (handle, gestures) = (handle.clone(), gestures.clone());
        move |ev: web_sys::PointerEvent| {
            let p = local(&ev);
            let action =
                gestures
                    .borrow_mut()
                    .moved(ev.pointer_id(), p, ev.pointer_type() == "touch");
            match action {
                Action::Pinch { pan, at, factor } => handle.update(|s| {
                    s.steer(s.camera.pan(pan.0, pan.1).zoom_at(at, factor));
                }),
                Action::Pan(dx, dy) => handle.update(|s| {
                    s.steer(s.camera.pan(dx, dy));
                }),
                // A dragged node moves until the picture changes; positions
                // are not part of a link.
                Action::MoveNode(i, to) => handle.update(|s| s.pos[i] = s.camera.to_world(to)),
                Action::Hover(p) => {
                    let (hit, id) = handle.read(|s| {
                        let hit = s.node_at(p);
                        (hit, hit.map(|i| s.graph.nodes[i].id.clone()))
                    });
                    if handle.read(|s| s.hovered != hit) {
                        handle.update(|s| s.hovered = hit);
                    }
                    let ds = state.ds();
                    tooltip.set(id.map(|id| {
                        let as_of = state.as_of();
                        let hide = state.view.with_untracked(|v| v.filters.hide_unverified);
                        let text = crate::graph::node_status(
                            &ds,
                            &state.graph.get_untracked(),
                            &id,
                            as_of,
                            hide,
                        );
                        (p[0], p[1], text)
                    }));
                }
                Action::None | Action::Select(_) => {}
            }
        }
    };
    let on_up = {
        let (handle, gestures) = (handle.clone(), gestures.clone());
        move |ev: web_sys::PointerEvent| {
            if let Action::Select(hit) = gestures.borrow_mut().up(ev.pointer_id()) {
                let id = hit.map(|i| handle.read(|s| s.graph.nodes[i].id.clone()));
                // The selection ring marks a click; the keyboard ring is for
                // the keyboard (arrows continue from the selection).
                state.select(id);
                focus_id.set(None);
            }
        }
    };
    let on_cancel = {
        let gestures = gestures.clone();
        move |ev: web_sys::PointerEvent| gestures.borrow_mut().cancel(ev.pointer_id())
    };
    let on_leave = {
        let handle = handle.clone();
        move |_: web_sys::PointerEvent| {
            wheel_active.set(false);
            tooltip.set(None);
            handle.update(|s| s.hovered = None);
        }
    };
    let on_wheel = {
        let handle = handle.clone();
        move |ev: web_sys::WheelEvent| {
            let embed = state.view.with_untracked(|v| v.embed);
            if embed && !(ev.ctrl_key() || ev.meta_key() || wheel_active.get_untracked()) {
                // Let the host page scroll; say how to zoom.
                if !wheel_hint.get_untracked() {
                    wheel_hint.set(true);
                    hint_timer.call(1800, move || wheel_hint.set(false));
                }
                return;
            }
            ev.prevent_default();
            let p = local(&ev);
            let unit = match ev.delta_mode() {
                1 => 33.0,
                2 => 400.0,
                _ => 1.0,
            };
            let factor = camera::wheel_factor(ev.delta_y() * unit);
            handle.update(|s| {
                s.steer(s.camera.zoom_at(p, factor));
            });
        }
    };

    // Keyboard: arrows move between nodes, Home/End to the first and last,
    // letters jump by name (type-ahead), Enter selects, Escape clears, +/- zoom.
    let typed = StoredValue::new((String::new(), 0.0f64));
    let on_key = {
        let handle = handle.clone();
        move |ev: web_sys::KeyboardEvent| {
            let key = ev.key();
            let jump = |i: Option<usize>| {
                let next = handle.update(|s| {
                    i.map(|i| {
                        s.camera =
                            camera::keep_in_view(s.camera, s.pos[i], s.width, s.height, 20.0);
                        s.graph.nodes[i].id.clone()
                    })
                });
                if next.is_some() {
                    focus_id.set(next);
                }
            };
            let n = handle.read(|s| s.graph.nodes.len());
            match key.as_str() {
                "Home" if n > 0 => {
                    ev.prevent_default();
                    return jump(Some(0));
                }
                "End" if n > 0 => {
                    ev.prevent_default();
                    return jump(Some(n - 1));
                }
                // A space continues a name being typed ("united s"); alone it selects.
                k if k.chars().count() == 1
                    && (k.chars().all(char::is_alphabetic)
                        || (k == " "
                            && typed.with_value(|(b, last)| {
                                !b.is_empty() && now() - last <= 700.0
                            })))
                    && !(ev.ctrl_key() || ev.meta_key() || ev.alt_key()) =>
                {
                    ev.prevent_default();
                    let t = now();
                    let buffer = typed.with_value(|(b, last)| {
                        if t - last > 700.0 {
                            k.to_string()
                        } else {
                            format!("{b}{k}")
                        }
                    });
                    typed.set_value((buffer.clone(), t));
                    let i = handle.read(|s| {
                        let cur = focus_id
                            .get_untracked()
                            .and_then(|id| s.graph.index_of(&id));
                        crate::view::search::type_ahead(
                            s.graph.nodes.iter().map(|n| n.label.as_str()),
                            cur,
                            &buffer,
                        )
                    });
                    return jump(i);
                }
                _ => {}
            }
            let dir = match key.as_str() {
                "ArrowRight" => Some((1.0, 0.0)),
                "ArrowLeft" => Some((-1.0, 0.0)),
                "ArrowUp" => Some((0.0, -1.0)),
                "ArrowDown" => Some((0.0, 1.0)),
                _ => None,
            };
            if let Some((dx, dy)) = dir {
                ev.prevent_default();
                let next = handle.update(|s| {
                    let cur = focus_id
                        .get_untracked()
                        .or_else(|| state.selected_untracked())
                        .and_then(|id| s.graph.index_of(&id));
                    let next = match cur {
                        Some(c) => camera::nearest_in_direction(&s.pos, c, dx, dy).or(Some(c)),
                        None => (!s.graph.nodes.is_empty()).then_some(0),
                    };
                    next.map(|i| {
                        // Keep the focused node in view.
                        s.camera =
                            camera::keep_in_view(s.camera, s.pos[i], s.width, s.height, 20.0);
                        s.graph.nodes[i].id.clone()
                    })
                });
                focus_id.set(next);
                return;
            }
            match key.as_str() {
                "Enter" | " " => {
                    ev.prevent_default();
                    if let Some(id) = focus_id.get_untracked() {
                        state.select(Some(id));
                    }
                }
                "Escape" => {
                    state.select(None);
                }
                "+" | "=" | "-" | "_" => {
                    ev.prevent_default();
                    let factor = if key == "+" || key == "=" { 1.25 } else { 0.8 };
                    handle.update(|s| {
                        s.steer(s.camera.zoom_at([s.width / 2.0, s.height / 2.0], factor));
                    });
                }
                "0" => {
                    handle.update(|s| {
                        s.reset_view();
                    });
                }
                _ => {}
            }
        }
    };

    let listed = handle.host().listed;
    let options = move || {
        // Built after the first frame (see `AppHost::listed`).
        let listed = listed.get();
        let g = state.graph.get();
        let hide = state.filters(|f| f.hide_unverified);
        let ds = state.ds();
        let as_of = state.as_of();
        g.nodes
            .iter()
            .filter(|_| listed)
            .map(|n| {
                let text = crate::graph::node_status(&ds, &g, &n.id, as_of, hide);
                let id = n.id.clone();
                let selected = move || state.view.with(|v| v.selected.as_deref() == Some(id.as_str()));
                view! { <div role="option" id=option_id(&n.id) aria-selected=move || selected().to_string()>{text}</div> }
            })
            .collect_view()
    };
    let summary = move || {
        let g = state.graph.get();
        let countries = g
            .nodes
            .iter()
            .filter(|n| {
                matches!(
                    n.kind,
                    crate::graph::NodeKind::Actor(crate::model::ActorKind::Country)
                )
            })
            .count();
        format!(
            "Network graph of {} nodes ({} countries, {} hubs) and {} links. Use the arrow keys to move between nodes, Enter to select, Escape to clear, plus and minus to zoom.",
            g.nodes.len(),
            countries,
            g.nodes.iter().filter(|n| n.is_hub()).count(),
            g.edges.len()
        )
    };

    view! {
        <div
            id="graph"
            class="graph"
            data-kind=move || state.layout().id()
            node_ref=wrap
            role="listbox"
            tabindex="0"
            aria-label=summary
            aria-activedescendant=move || focus_id.get().map(|id| option_id(&id))
            // Until its options are built, after the first frame.
            aria-busy=move || (!listed.get()).then_some("true")
            on:keydown=on_key
            // A selection is likely next: its sources are fetched now.
            on:pointerenter=move |_| state.prefetch_sources()
            on:focus=move |ev: web_sys::FocusEvent| {
                state.prefetch_sources();
                // A click focuses the graph too; the keyboard ring shows
                // only for keyboard focus (as :focus-visible does).
                let keyboard = ev
                    .target()
                    .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                    .is_none_or(|el| el.matches(":focus-visible").unwrap_or(true));
                if keyboard && focus_id.get_untracked().is_none() {
                    focus_id.set(state.selected_untracked().or_else(|| state.graph.get_untracked().nodes.first().map(|n| n.id.clone())));
                }
            }
        >
            <canvas
                node_ref=canvas
                aria-hidden="true"
                on:pointerdown=on_down
                on:pointermove=on_move
                on:pointerup=on_up
                on:pointercancel=on_cancel
                on:pointerleave=on_leave
                on:wheel=on_wheel
                // Two fingers belong to the graph: keep the browser from
                // scrolling or zooming the page with them.
                on:touchmove=move |ev: web_sys::TouchEvent| {
                    if ev.touches().length() >= 2 {
                        ev.prevent_default();
                    }
                }
            ></canvas>
            <div class="a11y-nodes">{options}</div>
            // A pointer hint only (the keyboard zooms with + and -): hidden from
            // assistive technology, and no child of the listbox but its options.
            <p class="wheel-hint" aria-hidden="true" class:shown=move || wheel_hint.get()>
                {move || if wheel_hint.get() { "Hold Ctrl (⌘ on a Mac) and scroll to zoom, or click the graph first" } else { "" }}
            </p>
            {move || tooltip.get().map(|(x, y, text)| view! {
                <div class="tooltip" aria-hidden="true" style:left=format!("{}px", x + 14.0) style:top=format!("{}px", y + 14.0)>{text}</div>
            })}
        </div>
    }
}
