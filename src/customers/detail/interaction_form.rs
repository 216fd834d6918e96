//! The interaction form: the fields every kind shares, the check that turns typed text
//! into an interaction (the domain's rules, for this entry only), and the folded form
//! that adds one to the timeline. Correcting an entry uses the same form
//! (`interaction_edit.rs`).

use chrono::NaiveDate;
use leptos::prelude::*;

use super::input::{next_interaction_id, parse_date};
use super::interaction_fields::{ComplaintFields, Draft, PurchaseFields, RecoveryFields};
use super::messages::DetailMsg;
use super::widgets::{FieldErrors, NoteLength};
use crate::clock::today;
use crate::components::leave_guard::guard_form;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    validate, ComplaintStatus, Customer, Field, Interaction, InteractionKind, Problem,
    MAX_NOTE_CHARS,
};
use crate::customers::labels::{interaction_kind_label, problem_text};
use crate::customers::state::use_customers;
use crate::i18n::Text;
use crate::money::{parse_amount_cents, AmountError};

/// Either a message of this form or a domain problem, translated when shown.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum FormError {
    Local(DetailMsg),
    /// The amount typed could not be read, and why.
    Amount(AmountError),
    Domain(Problem),
}

/// Reads the draft into an interaction, or says what is wrong with the typed text.
fn build(draft: &Draft, id: u64) -> Result<Interaction, Vec<FormError>> {
    let mut errors = Vec::new();
    let mut date_of = |text: &str| {
        parse_date(text).or_else(|| {
            errors.push(FormError::Local(DetailMsg::DateInvalid));
            None
        })
    };
    let date = date_of(&draft.date);
    let kind = match draft.kind.as_str() {
        "purchase" => {
            let amount = parse_amount_cents(&draft.amount)
                .map_err(|e| errors.push(FormError::Amount(e)))
                .ok();
            let currency = draft.currency.trim().to_uppercase();
            amount.map(|amount_cents| InteractionKind::Purchase {
                amount_cents,
                currency,
                items: draft.items.trim().to_owned(),
            })
        }
        "complaint" => {
            let opened = date_of(&draft.opened);
            let resolved = if draft.status == ComplaintStatus::Resolved {
                let r = parse_date(&draft.resolved);
                if r.is_none() {
                    errors.push(FormError::Local(DetailMsg::ResolvedRequired));
                }
                r
            } else {
                None
            };
            opened.map(|opened| InteractionKind::Complaint {
                category: draft.category,
                severity: draft.severity,
                status: draft.status,
                opened,
                resolved,
            })
        }
        "service_recovery" => Some(InteractionKind::ServiceRecovery {
            complaint_id: draft.complaint_id,
            action: draft.action.trim().to_owned(),
        }),
        "call" => Some(InteractionKind::Call),
        "meeting" => Some(InteractionKind::Meeting),
        "email" => Some(InteractionKind::Email),
        _ => Some(InteractionKind::Note),
    };
    match (date, kind) {
        (Some(date), Some(kind)) if errors.is_empty() => Ok(Interaction {
            id,
            date,
            kind,
            note: draft.note.trim().to_owned(),
        }),
        _ => Err(errors),
    }
}

/// The interaction `id` read from `draft` and checked against the domain's rules as
/// part of `customer`: added when `customer` has no entry `id`, put in its place when
/// it has. Only problems of this entry count, so an old mistake elsewhere never blocks it.
pub fn check(
    customer: &Customer,
    draft: &Draft,
    id: u64,
    today: NaiveDate,
) -> Result<Interaction, Vec<FormError>> {
    let interaction = build(draft, id)?;
    let mut candidate = customer.clone();
    let now = candidate.updated_at;
    if !candidate.replace_interaction(id, interaction.clone(), now) {
        candidate.interactions.push(interaction.clone());
    }
    let problems: Vec<FormError> = validate(&candidate, today)
        .into_iter()
        .filter(|i| i.field == Field::Interactions && mentions(i.problem, id))
        .map(|i| FormError::Domain(i.problem))
        .collect();
    if problems.is_empty() {
        Ok(interaction)
    } else {
        Err(problems)
    }
}

