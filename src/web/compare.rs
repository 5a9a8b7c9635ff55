//! The compare view (issue 9): plan A is the page's main text, plan B a second text given here
//! (typed, a file opened or dropped on this pane, or a sample). The comparison runs in the
//! engine worker like the analysis (`engine::compare`, same same-thread fallback); the result is
//! one ARIA grid of rows (`logic::compare`) beside both texts with the compared targets marked.
//! Selecting a row lights up and scrolls to its spans in both texts; clicking a mark selects
//! its row. State lives in its own thread-local, so the main view's code is untouched.
//! Every user-derived string goes in as text (text nodes, attribute values), never as markup.

use super::doc::{self, DEBOUNCE_MS};
use super::dom::{self, add, add_text, attr, clear, on};
use super::i18n::{fmt, num, tr, Lang};
use super::logic::compare::{self as cl, Group, Row};
use super::logic::{self, Mark, Piece};
use super::panels::text::MAX_MARKS;
use super::samples::SAMPLES;
use super::state::with_app;
use super::widgets::{button, file_picker, fill_select, labelled as lab, Labels};
use super::{engine, input};
use crate::compare::Comparison;
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// Grid rows drawn at most (a filter narrows further).
const MAX_ROWS: usize = 1000;
/// Plan B's text in localStorage (like plan A's): a reload keeps the comparison; closing the
/// pane forgets it.
const KEY_B: &str = "planlens.compareB";

pub struct CEls {
    pub pane: Element,
    pub input: HtmlTextAreaElement,
    pub file: HtmlInputElement,
    pub sample: HtmlSelectElement,
    pub status: Element,
    pub summary: Element,
    pub filter: HtmlSelectElement,
    pub grid: Element,
    pub info: Element,
    pub head_a: Element,
    pub head_b: Element,
    pub text_a: Element,
    pub text_b: Element,
    pub announce: Element,
}

struct Cmp {
    els: CEls,
    open: bool,
    /// The two texts the current comparison belongs to (its spans are char offsets into them).
    a_text: String,
    b_text: String,
    result: Option<Rc<Comparison>>,
    rows: Rc<Vec<Row>>,
    filter: String,
    /// Focused cell (row position among the visible rows, column).
    focus: (usize, usize),
    /// Selected row (index into `rows`).
    sel: Option<usize>,
    gen: u64,
    timer: Option<i32>,
    status: (&'static str, Vec<(&'static str, String)>, bool),
}

thread_local! {
    static CMP: RefCell<Option<Cmp>> = const { RefCell::new(None) };
}

fn with_cmp<R>(f: impl FnOnce(&mut Cmp) -> R) -> Option<R> {
    CMP.with(|c| match c.try_borrow_mut() {
        Ok(mut g) => g.as_mut().map(f),
        Err(_) => None,
    })
}

fn lang() -> Lang {
    with_app(|a| a.lang).unwrap_or(Lang::Zh)
}

/// Grid columns: (label key, which side: 0 none, 1 A, 2 B).
const COLS: [&str; 9] = [
    "cmp.col.status",
    "cmp.col.aSubject",
    "cmp.col.aQty",
    "cmp.col.aWhen",
    "cmp.col.bSubject",
    "cmp.col.bQty",
    "cmp.col.bWhen",
    "cmp.col.diff",
    "cmp.col.note",
];

