//! One sort for the whole app.
//!
//! Every `slice::sort_by` call with its own closure compiles the standard
//! library's sort anew (driftsort plus its small-sort and heapsort helpers,
//! about 4 KB of wasm each time; 20 call sites cost over 100 KB). Here the
//! order is found once, on indices, through a `dyn` comparator, and the
//! items are then moved into place: the standard sort is compiled once, and
//! each call site adds only a few hundred bytes. Our lists are small (at most
//! a few thousand items), so the indirect comparison costs nothing visible.

use std::cmp::Ordering;

/// Sorts `v` by `cmp`, stably (equal items keep their order).
pub fn sort_by<T>(v: &mut Vec<T>, mut cmp: impl FnMut(&T, &T) -> Ordering) {
    let order = order(v.len(), &mut |a, b| cmp(&v[a], &v[b]));
    let mut slots: Vec<Option<T>> = std::mem::take(v).into_iter().map(Some).collect();
    v.extend(
        order
            .into_iter()
            .filter_map(|i| slots.get_mut(i).and_then(Option::take)),
    );
}

/// Sorts `v` by the key `f` gives each item, stably.
pub fn sort_by_key<T, K: Ord>(v: &mut Vec<T>, mut f: impl FnMut(&T) -> K) {
    sort_by(v, |a, b| f(a).cmp(&f(b)));
}

/// Sorts `v` in ascending order, stably.
pub fn sort<T: Ord>(v: &mut Vec<T>) {
    sort_by(v, T::cmp);
}

/// A `BTreeSet` of `items`, inserted one by one. `collect()` would sort them
/// first (the standard `FromIterator`), compiling yet another sort for each
/// item type.
pub fn set_of<T: Ord>(items: impl IntoIterator<Item = T>) -> std::collections::BTreeSet<T> {
    let mut set = std::collections::BTreeSet::new();
    for item in items {
        set.insert(item);
    }
    set
}

/// A `BTreeMap` of `items`, inserted one by one (the last value of a repeated
/// key wins, as with `collect()`), for the same reason as [`set_of`].
pub fn map_of<K: Ord, V>(
    items: impl IntoIterator<Item = (K, V)>,
) -> std::collections::BTreeMap<K, V> {
    let mut map = std::collections::BTreeMap::new();
    for (k, v) in items {
        map.insert(k, v);
    }
    map
}

/// The stable sorting permutation of `0..n` under `cmp`: the one place the
/// standard sort is instantiated.
fn order(n: usize, cmp: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut idx: Vec<usize> = (0..n).collect();
    #[allow(clippy::disallowed_methods)] // The one place: see the module docs.
    idx.sort_by(|&a, &b| cmp(a, b));
    idx
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        /// Same result as the standard stable sort, for any input, including
        /// the order of equal keys.
        #[test]
        fn matches_the_standard_stable_sort(v in proptest::collection::vec((0u8..6, any::<u16>()), 0..200)) {
            let mut ours = v.clone();
            sort_by_key(&mut ours, |p| p.0);
            let mut std = v.clone();
            #[allow(clippy::disallowed_methods)] // The reference it is tested against.
            std.sort_by_key(|p| p.0);
            prop_assert_eq!(ours, std);
        }
    }

    #[test]
    fn sorts_owned_values_and_keeps_all_of_them() {
        let mut v: Vec<String> = ["pear", "apple", "fig", "apple"].map(String::from).to_vec();
        sort(&mut v);
        assert_eq!(v, ["apple", "apple", "fig", "pear"]);
        let mut empty: Vec<String> = Vec::new();
        sort(&mut empty);
        assert!(empty.is_empty());
    }
}
