//! The blueprint as a table a screen reader reads and a keyboard edits: one row per lane,
//! one column per column of the drawing. A step's cell holds its name as a text field
//! (focusing it selects the step); an empty cell holds a button that adds a step there.
//!
//! A large blueprint's table is built a few columns per task, so that no task holds the
//! page for long (300 name fields at once took 100–200 ms); it is whole a moment after
//! the drawing shows, and stays whole as the blueprint changes.

use leptos::prelude::*;

use super::editing::Editing;
use super::looks::{drawn, Draw, Look, Looks};
use crate::blueprints::domain::{Lane, StepId};
use crate::blueprints::messages::BlueprintMsg;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Lang, Text};

/// Columns of the table built per task while it is first built, five cells each. The
/// whole table of the 300-step benchmark (380 cells) took 60–230 ms in one task on its
/// 2-core host, up to 0.6 ms a cell: 40 cells a task stay well under 50 ms there.
const COLUMNS_PER_TASK: usize = 8;

/// How many columns are built so far: a few more each task until all are, then every
/// column there will be.
fn built_columns(columns: impl Fn() -> usize + 'static) -> ReadSignal<usize> {
    let (built, set_built) = signal(0);
    leptos::task::spawn_local(async move {
        let mut done = 0;
        while done < columns() {
            done += COLUMNS_PER_TASK;
            // The editor may have been left in between.
            if set_built.try_set(done).is_some() {
                return;
            }
            crate::tasks::next_task().await;
        }
        let _ = set_built.try_set(usize::MAX);
    });
    built
}

/// The table view of the open blueprint.
#[component]
pub fn TableView(
    /// The open blueprint.
    ed: Editing,
) -> impl IntoView {
    let lang = use_lang();
    // The table is drawn again when the cells change, not when a name is typed.
    let layout = Memo::new(move |_| {
        ed.bp.with(|b| {
            let mut grid = b.grid();
            for row in &mut grid {
                row.push(None);
            }
            let phases: Vec<String> = (0..=b.columns())
                .map(|c| b.phase_of(c).map(|p| p.name.clone()).unwrap_or_default())
                .collect();
            (grid, phases)
        })
    });
    let built = built_columns(move || {
        layout
            .try_with_untracked(|(grid, _)| grid.first().map_or(0, Vec::len))
            .unwrap_or(0)
    });
    let head = move || {
        let lang = lang.get();
        let (_, phases) = layout.get();
        phases
            .into_iter()
            .enumerate()
            .map(|(i, phase)| {
                let column = fill(BlueprintMsg::ColumnN.in_lang(lang), &[&(i + 1).to_string()]);
                view! { <th scope="col">{column}{(!phase.is_empty()).then(|| view! { <br /><span class="muted">{phase}</span> })}</th> }
            })
            .collect_view()
    };
    let cell = move |lane: Lane, column: u32, step: Option<StepId>, lang: Lang| {
        let place = fill(
            BlueprintMsg::LaneColumn.in_lang(lang),
            &[lane.name().in_lang(lang), &(column + 1).to_string()],
        );
        match step {
            Some(id) => {
                // Its own memo: an edit elsewhere leaves this field as it is.
                let name = Memo::new(move |_| {
                    ed.bp
                        .with(|b| b.step(id).map(|s| s.name.clone()).unwrap_or_default())
                });
                let label = fill(BlueprintMsg::NameOfStepAt.in_lang(lang), &[&place]);
                view! {
                    <td class=move || if ed.selection.with(|s| s.contains(id)) { "bp-table-step selected" } else { "bp-table-step" }>
                        <input type="text" aria-label=label data-testid=format!("bp-table-name-{id}")
                            prop:value=move || name.get()
                            on:focus=move |_| if !ed.selection.with_untracked(|s| s.primary == Some(id)) { ed.select(Some(id)) }
                            on:change=move |ev| { let typed = event_target_value(&ev); ed.change_step(id, |s| s.name = typed); } />
                    </td>
                }
                .into_any()
            }
            None => {
                let label = fill(
                    BlueprintMsg::AddHere.in_lang(lang),
                    &[lane.name().in_lang(lang), &(column + 1).to_string()],
                );
                view! {
                    <td class="bp-table-empty">
                        <button type="button" class="ghost" title=label.clone() aria-label=label
                            data-testid=format!("bp-table-add-{}-{column}", lane.key())
                            on:click=move |_| ed.add_at(lane, column, BlueprintMsg::NewStep.in_lang(lang))>"+"</button>
                    </td>
                }
                .into_any()
            }
        }
    };
    // Each row's cells drawn from what they hold, so that an edit redraws the cells it
    // changed (a moved step's old and new cell) and no other.
    let body = Lane::ALL
        .into_iter()
        .map(|lane| {
            let row = move |grid: &Vec<Vec<Option<StepId>>>| {
                grid.get(lane.index()).cloned().unwrap_or_default()
            };
            let looks = Looks::new(move || {
                let lang = lang.get();
                layout.with(|(grid, _)| {
                    row(grid)
                        .into_iter()
                        .enumerate()
                        .map(|(c, step)| {
                            (
                                c as u32,
                                Look::Cell {
                                    column: c as u32,
                                    step,
                                    lang,
                                },
                            )
                        })
                        .collect()
                })
            });
            let keys = Memo::new(move |_| {
                let built = built.get();
                layout.with(|(grid, _)| (0..row(grid).len().min(built) as u32).collect::<Vec<_>>())
            });
            let draw: Draw = std::sync::Arc::new(move |look: &Look| match look {
                Look::Cell { column, step, lang } => cell(lane, *column, *step, *lang),
                _ => ().into_any(),
            });
            view! {
                <tr>
                    <th scope="row">{move || lane.name().in_lang(lang.get())}</th>
                    {drawn(looks, keys, draw)}
                </tr>
            }
        })
        .collect_view();
    view! {
        <section class="card bp-table-card" aria-labelledby="bp-table-title">
            <h2 id="bp-table-title">{tr(BlueprintMsg::TableTitle)}</h2>
            <p class="muted">{tr(BlueprintMsg::TableExplain)}</p>
            <div class="scroll-x" tabindex="0">
                <table class="table compact bp-table" data-testid="bp-table">
                    <caption class="visually-hidden">{move || ed.bp.with(|b| b.name.clone())}</caption>
                    <thead><tr><th scope="col">{tr(BlueprintMsg::Lane)}</th>{head}</tr></thead>
                    <tbody>{body}</tbody>
                </table>
            </div>
        </section>
    }
}
