//! A share link's page (`/respond#s1.…`): the survey travels in the URL fragment, which
//! never reaches any server. The respondent answers in their language and gets a response
//! code to send back, as text and as a QR code; this browser keeps nothing. A damaged link gets a clear page.

use leptos::prelude::*;

use super::domain::{decode_link, encode_response_code, Answers, Survey};
use super::form::{checked_answers, recheck_when_refused, LanguageSwitch, SurveyForm};
use super::messages::SurveyMsg;
use super::qr::QrImage;
use super::view::{code_error_msg, copy_to_clipboard, link_error_msg};
use crate::components::text::{tr, use_lang};
use crate::i18n::Text;

/// The page a share link opens.
#[component]
pub fn SharedRespondPage() -> impl IntoView {
    let hash = window().location().hash().unwrap_or_default();
    let opened = decode_link(&hash).and_then(|inv| Ok((inv.survey()?, inv.token)));
    view! {
        <section class="page respond-page" data-testid="page-shared-respond">
            {match opened {
                Ok((survey, token)) => view! { <Shared survey token /> }.into_any(),
                Err(error) => view! {
                    <div class="card" data-testid="link-error">
                        <h1>{tr(SurveyMsg::LinkErrorTitle)}</h1>
                        <p>{tr(link_error_msg(error))}</p>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Shared(survey: Survey, token: Option<u64>) -> impl IntoView {
    let ui = use_lang();
    let first = if survey.languages.contains(&ui.get_untracked()) {
        ui.get_untracked()
    } else {
        survey.languages.first().copied().unwrap_or_default()
    };
    let lang = RwSignal::new(first);
    let answers = RwSignal::new(Answers::new());
    let problems = RwSignal::new(Vec::<String>::new());
    let code = RwSignal::new(None::<String>);
    let copied = RwSignal::new(false);
    let stored = StoredValue::new(survey.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = stored
            .with_value(|s| answers.with_untracked(|a| checked_answers(s, a, ui.get_untracked())));
        match checked {
            Ok(kept) => match stored.with_value(|s| encode_response_code(s, &kept, token)) {
                Ok(c) => {
                    problems.set(Vec::new());
                    code.set(Some(c));
                }
                Err(e) => problems.set(vec![code_error_msg(&e)
                    .in_lang(ui.get_untracked())
                    .to_owned()]),
            },
            Err(list) => problems.set(list),
        }
    };
    recheck_when_refused(stored, answers, problems, ui);
    let name = survey.name.clone();
    let languages = survey.languages.clone();
    view! {
        <h1 data-testid="respond-title">{move || name.in_lang(lang.get()).to_owned()}</h1>
        <Show when=move || code.with(Option::is_none) fallback=move || view! {
            <div class="card" data-testid="response-code-box">
                <h2>{tr(SurveyMsg::YourCode)}</h2>
                <p>{tr(SurveyMsg::YourCodeExplain)}</p>
                <textarea readonly rows="3" class="response-code" data-testid="response-code" aria-label=tr(SurveyMsg::YourCode) prop:value=move || code.get().unwrap_or_default()></textarea>
                <div class="qr-box">
                    <QrImage text=Signal::derive(move || code.get().unwrap_or_default()) label=Signal::derive(move || SurveyMsg::CodeQr.in_lang(ui.get()).to_owned()) too_long=Signal::derive(move || SurveyMsg::QrTooLong.in_lang(ui.get()).to_owned()) testid="response-code-qr" />
                </div>
                <div class="actions">
                    <button type="button" data-testid="copy-code" on:click=move |_| { copy_to_clipboard(&code.get_untracked().unwrap_or_default()); copied.set(true); }>{tr(SurveyMsg::Copy)}</button>
                    <Show when=move || copied.get()><span class="success-text" role="status">{tr(SurveyMsg::Copied)}</span></Show>
                </div>
            </div>
        }>
            <form class="card" on:submit=submit novalidate data-testid="shared-form">
                <LanguageSwitch languages=languages.clone() lang />
                <SurveyForm survey=stored.get_value() lang=lang.into() answers />
                <Show when=move || !problems.with(Vec::is_empty)>
                    <div class="banner error" role="alert" data-error-summary data-testid="respond-problems">
                        <p>{tr(SurveyMsg::CannotSubmit)}</p>
                        <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                </Show>
                <div class="actions"><button type="submit" data-testid="respond-submit">{tr(SurveyMsg::Submit)}</button></div>
            </form>
        </Show>
    }
}
