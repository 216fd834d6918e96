//! Editing a blueprint as pure operations the canvas, the table and the keyboard all call:
//! add, move (snapping to a cell), delete, connect, copy and paste, duplicate as to-be; and
//! the undo/redo [`History`] that replays them.
//!
//! Every operation keeps one step per cell and leaves the blueprint unchanged when it
//! refuses. The history keeps whole snapshots: a blueprint of 300 steps is a few tens of
//! kilobytes, so 100 of them cost little, and a snapshot cannot be replayed wrongly the way
//! a hand-written inverse can.

use std::collections::{BTreeMap, BTreeSet, VecDeque};

use super::model::{
    Benchmark, Blueprint, Connector, ElementKind, Lane, Phase, ServiceElement, Step, StepId,
    Version,
};

/// What to do when a step is moved onto a cell that is taken.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Collision {
    /// Leave everything where it was and say why.
    #[default]
    Refuse,
    /// Push the step there, and the steps right after it in that lane, one column right.
    Push,
}

/// Why an edit was refused; the blueprint is then unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum EditError {
    CellTaken {
        lane: Lane,
        column: u32,
    },
    NoSuchStep(StepId),
    /// Above the top lane, below the bottom one, or left of the first column.
    OffGrid,
    /// A connector from a step to itself.
    SameStep,
    AlreadyConnected,
    NotConnected,
    NothingSelected,
}

/// One edit, as the history and a test can replay it.
#[derive(Clone, Debug, PartialEq)]
pub enum Edit {
    AddStep {
        lane: Lane,
        column: u32,
        name: String,
    },
    MoveStep {
        id: StepId,
        lane: Lane,
        column: u32,
        collision: Collision,
    },
    /// Moves the selection by whole lanes and columns (arrow keys, a dragged selection).
    MoveSteps {
        ids: Vec<StepId>,
        lanes: i32,
        columns: i32,
    },
    DeleteSteps(Vec<StepId>),
    Connect(Connector),
    Disconnect {
        from: StepId,
        to: StepId,
    },
    /// A connector's new label or direction.
    UpdateConnector(Connector),
    /// The side panel's changes to one step (its cell stays; moving is [`Edit::MoveStep`]).
    UpdateStep(Step),
    Paste {
        clipboard: Clipboard,
        column: u32,
    },
    SetPhases(Vec<Phase>),
    /// A service element present, missing or not assessed, and the step it shows at.
    SetElement {
        kind: ElementKind,
        present: Option<bool>,
        step: Option<StepId>,
    },
    /// A step's competitor figure, or none.
    SetBenchmark {
        step: StepId,
        benchmark: Option<Benchmark>,
    },
    /// Anything else about the blueprint (name, scenario, elements, benchmarks): the
    /// whole new blueprint.
    Replace(Blueprint),
}

/// Copied steps, their columns counted from the leftmost, with the connectors between them.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Clipboard {
    pub steps: Vec<Step>,
    pub connectors: Vec<Connector>,
}

impl Clipboard {
    pub fn is_empty(&self) -> bool {
        self.steps.is_empty()
    }
}

/// Adds an empty-named step in a free cell; returns its id.
pub fn add_step(
    bp: &mut Blueprint,
    lane: Lane,
    column: u32,
    name: &str,
) -> Result<StepId, EditError> {
    if bp.step_at(lane, column).is_some() {
        return Err(EditError::CellTaken { lane, column });
    }
    let id = bp.next_step_id();
    bp.steps.push(Step::new(id, lane, column, name));
    Ok(id)
}

/// Moves one step to a cell.
pub fn move_step(
    bp: &mut Blueprint,
    id: StepId,
    lane: Lane,
    column: u32,
    collision: Collision,
) -> Result<(), EditError> {
    bp.step(id).ok_or(EditError::NoSuchStep(id))?;
    let occupant = |bp: &Blueprint, column: u32| {
        bp.steps
            .iter()
            .find(|s| s.id != id && s.lane == lane && s.column == column)
            .map(|s| s.id)
    };
    if occupant(bp, column).is_some() {
        if collision == Collision::Refuse {
            return Err(EditError::CellTaken { lane, column });
        }
        let mut run = Vec::new();
        let mut next = column;
        while let Some(taken) = occupant(bp, next) {
            run.push(taken);
            next += 1;
        }
        for taken in run {
            if let Some(step) = bp.step_mut(taken) {
                step.column += 1;
            }
        }
    }
    if let Some(step) = bp.step_mut(id) {
        step.lane = lane;
        step.column = column;
    }
    Ok(())
}

