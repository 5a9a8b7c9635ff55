//! "Link with the text": a link whose fragment carries the plan's own text, deflated by the
//! browser's `CompressionStream('deflate-raw')` and written as base64url (`#…&z=…`). A fragment
//! is never sent to a server, so the text still goes nowhere but to whoever gets the link.
//! Opt-in (a button), and only for short plans ([`logic::MAX_PACKED`]): a longer one is told so.
//! The streams are reached through `js_sys` (no extra web-sys features, no script file).

use super::state::with_app;
use super::status::set_status;
use super::{doc, dom, i18n, logic};
use js_sys::{Array, Function, Reflect, Uint8Array};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// `obj.name(...args)`.
fn call(obj: &JsValue, name: &str, args: &Array) -> Result<JsValue, JsValue> {
    let f: Function = Reflect::get(obj, &name.into())?.dyn_into()?;
    f.apply(obj, args)
}

/// The bytes of `part` (a string or bytes) through a `CompressionStream` or
/// `DecompressionStream` (`ctor`) in `deflate-raw`.
async fn through(ctor: &str, part: &JsValue) -> Result<Response, JsValue> {
    let global = js_sys::global();
    let class: Function = Reflect::get(&global, &ctor.into())?.dyn_into()?;
    let stream = Reflect::construct(&class, &Array::of1(&"deflate-raw".into()))?;
    let blob = web_sys::Blob::new_with_blob_sequence(&Array::of1(part))?;
    let piped = call(
        &call(&blob, "stream", &Array::new())?,
        "pipeThrough",
        &Array::of1(&stream),
    )?;
    let resp: Function = Reflect::get(&global, &"Response".into())?.dyn_into()?;
    Ok(Response(Reflect::construct(&resp, &Array::of1(&piped))?))
}

struct Response(JsValue);

impl Response {
    async fn read(&self, how: &str) -> Result<JsValue, JsValue> {
        let p: js_sys::Promise = call(&self.0, how, &Array::new())?.dyn_into()?;
        JsFuture::from(p).await
    }
}

/// `text` deflated and in base64url.
async fn pack(text: &str) -> Result<String, JsValue> {
    let buf = through("CompressionStream", &JsValue::from_str(text))
        .await?
        .read("arrayBuffer")
        .await?;
    Ok(logic::b64url_encode(&Uint8Array::new(&buf).to_vec()))
}

/// [`pack`]'s inverse; `Err` for anything that is not such a text.
async fn unpack(packed: &str) -> Result<String, JsValue> {
    let bytes = logic::b64url_decode(packed).ok_or_else(|| JsValue::from_str("base64url"))?;
    let part: JsValue = Uint8Array::from(bytes.as_slice()).into();
    let t = through("DecompressionStream", &part)
        .await?
        .read("text")
        .await?;
    t.as_string().ok_or_else(|| JsValue::from_str("text"))
}

/// Makes the link for the current text: it replaces the address (no new history entry) and is
/// copied to the clipboard when the browser allows; a text too long for a link is refused with
/// its size.
pub fn make_link() {
    let Some(text) = with_app(|app| app.text.clone()).filter(|t| !t.trim().is_empty()) else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let packed = match pack(&text).await {
            Ok(p) => p,
            Err(_) => return set_status("status.shareFailed", vec![], true),
        };
        let kb = |n: usize| i18n::num(n.div_ceil(1024));
        if packed.len() > logic::MAX_PACKED {
            let args = vec![("n", kb(packed.len())), ("max", kb(logic::MAX_PACKED))];
            return set_status("status.shareTooLong", args, true);
        }
        let loc = dom::window().location();
        let view = loc.hash().unwrap_or_default();
        let view = view.trim_start_matches('#');
        let sep = if view.is_empty() { "" } else { "&" };
        let _ = loc.replace(&format!("#{view}{sep}z={packed}"));
        if let Ok(href) = loc.href() {
            // refused where the page may not write the clipboard: the address bar has the link
            let p = dom::window().navigator().clipboard().write_text(&href);
            let _ = JsFuture::from(p).await;
        }
        set_status("status.shared", vec![("n", kb(packed.len()))], false);
    });
}

/// Opens the text a link carries (`z=`): into the input and analysed. Like a sample's link, it
/// leaves the reader's own saved text alone until they edit. Returns at once; a link whose text
/// cannot be read says so.
pub fn open(packed: String) {
    wasm_bindgen_futures::spawn_local(async move {
        match unpack(&packed).await {
            Ok(t) if !t.trim().is_empty() => {
                with_app(|a| a.sample = None);
                doc::set_input(&t);
                doc::analyze_now(true);
                set_status(
                    "status.shareOpened",
                    vec![("n", i18n::num(t.chars().count()))],
                    false,
                );
            }
            _ => set_status("status.shareBroken", vec![], true),
        }
    });
}
