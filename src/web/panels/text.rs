//! The source text beside the tabs, with every target, heading title and table region marked in
//! place (built in slices of blocks); a click on a mark selects what it marks.

use super::super::dom::{self, attr, on};
use super::super::i18n::fmt;
use super::super::i18n::num;
use super::super::logic::{self, Mark, Piece};
use super::super::selection::{select_heading, select_target};
use super::super::state::{with_app, App};
use super::super::widgets::{button, labelled, Labels};
use super::outline::MAX_TREE_ITEMS;
use super::{
    ensure_panel, parse_path, path_key, render_tabs, scroll_to, TAB_OVERVIEW, TAB_TARGETS,
};
use web_sys::Element;

/// Marks drawn in the source text at most.
pub const MAX_MARKS: usize = 20_000;

/// The source text with every target (and every heading title) marked in place, built a slice
/// at a time. The text goes into blocks (`.chunk`, cut only at a line end outside any mark) of
/// at most [`CHUNK_LINES`] lines or about [`CHUNK_BYTES`] bytes, each with
/// `content-visibility: auto` (app.css): the browser lays out only the blocks near the
/// viewport, so a long plan does not cost one long layout. Each block keeps its '\n', so the
/// view's text content is exactly the input. Finished blocks go into the view as they are made.
pub struct TextBuild {
    marks: Vec<Mark>,
    /// Tree path of each heading mark (`marks[..nh]`).
    heads: Vec<Vec<usize>>,
    /// Marks `[nh, nt)` are targets, `[nt..]` table regions.
    nh: usize,
    nt: usize,
    pieces: Vec<Piece>,
    /// The next piece, and how far into it (bytes) when it is a text cut at line ends.
    at: usize,
    sub: usize,
    chunk: web_sys::Node,
    lines: usize,
    bytes: usize,
    /// The open elements, the block at the bottom.
    stack: Vec<web_sys::Node>,
    capped: bool,
    /// Blocks added to the view so far.
    chunks: usize,
}

const CHUNK_LINES: usize = 30;

/// About 500 CJK chars: what a cold first layout of that much text costs (font fallback and
/// shaping of glyphs not seen yet) stays well under a frame's worth of main-thread time.
const CHUNK_BYTES: usize = 1500;

/// The first blocks (the top of the pane, in view) go in one per frame, so each frame lays out
/// one block; later blocks are off-screen and cost no layout until scrolled to.
const FRAME_CHUNKS: usize = 3;

/// How far a [`TextBuild::run`] got.
pub enum Built {
    Done,
    /// Time is up: continue in the next slice.
    More,
    /// A block in view was added: continue after the next frame.
    Frame,
}

impl TextBuild {
    pub fn new(app: &App) -> TextBuild {
        let mut marks: Vec<Mark> = Vec::new();
        let mut heads: Vec<Vec<usize>> = Vec::new();
        let (mut nh, mut nt, mut capped) = (0, 0, false);
        if let Some(a) = &app.analysis {
            for (p, n) in logic::flat_headings(&a.outline)
                .into_iter()
                .take(MAX_TREE_ITEMS)
            {
                marks.push(Mark {
                    start: n.title_span[0],
                    end: n.title_span[1],
                    rank: 0,
                    id: marks.len(),
                });
                heads.push(p);
            }
            nh = marks.len();
            capped = a.targets.len() > MAX_MARKS;
            for (i, t) in a.targets.iter().enumerate().take(MAX_MARKS) {
                marks.push(Mark {
                    start: t.span[0],
                    end: t.span[1],
                    rank: 1,
                    id: i,
                });
            }
            nt = marks.len();
            // rebuilt tables: their whole region, so a caption click can show where it was
            for (i, t) in a.tables.iter().enumerate() {
                marks.push(Mark {
                    start: t.span[0],
                    end: t.span[1],
                    rank: 0,
                    id: i,
                });
            }
        }
        let pieces = if app.analysis.is_some() {
            logic::mark_pieces(&app.text, &marks).0
        } else {
            Vec::new()
        };
        let chunk: web_sys::Node = dom::el("div", "chunk").into();
        TextBuild {
            marks,
            heads,
            nh,
            nt,
            pieces,
            at: 0,
            sub: 0,
            stack: vec![chunk.clone()],
            chunk,
            lines: 0,
            bytes: 0,
            capped,
            chunks: 0,
        }
    }

    /// Adds the current block to the view and starts a new one.
    fn flush(&mut self, view: &Element) {
        if self.chunk.has_child_nodes() {
            let _ = view.append_child(&self.chunk);
            self.chunks += 1;
        }
        self.chunk = dom::el("div", "chunk").into();
        self.stack[0] = self.chunk.clone();
        self.lines = 0;
        self.bytes = 0;
    }

