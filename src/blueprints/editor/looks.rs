//! Drawing many items (the canvas's steps and arrows) so that a change redraws only the
//! items whose look it changed.
//!
//! Every look is computed at once, and then each item's own signal is set only when its
//! look differs. A memo per item would also redraw only the changed ones, but each of the
//! hundreds would re-read the blueprint on every change (a drag's every move), and
//! re-subscribing costs each of them the length of the blueprint's subscriber list: the
//! profile of a 300-step drag spent most of its time in exactly that.

use std::collections::BTreeMap;

use leptos::prelude::*;

/// The looks of a set of items, each in a signal of its own.
pub struct Looks<K: Send + Sync + 'static, T: Send + Sync + 'static> {
    all: Memo<BTreeMap<K, T>>,
    signals: StoredValue<BTreeMap<K, ArcRwSignal<Option<T>>>>,
}

impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Clone for Looks<K, T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<K: Send + Sync + 'static, T: Send + Sync + 'static> Copy for Looks<K, T> {}

impl<K, T> Looks<K, T>
where
    K: Ord + Clone + Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    /// The looks `compute` gives, followed as what it reads changes.
    pub fn new(compute: impl Fn() -> BTreeMap<K, T> + Send + Sync + 'static) -> Self {
        let all = Memo::new(move |_| compute());
        let signals = StoredValue::new(BTreeMap::<K, ArcRwSignal<Option<T>>>::new());
        Effect::new(move |_| {
            let changed: Vec<(ArcRwSignal<Option<T>>, Option<T>)> = all.with(|all| {
                signals
                    .try_update_value(|signals| {
                        signals.retain(|key, _| all.contains_key(key));
                        signals
                            .iter()
                            .filter_map(|(key, signal)| {
                                let look = all.get(key);
                                signal
                                    .with_untracked(|old| old.as_ref() != look)
                                    .then(|| (signal.clone(), look.cloned()))
                            })
                            .collect()
                    })
                    .unwrap_or_default()
            });
            for (signal, look) in changed {
                signal.set(look);
            }
        });
        Looks { all, signals }
    }

    /// Item `key`'s look, to draw it from (`None` while it has none).
    pub fn of(self, key: K) -> ArcRwSignal<Option<T>> {
        let all = self.all;
        self.signals
            .try_update_value(|signals| {
                signals
                    .entry(key.clone())
                    .or_insert_with(|| {
                        ArcRwSignal::new(all.with_untracked(|a| a.get(&key).cloned()))
                    })
                    .clone()
            })
            .unwrap_or_else(|| ArcRwSignal::new(None))
    }
}