/// Builds the (hidden) compare pane at the end of `root`; its labels join the page's table.
pub fn build(root: &Element, l: &mut Labels) {
    let pane = add(root, "section", "compare-pane");
    attr(&pane, "id", "compare");
    attr(&pane, "aria-labelledby", "compare-heading");
    dom::set_hidden(&pane, true);
    let head = add(&pane, "div", "toolbar");
    let h = add(&head, "h2", "");
    attr(&h, "id", "compare-heading");
    lab(l, &h, "cmp.heading", "");
    button(&head, "compare-demo", "", "cmp.demo", l);
    button(&head, "compare-close", "small", "cmp.close", l);
    let intro = add(&pane, "p", "summary");
    lab(l, &intro, "cmp.intro", "");

    let bar = add(&pane, "div", "toolbar");
    let il = add(&bar, "label", "input-label");
    attr(&il, "for", "compare-input");
    lab(l, &il, "cmp.inputLabel", "");
    let (_, file, sample) = file_picker(
        &bar,
        l,
        "compare-file",
        "cmp.open",
        "compare-sample",
        "cmp.sample",
    );
    let input = add(&pane, "textarea", "source-input compare-input");
    attr(&input, "id", "compare-input");
    attr(&input, "spellcheck", "false");
    attr(&input, "rows", "4");
    lab(l, &input, "cmp.placeholder", "placeholder");
    // the result (summary, filters, grid) and the two texts side by side (stacked when narrow)
    let body = add(&pane, "div", "cmp-body");
    let left = add(&body, "div", "cmp-left");
    let status = add(&left, "p", "status");
    attr(&status, "id", "compare-status");
    attr(&status, "role", "status");
    attr(&status, "aria-live", "polite");

    let summary = add(&left, "div", "cmp-summary");
    attr(&summary, "id", "compare-summary");
    let tools = add(&left, "div", "filters");
    let fw = add(&tools, "label", "field");
    let fl = add(&fw, "span", "field-label");
    lab(l, &fl, "cmp.filter", "");
    let filter = add(&fw, "select", "");
    attr(&filter, "id", "compare-filter");
    let ex = add(&tools, "div", "exports");
    attr(&ex, "role", "toolbar");
    lab(l, &ex, "cmp.export", "aria-label");
    button(&ex, "compare-export-csv", "", "export.csv", l);
    button(&ex, "compare-export-md", "", "export.md", l);
    button(&ex, "compare-export-json", "", "export.json", l);
    let info = add(&left, "p", "summary");
    attr(&info, "id", "compare-info");
    attr(&info, "aria-live", "polite");
    let gw = add(&left, "div", "grid-wrap cmp-grid-wrap");
    let grid = add(&gw, "table", "grid cmp-grid");
    attr(&grid, "id", "compare-grid");
    attr(&grid, "role", "grid");
    attr(&grid, "aria-labelledby", "compare-heading");

    let texts = add(&body, "div", "cmp-texts");
    let mk = |side: &str, key: &'static str, l: &mut Labels| -> (Element, Element) {
        let col = add(&texts, "div", "text-pane");
        let hh = add(&col, "h3", "");
        attr(&hh, "id", &format!("compare-head-{side}"));
        lab(l, &hh, key, "");
        let title = add(&col, "p", "summary cmp-title");
        let v = add(&col, "div", "source cmp-source");
        attr(&v, "id", &format!("compare-text-{side}"));
        attr(&v, "tabindex", "0");
        attr(&v, "aria-labelledby", &format!("compare-head-{side}"));
        (title, v)
    };
    let (head_a, text_a) = mk("a", "cmp.textA", l);
    let (head_b, text_b) = mk("b", "cmp.textB", l);
    let announce = add(&pane, "p", "visually-hidden");
    attr(&announce, "aria-live", "polite");
    let els = CEls {
        pane,
        input: input.unchecked_into(),
        file: file.unchecked_into(),
        sample: sample.unchecked_into(),
        status,
        summary,
        filter: filter.unchecked_into(),
        grid,
        info,
        head_a,
        head_b,
        text_a,
        text_b,
        announce,
    };
    CMP.with(|c| {
        *c.borrow_mut() = Some(Cmp {
            els,
            open: false,
            a_text: String::new(),
            b_text: String::new(),
            result: None,
            rows: Rc::new(Vec::new()),
            filter: String::new(),
            focus: (0, 0),
            sel: None,
            gen: 0,
            timer: None,
            status: ("cmp.need", vec![], false),
        })
    });
}

/// Shows or hides the pane (the toolbar's "compare with…" button, the close button).
pub fn toggle(open: bool) {
    let was = with_cmp(|c| {
        let was = c.open;
        c.open = open;
        dom::set_hidden(&c.els.pane, !open);
        if open {
            dom::focus(c.els.input.as_ref());
        }
        was
    })
    .unwrap_or(true);
    if !open {
        if let Some(st) = doc::storage() {
            let _ = st.remove_item(KEY_B);
        }
    }
    if open && !was {
        run_now();
    }
}

/// Keeps plan B's text for the next visit (a text too large for the storage is just not kept).
fn save_b() {
    let Some(t) = with_cmp(|c| c.els.input.value()) else {
        return;
    };
    if let Some(st) = doc::storage() {
        if st.set_item(KEY_B, &t).is_err() {
            let _ = st.remove_item(KEY_B);
        }
    }
}

fn set_status(key: &'static str, args: Vec<(&'static str, String)>, error: bool) {
    let lang = lang();
    with_cmp(|c| {
        c.status = (key, args, error);
        render_status(c, lang);
    });
}

fn render_status(c: &Cmp, lang: Lang) {
    let args: Vec<(&str, &str)> = c.status.1.iter().map(|(k, v)| (*k, v.as_str())).collect();
    c.els
        .status
        .set_text_content(Some(&fmt(lang, c.status.0, &args)));
    let _ = c
        .els
        .status
        .class_list()
        .toggle_with_force("error", c.status.2);
}

