//! A customer's credit file (`/credit/:id`), which printed is the credit memo: the policy's
//! checks and the decision, the 5 Cs scorecard, the Altman Z by year, the terms and the
//! cost of their discount, the limit and its rules, and the receivables ledger.
//!
//! Each control saves its own field as soon as it changes (`Persisted::edit`), so another
//! tab's change to a different field is never overwritten and shows at once.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::domain::{
    assess, BalanceSheet, Check, CheckResult, CreditFile, CreditTerms, DecisionKind, FirmType,
    SheetCheck, TermsError, YearBasis, C,
};
use super::ledger_forms::LedgerPanel;
use super::messages::CreditMsg;
use super::state::use_credit;
use super::view::{amount, decision_name, money_text, percent_text, read_money, read_percent};
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::components::working::ShowWorking;
use crate::customers::domain::CustomerKind;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Text};
use crate::paths;
use crate::working::Working;

/// The credit file page.
#[component]
pub fn CreditFilePage() -> impl IntoView {
    let params = use_params_map();
    let id = Memo::new(move |_| params.read().get("id").and_then(|v| v.parse::<u64>().ok()));
    let customers = use_customers();
    let found = Memo::new(move |_| {
        id.get().and_then(|id| {
            customers.customers.with(|b| {
                b.get(id)
                    .map(|c| (c.name.clone(), c.kind == CustomerKind::Business))
            })
        })
    });
    view! {
        <section class="page credit-file" data-testid="page-credit-file">
            {move || match (id.get(), found.get()) {
                (Some(id), Some((name, business))) => view! { <FileBody id name business /> }.into_any(),
                _ => view! {
                    <div class="card" data-testid="credit-not-found">
                        <h1>{tr(CreditMsg::NotFound)}</h1>
                        <A href=paths::credit()>{tr(CreditMsg::BackToCredit)}</A>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

#[component]
fn FileBody(id: u64, name: String, business: bool) -> impl IntoView {
    let credit = use_credit();
    let file = Memo::new(move |_| {
        credit
            .book
            .with(|b| b.file(id).cloned().unwrap_or_else(|| CreditFile::new(id)))
    });
    let print = move |_| {
        let _ = window().print();
    };
    view! {
        <header class="customer-header">
            <h1 data-testid="credit-file-title">{fill(CreditMsg::FileTitle.in_lang(use_lang().get_untracked()), &[&name])}</h1>
            <div class="header-actions no-print">
                <A href=paths::customer(id, "") attr:class="button ghost">{tr(CreditMsg::ToCustomer)}</A>
                <button type="button" class="ghost" data-testid="print-memo" on:click=print>{tr(CreditMsg::PrintMemo)}</button>
            </div>
        </header>
        <p class="print-only">{tr(CreditMsg::MemoHeading)}{" · "}{today().to_string()}</p>
        <div class="credit-columns">
            <DecisionPanel id file business />
            <ScorecardPanel id file />
            {business.then(|| view! { <ZPanel id file /> })}
            <TermsPanel id file />
            <LimitPanel id file />
            <LedgerPanel customer_id=id />
        </div>
    }
}

#[component]
fn DecisionPanel(id: u64, file: Memo<CreditFile>, business: bool) -> impl IntoView {
    let credit = use_credit();
    let lang = use_lang();
    let assessed = Memo::new(move |_| {
        credit
            .book
            .with(|b| assess(&b.policy, &file.get(), business))
    });
    let kind = RwSignal::new(String::new());
    let by = RwSignal::new(String::new());
    let reasons = RwSignal::new(String::new());
    let decided = RwSignal::new(false);
    let record = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let chosen =
            DecisionKind::from_key(&kind.get_untracked()).unwrap_or(assessed.get_untracked().1);
        let (who, why) = (by.get_untracked(), reasons.get_untracked());
        credit.book.edit(move |b| {
            let months = b.policy.review_months;
            b.file_mut(id).decide(chosen, today(), &who, &why, months);
        });
        decided.set(true);
    };
    let check_line = move |check: &Check| -> String {
        let lang = lang.get();
        match check {
            Check::Score { score, min, .. } => fill(
                CreditMsg::CheckScore.in_lang(lang),
                &[
                    &score.map_or("–".to_owned(), |s| format!("{s:.1}")),
                    &format!("{min:.0}"),
                ],
            ),
            Check::Zone { zone, .. } => fill(
                CreditMsg::CheckZone.in_lang(lang),
                &[zone.map_or("–", |z| z.name().in_lang(lang))],
            ),
            Check::Document { name, .. } => fill(CreditMsg::CheckDocument.in_lang(lang), &[name]),
        }
    };
    let result_name = |r: CheckResult| match r {
        CheckResult::Pass => CreditMsg::Pass,
        CheckResult::Fail => CreditMsg::Fail,
        CheckResult::Missing => CreditMsg::Missing,
    };
    let documents = Memo::new(move |_| credit.book.with(|b| b.policy.documents.clone()));
    view! {
        <div class="card" data-testid="credit-decision">
            <h2>{tr(CreditMsg::DecisionHeading)}</h2>
            <ul class="checks" data-testid="policy-checks">
                {move || assessed.get().0.iter().map(|c| {
                    let r = c.result();
                    view! { <li class=format!("check-{}", match r { CheckResult::Pass => "pass", CheckResult::Fail => "fail", CheckResult::Missing => "missing" })>
                        <span class="check-result">{result_name(r).in_lang(lang.get())}</span>" "{check_line(c)}
                    </li> }
                }).collect_view()}
            </ul>
            <p data-testid="suggested-decision">{move || fill(CreditMsg::Suggested.in_lang(lang.get()), &[decision_name(assessed.get().1).in_lang(lang.get())])}</p>
            <fieldset class="no-print">
                <legend>{tr(CreditMsg::DocumentsReceived)}</legend>
                {move || documents.get().into_iter().map(|doc| {
                    let d = doc.clone();
                    let checked = move || file.with(|f| f.documents_received.contains(&d));
                    let d2 = doc.clone();
                    view! {
                        <label class="check">
                            <input type="checkbox" prop:checked=checked on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                let d = d2.clone();
                                credit.book.edit(move |b| {
                                    let f = b.file_mut(id);
                                    f.documents_received.retain(|x| *x != d);
                                    if on { f.documents_received.push(d.clone()); }
                                });
                            } />
                            {doc}
                        </label>
                    }
                }).collect_view()}
            </fieldset>
            <form class="inline-fields no-print" on:submit=record data-testid="decision-form">
                <label class="field"><span>{tr(CreditMsg::DecisionLabel)}</span>
                    <select data-testid="decision-kind" on:change=move |ev| kind.set(event_target_value(&ev))>
                        <option value="">{move || fill(CreditMsg::AsSuggested.in_lang(lang.get()), &[decision_name(assessed.get().1).in_lang(lang.get())])}</option>
                        {DecisionKind::ALL.into_iter().map(|k| view! { <option value=k.key()>{tr(decision_name(k))}</option> }).collect_view()}
                    </select>
                </label>
                <label class="field"><span>{tr(CreditMsg::DecidedBy)}</span>
                    <input type="text" data-testid="decision-by" prop:value=by on:input=move |ev| by.set(event_target_value(&ev)) /></label>
                <label class="field wide"><span>{tr(CreditMsg::Reasons)}</span>
                    <input type="text" data-testid="decision-reasons" prop:value=reasons on:input=move |ev| reasons.set(event_target_value(&ev)) /></label>
                <button type="submit" data-testid="decision-save">{tr(CreditMsg::RecordDecision)}</button>
            </form>
            <Show when=move || decided.get()><p class="success-text" role="status">{tr(CreditMsg::DecisionRecorded)}</p></Show>
            <ul class="plain-list" data-testid="decision-history">
                {move || file.get().decisions.iter().rev().map(|d| view! {
                    <li>{fill(CreditMsg::DecisionLine.in_lang(lang.get()), &[&d.date.to_string(), decision_name(d.kind).in_lang(lang.get()), &d.by, &d.reasons, &d.next_review.to_string()])}</li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
fn ScorecardPanel(id: u64, file: Memo<CreditFile>) -> impl IntoView {
    let credit = use_credit();
    let lang = use_lang();
    let score = Memo::new(move |_| file.with(|f| f.scorecard.score()));
    let working = Signal::derive(move || file.with(|f| f.scorecard.working()));
    let weights_sum = move || file.with(|f| f.scorecard.weights.iter().sum::<u32>());
    view! {
        <div class="card" data-testid="credit-scorecard">
            <h2>{tr(CreditMsg::ScorecardHeading)}</h2>
            <p class="explain">{tr(CreditMsg::ScorecardExplain)}</p>
            <div class="scroll-x" tabindex="0">
            <table class="table compact">
                <thead><tr><th>{tr(CreditMsg::TheC)}</th><th>{tr(CreditMsg::Weight)}</th><th>{tr(CreditMsg::Rating)}</th><th>{tr(CreditMsg::Evidence)}</th></tr></thead>
                <tbody>
                {C::ALL.into_iter().map(|c| {
                    let rating = move || file.with(|f| f.scorecard.rating(c).score.map(|s| s.to_string()).unwrap_or_default());
                    let weight = move || file.with(|f| f.scorecard.weight(c).to_string());
                    let evidence = move || file.with(|f| f.scorecard.rating(c).evidence.clone());
                    view! {
                        <tr>
                            <th scope="row">{move || c.name().in_lang(lang.get())}</th>
                            <td><input type="number" min="0" max="100" class="narrow" data-testid=format!("weight-{}", c.key())
                                aria-label=move || format!("{} {}", c.name().in_lang(lang.get()), CreditMsg::Weight.in_lang(lang.get()))
                                prop:value=weight on:change=move |ev| {
                                    if let Ok(w) = event_target_value(&ev).trim().parse::<u32>() {
                                        credit.book.edit(move |b| b.file_mut(id).scorecard.set_weight(c, w.min(100)));
                                    }
                                } /><span class="print-only">{weight}</span></td>
                            <td><select data-testid=format!("rating-{}", c.key())
                                aria-label=move || format!("{} {}", c.name().in_lang(lang.get()), CreditMsg::Rating.in_lang(lang.get()))
                                prop:value=rating on:change=move |ev| {
                                    let v = event_target_value(&ev).parse::<u8>().ok();
                                    credit.book.edit(move |b| b.file_mut(id).scorecard.rating_mut(c).score = v);
                                }>
                                <option value="">"–"</option>
                                {(1..=5u8).map(|r| view! { <option value=r.to_string()>{r.to_string()}</option> }).collect_view()}
                            </select><span class="print-only">{rating}</span></td>
                            <td><input type="text" data-testid=format!("evidence-{}", c.key())
                                aria-label=move || format!("{} {}", c.name().in_lang(lang.get()), CreditMsg::Evidence.in_lang(lang.get()))
                                prop:value=evidence on:change=move |ev| {
                                    let text = event_target_value(&ev);
                                    credit.book.edit(move |b| b.file_mut(id).scorecard.rating_mut(c).evidence = text.clone());
                                } /><span class="print-only">{evidence}</span></td>
                        </tr>
                    }
                }).collect_view()}
                </tbody>
            </table>
            </div>
            <p class="figure-value" data-testid="score-value">{move || match score.get() {
                Ok(s) => format!("{s:.1} / 100"),
                Err(super::domain::scorecard::ScoreGap::WeightsSum(n)) => fill(CreditMsg::WeightsMustSum.in_lang(lang.get()), &[&n.to_string()]),
                Err(_) => CreditMsg::RateEveryC.in_lang(lang.get()).to_owned(),
            }}</p>
            <p class="hint">{move || fill(CreditMsg::WeightsNow.in_lang(lang.get()), &[&weights_sum().to_string()])}</p>
            <ShowWorking working testid="working-score" />
        </div>
    }
}

fn firm_type_name(t: FirmType) -> CreditMsg {
    match t {
        FirmType::ListedManufacturer => CreditMsg::FirmListed,
        FirmType::PrivateFirm => CreditMsg::FirmPrivate,
        FirmType::NonManufacturer => CreditMsg::FirmNonManufacturer,
        FirmType::EmergingMarket => CreditMsg::FirmEmerging,
    }
}

fn sheet_check_text(c: SheetCheck) -> CreditMsg {
    match c {
        SheetCheck::NoAssets => CreditMsg::CheckNoAssets,
        SheetCheck::NoLiabilities => CreditMsg::CheckNoLiabilities,
        SheetCheck::NegativeLine => CreditMsg::CheckNegative,
        SheetCheck::NoMarketValue => CreditMsg::CheckNoMarket,
        SheetCheck::LiabilitiesAboveAssets => CreditMsg::CheckLiabilitiesAbove,
        SheetCheck::PartAboveWhole => CreditMsg::CheckPartAbove,
        SheetCheck::EquityMismatch => CreditMsg::CheckEquity,
        SheetCheck::SharesMayBeInThousands => CreditMsg::CheckThousands,
    }
}

/// The balance-sheet lines as typed, in the order of the form.
const SHEET_FIELDS: [(CreditMsg, &str); 10] = [
    (CreditMsg::CurrentAssets, "ca"),
    (CreditMsg::CurrentLiabilities, "cl"),
    (CreditMsg::TotalAssets, "ta"),
    (CreditMsg::TotalLiabilities, "tl"),
    (CreditMsg::RetainedEarnings, "re"),
    (CreditMsg::Ebit, "ebit"),
    (CreditMsg::Sales, "sales"),
    (CreditMsg::BookEquity, "equity"),
    (CreditMsg::MarketValue, "mv"),
    (CreditMsg::SharePrice, "price"),
];

#[component]
fn ZPanel(id: u64, file: Memo<CreditFile>) -> impl IntoView {
    let credit = use_credit();
    let lang = use_lang();
    let year = RwSignal::new((chrono::Datelike::year(&today()) - 1).to_string());
    let fields: Vec<RwSignal<String>> = SHEET_FIELDS
        .iter()
        .map(|_| RwSignal::new(String::new()))
        .collect();
    let shares = RwSignal::new(String::new());
    let errors = RwSignal::new(Vec::<CreditMsg>::new());
    let fields_for_save = fields.clone();
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let mut problems = Vec::new();
        let Ok(y) = year.get_untracked().trim().parse::<i32>() else {
            errors.set(vec![CreditMsg::BadYear]);
            return;
        };
        let mut values = Vec::new();
        for (signal, (label, _)) in fields_for_save.iter().zip(SHEET_FIELDS) {
            match read_money(&signal.get_untracked()) {
                Ok(v) => values.push(v),
                Err(()) => {
                    problems.push(label);
                    values.push(None);
                }
            }
        }
        let shares_count = shares.get_untracked().trim().replace([',', ' '], "");
        let shares_count = if shares_count.is_empty() {
            None
        } else {
            match shares_count.parse::<u64>() {
                Ok(n) => Some(n),
                Err(_) => {
                    problems.push(CreditMsg::Shares);
                    None
                }
            }
        };
        if !problems.is_empty() {
            errors.set(problems);
            return;
        }
        let v = |i: usize| values[i].unwrap_or(0);
        let sheet = BalanceSheet {
            year: y,
            current_assets: v(0),
            current_liabilities: v(1),
            total_assets: v(2),
            total_liabilities: v(3),
            retained_earnings: v(4),
            ebit: v(5),
            sales: v(6),
            book_equity: v(7),
            market_value: values[8],
            shares: shares_count,
            share_price_cents: values[9],
        };
        errors.set(Vec::new());
        credit
            .book
            .edit(move |b| b.file_mut(id).put_sheet(sheet.clone()));
    };
    let trend = Memo::new(move |_| file.with(|f| f.z_trend()));
    let model = Memo::new(move |_| file.with(|f| f.firm_type.model()));
    let latest_problems = Memo::new(move |_| {
        file.with(|f| {
            f.sheets
                .last()
                .map(|s| s.checks(f.firm_type.model()))
                .unwrap_or_default()
        })
    });
    let working = Signal::derive(move || {
        trend
            .get()
            .last()
            .map(|z| z.working())
            .unwrap_or_else(Working::default)
    });
    view! {
        <div class="card" data-testid="credit-z">
            <h2>{tr(CreditMsg::ZHeading)}</h2>
            <label class="field"><span>{tr(CreditMsg::FirmType)}</span>
                <select data-testid="firm-type" prop:value=move || file.with(|f| f.firm_type.key()) on:change=move |ev| {
                    if let Some(t) = FirmType::from_key(&event_target_value(&ev)) {
                        credit.book.edit(move |b| b.file_mut(id).firm_type = t);
                    }
                }>
                    {FirmType::ALL.into_iter().map(|t| view! { <option value=t.key()>{tr(firm_type_name(t))}</option> }).collect_view()}
                </select>
            </label>
            <p class="hint">{move || fill(CreditMsg::ModelUsed.in_lang(lang.get()), &[model.get().symbol()])}</p>
            <div class="scroll-x" tabindex="0">
            <table class="table compact" data-testid="z-trend">
                <thead><tr><th>{tr(CreditMsg::Year)}</th><th>"X1"</th><th>"X2"</th><th>"X3"</th><th>"X4"</th><th>"X5"</th><th>{move || model.get().symbol()}</th><th>{tr(CreditMsg::Zone)}</th></tr></thead>
                <tbody>
                    {move || trend.get().into_iter().map(|z| view! {
                        <tr class=format!("zone-{}", z.zone.key())>
                            <td>{z.year}</td>
                            {z.ratios.iter().map(|x| view! { <td>{format!("{x:.3}")}</td> }).collect_view()}
                            <td data-testid="z-score">{format!("{:.2}", z.score)}</td>
                            <td>{z.zone.name().in_lang(lang.get())}</td>
                        </tr>
                    }).collect_view()}
                </tbody>
            </table>
            </div>
            <ul class="warnings" data-testid="z-checks">
                {move || latest_problems.get().into_iter().map(|c| view! { <li class="warning-text">{tr(sheet_check_text(c))}</li> }).collect_view()}
            </ul>
            <ShowWorking working testid="working-z" />
            <details class="no-print" data-testid="sheet-details">
                <summary>{tr(CreditMsg::AddYear)}</summary>
                <form class="inline-fields" on:submit=save data-testid="sheet-form" novalidate>
                    <label class="field"><span>{tr(CreditMsg::Year)}</span>
                        <input type="text" inputmode="numeric" data-testid="sheet-year" prop:value=year on:input=move |ev| year.set(event_target_value(&ev)) /></label>
                    {SHEET_FIELDS.iter().zip(fields.clone()).map(|((label, key), signal)| view! {
                        <label class="field"><span>{tr(*label)}</span>
                            <input type="text" inputmode="decimal" data-testid=format!("sheet-{key}") prop:value=signal on:input=move |ev| signal.set(event_target_value(&ev)) /></label>
                    }).collect_view()}
                    <label class="field"><span>{tr(CreditMsg::Shares)}</span>
                        <input type="text" inputmode="numeric" data-testid="sheet-shares" prop:value=shares on:input=move |ev| shares.set(event_target_value(&ev)) /></label>
                    <button type="submit" data-testid="sheet-save">{tr(CreditMsg::SaveYear)}</button>
                </form>
                <ul class="field-errors" role="alert" data-error-summary>
                    {move || errors.get().into_iter().map(|m| view! { <li>{fill(CreditMsg::NotAnAmount.in_lang(lang.get()), &[m.in_lang(lang.get())])}</li> }).collect_view()}
                </ul>
            </details>
        </div>
    }
}

fn terms_error(e: TermsError) -> CreditMsg {
    match e {
        TermsError::Empty | TermsError::NoNetDays => CreditMsg::TermsNoNet,
        TermsError::BadDiscount => CreditMsg::TermsBadDiscount,
        TermsError::DiscountOutOfRange => CreditMsg::TermsDiscountRange,
        TermsError::DiscountNotBeforeNet => CreditMsg::TermsDiscountDays,
    }
}

#[component]
fn TermsPanel(id: u64, file: Memo<CreditFile>) -> impl IntoView {
    let credit = use_credit();
    let lang = use_lang();
    let text = RwSignal::new(file.get_untracked().terms.label());
    let error = RwSignal::new(None::<CreditMsg>);
    // Another tab's change of the terms shows here too.
    Effect::new(move |_| text.set(file.with(|f| f.terms.label())));
    let year = Memo::new(move |_| credit.book.with(|b| b.policy.year_basis));
    let cost = Memo::new(move |_| file.with(|f| f.terms.discount_cost(year.get())));
    let working = Signal::derive(move || cost.get().map(|c| c.working()).unwrap_or_default());
    let apply = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        match CreditTerms::parse(&text.get_untracked()) {
            Ok(terms) => {
                error.set(None);
                credit
                    .book
                    .edit(move |b| b.file_mut(id).terms = terms.clone());
            }
            Err(e) => error.set(Some(terms_error(e))),
        }
    };
    view! {
        <div class="card" data-testid="credit-terms">
            <h2>{tr(CreditMsg::TermsHeading)}</h2>
            <form class="inline-fields no-print" on:submit=apply novalidate>
                <label class="field"><span>{tr(CreditMsg::TermsLabel)}</span>
                    <input type="text" data-testid="terms-input" aria-describedby="terms-error" prop:value=text on:input=move |ev| text.set(event_target_value(&ev)) /></label>
                <label class="field"><span>{tr(CreditMsg::YearBasis)}</span>
                    <select data-testid="year-basis" prop:value=move || if year.get() == YearBasis::Days360 { "360" } else { "365" }
                        on:change=move |ev| {
                            let basis = if event_target_value(&ev) == "360" { YearBasis::Days360 } else { YearBasis::Days365 };
                            credit.book.edit(move |b| b.policy.year_basis = basis);
                        }>
                        <option value="365">"365"</option><option value="360">"360"</option>
                    </select></label>
                <button type="submit" data-testid="terms-save">{tr(CreditMsg::SaveTerms)}</button>
            </form>
            <p id="terms-error" class="danger-text" role="alert" data-error-summary>{move || error.get().map(|e| e.in_lang(lang.get()))}</p>
            <p data-testid="terms-shown">{move || file.with(|f| f.terms.label())}</p>
            <p class="figure-value" data-testid="discount-cost">{move || match cost.get() {
                Some(c) => fill(CreditMsg::DiscountCostLine.in_lang(lang.get()), &[&format!("{:.2}%", c.simple * 100.0), &format!("{:.2}%", c.compounded * 100.0)]),
                None => CreditMsg::NoDiscountLine.in_lang(lang.get()).to_owned(),
            }}</p>
            <ShowWorking working testid="working-discount" />
        </div>
    }
}

#[component]
fn LimitPanel(id: u64, file: Memo<CreditFile>) -> impl IntoView {
    let credit = use_credit();
    let lang = use_lang();
    let working = Signal::derive(move || file.with(|f| f.limit_inputs.working()));
    let suggested = Memo::new(move |_| file.with(|f| f.limit_inputs.suggested()));
    let open = Memo::new(move |_| {
        credit.book.with(|b| {
            let currency = b
                .file(id)
                .map_or("CNY".to_owned(), |f| f.limit_currency.clone());
            b.ledger.open_total(id, &currency, today())
        })
    });
    let error = RwSignal::new(false);
    let money_input = move |label: CreditMsg,
                            key: &'static str,
                            get: fn(&CreditFile) -> Option<i64>,
                            set: fn(&mut CreditFile, Option<i64>)| {
        view! {
            <label class="field"><span>{tr(label)}</span>
                <input type="text" inputmode="decimal" data-testid=format!("limit-{key}")
                    prop:value=move || file.with(|f| money_text(get(f)))
                    on:change=move |ev| match read_money(&event_target_value(&ev)) {
                        Ok(v) => { error.set(false); credit.book.edit(move |b| set(b.file_mut(id), v)); }
                        Err(()) => error.set(true),
                    } /></label>
        }
    };
    let percent_input = move |label: CreditMsg,
                              key: &'static str,
                              get: fn(&CreditFile) -> f64,
                              set: fn(&mut CreditFile, f64)| {
        view! {
            <label class="field"><span>{tr(label)}</span>
                <input type="text" inputmode="decimal" class="narrow" data-testid=format!("limit-{key}")
                    prop:value=move || file.with(|f| percent_text(get(f)))
                    on:change=move |ev| match read_percent(&event_target_value(&ev)) {
                        Some(v) => { error.set(false); credit.book.edit(move |b| set(b.file_mut(id), v)); }
                        None => error.set(true),
                    } /></label>
        }
    };
    let use_suggested = move |_| {
        if let Some(s) = suggested.get_untracked() {
            credit
                .book
                .edit(move |b| b.file_mut(id).limit_cents = Some(s));
        }
    };
    view! {
        <div class="card" data-testid="credit-limit">
            <h2>{tr(CreditMsg::LimitHeading)}</h2>
            <div class="inline-fields no-print">
                {money_input(CreditMsg::NetWorth, "tnw", |f| f.limit_inputs.tangible_net_worth, |f, v| f.limit_inputs.tangible_net_worth = v)}
                {money_input(CreditMsg::WorkingCapital, "wc", |f| f.limit_inputs.working_capital, |f, v| f.limit_inputs.working_capital = v)}
                {percent_input(CreditMsg::SharePct, "share", |f| f.limit_inputs.share, |f, v| f.limit_inputs.share = v)}
                {money_input(CreditMsg::MonthlyPurchases, "monthly", |f| f.limit_inputs.monthly_credit_purchases, |f, v| f.limit_inputs.monthly_credit_purchases = v)}
                {money_input(CreditMsg::OurSales, "oursales", |f| f.limit_inputs.our_annual_sales, |f, v| f.limit_inputs.our_annual_sales = v)}
                {percent_input(CreditMsg::CapPct, "cap", |f| f.limit_inputs.cap_share, |f, v| f.limit_inputs.cap_share = v)}
            </div>
            <Show when=move || error.get()><p class="danger-text" role="alert" data-error-summary>{tr(CreditMsg::BadNumber)}</p></Show>
            <p data-testid="limit-suggested">{move || match suggested.get() {
                Some(s) => fill(CreditMsg::SuggestedLimit.in_lang(lang.get()), &[&amount(s, &file.with(|f| f.limit_currency.clone()))]),
                None => CreditMsg::NoLimitRules.in_lang(lang.get()).to_owned(),
            }}</p>
            <ShowWorking working testid="working-limit" />
            <div class="inline-fields no-print">
                {money_input(CreditMsg::ChosenLimit, "chosen", |f| f.limit_cents, |f, v| f.limit_cents = v)}
                <label class="field"><span>{tr(CreditMsg::Currency)}</span>
                    <input type="text" class="narrow" data-testid="limit-currency" prop:value=move || file.with(|f| f.limit_currency.clone())
                        on:change=move |ev| {
                            let c = event_target_value(&ev).trim().to_uppercase();
                            if !c.is_empty() { credit.book.edit(move |b| b.file_mut(id).limit_currency = c.clone()); }
                        } /></label>
                <button type="button" class="ghost" data-testid="use-suggested" on:click=use_suggested>{tr(CreditMsg::UseSuggested)}</button>
            </div>
            {move || file.with(|f| f.limit_cents).map(|limit| {
                let used = super::domain::utilisation(open.get(), limit).unwrap_or(0.0);
                let currency = file.with(|f| f.limit_currency.clone());
                view! {
                    <p data-testid="limit-use">{fill(CreditMsg::LimitUse.in_lang(lang.get()), &[&amount(open.get(), &currency), &amount(limit, &currency), &format!("{:.0}%", used * 100.0)])}</p>
                    <div class="bar" role="img" aria-label=format!("{:.0}%", used * 100.0)>
                        <div class={if used > 1.0 { "bar-fill over" } else { "bar-fill" }} style=format!("width: {:.0}%", (used * 100.0).min(100.0))></div>
                    </div>
                }
            })}
        </div>
    }
}
