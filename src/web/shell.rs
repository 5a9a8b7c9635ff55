//! The page's frame: the header, the input pane with its status line, the workspace that holds
//! the result panels and the text, the drop overlay; built once inside `#app` and labelled
//! through the i18n table (re-labelled on a language switch). Its own listeners (typing,
//! pasting, dropping, opening files, the header's buttons) are attached here, on fixed
//! elements; every panel and the compare pane wire their own. [`start_app`] starts it all.

use super::dom::{self, add, add_text, attr, on};
use super::i18n::{self, tr, Lang};
use super::panels::{self, detail, filters, grid, keywords, outline, tables, text, timeline};
use super::samples::SAMPLES;
use super::state::{self, with_app, App, Els};
use super::status::{render_status, set_status};
use super::widgets::{button, file_picker, labelled, Labels};
use super::{compare, corpus_hook, doc, export, input, logic, share};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::Element;

/// The UI entry point (called by boot.js). Harmless without `#app`, and when called twice.
#[wasm_bindgen(js_name = start_app)]
pub fn start_app() {
    let Some(win) = web_sys::window() else { return };
    let Some(doc_) = win.document() else { return };
    let Some(root) = doc_.get_element_by_id("app") else {
        return;
    };
    if root.get_attribute("data-started").is_some() {
        return;
    }
    dom::attr(&root, "data-started", "");
    let lang = doc::saved_lang();
    state::install(App::new(lang, build(&root)));
    wire();
    doc::after_analysis(compare::on_a_changed);
    with_app(move |app| {
        apply_lang(app);
        panels::render_all(app);
    });
    restore(&win);
}

/// What the URL asks for, else the last visit's text: `?sample=003` loads a sample (links,
/// screenshots), `#sample=003&tab=targets&kind=percent&t=18` restores a view (a fragment is
/// never sent anywhere), `?compare=000` opens the compare pane with that sample as plan B.
fn restore(win: &web_sys::Window) {
    let params = win
        .location()
        .search()
        .ok()
        .and_then(|q| web_sys::UrlSearchParams::new_with_str(&q).ok());
    let view = logic::decode_view(&win.location().hash().unwrap_or_default());
    with_app(move |app| {
        app.view.tab = view.tab;
        app.view.filter = view.filter.clone();
        app.view.pending_target = view.target;
        panels::render_tabs(app);
    });
    let sample = view
        .sample
        .clone()
        .or_else(|| params.as_ref().and_then(|p| p.get("sample")));
    compare::init_from_url(params.as_ref().and_then(|p| p.get("compare")));
    if let Some(z) = view.packed {
        return share::open(z);
    }
    if let Some(s) = sample {
        if let Some((file, _, _)) = SAMPLES.iter().find(|(f, _, _)| f.starts_with(s.as_str())) {
            doc::load_sample(file, true);
            return;
        }
    }
    if let Some(t) = doc::saved_text() {
        let n = t.chars().count();
        doc::set_input(&t);
        set_status("status.restored", vec![("n", i18n::num(n))], false);
        doc::analyze_now(true);
    }
}

