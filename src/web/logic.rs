//! The page's view logic with no browser types: filtering and sorting targets, the timeline,
//! per-section counts, the CSV export, finding "the same" target after re-analysis, and cutting
//! the source text into marked pieces. Compiled natively too (see `lib.rs`), so `cargo test`
//! covers it without a browser.

use crate::model::{Analysis, OutlineNode, Target, TargetKind};
use std::cmp::Ordering;
use std::collections::HashMap;

/// Every target kind, in the order the page lists them.
pub const KINDS: [TargetKind; 7] = [
    TargetKind::Count,
    TargetKind::Percent,
    TargetKind::Change,
    TargetKind::Money,
    TargetKind::Duration,
    TargetKind::Deadline,
    TargetKind::Coverage,
];

/// Stable lower-case name of a kind (as in the JSON).
pub fn kind_name(k: TargetKind) -> &'static str {
    match k {
        TargetKind::Count => "count",
        TargetKind::Percent => "percent",
        TargetKind::Change => "change",
        TargetKind::Money => "money",
        TargetKind::Duration => "duration",
        TargetKind::Deadline => "deadline",
        TargetKind::Coverage => "coverage",
    }
}

/// Which targets the grid shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub kind: Option<TargetKind>,
    /// Index of a top-level section (`path[0]`).
    pub section: Option<usize>,
    pub deadline: DeadlineFilter,
    /// Case-insensitive substring of the target's sentence, section titles, text, subject, unit,
    /// deadline or units responsible.
    pub query: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DeadlineFilter {
    #[default]
    Any,
    With,
    Without,
    /// Due in this calendar year.
    Year(i32),
}

/// Year of a `YYYY-MM-DD` due date.
pub fn due_year(t: &Target) -> Option<i32> {
    t.due.as_deref()?.get(..4)?.parse().ok()
}

/// The sentence a target stands in: its clause (char offsets into `text`, `bytes` the byte
/// offset of every char and of the end) widened to the sentence ends around it (`。！？；!?;` and
/// line breaks, as in `clauses`), so a word of the sentence finds the target even when its own
/// clause or subject does not hold it (`开发储备超8000个公益性岗位` in a sentence on 就业).
pub fn sentence_of<'a>(text: &'a str, bytes: &[usize], t: &Target) -> &'a str {
    let at = |i: usize| bytes.get(i).copied().unwrap_or(text.len()).min(text.len());
    let (a, b) = (at(t.clause_span[0]), at(t.clause_span[1]));
    let (Some(before), Some(after)) = (text.get(..a), text.get(b..)) else {
        return "";
    };
    let end = |c: char| "。！？；!?;\n".contains(c);
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| end(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = b + after.find(end).unwrap_or(after.len());
    text.get(from..to).unwrap_or("")
}

/// The titles of the sections a target stands in, outermost first.
fn section_titles<'a>(a: &'a Analysis, t: &Target) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut level = &a.outline;
    for &i in &t.path {
        let Some(n) = level.get(i) else { break };
        out.push(n.title.as_str());
        level = &n.children;
    }
    out
}

fn matches(a: &Analysis, text: &str, bytes: &[usize], t: &Target, f: &Filter) -> bool {
    if f.kind.is_some_and(|k| k != t.kind) {
        return false;
    }
    if f.section.is_some_and(|s| t.path.first() != Some(&s)) {
        return false;
    }
    let dated = t.deadline.is_some() || t.due.is_some();
    let ok = match f.deadline {
        DeadlineFilter::Any => true,
        DeadlineFilter::With => dated,
        DeadlineFilter::Without => !dated,
        DeadlineFilter::Year(y) => due_year(t) == Some(y),
    };
    if !ok {
        return false;
    }
    // Full-width and half-width forms match each other (`ＧＤＰ` finds `gdp`), and Latin case
    // is ignored; plans have no other cased script, so ASCII case folding is enough (and keeps
    // core's Unicode case tables, ~23 KB, out of the wasm).
    let norm = |s: &str| crate::text::fold_str(s).to_ascii_lowercase();
    let q = norm(f.query.trim());
    // a bureau finds its own targets by name (财政局) through the units responsible
    let units = t
        .responsible
        .iter()
        .flat_map(|r| r.lead.iter().chain(&r.others));
    q.is_empty()
        || [
            Some(t.text.as_str()),
            t.subject.as_deref(),
            t.unit.as_deref(),
            t.deadline.as_deref(),
            Some(sentence_of(text, bytes, t)),
        ]
        .into_iter()
        .flatten()
        .chain(units.map(String::as_str))
        .chain(section_titles(a, t))
        .any(|s| norm(s).contains(&q))
}

