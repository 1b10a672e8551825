//! Stories in the page: the list of stories (a dialog), and the panel of the
//! step shown — its title and text (the live region), its marks on the graph
//! in words, sources, progress, Previous/Next and the way out.

use leptos::html::Dialog;
use leptos::prelude::*;

use crate::app::{AppState, History};
use crate::story::{self, Inline, Target};

/// Opens the list of stories.
#[component]
pub fn StoriesButton() -> impl IntoView {
    let state = expect_context::<AppState>();
    let dialog = NodeRef::<Dialog>::new();
    // The list is made on the first opening: reading and checking the
    // stories (and fetching their code) need not delay the first frame.
    let opened = RwSignal::new(false);
    let failed = RwSignal::new(false);
    let open = move |_| {
        opened.set(true);
        failed.set(false);
        let Some(d) = dialog.get_untracked() else {
            return;
        };
        let _ = d.show_modal();
        state.with_stories(move |loaded| {
            failed.set(loaded.is_none());
            // The list is there: start on its first story, not on the
            // Close button below it.
            request_animation_frame(move || {
                if let Some(first) = d
                    .query_selector(".story-choice")
                    .ok()
                    .flatten()
                    .and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok())
                {
                    let _ = first.focus();
                }
            });
        });
    };
    let close = move || {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    let contents = move || {
        if !opened.get() {
            return None;
        }
        if failed.get() {
            return Some(crate::app::later::not_loaded());
        }
        let Some(stories) = state.stories() else {
            return Some(
                view! { <p class="loading" role="status">"Loading the stories…"</p> }.into_any(),
            );
        };
        let list = stories
            .list
            .iter()
            .map(|s| {
                let (id, title, summary, n) = (
                    s.id.clone(),
                    s.title.clone(),
                    s.summary.clone(),
                    s.steps.len(),
                );
                let start = move |_| {
                    let embed = state.view.with_untracked(|v| v.embed);
                    let stories = state.stories.get_untracked();
                    if let Some(v) = stories
                        .as_ref()
                        .and_then(|s| s.get(&id))
                        .and_then(|s| story::step_view(s, 1, embed))
                    {
                        state.change(History::Push, |x| *x = v);
                    }
                    close();
                };
                view! {
                    <li>
                        <button type="button" class="story-choice" on:click=start>
                            <strong>{title}</strong>
                            <span>{summary}</span>
                            <small>{format!("{n} steps")}</small>
                        </button>
                    </li>
                }
            })
            .collect_view();
        let errors = stories.errors.clone();
        Some(view! {
            <ul class="story-list">{list}</ul>
            {(!errors.is_empty()).then(|| view! {
                <div class="story-errors" role="note">
                    <p>{format!("{} problem(s) kept a story out of this list:", errors.len())}</p>
                    <ul>{errors.iter().map(|e| view! { <li><code>{e.to_string()}</code></li> }).collect_view()}</ul>
                </div>
            })}
        }.into_any())
    };
    view! {
        <button type="button" class="stories-button" on:click=open aria-haspopup="dialog">"Stories"</button>
        <dialog node_ref=dialog class="stories-dialog" aria-labelledby="stories-title">
            <h2 id="stories-title">"Stories"</h2>
            <p>"Guided steps through the research's argument. Every step is a link, and you can leave a story at any step to explore from there."</p>
            {contents}
            <button type="button" on:click=move |_| close()>"Close"</button>
        </dialog>
    }
}