/// Builds the page inside `#app` (replacing the static fallback text).
pub fn build(root: &Element) -> Els {
    dom::clear(root);
    let mut labels = Vec::new();
    let l = &mut labels;
    let update = build_header(root, l);
    let (input, file, sample, status, progress) = build_input(root, l);
    // plan against plan: a second text and the comparison, hidden until asked for; right
    // under the input, so opening it shows it
    compare::build(root, l);
    let ws = add(root, "div", "workspace");
    attr(&ws, "id", "workspace");
    let results = add(&ws, "section", "results-pane");
    export::build(&results, l);
    let (tabs, panels) = panels::build(&results, l);
    let (card, outline_summary, tree) = outline::build(&panels[0], l);
    let (f_kind, f_section, f_deadline, f_subject, f_fixed, f_due_by, f_search) =
        filters::build(&panels[1], l);
    let (fix_clear, grid_info, grid, pager) = grid::build(&panels[1], l);
    let detail = detail::build(&panels[1], l);
    let timeline = timeline::build(&panels[2]);
    let tables = tables::build(&panels[3]);
    let keywords = keywords::build(&panels[4], l);
    let (text_note, fix_add, text_view) = text::build(&ws, l);
    let announce = add(root, "p", "visually-hidden");
    attr(&announce, "id", "announce");
    attr(&announce, "aria-live", "polite");
    let drop = add(root, "div", "drop-overlay");
    attr(&drop, "aria-hidden", "true");
    let dl = add(&drop, "p", "");
    labelled(l, &dl, "input.drop", "");
    Els {
        root: root.clone(),
        input,
        file,
        sample,
        status,
        progress,
        update,
        workspace: ws,
        tabs,
        panels,
        card,
        outline_summary,
        tree,
        f_kind,
        f_section,
        f_deadline,
        f_search,
        f_subject,
        f_fixed,
        f_due_by,
        grid,
        grid_info,
        detail,
        pager,
        timeline,
        tables,
        keywords,
        text_view,
        text_note,
        fix_add,
        fix_clear,
        announce,
        labels,
    }
}

/// The header (name, tagline, language switch) and the (hidden) update notice, returned.
fn build_header(root: &Element, l: &mut Labels) -> Element {
    let header = add(root, "header", "top");
    let brand = add(&header, "div", "brand");
    add_text(&brand, "h1", "", "planlens");
    let tag = add(&brand, "p", "tagline");
    labelled(l, &tag, "app.tagline", "");
    let langb = button(&header, "lang-toggle", "lang", "lang.switch", l);
    labelled(l, &langb, "lang.switch.label", "aria-label");
    let update = add(root, "div", "notice");
    attr(&update, "id", "update-notice");
    attr(&update, "role", "alert");
    dom::set_hidden(&update, true);
    let ut = add(&update, "span", "");
    labelled(l, &ut, "update.text", "");
    button(&update, "update-reload", "primary", "update.reload", l);
    update
}

/// The input pane: its toolbar, the textarea, the status row and the first visit's sample
/// chips. Returns (textarea, file input, sample menu, status line, progress bar).
#[allow(clippy::type_complexity)]
fn build_input(
    root: &Element,
    l: &mut Labels,
) -> (
    web_sys::HtmlTextAreaElement,
    web_sys::HtmlInputElement,
    web_sys::HtmlSelectElement,
    Element,
    Element,
) {
    let inp = add(root, "section", "input-pane");
    attr(&inp, "aria-labelledby", "input-label");
    let bar = add(&inp, "div", "toolbar");
    let il = add(&bar, "label", "input-label");
    attr(&il, "id", "input-label");
    attr(&il, "for", "source-input");
    labelled(l, &il, "input.label", "");
    let (open, file, sample) = file_picker(
        &bar,
        l,
        "file-input",
        "input.open",
        "sample-select",
        "input.sample",
    );
    attr(&open, "id", "open-label");
    folder_picker(&bar, &file, l);
    button(&bar, "clear-input", "", "input.clear", l);
    let ct = button(&bar, "compare-toggle", "", "cmp.toggle", l);
    attr(&ct, "aria-controls", "compare");
    let input = add(&inp, "textarea", "source-input");
    attr(&input, "id", "source-input");
    attr(&input, "spellcheck", "false");
    attr(&input, "rows", "6");
    labelled(l, &input, "input.placeholder", "placeholder");
    let (status, progress) = build_status_row(&inp, l);
    build_sample_chips(&inp, l);
    (
        input.unchecked_into(),
        file.unchecked_into(),
        sample.unchecked_into(),
        status,
        progress,
    )
}

