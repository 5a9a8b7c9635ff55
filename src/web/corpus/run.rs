//! The run: documents added (files, a folder, or the texts kept from an earlier visit) are read
//! and analysed in the engine one after the other, so a hundred files never queue a hundred
//! requests at once and the progress moves file by file; a file that cannot be read gets its own
//! message and the others go on. The engine keeps each analysis (`corpusAnalyze`), and once none
//! is waiting the analysed documents are lined up by indicator (`corpusLineUp`, the code of
//! `planlens corpus`), unless a newer change came meanwhile.

use super::dom;
use super::i18n::{fmt, lang, tr};
use super::panel::{render, touch};
use super::read::{Info, View};
use super::state::{current, done_count, insert, next_waiting, set_doc, waiting, with, State};
use super::{edits, engine, events, grid, input, store};
use wasm_bindgen::JsValue;

/// Files of a folder taken as plans (the others are left out without a word).
pub const PLAN_EXTS: [&str; 5] = [".txt", ".text", ".md", ".docx", ".pdf"];

/// Whether a file of a folder is taken as a plan.
pub fn is_plan_file(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    PLAN_EXTS.iter().any(|e| lower.ends_with(e))
}

/// Adds `files` to the corpus (opening the panel), reads and analyses them one after the other,
/// then lines them up.
pub fn open_files(files: Vec<web_sys::File>) {
    if files.is_empty() {
        return;
    }
    with(|c| {
        for f in files {
            insert(c, waiting(f.name(), Some(f), None));
        }
        c.gen += 1;
    });
    start();
}

/// Shows the documents kept in IndexedDB and analyses them again (once). Those already in the
/// panel are left alone, and when none is new nothing changes: boot.js restores once the first
/// result is shown or 5 s have passed, and by then the files dropped in this visit may be kept
/// already; starting over would drop their line-up half way and redraw the panel under the
/// reader. The reader's kept edits of the rows come back too (and line the documents up again
/// when they are all there already).
pub async fn restore() {
    let kept = store::load().await;
    let edited = edits::restore().await;
    let added = with(|c| {
        let before = c.docs.len();
        for (name, text) in kept {
            if !c.docs.iter().any(|d| d.name == name) {
                insert(c, waiting(name, None, Some(text)));
            }
        }
        let added = c.docs.len() > before;
        if added {
            c.gen += 1;
        }
        added
    });
    if added == Some(true) {
        start();
    } else if edited {
        super::actions::relayout();
    }
}

/// Shows the panel and runs the waiting documents (unless a run is on already: it takes them).
pub fn start() {
    events::ensure_pane();
    render();
    // after the panel's first frame: scrolling now would lay the page out within this task
    dom::after(50, || {
        if let Some(p) = with(|c| c.pane.clone()).flatten() {
            p.scroll_into_view();
        }
    });
    let idle = with(|c| !std::mem::replace(&mut c.running, true)).unwrap_or(false);
    if idle {
        wasm_bindgen_futures::spawn_local(run());
    }
}

/// Reads and analyses every waiting document, one after the other (also those added while it
/// runs), keeps the new ones, then lines the corpus up.
pub async fn run() {
    while let Some((name, file, kept)) = next_waiting() {
        touch(&name);
        let text = match (kept, file) {
            (Some(t), _) => Ok(t),
            (None, Some(f)) => read(&name, f).await.map(|t| JsValue::from_str(&t)),
            (None, None) => Err(String::new()),
        };
        let text = match text {
            Ok(t) => t,
            Err(e) => {
                set_doc(&name, |d| d.state = State::Failed(e));
                touch(&name);
                continue;
            }
        };
        set_doc(&name, |d| d.state = State::Analysing);
        touch(&name);
        match engine::analyze(&name, &text).await {
            Ok(a) => {
                store::put(&name, &text).await;
                set_doc(&name, |d| {
                    d.info = Info::read(&a);
                    d.targets = grid::targets(&a);
                    d.text = Some(text);
                    d.state = State::Done;
                });
            }
            Err(e) => set_doc(&name, |d| d.state = State::Failed(e)),
        }
        touch(&name);
    }
    with(|c| {
        c.running = false;
        c.dirty.clear();
    });
    render();
    let gen = with(|c| c.gen).unwrap_or(0);
    line_up(gen).await;
}

/// A file's text, or why there is none (in the page's words).
pub async fn read(name: &str, file: web_sys::File) -> Result<String, String> {
    let l = lang();
    match input::read_blob(&file).await {
        Ok((t, _)) if t.trim().is_empty() => Err(tr(l, "status.blank").to_string()),
        Ok((t, _)) => Ok(t),
        Err(e) => {
            let (key, args) = e.status(name.to_string());
            let args: Vec<(&str, &str)> = args.iter().map(|(k, v)| (*k, v.as_str())).collect();
            Err(fmt(l, key, &args))
        }
    }
}

/// The analysed documents, the reference and the reader's edits, as the engine's `corpusLineUp`
/// takes them.
pub fn request() -> engine::Request {
    let (names, texts) = (js_sys::Array::new(), js_sys::Array::new());
    let (reference, edits) = with(|c| {
        let mut reference = -1;
        for d in c.docs.iter().filter(|d| d.state == State::Done) {
            let Some(t) = &d.text else { continue };
            if c.reference.as_deref() == Some(d.name.as_str()) {
                reference = names.length() as i32;
            }
            names.push(&d.name.as_str().into());
            texts.push(t);
        }
        (reference, edits::json(&c.edits))
    })
    .unwrap_or((-1, JsValue::UNDEFINED));
    engine::Request {
        names,
        texts,
        reference,
        edits,
    }
}

/// Lines the analysed documents up (the matrix), unless a newer change came meanwhile.
pub async fn line_up(gen: u64) {
    if done_count() == 0 {
        with(|c| c.view = None);
        render();
        return;
    }
    let out = engine::line_up(&request(), "panel").await;
    if !current(gen) {
        return;
    }
    let view = match out.and_then(|s| engine::parse(&s)) {
        Ok(v) => View::read(&v, gen).await.ok_or_else(String::new),
        Err(e) => Err(e),
    };
    if !current(gen) {
        return;
    }
    with(|c| match view {
        Ok(v) => {
            c.view = Some(v);
            c.error = None;
        }
        Err(e) => {
            c.view = None;
            c.error = Some(e);
        }
    });
    render();
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_folder_gives_its_plan_files_only() {
        assert!(is_plan_file("002_x.TXT"));
        assert!(is_plan_file("计划.docx"));
        assert!(!is_plan_file("photo.png"));
        assert!(!is_plan_file("notes"));
    }
}
