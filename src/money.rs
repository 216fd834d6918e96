//! Amounts of money as people type them, read into cents: one parser for every amount
//! field, whichever convention the person writes in (pure: no IO).

use std::collections::BTreeMap;

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::i18n::{to_half_width, Lang, Text};

/// Why a typed amount could not be read. Each has a message a person can act on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum AmountError {
    /// Not a number at all ("abc", "1e3", "1.2.3", "").
    NotANumber,
    /// More than two decimals ("12.345,6" or "0,505"): money is kept in cents.
    TooManyDecimals,
    /// One comma or point followed by exactly three digits ("1,234", "1.234"): a
    /// thousands separator in one convention, a decimal mark in the other.
    Ambiguous,
    /// More than fifteen digits before the decimal mark (would not fit in cents).
    TooLarge,
}

impl AmountError {
    /// What to tell the person, in `lang`.
    pub fn message(self, lang: Lang) -> &'static str {
        let msg = match self {
            AmountError::NotANumber => AmountMsg::NotANumber,
            AmountError::TooManyDecimals => AmountMsg::TooManyDecimals,
            AmountError::Ambiguous => AmountMsg::Ambiguous,
            AmountError::TooLarge => AmountMsg::TooLarge,
        };
        msg.in_lang(lang)
    }
}

catalogue! { pub enum AmountMsg {
    NotANumber => "Enter an amount such as 128.50 or 128,50.", "请输入金额，例如 128.50 或 128,50。";
    TooManyDecimals => "An amount has at most two decimals (cents).", "金额最多保留两位小数（到分）。";
    Ambiguous => "It is unclear whether the comma or point separates thousands or decimals. Write 1234 (or 1,234.00) for one thousand two hundred and thirty-four, or 1.23 (or 1,23) for an amount with cents.", "无法判断逗号或句点是千位分隔符还是小数点。一千二百三十四请写成 1234（或 1,234.00），带角分的金额请写成 1.23（或 1,23）。";
    TooLarge => "This amount is too large.", "金额过大。";
    RateNotANumber => "Enter a rate such as 9.10 (how much of the home currency one unit buys).", "请输入汇率，例如 9.10（一个单位可换多少本位币）。";
    RateNotPositive => "A rate must be more than zero.", "汇率必须大于零。";
    RateTooManyDecimals => "A rate has at most six decimals.", "汇率最多六位小数。";
    RateBadCurrency => "A currency is a three-letter code such as USD.", "币种是三个字母的代码，例如 USD。";
    RateSameAsHome => "This is the home currency: it needs no rate.", "这是本位币，不需要汇率。";
}}

/// A separator between runs of digits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Mark {
    Point,
    Comma,
    /// A space, a no-break space (U+00A0), a narrow no-break space (U+202F) or a thin
    /// space (U+2009): only ever a thousands separator (SI/ISO 80000-1, French, Russian).
    Space,
}

