//! The compare view (issue 9): plan A is the page's main text, plan B a second text given here
//! (typed, a file opened or dropped on this pane, or a sample). The comparison runs in the
//! engine worker like the analysis (`engine::compare`, same same-thread fallback); the result is
//! one ARIA grid of rows (`logic::compare`) beside both texts with the compared targets marked.
//! Selecting a row lights up and scrolls to its spans in both texts; clicking a mark selects
//! its row (`result`). State lives in its own thread-local, apart from the main view's.
//! Every user-derived string goes in as text (text nodes, attribute values), never as markup.

mod result;

use super::doc::{self, DEBOUNCE_MS};
use super::dom::{self, add, attr, on};
use super::i18n::{num, tr, Lang};
use super::logic::compare::{self as cl, Row};
use super::samples::SAMPLES;
use super::state::{with_app, Store};
use super::widgets::{button, file_picker, fill_select, grid_box, labelled as lab, Labels};
use super::{engine, input};
use crate::compare::Comparison;
use result::{
    focus_cell, grid_key, mark_clicked, render_all, render_grid, render_status, select_row,
};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};
/// Plan B's text in localStorage (like plan A's): a reload keeps the comparison; closing the
/// pane forgets it.
const KEY_B: &str = "planlens.compareB";

pub struct CEls {
    pub pane: Element,
    pub input: HtmlTextAreaElement,
    pub file: HtmlInputElement,
    pub sample: HtmlSelectElement,
    pub status: Element,
    pub summary: Element,
    pub filter: HtmlSelectElement,
    pub grid: Element,
    pub info: Element,
    pub head_a: Element,
    pub head_b: Element,
    pub text_a: Element,
    pub text_b: Element,
    pub announce: Element,
}

pub struct Cmp {
    els: CEls,
    open: bool,
    /// The two texts the current comparison belongs to (its spans are char offsets into them).
    a_text: String,
    b_text: String,
    result: Option<Rc<Comparison>>,
    rows: Rc<Vec<Row>>,
    filter: String,
    /// Focused cell (row position among the visible rows, column).
    focus: (usize, usize),
    /// Selected row (index into `rows`).
    sel: Option<usize>,
    gen: u64,
    timer: Option<i32>,
    status: (&'static str, Vec<(&'static str, String)>, bool),
}

thread_local! {
    static CMP: Store<Cmp> = const { Store::new() };
}

/// Runs `f` on the pane's state (a call made while another runs is queued: [`Store`]).
fn with_cmp<R>(f: impl FnOnce(&mut Cmp) -> R + 'static) -> Option<R> {
    CMP.with(|c| c.with(f))
}

fn lang() -> Lang {
    with_app(move |a| a.lang).unwrap_or(Lang::Zh)
}

/// Builds the (hidden) compare pane at the end of `root`; its labels join the page's table.
pub fn build(root: &Element, l: &mut Labels) {
    let pane = add(root, "section", "compare-pane");
    attr(&pane, "id", "compare");
    attr(&pane, "aria-labelledby", "compare-heading");
    dom::set_hidden(&pane, true);
    build_head(&pane, l);
    let (file, sample, input) = build_input(&pane, l);
    // the result (summary, filters, grid) and the two texts side by side (stacked when narrow)
    let body = add(&pane, "div", "cmp-body");
    let left = add(&body, "div", "cmp-left");
    let (status, summary, filter) = build_summary(&left, l);
    let (info, grid) = build_grid(&left);
    let texts = add(&body, "div", "cmp-texts");
    let (head_a, text_a) = build_text(&texts, "a", "cmp.textA", l);
    let (head_b, text_b) = build_text(&texts, "b", "cmp.textB", l);
    let announce = add(&pane, "p", "visually-hidden");
    attr(&announce, "aria-live", "polite");
    let els = CEls {
        pane,
        input: input.unchecked_into(),
        file: file.unchecked_into(),
        sample: sample.unchecked_into(),
        status,
        summary,
        filter: filter.unchecked_into(),
        grid,
        info,
        head_a,
        head_b,
        text_a,
        text_b,
        announce,
    };
    CMP.with(|c| c.set(Cmp::new(els)));
}

