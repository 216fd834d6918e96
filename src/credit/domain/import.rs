//! A receivables ledger read from CSV, one row per entry (`type`, `customer`, `invoice`,
//! `date`, `due_date` or `terms`, `amount`, `currency`, `reason`), through the shared
//! import flow: every row is checked against the ledger as it stands plus the rows above
//! it (a payment may settle an invoice three rows up), and nothing is stored before the
//! user confirms.

use std::sync::Mutex;

use chrono::NaiveDate;

use super::conditions::CreditTerms;
use super::ledger::{AdjustmentKind, Invoice, Ledger, PaymentError};
use crate::i18n::{fill, Lang, Text};
use crate::money::parse_amount_cents;
use crate::tabular::import::{ImportField, ImportTarget, Row, RowProblems};

catalogue! { pub enum LedgerText {
    FieldType => "Type", "类型";
    FieldCustomer => "Customer", "客户";
    FieldInvoice => "Invoice", "发票号";
    FieldDate => "Date", "日期";
    FieldDueDate => "Due date", "到期日";
    FieldTerms => "Terms", "信用条件";
    FieldAmount => "Amount", "金额";
    FieldCurrency => "Currency", "币种";
    FieldReason => "Reason", "原因";
    Required => "{0}: is required.", "{0}：不能为空。";
    UnknownType => "{0}: “{1}” is not invoice, payment or credit_note.", "{0}：“{1}”不是发票、收款或贷项通知。";
    UnknownCustomer => "{0}: no customer has the email, exact name or id “{1}”.", "{0}：没有邮箱、全名或编号为“{1}”的客户。";
    AmbiguousCustomer => "{0}: several customers are named “{1}”; use the email or id.", "{0}：有多位客户名为“{1}”，请改用邮箱或编号。";
    BadDate => "{0}: “{1}” is not a date like 2026-03-31.", "{0}：“{1}”不是 2026-03-31 这样的日期。";
    BadAmount => "{0}: “{1}” is not an amount.", "{0}：“{1}”不是金额。";
    NotPositive => "{0}: must be more than 0.", "{0}：必须大于 0。";
    BadTerms => "{0}: “{1}” is not terms like 2/10, net 30.", "{0}：“{1}”不是 2/10, n/30 这样的信用条件。";
    NoDueOrTerms => "{0}: an invoice needs a due date or terms.", "{0}：发票需要到期日或信用条件。";
    DueBeforeDate => "{0}: “{1}” is before the invoice date.", "{0}：“{1}”早于开票日期。";
    DuplicateInvoice => "{0}: invoice “{1}” is already in the ledger or higher up in the file.", "{0}：发票“{1}”已在台账中或在文件前面出现过。";
    UnknownInvoice => "{0}: no invoice “{1}” of this customer in the ledger or higher up in the file.", "{0}：台账及文件前面都没有该客户的发票“{1}”。";
    MoreThanOpen => "{0}: “{1}” is more than is open on the invoice(s).", "{0}：“{1}”超过了发票的未结金额。";
    OtherCurrency => "{0}: “{1}” is not the currency of the invoice.", "{0}：“{1}”与发票币种不同。";
}}

/// A column of the ledger CSV.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerField {
    Type,
    Customer,
    Invoice,
    Date,
    DueDate,
    Terms,
    Amount,
    Currency,
    Reason,
}

/// What can be wrong with one cell.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum LedgerProblem {
    Required,
    /// Not `invoice`, `payment` or `credit_note` (or 发票 / 收款 / 贷项通知).
    UnknownType,
    /// No customer has this email, exact name or id.
    UnknownCustomer,
    /// Two customers have this exact name: use the email or id.
    AmbiguousCustomer,
    BadDate,
    BadAmount,
    NotPositive,
    BadTerms,
    /// Neither a due date nor terms.
    NoDueOrTerms,
    DueBeforeDate,
    /// This invoice number is already in the ledger or higher up in the file.
    DuplicateInvoice,
    /// No invoice of this customer has this number (in the ledger or above).
    UnknownInvoice,
    /// A payment or credit note larger than what is open on the invoice(s).
    MoreThanOpen,
    /// A payment in another currency than its invoice.
    OtherCurrency,
}

