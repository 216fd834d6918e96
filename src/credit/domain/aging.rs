//! Receivables aging (账龄分析) as of a date: what is open per customer and currency, in
//! buckets by days past the due date (current, 1–30, 31–60, 61–90, over 90) or by days
//! since the invoice date, with editable edges; and the bad-debt allowance (坏账准备) from
//! a loss rate per bucket (an expected-loss matrix, as CAS 22 / IFRS 9 expect).
//!
//! Only what happened on or before the as-of date counts.

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::ledger::Ledger;
use super::words::CreditTerm;
use crate::working::{Quantity, Step, Token, Working};

/// What the age of an invoice is counted from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AgeBasis {
    /// Days past the due date; not yet due is "current".
    #[default]
    DueDate,
    /// Days since the invoice date.
    InvoiceDate,
}

impl AgeBasis {
    pub fn key(self) -> &'static str {
        match self {
            AgeBasis::DueDate => "due",
            AgeBasis::InvoiceDate => "invoice",
        }
    }

    pub fn from_key(key: &str) -> Option<AgeBasis> {
        match key {
            "due" => Some(AgeBasis::DueDate),
            "invoice" => Some(AgeBasis::InvoiceDate),
            _ => None,
        }
    }
}

/// One column of the aging.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Bucket {
    /// Not yet due (due-date basis only).
    Current,
    /// `from`..=`to` days.
    Range { from: u32, to: u32 },
    /// More than this many days.
    Over(u32),
}

impl Bucket {
    /// "Current", "1–30 days", "Over 90 days".
    pub fn label(self, lang: crate::i18n::Lang) -> String {
        use crate::i18n::{fill, Text};
        match self {
            Bucket::Current => CreditTerm::BucketCurrent.in_lang(lang).to_owned(),
            Bucket::Range { from, to } => fill(
                CreditTerm::BucketRange.in_lang(lang),
                &[&from.to_string(), &to.to_string()],
            ),
            Bucket::Over(n) => fill(CreditTerm::BucketOver.in_lang(lang), &[&n.to_string()]),
        }
    }
}

/// The default edges: 30, 60, 90 days.
pub const DEFAULT_EDGES: [u32; 3] = [30, 60, 90];

/// Reads edges typed as "30, 60, 90" (or "30 60 90", "30，60，90"): ascending, positive.
pub fn parse_edges(text: &str) -> Option<Vec<u32>> {
    let normal = crate::i18n::to_half_width(text).replace([',', '、'], " ");
    let edges: Vec<u32> = normal
        .split_whitespace()
        .map(|t| t.parse().ok())
        .collect::<Option<_>>()?;
    let ascending = edges.windows(2).all(|w| w[0] < w[1]);
    (!edges.is_empty() && ascending && edges[0] > 0 && edges.len() <= 8).then_some(edges)
}

/// The buckets for `basis` and `edges`.
pub fn buckets(basis: AgeBasis, edges: &[u32]) -> Vec<Bucket> {
    let mut out = Vec::new();
    let mut from = match basis {
        AgeBasis::DueDate => {
            out.push(Bucket::Current);
            1
        }
        AgeBasis::InvoiceDate => 0,
    };
    for &to in edges {
        out.push(Bucket::Range { from, to });
        from = to + 1;
    }
    out.push(Bucket::Over(edges.last().copied().unwrap_or(0)));
    out
}

/// Which bucket an age (days, may be negative) falls in.
fn bucket_of(basis: AgeBasis, edges: &[u32], age: i64) -> usize {
    let offset = match basis {
        AgeBasis::DueDate if age <= 0 => return 0,
        AgeBasis::DueDate => 1,
        AgeBasis::InvoiceDate => 0,
    };
    edges
        .iter()
        .position(|&edge| age <= i64::from(edge))
        .map_or(offset + edges.len(), |i| offset + i)
}

