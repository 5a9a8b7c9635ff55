//! The panel's cut of the engine's JSON (`planlens/1` for a document, `planlens-corpus/1`,
//! docs/corpus-schema.md, for the matrix), read field by field from the parsed JS objects:
//! derived deserialisers would weigh on the module, and the matrix is read a few rows at a time
//! (yielding to the browser between slices) so that a hundred plans never hold the main thread.

use super::dom;
use super::state::breathe;
use wasm_bindgen::{JsCast, JsValue};

/// What the list shows of an analysed document.
#[derive(Debug, Clone, Default)]
pub struct Info {
    pub title: String,
    pub issuers: String,
    pub date: String,
    pub headings: usize,
    pub targets: usize,
    pub warnings: usize,
}

impl Info {
    /// What the list shows of a `planlens/1` analysis.
    pub fn read(a: &JsValue) -> Info {
        let d = get(a, "document");
        let len = |k: &str| items(&get(a, k)).len();
        let issuers: Vec<String> = items(&get(&d, "issuers"))
            .iter()
            .filter_map(|s| s.as_string())
            .collect();
        Info {
            title: get_str(&d, "title"),
            issuers: issuers.join("、"),
            date: get_str(&d, "date"),
            headings: headings(&get(a, "outline")),
            targets: len("targets"),
            warnings: len("warnings"),
        }
    }
}

/// Outline nodes at every level.
pub fn headings(nodes: &JsValue) -> usize {
    items(nodes)
        .iter()
        .map(|n| 1 + headings(&get(n, "children")))
        .sum()
}

/// The part of `planlens-corpus/1` (docs/corpus-schema.md) the panel shows, read field by field
/// from the parsed JSON (derived deserialisers would weigh on the first load).
#[derive(Debug, Clone, Default)]
pub struct View {
    pub documents: Vec<VDoc>,
    pub indicators: Vec<Row>,
    pub unaligned: Vec<(usize, Cell)>,
}

#[derive(Debug, Clone, Default)]
pub struct VDoc {
    pub name: String,
    /// met, weaker, missing, extra against the reference (absent for the reference, or none).
    pub versus: Option<[usize; 4]>,
}

#[derive(Debug, Clone, Default)]
pub struct Row {
    pub indicator: String,
    pub cells: Vec<Option<Cell>>,
    pub status: Vec<Option<String>>,
    /// Merged or split by the reader.
    pub manual: bool,
    /// Its targets as (document index, span start, span end) triples, as the engine gave them:
    /// read only when the reader merges or splits the row.
    pub keys: JsValue,
}

/// A target of one document: as written, what it measures, the number it stands for.
#[derive(Debug, Clone, Default)]
pub struct Cell {
    pub text: String,
    pub subject: String,
    pub value: Option<f64>,
    /// Holds more than one quantity of its document (a row merged by the reader).
    pub joined: bool,
}

impl View {
    /// Reads the panel's cut of `planlens-corpus/1` a few rows at a time, yielding to the
    /// browser between slices; `None` when a newer change came meanwhile.
    pub async fn read(v: &JsValue, gen: u64) -> Option<View> {
        let documents = items(&get(v, "documents"))
            .iter()
            .map(|d| {
                let r = get(d, "versus_reference");
                let n = |k: &str| get(&r, k).as_f64().unwrap_or(0.0) as usize;
                VDoc {
                    name: get_str(d, "name"),
                    versus: r
                        .is_object()
                        .then(|| [n("met"), n("weaker"), n("missing"), n("extra")]),
                }
            })
            .collect();
        let mut view = View {
            documents,
            ..View::default()
        };
        let mut t0 = dom::now();
        for r in items(&get(v, "indicators")) {
            view.indicators.push(Row {
                indicator: get_str(&r, "indicator"),
                cells: items(&get(&r, "cells")).iter().map(cell).collect(),
                status: items(&get(&r, "status"))
                    .iter()
                    .map(|s| s.as_string())
                    .collect(),
                manual: get(&r, "manual").is_truthy(),
                keys: get(&r, "keys"),
            });
            if !breathe(&mut t0, gen).await {
                return None;
            }
        }
        for e in items(&get(v, "unaligned")) {
            let d = get(&e, "document").as_f64().map(|d| d as usize);
            if let Some((d, c)) = d.zip(cell(&get(&e, "target"))) {
                view.unaligned.push((d, c));
            }
            if !breathe(&mut t0, gen).await {
                return None;
            }
        }
        Some(view)
    }
}

pub fn cell(v: &JsValue) -> Option<Cell> {
    if !v.is_object() {
        return None;
    }
    // a range stands for its middle
    let range = items(&get(v, "range"));
    let mid = match (
        range.first().and_then(|x| x.as_f64()),
        range.get(1).and_then(|x| x.as_f64()),
    ) {
        (Some(a), Some(b)) => Some((a + b) / 2.0),
        _ => None,
    };
    Some(Cell {
        text: get_str(v, "text"),
        subject: get_str(v, "subject"),
        value: get(v, "value").as_f64().or(mid).filter(|x| x.is_finite()),
        joined: get(v, "joined").is_truthy(),
    })
}

pub fn get(v: &JsValue, k: &str) -> JsValue {
    js_sys::Reflect::get(v, &k.into()).unwrap_or(JsValue::NULL)
}

pub fn get_str(v: &JsValue, k: &str) -> String {
    get(v, k).as_string().unwrap_or_default()
}

pub fn items(v: &JsValue) -> Vec<JsValue> {
    v.dyn_ref::<js_sys::Array>()
        .map(|a| a.iter().collect())
        .unwrap_or_default()
}
