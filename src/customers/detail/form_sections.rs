//! The first two groups of the customer form: identity and classification.

use leptos::prelude::*;

use super::form_fields::Binding;
use super::input::parse_tags;
use super::messages::DetailMsg;
use super::widgets::{choice, Choice, NoteLength};
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    Customer, CustomerKind, Field, Issue, Motive, ValueClass, MAX_NOTE_CHARS,
};
use crate::customers::labels::Labelled;
use crate::i18n::{Lang, Text};

/// "Not set" / "Follow the suggestion" as a choice with an empty key.
pub fn none_choice(msg: DetailMsg) -> Choice {
    ("", [msg.in_lang(Lang::En), msg.in_lang(Lang::Zh)])
}

/// Name, type, company, contacts, owner, tags and notes.
#[component]
pub fn IdentityFields(
    /// The draft being edited.
    draft: RwSignal<Customer>,
    /// Every problem of the draft.
    issues: Signal<Vec<Issue>>,
    /// Whether problems are shown yet (after the first Save).
    shown: Signal<bool>,
    /// The tags as typed, kept apart so a trailing comma is not swallowed.
    tags_text: RwSignal<String>,
) -> impl IntoView {
    let lang = use_lang();
    let b = Binding {
        draft,
        issues,
        shown,
    };
    let kinds = CustomerKind::ALL
        .iter()
        .map(|&k| choice(k, k.key()))
        .collect();
    view! {
        <fieldset class="card">
            <legend>{tr(DetailMsg::IdentityHeading)}</legend>
            {b.text(Field::Name, "text", |c| c.name.clone(), |c, v| c.name = v)}
            {b.select(Field::Kind, kinds, |c| c.kind.key(), |c, v| c.kind = CustomerKind::from_key(v).unwrap_or(c.kind))}
            {b.text(Field::Company, "text", |c| c.company.clone(), |c, v| c.company = v)}
            {b.text(Field::Phone, "tel", |c| c.phone.clone(), |c, v| c.phone = v)}
            {b.text(Field::Email, "email", |c| c.email.clone(), |c, v| c.email = v)}
            {b.text(Field::Address, "text", |c| c.address.clone(), |c, v| c.address = v)}
            {b.text(Field::Owner, "text", |c| c.owner.clone(), |c, v| c.owner = v)}
            <div class="field">
                <label for="customer-tags">{move || Field::Tags.label(lang.get())}</label>
                <input type="text" id="customer-tags" data-testid="field-tags" aria-describedby="customer-tags-hint"
                    prop:value=move || tags_text.get()
                    on:input=move |ev| {
                        let text = event_target_value(&ev);
                        draft.update(|c| c.tags = parse_tags(&text));
                        tags_text.set(text);
                    } />
                <small id="customer-tags-hint" class="muted">{tr(DetailMsg::TagsHint)}</small>
            </div>
            <div class="field">
                <label for="customer-notes">{move || Field::Notes.label(lang.get())}</label>
                <textarea id="customer-notes" rows="3" data-testid="field-notes" prop:value=move || draft.with(|c| c.notes.clone())
                    maxlength=MAX_NOTE_CHARS
                    on:input=move |ev| draft.update(|c| c.notes = event_target_value(&ev))></textarea>
                <NoteLength text=Signal::derive(move || draft.with(|c| c.notes.chars().count())) />
            </div>
        </fieldset>
    }
}

/// Value class (or follow ABC), motive and internal/external.
#[component]
pub fn ClassificationFields(
    /// The draft being edited.
    draft: RwSignal<Customer>,
    /// Every problem of the draft.
    issues: Signal<Vec<Issue>>,
    /// Whether problems are shown yet.
    shown: Signal<bool>,
) -> impl IntoView {
    let lang = use_lang();
    let b = Binding {
        draft,
        issues,
        shown,
    };
    let mut classes = vec![none_choice(DetailMsg::FollowSuggestionOption)];
    classes.extend(ValueClass::ALL.iter().map(|&v| choice(v, v.key())));
    let mut motives = vec![none_choice(DetailMsg::NotSet)];
    motives.extend(Motive::ALL.iter().map(|&m| choice(m, m.key())));
    view! {
        <fieldset class="card">
            <legend>{tr(DetailMsg::ClassificationHeading)}</legend>
            {b.select(Field::ValueClass, classes, |c| c.value_class.map_or("", ValueClass::key), |c, v| c.value_class = ValueClass::from_key(v))}
            {b.select(Field::Motive, motives, |c| c.motive.map_or("", Motive::key), |c, v| c.motive = Motive::from_key(v))}
            <label class="check">
                <input type="checkbox" data-testid="field-internal" prop:checked=move || draft.with(|c| c.internal)
                    on:change=move |ev| draft.update(|c| c.internal = event_target_checked(&ev)) />
                <span>{move || Field::Internal.label(lang.get())}</span>
            </label>
        </fieldset>
    }
}
