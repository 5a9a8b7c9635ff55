//! The corpus panel (issue 25): several files opened or dropped at once, or a folder. Each is
//! read and analysed in the engine worker one after the other (a bar and a state per file; a file
//! that cannot be read says why and the others go on) and analysed there once: the engine keeps
//! the analysis for the matrix (`corpusAnalyze`, `corpusLineUp`, the same code as
//! `planlens corpus`). The panel shows the documents (sortable, removable), every target in one
//! grid (src/web/corpus_grid.rs), the indicator matrix (one row per indicator, one column per
//! document, each cell the quantity as written, a dot chart per row drawn here in SVG), the
//! targets no other document states apart, and against a reference document the verdicts of the
//! compare view. The documents are kept in IndexedDB (src/web/corpus_store.rs).
//!
//! No step holds the main thread long: the matrix is read and drawn a few rows at a time,
//! yielding to the browser between slices, and the grid draws at most a page of rows.
//! Every user-derived string goes in as text (text nodes, attribute values), never as markup.

use super::dom::{self, add, add_text, attr, clear, on};
use super::grid::{self, Filter};
use super::text::{fmt, lang, num, tr, Lang};
use super::{engine, input, store};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlInputElement, HtmlSelectElement};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// The dot chart of a row: width and height in px, and the margin left and right (whole pixels:
/// formatting floats would pull the float printer into the first load).
const CHART_W: i32 = 160;
const CHART_H: i32 = 18;
const CHART_PAD: i32 = 6;
/// Main-thread time one slice of reading or drawing the matrix may take before it yields, in ms.
const SLICE_MS: f64 = 8.0;
/// Document rows drawn in one slice (the first at once, the others a slice per task).
const FIRST_ROWS: usize = 25;
/// How often the list and the progress are redrawn while files are read, in ms.
const FLUSH_MS: i32 = 400;
/// Targets apart listed at most (the grid has them all).
const MAX_APART: usize = 300;
/// Files of a folder taken as plans (the others are left out without a word).
const PLAN_EXTS: [&str; 5] = [".txt", ".text", ".md", ".docx", ".pdf"];

#[derive(Debug, Clone, PartialEq)]
enum State {
    Waiting,
    Reading,
    Analysing,
    Done,
    Failed(String),
}

/// What the list shows of an analysed document.
#[derive(Debug, Clone, Default)]
struct Info {
    title: String,
    issuers: String,
    date: String,
    headings: usize,
    targets: usize,
    warnings: usize,
}

struct Doc {
    name: String,
    file: Option<web_sys::File>,
    /// The text as a JS string: it goes to the engine and to IndexedDB without a copy here.
    text: Option<JsValue>,
    state: State,
    info: Info,
    targets: Vec<grid::Target>,
}

/// The part of `planlens-corpus/1` (docs/corpus-schema.md) the panel shows, read field by field
/// from the parsed JSON (derived deserialisers would weigh on the first load).
#[derive(Debug, Clone, Default)]
struct View {
    documents: Vec<VDoc>,
    indicators: Vec<Row>,
    unaligned: Vec<(usize, Cell)>,
}

#[derive(Debug, Clone, Default)]
struct VDoc {
    name: String,
    /// met, weaker, missing, extra against the reference (absent for the reference, or none).
    versus: Option<[usize; 4]>,
}

#[derive(Debug, Clone, Default)]
struct Row {
    indicator: String,
    cells: Vec<Option<Cell>>,
    status: Vec<Option<String>>,
}

/// A target of one document: as written, what it measures, the number it stands for.
#[derive(Debug, Clone, Default)]
struct Cell {
    text: String,
    subject: String,
    value: Option<f64>,
}

fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &k.into()).unwrap_or(JsValue::NULL)
}

fn get_str(v: &JsValue, k: &str) -> String {
    get(v, k).as_string().unwrap_or_default()
}

fn items(v: &JsValue) -> Vec<JsValue> {
    v.dyn_ref::<js_sys::Array>()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}

fn cell(v: &JsValue) -> Option<Cell> {
    if !v.is_object() {
        return None;
    }
    // a range stands for its middle
    let range = items(&get(v, "range"));
    let mid = match (
        range.first().and_then(|x| x.as_f64()),
        range.get(1).and_then(|x| x.as_f64()),
    ) {
        (Some(a), Some(b)) => Some((a + b) / 2.0),
        _ => None,
    };
    Some(Cell {
        text: get_str(v, "text"),
        subject: get_str(v, "subject"),
        value: get(v, "value").as_f64().or(mid).filter(|x| x.is_finite()),
    })
}

