//! Word's automatic numbering: the list marker Word shows before a numbered paragraph.
//!
//! Many offices number a plan's headings with Word lists rather than typed markers: the text of
//! the paragraph is `总体要求` and Word draws `一、` in front of it from `word/numbering.xml`. A
//! paragraph names its list (`w:numPr`: `w:numId`, `w:ilvl`) directly or through its paragraph
//! style (`word/styles.xml`, following `w:basedOn`). A list (`w:num`) points at an abstract
//! definition (`w:abstractNum`) whose levels (`w:lvl`) give the start value, the number format
//! (`w:numFmt`: `chineseCounting` → 一, `decimal` → 1 …), the marker template (`w:lvlText`:
//! `%1、`, `（%1）`, `%1.%2`) and when the level restarts (`w:lvlRestart`). As in Word, lists that
//! share an abstract definition share its counters, and a `w:startOverride` restarts them.

use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::collections::{HashMap, HashSet};

/// Levels of a list (ECMA-376: `w:ilvl` 0–8).
const LEVELS: usize = 9;

/// One level of a list definition.
#[derive(Debug, Clone, Default)]
struct Level {
    start: Option<u32>,
    fmt: String,
    text: String,
    /// `w:lvlRestart`: restart after a use of level < this (1-based; 0 = never); absent: after
    /// any higher level.
    restart: Option<u32>,
    /// `w:isLgl`: every number in the marker is shown as a decimal.
    legal: bool,
    /// `w:suff`: what follows the marker (`tab`, `space` or `nothing`).
    suffix: String,
    /// The paragraph style this level is linked to (`w:pStyle`).
    style: Option<String>,
}

/// A `w:num`: its abstract definition and per-level overrides.
#[derive(Debug, Clone, Default)]
struct Num {
    abstract_id: String,
    starts: Vec<(usize, u32)>,
    levels: Vec<(usize, Level)>,
}

/// A paragraph style's numbering (`w:pPr/w:numPr` of `w:style`) and its parent style.
#[derive(Debug, Clone, Default)]
struct Style {
    based_on: Option<String>,
    num_id: Option<String>,
    ilvl: Option<usize>,
}

/// The numbering of a paragraph as written in its own `w:pPr`.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ParaNum {
    pub style: Option<String>,
    pub num_id: Option<String>,
    pub ilvl: Option<usize>,
}

/// The list definitions of a document and the running counters of its lists.
#[derive(Debug, Default)]
pub struct Numbering {
    abstracts: HashMap<String, Vec<Level>>,
    nums: HashMap<String, Num>,
    styles: HashMap<String, Style>,
    /// Counters per abstract definition: the last value shown at each level (None: not yet used).
    counters: HashMap<String, [Option<u32>; LEVELS]>,
    /// Lists whose start overrides have been applied (at their first paragraph).
    started: HashSet<String>,
}

/// The value of attribute `name` (e.g. `w:val`) of an element.
pub(super) fn attr(e: &BytesStart, name: &str) -> Option<String> {
    let a = e.try_get_attribute(name).ok()??;
    let value = a.normalized_value(quick_xml::XmlVersion::Implicit1_0);
    Some(value.map_or_else(|_| a.value.to_string(), |v| v.into_owned()))
}

fn attr_num(e: &BytesStart, name: &str) -> Option<u32> {
    attr(e, name)?.trim().parse().ok()
}

/// `w:ilvl` as an index into a list's levels.
fn level_index(e: &BytesStart) -> Option<usize> {
    attr_num(e, "w:ilvl")
        .or_else(|| attr_num(e, "w:val"))
        .map(|n| n as usize)
        .filter(|&n| n < LEVELS)
}

/// Sets the field of `lvl` that element `e` (a child of `w:lvl`) carries.
fn read_level_field(lvl: &mut Level, e: &BytesStart) {
    match e.name().as_ref() {
        "w:start" => lvl.start = attr_num(e, "w:val"),
        "w:numFmt" => lvl.fmt = attr(e, "w:val").unwrap_or_default(),
        "w:lvlText" => lvl.text = attr(e, "w:val").unwrap_or_default(),
        "w:lvlRestart" => lvl.restart = attr_num(e, "w:val"),
        "w:isLgl" => lvl.legal = attr(e, "w:val").is_none_or(|v| v != "0" && v != "false"),
        "w:suff" => lvl.suffix = attr(e, "w:val").unwrap_or_default(),
        "w:pStyle" => lvl.style = attr(e, "w:val"),
        _ => {}
    }
}

