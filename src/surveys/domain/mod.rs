//! Surveys domain: pure types, rules, templates, scores and share codes (no UI, no IO,
//! no clock).
//!
//! Outside this folder it uses only pure modules: `crate::working` (the working as data)
//! and `crate::i18n` (languages and the catalogue macro).

pub mod model;
pub mod templates;
pub mod validate;

pub use model::*;
pub use templates::{is_unchanged_template, template, ServqualDimension, TEMPLATE_VERSION};
pub use validate::{
    check_answer, validate_response, validate_survey, ConditionOwner, ConditionRefusal,
    ResponseProblem, SurveyProblem,
};
