//! Saving the open blueprint as a file: the whole blueprint as JSON (it imports back to
//! itself), its steps as CSV for a spreadsheet, and the drawing as an SVG that stands
//! alone (its styles written into it, the text kept as text so it stays selectable).

use leptos::prelude::*;
use leptos_router::components::A;

use super::editing::Editing;
use crate::blueprints::domain::export_steps;
use crate::blueprints::messages::BlueprintMsg;
use crate::components::download::download_text;
use crate::components::text::tr;

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
.bp-badge.fail circle{fill:var(--danger)}.bp-badge.wait circle{fill:var(--warning)}";

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
    let svg = move |_| {
        let markup = document()
            .query_selector("[data-testid=bp-canvas]")
            .ok()
            .flatten()
            .map(|e| e.outer_html());
        if let Some(markup) = markup {
            let _ = download_text(
                &file_name(&name(), ".svg"),
                "image/svg+xml",
                &standalone_svg(&markup),
            );
        }
    };
    view! {
        <button type="button" class="ghost" data-testid="bp-export-json" on:click=json>{tr(BlueprintMsg::ExportJson)}</button>
        <button type="button" class="ghost" data-testid="bp-export-csv" on:click=csv>{tr(BlueprintMsg::ExportCsv)}</button>
        <button type="button" class="ghost" data-testid="bp-export-svg" on:click=svg>{tr(BlueprintMsg::ExportSvg)}</button>
        <A href=crate::paths::blueprint_import(ed.id) attr:class="button ghost" attr:data-testid="bp-import-csv">{tr(BlueprintMsg::ImportStepsLink)}</A>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
