//! The page (issue 5), built in Rust with web-sys. `app::start_app` is called by the
//! platform's `boot.js` once the wasm is initialised; it does nothing when there is no `#app`
//! element (the same wasm also runs in the engine worker and in embedders' pages).
//!
//! Structure: `chrome` builds the static page once and wires every listener (delegated, so
//! re-rendering never adds listeners); `views` renders an analysis into the containers;
//! `logic` (no browser types) filters, sorts and cuts the text into marked pieces; `engine`
//! runs the analysis in the worker or on this thread; `input` decodes files and clipboard HTML;
//! `i18n` holds every string.
//!
//! Only `logic` is compiled natively (under `cfg(test)`, see `lib.rs`): it has no browser
//! types, so `cargo test` covers it; the rest needs a browser.

// natively only the tests call the view logic
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
pub(crate) mod logic;

#[cfg(target_arch = "wasm32")]
mod app;
#[cfg(target_arch = "wasm32")]
mod chrome;
#[cfg(target_arch = "wasm32")]
mod compare;
#[cfg(target_arch = "wasm32")]
mod corrections;
#[cfg(target_arch = "wasm32")]
mod dom;
#[cfg(target_arch = "wasm32")]
mod engine;
#[cfg(target_arch = "wasm32")]
mod i18n;
#[cfg(target_arch = "wasm32")]
mod input;
#[cfg(target_arch = "wasm32")]
mod views;

#[cfg(target_arch = "wasm32")]
use app::*;
