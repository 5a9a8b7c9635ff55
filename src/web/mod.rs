//! The page (issue 5), built in Rust with web-sys. [`start_app`] is called by the platform's
//! `boot.js` once the wasm is initialised; it does nothing when there is no `#app` element (the
//! same wasm also runs in the engine worker and in embedders' pages).
//!
//! Structure: `chrome` builds the static page once and wires every listener (delegated, so
//! re-rendering never adds listeners); `views` renders an analysis into the containers;
//! `logic` (no browser types) filters, sorts and cuts the text into marked pieces; `engine`
//! runs the analysis in B's worker or on this thread; `input` decodes files and clipboard HTML;
//! `i18n` holds every string. State lives in one thread-local [`App`].

mod chrome;
mod cmp_logic;
mod compare;
mod corpus_hook;
mod corrections;
mod dom;
mod engine;
mod i18n;
mod input;
pub(crate) mod logic;
mod views;

use crate::model::Analysis;
use i18n::Lang;
use logic::{Filter, SortKey};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use wasm_bindgen::prelude::*;

/// Targets per grid page: 10,000 targets must not become 10,000 DOM rows.
pub const PAGE_SIZE: usize = 100;
/// Headings rendered in the tree at most (the rest are counted, not drawn).
pub const MAX_TREE_ITEMS: usize = 3000;
/// Marks drawn in the source text at most.
pub const MAX_MARKS: usize = 20_000;
/// Timeline entries drawn at most.
pub const MAX_TIMELINE: usize = 500;
/// Table rows drawn at most per table.
pub const MAX_TABLE_ROWS: usize = 500;
/// Inputs at least this long show a progress bar while analysing.
pub const LARGE_INPUT: usize = 30_000;
/// Debounce of analysis-as-you-type, in ms.
pub const DEBOUNCE_MS: i32 = 350;
/// An edit that changes the length by more than this many chars at once (a paste, a scripted
/// fill, select-all + paste) is analysed at once, without the typing debounce.
pub const BULK_CHARS: usize = 200;

const KEY_TEXT: &str = "planlens.text";
const KEY_LANG: &str = "planlens.lang";

/// Built-in sample plans, with their labels, a clean one first. The build copies them into
/// `samples/` from the tests' own copies (tools/post_build.mjs `SAMPLES`): the seed plans, a
/// provincial government work report, a national outline with an indicator table and a plan
/// converted from a PDF.
pub const SAMPLES: &[(&str, &str, &str)] = &[
    (
        "003_c69e039655683e96.txt",
        "武进区教育高质量发展三年行动方案",
        "Wujin three-year action plan 2022–2024",
    ),
    (
        "guangdong-2026-work-report.txt",
        "广东省2026年政府工作报告",
        "Guangdong government work report 2026",
    ),
    (
        "healthy-china-2030-outline.txt",
        "“健康中国2030”规划纲要（含指标表，PDF 转换）",
        "Healthy China 2030 outline (indicator table, from a PDF)",
    ),
    (
        "foshan-dengue-plan-2024-pdf.txt",
        "佛山市登革热防控巩固工作方案（PDF 转换）",
        "Foshan dengue control plan 2024 (from a PDF)",
    ),
    (
        "000_afc61ac5f3af42de.txt",
        "2023年武进教育工作要点",
        "Wujin education work plan 2023",
    ),
    (
        "001_f548ae08fc6ac36e.txt",
        "广汉市教育局2023年工作要点",
        "Guanghan education work plan 2023",
    ),
    (
        "002_e8cc19e7a70357cd.txt",
        "惠山区2022年教育工作要点",
        "Huishan education work plan 2022",
    ),
    (
        "004_ab08964268f009dd.txt",
        "教育工作要点（网页转存）",
        "Education work plan (saved web page)",
    ),
];

/// The label of a sample file in the page's language.
pub fn sample_label(file: &str, lang: Lang) -> String {
    SAMPLES
        .iter()
        .find(|(f, _, _)| *f == file)
        .map(|(_, zh, en)| if lang == Lang::Zh { *zh } else { *en })
        .unwrap_or(file)
        .to_string()
}

/// What is selected, by content rather than index, so it survives re-analysis.
#[derive(Debug, Clone, PartialEq)]
pub enum Sel {
    Target {
        text: String,
        start: usize,
    },
    Heading {
        marker: String,
        title: String,
        start: usize,
    },
}

