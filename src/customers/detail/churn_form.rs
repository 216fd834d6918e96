//! The "mark as churned" form: reasons, prevention tried, date; saved in one step. Through
//! the shared editor it notices a churn record saved in another tab meanwhile (the form
//! then shows it) and asks which one to keep when both tabs recorded one.

use leptos::prelude::*;

use super::input::parse_date;
use super::messages::DetailMsg;
use super::record_fields::ChurnEdit;
use super::widgets::FieldErrors;
use crate::clock::today;
use crate::components::leave_guard::guard_form;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    validate, ChurnReason, ChurnRecord, Customer, Field, LifecycleStage, PreventionAction,
};
use crate::customers::labels::{problem_text, Labelled};
use crate::customers::state::use_customers;
use crate::editing::merge::Whole;
use crate::editing::panels::{ChangedElsewhere, ConflictChoice};
use crate::editing::{Editor, SavePlan};
use crate::i18n::{CommonMsg, Text};

/// A group of checkboxes over `all`, toggling membership in `chosen`.
fn checkboxes<T: Labelled + PartialEq + Send + Sync + 'static>(
    all: &'static [T],
    key: fn(T) -> &'static str,
    chosen: RwSignal<Vec<T>>,
    prefix: &'static str,
) -> impl IntoView {
    let lang = use_lang();
    all.iter()
        .map(|&v| {
            let toggle = move |_| {
                chosen.update(|c| {
                    if let Some(i) = c.iter().position(|x| *x == v) {
                        c.remove(i);
                    } else {
                        c.push(v);
                    }
                })
            };
            view! {
                <label class="check">
                    <input type="checkbox" data-testid=format!("{prefix}-{}", key(v)) value=key(v)
                        prop:checked=move || chosen.with(|c| c.contains(&v)) on:change=toggle />
                    <span>{move || v.label(lang.get())}</span>
                </label>
            }
        })
        .collect_view()
}

