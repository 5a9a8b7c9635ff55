//! The timeline tab: the targets grouped by the day they are due, each one a button that
//! selects it.

use super::super::dom::{self, add, add_text, attr, clear, on};
use super::super::i18n::{fmt, num, tr};
use super::super::logic;
use super::super::selection::select_target;
use super::super::state::{with_app, App};
use super::section_label;
use web_sys::Element;

/// Timeline entries drawn at most.
pub const MAX_TIMELINE: usize = 500;

pub fn render_timeline(app: &App) {
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

/// The timeline's container in `panel`.
pub fn build(panel: &Element) -> Element {
    let timeline = add(panel, "div", "timeline");
    attr(&timeline, "id", "timeline");
    timeline
}

/// A click on an entry selects its target.
pub fn wire() {
    let Some(timeline) = with_app(move |a| a.els.timeline.clone()) else {
        return;
    };
    on(&timeline, "click", |e| {
        let Some(b) = dom::closest(&e, "[data-t]") else {
            return;
        };
        let i: usize = dom::index_attr(&b, "data-t");
        with_app(move |a| select_target(a, i, true, false));
    });
}
