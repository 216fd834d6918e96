//! Merging two records of one customer without losing history, and referral repointing.

use std::collections::{HashMap, HashSet};

use chrono::{DateTime, Utc};

use super::model::{Customer, InteractionKind, StageChange};
use super::validate::Field;

/// Which record's value to keep.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Side {
    #[default]
    A,
    B,
}

/// The caller's choice per conflicting field; fields not chosen keep A's value.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct FieldChoices(pub HashMap<Field, Side>);

impl FieldChoices {
    pub fn side(&self, field: Field) -> Side {
        self.0.get(&field).copied().unwrap_or_default()
    }
}

/// Single-value fields a merge must choose between. Tags, interactions, stage history
/// and dates are combined instead.
const CHOSEN_FIELDS: &[Field] = &[
    Field::Name,
    Field::Kind,
    Field::Company,
    Field::Phone,
    Field::Email,
    Field::Address,
    Field::Owner,
    Field::Notes,
    Field::ValueClass,
    Field::Motive,
    Field::Internal,
    Field::Stage,
    Field::Ladder,
    Field::RelationshipLevel,
    Field::Channel,
    Field::ReferredBy,
    Field::Churn,
];

/// Copies `field` from `from` to `to`; returns whether the two differed before.
fn take(field: Field, to: &mut Customer, from: &Customer) -> bool {
    fn set<T: PartialEq + Clone>(to: &mut T, from: &T) -> bool {
        let differed = to != from;
        to.clone_from(from);
        differed
    }
    match field {
        Field::Name => set(&mut to.name, &from.name),
        Field::Kind => set(&mut to.kind, &from.kind),
        Field::Company => set(&mut to.company, &from.company),
        Field::Phone => set(&mut to.phone, &from.phone),
        Field::Email => set(&mut to.email, &from.email),
        Field::Address => set(&mut to.address, &from.address),
        Field::Owner => set(&mut to.owner, &from.owner),
        Field::Notes => set(&mut to.notes, &from.notes),
        Field::ValueClass => set(&mut to.value_class, &from.value_class),
        Field::Motive => set(&mut to.motive, &from.motive),
        Field::Internal => set(&mut to.internal, &from.internal),
        Field::Stage => set(&mut to.stage, &from.stage),
        Field::Ladder => set(&mut to.ladder, &from.ladder),
        Field::RelationshipLevel => set(&mut to.relationship_level, &from.relationship_level),
        Field::Channel => set(&mut to.channel, &from.channel),
        Field::ReferredBy => set(&mut to.referred_by, &from.referred_by),
        Field::Churn => set(&mut to.churn, &from.churn),
        Field::Tags | Field::Interactions => false,
    }
}

/// True when `field` of `c` holds nothing (empty text or no value), so the other side wins
/// without asking.
fn is_blank(c: &Customer, field: Field) -> bool {
    match field {
        Field::Name => c.name.trim().is_empty(),
        Field::Company => c.company.trim().is_empty(),
        Field::Phone => c.phone.trim().is_empty(),
        Field::Email => c.email.trim().is_empty(),
        Field::Address => c.address.trim().is_empty(),
        Field::Owner => c.owner.trim().is_empty(),
        Field::Notes => c.notes.trim().is_empty(),
        Field::ValueClass => c.value_class.is_none(),
        Field::Motive => c.motive.is_none(),
        Field::RelationshipLevel => c.relationship_level.is_none(),
        Field::ReferredBy => c.referred_by.is_none(),
        Field::Churn => c.churn.is_none(),
        _ => false,
    }
}

/// Fields where both records hold different, non-blank values: the user must choose.
pub fn conflicting_fields(a: &Customer, b: &Customer) -> Vec<Field> {
    CHOSEN_FIELDS
        .iter()
        .copied()
        .filter(|&f| !is_blank(a, f) && !is_blank(b, f) && take(f, &mut a.clone(), b))
        .collect()
}

/// One record from `a` and `b`, keeping `a`'s id. Every interaction of both is kept (B's
/// ids that collide are renumbered, and service recoveries follow their complaint), tags
/// are united, the older `created_at` and the combined stage history (by date) are kept.
pub fn merge(a: &Customer, b: &Customer, choices: &FieldChoices, now: DateTime<Utc>) -> Customer {
    let mut merged = a.clone();
    for &field in CHOSEN_FIELDS {
        let take_b = if is_blank(a, field) {
            !is_blank(b, field)
        } else {
            !is_blank(b, field) && choices.side(field) == Side::B
        };
        if take_b {
            take(field, &mut merged, b);
        }
    }
    if merged.referred_by.is_some_and(|r| r == a.id || r == b.id) {
        merged.referred_by = None;
    }
    for tag in &b.tags {
        if !merged.tags.contains(tag) {
            merged.tags.push(tag.clone());
        }
    }
    let mut used: HashSet<u64> = a.interactions.iter().map(|i| i.id).collect();
    let mut next_id = a
        .interactions
        .iter()
        .chain(&b.interactions)
        .map(|i| i.id)
        .max()
        .unwrap_or(0)
        + 1;
    let mut renumbered: HashMap<u64, u64> = HashMap::new();
    for interaction in &b.interactions {
        if !used.insert(interaction.id) {
            renumbered.insert(interaction.id, next_id);
            used.insert(next_id);
            next_id += 1;
        }
    }
    merged.interactions.extend(b.interactions.iter().map(|i| {
        let mut i = i.clone();
        i.id = renumbered.get(&i.id).copied().unwrap_or(i.id);
        if let InteractionKind::ServiceRecovery {
            complaint_id: Some(id),
            ..
        } = &mut i.kind
        {
            *id = renumbered.get(id).copied().unwrap_or(*id);
        }
        i
    }));
    merged.stage_history.extend(b.stage_history.iter().cloned());
    merged.stage_history.sort_by_key(|h| h.date);
    merged.stage_history.dedup();
    // Keep "the last history entry is the current stage" true when B's stage was chosen.
    if merged.stage_history.last().map(|h| h.stage) != Some(merged.stage) {
        merged.stage_history.push(StageChange {
            stage: merged.stage,
            date: now.date_naive(),
        });
    }
    merged.created_at = a.created_at.min(b.created_at);
    merged.updated_at = now;
    merged
}