/// Moves the selected steps together by `lanes` and `columns`; refused when one would
/// leave the grid or land on a step that is not selected.
pub fn move_steps(
    bp: &mut Blueprint,
    ids: &[StepId],
    lanes: i32,
    columns: i32,
) -> Result<(), EditError> {
    if ids.is_empty() {
        return Err(EditError::NothingSelected);
    }
    let selected: BTreeSet<StepId> = ids.iter().copied().collect();
    let mut targets = BTreeMap::new();
    for &id in &selected {
        let step = bp.step(id).ok_or(EditError::NoSuchStep(id))?;
        let lane = i64::try_from(step.lane.index()).unwrap_or(0) + i64::from(lanes);
        let column = i64::from(step.column) + i64::from(columns);
        let lane = usize::try_from(lane)
            .ok()
            .and_then(Lane::from_index)
            .ok_or(EditError::OffGrid)?;
        let column = u32::try_from(column).map_err(|_| EditError::OffGrid)?;
        targets.insert(id, (lane, column));
    }
    for &(lane, column) in targets.values() {
        if bp
            .step_at(lane, column)
            .is_some_and(|s| !selected.contains(&s.id))
        {
            return Err(EditError::CellTaken { lane, column });
        }
    }
    for step in &mut bp.steps {
        if let Some(&(lane, column)) = targets.get(&step.id) {
            step.lane = lane;
            step.column = column;
        }
    }
    Ok(())
}

/// Deletes the steps and everything that points at them (connectors, evidence ties,
/// service elements' ties, benchmarks); returns how many steps went.
pub fn delete_steps(bp: &mut Blueprint, ids: &[StepId]) -> usize {
    let gone: BTreeSet<StepId> = ids.iter().copied().collect();
    let before = bp.steps.len();
    bp.steps.retain(|s| !gone.contains(&s.id));
    bp.connectors
        .retain(|c| !gone.contains(&c.from) && !gone.contains(&c.to));
    for step in &mut bp.steps {
        if step.evidence_step.is_some_and(|e| gone.contains(&e)) {
            step.evidence_step = None;
        }
    }
    for element in &mut bp.elements {
        if element.step.is_some_and(|e| gone.contains(&e)) {
            element.step = None;
        }
    }
    bp.benchmarks.retain(|b| !gone.contains(&b.step));
    before - bp.steps.len()
}

/// Whether a connector joins `a` and `b`, in either direction.
fn joined(c: &Connector, a: StepId, b: StepId) -> bool {
    (c.from == a && c.to == b) || (c.from == b && c.to == a)
}

/// Adds a connector between two existing steps that are not yet joined.
pub fn connect(bp: &mut Blueprint, connector: Connector) -> Result<(), EditError> {
    for id in [connector.from, connector.to] {
        bp.step(id).ok_or(EditError::NoSuchStep(id))?;
    }
    if connector.from == connector.to {
        return Err(EditError::SameStep);
    }
    if bp
        .connectors
        .iter()
        .any(|c| joined(c, connector.from, connector.to))
    {
        return Err(EditError::AlreadyConnected);
    }
    bp.connectors.push(connector);
    Ok(())
}

/// Removes the connector between two steps, whichever way it points.
pub fn disconnect(bp: &mut Blueprint, from: StepId, to: StepId) -> Result<(), EditError> {
    let before = bp.connectors.len();
    bp.connectors.retain(|c| !joined(c, from, to));
    if bp.connectors.len() == before {
        return Err(EditError::NotConnected);
    }
    Ok(())
}

/// Changes a connector's label and direction (its ends stay; which way it was drawn too,
/// unless `connector` names them the other way round, which turns it).
pub fn update_connector(bp: &mut Blueprint, connector: Connector) -> Result<(), EditError> {
    let old = bp
        .connectors
        .iter_mut()
        .find(|c| joined(c, connector.from, connector.to))
        .ok_or(EditError::NotConnected)?;
    *old = connector;
    Ok(())
}

/// Replaces a step's details, keeping its cell.
pub fn update_step(bp: &mut Blueprint, step: Step) -> Result<(), EditError> {
    let old = bp.step_mut(step.id).ok_or(EditError::NoSuchStep(step.id))?;
    let (lane, column) = old.cell();
    *old = Step {
        lane,
        column,
        ..step
    };
    Ok(())
}

/// The selected steps and the connectors between them, columns counted from the leftmost.
pub fn copy(bp: &Blueprint, ids: &[StepId]) -> Clipboard {
    let selected: BTreeSet<StepId> = ids.iter().copied().collect();
    let mut steps: Vec<Step> = bp
        .steps
        .iter()
        .filter(|s| selected.contains(&s.id))
        .cloned()
        .collect();
    let left = steps.iter().map(|s| s.column).min().unwrap_or(0);
    for step in &mut steps {
        step.column -= left;
    }
    let connectors = bp
        .connectors
        .iter()
        .filter(|c| selected.contains(&c.from) && selected.contains(&c.to))
        .cloned()
        .collect();
    Clipboard { steps, connectors }
}

