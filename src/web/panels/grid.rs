//! The targets tab's grid: an ARIA grid (roving tabindex) of one page of the filtered, sorted
//! targets, its count line and its pager. A hidden grid is drawn in slices.

use super::super::corrections;
use super::super::dom::{self, add, add_text, attr, clear, on};
use super::super::i18n::{fmt, num, tr};
use super::super::keyboard::{focus_cell, grid_key};
use super::super::logic::{self, SortKey};
use super::super::selection::select_target;
use super::super::state::{with_app, App};
use super::super::widgets::{button, grid_box, Labels};
use super::detail::render_detail;
use super::{clause_text, deadline_cell, section_label};
use crate::model::Analysis;
use web_sys::Element;

/// Targets per grid page: 10,000 targets must not become 10,000 DOM rows.
pub const PAGE_SIZE: usize = 100;

/// The grid's columns: i18n key, sort key (None: not sortable), cell class. A dense table:
/// the quantity as written, the measured thing and the deadline always shown, the sentence on
/// one line (in full on hover and in the detail); the section on wide screens (CSS), the units
/// responsible only for plans that name them.
pub const COLS: [(&str, Option<SortKey>, &str); 7] = [
    ("col.no", Some(SortKey::Order), "c-no"),
    ("col.quantity", Some(SortKey::Value), "q"),
    ("col.subject", Some(SortKey::Subject), "c-subj"),
    ("col.deadline", Some(SortKey::Deadline), "c-dl"),
    ("col.sentence", None, "c-sent"),
    ("col.section", Some(SortKey::Section), "c-sec"),
    ("col.responsible", Some(SortKey::Responsible), "c-resp"),
];

/// The columns shown for analysis `a` (indexes into [`COLS`]).
fn grid_cols(a: &Analysis) -> Vec<usize> {
    let resp = a.targets.iter().any(|t| t.responsible.is_some());
    (0..COLS.len())
        .filter(|&c| resp || COLS[c].2 != "c-resp")
        .collect()
}

/// The visible target indexes: filtered, then sorted.
pub fn visible_targets(app: &App) -> Vec<usize> {
    let Some(a) = &app.analysis else {
        return vec![];
    };
    let mut v = logic::filter_targets(a, &app.text, &app.view.filter);
    logic::sort_targets(a, &mut v, app.view.sort.0, app.view.sort.1);
    v
}

/// The targets grid (ARIA grid, roving tabindex), one page of it.
pub fn render_grid(app: &mut App) {
    if let Some(mut b) = start_grid(app) {
        b.run(app, f64::INFINITY);
    }
}

/// The rows of a grid page still to draw (so a hidden grid can be built in slices).
pub struct GridRows {
    /// `app.renders.grid` when this page began: a newer `render_grid` makes this one stop.
    seq: u64,
    a: std::rc::Rc<Analysis>,
    rows: Vec<usize>,
    from: usize,
    focus: (usize, usize),
    sel: Option<usize>,
    tbody: Element,
    next: usize,
    /// The columns shown (indexes into [`COLS`]).
    cols: Vec<usize>,
}

