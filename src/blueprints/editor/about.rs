//! What the blueprint is about: its name, the scenario, the customer (persona) whose path
//! is drawn, and whether it is the service as it is or as it should become. Each change is
//! one undoable edit.

use leptos::prelude::*;

use super::editing::Editing;
use crate::blueprints::domain::{Blueprint, Edit, Version};
use crate::blueprints::messages::BlueprintMsg;
use crate::components::text::tr;

type Read = fn(&Blueprint) -> String;
type Write = fn(&mut Blueprint, &str);

fn field(
    ed: Editing,
    label: BlueprintMsg,
    key: &'static str,
    read: Read,
    write: Write,
    long: bool,
) -> AnyView {
    let value = move || ed.bp.with(read);
    let change = move |ev: leptos::ev::Event| {
        let typed = event_target_value(&ev);
        let mut bp = ed.bp.get_untracked();
        write(&mut bp, &typed);
        ed.edit(Edit::Replace(bp));
    };
    let testid = format!("bp-about-{key}");
    let input = if long {
        view! { <textarea rows=2 data-testid=testid prop:value=value on:change=change></textarea> }
            .into_any()
    } else {
        view! { <input type="text" data-testid=testid prop:value=value on:change=change /> }
            .into_any()
    };
    view! { <label class="field"><span>{tr(label)}</span>{input}</label> }.into_any()
}

/// The blueprint's own details, folded away under its header.
#[component]
pub fn About(
    /// The open blueprint.
    ed: Editing,
) -> impl IntoView {
    let to_be = move || ed.bp.with(|b| b.version == Version::ToBe);
    let set_version = move |ev: leptos::ev::Event| {
        let mut bp = ed.bp.get_untracked();
        bp.version = if event_target_value(&ev) == "to_be" {
            Version::ToBe
        } else {
            Version::AsIs
        };
        ed.edit(Edit::Replace(bp));
    };
    view! {
        <details class="card bp-about" data-testid="bp-about">
            <summary>{tr(BlueprintMsg::About)}</summary>
            {field(ed, BlueprintMsg::BlueprintName, "name", |b| b.name.clone(), |b, t| {
                // A blank name is not taken: the list would show nothing to click.
                if !t.trim().is_empty() { b.name = t.trim().to_owned(); }
            }, false)}
            {field(ed, BlueprintMsg::Scenario, "scenario", |b| b.scenario.clone(), |b, t| b.scenario = t.to_owned(), true)}
            {field(ed, BlueprintMsg::Persona, "persona", |b| b.persona.clone(), |b, t| b.persona = t.to_owned(), false)}
            <label class="field"><span>{tr(BlueprintMsg::Version)}</span>
                <select data-testid="bp-about-version" on:change=set_version>
                    <option value="as_is" prop:selected=move || !to_be()>{tr(BlueprintMsg::AsIsColumn)}</option>
                    <option value="to_be" prop:selected=to_be>{tr(BlueprintMsg::ToBeColumn)}</option>
                </select>
            </label>
        </details>
    }
}
