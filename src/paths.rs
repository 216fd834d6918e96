//! Every in-app address, in one leaf module that imports nothing of the app.
//!
//! The site may be served from a sub-path (`trunk build --public-url /crm/` fills in
//! `<base href>`). The router matches below that base, but `<A href>` and `navigate`
//! take absolute paths as they are, so every link is built here, with the base in
//! front: `customer(7)` is "/customers/7" at the site root and "/crm/customers/7" under
//! /crm/. The route patterns themselves (`path!("/customers/:id")`) are declared by
//! each section beside its pages; a journey follows every link to its page.

use std::cell::RefCell;

thread_local! {
    static BASE: RefCell<String> = const { RefCell::new(String::new()) };
}

/// Sets the sub-path the site is served from, from the document's base URI
/// (`http://host/crm/` → "/crm"). Called once at start-up, before any link is built.
pub fn set_base_from_uri(base_uri: &str) {
    BASE.with(|base| *base.borrow_mut() = base_of(base_uri));
}

/// The path part of a base URI, without a trailing slash: "" at the site root.
fn base_of(base_uri: &str) -> String {
    let after_scheme = base_uri
        .split_once("://")
        .map_or(base_uri, |(_, rest)| rest);
    let path = after_scheme.find('/').map_or("", |i| &after_scheme[i..]);
    let path = path.split(['?', '#']).next().unwrap_or("");
    path.trim_end_matches('/').to_owned()
}

/// The sub-path the site is served from ("" or "/crm"), for the router's `base`.
pub fn base() -> String {
    BASE.with(|base| base.borrow().clone())
}

/// An absolute in-app address: `app_path("/customers")` under the site's base.
pub fn app_path(path: &str) -> String {
    BASE.with(|base| format!("{}{path}", base.borrow()))
}

/// The sections' own addresses, as the router declares them.
pub const DASHBOARD: &str = "/";
pub const CUSTOMERS: &str = "/customers";
pub const SURVEYS: &str = "/surveys";
pub const BLUEPRINTS: &str = "/blueprints";
pub const CREDIT: &str = "/credit";
pub const LEARN: &str = "/learn";
pub const SETTINGS: &str = "/settings";

/// The customer list; `query` is empty or starts with `?`.
pub fn customers(query: &str) -> String {
    app_path(&format!("{CUSTOMERS}{query}"))
}

/// The customer list filtered by one parameter (`customers_where("stage", "growth")`).
pub fn customers_where(key: &str, value: &str) -> String {
    customers(&format!("?{key}={value}"))
}

pub fn new_customer() -> String {
    app_path("/customers/new")
}

pub fn import_customers() -> String {
    app_path("/customers/import")
}

/// The list of likely duplicates; `query` is empty or starts with `?`.
pub fn duplicates(query: &str) -> String {
    app_path(&format!("/customers/duplicates{query}"))
}

/// One customer's page; `query` is empty or starts with `?`.
pub fn customer(id: u64, query: &str) -> String {
    app_path(&format!("/customers/{id}{query}"))
}

pub fn edit_customer(id: u64) -> String {
    app_path(&format!("/customers/{id}/edit"))
}

/// A customer's credit file (`/credit/7`).
pub fn credit_file(customer_id: u64) -> String {
    app_path(&format!("/credit/{customer_id}"))
}

/// The receivables aging; `query` is empty or starts with `?` (`?asof=2026-03-31`).
pub fn credit_aging(query: &str) -> String {
    app_path(&format!("/credit/aging{query}"))
}

/// The receivables ledger import.
pub fn credit_import() -> String {
    app_path("/credit/import")
}

/// The credit overview.
pub fn credit() -> String {
    app_path(CREDIT)
}

/// The survey list.
pub fn surveys() -> String {
    app_path(SURVEYS)
}

/// A survey's builder (`/surveys/3/edit`).
pub fn survey_edit(id: u64) -> String {
    app_path(&format!("/surveys/{id}/edit"))
}

