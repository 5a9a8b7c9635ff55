//! Rendering an analysis into the page, and the interactions on rendered items (delegated
//! listeners on the fixed containers). Every user-derived string goes in as text.

use super::chrome::fill_select;
use super::dom::{self, add, add_text, attr, clear, on};
use super::i18n::{fmt, num, tr, Lang};
use super::logic::{self, DeadlineFilter, Mark, Piece, SortKey, KINDS};
use super::{
    with_app, App, KwState, Sel, MAX_MARKS, MAX_TABLE_ROWS, MAX_TIMELINE, MAX_TREE_ITEMS, PAGE_SIZE,
};
use crate::model::{Analysis, Target};
use wasm_bindgen::JsCast;
use web_sys::Element;

pub const TAB_OVERVIEW: usize = 0;
pub const TAB_TARGETS: usize = 1;
pub const TAB_KEYWORDS: usize = 4;

fn kind_label(lang: Lang, t: &Target) -> &'static str {
    tr(lang, super::i18n::kind_key(t.kind))
}

fn path_key(p: &[usize]) -> String {
    p.iter()
        .map(|i| i.to_string())
        .collect::<Vec<_>>()
        .join(".")
}

fn parse_path(s: &str) -> Vec<usize> {
    s.split('.').filter_map(|x| x.parse().ok()).collect()
}

fn section_label(a: &Analysis, path: &[usize]) -> String {
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
/// the slices of this one: each checks `render_seq`.
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
    app.panels_done = [false; 5];
    app.render_seq += 1;
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
    let seq = app.render_seq;
    let spent = dom::now() - t0;
    // after a frame: the workspace's own layout (shown for the first time, the textarea made
    // smaller) is not added to the first panel's
    dom::after_frame(move || run_render(seq, Step::Visible, spent));
}

