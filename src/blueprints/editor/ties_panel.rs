//! The selected step's ties to the other sections (side panel): the survey item whose
//! latest result colours the step, and the complaint categories counted at it. The
//! figures drawn from them are in `tie_figures.rs`.

use leptos::prelude::*;

use super::editing::Editing;
use crate::blueprints::domain::{tie_items, StepId, SurveyTie};
use crate::blueprints::messages::BlueprintMsg;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::domain::ComplaintCategory;
use crate::customers::labels::Labelled;
use crate::i18n::{fill, Text};
use crate::surveys::state::use_surveys;

/// The fieldset of the side panel for step `id`.
pub fn tie_fields(ed: Editing, id: StepId) -> impl IntoView {
    let figures = ed.ties;
    let lang = use_lang();
    let surveys = use_surveys();
    let tie = Memo::new(move |_| ed.bp.with(|b| b.step(id).and_then(|s| s.survey.clone())));
    let survey_options = move || {
        let lang = lang.get();
        let chosen = tie.get().map(|t| t.survey);
        surveys.book.with(|b| {
            b.surveys
                .iter()
                .map(|s| {
                    view! { <option value=s.id.to_string() selected=chosen == Some(s.id)>{s.name.in_lang(lang).to_owned()}</option> }
                })
                .collect_view()
        })
    };
    let set_survey = move |ev: leptos::ev::Event| {
        let survey = event_target_value(&ev).parse::<u64>().ok();
        let tie = survey.map(|survey| {
            let item = surveys.book.with_untracked(|b| {
                b.surveys
                    .iter()
                    .find(|s| s.id == survey)
                    .and_then(|s| tie_items(s).into_iter().next())
                    .map(|i| i.0)
                    .unwrap_or_default()
            });
            SurveyTie { survey, item }
        });
        ed.change_step(id, |s| s.survey = tie);
    };
    let item_options = move || {
        let tie = tie.get()?;
        let items = surveys
            .book
            .with(|b| b.surveys.iter().find(|s| s.id == tie.survey).map(tie_items))?;
        Some(
            items
                .into_iter()
                .map(|(code, text)| {
                    let selected = code == tie.item;
                    view! { <option value=code.clone() selected=selected>{format!("{code} · {text}")}</option> }
                })
                .collect_view(),
        )
    };
    let set_item = move |ev: leptos::ev::Event| {
        let item = event_target_value(&ev);
        ed.change_step(id, |s| {
            if let Some(t) = &mut s.survey {
                t.item = item;
            }
        });
    };
    let result = move || {
        let lang = lang.get();
        tie.get()?;
        let figure = figures.with(|f| f.results.get(&id).copied());
        Some(match figure {
            Some(r) => view! {
                <p data-testid="bp-tie-result" class=format!("bp-tie-result {}", r.band().key())>
                    {fill(BlueprintMsg::TieResultIs.in_lang(lang), &[&r.figure(), &r.n().to_string()])}
                    <ShowWorking working=Signal::stored(r.working()) />
                </p>
            }
            .into_any(),
            None => view! { <p class="muted" data-testid="bp-tie-result">{BlueprintMsg::NoAnswersYet.in_lang(lang)}</p> }.into_any(),
        })
    };
    let categories = ComplaintCategory::ALL
        .iter()
        .map(|&c| {
            let key = c.key();
            view! {
                <label class="check">
                    <input type="checkbox" data-testid=format!("bp-field-complaint-{key}")
                        prop:checked=move || ed.bp.with(|b| b.step(id).is_some_and(|s| s.complaints.iter().any(|k| k == key)))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            ed.change_step(id, |s| {
                                s.complaints.retain(|k| k != key);
                                if on {
                                    s.complaints.push(key.to_owned());
                                }
                            });
                        } />
                    <span>{move || c.label(lang.get())}</span>
                </label>
            }
        })
        .collect_view();
    let count = move || {
        let lang = lang.get();
        figures.with(|f| f.complaints.get(&id).copied()).map(|n| {
            view! { <p data-testid="bp-complaint-count">{fill(BlueprintMsg::ComplaintsN.in_lang(lang), &[&n.to_string()])}</p> }
        })
    };
    view! {
        <fieldset class="bp-fieldset" data-testid="bp-tie-fields">
            <legend>{tr(BlueprintMsg::TiesTitle)}</legend>
            <label class="field"><span>{tr(BlueprintMsg::SurveyLabel)}</span>
                <select data-testid="bp-field-survey" on:change=set_survey>
                    <option value="" selected=move || tie.get().is_none()>{tr(BlueprintMsg::NoStep)}</option>
                    {survey_options}
                </select>
            </label>
            {move || tie.get().is_some().then(|| view! {
                <label class="field"><span>{tr(BlueprintMsg::SurveyItem)}</span>
                    <select data-testid="bp-field-survey-item" on:change=set_item>{item_options}</select>
                </label>
            })}
            {result}
            <h4>{tr(BlueprintMsg::ComplaintCategories)}</h4>
            {categories}
            {count}
        </fieldset>
    }
}