/// Plan A's analysis finished (a new text): compare again if the pane is in use.
pub fn on_a_changed() {
    let go = with_cmp(|c| c.open && !c.els.input.value().trim().is_empty()).unwrap_or(false);
    if go {
        run_now();
    }
}

fn on_edit() {
    with_cmp(|c| {
        if let Some(t) = c.timer.take() {
            dom::cancel(t);
        }
        c.timer = Some(dom::after(DEBOUNCE_MS, || {
            save_b();
            run_now();
        }));
    });
}

/// New plan B text from a file, a drop or a sample; `save`: keep it for the next visit (not
/// for a `?compare=` link, which must not overwrite what the user gave).
fn set_b(text: &str, save: bool) {
    with_cmp(|c| c.els.input.set_value(text));
    if save {
        save_b();
    }
    run_now();
}

/// Compares the main text (A) with this pane's text (B) now, in the worker when there is one.
pub fn run_now() {
    let a = with_app(|app| app.els.input.value()).unwrap_or_default();
    let Some((gen, b)) = with_cmp(|c| {
        if let Some(t) = c.timer.take() {
            dom::cancel(t);
        }
        c.gen += 1;
        (c.gen, c.els.input.value())
    }) else {
        return;
    };
    if a.trim().is_empty() || b.trim().is_empty() {
        let lang = lang();
        with_cmp(|c| {
            c.result = None;
            c.rows = Rc::new(Vec::new());
            c.sel = None;
            c.status = (
                if a.trim().is_empty() {
                    "cmp.needA"
                } else {
                    "cmp.need"
                },
                vec![],
                false,
            );
            render_all(c, lang);
            dom::attr(&c.els.pane, "data-gen", &gen.to_string());
        });
        return;
    }
    set_status(
        "cmp.running",
        vec![("a", num(a.chars().count())), ("b", num(b.chars().count()))],
        false,
    );
    wasm_bindgen_futures::spawn_local(async move {
        let t0 = dom::now();
        let r = engine::compare(a.clone(), b.clone()).await;
        let ms = dom::now() - t0;
        let lang = lang();
        with_cmp(|c| {
            if c.gen != gen {
                return; // a newer request is under way
            }
            match r {
                Ok((res, via)) => {
                    attr(
                        &c.els.pane,
                        "data-engine",
                        if via == engine::Via::Worker {
                            "worker"
                        } else {
                            "inline"
                        },
                    );
                    let rows = cl::rows(&res);
                    let fresh = c.result.is_none();
                    if fresh || (!c.filter.is_empty() && cl::filtered(&rows, &c.filter).is_empty())
                    {
                        c.filter = cl::default_filter(&res).to_string();
                    }
                    c.status = (
                        "cmp.done",
                        vec![
                            ("p", num(res.summary.pairs)),
                            ("a", num(res.a.targets)),
                            ("b", num(res.b.targets)),
                            ("ms", format!("{}", ms.round() as i64)),
                        ],
                        false,
                    );
                    c.result = Some(Rc::new(res));
                    c.rows = Rc::new(rows);
                    c.a_text = a;
                    c.b_text = b;
                    c.sel = None;
                    c.focus = (0, 0);
                    render_all(c, lang);
                }
                Err(e) => {
                    c.status = ("cmp.failed", vec![("e", e)], true);
                    render_status(c, lang);
                }
            }
            attr(&c.els.pane, "data-gen", &gen.to_string());
        });
    });
}

/// Re-renders the pane in the current language (after a language switch).
pub fn rerender() {
    let lang = lang();
    with_cmp(|c| {
        fill_samples(c, lang);
        render_all(c, lang);
    });
}

fn fill_samples(c: &Cmp, lang: Lang) {
    let mut opts = vec![(String::new(), tr(lang, "cmp.sample").to_string())];
    for (file, zh, en) in SAMPLES {
        opts.push((
            file.to_string(),
            if lang == Lang::Zh { zh } else { en }.to_string(),
        ));
    }
    fill_select(&c.els.sample, &opts, "");
}

fn status_label(lang: Lang, s: &str) -> String {
    let key = format!("cmp.st.{s}");
    tr(lang, &key).to_string()
}

/// When a target is due, as a reader says it: 2023年 / 每年 / 全期, plus where it sits (附表).
fn when_label(lang: Lang, s: &cl::Side) -> String {
    let w = match s.when.as_str() {
        "yearly" => tr(lang, "cmp.when.yearly").to_string(),
        "period" => tr(lang, "cmp.when.period").to_string(),
        "unknown" => String::new(),
        y if y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) => {
            fmt(lang, "cmp.when.year", &[("y", y)])
        }
        other => other.to_string(),
    };
    if s.place != "table" {
        return w;
    }
    let t = match s.column.as_deref() {
        Some("total") => tr(lang, "cmp.when.tableTotal"),
        _ => tr(lang, "cmp.when.table"),
    };
    if w.is_empty() {
        t.to_string()
    } else {
        format!("{w} · {t}")
    }
}

