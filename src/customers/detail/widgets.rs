//! Small pieces the customer page and forms share: labelled options and the
//! current customer as a signal.

use leptos::prelude::*;

use super::messages::DetailMsg;
use crate::components::text::use_lang;
use crate::customers::domain::{Customer, MAX_NOTE_CHARS};
use crate::customers::labels::Labelled;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Lang, Text};

/// An option of a `<select>`: its key and its label in English and Chinese.
pub type Choice = (&'static str, [&'static str; 2]);

/// The option for a labelled domain value.
pub fn choice<T: Labelled>(value: T, key: &'static str) -> Choice {
    (key, [value.label(Lang::En), value.label(Lang::Zh)])
}

/// The label of `choice` in `lang`.
pub fn choice_label(choice: &Choice, lang: Lang) -> &'static str {
    match lang {
        Lang::En => choice.1[0],
        Lang::Zh => choice.1[1],
    }
}

/// One customer from the book as a signal; a placeholder while the id is unknown, so
/// children never panic during a route change.
pub fn customer_signal(id: Signal<Option<u64>>) -> Signal<Customer> {
    let state = use_customers();
    let found = Memo::new(move |_| {
        let id = id.get()?;
        state.customers.with(|book| book.get(id).cloned())
    });
    Signal::derive(move || {
        found
            .get()
            .unwrap_or_else(|| Customer::new(0, "", Default::default()))
    })
}

/// Problems shown under a field, in the user's language.
#[component]
pub fn FieldErrors(
    /// The element id other controls point to with `aria-describedby`.
    id: String,
    /// The messages to show; nothing is rendered when empty.
    #[prop(into)]
    messages: Signal<Vec<String>>,
) -> impl IntoView {
    view! {
        <Show when=move || messages.with(|m| !m.is_empty())>
            <div id=id.clone() role="alert" data-error-summary>
                <ul class="field-errors">
                    {move || messages.get().into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}
                </ul>
            </div>
        </Show>
    }
}

/// How much of a note's limit is used ("1,204 of 5,000 characters"), read out politely
/// only once the note nears the limit.
#[component]
pub fn NoteLength(text: Signal<usize>) -> impl IntoView {
    let lang = use_lang();
    let near = move || text.get() * 10 >= MAX_NOTE_CHARS * 9;
    let label = move || {
        fill(
            DetailMsg::NoteLength.in_lang(lang.get()),
            &[&text.get().to_string(), &MAX_NOTE_CHARS.to_string()],
        )
    };
    view! {
        <span class="note-length" class:near=near aria-live=move || if near() { "polite" } else { "off" }
            data-testid="note-length">{label}</span>
    }
}
