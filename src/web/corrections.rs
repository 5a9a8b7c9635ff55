//! A reader's corrections: "not a target", edited fields, targets added from a selection in the
//! source text. Kept in this browser's IndexedDB per document (by a hash of its text), applied
//! to the analysis the page shows ([`logic::apply_corrections`]), flagged in every export.
//! IndexedDB is reached through `js_sys` reflection: no extra web-sys bindings in the wasm.

use super::doc::analyze_now;
use super::dom::{self, add, add_text, attr, clear, on};
use super::i18n::{tr, Lang};
use super::logic::{self, Correction, FLAG_ADDED, FLAG_REMOVED, KINDS};
use super::state::{with_app, App};
use super::status::set_status;
use crate::model::Target;
use js_sys::{Function, Promise, Reflect};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

const DB: &str = "planlens";
const STORE: &str = "corrections";

/// `obj[name](...args)`.
fn call(obj: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(obj, &name.into())?.dyn_into()?;
    let a = js_sys::Array::new();
    for x in args {
        a.push(x);
    }
    f.apply(obj, &a)
}

/// A Promise for an IDBRequest: its `result`, or its error.
fn request(req: JsValue) -> Promise {
    Promise::new(&mut |resolve: Function, reject: Function| {
        let r = req.clone();
        let ok = Closure::once_into_js(move |_: JsValue| {
            let v = Reflect::get(&r, &"result".into()).unwrap_or(JsValue::NULL);
            let _ = resolve.call1(&JsValue::NULL, &v);
        });
        let r = req.clone();
        let bad = Closure::once_into_js(move |_: JsValue| {
            let v = Reflect::get(&r, &"error".into()).unwrap_or(JsValue::NULL);
            let _ = reject.call1(&JsValue::NULL, &v);
        });
        let _ = Reflect::set(&req, &"onsuccess".into(), &ok);
        let _ = Reflect::set(&req, &"onerror".into(), &bad);
    })
}

/// The object store, opened for `mode` (`readonly` / `readwrite`).
async fn store(mode: &str) -> Result<JsValue, JsValue> {
    let idb = Reflect::get(&dom::window(), &"indexedDB".into())?;
    let open = call(&idb, "open", &[DB.into(), 1.into()])?;
    let o = open.clone();
    let upgrade = Closure::once_into_js(move |_: JsValue| {
        if let Ok(db) = Reflect::get(&o, &"result".into()) {
            let _ = call(&db, "createObjectStore", &[STORE.into()]);
        }
    });
    Reflect::set(&open, &"onupgradeneeded".into(), &upgrade)?;
    let db = wasm_bindgen_futures::JsFuture::from(request(open)).await?;
    let tx = call(&db, "transaction", &[STORE.into(), mode.into()])?;
    call(&tx, "objectStore", &[STORE.into()])
}

/// The corrections kept for the document `key` (none when storage is unavailable).
async fn load(key: &str) -> Vec<Correction> {
    let got = async {
        let s = store("readonly").await?;
        wasm_bindgen_futures::JsFuture::from(request(call(&s, "get", &[key.into()])?)).await
    }
    .await;
    got.ok()
        .and_then(|v| v.as_string())
        .map(|s| logic::decode_corrections(&s))
        .unwrap_or_default()
}

/// Keeps (or, when empty, forgets) the corrections of document `key`.
async fn save(key: String, cs: Vec<Correction>) {
    let r = async {
        let s = store("readwrite").await?;
        let req = if cs.is_empty() {
            call(&s, "delete", &[key.as_str().into()])?
        } else {
            let lines = logic::encode_corrections(&cs);
            call(&s, "put", &[lines.into(), key.as_str().into()])?
        };
        wasm_bindgen_futures::JsFuture::from(request(req)).await
    }
    .await;
    if r.is_err() {
        set_status("fix.saveFailed", vec![], true);
    }
}