/// Indexes of the targets passing `f`, in document order; `text` is the text the analysis points
/// into (a search reads each target's sentence there).
pub fn filter_targets(a: &Analysis, text: &str, f: &Filter) -> Vec<usize> {
    let bytes: Vec<usize> = if f.query.trim().is_empty() {
        Vec::new()
    } else {
        text.char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect()
    };
    (0..a.targets.len())
        .filter(|&i| matches(a, text, &bytes, &a.targets[i], f))
        .collect()
}

/// Distinct due years, ascending (the deadline filter's choices).
pub fn due_years(a: &Analysis) -> Vec<i32> {
    let mut y: Vec<i32> = a.targets.iter().filter_map(due_year).collect();
    y.sort_unstable();
    y.dedup();
    y
}

/// Grid columns that can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Order,
    Text,
    Value,
    Comparator,
    Unit,
    Subject,
    Deadline,
    Section,
    Kind,
    Responsible,
}

fn cmp_opt<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
    // missing values sort last in both directions is nicer, but "last when ascending" is enough
    match (a, b) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The number a target sorts by: its value, or the low end of its range.
pub fn sort_value(t: &Target) -> Option<f64> {
    t.value.or(t.range.map(|r| r[0]))
}

/// Sorts target indexes by `key`; ties keep document order (a stable sort on indexes).
pub fn sort_targets(a: &Analysis, idx: &mut [usize], key: SortKey, ascending: bool) {
    let t = |i: usize| &a.targets[i];
    // the units responsible as shown, written once per target rather than once per comparison
    let who: Vec<Option<String>> = if key == SortKey::Responsible {
        a.targets
            .iter()
            .map(|t| Some(crate::render::responsible(t)).filter(|s| !s.is_empty()))
            .collect()
    } else {
        Vec::new()
    };
    crate::order::indexes_by(idx, &|x, y| {
        let (p, q) = (t(x), t(y));
        let o = match key {
            SortKey::Order => x.cmp(&y),
            SortKey::Text => p.text.cmp(&q.text),
            SortKey::Value => cmp_opt(sort_value(p), sort_value(q)),
            SortKey::Comparator => {
                cmp_opt(p.comparator.map(|c| c as u8), q.comparator.map(|c| c as u8))
            }
            SortKey::Unit => cmp_opt(p.unit.as_ref(), q.unit.as_ref()),
            SortKey::Subject => cmp_opt(p.subject.as_ref(), q.subject.as_ref()),
            SortKey::Deadline => cmp_opt(p.due.as_ref(), q.due.as_ref())
                .then_with(|| cmp_opt(p.deadline.as_ref(), q.deadline.as_ref())),
            SortKey::Section => p.path.cmp(&q.path),
            SortKey::Kind => (p.kind as u8).cmp(&(q.kind as u8)),
            SortKey::Responsible => cmp_opt(who[x].as_ref(), who[y].as_ref()),
        };
        let o = if ascending { o } else { o.reverse() };
        o.then_with(|| x.cmp(&y))
    });
}

/// Dated deliverables grouped by due date, earliest first: `(due, target indexes)`; targets with
/// a deadline phrase but no resolvable date come last under the empty key.
pub fn timeline(a: &Analysis) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut dated: Vec<usize> = (0..a.targets.len())
        .filter(|&i| a.targets[i].due.is_some())
        .collect();
    crate::order::indexes_by(&mut dated, &|x, y| {
        a.targets[x].due.cmp(&a.targets[y].due).then(x.cmp(&y))
    });
    for i in dated {
        let due = a.targets[i].due.clone().unwrap_or_default();
        match groups.last_mut() {
            Some((d, v)) if *d == due => v.push(i),
            _ => groups.push((due, vec![i])),
        }
    }
    // a deadline phrase that could not be resolved to a day (年内, 近期) still is a commitment
    let undated: Vec<usize> = (0..a.targets.len())
        .filter(|&i| a.targets[i].due.is_none() && a.targets[i].deadline.is_some())
        .collect();
    if !undated.is_empty() {
        groups.push((String::new(), undated));
    }
    groups
}

/// Targets per outline path prefix: `counts[&[0, 2]]` = targets inside section 0 › 2.
pub fn target_counts(a: &Analysis) -> HashMap<Vec<usize>, usize> {
    let mut m = HashMap::new();
    for t in &a.targets {
        for k in 1..=t.path.len() {
            *m.entry(t.path[..k].to_vec()).or_insert(0) += 1;
        }
    }
    m
}