impl GridRows {
    /// Draws rows until the page is complete (true) or `deadline` has passed (false).
    pub fn run(&mut self, app: &App, deadline: f64) -> bool {
        if app.renders.grid != self.seq {
            return true; // redrawn since
        }
        let (a, from, sel) = (self.a.clone(), self.from, self.sel);
        let (fr, fc) = self.focus;
        let tbody = &self.tbody;
        while let Some(&i) = self.rows.get(self.next) {
            if self.next % 8 == 7 && dom::now() >= deadline {
                return false;
            }
            let r = self.next;
            self.next += 1;
            let t = &a.targets[i];
            let fix = logic::corrected_flag(t).map_or(String::new(), |f| format!(" fix-{f}"));
            let row = add(tbody, "tr", &format!("k-{}{fix}", logic::kind_name(t.kind)));
            attr(&row, "role", "row");
            attr(&row, "data-t", &i.to_string());
            attr(&row, "aria-rowindex", &(from + r + 2).to_string());
            attr(
                &row,
                "aria-selected",
                if sel == Some(i) { "true" } else { "false" },
            );
            let sentence = clause_text(&app.text, &app.char_bytes, t.clause_span);
            let section = section_label(&a, &t.path);
            for (c, &ci) in self.cols.iter().enumerate() {
                let (v, full) = match COLS[ci].2 {
                    "c-no" => ((i + 1).to_string(), ""),
                    "q" => (t.text.clone(), sentence.as_str()),
                    "c-subj" => (crate::render::or_empty(&t.subject), ""),
                    "c-dl" => (deadline_cell(t), ""),
                    "c-sent" => (sentence.clone(), sentence.as_str()),
                    "c-sec" => (section.clone(), ""),
                    _ => (crate::render::responsible(t), ""),
                };
                let td = add_text(&row, "td", COLS[ci].2, &v);
                // the full text on hover: an attribute value is text, never markup
                let full = if full.is_empty() { v.as_str() } else { full };
                if !full.is_empty() {
                    attr(&td, "title", full);
                }
                attr(&td, "role", "gridcell");
                attr(&td, "data-r", &r.to_string());
                attr(&td, "data-c", &c.to_string());
                attr(&td, "tabindex", if r == fr && c == fc { "0" } else { "-1" });
            }
        }
        true
    }
}

/// Empties the grid and draws everything of the page but its rows: the header, the detail
/// card, the count and the pager (None: no analysis).
pub fn start_grid(app: &mut App) -> Option<GridRows> {
    let g = app.els.grid.clone();
    clear(&g);
    clear(&app.els.pager);
    let a = app.analysis.clone()?;
    let lang = app.lang;
    let vis = visible_targets(app);
    let pages = vis.len().div_ceil(PAGE_SIZE).max(1);
    app.view.page = app.view.page.min(pages - 1);
    let from = app.view.page * PAGE_SIZE;
    let rows = &vis[from.min(vis.len())..(from + PAGE_SIZE).min(vis.len())];
    attr(&g, "aria-rowcount", &(vis.len() + 1).to_string());
    let cols = grid_cols(&a);
    attr(&g, "aria-colcount", &cols.len().to_string());
    let thead = add(&g, "thead", "");
    let hr = add(&thead, "tr", "");
    attr(&hr, "role", "row");
    attr(&hr, "aria-rowindex", "1");
    for &ci in &cols {
        let (key, sk, class) = COLS[ci];
        let th = add(&hr, "th", class);
        attr(&th, "role", "columnheader");
        attr(&th, "scope", "col");
        let Some(sk) = sk else {
            dom::text(&th, tr(lang, key));
            continue;
        };
        let sorted = app.view.sort.0 == sk;
        attr(
            &th,
            "aria-sort",
            if sorted {
                if app.view.sort.1 {
                    "ascending"
                } else {
                    "descending"
                }
            } else {
                "none"
            },
        );
        let b = add_text(&th, "button", "sort", tr(lang, key));
        attr(&b, "type", "button");
        attr(&b, "data-sort", &ci.to_string());
        attr(&b, "title", tr(lang, "sort.hint"));
    }
    let tbody = add(&g, "tbody", "");
    let sel = app.view.selected_target(&a);
    if rows.is_empty() {
        let tr_ = add(&tbody, "tr", "");
        attr(&tr_, "role", "row");
        let td = add_text(&tr_, "td", "empty", tr(lang, "targets.none"));
        attr(&td, "role", "gridcell");
        attr(&td, "colspan", &cols.len().to_string());
    }
    let (fr, fc) = app.view.grid_focus;
    let fr = fr.min(rows.len().saturating_sub(1));
    app.renders.grid += 1;
    let build = GridRows {
        seq: app.renders.grid,
        a: a.clone(),
        rows: rows.to_vec(),
        from,
        focus: (fr, fc),
        sel,
        tbody,
        next: 0,
        cols,
    };
    render_detail(app, sel);
    let info = if vis.is_empty() {
        tr(lang, "targets.none").to_string()
    } else {
        fmt(
            lang,
            "targets.count",
            &[
                ("a", &num(from + 1)),
                ("b", &num(from + rows.len())),
                ("n", &num(vis.len())),
                ("t", &num(a.targets.len())),
            ],
        )
    };
    app.els.grid_info.set_text_content(Some(&info));
    corrections::render_summary(app, &app.els.fix_clear, lang);
    if pages > 1 {
        let p = &app.els.pager;
        let prev = add_text(p, "button", "", tr(lang, "targets.prev"));
        attr(&prev, "type", "button");
        attr(&prev, "data-page", "prev");
        if app.view.page == 0 {
            attr(&prev, "disabled", "");
        }
        add_text(
            p,
            "span",
            "page-no",
            &fmt(
                lang,
                "targets.page",
                &[
                    ("p", &(app.view.page + 1).to_string()),
                    ("q", &pages.to_string()),
                ],
            ),
        );
        let next = add_text(p, "button", "", tr(lang, "targets.next"));
        attr(&next, "type", "button");
        attr(&next, "data-page", "next");
        if app.view.page + 1 >= pages {
            attr(&next, "disabled", "");
        }
    }
    Some(build)
}