/// The status line, the progress bar (hidden until a long analysis) and the hint under the
/// textarea; returns (status line, progress bar).
fn build_status_row(inp: &Element, l: &mut Labels) -> (Element, Element) {
    let foot = add(inp, "div", "status-row");
    let status = add(&foot, "p", "status");
    attr(&status, "id", "status");
    attr(&status, "role", "status");
    attr(&status, "aria-live", "polite");
    let progress = add(&foot, "progress", "progress");
    attr(&progress, "id", "progress");
    dom::set_hidden(&progress, true);
    let hint = add(&foot, "p", "hint");
    labelled(l, &hint, "input.hint", "");
    (status, progress)
}

/// The first visit's chips: one click to a real plan (labelled by [`apply_lang`]).
fn build_sample_chips(inp: &Element, l: &mut Labels) {
    let empty = add(inp, "div", "empty-state");
    attr(&empty, "id", "empty-state");
    let et = add(&empty, "span", "");
    labelled(l, &et, "input.try", "");
    for (file, _, _) in SAMPLES {
        let b = add(&empty, "button", "sample-chip");
        attr(&b, "type", "button");
        attr(&b, "data-sample", file);
    }
}

/// The main input takes several files, and a folder (`webkitdirectory`): they go to the corpus
/// panel.
fn folder_picker(bar: &Element, file: &Element, l: &mut Labels) {
    attr(file, "multiple", "");
    let fl = add(bar, "label", "button");
    attr(&fl, "for", "folder-input");
    labelled(l, &fl, "input.folder", "");
    let folder = add(bar, "input", "file-input");
    attr(&folder, "type", "file");
    attr(&folder, "id", "folder-input");
    attr(&folder, "webkitdirectory", "");
    attr(&folder, "multiple", "");
    labelled(l, &folder, "input.folder", "aria-label");
}

/// Several files (or a folder) open the corpus panel; one file opens in the page.
fn open_files(list: &web_sys::FileList, folder: bool) {
    if folder || list.length() > 1 {
        corpus_hook::open(list, folder);
    } else if let Some(f) = list.get(0) {
        doc::open_file(f);
    }
}

/// A file input that hands what it is given to [`open_files`], then forgets it (choosing the
/// same file again is a change again).
fn on_files(input: &web_sys::HtmlInputElement, folder: bool) {
    let i2 = input.clone();
    on(input, "change", move |_| {
        if let Some(l) = i2.files() {
            open_files(&l, folder);
        }
        i2.set_value("");
    });
}

/// Sets every static label in the current language, and `<html lang>`.
pub fn apply_lang(app: &mut App) {
    let lang = app.lang;
    if let Some(h) = dom::document().document_element() {
        attr(&h, "lang", lang.code());
    }
    for (e, key, a) in &app.els.labels {
        let s = tr(lang, key);
        if a.is_empty() {
            e.set_text_content(Some(s));
        } else {
            attr(e, a, s);
        }
    }
    // sample list
    let s: &Element = app.els.sample.as_ref();
    dom::clear(s);
    let o = add_text(s, "option", "", tr(lang, "input.sample"));
    attr(&o, "value", "");
    for (file, zh, en) in SAMPLES {
        let o = add_text(s, "option", "", if lang == Lang::Zh { zh } else { en });
        attr(&o, "value", file);
    }
    if let Ok(chips) = app.els.root.query_selector_all(".sample-chip") {
        for (k, (_, zh, en)) in SAMPLES.iter().enumerate() {
            if let Some(c) = chips.item(k as u32) {
                c.set_text_content(Some(if lang == Lang::Zh { zh } else { en }));
            }
        }
    }
    render_status(app);
}

/// Attaches every listener (once): the frame's here, then each panel's and the compare pane's.
pub fn wire() {
    let Some((input, file, sample, root)) = with_app(move |a| {
        (
            a.els.input.clone(),
            a.els.file.clone(),
            a.els.sample.clone(),
            a.els.root.clone(),
        )
    }) else {
        return;
    };
    wire_input(&input);
    wire_files(&file, &sample, &root);
    wire_window();
    wire_buttons(&root);
    panels::wire();
    export::wire();
    compare::wire();
    corpus_hook::wire();
}

