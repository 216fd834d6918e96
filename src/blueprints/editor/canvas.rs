//! The blueprint drawn as SVG from the domain's geometry: the five lanes with their names,
//! the phases, the three lines with their labels, the arrows routed around the steps with
//! the touchpoints marked, and the steps (a decision as a diamond) with their fail (F) and
//! wait (W) badges. Clicking an empty cell adds a step there; clicking a step selects it
//! (or ends an arrow in connect mode), Shift-click adds it to the selection; dragging a
//! step moves the selection, snapping to cells, its arrows re-routed as it goes (one
//! undoable edit on the drop); dragging over empty cells draws a band that selects the
//! steps it touches. The keys act on the selection.
//!
//! The view box is the domain's whole canvas (all used columns and one spare); zooming
//! changes how many pixels a unit takes, so a wide blueprint scrolls inside its own box
//! instead of the page, on a phone too.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::editing::{Drag, Editing};
use super::looks::{drawn, Draw, Look, Looks, StepLook};
use crate::blueprints::domain::geometry::{
    arrows, canvas, cell_rect, drag_offset, lane_band, line_y, phase_band, points_attribute,
    step_rect, steps_in_band, Arrow, LABEL_WIDTH, PHASE_HEIGHT,
};
use crate::blueprints::domain::{
    Connector, Lane, Line, Point, Selection, Step, StepId, StepKind, TieResult,
};
use crate::blueprints::messages::BlueprintMsg;
use crate::components::text::{tr, use_lang};
use crate::i18n::{fill, Lang, Text};

/// The id of the side panel's name field, which Enter on the canvas moves to.
pub const NAME_FIELD: &str = "bp-step-name";

/// Pixels per unit: at most this far in, at least this far out.
pub const SCALES: (f64, f64) = (0.25, 2.0);

/// Breaks `text` into at most `lines` lines of about `width` units, a Chinese character
/// counting two (it is about twice as wide as a Latin letter); what does not fit ends
/// in "…".
pub fn wrap(text: &str, width: usize, lines: usize) -> Vec<String> {
    let units = |c: char| if c.is_ascii() { 1 } else { 2 };
    let mut out: Vec<String> = Vec::new();
    let mut line = String::new();
    let mut used = 0;
    let mut cut = false;
    for word in text.split_inclusive(|c: char| c == ' ' || !c.is_ascii()) {
        let word_units: usize = word.trim_end().chars().map(units).sum();
        if used + word_units > width && !line.is_empty() {
            out.push(line.trim_end().to_owned());
            line.clear();
            used = 0;
            if out.len() == lines {
                cut = true;
                break;
            }
        }
        for c in word.chars() {
            // A single word longer than a line is broken where it reaches the edge.
            if used + units(c) > width && !line.trim().is_empty() {
                out.push(line.trim_end().to_owned());
                line.clear();
                used = 0;
                if out.len() == lines {
                    cut = true;
                    break;
                }
            }
            if line.is_empty() && c == ' ' {
                continue;
            }
            line.push(c);
            used += units(c);
        }
        if cut {
            break;
        }
    }
    if !cut && !line.trim().is_empty() {
        out.push(line.trim_end().to_owned());
    }
    if cut {
        if let Some(last) = out.last_mut() {
            last.pop();
            last.push('…');
        }
    }
    out
}

/// Lines of text centred on `x`, the middle line at `y`.
fn text_lines(
    lines: Vec<String>,
    x: f64,
    y: f64,
    height: f64,
    class: &'static str,
) -> impl IntoView {
    let top = y - (lines.len() as f64 - 1.0) * height / 2.0;
    view! {
        <text class=class x=x y=top text-anchor="middle" dominant-baseline="middle">
            {lines.into_iter().enumerate().map(|(i, line)| view! {
                <tspan x=x dy=if i == 0 { 0.0 } else { height }>{line}</tspan>
            }).collect_view()}
        </text>
    }
}

