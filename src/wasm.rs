//! The JavaScript binding. Results are plain JS values (no classes to `.free()`), serialised
//! JSON-compatibly so absent values are `null`, as in the CLI's JSON. The engine's `analyze` op
//! is `JSON.parse(analyzeJson(text))` (www/worker.js, www/planlens.js: `JSON_OPS`): the same
//! object as serde_wasm_bindgen's, at the same speed, and 4 KB gzip less wasm than a second
//! (serde_wasm_bindgen) serialiser of the `Analysis` type in the first load (BENCHMARKS.md).
//!
//! Which exports a wasm has follows its Cargo features (Cargo.toml `[features]`): `web` (the
//! first-load wasm) has `analyzeJson`; `extras` (lazily loaded) has compare, check and .docx
//! reading; `keywords` (lazily loaded) has the section keywords. The engine (www/worker.js,
//! www/planlens.js) routes each op to the module that exports it and fetches a lazily loaded
//! module on the first op that needs it.

#[cfg(feature = "web")]
use wasm_bindgen::prelude::*;

/// The heap allocator of both wasm modules: talc instead of the standard library's dlmalloc port.
/// It makes the first-load wasm smaller, which the first-load budget needs, and no slower:
/// compiling every pattern and the first analysis take the same time with either
/// (`tools/bench/warm_probe.mjs`; figures in BENCHMARKS.md). A wasm instance
/// is single-threaded (no shared memory: the page is not cross-origin isolated), which is what
/// the lock-free `AssumeUnlockable` requires. The linear memory grows by [`Grow`].
#[global_allocator]
static ALLOCATOR: talc::Talck<talc::locking::AssumeUnlockable, Grow> = talc::Talc::new(Grow {
    heap: talc::Span::empty(),
})
.lock();

/// talc's `WasmHandler`, except that the memory grows by at least half of its size each time
/// instead of by what the failed allocation needs: in Chromium every `memory.grow` is costly on
/// the worker's thread (the module is shared with the page), and growing by each allocation's
/// need made the worker's start-up grow the memory dozens of times (`wasm.GrowMemory` in a
/// trace). Growing geometrically makes that a handful; the price is at most a third of the
/// memory reserved but not yet used.
struct Grow {
    /// The heap talc manages: the memory grown so far, extended in place while it is contiguous.
    heap: talc::Span,
}

// SAFETY: a wasm instance here is single-threaded (see ALLOCATOR); the span is only touched
// under talc's lock
unsafe impl Send for Grow {}

/// A fresh memory's first growth: the engine's start-up alone needs a few MiB.
const FIRST_GROWTH_PAGES: usize = 64; // 4 MiB

impl talc::OomHandler for Grow {
    fn handle_oom(talc: &mut talc::Talc<Self>, layout: core::alloc::Layout) -> Result<(), ()> {
        const PAGE: usize = 64 << 10;
        let required = (layout.size() + 8).max(layout.align() * 2);
        let need = required.div_ceil(PAGE);
        let have = core::arch::wasm32::memory_size::<0>();
        let mut delta = need.max(have / 2).max(FIRST_GROWTH_PAGES);
        let prev = loop {
            let prev = core::arch::wasm32::memory_grow::<0>(delta);
            if prev != usize::MAX {
                break prev;
            }
            if delta == need {
                return Err(());
            }
            // near the memory's limit: settle for less, down to what this allocation needs
            delta = need.max(delta / 2);
        };
        let base = (prev * PAGE) as *mut u8;
        let acme = base.wrapping_add(delta * PAGE);
        // the new pages continue the heap unless something else grew the memory meanwhile
        if let Some((heap_base, heap_acme)) = talc.oom_handler.heap.get_base_acme() {
            if heap_acme == base {
                // SAFETY: the heap's old span is talc's, and [heap_acme, acme) was just grown
                talc.oom_handler.heap =
                    unsafe { talc.extend(talc.oom_handler.heap, talc::Span::new(heap_base, acme)) };
                return Ok(());
            }
        }
        // SAFETY: [base, acme) was just grown and belongs to nobody else; at least one page,
        // which holds talc's metadata
        talc.oom_handler.heap = unsafe { talc.claim(talc::Span::new(base, acme)) }?;
        Ok(())
    }
}

/// The `planlens/1` analysis as a JSON string (for export and for hosts that want text).
#[cfg(feature = "web")]
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str) -> String {
    crate::render::json_line(&crate::analyze(text))
}

/// Compiles every pattern of the pipeline ([`crate::warm_up`]): the worker calls it right after
/// it reports ready, so the user's first plan does not pay the ~0.3 s.
#[cfg(feature = "web")]
#[wasm_bindgen(js_name = warmUp)]
pub fn warm_up() {
    crate::warm_up();
}