    /// Builds until the text is complete, `deadline` has passed or one of the first blocks
    /// went in.
    pub fn run(&mut self, app: &App, deadline: f64) -> Built {
        let Some(a) = app.analysis.clone() else {
            return Built::Done;
        };
        let text = &app.text;
        let view = &app.els.text_view;
        let doc = dom::document();
        let mut ops = 0u32;
        while self.at < self.pieces.len() {
            ops += 1;
            if ops.is_multiple_of(64) && dom::now() >= deadline {
                return Built::More;
            }
            match &self.pieces[self.at] {
                Piece::Text(r) => {
                    let Some(s) = text.get(r.clone()) else {
                        self.at += 1;
                        continue;
                    };
                    if self.stack.len() > 1 {
                        if let Some(top) = self.stack.last() {
                            let _ = top.append_child(&doc.create_text_node(s));
                        }
                        self.bytes += s.len();
                        self.at += 1;
                        continue;
                    }
                    let rest = s.get(self.sub..).unwrap_or("");
                    let seg = match rest.find('\n') {
                        Some(k) => &rest[..=k],
                        None => rest,
                    };
                    if !seg.is_empty() {
                        let _ = self.chunk.append_child(&doc.create_text_node(seg));
                    }
                    self.sub += seg.len();
                    self.bytes += seg.len();
                    if self.sub >= s.len() {
                        self.at += 1;
                        self.sub = 0;
                    }
                    if seg.ends_with('\n') {
                        self.lines += 1;
                        if self.lines >= CHUNK_LINES || self.bytes >= CHUNK_BYTES {
                            self.flush(view);
                            if self.chunks <= FRAME_CHUNKS {
                                return Built::Frame;
                            }
                        }
                    }
                }
                Piece::Open(mi) => {
                    let mi = *mi;
                    let m = self.marks[mi];
                    let e = if mi < self.nh {
                        let e = dom::el("span", "h");
                        attr(&e, "data-h", &path_key(&self.heads[m.id]));
                        e
                    } else if mi >= self.nt {
                        let e = dom::el("span", "tbl");
                        attr(&e, "data-tb", &m.id.to_string());
                        e
                    } else {
                        let t = &a.targets[m.id];
                        let e = dom::el("mark", &format!("t k-{}", logic::kind_name(t.kind)));
                        attr(&e, "data-t", &m.id.to_string());
                        e
                    };
                    if let Some(top) = self.stack.last() {
                        let _ = top.append_child(&e);
                    }
                    self.stack.push(e.into());
                    self.at += 1;
                }
                Piece::Close => {
                    if self.stack.len() > 1 {
                        self.stack.pop();
                    }
                    self.at += 1;
                }
            }
        }
        self.flush(view);
        if self.capped {
            app.els.text_note.set_text_content(Some(&fmt(
                app.lang,
                "text.capped",
                &[("n", &num(MAX_MARKS))],
            )));
        }
        Built::Done
    }
}

/// Scrolls the source text pane (only it, not the page) so `e` is in its middle; on narrow
/// layouts where the pane is below the results, the pane itself is brought into view too
/// when `bring` (a selected target is not: its detail opens where the reader is instead).
pub fn scroll_text_to(app: &App, e: &Element, bring: bool) {
    let pane = &app.els.text_view;
    let (r, p) = (
        e.get_bounding_client_rect(),
        pane.get_bounding_client_rect(),
    );
    let top = pane.scroll_top() as f64 + r.top() - p.top() - p.height() / 2.0 + r.height() / 2.0;
    pane.set_scroll_top(top.max(0.0) as i32);
    let vh = dom::window()
        .inner_height()
        .ok()
        .and_then(|v| v.as_f64())
        .unwrap_or(800.0);
    let p = pane.get_bounding_client_rect();
    if bring && (p.bottom() < 0.0 || p.top() > vh) {
        let o = web_sys::ScrollIntoViewOptions::new();
        o.set_block(web_sys::ScrollLogicalPosition::Nearest);
        o.set_behavior(web_sys::ScrollBehavior::Instant);
        pane.scroll_into_view_with_scroll_into_view_options(&o);
    }
}

pub fn mark_in_text(app: &App, selector: &str) -> Option<Element> {
    if let Ok(Some(old)) = app.els.text_view.query_selector(".sel") {
        let _ = old.class_list().remove_1("sel");
    }
    let e = app.els.text_view.query_selector(selector).ok().flatten()?;
    let _ = e.class_list().add_1("sel");
    Some(e)
}

/// The text pane at the end of `ws`. Returns (its note, the add-a-target button, the view).
pub fn build(ws: &Element, l: &mut Labels) -> (Element, Element, Element) {
    let tp = dom::add(ws, "section", "text-pane");
    attr(&tp, "aria-labelledby", "text-heading");
    let tph = dom::add(&tp, "h2", "");
    attr(&tph, "id", "text-heading");
    labelled(l, &tph, "text.heading", "");
    let note = dom::add(&tp, "p", "summary");
    // a target the engine missed: select its words in the text, then this
    let fix_add = button(&tp, "fix-add", "small", "fix.addSelection", l);
    let view = dom::add(&tp, "div", "source");
    attr(&view, "id", "text-view");
    attr(&view, "tabindex", "0");
    attr(&view, "aria-labelledby", "text-heading");
    (note, fix_add, view)
}

/// A click on a target's mark shows it in the grid; on a heading, in the tree.
pub fn wire() {
    let Some(text) = with_app(move |a| a.els.text_view.clone()) else {
        return;
    };
    on(&text, "click", |e| {
        if let Some(m) = dom::closest(&e, "mark[data-t]") {
            let i: usize = dom::index_attr(&m, "data-t");
            with_app(move |a| {
                a.view.tab = TAB_TARGETS;
                ensure_panel(a, TAB_TARGETS);
                render_tabs(a);
                select_target(a, i, false, true);
            });
        } else if let Some(h) = dom::closest(&e, "span.h[data-h]") {
            let p = parse_path(&h.get_attribute("data-h").unwrap_or_default());
            with_app(move |a| {
                a.view.tab = TAB_OVERVIEW;
                ensure_panel(a, TAB_OVERVIEW);
                render_tabs(a);
                select_heading(a, &p, false);
                if let Ok(Some(li)) = a
                    .els
                    .tree
                    .query_selector(&format!("[data-path=\"{}\"]", path_key(&p)))
                {
                    scroll_to(&li);
                }
            });
        }
    });
}