/// Typed text → cents. Reads `45,50`, `45.50`, `1,234.50`, `1.234,50`, `1 234,50` and
/// full-width `４５，５０` (normalised first); a currency sign (¥ ￥ $ € £) before the number
/// is dropped and a leading minus kept, so the domain can say "cannot be negative" in words.
///
/// Which mark is the decimal one: when both a comma and a point appear, the last is the
/// decimal mark; a mark that appears more than once separates thousands; a single mark
/// after a space-grouped number is the decimal one; a single mark with one, two or more
/// than three digits after it is the decimal one. A single mark with exactly three digits
/// after it (`1,234`) is refused as [`AmountError::Ambiguous`] rather than guessed.
pub fn parse_amount_cents(text: &str) -> Result<i64, AmountError> {
    let half = to_half_width(text);
    let mut rest = half.trim();
    let mut negative = false;
    if let Some(r) = rest.strip_prefix('-') {
        (negative, rest) = (true, r.trim_start());
    }
    rest = rest.trim_start_matches(['¥', '$', '€', '£']).trim_start();
    if !negative {
        if let Some(r) = rest.strip_prefix('-') {
            (negative, rest) = (true, r.trim_start());
        }
    }

    // Runs of digits and the marks between them: runs.len() == marks.len() + 1.
    let mut runs: Vec<String> = vec![String::new()];
    let mut marks: Vec<Mark> = Vec::new();
    for c in rest.chars() {
        let mark = match c {
            '0'..='9' => {
                runs.last_mut().expect("never empty").push(c);
                continue;
            }
            '.' => Mark::Point,
            ',' => Mark::Comma,
            ' ' | '\u{00A0}' | '\u{202F}' | '\u{2009}' => Mark::Space,
            _ => return Err(AmountError::NotANumber),
        };
        marks.push(mark);
        runs.push(String::new());
    }

    let decimal = decimal_mark(&runs, &marks)?;
    let (whole_runs, fraction) = match decimal {
        Some(at) => (&runs[..=at], runs[at + 1].as_str()),
        None => (&runs[..], ""),
    };
    let grouping = &marks[..decimal.unwrap_or(marks.len())];
    // Thousands groups: one kind of separator, 1–3 digits first, then exactly three each.
    if let Some(&first) = grouping.first() {
        let groups_ok = grouping.iter().all(|&m| m == first)
            && (1..=3).contains(&whole_runs[0].len())
            && whole_runs[1..].iter().all(|r| r.len() == 3);
        if !groups_ok {
            return Err(AmountError::NotANumber);
        }
    }
    let whole: String = whole_runs.concat();
    if whole.is_empty() && fraction.is_empty() {
        return Err(AmountError::NotANumber);
    }
    if fraction.len() > 2 {
        return Err(AmountError::TooManyDecimals);
    }
    if whole.len() > 15 {
        return Err(AmountError::TooLarge);
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().map_err(|_| AmountError::NotANumber)?
    };
    let fraction: i64 = format!("{fraction:0<2}")
        .parse()
        .map_err(|_| AmountError::NotANumber)?;
    let cents = whole * 100 + fraction;
    Ok(if negative { -cents } else { cents })
}

/// The index in `marks` of the decimal mark, if there is one (see [`parse_amount_cents`]).
fn decimal_mark(runs: &[String], marks: &[Mark]) -> Result<Option<usize>, AmountError> {
    let count = |kind: Mark| marks.iter().filter(|&&m| m == kind).count();
    let (points, commas) = (count(Mark::Point), count(Mark::Comma));
    let last = marks.iter().rposition(|&m| m != Mark::Space);
    let Some(last) = last else {
        return Ok(None);
    };
    let kind = marks[last];
    let of_kind = if kind == Mark::Point { points } else { commas };
    if points > 0 && commas > 0 {
        // "1,234.50" and "1.234,50": the last is the decimal mark and appears once.
        return if of_kind == 1 {
            Ok(Some(last))
        } else {
            Err(AmountError::NotANumber)
        };
    }
    if of_kind > 1 {
        // "1,234,567" or "1.234.567": thousands only.
        return Ok(None);
    }
    let after = runs[last + 1].len();
    let before = &runs[last];
    let spaced = marks.contains(&Mark::Space);
    let leading_zero = before.is_empty() || before == "0";
    if after == 3 && !spaced && !leading_zero {
        return Err(AmountError::Ambiguous);
    }
    Ok(Some(last))
}

/// A currency, by its ISO 4217 code: three capital letters ("CNY", "GBP").
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Currency([u8; 3]);

impl Currency {
    pub const CNY: Currency = Currency(*b"CNY");
    pub const USD: Currency = Currency(*b"USD");
    pub const GBP: Currency = Currency(*b"GBP");
    pub const EUR: Currency = Currency(*b"EUR");

