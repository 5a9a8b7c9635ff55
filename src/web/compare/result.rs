//! The comparison's result in the pane: the summary of both plans, the filter, one ARIA grid of
//! rows (`logic::compare`) and both texts with the compared targets marked. Selecting a row
//! lights up and scrolls to its spans in both texts; clicking a mark selects its row.

use super::super::dom::{self, add, add_text, attr, clear};
use super::super::i18n::{fmt, num, tr, Lang};
use super::super::logic::compare::{self as cl, Group, Row};
use super::super::logic::{self, Mark, Piece};
use super::super::panels::text::MAX_MARKS;
use super::super::widgets::fill_select;
use super::Cmp;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Grid rows drawn at most (a filter narrows further).
const MAX_ROWS: usize = 1000;

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

pub fn render_status(c: &Cmp, lang: Lang) {
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

pub fn render_all(c: &mut Cmp, lang: Lang) {
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

pub fn render_grid(c: &mut Cmp, lang: Lang) {
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
pub fn select_row(c: &mut Cmp, i: usize, lang: Lang) {
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

pub fn focus_cell(c: &mut Cmp, r: usize, col: usize) {
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

pub fn grid_key(c: &mut Cmp, key: &str, ctrl: bool, lang: Lang) -> bool {
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
pub fn mark_clicked(c: &mut Cmp, a_side: bool, key: &str, lang: Lang) {
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
