//! Saving generated text (backups, exports) as a file on the user's device.

use wasm_bindgen::JsCast;

/// Offers `contents` as a download named `filename`. Nothing leaves the device: the file
/// is built in memory and handed to the browser's own download mechanism.
pub fn download_text(filename: &str, mime: &str, contents: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&contents.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|e| format!("{e:?}"))?;
    let url = web_sys::Url::create_object_url_with_blob(&blob).map_err(|e| format!("{e:?}"))?;
    let document = leptos::prelude::document();
    let anchor = document
        .create_element("a")
        .map_err(|e| format!("{e:?}"))?
        .unchecked_into::<web_sys::HtmlAnchorElement>();
    anchor.set_href(&url);
    anchor.set_download(filename);
    anchor.click();
    // The click has queued the download; the URL can go once it has started.
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
    let _ = leptos::prelude::window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), 10_000);
    Ok(())
}
