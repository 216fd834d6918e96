//! The responses import page (`/surveys/:id/import`): the shared import flow with the
//! surveys plug-in. Confirmed rows become responses to the survey's current version,
//! dated by their `date` column and linked by their `customer` column.

use std::sync::Arc;

use leptos::prelude::*;
use leptos_router::components::A;

use super::domain::import::{
    CustomerRef, ImportedResponse, ResponseField, ResponseImport, ResponseProblem,
};
use super::domain::Response;
use super::messages::SurveyMsg;
use super::state::{use_surveys, SurveysState};
use super::view::{use_survey_id, SurveyNotFound};
use crate::clock::today;
use crate::components::import::{ImportFlow, ImportPlugin, SectionWord};
use crate::components::text::{tr, use_lang};
use crate::customers::state::{use_customers, CustomersState};
use crate::i18n::{Lang, Text};
use crate::paths;
use crate::tabular::import::{ImportField, ImportTarget, Row, RowProblems};

/// The rules built once per visit to the page: the screens ask for them once per field
/// label (columns × fields), and building them copies every customer's email.
#[derive(Clone)]
struct Rules(Arc<ResponseImport>);

impl ImportTarget for Rules {
    type Field = ResponseField;
    type Record = ImportedResponse;
    type Problem = ResponseProblem;
    const REQUIRED: ResponseProblem = ResponseImport::REQUIRED;

    fn fields(&self) -> &[ImportField<ResponseField>] {
        self.0.fields()
    }

    fn label(&self, field: ResponseField, lang: Lang) -> &'static str {
        self.0.label(field, lang)
    }

    fn record(
        &self,
        row: &Row<'_, ResponseField>,
    ) -> Result<ImportedResponse, RowProblems<ResponseField, ResponseProblem>> {
        self.0.record(row)
    }

    fn problem_text(
        &self,
        field: ResponseField,
        problem: ResponseProblem,
        value: &str,
        lang: Lang,
    ) -> String {
        self.0.problem_text(field, problem, value, lang)
    }
}

/// Surveys' part in the import flow, for one survey.
#[derive(Clone)]
struct ResponsesPlugin {
    survey_id: u64,
    surveys: SurveysState,
    customers: CustomersState,
    rules: Rules,
}

impl ResponsesPlugin {
    fn new(survey_id: u64, surveys: SurveysState, customers: CustomersState) -> Self {
        let refs = customers.customers.with_untracked(|book| {
            book.customers
                .iter()
                .map(|c| CustomerRef {
                    id: c.id,
                    email: c.email.clone(),
                })
                .collect()
        });
        let survey = surveys
            .book
            .with_untracked(|b| b.survey(survey_id).cloned().unwrap_or_default());
        ResponsesPlugin {
            survey_id,
            surveys,
            customers,
            rules: Rules(Arc::new(ResponseImport::new(&survey, refs, today()))),
        }
    }
}

impl ImportPlugin for ResponsesPlugin {
    type Target = Rules;

    fn target(&self) -> Rules {
        self.rules.clone()
    }

    fn word(&self, word: SectionWord, lang: Lang) -> &'static str {
        match word {
            SectionWord::ChooseFile => SurveyMsg::ImportChooseFile,
            SectionWord::OrPaste => SurveyMsg::ImportOrPaste,
            SectionWord::MappingIntro => SurveyMsg::ImportMapping,
            SectionWord::Confirm => SurveyMsg::ImportConfirm,
            SectionWord::Done => SurveyMsg::ImportDone,
            SectionWord::NotSaved => SurveyMsg::ImportNotSaved,
            SectionWord::Back => SurveyMsg::BackToResults,
        }
        .in_lang(lang)
    }

    fn back_path(&self) -> String {
        paths::survey_results(self.survey_id)
    }

    fn sample(&self, records: &[ImportedResponse]) -> AnyView {
        let rows = self.customers.customers.with_untracked(|book| {
            records
                .iter()
                .map(|r| {
                    let who = r
                        .customer_id
                        .map(|id| {
                            book.get(id)
                                .map_or_else(|| id.to_string(), |c| c.name.clone())
                        })
                        .unwrap_or_default();
                    (r.submitted.to_string(), who, r.answers.len())
                })
                .collect::<Vec<_>>()
        });
        view! { <ResponsesPreview rows /> }.into_any()
    }

    fn add(&self, records: Vec<ImportedResponse>) -> usize {
        let count = records.len();
        self.surveys.book.update(|b| {
            let Some(version) = b.survey(self.survey_id).map(|s| s.version) else {
                return;
            };
            for r in records {
                b.record(Response {
                    survey_id: self.survey_id,
                    survey_version: version,
                    customer_id: r.customer_id,
                    touchpoint: Some("csv".to_owned()),
                    submitted: r.submitted,
                    answers: r.answers,
                    ..Response::default()
                });
            }
        });
        count
    }
}

/// The first responses an import would add: date, customer, answers given.
#[component]
fn ResponsesPreview(
    /// (date, customer's name or empty, number of questions answered) per response.
    rows: Vec<(String, String, usize)>,
) -> impl IntoView {
    let body = rows
        .into_iter()
        .map(|(date, who, n)| {
            view! { <tr><td>{date}</td><td>{who}</td><td class="num">{n}</td></tr> }
        })
        .collect_view();
    view! {
        <div class="scroll-x" tabindex="0">
            <table class="table compact preview-table" data-testid="responses-preview">
                <thead><tr>
                    <th scope="col">{tr(SurveyMsg::ColDate)}</th>
                    <th scope="col">{tr(SurveyMsg::ColCustomer)}</th>
                    <th scope="col" class="num">{tr(SurveyMsg::ColAnswered)}</th>
                </tr></thead>
                <tbody>{body}</tbody>
            </table>
        </div>
    }
}

/// `/surveys/:id/import`.
#[component]
pub fn ResponseImportPage() -> impl IntoView {
    let id = use_survey_id();
    let surveys = use_surveys();
    let customers = use_customers();
    let lang = use_lang();
    let found = Memo::new(move |_| {
        id.get()
            .and_then(|id| surveys.book.with(|b| b.survey(id).map(|s| s.id)))
    });
    view! {
        <section class="page import-page" data-testid="page-responses-import">
            {move || match found.get() {
                Some(survey_id) => {
                    let plugin = ResponsesPlugin::new(survey_id, surveys, customers);
                    let name = move || surveys.book.with(|b| b.survey(survey_id).map(|s| s.name.in_lang(lang.get()).to_owned()).unwrap_or_default());
                    view! {
                        <p class="back"><A href=paths::survey_results(survey_id)>{tr(SurveyMsg::BackToResults)}</A></p>
                        <h1>{tr(SurveyMsg::ImportTitle)}</h1>
                        <p class="muted" data-testid="import-survey-name">{name}</p>
                        <p class="muted">{tr(SurveyMsg::ImportIntro)}</p>
                        <ImportFlow section=Arc::new(plugin) />
                    }.into_any()
                }
                None => view! { <SurveyNotFound /> }.into_any(),
            }}
        </section>
    }
}
