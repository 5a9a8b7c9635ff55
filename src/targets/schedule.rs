//! Tasks of a timetable (docs/domain.md#dated-headings). Under a heading that is a date — a 时间节点 section's
//! `（一）2023年6月底前`, a month of a school's 行事历 (`三月份`), a dated phase
//! (`动员部署阶段（2022年3月—4月）`), see [`crate::targets::deadlines::section_time`] — every task is a
//! dated deliverable due by the heading's date, with or without 前, 底 or 完成 in its words:
//! `完成全市岸电设施普查。启动联合执法专项行动。` are two. A task is a sentence that opens with a
//! verb of work ([`crate::targets::lexicon::DELIVERABLE_VERBS`], [`crate::targets::lexicon::SCHEDULE_VERBS`]) and
//! holds no target yet. Their deadline and due are given afterwards by
//! [`crate::targets::deadlines::inherit`], as for any target under a dated heading.

use crate::model::{OutlineNode, Target, TargetKind};
use crate::rx::Regex;
use crate::targets::lexicon::{
    LazySet, DELIVERABLE_VERBS, PERIOD_ACTIVITIES, SAME_DAY_VERBS, SCHEDULE_VERBS,
};
use crate::text::{RangeSet, Text};
use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::OnceLock;

static DELIVER: LazySet = LazySet::new(DELIVERABLE_VERBS);
static SCHEDULE: LazySet = LazySet::new(SCHEDULE_VERBS);

/// The tasks under dated headings that no target in `targets` covers, as dated deliverables
/// without a deadline of their own.
pub fn tasks(text: &Text, nodes: &[OutlineNode], targets: &[Target]) -> Vec<Target> {
    let mut dated: Vec<Range<usize>> = Vec::new();
    dated_bodies(text, nodes, &mut dated);
    // Indexes made once: one scan of every dated body and every target per heading and per
    // sentence was quadratic in a timetable of many months.
    let mut by_start: Vec<usize> = (0..dated.len()).collect();
    crate::order::by_key(&mut by_start, |&i| dated[i].start as u64);
    let covered_by_targets = RangeSet::new(targets.iter().map(|t| t.span[0]..t.span[1]).collect());
    // the tasks found so far never overlap (a task is only taken where none is), so the one that
    // starts last before a span's end is the only one that may reach into it
    let mut taken: BTreeMap<usize, usize> = BTreeMap::new();
    let mut out = Vec::new();
    for (i, body) in dated.iter().enumerate() {
        // a dated heading inside this one reads its own tasks
        let first = by_start.partition_point(|&j| dated[j].start < body.start);
        let inner = RangeSet::new(
            by_start[first..]
                .iter()
                .take_while(|&&j| dated[j].start < body.end)
                .filter(|&&j| j != i && dated[j].end <= body.end)
                .map(|&j| dated[j].clone())
                .collect(),
        );
        for s in crate::targets::clauses::sentences(text, body.clone()) {
            if inner.contains(s.range.start) {
                continue;
            }
            let span = text.span(s.range.clone());
            let covered = covered_by_targets.overlaps(span[0]..span[1])
                || taken
                    .range(..span[1])
                    .next_back()
                    .is_some_and(|(_, &end)| span[0] < end);
            if covered {
                continue;
            }
            if let Some(tg) = task(text, s.range.clone()) {
                taken.insert(tg.span[0], tg.span[1]);
                out.push(tg);
            }
        }
    }
    out
}

/// Time limits on the plan's own activities that name no deadline word, each a dated deliverable
/// no target in `targets` covers: the period of an activity (`监测时间：2025 年 2 月 1 日至 12 月
/// 31 日`, due its last day) and a same-day limit on a report (`发现可疑病例应当天报告…`, due
/// 当天, no date).
pub fn limits(text: &Text, body: Range<usize>, targets: &[Target]) -> Vec<Target> {
    let Some(hay) = text.clean.get(body.clone()) else {
        return Vec::new();
    };
    let covered_by_targets = RangeSet::new(targets.iter().map(|t| t.span[0]..t.span[1]).collect());
    let mut out: Vec<Target> = Vec::new();
    for c in limit_re().captures_iter(hay) {
        let (Some(m), Some(when)) = (c.get(0), c.name("when").or(c.name("when2"))) else {
            continue;
        };
        let span = text.span(body.start + m.start()..body.start + m.end());
        if covered_by_targets.overlaps(span[0]..span[1]) {
            continue;
        }
        let mut tg = Target::new(text.original(span), span, span, TargetKind::Deadline);
        let when_span = text.span(body.start + when.start()..body.start + when.end());
        tg.deadline = Some(text.original(when_span).into());
        if let Some(w) = c.name("act") {
            tg.subject = Some(w.as_str().into());
            tg.due = period_end(&c).map(Into::into);
        } else if let Some(v) = c.name("verb") {
            tg.action = Some(v.as_str().into());
            tg.subject = c.name("obj").map(|o| o.as_str().into());
        }
        out.push(tg);
    }
    out
}

