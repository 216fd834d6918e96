//! Checks a customer record and reports every problem at once, as data the UI translates.

use chrono::NaiveDate;

use super::model::{Customer, Interaction, InteractionKind};
use crate::i18n::to_half_width;

keyed_enum! {
    /// A customer field, as named in forms, CSV mappings, merge choices and issues.
    pub enum Field {
        Name => "name",
        Kind => "kind",
        Company => "company",
        Phone => "phone",
        Email => "email",
        Address => "address",
        Owner => "owner",
        Tags => "tags",
        Notes => "notes",
        ValueClass => "value_class",
        Motive => "motive",
        Internal => "internal",
        Stage => "stage",
        Ladder => "ladder",
        RelationshipLevel => "relationship_level",
        Channel => "channel",
        ReferredBy => "referred_by",
        Interactions => "interactions",
        Churn => "churn",
    }
}

impl Field {
    /// True for a field `validate` reports as `Problem::Required` when blank; forms mark
    /// it (`*` and `aria-required`).
    pub fn is_required(self) -> bool {
        self == Field::Name
    }
}

/// What is wrong with a field. Interaction problems name the interaction by id.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Problem {
    Required,
    InvalidEmail,
    InvalidPhone,
    /// A value that is not one of the field's allowed keys (CSV import).
    UnknownValue,
    ReferredBySelf,
    NegativeAmount {
        interaction_id: u64,
    },
    /// Currency must be a three-letter ISO 4217 code such as CNY or USD.
    InvalidCurrency {
        interaction_id: u64,
    },
    /// A date after today; `None` is the churn record's date.
    DateInFuture {
        interaction_id: Option<u64>,
    },
    ResolvedBeforeOpened {
        interaction_id: u64,
    },
    /// A note longer than [`MAX_NOTE_CHARS`]; `None` is the customer's own notes.
    NoteTooLong {
        interaction_id: Option<u64>,
    },
}

/// The longest note a customer or an interaction may have, in characters: several pages
/// of text, and far below what makes a page unreadable or fills the storage.
pub const MAX_NOTE_CHARS: usize = 5_000;

fn too_long(note: &str) -> bool {
    note.len() > MAX_NOTE_CHARS && note.chars().count() > MAX_NOTE_CHARS
}

impl Problem {
    /// Stable snake_case id for i18n lookups.
    pub fn key(self) -> &'static str {
        match self {
            Problem::Required => "required",
            Problem::InvalidEmail => "invalid_email",
            Problem::InvalidPhone => "invalid_phone",
            Problem::UnknownValue => "unknown_value",
            Problem::ReferredBySelf => "referred_by_self",
            Problem::NegativeAmount { .. } => "negative_amount",
            Problem::InvalidCurrency { .. } => "invalid_currency",
            Problem::DateInFuture { .. } => "date_in_future",
            Problem::ResolvedBeforeOpened { .. } => "resolved_before_opened",
            Problem::NoteTooLong { .. } => "note_too_long",
        }
    }
}

/// One problem with one field.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Issue {
    pub field: Field,
    pub problem: Problem,
}

/// Every problem with `customer`; empty means valid. `today` bounds the dates.
pub fn validate(customer: &Customer, today: NaiveDate) -> Vec<Issue> {
    let mut issues = Vec::new();
    let mut push = |field, problem| issues.push(Issue { field, problem });
    if customer.name.trim().is_empty() {
        push(Field::Name, Problem::Required);
    }
    if !customer.email.is_empty() && !is_valid_email(&customer.email) {
        push(Field::Email, Problem::InvalidEmail);
    }
    if !customer.phone.is_empty() && !is_valid_phone(&customer.phone) {
        push(Field::Phone, Problem::InvalidPhone);
    }
    if customer.referred_by == Some(customer.id) {
        push(Field::ReferredBy, Problem::ReferredBySelf);
    }
    if too_long(&customer.notes) {
        let problem = Problem::NoteTooLong {
            interaction_id: None,
        };
        push(Field::Notes, problem);
    }
    for interaction in &customer.interactions {
        let interaction_id = interaction.id;
        if too_long(&interaction.note) {
            let problem = Problem::NoteTooLong {
                interaction_id: Some(interaction_id),
            };
            push(Field::Interactions, problem);
        }
        if latest_date(interaction) > today {
            let problem = Problem::DateInFuture {
                interaction_id: Some(interaction_id),
            };
            push(Field::Interactions, problem);
        }
        match &interaction.kind {
            InteractionKind::Purchase {
                amount_cents,
                currency,
                ..
            } => {
                if *amount_cents < 0 {
                    push(
                        Field::Interactions,
                        Problem::NegativeAmount { interaction_id },
                    );
                }
                if !is_currency_code(currency) {
                    push(
                        Field::Interactions,
                        Problem::InvalidCurrency { interaction_id },
                    );
                }
            }
            InteractionKind::Complaint {
                opened,
                resolved: Some(resolved),
                ..
            } if resolved < opened => {
                push(
                    Field::Interactions,
                    Problem::ResolvedBeforeOpened { interaction_id },
                );
            }
            _ => {}
        }
    }
    if customer.churn.as_ref().is_some_and(|c| c.date > today) {
        push(
            Field::Churn,
            Problem::DateInFuture {
                interaction_id: None,
            },
        );
    }
    issues
}