/// A key for a text: its length and a 64-bit hash of its bytes.
pub fn content_key(text: &str) -> String {
    let h = text.bytes().fold(0xcbf2_9ce4_8422_2325_u64, |h, b| {
        (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
    });
    format!("{h:016x}-{}", text.len())
}

/// A new analysis of `app.text` arrived: apply the corrections known for the text (loaded
/// first when the text changed, then the text is analysed again with them).
pub fn on_analysis(app: &mut App, mut a: crate::model::Analysis) {
    let key = content_key(&app.text);
    let fresh = key != app.doc_key;
    if fresh {
        app.doc_key = key.clone();
        app.corrections.clear();
    }
    logic::apply_corrections(&mut a, &app.text, &app.corrections);
    app.analysis = Some(Rc::new(a));
    if fresh {
        wasm_bindgen_futures::spawn_local(async move {
            let cs = load(&key).await;
            if cs.is_empty() {
                return;
            }
            let ours = with_app(move |app| {
                let ours = app.doc_key == key;
                if ours {
                    app.corrections = cs;
                }
                ours
            });
            if ours == Some(true) {
                analyze_now(true);
            }
        });
    }
}

/// Changes the corrections, keeps them, and shows the text analysed again with them (after
/// this event: the analysis takes the app state itself).
fn change(app: &mut App, f: impl FnOnce(&mut Vec<Correction>)) {
    f(&mut app.corrections);
    wasm_bindgen_futures::spawn_local(save(app.doc_key.clone(), app.corrections.clone()));
    dom::after(0, || analyze_now(true));
}

/// Which target a correction is about: its quantity as written, its start, whether a reader
/// added it.
type Which = (String, usize, bool);

/// The correction of target `w` (an engine's or an added one), made if there is none.
fn entry<'a>(cs: &'a mut Vec<Correction>, w: &Which) -> &'a mut Correction {
    let pos = cs
        .iter()
        .position(|c| c.text == w.0 && c.start == w.1 && c.added == w.2);
    match pos {
        Some(p) => &mut cs[p],
        None => {
            cs.push(Correction {
                text: w.0.clone(),
                start: w.1,
                ..Correction::default()
            });
            let last = cs.len() - 1;
            &mut cs[last]
        }
    }
}

/// The correction controls under the detail of target `t`.
pub fn render_controls(app: &App, d: &Element, t: &Target) {
    let lang = app.lang;
    let flag = logic::corrected_flag(t);
    let bar = add(d, "div", "fix-bar");
    if let Some(f) = flag {
        add_text(&bar, "span", "fix-state", tr(lang, state_key(f)));
    }
    let b = |key: &str, act: &str| {
        let e = add_text(&bar, "button", "small", tr(lang, key));
        attr(&e, "type", "button");
        attr(&e, "data-fix", act);
    };
    if flag == Some(FLAG_REMOVED) {
        b("fix.restore", "restore");
    } else {
        b("fix.reject", "reject");
        b("fix.edit", "edit");
    }
    if flag.is_some() {
        b("fix.clear", "clear");
    }
    let form = add(d, "form", "fix-form");
    attr(&form, "id", "fix-form");
    dom::set_hidden(&form, true);
    let field = |key: &str, id: &str, v: &str| {
        let l = add(&form, "label", "field");
        add_text(&l, "span", "field-label", tr(lang, key));
        let i = add(&l, "input", "");
        attr(&i, "id", id);
        attr(&i, "value", v);
    };
    field(
        "col.subject",
        "fix-subject",
        t.subject.as_deref().unwrap_or(""),
    );
    field(
        "col.deadline",
        "fix-deadline",
        t.deadline.as_deref().unwrap_or(""),
    );
    field(
        "col.value",
        "fix-value",
        &t.value.map(|v| v.to_string()).unwrap_or_default(),
    );
    let sel = |key: &str, id: &str, opts: Vec<(String, String)>, v: String| {
        let l = add(&form, "label", "field");
        add_text(&l, "span", "field-label", tr(lang, key));
        let s = add(&l, "select", "");
        attr(&s, "id", id);
        for (val, label) in opts {
            let o = add_text(&s, "option", "", &label);
            attr(&o, "value", &val);
            if val == v {
                attr(&o, "selected", "");
            }
        }
    };
    let kinds = KINDS
        .iter()
        .map(|k| {
            (
                logic::kind_name(*k).to_string(),
                tr(lang, super::i18n::kind_key(*k)).to_string(),
            )
        })
        .collect();
    sel(
        "col.kind",
        "fix-kind",
        kinds,
        logic::kind_name(t.kind).into(),
    );
    let cmps = logic::COMPARATORS;
    let mut copts = vec![(String::new(), "—".to_string())];
    copts.extend(cmps.iter().map(|c| {
        (
            logic::comparator_name(*c).to_string(),
            tr(lang, logic::comparator_key(*c)).to_string(),
        )
    }));
    sel(
        "col.comparator",
        "fix-comparator",
        copts,
        t.comparator
            .map(logic::comparator_name)
            .unwrap_or("")
            .into(),
    );
    let save = add_text(&form, "button", "small primary", tr(lang, "fix.save"));
    attr(&save, "type", "submit");
    let cancel = add_text(&form, "button", "small", tr(lang, "fix.cancel"));
    attr(&cancel, "type", "button");
    attr(&cancel, "data-fix", "cancel");
}

fn state_key(flag: &str) -> &'static str {
    match flag {
        FLAG_REMOVED => "fix.state.removed",
        FLAG_ADDED => "fix.state.added",
        _ => "fix.state.corrected",
    }
}

