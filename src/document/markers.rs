//! Heading marker families and their printed variants (docs/domain.md#marker-families).
//!
//! Patterns are written for the folded working copy ([`crate::text`]): full-width ASCII is already
//! half-width there, so `（一）` and `(一)`, `１．` and `1.` are one pattern each. Enclosed forms
//! (`①`, `⑴`, `⒈`, `㈠`) are not folded and have rows of their own.
//!
//! A row is *degraded* when its shape is also common in running text (a bare digit glued to the
//! text, `1完善`; a numeral followed by a space): the outline accepts such a marker only where the
//! numbering expects it.

use crate::rx::Regex;
use crate::text::is_han;
use crate::text::numerals::cjk_ordinal;
use std::sync::OnceLock;

/// A heading marker family. Levels come from first use (a stack), not from the family.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Family {
    /// `第一篇`
    Part,
    /// `第一章`, `第一部分`
    Chapter,
    /// `第一节`
    Section,
    /// `第一条` (an article; a leaf in 办法-style plans)
    Article,
    /// `一、` `一.` `一,` `一 `
    CjkEnum,
    /// `(一)` `(一)、` `一)` `㈠`
    ParenCjk,
    /// `1.` `1、` `1,` `⒈` and the degraded `1完善`
    ArabicDot,
    /// `(1)` `1)` `⑴`
    ParenArabic,
    /// `①` `❶` `➀`
    Circled,
    /// line-initial `一是` … `二是` lead enumerators
    Shi,
    /// month headings `一月份` … `十二月`, `1月份`
    Month,
    /// Roman numerals `Ⅰ、` `Ⅱ.` (U+2160…, never the Latin letters: `I` is no numeral in
    /// Chinese text, and `Ⅲ类水体` is a water class, so a separator must follow)
    Roman,
    /// decimal outline numbers `1.1` (second level) …
    Decimal2,
    /// … and `1.1.1` (third level), as some 规划 print them
    Decimal3,
}

impl Family {
    /// Number of families (for per-family arrays).
    pub const COUNT: usize = 14;

    pub fn index(self) -> usize {
        self as usize
    }
}

/// The first char of a marker row (see [`MarkerRule::lead`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lead {
    /// `第`
    Di,
    /// `(` (folded `（`)
    Paren,
    /// a Chinese numeral `一` … `十`
    Cjk,
    /// an ASCII digit
    Digit,
    /// either of the two (month headings)
    CjkOrDigit,
    /// an enclosed numeral (`㈠` `⑴` `①` `❶` `➀` `⒈`)
    Enclosed,
    /// a Roman numeral char (`Ⅰ`…`Ⅻ`, `ⅰ`…`ⅻ`)
    Roman,
}

const CJK_DIGITS: &str = "一二三四五六七八九十";

impl Lead {
    pub fn admits(self, c: char) -> bool {
        match self {
            Lead::Di => c == '第',
            Lead::Paren => c == '(',
            Lead::Cjk => CJK_DIGITS.contains(c),
            Lead::Digit => c.is_ascii_digit(),
            Lead::CjkOrDigit => c.is_ascii_digit() || CJK_DIGITS.contains(c),
            Lead::Enclosed => is_enclosed(c),
            Lead::Roman => roman_ordinal(c).is_some(),
        }
    }
}

/// Enclosed and parenthesised numerals: `①`…`⒛` (with `⑴` and `⒈`), `❶`…`➉`, `㈠`…`㈩`.
fn is_enclosed(c: char) -> bool {
    ('\u{2460}'..='\u{249B}').contains(&c)
        || ('\u{2776}'..='\u{2789}').contains(&c)
        || ('\u{3220}'..='\u{3229}').contains(&c)
}

