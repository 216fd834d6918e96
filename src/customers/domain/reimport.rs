//! Importing people who are already stored: which imported rows match a stored customer
//! (the same email, or the same phone once normalised), and the plan that follows the
//! user's choice per row (skip, update the stored customer, or add as new).
//!
//! A row with the same name as well is an *exact* match and is skipped unless the user
//! chooses otherwise (importing the same file twice changes nothing); a row sharing only
//! a contact (a family phone, a shared mailbox) is added as new unless told otherwise, so
//! nothing in the file is dropped without the user's word.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};

use super::dedupe::{normalise_name, normalise_phone};
use super::model::Customer;
pub use crate::tabular::import::MatchChoice;

/// Why an imported row is taken for a stored customer.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MatchReason {
    SameEmail,
    SamePhone,
}

/// An imported row (by its place among the records read) that matches a stored customer.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct StoredMatch {
    /// The index of the imported record.
    pub record: usize,
    /// The stored customer's id.
    pub existing: u64,
    pub reasons: Vec<MatchReason>,
    /// The same name too: the same person, most likely imported before.
    pub exact: bool,
}

impl StoredMatch {
    /// What happens to the row unless the user chooses.
    pub fn default_choice(&self) -> MatchChoice {
        match self.exact {
            true => MatchChoice::Skip,
            false => MatchChoice::AddNew,
        }
    }
}

fn email_key(c: &Customer) -> String {
    c.email.trim().to_lowercase()
}

/// Every imported record that matches a stored customer, in record order. When several
/// stored customers match, the one with the same email wins, then the first stored.
pub fn match_stored(stored: &[Customer], imported: &[Customer]) -> Vec<StoredMatch> {
    let mut by_email: HashMap<String, usize> = HashMap::new();
    let mut by_phone: HashMap<String, usize> = HashMap::new();
    for (i, c) in stored.iter().enumerate() {
        let (email, phone) = (email_key(c), normalise_phone(&c.phone));
        if !email.is_empty() {
            by_email.entry(email).or_insert(i);
        }
        if !phone.is_empty() {
            by_phone.entry(phone).or_insert(i);
        }
    }
    imported
        .iter()
        .enumerate()
        .filter_map(|(record, c)| {
            let email = Some(email_key(c)).filter(|e| !e.is_empty());
            let phone = Some(normalise_phone(&c.phone)).filter(|p| !p.is_empty());
            let by_mail = email.and_then(|e| by_email.get(&e).copied());
            let by_tel = phone.and_then(|p| by_phone.get(&p).copied());
            let found = by_mail.or(by_tel)?;
            let other = &stored[found];
            let mut reasons = Vec::new();
            if by_mail == Some(found) {
                reasons.push(MatchReason::SameEmail);
            }
            if by_tel.is_some() && normalise_phone(&other.phone) == normalise_phone(&c.phone) {
                reasons.push(MatchReason::SamePhone);
            }
            Some(StoredMatch {
                record,
                existing: other.id,
                reasons,
                exact: normalise_name(&other.name) == normalise_name(&c.name),
            })
        })
        .collect()
}

/// What confirming writes: new customers to add, stored customers with their new values.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportPlan {
    pub add: Vec<Customer>,
    pub update: Vec<Customer>,
    pub skipped: usize,
}

/// The plan for `imported` with `choices[i]` the choice for `matches[i]`; rows without a
/// match are added, and two rows updating one customer are applied in file order.
pub fn plan_import(
    stored: &[Customer],
    imported: Vec<Customer>,
    matches: &[StoredMatch],
    choices: &[MatchChoice],
    now: DateTime<Utc>,
    today: NaiveDate,
) -> ImportPlan {
    let chosen: HashMap<usize, (u64, MatchChoice)> = matches
        .iter()
        .zip(choices)
        .map(|(m, &c)| (m.record, (m.existing, c)))
        .collect();
    let mut plan = ImportPlan::default();
    let mut updated: HashMap<u64, usize> = HashMap::new();
    for (i, record) in imported.into_iter().enumerate() {
        match chosen.get(&i) {
            Some((_, MatchChoice::Skip)) => plan.skipped += 1,
            Some(&(id, MatchChoice::Update)) => {
                let Some(slot) = updated.get(&id).copied().or_else(|| {
                    let original = stored.iter().find(|c| c.id == id)?;
                    plan.update.push(original.clone());
                    updated.insert(id, plan.update.len() - 1);
                    Some(plan.update.len() - 1)
                }) else {
                    plan.add.push(record);
                    continue;
                };
                let next = updated_with(&plan.update[slot], &record, now, today);
                plan.update[slot] = next;
            }
            _ => plan.add.push(record),
        }
    }
    plan
}

