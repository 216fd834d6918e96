//! A survey as a paper form (`/surveys/:id/print`): one column, a box to tick for each
//! choice and scale point, lines to write on, in every language the survey is offered in
//! (the first above, the second under it), with each question's code so the answers can be
//! typed back into the CSV import.

use leptos::prelude::*;
use leptos_router::components::A;

use super::domain::{Bilingual, DualColumns, Question, QuestionKind, Scale, Survey};
use super::messages::SurveyMsg;
use super::view::{use_survey_in_url, SurveyNotFound};
use crate::components::text::tr;
use crate::i18n::{fill, Lang, Text};
use crate::paths;

/// `/surveys/:id/print`.
#[component]
pub fn PaperFormPage() -> impl IntoView {
    let survey = use_survey_in_url();
    view! {
        <section class="page paper-page" data-testid="page-survey-print">
            {move || match survey.get() {
                Some(s) => {
                    let id = s.id;
                    view! {
                        <div class="actions no-print">
                            <A href=paths::survey_results(id) attr:class="button ghost">{tr(SurveyMsg::BackToResults)}</A>
                            <button type="button" data-testid="print-form" on:click=move |_| { let _ = window().print(); }>{tr(SurveyMsg::PrintForm)}</button>
                        </div>
                        <p class="muted no-print">{tr(SurveyMsg::PaperExplain)}</p>
                        {paper(&s)}
                    }.into_any()
                }
                None => view! { <SurveyNotFound /> }.into_any(),
            }}
        </section>
    }
}

/// A text in the survey's languages: the first, and the second when it differs.
fn texts(text: &Bilingual, langs: &[Lang]) -> (String, Option<String>) {
    let mut seen: Vec<String> = Vec::new();
    for lang in langs {
        let t = text.in_lang(*lang).trim().to_owned();
        if !t.is_empty() && !seen.contains(&t) {
            seen.push(t);
        }
    }
    let mut it = seen.into_iter();
    (it.next().unwrap_or_default(), it.next())
}

/// A message in the survey's languages, joined by " / ".
fn said(msg: SurveyMsg, langs: &[Lang]) -> String {
    said_with(msg, langs, &[])
}

fn said_with(msg: SurveyMsg, langs: &[Lang], values: &[&str]) -> String {
    let parts: Vec<String> = langs
        .iter()
        .map(|l| fill(msg.in_lang(*l), values))
        .collect();
    parts.join(" / ")
}

fn two_lines(text: &Bilingual, langs: &[Lang], class: &'static str) -> impl IntoView {
    let (first, second) = texts(text, langs);
    view! {
        <span class=class>{first}</span>
        {second.map(|s| view! { <span class="paper-alt">{s}</span> })}
    }
}

fn boxes(scale: Scale) -> impl IntoView {
    (scale.min..=scale.max)
        .map(|v| view! { <span class="paper-point"><span class="paper-box" aria-hidden="true"></span><small>{v}</small></span> })
        .collect_view()
}

fn paper(survey: &Survey) -> impl IntoView {
    let langs = survey.languages.clone();
    let (name, alt) = texts(&survey.name, &langs);
    let intro = (!survey.intro.is_blank()).then(|| two_lines(&survey.intro, &langs, "paper-intro"));
    let sections = survey
        .sections
        .iter()
        .map(|section| {
            let title = (!section.title.is_blank())
                .then(|| view! { <h2>{two_lines(&section.title, &langs, "")}</h2> });
            let questions = section
                .questions
                .iter()
                .map(|q| question(q, &langs))
                .collect_view();
            view! { {title}<ol class="paper-questions">{questions}</ol> }
        })
        .collect_view();
    view! {
        <article class="paper-form" data-testid="paper-form">
            <h1>{name}{alt.map(|a| view! { <span class="paper-alt">{a}</span> })}</h1>
            {intro}
            <div class="paper-meta">
                <span>{said(SurveyMsg::ColDate, &langs)}<span class="paper-line"></span></span>
                <span>{said(SurveyMsg::PaperWho, &langs)}<span class="paper-line"></span></span>
            </div>
            {sections}
        </article>
    }
}