impl Numbering {
    /// Reads `word/numbering.xml` and `word/styles.xml` (either may be missing or damaged: what
    /// could be read is kept).
    pub fn new(numbering_xml: Option<&str>, styles_xml: Option<&str>) -> Self {
        let mut n = Numbering::default();
        if let Some(xml) = numbering_xml {
            n.read_numbering(xml);
        }
        if let Some(xml) = styles_xml {
            n.read_styles(xml);
        }
        n
    }

    fn read_numbering(&mut self, xml: &str) {
        let mut r = Reader::from_str(xml);
        r.config_mut().check_end_names = false;
        let mut abs: Option<(String, Vec<Level>)> = None;
        let mut num: Option<(String, Num)> = None;
        let mut lvl: Option<(usize, Level)> = None;
        let mut override_ilvl: Option<usize> = None;
        loop {
            let (e, start) = match r.read_event() {
                Ok(Event::Start(e)) => (e, true),
                Ok(Event::Empty(e)) => (e, false),
                Ok(Event::End(e)) => {
                    match e.name().as_ref() {
                        "w:lvl" => {
                            if let Some((i, l)) = lvl.take() {
                                match (&mut abs, &mut num) {
                                    (Some((_, levels)), _) => levels[i] = l,
                                    (None, Some((_, n))) => n.levels.push((i, l)),
                                    _ => {}
                                }
                            }
                        }
                        "w:abstractNum" => {
                            if let Some((id, levels)) = abs.take() {
                                self.abstracts.insert(id, levels);
                            }
                        }
                        "w:num" => {
                            if let Some((id, n)) = num.take() {
                                self.nums.insert(id, n);
                            }
                        }
                        "w:lvlOverride" => override_ilvl = None,
                        _ => {}
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            match e.name().as_ref() {
                "w:abstractNum" if start => {
                    abs =
                        attr(&e, "w:abstractNumId").map(|id| (id, vec![Level::default(); LEVELS]));
                }
                "w:num" if start => {
                    num = attr(&e, "w:numId").map(|id| (id, Num::default()));
                }
                "w:abstractNumId" => {
                    if let (Some((_, n)), Some(v)) = (&mut num, attr(&e, "w:val")) {
                        n.abstract_id = v;
                    }
                }
                "w:lvlOverride" if start => override_ilvl = level_index(&e),
                "w:startOverride" => {
                    if let (Some((_, n)), Some(i), Some(v)) =
                        (&mut num, override_ilvl, attr_num(&e, "w:val"))
                    {
                        n.starts.push((i, v));
                    }
                }
                "w:lvl" if start => lvl = level_index(&e).map(|i| (i, Level::default())),
                _ => {
                    if let Some((_, l)) = &mut lvl {
                        read_level_field(l, &e);
                    }
                }
            }
        }
    }

    fn read_styles(&mut self, xml: &str) {
        let mut r = Reader::from_str(xml);
        r.config_mut().check_end_names = false;
        let mut cur: Option<(String, Style)> = None;
        loop {
            let e = match r.read_event() {
                Ok(Event::Start(e)) | Ok(Event::Empty(e)) => e,
                Ok(Event::End(e)) => {
                    if e.name().as_ref() == "w:style" {
                        if let Some((id, s)) = cur.take() {
                            self.styles.insert(id, s);
                        }
                    }
                    continue;
                }
                Ok(Event::Eof) | Err(_) => break,
                Ok(_) => continue,
            };
            let Some((_, s)) = &mut cur else {
                if e.name().as_ref() == "w:style"
                    && attr(&e, "w:type").is_none_or(|t| t == "paragraph")
                {
                    cur = attr(&e, "w:styleId").map(|id| (id, Style::default()));
                }
                continue;
            };
            match e.name().as_ref() {
                "w:basedOn" => s.based_on = attr(&e, "w:val"),
                "w:numId" => s.num_id = attr(&e, "w:val"),
                "w:ilvl" => s.ilvl = level_index(&e),
                _ => {}
            }
        }
    }

    /// The list and level of a paragraph: its own `w:numPr`, else its style's (through
    /// `w:basedOn`); the level of a style-numbered paragraph is the style's `w:ilvl`, else the
    /// level linked to the style, else 0. `w:numId` 0 means "not numbered".
    fn resolve(&self, p: &ParaNum) -> Option<(String, usize)> {
        let mut num_id = p.num_id.clone();
        let mut ilvl = p.ilvl;
        let mut style = p.style.clone();
        let mut seen = 0;
        while let (Some(id), true) = (style.take(), seen < 16) {
            seen += 1;
            let Some(s) = self.styles.get(&id) else { break };
            if num_id.is_none() {
                num_id = s.num_id.clone();
                ilvl = ilvl.or(s.ilvl).or_else(|| self.linked_level(s, &id));
            }
            style = s.based_on.clone();
        }
        let num_id = num_id.filter(|n| n != "0")?;
        Some((num_id, ilvl.unwrap_or(0).min(LEVELS - 1)))
    }

    /// The level of the style's list whose `w:pStyle` is this style.
    fn linked_level(&self, s: &Style, id: &str) -> Option<usize> {
        let num = self.nums.get(s.num_id.as_deref()?)?;
        let levels = self.abstracts.get(&num.abstract_id)?;
        levels.iter().position(|l| l.style.as_deref() == Some(id))
    }

    fn level<'a>(&'a self, num: &'a Num, i: usize) -> Option<&'a Level> {
        num.levels
            .iter()
            .rev()
            .find(|(j, _)| *j == i)
            .map(|(_, l)| l)
            .or_else(|| self.abstracts.get(&num.abstract_id)?.get(i))
    }

    /// The marker of the next paragraph numbered `p` (advancing its list's counters), with the
    /// separator Word puts after it; empty when the paragraph is not numbered, the list is not
    /// defined, or the level shows no number (bullets, `none`).
    pub fn marker(&mut self, p: &ParaNum) -> String {
        let Some((num_id, ilvl)) = self.resolve(p) else {
            return String::new();
        };
        let Some(num) = self.nums.get(&num_id).cloned() else {
            return String::new();
        };
        let levels: Vec<Level> = (0..LEVELS)
            .map(|i| self.level(&num, i).cloned().unwrap_or_default())
            .collect();
        let counters = self.counters.entry(num.abstract_id.clone()).or_default();
        if self.started.insert(num_id) {
            for &(i, v) in &num.starts {
                if let Some(c) = counters.get_mut(i) {
                    *c = v.checked_sub(1);
                    for d in counters.iter_mut().skip(i + 1) {
                        *d = None;
                    }
                }
            }
        }
        let start = |i: usize| levels[i].start.unwrap_or(1);
        counters[ilvl] = Some(counters[ilvl].map_or(start(ilvl), |c| c.saturating_add(1)));
        for (d, c) in counters.iter_mut().enumerate().skip(ilvl + 1) {
            let restart = levels[d].restart.unwrap_or(u32::MAX);
            if (ilvl as u32) < restart {
                *c = None;
            }
        }
        let lvl = &levels[ilvl];
        if lvl.fmt == "bullet" || lvl.fmt == "none" && !lvl.text.contains('%') {
            return String::new();
        }
        let values: Vec<u32> = (0..LEVELS)
            .map(|i| counters[i].unwrap_or_else(|| start(i)))
            .collect();
        let mut out = String::new();
        let mut chars = lvl.text.chars().peekable();
        while let Some(c) = chars.next() {
            match (c, chars.peek().and_then(|d| d.to_digit(10))) {
                ('%', Some(d @ 1..=9)) => {
                    chars.next();
                    let i = d as usize - 1;
                    let fmt = if lvl.legal && i != ilvl {
                        "decimal"
                    } else {
                        levels[i].fmt.as_str()
                    };
                    out.push_str(&format_number(values[i], fmt));
                }
                _ => out.push(c),
            }
        }
        if out.trim().is_empty() {
            return String::new();
        }
        out.push_str(match lvl.suffix.as_str() {
            "nothing" => "",
            "space" => " ",
            _ => "\t",
        });
        out
    }
}

const DIGITS: [char; 10] = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];
const LEGAL_DIGITS: [char; 10] = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];

/// `n` in Word's number format `fmt` (ECMA-376 ST_NumberFormat); formats this does not know,
/// and values past a format's range, fall back to decimal as Word does.
pub fn format_number(n: u32, fmt: &str) -> String {
    let enclosed = |first: u32, last: u32| {
        (1..=last - first + 1)
            .contains(&n)
            .then(|| char::from_u32(first + n - 1))
            .flatten()
            .map_or_else(|| n.to_string(), String::from)
    };
    match fmt {
        "none" => String::new(),
        "decimalZero" if n < 10 => format!("0{n}"),
        "decimalFullWidth" | "decimalFullWidth2" => n
            .to_string()
            .chars()
            .filter_map(|c| char::from_u32(c as u32 - '0' as u32 + '０' as u32))
            .collect(),
        "decimalEnclosedCircle" | "decimalEnclosedCircleChinese" => enclosed(0x2460, 0x2473),
        "decimalEnclosedParen" => enclosed(0x2474, 0x2487),
        "decimalEnclosedFullstop" => enclosed(0x2488, 0x249B),
        "ideographDigital" => n.to_string().chars().map(|c| DIGITS[digit(c)]).collect(),
        "chineseCounting" if n < 100 => chinese(n, &DIGITS, ['十', '百', '千'], true),
        "chineseCounting" => n.to_string().chars().map(|c| DIGITS[digit(c)]).collect(),
        "chineseCountingThousand" | "taiwaneseCountingThousand" if n < 10_000 => {
            chinese(n, &DIGITS, ['十', '百', '千'], true)
        }
        "chineseLegalSimplified" if n < 10_000 => {
            chinese(n, &LEGAL_DIGITS, ['拾', '佰', '仟'], false)
        }
        "ideographTraditional" => cycle(n, "甲乙丙丁戊己庚辛壬癸"),
        "ideographZodiac" => cycle(n, "子丑寅卯辰巳午未申酉戌亥"),
        "upperLetter" | "lowerLetter" if n > 0 => {
            let c = char::from(b'A' + ((n - 1) % 26) as u8);
            let s = c.to_string().repeat(((n - 1) / 26 + 1).min(8) as usize);
            if fmt == "lowerLetter" {
                s.to_ascii_lowercase()
            } else {
                s
            }
        }
        "upperRoman" | "lowerRoman" if (1..4000).contains(&n) => {
            let s = roman(n);
            if fmt == "lowerRoman" {
                s.to_ascii_lowercase()
            } else {
                s
            }
        }
        _ => n.to_string(),
    }
}

fn digit(c: char) -> usize {
    c.to_digit(10).unwrap_or(0) as usize
}

/// 1–9999 in Chinese counting: 十一, 二十, 一百零五, 一千二百; with `short_ten`, 10–19 drop the
/// leading 一 (十二, not 一十二).
fn chinese(n: u32, digits: &[char; 10], units: [char; 3], short_ten: bool) -> String {
    if n == 0 {
        return digits[0].to_string();
    }
    let parts = [n / 1000 % 10, n / 100 % 10, n / 10 % 10, n % 10];
    let mut out = String::new();
    let mut zero = false;
    for (i, &d) in parts.iter().enumerate() {
        if d == 0 {
            zero = !out.is_empty();
            continue;
        }
        if zero {
            out.push('零');
            zero = false;
        }
        let unit = units.get(2usize.wrapping_sub(i)).copied();
        if !(short_ten && n < 20 && i == 2 && d == 1) {
            out.push(digits[d as usize]);
        }
        out.extend(unit);
    }
    out
}

/// The n-th sign of a cycle (甲乙丙…): past its end, decimal.
fn cycle(n: u32, signs: &str) -> String {
    n.checked_sub(1)
        .and_then(|i| signs.chars().nth(i as usize))
        .map_or_else(|| n.to_string(), String::from)
}

fn roman(mut n: u32) -> String {
    const R: [(u32, &str); 13] = [
        (1000, "M"),
        (900, "CM"),
        (500, "D"),
        (400, "CD"),
        (100, "C"),
        (90, "XC"),
        (50, "L"),
        (40, "XL"),
        (10, "X"),
        (9, "IX"),
        (5, "V"),
        (4, "IV"),
        (1, "I"),
    ];
    let mut s = String::new();
    for (v, r) in R {
        while n >= v {
            s.push_str(r);
            n -= v;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn number_formats_show_what_word_shows() {
        let cases = [
            (1, "chineseCounting", "一"),
            (10, "chineseCounting", "十"),
            (11, "chineseCounting", "十一"),
            (20, "chineseCounting", "二十"),
            (35, "chineseCountingThousand", "三十五"),
            (105, "chineseCountingThousand", "一百零五"),
            (110, "chineseCountingThousand", "一百一十"),
            (1002, "chineseCountingThousand", "一千零二"),
            (12, "chineseLegalSimplified", "壹拾贰"),
            (3, "ideographTraditional", "丙"),
            (12, "ideographDigital", "一二"),
            (3, "decimal", "3"),
            (3, "decimalEnclosedCircle", "③"),
            (25, "decimalEnclosedCircle", "25"),
            (2, "decimalEnclosedParen", "⑵"),
            (12, "decimalFullWidth", "１２"),
            (4, "lowerLetter", "d"),
            (27, "upperLetter", "AA"),
            (14, "upperRoman", "XIV"),
            (7, "none", ""),
            (7, "someFutureFormat", "7"),
        ];
        for (n, fmt, want) in cases {
            assert_eq!(format_number(n, fmt), want, "{n} {fmt}");
        }
    }

    const NUMBERING: &str = r#"<w:numbering>
      <w:abstractNum w:abstractNumId="0">
        <w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/><w:pStyle w:val="H1"/></w:lvl>
        <w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl>
        <w:lvl w:ilvl="2"><w:start w:val="1"/><w:numFmt w:val="decimal"/><w:lvlText w:val="%3."/><w:lvlRestart w:val="1"/></w:lvl>
        <w:lvl w:ilvl="3"><w:numFmt w:val="decimal"/><w:lvlText w:val="%1.%2.%4"/><w:isLgl/><w:suff w:val="space"/></w:lvl>
      </w:abstractNum>
      <w:abstractNum w:abstractNumId="1">
        <w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="&#x2022;"/></w:lvl>
      </w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num>
      <w:num w:numId="2"><w:abstractNumId w:val="0"/><w:lvlOverride w:ilvl="0"><w:startOverride w:val="5"/></w:lvlOverride></w:num>
      <w:num w:numId="3"><w:abstractNumId w:val="1"/></w:num>
    </w:numbering>"#;

    const STYLES: &str = r#"<w:styles>
      <w:style w:type="paragraph" w:styleId="H1"><w:pPr><w:numPr><w:numId w:val="1"/></w:numPr></w:pPr></w:style>
      <w:style w:type="paragraph" w:styleId="H1b"><w:basedOn w:val="H1"/></w:style>
      <w:style w:type="paragraph" w:styleId="Plain"><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:style>
    </w:styles>"#;

    fn num(id: &str, ilvl: usize) -> ParaNum {
        ParaNum {
            style: None,
            num_id: Some(id.into()),
            ilvl: Some(ilvl),
        }
    }

    fn styled(style: &str) -> ParaNum {
        ParaNum {
            style: Some(style.into()),
            ..ParaNum::default()
        }
    }

    #[test]
    fn levels_count_restart_and_compose() {
        let mut n = Numbering::new(Some(NUMBERING), Some(STYLES));
        let got: Vec<String> = [
            num("1", 0),
            num("1", 1),
            num("1", 1),
            num("1", 2),
            num("1", 3),
            num("1", 0),
            num("1", 1),
            num("1", 2),
        ]
        .iter()
        .map(|p| n.marker(p))
        .collect();
        assert_eq!(
            got,
            [
                "一、",
                "（一）",
                "（二）",
                "1.\t",
                "1.2.1 ",
                "二、",
                "（一）",
                "1.\t"
            ]
        );
    }

    #[test]
    fn level_restart_follows_lvl_restart() {
        // level 2 restarts only after level 0 (w:lvlRestart 1), not after level 1
        let mut n = Numbering::new(Some(NUMBERING), None);
        for p in [num("1", 0), num("1", 1), num("1", 2)] {
            n.marker(&p);
        }
        assert_eq!(n.marker(&num("1", 1)), "（二）");
        assert_eq!(n.marker(&num("1", 2)), "2.\t");
    }

    #[test]
    fn styles_number_headings_and_overrides_restart() {
        let mut n = Numbering::new(Some(NUMBERING), Some(STYLES));
        assert_eq!(n.marker(&styled("H1")), "一、");
        assert_eq!(n.marker(&styled("H1b")), "二、");
        assert_eq!(n.marker(&styled("Plain")), "");
        // a list sharing the definition continues it; one with a start override restarts
        assert_eq!(n.marker(&num("1", 0)), "三、");
        assert_eq!(n.marker(&num("2", 0)), "五、");
        assert_eq!(n.marker(&num("2", 0)), "六、");
        // bullets and unknown lists give no marker
        assert_eq!(n.marker(&num("3", 0)), "");
        assert_eq!(n.marker(&num("9", 0)), "");
        let mut p = styled("H1");
        p.num_id = Some("0".into());
        assert_eq!(n.marker(&p), "");
    }

    #[test]
    fn damaged_definitions_do_not_panic() {
        let mut n = Numbering::new(
            Some(
                r#"<w:numbering><w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="99"><w:start w:val="-3"/></w:lvl><w:lvl w:ilvl="0"><w:start w:val="0"/><w:lvlText w:val="%9%%1%"/>"#,
            ),
            Some("<w:styles><w:style w:styleId=\"a\"><w:basedOn w:val=\"a\"/>"),
        );
        let _ = n.marker(&num("1", 0));
        let _ = n.marker(&styled("a"));
        let _ = Numbering::new(Some("<<<&&&"), Some("\u{0}"));
    }
}
