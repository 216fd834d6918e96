//! What a respondent sees: the survey's sections and questions in their language, each
//! question drawn by one component driven by its kind (choices, scales, matrices, the
//! dual E/P matrix, splits, text, numbers, dates), show-if logic applied as they answer.
//! The kiosk, a share link's page and the builder's preview all use it.

use std::collections::BTreeMap;

use leptos::prelude::*;

use super::domain::{
    validate_response, Answer, Answers, DualAnswer, Question, QuestionKind, Response, Survey,
};
use super::messages::SurveyMsg;
use super::view::response_problem_text;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Lang, Text};

/// Once a response was refused, keeps its reasons in step with the answers, so a fixed
/// answer's reason goes away (the kiosk and the share-link page).
pub fn recheck_when_refused(
    survey: StoredValue<Survey>,
    answers: RwSignal<Answers>,
    problems: RwSignal<Vec<String>>,
    lang: Memo<Lang>,
) {
    Effect::new(move |_| {
        answers.track();
        if !problems.with_untracked(Vec::is_empty) {
            let now = survey.with_value(|s| {
                answers.with_untracked(|a| checked_answers(s, a, lang.get_untracked()))
            });
            problems.set(now.err().unwrap_or_default());
        }
    });
}

/// The answers to the questions shown, or why they cannot be saved yet (in `lang`).
pub fn checked_answers(
    survey: &Survey,
    answers: &Answers,
    lang: Lang,
) -> Result<Answers, Vec<String>> {
    let kept: Answers = answers
        .iter()
        .filter(|(code, _)| survey.question_shown(code, answers))
        .map(|(c, a)| (c.clone(), a.clone()))
        .collect();
    let response = Response {
        survey_id: survey.id,
        survey_version: survey.version,
        answers: kept.clone(),
        ..Response::default()
    };
    let problems = validate_response(survey, &response);
    if problems.is_empty() {
        return Ok(kept);
    }
    Err(problems
        .iter()
        .map(|p| {
            let code = problem_code(p);
            let name = survey.question(code).map_or(code.to_owned(), |q| {
                format!("{} ({code})", q.text.in_lang(lang))
            });
            response_problem_text(p, &name, lang)
        })
        .collect())
}

fn problem_code(p: &super::domain::ResponseProblem) -> &str {
    use super::domain::ResponseProblem::*;
    match p {
        WrongSurvey => "",
        RequiredMissing { code }
        | UnknownQuestion { code }
        | WrongKind { code }
        | OutOfRange { code, .. }
        | UnknownRow { code, .. }
        | UnknownChoice { code, .. }
        | ChoiceCount { code, .. }
        | SplitTotal { code, .. } => code,
    }
}

/// The survey as a respondent sees it, answers kept in `answers`.
#[component]
pub fn SurveyForm(
    /// The survey to answer.
    survey: Survey,
    /// The language the respondent reads it in.
    lang: Signal<Lang>,
    /// The answers given so far.
    answers: RwSignal<Answers>,
) -> impl IntoView {
    let survey = StoredValue::new(survey);
    let shown_count = move || {
        survey.with_value(|s| {
            answers.with(|a| {
                let shown: Vec<&Question> = s.shown_questions(a).collect();
                let done = shown.iter().filter(|q| a.contains_key(&q.code)).count();
                (done, shown.len())
            })
        })
    };
    let sections = survey.with_value(|s| s.sections.clone());
    view! {
        <div class="survey-form" data-testid="survey-form">
            <progress class="survey-progress" aria-label=tr(SurveyMsg::Progress) max=move || shown_count().1.max(1) value=move || shown_count().0></progress>
            {sections.into_iter().enumerate().map(|(index, section)| {
                let title = section.title.clone();
                let shown = move || survey.with_value(|s| answers.with(|a| s.section_shown(index, a)));
                view! {
                    <Show when=shown>
                        <fieldset class="survey-section">
                            {(!title.is_blank()).then(|| { let t = title.clone(); view! { <legend>{move || t.in_lang(lang.get()).to_owned()}</legend> } })}
                            {section.questions.iter().cloned().map(|q| {
                                let code = q.code.clone();
                                let visible = move || survey.with_value(|s| answers.with(|a| s.question_shown(&code, a)));
                                let q = StoredValue::new(q);
                                view! { <Show when=visible>{move || view! { <QuestionInput question=q.get_value() lang answers /> }}</Show> }
                            }).collect_view()}
                        </fieldset>
                    </Show>
                }
            }).collect_view()}
        </div>
    }
}

