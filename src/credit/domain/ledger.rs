//! The receivables ledger: credit sales (invoices), payments allocated to them (named, or
//! oldest first, taking the cash discount when paid in time), credit notes and
//! write-offs, payment promises; and what is still open on any date.
//!
//! Amounts are integer cents; a payment is only ever allocated to invoices of its own
//! currency, and never more than is open.

use rustc_hash::FxHashMap as HashMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::conditions::CreditTerms;

/// A credit sale.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Hash)]
pub struct Invoice {
    pub id: u64,
    pub customer_id: u64,
    /// The invoice number people quote ("INV-0042"), unique in the ledger.
    pub number: String,
    #[serde(with = "crate::customers::domain::wire::date")]
    pub date: NaiveDate,
    pub terms: CreditTerms,
    #[serde(with = "crate::customers::domain::wire::date")]
    pub due: NaiveDate,
    pub amount_cents: i64,
    pub currency: String,
    #[serde(default)]
    pub items: String,
    /// The purchase on the customer's timeline this sale recorded, if any.
    #[serde(default)]
    pub purchase_id: Option<u64>,
    /// Why a credit hold was overridden for this sale, if one was.
    #[serde(default)]
    pub hold_override: Option<String>,
}

/// Part of a payment settling one invoice.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize, Hash)]
pub struct Allocation {
    pub invoice_id: u64,
    pub cents: i64,
    /// The cash discount taken on this invoice with this payment.
    #[serde(default)]
    pub discount_cents: i64,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Hash)]
pub struct Payment {
    pub id: u64,
    pub customer_id: u64,
    #[serde(with = "crate::customers::domain::wire::date")]
    pub date: NaiveDate,
    pub amount_cents: i64,
    pub currency: String,
    pub allocations: Vec<Allocation>,
    #[serde(default)]
    pub note: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, Hash)]
#[serde(rename_all = "snake_case")]
pub enum AdjustmentKind {
    CreditNote,
    /// 核销: written off as bad debt.
    WriteOff,
}

/// A credit note or a write-off against one invoice.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Hash)]
pub struct Adjustment {
    pub id: u64,
    pub customer_id: u64,
    pub invoice_id: u64,
    #[serde(with = "crate::customers::domain::wire::date")]
    pub date: NaiveDate,
    pub kind: AdjustmentKind,
    pub amount_cents: i64,
    pub reason: String,
    #[serde(default)]
    pub approver: String,
}

/// A customer's promise to pay `amount_cents` by `due`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Promise {
    pub id: u64,
    pub customer_id: u64,
    pub made_on: NaiveDate,
    pub due: NaiveDate,
    pub amount_cents: i64,
    pub currency: String,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PromiseStatus {
    Pending,
    Kept,
    Broken,
}

/// A dunning letter that was sent.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Reminder {
    pub customer_id: u64,
    pub invoice_id: u64,
    pub date: NaiveDate,
    pub level: u8,
}

/// One recorded ledger entry, as the ledger keeps it. Invoices, payments and adjustments
/// draw their ids from one counter ([`Ledger::next_id`]), so the entries are kept in one
/// list in id order, and neighbouring ids are stored together (the credit book's storage
/// in `file.rs` keeps them in compressed shards of id ranges).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize, Hash)]
pub enum LedgerRecord {
    Invoice(Invoice),
    Payment(Payment),
    Adjustment(Adjustment),
}

impl LedgerRecord {
    pub fn id(&self) -> u64 {
        self.entry().id()
    }

    /// The record as a borrowed entry of any kind.
    pub fn entry(&self) -> Entry<'_> {
        match self {
            LedgerRecord::Invoice(i) => Entry::Invoice(i),
            LedgerRecord::Payment(p) => Entry::Payment(p),
            LedgerRecord::Adjustment(a) => Entry::Adjustment(a),
        }
    }

    fn customer_id(&self) -> u64 {
        match self {
            LedgerRecord::Invoice(i) => i.customer_id,
            LedgerRecord::Payment(p) => p.customer_id,
            LedgerRecord::Adjustment(a) => a.customer_id,
        }
    }
}

