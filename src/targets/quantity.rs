//! Quantities: a numeral (Arabic, Chinese, 百分之…, or a masked `xx`) with its measure word or
//! unit, an optional range and the approximators written into it (docs/domain.md#quantities).
//!
//! One scanner finds every candidate in one pass ([`scan`]: the grammar of one regex, written
//! out); this module parses what it matched and leaves comparators written *around* the quantity
//! and everything about the sentence to [`crate::targets`].

use crate::model::Comparator;
use crate::rx::Regex;
use crate::targets::lexicon::{
    UnitClass, CHENG_WORD_NEXT, CJK_WORD_UNITS, COMPARATOR_AFTER, PER_UNITS, SYMBOL_COMPARATORS,
    UNITS,
};
use crate::text::numerals::{
    is_cjk_numeral, parse_arabic, parse_cjk_range, parse_percent_words, split_trailing_multiplier,
    CJK_NUMERAL_CHARS,
};
use std::ops::Range;
use std::sync::OnceLock;

/// One quantity found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct Quantity {
    /// Byte range of the whole match (numeral, unit and any `以上`/`左右` after it).
    pub range: Range<usize>,
    /// Byte range of the numeral alone (what trap masks are checked against).
    pub numeral: Range<usize>,
    /// `None` for a range or a placeholder.
    pub value: Option<f64>,
    pub range_value: Option<[f64; 2]>,
    /// The unit as written, with a multiplier that follows the digits (`万人`, `亿元`).
    pub unit: Box<str>,
    pub class: UnitClass,
    /// Comparator written inside or right after the quantity (`以上`, `左右`, `多`/`余`).
    pub comparator: Option<Comparator>,
    /// The numeral was masked (`xx所`, `x小时`).
    pub placeholder: bool,
    /// The numeral was Chinese (`一所`, `百场`).
    pub cjk: bool,
}

/// The pieces of one quantity candidate, as byte ranges of the haystack: what the groups of the
/// regex
///
/// ```text
/// (?P<n1>NUM)(?P<ap>余|多)? *(?P<p1>%|‰)?(?: *(?P<sep>——|—|–|-|－|‐|~|～|〜|至|到) *(?P<n2>NUM)(?P<ap2>余|多)?)?
///   (?:(?P<mult>万亿|亿|万|千)? *(?P<unit>UNITS))?(?: *(?P<suf>COMPARATOR_AFTER))?
/// ` *` = `[ 　]*` (ASCII or full-width spaces)
/// NUM = [0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)? | 百分之[零一二两三四五六七八九十百点]+ | [xX]{1,4} | [〇零○一二两三四五六七八九十百千万亿]+
/// ```
///
/// capture, found by [`scan`] with the regex crate's leftmost-first semantics (the tests compare
/// the two on every seed and on random strings). It runs on every numeral of a plan: the
/// captures of that regex were 12 % of the CLI's instructions (its bounded backtracker, per
/// match), and compiling it was one of the larger costs of the page worker's start-up.
#[derive(Debug, Clone, PartialEq, Eq)]
struct Caps {
    all: Range<usize>,
    n1: Range<usize>,
    ap: Option<Range<usize>>,
    p1: Option<Range<usize>>,
    sep: Option<Range<usize>>,
    n2: Option<Range<usize>>,
    ap2: Option<Range<usize>>,
    mult: Option<Range<usize>>,
    unit: Option<Range<usize>>,
    suf: Option<Range<usize>>,
    /// The row of [`UNITS`] that `unit` is (not a group of the regex).
    unit_row: Option<usize>,
}

/// Range separators, in the order the grammar tries them.
const SEPARATORS: &[&str] = &["——", "—", "–", "-", "－", "‐", "~", "～", "〜", "至", "到"];
/// Multipliers written between a numeral and its unit (`3万人`), in the order tried.
const MULTIPLIERS: &[&str] = &["万亿", "亿", "万", "千"];

/// End of the one char `at` holds, when `ok` takes it.
fn char_at(s: &str, at: usize, ok: impl Fn(char) -> bool) -> Option<usize> {
    s[at..]
        .chars()
        .next()
        .filter(|&c| ok(c))
        .map(|c| at + c.len_utf8())
}

/// `at` past the spaces there (`[ 　]*`): PDF text and typeset plans put ASCII or full-width
/// spaces between a number and its unit or comparator (`95 % 以上`).
fn spaces(s: &str, at: usize) -> usize {
    at + s[at..]
        .chars()
        .take_while(|&c| c == ' ' || c == '\u{3000}')
        .map(char::len_utf8)
        .sum::<usize>()
}