/// Number of headings below a node, at any depth.
pub fn descendants(n: &OutlineNode) -> usize {
    n.children.iter().map(|c| 1 + descendants(c)).sum()
}

/// Every heading in document order with its path.
pub fn flat_headings(nodes: &[OutlineNode]) -> Vec<(Vec<usize>, &OutlineNode)> {
    let mut out = Vec::new();
    let mut stack: Vec<(Vec<usize>, &OutlineNode)> = nodes
        .iter()
        .enumerate()
        .rev()
        .map(|(i, n)| (vec![i], n))
        .collect();
    while let Some((p, n)) = stack.pop() {
        for (i, c) in n.children.iter().enumerate().rev() {
            let mut q = p.clone();
            q.push(i);
            stack.push((q, c));
        }
        out.push((p, n));
    }
    out
}

/// The node at `path`.
pub fn node_at<'a>(nodes: &'a [OutlineNode], path: &[usize]) -> Option<&'a OutlineNode> {
    let (first, rest) = path.split_first()?;
    let n = nodes.get(*first)?;
    if rest.is_empty() {
        Some(n)
    } else {
        node_at(&n.children, rest)
    }
}

/// CSV for spreadsheets: the CLI's CSV with a UTF-8 byte-order mark, without which Excel on a
/// Chinese Windows reads the file as GBK and shows mojibake.
pub fn csv_with_bom(a: &Analysis) -> String {
    format!("\u{FEFF}{}", crate::render::csv(a))
}

/// After re-analysis, the target that is "the same" as a selected one: same text, nearest start.
pub fn find_same_target(a: &Analysis, text: &str, start: usize) -> Option<usize> {
    (0..a.targets.len())
        .filter(|&i| a.targets[i].text == text)
        .min_by_key(|&i| a.targets[i].span[0].abs_diff(start))
}

/// After re-analysis, the heading that is "the same" as a selected one: same marker and title,
/// nearest start.
pub fn find_same_heading(
    a: &Analysis,
    marker: &str,
    title: &str,
    start: usize,
) -> Option<Vec<usize>> {
    flat_headings(&a.outline)
        .into_iter()
        .filter(|(_, n)| n.title == title && n.marker == marker)
        .min_by_key(|(_, n)| n.title_span[0].abs_diff(start))
        .map(|(p, _)| p)
}

/// A stretch of the source text to mark: char offsets, and an id the page gives back on clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// Lower binds first when two marks start at the same place and have the same end.
    pub rank: u8,
    pub id: usize,
}

/// One piece of the marked text, in order: text (a byte range of the source), or the opening or
/// closing of a mark (by its index into the marks slice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(std::ops::Range<usize>),
    Open(usize),
    Close,
}