/// What payments and adjustments have settled on each invoice (cents, discounts
/// included) by some date: a list by id when the ids are close together, as a ledger's
/// are (the aging looks up 100,000 invoices), a map otherwise.
#[derive(Clone, Debug)]
pub enum Settled {
    Dense { first: u64, cents: Vec<i64> },
    Sparse(HashMap<u64, i64>),
}

impl Settled {
    /// What is settled on the invoice `id` (0 for none).
    pub fn get(&self, id: u64) -> i64 {
        match self {
            Settled::Dense { first, cents } => id
                .checked_sub(*first)
                .and_then(|at| cents.get(at as usize))
                .copied()
                .unwrap_or(0),
            Settled::Sparse(map) => map.get(&id).copied().unwrap_or(0),
        }
    }

    fn add(&mut self, id: u64, amount: i64) {
        match self {
            Settled::Dense { first, cents } => {
                match id
                    .checked_sub(*first)
                    .and_then(|at| cents.get_mut(at as usize))
                {
                    Some(slot) => *slot += amount,
                    // An allocation to an id outside the ledger: kept, never lost.
                    None => {
                        let mut map: HashMap<u64, i64> = (0..)
                            .zip(cents.iter())
                            .filter(|(_, c)| **c != 0)
                            .map(|(at, c)| (*first + at, *c))
                            .collect();
                        *map.entry(id).or_default() += amount;
                        *self = Settled::Sparse(map);
                    }
                }
            }
            Settled::Sparse(map) => *map.entry(id).or_default() += amount,
        }
    }
}

/// The receivables ledger. Written as JSON (backups, and the whole-document layout of
/// earlier builds) with one list per kind, as before the entries shared one list.
#[derive(Clone, Debug, Default, Serialize, Deserialize)]
#[serde(from = "LedgerJson", into = "LedgerJson")]
pub struct Ledger {
    /// Invoices, payments and adjustments, in id order.
    records: Vec<LedgerRecord>,
    pub promises: Vec<Promise>,
    pub reminders: Vec<Reminder>,
    pub next_id: u64,
    /// Each customer's places in `records`, in order: made the first time a customer's
    /// entries are asked for (a credit file reads them half a dozen times a change, and a
    /// ledger holds 180,000 entries), kept up by an append and dropped by any other
    /// change to the records.
    by_customer: std::sync::OnceLock<HashMap<u64, Vec<u32>>>,
}

/// Ledgers are equal when what they record is; the look-up table is not compared.
impl PartialEq for Ledger {
    fn eq(&self, other: &Ledger) -> bool {
        self.records == other.records
            && self.promises == other.promises
            && self.reminders == other.reminders
            && self.next_id == other.next_id
    }
}

/// The ledger's JSON shape: one list per kind.
#[derive(Default, Serialize, Deserialize)]
#[serde(default)]
struct LedgerJson {
    invoices: Vec<Invoice>,
    payments: Vec<Payment>,
    adjustments: Vec<Adjustment>,
    promises: Vec<Promise>,
    reminders: Vec<Reminder>,
    next_id: u64,
}

impl From<LedgerJson> for Ledger {
    fn from(json: LedgerJson) -> Ledger {
        let mut records: Vec<LedgerRecord> = json
            .invoices
            .into_iter()
            .map(LedgerRecord::Invoice)
            .chain(json.payments.into_iter().map(LedgerRecord::Payment))
            .chain(json.adjustments.into_iter().map(LedgerRecord::Adjustment))
            .collect();
        records.sort_by_key(LedgerRecord::id);
        Ledger {
            records,
            promises: json.promises,
            reminders: json.reminders,
            next_id: json.next_id,
            by_customer: Default::default(),
        }
    }
}

impl From<Ledger> for LedgerJson {
    fn from(ledger: Ledger) -> LedgerJson {
        let mut json = LedgerJson {
            promises: ledger.promises,
            reminders: ledger.reminders,
            next_id: ledger.next_id,
            ..LedgerJson::default()
        };
        for record in ledger.records {
            match record {
                LedgerRecord::Invoice(i) => json.invoices.push(i),
                LedgerRecord::Payment(p) => json.payments.push(p),
                LedgerRecord::Adjustment(a) => json.adjustments.push(a),
            }
        }
        json
    }
}

/// Why a payment cannot be recorded as asked.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum PaymentError {
    NotPositive,
    /// The named invoice is not this customer's, is in another currency, or is unknown.
    UnknownInvoice,
    /// More than is open (after any discount) on the invoice(s): this much is open.
    MoreThanOpen {
        open_cents: i64,
    },
}

