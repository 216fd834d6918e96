//! One blueprint's editor (`/blueprints/:id`): the toolbar (undo, redo, zoom, connect,
//! exports), the SVG canvas with the side panel for the selected step, the same blueprint
//! as a table, and the analysis with its working.

mod about;
mod analysis_panel;
pub mod canvas;
pub mod editing;
pub mod elements;
pub mod export;
mod looks;
mod step_panel;
mod table_view;
mod tie_figures;
pub mod ties_panel;

use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::{use_params_map, use_query_map};
use wasm_bindgen::JsCast;

use self::about::About;
use self::analysis_panel::AnalysisPanel;
use self::canvas::{Canvas, SCALES};
use self::editing::Editing;
use self::step_panel::StepPanel;
use self::table_view::TableView;
use super::domain::StepId;
use super::messages::BlueprintMsg;
use super::state::use_blueprints;
use crate::components::text::{tr, use_lang};
use crate::i18n::Text;
use crate::paths;
use crate::tasks::in_next_task;

/// `/blueprints/:id`.
#[component]
pub fn BlueprintEditor() -> impl IntoView {
    let params = use_params_map();
    let state = use_blueprints();
    let id = Memo::new(move |_| {
        let id = params
            .read()
            .get("id")
            .and_then(|v| v.parse::<u64>().ok())?;
        state.book.with(|b| b.get(id).is_some()).then_some(id)
    });
    view! {
        <section class="page bp-editor-page" data-testid="page-blueprint">
            {move || match id.get() {
                Some(id) => view! { <Editor id /> }.into_any(),
                None => view! {
                    <div class="card" data-testid="blueprint-not-found">
                        <h1>{tr(BlueprintMsg::NotFound)}</h1>
                        <A href=paths::blueprints()>{tr(BlueprintMsg::BackToList)}</A>
                    </div>
                }.into_any(),
            }}
        </section>
    }
}

/// The selected step in the address (`?step=4`), so that a reload or a shared link opens
/// the blueprint with it selected: read once as the editor opens, then written when the
/// chosen step changes, in place of the address (Back still leaves the blueprint).
///
/// Written a moment after the choice, in a task of its own, and only the last of quick
/// choices (Shift+arrows): replacing the address took 3–20 ms in Chromium, which a click
/// or a drag's press should not wait for. Written straight into the browser's history,
/// not through the router: nothing else reads it, and the router's navigation matches
/// the routes again.
fn step_in_address(ed: Editing) {
    let linked = use_query_map()
        .with_untracked(|q| q.get("step"))
        .and_then(|s| s.parse::<StepId>().ok())
        .filter(|id| ed.bp.with_untracked(|b| b.step(*id).is_some()));
    if linked.is_some() {
        ed.select(linked);
    }
    let latest = StoredValue::new(0_u32);
    Effect::new(move |_| {
        let wanted = paths::blueprint_step(ed.id, ed.selected());
        let turn = latest.get_value().wrapping_add(1);
        latest.set_value(turn);
        leptos::task::spawn_local(async move {
            crate::tasks::after_ms(200).await;
            // A later choice writes its own; an editor left writes nothing.
            if latest.try_get_value() == Some(turn) {
                replace_address(&wanted);
            }
        });
    });
}

/// Puts `url` in the address bar in place of the current one, when it differs.
fn replace_address(url: &str) {
    let location = window().location();
    let here = format!(
        "{}{}",
        location.pathname().unwrap_or_default(),
        location.search().unwrap_or_default()
    );
    if here != url {
        if let Ok(history) = window().history() {
            let state = history.state().unwrap_or(wasm_bindgen::JsValue::NULL);
            let _ = history.replace_state_with_url(&state, "", Some(url));
        }
    }
}

