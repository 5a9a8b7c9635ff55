//! The heading hierarchy of the plan body.
//!
//! Levels come from a stack, not from fixed depths (docs/domain.md#levels): a marker of a family
//! already on the stack closes everything above it; a new family opens a child level. So `一、` →
//! `1.` nests `1.` at level 2, and `一、` → `(一)` → `1.` nests `1.` at level 3. The marker
//! vocabulary lives in [`crate::document::markers`].
//!
//! Three kinds of heading are found:
//!
//! 1. *line-initial markers* — the normal case; a heading line of its own gives the whole line
//!    (minus a final 。) as title, a run-on item its lead phrase up to the first 。/；;
//! 2. *inline markers* in text that lost its line breaks (`…的火热时代。一、提高政治站位,…全面
//!    领导1完善党对…`) — only in a body that is mostly one long line, and only where the numbering
//!    expects the value (the next sibling, or the first child), so numbers inside sentences stay
//!    numbers;
//! 3. *unnumbered lead-phrase paragraphs* that systematically subdivide a section (every paragraph
//!    under a heading opens with a short clause ending in 。, like `规范民办义务教育发展。…`).

use crate::document::markers::{match_marker, Family, Hit, TITLE_STOPS, UNNUMBERED_DIVISIONS};
use crate::document::tables::TableBlock;
use crate::model::{OutlineNode, Warning};
use crate::text::{is_han, RangeSet, Text};
use std::ops::Range;

/// The outline and what the target stage must not read as quantities.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub nodes: Vec<OutlineNode>,
    /// Byte ranges of `Text::clean` holding heading markers (`1.`, `(十一)`), which are not values.
    pub marker_ranges: Vec<Range<usize>>,
    pub warnings: Vec<Warning>,
}

/// A body is read as run-on text (inline markers accepted) when it has fewer line-initial markers
/// than this and one line of at least [`RUNON_MIN_LINE`] chars holds three quarters of it.
/// A short plan pasted as one line (a 镇's 230-char 工作方案 with `一、` `（一）` inline) is run-on
/// too; a paragraph of a well-formed plan is never three quarters of its body.
const RUNON_MAX_LINE_MARKERS: usize = 3;
const RUNON_MIN_LINE: usize = 150;

/// Lines that open a box whose numbered lines are contents, not headings (规划 专栏, notes
/// under a table).
const BOX_STARTS: &[&str] = &["专栏", "注:", "注1", "说明:", "备注:", "资料来源"];

/// Brackets a 专栏 title may stand in (`【专栏1】…`, `(专栏2 …)`, `［专栏3］`). Only 专栏 is looked
/// for behind them: a bracketed `(注:…)` is a remark inside a paragraph, not a note block.
const BOX_BRACKETS: &[char] = &['【', '[', '［', '〔', '(', '（', '〖'];

/// Does `line` open a box or a note?
fn opens_box(line: &str) -> bool {
    BOX_STARTS.iter().any(|w| line.starts_with(w))
        || line
            .trim_start()
            .strip_prefix(BOX_BRACKETS)
            .is_some_and(|l| l.trim_start().starts_with("专栏"))
}

/// Lead-phrase paragraphs (kind 3): the lead clause is this many chars long.
const LEAD_MIN: usize = 4;
const LEAD_MAX: usize = 18;

#[derive(Debug, Clone)]
struct Flat {
    level: u32,
    marker: Range<usize>,
    title: Range<usize>,
    ordinal: Option<u32>,
    start: usize,
    /// Index (in the body's line list) of the line the heading starts on.
    line: usize,
}

/// Where a candidate marker sits relative to the text before it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Place {
    LineStart,
    /// right after 。 ； ! ?
    AfterStop,
    /// right after a comma (`…人才高地,3.完善…`)
    AfterComma,
    /// glued to the preceding heading title with no punctuation (`…全面领导1完善…`)
    Glued,
}

/// The numbering state: the open families with their last ordinal, and the last ordinal each
/// family had anywhere (for numbering that runs on across sections).
#[derive(Debug, Default)]
struct Numbering {
    stack: Vec<(Family, u32)>,
    /// Levels taken by unnumbered divisions above the stack (an appendix's head).
    base: u32,
    last: [Option<u32>; Family::COUNT],
}

impl Numbering {
    /// Is `hit` the value the numbering expects next (next sibling, first child, or the run-on
    /// continuation of a family used before)?
    fn expects(&self, hit: &Hit) -> bool {
        if let Some(&(_, o)) = self.stack.iter().find(|(f, _)| *f == hit.family) {
            return hit.ordinal == o + 1;
        }
        hit.ordinal == 1 || self.last[hit.family.index()].is_some_and(|l| hit.ordinal == l + 1)
    }

    /// Is `hit` the first child of the heading on top of the stack, or its next sibling?
    fn expects_child_or_sibling(&self, hit: &Hit) -> bool {
        match self.stack.last() {
            Some(&(f, o)) if f == hit.family => hit.ordinal == o + 1,
            _ => {
                !self.stack.iter().any(|(f, _)| *f == hit.family)
                    && (hit.ordinal == 1
                        || self.last[hit.family.index()].is_some_and(|l| hit.ordinal == l + 1))
            }
        }
    }

    /// Opens `hit`; returns its level and, for an out-of-sequence sibling, the previous ordinal.
    fn open(&mut self, hit: &Hit) -> (u32, Option<u32>) {
        let mut prev = None;
        if let Some(pos) = self.stack.iter().position(|(f, _)| *f == hit.family) {
            prev = Some(self.stack[pos].1);
            self.stack.truncate(pos);
        }
        self.stack.push((hit.family, hit.ordinal));
        self.last[hit.family.index()] = Some(hit.ordinal);
        (self.stack.len() as u32 + self.base, prev)
    }
}

/// Builds the outline of `body`, skipping rebuilt tables and the `skip` ranges (attachment lists,
/// signatures and other element lines inside the body).
pub fn build(
    t: &Text,
    body: Range<usize>,
    tables: &[TableBlock],
    skip: &[Range<usize>],
) -> Outline {
    let body = t.clamp(body);
    let lines = body_lines(t, &body, tables, skip);
    let runon = reads_runon(t, &lines);
    let named = stacked_names(t, &lines);
    let mut r = Reader {
        t,
        lines: &lines,
        named: &named,
        runon,
        flat: Vec::new(),
        warnings: Vec::new(),
        num: Numbering::default(),
        in_box: false,
        name_taken: vec![false; lines.len()],
    };
    for &li in &visit_order(&named) {
        r.read_line(li);
    }
    let Reader {
        mut flat, warnings, ..
    } = r;
    let mut marker_ranges: Vec<Range<usize>> = flat.iter().map(|f| f.marker.clone()).collect();
    // Month headings carry their words as title; their "marker" is the month itself.
    for f in &mut flat {
        if f.title.is_empty() {
            f.title = f.marker.clone();
        }
    }
    flat.retain(|f| !t.clean[f.title.clone()].trim().is_empty());

    if !runon {
        let leads = lead_paragraphs(t, &lines, &flat, body.end);
        flat.extend(leads);
    }
    crate::order::by_key(&mut flat, |f| f.start as u64);
    crate::order::by_key(&mut marker_ranges, |r| r.start as u64);
    Outline {
        nodes: nest(nodes(t, &flat, body.end)),
        marker_ranges,
        warnings,
    }
}

