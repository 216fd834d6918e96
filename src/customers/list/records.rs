//! Changes to many customers at once (bulk edits, delete and undo, adding imports, merging
//! a duplicate pair), as plain functions on the stored book so they are tested natively.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, NaiveDate, Utc};

use crate::customers::book::CustomerBook;
use crate::customers::domain::{merge, repoint_referrals, Customer, FieldChoices, LifecycleStage};

/// A change applied to every selected customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum BulkEdit {
    AddTag(String),
    /// Recorded in the stage history with today's date.
    SetStage(LifecycleStage),
    SetOwner(String),
}

/// Applies `edit` to the customers with these ids; returns how many changed.
pub fn apply_bulk(
    book: &mut CustomerBook,
    ids: &HashSet<u64>,
    edit: &BulkEdit,
    today: NaiveDate,
    now: DateTime<Utc>,
) -> usize {
    let mut changed = 0;
    for c in book.customers.iter_mut().filter(|c| ids.contains(&c.id)) {
        let before = c.clone();
        match edit {
            BulkEdit::AddTag(tag) => {
                let tag = tag.trim();
                if !tag.is_empty() && !c.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                    c.tags.push(tag.to_string());
                }
            }
            BulkEdit::SetStage(stage) => c.set_stage(*stage, today),
            BulkEdit::SetOwner(owner) => c.owner = owner.trim().to_string(),
        }
        if *c != before {
            c.updated_at = now;
            changed += 1;
        }
    }
    changed
}

/// Customers taken out of the book, each with the position it had, for an exact undo.
pub type Removed = Vec<(usize, Customer)>;

/// Removes the customers with these ids.
pub fn remove_customers(book: &mut CustomerBook, ids: &HashSet<u64>) -> Removed {
    let mut removed = Vec::new();
    let mut position = 0;
    book.customers.retain(|c| {
        let keep = !ids.contains(&c.id);
        if !keep {
            removed.push((position, c.clone()));
        }
        position += 1;
        keep
    });
    removed
}

/// Puts removed customers back where they were, with the same ids. Customers whose id is
/// in use again (another tab re-added it) are skipped, so ids stay unique.
pub fn restore_customers(book: &mut CustomerBook, removed: Removed) {
    let used: HashSet<u64> = book.customers.iter().map(|c| c.id).collect();
    for (position, customer) in removed.into_iter().filter(|(_, c)| !used.contains(&c.id)) {
        let at = position.min(book.customers.len());
        book.customers.insert(at, customer);
    }
}

/// Adds imported customers. An id is kept when it is free (so a JSON export restores
/// with its links intact); otherwise the customer gets a fresh id. Referrals between
/// imported customers follow the renumbering; referrals to customers outside the file are
/// dropped, since those ids mean someone else here. Returns the number added.
pub fn add_imported(book: &mut CustomerBook, imported: Vec<Customer>, keep_ids: bool) -> usize {
    let mut used: HashSet<u64> = book.customers.iter().map(|c| c.id).collect();
    let kept: Vec<bool> = imported
        .iter()
        .map(|c| keep_ids && c.id > 0 && used.insert(c.id))
        .collect();
    let highest_kept = imported
        .iter()
        .zip(&kept)
        .filter(|(_, k)| **k)
        .map(|(c, _)| c.id)
        .max();
    book.next_id = book.next_id.max(highest_kept.map_or(0, |h| h + 1));
    let mut new_id: HashMap<u64, u64> = HashMap::new();
    let mut added = Vec::with_capacity(imported.len());
    for (mut customer, keep) in imported.into_iter().zip(kept) {
        let id = if keep { customer.id } else { book.take_id() };
        new_id.entry(customer.id).or_insert(id);
        customer.id = id;
        added.push(customer);
    }
    for c in &mut added {
        c.referred_by = c
            .referred_by
            .and_then(|r| new_id.get(&r).copied())
            .filter(|&r| r != c.id);
    }
    let count = added.len();
    book.customers.extend(added);
    count
}

