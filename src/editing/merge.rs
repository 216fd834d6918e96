//! The three-way field merge every editor uses, so a form changes only what its user
//! changed: *base* is the record as the form started from it, *mine* the form's draft,
//! *theirs* the newest stored record (another tab may have saved it meanwhile).
//!
//! Per field, as version-control merges do (Mens 2002, "A state-of-the-art survey on
//! software merging"): unchanged by me → theirs; unchanged by them → mine; changed the
//! same way by both → that value; changed differently by both → a conflict the user
//! settles. Pure: the editors' views call it, native tests pin it.

use std::fmt::Debug;

/// A record an editor changes field by field. Only the fields listed are the editor's:
/// everything else (a customer's timeline, say) is always taken from the stored record.
pub trait Fields: Clone {
    /// Names one field the editor shows.
    type Field: Copy + Eq + Debug + Send + Sync + 'static;

    /// Every field the editor shows, in the order it shows them.
    fn fields() -> &'static [Self::Field];

    /// Whether `self` and `other` hold the same value in `field`.
    fn same(&self, other: &Self, field: Self::Field) -> bool;

    /// Copies `field` from `from` into `self`.
    fn take(&mut self, from: &Self, field: Self::Field);
}

/// The fields in which `a` and `b` differ, in the editor's order.
pub fn differing<T: Fields>(a: &T, b: &T) -> Vec<T::Field> {
    T::fields()
        .iter()
        .copied()
        .filter(|&f| !a.same(b, f))
        .collect()
}

/// What saving a draft over the newest stored record comes to.
#[derive(Clone, Debug, PartialEq)]
pub enum SavePlan<T: Fields> {
    /// The user changed nothing: nothing is written.
    Unchanged,
    /// The record to store: the stored one with the user's changes on top.
    Clean(T),
    /// Both sides changed these fields differently. `record` holds the other side's
    /// value in them (and the user's changes elsewhere) until the user chooses.
    Conflicts { record: T, fields: Vec<T::Field> },
    /// The record was deleted (in another tab) while the form was open.
    Deleted,
}

/// Plans the save of `mine`, edited from `base`, over `theirs` (`None`: deleted).
pub fn plan_save<T: Fields>(base: &T, mine: &T, theirs: Option<&T>) -> SavePlan<T> {
    let mine_changed = differing(base, mine);
    let Some(theirs) = theirs else {
        return SavePlan::Deleted;
    };
    if mine_changed.is_empty() {
        return SavePlan::Unchanged;
    }
    let mut record = theirs.clone();
    let mut conflicts = Vec::new();
    for field in mine_changed {
        if theirs.same(base, field) || theirs.same(mine, field) {
            record.take(mine, field);
        } else {
            conflicts.push(field);
        }
    }
    if conflicts.is_empty() {
        SavePlan::Clean(record)
    } else {
        SavePlan::Conflicts {
            record,
            fields: conflicts,
        }
    }
}

/// Whose value the user kept for a conflicting field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Keep {
    Mine,
    Theirs,
}

/// Settles a conflict: `record` (from [`SavePlan::Conflicts`]) gets `mine`'s value in the
/// fields the user chose to keep as theirs own; the others stay as stored.
pub fn settle<T: Fields>(record: &mut T, mine: &T, choices: &[(T::Field, Keep)]) {
    for &(field, keep) in choices {
        if keep == Keep::Mine {
            record.take(mine, field);
        }
    }
}

/// What changed under an open form when the stored record moved on.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Followed<F> {
    /// Fields the user had not touched: the form now shows the new stored value.
    pub taken: Vec<F>,
    /// Fields the user had changed to something else: both values are kept, and saving
    /// will ask which one stays.
    pub clashing: Vec<F>,
}

impl<F> Followed<F> {
    pub fn is_empty(&self) -> bool {
        self.taken.is_empty() && self.clashing.is_empty()
    }
}

