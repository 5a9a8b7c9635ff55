//! The page's state: one thread-local [`App`] (what is shown, what is selected, the fixed
//! elements it is drawn into) and [`with_app`], the one way to reach it, which queues a call
//! made while another runs instead of dropping it ([`Store`]).

use super::engine;
use super::i18n::Lang;
use super::logic;
pub use super::logic::view::{Sel, View};
use crate::model::Analysis;
use std::cell::RefCell;
use std::collections::VecDeque;
use std::rc::Rc;
use web_sys::{Element, HtmlInputElement, HtmlSelectElement, HtmlTextAreaElement};

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

/// The generations of the renders under way: each is bumped when a new render begins, and a
/// render built in slices stops when its number is no longer the current one.
#[derive(Debug, Default)]
pub struct Renders {
    /// Bumped by every `panels::render_all`.
    pub all: u64,
    /// Bumped by every tree redraw.
    pub tree: u64,
    /// Bumped by every grid redraw.
    pub grid: u64,
    /// Which result panels show the current analysis (the hidden ones render a task later).
    pub done: [bool; 5],
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
    /// What the reader looks at (tab, filters, order, page, selection, outline), changed
    /// through its named updates.
    pub view: View,
    /// Which renders are current (the slices of an older one stop) and which panels show the
    /// current analysis.
    pub renders: Renders,
    pub kw: KwState,
    pub status: Status,
    /// The sample shown (its number), while its text is not edited: links name it.
    pub sample: Option<String>,
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
            view: View::default(),
            renders: Renders::default(),
            kw: KwState::Idle,
            status: Status {
                key: "status.empty",
                ..Status::default()
            },
            sample: None,
            corrections: Vec::new(),
            doc_key: String::new(),
        }
    }
}

/// Makes `app` the page's state (once, at start).
pub fn install(app: App) {
    APP.with(|s| s.set(app));
}

thread_local! {
    static APP: Store<App> = const { Store::new() };
}

/// Runs `f` on the page's state now and returns what it returns; `None` before the page
/// started, or when `f` was deferred (see [`Store::with`]).
pub fn with_app<R>(f: impl FnOnce(&mut App) -> R + 'static) -> Option<R> {
    APP.with(|s| s.with(f))
}

/// A piece of state only reachable through [`Store::with`], which never drops a call: a call
/// made while another runs (an event the browser fires synchronously during a render, such as
/// a focus change, or a listener of an event the page dispatches) cannot borrow the state, so
/// it is queued and runs right after the running one, on the same state, in the order the
/// calls came. Its result is then lost (the caller gets `None`), its effect is not.
pub struct Store<T: 'static> {
    state: RefCell<Option<T>>,
    deferred: RefCell<VecDeque<Deferred<T>>>,
}

type Deferred<T> = Box<dyn FnOnce(&mut T)>;

impl<T: 'static> Store<T> {
    pub const fn new() -> Self {
        Store {
            state: RefCell::new(None),
            deferred: RefCell::new(VecDeque::new()),
        }
    }

    /// Sets the state (at start).
    pub fn set(&self, v: T) {
        match self.state.try_borrow_mut() {
            Ok(mut g) => *g = Some(v),
            Err(_) => self
                .deferred
                .borrow_mut()
                .push_back(Box::new(move |t| *t = v)),
        }
    }

    /// Runs `f` on the state, then every call deferred meanwhile.
    pub fn with<R>(&self, f: impl FnOnce(&mut T) -> R + 'static) -> Option<R> {
        let Ok(mut g) = self.state.try_borrow_mut() else {
            self.deferred.borrow_mut().push_back(Box::new(move |t| {
                f(t);
            }));
            return None;
        };
        let t = g.as_mut()?;
        let r = f(t);
        self.run_deferred(t);
        Some(r)
    }

    /// Runs the calls deferred while the state was borrowed (one copy of this loop, not one per
    /// caller of [`Store::with`]: the page's first load counts its bytes).
    #[inline(never)]
    fn run_deferred(&self, t: &mut T) {
        loop {
            // the queue's borrow ends here: a deferred call may defer another
            let next = self.deferred.borrow_mut().pop_front();
            match next {
                Some(d) => d(t),
                None => break,
            }
        }
    }
}
