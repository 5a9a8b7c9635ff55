//! The overview tab: the document card (title, issuer, date, 文号, …) and the heading outline
//! as an ARIA tree (collapsed children are not drawn; a long outline is drawn in slices).

use super::super::dom::{self, add, add_text, attr, clear, on};
use super::super::i18n::{fmt, num, tr};
use super::super::keyboard::{focus_tree_item, tree_key};
use super::super::logic;
use super::super::selection::select_heading;
use super::super::state::{with_app, App};
use super::super::widgets::{button, labelled, Labels};
use super::{parse_path, path_key};
use crate::model::Analysis;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// Headings rendered in the tree at most (the rest are counted, not drawn).
pub const MAX_TREE_ITEMS: usize = 3000;

pub fn render_card(app: &App) {
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
    /// `app.renders.tree` when this build began: a newer `render_tree` makes this one stop.
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
        app.renders.tree += 1;
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
        if app.view.expanded.is_empty() && !app.view.expanded.contains(&vec![usize::MAX]) {
            for (i, n) in a.outline.iter().enumerate() {
                if !n.children.is_empty() {
                    app.view.expanded.insert(vec![i]);
                }
            }
            app.view.expanded.insert(vec![usize::MAX]); // marker: defaults applied
        }
        let sel = app.view.selected_heading(&a);
        if logic::node_at(&a.outline, &app.view.tree_focus).is_none() {
            app.view.tree_focus = vec![0];
        }
        Some(TreeBuild {
            counts: logic::target_counts(&a),
            a,
            seq: app.renders.tree,
            sel,
            all,
            drawn: 0,
            levels: vec![(tree, Vec::new(), 0)],
        })
    }

    /// Draws items until the tree is complete (true) or `deadline` has passed (false).
    pub fn run(&mut self, app: &App, deadline: f64) -> bool {
        if app.renders.tree != self.seq {
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
                if app.view.tree_focus == path {
                    "0"
                } else {
                    "-1"
                },
            );
            let expanded = app.view.expanded.contains(path.as_slice());
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

/// The overview panel's containers in `panel`. Returns (card, outline summary, tree).
pub fn build(panel: &Element, l: &mut Labels) -> (Element, Element, Element) {
    let card = add(panel, "div", "card");
    attr(&card, "id", "doc-card");
    let oh = add(panel, "div", "outline-head");
    let h = add(&oh, "h2", "");
    attr(&h, "id", "outline-heading");
    labelled(l, &h, "outline.heading", "");
    button(&oh, "expand-all", "small", "outline.expandAll", l);
    button(&oh, "collapse-all", "small", "outline.collapseAll", l);
    let summary = add(panel, "p", "summary");
    attr(&summary, "id", "outline-summary");
    let tree = add(panel, "ul", "tree");
    attr(&tree, "id", "outline-tree");
    attr(&tree, "role", "tree");
    attr(&tree, "aria-labelledby", "outline-heading");
    (card, summary, tree)
}

/// Expand all / collapse all, and the tree's own clicks and keys.
pub fn wire() {
    let Some((tree, head)) = with_app(move |a| (a.els.tree.clone(), a.els.panels[0].clone()))
    else {
        return;
    };
    on(&head, "click", |e| {
        let Some(b) = dom::closest(&e, "#expand-all, #collapse-all") else {
            return;
        };
        let all = b.id() == "expand-all";
        with_app(move |a| {
            let an = a.analysis.clone();
            a.view
                .expand_all(an.as_ref().map_or(&[][..], |an| &an.outline[..]), all);
            render_tree(a);
        });
    });
    on(&tree, "click", |e| {
        let Some(li) = dom::closest(&e, "[role=treeitem]") else {
            return;
        };
        let path = parse_path(&li.get_attribute("data-path").unwrap_or_default());
        let on_twisty = dom::closest(&e, ".twisty").is_some();
        with_app(move |a| {
            if on_twisty {
                a.view.toggle(&path);
                render_tree(a);
                focus_tree_item(a, path);
            } else {
                a.view.tree_focus = path.clone();
                select_heading(a, &path, true);
            }
        });
    });
    on(&tree, "keydown", |e| {
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        let key = k.key();
        if with_app(move |a| tree_key(a, &key)).unwrap_or(false) {
            e.prevent_default();
        }
    });
}
