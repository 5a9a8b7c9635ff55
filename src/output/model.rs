//! The `planlens/1` output contract (see `docs/output-schema.md`).
//!
//! These types are the only thing the CLI and the WebAssembly binding serialise, so both emit the
//! same JSON by construction. Field order follows the schema document. Every [`Span`] is a
//! half-open range of Unicode scalar values (Rust `char`s) into the exact input text.

use serde::{Deserialize, Serialize};

/// Schema identifier written into every analysis.
pub const SCHEMA: &str = "planlens/1";

/// `[start, end)` in chars of the original input.
pub type Span = [usize; 2];

/// One analysed document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Analysis {
    pub schema: String,
    pub document: Document,
    pub outline: Vec<OutlineNode>,
    pub targets: Vec<Target>,
    pub tables: Vec<Table>,
    pub warnings: Vec<Warning>,
    /// The text extracted from a PDF or .docx, which every span points into; absent when the
    /// input was text (the spans then point into the input itself).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub text: Option<String>,
}

/// The document's own elements (GB/T 9704 parts that survive in plain text).
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub title: Option<String>,
    pub notice_title: Option<String>,
    pub issuers: Vec<String>,
    /// `YYYY-MM-DD`.
    pub date: Option<String>,
    pub doc_number: Option<String>,
    pub recipients: Vec<String>,
    pub cc: Vec<String>,
    pub attachments: Vec<String>,
    pub period: Option<Period>,
}

/// The years a plan covers, from its title or its own text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Period {
    pub from: i32,
    pub to: i32,
}

/// One heading of the plan body with everything under it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct OutlineNode {
    pub level: u32,
    /// The marker exactly as printed (`一、`, `(一)`, `1.`, `1`), `""` when unnumbered.
    pub marker: String,
    pub ordinal: Option<u32>,
    pub title: String,
    /// The heading and its whole body, up to the next heading of the same or a higher level.
    pub span: Span,
    /// The title as printed: from its first char to its last, with whatever cleaning took out
    /// between them (a line break it joined, spaces, an entity it decoded).
    pub title_span: Span,
    /// The input's own chars at `title_span`, given only when they differ from `title`, so that
    /// slicing the input at `title_span` always gives `title_raw`, or `title` when it is absent.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub title_raw: Option<String>,
    pub children: Vec<OutlineNode>,
}

/// One measurable commitment.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Target {
    pub text: String,
    pub span: Span,
    pub clause_span: Span,
    pub kind: TargetKind,
    pub value: Option<f64>,
    pub range: Option<[f64; 2]>,
    pub unit: Option<Box<str>>,
    pub comparator: Option<Comparator>,
    pub change: Option<Change>,
    pub deadline: Option<Box<str>>,
    pub due: Option<Box<str>>,
    pub subject: Option<Box<str>>,
    pub path: Vec<usize>,
    // Optional extras (docs/domain.md#targets); omitted from JSON when unknown.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub action: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub scope: Option<Scope>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub per: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub of: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub recurrence: Option<Box<str>>,
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub strength: Option<Strength>,
    /// Boxed: few targets have one, and every target of a huge input pays for the field's size.
    #[serde(skip_serializing_if = "Option::is_none", default)]
    pub responsible: Option<Box<Responsible>>,
    #[serde(skip_serializing_if = "Vec::is_empty", default)]
    pub flags: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum TargetKind {
    Count,
    Percent,
    Change,
    Money,
    Duration,
    Deadline,
    Coverage,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparator {
    Eq,
    Gt,
    Gte,
    Lt,
    Lte,
    Approx,
    Range,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Change {
    Increase,
    Decrease,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Scope {
    New,
    Total,
    PeriodTotal,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Strength {
    Firm,
    Aspirational,
    Planned,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Responsible {
    pub lead: Vec<String>,
    pub others: Vec<String>,
}

/// A table the text carried flattened, rebuilt.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Table {
    pub title: Option<String>,
    pub columns: Vec<String>,
    pub rows: Vec<Vec<String>>,
    pub span: Span,
}

/// Something a reader should know about the input or the result.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Warning {
    pub code: String,
    pub message: String,
    pub span: Span,
}

impl Target {
    /// A target with every optional field empty; extraction fills in what it knows.
    pub fn new(text: String, span: Span, clause_span: Span, kind: TargetKind) -> Self {
        Target {
            text,
            span,
            clause_span,
            kind,
            value: None,
            range: None,
            unit: None,
            comparator: None,
            change: None,
            deadline: None,
            due: None,
            subject: None,
            path: Vec::new(),
            action: None,
            scope: None,
            per: None,
            of: None,
            recurrence: None,
            strength: None,
            responsible: None,
            flags: Vec::new(),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_target_stays_small() {
        // A huge input holds millions of targets (`3所4所5所…`): every byte of the struct is
        // megabytes of peak memory, so rarely-set parts are boxed.
        assert!(
            std::mem::size_of::<Target>() <= 352,
            "{}",
            std::mem::size_of::<Target>()
        );
    }
}
