//! Pure helpers between form inputs and the domain: reading percentages and dates typed
//! by a person (amounts are `crate::money`'s), and turning an edited draft into the record to store.

use chrono::{DateTime, NaiveDate, Utc};

use crate::customers::domain::{Customer, StageChange};
use crate::i18n::to_half_width;

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
    // Stored as ASCII so a full-width number typed with an input method dials as one.
    draft.phone = to_half_width(draft.phone.trim());
    draft.updated_at = now;
    draft
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::domain::LifecycleStage::{self, *};

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
            draft.phone = " （010）8888-6666".into();
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
            assert_eq!(done.phone, "(010)8888-6666", "stored as ASCII");
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