/// A survey's kiosk, answering on this device (`/surveys/3/respond`).
pub fn survey_respond(id: u64) -> String {
    app_path(&format!("/surveys/{id}/respond"))
}

/// A survey's results (`/surveys/3/results`).
pub fn survey_results(id: u64) -> String {
    app_path(&format!("/surveys/{id}/results"))
}

/// A survey's CSV import of responses (`/surveys/3/import`).
pub fn survey_import(id: u64) -> String {
    app_path(&format!("/surveys/{id}/import"))
}

/// A survey as a paper form to print (`/surveys/3/print`).
pub fn survey_print(id: u64) -> String {
    app_path(&format!("/surveys/{id}/print"))
}

/// The list of service blueprints.
pub fn blueprints() -> String {
    app_path(BLUEPRINTS)
}

/// One blueprint's editor (`/blueprints/3`).
pub fn blueprint(id: u64) -> String {
    app_path(&format!("{BLUEPRINTS}/{id}"))
}

/// One blueprint's editor with a step selected (`/blueprints/3?step=4`), or none.
pub fn blueprint_step(id: u64, step: Option<u32>) -> String {
    match step {
        Some(step) => app_path(&format!("{BLUEPRINTS}/{id}?step={step}")),
        None => blueprint(id),
    }
}

/// The steps CSV import into one blueprint.
pub fn blueprint_import(id: u64) -> String {
    app_path(&format!("{BLUEPRINTS}/{id}/import"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_base_is_the_path_of_the_base_uri() {
        let cases = [
            ("http://127.0.0.1:8080/", ""),
            ("http://127.0.0.1:8080/crm/", "/crm"),
            ("https://example.org/a/b/?x=1", "/a/b"),
            ("https://example.org", ""),
            ("file:///srv/site/index.html#top", "/srv/site/index.html"),
        ];
        for (uri, base) in cases {
            assert_eq!(base_of(uri), base, "{uri}");
        }
    }

    #[test]
    fn links_carry_the_base() {
        set_base_from_uri("http://host/crm/");
        assert_eq!(customer(7, ""), "/crm/customers/7");
        assert_eq!(customer(7, "?tab=x"), "/crm/customers/7?tab=x");
        assert_eq!(edit_customer(7), "/crm/customers/7/edit");
        assert_eq!(
            customers_where("stage", "growth"),
            "/crm/customers?stage=growth"
        );
        assert_eq!(duplicates("?page=2"), "/crm/customers/duplicates?page=2");
        assert_eq!(credit_file(7), "/crm/credit/7");
        assert_eq!(
            credit_aging("?asof=2026-03-31"),
            "/crm/credit/aging?asof=2026-03-31"
        );
        assert_eq!(credit_import(), "/crm/credit/import");
        assert_eq!(app_path(DASHBOARD), "/crm/");
        assert_eq!(surveys(), "/crm/surveys");
        assert_eq!(survey_edit(3), "/crm/surveys/3/edit");
        assert_eq!(survey_respond(3), "/crm/surveys/3/respond");
        assert_eq!(survey_results(3), "/crm/surveys/3/results");
        assert_eq!(survey_import(3), "/crm/surveys/3/import");
        assert_eq!(survey_print(3), "/crm/surveys/3/print");
        set_base_from_uri("http://host/");
        assert_eq!(new_customer(), "/customers/new");
        assert_eq!(import_customers(), "/customers/import");
        assert_eq!(customers(""), "/customers");
    }

    #[test]
    fn blueprint_links_carry_the_base() {
        set_base_from_uri("http://host/crm/");
        assert_eq!(blueprints(), "/crm/blueprints");
        assert_eq!(blueprint(3), "/crm/blueprints/3");
        assert_eq!(blueprint_import(3), "/crm/blueprints/3/import");
        assert_eq!(blueprint_step(3, Some(4)), "/crm/blueprints/3?step=4");
        assert_eq!(blueprint_step(3, None), "/crm/blueprints/3");
        set_base_from_uri("http://host/");
        assert_eq!(blueprint(12), "/blueprints/12");
    }
}