/// The step shown, while a story is open.
#[component]
pub fn StoryPanel() -> impl IntoView {
    let state = expect_context::<AppState>();
    let at = Memo::new(move |_| state.view.with(|v| v.story.clone()));
    let go = move |n: usize| {
        let Some(id) = at.get_untracked().map(|a| a.id) else {
            return;
        };
        let Some(stories) = state.stories.get_untracked() else {
            return;
        };
        let embed = state.view.with_untracked(|v| v.embed);
        if let Some(v) = stories.get(&id).and_then(|s| story::step_view(s, n, embed)) {
            state.change(History::Push, |x| *x = v);
        }
    };
    let leave = move || state.change(History::Push, |v| v.story = None);
    // Arrows and Escape, from within the panel or with nothing focused (a
    // step opened from a link): not while typing, nor in the graph, whose
    // arrows move between nodes.
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let Some(at) = at.get_untracked() else { return };
        let total = state
            .stories
            .get_untracked()
            .and_then(|s| s.get(&at.id).map(|s| s.steps.len()))
            .unwrap_or(0);
        let target = ev
            .target()
            .and_then(|t| wasm_bindgen::JsCast::dyn_into::<web_sys::Element>(t).ok());
        let ours = target.as_ref().is_none_or(|el| {
            matches!(el.tag_name().as_str(), "BODY" | "HTML")
                || el.closest(".story-panel").ok().flatten().is_some()
        });
        if !ours || ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let n = at.step;
        match ev.key().as_str() {
            "ArrowRight" if n < total => {
                ev.prevent_default();
                go(n + 1);
            }
            "ArrowLeft" if n > 1 => {
                ev.prevent_default();
                go(n - 1);
            }
            "Escape" => {
                ev.prevent_default();
                leave();
            }
            _ => {}
        }
    });
    on_cleanup(move || keys.remove());
    // After a step change, focus that was left nowhere (a button that went
    // away or became disabled) or on the Stories button goes to the new
    // step's title, so the arrows and Tab continue from the story. Not on
    // the first step a link opens: the page keeps its own start.
    Effect::new(move |prev: Option<()>| {
        at.track();
        if prev.is_none() {
            return;
        }
        request_animation_frame(move || {
            let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
                return;
            };
            let lost = doc.active_element().is_none_or(|el| {
                matches!(el.tag_name().as_str(), "BODY" | "HTML")
                    || el.class_list().contains("stories-button")
            });
            if lost
                && let Some(h) = doc.get_element_by_id("story-step-title")
                && let Ok(h) = wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(h)
            {
                let _ = h.focus();
            }
        });
    });
    move || {
        let at = at.get()?;
        let stories = state.stories()?;
        let s = stories.get(&at.id)?.clone();
        let step = stories.step(&at)?.clone();
        let (n, total) = (at.step, s.steps.len());
        let ds = state.ds();
        // Citations numbered in order of first use, listed under the text.
        let mut cited: Vec<String> = Vec::new();
        let paragraphs = step
            .text
            .iter()
            .map(|p| {
                p.iter()
                    .map(|i| match i {
                        Inline::Text(t) => view! { <span>{t.clone()}</span> }.into_any(),
                        Inline::Cite(id) => {
                            let k = match cited.iter().position(|c| c == id) {
                                Some(k) => k,
                                None => {
                                    cited.push(id.clone());
                                    cited.len() - 1
                                }
                            };
                            view! { <sup><a href=format!("#story-source-{}", k + 1) aria-label=format!("source {}", k + 1)>{format!("[{}]", k + 1)}</a></sup> }.into_any()
                        }
                    })
                    .collect_view()
            })
            .map(|runs| view! { <p>{runs}</p> })
            .collect_view();
        let sources = cited
            .iter()
            .enumerate()
            .filter_map(|(k, id)| {
                let src = ds.source(id)?;
                let text = if src.publisher.is_empty() {
                    src.title.clone()
                } else {
                    format!("{} — {}", src.title, src.publisher)
                };
                let item = if src.url.is_empty() {
                    view! { <span>{text}</span> }.into_any()
                } else {
                    view! { <a href=src.url.clone() rel="noopener" target="_blank">{text}</a> }.into_any()
                };
                Some(view! { <li id=format!("story-source-{}", k + 1) value=(k + 1).to_string()>{item}</li> })
            })
            .collect_view();
        let g = state.graph.get_untracked();
        let name = |id: &str| {
            g.nodes
                .iter()
                .find(|n| n.id == id)
                .map_or_else(|| id.to_string(), |n| n.label.clone())
        };
        let notes = step
            .notes
            .iter()
            .map(|note| {
                let on = match &note.target {
                    Target::Node(id) => name(id),
                    Target::Tie(a, b) => format!("the tie {} – {}", name(a), name(b)),
                };
                view! { <li><strong>{on}</strong>": "{note.text.clone()}</li> }
            })
            .collect_view();
        let lit = (!step.highlight.is_empty()).then(|| {
            let names: Vec<String> = step.highlight.iter().map(|id| name(id)).collect();
            format!("Picked out on the graph: {}.", names.join(", "))
        });
        Some(view! {
            <section class="story-panel" aria-labelledby="story-title">
                <p class="story-kicker">
                    <span>"Story"</span>
                    <span id="story-title">{s.title.clone()}</span>
                </p>
                <progress max=total.to_string() value=n.to_string() aria-label=format!("Step {n} of {total}")></progress>
                <div class="story-step" aria-live="polite" aria-atomic="true">
                    <h2 id="story-step-title" tabindex="-1">{format!("{n}. {}", step.title)}</h2>
                    {paragraphs}
                    {lit.map(|t| view! { <p class="story-lit">{t}</p> })}
                    {(!step.notes.is_empty()).then(|| view! {
                        <ul class="story-notes" aria-label="Notes on the graph">{notes}</ul>
                    })}
                </div>
                {(!cited.is_empty()).then(|| view! {
                    <details class="story-sources">
                        <summary>{format!("Sources ({})", cited.len())}</summary>
                        <ol>{sources}</ol>
                    </details>
                })}
                <div class="story-nav">
                    <button type="button" on:click=move |_| go(n - 1) disabled={n <= 1}>"← Previous"</button>
                    <span class="story-count">{format!("Step {n} of {total}")}</span>
                    <button type="button" on:click=move |_| go(n + 1) disabled={n >= total}>"Next →"</button>
                </div>
                <button type="button" class="story-leave" on:click=move |_| leave()>
                    {if n >= total { "Explore from here" } else { "Leave the story and explore" }}
                </button>
            </section>
        })
    }
}
