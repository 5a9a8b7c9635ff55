//! Targets: every measurable commitment, normalised (docs/domain.md#targets).
//!
//! The stage reads like a pipeline over the plan body:
//! 1. [`traps`] masks numerals that are names, ordinals, formulas and citations;
//! 2. [`quantity`] finds every numeral + unit, [`deadlines`] every time phrase, and
//!    the coverage / zero cues of [`lexicon`] are matched — each in one pass;
//! 3. [`clauses`] cuts sentences and clauses; [`retrospect`] drops review sections,
//!    perfective and forecast clauses;
//! 4. per clause, each quantity gets the comparator and change words around it, the nearest
//!    earlier time phrase of its sentence, recurrence, strength, scope, `per` and a subject
//!    ([`subject`]);
//! 5. a concrete date with a deliverable verb and no number after it becomes a `deadline` target.

mod clauses;
pub(crate) mod deadlines;
mod deliverables;
mod indicators;
pub(crate) mod lexicon;
mod quantity;
mod retrospect;
mod rows;
pub(crate) mod schedule;
mod sentence;
pub(crate) mod subject;
mod traps;

use crate::document::tables::TableBlock;
use crate::model::{
    Change, Comparator, OutlineNode, Period, Responsible, Scope, Strength, Target, TargetKind,
};
use crate::rx::Regex;
use crate::text::Text;
use clauses::Sentence;
use deadlines::{Anchor, TimePhrase};
use deliverables::{dated_block, Block};
use lexicon::{
    LazySet, UnitClass, WordSet, CHANGE_BASES, CHANGE_DOWN, CHANGE_UP, COMPARATOR_BEFORE, COVERAGE,
    COVERAGE_ATTRIBUTIVE_NEXT, DELIVERABLE_VERBS, EFFORTS, END_STATES, FORECAST, FUTURE_WORDS,
    LEVEL_VERBS, RECURRENCE, RETRO_WORDS, STRENGTH_ASPIRATIONAL, STRENGTH_FIRM, STRENGTH_PLANNED,
    YEAR_TARGET_LISTS, ZERO_GOALS,
};
use quantity::Quantity;
use retrospect::Retro;
use rows::indicator_cells;
use sentence::sentence_targets;
use std::ops::Range;
use std::sync::OnceLock;
use traps::Masks;

/// What the target stage reads.
pub struct Context<'a> {
    pub text: &'a Text,
    /// Byte range of `text.clean` holding the plan body.
    pub body: Range<usize>,
    pub plan_year: Option<i32>,
    pub period: Option<Period>,
    pub outline: &'a [OutlineNode],
    /// Byte ranges of `text.clean` that hold no values (heading markers).
    pub skip: &'a [Range<usize>],
    pub tables: &'a [TableBlock],
}

/// Everything found in one pass over the body, positions relative to the body start.
struct Found {
    masks: Masks,
    quantities: Vec<Quantity>,
    times: Vec<TimePhrase>,
    cues: Vec<Cue>,
    notes: Vec<(usize, Responsible)>,
}

/// A coverage, zero or rank cue without a numeral of its own.
#[derive(Debug, Clone)]
struct Cue {
    range: Range<usize>,
    value: f64,
    unit: Option<&'static str>,
    comparator: Comparator,
    kind: TargetKind,
    /// `翻一番`, `减半`: the cue is a change of the base.
    change: Option<Change>,
}

fn cue_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let mut words: Vec<&str> = COVERAGE.to_vec();
        words.extend(ZERO_GOALS.iter().map(|(w, _, _)| *w));
        words.extend(lexicon::MULTIPLE_WORDS.iter().map(|(w, _, _)| *w));
        let rank = r"(?:全国|全省|全市|全区|全县|市直|省直|区直|县直|同类城市|同类地区|同类学校)[^,。;\n]{0,8}?前(?P<rank>[0-9]{1,3}|[一二三四五六七八九十]{1,3})(?P<ru>名|位)?";
        // a water-quality class (Ⅱ类水质, 地表水Ⅲ类, 保持在Ⅱ类及以上): better is the lower number
        let class = r"(?P<cls>[ⅠⅡⅢⅣⅤ])类(?P<cs>及以上|或以上|以上|及以下|或以下|以下)?";
        let words = lexicon::alternation(&words);
        crate::rx::new(&format!("{words}|{rank}|{class}")).expect("cue pattern")
    })
}

/// Longest list of names in a responsibility note (chars).
const NOTE_MAX: usize = 160;

fn note_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::rx::new(r"\((?:牵头单位|责任单位|牵头部门|责任部门|牵头) *[:：] *([^()\n]+)\)")
            .expect("note pattern")
    })
}

/// `（牵头单位：A、B；配合单位：C）` → lead A, B; others C.
fn parse_note(s: &str) -> Responsible {
    let mut r = Responsible::default();
    for (i, part) in s.split([';', '；']).enumerate() {
        let part = part
            .split_once([':', '：'])
            .map_or(part, |(_, names)| names);
        let names = crate::document::tables::units_of(part);
        if i == 0 {
            r.lead.extend(names);
        } else {
            r.others.extend(names);
        }
    }
    r
}

fn find_all(hay: &str, anchor: Anchor) -> Found {
    let mut cues = Vec::new();
    for c in cue_re().captures_iter(hay) {
        let Some(m) = c.get(0) else { continue };
        if let Some(n) = c.name("rank") {
            if let Some(v) = crate::text::numerals::parse_number(n.as_str()) {
                let start = m.as_str().rfind('前').map_or(m.start(), |i| m.start() + i);
                cues.push(Cue {
                    range: start..m.end(),
                    value: v,
                    // a rank counts places: 名 unless the plan writes 位
                    unit: Some(c.name("ru").map_or("名", |u| {
                        if u.as_str() == "位" {
                            "位"
                        } else {
                            "名"
                        }
                    })),
                    comparator: Comparator::Lte,
                    kind: TargetKind::Count,
                    change: None,
                });
            }
            continue;
        }
        if let Some(n) = c.name("cls") {
            cues.extend(water_class(hay, m.range(), n.as_str(), c.name("cs")));
            continue;
        }
        let w = m.as_str();
        if COVERAGE.contains(&w) {
            cues.push(Cue {
                range: m.range(),
                value: 100.0,
                unit: Some("%"),
                comparator: Comparator::Eq,
                kind: TargetKind::Coverage,
                change: None,
            });
        } else if let Some((_, v, cmp)) = ZERO_GOALS.iter().find(|(z, _, _)| *z == w) {
            cues.push(Cue {
                range: m.range(),
                value: *v,
                // 零突破 is the first one of something: a count
                unit: (*v != 0.0).then_some("个"),
                comparator: *cmp,
                kind: TargetKind::Coverage,
                change: None,
            });
        } else if let Some((_, v, up)) = lexicon::MULTIPLE_WORDS.iter().find(|(z, _, _)| *z == w) {
            cues.push(Cue {
                range: m.range(),
                value: *v,
                unit: Some("%"),
                comparator: Comparator::Eq,
                kind: TargetKind::Change,
                change: Some(if *up {
                    Change::Increase
                } else {
                    Change::Decrease
                }),
            });
        }
    }
    let notes = note_re()
        .captures_iter(hay)
        // the names are at most NOTE_MAX chars (a limit checked here, not compiled in: see
        // rx::within); the names exclude `(`, so no note starts inside a longer one
        .filter(|c| {
            c.get(1)
                .is_some_and(|m| crate::rx::within(m.as_str(), NOTE_MAX))
        })
        .filter_map(|c| Some((c.get(0)?.start(), parse_note(c.get(1)?.as_str()))))
        .collect();
    Found {
        masks: traps::masks(hay),
        quantities: quantity::find(hay),
        times: deadlines::find(hay, anchor),
        cues,
        notes,
    }
}

/// How far (chars) before a class its water may be named (`干流全线水质稳定保持在Ⅱ类`).
const WATER_REACH: usize = 12;

/// A water-quality class as a target: only where water is named just before it or right after
/// (`Ⅱ类水质`); one that picks what a later share counts (`Ⅲ类水体比例达到80%`) is a qualifier.
fn water_class(
    hay: &str,
    r: Range<usize>,
    numeral: &str,
    bound: Option<crate::rx::Match>,
) -> Option<Cue> {
    let before: String = {
        let head = &hay[..r.start];
        let from = head
            .char_indices()
            .rev()
            .take(WATER_REACH)
            .last()
            .map_or(head.len(), |(i, _)| i);
        head[from..].to_string()
    };
    let after: String = hay[r.end..].chars().take(6).collect();
    let clause_before = before.rsplit(['，', '。', '；', '\n']).next().unwrap_or("");
    let water = clause_before.contains('水') || after.starts_with('水');
    if !water || after.contains("比例") || after.contains('率') {
        return None;
    }
    let value = "ⅠⅡⅢⅣⅤ".chars().position(|c| numeral.starts_with(c))? as f64 + 1.0;
    let comparator = match bound.map(|b| b.as_str()) {
        Some(b) if b.ends_with("以上") => Comparator::Lte,
        Some(_) => Comparator::Gte,
        None => Comparator::Eq,
    };
    Some(Cue {
        range: r,
        value,
        unit: Some("类"),
        comparator,
        kind: TargetKind::Count,
        change: None,
    })
}

/// Items of a sorted list whose start lies in `r` (binary search; lists are in text order).
fn within<'a, T>(items: &'a [T], r: &Range<usize>, start: impl Fn(&T) -> usize) -> &'a [T] {
    let a = items.partition_point(|x| start(x) < r.start);
    let b = items.partition_point(|x| start(x) < r.end);
    &items[a..b.max(a)]
}

struct Builder<'a> {
    cx: &'a Context<'a>,
    off: usize,
    hay: &'a str,
    /// `cx.skip` relative to `hay`, indexed once: a scan of every marker per clause made a plan
    /// of many short sections quadratic.
    skips: Skips,
}

/// Ranges that hold no values (heading markers, element lines), sorted by start, with the
/// largest end so far, so the ranges over a point or a span are found by binary search.
struct Skips {
    ranges: Vec<Range<usize>>,
    max_end: Vec<usize>,
}