    /// Reads a code, in any case and with spaces around it ("gbp " → GBP); `None` unless
    /// it is three letters.
    pub fn parse(code: &str) -> Option<Currency> {
        // Codes are mostly stored as parsed ("CNY"): those are read without a copy.
        if let &[a, b, c] = code.as_bytes() {
            if [a, b, c].iter().all(u8::is_ascii_uppercase) {
                return Some(Currency([a, b, c]));
            }
        }
        let code = to_half_width(code.trim()).to_ascii_uppercase();
        match code.as_bytes() {
            &[a, b, c] if [a, b, c].iter().all(u8::is_ascii_uppercase) => Some(Currency([a, b, c])),
            _ => None,
        }
    }

    pub fn code(&self) -> &str {
        std::str::from_utf8(&self.0).expect("three ASCII letters")
    }

    /// The sign written before an amount, for the currencies whose sign is unambiguous
    /// here (¥ is the yuan: this app's users are in China or trade with it).
    fn symbol(&self) -> Option<&'static str> {
        match &self.0 {
            b"CNY" => Some("¥"),
            b"GBP" => Some("£"),
            b"EUR" => Some("€"),
            b"USD" => Some("$"),
            _ => None,
        }
    }

    /// The home currency to suggest before the user chooses one: the currency of the
    /// browser locale's region when it names one (`en-GB` → GBP, `en-US` → USD, `de-DE`
    /// → EUR), else from the interface language: Chinese → CNY, English → USD, the most
    /// used currency among English-speaking countries when nothing tells which one.
    pub fn suggested<'a>(lang: Lang, locales: impl IntoIterator<Item = &'a str>) -> Currency {
        locales
            .into_iter()
            .find_map(|tag| tag.split(['-', '_']).skip(1).find_map(region_currency))
            .unwrap_or(match lang {
                Lang::Zh => Currency::CNY,
                Lang::En => Currency::USD,
            })
    }
}

/// The currency of a region subtag (ISO 3166 alpha-2), for the regions common here.
fn region_currency(region: &str) -> Option<Currency> {
    const EURO: [&str; 20] = [
        "AT", "BE", "HR", "CY", "EE", "FI", "FR", "DE", "GR", "IE", "IT", "LV", "LT", "LU", "MT",
        "NL", "PT", "SK", "SI", "ES",
    ];
    let region = region.to_ascii_uppercase();
    if EURO.contains(&region.as_str()) {
        return Some(Currency::EUR);
    }
    let code = match region.as_str() {
        "CN" => "CNY",
        "GB" | "UK" => "GBP",
        "US" => "USD",
        "HK" => "HKD",
        "MO" => "MOP",
        "TW" => "TWD",
        "SG" => "SGD",
        "AU" => "AUD",
        "NZ" => "NZD",
        "CA" => "CAD",
        "IN" => "INR",
        "JP" => "JPY",
        "KR" => "KRW",
        "CH" => "CHF",
        "MY" => "MYR",
        "ZA" => "ZAR",
        _ => return None,
    };
    Currency::parse(code)
}

impl std::fmt::Display for Currency {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.code())
    }
}

impl TryFrom<String> for Currency {
    type Error = String;
    fn try_from(code: String) -> Result<Currency, String> {
        Currency::parse(&code).ok_or_else(|| format!("not a currency code: {code}"))
    }
}

impl From<Currency> for String {
    fn from(currency: Currency) -> String {
        currency.code().to_owned()
    }
}

/// An amount written the one way the app writes money, in every language: the sign or
/// code of its currency, thousands grouped with commas, two decimals ("¥74,208.12",
/// "-£0.05", "HKD 1,200.00").
pub fn format_money(cents: i64, currency: Currency) -> String {
    let (sign, number) = signed_parts(cents);
    match currency.symbol() {
        Some(symbol) => format!("{sign}{symbol}{number}"),
        None => format!("{sign}{currency} {number}"),
    }
}

