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

    /// Whether app code (a file's text up to its tests) collects into a
    /// B-tree: `collect::<BTree…>`, or a `let x: BTree…` statement ending in
    /// `.collect()`.
    fn collects_into_btree(text: &str) -> bool {
        let code = text.split("#[cfg(test)]").next().unwrap_or("");
        let code = code.split("#[cfg(all(test").next().unwrap_or("");
        code.contains("collect::<BTree")
            || code.contains("collect::<std::collections::BTree")
            || code.split(';').any(|stmt| {
                stmt.contains("let ")
                    && (stmt.contains(": BTreeSet") || stmt.contains(": BTreeMap"))
                    && stmt.trim_end().ends_with(".collect()")
            })
    }

    #[test]
    fn the_btree_scan_tells_a_collect_from_set_of() {
        assert!(collects_into_btree(
            "fn f() {\n    let s: BTreeSet<&str> = v\n        .iter()\n        .collect();\n}"
        ));
        assert!(collects_into_btree(
            "let n = v.into_iter().collect::<BTreeMap<_, _>>();"
        ));
        assert!(!collects_into_btree(
            "let s: BTreeSet<&str> = sort::set_of(v.iter().copied());"
        ));
        assert!(!collects_into_btree(
            "fn f() {}\n#[cfg(test)]\nmod tests { fn g() { let s: BTreeSet<u8> = x.collect(); } }"
        ));
    }

    /// The bundle rule clippy cannot see (a B-tree `collect()` sorts with
    /// its own copy of the standard sort), checked over every source file.
    #[test]
    fn no_btree_collects_outside_tests() {
        fn files(dir: &std::path::Path, out: &mut Vec<std::path::PathBuf>) {
            for e in std::fs::read_dir(dir).unwrap().flatten() {
                let p = e.path();
                if p.is_dir() {
                    files(&p, out);
                } else if p.extension().is_some_and(|x| x == "rs") {
                    out.push(p);
                }
            }
        }
        let mut all = Vec::new();
        files(
            &std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
            &mut all,
        );
        assert!(all.len() > 20, "the scan found the sources");
        let found: Vec<String> = all
            .iter()
            .filter(|p| collects_into_btree(&std::fs::read_to_string(p).unwrap()))
            .map(|p| p.display().to_string())
            .collect();
        assert!(found.is_empty(), "use sort::set_of / map_of in {found:?}");
    }
}