fn set_answer(answers: RwSignal<Answers>, code: &str, answer: Option<Answer>) {
    answers.update(|a| match answer {
        Some(answer) => {
            a.insert(code.to_owned(), answer);
        }
        None => {
            a.remove(code);
        }
    });
}

/// One question: its text, help and the input its kind needs.
#[component]
fn QuestionInput(
    question: Question,
    lang: Signal<Lang>,
    answers: RwSignal<Answers>,
) -> impl IntoView {
    let ui = use_lang();
    let code = question.code.clone();
    let text = question.text.clone();
    let help = question.help.clone();
    let required = question.required;
    let input = answer_input(&question, lang, answers);
    view! {
        <div class="question" data-testid=format!("question-{code}")>
            <p class="question-text">
                {move || text.in_lang(lang.get()).to_owned()}
                {required.then(|| view! { <span class="required" title=move || SurveyMsg::Required.in_lang(ui.get())>" *"</span> })}
            </p>
            {(!help.is_blank()).then(|| view! { <p class="muted question-help">{move || help.in_lang(lang.get()).to_owned()}</p> })}
            {input}
        </div>
    }
}

fn scale_points(min: u8, max: u8) -> Vec<u8> {
    (min..=max).collect()
}

fn answer_input(q: &Question, lang: Signal<Lang>, answers: RwSignal<Answers>) -> AnyView {
    let code = q.code.clone();
    match &q.kind {
        QuestionKind::SingleChoice { choices } => {
            let items = choices.clone();
            view! { <div class="choices" role="radiogroup">
                {items.into_iter().map(|c| {
                    let (code, code2, value, value2) = (code.clone(), code.clone(), c.code.clone(), c.code.clone());
                    let label = c.label.clone();
                    view! { <label class="check pick"><input type="radio" name=code.clone() data-testid=format!("answer-{code}-{value}")
                        prop:checked=move || answers.with(|a| a.get(&code2) == Some(&Answer::Choice(value2.clone())))
                        on:change=move |_| set_answer(answers, &code, Some(Answer::Choice(value.clone()))) />
                        {move || label.in_lang(lang.get()).to_owned()}</label> }
                }).collect_view()}
            </div> }.into_any()
        }
        QuestionKind::MultipleChoice { choices, .. } => {
            let items = choices.clone();
            view! { <div class="choices">
                {items.into_iter().map(|c| {
                    let (code, code2, value, value2) = (code.clone(), code.clone(), c.code.clone(), c.code.clone());
                    let label = c.label.clone();
                    view! { <label class="check pick"><input type="checkbox" data-testid=format!("answer-{code}-{value}")
                        prop:checked=move || answers.with(|a| matches!(a.get(&code2), Some(Answer::Choices(cs)) if cs.contains(&value2)))
                        on:change=move |ev| {
                            let on = event_target_checked(&ev);
                            let mut picked = answers.with_untracked(|a| match a.get(&code) { Some(Answer::Choices(cs)) => cs.clone(), _ => Vec::new() });
                            picked.retain(|x| *x != value);
                            if on { picked.push(value.clone()); }
                            set_answer(answers, &code, (!picked.is_empty()).then_some(Answer::Choices(picked)));
                        } />
                        {move || label.in_lang(lang.get()).to_owned()}</label> }
                }).collect_view()}
            </div> }.into_any()
        }
        kind if kind.is_single_scale() => {
            let scale = kind.scale().unwrap_or(super::domain::Scale::NPS);
            let ends = match kind {
                QuestionKind::Rating { ends, .. } | QuestionKind::Importance { ends, .. } => {
                    ends.clone()
                }
                _ => Default::default(),
            };
            view! { <div class="scale" role="radiogroup">
                {(!ends.low.is_blank()).then(|| { let l = ends.low.clone(); view! { <span class="scale-end">{move || l.in_lang(lang.get()).to_owned()}</span> } })}
                {scale_points(scale.min, scale.max).into_iter().map(|v| {
                    let (code, code2) = (code.clone(), code.clone());
                    view! { <label class="scale-point"><input type="radio" name=code.clone() data-testid=format!("answer-{code}-{v}")
                        prop:checked=move || answers.with(|a| a.get(&code2) == Some(&Answer::Scale(v)))
                        on:change=move |_| set_answer(answers, &code, Some(Answer::Scale(v))) /><span>{v}</span></label> }
                }).collect_view()}
                {(!ends.high.is_blank()).then(|| { let h = ends.high.clone(); view! { <span class="scale-end">{move || h.in_lang(lang.get()).to_owned()}</span> } })}
            </div> }.into_any()
        }
        QuestionKind::LikertMatrix {
            rows,
            points,
            start,
            ..
        } => {
            let scale = super::domain::Scale::of(*points, *start);
            let rows = rows.clone();
            view! { <div class="table-wrap" tabindex="0"><table class="table compact matrix">
                <thead><tr><th><span class="visually-hidden">{tr(SurveyMsg::Item)}</span></th>{scale_points(scale.min, scale.max).into_iter().map(|v| view! { <th class="num">{v}</th> }).collect_view()}</tr></thead>
                <tbody>{rows.into_iter().map(|r| {
                    let text = r.text.clone();
                    let row = r.code.clone();
                    view! { <tr><th scope="row">{move || text.in_lang(lang.get()).to_owned()}</th>
                        {scale_points(scale.min, scale.max).into_iter().map(|v| {
                            let (code, code2, row, row2) = (code.clone(), code.clone(), row.clone(), row.clone());
                            view! { <td class="num"><input type="radio" name=format!("{code}-{row}") aria-label=v.to_string() data-testid=format!("answer-{row}-{v}")
                                prop:checked=move || answers.with(|a| matches!(a.get(&code2), Some(Answer::Matrix(m)) if m.get(&row2) == Some(&v)))
                                on:change=move |_| answers.update(|a| {
                                    let entry = a.entry(code.clone()).or_insert_with(|| Answer::Matrix(BTreeMap::new()));
                                    if let Answer::Matrix(m) = entry { m.insert(row.clone(), v); }
                                }) /></td> }
                        }).collect_view()}</tr> }
                }).collect_view()}</tbody>
            </table></div> }.into_any()
        }
        QuestionKind::DualMatrix {
            rows,
            points,
            start,
            ends,
            columns,
        } => {
            let scale = super::domain::Scale::of(*points, *start);
            let rows = rows.clone();
            let ipa = *columns == super::domain::DualColumns::ImportancePerformance;
            let (first, second) = if ipa {
                (SurveyMsg::ColumnImportance, SurveyMsg::ColumnPerformance)
            } else {
                (SurveyMsg::ColumnExpected, SurveyMsg::ColumnPerceived)
            };
            let ends = ends.clone();
            view! {
                {(!ends.low.is_blank()).then(|| { let e = ends.clone(); view! { <p class="muted">{move || format!("{} = {}, {} = {}", scale.min, e.low.in_lang(lang.get()), scale.max, e.high.in_lang(lang.get()))}</p> } })}
                <div class="table-wrap" tabindex="0"><table class="table compact dual">
                <thead><tr><th><span class="visually-hidden">{tr(SurveyMsg::Item)}</span></th><th>{move || first.in_lang(lang.get())}</th><th>{move || second.in_lang(lang.get())}</th></tr></thead>
                <tbody>{rows.into_iter().map(|r| {
                    let text = r.text.clone();
                    let row = r.code.clone();
                    let code = code.clone();
                    let cell = move |is_first: bool| {
                        let (code, code2, row, row2) = (code.clone(), code.clone(), row.clone(), row.clone());
                        let label = if is_first { first } else { second };
                        let get = move || answers.with(|a| match a.get(&code2) {
                            Some(Answer::Dual(m)) => m.get(&row2).and_then(|d| if is_first { d.first } else { d.second }),
                            _ => None,
                        });
                        view! { <td><select aria-label=move || label.in_lang(lang.get()) data-testid=format!("dual-{row}-{}", if is_first { "e" } else { "p" })
                            on:change=move |ev| {
                                let v = event_target_value(&ev).parse::<u8>().ok();
                                answers.update(|a| {
                                    let entry = a.entry(code.clone()).or_insert_with(|| Answer::Dual(BTreeMap::new()));
                                    if let Answer::Dual(m) = entry {
                                        let d = m.entry(row.clone()).or_insert(DualAnswer::default());
                                        if is_first { d.first = v } else { d.second = v }
                                        if d.first.is_none() && d.second.is_none() { m.remove(&row); }
                                    }
                                    if matches!(a.get(&code), Some(Answer::Dual(m)) if m.is_empty()) { a.remove(&code); }
                                });
                            }>
                            <option value="" selected={ let get = get.clone(); move || get().is_none() }>"–"</option>
                            {scale_points(scale.min, scale.max).into_iter().map(|v| { let get = get.clone(); view! { <option value=v.to_string() selected=move || get() == Some(v)>{v}</option> } }).collect_view()}
                        </select></td> }
                    };
                    view! { <tr><th scope="row">{move || text.in_lang(lang.get()).to_owned()}</th>{cell(true)}{cell(false)}</tr> }
                }).collect_view()}</tbody>
            </table></div> }.into_any()
        }
        QuestionKind::ConstantSum { items, total } => {
            let items = items.clone();
            let total = *total;
            let code2 = code.clone();
            let sum = move || {
                answers.with(|a| match a.get(&code2) {
                    Some(Answer::Split(m)) => m.values().sum::<u32>(),
                    _ => 0,
                })
            };
            let ui = use_lang();
            let sum2 = sum.clone();
            view! { <div class="split">
                {items.into_iter().map(|item| {
                    let text = item.text.clone();
                    let (code, code2, row, row2) = (code.clone(), code.clone(), item.code.clone(), item.code.clone());
                    view! { <label class="split-item"><span>{move || text.in_lang(lang.get()).to_owned()}</span>
                        <input type="number" min="0" max=total.to_string() inputmode="numeric" class="narrow" data-testid=format!("split-{row}")
                            prop:value=move || answers.with(|a| match a.get(&code2) { Some(Answer::Split(m)) => m.get(&row2).map(u32::to_string).unwrap_or_default(), _ => String::new() })
                            on:input=move |ev| {
                                let v = crate::i18n::to_half_width(&event_target_value(&ev)).trim().parse::<u32>().ok();
                                answers.update(|a| {
                                    let entry = a.entry(code.clone()).or_insert_with(|| Answer::Split(BTreeMap::new()));
                                    if let Answer::Split(m) = entry { match v { Some(v) => { m.insert(row.clone(), v); } None => { m.remove(&row); } } }
                                    if matches!(a.get(&code), Some(Answer::Split(m)) if m.is_empty()) { a.remove(&code); }
                                });
                            } /></label> }
                }).collect_view()}
                <p class=move || if sum2() == total { "split-total ok" } else { "split-total" } data-testid="split-total">
                    {move || fill(SurveyMsg::SplitSoFar.in_lang(ui.get()), &[&sum().to_string(), &total.to_string()])}</p>
            </div> }.into_any()
        }
        QuestionKind::LongText => {
            let code2 = code.clone();
            view! { <textarea rows="3" data-testid=format!("answer-{code}")
                prop:value=move || answers.with(|a| match a.get(&code2) { Some(Answer::Text(t)) => t.clone(), _ => String::new() })
                on:input=move |ev| { let t = event_target_value(&ev); set_answer(answers, &code, (!t.trim().is_empty()).then_some(Answer::Text(t))) }></textarea> }.into_any()
        }
        other => {
            let input_type = match other {
                QuestionKind::Number { .. } => "number",
                QuestionKind::Date => "date",
                _ => "text",
            };
            let code2 = code.clone();
            view! { <input type=input_type data-testid=format!("answer-{code}")
                prop:value=move || answers.with(|a| match a.get(&code2) {
                    Some(Answer::Text(t)) => t.clone(),
                    Some(Answer::Number(n)) => n.to_string(),
                    Some(Answer::Date(d)) => d.to_string(),
                    _ => String::new(),
                })
                on:input=move |ev| {
                    let t = event_target_value(&ev);
                    let answer = match input_type {
                        "number" => crate::i18n::to_half_width(&t).trim().parse::<f64>().ok().filter(|v| v.is_finite()).map(Answer::Number),
                        "date" => chrono::NaiveDate::parse_from_str(&t, "%Y-%m-%d").ok().map(Answer::Date),
                        _ => (!t.trim().is_empty()).then_some(Answer::Text(t)),
                    };
                    set_answer(answers, &code, answer);
                } /> }.into_any()
        }
    }
}

/// The survey's languages as a switch for the respondent.
#[component]
pub fn LanguageSwitch(
    /// The languages the survey offers.
    languages: Vec<Lang>,
    /// The language chosen.
    lang: RwSignal<Lang>,
) -> impl IntoView {
    (languages.len() > 1).then(|| view! {
        <div class="survey-lang" role="group">
            {languages.into_iter().map(|l| view! {
                <button type="button" class="ghost" data-testid=format!("respond-lang-{}", l.tag()) aria-pressed=move || (lang.get() == l).to_string() on:click=move |_| lang.set(l)>{l.native_name()}</button>
            }).collect_view()}
        </div>
    })
}
