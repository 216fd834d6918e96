//! The builder (`/surveys/:id/edit`): name, status and languages; questions added by
//! kind, their code, text in 简体中文 and English, help, required, rows or choices; moved
//! with buttons; deleted with undo; the domain's problems listed; and a preview of exactly
//! what a respondent sees, in either language. Edits are kept in a draft until saved, so
//! the version is raised once per saved change of the answer layout.

use leptos::prelude::*;
use leptos_router::components::A;

use super::domain::{
    validate_survey, Answers, Bilingual, Choice, DualColumns, Question, QuestionKind, Row,
    ScaleEnds, Survey, SurveyStatus,
};
use super::form::{LanguageSwitch, SurveyForm};
use super::messages::SurveyMsg;
use super::state::use_surveys;
use super::view::{
    kind_msg, problem_text, status_key, status_msg, use_survey_id, SurveyNotFound, KINDS,
};
use crate::components::text::{tr, use_lang};
use crate::i18n::Lang;
use crate::paths;

/// The builder page.
#[component]
pub fn BuilderPage() -> impl IntoView {
    let id = use_survey_id();
    let surveys = use_surveys();
    let survey = Memo::new(move |_| {
        id.get()
            .and_then(|id| surveys.book.with_untracked(|b| b.survey(id).cloned()))
    });
    view! {
        <section class="page builder-page" data-testid="page-survey-edit">
            {move || match survey.get() {
                Some(s) => view! { <Builder survey=s /> }.into_any(),
                None => view! { <SurveyNotFound /> }.into_any(),
            }}
        </section>
    }
}

/// Every question's place: (section, index in it), in order.
fn places(s: &Survey) -> Vec<(usize, usize)> {
    s.sections
        .iter()
        .enumerate()
        .flat_map(|(si, sec)| (0..sec.questions.len()).map(move |qi| (si, qi)))
        .collect()
}

fn fresh_code(s: &Survey) -> String {
    let used: Vec<String> = s
        .questions()
        .flat_map(|q| {
            std::iter::once(q.code.clone()).chain(q.kind.rows().iter().map(|r| r.code.clone()))
        })
        .collect();
    (1..)
        .map(|n| format!("Q{n}"))
        .find(|c| !used.contains(c))
        .unwrap_or_default()
}

fn new_kind(key: &str, code: &str) -> QuestionKind {
    let choices = || {
        vec![
            Choice {
                code: "A".into(),
                label: Bilingual::new("选项一", "Option 1"),
            },
            Choice {
                code: "B".into(),
                label: Bilingual::new("选项二", "Option 2"),
            },
        ]
    };
    let rows = || {
        vec![
            Row::new(&format!("{code}_1"), "第一项", "Item 1"),
            Row::new(&format!("{code}_2"), "第二项", "Item 2"),
        ]
    };
    match key {
        "single" => QuestionKind::SingleChoice { choices: choices() },
        "multiple" => QuestionKind::MultipleChoice {
            choices: choices(),
            min: None,
            max: None,
        },
        "rating" => QuestionKind::Rating {
            points: 5,
            start: 1,
            ends: ScaleEnds::default(),
        },
        "nps" => QuestionKind::Nps,
        "csat" => QuestionKind::Csat,
        "ces" => QuestionKind::Ces,
        "importance" => QuestionKind::Importance {
            points: 7,
            start: 1,
            ends: ScaleEnds::default(),
        },
        "likert" => QuestionKind::LikertMatrix {
            rows: rows(),
            points: 5,
            start: 1,
            ends: ScaleEnds::default(),
        },
        "dual" | "dual_ipa" => QuestionKind::DualMatrix {
            rows: rows(),
            points: 7,
            start: 1,
            ends: ScaleEnds::default(),
            columns: if key == "dual" {
                DualColumns::ExpectationPerception
            } else {
                DualColumns::ImportancePerformance
            },
        },
        "split" => QuestionKind::ConstantSum {
            items: rows(),
            total: 100,
        },
        "long" => QuestionKind::LongText,
        "number" => QuestionKind::Number {
            min: None,
            max: None,
        },
        "date" => QuestionKind::Date,
        _ => QuestionKind::ShortText,
    }
}

