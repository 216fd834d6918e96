//! Small pieces the survey pages share: the survey in the URL, the names of statuses and
//! question kinds, and the domain's problems and refusals as sentences.

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_params_map;

use super::domain::{
    CodeError, ConditionOwner, ConditionRefusal, LinkError, QuestionKind, ResponseProblem,
    SatisfactionBand, SurveyProblem, SurveyStatus,
};
use super::messages::SurveyMsg;
use crate::components::text::tr;
use crate::i18n::{fill, Lang, Text};
use crate::paths;

/// The survey id in the URL (`/surveys/:id/…`).
pub fn use_survey_id() -> Memo<Option<u64>> {
    let params = use_params_map();
    Memo::new(move |_| params.read().get("id").and_then(|v| v.parse::<u64>().ok()))
}

/// The stored survey the URL names, followed as the book changes (`None`: no such survey).
pub fn use_survey_in_url() -> Memo<Option<super::domain::Survey>> {
    let id = use_survey_id();
    let surveys = super::state::use_surveys();
    Memo::new(move |_| {
        id.get()
            .and_then(|id| surveys.book.with(|b| b.survey(id).cloned()))
    })
}

/// The address of a share link for `survey` on this site (`…/respond#…`, the survey after
/// the `#`), personal when `token` is given.
pub fn share_url(survey: &super::domain::Survey, token: Option<u64>) -> String {
    let origin = leptos::prelude::window()
        .location()
        .origin()
        .unwrap_or_default();
    format!(
        "{origin}{}#{}",
        crate::paths::app_path("/respond"),
        super::domain::encode_link(&super::domain::Invitation::to(survey, token))
    )
}

/// Shown when the URL names no stored survey.
#[component]
pub fn SurveyNotFound() -> impl IntoView {
    view! {
        <div class="card" data-testid="survey-not-found">
            <h1>{tr(SurveyMsg::NotFound)}</h1>
            <A href=paths::surveys()>{tr(SurveyMsg::BackToSurveys)}</A>
        </div>
    }
}

pub fn status_msg(status: SurveyStatus) -> SurveyMsg {
    match status {
        SurveyStatus::Draft => SurveyMsg::Draft,
        SurveyStatus::Open => SurveyMsg::Open,
        SurveyStatus::Closed => SurveyMsg::Closed,
    }
}

pub fn status_key(status: SurveyStatus) -> &'static str {
    match status {
        SurveyStatus::Draft => "draft",
        SurveyStatus::Open => "open",
        SurveyStatus::Closed => "closed",
    }
}

/// The kinds a new question may have, in the order offered, with their keys.
pub const KINDS: [(&str, SurveyMsg); 15] = [
    ("single", SurveyMsg::KindSingle),
    ("multiple", SurveyMsg::KindMultiple),
    ("rating", SurveyMsg::KindRating),
    ("nps", SurveyMsg::KindNps),
    ("csat", SurveyMsg::KindCsat),
    ("ces", SurveyMsg::KindCes),
    ("importance", SurveyMsg::KindImportance),
    ("likert", SurveyMsg::KindLikert),
    ("dual", SurveyMsg::KindDual),
    ("split", SurveyMsg::KindSplit),
    ("short", SurveyMsg::KindShort),
    ("long", SurveyMsg::KindLong),
    ("number", SurveyMsg::KindNumber),
    ("date", SurveyMsg::KindDate),
    ("dual_ipa", SurveyMsg::KindDualIpa),
];

pub fn kind_key(kind: &QuestionKind) -> &'static str {
    match kind {
        QuestionKind::SingleChoice { .. } => "single",
        QuestionKind::MultipleChoice { .. } => "multiple",
        QuestionKind::Rating { .. } => "rating",
        QuestionKind::Nps => "nps",
        QuestionKind::Csat => "csat",
        QuestionKind::Ces => "ces",
        QuestionKind::Importance { .. } => "importance",
        QuestionKind::LikertMatrix { .. } => "likert",
        QuestionKind::DualMatrix {
            columns: super::domain::DualColumns::ImportancePerformance,
            ..
        } => "dual_ipa",
        QuestionKind::DualMatrix { .. } => "dual",
        QuestionKind::ConstantSum { .. } => "split",
        QuestionKind::ShortText => "short",
        QuestionKind::LongText => "long",
        QuestionKind::Number { .. } => "number",
        QuestionKind::Date => "date",
    }
}

pub fn kind_msg(kind: &QuestionKind) -> SurveyMsg {
    let key = kind_key(kind);
    KINDS
        .iter()
        .find(|(k, _)| *k == key)
        .map_or(SurveyMsg::KindShort, |(_, m)| *m)
}

fn refusal_msg(refusal: &ConditionRefusal) -> SurveyMsg {
    match refusal {
        ConditionRefusal::MissingQuestion => SurveyMsg::RefuseMissing,
        ConditionRefusal::LaterQuestion => SurveyMsg::RefuseLater,
        ConditionRefusal::OwnQuestion => SurveyMsg::RefuseOwn,
        ConditionRefusal::NotComparable => SurveyMsg::RefuseNotComparable,
        ConditionRefusal::NeedsNumber => SurveyMsg::RefuseNeedsNumber,
        ConditionRefusal::WrongValueKind => SurveyMsg::RefuseWrongValue,
        ConditionRefusal::UnknownChoice(_) => SurveyMsg::RefuseUnknownChoice,
        ConditionRefusal::OutsideScale => SurveyMsg::RefuseOutsideScale,
        ConditionRefusal::EmptyList => SurveyMsg::RefuseEmptyList,
    }
}

