//! Is a sentence in the plan's own forward-looking voice? (docs/domain.md#trap-retrospect)
//!
//! A 政府工作报告 spends half its length on 过去一年工作回顾: full of numbers (`全年城镇新增就业1244万人`)
//! that are statistics, not targets, often with no past-tense marker at all. So the section decides
//! first — a heading from [`crate::targets::lexicon::RETRO_HEADINGS`] (from the outline, or a top-level
//! heading line when the outline missed it) or a paragraph opened by `过去一年` makes everything up
//! to the next top-level heading retrospective. Inside forward sections, a clause with a
//! perfective marker (`完成了`, `已`), a past year or a forecast word (`预计`) is left out too.

use crate::model::OutlineNode;
use crate::rx::Regex;
use crate::targets::lexicon::{LazySet, RETRO_HEADINGS, RETRO_OPENERS};
use crate::text::Text;
use std::ops::Range;
use std::sync::OnceLock;

/// Retrospective parts of one plan.
#[derive(Debug, Default)]
pub struct Retro {
    /// Char spans (original offsets) of retrospective outline sections.
    sections: Vec<[usize; 2]>,
    /// Byte ranges of `Text::clean` found retrospective line by line.
    lines: Vec<Range<usize>>,
}

/// Heading lines by level: 1 = `一、`, `第一章`, `第一部分`; 2 = `第一节`, `(一)`.
fn heading_level(line: &str) -> Option<(u8, usize)> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::new(
            r"^(?:(?P<l1>[一二三四五六七八九十]{1,3}[、.]|第[一二三四五六七八九十]{1,3}(?:章|部分|篇))|(?P<l2>第[一二三四五六七八九十]{1,3}节|\([一二三四五六七八九十]{1,3}\)))",
        )
        .expect("heading pattern")
    });
    let c = re.captures(line)?;
    let m = c.get(0)?;
    Some((if c.name("l1").is_some() { 1 } else { 2 }, m.end()))
}

/// Words of a title that sets aims: such a section is no review as a whole.
static AIMS: LazySet = LazySet::new(&["目标", "任务", "要求", "举措", "安排", "重点工作"]);

/// Longest unnumbered line (chars) read as a part title.
const BARE_TITLE_MAX: usize = 40;

/// An unnumbered line that stands as a title: short, with no sentence or clause punctuation.
fn bare_heading(line: &str) -> Option<&str> {
    let line = line.trim();
    let n = line.chars().count();
    let punct = |c: char| "。；，,;：:！？!?".contains(c);
    (4..=BARE_TITLE_MAX)
        .contains(&n)
        .then_some(line)
        .filter(|l| !l.contains(punct))
}

/// How far into a section's first paragraph (chars) a look back may be announced.
const OPENING_REACH: usize = 40;

/// Does a paragraph open by looking back: a review opener near its start, or a sentence about a
/// year before the plan year (`2025年是…收官之年`)?
fn opens_past(line: &str, plan_year: Option<i32>) -> bool {
    let head: String = line.chars().take(OPENING_REACH).collect();
    if RETRO_OPENERS.iter().any(|w| head.contains(w)) {
        return true;
    }
    let digits: String = line.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.len() == 4
        && line[4..].starts_with("年是")
        && plan_year.is_some_and(|py| digits.parse::<i32>().is_ok_and(|y| y < py))
}

/// Does a heading title name a retrospective section (`2023年工作回顾`, `发展基础`)? A title that
/// names a year before the plan year and 工作 (`2023年工作情况` in a 2024 report) counts too.
pub fn retro_title(title: &str, plan_year: Option<i32>) -> bool {
    // one scan of the title per word table, not one substring search per row: this runs on
    // every heading-shaped line, a numbered paragraph's whole text included
    static REVIEWS: LazySet = LazySet::new(RETRO_HEADINGS);
    // 发展环境与目标: a chapter that also sets the aims is not a review as a whole
    if AIMS.get().any_in(title) {
        return false;
    }
    if REVIEWS.get().any_in(title) {
        return true;
    }
    let Some(py) = plan_year else { return false };
    let digits: String = title.chars().take_while(|c| c.is_ascii_digit()).collect();
    digits.len() == 4
        && digits.parse::<i32>().is_ok_and(|y| y < py)
        && title.contains("工作")
        && !title.contains("目标")
}

