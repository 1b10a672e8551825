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

/// Waits (at most `n` frames) until the canvas in `host` says its frame is
/// settled: drawn, and its node list (built after the first frame) placed.
async fn settled(host: &web_sys::HtmlElement, n: u32) {
    for _ in 0..n {
        let state = host
            .query_selector("canvas")
            .unwrap()
            .and_then(|c| c.get_attribute("data-layout"));
        if state.as_deref() == Some("settled") {
            return;
        }
        frames(1).await;
    }
    panic!("the canvas did not settle in {n} frames");
}

#[wasm_bindgen_test]
async fn app_mounts_and_lists_the_coalitions() {
    let host = wrapper();
    let _handle = mount_to(host.clone(), App);
    settled(&host, 600).await;
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

/// A canvas of `w`×`h` pixels, not in the page.
fn canvas(w: u32, h: u32) -> web_sys::HtmlCanvasElement {
    let c: web_sys::HtmlCanvasElement = document()
        .create_element("canvas")
        .unwrap()
        .unchecked_into();
    c.set_width(w);
    c.set_height(h);
    c
}

fn pixels(c: &web_sys::HtmlCanvasElement) -> Vec<u8> {
    let ctx: web_sys::CanvasRenderingContext2d =
        c.get_context("2d").unwrap().unwrap().unchecked_into();
    ctx.get_image_data(0.0, 0.0, f64::from(c.width()), f64::from(c.height()))
        .unwrap()
        .data()
        .0
}

#[wasm_bindgen_test]
fn a_frame_painted_in_parts_is_the_frame_painted_at_once() {
    // A bench graph (the harness's format): 400 countries in two camps,
    // each tied to its hub and to two others.
    let n = 400;
    let mut nodes = vec![
        r#"{"id":"hub:artemis","label":"Artemis","group":"hub"}"#.to_string(),
        r#"{"id":"hub:ilrs","label":"ILRS","group":"hub"}"#.to_string(),
    ];
    let mut edges = Vec::new();
    for i in 0..n {
        let side = if i % 3 == 0 { "ilrs" } else { "artemis" };
        nodes.push(format!(
            r#"{{"id":"c:{i}","label":"C{i}","group":"{side}"}}"#
        ));
        edges.push(format!(
            r#"{{"source":"c:{i}","target":"hub:{side}","kind":"{side}"}}"#
        ));
        for k in [7, 131] {
            let j = (i * 17 + k) % n;
            if j != i {
                edges.push(format!(
                    r#"{{"source":"c:{i}","target":"c:{j}","kind":"bilateral"}}"#
                ));
            }
        }
    }
    let json = format!(
        r#"{{"nodes":[{}],"edges":[{}]}}"#,
        nodes.join(","),
        edges.join(",")
    );
    let graph = space_alliances::dataset::bench::parse(&json).expect("a bench graph");
    let mut scene = space_alliances::app::scene::Scene::new();
    scene.bench = true;
    scene.width = 600.0;
    scene.height = 400.0;
    scene.dpr = 1.0;
    scene.radius = graph
        .nodes
        .iter()
        .map(|n| if n.is_hub() { 10.0 } else { 3.0 })
        .collect();
    scene.pos = space_alliances::layout::bench_simulation(&graph).pos;
    scene.graph = graph;
    scene.fit_target();

    let once = canvas(600, 400);
    scene.draw(&once);
    let parts = canvas(1, 1);
    let mut p = scene.begin_progressive(&parts).expect("a 2D context");
    assert_eq!(
        (parts.width(), parts.height()),
        (600, 400),
        "sized to the scene"
    );
    let mut steps = 1;
    while !p.step(100) {
        steps += 1;
        assert!(steps < 1_000, "the frame never completes");
    }
    let segments = edges.len();
    assert!(
        steps > segments / 100,
        "{steps} steps for {segments} ties 100 at a time"
    );

    // Ties stroked in parts blend where parts cross (one path does not):
    // almost every pixel is the same, and none is far off.
    let (a, b) = (pixels(&once), pixels(&parts));
    let px = a.len() / 4;
    let mut differ = 0;
    let mut worst = 0;
    for i in 0..px {
        let d = (0..4)
            .map(|c| a[4 * i + c].abs_diff(b[4 * i + c]))
            .max()
            .unwrap_or(0);
        worst = worst.max(d);
        if d > 8 {
            differ += 1;
        }
    }
    let inked = (0..px).filter(|i| a[4 * i + 3] > 0).count();
    assert!(
        inked > px / 50,
        "the frame drew something ({inked} of {px} pixels)"
    );
    assert!(
        differ * 100 < inked,
        "{differ} of {inked} drawn pixels differ by more than 8"
    );
    assert!(worst < 128, "a pixel differs by {worst}");
}
