//! The indicator matrix (one row per indicator, one column per document, each cell the quantity
//! as written with its verdict against the reference, a dot chart per row, a tick box per row
//! for the reader's merges and splits) and the targets that
//! only one document states. Drawn a few rows at a time, so a hundred plans never hold the main
//! thread; a newer drawing of the panel stops an older one.

use super::chart::chart;
use super::dom::{self, add, add_text, attr};
use super::edits;
use super::i18n::{fmt, lang, num, tr, Lang};
use super::read::{Row, View};
use super::state::{with, Corpus, SLICE_MS};
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Targets apart listed at most (the grid has them all).
pub const MAX_APART: usize = 300;

/// Draws the matrix and the targets apart into `pane`, a few rows at a time, yielding to the
/// browser between slices; stops when the panel is drawn anew (`drawn` is then old).
pub async fn draw_matrix(v: View, pane: Element, drawn: u64) {
    let l = lang();
    let reference = with(|c| reference_index(c, &v)).flatten();
    let still = || with(|c| c.drawn == drawn).unwrap_or(false);
    add_text(
        &pane,
        "h3",
        "",
        &fmt(l, "corpus.matrix", &[("n", &num(v.indicators.len()))]),
    );
    edits::toolbar(&pane, l);
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
    for (i, row) in v.indicators.iter().enumerate() {
        matrix_row(&body, i, row, &v, reference, l);
        if dom::now() - t0 > SLICE_MS {
            dom::sleep(0).await;
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

/// Row `i` of the matrix: its head (a tick box for the reader's merges and splits), a cell per
/// document, its dot chart.
pub fn matrix_row(
    body: &Element,
    i: usize,
    row: &Row,
    v: &View,
    reference: Option<usize>,
    l: Lang,
) {
    let r = add(body, "tr", "");
    edits::row_head(&r, i, row, l);
    for (i, cell) in row.cells.iter().enumerate() {
        let td = add(&r, "td", "");
        if let Some(x) = cell {
            if x.joined {
                edits::joined_mark(&td, l);
            }
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

pub fn reference_index(c: &Corpus, v: &View) -> Option<usize> {
    let r = c.reference.as_deref()?;
    v.documents.iter().position(|d| d.name == r)
}

/// The targets only one document states (each drawn at once: a list item apiece).
pub fn render_apart(v: &View, pane: &Element, l: Lang) {
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
