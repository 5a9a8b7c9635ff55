//! The page, built in Rust with web-sys. `shell::start_app` is called by the platform's
//! `boot.js` once the wasm is initialised; it does nothing when there is no `#app` element (the
//! same wasm also runs in the engine worker and in embedders' pages).
//!
//! Components, each a module that builds its fixed elements once, renders into them and wires
//! its own delegated listeners (re-rendering never adds a listener):
//! - `shell`: the frame (header, input pane, workspace, drop overlay) and the start-up;
//! - `panels`: the result tabs, one module per panel (`outline`, `filters`, `grid`, `detail`,
//!   `timeline`, `tables`, `keywords`, `text`), rendered in slices;
//! - `compare`: plan against plan (its result view in `compare::result`); `export`: the
//!   export toolbar; `status`: the status line;
//! - `corpus_hook` (corpus/hook.rs): hands several files or a folder to the corpus panel
//!   (corpus/, a wasm module of its own that boot.js imports on first use, so it weighs nothing
//!   in the first load) and opens a target the panel asks for in the page's own panels;
//! - `selection` and `keyboard`: what is selected, shown in every panel, and the tree's and
//!   grid's keys.
//!
//! Under them: `state` (the one thread-local `state::App`: what is shown, with what the reader
//! looks at as a `logic::view::View` changed through named updates; reached only through
//! `state::with_app`, which queues a call made while another runs instead of dropping it),
//! `doc` (the text in, the analysis out), `url` (the view in the URL's fragment), `samples`,
//! `widgets` (shared builders), `dom`, `i18n` (every string), `engine` (the analysis in the
//! worker or on this thread), `input` (files and clipboard HTML), `corrections` (the reader's
//! fixes). The shell imports the panels and the compare pane, never the other way round.
//!
//! Only `logic` (no browser types: filters, sorting, the text cut into marked pieces, the
//! compare rows) is compiled natively too, under `cfg(test)` (see `lib.rs`), so `cargo test`
//! covers it; the rest needs a browser.

// natively only the tests call the view logic
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod logic;

#[cfg(target_arch = "wasm32")]
mod compare;
#[cfg(target_arch = "wasm32")]
#[path = "corpus/hook.rs"]
mod corpus_hook;
#[cfg(target_arch = "wasm32")]
mod corrections;
#[cfg(target_arch = "wasm32")]
mod doc;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod engine;
#[cfg(target_arch = "wasm32")]
mod export;
#[cfg(target_arch = "wasm32")]
mod i18n;
#[cfg(target_arch = "wasm32")]
mod input;
#[cfg(target_arch = "wasm32")]
mod keyboard;
#[cfg(target_arch = "wasm32")]
mod panels;
#[cfg(target_arch = "wasm32")]
mod samples;
#[cfg(target_arch = "wasm32")]
mod selection;
#[cfg(target_arch = "wasm32")]
mod share;
#[cfg(target_arch = "wasm32")]
mod shell;
#[cfg(target_arch = "wasm32")]
mod state;
#[cfg(target_arch = "wasm32")]
mod status;
#[cfg(target_arch = "wasm32")]
mod url;
#[cfg(target_arch = "wasm32")]
mod widgets;
