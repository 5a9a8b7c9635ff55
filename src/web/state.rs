//! The page's state: one thread-local [`App`] (what is shown, what is selected, the fixed
//! elements it is drawn into) and [`with_app`], the one way to reach it.

use super::engine;
use super::i18n::Lang;
use super::logic::{self, Filter, SortKey};
use crate::model::Analysis;
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

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

pub struct App {
    pub lang: Lang,
    pub els: Els,
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
    /// Bumped by every `panels::render_all`: the slices of an older, unfinished render stop.
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

impl App {
    /// The state of a page that shows nothing yet.
    pub fn new(lang: Lang, els: Els) -> App {
        App {
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
        }
    }
}

/// Makes `app` the page's state (once, at start).
pub fn install(app: App) {
    APP.with(|a| *a.borrow_mut() = Some(app));
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
