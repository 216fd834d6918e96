//! Customer record types: the single shared profile (客户档案) every other module reads.
//!
//! Classifications follow shared/concepts.md §1. Money is integer cents so totals never
//! drift; amounts in different currencies are never summed as they are: figures over
//! several purchases go through [`Conversion`] (the user's home currency and rates).

use chrono::{DateTime, NaiveDate, Utc};
use serde::{Deserialize, Serialize};

use crate::money::{Conversion, Total};

keyed_enum! {
    /// Person or organisation.
    pub enum CustomerKind { Individual => "individual", Business => "business" }
}

keyed_enum! {
    /// Classification by value (关键 / 潜力 / 一般客户); usually suggested by ABC analysis.
    pub enum ValueClass { Key => "key", Potential => "potential", General => "general" }
}

keyed_enum! {
    /// Classification by purchase motive (经济型 / 道德型 / 个性化 / 方便型).
    pub enum Motive {
        Economic => "economic",
        Ethical => "ethical",
        Personalised => "personalised",
        Convenience => "convenience",
    }
}

keyed_enum! {
    /// Relationship lifecycle (考察期 → 形成期 → 稳定期 → 退化期), plus churned (流失).
    /// The order is the lifecycle order.
    pub enum LifecycleStage {
        Exploration => "exploration",
        Formation => "formation",
        Stability => "stability",
        Decline => "decline",
        Churned => "churned",
    }
}

keyed_enum! {
    /// Relationship marketing ladder (Payne et al. 1995), lowest rung first.
    pub enum LadderLevel {
        Prospect => "prospect",
        Customer => "customer",
        Client => "client",
        Supporter => "supporter",
        Advocate => "advocate",
        Partner => "partner",
    }
}

keyed_enum! {
    /// Kotler's levels of relationship marketing (基本型 … 伙伴型), weakest first.
    pub enum RelationshipLevel {
        Basic => "basic",
        Reactive => "reactive",
        Accountable => "accountable",
        Proactive => "proactive",
        Partnership => "partnership",
    }
}

keyed_enum! {
    /// How the customer was acquired (广告开拓法 / 委托助手法 / 连环获取法).
    pub enum Channel {
        Advertising => "advertising",
        Agent => "agent",
        Referral => "referral",
        Other => "other",
    }
}

keyed_enum! {
    /// Causes of churn listed in concepts.md §1.
    pub enum ChurnReason {
        BusinessChanged => "business_changed",
        BecameCompetitor => "became_competitor",
        CompetitorPrice => "competitor_price",
        CompetitorProduct => "competitor_product",
        CompetitorService => "competitor_service",
        CompetitorBribery => "competitor_bribery",
        NeedsNotMet => "needs_not_met",
        ComplaintUnresolved => "complaint_unresolved",
    }
}

keyed_enum! {
    /// Churn prevention measures listed in concepts.md §1.
    pub enum PreventionAction {
        RelationshipNetwork => "relationship_network",
        OrganisationRelationship => "organisation_relationship",
        PurchaseCriteria => "purchase_criteria",
        Quality => "quality",
        ServiceLevel => "service_level",
        CompetitivePrice => "competitive_price",
        PriorityTreatment => "priority_treatment",
    }
}

keyed_enum! {
    /// What a complaint is about.
    pub enum ComplaintCategory {
        Product => "product",
        Service => "service",
        Delivery => "delivery",
        Billing => "billing",
        Staff => "staff",
        Other => "other",
    }
}

keyed_enum! {
    /// How serious a complaint is.
    pub enum Severity { Low => "low", Medium => "medium", High => "high", Critical => "critical" }
}

keyed_enum! {
    /// Where a complaint is in its handling.
    pub enum ComplaintStatus {
        Open => "open",
        InProgress => "in_progress",
        Resolved => "resolved",
    }
}

/// One entry of the stage history: the customer entered `stage` on `date`.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct StageChange {
    pub stage: LifecycleStage,
    #[serde(with = "super::wire::date")]
    pub date: NaiveDate,
}

/// Why and when a customer was lost, and what had been tried to keep them.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct ChurnRecord {
    #[serde(with = "super::wire::date")]
    pub date: NaiveDate,
    pub reasons: Vec<ChurnReason>,
    pub other_reason: String,
    pub prevention_tried: Vec<PreventionAction>,
    pub notes: String,
}

