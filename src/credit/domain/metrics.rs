//! Collection metrics for a period, in one currency, each with its working: days sales
//! outstanding (simple, and count-back by month), best possible DSO, average days
//! delinquent and the collection effectiveness index.
//!
//! Definitions as in the Credit Research Foundation's and the anchors' notes: DSO =
//! receivables ÷ credit sales × days; BPDSO = current receivables ÷ credit sales × days;
//! ADD = DSO − BPDSO; CEI = (opening AR + credit sales − closing AR) ÷ (opening AR + credit
//! sales − closing current AR) × 100, with the credit sales of the whole period.

use chrono::{Datelike, Days, NaiveDate};

use super::ledger::Ledger;
use super::words::CreditTerm;
use crate::working::{Quantity, Step, Token, Working};

/// The period's figures; `None` figures could not be computed (no credit sales).
#[derive(Clone, Debug, PartialEq)]
pub struct Metrics {
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub currency: String,
    pub days: i64,
    pub credit_sales: i64,
    pub opening: i64,
    pub closing: i64,
    pub closing_current: i64,
    pub dso: Option<f64>,
    pub count_back: Option<CountBack>,
    pub bpdso: Option<f64>,
    pub add: Option<f64>,
    pub cei: Option<f64>,
}

/// Count-back DSO: each month's sales taken from the receivables, newest month first.
#[derive(Clone, Debug, PartialEq)]
pub struct CountBack {
    pub dso: f64,
    /// (month's first day, sales, days counted).
    pub months: Vec<(NaiveDate, i64, f64)>,
}

/// Receivables open on `as_of` in `currency`: all, and those not yet past due.
fn receivables(ledger: &Ledger, currency: &str, as_of: NaiveDate) -> (i64, i64) {
    let settled = ledger.settled_as_of(as_of);
    let mut all = 0;
    let mut current = 0;
    for invoice in ledger
        .invoices()
        .filter(|i| i.currency == currency && i.date <= as_of)
    {
        let open = invoice.amount_cents - settled.get(invoice.id);
        all += open;
        if invoice.due >= as_of {
            current += open;
        }
    }
    (all, current)
}

fn sales_between(ledger: &Ledger, currency: &str, from: NaiveDate, to: NaiveDate) -> i64 {
    ledger
        .invoices()
        .filter(|i| i.currency == currency && i.date >= from && i.date <= to)
        .map(|i| i.amount_cents)
        .sum()
}

fn first_of_month(day: NaiveDate) -> NaiveDate {
    day.with_day(1).unwrap_or(day)
}

fn previous_month_end(first: NaiveDate) -> NaiveDate {
    first - Days::new(1)
}

/// The metrics of `from`..=`to` in `currency`.
pub fn metrics(ledger: &Ledger, currency: &str, from: NaiveDate, to: NaiveDate) -> Metrics {
    let days = (to - from).num_days() + 1;
    let credit_sales = sales_between(ledger, currency, from, to);
    let (opening, _) = receivables(ledger, currency, from - Days::new(1));
    let (closing, closing_current) = receivables(ledger, currency, to);
    let per_day =
        |ar: i64| (credit_sales > 0).then(|| ar as f64 / credit_sales as f64 * days as f64);
    let dso = per_day(closing);
    let bpdso = per_day(closing_current);
    let add = dso.zip(bpdso).map(|(d, b)| d - b);
    let collectable = opening + credit_sales - closing_current;
    let cei = (collectable > 0)
        .then(|| (opening + credit_sales - closing) as f64 / collectable as f64 * 100.0);
    Metrics {
        from,
        to,
        currency: currency.to_owned(),
        days,
        credit_sales,
        opening,
        closing,
        closing_current,
        dso,
        count_back: count_back(ledger, currency, to, closing),
        bpdso,
        add,
        cei,
    }
}

/// Takes each month's sales from `closing`, newest month first, counting the month's
/// days (the last month only up to `to`), until what is left is part of a month.
fn count_back(ledger: &Ledger, currency: &str, to: NaiveDate, closing: i64) -> Option<CountBack> {
    if closing <= 0 {
        return None;
    }
    let mut left = closing;
    let mut dso = 0.0;
    let mut months = Vec::new();
    let mut end = to;
    for _ in 0..36 {
        let first = first_of_month(end);
        let month_days = (end - first).num_days() + 1;
        let sales = sales_between(ledger, currency, first, end);
        if sales > 0 && left <= sales {
            let part = left as f64 / sales as f64 * month_days as f64;
            dso += part;
            months.push((first, sales, part));
            return Some(CountBack { dso, months });
        }
        dso += month_days as f64;
        months.push((first, sales, month_days as f64));
        left -= sales;
        end = previous_month_end(first);
    }
    Some(CountBack { dso, months })
}

