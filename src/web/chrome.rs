//! The static page: built once, labelled through the i18n table (re-labelled on a language
//! switch), with every listener attached here — on fixed containers, delegating to the items
//! inside, so re-rendering results never adds a listener.

use super::dom::{self, add, add_text, attr, el, on};
use super::i18n::{self, tr, Lang};
use super::{views, with_app, App};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

/// The elements the app writes into.
pub struct Els {
    pub root: Element,
    pub input: HtmlTextAreaElement,
    pub file: HtmlInputElement,
    pub sample: HtmlSelectElement,
    pub status: Element,
    pub progress: Element,
    pub update: Element,
    pub workspace: Element,
    pub tabs: Vec<Element>,
    pub panels: Vec<Element>,
    pub card: Element,
    pub outline_summary: Element,
    pub tree: Element,
    pub f_kind: HtmlSelectElement,
    pub f_section: HtmlSelectElement,
    pub f_deadline: HtmlSelectElement,
    pub f_search: HtmlInputElement,
    pub f_subject: HtmlSelectElement,
    pub f_fixed: HtmlSelectElement,
    pub f_due_by: HtmlInputElement,
    pub grid: Element,
    pub grid_info: Element,
    /// The selected target in full: its clause with the quantity marked, every known field.
    pub detail: Element,
    pub pager: Element,
    pub timeline: Element,
    pub tables: Element,
    pub keywords: Element,
    pub text_view: Element,
    pub text_note: Element,
    pub fix_add: Element,
    pub fix_clear: Element,
    /// Visually hidden live region: what was just selected, for screen readers.
    pub announce: Element,
    /// (element, key, attribute or "" for text content)
    pub labels: Vec<(Element, &'static str, &'static str)>,
}

/// The page's label table: (element, i18n key, attribute or "" for text content).
pub(super) type Labels = Vec<(Element, &'static str, &'static str)>;

pub(super) fn labelled(
    labels: &mut Labels,
    e: &Element,
    key: &'static str,
    attr_name: &'static str,
) {
    labels.push((e.clone(), key, attr_name));
}

/// An "open file" button (a label for a hidden file input taking .txt and .docx) and a sample
/// menu, as the main input and the compare pane both offer them. Returns (button label, file
/// input, sample menu).
pub(super) fn file_picker(
    bar: &Element,
    l: &mut Labels,
    file_id: &str,
    open_key: &'static str,
    sample_id: &str,
    sample_key: &'static str,
) -> (Element, Element, Element) {
    let open = add(bar, "label", "button");
    attr(&open, "for", file_id);
    labelled(l, &open, open_key, "");
    let file = add(bar, "input", "file-input");
    attr(&file, "type", "file");
    attr(&file, "id", file_id);
    attr(&file, "accept", ".txt,.text,.docx,text/plain,application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    labelled(l, &file, open_key, "aria-label");
    let sample = add(bar, "select", "");
    attr(&sample, "id", sample_id);
    labelled(l, &sample, sample_key, "aria-label");
    (open, file, sample)
}

/// The main input takes several files, and a folder (`webkitdirectory`): the corpus panel.
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
        super::corpus_hook::open(list, folder);
    } else if let Some(f) = list.get(0) {
        super::open_file(f, 0);
    }
}

pub(super) fn button(
    parent: &Element,
    id: &str,
    class: &str,
    key: &'static str,
    labels: &mut Labels,
) -> Element {
    let b = add(parent, "button", class);
    attr(&b, "type", "button");
    if !id.is_empty() {
        attr(&b, "id", id);
    }
    labelled(labels, &b, key, "");
    b
}

fn select(parent: &Element, id: &str, key: &'static str, labels: &mut Labels) -> HtmlSelectElement {
    let wrap = add(parent, "label", "field");
    let l = add(&wrap, "span", "field-label");
    labelled(labels, &l, key, "");
    let s = add(&wrap, "select", "");
    attr(&s, "id", id);
    s.unchecked_into()
}

