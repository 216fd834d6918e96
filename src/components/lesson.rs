//! A Learn card, the one layout every section's lessons share: the concept's title in
//! the interface language with its term in the other language beside it, the
//! explanation, then what the user's own data shows.

use leptos::prelude::*;

use crate::i18n::{Lang, Text};

/// A lesson card (`data-testid="lesson-{id}"`); `in_your_data` heads the figures.
pub fn lesson_card<M: Text>(
    id: &'static str,
    title: M,
    body: M,
    in_your_data: &'static str,
    lang: Lang,
    figures: impl IntoView,
) -> impl IntoView {
    let (other, other_lang) = match lang {
        Lang::En => (title.zh(), "zh-CN"),
        Lang::Zh => (title.en(), "en"),
    };
    view! {
        <article class="card lesson" data-testid=format!("lesson-{id}")>
            <h2>{title.in_lang(lang)}<span class="other-lang" lang=other_lang>{other}</span></h2>
            <p>{body.in_lang(lang)}</p>
            <h3 class="in-your-data">{in_your_data}</h3>
            {figures}
        </article>
    }
}