/// The pane's heading, its demo and close buttons, and the line that says what it does.
fn build_head(pane: &Element, l: &mut Labels) {
    let head = add(pane, "div", "toolbar");
    let h = add(&head, "h2", "");
    attr(&h, "id", "compare-heading");
    lab(l, &h, "cmp.heading", "");
    button(&head, "compare-demo", "", "cmp.demo", l);
    button(&head, "compare-close", "small", "cmp.close", l);
    let intro = add(pane, "p", "summary");
    lab(l, &intro, "cmp.intro", "");
}

/// Plan B's input: a file, a sample, or the text itself. Returns (file, sample, textarea).
fn build_input(pane: &Element, l: &mut Labels) -> (Element, Element, Element) {
    let bar = add(pane, "div", "toolbar");
    let il = add(&bar, "label", "input-label");
    attr(&il, "for", "compare-input");
    lab(l, &il, "cmp.inputLabel", "");
    let (_, file, sample) = file_picker(
        &bar,
        l,
        "compare-file",
        "cmp.open",
        "compare-sample",
        "cmp.sample",
    );
    let input = add(pane, "textarea", "source-input compare-input");
    attr(&input, "id", "compare-input");
    attr(&input, "spellcheck", "false");
    attr(&input, "rows", "4");
    lab(l, &input, "cmp.placeholder", "placeholder");
    (file, sample, input)
}

/// The status line, the summary, the filter and the exports. Returns (status, summary, filter).
fn build_summary(left: &Element, l: &mut Labels) -> (Element, Element, Element) {
    let status = add(left, "p", "status");
    attr(&status, "id", "compare-status");
    attr(&status, "role", "status");
    attr(&status, "aria-live", "polite");
    let summary = add(left, "div", "cmp-summary");
    attr(&summary, "id", "compare-summary");
    let tools = add(left, "div", "filters");
    let fw = add(&tools, "label", "field");
    let fl = add(&fw, "span", "field-label");
    lab(l, &fl, "cmp.filter", "");
    let filter = add(&fw, "select", "");
    attr(&filter, "id", "compare-filter");
    let ex = add(&tools, "div", "exports");
    attr(&ex, "role", "toolbar");
    lab(l, &ex, "cmp.export", "aria-label");
    button(&ex, "compare-export-csv", "", "export.csv", l);
    button(&ex, "compare-export-md", "", "export.md", l);
    button(&ex, "compare-export-json", "", "export.json", l);
    (status, summary, filter)
}

/// The line above the grid and the grid of pairs. Returns (info, grid).
fn build_grid(left: &Element) -> (Element, Element) {
    grid_box(
        left,
        "grid-wrap cmp-grid-wrap",
        "grid cmp-grid",
        ["compare-info", "compare-grid", "compare-heading"],
    )
}

/// One plan's text column (`side` a or b). Returns (its title line, its text).
fn build_text(
    texts: &Element,
    side: &str,
    key: &'static str,
    l: &mut Labels,
) -> (Element, Element) {
    let col = add(texts, "div", "text-pane");
    let hh = add(&col, "h3", "");
    attr(&hh, "id", &format!("compare-head-{side}"));
    lab(l, &hh, key, "");
    let title = add(&col, "p", "summary cmp-title");
    let v = add(&col, "div", "source cmp-source");
    attr(&v, "id", &format!("compare-text-{side}"));
    attr(&v, "tabindex", "0");
    attr(&v, "aria-labelledby", &format!("compare-head-{side}"));
    (title, v)
}

impl Cmp {
    /// The pane's state before any plan B: closed, nothing compared.
    fn new(els: CEls) -> Cmp {
        Cmp {
            els,
            open: false,
            a_text: String::new(),
            b_text: String::new(),
            result: None,
            rows: Rc::new(Vec::new()),
            filter: String::new(),
            focus: (0, 0),
            sel: None,
            gen: 0,
            timer: None,
            status: ("cmp.need", vec![], false),
        }
    }
}