fn digits(s: &str, at: usize) -> usize {
    at + s.as_bytes()[at..]
        .iter()
        .take_while(|b| b.is_ascii_digit())
        .count()
}

/// End of the numeral (NUM above) at `at`: the first of its four forms that matches.
fn numeral(s: &str, at: usize) -> Option<usize> {
    let b = s.as_bytes();
    if b.get(at).is_some_and(u8::is_ascii_digit) {
        let mut end = digits(s, at);
        // (?:,[0-9]{3})*
        while b.get(end) == Some(&b',') && digits(s, end + 1) >= end + 4 {
            end += 4;
        }
        // (?:\.[0-9]+)?
        if b.get(end) == Some(&b'.') && digits(s, end + 1) > end + 1 {
            end = digits(s, end + 1);
        }
        return Some(end);
    }
    let rest = &s[at..];
    if let Some(words) = rest.strip_prefix("百分之") {
        let n: usize = words
            .chars()
            .take_while(|&c| "零一二两三四五六七八九十百点".contains(c))
            .map(char::len_utf8)
            .sum();
        if n > 0 {
            return Some(at + "百分之".len() + n);
        }
    }
    let xs = b[at..]
        .iter()
        .take(4)
        .take_while(|&&c| c == b'x' || c == b'X')
        .count();
    if xs > 0 {
        return Some(at + xs);
    }
    let n: usize = rest
        .chars()
        .take_while(|&c| is_cjk_numeral(c))
        .map(char::len_utf8)
        .sum();
    (n > 0).then_some(at + n)
}

/// The longest unit at `at` (longest first, as the regex alternation of [`UNITS`] is built):
/// (row of UNITS, end).
fn unit_at(s: &str, at: usize) -> Option<(usize, usize)> {
    static SET: OnceLock<crate::targets::lexicon::WordSet> = OnceLock::new();
    let set = SET.get_or_init(|| {
        let words: Vec<&'static str> = UNITS.iter().map(|(u, _)| *u).collect();
        crate::targets::lexicon::WordSet::new(&words)
    });
    set.longest_at(s, at)
}

/// The end of a rate's `/年` after a unit ending at `at` ([`PER_UNITS`]), if one is written there.
fn per_unit_end(s: &str, at: usize) -> Option<usize> {
    static SET: crate::targets::lexicon::LazySet = crate::targets::lexicon::LazySet::new(PER_UNITS);
    let slash = char_at(s, at, |ch| ch == '/' || ch == '／')?;
    SET.get().longest_at(s, slash).map(|(_, end)| end)
}

/// The candidate that starts at `at`, if a numeral does.
fn caps_at(s: &str, at: usize) -> Option<Caps> {
    let n1_end = numeral(s, at)?;
    let mut c = Caps {
        all: at..n1_end,
        n1: at..n1_end,
        ap: None,
        p1: None,
        sep: None,
        n2: None,
        ap2: None,
        mult: None,
        unit: None,
        suf: None,
        unit_row: None,
    };
    let mut end = n1_end;
    if let Some(e) = char_at(s, end, |ch| ch == '余' || ch == '多') {
        c.ap = Some(end..e);
        end = e;
    }
    end = spaces(s, end);
    if let Some(e) = char_at(s, end, |ch| ch == '%' || ch == '‰') {
        c.p1 = Some(end..e);
        end = e;
    }
    // (?: *SEP *NUM(余|多)?)? — every separator that matches is tried, in order
    let from = spaces(s, end);
    let rest = &s[from..];
    if let Some((sep_end, n2_end)) =
        SEPARATORS
            .iter()
            .filter(|w| rest.starts_with(*w))
            .find_map(|w| {
                let n2_at = spaces(s, from + w.len());
                numeral(s, n2_at).map(|n2_end| (from + w.len(), n2_at..n2_end))
            })
    {
        c.sep = Some(from..sep_end);
        end = n2_end.end;
        c.n2 = Some(n2_end);
        if let Some(e) = char_at(s, end, |ch| ch == '余' || ch == '多') {
            c.ap2 = Some(end..e);
            end = e;
        }
    }
    // (?:MULT? *UNIT)? — each multiplier that matches, in order, then none
    let rest = &s[end..];
    let with_mult = MULTIPLIERS
        .iter()
        .filter(|w| rest.starts_with(*w))
        .find_map(|w| {
            let m = end..end + w.len();
            let u_at = spaces(s, m.end);
            unit_at(s, u_at).map(|(row, u_end)| (Some(m), row, u_at..u_end))
        });
    let found = with_mult.or_else(|| {
        let u_at = spaces(s, end);
        unit_at(s, u_at).map(|(row, u_end)| (None, row, u_at..u_end))
    });
    if let Some((mult, row, mut unit)) = found {
        unit.end = per_unit_end(s, unit.end).unwrap_or(unit.end);
        c.mult = mult;
        c.unit_row = Some(row);
        end = unit.end;
        c.unit = Some(unit);
    }
    let from = spaces(s, end);
    let rest = &s[from..];
    if let Some((w, _)) = COMPARATOR_AFTER.iter().find(|(w, _)| rest.starts_with(w)) {
        c.suf = Some(from..from + w.len());
        end = from + w.len();
    }
    c.all.end = end;
    Some(c)
}

