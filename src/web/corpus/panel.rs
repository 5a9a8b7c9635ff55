//! Drawing the panel: the toolbar, the progress, the document list, the grid's filters and rows,
//! and the matrix (after the first frame, a slice at a time). While files are read, only the rows
//! that changed and the progress are redrawn, at most every [`FLUSH_MS`].

use super::dom::{self, add, add_text, attr, clear};
use super::grid;
use super::i18n::{fmt, lang, num, tr, Lang};
use super::list::{append_docs, render_doc_row, render_docs};
use super::matrix::draw_matrix;
use super::state::{with, Corpus, State};
use web_sys::Element;

/// How often the list and the progress are redrawn while files are read, in ms.
pub const FLUSH_MS: i32 = 400;

pub fn render() {
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
pub fn render_grid_rows() {
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
pub fn render_progress_only() {
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
pub fn touch(name: &str) {
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

pub fn flush() {
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

pub fn render_progress(c: &Corpus, pane: &Element, l: Lang) {
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