fn kind_label(lang: Lang, k: &str) -> &'static str {
    tr(
        lang,
        match k {
            "multi_year" => "cmp.kind.multi",
            "annual" => "cmp.kind.annual",
            _ => "cmp.kind.unknown",
        },
    )
}

fn render_all(c: &mut Cmp, lang: Lang) {
    let _ = c
        .els
        .pane
        .class_list()
        .toggle_with_force("has-cmp", c.result.is_some());
    render_status(c, lang);
    render_summary(c, lang);
    render_filter(c, lang);
    render_grid(c, lang);
    render_text(c, true);
    render_text(c, false);
}

fn plan_line(lang: Lang, side: &str, p: &crate::compare::PlanInfo) -> String {
    let mut s = fmt(
        lang,
        "cmp.plan",
        &[
            ("side", side),
            (
                "title",
                p.title.as_deref().unwrap_or(tr(lang, "card.untitled")),
            ),
            ("kind", kind_label(lang, &p.kind)),
            ("n", &num(p.targets)),
        ],
    );
    if let Some(per) = p.period {
        s.push_str(&format!(" · {}–{}", per.from, per.to));
    } else if let Some(y) = p.year {
        s.push_str(&format!(" · {y}"));
    }
    s
}

fn render_summary(c: &Cmp, lang: Lang) {
    let s = &c.els.summary;
    clear(s);
    c.els.head_a.set_text_content(None);
    c.els.head_b.set_text_content(None);
    let Some(r) = &c.result else { return };
    add_text(s, "p", "cmp-plan", &plan_line(lang, "A", &r.a));
    add_text(s, "p", "cmp-plan", &plan_line(lang, "B", &r.b));
    c.els.head_a.set_text_content(r.a.title.as_deref());
    c.els.head_b.set_text_content(r.b.title.as_deref());
    let m = &r.summary;
    let mut line = fmt(
        lang,
        "cmp.counts",
        &[
            ("p", &num(m.pairs)),
            ("s", &num(m.same)),
            ("d", &num(m.different)),
            ("oa", &num(m.only_a)),
            ("ob", &num(m.only_b)),
            ("ra", &format!("{:.0}", m.aligned_a * 100.0)),
            ("rb", &format!("{:.0}", m.aligned_b * 100.0)),
        ],
    );
    line.push_str(&fmt(
        lang,
        "cmp.flagsCount",
        &[
            ("fa", &num(r.consistency.a.len())),
            ("fb", &num(r.consistency.b.len())),
        ],
    ));
    add_text(s, "p", "", &line);
    if let Some(an) = &r.annual {
        let k = &an.counts;
        let plan = if an.plan == "a" { "A" } else { "B" };
        let ann = if an.annual == "a" { "A" } else { "B" };
        add_text(
            s,
            "p",
            "cmp-annual",
            &fmt(
                lang,
                "cmp.annual",
                &[
                    ("plan", plan),
                    ("ann", ann),
                    ("y", &an.year.to_string()),
                    ("met", &num(k.met)),
                    ("weaker", &num(k.weaker)),
                    ("missing", &num(k.missing)),
                    ("extra", &num(k.extra)),
                    ("in_period", &num(k.in_period)),
                ],
            ),
        );
    }
}

fn render_filter(c: &Cmp, lang: Lang) {
    let rows = &c.rows;
    let mut opts = vec![(
        "all".to_string(),
        format!("{} ({})", tr(lang, "filter.all"), rows.len()),
    )];
    for f in cl::FILTERS {
        let n = cl::filtered(rows, f).len();
        let group_filter = matches!(
            f,
            "annual" | "pairs" | "only_a" | "only_b" | "flags" | "sections"
        );
        // each plan's flag count is shown even when it is 0 (a clean plan is news too)
        let always = group_filter || matches!(f, "flags_a" | "flags_b");
        if n == 0 && !always {
            continue;
        }
        if f == "annual" && c.result.as_ref().is_none_or(|r| r.annual.is_none()) {
            continue;
        }
        let label = tr(lang, &format!("cmp.f.{f}"));
        let label = if group_filter {
            label.to_string()
        } else {
            format!("  · {label}")
        };
        opts.push((f.to_string(), format!("{label} ({n})")));
    }
    let v = if c.filter.is_empty() {
        "all"
    } else {
        c.filter.as_str()
    };
    fill_select(&c.els.filter, &opts, v);
}