impl Info {
    /// What the list shows of a `planlens/1` analysis.
    fn read(a: &JsValue) -> Info {
        let d = get(a, "document");
        let len = |k: &str| items(&get(a, k)).len();
        let issuers: Vec<String> = items(&get(&d, "issuers"))
            .iter()
            .filter_map(|s| s.as_string())
            .collect();
        Info {
            title: get_str(&d, "title"),
            issuers: issuers.join("、"),
            date: get_str(&d, "date"),
            headings: headings(&get(a, "outline")),
            targets: len("targets"),
            warnings: len("warnings"),
        }
    }
}

/// Outline nodes at every level.
fn headings(nodes: &JsValue) -> usize {
    items(nodes)
        .iter()
        .map(|n| 1 + headings(&get(n, "children")))
        .sum()
}

impl View {
    /// Reads the panel's cut of `planlens-corpus/1` a few rows at a time, yielding to the
    /// browser between slices; `None` when a newer change came meanwhile.
    async fn read(v: &JsValue, gen: u64) -> Option<View> {
        let documents = items(&get(v, "documents"))
            .iter()
            .map(|d| {
                let r = get(d, "versus_reference");
                let n = |k: &str| get(&r, k).as_f64().unwrap_or(0.0) as usize;
                VDoc {
                    name: get_str(d, "name"),
                    versus: r
                        .is_object()
                        .then(|| [n("met"), n("weaker"), n("missing"), n("extra")]),
                }
            })
            .collect();
        let mut view = View {
            documents,
            ..View::default()
        };
        let mut t0 = dom::now();
        for r in items(&get(v, "indicators")) {
            view.indicators.push(Row {
                indicator: get_str(&r, "indicator"),
                cells: items(&get(&r, "cells")).iter().map(cell).collect(),
                status: items(&get(&r, "status"))
                    .iter()
                    .map(|s| s.as_string())
                    .collect(),
            });
            if !breathe(&mut t0, gen).await {
                return None;
            }
        }
        for e in items(&get(v, "unaligned")) {
            let d = get(&e, "document").as_f64().map(|d| d as usize);
            if let Some((d, c)) = d.zip(cell(&get(&e, "target"))) {
                view.unaligned.push((d, c));
            }
            if !breathe(&mut t0, gen).await {
                return None;
            }
        }
        Some(view)
    }
}

/// Yields to the browser once [`SLICE_MS`] have passed since `t0`; false when the work of
/// generation `gen` is no longer wanted.
async fn breathe(t0: &mut f64, gen: u64) -> bool {
    if dom::now() - *t0 > SLICE_MS {
        sleep0().await;
        *t0 = dom::now();
    }
    current(gen)
}

async fn sleep0() {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = dom::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, 0);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// A column of the document list to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
enum SortBy {
    #[default]
    Name,
    Title,
    Issuers,
    Date,
    Headings,
    Targets,
    Warnings,
}

impl SortBy {
    const ALL: [(SortBy, &'static str); 7] = [
        (SortBy::Name, "corpus.col.file"),
        (SortBy::Title, "corpus.col.title"),
        (SortBy::Issuers, "corpus.col.issuers"),
        (SortBy::Date, "corpus.col.date"),
        (SortBy::Headings, "corpus.col.headings"),
        (SortBy::Targets, "corpus.col.targets"),
        (SortBy::Warnings, "corpus.col.warnings"),
    ];

    fn cmp(self, a: &Doc, b: &Doc) -> std::cmp::Ordering {
        let (x, y) = (&a.info, &b.info);
        match self {
            SortBy::Name => a.name.cmp(&b.name),
            SortBy::Title => x.title.cmp(&y.title),
            SortBy::Issuers => x.issuers.cmp(&y.issuers),
            SortBy::Date => x.date.cmp(&y.date),
            SortBy::Headings => x.headings.cmp(&y.headings),
            SortBy::Targets => x.targets.cmp(&y.targets),
            SortBy::Warnings => x.warnings.cmp(&y.warnings),
        }
        .then_with(|| a.name.cmp(&b.name))
    }
}

#[derive(Default)]
struct Corpus {
    pane: Option<Element>,
    docs: Vec<Doc>,
    /// The reference document, by name (it survives removals and additions).
    reference: Option<String>,
    view: Option<View>,
    /// Bumped by every change of the documents: an older run stops.
    gen: u64,
    error: Option<String>,
    /// Whether a run reads and analyses the waiting documents now.
    running: bool,
    /// The document list's order: a column, descending.
    sort: (SortBy, bool),
    filter: Filter,
    /// Bumped by every drawing of the matrix: an older one stops.
    drawn: u64,
    /// Documents whose rows changed since the list was last drawn (see [`touch`]).
    dirty: Vec<String>,
    /// Whether a redraw of the changed rows is due.
    flush_due: bool,
}

thread_local! {
    static CORPUS: RefCell<Corpus> = RefCell::new(Corpus::default());
}

fn with<R>(f: impl FnOnce(&mut Corpus) -> R) -> Option<R> {
    CORPUS.with(|c| c.try_borrow_mut().ok().map(|mut g| f(&mut g)))
}

/// Whether a file of a folder is taken as a plan.
pub fn is_plan_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    PLAN_EXTS.iter().any(|e| lower.ends_with(e))
}

