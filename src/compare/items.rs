//! The targets of one plan as the comparison sees them: a subject key, bounds, a unit class, and
//! where the target sits in time (a year column, a yearly commitment, a period total).

use super::grid::{self, Grid, Role};
use super::subject::{clean_analysis_subject, clean_subject, key, widen, Context};
use crate::model::{Analysis, Comparator, OutlineNode, Scope, Span, Target, TargetKind};
use crate::text::fold;

/// What kind of number a target is; only numbers of one class are ever compared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum UnitClass {
    /// A count of things (所, 个, 名, 项…): measure words are interchangeable (特色学校100所 / 35个).
    Count,
    Percent,
    Points,
    Money,
    Other,
}

pub fn unit_class(t: &Target) -> UnitClass {
    match (t.kind, t.unit.as_deref()) {
        (_, Some("%")) | (TargetKind::Percent | TargetKind::Coverage, _) => UnitClass::Percent,
        (_, Some("个百分点")) => UnitClass::Points,
        (TargetKind::Money, _) => UnitClass::Money,
        (_, Some(u)) if u.ends_with('元') => UnitClass::Money,
        (TargetKind::Count | TargetKind::Change, Some(_)) => UnitClass::Count,
        _ => UnitClass::Other,
    }
}

/// When a target applies.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum When {
    /// One year: a year column of a schedule, or a dated target.
    Year(i32),
    /// Every year (每年100名).
    Yearly,
    /// The whole period (三年内18所, a table's 主要内容).
    Period,
    /// Not said.
    Unknown,
}

/// Where the target was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Place {
    Body,
    /// Table `table`, row `row`, in a cell of `role`.
    Table {
        table: usize,
        row: usize,
        role: Role,
    },
}

/// Numeric bounds of a target: `lo ≤ x ≤ hi` (`hi` infinite for 以上).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bounds {
    pub lo: f64,
    pub hi: f64,
    /// 左右, 约: the bounds are soft.
    pub approx: bool,
    /// 不超过, 以内, 降低: less is the commitment.
    pub down: bool,
}

/// A clause's words as a key, and the key's bigrams (see [`Item::clause_key`]).
pub type ClauseKey = (String, Vec<(char, char)>);

/// One target of a plan, prepared for comparing.
#[derive(Debug, Clone)]
pub struct Item {
    /// Index into `Analysis::targets`.
    pub index: usize,
    /// Display subject (cleaned words, before synonyms).
    pub subject: String,
    /// Where the subject came from: `analysis`, `widened` (see [`super::subject::widen`]) or
    /// `context`.
    pub subject_source: &'static str,
    /// Comparison key (synonyms canonical).
    pub key: String,
    /// The key's character bigrams (see [`super::subject::bigrams`]).
    pub grams: Vec<(char, char)>,
    /// Sub-keys of a conjoined subject (区学科带头人和骨干教师 → 区学科带头人, 骨干教师).
    pub parts: Vec<String>,
    pub bounds: Option<Bounds>,
    pub class: UnitClass,
    pub when: When,
    pub place: Place,
    /// A rate per unit (每所中小学至少1个): not additive.
    pub per_unit: bool,
    pub span: Span,
    pub clause_span: Span,
    /// The clause's words as a key, for a target with no subject, and the key's bigrams; made on
    /// first use and kept, since every item of one plan is scored against every item of the other;
    /// boxed, since only the items scored against others ever have one.
    pub clause_key: std::cell::OnceCell<Box<ClauseKey>>,
}

/// A plan prepared for comparing.
#[derive(Debug, Clone)]
pub struct Plan<'a> {
    pub chars: Vec<char>,
    pub analysis: &'a Analysis,
    pub items: Vec<Item>,
    pub grids: Vec<Grid>,
    /// The single year of an annual plan (title year, or a one-year period).
    pub year: Option<i32>,
    /// `(from, to)` of a multi-year plan.
    pub period: Option<(i32, i32)>,
}

impl Plan<'_> {
    /// The outline path of an item's target (read from the analysis, not copied into each item).
    pub fn path(&self, it: &Item) -> &[usize] {
        &self.analysis.targets[it.index].path
    }

    /// Frees what only matching reads (keys, bigrams, parts, the text as chars): after it, a
    /// long plan would otherwise hold them beside the comparison's lists.
    pub fn matching_done(&mut self) {
        self.chars = Vec::new();
        for it in &mut self.items {
            it.key = String::new();
            it.grams = Vec::new();
            it.parts = Vec::new();
            it.clause_key = std::cell::OnceCell::new();
        }
    }
}