/// Typing and pasting into the textarea.
fn wire_input(input: &web_sys::HtmlTextAreaElement) {
    on(input, "input", |e| {
        // A paste, a drop or any change of many characters at once is a new text, not typing:
        // analyse it now instead of after the typing debounce (perf measured the 350 ms of it
        // in the paste-to-result time).
        let kind = js_sys::Reflect::get(&e, &"inputType".into())
            .ok()
            .and_then(|t| t.as_string())
            .unwrap_or_default();
        let bulk = matches!(
            kind.as_str(),
            "insertFromPaste" | "insertFromDrop" | "insertFromPasteAsQuotation"
        ) || with_app(move |a| {
            // the length only: copying the whole value out at each event is what a big
            // insertion (hundreds of events) must not pay
            let now = a.els.input.text_length() as usize;
            now.abs_diff(a.requested_len) > doc::BULK_CHARS
        })
        .unwrap_or(false);
        if bulk {
            doc::on_bulk_edit()
        } else {
            doc::on_edit()
        }
    });
    // Paste: always plain text; from HTML-only clipboards (some web pages, Word online) the
    // text is rebuilt with line breaks. Inserted at the caret like a normal paste.
    on(input, "paste", |e| {
        let Some(text) = pasted_text(&e) else {
            return;
        };
        e.prevent_default();
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        with_app(move |a| {
            let i = &a.els.input;
            let s = i.selection_start().ok().flatten().unwrap_or(0);
            let en = i.selection_end().ok().flatten().unwrap_or(s);
            let _ = i.set_range_text_with_start_and_end_and_mode(&text, s, en, "end");
        });
        doc::on_bulk_edit();
    });
}

/// The text a paste carries: its plain text, else the text rebuilt from its HTML (some web pages
/// and Word online put only HTML on the clipboard).
fn pasted_text(e: &web_sys::Event) -> Option<String> {
    let dt = e.dyn_ref::<web_sys::ClipboardEvent>()?.clipboard_data()?;
    let plain = dt.get_data("text/plain").unwrap_or_default();
    Some(if plain.trim().is_empty() {
        input::html_to_text(&dt.get_data("text/html").unwrap_or_default())
    } else {
        plain
    })
}

/// Paste anywhere else, the open-file and folder dialogs, the sample menu, then drag and drop
/// ([`wire_drop`]).
fn wire_files(
    file: &web_sys::HtmlInputElement,
    sample: &web_sys::HtmlSelectElement,
    root: &Element,
) {
    // Paste anywhere else on the page replaces the text (nothing to click first).
    on(&dom::document(), "paste", |e| {
        let in_field = dom::closest(&e, "textarea, input").is_some();
        if in_field {
            return;
        }
        let Some(text) = pasted_text(&e) else {
            return;
        };
        if !text.trim().is_empty() {
            e.prevent_default();
            doc::replace_text(&text.replace("\r\n", "\n"));
        }
    });
    on_files(file, false);
    if let Some(folder) = dom::document()
        .get_element_by_id("folder-input")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        on_files(&folder, true);
    }
    let s2 = sample.clone();
    on(&sample, "change", move |_| {
        let v = s2.value();
        if let Some((file, _, _)) = SAMPLES.iter().find(|(f, _, _)| *f == v) {
            doc::load_sample(file, false);
        }
        s2.set_value("");
    });
    wire_drop(root);
}

