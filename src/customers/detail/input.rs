//! Pure helpers between form inputs and the domain: reading amounts, percentages and
//! dates typed by a person, and turning an edited draft into the record to store.

use chrono::{DateTime, NaiveDate, Utc};

use crate::customers::domain::{Customer, StageChange};

/// "128.5", "1,280.50", "¥99" → cents. Up to two decimals; the sign is kept so the domain
/// validation can say "cannot be negative" in words. `None` when it is not a number.
pub fn parse_amount_cents(text: &str) -> Option<i64> {
    let cleaned: String = text
        .trim()
        .trim_start_matches(['¥', '￥', '$'])
        .chars()
        .filter(|c| *c != ',' && *c != '，' && !c.is_whitespace())
        .collect();
    let (negative, digits) = match cleaned.strip_prefix('-') {
        Some(rest) => (true, rest),
        None => (false, cleaned.as_str()),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    let all_digits = |s: &str| s.chars().all(|c| c.is_ascii_digit());
    if whole.is_empty() && fraction.is_empty()
        || !all_digits(whole)
        || !all_digits(fraction)
        || fraction.len() > 2
        || whole.len() > 15
    {
        return None;
    }
    let whole: i64 = if whole.is_empty() {
        0
    } else {
        whole.parse().ok()?
    };
    let fraction: i64 = format!("{fraction:0<2}").parse().ok()?;
    let cents = whole * 100 + fraction;
    Some(if negative { -cents } else { cents })
}

/// "30" or "30%" → 0.3; `None` when it is not a number. The range is the domain's to check.
pub fn parse_percent(text: &str) -> Option<f64> {
    let number: f64 = text
        .trim()
        .trim_end_matches(['%', '％'])
        .trim()
        .parse()
        .ok()?;
    number.is_finite().then_some(number / 100.0)
}

/// A fraction as the percentage a person types: 0.3 → "30", 0.125 → "12.5".
pub fn percent_text(fraction: f64) -> String {
    let rounded = (fraction * 1000.0).round() / 10.0;
    format!("{rounded}")
}

/// The value of an `<input type="date">` ("2024-05-06").
pub fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}

/// Tags as typed, separated by ASCII or Chinese commas; blanks and repeats dropped.
pub fn parse_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split([',', '，', '、']).map(str::trim) {
        if !tag.is_empty() && !tags.iter().any(|t| t == tag) {
            tags.push(tag.to_owned());
        }
    }
    tags
}

/// The next free interaction id within one customer.
pub fn next_interaction_id(customer: &Customer) -> u64 {
    customer
        .interactions
        .iter()
        .map(|i| i.id)
        .max()
        .unwrap_or(0)
        + 1
}

/// The record to store from an edited `draft`. The form edits `stage` freely; only the
/// difference from the stored record (`original`, `None` for a new customer) is written to
/// the stage history, dated `now`.
pub fn finish_draft(
    original: Option<&Customer>,
    mut draft: Customer,
    now: DateTime<Utc>,
    today: NaiveDate,
) -> Customer {
    let chosen = draft.stage;
    match original {
        Some(original) => {
            draft.stage = original.stage;
            draft.stage_history = original.stage_history.clone();
            draft.set_stage(chosen, today);
        }
        None => {
            draft.created_at = now;
            draft.stage_history = vec![StageChange {
                stage: chosen,
                date: today,
            }];
        }
    }
    draft.name = draft.name.trim().to_owned();
    draft.email = draft.email.trim().to_owned();
    draft.phone = draft.phone.trim().to_owned();
    draft.updated_at = now;
    draft
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::domain::LifecycleStage::{self, *};

    #[test]
    fn amounts_read_as_cents() {
        let cases: &[(&str, Option<i64>)] = &[
            ("128.50", Some(12_850)),
            ("128.5", Some(12_850)),
            ("128", Some(12_800)),
            (" 1,280.05 ", Some(128_005)),
            ("¥99", Some(9_900)),
            (".5", Some(50)),
            ("-3", Some(-300)),
            ("0", Some(0)),
            ("", None),
            (".", None),
            ("12.345", None),
            ("abc", None),
            ("1e3", None),
            ("1.2.3", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_amount_cents(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn percentages_read_as_fractions_and_back() {
        let cases: &[(&str, Option<f64>)] = &[
            ("30", Some(0.3)),
            ("12.5%", Some(0.125)),
            (" 0 ", Some(0.0)),
            ("x", None),
            ("", None),
            ("NaN", None),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_percent(text), *expected, "{text:?}");
        }
        for (fraction, text) in [(0.3, "30"), (0.125, "12.5"), (0.0, "0"), (0.8, "80")] {
            assert_eq!(percent_text(fraction), text);
        }
    }

    #[test]
    fn dates_and_tags() {
        assert_eq!(
            parse_date("2024-05-06"),
            NaiveDate::from_ymd_opt(2024, 5, 6)
        );
        assert_eq!(parse_date(""), None);
        assert_eq!(parse_date("2024-13-01"), None);
        let cases: &[(&str, &[&str])] = &[
            ("vip, 北京，wholesale", &["vip", "北京", "wholesale"]),
            (" , ,", &[]),
            ("a、a, b", &["a", "b"]),
        ];
        for (text, expected) in cases {
            assert_eq!(parse_tags(text), *expected, "{text:?}");
        }
    }

    #[test]
    fn stage_history_records_only_the_real_change() {
        let then: DateTime<Utc> = "2024-01-01T08:00:00Z".parse().unwrap();
        let now: DateTime<Utc> = "2024-06-30T08:00:00Z".parse().unwrap();
        let today = now.date_naive();
        let stored = Customer::new(4, "王芳", then);
        // (original exists?, stage chosen in the form, expected history)
        type Case<'a> = (bool, LifecycleStage, &'a [(LifecycleStage, NaiveDate)]);
        let cases: &[Case] = &[
            (true, Exploration, &[(Exploration, then.date_naive())]),
            (
                true,
                Stability,
                &[(Exploration, then.date_naive()), (Stability, today)],
            ),
            (false, Formation, &[(Formation, today)]),
        ];
        for (existing, chosen, expected) in cases {
            let mut draft = stored.clone();
            draft.stage = *chosen;
            draft.name = "  王芳 ".into();
            let original = existing.then_some(&stored);
            let done = finish_draft(original, draft, now, today);
            let history: Vec<_> = done
                .stage_history
                .iter()
                .map(|h| (h.stage, h.date))
                .collect();
            assert_eq!(history, *expected, "{existing} {chosen:?}");
            assert_eq!(
                (done.stage, done.name.as_str(), done.updated_at),
                (*chosen, "王芳", now)
            );
        }
    }

    #[test]
    fn interaction_ids_continue_after_the_highest() {
        let mut c = Customer::new(1, "A", "2024-01-01T00:00:00Z".parse().unwrap());
        assert_eq!(next_interaction_id(&c), 1);
        c.interactions.push(crate::customers::domain::Interaction {
            id: 7,
            date: NaiveDate::from_ymd_opt(2024, 1, 2).unwrap(),
            kind: crate::customers::domain::InteractionKind::Note,
            note: String::new(),
        });
        assert_eq!(next_interaction_id(&c), 8);
    }
}
