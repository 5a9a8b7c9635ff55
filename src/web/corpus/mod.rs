//! The corpus panel (issue 25) as a wasm module of its own (Cargo feature `corpus-panel`): several
//! files opened or dropped at once, or a folder, each read and analysed in the engine worker once;
//! the documents (sortable, removable), every target in one grid, the indicator matrix with a dot
//! chart per row (rows merged or split by hand), the targets no other document states, and against
//! a reference document the verdicts of the compare view; kept in IndexedDB across visits.
//!
//! Why a module apart: in the first load it would be ~12 KB of gzip over a budget with little
//! left (docs/page.md "Corpus panel"), and most visits open one plan. tools/post_build.mjs builds
//! it and boot.js imports it only when several files or a folder are opened (`planlens:corpus`,
//! sent by the first load's `hook.rs`, which lives here beside the panel it talks to but is
//! compiled into the page) or when a corpus kept in IndexedDB is there after a reload. It has no
//! analysis core: it reaches the engine through the public `globalThis.planlens.call`
//! (`engine`), as an embedder would, and opens a document in the page's views with a
//! `planlens:corpus-open` event.
//!
//! Its parts: `state` (what it holds, and the generation that stops stale work), `run` (reading
//! and analysing one file after another, then the line-up), `read` (the engine's JSON, field by
//! field), `panel` (drawing it), `list`, `grid`, `matrix` and `chart` (its tables), `events`
//! (the pane and its delegated listeners), `actions` (what its buttons do), `edits` (the
//! reader's merges and splits of matrix rows), `store` (IndexedDB),
//! `i18n` (its strings). It shares the page's DOM helpers, builders, string table and file reading
//! (the same source files, compiled into this module too), so no step or string has two copies;
//! `clippy::duplicate_mod` is allowed for them, as only a one-wasm build with every feature
//! holds both copies.
//!
//! No step holds the main thread long (the matrix is read and drawn a few rows at a time, the
//! grid draws at most a page of rows), and every user-derived string goes in as text (text nodes,
//! attribute values), never as markup.

mod actions;
mod chart;
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "../dom.rs"]
mod dom;
mod edits;
mod engine;
mod events;
mod grid;
mod i18n;
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "../input.rs"]
mod input;
mod list;
mod matrix;
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "../i18n.rs"]
mod page_i18n;
mod panel;
mod read;
mod run;
mod state;
mod store;
#[allow(dead_code, clippy::duplicate_mod)]
#[path = "../widgets.rs"]
mod widgets;

use wasm_bindgen::prelude::*;

/// Adds `files` (an array of `File`) to the corpus and shows the panel; `folder`: the files of a
/// folder, of which only plans (.txt, .md, .docx, .pdf) are taken.
#[wasm_bindgen(js_name = corpusOpen)]
pub fn corpus_open(files: js_sys::Array, folder: bool) {
    let files = files
        .iter()
        .filter_map(|f| f.dyn_into::<web_sys::File>().ok())
        .filter(|f| !folder || run::is_plan_file(&f.name()))
        .collect();
    run::open_files(files);
}

/// Shows the corpus kept in IndexedDB (after a reload).
#[wasm_bindgen(js_name = corpusRestore)]
pub fn corpus_restore() {
    wasm_bindgen_futures::spawn_local(run::restore());
}