fn limit_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let acts = PERIOD_ACTIVITIES.join("|");
        let verbs = SAME_DAY_VERBS.join("|");
        let date = |y: &str, m: &str, d: &str| {
            format!(r"(?:(?P<{y}>(?:19|20)[0-9]{{2}})\s*年\s*)?(?P<{m}>1[0-2]|0?[1-9])\s*月\s*(?P<{d}>[0-3]?[0-9])\s*日")
        };
        let pattern = format!(
            r"(?P<act>{acts})\s*时间\s*[:：]\s*(?P<when>{}\s*(?:至|到|—|–|-|～|~)\s*{})|(?P<when2>当天|当日)(?P<verb>{verbs})(?P<obj>[^,;。:，；：\s]{{1,20}})",
            date("y1", "m1", "d1"),
            date("y2", "m2", "d2"),
        );
        crate::rx::new(&pattern).expect("limit pattern")
    })
}

/// The last day of a stated period: its second date, in the first date's year when it names none.
fn period_end(c: &crate::rx::Captures) -> Option<String> {
    let num = |g: &str| c.name(g).and_then(|x| x.as_str().parse::<u32>().ok());
    let y = c.name("y2").or(c.name("y1"))?.as_str().parse().ok()?;
    crate::targets::deadlines::day(y, num("m2")?, num("d2")?)
}

/// The body ranges (bytes of `text.clean`, after the heading line) of every dated heading.
fn dated_bodies(text: &Text, nodes: &[OutlineNode], out: &mut Vec<Range<usize>>) {
    for n in nodes {
        if crate::targets::deadlines::section_time(&n.title).is_some() {
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
    tg.action = Some(body[..end].into());
    tg.subject = Some(object.trim().into());
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

    /// The period of a monitoring activity is a dated deliverable due its last day, and a report
    /// due the same day is one due 当天; a time of day written elsewhere (统计时间：) is not.
    #[test]
    fn activity_periods_and_same_day_reports() {
        let plan = "某市登革热强化监测工作方案\n一、监测时间\n二类地区开展抗原筛查。监测时间：2025 年 2 月 1 日至 12 月 31 日。\n三类地区监测\n时间：2025 年 3 月 1 日至 11 月 30 日。\n二、信息报送\n诊所每日登记排查信息，一旦发现可疑病例应当天报告镇卫生健康行政部门；\n联络员相关信息请于 2025 年 1 月 24 日前由各区汇总报送至市疾控中心。\n统计时间：\n";
        let a = crate::analyze(plan);
        let got: Vec<_> = a
            .targets
            .iter()
            .map(|t| {
                (
                    t.deadline.as_deref(),
                    t.due.as_deref(),
                    t.subject.as_deref(),
                )
            })
            .collect();
        assert_eq!(
            got,
            vec![
                (
                    Some("2025 年 2 月 1 日至 12 月 31 日"),
                    Some("2025-12-31"),
                    Some("监测")
                ),
                (
                    Some("2025 年 3 月 1 日至 11 月 30 日"),
                    Some("2025-11-30"),
                    Some("监测")
                ),
                (Some("当天"), None, Some("镇卫生健康行政部门")),
                (
                    Some("2025 年 1 月 24 日前"),
                    Some("2025-01-24"),
                    a.targets[3].subject.as_deref()
                ),
            ],
            "{:?}",
            a.targets
        );
        assert!(a
            .targets
            .iter()
            .all(|t| t.kind == crate::model::TargetKind::Deadline));
    }

    #[test]
    fn list_markers() {
        for (s, n) in [
            ("1.组织报名", 2),
            ("（2）召开会议", 3),
            ("三、总结", 6),
            ("组织", 0),
        ] {
            let t = crate::input::clean::clean(s);
            assert_eq!(super::marker_len(&t.clean), n, "{s}");
        }
    }
}
