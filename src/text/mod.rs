//! The working copy of the input, with a map back to original char offsets.
//!
//! Every later stage reads [`Text::clean`], a *folded matching copy* of the input: artefacts and
//! furniture removed, full-width ASCII folded to half-width (`（`→`(`, `１`→`1`, `％`→`%`, `，`→`,`),
//! ideographic spaces turned into ASCII spaces, and hard-wrapped lines rejoined. Patterns can then
//! be written once, for half-width forms, and still match both.
//!
//! Nothing is lost: each byte of `clean` knows the char offset in the original input it came from,
//! so any byte range of `clean` becomes a `planlens/1` [`Span`] with [`Text::span`], and
//! [`Text::display`] gives back the words as they were written (full-width forms included).
//!
//! Why bytes and not chars: the `regex` crate reports byte offsets, and converting at the very end
//! (once per span) is cheaper than keeping the working copy as `Vec<char>`.
//!
//! [`numerals`] reads the numbers written in it, Arabic and Chinese: the outline's ordinals
//! (`十二、`) and the targets' quantities (`两万三`) alike.

pub mod numerals;

use crate::model::Span;
use std::ops::Range;

/// The folded working copy of one input and its offset map.
#[derive(Debug, Clone)]
pub struct Text {
    /// The folded, cleaned text. Paragraphs are separated by `\n`; an empty line stays empty.
    pub clean: String,
    /// `map[b]` = char offset in the original of the char that byte `b` of `clean` belongs to;
    /// `map[clean.len()]` = the original length in chars.
    map: Vec<u32>,
    /// The original input as chars, for [`Text::display`] and [`Text::original`].
    orig: Vec<char>,
    /// `key: value` pairs of a YAML front matter block the cleaner removed (values as written).
    front: Vec<(String, String)>,
}

impl Text {
    /// Original char offset of byte `b` of `clean` (clamped to the end).
    pub fn orig_offset(&self, b: usize) -> usize {
        self.map[b.min(self.map.len() - 1)] as usize
    }

    /// The first byte of `clean` that comes from original char `c` or later (the inverse of
    /// [`Text::orig_offset`]; `clean.len()` past the end).
    pub fn clean_offset(&self, c: usize) -> usize {
        let b = self.map.partition_point(|&o| (o as usize) < c);
        b.min(self.clean.len())
    }

    /// The `planlens/1` span of a byte range of `clean`: from the original position of its first
    /// char to just after the original position of its last char.
    pub fn span(&self, r: Range<usize>) -> Span {
        let r = self.clamp(r);
        let start = self.orig_offset(r.start);
        if r.end <= r.start {
            return [start, start];
        }
        let last = self.orig_offset(r.end - 1);
        [start, self.source_end(last, r.end).max(start)]
    }

    /// Just after the original source of the clean char that came from original offset `last`
    /// and ends at clean byte `next`. One char, except for a decoded HTML entity (`&#x1F600;` →
    /// 😀, `&amp;` → &), whose source runs to its `;` — the next clean char then comes from
    /// beyond `last + 1`. Without this a span ending in an entity would cut it at its `&`.
    fn source_end(&self, last: usize, next: usize) -> usize {
        let after = self.orig_offset(next);
        if self.orig.get(last) == Some(&'&') && after > last + 1 {
            let limit = after.min(last + 12).min(self.orig.len());
            if let Some(semi) = (last + 1..limit).find(|&i| self.orig[i] == ';') {
                return semi + 1;
            }
        }
        last + 1
    }

    /// The words of a byte range of `clean` as the input wrote them (full-width forms kept,
    /// removed artefacts and joined line breaks left out).
    pub fn display(&self, r: Range<usize>) -> String {
        let r = self.clamp(r);
        let mut out = String::with_capacity(r.len());
        for (i, c) in self.clean[r.clone()].char_indices() {
            let o = self
                .orig
                .get(self.orig_offset(r.start + i))
                .copied()
                .unwrap_or(c);
            out.push(if o != c && fold_char(o) == Some(c) {
                o
            } else {
                c
            });
        }
        out
    }

