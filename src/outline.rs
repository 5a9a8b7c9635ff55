//! The heading hierarchy of the plan body.
//!
//! Levels come from a stack, not from fixed depths (domain guide §2.4): a marker of a family
//! already on the stack closes everything above it; a new family opens a child level. So `一、` →
//! `1.` nests `1.` at level 2, and `一、` → `(一)` → `1.` nests `1.` at level 3.
//!
//! First version: line-initial markers of the four GB/T 9704 families.

use crate::model::{OutlineNode, Warning};
use crate::tables::TableBlock;
use crate::text::Text;
use regex::Regex;
use std::ops::Range;
use std::sync::OnceLock;

/// The outline and what the target stage must not read as quantities.
#[derive(Debug, Clone, Default)]
pub struct Outline {
    pub nodes: Vec<OutlineNode>,
    /// Byte ranges of `Text::clean` holding heading markers (`1.`, `(十一)`), which are not values.
    pub marker_ranges: Vec<Range<usize>>,
    pub warnings: Vec<Warning>,
}

/// A heading marker family. The derive order is the GB/T 9704 tie-break order.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Family {
    CjkEnum,
    ParenCjk,
    ArabicDot,
    ParenArabic,
}

/// Marker patterns, one row per family: (family, pattern with the numeral as group 1).
const MARKERS: &[(Family, &str)] = &[
    (Family::CjkEnum, r"^([一二三四五六七八九十]{1,3})\s*[、.,]"),
    (
        Family::ParenCjk,
        r"^\(\s*([一二三四五六七八九十]{1,3})\s*\)\s*、?",
    ),
    (Family::ArabicDot, r"^(\d{1,3})\s*[.、,]"),
    (Family::ParenArabic, r"^\(\s*(\d{1,3})\s*\)"),
];

fn markers() -> &'static [(Family, Regex)] {
    static RE: OnceLock<Vec<(Family, Regex)>> = OnceLock::new();
    RE.get_or_init(|| {
        MARKERS
            .iter()
            .map(|(f, p)| (*f, Regex::new(p).expect("marker pattern")))
            .collect()
    })
}

/// Value of a CJK numeral from 一 to 九十九.
pub fn cjk_ordinal(s: &str) -> Option<u32> {
    let d = |c: char| "一二三四五六七八九".find(c).map(|i| i as u32 / 3 + 1);
    let cs: Vec<char> = s.chars().collect();
    match cs.as_slice() {
        [a] if *a == '十' => Some(10),
        [a] => d(*a),
        ['十', b] => Some(10 + d(*b)?),
        [a, '十'] => Some(d(*a)? * 10),
        [a, '十', b] => Some(d(*a)? * 10 + d(*b)?),
        _ => None,
    }
}

struct Flat {
    level: u32,
    marker: Range<usize>,
    title: Range<usize>,
    ordinal: Option<u32>,
    start: usize,
}

/// Builds the outline of `body`, skipping rebuilt tables.
pub fn build(t: &Text, body: Range<usize>, tables: &[TableBlock]) -> Outline {
    let mut flat: Vec<Flat> = Vec::new();
    let mut stack: Vec<Family> = Vec::new();
    for r in t.lines() {
        if r.start < body.start
            || r.end > body.end
            || tables.iter().any(|b| b.range.contains(&r.start))
        {
            continue;
        }
        let line = &t.clean[r.clone()];
        let Some((fam, m, num)) = markers().iter().find_map(|(f, re)| {
            re.captures(line)
                .map(|c| (*f, c.get(0).map_or(0..0, |m| m.range()), c[1].to_string()))
        }) else {
            continue;
        };
        let rest = &line[m.end..];
        // `1.5%` or `3.0` are numbers, not markers.
        if fam == Family::ArabicDot && rest.starts_with(|c: char| c.is_ascii_digit()) {
            continue;
        }
        if rest.trim().is_empty() {
            continue;
        }
        let ordinal = num.parse().ok().or_else(|| cjk_ordinal(&num));
        if let Some(pos) = stack.iter().position(|f| *f == fam) {
            stack.truncate(pos + 1);
        } else {
            stack.push(fam);
        }
        let title_end = rest.find(['。', ';']).unwrap_or(rest.len());
        let title = r.start + m.end..r.start + m.end + title_end;
        flat.push(Flat {
            level: stack.len() as u32,
            marker: r.start + m.start..r.start + m.end,
            title,
            ordinal,
            start: r.start,
        });
    }
    let mut ends = vec![body.end; flat.len()];
    for i in 0..flat.len() {
        if let Some(j) = (i + 1..flat.len()).find(|&j| flat[j].level <= flat[i].level) {
            ends[i] = flat[j].start;
        }
    }
    let nodes: Vec<(u32, OutlineNode)> = flat
        .iter()
        .zip(&ends)
        .map(|(f, &end)| {
            let mut content_end = end;
            while content_end > f.start && t.clean.as_bytes()[content_end - 1] == b'\n' {
                content_end -= 1;
            }
            let node = OutlineNode {
                level: f.level,
                marker: t.display(f.marker.clone()),
                ordinal: f.ordinal,
                title: t.display(f.title.clone()).trim().to_string(),
                span: t.span(f.start..content_end),
                title_span: t.span(f.title.clone()),
                children: Vec::new(),
            };
            (f.level, node)
        })
        .collect();
    Outline {
        nodes: nest(nodes),
        marker_ranges: flat.iter().map(|f| f.marker.clone()).collect(),
        warnings: Vec::new(),
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
    use crate::clean::clean;

    #[test]
    fn stack_levels_follow_first_use() {
        let src = "一、总体要求\n1.强化思想武装。切实抓好。\n2.夯实基层党建。\n二、主要任务\n3.增加学位。新增1.5万个。";
        let t = clean(src);
        let o = build(&t, 0..t.clean.len(), &[]);
        assert_eq!(o.nodes.len(), 2);
        assert_eq!(o.nodes[0].children.len(), 2);
        assert_eq!(o.nodes[0].children[0].title, "强化思想武装");
        assert_eq!(o.nodes[1].children[0].level, 2);
        assert_eq!(o.nodes[1].children[0].ordinal, Some(3));
    }

    #[test]
    fn cjk_ordinals() {
        assert_eq!(cjk_ordinal("十二"), Some(12));
        assert_eq!(cjk_ordinal("三十三"), Some(33));
        assert_eq!(cjk_ordinal("十"), Some(10));
        assert_eq!(cjk_ordinal("零"), None);
    }
}