/// Pastes with new ids, the leftmost copied column at `column` or, when a cell there is
/// taken, at the first column after it where all fit. Returns the new ids in clipboard order.
pub fn paste(
    bp: &mut Blueprint,
    clipboard: &Clipboard,
    column: u32,
) -> Result<Vec<StepId>, EditError> {
    if clipboard.is_empty() {
        return Err(EditError::NothingSelected);
    }
    let fits = |at: u32| {
        clipboard
            .steps
            .iter()
            .all(|s| bp.step_at(s.lane, s.column + at).is_none())
    };
    // Past the last used column every cell is free, so this ends.
    let at = (column..).find(|&at| fits(at)).unwrap_or(column);
    let new_ids: BTreeMap<StepId, StepId> = (bp.next_step_id()..)
        .zip(&clipboard.steps)
        .map(|(id, step)| (step.id, id))
        .collect();
    let existing: BTreeSet<StepId> = bp.steps.iter().map(|s| s.id).collect();
    let mut added = Vec::new();
    for step in &clipboard.steps {
        let id = new_ids[&step.id];
        let evidence_step = step.evidence_step.and_then(|e| {
            new_ids
                .get(&e)
                .copied()
                .or(existing.contains(&e).then_some(e))
        });
        bp.steps.push(Step {
            id,
            column: step.column + at,
            evidence_step,
            ..step.clone()
        });
        added.push(id);
    }
    for c in &clipboard.connectors {
        if let (Some(&from), Some(&to)) = (new_ids.get(&c.from), new_ids.get(&c.to)) {
            bp.connectors.push(Connector {
                from,
                to,
                ..c.clone()
            });
        }
    }
    Ok(added)
}

/// The selected steps: the one the side panel edits (`primary`) and the others chosen with
/// it by shift-click, a rubber band or Shift+arrow keys. Moving, copying and deleting act
/// on all of them.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Selection {
    pub primary: Option<StepId>,
    pub others: Vec<StepId>,
}

impl Selection {
    /// Just this step (or nothing).
    pub fn one(id: Option<StepId>) -> Selection {
        Selection {
            primary: id,
            others: Vec::new(),
        }
    }

    /// These steps, the first of them primary.
    pub fn of(ids: &[StepId]) -> Selection {
        let mut ids = ids.to_vec();
        ids.dedup();
        let primary = (!ids.is_empty()).then(|| ids.remove(0));
        Selection {
            primary,
            others: ids,
        }
    }

    /// Every selected step, the primary first.
    pub fn ids(&self) -> Vec<StepId> {
        self.primary
            .iter()
            .chain(self.others.iter().filter(|&&o| Some(o) != self.primary))
            .copied()
            .collect()
    }

    pub fn contains(&self, id: StepId) -> bool {
        self.primary == Some(id) || self.others.contains(&id)
    }

    pub fn len(&self) -> usize {
        self.ids().len()
    }

    pub fn is_empty(&self) -> bool {
        self.primary.is_none() && self.others.is_empty()
    }

    /// Shift-click: a selected step leaves the selection, another joins it and becomes the
    /// primary.
    pub fn toggle(&self, id: StepId) -> Selection {
        let mut ids = self.ids();
        if let Some(at) = ids.iter().position(|&i| i == id) {
            ids.remove(at);
            return Selection::of(&ids);
        }
        ids.insert(0, id);
        Selection::of(&ids)
    }

    /// Shift+arrow: the next (or previous) step in reading order after the primary joins
    /// the selection and becomes the primary; with nothing selected, the first (or last)
    /// step. Unchanged at either end.
    pub fn extend(&self, bp: &Blueprint, forward: bool) -> Selection {
        let order: Vec<StepId> = bp.steps_in_order().iter().map(|s| s.id).collect();
        let at = self
            .primary
            .and_then(|p| order.iter().position(|&i| i == p));
        let next = match (at, forward) {
            (None, true) => order.first(),
            (None, false) => order.last(),
            (Some(at), true) => order.get(at + 1),
            (Some(at), false) => at.checked_sub(1).and_then(|i| order.get(i)),
        };
        let Some(&next) = next else {
            return self.clone();
        };
        let mut ids = self.ids();
        ids.retain(|&i| i != next);
        ids.insert(0, next);
        Selection::of(&ids)
    }

    /// Only the steps that still exist in `bp` (after an undo or a delete).
    pub fn within(&self, bp: &Blueprint) -> Selection {
        let ids: Vec<StepId> = self
            .ids()
            .into_iter()
            .filter(|&i| bp.step(i).is_some())
            .collect();
        Selection::of(&ids)
    }
}

/// Marks a service element present (`Some(true)`), missing (`Some(false)`) or not assessed
/// (`None`, which removes it), tied to a step or to none; an element already listed keeps
/// its note.
pub fn set_element(
    bp: &mut Blueprint,
    kind: &ElementKind,
    present: Option<bool>,
    step: Option<StepId>,
) -> Result<(), EditError> {
    if let Some(id) = step {
        bp.step(id).ok_or(EditError::NoSuchStep(id))?;
    }
    let at = bp.elements.iter().position(|e| &e.kind == kind);
    match (present, at) {
        (None, Some(at)) => {
            bp.elements.remove(at);
        }
        (None, None) => {}
        (Some(present), Some(at)) => {
            bp.elements[at].present = present;
            bp.elements[at].step = step;
        }
        (Some(present), None) => bp.elements.push(ServiceElement {
            kind: kind.clone(),
            present,
            step,
            note: String::new(),
        }),
    }
    Ok(())
}

