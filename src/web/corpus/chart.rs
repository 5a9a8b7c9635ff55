//! A row's values across documents as dots on one line, drawn in SVG (no chart library: a
//! hundred rows of a few dots each are a few elements), smallest left, the reference ringed.

use super::dom;
use super::read::{Cell, Row, View};
use web_sys::Element;

pub const SVG_NS: &str = "http://www.w3.org/2000/svg";

/// The dot chart of a row: width and height in px, and the margin left and right (whole pixels:
/// formatting floats would pull the float printer into the first load).
pub const CHART_W: i32 = 160;

pub const CHART_H: i32 = 18;

pub const CHART_PAD: i32 = 6;

pub fn svg(parent: &Element, tag: &str, attrs: &[(&str, String)]) -> Option<Element> {
    let e = dom::document().create_element_ns(Some(SVG_NS), tag).ok()?;
    for (k, v) in attrs {
        let _ = e.set_attribute(k, v);
    }
    let _ = parent.append_child(&e);
    Some(e)
}

/// The row's values across documents as dots on one line, smallest left; the reference's dot
/// ringed; each dot titled with its document and quantity.
pub fn chart(td: &Element, row: &Row, v: &View, reference: Option<usize>) {
    let pts: Vec<(usize, f64, &Cell)> = row
        .cells
        .iter()
        .enumerate()
        .filter_map(|(i, c)| c.as_ref().and_then(|t| t.value.map(|x| (i, x, t))))
        .collect();
    if pts.is_empty() {
        return;
    }
    let lo = pts.iter().map(|p| p.1).fold(f64::INFINITY, f64::min);
    let hi = pts.iter().map(|p| p.1).fold(f64::NEG_INFINITY, f64::max);
    let Some(s) = axis(td) else { return };
    for (i, x, t) in pts {
        let cx = if hi > lo {
            let span = f64::from(CHART_W - 2 * CHART_PAD);
            CHART_PAD + ((x - lo) / (hi - lo) * span + 0.5) as i32
        } else {
            CHART_W / 2
        };
        let name = v.documents.get(i).map(|d| d.name.as_str()).unwrap_or("");
        dot(&s, cx, reference == Some(i), &format!("{name}: {}", t.text));
    }
}

/// The chart's `<svg>` with its axis line.
fn axis(td: &Element) -> Option<Element> {
    let s = svg(
        td,
        "svg",
        &[
            ("width", CHART_W.to_string()),
            ("height", CHART_H.to_string()),
            ("viewBox", format!("0 0 {CHART_W} {CHART_H}")),
            ("class", "dots".into()),
            ("role", "img".into()),
        ],
    )?;
    let mid = (CHART_H / 2).to_string();
    svg(
        &s,
        "line",
        &[
            ("x1", CHART_PAD.to_string()),
            ("x2", (CHART_W - CHART_PAD).to_string()),
            ("y1", mid.clone()),
            ("y2", mid),
            ("class", "axis".into()),
        ],
    );
    Some(s)
}

/// One dot at `cx` on the axis, titled `title` (ringed for the reference).
fn dot(s: &Element, cx: i32, reference: bool, title: &str) {
    let class = if reference { "dot ref" } else { "dot" };
    let attrs = [
        ("cx", cx.to_string()),
        ("cy", (CHART_H / 2).to_string()),
        ("r", "4".into()),
        ("class", class.into()),
    ];
    if let Some(t) = svg(s, "circle", &attrs).and_then(|c| svg(&c, "title", &[])) {
        t.set_text_content(Some(title));
    }
}
