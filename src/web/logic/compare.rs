//! The compare view's logic with no browser types: one flat list of rows out of a
//! `planlens-compare/1` object (annual rows, aligned pairs, targets only in A / only in B, each
//! plan's self-consistency flags, section pairs), the filters over it, and the spans each row
//! lights up in the two texts. Compiled natively under `cfg(test)` too (see `web/mod.rs`).

use crate::compare::{Comparison, Flag, TargetRef};

/// Which part of the comparison a row comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    Annual,
    Pairs,
    OnlyA,
    OnlyB,
    FlagA,
    FlagB,
    Sections,
}

/// One side of a row as the grid shows it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Side {
    pub subject: String,
    pub quantity: String,
    /// `"2023"`, `yearly`, `period`, `unknown` (as in `TargetRef.when`), or for a flag's cells
    /// the years added up (`2022+2023+2024`).
    pub when: String,
    /// Where the target sits: `body`, `table` (with `column`: a year, `total`, …) or empty.
    pub place: String,
    pub column: Option<String>,
    /// The target as written (or the section title), for the tooltip.
    pub text: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub group: Group,
    /// `met`/`weaker`/… (annual), `same`/`different` (pairs), `only_a`, `only_b`, a flag code,
    /// or `section`.
    pub status: String,
    pub a: Option<Side>,
    pub b: Option<Side>,
    /// B − A where both are numbers of one kind.
    pub diff: Option<f64>,
    /// Short note: the similarity that made a pair (annual rows, target pairs, section pairs), or
    /// a target's section.
    pub note: String,
    /// Longer explanation for the tooltip (a flag's message), or empty.
    pub tip: String,
    /// Char spans to light up in A's text and in B's text (the first is scrolled to).
    pub a_spans: Vec<[usize; 2]>,
    pub b_spans: Vec<[usize; 2]>,
}

fn side(r: &TargetRef) -> Side {
    Side {
        subject: r.subject.to_string(),
        quantity: r.quantity.to_string(),
        when: r.when.to_string(),
        place: r.place.to_string(),
        column: r.column.as_deref().map(String::from),
        text: r.text.to_string(),
    }
}

fn lower(r: &TargetRef) -> Option<f64> {
    r.value.or(r.range.map(|x| x[0]))
}

/// B − A of two targets when both have a figure in the same unit (annual rows carry no
/// difference of their own; the aligned pair's is used when there is one).
fn diff_of(c: &Comparison, a: &TargetRef, b: &TargetRef) -> Option<f64> {
    if let Some(p) = c
        .pairs
        .iter()
        .find(|p| p.a.index == a.index && p.b.index == b.index)
    {
        return p.difference;
    }
    if a.unit != b.unit {
        return None;
    }
    Some(lower(b)? - lower(a)?)
}

fn flag_row(f: &Flag, group: Group) -> Row {
    let found = match f.found {
        [Some(lo), Some(hi)] if lo != hi => format!("{}–{}", fmt_num(lo), fmt_num(hi)),
        [Some(lo), Some(_)] => fmt_num(lo),
        [Some(lo), None] => format!("≥{}", fmt_num(lo)),
        _ => "?".into(),
    };
    let cells = Side {
        subject: f
            .parts
            .first()
            .map(|p| p.subject.to_string())
            .unwrap_or_default(),
        quantity: format!("Σ {found}{}", if f.found_approx { "（约）" } else { "" }),
        // a zero-width space after each + lets a long list of years wrap
        when: f
            .parts
            .iter()
            .map(|p| p.column.clone().unwrap_or_else(|| p.when.clone()))
            .collect::<Vec<_>>()
            .join("+\u{200B}"),
        text: f
            .parts
            .iter()
            .map(|p| p.text.clone())
            .collect::<Vec<_>>()
            .join(" + "),
        ..Side::default()
    };
    let stated = side(&f.stated);
    let diff = match (lower(&f.stated), f.found[0]) {
        (Some(s), Some(x)) => Some(x - s),
        _ => None,
    };
    // A flag concerns one plan: its stated target and the cells both sit in that plan's text;
    // the grid shows "stated" in that plan's columns and "the cells add up to" in the other's.
    let (a, b, a_spans, b_spans) = if group == Group::FlagA {
        (Some(stated), Some(cells), f.spans.clone(), vec![])
    } else {
        (Some(cells), Some(stated), vec![], f.spans.clone())
    };
    Row {
        group,
        status: f.code.clone(),
        a,
        b,
        diff,
        note: String::new(),
        tip: f.message.clone(),
        a_spans,
        b_spans,
    }
}

