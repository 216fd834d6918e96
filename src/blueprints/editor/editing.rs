//! What the canvas, the table, the side panel and the keyboard share while one blueprint
//! is open: the blueprint, the selected step, the connect mode, the last refusal, and the
//! edits they all make through the section state (so each one can be undone).

use leptos::prelude::*;

use crate::blueprints::domain::{Blueprint, Connector, Edit, EditError, Lane, Step, StepId};
use crate::blueprints::messages::BlueprintMsg;
use crate::blueprints::state::BlueprintsState;
use crate::i18n::Text;

/// The open blueprint and what is selected in it.
#[derive(Clone, Copy)]
pub struct Editing {
    pub id: u64,
    pub state: BlueprintsState,
    pub bp: Memo<Blueprint>,
    pub selected: RwSignal<Option<StepId>>,
    /// "Connect": the next step chosen gets an arrow from the selected one.
    pub connecting: RwSignal<bool>,
    /// Why the last edit was refused, or what just happened, for the status line.
    pub status: RwSignal<Option<BlueprintMsg>>,
}

impl Editing {
    pub fn new(state: BlueprintsState, id: u64) -> Editing {
        let bp = Memo::new(move |_| state.book.with(|b| b.get(id).cloned().unwrap_or_default()));
        Editing {
            id,
            state,
            bp,
            selected: RwSignal::new(None),
            connecting: RwSignal::new(false),
            status: RwSignal::new(None),
        }
    }

    /// Applies an edit; a refusal is said in the status line. Returns the new steps' ids.
    pub fn apply(self, edit: Edit) -> Vec<StepId> {
        match self.state.apply(self.id, &edit) {
            Ok(ids) => {
                self.status.set(None);
                ids
            }
            Err(error) => {
                self.status.set(Some(refusal(&error)));
                Vec::new()
            }
        }
    }

    /// Applies an edit from a button or a field; a refusal is said in the status line.
    pub fn edit(self, edit: Edit) {
        self.apply(edit);
    }

    /// The selected step, if it still exists (tracked).
    pub fn selected_step(self) -> Option<Step> {
        let id = self.selected.get()?;
        self.bp.with(|b| b.step(id).cloned())
    }

    /// Adds a step named `name` in an empty cell and selects it.
    pub fn add_at(self, lane: Lane, column: u32, name: &str) {
        self.connecting.set(false);
        let edit = Edit::AddStep {
            lane,
            column,
            name: name.to_owned(),
        };
        if let Some(id) = self.apply(edit).first() {
            self.selected.set(Some(*id));
        }
    }

    /// A click on a step: the end of a new arrow in connect mode, otherwise a selection.
    pub fn choose(self, id: StepId) {
        match self.selected.get_untracked() {
            Some(from) if self.connecting.get_untracked() => {
                self.connecting.set(false);
                self.apply(Edit::Connect(Connector::new(from, id)));
            }
            _ => self.selected.set(Some(id)),
        }
    }

    /// Changes the selected step's details with `change`, as one undoable edit.
    pub fn change_step(self, id: StepId, change: impl FnOnce(&mut Step)) {
        let Some(mut step) = self.bp.with_untracked(|b| b.step(id).cloned()) else {
            return;
        };
        change(&mut step);
        self.apply(Edit::UpdateStep(step));
    }

    /// Moves the selected step by whole lanes and columns (the arrow keys).
    pub fn nudge(self, lanes: i32, columns: i32) {
        if let Some(id) = self.selected.get_untracked() {
            self.apply(Edit::MoveSteps {
                ids: vec![id],
                lanes,
                columns,
            });
        }
    }

    pub fn delete_selected(self) {
        if let Some(id) = self.selected.get_untracked() {
            self.apply(Edit::DeleteSteps(vec![id]));
            self.selected.set(None);
            self.connecting.set(false);
        }
    }

    pub fn undo(self) {
        let done = self.state.undo(self.id);
        self.status
            .set((!done).then_some(BlueprintMsg::NothingToUndo));
    }

    pub fn redo(self) {
        let done = self.state.redo(self.id);
        self.status
            .set((!done).then_some(BlueprintMsg::NothingToRedo));
    }

    /// A step's name as the page shows it: its own, or "Step 4" when it has none.
    pub fn step_name(self, id: StepId, lang: crate::i18n::Lang) -> String {
        self.bp
            .with(|b| b.step(id).map(|s| s.name.clone()))
            .filter(|n| !n.trim().is_empty())
            .unwrap_or_else(|| {
                crate::i18n::fill(BlueprintMsg::StepN.in_lang(lang), &[&id.to_string()])
            })
    }
}

/// Why an edit was refused, as the status line says it.
fn refusal(error: &EditError) -> BlueprintMsg {
    match error {
        EditError::CellTaken { .. } => BlueprintMsg::CellTaken,
        EditError::OffGrid => BlueprintMsg::OffGrid,
        EditError::SameStep => BlueprintMsg::SameStep,
        EditError::AlreadyConnected => BlueprintMsg::AlreadyConnected,
        EditError::NoSuchStep(_) | EditError::NotConnected | EditError::NothingSelected => {
            BlueprintMsg::NothingChanged
        }
    }
}
