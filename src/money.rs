//! Amounts of money as people type them, read into cents: one parser for every amount
//! field, whichever convention the person writes in (pure: no IO).

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
}