    /// The original input between two char offsets (what a span points at).
    pub fn original(&self, span: Span) -> String {
        let e = span[1].min(self.orig.len());
        let s = span[0].min(e);
        self.orig[s..e].iter().collect()
    }

    /// The `key: value` pairs of the YAML front matter the cleaner removed, if there was one.
    pub fn front_matter(&self) -> &[(String, String)] {
        &self.front
    }

    /// Records the front matter (the cleaner calls this).
    pub fn set_front_matter(&mut self, front: Vec<(String, String)>) {
        self.front = front;
    }

    /// Length of the original input in chars.
    pub fn original_len(&self) -> usize {
        self.orig.len()
    }

    /// Byte ranges of the lines of `clean` (without their `\n`), in order.
    pub fn lines(&self) -> impl Iterator<Item = Range<usize>> + '_ {
        let mut start = 0;
        self.clean.split('\n').map(move |l| {
            let r = start..start + l.len();
            start = r.end + 1;
            r
        })
    }

    /// `r` shrunk to lie inside `clean` on char boundaries.
    pub fn clamp(&self, r: Range<usize>) -> Range<usize> {
        let mut s = r.start.min(self.clean.len());
        let mut e = r.end.min(self.clean.len()).max(s);
        while !self.clean.is_char_boundary(s) {
            s -= 1;
        }
        while !self.clean.is_char_boundary(e) {
            e += 1;
        }
        s..e
    }
}

/// Builds a [`Text`] one char at a time, recording where each came from.
#[derive(Debug, Default)]
pub struct TextBuilder {
    clean: String,
    map: Vec<u32>,
}

impl TextBuilder {
    pub fn with_capacity(bytes: usize) -> Self {
        TextBuilder {
            clean: String::with_capacity(bytes),
            map: Vec::with_capacity(bytes + 1),
        }
    }

    /// Appends `c`, which stands for the original char at `orig` (char offset).
    pub fn push(&mut self, c: char, orig: usize) {
        self.clean.push(c);
        for _ in 0..c.len_utf8() {
            self.map.push(orig as u32);
        }
    }

    /// Appends `s`, whose chars stand one for one for the original chars from `orig` on: the
    /// same as pushing them one by one, as one copy (most of a plan passes cleaning unchanged).
    pub fn push_run(&mut self, s: &str, orig: usize) {
        self.clean.push_str(s);
        // a lead byte starts the next char; the first byte of `s` is one
        let mut o = (orig as u32).wrapping_sub(1);
        self.map.extend(s.bytes().map(|b| {
            if b & 0xC0 != 0x80 {
                o = o.wrapping_add(1);
            }
            o
        }));
    }

    /// Appends bytes `r` of `src` (char-aligned) with their original offsets.
    pub fn push_from(&mut self, src: &TextBuilder, r: Range<usize>) {
        self.clean.push_str(&src.clean[r.clone()]);
        self.map.extend_from_slice(&src.map[r]);
    }

    /// Original char offset of byte `b` of what has been built so far (clamped to the end).
    pub fn orig_at(&self, b: usize) -> usize {
        match self.map.get(b) {
            Some(&o) => o as usize,
            None => self.map.last().map_or(0, |&o| o as usize + 1),
        }
    }

    /// What has been built so far.
    pub fn as_str(&self) -> &str {
        &self.clean
    }

    /// Removes trailing chars while `f` holds for them.
    pub fn trim_end_matches(&mut self, f: impl Fn(char) -> bool) {
        while let Some(c) = self.clean.chars().next_back() {
            if !f(c) {
                break;
            }
            self.clean.pop();
            self.map.truncate(self.clean.len());
        }
    }