/// The lines of the body outside its tables and skipped element lines, clipped to the body (a
/// body may start mid-line after a glued title).
fn body_lines(
    t: &Text,
    body: &Range<usize>,
    tables: &[TableBlock],
    skip: &[Range<usize>],
) -> Vec<Range<usize>> {
    let excluded = RangeSet::new(
        tables
            .iter()
            .map(|b| b.range.clone())
            .chain(skip.iter().cloned())
            .collect(),
    );
    t.lines()
        .map(|r| r.start.max(body.start)..r.end.min(body.end))
        .filter(|r| r.start < r.end && !excluded.contains(r.start))
        .collect()
}

/// Run-on reading for a whole body only when it is (nearly) one long line: inline markers in
/// well-formed text are mid-paragraph enumerations, not headings. A heading line that runs
/// into its first item is handled line by line (`heading_runs_into_item`).
fn reads_runon(t: &Text, lines: &[Range<usize>]) -> bool {
    let line_markers = lines
        .iter()
        .filter(|r| match_marker(&t.clean[(*r).clone()]).is_some_and(|h| !h.degraded))
        .count();
    let body_chars: usize = lines
        .iter()
        .map(|r| t.clean[r.clone()].chars().count())
        .sum();
    let longest = lines
        .iter()
        .map(|r| t.clean[r.clone()].chars().count())
        .max()
        .unwrap_or(0);
    line_markers < RUNON_MAX_LINE_MARKERS
        && longest >= RUNON_MIN_LINE
        && longest * 4 >= body_chars * 3
}

/// The headings found so far, line by line.
struct Reader<'a> {
    t: &'a Text,
    lines: &'a [Range<usize>],
    /// The name line below each marker alone on its line ([`stacked_names`]).
    named: &'a [Option<usize>],
    runon: bool,
    flat: Vec<Flat>,
    warnings: Vec<Warning>,
    num: Numbering,
    /// Inside a box (`专栏1 …`) or a note (`注:`), numbered lines are its contents, not headings;
    /// the box ends at the next heading of a family already open.
    in_box: bool,
    /// Name lines already taken as a marker's title.
    name_taken: Vec<bool>,
}

impl Reader<'_> {
    /// The headings of line `li`: an unnumbered division, or each marker the line opens with or
    /// (run-on) holds.
    fn read_line(&mut self, li: usize) {
        if self.name_taken[li] {
            return;
        }
        let r = self.lines[li].clone();
        let line = &self.t.clean[r.clone()];
        if opens_box(line) {
            self.in_box = true;
            return;
        }
        // `序言` alone on its line, or an appendix's head (`附:某室2020年工作行事历`): a division
        // of the top level without a number.
        let head = if UNNUMBERED_DIVISIONS.contains(&line) {
            Some(0)
        } else {
            appendix_head(line)
        };
        if let Some(m) = head {
            self.num.stack.clear();
            // an appendix holds its own outline; a 序言 is followed by the plan's first division
            self.num.base = u32::from(m > 0);
            self.flat.push(Flat {
                level: 1,
                marker: r.start..r.start + m,
                title: r.start + m..r.end,
                ordinal: None,
                start: r.start,
                line: li,
            });
            return;
        }
        let mut on_line: Vec<usize> = Vec::new();
        let mut min_at = 0;
        let line_runon = self.runon || heading_runs_into_item(line);
        // Where the line's sentence stops are, so "no stop between two markers" is a binary
        // search, not a rescan of the line for every candidate (quadratic on a long line).
        let stops: Vec<usize> = if line_runon {
            line.char_indices()
                .filter(|(_, c)| TITLE_STOPS.contains(c))
                .map(|(i, _)| i)
                .collect()
        } else {
            Vec::new()
        };
        let no_stop_in = |a: usize, z: usize| {
            let i = stops.partition_point(|&p| p < a);
            stops.get(i).is_none_or(|&p| p >= z)
        };
        for (at, place) in candidates(line, line_runon) {
            if at < min_at {
                continue;
            }
            let Some(hit) = match_marker(&line[at..]) else {
                continue;
            };
            // Only where a heading opened on this line runs straight into its first item: no
            // sentence stop since that heading's marker.
            let glued = || {
                on_line.last().is_some_and(|&k| {
                    let from = self.flat[k].marker.end - r.start;
                    line.get(from..at).is_some() && no_stop_in(from, at)
                })
            };
            if !self.placed(place, &hit, &line[at + hit.len..], glued) {
                continue;
            }
            if self.in_box {
                if !self.num.stack.iter().any(|(f, _)| *f == hit.family) {
                    continue;
                }
                self.in_box = false;
            }
            min_at = at + hit.len;
            on_line.push(self.flat.len());
            self.push(li, &r, at, &hit, &on_line, line_runon);
        }
    }

    /// Does a marker found at `place` open a heading there?
    fn placed(&self, place: Place, hit: &Hit, after: &str, glued: impl FnOnce() -> bool) -> bool {
        let num = &self.num;
        match place {
            Place::LineStart => {
                if matches!(hit.family, Family::Shi) {
                    // `一是…。二是…。` in one paragraph is an enumeration inside it (domain
                    // guide F8), not a run of headings; only one item per line leads.
                    num.expects(hit) && !enumerates_inline(after)
                } else if hit.degraded {
                    num.expects(hit)
                } else {
                    true
                }
            }
            // Inline 一是/二是 are enumerations inside a paragraph, not headings.
            Place::AfterStop => {
                num.expects(hit) && !matches!(hit.family, Family::Month | Family::Shi)
            }
            Place::AfterComma => {
                !hit.degraded
                    && matches!(
                        hit.family,
                        Family::ArabicDot | Family::ParenArabic | Family::ParenCjk
                    )
                    && num.expects_child_or_sibling(hit)
            }
            Place::Glued => {
                glued()
                    && matches!(
                        hit.family,
                        Family::ArabicDot | Family::ParenCjk | Family::ParenArabic
                    )
                    && num.expects_child_or_sibling(hit)
            }
        }
    }

    /// Opens the heading of `hit` at byte `at` of line `li` (`r`); `on_line` ends with its own
    /// index, after the headings opened earlier on the line.
    fn push(
        &mut self,
        li: usize,
        r: &Range<usize>,
        at: usize,
        hit: &Hit,
        on_line: &[usize],
        line_runon: bool,
    ) {
        let t = self.t;
        let marker = r.start + at..r.start + at + hit.len;
        let (level, prev) = self.num.open(hit);
        if let Some(p) = prev {
            if hit.ordinal != p + 1 && !matches!(hit.family, Family::Month) {
                self.warnings
                    .push(numbering_warning(t, &marker, p, hit.ordinal));
            }
        }
        // The previous heading on this line ends where this marker starts.
        if let [.., k, _] = on_line {
            let f: &mut Flat = &mut self.flat[*k];
            if f.title.end > marker.start {
                f.title.end = marker.start.max(f.title.start);
            }
        }
        let mut title = title_range(t, &marker, r.end, hit.family, line_runon);
        let mut at_line = li;
        let mut start = r.start + at;
        // `第一章` alone on its line: its name is on a line below (see `stacked_names`).
        if let (true, Some(n)) = (title.is_empty(), self.named[li]) {
            title = self.lines[n].clone();
            at_line = n;
            self.name_taken[n] = true;
            // a marker printed above a heading it belongs under starts at its name
            if self.flat.last().is_some_and(|p| p.start >= start) {
                start = title.start;
            }
        }
        self.flat.push(Flat {
            level,
            marker,
            title,
            ordinal: Some(hit.ordinal),
            start,
            line: at_line,
        });
    }
}

