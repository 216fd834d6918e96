//! One customer's plain figures with their working: spend, purchase count and complaint
//! resolution times.

use chrono::NaiveDate;

use super::model::{Customer, InteractionKind};
use super::terms::WorkingTerm;
use crate::working::{Name, Quantity, Step, Working};

/// A resolved complaint: opened, resolved, and the days between.
pub type ResolvedComplaint = (NaiveDate, NaiveDate, i64);

impl Customer {
    /// "Total spend = 12500.00 + 8600.00 = 21100.00".
    pub fn spend_working(&self) -> Working {
        let parts = self
            .purchases()
            .filter_map(|p| p.purchase_amount_cents())
            .map(Quantity::money)
            .collect();
        vec![Step::Sum {
            name: WorkingTerm::TotalSpend.into(),
            parts,
            total: Quantity::money(self.total_spend_cents()),
        }]
        .into()
    }

    /// Each purchase's date, then how many.
    pub fn purchase_count_working(&self) -> Working {
        vec![Step::Count {
            name: WorkingTerm::Purchases.into(),
            items: self.purchases().map(|p| Quantity::Date(p.date)).collect(),
            total: Quantity::count(self.purchase_count()),
        }]
        .into()
    }

    /// Every resolved complaint with both dates, oldest first.
    pub fn resolved_complaints(&self) -> Vec<ResolvedComplaint> {
        let mut rows: Vec<ResolvedComplaint> = self
            .interactions
            .iter()
            .filter_map(|i| match i.kind {
                InteractionKind::Complaint {
                    opened,
                    resolved: Some(resolved),
                    ..
                } => Some((opened, resolved, (resolved - opened).num_days())),
                _ => None,
            })
            .collect();
        rows.sort();
        rows
    }

    /// Each resolved complaint's days, then their mean; empty when none is resolved.
    pub fn resolution_working(&self) -> Working {
        let rows = self.resolved_complaints();
        let mut steps: Vec<Step> = rows
            .iter()
            .map(|&(opened, resolved, days)| Step::Difference {
                name: WorkingTerm::ResolutionTime.into(),
                from: Quantity::Date(resolved),
                minus: Quantity::Date(opened),
                result: Quantity::days(days),
            })
            .collect();
        let days: Vec<i64> = rows.iter().map(|r| r.2).collect();
        if let Some(step) = mean_days(WorkingTerm::AverageResolution.into(), &days) {
            steps.push(step);
        }
        steps.into()
    }
}

/// "Average = (4 + 2) / 2 = 3.0 days", or `None` for no days.
pub fn mean_days(name: Name, days: &[i64]) -> Option<Step> {
    (!days.is_empty()).then(|| Step::Mean {
        name,
        parts: days.iter().map(|&d| Quantity::days(d)).collect(),
        mean: Quantity::Days {
            days: days.iter().sum::<i64>() as f64 / days.len() as f64,
            decimals: 1,
        },
    })
}

#[cfg(test)]
mod tests {
    use super::super::test_support::{buyer, complaint, customer, day};
    use super::*;
    use crate::i18n::Lang;

    #[test]
    fn spend_and_count_show_each_purchase() {
        let c = buyer(
            1,
            &[(day(2024, 1, 1), 1_250_000), (day(2024, 3, 5), 860_000)],
        );
        assert_eq!(
            c.spend_working(),
            Working::from(vec![Step::Sum {
                name: WorkingTerm::TotalSpend.into(),
                parts: vec![Quantity::money(1_250_000), Quantity::money(860_000)],
                total: Quantity::money(2_110_000),
            }])
        );
        assert_eq!(
            c.spend_working().text(Lang::Zh),
            "消费总额 = 12500.00 + 8600.00 = 21100.00"
        );
        assert_eq!(
            c.purchase_count_working(),
            Working::from(vec![Step::Count {
                name: WorkingTerm::Purchases.into(),
                items: vec![
                    Quantity::Date(day(2024, 1, 1)),
                    Quantity::Date(day(2024, 3, 5))
                ],
                total: Quantity::count(2),
            }])
        );
        assert_eq!(
            customer(2, "none").spend_working().text(Lang::En),
            "Total spend = 0.00"
        );
    }

    #[test]
    fn resolution_shows_each_complaint_then_the_mean() {
        let mut c = customer(1, "c");
        c.interactions = vec![
            complaint(1, day(2024, 4, 1), Some(day(2024, 4, 3))),
            complaint(2, day(2024, 3, 1), Some(day(2024, 3, 5))),
            complaint(3, day(2024, 5, 1), None),
        ];
        assert_eq!(
            c.resolved_complaints(),
            [
                (day(2024, 3, 1), day(2024, 3, 5), 4),
                (day(2024, 4, 1), day(2024, 4, 3), 2)
            ]
        );
        let difference = |opened, resolved, days| Step::Difference {
            name: WorkingTerm::ResolutionTime.into(),
            from: Quantity::Date(resolved),
            minus: Quantity::Date(opened),
            result: Quantity::days(days),
        };
        assert_eq!(
            c.resolution_working(),
            Working::from(vec![
                difference(day(2024, 3, 1), day(2024, 3, 5), 4),
                difference(day(2024, 4, 1), day(2024, 4, 3), 2),
                Step::Mean {
                    name: WorkingTerm::AverageResolution.into(),
                    parts: vec![Quantity::days(4), Quantity::days(2)],
                    mean: Quantity::Days {
                        days: 3.0,
                        decimals: 1
                    },
                },
            ])
        );
        assert!(customer(2, "none").resolution_working().is_empty());
    }
}