/// Shows or hides the pane (the toolbar's "compare with…" button, the close button).
pub fn toggle(open: bool) {
    let was = with_cmp(move |c| {
        let was = c.open;
        c.open = open;
        dom::set_hidden(&c.els.pane, !open);
        if open {
            dom::focus(c.els.input.as_ref());
        }
        was
    })
    .unwrap_or(true);
    if !open {
        if let Some(st) = doc::storage() {
            let _ = st.remove_item(KEY_B);
        }
    }
    if open && !was {
        run_now();
    }
}

/// Keeps plan B's text for the next visit (a text too large for the storage is just not kept).
fn save_b() {
    let Some(t) = with_cmp(move |c| c.els.input.value()) else {
        return;
    };
    if let Some(st) = doc::storage() {
        if st.set_item(KEY_B, &t).is_err() {
            let _ = st.remove_item(KEY_B);
        }
    }
}

fn set_status(key: &'static str, args: Vec<(&'static str, String)>, error: bool) {
    let lang = lang();
    with_cmp(move |c| {
        c.status = (key, args, error);
        render_status(c, lang);
    });
}

/// Plan A's analysis finished (a new text): compare again if the pane is in use.
pub fn on_a_changed() {
    let go = with_cmp(move |c| c.open && !c.els.input.value().trim().is_empty()).unwrap_or(false);
    if go {
        run_now();
    }
}

fn on_edit() {
    with_cmp(move |c| {
        if let Some(t) = c.timer.take() {
            dom::cancel(t);
        }
        c.timer = Some(dom::after(DEBOUNCE_MS, || {
            save_b();
            run_now();
        }));
    });
}

/// New plan B text from a file, a drop or a sample; `save`: keep it for the next visit (not
/// for a `?compare=` link, which must not overwrite what the user gave).
fn set_b(text: &str, save: bool) {
    let text = text.to_string();
    with_cmp(move |c| c.els.input.set_value(&text));
    if save {
        save_b();
    }
    run_now();
}

/// Compares the main text (A) with this pane's text (B) now, in the worker when there is one.
pub fn run_now() {
    let a = with_app(move |app| app.els.input.value()).unwrap_or_default();
    let Some((gen, b)) = with_cmp(move |c| {
        if let Some(t) = c.timer.take() {
            dom::cancel(t);
        }
        c.gen += 1;
        (c.gen, c.els.input.value())
    }) else {
        return;
    };
    if a.trim().is_empty() || b.trim().is_empty() {
        let lang = lang();
        with_cmp(move |c| {
            c.result = None;
            c.rows = Rc::new(Vec::new());
            c.sel = None;
            c.status = (
                if a.trim().is_empty() {
                    "cmp.needA"
                } else {
                    "cmp.need"
                },
                vec![],
                false,
            );
            render_all(c, lang);
            dom::attr(&c.els.pane, "data-gen", &gen.to_string());
        });
        return;
    }
    set_status(
        "cmp.running",
        vec![("a", num(a.chars().count())), ("b", num(b.chars().count()))],
        false,
    );
    wasm_bindgen_futures::spawn_local(async move {
        let t0 = dom::now();
        let r = engine::compare(a.clone(), b.clone()).await;
        let ms = dom::now() - t0;
        let lang = lang();
        with_cmp(move |c| {
            if c.gen != gen {
                return; // a newer request is under way
            }
            match r {
                Ok((res, via)) => {
                    attr(
                        &c.els.pane,
                        "data-engine",
                        if via == engine::Via::Worker {
                            "worker"
                        } else {
                            "inline"
                        },
                    );
                    let rows = cl::rows(&res);
                    let fresh = c.result.is_none();
                    if fresh || (!c.filter.is_empty() && cl::filtered(&rows, &c.filter).is_empty())
                    {
                        c.filter = cl::default_filter(&res).to_string();
                    }
                    c.status = (
                        "cmp.done",
                        vec![
                            ("p", num(res.summary.pairs)),
                            ("a", num(res.a.targets)),
                            ("b", num(res.b.targets)),
                            ("ms", format!("{}", ms.round() as i64)),
                        ],
                        false,
                    );
                    c.result = Some(Rc::new(res));
                    c.rows = Rc::new(rows);
                    c.a_text = a;
                    c.b_text = b;
                    c.sel = None;
                    c.focus = (0, 0);
                    render_all(c, lang);
                }
                Err(e) => {
                    c.status = ("cmp.failed", vec![("e", e)], true);
                    render_status(c, lang);
                }
            }
            attr(&c.els.pane, "data-gen", &gen.to_string());
        });
    });
}

