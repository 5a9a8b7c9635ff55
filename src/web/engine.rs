//! The analysis engine as the page sees it: B's `globalThis.planlens` (a Web Worker behind
//! Promises, so typing never waits for analysis), or — when that global is absent (the page
//! built alone, or the engine failed) — the same analysis on this thread. Compare, keywords and
//! .docx reading are not in the page's wasm (they are the engine's lazily loaded extras module,
//! Cargo feature `extras`), so they always go through `planlens.call`.

use super::dom;
use crate::model::Analysis;
use js_sys::{Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = planlens, js_name = analyze, catch)]
    fn pl_analyze(text: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = planlens, js_name = call, catch)]
    fn pl_call1(op: &str, a: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = planlens, js_name = call, catch)]
    fn pl_call2(op: &str, a: &JsValue, b: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = planlens, js_name = call, catch)]
    fn pl_call3(op: &str, a: &JsValue, b: &JsValue, c: &JsValue) -> Result<Promise, JsValue>;
}

/// Where an analysis ran (shown nowhere but the console; useful in tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Via {
    Worker,
    Inline,
}

fn engine() -> Option<JsValue> {
    let g = js_sys::global();
    let p = Reflect::get(&g, &"planlens".into()).ok()?;
    let f = Reflect::get(&p, &"analyze".into()).ok()?;
    f.is_function().then_some(p)
}

/// Which engine `globalThis.planlens` answered with: its worker, or its own same-thread mode
/// (`?engine=inline`, no Worker support) — `planlens.engine` says which.
fn via(p: &JsValue) -> Via {
    match Reflect::get(p, &"engine".into())
        .ok()
        .and_then(|e| e.as_string())
        .as_deref()
    {
        Some("inline") => Via::Inline,
        _ => Via::Worker,
    }
}

/// Waits for the engine's `ready` Promise (the worker's wasm handshake); false if it failed.
async fn ready(p: &JsValue) -> bool {
    match Reflect::get(p, &"ready".into()) {
        Ok(r) if r.is_instance_of::<Promise>() => {
            JsFuture::from(r.unchecked_into::<Promise>()).await.is_ok()
        }
        _ => true,
    }
}

/// Items of a result array read back per step of [`decode`] before the time is checked.
const DECODE_BATCH: u32 = 16;
/// Main-thread time one step of [`decode`] may take before it yields, in ms.
const DECODE_SLICE_MS: f64 = 6.0;

/// Reads the worker's `planlens/1` object back into an [`Analysis`] without one long task:
/// `serde_wasm_bindgen` walks every property of it through JS calls (20 ms for a seed plan on
/// a loaded 2-core box, more for bigger ones), so the big arrays, `outline` (top-level
/// nodes), `targets` and `tables`, are read a few items at a time, yielding to the browser whenever
/// [`DECODE_SLICE_MS`] has passed. Stops early (`Err`) once `wanted()` says the result is no
/// longer needed (a newer text was sent): a stale answer costs no more main-thread time.
async fn decode(v: JsValue, wanted: &dyn Fn() -> bool) -> Result<Analysis, String> {
    let take = |k: &str| -> Option<js_sys::Array> {
        let a = Reflect::get(&v, &k.into())
            .ok()?
            .dyn_into::<js_sys::Array>()
            .ok()?;
        Reflect::set(&v, &k.into(), &js_sys::Array::new()).ok()?;
        Some(a)
    };
    // not in the task that received the message: that one has just copied it over (the
    // structured clone of the whole object) and settled the engine's Promise
    super::dom::sleep(0).await;
    if !wanted() {
        return Err("superseded".into());
    }
    let mut t0 = super::dom::now();
    let (outline, targets, tables) = (take("outline"), take("targets"), take("tables"));
    let mut a: Analysis = serde_wasm_bindgen::from_value(v).map_err(|e| e.to_string())?;
    if let Some(arr) = outline {
        a.outline = read_array(&arr, &mut t0, wanted).await?;
    }
    if let Some(arr) = targets {
        a.targets = read_array(&arr, &mut t0, wanted).await?;
    }
    if let Some(arr) = tables {
        a.tables = read_array(&arr, &mut t0, wanted).await?;
    }
    Ok(a)
}