/// Merges customer `b` into `a` (a keeps its id and place), removes `b` and repoints
/// everyone `b` referred. False when either is gone.
pub fn merge_pair(
    book: &mut CustomerBook,
    a: u64,
    b: u64,
    choices: &FieldChoices,
    now: DateTime<Utc>,
) -> bool {
    let (Some(first), Some(second)) = (book.get(a).cloned(), book.get(b).cloned()) else {
        return false;
    };
    let merged = merge(&first, &second, choices, now);
    book.customers.retain(|c| c.id != b);
    if let Some(slot) = book.get_mut(a) {
        *slot = merged;
    }
    repoint_referrals(&mut book.customers, b, a);
    true
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::domain::{Interaction, InteractionKind};

    fn now() -> DateTime<Utc> {
        "2025-03-01T10:00:00Z".parse().unwrap()
    }
    fn today() -> NaiveDate {
        now().date_naive()
    }
    fn book(names: &[&str]) -> CustomerBook {
        let mut book = CustomerBook::default();
        for name in names {
            let id = book.take_id();
            book.customers.push(Customer::new(id, *name, now()));
        }
        book
    }
    fn ids(book: &CustomerBook) -> Vec<u64> {
        book.customers.iter().map(|c| c.id).collect()
    }
    fn set(ids: &[u64]) -> HashSet<u64> {
        ids.iter().copied().collect()
    }

    #[test]
    fn bulk_edits_change_only_the_selection_and_count_real_changes() {
        let cases = [
            (BulkEdit::AddTag("vip".into()), 2),
            (BulkEdit::AddTag("  ".into()), 0),
            (BulkEdit::SetStage(LifecycleStage::Decline), 2),
            (BulkEdit::SetStage(LifecycleStage::Exploration), 0),
            (BulkEdit::SetOwner(" 李经理 ".into()), 2),
        ];
        for (edit, expected) in cases {
            let mut b = book(&["王芳", "Ann", "Bo"]);
            b.customers[1].tags = vec!["VIP".into()];
            let unselected = b.customers[1].clone();
            let changed = apply_bulk(&mut b, &set(&[1, 3]), &edit, today(), now());
            assert_eq!(changed, expected, "{edit:?}");
            assert_eq!(b.customers[1], unselected, "{edit:?}");
        }
        let mut b = book(&["王芳"]);
        apply_bulk(
            &mut b,
            &set(&[1]),
            &BulkEdit::SetStage(LifecycleStage::Decline),
            today(),
            now(),
        );
        let last = b.customers[0].stage_history.last().unwrap();
        assert_eq!((last.stage, last.date), (LifecycleStage::Decline, today()));
    }

    #[test]
    fn delete_then_undo_restores_the_exact_book() {
        let cases: &[&[u64]] = &[&[1], &[2, 4], &[1, 2, 3, 4, 5], &[5], &[9]];
        for selection in cases {
            let original = book(&["a", "b", "c", "d", "e"]);
            let mut b = original.clone();
            let removed = remove_customers(&mut b, &set(selection));
            assert!(ids(&b).iter().all(|id| !selection.contains(id)));
            restore_customers(&mut b, removed);
            assert_eq!(b, original, "{selection:?}");
        }
    }

    #[test]
    fn undo_skips_an_id_that_is_in_use_again() {
        let mut b = book(&["a", "b"]);
        let removed = remove_customers(&mut b, &set(&[2]));
        b.customers.push(Customer::new(2, "other tab", now()));
        restore_customers(&mut b, removed);
        assert_eq!(ids(&b), vec![1, 2]);
        assert_eq!(b.customers[1].name, "other tab");
    }

    #[test]
    fn imports_keep_free_ids_renumber_taken_ones_and_follow_referrals() {
        // (ids in the file, keep ids?) → ids after import
        let cases: &[(&[u64], bool, &[u64])] = &[
            (&[10, 11], true, &[1, 2, 10, 11]),
            (&[2, 7], true, &[1, 2, 12, 7]),
            (&[7, 7], true, &[1, 2, 7, 12]),
            (&[10, 11], false, &[1, 2, 3, 4]),
        ];
        for (file_ids, keep, expected) in cases {
            let mut b = book(&["a", "b"]);
            b.next_id = if *keep { 12 } else { 3 };
            let imported = file_ids
                .iter()
                .map(|&id| Customer::new(id, "x", now()))
                .collect();
            assert_eq!(add_imported(&mut b, imported, *keep), file_ids.len());
            assert_eq!(ids(&b), *expected, "{file_ids:?}");
            let mut unique = ids(&b);
            unique.dedup();
            assert_eq!(unique.len(), b.customers.len());
        }
        let mut b = book(&["a", "b"]);
        let mut referred = Customer::new(2, "referred", now());
        referred.referred_by = Some(1);
        let mut outsider = Customer::new(3, "outsider", now());
        outsider.referred_by = Some(99);
        let file = vec![Customer::new(1, "referrer", now()), referred, outsider];
        add_imported(&mut b, file, true);
        let refs: Vec<(u64, Option<u64>)> =
            b.customers.iter().map(|c| (c.id, c.referred_by)).collect();
        assert_eq!(
            refs,
            vec![(1, None), (2, None), (4, None), (5, Some(4)), (3, None)]
        );
    }

    #[test]
    fn merging_keeps_both_histories_and_repoints_referrals() {
        let mut b = book(&["王芳", "王 芳", "Ann"]);
        let note = |id, text: &str| Interaction {
            id,
            date: today(),
            kind: InteractionKind::Note,
            note: text.into(),
        };
        b.customers[0].interactions = vec![note(1, "first")];
        b.customers[1].interactions = vec![note(1, "second")];
        b.customers[2].referred_by = Some(2);
        assert!(merge_pair(&mut b, 1, 2, &FieldChoices::default(), now()));
        assert_eq!(ids(&b), vec![1, 3]);
        let notes: Vec<&str> = b.customers[0]
            .interactions
            .iter()
            .map(|i| i.note.as_str())
            .collect();
        assert_eq!(notes, vec!["first", "second"]);
        assert_eq!(b.customers[1].referred_by, Some(1));
        assert!(!merge_pair(&mut b, 1, 2, &FieldChoices::default(), now()));
    }
}