    pub fn finish(mut self, original: &str) -> Text {
        let orig: Vec<char> = original.chars().collect();
        self.map.push(orig.len() as u32);
        Text {
            clean: self.clean,
            map: self.map,
            orig,
            front: Vec::new(),
        }
    }
}

/// Sorted, non-overlapping byte ranges, for "is this offset inside any of them" in O(log n).
#[derive(Debug, Clone, Default)]
pub struct RangeSet(Vec<Range<usize>>);

impl RangeSet {
    pub fn new(mut v: Vec<Range<usize>>) -> Self {
        v.retain(|r| r.start < r.end);
        crate::order::by_key(&mut v, |r| r.start as u64);
        let mut out: Vec<Range<usize>> = Vec::with_capacity(v.len());
        for r in v {
            match out.last_mut() {
                Some(last) if r.start <= last.end => last.end = last.end.max(r.end),
                _ => out.push(r),
            }
        }
        RangeSet(out)
    }

    /// Is byte `at` inside one of the ranges?
    pub fn contains(&self, at: usize) -> bool {
        let i = self.0.partition_point(|r| r.start <= at);
        i > 0 && at < self.0[i - 1].end
    }

    /// Does `r` (not empty) share a position with one of the ranges?
    pub fn overlaps(&self, r: Range<usize>) -> bool {
        let i = self.0.partition_point(|x| x.start < r.end);
        i > 0 && r.start < self.0[i - 1].end
    }

    /// Does `r` lie wholly inside one of the ranges?
    pub fn covers(&self, r: &Range<usize>) -> bool {
        let i = self.0.partition_point(|x| x.start <= r.start);
        i > 0 && r.end <= self.0[i - 1].end
    }
}

/// A Chinese character: a CJK unified ideograph of the basic block (U+4E00–9FFF), of extension A
/// (U+3400–4DBF, rare characters that still turn up in place and person names) or of the
/// supplementary planes (extensions B and later, U+20000–3134F), or a compatibility ideograph
/// (U+F900–FAFF, what text converted from older encodings carries for some characters). All of
/// them are words of the text, so a heading's words or a subject may start with any of them; the
/// basic block alone missed a heading opened by a rare place name. Ideographic marks that are not
/// characters (`〇` as a digit, `々`, radicals) are left out: they never open a word.
pub fn is_han(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF | 0x20000..=0x3134F)
}

/// The fold of one char in the matching copy, or `None` when it stays as it is.
///
/// Full-width ASCII (U+FF01–FF5E) → ASCII; U+3000 and NBSP → space. Deliberately *not* NFKC: that
/// would turn `①` into `1` and `⑴` into `(1)`, destroying heading families, and `²` into a digit.
pub fn fold_char(c: char) -> Option<char> {
    match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0),
        '\u{3000}' | '\u{00A0}' | '\u{2002}'..='\u{200A}' | '\u{202F}' | '\t' => Some(' '),
        _ => None,
    }
}

/// `c` folded (see [`fold_char`]).
pub fn fold(c: char) -> char {
    fold_char(c).unwrap_or(c)
}

