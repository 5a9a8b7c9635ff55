//! Tables carried flattened one cell per line, rebuilt (domain guide §3.5).
//!
//! First version: no detection yet; the structure work fills this in.

use crate::model::Table;
use crate::text::Text;
use std::ops::Range;

/// A rebuilt table and where it sits in the working text.
#[derive(Debug, Clone)]
pub struct TableBlock {
    pub table: Table,
    /// Byte range of `Text::clean` the table occupies (headings are never looked for inside it).
    pub range: Range<usize>,
}

/// Finds flattened tables inside `body`.
pub fn detect(_t: &Text, _body: Range<usize>) -> Vec<TableBlock> {
    Vec::new()
}