/// The outline nodes of the flat headings, each with its level: a node's span runs to the next
/// heading of its level or above (or the body's end), without trailing blank lines.
fn nodes(t: &Text, flat: &[Flat], body_end: usize) -> Vec<(u32, OutlineNode)> {
    let mut ends = vec![body_end; flat.len()];
    for i in 0..flat.len() {
        if let Some(j) = (i + 1..flat.len()).find(|&j| flat[j].level <= flat[i].level) {
            ends[i] = flat[j].start;
        }
    }
    flat.iter()
        .zip(&ends)
        .map(|(f, &end)| {
            let mut content_end = end.max(f.start);
            while content_end > f.start && t.clean.as_bytes()[content_end - 1] == b'\n' {
                content_end -= 1;
            }
            let title = trim_title(t, f.title.clone());
            let title_span = t.span(title.clone());
            let shown = t.display(title);
            let printed = t.original(title_span);
            let node = OutlineNode {
                level: f.level,
                marker: if f.marker == f.title {
                    String::new()
                } else {
                    t.display(f.marker.clone()).trim_end().to_string()
                },
                ordinal: f.ordinal,
                span: t.span(f.start..content_end),
                title_span,
                title_raw: (printed != shown).then_some(printed),
                title: shown,
                children: Vec::new(),
            };
            (f.level, node)
        })
        .collect()
}

/// Bytes of the mark of an appendix's head (`附:` in `附:某室2020年工作行事历`): a short line
/// naming what is appended, no sentence. (`附件:1.…` lists are the elements stage's.)
fn appendix_head(line: &str) -> Option<usize> {
    let rest = APPENDIX_MARKS.iter().find_map(|m| line.strip_prefix(m))?;
    let name = rest.trim_start();
    let n = name.chars().count();
    ((2..=40).contains(&n) && !name.contains(['。', ';'])).then(|| line.len() - name.len())
}

/// How an appendix inside the plan is headed.
const APPENDIX_MARKS: &[&str] = &["附:", "附录:"];

/// A `第X篇` / `第X章` / `第X节` marker alone on its line.
fn lone_division(line: &str) -> Option<Family> {
    match_marker(line)
        .filter(|h| h.len == line.len())
        .map(|h| h.family)
        .filter(|f| matches!(f, Family::Part | Family::Chapter | Family::Section))
}

/// A line that can be a division's name: short, no sentence, no marker.
fn name_line(line: &str) -> bool {
    line.chars().count() <= 40 && !line.contains('。') && match_marker(line).is_none()
}

/// For each line holding a lone `第X篇/章/节` marker, the line of its name. PDF text prints the
/// name on the line below, and stacks nested divisions: their markers come first and their names
/// after them in the same order, even with a 节 marker above the 篇 it belongs under (`第一节` ⏎
/// `第二篇` ⏎ `普及健康生活` ⏎ `第四章` ⏎ `加强健康教育` ⏎ `提高全民健康素养`). A stack runs until
/// it has as many names as markers; its markers take the names outer division first.
fn stacked_names(t: &Text, lines: &[Range<usize>]) -> Vec<Option<usize>> {
    let mut named = vec![None; lines.len()];
    let mut i = 0;
    while i < lines.len() {
        if lone_division(&t.clean[lines[i].clone()]).is_none() {
            i += 1;
            continue;
        }
        let mut markers: Vec<(Family, usize)> = Vec::new();
        let mut names: Vec<usize> = Vec::new();
        let mut j = i;
        while j < lines.len() && (markers.is_empty() || names.len() < markers.len()) {
            let l = &t.clean[lines[j].clone()];
            if let Some(f) = lone_division(l) {
                markers.push((f, j));
            } else if name_line(l) {
                names.push(j);
            } else {
                break;
            }
            j += 1;
        }
        markers.sort_by_key(|m| m.0);
        for (m, n) in markers.iter().zip(&names) {
            named[m.1] = Some(*n);
        }
        i = j.max(i + 1);
    }
    named
}

/// The order the heading loop reads lines in: document order, except that the markers of a
/// stack of divisions are read outer division first (the order of their names).
fn visit_order(named: &[Option<usize>]) -> Vec<usize> {
    let mut order: Vec<usize> = (0..named.len()).collect();
    let mut i = 0;
    while i < order.len() {
        // a stack: marker lines (with names) up to the first of their names
        let Some(first_name) = named[i] else {
            i += 1;
            continue;
        };
        let stack: Vec<usize> = (i..first_name.min(named.len()))
            .filter(|&k| named[k].is_some())
            .collect();
        let mut by_name = stack.clone();
        by_name.sort_by_key(|&k| named[k]);
        for (slot, k) in stack.iter().zip(by_name) {
            order[*slot] = k;
        }
        i = first_name.max(i + 1);
    }
    order
}

/// Candidate marker positions in a line: its start, and in run-on text the places after a
/// sentence stop, after a comma, or glued to the preceding text.
fn candidates(line: &str, runon: bool) -> Vec<(usize, Place)> {
    let mut out = vec![(0, Place::LineStart)];
    if !runon {
        return out;
    }
    let mut prev: Option<char> = None;
    for (i, c) in line.char_indices() {
        if let Some(p) = prev {
            let starts = c.is_ascii_digit() || c == '(' || "一二三四五六七八九十".contains(c);
            // Inside a digit run is never a marker start (`12.` starts at the `1`).
            if starts && !p.is_ascii_digit() {
                if TITLE_STOPS.contains(&p) {
                    out.push((i, Place::AfterStop));
                } else if p == ',' {
                    out.push((i, Place::AfterComma));
                } else if (is_han(p) || matches!(p, '”' | '》' | ')'))
                    && (c.is_ascii_digit() || c == '(')
                    && p != '第'
                {
                    out.push((i, Place::Glued));
                }
            }
        }
        prev = Some(c);
    }
    out
}

