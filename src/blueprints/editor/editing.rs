//! What the canvas, the table, the side panel and the keyboard share while one blueprint
//! is open: the blueprint, the selection, a drag under way, the copied steps, the connect
//! mode, the last refusal, and the edits they all make through the section state (so each
//! one can be undone).

use leptos::prelude::*;

use super::tie_figures::{tie_figures, TieFigures};
use crate::blueprints::domain::edit::{copy, move_steps};
use crate::blueprints::domain::{
    Blueprint, Clipboard, Connector, Edit, EditError, Lane, Selection, Step, StepId,
};
use crate::blueprints::messages::BlueprintMsg;
use crate::blueprints::state::BlueprintsState;
use crate::i18n::Text;

/// Steps being dragged, and by how many lanes and columns they have moved so far.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Drag {
    pub ids: Vec<StepId>,
    pub lanes: i32,
    pub columns: i32,
}

/// The open blueprint and what is selected in it.
#[derive(Clone, Copy)]
pub struct Editing {
    pub id: u64,
    pub state: BlueprintsState,
    pub bp: Memo<Blueprint>,
    /// The blueprint as drawn: during a drag, the dragged steps where they would land.
    pub shown: Memo<Blueprint>,
    pub selection: RwSignal<Selection>,
    pub drag: RwSignal<Option<Drag>>,
    /// The tied steps' survey results and complaint counts.
    pub ties: Memo<TieFigures>,
    /// The copied steps and the column the leftmost came from.
    pub clipboard: StoredValue<Option<(Clipboard, u32)>>,
    /// "Connect": the next step chosen gets an arrow from the selected one.
    pub connecting: RwSignal<bool>,
    /// Why the last edit was refused, or what just happened, for the status line.
    pub status: RwSignal<Option<BlueprintMsg>>,
}

impl Editing {
    pub fn new(state: BlueprintsState, id: u64) -> Editing {
        let bp = Memo::new(move |_| state.book.with(|b| b.get(id).cloned().unwrap_or_default()));
        let drag: RwSignal<Option<Drag>> = RwSignal::new(None);
        let shown = Memo::new(move |_| {
            let moved = drag.with(|d| {
                let d = d.as_ref().filter(|d| d.lanes != 0 || d.columns != 0)?;
                let mut moved = bp.get();
                move_steps(&mut moved, &d.ids, d.lanes, d.columns).ok()?;
                Some(moved)
            });
            moved.unwrap_or_else(|| bp.get())
        });
        Editing {
            id,
            state,
            bp,
            shown,
            ties: tie_figures(bp),
            selection: RwSignal::new(Selection::default()),
            drag,
            clipboard: StoredValue::new(None),
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

    /// The primary selected step's id (tracked).
    pub fn selected(self) -> Option<StepId> {
        self.selection.with(|s| s.primary)
    }

    pub fn selected_untracked(self) -> Option<StepId> {
        self.selection.with_untracked(|s| s.primary)
    }

    /// Selects just this step (or nothing).
    pub fn select(self, id: Option<StepId>) {
        self.selection.set(Selection::one(id));
    }

    /// Every selected step that exists, the primary first (untracked).
    pub fn selected_ids(self) -> Vec<StepId> {
        let selection = self.selection.get_untracked();
        self.bp.with_untracked(|b| selection.within(b).ids())
    }

    /// The selected step, if it still exists (tracked).
    pub fn selected_step(self) -> Option<Step> {
        let id = self.selected()?;
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
            self.select(Some(*id));
        }
    }

    /// A click on a step: the end of a new arrow in connect mode; with Shift, in or out of
    /// the selection; otherwise the only selected step.
    pub fn choose(self, id: StepId, shift: bool) {
        match self.selected_untracked() {
            Some(from) if self.connecting.get_untracked() => {
                self.connecting.set(false);
                self.apply(Edit::Connect(Connector::new(from, id)));
            }
            _ if shift => self.selection.update(|s| *s = s.toggle(id)),
            _ => self.select(Some(id)),
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

    /// Moves the selected steps by whole lanes and columns (the arrow keys, a drop).
    pub fn nudge(self, lanes: i32, columns: i32) {
        let ids = self.selected_ids();
        if !ids.is_empty() {
            self.apply(Edit::MoveSteps {
                ids,
                lanes,
                columns,
            });
        }
    }

    pub fn delete_selected(self) {
        let ids = self.selected_ids();
        if !ids.is_empty() {
            self.apply(Edit::DeleteSteps(ids));
            self.select(None);
            self.connecting.set(false);
        }
    }

    /// Copies the selected steps and the arrows between them.
    pub fn copy_selected(self) {
        let ids = self.selected_ids();
        if ids.is_empty() {
            self.status.set(Some(BlueprintMsg::NothingSelected));
            return;
        }
        let (clipboard, left) = self.bp.with_untracked(|b| {
            let left = ids
                .iter()
                .filter_map(|&i| b.step(i).map(|s| s.column))
                .min()
                .unwrap_or(0);
            (copy(b, &ids), left)
        });
        self.status.set(Some(BlueprintMsg::Copied));
        self.clipboard.set_value(Some((clipboard, left)));
    }

    /// Pastes the copied steps into the first free cells from where they were copied, as
    /// one undoable edit, and selects them.
    pub fn paste(self) {
        let Some((clipboard, column)) = self.clipboard.get_value() else {
            self.status.set(Some(BlueprintMsg::NothingCopied));
            return;
        };
        let ids = self.apply(Edit::Paste { clipboard, column });
        if !ids.is_empty() {
            self.selection.set(Selection::of(&ids));
        }
    }

    /// Selects every step.
    pub fn select_all(self) {
        let ids: Vec<StepId> = self
            .bp
            .with_untracked(|b| b.steps_in_order().iter().map(|s| s.id).collect());
        self.selection.set(Selection::of(&ids));
    }

    pub fn undo(self) {
        let done = self.state.undo(self.id);
        self.keep_existing();
        self.status
            .set((!done).then_some(BlueprintMsg::NothingToUndo));
    }

    pub fn redo(self) {
        let done = self.state.redo(self.id);
        self.keep_existing();
        self.status
            .set((!done).then_some(BlueprintMsg::NothingToRedo));
    }

    /// Drops steps that an undo or redo took away from the selection.
    fn keep_existing(self) {
        let kept = self
            .bp
            .with_untracked(|b| self.selection.with_untracked(|s| s.within(b)));
        if self.selection.with_untracked(|s| *s != kept) {
            self.selection.set(kept);
        }
    }

    /// A step's name as the page shows it: its own, or "Step 4" when it has none.
    pub fn step_name(self, id: StepId, lang: crate::i18n::Lang) -> String {
        self.bp
            .with(|b| b.step(id).map(|s| name_of(s, lang)))
            .unwrap_or_else(|| nameless(id, lang))
    }
}

/// A step's name as the page shows it: its own, or "Step 4" when it has none.
pub fn name_of(step: &Step, lang: crate::i18n::Lang) -> String {
    if step.name.trim().is_empty() {
        nameless(step.id, lang)
    } else {
        step.name.clone()
    }
}

fn nameless(id: StepId, lang: crate::i18n::Lang) -> String {
    crate::i18n::fill(BlueprintMsg::StepN.in_lang(lang), &[&id.to_string()])
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
