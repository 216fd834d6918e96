//! The kiosk (`/surveys/:id/respond`): answering on this device. Each response is saved
//! when submitted, optionally linked to a customer; "next respondent" starts clean.

use leptos::prelude::*;
use leptos_router::components::A;

use super::customer_picker::CustomerPicker;
use super::domain::{Answers, Response, Survey, SurveyStatus};
use super::form::{checked_answers, recheck_when_refused, LanguageSwitch, SurveyForm};
use super::messages::SurveyMsg;
use super::state::use_surveys;
use super::view::{use_survey_in_url, SurveyNotFound};
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::paths;

/// The kiosk page.
#[component]
pub fn KioskPage() -> impl IntoView {
    let survey = use_survey_in_url();
    view! {
        <section class="page respond-page" data-testid="page-survey-respond">
            {move || match survey.get() {
                Some(s) => view! { <Kiosk survey=s /> }.into_any(),
                None => view! { <SurveyNotFound /> }.into_any(),
            }}
        </section>
    }
}

#[component]
fn Kiosk(survey: Survey) -> impl IntoView {
    let surveys = use_surveys();
    let ui = use_lang();
    let first = if survey.languages.contains(&ui.get_untracked()) {
        ui.get_untracked()
    } else {
        survey.languages.first().copied().unwrap_or_default()
    };
    let lang = RwSignal::new(first);
    let answers = RwSignal::new(Answers::new());
    let customer = RwSignal::new(None::<u64>);
    let problems = RwSignal::new(Vec::<String>::new());
    let done = RwSignal::new(false);
    let round = RwSignal::new(0u32);
    let stored = StoredValue::new(survey.clone());
    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let checked = stored
            .with_value(|s| answers.with_untracked(|a| checked_answers(s, a, ui.get_untracked())));
        match checked {
            Ok(kept) => {
                let (survey_id, version) = stored.with_value(|s| (s.id, s.version));
                let customer_id = customer.get_untracked();
                surveys.book.update(|b| {
                    b.record(Response {
                        survey_id,
                        survey_version: version,
                        customer_id,
                        touchpoint: Some("kiosk".to_owned()),
                        submitted: today(),
                        answers: kept,
                        ..Response::default()
                    });
                });
                problems.set(Vec::new());
                done.set(true);
            }
            Err(list) => problems.set(list),
        }
    };
    recheck_when_refused(stored, answers, problems, ui);
    let next = move |_| {
        answers.set(Answers::new());
        customer.set(None);
        problems.set(Vec::new());
        done.set(false);
        round.update(|r| *r += 1);
    };
    let name = survey.name.clone();
    let closed = survey.status == SurveyStatus::Closed;
    let id = survey.id;
    let languages = StoredValue::new(survey.languages.clone());
    view! {
        <header class="customer-header">
            <h1 data-testid="respond-title">{move || name.in_lang(lang.get()).to_owned()}</h1>
            <A href=paths::survey_results(id) attr:class="button ghost">{tr(SurveyMsg::Results)}</A>
        </header>
        {(!survey.intro.is_blank()).then(|| { let intro = survey.intro.clone(); view! { <p class="explain">{move || intro.in_lang(lang.get()).to_owned()}</p> } })}
        <Show when=move || !closed fallback=|| view! { <p class="banner warning" data-testid="survey-closed">{tr(SurveyMsg::SurveyClosed)}</p> }>
        <Show when=move || !done.get() fallback=move || view! {
            <div class="banner success" role="status" data-testid="respond-thanks">
                <p>{tr(SurveyMsg::Saved)}</p>
                <button type="button" data-testid="respond-next" on:click=next>{tr(SurveyMsg::NextRespondent)}</button>
            </div>
        }>
            <form class="card" on:submit=submit novalidate data-testid="kiosk-form">
                <LanguageSwitch languages=languages.get_value() lang />
                <CustomerPicker chosen=customer label=SurveyMsg::LinkCustomer nobody=SurveyMsg::NoCustomer testid="respond" />
                {move || { round.get(); view! { <SurveyForm survey=stored.get_value() lang=lang.into() answers /> } }}
                <Show when=move || !problems.with(Vec::is_empty)>
                    <div class="banner error" role="alert" data-error-summary data-testid="respond-problems">
                        <p>{tr(SurveyMsg::CannotSubmit)}</p>
                        <ul>{move || problems.get().into_iter().map(|p| view! { <li>{p}</li> }).collect_view()}</ul>
                    </div>
                </Show>
                <div class="actions"><button type="submit" data-testid="respond-submit">{tr(SurveyMsg::Submit)}</button></div>
            </form>
        </Show>
        </Show>
    }
}