/// Does this line open with a heading whose title runs straight into its first item
/// (`一、深入打好污染防治攻坚战1.持续改善空气质量。…`)? Then the line lost its breaks and is
/// read for inline markers even in a document that is otherwise well formed.
/// Does `rest` (a line after its leading `一是`) go on to another `X是` item after a sentence
/// stop? Then the line is one paragraph that enumerates, and its `一是` heads nothing.
fn enumerates_inline(rest: &str) -> bool {
    rest.match_indices(TITLE_STOPS).any(|(i, stop)| {
        let next = rest[i + stop.len()..].trim_start();
        let n = next
            .find(|c: char| !"一二三四五六七八九十".contains(c))
            .unwrap_or(next.len());
        n > 0 && next[n..].starts_with('是')
    })
}

fn heading_runs_into_item(line: &str) -> bool {
    let Some(h) = match_marker(line).filter(|h| !h.degraded) else {
        return false;
    };
    let rest = &line[h.len..];
    let lead = &rest[..rest.find(TITLE_STOPS).unwrap_or(rest.len())];
    let mut prev = None;
    for (i, c) in lead.char_indices() {
        if prev.is_some_and(is_han) && (c.is_ascii_digit() || c == '(') {
            if let Some(g) = match_marker(&lead[i..]) {
                if !g.degraded && g.ordinal == 1 && g.family != h.family {
                    return true;
                }
            }
        }
        prev = Some(c);
    }
    false
}

/// Title of a heading whose marker is `marker`, on a line ending at `line_end`: up to the first
/// sentence stop, or the rest of the line. Month headings have an empty title here (their words
/// are the marker, see [`build`]).
fn title_range(
    t: &Text,
    marker: &Range<usize>,
    line_end: usize,
    family: Family,
    runon: bool,
) -> Range<usize> {
    if family == Family::Month {
        return marker.end..marker.end;
    }
    let rest = &t.clean[marker.end..line_end];
    let mut end = rest.find(TITLE_STOPS).unwrap_or(rest.len());
    if runon {
        // a plan pasted as one line: `一、工作目标 全年完成……` — a space after the title ends it
        let lead = rest.len() - rest.trim_start().len();
        if let Some(sp) = rest[lead..end].find(' ') {
            let next = rest[lead + sp..].trim_start().chars().next();
            if rest[lead..lead + sp].chars().count() >= 2 && next.is_some_and(is_han) {
                end = lead + sp;
            }
        }
    }
    marker.end..marker.end + end
}

