//! Space Alliances: the Artemis Accords and the International Lunar
//! Research Station (ILRS) as interactive network graphs.
//!
//! Pure modules (no browser APIs, tested natively): [`csv`], [`date`],
//! [`model`], [`dataset`] (loading and validation), [`facts`] (derived
//! facts), [`graph`] (filters → graph), [`layout`], [`camera`], [`labels`].
//! The browser app lives in `app` (wasm32 only).

pub mod bench;
pub mod camera;
pub mod charts;
pub mod compare;
pub mod csv;
pub mod dataset;
pub mod date;
pub mod export;
pub mod facts;
pub mod graph;
pub mod labels;
pub mod layout;
pub mod model;
pub mod palette;
pub mod render;
pub mod scaled;
pub mod search;
pub mod sort;
pub mod svg_export;
pub mod table;
pub mod url;
pub mod view;
pub mod world;

#[cfg(test)]
pub mod test_support;

#[cfg(target_arch = "wasm32")]
pub mod app;