impl Retro {
    pub fn new(
        t: &Text,
        body: Range<usize>,
        outline: &[OutlineNode],
        plan_year: Option<i32>,
    ) -> Retro {
        let mut sections = Vec::new();
        let mut stack: Vec<&OutlineNode> = outline.iter().collect();
        while let Some(n) = stack.pop() {
            if retro_title(&n.title, plan_year) {
                sections.push(n.span);
            } else {
                stack.extend(n.children.iter());
            }
        }
        let mut lines = Vec::new();
        // (start, level of the heading that opened it; openers close at the next top heading)
        let mut open: Option<(usize, u8)> = None;
        // a top heading whose first paragraph is still to be read: a section that opens by
        // looking back (`2025年是“十四五”收官之年。一年来，…`) is a review whatever its title
        let mut fresh_top: Option<usize> = None;
        for r in t.lines() {
            if r.end <= body.start || r.start >= body.end {
                continue;
            }
            let line = t.clean[r.clone()].trim_start();
            if let Some(at) = fresh_top.take() {
                if open.is_none() && heading_level(line).is_none() && opens_past(line, plan_year) {
                    open = Some((at, 1));
                }
            }
            if let Some((level, end)) = heading_level(line) {
                if level == 1 {
                    fresh_top = Some(r.start);
                }
                if let Some((s, l)) = open {
                    if level <= l {
                        lines.push(s..r.start);
                        open = None;
                    }
                }
                if open.is_none() && retro_title(line[end..].trim(), plan_year) {
                    open = Some((r.start, level));
                }
            } else if let Some(title) = bare_heading(line) {
                // a report's unnumbered part titles (`“十四五”时期发展成就和2025年工作回顾` …
                // `“十五五”时期主要目标和2026年重点工作`) open and close a review like a top heading
                let review = retro_title(title, plan_year);
                match open {
                    Some((s, 1)) if !review && AIMS.get().any_in(title) => {
                        lines.push(s..r.start);
                        open = None;
                    }
                    None if review => open = Some((r.start, 1)),
                    _ => {}
                }
            } else if open.is_none() && RETRO_OPENERS.iter().any(|w| line.starts_with(w)) {
                open = Some((r.start, 1));
            }
        }
        if let Some((s, _)) = open {
            lines.push(s..body.end);
        }
        Retro { sections, lines }
    }

    /// Is byte `b` of `t.clean` inside a retrospective section?
    pub fn at(&self, t: &Text, b: usize) -> bool {
        if self.lines.iter().any(|r| r.contains(&b)) {
            return true;
        }
        let c = t.orig_offset(b);
        self.sections.iter().any(|s| s[0] <= c && c < s[1])
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::clean::clean;

    #[test]
    fn retrospective_titles() {
        assert!(retro_title("2023年工作回顾", Some(2024)));
        assert!(retro_title("发展基础", None));
        assert!(retro_title("2023年工作情况", Some(2024)));
        assert!(!retro_title("2024年工作任务", Some(2024)));
        assert!(!retro_title("推进基础教育优质均衡发展", Some(2024)));
        assert!(!retro_title("2023年主要目标", Some(2024)));
    }

    #[test]
    fn review_section_runs_to_the_next_top_heading() {
        let src = "一、2023年工作回顾\n全年城镇新增就业1244万人。\n（一）经济回升向好\n增长5.2%。\n二、2024年政府工作任务\n城镇新增就业1200万人左右。";
        let t = clean(src);
        let r = Retro::new(&t, 0..t.clean.len(), &[], Some(2024));
        let at = |s: &str| r.at(&t, t.clean.find(s).expect("in text"));
        assert!(at("1244"));
        assert!(at("5.2%"));
        assert!(!at("1200"));
    }

    #[test]
    fn a_review_subsection_closes_at_the_next_subsection() {
        let src = "第一章 发展环境与目标\n第一节 发展基础\n全市建成5G基站6000个。\n第二节 发展目标\n到2025年建成5G基站2万个。";
        let t = clean(src);
        let r = Retro::new(&t, 0..t.clean.len(), &[], Some(2021));
        assert!(r.at(&t, t.clean.find("6000").expect("in text")));
        assert!(!r.at(&t, t.clean.find("2万").expect("in text")));
    }

    #[test]
    fn unnumbered_part_titles_open_and_close_a_review() {
        let src = "“十四五”时期发展成就和2025年工作回顾\n——这五年经济总量达到2.67万亿元。\n“十五五”时期主要目标和2026年重点工作\n今年地区生产总值增长5%左右。";
        let t = clean(src);
        let r = Retro::new(&t, 0..t.clean.len(), &[], Some(2026));
        assert!(r.at(&t, t.clean.find("2.67").expect("in text")));
        assert!(!r.at(&t, t.clean.find("5%").expect("in text")));
    }

    #[test]
    fn a_section_that_opens_by_looking_back_is_a_review() {
        let src = "一、新福建建设持续取得新进展新成效\n2025年是“十四五”收官之年。一年来，我们扎实工作。\n新增上市公司16家。\n二、2026年主要工作\n今年新增上市公司10家。";
        let t = clean(src);
        let r = Retro::new(&t, 0..t.clean.len(), &[], Some(2026));
        assert!(r.at(&t, t.clean.find("16家").expect("in text")));
        assert!(!r.at(&t, t.clean.find("10家").expect("in text")));
    }

    #[test]
    fn opener_paragraph_is_retrospective() {
        let src = "过去一年,全市新增学位5000个。\n一、主要任务\n新增学位6000个。";
        let t = clean(src);
        let r = Retro::new(&t, 0..t.clean.len(), &[], Some(2024));
        assert!(r.at(&t, t.clean.find("5000").expect("in text")));
        assert!(!r.at(&t, t.clean.find("6000").expect("in text")));
    }
}
