//! The receivables aging (`/credit/aging?asof=…&basis=due|invoice&edges=30,60,90`): per
//! customer and in total per currency, sortable, with the bad-debt allowance and its
//! working, and a formula-safe CSV export. The view lives in the URL, with the page of
//! rows (`page`, [`ROWS_PER_PAGE`] a page: 10,000 customers' rows at once would keep the
//! browser busy for a second; the totals, the allowance and the CSV cover every row).

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_navigate, use_query_map};

use super::domain::aging::{allowance, buckets, parse_edges, Aging};
use super::domain::{aging, AgeBasis};
use super::messages::CreditMsg;
use super::state::use_credit;
use super::view::amount;
use crate::clock::today;
use crate::components::download::download_text;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::domain::format_cents;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};
use crate::money::{group_thousands, grouped_amount as grouped};
use crate::paths;
use crate::tabular::csv::write_csv;
use crate::tasks::next_task;

/// Rows shown on one page of the aging.
const ROWS_PER_PAGE: usize = 100;

/// The aging page.
#[component]
pub fn AgingPage() -> impl IntoView {
    let credit = use_credit();
    let customers = use_customers();
    let lang = use_lang();
    let query = use_query_map();
    let navigate = use_navigate();
    let as_of = Memo::new(move |_| {
        query
            .read()
            .get("asof")
            .and_then(|d| chrono::NaiveDate::parse_from_str(&d, "%Y-%m-%d").ok())
            .unwrap_or_else(today)
    });
    let basis = Memo::new(move |_| {
        query
            .read()
            .get("basis")
            .and_then(|b| AgeBasis::from_key(&b))
            .unwrap_or_else(|| credit.book.with(|b| b.policy.age_basis))
    });
    let edges = Memo::new(move |_| {
        query
            .read()
            .get("edges")
            .and_then(|e| parse_edges(&e))
            .unwrap_or_else(|| credit.book.with(|b| b.policy.aging_edges.clone()))
    });
    let sort = Memo::new(move |_| query.read().get("sort").unwrap_or_default());
    let page = Memo::new(move |_| {
        query
            .read()
            .get("page")
            .and_then(|p| p.parse::<usize>().ok())
            .unwrap_or(1)
            .max(1)
    });
    // The aging of 100,000 invoices is worked out in a task of its own, after the page
    // (or the new date) is on screen, so neither task keeps the browser busy for long;
    // the rows shown stay those of the aging worked out last until then.
    let result = RwSignal::new(None::<Aging>);
    Effect::new(move |_| {
        let (day, basis, edges) = (as_of.get(), basis.get(), edges.get());
        credit.book.with(|_| ());
        leptos::task::spawn_local(async move {
            next_task().await;
            let fresh = credit
                .book
                .with_untracked(|b| aging(&b.ledger, day, basis, &edges));
            result.try_set(Some(fresh));
        });
    });
    let columns = Memo::new(move |_| buckets(basis.get(), &edges.get()));
    // Whether the rows shown are not yet those of the date, basis and edges asked for.
    let working = move || {
        result.with(|a| {
            a.as_ref().is_none_or(|a| {
                (a.as_of, a.basis) != (as_of.get(), basis.get())
                    || columns.with(|c| *c != a.buckets)
            })
        })
    };
    let go = Callback::new(move |(key, value): (&'static str, String)| {
        let mut params: Vec<(String, String)> = vec![
            ("asof".into(), as_of.get_untracked().to_string()),
            ("basis".into(), basis.get_untracked().key().to_owned()),
            ("edges".into(), edges_text(&edges.get_untracked(), ",")),
            ("sort".into(), sort.get_untracked()),
            ("page".into(), page.get_untracked().to_string()),
        ];
        for p in params.iter_mut() {
            if p.0 == key {
                p.1 = value.clone();
            } else if p.0 == "page" {
                // A new date, basis, edge or order starts again from the first page.
                p.1 = String::new();
            }
        }
        let q: Vec<String> = params
            .into_iter()
            .filter(|(_, v)| !v.is_empty())
            .map(|(k, v)| format!("{k}={v}"))
            .collect();
        navigate(
            &paths::credit_aging(&format!("?{}", q.join("&"))),
            Default::default(),
        );
    });
    let edges_error = RwSignal::new(false);
    let name_of = customers.names_by_id();
    let names = move |id: u64| {
        name_of.with(|names| names.get(&id).cloned().unwrap_or_else(|| format!("#{id}")))
    };
    // The rows' order as places in `result`: sorting 10,000 rows' places instead of
    // copies of the rows keeps a new date or order quick.
    let order = Memo::new(move |_| {
        let key = sort.get();
        result.with(|a| {
            let Some(a) = a else { return Vec::new() };
            let rows = &a.rows;
            let mut order: Vec<usize> = (0..rows.len()).collect();
            match key.as_str() {
                "name" => order.sort_by_cached_key(|&r| names(rows[r].customer_id).to_lowercase()),
                "" | "total" => order.sort_by_key(|&r| std::cmp::Reverse(rows[r].total)),
                k => {
                    if let Some(i) = k.strip_prefix('b').and_then(|i| i.parse::<usize>().ok()) {
                        order.sort_by_key(|&r| {
                            std::cmp::Reverse(rows[r].amounts.get(i).copied().unwrap_or(0))
                        });
                    }
                }
            }
            order
        })
    });
    let pages = move || order.with(|o| o.len().div_ceil(ROWS_PER_PAGE).max(1));
    let shown = Memo::new(move |_| {
        let first = (page.get().min(pages()) - 1) * ROWS_PER_PAGE;
        order.with(|order| {
            result.with(|a| {
                let Some(a) = a else { return Vec::new() };
                order
                    .iter()
                    .skip(first)
                    .take(ROWS_PER_PAGE)
                    .map(|&r| a.rows[r].clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let showing = move || {
        let all = order.with(Vec::len);
        let first = (page.get().min(pages()) - 1) * ROWS_PER_PAGE;
        let group = |n: usize| group_thousands(n as u64);
        fill(
            CreditMsg::AgingShowing.in_lang(lang.get()),
            &[
                &group(first + 1),
                &group(first + shown.with(Vec::len)),
                &group(all),
            ],
        )
    };
    let allowance_of = Memo::new(move |_| {
        credit.book.with(|b| {
            result.with(|a| {
                let Some(a) = a else { return Vec::new() };
                a.totals
                    .iter()
                    .map(|(currency, (totals, _))| {
                        let (cents, working) = allowance(totals, &a.buckets, &b.policy.loss_rates);
                        (currency.clone(), cents, working)
                    })
                    .collect::<Vec<_>>()
            })
        })
    });
    let export = move |_| {
        let lang = lang.get_untracked();
        result.with_untracked(|a| {
            let Some(a) = a else { return };
            let mut header = vec![
                CreditMsg::Customer.in_lang(lang).to_owned(),
                CreditMsg::Currency.in_lang(lang).to_owned(),
            ];
            header.extend(a.buckets.iter().map(|b| b.label(lang)));
            header.push(CreditMsg::Total.in_lang(lang).to_owned());
            let mut table = vec![header];
            for r in order.with_untracked(|o| o.iter().map(|&r| &a.rows[r]).collect::<Vec<_>>()) {
                let mut line = vec![names(r.customer_id), r.currency.clone()];
                line.extend(r.amounts.iter().map(|c| format_cents(*c)));
                line.push(format_cents(r.total));
                table.push(line);
            }
            let _ = download_text(
                &format!("aging-{}.csv", a.as_of),
                "text/csv",
                &write_csv(&table),
            );
        });
    };
    view! {
        <section class="page" data-testid="page-aging">
            <header class="customer-header">
                <h1>{tr(CreditMsg::AgingTitle)}</h1>
                <A href=paths::credit() attr:class="button ghost">{tr(CreditMsg::BackToCredit)}</A>
            </header>
            <p class="explain">{tr(CreditMsg::AgingExplain)}</p>
            <div class="inline-fields no-print">
                <label class="field"><span>{tr(CreditMsg::AsOf)}</span>
                    <input type="date" data-testid="aging-asof" prop:value=move || as_of.get().to_string() on:change=move |ev| go.run(("asof", event_target_value(&ev))) /></label>
                <label class="field"><span>{tr(CreditMsg::AgeBy)}</span>
                    <select data-testid="aging-basis" prop:value=move || basis.get().key() on:change=move |ev| go.run(("basis", event_target_value(&ev)))>
                        <option value="due">{tr(CreditMsg::ByDueDate)}</option>
                        <option value="invoice">{tr(CreditMsg::ByInvoiceDate)}</option>
                    </select></label>
                <label class="field"><span>{tr(CreditMsg::Edges)}</span>
                    <input type="text" class="edges" data-testid="aging-edges" prop:value=move || edges_text(&edges.get(), ", ")
                        on:change=move |ev| {
                            let text = event_target_value(&ev);
                            match parse_edges(&text) {
                                Some(e) => { edges_error.set(false); go.run(("edges", edges_text(&e, ","))); }
                                None => edges_error.set(true),
                            }
                        } /></label>
                <button type="button" class="ghost" data-testid="aging-export" on:click=export>{tr(CreditMsg::ExportCsv)}</button>
            </div>
            <p class="muted" role="status" data-testid="aging-working">{move || working().then(|| fill(CreditMsg::AgingWorking.in_lang(lang.get()), &[&as_of.get().to_string()]))}</p>
            <Show when=move || edges_error.get()><p class="danger-text" role="alert" data-error-summary>{tr(CreditMsg::BadEdges)}</p></Show>
            <div class="table-wrap" tabindex="0">
            <div class="scroll-x" tabindex="0">
            <table class="table" data-testid="aging-table">
                <caption>{move || result.with(|a| a.as_ref().map(|a| fill(CreditMsg::AgingCaption.in_lang(lang.get()), &[&a.as_of.to_string()])))}</caption>
                <thead><tr>
                    <th><button type="button" class="link" on:click=move |_| go.run(("sort", "name".into()))>{tr(CreditMsg::Customer)}</button></th>
                    {move || columns.get().into_iter().enumerate().map(|(i, b)| {
                        view! { <th class="num"><button type="button" class="link" on:click=move |_| go.run(("sort", format!("b{i}")))>{b.label(lang.get())}</button></th> }
                    }).collect_view()}
                    <th class="num"><button type="button" class="link" on:click=move |_| go.run(("sort", "total".into()))>{tr(CreditMsg::Total)}</button></th>
                </tr></thead>
                <tbody>
                    {move || shown.get().into_iter().map(|r| view! { <tr data-testid="aging-row">
                        <td><A href=paths::credit_file(r.customer_id)>{names(r.customer_id)}</A>{format!(" ({})", r.currency)}</td>
                        {r.amounts.iter().map(|c| view! { <td class="num">{grouped(*c)}</td> }).collect_view()}
                        <td class="num">{grouped(r.total)}</td>
                    </tr> }).collect_view()}
                </tbody>
                <tfoot>
                    {move || result.with(|a| a.as_ref().map(|a| a.totals.clone()).unwrap_or_default()).into_iter().map(|(currency, (amounts, total))| view! { <tr data-testid="aging-total">
                        <th scope="row">{fill(CreditMsg::TotalIn.in_lang(lang.get()), &[&currency])}</th>
                        {amounts.iter().map(|c| view! { <td class="num">{grouped(*c)}</td> }).collect_view()}
                        <td class="num">{amount(total, &currency)}</td>
                    </tr> }).collect_view()}
                </tfoot>
            </table>
            </div>
            </div>
            <Show when=move || { pages() > 1 }>
                <nav class="pager no-print" aria-label=tr(CreditMsg::AgingPages)>
                    <p class="count" role="status" data-testid="aging-showing">{showing}</p>
                    <div class="pager-buttons">
                        <button type="button" class="ghost" data-testid="aging-prev"
                            disabled=move || { page.get() <= 1 }
                            on:click=move |_| go.run(("page", (page.get_untracked() - 1).to_string()))>
                            {tr(CreditMsg::PreviousPage)}
                        </button>
                        <button type="button" class="ghost" data-testid="aging-next"
                            disabled=move || { page.get() >= pages() }
                            on:click=move |_| go.run(("page", (page.get_untracked() + 1).to_string()))>
                            {tr(CreditMsg::NextPage)}
                        </button>
                    </div>
                </nav>
            </Show>
            <div class="card" data-testid="allowance">
                <h2>{tr(CreditMsg::AllowanceHeading)}</h2>
                {move || allowance_of.get().into_iter().map(|(currency, cents, working)| view! {
                    <p class="figure-value">{amount(cents, &currency)}</p>
                    <ShowWorking working=Signal::derive(move || working.clone()) testid="working-allowance" />
                }).collect_view()}
            </div>
        </section>
    }
}

/// Edges as typed or as they go in the URL: "30, 60, 90" or "30,60,90".
fn edges_text(edges: &[u32], separator: &str) -> String {
    edges
        .iter()
        .map(u32::to_string)
        .collect::<Vec<_>>()
        .join(separator)
}