/// Re-renders the pane in the current language (after a language switch).
pub fn rerender() {
    let lang = lang();
    with_cmp(move |c| {
        fill_samples(c, lang);
        render_all(c, lang);
    });
}

fn fill_samples(c: &Cmp, lang: Lang) {
    let mut opts = vec![(String::new(), tr(lang, "cmp.sample").to_string())];
    for (file, zh, en) in SAMPLES {
        opts.push((
            file.to_string(),
            if lang == Lang::Zh { zh } else { en }.to_string(),
        ));
    }
    fill_select(&c.els.sample, &opts, "");
}

/// An export button: the file is written by the engine's extras module, as the comparison was
/// (the same two texts, so the same comparison), which keeps the report writers out of the
/// first-load wasm.
fn export(kind: &str) {
    let (name, mime, format) = match kind {
        "compare-export-csv" => ("planlens-compare.csv", "text/csv;charset=utf-8", "csv"),
        "compare-export-md" => (
            "planlens-compare.md",
            "text/markdown;charset=utf-8",
            "markdown",
        ),
        "compare-export-json" => ("planlens-compare.json", "application/json", "json"),
        _ => return,
    };
    let Some((a, b)) = with_cmp(move |c| {
        c.result
            .as_ref()
            .map(|_| (c.a_text.clone(), c.b_text.clone()))
    })
    .flatten() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match engine::compare_export(a, b, format).await {
            Ok(body) if format == "csv" => dom::download(name, mime, &cl::with_bom(&body)),
            Ok(body) => dom::download(name, mime, &body),
            Err(e) => web_sys::console::error_1(&e.into()),
        }
    });
}

/// Loads built-in sample `file` as plan B.
fn load_sample_b(file: &'static str, save: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        match engine::fetch_text(&format!("samples/{file}")).await {
            Ok(t) => set_b(&t, save),
            Err(e) => set_status("status.sampleFailed", vec![("e", e)], true),
        }
    });
}

fn open_file_b(file: web_sys::File) {
    wasm_bindgen_futures::spawn_local(async move {
        match input::read_blob(&file).await {
            Ok((t, _)) => set_b(&t, true),
            Err(e) => {
                let (key, args) = e.status(file.name());
                set_status(key, args, true);
            }
        }
    });
}

fn sample_file(prefix: &str) -> Option<&'static str> {
    SAMPLES
        .iter()
        .find(|(f, _, _)| !prefix.is_empty() && f.starts_with(prefix))
        .map(|(f, _, _)| *f)
}

/// `?compare=000` (with `?sample=003` for A) opens the pane with sample 000 as plan B.
pub fn init_from_url(param: Option<String>) {
    let lang = lang();
    with_cmp(move |c| fill_samples(c, lang));
    if let Some(file) = param.as_deref().and_then(sample_file) {
        with_cmp(move |c| {
            c.open = true;
            dom::set_hidden(&c.els.pane, false);
        });
        load_sample_b(file, false);
        return;
    }
    // the last visit's plan B: the pane opens with it (compared once plan A is analysed)
    let saved = doc::storage().and_then(|s| s.get_item(KEY_B).ok().flatten());
    if let Some(t) = saved.filter(|t| !t.trim().is_empty()) {
        with_cmp(move |c| {
            c.els.input.set_value(&t);
            c.open = true;
            dom::set_hidden(&c.els.pane, false);
        });
    }
}

/// Every listener of the pane (once, on fixed elements).
pub fn wire() {
    wire_input();
    wire_result();
}

