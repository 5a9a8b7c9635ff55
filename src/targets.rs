//! Targets: every measurable commitment, normalised (domain guide §4).
//!
//! First version: a number (Arabic or Chinese) with a measure word or unit, an optional range and
//! the comparator words right around it.

use crate::model::{Comparator, OutlineNode, Period, Target, TargetKind};
use crate::numerals::parse_number;
use crate::tables::TableBlock;
use crate::text::Text;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

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

const QUANTITY: &str = r"(不少于|不低于|至少|超过|超|不超过|达到|达)?(\d+(?:,\d{3})*(?:\.\d+)?|[一二两三四五六七八九十百千万]+)(?:\s*[-—~～至]\s*(\d+(?:\.\d+)?))?\s*(个百分点|%|所|个|名|项|人|家|支|期|场|次|条|座|批|台|万元|亿元)(以上|以内|左右)?";

fn quantity() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(QUANTITY).expect("quantity pattern"))
}

/// Extracts the targets of the plan body.
pub fn extract(cx: &Context) -> Vec<Target> {
    let t = cx.text;
    let body = t.clamp(cx.body.clone());
    let hay = &t.clean[body.clone()];
    let mut out = Vec::new();
    for c in quantity().captures_iter(hay) {
        let m = c.get(0).map_or(0..0, |m| m.range());
        let abs = body.start + m.start..body.start + m.end;
        if cx
            .skip
            .iter()
            .any(|s| s.start < abs.end && abs.start < s.end)
        {
            continue;
        }
        let Some(value) = c.get(2).and_then(|n| parse_number(n.as_str())) else {
            continue;
        };
        let unit = c.get(4).map(|u| u.as_str().to_string());
        let kind = match unit.as_deref() {
            Some("%") => TargetKind::Percent,
            Some("个百分点") => TargetKind::Change,
            Some("万元" | "亿元") => TargetKind::Money,
            _ => TargetKind::Count,
        };
        let clause = clause_around(&t.clean, abs.clone());
        let mut tg = Target::new(
            t.original(t.span(abs.clone())),
            t.span(abs),
            t.span(clause),
            kind,
        );
        tg.unit = unit;
        let hi = c.get(3).and_then(|n| parse_number(n.as_str()));
        tg.comparator = Some(
            match (
                c.get(1).map(|m| m.as_str()),
                c.get(5).map(|m| m.as_str()),
                hi,
            ) {
                (_, _, Some(_)) => Comparator::Range,
                (Some("不少于" | "不低于" | "至少"), _, _) | (_, Some("以上"), _) => {
                    Comparator::Gte
                }
                (Some("超过" | "超"), _, _) => Comparator::Gt,
                (Some("不超过"), _, _) | (_, Some("以内"), _) => Comparator::Lte,
                (_, Some("左右"), _) => Comparator::Approx,
                _ => Comparator::Eq,
            },
        );
        match hi {
            Some(h) => tg.range = Some([value, h]),
            None => tg.value = Some(value),
        }
        out.push(tg);
    }
    out
}

/// The clause around a byte range: from the previous to the next sentence or clause break.
fn clause_around(s: &str, r: Range<usize>) -> Range<usize> {
    const BREAKS: &[char] = &['。', ';', '!', '?', '\n', ',', '!'];
    let start = s[..r.start]
        .rfind(BREAKS)
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    let end = s[r.end..].find(BREAKS).map_or(s.len(), |i| r.end + i);
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::clean::clean;

    fn run(src: &str) -> Vec<Target> {
        let t = clean(src);
        extract(&Context {
            text: &t,
            body: 0..t.clean.len(),
            plan_year: None,
            period: None,
            outline: &[],
            skip: &[],
            tables: &[],
        })
    }

    #[test]
    fn counts_percentages_ranges() {
        let ts = run("计划增加学位超12000个,争创4—5所市优质园,覆盖率不低于６５％。");
        assert_eq!(ts.len(), 3);
        assert_eq!(
            (ts[0].value, ts[0].comparator),
            (Some(12000.0), Some(Comparator::Gt))
        );
        assert_eq!(ts[1].range, Some([4.0, 5.0]));
        assert_eq!(ts[2].text, "不低于６５％");
        assert_eq!(ts[2].comparator, Some(Comparator::Gte));
    }
}
