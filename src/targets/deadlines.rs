//! Time phrases and their resolution against the plan's own year or period (docs/domain.md#deadlines
//! "Deadline resolution", trap 13). Never the clock: `年内` in a 2022 plan is 2022-12-31 whatever
//! day the tool runs.

use crate::model::Period;
use crate::rx::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// What the plan's own dates are.
#[derive(Debug, Clone, Copy, Default)]
pub struct Anchor {
    pub plan_year: Option<i32>,
    pub period: Option<Period>,
}

impl Anchor {
    /// The year relative phrases (年内, 秋学期起) refer to: the plan year, else the first year of
    /// the period.
    fn year(&self) -> Option<i32> {
        self.plan_year.or(self.period.map(|p| p.from))
    }
}

/// A time phrase found in the text.
#[derive(Debug, Clone, PartialEq)]
pub struct TimePhrase {
    /// Byte range in the searched text.
    pub range: Range<usize>,
    /// The last day it allows (or, for `…起`, the day it starts), `YYYY-MM-DD`.
    pub due: Option<String>,
    /// The year it names explicitly, if any.
    pub year: Option<i32>,
    /// Names a concrete date (a year, a month, a term) rather than a relative span (`三年内`,
    /// `年内`); only those make a dated deliverable without a number.
    pub concrete: bool,
}

const TIME: &str = concat!(
    r"(?:(?P<pre>到|至|截至|截止到|截止) *)?(?P<y>(?:19|20)[0-9]{2}) *年(?:度)?",
    r"(?:(?P<half>上半年|下半年|年中|[一二三四1-4]季度|年底|年末|底|末)",
    r"| *(?P<m>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]) *月(?: *(?P<d>[0-3]?[0-9]) *日|底|末|份)?)?",
    r"(?P<term>秋季?学期开学前|春季?学期开学前|秋季?学期起|春季?学期起|秋季?开学前|秋季?学期)?",
    r"(?:前|以前|之前)?",
    r"|(?P<rel>年内|今年|本年度|全年|年底前|年末前|当年|明年)",
    r"|(?P<m2>1[0-2]|0?[1-9]|十[一二]?|[一二三四五六七八九]) *月(?: *(?P<d2>[0-3]?[0-9]) *日?|底|末|份)?(?:前|以前|之前)",
    // a bare month scheduling the plan's own activity (7月初评, 推迟到6月份进行, 5-6月份，…)
    r"|(?P<mre>(?:推迟|延迟|延期|调整|改)(?:到|至) *)?(?:(?:1[0-2]|0?[1-9])[-—～~至])?",
    r"(?P<m3>1[0-2]|0?[1-9]) *月(?: *(?P<d3>[0-3]?[0-9]) *日|份)?(?:初|上旬|中旬|下旬|中|底|末)?",
    r"|(?P<term2>秋季?学期(?:起|开学前)|春季?学期(?:起|开学前)|新学期起)",
    // a quarter or a half of the plan year: 第三季度前, 三季度末前, 一季度, 上半年
    r"|(?P<q>第[一二三四1-4]季度(?:末|底)?(?:前|以前|之前)?|[一二三四1-4]季度(?:末|底)?(?:前|以前|之前)|上半年(?:前|内)?)",
    r"|(?P<season>寒假前|暑假前|放假前|期末前|汛期前|汛前|春节前|国庆节前)",
    r"|(?P<n>[一二三四五两十0-9]{1,2})年内|历时(?P<n2>[一二三四五两十0-9]{1,2})年",
    // a year in Chinese numerals, its 〇 sometimes dropped by the copy (到二〇三五年, 到二三五年)
    r"|(?:到|至|展望) *(?P<yc>二[〇零○]?[〇零○一二三四五六七八九]{2})年(?:底|末)?(?:前|以前|之前)?",
    r"|[“\x22]?十(?P<fyp>[一二三四五六七八九])五[”\x22]?(?:期间|末|时期)",
    r"|(?P<pend>规划期末|到期末|规划期内)",
);

fn time_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| crate::rx::new(TIME).expect("time pattern"))
}

fn month_num(s: &str) -> Option<u32> {
    s.parse::<u32>()
        .ok()
        .or_else(|| crate::text::numerals::parse_cjk(s).map(|v| v as u32))
        .filter(|m| (1..=12).contains(m))
}