/// An amount in the currency written on a record, which may not be a valid code (an old
/// import): then the code as written, before the number.
pub fn format_money_in(cents: i64, currency: &str) -> String {
    match Currency::parse(currency) {
        Some(c) => format_money(cents, c),
        None => {
            let (sign, number) = signed_parts(cents);
            format!("{sign}{currency} {number}")
        }
    }
}

/// An amount without its currency, thousands grouped: "-1,234.50" (a working, a table
/// whose column names the currency).
pub fn grouped_amount(cents: i64) -> String {
    let (sign, number) = signed_parts(cents);
    format!("{sign}{number}")
}

fn signed_parts(cents: i64) -> (&'static str, String) {
    let sign = if cents < 0 { "-" } else { "" };
    (sign, grouped_cents(cents.unsigned_abs()))
}

/// "74208.12" as "74,208.12".
fn grouped_cents(abs: u64) -> String {
    format!("{}.{:02}", group_thousands(abs / 100), abs % 100)
}

/// `1234567` → `"1,234,567"` (both UI languages group by thousands with commas): a
/// count, or the whole part of an amount.
pub fn group_thousands(n: u64) -> String {
    let digits = n.to_string();
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// An exchange rate the user entered: one unit of `currency` is `micros` millionths of
/// the home currency, as of `date` (the rates are the user's, the app fetches none).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rate {
    pub currency: Currency,
    pub micros: i64,
    pub date: NaiveDate,
}

/// Why a typed rate could not be read.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum RateError {
    NotANumber,
    NotPositive,
    TooManyDecimals,
}

impl RateError {
    pub fn message(self, lang: Lang) -> &'static str {
        match self {
            RateError::NotANumber => AmountMsg::RateNotANumber,
            RateError::NotPositive => AmountMsg::RateNotPositive,
            RateError::TooManyDecimals => AmountMsg::RateTooManyDecimals,
        }
        .in_lang(lang)
    }
}

/// Typed text → millionths: "9.10", "9,10", "0.047 8" (full-width read too).
pub fn parse_rate_micros(text: &str) -> Result<i64, RateError> {
    let half = to_half_width(text);
    let text: String = half.trim().chars().filter(|c| *c != ' ').collect();
    let (negative, text) = match text.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, text.as_str()),
    };
    let (whole, fraction) = match text.find(['.', ',']) {
        Some(at) => (&text[..at], &text[at + 1..]),
        None => (text, ""),
    };
    let digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if (whole.is_empty() && fraction.is_empty())
        || !digits(whole)
        || !digits(fraction)
        || whole.len() > 9
    {
        return Err(RateError::NotANumber);
    }
    if fraction.len() > 6 {
        return Err(RateError::TooManyDecimals);
    }
    let whole: i64 = whole.parse().unwrap_or(0);
    let fraction: i64 = format!("{fraction:0<6}").parse().unwrap_or(0);
    match whole * 1_000_000 + fraction {
        micros if micros > 0 && !negative => Ok(micros),
        _ => Err(RateError::NotPositive),
    }
}

/// Millionths written as short as they go: 9_100_000 → "9.10", 47_800 → "0.0478".
pub fn format_rate(micros: i64) -> String {
    let fraction = format!("{:06}", micros % 1_000_000);
    let fraction = fraction.trim_end_matches('0');
    format!("{}.{fraction:0<2}", micros / 1_000_000)
}

/// The home currency and the rates into it: the one rule by which amounts in several
/// currencies become one figure. An amount in the home currency counts as it is; one in
/// a currency with a rate counts converted (rounded to the cent, half away from zero);
/// one in a currency without a rate is not counted, and the total says how many were
/// left out, per currency. Amounts are never added across currencies as they are.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Conversion {
    pub home: Currency,
    rates: BTreeMap<Currency, (i64, NaiveDate)>,
}