#[derive(Debug, Clone)]
pub enum KwState {
    Idle,
    Loading(u64),
    Ready(u64, Vec<engine::SectionKw>),
    Failed(String),
}

/// The status line, kept as key + arguments so a language switch can re-render it.
#[derive(Debug, Clone, Default)]
pub struct Status {
    pub key: &'static str,
    pub args: Vec<(&'static str, String)>,
    pub error: bool,
}

pub struct App {
    pub lang: Lang,
    pub els: chrome::Els,
    /// The text the current analysis belongs to.
    pub text: String,
    /// Byte offset of every char of `text` (and its end): spans are char offsets.
    pub char_bytes: Vec<usize>,
    pub analysis: Option<Rc<Analysis>>,
    /// Bumped on every analysis request; a late answer for an older one is dropped.
    pub gen: u64,
    pub timer: Option<i32>,
    /// Length (UTF-16 units, as the textarea counts) of the text last sent for analysis: an
    /// edit far from it is a new text, not typing.
    pub requested_len: usize,
    pub save_timer: Option<i32>,
    pub filter: Filter,
    pub sort: (SortKey, bool),
    pub page: usize,
    pub sel: Option<Sel>,
    pub expanded: HashSet<Vec<usize>>,
    pub tree_focus: Vec<usize>,
    pub grid_focus: (usize, usize),
    pub tab: usize,
    /// Bumped by every `views::render_all`: the slices of an older, unfinished render stop.
    pub render_seq: u64,
    /// Bumped by every tree redraw: a tree still being built in slices stops.
    pub tree_seq: u64,
    /// Bumped by every grid redraw: a grid page still being built in slices stops.
    pub grid_seq: u64,
    /// Which result panels show the current analysis (the hidden ones render a task later).
    pub panels_done: [bool; 5],
    pub kw: KwState,
    pub status: Status,
    /// The sample shown (its number), while its text is not edited: links name it.
    pub sample: Option<String>,
    /// The target a link selects, once its analysis arrives.
    pub pending_target: Option<usize>,
    /// The reader's corrections of this text (`analysis` has them applied).
    pub corrections: Vec<logic::Correction>,
    /// The content key of the text the corrections belong to.
    pub doc_key: String,
}

thread_local! {
    static APP: RefCell<Option<App>> = const { RefCell::new(None) };
}

/// Runs `f` on the app state. Re-entrant calls (an event fired while rendering) are skipped
/// rather than panicking: the wasm dies on a panic.
pub fn with_app<R>(f: impl FnOnce(&mut App) -> R) -> Option<R> {
    APP.with(|a| match a.try_borrow_mut() {
        Ok(mut g) => g.as_mut().map(f),
        Err(_) => None,
    })
}

/// The UI entry point (called by boot.js). Harmless without `#app`, and when called twice.
#[wasm_bindgen(js_name = start_app)]
pub fn start_app() {
    let Some(win) = web_sys::window() else { return };
    let Some(doc) = win.document() else { return };
    let Some(root) = doc.get_element_by_id("app") else {
        return;
    };
    if root.get_attribute("data-started").is_some() {
        return;
    }
    dom::attr(&root, "data-started", "");
    let lang = storage()
        .and_then(|s| s.get_item(KEY_LANG).ok().flatten())
        .map(|s| Lang::from_code(&s))
        .unwrap_or(Lang::Zh);
    let els = chrome::build(&root, lang);
    APP.with(|a| {
        *a.borrow_mut() = Some(App {
            lang,
            els,
            text: String::new(),
            char_bytes: vec![0],
            analysis: None,
            gen: 0,
            timer: None,
            requested_len: 0,
            save_timer: None,
            filter: Filter::default(),
            sort: (SortKey::Order, true),
            page: 0,
            sel: None,
            expanded: HashSet::new(),
            tree_focus: vec![0],
            grid_focus: (0, 0),
            tab: 0,
            render_seq: 0,
            tree_seq: 0,
            grid_seq: 0,
            panels_done: [false; 5],
            kw: KwState::Idle,
            status: Status {
                key: "status.empty",
                ..Status::default()
            },
            sample: None,
            pending_target: None,
            corrections: Vec::new(),
            doc_key: String::new(),
        })
    });
    chrome::wire();
    with_app(|app| {
        chrome::apply_lang(app);
        views::render_all(app);
    });
    // ?sample=003 loads a sample (links, screenshots); otherwise restore the last text.
    let params = win
        .location()
        .search()
        .ok()
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok());
    // #sample=003&tab=targets&kind=percent&t=18: a link restores the view (never sent anywhere)
    let view = logic::decode_view(&win.location().hash().unwrap_or_default());
    with_app(|app| {
        app.tab = view.tab;
        app.filter = view.filter.clone();
        app.pending_target = view.target;
        views::render_tabs(app);
    });
    let sample = view
        .sample
        .clone()
        .or_else(|| params.as_ref().and_then(|p| p.get("sample")));
    // ?compare=000 opens the compare view with that sample as plan B
    compare::init_from_url(params.as_ref().and_then(|p| p.get("compare")));
    if let Some(s) = sample {
        if let Some((file, _, _)) = SAMPLES.iter().find(|(f, _, _)| f.starts_with(s.as_str())) {
            load_sample(file, true);
            return;
        }
    }
    let saved = storage().and_then(|s| s.get_item(KEY_TEXT).ok().flatten());
    if let Some(t) = saved.filter(|t| !t.trim().is_empty()) {
        let n = t.chars().count();
        set_input(&t);
        set_status("status.restored", vec![("n", i18n::num(n))], false);
        analyze_now(true);
    }
}

