//! Indicator tables (主要指标表 of a 规划 or 方案): `指标 | 单位 | 2020年 | 2025年目标值 | 属性`.
//!
//! The values of the target column are bare cells (`≤30`, `88左右`, `<0.5`, `〔1.36〕`) whose unit
//! is printed in the 单位 column (or in the indicator name, `（%）`), so the sentence reader, which
//! needs a unit after the number, never sees them. This module reads those cells with the rebuilt
//! table ([`crate::document::tables`]) telling which column is which; the baseline column is left alone.

use crate::document::tables::{column, TableBlock};
use crate::model::Comparator;
use crate::rx::Regex;
use crate::text::Text;
use std::ops::Range;
use std::sync::OnceLock;

/// One value cell of a target column.
#[derive(Debug, Clone, PartialEq)]
pub struct CellTarget {
    /// Byte range of the cell in `Text::clean`.
    pub range: Range<usize>,
    pub value: Option<f64>,
    pub range_value: Option<[f64; 2]>,
    pub unit: Option<String>,
    pub comparator: Comparator,
    /// The indicator name of the row.
    pub subject: Option<String>,
    /// `〔1.36〕`: a cumulative amount over the plan period.
    pub cumulative: bool,
    /// The year the target column names (`2025年目标值`, `2025年`), as written and as a number:
    /// the cell's deadline.
    pub year: Option<(String, i32)>,
}

/// The year a target column's header names (`2025年目标值` → `2025年`, 2025).
fn header_year(header: &str) -> Option<(String, i32)> {
    let y = crate::document::tables::header_year(header)?.year;
    Some((format!("{y}年"), y))
}

/// Header words of the column that holds the targets; a header naming a baseline never is one.
const TARGET_HEADERS: &[&str] = &["目标值", "目标", "预期值", "规划值"];
const BASELINE_HEADERS: &[&str] = &["基期", "现状", "基准", "完成"];
/// Header words of the column holding each indicator's unit of measure (`%`, `万人`).
const MEASURE_HEADERS: &[&str] = &["单位", "计量单位"];
const NAME_HEADERS: &[&str] = &["指标", "指标名称", "主要指标", "名称"];

/// Comparator signs and words written in a cell, before or after the number.
const CELL_BEFORE: &[(&str, Comparator)] = &[
    ("≤", Comparator::Lte),
    ("≥", Comparator::Gte),
    ("<=", Comparator::Lte),
    (">=", Comparator::Gte),
    ("<", Comparator::Lt),
    (">", Comparator::Gt),
    ("＜", Comparator::Lt),
    ("＞", Comparator::Gt),
    ("不低于", Comparator::Gte),
    ("不少于", Comparator::Gte),
    ("不高于", Comparator::Lte),
    ("不超过", Comparator::Lte),
    ("大于", Comparator::Gt),
    ("小于", Comparator::Lt),
];
const CELL_AFTER: &[(&str, Comparator)] = &[
    ("及以上", Comparator::Gte),
    ("以上", Comparator::Gte),
    ("以下", Comparator::Lte),
    ("以内", Comparator::Lte),
    ("左右", Comparator::Approx),
];

fn cell_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::rx::new(concat!(
            r"^(?P<pre>≤|≥|<=|>=|<|>|＜|＞|不低于|不少于|不高于|不超过|大于|小于)?\s*",
            r"(?P<open>[〔\[［【(（])?\s*(?P<a>[0-9]+(?:\.[0-9]+)?)",
            r"(?:\s*[-—~～]\s*(?P<b>[0-9]+(?:\.[0-9]+)?))?\s*(?P<close>[〕\]］】)）])?\s*",
            r"(?P<u>%|％|‰)?\s*(?P<post>及以上|以上|以下|以内|左右)?$",
        ))
        .expect("cell pattern")
    })
}

/// One value cell read: (value, range, written unit, comparator, cumulative).
pub type Cell = (
    Option<f64>,
    Option<[f64; 2]>,
    Option<&'static str>,
    Comparator,
    bool,
);

/// Reads one value cell.
pub fn parse_cell(cell: &str) -> Option<Cell> {
    let c = cell_re().captures(cell.trim())?;
    let a: f64 = c.name("a")?.as_str().parse().ok()?;
    let b: Option<f64> = c.name("b").and_then(|b| b.as_str().parse().ok());
    let mut cmp = Comparator::Eq;
    if let Some(p) = c.name("pre") {
        cmp = CELL_BEFORE
            .iter()
            .find(|(w, _)| *w == p.as_str())
            .map_or(cmp, |(_, k)| *k);
    }
    if let Some(p) = c.name("post") {
        cmp = CELL_AFTER
            .iter()
            .find(|(w, _)| *w == p.as_str())
            .map_or(cmp, |(_, k)| *k);
    }
    let unit = c
        .name("u")
        .map(|u| if u.as_str() == "‰" { "‰" } else { "%" });
    let cumulative =
        c.name("open").is_some_and(|o| o.as_str() == "〔") && c.name("close").is_some();
    Some(match b {
        Some(b) if b > a => (None, Some([a, b]), unit, Comparator::Range, cumulative),
        _ => (Some(a), None, unit, cmp, cumulative),
    })
}