/// Rows or choices as lines "CODE | 中文 | English".
fn lines_of(kind: &QuestionKind) -> Option<String> {
    let lines: Vec<String> = match kind {
        QuestionKind::SingleChoice { choices } | QuestionKind::MultipleChoice { choices, .. } => {
            choices
                .iter()
                .map(|c| format!("{} | {} | {}", c.code, c.label.zh, c.label.en))
                .collect()
        }
        QuestionKind::LikertMatrix { rows, .. }
        | QuestionKind::DualMatrix { rows, .. }
        | QuestionKind::ConstantSum { items: rows, .. } => rows
            .iter()
            .map(|r| format!("{} | {} | {}", r.code, r.text.zh, r.text.en))
            .collect(),
        _ => return None,
    };
    Some(lines.join("\n"))
}

fn set_lines(kind: &mut QuestionKind, text: &str) {
    let parsed: Vec<(String, Bilingual)> = text
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| {
            let mut parts = l.split(['|', '｜']).map(str::trim);
            let code = parts.next().unwrap_or("").to_owned();
            let zh = parts.next().unwrap_or("");
            let en = parts.next().unwrap_or("");
            (code, Bilingual::new(zh, en))
        })
        .collect();
    match kind {
        QuestionKind::SingleChoice { choices } | QuestionKind::MultipleChoice { choices, .. } => {
            *choices = parsed
                .into_iter()
                .map(|(code, label)| Choice { code, label })
                .collect();
        }
        QuestionKind::LikertMatrix { rows, .. }
        | QuestionKind::DualMatrix { rows, .. }
        | QuestionKind::ConstantSum { items: rows, .. } => {
            *rows = parsed
                .into_iter()
                .map(|(code, text)| Row { code, text })
                .collect();
        }
        _ => {}
    }
}