/// Every row of the comparison, in the order the grid lists them.
pub fn rows(c: &Comparison) -> Vec<Row> {
    let mut out = Vec::new();
    if let Some(an) = &c.annual {
        let plan_is_a = an.plan == "a";
        for r in &an.rows {
            let (a, b) = if plan_is_a {
                (&r.plan, &r.annual)
            } else {
                (&r.annual, &r.plan)
            };
            out.push(Row {
                group: Group::Annual,
                status: r.status.clone(),
                a: a.as_ref().map(side),
                b: b.as_ref().map(side),
                diff: match (a, b) {
                    (Some(a), Some(b)) => diff_of(c, a, b),
                    _ => None,
                },
                note: r.similarity.map(|s| format!("{s:.2}")).unwrap_or_default(),
                tip: String::new(),
                a_spans: a.iter().map(|t| t.span).collect(),
                b_spans: b.iter().map(|t| t.span).collect(),
            });
        }
    }
    for p in &c.pairs {
        out.push(Row {
            group: Group::Pairs,
            status: if p.same { "same" } else { "different" }.into(),
            a: Some(side(&p.a)),
            b: Some(side(&p.b)),
            diff: p.difference,
            note: format!("{:.2}", p.similarity),
            tip: String::new(),
            a_spans: vec![p.a.span],
            b_spans: vec![p.b.span],
        });
    }
    for t in &c.only_a {
        out.push(Row {
            group: Group::OnlyA,
            status: "only_a".into(),
            a: Some(side(t)),
            b: None,
            diff: None,
            note: crate::render::or_empty(&t.section),
            tip: String::new(),
            a_spans: vec![t.span],
            b_spans: vec![],
        });
    }
    for t in &c.only_b {
        out.push(Row {
            group: Group::OnlyB,
            status: "only_b".into(),
            a: None,
            b: Some(side(t)),
            diff: None,
            note: crate::render::or_empty(&t.section),
            tip: String::new(),
            a_spans: vec![],
            b_spans: vec![t.span],
        });
    }
    out.extend(c.consistency.a.iter().map(|f| flag_row(f, Group::FlagA)));
    out.extend(c.consistency.b.iter().map(|f| flag_row(f, Group::FlagB)));
    for s in &c.sections {
        let sec = |r: &crate::compare::SectionRef| Side {
            subject: r.title.clone(),
            text: r.title.clone(),
            ..Side::default()
        };
        out.push(Row {
            group: Group::Sections,
            status: "section".into(),
            a: Some(sec(&s.a)),
            b: Some(sec(&s.b)),
            diff: None,
            note: format!("{:.2}", s.similarity),
            tip: String::new(),
            a_spans: vec![s.a.title_span],
            b_spans: vec![s.b.title_span],
        });
    }
    out
}

/// The filter values (besides `all`), each with the rows it keeps.
pub const FILTERS: [&str; 16] = [
    "annual",
    "met",
    "weaker",
    "missing",
    "extra",
    "in_period",
    "not_comparable",
    "pairs",
    "same",
    "different",
    "only_a",
    "only_b",
    "flags",
    "flags_a",
    "flags_b",
    "sections",
];

/// Does `row` pass filter `f` (`all`, a group, or a status)?
pub fn keeps(row: &Row, f: &str) -> bool {
    match f {
        "" | "all" => true,
        "annual" => row.group == Group::Annual,
        "pairs" => row.group == Group::Pairs,
        "only_a" => row.group == Group::OnlyA,
        "only_b" => row.group == Group::OnlyB,
        "flags" => matches!(row.group, Group::FlagA | Group::FlagB),
        "flags_a" => row.group == Group::FlagA,
        "flags_b" => row.group == Group::FlagB,
        "sections" => row.group == Group::Sections,
        s => matches!(row.group, Group::Annual | Group::Pairs) && row.status == s,
    }
}

/// Indexes of the rows filter `f` keeps.
pub fn filtered(rows: &[Row], f: &str) -> Vec<usize> {
    (0..rows.len()).filter(|&i| keeps(&rows[i], f)).collect()
}

/// The filter a fresh comparison opens with: the annual table when there is one, else the pairs.
pub fn default_filter(c: &Comparison) -> &'static str {
    if c.annual.as_ref().is_some_and(|a| !a.rows.is_empty()) {
        "annual"
    } else {
        "pairs"
    }
}

