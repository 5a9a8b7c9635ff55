//! Tasks of a timetable (domain guide §4.3). Under a heading that is a date — a 时间节点 section's
//! `（一）2023年6月底前`, a month of a school's 行事历 (`三月份`), a dated phase
//! (`动员部署阶段（2022年3月—4月）`), see [`crate::deadlines::section_time`] — every task is a
//! dated deliverable due by the heading's date, with or without 前, 底 or 完成 in its words:
//! `完成全市岸电设施普查。启动联合执法专项行动。` are two. A task is a sentence that opens with a
//! verb of work ([`crate::lexicon::DELIVERABLE_VERBS`], [`crate::lexicon::SCHEDULE_VERBS`]) and
//! holds no target yet. Their deadline and due are given afterwards by
//! [`crate::deadlines::inherit`], as for any target under a dated heading.

use crate::lexicon::{LazySet, DELIVERABLE_VERBS, SCHEDULE_VERBS};
use crate::model::{OutlineNode, Target, TargetKind};
use crate::text::Text;
use std::ops::Range;

static DELIVER: LazySet = LazySet::new(DELIVERABLE_VERBS);
static SCHEDULE: LazySet = LazySet::new(SCHEDULE_VERBS);

/// The tasks under dated headings that no target in `targets` covers, as dated deliverables
/// without a deadline of their own.
pub fn tasks(text: &Text, nodes: &[OutlineNode], targets: &[Target]) -> Vec<Target> {
    let mut dated: Vec<Range<usize>> = Vec::new();
    dated_bodies(text, nodes, &mut dated);
    let mut out = Vec::new();
    for (i, body) in dated.iter().enumerate() {
        // a dated heading inside this one reads its own tasks
        let inner: Vec<&Range<usize>> = dated
            .iter()
            .enumerate()
            .filter(|&(j, r)| j != i && body.start <= r.start && r.end <= body.end)
            .map(|(_, r)| r)
            .collect();
        for s in crate::clauses::sentences(text, body.clone()) {
            if inner.iter().any(|r| r.contains(&s.range.start)) {
                continue;
            }
            let span = text.span(s.range.clone());
            let covered = targets
                .iter()
                .chain(&out)
                .any(|t| t.span[0] < span[1] && span[0] < t.span[1]);
            if covered {
                continue;
            }
            if let Some(tg) = task(text, s.range.clone()) {
                out.push(tg);
            }
        }
    }
    out
}

/// The body ranges (bytes of `text.clean`, after the heading line) of every dated heading.
fn dated_bodies(text: &Text, nodes: &[OutlineNode], out: &mut Vec<Range<usize>>) {
    for n in nodes {
        if crate::deadlines::section_time(&n.title).is_some() {
            let from = text.clean_offset(n.title_span[1]);
            let to = text.clean_offset(n.span[1]);
            if from < to {
                out.push(from..to);
            }
        }
        dated_bodies(text, &n.children, out);
    }
}

/// The sentence at `r` as a task, if it opens (after a list marker) with a verb of work.
fn task(text: &Text, r: Range<usize>) -> Option<Target> {
    let s = &text.clean[r.clone()];
    let start = r.start + marker_len(s);
    let body = text.clean.get(start..r.end)?.trim_start();
    let start = r.end - body.len();
    let end = [DELIVER.get(), SCHEDULE.get()]
        .iter()
        .filter_map(|set| set.longest_at(body, 0))
        .map(|(_, end)| end)
        .max()?;
    let object: String = body[end..]
        .chars()
        .take_while(|c| !",;:。".contains(*c))
        .take(30)
        .collect();
    if object.trim().is_empty() {
        return None;
    }
    let span = text.span(start..r.end);
    let mut tg = Target::new(text.original(span), span, span, TargetKind::Deadline);
    tg.action = Some(body[..end].to_string());
    tg.subject = Some(object.trim().to_string());
    Some(tg)
}

/// The length of a list marker that opens `s` (`1.`, `（2）`, `三、`, `①`), with the spaces after
/// it; 0 when there is none.
fn marker_len(s: &str) -> usize {
    let t = s.trim_start();
    let lead = s.len() - t.len();
    let digits = t
        .char_indices()
        .take_while(|(_, c)| c.is_ascii_digit() || "一二三四五六七八九十".contains(*c))
        .last()
        .map_or(0, |(i, c)| i + c.len_utf8());
    let m = if digits > 0 && t[digits..].starts_with(['.', '、', '．']) {
        digits + t[digits..].chars().next().map_or(0, char::len_utf8)
    } else if t.starts_with('(') {
        t.find(')').map_or(0, |i| i + 1)
    } else if t.starts_with(|c: char| ('①'..='⑳').contains(&c)) {
        t.chars().next().map_or(0, char::len_utf8)
    } else {
        0
    };
    lead + m
}

#[cfg(test)]
mod tests {
    /// Every task under a dated heading is a dated deliverable due by the heading's date; a task
    /// that already holds a number stays that number's target, and text under other headings
    /// gives nothing.
    #[test]
    fn tasks_under_dated_headings_are_dated_deliverables() {
        let plan = "某市港口岸电推广应用工作方案\n一、工作目标\n完成岸电改造。\n二、时间节点\n（一）2023年6月底前\n完成全市岸电设施普查。启动联合执法专项行动。\n（二）2023年12月底前\n新建岸电设施20套。\n";
        let a = crate::analyze(plan);
        let got: Vec<_> = a
            .targets
            .iter()
            .map(|t| (t.kind, t.subject.as_deref(), t.due.as_deref()))
            .collect();
        use crate::model::TargetKind::*;
        assert_eq!(
            got,
            vec![
                (Deadline, Some("全市岸电设施普查"), Some("2023-06-30")),
                (Deadline, Some("联合执法专项行动"), Some("2023-06-30")),
                (Count, Some("岸电设施"), Some("2023-12-31")),
            ]
        );
    }

    #[test]
    fn list_markers() {
        for (s, n) in [
            ("1.组织报名", 2),
            ("（2）召开会议", 3),
            ("三、总结", 6),
            ("组织", 0),
        ] {
            let t = crate::clean::clean(s);
            assert_eq!(super::marker_len(&t.clean), n, "{s}");
        }
    }
}
