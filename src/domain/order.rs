//! One stable sort for the whole app. `sort_by` is generic over the element and the
//! comparison, so every call site compiled a copy of the sort into the wasm (14 copies,
//! about 58 KB). These sort positions with the comparison behind `dyn`, so there is one
//! copy, then move the items into that order. Same results as `slice::sort_by`.
//!
//! `collect()` into a `BTreeMap` sorts its input too, with a comparison defined inside the
//! generic `from_iter`: one more copy of the sort per call site (8 of them, about 28 KB).
//! `map` builds by inserting instead.

use std::cmp::Ordering;
use std::collections::BTreeMap;

/// Sorts `items` stably by `compare`.
pub fn sort_by<T>(items: &mut Vec<T>, compare: impl Fn(&T, &T) -> Ordering) {
    let order = positions(items.len(), &|a, b| compare(&items[a], &items[b]));
    let mut slots: Vec<Option<T>> = items.drain(..).map(Some).collect();
    items.extend(order.into_iter().filter_map(|i| slots[i].take()));
}

/// Sorts `items` stably by a key.
pub fn sort_by_key<T, K: Ord>(items: &mut Vec<T>, key: impl Fn(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// A map of `pairs`, built by inserting; as with `collect()`, a repeated key keeps its last value.
pub fn map<K: Ord, V>(pairs: impl IntoIterator<Item = (K, V)>) -> BTreeMap<K, V> {
    let mut out = BTreeMap::new();
    out.extend(pairs);
    out
}

/// The positions `0..n` in the order `compare` gives them: the one sort in the wasm.
fn positions(n: usize, compare: &dyn Fn(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn equal_keys_keep_their_order() {
        let mut v = vec![(2, 'a'), (1, 'b'), (2, 'c'), (1, 'd')];
        sort_by_key(&mut v, |p| p.0);
        assert_eq!(v, [(1, 'b'), (1, 'd'), (2, 'a'), (2, 'c')]);
    }

    #[test]
    fn a_map_keeps_the_last_value_of_a_repeated_key_like_collect() {
        let pairs = [(2, 'a'), (1, 'b'), (2, 'c')];
        let collected: BTreeMap<_, _> = pairs.into_iter().collect();
        assert_eq!(map(pairs), collected);
        assert_eq!(map(pairs)[&2], 'c');
    }

    proptest! {
        #[test]
        fn sorts_exactly_like_the_standard_library(v in proptest::collection::vec((0u8..5, any::<u16>()), 0..60)) {
            let mut ours = v.clone();
            let mut std = v;
            sort_by(&mut ours, |a, b| a.0.cmp(&b.0));
            std.sort_by_key(|a| a.0);
            prop_assert_eq!(ours, std);
        }
    }
}