/// The stored customer with an imported row's values: every text the row fills replaces
/// the stored one, tags are added, and a classification, stage, ladder or channel the row
/// gives (other than a new customer's default) is taken, the stage with its date. The id,
/// history, timeline and churn record stay.
pub fn updated_with(
    stored: &Customer,
    row: &Customer,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Customer {
    let blank = Customer::new(0, "", now);
    let mut next = stored.clone();
    for (slot, value) in [
        (&mut next.name, &row.name),
        (&mut next.company, &row.company),
        (&mut next.phone, &row.phone),
        (&mut next.email, &row.email),
        (&mut next.address, &row.address),
        (&mut next.owner, &row.owner),
        (&mut next.notes, &row.notes),
    ] {
        if !value.trim().is_empty() {
            value.clone_into(slot);
        }
    }
    for tag in &row.tags {
        if !next.tags.contains(tag) {
            next.tags.push(tag.clone());
        }
    }
    next.value_class = row.value_class.or(next.value_class);
    next.motive = row.motive.or(next.motive);
    next.relationship_level = row.relationship_level.or(next.relationship_level);
    if row.kind != blank.kind {
        next.kind = row.kind;
    }
    if row.ladder != blank.ladder {
        next.ladder = row.ladder;
    }
    if row.channel != blank.channel {
        next.channel = row.channel;
    }
    if row.internal {
        next.internal = true;
    }
    if row.stage != blank.stage {
        next.set_stage(row.stage, today);
    }
    if next != *stored {
        next.updated_at = now;
    }
    next
}

#[cfg(test)]
mod tests {
    use super::super::model::{LifecycleStage, ValueClass};
    use super::super::test_support::{at, customer, day};
    use super::*;
    use MatchChoice::*;
    use MatchReason::*;

    /// (id, name, email, phone)
    type Person = (u64, &'static str, &'static str, &'static str);

    fn people(list: &[Person]) -> Vec<Customer> {
        list.iter()
            .map(|&(id, name, email, phone)| {
                let mut c = customer(id, name);
                (c.email, c.phone) = (email.into(), phone.into());
                c
            })
            .collect()
    }

    const STORED: &[Person] = &[
        (1, "Ann Lee", "ann@example.com", "+44 20 7946 0000"),
        (2, "王芳", "", "138 0013 8000"),
        (3, "Bob Stone", "bob@example.com", ""),
    ];

    #[test]
    fn rows_match_by_email_or_normalised_phone() {
        // (imported row, expected (stored id, reasons, exact) or none)
        type Found = Option<(u64, &'static [MatchReason], bool)>;
        let table: &[(Person, Found)] = &[
            (
                (0, "Ann Lee", "ANN@example.com ", ""),
                Some((1, &[SameEmail], true)),
            ),
            (
                (0, "王 芳", "", "+86 138-0013-8000"),
                Some((2, &[SamePhone], true)),
            ),
            (
                (0, "Ann Lee", "ann@example.com", "+442079460000"),
                Some((1, &[SameEmail, SamePhone], true)),
            ),
            (
                (0, "Mrs Stone", "bob@example.com", ""),
                Some((3, &[SameEmail], false)),
            ),
            ((0, "Ann Lee", "other@example.com", ""), None),
            ((0, "Cy Young", "", ""), None),
            // A phone of one stored customer and the email of another: the email wins.
            (
                (0, "Bob Stone", "bob@example.com", "13800138000"),
                Some((3, &[SameEmail], true)),
            ),
        ];
        let stored = people(STORED);
        for (row, expected) in table {
            let got = match_stored(&stored, &people(&[*row]));
            let got = got
                .first()
                .map(|m| (m.existing, m.reasons.as_slice(), m.exact));
            assert_eq!(got, *expected, "{row:?}");
        }
    }

    #[test]
    fn exact_matches_are_skipped_by_default_and_contact_only_ones_added() {
        let stored = people(STORED);
        let rows = people(&[
            (0, "Ann Lee", "ann@example.com", ""),
            (0, "Mrs Stone", "bob@example.com", ""),
        ]);
        let defaults: Vec<MatchChoice> = match_stored(&stored, &rows)
            .iter()
            .map(StoredMatch::default_choice)
            .collect();
        assert_eq!(defaults, [Skip, AddNew]);
    }

    #[test]
    fn the_plan_follows_each_choice() {
        let stored = people(STORED);
        let rows = people(&[
            (0, "Ann Lee", "ann@example.com", "020 7946 1111"),
            (0, "王芳", "", "13800138000"),
            (0, "Bob Stone", "bob@example.com", ""),
            (0, "New Person", "new@example.com", ""),
        ]);
        let matches = match_stored(&stored, &rows);
        assert_eq!(matches.len(), 3);
        let plan = plan_import(
            &stored,
            rows,
            &matches,
            &[Update, Skip, AddNew],
            at(2026, 3, 1),
            day(2026, 3, 1),
        );
        assert_eq!(plan.skipped, 1);
        let added: Vec<&str> = plan.add.iter().map(|c| c.name.as_str()).collect();
        assert_eq!(added, ["Bob Stone", "New Person"]);
        assert_eq!(plan.update.len(), 1);
        assert_eq!(plan.update[0].id, 1);
        assert_eq!(
            plan.update[0].phone, "020 7946 1111",
            "the new phone is taken"
        );
        assert_eq!(plan.update[0].updated_at, at(2026, 3, 1));
    }

    #[test]
    fn an_update_keeps_what_the_row_leaves_blank_and_the_history() {
        let mut stored = customer(7, "Ann Lee");
        stored.company = "Lee & Co".into();
        stored.tags = vec!["vip".into()];
        stored.value_class = Some(ValueClass::Key);
        let mut row = customer(0, "Ann Lee");
        row.email = "ann@new.example".into();
        row.tags = vec!["vip".into(), "london".into()];
        row.stage = LifecycleStage::Stability;
        let next = updated_with(&stored, &row, at(2026, 3, 1), day(2026, 3, 1));
        assert_eq!(next.id, 7);
        assert_eq!(next.company, "Lee & Co", "a blank cell changes nothing");
        assert_eq!(next.email, "ann@new.example");
        assert_eq!(next.tags, ["vip", "london"]);
        assert_eq!(next.value_class, Some(ValueClass::Key));
        assert_eq!(next.stage, LifecycleStage::Stability);
        assert_eq!(
            next.stage_history.last().map(|h| h.date),
            Some(day(2026, 3, 1))
        );
        let same = updated_with(
            &stored,
            &customer(0, "Ann Lee"),
            at(2026, 3, 1),
            day(2026, 3, 1),
        );
        assert_eq!(
            same, stored,
            "a row with nothing new leaves the customer as stored"
        );
    }
}