/// A survey problem as a sentence in `lang`.
pub fn problem_text(problem: &SurveyProblem, lang: Lang) -> String {
    use SurveyProblem::*;
    let (msg, value): (SurveyMsg, String) = match problem {
        NoLanguage => (SurveyMsg::ProblemNoLanguage, String::new()),
        NoQuestions => (SurveyMsg::ProblemNoQuestions, String::new()),
        EmptyCode { index, .. } => (SurveyMsg::ProblemEmptyCode, (index + 1).to_string()),
        InvalidCode { code } => (SurveyMsg::ProblemInvalidCode, code.clone()),
        DuplicateCode { code } => (SurveyMsg::ProblemDuplicateCode, code.clone()),
        MissingText { code } => (SurveyMsg::ProblemMissingText, code.clone()),
        TooFewChoices { code } => (SurveyMsg::ProblemTooFewChoices, code.clone()),
        BadChoice { code, choice } => (SurveyMsg::ProblemBadChoice, format!("{code} / {choice}")),
        ImpossibleLimits { code } => (SurveyMsg::ProblemLimits, code.clone()),
        BadScale { code } => (SurveyMsg::ProblemBadScale, code.clone()),
        NoRows { code } => (SurveyMsg::ProblemNoRows, code.clone()),
        ZeroTotal { code } => (SurveyMsg::ProblemZeroTotal, code.clone()),
        BadNumberRange { code } => (SurveyMsg::ProblemNumberRange, code.clone()),
        Condition { owner, refusal } => {
            let owner = match owner {
                ConditionOwner::Question(code) => code.clone(),
                ConditionOwner::Section(s) => (s + 1).to_string(),
            };
            let text = fill(SurveyMsg::ProblemCondition.in_lang(lang), &[&owner]);
            return format!("{text} {}", refusal_msg(refusal).in_lang(lang));
        }
    };
    fill(msg.in_lang(lang), &[&value])
}

/// A response problem as a sentence in `lang`, naming the question by its text.
pub fn response_problem_text(problem: &ResponseProblem, name: &str, lang: Lang) -> String {
    let msg = match problem {
        ResponseProblem::RequiredMissing { .. } => SurveyMsg::RequiredMissing,
        ResponseProblem::OutOfRange { .. } => SurveyMsg::OutOfRange,
        ResponseProblem::SplitTotal { .. } => SurveyMsg::SplitTotalWrong,
        ResponseProblem::ChoiceCount { .. } => SurveyMsg::ChoiceCountWrong,
        _ => SurveyMsg::AnswerInvalid,
    };
    fill(msg.in_lang(lang), &[name])
}

/// Why a response code was refused, in `lang`.
pub fn code_error_msg(error: &CodeError) -> SurveyMsg {
    match error {
        CodeError::NotACode => SurveyMsg::CodeNotACode,
        CodeError::Damaged => SurveyMsg::CodeDamaged,
        CodeError::OtherSurvey { .. } => SurveyMsg::CodeOtherSurvey,
        CodeError::UnknownVersion { .. } => SurveyMsg::CodeUnknownVersion,
        CodeError::Unreadable | CodeError::AnswerDoesNotFit { .. } => SurveyMsg::CodeUnreadable,
    }
}

pub fn link_error_msg(error: LinkError) -> SurveyMsg {
    match error {
        LinkError::NotALink => SurveyMsg::LinkNotALink,
        LinkError::Damaged => SurveyMsg::LinkDamaged,
        LinkError::Unreadable => SurveyMsg::LinkUnreadable,
        LinkError::UnknownTemplate => SurveyMsg::LinkUnknownTemplate,
    }
}

/// Copies `text` to the clipboard (`navigator.clipboard.writeText`), if the browser allows.
pub fn copy_to_clipboard(text: &str) {
    use wasm_bindgen::JsCast;
    let navigator = window().navigator();
    let Ok(clipboard) = js_sys::Reflect::get(&navigator, &"clipboard".into()) else {
        return;
    };
    let Ok(write) = js_sys::Reflect::get(&clipboard, &"writeText".into()) else {
        return;
    };
    if let Some(write) = write.dyn_ref::<js_sys::Function>() {
        let _ = write.call1(&clipboard, &text.into());
    }
}

/// A number with `decimals` decimals ("–" when not finite).
pub fn num(value: f64, decimals: usize) -> String {
    if value.is_finite() {
        format!("{value:.decimals$}")
    } else {
        "–".to_owned()
    }
}

/// The name of a satisfaction band.
pub fn band_msg(band: SatisfactionBand) -> SurveyMsg {
    match band {
        SatisfactionBand::HighlySatisfied => SurveyMsg::BandHigh,
        SatisfactionBand::Satisfied => SurveyMsg::BandSatisfied,
        SatisfactionBand::Dissatisfied => SurveyMsg::BandDissatisfied,
    }
}
