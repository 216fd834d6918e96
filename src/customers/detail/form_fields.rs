//! Labelled inputs bound to one field of a customer draft, with that field's problems
//! shown beside it in the user's language.

use leptos::prelude::*;

use super::widgets::{choice_label, Choice, FieldErrors};
use crate::components::text::use_lang;
use crate::customers::domain::{Customer, Field, Issue};
use crate::customers::labels::{problem_text, Labelled};

/// The problems of `field` as sentences (empty until `shown`).
pub fn field_messages(
    draft: RwSignal<Customer>,
    issues: Signal<Vec<Issue>>,
    shown: Signal<bool>,
    field: Field,
    value: fn(&Customer) -> String,
) -> Signal<Vec<String>> {
    let lang = use_lang();
    Signal::derive(move || {
        if !shown.get() {
            return Vec::new();
        }
        let value = draft.with(value);
        issues.with(|all| {
            all.iter()
                .filter(|i| i.field == field)
                .map(|i| problem_text(field, i.problem, &value, lang.get()))
                .collect()
        })
    })
}

/// What every bound input needs: the draft, its problems and whether to show them.
#[derive(Clone, Copy)]
pub struct Binding {
    pub draft: RwSignal<Customer>,
    pub issues: Signal<Vec<Issue>>,
    pub shown: Signal<bool>,
}

impl Binding {
    /// A text-like input (`kind` is the input type) for `field`.
    pub fn text(
        self,
        field: Field,
        kind: &'static str,
        get: fn(&Customer) -> String,
        set: fn(&mut Customer, String),
    ) -> impl IntoView {
        let lang = use_lang();
        let id = format!("customer-{}", field.key());
        let errors_id = format!("{id}-errors");
        let messages = field_messages(self.draft, self.issues, self.shown, field, get);
        let invalid = move || (!messages.with(Vec::is_empty)).then_some("true");
        let draft = self.draft;
        let required = field.is_required();
        view! {
            <div class="field">
                <label for=id.clone()>
                    {move || field.label(lang.get())}
                    // The star is for the eye; `aria-required` says it to a screen reader.
                    {required.then(|| view! { <span class="required-mark" aria-hidden="true">" *"</span> })}
                </label>
                <input type=kind id=id.clone() name=field.key() data-testid=format!("field-{}", field.key())
                    aria-required=required.then_some("true") aria-invalid=invalid aria-describedby=errors_id.clone()
                    prop:value=move || draft.with(get) on:input=move |ev| draft.update(|c| set(c, event_target_value(&ev))) />
                <FieldErrors id=errors_id messages />
            </div>
        }
    }

    /// A `<select>` over `choices` for `field`; `get` gives the current key.
    pub fn select(
        self,
        field: Field,
        choices: Vec<Choice>,
        get: fn(&Customer) -> &'static str,
        set: fn(&mut Customer, &str),
    ) -> impl IntoView {
        let lang = use_lang();
        let id = format!("customer-{}", field.key());
        let draft = self.draft;
        let options = choices.into_iter().map(move |choice| {
            let key = choice.0;
            view! { <option value=key prop:selected=move || draft.with(get) == key>{move || choice_label(&choice, lang.get())}</option> }
        });
        view! {
            <div class="field">
                <label for=id.clone()>{move || field.label(lang.get())}</label>
                <select id=id name=field.key() data-testid=format!("field-{}", field.key())
                    on:change=move |ev| draft.update(|c| set(c, &event_target_value(&ev)))>
                    {options.collect_view()}
                </select>
            </div>
        }
    }
}
