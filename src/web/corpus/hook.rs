//! The first load's side of the corpus panel, which is a wasm module of its own (this folder's
//! `mod.rs`, imported by boot.js on first use): several files or a folder go to it as a
//! `planlens:corpus` event, and a target it asks to open (`planlens:corpus-open`, with the
//! document's text and the target's index) opens here, in the page's own views.
//!
//! It is compiled into the page (src/web/mod.rs names it `corpus_hook`), not into the panel, yet
//! lives beside the panel: the two ends of those events are read together. Events rather than
//! calls, because the page cannot link a module it does not load.

use super::{doc, dom, state};
use wasm_bindgen::{JsCast, JsValue};

/// Hands `list` to the corpus panel (`folder`: a folder's files, of which it keeps the plans).
pub fn open(list: &web_sys::FileList, folder: bool) {
    let files = js_sys::Array::new();
    for f in (0..list.length()).filter_map(|i| list.get(i)) {
        files.push(&f);
    }
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"files".into(), &files);
    let _ = js_sys::Reflect::set(&detail, &"folder".into(), &JsValue::from_bool(folder));
    dom::dispatch("planlens:corpus", &detail);
}

/// Opens the panel's documents in the page: `{text, target}` replaces the text and selects that
/// target once it is analysed.
pub fn wire() {
    dom::on(&dom::window(), "planlens:corpus-open", |e| {
        let Some(d) = e.dyn_ref::<web_sys::CustomEvent>().map(|c| c.detail()) else {
            return;
        };
        let get = |k: &str| js_sys::Reflect::get(&d, &k.into()).unwrap_or(JsValue::NULL);
        let Some(text) = get("text").as_string() else {
            return;
        };
        let target = get("target").as_f64().map(|i| i as usize);
        state::with_app(move |a| a.view.pending_target = target);
        doc::replace_text(&text);
        if let Some(w) = dom::document().get_element_by_id("workspace") {
            w.scroll_into_view();
        }
    });
}