/// What happened in one contact with the customer. In JSON it is written with a `type`
/// tag and read by a fast reader of that format; the derive below is the compact
/// binary form of stored shards (see `super::wire` for both).
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
#[serde(remote = "Self")]
pub enum InteractionKind {
    Note,
    Call,
    Meeting,
    Email,
    Purchase {
        amount_cents: i64,
        currency: String,
        items: String,
    },
    Complaint {
        category: ComplaintCategory,
        severity: Severity,
        status: ComplaintStatus,
        #[serde(with = "super::wire::date")]
        opened: NaiveDate,
        #[serde(with = "super::wire::optional_date")]
        resolved: Option<NaiveDate>,
    },
    ServiceRecovery {
        complaint_id: Option<u64>,
        action: String,
    },
}

impl InteractionKind {
    /// Every kind's key, in display order (the variants carry data, so there is no `ALL`).
    pub const KEYS: &'static [&'static str] = &[
        "note",
        "call",
        "meeting",
        "email",
        "purchase",
        "complaint",
        "service_recovery",
    ];

    /// Stable snake_case id, equal to the serde `type` tag.
    pub fn key(&self) -> &'static str {
        match self {
            Self::Note => "note",
            Self::Call => "call",
            Self::Meeting => "meeting",
            Self::Email => "email",
            Self::Purchase { .. } => "purchase",
            Self::Complaint { .. } => "complaint",
            Self::ServiceRecovery { .. } => "service_recovery",
        }
    }
}

/// One dated entry in the customer's history.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Interaction {
    pub id: u64,
    #[serde(with = "super::wire::date")]
    pub date: NaiveDate,
    pub kind: InteractionKind,
    pub note: String,
}

impl Interaction {
    /// The amount if this is a purchase.
    pub fn purchase_amount_cents(&self) -> Option<i64> {
        match self.kind {
            InteractionKind::Purchase { amount_cents, .. } => Some(amount_cents),
            _ => None,
        }
    }

    /// True for a complaint that is not yet resolved.
    pub fn is_open_complaint(&self) -> bool {
        matches!(
            self.kind,
            InteractionKind::Complaint { status, .. } if status != ComplaintStatus::Resolved
        )
    }
}

/// The shared customer profile.
#[derive(Serialize, Deserialize, Clone, Debug, PartialEq, Eq, Hash)]
pub struct Customer {
    pub id: u64,
    pub name: String,
    pub kind: CustomerKind,
    pub company: String,
    pub phone: String,
    pub email: String,
    pub address: String,
    pub owner: String,
    pub tags: Vec<String>,
    pub notes: String,
    #[serde(with = "super::wire::datetime")]
    pub created_at: DateTime<Utc>,
    #[serde(with = "super::wire::datetime")]
    pub updated_at: DateTime<Utc>,
    /// Manual override; `None` follows the ABC suggestion.
    pub value_class: Option<ValueClass>,
    pub motive: Option<Motive>,
    pub internal: bool,
    pub stage: LifecycleStage,
    pub stage_history: Vec<StageChange>,
    pub ladder: LadderLevel,
    pub relationship_level: Option<RelationshipLevel>,
    pub channel: Channel,
    pub referred_by: Option<u64>,
    pub interactions: Vec<Interaction>,
    pub churn: Option<ChurnRecord>,
}

impl Customer {
    /// A new prospect in the exploration stage, created at `now`.
    pub fn new(id: u64, name: impl Into<String>, now: DateTime<Utc>) -> Self {
        let stage = LifecycleStage::Exploration;
        Customer {
            id,
            name: name.into(),
            kind: CustomerKind::Individual,
            company: String::new(),
            phone: String::new(),
            email: String::new(),
            address: String::new(),
            owner: String::new(),
            tags: Vec::new(),
            notes: String::new(),
            created_at: now,
            updated_at: now,
            value_class: None,
            motive: None,
            internal: false,
            stage,
            stage_history: vec![StageChange {
                stage,
                date: now.date_naive(),
            }],
            ladder: LadderLevel::Prospect,
            relationship_level: None,
            channel: Channel::Other,
            referred_by: None,
            interactions: Vec::new(),
            churn: None,
        }
    }

    /// Moves to `stage`, recording the change only when the stage really changes.
    pub fn set_stage(&mut self, stage: LifecycleStage, date: NaiveDate) {
        if stage != self.stage {
            self.stage = stage;
            self.stage_history.push(StageChange { stage, date });
        }
    }

