//! The document list: one row per document (its title, issuers, date, counts, state and verdicts
//! against the reference), sortable by column, each removable. The first rows are drawn at once
//! and the others a slice per task, and a row that changes is redrawn alone.

use super::dom::{self, add, add_text, attr};
use super::grid::select;
use super::i18n::{fmt, lang, num, tr, Lang};
use super::state::{with, Corpus, Doc, State};
use web_sys::Element;

/// Document rows drawn in one slice (the first at once, the others a slice per task).
pub const FIRST_ROWS: usize = 25;

/// A column of the document list to sort by.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub enum SortBy {
    #[default]
    Name,
    Title,
    Issuers,
    Date,
    Headings,
    Targets,
    Warnings,
}

impl SortBy {
    pub const ALL: [(SortBy, &'static str); 7] = [
        (SortBy::Name, "corpus.col.file"),
        (SortBy::Title, "corpus.col.title"),
        (SortBy::Issuers, "corpus.col.issuers"),
        (SortBy::Date, "corpus.col.date"),
        (SortBy::Headings, "corpus.col.headings"),
        (SortBy::Targets, "corpus.col.targets"),
        (SortBy::Warnings, "corpus.col.warnings"),
    ];

    pub fn cmp(self, a: &Doc, b: &Doc) -> std::cmp::Ordering {
        let (x, y) = (&a.info, &b.info);
        match self {
            SortBy::Name => a.name.cmp(&b.name),
            SortBy::Title => x.title.cmp(&y.title),
            SortBy::Issuers => x.issuers.cmp(&y.issuers),
            SortBy::Date => x.date.cmp(&y.date),
            SortBy::Headings => x.headings.cmp(&y.headings),
            SortBy::Targets => x.targets.cmp(&y.targets),
            SortBy::Warnings => x.warnings.cmp(&y.warnings),
        }
        .then_with(|| a.name.cmp(&b.name))
    }
}

/// Draws the reference picker and the document list; returns the documents whose rows are
/// still to be appended (see [`append_docs`]).
pub fn render_docs(c: &Corpus, pane: &Element, l: Lang) -> Vec<String> {
    let mut options = vec![(String::new(), tr(l, "corpus.noReference").to_string())];
    let done = c.docs.iter().filter(|d| d.state == State::Done);
    options.extend(done.map(|d| (d.name.clone(), d.name.clone())));
    let bar = add(pane, "div", "toolbar");
    let chosen = c.reference.as_deref().unwrap_or("");
    let label = tr(l, "corpus.reference");
    select(&bar, "corpus-reference", label, &options, chosen);
    let wrap = add(pane, "div", "cmp-grid-wrap corpus-docs-wrap");
    let t = add(&wrap, "table", "grid corpus-docs");
    attr(&t, "id", "corpus-docs");
    let hr = add(&add(&t, "thead", ""), "tr", "");
    for (i, (by, k)) in SortBy::ALL.iter().enumerate() {
        let th = add_text(&hr, "th", "sortable", tr(l, k));
        attr(&th, "data-sort", &i.to_string());
        if c.sort.0 == *by {
            let dir = if c.sort.1 { "descending" } else { "ascending" };
            attr(&th, "aria-sort", dir);
        }
    }
    for k in ["corpus.col.state", "corpus.col.versus", ""] {
        add_text(&hr, "th", "", if k.is_empty() { "" } else { tr(l, k) });
    }
    let body = add(&t, "tbody", "");
    let mut docs: Vec<&Doc> = c.docs.iter().collect();
    let (by, desc) = c.sort;
    docs.sort_by(|a, b| {
        let o = by.cmp(a, b);
        if desc {
            o.reverse()
        } else {
            o
        }
    });
    for d in docs.iter().take(FIRST_ROWS) {
        let _ = body.append_child(&doc_row(c, d, l));
    }
    docs.iter()
        .skip(FIRST_ROWS)
        .map(|d| d.name.clone())
        .collect()
}

/// Appends the rows of `names` to the document list a slice at a time (the first
/// [`FIRST_ROWS`] are drawn at once); stops when the panel is drawn anew.
pub async fn append_docs(names: Vec<String>, drawn: u64) {
    let l = lang();
    for chunk in names.chunks(FIRST_ROWS) {
        dom::sleep(0).await;
        let go = with(|c| {
            if c.drawn != drawn {
                return false;
            }
            let Some(body) = dom::document()
                .query_selector("#corpus-docs tbody")
                .ok()
                .flatten()
            else {
                return false;
            };
            for n in chunk {
                if let Some(d) = c.docs.iter().find(|d| &d.name == n) {
                    let _ = body.append_child(&doc_row(c, d, l));
                }
            }
            true
        });
        if go != Some(true) {
            return;
        }
    }
}

/// Redraws one document's row of the list.
pub fn render_doc_row(name: &str) {
    let l = lang();
    with(|c| {
        let (Some(d), Some(tbody)) = (
            c.docs.iter().find(|d| d.name == name),
            dom::document()
                .query_selector("#corpus-docs tbody")
                .ok()
                .flatten(),
        ) else {
            return;
        };
        let rows = tbody.children();
        let old = (0..rows.length())
            .filter_map(|i| rows.item(i))
            .find(|r| r.get_attribute("data-name").as_deref() == Some(name));
        // a row not drawn yet is drawn as it is now by [`append_docs`]
        if let Some(o) = old {
            let _ = o.replace_with_with_node_1(&doc_row(c, d, l));
        }
    });
}

/// One document's row of the list.
pub fn doc_row(c: &Corpus, d: &Doc, l: Lang) -> Element {
    let failed = matches!(d.state, State::Failed(_));
    let tr_ = dom::el("tr", if failed { "corpus-failed" } else { "" });
    attr(&tr_, "data-name", &d.name);
    add_text(&tr_, "td", "", &d.name);
    add_text(&tr_, "td", "", &d.info.title);
    add_text(&tr_, "td", "", &d.info.issuers);
    add_text(&tr_, "td", "", &d.info.date);
    let done = d.state == State::Done;
    let count = |n: usize| if done { num(n) } else { String::new() };
    add_text(&tr_, "td", "num", &count(d.info.headings));
    add_text(&tr_, "td", "num", &count(d.info.targets));
    add_text(&tr_, "td", "num", &count(d.info.warnings));
    let st = add_text(&tr_, "td", "corpus-state", &state_text(&d.state, l));
    if failed {
        attr(&st, "role", "alert");
    }
    add_text(&tr_, "td", "", &versus(c, &d.name, l));
    let td = add(&tr_, "td", "");
    let b = add_text(&td, "button", "small", tr(l, "corpus.remove"));
    attr(&b, "type", "button");
    attr(&b, "data-remove", &d.name);
    attr(
        &b,
        "aria-label",
        &fmt(l, "corpus.removeOne", &[("f", &d.name)]),
    );
    tr_
}

pub fn state_text(s: &State, l: Lang) -> String {
    match s {
        State::Waiting => tr(l, "corpus.st.waiting").into(),
        State::Reading => tr(l, "corpus.st.reading").into(),
        State::Analysing => tr(l, "corpus.st.analysing").into(),
        State::Done => tr(l, "corpus.st.done").into(),
        State::Failed(e) => e.clone(),
    }
}

/// A document's verdicts against the reference, in one line ("参照" for the reference itself).
pub fn versus(c: &Corpus, name: &str, l: Lang) -> String {
    if c.reference.as_deref() == Some(name) {
        return tr(l, "corpus.isReference").into();
    }
    let Some(v) = c.view.as_ref() else {
        return String::new();
    };
    let Some(n) = v
        .documents
        .iter()
        .find(|d| d.name == name)
        .and_then(|d| d.versus)
    else {
        return String::new();
    };
    [
        "cmp.st.met",
        "cmp.st.weaker",
        "cmp.st.missing",
        "cmp.st.extra",
    ]
    .iter()
    .zip(n)
    .map(|(k, x)| format!("{} {}", tr(l, k), x))
    .collect::<Vec<_>>()
    .join(" · ")
}
