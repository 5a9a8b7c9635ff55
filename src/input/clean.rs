//! Input cleaning: from the raw input to the folded working [`Text`].
//!
//! Stage 1 works char by char: newlines normalised, invisible chars (BOM, zero-width,
//! private-use bullets) and converter artefacts (`[bookmark: _Hlk…]`, `（下转第2版）`) dropped, HTML
//! entities decoded, full-width forms folded (see [`crate::text::fold_char`]), leading and
//! trailing blanks of each line trimmed.
//!
//! Stage 2 works line by line: a YAML front matter block is removed (its fields kept on the
//! [`Text`]), print furniture (page numbers `— 3 —`, `（此页无正文）`) is dropped together with the
//! blank lines around it, and hard-wrapped lines are rejoined: a paragraph cut by a line break
//! (PDF text wrapped every ~28 chars, a stray break after a comma) becomes one line again. Joining
//! only drops the `\n`, so every kept char still maps to its original offset.

use crate::document::cues::{self, Cue};
use crate::document::markers::match_marker;
use crate::input::furniture::{classify, is_print_furniture};
use crate::rx::Regex;
use crate::text::{fold_char, Text, TextBuilder};
use std::ops::Range;
use std::sync::OnceLock;

/// A docx marker (`[bookmark: _Hlk…]`) is at most this many chars between its brackets, checked on
/// the match rather than compiled in (see [`crate::rx::within`]).
const MARKER_MAX: usize = 200;

/// Converter artefacts removed before anything else looks at the text (docs/domain.md#pdf), and
/// HTML entities (decoded): docx markers and entities, then page-jump notes (`（下转第2版）`).
/// Two patterns, not one alternation: in one, the page-jump's leading `(`/`（` — in nearly every
/// sentence of a plan — switched the literal prefilter off for all of them, and the search was
/// tens of times slower than the two apart.
const ARTEFACTS: [&str; 2] = [
    r"\[(?:bookmark|image|footnoteRef|endnoteRef|comment):[^\]\n]*\]|\[Page\]|&(?:nbsp|ensp|emsp|amp|lt|gt|quot|#\d{1,7}|#[xX][0-9a-fA-F]{1,6});|&\d{2,6};",
    r"[(（]\s*[上下]\s*[转接]\s*第\s*[0-9０-９一二三四五六七八九十A-Z]{1,3}\s*版\s*[)）]",
];

fn artefacts() -> &'static [Regex] {
    static RE: OnceLock<Vec<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        ARTEFACTS
            .iter()
            .map(|p| crate::rx::new(p).expect("artefact pattern"))
            .collect()
    })
}

/// The artefacts and Markdown marks of `input`, by start, none overlapping (an earlier one wins,
/// as it would in one alternation): byte range and what it becomes.
fn artefact_spans(input: &str) -> Vec<(usize, usize, Option<char>)> {
    let mut all: Vec<(usize, usize, Option<char>)> = artefacts()
        .iter()
        .flat_map(|re| crate::rx::find_iter_where(re, input, marker_within))
        .map(|m| (m.start(), m.end(), replacement(m.as_str())))
        .chain(
            crate::input::markdown::marks(input)
                .into_iter()
                .map(|(r, c)| (r.start, r.end, c)),
        )
        .collect();
    crate::order::by_key(&mut all, |d| d.0 as u64);
    let mut end = 0;
    all.retain(|d| {
        let keep = d.0 >= end;
        if keep {
            end = d.1;
        }
        keep
    });
    all
}

/// Is an artefact match within [`MARKER_MAX`]? Only a `[kind:…]` marker has a limit, on what
/// follows its colon.
fn marker_within(m: &crate::rx::Match) -> bool {
    let s = m.as_str();
    match (s.starts_with('['), s.find(':')) {
        (true, Some(colon)) => crate::rx::within(&s[colon + 1..s.len() - 1], MARKER_MAX),
        _ => true,
    }
}

/// What an artefact match becomes: an HTML entity its char, anything else nothing.
fn replacement(m: &str) -> Option<char> {
    let body = m.strip_prefix('&')?.strip_suffix(';')?;
    match body {
        "nbsp" | "ensp" | "emsp" => Some(' '),
        "amp" => Some('&'),
        "lt" => Some('<'),
        "gt" => Some('>'),
        "quot" => Some('"'),
        _ => {
            let n = if let Some(h) = body.strip_prefix("#x").or_else(|| body.strip_prefix("#X")) {
                u32::from_str_radix(h, 16).ok()?
            } else {
                body.strip_prefix('#')?.parse().ok()?
            };
            char::from_u32(n).filter(|c| !c.is_control() || *c == '\n')
        }
    }
}

