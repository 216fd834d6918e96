//! Saving customers as a CSV or JSON file on the user's device.

use leptos::prelude::*;

use crate::components::download::download_text;
use crate::customers::domain::{export_customers_csv, export_customers_json, Customer};

/// The two export formats.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Format {
    Csv,
    Json,
}

/// Offers `customers` as a download named after today's date.
pub fn download_customers(customers: &[Customer], format: Format) {
    let conversion = crate::customers::state::use_customers()
        .conversion
        .get_untracked();
    let date = crate::clock::today().format("%Y-%m-%d");
    let (text, mime, ext) = match format {
        Format::Csv => (
            export_customers_csv(customers, &conversion),
            "text/csv;charset=utf-8",
            "csv",
        ),
        Format::Json => (export_customers_json(customers), "application/json", "json"),
    };
    let _ = download_text(&format!("customers-{date}.{ext}"), mime, &text);
}
