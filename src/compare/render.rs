//! Output of a comparison and of a self-check: JSON (`planlens-compare/1`, `planlens-check/1`),
//! a Markdown report, and CSV with one row per aligned pair, unmatched target, annual row or flag.

use super::{Check, Comparison, Flag, TargetRef};
use crate::render::{csv_cell, md_escape as md};
use std::fmt::{self, Write};

pub fn json<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

pub fn json_line<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_string(v).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn cell(r: Option<&TargetRef>) -> String {
    match r {
        Some(r) => {
            let col = r
                .column
                .as_deref()
                .map(|c| format!(" [表 {}]", md(c)))
                .unwrap_or_default();
            format!("{} **{}**{}", md(&r.subject), md(&r.quantity), col)
        }
        None => "—".into(),
    }
}

/// A pair's similarity as shown: two places, or `—` when there is no pair.
fn sim(s: Option<f64>) -> String {
    s.map(|s| format!("{s:.2}")).unwrap_or_else(|| "—".into())
}

fn title(t: &Option<String>) -> String {
    md(t.as_deref().unwrap_or("（无标题 untitled）"))
}

fn flags_md(out: &mut impl Write, flags: &[Flag]) -> fmt::Result {
    if flags.is_empty() {
        return out.write_str("无不一致 (no disagreements found).\n\n");
    }
    out.write_str("| 主题 subject | 陈述 stated | 表中 table | 位置 spans |\n|---|---|---|---|\n")?;
    for f in flags {
        let found = match f.found {
            [Some(lo), Some(hi)] if lo != hi => format!("{lo}–{hi}"),
            [Some(lo), Some(_)] => format!("{lo}"),
            [Some(lo), None] => format!("≥{lo}"),
            _ => "?".into(),
        };
        let spans: Vec<String> = f
            .spans
            .iter()
            .map(|s| format!("{}–{}", s[0], s[1]))
            .collect();
        writeln!(
            out,
            "| {} | {} | {}{} | {} |",
            md(&f.subject),
            md(&f.stated.quantity),
            found,
            if f.found_approx { " (约)" } else { "" },
            spans.join(", ")
        )?;
    }
    out.write_char('\n')
}

/// The Markdown report of a comparison.
pub fn markdown(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = write_markdown(&mut out, c);
    out
}

/// [`markdown`] written piece by piece into `out` (the CLI streams it to stdout).
pub fn write_markdown(out: &mut impl Write, c: &Comparison) -> fmt::Result {
    write!(
        out,
        "# 规划对照 Plan comparison\n\n- A: {}\n- B: {}\n",
        title(&c.a.title),
        title(&c.b.title)
    )?;
    let s = &c.summary;
    write!(
        out,
        "- 对齐 aligned: {} 对 pairs ({} 相同 same, {} 不同 different); 仅A only in A: {}; 仅B only in B: {}\n\n",
        s.pairs, s.same, s.different, s.only_a, s.only_b
    )?;
    if let Some(an) = &c.annual {
        let k = &an.counts;
        write!(
            out,
            "## {} 年度对照 Annual plan against the multi-year plan\n\n达到 met {}, 偏弱 weaker {}, 缺少 missing {}, 新增 extra {}, 不可比 not comparable {}, 对应期内总目标 in period {}\n\n| 状态 status | 多年规划 plan | 年度计划 annual | 相似度 similarity |\n|---|---|---|---|\n",
            an.year, k.met, k.weaker, k.missing, k.extra, k.not_comparable, k.in_period
        )?;
        for r in &an.rows {
            writeln!(
                out,
                "| {} | {} | {} | {} |",
                r.status,
                cell(r.plan.as_ref()),
                cell(r.annual.as_ref()),
                sim(r.similarity)
            )?;
        }
        out.write_char('\n')?;
    }
    out.write_str(
        "## 对齐的目标 Aligned targets\n\n| A | B | 差 B−A | 相同 same | 相似度 similarity |\n|---|---|---|---|---|\n",
    )?;
    for p in &c.pairs {
        let d = p
            .difference
            .map(|d| format!("{d:+}"))
            .unwrap_or_else(|| "—".into());
        writeln!(
            out,
            "| {} | {} | {} | {} | {} |",
            cell(Some(&p.a)),
            cell(Some(&p.b)),
            d,
            if p.same { "✓" } else { "" },
            sim(Some(p.similarity))
        )?;
    }
    out.write_str("\n## 仅在A Only in A\n\n")?;
    for r in &c.only_a {
        writeln!(out, "- {}", cell(Some(r)))?;
    }
    out.write_str("\n## 仅在B Only in B\n\n")?;
    for r in &c.only_b {
        writeln!(out, "- {}", cell(Some(r)))?;
    }
    out.write_str("\n## 章节对照 Sections\n\n")?;
    for sp in &c.sections {
        writeln!(
            out,
            "- {} ↔ {} ({})",
            md(&sp.a.title),
            md(&sp.b.title),
            sp.similarity
        )?;
    }
    out.write_str("\n## A 自身一致性 A against itself\n\n")?;
    flags_md(out, &c.consistency.a)?;
    out.write_str("## B 自身一致性 B against itself\n\n")?;
    flags_md(out, &c.consistency.b)
}