async fn read_array<T: serde::de::DeserializeOwned>(
    arr: &js_sys::Array,
    t0: &mut f64,
    wanted: &dyn Fn() -> bool,
) -> Result<Vec<T>, String> {
    let n = arr.length();
    let mut out: Vec<T> = Vec::with_capacity(n as usize);
    let mut i = 0;
    while i < n {
        let j = (i + DECODE_BATCH).min(n);
        let part: Vec<T> =
            serde_wasm_bindgen::from_value(arr.slice(i, j).into()).map_err(|e| e.to_string())?;
        out.extend(part);
        i = j;
        if i < n && super::dom::now() - *t0 > DECODE_SLICE_MS {
            super::dom::sleep(0).await;
            if !wanted() {
                return Err("superseded".into());
            }
            *t0 = super::dom::now();
        }
    }
    Ok(out)
}

/// Analyses `text`, in the worker when there is one. `wanted()` is asked while the answer is
/// read back: once it says no, the work stops (the caller drops the result anyway).
pub async fn analyze(text: String, wanted: impl Fn() -> bool) -> Result<(Analysis, Via), String> {
    if let Some(p) = engine() {
        if !ready(&p).await {
            web_sys::console::warn_1(&"planlens: engine not ready, analysing on the page".into());
            return Ok((crate::analyze(&text), Via::Inline));
        }
        match pl_analyze(&text) {
            Ok(pr) => match JsFuture::from(pr).await {
                Ok(v) => {
                    let via = via(&p);
                    return decode(v, &wanted).await.map(|a| (a, via));
                }
                Err(e) => {
                    // The engine ran and failed on THIS text (a trap, a timeout): running the same
                    // code on the page would take the page down with it. Report it; the text stays.
                    let code = Reflect::get(&e, &"code".into())
                        .ok()
                        .and_then(|c| c.as_string());
                    if matches!(
                        code.as_deref(),
                        Some("engine-crashed" | "timeout" | "bad-input" | "engine-error")
                    ) {
                        return Err(dom::error_text(&e));
                    }
                    web_sys::console::warn_1(
                        &format!(
                            "planlens: engine unavailable ({}), analysing on the page",
                            dom::error_text(&e)
                        )
                        .into(),
                    )
                }
            },
            Err(e) => web_sys::console::warn_1(&e),
        }
    }
    Ok((crate::analyze(&text), Via::Inline))
}

/// Calls an op of one of the engine's lazily loaded modules (compare, .docx: Cargo feature
/// `extras`; keywords: feature `keywords`; neither in this wasm) through `planlens.call`, which
/// loads that module on the first such call. A page without the engine (built alone) has none: `Err`, with the
/// engine's message; so is any failure of the op itself (the page never runs it here).
async fn call_extra(op: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let p = engine().ok_or_else(|| format!("planlens: no engine for \"{op}\" on this page"))?;
    if !ready(&p).await {
        return Err(format!(
            "planlens: the engine is not available for \"{op}\""
        ));
    }
    let pr = match args {
        [a] => pl_call1(op, a),
        [a, b] => pl_call2(op, a, b),
        [a, b, c] => pl_call3(op, a, b, c),
        _ => return Err(format!("planlens: bad call of \"{op}\"")),
    };
    JsFuture::from(pr.map_err(|e| dom::error_text(&e))?)
        .await
        .map_err(|e| dom::error_text(&e))
}

