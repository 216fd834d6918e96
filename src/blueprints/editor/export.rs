//! Saving the open blueprint as a file: the whole blueprint as JSON (it imports back to
//! itself), its steps as CSV for a spreadsheet, the drawing as an SVG that stands alone
//! (its styles written into it, the text kept as text so it stays selectable) and as a PNG
//! (that SVG drawn into a canvas); and printing it, landscape, a few columns to a page with
//! whole phases kept together and the lane names on every page.

use leptos::prelude::*;
use leptos_router::components::A;

use super::editing::Editing;
use crate::blueprints::domain::export_steps;
use crate::blueprints::domain::geometry::{canvas, column_x, phase_band, print_pages, LABEL_WIDTH};
use crate::blueprints::domain::ViewBox;
use crate::blueprints::messages::BlueprintMsg;
use crate::components::download::download_text;
use crate::components::text::tr;
use wasm_bindgen::JsCast;

/// The drawing's styles with the light scheme's colours, for an SVG read outside the app
/// (the page's own styles are in style/blueprints.css).
pub const STANDALONE_STYLE: &str = "\
svg{--bg:#f6f7f9;--surface:#fff;--text:#1d2430;--muted:#5b6576;--border:#dde1e7;--accent:#2f5fb3;--accent-soft:#e7eefb;--danger:#b3261e;--warning:#8a5a00;\
font-family:system-ui,\"PingFang SC\",\"Hiragino Sans GB\",\"Microsoft YaHei\",\"Noto Sans CJK SC\",sans-serif;background:#fff}\
.bp-lane{fill:var(--surface)}.bp-lane.alt{fill:var(--bg)}.bp-lane-name{font-size:13px;font-weight:600;fill:var(--text)}\
.bp-phase-band{fill:var(--surface)}.bp-phase rect{fill:var(--accent-soft)}.bp-phase text{font-size:13px;font-weight:600;fill:var(--text)}\
.bp-cell{fill:transparent}.bp-line line{stroke:var(--text);stroke-width:1.5}.bp-line.visibility line{stroke-dasharray:8 5}\
.bp-line.internal line{stroke-dasharray:2 4}.bp-line text{font-size:12px;fill:var(--muted)}\
.bp-connector polyline{fill:none;stroke:var(--muted);stroke-width:1.6}.bp-arrowhead{fill:var(--muted)}\
.bp-arrow-label{font-size:12px;fill:var(--text);paint-order:stroke;stroke:var(--surface);stroke-width:4px}\
.bp-touchpoint{fill:var(--accent);stroke:var(--surface);stroke-width:2}\
.bp-shape{fill:var(--surface);stroke:var(--muted);stroke-width:1.5}.bp-step.fail .bp-shape{stroke:var(--danger);stroke-width:2}\
.bp-step.selected .bp-shape{stroke:var(--accent);stroke-width:3}.bp-step-name{font-size:13px;fill:var(--text)}\
.bp-step-time{font-size:11px;fill:var(--muted)}.bp-badge text{font-size:11px;font-weight:700;fill:var(--surface)}\
.bp-badge.fail circle{fill:var(--danger)}.bp-badge.wait circle{fill:var(--warning)}\
.bp-step.tie-good .bp-shape{fill:#e3f4e8}.bp-step.tie-fair .bp-shape{fill:#fff4dc}.bp-step.tie-poor .bp-shape{fill:#fbe9e7}\
.bp-step-tie{font-size:11px;font-weight:600;fill:var(--text)}.bp-badge.complaints rect{fill:var(--accent)}.bp-band{display:none}";

/// The drawing's markup as a file of its own: the namespace declared, the styles inlined
/// right after the opening tag.
pub fn standalone_svg(markup: &str) -> String {
    let Some(open_end) = markup.find('>') else {
        return markup.to_owned();
    };
    let (open, rest) = markup.split_at(open_end);
    let mut open = open.to_owned();
    if !open.contains("xmlns=") {
        open.push_str(" xmlns=\"http://www.w3.org/2000/svg\"");
    }
    format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{open}><style>{STANDALONE_STYLE}</style>{}",
        &rest[1..]
    )
}

/// Columns printed to a landscape page (with the lane names, about 1,200 units wide).
pub const COLUMNS_PER_PAGE: u32 = 6;