fn last_day(y: i32, m: u32) -> u32 {
    match m {
        2 if (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

/// The last month of a quarter or a half of a year (`一季度`, `3季度`, `上半年`), or None.
fn quarter_month(s: &str) -> Option<u32> {
    Some(match s {
        "一季度" | "1季度" => 3,
        "二季度" | "2季度" | "上半年" => 6,
        "三季度" | "3季度" => 9,
        "四季度" | "4季度" | "下半年" => 12,
        _ => return None,
    })
}

/// The last day of year `y`, `YYYY-12-31`: the due of a year named as a whole.
pub fn year_end(y: i32) -> String {
    ymd(y, 12, 31)
}

/// Day `d` of month `m` of year `y` as `YYYY-MM-DD` (a day past the month's end is its last), or
/// None for a month that does not exist.
pub fn day(y: i32, m: u32, d: u32) -> Option<String> {
    (1..=12)
        .contains(&m)
        .then(|| ymd(y, m, d.clamp(1, last_day(y, m))))
}

fn ymd(y: i32, m: u32, d: u32) -> String {
    format!("{y:04}-{m:02}-{d:02}")
}

fn end_of_month(y: i32, m: u32) -> String {
    ymd(y, m, last_day(y, m))
}

fn term_date(y: i32, term: &str) -> String {
    let spring = term.starts_with('春');
    let before = term.ends_with('前');
    match (spring, before) {
        (false, true) => ymd(y, 8, 31),
        (false, false) => ymd(y, 9, 1),
        (true, true) => end_of_month(y, 2),
        (true, false) => ymd(y, 3, 1),
    }
}

/// Every time phrase of `hay`, in order, resolved against `anchor`. A year followed by `是`,
/// `以来` or standing in a year range (`2022-2024年`) is a label, not a time limit, and is skipped.
pub fn find(hay: &str, anchor: Anchor) -> Vec<TimePhrase> {
    let mut out = Vec::new();
    for c in time_re().captures_iter(hay) {
        let Some(m) = c.get(0) else { continue };
        let range = m.range();
        let after = &hay[range.end..];
        let before = &hay[..range.start];
        if let Some(y) = c.name("y") {
            // 2023年是…之年, 2013年以来, (2022-2024年), 2021—2025年
            // issue and effective dates: 2024年1月25日印发, 自2024年3月1日起施行
            let after_t = after.trim_start();
            if ["印发", "发布", "签发", "起施行", "起实施", "起执行", "通过"]
                .iter()
                .any(|w| after_t.starts_with(w))
                && c.name("d").is_some()
            {
                continue;
            }
            if after.starts_with('是')
                || after.starts_with("以来")
                || after.starts_with("版")
                || after.starts_with("修订)")
                || after.starts_with("修订版")
                || before.ends_with(['-', '—', '–', '~', '～', '至'])
                    && before
                        .trim_end_matches(['-', '—', '–', '~', '～', '至'])
                        .ends_with(|ch: char| ch.is_ascii_digit())
                || after.starts_with(['-', '—', '–', '~', '～'])
                || hay[y.end()..].starts_with("年-")
            {
                continue;
            }
        }
        // 11.5-6月份 (item 11 about May–June), 2024年1-10月, 每年3月, 3月以来: no schedule
        if c.name("m3").is_some()
            && (before.ends_with(|ch: char| ch.is_ascii_digit() || ".年每第个".contains(ch))
                || after.starts_with("以来")
                || after.starts_with("份以来"))
        {
            continue;
        }
        // “十五五”时期，是…关键时期: a period the sentence describes, not a time limit
        if c.name("fyp").is_some() && after.trim_start_matches([',', '，', ' ']).starts_with('是')
        {
            continue;
        }
        let due = resolve(&c, anchor);
        let year = c
            .name("y")
            .and_then(|y| y.as_str().parse().ok())
            .or_else(|| c.name("yc").and_then(|y| cjk_year(y.as_str())));
        let concrete = year.is_some()
            || c.name("fyp").is_some()
            || c.name("m2").is_some()
            || c.name("m3").is_some()
            || c.name("term2").is_some()
            || c.name("q").is_some()
            || c.name("season").is_some()
            || c.name("rel")
                .is_some_and(|r| r.as_str().starts_with("年底") || r.as_str().starts_with("年末"));
        out.push(TimePhrase {
            range,
            due,
            year,
            concrete,
        });
    }
    out
}

/// A year written digit by digit in Chinese numerals (`二〇三五` → 2035); a copy that dropped the
/// 〇 (`二三五`) still names a year of the 2000s.
fn cjk_year(s: &str) -> Option<i32> {
    let digits: Vec<i32> = s
        .chars()
        .map(|c| match c {
            '〇' | '零' | '○' => Some(0),
            _ => "一二三四五六七八九"
                .chars()
                .position(|d| d == c)
                .map(|i| i as i32 + 1),
        })
        .collect::<Option<_>>()?;
    let y = match digits[..] {
        [2, 0, t, u] | [2, t, u] => 2000 + 10 * t + u,
        _ => return None,
    };
    Some(y)
}

fn resolve(c: &crate::rx::Captures, anchor: Anchor) -> Option<String> {
    if let Some(y) = c.name("yc").and_then(|y| cjk_year(y.as_str())) {
        return Some(year_end(y));
    }
    if let Some(y) = c.name("y").and_then(|y| y.as_str().parse::<i32>().ok()) {
        if let Some(t) = c.name("term") {
            return Some(term_date(y, t.as_str()));
        }
        if let Some(h) = c.name("half") {
            // 年中 is mid-year; 年底, 年末, 底, 末 (and 四季度, 下半年) end it
            let h = h.as_str();
            let m = quarter_month(h).unwrap_or(if h == "年中" { 6 } else { 12 });
            return Some(end_of_month(y, m));
        }
        if let Some(m) = c.name("m").and_then(|m| month_num(m.as_str())) {
            if let Some(d) = c.name("d").and_then(|d| d.as_str().parse::<u32>().ok()) {
                return Some(ymd(y, m, d.clamp(1, last_day(y, m))));
            }
            return Some(end_of_month(y, m));
        }
        return Some(ymd(y, 12, 31));
    }
    let py = anchor.year();
    if let Some(r) = c.name("rel") {
        let y = py?;
        return Some(ymd(if r.as_str() == "明年" { y + 1 } else { y }, 12, 31));
    }
    if let Some(m) = c.name("m2").and_then(|m| month_num(m.as_str())) {
        let y = py?;
        if let Some(d) = c.name("d2").and_then(|d| d.as_str().parse::<u32>().ok()) {
            return Some(ymd(y, m, d.clamp(1, last_day(y, m))));
        }
        return Some(end_of_month(y, m));
    }
    if let Some(m) = c.name("m3").and_then(|m| month_num(m.as_str())) {
        let y = py?;
        return match c.name("d3").and_then(|d| d.as_str().parse::<u32>().ok()) {
            Some(d) => day(y, m, d),
            None => Some(end_of_month(y, m)),
        };
    }
    if let Some(t) = c.name("term2") {
        return Some(term_date(py?, t.as_str()));
    }
    if let Some(q) = c.name("q") {
        let q = q.as_str().trim_start_matches('第');
        let m = match q.chars().next() {
            Some('一' | '1') => 3,
            Some('二' | '2') | Some('上') => 6,
            Some('三' | '3') => 9,
            _ => 12,
        };
        return Some(end_of_month(py?, m));
    }
    if let Some(n) = c.name("n").or(c.name("n2")) {
        let n = crate::text::numerals::parse_number(n.as_str())? as i32;
        if let Some(p) = anchor.period {
            return Some(ymd(p.to, 12, 31));
        }
        return Some(ymd(py? + n.max(1) - 1, 12, 31));
    }
    if let Some(f) = c.name("fyp") {
        // 十一五 ends 2010, 十四五 2025: 2010 + 5 × (n − 11)
        let n = crate::text::numerals::parse_cjk(f.as_str())? as i32 + 10;
        return Some(ymd(2010 + 5 * (n - 11), 12, 31));
    }
    if c.name("pend").is_some() {
        return anchor.period.map(|p| ymd(p.to, 12, 31));
    }
    None
}

/// A bare month of the plan year (`7月`, `5-6月份`, `推迟到6月份`) with no 前 and no year: it
/// schedules an activity at that month rather than bounding a deliverable.
pub fn is_bare_month(raw: &str) -> bool {
    raw.contains('月')
        && !raw.contains('年')
        && !raw.ends_with('前')
        && raw.starts_with(|c: char| c.is_ascii_digit() || "推延调改".contains(c))
}

/// A bare month led by a word of rescheduling (`推迟到6月份`): it dates the activity wherever it
/// stands in its clause.
pub fn reschedules(raw: &str) -> bool {
    is_bare_month(raw) && raw.starts_with(|c: char| "推延调改".contains(c))
}

/// `到 2022 年和 2030 年，…分别不低于 22%和 30%`: the indexes of two time phrases of `times` that
/// are joined by 和 (与, 、, 及) into one paired phrase, the first such pair.
pub fn joined_pair(hay: &str, times: &[&TimePhrase]) -> Option<(usize, usize)> {
    (1..times.len()).find_map(|j| {
        let (a, b) = (&times[j - 1].range, &times[j].range);
        let between = hay.get(a.end..b.start)?.trim();
        (a.end <= b.start && ["和", "与", "、", "及"].contains(&between)).then_some((j - 1, j))
    })
}

/// The time a section heading gives the targets under it: a month of a 工作计划's month-by-month
/// schedule (`九月`, `10月份：`, `2024年1月`), a quarter or a half (`第一季度`, `下半年`), or the
/// dates of a phase of 实施步骤 (`动员部署阶段（2022年3月—4月）`, `第二阶段：2023年`).
#[derive(Debug, Clone, PartialEq)]
pub struct SectionTime {
    /// The time as the heading writes it (`九月`, `2022年3月—4月`).
    pub raw: String,
    /// Its year, when the heading names one.
    pub year: Option<i32>,
    /// The last month it covers (1–12).
    pub month: u32,
    /// The last day it allows within that month, if the heading names one.
    pub day: Option<u32>,
}

/// Heading words that make a dated heading a phase of the plan's timetable.
const PHASE_WORDS: &[&str] = &["阶段", "步骤"];
/// Chars that join the two ends of a time range (`3月—4月`, `2022年5月至2023年6月`).
const RANGE_JOINERS: &[char] = &['—', '–', '-', '~', '～', '至', '到'];

/// One `[YYYY年][M月[D日]]` of a heading: (byte range, year, month, day).
type TimeBit = (Range<usize>, Option<i32>, Option<u32>, Option<u32>);

/// An Arabic digit or a Chinese numeral of a year, month or day (一 to 十).
fn is_numeral(c: char) -> bool {
    c.is_ascii_digit() || "一二三四五六七八九十".contains(c)
}

/// The years, months and days a heading names, in order. A month is an Arabic or Chinese 1–12
/// before `月`; a year four digits before `年`.
fn time_bits(title: &str) -> Vec<TimeBit> {
    let mut out: Vec<TimeBit> = Vec::new();
    let mut i = 0;
    while i < title.len() {
        let rest = &title[i..];
        let digits: usize = rest
            .char_indices()
            .take_while(|(_, c)| is_numeral(*c))
            .map(|(j, c)| j + c.len_utf8())
            .last()
            .unwrap_or(0);
        if digits == 0 {
            i += rest.chars().next().map_or(1, char::len_utf8);
            continue;
        }
        let num = &rest[..digits];
        let after = &rest[digits..];
        if after.starts_with('年') && num.len() == 4 && num.chars().all(|c| c.is_ascii_digit()) {
            let y = num.parse().ok();
            out.push((i..i + digits + '年'.len_utf8(), y, None, None));
            i += digits + '年'.len_utf8();
        } else if let (true, Some(m)) = (after.starts_with('月'), month_num(num)) {
            let mut end = i + digits + '月'.len_utf8();
            let mut day = None;
            let tail = &title[end..];
            let dd: usize = tail.chars().take_while(char::is_ascii_digit).count();
            if dd > 0 && tail[dd..].starts_with('日') {
                day = tail[..dd].parse().ok();
                end += dd + '日'.len_utf8();
            }
            // the year written right before it (2024年9月) is this month's
            match out.last_mut() {
                Some(last) if last.2.is_none() && last.0.end == i => {
                    last.0.end = end;
                    last.2 = Some(m);
                    last.3 = day;
                }
                _ => out.push((i..end, None, Some(m), day)),
            }
            i = end;
        } else {
            i += digits;
        }
    }
    out
}

/// The time a section heading names (see [`SectionTime`]), or None for any other heading. A month
/// label must be the whole title (`九月`, `9月份：`, `2024年9—10月`); a phase heading must say
/// 阶段/步骤 and name its dates. Headings that merely mention a year (`2023年工作回顾`,
/// `到2025年主要目标`) give nothing: their targets carry their own time phrases.
pub fn section_time(title: &str) -> Option<SectionTime> {
    let title = title.trim().trim_end_matches([':', '：']);
    if let Some(q) = quarter_label(title) {
        return Some(q);
    }
    let bits = time_bits(title);
    let (first, last) = (bits.first()?, bits.last()?);
    // the start of a range whose first month has no 月 (9—10月) belongs to the time
    let prefix = title[..first.0.start]
        .trim_end_matches(|c: char| is_numeral(c) || RANGE_JOINERS.contains(&c));
    let inner = &title[prefix.len()..last.0.end];
    let fen = title[last.0.end..].starts_with('份');
    // 2023年6月底前, 6月前: the end of the month is the due either way
    let suffix = title[last.0.end..]
        .trim_start_matches('份')
        .trim_start_matches(['底', '末'])
        .trim_start_matches("以前")
        .trim_start_matches("之前")
        .trim_start_matches('前');
    // between the bits only a range joiner
    if !inner
        .chars()
        .all(|c| is_numeral(c) || "年月日份".contains(c) || RANGE_JOINERS.contains(&c))
    {
        return None;
    }
    let is_label = prefix.is_empty()
        && (suffix.is_empty() || suffix.starts_with([':', '：', ' ', '\u{3000}']));
    let is_phase = PHASE_WORDS.iter().any(|w| title.contains(w));
    if !is_label && !is_phase {
        return None;
    }
    let year = bits.iter().rev().find_map(|b| b.1);
    let (month, day) = match last.2 {
        Some(m) => (m, last.3),
        // a phase dated by years only: 第一阶段（2022—2023年）
        None if is_phase && year.is_some() => (12, None),
        None => return None,
    };
    let raw = if fen {
        format!("{inner}份")
    } else {
        inner.to_string()
    };
    Some(SectionTime {
        raw,
        year,
        month,
        day,
    })
}

/// `第一季度`, `三季度`, `2024年上半年`, `下半年` as a whole heading.
fn quarter_label(title: &str) -> Option<SectionTime> {
    let (year, rest) = match title.split_once('年') {
        Some((y, r)) if y.len() == 4 && y.chars().all(|c| c.is_ascii_digit()) => {
            (y.parse().ok(), r)
        }
        _ => (None, title),
    };
    let month = quarter_month(rest.trim_start_matches('第'))?;
    Some(SectionTime {
        raw: title.to_string(),
        year,
        month,
        day: None,
    })
}

/// Gives every target that has no time phrase of its own the time of the innermost dated
/// section heading around it ([`section_time`]): the items under `十月` of a school's term plan
/// are October's. A month label without a year takes the plan's year, and the next year once
/// the months of a run of sibling labels turn back (`十二月`, then `一月` in an autumn-term
/// plan).
pub fn inherit(
    text: &crate::text::Text,
    nodes: &[crate::model::OutlineNode],
    targets: &mut [crate::model::Target],
    anchor: Anchor,
) {
    // pushed in depth-first order, so sorted by path: binary-searchable
    let mut dated: Vec<(Vec<usize>, Dated)> = Vec::new();
    let lead = |n: &crate::model::OutlineNode| {
        let from = text.clean_offset(n.title_span[1]);
        let mut to = (from + LEAD_BYTES).min(text.clean.len());
        while !text.clean.is_char_boundary(to) {
            to -= 1;
        }
        lead_time(text.clean.get(from..to).unwrap_or(""), anchor)
            .or_else(|| aims_time(&n.title, anchor))
    };
    collect(nodes, anchor.year(), &lead, &mut Vec::new(), &mut dated);
    if dated.is_empty() {
        return;
    }
    for t in targets.iter_mut() {
        // the innermost dated section on the target's path
        let Some(d) = (1..=t.path.len()).rev().find_map(|k| {
            let at = dated.binary_search_by(|(p, _)| p.as_slice().cmp(&t.path[..k]));
            at.ok().map(|i| &dated[i].1)
        }) else {
            continue;
        };
        match (&t.deadline, &mut t.due) {
            // a due of its own without words (a report's list of the year's targets) stays
            (None, None) => {
                t.deadline = Some(d.raw.as_str().into());
                t.due = Some(d.due.as_str().into());
            }
            // a month without a year (1月20日前) is in the year of its section (`2025年1月`, or
            // the `一月` after `十二月`), not always the plan's
            (Some(raw), Some(due)) if raw.contains('月') && !names_year(raw) => {
                if let Some(rest) = due.get(4..) {
                    *due = format!("{:04}{rest}", d.year).into();
                }
            }
            // a phrase with no date of its own (寒假前) is due by the end of its section
            (Some(_), due @ None) => *due = Some(d.due.as_str().into()),
            _ => {}
        }
    }
}

/// Does a time phrase write its year (`2024年9月`)?
fn names_year(raw: &str) -> bool {
    time_bits(raw).iter().any(|b| b.1.is_some())
}

/// How far into a section's body its opening time phrase is looked for (bytes).
const LEAD_BYTES: usize = 48;

/// The time that opens a section's body and frames it (`二、发展目标` ⏎ `到2025年，基本建成……`,
/// then a list of goals that print no year): a phrase of a whole year, first in the body and
/// followed by a comma, not before the plan's year. A phrase of a month or a day opens one task,
/// not its section (`6月底前完成……` dates that task only).
fn lead_time(body: &str, anchor: Anchor) -> Option<Dated> {
    let body = body.trim_start_matches([' ', '\n', '。', ':', '.']);
    let tp = find(body, anchor).into_iter().next()?;
    let due = tp.due.filter(|d| d.ends_with("-12-31"))?;
    let year: i32 = due.get(..4)?.parse().ok()?;
    let framed = tp.range.start == 0 && body[tp.range.end..].starts_with(',');
    let current = anchor.year().is_none_or(|py| year >= py);
    (framed && current).then(|| Dated {
        raw: body[tp.range].to_string(),
        due,
        year,
    })
}

/// Words of a heading that sets aims or tasks (`主要目标和重大举措`, `主要任务`, `重点工作`).
const AIM_WORDS: &[&str] = &["目标", "任务", "举措", "重点工作", "工作安排"];

/// The time a heading of aims names (`二、“十五五”时期主要目标和重大举措`, `“十五五”主要目标任务`,
/// `三、2026年重点工作`): it dates the targets under it that print no time of their own. A past
/// time (`“十四五”时期主要目标完成情况` in a later plan) dates nothing.
fn aims_time(title: &str, anchor: Anchor) -> Option<Dated> {
    if !AIM_WORDS.iter().any(|w| title.contains(w)) {
        return None;
    }
    let (raw, due) = find(title, anchor)
        .into_iter()
        .find_map(|tp| Some((title[tp.range].to_string(), tp.due?)))
        .or_else(|| plan_name(title))?;
    let year: i32 = due.get(..4)?.parse().ok()?;
    let current = anchor.year().is_none_or(|py| year >= py);
    current.then_some(Dated { raw, due, year })
}

/// A five-year plan named without 时期 (`“十五五”主要目标任务`): its name as written and the
/// last day of its last year.
fn plan_name(title: &str) -> Option<(String, String)> {
    let at = title.find('十')?;
    let mut cs = title[at..].chars();
    let (_, n, w) = (cs.next(), cs.next()?, cs.next()?);
    let n = crate::text::numerals::parse_cjk(&n.to_string())? as i32 + 10;
    if w != '五' || !(11..=19).contains(&n) {
        return None;
    }
    let end = at + '十'.len_utf8() * 3;
    let start = if title[..at].ends_with(['“', '"']) {
        at - title[..at].chars().last()?.len_utf8()
    } else {
        at
    };
    let end = if title[end..].starts_with(['”', '"']) {
        end + title[end..].chars().next()?.len_utf8()
    } else {
        end
    };
    Some((title[start..end].to_string(), year_end(2010 + 5 * (n - 11))))
}

/// The time a sentence opens a dated block with (`到2023年末，…`, `2027年前，…`, `展望2035年，…`,
/// `到 2030 年具体实现以下目标：`): a whole-year phrase first in the sentence, followed by a
/// comma or leading a list. The sentences after it in its paragraph and the `——` bullets after
/// that paragraph state what is due by then. Returns the phrase's byte range in `s` and its due.
pub fn block_lead(s: &str, anchor: Anchor) -> Option<(Range<usize>, String)> {
    let body = s.trim_start();
    let skip = s.len() - body.len();
    let (skip, body) = match body.strip_prefix("展望") {
        Some(rest) => (skip + "展望".len(), rest),
        None => (skip, body),
    };
    let tp = find(body, anchor).into_iter().next()?;
    // a year as written: a relative span (`三年内，…`) opens no block
    tp.year?;
    let due = tp.due.filter(|d| d.ends_with("-12-31"))?;
    let year: i32 = due.get(..4)?.parse().ok()?;
    let after = &body[tp.range.end..];
    let opens = tp.range.start == 0
        && (after.starts_with(',') || after.trim_end().ends_with(':') && !after.contains(','));
    let current = anchor.year().is_none_or(|py| year >= py);
    (opens && current).then(|| (skip + tp.range.start..skip + tp.range.end, due))
}

/// A dated section: its time as written, its last day and year.
struct Dated {
    raw: String,
    due: String,
    year: i32,
}

/// The dated sections of the outline with their paths (child indexes from the root, as a
/// target's `path`), in depth-first order.
fn collect(
    nodes: &[crate::model::OutlineNode],
    year: Option<i32>,
    lead: &dyn Fn(&crate::model::OutlineNode) -> Option<Dated>,
    path: &mut Vec<usize>,
    out: &mut Vec<(Vec<usize>, Dated)>,
) {
    let mut run: Option<(i32, u32)> = None; // (year, month) of the previous dated sibling
    for (i, n) in nodes.iter().enumerate() {
        path.push(i);
        let mut child_year = year;
        match section_time(&n.title) {
            Some(st) => {
                let y = match (st.year, run) {
                    (Some(y), _) => Some(y),
                    (None, Some((py, pm))) => Some(if st.month < pm { py + 1 } else { py }),
                    (None, None) => year,
                };
                if let Some(y) = y {
                    let last = last_day(y, st.month);
                    let day = st.day.map_or(last, |d| d.clamp(1, last));
                    out.push((
                        path.clone(),
                        Dated {
                            raw: st.raw,
                            due: ymd(y, st.month, day),
                            year: y,
                        },
                    ));
                    run = Some((y, st.month));
                    child_year = Some(y);
                }
            }
            None => {
                run = None;
                if let Some(d) = lead(n) {
                    child_year = Some(d.year);
                    out.push((path.clone(), d));
                }
            }
        }
        collect(&n.children, child_year, lead, path, out);
        path.pop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Month labels, quarters and dated phases are section times; a heading that only mentions a
    /// year or a month inside other words is not.
    #[test]
    fn section_times_are_labels_and_dated_phases() {
        let st = |s: &str| section_time(s).map(|t| (t.raw, t.year, t.month, t.day));
        assert_eq!(st("九月"), Some(("九月".into(), None, 9, None)));
        assert_eq!(st("十月份："), Some(("十月份".into(), None, 10, None)));
        assert_eq!(
            st("九月份：开学常规检查"),
            Some(("九月份".into(), None, 9, None))
        );
        assert_eq!(
            st("2025年1月"),
            Some(("2025年1月".into(), Some(2025), 1, None))
        );
        assert_eq!(st("9—10月"), Some(("9—10月".into(), None, 10, None)));
        assert_eq!(
            st("动员部署阶段（2022年3月—4月）"),
            Some(("2022年3月—4月".into(), Some(2022), 4, None))
        );
        assert_eq!(
            st("集中整治阶段（2022年5月至2023年6月15日）"),
            Some(("2022年5月至2023年6月15日".into(), Some(2023), 6, Some(15)))
        );
        assert_eq!(
            st("第二阶段：2023—2024年"),
            Some(("2023—2024年".into(), Some(2024), 12, None))
        );
        assert_eq!(st("第一季度"), Some(("第一季度".into(), None, 3, None)));
        assert_eq!(
            st("2023年6月底前"),
            Some(("2023年6月".into(), Some(2023), 6, None))
        );
        assert_eq!(
            st("2024年下半年"),
            Some(("2024年下半年".into(), Some(2024), 12, None))
        );
        for s in [
            "2023年工作回顾",
            "到2025年主要目标",
            "月份工作安排",
            "一月一评制度",
            "工作步骤",
            "加强十月份安全检查",
            "第一阶段",
        ] {
            assert_eq!(st(s), None, "{s}");
        }
    }

    /// A heading of aims dates the targets under it by the time it names; a past one does not.
    #[test]
    fn a_heading_of_aims_dates_its_targets() {
        let a = |t: &str| {
            let anchor = Anchor {
                plan_year: Some(2026),
                period: None,
            };
            aims_time(t, anchor).map(|d| (d.raw, d.due))
        };
        assert_eq!(
            a("“十五五”时期主要目标和重大举措"),
            Some(("“十五五”时期".into(), "2030-12-31".into()))
        );
        assert_eq!(
            a("“十五五”主要目标任务"),
            Some(("“十五五”".into(), "2030-12-31".into()))
        );
        assert_eq!(
            a("2026年重点工作"),
            Some(("2026年".into(), "2026-12-31".into()))
        );
        for t in [
            "“十四五”时期主要目标完成情况",
            "“十五五”时期发展环境",
            "扩大有效投资",
        ] {
            assert_eq!(a(t), None, "{t}");
        }
        let plan = "2026年某省政府工作报告\n一、2025年工作回顾\n全省生产总值增长5.2%。\n二、“十五五”时期主要目标和重大举措\n一是推动产业升级。规模以上工业增加值年均增长6.5%左右。\n";
        let an = crate::analyze(plan);
        assert_eq!(
            deadline_of(&an, "6.5%左右"),
            d("“十五五”时期", "2030-12-31")
        );
    }

    /// The deadline and due date of the target written `text` in `a`.
    fn deadline_of(a: &crate::model::Analysis, text: &str) -> (Option<String>, Option<String>) {
        let t = a
            .targets
            .iter()
            .find(|t| t.text == text)
            .unwrap_or_else(|| panic!("no target {text}: {:?}", a.targets));
        (
            t.deadline.as_deref().map(String::from),
            t.due.as_deref().map(String::from),
        )
    }

    fn d(raw: &str, due: &str) -> (Option<String>, Option<String>) {
        (Some(raw.to_string()), Some(due.to_string()))
    }

    /// A whole-year phrase that opens a section's body (`到2025年，`) dates the goals under it
    /// and after it that print no time; a past year, a month and a phrase later in the body do
    /// not.
    #[test]
    fn a_year_that_opens_a_section_dates_its_goals() {
        let plan = "某县“十四五”卫生健康规划（2021—2025年）\n第一章 发展基础\n2020年，全县人均预期寿命达到78.2岁。\n第二章 发展目标\n到2025年，基本建成整合型服务体系。具体目标：\n（1）每千人口执业医师数达到3.2人；\n（2）县域内就诊率达到90%。\n第三章 主要任务\n一、优化资源布局\n6月底前，完成规划编制。新增床位300张。\n二、强化公共卫生\n具体目标：到2025年，免疫接种率保持在95%以上。管理率均达到70%。\n";
        let a = crate::analyze(plan);
        let due = |text: &str| deadline_of(&a, text);
        assert_eq!(due("3.2人"), d("到2025年", "2025-12-31"));
        assert_eq!(due("90%"), d("到2025年", "2025-12-31"));
        assert_eq!(due("300张"), (None, None));
        assert_eq!(due("70%"), (None, None));
        let lead = |s: &str| {
            let anchor = Anchor {
                plan_year: Some(2021),
                period: None,
            };
            lead_time(s, anchor).map(|d| (d.raw, d.due))
        };
        assert_eq!(
            lead("\n到2025年,基本建成"),
            Some(("到2025年".into(), "2025-12-31".into()))
        );
        assert_eq!(
            lead("。2024年底前,完成"),
            Some(("2024年底前".into(), "2024-12-31".into()))
        );
        for s in [
            "2020年,全县",
            "6月底前,完成",
            "到2025年基本建成",
            "具体目标:到2025年,",
            "",
        ] {
            assert_eq!(lead(s), None, "{s}");
        }
    }

    /// Targets under month and phase headings get the section's time; a month run that turns
    /// back moves into the next year, and so does a yearless month phrase inside it.
    #[test]
    fn targets_inherit_the_time_of_their_section() {
        let plan = "某校2024年秋季学期工作计划\n一、工作目标\n教师培训覆盖率达到100%。\n二、月度安排\n（一）九月份\n完成常规检查学校30所。\n（二）十二月\n完成课题结题10项。\n（三）一月\n评出优秀论文15篇，1月20日前上报成绩，寒假前完成家访200户。\n三、实施步骤\n（一）动员部署阶段（2024年3月—4月）\n完成80个行政村摸底调查，4月15日前确定联络员3名。\n";
        let a = crate::analyze(plan);
        let due = |text: &str| deadline_of(&a, text);
        assert_eq!(due("100%"), (None, None));
        assert_eq!(due("30所"), d("九月份", "2024-09-30"));
        assert_eq!(due("10项"), d("十二月", "2024-12-31"));
        assert_eq!(due("15篇"), d("一月", "2025-01-31"));
        assert!(
            a.targets
                .iter()
                .any(|t| t.due.as_deref() == Some("2025-01-20")),
            "{:?}",
            a.targets
        );
        assert_eq!(due("80个"), d("2024年3月—4月", "2024-04-30"));
        assert!(
            a.targets
                .iter()
                .any(|t| t.deadline.as_deref() == Some("寒假前")
                    && t.due.as_deref() == Some("2025-01-31")),
            "{:?}",
            a.targets
        );
        // a phrase of its own wins over the section's
        assert!(
            a.targets
                .iter()
                .any(|t| t.deadline.as_deref() == Some("4月15日前")
                    && t.due.as_deref() == Some("2024-04-15")),
            "{:?}",
            a.targets
        );
    }

    fn one(
        s: &str,
        py: Option<i32>,
        period: Option<(i32, i32)>,
    ) -> Option<(String, Option<String>)> {
        let a = Anchor {
            plan_year: py,
            period: period.map(|(from, to)| Period { from, to }),
        };
        find(s, a)
            .into_iter()
            .next()
            .map(|t| (s[t.range].to_string(), t.due))
    }

    #[test]
    fn resolves_against_the_plan_not_the_clock() {
        for (s, py, pp, text, due) in [
            (
                "2023年底前完成调整",
                Some(2023),
                None,
                "2023年底前",
                "2023-12-31",
            ),
            (
                "到2024年,高标准创成",
                None,
                Some((2022, 2024)),
                "到2024年",
                "2024-12-31",
            ),
            (
                "年内新增结对学校6所",
                Some(2022),
                None,
                "年内",
                "2022-12-31",
            ),
            ("全年计划创建", Some(2020), None, "全年", "2020-12-31"),
            // quarters and halves of the plan year
            (
                "第三季度前建成示范点20个",
                Some(2024),
                None,
                "第三季度前",
                "2024-09-30",
            ),
            (
                "三季度末前完成",
                Some(2024),
                None,
                "三季度末前",
                "2024-09-30",
            ),
            (
                "第一季度完成摸底",
                Some(2024),
                None,
                "第一季度",
                "2024-03-31",
            ),
            ("上半年完成招聘", Some(2024), None, "上半年", "2024-06-30"),
            (
                "三年内建设15-20所",
                None,
                Some((2022, 2024)),
                "三年内",
                "2024-12-31",
            ),
            ("三年内建设", Some(2023), None, "三年内", "2025-12-31"),
            (
                "秋学期起,起始年级",
                Some(2022),
                None,
                "秋学期起",
                "2022-09-01",
            ),
            (
                "2022年秋学期开学前,完成",
                Some(2022),
                None,
                "2022年秋学期开学前",
                "2022-08-31",
            ),
            ("6月底前完成", Some(2023), None, "6月底前", "2023-06-30"),
            (
                "2025年上半年建成",
                Some(2025),
                None,
                "2025年上半年",
                "2025-06-30",
            ),
            ("“十四五”期间新增", None, None, "“十四五”期间", "2025-12-31"),
            ("明年开工", Some(2024), None, "明年", "2025-12-31"),
            // PDF text spaces out its numbers
            (
                "于 1 月 24 日前将名单报至",
                Some(2025),
                None,
                "1 月 24 日前",
                "2025-01-24",
            ),
            (
                "请于 2025 年 1 月 24 日前报送",
                Some(2025),
                None,
                "2025 年 1 月 24 日前",
                "2025-01-24",
            ),
        ] {
            assert_eq!(
                one(s, py, pp),
                Some((text.to_string(), Some(due.to_string()))),
                "{s}"
            );
        }
    }

    #[test]
    fn year_labels_are_not_time_limits() {
        assert_eq!(one("2023年是全面贯彻的开局之年", Some(2023), None), None);
        assert_eq!(one("(2022-2024年)", Some(2022), None), None);
        assert_eq!(one("2013年以来", Some(2023), None), None);
        assert_eq!(one("《规程》(2021年修订)", Some(2023), None), None);
        assert_eq!(one("(2022年版)", Some(2023), None), None);
        assert_eq!(
            one("市政府办公室 2024年1月25日印发", Some(2024), None),
            None
        );
        assert_eq!(one("本方案自2024年3月1日起施行", Some(2024), None), None);
        assert_eq!(one("年内创建", None, None), Some(("年内".into(), None)));
        // a school break or a season dates a task but names no day
        assert_eq!(
            one("寒假前开展安全教育", Some(2024), None),
            Some(("寒假前".into(), None))
        );
        assert_eq!(
            one("汛期前完成隐患排查", Some(2024), None),
            Some(("汛期前".into(), None))
        );
    }
}
