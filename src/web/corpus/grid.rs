//! Every target of every document in one grid: a document column, filters by kind, text and
//! document, at most [`MAX_ROWS`] rows drawn (the count says how many match). Clicking a row opens
//! that document in the page at that target (`planlens:corpus-open`).

use super::dom::{self, add, add_text, attr};
use super::i18n::{fmt, num, tr, Lang};
use super::read::{get, get_str, items};
use super::widgets::fill_select;
use wasm_bindgen::{JsCast, JsValue};
use web_sys::Element;

/// Rows drawn at most: a hundred plans hold thousands of targets.
const MAX_ROWS: usize = 100;
/// The target kinds of `planlens/1`, in the page's order.
const KINDS: [&str; 7] = [
    "count", "percent", "change", "money", "duration", "deadline", "coverage",
];

/// A target as the grid shows it (read from the document's `planlens/1` analysis).
#[derive(Debug, Clone, Default)]
pub struct Target {
    /// Its index in the document's `targets`.
    pub index: usize,
    pub text: String,
    pub kind: String,
    pub subject: String,
    pub deadline: String,
}

/// The grid's filters: a kind, words of the text or subject, a document (by name).
#[derive(Debug, Clone, Default)]
pub struct Filter {
    pub kind: String,
    pub text: String,
    pub document: String,
}

impl Filter {
    fn keeps(&self, doc: &str, t: &Target) -> bool {
        (self.kind.is_empty() || t.kind == self.kind)
            && (self.document.is_empty() || doc == self.document)
            && (self.text.is_empty()
                || t.text.contains(&self.text)
                || t.subject.contains(&self.text)
                || doc.contains(&self.text))
    }
}

/// The targets of a parsed `planlens/1` analysis.
pub fn targets(analysis: &JsValue) -> Vec<Target> {
    items(&get(analysis, "targets"))
        .iter()
        .enumerate()
        .map(|(index, t)| Target {
            index,
            text: get_str(t, "text"),
            kind: get_str(t, "kind"),
            subject: get_str(t, "subject"),
            deadline: get_str(t, "deadline"),
        })
        .collect()
}

/// A labelled select of `options` (value, text) with `chosen` selected: the grid's filters and
/// the list's reference picker.
pub fn select(parent: &Element, id: &str, label: &str, options: &[(String, String)], chosen: &str) {
    let lab = add_text(parent, "label", "", label);
    attr(&lab, "for", id);
    let sel = add(parent, "select", "");
    attr(&sel, "id", id);
    fill_select(sel.unchecked_ref(), options, chosen);
}

/// The filter bar, built once per render of the panel (the text box keeps its focus: the rows
/// are redrawn apart, by [`rows`]).
pub fn filters(pane: &Element, f: &Filter, docs: &[&str], l: Lang) {
    let bar = add(pane, "div", "toolbar corpus-filters");
    let all = tr(l, "corpus.f.all").to_string();
    let mut kinds = vec![(String::new(), all.clone())];
    kinds.extend(
        KINDS
            .iter()
            .map(|k| (k.to_string(), tr(l, &format!("kind.{k}")).to_string())),
    );
    select(
        &bar,
        "corpus-f-kind",
        tr(l, "corpus.f.kind"),
        &kinds,
        &f.kind,
    );
    let mut names = vec![(String::new(), all)];
    names.extend(docs.iter().map(|d| (d.to_string(), d.to_string())));
    select(
        &bar,
        "corpus-f-doc",
        tr(l, "corpus.f.document"),
        &names,
        &f.document,
    );
    let lab = add_text(&bar, "label", "", tr(l, "corpus.f.text"));
    attr(&lab, "for", "corpus-f-text");
    let input = add(&bar, "input", "");
    attr(&input, "id", "corpus-f-text");
    attr(&input, "type", "search");
    attr(&input, "value", &f.text);
}

/// Draws the rows of `docs` (name, targets) that `f` keeps into `body`, with the count in `note`.
pub fn rows(body: &Element, note: &Element, docs: &[(&str, &[Target])], f: &Filter, l: Lang) {
    dom::clear(body);
    let mut n = 0;
    for (d, (name, ts)) in docs.iter().enumerate() {
        for t in ts.iter().filter(|t| f.keeps(name, t)) {
            n += 1;
            if n > MAX_ROWS {
                continue;
            }
            let r = add(body, "tr", "corpus-row");
            attr(&r, "data-doc", &d.to_string());
            attr(&r, "data-t", &t.index.to_string());
            attr(&r, "tabindex", "0");
            attr(&r, "title", &fmt(l, "corpus.open", &[("f", name)]));
            add_text(&r, "td", "corpus-doc", name);
            add_text(&r, "td", "", &t.text);
            let kind = if t.kind.is_empty() {
                String::new()
            } else {
                tr(l, &format!("kind.{}", t.kind)).to_string()
            };
            add_text(&r, "td", "", &kind);
            add_text(&r, "td", "", &t.subject);
            add_text(&r, "td", "", &t.deadline);
        }
    }
    let msg = if n > MAX_ROWS {
        fmt(
            l,
            "corpus.gridShown",
            &[("k", &num(MAX_ROWS)), ("n", &num(n))],
        )
    } else {
        fmt(l, "corpus.grid", &[("n", &num(n))])
    };
    note.set_text_content(Some(&msg));
}

/// The grid's table with its head; the rows go into the returned `tbody`.
pub fn table(pane: &Element, l: Lang) -> (Element, Element) {
    let note = add(pane, "h3", "");
    attr(&note, "id", "corpus-grid-count");
    let wrap = add(pane, "div", "cmp-grid-wrap corpus-grid-wrap");
    let t = add(&wrap, "table", "grid corpus-grid");
    attr(&t, "id", "corpus-grid");
    let hr = add(&add(&t, "thead", ""), "tr", "");
    for k in [
        "corpus.col.document",
        "corpus.col.target",
        "corpus.col.kind",
        "corpus.col.subject",
        "corpus.col.deadline",
    ] {
        add_text(&hr, "th", "", tr(l, k));
    }
    (add(&t, "tbody", ""), note)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn filters_keep_by_kind_document_and_words() {
        let t = Target {
            text: "新建幼儿园120所".into(),
            kind: "count".into(),
            subject: "幼儿园".into(),
            ..Target::default()
        };
        let f = |kind: &str, text: &str, document: &str| Filter {
            kind: kind.into(),
            text: text.into(),
            document: document.into(),
        };
        assert!(f("", "", "").keeps("a.txt", &t));
        assert!(f("count", "幼儿园", "a.txt").keeps("a.txt", &t));
        assert!(!f("percent", "", "").keeps("a.txt", &t));
        assert!(!f("", "", "b.txt").keeps("a.txt", &t));
        assert!(!f("", "高中", "").keeps("a.txt", &t));
    }
}