/// One amount as it entered a total.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Counted {
    /// Already in the home currency.
    Home { cents: i64 },
    /// Converted: `cents` of `currency` × rate (of `date`) = `home_cents`.
    Converted {
        cents: i64,
        currency: Currency,
        micros: i64,
        date: NaiveDate,
        home_cents: i64,
    },
}

impl Counted {
    pub fn home_cents(&self) -> i64 {
        match *self {
            Counted::Home { cents } => cents,
            Counted::Converted { home_cents, .. } => home_cents,
        }
    }
}

/// Several amounts made into one figure in the home currency.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Total {
    pub home: Currency,
    pub cents: i64,
    /// Each amount that was counted, in the order given.
    pub counted: Vec<Counted>,
    /// Per currency without a rate (its code as written when it is no code), how many
    /// amounts were left out.
    pub not_counted: BTreeMap<String, usize>,
}

impl Total {
    /// How many amounts were left out, in all currencies.
    pub fn not_counted_count(&self) -> usize {
        self.not_counted.values().sum()
    }
}

impl Conversion {
    /// Only the home currency: every other amount is left out.
    pub fn home_only(home: Currency) -> Conversion {
        Conversion {
            home,
            rates: BTreeMap::new(),
        }
    }

    /// The home currency and the user's rates (a rate for the home currency itself is
    /// ignored; the last rate entered for a currency wins).
    pub fn new(home: Currency, rates: &[Rate]) -> Conversion {
        let rates = rates
            .iter()
            .filter(|r| r.currency != home && r.micros > 0)
            .map(|r| (r.currency, (r.micros, r.date)))
            .collect();
        Conversion { home, rates }
    }

    /// The rate into the home currency of `currency`, if there is one.
    pub fn rate(&self, currency: Currency) -> Option<(i64, NaiveDate)> {
        self.rates.get(&currency).copied()
    }

    /// One amount, if it can be counted.
    pub fn count(&self, cents: i64, currency: &str) -> Option<Counted> {
        let currency = Currency::parse(currency)?;
        if currency == self.home {
            return Some(Counted::Home { cents });
        }
        let (micros, date) = self.rate(currency)?;
        let exact = i128::from(cents) * i128::from(micros);
        let half = if exact < 0 { -500_000 } else { 500_000 };
        let home_cents =
            ((exact + half) / 1_000_000).clamp(i64::MIN.into(), i64::MAX.into()) as i64;
        Some(Counted::Converted {
            cents,
            currency,
            micros,
            date,
            home_cents,
        })
    }

    /// [`Self::total`]'s home-currency cents alone, without keeping what was counted.
    pub fn total_cents<'a>(&self, amounts: impl IntoIterator<Item = (i64, &'a str)>) -> i64 {
        amounts
            .into_iter()
            .filter_map(|(cents, currency)| self.count(cents, currency))
            .fold(0i64, |sum, counted| {
                sum.saturating_add(counted.home_cents())
            })
    }

    /// Amounts of money (cents, currency code as written) as one figure in the home
    /// currency.
    pub fn total<'a>(&self, amounts: impl IntoIterator<Item = (i64, &'a str)>) -> Total {
        let mut total = Total {
            home: self.home,
            cents: 0,
            counted: Vec::new(),
            not_counted: BTreeMap::new(),
        };
        for (cents, currency) in amounts {
            match self.count(cents, currency) {
                Some(counted) => {
                    total.cents = total.cents.saturating_add(counted.home_cents());
                    total.counted.push(counted);
                }
                None => {
                    let code = Currency::parse(currency)
                        .map(|c| c.code().to_owned())
                        .unwrap_or_else(|| currency.trim().to_owned());
                    *total.not_counted.entry(code).or_default() += 1;
                }
            }
        }
        total
    }
}

#[cfg(test)]
mod tests {
    use super::AmountError::*;
    use super::*;

