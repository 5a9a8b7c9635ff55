//! The corpus panel's way to the engine: the public `globalThis.planlens.call(op, ...args)` of
//! www/planlens.js (the worker, or the page's thread when there is none), as an embedder calls
//! it. The engine loads its extras module for these ops on the first call.

use super::dom;
use js_sys::{Array, Function, Promise, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `planlens.call(op, ...args)`, awaited.
pub async fn call(op: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let p = Reflect::get(&js_sys::global(), &"planlens".into())
        .ok()
        .filter(JsValue::is_object)
        .ok_or_else(|| "planlens: no engine on this page".to_string())?;
    let f: Function = Reflect::get(&p, &"call".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| "planlens: no engine on this page".to_string())?;
    let all = Array::of1(&op.into());
    for a in args {
        all.push(a);
    }
    let pr: Promise = f
        .apply(&p, &all)
        .map_err(|e| dom::error_text(&e))?
        .dyn_into()
        .map_err(|_| "planlens: engine error".to_string())?;
    JsFuture::from(pr).await.map_err(|e| dom::error_text(&e))
}

/// `JSON.parse` of a JS string without copying it through this module's memory.
pub fn parse(s: &JsValue) -> Result<JsValue, String> {
    let json = Reflect::get(&js_sys::global(), &"JSON".into()).map_err(|e| dom::error_text(&e))?;
    let f: Function = Reflect::get(&json, &"parse".into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| "JSON".to_string())?;
    f.call1(&json, s).map_err(|e| dom::error_text(&e))
}

async fn text_op(op: &str, bytes: &[u8]) -> Result<String, String> {
    call(op, &[js_sys::Uint8Array::from(bytes).into()])
        .await?
        .as_string()
        .ok_or_else(|| "not text".to_string())
}

/// The text of a `.docx` file (`docxText`); `Err` carries the engine's reason.
pub async fn docx_text(bytes: &[u8]) -> Result<String, String> {
    text_op("docxText", bytes).await
}

/// The text layer of a PDF (`pdfText`); `Err` carries the engine's reason.
pub async fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    text_op("pdfText", bytes).await
}

/// The parsed `planlens/1` analysis of one document, kept by the engine for [`line_up`].
pub async fn analyze(name: &str, text: &JsValue) -> Result<JsValue, String> {
    parse(&call("corpusAnalyze", &[name.into(), text.clone()]).await?)
}

/// What the engine's `corpusLineUp` takes: the analysed documents' names and texts, the
/// reference's index among them (-1: none) and the reader's edits of the rows (a JSON string, or
/// undefined when there are none).
pub struct Request {
    pub names: Array,
    pub texts: Array,
    pub reference: i32,
    pub edits: JsValue,
}

/// The documents of `r` lined up by indicator (`corpusLineUp`), with the reader's edits, `format`
/// as `planlens corpus` (`panel`: the panel's cut).
pub async fn line_up(r: &Request, format: &str) -> Result<JsValue, String> {
    let args = [
        r.names.clone().into(),
        r.texts.clone().into(),
        JsValue::from_f64(f64::from(r.reference)),
        format.into(),
        r.edits.clone(),
    ];
    call("corpusLineUp", &args).await
}