/// Plan B's text: typed, a file opened or dropped on the pane, a sample.
fn wire_input() {
    let Some((pane, input, file, sample)) = with_cmp(move |c| {
        (
            c.els.pane.clone(),
            c.els.input.clone(),
            c.els.file.clone(),
            c.els.sample.clone(),
        )
    }) else {
        return;
    };
    on(&input, "input", |_| on_edit());
    // an edit still waiting for its debounce is kept when the page goes away
    on(&dom::window(), "pagehide", |_| {
        if with_cmp(move |c| c.timer.is_some()).unwrap_or(false) {
            save_b();
        }
    });
    let f2 = file.clone();
    on(&file, "change", move |_| {
        if let Some(f) = f2.files().and_then(|l| l.get(0)) {
            open_file_b(f);
        }
        f2.set_value("");
    });
    let s2 = sample.clone();
    on(&sample, "change", move |_| {
        if let Some(f) = sample_file(&s2.value()) {
            load_sample_b(f, true);
        }
        s2.set_value("");
    });
    // a file dropped on this pane is plan B (not the page's text): handled before the page's
    // document-level drop listener sees it
    on(&pane, "drop", |e| {
        e.prevent_default();
        e.stop_propagation();
        if let Some(r) = with_app(move |a| a.els.root.clone()) {
            let _ = r.class_list().remove_1("dragging");
        }
        let Some(dt) = e
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
        else {
            return;
        };
        if let Some(f) = dt.files().and_then(|l| l.get(0)) {
            open_file_b(f);
        } else if let Ok(t) = dt.get_data("text/plain") {
            if !t.trim().is_empty() {
                set_b(&t, true);
            }
        }
    });
}

/// The result: the filter, the pane's buttons, the grid's clicks and keys, the marks.
fn wire_result() {
    let Some((pane, filter, grid, ta, tb)) = with_cmp(move |c| {
        (
            c.els.pane.clone(),
            c.els.filter.clone(),
            c.els.grid.clone(),
            c.els.text_a.clone(),
            c.els.text_b.clone(),
        )
    }) else {
        return;
    };
    let f3 = filter.clone();
    on(&filter, "change", move |_| {
        let v = f3.value();
        let lang = lang();
        with_cmp(move |c| {
            c.filter = v;
            c.focus = (0, 0);
            render_grid(c, lang);
        });
    });
    on(&pane, "click", |e| {
        let Some(b) = dom::closest(&e, "button[id]") else {
            return;
        };
        let id = b.id();
        match id.as_str() {
            "compare-close" => toggle(false),
            "compare-demo" => {
                if let (Some(a), Some(b)) = (sample_file("003"), sample_file("000")) {
                    doc::load_sample(a, false);
                    load_sample_b(b, true);
                }
            }
            "compare-export-csv" | "compare-export-md" | "compare-export-json" => export(&id),
            _ => {}
        }
    });
    on(&grid, "click", |e| {
        let Some(tr_) = dom::closest(&e, "tr[data-row]") else {
            return;
        };
        let i: usize = dom::index_attr(&tr_, "data-row");
        let cell = dom::closest(&e, "td[data-r]");
        let lang = lang();
        with_cmp(move |c| {
            if let Some(td) = cell {
                let r = dom::index_attr(&td, "data-r");
                let col = dom::index_attr(&td, "data-c");
                focus_cell(c, r, col);
            }
            select_row(c, i, lang);
        });
    });
    dom::on_grid_key(&grid, |key, ctrl| {
        let lang = lang();
        with_cmp(move |c| grid_key(c, &key, ctrl, lang)).unwrap_or(false)
    });
    for (view, a_side) in [(ta, true), (tb, false)] {
        on(&view, "click", move |e| {
            let Some(m) = dom::closest(&e, "mark[data-s]") else {
                return;
            };
            let key = m.get_attribute("data-s").unwrap_or_default();
            let lang = lang();
            with_cmp(move |c| mark_clicked(c, a_side, &key, lang));
        });
    }
}
