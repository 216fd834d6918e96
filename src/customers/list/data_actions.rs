//! Export (shown or all), demo data and erase-all, each replacement asked first.

use leptos::prelude::*;
use leptos_router::components::A;

use super::context::use_list;
use super::export::{download_customers, Format};
use super::messages::ListMsg;
use crate::clock::today;
use crate::components::text::{tr, use_lang};
use crate::customers::domain::{demo_customers, DEFAULT_DEMO_COUNT};
use crate::customers::state::use_customers;
use crate::customers::DEMO_SEED;
use crate::i18n::{fill, CommonMsg, Text};
use crate::paths;
use crate::state::use_app_state;

#[derive(Clone, Copy, PartialEq)]
enum Asking {
    Demo,
    Reset,
}

/// The data actions row and its confirmation panel; on a phone a menu folded until the
/// toolbar's More button opens it, with the toolbar's Import and Find duplicates in it.
/// What *Load demo data* does: replace the customers with the demo customers, and every
/// section adds its demo data on top. Call it while the list is being built; the
/// returned closure can then run from any click (the list's menu, the empty list's button).
pub fn demo_loader() -> impl Fn() + Copy + 'static {
    let state = use_customers();
    let app = use_app_state();
    let list = use_list();
    move || {
        let demo = demo_customers(DEMO_SEED, DEFAULT_DEMO_COUNT, today());
        state.customers.update(|b| b.customers = demo);
        crate::customers::state::add_demo_rates(app);
        // Each section adds its part, built on these customers.
        app.demo_loaded();
        list.selection.set(Default::default());
        list.tell(ListMsg::DemoLoaded, DEFAULT_DEMO_COUNT, None);
    }
}

#[component]
pub fn DataActions(
    /// Whether the menu is unfolded on a phone.
    open: RwSignal<bool>,
) -> impl IntoView {
    let state = use_customers();
    let list = use_list();
    let lang = use_lang();
    let asking = RwSignal::new(None::<Asking>);
    let count = move || state.customers.with(|b| b.customers.len());
    let demo = demo_loader();
    let load_demo = move || {
        demo();
        asking.set(None);
    };
    let erase = move || {
        state.customers.update(|b| b.customers.clear());
        list.selection.set(Default::default());
        list.tell(ListMsg::Erased, 0, None);
        asking.set(None);
    };
    let export = move |format: Format, shown: bool| {
        state.customers.with_untracked(|b| {
            if shown {
                let picked: Vec<_> = list
                    .rows
                    .get_untracked()
                    .iter()
                    .map(|&i| b.customers[i].clone())
                    .collect();
                download_customers(&picked, format);
            } else {
                download_customers(&b.customers, format);
            }
        });
    };
    let question = move || {
        let n = count().to_string();
        match asking.get() {
            Some(Asking::Demo) => fill(ListMsg::ConfirmReplaceDemo.in_lang(lang.get()), &[&n]),
            Some(Asking::Reset) => fill(ListMsg::ConfirmReset.in_lang(lang.get()), &[&n]),
            None => String::new(),
        }
    };
    let confirm = move |_| match asking.get_untracked() {
        Some(Asking::Demo) => load_demo(),
        Some(Asking::Reset) => erase(),
        None => {}
    };
    let has = move || count() > 0;
    view! {
        <div class="data-actions" class:open=move || open.get() || count() == 0 id="customer-data-actions" role="group" aria-label=tr(ListMsg::DataMenu)>
            <A href=paths::import_customers() attr:class="button ghost narrow-only" attr:data-testid="menu-import">{tr(ListMsg::Import)}</A>
            <A href=paths::duplicates("") attr:class="button ghost narrow-only" attr:data-testid="menu-duplicates">{tr(ListMsg::FindDuplicates)}</A>
            <button type="button" class="ghost" data-testid="load-demo"
                on:click=move |_| if has() { asking.set(Some(Asking::Demo)) } else { load_demo() }>
                {tr(ListMsg::LoadDemo)}
            </button>
            <Show when=has>
                <button type="button" class="ghost" data-testid="export-shown-csv" on:click=move |_| export(Format::Csv, true)>{tr(ListMsg::ExportFilteredCsv)}</button>
                <button type="button" class="ghost" data-testid="export-shown-json" on:click=move |_| export(Format::Json, true)>{tr(ListMsg::ExportFilteredJson)}</button>
                <button type="button" class="ghost" data-testid="export-all-csv" on:click=move |_| export(Format::Csv, false)>{tr(ListMsg::ExportAllCsv)}</button>
                <button type="button" class="ghost" data-testid="export-all-json" on:click=move |_| export(Format::Json, false)>{tr(ListMsg::ExportAllJson)}</button>
                <button type="button" class="ghost danger-text" data-testid="reset-customers" on:click=move |_| asking.set(Some(Asking::Reset))>{tr(ListMsg::ResetAll)}</button>
            </Show>
        </div>
        <Show when=move || asking.get().is_some()>
            <div class="banner warning" role="alertdialog" aria-labelledby="data-question" data-testid="data-confirm">
                <p id="data-question" class="banner-text">{question}</p>
                <div class="banner-actions">
                    <button type="button" class="danger" data-testid="data-confirm-yes" on:click=confirm>
                        {move || match asking.get() {
                            Some(Asking::Reset) => ListMsg::EraseConfirm.in_lang(lang.get()),
                            _ => ListMsg::ReplaceWithDemo.in_lang(lang.get()),
                        }}
                    </button>
                    <button type="button" class="ghost" data-testid="data-confirm-no" on:click=move |_| asking.set(None)>{tr(CommonMsg::Cancel)}</button>
                </div>
            </div>
        </Show>
    }
}