/// How many patterns this instance compiled instead of rebuilding them from the snapshot table
/// (`src/rx/snapshot.rs`): 0 while the table is current. A diagnostic for the tests; no API op.
#[cfg(feature = "web")]
#[wasm_bindgen(js_name = patternsCompiled)]
pub fn patterns_compiled() -> u32 {
    u32::try_from(crate::rx::patterns_compiled()).unwrap_or(u32::MAX)
}

/// A JavaScript `Error` carrying `message`: what the lazily loaded modules' exports throw.
#[cfg(any(feature = "extras", feature = "keywords"))]
fn js_error(message: impl std::fmt::Display) -> wasm_bindgen::JsValue {
    js_sys::Error::new(&message.to_string()).into()
}

/// The lazily loaded module's exports (feature `extras`).
#[cfg(feature = "extras")]
mod extras {
    use super::js_error;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    /// The text of a `.docx` (its `word/document.xml`, paragraphs as lines, Word's list numbers as
    /// markers); the error message says why the bytes are not a readable Word document.
    #[wasm_bindgen(js_name = docxText)]
    pub fn docx_text(bytes: &[u8]) -> Result<String, JsValue> {
        crate::input::docx::docx_text(bytes).map_err(js_error)
    }

    /// The plan's text of a PDF's text layer (`pdf::pdf_text`). The error message starts with
    /// the refusal's code (`pdf-no-text: …`, `PdfError::code`), then says why there is no text
    /// (a scan, encrypted, broken, too large): the code survives the worker's error message,
    /// which is all of an error that crosses it.
    #[wasm_bindgen(js_name = pdfText)]
    pub fn pdf_text(bytes: &[u8]) -> Result<String, JsValue> {
        crate::input::pdf::pdf_text(bytes).map_err(|e| js_error(format!("{}: {e}", e.code())))
    }

    /// A (`planlens/1` JSON) analysis of `text` as a label file (tests/devcorpus/README.md).
    #[wasm_bindgen(js_name = labelsJson)]
    pub fn labels_json(analysis: &str, text: &str) -> Result<String, JsValue> {
        let a: crate::model::Analysis = serde_json::from_str(analysis).map_err(js_error)?;
        Ok(crate::output::labels::labels_for_text(&a, text))
    }

    /// Rows of text (the first one the header) as an Excel workbook of one sheet named `sheet`
    /// (`output::xlsx`): the bytes of the `.xlsx` file.
    #[wasm_bindgen(js_name = rowsXlsx)]
    pub fn rows_xlsx(sheet: &str, rows: JsValue) -> Result<Vec<u8>, JsValue> {
        let rows: Vec<Vec<String>> = serde_wasm_bindgen::from_value(rows).map_err(js_error)?;
        crate::output::xlsx::rows_xlsx(sheet, &rows).map_err(js_error)
    }