/// After merging `from` into `to`: customers referred by `from` are now referred by `to`
/// (and `to` itself no longer refers to itself).
pub fn repoint_referrals(customers: &mut [Customer], from: u64, to: u64) {
    for c in customers.iter_mut().filter(|c| c.referred_by == Some(from)) {
        c.referred_by = (c.id != to).then_some(to);
    }
}

#[cfg(test)]
mod tests {
    use super::super::model::{LifecycleStage, ValueClass};
    use super::super::test_support::{at, complaint, customer, day, purchase, simple};
    use super::*;

    fn pair() -> (Customer, Customer) {
        let mut a = customer(1, "王芳");
        a.email = "wf@example.cn".into();
        a.company = "北京华联商贸有限公司".into();
        a.tags = vec!["vip".into(), "北京".into()];
        a.interactions = vec![
            purchase(1, day(2024, 3, 1), 100),
            complaint(2, day(2024, 3, 2), None),
        ];
        a.created_at = at(2024, 2, 1);
        let mut b = customer(2, "王 芳");
        b.email = "wang.fang@example.cn".into();
        b.phone = "138 0013 8000".into();
        b.tags = vec!["北京".into(), "线上".into()];
        b.value_class = Some(ValueClass::Key);
        b.referred_by = Some(1);
        b.created_at = at(2023, 5, 1);
        b.interactions = vec![
            complaint(2, day(2023, 6, 1), Some(day(2023, 6, 3))),
            simple(
                3,
                day(2023, 6, 3),
                InteractionKind::ServiceRecovery {
                    complaint_id: Some(2),
                    action: "退款".into(),
                },
            ),
        ];
        b.set_stage(LifecycleStage::Stability, day(2023, 7, 1));
        (a, b)
    }

    #[test]
    fn conflicts_are_only_fields_where_both_have_different_values() {
        let (a, b) = pair();
        assert_eq!(
            conflicting_fields(&a, &b),
            [Field::Name, Field::Email, Field::Stage]
        );
        assert_eq!(conflicting_fields(&a, &a), []);
    }

    #[test]
    fn merge_keeps_everything_and_follows_choices() {
        let (a, b) = pair();
        // (choices, expected name, email, stage)
        let cases = [
            (vec![], "王芳", "wf@example.cn", LifecycleStage::Exploration),
            (
                vec![(Field::Email, Side::B), (Field::Stage, Side::B)],
                "王芳",
                "wang.fang@example.cn",
                LifecycleStage::Stability,
            ),
            (
                vec![(Field::Name, Side::B)],
                "王 芳",
                "wf@example.cn",
                LifecycleStage::Exploration,
            ),
        ];
        for (choices, name, email, stage) in cases {
            let m = merge(
                &a,
                &b,
                &FieldChoices(choices.into_iter().collect()),
                at(2025, 1, 1),
            );
            assert_eq!(
                (m.name.as_str(), m.email.as_str(), m.stage),
                (name, email, stage)
            );
            assert_eq!(m.stage_history.last().map(|h| h.stage), Some(stage));
            assert!(m.stage_history.windows(2).all(|w| w[0].date <= w[1].date));
            // Not chosen but blank in A: B's value fills the gap; self-referral dropped.
            assert_eq!(
                (m.id, m.phone.as_str(), m.value_class, m.referred_by),
                (1, "138 0013 8000", Some(ValueClass::Key), None)
            );
            assert_eq!(m.tags, ["vip", "北京", "线上"]);
            assert_eq!(
                (m.created_at, m.updated_at),
                (at(2023, 5, 1), at(2025, 1, 1))
            );
            let ids: Vec<u64> = m.interactions.iter().map(|i| i.id).collect();
            assert_eq!(ids, [1, 2, 4, 3]);
            assert_eq!(
                m.interactions[3].kind,
                InteractionKind::ServiceRecovery {
                    complaint_id: Some(4),
                    action: "退款".into()
                }
            );
        }
    }

    #[test]
    fn repoints_referrals() {
        let mut list: Vec<Customer> = (1..=4).map(|id| customer(id, "x")).collect();
        list[0].referred_by = Some(2);
        list[2].referred_by = Some(2);
        list[3].referred_by = Some(3);
        repoint_referrals(&mut list, 2, 1);
        let got: Vec<Option<u64>> = list.iter().map(|c| c.referred_by).collect();
        assert_eq!(got, [None, None, Some(1), Some(3)]);
    }
}