/// Puts a document into the list (in file-name order, as `planlens corpus` reads a directory),
/// in place of one of the same name.
fn insert(c: &mut Corpus, doc: Doc) {
    c.docs.retain(|d| d.name != doc.name);
    let at = c.docs.partition_point(|d| d.name < doc.name);
    c.docs.insert(at, doc);
}

fn waiting(name: String, file: Option<web_sys::File>, text: Option<JsValue>) -> Doc {
    Doc {
        name,
        file,
        text,
        state: State::Waiting,
        info: Info::default(),
        targets: Vec::new(),
    }
}

/// Adds `files` to the corpus (opening the panel), reads and analyses them one after the other,
/// then lines them up.
pub fn open_files(files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    with(|c| {
        for f in files {
            insert(c, waiting(f.name(), Some(f), None));
        }
        c.gen += 1;
    });
    start();
}

/// Shows the documents kept in IndexedDB and analyses them again (once).
pub async fn restore() {
    let kept = store::load().await;
    if kept.is_empty() {
        return;
    }
    with(|c| {
        for (name, text) in kept {
            if !c.docs.iter().any(|d| d.name == name) {
                insert(c, waiting(name, None, Some(text)));
            }
        }
        c.gen += 1;
    });
    start();
}

/// Shows the panel and runs the waiting documents (unless a run is on already: it takes them).
fn start() {
    ensure_pane();
    render();
    // after the panel's first frame: scrolling now would lay the page out within this task
    dom::after(50, || {
        if let Some(p) = with(|c| c.pane.clone()).flatten() {
            p.scroll_into_view();
        }
    });
    let idle = with(|c| !std::mem::replace(&mut c.running, true)).unwrap_or(false);
    if idle {
        wasm_bindgen_futures::spawn_local(run());
    }
}

fn current(gen: u64) -> bool {
    with(|c| c.gen == gen).unwrap_or(false)
}

/// The next document still waiting, marked as being read: its name, and its file or its text.
fn next_waiting() -> Option<(String, Option<web_sys::File>, Option<JsValue>)> {
    with(|c| {
        let d = c.docs.iter_mut().find(|d| d.state == State::Waiting)?;
        d.state = State::Reading;
        Some((d.name.clone(), d.file.take(), d.text.clone()))
    })
    .flatten()
}

fn set_doc(name: &str, f: impl FnOnce(&mut Doc)) {
    with(|c| {
        if let Some(d) = c.docs.iter_mut().find(|d| d.name == name) {
            f(d);
        }
    });
}

/// Reads and analyses every waiting document, one after the other (also those added while it
/// runs), keeps the new ones, then lines the corpus up.
async fn run() {
    while let Some((name, file, kept)) = next_waiting() {
        touch(&name);
        let text = match (kept, file) {
            (Some(t), _) => Ok(t),
            (None, Some(f)) => read(&name, f).await.map(|t| JsValue::from_str(&t)),
            (None, None) => Err(String::new()),
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                set_doc(&name, |d| d.state = State::Failed(e));
                touch(&name);
                continue;
            }
        };
        set_doc(&name, |d| d.state = State::Analysing);
        touch(&name);
        match engine::analyze(&name, &text).await {
            Ok(a) => {
                store::put(&name, &text).await;
                set_doc(&name, |d| {
                    d.info = Info::read(&a);
                    d.targets = grid::targets(&a);
                    d.text = Some(text);
                    d.state = State::Done;
                });
            }
            Err(e) => set_doc(&name, |d| d.state = State::Failed(e)),
        }
        touch(&name);
    }
    with(|c| {
        c.running = false;
        c.dirty.clear();
    });
    render();
    let gen = with(|c| c.gen).unwrap_or(0);
    line_up(gen).await;
}

/// A file's text, or why there is none (in the page's words).
async fn read(name: &str, file: web_sys::File) -> Result<String, String> {
    let l = lang();
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map(|b| js_sys::Uint8Array::new(&b).to_vec())
        .map_err(|_| fmt(l, "status.unreadable", &[("f", name), ("e", "I/O")]))?;
    match input::read_file(name, &buf).await {
        Ok((t, _)) if t.trim().is_empty() => Err(tr(l, "status.blank").to_string()),
        Ok((t, _)) => Ok(t),
        Err(input::ReadError::Binary) => Err(tr(l, "status.binary").to_string()),
        Err(input::ReadError::OldDoc) => Err(tr(l, "status.doc").to_string()),
        Err(input::ReadError::Docx(e)) => {
            Err(fmt(l, "status.unreadable", &[("f", name), ("e", &e)]))
        }
    }
}