/// Cuts `text` into pieces so that marks nest properly (HTML elements cannot cross). A mark
/// that would cross an already open one, or is empty or out of range, is left out (its index is
/// returned in the second vector); the page then falls back to scrolling to its start.
pub fn mark_pieces(text: &str, marks: &[Mark]) -> (Vec<Piece>, Vec<usize>) {
    let mut order: Vec<usize> = (0..marks.len()).collect();
    crate::order::indexes_by(&mut order, &|x, y| {
        let (a, b) = (&marks[x], &marks[y]);
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.rank.cmp(&b.rank))
    });
    let mut pieces = Vec::new();
    let mut skipped = Vec::new();
    let mut chars = text.char_indices();
    let (mut cpos, mut bpos) = (0usize, 0usize);
    // byte offset of char position `c` (c >= cpos), advancing the cursor
    let mut seek = |c: usize, cpos: &mut usize, bpos: &mut usize| -> usize {
        while *cpos < c {
            match chars.next() {
                Some((_, ch)) => {
                    *bpos += ch.len_utf8();
                    *cpos += 1;
                }
                None => break,
            }
        }
        *bpos
    };
    let total = text.chars().count();
    let mut emitted = 0usize; // byte offset emitted so far
    let mut stack: Vec<usize> = Vec::new(); // end (chars) of open marks
    let push_text = |pieces: &mut Vec<Piece>, from: usize, to: usize| {
        if to > from {
            pieces.push(Piece::Text(from..to));
        }
    };
    for i in order {
        let m = marks[i];
        if m.start >= m.end || m.end > total {
            skipped.push(i);
            continue;
        }
        while let Some(&end) = stack.last() {
            if end > m.start {
                break;
            }
            let b = seek(end, &mut cpos, &mut bpos);
            push_text(&mut pieces, emitted, b);
            emitted = b;
            pieces.push(Piece::Close);
            stack.pop();
        }
        if stack.last().is_some_and(|&end| m.end > end) || m.start < cpos {
            skipped.push(i);
            continue;
        }
        let b = seek(m.start, &mut cpos, &mut bpos);
        push_text(&mut pieces, emitted, b);
        emitted = b;
        pieces.push(Piece::Open(i));
        stack.push(m.end);
    }
    while let Some(end) = stack.pop() {
        let b = seek(end, &mut cpos, &mut bpos);
        push_text(&mut pieces, emitted, b);
        emitted = b;
        pieces.push(Piece::Close);
    }
    push_text(&mut pieces, emitted, text.len());
    (pieces, skipped)
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "一、学前教育\n2023年底前新增学位1000个。公办园覆盖率不低于60%。\n\
             二、义务教育\n新建学校5所。到2025年，课后服务覆盖率达到100%。\n";

    fn analysis() -> Analysis {
        crate::analyze(TEXT)
    }

    fn mark(start: usize, end: usize, rank: u8, id: usize) -> Mark {
        Mark {
            start,
            end,
            rank,
            id,
        }
    }

    fn render(text: &str, pieces: &[Piece], marks: &[Mark]) -> String {
        let mut s = String::new();
        for p in pieces {
            match p {
                Piece::Text(r) => s.push_str(&text[r.clone()]),
                Piece::Open(i) => s.push_str(&format!("[{}:", marks[*i].id)),
                Piece::Close => s.push(']'),
            }
        }
        s
    }

    #[test]
    fn marks_nest_and_crossing_ones_are_skipped() {
        let text = "甲乙丙丁戊己";
        let marks = [
            mark(0, 4, 0, 1),
            mark(1, 2, 1, 2),
            mark(3, 6, 1, 3),
            mark(5, 5, 0, 4),
        ];
        let (pieces, skipped) = mark_pieces(text, &marks);
        assert_eq!(render(text, &pieces, &marks), "[1:甲[2:乙]丙丁]戊己");
        assert_eq!(skipped, vec![2, 3]);
        // the text itself is never lost or duplicated
        let plain: String = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text(r) => Some(&text[r.clone()]),
                _ => None,
            })
            .collect();
        assert_eq!(plain, text);
    }

    #[test]
    fn marks_out_of_range_are_skipped() {
        let (pieces, skipped) = mark_pieces("ab", &[mark(1, 9, 0, 0)]);
        assert_eq!(pieces, vec![Piece::Text(0..2)]);
        assert_eq!(skipped, vec![0]);
    }

    #[test]
    fn filter_sort_and_timeline() {
        let a = analysis();
        assert!(a.targets.len() >= 3, "{:?}", a.targets);
        let all = filter_targets(&a, TEXT, &Filter::default());
        assert_eq!(all.len(), a.targets.len());
        let sec1 = filter_targets(
            &a,
            TEXT,
            &Filter {
                section: Some(1),
                ..Filter::default()
            },
        );
        assert!(!sec1.is_empty() && sec1.iter().all(|&i| a.targets[i].path[0] == 1));
        let pct = filter_targets(
            &a,
            TEXT,
            &Filter {
                kind: Some(TargetKind::Percent),
                ..Filter::default()
            },
        );
        assert!(pct
            .iter()
            .all(|&i| a.targets[i].kind == TargetKind::Percent));
        let q = filter_targets(
            &a,
            TEXT,
            &Filter {
                query: "学位".into(),
                ..Filter::default()
            },
        );
        assert!(q.iter().all(|&i| a.targets[i].text.contains("学位")
            || a.targets[i]
                .subject
                .as_deref()
                .unwrap_or("")
                .contains("学位")));
        // full-width and half-width, upper and lower case find each other
        let b_text = "一、目标\n推动GDP增长6%。ＰＭ2.5浓度下降到35微克/立方米。\n";
        let b = crate::analyze(b_text);
        for query in ["gdp", "ＧＤＰ", "pm2.5", "ＰＭ２．５"] {
            let hits = filter_targets(
                &b,
                b_text,
                &Filter {
                    query: query.into(),
                    ..Filter::default()
                },
            );
            assert_eq!(hits.len(), 1, "{query}");
        }
        let mut idx = all.clone();
        sort_targets(&a, &mut idx, SortKey::Value, false);
        let vals: Vec<f64> = idx
            .iter()
            .filter_map(|&i| sort_value(&a.targets[i]))
            .collect();
        assert!(vals.windows(2).all(|w| w[0] >= w[1]), "{vals:?}");
        sort_targets(&a, &mut idx, SortKey::Order, true);
        assert_eq!(idx, all);
        // by the units responsible: the ones a task table names first, in order; and a bureau's
        // name finds its targets
        let t_text = "序号\n工作任务\n牵头单位\n责任单位\n完成时限\n1\n新增耕地1000亩\n县自然资源局\n—\n2024年12月底\n2\n建设高标准农田3万亩\n县农业农村局\n县财政局\n2024年10月底\n";
        let t = crate::analyze(t_text);
        let mut idx: Vec<usize> = (0..t.targets.len()).collect();
        sort_targets(&t, &mut idx, SortKey::Responsible, true);
        let who: Vec<String> = idx
            .iter()
            .map(|&i| crate::render::responsible(&t.targets[i]))
            .collect();
        assert_eq!(who, ["县农业农村局；县财政局", "县自然资源局"]);
        let mine = Filter {
            query: "财政局".into(),
            ..Filter::default()
        };
        assert_eq!(filter_targets(&t, t_text, &mine).len(), 1);
        let tl = timeline(&a);
        let dated: Vec<_> = tl.iter().filter(|g| !g.0.is_empty()).collect();
        assert!(dated.windows(2).all(|w| w[0].0 < w[1].0));
        let n: usize = tl.iter().map(|g| g.1.len()).sum();
        assert_eq!(
            n,
            a.targets
                .iter()
                .filter(|t| t.due.is_some() || t.deadline.is_some())
                .count()
        );
        let years = due_years(&a);
        for y in &years {
            let f = Filter {
                deadline: DeadlineFilter::Year(*y),
                ..Filter::default()
            };
            assert!(!filter_targets(&a, TEXT, &f).is_empty());
        }
    }

    /// A search finds a target by any word of its sentence or of its section titles, not only by
    /// its own clause or subject.
    #[test]
    fn search_reads_the_sentence_and_the_section() {
        let text = "一、重点群体\n做好高校毕业生等重点群体就业工作，开发储备超8000个公益性岗位，\
                    城镇新增就业110万人以上。\n二、民生\n新建学校5所。\n";
        let a = crate::analyze(text);
        let query = |q: &str| {
            filter_targets(
                &a,
                text,
                &Filter {
                    query: q.into(),
                    ..Filter::default()
                },
            )
        };
        let jobs = query("就业");
        let posts = a.targets.iter().position(|t| t.text.contains("8000"));
        assert!(
            posts.is_some_and(|i| jobs.contains(&i)),
            "{jobs:?} {:?}",
            a.targets
        );
        let school = a.targets.iter().position(|t| t.text.contains("5所"));
        assert!(school.is_some_and(|i| !jobs.contains(&i)));
        // every target whose sentence holds the word, and only those, besides its section's
        for (i, t) in a.targets.iter().enumerate() {
            let bytes: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect();
            let sentence = sentence_of(text, &bytes, t);
            assert!(
                !sentence.contains('。') && sentence.contains(t.text.as_str()),
                "{sentence}"
            );
            assert_eq!(
                jobs.contains(&i),
                sentence.contains("就业") || t.path.first() == Some(&0)
            );
        }
        // a section title finds the targets under it
        assert_eq!(query("民生"), school.into_iter().collect::<Vec<_>>());
        // a span past the text is no sentence, and no panic
        let mut far = a.targets[0].clone();
        far.clause_span = [10_000, 10_005];
        assert_eq!(sentence_of(text, &[0], &far), "");
    }

    #[test]
    fn counts_and_same_target_after_edit() {
        let a = analysis();
        let counts = target_counts(&a);
        let total: usize = (0..a.outline.len())
            .filter_map(|i| counts.get(&vec![i]))
            .sum();
        assert_eq!(
            total,
            a.targets.iter().filter(|t| !t.path.is_empty()).count()
        );
        let t = &a.targets[1];
        let edited = format!(
            "前言。\n{}",
            "一、学前教育\n2023年底前新增学位1000个。公办园覆盖率不低于60%。\n"
        );
        let b = crate::analyze(&edited);
        let j = find_same_target(&b, &t.text, t.span[0]).expect("found again");
        assert_eq!(b.targets[j].text, t.text);
        let h = &a.outline[0];
        assert!(find_same_heading(&b, &h.marker, &h.title, h.title_span[0]).is_some());
    }

    #[test]
    fn csv_has_bom() {
        let c = csv_with_bom(&analysis());
        assert!(c.starts_with('\u{FEFF}'));
        assert!(c.lines().count() > 1);
    }
}