/// A lane's name in the label column, wrapped.
fn lane_label(lane: Lane, lang: Lang, width: f64) -> impl IntoView {
    let (top, bottom) = lane_band(lane);
    view! {
        <g>
            <rect class=if lane.index().is_multiple_of(2) { "bp-lane" } else { "bp-lane alt" } x=0 y=top width=width height=bottom - top />
            {text_lines(wrap(lane.name().in_lang(lang), 16, 4), LABEL_WIDTH / 2.0, (top + bottom) / 2.0, 15.0, "bp-lane-name")}
        </g>
    }
}

/// How a step is read out: "Check in — customer actions, column 2, 5 minutes, fail point".
fn step_label(step: &Step, lang: Lang) -> String {
    let mut parts = vec![
        if step.name.trim().is_empty() {
            fill(BlueprintMsg::StepN.in_lang(lang), &[&step.id.to_string()])
        } else {
            step.name.clone()
        },
        fill(
            BlueprintMsg::LaneColumn.in_lang(lang),
            &[
                step.lane.name().in_lang(lang),
                &(step.column + 1).to_string(),
            ],
        ),
    ];
    if let Some(m) = step.minutes {
        parts.push(fill(
            BlueprintMsg::MinutesN.in_lang(lang),
            &[&minutes_text(m)],
        ));
    }
    if step.kind == StepKind::Decision {
        parts.push(BlueprintMsg::Decision.in_lang(lang).to_owned());
    }
    if step.fail_point.is_some() {
        parts.push(BlueprintMsg::FailPoint.in_lang(lang).to_owned());
    }
    if let Some(w) = &step.wait_point {
        parts.push(fill(
            BlueprintMsg::WaitN.in_lang(lang),
            &[&minutes_text(w.expected_minutes)],
        ));
    }
    parts.join(", ")
}

/// Minutes as the page writes them: "5", "2.5".
pub fn minutes_text(m: f64) -> String {
    crate::blueprints::domain::analysis::minutes(m).number()
}

/// A pointer pressed on the drawing: on a step (a drag once it moves) or on an empty cell
/// (a rubber band once it moves). Until it has moved a few pixels it is still a click.
#[derive(Clone, Debug)]
struct Press {
    step: Option<StepId>,
    /// Where it went down, in user units, and the pressed step's cell.
    start: Point,
    from: (Lane, u32),
    /// The drawing's left and top on the screen, and pixels per unit.
    origin: (f64, f64),
    scale: f64,
    client: (f64, f64),
    pointer: i32,
    shift: bool,
    active: bool,
}

/// Pixels a pointer must move before a press becomes a drag (a click can wobble).
const DRAG_PIXELS: f64 = 4.0;

/// What the pointer does on the drawing, shared by the steps, the cells and the SVG.
#[derive(Clone, Copy)]
struct Pointer {
    ed: Editing,
    press: StoredValue<Option<Press>>,
    band: RwSignal<Option<(Point, Point)>>,
    /// A drag or a band just ended: the click that follows it is not a click.
    swallow_click: StoredValue<bool>,
}

impl Pointer {
    fn down(self, ev: &leptos::ev::PointerEvent, step: Option<StepId>) {
        self.swallow_click.set_value(false);
        if ev.button() != 0 || self.ed.connecting.get_untracked() {
            return;
        }
        let Some(svg) = document()
            .query_selector("[data-testid=bp-canvas]")
            .ok()
            .flatten()
        else {
            return;
        };
        let rect = svg.get_bounding_client_rect();
        let units = self.ed.bp.with_untracked(canvas).width;
        let scale = if units > 0.0 {
            rect.width() / units
        } else {
            1.0
        };
        if !(scale.is_finite() && scale > 0.0) {
            return;
        }
        let client = (f64::from(ev.client_x()), f64::from(ev.client_y()));
        let start = Point::new(
            (client.0 - rect.left()) / scale,
            (client.1 - rect.top()) / scale,
        );
        let from = step
            .and_then(|id| self.ed.bp.with_untracked(|b| b.step(id).map(Step::cell)))
            .unwrap_or_default();
        // A step pressed is selected now, as the click or the drag that follows would
        // select it: building its side panel here keeps that work out of the drag's first
        // move. (With Shift the click decides; a selected step keeps the selection, so a
        // drag moves all of it.)
        if let Some(id) = step.filter(|_| !ev.shift_key()) {
            if !self.ed.selection.with_untracked(|s| s.contains(id)) {
                self.ed.select(Some(id));
            }
        }
        self.press.set_value(Some(Press {
            step,
            start,
            from,
            origin: (rect.left(), rect.top()),
            scale,
            client,
            pointer: ev.pointer_id(),
            shift: ev.shift_key(),
            active: false,
        }));
    }