/// One printed variant of a family.
pub struct MarkerRule {
    pub family: Family,
    /// Anchored pattern; the numeral is group `n` (digits or CJK) or group `c` (one enclosed char).
    pub pattern: &'static str,
    /// The chars the pattern's first atom takes: rows that cannot start with a line's first char
    /// are not run on it (a heading-shaped line was tried against every row; the tests below
    /// check that a row never matches a line its lead turns away).
    pub lead: Lead,
    /// Only accepted where the numbering expects this value (see the module doc).
    pub degraded: bool,
    /// A line this row must recognise (and the ordinal it carries). Test-only, like `counter`
    /// (`#[cfg(test)]` here and on every row): the CLI and the page do not carry the examples
    /// (see [`crate::document::cues::CueRule`]).
    #[cfg(test)]
    pub example: (&'static str, u32),
    /// A line this row must not take as a marker.
    #[cfg(test)]
    pub counter: &'static str,
}

/// The marker table. Order matters: the first row that matches wins, so longer and more specific
/// shapes come first (`(1)` before the bare `1`, `一是` before `一 `).
pub const MARKERS: &[MarkerRule] = &[
    MarkerRule {
        family: Family::Part,
        pattern: r"^第\s*(?P<n>[一二三四五六七八九十百零〇\d]{1,5})\s*篇[\s:、.]*",
        lead: Lead::Di,
        degraded: false,
        #[cfg(test)]
        example: ("第二篇 发展环境", 2),
        #[cfg(test)]
        counter: "第几篇",
    },
    MarkerRule {
        family: Family::Chapter,
        pattern: r"^第\s*(?P<n>[一二三四五六七八九十百零〇\d]{1,5})\s*(?:章|部分)[\s:、.]*",
        lead: Lead::Di,
        degraded: false,
        #[cfg(test)]
        example: ("第十一章 加快建设交通强省", 11),
        #[cfg(test)]
        counter: "第一部署",
    },
    MarkerRule {
        family: Family::Section,
        pattern: r"^第\s*(?P<n>[一二三四五六七八九十百零〇\d]{1,5})\s*节[\s:、.]*",
        lead: Lead::Di,
        degraded: false,
        #[cfg(test)]
        example: ("第三节 完善综合交通网络", 3),
        #[cfg(test)]
        counter: "第三季度",
    },
    MarkerRule {
        family: Family::Article,
        pattern: r"^第\s*(?P<n>[一二三四五六七八九十百零〇\d]{1,5})\s*条[\s:、.]*",
        lead: Lead::Di,
        degraded: false,
        #[cfg(test)]
        example: ("第1条 为规范管理，制定本办法。", 1),
        #[cfg(test)]
        counter: "第一批",
    },
    MarkerRule {
        family: Family::ParenCjk,
        pattern: r"^\(\s*(?P<n>[一二三四五六七八九十]{1,3})\s*\)\s*[、.]?\s*",
        lead: Lead::Paren,
        degraded: false,
        #[cfg(test)]
        example: ("（十二）推进医疗卫生服务体系建设", 12),
        #[cfg(test)]
        counter: "(十四五)规划",
    },
    MarkerRule {
        family: Family::ParenCjk,
        pattern: r"^(?P<n>[一二三四五六七八九十]{1,3})\)\s*",
        lead: Lead::Cjk,
        degraded: false,
        #[cfg(test)]
        example: ("二)强化组织保障", 2),
        #[cfg(test)]
        counter: "二十)",
    },
    MarkerRule {
        family: Family::ParenCjk,
        pattern: r"^(?P<c>[㈠-㈩])\s*",
        lead: Lead::Enclosed,
        degraded: false,
        #[cfg(test)]
        example: ("㈢加强监督考核", 3),
        #[cfg(test)]
        counter: "㈱",
    },
    MarkerRule {
        family: Family::ParenArabic,
        pattern: r"^\(\s*(?P<n>\d{1,3})\s*\)\s*[、.]?\s*",
        lead: Lead::Paren,
        degraded: false,
        #[cfg(test)]
        example: ("（3）完善农村公路养护机制。", 3),
        #[cfg(test)]
        counter: "(2022年版)",
    },
    MarkerRule {
        family: Family::ParenArabic,
        pattern: r"^(?P<n>\d{1,3})\)\s*",
        lead: Lead::Digit,
        degraded: false,
        #[cfg(test)]
        example: ("2)推进智慧交通建设", 2),
        #[cfg(test)]
        counter: "2022)",
    },
    MarkerRule {
        family: Family::ParenArabic,
        pattern: r"^(?P<c>[⑴-⒇])\s*",
        lead: Lead::Enclosed,
        degraded: false,
        #[cfg(test)]
        example: ("⑵加快充电设施建设", 2),
        #[cfg(test)]
        counter: "⒉",
    },
    MarkerRule {
        family: Family::Circled,
        pattern: r"^(?P<c>[①-⑳❶-❿➀-➉])\s*",
        lead: Lead::Enclosed,
        degraded: false,
        #[cfg(test)]
        example: ("②开展家庭医生签约服务", 2),
        #[cfg(test)]
        counter: "②",
    },
    MarkerRule {
        family: Family::Shi,
        pattern: r"^(?P<n>[一二三四五六七八九十]{1,3})是\s*",
        lead: Lead::Cjk,
        degraded: false,
        #[cfg(test)]
        example: ("二是加强基层医疗队伍建设。", 2),
        #[cfg(test)]
        counter: "十四五是",
    },
    MarkerRule {
        family: Family::Month,
        // a month, or a span of months (`五月份至六月份`, `7—8月`); the span is read as its first
        pattern: r"^(?P<n>十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])\s*(?:月份?(?:\s*(?:至|到|—|-|~|～)\s*(?:十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])\s*月份?)?|(?:至|到|—|-|~|～)\s*(?:十[一二]|[一二三四五六七八九十]|1[0-2]|[1-9])\s*月份?)",
        lead: Lead::CjkOrDigit,
        degraded: false,
        #[cfg(test)]
        example: ("十二月份", 12),
        #[cfg(test)]
        counter: "十三月",
    },
    MarkerRule {
        family: Family::CjkEnum,
        pattern: r"^(?P<n>[一二三四五六七八九十]{1,3})\s*[、.,]\s*",
        lead: Lead::Cjk,
        degraded: false,
        #[cfg(test)]
        example: ("三、重点任务", 3),
        #[cfg(test)]
        counter: "三五成群",
    },
    MarkerRule {
        family: Family::ArabicDot,
        pattern: r"^(?P<n>\d{1,3})\s*[.、,]\s*",
        lead: Lead::Digit,
        degraded: false,
        #[cfg(test)]
        example: ("１．加强营养健康宣传。", 1),
        #[cfg(test)]
        counter: "1.5万人次",
    },
    MarkerRule {
        family: Family::ArabicDot,
        pattern: r"^(?P<c>[⒈-⒛])\s*",
        lead: Lead::Enclosed,
        degraded: false,
        #[cfg(test)]
        example: ("⒊推进垃圾分类", 3),
        #[cfg(test)]
        counter: "⑶",
    },
    MarkerRule {
        family: Family::Roman,
        pattern: r"^(?P<c>[Ⅰ-Ⅻⅰ-ⅻ])\s*[、.,]\s*",
        lead: Lead::Roman,
        degraded: false,
        #[cfg(test)]
        example: ("Ⅱ、重点任务", 2),
        #[cfg(test)]
        counter: "Ⅲ类水体比例达到80%",
    },
    MarkerRule {
        family: Family::Decimal3,
        pattern: r"^\d{1,2}\.\d{1,2}\.(?P<n>\d{1,2}) *",
        lead: Lead::Digit,
        degraded: true,
        #[cfg(test)]
        example: ("2.1.3 完善城市路网", 3),
        #[cfg(test)]
        counter: "1.2.5万元",
    },
    MarkerRule {
        family: Family::Decimal2,
        pattern: r"^\d{1,2}\.(?P<n>\d{1,2}) *",
        lead: Lead::Digit,
        degraded: true,
        #[cfg(test)]
        example: ("1.2 发展目标", 2),
        #[cfg(test)]
        counter: "1.5万人次",
    },
    MarkerRule {
        family: Family::CjkEnum,
        pattern: r"^(?P<n>[一二三四五六七八九十]{1,3}) +",
        lead: Lead::Cjk,
        degraded: true,
        #[cfg(test)]
        example: ("四 保障措施", 4),
        #[cfg(test)]
        counter: "四个",
    },
    MarkerRule {
        family: Family::ArabicDot,
        pattern: r"^(?P<n>\d{1,2}) *",
        lead: Lead::Digit,
        degraded: true,
        #[cfg(test)]
        example: ("4推进高中教育特色多样发展", 4),
        #[cfg(test)]
        counter: "4所学校",
    },
];

/// Chars that, right after a degraded marker, show it is a quantity and not a marker
/// (`4所`, `3年`, `1批`) — measure words, units, time words and connectors.
pub const NOT_AFTER_DEGRADED: &str =
    "个所名项人家支期场次条座批台元年月日天周时分秒岁倍成米吨度号届级星类种套件篇本部位户村镇区县市省万亿千百十余多以至到或和与、%.,)";

/// Names of top-level divisions printed without a number on a line of their own (a 规划纲要's
/// `序言` before its `第一篇`, a `结束语` after the last chapter).
pub const UNNUMBERED_DIVISIONS: &[&str] = &["序言", "前言", "引言", "导言", "结束语", "结语"];

/// Sentence-final marks that end a run-on heading's lead phrase (folded forms: `；` is `;`).
pub const TITLE_STOPS: &[char] = &['。', ';', '!', '?'];

/// A marker found at the start of a string.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Hit {
    pub family: Family,
    pub ordinal: u32,
    /// Bytes of the marker, trailing spaces included.
    pub len: usize,
    pub degraded: bool,
}

