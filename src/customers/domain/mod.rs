//! Customer records domain: pure types, rules and calculations (no UI, no IO, no clock).
//!
//! Callers pass `today` / `now`. Modules refer to each other with `super::`; outside this
//! folder they use only pure modules: `crate::working` (the working as data), `crate::i18n`,
//! `crate::tabular` (CSV and the shared import rules) and the term names in
//! `crate::customers::labels`.

#[macro_use]
mod keyed;

pub mod abc;
pub mod churn;
pub mod clv;
pub mod dedupe;
pub mod demo;
pub mod figures;
pub mod filter;
pub mod import_export;
pub mod lessons;
pub mod merge;
pub mod model;
pub mod overview;
pub mod prepared;
pub mod referrals;
pub mod reimport;
pub mod rfm;
pub mod search;
pub mod terms;
#[cfg(test)]
mod test_support;
pub mod validate;
pub mod wire;

pub use abc::{
    abc_classes, abc_in_list_order, effective_class, suggest_relationship_level, AbcSuggestion,
    AbcThresholds, CustomerCount, Margin,
};
pub use churn::{churn_risk, ChurnContext, ChurnLevel, ChurnRisk, RiskReason, SatisfactionDrop};
pub use clv::{customer_lifetime_value, Clv, ClvAssumptions, ClvError};
pub use dedupe::{find_duplicates, DuplicatePair, DuplicateReason, MatchStrength};
pub use demo::{demo_customers, demo_rates, DEFAULT_DEMO_COUNT};
pub use figures::ResolvedComplaint;
pub use filter::{filter_customers, row_facts, CustomerFilter, RowFacts, SortDirection, SortKey};
pub use import_export::{
    export_customers_csv, export_customers_json, import_customers, import_customers_json,
    suggest_mapping, ColumnMapping, CustomerImport, ImportPreview, JsonError, RowError,
};
pub use lessons::{book_lessons, BookLessons, ComplaintFigures, Share, ValueGroup};
pub use merge::{conflicting_fields, merge, repoint_referrals, FieldChoices, Side};
pub use model::*;
pub use overview::{overview, Overview};
pub use prepared::{Prepared, PreparedBuilder};
pub use referrals::{referrals_of, referred_by_chain};
pub use rfm::{rfm_scores, RfmScore};
pub use search::{search, SearchIndex};
pub use validate::{validate, Field, Issue, Problem, MAX_NOTE_CHARS};