/// Builds the page inside `#app` (replacing the static fallback text).
pub fn build(root: &Element, _lang: Lang) -> Els {
    dom::clear(root);
    let mut labels = Vec::new();
    let l = &mut labels;

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
    // several files, or a folder's plans, open the corpus panel
    folder_picker(&bar, &file, l);
    button(&bar, "clear-input", "", "input.clear", l);
    let ct = button(&bar, "compare-toggle", "", "cmp.toggle", l);
    attr(&ct, "aria-controls", "compare");
    let input = add(&inp, "textarea", "source-input");
    attr(&input, "id", "source-input");
    attr(&input, "spellcheck", "false");
    attr(&input, "rows", "6");
    labelled(l, &input, "input.placeholder", "placeholder");
    let foot = add(&inp, "div", "status-row");
    let status = add(&foot, "p", "status");
    attr(&status, "id", "status");
    attr(&status, "role", "status");
    attr(&status, "aria-live", "polite");
    let progress = add(&foot, "progress", "progress");
    attr(&progress, "id", "progress");
    dom::set_hidden(&progress, true);
    let hint = add(&foot, "p", "hint");
    labelled(l, &hint, "input.hint", "");
    // first visit: one click to a real plan
    let empty = add(&inp, "div", "empty-state");
    attr(&empty, "id", "empty-state");
    let et = add(&empty, "span", "");
    labelled(l, &et, "input.try", "");
    for (file, _, _) in super::SAMPLES {
        let b = add(&empty, "button", "sample-chip");
        attr(&b, "type", "button");
        attr(&b, "data-sample", file);
    }

    // plan against plan (issue 9): a second text and the comparison, hidden until asked for;
    // right under the input, so opening it shows it
    super::compare::build(root, l);

    let ws = add(root, "div", "workspace");
    attr(&ws, "id", "workspace");
    let results = add(&ws, "section", "results-pane");
    let exports = add(&results, "div", "exports");
    attr(&exports, "role", "toolbar");
    labelled(l, &exports, "export.label", "aria-label");
    button(&exports, "export-csv", "", "export.csv", l);
    button(&exports, "export-json", "", "export.json", l);
    button(&exports, "export-md", "", "export.md", l);
    button(&exports, "export-copy", "", "export.copy", l);
    button(&exports, "export-labels", "", "export.labels", l);
    button(&exports, "export-print", "", "export.print", l);

    let tablist = add(&results, "div", "tabs");
    attr(&tablist, "role", "tablist");
    labelled(l, &tablist, "tabs.label", "aria-label");
    let names = ["overview", "targets", "timeline", "tables", "keywords"];
    let mut tabs = Vec::new();
    let mut panels = Vec::new();
    for (i, n) in names.iter().enumerate() {
        let t = add(&tablist, "button", "tab");
        attr(&t, "type", "button");
        attr(&t, "role", "tab");
        attr(&t, "id", &format!("tab-{n}"));
        attr(&t, "aria-controls", &format!("panel-{n}"));
        attr(&t, "data-tab", &i.to_string());
        tabs.push(t);
        let p = add(&results, "section", "panel");
        attr(&p, "role", "tabpanel");
        attr(&p, "id", &format!("panel-{n}"));
        attr(&p, "aria-labelledby", &format!("tab-{n}"));
        panels.push(p);
    }

    // overview: document card + outline tree
    let card = add(&panels[0], "div", "card");
    attr(&card, "id", "doc-card");
    let oh = add(&panels[0], "div", "outline-head");
    let h = add(&oh, "h2", "");
    attr(&h, "id", "outline-heading");
    labelled(l, &h, "outline.heading", "");
    button(&oh, "expand-all", "small", "outline.expandAll", l);
    button(&oh, "collapse-all", "small", "outline.collapseAll", l);
    let outline_summary = add(&panels[0], "p", "summary");
    attr(&outline_summary, "id", "outline-summary");
    let tree = add(&panels[0], "ul", "tree");
    attr(&tree, "id", "outline-tree");
    attr(&tree, "role", "tree");
    attr(&tree, "aria-labelledby", "outline-heading");

    // targets: filters, grid, pager
    let th = add(&panels[1], "h2", "visually-hidden");
    attr(&th, "id", "targets-heading");
    labelled(l, &th, "targets.heading", "");
    let filters = add(&panels[1], "div", "filters");
    let f_kind = select(&filters, "filter-kind", "filter.kind", l);
    let f_section = select(&filters, "filter-section", "filter.section", l);
    let f_deadline = select(&filters, "filter-deadline", "filter.deadline", l);
    let f_subject = select(&filters, "filter-subject", "filter.subject", l);
    let f_fixed = select(&filters, "filter-corrected", "filter.corrected", l);
    let dw = add(&filters, "label", "field");
    let dlab = add(&dw, "span", "field-label");
    labelled(l, &dlab, "filter.dueBy", "");
    let f_due_by = add(&dw, "input", "");
    attr(&f_due_by, "type", "date");
    attr(&f_due_by, "id", "filter-due-by");
    let sw = add(&filters, "label", "field");
    let sl = add(&sw, "span", "field-label");
    labelled(l, &sl, "filter.search", "");
    let f_search = add(&sw, "input", "");
    attr(&f_search, "type", "search");
    attr(&f_search, "id", "filter-search");
    labelled(l, &f_search, "filter.search.placeholder", "placeholder");
    // what the colours of the marks and quantity cells mean
    let legend = add(&panels[1], "ul", "legend");
    attr(&legend, "id", "legend");
    labelled(l, &legend, "legend.label", "aria-label");
    for k in super::logic::KINDS {
        let name = super::logic::kind_name(k);
        let li = add(&legend, "li", "");
        let sw = add(&li, "span", &format!("swatch k-{name}"));
        attr(&sw, "aria-hidden", "true");
        let lab = add(&li, "span", "");
        labelled(l, &lab, super::i18n::kind_key(k), "");
    }
    let fix_clear = button(&panels[1], "fix-clear", "small", "fix.clearAll", l);
    dom::set_hidden(&fix_clear, true);
    let grid_info = add(&panels[1], "p", "summary");
    attr(&grid_info, "id", "grid-info");
    attr(&grid_info, "aria-live", "polite");
    let gw = add(&panels[1], "div", "grid-wrap");
    let grid = add(&gw, "table", "grid");
    attr(&grid, "id", "targets-grid");
    attr(&grid, "role", "grid");
    attr(&grid, "aria-labelledby", "targets-heading");
    let pager = add(&panels[1], "div", "pager");
    attr(&pager, "id", "pager");
    // after the grid and sticky to the viewport's bottom: the detail of the selected row
    // opens where the reader is, over the grid, whatever its length
    let detail = add(&panels[1], "aside", "detail");
    attr(&detail, "id", "target-detail");
    labelled(l, &detail, "detail.heading", "aria-label");
    dom::set_hidden(&detail, true);

    let tlh = add(&panels[2], "h2", "visually-hidden");
    labelled(l, &tlh, "timeline.heading", "");
    let timeline = add(&panels[2], "div", "timeline");
    attr(&timeline, "id", "timeline");
    let tbh = add(&panels[3], "h2", "visually-hidden");
    labelled(l, &tbh, "tables.heading", "");
    let tables = add(&panels[3], "div", "tables");
    attr(&tables, "id", "tables");
    let kwh = add(&panels[4], "h2", "visually-hidden");
    labelled(l, &kwh, "kw.heading", "");
    let kwn = add(&panels[4], "p", "summary");
    labelled(l, &kwn, "kw.note", "");
    let keywords = add(&panels[4], "div", "keywords");
    attr(&keywords, "id", "keywords");

    let tp = add(&ws, "section", "text-pane");
    attr(&tp, "aria-labelledby", "text-heading");
    let tph = add(&tp, "h2", "");
    attr(&tph, "id", "text-heading");
    labelled(l, &tph, "text.heading", "");
    let text_note = add(&tp, "p", "summary");
    // a target the engine missed: select its words in the text, then this
    let fix_add = button(&tp, "fix-add", "small", "fix.addSelection", l);
    let text_view = add(&tp, "div", "source");
    attr(&text_view, "id", "text-view");
    attr(&text_view, "tabindex", "0");
    attr(&text_view, "aria-labelledby", "text-heading");

    let announce = add(root, "p", "visually-hidden");
    attr(&announce, "id", "announce");
    attr(&announce, "aria-live", "polite");
    let drop = add(root, "div", "drop-overlay");
    attr(&drop, "aria-hidden", "true");
    let dl = add(&drop, "p", "");
    labelled(l, &dl, "input.drop", "");

    Els {
        root: root.clone(),
        input: input.unchecked_into(),
        file: file.unchecked_into(),
        sample: sample.unchecked_into(),
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
        f_search: f_search.unchecked_into(),
        f_subject,
        f_fixed,
        f_due_by: f_due_by.unchecked_into(),
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
    for (file, zh, en) in super::SAMPLES {
        let o = add_text(s, "option", "", if lang == Lang::Zh { zh } else { en });
        attr(&o, "value", file);
    }
    if let Ok(chips) = app.els.root.query_selector_all(".sample-chip") {
        for (k, (_, zh, en)) in super::SAMPLES.iter().enumerate() {
            if let Some(c) = chips.item(k as u32) {
                c.set_text_content(Some(if lang == Lang::Zh { zh } else { en }));
            }
        }
    }
    render_status(app);
}

pub fn render_status(app: &App) {
    let args: Vec<(&str, &str)> = app
        .status
        .args
        .iter()
        .map(|(k, v)| (*k, v.as_str()))
        .collect();
    let s = i18n::fmt(app.lang, app.status.key, &args);
    app.els.status.set_text_content(Some(&s));
    let _ = app
        .els
        .status
        .class_list()
        .toggle_with_force("error", app.status.error);
}

pub fn show_progress(app: &App, on: bool) {
    dom::set_hidden(&app.els.progress, !on);
}

fn value_of(e: &web_sys::Event) -> Option<String> {
    let t = e.target()?;
    if let Some(s) = t.dyn_ref::<HtmlSelectElement>() {
        return Some(s.value());
    }
    t.dyn_ref::<HtmlInputElement>().map(|i| i.value())
}

/// Attaches every listener (once).
pub fn wire() {
    let Some((input, file, sample, root)) = with_app(|a| {
        (
            a.els.input.clone(),
            a.els.file.clone(),
            a.els.sample.clone(),
            a.els.root.clone(),
        )
    }) else {
        return;
    };
    on(&input, "input", |e| {
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
        ) || with_app(|a| {
            // the length only: copying the whole value out at each event is what a big
            // insertion (hundreds of events) must not pay
            let now = a.els.input.text_length() as usize;
            now.abs_diff(a.requested_len) > super::BULK_CHARS
        })
        .unwrap_or(false);
        if bulk {
            super::on_bulk_edit()
        } else {
            super::on_edit()
        }
    });
    // Paste: always plain text; from HTML-only clipboards (some web pages, Word online) the
    // text is rebuilt with line breaks. Inserted at the caret like a normal paste.
    on(&input, "paste", |e| {
        let Some(ce) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
            return;
        };
        let Some(dt) = ce.clipboard_data() else {
            return;
        };
        let plain = dt.get_data("text/plain").unwrap_or_default();
        let text = if plain.trim().is_empty() {
            super::input::html_to_text(&dt.get_data("text/html").unwrap_or_default())
        } else {
            plain
        };
        e.prevent_default();
        let text = text.replace("\r\n", "\n").replace('\r', "\n");
        with_app(|a| {
            let i = &a.els.input;
            let s = i.selection_start().ok().flatten().unwrap_or(0);
            let en = i.selection_end().ok().flatten().unwrap_or(s);
            let _ = i.set_range_text_with_start_and_end_and_mode(&text, s, en, "end");
        });
        super::on_bulk_edit();
    });
    // Paste anywhere else on the page replaces the text (nothing to click first).
    on(&dom::document(), "paste", |e| {
        let in_field = dom::closest(&e, "textarea, input").is_some();
        if in_field {
            return;
        }
        let Some(ce) = e.dyn_ref::<web_sys::ClipboardEvent>() else {
            return;
        };
        let Some(dt) = ce.clipboard_data() else {
            return;
        };
        let plain = dt.get_data("text/plain").unwrap_or_default();
        let text = if plain.trim().is_empty() {
            super::input::html_to_text(&dt.get_data("text/html").unwrap_or_default())
        } else {
            plain
        };
        if !text.trim().is_empty() {
            e.prevent_default();
            super::replace_text(&text.replace("\r\n", "\n"));
        }
    });
    let f2 = file.clone();
    on(&file, "change", move |_| {
        if let Some(l) = f2.files() {
            open_files(&l, false);
        }
        f2.set_value("");
    });
    if let Some(folder) = dom::document()
        .get_element_by_id("folder-input")
        .and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok())
    {
        let f3 = folder.clone();
        on(&folder, "change", move |_| {
            if let Some(l) = f3.files() {
                open_files(&l, true);
            }
            f3.set_value("");
        });
    }
    let s2 = sample.clone();
    on(&sample, "change", move |_| {
        let v = s2.value();
        if let Some((file, _, _)) = super::SAMPLES.iter().find(|(f, _, _)| *f == v) {
            super::load_sample(file, false);
        }
        s2.set_value("");
    });
    // drag and drop anywhere on the page
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
        let files = dt.files().filter(|l| l.length() > 0);
        if let Some(l) = files {
            open_files(&l, false);
        } else if let Ok(t) = dt.get_data("text/plain") {
            if !t.trim().is_empty() {
                super::replace_text(&t);
            }
        }
    });
    let win = dom::window();
    // flush an edit still waiting for its debounced save (only then: a ?sample= page that was
    // never edited must not overwrite the saved text)
    on(&win, "pagehide", |_| {
        if with_app(|a| a.save_timer.is_some()).unwrap_or(false) {
            super::save_text();
        }
    });
    on(&win, "planlens:update", |e| {
        e.prevent_default(); // we show our own (translated) notice
        let detail = e.dyn_ref::<web_sys::CustomEvent>().map(|c| c.detail());
        with_app(|a| {
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
                super::set_status(
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
    on(&root, "click", |e| {
        if let Some(b) = dom::closest(&e, "button[data-sample]") {
            let v = b.get_attribute("data-sample").unwrap_or_default();
            if let Some((file, _, _)) = super::SAMPLES.iter().find(|(f, _, _)| *f == v) {
                super::load_sample(file, false);
            }
            return;
        }
        let Some(b) = dom::closest(&e, "button[id]") else {
            return;
        };
        let id = b.id();
        match id.as_str() {
            "lang-toggle" => {
                with_app(|a| {
                    a.lang = if a.lang == Lang::Zh {
                        Lang::En
                    } else {
                        Lang::Zh
                    };
                    super::save_lang(a.lang);
                    apply_lang(a);
                    views::render_all(a);
                });
                super::compare::rerender();
            }
            "update-reload" => {
                let d = with_app(|a| {
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
            "compare-toggle" => super::compare::toggle(true),
            "clear-input" => {
                super::set_input("");
                super::save_text();
                super::analyze_now(false);
                with_app(|a| dom::focus(a.els.input.as_ref()));
            }
            "export-csv" | "export-json" | "export-md" | "export-copy" | "export-print"
            | "export-labels" => views::export(&id),
            "expand-all" | "collapse-all" => with_app(|a| {
                a.expanded.clear();
                if id == "expand-all" {
                    if let Some(an) = &a.analysis {
                        for (p, n) in super::logic::flat_headings(&an.outline) {
                            if !n.children.is_empty() {
                                a.expanded.insert(p);
                            }
                        }
                    }
                }
                views::render_tree(a);
            })
            .unwrap_or(()),
            _ => {}
        }
    });
    // tabs
    let tablist = with_app(|a| a.els.tabs[0].parent_element()).flatten();
    if let Some(tl) = tablist {
        on(&tl, "click", |e| {
            if let Some(t) = dom::closest(&e, "[role=tab]") {
                let i = dom::index_attr(&t, "data-tab");
                views::show_tab(i, true);
            }
        });
        on(&tl, "keydown", |e| {
            let Some(k) = e.dyn_ref::<web_sys::KeyboardEvent>() else {
                return;
            };
            let cur = with_app(|a| a.tab).unwrap_or(0);
            let n = 5;
            let next = match k.key().as_str() {
                "ArrowRight" => (cur + 1) % n,
                "ArrowLeft" => (cur + n - 1) % n,
                "Home" => 0,
                "End" => n - 1,
                _ => return,
            };
            e.prevent_default();
            views::show_tab(next, true);
        });
    }
    // filters
    let (fk, fs, fd, fq, fsub, fby, ffix) = match with_app(|a| {
        (
            a.els.f_kind.clone(),
            a.els.f_section.clone(),
            a.els.f_deadline.clone(),
            a.els.f_search.clone(),
            a.els.f_subject.clone(),
            a.els.f_due_by.clone(),
            a.els.f_fixed.clone(),
        )
    }) {
        Some(x) => x,
        None => return,
    };
    let fby: Element = fby.into();
    let ffix: Element = ffix.into();
    let (fk, fs, fd, fsub): (Element, Element, Element, Element) =
        (fk.into(), fs.into(), fd.into(), fsub.into());
    for s in [&fk, &fs, &fd, &fsub, &fby, &ffix] {
        on(s, "change", |e| {
            let id = e
                .target()
                .and_then(|t| t.dyn_into::<Element>().ok())
                .map(|t| t.id())
                .unwrap_or_default();
            let v = value_of(&e).unwrap_or_default();
            views::set_filter(&id, &v);
        });
    }
    on(&fq, "input", |e| {
        let v = value_of(&e).unwrap_or_default();
        views::set_filter("filter-search", &v);
    });
    views::wire_results();
    super::compare::wire();
    super::corpus_hook::wire();
}

/// The select's options: (value, label, selected).
pub fn fill_select(s: &HtmlSelectElement, options: &[(String, String)], selected: &str) {
    let e: &Element = s.as_ref();
    dom::clear(e);
    for (v, label) in options {
        let o = el("option", "");
        attr(&o, "value", v);
        o.set_text_content(Some(label));
        let _ = e.append_child(&o);
    }
    s.set_value(selected);
}