/// Chars that carry no text: BOM, zero-width marks, soft hyphen, Word's private-use bullets, and
/// the bidirectional marks, embeddings, overrides and isolates (U+200E/F, U+202A–E, U+2066–9,
/// U+061C), which only steer display and would otherwise split a number from its unit.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{FEFF}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2066}'..='\u{2069}'
            | '\u{061C}'
            | '\u{2060}'
            | '\u{00AD}'
            | '\u{E000}'..='\u{F8FF}'
    ) || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{000C}'))
}

/// Cleans `input` into the working copy.
pub fn clean(input: &str) -> Text {
    let stage1 = fold_chars(input);
    let (out, front) = rejoin(&stage1, &form_feeds(input));
    let mut t = out.finish(input);
    t.set_front_matter(front);
    t
}

/// Stage 1: char by char.
fn fold_chars(input: &str) -> TextBuilder {
    // Byte ranges of the original to drop or replace wholesale.
    let drops = artefact_spans(input);
    let mut b = TextBuilder::with_capacity(input.len());
    let mut drop_i = 0;
    let mut line_start = true;
    let bytes = input.as_bytes();
    // A run of chars that pass unchanged (byte and char offset of its start), copied in one go
    // when a char that needs work ends it: most of a plan is such runs.
    let mut run: Option<(usize, usize)> = None;
    // byte and char offset of the next char
    let (mut bi, mut ci) = (0usize, 0usize);
    while bi < bytes.len() {
        while drop_i < drops.len() && drops[drop_i].1 <= bi {
            drop_i += 1;
        }
        // Fast path, without decoding: printable ASCII other than the blank, and the chars of
        // U+4000..U+9FFF (lead byte E4..E9: Han, never invisible, foldable or a break) pass
        // unchanged, up to the next artefact.
        let stop = drops.get(drop_i).map_or(bytes.len(), |d| d.0);
        let from = (bi, ci);
        while bi < stop {
            let width = match bytes[bi] {
                0x21..=0x7E => 1,
                0xE4..=0xE9 => 3,
                _ => break,
            };
            bi += width;
            ci += 1;
        }
        if bi > from.0 {
            run.get_or_insert(from);
            continue;
        }
        let Some(c) = input.get(bi..).and_then(|s| s.chars().next()) else {
            break;
        };
        let (at, this) = (bi, ci);
        bi += c.len_utf8();
        ci += 1;
        let dropped = drop_i < drops.len() && drops[drop_i].0 <= at;
        if !dropped && unchanged(c) {
            run.get_or_insert((at, this));
            continue;
        }
        if let Some((rb, rc)) = run.take() {
            b.push_run(&input[rb..at], rc);
            line_start = false;
        }
        let c = if dropped {
            match drops[drop_i].2 {
                Some(r) if drops[drop_i].0 == at => fold_char(r).unwrap_or(r),
                _ => continue,
            }
        } else {
            c
        };
        let c = match c {
            '\r' => {
                if bytes.get(bi) == Some(&b'\n') {
                    continue;
                }
                '\n'
            }
            '\u{000C}' | '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
            c if is_invisible(c) => continue,
            c => fold_char(c).unwrap_or(c),
        };
        if c == '\n' {
            b.trim_end_matches(|c| c == ' ');
            b.push('\n', this);
            line_start = true;
        } else if c == ' ' && line_start {
            continue;
        } else {
            b.push(c, this);
            line_start = false;
        }
    }
    if let Some((rb, rc)) = run {
        b.push_run(&input[rb..], rc);
    }
    b.trim_end_matches(|c| c == ' ');
    b
}

/// Does stage 1 keep `c` as it is (`b.push(c)`, whatever comes before or after)? Not for a line
/// break, a blank (trimmed at line ends and starts), an invisible char or a foldable one.
fn unchanged(c: char) -> bool {
    !matches!(
        c,
        '\r' | '\n' | ' ' | '\u{000C}' | '\u{2028}' | '\u{2029}' | '\u{0085}'
    ) && !is_invisible(c)
        && fold_char(c).is_none()
}

/// Byte ranges of the lines of `s` (without their `\n`).
fn line_ranges(s: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = 0;
    for l in s.split('\n') {
        out.push(start..start + l.len());
        start += l.len() + 1;
    }
    out
}

/// Char offsets of the form feeds (PDF page breaks) of `input`.
fn form_feeds(input: &str) -> Vec<usize> {
    if !input.contains('\u{000C}') {
        return Vec::new();
    }
    input
        .chars()
        .enumerate()
        .filter(|(_, c)| *c == '\u{000C}')
        .map(|(i, _)| i)
        .collect()
}

