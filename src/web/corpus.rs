//! The corpus panel (issue 25): several files opened or dropped at once, or a folder. Each is
//! read and analysed in the engine worker one after the other (a bar and a state per file; a file
//! that cannot be read says why and the others go on), then lined up by indicator by the engine's
//! extras module (`corpusExport`, the same code as `planlens corpus`): one row per indicator, one
//! column per document, each cell the quantity as written, a dot chart per row drawn here in SVG,
//! the targets no other document states apart, and against a reference document the verdicts of
//! the compare view. State lives in its own thread-local; the pane is built on first use.
//! Every user-derived string goes in as text (text nodes, attribute values), never as markup.

use super::dom::{self, add, add_text, attr, clear, on};
use super::i18n::{fmt, num, tr, Lang};
use super::{engine, input, with_app};
use std::cell::RefCell;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Element, HtmlSelectElement};

const SVG_NS: &str = "http://www.w3.org/2000/svg";
/// The dot chart of a row: width and height in px, and the margin left and right (whole pixels:
/// formatting floats would pull the float printer into the first load).
const CHART_W: i32 = 160;
const CHART_H: i32 = 18;
const CHART_PAD: i32 = 6;
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
    targets: usize,
    warnings: usize,
}

struct Doc {
    name: String,
    file: Option<web_sys::File>,
    text: Option<String>,
    state: State,
    info: Info,
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
    /// A `planlens-corpus/1` document (docs/corpus-schema.md).
    fn read(d: &JsValue) -> Info {
        let n = |k: &str| get(d, k).as_f64().unwrap_or(0.0) as usize;
        let issuers: Vec<String> = items(&get(d, "issuers"))
            .iter()
            .filter_map(|s| s.as_string())
            .collect();
        Info {
            title: get_str(d, "title"),
            issuers: issuers.join("、"),
            date: get_str(d, "date"),
            targets: n("targets"),
            warnings: n("warnings"),
        }
    }
}

impl View {
    fn read(v: &JsValue) -> View {
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
        let indicators = items(&get(v, "indicators"))
            .iter()
            .map(|r| Row {
                indicator: get_str(r, "indicator"),
                cells: items(&get(r, "cells")).iter().map(cell).collect(),
                status: items(&get(r, "status"))
                    .iter()
                    .map(|s| s.as_string())
                    .collect(),
            })
            .collect();
        let unaligned = items(&get(v, "unaligned"))
            .iter()
            .filter_map(|e| {
                let d = get(e, "document").as_f64()? as usize;
                Some((d, cell(&get(e, "target"))?))
            })
            .collect();
        View {
            documents,
            indicators,
            unaligned,
        }
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
}

thread_local! {
    static CORPUS: RefCell<Corpus> = RefCell::new(Corpus::default());
}

fn with<R>(f: impl FnOnce(&mut Corpus) -> R) -> Option<R> {
    CORPUS.with(|c| c.try_borrow_mut().ok().map(|mut g| f(&mut g)))
}

fn lang() -> Lang {
    with_app(|a| a.lang).unwrap_or(Lang::Zh)
}

/// Whether a file of a folder is taken as a plan.
fn is_plan_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    PLAN_EXTS.iter().any(|e| lower.ends_with(e))
}

/// The files of a file list; `folder`: only those that look like plans.
pub fn files_of(list: &web_sys::FileList, folder: bool) -> Vec<web_sys::File> {
    (0..list.length())
        .filter_map(|i| list.get(i))
        .filter(|f| !folder || is_plan_file(&f.name()))
        .collect()
}

/// Adds `files` to the corpus (opening the panel), reads and analyses them one after the other,
/// then lines them up.
pub fn open_files(files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    let gen = with(|c| {
        for f in files {
            let name = f.name();
            c.docs.retain(|d| d.name != name);
            // kept in file-name order, as `planlens corpus` reads a directory
            let at = c.docs.partition_point(|d| d.name < name);
            c.docs.insert(
                at,
                Doc {
                    name,
                    file: Some(f),
                    text: None,
                    state: State::Waiting,
                    info: Info::default(),
                },
            );
        }
        c.gen += 1;
        c.gen
    })
    .unwrap_or(0);
    ensure_pane();
    render();
    if let Some(p) = with(|c| c.pane.clone()).flatten() {
        p.scroll_into_view();
    }
    wasm_bindgen_futures::spawn_local(run(gen));
}

fn current(gen: u64) -> bool {
    with(|c| c.gen == gen).unwrap_or(false)
}