/// The grid's containers in `panel` (after the filters). Returns (clear-all-corrections
/// button, count line, grid, pager).
pub fn build(panel: &Element, l: &mut Labels) -> (Element, Element, Element, Element) {
    let fix_clear = button(panel, "fix-clear", "small", "fix.clearAll", l);
    dom::set_hidden(&fix_clear, true);
    let (info, grid) = grid_box(
        panel,
        "grid-wrap",
        "grid",
        ["grid-info", "targets-grid", "targets-heading"],
    );
    let pager = add(panel, "div", "pager");
    attr(&pager, "id", "pager");
    (fix_clear, info, grid, pager)
}

/// Sorting by a column header, selecting a row, the grid's keys, the pager.
pub fn wire() {
    let Some((grid, pager)) = with_app(move |a| (a.els.grid.clone(), a.els.pager.clone())) else {
        return;
    };
    on(&grid, "click", |e| {
        if let Some(b) = dom::closest(&e, "button[data-sort]") {
            let ci: usize = dom::index_attr(&b, "data-sort");
            with_app(move |a| sort_by(a, ci));
            return;
        }
        let Some(tr_) = dom::closest(&e, "tr[data-t]") else {
            return;
        };
        let i: usize = dom::index_attr(&tr_, "data-t");
        let cell = dom::closest(&e, "td[data-r]");
        with_app(move |a| {
            if let Some(td) = cell {
                let r = dom::index_attr(&td, "data-r");
                let c = dom::index_attr(&td, "data-c");
                focus_cell(a, r, c);
            }
            select_target(a, i, true, false);
        });
    });
    dom::on_grid_key(&grid, |key, ctrl| {
        with_app(move |a| grid_key(a, &key, ctrl)).unwrap_or(false)
    });
    on(&pager, "click", |e| {
        let Some(b) = dom::closest(&e, "button[data-page]") else {
            return;
        };
        let next = b.get_attribute("data-page").as_deref() == Some("next");
        with_app(move |a| turn_page(a, next));
    });
}

/// A click on the header of column `ci`: sort by it (again: the other way round).
fn sort_by(a: &mut App, ci: usize) {
    let Some(key) = COLS[ci.min(COLS.len() - 1)].1 else {
        return;
    };
    a.view.sort_by(key);
    render_grid(a);
    if let Ok(Some(b)) = a
        .els
        .grid
        .query_selector(&format!("button[data-sort=\"{ci}\"]"))
    {
        dom::focus(&b);
    }
}

/// The pager's next (or previous) page, keeping the focus on the button pressed.
fn turn_page(a: &mut App, next: bool) {
    a.view.turn_page(next);
    render_grid(a);
    let sel = if next {
        "button[data-page=next]"
    } else {
        "button[data-page=prev]"
    };
    if let Ok(Some(b)) = a.els.pager.query_selector(sel) {
        dom::focus(&b);
    }
}