    fn point(p: &Press, ev: &leptos::ev::PointerEvent) -> Point {
        Point::new(
            (f64::from(ev.client_x()) - p.origin.0) / p.scale,
            (f64::from(ev.client_y()) - p.origin.1) / p.scale,
        )
    }

    fn moved(self, ev: &leptos::ev::PointerEvent) {
        let Some(mut p) = self.press.get_value() else {
            return;
        };
        if !p.active {
            let (dx, dy) = (
                f64::from(ev.client_x()) - p.client.0,
                f64::from(ev.client_y()) - p.client.1,
            );
            if dx.hypot(dy) < DRAG_PIXELS {
                return;
            }
            p.active = true;
            if let Some(svg) = ev
                .current_target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            {
                let _ = svg.set_pointer_capture(p.pointer);
            }
            if let Some(id) = p.step {
                if !self.ed.selection.with_untracked(|s| s.contains(id)) {
                    self.ed.select(Some(id));
                }
                self.ed.drag.set(Some(Drag {
                    ids: self.ed.selected_ids(),
                    lanes: 0,
                    columns: 0,
                }));
            }
            self.press.set_value(Some(p.clone()));
        }
        let point = Pointer::point(&p, ev);
        if p.step.is_some() {
            let (lanes, columns) = drag_offset(p.from, point);
            let changed = self.ed.drag.with_untracked(|d| {
                d.as_ref()
                    .is_some_and(|d| (d.lanes, d.columns) != (lanes, columns))
            });
            if changed {
                self.ed.drag.update(|d| {
                    if let Some(d) = d {
                        d.lanes = lanes;
                        d.columns = columns;
                    }
                });
            }
        } else {
            self.band.set(Some((p.start, point)));
        }
    }

    fn up(self, ev: &leptos::ev::PointerEvent, cancelled: bool) {
        let Some(p) = self.press.get_value() else {
            return;
        };
        self.press.set_value(None);
        if !p.active {
            return;
        }
        self.swallow_click.set_value(true);
        if p.step.is_some() {
            let drag = self.ed.drag.get_untracked();
            if let Some(d) = drag.filter(|d| !cancelled && (d.lanes != 0 || d.columns != 0)) {
                self.ed.apply(crate::blueprints::domain::Edit::MoveSteps {
                    ids: d.ids,
                    lanes: d.lanes,
                    columns: d.columns,
                });
            }
            self.ed.drag.set(None);
        } else {
            self.band.set(None);
            if cancelled {
                return;
            }
            let end = Pointer::point(&p, ev);
            let mut ids = self
                .ed
                .bp
                .with_untracked(|b| steps_in_band(b, p.start, end));
            if p.shift {
                let mut all = self.ed.selected_ids();
                ids.retain(|i| !all.contains(i));
                all.extend(ids);
                ids = all;
            }
            self.ed.selection.set(Selection::of(&ids));
        }
    }

    /// Whether a click is the end of a drag or a band, and so not a click.
    fn swallowed(self) -> bool {
        let swallow = self.swallow_click.get_value();
        self.swallow_click.set_value(false);
        swallow
    }
}