/// The latest date an interaction mentions (a complaint also has opened/resolved dates).
fn latest_date(interaction: &Interaction) -> NaiveDate {
    match interaction.kind {
        InteractionKind::Complaint {
            opened, resolved, ..
        } => interaction.date.max(opened).max(resolved.unwrap_or(opened)),
        _ => interaction.date,
    }
}

/// Deliberately simple syntax check (full RFC 5322 is not worth its size here): one `@`,
/// a non-empty local part, a domain of non-empty dot-separated labels, no whitespace.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && domain.split('.').all(|label| !label.is_empty())
        && !email.chars().any(char::is_whitespace)
}

/// Digits, spaces and `+ - ( )` only, with `+` only in front, and 6 to 20 digits
/// (E.164 allows at most 15 digits; 20 leaves room for extensions and prefixes).
/// Full-width forms typed with a Chinese input method (`（010）８８８８-6666`) count as
/// their ASCII twins.
pub fn is_valid_phone(phone: &str) -> bool {
    let phone = to_half_width(phone.trim());
    let allowed = phone
        .char_indices()
        .all(|(i, c)| c.is_ascii_digit() || " -()".contains(c) || (c == '+' && i == 0));
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    allowed && (6..=20).contains(&digits)
}

fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

#[cfg(test)]
mod tests {
    use super::super::model::ChurnRecord;
    use super::super::test_support::{complaint, customer, day, purchase};
    use super::*;

    fn check(edit: impl Fn(&mut Customer), expected: &[(Field, Problem)]) {
        let mut c = customer(1, "王芳");
        edit(&mut c);
        let found: Vec<(Field, Problem)> = validate(&c, day(2024, 6, 30))
            .into_iter()
            .map(|i| (i.field, i.problem))
            .collect();
        assert_eq!(found, expected, "{c:?}");
    }

    #[test]
    fn the_fields_marked_required_are_those_a_blank_record_lacks() {
        let blank = customer(1, "");
        let lacking: Vec<Field> = validate(&blank, day(2024, 6, 30))
            .into_iter()
            .filter(|i| i.problem == Problem::Required)
            .map(|i| i.field)
            .collect();
        let marked: Vec<Field> = Field::ALL
            .iter()
            .copied()
            .filter(|f| f.is_required())
            .collect();
        assert_eq!(marked, lacking);
        assert_eq!(marked, [Field::Name]);
    }