/// The first two bytes of the UTF-8 of every CJK numeral (each is three bytes long,
/// `1110aaaa 10bbbbbb 10cccccc`): bit `b` of row `a`. Ten of the 1,024 pairs, so the scanner
/// rules out nearly every Han char of a text from two bytes, without decoding it (decoding and
/// matching each one was most of the scan's cost).
const NUMERAL_LEADS: [u64; 16] = numeral_leads();

const fn numeral_leads() -> [u64; 16] {
    let mut t = [0u64; 16];
    let mut i = 0;
    while i < CJK_NUMERAL_CHARS.len() {
        let c = CJK_NUMERAL_CHARS[i] as u32;
        t[((c >> 12) & 0x0F) as usize] |= 1 << ((c >> 6) & 0x3F);
        i += 1;
    }
    t
}

/// Can the three-byte char whose UTF-8 starts with `b0 b1` be a CJK numeral?
fn may_be_cjk_numeral(b0: u8, b1: u8) -> bool {
    NUMERAL_LEADS[usize::from(b0 & 0x0F)] & (1 << (b1 & 0x3F)) != 0
}

/// Every candidate of `hay`, leftmost first, none overlapping (the regex's `captures_iter`).
fn scan(hay: &str) -> Vec<Caps> {
    let b = hay.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while at < b.len() {
        // A numeral starts with an ASCII digit or x, or a CJK numeral, a three-byte char whose
        // first two bytes are in NUMERAL_LEADS: other chars are stepped over by their lead
        // byte, without decoding.
        let lead = b[at];
        let may = match lead {
            b'0'..=b'9' | b'x' | b'X' => true,
            0xE0..=0xEF => {
                b.get(at + 1)
                    .is_some_and(|&b1| may_be_cjk_numeral(lead, b1))
                    && hay[at..].chars().next().is_some_and(is_cjk_numeral)
            }
            _ => false,
        };
        match may.then(|| caps_at(hay, at)).flatten() {
            Some(c) => {
                at = c.all.end;
                out.push(c);
            }
            None => {
                at += match lead {
                    0..=0x7F => 1,
                    0xC0..=0xDF => 2,
                    0xE0..=0xEF => 3,
                    _ => 4,
                }
            }
        }
    }
    out
}

fn unit_class(u: &str) -> Option<UnitClass> {
    UNITS.iter().find(|(w, _)| *w == u).map(|(_, c)| *c)
}

/// A parsed numeral: value range, placeholder flag, CJK flag, and a multiplier split off a CJK
/// numeral (`十万` → 10 and `万`).
struct Num {
    lo: Option<f64>,
    hi: Option<f64>,
    placeholder: bool,
    cjk: bool,
    mult: String,
}

fn parse_num(s: &str) -> Option<Num> {
    if s.chars().all(|c| c == 'x' || c == 'X') {
        return Some(Num {
            lo: None,
            hi: None,
            placeholder: true,
            cjk: false,
            mult: String::new(),
        });
    }
    if let Some(v) = parse_arabic(s) {
        return Some(Num {
            lo: Some(v),
            hi: Some(v),
            placeholder: false,
            cjk: false,
            mult: String::new(),
        });
    }
    if let Some(v) = parse_percent_words(s) {
        return Some(Num {
            lo: Some(v),
            hi: Some(v),
            placeholder: false,
            cjk: true,
            mult: "%".into(),
        });
    }
    let (head, mult) = split_trailing_multiplier(s);
    let (lo, hi) = parse_cjk_range(head)?;
    Some(Num {
        lo: Some(lo),
        hi: Some(hi),
        placeholder: false,
        cjk: true,
        mult: mult.to_string(),
    })
}

