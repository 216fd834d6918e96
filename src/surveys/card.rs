//! The Surveys card on a customer's page: their responses, their latest NPS category and
//! satisfaction index, a detractor (0–6) or an index below 1 flagged until a contact is
//! recorded on their timeline after it.

use leptos::prelude::*;
use leptos_router::components::A;

use super::domain::trend::response_scores;
use super::domain::{NpsCategory, SatisfactionBand};
use super::messages::SurveyMsg;
use super::state::use_surveys;
use super::view::{band_msg, num};
use crate::components::text::{tr, use_lang};
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};
use crate::paths;

/// One of a customer's responses, as the card and the follow-ups show it.
#[derive(Clone, Debug, PartialEq)]
pub struct CustomerResponse {
    pub survey_id: u64,
    pub survey_name: crate::surveys::domain::Bilingual,
    pub date: chrono::NaiveDate,
    pub nps: Option<u8>,
    pub index: Option<f64>,
}

impl CustomerResponse {
    /// A detractor or an index below 1: someone should get in touch.
    pub fn needs_follow_up(&self) -> bool {
        self.nps
            .is_some_and(|v| NpsCategory::of(v) == NpsCategory::Detractor)
            || self
                .index
                .is_some_and(|i| SatisfactionBand::of(i) == SatisfactionBand::Dissatisfied)
    }
}

/// The responses linked to `customer_id`, newest first.
pub fn responses_of(book: &super::domain::SurveyBook, customer_id: u64) -> Vec<CustomerResponse> {
    let mut list: Vec<CustomerResponse> = book
        .responses
        .iter()
        .filter(|r| r.customer_id == Some(customer_id))
        .filter_map(|r| {
            let s = book.survey(r.survey_id)?;
            let (nps, index) = response_scores(s, r);
            Some(CustomerResponse {
                survey_id: s.id,
                survey_name: s.name.clone(),
                date: r.submitted,
                nps,
                index,
            })
        })
        .collect();
    list.sort_by_key(|r| std::cmp::Reverse(r.date));
    list
}

/// The survey summary of one customer.
#[component]
pub fn SurveyCard(
    /// The customer shown.
    customer_id: u64,
) -> impl IntoView {
    let surveys = use_surveys();
    let customers = use_customers();
    let lang = use_lang();
    let list = Memo::new(move |_| surveys.book.with(|b| responses_of(b, customer_id)));
    let open_follow_up = Memo::new(move |_| {
        list.with(|l| {
            l.iter()
                .find(|r| r.needs_follow_up())
                .filter(|r| {
                    !customers.customers.with(|b| {
                        b.get(customer_id)
                            .is_some_and(|c| c.contacted_since(r.date))
                    })
                })
                .map(|r| r.date)
        })
    });
    view! {
        <Show when=move || !list.with(Vec::is_empty)>
        <div class="card" data-testid="customer-surveys">
            <h2>{tr(SurveyMsg::CardHeading)}</h2>
            <p data-testid="customer-nps">{move || {
                let lang = lang.get();
                match list.with(|l| l.iter().find_map(|r| r.nps)) {
                    Some(v) => fill(SurveyMsg::LatestNps.in_lang(lang), &[&v.to_string(), category_msg(NpsCategory::of(v)).in_lang(lang)]),
                    None => SurveyMsg::NoNps.in_lang(lang).to_owned(),
                }
            }}</p>
            {move || list.with(|l| l.iter().find_map(|r| r.index)).map(|i| view! {
                <p data-testid="customer-index">{move || fill(SurveyMsg::LatestIndex.in_lang(lang.get()), &[&num(i, 2), band_msg(SatisfactionBand::of(i)).in_lang(lang.get())])}</p>
            })}
            {move || open_follow_up.get().map(|d| view! {
                <p class="badge danger" data-testid="customer-follow-up">{move || fill(SurveyMsg::FollowUpFlag.in_lang(lang.get()), &[&d.to_string()])}</p>
            })}
            <ul class="plain-list">
                {move || list.get().into_iter().take(5).map(|r| {
                    let lang = lang.get();
                    let mut line = format!("{} · {}", r.date, r.survey_name.in_lang(lang));
                    if let Some(v) = r.nps { line.push_str(&format!(" · NPS {v}")); }
                    if let Some(i) = r.index { line.push_str(&format!(" · P/E {}", num(i, 2))); }
                    view! { <li><A href=paths::survey_results(r.survey_id)>{line}</A></li> }
                }).collect_view()}
            </ul>
        </div>
        </Show>
    }
}

pub fn category_msg(c: NpsCategory) -> SurveyMsg {
    match c {
        NpsCategory::Promoter => SurveyMsg::Promoter,
        NpsCategory::Passive => SurveyMsg::Passive,
        NpsCategory::Detractor => SurveyMsg::Detractor,
    }
}