    #[test]
    fn amounts_read_in_every_convention() {
        let cases: &[(&str, Result<i64, AmountError>)] = &[
            // Point or comma as the decimal mark.
            ("45.50", Ok(4_550)),
            ("45,50", Ok(4_550)),
            ("45,5", Ok(4_550)),
            ("128.5", Ok(12_850)),
            ("128", Ok(12_800)),
            (".5", Ok(50)),
            (",5", Ok(50)),
            ("0", Ok(0)),
            // Thousands and decimals, English and continental.
            ("1,234.50", Ok(123_450)),
            ("1.234,50", Ok(123_450)),
            (" 1,280.05 ", Ok(128_005)),
            ("1,234,567", Ok(123_456_700)),
            ("1.234.567", Ok(123_456_700)),
            ("1,234,567.8", Ok(123_456_780)),
            // Spaces group thousands: plain, no-break, narrow no-break.
            ("1 234,50", Ok(123_450)),
            ("1\u{00A0}234,50", Ok(123_450)),
            ("1\u{202F}234,50", Ok(123_450)),
            ("1 234.50", Ok(123_450)),
            ("1 234", Ok(123_400)),
            ("12 345 678", Ok(1_234_567_800)),
            // Full-width, as a Chinese input method types it.
            ("４５，５０", Ok(4_550)),
            ("１，２３４．５０", Ok(123_450)),
            ("￥９９", Ok(9_900)),
            ("¥99", Ok(9_900)),
            ("$ 12.30", Ok(1_230)),
            ("-3", Ok(-300)),
            ("-¥3,5", Ok(-350)),
            ("¥-3", Ok(-300)),
            // Ambiguous: thousands in one convention, decimals in the other.
            ("1,234", Err(Ambiguous)),
            ("1.234", Err(Ambiguous)),
            ("12,345", Err(Ambiguous)),
            // Not amounts.
            ("12.345,6", Ok(1_234_560)),
            ("0,505", Err(TooManyDecimals)),
            ("1 234.567", Err(TooManyDecimals)),
            ("45,505", Err(Ambiguous)),
            ("45,5050", Err(TooManyDecimals)),
            ("1,23,456", Err(NotANumber)),
            ("12 34", Err(NotANumber)),
            ("1.234,567.5", Err(NotANumber)),
            ("1,,5", Err(NotANumber)),
            ("", Err(NotANumber)),
            (".", Err(NotANumber)),
            ("abc", Err(NotANumber)),
            ("1e3", Err(NotANumber)),
            ("1.2.3", Err(NotANumber)),
            ("1234567890123456", Err(TooLarge)),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_amount_cents(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn every_refusal_says_why_in_both_languages() {
        for error in [NotANumber, TooManyDecimals, Ambiguous, TooLarge] {
            assert_ne!(error.message(Lang::En), error.message(Lang::Zh));
        }
        assert!(Ambiguous.message(Lang::En).contains("1234"));
    }

    #[test]
    fn currencies_are_read_in_any_case_and_suggested_from_the_locale() {
        assert_eq!(Currency::parse(" gbp "), Some(Currency::GBP));
        assert_eq!(Currency::parse("ＵＳＤ"), Some(Currency::USD));
        for bad in ["", "RMB1", "¥", "US"] {
            assert_eq!(Currency::parse(bad), None, "{bad}");
        }
        let check = |lang, locales: &[&str], expected: &str| {
            assert_eq!(
                Currency::suggested(lang, locales.iter().copied()).code(),
                expected,
                "{locales:?}"
            );
        };
        check(Lang::Zh, &["zh-CN"], "CNY");
        check(Lang::Zh, &["zh"], "CNY");
        check(Lang::Zh, &["zh-HK", "zh"], "HKD");
        check(Lang::En, &["en-GB", "en"], "GBP");
        check(Lang::En, &["en-US"], "USD");
        check(Lang::En, &["de-DE"], "EUR");
        check(Lang::En, &["zh-Hans-CN"], "CNY");
        check(Lang::En, &["en"], "USD");
        check(Lang::En, &[], "USD");
    }

    #[test]
    fn money_is_written_one_way() {
        let check = |cents, currency: &str, expected: &str| {
            assert_eq!(format_money_in(cents, currency), expected);
        };
        check(7_420_812, "CNY", "¥74,208.12");
        check(12_000, "gbp", "£120.00");
        check(-5, "EUR", "-€0.05");
        check(100_000_000, "HKD", "HKD 1,000,000.00");
        check(99_999, "USD", "$999.99");
        check(12_345, "rmb", "RMB 123.45");
        check(12_345, "元", "元 123.45");
        check(0, "CNY", "¥0.00");
    }

    #[test]
    fn rates_are_read_exactly() {
        let check = |text: &str, expected: Result<i64, RateError>| {
            assert_eq!(parse_rate_micros(text), expected, "{text}");
        };
        check("9.10", Ok(9_100_000));
        check("9,1", Ok(9_100_000));
        check("０.０４７８", Ok(47_800));
        check("7", Ok(7_000_000));
        check(".5", Ok(500_000));
        check("0", Err(RateError::NotPositive));
        check("-2", Err(RateError::NotPositive));
        check("1.0000001", Err(RateError::TooManyDecimals));
        check("abc", Err(RateError::NotANumber));
        check("", Err(RateError::NotANumber));
        check("1.2.3", Err(RateError::NotANumber));
        assert_eq!(format_rate(9_100_000), "9.10");
        assert_eq!(format_rate(47_800), "0.0478");
        assert_eq!(format_rate(7_000_000), "7.00");
    }

    #[test]
    fn totals_convert_at_the_rates_and_leave_out_currencies_without_one() {
        let day = NaiveDate::from_ymd_opt(2026, 11, 30).unwrap();
        let rates = [
            Rate {
                currency: Currency::GBP,
                micros: 9_100_000,
                date: day,
            },
            Rate {
                currency: Currency::CNY,
                micros: 5,
                date: day,
            },
        ];
        let conversion = Conversion::new(Currency::CNY, &rates);
        let amounts = [
            (12_000, "GBP"),
            (50_000, "cny"),
            (1_000, "USD"),
            (2_000, "usd"),
            (3, "GBP"),
            (700, "rmb"),
            (40, " ＧＢＰ "),
        ];
        // The sum alone is the same sum.
        assert_eq!(
            conversion.total_cents(amounts),
            conversion.total(amounts).cents
        );
        let total = conversion.total(amounts[..6].iter().copied());
        assert_eq!(
            total.counted,
            [
                Counted::Converted {
                    cents: 12_000,
                    currency: Currency::GBP,
                    micros: 9_100_000,
                    date: day,
                    home_cents: 109_200
                },
                Counted::Home { cents: 50_000 },
                // 3 × 9.1 = 27.3 cents, rounded to 27.
                Counted::Converted {
                    cents: 3,
                    currency: Currency::GBP,
                    micros: 9_100_000,
                    date: day,
                    home_cents: 27
                },
            ]
        );
        assert_eq!(total.cents, 109_200 + 50_000 + 27);
        assert_eq!(
            total.not_counted.into_iter().collect::<Vec<_>>(),
            [("RMB".to_owned(), 1), ("USD".to_owned(), 2)]
        );
        // Half a cent rounds away from zero, both ways.
        let half = Conversion::new(
            Currency::CNY,
            &[Rate {
                currency: Currency::USD,
                micros: 500_000,
                date: day,
            }],
        );
        assert_eq!(half.total([(1, "USD")]).cents, 1);
        assert_eq!(half.total([(-1, "USD")]).cents, -1);
        // The home currency alone: nothing else is counted.
        let only = Conversion::home_only(Currency::GBP).total([(100, "GBP"), (100, "CNY")]);
        assert_eq!((only.cents, only.not_counted_count()), (100, 1));
    }
}
