//! What Learn shows of the blueprints: the four steps of blueprinting (draw the flow, find
//! the fail points, set standards for them, show the evidence the customer sees), each
//! counted on the first stored blueprint, or on the hotel sample when there is none. The
//! Learn page mounts [`BlueprintLessons`].

use leptos::prelude::*;
use leptos_router::components::A;

use super::domain::{customer_time, touchpoints, Blueprint, Lane, Sample};
use super::editor::canvas::minutes_text;
use super::messages::BlueprintMsg;
use super::state::use_blueprints;
use crate::components::text::use_lang;
use crate::components::working::ShowWorking;
use crate::i18n::{fill, Lang, Text};
use crate::paths;

/// The four steps counted on one blueprint: (step, figure).
fn four_steps(bp: &Blueprint, lang: Lang) -> Vec<(BlueprintMsg, String)> {
    let fails: Vec<_> = bp
        .steps
        .iter()
        .filter_map(|s| s.fail_point.as_ref())
        .collect();
    let with_standard = fails
        .iter()
        .filter(|f| !f.standard.trim().is_empty())
        .count();
    let evidence = bp
        .steps
        .iter()
        .filter(|s| s.lane == Lane::Evidence || !s.evidence.trim().is_empty())
        .count();
    let n = |v: usize| v.to_string();
    vec![
        (
            BlueprintMsg::LearnDraw,
            fill(
                BlueprintMsg::LearnDrawFigure.in_lang(lang),
                &[&n(bp.steps.len()), &n(touchpoints(bp).len())],
            ),
        ),
        (
            BlueprintMsg::LearnFail,
            fill(
                BlueprintMsg::LearnFailFigure.in_lang(lang),
                &[&n(fails.len())],
            ),
        ),
        (
            BlueprintMsg::LearnStandard,
            fill(
                BlueprintMsg::LearnStandardFigure.in_lang(lang),
                &[&n(with_standard), &n(fails.len())],
            ),
        ),
        (
            BlueprintMsg::LearnEvidence,
            fill(
                BlueprintMsg::LearnEvidenceFigure.in_lang(lang),
                &[&n(evidence)],
            ),
        ),
    ]
}

/// The Learn card on blueprinting's four steps (no props; reads the stored blueprints).
#[component]
pub fn BlueprintLessons() -> impl IntoView {
    let state = use_blueprints();
    let lang = use_lang();
    move || {
        let lang = lang.get();
        let stored = state.book.with(|b| b.blueprints.first().cloned());
        let from_sample = stored.is_none();
        let bp = stored.unwrap_or_else(|| Sample::HotelStay.build(0, lang));
        let time = customer_time(&bp);
        let other = match lang {
            Lang::En => BlueprintMsg::LearnTitle.zh(),
            Lang::Zh => BlueprintMsg::LearnTitle.en(),
        };
        let source = if from_sample {
            fill(BlueprintMsg::LearnOnSample.in_lang(lang), &[&bp.name])
        } else {
            fill(BlueprintMsg::LearnOnStored.in_lang(lang), &[&bp.name])
        };
        let steps = four_steps(&bp, lang)
            .into_iter()
            .map(|(step, figure)| view! { <li><strong>{step.in_lang(lang)}</strong>{" "}{figure}</li> })
            .collect_view();
        let link =
            (!from_sample).then(|| view! { <A href=paths::blueprint(bp.id)>{bp.name.clone()}</A> });
        view! {
            <article class="card lesson" data-testid="lesson-blueprint-steps">
                <h2>{BlueprintMsg::LearnTitle.in_lang(lang)}<span class="other-lang" lang=if lang == Lang::En { "zh-CN" } else { "en" }>{other}</span></h2>
                <p>{BlueprintMsg::LearnBody.in_lang(lang)}</p>
                <h3 class="in-your-data">{source}</h3>
                <ol data-testid="learn-blueprint-steps">{steps}</ol>
                <p data-testid="learn-blueprint-time">{fill(BlueprintMsg::CustomerTimeIs.in_lang(lang), &[&minutes_text(time.total_minutes)])}{" "}{link}</p>
                <ShowWorking working=time.working />
            </article>
        }
    }
}