/// The window a printed page shows: from one lane label's width left of its first column
/// (where the lane names are drawn again) to the end of its last column, all lanes high.
pub fn page_window(first: u32, last: u32, height: f64) -> ViewBox {
    let x = column_x(first) - LABEL_WIDTH;
    ViewBox {
        x,
        y: 0.0,
        width: column_x(last + 1) - x,
        height,
    }
}

/// How much of the printed width a page's window takes, as a percentage: a full page
/// (`COLUMNS_PER_PAGE` columns) fills it, a shorter one is drawn at the same scale, so
/// every page's names print the same size.
pub fn print_width(window: &ViewBox) -> f64 {
    let full = page_window(0, COLUMNS_PER_PAGE - 1, window.height).width;
    (window.width / full * 100.0).min(100.0)
}

/// Fills the print-only pages with copies of the drawing as it is now (before printing):
/// each copy shows its page's columns, with the lane names laid over its left edge and
/// its own arrowhead (ids stay unique in the page).
fn prepare_print(ed: Editing) {
    let doc = document();
    let find = |selector: &str| doc.query_selector(selector).ok().flatten();
    let (Some(svg), Some(lanes), Some(target)) = (
        find("[data-testid=bp-canvas]"),
        find("[data-testid=bp-canvas] .bp-lanes"),
        find("[data-testid=bp-print-pages]"),
    ) else {
        return;
    };
    target.set_text_content(None);
    let (pages, height, phases) = ed.bp.with_untracked(|b| {
        let phases: Vec<(u32, u32)> = b.phases.iter().map(|p| (p.from, p.to)).collect();
        (print_pages(b, COLUMNS_PER_PAGE), canvas(b).height, phases)
    });
    let pages = if pages.is_empty() {
        vec![(0, 0)]
    } else {
        pages
    };
    const NS: Option<&str> = Some("http://www.w3.org/2000/svg");
    for (i, (first, last)) in pages.into_iter().enumerate() {
        let window = page_window(first, last, height);
        let Some(page) = svg
            .clone_node_with_deep(true)
            .ok()
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        else {
            return;
        };
        // Its size in units gives the page its shape; the style, its share of the paper.
        for (name, value) in [
            ("class", "bp-canvas bp-print-page".to_owned()),
            ("viewBox", window.attribute()),
            ("width", window.width.to_string()),
            ("height", window.height.to_string()),
            ("style", format!("width:{:.2}%", print_width(&window))),
            ("data-columns", format!("{}-{}", first + 1, last + 1)),
        ] {
            let _ = page.set_attribute(name, &value);
        }
        let all = |selector: &str| {
            let found = page.query_selector_all(selector).ok();
            (0..found.as_ref().map_or(0, |f| f.length()))
                .filter_map(|i| found.as_ref()?.item(i)?.dyn_into::<web_sys::Element>().ok())
                .collect::<Vec<_>>()
        };
        // The lines' names at the page's right edge, not the drawing's.
        for text in all(".bp-line text") {
            let _ = text.set_attribute("x", &(window.x + window.width - 6.0).to_string());
        }
        // A phase cut by the page: the part on it, its name in the middle of that part;
        // a phase off the page not at all (its edge would show above the lane names).
        for (group, (from, to)) in all(".bp-phase").into_iter().zip(&phases) {
            if *to < first || *from > last {
                let _ = group.set_attribute("display", "none");
                continue;
            }
            let (x, width) = phase_band((*from).max(first), (*to).min(last));
            for (selector, name, value) in [
                ("rect", "x", x),
                ("rect", "width", width),
                ("text", "x", x + width / 2.0),
            ] {
                if let Ok(Some(e)) = group.query_selector(selector) {
                    let _ = e.set_attribute(name, &value.to_string());
                }
            }
        }
        for name in [
            "tabindex",
            "data-testid",
            "aria-labelledby",
            "aria-describedby",
        ] {
            let _ = page.remove_attribute(name);
        }
        let marker = format!("bp-arrowhead-p{i}");
        if let Ok(Some(m)) = page.query_selector("marker") {
            m.set_id(&marker);
        }
        if let Ok(ends) = page.query_selector_all("[id^=bp-svg-], polyline") {
            for n in 0..ends.length() {
                let Some(e) = ends
                    .item(n)
                    .and_then(|e| e.dyn_into::<web_sys::Element>().ok())
                else {
                    continue;
                };
                e.remove_attribute("id").ok();
                for end in ["marker-end", "marker-start"] {
                    if e.has_attribute(end) {
                        let _ = e.set_attribute(end, &format!("url(#{marker})"));
                    }
                }
            }
        }
        let labels = doc.create_element_ns(NS, "svg").ok();
        let lanes = lanes.clone_node_with_deep(true).ok();
        if let (Some(labels), Some(lanes)) = (labels, lanes) {
            for (name, value) in [
                ("x", window.x.to_string()),
                ("y", "0".to_owned()),
                ("width", LABEL_WIDTH.to_string()),
                ("height", height.to_string()),
                ("viewBox", format!("0 0 {LABEL_WIDTH} {height}")),
            ] {
                let _ = labels.set_attribute(name, &value);
            }
            let _ = labels.append_child(&lanes);
            let _ = page.append_child(&labels);
        }
        let _ = target.append_child(&page);
    }
}