/// One customer's open amounts in one currency.
#[derive(Clone, Debug, PartialEq)]
pub struct AgingRow {
    pub customer_id: u64,
    pub currency: String,
    /// Per bucket, in the order of [`Aging::buckets`].
    pub amounts: Vec<i64>,
    pub total: i64,
    /// Days past due of the oldest open invoice (≤ 0 when nothing is overdue).
    pub oldest_days_past_due: i64,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Aging {
    pub as_of: NaiveDate,
    pub basis: AgeBasis,
    pub buckets: Vec<Bucket>,
    pub rows: Vec<AgingRow>,
    /// Per currency: per bucket, then the total.
    pub totals: BTreeMap<String, (Vec<i64>, i64)>,
}

/// The aging of every open invoice on `as_of`.
pub fn aging(ledger: &Ledger, as_of: NaiveDate, basis: AgeBasis, edges: &[u32]) -> Aging {
    let columns = buckets(basis, edges);
    let settled = ledger.settled_as_of(as_of);
    // Rows found by customer, then along that customer's rows (one per currency): no
    // key is built or hashed per invoice.
    let mut first_row: rustc_hash::FxHashMap<u64, usize> = Default::default();
    let mut next_row: Vec<Option<usize>> = Vec::new();
    let mut rows: Vec<AgingRow> = Vec::new();
    for invoice in ledger.invoices().filter(|i| i.date <= as_of) {
        let open = invoice.amount_cents - settled.get(invoice.id);
        if open <= 0 {
            continue;
        }
        let from = match basis {
            AgeBasis::DueDate => invoice.due,
            AgeBasis::InvoiceDate => invoice.date,
        };
        let age = (as_of - from).num_days();
        let past_due = (as_of - invoice.due).num_days();
        let mut found = first_row.get(&invoice.customer_id).copied();
        let mut last = None;
        while let Some(at) = found {
            if rows[at].currency == invoice.currency {
                break;
            }
            last = Some(at);
            found = next_row[at];
        }
        let at = found.unwrap_or_else(|| {
            rows.push(AgingRow {
                customer_id: invoice.customer_id,
                currency: invoice.currency.clone(),
                amounts: vec![0; columns.len()],
                total: 0,
                oldest_days_past_due: i64::MIN,
            });
            next_row.push(None);
            let at = rows.len() - 1;
            match last {
                Some(before) => next_row[before] = Some(at),
                None => {
                    first_row.insert(invoice.customer_id, at);
                }
            }
            at
        });
        let row = &mut rows[at];
        row.amounts[bucket_of(basis, edges, age)] += open;
        row.total += open;
        row.oldest_days_past_due = row.oldest_days_past_due.max(past_due);
    }
    rows.sort_by(|a, b| (a.customer_id, &a.currency).cmp(&(b.customer_id, &b.currency)));
    let mut totals: BTreeMap<String, (Vec<i64>, i64)> = BTreeMap::new();
    for row in &rows {
        let (amounts, total) = totals
            .entry(row.currency.clone())
            .or_insert_with(|| (vec![0; columns.len()], 0));
        for (sum, amount) in amounts.iter_mut().zip(&row.amounts) {
            *sum += amount;
        }
        *total += row.total;
    }
    Aging {
        as_of,
        basis,
        buckets: columns,
        rows,
        totals,
    }
}

/// Default loss rates per bucket of the default due-date buckets: 1%, 3%, 10%, 25%, 50%.
pub const DEFAULT_LOSS_RATES: [f64; 5] = [0.01, 0.03, 0.10, 0.25, 0.50];

/// The loss rates for `n` buckets: the defaults, the last repeated if more are needed.
pub fn loss_rates_for(rates: &[f64], n: usize) -> Vec<f64> {
    let source = if rates.is_empty() {
        &DEFAULT_LOSS_RATES[..]
    } else {
        rates
    };
    (0..n)
        .map(|i| source.get(i).or(source.last()).copied().unwrap_or(0.0))
        .collect()
}

/// Σ bucket balance × its loss rate, in cents, and the working.
pub fn allowance(totals: &[i64], buckets: &[Bucket], rates: &[f64]) -> (i64, Working) {
    let rates = loss_rates_for(rates, totals.len());
    let mut steps = Vec::new();
    let mut parts = Vec::new();
    let mut sum = 0;
    for ((amount, rate), bucket) in totals.iter().zip(&rates).zip(buckets) {
        let cents = (*amount as f64 * rate).round() as i64;
        sum += cents;
        parts.push(Quantity::money(cents));
        steps.push(Step::Formula {
            name: None,
            symbol: Some(bucket_symbol(*bucket)),
            symbolic: None,
            filled: vec![vec![
                Token::Value(Quantity::money(*amount)),
                Token::Sym("×"),
                Token::Value(Quantity::percent(*rate, 1)),
            ]],
            result: Quantity::money(cents),
        });
    }
    steps.push(Step::Sum {
        name: CreditTerm::Allowance.into(),
        parts,
        total: Quantity::money(sum),
    });
    (sum, steps.into())
}

/// A bucket's short symbol for the working ("0", "1–30", ">90"), the same in every
/// language.
fn bucket_symbol(bucket: Bucket) -> &'static str {
    // Symbols must be 'static; the common edges are spelled out, others fall back.
    match bucket {
        Bucket::Current => "0",
        Bucket::Range { from: 0, to: 30 } => "0–30",
        Bucket::Range { from: 1, to: 30 } => "1–30",
        Bucket::Range { from: 31, to: 60 } => "31–60",
        Bucket::Range { from: 61, to: 90 } => "61–90",
        Bucket::Range { .. } => "…",
        Bucket::Over(90) => ">90",
        Bucket::Over(_) => ">",
    }
}

