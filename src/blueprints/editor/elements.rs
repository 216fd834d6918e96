//! Editing what the analysis compares the service with: the service elements before,
//! during and after the transaction (each present, missing or not assessed, and the step
//! where the customer meets it), and a competitor's figure for the selected step beside
//! ours. Each change is one undoable edit; the teacher's checks and the benchmark table
//! follow at once.

use leptos::prelude::*;

use super::canvas::minutes_text;
use super::editing::Editing;
use crate::blueprints::domain::{Benchmark, Edit, ElementKind, Measure, Moment, StepId};
use crate::blueprints::messages::BlueprintMsg;
use crate::components::text::{tr, use_lang};
use crate::i18n::{to_half_width, Text};

/// A number as typed (either width); `None` when it is not one.
fn read_number(text: &str) -> Option<f64> {
    to_half_width(text)
        .trim()
        .parse::<f64>()
        .ok()
        .filter(|n| n.is_finite())
}

fn measure_key(m: Measure) -> &'static str {
    match m {
        Measure::Time => "time",
        Measure::Wait => "wait",
        Measure::Score => "score",
    }
}

/// The steps an element can be met at, in reading order with their names as shown; none
/// while the card is closed (nobody can choose then, and 19 lists of every step are many).
type Choices = Memo<Vec<(StepId, String)>>;

/// One element's row: its name, present / missing / not assessed, and its step.
fn element_row(ed: Editing, kind: ElementKind, index: usize, choices: Choices) -> impl IntoView {
    let lang = use_lang();
    let state = {
        let kind = kind.clone();
        Memo::new(move |_| {
            ed.bp.with(|b| {
                b.elements
                    .iter()
                    .find(|e| e.kind == kind)
                    .map(|e| (e.present, e.step))
            })
        })
    };
    let set = {
        let kind = kind.clone();
        move |present: Option<bool>, step: Option<StepId>| {
            ed.edit(Edit::SetElement {
                kind: kind.clone(),
                present,
                step,
            });
        }
    };
    let set_status = {
        let set = set.clone();
        move |ev: leptos::ev::Event| {
            let present = match event_target_value(&ev).as_str() {
                "present" => Some(true),
                "missing" => Some(false),
                _ => None,
            };
            let step = state.get_untracked().and_then(|s| s.1);
            set(present, step);
        }
    };
    let set_step = move |ev: leptos::ev::Event| {
        let step = event_target_value(&ev).parse::<StepId>().ok();
        // Tying a step to an element not yet assessed marks it present.
        let present = state.get_untracked().is_none_or(|s| s.0);
        set(Some(present), step);
    };
    let status = move || match state.get() {
        Some((true, _)) => "present",
        Some((false, _)) => "missing",
        None => "",
    };
    let step_options = move || {
        let chosen = state.get().and_then(|s| s.1);
        choices.with(|choices| {
            choices
                .iter()
                .map(|(id, name)| {
                    view! { <option value=id.to_string() selected=chosen == Some(*id)>{name.clone()}</option> }
                })
                .collect_view()
        })
    };
    let name = kind.term().map(Name::of);
    let other = match &kind {
        ElementKind::Other { name, .. } => name.clone(),
        _ => String::new(),
    };
    let title = move || {
        name.as_ref()
            .map_or(other.clone(), |n| n.in_lang(lang.get()).to_owned())
    };
    view! {
        <tr data-testid=format!("bp-element-{index}")>
            <th scope="row">{title.clone()}</th>
            <td>
                <select aria-label=title.clone() data-testid=format!("bp-element-status-{index}") on:change=set_status
                    class=move || format!("bp-element-status {}", status())>
                    <option value="" selected=move || status().is_empty()>{tr(BlueprintMsg::NotAssessed)}</option>
                    <option value="present" selected=move || status() == "present">{tr(BlueprintMsg::Present)}</option>
                    <option value="missing" selected=move || status() == "missing">{tr(BlueprintMsg::Missing)}</option>
                </select>
            </td>
            <td>
                <select aria-label=move || format!("{} · {}", title(), BlueprintMsg::AtStep.in_lang(lang.get()))
                    data-testid=format!("bp-element-step-{index}") on:change=set_step>
                    <option value="" selected=move || state.get().and_then(|s| s.1).is_none()>{tr(BlueprintMsg::NoStep)}</option>
                    {step_options}
                </select>
            </td>
        </tr>
    }
}

use crate::working::Name;