/// Draws the standalone SVG into a canvas and offers it as a PNG download; `failed` runs
/// when the browser cannot (it then says why in the status line).
fn download_png(svg: &str, width: f64, height: f64, name: &str, failed: impl FnOnce() + 'static) {
    use wasm_bindgen::JsValue;
    // Sharp at twice the size, but never past what a canvas can hold.
    let k = (16_000.0 / width.max(height).max(1.0)).min(2.0);
    let draw = js_sys::Function::new_with_args(
        "svg,w,h,k,name,fail",
        "const url=URL.createObjectURL(new Blob([svg],{type:'image/svg+xml'}));\
         const img=new Image();\
         img.onload=()=>{const c=document.createElement('canvas');\
         c.width=Math.max(1,Math.round(w*k));c.height=Math.max(1,Math.round(h*k));\
         const g=c.getContext('2d');g.fillStyle='#fff';g.fillRect(0,0,c.width,c.height);\
         g.drawImage(img,0,0,c.width,c.height);URL.revokeObjectURL(url);\
         c.toBlob((png)=>{if(!png){fail();return;}const a=document.createElement('a');\
         a.href=URL.createObjectURL(png);a.download=name;a.click();\
         setTimeout(()=>URL.revokeObjectURL(a.href),10000);},'image/png');};\
         img.onerror=()=>{URL.revokeObjectURL(url);fail();};img.src=url;",
    );
    let fail = wasm_bindgen::closure::Closure::once_into_js(failed);
    let args = js_sys::Array::new();
    for arg in [
        svg.into(),
        JsValue::from_f64(width),
        JsValue::from_f64(height),
        JsValue::from_f64(k),
        name.into(),
        fail,
    ] {
        args.push(&arg);
    }
    if draw.apply(&JsValue::NULL, &args).is_err() {
        leptos::logging::warn!("PNG export failed");
    }
}

/// A file name from the blueprint's name, without the characters file systems refuse.
pub fn file_name(name: &str, ending: &str) -> String {
    let base: String = name
        .trim()
        .chars()
        .map(|c| {
            if "/\\:*?\"<>|".contains(c) || c.is_control() {
                '-'
            } else {
                c
            }
        })
        .collect();
    let base = if base.is_empty() {
        "blueprint".to_owned()
    } else {
        base
    };
    format!("{base}{ending}")
}

/// The export buttons of the toolbar.
#[component]
pub fn ExportButtons(
    /// The open blueprint.
    ed: Editing,
) -> impl IntoView {
    let name = move || ed.bp.with_untracked(|b| b.name.clone());
    let json = move |_| {
        // Through a JSON value, as a backup is written, so the bundle holds one writer.
        let value = ed.bp.with_untracked(|b| serde_json::to_value(b));
        let text = value
            .and_then(|v| serde_json::to_string_pretty(&v))
            .unwrap_or_default();
        let _ = download_text(&file_name(&name(), ".json"), "application/json", &text);
    };
    let csv = move |_| {
        let text = ed.bp.with_untracked(export_steps);
        let _ = download_text(&file_name(&name(), "-steps.csv"), "text/csv", &text);
    };
    // The drawing as it is on screen, for the SVG and PNG exports.
    let drawn = || {
        document()
            .query_selector("[data-testid=bp-canvas]")
            .ok()
            .flatten()
            .map(|e| e.outer_html())
    };
    let svg = move |_| {
        if let Some(markup) = drawn() {
            let _ = download_text(
                &file_name(&name(), ".svg"),
                "image/svg+xml",
                &standalone_svg(&markup),
            );
        }
    };
    let png = move |_| {
        if let Some(markup) = drawn() {
            let view = ed.bp.with_untracked(canvas);
            let status = ed.status;
            download_png(
                &standalone_svg(&markup),
                view.width,
                view.height,
                &file_name(&name(), ".png"),
                move || status.set(Some(BlueprintMsg::PngFailed)),
            );
        }
    };
    let print = move |_| {
        prepare_print(ed);
        let _ = window().print();
    };
    view! {
        <button type="button" class="ghost" data-testid="bp-export-json" on:click=json>{tr(BlueprintMsg::ExportJson)}</button>
        <button type="button" class="ghost" data-testid="bp-export-csv" on:click=csv>{tr(BlueprintMsg::ExportCsv)}</button>
        <button type="button" class="ghost" data-testid="bp-export-svg" on:click=svg>{tr(BlueprintMsg::ExportSvg)}</button>
        <button type="button" class="ghost" data-testid="bp-export-png" on:click=png>{tr(BlueprintMsg::ExportPng)}</button>
        <button type="button" class="ghost" data-testid="bp-print" on:click=print>{tr(BlueprintMsg::PrintBlueprint)}</button>
        <A href=crate::paths::blueprint_import(ed.id) attr:class="button ghost" attr:data-testid="bp-import-csv">{tr(BlueprintMsg::ImportStepsLink)}</A>
    }
}