/// The target column: a header with 目标/目标值 (not a baseline), else the last of two or more
/// year columns (`2020年 | 2025年`).
fn target_col(columns: &[String]) -> Option<usize> {
    let is_base = |h: &str| BASELINE_HEADERS.iter().any(|w| h.contains(w));
    if let Some(i) = columns
        .iter()
        .rposition(|h| !is_base(h) && TARGET_HEADERS.iter().any(|w| h.contains(w)))
    {
        return Some(i);
    }
    let years: Vec<usize> = columns
        .iter()
        .enumerate()
        .filter(|(_, h)| {
            let d = h.trim().trim_end_matches('年');
            d.len() == 4 && d.bytes().all(|b| b.is_ascii_digit())
        })
        .map(|(i, _)| i)
        .collect();
    (years.len() >= 2).then(|| years[years.len() - 1])
}

/// The unit printed inside an indicator name: `城镇化率（%）`, `森林覆盖率(%)`.
fn unit_in_name(name: &str) -> Option<String> {
    let n = name.trim_end();
    let inner = n
        .strip_suffix('）')
        .and_then(|s| s.rsplit_once('（'))
        .or_else(|| n.strip_suffix(')').and_then(|s| s.rsplit_once('(')))?
        .1
        .trim();
    (!inner.is_empty()
        && inner.chars().count() <= 8
        && !inner.contains(|c: char| c.is_ascii_digit()))
    .then(|| inner.to_string())
}

/// Every value cell of the target columns of `tables`.
pub fn cells(t: &Text, tables: &[TableBlock]) -> Vec<CellTarget> {
    let mut out = Vec::new();
    for tb in tables {
        let cols = &tb.table.columns;
        let Some(tc) = target_col(cols) else { continue };
        let year = header_year(&cols[tc]);
        let uc = column(cols, MEASURE_HEADERS, true);
        let nc = column(cols, NAME_HEADERS, true).or_else(|| column(cols, &["指标"], false));
        // the table's lines, to find each cell where it is printed: every row looks for its
        // number and its cell among them
        let (lines, texts) = (&tb.cells, crate::document::tables::cell_texts(t, tb));
        let text_of = |i: usize| texts[i].as_str();
        // the row starts at its number; its cells run to the next row's number
        let starts = crate::document::tables::row_starts(t, tb, &texts);
        for (ri, row) in tb.table.rows.iter().enumerate() {
            let (Some(start), Some(cell)) = (starts[ri], row.get(tc)) else {
                continue;
            };
            let end = crate::document::tables::row_end(&starts, ri, lines.len());
            let Some(li) = (start + 1..end).find(|&i| text_of(i) == cell) else {
                continue; // a merged cell filled from the row above: printed once, read once
            };
            let Some((value, range_value, written, comparator, cumulative)) = parse_cell(cell)
            else {
                continue;
            };
            let name = nc
                .and_then(|j| row.get(j))
                .map(|s| s.trim().to_string())
                .filter(|s| !s.is_empty());
            let unit = uc
                .and_then(|j| row.get(j))
                .map(|u| u.trim())
                .filter(|u| {
                    !u.is_empty()
                        && parse_cell(u).is_none()
                        && !matches!(*u, "—" | "-" | "/" | "无")
                })
                .map(str::to_string)
                .or_else(|| written.map(str::to_string))
                .or_else(|| name.as_deref().and_then(unit_in_name));
            out.push(CellTarget {
                range: lines[li].clone(),
                value,
                range_value,
                unit,
                comparator,
                subject: name,
                cumulative,
                year: year.clone(),
            });
        }
    }
    out
}

/// Lines apart (at most) that two year cells may stand and still be one table.
const YEAR_CELL_GAP: usize = 12;
/// Lines above a year cell (at most) where its `指标：` line is looked for.
const NAME_REACH: usize = 6;

