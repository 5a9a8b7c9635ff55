//! The keywords tab: what each section is about, computed on first view in the engine's
//! keywords module (its dictionary fetched on first use only).

use super::super::dom::{self, add, add_text, attr, clear, on};
use super::super::engine;
use super::super::i18n::{fmt, tr};
use super::super::selection::select_heading;
use super::super::state::{with_app, App, KwState};
use super::super::widgets::{labelled, Labels};
use super::{parse_path, path_key};
use web_sys::Element;

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

/// Computes the keywords of the current text when the keywords tab is shown (the dictionary is
/// fetched on first use only).
pub fn load_keywords() {
    let Some((gen, text)) = with_app(move |app| {
        let busy = matches!(app.kw, KwState::Loading(g) | KwState::Ready(g, _) if g == app.gen);
        if busy || app.analysis.is_none() {
            return None;
        }
        app.kw = KwState::Loading(app.gen);
        render_keywords(app);
        Some((app.gen, app.text.clone()))
    })
    .flatten() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let r = engine::keywords(text).await;
        with_app(move |app| {
            if app.gen != gen {
                return;
            }
            app.kw = match r {
                Ok(v) => KwState::Ready(gen, v),
                Err(e) => KwState::Failed(e),
            };
            render_keywords(app);
        });
    });
}

/// The keywords' note and container in `panel`.
pub fn build(panel: &Element, l: &mut Labels) -> Element {
    let note = add(panel, "p", "summary");
    labelled(l, &note, "kw.note", "");
    let keywords = add(panel, "div", "keywords");
    attr(&keywords, "id", "keywords");
    keywords
}

/// A section's title selects its heading.
pub fn wire() {
    let Some(kw) = with_app(move |a| a.els.keywords.clone()) else {
        return;
    };
    on(&kw, "click", |e| {
        let Some(b) = dom::closest(&e, "button[data-h]") else {
            return;
        };
        let p = parse_path(&b.get_attribute("data-h").unwrap_or_default());
        with_app(move |a| select_heading(a, &p, true));
    });
}