/// Moves an open form onto `theirs`, the newest stored record: untouched fields follow
/// it (in `base` and `mine` both), fields both sides changed alike are agreed (in
/// `base`), and fields changed differently keep the old `base`, so the save sees them.
pub fn follow<T: Fields>(base: &mut T, mine: &mut T, theirs: &T) -> Followed<T::Field> {
    let mut followed = Followed {
        taken: Vec::new(),
        clashing: Vec::new(),
    };
    for field in differing(base, theirs) {
        if mine.same(base, field) {
            mine.take(theirs, field);
            base.take(theirs, field);
            followed.taken.push(field);
        } else if mine.same(theirs, field) {
            base.take(theirs, field);
        } else {
            followed.clashing.push(field);
        }
    }
    followed
}

/// A record the editor sees whole: one field, the value itself (a churn record, a
/// timeline entry's details). Wrap a value in it to merge it as one piece.
#[derive(Clone, Debug, PartialEq)]
pub struct Whole<T>(pub T);

impl<T: Clone + PartialEq> Fields for Whole<T> {
    type Field = ();

    fn fields() -> &'static [()] {
        &[()]
    }

    fn same(&self, other: &Self, _: ()) -> bool {
        self.0 == other.0
    }

    fn take(&mut self, from: &Self, _: ()) {
        self.0 = from.0.clone();
    }
}

