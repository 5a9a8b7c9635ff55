//! The result panels, one module each, behind the tabs: `outline` (document card and heading
//! tree), `filters` and `grid` (the targets), `detail` (the selected target), `timeline`,
//! `tables`, `keywords`, and `text` (the source text with every target marked, beside the
//! tabs). Each builds its fixed containers once, renders an analysis into them and wires its
//! own delegated listeners (re-rendering never adds one). This module owns the tabs and the
//! render of a new analysis in slices, so no long task blocks the page.

pub mod detail;
pub mod filters;
pub mod grid;
pub mod keywords;
pub mod outline;
pub mod tables;
pub mod text;
pub mod timeline;

use super::dom::{self, add, attr, clear, on};
use super::i18n::{fmt, num, tr};
use super::selection::reapply_selection;
use super::state::{with_app, App};
use super::url::write_url;
use super::widgets::{labelled, Labels};
use crate::model::{Analysis, Target};
use detail::render_detail;
use grid::{render_grid, start_grid, GridRows};
use outline::{render_card, render_tree, TreeBuild};
use text::{Built, TextBuild};
use wasm_bindgen::JsCast;
use web_sys::Element;

pub const TAB_OVERVIEW: usize = 0;

pub const TAB_TARGETS: usize = 1;

pub const TAB_KEYWORDS: usize = 4;

pub fn path_key(p: &[usize]) -> String {
    p.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(".")
}

pub fn parse_path(s: &str) -> Vec<usize> {
    s.split('.').filter_map(|x| x.parse().ok()).collect()
}

pub fn section_label(a: &Analysis, path: &[usize]) -> String {
    crate::render::section_titles(&a.outline, path).join(" › ")
}

/// Main-thread time one slice of a render may take before it yields to the browser, in ms.
const SLICE_MS: f64 = 8.0;

/// What an unfinished render still has to do, in order.
enum Step {
    /// The panel of the open tab.
    Visible,
    /// The outline tree (the overview tab's), a slice at a time.
    Tree(Box<TreeBuild>),
    /// The source text with its marks, a slice at a time.
    Text(Box<TextBuild>),
    /// The selection found again in the new analysis.
    Selection,
    /// The hidden panels, from this index on.
    Panel(usize),
    /// The rows of the (hidden) targets grid, a slice at a time.
    Grid(Box<GridRows>),
}

/// Re-renders everything from the current analysis without a long task: this call only
/// switches the workspace on or off and empties what the old analysis drew (nothing of it may
/// stay next to the new one); the rest runs in slices of at most [`SLICE_MS`], each its own
/// task — after a frame, the open tab's panel (the outline tree a few dozen items at a time);
/// after another frame, the source text (its first blocks one per frame, then a few hundred
/// lines per slice); the selection; the hidden panels last, each from a fresh slice (the
/// grid's rows a few at a time; a panel shown before that renders on the spot, see
/// [`show_tab`]). Then `finish_render` tells
/// tools the render is complete. A newer render (a newer analysis, a language switch) cancels
/// the slices of this one: each checks `renders.all`.
pub fn render_all(app: &mut App) {
    let t0 = dom::now();
    let has = app.analysis.is_some();
    dom::set_hidden(&app.els.workspace, !has);
    let _ = app
        .els
        .root
        .class_list()
        .toggle_with_force("has-results", has);
    render_tabs(app);
    app.renders.done = [false; 5];
    app.renders.all += 1;
    for e in [
        &app.els.card,
        &app.els.tree,
        &app.els.grid,
        &app.els.pager,
        &app.els.timeline,
        &app.els.tables,
        &app.els.keywords,
        &app.els.text_view,
    ] {
        clear(e);
    }
    app.els.text_note.set_text_content(None);
    render_detail(app, None);
    let seq = app.renders.all;
    let spent = dom::now() - t0;
    // after a frame: the workspace's own layout (shown for the first time, the textarea made
    // smaller) is not added to the first panel's
    dom::after_frame(move || run_render(seq, Step::Visible, spent));
}