/// The fields of an interaction form with its errors; `children` are its buttons.
#[component]
pub fn InteractionForm(
    /// The customer the interaction belongs to (its complaints can be linked).
    customer: Signal<Customer>,
    /// The text typed so far.
    draft: RwSignal<Draft>,
    /// What is wrong with the last attempt to save, shown under the fields.
    errors: RwSignal<Vec<FormError>>,
    /// The id of the error list, unique on the page; the inputs point to it.
    errors_id: &'static str,
    /// A hook for tests.
    testid: &'static str,
    /// Runs when the form is submitted (the page is never reloaded).
    on_submit: Callback<()>,
    /// Moves focus to the first field as soon as the form is shown.
    #[prop(optional)]
    focus_first: bool,
    /// The buttons, and anything shown under them.
    children: Children,
) -> impl IntoView {
    let lang = use_lang();
    let messages = Signal::derive(move || {
        let lang = lang.get();
        let text = |e: &FormError| match *e {
            FormError::Local(m) => m.in_lang(lang).to_owned(),
            FormError::Amount(e) => e.message(lang).to_owned(),
            FormError::Domain(p) => problem_text(Field::Interactions, p, "", lang),
        };
        errors.with(|e| e.iter().map(text).collect::<Vec<_>>())
    });
    let first = NodeRef::<leptos::html::Select>::new();
    if focus_first {
        first.on_load(|select| {
            let _ = select.focus();
        });
    }
    let options = InteractionKind::KEYS.iter().map(|&key| {
        view! { <option value=key selected=move || draft.with(|d| d.kind == key)>{move || interaction_kind_label(key, lang.get())}</option> }
    });
    let text_input = |label: DetailMsg,
                      testid: &'static str,
                      kind: &'static str,
                      get: fn(&Draft) -> String,
                      set: fn(&mut Draft, String)| {
        view! {
            <label class="field">
                <span>{tr(label)}</span>
                <input type=kind data-testid=testid aria-describedby=errors_id max=move || (kind == "date").then(|| today().to_string())
                    prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev))) />
            </label>
        }
    };
    let kind_is = move |k: &'static str| move || draft.with(|d| d.kind == k);
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        on_submit.run(());
    };
    view! {
        <form on:submit=submit novalidate data-testid=testid>
            <div class="inline-fields">
                <label class="field">
                    <span>{tr(DetailMsg::Kind)}</span>
                    <select node_ref=first data-testid="interaction-kind" on:change=move |ev| draft.update(|d| d.kind = event_target_value(&ev))>
                        {options.collect_view()}
                    </select>
                </label>
                {text_input(DetailMsg::Date, "interaction-date", "date", |d| d.date.clone(), |d, v| d.set_date(v))}
            </div>
            <Show when=kind_is("purchase")><PurchaseFields draft errors_id /></Show>
            <Show when=kind_is("complaint")><ComplaintFields draft errors_id /></Show>
            <Show when=kind_is("service_recovery")><RecoveryFields customer draft errors_id /></Show>
            <label class="field wide">
                <span>{tr(DetailMsg::Note)}</span>
                <textarea data-testid="interaction-note" rows="2" aria-describedby=errors_id prop:value=move || draft.with(|d| d.note.clone())
                    maxlength=MAX_NOTE_CHARS
                    on:input=move |ev| draft.update(|d| d.note = event_target_value(&ev))></textarea>
                <NoteLength text=Signal::derive(move || draft.with(|d| d.note.chars().count())) />
            </label>
            <FieldErrors id=errors_id.into() messages />
            {children()}
        </form>
    }
}

/// The add-an-interaction form, folded until opened.
#[component]
pub fn AddInteraction(
    /// The customer the interaction is added to.
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = use_customers();
    // A new purchase is in the home currency until another is typed.
    let draft = RwSignal::new(Draft::new(today(), state.conversion.get_untracked().home));
    let errors = RwSignal::new(Vec::<FormError>::new());
    let added = RwSignal::new(false);
    // Choosing a kind alone is not input worth asking about.
    guard_form(Signal::derive(move || {
        // Nor is the kind and currency kept from the entry just added.
        draft.with(|d| *d != d.next_after(today()))
    }));
    let add = move |()| {
        let id = customer.with_untracked(next_interaction_id);
        let result =
            customer.with_untracked(|c| draft.with_untracked(|d| check(c, d, id, today())));
        match result {
            Ok(interaction) => {
                let customer_id = customer.with_untracked(|c| c.id);
                state.customers.update(|book| {
                    if let Some(c) = book.get_mut(customer_id) {
                        c.interactions.push(interaction);
                        c.updated_at = chrono::Utc::now();
                    }
                });
                draft.update(|d| *d = d.next_after(today()));
                errors.set(Vec::new());
                added.set(true);
            }
            Err(found) => {
                errors.set(found);
                added.set(false);
            }
        }
    };
    view! {
        <details class="add-interaction" data-testid="add-interaction">
            <summary>{tr(DetailMsg::AddInteraction)}</summary>
            <InteractionForm customer draft errors errors_id="interaction-errors" testid="interaction-form" on_submit=Callback::new(add)>
                <div class="actions">
                    <button type="submit" data-testid="interaction-add">{tr(DetailMsg::AddButton)}</button>
                </div>
                <Show when=move || added.get()><p class="success-text" role="status">{tr(DetailMsg::Added)}</p></Show>
            </InteractionForm>
        </details>
    }
}