fn visible(c: &Cmp) -> Vec<usize> {
    let mut v = cl::filtered(&c.rows, &c.filter);
    v.truncate(MAX_ROWS);
    v
}

fn render_grid(c: &mut Cmp, lang: Lang) {
    let g = c.els.grid.clone();
    clear(&g);
    c.els.info.set_text_content(None);
    if c.result.is_none() {
        return;
    }
    let rows = c.rows.clone();
    let all = cl::filtered(&rows, &c.filter).len();
    let vis = visible(c);
    attr(&g, "aria-rowcount", &(all + 1).to_string());
    attr(&g, "aria-colcount", &COLS.len().to_string());
    let thead = add(&g, "thead", "");
    let hr = add(&thead, "tr", "");
    attr(&hr, "role", "row");
    attr(&hr, "aria-rowindex", "1");
    for key in COLS {
        let th = add_text(&hr, "th", "", tr(lang, key));
        attr(&th, "role", "columnheader");
        attr(&th, "scope", "col");
    }
    let tbody = add(&g, "tbody", "");
    if vis.is_empty() {
        let tr_ = add(&tbody, "tr", "");
        attr(&tr_, "role", "row");
        let td = add_text(&tr_, "td", "empty", tr(lang, "cmp.none"));
        attr(&td, "role", "gridcell");
        attr(&td, "colspan", &COLS.len().to_string());
    }
    let (fr, fc) = c.focus;
    let fr = fr.min(vis.len().saturating_sub(1));
    c.focus = (fr, fc);
    for (r, &i) in vis.iter().enumerate() {
        let row = &rows[i];
        let tr_ = add(&tbody, "tr", &format!("st-{}", row.status));
        attr(&tr_, "role", "row");
        attr(&tr_, "data-row", &i.to_string());
        attr(&tr_, "data-status", &row.status);
        attr(&tr_, "aria-rowindex", &(r + 2).to_string());
        attr(
            &tr_,
            "aria-selected",
            if c.sel == Some(i) { "true" } else { "false" },
        );
        let side = |s: &Option<cl::Side>, k: usize| -> String {
            s.as_ref().map_or(String::new(), |s| match k {
                0 => s.subject.clone(),
                1 => s.quantity.clone(),
                _ => when_label(lang, s),
            })
        };
        let group = match row.group {
            Group::FlagA => format!("{} · A", status_label(lang, &row.status)),
            Group::FlagB => format!("{} · B", status_label(lang, &row.status)),
            _ => status_label(lang, &row.status),
        };
        let cells = [
            group,
            side(&row.a, 0),
            side(&row.a, 1),
            side(&row.a, 2),
            side(&row.b, 0),
            side(&row.b, 1),
            side(&row.b, 2),
            cl::fmt_diff(row.diff),
            row.note.clone(),
        ];
        for (ci, v) in cells.iter().enumerate() {
            let td = add(
                &tr_,
                "td",
                match ci {
                    0 => "cmp-st",
                    2 | 5 => "q",
                    7 => "num",
                    _ => "",
                },
            );
            if ci == 0 {
                add_text(&td, "span", &format!("badge st-{}", row.status), v);
            } else {
                dom::text(&td, v);
            }
            let tip = match ci {
                1..=3 => row.a.as_ref().map(|s| s.text.clone()),
                4..=6 => row.b.as_ref().map(|s| s.text.clone()),
                _ => Some(row.tip.clone()),
            };
            if let Some(t) = tip.filter(|t| !t.is_empty()) {
                attr(&td, "title", &t); // an attribute value is text, never markup
            }
            attr(&td, "role", "gridcell");
            attr(&td, "data-r", &r.to_string());
            attr(&td, "data-c", &ci.to_string());
            attr(
                &td,
                "tabindex",
                if r == fr && ci == fc { "0" } else { "-1" },
            );
        }
    }
    let info = if all > vis.len() {
        fmt(
            lang,
            "cmp.capped",
            &[("a", &num(vis.len())), ("n", &num(all))],
        )
    } else {
        fmt(lang, "cmp.rows", &[("n", &num(all))])
    };
    c.els.info.set_text_content(Some(&info));
}

