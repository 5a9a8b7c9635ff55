//! The corpus kept in this browser (issue 25: it survives a reload, is cleared in one click and
//! never leaves the browser): IndexedDB, not localStorage, for its size: a hundred plans are
//! megabytes. One object store of `{name, text}` records keyed by the file name; the analyses
//! are not kept (the engine makes them again, once, after a reload). A localStorage flag says
//! that there is something to restore, so boot.js imports the panel after a reload only then.

use js_sys::{Object, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbObjectStore, IdbRequest, IdbTransactionMode};

const DB: &str = "planlens-corpus";
const STORE: &str = "docs";
/// The reader's merges and splits of matrix rows (`super::edits`): one record, an array.
const EDITS: &str = "edits";
/// Version 2 added [`EDITS`].
const VERSION: u32 = 2;
/// Read by boot.js (`CORPUS_KEPT`).
const FLAG: &str = "planlens.corpus";

/// Resolves with the request's result once it succeeds.
async fn done(req: &IdbRequest) -> Result<JsValue, JsValue> {
    let p = Promise::new(&mut |resolve, reject| {
        let ok = Closure::once_into_js(move |e: web_sys::Event| {
            let r = e
                .target()
                .and_then(|t| t.dyn_into::<IdbRequest>().ok())
                .and_then(|r| r.result().ok())
                .unwrap_or(JsValue::UNDEFINED);
            let _ = resolve.call1(&JsValue::NULL, &r);
        });
        let bad = Closure::once_into_js(move |e: JsValue| {
            let _ = reject.call1(&JsValue::NULL, &e);
        });
        req.set_onsuccess(Some(ok.unchecked_ref()));
        req.set_onerror(Some(bad.unchecked_ref()));
    });
    JsFuture::from(p).await
}

async fn open() -> Result<IdbDatabase, JsValue> {
    let idb = super::dom::window()
        .indexed_db()?
        .ok_or_else(|| JsValue::from_str("no IndexedDB"))?;
    let req = idb.open_with_u32(DB, VERSION)?;
    let up = Closure::once_into_js(move |e: web_sys::Event| {
        let db = e
            .target()
            .and_then(|t| t.dyn_into::<IdbRequest>().ok())
            .and_then(|r| r.result().ok())
            .and_then(|r| r.dyn_into::<IdbDatabase>().ok());
        let Some(db) = db else { return };
        // a store that is there already (an upgrade from version 1) refuses to be made again, and
        // the refusal, caught here, leaves it and the upgrade as they are
        let opts = web_sys::IdbObjectStoreParameters::new();
        opts.set_key_path(&"name".into());
        let _ = db.create_object_store_with_optional_parameters(STORE, &opts);
        let _ = db.create_object_store(EDITS);
    });
    req.set_onupgradeneeded(Some(up.unchecked_ref()));
    done(&req).await?.dyn_into::<IdbDatabase>()
}

async fn store(mode: IdbTransactionMode) -> Result<IdbObjectStore, JsValue> {
    store_named(STORE, mode).await
}

async fn store_named(name: &str, mode: IdbTransactionMode) -> Result<IdbObjectStore, JsValue> {
    open()
        .await?
        .transaction_with_str_and_mode(name, mode)?
        .object_store(name)
}

fn flag(on: bool) {
    if let Ok(Some(s)) = super::dom::window().local_storage() {
        let _ = if on {
            s.set_item(FLAG, "1")
        } else {
            s.remove_item(FLAG)
        };
    }
}

/// Every kept document: (name, text), in key (name) order.
pub async fn load() -> Vec<(String, JsValue)> {
    let all = async {
        let s = store(IdbTransactionMode::Readonly).await?;
        done(&s.get_all()?).await
    };
    let Ok(all) = all.await else {
        return Vec::new();
    };
    let docs: Vec<(String, JsValue)> = all
        .dyn_ref::<js_sys::Array>()
        .map(|a| {
            a.iter()
                .filter_map(|r| {
                    let name = Reflect::get(&r, &"name".into()).ok()?.as_string()?;
                    let text = Reflect::get(&r, &"text".into()).ok()?;
                    text.is_string().then_some((name, text))
                })
                .collect()
        })
        .unwrap_or_default();
    flag(!docs.is_empty());
    docs
}

/// Keeps a document (replacing one of the same name).
pub async fn put(name: &str, text: &JsValue) {
    let r = async {
        let o = Object::new();
        Reflect::set(&o, &"name".into(), &name.into())?;
        Reflect::set(&o, &"text".into(), text)?;
        let s = store(IdbTransactionMode::Readwrite).await?;
        done(&s.put(&o)?).await
    };
    if r.await.is_ok() {
        flag(true);
    }
}

/// Forgets a document.
pub async fn delete(name: &str) {
    let r = async {
        let s = store(IdbTransactionMode::Readwrite).await?;
        done(&s.delete(&name.into())?).await
    };
    let _ = r.await;
}

/// Forgets every document and every edit.
pub async fn clear() {
    flag(false);
    for name in [STORE, EDITS] {
        let r = async {
            let s = store_named(name, IdbTransactionMode::Readwrite).await?;
            done(&s.clear()?).await
        };
        let _ = r.await;
    }
}

/// The reader's edits of the matrix as kept (an empty list when none).
pub async fn load_edits() -> Vec<JsValue> {
    let r = async {
        let s = store_named(EDITS, IdbTransactionMode::Readonly).await?;
        done(&s.get(&EDITS.into())?).await
    };
    r.await.map(|a| super::read::items(&a)).unwrap_or_default()
}

/// Keeps the reader's edits of the matrix (all of them, in order; none: forgets them).
pub async fn put_edits(edits: Vec<JsValue>) {
    let r = async {
        let s = store_named(EDITS, IdbTransactionMode::Readwrite).await?;
        let all: js_sys::Array = edits.into_iter().collect();
        done(&s.put_with_key(&all, &EDITS.into())?).await
    };
    let _ = r.await;
}
