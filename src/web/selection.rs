//! What is selected (a target or a heading), shown everywhere at once: the grid row, the
//! detail, the tree item, the mark in the text; found again after a re-analysis.

use super::dom::{self, attr};
use super::i18n::fmt;
use super::logic;
use super::panels::filters::render_filters;
use super::panels::grid::{render_grid, visible_targets, PAGE_SIZE};
use super::panels::outline::render_tree;
use super::panels::text::{mark_in_text, scroll_text_to};
use super::panels::{detail::render_detail, path_key, scroll_to};
use super::state::{App, Sel};
use super::url::write_url;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Selects target `i`: the grid row, the mark in the text (scrolled there).
pub fn select_target(app: &mut App, i: usize, scroll_text: bool, reveal_row: bool) {
    let Some(a) = app.analysis.clone() else {
        return;
    };
    let Some(t) = a.targets.get(i) else { return };
    app.view.sel = Some(Sel::Target {
        text: t.text.clone(),
        start: t.span[0],
    });
    render_detail(app, Some(i));
    let what = format!("{} {}", t.subject.as_deref().unwrap_or(""), t.text);
    app.els
        .announce
        .set_text_content(Some(&fmt(app.lang, "sel.target", &[("t", what.trim())])));
    if reveal_row {
        let vis = visible_targets(app);
        match vis.iter().position(|&x| x == i) {
            Some(pos) => app.view.page = pos / PAGE_SIZE,
            None => {
                // not visible under the filters: clear them so the row can be shown
                app.view.filter = logic::Filter::default();
                render_filters(app);
                let vis = visible_targets(app);
                app.view.page = vis.iter().position(|&x| x == i).unwrap_or(0) / PAGE_SIZE;
            }
        }
        render_grid(app);
    } else if let Ok(rows) = app.els.grid.query_selector_all("tr[data-t]") {
        for k in 0..rows.length() {
            if let Some(r) = rows.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                let on = r.get_attribute("data-t").as_deref() == Some(&i.to_string());
                attr(&r, "aria-selected", if on { "true" } else { "false" });
            }
        }
    }
    if let Ok(Some(row)) = app.els.grid.query_selector(&format!("tr[data-t=\"{i}\"]")) {
        if reveal_row {
            scroll_to(&row);
            if let Ok(Some(td)) = row.query_selector("td") {
                dom::focus(&td);
            }
        }
    }
    let m = mark_in_text(app, &format!("mark[data-t=\"{i}\"]"));
    if scroll_text {
        if let Some(m) = m {
            scroll_text_to(app, &m, false);
        }
    }
    render_tree_selection(app, None);
    write_url(app);
}

/// Selects the heading at `path`: the tree item (ancestors expanded), its title in the text.
pub fn select_heading(app: &mut App, path: &[usize], scroll_text: bool) {
    let Some(a) = app.analysis.clone() else {
        return;
    };
    let Some(n) = logic::node_at(&a.outline, path) else {
        return;
    };
    app.view.sel = Some(Sel::Heading {
        marker: n.marker.clone(),
        title: n.title.clone(),
        start: n.title_span[0],
    });
    render_detail(app, None);
    app.els.announce.set_text_content(Some(&fmt(
        app.lang,
        "sel.heading",
        &[("t", &format!("{}{}", n.marker, n.title))],
    )));
    if app.view.reveal(path) {
        render_tree(app);
    }
    render_tree_selection(app, Some(path));
    let m = mark_in_text(app, &format!("span.h[data-h=\"{}\"]", path_key(path)));
    if scroll_text {
        if let Some(m) = m {
            scroll_text_to(app, &m, true);
        }
    }
    if let Ok(rows) = app.els.grid.query_selector_all("tr[aria-selected=true]") {
        for k in 0..rows.length() {
            if let Some(r) = rows.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                attr(&r, "aria-selected", "false");
            }
        }
    }
    write_url(app);
}

pub fn render_tree_selection(app: &App, path: Option<&[usize]>) {
    let key = path.map(path_key);
    if let Ok(items) = app.els.tree.query_selector_all("[role=treeitem]") {
        for k in 0..items.length() {
            if let Some(e) = items.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                let on = key.is_some() && e.get_attribute("data-path") == key;
                attr(&e, "aria-selected", if on { "true" } else { "false" });
                attr(
                    &e,
                    "tabindex",
                    if e.get_attribute("data-path") == Some(path_key(&app.view.tree_focus)) {
                        "0"
                    } else {
                        "-1"
                    },
                );
            }
        }
    }
}

/// After a re-analysis (or a language switch): find the selected item again and mark it.
pub fn reapply_selection(app: &mut App) {
    let Some(a) = app.analysis.clone() else {
        return;
    };
    if let Some(i) = app
        .view
        .pending_target
        .take()
        .filter(|&i| i < a.targets.len())
    {
        select_target(app, i, true, true);
        return;
    }
    match app.view.sel.clone() {
        Some(Sel::Target { .. }) => {
            if let Some(i) = app.view.selected_target(&a) {
                let t = &a.targets[i];
                app.view.sel = Some(Sel::Target {
                    text: t.text.clone(),
                    start: t.span[0],
                });
                mark_in_text(app, &format!("mark[data-t=\"{i}\"]"));
            }
        }
        Some(Sel::Heading { .. }) => {
            if let Some(p) = app.view.selected_heading(&a) {
                select_heading(app, &p, false);
            }
        }
        None => {}
    }
}