fn question(q: &Question, langs: &[Lang]) -> impl IntoView {
    let help = (!q.help.is_blank()).then(|| two_lines(&q.help, langs, "muted"));
    let area = match &q.kind {
        QuestionKind::SingleChoice { choices } | QuestionKind::MultipleChoice { choices, .. } => {
            let how = match q.kind {
                QuestionKind::SingleChoice { .. } => SurveyMsg::PaperTickOne,
                _ => SurveyMsg::PaperTickAny,
            };
            let items = choices
                .iter()
                .map(|c| {
                    let (first, second) = texts(&c.label, langs);
                    let label = match second {
                        Some(s) => format!("{first} / {s}"),
                        None => first,
                    };
                    view! { <li><span class="paper-box" aria-hidden="true"></span>{label}</li> }
                })
                .collect_view();
            view! { <p class="paper-how">{said(how, langs)}</p><ul class="paper-choices">{items}</ul> }
                .into_any()
        }
        kind if kind.is_single_scale() => {
            let scale = kind.scale().unwrap_or(Scale::NPS);
            let ends = match kind {
                QuestionKind::Rating { ends, .. } | QuestionKind::Importance { ends, .. } => {
                    Some(ends.clone())
                }
                _ => None,
            };
            let end = |b: Option<&Bilingual>| {
                b.filter(|b| !b.is_blank())
                    .map(|b| view! { <span class="paper-end">{texts(b, langs).0}</span> })
            };
            view! {
                <div class="paper-scale">
                    {end(ends.as_ref().map(|e| &e.low))}{boxes(scale)}{end(ends.as_ref().map(|e| &e.high))}
                </div>
            }
            .into_any()
        }
        QuestionKind::LikertMatrix { rows, .. } | QuestionKind::DualMatrix { rows, .. } => {
            let scale = q.kind.scale().unwrap_or(Scale::CES);
            let columns = match &q.kind {
                QuestionKind::DualMatrix { columns, .. } => match columns {
                    DualColumns::ExpectationPerception => {
                        vec![SurveyMsg::ColumnExpected, SurveyMsg::ColumnPerceived]
                    }
                    DualColumns::ImportancePerformance => {
                        vec![SurveyMsg::ColumnImportance, SurveyMsg::ColumnPerformance]
                    }
                },
                _ => Vec::new(),
            };
            let body = rows
                .iter()
                .map(|r| {
                    let cells = match columns.is_empty() {
                        true => view! { <div class="paper-scale">{boxes(scale)}</div> }.into_any(),
                        false => columns
                            .iter()
                            .map(|c| view! { <div class="paper-scale"><span class="paper-end">{said(*c, langs)}</span>{boxes(scale)}</div> })
                            .collect_view()
                            .into_any(),
                    };
                    view! { <li><span class="paper-code">{r.code.clone()}</span>" "{two_lines(&r.text, langs, "")}{cells}</li> }
                })
                .collect_view();
            view! { <ul class="paper-rows">{body}</ul> }.into_any()
        }
        QuestionKind::ConstantSum { items, total } => {
            let body = items
                .iter()
                .map(|r| view! { <li>{two_lines(&r.text, langs, "")}<span class="paper-line short"></span></li> })
                .collect_view();
            let how = said_with(SurveyMsg::PaperShare, langs, &[&total.to_string()]);
            view! { <p class="paper-how">{how}</p><ul class="paper-rows">{body}</ul> }.into_any()
        }
        QuestionKind::LongText => view! { <div class="paper-field tall"></div> }.into_any(),
        QuestionKind::Date => {
            view! { <div class="paper-field short"><span class="muted">"____-__-__"</span></div> }
                .into_any()
        }
        QuestionKind::Number { .. } => view! { <div class="paper-field short"></div> }.into_any(),
        _ => view! { <div class="paper-field"></div> }.into_any(),
    };
    let required = q.required.then_some(" *");
    view! {
        <li class="paper-question" data-testid=format!("paper-{}", q.code)>
            <p class="paper-text"><span class="paper-code">{q.code.clone()}</span>" "{two_lines(&q.text, langs, "")}{required}</p>
            {help}
            {area}
        </li>
    }
}
