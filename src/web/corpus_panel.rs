//! The corpus panel as a wasm module of its own (Cargo feature `corpus-panel`; issue 25): built
//! by tools/post_build.mjs and imported by boot.js only when several files or a folder are opened
//! (`planlens:corpus`, sent by the first load's src/web/corpus_hook.rs) or when a corpus kept in
//! IndexedDB is there after a reload. It has no analysis core: it reaches the engine worker
//! through the public `globalThis.planlens.call` (src/web/corpus_engine.rs), as an embedder
//! would, and opens a document in the page's views with a `planlens:corpus-open` event.
//!
//! It shares the page's DOM helpers, strings and file reading (the same source files).

#[allow(dead_code)]
#[path = "dom.rs"]
mod dom;
#[path = "corpus_engine.rs"]
mod engine;
#[path = "corpus_grid.rs"]
mod grid;
#[allow(dead_code)]
#[path = "i18n.rs"]
mod i18n;
#[allow(dead_code)]
#[path = "input.rs"]
mod input;
#[path = "corpus.rs"]
mod panel;
#[path = "corpus_store.rs"]
mod store;
#[path = "corpus_i18n.rs"]
mod text;

use wasm_bindgen::prelude::*;

/// Adds `files` (an array of `File`) to the corpus and shows the panel; `folder`: the files of a
/// folder, of which only plans (.txt, .md, .docx, .pdf) are taken.
#[wasm_bindgen(js_name = corpusOpen)]
pub fn corpus_open(files: js_sys::Array, folder: bool) {
    let files = files
        .iter()
        .filter_map(|f| f.dyn_into::<web_sys::File>().ok())
        .filter(|f| !folder || panel::is_plan_file(&f.name()))
        .collect();
    panel::open_files(files);
}

/// Shows the corpus kept in IndexedDB (after a reload).
#[wasm_bindgen(js_name = corpusRestore)]
pub fn corpus_restore() {
    wasm_bindgen_futures::spawn_local(panel::restore());
}