impl Skips {
    /// `skip` (absolute offsets, any order) relative to a haystack that starts at `off`.
    fn new(skip: &[Range<usize>], off: usize) -> Skips {
        let mut ranges: Vec<Range<usize>> = skip
            .iter()
            .map(|r| r.start.saturating_sub(off)..r.end.saturating_sub(off))
            .collect();
        ranges.sort_by_key(|r| (r.start, r.end));
        let max_end = ranges
            .iter()
            .scan(0, |m, r| {
                *m = (*m).max(r.end);
                Some(*m)
            })
            .collect();
        Skips { ranges, max_end }
    }

    /// Does any range overlap `r`?
    fn overlaps(&self, r: &Range<usize>) -> bool {
        let n = self.ranges.partition_point(|x| x.start < r.end);
        n > 0 && self.max_end[n - 1] > r.start
    }

    /// The ranges that contain `at`, latest start first.
    fn over(&self, at: usize) -> impl Iterator<Item = &Range<usize>> + '_ {
        let n = self.ranges.partition_point(|x| x.start <= at);
        (0..n)
            .rev()
            .take_while(move |&i| self.max_end[i] > at)
            .map(move |i| &self.ranges[i])
            .filter(move |r| at < r.end)
    }

    /// Past the ranges that start a span at `from` and end by `limit` (a marker, then maybe the
    /// element line around it): where the span's own words begin.
    fn skip_from(&self, mut from: usize, limit: usize) -> usize {
        while let Some(end) = self.over(from).map(|r| r.end).filter(|&e| e <= limit).max() {
            from = end;
        }
        from
    }
}

impl Builder<'_> {
    fn target(&self, r: Range<usize>, clause: Range<usize>, kind: TargetKind) -> Target {
        let t = self.cx.text;
        let abs = self.off + r.start..self.off + r.end;
        let span = t.span(abs);
        Target::new(
            t.original(span),
            span,
            t.span(self.off + clause.start..self.off + clause.end),
            kind,
        )
    }

    fn deadline_text(&self, tp: &TimePhrase) -> String {
        let t = self.cx.text;
        t.original(t.span(self.off + tp.range.start..self.off + tp.range.end))
    }
}

/// The year of a speech dateline (`——2024年1月18日在…人民代表大会…上`, also after a `―` bar or
/// in brackets: `（2026年1月27日在…）`), which dates a
/// 政府工作报告 whose title names no year: the plan year when the document gives no other.
fn dateline_year(clean: &str) -> Option<i32> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::new(
            r"(?m)^ *(?:[—―-]{1,2}|[(（]) *((?:19|20)[0-9]{2})年[0-9]{1,2}月[0-9]{1,2}日在",
        )
        .expect("dateline")
    });
    let mut end = clean.len().min(1500);
    while !clean.is_char_boundary(end) {
        end -= 1;
    }
    let head = &clean[..end];
    re.captures(head)?.get(1)?.as_str().parse().ok()
}

/// Extracts the targets of the plan body.
pub fn extract(cx: &Context) -> Vec<Target> {
    let t = cx.text;
    let body = t.clamp(cx.body.clone());
    let off = body.start;
    let hay = &t.clean[body.clone()];
    let anchor = Anchor {
        plan_year: cx.plan_year,
        period: cx.period,
    };
    let first_year = cx
        .plan_year
        .or(cx.period.map(|p| p.from))
        .or_else(|| dateline_year(&t.clean));
    let anchor = Anchor {
        plan_year: anchor.plan_year.or(first_year),
        period: anchor.period,
    };
    let found = find_all(hay, anchor);
    let retro = Retro::new(t, body.clone(), cx.outline, first_year);
    let b = Builder {
        cx,
        off,
        hay,
        skips: Skips::new(cx.skip, off),
    };
    let mut out = Vec::new();
    // a statement of the past runs on over a `；` (截至2022年底，…达到635万人；建成设施4200个。)
    let mut carry = false;
    let mut list_time: Option<ListTime> = None;
    let mut block: Option<Block> = None;
    // the cells of the tables: in a table printed a row per line, each cell is a clause of its
    // own (`建设高标准农田3万亩 县农业农村局 …`: the lead unit is no subject of 3万亩)
    let cells: Vec<Range<usize>> = cx
        .tables
        .iter()
        .flat_map(|tb| tb.cells.iter().cloned())
        .collect();
    for s in clauses::sentences(t, body.clone()) {
        let in_cells = cells_of(&cells, &s.range);
        let clauses = if in_cells.is_empty() {
            s.clauses
        } else {
            cut_at_cells(&s.clauses, in_cells)
        };
        let rel = Sentence {
            range: s.range.start - off..s.range.end - off,
            clauses: clauses.iter().map(|c| c.start - off..c.end - off).collect(),
        };
        let opens = year_list(&b, &found.times, &rel.range, first_year);
        // a year's list is forward-looking wherever a review before it seems to run on
        let in_year_list = opens.is_some() || list_time.as_ref().is_some_and(|l| l.paragraph);
        if retro.at(t, s.range.start) && !in_year_list {
            carry = false;
            list_time = None;
            block = None;
            continue;
        }
        let first_new = out.len();
        let past_end = sentence_targets(&b, &found, &rel, first_year, carry, &mut out);
        let runs_on = t.clean[s.range.end..].starts_with(';');
        let rest = t.clean.get(s.range.end..body.end).unwrap_or("");
        let rest = rest.trim_start_matches(['。', '!', '?', '！', '？', ' ']);
        let para_end = rest.is_empty() || rest.starts_with('\n');
        carry = past_end && runs_on;
        // 今年…的主要预期目标是：A增长6%左右；B增长5%；…。: the time before the colon dates
        // every item of the list, up to its full stop (a year's list: its paragraph's end)
        if let Some(lt) = list_time.as_ref().or(opens.as_ref()) {
            for tg in out[first_new..]
                .iter_mut()
                .filter(|tg| tg.deadline.is_none())
            {
                tg.deadline = lt.raw.as_deref().map(Into::into);
                tg.due = lt.due.as_deref().map(Into::into);
            }
        }
        // any digit: a count whose unit is not read (`5款以上`) still makes it a quantity
        let numbers = within(&found.quantities, &rel.range, |q| q.range.start)
            .iter()
            .any(|q| !found.masks.hits(&q.numeral))
            || hay[rel.range.clone()].contains(|c: char| c.is_ascii_digit());
        block = dated_block(
            &b,
            &rel,
            anchor,
            block,
            (first_new, numbers),
            para_end,
            &mut out,
        );
        list_time = match list_time.take() {
            Some(lt) if lt.paragraph => (!para_end && !past_end).then_some(lt),
            _ if opens.is_some() => opens.filter(|_| !para_end && !past_end),
            _ if !runs_on || past_end => None,
            Some(lt) => Some(lt),
            None => colon_time(&b, &found.times, &rel.range, first_year),
        };
    }
    indicator_cells(&b, &retro, &mut out);
    // responsible units from （牵头单位：…） notes: the next note after a target, on its line
    if !found.notes.is_empty() {
        for tg in &mut out {
            attach_note(&b, &found.notes, tg);
        }
    }
    rows::apply_rows(t, cx.tables, anchor, &mut out);
    out.iter_mut().for_each(flag_overflow);
    out
}

/// A number too large for a float (hundreds of digits, `999,999,…`) parses to infinity, which
/// JSON cannot hold: the value is dropped and the target says so (`value_overflow`) instead of
/// printing a silent `null`.
fn flag_overflow(tg: &mut Target) {
    let mut overflow = false;
    if tg.value.is_some_and(|v| !v.is_finite()) {
        tg.value = None;
        overflow = true;
    }
    if tg.range.is_some_and(|r| r.iter().any(|v| !v.is_finite())) {
        tg.range = None;
        overflow = true;
    }
    if overflow {
        tg.flags.push("value_overflow".into());
    }
}

fn attach_note(b: &Builder, notes: &[(usize, Responsible)], tg: &mut Target) {
    // positions of notes are relative bytes; compare in original chars
    // the notes are in text order, so the first at or after the target is found by binary
    // search (a scan per target was quadratic in a plan of many noted targets)
    let t = b.cx.text;
    let end_char = tg.span[1];
    let i = notes.partition_point(|(at, _)| t.orig_offset(b.off + at) < end_char);
    let Some((at, r)) = notes.get(i) else {
        return;
    };
    let c = t.orig_offset(b.off + at);
    let between = t.original([end_char, c]);
    if !between.contains('\n') && !between.contains("牵头") {
        tg.responsible = Some(Box::new(r.clone()));
    }
}

/// The time that dates the items of a list: as written (None when the list names none, as a
/// report's list of the year's targets need not) and resolved.
#[derive(Clone)]
struct ListTime {
    raw: Option<String>,
    due: Option<String>,
    /// A report's list of the year's targets runs to the end of its paragraph, over full stops.
    paragraph: bool,
}

/// The time phrase before the colon of a sentence that opens a list (`今年…主要预期目标是：`), as
/// written and resolved, when it resolves to a date.
fn colon_time(
    b: &Builder,
    times: &[TimePhrase],
    range: &Range<usize>,
    first_year: Option<i32>,
) -> Option<ListTime> {
    let colon = range.start + b.hay[range.clone()].find(':')?;
    let past = |tp: &TimePhrase| tp.year.zip(first_year).is_some_and(|(y, py)| y < py);
    let tp = within(times, &(range.start..colon), |x| x.range.start)
        .iter()
        .rev()
        .find(|tp| tp.due.is_some() && tp.range.end <= colon && !past(tp))?;
    Some(ListTime {
        raw: Some(b.deadline_text(tp)),
        due: tp.due.clone(),
        paragraph: false,
    })
}

/// `（今年）经济社会发展的主要预期目标是：…`: a work report's list of the year's targets
/// ([`YEAR_TARGET_LISTS`] before the colon), dated by the time phrase before its colon if there
/// is one, else by the report's year.
fn year_list(
    b: &Builder,
    times: &[TimePhrase],
    range: &Range<usize>,
    first_year: Option<i32>,
) -> Option<ListTime> {
    let s = &b.hay[range.clone()];
    let mut lead = &s[..s.find(':')?];
    if lead.trim().chars().count() <= 2 {
        // `今年经济社会发展的` ⏎ `主要预期目标` ⏎ `是：`: a lead broken over lines
        let before = &b.hay[..range.start];
        let mut from = before.rfind(['。', ';']).map_or(0, |i| i + 1);
        from = from.max(range.start.saturating_sub(90));
        while !b.hay.is_char_boundary(from) {
            from += 1;
        }
        lead = &b.hay[from..range.start + lead.len()];
    }
    let named = YEAR_TARGET_LISTS.iter().any(|w| lead.contains(w))
        || (lead.contains("今年") && lead.contains("主要目标"));
    if !named {
        return None;
    }
    let lt = colon_time(b, times, range, first_year).or_else(|| {
        Some(ListTime {
            raw: None,
            due: Some(deadlines::year_end(first_year?)),
            paragraph: true,
        })
    })?;
    Some(ListTime {
        paragraph: true,
        ..lt
    })
}