    /// Whether a contact (note, call, meeting, e-mail, service recovery: anything but a
    /// purchase or a complaint) is on the timeline on or after `date`; a survey's
    /// follow-up is open until one is.
    pub fn contacted_since(&self, date: NaiveDate) -> bool {
        self.interactions.iter().any(|i| {
            i.date >= date
                && !matches!(
                    i.kind,
                    InteractionKind::Purchase { .. } | InteractionKind::Complaint { .. }
                )
        })
    }

    /// Purchase interactions, in stored order.
    pub fn purchases(&self) -> impl Iterator<Item = &Interaction> {
        self.interactions
            .iter()
            .filter(|i| i.purchase_amount_cents().is_some())
    }

    /// Every purchase as one figure in the home currency, by the one rule for money in
    /// several currencies ([`Conversion`]): converted at the user's rates, and the
    /// purchases in a currency without a rate left out and counted as such.
    pub fn spend(&self, conversion: &Conversion) -> Total {
        conversion.total(self.purchase_amounts())
    }

    /// [`Self::spend`] in home-currency cents (worked out without keeping each amount:
    /// ABC, RFM and the list take it for every customer).
    pub fn spend_cents(&self, conversion: &Conversion) -> i64 {
        conversion.total_cents(self.purchase_amounts())
    }

    /// Each purchase's amount and currency code as written.
    fn purchase_amounts(&self) -> impl Iterator<Item = (i64, &str)> {
        self.purchases().filter_map(|p| match &p.kind {
            InteractionKind::Purchase {
                amount_cents,
                currency,
                ..
            } => Some((*amount_cents, currency.as_str())),
            _ => None,
        })
    }

    pub fn purchase_count(&self) -> usize {
        self.purchases().count()
    }

    /// Date of the most recent purchase.
    pub fn last_purchase(&self) -> Option<NaiveDate> {
        self.purchases().map(|p| p.date).max()
    }

    /// Complaints whose status is not resolved.
    pub fn open_complaints(&self) -> impl Iterator<Item = &Interaction> {
        self.interactions.iter().filter(|i| i.is_open_complaint())
    }

    /// Days from opening to resolution, for every resolved complaint with both dates.
    pub fn complaint_resolution_days(&self) -> Vec<i64> {
        self.interactions
            .iter()
            .filter_map(|i| match i.kind {
                InteractionKind::Complaint {
                    opened,
                    resolved: Some(resolved),
                    ..
                } => Some((resolved - opened).num_days()),
                _ => None,
            })
            .collect()
    }

    /// Interactions newest first, optionally only those whose kind key is `filter`.
    pub fn timeline(&self, filter: Option<&str>) -> Vec<&Interaction> {
        let mut entries: Vec<&Interaction> = self
            .interactions
            .iter()
            .filter(|i| filter.is_none_or(|key| i.kind.key() == key))
            .collect();
        entries.sort_by(|x, y| y.date.cmp(&x.date).then(y.id.cmp(&x.id)));
        entries
    }

    /// Removes one interaction (entered by mistake) and returns it. A service recovery
    /// that answered a removed complaint stays, no longer linked to it.
    pub fn remove_interaction(&mut self, id: u64, now: DateTime<Utc>) -> Option<Interaction> {
        let at = self.interactions.iter().position(|i| i.id == id)?;
        let removed = self.interactions.remove(at);
        self.unlink_recoveries_of(id);
        self.updated_at = now;
        Some(removed)
    }

    /// Puts `replacement` in place of the interaction `id` (corrected after it was
    /// added) and returns whether it was found. The id stays `id`, so a service recovery
    /// that answered a complaint keeps its link; if the entry is no longer a complaint,
    /// such recoveries stay, unlinked, as when the complaint is removed.
    pub fn replace_interaction(
        &mut self,
        id: u64,
        replacement: Interaction,
        now: DateTime<Utc>,
    ) -> bool {
        let Some(slot) = self.interactions.iter_mut().find(|i| i.id == id) else {
            return false;
        };
        *slot = Interaction { id, ..replacement };
        if !matches!(slot.kind, InteractionKind::Complaint { .. }) {
            self.unlink_recoveries_of(id);
        }
        self.updated_at = now;
        true
    }

    /// Service recoveries that answered the complaint `id` no longer point at it.
    fn unlink_recoveries_of(&mut self, id: u64) {
        for other in &mut self.interactions {
            if let InteractionKind::ServiceRecovery { complaint_id, .. } = &mut other.kind {
                if *complaint_id == Some(id) {
                    *complaint_id = None;
                }
            }
        }
    }
}

