//! Sentence and clause segmentation of the plan body (domain guide §4.5, labels README).
//!
//! A sentence ends at `。！？`, the full-width `；` and a line break. The ASCII `;` that some plans
//! print inside a sentence is a clause break only — the folded working copy writes both as `;`,
//! so the original char decides. Clauses split at `,` `;` `:` — except a comma between digits
//! followed by exactly three digits, which is a thousands separator (`12,000个`).
//!
//! Verb, time and strength words are distributed over the clauses of one sentence by the target
//! stage; this module only cuts.

use crate::text::Text;
use std::ops::Range;

/// One sentence: its byte range in `Text::clean` and the ranges of its clauses, in order.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Sentence {
    pub range: Range<usize>,
    pub clauses: Vec<Range<usize>>,
}

/// Is the `;` at byte `b` of `t.clean` a full-width `；` in the original (a sentence end)?
fn fullwidth_semicolon(t: &Text, b: usize) -> bool {
    t.original(t.span(b..b + 1)) == "；"
}

/// A comma at byte `b` that separates thousands (`12,000`): digit before, three digits after,
/// then no further digit.
fn thousands_comma(s: &[u8], b: usize) -> bool {
    b > 0
        && s[b - 1].is_ascii_digit()
        && s.len() > b + 3
        && s[b + 1..b + 4].iter().all(u8::is_ascii_digit)
        && !s.get(b + 4).is_some_and(u8::is_ascii_digit)
}

/// The sentences of `range` (a byte range of `t.clean` on char boundaries), with their clauses.
/// Empty sentences (blank lines, a lone `。`) are left out.
pub fn sentences(t: &Text, range: Range<usize>) -> Vec<Sentence> {
    let range = t.clamp(range);
    let s = t.clean.as_bytes();
    let mut out = Vec::new();
    let mut sent_start = range.start;
    let mut clause_start = range.start;
    let mut clauses: Vec<Range<usize>> = Vec::new();
    let push_clause = |clauses: &mut Vec<Range<usize>>, a: usize, b: usize| {
        if b > a && !t.clean[a..b].trim().is_empty() {
            clauses.push(a..b);
        }
    };
    for (i, c) in t.clean[range.clone()].char_indices() {
        let b = range.start + i;
        let sentence_end = match c {
            '。' | '!' | '?' | '\n' | '！' | '？' => true,
            ';' => fullwidth_semicolon(t, b),
            _ => false,
        };
        let clause_end = sentence_end
            || matches!(c, ';' | ':' | '，' | '；' | '：')
            || (c == ',' && !thousands_comma(s, b));
        if clause_end {
            push_clause(&mut clauses, clause_start, b);
            clause_start = b + c.len_utf8();
        }
        if sentence_end {
            if !clauses.is_empty() {
                out.push(Sentence {
                    range: sent_start..b,
                    clauses: std::mem::take(&mut clauses),
                });
            }
            sent_start = b + c.len_utf8();
        }
    }
    push_clause(&mut clauses, clause_start, range.end);
    if !clauses.is_empty() {
        out.push(Sentence {
            range: sent_start..range.end,
            clauses,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    fn cut(src: &str) -> Vec<Vec<String>> {
        let t = clean(src);
        sentences(&t, 0..t.clean.len())
            .into_iter()
            .map(|s| s.clauses.into_iter().map(|c| t.clean[c].to_string()).collect())
            .collect()
    }

    #[test]
    fn sentences_end_at_full_stops_fullwidth_semicolons_and_lines() {
        let got = cut("年内新增结对学校6所，总数达23所。设立基地10个;评选带头人200名；组建工作室20个\n下一行");
        assert_eq!(
            got,
            vec![
                vec!["年内新增结对学校6所", "总数达23所"],
                vec!["设立基地10个", "评选带头人200名"],
                vec!["组建工作室20个"],
                vec!["下一行"],
            ]
        );
    }

    #[test]
    fn thousands_separators_do_not_cut() {
        let got = cut("增加学位超12,000个,新增课程1,5个");
        assert_eq!(got, vec![vec!["增加学位超12,000个", "新增课程1", "5个"]]);
    }

    #[test]
    fn empty_and_punctuation_only_input() {
        assert!(cut("").is_empty());
        assert!(cut("。。；\n\n").is_empty());
    }
}