/// A table converted to `key：value` lines (`指标：人均预期寿命(岁)` ⏎ `2015 年：76.34` ⏎
/// `2020 年：77.3` ⏎ `2030 年：79.0`): each `YYYY年：value` line is a cell of a year column. In
/// each run of such lines the earliest year is the baseline and the later ones are targets due
/// in their year; the unit comes from the `指标：` line above, when it prints one.
pub fn labelled_cells(t: &Text) -> Vec<CellTarget> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::new(r"^ *(?P<y>(?:19|20)[0-9]{2}) *年 *: *(?P<v>[^ ].*?) *$").expect("year cell")
    });
    let lines: Vec<Range<usize>> = t.lines().collect();
    // (line index, year, range of the value, the cell read)
    let mut found: Vec<(usize, i32, Range<usize>, Cell)> = Vec::new();
    for (i, r) in lines.iter().enumerate() {
        let line = &t.clean[r.clone()];
        if !line.contains("年") {
            continue;
        }
        let Some(c) = re.captures(line) else { continue };
        let (Some(y), Some(v)) = (c.name("y"), c.name("v")) else {
            continue;
        };
        let (Ok(year), Some(cell)) = (y.as_str().parse(), parse_cell(v.as_str())) else {
            continue;
        };
        found.push((i, year, r.start + v.start()..r.start + v.end(), cell));
    }
    let mut out = Vec::new();
    for run in found.chunk_by(|a, b| b.0 - a.0 <= YEAR_CELL_GAP) {
        let Some(base) = run.iter().map(|c| c.1).min() else {
            continue;
        };
        for (i, year, range, cell) in run.iter().filter(|c| c.1 > base) {
            let (value, range_value, written, comparator, cumulative) = *cell;
            let unit = written.map(str::to_string).or_else(|| {
                lines[i.saturating_sub(NAME_REACH)..*i]
                    .iter()
                    .rev()
                    .map(|l| t.clean[l.clone()].trim())
                    .find_map(|l| l.strip_prefix("指标").and_then(|n| n.strip_prefix(':')))
                    .and_then(unit_in_name)
            });
            out.push(CellTarget {
                range: range.clone(),
                value,
                range_value,
                unit,
                comparator,
                subject: None,
                cumulative,
                year: Some((format!("{year}年"), *year)),
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn year_labelled_lines_are_cells_after_the_baseline() {
        let src = "指标：人均预期寿命(岁)\n\n2015 年：76.34\n\n2020 年：77.3\n\n2030 年：79.0\n2020年：是全面建成小康社会之年";
        let t = crate::input::clean::clean(src);
        let cells = labelled_cells(&t);
        let got: Vec<(Option<f64>, Option<&str>, i32)> = cells
            .iter()
            .map(|c| {
                (
                    c.value,
                    c.unit.as_deref(),
                    c.year.as_ref().map_or(0, |y| y.1),
                )
            })
            .collect();
        assert_eq!(
            got,
            [
                (Some(77.3), Some("岁"), 2020),
                (Some(79.0), Some("岁"), 2030)
            ]
        );
        // a lone year line is no table
        assert!(labelled_cells(&crate::input::clean::clean("2030 年：30")).is_empty());
    }

    #[test]
    fn the_target_column_names_the_year() {
        assert_eq!(header_year("2025年目标值"), Some(("2025年".into(), 2025)));
        assert_eq!(header_year("2025年"), Some(("2025年".into(), 2025)));
        assert_eq!(header_year("目标值"), None);
        assert_eq!(header_year("十四五末目标值"), None);
        assert_eq!(header_year("25年目标"), None);
    }

    #[test]
    fn cell_shapes() {
        for (c, v, cmp) in [
            ("≤30", Some(30.0), Comparator::Lte),
            ("≥85", Some(85.0), Comparator::Gte),
            ("<0.5", Some(0.5), Comparator::Lt),
            ("88左右", Some(88.0), Comparator::Approx),
            ("6左右", Some(6.0), Comparator::Approx),
            ("〔13.5〕", Some(13.5), Comparator::Eq),
            ("100", Some(100.0), Comparator::Eq),
            ("95%以上", Some(95.0), Comparator::Gte),
        ] {
            let got = parse_cell(c).expect(c);
            assert_eq!((got.0, got.3), (v, cmp), "{c}");
        }
        assert!(parse_cell("〔13.5〕").is_some_and(|c| c.4));
        assert_eq!(parse_cell("5-6").map(|c| c.1), Some(Some([5.0, 6.0])));
        for c in ["约束性", "—", "细颗粒物（PM2.5）平均浓度", "2025年"] {
            assert!(parse_cell(c).is_none(), "{c}");
        }
    }

    #[test]
    fn reads_the_target_column_with_the_row_unit() {
        let src = "主要指标\n序号\n指标\n单位\n2020年\n2025年目标值\n属性\n1\n空气质量优良天数比例\n%\n86.5\n88左右\n约束性\n2\n化学需氧量重点工程减排量\n万吨\n—\n〔1.36〕\n约束性\n3\n城镇化率（%）\n\n60\n65\n预期性\n";
        let t = crate::input::clean::clean(src);
        let tables = crate::document::tables::detect(&t, 0..t.clean.len());
        let got = cells(&t, &tables);
        let texts: Vec<String> = got.iter().map(|c| t.display(c.range.clone())).collect();
        assert_eq!(texts, vec!["88左右", "〔1.36〕", "65"]);
        assert_eq!(got[0].unit.as_deref(), Some("%"));
        assert_eq!(got[0].comparator, Comparator::Approx);
        assert_eq!(got[1].unit.as_deref(), Some("万吨"));
        assert!(got[1].cumulative);
        assert_eq!(got[0].subject.as_deref(), Some("空气质量优良天数比例"));
        assert_eq!(got[0].year, Some(("2025年".into(), 2025)));
    }

    #[test]
    fn a_table_without_a_target_column_gives_nothing() {
        let src = "序号\n项目名称\n主要内容\n牵头部门\n责任部门\n1\n示范校\n建成示范校3所\n教育局\n财政局\n";
        let t = crate::input::clean::clean(src);
        let tables = crate::document::tables::detect(&t, 0..t.clean.len());
        assert!(cells(&t, &tables).is_empty());
    }
}