/// Blank lines at a page break (a form feed ends them or the line before them) belong to the
/// break, not the text: a paragraph that runs on across the page is one paragraph.
fn drop_page_break_blanks(
    b1: &TextBuilder,
    lines: &[Range<usize>],
    feeds: &[usize],
    drop: &mut [bool],
) {
    let is_feed = |i: usize| {
        let end = lines[i].end;
        end < b1.as_str().len() && feeds.binary_search(&b1.orig_at(end)).is_ok()
    };
    for i in 0..lines.len() {
        if !is_feed(i) {
            continue;
        }
        let mut j = i;
        while lines[j].is_empty() {
            drop[j] = true;
            match j.checked_sub(1) {
                Some(k) => j = k,
                None => break,
            }
        }
        drop_blanks_after(lines, i, drop);
    }
}

/// Marks the blank lines right after line `i` dropped.
fn drop_blanks_after(lines: &[Range<usize>], i: usize, drop: &mut [bool]) {
    let mut j = i + 1;
    while j < lines.len() && lines[j].is_empty() {
        drop[j] = true;
        j += 1;
    }
}

/// Stage 2: line by line — front matter, furniture, hard wraps.
fn rejoin(b1: &TextBuilder, feeds: &[usize]) -> (TextBuilder, Vec<(String, String)>) {
    let s = b1.as_str();
    let lines = line_ranges(s);
    let mut drop = vec![false; lines.len()];
    let front = front_matter(s, &lines, &mut drop);
    if !feeds.is_empty() {
        drop_page_break_blanks(b1, &lines, feeds, &mut drop);
    }
    for i in 0..lines.len() {
        if !drop[i] && is_print_furniture(&s[lines[i].clone()]) {
            drop[i] = true;
            // The blank lines around a page number belong to the page break, not the text.
            let mut j = i;
            while j > 0 && lines[j - 1].is_empty() {
                j -= 1;
                drop[j] = true;
            }
            drop_blanks_after(&lines, i, &mut drop);
        }
    }
    drop_running_heads(s, &lines, &mut drop);
    let width = wrap_width(s, &lines, &drop);
    let mut out = TextBuilder::with_capacity(s.len());
    let kept: Vec<usize> = (0..lines.len()).filter(|&i| !drop[i]).collect();
    for (k, &i) in kept.iter().enumerate() {
        let r = lines[i].clone();
        out.push_from(b1, r.clone());
        if i + 1 == lines.len() {
            break;
        }
        let joined = kept.get(k + 1).is_some_and(|&j| {
            let between_dropped = (i + 1..j).all(|x| drop[x]);
            between_dropped
                && !r.is_empty()
                && !lines[j].is_empty()
                && joins(
                    &s[r.clone()],
                    &s[lines[j].clone()],
                    width,
                    indented(b1, &lines[j]),
                )
        });
        if !joined && kept.get(k + 1).is_some() {
            out.push('\n', b1.orig_at(r.end));
        }
    }
    (out, front)
}

/// Running headers and footers of PDF text: a short line that sits next to a page number at two
/// page breaks or more (`某县人民政府文件` ⏎ `— 3 —`). Only copies next to a page break go; the
/// same words elsewhere are text.
fn drop_running_heads(s: &str, lines: &[Range<usize>], drop: &mut [bool]) {
    use std::collections::HashMap;
    let mut next_to_break: Vec<usize> = Vec::new();
    for i in 0..lines.len() {
        if !(drop[i] && is_print_furniture(&s[lines[i].clone()])) {
            continue;
        }
        // Look a few lines each way only (a page break is surrounded by a blank line or two).
        let before = (i.saturating_sub(4)..i)
            .rev()
            .find(|&j| !drop[j] && !lines[j].is_empty());
        let after = (i + 1..lines.len().min(i + 5)).find(|&j| !drop[j] && !lines[j].is_empty());
        next_to_break.extend(before.into_iter().chain(after));
    }
    let mut count: HashMap<&str, usize> = HashMap::new();
    for &j in &next_to_break {
        let l = &s[lines[j].clone()];
        if l.chars().count() <= 40 && !l.ends_with(ENDS) {
            *count.entry(l).or_default() += 1;
        }
    }
    for &j in &next_to_break {
        if count.get(&s[lines[j].clone()]).is_some_and(|&n| n >= 2) {
            drop[j] = true;
        }
    }
}

/// A YAML front matter block at the very start (`---` … `---`): its lines are dropped and its
/// `key: value` pairs returned. A `---` rule with no `key: value` inside is left alone.
fn front_matter(s: &str, lines: &[Range<usize>], drop: &mut [bool]) -> Vec<(String, String)> {
    let Some(first) = lines.iter().position(|r| !r.is_empty()) else {
        return Vec::new();
    };
    if s[lines[first].clone()].trim() != "---" {
        return Vec::new();
    }
    let Some(close) = (first + 1..lines.len().min(first + 80))
        .find(|&i| matches!(s[lines[i].clone()].trim(), "---" | "..."))
    else {
        return Vec::new();
    };
    let pairs: Vec<(String, String)> = lines[first + 1..close]
        .iter()
        .filter_map(|r| {
            let l = &s[r.clone()];
            let (k, v) = l.split_once(':')?;
            let k = k.trim();
            (!k.is_empty() && k.chars().count() <= 30 && !k.contains(' '))
                .then(|| (k.to_string(), v.trim().to_string()))
        })
        .collect();
    if pairs.is_empty() {
        return Vec::new();
    }
    for d in drop.iter_mut().take(close + 1).skip(first) {
        *d = true;
    }
    pairs
}

