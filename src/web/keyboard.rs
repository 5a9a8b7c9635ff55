//! The keys of the outline tree and the targets grid (WAI-ARIA tree and grid patterns): arrows,
//! Home/End, PageUp/PageDown across grid pages, Enter or Space to select.

use super::dom::{self, attr};
use super::logic;
use super::panels::grid::{render_grid, visible_targets, PAGE_SIZE};
use super::panels::outline::render_tree;
use super::panels::{parse_path, path_key};
use super::selection::{render_tree_selection, select_heading, select_target};
use super::state::App;
use wasm_bindgen::JsCast;
use web_sys::Element;

pub fn focus_tree_item(app: &mut App, path: Vec<usize>) {
    app.view.tree_focus = path.clone();
    let sel = app
        .analysis
        .as_ref()
        .and_then(|a| app.view.selected_heading(a));
    render_tree_selection(app, sel.as_deref());
    if let Ok(Some(e)) = app
        .els
        .tree
        .query_selector(&format!("[data-path=\"{}\"]", path_key(&path)))
    {
        dom::focus(&e);
    }
}

pub fn tree_key(app: &mut App, key: &str) -> bool {
    let Some(a) = app.analysis.clone() else {
        return false;
    };
    let items: Vec<Vec<usize>> = match app.els.tree.query_selector_all("[role=treeitem]") {
        Ok(l) => (0..l.length())
            .filter_map(|k| l.item(k).and_then(|n| n.dyn_into::<Element>().ok()))
            .filter_map(|e| e.get_attribute("data-path").map(|s| parse_path(&s)))
            .collect(),
        Err(_) => return false,
    };
    // the focused item, whatever moved focus there (click, Tab, script)
    if let Some(p) = dom::document()
        .active_element()
        .and_then(|e| e.closest("[role=treeitem]").ok().flatten())
        .and_then(|e| e.get_attribute("data-path"))
    {
        app.view.tree_focus = parse_path(&p);
    }
    let cur = app.view.tree_focus.clone();
    let pos = items.iter().position(|p| *p == cur).unwrap_or(0);
    let has_children = logic::node_at(&a.outline, &cur).is_some_and(|n| !n.children.is_empty());
    let expanded = app.view.expanded.contains(&cur);
    match key {
        "ArrowDown" => {
            if let Some(p) = items.get(pos + 1) {
                focus_tree_item(app, p.clone());
            }
        }
        "ArrowUp" => {
            if pos > 0 {
                focus_tree_item(app, items[pos - 1].clone());
            }
        }
        "Home" => {
            if let Some(p) = items.first() {
                focus_tree_item(app, p.clone());
            }
        }
        "End" => {
            if let Some(p) = items.last() {
                focus_tree_item(app, p.clone());
            }
        }
        "ArrowRight" => {
            if has_children && !expanded {
                app.view.expanded.insert(cur.clone());
                render_tree(app);
                focus_tree_item(app, cur);
            } else if has_children {
                let mut c = cur.clone();
                c.push(0);
                focus_tree_item(app, c);
            }
        }
        "ArrowLeft" => {
            if has_children && expanded {
                app.view.expanded.remove(&cur);
                render_tree(app);
                focus_tree_item(app, cur);
            } else if cur.len() > 1 {
                focus_tree_item(app, cur[..cur.len() - 1].to_vec());
            }
        }
        "Enter" | " " => {
            select_heading(app, &cur, true);
            focus_tree_item(app, cur);
        }
        _ => return false,
    }
    true
}

/// How many rows the targets grid shows (its first cells).
fn grid_rows(app: &App) -> usize {
    app.els
        .grid
        .query_selector_all("td[data-c=\"0\"]")
        .map(|l| l.length() as usize)
        .unwrap_or(0)
}

pub fn grid_key(app: &mut App, key: &str, ctrl: bool) -> bool {
    let n_rows = grid_rows(app);
    if n_rows == 0 {
        return false;
    }
    if let Some(td) = dom::document()
        .active_element()
        .filter(|e| e.has_attribute("data-r"))
    {
        app.view.grid_focus = (
            dom::index_attr(&td, "data-r"),
            dom::index_attr(&td, "data-c"),
        );
    }
    let (mut r, mut c) = app.view.grid_focus;
    r = r.min(n_rows - 1);
    let last_c = app
        .els
        .grid
        .query_selector_all("td[data-r=\"0\"]")
        .map(|l| (l.length() as usize).saturating_sub(1))
        .unwrap_or(0);
    let pages = visible_targets(app).len().div_ceil(PAGE_SIZE).max(1);
    match key {
        "ArrowDown" => {
            if r + 1 < n_rows {
                r += 1
            } else if app.view.page + 1 < pages {
                app.view.page += 1;
                r = 0;
                app.view.grid_focus = (r, c);
                render_grid(app);
            }
        }
        "ArrowUp" => {
            if r > 0 {
                r -= 1
            } else if app.view.page > 0 {
                app.view.page -= 1;
                r = PAGE_SIZE - 1;
                app.view.grid_focus = (r, c);
                render_grid(app);
            }
        }
        "ArrowRight" => c = next_shown_col(app, r, c, last_c, true),
        "ArrowLeft" => c = next_shown_col(app, r, c, last_c, false),
        "Home" => {
            c = 0;
            if ctrl {
                r = 0
            }
        }
        "End" => {
            c = last_c;
            if ctrl {
                r = n_rows - 1
            }
        }
        "PageDown" => {
            if app.view.page + 1 < pages {
                app.view.page += 1;
                app.view.grid_focus = (0, c);
                render_grid(app);
                r = 0;
            }
        }
        "PageUp" => {
            if app.view.page > 0 {
                app.view.page -= 1;
                app.view.grid_focus = (0, c);
                render_grid(app);
                r = 0;
            }
        }
        "Enter" | " " => {
            let cell = app
                .els
                .grid
                .query_selector(&format!("td[data-r=\"{r}\"][data-c=\"{c}\"]"))
                .ok()
                .flatten();
            let i = cell
                .and_then(|e| e.closest("tr").ok().flatten())
                .and_then(|tr| tr.get_attribute("data-t"))
                .and_then(|s| s.parse().ok());
            if let Some(i) = i {
                select_target(app, i, true, false);
            }
        }
        _ => return false,
    }
    focus_cell(app, r, c);
    true
}

/// The next column left or right of `c` that the layout shows (narrow screens hide some).
fn next_shown_col(app: &App, r: usize, c: usize, last_c: usize, right: bool) -> usize {
    let mut k = c;
    loop {
        k = if right { k + 1 } else { k.wrapping_sub(1) };
        if k > last_c {
            return c;
        }
        let shown = app
            .els
            .grid
            .query_selector(&format!("td[data-r=\"{r}\"][data-c=\"{k}\"]"))
            .ok()
            .flatten()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            .is_some_and(|e| e.offset_width() > 0);
        if shown {
            return k;
        }
    }
}

pub fn focus_cell(app: &mut App, r: usize, c: usize) {
    let n_rows = grid_rows(app);
    let r = r.min(n_rows.saturating_sub(1));
    app.view.grid_focus = (r, c);
    if let Ok(Some(old)) = app.els.grid.query_selector("td[tabindex=\"0\"]") {
        attr(&old, "tabindex", "-1");
    }
    if let Ok(Some(e)) = app
        .els
        .grid
        .query_selector(&format!("td[data-r=\"{r}\"][data-c=\"{c}\"]"))
    {
        attr(&e, "tabindex", "0");
        dom::focus(&e);
    }
}
