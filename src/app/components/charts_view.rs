//! The charts tab: the comparison of the two coalitions and three charts
//! drawn with plotters on canvases (crisp at any device-pixel ratio through
//! [`ScaledBackend`]), each with a text description, a data table, a
//! tooltip for the value under the pointer, and PNG/SVG exports with a footer.

use leptos::html::Canvas;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;

use super::share::{download_text, permalink};
use crate::app::AppState;
use crate::charts::compare;
use crate::charts::scaled::{ScaledBackend, Surface};
use crate::charts::{self, ChartKind};
use crate::export;

const HEIGHT: u32 = 380;

/// A chart's canvas height: the lean chart's two axes want more room.
fn height_of(kind: ChartKind) -> u32 {
    if kind == ChartKind::Lean { 480 } else { HEIGHT }
}

/// The charts tab.
#[component]
pub fn ChartsView() -> impl IntoView {
    view! {
        <Comparison/>
        {ChartKind::ALL.iter().map(|&k| view! { <Chart kind=k/> }).collect_view()}
    }
}

/// Side-by-side summary of the two coalitions at the chosen date.
#[component]
fn Comparison() -> impl IntoView {
    let state = expect_context::<AppState>();
    let body = move || {
        let ds = state.ds();
        let at = state.as_of();
        let filters = state.view.with(|v| v.filters.clone());
        let c = compare::compare(&ds, &filters);
        let scope = filters.describe();
        let side = |s: &compare::Side| {
            let name = ds
                .framework(s.framework)
                .map_or(s.framework.label().to_string(), |f| f.name.clone());
            view! {
                <section class="side-card" aria-label=format!("{name} summary")>
                    <h3>{name.clone()}</h3>
                    <p class="big">{format!("{} member states", s.members)}
                        {(s.other_members > 0).then(|| format!(" + {} other members", s.other_members))}</p>
                    <h4>"By region"</h4>
                    <p>{s.by_region.iter().map(|(r, n)| format!("{r} {n}")).collect::<Vec<_>>().join(" · ")}</p>
                    <h4>"Newest members"</h4>
                    <p>{s.newest.iter().map(|(n, d)| format!("{n} ({})", d.human())).collect::<Vec<_>>().join(", ")}</p>
                    <h4>{format!("Bilateral ties of {} with others, by kind", s.leaders.join(" and "))}</h4>
                    <p>{if s.ties_by_kind.is_empty() { "none recorded".to_string() } else {
                        s.ties_by_kind.iter().map(|(k, n)| format!("{} {n}", k.label())).collect::<Vec<_>>().join(" · ")
                    }}</p>
                </section>
            }
        };
        view! {
            <div class="compare-grid">
                {side(&c.artemis)}
                {side(&c.ilrs)}
            </div>
            <p class="both-line">{format!("In both camps as of {}: {}.", at.human(), if c.both.is_empty() { "none".to_string() } else { c.both.join(", ") })}</p>
            <p class="compare-scope">{if scope.is_empty() {
                "Counts cover every country.".to_string()
            } else {
                format!("Counts follow the filters: {}.", scope.join("; "))
            }}</p>
        }
    };
    view! {
        <section class="comparison" aria-labelledby="compare-title">
            <h2 id="compare-title">"The two coalitions side by side"</h2>
            {body}
        </section>
    }
}

