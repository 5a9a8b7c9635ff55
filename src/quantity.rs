//! Quantities: a numeral (Arabic, Chinese, 百分之…, or a masked `xx`) with its measure word or
//! unit, an optional range and the approximators written into it (domain guide §5, Appendix B.4).
//!
//! One combined regex finds every candidate in one pass; this module parses what it matched and
//! leaves comparators written *around* the quantity and everything about the sentence to
//! [`crate::targets`].

use crate::lexicon::{UnitClass, CHENG_WORD_NEXT, CJK_WORD_UNITS, COMPARATOR_AFTER, UNITS};
use crate::model::Comparator;
use crate::numerals::{
    parse_arabic, parse_cjk_range, parse_percent_words, split_trailing_multiplier,
};
use regex::Regex;
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
    pub unit: String,
    pub class: UnitClass,
    /// Comparator written inside or right after the quantity (`以上`, `左右`, `多`/`余`).
    pub comparator: Option<Comparator>,
    /// The numeral was masked (`xx所`, `x小时`).
    pub placeholder: bool,
    /// The numeral was Chinese (`一所`, `百场`).
    pub cjk: bool,
}

const AR: &str = r"[0-9]+(?:,[0-9]{3})*(?:\.[0-9]+)?";
const CJ: &str = r"[〇零○一二两三四五六七八九十百千万亿]+";

fn units_alt() -> String {
    let units: Vec<&str> = UNITS.iter().map(|(u, _)| *u).collect();
    crate::lexicon::alternation(&units)
}

