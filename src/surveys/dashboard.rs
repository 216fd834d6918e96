//! What the dashboard shows of Surveys: the latest NPS with its 95% interval, and the
//! follow-ups still open (a detractor or an index below 1 with no contact since).
//! The dashboard mounts [`SurveyFigures`]; this section owns how they are computed.

use leptos::prelude::*;
use leptos_router::components::A;

use super::card::responses_of;
use super::domain::{nps, QuestionKind, SurveyBook};
use super::messages::SurveyMsg;
use super::state::use_surveys;
use super::view::num;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};
use crate::paths;

/// The survey with an NPS question whose latest response is newest, and its NPS.
pub fn latest_nps(book: &SurveyBook) -> Option<(u64, super::domain::Nps)> {
    book.surveys
        .iter()
        .filter_map(|s| {
            let q = s.questions().find(|q| q.kind == QuestionKind::Nps)?;
            let last = book.last_response(s.id)?;
            let score = nps(s, &book.responses, &q.code).ok()?;
            Some((last, s.id, score))
        })
        .max_by_key(|(last, id, _)| (*last, *id))
        .map(|(_, id, score)| (id, score))
}

/// The latest NPS (with its interval and working) and the open follow-ups, as dashboard
/// cards; nothing when no survey has responses.
#[component]
pub fn SurveyFigures() -> impl IntoView {
    let surveys = use_surveys();
    let customers = use_customers();
    let lang = use_lang();
    let latest = Memo::new(move |_| surveys.book.with(latest_nps));
    let follow_ups = Memo::new(move |_| {
        surveys.book.with(|b| {
            customers.customers.with(|cs| {
                cs.customers
                    .iter()
                    .filter(|c| {
                        responses_of(b, c.id)
                            .iter()
                            .find(|r| r.needs_follow_up())
                            .is_some_and(|r| !c.contacted_since(r.date))
                    })
                    .count()
            })
        })
    });
    view! {
        <Show when=move || latest.with(Option::is_some)>
            <section class="card" aria-labelledby="dashboard-surveys">
                <h2 id="dashboard-surveys"><A href=paths::surveys()>{tr(SurveyMsg::ListTitle)}</A></h2>
                <ul class="card-grid dashboard-figures">
                    <li class="card" data-testid="dashboard-nps">
                        {move || latest.get().map(|(id, n)| view! {
                            <h3><A href=paths::survey_results(id)>{tr(SurveyMsg::LatestNpsHeading)}</A></h3>
                            <p class="figure">{num(n.score, 1)}</p>
                            <p>{fill(SurveyMsg::CiLine.in_lang(lang.get()), &[&num(n.interval.low, 1), &num(n.interval.high, 1), &n.n.to_string()])}</p>
                            <ShowWorking working=n.working() />
                        })}
                    </li>
                    <li class="card" data-testid="dashboard-follow-ups">
                        <h3>{tr(SurveyMsg::OpenFollowUps)}</h3>
                        <p class="figure">{move || follow_ups.get()}</p>
                    </li>
                </ul>
            </section>
        </Show>
    }
}