/// Sets a step's competitor figure (the first one of that step, which the side panel
/// edits), or removes the step's figures with `None`.
pub fn set_benchmark(
    bp: &mut Blueprint,
    step: StepId,
    benchmark: Option<Benchmark>,
) -> Result<(), EditError> {
    bp.step(step).ok_or(EditError::NoSuchStep(step))?;
    match benchmark {
        None => bp.benchmarks.retain(|b| b.step != step),
        Some(b) => {
            let b = Benchmark { step, ..b };
            match bp.benchmarks.iter_mut().find(|old| old.step == step) {
                Some(old) => *old = b,
                None => bp.benchmarks.push(b),
            }
        }
    }
    Ok(())
}

/// A to-be copy of `bp` under a new id, remembering where it came from.
pub fn duplicate_as_to_be(bp: &Blueprint, id: u64) -> Blueprint {
    Blueprint {
        id,
        version: Version::ToBe,
        based_on: Some(bp.id),
        ..bp.clone()
    }
}

/// Applies one edit; returns the ids of the steps it created. On an error the blueprint
/// is exactly as it was.
pub fn apply(bp: &mut Blueprint, edit: &Edit) -> Result<Vec<StepId>, EditError> {
    match edit {
        Edit::AddStep { lane, column, name } => {
            add_step(bp, *lane, *column, name).map(|id| vec![id])
        }
        Edit::MoveStep {
            id,
            lane,
            column,
            collision,
        } => move_step(bp, *id, *lane, *column, *collision).map(|()| Vec::new()),
        Edit::MoveSteps {
            ids,
            lanes,
            columns,
        } => move_steps(bp, ids, *lanes, *columns).map(|()| Vec::new()),
        Edit::DeleteSteps(ids) => {
            delete_steps(bp, ids);
            Ok(Vec::new())
        }
        Edit::Connect(connector) => connect(bp, connector.clone()).map(|()| Vec::new()),
        Edit::Disconnect { from, to } => disconnect(bp, *from, *to).map(|()| Vec::new()),
        Edit::UpdateConnector(connector) => {
            update_connector(bp, connector.clone()).map(|()| Vec::new())
        }
        Edit::UpdateStep(step) => update_step(bp, step.clone()).map(|()| Vec::new()),
        Edit::Paste { clipboard, column } => paste(bp, clipboard, *column),
        Edit::SetPhases(phases) => {
            bp.phases = phases.clone();
            Ok(Vec::new())
        }
        Edit::SetElement {
            kind,
            present,
            step,
        } => set_element(bp, kind, *present, *step).map(|()| Vec::new()),
        Edit::SetBenchmark { step, benchmark } => {
            set_benchmark(bp, *step, benchmark.clone()).map(|()| Vec::new())
        }
        Edit::Replace(new) => {
            *bp = new.clone();
            Ok(Vec::new())
        }
    }
}

/// Undo and redo as stacks of whole blueprints, the oldest dropped past `cap`.
#[derive(Clone, Debug, PartialEq)]
pub struct History {
    undo: VecDeque<Blueprint>,
    redo: Vec<Blueprint>,
    cap: usize,
}

impl Default for History {
    fn default() -> History {
        History::new(History::DEFAULT_CAP)
    }
}

impl History {
    pub const DEFAULT_CAP: usize = 100;

    pub fn new(cap: usize) -> History {
        History {
            undo: VecDeque::new(),
            redo: Vec::new(),
            cap: cap.max(1),
        }
    }

    /// Applies `edit` and remembers the blueprint before it, if it changed anything.
    pub fn apply(&mut self, bp: &mut Blueprint, edit: &Edit) -> Result<Vec<StepId>, EditError> {
        let before = bp.clone();
        match apply(bp, edit) {
            Ok(ids) => {
                self.record(before, bp);
                Ok(ids)
            }
            Err(error) => {
                *bp = before;
                Err(error)
            }
        }
    }

    /// Remembers `before` for an edit already made to `now` (nothing when they are equal).
    pub fn record(&mut self, before: Blueprint, now: &Blueprint) {
        if before == *now {
            return;
        }
        if self.undo.len() == self.cap {
            self.undo.pop_front();
        }
        self.undo.push_back(before);
        self.redo.clear();
    }

    /// Goes back one edit; false when there is none.
    pub fn undo(&mut self, bp: &mut Blueprint) -> bool {
        match self.undo.pop_back() {
            Some(before) => {
                self.redo.push(std::mem::replace(bp, before));
                true
            }
            None => false,
        }
    }

