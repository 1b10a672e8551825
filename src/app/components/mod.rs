//! The app's Leptos components: each renders part of the page from the
//! view state and wires its input back to it, leaving decisions to the pure
//! modules (`crate::view` controllers, `crate::charts`, `crate::export`).

pub mod changes;
pub mod charts_view;
pub mod details;
pub mod graph_view;
pub mod lean_view;
pub mod panels;
pub mod share;
pub mod story;
pub mod table_view;
pub mod timeline;
