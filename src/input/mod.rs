//! Input: from what the user hands over (bytes, a `.docx`, Markdown, a scraped web page) to the
//! folded working [`crate::text::Text`] every later stage reads.
//!
//! - [`decode`] — bytes → text for the command line (encoding, or why it is not a plan);
//! - [`docx`] — the text of a `.docx`, one line per paragraph, Word's list markers included;
//! - [`pdf`] — the text layer of a PDF, its strings placed into lines; [`layout`] takes out what
//!   the page layout added (page numbers, running heads, wraps, spaced-out characters);
//! - [`clean`] — the cleaner: artefacts, full-width folding, print furniture, rejoined lines;
//! - [`markdown`] — Markdown marks, dropped by the cleaner like any other artefact;
//! - [`furniture`] — the rule table of web-page chrome, page furniture and archive disclaimers.

pub mod clean;
#[cfg(not(target_arch = "wasm32"))]
pub mod decode;
#[cfg(any(not(target_arch = "wasm32"), feature = "extras"))]
pub mod docx;
pub mod furniture;
#[cfg(any(not(target_arch = "wasm32"), feature = "pdf"))]
pub mod layout;
pub mod markdown;
#[cfg(any(not(target_arch = "wasm32"), feature = "pdf"))]
pub mod pdf;