fn input_value(root: &Element, id: &str) -> String {
    root.query_selector(&format!("#{id}"))
        .ok()
        .flatten()
        .and_then(|e| Reflect::get(&e, &"value".into()).ok())
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The selected target of the detail.
fn selected(app: &App) -> Option<Which> {
    let a = app.analysis.as_ref()?;
    let t = a.targets.get(app.view.selected_target(a)?)?;
    let added = logic::corrected_flag(t) == Some(FLAG_ADDED);
    Some((t.text.clone(), t.span[0], added))
}

/// Wires the correction controls (delegated on the detail) and the "add the selection" button.
pub fn wire(detail: &Element, add_btn: &Element, clear_all: &Element) {
    on(detail, "click", |e| {
        let Some(b) = dom::closest(&e, "button[data-fix]") else {
            return;
        };
        let act = b.get_attribute("data-fix").unwrap_or_default();
        with_app(move |app| act_on(app, &act));
    });
    on(detail, "submit", |e| {
        e.prevent_default();
        with_app(move |app| {
            let Some(t) = selected(app) else { return };
            let d = app.els.detail.clone();
            let subject = input_value(&d, "fix-subject");
            let deadline = input_value(&d, "fix-deadline");
            let value = input_value(&d, "fix-value").trim().parse::<f64>().ok();
            let kind = input_value(&d, "fix-kind");
            let cmp = input_value(&d, "fix-comparator");
            change(app, |cs| {
                let c = entry(cs, &t);
                c.subject = Some(subject);
                c.deadline = Some(deadline);
                c.value = value.or(c.value);
                c.kind = KINDS.iter().copied().find(|k| logic::kind_name(*k) == kind);
                c.comparator = logic::COMPARATORS
                    .into_iter()
                    .find(|x| logic::comparator_name(*x) == cmp);
            });
        });
    });
    on(add_btn, "click", |_| {
        let Some((s, e, text)) = with_app(|app| selection_in(&app.els.text_view)).flatten() else {
            set_status("fix.selectFirst", vec![], true);
            return;
        };
        with_app(move |app| {
            change(app, |cs| {
                cs.push(Correction {
                    text,
                    start: s,
                    end: e,
                    added: true,
                    ..Correction::default()
                })
            });
        });
        set_status("fix.added", vec![], false);
    });
    on(clear_all, "click", |_| {
        with_app(|app| change(app, |cs| cs.clear()));
    });
}

fn act_on(app: &mut App, act: &str) {
    let Some(t) = selected(app) else { return };
    match act {
        "reject" => change(app, |cs| entry(cs, &t).removed = true),
        "restore" => change(app, |cs| entry(cs, &t).removed = false),
        "clear" => change(app, |cs| {
            cs.retain(|c| !(c.text == t.0 && c.start == t.1 && c.added == t.2))
        }),
        "edit" | "cancel" => {
            if let Ok(Some(f)) = app.els.detail.query_selector("#fix-form") {
                dom::set_hidden(&f, act == "cancel");
                if act == "edit" {
                    if let Ok(Some(i)) = f.query_selector("input") {
                        dom::focus(&i);
                    }
                }
            }
        }
        _ => {}
    }
}

/// The selection inside the source text view as char offsets and its text.
fn selection_in(view: &Element) -> Option<(usize, usize, String)> {
    let win: JsValue = dom::window().into();
    let sel = call(&win, "getSelection", &[]).ok()?;
    let n = Reflect::get(&sel, &"rangeCount".into()).ok()?.as_f64()?;
    if n < 1.0 {
        return None;
    }
    let r = call(&sel, "getRangeAt", &[0.into()]).ok()?;
    let text = call(&r, "toString", &[]).ok()?.as_string()?;
    let sc = Reflect::get(&r, &"startContainer".into()).ok()?;
    let node: &web_sys::Node = view.as_ref();
    if !node.contains(sc.dyn_ref::<web_sys::Node>()) || text.trim().is_empty() {
        return None;
    }
    let doc: JsValue = dom::document().into();
    let pre = call(&doc, "createRange", &[]).ok()?;
    call(&pre, "setStart", &[view.clone().into(), 0.into()]).ok()?;
    let so = Reflect::get(&r, &"startOffset".into()).ok()?;
    call(&pre, "setEnd", &[sc, so]).ok()?;
    let s = call(&pre, "toString", &[])
        .ok()?
        .as_string()?
        .chars()
        .count();
    let len = text.chars().count();
    Some((s, s + len, text))
}

/// The "clear all corrections" button shows only when there are some.
pub fn render_summary(app: &App, clear_all: &Element, lang: Lang) {
    let n = app.corrections.len();
    dom::set_hidden(clear_all, n == 0);
    clear(clear_all);
    dom::text(
        clear_all,
        &super::i18n::fmt(lang, "fix.clearAll", &[("n", &n.to_string())]),
    );
}
