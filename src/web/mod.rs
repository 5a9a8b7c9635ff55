//! The page (issue 5): built in Rust with web-sys. Entry point [`start_app`].
use wasm_bindgen::prelude::*;

#[wasm_bindgen(js_name = start_app)]
pub fn start_app() {}