/// Runs steps of render `seq` until the slice's time is up, then schedules the rest.
fn run_render(seq: u64, step: Step, spent: f64) {
    let t0 = dom::now();
    let deadline = t0 + SLICE_MS;
    let Some((step, frame)) = with_app(|a| {
        if a.render_seq != seq {
            return None; // superseded
        }
        let mut step = step;
        loop {
            let (next, frame) = match step {
                Step::Visible if a.tab == TAB_OVERVIEW && !a.panels_done[TAB_OVERVIEW] => {
                    a.panels_done[TAB_OVERVIEW] = true;
                    render_card(a);
                    match TreeBuild::new(a) {
                        Some(b) => (Step::Tree(Box::new(b)), false),
                        None => (Step::Text(Box::new(TextBuild::new(a))), true),
                    }
                }
                Step::Visible => {
                    let tab = a.tab;
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
                Step::Panel(i) if i < a.panels_done.len() => {
                    // a panel is built in one go (the grid's rows excepted): start it in a
                    // fresh slice unless this one has barely begun, so it does not add its
                    // time to a slice already spent
                    if !a.panels_done[i] && dom::now() - t0 > SLICE_MS / 4.0 {
                        return Some((Step::Panel(i), false));
                    }
                    if i == TAB_TARGETS && !a.panels_done[i] {
                        a.panels_done[i] = true;
                        render_filters(a);
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
                    super::finish_render(a, spent + dom::now() - t0);
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
    if app.panels_done.get(i).copied().unwrap_or(true) {
        return;
    }
    app.panels_done[i] = true;
    match i {
        TAB_OVERVIEW => {
            render_card(app);
            render_tree(app);
        }
        TAB_TARGETS => {
            render_filters(app);
            render_grid(app);
        }
        2 => render_timeline(app),
        3 => render_tables(app),
        _ => render_keywords(app),
    }
}

pub(super) fn render_tabs(app: &App) {
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
        let on = i == app.tab;
        attr(tab, "aria-selected", if on { "true" } else { "false" });
        attr(tab, "tabindex", if on { "0" } else { "-1" });
        dom::set_hidden(&app.els.panels[i], !on);
    }
}

/// Shows tab `i` (and starts the keywords when that tab opens).
pub fn show_tab(i: usize, focus: bool) {
    with_app(|app| {
        app.tab = i.min(app.els.tabs.len() - 1);
        ensure_panel(app, app.tab);
        render_tabs(app);
        if focus {
            dom::focus(&app.els.tabs[app.tab]);
        }
        super::write_url(app);
    });
    if i == TAB_KEYWORDS {
        super::load_keywords();
    }
}

fn render_card(app: &App) {
    let c = &app.els.card;
    clear(c);
    let Some(a) = &app.analysis else { return };
    let lang = app.lang;
    let d = &a.document;
    let h = add_text(
        c,
        "h2",
        "card-title",
        d.title.as_deref().unwrap_or(tr(lang, "card.untitled")),
    );
    attr(&h, "id", "doc-title");
    let dl = add(c, "dl", "facts");
    let row = |key: &str, v: String| {
        if v.is_empty() {
            return;
        }
        add_text(&dl, "dt", "", tr(lang, key));
        add_text(&dl, "dd", "", &v);
    };
    row("card.notice", d.notice_title.clone().unwrap_or_default());
    row("card.issuers", d.issuers.join("、"));
    row("card.date", d.date.clone().unwrap_or_default());
    row("card.number", d.doc_number.clone().unwrap_or_default());
    row(
        "card.period",
        d.period
            .map(|p| format!("{}–{}", p.from, p.to))
            .unwrap_or_default(),
    );
    row("card.recipients", d.recipients.join("、"));
    row("card.cc", d.cc.join("、"));
    row("card.attachments", d.attachments.join("；"));
    if !a.warnings.is_empty() {
        let w = add(c, "div", "warnings");
        add_text(&w, "h3", "", tr(lang, "card.warnings"));
        let ul = add(&w, "ul", "");
        for x in a.warnings.iter().take(20) {
            add_text(&ul, "li", "", &x.message);
        }
    }
}

/// The outline as an ARIA tree; collapsed children are not rendered at all.
pub fn render_tree(app: &mut App) {
    if let Some(mut b) = TreeBuild::new(app) {
        b.run(app, f64::INFINITY);
    }
}

/// The tree being built, item by item in document order (so it can be built in slices): the
/// open levels, each with its list element, its path and the next child to draw.
pub struct TreeBuild {
    a: std::rc::Rc<Analysis>,
    /// `app.tree_seq` when this build began: a newer `render_tree` makes this one stop.
    seq: u64,
    counts: std::collections::HashMap<Vec<usize>, usize>,
    sel: Option<Vec<usize>>,
    all: usize,
    drawn: usize,
    levels: Vec<(Element, Vec<usize>, usize)>,
}

impl TreeBuild {
    /// Empties the tree and its summary and starts a build (None: no analysis).
    pub fn new(app: &mut App) -> Option<TreeBuild> {
        app.tree_seq += 1;
        let tree = app.els.tree.clone();
        clear(&tree);
        let Some(a) = app.analysis.clone() else {
            app.els.outline_summary.set_text_content(None);
            return None;
        };
        let lang = app.lang;
        let all = logic::flat_headings(&a.outline).len();
        app.els
            .outline_summary
            .set_text_content(Some(&if a.outline.is_empty() {
                tr(lang, "outline.none").to_string()
            } else {
                fmt(
                    lang,
                    "outline.summary",
                    &[
                        ("s", &num(a.outline.len())),
                        ("i", &num(all)),
                        ("t", &num(a.targets.len())),
                    ],
                )
            }));
        // default: top level expanded on a fresh document
        if app.expanded.is_empty() && !app.expanded.contains(&vec![usize::MAX]) {
            for (i, n) in a.outline.iter().enumerate() {
                if !n.children.is_empty() {
                    app.expanded.insert(vec![i]);
                }
            }
            app.expanded.insert(vec![usize::MAX]); // marker: defaults applied
        }
        let sel = selected_heading(app, &a);
        if logic::node_at(&a.outline, &app.tree_focus).is_none() {
            app.tree_focus = vec![0];
        }
        Some(TreeBuild {
            counts: logic::target_counts(&a),
            a,
            seq: app.tree_seq,
            sel,
            all,
            drawn: 0,
            levels: vec![(tree, Vec::new(), 0)],
        })
    }

    /// Draws items until the tree is complete (true) or `deadline` has passed (false).
    pub fn run(&mut self, app: &App, deadline: f64) -> bool {
        if app.tree_seq != self.seq {
            return true; // redrawn since
        }
        let a = self.a.clone();
        let lang = app.lang;
        while let Some((parent, prefix, i)) = self.levels.last_mut() {
            if self.drawn >= MAX_TREE_ITEMS {
                self.levels.clear();
                break;
            }
            let nodes = if prefix.is_empty() {
                &a.outline[..]
            } else {
                match logic::node_at(&a.outline, prefix) {
                    Some(n) => &n.children[..],
                    None => &[][..],
                }
            };
            let Some(n) = nodes.get(*i) else {
                self.levels.pop();
                continue;
            };
            if self.drawn % 32 == 31 && dom::now() >= deadline {
                return false;
            }
            let mut path = prefix.clone();
            path.push(*i);
            *i += 1;
            let parent = parent.clone();
            self.drawn += 1;
            let li = add(&parent, "li", "treeitem");
            attr(&li, "role", "treeitem");
            attr(&li, "data-path", &path_key(&path));
            attr(&li, "aria-level", &path.len().to_string());
            attr(&li, "aria-setsize", &nodes.len().to_string());
            attr(
                &li,
                "aria-posinset",
                &path[path.len() - 1].saturating_add(1).to_string(),
            );
            let selected = self.sel.as_deref() == Some(path.as_slice());
            attr(
                &li,
                "aria-selected",
                if selected { "true" } else { "false" },
            );
            attr(
                &li,
                "tabindex",
                if app.tree_focus == path { "0" } else { "-1" },
            );
            let expanded = app.expanded.contains(path.as_slice());
            if !n.children.is_empty() {
                attr(
                    &li,
                    "aria-expanded",
                    if expanded { "true" } else { "false" },
                );
            }
            let row = add(&li, "div", "row");
            add(
                &row,
                "span",
                if n.children.is_empty() {
                    "twisty leaf"
                } else {
                    "twisty"
                },
            );
            if !n.marker.is_empty() {
                add_text(&row, "span", "marker", &n.marker);
            }
            add_text(&row, "span", "title", &n.title);
            let t = self.counts.get(path.as_slice()).copied().unwrap_or(0);
            let c = logic::descendants(n);
            let badge = fmt(lang, "outline.counts", &[("c", &num(c)), ("t", &num(t))]);
            let b = add_text(
                &row,
                "span",
                if t > 0 {
                    "counts has-targets"
                } else {
                    "counts"
                },
                &badge,
            );
            attr(&b, "aria-hidden", "false");
            if expanded && !n.children.is_empty() {
                let ul = add(&li, "ul", "group");
                attr(&ul, "role", "group");
                self.levels.push((ul, path, 0));
            }
        }
        if self.drawn >= MAX_TREE_ITEMS {
            add_text(
                &app.els.tree,
                "li",
                "more",
                &fmt(lang, "outline.more", &[("n", &num(self.all - self.drawn))]),
            );
        }
        true
    }
}

fn selected_heading(app: &App, a: &Analysis) -> Option<Vec<usize>> {
    match &app.sel {
        Some(Sel::Heading {
            marker,
            title,
            start,
        }) => logic::find_same_heading(a, marker, title, *start),
        _ => None,
    }
}

pub(super) fn selected_target(app: &App, a: &Analysis) -> Option<usize> {
    match &app.sel {
        Some(Sel::Target { text, start }) => logic::find_same_target(a, text, *start),
        _ => None,
    }
}

fn render_filters(app: &App) {
    let lang = app.lang;
    let all = tr(lang, "filter.all").to_string();
    let Some(a) = &app.analysis else { return };
    let mut kinds = vec![(String::new(), all.clone())];
    for k in KINDS {
        let n = a.targets.iter().filter(|t| t.kind == k).count();
        if n > 0 {
            kinds.push((
                logic::kind_name(k).into(),
                format!(
                    "{} ({})",
                    tr(lang, &format!("kind.{}", logic::kind_name(k))),
                    n
                ),
            ));
        }
    }
    let kind_v = app
        .filter
        .kind
        .map(|k| logic::kind_name(k).to_string())
        .unwrap_or_default();
    fill_select(&app.els.f_kind, &kinds, &kind_v);
    let counts = logic::target_counts(a);
    let mut secs = vec![(String::new(), all.clone())];
    for (i, n) in a.outline.iter().enumerate() {
        let c = counts.get(&vec![i]).copied().unwrap_or(0);
        secs.push((i.to_string(), format!("{}{} ({c})", n.marker, n.title)));
    }
    fill_select(
        &app.els.f_section,
        &secs,
        &app.filter
            .section
            .map(|s| s.to_string())
            .unwrap_or_default(),
    );
    let mut dl = vec![
        (String::new(), all),
        ("with".into(), tr(lang, "filter.with").into()),
        ("without".into(), tr(lang, "filter.without").into()),
    ];
    for y in logic::due_years(a) {
        dl.push((
            y.to_string(),
            fmt(lang, "filter.year", &[("y", &y.to_string())]),
        ));
    }
    let dv = match app.filter.deadline {
        DeadlineFilter::Any => String::new(),
        DeadlineFilter::With => "with".into(),
        DeadlineFilter::Without => "without".into(),
        DeadlineFilter::Year(y) => y.to_string(),
    };
    fill_select(&app.els.f_deadline, &dl, &dv);
    let subj = [
        (String::new(), tr(lang, "filter.all").to_string()),
        ("with".into(), tr(lang, "filter.subjectWith").into()),
        ("without".into(), tr(lang, "filter.subjectWithout").into()),
    ];
    let sv = match app.filter.subject {
        None => "",
        Some(true) => "with",
        Some(false) => "without",
    };
    fill_select(&app.els.f_subject, &subj, sv);
    let fixed = [
        (String::new(), tr(lang, "filter.all").to_string()),
        ("1".into(), tr(lang, "filter.correctedOnly").into()),
    ];
    fill_select(
        &app.els.f_fixed,
        &fixed,
        if app.filter.corrected { "1" } else { "" },
    );
    app.els
        .f_due_by
        .set_value(app.filter.due_by.as_deref().unwrap_or(""));
    app.els.f_search.set_value(&app.filter.query);
}

/// A filter control changed.
pub fn set_filter(id: &str, v: &str) {
    with_app(|app| {
        match id {
            "filter-kind" => {
                app.filter.kind = KINDS.iter().copied().find(|k| logic::kind_name(*k) == v)
            }
            "filter-section" => app.filter.section = v.parse().ok(),
            "filter-deadline" => app.filter.deadline = logic::deadline_filter(v),
            "filter-subject" => app.filter.subject = logic::subject_filter(v),
            "filter-corrected" => app.filter.corrected = v == "1",
            "filter-due-by" => app.filter.due_by = Some(v.to_string()).filter(|d| logic::is_day(d)),
            "filter-search" => app.filter.query = v.to_string(),
            _ => {}
        }
        app.page = 0;
        app.grid_focus = (0, 0);
        render_grid(app);
        super::write_url(app);
    });
}

/// The grid's columns: i18n key, sort key (None: not sortable), cell class. A dense table:
/// the quantity as written, the measured thing and the deadline always shown, the sentence on
/// one line (in full on hover and in the detail); the section on wide screens (CSS), the units
/// responsible only for plans that name them.
const COLS: [(&str, Option<SortKey>, &str); 7] = [
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
    let mut v = logic::filter_targets(a, &app.text, &app.filter);
    logic::sort_targets(a, &mut v, app.sort.0, app.sort.1);
    v
}

/// A deadline as the grid and the detail show it: the phrase, with the day it resolves to.
fn deadline_cell(t: &Target) -> String {
    match (&t.deadline, &t.due) {
        (Some(d), Some(u)) => format!("{d}（{u}）"),
        (Some(d), None) => d.clone(),
        (None, Some(u)) => u.clone(),
        _ => String::new(),
    }
}

/// The targets grid (ARIA grid, roving tabindex), one page of it.
pub fn render_grid(app: &mut App) {
    if let Some(mut b) = start_grid(app) {
        b.run(app, f64::INFINITY);
    }
}

/// The rows of a grid page still to draw (so a hidden grid can be built in slices).
struct GridRows {
    /// `app.grid_seq` when this page began: a newer `render_grid` makes this one stop.
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
    fn run(&mut self, app: &App, deadline: f64) -> bool {
        if app.grid_seq != self.seq {
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
                    "c-subj" => (t.subject.clone().unwrap_or_default(), ""),
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
fn start_grid(app: &mut App) -> Option<GridRows> {
    let g = app.els.grid.clone();
    clear(&g);
    clear(&app.els.pager);
    let a = app.analysis.clone()?;
    let lang = app.lang;
    let vis = visible_targets(app);
    let pages = vis.len().div_ceil(PAGE_SIZE).max(1);
    app.page = app.page.min(pages - 1);
    let from = app.page * PAGE_SIZE;
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
        let sorted = app.sort.0 == sk;
        attr(
            &th,
            "aria-sort",
            if sorted {
                if app.sort.1 {
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
    let sel = selected_target(app, &a);
    if rows.is_empty() {
        let tr_ = add(&tbody, "tr", "");
        attr(&tr_, "role", "row");
        let td = add_text(&tr_, "td", "empty", tr(lang, "targets.none"));
        attr(&td, "role", "gridcell");
        attr(&td, "colspan", &cols.len().to_string());
    }
    let (fr, fc) = app.grid_focus;
    let fr = fr.min(rows.len().saturating_sub(1));
    app.grid_seq += 1;
    let build = GridRows {
        seq: app.grid_seq,
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
    super::corrections::render_summary(app, &app.els.fix_clear, lang);
    if pages > 1 {
        let p = &app.els.pager;
        let prev = add_text(p, "button", "", tr(lang, "targets.prev"));
        attr(&prev, "type", "button");
        attr(&prev, "data-page", "prev");
        if app.page == 0 {
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
                    ("p", &(app.page + 1).to_string()),
                    ("q", &pages.to_string()),
                ],
            ),
        );
        let next = add_text(p, "button", "", tr(lang, "targets.next"));
        attr(&next, "type", "button");
        attr(&next, "data-page", "next");
        if app.page + 1 >= pages {
            attr(&next, "disabled", "");
        }
    }
    Some(build)
}

/// The detail of the selected target, and why it is one: the sentence with the quantity and
/// the measured thing marked (text nodes only), the comparator word, the deadline phrase and
/// where it was read from, the section, then every other field the engine knows.
pub fn render_detail(app: &App, i: Option<usize>) {
    let d = &app.els.detail;
    clear(d);
    let (Some(a), Some(i)) = (&app.analysis, i) else {
        dom::set_hidden(d, true);
        return;
    };
    let Some(t) = a.targets.get(i) else {
        dom::set_hidden(d, true);
        return;
    };
    dom::set_hidden(d, false);
    let lang = app.lang;
    let head = add(d, "div", "detail-head");
    add_text(
        &head,
        "h3",
        "",
        &fmt(lang, "detail.title", &[("n", &(i + 1).to_string())]),
    );
    let close = add_text(&head, "button", "small", tr(lang, "detail.close"));
    attr(&close, "type", "button");
    attr(&close, "data-close", "");
    let (cs, ce) = (
        t.clause_span[0].min(t.span[0]),
        t.clause_span[1].max(t.span[1]),
    );
    let before = char_slice(app, cs, t.span[0]);
    let after = char_slice(app, t.span[1], ce);
    let q = add(d, "p", "clause");
    write_marked(&q, before, t.subject.as_deref(), true);
    add_text(
        &q,
        "mark",
        &format!("t k-{}", logic::kind_name(t.kind)),
        char_slice(app, t.span[0], t.span[1]),
    );
    let subj_before = t
        .subject
        .as_deref()
        .is_some_and(|w| !w.is_empty() && before.contains(w));
    write_marked(
        &q,
        after,
        t.subject.as_deref().filter(|_| !subj_before),
        false,
    );
    let sentence = format!("{before}{}{after}", t.text);
    let dl = add(d, "dl", "facts");
    let row = |key: &str, v: String| {
        if !v.trim().is_empty() {
            add_text(&dl, "dt", "", tr(lang, key));
            add_text(&dl, "dd", "", &v);
        }
    };
    row("col.kind", kind_label(lang, t).to_string());
    row("col.value", crate::render::quantity(t));
    let word = logic::comparator_word(&t.text, before);
    row(
        "col.comparator",
        match (t.comparator, word) {
            (Some(c), Some(w)) => format!(
                "{}（{}“{w}”）",
                tr(lang, logic::comparator_key(c)),
                tr(lang, "why.word")
            ),
            (Some(c), None) => tr(lang, logic::comparator_key(c)).to_string(),
            (None, Some(w)) => format!("“{w}”"),
            (None, None) => String::new(),
        },
    );
    let src = logic::deadline_source(a, t, &sentence)
        .map(|s| format!(" · {}", tr(lang, s.key())))
        .unwrap_or_default();
    let dl_text = deadline_cell(t);
    row(
        "col.deadline",
        if dl_text.is_empty() {
            dl_text
        } else {
            format!("{dl_text}{src}")
        },
    );
    row("col.subject", t.subject.clone().unwrap_or_default());
    row("col.section", section_label(a, &t.path));
    render_detail_extras(lang, t, &row);
    super::corrections::render_controls(app, d, t);
}

/// The optional fields of a target in the detail.
fn render_detail_extras(lang: Lang, t: &Target, row: &dyn Fn(&str, String)) {
    row("col.unit", t.unit.clone().unwrap_or_default());
    row("detail.action", t.action.clone().unwrap_or_default());
    row(
        "detail.scope",
        t.scope
            .map(|s| {
                tr(
                    lang,
                    match s {
                        crate::model::Scope::New => "scope.new",
                        crate::model::Scope::Total => "scope.total",
                        crate::model::Scope::PeriodTotal => "scope.period_total",
                    },
                )
                .to_string()
            })
            .unwrap_or_default(),
    );
    row("detail.per", t.per.clone().unwrap_or_default());
    row("detail.of", t.of.clone().unwrap_or_default());
    row(
        "detail.recurrence",
        t.recurrence.clone().unwrap_or_default(),
    );
    row(
        "detail.strength",
        t.strength
            .map(|s| {
                tr(
                    lang,
                    match s {
                        crate::model::Strength::Firm => "strength.firm",
                        crate::model::Strength::Aspirational => "strength.aspirational",
                        crate::model::Strength::Planned => "strength.planned",
                    },
                )
                .to_string()
            })
            .unwrap_or_default(),
    );
    if let Some(r) = &t.responsible {
        row("detail.lead", r.lead.join("、"));
        row("detail.others", r.others.join("、"));
    }
    row("detail.flags", t.flags.join(", "));
}

/// The source text between char offsets `s` and `e` ("" when out of range).
fn char_slice(app: &App, s: usize, e: usize) -> &str {
    match (app.char_bytes.get(s), app.char_bytes.get(e)) {
        (Some(&x), Some(&y)) if x <= y => app.text.get(x..y).unwrap_or(""),
        _ => "",
    }
}

/// Writes `s` into `e` as text, with the occurrence of `subject` nearest the quantity marked
/// (the last one before it, the first one after it).
fn write_marked(e: &Element, s: &str, subject: Option<&str>, before: bool) {
    let at = subject
        .filter(|w| !w.is_empty())
        .and_then(|w| if before { s.rfind(w) } else { s.find(w) }.map(|p| (p, p + w.len())));
    match at {
        Some((p, q)) => {
            dom::text(e, &s[..p]);
            add_text(e, "mark", "subj", &s[p..q]);
            dom::text(e, &s[q..]);
        }
        None => dom::text(e, s),
    }
}

/// The clause of a target, for context (at most 200 chars). `bytes[c]` is the byte offset of
/// char `c` (built once per analysis), so this is a slice, not a walk over the whole text.
fn clause_text(text: &str, bytes: &[usize], span: [usize; 2]) -> String {
    let end = span[1].min(span[0].saturating_add(200));
    match (bytes.get(span[0]), bytes.get(end)) {
        (Some(&a), Some(&b)) if a <= b => text.get(a..b).unwrap_or("").trim().to_string(),
        _ => String::new(),
    }
}

fn render_timeline(app: &App) {
    let c = &app.els.timeline;
    clear(c);
    let Some(a) = &app.analysis else { return };
    let lang = app.lang;
    let groups = logic::timeline(a);
    if groups.is_empty() {
        add_text(c, "p", "summary", tr(lang, "timeline.none"));
        return;
    }
    let ol = add(c, "ol", "tl");
    let mut shown = 0usize;
    let total: usize = groups.iter().map(|g| g.1.len()).sum();
    for (due, items) in &groups {
        if shown >= MAX_TIMELINE {
            break;
        }
        let li = add(&ol, "li", "tl-group");
        if due.is_empty() {
            add_text(&li, "span", "tl-date", tr(lang, "timeline.undated"));
        } else {
            let t = add_text(&li, "time", "tl-date", due);
            attr(&t, "datetime", due);
        }
        let ul = add(&li, "ul", "");
        for &i in items {
            if shown >= MAX_TIMELINE {
                break;
            }
            shown += 1;
            let x = &a.targets[i];
            let item = add(&ul, "li", "");
            let b = add(&item, "button", "tl-item");
            attr(&b, "type", "button");
            attr(&b, "data-t", &i.to_string());
            add_text(
                &b,
                "span",
                "tl-deadline",
                x.deadline.as_deref().unwrap_or(""),
            );
            add_text(
                &b,
                "span",
                "tl-what",
                format!("{} {}", x.subject.as_deref().unwrap_or(""), x.text).trim(),
            );
            add_text(&b, "span", "tl-section", &section_label(a, &x.path));
        }
    }
    if total > shown {
        add_text(
            c,
            "p",
            "summary",
            &fmt(lang, "timeline.more", &[("n", &num(total - shown))]),
        );
    }
}

fn render_tables(app: &App) {
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

/// The source text with every target (and every heading title) marked in place, built a slice
/// at a time. The text goes into blocks (`.chunk`, cut only at a line end outside any mark) of
/// at most [`CHUNK_LINES`] lines or about [`CHUNK_BYTES`] bytes, each with
/// `content-visibility: auto` (app.css): the browser lays out only the blocks near the
/// viewport, so a long plan does not cost one long layout. Each block keeps its '\n', so the
/// view's text content is exactly the input. Finished blocks go into the view as they are made.
struct TextBuild {
    marks: Vec<Mark>,
    /// Tree path of each heading mark (`marks[..nh]`).
    heads: Vec<Vec<usize>>,
    /// Marks `[nh, nt)` are targets, `[nt..]` table regions.
    nh: usize,
    nt: usize,
    pieces: Vec<Piece>,
    /// The next piece, and how far into it (bytes) when it is a text cut at line ends.
    at: usize,
    sub: usize,
    chunk: web_sys::Node,
    lines: usize,
    bytes: usize,
    /// The open elements, the block at the bottom.
    stack: Vec<web_sys::Node>,
    capped: bool,
    /// Blocks added to the view so far.
    chunks: usize,
}

const CHUNK_LINES: usize = 30;
/// About 500 CJK chars: what a cold first layout of that much text costs (font fallback and
/// shaping of glyphs not seen yet) stays well under a frame's worth of main-thread time.
const CHUNK_BYTES: usize = 1500;
/// The first blocks (the top of the pane, in view) go in one per frame, so each frame lays out
/// one block; later blocks are off-screen and cost no layout until scrolled to.
const FRAME_CHUNKS: usize = 3;

/// How far a [`TextBuild::run`] got.
enum Built {
    Done,
    /// Time is up: continue in the next slice.
    More,
    /// A block in view was added: continue after the next frame.
    Frame,
}

impl TextBuild {
    fn new(app: &App) -> TextBuild {
        let mut marks: Vec<Mark> = Vec::new();
        let mut heads: Vec<Vec<usize>> = Vec::new();
        let (mut nh, mut nt, mut capped) = (0, 0, false);
        if let Some(a) = &app.analysis {
            for (p, n) in logic::flat_headings(&a.outline)
                .into_iter()
                .take(MAX_TREE_ITEMS)
            {
                marks.push(Mark {
                    start: n.title_span[0],
                    end: n.title_span[1],
                    rank: 0,
                    id: marks.len(),
                });
                heads.push(p);
            }
            nh = marks.len();
            capped = a.targets.len() > MAX_MARKS;
            for (i, t) in a.targets.iter().enumerate().take(MAX_MARKS) {
                marks.push(Mark {
                    start: t.span[0],
                    end: t.span[1],
                    rank: 1,
                    id: i,
                });
            }
            nt = marks.len();
            // rebuilt tables: their whole region, so a caption click can show where it was
            for (i, t) in a.tables.iter().enumerate() {
                marks.push(Mark {
                    start: t.span[0],
                    end: t.span[1],
                    rank: 0,
                    id: i,
                });
            }
        }
        let pieces = if app.analysis.is_some() {
            logic::mark_pieces(&app.text, &marks).0
        } else {
            Vec::new()
        };
        let chunk: web_sys::Node = dom::el("div", "chunk").into();
        TextBuild {
            marks,
            heads,
            nh,
            nt,
            pieces,
            at: 0,
            sub: 0,
            stack: vec![chunk.clone()],
            chunk,
            lines: 0,
            bytes: 0,
            capped,
            chunks: 0,
        }
    }

    /// Adds the current block to the view and starts a new one.
    fn flush(&mut self, view: &Element) {
        if self.chunk.has_child_nodes() {
            let _ = view.append_child(&self.chunk);
            self.chunks += 1;
        }
        self.chunk = dom::el("div", "chunk").into();
        self.stack[0] = self.chunk.clone();
        self.lines = 0;
        self.bytes = 0;
    }

    /// Builds until the text is complete, `deadline` has passed or one of the first blocks
    /// went in.
    fn run(&mut self, app: &App, deadline: f64) -> Built {
        let Some(a) = app.analysis.clone() else {
            return Built::Done;
        };
        let text = &app.text;
        let view = &app.els.text_view;
        let doc = dom::document();
        let mut ops = 0u32;
        while self.at < self.pieces.len() {
            ops += 1;
            if ops.is_multiple_of(64) && dom::now() >= deadline {
                return Built::More;
            }
            match &self.pieces[self.at] {
                Piece::Text(r) => {
                    let Some(s) = text.get(r.clone()) else {
                        self.at += 1;
                        continue;
                    };
                    if self.stack.len() > 1 {
                        if let Some(top) = self.stack.last() {
                            let _ = top.append_child(&doc.create_text_node(s));
                        }
                        self.bytes += s.len();
                        self.at += 1;
                        continue;
                    }
                    let rest = s.get(self.sub..).unwrap_or("");
                    let seg = match rest.find('\n') {
                        Some(k) => &rest[..=k],
                        None => rest,
                    };
                    if !seg.is_empty() {
                        let _ = self.chunk.append_child(&doc.create_text_node(seg));
                    }
                    self.sub += seg.len();
                    self.bytes += seg.len();
                    if self.sub >= s.len() {
                        self.at += 1;
                        self.sub = 0;
                    }
                    if seg.ends_with('\n') {
                        self.lines += 1;
                        if self.lines >= CHUNK_LINES || self.bytes >= CHUNK_BYTES {
                            self.flush(view);
                            if self.chunks <= FRAME_CHUNKS {
                                return Built::Frame;
                            }
                        }
                    }
                }
                Piece::Open(mi) => {
                    let mi = *mi;
                    let m = self.marks[mi];
                    let e = if mi < self.nh {
                        let e = dom::el("span", "h");
                        attr(&e, "data-h", &path_key(&self.heads[m.id]));
                        e
                    } else if mi >= self.nt {
                        let e = dom::el("span", "tbl");
                        attr(&e, "data-tb", &m.id.to_string());
                        e
                    } else {
                        let t = &a.targets[m.id];
                        let e = dom::el("mark", &format!("t k-{}", logic::kind_name(t.kind)));
                        attr(&e, "data-t", &m.id.to_string());
                        e
                    };
                    if let Some(top) = self.stack.last() {
                        let _ = top.append_child(&e);
                    }
                    self.stack.push(e.into());
                    self.at += 1;
                }
                Piece::Close => {
                    if self.stack.len() > 1 {
                        self.stack.pop();
                    }
                    self.at += 1;
                }
            }
        }
        self.flush(view);
        if self.capped {
            app.els.text_note.set_text_content(Some(&fmt(
                app.lang,
                "text.capped",
                &[("n", &num(MAX_MARKS))],
            )));
        }
        Built::Done
    }
}

pub fn render_keywords(app: &App) {
    let c = &app.els.keywords;
    clear(c);
    let lang = app.lang;
    attr(
        c,
        "aria-busy",
        if matches!(app.kw, KwState::Loading(_)) {
            "true"
        } else {
            "false"
        },
    );
    match &app.kw {
        KwState::Idle => {}
        KwState::Loading(_) => {
            add_text(c, "p", "summary", tr(lang, "kw.loading"));
            add(c, "progress", "progress");
        }
        KwState::Failed(e) => {
            // a dictionary that could not be fetched is the network's doing: say so plainly
            let offline = !dom::window().navigator().on_line() || e.contains("fetch");
            let msg = if offline {
                tr(lang, "kw.offline").to_string()
            } else {
                fmt(lang, "kw.failed", &[("e", e)])
            };
            add_text(c, "p", "summary error", &msg);
        }
        KwState::Ready(_, v) => {
            let v: Vec<_> = v.iter().filter(|s| !s.keywords.is_empty()).collect();
            if v.is_empty() {
                add_text(c, "p", "summary", tr(lang, "kw.none"));
            }
            for s in v {
                let sec = add(c, "section", &format!("kw-section depth-{}", s.path.len()));
                let h = add(&sec, "h3", "");
                let b = add_text(&h, "button", "link", &s.title);
                attr(&b, "type", "button");
                attr(&b, "data-h", &path_key(&s.path));
                let ul = add(&sec, "ul", "chips");
                for k in &s.keywords {
                    let li = add(&ul, "li", "chip");
                    dom::text(&li, &k.word);
                    add_text(&li, "span", "n", &format!("×{}", k.count));
                }
            }
        }
    }
}

/// Scrolls the source text pane (only it, not the page) so `e` is in its middle; on narrow
/// layouts where the pane is below the results, the pane itself is brought into view too
/// when `bring` (a selected target is not: its detail opens where the reader is instead).
fn scroll_text_to(app: &App, e: &Element, bring: bool) {
    let pane = &app.els.text_view;
    let (r, p) = (
        e.get_bounding_client_rect(),
        pane.get_bounding_client_rect(),
    );
    let top = pane.scroll_top() as f64 + r.top() - p.top() - p.height() / 2.0 + r.height() / 2.0;
    pane.set_scroll_top(top.max(0.0) as i32);
    let vh = dom::window()
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0);
    let p = pane.get_bounding_client_rect();
    if bring && (p.bottom() < 0.0 || p.top() > vh) {
        let o = web_sys::ScrollIntoViewOptions::new();
        o.set_block(web_sys::ScrollLogicalPosition::Nearest);
        o.set_behavior(web_sys::ScrollBehavior::Instant);
        pane.scroll_into_view_with_scroll_into_view_options(&o);
    }
}

fn scroll_to(e: &Element) {
    let o = web_sys::ScrollIntoViewOptions::new();
    o.set_block(web_sys::ScrollLogicalPosition::Center);
    o.set_behavior(web_sys::ScrollBehavior::Instant);
    e.scroll_into_view_with_scroll_into_view_options(&o);
}

fn mark_in_text(app: &App, selector: &str) -> Option<Element> {
    if let Ok(Some(old)) = app.els.text_view.query_selector(".sel") {
        let _ = old.class_list().remove_1("sel");
    }
    let e = app.els.text_view.query_selector(selector).ok().flatten()?;
    let _ = e.class_list().add_1("sel");
    Some(e)
}

/// Selects target `i`: the grid row, the mark in the text (scrolled there).
pub fn select_target(app: &mut App, i: usize, scroll_text: bool, reveal_row: bool) {
    let Some(a) = app.analysis.clone() else {
        return;
    };
    let Some(t) = a.targets.get(i) else { return };
    app.sel = Some(Sel::Target {
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
            Some(pos) => app.page = pos / PAGE_SIZE,
            None => {
                // not visible under the filters: clear them so the row can be shown
                app.filter = logic::Filter::default();
                render_filters(app);
                let vis = visible_targets(app);
                app.page = vis.iter().position(|&x| x == i).unwrap_or(0) / PAGE_SIZE;
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
    super::write_url(app);
}

/// Selects the heading at `path`: the tree item (ancestors expanded), its title in the text.
pub fn select_heading(app: &mut App, path: &[usize], scroll_text: bool) {
    let Some(a) = app.analysis.clone() else {
        return;
    };
    let Some(n) = logic::node_at(&a.outline, path) else {
        return;
    };
    app.sel = Some(Sel::Heading {
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
    let mut changed = false;
    for k in 1..path.len() {
        changed |= app.expanded.insert(path[..k].to_vec());
    }
    app.tree_focus = path.to_vec();
    if changed {
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
    super::write_url(app);
}

fn render_tree_selection(app: &App, path: Option<&[usize]>) {
    let key = path.map(path_key);
    if let Ok(items) = app.els.tree.query_selector_all("[role=treeitem]") {
        for k in 0..items.length() {
            if let Some(e) = items.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                let on = key.is_some() && e.get_attribute("data-path") == key;
                attr(&e, "aria-selected", if on { "true" } else { "false" });
                attr(
                    &e,
                    "tabindex",
                    if e.get_attribute("data-path") == Some(path_key(&app.tree_focus)) {
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
    if let Some(i) = app.pending_target.take().filter(|&i| i < a.targets.len()) {
        select_target(app, i, true, true);
        return;
    }
    match app.sel.clone() {
        Some(Sel::Target { .. }) => {
            if let Some(i) = selected_target(app, &a) {
                let t = &a.targets[i];
                app.sel = Some(Sel::Target {
                    text: t.text.clone(),
                    start: t.span[0],
                });
                mark_in_text(app, &format!("mark[data-t=\"{i}\"]"));
            }
        }
        Some(Sel::Heading { .. }) => {
            if let Some(p) = selected_heading(app, &a) {
                select_heading(app, &p, false);
            }
        }
        None => {}
    }
}

fn focus_tree_item(app: &mut App, path: Vec<usize>) {
    app.tree_focus = path.clone();
    render_tree_selection(
        app,
        selected_heading(
            app,
            &app.analysis
                .clone()
                .unwrap_or_else(|| std::rc::Rc::new(crate::analyze(""))),
        )
        .as_deref(),
    );
    if let Ok(Some(e)) = app
        .els
        .tree
        .query_selector(&format!("[data-path=\"{}\"]", path_key(&path)))
    {
        dom::focus(&e);
    }
}

fn tree_key(app: &mut App, key: &str) -> bool {
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
        app.tree_focus = parse_path(&p);
    }
    let cur = app.tree_focus.clone();
    let pos = items.iter().position(|p| *p == cur).unwrap_or(0);
    let has_children = logic::node_at(&a.outline, &cur).is_some_and(|n| !n.children.is_empty());
    let expanded = app.expanded.contains(&cur);
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
                app.expanded.insert(cur.clone());
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
                app.expanded.remove(&cur);
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

fn grid_key(app: &mut App, key: &str, ctrl: bool) -> bool {
    let n_rows = app
        .els
        .grid
        .query_selector_all("td[data-c=\"0\"]")
        .map(|l| l.length() as usize)
        .unwrap_or(0);
    if n_rows == 0 {
        return false;
    }
    if let Some(td) = dom::document()
        .active_element()
        .filter(|e| e.has_attribute("data-r"))
    {
        app.grid_focus = (
            dom::index_attr(&td, "data-r"),
            dom::index_attr(&td, "data-c"),
        );
    }
    let (mut r, mut c) = app.grid_focus;
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
            } else if app.page + 1 < pages {
                app.page += 1;
                r = 0;
                app.grid_focus = (r, c);
                render_grid(app);
            }
        }
        "ArrowUp" => {
            if r > 0 {
                r -= 1
            } else if app.page > 0 {
                app.page -= 1;
                r = PAGE_SIZE - 1;
                app.grid_focus = (r, c);
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
            if app.page + 1 < pages {
                app.page += 1;
                app.grid_focus = (0, c);
                render_grid(app);
                r = 0;
            }
        }
        "PageUp" => {
            if app.page > 0 {
                app.page -= 1;
                app.grid_focus = (0, c);
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

fn focus_cell(app: &mut App, r: usize, c: usize) {
    let n_rows = app
        .els
        .grid
        .query_selector_all("td[data-c=\"0\"]")
        .map(|l| l.length() as usize)
        .unwrap_or(0);
    let r = r.min(n_rows.saturating_sub(1));
    app.grid_focus = (r, c);
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

/// Delegated listeners on the result containers.
pub fn wire_results() {
    let Some((tree, grid, pager, timeline, text, kw, tables, detail, fixes)) = with_app(|a| {
        (
            a.els.tree.clone(),
            a.els.grid.clone(),
            a.els.pager.clone(),
            a.els.timeline.clone(),
            a.els.text_view.clone(),
            a.els.keywords.clone(),
            a.els.tables.clone(),
            a.els.detail.clone(),
            (a.els.fix_add.clone(), a.els.fix_clear.clone()),
        )
    }) else {
        return;
    };
    super::corrections::wire(&detail, &fixes.0, &fixes.1);
    on(&detail, "click", |e| {
        if dom::closest(&e, "button[data-close]").is_some() {
            with_app(|a| {
                dom::set_hidden(&a.els.detail, true);
                if let Ok(Some(td)) = a.els.grid.query_selector("td[tabindex=\"0\"]") {
                    dom::focus(&td);
                }
            });
        }
    });
    on(&tree, "click", |e| {
        let Some(li) = dom::closest(&e, "[role=treeitem]") else {
            return;
        };
        let path = parse_path(&li.get_attribute("data-path").unwrap_or_default());
        let on_twisty = dom::closest(&e, ".twisty").is_some();
        with_app(|a| {
            if on_twisty {
                if !a.expanded.remove(&path) {
                    a.expanded.insert(path.clone());
                }
                a.tree_focus = path.clone();
                render_tree(a);
                focus_tree_item(a, path);
            } else {
                a.tree_focus = path.clone();
                select_heading(a, &path, true);
            }
        });
    });
    on(&tree, "keydown", |e| {
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if with_app(|a| tree_key(a, &k.key())).unwrap_or(false) {
            e.prevent_default();
        }
    });
    on(&grid, "click", |e| {
        if let Some(b) = dom::closest(&e, "button[data-sort]") {
            let ci: usize = dom::index_attr(&b, "data-sort");
            with_app(|a| {
                let Some(key) = COLS[ci.min(COLS.len() - 1)].1 else {
                    return;
                };
                a.sort = if a.sort.0 == key {
                    (key, !a.sort.1)
                } else {
                    (key, true)
                };
                a.page = 0;
                render_grid(a);
                if let Ok(Some(b)) = a
                    .els
                    .grid
                    .query_selector(&format!("button[data-sort=\"{ci}\"]"))
                {
                    dom::focus(&b);
                }
            });
            return;
        }
        let Some(tr_) = dom::closest(&e, "tr[data-t]") else {
            return;
        };
        let i: usize = dom::index_attr(&tr_, "data-t");
        let cell = dom::closest(&e, "td[data-r]");
        with_app(|a| {
            if let Some(td) = cell {
                let r = dom::index_attr(&td, "data-r");
                let c = dom::index_attr(&td, "data-c");
                focus_cell(a, r, c);
            }
            select_target(a, i, true, false);
        });
    });
    on(&grid, "keydown", |e| {
        if dom::closest(&e, "td[data-r]").is_none() {
            return;
        }
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if with_app(|a| grid_key(a, &k.key(), k.ctrl_key() || k.meta_key())).unwrap_or(false) {
            e.prevent_default();
        }
    });
    on(&pager, "click", |e| {
        let Some(b) = dom::closest(&e, "button[data-page]") else {
            return;
        };
        let next = b.get_attribute("data-page").as_deref() == Some("next");
        with_app(|a| {
            if next {
                a.page += 1;
            } else {
                a.page = a.page.saturating_sub(1);
            }
            a.grid_focus = (0, a.grid_focus.1);
            render_grid(a);
            let sel = if next {
                "button[data-page=next]"
            } else {
                "button[data-page=prev]"
            };
            if let Ok(Some(b)) = a.els.pager.query_selector(sel) {
                dom::focus(&b);
            }
        });
    });
    on(&timeline, "click", |e| {
        let Some(b) = dom::closest(&e, "[data-t]") else {
            return;
        };
        let i: usize = dom::index_attr(&b, "data-t");
        with_app(|a| select_target(a, i, true, false));
    });
    on(&text, "click", |e| {
        if let Some(m) = dom::closest(&e, "mark[data-t]") {
            let i: usize = dom::index_attr(&m, "data-t");
            with_app(|a| {
                a.tab = TAB_TARGETS;
                ensure_panel(a, TAB_TARGETS);
                render_tabs(a);
                select_target(a, i, false, true);
            });
        } else if let Some(h) = dom::closest(&e, "span.h[data-h]") {
            let p = parse_path(&h.get_attribute("data-h").unwrap_or_default());
            with_app(|a| {
                a.tab = TAB_OVERVIEW;
                ensure_panel(a, TAB_OVERVIEW);
                render_tabs(a);
                select_heading(a, &p, false);
                if let Ok(Some(li)) = a
                    .els
                    .tree
                    .query_selector(&format!("[data-path=\"{}\"]", path_key(&p)))
                {
                    scroll_to(&li);
                }
            });
        }
    });
    on(&tables, "click", |e| {
        let Some(b) = dom::closest(&e, "button[data-tb]") else {
            return;
        };
        let i = b.get_attribute("data-tb").unwrap_or_default();
        with_app(|a| {
            a.sel = None;
            if let Some(m) = mark_in_text(a, &format!("span.tbl[data-tb=\"{i}\"]")) {
                scroll_text_to(a, &m, true);
            }
        });
    });
    on(&kw, "click", |e| {
        let Some(b) = dom::closest(&e, "button[data-h]") else {
            return;
        };
        let p = parse_path(&b.get_attribute("data-h").unwrap_or_default());
        with_app(|a| select_heading(a, &p, true));
    });
}

/// The reader's export of targets `which` (header first), in the page's language.
fn export_rows(app: &App, a: &Analysis, which: &[usize]) -> Vec<Vec<String>> {
    let lang = app.lang;
    let label = |k: &str| tr(lang, k).to_string();
    let mut rows = vec![logic::EXPORT_COLS.iter().map(|k| label(k)).collect()];
    for &i in which {
        let t = &a.targets[i];
        let (cs, ce) = (
            t.clause_span[0].min(t.span[0]),
            t.clause_span[1].max(t.span[1]),
        );
        let fix = match logic::corrected_flag(t) {
            Some(logic::FLAG_REMOVED) => label("x.removed"),
            Some(logic::FLAG_ADDED) => label("x.added"),
            Some(_) => label("x.yes"),
            None => String::new(),
        };
        rows.push(logic::export_row(
            a,
            t,
            char_slice(app, cs, ce),
            &fix,
            &label,
        ));
    }
    rows
}

fn file_base(a: &Analysis) -> String {
    let t = a
        .document
        .title
        .clone()
        .unwrap_or_else(|| "planlens".into());
    let s: String = t
        .chars()
        .filter(|c| !"/\\:*?\"<>|\n\r\t".contains(*c))
        .take(60)
        .collect();
    if s.trim().is_empty() {
        "planlens".into()
    } else {
        s
    }
}

/// The export buttons.
pub fn export(id: &str) {
    if id == "export-print" {
        let _ = dom::window().print();
        return;
    }
    let Some(Some((a, rows))) = with_app(|app| {
        let a = app.analysis.clone()?;
        // the CSV holds every target, the copied list the visible ones: the same columns
        let which = if id == "export-copy" {
            visible_targets(app)
        } else {
            (0..a.targets.len()).collect()
        };
        Some((a.clone(), export_rows(app, &a, &which)))
    }) else {
        return;
    };
    let base = file_base(&a);
    match id {
        "export-csv" => dom::download(
            &format!("{base}.csv"),
            "text/csv;charset=utf-8",
            &logic::rows_csv(&rows),
        ),
        "export-json" => dom::download(
            &format!("{base}.json"),
            "application/json",
            &crate::render::json(&a),
        ),
        "export-md" => dom::download(
            &format!("{base}.md"),
            "text/markdown;charset=utf-8",
            &crate::render::markdown(&a),
        ),
        "export-labels" => {
            let Some(text) = with_app(|app| app.text.clone()) else {
                return;
            };
            let json = crate::render::json(&a);
            wasm_bindgen_futures::spawn_local(async move {
                match super::engine::labels_json(json, text).await {
                    Ok(j) => dom::download(&format!("{base}.labels.json"), "application/json", &j),
                    Err(e) => super::set_status("status.failed", vec![("e", e)], true),
                }
            });
        }
        "export-copy" => {
            let n = rows.len() - 1;
            let clip = dom::window().navigator().clipboard();
            let p = clip.write_text(&logic::rows_tsv(&rows));
            wasm_bindgen_futures::spawn_local(async move {
                match wasm_bindgen_futures::JsFuture::from(p).await {
                    Ok(_) => super::set_status("status.copied", vec![("n", num(n))], false),
                    Err(_) => super::set_status("status.copyFailed", vec![], true),
                }
            });
        }
        _ => {}
    }
}
