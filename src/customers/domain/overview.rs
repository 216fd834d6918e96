//! The customer figures a manager looks at first, for the dashboard: customers by stage
//! and by class, new this month, at high churn risk, open complaints and how long the
//! oldest has been open, and spend this month against last month.

use chrono::{Datelike, NaiveDate};

use super::churn::ChurnLevel;
use super::filter::RowFacts;
use super::model::{Customer, InteractionKind, LifecycleStage, ValueClass};
use crate::money::{Conversion, Total};

/// The dashboard's customer figures.
#[derive(Clone, Debug, PartialEq)]
pub struct Overview {
    pub customers: usize,
    /// Every stage in lifecycle order, with how many customers are in it.
    pub by_stage: Vec<(LifecycleStage, usize)>,
    /// Every value class, with how many customers it holds (manual class, else ABC).
    pub by_class: Vec<(ValueClass, usize)>,
    /// Customers created in the calendar month of `today`.
    pub new_this_month: usize,
    /// Customers at high churn risk who have not churned.
    pub high_risk: usize,
    pub open_complaints: usize,
    /// Days the longest-open complaint has been open.
    pub oldest_open_days: Option<i64>,
    /// The purchases of this and last calendar month, each as one figure in the home
    /// currency (with those left out for want of a rate).
    pub spend_this_month: Total,
    pub spend_last_month: Total,
}