/// The churn form; closes itself (via `open`) after saving or on cancel.
#[component]
pub fn ChurnForm(
    /// The customer being marked.
    customer: Signal<Customer>,
    /// Whether the form is shown; set to false to close it.
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let reasons = RwSignal::new(Vec::<ChurnReason>::new());
    let tried = RwSignal::new(Vec::<PreventionAction>::new());
    let other = RwSignal::new(String::new());
    let notes = RwSignal::new(String::new());
    let date = RwSignal::new(today().to_string());
    let errors = RwSignal::new(Vec::<Result<DetailMsg, crate::customers::domain::Problem>>::new());
    let typed = Signal::derive(move || {
        !reasons.with(Vec::is_empty)
            || !tried.with(Vec::is_empty)
            || !other.with(|t| t.trim().is_empty())
            || !notes.with(|t| t.trim().is_empty())
    });
    guard_form(typed);
    let read = move || ChurnRecord {
        date: parse_date(&date.get()).unwrap_or_else(today),
        reasons: reasons.get(),
        other_reason: other.get().trim().to_owned(),
        prevention_tried: tried.get(),
        notes: notes.get().trim().to_owned(),
    };
    let stored = Memo::new(move |_| Some(Whole(customer.with(|c| c.churn.clone()))));
    let editor: Editor<ChurnEdit> = Editor::new(
        Whole(customer.with_untracked(|c| c.churn.clone())),
        stored.into(),
    );
    // What is typed is the draft the merge compares; an untouched form is no change.
    Effect::new(move |_| {
        let record = typed.get().then(read);
        let draft = match record {
            Some(record) => Whole(Some(record)),
            None => editor.base.get_untracked(),
        };
        editor.draft.set(draft);
    });
    // A record saved in another tab (or kept from it) shows in the inputs.
    Effect::new(move |_| {
        if editor.taken.with(Vec::is_empty) {
            return;
        }
        if let Whole(Some(record)) = editor.draft.get_untracked() {
            reasons.set(record.reasons);
            tried.set(record.prevention_tried);
            other.set(record.other_reason);
            notes.set(record.notes);
            date.set(record.date.to_string());
        }
    });
    let write = move || match editor.plan() {
        SavePlan::Clean(Whole(Some(record))) => {
            let id = customer.with_untracked(|c| c.id);
            state.customers.update(|book| {
                if let Some(c) = book.get_mut(id) {
                    c.set_stage(LifecycleStage::Churned, record.date);
                    c.churn = Some(record);
                    c.updated_at = chrono::Utc::now();
                }
            });
            open.set(false);
        }
        SavePlan::Unchanged | SavePlan::Clean(Whole(None)) => open.set(false),
        SavePlan::Conflicts { .. } | SavePlan::Deleted => {}
    };
    let messages = Signal::derive(move || {
        let lang = lang.get();
        errors
            .get()
            .into_iter()
            .map(|e| match e {
                Ok(m) => m.in_lang(lang).to_owned(),
                Err(p) => problem_text(Field::Churn, p, "", lang),
            })
            .collect::<Vec<_>>()
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut found = Vec::new();
        if reasons.with_untracked(Vec::is_empty) && other.with_untracked(|o| o.trim().is_empty()) {
            found.push(Ok(DetailMsg::ChurnNeedsReason));
        }
        let day = parse_date(&date.get_untracked());
        if day.is_none() {
            found.push(Ok(DetailMsg::DateInvalid));
        }
        let record = day.map(|date| ChurnRecord {
            date,
            reasons: reasons.get_untracked(),
            other_reason: other.get_untracked().trim().to_owned(),
            prevention_tried: tried.get_untracked(),
            notes: notes.get_untracked().trim().to_owned(),
        });
        if let Some(record) = &record {
            let mut candidate = customer.get_untracked();
            candidate.churn = Some(record.clone());
            found.extend(
                validate(&candidate, today())
                    .into_iter()
                    .filter(|i| i.field == Field::Churn)
                    .map(|i| Err(i.problem)),
            );
        }
        match record {
            Some(record) if found.is_empty() => {
                editor.draft.set(Whole(Some(record)));
                write();
            }
            _ => errors.set(found),
        }
    };
    view! {
        <form class="churn-form" data-testid="churn-form" on:submit=save novalidate aria-labelledby="churn-form-heading">
            <h3 id="churn-form-heading">{tr(DetailMsg::ChurnFormHeading)}</h3>
            <ChangedElsewhere editor />
            <ConflictChoice editor on_save=Callback::new(move |()| write()) />
            <fieldset>
                <legend>{tr(DetailMsg::ChurnReasons)}</legend>
                {checkboxes(ChurnReason::ALL, ChurnReason::key, reasons, "churn-reason")}
                <label class="field">
                    <span>{tr(DetailMsg::OtherReason)}</span>
                    <input type="text" data-testid="churn-other" prop:value=move || other.get() on:input=move |ev| other.set(event_target_value(&ev)) />
                </label>
            </fieldset>
            <fieldset>
                <legend>{tr(DetailMsg::PreventionTried)}</legend>
                {checkboxes(PreventionAction::ALL, PreventionAction::key, tried, "churn-prevention")}
            </fieldset>
            <label class="field">
                <span>{tr(DetailMsg::ChurnDate)}</span>
                <input type="date" data-testid="churn-date" max=today().to_string() prop:value=move || date.get() on:input=move |ev| date.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{tr(DetailMsg::ChurnNotes)}</span>
                <textarea rows="2" data-testid="churn-notes" prop:value=move || notes.get() on:input=move |ev| notes.set(event_target_value(&ev))></textarea>
            </label>
            <FieldErrors id="churn-errors".into() messages />
            <div class="actions">
                <button type="submit" class="danger" data-testid="churn-save">{tr(DetailMsg::ConfirmChurn)}</button>
                <button type="button" class="ghost" data-testid="churn-cancel" on:click=move |_| open.set(false)>{tr(CommonMsg::Cancel)}</button>
            </div>
        </form>
    }
}
