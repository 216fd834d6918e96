//! One customer's plain figures with their working: spend, purchase count and complaint
//! resolution times.

use chrono::NaiveDate;

use super::model::{Customer, InteractionKind};
use super::terms::WorkingTerm;
use crate::money::{Conversion, Counted, Total};
use crate::working::{Name, Quantity, Step, Working};

/// A resolved complaint: opened, resolved, and the days between.
pub type ResolvedComplaint = (NaiveDate, NaiveDate, i64);

impl Customer {
    /// "£120.00 × 9.10 (rate of 2026-11-30) = ¥1,092.00", then "Total spend = ¥500.00 +
    /// ¥1,092.00 = ¥1,592.00", then "2 purchases in USD not counted: no rate".
    pub fn spend_working(&self, conversion: &Conversion) -> Working {
        total_working(WorkingTerm::TotalSpend.into(), &self.spend(conversion)).into()
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

/// The working of a [`Total`]: each conversion, the sum in the home currency, and each
/// currency left out for want of a rate.
pub fn total_working(name: Name, total: &Total) -> Vec<Step> {
    let home = |cents| Quantity::Amount {
        cents,
        currency: total.home,
    };
    let mut steps: Vec<Step> = total
        .counted
        .iter()
        .filter_map(|counted| match *counted {
            Counted::Converted {
                cents,
                currency,
                micros,
                date,
                home_cents,
            } => Some(Step::Converted {
                from: Quantity::Amount { cents, currency },
                rate_micros: micros,
                date,
                result: home(home_cents),
            }),
            Counted::Home { .. } => None,
        })
        .collect();
    steps.push(Step::Sum {
        name,
        parts: total.counted.iter().map(|c| home(c.home_cents())).collect(),
        total: home(total.cents),
    });
    steps.extend(
        total
            .not_counted
            .iter()
            .map(|(currency, &n)| Step::NotCounted {
                n,
                currency: currency.clone(),
            }),
    );
    steps
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
    use super::super::test_support::{buyer, cny, complaint, customer, day, purchase};
    use super::*;
    use crate::i18n::Lang;
    use crate::money::{Currency, Rate};

    #[test]
    fn spend_and_count_show_each_purchase() {
        let c = buyer(
            1,
            &[(day(2024, 1, 1), 1_250_000), (day(2024, 3, 5), 860_000)],
        );
        let yuan = |cents| Quantity::Amount {
            cents,
            currency: Currency::CNY,
        };
        assert_eq!(
            c.spend_working(&cny()),
            Working::from(vec![Step::Sum {
                name: WorkingTerm::TotalSpend.into(),
                parts: vec![yuan(1_250_000), yuan(860_000)],
                total: yuan(2_110_000),
            }])
        );
        assert_eq!(
            c.spend_working(&cny()).text(Lang::Zh),
            "消费总额 = ¥12,500.00 + ¥8,600.00 = ¥21,100.00"
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
            customer(2, "none").spend_working(&cny()).text(Lang::En),
            "Total spend = ¥0.00"
        );
    }

    #[test]
    fn spend_in_several_currencies_is_converted_or_said_to_be_left_out() {
        let mut c = buyer(1, &[(day(2026, 11, 1), 50_000)]);
        let mut bought = |id, amount_cents, currency: &str| {
            let mut p = purchase(id, day(2026, 11, 2), amount_cents);
            if let InteractionKind::Purchase { currency: c, .. } = &mut p.kind {
                *c = currency.into();
            }
            c.interactions.push(p);
        };
        bought(7, 12_000, "GBP");
        bought(8, 1_000, "USD");
        bought(9, 2_000, "USD");
        bought(10, 300, "EUR");
        let rates = [Rate {
            currency: Currency::GBP,
            micros: 9_100_000,
            date: day(2026, 11, 30),
        }];
        let conversion = Conversion::new(Currency::CNY, &rates);
        assert_eq!(c.spend_cents(&conversion), 50_000 + 109_200);
        assert_eq!(
            c.spend_working(&conversion).text(Lang::En),
            "£120.00 × 9.10 (rate of 2026-11-30) = ¥1,092.00\n\
             Total spend = ¥500.00 + ¥1,092.00 = ¥1,592.00\n\
             1 purchase in EUR not counted: no rate\n\
             2 purchases in USD not counted: no rate"
        );
        assert_eq!(
            c.spend_working(&conversion).text(Lang::Zh),
            "£120.00 × 9.10（2026-11-30 的汇率）= ¥1,092.00\n\
             消费总额 = ¥500.00 + ¥1,092.00 = ¥1,592.00\n\
             1 笔 EUR 消费未计入：没有汇率\n\
             2 笔 USD 消费未计入：没有汇率"
        );
        // With pounds at home, the yuan purchase is the one without a rate.
        let in_pounds = Conversion::home_only(Currency::GBP);
        assert_eq!(c.spend_cents(&in_pounds), 12_000);
        assert_eq!(c.spend(&in_pounds).not_counted_count(), 4);
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