/// One chart with its description, data table, tooltip and exports.
#[component]
pub fn Chart(kind: ChartKind) -> impl IntoView {
    let state = expect_context::<AppState>();
    let height = height_of(kind);
    let canvas = NodeRef::<Canvas>::new();
    let width = RwSignal::new(0u32);
    let tooltip = RwSignal::new(None::<((f64, f64), String)>);
    // A chart that fails to draw says so instead of leaving a blank canvas.
    let draw_error = RwSignal::new(None::<String>);
    use charts::ChartError;
    let filters = Memo::new(move |_| state.view.with(|v| v.filters.clone()));
    // A change view's start: the time charts shade the window.
    let from = Memo::new(move |_| state.view.with(|v| v.from));

    // Track the canvas box width; redraw on resize.
    canvas.on_load(move |el| {
        let measure = move || {
            let w = el.parent_element().map_or(0.0, |p| p.client_width() as f64);
            width.set((w as u32).max(280));
        };
        measure();
        if let Some(p) = canvas.get_untracked().and_then(|c| c.parent_element()) {
            crate::app::browser::observe_resize(&p, measure);
        }
    });
    Effect::new(move |_| {
        let w = width.get();
        let f = filters.get();
        let from = from.get();
        let dark = state.dark.get();
        let Some(c) = canvas.get() else { return };
        if w == 0 {
            return;
        }
        let dpr = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .max(1.0);
        c.set_width((f64::from(w) * dpr).round() as u32);
        c.set_height((f64::from(height) * dpr).round() as u32);
        let style = web_sys::HtmlElement::style(&c);
        let _ = style.set_property("width", &format!("{w}px"));
        let _ = style.set_property("height", &format!("{height}px"));
        let ds = state.ds();
        let drawn = CanvasBackend::with_canvas_object(c)
            .ok_or(ChartError::NoCanvas)
            .and_then(|backend| {
                let root = ScaledBackend::new(Surface::Raster(backend), dpr).into_drawing_area();
                kind.draw(&root, &ds, &f, from, dark)?;
                root.present().map_err(|e| ChartError::Draw(e.to_string()))
            });
        draw_error.set(
            drawn
                .err()
                .map(|e| format!("This chart could not be drawn ({e})")),
        );
    });

    // On a touch screen the first tap on a mark names it; a second selects.
    let touch = StoredValue::new(false);
    let armed = StoredValue::new(None::<String>);
    let on_move = move |ev: web_sys::PointerEvent| {
        touch.set_value(ev.pointer_type() == "touch");
        let (x, y) = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let text = kind.tooltip(
            &state.ds(),
            &filters.get_untracked(),
            from.get_untracked(),
            width.get_untracked(),
            height,
            (x, y),
        );
        tooltip.set(text.map(|t| ((x, y), t)));
    };
    // A click on a country's mark selects it in the graph.
    let on_click = move |ev: web_sys::MouseEvent| {
        let at = (f64::from(ev.offset_x()), f64::from(ev.offset_y()));
        let ds = state.ds();
        if let Some(id) = kind.pick(
            &ds,
            &filters.get_untracked(),
            width.get_untracked(),
            height,
            at,
        ) {
            if !touch.get_value() || armed.get_value().as_ref() == Some(&id) {
                show_in_graph(&state, id);
            } else {
                armed.set_value(Some(id));
                tooltip.update(|t| {
                    if let Some((_, text)) = t {
                        text.push_str(" Tap again to show it in the graph.");
                    }
                });
            }
        } else {
            armed.set_value(None);
        }
    };

    // What both exports need: data, filters, width, and the footer lines.
    let export_inputs = move || {
        let ds = state.ds();
        let f = filters.get_untracked();
        let w = width.get_untracked().max(600);
        let lines = charts::wrap_footer(
            &export::footer_lines(&ds, kind.title(), &f, &permalink(&state, false)),
            w,
        );
        let height = height + charts::footer_height(lines.len());
        (ds, f, w, height, lines)
    };
    let export_png = move |_| {
        let (ds, f, w, h, lines) = export_inputs();
        // A failed export says so where the reader pressed the button.
        let png = super::share::export_canvas_2x(w, h)
            .ok_or(ChartError::NoCanvas)
            .and_then(|c| {
                let backend =
                    CanvasBackend::with_canvas_object(c.clone()).ok_or(ChartError::NoCanvas)?;
                let root = ScaledBackend::new(Surface::Raster(backend), 2.0).into_drawing_area();
                kind.draw_with_footer(&root, height, &ds, &f, from.get_untracked(), &lines)?;
                root.present()
                    .map_err(|e| ChartError::Draw(e.to_string()))?;
                c.to_data_url_with_type("image/png")
                    .map_err(|_| ChartError::Encode)
            })
            .and_then(|url| {
                super::share::download_url(&export::file_name(kind.id(), &ds, "png"), &url)
                    .map_err(|_| ChartError::Download)
            });
        draw_error.set(png.err().map(|e| format!("PNG export failed: {e}")));
    };
    let export_svg = move |_| {
        let (ds, f, w, h, lines) = export_inputs();
        // Same backend type as the canvas: the chart code is compiled once.
        let svg = charts::svg_string::<CanvasBackend>(w, h, |root| {
            kind.draw_with_footer(root, height, &ds, &f, from.get_untracked(), &lines)
        });
        let saved = svg.and_then(|svg| {
            download_text(&ds, kind.id(), "svg", &svg).map_err(|_| ChartError::Download)
        });
        draw_error.set(saved.err().map(|e| format!("SVG export failed: {e}")));
    };

    let description = move || kind.description(&state.ds(), &filters.get(), from.get());
    let table = move || {
        let ds = state.ds();
        let f = filters.get();
        let (header, rows) = kind.table(&ds, &f);
        // Rows that stand for a country select it in the graph.
        let ids = kind.row_ids(&ds, &f);
        view! {
            <table class="data-table">
                <thead><tr>{header.into_iter().map(|h| view! { <th scope="col">{h}</th> }).collect_view()}</tr></thead>
                <tbody>{rows.into_iter().enumerate().map(|(k, r)| {
                    let id = ids.as_ref().and_then(|ids| ids.get(k).cloned());
                    view! {
                        <tr>{r.into_iter().enumerate().map(|(j, c)| match (j, id.clone()) {
                            (0, Some(id)) => view! { <th scope="row"><button type="button" class="link"
                                title="Show in the graph"
                                on:click=move |_| show_in_graph(&state, id.clone())>{c}</button></th> }.into_any(),
                            _ => view! { <td>{c}</td> }.into_any(),
                        }).collect_view()}</tr>
                    }
                }).collect_view()}</tbody>
            </table>
        }
    };
    let title_id = format!("chart-{}-title", kind.id());
    let desc_id = format!("chart-{}-desc", kind.id());
    let (title_a, title_b, desc_a) = (title_id.clone(), title_id.clone(), desc_id.clone());
    view! {
        <figure class="chart" aria-labelledby=title_a>
            <h3 id=title_b>{kind.title()}</h3>
            <div class="chart-box" on:pointerleave=move |ev: web_sys::PointerEvent| {
                // A lifted finger leaves too: its tooltip stays until the next tap.
                if ev.pointer_type() != "touch" { tooltip.set(None) }
            }>
                <canvas node_ref=canvas role="img" aria-labelledby=title_id aria-describedby=desc_a
                    on:pointermove=on_move on:pointerdown=on_move on:click=on_click
                    class:pickable=kind == ChartKind::Lean></canvas>
                {move || tooltip.get().map(|((x, y), t)| {
                    // Near the pointer and inside the chart, so it is never cut off.
                    let w = width.get_untracked();
                    let left = charts::tip_left(x, w, &t);
                    let top = charts::tip_top(y, w, height, &t);
                    view! { <div class="chart-tip" aria-hidden="true" style:left=format!("{left}px") style:top=format!("{top}px")>{t}</div> }
                })}
            </div>
            {move || draw_error.get().map(|e| view! {
                <p class="chart-error" role="alert">{format!("{e}. The data table below has the numbers.")}</p>
            })}
            <figcaption id=desc_id>{description}</figcaption>
            <div class="chart-actions" role="group" aria-label=format!("Export {}", kind.title())>
                <button type="button" on:click=export_png>"PNG (2×)"</button>
                <button type="button" on:click=export_svg>"SVG"</button>
            </div>
            <details>
                <summary>{format!("Data table: {}", kind.title())}</summary>
                {table}
            </details>
        </figure>
    }
}

/// Opens the graph with `id` selected (one step back returns to the chart).
fn show_in_graph(state: &AppState, id: String) {
    state.change(crate::app::History::Push, |v| {
        v.tab = crate::view::url::Tab::Graph;
        v.selected = Some(id);
    });
}
