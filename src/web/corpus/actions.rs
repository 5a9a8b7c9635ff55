//! What the reader's buttons do to the corpus: line it up again against another reference or
//! without a removed document, download the matrix (with the reader's edits of its rows), hide
//! the panel, forget one document or all of them (here and in this browser's storage), open one
//! target in the page's own views. The edits themselves are `super::edits`.

use super::dom;
use super::panel::render;
use super::run::{line_up, request};
use super::state::with;
use super::{engine, store};
use wasm_bindgen::JsValue;

/// Lines the documents up again after a change of the reference or a removal.
pub fn relayout() {
    let gen = with(|c| {
        c.gen += 1;
        c.view = None;
        c.gen
    })
    .unwrap_or(0);
    render();
    if !with(|c| c.running).unwrap_or(true) {
        wasm_bindgen_futures::spawn_local(line_up(gen));
    }
}

/// Downloads the lined-up corpus as `planlens corpus` writes it (`csv`: the matrix, else JSON).
pub fn export(format: &'static str) {
    let r = request();
    wasm_bindgen_futures::spawn_local(async move {
        let out = engine::line_up(&r, format).await;
        match out.map(|s| s.as_string().unwrap_or_default()) {
            Ok(s) => {
                let (name, mime) = match format {
                    "csv" => ("planlens-corpus.csv", "text/csv;charset=utf-8"),
                    _ => ("planlens-corpus.json", "application/json"),
                };
                // the engine's CSV starts with its byte-order mark already (Excel reads UTF-8)
                dom::download(name, mime, &s);
            }
            Err(e) => {
                with(|c| c.error = Some(e));
                render();
            }
        }
    });
}

/// Hides the panel; the documents stay (and are kept in this browser).
pub fn close() {
    with(|c| {
        if let Some(p) = &c.pane {
            dom::set_hidden(p, true);
        }
    });
}

/// Forgets every document, here and in this browser's storage, and hides the panel.
pub fn clear_all() {
    with(|c| {
        c.docs.clear();
        c.view = None;
        c.reference = None;
        c.error = None;
        c.edits.clear();
        c.gen += 1;
    });
    close();
    wasm_bindgen_futures::spawn_local(store::clear());
}

pub fn remove(name: String) {
    with(|c| {
        c.docs.retain(|d| d.name != name);
        if c.reference.as_deref() == Some(name.as_str()) {
            c.reference = None;
        }
    });
    let n = name.clone();
    wasm_bindgen_futures::spawn_local(async move { store::delete(&n).await });
    if with(|c| c.docs.is_empty()).unwrap_or(false) {
        clear_all();
    } else {
        relayout();
    }
}

/// Opens target `t` of document `d` (its index in the list) in the page's own views.
pub fn open_target(d: usize, t: usize) {
    let Some(text) = with(|c| c.docs.get(d).and_then(|d| d.text.clone())).flatten() else {
        return;
    };
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"text".into(), &text);
    let _ = js_sys::Reflect::set(&detail, &"target".into(), &JsValue::from_f64(t as f64));
    dom::dispatch("planlens:corpus-open", &detail);
}
