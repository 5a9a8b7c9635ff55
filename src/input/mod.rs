//! Input: from what the user hands over (bytes, a `.docx`, Markdown, a scraped web page) to the
//! folded working [`crate::text::Text`] every later stage reads.
//!
//! - [`decode`] — bytes → text for the command line (encoding, or why it is not a plan);
//! - [`docx`] — the text of a `.docx`, one line per paragraph, Word's list markers included;
//! - [`clean`] — the cleaner: artefacts, full-width folding, print furniture, rejoined lines;
//! - [`markdown`] — Markdown marks, dropped by the cleaner like any other artefact;
//! - [`furniture`] — the rule table of web-page chrome, page furniture and archive disclaimers.

pub mod clean;
#[cfg(not(target_arch = "wasm32"))]
pub mod decode;
#[cfg(any(not(target_arch = "wasm32"), feature = "extras"))]
pub mod docx;
pub mod furniture;
pub mod markdown;
