//! Chart series and geometry (being written).