/// Whether a key press belongs to a text field (whose own undo the browser keeps).
fn in_field(ev: &leptos::ev::KeyboardEvent) -> bool {
    ev.target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
        .is_some_and(|e| matches!(e.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}

#[component]
fn Editor(id: u64) -> impl IntoView {
    let ed = Editing::new(use_blueprints(), id);
    step_in_address(ed);
    let lang = use_lang();
    let scale = RwSignal::new(0.8);
    let zoom = move |factor: f64| scale.update(|s| *s = (*s * factor).clamp(SCALES.0, SCALES.1));
    let fit = move |_| {
        let width = document()
            .query_selector("[data-testid=bp-canvas-box]")
            .ok()
            .flatten()
            .map_or(800, |e| e.client_width());
        let units = ed
            .bp
            .with_untracked(crate::blueprints::domain::geometry::canvas)
            .width;
        scale.set((f64::from(width - 2) / units).clamp(SCALES.0, SCALES.1));
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if !(ev.ctrl_key() || ev.meta_key()) || in_field(&ev) {
            return;
        }
        match ev.key().as_str() {
            "z" | "Z" if ev.shift_key() => ed.redo(),
            "z" | "Z" => ed.undo(),
            "y" | "Y" => ed.redo(),
            "c" | "C" if !ev.shift_key() => ed.copy_selected(),
            "v" | "V" if !ev.shift_key() => ed.paste(),
            _ => return,
        }
        ev.prevent_default();
    };
    let can_undo = move || ed.state.can(id, true);
    let can_redo = move || ed.state.can(id, false);
    let heading = move || ed.bp.with(|b| b.name.clone());
    let below = in_next_task();
    view! {
        <div class="bp-editor" on:keydown=keydown>
            <p class="back no-print"><A href=paths::blueprints()>{tr(BlueprintMsg::BackToList)}</A></p>
            <header class="bp-editor-header">
                <h1 data-testid="blueprint-title">{heading}</h1>
                <p class="muted">{move || ed.bp.with(|b| {
                    let lang = lang.get();
                    let version = b.version.term().in_lang(lang);
                    [version, b.persona.as_str(), b.scenario.as_str()].iter().filter(|t| !t.is_empty()).copied().collect::<Vec<_>>().join(" · ")
                })}</p>
            </header>
            <About ed />
            <elements::ElementsCard ed />
            <div class="bp-toolbar" role="toolbar" aria-label=tr(BlueprintMsg::Toolbar)>
                <button type="button" class="ghost" data-testid="bp-undo" disabled=move || !can_undo() on:click=move |_| ed.undo()>{tr(BlueprintMsg::Undo)}</button>
                <button type="button" class="ghost" data-testid="bp-redo" disabled=move || !can_redo() on:click=move |_| ed.redo()>{tr(BlueprintMsg::Redo)}</button>
                <button type="button" class="ghost" data-testid="bp-zoom-in" aria-label=tr(BlueprintMsg::ZoomIn) on:click=move |_| zoom(1.25)>"+"</button>
                <button type="button" class="ghost" data-testid="bp-zoom-out" aria-label=tr(BlueprintMsg::ZoomOut) on:click=move |_| zoom(0.8)>"−"</button>
                <button type="button" class="ghost" data-testid="bp-fit" on:click=fit>{tr(BlueprintMsg::Fit)}</button>
                <button type="button" class="ghost" data-testid="bp-connect"
                    aria-pressed=move || if ed.connecting.get() { "true" } else { "false" }
                    disabled=move || ed.selected().is_none()
                    on:click=move |_| ed.connecting.update(|c| *c = !*c)>{tr(BlueprintMsg::Connect)}</button>
                <button type="button" class="ghost" data-testid="bp-copy" disabled=move || ed.selected().is_none() on:click=move |_| ed.copy_selected()>{tr(BlueprintMsg::Copy)}</button>
                <button type="button" class="ghost" data-testid="bp-paste" on:click=move |_| ed.paste()>{tr(BlueprintMsg::Paste)}</button>
                <button type="button" class="ghost" data-testid="bp-delete-selection" disabled=move || ed.selected().is_none() on:click=move |_| ed.delete_selected()>{tr(BlueprintMsg::DeleteSelection)}</button>
                <export::ExportButtons ed />
            </div>
            <p class="bp-status" role="status" data-testid="bp-status">{move || ed.status.get().map(|m| m.in_lang(lang.get()))}</p>
            <div class="bp-workspace">
                <div class="bp-drawing">
                    <Canvas ed scale />
                </div>
                <StepPanel ed />
            </div>
            // Printed first, in place of the drawing on screen, then the analysis.
            <export::PrintPages ed />
            // Below the drawing: the table from the next task on (a few columns a task), the
            // analysis in a task of its own, once the drawing is on the page.
            {move || below.get().then(|| {
                let analysis = in_next_task();
                view! {
                    <TableView ed />
                    {move || analysis.get().then(|| view! { <AnalysisPanel ed /> })}
                }
            })}
        </div>
    }
}
