//! CRM Studio: a customer relationship management app that runs entirely in the browser.
//!
//! Pure domain and storage code sits beside the Leptos UI; see README "Architecture".

// First, so its `catalogue!` macro is in scope for every module below.
#[macro_use]
pub mod i18n;

pub mod app;
pub mod blueprints;
pub mod clock;
pub mod components;
pub mod credit;
pub mod customers;
pub mod dashboard;
pub mod editing;
pub mod learn;
pub mod money;
pub mod not_found;
pub mod paths;
pub mod pinyin;
pub mod preferences;
pub mod sections;
pub mod settings;
pub mod state;
pub mod storage;
pub mod surveys;
pub mod tabular;
pub mod tasks;
pub mod working;
