//! The form that adds an interaction: note, call, visit, email, purchase, complaint or
//! service recovery, checked by the domain's rules before anything is saved.

use leptos::prelude::*;

use super::input::{next_interaction_id, parse_amount_cents, parse_date};
use super::interaction_fields::{ComplaintFields, Draft, PurchaseFields, RecoveryFields};
use super::messages::DetailMsg;
use super::widgets::{today, FieldErrors};
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    validate, ComplaintStatus, Customer, Field, Interaction, InteractionKind, Problem,
};
use crate::customers::labels::{interaction_kind_label, problem_text};
use crate::i18n::Text;
use crate::state::use_app_state;

/// Either a message of this form or a domain problem, translated when shown.
#[derive(Clone, Copy, Debug, PartialEq)]
enum FormError {
    Local(DetailMsg),
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
            let amount = parse_amount_cents(&draft.amount);
            if amount.is_none() {
                errors.push(FormError::Local(DetailMsg::AmountInvalid));
            }
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

/// The add-an-interaction form, folded until opened.
#[component]
pub fn InteractionForm(
    /// The customer the interaction is added to.
    customer: Signal<Customer>,
) -> impl IntoView {
    let state = use_app_state();
    let lang = use_lang();
    let draft = RwSignal::new(Draft::new(today()));
    let errors = RwSignal::new(Vec::<FormError>::new());
    let added = RwSignal::new(false);
    let messages = Signal::derive(move || {
        let lang = lang.get();
        let text = |e: &FormError| match *e {
            FormError::Local(m) => m.in_lang(lang).to_owned(),
            FormError::Domain(p) => problem_text(Field::Interactions, p, "", lang),
        };
        errors.with(|e| e.iter().map(text).collect::<Vec<_>>())
    });
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let id = customer.with_untracked(next_interaction_id);
        let result = draft
            .with_untracked(|d| build(d, id))
            .and_then(|interaction| {
                let mut candidate = customer.get_untracked();
                candidate.interactions.push(interaction.clone());
                let problems: Vec<FormError> = validate(&candidate, today())
                    .into_iter()
                    .filter(|i| i.field == Field::Interactions && mentions(i.problem, id))
                    .map(|i| FormError::Domain(i.problem))
                    .collect();
                if problems.is_empty() {
                    Ok(interaction)
                } else {
                    Err(problems)
                }
            });
        match result {
            Ok(interaction) => {
                let customer_id = customer.with_untracked(|c| c.id);
                state.customers.update(|book| {
                    if let Some(c) = book.get_mut(customer_id) {
                        c.interactions.push(interaction);
                        c.updated_at = chrono::Utc::now();
                    }
                });
                draft.set(Draft::new(today()));
                errors.set(Vec::new());
                added.set(true);
            }
            Err(found) => {
                errors.set(found);
                added.set(false);
            }
        }
    };
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
                <input type=kind data-testid=testid aria-describedby="interaction-errors" max=move || (kind == "date").then(|| today().to_string())
                    prop:value=move || draft.with(get) on:input=move |ev| draft.update(|d| set(d, event_target_value(&ev))) />
            </label>
        }
    };
    let kind_is = move |k: &'static str| move || draft.with(|d| d.kind == k);
    view! {
        <details class="add-interaction" data-testid="add-interaction">
            <summary>{tr(DetailMsg::AddInteraction)}</summary>
            <form on:submit=submit novalidate data-testid="interaction-form">
                <div class="inline-fields">
                    <label class="field">
                        <span>{tr(DetailMsg::Kind)}</span>
                        <select data-testid="interaction-kind" on:change=move |ev| draft.update(|d| d.kind = event_target_value(&ev))>
                            {options.collect_view()}
                        </select>
                    </label>
                    {text_input(DetailMsg::Date, "interaction-date", "date", |d| d.date.clone(), |d, v| d.date = v)}
                </div>
                <Show when=kind_is("purchase")><PurchaseFields draft /></Show>
                <Show when=kind_is("complaint")><ComplaintFields draft /></Show>
                <Show when=kind_is("service_recovery")><RecoveryFields customer draft /></Show>
                <label class="field wide">
                    <span>{tr(DetailMsg::Note)}</span>
                    <textarea data-testid="interaction-note" rows="2" prop:value=move || draft.with(|d| d.note.clone())
                        on:input=move |ev| draft.update(|d| d.note = event_target_value(&ev))></textarea>
                </label>
                <FieldErrors id="interaction-errors".into() messages />
                <div class="actions">
                    <button type="submit" data-testid="interaction-add">{tr(DetailMsg::AddButton)}</button>
                </div>
                <Show when=move || added.get()><p class="success-text" role="status">{tr(DetailMsg::Added)}</p></Show>
            </form>
        </details>
    }
}

/// True when `problem` is about the interaction `id`.
fn mentions(problem: Problem, id: u64) -> bool {
    match problem {
        Problem::NegativeAmount { interaction_id }
        | Problem::InvalidCurrency { interaction_id }
        | Problem::ResolvedBeforeOpened { interaction_id } => interaction_id == id,
        Problem::DateInFuture { interaction_id } => interaction_id == Some(id),
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use chrono::NaiveDate;

    fn draft(edit: impl Fn(&mut Draft)) -> Draft {
        let mut d = Draft::new(NaiveDate::from_ymd_opt(2024, 6, 30).unwrap());
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
                local(DetailMsg::AmountInvalid),
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
