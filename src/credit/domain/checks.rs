//! What the credit standard says about one customer: the checks of their file, the
//! decision those suggest, and what holds a new credit sale.

use chrono::NaiveDate;

use super::altman::Zone;
use super::file::CreditFile;
use super::ledger::Ledger;
use super::policy::{CreditPolicy, DecisionKind};

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
}