/// The service elements, grouped before, during and after the transaction.
#[component]
pub fn ElementsCard(
    /// The open blueprint.
    ed: Editing,
) -> impl IntoView {
    let lang = use_lang();
    let open = RwSignal::new(false);
    let choices: Choices = Memo::new(move |_| {
        if !open.get() {
            return Vec::new();
        }
        let lang = lang.get();
        ed.bp.with(|b| {
            b.steps_in_order()
                .iter()
                .map(|s| (s.id, super::editing::name_of(s, lang)))
                .collect()
        })
    });
    let groups = Moment::ALL
        .into_iter()
        .map(|moment| {
            let rows = ElementKind::LISTED
                .iter()
                .enumerate()
                .filter(|(_, k)| k.moment() == moment)
                .map(|(i, k)| element_row(ed, k.clone(), i, choices))
                .collect_view();
            view! {
                <tbody>
                    <tr class="bp-element-moment"><th colspan="3" scope="rowgroup">{move || moment.term().in_lang(lang.get())}</th></tr>
                    {rows}
                </tbody>
            }
        })
        .collect_view();
    view! {
        <details class="card bp-elements" data-testid="bp-elements"
            on:toggle=move |ev| open.set(event_target::<web_sys::Element>(&ev).has_attribute("open"))>
            <summary>{tr(BlueprintMsg::ElementsTitle)}</summary>
            <p class="muted">{tr(BlueprintMsg::ElementsIntro)}</p>
            <div class="scroll-x" tabindex="0">
                <table class="table compact">
                    <thead><tr>
                        <th scope="col">{tr(BlueprintMsg::ElementsTitle)}</th>
                        <th scope="col">{tr(BlueprintMsg::Present)}</th>
                        <th scope="col">{tr(BlueprintMsg::AtStep)}</th>
                    </tr></thead>
                    {groups}
                </table>
            </div>
        </details>
    }
}

/// The selected step's competitor figure in the side panel.
pub fn benchmark_fields(ed: Editing, id: StepId) -> impl IntoView {
    let figure = Memo::new(move |_| {
        ed.bp
            .with(|b| b.benchmarks.iter().find(|x| x.step == id).cloned())
    });
    let change = move |f: &dyn Fn(&mut Benchmark) -> bool| {
        let Some(mut b) = figure.get_untracked() else {
            return;
        };
        if f(&mut b) {
            ed.edit(Edit::SetBenchmark {
                step: id,
                benchmark: Some(b),
            });
        } else {
            ed.status.set(Some(BlueprintMsg::BadNumber));
        }
    };
    let toggle = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        ed.edit(Edit::SetBenchmark {
            step: id,
            benchmark: on.then(Benchmark::default),
        });
    };
    let fields = move || {
        figure.get().map(|_| {
            let read = move |f: fn(&Benchmark) -> String| {
                move || figure.with(|b| b.as_ref().map(f).unwrap_or_default())
            };
            let measures = Measure::ALL
                .into_iter()
                .map(|m| {
                    view! {
                        <option value=measure_key(m) selected=move || figure.with(|b| b.as_ref().map(|b| b.measure) == Some(m))>
                            {tr(m.term())}
                        </option>
                    }
                })
                .collect_view();
            let is_score = move || figure.with(|b| b.as_ref().is_some_and(|b| b.measure == Measure::Score));
            view! {
                <label class="field"><span>{tr(BlueprintMsg::Competitor)}</span>
                    <input type="text" data-testid="bp-field-competitor" prop:value=read(|b| b.competitor.clone())
                        on:change=move |ev| { let t = event_target_value(&ev); change(&|b| { b.competitor = t.trim().to_owned(); true }); } />
                </label>
                <div class="bp-pair">
                    <label class="field"><span>{tr(BlueprintMsg::Measure)}</span>
                        <select data-testid="bp-field-measure" on:change=move |ev| {
                            let t = event_target_value(&ev);
                            change(&|b| { b.measure = Measure::ALL.into_iter().find(|m| measure_key(*m) == t).unwrap_or_default(); true });
                        }>{measures}</select>
                    </label>
                    <label class="field"><span>{tr(BlueprintMsg::TheirFigure)}</span>
                        <input type="text" inputmode="decimal" data-testid="bp-field-theirs" prop:value=read(|b| minutes_text(b.theirs))
                            on:change=move |ev| { let t = event_target_value(&ev); change(&|b| read_number(&t).map(|n| b.theirs = n).is_some()); } />
                    </label>
                    {move || is_score().then(|| view! {
                        <label class="field"><span>{tr(BlueprintMsg::OurScore)}</span>
                            <input type="text" inputmode="decimal" data-testid="bp-field-ours" prop:value=read(|b| b.ours.map(minutes_text).unwrap_or_default())
                                on:change=move |ev| {
                                    let t = event_target_value(&ev);
                                    change(&|b| if t.trim().is_empty() { b.ours = None; true } else { read_number(&t).map(|n| b.ours = Some(n)).is_some() });
                                } />
                        </label>
                    })}
                </div>
            }
        })
    };
    view! {
        <fieldset class="bp-fieldset" data-testid="bp-benchmark-fields">
            <legend>{tr(BlueprintMsg::CompetitorFigure)}</legend>
            <label class="check">
                <input type="checkbox" data-testid="bp-field-has-benchmark" prop:checked=move || figure.with(Option::is_some) on:change=toggle />
                <span>{tr(BlueprintMsg::HasBenchmark)}</span>
            </label>
            {fields}
        </fieldset>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn figures_are_read_in_either_width() {
        let cases = [
            ("4", Some(4.0)),
            (" 2.5 ", Some(2.5)),
            ("１２", Some(12.0)),
            ("-1", Some(-1.0)),
            ("", None),
            ("soon", None),
            ("NaN", None),
        ];
        for (typed, number) in cases {
            assert_eq!(read_number(typed), number, "{typed:?}");
        }
    }
}
