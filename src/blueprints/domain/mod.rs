//! Service blueprint domain: pure types, editing, layout, analysis, CSV and samples (no UI,
//! no IO, no clock).
//!
//! Outside this folder the modules use only pure modules: `crate::working` (the working as
//! data), `crate::tabular` (the shared CSV reader and writer) and `crate::i18n`.

pub mod analysis;
pub mod csv;
pub mod edit;
pub mod geometry;
pub mod model;
pub mod samples;
pub mod words;

pub use model::{
    Benchmark, Blueprint, Connector, ElementKind, FailPoint, Lane, Line, Measure, Moment, Phase,
    ServiceElement, ServiceValue, Step, StepId, StepKind, Version, WaitPoint,
};
pub use words::BlueprintTerm;