/// `r` without surrounding spaces and a final 。 or colon (`一、工作目标：`).
fn trim_title(t: &Text, r: Range<usize>) -> Range<usize> {
    let s = &t.clean[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let body = s.trim().trim_end_matches(['。', ':']).trim_end();
    r.start + lead..r.start + lead + body.len()
}

/// Kind 3 headings, under a heading that has no numbered children: paragraphs that open with a
/// short lead clause ending in 。 when at least three in a row do (an introduction before them
/// and a summing-up after them stay text), or when every paragraph of the section does and
/// there are two or more; and lead lines standing alone (`生态底色更加亮丽。` ⏎ its paragraph)
/// when the section has two or more of them.
fn lead_paragraphs(t: &Text, lines: &[Range<usize>], flat: &[Flat], body_end: usize) -> Vec<Flat> {
    let mut out = Vec::new();
    for (i, f) in flat.iter().enumerate() {
        if flat.get(i + 1).is_some_and(|n| n.level > f.level) {
            continue;
        }
        let next_start = flat.get(i + 1).map_or(body_end, |n| n.start);
        let paras: Vec<&Range<usize>> = lines
            .get(f.line + 1..)
            .unwrap_or_default()
            .iter()
            .take_while(|r| r.start < next_start)
            // `（牵头单位：县教育局）` under a task is a note, not a paragraph.
            .filter(|r| {
                let p = &t.clean[(*r).clone()];
                !(p.starts_with('(') && p.ends_with(')'))
            })
            .collect();
        // An address to the delegates ends a `一是` item of a report: what follows it belongs
        // to the section the items are in.
        let enumerated = t.clean[f.marker.clone()].trim_end().ends_with('是');
        let cut = paras
            .iter()
            .position(|r| {
                ADDRESSES
                    .iter()
                    .any(|a| t.clean[(*r).clone()].starts_with(a))
            })
            .filter(|_| enumerated && f.level > 1)
            .unwrap_or(paras.len());
        let whole = cut == paras.len();
        leads_in(t, &paras[..cut], whole, f.level + 1, f.line, &mut out);
        leads_in(t, &paras[cut..], false, f.level, f.line, &mut out);
    }
    out
}

/// How a speech turns to its audience (`各位代表！`).
const ADDRESSES: &[&str] = &["各位代表", "同志们"];

/// The lead headings (at `level`) among the paragraphs of one section (`whole`: all of them, not
/// the part before or after an address).
fn leads_in(
    t: &Text,
    paras: &[&Range<usize>],
    whole: bool,
    level: u32,
    line: usize,
    out: &mut Vec<Flat>,
) {
    let kinds: Vec<Para> = paras
        .iter()
        .map(|r| para_kind(&t.clean[(*r).clone()]))
        .collect();
    let mut lead = |r: &Range<usize>, n: usize| {
        out.push(Flat {
            level,
            marker: r.start..r.start,
            title: r.start..r.start + n,
            ordinal: None,
            start: r.start,
            line,
        })
    };
    // lead lines standing alone, each followed by the paragraph it introduces
    let alone: Vec<usize> = (0..kinds.len())
        .filter(|&k| {
            matches!(kinds[k], Para::Alone(_)) && matches!(kinds.get(k + 1), Some(Para::Plain))
        })
        .collect();
    if alone.len() >= 2 {
        for &k in &alone {
            if let Para::Alone(n) = kinds[k] {
                lead(paras[k], n);
            }
        }
        return;
    }
    let mut k = 0;
    while k < kinds.len() {
        let run = kinds[k..]
            .iter()
            .take_while(|p| matches!(p, Para::Opens(_)))
            .count();
        if run >= LEAD_RUN || (whole && run >= 2 && run == kinds.len()) {
            for j in k..k + run {
                if let Para::Opens(n) = kinds[j] {
                    lead(paras[j], n);
                }
            }
        }
        k += run.max(1);
    }
}

/// Paragraphs in a row that open with a lead clause, enough to subdivide a section that has
/// other paragraphs too.
const LEAD_RUN: usize = 3;

/// What a paragraph offers as a lead phrase.
#[derive(Debug, Clone, Copy)]
enum Para {
    /// opens with a lead clause of this many bytes, text after it
    Opens(usize),
    /// is one lead clause of this many bytes and its 。, alone on its line
    Alone(usize),
    Plain,
}

fn para_kind(p: &str) -> Para {
    match lead_clause(p) {
        Some(n) if p[n..].trim_end() == "。" => Para::Alone(n),
        Some(n) => Para::Opens(n),
        None => Para::Plain,
    }
}

/// Byte length of the lead clause of a paragraph (`规范民办义务教育发展`, `坚持创新引领、融合发展`),
/// when the paragraph opens with one: 4–18 chars up to the first 。, no colon, semicolon or
/// bracket, no digits outside quotes. A `——` bullet is a list item, never a lead.
fn lead_clause(p: &str) -> Option<usize> {
    if p.starts_with("——") {
        return None;
    }
    let end = p.find('。')?;
    let lead = &p[..end];
    let n = lead.chars().count();
    if !(LEAD_MIN..=LEAD_MAX).contains(&n) {
        return None;
    }
    let mut quoted = 0i32;
    for c in lead.chars() {
        match c {
            '“' | '《' | '"' => quoted += 1,
            '”' | '》' => quoted -= 1,
            ':' | ';' | '(' | ')' | '!' | '?' => return None,
            c if c.is_ascii_digit() && quoted <= 0 => return None,
            _ => {}
        }
    }
    Some(end)
}

fn numbering_warning(t: &Text, marker: &Range<usize>, prev: u32, got: u32) -> Warning {
    let (code, what) = if got == prev {
        ("numbering-repeat", "编号重复 (a heading number repeats)")
    } else {
        (
            "numbering-gap",
            "编号不连续 (heading numbers skip or go back)",
        )
    };
    Warning {
        code: code.into(),
        message: format!("{what}: {prev} → {got}"),
        span: t.span(marker.clone()),
    }
}

/// Turns a flat list of (level, node) in document order into a tree.
fn nest(flat: Vec<(u32, OutlineNode)>) -> Vec<OutlineNode> {
    let mut roots: Vec<OutlineNode> = Vec::new();
    let mut open: Vec<OutlineNode> = Vec::new();
    for (level, node) in flat {
        while open.last().is_some_and(|n| n.level >= level) {
            close(&mut open, &mut roots);
        }
        open.push(node);
    }
    while !open.is_empty() {
        close(&mut open, &mut roots);
    }
    roots
}

fn close(open: &mut Vec<OutlineNode>, roots: &mut Vec<OutlineNode>) {
    if let Some(n) = open.pop() {
        match open.last_mut() {
            Some(parent) => parent.children.push(n),
            None => roots.push(n),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::clean::clean;

    /// (level, marker, title) of every node, depth first.
    fn outline(src: &str) -> Vec<(u32, String, String)> {
        let t = clean(src);
        let o = build(&t, 0..t.clean.len(), &[], &[]);
        let mut out = Vec::new();
        fn walk(ns: &[OutlineNode], out: &mut Vec<(u32, String, String)>) {
            for n in ns {
                out.push((n.level, n.marker.clone(), n.title.clone()));
                walk(&n.children, out);
            }
        }
        walk(&o.nodes, &mut out);
        out
    }

    fn titles(src: &str) -> Vec<(u32, String)> {
        outline(src).into_iter().map(|(l, _, t)| (l, t)).collect()
    }

    fn tl(v: &[(u32, &str)]) -> Vec<(u32, String)> {
        v.iter().map(|(l, s)| (*l, s.to_string())).collect()
    }

    /// A title that cleaning changed keeps the chars printed at its span beside it; one that
    /// cleaning left alone has none.
    #[test]
    fn a_cleaned_title_keeps_its_printed_form() {
        let src = "某市工作方案\n一、加强&amp;推进学校建设\n完成3所。\n二、提升\u{200B}服务水平\n三、强化保障\n";
        let t = clean(src);
        let o = build(&t, 0..t.clean.len(), &[], &[]);
        let chars: Vec<char> = src.chars().collect();
        let got: Vec<(&str, Option<&str>, String)> = o
            .nodes
            .iter()
            .map(|n| {
                let at = chars[n.title_span[0]..n.title_span[1]].iter().collect();
                (n.title.as_str(), n.title_raw.as_deref(), at)
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    "加强&推进学校建设",
                    Some("加强&amp;推进学校建设"),
                    "加强&amp;推进学校建设".into()
                ),
                (
                    "提升服务水平",
                    Some("提升\u{200B}服务水平"),
                    "提升\u{200B}服务水平".into()
                ),
                ("强化保障", None, "强化保障".into()),
            ]
        );
    }

    /// A short plan pasted as one line is read run-on; a space after a title ends it there.
    #[test]
    fn a_short_plan_on_one_line_has_its_headings() {
        let got = titles("为持续改善农村人居环境，制定本方案。一、工作目标 全年完成农村户厕改造300户，生活垃圾分类覆盖率达到80%以上。二、重点任务（一）推进厕所革命。新建公厕10座，改造提升公厕5座。（二）治理生活污水。新增污水管网8公里，污水治理率提高到60%。三、保障措施 镇财政安排专项资金不少于200万元，每月通报1次进展情况。");
        assert_eq!(
            got,
            tl(&[
                (1, "工作目标"),
                (1, "重点任务"),
                (2, "推进厕所革命"),
                (2, "治理生活污水"),
                (1, "保障措施"),
            ])
        );
        // a heading line's closing colon is no part of its title
        assert_eq!(
            titles("一、工作目标：\n全区垃圾分类小区覆盖率达到95%。\n"),
            tl(&[(1, "工作目标")])
        );
    }

    #[test]
    fn shi_items_lead_only_when_each_has_its_own_line() {
        // one item per paragraph: 一是/二是 lead their paragraphs
        let own =
            titles("一、医疗改革\n一是推进医共体建设。年内实现全覆盖。\n二是深化公立医院改革。\n");
        assert_eq!(
            own,
            tl(&[
                (1, "医疗改革"),
                (2, "推进医共体建设"),
                (2, "深化公立医院改革")
            ])
        );
        // one paragraph that enumerates (docs/domain.md#lead-phrases): no headings inside it
        let inline = titles("一、厕所革命\n一是改造户厕15万户。二是新建公厕800座。\n");
        assert_eq!(inline, tl(&[(1, "厕所革命")]));
        assert!(enumerates_inline("改造户厕。 三是新建"));
        assert!(!enumerates_inline("改造户厕,是重点。是否"));
    }

    #[test]
    fn a_long_line_of_glued_markers_is_read_in_linear_time() {
        // Found by the 64 KB slow-input sweep: "(1)" × 21,000 on one line took 4.9 s, "(一)"
        // 1 s (over 30 s at 320 KB): every glued marker rescanned the line since the last
        // heading for a sentence stop.
        for unit in ["(1)", "(一)", "一、加强1.推进(1)"] {
            let src = unit.repeat(20_000);
            let t = clean(&src);
            let o = build(&t, 0..t.clean.len(), &[], &[]);
            let n = t.original_len();
            assert!(o.nodes.iter().all(|x| x.span[1] <= n), "{unit}");
        }
        // The stop check itself still holds: a stop since the heading's marker means the next
        // glued number is no item of it.
        let glued = titles("一、深入打好污染防治攻坚战1.持续改善空气质量。推进项目建设2.强化治理");
        assert!(
            glued
                .iter()
                .any(|(l, t)| *l == 2 && t.starts_with("持续改善空气质量")),
            "{glued:?}"
        );
        assert!(
            !glued.iter().any(|(_, t)| t.starts_with("强化治理")),
            "{glued:?}"
        );
        let no_stop = titles("一、深入打好污染防治攻坚战1.持续改善空气质量2.强化治理");
        assert!(
            no_stop.iter().any(|(_, t)| t.starts_with("强化治理")),
            "{no_stop:?}"
        );
    }

    #[test]
    fn stack_levels_follow_first_use() {
        let src = "一、总体要求\n1.强化思想武装。切实抓好。\n2.夯实基层党建。\n二、主要任务\n3.增加学位。新增1.5万个。";
        let t = clean(src);
        let o = build(&t, 0..t.clean.len(), &[], &[]);
        assert_eq!(o.nodes.len(), 2);
        assert_eq!(o.nodes[0].children.len(), 2);
        assert_eq!(o.nodes[0].children[0].title, "强化思想武装");
        assert_eq!(o.nodes[1].children[0].level, 2);
        assert_eq!(o.nodes[1].children[0].ordinal, Some(3));
    }

    #[test]
    fn four_gb_levels_with_fullwidth_variants() {
        let src = "一、总体要求\n（一）工作目标\n１．主要指标。到2025年，全省……\n（１）婴儿死亡率。控制在5‰以下。\n（２）孕产妇死亡率。\n２．保障措施\n（二）基本原则\n二、重点任务";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "总体要求"),
                (2, "工作目标"),
                (3, "主要指标"),
                (4, "婴儿死亡率"),
                (4, "孕产妇死亡率"),
                (3, "保障措施"),
                (2, "基本原则"),
                (1, "重点任务"),
            ])
        );
    }

    #[test]
    fn marker_variants_half_width_and_enclosed() {
        let src = "一、交通建设\n1、完善路网。\n⑴高速公路。新建100公里。\n⑵普通国道。\n①农村公路。\n②桥梁改造。\n2、提升服务\n二、运输服务\n(一)、客运服务";
        assert_eq!(
            outline(src),
            vec![
                (1, "一、".into(), "交通建设".into()),
                (2, "1、".into(), "完善路网".into()),
                (3, "⑴".into(), "高速公路".into()),
                (3, "⑵".into(), "普通国道".into()),
                (4, "①".into(), "农村公路".into()),
                (4, "②".into(), "桥梁改造".into()),
                (2, "2、".into(), "提升服务".into()),
                (1, "二、".into(), "运输服务".into()),
                (2, "(一)、".into(), "客运服务".into()),
            ]
        );
    }

    #[test]
    fn chapters_and_sections_of_a_guihua() {
        let src = "第一章 发展基础\n第一节 取得的成就\n“十三五”以来，全市……\n一、交通网络不断完善\n第二节 面临的形势\n第二章 总体要求\n第一节 指导思想";
        assert_eq!(
            outline(src),
            vec![
                (1, "第一章".into(), "发展基础".into()),
                (2, "第一节".into(), "取得的成就".into()),
                (3, "一、".into(), "交通网络不断完善".into()),
                (2, "第二节".into(), "面临的形势".into()),
                (1, "第二章".into(), "总体要求".into()),
                (2, "第一节".into(), "指导思想".into()),
            ]
        );
    }

    #[test]
    fn chapter_marker_alone_takes_the_next_line_as_title() {
        let src = "第一章\n发展基础\n“十三五”以来,全市……\n第二章\n总体要求\n一、指导思想";
        assert_eq!(
            outline(src),
            vec![
                (1, "第一章".into(), "发展基础".into()),
                (1, "第二章".into(), "总体要求".into()),
                (2, "一、".into(), "指导思想".into()),
            ]
        );
    }

    #[test]
    fn decimal_outline_numbers() {
        let src = "1 总体要求\n1.1 指导思想\n1.2 发展目标\n到2025年,新增1.5万个停车位。\n1.2.1 交通指标\n2 重点任务\n2.1 完善路网";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "总体要求"),
                (2, "指导思想"),
                (2, "发展目标"),
                (3, "交通指标"),
                (1, "重点任务"),
                (2, "完善路网"),
            ])
        );
    }

    #[test]
    fn government_work_report_sections() {
        let src = "一、2022年工作回顾\n过去一年，我们坚持稳中求进。\n（一）经济运行稳中有进。全年地区生产总值增长5%。\n（二）改革开放持续深化。\n二、总体要求和主要预期目标\n今年政府工作的总体要求是……\n三、2023年重点任务\n（一）全力扩大有效需求。";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "2022年工作回顾"),
                (2, "经济运行稳中有进"),
                (2, "改革开放持续深化"),
                (1, "总体要求和主要预期目标"),
                (1, "2023年重点任务"),
                (2, "全力扩大有效需求"),
            ])
        );
    }

    #[test]
    fn phase_and_time_node_headings() {
        let src = "五、实施步骤\n（一）动员部署阶段（2022年3月—4月）\n制定工作方案。\n（二）组织实施阶段（2022年5月—10月）\n六、时间节点\n（一）2023年4月底前\n完成摸底调查。\n（二）2023年6月底前。完成整改。\n1.2023年12月底前\n全面验收。";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "实施步骤"),
                (2, "动员部署阶段（2022年3月—4月）"),
                (2, "组织实施阶段（2022年5月—10月）"),
                (1, "时间节点"),
                (2, "2023年4月底前"),
                (2, "2023年6月底前"),
                (3, "2023年12月底前"),
            ])
        );
    }

    #[test]
    fn month_headings() {
        let src = "一、全年工作安排\n一月份\n召开全市卫生健康工作会议。\n二月份:部署爱国卫生运动。\n十二月\n开展年度考核。";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "全年工作安排"),
                (2, "一月份"),
                (2, "二月份"),
                (2, "十二月")
            ])
        );
    }

    #[test]
    fn month_words_inside_sentences_are_not_headings() {
        let src = "一、工作安排\n3月底前完成方案制定。\n6月份,开展督查。\n12月完成验收。";
        assert_eq!(titles(src), tl(&[(1, "工作安排")]));
    }

    #[test]
    fn shi_enumerators_at_line_start_only() {
        let src = "（一）加强组织领导\n一是健全工作机制。成立领导小组。\n二是压实工作责任。各地要……\n（二）强化宣传。一是加强政策解读，二是营造氛围。";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "加强组织领导"),
                (2, "健全工作机制"),
                (2, "压实工作责任"),
                (1, "强化宣传"),
            ])
        );
    }

    #[test]
    fn shi_out_of_sequence_is_body_text() {
        let src = "（一）加强组织领导\n三是要加强督查，确保落实。";
        assert_eq!(titles(src), tl(&[(1, "加强组织领导")]));
    }

    #[test]
    fn numbering_runs_on_or_restarts_and_warns_on_gaps() {
        let src = "一、甲\n1.子一\n2.子二\n二、乙\n3.子三\n二、丙\n1.子四\n四、丁";
        let t = clean(src);
        let o = build(&t, 0..t.clean.len(), &[], &[]);
        assert_eq!(o.nodes.len(), 4);
        assert_eq!(o.nodes[1].children[0].ordinal, Some(3));
        let codes: Vec<&str> = o.warnings.iter().map(|w| w.code.as_str()).collect();
        assert_eq!(codes, vec!["numbering-repeat", "numbering-gap"]);
    }

    #[test]
    fn run_on_single_line_document() {
        let filler = "坚持以习近平新时代中国特色社会主义思想为指引,全面落实各项任务。".repeat(8);
        let src = format!(
            "全市教育工作要点Xxxx是关键之年。{filler}一、提高政治站位,加强党的全面领导1完善体制机制。{filler}建成1所学校,新增2个。2.扎实推进党建。{filler},3.深入推进从严治党。{filler}二、推进素质教育1.推进德育体系建设。{filler}4推进高中发展。{filler}"
        );
        assert_eq!(
            outline(&src),
            vec![
                (1, "一、".into(), "提高政治站位,加强党的全面领导".into()),
                (2, "1".into(), "完善体制机制".into()),
                (2, "2.".into(), "扎实推进党建".into()),
                (2, "3.".into(), "深入推进从严治党".into()),
                (1, "二、".into(), "推进素质教育".into()),
                (2, "1.".into(), "推进德育体系建设".into()),
            ]
        );
    }

    #[test]
    fn merged_paragraphs_in_a_well_formed_document() {
        let src = "一、深入打好污染防治攻坚战1.持续改善空气质量。优良天数比率达到85%。2.巩固提升水环境质量。断面水质优良比例保持100%,3.推进土壤污染防治。\n二、加快绿色低碳发展\n1.推进能源结构调整。\n2.推动产业转型。其中:1.推进钢铁行业改造;2.推进化工行业改造。";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "深入打好污染防治攻坚战"),
                (2, "持续改善空气质量"),
                (2, "巩固提升水环境质量"),
                (2, "推进土壤污染防治"),
                (1, "加快绿色低碳发展"),
                (2, "推进能源结构调整"),
                (2, "推动产业转型"),
            ])
        );
    }

    #[test]
    fn lead_phrase_paragraphs_subdivide_a_section() {
        let src = "三、主要任务\n(一)实施攻坚行动,营造良好生态\n规范民办义务教育发展。深化分类管理改革。\n全面落实“双减”政策。全面加强作业管理。\n开展“吾育100”工程。实现100%孩子都有专长。\n(二)强化保障\n完善投入机制,加大财政投入力度。到2024年投入10亿元。\n四、保障措施\n(一)强化组织保障。加强领导。";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "主要任务"),
                (2, "实施攻坚行动,营造良好生态"),
                (3, "规范民办义务教育发展"),
                (3, "全面落实“双减”政策"),
                (3, "开展“吾育100”工程"),
                (2, "强化保障"),
                (1, "保障措施"),
                (2, "强化组织保障"),
            ])
        );
    }

    #[test]
    fn lead_paragraphs_with_responsibility_notes() {
        let src = "(一)实施交通强县行动\n完善综合路网。新改建公路50公里。\n(牵头单位:县交通运输局)\n提升运输服务。开通城乡公交10条。\n(牵头单位:县交通运输局;责任单位:各乡镇)\n(二)强化保障";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "实施交通强县行动"),
                (2, "完善综合路网"),
                (2, "提升运输服务"),
                (1, "强化保障")
            ])
        );
    }

    #[test]
    fn isolated_or_mixed_lead_paragraphs_are_not_headings() {
        let src = "一、指导思想\n坚持稳中求进。以习近平新时代中国特色社会主义思想为指导。\n全面贯彻落实党的二十大精神,推动高质量发展。\n二、工作目标\n提高质量。全年完成。";
        assert_eq!(titles(src), tl(&[(1, "指导思想"), (1, "工作目标")]));
    }

    #[test]
    fn boxes_and_notes_hold_no_headings() {
        let src = "第二章 总体要求\n第一节 发展目标\n专栏1 主要指标\n1.铁路营业里程达到4000公里。\n2.高速公路通车里程达到6000公里。\n第二节 重点任务\n一、完善路网\n注:1.数据为预期值。\n2.不含在建项目。\n二、提升服务";
        assert_eq!(
            titles(src),
            tl(&[
                (1, "总体要求"),
                (2, "发展目标"),
                (2, "重点任务"),
                (3, "完善路网"),
                (3, "提升服务"),
            ])
        );
    }

    #[test]
    fn bracketed_box_titles_open_boxes() {
        for open in [
            "【专栏1】公共文化重点工程",
            "(专栏2 旅游重点项目)",
            "［专栏3］重点项目",
        ] {
            let src = format!(
                "第一章 主要任务\n第一节 建设文化强市\n{open}\n1.城市书房工程。新建城市书房20个。\n2.文化馆提升工程。改造文化馆5个。\n第二节 建设旅游强市\n一、提升景区"
            );
            assert_eq!(
                titles(&src),
                tl(&[
                    (1, "主要任务"),
                    (2, "建设文化强市"),
                    (2, "建设旅游强市"),
                    (3, "提升景区"),
                ]),
                "{open}"
            );
        }
    }

    #[test]
    fn mid_paragraph_enumerations_in_long_paragraphs_are_not_headings() {
        let para = "坚持以人民为中心的发展思想,推动高质量发展取得新成效。".repeat(30);
        let src = format!(
            "一、总体要求\n{para}1.加强组织领导。2.强化督查考核。{para}\n二、重点任务\n{para}"
        );
        assert_eq!(titles(&src), tl(&[(1, "总体要求"), (1, "重点任务")]));
    }

    /// PDF text of a 规划纲要: each marker above its name, nested divisions stacked (their markers
    /// first, a 节 marker even above the 篇 it belongs under), a `序言` without a number.
    #[test]
    fn stacked_division_markers_take_their_names_in_order() {
        let body = "推进交通强省建设,提升综合运输服务能力。\n";
        let src = format!(
            "序言\n{body}第一篇\n\n总体战略\n\n第一章\n\n指导思想\n{body}第一节\n\n第二篇\n\n完善基础设施\n\n第二章\n\n建设综合交通网\n\n加快铁路建设\n{body}第二节\n\n推进公路提质\n{body}第三篇\n第三章\n\n第一节\n\n提升运输服务\n\n发展旅客运输\n\n优化城际客运\n{body}"
        );
        assert_eq!(
            outline(&src),
            [
                (1, "", "序言"),
                (1, "第一篇", "总体战略"),
                (2, "第一章", "指导思想"),
                (1, "第二篇", "完善基础设施"),
                (2, "第二章", "建设综合交通网"),
                (3, "第一节", "加快铁路建设"),
                (3, "第二节", "推进公路提质"),
                (1, "第三篇", "提升运输服务"),
                (2, "第三章", "发展旅客运输"),
                (3, "第一节", "优化城际客运"),
            ]
            .map(|(l, m, t)| (l, m.to_string(), t.to_string()))
        );
    }

    /// Three paragraphs in a row opening with a short lead sentence subdivide their section, even
    /// between an introduction and an address to the delegates; lead lines standing alone above
    /// their paragraphs do too; `——` bullets and long thesis sentences never lead.
    #[test]
    fn lead_phrases_that_subdivide_a_section() {
        let long = "坚持系统观念,统筹发展和安全,推动各项工作落地见效。";
        let src = format!(
            "一、2025年工作回顾\n过去一年,我们顶压前行,{long}\n生态底色更加亮丽。\n{long}\n经济运行持续向好。\n{long}{long}\n二、2026年重点工作\n(一)扩大有效需求\n今年,{long}\n扩大有效投资。{long}\n提振消费需求。{long}\n防控金融风险。{long}\n各位代表!{long}\n(二)深化改革开放\n——坚持创新引领。{long}\n——坚持开放合作。{long}\n——坚持系统推进。{long}\n(三)面临形势\n数据要素是数字经济深化发展的核心引擎之一。{long}\n规范健康可持续是数字经济高质量发展的迫切要求。{long}\n数字化服务是满足人民美好生活需要的重要途径。{long}"
        );
        assert_eq!(
            titles(&src),
            tl(&[
                (1, "2025年工作回顾"),
                (2, "生态底色更加亮丽"),
                (2, "经济运行持续向好"),
                (1, "2026年重点工作"),
                (2, "扩大有效需求"),
                (3, "扩大有效投资"),
                (3, "提振消费需求"),
                (3, "防控金融风险"),
                (2, "深化改革开放"),
                (2, "面临形势"),
            ])
        );
        // two leads in a row are headings only when they are all the section's paragraphs
        let src = format!("一、基本原则\n坚持创新引领、融合发展。{long}\n坚持公平竞争、安全有序。{long}\n二、保障措施\n加强组织领导。{long}\n{long}\n强化督促检查。{long}");
        assert_eq!(
            titles(&src),
            tl(&[
                (1, "基本原则"),
                (2, "坚持创新引领、融合发展"),
                (2, "坚持公平竞争、安全有序"),
                (1, "保障措施"),
            ])
        );
    }

    /// A calendar appended to a school plan: the `附:` line heads it, the month lines are one level
    /// below, their restarting `1.` items the next; `11.5-6月份` is item 11.
    #[test]
    fn an_appended_month_calendar() {
        let src = "一、主要工作\n(一)推进课堂教学改革\n10.每学期开展公开课展示活动。\n11.5-6月份,组织开展专项调研。\n二、保障措施\n加强组织领导。\n附:某中学教研室2020年工作行事历\n三月份\n1.组织教师培训报名。\n2.召开开学工作会议。\n四月份\n1.开展期中教学质量检测。";
        assert_eq!(
            outline(src),
            [
                (1, "一、", "主要工作"),
                (2, "(一)", "推进课堂教学改革"),
                (3, "10.", "每学期开展公开课展示活动"),
                (3, "11.", "5-6月份,组织开展专项调研"),
                (1, "二、", "保障措施"),
                (1, "附:", "某中学教研室2020年工作行事历"),
                (2, "", "三月份"),
                (3, "1.", "组织教师培训报名"),
                (3, "2.", "召开开学工作会议"),
                (2, "", "四月份"),
                (3, "1.", "开展期中教学质量检测"),
            ]
            .map(|(l, m, t)| (l, m.to_string(), t.to_string()))
        );
    }

    /// In a report, the address to the delegates closes the last `五是` item: the review's lead
    /// paragraphs after it subdivide the section, not the item.
    #[test]
    fn an_address_to_the_delegates_closes_an_enumerated_item() {
        let long = "坚持系统观念,统筹发展和安全,推动各项工作落地见效。";
        let src = format!(
            "一、工作回顾\n一是狠抓产业升级,经济实力迈上新台阶。\n产业升级步伐加快。{long}\n数字经济快速发展。{long}\n市场主体稳步增长。{long}\n二是倾力保障民生,群众生活水平实现新提升。\n就业增收稳定向好。{long}\n教育发展持续加力。{long}\n医疗服务不断改善。{long}\n三是守牢安全底线,社会大局和谐稳定。\n与此同时,其他各方面工作取得新进展。{long}\n过去一年,我们持续加强政府自身建设。{long}\n各位代表!\n过去五年,{long}\n这五年,经济繁荣的基础更加坚实。{long}\n这五年,民族团结的局面更加稳固。{long}\n这五年,人民富裕的保障更加有力。{long}\n二、今年工作安排\n{long}"
        );
        assert_eq!(
            titles(&src),
            tl(&[
                (1, "工作回顾"),
                (2, "狠抓产业升级,经济实力迈上新台阶"),
                (3, "产业升级步伐加快"),
                (3, "数字经济快速发展"),
                (3, "市场主体稳步增长"),
                (2, "倾力保障民生,群众生活水平实现新提升"),
                (3, "就业增收稳定向好"),
                (3, "教育发展持续加力"),
                (3, "医疗服务不断改善"),
                (2, "守牢安全底线,社会大局和谐稳定"),
                (2, "这五年,经济繁荣的基础更加坚实"),
                (2, "这五年,民族团结的局面更加稳固"),
                (2, "这五年,人民富裕的保障更加有力"),
                (1, "今年工作安排"),
            ])
        );
    }

    #[test]
    fn numbers_inside_sentences_are_not_headings() {
        let src = "一、工作目标\n到2025年,新增学位1.5万个,2、3年级全覆盖。\n10所学校完成改造。\n二、重点任务";
        assert_eq!(titles(src), tl(&[(1, "工作目标"), (1, "重点任务")]));
    }

    #[test]
    fn skip_ranges_and_body_bounds_are_respected() {
        let src = "附件:1.项目清单\n2.资金安排表\n一、总体要求\n二、主要任务";
        let t = clean(src);
        let skip_end = t.clean.find("一、").unwrap();
        let o = build(
            &t,
            0..t.clean.len(),
            &[],
            std::slice::from_ref(&(0..skip_end)),
        );
        assert_eq!(o.nodes.len(), 2);
        let o = build(&t, skip_end..t.clean.len(), &[], &[]);
        assert_eq!(o.nodes.len(), 2);
    }
}
