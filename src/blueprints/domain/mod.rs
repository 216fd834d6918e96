//! Service blueprint domain: pure types, editing, layout, analysis, CSV and samples (no UI,
//! no IO, no clock).
//!
//! Outside this folder the modules use only pure modules: `crate::working` (the working as
//! data), `crate::tabular` (the shared CSV reader and writer) and `crate::i18n`.

pub mod analysis;
pub mod book;
pub mod csv;
pub mod edit;
pub mod geometry;
pub mod model;
pub mod samples;
pub mod ties;
pub mod words;

pub use analysis::{
    benchmark_gaps, broken_principles, compare, customer_time, find_cycle, main_start, paths,
    risk_table, summary, teacher_checks, touchpoints, wait_reviews, BenchmarkGap, CompareMeasure,
    ComparisonRow, CustomerTime, Finding, PathFigure, PathProblem, Paths, Principle, Remedy,
    RiskGap, RiskRow, RiskTable, Summary, WaitReview,
};
pub use book::BlueprintBook;
pub use csv::{
    export_steps, from_json, import_steps, import_table, problem_text, to_json, ImportedSteps,
    StepField, StepProblem, StepRow, StepRowError, StepsCsvError, StepsImport,
};
pub use edit::{Clipboard, Collision, Edit, EditError, History, Selection};
pub use geometry::{Point, Rect, ViewBox};
pub use model::{
    Benchmark, Blueprint, Connector, ElementKind, FailPoint, Lane, Line, Measure, Moment, Phase,
    ServiceElement, ServiceValue, Step, StepId, StepKind, SurveyTie, Version, WaitPoint,
};
pub use samples::Sample;
pub use ties::{complaint_counts, tie_items, tie_results, Band, TieResult};
pub use words::BlueprintTerm;
