//! The survey list (`/surveys`): each survey's name, questions, responses, last response
//! and status, with new from a template or blank, duplicate, and delete after a confirm.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_navigate;

use super::domain::{template, Bilingual, TemplateId};
use super::messages::SurveyMsg;
use super::state::use_surveys;
use super::view::{status_key, status_msg};
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Text};
use crate::paths;

#[derive(Clone, PartialEq)]
struct Row {
    id: u64,
    name: String,
    questions: usize,
    responses: usize,
    last: String,
    status: super::domain::SurveyStatus,
}

/// The list of surveys.
#[component]
pub fn SurveyListPage() -> impl IntoView {
    let surveys = use_surveys();
    let lang = use_lang();
    let navigate = use_navigate();
    let rows = Memo::new(move |_| {
        let lang = lang.get();
        surveys.book.with(|b| {
            b.surveys
                .iter()
                .map(|s| Row {
                    id: s.id,
                    name: s.name.in_lang(lang).to_owned(),
                    questions: s.question_count(),
                    responses: b.responses.iter().filter(|r| r.survey_id == s.id).count(),
                    last: b
                        .last_response(s.id)
                        .map_or_else(|| "–".to_owned(), |d| d.to_string()),
                    status: s.status,
                })
                .collect::<Vec<_>>()
        })
    });
    let chosen = RwSignal::new("servqual".to_owned());
    let confirm = RwSignal::new(None::<u64>);
    let create = move |_| {
        let key = chosen.get_untracked();
        let mut id = 0;
        surveys.book.update(|b| {
            id = match TemplateId::ALL
                .into_iter()
                .find(|t| template_key(*t) == key)
            {
                Some(t) => b.add_template(t),
                None => b.add_blank(Bilingual::new("新问卷", "New survey")),
            };
        });
        navigate(&paths::survey_edit(id), Default::default());
    };
    let duplicate = move |id: u64| {
        surveys.book.update(|b| {
            b.duplicate(id);
        });
    };
    let delete = move |id: u64| {
        surveys.book.update(|b| b.delete(id));
        confirm.set(None);
    };
    view! {
        <section class="page surveys-page" data-testid="page-surveys">
            <h1>{tr(SurveyMsg::ListTitle)}</h1>
            <p class="explain">{tr(SurveyMsg::ListExplain)}</p>
            <div class="card new-survey">
                <h2>{tr(SurveyMsg::NewSurvey)}</h2>
                <div class="inline-fields">
                    <label class="field"><span>{tr(SurveyMsg::StartFrom)}</span>
                        <select data-testid="new-survey-template" on:change=move |ev| chosen.set(event_target_value(&ev))>
                            {move || {
                                let lang = lang.get();
                                TemplateId::ALL.into_iter().map(|t| view! {
                                    <option value=template_key(t) selected=move || chosen.get() == template_key(t)>{template(t, 0).name.in_lang(lang).to_owned()}</option>
                                }).collect_view()
                            }}
                            <option value="blank">{tr(SurveyMsg::Blank)}</option>
                        </select>
                    </label>
                    <button type="button" data-testid="new-survey-create" on:click=create>{tr(SurveyMsg::Create)}</button>
                </div>
            </div>
            <div class="card">
                <Show when=move || !rows.with(Vec::is_empty) fallback=|| view! { <p data-testid="surveys-empty">{tr(SurveyMsg::NoSurveys)}</p> }>
                <div class="table-wrap" tabindex="0">
                <table class="table" data-testid="survey-list">
                    <thead><tr>
                        <th>{tr(SurveyMsg::Name)}</th><th class="num">{tr(SurveyMsg::Questions)}</th>
                        <th class="num">{tr(SurveyMsg::Responses)}</th><th>{tr(SurveyMsg::LastResponse)}</th>
                        <th>{tr(SurveyMsg::Status)}</th><th>{tr(SurveyMsg::Actions)}</th>
                    </tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|r| {
                            let id = r.id;
                            view! { <tr data-testid="survey-row">
                                <td><A href=paths::survey_edit(id)>{r.name.clone()}</A></td>
                                <td class="num">{r.questions}</td>
                                <td class="num">{r.responses}</td>
                                <td>{r.last.clone()}</td>
                                <td><span class=format!("badge status-{}", status_key(r.status))>{tr(status_msg(r.status))}</span></td>
                                <td class="row-actions">
                                    <A href=paths::survey_respond(id) attr:class="button ghost" attr:data-testid="survey-respond">{tr(SurveyMsg::Collect)}</A>
                                    <A href=paths::survey_results(id) attr:class="button ghost" attr:data-testid="survey-results">{tr(SurveyMsg::Results)}</A>
                                    <button type="button" class="ghost" data-testid="survey-duplicate" on:click=move |_| duplicate(id)>{tr(SurveyMsg::Duplicate)}</button>
                                    <button type="button" class="ghost" data-testid="survey-delete" on:click=move |_| confirm.set(Some(id))>{tr(SurveyMsg::Delete)}</button>
                                    <Show when=move || confirm.get() == Some(id)>
                                        <div class="banner warning" role="alertdialog">
                                            <p>{move || fill(SurveyMsg::ConfirmDelete.in_lang(lang.get()), &[&r.responses.to_string()])}</p>
                                            <div class="banner-actions">
                                                <button type="button" class="danger" data-testid="survey-delete-yes" on:click=move |_| delete(id)>{tr(SurveyMsg::Delete)}</button>
                                                <button type="button" class="ghost" on:click=move |_| confirm.set(None)>{tr(SurveyMsg::Cancel)}</button>
                                            </div>
                                        </div>
                                    </Show>
                                </td>
                            </tr> }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
                </Show>
            </div>
        </section>
    }
}

/// A template's key in the "start from" select.
fn template_key(t: TemplateId) -> &'static str {
    match t {
        TemplateId::Servqual => "servqual",
        TemplateId::SatisfactionIndex => "satisfaction_index",
        TemplateId::Nps => "nps",
        TemplateId::Csat => "csat",
        TemplateId::Ces => "ces",
        TemplateId::ImportancePerformance => "importance_performance",
        TemplateId::DeliveredValue => "delivered_value",
    }
}