/// True when `problem` is about the interaction `id`.
fn mentions(problem: Problem, id: u64) -> bool {
    match problem {
        Problem::NegativeAmount { interaction_id }
        | Problem::InvalidCurrency { interaction_id }
        | Problem::ResolvedBeforeOpened { interaction_id } => interaction_id == id,
        Problem::DateInFuture { interaction_id } | Problem::NoteTooLong { interaction_id } => {
            interaction_id == Some(id)
        }
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::customers::domain::{ComplaintCategory, Severity};
    use crate::money::Currency;

    #[test]
    fn a_new_purchase_is_in_the_home_currency_and_keeps_the_one_typed() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 3).unwrap();
        let mut d = Draft::new(today, Currency::GBP);
        assert_eq!(d.currency, "GBP");
        d.currency = "USD".into();
        assert_eq!(d.next_after(today).currency, "USD");
    }

    fn draft(edit: impl Fn(&mut Draft)) -> Draft {
        let mut d = Draft::new(NaiveDate::from_ymd_opt(2024, 6, 30).unwrap(), Currency::CNY);
        edit(&mut d);
        d
    }

    #[test]
    fn typed_text_becomes_an_interaction_or_says_what_is_wrong() {
        let local = |m| Err(vec![FormError::Local(m)]);
        // (draft, expected kind or the local errors)
        let cases: Vec<(Draft, Result<InteractionKind, Vec<FormError>>)> = vec![
            (draft(|_| {}), Ok(InteractionKind::Note)),
            (draft(|d| d.kind = "call".into()), Ok(InteractionKind::Call)),
            (
                draft(|d| {
                    d.kind = "purchase".into();
                    d.amount = "128.5".into();
                    d.currency = "cny".into();
                }),
                Ok(InteractionKind::Purchase {
                    amount_cents: 12_850,
                    currency: "CNY".into(),
                    items: String::new(),
                }),
            ),
            (
                draft(|d| d.kind = "purchase".into()),
                Err(vec![FormError::Amount(AmountError::NotANumber)]),
            ),
            // A decimal comma is a decimal mark, not a thousands separator.
            (
                draft(|d| {
                    d.kind = "purchase".into();
                    d.amount = "45,50".into();
                    d.currency = "CNY".into();
                }),
                Ok(InteractionKind::Purchase {
                    amount_cents: 4_550,
                    currency: "CNY".into(),
                    items: String::new(),
                }),
            ),
            (
                draft(|d| {
                    d.kind = "purchase".into();
                    d.amount = "1,234".into();
                }),
                Err(vec![FormError::Amount(AmountError::Ambiguous)]),
            ),
            (
                draft(|d| d.date = String::new()),
                local(DetailMsg::DateInvalid),
            ),
            (
                draft(|d| {
                    d.kind = "complaint".into();
                    d.status = ComplaintStatus::Resolved;
                }),
                local(DetailMsg::ResolvedRequired),
            ),
        ];
        for (d, expected) in cases {
            let got = build(&d, 3).map(|i| i.kind);
            assert!(got == expected, "{d:?}");
        }
    }

    #[test]
    fn opened_follows_the_date_until_set_apart() {
        let mut d = draft(|d| d.kind = "complaint".into());
        d.set_date("2024-06-10".into());
        assert_eq!(
            (d.date.as_str(), d.opened.as_str()),
            ("2024-06-10", "2024-06-10")
        );
        d.opened = "2024-06-08".into();
        d.set_date("2024-06-12".into());
        assert_eq!(
            (d.date.as_str(), d.opened.as_str()),
            ("2024-06-12", "2024-06-08")
        );
    }

    #[test]
    fn the_next_entry_keeps_the_kind_just_added() {
        let added = draft(|d| {
            d.kind = "purchase".into();
            d.amount = "45,50".into();
            d.currency = "USD".into();
            d.note = "first".into();
        });
        let next = added.next_after(NaiveDate::from_ymd_opt(2024, 7, 1).unwrap());
        assert_eq!(
            (
                next.kind.as_str(),
                next.currency.as_str(),
                next.amount.as_str(),
                next.note.as_str()
            ),
            ("purchase", "USD", "", "")
        );
    }

    #[test]
    fn a_stored_interaction_reads_back_unchanged_from_its_draft() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
        let day = |d| NaiveDate::from_ymd_opt(2024, 6, d).unwrap();
        let entry = |id, kind, note: &str| Interaction {
            id,
            date: day(3),
            kind,
            note: note.into(),
        };
        let stored = [
            entry(1, InteractionKind::Meeting, "季度回访"),
            entry(
                2,
                InteractionKind::Purchase {
                    amount_cents: 1_250_005,
                    currency: "CNY".into(),
                    items: "教材 200 册".into(),
                },
                "",
            ),
            entry(
                3,
                InteractionKind::Complaint {
                    category: ComplaintCategory::Delivery,
                    severity: Severity::High,
                    status: ComplaintStatus::Resolved,
                    opened: day(1),
                    resolved: Some(day(4)),
                },
                "配送延误",
            ),
            entry(
                4,
                InteractionKind::Complaint {
                    category: ComplaintCategory::Billing,
                    severity: Severity::Low,
                    status: ComplaintStatus::InProgress,
                    opened: day(2),
                    resolved: None,
                },
                "",
            ),
            entry(
                5,
                InteractionKind::ServiceRecovery {
                    complaint_id: Some(3),
                    action: "免运费并致歉".into(),
                },
                "",
            ),
        ];
        for interaction in stored {
            let draft = Draft::from_interaction(&interaction, today, Currency::CNY);
            assert_eq!(build(&draft, interaction.id), Ok(interaction.clone()));
        }
    }

    #[test]
    fn an_edit_is_checked_in_place_of_the_stored_entry() {
        let today = NaiveDate::from_ymd_opt(2024, 6, 30).unwrap();
        let mut customer = Customer::new(1, "王芳", "2024-01-01T00:00:00Z".parse().unwrap());
        let day = |d| NaiveDate::from_ymd_opt(2024, 6, d).unwrap();
        let purchase = |id, amount_cents| Interaction {
            id,
            date: day(3),
            kind: InteractionKind::Purchase {
                amount_cents,
                currency: "CNY".into(),
                items: String::new(),
            },
            note: String::new(),
        };
        // An old mistake in entry 9 must not block correcting entry 2.
        customer.interactions = vec![purchase(2, 10_000), purchase(9, -100)];
        let edited = |edit: fn(&mut Draft)| {
            let mut d = Draft::from_interaction(&customer.interactions[0], today, Currency::CNY);
            edit(&mut d);
            d
        };
        let domain = |p| Err(vec![FormError::Domain(p)]);
        // (draft, id checked, expected)
        let cases: Vec<(Draft, u64, Result<Interaction, Vec<FormError>>)> = vec![
            (
                edited(|d| d.amount = "120".into()),
                2,
                Ok(purchase(2, 12_000)),
            ),
            (
                edited(|d| d.amount = "-5".into()),
                2,
                domain(Problem::NegativeAmount { interaction_id: 2 }),
            ),
            (
                edited(|d| d.date = "2024-07-01".into()),
                2,
                domain(Problem::DateInFuture {
                    interaction_id: Some(2),
                }),
            ),
            // A new entry (no entry 10 yet) is checked as added.
            (edited(|d| d.amount = "1".into()), 10, Ok(purchase(10, 100))),
        ];
        for (draft, id, expected) in cases {
            assert_eq!(check(&customer, &draft, id, today), expected, "{draft:?}");
        }
    }

    #[test]
    fn only_problems_of_the_new_interaction_count() {
        let cases = [
            (Problem::NegativeAmount { interaction_id: 3 }, true),
            (Problem::NegativeAmount { interaction_id: 2 }, false),
            (
                Problem::DateInFuture {
                    interaction_id: Some(3),
                },
                true,
            ),
            (
                Problem::DateInFuture {
                    interaction_id: None,
                },
                false,
            ),
            (Problem::Required, false),
        ];
        for (problem, expected) in cases {
            assert_eq!(mentions(problem, 3), expected, "{problem:?}");
        }
    }
}