/// One step: its shape, name, time and badges.
fn step_view(
    ed: Editing,
    pointer: Pointer,
    step: &Step,
    selected: bool,
    ties: (Option<TieResult>, Option<usize>),
    lang: Lang,
) -> impl IntoView {
    let r = step_rect(step.lane, step.column);
    let c = r.center();
    let id = step.id;
    let mut class = String::from("bp-step");
    if selected {
        class.push_str(" selected");
    }
    if step.fail_point.is_some() {
        class.push_str(" fail");
    }
    let (tie, complaints) = ties;
    if let Some(t) = tie {
        class.push_str(" tie-");
        class.push_str(t.band().key());
    }
    let mut label = step_label(step, lang);
    if let Some(t) = tie {
        label.push_str(", ");
        label.push_str(&fill(BlueprintMsg::StepTie.in_lang(lang), &[&t.figure()]));
    }
    if let Some(n) = complaints {
        label.push_str(", ");
        label.push_str(&fill(
            BlueprintMsg::StepComplaints.in_lang(lang),
            &[&n.to_string()],
        ));
    }
    let (aria, tooltip) = (label.clone(), label);
    let shape = if step.kind == StepKind::Decision {
        let points = format!(
            "{},{} {},{} {},{} {},{}",
            c.x,
            r.y - 6.0,
            r.right() + 8.0,
            c.y,
            c.x,
            r.bottom() + 6.0,
            r.x - 8.0,
            c.y
        );
        view! { <polygon class="bp-shape" points=points /> }.into_any()
    } else {
        view! { <rect class="bp-shape" x=r.x y=r.y width=r.width height=r.height rx=6 /> }
            .into_any()
    };
    let name = if step.name.trim().is_empty() {
        fill(BlueprintMsg::StepN.in_lang(lang), &[&id.to_string()])
    } else {
        step.name.clone()
    };
    let decision = step.kind == StepKind::Decision;
    let (width, lines) = if decision { (14, 2) } else { (18, 3) };
    // A diamond's corners are empty: its time goes under the name, in the middle.
    let (time_x, anchor) = if decision {
        (c.x, "middle")
    } else {
        (r.right() - 6.0, "end")
    };
    let time = step.minutes.map(|m| {
        view! {
            <text class="bp-step-time" x=time_x y=r.bottom() - 6.0 text-anchor=anchor>
                {fill(BlueprintMsg::MinShort.in_lang(lang), &[&minutes_text(m)])}
            </text>
        }
    });
    let badge = |x: f64, kind: &'static str, letter: &'static str| {
        view! {
            <g class=format!("bp-badge {kind}") aria-hidden="true">
                <circle cx=x cy=r.y r=9 />
                <text x=x y=r.y text-anchor="middle" dominant-baseline="central">{letter}</text>
            </g>
        }
    };
    let fail = step
        .fail_point
        .is_some()
        .then(|| badge(r.right() - 4.0, "fail", "F"));
    let wait = step
        .wait_point
        .is_some()
        .then(|| badge(r.right() - 26.0, "wait", "W"));
    let tie_figure = tie.map(|t| {
        view! { <text class="bp-step-tie" x=r.x + 6.0 y=r.bottom() - 6.0>{t.figure()}</text> }
    });
    let complaint_badge = complaints.filter(|n| *n > 0).map(|n| {
        view! {
            <g class="bp-badge complaints" aria-hidden="true">
                <rect x=r.x - 4.0 y=r.y - 9.0 width=28 height=18 rx=9 />
                <text x=r.x + 10.0 y=r.y text-anchor="middle" dominant-baseline="central">{n.to_string()}</text>
            </g>
        }
    });
    view! {
        <g class=class role="img" aria-label=aria data-testid=format!("bp-step-{id}")
            on:pointerdown=move |ev| pointer.down(&ev, Some(id))
            on:click=move |ev| { ev.stop_propagation(); if !pointer.swallowed() { ed.choose(id, ev.shift_key()); } }>
            {shape}
            {text_lines(wrap(&name, width, lines), c.x, c.y - 4.0, 15.0, "bp-step-name")}
            <title>{tooltip}</title>
            {time}
            {tie_figure}
            {fail}
            {wait}
            {complaint_badge}
        </g>
    }
}

/// One arrow, routed around the steps, with its label and touchpoint mark.
fn arrow_view(c: &Connector, arrow: &Arrow, lang: Lang) -> impl IntoView {
    let route = &arrow.route;
    let label = (!c.label.trim().is_empty()).then(|| {
        // On the route's middle segment.
        let i = (route.len() - 1) / 2;
        let (a, b) = (route[i], route[i + 1]);
        view! {
            <text class="bp-arrow-label" x=(a.x + b.x) / 2.0 y=(a.y + b.y) / 2.0 - 4.0 text-anchor="middle">{c.label.clone()}</text>
        }
    });
    let touchpoint = arrow.touchpoint.map(|p| {
        view! {
            <circle class="bp-touchpoint" cx=p.x cy=p.y r=6>
                <title>{BlueprintMsg::Touchpoint.in_lang(lang)}</title>
            </circle>
        }
    });
    view! {
        <g class="bp-connector" data-testid=format!("bp-arrow-{}-{}", c.from, c.to)>
            <polyline points=points_attribute(route) marker-end="url(#bp-arrowhead)"
                marker-start=c.both_ways.then_some("url(#bp-arrowhead)") />
            {label}
            {touchpoint}
        </g>
    }
}