/// Every quantity candidate of `hay`, in order. Candidates without a unit, and units that can only
/// be words here (`成为`, `一年级`), are left out; cue checks that need the sentence (a bare
/// duration, an age) are the caller's.
pub fn find(hay: &str) -> Vec<Quantity> {
    let mut out: Vec<Quantity> = scan(hay).iter().filter_map(|c| quantity(hay, c)).collect();
    let fractions = fractions(hay);
    if !fractions.is_empty() {
        out.retain(|q| {
            !fractions
                .iter()
                .any(|f| f.range.start < q.range.end && q.range.start < f.range.end)
        });
        out.extend(fractions);
        crate::order::by_key(&mut out, |q| q.range.start as u64);
    }
    out
}

/// The unit of a candidate as written, where its quantity ends and the comparator word after it.
struct Written<'a> {
    base_unit: &'a str,
    class: UnitClass,
    end: usize,
    suffix: Option<&'a str>,
}

/// The quantity candidate `c` states, if it is one.
fn quantity(hay: &str, c: &Caps) -> Option<Quantity> {
    let text = |r: &Range<usize>| &hay[r.clone()];
    let (m, n1) = (c.all.clone(), text(&c.n1));
    let before = &hay[..m.start];
    // part of a Latin word or a longer code (xSTEM, CLI.12, 5G)
    if before.ends_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '.') {
        return None;
    }
    // no unit (below: a measure word, a % after the number, or 百分之) — most CJK numerals of
    // a text (统一, 一流) end here, unparsed
    let symbol_bound = bare_bound(hay, c);
    if c.unit.is_none() && c.p1.is_none() && !n1.starts_with("百分之") && !symbol_bound {
        return None;
    }
    let a = parse_num(n1)?;
    let second = match &c.n2 {
        Some(n2) => Some(parse_num(text(n2))?),
        None => None,
    };
    let w = written(hay, c, &a, second.is_some(), symbol_bound)?;
    if is_word(hay, c, &a, &w)
        || c.sep
            .as_ref()
            .is_some_and(|s| text(s) == "到" || text(s) == "至")
            && second.as_ref().is_some_and(|b| b.placeholder)
    {
        return None;
    }
    let cjk_mult = if a.mult == "%" { "" } else { a.mult.as_str() };
    let mult = c.mult.as_ref().map_or("", text);
    // spaces that PDF text puts inside a unit (`/10 万`) are layout, not part of it
    let unit = format!("{cjk_mult}{mult}{}", w.base_unit).replace(' ', "");
    let mut comparator = w
        .suffix
        .and_then(|s| COMPARATOR_AFTER.iter().find(|(x, _)| *x == s))
        .map(|(_, cmp)| *cmp);
    if c.ap.is_some() || c.ap2.is_some() {
        comparator = comparator.or(Some(Comparator::Approx));
    }
    let (value, range_value) = value_of(&a, second.as_ref())?;
    if range_value.is_some() && comparator.is_none() {
        comparator = Some(Comparator::Range);
    }
    Some(Quantity {
        range: m.start..w.end,
        numeral: c.n1.start..c.n2.as_ref().map_or(c.n1.end, |n| n.end),
        value,
        range_value,
        unit: unit.into(),
        class: w.class,
        comparator,
        placeholder: a.placeholder || second.as_ref().is_some_and(|b| b.placeholder),
        cjk: a.cjk,
    })
}

/// A candidate without a unit that is an index bounded by a symbol (`ADI≤2`, `BI<5`), or by a
/// word after it (`布雷图指数控制在 5 以下`): an upper or lower bound, never an approximation
/// (`5上下` is rarely a value).
fn bare_bound(hay: &str, c: &Caps) -> bool {
    let n1 = &hay[c.n1.clone()];
    let before = &hay[..c.all.start];
    let symbol_bound = c.unit.is_none()
        && c.p1.is_none()
        && !a_cjk(n1)
        && before.trim_end_matches(' ').ends_with(SYMBOL_COMPARATORS)
        // `≥38℃` bounds a reading of a definition, `≤5mm` a size: a unit no row knows
        && !hay[c.n1.end..]
            .chars()
            .next()
            .is_some_and(|ch| ch.is_alphanumeric() || "℃°′″".contains(ch));
    let word_bound = c.unit.is_none()
        && c.p1.is_none()
        && c.ap.is_none()
        && c.n2.is_none()
        && !a_cjk(n1)
        && c.suf.as_ref().is_some_and(|r| bound_word(&hay[r.clone()]));
    symbol_bound || word_bound
}

