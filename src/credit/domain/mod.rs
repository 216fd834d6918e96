//! Credit domain: pure types, rules and calculations (no UI, no IO, no clock).
//!
//! Callers pass `today`. Outside this folder the modules use only pure modules:
//! `crate::working` (the working as data) and `crate::i18n`.

pub mod aging;
pub mod altman;
pub mod checks;
pub mod conditions;
pub mod demo;
pub mod exposure;
pub mod file;
pub mod import;
pub mod ledger;
pub mod limits;
pub mod metrics;
pub mod policy;
pub mod scorecard;
pub mod words;

pub use aging::{aging, AgeBasis, Aging, AgingRow, Bucket};
pub use altman::{BalanceSheet, FirmType, SheetCheck, ZModel, ZScore, Zone};
pub use checks::{assess, hold_reasons, Check, CheckResult, HoldReason, Sale};
pub use conditions::{CreditTerms, DiscountCost, TermsError, YearBasis};
pub use file::{CreditBook, CreditFile, Decision};
pub use ledger::{
    Adjustment, AdjustmentKind, Entry, Invoice, Ledger, Payment, PaymentError, Promise,
    PromiseStatus,
};
pub use limits::{utilisation, LimitInputs, LimitRule};
pub use metrics::{metrics, Metrics};
pub use policy::{dunning_level, CreditPolicy, DecisionKind};
pub use scorecard::{Scorecard, C};
pub use words::CreditTerm;