/// Compares plan A with plan B (`planlens-compare/1`) in the engine (its extras module; in the
/// worker when there is one). The engine's object is read with serde_wasm_bindgen, already in
/// the wasm for the analysis (`compareJson` + serde_json's parser cost 19 KB gzip more, measured).
pub async fn compare(a: String, b: String) -> Result<(crate::compare::Comparison, Via), String> {
    let v = call_extra("compare", &[JsValue::from_str(&a), JsValue::from_str(&b)]).await?;
    let via = engine().map(|p| via(&p)).unwrap_or(Via::Inline);
    serde_wasm_bindgen::from_value(v)
        .map(|c| (c, via))
        .map_err(|e| e.to_string())
}

/// The comparison of A with B as an export file (`format`: `markdown`, `csv`, `json`), written by
/// the engine's extras module (`compareExport`): the report writers are not in this wasm.
pub async fn compare_export(a: String, b: String, format: &str) -> Result<String, String> {
    let args = [
        JsValue::from_str(&a),
        JsValue::from_str(&b),
        JsValue::from_str(format),
    ];
    call_extra("compareExport", &args)
        .await?
        .as_string()
        .ok_or_else(|| "planlens: compareExport returned no text".to_string())
}

/// The analysis `json` of `text` as a label file, written by the engine's extras module.
pub async fn labels_json(json: String, text: String) -> Result<String, String> {
    let args = [JsValue::from_str(&json), JsValue::from_str(&text)];
    call_extra("labelsJson", &args)
        .await?
        .as_string()
        .ok_or_else(|| "planlens: labelsJson returned no text".to_string())
}

/// Section keywords, in the engine (which fetches the dictionary itself).
pub async fn keywords(text: String) -> Result<Vec<SectionKw>, String> {
    let v = call_extra("keywords", &[JsValue::from_str(&text)]).await?;
    serde_wasm_bindgen::from_value(v).map_err(|e| e.to_string())
}

/// The text of a `.docx` file, read by the engine (`docxText`); `Err` carries its reason.
pub async fn docx_text(bytes: &[u8]) -> Result<String, String> {
    let arr = js_sys::Uint8Array::from(bytes);
    let v = call_extra("docxText", &[arr.into()]).await?;
    v.as_string().ok_or_else(|| "not text".to_string())
}

/// `rows` (the header first) as the bytes of an Excel workbook, made by the engine (`rowsXlsx`).
pub async fn rows_xlsx(sheet: &str, rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let rows = serde_wasm_bindgen::to_value(rows).map_err(|e| e.to_string())?;
    let v = call_extra("rowsXlsx", &[JsValue::from_str(sheet), rows]).await?;
    Ok(js_sys::Uint8Array::new(&v).to_vec())
}

/// The text of a PDF's text layer, read by the engine (`pdfText`); `Err` carries its reason.
pub async fn pdf_text(bytes: &[u8]) -> Result<String, String> {
    let arr = js_sys::Uint8Array::from(bytes);
    let v = call_extra("pdfText", &[arr.into()]).await?;
    v.as_string().ok_or_else(|| "not text".to_string())
}

/// Keywords of one section as the page reads them back (same shape as `keywords::SectionKeywords`).
#[derive(Debug, Clone, serde::Deserialize)]
pub struct SectionKw {
    pub path: Vec<usize>,
    pub title: String,
    pub keywords: Vec<Kw>,
}

#[derive(Debug, Clone, serde::Deserialize)]
pub struct Kw {
    pub word: String,
    pub count: usize,
}

/// GET a same-origin file as text.
pub async fn fetch_text(url: &str) -> Result<String, String> {
    let w = dom::window();
    let resp = JsFuture::from(w.fetch_with_str(url))
        .await
        .map_err(|e| dom::error_text(&e))?;
    let resp: web_sys::Response = resp.dyn_into().map_err(|_| "not a response".to_string())?;
    if !resp.ok() {
        return Err(format!("HTTP {}", resp.status()));
    }
    let t = JsFuture::from(resp.text().map_err(|e| dom::error_text(&e))?)
        .await
        .map_err(|e| dom::error_text(&e))?;
    t.as_string().ok_or_else(|| "not text".to_string())
}

use wasm_bindgen::JsCast;
