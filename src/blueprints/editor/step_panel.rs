//! The side panel: every detail of the selected step (name, description, time and
//! tolerance, kind, evidence; the fail point and its standard; the wait point with the
//! facts Maister's principles ask about, and the principles it breaks), and its arrows.
//!
//! Each field is one row of data (its label, how to read it from a step and how to write
//! it back) drawn by one of three small functions, and each change is one undoable edit.

use leptos::prelude::*;

use super::canvas::{minutes_text, NAME_FIELD};
use super::editing::Editing;
use crate::blueprints::domain::{
    broken_principles, Connector, Edit, Moment, ServiceValue, Step, StepId, StepKind,
};
use crate::blueprints::messages::BlueprintMsg;
use crate::components::text::{tr, use_lang};
use crate::i18n::{to_half_width, Text};
use crate::working::Name;

type Read = fn(&Step) -> String;
/// Writes the typed text into the step; false when the text is not valid.
type Write = fn(&mut Step, &str) -> bool;

/// A time typed in minutes: empty is none; otherwise a number of 0 or more.
fn read_minutes(text: &str) -> Result<Option<f64>, ()> {
    let text = to_half_width(text);
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    text.parse::<f64>()
        .ok()
        .filter(|m| m.is_finite() && *m >= 0.0)
        .map(Some)
        .ok_or(())
}

fn set_minutes(slot: &mut Option<f64>, text: &str) -> bool {
    match read_minutes(text) {
        Ok(m) => {
            *slot = m;
            true
        }
        Err(()) => false,
    }
}

fn show_minutes(m: Option<f64>) -> String {
    m.map(minutes_text).unwrap_or_default()
}

/// What a field shows and where it writes.
#[derive(Clone, Copy)]
struct Field {
    label: BlueprintMsg,
    key: &'static str,
    read: Read,
    write: Write,
}

/// The step as the panel reads it.
type Shown = Memo<Option<Step>>;

fn text_field(ed: Editing, id: StepId, step: Shown, f: Field, long: bool) -> AnyView {
    let value = move || step.with(|s| s.as_ref().map(f.read).unwrap_or_default());
    let change = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let mut valid = true;
        ed.change_step(id, |s| valid = (f.write)(s, &typed));
        if !valid {
            ed.status.set(Some(BlueprintMsg::BadMinutes));
        }
    };
    let testid = format!("bp-field-{}", f.key);
    let html_id = if f.key == "name" {
        NAME_FIELD.to_owned()
    } else {
        format!("bp-field-{}", f.key)
    };
    let input = if long {
        view! { <textarea id=html_id data-testid=testid rows=2 prop:value=value on:change=change></textarea> }.into_any()
    } else {
        view! { <input type="text" id=html_id data-testid=testid prop:value=value on:change=change /> }.into_any()
    };
    view! { <label class="field"><span>{tr(f.label)}</span>{input}</label> }.into_any()
}

fn check_field(
    ed: Editing,
    id: StepId,
    step: Shown,
    label: BlueprintMsg,
    key: &'static str,
    read: fn(&Step) -> bool,
    write: fn(&mut Step, bool),
) -> AnyView {
    view! {
        <label class="check">
            <input type="checkbox" data-testid=format!("bp-field-{key}")
                prop:checked=move || step.with(|s| s.as_ref().is_some_and(read))
                on:change=move |ev| { let on = event_target_checked(&ev); ed.change_step(id, |s| write(s, on)); } />
            <span>{tr(label)}</span>
        </label>
    }
    .into_any()
}