/// `s` folded char by char (see [`fold_char`]): a string written as the working copy writes it.
pub fn fold_str(s: &str) -> String {
    s.chars().map(fold).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn han_characters_of_every_block() {
        for c in ['教', '㐂', '𠀀', '豈'] {
            assert!(is_han(c), "{c}");
        }
        for c in ['〇', '々', '⺈', 'a', '1', '，', '、'] {
            assert!(!is_han(c), "{c}");
        }
    }

    fn build(s: &str) -> Text {
        let mut b = TextBuilder::default();
        for (i, c) in s.chars().enumerate() {
            b.push(fold(c), i);
        }
        b.finish(s)
    }

    /// A run copied in one go maps every byte as char-by-char pushes would.
    #[test]
    fn push_run_and_push_from_are_pushes_in_bulk() {
        let run = "a二、（十四五）€𝄞x";
        let (mut one, mut bulk) = (TextBuilder::default(), TextBuilder::default());
        one.push('开', 0);
        bulk.push('开', 0);
        for (i, c) in run.chars().enumerate() {
            one.push(c, 7 + i);
        }
        bulk.push_run(run, 7);
        assert_eq!((one.as_str(), &one.map), (bulk.as_str(), &bulk.map));
        let mut copy = TextBuilder::default();
        copy.push_from(&one, 3..one.as_str().len());
        assert_eq!(copy.as_str(), run);
        assert_eq!(copy.map, one.map[3..]);
    }

    #[test]
    fn spans_are_char_offsets_into_the_original() {
        let t = build("一、（一）达到６５％");
        let at = t.clean.find("65%").unwrap();
        let sp = t.span(at..at + 3);
        assert_eq!(sp, [7, 10]);
        assert_eq!(t.original(sp), "６５％");
        assert_eq!(t.display(at..at + 3), "６５％");
    }

    #[test]
    fn display_keeps_fullwidth_and_skips_removed_chars() {
        let src = "甲[x]乙，丙";
        let mut b = TextBuilder::default();
        for (i, c) in src.chars().enumerate() {
            if !(1..=3).contains(&i) {
                b.push(fold(c), i);
            }
        }
        let t = b.finish(src);
        assert_eq!(t.clean, "甲乙,丙");
        assert_eq!(t.display(0..t.clean.len()), "甲乙，丙");
        assert_eq!(t.span(0..t.clean.len()), [0, 7]);
    }

    #[test]
    fn lines_cover_the_text() {
        let t = build("a\n\nbc");
        let lines: Vec<_> = t.lines().map(|r| &t.clean[r]).collect();
        assert_eq!(lines, vec!["a", "", "bc"]);
    }

    #[test]
    fn range_sets_merge_and_answer_membership() {
        let s = RangeSet::new(vec![5..8, 0..2, 7..10, 3..3]);
        assert!(s.contains(0) && s.contains(9) && !s.contains(2) && !s.contains(10));
        assert!(s.covers(&(5..10)) && !s.covers(&(1..3)));
        assert!(!RangeSet::default().contains(0));
        assert!(s.overlaps(1..3) && s.overlaps(9..12) && s.overlaps(2..6));
        assert!(!s.overlaps(2..5) && !s.overlaps(10..11) && !RangeSet::default().overlaps(0..1));
    }

    #[test]
    fn a_span_ending_in_a_decoded_entity_covers_the_whole_entity() {
        // Found by the property tests: heading "第一节 &#x1F600;" had title span "&".
        let input = "a&#x1F600;b&amp;";
        let mut b = TextBuilder::with_capacity(8);
        b.push('a', 0);
        b.push('😀', 1);
        b.push('b', 10);
        b.push('&', 11);
        let t = b.finish(input);
        let r = |from: usize, to: usize| t.span(from..to);
        assert_eq!(r(0, 5), [0, 10]); // "a😀" → "a&#x1F600;"
        assert_eq!(r(1, 5), [1, 10]);
        assert_eq!(r(5, 7), [10, 16]); // "b&" → "b&amp;"
        assert_eq!(r(0, 1), [0, 1]);
        // A raw '&' kept as it is ends where it is, even before an entity-like tail.
        let raw = "x&copy;";
        let mut b = TextBuilder::with_capacity(8);
        for (i, c) in raw.chars().enumerate() {
            b.push(c, i);
        }
        let t = b.finish(raw);
        assert_eq!(t.span(0..2), [0, 2]);
    }

    #[test]
    #[allow(clippy::reversed_empty_ranges)]
    fn empty_ranges_and_out_of_bounds_do_not_panic() {
        let t = build("");
        assert_eq!(t.span(0..0), [0, 0]);
        assert_eq!(t.span(5..9), [0, 0]);
        assert_eq!(t.display(3..1), "");
    }
}
