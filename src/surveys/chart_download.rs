//! Downloading a results chart as SVG (serialised with its computed styles written into
//! each element, so it looks the same outside the app) or as PNG (that SVG drawn into a
//! canvas at three times its size). Nothing leaves the device.

use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::results_messages::ResultsMsg;
use crate::components::text::tr;

/// The browser side: `(button, kind, name)`; finds the chart beside the button.
const SAVE_CHART: &str = r#"
const pair = button.closest('.chart-pair');
const src = pair && pair.querySelector('svg.chart');
if (!src) return;
const copy = src.cloneNode(true);
const props = ['fill', 'fill-opacity', 'stroke', 'stroke-width', 'stroke-dasharray', 'opacity',
  'font-size', 'font-family', 'font-weight', 'text-anchor', 'dominant-baseline'];
const from = src.querySelectorAll('*'), to = copy.querySelectorAll('*');
from.forEach((el, i) => {
  const cs = getComputedStyle(el);
  to[i].setAttribute('style', props.map((p) => p + ':' + cs.getPropertyValue(p)).join(';'));
  to[i].removeAttribute('class');
});
const box = src.viewBox.baseVal, w = box.width, h = box.height;
const ns = 'http://www.w3.org/2000/svg';
copy.setAttribute('xmlns', ns);
copy.setAttribute('width', w);
copy.setAttribute('height', h);
copy.removeAttribute('class');
copy.removeAttribute('aria-hidden');
copy.removeAttribute('data-testid');
const back = document.createElementNS(ns, 'rect');
back.setAttribute('x', box.x); back.setAttribute('y', box.y);
back.setAttribute('width', w); back.setAttribute('height', h);
let bg = getComputedStyle(pair.closest('.card') || document.body).backgroundColor;
if (!bg || bg === 'rgba(0, 0, 0, 0)') bg = getComputedStyle(document.body).backgroundColor;
back.setAttribute('style', 'fill:' + bg);
copy.insertBefore(back, copy.firstChild);
const svg = new Blob([new XMLSerializer().serializeToString(copy)], { type: 'image/svg+xml' });
const save = (blob, ext) => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url; a.download = name + '.' + ext; a.click();
  setTimeout(() => URL.revokeObjectURL(url), 10000);
};
if (kind === 'svg') { save(svg, 'svg'); return; }
const url = URL.createObjectURL(svg);
const img = new Image();
img.onload = () => {
  const scale = 3, canvas = document.createElement('canvas');
  canvas.width = Math.ceil(w * scale); canvas.height = Math.ceil(h * scale);
  const g = canvas.getContext('2d');
  g.scale(scale, scale);
  g.drawImage(img, 0, 0, w, h);
  URL.revokeObjectURL(url);
  canvas.toBlob((png) => png && save(png, 'png'), 'image/png');
};
img.src = url;
"#;

thread_local! {
    static SAVER: js_sys::Function =
        js_sys::Function::new_with_args("button, kind, name", SAVE_CHART);
}

fn save(ev: leptos::ev::MouseEvent, kind: &str, name: &str) {
    let Some(button) = ev.current_target() else {
        return;
    };
    let button: JsValue = button.unchecked_into();
    SAVER.with(|f| {
        let _ = f.call3(&JsValue::NULL, &button, &kind.into(), &name.into());
    });
}

/// The two download buttons of the chart they sit beside (inside its `.chart-pair`);
/// `name` is the file name without its extension.
pub fn chart_downloads(name: String) -> impl IntoView {
    let png = name.clone();
    view! {
        <div class="chart-downloads no-print">
            <button type="button" class="ghost small" data-testid="download-svg" on:click=move |ev| save(ev, "svg", &name)>{tr(ResultsMsg::DownloadSvg)}</button>
            <button type="button" class="ghost small" data-testid="download-png" on:click=move |ev| save(ev, "png", &png)>{tr(ResultsMsg::DownloadPng)}</button>
        </div>
    }
}
