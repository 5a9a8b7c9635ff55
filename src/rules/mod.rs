//! Rule tables, one place each (docs/domain.md).
//!
//! The stages read their vocabulary from here instead of carrying scattered special cases, so a new
//! heading style, chrome phrase or element cue is one new row (with its own example in the row's
//! test), not a new branch somewhere in the pipeline.
//!
//! - [`markers`] — heading marker families and their printed variants;
//! - [`chrome`] — web-page chrome, page furniture and archive disclaimers;
//! - [`cues`] — document-element cues (titles, notices, signatures, dates, period words).

pub mod chrome;
pub mod cues;
pub mod markers;