fn select_field(
    ed: Editing,
    id: StepId,
    step: Shown,
    f: Field,
    options: Vec<(&'static str, Name)>,
) -> AnyView {
    let lang = use_lang();
    let options = options
        .into_iter()
        .map(|(key, name)| {
            view! {
                <option value=key prop:selected=move || step.with(|s| s.as_ref().map(f.read).as_deref() == Some(key))>
                    {move || name.in_lang(lang.get())}
                </option>
            }
        })
        .collect_view();
    view! {
        <label class="field"><span>{tr(f.label)}</span>
            <select data-testid=format!("bp-field-{}", f.key)
                on:change=move |ev| { let key = event_target_value(&ev); ed.change_step(id, |s| { (f.write)(s, &key); }); }>
                {options}
            </select>
        </label>
    }
    .into_any()
}

fn plain(text: &'static str) -> Name {
    Name { en: text, zh: text }
}

const ONE_TO_FIVE: [&str; 5] = ["1", "2", "3", "4", "5"];

fn fail<R: Default>(s: &Step, f: impl FnOnce(&crate::blueprints::domain::FailPoint) -> R) -> R {
    s.fail_point.as_ref().map(f).unwrap_or_default()
}

fn wait<R: Default>(s: &Step, f: impl FnOnce(&crate::blueprints::domain::WaitPoint) -> R) -> R {
    s.wait_point.as_ref().map(f).unwrap_or_default()
}

fn fail_mut(s: &mut Step) -> &mut crate::blueprints::domain::FailPoint {
    s.fail_point.get_or_insert_with(Default::default)
}

fn wait_mut(s: &mut Step) -> &mut crate::blueprints::domain::WaitPoint {
    s.wait_point.get_or_insert_with(Default::default)
}

/// The facts of a wait, as (label, key, read, write).
type Fact = (
    BlueprintMsg,
    &'static str,
    fn(&Step) -> bool,
    fn(&mut Step, bool),
);

const FACTS: [Fact; 8] = [
    (
        BlueprintMsg::FactOccupied,
        "occupied",
        |s| wait(s, |w| w.occupied),
        |s, on| wait_mut(s).occupied = on,
    ),
    (
        BlueprintMsg::FactAnxious,
        "anxious",
        |s| wait(s, |w| w.anxious),
        |s, on| wait_mut(s).anxious = on,
    ),
    (
        BlueprintMsg::FactKnownDuration,
        "known-duration",
        |s| wait(s, |w| w.known_duration),
        |s, on| wait_mut(s).known_duration = on,
    ),
    (
        BlueprintMsg::FactExplained,
        "explained",
        |s| wait(s, |w| w.explained),
        |s, on| wait_mut(s).explained = on,
    ),
    (
        BlueprintMsg::FactFair,
        "fair",
        |s| wait(s, |w| w.fair),
        |s, on| wait_mut(s).fair = on,
    ),
    (
        BlueprintMsg::FactAlone,
        "alone",
        |s| wait(s, |w| w.alone),
        |s, on| wait_mut(s).alone = on,
    ),
    (
        BlueprintMsg::FactComfortable,
        "comfortable",
        |s| wait(s, |w| w.comfortable),
        |s, on| wait_mut(s).comfortable = on,
    ),
    (
        BlueprintMsg::FactFamiliar,
        "familiar",
        |s| wait(s, |w| w.familiar),
        |s, on| wait_mut(s).familiar = on,
    ),
];

fn fail_fields(ed: Editing, id: StepId, step: Shown) -> impl IntoView {
    let text = |label, key, read: Read, write: Write, long| {
        text_field(
            ed,
            id,
            step,
            Field {
                label,
                key,
                read,
                write,
            },
            long,
        )
    };
    let scale = || {
        ONE_TO_FIVE
            .iter()
            .map(|n| (*n, plain(n)))
            .collect::<Vec<_>>()
    };
    view! {
        <fieldset class="bp-fieldset" data-testid="bp-fail-fields">
            <legend>{tr(BlueprintMsg::FailPoint)}</legend>
            {text(BlueprintMsg::FailWhat, "fail-what", |s| fail(s, |f| f.what.clone()), |s, t| { fail_mut(s).what = t.to_owned(); true }, true)}
            <div class="bp-pair">
                {select_field(ed, id, step, Field { label: BlueprintMsg::Likelihood, key: "likelihood", read: |s| fail(s, |f| f.likelihood.to_string()), write: |s, t| { fail_mut(s).likelihood = t.parse().unwrap_or(3); true } }, scale())}
                {select_field(ed, id, step, Field { label: BlueprintMsg::Impact, key: "impact", read: |s| fail(s, |f| f.impact.to_string()), write: |s, t| { fail_mut(s).impact = t.parse().unwrap_or(3); true } }, scale())}
            </div>
            {text(BlueprintMsg::Standard, "standard", |s| fail(s, |f| f.standard.clone()), |s, t| { fail_mut(s).standard = t.to_owned(); true }, true)}
            {text(BlueprintMsg::Recovery, "recovery", |s| fail(s, |f| f.recovery.clone()), |s, t| { fail_mut(s).recovery = t.to_owned(); true }, true)}
            {text(BlueprintMsg::Owner, "owner", |s| fail(s, |f| f.owner.clone()), |s, t| { fail_mut(s).owner = t.to_owned(); true }, false)}
        </fieldset>
    }
}

fn wait_fields(ed: Editing, id: StepId, step: Shown) -> impl IntoView {
    let lang = use_lang();
    let text = |label, key, read: Read, write: Write| {
        text_field(
            ed,
            id,
            step,
            Field {
                label,
                key,
                read,
                write,
            },
            false,
        )
    };
    let moments = Moment::ALL
        .iter()
        .map(|m| (moment_key(*m), Name::of(m.term())))
        .collect();
    let values = vec![
        ("low", Name::of(BlueprintMsg::ValueLow)),
        ("medium", Name::of(BlueprintMsg::ValueMedium)),
        ("high", Name::of(BlueprintMsg::ValueHigh)),
    ];
    let facts = FACTS
        .iter()
        .map(|(label, key, read, write)| check_field(ed, id, step, *label, key, *read, *write))
        .collect_view();
    let broken = move || {
        let lang = lang.get();
        step.with(|s| {
            let wait = s.as_ref().and_then(|s| s.wait_point.as_ref())?;
            let items = broken_principles(wait)
                .into_iter()
                .map(|(p, r)| view! { <li>{p.term().in_lang(lang)}<span class="muted">{" → "}{r.term().in_lang(lang)}</span></li> })
                .collect_view();
            Some(view! { <ul class="bp-broken" data-testid="bp-broken-principles">{items}</ul> })
        })
    };
    view! {
        <fieldset class="bp-fieldset" data-testid="bp-wait-fields">
            <legend>{tr(BlueprintMsg::WaitPoint)}</legend>
            <div class="bp-pair">
                {text(BlueprintMsg::WaitExpected, "wait-minutes", |s| wait(s, |w| minutes_text(w.expected_minutes)), |s, t| match read_minutes(t) { Ok(m) => { wait_mut(s).expected_minutes = m.unwrap_or(0.0); true } Err(()) => false })}
                {text(BlueprintMsg::WaitWorst, "wait-worst", |s| wait(s, |w| show_minutes(w.worst_minutes)), |s, t| set_minutes(&mut wait_mut(s).worst_minutes, t))}
            </div>
            {select_field(ed, id, step, Field { label: BlueprintMsg::WaitWhen, key: "wait-when", read: |s| wait(s, |w| moment_key(w.when).to_owned()), write: |s, t| { wait_mut(s).when = Moment::ALL.into_iter().find(|m| moment_key(*m) == t).unwrap_or_default(); true } }, moments)}
            <div class="bp-facts">{facts}</div>
            {select_field(ed, id, step, Field { label: BlueprintMsg::WaitValue, key: "wait-value", read: |s| wait(s, |w| value_key(w.value).to_owned()), write: |s, t| { wait_mut(s).value = [ServiceValue::Low, ServiceValue::Medium, ServiceValue::High].into_iter().find(|v| value_key(*v) == t).unwrap_or_default(); true } }, values)}
            <h4>{tr(BlueprintMsg::PrinciplesBroken)}</h4>
            {broken}
        </fieldset>
    }
}

fn moment_key(m: Moment) -> &'static str {
    match m {
        Moment::Before => "before",
        Moment::During => "during",
        Moment::After => "after",
    }
}