pub fn bounds(t: &Target) -> Option<Bounds> {
    let (lo, hi) = match (t.range, t.value) {
        (Some([a, b]), _) => (a.min(b), a.max(b)),
        (None, Some(v)) => (v, v),
        _ => return None,
    };
    if !lo.is_finite() || !hi.is_finite() {
        return None;
    }
    let down = matches!(t.comparator, Some(Comparator::Lte | Comparator::Lt))
        || t.change == Some(crate::model::Change::Decrease);
    let (lo, hi) = match t.comparator {
        Some(Comparator::Gte | Comparator::Gt) => (lo, f64::INFINITY),
        Some(Comparator::Lte | Comparator::Lt) => (f64::NEG_INFINITY, hi),
        _ => (lo, hi),
    };
    Some(Bounds {
        lo,
        hi,
        approx: t.comparator == Some(Comparator::Approx),
        down,
    })
}

/// The year a title or text names on its own (`2023年武进教育工作要点` → 2023).
pub fn title_year(title: &str) -> Option<i32> {
    let t: Vec<char> = title.chars().map(fold).collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 4 <= t.len() {
        let run = &t[i..i + 4];
        let before_digit = i > 0 && t[i - 1].is_ascii_digit();
        if !before_digit
            && run.iter().all(|c| c.is_ascii_digit())
            && !matches!(t.get(i + 4), Some(c) if c.is_ascii_digit())
        {
            let y: i32 = run.iter().collect::<String>().parse().unwrap_or(0);
            if (1990..=2100).contains(&y) {
                found.push(y);
            }
            i += 4;
        } else {
            i += 1;
        }
    }
    found.dedup();
    (found.len() == 1).then(|| found[0])
}

/// The last `20XX年` in a text (a deadline such as `到2024年`, `2023年底前`).
fn last_year(s: &str) -> Option<i32> {
    let c: Vec<char> = s.chars().collect();
    let mut out = None;
    for i in 0..c.len().saturating_sub(4) {
        if c[i..i + 4].iter().all(|d| d.is_ascii_digit())
            && c[i + 4] == '年'
            && (i == 0 || !c[i - 1].is_ascii_digit())
        {
            let y: i32 = c[i..i + 4].iter().collect::<String>().parse().unwrap_or(0);
            if (1990..=2100).contains(&y) {
                out = Some(y);
            }
        }
    }
    out
}

/// The title of the deepest node on `path`; `None` for an empty path or one that leaves the
/// outline. Only that title is copied: it is asked for every unpaired target of a long plan.
pub(crate) fn section_title(nodes: &[OutlineNode], path: &[usize]) -> Option<String> {
    let mut level = nodes;
    let mut node = None;
    for &i in path {
        let n = level.get(i)?;
        node = Some(n);
        level = &n.children;
    }
    node.map(|n| n.title.clone())
}

/// Splits a conjoined subject into parts of 2+ chars; a part without the first part's leading
/// level word (区, 市, 省) inherits it (区学科带头人和骨干教师 → 区学科带头人, 区骨干教师).
fn conjoined_parts(raw_subject: &str) -> Vec<String> {
    let parts: Vec<String> = raw_subject
        .split(super::lexicon::CONJUNCTIONS)
        .map(clean_subject)
        .filter(|p| p.chars().count() >= 2)
        .collect();
    if parts.len() < 2 {
        return Vec::new();
    }
    let lead = parts[0]
        .chars()
        .next()
        .filter(|c| matches!(c, '区' | '市' | '省' | '县' | '镇'));
    parts
        .iter()
        .enumerate()
        .map(|(i, p)| match lead {
            Some(l) if i > 0 && !p.starts_with(l) => key(&format!("{l}{p}")),
            _ => key(p),
        })
        .collect()
}

