//! Churn risk indicator (客户流失预警): warning signs drawn from the record itself.
//!
//! Signals follow the churn causes in concepts.md §1: buying stops (recency), complaints
//! left open ("complaints not resolved in time"; 95% of complainers buy again when the
//! complaint is resolved quickly), a relationship already in decline, and falling
//! satisfaction. Each reason carries a weight (1 = warning, 2 = strong); the level is
//! low at 0 points, medium at 1-2 and high at 3 or more.

use chrono::NaiveDate;

use super::model::{Customer, InteractionKind, LifecycleStage};

/// Fixed recency thresholds (days) for customers with too few purchases to have a rhythm.
pub const FIXED_WARNING_DAYS: i64 = 90;
pub const FIXED_STRONG_DAYS: i64 = 180;
/// With ≥ 3 purchases the thresholds are 2× and 4× the customer's median gap, so a
/// monthly buyer is flagged sooner than a yearly one; never under 14 days.
pub const MIN_GAP_DAYS: i64 = 14;
/// An open complaint older than this many days is a strong signal.
pub const COMPLAINT_OVERDUE_DAYS: i64 = 14;

keyed_enum! {
    pub enum ChurnLevel { Low => "low", Medium => "medium", High => "high" }
}

/// Why a customer is at risk.
#[derive(Clone, Debug, PartialEq)]
pub enum RiskReason {
    /// No purchase for `days`, beyond `threshold_days` (from the usual gap when known).
    DaysSinceLastPurchase {
        days: i64,
        threshold_days: i64,
        usual_gap_days: Option<i64>,
    },
    OpenComplaints(usize),
    /// The oldest open complaint has been open this many days.
    UnresolvedComplaintOlderThan(i64),
    StageDecline,
    /// The last satisfaction score is below the mean of the earlier ones (by the margin
    /// of the section that reported it).
    FallingSatisfaction {
        last: f64,
        previous_mean: f64,
    },
}

impl RiskReason {
    /// Stable snake_case id for i18n lookups.
    pub fn key(&self) -> &'static str {
        match self {
            RiskReason::DaysSinceLastPurchase { .. } => "days_since_last_purchase",
            RiskReason::OpenComplaints(_) => "open_complaints",
            RiskReason::UnresolvedComplaintOlderThan(_) => "unresolved_complaint_older_than",
            RiskReason::StageDecline => "stage_decline",
            RiskReason::FallingSatisfaction { .. } => "falling_satisfaction",
        }
    }
}

/// Level plus every reason behind it.
#[derive(Clone, Debug, PartialEq)]
pub struct ChurnRisk {
    /// `None` for a customer who has already churned: there is no risk left to rate, and
    /// showing "Low risk" (in green) for someone who has left would mislead.
    pub level: Option<ChurnLevel>,
    pub reasons: Vec<RiskReason>,
}

/// A drop in satisfaction another section found (surveys: the rule and its margin are
/// theirs, see `surveys::domain::trend`): the latest score and the earlier ones' mean.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct SatisfactionDrop {
    pub last: f64,
    pub previous_mean: f64,
}

/// Every customer whose satisfaction other sections find falling, by id: the latest
/// score and the earlier ones' mean (the app state's report, see `state.rs`).
pub type SatisfactionDrops = rustc_hash::FxHashMap<u64, (f64, f64)>;

/// Data from other features, given by the sources registered in the app state.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct ChurnContext {
    pub falling_satisfaction: Option<SatisfactionDrop>,
}

/// The churn risk of `customer` on `today`. A churned customer is already gone and so
/// has no level and no reasons (the UI says "Churned" and shows the churn record).
pub fn churn_risk(customer: &Customer, today: NaiveDate, context: &ChurnContext) -> ChurnRisk {
    let mut points = 0;
    let mut reasons = Vec::new();
    if customer.stage == LifecycleStage::Churned || customer.churn.is_some() {
        return ChurnRisk {
            level: None,
            reasons,
        };
    }
    if let Some(last) = customer.last_purchase() {
        let days = (today - last).num_days();
        let usual_gap_days = usual_gap_days(customer);
        let (warning, strong) = match usual_gap_days {
            Some(gap) => (2 * gap.max(MIN_GAP_DAYS), 4 * gap.max(MIN_GAP_DAYS)),
            None => (FIXED_WARNING_DAYS, FIXED_STRONG_DAYS),
        };
        if days > warning {
            let (weight, threshold_days) = if days > strong {
                (2, strong)
            } else {
                (1, warning)
            };
            points += weight;
            reasons.push(RiskReason::DaysSinceLastPurchase {
                days,
                threshold_days,
                usual_gap_days,
            });
        }
    }
    let open_since: Vec<NaiveDate> = customer
        .open_complaints()
        .filter_map(|i| match i.kind {
            InteractionKind::Complaint { opened, .. } => Some(opened),
            _ => None,
        })
        .collect();
    if !open_since.is_empty() {
        points += 1;
        reasons.push(RiskReason::OpenComplaints(open_since.len()));
    }
    if let Some(oldest) = open_since.iter().min() {
        let days = (today - *oldest).num_days();
        if days > COMPLAINT_OVERDUE_DAYS {
            points += 2;
            reasons.push(RiskReason::UnresolvedComplaintOlderThan(days));
        }
    }
    if customer.stage == LifecycleStage::Decline {
        points += 2;
        reasons.push(RiskReason::StageDecline);
    }
    if let Some(SatisfactionDrop {
        last,
        previous_mean,
    }) = context.falling_satisfaction
    {
        points += 1;
        reasons.push(RiskReason::FallingSatisfaction {
            last,
            previous_mean,
        });
    }
    let level = match points {
        0 => ChurnLevel::Low,
        1 | 2 => ChurnLevel::Medium,
        _ => ChurnLevel::High,
    };
    ChurnRisk {
        level: Some(level),
        reasons,
    }
}