/// The unit as written: % of the first number, multiplier, measure word and its class, known from
/// the scanner's row when it is the measure word.
fn written<'a>(
    hay: &'a str,
    c: &Caps,
    a: &Num,
    second: bool,
    symbol_bound: bool,
) -> Option<Written<'a>> {
    let text = |r: &Range<usize>| &hay[r.clone()];
    let p1 = c.p1.as_ref().map(text);
    let unit_w = c.unit.as_ref().map(text);
    let (mut base_unit, mut class) = match (p1, unit_w) {
        (_, Some(u)) => (u, c.unit_row.map(|row| UNITS[row].1)),
        (Some(p), None) => (p, None),
        (None, None) if a.mult == "%" => ("%", None),
        (None, None) if symbol_bound => ("", Some(UnitClass::Count)),
        _ => return None,
    };
    let mut end = c.all.end;
    let mut suffix = c.suf.as_ref().map(text);
    if let (Some(p), Some(u)) = (&c.p1, &c.unit) {
        // 100%名校资源: the % is the unit, the measure word starts the next word
        if !matches!(text(u), "%" | "‰") {
            if second {
                return None;
            }
            base_unit = text(p);
            class = None;
            end = p.end;
            suffix = None;
        }
    }
    let class = class.or_else(|| unit_class(base_unit))?;
    Some(Written {
        base_unit,
        class,
        end,
        suffix,
    })
}

/// Is the numeral and its unit a word: 一条龙, 两头, 一部分 (but 十余条, 二十台, 三十余件 are
/// counts), 建成, 万亿级产业集群?
fn is_word(hay: &str, c: &Caps, a: &Num, w: &Written) -> bool {
    let n1 = &hay[c.n1.clone()];
    let single_cjk = n1.chars().count() == 1;
    let approx = c.ap.is_some() || c.ap2.is_some();
    if a.cjk
        && CJK_WORD_UNITS.contains(&w.base_unit)
        && (single_cjk || w.base_unit == "分")
        && !approx
    {
        return true;
    }
    // 三成 = 30 %, but 建成/成为/完成 are words
    if w.base_unit == "成" {
        let next = hay[w.end..].chars().next();
        if !a.cjk || next.is_some_and(|ch| CHENG_WORD_NEXT.contains(ch)) {
            return true;
        }
    }
    // 万亿级产业集群, 千亿元级企业, 百万吨级: a scale that names a class, no amount; `(亿人)`
    // after an indicator's name is its unit
    hay[w.end..].starts_with('级')
        || (n1.chars().all(|ch| "万亿".contains(ch))
            && hay[..c.all.start].ends_with(['(', '（'])
            && hay[w.end..].starts_with([')', '）']))
}

/// A single value, or a range.
type Value = (Option<f64>, Option<[f64; 2]>);

/// The value of a numeral, or the range of two (or of one CJK range, `三五`); `None` when the
/// range runs backwards.
fn value_of(a: &Num, second: Option<&Num>) -> Option<Value> {
    Some(match second {
        Some(b) => match (a.lo, b.hi) {
            (Some(lo), Some(hi)) if hi > lo => (None, Some([lo, hi])),
            (None, None) => (None, None),
            _ => return None,
        },
        None => match (a.lo, a.hi) {
            (Some(lo), Some(hi)) if hi > lo => (None, Some([lo, hi])),
            (lo, _) => (lo, None),
        },
    })
}

/// Is this comparator word after a bare number a bound (`以下`, `及以上`), not an approximation?
fn bound_word(w: &str) -> bool {
    COMPARATOR_AFTER
        .iter()
        .any(|(a, cmp)| *a == w && matches!(cmp, Comparator::Gte | Comparator::Lte))
}

/// Is the numeral written in Chinese (a bare one is a word far more often than a value)?
fn a_cjk(n: &str) -> bool {
    n.chars().next().is_some_and(is_cjk_numeral)
}

