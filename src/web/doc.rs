//! The plan being read: its text comes in (typed, pasted, dropped, a file, a sample), is kept
//! in localStorage, and is analysed (in the engine worker when there is one); the result goes
//! to the panels.

use super::i18n::Lang;
use super::panels::{self, grid::PAGE_SIZE, keywords};
use super::samples::sample_label;
use super::state::{with_app, App, KwState, Status};
use super::status::{render_status, set_status, show_progress};
use super::{corrections, dom, engine, i18n, input, logic};
use crate::model::Analysis;

/// Inputs at least this long show a progress bar while analysing.
pub const LARGE_INPUT: usize = 30_000;

/// Debounce of analysis-as-you-type, in ms.
pub const DEBOUNCE_MS: i32 = 350;

/// An edit that changes the length by more than this many chars at once (a paste, a scripted
/// fill, select-all + paste) is analysed at once, without the typing debounce.
pub const BULK_CHARS: usize = 200;

const KEY_TEXT: &str = "planlens.text";

const KEY_LANG: &str = "planlens.lang";

/// The language the reader chose last time (Chinese at first).
pub fn saved_lang() -> Lang {
    storage()
        .and_then(|s| s.get_item(KEY_LANG).ok().flatten())
        .map(|s| Lang::from_code(&s))
        .unwrap_or(Lang::Zh)
}

/// The text of the last visit, unless it was blank.
pub fn saved_text() -> Option<String> {
    let saved = storage().and_then(|s| s.get_item(KEY_TEXT).ok().flatten());
    saved.filter(|t| !t.trim().is_empty())
}

pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Replaces the textarea's text (not an edit by the user: no debounce).
pub fn set_input(t: &str) {
    let t = t.to_string();
    with_app(move |app| app.els.input.set_value(&t));
}

/// The user edited the text: save soon, analyse soon.
pub fn on_edit() {
    with_app(move |app| {
        app.sample = None;
        if let Some(t) = app.timer.take() {
            dom::cancel(t);
        }
        if let Some(t) = app.save_timer.take() {
            dom::cancel(t);
        }
        app.timer = Some(dom::after(DEBOUNCE_MS, || analyze_now(false)));
        app.save_timer = Some(dom::after(300, save_text));
    });
}

/// A whole new text arrived in the textarea (paste, drop, a large change): save soon, analyse
/// at the end of this task. Not on the spot: one insertion of a multi-line text fires an
/// `input` event per paragraph (Chromium; a 34 k-char plan gave ~600 of them in one task), and
/// analysing at each would queue as many requests in the engine and deserialise as many stale
/// results here. A zero-delay timer, re-armed by each event, makes them one request.
pub fn on_bulk_edit() {
    with_app(move |app| {
        if let Some(t) = app.timer.take() {
            dom::cancel(t);
        }
        if let Some(t) = app.save_timer.take() {
            dom::cancel(t);
        }
        app.timer = Some(dom::after(0, || analyze_now(false)));
        app.save_timer = Some(dom::after(300, save_text));
    });
}

/// Keeps the current text in localStorage (nothing typed is lost on reload).
pub fn save_text() {
    let Some(text) = with_app(move |app| {
        app.save_timer = None;
        app.els.input.value()
    }) else {
        return;
    };
    if let Some(s) = storage() {
        if s.set_item(KEY_TEXT, &text).is_err() {
            set_status("status.saveFailed", vec![], true);
        }
    }
}

pub fn save_lang(lang: Lang) {
    if let Some(s) = storage() {
        let _ = s.set_item(KEY_LANG, lang.code());
    }
}

/// Analyses the textarea's text now (in the worker when there is one); `restored` keeps the
/// "restored" status line instead of overwriting it with "analysing".
pub fn analyze_now(restored: bool) {
    let Some((gen, text)) = with_app(move |app| {
        if let Some(t) = app.timer.take() {
            dom::cancel(t);
        }
        app.gen += 1;
        app.requested_len = app.els.input.text_length() as usize;
        (app.gen, app.els.input.value())
    }) else {
        return;
    };
    let n = text.chars().count();
    if text.trim().is_empty() {
        with_app(move |app| show_nothing(app, &text));
        return;
    }
    let large = n >= LARGE_INPUT;
    with_app(move |app| {
        if !restored || large {
            app.status = Status {
                key: "status.analyzing",
                args: vec![("n", i18n::num(n))],
                error: false,
            };
            render_status(app);
        }
        show_progress(app, large);
    });
    wasm_bindgen_futures::spawn_local(async move {
        if large {
            // let the progress bar paint before a same-thread analysis could hold the thread
            dom::sleep(30).await;
        }
        let t0 = dom::now();
        let result = engine::analyze(text.clone(), move || {
            with_app(move |app| app.gen == gen).unwrap_or(false)
        })
        .await;
        let ms = dom::now() - t0;
        with_app(move |app| {
            if app.gen != gen {
                return; // a newer request is under way
            }
            show_progress(app, false);
            match result {
                Ok((a, via)) => show_analysis(app, a, via, text, restored, ms),
                Err(e) => {
                    app.status = Status {
                        key: "status.failed",
                        args: vec![("e", e)],
                        error: true,
                    };
                    render_status(app);
                    dom::attr(&app.els.root, "data-gen", &gen.to_string());
                }
            }
        });
        if with_app(move |app| app.view.tab == panels::TAB_KEYWORDS).unwrap_or(false) {
            keywords::load_keywords();
        }
        if let Some(f) = AFTER_ANALYSIS.with(|c| c.get().copied()) {
            f();
        }
    });
}