#[cfg(test)]
mod tests {
    use super::super::ledger::tests::{day, invoice};
    use super::super::ledger::LedgerRecord;
    use super::*;

    #[test]
    fn buckets_on_their_boundary_days() {
        // Due 2026-01-31 (net 30 from 2026-01-01).
        let table = [
            ("2026-01-30", 0), // not yet due: current
            ("2026-01-31", 0), // due today: current
            ("2026-02-01", 1), // 1 day late
            ("2026-03-02", 1), // 30 days late
            ("2026-03-03", 2), // 31 days late
            ("2026-04-01", 2), // 60 days late
            ("2026-04-02", 3), // 61
            ("2026-05-01", 3), // 90
            ("2026-05-02", 4), // 91: over 90
        ];
        let mut l = Ledger::default();
        invoice(&mut l, 1, "2026-01-01", "net 30", 10_000);
        for (as_of, bucket) in table {
            let a = aging(&l, day(as_of), AgeBasis::DueDate, &DEFAULT_EDGES);
            let mut expected = vec![0; 5];
            expected[bucket] = 10_000;
            assert_eq!(a.rows[0].amounts, expected, "{as_of}");
        }
    }

    #[test]
    fn by_invoice_date_there_is_no_current_bucket() {
        let mut l = Ledger::default();
        invoice(&mut l, 1, "2026-01-01", "net 30", 10_000);
        let a = aging(&l, day("2026-02-15"), AgeBasis::InvoiceDate, &DEFAULT_EDGES);
        assert_eq!(a.buckets[0], Bucket::Range { from: 0, to: 30 });
        assert_eq!(a.rows[0].amounts, vec![0, 10_000, 0, 0]);
    }

    #[test]
    fn only_what_happened_by_the_as_of_date_counts() {
        let mut l = Ledger::default();
        invoice(&mut l, 1, "2026-01-01", "net 30", 10_000);
        invoice(&mut l, 2, "2026-03-01", "net 30", 5_000);
        l.record_payment(1, "CNY", day("2026-02-20"), 4_000, None, "")
            .unwrap();
        let before = aging(&l, day("2026-02-10"), AgeBasis::DueDate, &DEFAULT_EDGES);
        assert_eq!(before.rows.len(), 1);
        assert_eq!(before.totals["CNY"].1, 10_000);
        let after = aging(&l, day("2026-03-05"), AgeBasis::DueDate, &DEFAULT_EDGES);
        // The first invoice is 33 days past due: 31–60.
        assert_eq!(after.totals["CNY"], (vec![5_000, 0, 6_000, 0, 0], 11_000));
        assert_eq!(after.rows[0].oldest_days_past_due, 33);
    }

    #[test]
    fn a_customer_has_one_row_per_currency_whatever_the_order() {
        let mut l = Ledger::default();
        for (customer, currency, cents) in [
            (1, "CNY", 100),
            (1, "USD", 200),
            (2, "CNY", 400),
            (1, "CNY", 800),
            (1, "EUR", 1_600),
            (1, "USD", 3_200),
        ] {
            let id = invoice(&mut l, customer, "2026-01-01", "net 30", cents);
            if let Some(LedgerRecord::Invoice(i)) =
                l.records_mut().iter_mut().find(|r| r.id() == id)
            {
                i.currency = currency.into();
            }
        }
        let a = aging(&l, day("2026-01-10"), AgeBasis::DueDate, &DEFAULT_EDGES);
        let rows: Vec<(u64, &str, i64)> = a
            .rows
            .iter()
            .map(|r| (r.customer_id, r.currency.as_str(), r.total))
            .collect();
        assert_eq!(
            rows,
            [
                (1, "CNY", 900),
                (1, "EUR", 1_600),
                (1, "USD", 3_400),
                (2, "CNY", 400)
            ]
        );
    }

