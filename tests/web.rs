//! Browser tests (wasm-bindgen-test in headless Chromium): the localStorage store and
//! the storage-facing components, mounted into a fresh element like a user would see them.
#![cfg(target_arch = "wasm32")]

use crm::storage::browser::BrowserStore;
use crm::storage::{KeyValueStore, Repository, SaveError, StorageError};
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn clear() {
    web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .clear()
        .unwrap();
}

#[wasm_bindgen_test]
fn local_storage_store_round_trips_chinese_text() {
    clear();
    let store = BrowserStore;
    store.set("crm.test", "王芳 · Ann").unwrap();
    assert_eq!(
        store.get("crm.test").unwrap().as_deref(),
        Some("王芳 · Ann")
    );
    assert!(store.keys().unwrap().contains(&"crm.test".to_string()));
    store.remove("crm.test").unwrap();
    assert_eq!(store.get("crm.test").unwrap(), None);
}

#[wasm_bindgen_test]
fn a_full_quota_in_the_real_browser_is_reported_as_quota_exceeded() {
    clear();
    let store = BrowserStore;
    // Chromium allows about 5 MB per origin; 6 M characters cannot fit.
    let huge = "x".repeat(6 * 1024 * 1024);
    assert_eq!(
        store.set("crm.huge", &huge),
        Err(StorageError::QuotaExceeded)
    );
    assert_eq!(store.get("crm.huge").unwrap(), None);
}

#[wasm_bindgen_test]
fn repository_over_local_storage_refuses_a_stale_write() {
    clear();
    use crm::preferences::{Settings, Theme};
    let tab1 = Repository::new(BrowserStore);
    let tab2 = Repository::new(BrowserStore);
    tab1.load::<Settings>();
    tab2.load::<Settings>();
    tab1.save(&Settings {
        theme: Theme::Dark,
        ..Default::default()
    })
    .unwrap();
    assert_eq!(tab2.save(&Settings::default()), Err(SaveError::Conflict));
    assert_eq!(tab2.load::<Settings>().doc.theme, Theme::Dark);
}

fn mount_app() -> web_sys::HtmlElement {
    let document = document();
    let host = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&host).unwrap();
    let handle = leptos::mount::mount_to(host.clone(), crm::app::App);
    handle.forget();
    host
}

async fn tick() {
    gloo_timers_tick().await;
}

/// Lets effects and the scheduler run.
async fn gloo_timers_tick() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 20)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

#[wasm_bindgen_test]
async fn corrupt_settings_show_the_recovery_banner_and_are_kept() {
    clear();
    let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
    storage.set_item("crm.settings", "{broken").unwrap();
    let host = mount_app();
    tick().await;
    let banner = host
        .query_selector("[data-testid=notice-unreadable]")
        .unwrap();
    assert!(
        banner.is_some(),
        "the recovery banner should show: {}",
        host.inner_html()
    );
    assert_eq!(
        storage
            .get_item("crm.quarantine.settings.1")
            .unwrap()
            .as_deref(),
        Some("{broken")
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn switching_language_translates_the_navigation_and_is_saved() {
    clear();
    let host = mount_app();
    tick().await;
    let select = host
        .query_selector("[data-testid=lang-switch]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlSelectElement>();
    select.set_value("zh-CN");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    let nav = host
        .query_selector("[data-testid=nav-customers]")
        .unwrap()
        .unwrap();
    assert_eq!(nav.text_content().unwrap().trim(), "客户");
    let stored = web_sys::window()
        .unwrap()
        .local_storage()
        .unwrap()
        .unwrap()
        .get_item("crm.settings")
        .unwrap();
    assert!(stored.unwrap().contains("zh-CN"));
    host.remove();
}

#[wasm_bindgen_test]
async fn a_settings_change_racing_another_tabs_save_keeps_both() {
    use crm::i18n::Lang;
    use crm::preferences::{Settings, Theme};
    clear();
    let host = mount_app();
    tick().await;
    // Another tab saves a theme that this tab has not heard of yet (its storage event is
    // still on the way): this tab's save of the language meets a newer revision.
    let other_tab = Repository::new(BrowserStore);
    other_tab.load::<Settings>();
    other_tab
        .save(&Settings {
            theme: Theme::Dark,
            ..Default::default()
        })
        .unwrap();
    let select = host
        .query_selector("[data-testid=lang-switch]")
        .unwrap()
        .unwrap()
        .unchecked_into::<web_sys::HtmlSelectElement>();
    select.set_value("zh-CN");
    select
        .dispatch_event(&web_sys::Event::new("change").unwrap())
        .unwrap();
    tick().await;
    let stored = Repository::new(BrowserStore).load::<Settings>().doc;
    assert_eq!(stored.theme, Theme::Dark, "the other tab's theme is kept");
    assert_eq!(
        stored.lang,
        Some(Lang::Zh),
        "this tab's language is saved too"
    );
    host.remove();
}

#[wasm_bindgen_test]
async fn a_component_mounts_alone_with_only_the_language_context() {
    use crm::components::working::ShowWorking;
    use crm::i18n::Lang;
    use crm::state::UiLang;
    use crm::working::{Name, Quantity, Step, Working};
    let document = document();
    let host = document
        .create_element("div")
        .unwrap()
        .unchecked_into::<web_sys::HtmlElement>();
    document.body().unwrap().append_child(&host).unwrap();
    let working = Working::from(vec![Step::Sum {
        name: Name {
            en: "Total spend",
            zh: "消费总额",
        },
        parts: vec![Quantity::money(1_250_000), Quantity::money(860_000)],
        total: Quantity::money(2_110_000),
    }]);
    let handle = leptos::mount::mount_to(host.clone(), move || {
        // No app state, no router, no stored documents: only the language.
        provide_context(UiLang(Memo::new(|_| Lang::Zh)));
        view! { <ShowWorking working=working.clone() testid="alone" /> }
    });
    tick().await;
    let text = host.text_content().unwrap_or_default();
    assert!(text.contains("查看计算过程"), "{text}");
    assert!(
        text.contains("消费总额 = 12,500.00 + 8,600.00 = 21,100.00"),
        "{text}"
    );
    drop(handle);
    host.remove();
}
