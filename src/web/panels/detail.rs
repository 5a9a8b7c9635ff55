//! The detail of the selected target, under the grid and sticky to the viewport's bottom: its
//! sentence with the quantity and the measured thing marked, why it is read so, every field
//! the engine knows, and the reader's corrections.

use super::super::corrections;
use super::super::dom::{self, add, add_text, attr, clear, on};
use super::super::i18n::{fmt, kind_key, tr, Lang};
use super::super::logic;
use super::super::state::{with_app, App};
use super::super::widgets::{labelled, Labels};
use super::{char_slice, deadline_cell, section_label};
use crate::model::Target;
use web_sys::Element;

fn kind_label(lang: Lang, t: &Target) -> &'static str {
    tr(lang, kind_key(t.kind))
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
    row("col.subject", crate::render::or_empty(&t.subject));
    row("col.section", section_label(a, &t.path));
    render_detail_extras(lang, t, &row);
    corrections::render_controls(app, d, t);
}

/// The optional fields of a target in the detail.
fn render_detail_extras(lang: Lang, t: &Target, row: &dyn Fn(&str, String)) {
    row("col.unit", crate::render::or_empty(&t.unit));
    row("detail.action", crate::render::or_empty(&t.action));
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
    row("detail.per", crate::render::or_empty(&t.per));
    row("detail.of", crate::render::or_empty(&t.of));
    row("detail.recurrence", crate::render::or_empty(&t.recurrence));
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

/// The (hidden) detail card at the end of `panel`: after the grid, so the detail of the
/// selected row opens where the reader is, over the grid, whatever its length.
pub fn build(panel: &Element, l: &mut Labels) -> Element {
    let detail = add(panel, "aside", "detail");
    attr(&detail, "id", "target-detail");
    labelled(l, &detail, "detail.heading", "aria-label");
    dom::set_hidden(&detail, true);
    detail
}

/// The close button (back to the grid), and the corrections' controls.
pub fn wire() {
    let Some((detail, add, clear)) = with_app(move |a| {
        (
            a.els.detail.clone(),
            a.els.fix_add.clone(),
            a.els.fix_clear.clone(),
        )
    }) else {
        return;
    };
    corrections::wire(&detail, &add, &clear);
    on(&detail, "click", |e| {
        if dom::closest(&e, "button[data-close]").is_some() {
            with_app(move |a| {
                dom::set_hidden(&a.els.detail, true);
                if let Ok(Some(td)) = a.els.grid.query_selector("td[tabindex=\"0\"]") {
                    dom::focus(&td);
                }
            });
        }
    });
}