    #[test]
    fn settlements_are_found_when_ids_are_far_apart() {
        // Ids a million apart (an imported ledger could be): the settled amounts are
        // kept in a map instead of a list by id, with the same result.
        let mut l = Ledger::default();
        invoice(&mut l, 1, "2026-01-01", "net 30", 10_000);
        l.next_id = 1_000_000;
        invoice(&mut l, 1, "2026-01-02", "net 30", 5_000);
        l.record_payment(1, "CNY", day("2026-01-05"), 12_000, None, "")
            .unwrap();
        let settled = l.settled_as_of(day("2026-01-10"));
        assert!(matches!(settled, super::super::ledger::Settled::Sparse(_)));
        let a = aging(&l, day("2026-01-10"), AgeBasis::DueDate, &DEFAULT_EDGES);
        assert_eq!(a.totals["CNY"].1, 3_000);
    }

    #[test]
    fn edges_are_editable() {
        assert_eq!(parse_edges("30, 60, 90, 120"), Some(vec![30, 60, 90, 120]));
        assert_eq!(parse_edges("15 45"), Some(vec![15, 45]));
        assert_eq!(parse_edges("30，60"), Some(vec![30, 60]));
        assert_eq!(parse_edges("60, 30"), None);
        assert_eq!(parse_edges("0, 30"), None);
        assert_eq!(parse_edges("a"), None);
        assert_eq!(parse_edges(""), None);
        let b = buckets(AgeBasis::DueDate, &[15, 45]);
        assert_eq!(
            b,
            vec![
                Bucket::Current,
                Bucket::Range { from: 1, to: 15 },
                Bucket::Range { from: 16, to: 45 },
                Bucket::Over(45)
            ]
        );
    }

    #[test]
    fn the_allowance_is_each_bucket_times_its_loss_rate() {
        let totals = [100_000, 50_000, 20_000, 10_000, 4_000];
        let (cents, working) = allowance(&totals, &buckets(AgeBasis::DueDate, &DEFAULT_EDGES), &[]);
        // 1000 + 1500 + 2000 + 2500 + 2000
        assert_eq!(cents, 9_000);
        let text = working.text(crate::i18n::Lang::En);
        assert!(text.contains("31–60 = 200.00 × 10.0% = 20.00"), "{text}");
        assert!(
            text.contains("Bad-debt allowance = 10.00 + 15.00 + 20.00 + 25.00 + 20.00 = 90.00"),
            "{text}"
        );
        assert_eq!(loss_rates_for(&[0.02], 3), vec![0.02, 0.02, 0.02]);
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn buckets_always_sum_to_the_open_total(
                invoices in proptest::collection::vec((1i64..100_000, 0u32..200, 1u64..4), 1..12),
                pays in proptest::collection::vec((1i64..50_000, 0u32..250, 1u64..4), 0..8),
                as_of in 0u32..300,
            ) {
                let mut l = Ledger::default();
                let start = day("2026-01-01");
                for (cents, offset, customer) in invoices {
                    let date = start + chrono::Days::new(offset.into());
                    invoice(&mut l, customer, &date.to_string(), "net 30", cents);
                }
                for (cents, offset, customer) in pays {
                    let date = start + chrono::Days::new(offset.into());
                    let _ = l.record_payment(customer, "CNY", date, cents, None, "");
                }
                let as_of = start + chrono::Days::new(as_of.into());
                let a = aging(&l, as_of, AgeBasis::DueDate, &DEFAULT_EDGES);
                let mut open = 0;
                for c in 1..4 {
                    open += l.open_total(c, "CNY", as_of);
                }
                for row in &a.rows {
                    prop_assert_eq!(row.amounts.iter().sum::<i64>(), row.total);
                }
                let total = a.totals.get("CNY").map_or(0, |t| t.1);
                prop_assert_eq!(total, open);
            }
        }
    }
}