    /// Goes forward one undone edit; false when there is none.
    pub fn redo(&mut self, bp: &mut Blueprint) -> bool {
        match self.redo.pop() {
            Some(after) => {
                self.undo.push_back(std::mem::replace(bp, after));
                true
            }
            None => false,
        }
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// How many edits can be undone.
    pub fn undo_len(&self) -> usize {
        self.undo.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::blueprints::domain::model::{Benchmark, ElementKind, ServiceElement};
    use Lane::*;

    /// Steps 1..: (lane, column); connectors 1→2, 2→3.
    fn blueprint(cells: &[(Lane, u32)]) -> Blueprint {
        let mut bp = Blueprint::new(7, "test");
        for (i, &(lane, column)) in cells.iter().enumerate() {
            bp.steps.push(Step::new(
                i as StepId + 1,
                lane,
                column,
                &format!("s{}", i + 1),
            ));
        }
        for pair in [(1, 2), (2, 3)] {
            if cells.len() >= pair.1 as usize {
                bp.connectors.push(Connector::new(pair.0, pair.1));
            }
        }
        bp
    }

    fn cells(bp: &Blueprint) -> Vec<(StepId, Lane, u32)> {
        let mut cells: Vec<_> = bp.steps.iter().map(|s| (s.id, s.lane, s.column)).collect();
        cells.sort();
        cells
    }

    fn one_step_per_cell(bp: &Blueprint) -> bool {
        let set: BTreeSet<(Lane, u32)> = bp.steps.iter().map(Step::cell).collect();
        set.len() == bp.steps.len()
    }

    #[test]
    fn steps_are_added_only_to_free_cells() {
        let mut bp = blueprint(&[(Customer, 0)]);
        assert_eq!(add_step(&mut bp, Onstage, 0, "greet"), Ok(2));
        assert_eq!(
            add_step(&mut bp, Customer, 0, "again"),
            Err(EditError::CellTaken {
                lane: Customer,
                column: 0
            })
        );
        assert_eq!(bp.steps.len(), 2);
    }

    #[test]
    fn moving_snaps_to_a_cell_and_refuses_or_pushes_on_a_taken_one() {
        use Collision::*;
        type Case = (
            &'static [(Lane, u32)],
            (StepId, Lane, u32, Collision),
            Result<(), EditError>,
            &'static [(StepId, Lane, u32)],
        );
        let cases: &[Case] = &[
            (
                &[(Customer, 0), (Onstage, 0)],
                (1, Backstage, 3, Refuse),
                Ok(()),
                &[(1, Backstage, 3), (2, Onstage, 0)],
            ),
            (
                &[(Customer, 0), (Onstage, 0)],
                (1, Onstage, 0, Refuse),
                Err(EditError::CellTaken {
                    lane: Onstage,
                    column: 0,
                }),
                &[(1, Customer, 0), (2, Onstage, 0)],
            ),
            // The step there and the one right after it move on; the one after a gap stays.
            (
                &[(Customer, 0), (Onstage, 0), (Onstage, 1), (Onstage, 3)],
                (1, Onstage, 0, Push),
                Ok(()),
                &[
                    (1, Onstage, 0),
                    (2, Onstage, 1),
                    (3, Onstage, 2),
                    (4, Onstage, 3),
                ],
            ),
            // Moving left along its own lane: its old cell is free for the pushed ones.
            (
                &[(Onstage, 0), (Onstage, 1), (Onstage, 2)],
                (3, Onstage, 0, Push),
                Ok(()),
                &[(1, Onstage, 1), (2, Onstage, 2), (3, Onstage, 0)],
            ),
            // Onto its own cell: nothing happens.
            (
                &[(Onstage, 0)],
                (1, Onstage, 0, Refuse),
                Ok(()),
                &[(1, Onstage, 0)],
            ),
            (
                &[(Onstage, 0)],
                (9, Onstage, 0, Refuse),
                Err(EditError::NoSuchStep(9)),
                &[(1, Onstage, 0)],
            ),
        ];
        for (start, (id, lane, column, collision), result, after) in cases {
            let mut bp = blueprint(start);
            let edit = Edit::MoveStep {
                id: *id,
                lane: *lane,
                column: *column,
                collision: *collision,
            };
            assert_eq!(apply(&mut bp, &edit).map(|_| ()), *result, "{edit:?}");
            assert_eq!(cells(&bp), *after, "{edit:?}");
            assert!(one_step_per_cell(&bp));
        }
    }

    #[test]
    fn a_selection_moves_together_within_the_grid() {
        type Case = (
            &'static [StepId],
            i32,
            i32,
            Result<(), EditError>,
            &'static [(StepId, Lane, u32)],
        );
        // Steps: 1 customer/0, 2 onstage/0, 3 onstage/1.
        let cases: &[Case] = &[
            (
                &[1, 2],
                0,
                1,
                Err(EditError::CellTaken {
                    lane: Onstage,
                    column: 1,
                }),
                &[(1, Customer, 0), (2, Onstage, 0), (3, Onstage, 1)],
            ),
            (
                &[1, 2, 3],
                0,
                1,
                Ok(()),
                &[(1, Customer, 1), (2, Onstage, 1), (3, Onstage, 2)],
            ),
            (
                &[1, 2],
                2,
                0,
                Ok(()),
                &[(1, Backstage, 0), (2, Support, 0), (3, Onstage, 1)],
            ),
            (
                &[2],
                3,
                0,
                Err(EditError::OffGrid),
                &[(1, Customer, 0), (2, Onstage, 0), (3, Onstage, 1)],
            ),
            (
                &[1],
                0,
                -1,
                Err(EditError::OffGrid),
                &[(1, Customer, 0), (2, Onstage, 0), (3, Onstage, 1)],
            ),
            (
                &[],
                0,
                1,
                Err(EditError::NothingSelected),
                &[(1, Customer, 0), (2, Onstage, 0), (3, Onstage, 1)],
            ),
        ];
        for (ids, lanes, columns, result, after) in cases {
            let mut bp = blueprint(&[(Customer, 0), (Onstage, 0), (Onstage, 1)]);
            assert_eq!(
                move_steps(&mut bp, ids, *lanes, *columns),
                *result,
                "{ids:?}"
            );
            assert_eq!(cells(&bp), *after, "{ids:?} {lanes} {columns}");
        }
    }

    #[test]
    fn deleting_steps_removes_what_points_at_them() {
        let mut bp = blueprint(&[(Customer, 0), (Onstage, 0), (Onstage, 1)]);
        bp.steps[0].evidence_step = Some(2);
        bp.elements.push(ServiceElement {
            kind: ElementKind::Warranty,
            present: true,
            step: Some(2),
            note: String::new(),
        });
        bp.benchmarks.push(Benchmark {
            step: 2,
            ..Benchmark::default()
        });
        assert_eq!(delete_steps(&mut bp, &[2, 99]), 1);
        assert_eq!(cells(&bp), [(1, Customer, 0), (3, Onstage, 1)]);
        assert!(bp.connectors.is_empty());
        assert_eq!(bp.steps[0].evidence_step, None);
        assert_eq!(bp.elements[0].step, None);
        assert!(bp.benchmarks.is_empty());
    }

    #[test]
    fn connecting_needs_two_different_existing_unjoined_steps() {
        let cases = [
            (Connector::new(1, 3), Ok(())),
            (Connector::new(2, 1), Err(EditError::AlreadyConnected)),
            (Connector::new(1, 1), Err(EditError::SameStep)),
            (Connector::new(1, 8), Err(EditError::NoSuchStep(8))),
        ];
        for (connector, result) in cases {
            let mut bp = blueprint(&[(Customer, 0), (Onstage, 0), (Onstage, 1)]);
            assert_eq!(connect(&mut bp, connector.clone()), result, "{connector:?}");
        }
        let mut bp = blueprint(&[(Customer, 0), (Onstage, 0), (Onstage, 1)]);
        assert_eq!(disconnect(&mut bp, 2, 1), Ok(()));
        assert_eq!(bp.connectors, [Connector::new(2, 3)]);
        assert_eq!(disconnect(&mut bp, 1, 2), Err(EditError::NotConnected));
        let turned = Connector {
            from: 3,
            to: 2,
            both_ways: true,
            label: "是".into(),
        };
        assert_eq!(update_connector(&mut bp, turned.clone()), Ok(()));
        assert_eq!(bp.connectors, [turned]);
        assert_eq!(
            update_connector(&mut bp, Connector::new(1, 3)),
            Err(EditError::NotConnected)
        );
    }

    #[test]
    fn the_side_panel_changes_details_but_not_the_cell() {
        let mut bp = blueprint(&[(Customer, 0)]);
        let mut step = Step::new(1, Support, 9, "renamed");
        step.minutes = Some(4.0);
        update_step(&mut bp, step).unwrap();
        let s = bp.step(1).unwrap();
        assert_eq!(
            (s.name.as_str(), s.minutes, s.cell()),
            ("renamed", Some(4.0), (Customer, 0))
        );
    }

    #[test]
    fn paste_gives_new_ids_and_finds_room() {
        let mut bp = blueprint(&[(Customer, 0), (Onstage, 0), (Onstage, 1)]);
        bp.steps[0].evidence_step = Some(2);
        let clip = copy(&bp, &[1, 2]);
        assert_eq!(clip.connectors, [Connector::new(1, 2)]);
        // Column 0 and 1 are taken for the onstage step, so it goes to column 2.
        let ids = paste(&mut bp, &clip, 0).unwrap();
        assert_eq!(ids, [4, 5]);
        assert_eq!(cells(&bp)[3..], [(4, Customer, 2), (5, Onstage, 2)]);
        assert!(bp.connectors.contains(&Connector::new(4, 5)));
        assert_eq!(bp.step(4).unwrap().evidence_step, Some(5));
        assert!(one_step_per_cell(&bp));
        assert_eq!(
            paste(&mut bp, &Clipboard::default(), 0),
            Err(EditError::NothingSelected)
        );
    }

    #[test]
    fn shift_click_and_shift_arrows_grow_and_shrink_the_selection() {
        // Reading order: 2 (customer/0), 1 (onstage/0), 3 (customer/1).
        let bp = blueprint(&[(Onstage, 0), (Customer, 0), (Customer, 1)]);
        let none = Selection::default();
        // (start, action, ids after, primary after)
        type Case = (Selection, &'static str, &'static [StepId]);
        let cases: &[Case] = &[
            (none.clone(), "toggle 3", &[3]),
            (Selection::one(Some(1)), "toggle 3", &[3, 1]),
            (Selection::of(&[3, 1]), "toggle 3", &[1]),
            (Selection::of(&[3, 1]), "toggle 1", &[3]),
            (Selection::one(Some(1)), "toggle 1", &[]),
            (none.clone(), "next", &[2]),
            (none.clone(), "previous", &[3]),
            (Selection::one(Some(2)), "next", &[1, 2]),
            (Selection::of(&[1, 2]), "next", &[3, 1, 2]),
            (Selection::one(Some(3)), "next", &[3]),
            (Selection::one(Some(2)), "previous", &[2]),
            (Selection::one(Some(3)), "previous", &[1, 3]),
        ];
        for (start, action, ids) in cases {
            let after = match *action {
                "toggle 3" => start.toggle(3),
                "toggle 1" => start.toggle(1),
                "next" => start.extend(&bp, true),
                _ => start.extend(&bp, false),
            };
            assert_eq!(after.ids(), *ids, "{start:?} {action}");
            assert_eq!(after.primary, ids.first().copied(), "{start:?} {action}");
            assert_eq!(after.len(), ids.len());
        }
        let gone = Selection::of(&[9, 1, 2]).within(&bp);
        assert_eq!(gone.ids(), [1, 2]);
        assert!(Selection::of(&[]).is_empty());
        assert!(Selection::of(&[4, 5]).contains(5));
    }

    #[test]
    fn a_copied_selection_pastes_to_free_cells_with_its_arrows_and_undoes_as_one() {
        let mut bp = blueprint(&[(Customer, 0), (Onstage, 1), (Support, 4)]);
        let mut history = History::default();
        let start = bp.clone();
        let clipboard = copy(&bp, &Selection::of(&[2, 1]).ids());
        // Only the arrow between copied steps goes with them (1 → 2, not 2 → 3).
        assert_eq!(clipboard.connectors, [Connector::new(1, 2)]);
        let pasted = history
            .apply(
                &mut bp,
                &Edit::Paste {
                    clipboard,
                    column: 0,
                },
            )
            .unwrap();
        assert_eq!(pasted, [4, 5]);
        // At column 0 the originals are in the way; one column on, both cells are free.
        assert_eq!(bp.step(4).unwrap().cell(), (Customer, 1));
        assert_eq!(bp.step(5).unwrap().cell(), (Onstage, 2));
        assert!(bp.connectors.contains(&Connector::new(4, 5)));
        assert!(one_step_per_cell(&bp));
        // The pasted pair moves and is deleted as a selection, each one undoable edit.
        history
            .apply(
                &mut bp,
                &Edit::MoveSteps {
                    ids: pasted.clone(),
                    lanes: 1,
                    columns: 2,
                },
            )
            .unwrap();
        assert_eq!(bp.step(5).unwrap().cell(), (Backstage, 4));
        history.apply(&mut bp, &Edit::DeleteSteps(pasted)).unwrap();
        assert_eq!(bp.steps.len(), 3);
        assert_eq!(history.undo_len(), 3);
        for _ in 0..3 {
            assert!(history.undo(&mut bp));
        }
        assert_eq!(bp, start);
    }

    #[test]
    fn service_elements_are_marked_present_missing_or_not_assessed() {
        let mut bp = blueprint(&[(Customer, 0)]);
        let w = ElementKind::Warranty;
        // (present, step, result, elements after as (present, step))
        type Case = (
            Option<bool>,
            Option<StepId>,
            Result<(), EditError>,
            &'static [(bool, Option<StepId>)],
        );
        let cases: &[Case] = &[
            (Some(false), None, Ok(()), &[(false, None)]),
            (Some(true), Some(1), Ok(()), &[(true, Some(1))]),
            (
                Some(true),
                Some(9),
                Err(EditError::NoSuchStep(9)),
                &[(true, Some(1))],
            ),
            (None, None, Ok(()), &[]),
            (None, None, Ok(()), &[]),
        ];
        for (present, step, result, after) in cases {
            let edit = Edit::SetElement {
                kind: w.clone(),
                present: *present,
                step: *step,
            };
            let mut next = bp.clone();
            let got = apply(&mut next, &edit).map(|_| ());
            assert_eq!(got, *result, "{edit:?}");
            if got.is_ok() {
                bp = next;
            }
            let elements: Vec<_> = bp.elements.iter().map(|e| (e.present, e.step)).collect();
            assert_eq!(elements, *after, "{edit:?}");
        }
    }

    #[test]
    fn a_step_has_one_competitor_figure_set_or_removed() {
        let mut bp = blueprint(&[(Customer, 0), (Onstage, 0)]);
        let figure = |theirs| Benchmark {
            step: 0,
            measure: crate::blueprints::domain::model::Measure::Wait,
            competitor: "Inn".into(),
            theirs,
            ours: None,
        };
        set_benchmark(&mut bp, 2, Some(figure(5.0))).unwrap();
        set_benchmark(&mut bp, 2, Some(figure(4.0))).unwrap();
        set_benchmark(&mut bp, 1, Some(figure(1.0))).unwrap();
        let figures: Vec<(StepId, f64)> =
            bp.benchmarks.iter().map(|b| (b.step, b.theirs)).collect();
        assert_eq!(figures, [(2, 4.0), (1, 1.0)]);
        set_benchmark(&mut bp, 2, None).unwrap();
        assert_eq!(bp.benchmarks.len(), 1);
        assert_eq!(
            set_benchmark(&mut bp, 9, Some(figure(1.0))),
            Err(EditError::NoSuchStep(9))
        );
    }

    #[test]
    fn a_to_be_duplicate_remembers_its_as_is() {
        let bp = blueprint(&[(Customer, 0)]);
        let to_be = duplicate_as_to_be(&bp, 8);
        assert_eq!(
            (to_be.id, to_be.version, to_be.based_on),
            (8, Version::ToBe, Some(7))
        );
        assert_eq!(to_be.steps, bp.steps);
    }

    #[test]
    fn undo_and_redo_walk_the_edits_and_a_new_edit_clears_redo() {
        let mut bp = blueprint(&[(Customer, 0)]);
        let start = bp.clone();
        let mut history = History::default();
        let add = Edit::AddStep {
            lane: Onstage,
            column: 0,
            name: "greet".into(),
        };
        assert_eq!(history.apply(&mut bp, &add), Ok(vec![2]));
        let added = bp.clone();
        // A refused edit changes nothing and is not remembered.
        assert!(history.apply(&mut bp, &add).is_err());
        assert_eq!(history.undo_len(), 1);
        assert!(history.undo(&mut bp));
        assert_eq!(bp, start);
        assert!(!history.undo(&mut bp));
        assert!(history.redo(&mut bp));
        assert_eq!(bp, added);
        assert!(history.undo(&mut bp));
        history.apply(&mut bp, &Edit::DeleteSteps(vec![1])).unwrap();
        assert!(!history.can_redo());
        assert!(history.can_undo());
    }

    #[test]
    fn history_keeps_only_the_newest_edits() {
        let mut bp = blueprint(&[]);
        let mut history = History::new(3);
        for column in 0..5 {
            let edit = Edit::AddStep {
                lane: Customer,
                column,
                name: String::new(),
            };
            history.apply(&mut bp, &edit).unwrap();
        }
        let mut undone = 0;
        while history.undo(&mut bp) {
            undone += 1;
        }
        assert_eq!(undone, 3);
        assert_eq!(bp.steps.len(), 2);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        fn lane() -> impl Strategy<Value = Lane> {
            (0..5usize).prop_map(|i| Lane::from_index(i).unwrap())
        }

        fn edit() -> impl Strategy<Value = Edit> {
            let id = 1..12u32;
            prop_oneof![
                (lane(), 0..6u32).prop_map(|(lane, column)| Edit::AddStep {
                    lane,
                    column,
                    name: "n".into()
                }),
                (id.clone(), lane(), 0..6u32, any::<bool>()).prop_map(
                    |(id, lane, column, push)| Edit::MoveStep {
                        id,
                        lane,
                        column,
                        collision: if push {
                            Collision::Push
                        } else {
                            Collision::Refuse
                        },
                    }
                ),
                (prop::collection::vec(id.clone(), 0..3), -1..2i32, -1..2i32).prop_map(
                    |(ids, lanes, columns)| Edit::MoveSteps {
                        ids,
                        lanes,
                        columns
                    }
                ),
                prop::collection::vec(id.clone(), 1..3).prop_map(Edit::DeleteSteps),
                (id.clone(), id.clone()).prop_map(|(a, b)| Edit::Connect(Connector::new(a, b))),
                (id.clone(), id.clone()).prop_map(|(from, to)| Edit::Disconnect { from, to }),
                (id.clone(), id.clone(), any::<bool>()).prop_map(|(from, to, both_ways)| {
                    Edit::UpdateConnector(Connector {
                        from,
                        to,
                        both_ways,
                        label: "b".into(),
                    })
                }),
                (prop::collection::vec(id, 1..3), 0..6u32).prop_map(|(ids, column)| {
                    let bp = blueprint(&[(Customer, 0), (Onstage, 0), (Onstage, 1)]);
                    Edit::Paste {
                        clipboard: copy(&bp, &ids),
                        column,
                    }
                }),
            ]
        }

        proptest! {
            #[test]
            fn undoing_every_edit_restores_the_original_and_redo_replays_them(
                edits in prop::collection::vec(edit(), 0..25)
            ) {
                let mut bp = blueprint(&[(Customer, 0), (Onstage, 0), (Onstage, 1), (Support, 2)]);
                let start = bp.clone();
                let mut history = History::default();
                for edit in &edits {
                    let _ = history.apply(&mut bp, edit);
                    prop_assert!(one_step_per_cell(&bp), "{:?}", edit);
                }
                let end = bp.clone();
                while history.undo(&mut bp) {}
                prop_assert_eq!(&bp, &start);
                while history.redo(&mut bp) {}
                prop_assert_eq!(&bp, &end);
            }
        }
    }
}
