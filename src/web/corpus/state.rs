//! What the panel holds (the documents, the reference, the lined-up view, the list's order and
//! the grid's filter) in one thread-local, and the generation counter that stops stale work:
//! every change of the documents bumps it, and a run, a line-up or a slice of drawing that finds
//! it changed stops instead of drawing an answer to an older question.

use super::dom;
use super::grid::{self, Filter};
use super::list::SortBy;
use super::read::{Info, View};
use std::cell::RefCell;
use wasm_bindgen::JsValue;
use web_sys::Element;

/// Main-thread time one slice of reading or drawing the matrix may take before it yields, in ms.
pub const SLICE_MS: f64 = 8.0;

#[derive(Debug, Clone, PartialEq)]
pub enum State {
    Waiting,
    Reading,
    Analysing,
    Done,
    Failed(String),
}

pub struct Doc {
    pub name: String,
    pub file: Option<web_sys::File>,
    /// The text as a JS string: it goes to the engine and to IndexedDB without a copy here.
    pub text: Option<JsValue>,
    pub state: State,
    pub info: Info,
    pub targets: Vec<grid::Target>,
}

#[derive(Default)]
pub struct Corpus {
    pub pane: Option<Element>,
    pub docs: Vec<Doc>,
    /// The reference document, by name (it survives removals and additions).
    pub reference: Option<String>,
    pub view: Option<View>,
    /// Bumped by every change of the documents: an older run stops.
    pub gen: u64,
    pub error: Option<String>,
    /// Whether a run reads and analyses the waiting documents now.
    pub running: bool,
    /// The document list's order: a column, descending.
    pub sort: (SortBy, bool),
    pub filter: Filter,
    /// Bumped by every drawing of the matrix: an older one stops.
    pub drawn: u64,
    /// Documents whose rows changed since the list was last drawn (see [`super::panel::touch`]).
    pub dirty: Vec<String>,
    /// Whether a redraw of the changed rows is due.
    pub flush_due: bool,
    /// The reader's merges and splits of matrix rows, in order (`super::edits`).
    pub edits: Vec<JsValue>,
}

thread_local! {
    static CORPUS: RefCell<Corpus> = RefCell::new(Corpus::default());
}

pub fn with<R>(f: impl FnOnce(&mut Corpus) -> R) -> Option<R> {
    CORPUS.with(|c| c.try_borrow_mut().ok().map(|mut g| f(&mut g)))
}

pub fn current(gen: u64) -> bool {
    with(|c| c.gen == gen).unwrap_or(false)
}

/// Puts a document into the list (in file-name order, as `planlens corpus` reads a directory),
/// in place of one of the same name.
pub fn insert(c: &mut Corpus, doc: Doc) {
    c.docs.retain(|d| d.name != doc.name);
    let at = c.docs.partition_point(|d| d.name < doc.name);
    c.docs.insert(at, doc);
}

pub fn waiting(name: String, file: Option<web_sys::File>, text: Option<JsValue>) -> Doc {
    Doc {
        name,
        file,
        text,
        state: State::Waiting,
        info: Info::default(),
        targets: Vec::new(),
    }
}

/// The next document still waiting, marked as being read: its name, and its file or its text.
pub fn next_waiting() -> Option<(String, Option<web_sys::File>, Option<JsValue>)> {
    with(|c| {
        let d = c.docs.iter_mut().find(|d| d.state == State::Waiting)?;
        d.state = State::Reading;
        Some((d.name.clone(), d.file.take(), d.text.clone()))
    })
    .flatten()
}

pub fn set_doc(name: &str, f: impl FnOnce(&mut Doc)) {
    with(|c| {
        if let Some(d) = c.docs.iter_mut().find(|d| d.name == name) {
            f(d);
        }
    });
}

pub fn done_count() -> usize {
    with(|c| c.docs.iter().filter(|d| d.state == State::Done).count()).unwrap_or(0)
}

/// Yields to the browser once [`SLICE_MS`] have passed since `t0`; false when the work of
/// generation `gen` is no longer wanted.
pub async fn breathe(t0: &mut f64, gen: u64) -> bool {
    if dom::now() - *t0 > SLICE_MS {
        dom::sleep(0).await;
        *t0 = dom::now();
    }
    current(gen)
}
