//! Small pieces the credit pages share: amounts with their currency, reading typed
//! numbers, the name of a decision and a ledger entry as a line.

use super::domain::{AdjustmentKind, DecisionKind, Entry};
use super::messages::CreditMsg;
use crate::customers::domain::format_cents;
use crate::i18n::{fill, Lang, Text};
use crate::money::parse_amount_cents;

/// "¥1,234.50": written as every amount of the app is (`money::format_money_in`).
pub fn amount(cents: i64, currency: &str) -> String {
    crate::money::format_money_in(cents, currency)
}

/// Typed money → cents; empty → `Ok(None)`.
pub fn read_money(text: &str) -> Result<Option<i64>, ()> {
    if text.trim().is_empty() {
        return Ok(None);
    }
    parse_amount_cents(text).map(Some).map_err(|_| ())
}

/// Typed percent ("10", "10%", "7.5") → fraction (0.10).
pub fn read_percent(text: &str) -> Option<f64> {
    let half = crate::i18n::to_half_width(text);
    let t = half.trim().trim_end_matches('%').trim();
    t.parse::<f64>()
        .ok()
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| v / 100.0)
}

/// A fraction as it is typed back: 0.1 → "10".
pub fn percent_text(fraction: f64) -> String {
    let v = (fraction * 10_000.0).round() / 100.0;
    crate::working::Quantity::plain(v).number()
}

/// Money as it is typed back: "1234.50", empty for none.
pub fn money_text(cents: Option<i64>) -> String {
    cents.map(format_cents).unwrap_or_default()
}

/// The name of a decision kind.
pub fn decision_name(kind: DecisionKind) -> CreditMsg {
    match kind {
        DecisionKind::Approve => CreditMsg::Approve,
        DecisionKind::ApproveWithConditions => CreditMsg::ApproveWithConditions,
        DecisionKind::Refuse => CreditMsg::Refuse,
    }
}

/// One ledger entry as a line: "2026-03-01 Invoice INV-0004: 1200.00 CNY".
pub fn entry_line(entry: &Entry, lang: Lang) -> String {
    match entry {
        Entry::Invoice(i) => {
            let line = fill(
                CreditMsg::EntryInvoice.in_lang(lang),
                &[
                    &i.date.to_string(),
                    &i.number,
                    &amount(i.amount_cents, &i.currency),
                    &i.due.to_string(),
                ],
            );
            // The reason a hold was overridden is the log the policy asks for.
            match &i.hold_override {
                Some(why) => fill(CreditMsg::EntryHoldOverridden.in_lang(lang), &[&line, why]),
                None => line,
            }
        }
        Entry::Payment(p) => fill(
            CreditMsg::EntryPayment.in_lang(lang),
            &[&p.date.to_string(), &amount(p.amount_cents, &p.currency)],
        ),
        Entry::Adjustment(a) => fill(
            match a.kind {
                AdjustmentKind::CreditNote => CreditMsg::EntryCreditNote,
                AdjustmentKind::WriteOff => CreditMsg::EntryWriteOff,
            }
            .in_lang(lang),
            &[
                &a.date.to_string(),
                &format_amount(a.amount_cents),
                &a.reason,
            ],
        ),
    }
}

fn format_amount(cents: i64) -> String {
    format_cents(cents)
}
