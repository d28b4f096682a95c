//! Small signals keyed by id, for a page that shows one large document in many parts.
//!
//! A document is one coarse signal, and every reader of it wakes on every change. A grid
//! of thousands of cells instead gives each row or cell a small signal of its own, made
//! the first time that row or cell is shown. After each change the page refreshes them,
//! and a signal is set only when its value really differs, so an edit wakes the one cell
//! it changed instead of the whole grid. The RACI matrix keys its rows by function; the
//! scorecard keys its cells, criteria and provider columns.

use std::borrow::Borrow;
use std::collections::HashMap;
use std::hash::Hash;

use leptos::prelude::*;

/// The signals of the keys shown so far. Copy it into any component of the page.
pub struct Keyed<K: 'static, V: 'static>(StoredValue<HashMap<K, ArcRwSignal<V>>>);

impl<K, V> Clone for Keyed<K, V> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<K, V> Copy for Keyed<K, V> {}

impl<K, V> Default for Keyed<K, V>
where
    K: Send + Sync + 'static,
    V: Send + Sync + 'static,
{
    fn default() -> Self {
        Keyed(StoredValue::new(HashMap::new()))
    }
}

impl<K, V> Keyed<K, V>
where
    K: Eq + Hash + Send + Sync + 'static,
    V: PartialEq + Send + Sync + 'static,
{
    /// The signal of `key`, made from `first()` the first time the key is shown.
    pub fn get<Q>(self, key: &Q, first: impl FnOnce() -> V) -> ArcRwSignal<V>
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ToOwned<Owned = K> + ?Sized,
    {
        if let Some(signal) = self.0.with_value(|map| map.get(key).cloned()) {
            return signal;
        }
        let signal = ArcRwSignal::new(first());
        self.0.update_value(|map| {
            map.insert(key.to_owned(), signal.clone());
        });
        signal
    }

    /// Brings every shown key up to date. `now` gives a key's current value, or None to
    /// leave the key as it is (a key whose part of the document is gone, or one that a
    /// cheap look at what is shown proves unchanged).
    pub fn refresh(self, mut now: impl FnMut(&K, &V) -> Option<V>) {
        self.0.with_value(|map| {
            for (key, signal) in map {
                if let Some(value) = signal.with_untracked(|shown| now(key, shown)) {
                    put(signal, value);
                }
            }
        });
    }

    /// Brings the given keys up to date, those that are shown, in one pass over the
    /// document (a grid's rows in order); each key's `now` is as in `refresh`.
    pub fn refresh_keys<'a, Q, F>(self, keys: impl IntoIterator<Item = (&'a Q, F)>)
    where
        K: Borrow<Q>,
        Q: Hash + Eq + ?Sized + 'a,
        F: FnOnce(&V) -> Option<V>,
    {
        self.0.with_value(|map| {
            for (key, now) in keys {
                if let Some(signal) = map.get(key) {
                    if let Some(value) = signal.with_untracked(now) {
                        put(signal, value);
                    }
                }
            }
        });
    }
}

/// Sets a signal (keyed or not) only when the value differs, so nothing downstream wakes
/// for nothing.
pub fn put<S, V>(signal: &S, value: V)
where
    S: WithUntracked<Value = V> + Set<Value = V>,
    V: PartialEq,
{
    if signal.with_untracked(|old| *old != value) {
        signal.set(value);
    }
}