fn csv_ref(r: Option<&TargetRef>) -> [String; 5] {
    match r {
        Some(r) => [
            r.subject.to_string(),
            r.quantity.to_string(),
            r.when.to_string(),
            format!("{}-{}", r.span[0], r.span[1]),
            r.text.to_string(),
        ],
        None => Default::default(),
    }
}

const CSV_HEAD: &str = "kind,status,a_subject,a_quantity,a_when,a_span,a_text,b_subject,b_quantity,b_when,b_span,b_text,difference,similarity";

fn csv_row(
    out: &mut impl Write,
    kind: &str,
    status: &str,
    a: Option<&TargetRef>,
    b: Option<&TargetRef>,
    diff: Option<f64>,
    similarity: Option<f64>,
) -> fmt::Result {
    let mut f = vec![kind.to_string(), status.to_string()];
    f.extend(csv_ref(a));
    f.extend(csv_ref(b));
    f.push(diff.map(|d| d.to_string()).unwrap_or_default());
    f.push(similarity.map(|s| s.to_string()).unwrap_or_default());
    let line: Vec<String> = f.iter().map(|s| csv_cell(s)).collect();
    writeln!(out, "{}", line.join(","))
}

/// CSV of a comparison: pairs, only-in-A, only-in-B, annual rows (A/B columns are the two
/// plans), and self-consistency flags (stated target in the A columns of its own plan).
pub fn csv(c: &Comparison) -> String {
    let mut out = String::new();
    let _ = write_csv(&mut out, c);
    out
}

/// [`csv`] written line by line into `out` (the CLI streams it to stdout).
pub fn write_csv(out: &mut impl Write, c: &Comparison) -> fmt::Result {
    writeln!(out, "{CSV_HEAD}")?;
    for p in &c.pairs {
        csv_row(
            out,
            "pair",
            if p.same { "same" } else { "different" },
            Some(&p.a),
            Some(&p.b),
            p.difference,
            Some(p.similarity),
        )?;
    }
    for r in &c.only_a {
        csv_row(out, "only_a", "", Some(r), None, None, None)?;
    }
    for r in &c.only_b {
        csv_row(out, "only_b", "", None, Some(r), None, None)?;
    }
    if let Some(an) = &c.annual {
        for r in &an.rows {
            let (a, b) = if an.plan == "a" {
                (r.plan.as_ref(), r.annual.as_ref())
            } else {
                (r.annual.as_ref(), r.plan.as_ref())
            };
            csv_row(out, "annual", &r.status, a, b, None, r.similarity)?;
        }
    }
    for (side, flags) in [("flag_a", &c.consistency.a), ("flag_b", &c.consistency.b)] {
        for f in flags {
            for p in &f.parts {
                csv_row(out, side, &f.code, Some(&f.stated), Some(p), None, None)?;
            }
        }
    }
    Ok(())
}

/// The Markdown report of a self-check.
pub fn check_markdown(c: &Check) -> String {
    let mut out = String::new();
    let _ = write_check_markdown(&mut out, c);
    out
}

/// [`check_markdown`] written piece by piece into `out`.
pub fn write_check_markdown(out: &mut impl Write, c: &Check) -> fmt::Result {
    write!(
        out,
        "# 自身一致性 Self-consistency: {}\n\n- 分年表 schedules: {}\n\n",
        title(&c.plan.title),
        c.plan.schedules
    )?;
    flags_md(out, &c.flags)
}

/// CSV of a self-check: one row per (stated target, table cell) of each flag.
pub fn check_csv(c: &Check) -> String {
    let mut out = String::new();
    let _ = write_check_csv(&mut out, c);
    out
}

/// [`check_csv`] written line by line into `out`.
pub fn write_check_csv(out: &mut impl Write, c: &Check) -> fmt::Result {
    writeln!(out, "{CSV_HEAD}")?;
    for f in &c.flags {
        for p in &f.parts {
            csv_row(out, "flag", &f.code, Some(&f.stated), Some(p), None, None)?;
        }
    }
    Ok(())
}
