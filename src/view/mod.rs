//! Headless controllers: what the interactive parts decide, without the
//! browser, so native tests reach it; the components only render and wire.

pub mod camera;
pub mod embed;
pub mod search;
pub mod url;

pub mod details;
pub mod gesture;
pub mod timeline;
