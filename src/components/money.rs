//! Money on screen: a figure over several purchases with what it left out ("2 purchases
//! in USD not counted: no rate") and a link to the rates in Settings.

use std::collections::BTreeMap;

use leptos::prelude::*;
use leptos_router::components::A;

use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Msg, Text};
use crate::paths;
use crate::working::WorkingMsg;

/// Says, per currency, how many amounts a figure left out for want of a rate, and links
/// to Settings where the rate is entered; nothing when every amount was counted.
#[component]
pub fn NotCounted(
    /// Per currency code, how many amounts were left out.
    #[prop(into)]
    not_counted: Signal<BTreeMap<String, usize>>,
) -> impl IntoView {
    let lang = use_lang();
    let lines = move || {
        let lang = lang.get();
        not_counted.with(|left_out| {
            left_out
                .iter()
                .map(|(currency, &n)| {
                    let msg = if n == 1 {
                        WorkingMsg::NotCountedOne
                    } else {
                        WorkingMsg::NotCounted
                    };
                    view! { <li>{fill(msg.in_lang(lang), &[&n.to_string(), currency])}</li> }
                })
                .collect_view()
        })
    };
    view! {
        <Show when=move || not_counted.with(|n| !n.is_empty())>
            <div class="not-counted" data-testid="not-counted" role="note">
                <ul class="plain">{lines}</ul>
                <A href=paths::app_path(paths::SETTINGS) attr:data-testid="not-counted-settings">{tr(Msg::EnterRates)}</A>
            </div>
        </Show>
    }
}