impl Metrics {
    pub fn working(&self) -> Working {
        let money = |c: i64| Token::Value(Quantity::money(c));
        let days = Token::Value(Quantity::count(self.days));
        let mut steps = vec![
            Step::Fact {
                name: CreditTerm::CreditSales.into(),
                value: Quantity::money(self.credit_sales),
            },
            Step::Fact {
                name: CreditTerm::DaysInPeriod.into(),
                value: Quantity::days(self.days),
            },
        ];
        let Some(dso) = self.dso else {
            steps.push(Step::Note(CreditTerm::NoCreditSales.into()));
            return steps.into();
        };
        steps.push(Step::Formula {
            name: Some(CreditTerm::Dso.into()),
            symbol: Some("DSO"),
            symbolic: None,
            filled: vec![vec![
                money(self.closing),
                Token::Sym("/"),
                money(self.credit_sales),
                Token::Sym("×"),
                days.clone(),
            ]],
            result: Quantity::Days {
                days: dso,
                decimals: 1,
            },
        });
        if let Some(cb) = &self.count_back {
            let parts = cb
                .months
                .iter()
                .map(|(_, _, d)| Quantity::Days {
                    days: *d,
                    decimals: 1,
                })
                .collect();
            steps.push(Step::Sum {
                name: CreditTerm::DsoCountBack.into(),
                parts,
                total: Quantity::Days {
                    days: cb.dso,
                    decimals: 1,
                },
            });
        }
        if let (Some(bpdso), Some(add)) = (self.bpdso, self.add) {
            steps.push(Step::Formula {
                name: Some(CreditTerm::Bpdso.into()),
                symbol: Some("BPDSO"),
                symbolic: None,
                filled: vec![vec![
                    money(self.closing_current),
                    Token::Sym("/"),
                    money(self.credit_sales),
                    Token::Sym("×"),
                    days,
                ]],
                result: Quantity::Days {
                    days: bpdso,
                    decimals: 1,
                },
            });
            steps.push(Step::Difference {
                name: CreditTerm::Add.into(),
                from: Quantity::Days {
                    days: dso,
                    decimals: 1,
                },
                minus: Quantity::Days {
                    days: bpdso,
                    decimals: 1,
                },
                result: Quantity::Days {
                    days: add,
                    decimals: 1,
                },
            });
        }
        if let Some(cei) = self.cei {
            steps.push(Step::Formula {
                name: Some(CreditTerm::Cei.into()),
                symbol: Some("CEI"),
                symbolic: Some("(AR₀ + S − AR₁) / (AR₀ + S − AR₁ current) × 100"),
                filled: vec![vec![
                    Token::Sym("("),
                    money(self.opening),
                    Token::Sym("+"),
                    money(self.credit_sales),
                    Token::Sym("−"),
                    money(self.closing),
                    Token::Sym(")"),
                    Token::Sym("/"),
                    Token::Sym("("),
                    money(self.opening),
                    Token::Sym("+"),
                    money(self.credit_sales),
                    Token::Sym("−"),
                    money(self.closing_current),
                    Token::Sym(")"),
                    Token::Sym("×"),
                    Token::Value(Quantity::count(100)),
                ]],
                result: Quantity::fixed(cei, 1),
            });
        }
        steps.into()
    }
}

#[cfg(test)]
mod tests {
    use super::super::ledger::tests::{day, invoice};
    use super::*;

    /// A quarter with sales of 100.00 in January, 200.00 in February and 300.00 in March.
    fn quarter() -> Ledger {
        let mut l = Ledger::default();
        invoice(&mut l, 1, "2026-01-10", "net 30", 10_000);
        invoice(&mut l, 1, "2026-02-10", "net 30", 20_000);
        invoice(&mut l, 1, "2026-03-10", "net 30", 30_000);
        // January's invoice is paid; 50.00 of February's.
        l.record_payment(1, "CNY", day("2026-02-05"), 10_000, None, "")
            .unwrap();
        l.record_payment(1, "CNY", day("2026-03-15"), 5_000, None, "")
            .unwrap();
        l
    }

    #[test]
    fn dso_bpdso_add_and_cei() {
        let m = metrics(&quarter(), "CNY", day("2026-01-01"), day("2026-03-31"));
        assert_eq!(m.days, 90);
        assert_eq!(m.credit_sales, 60_000);
        assert_eq!((m.opening, m.closing), (0, 45_000));
        // March's invoice (due 2026-04-09) is current: 300.00.
        assert_eq!(m.closing_current, 30_000);
        // DSO = 450 / 600 × 90 = 67.5; BPDSO = 300 / 600 × 90 = 45; ADD = 22.5.
        assert_eq!(m.dso, Some(67.5));
        assert_eq!(m.bpdso, Some(45.0));
        assert_eq!(m.add, Some(22.5));
        // CEI = (0 + 600 − 450) / (0 + 600 − 300) × 100 = 50.
        assert_eq!(m.cei, Some(50.0));
    }

    #[test]
    fn count_back_takes_the_newest_months_first() {
        let m = metrics(&quarter(), "CNY", day("2026-01-01"), day("2026-03-31"));
        // 450 open: March's 300 covers 31 days, then 150 of February's 200 is 0.75 × 28.
        let cb = m.count_back.unwrap();
        assert_eq!(cb.months.len(), 2);
        assert!((cb.dso - (31.0 + 21.0)).abs() < 1e-9, "{}", cb.dso);
    }

    #[test]
    fn no_credit_sales_no_figures() {
        let m = metrics(
            &Ledger::default(),
            "CNY",
            day("2026-01-01"),
            day("2026-03-31"),
        );
        assert_eq!((m.dso, m.bpdso, m.add, m.cei), (None, None, None, None));
        let text = m.working().text(crate::i18n::Lang::En);
        assert!(text.contains("No credit sales"), "{text}");
    }

    #[test]
    fn the_working_fills_in_the_period() {
        let m = metrics(&quarter(), "CNY", day("2026-01-01"), day("2026-03-31"));
        let text = m.working().text(crate::i18n::Lang::En);
        assert!(
            text.contains("DSO = 450.00 / 600.00 × 90 = 67.5 days"),
            "{text}"
        );
        assert!(
            text.contains("(0.00 + 600.00 − 450.00) / (0.00 + 600.00 − 300.00) × 100 = 50.0"),
            "{text}"
        );
    }
}