/// One plan's text with every span some row lights up marked (`mark.c[data-s="start-end"]`).
fn render_text(c: &Cmp, a_side: bool) {
    let v = if a_side { &c.els.text_a } else { &c.els.text_b };
    clear(v);
    if c.result.is_none() {
        return;
    }
    let text = if a_side { &c.a_text } else { &c.b_text };
    let spans = cl::side_spans(&c.rows, a_side);
    let marks: Vec<Mark> = spans
        .iter()
        .take(MAX_MARKS)
        .enumerate()
        .map(|(i, s)| Mark {
            start: s[0],
            end: s[1],
            rank: 1,
            id: i,
        })
        .collect();
    let (pieces, _) = logic::mark_pieces(text, &marks);
    let doc = dom::document();
    let frag = doc.create_document_fragment();
    let mut stack: Vec<web_sys::Node> = vec![frag.clone().into()];
    for p in pieces {
        match p {
            Piece::Text(r) => {
                if let (Some(s), Some(top)) = (text.get(r), stack.last()) {
                    let _ = top.append_child(&doc.create_text_node(s));
                }
            }
            Piece::Open(mi) => {
                let e = dom::el("mark", "c");
                attr(&e, "data-s", &cl::span_key(spans[marks[mi].id]));
                if let Some(top) = stack.last() {
                    let _ = top.append_child(&e);
                }
                stack.push(e.into());
            }
            Piece::Close => {
                if stack.len() > 1 {
                    stack.pop();
                }
            }
        }
    }
    let _ = v.append_child(&frag);
}

/// Scrolls `pane` (only it) so `e` is in its middle.
fn scroll_in(pane: &Element, e: &Element) {
    let (r, p) = (
        e.get_bounding_client_rect(),
        pane.get_bounding_client_rect(),
    );
    let top = pane.scroll_top() as f64 + r.top() - p.top() - p.height() / 2.0 + r.height() / 2.0;
    pane.set_scroll_top(top.max(0.0) as i32);
}

fn light(view: &Element, spans: &[[usize; 2]]) {
    if let Ok(old) = view.query_selector_all("mark.sel") {
        for k in 0..old.length() {
            if let Some(e) = old.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                let _ = e.class_list().remove_1("sel");
            }
        }
    }
    let mut first = None;
    for s in spans {
        if let Ok(Some(m)) = view.query_selector(&format!("mark[data-s=\"{}\"]", cl::span_key(*s)))
        {
            let _ = m.class_list().add_1("sel");
            first.get_or_insert(m);
        }
    }
    if let Some(m) = first {
        scroll_in(view, &m);
    }
}

/// Selects row `i`: marks it in the grid, lights up its spans in both texts and scrolls there.
fn select_row(c: &mut Cmp, i: usize, lang: Lang) {
    let Some(row) = c.rows.get(i).cloned() else {
        return;
    };
    c.sel = Some(i);
    if let Ok(trs) = c.els.grid.query_selector_all("tr[data-row]") {
        for k in 0..trs.length() {
            if let Some(r) = trs.item(k).and_then(|n| n.dyn_into::<Element>().ok()) {
                let on = r.get_attribute("data-row").as_deref() == Some(&i.to_string());
                attr(&r, "aria-selected", if on { "true" } else { "false" });
            }
        }
    }
    light(&c.els.text_a, &row.a_spans);
    light(&c.els.text_b, &row.b_spans);
    let what = |s: &Option<cl::Side>| {
        s.as_ref()
            .map(|s| format!("{} {}", s.subject, s.quantity))
            .unwrap_or_else(|| "—".into())
    };
    c.els.announce.set_text_content(Some(&fmt(
        lang,
        "cmp.selected",
        &[
            ("st", &status_label(lang, &row.status)),
            ("a", &what(&row.a)),
            ("b", &what(&row.b)),
        ],
    )));
}

fn focus_cell(c: &mut Cmp, r: usize, col: usize) {
    let n = visible(c).len();
    let r = r.min(n.saturating_sub(1));
    c.focus = (r, col);
    if let Ok(Some(old)) = c.els.grid.query_selector("td[tabindex=\"0\"]") {
        attr(&old, "tabindex", "-1");
    }
    if let Ok(Some(e)) = c
        .els
        .grid
        .query_selector(&format!("td[data-r=\"{r}\"][data-c=\"{col}\"]"))
    {
        attr(&e, "tabindex", "0");
        dom::focus(&e);
    }
}

fn row_at(c: &Cmp, r: usize) -> Option<usize> {
    visible(c).get(r).copied()
}

fn grid_key(c: &mut Cmp, key: &str, ctrl: bool, lang: Lang) -> bool {
    let n = visible(c).len();
    if n == 0 {
        return false;
    }
    if let Some(td) = dom::document()
        .active_element()
        .filter(|e| e.has_attribute("data-r"))
    {
        c.focus = (
            dom::index_attr(&td, "data-r"),
            dom::index_attr(&td, "data-c"),
        );
    }
    let (mut r, mut col) = c.focus;
    let last = COLS.len() - 1;
    match key {
        "ArrowDown" => r = (r + 1).min(n - 1),
        "ArrowUp" => r = r.saturating_sub(1),
        "ArrowRight" => col = (col + 1).min(last),
        "ArrowLeft" => col = col.saturating_sub(1),
        "PageDown" => r = (r + 10).min(n - 1),
        "PageUp" => r = r.saturating_sub(10),
        "Home" => {
            col = 0;
            if ctrl {
                r = 0
            }
        }
        "End" => {
            col = last;
            if ctrl {
                r = n - 1
            }
        }
        "Enter" | " " => {
            if let Some(i) = row_at(c, r) {
                select_row(c, i, lang);
            }
        }
        _ => return false,
    }
    focus_cell(c, r, col);
    true
}

