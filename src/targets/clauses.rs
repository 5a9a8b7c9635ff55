//! Sentence and clause segmentation of the plan body (docs/domain.md#targets, tests/devcorpus/README.md).
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

/// Longest clause (bytes, about 200 CJK chars) and sentence (about 1,000) before a cut is forced.
/// Real clauses and sentences are far shorter; text with no punctuation at all (a pasted table,
/// a flood of numbers) would otherwise make one clause of the whole input, and the target stage
/// reads back over the clause and the sentence for every number in it — quadratic. The forced cut
/// never falls right after a digit or a decimal point, so it does not split a number from its
/// digits or its unit.
const MAX_CLAUSE: usize = 600;
const MAX_SENTENCE: usize = 3000;

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
    let mut prev_digit = false;
    for (i, c) in t.clean[range.clone()].char_indices() {
        let b = range.start + i;
        let digit = c.is_ascii_digit() || c == '.';
        let mut sentence_end = match c {
            '。' | '!' | '?' | '\n' | '！' | '？' => true,
            ';' => fullwidth_semicolon(t, b),
            _ => false,
        };
        let clause_end = sentence_end
            || matches!(c, ';' | ':' | '，' | '；' | '：')
            || (c == ',' && !thousands_comma(s, b));
        let forced = !clause_end && b - clause_start >= MAX_CLAUSE && !prev_digit;
        prev_digit = digit;
        if forced {
            // The cut falls before `c`, which opens the next clause.
            push_clause(&mut clauses, clause_start, b);
            clause_start = b;
            if b - sent_start >= MAX_SENTENCE && !clauses.is_empty() {
                out.push(Sentence {
                    range: sent_start..b,
                    clauses: std::mem::take(&mut clauses),
                });
                sent_start = b;
            }
            continue;
        }
        sentence_end |= clause_end && b - sent_start >= MAX_SENTENCE;
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
    use crate::input::clean::clean;

    fn cut(src: &str) -> Vec<Vec<String>> {
        let t = clean(src);
        sentences(&t, 0..t.clean.len())
            .into_iter()
            .map(|s| {
                s.clauses
                    .into_iter()
                    .map(|c| t.clean[c].to_string())
                    .collect()
            })
            .collect()
    }

    #[test]
    fn a_run_without_punctuation_is_cut_into_bounded_clauses_and_sentences() {
        // Found by the 64 KB slow-input sweep: "50%" × 21,000 (one clause) took 0.4 s at 64 KB
        // and 49 s at 640 KB; "2023年" repeated likewise.
        for unit in ["50%", "达到50.5%", "2023年"] {
            let src = unit.repeat(60_000 / unit.len());
            let t = clean(&src);
            let ss = sentences(&t, 0..t.clean.len());
            assert!(ss.len() > 1, "{unit}");
            let mut covered = 0;
            for s in &ss {
                assert!(s.range.len() <= MAX_SENTENCE + 16, "{unit}: {:?}", s.range);
                for c in &s.clauses {
                    assert!(c.len() <= MAX_CLAUSE + 16, "{unit}: {c:?}");
                    assert_eq!(c.start, covered, "{unit}: clauses leave nothing out");
                    // A cut never follows a digit or a decimal point: numbers stay whole.
                    let before = t.clean[..c.start].chars().next_back();
                    assert!(
                        !before.is_some_and(|b| b.is_ascii_digit() || b == '.'),
                        "{unit}: cut after {before:?} at {}",
                        c.start
                    );
                    covered = c.end;
                }
            }
            assert_eq!(covered, t.clean.len(), "{unit}");
        }
        // A long run of digits is one number and stays whole.
        let digits = "1".repeat(2000);
        let t = clean(&digits);
        assert_eq!(sentences(&t, 0..t.clean.len())[0].clauses, vec![0..2000]);
        // A clause below the limit is untouched.
        assert_eq!(cut(&"加".repeat(150)), vec![vec!["加".repeat(150)]]);
    }

    #[test]
    fn sentences_end_at_full_stops_fullwidth_semicolons_and_lines() {
        let got = cut(
            "年内新增结对学校6所，总数达23所。设立基地10个;评选带头人200名；组建工作室20个\n　　下一行",
        );
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