/// Display width of a line in half-width columns (a CJK char is two).
/// Print width of a stage-1 line: a Han char 2, a digit or letter 1. Punctuation is 2 even in its
/// ASCII form, because stage 1 folded the full-width `，；：（）` of the source to ASCII — counting
/// it as 1 would spread one wrap width over several.
///
/// Counted up to [`COLUMNS_CAP`] only: every use compares the width with a number below the cap
/// (the vote's 128 slots, `best + 4`, `width` ≤ 127), so a wider line is just "wider", and a
/// paragraph of 300 chars is not read to its end for that (it was 3.5 % of a batch run).
fn columns(l: &str) -> usize {
    let mut w = 0;
    for c in l.chars() {
        w += if c.is_ascii_alphanumeric() || c == ' ' || c == '.' || c == '%' {
            1
        } else {
            2
        };
        if w >= COLUMNS_CAP {
            return COLUMNS_CAP;
        }
    }
    w
}

/// Where [`columns`] stops counting: above every width the wrap vote compares against.
const COLUMNS_CAP: usize = 132;

/// The width text was hard-wrapped at, when many lines share one and stop mid-sentence there
/// (PDF text: 28 chars a line), in columns; `None` for text whose lines are paragraphs.
fn wrap_width(s: &str, lines: &[Range<usize>], drop: &[bool]) -> Option<usize> {
    let mut total = 0usize;
    let mut hist = [0usize; 128];
    let mut widths: Vec<usize> = Vec::new();
    for (r, d) in lines.iter().zip(drop) {
        if *d || r.len() < 8 {
            continue;
        }
        let l = &s[r.clone()];
        let w = columns(l);
        // headings, signatures and table cells are narrower than any wrap: they neither vote nor
        // dilute the vote (a short notice is half headings); rows of a table printed a row per
        // line share a width without being wrapped
        if w < MIN_WRAP || table_row(l) {
            continue;
        }
        total += 1;
        widths.push(w);
        // Only lines that stop mid-sentence vote: a paragraph's last line ends with 。.
        if w < hist.len() && !l.ends_with(ENDS) {
            hist[w] += 1;
        }
    }
    // The most common width among them, counting neighbours within two columns.
    let (best, count) = (MIN_WRAP..hist.len() - 2)
        .map(|w| (w, hist[w - 2..=w + 2].iter().sum::<usize>()))
        .max_by_key(|&(w, c)| (c, w))?;
    // A wrap width bounds nearly every line: text with many lines wider than it (a notice's
    // one-line paragraphs, a web page) was not wrapped there. A few wider ones are another
    // page's layout (the notes of a landscape form, an attached leaflet in another font).
    let wider = widths.iter().filter(|&&w| w > best + 4).count();
    (count >= 4 && count * 10 >= total * 3 && wider * 5 <= total).then_some(best + 2)
}

/// Narrowest wrap width believed (columns): narrower "widths" are table cells and headings.
const MIN_WRAP: usize = 30;

/// Sentence or clause ends after which a line break is a real paragraph break.
const ENDS: &[char] = &['。', '!', '?', ';', ':', '…', '”', '》', ')'];
/// Chars after which a line break cannot end a paragraph.
const OPEN: &[char] = &[',', '、', '(', '“', '《', '—'];

/// Does the line break between `a` and `b` cut a paragraph?
fn joins(a: &str, b: &str, width: Option<usize>, b_indented: bool) -> bool {
    let Some(last) = a.chars().last() else {
        return false;
    };
    if blocks_join(b) || classify(a).is_some() || row_not_prose(a) || row_not_prose(b) {
        return false;
    }
    // A marker alone on its line (`（一）` ⏎ `总体要求`): the heading text is on the next line.
    if lone_marker().is_match(a) {
        return true;
    }
    // Inside an unclosed bracket (`（牵头单位：` ⏎ `县住建局）`) the text goes on.
    let open = a.matches('(').count() > a.matches(')').count();
    if open && !b.starts_with('(') && last != '。' {
        return true;
    }
    if ENDS.contains(&last) {
        return false;
    }
    // `—` alone on its line is an empty table cell, not a dash that runs on
    if OPEN.contains(&last) && !a.trim().chars().all(|c| matches!(c, '—' | '-' | '－')) {
        return true;
    }
    // A line that finishes a sentence and runs on past it without an end (`…85座，其中2024年` ⏎
    // `完成30座。`) was cut inside the next one, unless the next line is indented: a heading
    // holds no 。 before its end.
    if !b_indented
        && a.rsplit_once('。')
            .is_some_and(|(_, tail)| tail.chars().count() >= 4)
    {
        return true;
    }
    // A line that fills the wrap width (less the two-char indent of a first line), unless the
    // next line is indented: an indent opens a paragraph (a full-width heading ends before it).
    !b_indented && width.is_some_and(|w| columns(a) + 6 >= w)
}

