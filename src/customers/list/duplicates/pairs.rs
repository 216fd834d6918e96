//! The list of likely duplicate pairs with their reasons, a page at a time.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_query_map;

use crate::components::text::{tr, use_lang};
use crate::customers::domain::{find_duplicates, Customer, DuplicateReason, Field, MatchStrength};
use crate::customers::labels::Labelled;
use crate::customers::list::messages::ListMsg;
use crate::customers::list::view_query::page_window;
use crate::customers::state::use_customers;
use crate::i18n::{fill, Lang, Text};
use crate::paths;

const PAIRS_PER_PAGE: usize = 20;

fn reason_text(reason: DuplicateReason, lang: Lang) -> String {
    match reason {
        DuplicateReason::SameEmail => ListMsg::ReasonEmail.in_lang(lang).into(),
        DuplicateReason::SamePhone => ListMsg::ReasonPhone.in_lang(lang).into(),
        DuplicateReason::SameName => ListMsg::ReasonName.in_lang(lang).into(),
        DuplicateReason::SimilarName(p) => {
            fill(ListMsg::ReasonSimilar.in_lang(lang), &[&p.to_string()])
        }
    }
}

fn strength_text(strength: MatchStrength) -> ListMsg {
    match strength {
        MatchStrength::Strong => ListMsg::StrengthStrong,
        MatchStrength::Possible => ListMsg::StrengthPossible,
        MatchStrength::Weak => ListMsg::StrengthWeak,
    }
}

/// One side of a pair: its name (a link) and what tells it apart.
fn side(customer: Option<Customer>, id: u64, lang: Lang) -> impl IntoView {
    let c = customer.unwrap_or_else(|| Customer::new(id, "", Default::default()));
    let facts = [
        (Field::Company, c.company),
        (Field::Email, c.email),
        (Field::Phone, c.phone),
        (Field::Address, c.address),
    ];
    let facts = facts
        .into_iter()
        .filter(|(_, v)| !v.trim().is_empty())
        .map(|(f, v)| view! { <div><dt>{f.label(lang)}</dt><dd>{v}</dd></div> })
        .collect_view();
    view! {
        <div class="pair-side" data-testid="pair-side">
            <A href=paths::customer(id, "")>{c.name}</A>
            <dl class="pair-facts">{facts}</dl>
        </div>
    }
}

/// Every likely duplicate pair; "Review and merge" opens the pair.
#[component]
pub fn PairList(
    /// The message left by the last merge, shown above the list.
    merged: RwSignal<Option<String>>,
) -> impl IntoView {
    let state = use_customers();
    let lang = use_lang();
    let query = use_query_map();
    let pairs = Memo::new(move |_| state.customers.with(|b| find_duplicates(&b.customers)));
    let page = move || query.with(|q| q.get_str("page").and_then(|p| p.parse().ok()).unwrap_or(1));
    let window = move || page_window(pairs.with(Vec::len), page(), PAIRS_PER_PAGE);
    let found = move |id: u64| state.customers.with(|b| b.get(id).cloned());
    let items = move || {
        let w = window();
        let lang = lang.get();
        pairs.with(|all| {
            all[w.start..w.end]
                .iter()
                .map(|pair| {
                    let (a, b) = (pair.a, pair.b);
                    let (left, right) = (found(a), found(b));
                    let name = |c: &Option<Customer>| c.as_ref().map(|c| c.name.clone()).unwrap_or_default();
                    let review = fill(ListMsg::ReviewPair.in_lang(lang), &[&name(&left), &name(&right)]);
                    let reasons = pair.reasons.iter().map(|&r| reason_text(r, lang)).collect::<Vec<_>>().join(" · ");
                    let why = fill(ListMsg::WhyMatched.in_lang(lang), &[&reasons]);
                    let strength = pair.strength;
                    let class = match strength {
                        MatchStrength::Strong => "pair strong",
                        MatchStrength::Possible => "pair possible",
                        MatchStrength::Weak => "pair weak",
                    };
                    view! {
                        <li class=class data-testid="duplicate-pair" data-strength=format!("{strength:?}").to_lowercase()>
                            <p class="pair-why">
                                <strong data-testid="pair-strength">{strength_text(strength).in_lang(lang)}</strong>
                                " · "<span class="muted" data-testid="pair-reasons">{why}</span>
                            </p>
                            <div class="pair-sides">
                                {side(left, a, lang)}
                                <span class="pair-link" aria-hidden="true">"↔"</span>
                                {side(right, b, lang)}
                            </div>
                            <A href=paths::duplicates(&format!("?a={a}&b={b}")) attr:class="button ghost"
                                attr:aria-label=review attr:data-testid="review-pair">{ListMsg::Review.in_lang(lang)}</A>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    let pager = move || {
        let w = window();
        (w.pages > 1).then(|| {
            let link = |p: usize| paths::duplicates(&format!("?page={p}"));
            view! {
                <nav class="pager" aria-label=tr(ListMsg::Pagination)>
                    <Show when=move || { w.page > 1 }><A href=link(w.page - 1)>{tr(ListMsg::Previous)}</A></Show>
                    <span>{move || fill(ListMsg::PageOf.in_lang(lang.get()), &[&w.page.to_string(), &w.pages.to_string()])}</span>
                    <Show when=move || { w.page < w.pages }><A href=link(w.page + 1)>{tr(ListMsg::Next)}</A></Show>
                </nav>
            }
        })
    };
    view! {
        <p class="muted">{tr(ListMsg::DuplicatesIntro)}</p>
        {move || merged.get().map(|text| view! { <p class="banner success" role="status" data-testid="merge-done">{text}</p> })}
        <Show when=move || pairs.with(|p| !p.is_empty()) fallback=|| view! { <p data-testid="no-duplicates">{tr(ListMsg::NoDuplicates)}</p> }>
            <p data-testid="pair-count">{move || fill(ListMsg::PairCount.in_lang(lang.get()), &[&pairs.with(Vec::len).to_string()])}</p>
            <ul class="pair-list">{items}</ul>
            {pager}
        </Show>
    }
}
