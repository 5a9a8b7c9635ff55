//! Document elements (GB/T 9704 parts that survive in plain text) and where the plan body is.
//!
//! First version: the plan title (a short early line ending in a plan-type word, optionally with a
//! parenthesised period), the period and plan year it implies, and the last 成文日期-shaped line.

use crate::model::{Document, Period, Warning};
use crate::text::Text;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// What [`extract`] finds.
#[derive(Debug, Clone)]
pub struct Elements {
    pub document: Document,
    /// Byte range of `Text::clean` that holds the plan body (where headings and targets are).
    pub body: Range<usize>,
    /// The plan's own year (工作要点 for 2023 → 2023); for a multi-year plan, its first year.
    pub plan_year: Option<i32>,
    /// Byte ranges inside `body` that are document elements, not plan text (附件 lists,
    /// signatures, dates, 抄送): no headings and no targets there.
    pub skip: Vec<Range<usize>>,
    pub warnings: Vec<Warning>,
}

/// Words a plan title ends with (before an optional parenthesised period).
const PLAN_TITLE: &str = r"(?:工作要点|工作计划|要点|计划|行动方案|实施方案|方案|规划|纲要|行动计划|实施意见|实施细则|办法|报告)\s*(?:\(\s*(?:19|20)\d{2}\s*[-—–~至]\s*(?:19|20)\d{2}\s*年?\s*\))?$";

fn re(cell: &'static OnceLock<Regex>, pat: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pat).expect("element pattern"))
}

fn plan_title() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, PLAN_TITLE)
}

fn period_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"((?:19|20)\d{2})\s*[-—–~至]\s*((?:19|20)\d{2})")
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(&RE, r"((?:19|20)\d{2})\s*年")
}

fn date_line() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    re(
        &RE,
        r"^((?:19|20)\d{2})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日$",
    )
}

/// Finds the document elements of `t`.
pub fn extract(t: &Text) -> Elements {
    let mut doc = Document::default();
    let mut body = 0..t.clean.len();
    for (i, r) in t
        .lines()
        .enumerate()
        .filter(|(_, r)| !r.is_empty())
        .take(40)
    {
        let line = &t.clean[r.clone()];
        if line.chars().count() <= 60
            && !line.contains('。')
            && plan_title().is_match(line)
            && !line.ends_with("通知")
        {
            doc.title = Some(t.display(r.clone()));
            body.start = r.end;
            let _ = i;
            break;
        }
    }
    if let Some(title) = &doc.title {
        if let Some(c) = period_re().captures(title) {
            let (a, b) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
            if a <= b && b - a <= 20 {
                doc.period = Some(Period { from: a, to: b });
            }
        }
    }
    let plan_year = doc.period.map(|p| p.from).or_else(|| {
        doc.title
            .as_deref()
            .and_then(|s| year_re().captures(s))
            .and_then(|c| c[1].parse().ok())
    });
    for r in t.lines() {
        if let Some(c) = date_line().captures(&t.clean[r]) {
            let (m, d): (u32, u32) = (c[2].parse().unwrap_or(0), c[3].parse().unwrap_or(0));
            if (1..=12).contains(&m) && (1..=31).contains(&d) {
                doc.date = Some(format!("{}-{:02}-{:02}", &c[1], m, d));
            }
        }
    }
    Elements {
        document: doc,
        body,
        plan_year,
        skip: Vec::new(),
        warnings: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    #[test]
    fn title_period_and_date() {
        let t = clean(
            "武进区教育高质量发展三年行动方案（2022-2024年）\n一、指导思想\n……\n2022年3月7日",
        );
        let e = extract(&t);
        assert_eq!(
            e.document.title.as_deref(),
            Some("武进区教育高质量发展三年行动方案（2022-2024年）")
        );
        assert_eq!(
            e.document.period,
            Some(Period {
                from: 2022,
                to: 2024
            })
        );
        assert_eq!(e.plan_year, Some(2022));
        assert_eq!(e.document.date.as_deref(), Some("2022-03-07"));
    }
}