    #[test]
    fn field_rules() {
        use Field::*;
        use Problem::*;
        type Case = (fn(&mut Customer), &'static [(Field, Problem)]);
        let cases: &[Case] = &[
            (|_| {}, &[]),
            (|c| c.name = "Zoë O'Brien".into(), &[]),
            (|c| c.name = "北京华联商贸有限公司".into(), &[]),
            (|c| c.name = "  \t".into(), &[(Name, Required)]),
            (|c| c.email = "wang.fang@example.com.cn".into(), &[]),
            (|c| c.email = "王芳@例子.中国".into(), &[]),
            (
                |c| c.email = "no-at-sign.com".into(),
                &[(Email, InvalidEmail)],
            ),
            (|c| c.email = "a@b@c.com".into(), &[(Email, InvalidEmail)]),
            (
                |c| c.email = "@example.com".into(),
                &[(Email, InvalidEmail)],
            ),
            (|c| c.email = "a@localhost".into(), &[(Email, InvalidEmail)]),
            (
                |c| c.email = "a@example..com".into(),
                &[(Email, InvalidEmail)],
            ),
            (
                |c| c.email = "a b@example.com".into(),
                &[(Email, InvalidEmail)],
            ),
            (|c| c.phone = "138 0013 8000".into(), &[]),
            (|c| c.phone = "+86 10 1234 5678".into(), &[]),
            (|c| c.phone = "(010) 6512-3456".into(), &[]),
            (|c| c.phone = "12345".into(), &[(Phone, InvalidPhone)]),
            (
                |c| c.phone = "123456789012345678901".into(),
                &[(Phone, InvalidPhone)],
            ),
            (
                |c| c.phone = "138-0013-8000 ext 5".into(),
                &[(Phone, InvalidPhone)],
            ),
            (
                |c| c.phone = "138+0013+8000".into(),
                &[(Phone, InvalidPhone)],
            ),
            // Typed with a Chinese input method: full-width brackets, digits, space.
            (|c| c.phone = "１３８００１３８０００".into(), &[]),
            (|c| c.phone = "（010）8888-6666".into(), &[]),
            (
                |c| c.phone = "（０１０）\u{3000}８８８８－６６６６".into(),
                &[],
            ),
            (|c| c.phone = "＋86 10 1234 5678".into(), &[]),
            (
                |c| c.phone = "（010）8888＋6666".into(),
                &[(Phone, InvalidPhone)],
            ),
            (|c| c.phone = "１２３４５".into(), &[(Phone, InvalidPhone)]),
            (|c| c.referred_by = Some(2), &[]),
            (|c| c.referred_by = Some(1), &[(ReferredBy, ReferredBySelf)]),
        ];
        for (edit, expected) in cases {
            check(edit, expected);
        }
    }

    #[test]
    fn interaction_rules() {
        use Field::{Churn, Interactions};
        use Problem::*;
        type Case = (fn(&mut Customer), &'static [(Field, Problem)]);
        let cases: &[Case] = &[
            (
                |c| c.interactions = vec![purchase(1, day(2024, 6, 30), 0)],
                &[],
            ),
            (
                |c| c.interactions = vec![purchase(1, day(2024, 6, 1), -1)],
                &[(Interactions, NegativeAmount { interaction_id: 1 })],
            ),
            (
                |c| c.interactions = vec![purchase(2, day(2024, 7, 1), 100)],
                &[(
                    Interactions,
                    DateInFuture {
                        interaction_id: Some(2),
                    },
                )],
            ),
            (
                |c| {
                    let mut p = purchase(3, day(2024, 6, 1), 100);
                    if let InteractionKind::Purchase { currency, .. } = &mut p.kind {
                        *currency = "rmb".into();
                    }
                    c.interactions = vec![p];
                },
                &[(Interactions, InvalidCurrency { interaction_id: 3 })],
            ),
            (
                |c| c.interactions = vec![complaint(4, day(2024, 6, 1), Some(day(2024, 6, 1)))],
                &[],
            ),
            (
                |c| c.interactions = vec![complaint(4, day(2024, 6, 2), Some(day(2024, 6, 1)))],
                &[(Interactions, ResolvedBeforeOpened { interaction_id: 4 })],
            ),
            (
                |c| {
                    let mut late = complaint(5, day(2024, 6, 1), Some(day(2024, 7, 9)));
                    late.date = day(2024, 6, 1);
                    c.interactions = vec![late];
                },
                &[(
                    Interactions,
                    DateInFuture {
                        interaction_id: Some(5),
                    },
                )],
            ),
            (
                |c| {
                    c.churn = Some(ChurnRecord {
                        date: day(2024, 8, 1),
                        reasons: vec![],
                        other_reason: String::new(),
                        prevention_tried: vec![],
                        notes: String::new(),
                    })
                },
                &[(
                    Churn,
                    DateInFuture {
                        interaction_id: None,
                    },
                )],
            ),
        ];
        for (edit, expected) in cases {
            check(edit, expected);
        }
    }

    #[test]
    fn notes_have_a_length_limit_counted_in_characters() {
        use Problem::NoteTooLong;
        // 5,000 Chinese characters are 15,000 bytes and still within the limit.
        check(|c| c.notes = "备".repeat(MAX_NOTE_CHARS), &[]);
        check(
            |c| c.notes = "x".repeat(MAX_NOTE_CHARS + 1),
            &[(
                Field::Notes,
                NoteTooLong {
                    interaction_id: None,
                },
            )],
        );
        check(
            |c| {
                let mut p = purchase(3, day(2024, 6, 1), 100);
                p.note = "注".repeat(105_000);
                c.interactions = vec![p];
            },
            &[(
                Field::Interactions,
                NoteTooLong {
                    interaction_id: Some(3),
                },
            )],
        );
    }

    #[test]
    fn reports_every_problem_not_only_the_first() {
        check(
            |c| {
                c.name = String::new();
                c.email = "bad".into();
                c.phone = "x".into();
                c.interactions = vec![purchase(9, day(2025, 1, 1), -5)];
            },
            &[
                (Field::Name, Problem::Required),
                (Field::Email, Problem::InvalidEmail),
                (Field::Phone, Problem::InvalidPhone),
                (
                    Field::Interactions,
                    Problem::DateInFuture {
                        interaction_id: Some(9),
                    },
                ),
                (
                    Field::Interactions,
                    Problem::NegativeAmount { interaction_id: 9 },
                ),
            ],
        );
    }
}