/// Why an adjustment cannot be recorded.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum AdjustmentError {
    NotPositive,
    UnknownInvoice,
    MoreThanOpen { open_cents: i64 },
    NoReason,
}

impl Ledger {
    pub fn next_id(&mut self) -> u64 {
        self.next_id += 1;
        self.next_id
    }

    /// Every invoice, payment and adjustment, in id order.
    pub fn records(&self) -> &[LedgerRecord] {
        &self.records
    }

    /// The entries for storage to fill; kept in id order by whoever fills them.
    pub fn records_mut(&mut self) -> &mut Vec<LedgerRecord> {
        self.by_customer = Default::default();
        &mut self.records
    }

    /// The customer's entries, in id order.
    fn records_of(&self, customer_id: u64) -> impl Iterator<Item = &LedgerRecord> + '_ {
        let places = self.by_customer.get_or_init(|| {
            let mut index: HashMap<u64, Vec<u32>> = HashMap::default();
            for (at, record) in self.records.iter().enumerate() {
                index
                    .entry(record.customer_id())
                    .or_default()
                    .push(at as u32);
            }
            index
        });
        places
            .get(&customer_id)
            .into_iter()
            .flatten()
            .map(|&at| &self.records[at as usize])
    }

    /// Adds an entry in its place by id (new entries have the highest id, so it is
    /// usually the end).
    pub fn push(&mut self, record: LedgerRecord) {
        let id = record.id();
        match self.records.last() {
            Some(last) if last.id() > id => {
                let at = self.records.partition_point(|r| r.id() < id);
                self.records.insert(at, record);
                self.by_customer = Default::default();
            }
            _ => {
                if let Some(index) = self.by_customer.get_mut() {
                    let at = self.records.len() as u32;
                    index.entry(record.customer_id()).or_default().push(at);
                }
                self.records.push(record);
            }
        }
    }

    pub fn add_invoice(&mut self, invoice: Invoice) {
        self.push(LedgerRecord::Invoice(invoice));
    }

    pub fn invoices(&self) -> impl Iterator<Item = &Invoice> + '_ {
        self.records.iter().filter_map(|r| match r {
            LedgerRecord::Invoice(i) => Some(i),
            _ => None,
        })
    }

    pub fn payments(&self) -> impl Iterator<Item = &Payment> + '_ {
        self.records.iter().filter_map(|r| match r {
            LedgerRecord::Payment(p) => Some(p),
            _ => None,
        })
    }

    pub fn adjustments(&self) -> impl Iterator<Item = &Adjustment> + '_ {
        self.records.iter().filter_map(|r| match r {
            LedgerRecord::Adjustment(a) => Some(a),
            _ => None,
        })
    }

    pub fn invoice(&self, id: u64) -> Option<&Invoice> {
        let at = self
            .records
            .binary_search_by_key(&id, LedgerRecord::id)
            .ok()?;
        match &self.records[at] {
            LedgerRecord::Invoice(i) => Some(i),
            _ => None,
        }
    }

    pub fn invoice_by_number(&self, number: &str) -> Option<&Invoice> {
        let number = number.trim();
        self.invoices()
            .find(|i| i.number.eq_ignore_ascii_case(number))
    }

    /// The next free invoice number, "INV-0001" onwards.
    pub fn next_invoice_number(&self) -> String {
        let mut n = self.invoices().count() + 1;
        loop {
            let number = format!("INV-{n:04}");
            if self.invoice_by_number(&number).is_none() {
                return number;
            }
            n += 1;
        }
    }

    /// How much of each invoice was settled (paid, discounted, credited or written off)
    /// on or before `as_of`.
    pub fn settled_as_of(&self, as_of: NaiveDate) -> Settled {
        // Ledger ids are handed out one after another, so a list by id is dense.
        let span = match (self.records.first(), self.records.last()) {
            (Some(first), Some(last)) => Some((first.id(), last.id() - first.id() + 1)),
            _ => None,
        };
        let mut settled = match span {
            Some((first, span)) if span <= 4 * self.records.len() as u64 + 4_096 => {
                Settled::Dense {
                    first,
                    cents: vec![0; span as usize],
                }
            }
            _ => Settled::Sparse(HashMap::default()),
        };
        self.settle_into(&mut settled, as_of, self.records.iter());
        settled
    }

    /// [`Self::settled_as_of`] for one customer's invoices only: a payment or an
    /// adjustment only ever settles invoices of its own customer, so this reads a
    /// handful of entries where the whole ledger's map would hold every invoice.
    fn settled_of(&self, customer_id: u64, as_of: NaiveDate) -> Settled {
        let mut settled = Settled::Sparse(HashMap::default());
        self.settle_into(&mut settled, as_of, self.records_of(customer_id));
        settled
    }

    fn settle_into<'a>(
        &self,
        settled: &mut Settled,
        as_of: NaiveDate,
        records: impl Iterator<Item = &'a LedgerRecord>,
    ) {
        for record in records {
            match record {
                LedgerRecord::Payment(payment) if payment.date <= as_of => {
                    for a in &payment.allocations {
                        settled.add(a.invoice_id, a.cents + a.discount_cents);
                    }
                }
                LedgerRecord::Adjustment(adj) if adj.date <= as_of => {
                    settled.add(adj.invoice_id, adj.amount_cents);
                }
                _ => {}
            }
        }
    }

    /// What is open on `invoice` on `as_of` (0 before it was issued).
    pub fn open_of(&self, invoice: &Invoice, as_of: NaiveDate) -> i64 {
        if invoice.date > as_of {
            return 0;
        }
        let settled = self.settled_of(invoice.customer_id, as_of);
        invoice.amount_cents - settled.get(invoice.id)
    }

    /// The customer's invoices still open on `as_of`, with what is open, oldest due first.
    pub fn open_invoices(&self, customer_id: u64, as_of: NaiveDate) -> Vec<(&Invoice, i64)> {
        self.open_with(customer_id, as_of, &self.settled_of(customer_id, as_of))
    }

    /// The customer's invoices issued by `issued_by` still open after `settled`.
    fn open_with(
        &self,
        customer_id: u64,
        issued_by: NaiveDate,
        settled: &Settled,
    ) -> Vec<(&Invoice, i64)> {
        let as_of = issued_by;
        let mut open: Vec<(&Invoice, i64)> = self
            .records_of(customer_id)
            .filter_map(|r| match r {
                LedgerRecord::Invoice(i) => Some(i),
                _ => None,
            })
            .filter(|i| i.date <= as_of)
            .map(|i| (i, i.amount_cents - settled.get(i.id)))
            .filter(|(_, open)| *open > 0)
            .collect();
        open.sort_by_key(|(i, _)| (i.due, i.date, i.id));
        open
    }

    /// The customer's open total per currency on `as_of`.
    pub fn open_total(&self, customer_id: u64, currency: &str, as_of: NaiveDate) -> i64 {
        self.open_invoices(customer_id, as_of)
            .iter()
            .filter(|(i, _)| i.currency == currency)
            .map(|(_, open)| open)
            .sum()
    }

    /// How a payment of `amount` on `date` settles the customer's open invoices: the named
    /// one, or the oldest first. An invoice paid in full within its discount days gets
    /// the cash discount (a part payment does not).
    pub fn allocate(
        &self,
        customer_id: u64,
        currency: &str,
        date: NaiveDate,
        amount_cents: i64,
        invoice_id: Option<u64>,
    ) -> Result<Vec<Allocation>, PaymentError> {
        if amount_cents <= 0 {
            return Err(PaymentError::NotPositive);
        }
        // Everything recorded counts, even entries dated after this payment: a payment
        // typed in late must not settle what a later-dated one already did.
        let everything = self.settled_of(customer_id, NaiveDate::MAX);
        let open: Vec<(&Invoice, i64)> = self
            .open_with(customer_id, date, &everything)
            .into_iter()
            .filter(|(i, _)| i.currency == currency)
            .filter(|(i, _)| invoice_id.is_none_or(|id| i.id == id))
            .collect();
        if invoice_id.is_some() && open.is_empty() {
            return Err(PaymentError::UnknownInvoice);
        }
        let mut left = amount_cents;
        let mut allocations = Vec::new();
        for (invoice, open_cents) in &open {
            if left == 0 {
                break;
            }
            let discount = discount_on(invoice, *open_cents, date);
            let need = open_cents - discount;
            let (cents, discount_cents) = if left >= need {
                (need, discount)
            } else {
                (left, 0)
            };
            left -= cents;
            allocations.push(Allocation {
                invoice_id: invoice.id,
                cents,
                discount_cents,
            });
        }
        if left > 0 {
            let open_cents = open.iter().map(|(i, o)| o - discount_on(i, *o, date)).sum();
            return Err(PaymentError::MoreThanOpen { open_cents });
        }
        Ok(allocations)
    }

    /// Records a payment, allocated as [`Self::allocate`] says.
    pub fn record_payment(
        &mut self,
        customer_id: u64,
        currency: &str,
        date: NaiveDate,
        amount_cents: i64,
        invoice_id: Option<u64>,
        note: &str,
    ) -> Result<u64, PaymentError> {
        let allocations = self.allocate(customer_id, currency, date, amount_cents, invoice_id)?;
        let id = self.next_id();
        self.push(LedgerRecord::Payment(Payment {
            id,
            customer_id,
            date,
            amount_cents,
            currency: currency.to_owned(),
            allocations,
            note: note.trim().to_owned(),
        }));
        Ok(id)
    }

    /// Records a credit note or a write-off of at most what is open on the invoice.
    pub fn record_adjustment(
        &mut self,
        invoice_id: u64,
        kind: AdjustmentKind,
        date: NaiveDate,
        amount_cents: i64,
        reason: &str,
        approver: &str,
    ) -> Result<u64, AdjustmentError> {
        if amount_cents <= 0 {
            return Err(AdjustmentError::NotPositive);
        }
        if reason.trim().is_empty() {
            return Err(AdjustmentError::NoReason);
        }
        let invoice = self
            .invoice(invoice_id)
            .filter(|i| i.date <= date)
            .ok_or(AdjustmentError::UnknownInvoice)?;
        let open_cents = self.open_of(invoice, date);
        if amount_cents > open_cents {
            return Err(AdjustmentError::MoreThanOpen { open_cents });
        }
        let customer_id = invoice.customer_id;
        let id = self.next_id();
        self.push(LedgerRecord::Adjustment(Adjustment {
            id,
            customer_id,
            invoice_id,
            date,
            kind,
            amount_cents,
            reason: reason.trim().to_owned(),
            approver: approver.trim().to_owned(),
        }));
        Ok(id)
    }

    /// Kept once the customer's payments from the day it was made up to its date reach
    /// the amount; broken once the date has passed without that; pending before.
    pub fn promise_status(&self, promise: &Promise, today: NaiveDate) -> PromiseStatus {
        let paid: i64 = self
            .payments()
            .filter(|p| {
                p.customer_id == promise.customer_id
                    && p.currency == promise.currency
                    && p.date >= promise.made_on
                    && p.date <= promise.due
            })
            .map(|p| p.amount_cents)
            .sum();
        if paid >= promise.amount_cents {
            PromiseStatus::Kept
        } else if today > promise.due {
            PromiseStatus::Broken
        } else {
            PromiseStatus::Pending
        }
    }

    /// Everything recorded for one customer, newest first, for the timeline.
    pub fn entries_of(&self, customer_id: u64) -> Vec<Entry<'_>> {
        let mut entries: Vec<Entry> = self
            .records_of(customer_id)
            .map(LedgerRecord::entry)
            .collect();
        entries.sort_by_key(|e| std::cmp::Reverse((e.date(), e.id())));
        entries
    }

    /// The timeline purchases of a customer already recorded as credit sales, so a
    /// purchase is put on credit at most once.
    pub fn purchases_on_credit(&self, customer_id: u64) -> std::collections::HashSet<u64> {
        self.records_of(customer_id)
            .filter_map(|r| match r {
                LedgerRecord::Invoice(i) => i.purchase_id,
                _ => None,
            })
            .collect()
    }

    /// Removes everything recorded for a customer (when the customer is deleted).
    pub fn forget_customer(&mut self, customer_id: u64) {
        self.records_mut()
            .retain(|r| r.customer_id() != customer_id);
        self.promises.retain(|p| p.customer_id != customer_id);
        self.reminders.retain(|r| r.customer_id != customer_id);
    }
}

