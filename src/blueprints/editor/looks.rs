//! Drawing many items (the canvas's steps and arrows) so that a change redraws only the
//! items whose look it changed.
//!
//! Every look is computed at once, and then each item's own signal is set only when its
//! look differs. A memo per item would also redraw only the changed ones, but each of the
//! hundreds would re-read the blueprint on every change (a drag's every move), and
//! re-subscribing costs each of them the length of the blueprint's subscriber list: the
//! profile of a 300-step drag spent most of its time in exactly that. (Plain sorted lists
//! rather than maps: the same work in less code, which the bundle's budget counts.)

use leptos::prelude::*;

use crate::blueprints::domain::geometry::Arrow;
use crate::blueprints::domain::{Connector, Step, StepId, TieResult};
use crate::i18n::Lang;

/// An item's key: a step's id, an arrow's place in the list.
pub type Key = u32;

/// The looks of a set of items, each in a signal of its own.
pub struct Looks<T: Send + Sync + 'static> {
    /// Every item's look (in the order computed: sorting them would cost more code).
    all: Memo<Vec<(Key, T)>>,
    /// The signals of the items drawn, sorted by key.
    signals: StoredValue<Vec<(Key, ArcRwSignal<Option<T>>)>>,
}

impl<T: Send + Sync + 'static> Clone for Looks<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Send + Sync + 'static> Copy for Looks<T> {}

fn find<V>(list: &[(Key, V)], key: Key) -> Result<usize, usize> {
    list.binary_search_by_key(&key, |(k, _)| *k)
}

impl<T: Clone + PartialEq + Send + Sync + 'static> Looks<T> {
    /// The looks `compute` gives, in any order, followed as what it reads changes.
    pub fn new(compute: impl Fn() -> Vec<(Key, T)> + Send + Sync + 'static) -> Self {
        let all = Memo::new(move |_| compute());
        let signals = StoredValue::new(Vec::<(Key, ArcRwSignal<Option<T>>)>::new());
        Effect::new(move |_| {
            let changed: Vec<(ArcRwSignal<Option<T>>, Option<T>)> = all.with(|all| {
                signals
                    .try_update_value(|signals| {
                        let mut kept = vec![false; signals.len()];
                        let mut changed = Vec::new();
                        for (key, look) in all {
                            if let Ok(i) = find(signals, *key) {
                                kept[i] = true;
                                let signal = &signals[i].1;
                                if signal.with_untracked(|old| old.as_ref() != Some(look)) {
                                    changed.push((signal.clone(), Some(look.clone())));
                                }
                            }
                        }
                        // Items with no look now (gone, or an arrow missing a step) are drawn
                        // empty; their signals stay, should their key come back.
                        for (i, (_, signal)) in signals.iter().enumerate() {
                            if !kept[i] && signal.with_untracked(Option::is_some) {
                                changed.push((signal.clone(), None));
                            }
                        }
                        changed
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
    pub fn of(self, key: Key) -> ArcRwSignal<Option<T>> {
        let all = self.all;
        self.signals
            .try_update_value(|signals| match find(signals, key) {
                Ok(i) => signals[i].1.clone(),
                Err(i) => {
                    let look = all.with_untracked(|all| {
                        all.iter()
                            .find(|(k, _)| *k == key)
                            .map(|(_, look)| look.clone())
                    });
                    let signal = ArcRwSignal::new(look);
                    signals.insert(i, (key, signal.clone()));
                    signal
                }
            })
            .unwrap_or_else(|| ArcRwSignal::new(None))
    }
}

/// What one step looks like: it is drawn again only when this changes, so a drag or an
/// edit redraws the steps it changed and no other. (A step's id is unique: `For` keys
/// the steps by it.)
#[derive(Clone, PartialEq)]
pub struct StepLook {
    pub step: Step,
    pub selected: bool,
    pub ties: (Option<TieResult>, Option<usize>),
    pub lang: Lang,
}

/// What one item looks like: a step or an arrow of the drawing, or a cell of the table.
/// They share the type, so their looks and keyed lists share one copy of the code, which
/// the bundle's budget counts.
#[derive(Clone, PartialEq)]
pub enum Look {
    Step(Box<StepLook>),
    Arrow(Connector, Arrow, Lang),
    Cell {
        column: u32,
        step: Option<StepId>,
        lang: Lang,
    },
}

/// Draws one item from its look.
pub type Draw = std::sync::Arc<dyn Fn(&Look) -> AnyView + Send + Sync>;

/// Items drawn from their looks in the order of `keys`, each drawn again only when its
/// own look changes.
pub fn drawn(looks: Looks<Look>, keys: Memo<Vec<u32>>, draw: Draw) -> impl IntoView {
    view! {
        <For each=move || keys.get() key=|key| *key children=move |key| {
            let look = looks.of(key);
            let draw = draw.clone();
            move || look.with(|l| l.as_ref().map(|l| draw(l)))
        } />
    }
}