/// A mark in one of the texts was clicked: select the first row that lights it up (clearing
/// the filter when none of the visible rows does).
fn mark_clicked(c: &mut Cmp, a_side: bool, key: &str, lang: Lang) {
    let has = |row: &Row| {
        let spans = if a_side { &row.a_spans } else { &row.b_spans };
        spans.iter().any(|s| cl::span_key(*s) == key)
    };
    let pick = visible(c).into_iter().find(|&i| has(&c.rows[i]));
    let pick = match pick {
        Some(i) => Some(i),
        None => {
            let i = (0..c.rows.len()).find(|&i| has(&c.rows[i]));
            if i.is_some() {
                c.filter = "all".into();
                render_filter(c, lang);
                render_grid(c, lang);
            }
            i
        }
    };
    let Some(i) = pick else { return };
    select_row(c, i, lang);
    if let Some(r) = visible(c).iter().position(|&x| x == i) {
        if let Ok(Some(tr_)) = c.els.grid.query_selector(&format!("tr[data-row=\"{i}\"]")) {
            let o = web_sys::ScrollIntoViewOptions::new();
            o.set_block(web_sys::ScrollLogicalPosition::Nearest);
            tr_.scroll_into_view_with_scroll_into_view_options(&o);
        }
        let col = c.focus.1;
        c.focus = (r, col);
    }
}

/// An export button: the file is written by the engine's extras module, as the comparison was
/// (the same two texts, so the same comparison), which keeps the report writers out of the
/// first-load wasm.
fn export(kind: &str) {
    let (name, mime, format) = match kind {
        "compare-export-csv" => ("planlens-compare.csv", "text/csv;charset=utf-8", "csv"),
        "compare-export-md" => (
            "planlens-compare.md",
            "text/markdown;charset=utf-8",
            "markdown",
        ),
        "compare-export-json" => ("planlens-compare.json", "application/json", "json"),
        _ => return,
    };
    let Some((a, b)) = with_cmp(|c| {
        c.result
            .as_ref()
            .map(|_| (c.a_text.clone(), c.b_text.clone()))
    })
    .flatten() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        match engine::compare_export(a, b, format).await {
            Ok(body) if format == "csv" => dom::download(name, mime, &cl::with_bom(&body)),
            Ok(body) => dom::download(name, mime, &body),
            Err(e) => web_sys::console::error_1(&e.into()),
        }
    });
}

/// Loads built-in sample `file` as plan B.
fn load_sample_b(file: &'static str, save: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        match engine::fetch_text(&format!("samples/{file}")).await {
            Ok(t) => set_b(&t, save),
            Err(e) => set_status("status.sampleFailed", vec![("e", e)], true),
        }
    });
}

fn open_file_b(file: web_sys::File) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let buf = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(b) => js_sys::Uint8Array::new(&b).to_vec(),
            Err(_) => {
                set_status(
                    "status.unreadable",
                    vec![("f", name), ("e", "I/O".into())],
                    true,
                );
                return;
            }
        };
        match input::read_file(&name, &buf).await {
            Ok((t, _)) => set_b(&t, true),
            Err(input::ReadError::Binary) => set_status("status.binary", vec![], true),
            Err(input::ReadError::OldDoc) => set_status("status.doc", vec![], true),
            Err(input::ReadError::Docx(e)) => set_status(
                "status.unreadable",
                vec![("f", name), ("e", e.to_string())],
                true,
            ),
        }
    });
}

fn sample_file(prefix: &str) -> Option<&'static str> {
    SAMPLES
        .iter()
        .find(|(f, _, _)| !prefix.is_empty() && f.starts_with(prefix))
        .map(|(f, _, _)| *f)
}

/// `?compare=000` (with `?sample=003` for A) opens the pane with sample 000 as plan B.
pub fn init_from_url(param: Option<String>) {
    let lang = lang();
    with_cmp(|c| fill_samples(c, lang));
    if let Some(file) = param.as_deref().and_then(sample_file) {
        with_cmp(|c| {
            c.open = true;
            dom::set_hidden(&c.els.pane, false);
        });
        load_sample_b(file, false);
        return;
    }
    // the last visit's plan B: the pane opens with it (compared once plan A is analysed)
    let saved = doc::storage().and_then(|s| s.get_item(KEY_B).ok().flatten());
    if let Some(t) = saved.filter(|t| !t.trim().is_empty()) {
        with_cmp(|c| {
            c.els.input.set_value(&t);
            c.open = true;
            dom::set_hidden(&c.els.pane, false);
        });
    }
}