/// Drag and drop anywhere on the page: files open (several go to the corpus panel), a dragged
/// text replaces the input's.
fn wire_drop(root: &Element) {
    let doc = dom::document();
    let r2 = root.clone();
    on(&doc, "dragover", move |e| {
        e.prevent_default();
        let _ = r2.class_list().add_1("dragging");
    });
    let r3 = root.clone();
    on(&doc, "dragleave", move |e| {
        let out = e
            .dyn_ref::<web_sys::DragEvent>()
            .map(|d| d.related_target().is_none())
            .unwrap_or(true);
        if out {
            let _ = r3.class_list().remove_1("dragging");
        }
    });
    let r4 = root.clone();
    on(&doc, "drop", move |e| {
        e.prevent_default();
        let _ = r4.class_list().remove_1("dragging");
        let Some(de) = e.dyn_ref::<web_sys::DragEvent>() else {
            return;
        };
        let Some(dt) = de.data_transfer() else { return };
        if let Some(l) = dt.files().filter(|l| l.length() > 0) {
            open_files(&l, false);
        } else if let Ok(t) = dt.get_data("text/plain") {
            if !t.trim().is_empty() {
                doc::replace_text(&t);
            }
        }
    });
}

/// The window's events: leaving the page, an update of the app, the engine's state.
fn wire_window() {
    let win = dom::window();
    // flush an edit still waiting for its debounced save (only then: a ?sample= page that was
    // never edited must not overwrite the saved text)
    on(&win, "pagehide", |_| {
        if with_app(move |a| a.save_timer.is_some()).unwrap_or(false) {
            doc::save_text();
        }
    });
    on(&win, "planlens:update", |e| {
        e.prevent_default(); // we show our own (translated) notice
        let detail = e.dyn_ref::<web_sys::CustomEvent>().map(|c| c.detail());
        with_app(move |a| {
            dom::set_hidden(&a.els.update, false);
            if let Some(d) = detail {
                let _ = js_sys::Reflect::set(a.els.update.as_ref(), &"planlensDetail".into(), &d);
            }
        });
    });
    // the engine worker crashed / gave up: say so in our words; the text is kept
    on(&win, "planlens:engine", |e| {
        let Some(d) = e.dyn_ref::<web_sys::CustomEvent>().map(|c| c.detail()) else {
            return;
        };
        let state = js_sys::Reflect::get(&d, &"state".into())
            .ok()
            .and_then(|s| s.as_string())
            .unwrap_or_default();
        match state.as_str() {
            "crashed" | "failed" => {
                e.prevent_default();
                set_status(
                    if state == "crashed" {
                        "status.engineCrashed"
                    } else {
                        "status.engineFailed"
                    },
                    vec![],
                    true,
                );
            }
            _ => {}
        }
    });
}

/// The sample chips and the frame's buttons (language, update, compare, clear).
fn wire_buttons(root: &Element) {
    on(&root, "click", |e| {
        if let Some(b) = dom::closest(&e, "button[data-sample]") {
            let v = b.get_attribute("data-sample").unwrap_or_default();
            if let Some((file, _, _)) = SAMPLES.iter().find(|(f, _, _)| *f == v) {
                doc::load_sample(file, false);
            }
            return;
        }
        let Some(b) = dom::closest(&e, "button[id]") else {
            return;
        };
        let id = b.id();
        match id.as_str() {
            "lang-toggle" => {
                with_app(move |a| {
                    a.lang = if a.lang == Lang::Zh {
                        Lang::En
                    } else {
                        Lang::Zh
                    };
                    doc::save_lang(a.lang);
                    apply_lang(a);
                    panels::render_all(a);
                });
                compare::rerender();
            }
            "update-reload" => {
                let d = with_app(move |a| {
                    js_sys::Reflect::get(a.els.update.as_ref(), &"planlensDetail".into()).ok()
                })
                .flatten();
                let f = d.and_then(|d| js_sys::Reflect::get(&d, &"reload".into()).ok());
                match f.and_then(|f| f.dyn_into::<js_sys::Function>().ok()) {
                    Some(f) => {
                        let _ = f.call0(&wasm_bindgen::JsValue::NULL);
                    }
                    None => {
                        let _ = dom::window().location().reload();
                    }
                }
            }
            "compare-toggle" => compare::toggle(true),
            "clear-input" => {
                doc::set_input("");
                doc::save_text();
                doc::analyze_now(false);
                with_app(move |a| dom::focus(a.els.input.as_ref()));
            }
            _ => {}
        }
    });
}