/// The drawing of one blueprint.
#[component]
pub fn Canvas(
    /// The open blueprint.
    ed: Editing,
    /// Pixels per unit.
    scale: RwSignal<f64>,
) -> impl IntoView {
    let lang = use_lang();
    let view_box = move || ed.bp.with(canvas);
    let pointer = Pointer {
        ed,
        press: StoredValue::new(None),
        band: RwSignal::new(None),
        swallow_click: StoredValue::new(false),
    };
    let keydown = move |ev: leptos::ev::KeyboardEvent| {
        if (ev.ctrl_key() || ev.meta_key())
            && !ev.alt_key()
            && matches!(ev.key().as_str(), "a" | "A")
        {
            ed.select_all();
            ev.prevent_default();
            return;
        }
        if ev.ctrl_key() || ev.meta_key() || ev.alt_key() {
            return;
        }
        let handled = match ev.key().as_str() {
            key @ ("ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown") if ev.shift_key() => {
                let forward = matches!(key, "ArrowRight" | "ArrowDown");
                let next = ed.bp.with_untracked(|b| {
                    ed.selection
                        .with_untracked(|s| s.within(b).extend(b, forward))
                });
                ed.selection.set(next);
                true
            }
            "ArrowLeft" | "ArrowRight" | "ArrowUp" | "ArrowDown"
                if ed.selected_untracked().is_none() =>
            {
                let first = ed
                    .bp
                    .with_untracked(|b| b.steps_in_order().first().map(|s| s.id));
                ed.select(first);
                true
            }
            "ArrowLeft" => {
                ed.nudge(0, -1);
                true
            }
            "ArrowRight" => {
                ed.nudge(0, 1);
                true
            }
            "ArrowUp" => {
                ed.nudge(-1, 0);
                true
            }
            "ArrowDown" => {
                ed.nudge(1, 0);
                true
            }
            "Delete" | "Backspace" => {
                ed.delete_selected();
                true
            }
            "Enter" => {
                if let Some(field) = document().get_element_by_id(NAME_FIELD) {
                    use wasm_bindgen::JsCast;
                    if let Ok(field) = field.dyn_into::<web_sys::HtmlElement>() {
                        let _ = field.focus();
                    }
                }
                true
            }
            "c" | "C" => {
                let can = ed.selected_untracked().is_some();
                ed.connecting.set(can && !ed.connecting.get_untracked());
                true
            }
            "Escape" => {
                if ed.connecting.get_untracked() {
                    ed.connecting.set(false);
                } else {
                    ed.select(None);
                }
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    };
    let lanes = move || {
        let lang = lang.get();
        let width = view_box().width;
        Lane::ALL
            .into_iter()
            .map(|lane| lane_label(lane, lang, width))
            .collect_view()
    };
    let phases = move || {
        ed.bp.with(|bp| {
            bp.phases.iter().map(|p| {
                let (x, width) = phase_band(p.from, p.to);
                view! {
                    <g class="bp-phase">
                        <rect x=x y=4 width=width height=PHASE_HEIGHT - 8.0 rx=4 />
                        <text x=x + width / 2.0 y=PHASE_HEIGHT / 2.0 text-anchor="middle" dominant-baseline="middle">{p.name.clone()}</text>
                    </g>
                }
            }).collect_view()
        })
    };
    // The empty cells, in lanes top to bottom: drawn again only when a step takes or leaves
    // one, not on every edit.
    let empty_cells = Memo::new(move |_| {
        ed.bp.with(|bp| {
            let mut taken: Vec<(Lane, u32)> = bp.steps.iter().map(Step::cell).collect();
            taken.sort_unstable();
            let columns = bp.columns() + 1;
            Lane::ALL
                .into_iter()
                .flat_map(|lane| (0..columns).map(move |column| (lane, column)))
                .filter(|cell| taken.binary_search(cell).is_err())
                .collect::<Vec<_>>()
        })
    });
    let cell = move |(lane, column): (Lane, u32)| {
        let r = cell_rect(lane, column);
        view! {
            <rect class="bp-cell" x=r.x y=r.y width=r.width height=r.height
                data-testid=format!("bp-cell-{}-{column}", lane.key())
                on:pointerdown=move |ev| pointer.down(&ev, None)
                on:click=move |_| {
                    if pointer.swallowed() {
                    } else if ed.connecting.get_untracked() {
                        ed.connecting.set(false);
                    } else {
                        ed.add_at(lane, column, BlueprintMsg::NewStep.in_lang(lang.get_untracked()));
                    }
                }>
                <title>{move || { let lang = lang.get(); fill(BlueprintMsg::AddHere.in_lang(lang), &[lane.name().in_lang(lang), &(column + 1).to_string()]) }}</title>
            </rect>
        }
    };
    let lines =
        move || {
            let lang = lang.get();
            let right = view_box().width - 6.0;
            Line::ALL.into_iter().map(|line| {
            let y = line_y(line);
            let class = match line {
                Line::Interaction => "bp-line interaction",
                Line::Visibility => "bp-line visibility",
                Line::InternalInteraction => "bp-line internal",
            };
            view! {
                <g class=class>
                    <line x1=0 y1=y x2=right + 6.0 y2=y />
                    <text x=right y=y - 4.0 text-anchor="end">{line.name().in_lang(lang)}</text>
                </g>
            }
        }).collect_view()
        };
    // Every arrow routed at once (the dragged steps where they would land), and each
    // drawn again only when its own route, label or direction changes.
    let arrow_looks = Looks::new(move || {
        let lang = lang.get();
        ed.shown.with(|bp| {
            bp.connectors
                .iter()
                .zip(arrows(bp))
                .enumerate()
                .filter_map(|(i, (c, arrow))| {
                    Some((i as u32, Look::Arrow(c.clone(), arrow?, lang)))
                })
                .collect()
        })
    });
    let arrow_keys = Memo::new(move |_| {
        ed.bp
            .with(|bp| (0..bp.connectors.len() as u32).collect::<Vec<_>>())
    });
    let draw_arrow: Draw = std::sync::Arc::new(|look: &Look| match look {
        Look::Arrow(c, a, lang) => arrow_view(c, a, *lang).into_any(),
        _ => ().into_any(),
    });
    // The steps in the blueprint's order, each drawn again only when its own look changes.
    let step_looks = Looks::new(move || {
        let lang = lang.get();
        ed.ties.with(|ties| {
            ed.selection.with(|selection| {
                ed.shown.with(|bp| {
                    bp.steps
                        .iter()
                        .map(|s| {
                            let look = StepLook {
                                step: s.clone(),
                                selected: selection.contains(s.id),
                                ties: (
                                    ties.results.get(&s.id).copied(),
                                    ties.complaints.get(&s.id).copied(),
                                ),
                                lang,
                            };
                            (s.id, Look::Step(Box::new(look)))
                        })
                        .collect()
                })
            })
        })
    });
    let step_ids = Memo::new(move |_| {
        ed.bp
            .with(|bp| bp.steps.iter().map(|s| s.id).collect::<Vec<_>>())
    });
    let draw_step: Draw = std::sync::Arc::new(move |look: &Look| match look {
        Look::Step(l) => step_view(ed, pointer, &l.step, l.selected, l.ties, l.lang).into_any(),
        _ => ().into_any(),
    });
    let band = move || {
        pointer.band.get().map(|(a, b)| {
            view! {
                <rect class="bp-band" data-testid="bp-band" x=a.x.min(b.x) y=a.y.min(b.y)
                    width=(a.x - b.x).abs() height=(a.y - b.y).abs() />
            }
        })
    };
    let description = move || {
        let lang = lang.get();
        ed.bp.with(|bp| {
            fill(
                BlueprintMsg::CanvasDescription.in_lang(lang),
                &[
                    &bp.steps.len().to_string(),
                    &bp.connectors.len().to_string(),
                ],
            )
        })
    };
    let size = move |units: f64| format!("{:.0}", units * scale.get());
    view! {
        <div class="bp-canvas-box" data-testid="bp-canvas-box">
            <svg class=move || if ed.connecting.get() { "bp-canvas connecting" } else { "bp-canvas" }
                xmlns="http://www.w3.org/2000/svg" data-testid="bp-canvas"
                viewBox=move || view_box().attribute()
                width=move || size(view_box().width) height=move || size(view_box().height)
                role="group" tabindex="0" aria-labelledby="bp-svg-title" aria-describedby="bp-svg-desc"
                on:keydown=keydown
                on:pointermove=move |ev| pointer.moved(&ev)
                on:pointerup=move |ev| pointer.up(&ev, false)
                on:pointercancel=move |ev| pointer.up(&ev, true)>
                <title id="bp-svg-title">{move || ed.bp.with(|b| b.name.clone())}</title>
                <desc id="bp-svg-desc">{description}</desc>
                <defs>
                    <marker id="bp-arrowhead" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path class="bp-arrowhead" d="M0,0 L10,5 L0,10 z" />
                    </marker>
                </defs>
                <g class="bp-lanes">{lanes}</g>
                <rect class="bp-phase-band" x=LABEL_WIDTH y=0 width=move || view_box().width - LABEL_WIDTH height=PHASE_HEIGHT />
                <g class="bp-phases">{phases}</g>
                <g class="bp-cells">{move || empty_cells.with(|cells| cells.iter().map(|c| cell(*c)).collect_view())}</g>
                <g class="bp-lines">{lines}</g>
                <g class="bp-connectors">{drawn(arrow_looks, arrow_keys, draw_arrow)}</g>
                <g class="bp-steps">{drawn(step_looks, step_ids, draw_step)}</g>
                {band}
            </svg>
        </div>
        {move || ed.ties.with(|t| !t.results.is_empty()).then(|| view! {
            <p class="bp-legend" data-testid="bp-legend">
                {tr(BlueprintMsg::LegendTitle)}
                <span class="bp-swatch good"></span>{tr(BlueprintMsg::BandGood)}
                <span class="bp-swatch fair"></span>{tr(BlueprintMsg::BandFair)}
                <span class="bp-swatch poor"></span>{tr(BlueprintMsg::BandPoor)}
            </p>
        })}
        <p class="bp-keys muted">{tr(BlueprintMsg::CanvasKeys)}</p>
        <p class="visually-hidden" aria-live="polite" data-testid="bp-selected-announcement">{move || {
            let lang = lang.get();
            let selection = ed.selection.get();
            let count = ed.bp.with(|b| selection.within(b).len());
            if count > 1 {
                let names = selection.ids().into_iter().map(|id| ed.step_name(id, lang)).collect::<Vec<_>>().join(", ");
                return fill(BlueprintMsg::SelectedMany.in_lang(lang), &[&count.to_string(), &names]);
            }
            ed.selected_step().map(|s| fill(BlueprintMsg::SelectedIs.in_lang(lang), &[&step_label(&s, lang)])).unwrap_or_default()
        }}</p>
        <p class="bp-connect-hint" role="status">{move || ed.connecting.get().then(|| tr(BlueprintMsg::ConnectHint)())}</p>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_wrap_by_words_and_chinese_by_characters() {
        let cases: [(&str, usize, usize, &[&str]); 6] = [
            (
                "Check in at the front desk",
                12,
                3,
                &["Check in at", "the front", "desk"],
            ),
            ("Pay", 12, 3, &["Pay"]),
            ("", 12, 3, &[]),
            ("在前台办理入住手续", 8, 3, &["在前台办", "理入住手", "续"]),
            ("one two three four five six", 8, 2, &["one two", "thre…"]),
            (
                "Supercalifragilistic",
                8,
                3,
                &["Supercal", "ifragili", "stic"],
            ),
        ];
        for (text, width, lines, expected) in cases {
            assert_eq!(wrap(text, width, lines), expected, "{text:?}");
        }
    }
}