pub fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Replaces the textarea's text (not an edit by the user: no debounce).
pub fn set_input(t: &str) {
    with_app(|app| app.els.input.set_value(t));
}

pub fn set_status(key: &'static str, args: Vec<(&'static str, String)>, error: bool) {
    with_app(|app| {
        app.status = Status { key, args, error };
        chrome::render_status(app);
    });
}

/// The user edited the text: save soon, analyse soon.
pub fn on_edit() {
    with_app(|app| {
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
    with_app(|app| {
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
    let Some(text) = with_app(|app| {
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
    let Some((gen, text)) = with_app(|app| {
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
        with_app(|app| {
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
            chrome::render_status(app);
            chrome::show_progress(app, false);
            views::render_all(app);
        });
        return;
    }
    let large = n >= LARGE_INPUT;
    with_app(|app| {
        if !restored || large {
            app.status = Status {
                key: "status.analyzing",
                args: vec![("n", i18n::num(n))],
                error: false,
            };
            chrome::render_status(app);
        }
        chrome::show_progress(app, large);
    });
    wasm_bindgen_futures::spawn_local(async move {
        if large {
            // let the progress bar paint before a same-thread analysis could hold the thread
            sleep(30).await;
        }
        let t0 = dom::now();
        let result = engine::analyze(text.clone(), move || {
            with_app(|app| app.gen == gen).unwrap_or(false)
        })
        .await;
        let ms = dom::now() - t0;
        with_app(|app| {
            if app.gen != gen {
                return; // a newer request is under way
            }
            chrome::show_progress(app, false);
            match result {
                Ok((a, via)) => {
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
                        crate::web::logic::flat_headings(&a.outline).len(),
                        a.targets.len(),
                        a.tables.len(),
                    );
                    app.char_bytes = text
                        .char_indices()
                        .map(|(b, _)| b)
                        .chain([text.len()])
                        .collect();
                    app.text = text;
                    corrections::on_analysis(app, a);
                    app.kw = KwState::Idle;
                    if app.page * PAGE_SIZE >= counts.1 {
                        app.page = 0;
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
                    chrome::render_status(app);
                    views::render_all(app);
                }
                Err(e) => {
                    app.status = Status {
                        key: "status.failed",
                        args: vec![("e", e)],
                        error: true,
                    };
                    chrome::render_status(app);
                    dom::attr(&app.els.root, "data-gen", &gen.to_string());
                }
            }
        });
        if with_app(|app| app.tab == views::TAB_KEYWORDS).unwrap_or(false) {
            load_keywords();
        }
        compare::on_a_changed();
    });
}

/// Every panel shows the current analysis: record the DOM building time (not layout) and the
/// generation on `#app`, and tell tools (benchmarks, tests): `planlens:rendered` on window and a
/// render counter in `<html data-planlens-rendered>`.
pub fn finish_render(app: &App, ms: f64) {
    dom::attr(&app.els.root, "data-render-ms", &format!("{ms:.1}"));
    dom::attr(&app.els.root, "data-gen", &app.gen.to_string());
    write_url(app);
    let Some(a) = &app.analysis else { return };
    let chars = app.char_bytes.len().saturating_sub(1);
    if let Some(html) = dom::document().document_element() {
        let n = html
            .get_attribute("data-planlens-rendered")
            .and_then(|s| s.parse::<u64>().ok())
            .unwrap_or(0);
        dom::attr(&html, "data-planlens-rendered", &(n + 1).to_string());
    }
    let detail = js_sys::Object::new();
    let _ = js_sys::Reflect::set(&detail, &"chars".into(), &(chars as f64).into());
    let _ = js_sys::Reflect::set(&detail, &"targets".into(), &(a.targets.len() as f64).into());
    let init = web_sys::CustomEventInit::new();
    init.set_detail(&detail);
    if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict("planlens:rendered", &init) {
        let _ = dom::window().dispatch_event(&ev);
    }
}

/// Puts the view in the URL's fragment, replacing the history entry (a fragment is never sent
/// to a server): the sample, the tab, the filters, the selected row.
pub fn write_url(app: &App) {
    let Some(a) = &app.analysis else { return };
    let v = logic::ViewState {
        sample: app.sample.clone(),
        tab: app.tab,
        filter: app.filter.clone(),
        target: views::selected_target(app, a),
    };
    let frag = logic::encode_view(&v);
    let loc = dom::window().location();
    let now = loc.hash().unwrap_or_default();
    if now.trim_start_matches('#') != frag && !(frag.is_empty() && now.is_empty()) {
        let _ = loc.replace(&format!("#{frag}"));
    }
}

/// A Promise-based sleep, so async code can yield to the browser.
pub async fn sleep(ms: i32) {
    let p = js_sys::Promise::new(&mut |resolve, _| {
        let _ = dom::window().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(p).await;
}

/// New text from a file, a sample or a paste-anywhere: into the textarea, saved, analysed.
pub fn replace_text(t: &str) {
    with_app(|a| a.sample = None);
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
                with_app(|a| {
                    a.sample = Some(file.split(['_', '.']).next().unwrap_or(file).to_string())
                });
                let lang = with_app(|a| a.lang).unwrap_or(Lang::Zh);
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

/// Reads a user file (open dialog or drop).
/// Opens `file`; `others` is how many more were given at once (only the first is opened, and
/// the status says so).
pub fn open_file(file: web_sys::File, others: u32) {
    let name = file.name();
    wasm_bindgen_futures::spawn_local(async move {
        let buf = match wasm_bindgen_futures::JsFuture::from(file.array_buffer()).await {
            Ok(b) => js_sys::Uint8Array::new(&b).to_vec(),
            Err(_) => {
                set_status(
                    "status.unreadable",
                    vec![("f", name), ("e", "I/O".into())],
                    true,
                );
                return;
            }
        };
        match input::read_file(&name, &buf).await {
            Ok((t, enc)) => {
                let n = t.chars().count();
                replace_text(&t);
                let lang = with_app(|a| a.lang).unwrap_or(Lang::Zh);
                set_status(
                    if others > 0 {
                        "status.openedFirst"
                    } else {
                        "status.opened"
                    },
                    vec![
                        ("f", name),
                        ("enc", i18n::tr(lang, enc.key()).into()),
                        ("n", i18n::num(n)),
                        ("m", others.to_string()),
                    ],
                    false,
                );
            }
            Err(input::ReadError::Binary) => set_status("status.binary", vec![], true),
            Err(input::ReadError::OldDoc) => set_status("status.doc", vec![], true),
            Err(input::ReadError::Docx(e)) => set_status(
                "status.unreadable",
                vec![("f", name), ("e", e.to_string())],
                true,
            ),
        }
    });
}

/// Computes the keywords of the current text when the keywords tab is shown (the dictionary is
/// fetched on first use only).
pub fn load_keywords() {
    let Some((gen, text)) = with_app(|app| {
        let busy = matches!(app.kw, KwState::Loading(g) | KwState::Ready(g, _) if g == app.gen);
        if busy || app.analysis.is_none() {
            return None;
        }
        app.kw = KwState::Loading(app.gen);
        views::render_keywords(app);
        Some((app.gen, app.text.clone()))
    })
    .flatten() else {
        return;
    };
    wasm_bindgen_futures::spawn_local(async move {
        let r = engine::keywords(text).await;
        with_app(|app| {
            if app.gen != gen {
                return;
            }
            app.kw = match r {
                Ok(v) => KwState::Ready(gen, v),
                Err(e) => KwState::Failed(e),
            };
            views::render_keywords(app);
        });
    });
}