    /// Compares plan A with plan B and returns the `planlens-compare/1` object.
    #[wasm_bindgen(js_name = compare)]
    pub fn compare_js(a_text: &str, b_text: &str) -> Result<JsValue, JsValue> {
        let c = crate::compare::compare(a_text, b_text);
        c.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsValue::from_str(&e.to_string()))
    }

    /// The `planlens-compare/1` comparison as a JSON string.
    #[wasm_bindgen(js_name = compareJson)]
    pub fn compare_json(a_text: &str, b_text: &str) -> String {
        crate::compare::render::json_line(&crate::compare::compare(a_text, b_text))
    }

    /// The comparison as a file to export (`format`: `markdown`, `csv` or `json`, the CLI's
    /// three). The page's export buttons use it, so the report writers are in this module and
    /// not in the first-load one (4.9 KB of gzip there).
    #[wasm_bindgen(js_name = compareExport)]
    pub fn compare_export(a_text: &str, b_text: &str, format: &str) -> String {
        let c = crate::compare::compare(a_text, b_text);
        match format {
            "csv" => crate::compare::render::csv(&c),
            "json" => crate::compare::render::json(&c),
            _ => crate::compare::render::markdown(&c),
        }
    }

    /// One document handed to [`corpus_export`].
    #[derive(serde::Deserialize)]
    struct CorpusDoc {
        name: String,
        text: String,
    }

    thread_local! {
        /// The corpus panel's analyses: each document is analysed once (`crate::corpus::cache`).
        static CORPUS: std::cell::RefCell<crate::corpus::cache::Cache> = Default::default();
    }

    /// Many plans lined up by indicator, as `planlens corpus` prints them: `docs` is a JSON array
    /// of `{name, text}`, `reference` an index into it (negative: none), `format` `json`
    /// (`planlens-corpus/1`), `csv` (the matrix), `targets-csv` (every target) or `markdown`.
    #[wasm_bindgen(js_name = corpusExport)]
    pub fn corpus_export(docs: &str, reference: i32, format: &str) -> Result<String, JsValue> {
        let docs: Vec<CorpusDoc> =
            serde_json::from_str(docs).map_err(|e| JsValue::from_str(&e.to_string()))?;
        let (names, texts) = docs.into_iter().map(|d| (d.name, d.text)).unzip();
        Ok(corpus_line_up(names, texts, reference, format, None))
    }

    /// The `planlens/1` analysis of one document of the corpus panel as JSON, kept for
    /// [`corpus_line_up`], which then does not analyse it again.
    #[wasm_bindgen(js_name = corpusAnalyze)]
    pub fn corpus_analyze(name: &str, text: &str) -> String {
        CORPUS.with(|c| crate::render::json_line(c.borrow_mut().analysis(name, text)))
    }

    /// [`corpus_export`] of the documents `names` with their `texts` (the corpus panel's
    /// documents, passed as they are, without a JSON round): kept analyses are reused, and the
    /// documents not named are forgotten. `edits`: the reader's merges and splits of rows, a JSON
    /// array of `crate::corpus::edits::Edit` (none when absent or unreadable).
    #[wasm_bindgen(js_name = corpusLineUp)]
    pub fn corpus_line_up(
        names: Vec<String>,
        texts: Vec<String>,
        reference: i32,
        format: &str,
        edits: Option<String>,
    ) -> String {
        use crate::corpus::{corpus, render, Input};
        CORPUS.with(|c| {
            let mut cache = c.borrow_mut();
            cache.keep(&names);
            for (n, t) in names.iter().zip(&texts) {
                cache.analysis(n, t);
            }
            let cache = &*cache;
            // two documents of one name (the public API allows it) keep only the last one's
            // analysis: the other is analysed here
            let analyses: Vec<std::borrow::Cow<crate::model::Analysis>> = names
                .iter()
                .zip(&texts)
                .map(|(n, t)| match cache.get(n, t) {
                    Some(a) => std::borrow::Cow::Borrowed(a),
                    None => std::borrow::Cow::Owned(crate::analyze(t)),
                })
                .collect();
            let inputs: Vec<Input> = names
                .iter()
                .zip(&texts)
                .zip(&analyses)
                .map(|((n, t), a)| Input {
                    name: n,
                    text: t,
                    analysis: a,
                })
                .collect();
            let mut c = corpus(&inputs, usize::try_from(reference).ok());
            if let Some(e) = edits {
                crate::corpus::edits::apply(&mut c, &crate::corpus::edits::parse(&e));
            }
            match format {
                "csv" => render::matrix_csv(&c),
                "targets-csv" => render::targets_csv(&inputs),
                "markdown" => render::markdown(&c),
                "panel" => render::panel_json(&c),
                _ => render::json(&c),
            }
        })
    }

    /// Checks a plan against itself and returns the `planlens-check/1` object.
    #[wasm_bindgen(js_name = checkPlan)]
    pub fn check_js(text: &str) -> Result<JsValue, JsValue> {
        let c = crate::compare::check(text);
        c.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
            .map_err(|e| JsValue::from_str(&e.to_string()))
    }
}

/// The keywords module's exports (feature `keywords`). The worker fetches dict/jieba.dict.txt
/// once and passes it to `keywordsReady`; the trie is built once and kept for every later call.
#[cfg(feature = "keywords")]
mod keywords {
    use super::js_error;
    use serde::Serialize;
    use wasm_bindgen::prelude::*;

    thread_local! {
        static SEGMENTER: std::cell::RefCell<Option<crate::keywords::Segmenter>> =
            const { std::cell::RefCell::new(None) };
    }

    /// Loads the jieba dictionary (`word freq tag` lines) for [`keywords`].
    #[wasm_bindgen(js_name = keywordsReady)]
    pub fn keywords_ready(dict: &str) -> Result<(), JsValue> {
        let seg = crate::keywords::Segmenter::from_dict(dict).map_err(js_error)?;
        SEGMENTER.with(|s| *s.borrow_mut() = Some(seg));
        Ok(())
    }

    /// Keywords of each outline section (two levels deep, eight per section) of `text`, whose
    /// `planlens/1` analysis is `analysis_json` (the engine passes the first-load module's
    /// `analyzeJson(text)`: this module has no analysis of its own).
    #[wasm_bindgen(js_name = keywords)]
    pub fn keywords(text: &str, analysis_json: &str) -> Result<JsValue, JsValue> {
        let outline = crate::keywords::outline_of(analysis_json).map_err(js_error)?;
        SEGMENTER.with(|s| {
            let s = s.borrow();
            let seg = s
                .as_ref()
                .ok_or_else(|| js_error("dictionary not loaded"))?;
            let kw = crate::keywords::section_keywords(seg, text, &outline, 2, 8);
            kw.serialize(&serde_wasm_bindgen::Serializer::json_compatible())
                .map_err(|e| JsValue::from_str(&e.to_string()))
        })
    }
}
