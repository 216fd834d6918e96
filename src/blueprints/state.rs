//! The blueprints section's state: the stored blueprint book, registered with the app
//! state (so it is in the backup and follows other tabs), and one undo/redo history per
//! blueprint opened in this tab, kept in memory only.
//!
//! Every change to a blueprint goes through the domain's [`Edit`]s and its [`History`];
//! the edited blueprint is then written back whole. If another tab saved the book first,
//! the newer book is read and only this blueprint is replaced, so the other tab's changes
//! to other blueprints are kept.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::domain::{Blueprint, BlueprintBook, Edit, EditError, History, StepId};
use crate::state::{AppState, Persisted};
use crate::storage::{Document, Migration};

impl Document for BlueprintBook {
    const KEY: &'static str = "crm.blueprints";
    const SCHEMA: u32 = 2;
    const MIGRATIONS: &'static [Migration] = &[super::domain::book::add_step_ties];

    fn record_count(&self) -> Option<usize> {
        Some(self.blueprints.len())
    }
}

crate::persist_whole_document!(BlueprintBook);

/// The blueprint book and the open blueprints' histories, provided as context.
#[derive(Clone, Copy)]
pub struct BlueprintsState {
    pub book: Persisted<BlueprintBook>,
    histories: StoredValue<BTreeMap<u64, History>>,
    /// Counts history changes, so "Undo" and "Redo" know when to look again.
    history_changes: RwSignal<u64>,
}

impl BlueprintsState {
    pub fn provide(app: AppState) -> Self {
        let state = Self {
            book: app.load::<BlueprintBook>(),
            histories: StoredValue::new(BTreeMap::new()),
            history_changes: RwSignal::new(0),
        };
        provide_context(state);
        let lang = crate::components::text::use_lang();
        app.on_demo_loaded(move || {
            state
                .book
                .update(|book| _ = book.add_samples(lang.get_untracked()));
        });
        state
    }

    fn blueprint(self, id: u64) -> Option<Blueprint> {
        self.book.with_untracked(|b| b.get(id).cloned())
    }

    /// Writes blueprint `bp` back into the book (over the newer book after a conflict).
    fn store(self, bp: Blueprint) {
        self.book.edit(move |book| {
            if let Some(slot) = book.get_mut(bp.id) {
                *slot = bp.clone();
            }
        });
        self.history_changes.update(|n| *n += 1);
    }

    /// Applies one edit to blueprint `id` and remembers it for undo; returns the ids of
    /// the steps it created. A refused edit changes nothing.
    pub fn apply(self, id: u64, edit: &Edit) -> Result<Vec<StepId>, EditError> {
        let Some(mut bp) = self.blueprint(id) else {
            return Err(EditError::NothingSelected);
        };
        let before = bp.clone();
        let result = self
            .histories
            .try_update_value(|h| h.entry(id).or_default().apply(&mut bp, edit))
            .unwrap_or(Err(EditError::NothingSelected));
        if result.is_ok() && bp != before {
            self.store(bp);
        }
        result
    }

    /// Goes back one edit of blueprint `id`; false when there is none.
    pub fn undo(self, id: u64) -> bool {
        self.step_history(id, History::undo)
    }

    /// Goes forward one undone edit of blueprint `id`; false when there is none.
    pub fn redo(self, id: u64) -> bool {
        self.step_history(id, History::redo)
    }

    fn step_history(self, id: u64, step: fn(&mut History, &mut Blueprint) -> bool) -> bool {
        let Some(mut bp) = self.blueprint(id) else {
            return false;
        };
        let moved = self
            .histories
            .try_update_value(|h| step(h.entry(id).or_default(), &mut bp))
            .unwrap_or(false);
        if moved {
            self.store(bp);
        }
        moved
    }

    /// Whether blueprint `id` has an edit to undo (`undo` true) or to redo; tracked.
    pub fn can(self, id: u64, undo: bool) -> bool {
        self.history_changes.track();
        self.histories.with_value(|h| {
            h.get(&id)
                .is_some_and(|h| if undo { h.can_undo() } else { h.can_redo() })
        })
    }
}

/// The blueprints section's state from context.
pub fn use_blueprints() -> BlueprintsState {
    expect_context::<BlueprintsState>()
}