/// The analysed documents' names and texts as the engine's `corpusLineUp` takes them, and the
/// reference's index among them (-1: none).
fn request() -> (js_sys::Array, js_sys::Array, i32) {
    with(|c| {
        let (names, texts) = (js_sys::Array::new(), js_sys::Array::new());
        let mut reference = -1;
        for d in c.docs.iter().filter(|d| d.state == State::Done) {
            let Some(t) = &d.text else { continue };
            if c.reference.as_deref() == Some(d.name.as_str()) {
                reference = names.length() as i32;
            }
            names.push(&d.name.as_str().into());
            texts.push(t);
        }
        (names, texts, reference)
    })
    .unwrap_or_else(|| (js_sys::Array::new(), js_sys::Array::new(), -1))
}

fn done_count() -> usize {
    with(|c| c.docs.iter().filter(|d| d.state == State::Done).count()).unwrap_or(0)
}

/// Lines the analysed documents up (the matrix), unless a newer change came meanwhile.
async fn line_up(gen: u64) {
    if done_count() == 0 {
        with(|c| c.view = None);
        render();
        return;
    }
    let (names, texts, reference) = request();
    let out = engine::line_up(&names, &texts, reference, "panel").await;
    if !current(gen) {
        return;
    }
    let view = match out.and_then(|s| engine::parse(&s)) {
        Ok(v) => View::read(&v, gen).await.ok_or_else(String::new),
        Err(e) => Err(e),
    };
    if !current(gen) {
        return;
    }
    with(|c| match view {
        Ok(v) => {
            c.view = Some(v);
            c.error = None;
        }
        Err(e) => {
            c.view = None;
            c.error = Some(e);
        }
    });
    render();
}

