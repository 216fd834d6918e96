//! Reactive access to translated text for views.

use leptos::prelude::*;

use crate::i18n::{Lang, Text};
use crate::state::UiLang;

/// The current interface language (the [`UiLang`] context).
pub fn use_lang() -> Memo<Lang> {
    expect_context::<UiLang>().0
}

/// A message as reactive text: `{tr(Msg::NavCustomers)}` re-renders when the language
/// changes. Works for attributes too: `aria-label=tr(Msg::OpenMenu)`.
pub fn tr<M: Text + Send + Sync + 'static>(
    msg: M,
) -> impl Fn() -> &'static str + Clone + Send + Sync + 'static {
    let lang = use_lang();
    move || msg.in_lang(lang.get())
}
