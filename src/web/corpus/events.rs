//! The pane and its listeners: built once on first use, under the compare pane and above the
//! results, with delegated listeners (the panel is redrawn whole, so listeners on its children
//! would be lost or doubled) and a watch on the page's language.

use super::actions::{clear_all, close, export, open_target, relayout, remove};
use super::dom::{self, attr, on};
use super::edits;
use super::list::SortBy;
use super::panel::{render, render_grid_rows};
use super::state::with;
use wasm_bindgen::JsCast;
use web_sys::{HtmlInputElement, HtmlSelectElement};

pub fn on_click(e: web_sys::Event) {
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
        "corpus-merge" => edits::merge(),
        "corpus-split" => edits::split(),
        "corpus-unedit" => edits::clear(),
        _ => {}
    }
}

pub fn on_change(e: web_sys::Event) {
    if dom::closest(&e, "input.corpus-pick").is_some() {
        edits::on_pick();
        return;
    }
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

pub fn on_input(e: web_sys::Event) {
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
pub fn ensure_pane() {
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
pub fn watch_lang() {
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
