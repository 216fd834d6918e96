//! The reactive side of an editor: the record the form started from (*base*), the draft,
//! and the newest stored record. While the form is open it follows the stored record
//! (untouched fields take the new values, and the user is told); on save it plans the
//! merge ([`super::merge::plan_save`]) so only the user's own changes are written.

use leptos::prelude::*;

use super::merge::{self, Fields, Keep, SavePlan};
use crate::i18n::Lang;

/// A record whose editor fields can be named and shown to the user, for the panels.
pub trait Shown: Fields + Send + Sync + 'static {
    /// The field's name, as the form labels it.
    fn field_name(field: Self::Field, lang: Lang) -> String;

    /// The field's value as the user would read it.
    fn field_value(&self, field: Self::Field, lang: Lang) -> String;
}

/// A field that changed in storage under the open form.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Moved<F> {
    pub field: F,
    /// The user had changed it too, to something else: saving will ask.
    pub clashing: bool,
}

/// One open form over a stored record.
pub struct Editor<T: Shown> {
    /// The record as the form started from it, moved on field by field as it follows.
    pub base: RwSignal<T>,
    /// What the user is editing.
    pub draft: RwSignal<T>,
    /// The newest stored record, `None` once it is deleted.
    stored: Signal<Option<T>>,
    /// Fields changed elsewhere since the form opened, for the banner.
    pub moved: RwSignal<Vec<Moved<T::Field>>>,
    /// The stored record is gone.
    pub deleted: Memo<bool>,
    /// A save found these fields changed differently on both sides; the user chooses.
    pub conflicts: RwSignal<Vec<T::Field>>,
    /// The fields whose stored value the draft took last (by following, or by the user
    /// keeping the other tab's value): a form that keeps text of its own beside the
    /// draft (tags as typed, an amount) refreshes those inputs from it.
    pub taken: RwSignal<Vec<T::Field>>,
}

impl<T: Shown> Clone for Editor<T> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<T: Shown> Copy for Editor<T> {}

impl<T: Shown + PartialEq> Editor<T> {
    /// An editor of `start` (the stored record, or a new blank one) that follows `stored`.
    pub fn new(start: T, stored: Signal<Option<T>>) -> Self {
        let editor = Self {
            base: RwSignal::new(start.clone()),
            draft: RwSignal::new(start),
            stored,
            moved: RwSignal::new(Vec::new()),
            deleted: Memo::new(move |_| stored.with(Option::is_none)),
            conflicts: RwSignal::new(Vec::new()),
            taken: RwSignal::new(Vec::new()),
        };
        Effect::new(move |_| {
            if let Some(theirs) = stored.get() {
                editor.follow(&theirs);
            }
        });
        editor
    }

    fn follow(self, theirs: &T) {
        let mut base = self.base.get_untracked();
        if merge::differing(&base, theirs).is_empty() {
            return;
        }
        let mut mine = self.draft.get_untracked();
        let followed = merge::follow(&mut base, &mut mine, theirs);
        self.base.set(base);
        if !followed.taken.is_empty() {
            self.draft.set(mine);
            self.taken.set(followed.taken.clone());
        }
        let fresh = followed
            .taken
            .iter()
            .map(|&field| Moved {
                field,
                clashing: false,
            })
            .chain(followed.clashing.iter().map(|&field| Moved {
                field,
                clashing: true,
            }));
        self.moved.update(|moved| {
            for m in fresh {
                moved.retain(|x| x.field != m.field);
                moved.push(m);
            }
        });
    }

    /// Whether the user changed any field of the form.
    pub fn dirty(self) -> Signal<bool> {
        Signal::derive(move || {
            self.base
                .with(|b| self.draft.with(|d| !merge::differing(b, d).is_empty()))
        })
    }

    /// What saving now would do; a conflict is also kept in [`Self::conflicts`] for the
    /// panel that asks.
    pub fn plan(self) -> SavePlan<T> {
        let stored = self.stored.get_untracked();
        let plan = self.base.with_untracked(|base| {
            self.draft
                .with_untracked(|mine| merge::plan_save(base, mine, stored.as_ref()))
        });
        if let SavePlan::Conflicts { fields, .. } = &plan {
            self.conflicts.set(fields.clone());
        }
        plan
    }

    /// The newest stored record, untracked.
    pub fn stored_now(self) -> Option<T> {
        self.stored.get_untracked()
    }

    /// Applies the user's choice for each conflicting field: both sides' value is now
    /// known, so the base takes the stored value and the draft the chosen one; the next
    /// [`Self::plan`] is then clean unless the stored record moved again.
    pub fn settle(self, choices: &[(T::Field, Keep)]) {
        let Some(theirs) = self.stored_now() else {
            return;
        };
        self.base.update(|base| {
            for &(field, _) in choices {
                base.take(&theirs, field);
            }
        });
        self.draft.update(|draft| {
            for &(field, keep) in choices {
                if keep == Keep::Theirs {
                    draft.take(&theirs, field);
                }
            }
        });
        self.conflicts.set(Vec::new());
        self.taken.set(
            choices
                .iter()
                .filter(|(_, keep)| *keep == Keep::Theirs)
                .map(|(field, _)| *field)
                .collect(),
        );
        self.moved
            .update(|moved| moved.retain(|m| !choices.iter().any(|(f, _)| *f == m.field)));
    }
}