/// The cash discount a full payment of `open` on `date` would earn.
fn discount_on(invoice: &Invoice, open: i64, date: NaiveDate) -> i64 {
    let in_time = invoice
        .terms
        .discount_until(invoice.date)
        .is_some_and(|last| date <= last);
    if in_time && open == invoice.amount_cents {
        (invoice.amount_cents as f64 * invoice.terms.discount_pct / 100.0).round() as i64
    } else {
        0
    }
}

/// One ledger entry of any kind.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Entry<'a> {
    Invoice(&'a Invoice),
    Payment(&'a Payment),
    Adjustment(&'a Adjustment),
}

impl Entry<'_> {
    pub fn date(&self) -> NaiveDate {
        match self {
            Entry::Invoice(i) => i.date,
            Entry::Payment(p) => p.date,
            Entry::Adjustment(a) => a.date,
        }
    }

    pub fn id(&self) -> u64 {
        match self {
            Entry::Invoice(i) => i.id,
            Entry::Payment(p) => p.id,
            Entry::Adjustment(a) => a.id,
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub fn day(s: &str) -> NaiveDate {
        NaiveDate::parse_from_str(s, "%Y-%m-%d").unwrap()
    }

    #[test]
    fn a_customers_entries_stay_right_as_the_ledger_changes() {
        let mut l = Ledger::default();
        for n in 0..30 {
            invoice(&mut l, n % 3 + 1, "2026-01-01", "net 30", 1_000);
        }
        let by_hand = |l: &Ledger, c: u64| -> Vec<u64> {
            let mut ids: Vec<u64> = l
                .records()
                .iter()
                .filter(|r| r.customer_id() == c)
                .map(LedgerRecord::id)
                .collect();
            ids.sort_by(|a, b| b.cmp(a));
            ids
        };
        let seen =
            |l: &Ledger, c: u64| -> Vec<u64> { l.entries_of(c).iter().map(Entry::id).collect() };
        assert_eq!(seen(&l, 2), by_hand(&l, 2));
        // An append keeps the look-up table; an entry put back in the middle and a
        // customer forgotten drop it.
        l.record_payment(2, "CNY", day("2026-01-05"), 1_500, None, "")
            .unwrap();
        assert_eq!(seen(&l, 2), by_hand(&l, 2));
        let mut early = l.invoice(4).unwrap().clone();
        l.records_mut().retain(|r| r.id() != 4);
        assert_eq!(seen(&l, 1), by_hand(&l, 1));
        early.customer_id = 3;
        l.add_invoice(early);
        assert_eq!(seen(&l, 3), by_hand(&l, 3));
        assert_eq!(seen(&l, 1), by_hand(&l, 1));
        l.forget_customer(3);
        assert!(seen(&l, 3).is_empty());
        assert_eq!(seen(&l, 2), by_hand(&l, 2));
        assert_eq!(
            l.open_total(2, "CNY", day("2026-01-10")),
            10 * 1_000 - 1_500
        );
    }

    /// Adds an invoice and returns its id.
    pub fn invoice(ledger: &mut Ledger, customer: u64, date: &str, terms: &str, cents: i64) -> u64 {
        let id = ledger.next_id();
        let terms = CreditTerms::parse(terms).unwrap();
        let date = day(date);
        ledger.add_invoice(Invoice {
            id,
            customer_id: customer,
            number: format!("INV-{id:04}"),
            date,
            due: terms.due_date(date),
            terms,
            amount_cents: cents,
            currency: "CNY".into(),
            items: String::new(),
            purchase_id: None,
            hold_override: None,
        });
        id
    }

    #[test]
    fn payments_go_to_the_oldest_invoice_first() {
        let mut l = Ledger::default();
        let a = invoice(&mut l, 1, "2026-01-01", "net 30", 10_000);
        let b = invoice(&mut l, 1, "2026-02-01", "net 30", 20_000);
        let alloc = l
            .allocate(1, "CNY", day("2026-03-01"), 15_000, None)
            .unwrap();
        assert_eq!(
            alloc,
            vec![
                Allocation {
                    invoice_id: a,
                    cents: 10_000,
                    discount_cents: 0
                },
                Allocation {
                    invoice_id: b,
                    cents: 5_000,
                    discount_cents: 0
                },
            ]
        );
        l.record_payment(1, "CNY", day("2026-03-01"), 15_000, None, "")
            .unwrap();
        assert_eq!(l.open_total(1, "CNY", day("2026-03-01")), 15_000);
        // Before the payment date, all is still open.
        assert_eq!(l.open_total(1, "CNY", day("2026-02-28")), 30_000);
    }

    #[test]
    fn a_named_invoice_and_the_limits_of_a_payment() {
        let mut l = Ledger::default();
        let a = invoice(&mut l, 1, "2026-01-01", "net 30", 10_000);
        let b = invoice(&mut l, 1, "2026-02-01", "net 30", 20_000);
        let alloc = l
            .allocate(1, "CNY", day("2026-03-01"), 20_000, Some(b))
            .unwrap();
        assert_eq!(
            alloc,
            vec![Allocation {
                invoice_id: b,
                cents: 20_000,
                discount_cents: 0
            }]
        );
        assert_eq!(
            l.allocate(1, "CNY", day("2026-03-01"), 10_001, Some(a)),
            Err(PaymentError::MoreThanOpen { open_cents: 10_000 })
        );
        assert_eq!(
            l.allocate(1, "CNY", day("2026-03-01"), 30_001, None),
            Err(PaymentError::MoreThanOpen { open_cents: 30_000 })
        );
        assert_eq!(
            l.allocate(1, "CNY", day("2026-03-01"), 0, None),
            Err(PaymentError::NotPositive)
        );
        assert_eq!(
            l.allocate(2, "CNY", day("2026-03-01"), 100, Some(a)),
            Err(PaymentError::UnknownInvoice)
        );
        // Another currency's invoices are never touched.
        assert_eq!(
            l.allocate(1, "USD", day("2026-03-01"), 100, None),
            Err(PaymentError::MoreThanOpen { open_cents: 0 })
        );
    }

    #[test]
    fn the_cash_discount_is_taken_when_paid_in_full_in_time() {
        let mut l = Ledger::default();
        let a = invoice(&mut l, 1, "2026-01-01", "2/10, net 30", 10_000);
        // On day 10 (the last discount day) 98.00 settles 100.00.
        let alloc = l
            .allocate(1, "CNY", day("2026-01-11"), 9_800, None)
            .unwrap();
        assert_eq!(
            alloc,
            vec![Allocation {
                invoice_id: a,
                cents: 9_800,
                discount_cents: 200
            }]
        );
        // On day 11 it does not.
        let alloc = l
            .allocate(1, "CNY", day("2026-01-12"), 9_800, None)
            .unwrap();
        assert_eq!(
            alloc,
            vec![Allocation {
                invoice_id: a,
                cents: 9_800,
                discount_cents: 0
            }]
        );
        // A part payment in time earns no discount.
        let alloc = l
            .allocate(1, "CNY", day("2026-01-05"), 5_000, None)
            .unwrap();
        assert_eq!(
            alloc,
            vec![Allocation {
                invoice_id: a,
                cents: 5_000,
                discount_cents: 0
            }]
        );
        l.record_payment(1, "CNY", day("2026-01-11"), 9_800, None, "")
            .unwrap();
        assert_eq!(l.open_total(1, "CNY", day("2026-01-11")), 0);
    }

    #[test]
    fn credit_notes_and_write_offs_reduce_what_is_open() {
        let mut l = Ledger::default();
        let a = invoice(&mut l, 1, "2026-01-01", "net 30", 10_000);
        assert_eq!(
            l.record_adjustment(
                a,
                AdjustmentKind::CreditNote,
                day("2026-01-05"),
                2_000,
                "",
                ""
            ),
            Err(AdjustmentError::NoReason)
        );
        l.record_adjustment(
            a,
            AdjustmentKind::CreditNote,
            day("2026-01-05"),
            2_000,
            "damaged",
            "",
        )
        .unwrap();
        assert_eq!(
            l.record_adjustment(
                a,
                AdjustmentKind::WriteOff,
                day("2026-06-01"),
                9_000,
                "gone",
                "Li"
            ),
            Err(AdjustmentError::MoreThanOpen { open_cents: 8_000 })
        );
        l.record_adjustment(
            a,
            AdjustmentKind::WriteOff,
            day("2026-06-01"),
            8_000,
            "gone",
            "Li",
        )
        .unwrap();
        assert_eq!(l.open_total(1, "CNY", day("2026-06-01")), 0);
        assert_eq!(l.open_total(1, "CNY", day("2026-05-31")), 8_000);
        assert_eq!(l.entries_of(1).len(), 3);
    }

    #[test]
    fn promises_are_kept_broken_or_pending() {
        let mut l = Ledger::default();
        invoice(&mut l, 1, "2026-01-01", "net 30", 10_000);
        let promise = Promise {
            id: 9,
            customer_id: 1,
            made_on: day("2026-02-05"),
            due: day("2026-02-15"),
            amount_cents: 5_000,
            currency: "CNY".into(),
        };
        assert_eq!(
            l.promise_status(&promise, day("2026-02-10")),
            PromiseStatus::Pending
        );
        assert_eq!(
            l.promise_status(&promise, day("2026-02-16")),
            PromiseStatus::Broken
        );
        l.record_payment(1, "CNY", day("2026-02-15"), 5_000, None, "")
            .unwrap();
        assert_eq!(
            l.promise_status(&promise, day("2026-02-16")),
            PromiseStatus::Kept
        );
    }

    #[test]
    fn a_purchase_is_on_credit_once_its_invoice_points_at_it() {
        let mut l = Ledger::default();
        invoice(&mut l, 1, "2026-01-01", "net 30", 1);
        let id = l.next_id();
        let mut from_purchase = l.invoice(1).unwrap().clone();
        from_purchase.id = id;
        from_purchase.purchase_id = Some(7);
        l.add_invoice(from_purchase);
        assert_eq!(l.purchases_on_credit(1), [7].into_iter().collect());
        assert!(l.purchases_on_credit(2).is_empty());
    }

    #[test]
    fn entries_keep_their_id_order_whatever_order_they_are_added_in() {
        let mut l = Ledger::default();
        let a = invoice(&mut l, 1, "2026-01-01", "net 30", 100);
        let b = invoice(&mut l, 1, "2026-01-02", "net 30", 200);
        let mut early = l.invoice(a).unwrap().clone();
        l.records_mut().retain(|r| r.id() != a);
        early.number = "INV-EARLY".into();
        l.add_invoice(early);
        let ids: Vec<u64> = l.records().iter().map(LedgerRecord::id).collect();
        assert_eq!(ids, vec![a, b]);
        assert_eq!(l.invoice(a).unwrap().number, "INV-EARLY");
        // The JSON keeps one list per kind and reads back to the same ledger.
        let json = serde_json::to_value(&l).unwrap();
        assert_eq!(json["invoices"].as_array().unwrap().len(), 2);
        assert_eq!(serde_json::from_value::<Ledger>(json).unwrap(), l);
    }

    #[test]
    fn invoice_numbers_count_on() {
        let mut l = Ledger::default();
        assert_eq!(l.next_invoice_number(), "INV-0001");
        invoice(&mut l, 1, "2026-01-01", "net 30", 1);
        assert_eq!(l.next_invoice_number(), "INV-0002");
    }

    mod properties {
        use super::*;
        use proptest::prelude::*;

        proptest! {
            #[test]
            fn payments_never_allocate_more_than_is_open(
                amounts in proptest::collection::vec(1i64..100_000, 1..6),
                pays in proptest::collection::vec((1i64..150_000, 0u32..90), 1..8),
            ) {
                let mut l = Ledger::default();
                for (i, cents) in amounts.iter().enumerate() {
                    invoice(&mut l, 1, &format!("2026-01-{:02}", i + 1), "2/10, net 30", *cents);
                }
                for (cents, offset) in pays {
                    let date = day("2026-01-01") + chrono::Days::new(offset.into());
                    let _ = l.record_payment(1, "CNY", date, cents, None, "");
                }
                let end = day("2027-01-01");
                let settled = l.settled_as_of(end);
                for inv in l.invoices() {
                    let s = settled.get(inv.id);
                    prop_assert!(s <= inv.amount_cents, "{} settled of {}", s, inv.amount_cents);
                    prop_assert!(s >= 0);
                }
                for p in l.payments() {
                    prop_assert_eq!(p.allocations.iter().map(|a| a.cents).sum::<i64>(), p.amount_cents);
                }
            }
        }
    }
}
