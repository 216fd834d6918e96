//! Reading a file the user chose in an `<input type="file">`, entirely on the device.

use leptos::html::Input;
use leptos::prelude::*;
use wasm_bindgen_futures::JsFuture;

/// The first file chosen in the input, if any.
pub fn chosen_file(input: &NodeRef<Input>) -> Option<web_sys::File> {
    input
        .get()
        .and_then(|i| i.files())
        .and_then(|files| files.get(0))
}

/// The file's contents as text; `None` if the browser could not read it.
pub async fn file_text(file: &web_sys::File) -> Option<String> {
    JsFuture::from(file.text())
        .await
        .ok()
        .and_then(|v| v.as_string())
}