/// The entry kind of a row.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EntryType {
    Invoice,
    Payment,
    CreditNote,
}

impl EntryType {
    pub fn parse(text: &str) -> Option<EntryType> {
        match text.trim().to_lowercase().replace([' ', '-'], "_").as_str() {
            "invoice" | "sale" | "发票" | "赊销" => Some(EntryType::Invoice),
            "payment" | "收款" | "付款" => Some(EntryType::Payment),
            "credit_note" | "creditnote" | "贷项通知" | "贷项通知单" => {
                Some(EntryType::CreditNote)
            }
            _ => None,
        }
    }
}

/// One valid row.
#[derive(Clone, Debug, PartialEq)]
pub enum LedgerRow {
    Invoice(Invoice),
    Payment {
        customer_id: u64,
        /// The invoice it settles; `None` = the oldest open first.
        invoice: Option<String>,
        date: NaiveDate,
        amount_cents: i64,
        currency: String,
    },
    CreditNote {
        invoice: String,
        date: NaiveDate,
        amount_cents: i64,
        reason: String,
    },
}

impl LedgerRow {
    pub fn amount_cents(&self) -> i64 {
        match self {
            LedgerRow::Invoice(i) => i.amount_cents,
            LedgerRow::Payment { amount_cents, .. }
            | LedgerRow::CreditNote { amount_cents, .. } => *amount_cents,
        }
    }
}

/// A customer as the `customer` column may name them.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct CustomerKey {
    pub id: u64,
    pub name: String,
    pub email: String,
}

/// The import rules for a ledger: the customers it may name, and the ledger as it stands
/// (updated row by row while checking, on a copy).
pub struct LedgerImport {
    pub customers: Vec<CustomerKey>,
    /// Used when a row's currency cell is empty.
    pub default_currency: String,
    running: Mutex<Ledger>,
}

impl LedgerImport {
    pub fn new(customers: Vec<CustomerKey>, ledger: &Ledger, default_currency: &str) -> Self {
        LedgerImport {
            customers,
            default_currency: default_currency.to_owned(),
            running: Mutex::new(ledger.clone()),
        }
    }

    fn customer(&self, text: &str) -> Result<u64, LedgerProblem> {
        let text = text.trim();
        if let Some(c) = self
            .customers
            .iter()
            .find(|c| !c.email.is_empty() && c.email.eq_ignore_ascii_case(text))
        {
            return Ok(c.id);
        }
        let named: Vec<&CustomerKey> = self.customers.iter().filter(|c| c.name == text).collect();
        match named.as_slice() {
            [one] => return Ok(one.id),
            [_, _, ..] => return Err(LedgerProblem::AmbiguousCustomer),
            [] => {}
        }
        text.parse::<u64>()
            .ok()
            .filter(|id| self.customers.iter().any(|c| c.id == *id))
            .ok_or(LedgerProblem::UnknownCustomer)
    }
}

const FIELDS: &[ImportField<LedgerField>] = &[
    ImportField {
        field: LedgerField::Type,
        key: "type",
        required: true,
        synonyms: &["entry", "kind", "类型", "业务类型"],
    },
    ImportField {
        field: LedgerField::Customer,
        key: "customer",
        required: false,
        synonyms: &["client", "email", "客户", "客户名称"],
    },
    ImportField {
        field: LedgerField::Invoice,
        key: "invoice",
        required: false,
        synonyms: &[
            "invoiceno",
            "invoicenumber",
            "number",
            "发票",
            "发票号",
            "发票号码",
        ],
    },
    ImportField {
        field: LedgerField::Date,
        key: "date",
        required: true,
        synonyms: &["日期", "业务日期"],
    },
    ImportField {
        field: LedgerField::DueDate,
        key: "due_date",
        required: false,
        synonyms: &["due", "到期日", "到期日期"],
    },
    ImportField {
        field: LedgerField::Terms,
        key: "terms",
        required: false,
        synonyms: &["信用条件", "付款条件"],
    },
    ImportField {
        field: LedgerField::Amount,
        key: "amount",
        required: true,
        synonyms: &["金额"],
    },
    ImportField {
        field: LedgerField::Currency,
        key: "currency",
        required: false,
        synonyms: &["币种", "货币"],
    },
    ImportField {
        field: LedgerField::Reason,
        key: "reason",
        required: false,
        synonyms: &["note", "原因", "备注"],
    },
];

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