/// Every listener of the pane (once, on fixed elements).
pub fn wire() {
    wire_input();
    wire_result();
}

/// Plan B's text: typed, a file opened or dropped on the pane, a sample.
fn wire_input() {
    let Some((pane, input, file, sample)) = with_cmp(|c| {
        (
            c.els.pane.clone(),
            c.els.input.clone(),
            c.els.file.clone(),
            c.els.sample.clone(),
        )
    }) else {
        return;
    };
    on(&input, "input", |_| on_edit());
    // an edit still waiting for its debounce is kept when the page goes away
    on(&dom::window(), "pagehide", |_| {
        if with_cmp(|c| c.timer.is_some()).unwrap_or(false) {
            save_b();
        }
    });
    let f2 = file.clone();
    on(&file, "change", move |_| {
        if let Some(f) = f2.files().and_then(|l| l.get(0)) {
            open_file_b(f);
        }
        f2.set_value("");
    });
    let s2 = sample.clone();
    on(&sample, "change", move |_| {
        if let Some(f) = sample_file(&s2.value()) {
            load_sample_b(f, true);
        }
        s2.set_value("");
    });
    // a file dropped on this pane is plan B (not the page's text): handled before the page's
    // document-level drop listener sees it
    on(&pane, "drop", |e| {
        e.prevent_default();
        e.stop_propagation();
        if let Some(r) = with_app(|a| a.els.root.clone()) {
            let _ = r.class_list().remove_1("dragging");
        }
        let Some(dt) = e
            .dyn_ref::<web_sys::DragEvent>()
            .and_then(|d| d.data_transfer())
        else {
            return;
        };
        if let Some(f) = dt.files().and_then(|l| l.get(0)) {
            open_file_b(f);
        } else if let Ok(t) = dt.get_data("text/plain") {
            if !t.trim().is_empty() {
                set_b(&t, true);
            }
        }
    });
}

/// The result: the filter, the pane's buttons, the grid's clicks and keys, the marks.
fn wire_result() {
    let Some((pane, filter, grid, ta, tb)) = with_cmp(|c| {
        (
            c.els.pane.clone(),
            c.els.filter.clone(),
            c.els.grid.clone(),
            c.els.text_a.clone(),
            c.els.text_b.clone(),
        )
    }) else {
        return;
    };
    let f3 = filter.clone();
    on(&filter, "change", move |_| {
        let v = f3.value();
        let lang = lang();
        with_cmp(|c| {
            c.filter = v;
            c.focus = (0, 0);
            render_grid(c, lang);
        });
    });
    on(&pane, "click", |e| {
        let Some(b) = dom::closest(&e, "button[id]") else {
            return;
        };
        let id = b.id();
        match id.as_str() {
            "compare-close" => toggle(false),
            "compare-demo" => {
                if let (Some(a), Some(b)) = (sample_file("003"), sample_file("000")) {
                    doc::load_sample(a, false);
                    load_sample_b(b, true);
                }
            }
            "compare-export-csv" | "compare-export-md" | "compare-export-json" => export(&id),
            _ => {}
        }
    });
    on(&grid, "click", |e| {
        let Some(tr_) = dom::closest(&e, "tr[data-row]") else {
            return;
        };
        let i: usize = dom::index_attr(&tr_, "data-row");
        let cell = dom::closest(&e, "td[data-r]");
        let lang = lang();
        with_cmp(|c| {
            if let Some(td) = cell {
                let r = dom::index_attr(&td, "data-r");
                let col = dom::index_attr(&td, "data-c");
                focus_cell(c, r, col);
            }
            select_row(c, i, lang);
        });
    });
    on(&grid, "keydown", |e| {
        if dom::closest(&e, "td[data-r]").is_none() {
            return;
        }
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let (key, ctrl) = (k.key(), k.ctrl_key() || k.meta_key());
        let lang = lang();
        if with_cmp(|c| grid_key(c, &key, ctrl, lang)).unwrap_or(false) {
            e.prevent_default();
        }
    });
    for (view, a_side) in [(ta, true), (tb, false)] {
        on(&view, "click", move |e| {
            let Some(m) = dom::closest(&e, "mark[data-s]") else {
                return;
            };
            let key = m.get_attribute("data-s").unwrap_or_default();
            let lang = lang();
            with_cmp(|c| mark_clicked(c, a_side, &key, lang));
        });
    }
}