/// `facts` are the list's row facts of `customers`, in the same order.
pub fn overview(
    customers: &[Customer],
    facts: &[RowFacts],
    today: NaiveDate,
    conversion: &Conversion,
) -> Overview {
    let mut this_month_amounts: Vec<(i64, &str)> = Vec::new();
    let mut last_month_amounts: Vec<(i64, &str)> = Vec::new();
    let month = |d: NaiveDate| (d.year(), d.month());
    let this_month = month(today);
    let last_month = month(
        today
            .with_day(1)
            .and_then(|d| d.pred_opt())
            .unwrap_or(today),
    );
    let mut by_stage: Vec<_> = LifecycleStage::ALL.iter().map(|s| (*s, 0)).collect();
    let mut by_class: Vec<_> = ValueClass::ALL.iter().map(|c| (*c, 0)).collect();
    let mut o = Overview {
        customers: customers.len(),
        by_stage: Vec::new(),
        by_class: Vec::new(),
        new_this_month: 0,
        high_risk: 0,
        open_complaints: 0,
        oldest_open_days: None,
        spend_this_month: conversion.total([]),
        spend_last_month: conversion.total([]),
    };
    for (customer, facts) in customers.iter().zip(facts) {
        if let Some(entry) = by_stage.iter_mut().find(|(s, _)| *s == customer.stage) {
            entry.1 += 1;
        }
        if let Some(entry) = by_class.iter_mut().find(|(c, _)| *c == facts.value_class) {
            entry.1 += 1;
        }
        if month(customer.created_at.date_naive()) == this_month {
            o.new_this_month += 1;
        }
        if facts.churn_level == Some(ChurnLevel::High) {
            o.high_risk += 1;
        }
        for entry in &customer.interactions {
            match entry.kind {
                InteractionKind::Complaint { opened, .. } if entry.is_open_complaint() => {
                    o.open_complaints += 1;
                    let days = (today - opened).num_days().max(0);
                    o.oldest_open_days = Some(o.oldest_open_days.map_or(days, |d| d.max(days)));
                }
                InteractionKind::Purchase {
                    amount_cents,
                    ref currency,
                    ..
                } => {
                    if month(entry.date) == this_month {
                        this_month_amounts.push((amount_cents, currency));
                    } else if month(entry.date) == last_month {
                        last_month_amounts.push((amount_cents, currency));
                    }
                }
                _ => {}
            }
        }
    }
    o.by_stage = by_stage;
    o.by_class = by_class;
    o.spend_this_month = conversion.total(this_month_amounts);
    o.spend_last_month = conversion.total(last_month_amounts);
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::domain::filter::row_facts;
    use crate::customers::domain::test_support::cny;
    use crate::customers::domain::AbcThresholds;
    use crate::customers::domain::Interaction;
    use crate::money::{Currency, Rate};
    use chrono::{TimeZone, Utc};

    fn day(y: i32, m: u32, d: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, d).unwrap()
    }

    fn purchase(id: u64, date: NaiveDate, cents: i64) -> Interaction {
        Interaction {
            id,
            date,
            kind: InteractionKind::Purchase {
                amount_cents: cents,
                currency: "CNY".into(),
                items: String::new(),
            },
            note: String::new(),
        }
    }

    #[test]
    fn counts_new_customers_spend_by_month_and_open_complaints() {
        let today = day(2026, 3, 10);
        let mut old = Customer::new(
            1,
            "王芳",
            Utc.with_ymd_and_hms(2025, 12, 1, 9, 0, 0).unwrap(),
        );
        old.interactions.push(purchase(1, day(2026, 3, 2), 12_000));
        old.interactions.push(purchase(2, day(2026, 2, 28), 5_000));
        old.interactions.push(purchase(3, day(2026, 1, 31), 7_000));
        let new = Customer::new(2, "Ann", Utc.with_ymd_and_hms(2026, 3, 1, 9, 0, 0).unwrap());
        let customers = vec![old, new];
        let facts = row_facts(&customers, &AbcThresholds::default(), today, &cny());
        let o = overview(&customers, &facts, today, &cny());
        assert_eq!(o.customers, 2);
        assert_eq!(o.new_this_month, 1);
        assert_eq!(o.spend_this_month.cents, 12_000);
        assert_eq!(o.spend_last_month.cents, 5_000, "January is not last month");
        assert_eq!(o.by_stage.iter().map(|(_, n)| n).sum::<usize>(), 2);
        assert_eq!(o.by_class.iter().map(|(_, n)| n).sum::<usize>(), 2);
        assert_eq!((o.open_complaints, o.oldest_open_days), (0, None));
    }

    #[test]
    fn last_month_of_january_is_december() {
        let today = day(2026, 1, 5);
        let mut c = Customer::new(
            1,
            "王芳",
            Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap(),
        );
        c.interactions.push(purchase(1, day(2025, 12, 20), 900));
        let facts = row_facts(
            std::slice::from_ref(&c),
            &AbcThresholds::default(),
            today,
            &cny(),
        );
        let o = overview(std::slice::from_ref(&c), &facts, today, &cny());
        assert_eq!(o.spend_last_month.cents, 900);
    }

    #[test]
    fn spend_in_other_currencies_is_converted_or_left_out_and_counted() {
        let today = day(2026, 3, 10);
        let mut c = Customer::new(1, "Ann", Utc.with_ymd_and_hms(2025, 6, 1, 9, 0, 0).unwrap());
        let mut in_currency = |id, cents, currency: &str| {
            let mut p = purchase(id, day(2026, 3, 2), cents);
            if let InteractionKind::Purchase { currency: c, .. } = &mut p.kind {
                *c = currency.into();
            }
            c.interactions.push(p);
        };
        in_currency(1, 10_000, "GBP");
        in_currency(2, 10_000, "CNY");
        in_currency(3, 10_000, "USD");
        let rates = [Rate {
            currency: Currency::GBP,
            micros: 9_100_000,
            date: day(2026, 3, 1),
        }];
        let conversion = Conversion::new(Currency::CNY, &rates);
        let facts = row_facts(
            std::slice::from_ref(&c),
            &AbcThresholds::default(),
            today,
            &conversion,
        );
        let o = overview(std::slice::from_ref(&c), &facts, today, &conversion);
        assert_eq!(
            o.spend_this_month.cents,
            91_000 + 10_000,
            "never 30,000 as plain numbers"
        );
        assert_eq!(o.spend_this_month.not_counted_count(), 1);
        assert_eq!(facts[0].total_spend_cents, 101_000);
        assert_eq!(facts[0].purchases_not_counted, 1);
    }
}
