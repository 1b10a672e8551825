//! Browser tests (wasm-bindgen-test in headless Chromium): the app mounts,
//! draws on its canvas, and renders the data error view for broken data.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use space_alliances::app::{App, DataErrors, show_panic};
use space_alliances::dataset::{self, EMBEDDED};
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

fn wrapper() -> web_sys::HtmlElement {
    let el = document().create_element("section").unwrap();
    el.set_attribute("style", "width:1000px;height:700px;display:block")
        .unwrap();
    document().body().unwrap().append_child(&el).unwrap();
    el.unchecked_into()
}

async fn frames(n: u32) {
    for _ in 0..n {
        let p = js_sys::Promise::new(&mut |resolve, _| {
            web_sys::window()
                .unwrap()
                .request_animation_frame(&resolve)
                .unwrap();
        });
        wasm_bindgen_futures::JsFuture::from(p).await.unwrap();
    }
}

#[wasm_bindgen_test]
async fn app_mounts_and_lists_the_coalitions() {
    let host = wrapper();
    let _handle = mount_to(host.clone(), App);
    frames(3).await;
    let options = host.query_selector_all("[role=option]").unwrap();
    assert!(options.length() > 80, "{} options", options.length());
    let text = host.text_content().unwrap();
    assert!(text.contains("Artemis — hub"), "hub missing");
    assert!(text.contains("ILRS — hub"), "hub missing");
    // Thailand's option names both camps (the dates are the data's).
    assert!(
        text.split("Thailand — Artemis ")
            .nth(1)
            .is_some_and(|t| t[10..].starts_with("; ILRS ")),
        "Thailand missing"
    );
    // The canvas was sized and drawn on: some pixel is not transparent.
    let canvas: web_sys::HtmlCanvasElement = host
        .query_selector("canvas")
        .unwrap()
        .unwrap()
        .unchecked_into();
    assert!(canvas.width() > 100 && canvas.height() > 100);
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").unwrap().unwrap().unchecked_into();
    let data = ctx
        .get_image_data(
            0.0,
            0.0,
            f64::from(canvas.width()),
            f64::from(canvas.height()),
        )
        .unwrap()
        .data();
    let painted = data.chunks(4).filter(|p| p[3] > 0).count();
    assert!(painted > 1000, "only {painted} painted pixels");
    host.remove();
}

#[wasm_bindgen_test]
async fn broken_data_shows_every_error_instead_of_panicking() {
    let files: Vec<(&str, String)> = EMBEDDED
        .iter()
        .map(|(n, t)| {
            (
                *n,
                if *n == "memberships.csv" {
                    t.replacen(",artemis,", ",artemiss,", 1)
                } else {
                    t.to_string()
                },
            )
        })
        .collect();
    let refs: Vec<(&str, &str)> = files.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let errors = dataset::load(&refs).unwrap_err();
    let host = wrapper();
    let _handle = mount_to(
        host.clone(),
        move || view! { <DataErrors errors=errors.clone()/> },
    );
    frames(1).await;
    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert");
    let text = alert.text_content().unwrap();
    assert!(text.contains("memberships.csv:"), "{text}");
    assert!(text.contains("artemiss"), "{text}");
    host.remove();
}

#[wasm_bindgen_test]
async fn a_panic_shows_a_reload_action_and_details() {
    show_panic("panicked at src/example.rs:1:1: test message");
    let doc = document();
    let panel = doc
        .query_selector("[role=alertdialog].panic")
        .unwrap()
        .expect("the panic view");
    let text = panel.text_content().unwrap();
    assert!(text.contains("Something went wrong"), "{text}");
    assert!(text.contains("test message"), "details are shown: {text}");
    let button = panel.query_selector("button").unwrap().expect("a button");
    assert_eq!(button.text_content().unwrap(), "Reload");
    // Only one panel, however many panics.
    show_panic("second");
    assert_eq!(doc.query_selector_all(".panic").unwrap().length(), 1);
    panel.remove();
}