/// `clauses` cut at the table cells they cross; a clause in no cell stays whole.
fn cut_at_cells(clauses: &[Range<usize>], cells: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    for c in clauses {
        let before = out.len();
        out.extend(
            cells
                .iter()
                .filter(|r| r.start < c.end && c.start < r.end)
                .map(|r| r.start.max(c.start)..r.end.min(c.end)),
        );
        if out.len() == before {
            out.push(c.clone());
        }
    }
    out
}

/// The table cells inside `range` (`cells` sorted by start): a binary search, then a walk.
fn cells_of<'a>(cells: &'a [Range<usize>], range: &Range<usize>) -> &'a [Range<usize>] {
    let from = cells.partition_point(|r| r.end <= range.start);
    let to = from + cells[from..].partition_point(|r| r.start < range.end);
    &cells[from..to]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::clean::clean;

    #[test]
    fn skips_answer_like_a_scan_of_every_range() {
        // absolute ranges, out of order, one before the haystack's start at 10
        let skips = Skips::new(&[30..34, 12..14, 5..8, 14..16, 20..40], 10);
        assert!(skips.overlaps(&(3..5)));
        assert!(skips.overlaps(&(25..26)));
        assert!(!skips.overlaps(&(6..10)));
        assert!(!skips.overlaps(&(0..0)));
        let over: Vec<_> = skips.over(22).cloned().collect();
        assert_eq!(over, vec![20..24, 10..30]);
        // a marker then the range right after it are both skipped, up to the limit
        assert_eq!(skips.skip_from(2, 40), 6);
        assert_eq!(skips.skip_from(2, 5), 4);
        assert_eq!(skips.skip_from(7, 40), 7);
    }

    #[test]
    fn a_value_too_large_for_a_float_is_flagged_not_silently_null() {
        let huge = vec!["999"; 140].join(",");
        for src in [format!("完成{huge}所。"), format!("完成3—{huge}所。")] {
            let a = crate::analyze(&src);
            assert_eq!(a.targets.len(), 1, "{src}");
            let t = &a.targets[0];
            assert_eq!((t.value, t.range), (None, None), "{src}");
            assert_eq!(t.flags, vec!["value_overflow"], "{src}");
        }
        let a = crate::analyze("完成3—9所。");
        assert!(a.targets.iter().all(|t| t.flags.is_empty()));
    }

    fn run_with(src: &str, py: Option<i32>, period: Option<(i32, i32)>) -> Vec<Target> {
        let t = clean(src);
        extract(&Context {
            text: &t,
            body: 0..t.clean.len(),
            plan_year: py,
            period: period.map(|(from, to)| Period { from, to }),
            outline: &[],
            skip: &[],
            tables: &[],
        })
    }

    fn run(src: &str) -> Vec<Target> {
        run_with(src, Some(2023), None)
    }

    fn texts(ts: &[Target]) -> Vec<&str> {
        ts.iter().map(|t| t.text.as_str()).collect()
    }

    /// A duration closed by 内 before an action of the plan is a time limit (at most the
    /// number) and names the work it bounds; a span of a definition, a response's first days and
    /// a limit that dates a later value are not.
    #[test]
    fn time_limits_before_an_action_are_targets() {
        let ts = run("接报疫情 24 小时内完成入户队伍组建。流调组需在接报后2小时内启动个案调查。");
        assert_eq!(texts(&ts), ["24 小时内", "2小时内"], "{ts:?}");
        assert!(ts
            .iter()
            .all(|t| t.comparator == Some(Comparator::Lte) && t.kind == TargetKind::Duration));
        assert_eq!(ts[0].subject.as_deref(), Some("入户队伍"));
        for s in [
            "发病前 14 天内有疫区旅居史。",
            "核心区前 3 天内完成首次灭蚊。",
            "3 天内要完成全覆盖。",
        ] {
            assert!(
                run(s).iter().all(|t| t.unit.as_deref() != Some("天")),
                "{s}: {:?}",
                run(s)
            );
        }
    }

    /// A capacity after a name and before the noun it sizes specifies a project; after a verb
    /// that governs it, or ending its clause, it is an amount.
    #[test]
    fn capacities_of_named_projects_are_specifications() {
        let ts = run("推动国达化工60万吨钾肥复合造粒、南网720兆瓦储能电站等项目建设。");
        assert!(ts.is_empty(), "{ts:?}");
        let ts = run("新增产能100万吨，建设100万千瓦风电项目。");
        assert_eq!(texts(&ts), ["100万吨", "100万千瓦"], "{ts:?}");
    }

    /// A scale that names a class (万亿级, 千亿元级) is no amount; a rate per output keeps its
    /// per-unit; a rank counts places; the old level of a rise is no part of the subject.
    #[test]
    fn scales_rates_ranks_and_old_levels() {
        let ts = run("万亿级产业集群达到3个，千亿元级企业10家。");
        assert_eq!(texts(&ts), ["3个", "10家"], "{ts:?}");
        assert!(run("指标：经常参加体育锻炼人数(亿人)").is_empty());
        let ts = run("亿元GDP生产安全事故死亡率控制在0.6人/百亿元以下。");
        assert_eq!(ts[0].unit.as_deref(), Some("人/百亿元"), "{ts:?}");
        assert_eq!(ts[0].comparator, Some(Comparator::Lte));
        let ts = run("高考成绩力争全省前8，综合考核市直前三，实现零突破。");
        assert_eq!(texts(&ts), ["前8", "前三", "零突破"], "{ts:?}");
        assert_eq!(ts[0].unit.as_deref(), Some("名"));
        assert_eq!(ts[1].value, Some(3.0));
        assert_eq!(
            (ts[2].value, ts[2].unit.as_deref()),
            (Some(1.0), Some("个"))
        );
        let ts = run("城乡居民基础养老金最低标准从209元提高到217元。");
        assert_eq!(texts(&ts), ["217元"], "{ts:?}");
        assert_eq!(ts[0].comparator, Some(Comparator::Eq));
        assert_eq!(ts[0].subject.as_deref(), Some("城乡居民基础养老金最低标准"));
    }

    /// `及以下` bounds a rate from above, and a rate per 10万 keeps its unit when PDF text spaces
    /// the 万 off.
    #[test]
    fn rates_at_most_per_hundred_thousand() {
        let ts = run("婴儿死亡率控制在 7.5‰及以下，孕产妇死亡率下降到 18/10 万及以下。");
        assert_eq!(texts(&ts), ["7.5‰及以下", "18/10 万及以下"], "{ts:?}");
        assert!(ts.iter().all(|t| t.comparator == Some(Comparator::Lte)));
        assert_eq!(ts[1].unit.as_deref(), Some("/10万"));
    }

    /// Counts of products and cases are counts, and a later count in the same unit is a
    /// parallel item, not the amount a threshold picks.
    #[test]
    fn parallel_counts_are_no_thresholds() {
        let ts = run("推动5款以上产品完成检验。引育5家以上具有核心技术的企业、10家以上产业链骨干企业。构建不少于1000例病例的数据集。");
        assert_eq!(
            texts(&ts),
            ["5款以上", "5家以上", "10家以上", "不少于1000例"],
            "{ts:?}"
        );
    }

    /// Gas in 方, computing power in P, the total of listed plants, a range of days as a limit;
    /// 每一项 and the name of a sport are no counts.
    #[test]
    fn energy_units_totals_and_set_phrases() {
        let ts = run("新增天然气产量10亿方以上，算力总规模突破4万P。");
        assert_eq!(texts(&ts), ["10亿方以上", "突破4万P"], "{ts:?}");
        let ts = run("推动商洛电厂二期、店头电厂二期等402万千瓦机组建成投运。");
        assert_eq!(texts(&ts), ["402万千瓦"], "{ts:?}");
        let ts = run("全面清理后 3—5 天内要再次入户评估和清理。");
        assert_eq!(ts[0].comparator, Some(Comparator::Range), "{ts:?}");
        assert!(run("让每一项行政行为都贯彻法治精神，做靓三人篮球品牌，双方签订协议。").is_empty());
    }

    /// Sizes inside a framing 以…为… phrase and numbers after a label of conditions are no
    /// targets.
    #[test]
    fn framing_sizes_and_conditions_are_no_targets() {
        assert!(run("以滨江10.5平方公里滨水区域为核心，打造城市会客厅。").is_empty());
        assert!(run("实施条件：屋面总面积2000平方米以上；产权清晰。").is_empty());
        let ts = run("以数字化为引领，建成10个示范区。");
        assert_eq!(texts(&ts), ["10个"], "{ts:?}");
    }

    /// Coverage goals listed with 、 are each a target; a zero word inside a name is none.
    #[test]
    fn listed_coverage_goals_and_named_zero_actions() {
        let ts = run("力争5G演进网络县级全覆盖、千兆光网行政村全覆盖。");
        assert_eq!(texts(&ts), ["全覆盖", "全覆盖"], "{ts:?}");
        assert!(run("形成全方位、全覆盖、多层次的工作格局。").is_empty());
        assert!(run("实施金融风险化解动态清零行动。").is_empty());
    }

    /// A bare scale word before a noun names a kind of thing, unless a verb governs it.
    #[test]
    fn scale_words_name_kinds() {
        let ts = run("新建1000个粮油千亩高产片。");
        assert_eq!(texts(&ts), ["1000个"], "{ts:?}");
        let ts = run("抓好新建煤矿投产，新增千万吨产能。");
        assert!(texts(&ts).iter().all(|t| *t != "千亩"), "{ts:?}");
    }

    /// How often a routine duty is done is no target; a count of events held is one.
    #[test]
    fn frequencies_of_routine_duties() {
        assert!(run("以后每 3 天 1 次，连续再处理 3 次，之后每周 1 次。").is_empty());
        let ts = run("每学年组织1次区域教科研成果展示推广活动。");
        assert_eq!(texts(&ts), ["1次"], "{ts:?}");
    }

    /// A water-quality class is a target where water is named (better is the lower number, so
    /// `及以上` bounds it from above); a class that picks what a share counts is not.
    #[test]
    fn water_classes_are_targets() {
        let ts = run("保持黄河干流Ⅱ类水质。干流全线水质稳定保持在Ⅱ类及以上。Ⅲ类水体比例达到80%。推广Ⅱ类疫苗。");
        assert_eq!(texts(&ts), ["Ⅱ类", "Ⅱ类及以上", "80%"], "{ts:?}");
        assert_eq!(
            (ts[0].value, ts[0].unit.as_deref()),
            (Some(2.0), Some("类"))
        );
        assert_eq!(ts[0].subject.as_deref(), Some("黄河干流"));
        assert_eq!(ts[1].comparator, Some(Comparator::Lte));
        assert_eq!(ts[1].subject.as_deref(), Some("干流全线水质"));
    }

    /// A time limit before the values it bounds is their deadline, not a target of its own.
    #[test]
    fn a_limit_dates_the_values_after_it() {
        let ts = run("确保3天内成蚊密度ADI≤2。3 天内要完成全覆盖。");
        assert_eq!(texts(&ts), ["≤2", "全覆盖"], "{ts:?}");
        assert_eq!(ts[0].deadline.as_deref(), Some("3天内"));
        assert_eq!(ts[1].deadline.as_deref(), Some("3 天内"));
    }

    /// An index bounded by a symbol is a value with no unit; a reading in a definition is not.
    #[test]
    fn symbols_bound_an_index() {
        let ts = run("确保成蚊密度ADI≤2，幼虫密度BI＜5，覆盖率≥95%。");
        assert_eq!(texts(&ts), ["≤2", "＜5", "≥95%"], "{ts:?}");
        assert_eq!(ts[0].comparator, Some(Comparator::Lte));
        assert_eq!(ts[0].unit, None);
        assert_eq!(ts[1].comparator, Some(Comparator::Lt));
        assert_eq!(ts[2].comparator, Some(Comparator::Gte));
        assert_eq!(ts[2].subject.as_deref(), Some("覆盖率"));
        assert!(run("监测对象为发热（≥38℃）的病例。").is_empty());
    }

    /// A flood-control pledge written with 一 is a zero goal, each one, and its 一 no count.
    #[test]
    fn pledges_are_zero_goals() {
        let ts = run("汛前确保不垮一坝、不死一人。");
        assert_eq!(texts(&ts), ["不垮一坝", "不死一人"], "{ts:?}");
        assert!(ts
            .iter()
            .all(|t| t.value == Some(0.0) && t.kind == TargetKind::Coverage));
    }

    /// A zero goal in quotes names what stands before it, without the quotes.
    #[test]
    fn a_quoted_zero_goal_names_its_subject() {
        let ts = run("新增违法建设实现“零增长”。");
        assert_eq!(texts(&ts), ["零增长"], "{ts:?}");
        assert_eq!(ts[0].subject.as_deref(), Some("新增违法建设"));
        assert_eq!(ts[0].value, Some(0.0));
    }

    /// A target in a task table takes its row's 完成时限 and units; one with a time of its own
    /// keeps it.
    #[test]
    fn table_rows_give_deadline_and_units() {
        let a = crate::analyze("某县2024年重点工作实施方案\n一、重点任务\n附件\n重点任务分解表\n序号\n工作任务\n牵头单位\n责任单位\n完成时限\n1\n建设高标准农田3万亩\n县农业农村局\n县财政局、各镇(开发区、街道)\n2024年10月底\n2\n6月底前新增耕地1000亩\n县自然资源局\n—\n2024年12月底\n");
        let t = |q: &str| {
            a.targets
                .iter()
                .find(|t| t.text == q)
                .unwrap_or_else(|| panic!("{q}: {:?}", a.targets))
        };
        let farm = t("3万亩");
        assert_eq!(farm.deadline.as_deref(), Some("2024年10月底"));
        assert_eq!(farm.due.as_deref(), Some("2024-10-31"));
        let r = farm.responsible.as_ref().expect("units");
        assert_eq!(r.lead, ["县农业农村局"]);
        assert_eq!(r.others, ["县财政局", "各镇(开发区、街道)"]);
        let land = t("1000亩");
        assert_eq!(land.deadline.as_deref(), Some("6月底前"));
        assert_eq!(
            land.responsible.as_ref().map(|r| r.lead.clone()),
            Some(vec!["县自然资源局".to_string()])
        );
    }

    #[test]
    fn counts_percentages_ranges() {
        let ts = run("计划增加学位超12000个,争创4—5所市优质园,覆盖率不低于６５％。");
        assert_eq!(texts(&ts), vec!["超12000个", "4—5所", "不低于６５％"]);
        assert_eq!(
            (ts[0].value, ts[0].comparator),
            (Some(12000.0), Some(Comparator::Gt))
        );
        assert_eq!(ts[0].change, None);
        assert_eq!(ts[1].range, Some([4.0, 5.0]));
        assert_eq!(ts[1].subject.as_deref(), Some("市优质园"));
        assert_eq!(ts[2].comparator, Some(Comparator::Gte));
        assert_eq!(ts[2].subject.as_deref(), Some("覆盖率"));
    }

    #[test]
    fn comparator_rows() {
        for (src, text, cmp) in [
            ("争创8所以上省市优质园", "8所以上", Comparator::Gte),
            ("引进人才不少于15人", "不少于15人", Comparator::Gte),
            (
                "每所中小学至少建成1个智慧教室",
                "至少建成1个",
                Comparator::Gte,
            ),
            ("教师交流人数不少于应交流人数的15%", "15%", Comparator::Gte),
            (
                "确保每周课内课外活动时长超15小时",
                "超15小时",
                Comparator::Gt,
            ),
            ("占比控制在学生总数的5%以内", "5%以内", Comparator::Lte),
            ("设立30项左右专项课题", "30项左右", Comparator::Approx),
            ("养老床位约1000万张", "约1000万张", Comparator::Approx),
            ("城镇调查失业率不超过5.5%", "不超过5.5%", Comparator::Lte),
            ("培育100多名骨干教师", "100多名", Comparator::Approx),
            ("优良率达52.5%", "52.5%", Comparator::Eq),
        ] {
            let ts = run(src);
            assert_eq!(texts(&ts), vec![text], "{src}");
            assert_eq!(ts[0].comparator, Some(cmp), "{src}");
        }
    }

    #[test]
    fn changes_and_levels() {
        let ts = run("普惠率较上年增加2%,近视率在上一年的基础上降低0.5个百分点。");
        assert_eq!(ts[0].change, Some(Change::Increase));
        assert!(ts[0].flags.contains(&"pct_or_pp_ambiguous".to_string()));
        assert_eq!(
            (ts[1].change, ts[1].unit.as_deref()),
            (Some(Change::Decrease), Some("个百分点"))
        );
        let ts = run("确保教育经费投入逐年提高不低于3%,近视率较上学年降低1个百分点以上。");
        assert_eq!(
            (ts[0].change, ts[0].comparator),
            (Some(Change::Increase), Some(Comparator::Gte))
        );
        assert_eq!(ts[0].recurrence.as_deref(), Some("year"));
        assert_eq!(
            (ts[1].change, ts[1].comparator),
            (Some(Change::Decrease), Some(Comparator::Gte))
        );
        let ts = run("原则上一次轮岗时间由一年延长至二年。");
        assert_eq!(texts(&ts), vec!["二年"]);
        assert_eq!((ts[0].value, ts[0].change), (Some(2.0), None));
        let ts = run("人均预期寿命提高1岁,平均受教育年限增加0.5年。");
        assert_eq!(texts(&ts), vec!["1岁", "0.5年"]);
        assert!(ts.iter().all(|t| t.change == Some(Change::Increase)));
        let ts = run("人均预期寿命提高到80岁,森林覆盖率提高到25%。");
        assert_eq!(texts(&ts), vec!["80岁", "25%"]);
        assert!(ts.iter().all(|t| t.change.is_none()));
    }

    #[test]
    fn government_work_report_expected_targets() {
        let src = "一、2023年工作回顾\n过去一年,国内生产总值增长5.2%,城镇新增就业1244万人,粮食产量1.39万亿斤。\n二、2024年经济社会发展总体要求\n今年发展主要预期目标是:国内生产总值增长5%左右;城镇新增就业1200万人以上,城镇调查失业率5.5%左右;居民消费价格涨幅3%左右;粮食产量1.3万亿斤以上;单位国内生产总值能耗降低2.5%左右。";
        let ts = run_with(src, Some(2024), None);
        assert_eq!(
            texts(&ts),
            vec![
                "5%左右",
                "1200万人以上",
                "5.5%左右",
                "3%左右",
                "1.3万亿斤以上",
                "2.5%左右"
            ]
        );
        assert_eq!(
            (ts[0].change, ts[0].comparator),
            (Some(Change::Increase), Some(Comparator::Approx))
        );
        assert_eq!(
            (ts[1].value, ts[1].unit.as_deref()),
            (Some(1200.0), Some("万人"))
        );
        // 居民消费价格涨幅3%左右: prices rise by about 3 %
        assert_eq!(
            (ts[3].change, ts[3].comparator),
            (Some(Change::Increase), Some(Comparator::Approx))
        );
        assert_eq!(
            (ts[5].change, ts[5].comparator),
            (Some(Change::Decrease), Some(Comparator::Approx))
        );
        assert_eq!(ts[2].subject.as_deref(), Some("城镇调查失业率"));
    }

    #[test]
    fn a_speech_dateline_gives_the_plan_year() {
        let src = "政府工作报告\n——2024年1月18日在某市第十六届人民代表大会第四次会议上\n今年城镇新增就业5万人以上。\n2023年新增就业4.8万人。";
        let ts = run_with(src, None, None);
        assert_eq!(texts(&ts), vec!["5万人以上"]);
        assert_eq!(ts[0].due.as_deref(), Some("2024-12-31"));
        for dateline in [
            "――2026年1月27日在某省第十四届人民代表大会第四次会议上",
            "（2026年1月27日在某省第十四届人民代表大会第四次会议上）",
        ] {
            let src = format!("政府工作报告\n{dateline}\n今年城镇新增就业5万人以上。");
            let ts = run_with(&src, None, None);
            assert_eq!(ts[0].due.as_deref(), Some("2026-12-31"), "{dateline}");
        }
    }

    /// A work report's list of the year's targets is due in the report's year to the end of its
    /// paragraph, over full stops, whether or not its lead says 今年, and even when the lead is
    /// broken over lines or a review before it seems to run on.
    #[test]
    fn a_report_list_of_expected_targets_is_due_in_the_report_year() {
        let src = "2026年某省政府工作报告\n五年来主要做了以下工作。\n全省生产总值年均增长5.2%。\n2026年重点工作\n经济社会发展的主要预期目标是：地区生产总值增长5%左右。一产、二产增加值分别增长5%左右、6%以上。城镇调查失业率5.5%左右。\n";
        let ts = run_with(src, Some(2026), None);
        let got: Vec<_> = ts
            .iter()
            .map(|t| (t.text.as_str(), t.due.as_deref()))
            .collect();
        let y = Some("2026-12-31");
        assert_eq!(
            got,
            vec![("5%左右", y), ("5%左右", y), ("6%以上", y), ("5.5%左右", y),]
        );
        // the paragraph after the list is not the list's
        let src =
            "2026年某省政府工作报告\n主要预期目标是：地区生产总值增长5%左右。\n新建学校10所。\n";
        let ts = run_with(src, Some(2026), None);
        assert_eq!(ts[1].due, None, "{ts:?}");
        let src = "2026年某省政府工作报告\n今年经济社会发展的\n主要预期目标\n是：地区生产总值增长4.5%—5%；地方一般公共预算收入增长3%左右。\n";
        let ts = run_with(src, Some(2026), None);
        assert!(
            ts.iter().all(|t| t.due.as_deref() == Some("2026-12-31")),
            "{ts:?}"
        );
        assert_eq!(ts.len(), 2);
    }

    #[test]
    fn retrospective_and_forecast_numbers_are_not_targets() {
        for src in [
            "2022年,全市完成地区生产总值2883.5亿元、增长0.2%。",
            "全市已建成智慧校园120所。",
            "去年新增学位完成了8000个,比上年增长12%。",
            "预计整个“十四五”期间新增5.6万个幼儿园学位。",
            "近年来,全区累计建成公办园35所。",
            "截至2023年底,全市共有养老机构120家。",
            "全市现有中小学320所。",
            "去年全市新增就业1.2万人。",
        ] {
            assert!(run(src).is_empty(), "{src}: {:?}", texts(&run(src)));
        }
        // a past-year base is not retrospective
        let ts = run("到2025年,PM2.5浓度比2020年下降10%。");
        assert_eq!(texts(&ts), vec!["10%"]);
        assert_eq!(ts[0].deadline.as_deref(), Some("到2025年"));
    }

    #[test]
    fn trap_numbers_are_not_targets() {
        for src in [
            "深入学习贯彻党的二十大和十九届六中全会精神,落实中央八项规定。",
            "办好第26届推普周,推进第三批“双减”重点项目,实施二期五年行动计划。",
            "增强“四个意识”,做到“两个维护”,落实三会一课制度,打造一支高素质队伍。",
            "按照教材〔2022〕2号文件要求,实施集团化办学3.0行动。",
            "学习《3—6岁儿童学习与发展指南》,服务3岁以下婴幼儿。",
            "一般性信息要在3天内报送。",
            "高三年级要做好复习,组织高一年级选科。",
            "打造一批特色学校,入选国家万人计划。",
            "联系电话:0991-2817458,邮编213159。",
            "对投资5000万元以上项目实行专班推进,服务100人以上的企业。",
            "力争一般公共预算收入保持两位数增长。",
        ] {
            assert!(run(src).is_empty(), "{src}: {:?}", texts(&run(src)));
        }
    }

    #[test]
    fn coverage_and_zero_goals() {
        let ts = run("实现家长学校100%覆盖,实现学段全覆盖,推动内部审计全覆盖。");
        assert_eq!(texts(&ts), vec!["100%", "全覆盖", "全覆盖"]);
        assert_eq!(
            (ts[1].value, ts[1].unit.as_deref()),
            (Some(100.0), Some("%"))
        );
        let ts = run("离任审计100%全覆盖。");
        assert_eq!(texts(&ts), vec!["100%全覆盖"]);
        assert!(
            run("开展多形式、分层次、全覆盖的学习培训,形成纵到底、横到边、全覆盖格局。").is_empty()
        );
        let ts = run("确保不发生重大安全责任事件,实现三个“零误差”。");
        assert_eq!(texts(&ts), vec!["不发生", "零误差"]);
        assert!(ts.iter().all(|t| t.value == Some(0.0) && t.unit.is_none()));
        let ts = run("力争进入全省前8名。");
        assert_eq!(
            (ts[0].value, ts[0].comparator),
            (Some(8.0), Some(Comparator::Lte))
        );
    }

    /// The words after a number stop at a comparator that opens a second quantity (`50%的村超过…`:
    /// 村, however short), and lose a verb that closes a plain noun phrase (`示范村创建`).
    #[test]
    fn subjects_after_the_number_stop_at_a_comparator_and_a_closing_verb() {
        let ts = run("力争50%的村超过20万元。");
        assert_eq!(ts[0].subject.as_deref(), Some("村"), "{ts:?}");
        assert!(
            ts.iter().all(|t| t.subject.as_deref() != Some("的村")),
            "{ts:?}"
        );
        // any change word leaves the subject before the number, not only the common ones
        let ts = run("办理时限压缩50%以上。");
        assert_eq!(ts[0].subject.as_deref(), Some("办理时限"));
        let ts = run("完成30个村庄清洁行动示范村创建。");
        assert_eq!(ts[0].subject.as_deref(), Some("村庄清洁行动示范村"));
        let src = "推动5所“头雁计划”示范引领学校遴选和年度建设。";
        let ts = run(src);
        assert_eq!(
            ts[0].subject.as_deref(),
            Some("“头雁计划”示范引领学校遴选和年度建设"),
            "{src}"
        );
        // how the work is done is no part of what is counted
        let ts = run("推进14个项目按计划高质量完成。");
        assert_eq!(ts[0].subject.as_deref(), Some("项目"));
    }

    /// What a dated deliverable delivers: the object of its last verb, what the verb before a
    /// compounded or nominal one governs, or the subject before a verb that takes no object.
    #[test]
    fn dated_deliverables_name_what_they_deliver() {
        for (src, subject) in [
            ("11月底前各单位报送工作总结。", Some("工作总结")),
            ("9月底前各区上报典型案例。", Some("典型案例")),
            (
                "年底前,城东污水处理厂项目竣工投用。",
                Some("城东污水处理厂项目"),
            ),
            ("2024年6月底前,新版平台上线运行。", Some("新版平台")),
            ("2024年职普比考核进入全市先进。", Some("职普比考核")),
            (
                "到2025年,城市建成区黑臭水体基本消除。",
                Some("城市建成区黑臭水体"),
            ),
            (
                "2024年9月底前完成全市燃气管道老化更新改造。",
                Some("全市燃气管道老化更新改造"),
            ),
            (
                "2024年底前,各市完成第一批街道综合养老服务中心建设。",
                Some("第一批街道综合养老服务中心建设"),
            ),
            ("9月底前完成中期评估。", Some("中期评估")),
            // nothing but verbs, or an adverbial before the verb: no subject
            ("年内建成投用。", None),
            ("秋学期起,起始年级严格按照省定办学标准招生。", None),
        ] {
            let ts = run_with(src, None, Some((2024, 2024)));
            let d: Vec<_> = ts
                .iter()
                .filter(|t| t.kind == TargetKind::Deadline)
                .collect();
            assert_eq!(d.len(), 1, "{src}: {ts:?}");
            assert_eq!(d[0].subject.as_deref(), subject, "{src}");
        }
    }

    #[test]
    fn dated_deliverables() {
        let ts = run("2023年底前完成公办中小学校领导体制调整。");
        assert_eq!(ts.len(), 1);
        assert_eq!(ts[0].kind, TargetKind::Deadline);
        assert_eq!(ts[0].due.as_deref(), Some("2023-12-31"));
        assert_eq!(ts[0].action.as_deref(), Some("完成"));
        let ts = run_with(
            "到2024年,高标准创成全国义务教育优质均衡区。",
            None,
            Some((2022, 2024)),
        );
        assert_eq!(ts[0].kind, TargetKind::Deadline);
        assert_eq!(ts[0].deadline.as_deref(), Some("到2024年"));
        let ts = run_with(
            "秋学期起,起始年级严格按照省定办学标准招生。",
            Some(2022),
            None,
        );
        assert_eq!(ts[0].due.as_deref(), Some("2022-09-01"));
        assert_eq!(ts[0].text, "秋学期起,起始年级严格按照省定办学标准招生");
        // the date of a numeric target is its deadline, not a second target
        let ts = run_with(
            "2023年争创全国学前教育普及普惠区,三年内创建18所省市优质园。",
            None,
            Some((2022, 2024)),
        );
        assert_eq!(ts.len(), 2);
        assert_eq!(ts[0].kind, TargetKind::Deadline);
        assert_eq!(
            (ts[1].deadline.as_deref(), ts[1].due.as_deref()),
            (Some("三年内"), Some("2024-12-31"))
        );
        // a year in a cited title and a past year are no deadlines
        assert!(run("印发《2023年招生实施意见》。").is_empty());
        assert!(run("2021年完成了全部改造。").is_empty());
        assert!(run("聚焦2023年主题教育、党支部建设等重点,开展督导调研。").is_empty());
        let ts = run_with("市域铁路S1线2025年底前建成通车。", Some(2025), None);
        assert_eq!(
            (ts[0].kind, ts[0].deadline.as_deref()),
            (TargetKind::Deadline, Some("2025年底前"))
        );
        let ts = run("力争2023年职普比考核进入全市先进。");
        assert_eq!(ts[0].strength, Some(Strength::Aspirational));
        let ts = run_with("年内建成投用地铁5号线。", Some(2024), None);
        assert_eq!(
            (ts[0].kind, ts[0].due.as_deref()),
            (TargetKind::Deadline, Some("2024-12-31"))
        );
        assert!(run("年内在分院创建指标达成上迈出坚实步伐。").is_empty());
        let ts = run_with("2024年完成首批老旧小区改造。", Some(2024), None);
        assert_eq!(ts[0].kind, TargetKind::Deadline);
        // transport plan
        let ts = run_with("2025年6月底前建成通车沪渝蓉高铁武宜段。", Some(2025), None);
        assert_eq!(ts[0].due.as_deref(), Some("2025-06-30"));
    }

    #[test]
    fn deadlines_distribute_over_the_sentence() {
        let ts = run("年内新增结对学校 6 所,结对学校总数达23 所。");
        assert_eq!(texts(&ts), vec!["6 所", "23 所"]);
        assert!(ts.iter().all(|t| t.deadline.as_deref() == Some("年内")));
        assert_eq!(
            (ts[0].scope, ts[1].scope),
            (Some(Scope::New), Some(Scope::Total))
        );
        let ts = run("实现100%孩子都有专长,三年内全区打造特色学校100所。");
        assert_eq!(ts[0].deadline, None);
        assert_eq!(ts[1].deadline.as_deref(), Some("三年内"));
    }

    #[test]
    fn placeholders_and_daily_minimums() {
        let ts = run("确保学生每天x小时锻炼,全年计划创建省优质园xx所,特色学校达xx%以上。");
        assert_eq!(texts(&ts), vec!["x小时", "xx所", "xx%以上"]);
        assert!(ts
            .iter()
            .all(|t| t.value.is_none() && t.flags == ["placeholder"]));
        assert_eq!(ts[0].comparator, Some(Comparator::Gte));
        assert_eq!(ts[1].deadline.as_deref(), Some("全年"));
    }

    #[test]
    fn health_energy_heritage_snippets() {
        let ts = run(
            "每千人口拥有执业(助理)医师数达到3.2人,二级以上医院设置老年医学科的比例达到60%以上。",
        );
        assert_eq!(texts(&ts), vec!["3.2人", "60%以上"]);
        assert_eq!(ts[0].per.as_deref(), Some("每千人口"));
        // the per-capita base is no count of its own
        let ts = run("食品安全抽检监测量达到每千人6批次,每万人口全科医生数达到3.93人。");
        assert_eq!(texts(&ts), vec!["6批次", "3.93人"]);
        assert_eq!(ts[0].per.as_deref(), Some("每千人"));
        assert_eq!(ts[0].subject.as_deref(), Some("食品安全抽检监测量"));
        // accidents are counted in 起
        let ts = run("较大及以上生产安全事故起数控制在2起以内。");
        assert_eq!(texts(&ts), vec!["2起以内"]);
        assert_eq!(ts[0].subject.as_deref(), Some("较大及以上生产安全事故起数"));
        assert!(run("自2024年5月1日起施行,大家一起抓落实。").is_empty());
        let ts = run("新增光伏装机容量150万千瓦,非化石能源消费比重提高到20%左右。");
        assert_eq!(
            (ts[0].value, ts[0].unit.as_deref()),
            (Some(150.0), Some("万千瓦"))
        );
        assert_eq!(ts[1].comparator, Some(Comparator::Approx));
        let ts = run("PM2.5浓度控制在30微克/立方米以下,65岁以上老年人健康管理率达到72%。");
        assert_eq!(texts(&ts), vec!["30微克/立方米以下", "72%"]);
        assert!(run("近3年新建学校的运行情况良好。").is_empty());
        let ts = run("完成10处省级文物保护单位修缮,新建乡镇综合文化站三四座。");
        assert_eq!(ts[1].range, Some([3.0, 4.0]));
    }

    #[test]
    fn responsible_units_from_notes() {
        let ts = run("建成5所智慧校园。(牵头单位:区教育局;配合单位:区财政局、区发改委)");
        assert_eq!(
            ts[0].responsible,
            Some(Box::new(Responsible {
                lead: vec!["区教育局".into()],
                others: vec!["区财政局".into(), "区发改委".into()]
            }))
        );
    }

    #[test]
    fn each_of_many_noted_targets_takes_the_note_after_it() {
        let src: String = (1..=30)
            .map(|i| format!("完成{i}所学校建设（牵头单位：局{i}；配合单位：区财政局）；"))
            .collect();
        let ts = run(&src);
        assert_eq!(ts.len(), 30);
        for (i, t) in ts.iter().enumerate() {
            let lead = t.responsible.as_ref().map(|r| r.lead.clone());
            assert_eq!(lead, Some(vec![format!("局{}", i + 1)]), "{t:?}");
        }
    }

    // ---- every lexicon row, through the whole stage ----

    #[test]
    fn every_unit_row_is_read() {
        use lexicon::UNITS;
        for (u, class) in UNITS {
            // durations and ages need a cue; ratios written with a slash need one digit group
            let src = match class {
                UnitClass::Duration | UnitClass::Age => format!("服务时长提高到12{u}。"),
                // 成 (tenths) only after a Chinese numeral: 三成
                UnitClass::Ratio if *u == "成" => "参保率提高到十二成。".to_string(),
                _ => format!("建成示范项目12{u}。"),
            };
            let ts = run(&src);
            assert_eq!(ts.len(), 1, "{src}: {:?}", texts(&ts));
            assert_eq!(
                (ts[0].value, ts[0].unit.as_deref()),
                (Some(12.0), Some(u.replace(' ', "").as_str())),
                "{src}"
            );
        }
    }

    #[test]
    fn every_cjk_word_unit_row_rejects_a_chinese_numeral() {
        for u in lexicon::CJK_WORD_UNITS {
            let src = format!("推进两{u}工作。");
            assert!(run(&src).is_empty(), "{src}: {:?}", texts(&run(&src)));
        }
    }

    #[test]
    fn every_comparator_row() {
        for (w, cmp) in COMPARATOR_BEFORE {
            let src = format!("达标率{w}90%。");
            let ts = run(&src);
            assert_eq!(ts.len(), 1, "{src}");
            assert_eq!(ts[0].comparator, Some(*cmp), "{src}");
            assert!(ts[0].text.starts_with(w), "{src}: {}", ts[0].text);
        }
        for (w, cmp) in lexicon::COMPARATOR_AFTER {
            let src = format!("建成示范校8所{w}。");
            let ts = run(&src);
            assert_eq!(
                (ts[0].comparator, ts[0].text.ends_with(w)),
                (Some(*cmp), true),
                "{src}"
            );
        }
    }

    #[test]
    fn every_change_row() {
        for w in CHANGE_UP.iter().chain(CHANGE_DOWN) {
            let src = format!("单位产值能耗{w}5%。");
            let ts = run(&src);
            let want = if CHANGE_UP.contains(w) {
                Change::Increase
            } else {
                Change::Decrease
            };
            assert_eq!(ts[0].change, Some(want), "{src}");
        }
        for base in CHANGE_BASES {
            let src = format!("全市学位{base}增加1000个。");
            let ts = run(&src);
            assert_eq!(ts[0].change, Some(Change::Increase), "{src}");
        }
        // without a base, a count after 增加 is a new amount, not a change (增加学位超12000个)
        assert_eq!(run("增加1000个学位。")[0].change, None);
        // … unless what is measured stands before the verb
        assert_eq!(
            run("绿色食品认证面积增加1万亩。")[0].change,
            Some(Change::Increase)
        );
        assert_eq!(
            run("医保财政补助标准每人每年提高30元。")[0].change,
            Some(Change::Increase)
        );
        assert_eq!(
            run("申请材料平均精简40%。")[0].change,
            Some(Change::Decrease)
        );
    }

    #[test]
    fn every_level_verb_row_makes_an_age_a_value() {
        for v in LEVEL_VERBS {
            let src = format!("人均预期寿命{v}80岁。");
            assert_eq!(texts(&run(&src)), vec!["80岁"], "{src}");
        }
        assert!(run("3—6岁儿童入园率稳步提升。").is_empty());
    }

    #[test]
    fn every_recurrence_and_strength_row() {
        for (w, r) in RECURRENCE {
            let src = format!("{w}评选优秀教师10名。");
            assert_eq!(run(&src)[0].recurrence.as_deref(), Some(*r), "{src}");
        }
        for (words, st) in [
            (STRENGTH_FIRM, Strength::Firm),
            (STRENGTH_ASPIRATIONAL, Strength::Aspirational),
            (STRENGTH_PLANNED, Strength::Planned),
        ] {
            for w in words {
                let src = format!("{w}建成示范校5所。");
                assert_eq!(run(&src)[0].strength, Some(st), "{src}");
            }
        }
    }

    #[test]
    fn every_retro_and_forecast_row_drops_the_clause() {
        for w in RETRO_WORDS.iter().chain(FORECAST) {
            let src = format!("全市{w}建成示范校5所。");
            assert!(run(&src).is_empty(), "{src}: {:?}", texts(&run(&src)));
        }
        for w in lexicon::RETRO_OPENERS {
            let src = format!("{w},全市建成示范校5所。\n一、主要任务\n建成示范校6所。");
            assert_eq!(texts(&run(&src)), vec!["6所"], "{src}");
        }
        for w in lexicon::RETRO_HEADINGS {
            let src = format!("一、{w}\n建成示范校5所。\n二、主要任务\n建成示范校6所。");
            assert_eq!(texts(&run(&src)), vec!["6所"], "{src}");
        }
    }

    #[test]
    fn every_zero_and_coverage_row() {
        for (w, v, cmp) in ZERO_GOALS {
            let src = format!("确保实现{w}重大安全事故。");
            let ts = run(&src);
            assert_eq!(ts.len(), 1, "{src}");
            assert_eq!(
                (ts[0].value, ts[0].comparator, ts[0].unit.as_deref()),
                (Some(*v), Some(*cmp), (*v != 0.0).then_some("个")),
                "{src}"
            );
        }
        for w in COVERAGE {
            assert_eq!(run(&format!("实现心理辅导室{w}。"))[0].value, Some(100.0));
        }
        for w in COVERAGE_ATTRIBUTIVE_NEXT {
            let src = format!("形成全方位、全覆盖{w}工作。");
            assert!(run(&src).is_empty(), "{src}");
        }
    }

    #[test]
    fn every_deliverable_verb_row() {
        for v in DELIVERABLE_VERBS {
            let src = format!("2023年底前{v}相关工作。");
            let ts = run(&src);
            assert_eq!(ts.len(), 1, "{src}");
            assert_eq!(ts[0].kind, TargetKind::Deadline, "{src}");
        }
        // no deliverable verb: a date alone is no target
        assert!(run("2023年底前相关工作。").is_empty());
    }

    #[test]
    fn every_fused_word_row_is_masked() {
        for w in lexicon::FUSED {
            let src = format!("推进{w}所建设。");
            let ts = run(&src);
            // a pledge (不死一人) is fused so that its 一 is no count, and is a zero goal itself
            if ZERO_GOALS.iter().any(|(z, _, _)| z == w) {
                assert!(
                    ts.iter().all(|t| t.kind == TargetKind::Coverage),
                    "{src}: {ts:?}"
                );
                continue;
            }
            assert!(
                ts.iter()
                    .all(|t| !src.contains(&format!("{w}所")) || !t.text.contains(w)),
                "{src}: {:?}",
                texts(&ts)
            );
        }
    }

    #[test]
    fn never_panics_on_odd_input() {
        for src in [
            "",
            "。",
            "1",
            "xx",
            "全覆盖",
            "2023年",
            "第",
            "百分之",
            "1-",
            "—5所",
            "不发生",
            "\u{0}%",
        ] {
            let _ = run(src);
            let _ = run_with(src, None, None);
        }
    }

    #[test]
    fn a_bound_that_picks_what_is_counted_is_a_threshold() {
        assert_eq!(
            texts(&run(
                "每年完成年综合能耗1万吨标准煤以上的重点用能单位节能诊断30家。"
            )),
            vec!["30家"]
        );
        assert_eq!(
            texts(&run("村级集体经济年经营性收入50万元以上的村占比达到35%。")),
            vec!["35%"]
        );
        // a bound at the end of its clause stays a target
        assert_eq!(
            texts(&run("新增规上工业企业150家以上，新增小巨人企业10家。")),
            vec!["150家以上", "10家"]
        );
        assert_eq!(texts(&run("培育龙头企业8家以上。")), vec!["8家以上"]);
    }

    #[test]
    fn a_time_phrase_before_a_target_is_no_part_of_its_subject() {
        let ts = run("年内实现村级养老服务站点全覆盖，年底前新能源公交车占比达到95%。");
        let subjects: Vec<_> = ts.iter().map(|t| t.subject.as_deref()).collect();
        assert_eq!(
            subjects,
            vec![Some("村级养老服务站点"), Some("新能源公交车占比")]
        );
        assert_eq!(ts[1].deadline.as_deref(), Some("年底前"));
    }

    #[test]
    fn a_grade_band_of_an_appraisal_is_no_target() {
        assert_eq!(
            texts(&run(
                "考核采取百分制，90分以上为优秀，75—89分为良好，60分以下的为不合格。"
            )),
            Vec::<&str>::new()
        );
        assert_eq!(
            texts(&run(
                "群众满意度达到85分以上，考核得分率60%以下评定为不达标。"
            )),
            vec!["85分以上"]
        );
    }

    #[test]
    fn a_rank_is_one_target_when_both_its_cue_and_its_numeral_find_it() {
        for src in ["全市排名前3名。", "力争进入全省前10名。"] {
            let ts = run(src);
            assert_eq!(ts.len(), 1, "{src}: {:?}", texts(&ts));
        }
    }

    #[test]
    fn a_dated_deliverable_never_claims_chars_another_target_holds() {
        // found by the no-overlap property: a second date inside the clause
        for src in [
            "2023年底前完成2022年1月18日新增学位超12000个。",
            "2023年底前完成2023年底前完成。",
        ] {
            let ts = run(src);
            assert_eq!(ts.len(), 1, "{src}: {:?}", texts(&ts));
        }
    }

    #[test]
    fn ranks_after_a_ranking_verb() {
        let ts = run("力争1家医院进入全国三级公立医院绩效考核前10%。");
        assert_eq!(texts(&ts), vec!["1家", "前10%"]);
        assert_eq!(ts[1].comparator, Some(Comparator::Lte));
        // a time limit ending in 前 is no rank
        let ts = run("进入6月底前完成80个村卫生室建设。");
        assert!(ts.iter().all(|t| t.comparator != Some(Comparator::Lte)));
    }

    #[test]
    fn a_dated_baseline_stated_with_wei_is_no_target() {
        let ts = run_with("2022年，全市非化石能源消费比重为17.6%，可再生能源装机容量412万千瓦。到2025年，非化石能源消费比重达到22%左右。", None, None);
        assert_eq!(texts(&ts), vec!["22%左右"]);
        // a year that opens a commitment stays
        let ts = run_with("2024年，全市新增托位1000个。", None, None);
        assert_eq!(texts(&ts), vec!["1000个"]);
    }

    #[test]
    fn the_past_runs_on_over_a_semicolon() {
        let ts = run("截至2022年底，全省老年人口达到635万人；建成社区养老服务设施4200个。到2025年建设家庭养老床位2万张。");
        assert_eq!(texts(&ts), vec!["2万张"]);
        // a line break ends it
        let ts = run("截至2022年底，全省老年人口达到635万人。\n新建社区养老服务设施100个。");
        assert_eq!(texts(&ts), vec!["100个"]);
    }

    #[test]
    fn a_dated_deliverable_before_a_numeric_clause_is_kept() {
        let ts = run("2024年建成州级智慧旅游平台，A级景区智慧化覆盖率达到100%。");
        assert_eq!(ts.len(), 2, "{:?}", texts(&ts));
        assert_eq!(ts[0].kind, TargetKind::Deadline);
        // the number in the deliverable's own clause carries the date
        let ts = run("三年内完成危桥改造85座，其中2024年完成30座。");
        assert!(
            ts.iter().all(|t| t.kind != TargetKind::Deadline),
            "{:?}",
            texts(&ts)
        );
    }

    #[test]
    fn compound_and_working_day_units() {
        let ts = run(
            "燃煤发电机组平均供电煤耗降至300克标准煤/千瓦时以下，企业开办时间压缩至1个工作日以内。",
        );
        assert_eq!(texts(&ts), vec!["300克标准煤/千瓦时以下", "1个工作日以内"]);
        assert_eq!(ts[1].comparator, Some(Comparator::Lte));
    }

    #[test]
    fn a_heading_marker_before_a_date_does_not_hide_the_deliverable() {
        let a = crate::analyze("二、重点任务\n1、完善网络\n①每个县至少建有1所设施。\n②2023年底前，各市完成第一批服务中心建设。\n");
        assert!(
            a.targets
                .iter()
                .any(|t| t.kind == TargetKind::Deadline
                    && t.deadline.as_deref() == Some("2023年底前")),
            "{:?}",
            texts(&a.targets)
        );
    }

    #[test]
    fn school_breaks_and_seasons_date_a_deliverable() {
        let ts = run("做好学期总结，寒假前开展安全教育。");
        assert_eq!(ts.len(), 1, "{:?}", texts(&ts));
        assert_eq!(ts[0].deadline.as_deref(), Some("寒假前"));
    }

    #[test]
    fn multiples_and_fractions_in_words() {
        let ts = run(
            "到2027年，全市数字经济规模翻一番，重大事故起数减半，三分之一以上的学校建成智慧校园。",
        );
        assert_eq!(texts(&ts), vec!["翻一番", "减半", "三分之一以上"]);
        assert_eq!(
            (ts[0].value, ts[0].change),
            (Some(100.0), Some(Change::Increase))
        );
        assert_eq!(
            (ts[1].value, ts[1].change),
            (Some(50.0), Some(Change::Decrease))
        );
        assert_eq!(
            (ts[2].value, ts[2].comparator),
            (Some(33.33), Some(Comparator::Gte))
        );
        // 之一 as "one of" stays masked
        assert!(run("是全国重点城市之一。").is_empty());
    }

    #[test]
    fn a_number_inside_an_indicator_name_is_no_target() {
        assert_eq!(texts(&run("公交站点500米覆盖率达到100%。")), vec!["100%"]);
        // a count with its object, then another count, both stay
        assert_eq!(
            texts(&run("建成公交专用道20公里，累计达到120公里。")),
            vec!["20公里", "120公里"]
        );
        assert_eq!(texts(&run("新建示范校3所达到省级标准。")), vec!["3所"]);
    }

    #[test]
    fn the_second_of_a_pair_shares_the_change() {
        let ts = run("城乡居民人均可支配收入分别增长6%和7.5%。");
        assert_eq!(texts(&ts), vec!["6%", "7.5%"]);
        assert_eq!(ts[1].change, Some(Change::Increase));
        // … and its subject, without the distributive 分别
        for t in &ts {
            assert_eq!(t.subject.as_deref(), Some("城乡居民人均可支配收入"));
        }
        // a plain pair stays plain; each value takes its own item of a 分别 list, the last item
        // running on to the shared head noun
        let ts = run("高血压、糖尿病患者规范管理率分别达到65%和63%。");
        assert_eq!(ts[1].change, None);
        assert_eq!(ts[0].subject.as_deref(), Some("高血压"));
        assert_eq!(ts[1].subject.as_deref(), Some("糖尿病患者规范管理率"));
    }

    /// A sentence that opens with a year and a comma (`到2023年末，…`, `2027年前，…`) dates the
    /// sentences after it in its paragraph and the first statement of each `——` bullet after
    /// that paragraph: their numbers take its time, and an end state with no number is a dated
    /// deliverable. A bullet's headline, a vague gain and the paragraph after the bullets are not.
    #[test]
    fn a_dated_lead_sentence_dates_its_block() {
        let src = "某市产业三年行动计划（2021-2023年）\n二、发展目标\n着力突破关键技术。到2023年末，将本市打造成为产业创新策源地。\n——产业规模进一步壮大。产业规模达1000亿元，培育100家优质企业。\n——关键技术进一步突破。高精度芯片技术全球领先，融合应用加快推广。形成一批标准。\n——服务水平不断提高。服务质量稳步提升。\n三、主要任务\n形成协同机制。\n2027年前，实现高质量脑控。推动临床试验加快开展。形成产品检测评价标准规范。\n";
        let ts = run_with(src, Some(2021), None);
        let got: Vec<_> = ts
            .iter()
            .map(|t| (t.kind, t.subject.as_deref(), t.deadline.as_deref()))
            .collect();
        let d = Some("到2023年末");
        let d2 = Some("2027年前");
        assert_eq!(
            got,
            vec![
                (TargetKind::Deadline, Some("成为产业创新策源地"), d),
                (TargetKind::Money, Some("产业规模"), d),
                (TargetKind::Count, Some("优质企业"), d),
                (TargetKind::Deadline, Some("高精度芯片技术"), d),
                (TargetKind::Deadline, Some("高质量脑控"), d2),
                (TargetKind::Deadline, Some("产品检测评价标准规范"), d2),
            ]
        );
    }

    /// `到 2022 年和 2030 年，…分别 A 和 B`: A is due by the first year, B by the second; a
    /// value outside the pair by the whole paired phrase.
    #[test]
    fn a_paired_time_phrase_dates_each_value_of_a_pair() {
        let ts = run_with(
            "到 2022 年和 2030 年，婴儿死亡率分别控制在 7.5‰及以下和 5‰及以下，适龄儿童疫苗接种率保持在 90%以上。",
            Some(2019),
            None,
        );
        let got: Vec<_> = ts
            .iter()
            .map(|t| (t.deadline.as_deref(), t.due.as_deref()))
            .collect();
        assert_eq!(
            got,
            vec![
                (Some("到 2022 年"), Some("2022-12-31")),
                (Some("2030 年"), Some("2030-12-31")),
                (Some("到 2022 年和 2030 年"), Some("2030-12-31")),
            ]
        );
    }

    /// In a task table printed a row per line, a cell is a clause: the next cell (the lead unit)
    /// is no subject, the row's time limit dates it, and its last row is no truncated sentence.
    #[test]
    fn a_table_row_on_one_line_reads_cell_by_cell() {
        let a = crate::analyze("某县2024年农业农村重点工作任务清单\n序号 工作任务 牵头单位 责任单位 完成时限\n1 建设高标准农田3万亩 县农业农村局 县财政局、各镇 2024年10月底\n2 完成农村户厕改造2000户 县农业农村局 县卫健局 2024年11月底\n");
        let got: Vec<(&str, Option<&str>, Option<&str>)> = a
            .targets
            .iter()
            .map(|t| (t.text.as_str(), t.subject.as_deref(), t.due.as_deref()))
            .collect();
        assert_eq!(
            got,
            [
                ("3万亩", Some("高标准农田"), Some("2024-10-31")),
                ("2000户", Some("农村户厕改造"), Some("2024-11-30")),
            ]
        );
        assert!(a.warnings.is_empty(), "{:?}", a.warnings);
    }

    /// (text, deadline) of each target.
    fn texts_and_deadlines(ts: &[Target]) -> Vec<(&str, Option<&str>)> {
        ts.iter()
            .map(|t| (t.text.as_str(), t.deadline.as_deref()))
            .collect()
    }

    /// The time before the colon of a list dates every item up to the full stop, not after it;
    /// a report's list of the year's targets runs to the end of its paragraph.
    #[test]
    fn the_time_before_a_list_dates_all_its_items() {
        let a = crate::analyze("2024年某市工作要点\n今年重点工作安排是：新建学校5所；新增学位2000个。新增高新技术企业200家。\n");
        let due = texts_and_deadlines(&a.targets);
        assert_eq!(
            due,
            [
                ("5所", Some("今年")),
                ("2000个", Some("今年")),
                ("200家", None)
            ]
        );
        let a = crate::analyze("2024年某市政府工作报告\n今年经济社会发展的主要预期目标是：地区生产总值增长6%左右；一般公共预算收入增长5%。城镇新增就业5万人以上。\n新增高新技术企业200家。\n");
        let due = texts_and_deadlines(&a.targets);
        assert_eq!(
            due,
            [
                ("6%左右", Some("今年")),
                ("5%", Some("今年")),
                ("5万人以上", Some("今年")),
                ("200家", None),
            ]
        );
    }

    /// The plan year before `……的总体要求是：` frames principles; no dated deliverable.
    #[test]
    fn a_year_that_frames_requirements_is_no_deliverable() {
        let ts = run("2024年学校工作的总体要求是：坚持立德树人根本任务，全面推进“双一流”建设。");
        assert!(ts.is_empty(), "{ts:?}");
        let ts = run("2024年底前全面推进“双一流”建设。");
        assert_eq!(ts.len(), 1, "{ts:?}");
    }

    /// A later clause that names no subject measures the one before it: in the same unit, as a
    /// rate after its change in points, as the growth of any quantity or the level after a
    /// growth; not across units otherwise.
    #[test]
    fn a_clause_without_a_subject_takes_the_one_before_it() {
        let subjects = |s: &str| -> Vec<Option<String>> {
            run(s)
                .into_iter()
                .map(|t| t.subject.map(String::from))
                .collect()
        };
        for (s, want) in [
            (
                "城市生活污水集中收集率提高2个百分点，力争达到72%。",
                "城市生活污水集中收集率",
            ),
            ("旅游总收入达到1500亿元，年均增长10%左右。", "旅游总收入"),
            (
                "农村居民人均可支配收入增长7%以上，力争达到2.6万元。",
                "农村居民人均可支配收入",
            ),
            ("三年内完成危桥改造85座，其中2024年完成30座。", "危桥改造"),
        ] {
            let got = subjects(s);
            assert_eq!(got.len(), 2, "{s}");
            assert_eq!(got[1].as_deref(), Some(want), "{s}");
        }
        assert_eq!(subjects("新建污水管网120公里，力争达到72%。")[1], None);
        // 分别: in order
        let got = subjects("全年接待游客1500万人次，实现旅游总收入150亿元，同比分别增长8%、10%。");
        assert_eq!(
            got.iter()
                .map(|s| s.as_deref().unwrap_or(""))
                .collect::<Vec<_>>(),
            ["接待游客", "旅游总收入", "接待游客", "旅游总收入"]
        );
    }

    #[test]
    fn a_heading_marker_is_no_part_of_a_subject() {
        let a = crate::analyze("某县2024年交通运输工作要点\n一、发展公共交通\n1.新增公交线路6条。\n2.新能源公交车占比达到90%。\n");
        let subjects: Vec<&str> = a
            .targets
            .iter()
            .filter_map(|t| t.subject.as_deref())
            .collect();
        assert!(
            subjects
                .iter()
                .all(|s| !s.starts_with(|c: char| c.is_ascii_digit())),
            "{subjects:?}"
        );
        assert!(subjects.contains(&"新能源公交车占比"), "{subjects:?}");
    }
    /// (kind, deadline, due) of every target of `src` in a plan of `year`.
    fn kinds_and_times(src: &str, year: i32) -> Vec<(TargetKind, Option<String>, Option<String>)> {
        run_with(src, Some(year), None)
            .iter()
            .map(|t| {
                let s = |v: &Option<Box<str>>| v.as_deref().map(String::from);
                (t.kind, s(&t.deadline), s(&t.due))
            })
            .collect()
    }

    /// A dated deliverable's (kind, deadline, due).
    fn dl(raw: &str, due: &str) -> (TargetKind, Option<String>, Option<String>) {
        (
            TargetKind::Deadline,
            Some(raw.to_string()),
            Some(due.to_string()),
        )
    }

    /// Deadline wordings of plans besides `到YYYY年`: a five-year-plan period after 力争在, a year
    /// in Chinese numerals (its 〇 sometimes dropped by the copy), a span of years (`历时三年`),
    /// and 应装尽装 as an end state. A vague gain after a year promises nothing checkable.
    #[test]
    fn plan_periods_and_chinese_years_date_deliverables() {
        let d = |src: &str| kinds_and_times(src, 2021);
        assert_eq!(
            d("力争在“十四五”期间建成全国一流的数据中心。"),
            vec![dl("“十四五”期间", "2025-12-31")]
        );
        assert_eq!(
            d("到二三五年实现社会主义现代化。"),
            vec![dl("到二三五年", "2035-12-31")]
        );
        assert_eq!(
            d("到二〇三五年基本实现社会主义现代化。"),
            vec![dl("到二〇三五年", "2035-12-31")]
        );
        assert_eq!(
            d("到2030年，新建住宅小区充电设施应装尽装。"),
            vec![dl("到2030年", "2030-12-31")]
        );
        let ts = run_with("历时三年，建成智慧停车泊位5000个。", Some(2021), None);
        assert_eq!(
            (ts[0].deadline.as_deref(), ts[0].due.as_deref()),
            (Some("历时三年"), Some("2023-12-31"))
        );
        assert_eq!(
            d("到2030年，力争将道路交通事故死伤比基本降低到中等发达国家水平。"),
            vec![dl("到2030年", "2030-12-31")]
        );
        assert!(d("到2025年，公共服务水平不断提高、稳步提升。").is_empty());
        assert!(d("二三五个项目顺利推进。").is_empty());
        assert!(d("“十五五”时期，是基本实现社会主义现代化的关键时期。").is_empty());
    }
    /// A bare month that schedules the plan's own activity dates it: each clause at its month, a
    /// rescheduled activity at its new month, a span at its last month, every month of a joined
    /// list. A month after a decimal item number, a year or 每 schedules nothing, and a time
    /// phrase before ；-clauses dates each of them.
    #[test]
    fn bare_months_schedule_the_plans_activities() {
        let got = |src: &str| kinds_and_times(src, 2024);
        assert_eq!(
            got("评审分两轮进行，即7月初评，10月二轮答辩。"),
            vec![dl("7月初", "2024-07-31"), dl("10月", "2024-10-31")]
        );
        assert_eq!(
            got("原定于4月份的初评推迟到6月份进行。"),
            vec![dl("推迟到6月份", "2024-06-30")]
        );
        assert_eq!(
            got("5-6月份，各区开展专项调研。"),
            vec![dl("5-6月份", "2024-06-30")]
        );
        assert_eq!(
            got("第二、三批评审依次延迟到9月份、12月份举行。"),
            vec![dl("延迟到9月份", "2024-09-30"), dl("12月份", "2024-12-31")]
        );
        assert!(got("每年3月组织开展安全评估。").is_empty());
        assert!(got("11.5-6月份，组织开展专项调研。").is_empty());
        assert_eq!(
            got("2025年底前，完成平台建设；建成数据中心；实现数据共享。"),
            vec![dl("2025年底前", "2025-12-31"); 3]
        );
    }
}
