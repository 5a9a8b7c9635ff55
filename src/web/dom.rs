//! Small DOM helpers. User text only ever goes in through [`text`] / `set_text_content` (text
//! nodes), never as HTML; styles only through classes (the CSP forbids style attributes).

use std::cell::Cell;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Document, Element, Event, EventTarget, HtmlElement, Window};

pub fn window() -> Window {
    web_sys::window().expect_throw("no window")
}

pub fn document() -> Document {
    window().document().expect_throw("no document")
}

/// A new element with a class list (space separated, may be empty).
pub fn el(tag: &str, class: &str) -> Element {
    let e = document().create_element(tag).expect_throw("createElement");
    if !class.is_empty() {
        e.set_class_name(class);
    }
    e
}

/// Appends a new element to `parent` and returns it.
pub fn add(parent: &Element, tag: &str, class: &str) -> Element {
    let e = el(tag, class);
    let _ = parent.append_child(&e);
    e
}

/// Appends a new element holding `s` as text.
pub fn add_text(parent: &Element, tag: &str, class: &str, s: &str) -> Element {
    let e = add(parent, tag, class);
    e.set_text_content(Some(s));
    e
}

/// Appends a text node.
pub fn text(parent: &Element, s: &str) {
    let _ = parent.append_child(&document().create_text_node(s));
}

pub fn attr(e: &Element, k: &str, v: &str) {
    let _ = e.set_attribute(k, v);
}

/// The index an element carries in attribute `k` (`data-t`, `data-r`, …), 0 when it has none: the
/// page writes these attributes itself, so a missing one means the first item.
pub fn index_attr(e: &Element, k: &str) -> usize {
    e.get_attribute(k).and_then(|s| s.parse().ok()).unwrap_or(0)
}

pub fn clear(e: &Element) {
    e.set_text_content(None);
}

pub fn set_hidden(e: &Element, hidden: bool) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        h.set_hidden(hidden);
    }
}

pub fn focus(e: &Element) {
    if let Some(h) = e.dyn_ref::<HtmlElement>() {
        let _ = h.focus();
    }
}

/// Adds a listener that lives as long as the page (static chrome and delegated containers only,
/// so nothing leaks on re-render).
pub fn on<T: AsRef<EventTarget>>(target: &T, ty: &str, f: impl FnMut(Event) + 'static) {
    let c = Closure::<dyn FnMut(Event)>::new(f);
    let _ = target
        .as_ref()
        .add_event_listener_with_callback(ty, c.as_ref().unchecked_ref());
    c.forget();
}

/// Keys pressed in a grid's cells (`td[data-r]`): `handle(key, ctrl)` says whether it used the
/// key, and then the browser does not (no scrolling on the arrows).
pub fn on_grid_key(grid: &Element, handle: impl Fn(String, bool) -> bool + 'static) {
    on(grid, "keydown", move |e| {
        if closest(&e, "td[data-r]").is_none() {
            return;
        }
        let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
            return;
        };
        if handle(k.key(), k.ctrl_key() || k.meta_key()) {
            e.prevent_default();
        }
    });
}

/// Runs `f` once after `ms` milliseconds; returns the timer id.
pub fn after(ms: i32, f: impl FnOnce() + 'static) -> i32 {
    let c = Closure::once_into_js(f);
    window()
        .set_timeout_with_callback_and_timeout_and_arguments_0(c.unchecked_ref(), ms)
        .unwrap_or(0)
}

/// Runs `f` once in a task after the next frame has been laid out and painted (a
/// `requestAnimationFrame` callback runs just before that frame's layout; the zero-delay timer
/// it sets runs after it), so DOM added before and DOM added by `f` are not laid out in one
/// go. A page without frames (a background tab) falls back to a 100 ms timer.
pub fn after_frame<F: FnOnce() + 'static>(f: F) {
    let once = Rc::new(Cell::new(Some(f)));
    let run = move || {
        if let Some(f) = once.take() {
            f();
        }
    };
    let run2 = run.clone();
    let raf = Closure::once_into_js(move || {
        after(0, run2);
    });
    let _ = window().request_animation_frame(raf.unchecked_ref());
    after(100, run);
}

pub fn cancel(timer: i32) {
    window().clear_timeout_with_handle(timer);
}

/// The nearest ancestor-or-self of the event target matching `selector`.
pub fn closest(ev: &Event, selector: &str) -> Option<Element> {
    ev.target()?
        .dyn_into::<Element>()
        .ok()
        .or_else(|| None)?
        .closest(selector)
        .ok()
        .flatten()
}

/// Dispatches `CustomEvent(name, {detail})` on the window: how the page tells tools and the
/// lazily imported corpus panel what happened, and how they answer.
pub fn dispatch(name: &str, detail: &JsValue) {
    let init = web_sys::CustomEventInit::new();
    init.set_detail(detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
        let _ = window().dispatch_event(&ev);
    }
}

/// The text of a JS error (its `message`, or the value itself when it is a string).
pub fn error_text(e: &JsValue) -> String {
    js_sys::Reflect::get(e, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .or_else(|| e.as_string())
        .unwrap_or_else(|| format!("{e:?}"))
}

/// Milliseconds since page start, for the status line's timing.
pub fn now() -> f64 {
    window().performance().map(|p| p.now()).unwrap_or(0.0)
}

/// Offers `content` as a file download (Blob + object URL + a temporary `<a download>`).
pub fn download(name: &str, mime: &str, content: &str) {
    download_part(name, mime, &JsValue::from_str(content));
}

/// Offers `bytes` as a file download.
pub fn download_bytes(name: &str, mime: &str, bytes: &[u8]) {
    download_part(name, mime, &js_sys::Uint8Array::from(bytes));
}

/// A download of one Blob part: a string or a byte array (the Blob constructor takes either,
/// whatever the binding's name says).
fn download_part(name: &str, mime: &str, part: &JsValue) {
    let parts = js_sys::Array::of1(part);
    let opts = web_sys::BlobPropertyBag::new();
    opts.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &opts) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    let a = el("a", "");
    attr(&a, "href", &url);
    attr(&a, "download", name);
    if let Some(body) = document().body() {
        let _ = body.append_child(&a);
        if let Some(h) = a.dyn_ref::<HtmlElement>() {
            h.click();
        }
        a.remove();
    }
    // revoke later: the download has to start first
    after(30_000, move || {
        let _ = web_sys::Url::revoke_object_url(&url);
    });
}

/// A Promise-based sleep, so async code can yield to the browser.
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}