fn after_alt() -> String {
    COMPARATOR_AFTER
        .iter()
        .map(|(w, _)| regex::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

/// The quantity pattern and the indexes of its groups, read with `Captures::get`: it runs on
/// every numeral of a plan, and `Captures::name` hashes the name on each call (that was 3 % of
/// the CLI's instructions, callgrind 2026-12-01).
struct QuantityRe {
    re: Regex,
    n1: usize,
    ap: usize,
    p1: usize,
    sep: usize,
    n2: usize,
    ap2: usize,
    mult: usize,
    unit: usize,
    suf: usize,
}

fn quantity_re() -> &'static QuantityRe {
    static RE: OnceLock<QuantityRe> = OnceLock::new();
    RE.get_or_init(|| {
        let num = format!(r"(?:{AR}|百分之[零一二两三四五六七八九十百点]+|[xX]{{1,4}}|{CJ})");
        let pattern = format!(
            r"(?P<n1>{num})(?P<ap>余|多)? *(?P<p1>%|‰)?(?: *(?P<sep>——|—|–|-|－|‐|~|～|〜|至|到) *(?P<n2>{num})(?P<ap2>余|多)?)?(?:(?P<mult>万亿|亿|万|千)? *(?P<unit>{units}))?(?P<suf>{after})?",
            units = units_alt(),
            after = after_alt(),
        );
        let re = crate::rx::new(&pattern).expect("quantity pattern");
        let g = |name| crate::rx::group(&re, name);
        QuantityRe {
            n1: g("n1"),
            ap: g("ap"),
            p1: g("p1"),
            sep: g("sep"),
            n2: g("n2"),
            ap2: g("ap2"),
            mult: g("mult"),
            unit: g("unit"),
            suf: g("suf"),
            re,
        }
    })
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
    let mut out = Vec::new();
    let g = quantity_re();
    for c in g.re.captures_iter(hay) {
        let (Some(m), Some(n1)) = (c.get(0), c.get(g.n1)) else {
            continue;
        };
        let before = &hay[..m.start()];
        // part of a Latin word or a longer code (xSTEM, CLI.12, 5G)
        if before.ends_with(|ch: char| ch.is_ascii_alphanumeric() || ch == '.') {
            continue;
        }
        let Some(a) = parse_num(n1.as_str()) else {
            continue;
        };
        let p1 = c.get(g.p1).map(|p| p.as_str());
        let unit_w = c.get(g.unit).map(|u| u.as_str());
        let mult = c.get(g.mult).map_or("", |m| m.as_str());
        let second = match c.get(g.n2) {
            Some(n2) => match parse_num(n2.as_str()) {
                Some(b) => Some(b),
                None => continue,
            },
            None => None,
        };
        // the unit as written: % of the first number, multiplier, measure word
        let base_unit = match (p1, unit_w) {
            (_, Some(u)) => u,
            (Some(p), None) => p,
            (None, None) if a.mult == "%" => "%",
            _ => continue,
        };
        let mut end = m.end();
        let mut suffix = c.get(g.suf);
        let mut base_unit = base_unit;
        if let (Some(p), Some(u)) = (c.get(g.p1), c.get(g.unit)) {
            // 100%名校资源: the % is the unit, the measure word starts the next word
            if !matches!(u.as_str(), "%" | "‰") {
                if second.is_some() {
                    continue;
                }
                base_unit = p.as_str();
                end = p.end();
                suffix = None;
            }
        }
        let Some(class) = unit_class(base_unit) else {
            continue;
        };
        // 一条龙, 两头, 一部分 are words; 十余条, 二十台, 三十余件 are counts
        let single_cjk = n1.as_str().chars().count() == 1;
        let approx = c.get(g.ap).is_some() || c.get(g.ap2).is_some();
        if a.cjk
            && CJK_WORD_UNITS.contains(&base_unit)
            && (single_cjk || base_unit == "分")
            && !approx
        {
            continue;
        }
        if base_unit == "成" {
            // 三成 = 30 %, but 建成/成为/完成 are words
            let next = hay[end..].chars().next();
            if !a.cjk || next.is_some_and(|ch| CHENG_WORD_NEXT.contains(ch)) {
                continue;
            }
        }
        if c.get(g.sep)
            .is_some_and(|s| s.as_str() == "到" || s.as_str() == "至")
            && second.as_ref().is_some_and(|b| b.placeholder)
        {
            continue;
        }
        let cjk_mult = if a.mult == "%" { "" } else { a.mult.as_str() };
        let unit = format!("{cjk_mult}{mult}{base_unit}");
        let mut comparator = suffix
            .and_then(|s| COMPARATOR_AFTER.iter().find(|(w, _)| *w == s.as_str()))
            .map(|(_, cmp)| *cmp);
        if c.get(g.ap).is_some() || c.get(g.ap2).is_some() {
            comparator = comparator.or(Some(Comparator::Approx));
        }
        let (value, range_value) = match &second {
            Some(b) => match (a.lo, b.hi) {
                (Some(lo), Some(hi)) if hi > lo => (None, Some([lo, hi])),
                (None, None) => (None, None),
                _ => continue,
            },
            None => match (a.lo, a.hi) {
                (Some(lo), Some(hi)) if hi > lo => (None, Some([lo, hi])),
                (lo, _) => (lo, None),
            },
        };
        if range_value.is_some() && comparator.is_none() {
            comparator = Some(Comparator::Range);
        }
        out.push(Quantity {
            range: m.start()..end,
            numeral: n1.start()..c.get(g.n2).map_or(n1.end(), |n| n.end()),
            value,
            range_value,
            unit,
            class,
            comparator,
            placeholder: a.placeholder || second.as_ref().is_some_and(|b| b.placeholder),
            cjk: a.cjk,
        });
    }
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

/// `三分之一以上`, `2/3`-free fractions written in words: a share, read as a percentage rounded to
/// two decimals (`三分之一` → 33.33 %), with the comparator written after it.
fn fractions(hay: &str) -> Vec<Quantity> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::new(r"(?P<d>[一二三四五六七八九十百]+|[0-9]+)分之(?P<n>[一二三四五六七八九十]+|[0-9]+)(?P<suf>及以上|以上|以下|以内|左右)?")
            .expect("fraction pattern")
    });
    let mut out = Vec::new();
    for c in re.captures_iter(hay) {
        let (Some(m), Some(d), Some(n)) = (c.get(0), c.name("d"), c.name("n")) else {
            continue;
        };
        let (Some(dv), Some(nv)) = (
            crate::numerals::parse_number(d.as_str()),
            crate::numerals::parse_number(n.as_str()),
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
        out.push(Quantity {
            range: m.range(),
            // the denominator only: the trap lexicon masks `之一` (之一 as in "one of")
            numeral: d.range(),
            value: Some((nv / dv * 10000.0).round() / 100.0),
            range_value: None,
            unit: "%".to_string(),
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
        ] {
            let q = one(s);
            assert_eq!((q.value, q.unit.as_str()), (Some(v), u), "{s}");
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

    #[test]
    fn placeholders_keep_the_skeleton() {
        for (s, u) in [("xx所", "所"), ("xx%以上", "%"), ("x小时", "小时")] {
            let q = one(s);
            assert!(q.placeholder, "{s}");
            assert_eq!((q.value, q.unit.as_str()), (None, u));
        }
        assert!(find("xSTEM课程").is_empty());
        let q = one("实现100%名校资源全覆盖");
        assert_eq!((q.unit.as_str(), q.range), ("%", 6..10));
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
            (q.value, q.unit.as_str(), q.comparator),
            (Some(33.33), "%", Some(Comparator::Gte))
        );
        let q = one("覆盖率达到四分之三");
        assert_eq!(q.value, Some(75.0));
        assert_eq!(one("达标率达到百分之八十").value, Some(80.0));
    }

    #[test]
    fn cjk_numerals_with_word_units() {
        assert_eq!(one("新开通优化公交线路十余条").value, Some(10.0));
        assert_eq!(
            one("新开通公交线路十余条").comparator,
            Some(Comparator::Approx)
        );
        assert!(find("形成一条龙服务").is_empty());
        assert_eq!(one("满意度不低于90分").unit, "分");
        assert!(find("充分发挥三分作用").iter().all(|q| q.unit != "分"));
    }
}
