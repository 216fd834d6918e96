//! The credit overview (`/credit`): exposure by customer (open, limit, use, oldest overdue,
//! hold), the reviews and promises due, and the aging totals with the collection metrics.

use leptos::prelude::*;
use leptos_router::components::A;

use super::domain::exposure::exposures;
use super::domain::{metrics, utilisation, PromiseStatus};
use super::messages::CreditMsg;
use super::state::use_credit;
use super::view::amount;
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};
use crate::money::group_thousands;
use crate::paths;

/// Rows of the exposure table shown; the aging lists every customer.
const EXPOSURE_ROWS: usize = 100;

/// The credit overview page.
#[component]
pub fn CreditOverview() -> impl IntoView {
    let credit = use_credit();
    let customers = use_customers();
    let lang = use_lang();
    let exposure = Memo::new(move |_| credit.book.with(|book| exposures(book, today())));
    let name_of = customers.names_by_id();
    let rows = Memo::new(move |_| {
        name_of.with(|names| {
            exposure.with(|all| {
                all.iter()
                    .filter_map(|e| Some((e.clone(), names.get(&e.customer_id)?.clone())))
                    .take(EXPOSURE_ROWS)
                    .collect::<Vec<_>>()
            })
        })
    });
    let more = move || {
        let all = exposure.with(Vec::len);
        (all > EXPOSURE_ROWS).then(|| {
            fill(
                CreditMsg::ExposureFirst.in_lang(lang.get()),
                &[&EXPOSURE_ROWS.to_string(), &group_thousands(all as u64)],
            )
        })
    };
    let reviews = Memo::new(move |_| {
        credit.book.with(|b| {
            customers.customers.with(|cs| {
                b.reviews_due(today())
                    .iter()
                    .filter_map(|f| {
                        Some((
                            f.customer_id,
                            cs.get(f.customer_id)?.name.clone(),
                            f.next_review()?,
                        ))
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let promises = Memo::new(move |_| {
        credit.book.with(|b| {
            customers.customers.with(|cs| {
                b.ledger
                    .promises
                    .iter()
                    .filter_map(|p| {
                        let status = b.ledger.promise_status(p, today());
                        (status != PromiseStatus::Kept).then(|| {
                            (
                                p.customer_id,
                                cs.get(p.customer_id)
                                    .map(|c| c.name.clone())
                                    .unwrap_or_default(),
                                p.due,
                                amount(p.amount_cents, &p.currency),
                                status,
                            )
                        })
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let quarter = Memo::new(move |_| {
        credit.book.with(|b| {
            let to = today();
            let from = to - chrono::Days::new(89);
            metrics(&b.ledger, "CNY", from, to)
        })
    });
    let working = Signal::derive(move || quarter.get().working());
    view! {
        <section class="page" data-testid="page-credit">
            <header class="customer-header">
                <h1>{tr(CreditMsg::OverviewTitle)}</h1>
                <div class="header-actions">
                    <A href=paths::credit_import() attr:class="button" attr:data-testid="open-ledger-import">{tr(CreditMsg::ImportLink)}</A>
                    <A href=paths::credit_aging("") attr:class="button" attr:data-testid="open-aging">{tr(CreditMsg::AgingTitle)}</A>
                </div>
            </header>
            <p class="explain">{tr(CreditMsg::OverviewExplain)}</p>
            <div class="card">
                <h2>{tr(CreditMsg::Exposure)}</h2>
                <Show when=move || !rows.with(Vec::is_empty) fallback=move || view! { <p data-testid="credit-empty">{tr(CreditMsg::NoCreditYet)}</p> }>
                <div class="table-wrap" tabindex="0">
                <table class="table" data-testid="exposure">
                    <thead><tr><th>{tr(CreditMsg::Customer)}</th><th class="num">{tr(CreditMsg::Open)}</th><th class="num">{tr(CreditMsg::Limit)}</th><th class="num">{tr(CreditMsg::Use)}</th><th class="num">{tr(CreditMsg::OldestOverdue)}</th><th>{tr(CreditMsg::Hold)}</th></tr></thead>
                    <tbody>
                        {move || rows.get().into_iter().map(|(r, name)| {
                            let used = r.limit.and_then(|l| utilisation(r.open, l));
                            view! { <tr>
                                <td><A href=paths::credit_file(r.customer_id)>{name}</A></td>
                                <td class="num">{amount(r.open, &r.currency)}</td>
                                <td class="num">{r.limit.map(|l| amount(l, &r.currency)).unwrap_or_else(|| "–".into())}</td>
                                <td class="num">{used.map(|u| format!("{:.0}%", u * 100.0)).unwrap_or_else(|| "–".into())}</td>
                                <td class="num">{fill(CreditMsg::DaysN.in_lang(lang.get()), &[&r.oldest_overdue.to_string()])}</td>
                                <td>{r.held.then(|| view! { <span class="badge danger">{tr(CreditMsg::OnHold)}</span> })}</td>
                            </tr> }
                        }).collect_view()}
                    </tbody>
                </table>
                </div>
                {move || more().map(|m| view! { <p class="muted" data-testid="exposure-more">{m}" "<A href=paths::credit_aging("")>{tr(CreditMsg::AgingTitle)}</A></p> })}
                </Show>
            </div>
            <div class="credit-columns">
                <div class="card" data-testid="reviews-due">
                    <h2>{tr(CreditMsg::ReviewsDue)}</h2>
                    <ul class="plain-list">
                        {move || reviews.get().into_iter().map(|(id, name, date)| view! { <li><A href=paths::credit_file(id)>{name}</A>{format!(" · {date}")}</li> }).collect_view()}
                    </ul>
                </div>
                <div class="card" data-testid="promises-due">
                    <h2>{tr(CreditMsg::Promises)}</h2>
                    <ul class="plain-list">
                        {move || promises.get().into_iter().map(|(id, name, date, amt, status)| view! { <li><A href=paths::credit_file(id)>{name}</A>{format!(" · {date} · {amt} · ")}{match status { PromiseStatus::Broken => tr(CreditMsg::Broken)(), _ => tr(CreditMsg::Pending)() }}</li> }).collect_view()}
                    </ul>
                </div>
                <div class="card" data-testid="credit-metrics">
                    <h2>{tr(CreditMsg::MetricsHeading)}</h2>
                    <p class="figure-value" data-testid="dso-value">{move || quarter.get().dso.map_or("–".to_owned(), |d| fill(CreditMsg::DsoLine.in_lang(lang.get()), &[&format!("{d:.1}")]))}</p>
                    <p>{move || quarter.get().cei.map_or(String::new(), |c| fill(CreditMsg::CeiLine.in_lang(lang.get()), &[&format!("{c:.1}")]))}</p>
                    <ShowWorking working testid="working-dso" />
                </div>
            </div>
        </section>
    }
}