#[component]
fn Builder(survey: Survey) -> impl IntoView {
    let surveys = use_surveys();
    let lang = use_lang();
    let id = survey.id;
    let draft = RwSignal::new(survey);
    // Bumped when questions are added, moved, deleted or restored: the editors are drawn
    // again only then, so typing never loses the focus.
    let layout = RwSignal::new(0u32);
    let deleted = RwSignal::new(None::<(usize, usize, Question)>);
    let new_kind_key = RwSignal::new("single".to_owned());
    let saved = RwSignal::new(false);
    let preview_lang = RwSignal::new(lang.get_untracked());
    let problems = Memo::new(move |_| draft.with(validate_survey));
    let edit = move |f: Box<dyn FnOnce(&mut Survey)>| {
        saved.set(false);
        draft.update(|d| f(d));
    };
    let save = move |_| {
        let edited = draft.get_untracked();
        surveys.book.update(|b| b.save_survey(edited));
        if let Some(version) = surveys
            .book
            .with_untracked(|b| b.survey(id).map(|s| s.version))
        {
            draft.update(|d| d.version = version);
        }
        saved.set(true);
    };
    let add = move |_| {
        let key = new_kind_key.get_untracked();
        edit(Box::new(move |d| {
            let code = fresh_code(d);
            let q = Question::new(
                &code,
                new_kind(&key, &code),
                Bilingual::new("新问题", "New question"),
            );
            if d.sections.is_empty() {
                d.sections.push(Default::default());
            }
            if let Some(last) = d.sections.last_mut() {
                last.questions.push(q);
            }
        }));
        layout.update(|n| *n += 1);
    };
    let undo = move |_| {
        if let Some((s, i, q)) = deleted.get_untracked() {
            edit(Box::new(move |d| {
                if let Some(sec) = d.sections.get_mut(s) {
                    let at = i.min(sec.questions.len());
                    sec.questions.insert(at, q);
                }
            }));
            deleted.set(None);
            layout.update(|n| *n += 1);
        }
    };
    let name_input = move |zh: bool| {
        view! { <label class="field"><span>{tr(if zh { SurveyMsg::NameZh } else { SurveyMsg::NameEn })}</span>
        <input type="text" data-testid=if zh { "survey-name-zh" } else { "survey-name-en" }
            value=draft.with_untracked(|d| if zh { d.name.zh.clone() } else { d.name.en.clone() })
            on:input=move |ev| { let v = event_target_value(&ev); edit(Box::new(move |d| if zh { d.name.zh = v } else { d.name.en = v })) } /></label> }
    };
    let lang_box = move |l: Lang| {
        view! { <label class="check pick"><input type="checkbox" data-testid=format!("survey-lang-{}", l.tag())
        prop:checked=move || draft.with(|d| d.languages.contains(&l))
        on:change=move |ev| { let on = event_target_checked(&ev); edit(Box::new(move |d| {
            d.languages.retain(|x| *x != l);
            if on { d.languages.push(l); d.languages.sort_by_key(|x| if *x == Lang::Zh { 0 } else { 1 }); }
        })) } />{l.native_name()}</label> }
    };
    view! {
        <header class="customer-header">
            <h1 data-testid="builder-title">{move || draft.with(|d| d.name.in_lang(lang.get()).to_owned())}</h1>
            <div class="header-actions">
                <A href=paths::surveys() attr:class="button ghost">{tr(SurveyMsg::BackToSurveys)}</A>
                <A href=paths::survey_respond(id) attr:class="button ghost" attr:data-testid="builder-respond">{tr(SurveyMsg::Collect)}</A>
                <A href=paths::survey_results(id) attr:class="button ghost">{tr(SurveyMsg::Results)}</A>
                <A href=paths::survey_print(id) attr:class="button ghost" attr:data-testid="builder-print">{tr(SurveyMsg::PaperLink)}</A>
                <button type="button" data-testid="builder-save" on:click=save>{tr(SurveyMsg::Save)}</button>
            </div>
        </header>
        <Show when=move || saved.get()><p class="banner success" role="status" data-testid="builder-saved">{tr(SurveyMsg::SavedSurvey)}</p></Show>
        <div class="builder-columns">
            <div class="builder-edit">
                <div class="card">
                    <h2>{tr(SurveyMsg::About)}</h2>
                    {name_input(true)}
                    {name_input(false)}
                    <label class="field"><span>{tr(SurveyMsg::Status)}</span>
                        <select data-testid="survey-status" on:change=move |ev| {
                            let key = event_target_value(&ev);
                            edit(Box::new(move |d| if let Some(s) = SurveyStatus::ALL.into_iter().find(|s| status_key(*s) == key) { d.status = s }));
                        }>
                            {SurveyStatus::ALL.into_iter().map(|s| view! { <option value=status_key(s) selected=draft.with_untracked(|d| d.status == s)>{tr(status_msg(s))}</option> }).collect_view()}
                        </select>
                    </label>
                    <fieldset class="inline-fields"><legend>{tr(SurveyMsg::Languages)}</legend>{lang_box(Lang::Zh)}{lang_box(Lang::En)}</fieldset>
                </div>
                <div class="card" data-testid="survey-problems">
                    <h2>{tr(SurveyMsg::Checks)}</h2>
                    {move || {
                        let list = problems.get();
                        if list.is_empty() {
                            view! { <p class="success-text" data-testid="survey-valid">{tr(SurveyMsg::NoProblems)}</p> }.into_any()
                        } else {
                            let lang = lang.get();
                            view! { <ul class="problems">{list.iter().map(|p| view! { <li>{problem_text(p, lang)}</li> }).collect_view()}</ul> }.into_any()
                        }
                    }}
                </div>
                <div class="card">
                    <h2>{tr(SurveyMsg::Questions)}</h2>
                    <Show when=move || deleted.with(Option::is_some)>
                        <p class="banner warning" role="status">{tr(SurveyMsg::QuestionDeleted)}" "
                            <button type="button" class="ghost" data-testid="builder-undo" on:click=undo>{tr(SurveyMsg::Undo)}</button></p>
                    </Show>
                    <ol class="question-editors" data-testid="question-editors">
                        {move || {
                            layout.get();
                            let all = draft.with_untracked(places);
                            let count = all.len();
                            all.into_iter().enumerate().map(|(flat, (s, i))| view! {
                                <QuestionEditor draft layout deleted flat count s i saved />
                            }).collect_view()
                        }}
                    </ol>
                    <div class="inline-fields">
                        <label class="field"><span>{tr(SurveyMsg::QuestionKind)}</span>
                            <select data-testid="add-question-kind" on:change=move |ev| new_kind_key.set(event_target_value(&ev))>
                                {KINDS.iter().map(|(key, msg)| view! { <option value=*key>{tr(*msg)}</option> }).collect_view()}
                            </select>
                        </label>
                        <button type="button" data-testid="add-question" on:click=add>{tr(SurveyMsg::AddQuestion)}</button>
                    </div>
                </div>
            </div>
            <div class="card builder-preview" data-testid="builder-preview">
                <h2>{tr(SurveyMsg::Preview)}</h2>
                <LanguageSwitch languages=vec![Lang::Zh, Lang::En] lang=preview_lang />
                {move || {
                    let survey = draft.get();
                    let answers = RwSignal::new(Answers::new());
                    view! { <SurveyForm survey lang=preview_lang.into() answers /> }
                }}
            </div>
        </div>
    }
}