/// The next document still waiting, marked as being read.
fn next_waiting() -> Option<(String, web_sys::File)> {
    with(|c| {
        let d = c.docs.iter_mut().find(|d| d.state == State::Waiting)?;
        d.state = State::Reading;
        Some((d.name.clone(), d.file.take()?))
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

async fn run(gen: u64) {
    while let Some((name, file)) = next_waiting() {
        render();
        let text = read(&name, file).await;
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                set_doc(&name, |d| d.state = State::Failed(e));
                continue;
            }
        };
        set_doc(&name, |d| d.state = State::Analysing);
        render();
        // the document alone through the corpus op: its analysis in the worker, summed up as
        // the list shows it (the same facts as the matrix's `documents`)
        let arr = js_sys::Array::of1(&doc_object(&name, &text));
        let result = engine::corpus_export(stringify(&arr), -1, "json")
            .await
            .and_then(|s| js_sys::JSON::parse(&s).map_err(|_| "JSON".to_string()));
        set_doc(&name, |d| match result {
            Ok(v) => {
                d.info = Info::read(&items(&get(&v, "documents")).pop().unwrap_or(JsValue::NULL));
                d.text = Some(text);
                d.state = State::Done;
            }
            Err(e) => d.state = State::Failed(e),
        });
        render();
    }
    if current(gen) {
        line_up(gen).await;
    }
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

/// One document as `corpusExport` takes it: `{name, text}`.
fn doc_object(name: &str, text: &str) -> js_sys::Object {
    let o = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&o, &"name".into(), &name.into());
    let _ = js_sys::Reflect::set(&o, &"text".into(), &text.into());
    o
}

fn stringify(v: &JsValue) -> String {
    js_sys::JSON::stringify(v)
        .ok()
        .and_then(|s| s.as_string())
        .unwrap_or_else(|| "[]".into())
}

/// The analysed documents as `corpusExport` takes them (a JSON array of `{name, text}`) and the
/// reference's index among them (-1: none).
fn request() -> (String, i32) {
    with(|c| {
        let arr = js_sys::Array::new();
        let mut reference = -1;
        for d in c.docs.iter().filter(|d| d.state == State::Done) {
            let Some(t) = &d.text else { continue };
            if c.reference.as_deref() == Some(d.name.as_str()) {
                reference = arr.length() as i32;
            }
            arr.push(&doc_object(&d.name, t));
        }
        (stringify(&arr), reference)
    })
    .unwrap_or_else(|| ("[]".into(), -1))
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
    let (docs, reference) = request();
    let out = engine::corpus_export(docs, reference, "json").await;
    if !current(gen) {
        return;
    }
    let view = out.and_then(|s| {
        js_sys::JSON::parse(&s)
            .map(|v| View::read(&v))
            .map_err(|_| "JSON".to_string())
    });
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
    wasm_bindgen_futures::spawn_local(line_up(gen));
}

fn export(format: &'static str) {
    let (docs, reference) = request();
    wasm_bindgen_futures::spawn_local(async move {
        match engine::corpus_export(docs, reference, format).await {
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

/// Closes the panel and forgets the documents.
fn close() {
    with(|c| {
        c.docs.clear();
        c.view = None;
        c.reference = None;
        c.error = None;
        c.gen += 1;
        if let Some(p) = &c.pane {
            dom::set_hidden(p, true);
        }
    });
}

/// The pane, under the compare pane and above the results; its listeners are delegated.
fn ensure_pane() {
    if with(|c| c.pane.is_some()).unwrap_or(true) {
        if let Some(p) = with(|c| c.pane.clone()).flatten() {
            dom::set_hidden(&p, false);
        }
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
    on(&pane, "click", |e| {
        let Some(b) = dom::closest(&e, "button") else {
            return;
        };
        if let Some(i) = b.get_attribute("data-remove") {
            let gen = with(|c| {
                c.docs.retain(|d| d.name != i);
                if c.reference.as_deref() == Some(i.as_str()) {
                    c.reference = None;
                }
            });
            if gen.is_some() {
                relayout();
            }
            return;
        }
        match b.id().as_str() {
            "corpus-csv" => export("csv"),
            "corpus-json" => export("json"),
            "corpus-close" => close(),
            _ => {}
        }
    });
    on(&pane, "change", |e| {
        let Some(s) = e
            .target()
            .and_then(|t| t.dyn_into::<HtmlSelectElement>().ok())
        else {
            return;
        };
        if s.id() == "corpus-reference" {
            let v = s.value();
            with(|c| c.reference = (!v.is_empty()).then_some(v));
            relayout();
        }
    });
    with(|c| c.pane = Some(pane));
}

/// Re-renders the panel (after a language switch).
pub fn rerender() {
    if with(|c| c.pane.is_some() && !c.docs.is_empty()).unwrap_or(false) {
        render();
    }
}

fn render() {
    let l = lang();
    with(|c| {
        let Some(pane) = c.pane.clone() else { return };
        clear(&pane);
        let head = add(&pane, "div", "toolbar");
        let h = add_text(&head, "h2", "", tr(l, "corpus.heading"));
        attr(&h, "id", "corpus-heading");
        for (id, key) in [
            ("corpus-csv", "corpus.csv"),
            ("corpus-json", "corpus.json"),
            ("corpus-close", "corpus.close"),
        ] {
            let b = add_text(&head, "button", "small", tr(l, key));
            attr(&b, "type", "button");
            attr(&b, "id", id);
        }
        render_progress(c, &pane, l);
        render_docs(c, &pane, l);
        if let Some(e) = &c.error {
            let p = add_text(
                &pane,
                "p",
                "status error",
                &fmt(l, "corpus.failed", &[("e", e)]),
            );
            attr(&p, "role", "alert");
        }
        if let Some(v) = &c.view {
            render_matrix(c, v, &pane, l);
            render_apart(v, &pane, l);
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

fn render_docs(c: &Corpus, pane: &Element, l: Lang) {
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
    let wrap = add(pane, "div", "cmp-grid-wrap");
    let t = add(&wrap, "table", "grid corpus-docs");
    attr(&t, "id", "corpus-docs");
    let hr = add(&add(&t, "thead", ""), "tr", "");
    for k in [
        "corpus.col.file",
        "corpus.col.title",
        "corpus.col.issuers",
        "corpus.col.date",
        "corpus.col.targets",
        "corpus.col.warnings",
        "corpus.col.state",
        "corpus.col.versus",
        "",
    ] {
        add_text(&hr, "th", "", if k.is_empty() { "" } else { tr(l, k) });
    }
    let body = add(&t, "tbody", "");
    for d in &c.docs {
        let failed = matches!(d.state, State::Failed(_));
        let tr_ = add(&body, "tr", if failed { "corpus-failed" } else { "" });
        attr(&tr_, "data-name", &d.name);
        add_text(&tr_, "td", "", &d.name);
        add_text(&tr_, "td", "", &d.info.title);
        add_text(&tr_, "td", "", &d.info.issuers);
        add_text(&tr_, "td", "", &d.info.date);
        let done = d.state == State::Done;
        let count = |n: usize| if done { num(n) } else { String::new() };
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
    }
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

fn render_matrix(c: &Corpus, v: &View, pane: &Element, l: Lang) {
    add_text(
        pane,
        "h3",
        "",
        &fmt(l, "corpus.matrix", &[("n", &num(v.indicators.len()))]),
    );
    let wrap = add(pane, "div", "cmp-grid-wrap");
    let t = add(&wrap, "table", "grid corpus-matrix");
    attr(&t, "id", "corpus-matrix");
    let hr = add(&add(&t, "thead", ""), "tr", "");
    add_text(&hr, "th", "", tr(l, "corpus.col.indicator"));
    for (i, d) in v.documents.iter().enumerate() {
        let th = add_text(&hr, "th", "", &d.name);
        if reference_index(c, v) == Some(i) {
            let _ = th.class_list().add_1("corpus-ref");
        }
    }
    add_text(&hr, "th", "", tr(l, "corpus.col.chart"));
    let body = add(&t, "tbody", "");
    for row in &v.indicators {
        let r = add(&body, "tr", "");
        add_text(&r, "th", "", &row.indicator);
        for (i, cell) in row.cells.iter().enumerate() {
            let td = add(&r, "td", "");
            if let Some(x) = cell {
                add_text(&td, "span", "corpus-q", &x.text);
                attr(&td, "title", &x.subject);
            }
            let st = row.status.get(i).cloned().flatten();
            if let Some(s) = st {
                let key = format!("cmp.st.{s}");
                let b = add_text(&td, "span", &format!("badge st-{s}"), tr(l, &key));
                attr(&b, "data-status", &s);
            }
        }
        let td = add(&r, "td", "chart");
        chart(&td, row, v, reference_index(c, v));
    }
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

fn render_apart(v: &View, pane: &Element, l: Lang) {
    add_text(
        pane,
        "h3",
        "",
        &fmt(l, "corpus.apart", &[("n", &num(v.unaligned.len()))]),
    );
    let ul = add(pane, "ul", "corpus-apart");
    attr(&ul, "id", "corpus-apart");
    for (d, t) in &v.unaligned {
        let name = v.documents.get(*d).map(|d| d.name.as_str()).unwrap_or("");
        let li = add(&ul, "li", "");
        add_text(&li, "span", "corpus-doc", name);
        dom::text(&li, "：");
        add_text(&li, "span", "", &t.subject);
        dom::text(&li, " ");
        add_text(&li, "span", "corpus-q", &t.text);
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
