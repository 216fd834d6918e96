//! Surveys domain: pure types, rules, templates, scores and share codes (no UI, no IO,
//! no clock).
//!
//! Outside this folder it uses only pure modules: `crate::working` (the working as data),
//! `crate::i18n` (languages and the catalogue macro) and the customers' domain (the
//! segment a response's customer is in).

pub mod book;
pub mod compare;
pub mod demo;
pub mod export;
pub mod filter;
pub mod import;
pub mod model;
pub mod scoring;
pub mod share;
pub mod templates;
pub mod terms;
pub mod trend;
pub mod validate;
pub mod wire;

pub use book::{CodeOutcome, CodeReader, PersonalLink, ReadCode, SurveyBook, TokenLink};
pub use compare::{
    compare, estimate, headlines, main_headline, month_point, trend, trend_months, Difference,
    Estimate, Headline, MonthPoint,
};
pub use filter::{filter_responses, CustomerSegment, Filtered, ResultsFilter, Segment};
pub use model::*;
pub use scoring::{
    ces, csat, delivered_value, importance_performance, nps, response_satisfaction_index,
    satisfaction_index, scale_summary, servqual, Crosshair, Csat, DeliveredValue,
    ImportancePerformance, Interval, MeanScore, NoScore, Nps, NpsCategory, NpsMethod, Quadrant,
    SatisfactionBand, SatisfactionIndex, ScaleSummary, Servqual,
};
pub use share::{
    decode_link, decode_response_code, encode_link, encode_response_code, find_response_codes,
    import_response_code, read_code_header, reconcile, CodeError, CodeHeader, DropReason, Dropped,
    ImportedCode, Invitation, Layout, LinkError, Shape, SharedSurvey,
};
pub use templates::{is_unchanged_template, template, ServqualDimension, TEMPLATE_VERSION};
pub use terms::SurveyTerm;
pub use validate::{
    check_answer, validate_response, validate_survey, ConditionOwner, ConditionRefusal,
    ResponseProblem, SurveyProblem,
};