/// Lines the documents up again after a change of the reference or a removal.
fn relayout() {
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

fn export(format: &'static str) {
    let (names, texts, reference) = request();
    wasm_bindgen_futures::spawn_local(async move {
        let out = engine::line_up(&names, &texts, reference, format).await;
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
fn close() {
    with(|c| {
        if let Some(p) = &c.pane {
            dom::set_hidden(p, true);
        }
    });
}

/// Forgets every document, here and in this browser's storage, and hides the panel.
fn clear_all() {
    with(|c| {
        c.docs.clear();
        c.view = None;
        c.reference = None;
        c.error = None;
        c.gen += 1;
    });
    close();
    wasm_bindgen_futures::spawn_local(store::clear());
}

fn remove(name: String) {
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
fn open_target(d: usize, t: usize) {
    let Some(text) = with(|c| c.docs.get(d).and_then(|d| d.text.clone())).flatten() else {
        return;
    };
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"text".into(), &text);
    let _ = js_sys::Reflect::set(&detail, &"target".into(), &JsValue::from_f64(t as f64));
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(e) = web_sys::CustomEvent::new_with_event_init_dict("planlens:corpus-open", &init) {
        let _ = dom::window().dispatch_event(&e);
    }
}

fn on_click(e: web_sys::Event) {
    if let Some(r) = dom::closest(&e, "tr.corpus-row") {
        open_target(
            dom::index_attr(&r, "data-doc"),
            dom::index_attr(&r, "data-t"),
        );
        return;
    }
    if let Some(th) = dom::closest(&e, "th[data-sort]") {
        let k = dom::index_attr(&th, "data-sort");
        if let Some(&(by, _)) = SortBy::ALL.get(k) {
            with(|c| c.sort = (by, c.sort.0 == by && !c.sort.1));
            render();
        }
        return;
    }
    let Some(b) = dom::closest(&e, "button") else {
        return;
    };
    if let Some(name) = b.get_attribute("data-remove") {
        remove(name);
        return;
    }
    match b.id().as_str() {
        "corpus-csv" => export("csv"),
        "corpus-json" => export("json"),
        "corpus-close" => close(),
        "corpus-clear" => clear_all(),
        _ => {}
    }
}

fn on_change(e: web_sys::Event) {
    let Some(s) = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
    else {
        return;
    };
    let v = s.value();
    match s.id().as_str() {
        "corpus-reference" => {
            with(|c| c.reference = (!v.is_empty()).then_some(v));
            relayout();
        }
        "corpus-f-kind" => {
            with(|c| c.filter.kind = v);
            render_grid_rows();
        }
        "corpus-f-doc" => {
            with(|c| c.filter.document = v);
            render_grid_rows();
        }
        _ => {}
    }
}

fn on_input(e: web_sys::Event) {
    let Some(i) = e
        .target()
        .and_then(|t| t.dyn_into::<HtmlInputElement>().ok())
    else {
        return;
    };
    if i.id() == "corpus-f-text" {
        with(|c| c.filter.text = i.value().trim().to_string());
        render_grid_rows();
    }
}

/// The pane, under the compare pane and above the results; its listeners are delegated.
fn ensure_pane() {
    if let Some(p) = with(|c| c.pane.clone()).flatten() {
        dom::set_hidden(&p, false);
        return;
    }
    let doc = dom::document();
    let Some(root) = doc.get_element_by_id("app") else {
        return;
    };
    let pane = dom::el("section", "corpus-pane");
    attr(&pane, "id", "corpus");
    attr(&pane, "aria-labelledby", "corpus-heading");
    let ws = doc.get_element_by_id("workspace");
    let _ = root.insert_before(&pane, ws.as_ref().map(|w| w.as_ref()));
    on(&pane, "click", on_click);
    on(&pane, "change", on_change);
    on(&pane, "input", on_input);
    on(&pane, "keydown", |e| {
        let enter = e
            .dyn_ref::<web_sys::KeyboardEvent>()
            .is_some_and(|k| k.key() == "Enter");
        if enter && dom::closest(&e, "tr.corpus-row").is_some() {
            on_click(e);
        }
    });
    watch_lang();
    with(|c| c.pane = Some(pane));
}

/// Re-renders the panel when the page switches its language (`<html lang>`).
fn watch_lang() {
    let f = wasm_bindgen::closure::Closure::<dyn FnMut()>::new(|| {
        if with(|c| c.pane.is_some() && !c.docs.is_empty()).unwrap_or(false) {
            render();
        }
    });
    let (Ok(obs), Some(html)) = (
        web_sys::MutationObserver::new(f.as_ref().unchecked_ref()),
        dom::document().document_element(),
    ) else {
        return;
    };
    let opts = web_sys::MutationObserverInit::new();
    opts.set_attributes(true);
    opts.set_attribute_filter(&js_sys::Array::of1(&"lang".into()));
    let _ = obs.observe_with_options(&html, &opts);
    f.forget();
}

fn render() {
    let l = lang();
    let view = with(|c| {
        let pane = c.pane.clone()?;
        clear(&pane);
        let head = add(&pane, "div", "toolbar");
        let h = add_text(&head, "h2", "", tr(l, "corpus.heading"));
        attr(&h, "id", "corpus-heading");
        for (id, key) in [
            ("corpus-csv", "corpus.csv"),
            ("corpus-json", "corpus.json"),
            ("corpus-clear", "corpus.clear"),
            ("corpus-close", "corpus.close"),
        ] {
            let b = add_text(&head, "button", "small", tr(l, key));
            attr(&b, "type", "button");
            attr(&b, "id", id);
        }
        add_text(&pane, "p", "hint", tr(l, "corpus.kept"));
        let prog = add(&pane, "div", "");
        attr(&prog, "id", "corpus-progress-box");
        render_progress(c, &prog, l);
        let rest = render_docs(c, &pane, l);
        if let Some(e) = c.error.as_ref().filter(|e| !e.is_empty()) {
            let p = add_text(
                &pane,
                "p",
                "status error",
                &fmt(l, "corpus.failed", &[("e", e)]),
            );
            attr(&p, "role", "alert");
        }
        let done: Vec<&str> = c
            .docs
            .iter()
            .filter(|d| d.state == State::Done)
            .map(|d| d.name.as_str())
            .collect();
        grid::filters(&pane, &c.filter, &done, l);
        grid::table(&pane, l);
        let m = add(&pane, "div", "");
        attr(&m, "id", "corpus-matrix-box");
        c.drawn += 1;
        Some((c.view.clone().map(|v| (v, m)), rest, c.drawn))
    })
    .flatten();
    render_grid_rows();
    let Some((view, rest, drawn)) = view else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        append_docs(rest, drawn).await;
        if let Some((v, m)) = view {
            draw_matrix(v, m, drawn).await;
        }
    });
}

/// Redraws the grid's rows for the current filter.
fn render_grid_rows() {
    let l = lang();
    with(|c| {
        let doc = dom::document();
        let (Some(body), Some(note)) = (
            doc.query_selector("#corpus-grid tbody").ok().flatten(),
            doc.get_element_by_id("corpus-grid-count"),
        ) else {
            return;
        };
        let docs: Vec<(&str, &[grid::Target])> = c
            .docs
            .iter()
            .map(|d| (d.name.as_str(), d.targets.as_slice()))
            .collect();
        grid::rows(&body, &note, &docs, &c.filter, l);
    });
}

/// Updates the progress text and bar alone (while the documents are read).
fn render_progress_only() {
    let l = lang();
    with(|c| {
        if let Some(p) = dom::document().get_element_by_id("corpus-progress-box") {
            clear(&p);
            render_progress(c, &p, l);
        }
    });
}

/// Marks a document's row as changed: the changed rows and the progress are redrawn together at
/// most every [`FLUSH_MS`], not once per step of every file (each redraw is a frame to lay out
/// and paint, and a hundred files make hundreds of steps).
fn touch(name: &str) {
    let due = with(|c| {
        if !c.dirty.iter().any(|d| d == name) {
            c.dirty.push(name.to_string());
        }
        !std::mem::replace(&mut c.flush_due, true)
    })
    .unwrap_or(false);
    if due {
        dom::after(FLUSH_MS, flush);
    }
}

fn flush() {
    let names = with(|c| {
        c.flush_due = false;
        std::mem::take(&mut c.dirty)
    })
    .unwrap_or_default();
    for n in &names {
        render_doc_row(n);
    }
    render_progress_only();
}

/// Redraws one document's row of the list.
fn render_doc_row(name: &str) {
    let l = lang();
    with(|c| {
        let (Some(d), Some(tbody)) = (
            c.docs.iter().find(|d| d.name == name),
            dom::document()
                .query_selector("#corpus-docs tbody")
                .ok()
                .flatten(),
        ) else {
            return;
        };
        let rows = tbody.children();
        let old = (0..rows.length())
            .filter_map(|i| rows.item(i))
            .find(|r| r.get_attribute("data-name").as_deref() == Some(name));
        // a row not drawn yet is drawn as it is now by [`append_docs`]
        if let Some(o) = old {
            let _ = o.replace_with_with_node_1(&doc_row(c, d, l));
        }
    });
}

fn render_progress(c: &Corpus, pane: &Element, l: Lang) {
    let n = c.docs.len();
    let finished = c
        .docs
        .iter()
        .filter(|d| matches!(d.state, State::Done | State::Failed(_)))
        .count();
    let failed = c
        .docs
        .iter()
        .filter(|d| matches!(d.state, State::Failed(_)))
        .count();
    let p = add(pane, "p", "summary");
    attr(&p, "id", "corpus-progress-text");
    attr(&p, "aria-live", "polite");
    let key = if finished < n {
        "corpus.progress"
    } else if c.view.is_none() && c.error.is_none() && finished > failed {
        "corpus.aligning"
    } else {
        "corpus.ready"
    };
    let args = [("k", num(finished)), ("n", num(n)), ("f", num(failed))];
    let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
    dom::text(&p, &fmt(l, key, &args));
    let bar = add(pane, "progress", "progress");
    attr(&bar, "id", "corpus-progress");
    attr(&bar, "max", &n.max(1).to_string());
    attr(&bar, "value", &finished.to_string());
}

fn state_text(s: &State, l: Lang) -> String {
    match s {
        State::Waiting => tr(l, "corpus.st.waiting").into(),
        State::Reading => tr(l, "corpus.st.reading").into(),
        State::Analysing => tr(l, "corpus.st.analysing").into(),
        State::Done => tr(l, "corpus.st.done").into(),
        State::Failed(e) => e.clone(),
    }
}

/// Draws the reference picker and the document list; returns the documents whose rows are
/// still to be appended (see [`append_docs`]).
fn render_docs(c: &Corpus, pane: &Element, l: Lang) -> Vec<String> {
    let bar = add(pane, "div", "toolbar");
    let lab = add_text(&bar, "label", "", tr(l, "corpus.reference"));
    attr(&lab, "for", "corpus-reference");
    let sel = add(&bar, "select", "");
    attr(&sel, "id", "corpus-reference");
    let none = add_text(&sel, "option", "", tr(l, "corpus.noReference"));
    attr(&none, "value", "");
    for d in c.docs.iter().filter(|d| d.state == State::Done) {
        let o = add_text(&sel, "option", "", &d.name);
        attr(&o, "value", &d.name);
        if c.reference.as_deref() == Some(d.name.as_str()) {
            attr(&o, "selected", "");
        }
    }
    let wrap = add(pane, "div", "cmp-grid-wrap corpus-docs-wrap");
    let t = add(&wrap, "table", "grid corpus-docs");
    attr(&t, "id", "corpus-docs");
    let hr = add(&add(&t, "thead", ""), "tr", "");
    for (i, (by, k)) in SortBy::ALL.iter().enumerate() {
        let th = add_text(&hr, "th", "sortable", tr(l, k));
        attr(&th, "data-sort", &i.to_string());
        if c.sort.0 == *by {
            let dir = if c.sort.1 { "descending" } else { "ascending" };
            attr(&th, "aria-sort", dir);
        }
    }
    for k in ["corpus.col.state", "corpus.col.versus", ""] {
        add_text(&hr, "th", "", if k.is_empty() { "" } else { tr(l, k) });
    }
    let body = add(&t, "tbody", "");
    let mut docs: Vec<&Doc> = c.docs.iter().collect();
    let (by, desc) = c.sort;
    docs.sort_by(|a, b| {
        let o = by.cmp(a, b);
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    for d in docs.iter().take(FIRST_ROWS) {
        let _ = body.append_child(&doc_row(c, d, l));
    }
    docs.iter()
        .skip(FIRST_ROWS)
        .map(|d| d.name.clone())
        .collect()
}

/// Appends the rows of `names` to the document list a slice at a time (the first
/// [`FIRST_ROWS`] are drawn at once); stops when the panel is drawn anew.
async fn append_docs(names: Vec<String>, drawn: u64) {
    let l = lang();
    for chunk in names.chunks(FIRST_ROWS) {
        sleep0().await;
        let go = with(|c| {
            if c.drawn != drawn {
                return false;
            }
            let Some(body) = dom::document()
                .query_selector("#corpus-docs tbody")
                .ok()
                .flatten()
            else {
                return false;
            };
            for n in chunk {
                if let Some(d) = c.docs.iter().find(|d| &d.name == n) {
                    let _ = body.append_child(&doc_row(c, d, l));
                }
            }
            true
        });
        if go != Some(true) {
            return;
        }
    }
}

/// One document's row of the list.
fn doc_row(c: &Corpus, d: &Doc, l: Lang) -> Element {
    let failed = matches!(d.state, State::Failed(_));
    let tr_ = dom::el("tr", if failed { "corpus-failed" } else { "" });
    attr(&tr_, "data-name", &d.name);
    add_text(&tr_, "td", "", &d.name);
    add_text(&tr_, "td", "", &d.info.title);
    add_text(&tr_, "td", "", &d.info.issuers);
    add_text(&tr_, "td", "", &d.info.date);
    let done = d.state == State::Done;
    let count = |n: usize| if done { num(n) } else { String::new() };
    add_text(&tr_, "td", "num", &count(d.info.headings));
    add_text(&tr_, "td", "num", &count(d.info.targets));
    add_text(&tr_, "td", "num", &count(d.info.warnings));
    let st = add_text(&tr_, "td", "corpus-state", &state_text(&d.state, l));
    if failed {
        attr(&st, "role", "alert");
    }
    add_text(&tr_, "td", "", &versus(c, &d.name, l));
    let td = add(&tr_, "td", "");
    let b = add_text(&td, "button", "small", tr(l, "corpus.remove"));
    attr(&b, "type", "button");
    attr(&b, "data-remove", &d.name);
    attr(
        &b,
        "aria-label",
        &fmt(l, "corpus.removeOne", &[("f", &d.name)]),
    );
    tr_
}

/// A document's verdicts against the reference, in one line ("参照" for the reference itself).
fn versus(c: &Corpus, name: &str, l: Lang) -> String {
    if c.reference.as_deref() == Some(name) {
        return tr(l, "corpus.isReference").into();
    }
    let Some(v) = c.view.as_ref() else {
        return String::new();
    };
    let Some(n) = v
        .documents
        .iter()
        .find(|d| d.name == name)
        .and_then(|d| d.versus)
    else {
        return String::new();
    };
    [
        "cmp.st.met",
        "cmp.st.weaker",
        "cmp.st.missing",
        "cmp.st.extra",
    ]
    .iter()
    .zip(n)
    .map(|(k, x)| format!("{} {}", tr(l, k), x))
    .collect::<Vec<_>>()
    .join(" · ")
}

/// Draws the matrix and the targets apart into `pane`, a few rows at a time, yielding to the
/// browser between slices; stops when the panel is drawn anew (`drawn` is then old).
async fn draw_matrix(v: View, pane: Element, drawn: u64) {
    let l = lang();
    let reference = with(|c| reference_index(c, &v)).flatten();
    let still = || with(|c| c.drawn == drawn).unwrap_or(false);
    add_text(
        &pane,
        "h3",
        "",
        &fmt(l, "corpus.matrix", &[("n", &num(v.indicators.len()))]),
    );
    let wrap = add(&pane, "div", "cmp-grid-wrap corpus-matrix-wrap");
    let t = add(&wrap, "table", "grid corpus-matrix");
    // fixed columns: the width is the sum of theirs (app.css), so each slice of rows lays out alone
    if let Some(h) = t.dyn_ref::<web_sys::HtmlElement>() {
        let em = 12 + 7 * v.documents.len() + 12;
        let _ = h.style().set_property("width", &format!("{em}em"));
    }
    let hr = add(&add(&t, "thead", ""), "tr", "");
    add_text(&hr, "th", "", tr(l, "corpus.col.indicator"));
    for (i, d) in v.documents.iter().enumerate() {
        let th = add_text(&hr, "th", "", &d.name);
        if reference == Some(i) {
            let _ = th.class_list().add_1("corpus-ref");
        }
    }
    add_text(&hr, "th", "chart", tr(l, "corpus.col.chart"));
    let body = add(&t, "tbody", "");
    let mut t0 = dom::now();
    for row in &v.indicators {
        matrix_row(&body, row, &v, reference, l);
        if dom::now() - t0 > SLICE_MS {
            sleep0().await;
            if !still() {
                return;
            }
            t0 = dom::now();
        }
    }
    render_apart(&v, &pane, l);
    // the id last: a reader (or a test) waiting for it finds the whole matrix
    attr(&t, "id", "corpus-matrix");
}

fn matrix_row(body: &Element, row: &Row, v: &View, reference: Option<usize>, l: Lang) {
    let r = add(body, "tr", "");
    add_text(&r, "th", "", &row.indicator);
    for (i, cell) in row.cells.iter().enumerate() {
        let td = add(&r, "td", "");
        if let Some(x) = cell {
            add_text(&td, "span", "corpus-q", &x.text);
            attr(&td, "title", &x.subject);
        }
        if let Some(s) = row.status.get(i).cloned().flatten() {
            let key = format!("cmp.st.{s}");
            let b = add_text(&td, "span", &format!("badge st-{s}"), tr(l, &key));
            attr(&b, "data-status", &s);
        }
    }
    let td = add(&r, "td", "chart");
    chart(&td, row, v, reference);
}

fn reference_index(c: &Corpus, v: &View) -> Option<usize> {
    let r = c.reference.as_deref()?;
    v.documents.iter().position(|d| d.name == r)
}

fn svg(parent: &Element, tag: &str, attrs: &[(&str, String)]) -> Option<Element> {
    let e = dom::document().create_element_ns(Some(SVG_NS), tag).ok()?;
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    let _ = parent.append_child(&e);
    Some(e)
}

/// The row's values across documents as dots on one line, smallest left; the reference's dot
/// ringed; each dot titled with its document and quantity.
fn chart(td: &Element, row: &Row, v: &View, reference: Option<usize>) {
    let pts: Vec<(usize, f64, &Cell)> = row
        .cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.as_ref().and_then(|t| t.value.map(|x| (i, x, t))))
        .collect();
    if pts.is_empty() {
        return;
    }
    let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let Some(s) = svg(
        td,
        "svg",
        &[
            ("width", CHART_W.to_string()),
            ("height", CHART_H.to_string()),
            ("viewBox", format!("0 0 {CHART_W} {CHART_H}")),
            ("class", "dots".into()),
            ("role", "img".into()),
        ],
    ) else {
        return;
    };
    let mid = CHART_H / 2;
    svg(
        &s,
        "line",
        &[
            ("x1", CHART_PAD.to_string()),
            ("x2", (CHART_W - CHART_PAD).to_string()),
            ("y1", mid.to_string()),
            ("y2", mid.to_string()),
            ("class", "axis".into()),
        ],
    );
    for (i, x, t) in pts {
        let cx = if hi > lo {
            let span = f64::from(CHART_W - 2 * CHART_PAD);
            CHART_PAD + ((x - lo) / (hi - lo) * span + 0.5) as i32
        } else {
            CHART_W / 2
        };
        let class = if reference == Some(i) {
            "dot ref"
        } else {
            "dot"
        };
        let Some(c) = svg(
            &s,
            "circle",
            &[
                ("cx", cx.to_string()),
                ("cy", mid.to_string()),
                ("r", "4".into()),
                ("class", class.into()),
            ],
        ) else {
            continue;
        };
        let name = v.documents.get(i).map(|d| d.name.as_str()).unwrap_or("");
        if let Some(title) = svg(&c, "title", &[]) {
            title.set_text_content(Some(&format!("{name}: {}", t.text)));
        }
    }
}

/// The targets only one document states (each drawn at once: a list item apiece).
fn render_apart(v: &View, pane: &Element, l: Lang) {
    add_text(
        pane,
        "h3",
        "",
        &fmt(l, "corpus.apart", &[("n", &num(v.unaligned.len()))]),
    );
    let ul = add(pane, "ul", "corpus-apart");
    attr(&ul, "id", "corpus-apart");
    for (d, t) in v.unaligned.iter().take(MAX_APART) {
        let name = v.documents.get(*d).map(|d| d.name.as_str()).unwrap_or("");
        let li = add(&ul, "li", "");
        add_text(&li, "span", "corpus-doc", name);
        dom::text(&li, "：");
        add_text(&li, "span", "", &t.subject);
        dom::text(&li, " ");
        add_text(&li, "span", "corpus-q", &t.text);
    }
    if v.unaligned.len() > MAX_APART {
        let more = v.unaligned.len() - MAX_APART;
        add_text(&ul, "li", "more", &format!("… +{}", num(more)));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_plan_files_only() {
        assert!(is_plan_file("002_x.TXT"));
        assert!(is_plan_file("计划.docx"));
        assert!(!is_plan_file("photo.png"));
        assert!(!is_plan_file("notes"));
    }
}