/// A figure without a needless `.0` (10, 2.5, −32).
pub fn fmt_num(x: f64) -> String {
    if x.is_finite() && x.fract() == 0.0 && x.abs() < 1e15 {
        format!("{}", x as i64)
    } else {
        let s = format!("{x:.2}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    }
}

/// A difference as shown (+2, −32, 0).
pub fn fmt_diff(d: Option<f64>) -> String {
    match d {
        Some(x) if x > 0.0 => format!("+{}", fmt_num(x)),
        Some(x) if x < 0.0 => format!("−{}", fmt_num(-x)),
        Some(_) => "0".into(),
        None => String::new(),
    }
}

/// Every distinct span of one side that some row lights up, sorted — the marks drawn in that
/// plan's text (a row's spans are found again by their `start-end` key).
pub fn side_spans(rows: &[Row], a_side: bool) -> Vec<[usize; 2]> {
    let mut v: Vec<[usize; 2]> = rows
        .iter()
        .flat_map(|r| {
            if a_side {
                r.a_spans.iter()
            } else {
                r.b_spans.iter()
            }
        })
        .copied()
        .filter(|s| s[0] < s[1])
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The key a span's mark carries (`data-s`).
pub fn span_key(s: [usize; 2]) -> String {
    format!("{}-{}", s[0], s[1])
}

/// The CSV export: the engine's CSV with a UTF-8 BOM, so Excel reads the Chinese text right.
pub fn with_bom(csv: &str) -> String {
    format!("\u{FEFF}{csv}")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The statuses of the annual table: the filters after `annual`.
    const ANNUAL_STATUSES: &[&str] = {
        let (_, rest) = FILTERS.split_at(1);
        rest.split_at(6).0
    };

    const PLAN: &str = "武进区教育三年行动方案（2022—2024年）\n一、主要目标\n到2024年，新增省市优质园18所。\n\n附件\n年度任务表\n序号\n主要内容\n2022年\n2023年\n2024年\n1\n新增省市优质园18所\n新增4所\n新增6所\n新增8所\n";
    const ANNUAL: &str =
        "2023年武进教育工作要点\n一、学前教育\n新增省市优质园8所以上。新建学校3所。\n";

    fn cmp() -> Comparison {
        crate::compare::compare(PLAN, ANNUAL)
    }

    #[test]
    fn every_part_of_the_comparison_becomes_rows_with_spans_on_the_right_side() {
        let c = cmp();
        let r = rows(&c);
        let n_annual = c.annual.as_ref().map_or(0, |a| a.rows.len());
        assert_eq!(
            r.len(),
            n_annual
                + c.pairs.len()
                + c.only_a.len()
                + c.only_b.len()
                + c.consistency.a.len()
                + c.consistency.b.len()
                + c.sections.len()
        );
        for row in &r {
            match row.group {
                Group::OnlyA | Group::FlagA => {
                    assert!(row.b_spans.is_empty() && !row.a_spans.is_empty())
                }
                Group::OnlyB | Group::FlagB => {
                    assert!(row.a_spans.is_empty() && !row.b_spans.is_empty())
                }
                Group::Pairs | Group::Sections => {
                    assert!(!row.a_spans.is_empty() && !row.b_spans.is_empty())
                }
                Group::Annual => assert!(row.a.is_some() || row.b.is_some()),
            }
        }
        // every span points into its own plan's text
        let (na, nb) = (PLAN.chars().count(), ANNUAL.chars().count());
        assert!(side_spans(&r, true).iter().all(|s| s[1] <= na));
        assert!(side_spans(&r, false).iter().all(|s| s[1] <= nb));
    }

    #[test]
    fn filters_partition_the_groups() {
        let c = cmp();
        let r = rows(&c);
        assert_eq!(filtered(&r, "all").len(), r.len());
        let groups: usize = ["annual", "pairs", "only_a", "only_b", "flags", "sections"]
            .iter()
            .map(|f| filtered(&r, f).len())
            .sum();
        assert_eq!(groups, r.len());
        let statuses: usize = ANNUAL_STATUSES
            .iter()
            .map(|s| {
                filtered(&r, s)
                    .iter()
                    .filter(|&&i| r[i].group == Group::Annual)
                    .count()
            })
            .sum();
        assert_eq!(statuses, filtered(&r, "annual").len());
        assert_eq!(
            filtered(&r, "flags").len(),
            filtered(&r, "flags_a").len() + filtered(&r, "flags_b").len()
        );
    }

    #[test]
    fn the_annual_row_carries_b_minus_a() {
        let c = cmp();
        assert_eq!(c.mode, "annual_in_period", "{c:?}");
        let r = rows(&c);
        let met = r
            .iter()
            .find(|x| {
                x.group == Group::Annual
                    && x.a.as_ref().is_some_and(|s| s.subject.contains("优质园"))
                    && x.b.is_some()
            })
            .expect("优质园 row");
        // ≥8 in 2023 against the table's 2023 cell (6: met, +2), or against the period total
        // (18: shown, not judged, −10)
        match met.status.as_str() {
            "met" => assert_eq!(met.diff, Some(2.0)),
            "in_period" => assert_eq!(met.diff, Some(-10.0)),
            s => panic!("unexpected status {s}"),
        }
        assert_eq!(default_filter(&c), "annual");
    }

    #[test]
    fn numbers_and_differences_read_naturally() {
        assert_eq!(fmt_num(10.0), "10");
        assert_eq!(fmt_num(2.5), "2.5");
        assert_eq!(fmt_diff(Some(-32.0)), "−32");
        assert_eq!(fmt_diff(Some(2.0)), "+2");
        assert_eq!(fmt_diff(Some(0.0)), "0");
        assert_eq!(fmt_diff(None), "");
        assert_eq!(fmt_num(f64::NAN), "NaN");
        assert!(with_bom(&crate::compare::render::csv(&cmp())).starts_with("\u{FEFF}kind,status,"));
    }
}
