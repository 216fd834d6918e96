//! Small pieces the credit pages share: amounts with their currency, reading typed
//! numbers, and the working of a figure.

use crate::customers::domain::format_cents;
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