/// The subject a target is aligned by, where it came from, and the raw words its conjoined parts
/// are read from.
///
/// The analysis's `subject` comes first: it knows each quantity's own noun phrase in clauses that
/// list several. [`widen`] gives back the rest of the phrase when the analysis cut it short. Only
/// a target the analysis gave no usable subject falls back on the words around its quantity.
fn choose_subject(t: &Target, left: &str, right: &str) -> (String, &'static str, String) {
    let (lc, rc) = (Context::of(left), Context::of(right));
    let analysis = t
        .subject
        .as_deref()
        .map(clean_analysis_subject)
        .filter(|s| !s.is_empty());
    match analysis {
        Some(s) => {
            let raw = t.subject.as_deref().unwrap_or_default();
            let both = Context {
                words: format!("{}{}", lc.words, rc.words),
                verb_led: lc.verb_led,
            };
            let wider = [&lc, &rc, &both]
                .into_iter()
                .find_map(|c| widen(raw, &s, c, t.action.as_deref()));
            match wider {
                Some(w) => (w.clone(), "widened", w),
                None => (s.clone(), "analysis", s),
            }
        }
        None => (
            format!("{}{}", lc.words, rc.words),
            "context",
            format!("{left}{right}"),
        ),
    }
}

/// The year of a resolved `due` date (`2023-12-31` → 2023).
fn due_year(t: &Target) -> Option<i32> {
    let d = t.due.as_deref()?;
    let y: i32 = d.get(..4)?.parse().ok()?;
    (1990..=2100).contains(&y).then_some(y)
}

/// When a target applies, from where it sits and what the analysis says of it: a table's year
/// column; a recurrence (`每年`, `每学年` → yearly); a period-total scope or a table's
/// whole-period cell; a resolved deadline; else the annual plan's own year.
///
/// Only the deadline keeps a fallback on the raw `deadline` text (a phrase the analysis found but
/// could not resolve to a date). The old clause-wide marker search is gone: a clause can hold
/// several quantities, and `每年` before one of them says nothing about the others, which the
/// analysis's per-quantity `recurrence` and `scope` already get right.
fn when_of(t: &Target, place: Place, year: Option<i32>) -> When {
    let yearly = matches!(t.recurrence.as_deref(), Some("year" | "school_year"));
    match place {
        Place::Table {
            role: Role::Year(y),
            ..
        } => When::Year(y),
        Place::Table {
            role: Role::Total, ..
        } if yearly => When::Yearly,
        Place::Table {
            role: Role::Total, ..
        } => When::Period,
        _ if yearly => When::Yearly,
        _ if t.scope == Some(Scope::PeriodTotal) => When::Period,
        _ => match due_year(t).or_else(|| t.deadline.as_deref().and_then(last_year)) {
            Some(y) => When::Year(y),
            None => year.map_or(When::Unknown, When::Year),
        },
    }
}