/// An empty or blank text: no analysis, and the status line says which.
fn show_nothing(app: &mut App, text: &str) {
    app.analysis = None;
    app.text.clear();
    app.kw = KwState::Idle;
    app.status = Status {
        key: if text.is_empty() {
            "status.empty"
        } else {
            "status.blank"
        },
        args: vec![],
        error: !text.is_empty(),
    };
    render_status(app);
    show_progress(app, false);
    panels::render_all(app);
}

/// The analysis `a` of `text` arrived (after `ms`): it becomes the page's, and every panel
/// renders it.
fn show_analysis(
    app: &mut App,
    a: Analysis,
    via: engine::Via,
    text: String,
    restored: bool,
    ms: f64,
) {
    dom::attr(
        &app.els.root,
        "data-engine",
        if via == engine::Via::Worker {
            "worker"
        } else {
            "inline"
        },
    );
    let counts = (
        logic::flat_headings(&a.outline).len(),
        a.targets.len(),
        a.tables.len(),
    );
    app.char_bytes = text
        .char_indices()
        .map(|(b, _)| b)
        .chain([text.len()])
        .collect();
    let n = app.char_bytes.len() - 1; // chars
    app.text = text;
    corrections::on_analysis(app, a);
    app.kw = KwState::Idle;
    if app.view.page * PAGE_SIZE >= counts.1 {
        app.view.page = 0;
    }
    if !restored {
        app.status = Status {
            key: "status.done",
            args: vec![
                ("n", i18n::num(n)),
                ("s", i18n::num(counts.0)),
                ("t", i18n::num(counts.1)),
                ("b", i18n::num(counts.2)),
                ("ms", format!("{}", ms.round() as i64)),
            ],
            error: false,
        };
    }
    render_status(app);
    panels::render_all(app);
}

thread_local! {
    static AFTER_ANALYSIS: std::cell::OnceCell<fn()> = const { std::cell::OnceCell::new() };
}

/// Registers what runs after each analysis of the main text (the compare pane compares again),
/// so this module needs no knowledge of who listens.
pub fn after_analysis(f: fn()) {
    AFTER_ANALYSIS.with(|c| {
        let _ = c.set(f);
    });
}

/// New text from a file, a sample or a paste-anywhere: into the textarea, saved, analysed.
pub fn replace_text(t: &str) {
    with_app(move |a| a.sample = None);
    set_input(t);
    save_text();
    analyze_now(true);
}

/// Loads a built-in sample plan. From a `?sample=` link (`keep_saved`), the user's own text in
/// localStorage is left alone until they edit: following a link must not lose what they typed.
pub fn load_sample(file: &'static str, keep_saved: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        match engine::fetch_text(&format!("samples/{file}")).await {
            Ok(t) => {
                let n = t.chars().count();
                if keep_saved {
                    set_input(&t);
                    analyze_now(true);
                } else {
                    replace_text(&t);
                }
                with_app(move |a| {
                    a.sample = Some(file.split(['_', '.']).next().unwrap_or(file).to_string())
                });
                let lang = with_app(move |a| a.lang).unwrap_or(Lang::Zh);
                set_status(
                    "status.opened",
                    vec![
                        ("f", sample_label(file, lang)),
                        ("enc", "UTF-8".into()),
                        ("n", i18n::num(n)),
                    ],
                    false,
                );
            }
            Err(e) => set_status("status.sampleFailed", vec![("e", e)], true),
        }
    });
}

/// Opens a user's `file` (open dialog or drop; several files go to the corpus panel instead).
pub fn open_file(file: web_sys::File) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        match input::read_blob(&file).await {
            Ok((t, enc)) => {
                let n = t.chars().count();
                replace_text(&t);
                let lang = with_app(move |a| a.lang).unwrap_or(Lang::Zh);
                set_status(
                    "status.opened",
                    vec![
                        ("f", name),
                        ("enc", i18n::tr(lang, enc.key()).into()),
                        ("n", i18n::num(n)),
                    ],
                    false,
                );
            }
            Err(e) => {
                let (key, args) = e.status(name);
                set_status(key, args, true);
            }
        }
    });
}
