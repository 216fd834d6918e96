//! "Show the working": a figure's working, folded away until asked for, in the user's
//! language. The one way every section shows how a figure was computed.

use leptos::prelude::*;

use crate::components::text::{tr, use_lang};
use crate::i18n::CommonMsg;
use crate::working::Working;

/// A figure's working, one step per line, under a "Show the working" summary.
#[component]
pub fn ShowWorking(
    /// The working, as the domain computed it.
    #[prop(into)]
    working: Signal<Working>,
    /// A hook for tests.
    #[prop(optional)]
    testid: Option<&'static str>,
) -> impl IntoView {
    let lang = use_lang();
    view! {
        <details class="working" data-testid=testid>
            <summary>{tr(CommonMsg::ShowWorking)}</summary>
            <pre>{move || working.with(|w| w.text(lang.get()))}</pre>
        </details>
    }
}