/// Prepares a plan: every target becomes an [`Item`].
pub fn plan<'a>(input: &str, analysis: &'a Analysis) -> Plan<'a> {
    let chars: Vec<char> = input.chars().collect();
    // The analysis's own tables; then schedules read from the text, only where the analysis
    // rebuilt no table at all (a layout it does not know). Where it did rebuild one, its reading
    // of the region (merged cells filled in, headers joined) is the better one.
    let mut grids = grid::from_tables(&chars, &analysis.tables);
    let covered = |s: Span| {
        analysis
            .tables
            .iter()
            .any(|t| t.span[0] < s[1] && s[0] < t.span[1])
    };
    grids.extend(
        grid::detect(&chars)
            .into_iter()
            .filter(|g| !covered(g.span)),
    );
    let period = analysis
        .document
        .period
        .filter(|p| p.to > p.from)
        .map(|p| (p.from, p.to))
        .or_else(|| {
            grids
                .iter()
                .find(|g| g.is_schedule())
                .map(|g| (g.years[0], g.years[g.years.len() - 1]))
        });
    let year = match analysis.document.period {
        Some(p) if p.from == p.to => Some(p.from),
        Some(_) => None,
        None if period.is_some() => None,
        None => analysis.document.title.as_deref().and_then(title_year),
    };

    // Targets grouped by clause, in order, so each quantity owns the words next to it.
    let mut order: Vec<usize> = (0..analysis.targets.len()).collect();
    order.sort_by_key(|&i| (analysis.targets[i].span[0], analysis.targets[i].span[1], i));
    let mut contexts: Vec<(String, String)> =
        vec![(String::new(), String::new()); analysis.targets.len()];
    let mut g = 0;
    while g < order.len() {
        let clause = analysis.targets[order[g]].clause_span;
        let mut h = g + 1;
        while h < order.len()
            && analysis.targets[order[h]].clause_span == clause
            && analysis.targets[order[h]].span[0] >= analysis.targets[order[h - 1]].span[1]
        {
            h += 1;
        }
        assign_contexts(&chars, analysis, &order[g..h], clause, &mut contexts);
        g = h;
    }

    // A body target dated to the period's last year (到2024年 in a 2022–2024 plan) is the
    // period's end target, not that year's share.
    let period_end = period.map(|p| p.1);
    let cells = grid::CellIndex::new(&grids);
    let mut items = Vec::with_capacity(analysis.targets.len());
    for (index, t) in analysis.targets.iter().enumerate() {
        let (left, right) = &contexts[index];
        let (subject, source, raw) = choose_subject(t, left, right);
        let place = match cells.cell_of(t.span) {
            Some((table, row, role)) => Place::Table { table, row, role },
            None => Place::Body,
        };
        let when = when_of(t, place, year);
        // 第三批 is an ordinal, not a quantity, whatever the analysis made of it.
        let ordinal = t.span[0] > 0 && chars.get(t.span[0] - 1).map(|&c| fold(c)) == Some('第');
        let vague = ordinal || super::lexicon::VAGUE_QUANTITIES.contains(&t.text.trim());
        let when = match (when, place) {
            (When::Year(y), Place::Body) if Some(y) == period_end => When::Period,
            _ => when,
        };
        let per_unit = t.per.is_some();
        let k = key(&subject);
        items.push(Item {
            index,
            grams: super::subject::bigrams(&k),
            key: k,
            parts: conjoined_parts(&raw),
            subject,
            subject_source: source,
            bounds: if vague { None } else { bounds(t) },
            class: if vague {
                UnitClass::Other
            } else {
                unit_class(t)
            },
            when,
            place,
            per_unit,
            span: t.span,
            clause_span: t.clause_span,
            clause_key: std::cell::OnceCell::new(),
        });
    }
    Plan {
        chars,
        analysis,
        items,
        grids,
        year,
        period,
    }
}

fn clause_break(c: char) -> bool {
    matches!(
        fold(c),
        ',' | ';' | ':' | '。' | '\n' | '!' | '?' | '，' | '；' | '：'
    )
}