/// Cents as a plain decimal ("1234.50", "-0.05"): language-neutral, for "show the working".
pub fn format_cents(cents: i64) -> String {
    let sign = if cents < 0 { "-" } else { "" };
    let abs = cents.unsigned_abs();
    format!("{sign}{}.{:02}", abs / 100, abs % 100)
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{at, cny, complaint, customer, day, purchase, simple};
    use super::*;

    #[test]
    fn removing_an_interaction_unlinks_the_recovery_that_answered_it() {
        let mut c = customer(1, "王芳");
        c.interactions = vec![
            complaint(1, day(2026, 3, 1), None),
            simple(
                2,
                day(2026, 3, 2),
                InteractionKind::ServiceRecovery {
                    complaint_id: Some(1),
                    action: "refund".into(),
                },
            ),
        ];
        let removed = c.remove_interaction(1, at(2026, 3, 5)).unwrap();
        assert_eq!(removed.id, 1);
        assert_eq!(c.interactions.len(), 1);
        assert!(matches!(
            c.interactions[0].kind,
            InteractionKind::ServiceRecovery {
                complaint_id: None,
                ..
            }
        ));
        assert_eq!(c.updated_at, at(2026, 3, 5));
        assert_eq!(c.remove_interaction(99, at(2026, 3, 6)), None);
    }

    #[test]
    fn replacing_an_interaction_keeps_its_id_and_place() {
        let recovery = |complaint_id| {
            simple(
                3,
                day(2026, 3, 4),
                InteractionKind::ServiceRecovery {
                    complaint_id,
                    action: "refund".into(),
                },
            )
        };
        let stored = vec![
            purchase(1, day(2026, 3, 1), 10_000),
            complaint(2, day(2026, 3, 2), None),
            recovery(Some(2)),
        ];
        let with = |at: usize, i: Interaction| {
            let mut all = stored.clone();
            all[at] = i;
            all
        };
        let resolved = complaint(2, day(2026, 3, 2), Some(day(2026, 3, 5)));
        let note = simple(2, day(2026, 3, 2), InteractionKind::Note);
        // (id replaced, replacement as the form built it, found?, interactions after)
        let cases: Vec<(u64, Interaction, bool, Vec<Interaction>)> = vec![
            // A corrected amount; the id the form used does not matter.
            (
                1,
                purchase(99, day(2026, 3, 1), 12_000),
                true,
                with(0, purchase(1, day(2026, 3, 1), 12_000)),
            ),
            // A complaint resolved by editing it: its recovery stays linked.
            (2, resolved.clone(), true, with(1, resolved)),
            // No longer a complaint: the recovery stays, unlinked (as after a delete).
            (2, note.clone(), true, {
                let mut all = with(1, note);
                all[2] = recovery(None);
                all
            }),
            (3, recovery(None), true, with(2, recovery(None))),
            (7, purchase(7, day(2026, 3, 1), 1), false, stored.clone()),
        ];
        for (id, replacement, found, expected) in cases {
            let mut c = customer(1, "王芳");
            c.interactions = stored.clone();
            let now = at(2026, 3, 6);
            assert_eq!(c.replace_interaction(id, replacement, now), found, "{id}");
            assert_eq!(c.interactions, expected, "{id}");
            let updated = if found { now } else { at(2024, 1, 1) };
            assert_eq!(c.updated_at, updated, "{id}");
        }
    }

    #[test]
    fn keys_equal_serde_names_and_round_trip() {
        fn check<T: Serialize + Copy + std::fmt::Debug>(all: &[T], key: fn(T) -> &'static str) {
            for &v in all {
                let json = serde_json::to_string(&v).expect("enum serialises");
                assert_eq!(json, format!("\"{}\"", key(v)), "{v:?}");
            }
        }
        check(CustomerKind::ALL, CustomerKind::key);
        check(ValueClass::ALL, ValueClass::key);
        check(Motive::ALL, Motive::key);
        check(LifecycleStage::ALL, LifecycleStage::key);
        check(LadderLevel::ALL, LadderLevel::key);
        check(RelationshipLevel::ALL, RelationshipLevel::key);
        check(Channel::ALL, Channel::key);
        check(ChurnReason::ALL, ChurnReason::key);
        check(PreventionAction::ALL, PreventionAction::key);
        check(ComplaintCategory::ALL, ComplaintCategory::key);
        check(Severity::ALL, Severity::key);
        check(ComplaintStatus::ALL, ComplaintStatus::key);
        assert_eq!(
            ChurnReason::from_key("competitor_price"),
            Some(ChurnReason::CompetitorPrice)
        );
        assert_eq!(ChurnReason::from_key("nonsense"), None);
    }

    #[test]
    fn a_contact_is_anything_on_the_timeline_but_a_purchase_or_a_complaint() {
        let mut c = customer(1, "Li Na");
        c.interactions.push(purchase(1, day(2026, 3, 10), 100));
        c.interactions.push(complaint(2, day(2026, 3, 12), None));
        assert!(!c.contacted_since(day(2026, 3, 1)));
        c.interactions
            .push(simple(3, day(2026, 3, 5), InteractionKind::Call));
        assert!(c.contacted_since(day(2026, 3, 5)), "on the day counts");
        assert!(
            !c.contacted_since(day(2026, 3, 6)),
            "before the day does not"
        );
    }

    #[test]
    fn interaction_kind_keys_match_serde_tag() {
        let kinds = [
            InteractionKind::Note,
            InteractionKind::Call,
            InteractionKind::Meeting,
            InteractionKind::Email,
            purchase(1, day(2024, 1, 1), 1).kind,
            complaint(1, day(2024, 1, 1), None).kind,
            InteractionKind::ServiceRecovery {
                complaint_id: None,
                action: String::new(),
            },
        ];
        for (kind, key) in kinds.iter().zip(InteractionKind::KEYS) {
            assert_eq!(kind.key(), *key);
            let json = serde_json::to_value(kind).expect("kind serialises");
            assert_eq!(json["type"], *key);
        }
    }

    #[test]
    fn set_stage_records_only_changes() {
        // (stages set in order, expected history length, expected final stage)
        let cases: &[(&[LifecycleStage], usize, LifecycleStage)] = &[
            (&[], 1, LifecycleStage::Exploration),
            (
                &[LifecycleStage::Exploration],
                1,
                LifecycleStage::Exploration,
            ),
            (&[LifecycleStage::Formation], 2, LifecycleStage::Formation),
            (
                &[LifecycleStage::Formation, LifecycleStage::Formation],
                2,
                LifecycleStage::Formation,
            ),
            (
                &[
                    LifecycleStage::Formation,
                    LifecycleStage::Stability,
                    LifecycleStage::Decline,
                ],
                4,
                LifecycleStage::Decline,
            ),
        ];
        for (steps, len, last) in cases {
            let mut c = customer(1, "王芳");
            for (i, &s) in steps.iter().enumerate() {
                c.set_stage(s, day(2024, 2, 1 + i as u32));
            }
            assert_eq!((c.stage_history.len(), c.stage), (*len, *last), "{steps:?}");
            assert_eq!(c.stage_history.last().map(|h| h.stage), Some(*last));
        }
    }

    #[test]
    fn purchase_and_complaint_helpers() {
        let mut c = customer(1, "Acme");
        c.interactions = vec![
            purchase(1, day(2024, 3, 1), 10_000),
            simple(2, day(2024, 3, 5), InteractionKind::Call),
            purchase(3, day(2024, 5, 1), 2_550),
            complaint(4, day(2024, 4, 1), Some(day(2024, 4, 4))),
            complaint(5, day(2024, 6, 1), None),
        ];
        assert_eq!(c.purchase_count(), 2);
        assert_eq!(c.spend_cents(&cny()), 12_550);
        assert_eq!(c.last_purchase(), Some(day(2024, 5, 1)));
        assert_eq!(c.open_complaints().map(|i| i.id).collect::<Vec<_>>(), [5]);
        assert_eq!(c.complaint_resolution_days(), [3]);
        let ids = |filter| c.timeline(filter).iter().map(|i| i.id).collect::<Vec<_>>();
        assert_eq!(ids(None), [5, 3, 4, 2, 1]);
        assert_eq!(ids(Some("purchase")), [3, 1]);
        assert_eq!(ids(Some("meeting")), Vec::<u64>::new());
    }

    #[test]
    fn new_customer_defaults() {
        let c = Customer::new(7, "Li Lei", at(2024, 5, 6));
        assert_eq!(
            c.stage_history,
            [StageChange {
                stage: LifecycleStage::Exploration,
                date: day(2024, 5, 6)
            }]
        );
        assert_eq!(
            (c.ladder, c.channel, c.value_class),
            (LadderLevel::Prospect, Channel::Other, None)
        );
    }

    #[test]
    fn format_cents_cases() {
        for (cents, text) in [
            (0, "0.00"),
            (5, "0.05"),
            (123_450, "1234.50"),
            (-5, "-0.05"),
            (-100, "-1.00"),
        ] {
            assert_eq!(format_cents(cents), text);
        }
    }
}
