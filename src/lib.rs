//! Space Alliances: the Artemis Accords and the International Lunar
//! Research Station (ILRS) as interactive network graphs.
//!
//! The folders are the architecture (see `ARCHITECTURE.md`). Pure modules,
//! with no browser APIs and tested natively, in the order data flows:
//! [`model`] (the vocabulary and dates), [`dataset`] (CSV reading, loading
//! and validation), [`graph`] (filters → graph, and the facts derived from
//! the data), [`layout`] (positions, the world map), [`view`] (the view state
//! and its link, camera, and the controllers of gestures, timeline, search
//! and details), [`render`] (the display list: what is drawn, labels,
//! colours), [`charts`] (table, comparison and charts), [`export`] (files and
//! SVG). The browser app lives in `app` (wasm32 only): components that
//! render and wire, the render loop, and the canvas painter.

pub mod charts;
pub mod dataset;
pub mod export;
pub mod graph;
pub mod layout;
pub mod model;
pub mod render;
pub mod sort;
pub mod story;
pub mod view;

#[cfg(test)]
pub mod test_support;

#[cfg(target_arch = "wasm32")]
pub mod app;