fn compiled() -> &'static [(Regex, &'static MarkerRule)] {
    static RE: OnceLock<Vec<(Regex, &'static MarkerRule)>> = OnceLock::new();
    RE.get_or_init(|| {
        MARKERS
            .iter()
            .map(|r| (crate::rx::new(r.pattern).expect("marker pattern"), r))
            .collect()
    })
}

/// Chars a marker can start with (the union of the leads); anything else is
/// rejected before any regex runs.
fn can_start(c: char) -> bool {
    [
        Lead::Di,
        Lead::Paren,
        Lead::CjkOrDigit,
        Lead::Enclosed,
        Lead::Roman,
    ]
    .iter()
    .any(|l| l.admits(c))
}

/// The marker at the start of `s`, if any, with the checks that separate markers from numbers:
/// `1.5%` and `2、3年级` are not markers, a degraded marker must be followed by a CJK char that is
/// not a measure word, and a marker must be followed by some text.
pub fn match_marker(s: &str) -> Option<Hit> {
    let first = s.chars().next()?;
    if !can_start(first) {
        return None;
    }
    for (re, rule) in compiled() {
        if !rule.lead.admits(first) {
            continue;
        }
        // the DFA answers first (no groups, nothing allocated): most rows a line's first char
        // admits do not match it, and the groups are read only for the one that does
        if !re.is_match(s) {
            continue;
        }
        let Some(c) = re.captures(s) else { continue };
        let len = c.get(0).map_or(0, |m| m.end());
        let ordinal = if let Some(n) = c.name("n") {
            let n = n.as_str();
            n.parse::<u32>().ok().or_else(|| cjk_ordinal(n))
        } else {
            c.name("c")
                .and_then(|m| m.as_str().chars().next())
                .and_then(|c| enclosed_ordinal(c).or_else(|| roman_ordinal(c)))
        };
        let Some(ordinal) = ordinal.filter(|&o| o > 0) else {
            continue;
        };
        let rest = &s[len..];
        let next = rest.chars().next();
        if !plausible_after(rule, rest, next) {
            // A later row may still take it (e.g. `一 ` after `一、二` failed) — but the shapes
            // are disjoint enough that trying on is cheap and harmless.
            continue;
        }
        return Some(Hit {
            family: rule.family,
            ordinal,
            len,
            degraded: rule.degraded,
        });
    }
    None
}

fn plausible_after(rule: &MarkerRule, rest: &str, next: Option<char>) -> bool {
    let Some(next) = next else {
        // A month heading may be the whole line (`一月份`), and so may a chapter whose name is
        // on the next line (`第一章`); other markers need text after them.
        return matches!(
            rule.family,
            Family::Month | Family::Part | Family::Chapter | Family::Section
        );
    };
    match rule.family {
        Family::ArabicDot if !rule.degraded => {
            // `1.5%`, `2、3年级`, `1,000` are numbers; `1.2023年4月底前` and `2.9月10日前完成…`
            // are items opened by a date (no number is written `2.9月`).
            !next.is_ascii_digit() || starts_with_year(rest) || starts_with_month(rest)
        }
        Family::CjkEnum => {
            // `一、二、三年级` is a series, not a marker.
            let mut cs = rest.chars();
            let a = cs.next();
            let b = cs.next();
            !(a.is_some_and(|a| "一二三四五六七八九十".contains(a)) && b == Some('、'))
                && (!rule.degraded || is_han(next) && !NOT_AFTER_DEGRADED.contains(next))
        }
        Family::Month => {
            // `一月份` alone, or `一月份:` / `一月,` followed by its tasks; `3月底前完成` is a
            // deadline inside a sentence, not a month heading.
            rest.starts_with([':', '、', ' '])
        }
        _ if rule.degraded => is_han(next) && !NOT_AFTER_DEGRADED.contains(next),
        _ => true,
    }
}

/// `9月…`, `10月底前…`, `12月25日前…`, `5-6月份…`: a month of the calendar, or a span of two,
/// right after the marker (`11.5-6月份,…` is item 11 about May–June, not 11.5).
fn starts_with_month(s: &str) -> bool {
    let Some(rest) = after_month_number(s) else {
        return false;
    };
    if rest.starts_with('月') {
        return true;
    }
    let Some(c) = rest.chars().next().filter(|c| "-—~～至到".contains(*c)) else {
        return false;
    };
    after_month_number(&rest[c.len_utf8()..]).is_some_and(|r| r.starts_with('月'))
}

/// What follows a month number (1–12) at the start of `s`.
fn after_month_number(s: &str) -> Option<&str> {
    let n = s.bytes().take_while(u8::is_ascii_digit).count();
    ((1..=2).contains(&n) && s[..n].parse::<u32>().is_ok_and(|m| (1..=12).contains(&m)))
        .then(|| &s[n..])
}

fn starts_with_year(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() >= 7 && b[..4].iter().all(u8::is_ascii_digit) && s[4..].starts_with('年')
}

/// Value of an enclosed numeral: `①` `❶` `➀` `⑴` `⒈` → 1…, `㈠` → 1….
pub fn enclosed_ordinal(c: char) -> Option<u32> {
    let u = c as u32;
    let rel = |base: u32, n: u32| (base..base + n).contains(&u).then(|| u - base + 1);
    rel(0x2460, 20)
        .or_else(|| rel(0x2474, 20))
        .or_else(|| rel(0x2488, 20))
        .or_else(|| rel(0x2776, 10))
        .or_else(|| rel(0x2780, 10))
        .or_else(|| rel(0x3220, 10))
}

/// Value of a Roman numeral char: `Ⅰ` … `Ⅻ` and `ⅰ` … `ⅻ` → 1 … 12.
pub fn roman_ordinal(c: char) -> Option<u32> {
    let u = c as u32;
    let rel = |base: u32| (base..base + 12).contains(&u).then(|| u - base + 1);
    rel(0x2160).or_else(|| rel(0x2170))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_str as folded;

    /// A row's lead is what its pattern's first atom takes: over every char a marker can start
    /// with, a row matches a line starting with a char only if its lead admits that char (the
    /// first atom is never optional, so what follows cannot change the answer; a few shapes of
    /// what follows are tried anyway), and it admits its example's first char.
    #[test]
    fn leads_are_what_the_patterns_start_with() {
        let starts: Vec<char> = ('0'..='9')
            .chain("(第一二三四五六七八九十".chars())
            .chain('\u{2460}'..='\u{249B}')
            .chain('\u{2776}'..='\u{2789}')
            .chain('\u{3220}'..='\u{3229}')
            .chain('\u{2160}'..='\u{216B}')
            .chain('\u{2170}'..='\u{217B}')
            .collect();
        let rests = [
            "、推进",
            ")推进",
            ". 推进",
            "是推进",
            "月份",
            "二)推进",
            "1)推进",
            " 推进",
            "章 总则",
            "1.2 推进",
            "二月",
            "推进",
        ];
        for rule in MARKERS {
            let re = crate::rx::new(rule.pattern).unwrap();
            let first = folded(rule.example.0).chars().next().unwrap();
            assert!(
                rule.lead.admits(first),
                "{:?} turns away its example",
                rule.pattern
            );
            for &c in &starts {
                assert!(can_start(c), "{c}");
                if rule.lead.admits(c) {
                    continue;
                }
                for rest in rests {
                    let line = format!("{c}{rest}");
                    assert!(
                        !re.is_match(&line),
                        "{:?} matches {line:?}, its lead {:?} says no",
                        rule.pattern,
                        rule.lead
                    );
                }
            }
        }
    }

    /// Every row recognises its example (as that row's family and ordinal) and rejects its
    /// counter-example.
    #[test]
    fn every_row_has_a_working_example_and_counter_example() {
        for rule in MARKERS {
            let (ex, ord) = rule.example;
            let hit = match_marker(&folded(ex)).unwrap_or_else(|| panic!("{ex:?} not a marker"));
            assert_eq!(
                (hit.family, hit.ordinal),
                (rule.family, ord),
                "example {ex:?}"
            );
            let counter = folded(rule.counter);
            let re = crate::rx::new(rule.pattern).unwrap();
            let own = re.is_match(&counter)
                && match_marker(&counter).is_some_and(|h| h.family == rule.family);
            assert!(
                !own,
                "counter-example {:?} taken by {:?}",
                rule.counter, rule.family
            );
        }
    }

    #[test]
    fn variants_of_the_four_standard_families() {
        for (s, fam, ord) in [
            ("一、总体要求", Family::CjkEnum, 1),
            ("一．总体要求", Family::CjkEnum, 1),
            ("一，总体要求", Family::CjkEnum, 1),
            ("(一)、工作目标", Family::ParenCjk, 1),
            ("（一）工作目标", Family::ParenCjk, 1),
            ("1、强化组织领导", Family::ArabicDot, 1),
            ("1．强化组织领导", Family::ArabicDot, 1),
            ("１．强化组织领导", Family::ArabicDot, 1),
            ("12.强化组织领导", Family::ArabicDot, 12),
            ("(1)完善机制", Family::ParenArabic, 1),
            ("（１）完善机制", Family::ParenArabic, 1),
            ("⑴完善机制", Family::ParenArabic, 1),
            ("①完善机制", Family::Circled, 1),
            ("⑳完善机制", Family::Circled, 20),
            ("第一章 总则", Family::Chapter, 1),
            ("第二部分 主要任务", Family::Chapter, 2),
            ("一是加强领导", Family::Shi, 1),
            ("十月份", Family::Month, 10),
            ("五月份至六月份", Family::Month, 5),
            ("7—8月:暑期工作", Family::Month, 7),
            ("七至八月", Family::Month, 7),
            ("1月份:完成方案制定", Family::Month, 1),
            ("1.2023年4月底前", Family::ArabicDot, 1),
            ("2.9月10日前完成新生入学教育", Family::ArabicDot, 2),
            ("11.5-6月份,组织开展专项调研", Family::ArabicDot, 11),
            ("4.7—8月开展暑期安全教育", Family::ArabicDot, 4),
            ("3.12月20日前完成教师年度考核", Family::ArabicDot, 3),
            ("⒉10月底前完成体质健康测试", Family::ArabicDot, 2),
            ("Ⅰ、总体目标", Family::Roman, 1),
            ("Ⅻ. 保障措施", Family::Roman, 12),
            ("ⅳ 、监测评估", Family::Roman, 4),
        ] {
            let h = match_marker(&folded(s)).unwrap_or_else(|| panic!("{s}"));
            assert_eq!((h.family, h.ordinal), (fam, ord), "{s}");
        }
    }

    #[test]
    fn numbers_are_not_markers() {
        for s in [
            "1.5万人次",
            "3.0行动",
            "1.13月",
            "2.5个月",
            "2、3年级",
            "2023年是开局之年",
            "10所学校",
            "一、二、三年级",
            "3月底前完成",
            "十四五时期",
            "第一批试点",
            "一批项目",
            "",
            "(",
            "1",
        ] {
            let h = match_marker(&folded(s));
            assert!(h.is_none(), "{s:?} → {h:?}");
        }
    }

    #[test]
    fn ordinals() {
        assert_eq!(enclosed_ordinal('③'), Some(3));
        assert_eq!(enclosed_ordinal('⑴'), Some(1));
        assert_eq!(enclosed_ordinal('⒉'), Some(2));
        assert_eq!(enclosed_ordinal('❿'), Some(10));
        assert_eq!(enclosed_ordinal('㈡'), Some(2));
        assert_eq!(enclosed_ordinal('a'), None);
    }
}