/// Splits the words of one clause among its quantities (see [`super::subject`]).
fn assign_contexts(
    chars: &[char],
    a: &Analysis,
    group: &[usize],
    clause: Span,
    out: &mut [(String, String)],
) {
    const MAX: usize = 40;
    let list_sep = |c: char| matches!(fold(c), '、' | '和' | '及' | '与' | ';' | ',');
    let mut prev_end = clause[0].min(chars.len());
    let mut pending_left: Option<String> = None;
    for (k, &i) in group.iter().enumerate() {
        let t = &a.targets[i];
        let start = t.span[0].min(chars.len()).max(prev_end);
        let left: String = match pending_left.take() {
            Some(l) => l,
            None => chars[prev_end..start].iter().collect(),
        };
        // Robust to sentence-wide clause spans: a subject never crosses a clause break.
        let left: String = {
            let v: Vec<char> = left.chars().collect();
            let from = v
                .iter()
                .rposition(|&c| clause_break(c))
                .map_or(0, |p| p + 1);
            v[from.max(v.len().saturating_sub(MAX))..].iter().collect()
        };
        let end = t.span[1].min(chars.len()).max(start);
        let next_start = match group.get(k + 1) {
            Some(&n) => a.targets[n].span[0].min(chars.len()).max(end),
            None => clause[1].min(chars.len()).max(end),
        };
        let seg = &chars[end..next_start];
        let right: String = if k + 1 == group.len() {
            seg.iter().take(MAX).collect()
        } else if let Some(p) = seg.iter().position(|&c| list_sep(c)) {
            // Words before the separator are this quantity's, after it the next one's.
            pending_left = Some(seg[p + 1..].iter().collect());
            seg[..p].iter().take(MAX).collect()
        } else if clean_subject(&left).is_empty() {
            // 完成9所智慧安防校园建设… : the verb came first, the noun follows the quantity.
            pending_left = Some(String::new());
            seg.iter().take(MAX).collect()
        } else {
            // 评选区星级校长35名星级书记10名 : the words belong to the next quantity.
            String::new()
        };
        // A parenthesis after the quantity is a note ((牵头单位:市住建局)), not the subject.
        let right: String = right
            .chars()
            .take_while(|&c| !clause_break(c) && fold(c) != '(')
            .collect();
        out[i] = (left, right);
        prev_end = next_start;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn title_years() {
        assert_eq!(title_year("2023年武进教育工作要点"), Some(2023));
        assert_eq!(title_year("广汉市教育局2023年工作要点"), Some(2023));
        assert_eq!(title_year("三年行动方案(2022-2024年)"), None);
        assert_eq!(title_year("工作要点"), None);
    }

    #[test]
    fn subjects_from_context() {
        let text =
            "三年内创建18所省市优质园。立项省级课题20项、市级课题60项。每年评选区名班主任100名。";
        let a = crate::analyze(text);
        let p = plan(text, &a);
        let subj: Vec<&str> = p.items.iter().map(|i| i.subject.as_str()).collect();
        assert_eq!(
            subj,
            vec!["省市优质园", "省级课题", "市级课题", "区名班主任"]
        );
        assert_eq!(p.items[0].when, When::Period);
        assert_eq!(p.items[3].when, When::Yearly);
        assert_eq!(p.items[3].key, "名班主任");
    }

    #[test]
    fn times_come_from_recurrence_scope_and_due() {
        let text = "某市2023年工作要点\n\n一、任务\n\n1.2024年底前建成污水处理厂3座。每学年组织1次应急演练。每年培训教师2000名,新建学校3所。\n";
        let a = crate::analyze(text);
        let p = plan(text, &a);
        let when = |v: f64| {
            p.items
                .iter()
                .find(|i| a.targets[i.index].value == Some(v) && i.bounds.is_some())
                .map(|i| i.when)
        };
        assert_eq!(p.year, Some(2023));
        assert_eq!(when(2000.0), Some(When::Yearly));
        assert_eq!(when(1.0), Some(When::Yearly));
        // 每年 before 培训教师 says nothing of 新建学校 in the same clause: that one falls to the
        // plan's own year.
        let schools = p
            .items
            .iter()
            .find(|i| i.subject.contains("学校"))
            .map(|i| i.when);
        assert_eq!(schools, Some(When::Year(2023)));
        let plant = p
            .items
            .iter()
            .find(|i| i.subject.contains("污水处理厂"))
            .map(|i| i.when);
        assert_eq!(plant, Some(When::Year(2024)));
    }

    #[test]
    fn subjects_do_not_cross_clause_breaks_even_in_a_sentence_wide_clause() {
        let text =
            "打造品格提升工程10个,加强班主任队伍建设,评选市区名班主任100名,创建各类特色学校35个。";
        let mut a = crate::analyze(text);
        let n = text.chars().count();
        for t in &mut a.targets {
            t.clause_span = [0, n];
        }
        let p = plan(text, &a);
        let subj: Vec<&str> = p.items.iter().map(|i| i.subject.as_str()).collect();
        assert_eq!(subj, vec!["品格提升工程", "市区名班主任", "特色学校"]);
    }

    #[test]
    fn ordinals_and_vague_quantities_carry_no_number() {
        let text = "开展第三批重点项目评比。打造一批示范校。评选先进学校20所。";
        let a = crate::analyze(text);
        let p = plan(text, &a);
        // Whatever the analysis emits for 第三批 / 一批 (today: nothing), only 20所 carries a number.
        let with_number: Vec<&str> = p
            .items
            .iter()
            .filter(|i| i.bounds.is_some())
            .map(|i| i.subject.as_str())
            .collect();
        assert_eq!(with_number, vec!["先进学校"]);
        assert!(p
            .items
            .iter()
            .filter(|i| i.bounds.is_none())
            .all(|i| i.class == UnitClass::Other));
    }

    #[test]
    fn responsibility_notes_are_not_subjects() {
        let text = "新建污水处理厂3座(牵头单位:市住建局,责任单位:各县区)。";
        let a = crate::analyze(text);
        let p = plan(text, &a);
        assert_eq!(p.items[0].subject, "污水处理厂");
    }

    #[test]
    fn conjoined_subjects_split() {
        assert_eq!(
            conjoined_parts("区学科带头人和骨干教师"),
            vec!["学科带头人".to_string(), "骨干教师".to_string()]
        );
        assert!(conjoined_parts("特色学校").is_empty());
    }
}
