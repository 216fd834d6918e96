//! Exposure by customer for the credit overview: what each customer with a credit file or
//! an invoice owes in the currency of its limit, against that limit, the oldest overdue
//! invoice, and whether a new sale would be held.

use std::collections::HashMap;

use chrono::NaiveDate;

use super::aging::aging;
use super::file::CreditBook;

/// One customer's exposure.
#[derive(Clone, Debug, PartialEq)]
pub struct Exposure {
    pub customer_id: u64,
    /// Open receivables in `currency` (the currency of the limit, CNY without a file).
    pub open: i64,
    pub currency: String,
    pub limit: Option<i64>,
    /// Days past due of the oldest overdue invoice (0 when none is overdue).
    pub oldest_overdue: i64,
    /// Over the limit, or an invoice overdue longer than the policy allows.
    pub held: bool,
}

/// Every customer's exposure on `today`, those on hold first, then the largest open
/// amounts. One pass over the ledger (the aging) and look-up tables, so 10,000 customers
/// take a few milliseconds, not a search per customer.
pub fn exposures(book: &CreditBook, today: NaiveDate) -> Vec<Exposure> {
    let a = aging(
        &book.ledger,
        today,
        book.policy.age_basis,
        &book.policy.aging_edges,
    );
    let rows: HashMap<(u64, &str), (i64, i64)> = a
        .rows
        .iter()
        .map(|r| {
            let overdue = r.oldest_days_past_due.max(0);
            ((r.customer_id, r.currency.as_str()), (r.total, overdue))
        })
        .collect();
    let files: HashMap<u64, usize> = book
        .files
        .iter()
        .enumerate()
        .map(|(i, f)| (f.customer_id, i))
        .collect();
    let mut out: Vec<Exposure> = book
        .customer_ids()
        .into_iter()
        .map(|id| {
            let file = files.get(&id).map(|&i| &book.files[i]);
            let currency = file.map_or("CNY".to_owned(), |f| f.limit_currency.clone());
            let (open, oldest_overdue) = rows
                .get(&(id, currency.as_str()))
                .copied()
                .unwrap_or((0, 0));
            let limit = file.and_then(|f| f.limit_cents);
            let held = oldest_overdue > book.policy.hold_after_days_overdue
                || limit.is_some_and(|l| open > l);
            Exposure {
                customer_id: id,
                open,
                currency,
                limit,
                oldest_overdue,
                held,
            }
        })
        .collect();
    out.sort_by_key(|e| (!e.held, std::cmp::Reverse(e.open), e.customer_id));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credit::domain::ledger::tests::{day, invoice};

    #[test]
    fn held_customers_come_first_then_the_largest_open_amounts() {
        let mut book = CreditBook::default();
        // 1: 100.00 open, due 2025-12-31, 61 days overdue on 2026-03-02 (held after 30).
        invoice(&mut book.ledger, 1, "2025-12-01", "net 30", 10_000);
        // 2: 500.00 open, not yet due, within its limit.
        invoice(&mut book.ledger, 2, "2026-03-01", "net 30", 50_000);
        book.file_mut(2).limit_cents = Some(60_000);
        // 3: a file and nothing owed.
        book.file_mut(3);
        // 4: 200.00 open, not due, over its 100.00 limit.
        invoice(&mut book.ledger, 4, "2026-03-01", "net 30", 20_000);
        book.file_mut(4).limit_cents = Some(10_000);
        let rows = exposures(&book, day("2026-03-02"));
        let summary: Vec<(u64, i64, i64, bool)> = rows
            .iter()
            .map(|e| (e.customer_id, e.open, e.oldest_overdue, e.held))
            .collect();
        assert_eq!(
            summary,
            vec![
                (4, 20_000, 0, true),
                (1, 10_000, 61, true),
                (2, 50_000, 0, false),
                (3, 0, 0, false),
            ]
        );
    }
}
