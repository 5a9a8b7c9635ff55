//! Shared helpers for the integration tests: the seed fixtures and the invariants every analysis
//! must satisfy, whatever the input.
#![allow(dead_code)]

use planlens::model::{Analysis, OutlineNode};
use std::path::PathBuf;

/// The five real plans copied from the shared seeds.
pub fn fixtures() -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_stem().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("utf-8 fixture"))
        })
        .collect();
    out.sort();
    out
}

fn slice(chars: &[char], span: [usize; 2]) -> String {
    chars[span[0]..span[1]].iter().collect()
}

/// Checks the invariants of one analysis of `input`; returns the first violation.
pub fn check_invariants(input: &str, a: &Analysis) -> Result<(), String> {
    let chars: Vec<char> = input.chars().collect();
    let n = chars.len();
    let ok = |s: [usize; 2]| s[0] <= s[1] && s[1] <= n;
    if a.schema != "planlens/1" {
        return Err(format!("schema {}", a.schema));
    }
    for t in &a.targets {
        if !ok(t.span) || !ok(t.clause_span) {
            return Err(format!(
                "target span out of range: {:?} {:?} (len {n})",
                t.span, t.clause_span
            ));
        }
        if slice(&chars, t.span) != t.text {
            return Err(format!(
                "target text {:?} != input at {:?} ({:?})",
                t.text,
                t.span,
                slice(&chars, t.span)
            ));
        }
        if !(t.clause_span[0] <= t.span[0] && t.span[1] <= t.clause_span[1]) {
            return Err(format!(
                "clause {:?} does not hold target {:?}",
                t.clause_span, t.span
            ));
        }
        if let (Some(v), Some(_)) = (t.value, t.range) {
            return Err(format!("target has both value {v} and a range"));
        }
    }
    // One commitment is one target: no two targets claim the same chars.
    let mut spans: Vec<[usize; 2]> = a.targets.iter().map(|t| t.span).collect();
    spans.sort();
    if let Some(w) = spans.windows(2).find(|w| w[1][0] < w[0][1]) {
        return Err(format!("targets overlap: {:?} and {:?}", w[0], w[1]));
    }
    for w in &a.warnings {
        if !ok(w.span) {
            return Err(format!("warning span out of range: {:?}", w.span));
        }
    }
    for tb in &a.tables {
        if !ok(tb.span) {
            return Err(format!("table span out of range: {:?}", tb.span));
        }
        if tb.rows.iter().any(|r| r.len() != tb.columns.len()) {
            return Err("table row width differs from its columns".into());
        }
        // Every cell is text at the table's span (less white space, folded as cleaning folds
        // full-width forms); a merged cell is repeated down its rows, so order is not checked.
        let at: String = chars[tb.span[0]..tb.span[1]]
            .iter()
            .map(|&c| planlens::fold(c))
            .filter(|c| !c.is_whitespace())
            .collect();
        if let Some(cell) = tb
            .columns
            .iter()
            .chain(tb.rows.iter().flatten())
            .map(|c| squeeze(c))
            .find(|c| !at.contains(c.as_str()))
        {
            return Err(format!(
                "table cell {cell:?} is not in the text at its span {:?}",
                tb.span
            ));
        }
    }
    check_nodes(&chars, &a.outline, [0, n], 1)
}

fn squeeze(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

fn check_nodes(
    chars: &[char],
    nodes: &[OutlineNode],
    parent: [usize; 2],
    level: u32,
) -> Result<(), String> {
    let mut prev_end = parent[0];
    for node in nodes {
        let s = node.span;
        if node.level != level {
            return Err(format!(
                "node {:?} has level {} under level {}",
                node.title,
                node.level,
                level - 1
            ));
        }
        if !(parent[0] <= s[0] && s[0] <= s[1] && s[1] <= parent[1]) {
            return Err(format!(
                "node {:?} span {:?} not inside parent {:?}",
                node.title, s, parent
            ));
        }
        if s[0] < prev_end {
            return Err(format!(
                "node {:?} overlaps its previous sibling",
                node.title
            ));
        }
        prev_end = s[1];
        let ts = node.title_span;
        if !(s[0] <= ts[0] && ts[0] <= ts[1] && ts[1] <= s[1]) {
            return Err(format!("title span {:?} not inside node span {:?}", ts, s));
        }
        // The input sliced at the title span is the title as printed: `title_raw` when cleaning
        // changed it, else the title itself.
        let printed = node.title_raw.as_deref().unwrap_or(&node.title);
        if slice(chars, ts) != printed || node.title_raw.as_deref() == Some(node.title.as_str()) {
            return Err(format!(
                "title span {ts:?} slices {:?}, not the title as printed {:?} (title {:?})",
                slice(chars, ts),
                node.title_raw,
                node.title
            ));
        }
        // The title is the text at its span, less what cleaning removed inside it (white space,
        // joined line breaks, converter artefacts): its chars appear there in order.
        // HTML entities in it are read decoded (`&#x1F600;` is the title "😀").
        let at = slice(chars, ts);
        let decoded = {
            let t = planlens::stages::clean(&at);
            t.display(0..t.clean.len())
        };
        if !is_subsequence(&squeeze(&node.title), &at)
            && !is_subsequence(&squeeze(&node.title), &decoded)
        {
            return Err(format!(
                "title {:?} is not the text at its span {:?}",
                node.title, at
            ));
        }
        check_nodes(chars, &node.children, s, level + 1)?;
    }
    Ok(())
}

fn is_subsequence(needle: &str, hay: &str) -> bool {
    let mut h = hay.chars();
    needle.chars().all(|c| h.any(|x| x == c))
}