/// Median days between consecutive purchases, when there are at least three purchases.
fn usual_gap_days(customer: &Customer) -> Option<i64> {
    let mut dates: Vec<NaiveDate> = customer.purchases().map(|p| p.date).collect();
    if dates.len() < 3 {
        return None;
    }
    dates.sort_unstable();
    let mut gaps: Vec<i64> = dates.windows(2).map(|w| (w[1] - w[0]).num_days()).collect();
    gaps.sort_unstable();
    Some(gaps[gaps.len() / 2])
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{buyer, churned_on, complaint, day};
    use super::*;
    use ChurnLevel::*;
    use RiskReason::*;

    fn today() -> NaiveDate {
        day(2024, 12, 31)
    }

    fn days_ago(n: u64) -> NaiveDate {
        today() - chrono::Days::new(n)
    }

    fn check(
        customer: Customer,
        falling_satisfaction: Option<SatisfactionDrop>,
        level: Option<ChurnLevel>,
        reasons: &[RiskReason],
    ) {
        let context = ChurnContext {
            falling_satisfaction,
        };
        let risk = churn_risk(&customer, today(), &context);
        assert_eq!(
            (risk.level, risk.reasons.as_slice()),
            (level, reasons),
            "{customer:?}"
        );
    }

    fn since(days: i64, threshold_days: i64, usual_gap_days: Option<i64>) -> RiskReason {
        DaysSinceLastPurchase {
            days,
            threshold_days,
            usual_gap_days,
        }
    }

    #[test]
    fn risk_table() {
        let with = |mut c: Customer, f: fn(&mut Customer)| {
            f(&mut c);
            c
        };
        let drop = |last, previous_mean| SatisfactionDrop {
            last,
            previous_mean,
        };
        // (customer, a drop in satisfaction reported, expected level, expected reasons)
        type Case = (
            Customer,
            Option<SatisfactionDrop>,
            Option<ChurnLevel>,
            Vec<RiskReason>,
        );
        let cases: Vec<Case> = vec![
            (buyer(1, &[]), None, Some(Low), vec![]),
            (buyer(1, &[(days_ago(90), 1)]), None, Some(Low), vec![]),
            (
                buyer(1, &[(days_ago(91), 1)]),
                None,
                Some(Medium),
                vec![since(91, 90, None)],
            ),
            (
                buyer(1, &[(days_ago(181), 1)]),
                None,
                Some(Medium),
                vec![since(181, 180, None)],
            ),
            // Monthly buyer (median gap 30): warning after 60 days, strong after 120.
            (
                buyer(
                    1,
                    &[(days_ago(61), 1), (days_ago(91), 1), (days_ago(121), 1)],
                ),
                None,
                Some(Medium),
                vec![since(61, 60, Some(30))],
            ),
            (
                buyer(
                    1,
                    &[(days_ago(40), 1), (days_ago(70), 1), (days_ago(100), 1)],
                ),
                None,
                Some(Low),
                vec![],
            ),
            // Weekly buyer: the 14-day floor applies, so 29 days is a warning, not 8.
            (
                buyer(
                    1,
                    &[(days_ago(29), 1), (days_ago(36), 1), (days_ago(43), 1)],
                ),
                None,
                Some(Medium),
                vec![since(29, 28, Some(7))],
            ),
            (
                with(buyer(1, &[]), |c| {
                    c.interactions = vec![complaint(1, days_ago(3), None)]
                }),
                None,
                Some(Medium),
                vec![OpenComplaints(1)],
            ),
            (
                with(buyer(1, &[]), |c| {
                    c.interactions = vec![
                        complaint(1, days_ago(20), None),
                        complaint(2, days_ago(2), None),
                        complaint(3, days_ago(99), Some(days_ago(90))),
                    ]
                }),
                None,
                Some(High),
                vec![OpenComplaints(2), UnresolvedComplaintOlderThan(20)],
            ),
            (
                with(buyer(1, &[]), |c| c.stage = LifecycleStage::Decline),
                None,
                Some(Medium),
                vec![StageDecline],
            ),
            (
                buyer(1, &[]),
                Some(drop(7.0, 8.5)),
                Some(Medium),
                vec![FallingSatisfaction {
                    last: 7.0,
                    previous_mean: 8.5,
                }],
            ),
            (
                with(buyer(1, &[(days_ago(200), 1)]), |c| {
                    c.stage = LifecycleStage::Decline
                }),
                None,
                Some(High),
                vec![since(200, 180, None), StageDecline],
            ),
            (
                with(buyer(1, &[(days_ago(400), 1)]), |c| {
                    c.stage = LifecycleStage::Churned
                }),
                Some(drop(1.0, 3.0)),
                None,
                vec![],
            ),
            // A churn record alone is enough: no "Low risk" for someone who has left.
            (
                with(buyer(1, &[(days_ago(400), 1)]), |c| {
                    c.churn = Some(churned_on(days_ago(10)))
                }),
                None,
                None,
                vec![],
            ),
        ];
        for (customer, falling, level, reasons) in cases {
            check(customer, falling, level, &reasons);
        }
    }
}
