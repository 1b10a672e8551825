//! Shared test fixtures: the shipped dataset is loaded once per test binary.

use std::sync::OnceLock;

use crate::model::Dataset;

/// The shipped dataset, loaded and validated once.
pub fn dataset() -> &'static Dataset {
    static DS: OnceLock<Dataset> = OnceLock::new();
    DS.get_or_init(|| crate::dataset::load_embedded().expect("the shipped dataset loads"))
}
