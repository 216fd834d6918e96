//! The survey's link as a QR code, and a personal link for one customer: the link carries
//! an opaque random token (never the customer's name or contacts); only this device's
//! survey book knows whose it is, so the response code that comes back is linked to them.

use leptos::prelude::*;

use super::customer_picker::CustomerPicker;
use super::domain::TokenLink;
use super::messages::SurveyMsg;
use super::qr::QrImage;
use super::state::use_surveys;
use super::view::{copy_to_clipboard, share_url};
use crate::components::text::{tr, use_lang};
use crate::customers::state::{use_customers, CustomersState};
use crate::i18n::{fill, Lang, Text};

/// 64 random bits from the browser's cryptographic source (a token must not be guessable
/// from the ones made before it).
fn random_bits() -> u64 {
    let mut bytes = [0u8; 8];
    let filled = window()
        .crypto()
        .ok()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        // No Web Crypto (very old browsers): Math.random, still never the customer's data.
        let half = || (js_sys::Math::random() * f64::from(u32::MAX)) as u64;
        return (half() << 32) | half();
    }
    u64::from_le_bytes(bytes)
}

/// The share link's QR code, and the personal link of a chosen customer with its QR code.
#[component]
pub fn PersonalLinkBox(
    /// The survey's id.
    id: u64,
) -> impl IntoView {
    let surveys = use_surveys();
    let customers = use_customers();
    let lang = use_lang();
    // The customer chosen in the list, and the one whose link is shown (after "Make").
    let chosen = RwSignal::new(None::<u64>);
    let shown = RwSignal::new(None::<(u64, u64)>);
    let copied = RwSignal::new(false);
    let names = customers.names_by_name();
    let link = Memo::new(move |_| {
        let token = shown.get().map(|(_, token)| token);
        surveys
            .book
            .with(|b| b.survey(id).map(|s| share_url(s, token)))
            .unwrap_or_default()
    });
    let make = move |_| {
        let Some(customer) = chosen.get_untracked() else {
            return;
        };
        let mut token = 0;
        surveys
            .book
            .update(|b| token = b.personal_token(id, customer, random_bits()));
        shown.set(Some((customer, token)));
        copied.set(false);
    };
    let whose = move || {
        let lang = lang.get();
        match shown.get() {
            Some((customer, _)) => {
                let name = names.with(|n| {
                    n.iter()
                        .find(|(id, _)| *id == customer)
                        .map(|(_, name)| name.clone())
                        .unwrap_or_else(|| customer.to_string())
                });
                fill(SurveyMsg::PersonalFor.in_lang(lang), &[&name])
            }
            None => SurveyMsg::GeneralLink.in_lang(lang).to_owned(),
        }
    };
    let qr_label = Signal::derive(whose);
    view! {
        <div class="card" data-testid="personal-link-box">
            <h2>{tr(SurveyMsg::PersonalTitle)}</h2>
            <p>{tr(SurveyMsg::PersonalExplain)}</p>
            <CustomerPicker chosen label=SurveyMsg::ColCustomer nobody=SurveyMsg::ChooseCustomer testid="personal">
                <button type="button" data-testid="personal-make" disabled=move || chosen.get().is_none() on:click=make>{tr(SurveyMsg::PersonalMake)}</button>
            </CustomerPicker>
            <h3 data-testid="personal-whose">{whose}</h3>
            <textarea readonly rows="3" class="response-code" data-testid="personal-link" aria-label=qr_label prop:value=move || link.get()></textarea>
            <div class="actions">
                <button type="button" data-testid="personal-copy" on:click=move |_| { copy_to_clipboard(&link.get_untracked()); copied.set(true); }>{tr(SurveyMsg::Copy)}</button>
                <Show when=move || copied.get()><span class="success-text" role="status">{tr(SurveyMsg::Copied)}</span></Show>
            </div>
            <div class="qr-box">
                <QrImage text=link label=Signal::derive(move || fill(SurveyMsg::QrOf.in_lang(lang.get()), &[&whose()])) too_long=Signal::derive(move || SurveyMsg::QrTooLong.in_lang(lang.get()).to_owned()) testid="personal-qr" />
            </div>
        </div>
    }
}

/// What pasting a code from a personal link did, in the report under the paste box.
pub fn token_line(link: TokenLink, short: &str, lang: Lang, customers: CustomersState) -> String {
    match link {
        TokenLink::Customer(id) => {
            let name = customers
                .customers
                .with_untracked(|b| b.get(id).map(|c| c.name.clone()))
                .unwrap_or_else(|| id.to_string());
            fill(SurveyMsg::CodeTakenLinked.in_lang(lang), &[short, &name])
        }
        _ => fill(SurveyMsg::CodeTakenUnknownToken.in_lang(lang), &[short]),
    }
}
