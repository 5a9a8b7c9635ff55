//! The tables tab: every table the engine rebuilt, its caption a button that shows where it
//! was in the text.

use super::super::dom::{self, add, add_text, attr, clear, on};
use super::super::i18n::{fmt, num, tr};
use super::super::state::{with_app, App};
use super::text::{mark_in_text, scroll_text_to};
use web_sys::Element;

/// Table rows drawn at most per table.
pub const MAX_TABLE_ROWS: usize = 500;

pub fn render_tables(app: &App) {
    let c = &app.els.tables;
    clear(c);
    let Some(a) = &app.analysis else { return };
    let lang = app.lang;
    if a.tables.is_empty() {
        add_text(c, "p", "summary", tr(lang, "tables.none"));
        return;
    }
    for (ti, t) in a.tables.iter().enumerate() {
        let fig = add(c, "figure", "table-fig");
        let title = t
            .title
            .clone()
            .unwrap_or_else(|| fmt(lang, "tables.untitled", &[("n", &(ti + 1).to_string())]));
        let cap = add(&fig, "figcaption", "");
        let b = add_text(&cap, "button", "link", &title);
        attr(&b, "type", "button");
        attr(&b, "data-tb", &ti.to_string());
        attr(&b, "title", tr(lang, "tables.show"));
        let w = add(&fig, "div", "table-wrap");
        let table = add(&w, "table", "data");
        let thead = add(&table, "thead", "");
        let hr = add(&thead, "tr", "");
        for col in &t.columns {
            let th = add_text(&hr, "th", "", col);
            attr(&th, "scope", "col");
        }
        let tb = add(&table, "tbody", "");
        for row in t.rows.iter().take(MAX_TABLE_ROWS) {
            let r = add(&tb, "tr", "");
            for cell in row {
                add_text(&r, "td", "", cell);
            }
        }
        if t.rows.len() > MAX_TABLE_ROWS {
            add_text(
                &fig,
                "p",
                "summary",
                &fmt(
                    lang,
                    "tables.more",
                    &[("n", &num(t.rows.len() - MAX_TABLE_ROWS))],
                ),
            );
        }
    }
}

/// The tables' container in `panel`.
pub fn build(panel: &Element) -> Element {
    let tables = add(panel, "div", "tables");
    attr(&tables, "id", "tables");
    tables
}

/// A caption click marks the table's region in the text and scrolls there.
pub fn wire() {
    let Some(tables) = with_app(move |a| a.els.tables.clone()) else {
        return;
    };
    on(&tables, "click", |e| {
        let Some(b) = dom::closest(&e, "button[data-tb]") else {
            return;
        };
        let i = b.get_attribute("data-tb").unwrap_or_default();
        with_app(move |a| {
            a.view.sel = None;
            if let Some(m) = mark_in_text(a, &format!("span.tbl[data-tb=\"{i}\"]")) {
                scroll_text_to(a, &m, true);
            }
        });
    });
}
