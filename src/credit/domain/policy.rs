//! The credit standard (信用标准, one policy per firm) and what it says about one
//! customer: the checks, the suggested decision with its reasons, the credit hold on a
//! new sale, and the dunning level of an overdue invoice.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::aging::{AgeBasis, DEFAULT_EDGES, DEFAULT_LOSS_RATES};
use super::altman::Zone;
use super::conditions::YearBasis;
use super::file::CreditFile;
use super::ledger::Ledger;

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

/// The outcome of one policy check.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum CheckResult {
    Pass,
    Fail,
    /// Not known yet (not rated, no balance sheet, document not received).
    Missing,
}

/// One check of the policy against a customer's file.
#[derive(Clone, Debug, PartialEq)]
pub enum Check {
    Score {
        score: Option<f64>,
        min: f64,
        result: CheckResult,
    },
    Zone {
        zone: Option<Zone>,
        result: CheckResult,
    },
    Document {
        name: String,
        result: CheckResult,
    },
}

impl Check {
    pub fn result(&self) -> CheckResult {
        match self {
            Check::Score { result, .. }
            | Check::Zone { result, .. }
            | Check::Document { result, .. } => *result,
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

/// The policy's checks and the decision they suggest: any failed check refuses; any
/// missing one approves with conditions (hand in what is missing); else approve.
pub fn assess(
    policy: &CreditPolicy,
    file: &CreditFile,
    is_business: bool,
) -> (Vec<Check>, DecisionKind) {
    let mut checks = Vec::new();
    let score = file.scorecard.score().ok();
    let result = match score {
        None => CheckResult::Missing,
        Some(s) if s >= policy.min_score => CheckResult::Pass,
        Some(_) => CheckResult::Fail,
    };
    checks.push(Check::Score {
        score,
        min: policy.min_score,
        result,
    });
    if is_business {
        let zone = file.latest_z().map(|z| z.zone);
        let result = match zone {
            None => CheckResult::Missing,
            Some(z) if policy.zones_allowed.contains(&z) => CheckResult::Pass,
            Some(_) => CheckResult::Fail,
        };
        checks.push(Check::Zone { zone, result });
    }
    for name in &policy.documents {
        let result = if file.documents_received.iter().any(|d| d == name) {
            CheckResult::Pass
        } else {
            CheckResult::Missing
        };
        checks.push(Check::Document {
            name: name.clone(),
            result,
        });
    }
    let results: Vec<CheckResult> = checks.iter().map(Check::result).collect();
    let decision = if results.contains(&CheckResult::Fail) {
        DecisionKind::Refuse
    } else if results.contains(&CheckResult::Missing) {
        DecisionKind::ApproveWithConditions
    } else {
        DecisionKind::Approve
    };
    (checks, decision)
}

/// Why a new credit sale is held.
#[derive(Clone, Debug, PartialEq)]
pub enum HoldReason {
    /// Open + this sale would pass the limit.
    OverLimit {
        open_cents: i64,
        sale_cents: i64,
        limit_cents: i64,
    },
    /// An invoice is this many days overdue (more than the policy allows).
    Overdue { invoice: String, days: i64 },
    /// Credit was refused.
    Refused,
}

/// A credit sale about to be recorded.
#[derive(Clone, Copy, Debug)]
pub struct Sale<'a> {
    pub customer_id: u64,
    pub cents: i64,
    pub currency: &'a str,
    pub date: NaiveDate,
    pub prepaid: bool,
}

/// What stands in the way of `sale` (empty: none). Prepaid sales are never held; other
/// currencies than the limit's are not compared with it.
pub fn hold_reasons(
    policy: &CreditPolicy,
    file: Option<&CreditFile>,
    ledger: &Ledger,
    sale: Sale,
) -> Vec<HoldReason> {
    let Sale {
        customer_id,
        cents: sale_cents,
        currency,
        date,
        prepaid,
    } = sale;
    if prepaid {
        return Vec::new();
    }
    let mut reasons = Vec::new();
    if let Some(file) = file {
        if file
            .decision()
            .is_some_and(|d| d.kind == DecisionKind::Refuse)
        {
            reasons.push(HoldReason::Refused);
        }
        if let Some(limit) = file.limit_cents.filter(|_| file.limit_currency == currency) {
            let open = ledger.open_total(customer_id, currency, date);
            if open + sale_cents > limit {
                reasons.push(HoldReason::OverLimit {
                    open_cents: open,
                    sale_cents,
                    limit_cents: limit,
                });
            }
        }
    }
    let oldest = ledger
        .open_invoices(customer_id, date)
        .into_iter()
        .map(|(i, _)| (i, (date - i.due).num_days()))
        .max_by_key(|(_, days)| *days);
    if let Some((invoice, days)) = oldest {
        if days > policy.hold_after_days_overdue {
            reasons.push(HoldReason::Overdue {
                invoice: invoice.number.clone(),
                days,
            });
        }
    }
    reasons
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
    use super::super::ledger::tests::{day, invoice};
    use super::super::scorecard::C;
    use super::*;

    fn rated(score: u8) -> CreditFile {
        let mut file = CreditFile::new(1);
        for c in C::ALL {
            file.scorecard.rating_mut(c).score = Some(score);
        }
        file
    }

    #[test]
    fn the_policy_decides_approve_conditions_or_refuse() {
        let policy = CreditPolicy {
            documents: vec!["Licence".into()],
            ..CreditPolicy::default()
        };
        let mut file = rated(4); // 75 points
        assert_eq!(
            assess(&policy, &file, false).1,
            DecisionKind::ApproveWithConditions
        );
        file.documents_received.push("Licence".into());
        assert_eq!(assess(&policy, &file, false).1, DecisionKind::Approve);
        // A business needs its Z.
        assert_eq!(
            assess(&policy, &file, true).1,
            DecisionKind::ApproveWithConditions
        );
        let mut low = rated(2); // 25 points
        low.documents_received.push("Licence".into());
        let (checks, decision) = assess(&policy, &low, false);
        assert_eq!(decision, DecisionKind::Refuse);
        assert_eq!(
            checks[0],
            Check::Score {
                score: Some(25.0),
                min: 60.0,
                result: CheckResult::Fail
            }
        );
    }

    #[test]
    fn a_sale_over_the_limit_or_while_long_overdue_is_held() {
        let policy = CreditPolicy::default();
        let mut l = Ledger::default();
        invoice(&mut l, 1, "2026-01-01", "net 30", 8_000);
        let mut file = rated(4);
        file.limit_cents = Some(10_000);
        file.limit_currency = "CNY".into();
        let hold = |sale, date: &str, prepaid| {
            let sale = Sale {
                customer_id: 1,
                cents: sale,
                currency: "CNY",
                date: day(date),
                prepaid,
            };
            hold_reasons(&policy, Some(&file), &l, sale)
        };
        assert_eq!(hold(2_000, "2026-01-15", false), vec![]);
        assert_eq!(
            hold(2_001, "2026-01-15", false),
            vec![HoldReason::OverLimit {
                open_cents: 8_000,
                sale_cents: 2_001,
                limit_cents: 10_000
            }]
        );
        assert_eq!(hold(2_001, "2026-01-15", true), vec![]);
        // Due 2026-01-31; 30 days overdue is allowed, 31 is not.
        assert_eq!(hold(100, "2026-03-02", false), vec![]);
        assert_eq!(
            hold(100, "2026-03-03", false),
            vec![HoldReason::Overdue {
                invoice: "INV-0001".into(),
                days: 31
            }]
        );
    }

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