impl ImportTarget for LedgerImport {
    type Field = LedgerField;
    type Record = LedgerRow;
    type Problem = LedgerProblem;
    const REQUIRED: LedgerProblem = LedgerProblem::Required;

    fn fields(&self) -> &[ImportField<LedgerField>] {
        FIELDS
    }

    fn label(&self, field: LedgerField, lang: Lang) -> &'static str {
        use LedgerText as T;
        let text = match field {
            LedgerField::Type => T::FieldType,
            LedgerField::Customer => T::FieldCustomer,
            LedgerField::Invoice => T::FieldInvoice,
            LedgerField::Date => T::FieldDate,
            LedgerField::DueDate => T::FieldDueDate,
            LedgerField::Terms => T::FieldTerms,
            LedgerField::Amount => T::FieldAmount,
            LedgerField::Currency => T::FieldCurrency,
            LedgerField::Reason => T::FieldReason,
        };
        text.in_lang(lang)
    }

    fn record(
        &self,
        row: &Row<'_, LedgerField>,
    ) -> Result<LedgerRow, RowProblems<LedgerField, LedgerProblem>> {
        use LedgerField as F;
        use LedgerProblem as P;
        let mut problems = Vec::new();
        let kind = EntryType::parse(row.cell(F::Type));
        if kind.is_none() && !row.cell(F::Type).is_empty() {
            problems.push((F::Type, P::UnknownType));
        }
        let date = parse_date(row.cell(F::Date));
        if date.is_none() && !row.cell(F::Date).is_empty() {
            problems.push((F::Date, P::BadDate));
        }
        let amount = match parse_amount_cents(row.cell(F::Amount)) {
            Ok(c) if c > 0 => Some(c),
            Ok(_) => {
                problems.push((F::Amount, P::NotPositive));
                None
            }
            Err(_) if row.cell(F::Amount).is_empty() => None,
            Err(_) => {
                problems.push((F::Amount, P::BadAmount));
                None
            }
        };
        let currency = match row.cell(F::Currency) {
            "" => self.default_currency.clone(),
            c => c.to_uppercase(),
        };
        let number = row.cell(F::Invoice).to_owned();
        let customer = match (kind, row.cell(F::Customer)) {
            (Some(EntryType::CreditNote), _) => None,
            (_, "") => {
                problems.push((F::Customer, P::Required));
                None
            }
            (_, text) => match self.customer(text) {
                Ok(id) => Some(id),
                Err(p) => {
                    problems.push((F::Customer, p));
                    None
                }
            },
        };
        let mut ledger = self.running.lock().unwrap_or_else(|e| e.into_inner());
        let record = match kind {
            Some(EntryType::Invoice) => {
                if number.is_empty() {
                    problems.push((F::Invoice, P::Required));
                } else if ledger.invoice_by_number(&number).is_some() {
                    problems.push((F::Invoice, P::DuplicateInvoice));
                }
                let terms = match (row.cell(F::Terms), row.cell(F::DueDate)) {
                    ("", "") => {
                        problems.push((F::DueDate, P::NoDueOrTerms));
                        None
                    }
                    ("", due) => match (parse_date(due), date) {
                        (Some(due), Some(date)) if due < date => {
                            problems.push((F::DueDate, P::DueBeforeDate));
                            None
                        }
                        (Some(due), Some(date)) => {
                            Some((CreditTerms::net((due - date).num_days() as u32), Some(due)))
                        }
                        (None, _) => {
                            problems.push((F::DueDate, P::BadDate));
                            None
                        }
                        (Some(_), None) => None,
                    },
                    (terms, _) => match CreditTerms::parse(terms) {
                        Ok(t) => Some((t, parse_date(row.cell(F::DueDate)))),
                        Err(_) => {
                            problems.push((F::Terms, P::BadTerms));
                            None
                        }
                    },
                };
                match (problems.is_empty(), customer, date, amount, terms) {
                    (
                        true,
                        Some(customer_id),
                        Some(date),
                        Some(amount_cents),
                        Some((terms, due)),
                    ) => {
                        let invoice = Invoice {
                            id: ledger.next_id(),
                            customer_id,
                            number: number.clone(),
                            date,
                            due: due.unwrap_or_else(|| terms.due_date(date)),
                            terms,
                            amount_cents,
                            currency: currency.clone(),
                            items: String::new(),
                            purchase_id: None,
                            hold_override: None,
                        };
                        ledger.add_invoice(invoice.clone());
                        Some(LedgerRow::Invoice(invoice))
                    }
                    _ => None,
                }
            }
            Some(EntryType::Payment) => {
                let invoice_id = match (number.as_str(), customer) {
                    ("", _) => None,
                    (n, Some(c)) => {
                        match ledger.invoice_by_number(n).filter(|i| i.customer_id == c) {
                            Some(i) if i.currency != currency => {
                                problems.push((F::Currency, P::OtherCurrency));
                                None
                            }
                            Some(i) => Some(i.id),
                            None => {
                                problems.push((F::Invoice, P::UnknownInvoice));
                                None
                            }
                        }
                    }
                    (_, None) => None,
                };
                match (problems.is_empty(), customer, date, amount) {
                    (true, Some(customer_id), Some(date), Some(amount_cents)) => {
                        match ledger.record_payment(
                            customer_id,
                            &currency,
                            date,
                            amount_cents,
                            invoice_id,
                            "",
                        ) {
                            Ok(_) => Some(LedgerRow::Payment {
                                customer_id,
                                invoice: (!number.is_empty()).then(|| number.clone()),
                                date,
                                amount_cents,
                                currency: currency.clone(),
                            }),
                            Err(PaymentError::UnknownInvoice) => {
                                problems.push((F::Invoice, P::UnknownInvoice));
                                None
                            }
                            Err(_) => {
                                problems.push((F::Amount, P::MoreThanOpen));
                                None
                            }
                        }
                    }
                    _ => None,
                }
            }
            Some(EntryType::CreditNote) => {
                let invoice = match number.as_str() {
                    "" => {
                        problems.push((F::Invoice, P::Required));
                        None
                    }
                    n => match ledger.invoice_by_number(n) {
                        Some(i) => Some(i.id),
                        None => {
                            problems.push((F::Invoice, P::UnknownInvoice));
                            None
                        }
                    },
                };
                let reason = match row.cell(F::Reason) {
                    "" => "CSV".to_owned(),
                    r => r.to_owned(),
                };
                match (problems.is_empty(), invoice, date, amount) {
                    (true, Some(id), Some(date), Some(amount_cents)) => {
                        match ledger.record_adjustment(
                            id,
                            AdjustmentKind::CreditNote,
                            date,
                            amount_cents,
                            &reason,
                            "",
                        ) {
                            Ok(_) => Some(LedgerRow::CreditNote {
                                invoice: number.clone(),
                                date,
                                amount_cents,
                                reason,
                            }),
                            Err(_) => {
                                problems.push((F::Amount, P::MoreThanOpen));
                                None
                            }
                        }
                    }
                    _ => None,
                }
            }
            None => None,
        };
        match record {
            Some(r) if problems.is_empty() => Ok(r),
            _ => Err(problems),
        }
    }

    fn problem_text(
        &self,
        field: LedgerField,
        problem: LedgerProblem,
        value: &str,
        lang: Lang,
    ) -> String {
        use LedgerProblem as P;
        use LedgerText as T;
        let template = match problem {
            P::Required => T::Required,
            P::UnknownType => T::UnknownType,
            P::UnknownCustomer => T::UnknownCustomer,
            P::AmbiguousCustomer => T::AmbiguousCustomer,
            P::BadDate => T::BadDate,
            P::BadAmount => T::BadAmount,
            P::NotPositive => T::NotPositive,
            P::BadTerms => T::BadTerms,
            P::NoDueOrTerms => T::NoDueOrTerms,
            P::DueBeforeDate => T::DueBeforeDate,
            P::DuplicateInvoice => T::DuplicateInvoice,
            P::UnknownInvoice => T::UnknownInvoice,
            P::MoreThanOpen => T::MoreThanOpen,
            P::OtherCurrency => T::OtherCurrency,
        };
        fill(template.in_lang(lang), &[self.label(field, lang), value])
    }
}

