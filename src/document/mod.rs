//! Document structure: what the plan is (its elements) and how it is built (outline, tables).
//!
//! - [`elements`] — title, issuer, date, 文号, 主送/抄送/附件, period, and where the body is;
//! - [`tables`] — tables carried flattened one cell per line, rebuilt;
//! - [`outline`] — the heading hierarchy;
//! - [`markers`] — the rule table of heading marker families and their printed variants;
//! - [`cues`] — the rule table of element cues (titles, notices, signatures, dates, period words);
//! - [`lexicon`] — the other words the structure stage compares against (regions, levels).

pub mod cues;
pub mod elements;
pub mod lexicon;
pub mod markers;
pub mod outline;
pub mod tables;
