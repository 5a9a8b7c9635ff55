//! Small builders of the page's furniture shared by the shell, the panels and the compare pane:
//! buttons, labelled selects, the open-file picker, filled menus; and the label table that a
//! language switch walks.

use super::dom::{self, add, attr, el};
use wasm_bindgen::JsCast;
use web_sys::{Element, HtmlSelectElement};

/// The page's label table: (element, i18n key, attribute or "" for text content).
pub type Labels = Vec<(Element, &'static str, &'static str)>;

pub fn labelled(labels: &mut Labels, e: &Element, key: &'static str, attr_name: &'static str) {
    labels.push((e.clone(), key, attr_name));
}

/// An "open file" button (a label for a hidden file input taking .txt and .docx) and a sample
/// menu, as the main input and the compare pane both offer them. Returns (button label, file
/// input, sample menu).
pub fn file_picker(
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

/// A live line of counts over a grid table in its scrolling box: (the line, the table).
/// `ids`: the line's, the table's and the heading's that labels it.
pub fn grid_box(
    parent: &Element,
    wrap_class: &str,
    grid_class: &str,
    ids: [&str; 3],
) -> (Element, Element) {
    let info = add(parent, "p", "summary");
    attr(&info, "id", ids[0]);
    attr(&info, "aria-live", "polite");
    let gw = add(parent, "div", wrap_class);
    let grid = add(&gw, "table", grid_class);
    attr(&grid, "id", ids[1]);
    attr(&grid, "role", "grid");
    attr(&grid, "aria-labelledby", ids[2]);
    (info, grid)
}

pub fn button(
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

pub fn select(
    parent: &Element,
    id: &str,
    key: &'static str,
    labels: &mut Labels,
) -> HtmlSelectElement {
    let wrap = add(parent, "label", "field");
    let l = add(&wrap, "span", "field-label");
    labelled(labels, &l, key, "");
    let s = add(&wrap, "select", "");
    attr(&s, "id", id);
    s.unchecked_into()
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
