//! Complaint resolution times (投诉处理时效): each resolved complaint and the average.

use leptos::prelude::*;

use super::messages::DetailMsg;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::domain::Customer;
use crate::i18n::{fill, Text};

/// The resolution-time figure of one customer.
#[component]
pub fn ResolutionTimes(
    /// The customer shown.
    customer: Signal<Customer>,
) -> impl IntoView {
    let lang = use_lang();
    let rows = Memo::new(move |_| customer.with(Customer::resolved_complaints));
    let average = move || {
        let days: Vec<i64> = customer.with(|c| c.complaint_resolution_days());
        (!days.is_empty()).then(|| days.iter().sum::<i64>() as f64 / days.len() as f64)
    };
    let working = Signal::derive(move || customer.with(Customer::resolution_working));
    let open = move || customer.with(|c| c.open_complaints().count());
    view! {
        <div class="figure" data-testid="figure-resolution">
            <h3>{tr(DetailMsg::ResolutionHeading)}</h3>
            <Show when=move || average().is_some() fallback=|| view! { <p class="muted">{tr(DetailMsg::ResolutionNone)}</p> }>
                <p class="figure-value small" data-testid="resolution-average">
                    {move || fill(DetailMsg::ResolutionAverage.in_lang(lang.get()), &[&format!("{:.1}", average().unwrap_or_default())])}
                </p>
                <ul class="plain" data-testid="resolution-list">
                    {move || rows.get().into_iter().map(|(o, r, d)| {
                        view! { <li>{move || fill(DetailMsg::ResolutionItem.in_lang(lang.get()), &[&o.to_string(), &r.to_string(), &d.to_string()])}</li> }
                    }).collect_view()}
                </ul>
                <ShowWorking working testid="working-resolution" />
            </Show>
            <p class="muted" data-testid="open-complaints">
                {move || fill(DetailMsg::OpenComplaintsCount.in_lang(lang.get()), &[&open().to_string()])}
            </p>
        </div>
    }
}