/// The drawing split into pages, shown only when printing; filled just before printing
/// (from the Print button or the browser's own print command).
#[component]
pub fn PrintPages(
    /// The open blueprint.
    ed: Editing,
) -> impl IntoView {
    let before = window_event_listener(leptos::ev::beforeprint, move |_| prepare_print(ed));
    // Afterwards the copies go, so the page holds one drawing.
    let after = window_event_listener(leptos::ev::afterprint, |_| {
        if let Ok(Some(pages)) = document().query_selector("[data-testid=bp-print-pages]") {
            pages.set_text_content(None);
        }
    });
    on_cleanup(move || {
        before.remove();
        after.remove();
    });
    view! { <div class="bp-print" data-testid="bp-print-pages" aria-hidden="true"></div> }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_printed_page_shows_its_columns_with_the_lane_names() {
        // (first, last column, view box): the first page starts at the left edge; a later
        // one's window starts one lane label's width left of its first column.
        let cases = [
            (0, 5, "0 0 1220 582"),
            (6, 8, "1080 0 680 582"),
            (3, 3, "540 0 320 582"),
        ];
        for (first, last, window) in cases {
            assert_eq!(
                page_window(first, last, 582.0).attribute(),
                window,
                "{first}-{last}"
            );
        }
    }

    #[test]
    fn shorter_printed_pages_keep_the_scale_of_a_full_one() {
        // (first, last column, share of the paper's width in percent)
        let cases = [
            (0, 5, 100.0),
            (6, 8, 680.0 / 1220.0 * 100.0),
            (3, 3, 320.0 / 1220.0 * 100.0),
        ];
        for (first, last, share) in cases {
            let window = page_window(first, last, 582.0);
            assert!(
                (print_width(&window) - share).abs() < 1e-9,
                "{first}-{last}"
            );
        }
    }

    #[test]
    fn the_standalone_svg_declares_its_namespace_and_carries_its_styles() {
        let cases = [
            (
                "<svg viewBox=\"0 0 10 10\"><rect/></svg>",
                "<svg viewBox=\"0 0 10 10\" xmlns=\"http://www.w3.org/2000/svg\"><style>",
            ),
            (
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><g/></svg>",
                "<svg xmlns=\"http://www.w3.org/2000/svg\"><style>",
            ),
        ];
        for (markup, opening) in cases {
            let svg = standalone_svg(markup);
            assert!(svg.starts_with("<?xml"), "{svg}");
            assert!(svg.contains(opening), "{svg}");
            assert!(svg.ends_with("</svg>"), "{svg}");
            assert_eq!(svg.matches("xmlns=").count(), 1, "{svg}");
        }
    }

    #[test]
    fn file_names_keep_the_name_and_drop_what_file_systems_refuse() {
        let cases = [
            ("A hotel stay", ".json", "A hotel stay.json"),
            ("酒店住宿", ".svg", "酒店住宿.svg"),
            ("a/b: c?", "-steps.csv", "a-b- c--steps.csv"),
            ("  ", ".json", "blueprint.json"),
        ];
        for (name, ending, file) in cases {
            assert_eq!(file_name(name, ending), file, "{name:?}");
        }
    }
}
