//! Churn risk (客户流失预警): the level and every reason behind it, in words.

use leptos::prelude::*;

use super::messages::DetailMsg;
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{
    churn_risk, ChurnContext, ChurnLevel, Customer, LifecycleStage, RiskReason, SatisfactionDrop,
};
use crate::customers::labels::Labelled;
use crate::i18n::{fill, CommonMsg, Lang, Text};
use crate::state::use_app_state;

/// One reason as a sentence in `lang`.
fn reason_text(reason: &RiskReason, lang: Lang) -> String {
    let say = |msg: DetailMsg, values: &[&str]| fill(msg.in_lang(lang), values);
    match reason {
        RiskReason::DaysSinceLastPurchase {
            days,
            threshold_days,
            usual_gap_days,
        } => {
            let mut text = say(
                DetailMsg::RiskDaysSincePurchase,
                &[&days.to_string(), &threshold_days.to_string()],
            );
            if let Some(gap) = usual_gap_days {
                text.push(' ');
                text.push_str(&say(DetailMsg::RiskUsualGap, &[&gap.to_string()]));
            }
            text
        }
        RiskReason::OpenComplaints(n) => say(DetailMsg::RiskOpenComplaints, &[&n.to_string()]),
        RiskReason::UnresolvedComplaintOlderThan(days) => {
            say(DetailMsg::RiskOldComplaint, &[&days.to_string()])
        }
        RiskReason::StageDecline => say(DetailMsg::RiskDecline, &[]),
        RiskReason::FallingSatisfaction {
            last,
            previous_mean,
        } => say(
            DetailMsg::RiskSatisfaction,
            &[&format!("{last:.1}"), &format!("{previous_mean:.1}")],
        ),
    }
}

/// The churn-risk figure of one customer.
#[component]
pub fn RiskLevel(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let lang = use_lang();
    // Other sections' signals (surveys: falling satisfaction) come from registered sources.
    let app = use_app_state();
    let risk = Memo::new(move |_| {
        customer.with(|c| {
            let falling_satisfaction =
                app.satisfaction_drops()
                    .get(&c.id)
                    .copied()
                    .map(|(last, previous_mean)| SatisfactionDrop {
                        last,
                        previous_mean,
                    });
            churn_risk(
                c,
                today(),
                &ChurnContext {
                    falling_satisfaction,
                },
            )
        })
    });
    let churned =
        move || customer.with(|c| c.stage == LifecycleStage::Churned || c.churn.is_some());
    let class = move || match risk.get().level {
        Some(ChurnLevel::Low) => "risk risk-low",
        Some(ChurnLevel::Medium) => "risk risk-medium",
        Some(ChurnLevel::High) => "risk risk-high",
        None => "risk risk-churned",
    };
    let reasons = move || {
        let lang = lang.get();
        risk.get()
            .reasons
            .iter()
            .map(|r| view! { <li>{reason_text(r, lang)}</li> })
            .collect_view()
    };
    view! {
        <div class="figure" data-testid="figure-churn-risk">
            <h3>{tr(DetailMsg::ChurnRiskHeading)}</h3>
            <p class=class data-testid="churn-risk-level">{move || risk.get().level.label(lang.get())}</p>
            <Show when=move || !churned() fallback=|| view! { <p class="muted">{tr(DetailMsg::RiskAlreadyChurned)}</p> }>
                <Show when=move || !risk.with(|r| r.reasons.is_empty()) fallback=|| view! { <p class="muted">{tr(DetailMsg::RiskNoReasons)}</p> }>
                    <ul data-testid="churn-risk-reasons">{reasons}</ul>
                </Show>
            </Show>
            <details class="working">
                <summary>{tr(CommonMsg::ShowWorking)}</summary>
                <p>{tr(DetailMsg::RiskExplain)}</p>
            </details>
        </div>
    }
}
