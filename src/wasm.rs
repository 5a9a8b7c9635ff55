//! The JavaScript binding: `analyze(text)` returns the `planlens/1` object as plain JS values
//! (no classes to `.free()`), serialised JSON-compatibly so absent values are `null`, as in the
//! CLI's JSON.

use serde::Serialize;
use wasm_bindgen::prelude::*;

/// Analyses a plan and returns its `planlens/1` object.
#[wasm_bindgen(js_name = analyze)]
pub fn analyze_js(text: &str) -> Result<JsValue, JsValue> {
    let a = crate::analyze(text);
    a.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsValue::from_str(&e.to_string()))
}

/// The `planlens/1` analysis as a JSON string (for export and for hosts that want text).
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str) -> String {
    crate::render::json_line(&crate::analyze(text))
}
