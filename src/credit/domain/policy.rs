//! The credit standard (信用标准, one policy per firm): what it asks of a customer, the
//! decisions it can lead to, and the dunning level and late interest of an overdue
//! invoice. What it says about one customer's file or sale is in `checks`.

use serde::{Deserialize, Serialize};

use super::aging::{AgeBasis, DEFAULT_EDGES, DEFAULT_LOSS_RATES};
use super::altman::Zone;
use super::conditions::YearBasis;

/// The firm's credit policy.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct CreditPolicy {
    /// The lowest 5 Cs score that gets credit.
    pub min_score: f64,
    /// The Z zones that get credit (a business customer without a Z is checked as missing).
    pub zones_allowed: Vec<Zone>,
    /// Documents every credit customer must hand in ("Business licence", "Bank reference").
    pub documents: Vec<String>,
    /// A sale is held while any invoice is more than this many days overdue.
    pub hold_after_days_overdue: i64,
    /// Months between reviews.
    pub review_months: u32,
    pub year_basis: YearBasis,
    pub age_basis: AgeBasis,
    pub aging_edges: Vec<u32>,
    pub loss_rates: Vec<f64>,
    /// Days before the due date the reminder goes; days after it the first, second and
    /// final notices go.
    pub reminder_days_before: i64,
    pub notice_days: [i64; 3],
    /// Yearly interest on overdue amounts named in the final notice (0.08 = 8%), and a fee.
    pub late_interest: f64,
    pub late_fee_cents: i64,
}

impl Default for CreditPolicy {
    fn default() -> Self {
        CreditPolicy {
            min_score: 60.0,
            zones_allowed: vec![Zone::Safe, Zone::Grey],
            documents: vec![
                "Business licence / 营业执照".into(),
                "Bank reference / 银行资信证明".into(),
            ],
            hold_after_days_overdue: 30,
            review_months: 12,
            year_basis: YearBasis::Days365,
            age_basis: AgeBasis::DueDate,
            aging_edges: DEFAULT_EDGES.to_vec(),
            loss_rates: DEFAULT_LOSS_RATES.to_vec(),
            reminder_days_before: 3,
            notice_days: [1, 15, 30],
            late_interest: 0.08,
            late_fee_cents: 0,
        }
    }
}

/// A decision on credit.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum DecisionKind {
    Approve,
    ApproveWithConditions,
    Refuse,
}

impl DecisionKind {
    pub const ALL: [DecisionKind; 3] = [
        DecisionKind::Approve,
        DecisionKind::ApproveWithConditions,
        DecisionKind::Refuse,
    ];

    pub fn key(self) -> &'static str {
        match self {
            DecisionKind::Approve => "approve",
            DecisionKind::ApproveWithConditions => "conditions",
            DecisionKind::Refuse => "refuse",
        }
    }

    pub fn from_key(key: &str) -> Option<DecisionKind> {
        DecisionKind::ALL.into_iter().find(|k| k.key() == key)
    }
}

/// The dunning level of an invoice `days_past_due` late: 0 reminder (before due), 1
/// first, 2 second, 3 final notice; `None` when no letter is due yet.
pub fn dunning_level(policy: &CreditPolicy, days_past_due: i64) -> Option<u8> {
    let [first, second, last] = policy.notice_days;
    if days_past_due >= last {
        Some(3)
    } else if days_past_due >= second {
        Some(2)
    } else if days_past_due >= first {
        Some(1)
    } else if days_past_due >= -policy.reminder_days_before {
        Some(0)
    } else {
        None
    }
}

/// Simple interest on `cents` for `days` at the policy's yearly rate.
pub fn late_interest(policy: &CreditPolicy, cents: i64, days: i64) -> i64 {
    (cents as f64 * policy.late_interest * days.max(0) as f64 / policy.year_basis.days()).round()
        as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dunning_levels_by_days_past_due() {
        let p = CreditPolicy::default();
        let table = [
            (-10, None),
            (-3, Some(0)),
            (0, Some(0)),
            (1, Some(1)),
            (14, Some(1)),
            (15, Some(2)),
            (30, Some(3)),
            (200, Some(3)),
        ];
        for (days, level) in table {
            assert_eq!(dunning_level(&p, days), level, "{days}");
        }
        // 1000.00 at 8% for 73 days on a 365-day year = 16.00.
        assert_eq!(late_interest(&p, 100_000, 73), 1_600);
    }
}