/// Implements [`Fields`] for a struct whose editor fields are plain struct fields:
/// `fields_by_name!(Assumptions, AssumptionField { Margin => margin, Rate => rate });`
#[macro_export]
macro_rules! fields_by_name {
    ($record:ty, $field:ty { $($variant:ident => $member:ident),+ $(,)? }) => {
        impl $crate::editing::merge::Fields for $record {
            type Field = $field;

            fn fields() -> &'static [$field] {
                &[$(<$field>::$variant),+]
            }

            // A field enum may name more than the editor edits: those are never compared
            // or copied (they are not in `fields()`).
            #[allow(unreachable_patterns)]
            fn same(&self, other: &Self, field: $field) -> bool {
                match field {
                    $(<$field>::$variant => self.$member == other.$member,)+
                    _ => true,
                }
            }

            #[allow(unreachable_patterns)]
            fn take(&mut self, from: &Self, field: $field) {
                match field {
                    $(<$field>::$variant => self.$member = from.$member.clone(),)+
                    _ => {}
                }
            }
        }
    };
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Debug, PartialEq)]
    struct Card {
        name: &'static str,
        notes: &'static str,
        owner: &'static str,
        /// Not an editor field: always the stored one's.
        timeline: u32,
    }

    #[derive(Clone, Copy, Debug, PartialEq, Eq)]
    enum CardField {
        Name,
        Notes,
        Owner,
    }

    crate::fields_by_name!(Card, CardField { Name => name, Notes => notes, Owner => owner });

    fn card(name: &'static str, notes: &'static str, owner: &'static str, timeline: u32) -> Card {
        Card {
            name,
            notes,
            owner,
            timeline,
        }
    }

    #[test]
    fn plans_follow_the_three_way_table() {
        use CardField::*;
        let base = card("Wang", "", "Li", 1);
        // (case, mine, theirs, expected plan)
        let cases: Vec<(&str, Card, Option<Card>, SavePlan<Card>)> = vec![
            (
                "no change",
                base.clone(),
                Some(base.clone()),
                SavePlan::Unchanged,
            ),
            (
                "no change by me, other tab changed the name",
                base.clone(),
                Some(card("Wang Fang", "", "Li", 1)),
                SavePlan::Unchanged,
            ),
            (
                "mine only",
                card("Wang", "VIP", "Li", 1),
                Some(base.clone()),
                SavePlan::Clean(card("Wang", "VIP", "Li", 1)),
            ),
            (
                "theirs only: their name and timeline stay, my notes go on top",
                card("Wang", "VIP", "Li", 1),
                Some(card("Wang Fang", "", "Li", 2)),
                SavePlan::Clean(card("Wang Fang", "VIP", "Li", 2)),
            ),
            (
                "both changed a field the same way",
                card("Wang Fang", "", "Li", 1),
                Some(card("Wang Fang", "", "Li", 3)),
                SavePlan::Clean(card("Wang Fang", "", "Li", 3)),
            ),
            (
                "both changed a field differently",
                card("Wang", "", "Zhao", 1),
                Some(card("Wang", "", "Chen", 1)),
                SavePlan::Conflicts {
                    record: card("Wang", "", "Chen", 1),
                    fields: vec![Owner],
                },
            ),
            (
                "a conflict beside a clean change",
                card("Wang Fang", "VIP", "Zhao", 1),
                Some(card("Wang", "call back", "Chen", 1)),
                SavePlan::Conflicts {
                    record: card("Wang Fang", "call back", "Chen", 1),
                    fields: vec![Notes, Owner],
                },
            ),
            (
                "deleted in the other tab",
                card("Wang", "VIP", "Li", 1),
                None,
                SavePlan::Deleted,
            ),
            (
                "deleted in the other tab, nothing changed here",
                base.clone(),
                None,
                SavePlan::Deleted,
            ),
        ];
        for (case, mine, theirs, expected) in cases {
            assert_eq!(plan_save(&base, &mine, theirs.as_ref()), expected, "{case}");
        }
    }

    #[test]
    fn settling_keeps_the_chosen_side_per_field() {
        use CardField::*;
        let mine = card("Wang Fang", "VIP", "Zhao", 1);
        let mut record = card("Wang", "call back", "Chen", 4);
        settle(
            &mut record,
            &mine,
            &[(Name, Keep::Mine), (Owner, Keep::Theirs)],
        );
        assert_eq!(record, card("Wang Fang", "call back", "Chen", 4));
    }

    #[test]
    fn an_open_form_follows_untouched_fields_and_keeps_clashes() {
        use CardField::*;
        let mut base = card("Wang", "", "Li", 1);
        let mut mine = card("Wang", "VIP", "Zhao", 1);
        let theirs = card("Wang Fang", "VIP", "Chen", 2);
        let followed = follow(&mut base, &mut mine, &theirs);
        assert_eq!(
            followed,
            Followed {
                taken: vec![Name],
                clashing: vec![Owner],
            }
        );
        // The name follows; notes agree; the owner clash stays for the save to settle.
        assert_eq!(mine, card("Wang Fang", "VIP", "Zhao", 1));
        assert_eq!(base, card("Wang Fang", "VIP", "Li", 1));
        assert_eq!(
            plan_save(&base, &mine, Some(&theirs)),
            SavePlan::Conflicts {
                record: card("Wang Fang", "VIP", "Chen", 2),
                fields: vec![Owner],
            }
        );
        // A second change underneath is followed too: the name was never touched here.
        let later = card("Wang F.", "VIP", "Chen", 3);
        let followed = follow(&mut base, &mut mine, &later);
        assert_eq!(followed.taken, vec![Name]);
        assert_eq!(mine.name, "Wang F.");
    }

    #[test]
    fn a_whole_value_merges_as_one_field() {
        let base = Whole(None::<u8>);
        let cases = [
            (
                Whole(Some(1)),
                Some(Whole(None)),
                SavePlan::Clean(Whole(Some(1))),
            ),
            (Whole(None), Some(Whole(Some(2))), SavePlan::Unchanged),
            (
                Whole(Some(1)),
                Some(Whole(Some(1))),
                SavePlan::Clean(Whole(Some(1))),
            ),
            (
                Whole(Some(1)),
                Some(Whole(Some(2))),
                SavePlan::Conflicts {
                    record: Whole(Some(2)),
                    fields: vec![()],
                },
            ),
        ];
        for (mine, theirs, expected) in cases {
            assert_eq!(plan_save(&base, &mine, theirs.as_ref()), expected);
        }
    }
}
