//! The home currency and the exchange rates into it: what every figure over purchases in
//! several currencies is converted with (the rule itself is `money::Conversion`).

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::InteractionKind;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Msg, Text};
use crate::money::{format_rate, parse_rate_micros, AmountMsg, Currency, Rate, RateError};
use crate::state::use_app_state;

/// The currencies offered in the home-currency choice (any other can be typed as a rate).
const OFFERED: [&str; 12] = [
    "CNY", "HKD", "TWD", "USD", "GBP", "EUR", "JPY", "KRW", "SGD", "AUD", "CAD", "CHF",
];

/// Why a rate was not saved.
#[derive(Clone, Copy)]
enum RateProblem {
    Entry(AmountMsg),
    Rate(RateError),
    NoDate,
}

/// The home currency and the rates card.
#[component]
pub fn MoneySettings() -> impl IntoView {
    let state = use_app_state();
    let lang = use_lang();
    let chosen = move || state.settings.with(|s| s.home_currency);
    let suggested = state.suggested_currency;
    let on_home = move |ev| {
        let home = Currency::parse(&event_target_value(&ev));
        state.settings.edit(move |s| s.home_currency = home);
    };
    let options = move || {
        let mut codes: Vec<String> = OFFERED.iter().map(|c| (*c).to_owned()).collect();
        if let Some(c) = chosen().filter(|c| !OFFERED.contains(&c.code())) {
            codes.push(c.code().to_owned());
        }
        codes
            .into_iter()
            .map(|code| {
                let selected = chosen().is_some_and(|c| c.code() == code);
                view! { <option value=code.clone() selected=selected>{code.clone()}</option> }
            })
            .collect_view()
    };
    let suggested_option = move || {
        fill(
            Msg::HomeCurrencySuggested.in_lang(lang.get()),
            &[suggested.get().code()],
        )
    };
    view! {
        <div class="card" data-testid="money-settings">
            <h2>{tr(Msg::MoneyHeading)}</h2>
            <p>{tr(Msg::HomeCurrencyExplain)}</p>
            <label class="field">
                <span>{tr(Msg::HomeCurrencyLabel)}</span>
                <select data-testid="home-currency" on:change=on_home>
                    <option value="" selected=move || chosen().is_none()>{suggested_option}</option>
                    {options}
                </select>
            </label>
            <Rates />
        </div>
    }
}

/// The rates entered, the currencies of purchases still without one, and the form to add
/// or replace a rate.
#[component]
fn Rates() -> impl IntoView {
    let state = use_app_state();
    let customers = use_customers();
    let lang = use_lang();
    let currency = RwSignal::new(String::new());
    let rate = RwSignal::new(String::new());
    let date = RwSignal::new(today().to_string());
    let error = RwSignal::new(None::<RateProblem>);
    let home = Memo::new(move |_| state.conversion.with(|c| c.home));
    // Per currency, the purchases no rate converts yet.
    let without_rate = Memo::new(move |_| {
        let conversion = state.conversion.get();
        customers.customers.with(|book| {
            conversion
                .total(book.customers.iter().flat_map(|c| {
                    c.interactions.iter().filter_map(|i| match &i.kind {
                        InteractionKind::Purchase {
                            amount_cents,
                            currency,
                            ..
                        } => Some((*amount_cents, currency.as_str())),
                        _ => None,
                    })
                }))
                .not_counted
        })
    });
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        error.set(None);
        let Some(code) = Currency::parse(&currency.get_untracked()) else {
            error.set(Some(RateProblem::Entry(AmountMsg::RateBadCurrency)));
            return;
        };
        if code == home.get_untracked() {
            error.set(Some(RateProblem::Entry(AmountMsg::RateSameAsHome)));
            return;
        }
        let micros = match parse_rate_micros(&rate.get_untracked()) {
            Ok(micros) => micros,
            Err(e) => {
                error.set(Some(RateProblem::Rate(e)));
                return;
            }
        };
        let Ok(day) = date.get_untracked().parse::<NaiveDate>() else {
            error.set(Some(RateProblem::NoDate));
            return;
        };
        let entered = Rate {
            currency: code,
            micros,
            date: day,
        };
        state.settings.edit(move |s| {
            s.rates.retain(|r| r.currency != entered.currency);
            s.rates.push(entered.clone());
            s.rates.sort_by_key(|r| r.currency);
        });
        currency.set(String::new());
        rate.set(String::new());
    };
    let problem = move || {
        let lang = lang.get();
        error.get().map(|problem| match problem {
            RateProblem::Entry(msg) => msg.in_lang(lang),
            RateProblem::Rate(e) => e.message(lang),
            RateProblem::NoDate => Msg::RateBadDate.in_lang(lang),
        })
    };
    let rows = move || {
        let lang = lang.get();
        let home = home.get();
        state.settings.with(|s| {
            s.rates
                .iter()
                .filter(|r| r.currency != home)
                .map(|r| {
                    let code = r.currency;
                    let line = fill(
                        Msg::RateLine.in_lang(lang),
                        &[
                            code.code(),
                            &format!("{} {}", format_rate(r.micros), home.code()),
                            &r.date.to_string(),
                        ],
                    );
                    let remove = move |_| state.settings.edit(move |s| s.rates.retain(|r| r.currency != code));
                    let label = fill(Msg::RemoveRateLabel.in_lang(lang), &[code.code()]);
                    view! {
                        <li data-testid="rate-row">
                            <span>{line}</span>" "
                            <button type="button" class="link" aria-label=label on:click=remove>{tr(Msg::RemoveRate)}</button>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let no_rates = move || {
        state
            .settings
            .with(|s| s.rates.iter().all(|r| r.currency == home.get()))
    };
    let missing = move || {
        let list = without_rate.with(|m| {
            m.iter()
                .map(|(c, n)| format!("{c} ({n})"))
                .collect::<Vec<_>>()
                .join(", ")
        });
        (!list.is_empty()).then(|| {
            view! {
                <p class="banner warning" data-testid="currencies-without-rate">
                    {move || fill(Msg::CurrenciesWithoutRate.in_lang(lang.get()), &[&list])}
                </p>
            }
        })
    };
    view! {
        <h3>{tr(Msg::RatesHeading)}</h3>
        <p class="muted">{tr(Msg::RatesExplain)}</p>
        {missing}
        <Show when=no_rates fallback=move || view! { <ul class="plain" data-testid="rates">{rows}</ul> }>
            <p class="muted" data-testid="no-rates">{tr(Msg::NoRates)}</p>
        </Show>
        <form class="inline-form" data-testid="rate-form" on:submit=save novalidate>
            <label class="field">
                <span>{tr(Msg::RateCurrency)}</span>
                <input data-testid="rate-currency" maxlength="3" size="5" autocomplete="off" prop:value=currency on:input=move |ev| currency.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{tr(Msg::RateValue)}</span>
                <input data-testid="rate-value" inputmode="decimal" size="10" prop:value=rate on:input=move |ev| rate.set(event_target_value(&ev)) />
            </label>
            <label class="field">
                <span>{tr(Msg::RateDate)}</span>
                <input data-testid="rate-date" type="date" prop:value=date on:input=move |ev| date.set(event_target_value(&ev)) />
            </label>
            <button type="submit" data-testid="save-rate">{tr(Msg::AddRate)}</button>
            {move || problem().map(|p| view! { <p class="error" role="alert" data-testid="rate-error">{p}</p> })}
        </form>
    }
}