/// Runs steps of render `seq` until the slice's time is up, then schedules the rest.
fn run_render(seq: u64, step: Step, spent: f64) {
    let t0 = dom::now();
    let deadline = t0 + SLICE_MS;
    let Some((step, frame)) = with_app(move |a| {
        if a.renders.all != seq {
            return None; // superseded
        }
        let mut step = step;
        loop {
            let (next, frame) = match step {
                Step::Visible if a.view.tab == TAB_OVERVIEW && !a.renders.done[TAB_OVERVIEW] => {
                    a.renders.done[TAB_OVERVIEW] = true;
                    render_card(a);
                    match TreeBuild::new(a) {
                        Some(b) => (Step::Tree(Box::new(b)), false),
                        None => (Step::Text(Box::new(TextBuild::new(a))), true),
                    }
                }
                Step::Visible => {
                    let tab = a.view.tab;
                    ensure_panel(a, tab);
                    (Step::Text(Box::new(TextBuild::new(a))), true)
                }
                Step::Tree(mut b) => {
                    if !b.run(a, deadline) {
                        return Some((Step::Tree(b), false));
                    }
                    (Step::Text(Box::new(TextBuild::new(a))), true)
                }
                Step::Text(mut tb) => match tb.run(a, deadline) {
                    Built::Done => (Step::Selection, false),
                    Built::More => return Some((Step::Text(tb), false)),
                    Built::Frame => return Some((Step::Text(tb), true)),
                },
                Step::Selection => {
                    reapply_selection(a);
                    (Step::Panel(0), false)
                }
                Step::Panel(i) if i < a.renders.done.len() => {
                    // a panel is built in one go (the grid's rows excepted): start it in a
                    // fresh slice unless this one has barely begun, so it does not add its
                    // time to a slice already spent
                    if !a.renders.done[i] && dom::now() - t0 > SLICE_MS / 4.0 {
                        return Some((Step::Panel(i), false));
                    }
                    if i == TAB_TARGETS && !a.renders.done[i] {
                        a.renders.done[i] = true;
                        filters::render_filters(a);
                        match start_grid(a) {
                            Some(b) => (Step::Grid(Box::new(b)), false),
                            None => (Step::Panel(i + 1), false),
                        }
                    } else {
                        ensure_panel(a, i);
                        (Step::Panel(i + 1), false)
                    }
                }
                Step::Grid(mut b) => {
                    if !b.run(a, deadline) {
                        return Some((Step::Grid(b), false));
                    }
                    (Step::Panel(TAB_TARGETS + 1), false)
                }
                Step::Panel(_) => {
                    finish_render(a, spent + dom::now() - t0);
                    return None;
                }
            };
            step = next;
            if frame || dom::now() >= deadline {
                return Some((step, frame));
            }
        }
    })
    .flatten() else {
        return;
    };
    let spent = spent + dom::now() - t0;
    if frame {
        dom::after_frame(move || run_render(seq, step, spent));
    } else {
        dom::after(0, move || run_render(seq, step, spent));
    }
}

/// Renders panel `i` unless it already shows the current analysis.
pub fn ensure_panel(app: &mut App, i: usize) {
    if app.renders.done.get(i).copied().unwrap_or(true) {
        return;
    }
    app.renders.done[i] = true;
    match i {
        TAB_OVERVIEW => {
            render_card(app);
            render_tree(app);
        }
        TAB_TARGETS => {
            filters::render_filters(app);
            render_grid(app);
        }
        2 => timeline::render_timeline(app),
        3 => tables::render_tables(app),
        _ => keywords::render_keywords(app),
    }
}

pub fn render_tabs(app: &App) {
    let (t, b) = app
        .analysis
        .as_ref()
        .map_or((0, 0), |a| (a.targets.len(), a.tables.len()));
    let labels = [
        tr(app.lang, "tab.overview").to_string(),
        fmt(app.lang, "tab.targets", &[("n", &num(t))]),
        tr(app.lang, "tab.timeline").to_string(),
        fmt(app.lang, "tab.tables", &[("n", &num(b))]),
        tr(app.lang, "tab.keywords").to_string(),
    ];
    for (i, (tab, label)) in app.els.tabs.iter().zip(labels).enumerate() {
        tab.set_text_content(Some(&label));
        let on = i == app.view.tab;
        attr(tab, "aria-selected", if on { "true" } else { "false" });
        attr(tab, "tabindex", if on { "0" } else { "-1" });
        dom::set_hidden(&app.els.panels[i], !on);
    }
}

/// Shows tab `i` (and starts the keywords when that tab opens).
pub fn show_tab(i: usize, focus: bool) {
    with_app(move |app| {
        app.view.tab = i.min(app.els.tabs.len() - 1);
        ensure_panel(app, app.view.tab);
        render_tabs(app);
        if focus {
            dom::focus(&app.els.tabs[app.view.tab]);
        }
        write_url(app);
    });
    if i == TAB_KEYWORDS {
        keywords::load_keywords();
    }
}

/// Every panel shows the current analysis: record the DOM building time (not layout) and the
/// generation on `#app`, and tell tools (benchmarks, tests): `planlens:rendered` on window and a
/// render counter in `<html data-planlens-rendered>`.
pub fn finish_render(app: &App, ms: f64) {
    dom::attr(&app.els.root, "data-render-ms", &format!("{ms:.1}"));
    dom::attr(&app.els.root, "data-gen", &app.gen.to_string());
    write_url(app);
    let Some(a) = &app.analysis else { return };
    let chars = app.char_bytes.len().saturating_sub(1);
    if let Some(html) = dom::document().document_element() {
        let n = html
            .get_attribute("data-planlens-rendered")
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(0);
        dom::attr(&html, "data-planlens-rendered", &(n + 1).to_string());
    }
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"chars".into(), &(chars as f64).into());
    let _ = js_sys::Reflect::set(&detail, &"targets".into(), &(a.targets.len() as f64).into());
    dom::dispatch("planlens:rendered", &detail);
}