fn value_key(v: ServiceValue) -> &'static str {
    match v {
        ServiceValue::Low => "low",
        ServiceValue::Medium => "medium",
        ServiceValue::High => "high",
    }
}

/// The arrows into and out of the step, each with its label, direction and a remove
/// button; and a way to add one by keyboard.
fn arrows(ed: Editing, id: StepId) -> impl IntoView {
    let lang = use_lang();
    let target = RwSignal::new(String::new());
    let list = move || {
        let lang = lang.get();
        let connectors: Vec<Connector> = ed.bp.with(|b| {
            b.connectors
                .iter()
                .filter(|c| c.from == id || c.to == id)
                .cloned()
                .collect()
        });
        connectors
            .into_iter()
            .map(|c| {
                let (from, to) = (c.from, c.to);
                let text = format!("{} → {}", ed.step_name(from, lang), ed.step_name(to, lang));
                let labelled = c.clone();
                let turned = c.clone();
                view! {
                    <li data-testid=format!("bp-arrow-item-{from}-{to}")>
                        <span>{text}</span>
                        <label class="field compact"><span>{BlueprintMsg::ArrowLabel.in_lang(lang)}</span>
                            <input type="text" prop:value=c.label.clone()
                                on:change=move |ev| ed.edit(Edit::UpdateConnector(Connector { label: event_target_value(&ev), ..labelled.clone() })) />
                        </label>
                        <label class="check">
                            <input type="checkbox" prop:checked=c.both_ways
                                on:change=move |ev| ed.edit(Edit::UpdateConnector(Connector { both_ways: event_target_checked(&ev), ..turned.clone() })) />
                            <span>{BlueprintMsg::BothWays.in_lang(lang)}</span>
                        </label>
                        <button type="button" class="ghost" on:click=move |_| ed.edit(Edit::Disconnect { from, to })>
                            {BlueprintMsg::RemoveArrow.in_lang(lang)}
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    // Every other step; the list comes a task after the form (choosing a step should not
    // wait for 300 options).
    let ready = crate::tasks::in_next_task();
    let others = Memo::new(move |_| {
        if !ready.get() {
            return Vec::new();
        }
        let lang = lang.get();
        ed.bp.with(|b| {
            b.steps_in_order()
                .iter()
                .filter(|s| s.id != id)
                .map(|s| (s.id, super::editing::name_of(s, lang)))
                .collect::<Vec<_>>()
        })
    });
    let add = move |_| {
        if let Ok(to) = target.get_untracked().parse::<StepId>() {
            ed.edit(Edit::Connect(Connector::new(id, to)));
        }
    };
    view! {
        <fieldset class="bp-fieldset">
            <legend>{tr(BlueprintMsg::Arrows)}</legend>
            <ul class="plain-list bp-arrow-list">{list}</ul>
            <div class="bp-pair">
                <label class="field"><span>{tr(BlueprintMsg::ConnectTo)}</span>
                    <select data-testid="bp-connect-target" on:change=move |ev| target.set(event_target_value(&ev))>
                        <option value="">{tr(BlueprintMsg::ChooseStep)}</option>
                        {move || others.with(|others| others.iter().map(|(s, name)| view! { <option value=s.to_string()>{name.clone()}</option> }).collect_view())}
                    </select>
                </label>
                <button type="button" class="ghost" data-testid="bp-connect-add" on:click=add>{tr(BlueprintMsg::AddArrow)}</button>
            </div>
        </fieldset>
    }
}

/// The form for one step.
#[component]
fn StepForm(ed: Editing, id: StepId) -> impl IntoView {
    let step: Shown = Memo::new(move |_| ed.bp.with(|b| b.step(id).cloned()));
    let has_fail =
        Memo::new(move |_| step.with(|s| s.as_ref().is_some_and(|s| s.fail_point.is_some())));
    let has_wait =
        Memo::new(move |_| step.with(|s| s.as_ref().is_some_and(|s| s.wait_point.is_some())));
    let text = |label, key, read: Read, write: Write, long| {
        text_field(
            ed,
            id,
            step,
            Field {
                label,
                key,
                read,
                write,
            },
            long,
        )
    };
    let kinds = vec![
        ("action", Name::of(BlueprintMsg::Action)),
        ("decision", Name::of(BlueprintMsg::Decision)),
    ];
    let lang = use_lang();
    let lane = move || {
        let lang = lang.get();
        step.with(|s| {
            s.as_ref().map(|s| {
                crate::i18n::fill(
                    BlueprintMsg::LaneColumn.in_lang(lang),
                    &[s.lane.name().in_lang(lang), &(s.column + 1).to_string()],
                )
            })
        })
    };
    view! {
        <p class="muted" data-testid="bp-panel-cell">{lane}</p>
        {text(BlueprintMsg::Name, "name", |s| s.name.clone(), |s, t| { s.name = t.to_owned(); true }, false)}
        {text(BlueprintMsg::Description, "description", |s| s.description.clone(), |s, t| { s.description = t.to_owned(); true }, true)}
        <div class="bp-pair">
            {text(BlueprintMsg::Minutes, "minutes", |s| show_minutes(s.minutes), |s, t| set_minutes(&mut s.minutes, t), false)}
            {text(BlueprintMsg::Tolerance, "tolerance", |s| show_minutes(s.tolerance), |s, t| set_minutes(&mut s.tolerance, t), false)}
        </div>
        {select_field(ed, id, step, Field { label: BlueprintMsg::Kind, key: "kind", read: |s| if s.kind == StepKind::Decision { "decision".into() } else { "action".into() }, write: |s, t| { s.kind = if t == "decision" { StepKind::Decision } else { StepKind::Action }; true } }, kinds)}
        {text(BlueprintMsg::Evidence, "evidence", |s| s.evidence.clone(), |s, t| { s.evidence = t.to_owned(); true }, false)}
        {check_field(ed, id, step, BlueprintMsg::IsFailPoint, "is-fail", |s| s.fail_point.is_some(), |s, on| s.fail_point = on.then(Default::default))}
        {move || has_fail.get().then(|| fail_fields(ed, id, step))}
        {check_field(ed, id, step, BlueprintMsg::IsWaitPoint, "is-wait", |s| s.wait_point.is_some(), |s, on| s.wait_point = on.then(Default::default))}
        {move || has_wait.get().then(|| wait_fields(ed, id, step))}
        {super::elements::benchmark_fields(ed, id)}
        {super::ties_panel::tie_fields(ed, id)}
        {arrows(ed, id)}
        <div class="actions">
            <button type="button" class="danger" data-testid="bp-delete-step" on:click=move |_| ed.delete_selected()>{tr(BlueprintMsg::DeleteStep)}</button>
        </div>
    }
}

/// The side panel for the selected step.
#[component]
pub fn StepPanel(
    /// The open blueprint.
    ed: Editing,
) -> impl IntoView {
    // Only a change of which step is shown draws the form again; edits update its fields.
    let shown = Memo::new(move |_| {
        let id = ed.selected()?;
        ed.bp.with(|b| b.step(id).is_some()).then_some(id)
    });
    view! {
        <aside class="card bp-panel" data-testid="bp-step-panel" aria-labelledby="bp-panel-title">
            <h2 id="bp-panel-title">{tr(BlueprintMsg::StepDetails)}</h2>
            {move || match shown.get() {
                Some(id) => view! { <StepForm ed id /> }.into_any(),
                None => view! { <p class="muted">{tr(BlueprintMsg::SelectAStep)}</p> }.into_any(),
            }}
        </aside>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn minutes_are_read_as_typed_in_either_width() {
        let cases = [
            ("", Ok(None)),
            ("  ", Ok(None)),
            ("5", Ok(Some(5.0))),
            ("2.5", Ok(Some(2.5))),
            ("１２", Ok(Some(12.0))),
            ("-1", Err(())),
            ("soon", Err(())),
        ];
        for (typed, read) in cases {
            assert_eq!(read_minutes(typed), read, "{typed:?}");
        }
    }
}
