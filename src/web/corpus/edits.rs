//! The reader's merges and splits of matrix rows, for when the line-up is wrong: ticked rows
//! merged into one (合并为一行), or split (拆分: every target of the row, a merged cell's too, a
//! row of its own; a merged row so comes apart entirely), and 撤销手动调整 to forget them all.
//! They are kept in IndexedDB with the documents (`store`) and applied by the engine
//! (`crate::corpus::edits`, through `corpusLineUp`) to every line-up: the matrix and the
//! downloads. An edit names rows by their targets (document name, span), so it applies again
//! after a reload or another line-up, and one whose targets are gone does nothing.

use super::actions::relayout;
use super::dom::{self, add, add_text, attr};
use super::i18n::{fmt, tr, Lang};
use super::read::{items, Row, View};
use super::state::with;
use super::store;
use js_sys::{Array, Object, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// The edits as the engine takes them: a JSON string, or undefined when there are none.
pub fn json(edits: &[JsValue]) -> JsValue {
    if edits.is_empty() {
        return JsValue::UNDEFINED;
    }
    let all: Array = edits.iter().collect();
    js_sys::JSON::stringify(&all).map_or(JsValue::UNDEFINED, JsValue::from)
}

/// Takes the edits kept in this browser, unless this visit made some already; true when it took
/// any.
pub async fn restore() -> bool {
    let kept = store::load_edits().await;
    if kept.is_empty() {
        return false;
    }
    with(|c| c.edits.is_empty().then(|| c.edits = kept))
        .flatten()
        .is_some()
}

/// The buttons over the matrix: merge or split the ticked rows (enabled once enough are
/// ticked), forget every edit (enabled when there is one).
pub fn toolbar(pane: &Element, l: Lang) {
    let edited = with(|c| !c.edits.is_empty()).unwrap_or(false);
    let bar = add(pane, "div", "toolbar corpus-edits");
    for (id, key, on) in [
        ("corpus-merge", "corpus.merge", false),
        ("corpus-split", "corpus.split", false),
        ("corpus-unedit", "corpus.unedit", edited),
    ] {
        let b = add_text(&bar, "button", "small", tr(l, key));
        attr(&b, "type", "button");
        attr(&b, "id", id);
        attr(&b, "title", tr(l, &format!("{key}Title")));
        if !on {
            attr(&b, "disabled", "");
        }
    }
}

/// A matrix row's head: its tick box, a label when the reader made the row, its name.
pub fn row_head(r: &Element, i: usize, row: &Row, l: Lang) {
    let th = add(r, "th", "");
    attr(&th, "title", &row.indicator);
    let pick = add(&th, "input", "corpus-pick");
    attr(&pick, "type", "checkbox");
    attr(&pick, "data-row", &i.to_string());
    attr(
        &pick,
        "aria-label",
        &fmt(l, "corpus.pick", &[("r", &row.indicator)]),
    );
    if row.manual {
        let b = add_text(&th, "span", "badge corpus-manual", tr(l, "corpus.manual"));
        attr(&b, "title", tr(l, "corpus.manualTitle"));
    }
    add_text(&th, "span", "corpus-ind", &row.indicator);
}

/// The mark of a cell holding more than one quantity of its document (a merge).
pub fn joined_mark(td: &Element, l: Lang) {
    let b = add_text(td, "span", "badge corpus-joined", tr(l, "corpus.joined"));
    attr(&b, "title", tr(l, "corpus.joinedTitle"));
}

/// Enables merge and split by how many rows are ticked.
pub fn on_pick() {
    let n = picked().len();
    let doc = dom::document();
    for (id, min) in [("corpus-merge", 2), ("corpus-split", 1)] {
        if let Some(b) = doc.get_element_by_id(id) {
            let _ = if n >= min {
                b.remove_attribute("disabled")
            } else {
                b.set_attribute("disabled", "")
            };
        }
    }
}

/// The ticked rows, by their index in the view.
fn picked() -> Vec<usize> {
    let sel = "#corpus-matrix-box input.corpus-pick:checked";
    let Ok(list) = dom::document().query_selector_all(sel) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<Element>().ok())
        .map(|e| dom::index_attr(&e, "data-row"))
        .collect()
}

/// A row's targets as an edit names them: `[document name, span start, span end]`.
fn named_keys(v: &View, row: usize) -> JsValue {
    let out = Array::new();
    for k in v
        .indicators
        .get(row)
        .map(|r| items(&r.keys))
        .unwrap_or_default()
    {
        let k = items(&k);
        let doc = k.first().and_then(JsValue::as_f64).map(|d| d as usize);
        let name = doc.and_then(|d| v.documents.get(d));
        if let (Some(name), Some(a), Some(b)) = (name, k.get(1), k.get(2)) {
            out.push(&Array::of3(&name.name.as_str().into(), a, b));
        }
    }
    out.into()
}

/// `{kind: arg}`, as `crate::corpus::edits::Edit` reads it.
fn edit(kind: &str, arg: &JsValue) -> JsValue {
    let o = Object::new();
    let _ = Reflect::set(&o, &kind.into(), arg);
    o.into()
}

/// Adds `new` edits, keeps them all and lines the corpus up again.
fn commit(new: Vec<JsValue>) {
    if new.is_empty() {
        return;
    }
    with(|c| c.edits.extend(new));
    save();
}

fn save() {
    let all = with(|c| c.edits.clone()).unwrap_or_default();
    wasm_bindgen_futures::spawn_local(store::put_edits(all));
    relayout();
}

/// Merges the ticked rows into one (named as the first).
pub fn merge() {
    let rows = picked();
    if rows.len() < 2 {
        return;
    }
    let new = with(|c| {
        let v = c.view.as_ref()?;
        let all: Array = rows.iter().map(|&r| named_keys(v, r)).collect();
        Some(edit("merge", &all))
    });
    commit(new.flatten().into_iter().collect());
}

/// Splits every ticked row: each of its targets becomes a row of its own.
pub fn split() {
    let rows = picked();
    let new = with(|c| {
        let v = c.view.as_ref()?;
        Some(
            rows.iter()
                .map(|&r| edit("split", &named_keys(v, r)))
                .collect(),
        )
    });
    commit(new.flatten().unwrap_or_default());
}

/// Forgets every merge and split.
pub fn clear() {
    with(|c| c.edits.clear());
    save();
}