/// Did line `r` (of the stage-1 text) begin with white space the first stage trimmed — the
/// paragraph indent of PDF and Word text?
fn indented(b1: &TextBuilder, r: &Range<usize>) -> bool {
    r.start > 0 && b1.orig_at(r.start) > b1.orig_at(r.start - 1) + 1
}

/// A table row ([`table_row`]) that is not a line of prose whose PDF copy spaces out its numbers
/// (`…科普节目。到 2022 年和 2030 年,全国…`): a row ends no sentence (`。`) and runs no clause on
/// (a comma before a word).
fn row_not_prose(l: &str) -> bool {
    let prose = l.contains('。')
        || l.match_indices(',')
            .any(|(i, _)| l[i + 1..].starts_with(|c: char| !c.is_ascii_digit()));
    !prose && table_row(l)
}

/// A heading marker with nothing after it.
fn lone_marker() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::rx::new(r"^(?:\(\s*[一二三四五六七八九十\d]{1,3}\s*\)|[一二三四五六七八九十]{1,3}\s*[、.]|\d{1,3}\s*[.、]|[①-⑳⑴-⒇⒈-⒛㈠-㈩])$")
            .expect("lone marker")
    })
}

/// A row of a table printed a row per line (tabs arrive here as spaces): four or more
/// space-separated parts, two of them numbers or value cells (`13 森林覆盖率 % 38.2 40 预期性`,
/// `序号 指标 单位 2020年 2025年 属性`). It is never joined to a neighbour: its line break is
/// the table's.
fn table_row(l: &str) -> bool {
    let mut parts = 0;
    let mut values = 0;
    for p in l.split(' ').filter(|p| !p.is_empty()) {
        parts += 1;
        values +=
            usize::from(p.starts_with(|c: char| c.is_ascii_digit() || "≥≤<>〔%—".contains(c)));
    }
    parts >= 4 && values >= 2
}

