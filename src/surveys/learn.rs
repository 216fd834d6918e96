//! The Learn cards of section 2 worked out on the stored results: NPS with its interval,
//! SERVQUAL gaps, and the satisfaction index P ÷ E, each with the working. Learn mounts
//! [`SurveyLessons`]; the cards use the Learn page's card layout (`.lesson`).

use leptos::prelude::*;
use leptos_router::components::A;

use super::dashboard::latest_nps;
use super::domain::{satisfaction_index, servqual, DualColumns, QuestionKind, SurveyBook};
use super::messages::SurveyMsg;
use super::state::use_surveys;
use super::view::{band_msg, num};
use crate::components::lesson::lesson_card;
use crate::components::text::use_lang;
use crate::components::working::ShowWorking;
use crate::i18n::{fill, Lang, Text};
use crate::paths;

fn card(
    id: &'static str,
    title: SurveyMsg,
    body: SurveyMsg,
    lang: Lang,
    figures: AnyView,
) -> impl IntoView {
    lesson_card(
        id,
        title,
        body,
        SurveyMsg::InYourResults.in_lang(lang),
        lang,
        figures,
    )
}

fn none(lang: Lang) -> AnyView {
    view! { <p>{SurveyMsg::NoResultsYet.in_lang(lang)}" "<A href=paths::surveys()>{SurveyMsg::ListTitle.in_lang(lang)}</A></p> }.into_any()
}

fn servqual_of(book: &SurveyBook) -> Option<(u64, super::domain::Servqual)> {
    book.surveys
        .iter()
        .find_map(|s| Some((s.id, servqual(s, &book.responses).ok()?)))
}

fn index_of(book: &SurveyBook) -> Option<(u64, super::domain::SatisfactionIndex)> {
    book.surveys.iter().find_map(|s| {
        s.questions()
            .filter(|q| {
                matches!(
                    q.kind,
                    QuestionKind::DualMatrix {
                        columns: DualColumns::ExpectationPerception,
                        ..
                    }
                )
            })
            .find_map(|q| satisfaction_index(s, &book.responses, &q.code).ok())
            .map(|si| (s.id, si))
    })
}

/// The survey lessons (NPS, SERVQUAL, satisfaction index), one card each.
#[component]
pub fn SurveyLessons() -> impl IntoView {
    let surveys = use_surveys();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        surveys.book.with(|book| {
            let nps_view = latest_nps(book).map_or_else(|| none(lang), |(id, n)| view! {
                <p data-testid="learn-nps">{fill(SurveyMsg::NpsHeadline.in_lang(lang), &[&num(n.score, 1), &num(n.interval.low, 1), &num(n.interval.high, 1), &n.n.to_string()])}</p>
                <ShowWorking working=n.working() />
                <p><A href=paths::survey_results(id)>{SurveyMsg::Results.in_lang(lang)}</A></p>
            }.into_any());
            let servqual_view = servqual_of(book).map_or_else(|| none(lang), |(id, q)| {
                let weighted = q.weighted.as_ref().map_or_else(|_| "–".to_owned(), |w| num(w.score, 2));
                view! {
                    <p data-testid="learn-servqual">{fill(SurveyMsg::ServqualHeadline.in_lang(lang), &[&num(q.unweighted, 2), &weighted])}</p>
                    <ShowWorking working=q.working() />
                    <p><A href=paths::survey_results(id)>{SurveyMsg::Results.in_lang(lang)}</A></p>
                }.into_any()
            });
            let index_view = index_of(book).map_or_else(|| none(lang), |(id, si)| view! {
                <p data-testid="learn-index">{fill(SurveyMsg::IndexHeadline.in_lang(lang), &[&num(si.overall, 3), band_msg(si.band).in_lang(lang)])}</p>
                <ShowWorking working=si.working() />
                <p><A href=paths::survey_results(id)>{SurveyMsg::Results.in_lang(lang)}</A></p>
            }.into_any());
            view! {
                {card("nps", SurveyMsg::LessonNpsTitle, SurveyMsg::LessonNpsBody, lang, nps_view)}
                {card("servqual", SurveyMsg::LessonServqualTitle, SurveyMsg::LessonServqualBody, lang, servqual_view)}
                {card("satisfaction-index", SurveyMsg::LessonIndexTitle, SurveyMsg::LessonIndexBody, lang, index_view)}
            }
        })
    }
}