/// A deadline as the grid and the detail show it: the phrase, with the day it resolves to.
pub fn deadline_cell(t: &Target) -> String {
    match (&t.deadline, &t.due) {
        (Some(d), Some(u)) => format!("{d}（{u}）"),
        (Some(d), None) => d.to_string(),
        (None, Some(u)) => u.to_string(),
        _ => String::new(),
    }
}

/// The source text between char offsets `s` and `e` ("" when out of range).
pub fn char_slice(app: &App, s: usize, e: usize) -> &str {
    match (app.char_bytes.get(s), app.char_bytes.get(e)) {
        (Some(&x), Some(&y)) if x <= y => app.text.get(x..y).unwrap_or(""),
        _ => "",
    }
}

/// The clause of a target, for context (at most 200 chars). `bytes[c]` is the byte offset of
/// char `c` (built once per analysis), so this is a slice, not a walk over the whole text.
pub fn clause_text(text: &str, bytes: &[usize], span: [usize; 2]) -> String {
    let end = span[1].min(span[0].saturating_add(200));
    match (bytes.get(span[0]), bytes.get(end)) {
        (Some(&a), Some(&b)) if a <= b => text.get(a..b).unwrap_or("").trim().to_string(),
        _ => String::new(),
    }
}

pub fn scroll_to(e: &Element) {
    let o = web_sys::ScrollIntoViewOptions::new();
    o.set_block(web_sys::ScrollLogicalPosition::Center);
    o.set_behavior(web_sys::ScrollBehavior::Instant);
    e.scroll_into_view_with_scroll_into_view_options(&o);
}

/// The tabs' names, in order (ids `tab-…` and `panel-…`).
const TABS: [&str; 5] = ["overview", "targets", "timeline", "tables", "keywords"];
/// The heading each panel after the overview starts with (read by screen readers only).
const HEADINGS: [(&str, &str); 4] = [
    ("targets-heading", "targets.heading"),
    ("", "timeline.heading"),
    ("", "tables.heading"),
    ("", "kw.heading"),
];

/// The tab list and one (empty) panel per tab at the end of `results`. Returns (tabs, panels).
pub fn build(results: &Element, l: &mut Labels) -> (Vec<Element>, Vec<Element>) {
    let tablist = add(results, "div", "tabs");
    attr(&tablist, "role", "tablist");
    labelled(l, &tablist, "tabs.label", "aria-label");
    let mut tabs = Vec::new();
    let mut panels = Vec::new();
    for (i, n) in TABS.iter().enumerate() {
        let t = add(&tablist, "button", "tab");
        attr(&t, "type", "button");
        attr(&t, "role", "tab");
        attr(&t, "id", &format!("tab-{n}"));
        attr(&t, "aria-controls", &format!("panel-{n}"));
        attr(&t, "data-tab", &i.to_string());
        tabs.push(t);
        let p = add(results, "section", "panel");
        attr(&p, "role", "tabpanel");
        attr(&p, "id", &format!("panel-{n}"));
        attr(&p, "aria-labelledby", &format!("tab-{n}"));
        if let Some((id, key)) = i.checked_sub(1).and_then(|k| HEADINGS.get(k)) {
            let h = add(&p, "h2", "visually-hidden");
            if !id.is_empty() {
                attr(&h, "id", id);
            }
            labelled(l, &h, key, "");
        }
        panels.push(p);
    }
    (tabs, panels)
}

/// The tabs' listeners (click, arrow keys), then every panel's.
pub fn wire() {
    let tablist = with_app(move |a| a.els.tabs[0].parent_element()).flatten();
    if let Some(tl) = tablist {
        on(&tl, "click", |e| {
            if let Some(t) = dom::closest(&e, "[role=tab]") {
                let i = dom::index_attr(&t, "data-tab");
                show_tab(i, true);
            }
        });
        on(&tl, "keydown", |e| {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let cur = with_app(move |a| a.view.tab).unwrap_or(0);
            let n = TABS.len();
            let next = match k.key().as_str() {
                "ArrowRight" => (cur + 1) % n,
                "ArrowLeft" => (cur + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            show_tab(next, true);
        });
    }
    outline::wire();
    filters::wire();
    grid::wire();
    detail::wire();
    timeline::wire();
    tables::wire();
    text::wire();
    keywords::wire();
}