/// `三分之一以上`, `2/3`-free fractions written in words: a share, read as a percentage rounded to
/// two decimals (`三分之一` → 33.33 %; `千分之五` → 5 ‰), with the comparator written after it.
fn fractions(hay: &str) -> Vec<Quantity> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::new(r"(?P<d>[一二三四五六七八九十百千]+|[0-9]+)分之(?P<n>[一二三四五六七八九十]+|[0-9]+)(?P<suf>及以上|以上|以下|以内|左右)?")
            .expect("fraction pattern")
    });
    let mut out = Vec::new();
    // A match holds `分之` and no line break: only the lines from the first `分之` to the last
    // can hold one, and most plans have none (the pattern has no anchor or boundary, so its
    // matches there are those of the whole text). The search over a whole plan was 2 % of a
    // batch run.
    // (one forward pass: `rfind` of a `&str` would bring the reverse two-way searcher into the
    // page's wasm, +0.9 KB of gzip)
    let mut at = hay.match_indices("分之").map(|(i, _)| i);
    let Some(first) = at.next() else {
        return out;
    };
    let last = at.last().unwrap_or(first);
    let from = hay[..first].rfind('\n').map_or(0, |i| i + 1);
    let to = hay[last..].find('\n').map_or(hay.len(), |i| last + i);
    let shift = |r: Range<usize>| from + r.start..from + r.end;
    for c in re.captures_iter(&hay[from..to]) {
        let (Some(m), Some(d), Some(n)) = (c.get(0), c.name("d"), c.name("n")) else {
            continue;
        };
        let (Some(dv), Some(nv)) = (
            crate::text::numerals::parse_number(d.as_str()),
            crate::text::numerals::parse_number(n.as_str()),
        ) else {
            continue;
        };
        if dv <= 0.0 || nv <= 0.0 || nv >= dv {
            continue;
        }
        let comparator = c
            .name("suf")
            .and_then(|s| COMPARATOR_AFTER.iter().find(|(w, _)| *w == s.as_str()))
            .map(|(_, k)| *k);
        // 千分之五 is 5 ‰, as a plan writes 5‰; any other share a percentage
        let (value, unit) = if dv == 1000.0 {
            (nv, "‰")
        } else {
            ((nv / dv * 10000.0).round() / 100.0, "%")
        };
        out.push(Quantity {
            range: shift(m.range()),
            // the denominator only: the trap lexicon masks `之一` (之一 as in "one of")
            numeral: shift(d.range()),
            value: Some(value),
            range_value: None,
            unit: unit.into(),
            class: UnitClass::Ratio,
            comparator,
            placeholder: false,
            cjk: !d.as_str().starts_with(|ch: char| ch.is_ascii_digit()),
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The two-byte filter lets every CJK numeral through, and the list it is built from is
    /// exactly the chars `is_cjk_numeral` takes: over every char there is.
    #[test]
    fn the_numeral_lead_filter_keeps_every_cjk_numeral() {
        for c in (0..=u32::from(char::MAX)).filter_map(char::from_u32) {
            assert_eq!(CJK_NUMERAL_CHARS.contains(&c), is_cjk_numeral(c), "{c}");
            if is_cjk_numeral(c) {
                let mut buf = [0; 4];
                let b = c.encode_utf8(&mut buf).as_bytes();
                assert!(b.len() == 3 && may_be_cjk_numeral(b[0], b[1]), "{c}");
            }
        }
    }

    // The regex the scanner writes out (see `Caps`), kept here as the reference it is tested
    // against.
    const AR: &str = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?";
    const CJ: &str = r"[〇零○一二两三四五六七八九十百千万亿]+";

    fn units_alt() -> String {
        let units: Vec<&str> = UNITS.iter().map(|(u, _)| *u).collect();
        crate::targets::lexicon::alternation(&units)
    }

    fn after_alt() -> String {
        COMPARATOR_AFTER
            .iter()
            .map(|(w, _)| regex_syntax::escape(w))
            .collect::<Vec<_>>()
            .join("|")
    }

    fn reference(hay: &str) -> Vec<Caps> {
        static RE: OnceLock<Regex> = OnceLock::new();
        let re = RE.get_or_init(|| {
            let num = format!(r"(?:{AR}|百分之[零一二两三四五六七八九十百点]+|[xX]{{1,4}}|{CJ})");
            let pattern = format!(
                r"(?P<n1>{num})(?P<ap>余|多)?{sp}(?P<p1>%|‰)?(?:{sp}(?P<sep>——|—|–|-|－|‐|~|～|〜|至|到){sp}(?P<n2>{num})(?P<ap2>余|多)?)?(?:(?P<mult>万亿|亿|万|千)?{sp}(?P<unit>(?P<base>{units})(?:[/／](?:{per}))?))?(?:{sp}(?P<suf>{after}))?",
                sp = "[ \u{3000}]*",
                units = units_alt(),
                per = crate::targets::lexicon::alternation(PER_UNITS),
                after = after_alt(),
            );
            crate::rx::new(&pattern).unwrap()
        });
        re.captures_iter(hay)
            .map(|c| {
                let g = |n: &str| c.name(n).map(|m| m.range());
                Caps {
                    all: c.get(0).unwrap().range(),
                    n1: g("n1").unwrap(),
                    ap: g("ap"),
                    p1: g("p1"),
                    sep: g("sep"),
                    n2: g("n2"),
                    ap2: g("ap2"),
                    mult: g("mult"),
                    unit: g("unit"),
                    suf: g("suf"),
                    unit_row: c
                        .name("base")
                        .and_then(|u| UNITS.iter().position(|(w, _)| *w == u.as_str())),
                }
            })
            .collect()
    }

    /// The scanner finds what the regex finds, group for group: on the seed plans (raw and
    /// cleaned) and on the tricky shapes of each piece.
    #[test]
    fn scanner_is_the_regex() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures");
        let mut n = 0;
        for e in std::fs::read_dir(dir).unwrap().flatten() {
            let raw = std::fs::read_to_string(e.path()).unwrap_or_default();
            for hay in [raw.clone(), crate::input::clean::clean(&raw).clean] {
                assert_eq!(scan(&hay), reference(&hay), "{:?}", e.path());
                n += 1;
            }
        }
        assert!(n >= 10, "{n} fixture texts");
        for hay in [
            "1,234,5678.9.1万亿元以上",
            "3万亿元",
            "3万亿x",
            "3千万元",
            "3万 人",
            "3 — 5所",
            "3——x所",
            "3—— 5",
            "百分之",
            "百分之五十以上",
            "一百分之五",
            "xxxxx所",
            "12～15个左右",
            "3余 % 至 4多万元",
            "十四五",
            "2.",
            "1,23",
            "0.5个百分点以内",
            "3到",
            "三至五个",
            "5 ",
            "5万吨/年以上",
            "500元／人次",
            "3个/",
            "2/3",
            "30微克/立方米/年",
            "95 % 以上",
            "30 个\u{3000}以上",
            "5 以下",
            "5　 ～　6 万元 左右",
            "",
        ] {
            assert_eq!(scan(hay), reference(hay), "{hay:?}");
        }
    }

    proptest::proptest! {
        #[test]
        fn scanner_is_the_regex_anywhere(
            hay in proptest::collection::vec(proptest::sample::select(vec![
                "1", "0", ",", ".", " ", "x", "X", "百", "分", "之", "五", "十", "万", "亿", "千", "零", "点",
                "余", "多", "%", "‰", "—", "-", "～", "至", "到", "所", "个", "百分点", "元", "人", "次",
                "以", "上", "下", "及", "或", "左右", "内", "a", "。", "成", "\u{3000}",
            ]), 0..24)
        ) {
            let hay: String = hay.concat();
            proptest::prop_assert_eq!(scan(&hay), reference(&hay), "{:?}", hay);
        }
    }

    fn one(s: &str) -> Quantity {
        let q = find(s);
        assert_eq!(q.len(), 1, "{s}: {q:?}");
        q.into_iter().next().expect("one quantity")
    }

    #[test]
    fn numeral_forms() {
        for (s, v, u) in [
            ("12000个", 12000.0, "个"),
            ("12,000个", 12000.0, "个"),
            ("52.5%", 52.5, "%"),
            ("百场", 100.0, "场"),
            ("一所", 1.0, "所"),
            ("二年", 2.0, "年"),
            ("0.5个百分点", 0.5, "个百分点"),
            ("1200万人", 1200.0, "万人"),
            ("1.3万亿斤", 1.3, "万亿斤"),
            ("3826.5亿元", 3826.5, "亿元"),
            ("十万人", 10.0, "万人"),
            ("百分之八十", 80.0, "%"),
            ("三成", 30.0 / 10.0, "成"),
            ("5‰", 5.0, "‰"),
            ("2倍", 2.0, "倍"),
            ("4.5个", 4.5, "个"),
            ("2000家次", 2000.0, "家次"),
            ("5万户次", 5.0, "万户次"),
            ("5万吨/年", 5.0, "万吨/年"),
            ("500元／人", 500.0, "元／人"),
            ("200吨/日以上", 200.0, "吨/日"),
            ("3个/", 3.0, "个"),
        ] {
            let q = one(s);
            assert_eq!((q.value, &*q.unit), (Some(v), u), "{s}");
        }
    }

    #[test]
    fn ranges_and_approximations() {
        for (s, lo, hi) in [
            ("4—5 所", 4.0, 5.0),
            ("1-2个", 1.0, 2.0),
            ("6～8个", 6.0, 8.0),
            ("三四所", 3.0, 4.0),
            ("三至五个", 3.0, 5.0),
            ("6%-6.5%", 6.0, 6.5),
            ("4.5%至5%", 4.5, 5.0),
            ("15-20所", 15.0, 20.0),
        ] {
            let q = one(s);
            assert_eq!(q.range_value, Some([lo, hi]), "{s}");
            assert_eq!(q.value, None);
            assert_eq!(q.comparator, Some(Comparator::Range), "{s}");
        }
        let q = one("100多名");
        assert_eq!(
            (q.value, q.comparator),
            (Some(100.0), Some(Comparator::Approx))
        );
        let q = one("十余所");
        assert_eq!(
            (q.value, q.comparator),
            (Some(10.0), Some(Comparator::Approx))
        );
        assert_eq!(one("8所以上").comparator, Some(Comparator::Gte));
        assert_eq!(one("5%以内").comparator, Some(Comparator::Lte));
        assert_eq!(one("15个左右").comparator, Some(Comparator::Approx));
    }

    /// PDF text spaces a number off its unit and its comparator, with ASCII or full-width
    /// spaces; a bare number bounded by a word is an index value with no unit.
    #[test]
    fn spaces_and_bound_words() {
        let q = one("覆盖率达到 95 % 以上");
        assert_eq!((q.value, &*q.unit), (Some(95.0), "%"));
        assert_eq!(q.comparator, Some(Comparator::Gte));
        let q = one("建成　30　个　以上");
        assert_eq!((q.value, &*q.unit), (Some(30.0), "个"));
        assert_eq!(q.comparator, Some(Comparator::Gte));
        for s in ["指数均控制在 5 以下", "指数控制在5以下"] {
            let q = one(s);
            assert_eq!((q.value, &*q.unit), (Some(5.0), ""), "{s}");
            assert_eq!(q.comparator, Some(Comparator::Lte), "{s}");
        }
        for s in ["5 左右", "五以下", "5多以上", "3-5以下", "PM2.5以下"] {
            assert!(find(s).is_empty(), "{s}: {:?}", find(s));
        }
    }

    #[test]
    fn placeholders_keep_the_skeleton() {
        for (s, u) in [("xx所", "所"), ("xx%以上", "%"), ("x小时", "小时")] {
            let q = one(s);
            assert!(q.placeholder, "{s}");
            assert_eq!((q.value, &*q.unit), (None, u));
        }
        assert!(find("xSTEM课程").is_empty());
        let q = one("实现100%名校资源全覆盖");
        assert_eq!((&*q.unit, q.range), ("%", 6..10));
    }

    #[test]
    fn words_and_codes_are_not_quantities() {
        assert!(find("完成任务,建成学校").is_empty());
        assert!(find("推广5G应用").is_empty());
        assert!(find("二〇二三年").is_empty());
        // a Chinese numeral before these measure words is a word: 两头, 一部分, 扩建一期
        assert!(find("两头抓").is_empty());
        assert!(find("一部分").is_empty());
        assert!(find("扩建一期").is_empty());
        assert!(find("").is_empty());
    }

    #[test]
    fn fractions_in_words_are_shares() {
        let q = one("三分之一以上的学校建成智慧校园");
        assert_eq!(
            (q.value, &*q.unit, q.comparator),
            (Some(33.33), "%", Some(Comparator::Gte))
        );
        let q = one("覆盖率达到四分之三");
        assert_eq!(q.value, Some(75.0));
        assert_eq!(one("达标率达到百分之八十").value, Some(80.0));
        let q = one("纠错率控制在千分之五以内");
        assert_eq!(
            (q.value, &*q.unit, q.comparator),
            (Some(5.0), "‰", Some(Comparator::Lte))
        );
    }

    /// Searching only the lines from the first `分之` to the last finds every fraction, at its
    /// place in the whole text.
    #[test]
    fn fractions_on_any_line_keep_their_offsets() {
        let hay = "一、目标\n三分之一以上的学校\n推进工作\n覆盖率达到四分之三,再达5分之4\n完成任务";
        let got: Vec<(Range<usize>, Option<f64>)> = fractions(hay)
            .into_iter()
            .map(|q| (q.range, q.value))
            .collect();
        let at = |w: &str| hay.find(w).unwrap()..hay.find(w).unwrap() + w.len();
        assert_eq!(
            got,
            vec![
                (at("三分之一以上"), Some(33.33)),
                (at("四分之三"), Some(75.0)),
                (at("5分之4"), Some(80.0)),
            ]
        );
        assert!(fractions("没有分数\n的文字").is_empty());
    }

    #[test]
    fn cjk_numerals_with_word_units() {
        assert_eq!(one("新开通优化公交线路十余条").value, Some(10.0));
        assert_eq!(
            one("新开通公交线路十余条").comparator,
            Some(Comparator::Approx)
        );
        assert!(find("形成一条龙服务").is_empty());
        assert_eq!(&*one("满意度不低于90分").unit, "分");
        assert!(find("充分发挥三分作用").iter().all(|q| &*q.unit != "分"));
    }
}