/// Stores confirmed rows into `ledger`, in file order; returns the invoices added (for the
/// customers' timelines). Rows were checked against the same ledger, so nothing is refused
/// here unless the ledger changed meanwhile (another tab): such rows are skipped and counted.
pub fn apply_rows(ledger: &mut Ledger, rows: &[LedgerRow]) -> (Vec<u64>, usize) {
    let mut added = Vec::new();
    let mut skipped = 0;
    for row in rows {
        match row {
            LedgerRow::Invoice(invoice) => {
                if ledger.invoice_by_number(&invoice.number).is_some() {
                    skipped += 1;
                    continue;
                }
                let id = ledger.next_id();
                ledger.add_invoice(Invoice {
                    id,
                    ..invoice.clone()
                });
                added.push(id);
            }
            LedgerRow::Payment {
                customer_id,
                invoice,
                date,
                amount_cents,
                currency,
            } => {
                let invoice_id = match invoice {
                    Some(n) => match ledger.invoice_by_number(n) {
                        Some(i) => Some(i.id),
                        None => {
                            skipped += 1;
                            continue;
                        }
                    },
                    None => None,
                };
                if ledger
                    .record_payment(
                        *customer_id,
                        currency,
                        *date,
                        *amount_cents,
                        invoice_id,
                        "CSV",
                    )
                    .is_err()
                {
                    skipped += 1;
                }
            }
            LedgerRow::CreditNote {
                invoice,
                date,
                amount_cents,
                reason,
            } => {
                let Some(id) = ledger.invoice_by_number(invoice).map(|i| i.id) else {
                    skipped += 1;
                    continue;
                };
                if ledger
                    .record_adjustment(
                        id,
                        AdjustmentKind::CreditNote,
                        *date,
                        *amount_cents,
                        reason,
                        "",
                    )
                    .is_err()
                {
                    skipped += 1;
                }
            }
        }
    }
    (added, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tabular::csv::parse_csv;
    use crate::tabular::import::{preview, suggest_mapping};

    fn customers() -> Vec<CustomerKey> {
        vec![
            CustomerKey {
                id: 1,
                name: "Acme Trading Ltd".into(),
                email: "ap@acme.example".into(),
            },
            CustomerKey {
                id: 2,
                name: "王作文".into(),
                email: String::new(),
            },
            CustomerKey {
                id: 3,
                name: "Twin".into(),
                email: String::new(),
            },
            CustomerKey {
                id: 4,
                name: "Twin".into(),
                email: String::new(),
            },
        ]
    }

    fn check(csv: &str) -> (Vec<LedgerRow>, Vec<String>) {
        let table = parse_csv(csv).unwrap();
        let target = LedgerImport::new(customers(), &Ledger::default(), "CNY");
        let mapping = suggest_mapping(target.fields(), &table[0]);
        let p = preview(&target, &table, &mapping);
        let errors = p
            .errors
            .iter()
            .map(|e| {
                format!(
                    "{}: {}",
                    e.row,
                    target.problem_text(e.field, e.problem, &e.value, Lang::En)
                )
            })
            .collect();
        (p.records, errors)
    }

    #[test]
    fn a_ledger_with_its_payments_reads_in_file_order() {
        let (rows, errors) = check(
            "type,customer,invoice,date,due_date,terms,amount,currency\n\
             invoice,ap@acme.example,INV-1,2026-01-05,,\"2/10, net 30\",1000.00,\n\
             invoice,王作文,INV-2,2026-01-06,2026-02-20,,500,CNY\n\
             payment,1,INV-1,2026-01-10,,,980.00,\n\
             payment,王作文,,2026-02-01,,,200,\n\
             credit_note,,INV-2,2026-02-02,,,50,\n",
        );
        assert_eq!(errors, Vec::<String>::new());
        assert_eq!(rows.len(), 5);
        let LedgerRow::Invoice(first) = &rows[0] else {
            panic!()
        };
        assert_eq!(
            (first.due, first.currency.as_str()),
            (NaiveDate::from_ymd_opt(2026, 2, 4).unwrap(), "CNY")
        );
        let LedgerRow::Invoice(second) = &rows[1] else {
            panic!()
        };
        assert_eq!(second.terms.net_days, 45, "a due date becomes net terms");
        let mut ledger = Ledger::default();
        let (added, skipped) = apply_rows(&mut ledger, &rows);
        assert_eq!((added.len(), skipped), (2, 0));
        let day = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        // INV-1 paid within its discount days: 980 + 20 discount settles it.
        assert_eq!(ledger.open_total(1, "CNY", day), 0);
        assert_eq!(ledger.open_total(2, "CNY", day), 25_000);
    }

    #[test]
    fn every_bad_row_is_reported_and_nothing_it_names_is_taken() {
        let (rows, errors) = check(
            "type,customer,invoice,date,due_date,amount\n\
             invoice,Nobody,INV-1,2026-01-05,2026-02-04,100\n\
             invoice,Twin,INV-2,2026-01-05,2026-02-04,100\n\
             invoice,1,INV-3,2026-13-01,2026-02-04,100\n\
             refund,1,INV-4,2026-01-05,2026-02-04,100\n\
             invoice,1,INV-5,2026-01-05,,100\n\
             invoice,1,INV-6,2026-01-05,2026-02-04,100\n\
             invoice,1,INV-6,2026-01-06,2026-02-04,100\n\
             payment,1,INV-9,2026-01-07,,10\n\
             payment,1,INV-6,2026-01-08,,150\n\
             payment,1,,2026-01-08,,-5\n",
        );
        assert_eq!(rows.len(), 1, "only INV-6's first row is valid");
        let expected = [
            "2: Customer: no customer has the email, exact name or id “Nobody”.",
            "3: Customer: several customers are named “Twin”; use the email or id.",
            "4: Date: “2026-13-01” is not a date like 2026-03-31.",
            "5: Type: “refund” is not invoice, payment or credit_note.",
            "6: Due date: an invoice needs a due date or terms.",
            "8: Invoice: invoice “INV-6” is already in the ledger or higher up in the file.",
            "9: Invoice: no invoice “INV-9” of this customer in the ledger or higher up in the file.",
            "10: Amount: “150” is more than is open on the invoice(s).",
            "11: Amount: must be more than 0.",
        ];
        for line in expected {
            assert!(
                errors.iter().any(|e| e == line),
                "missing {line:?} in {errors:#?}"
            );
        }
    }

    #[test]
    fn chinese_headers_and_types_are_understood() {
        let (rows, errors) =
            check("类型,客户,发票号,日期,信用条件,金额\n发票,王作文,F-1,2026-01-05,n/30,88\n");
        assert_eq!((rows.len(), errors.len()), (1, 0), "{errors:?}");
        let target = LedgerImport::new(customers(), &Ledger::default(), "CNY");
        assert_eq!(
            target.problem_text(
                LedgerField::Customer,
                LedgerProblem::UnknownCustomer,
                "某人",
                Lang::Zh
            ),
            "客户：没有邮箱、全名或编号为“某人”的客户。"
        );
    }
}
