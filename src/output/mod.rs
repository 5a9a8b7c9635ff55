//! Output: the `planlens/1` contract ([`model`]) and its JSON, Markdown and CSV forms ([`render`]).

/// The labels' format of tests/devcorpus/README.md: the page's labels export, run in the engine's
/// extras module (and tested natively).
#[cfg(any(test, all(target_arch = "wasm32", feature = "extras")))]
pub mod labels;
pub mod model;
pub mod render;
/// Rows as an Excel workbook: the page's `.xlsx` export, in the extras module (tested natively).
#[cfg(any(test, all(target_arch = "wasm32", feature = "extras")))]
pub mod xlsx;