/// One question's editor.
#[component]
fn QuestionEditor(
    draft: RwSignal<Survey>,
    layout: RwSignal<u32>,
    deleted: RwSignal<Option<(usize, usize, Question)>>,
    flat: usize,
    count: usize,
    s: usize,
    i: usize,
    saved: RwSignal<bool>,
) -> impl IntoView {
    let q = draft.with_untracked(|d| d.sections[s].questions[i].clone());
    let change = move |f: Box<dyn FnOnce(&mut Question)>| {
        saved.set(false);
        draft.update(|d| {
            if let Some(q) = d
                .sections
                .get_mut(s)
                .and_then(|sec| sec.questions.get_mut(i))
            {
                f(q);
            }
        });
    };
    let swap = move |to: usize| {
        saved.set(false);
        draft.update(|d| {
            let all = places(d);
            let (a, b) = (all[flat], all[to]);
            let qa = d.sections[a.0].questions[a.1].clone();
            let qb = std::mem::replace(&mut d.sections[b.0].questions[b.1], qa);
            d.sections[a.0].questions[a.1] = qb;
        });
        layout.update(|n| *n += 1);
    };
    let remove = move |_| {
        saved.set(false);
        let mut gone = None;
        draft.update(|d| gone = Some(d.sections[s].questions.remove(i)));
        deleted.set(gone.map(|q| (s, i, q)));
        layout.update(|n| *n += 1);
    };
    let text_field = move |label: SurveyMsg,
                           testid: &'static str,
                           value: String,
                           set: fn(&mut Question, String)| {
        view! { <label class="field"><span>{tr(label)}</span>
        <input type="text" data-testid=testid value=value on:input=move |ev| { let v = event_target_value(&ev); change(Box::new(move |q| set(q, v))) } /></label> }
    };
    let lines = lines_of(&q.kind);
    let code = q.code.clone();
    view! {
        <li class="question-editor" data-testid=format!("editor-{code}")>
            <div class="editor-head">
                <strong>{tr(kind_msg(&q.kind))}</strong>
                <div class="row-actions">
                    <button type="button" class="ghost" data-testid="move-up" disabled={flat == 0} aria-label=tr(SurveyMsg::MoveUp) on:click=move |_| swap(flat - 1)>"↑"</button>
                    <button type="button" class="ghost" data-testid="move-down" disabled={flat + 1 >= count} aria-label=tr(SurveyMsg::MoveDown) on:click=move |_| swap(flat + 1)>"↓"</button>
                    <button type="button" class="ghost" data-testid="delete-question" on:click=remove>{tr(SurveyMsg::Delete)}</button>
                </div>
            </div>
            <div class="editor-fields">
                {text_field(SurveyMsg::Code, "question-code", q.code.clone(), |q, v| q.code = v.trim().to_owned())}
                {text_field(SurveyMsg::TextZh, "question-text-zh", q.text.zh.clone(), |q, v| q.text.zh = v)}
                {text_field(SurveyMsg::TextEn, "question-text-en", q.text.en.clone(), |q, v| q.text.en = v)}
                {text_field(SurveyMsg::HelpZh, "question-help-zh", q.help.zh.clone(), |q, v| q.help.zh = v)}
                {text_field(SurveyMsg::HelpEn, "question-help-en", q.help.en.clone(), |q, v| q.help.en = v)}
                <label class="check pick"><input type="checkbox" data-testid="question-required" checked=q.required
                    on:change=move |ev| { let on = event_target_checked(&ev); change(Box::new(move |q| q.required = on)) } />{tr(SurveyMsg::Required)}</label>
                {lines.map(|text| view! { <label class="field wide"><span>{tr(SurveyMsg::RowsOrChoices)}</span>
                    <textarea rows="4" data-testid="question-rows" on:change=move |ev| { let v = event_target_value(&ev); change(Box::new(move |q| set_lines(&mut q.kind, &v))) }>{text}</textarea></label> })}
            </div>
        </li>
    }
}