/// Lines that always start something new: headings, elements, dates, furniture.
fn blocks_join(b: &str) -> bool {
    match_marker(b).is_some_and(|h| !h.degraded)
        || ["附件", "抄送", "主送", "印发", "特此", "联系人", "——"]
            .iter()
            .any(|w| b.starts_with(w))
        || cues::is(Cue::DateArabic, b)
        || cues::is(Cue::DateCjk, b)
        || classify(b).is_some()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn direction_marks_are_dropped_and_targets_survive_them() {
        let marks = "\u{200E}\u{200F}\u{202A}\u{202B}\u{202C}\u{202D}\u{202E}\u{2066}\u{2067}\u{2068}\u{2069}\u{061C}";
        assert_eq!(clean(&format!("覆{marks}盖率")).clean, "覆盖率");
        let a = crate::analyze("完成\u{200E}9\u{202E}所\u{200F}学校建设。");
        assert_eq!(a.targets.len(), 1);
        assert_eq!(a.targets[0].value, Some(9.0));
    }

    /// The capped width is the full width up to the cap, and the cap beyond it.
    #[test]
    fn columns_are_exact_below_the_cap() {
        let full = |l: &str| -> usize {
            l.chars()
                .map(|c| match c {
                    c if c.is_ascii_alphanumeric() || " .%".contains(c) => 1,
                    _ => 2,
                })
                .sum()
        };
        for n in [0, 1, 40, 65, 66, 67, 300] {
            for l in [
                "长".repeat(n),
                "a,长".repeat(n),
                format!("{}x", "长".repeat(n)),
            ] {
                assert_eq!(columns(&l), full(&l).min(COLUMNS_CAP), "{l}");
            }
        }
    }

    fn orig_of(t: &Text, needle: &str) -> String {
        let at = t.clean.find(needle).unwrap();
        t.original(t.span(at..at + needle.len()))
    }

    /// A bracketed marker longer than MARKER_MAX is text, and an entity inside it is still read.
    #[test]
    fn overlong_markers_stay_and_their_entities_are_decoded() {
        let body = "x".repeat(MARKER_MAX - 1);
        assert_eq!(clean(&format!("a[bookmark: {body}]b")).clean, "ab");
        assert_eq!(
            clean(&format!("a[bookmark: {body}x]b")).clean,
            format!("a[bookmark: {body}x]b")
        );
        let long = format!("a[bookmark: {body}&amp;yy]b");
        assert_eq!(clean(&long).clean, format!("a[bookmark: {body}&yy]b"));
    }

    #[test]
    fn strips_bookmarks_and_keeps_offsets() {
        let src = "一、总则\n[bookmark: _Hlk131512965]1.强化思想武装。";
        let t = clean(src);
        assert_eq!(t.clean, "一、总则\n1.强化思想武装。");
        let at = t.clean.find("1.").unwrap();
        let sp = t.span(at..at + 2);
        let chars: Vec<char> = src.chars().collect();
        assert_eq!(chars[sp[0]..sp[1]].iter().collect::<String>(), "1.");
    }

    #[test]
    fn folds_fullwidth_and_trims_lines() {
        let t = clean("\u{3000}\u{3000}（一）达到６５％ \r\n\u{FEFF}下一行");
        assert_eq!(t.clean, "(一)达到65%\n下一行");
        assert_eq!(
            t.display(0..t.clean.find('\n').unwrap()),
            "（一）达到６５％"
        );
    }

    #[test]
    fn empty_and_binary_input() {
        assert_eq!(clean("").clean, "");
        let t = clean("\u{0}\u{1}abc\u{7f}");
        assert_eq!(t.clean, "abc");
    }

    #[test]
    fn rejoins_a_line_broken_after_a_comma() {
        let src = "(二十七)加强教育经费投入。落实多元化教育经费投入,\n加强经费投入分析研判,积极争取教育经费。\n(二十八)推进项目。";
        let t = clean(src);
        assert_eq!(
            t.clean,
            "(二十七)加强教育经费投入。落实多元化教育经费投入,加强经费投入分析研判,积极争取教育经费。\n(二十八)推进项目。"
        );
        assert_eq!(orig_of(&t, "投入,加强"), "投入,\n加强");
    }

    /// A ragged wrap (no width to vote for) inside the sentence after a finished one is joined;
    /// an indented next line, a heading and a short tail after the 。 are not.
    #[test]
    fn rejoins_a_line_cut_inside_the_sentence_after_a_full_stop() {
        let src = "（二）实施危桥改造工程。三年内完成危桥改造85座，其中2024年\n完成30座。\n";
        assert_eq!(
            clean(src).clean,
            "(二)实施危桥改造工程。三年内完成危桥改造85座,其中2024年完成30座。\n"
        );
        for kept in [
            "（二）实施危桥改造工程。三年内完成危桥改造85座\n　　完成30座。\n",
            "一、总体要求\n到2025年完成30座。\n",
            "全面完成。见下\n表1\n",
            "（二）实施危桥改造工程。三年内完成危桥改造85座\n（三）推进一体化。\n",
        ] {
            assert_eq!(clean(kept).clean.lines().count(), 2, "{kept:?}");
        }
    }

    /// Rows of a table printed a row per line share a width and end in no full stop, but are
    /// never a wrapped paragraph: each stays its own line.
    #[test]
    fn table_rows_are_not_rejoined() {
        let mut src = String::from("专栏 主要指标\n序号 指标 单位 2020年 2025年 属性\n");
        for i in 1..=30 {
            src.push_str(&format!(
                "{i} 全市空气质量指标名称{i} % 8{} ≥9{} 约束性\n",
                i % 10,
                i % 10
            ));
        }
        assert_eq!(clean(&src).clean.lines().count(), 32);
    }

    /// A PDF line of prose with spaced-out years is no table row: its wrap is joined.
    #[test]
    fn prose_with_spaced_numbers_is_rejoined() {
        let src = "推动形成体医结合的疾病管理模式。到 2022 年和 2030 年，全国居民健康素养水平分别\n不低于 22%和 30%。\n";
        assert_eq!(clean(src).clean.lines().count(), 1);
    }

    #[test]
    fn short_heading_lines_do_not_outvote_the_wrap_width() {
        // a short notice: more heading and signature lines than wrapped lines
        let src = "某市人民政府办公室\n关于印发方案的通知\n各区县人民政府：\n一、工作目标\n\
\u{3000}\u{3000}到2025年，中心城区排水管网密度达到每平方公里12公里以\n\
上，雨污分流改造完成率达到80%，城市内涝积水点动态清零；\n\
二、主要任务\n（一）补齐管网短板\n\
\u{3000}\u{3000}新建改造雨水管网300公里，其中2024年完成120公里。2024\n\
年10月底前完成易涝积水点排查，建立“一点一策”整治台账。\n\
（二）实施泵站改造\n（三）建设调蓄设施\n\
\u{3000}\u{3000}因地制宜建设雨水调蓄池，新增调蓄总容积不少于20万立方\n\
米。城市新区、各类园区和成片开发区域可渗透地面面积比例不\n\
低于40%。\n（四）提升应急能力\n三、保障措施\n某市人民政府办公室\n2024年4月2日\n";
        let t = clean(src);
        assert!(t.clean.contains("12公里以上,雨污分流"), "{}", t.clean);
        assert!(t.clean.contains("20万立方米。"), "{}", t.clean);
        assert!(t.clean.contains("比例不低于40%"), "{}", t.clean);
        assert!(
            t.clean.contains("\n二、主要任务\n(一)补齐管网短板\n"),
            "{}",
            t.clean
        );
    }

    #[test]
    fn pdf_text_wrapped_at_28_chars_with_page_numbers() {
        let src = "\u{3000}\u{3000}一、总体要求\n\
\u{3000}\u{3000}以习近平新时代中国特色社会主义思想为指导，全面\n\
贯彻党的二十大精神，坚持以人民健康为中心，加快建设\n\
健康某市，到2025年，全市人均预期寿命达到80岁。\n\
\n\
— 3 —\n\
\n\
\u{3000}\u{3000}二、重点任务\n\
\u{3000}\u{3000}（一）完善医疗服务体系。推进优质医疗资源扩容和\n\
区域均衡布局，建设国家区域医疗中心，提升基层医疗卫\n\
生服务能力，每千人口执业医师数达到3.5人以上，\n\
每千人口护士数达到4人。\n\
\u{3000}\u{3000}（二）强化公共卫生。健全疾病预防控制体系，建设\n\
现代化疾控中心，提升监测预警和应急处置能力，全面\n\
推进传染病智慧化预警多点触发机制建设，做到早发现\n\
早报告。\n";
        let t = clean(src);
        let lines: Vec<&str> = t.clean.split('\n').collect();
        assert_eq!(lines[0], "一、总体要求");
        assert_eq!(
            lines[1],
            "以习近平新时代中国特色社会主义思想为指导,全面贯彻党的二十大精神,坚持以人民健康为中心,加快建设健康某市,到2025年,全市人均预期寿命达到80岁。"
        );
        assert_eq!(lines[2], "二、重点任务");
        assert!(
            lines[3].starts_with("(一)完善医疗服务体系。")
                && lines[3].ends_with("每千人口护士数达到4人。"),
            "{}",
            lines[3]
        );
        assert!(lines[4].ends_with("做到早发现早报告。"), "{}", lines[4]);
        assert!(!t.clean.contains("— 3 —") && !t.clean.contains("- 3 -"));
        // The mid-word wrap `卫\n生` keeps both chars' offsets.
        assert_eq!(orig_of(&t, "卫生服务"), "卫\n生服务");
    }

    /// A paragraph cut by a bare page break (a form feed and a blank line) is one paragraph.
    #[test]
    fn a_paragraph_runs_on_across_a_form_feed() {
        let mut src = String::new();
        for _ in 0..4 {
            src.push_str("\u{3000}\u{3000}普及知识、提升素养。把提升健康素养作为增进全民健康的\n前提,根据不同人群特点有针对性地加强健康教育与促进,让\n健康知识成为全民普遍具备的素质和能力。\n");
        }
        src.push_str("\u{3000}\u{3000}自主自律、健康生活。倡导每个人是自己健康第一责任人的\n理念,激发居民热爱健康、追求健康的热情,养成符合自身和家\n\n\u{000C}庭特点的健康生活方式,合理膳食、科学运动、戒烟限酒。\n早期干预、完善服务。对主要健康问题及影响因素尽早采取\n");
        let t = clean(&src);
        assert!(t.clean.contains("自身和家庭特点"), "{}", t.clean);
        assert_eq!(orig_of(&t, "家庭"), "家\n\n\u{000C}庭");
        // between paragraphs the break still separates them
        let t = clean("一、总体要求。\n\n\u{000C}二、主要任务\n");
        assert_eq!(t.clean, "一、总体要求。\n二、主要任务\n");
    }

    /// A notice wrapped at 28 chars keeps its wrap width when an attached form in another
    /// layout adds a few wider lines.
    #[test]
    fn a_few_wider_lines_of_an_attached_form_keep_the_wrap_width() {
        let mut src = String::from("五、有关要求\n（一）各区要高度重视登革热病例强化监测工作，将其作为\n本年度重点传染病防控的一项重要举措，统筹辖区医疗卫生机\n构、疾控中心、社区卫生服务中心、个体诊所、门诊部等机构\n落实相关工作要求。\n");
        for _ in 0..6 {
            src.push_str("各级各类医疗机构在诊疗过程中发现监测病例的，认真填写筛\n查病例登记表，并采集静脉血开展抗原检测，指定专人收集各\n科室就诊患者中的抗原筛查数，按时报送辖区疾控中心审核。\n");
        }
        for _ in 0..3 {
            src.push_str("备注：监测病例定义为发热（≥38℃）且至少伴有以下之一者：骨关节肌肉痛、眼眶痛、剧烈头痛、皮疹、白细胞减少\n");
        }
        let t = clean(&src);
        assert!(
            t.clean
                .contains("(一)各区要高度重视登革热病例强化监测工作,将其作为本年度"),
            "{}",
            t.clean
        );
    }

    #[test]
    fn running_headers_next_to_page_numbers_are_dropped() {
        let src = "一、总体要求\n坚持稳中求进,\n某县人民政府文件\n— 1 —\n推进高质量发展。\n二、重点任务\n加强领导,\n某县人民政府文件\n— 2 —\n落实责任。\n三、某县人民政府文件";
        let t = clean(src);
        assert_eq!(
            t.clean,
            "一、总体要求\n坚持稳中求进,推进高质量发展。\n二、重点任务\n加强领导,落实责任。\n三、某县人民政府文件"
        );
    }

    #[test]
    fn an_indented_line_after_a_full_width_heading_opens_a_paragraph() {
        let mut src = String::new();
        for _ in 0..3 {
            src.push_str("\u{3000}\u{3000}全面落实粮食安全党政同责，严格耕地保护，确保全年粮\n食播种面积稳定在50万亩以上，总产量达到2亿公斤以上\n，坚决守住粮食安全底线。\n");
        }
        src.push_str("\u{3000}\u{3000}（二）坚持以人民为中心的发展思想推动城乡区域协调发展\n\u{3000}\u{3000}全面推进乡村振兴。\n");
        let t = clean(&src);
        assert!(
            t.clean.contains("城乡区域协调发展\n全面推进乡村振兴。"),
            "{}",
            t.clean
        );
        assert!(t.clean.contains("确保全年粮食播种面积"));
    }

    #[test]
    fn a_lone_marker_is_joined_to_its_heading_text() {
        let t =
            clean("一、\n总体要求\n（一）\n指导思想\n1.\n强化组织领导。\n（二）\n（三）工作目标");
        assert_eq!(
            t.clean,
            "一、总体要求\n(一)指导思想\n1.强化组织领导。\n(二)\n(三)工作目标"
        );
    }

    #[test]
    fn table_cells_separated_by_blank_lines_stay_apart() {
        let t = clean("序号\n\n行动名称\n\n1\n\n教育攻坚行动\n");
        assert_eq!(t.clean, "序号\n\n行动名称\n\n1\n\n教育攻坚行动\n");
    }

    #[test]
    fn title_issuer_and_date_lines_stay_apart() {
        let src = "无锡市惠山区2022年教育工作要点\n无锡市惠山区教育局\n2022年1月18日\n抄送:市教育局,区委办\n公室";
        assert_eq!(clean(src).clean, src);
    }

    #[test]
    fn front_matter_is_removed_and_kept_as_fields() {
        let src = "---\ntitle: 某县2023年工作要点\ndate: 2023-02-01\n---\n某县2023年工作要点\n一、总体要求";
        let t = clean(src);
        assert_eq!(t.clean, "某县2023年工作要点\n一、总体要求");
        assert_eq!(
            t.front_matter()[1],
            ("date".to_string(), "2023-02-01".to_string())
        );
        assert_eq!(orig_of(&t, "一、"), "一、");
        // A `---` rule without fields is text.
        assert_eq!(clean("---\n正文\n---").clean, "---\n正文\n---");
    }

    /// Markdown marks go like artefacts: the words stay and still point at the input.
    #[test]
    fn markdown_marks_are_dropped_and_offsets_kept() {
        let src = "# 关于印发某区行动方案的通知\n\n**发布日期**: 2025-01-10\n\n---\n\n**某区城市更新行动方案（2026—2030年****）**\n\n　　**一、工作目标**\n\n　　到2027年，完成改造[老旧小区](http://example.gov.cn/x)30个。";
        let t = clean(src);
        assert_eq!(
            t.clean,
            "关于印发某区行动方案的通知\n\n发布日期: 2025-01-10\n\n\n\n某区城市更新行动方案(2026—2030年)\n\n一、工作目标\n\n到2027年,完成改造老旧小区30个。"
        );
        assert_eq!(orig_of(&t, "一、工作目标"), "一、工作目标");
        assert_eq!(orig_of(&t, "2030年)"), "2030年****）");
        assert_eq!(
            orig_of(&t, "老旧小区30个"),
            "老旧小区](http://example.gov.cn/x)30个"
        );
    }

    #[test]
    fn page_jump_markers_and_entities() {
        let src = "推进项目建设（下转第2版）进度。&nbsp;全面&#12288;落实&9826;。";
        let t = clean(src);
        assert_eq!(t.clean, "推进项目建设进度。 全面 落实。");
        assert_eq!(orig_of(&t, "落实"), "落实");
    }

    #[test]
    fn furniture_lines_are_dropped() {
        for f in ["— 12 —", "- 3 -", "第 2 页 共 9 页", "（此页无正文）"] {
            let t = clean(&format!("甲。\n{f}\n乙。"));
            assert_eq!(t.clean, "甲。\n乙。", "{f}");
        }
    }
}
