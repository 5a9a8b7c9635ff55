//! Tables carried flattened one cell per line, rebuilt (docs/domain.md#tables); tables printed a row
//! per line (copied from Word or a PDF) are split into the same cells first ([`cells_in`]).
//!
//! A converted docx table arrives as one cell per line: first the header cells (a header cell
//! with a line break inside split in two, `牵头` / `部门`; a group header such as `分年度推进内容`
//! followed later by its sub-headers `2022` `2023` `2024`), then the rows, each opened by its
//! 序号. A vertically merged cell is printed once, so later rows simply omit it.
//!
//! Rebuilding: find a run of header cells from [`HEADERS`]; take each bare integer equal to the
//! previous row number + 1 as the start of a row; align the row's cells to the columns by *type*
//! with a small dynamic programme (a long sentence fits 主要内容 or a year column, a short org
//! name fits 牵头部门, an `、` list fits 责任部门), where leaving a column out costs little for
//! columns that are typically merged; a left-out cell is filled from the row above.

use crate::document::cues::org_names;
use crate::model::Table;
use crate::text::{fold, Text};
use std::ops::Range;

/// A rebuilt table and where it sits in the working text.
#[derive(Debug, Clone)]
pub struct TableBlock {
    pub table: Table,
    /// Byte range of `Text::clean` the table occupies (headings are never looked for inside it).
    pub range: Range<usize>,
    /// The cells it is printed in ([`cells_in`]), from its title or header to its last cell: the
    /// ones it was rebuilt from, for finding a row's cells where they are printed.
    pub cells: Vec<Range<usize>>,
}

/// What a column holds, which decides which cells fit it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ColKind {
    /// 序号: the row number.
    Seq,
    /// A grouping name that spans several rows (行动名称, 类别): often merged.
    Group,
    /// A short name (项目名称, 重点任务, 指标名称).
    Name,
    /// Sentences (主要内容, 具体措施, a year column, 目标值).
    Content,
    /// One lead body (牵头部门, 牵头单位).
    Lead,
    /// A list of bodies (责任部门, 配合单位).
    Others,
    /// A time limit (完成时限, 时间节点).
    Time,
    /// A unit, an attribute (约束性/预期性) or a remark.
    Short,
    /// A header spanning the sub-headers printed after the first header row (分年度推进内容).
    Spanning,
}

/// Header vocabulary: (how a header cell is recognised, kind). `=x` means exactly `x`, `^x`
/// starts with, `$x` ends with, `~x` contains. The first matching row wins.
pub const HEADERS: &[(&str, ColKind)] = &[
    ("=序号", ColKind::Seq),
    ("=编号", ColKind::Seq),
    ("~分年度", ColKind::Spanning),
    ("~年度推进", ColKind::Spanning),
    ("=年度目标", ColKind::Spanning),
    ("=分年目标", ColKind::Spanning),
    ("=进度安排", ColKind::Spanning),
    ("^行动", ColKind::Group),
    ("=类别", ColKind::Group),
    ("=领域", ColKind::Group),
    ("=类型", ColKind::Group),
    ("^牵头", ColKind::Lead),
    ("=责任领导", ColKind::Lead),
    ("=计量单位", ColKind::Short),
    ("=单位", ColKind::Short),
    ("$部门", ColKind::Others),
    ("$单位", ColKind::Others),
    ("$主体", ColKind::Others),
    ("~时限", ColKind::Time),
    ("~时间", ColKind::Time),
    ("=时间节点", ColKind::Time),
    ("$名称", ColKind::Name),
    ("=重点任务", ColKind::Name),
    ("=工作任务", ColKind::Name),
    ("=任务", ColKind::Name),
    ("=指标", ColKind::Name),
    ("=项目", ColKind::Name),
    ("$内容", ColKind::Content),
    ("$措施", ColKind::Content),
    ("$举措", ColKind::Content),
    ("$目标", ColKind::Content),
    ("$要求", ColKind::Content),
    ("$值", ColKind::Content),
    ("$标准", ColKind::Content),
    ("=属性", ColKind::Short),
    ("=备注", ColKind::Short),
];

/// Longest header cell (chars).
const HEADER_MAX: usize = 12;
/// Fewest header cells that make a table.
const MIN_HEADER: usize = 4;
/// Most header cells a table has (plan tables have about 4–20 columns). A longer run of
/// header-like lines is no header row; stopping there keeps `detect` linear, since it tries a
/// table at every line and each try would otherwise read the whole run again.
const MAX_HEADER: usize = 40;

/// The kind of a header cell, if it is one. A year (`2022`, `2023年`) is a content column.
pub fn header_kind(cell: &str) -> Option<ColKind> {
    let c = cell.trim();
    let n = c.chars().count();
    if n == 0 || n > HEADER_MAX {
        return None;
    }
    if is_year(c) {
        return Some(ColKind::Content);
    }
    HEADERS.iter().find_map(|(p, k)| {
        let (op, w) = p.split_at(1);
        let hit = match op {
            "=" => c == w,
            "^" => c.starts_with(w),
            "$" => c.ends_with(w),
            _ => c.contains(w),
        };
        hit.then_some(*k)
    })
}

/// A header word listed exactly in [`HEADERS`] (`序号`, `指标`, `单位`), or a year.
fn is_exact_header(c: &str) -> bool {
    is_year(c) || HEADERS.iter().any(|(p, _)| p.strip_prefix('=') == Some(c))
}

fn is_year(c: &str) -> bool {
    let c = c.trim_end_matches('度').trim_end_matches('年');
    c.len() == 4
        && c.bytes().all(|b| b.is_ascii_digit())
        && (c.starts_with("19") || c.starts_with("20"))
}

/// Finds flattened tables inside `body`.
pub fn detect(t: &Text, body: Range<usize>) -> Vec<TableBlock> {
    let cells = cells_in(t, t.clamp(body));
    let runs = header_runs(t, &cells);
    let mut out = Vec::new();
    let mut i = 0;
    while i < cells.len() {
        // Only a run of header cells of a table's length opens one: a longer run (lines of
        // header words, over and over) would be read up to its cap from each of its cells.
        if !(MIN_HEADER..=MAX_HEADER).contains(&runs[i]) {
            i += 1;
            continue;
        }
        match read_table(t, &cells, i) {
            Some((block, next)) => {
                out.push(block);
                i = next.max(i + 1);
            }
            None => i += 1,
        }
    }
    out
}

/// For each cell, how many header cells in a row start there, as [`read_table`] reads them (a
/// split header cell counts once), counted to one past [`MAX_HEADER`].
fn header_runs(t: &Text, cells: &[Range<usize>]) -> Vec<usize> {
    let mut runs = vec![0; cells.len() + 2];
    for i in (0..cells.len()).rev() {
        if let Some((_, _, used)) = header_at(t, cells, i) {
            runs[i] = (1 + runs[i + used]).min(MAX_HEADER + 1);
        }
    }
    runs
}

/// The cells a table can be printed in, inside `range`. A converted docx table prints one cell
/// per line, so each non-empty line is a cell; a table copied from Word or a PDF prints one row
/// per line, its cells apart by tabs or spaces (tabs arrive folded to spaces). Such a table is
/// known by its header line, whose every space-separated part is a header word (`序号 指标 单位
/// 2020年 2025年 属性`): from there, each line that splits is split at its runs of spaces, until
/// a line that does not.
pub fn cells_in(t: &Text, range: Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut split = false;
    for r in t.lines() {
        if r.start < range.start || r.end > range.end || t.clean[r.clone()].trim().is_empty() {
            continue;
        }
        let parts = parts_of(&t.clean[r.clone()], r.start);
        if parts.len() >= MIN_HEADER
            && parts
                .iter()
                .all(|p| header_kind(&t.clean[p.clone()]).is_some())
        {
            split = true;
        } else if parts.len() < 2 {
            split = false;
        }
        if split {
            out.extend(parts);
        } else {
            out.push(r);
        }
    }
    out
}

/// Does cell `r` open its line (nothing but spaces before it since the line break)?
fn opens_line(t: &Text, r: &Range<usize>) -> bool {
    r.start == 0 || t.clean[..r.start].trim_end_matches(' ').ends_with('\n')
}

/// The space-separated parts of `line` (which starts at byte `at`), as byte ranges.
fn parts_of(line: &str, at: usize) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in line.char_indices().chain([(line.len(), ' ')]) {
        match (c == ' ', start) {
            (true, Some(s)) => {
                out.push(at + s..at + i);
                start = None;
            }
            (false, None) => start = Some(i),
            _ => {}
        }
    }
    out
}

/// A header cell after joining a split one (`牵头` + `部门`): (kind, text, cells used).
fn header_at(t: &Text, cells: &[Range<usize>], i: usize) -> Option<(ColKind, String, usize)> {
    let a = t.clean.get(cells.get(i)?.clone())?.trim();
    if let Some(b) = cells
        .get(i + 1)
        .and_then(|r| t.clean.get(r.clone()))
        .map(str::trim)
    {
        let joined = format!("{a}{b}");
        // A header cell with a line break inside: two short halves (`牵头` / `部门`).
        // Halves that are header words of their own (`指标` / `单位`) stay two cells.
        if a.chars().count() <= 3
            && b.chars().count() <= 3
            && !is_exact_header(a)
            && !is_exact_header(b)
        {
            if let Some(k) = header_kind(&joined) {
                return Some((k, joined, 2));
            }
        }
    }
    header_kind(a).map(|k| (k, a.to_string(), 1))
}

/// The table whose header starts at cell `from`: its header run, its columns, then its rows
/// (numbered rows when the first column is 序号, rows a line each otherwise).
fn read_table(t: &Text, cells: &[Range<usize>], from: usize) -> Option<(TableBlock, usize)> {
    let (heads, i) = header_run(t, cells, from)?;
    let cols = columns(&heads);
    let seq_col = cols.iter().position(|c| c.0 == ColKind::Seq);
    if seq_col.is_none() {
        let (rows, end) = plain_rows(t, cells, i, &cols)?;
        let grid = rows
            .iter()
            .map(|row| {
                row.iter()
                    .map(|r| t.display(r.clone()).trim().to_string())
                    .collect()
            })
            .collect();
        return Some(finish(t, cells, from, end, cols, grid));
    }
    if seq_col != Some(0) || cols.len() < 3 {
        return None;
    }
    let (rows, end) = numbered_rows(t, cells, i, cols.len())?;
    let kinds: Vec<ColKind> = cols.iter().map(|c| c.0).collect();
    let grid = aligned_grid(t, &rows, &kinds);
    Some(finish(t, cells, from, end, cols, grid))
}

/// A header's cells from cell `from`: (kind, text, cells), and the cell after them.
type HeaderRun = (Vec<(ColKind, String, Range<usize>)>, usize);

/// The run of header cells from cell `from`, when it is long enough to head a table (at least
/// two headers that are not bare years).
fn header_run(t: &Text, cells: &[Range<usize>], from: usize) -> Option<HeaderRun> {
    let mut heads: Vec<(ColKind, String, Range<usize>)> = Vec::new();
    let mut i = from;
    while let Some((k, text, used)) = header_at(t, cells, i) {
        if heads.len() == MAX_HEADER {
            return None;
        }
        let r = cells[i].start..cells[i + used - 1].end;
        heads.push((k, text, r));
        i += used;
    }
    let named = heads
        .iter()
        .filter(|h| h.0 != ColKind::Content || !is_year(&h.1))
        .count();
    (heads.len() >= MIN_HEADER && named >= 2).then_some((heads, i))
}

/// The columns of a header run: sub-headers printed after the first header row (the years under
/// `分年度推进内容`) replace the spanning header.
fn columns(heads: &[(ColKind, String, Range<usize>)]) -> Vec<(ColKind, String)> {
    let mut cols: Vec<(ColKind, String)> = Vec::new();
    let years_from = heads
        .iter()
        .rposition(|h| !is_year(&h.1))
        .map_or(heads.len(), |p| p + 1);
    let years: Vec<(ColKind, String)> = heads[years_from..]
        .iter()
        .map(|h| (h.0, h.1.clone()))
        .collect();
    let mut placed = years.is_empty();
    for h in &heads[..years_from] {
        if h.0 == ColKind::Spanning {
            if !placed {
                cols.extend(years.iter().cloned());
                placed = true;
            }
            continue;
        }
        cols.push((h.0, h.1.clone()));
    }
    if !placed {
        cols.extend(years.iter().cloned());
    }
    cols
}

/// Rows from cell `i` on, each opened by the next row number, and the cell after the last row.
fn numbered_rows(
    t: &Text,
    cells: &[Range<usize>],
    i: usize,
    ncols: usize,
) -> Option<(Vec<Vec<Range<usize>>>, usize)> {
    let min_row = ncols.div_ceil(2);
    let mut rows: Vec<Vec<Range<usize>>> = Vec::new();
    let mut cur: Vec<Range<usize>> = Vec::new();
    let mut expect = 1u32;
    let mut end = i;
    while end < cells.len() {
        let s = t.clean[cells[end].clone()].trim();
        // a row number opens a line: in a table printed a row per line, the same number later
        // in a row is a value (`40 指标名称40 % 41 ≥56`)
        let is_anchor = opens_line(t, &cells[end]) && s.parse::<u32>().ok() == Some(expect);
        if is_anchor && (cur.is_empty() || cur.len() >= min_row) {
            if !cur.is_empty() {
                rows.push(std::mem::take(&mut cur));
            }
            expect += 1;
            cur.push(cells[end].clone());
        } else if cur.is_empty() || cur.len() >= ncols + 2 {
            break;
        } else {
            cur.push(cells[end].clone());
        }
        end += 1;
    }
    // The last row takes at most one cell per column (the text after it is not the table).
    if !cur.is_empty() {
        let take = cur.len().min(ncols);
        end -= cur.len() - take;
        cur.truncate(take);
        rows.push(cur);
    }
    (!rows.is_empty()).then_some((rows, end))
}

/// Each numbered row's cells aligned to the columns `kinds`; a merged cell takes the text of
/// the row above.
fn aligned_grid(t: &Text, rows: &[Vec<Range<usize>>], kinds: &[ColKind]) -> Vec<Vec<String>> {
    let mut grid: Vec<Vec<String>> = Vec::new();
    for row in rows {
        let texts: Vec<String> = row
            .iter()
            .map(|r| t.display(r.clone()).trim().to_string())
            .collect();
        // a row printed on one line (tabs or spaces between its cells) with a cell for every
        // column needs no aligning; cells spread over lines may be split or merged
        let one_line = !t.clean[row[0].start..row[row.len() - 1].end].contains('\n');
        let aligned = if one_line && texts.len() == kinds.len() {
            texts[1..].iter().cloned().map(Some).collect()
        } else {
            align(&texts[1..], &kinds[1..])
        };
        let mut out = vec![texts[0].clone()];
        for (j, cell) in aligned.into_iter().enumerate() {
            out.push(match cell {
                Some(c) => c,
                // A merged cell: the row above holds its text.
                None => grid
                    .last()
                    .and_then(|p| p.get(j + 1))
                    .cloned()
                    .unwrap_or_default(),
            });
        }
        grid.push(out);
    }
    grid
}

/// The table block from its header cell `from` to the cell before `end`, with the title line
/// printed right before the header.
fn finish(
    t: &Text,
    cells: &[Range<usize>],
    from: usize,
    end: usize,
    cols: Vec<(ColKind, String)>,
    grid: Vec<Vec<String>>,
) -> (TableBlock, usize) {
    // The title: a line right before the header that names a table.
    let title_cell = from.checked_sub(1).and_then(|p| {
        let s = t.clean[cells[p].clone()].trim();
        (s.chars().count() <= 80
            && (s.ends_with('表')
                || s.ends_with("清单")
                || s.ends_with("一览")
                || s.ends_with("主要指标")))
        .then(|| cells[p].clone())
    });
    let first = if title_cell.is_some() { from - 1 } else { from };
    let last = end.saturating_sub(1).max(from);
    let range = cells[first].start..cells[last].end;
    let table = Table {
        title: title_cell.map(|r| t.display(r).trim().to_string()),
        columns: cols.into_iter().map(|c| c.1).collect(),
        rows: grid,
        span: t.span(range.clone()),
    };
    let cells = cells[first..=last].to_vec();
    (
        TableBlock {
            table,
            range,
            cells,
        },
        end,
    )
}

/// Attribute values of an indicator (属性 column).
const ATTRIBUTES: &[&str] = &["约束性", "预期性", "—", "-", "/"];

/// Rows of an indicator table printed without a 序号 column (`指标名称 | 单位 | 2020年 | 2025年目标 |
/// 属性`): with no row number to anchor them, rows are read as runs of exactly one cell per
/// column, and only while every run has the shape of an indicator row — a short name first, a
/// short unit without digits, a number in a year or target column, an attribute in 属性.
/// Needs a name column first, a unit column and two rows.
fn plain_rows(
    t: &Text,
    cells: &[Range<usize>],
    from: usize,
    cols: &[(ColKind, String)],
) -> Option<(Vec<Vec<Range<usize>>>, usize)> {
    let ncols = cols.len();
    let unit = cols
        .iter()
        .position(|c| c.1 == "单位" || c.1 == "计量单位")?;
    if ncols < 4 || cols[0].0 != ColKind::Name {
        return None;
    }
    let attr = cols.iter().position(|c| c.1 == "属性");
    let values: Vec<usize> = (0..ncols)
        .filter(|&j| cols[j].0 == ColKind::Content)
        .collect();
    if values.is_empty() {
        return None;
    }
    let mut rows = Vec::new();
    let mut at = from;
    while at + ncols <= cells.len() {
        let row = &cells[at..at + ncols];
        let text = |j: usize| t.clean[row[j].clone()].trim();
        let name = text(0);
        let u = text(unit);
        let fits = (2..=40).contains(&name.chars().count())
            && !name.contains(['。', '；', ';'])
            && header_kind(name).is_none()
            && match_free(name)
            && u.chars().count() <= 12
            && !u.contains(|c: char| c.is_ascii_digit())
            && values
                .iter()
                .any(|&j| text(j).contains(|c: char| c.is_ascii_digit()))
            && values.iter().all(|&j| text(j).chars().count() <= 16)
            && attr.is_none_or(|a| ATTRIBUTES.contains(&text(a)));
        if !fits {
            break;
        }
        rows.push(row.to_vec());
        at += ncols;
    }
    (rows.len() >= 2).then_some((rows, at))
}

/// No heading marker opens the cell (`第三章 主要任务` after a table is text, not a row).
fn match_free(cell: &str) -> bool {
    crate::document::markers::match_marker(cell).is_none()
}

/// How well a cell fits a column kind (lower is better).
fn fit(cell: &str, kind: ColKind) -> f32 {
    // `—`, `/`, `无`: a printed empty cell holds its column's place in any column but 序号
    if kind != ColKind::Seq
        && matches!(
            cell.trim(),
            "—" | "——" | "-" | "--" | "/" | "／" | "无" | "－"
        )
    {
        return 0.1;
    }
    let n = cell.chars().count();
    let sentence = n > 25 || cell.contains(['。', ';', ':']);
    let org = org_names(cell).is_some();
    let list = cell.contains('、') && !cell.contains('。') && n <= 120;
    match kind {
        ColKind::Seq => 9.0,
        ColKind::Group => {
            if sentence {
                6.0
            } else if cell.ends_with("行动") || cell.ends_with("工程") || cell.ends_with("领域")
            {
                0.0
            } else {
                0.4
            }
        }
        ColKind::Name => {
            if sentence {
                3.0
            } else {
                0.1
            }
        }
        ColKind::Content => {
            let numeric = n <= 12 && cell.chars().any(|c| c.is_ascii_digit());
            if org || list {
                3.0
            } else if sentence || n >= 8 || numeric {
                0.0
            } else {
                0.8
            }
        }
        ColKind::Lead => {
            if org && !cell.contains(' ') {
                0.0
            } else if list || org {
                1.0
            } else {
                4.0
            }
        }
        ColKind::Others => {
            if list {
                0.0
            } else if org {
                0.5
            } else {
                4.0
            }
        }
        ColKind::Time => {
            if n <= 20 && cell.contains(['年', '月', '季', '底', '前'])
                || cell.contains("长期")
                || cell.contains("持续")
            {
                0.0
            } else {
                3.0
            }
        }
        ColKind::Short | ColKind::Spanning => {
            if n <= 8 {
                0.2
            } else {
                3.0
            }
        }
    }
}

/// Cost of leaving a column out of a row (its cell merged with the row above).
fn skip_cost(kind: ColKind) -> f32 {
    match kind {
        ColKind::Group => 0.6,
        ColKind::Lead => 2.0,
        _ => 1.5,
    }
}

/// Extra cells beyond the columns (a cell whose text held a line break) join the previous cell.
const MERGE_COST: f32 = 1.2;

/// Aligns `cells` (in order) to columns of `kinds`: `None` for a column the row leaves out.
fn align(cells: &[String], kinds: &[ColKind]) -> Vec<Option<String>> {
    let (n, m) = (cells.len(), kinds.len());
    // cost[i][j]: best cost having used i cells and j columns; back[i][j]: the step taken.
    let inf = f32::INFINITY;
    let mut cost = vec![vec![inf; m + 1]; n + 1];
    let mut back = vec![vec![0u8; m + 1]; n + 1];
    cost[0][0] = 0.0;
    for i in 0..=n {
        for j in 0..=m {
            let c = cost[i][j];
            if !c.is_finite() {
                continue;
            }
            if i < n && j < m {
                let v = c + fit(&cells[i], kinds[j]);
                if v < cost[i + 1][j + 1] {
                    cost[i + 1][j + 1] = v;
                    back[i + 1][j + 1] = 1;
                }
            }
            if j < m {
                let v = c + skip_cost(kinds[j]);
                if v < cost[i][j + 1] {
                    cost[i][j + 1] = v;
                    back[i][j + 1] = 2;
                }
            }
            if i < n && j > 0 && back[i][j] == 1 {
                let v = c + MERGE_COST;
                if v < cost[i + 1][j] {
                    cost[i + 1][j] = v;
                    back[i + 1][j] = 3;
                }
            }
        }
    }
    let mut out: Vec<Option<String>> = vec![None; m];
    let (mut i, mut j) = (n, m);
    let mut pending: Vec<&str> = Vec::new();
    while i > 0 || j > 0 {
        match back[i][j] {
            1 => {
                pending.push(&cells[i - 1]);
                pending.reverse();
                out[j - 1] = Some(pending.concat());
                pending.clear();
                i -= 1;
                j -= 1;
            }
            2 => j -= 1,
            3 => {
                pending.push(&cells[i - 1]);
                i -= 1;
            }
            _ => break,
        }
    }
    out
}

/// The year a column header names, as written (`2023`, `2023年`) and as a number.
pub type ColumnYear = (String, i32);

/// What one row of a rebuilt table says about the targets printed in it.
#[derive(Debug, Clone, PartialEq)]
pub struct RowFacts {
    /// Byte range of `Text::clean` the row is printed in (its 序号 line to the next row's).
    pub range: Range<usize>,
    /// The printed cells of the row (a merged cell is printed once, in the row above): byte
    /// range, and the year its column names (`2023` of a 分年推进表) as written and as a number.
    pub cells: Vec<(Range<usize>, Option<ColumnYear>)>,
    /// The row's time limit (`完成时限` column: `2024年10月底`), if it has one.
    pub time_limit: Option<String>,
    /// The row's lead units (牵头单位 column; 责任单位 when there is no 牵头 column).
    pub lead: Vec<String>,
    /// The row's other responsible units (责任单位/配合单位 beside a 牵头 column).
    pub others: Vec<String>,
}

/// Header words of a column that holds each row's time limit.
const TIME_HEADERS: &[&str] = &[
    "时限",
    "完成时间",
    "时间节点",
    "时间安排",
    "进度安排",
    "完成期限",
];
/// Header words of a column of lead units, and of other responsible units (offices, not units
/// of measure: those are [`crate::targets`]' indicator tables' `MEASURE_HEADERS`).
const LEAD_HEADERS: &[&str] = &["牵头"];
const OFFICE_HEADERS: &[&str] = &[
    "责任单位",
    "责任部门",
    "配合单位",
    "配合部门",
    "协同单位",
    "参与单位",
];

/// The year a table header names, and whether the header is that year alone.
///
/// One reader for every table of the pipeline. A per-year schedule (分年推进表) heads its year
/// columns with the year alone (`2023`, `2023年`, `2023年度`, `2023年目标`, `(2023)`; in a
/// rebuilt table after the merged group header, `分年度推进内容/2022`): its cells are that year's
/// targets. An indicator table (主要指标表) heads its target column with a label holding the year
/// (`2025年目标值`): the year the cells are due.
pub fn header_year(header: &str) -> Option<HeaderYear> {
    let h: Vec<char> = header.trim().chars().map(fold).collect();
    year_alone(&h)
        .map(|year| HeaderYear { year, alone: true })
        .or_else(|| {
            let s: String = h.iter().collect();
            let digits = s[..s.find('年')?].trim_end();
            let y = digits.get(digits.len().checked_sub(4)?..)?;
            let year = y
                .parse()
                .ok()
                .filter(|_| y.bytes().all(|b| b.is_ascii_digit()))?;
            Some(HeaderYear { year, alone: false })
        })
}

/// See [`header_year`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct HeaderYear {
    pub year: i32,
    /// The header is the year alone (a column of a per-year schedule).
    pub alone: bool,
}

/// What may follow the year of a header that is the year alone.
const YEAR_ALONE_ENDS: &[&str] = &["", "年", "年度", "年目标", "年目标值", "年任务", ")", "年)"];

/// The year of a header that is a year alone: four digits (1900–2100) opening the header or
/// after a group header's separator, followed by nothing but [`YEAR_ALONE_ENDS`].
fn year_alone(h: &[char]) -> Option<i32> {
    if h.len() > 16 {
        return None;
    }
    let start = h.iter().position(char::is_ascii_digit)?;
    let n = h[start..].iter().take_while(|c| c.is_ascii_digit()).count();
    let rest: String = h[start + n..].iter().collect();
    let after_group = start == 0 || matches!(h[start - 1], '/' | ' ' | '-' | '|' | '(');
    if n != 4 || !after_group || !YEAR_ALONE_ENDS.contains(&rest.as_str()) {
        return None;
    }
    let y: i32 = h[start..start + 4]
        .iter()
        .collect::<String>()
        .parse()
        .ok()?;
    (1900..=2100).contains(&y).then_some(y)
}

/// The first column whose header (trimmed) is one of `words` (`exact`) or contains one.
pub fn column(columns: &[String], words: &[&str], exact: bool) -> Option<usize> {
    columns.iter().position(|h| {
        let h = h.trim();
        words
            .iter()
            .any(|w| if exact { h == *w } else { h.contains(w) })
    })
}

/// The units a list of responsible units names (`政府办、宣传部、各镇(开发区、街道)`), split at
/// 、，； and spaces outside brackets: a table's 牵头/责任 cell and a body's `（牵头单位：…）` note
/// alike.
pub fn units_of(cell: &str) -> Vec<String> {
    let mut out = Vec::new();
    let (mut depth, mut from) = (0usize, 0usize);
    let mut push = |s: &str| {
        let u = s.trim_matches(|c: char| c.is_whitespace() || c == '。');
        if !u.is_empty() && !matches!(u, "—" | "-" | "/" | "无") {
            out.push(u.to_string());
        }
    };
    for (i, c) in cell.char_indices() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth = depth.saturating_sub(1),
            '、' | '，' | ',' | '；' | ';' | ' ' | '\u{3000}' if depth == 0 => {
                push(&cell[from..i]);
                from = i + c.len_utf8();
            }
            _ => {}
        }
    }
    push(&cell[from..]);
    out
}

/// The text of each cell a table is printed in ([`TableBlock::cells`]), once (trimmed), for
/// finding a row's cells among them.
pub fn cell_texts(t: &Text, tb: &TableBlock) -> Vec<String> {
    tb.cells
        .iter()
        .map(|r| t.display(r.clone()).trim().to_string())
        .collect()
}

/// The printed cell each row of `tb` starts at (its 序号, first on its line: a row per line
/// may hold the same number later as a value), moving forward through `cells`.
pub fn row_starts(t: &Text, tb: &TableBlock, texts: &[String]) -> Vec<Option<usize>> {
    let cells = &tb.cells;
    let mut at = 0usize;
    tb.table
        .rows
        .iter()
        .map(|row| {
            let seq = row.first()?;
            let i = (at..cells.len()).find(|&i| texts[i] == *seq && opens_line(t, &cells[i]))?;
            at = i + 1;
            Some(i)
        })
        .collect()
}

/// Where row `ri` ends: at the next row found, else at the table's end.
pub fn row_end(starts: &[Option<usize>], ri: usize, len: usize) -> usize {
    starts[ri + 1..]
        .iter()
        .flatten()
        .next()
        .copied()
        .unwrap_or(len)
}

/// Each row of each table with the lines it is printed on and what its time and unit columns
/// say. The cells are found the way the table was rebuilt: a row starts at the line of its 序号
/// and runs to the next row's.
pub fn rows(t: &Text, tables: &[TableBlock]) -> Vec<RowFacts> {
    let mut out = Vec::new();
    for tb in tables {
        let cols = &tb.table.columns;
        let time_col = column(cols, TIME_HEADERS, false);
        let lead_col = column(cols, LEAD_HEADERS, false);
        let unit_col = cols
            .iter()
            .enumerate()
            .position(|(j, h)| Some(j) != lead_col && OFFICE_HEADERS.iter().any(|w| h.contains(w)));
        let (lines, texts) = (&tb.cells, cell_texts(t, tb));
        let starts = row_starts(t, tb, &texts);
        for (ri, row) in tb.table.rows.iter().enumerate() {
            let Some(start) = starts[ri] else { continue };
            let end = row_end(&starts, ri, lines.len());
            let mut cells = Vec::new();
            let mut from = start + 1;
            for (j, cell) in row.iter().enumerate().skip(1) {
                if let Some(li) = (from..end).find(|&i| texts[i] == cell.trim()) {
                    let year = header_year(&cols[j])
                        .filter(|y| y.alone)
                        .map(|y| (cols[j].trim().to_string(), y.year));
                    cells.push((lines[li].clone(), year));
                    from = li + 1;
                }
            }
            let cell = |c: Option<usize>| c.and_then(|j| row.get(j)).map(|s| s.trim());
            let (lead, others) = match (cell(lead_col), cell(unit_col)) {
                (Some(l), o) => (units_of(l), o.map(units_of).unwrap_or_default()),
                (None, Some(u)) => (units_of(u), Vec::new()),
                (None, None) => (Vec::new(), Vec::new()),
            };
            out.push(RowFacts {
                range: lines[start].start..lines[end - 1].end,
                cells,
                time_limit: cell(time_col)
                    .filter(|c| !c.is_empty() && !matches!(*c, "—" | "-" | "/"))
                    .map(str::to_string),
                lead,
                others,
            });
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A table copied from Word (tabs) or a PDF (spaces) prints a row per line: its header line
    /// starts the splitting, a row with a cell for every column is read as printed, and a line
    /// that does not split ends it. Prose with spaces and no header line stays whole.
    #[test]
    fn tables_printed_a_row_per_line() {
        let src = "专栏1 主要指标\n序号\t指标\t单位\t2020年\t2025年\t属性\n1 森林覆盖率 % 2 40 预期性\n2 空气质量优良天数比率 % 82.5 ≥85 约束性\n注：以上为预期值。\n序号 工作任务 牵头单位 责任单位 完成时限\n1 建设高标准农田3万亩 县农业农村局 县财政局、各镇 2024年10月底\n2 新增耕地1000亩 县自然资源局 各镇 2024年12月底\n";
        let t = crate::input::clean::clean(src);
        let tables = detect(&t, 0..t.clean.len());
        assert_eq!(tables.len(), 2, "{tables:?}");
        let (a, b) = (&tables[0].table, &tables[1].table);
        assert_eq!(a.title.as_deref(), Some("专栏1 主要指标"));
        assert_eq!(
            a.columns,
            ["序号", "指标", "单位", "2020年", "2025年", "属性"]
        );
        assert_eq!(
            a.rows[1],
            ["2", "空气质量优良天数比率", "%", "82.5", "≥85", "约束性"]
        );
        assert_eq!(
            b.rows[1],
            [
                "2",
                "新增耕地1000亩",
                "县自然资源局",
                "各镇",
                "2024年12月底"
            ]
        );
        let facts = rows(&t, &tables);
        assert_eq!(facts.len(), 4);
        assert_eq!(
            (facts[3].lead.clone(), facts[3].others.clone()),
            (vec!["县自然资源局".to_string()], vec!["各镇".to_string()])
        );
        // the cells are the parts of the row lines; the note after the table is one line
        let cells = cells_in(&t, 0..t.clean.len());
        let texts: Vec<&str> = cells.iter().map(|r| &t.clean[r.clone()]).collect();
        assert!(
            texts.contains(&"≥85") && texts.contains(&"注:以上为预期值。"),
            "{texts:?}"
        );
        let prose = crate::input::clean::clean("一、总体要求 到2025年 建成 示范校 10所\n");
        assert_eq!(cells_in(&prose, 0..prose.clean.len()).len(), 1);
    }

    /// A row's time limit and units, and the year of each printed cell's column.
    #[test]
    fn rows_say_when_and_who() {
        let src = "序号\n工作任务\n牵头单位\n责任单位\n完成时限\n1\n建设高标准农田3万亩\n县农业农村局\n县财政局、各镇(开发区、街道)\n2024年10月底\n2\n新增耕地1000亩\n县自然资源局\n—\n2024年12月底\n";
        let t = crate::input::clean::clean(src);
        let tables = detect(&t, 0..t.clean.len());
        let got = super::rows(&t, &tables);
        assert_eq!(got.len(), 2, "{got:?}");
        assert_eq!(got[0].time_limit.as_deref(), Some("2024年10月底"));
        assert_eq!(got[0].lead, ["县农业农村局"]);
        assert_eq!(got[0].others, ["县财政局", "各镇(开发区、街道)"]);
        assert!(got[1].others.is_empty());
        assert!(got[0].cells.iter().all(|(_, y)| y.is_none()));
        let task = &t.clean[got[1].cells[0].0.clone()];
        assert_eq!(task.trim(), "新增耕地1000亩");

        let src =
            "序号\n项目名称\n2022\n2023年\n牵头部门\n1\n品格提升\n建成10个\n新增10个\n教育局\n";
        let t = crate::input::clean::clean(src);
        let tables = detect(&t, 0..t.clean.len());
        let got = super::rows(&t, &tables);
        let years: Vec<Option<i32>> = got[0]
            .cells
            .iter()
            .map(|(_, y)| y.as_ref().map(|y| y.1))
            .collect();
        assert_eq!(years, [None, Some(2022), Some(2023), None]);
        assert_eq!(got[0].lead, ["教育局"]);
        assert_eq!(
            units_of("区财政局、各镇(开发区、街道) 区发改委;—"),
            ["区财政局", "各镇(开发区、街道)", "区发改委"]
        );
        let alone = |h: &str| header_year(h).filter(|y| y.alone).map(|y| y.year);
        assert_eq!(alone("2023年目标"), Some(2023));
        assert_eq!(alone("2023年以前"), None);
        assert_eq!(alone("完成时限"), None);
        assert_eq!(alone("2023"), Some(2023));
        assert_eq!(alone("２０２３年度"), Some(2023));
        assert_eq!(alone("分年度推进内容/2022"), Some(2022));
        assert_eq!(alone("12000"), None);
        assert_eq!(alone("完成12000个"), None);
        let labelled = |h: &str| header_year(h).map(|y| (y.year, y.alone));
        assert_eq!(labelled("2025年目标值"), Some((2025, true)));
        assert_eq!(labelled("2020年(基期)"), Some((2020, false)));
        assert_eq!(labelled("十四五末目标值"), None);
        assert_eq!(labelled("25年目标"), None);
    }
    use crate::input::clean::clean;

    #[test]
    fn header_vocabulary_one_example_per_row() {
        let examples = [
            "序号",
            "编号",
            "分年度推进内容",
            "年度推进计划",
            "年度目标",
            "分年目标",
            "进度安排",
            "行动名称",
            "类别",
            "领域",
            "类型",
            "牵头单位",
            "责任领导",
            "计量单位",
            "单位",
            "责任部门",
            "配合单位",
            "责任主体",
            "完成时限",
            "完成时间",
            "时间节点",
            "项目名称",
            "重点任务",
            "工作任务",
            "任务",
            "指标",
            "项目",
            "主要内容",
            "具体措施",
            "工作举措",
            "工作目标",
            "工作要求",
            "目标值",
            "评价标准",
            "属性",
            "备注",
        ];
        assert_eq!(examples.len(), HEADERS.len());
        for ((p, k), ex) in HEADERS.iter().zip(examples) {
            // Each example is recognised, and by its own row or an earlier one of the same kind.
            assert_eq!(header_kind(ex), Some(*k), "{p} / {ex}");
        }
        assert_eq!(header_kind("2022"), Some(ColKind::Content));
        assert_eq!(header_kind("2025年"), Some(ColKind::Content));
        assert_eq!(header_kind("教育攻坚行动方案的主要内容包括"), None);
        assert_eq!(header_kind("教育局"), None);
    }

    const TABLE: &str = "附件\n\n某区行动方案重点项目分年推进表\n\n序号\n\n行动名称\n\n项目名称\n\n主要内容\n\n分年度推进内容\n\n牵头\n\n部门\n\n责任部门\n\n2022\n\n2023\n\n2024\n\n1\n\n攻坚行动\n\n民办学校规范\n\n完成民办学校规范整改。\n\n2022年秋学期开学前,完成整治。\n\n巩固整改成果。\n\n强化管理,促进规范发展。\n\n教育局\n\n政府办、宣传部、财政局\n\n2\n\n“双减”工作全面落实\n\n全面落实“双减”工作。\n\n实现课后服务100%覆盖。\n\n构建全覆盖的课后服务体系。\n\n全面实现作业育人功能。\n\n教育局\n\n公安分局、民政局\n\n3\n\n提质行动\n\n学前教育普惠\n\n创建18-20所优质园。\n\n创建优质园8-10所。\n\n创建优质园6所。\n\n创建优质园6所。\n\n教育局\n\n";

    #[test]
    fn rebuilds_a_flattened_table_with_merged_cells() {
        let src = format!("{TABLE}4\n\n安全教育工程\n\n建设安全教育课程。\n\n建成1所实践阵地。\n\n建成1所实践基地。\n\n推进课程建设。\n\n教育局\n\n\nCopyRight 某区");
        let t = clean(&src);
        let end = t.clean.find("CopyRight").unwrap();
        let tables = detect(&t, 0..end);
        assert_eq!(tables.len(), 1);
        let tb = &tables[0].table;
        assert_eq!(tb.title.as_deref(), Some("某区行动方案重点项目分年推进表"));
        assert_eq!(
            tb.columns,
            vec![
                "序号",
                "行动名称",
                "项目名称",
                "主要内容",
                "2022",
                "2023",
                "2024",
                "牵头部门",
                "责任部门"
            ]
        );
        assert_eq!(tb.rows.len(), 4);
        assert!(tb.rows.iter().all(|r| r.len() == 9));
        // Row 2 omits its merged 行动名称: filled from row 1.
        assert_eq!(tb.rows[1][1], "攻坚行动");
        assert_eq!(tb.rows[1][2], "“双减”工作全面落实");
        assert_eq!(tb.rows[1][8], "公安分局、民政局");
        // Row 3 has no 责任部门 cell: filled from row 2.
        assert_eq!(tb.rows[2][7], "教育局");
        assert_eq!(tb.rows[2][8], "公安分局、民政局");
        assert_eq!(tb.rows[3][1], "提质行动");
        assert_eq!(tb.rows[3][6], "推进课程建设。");
        // The span points at the original text.
        assert!(t.original(tb.span).starts_with("某区行动方案"));
        assert!(t.original(tb.span).ends_with("教育局"));
    }

    #[test]
    fn indicator_table_of_a_guihua_with_a_merged_category() {
        let src = "表1 “十四五”时期经济社会发展主要指标\n序号\n类别\n指标\n单位\n2020年\n2025年\n属性\n1\n经济发展\n地区生产总值增速\n%\n3.5\n6左右\n预期性\n2\n常住人口城镇化率\n%\n72\n75\n预期性\n3\n民生福祉\n城镇新增就业人数\n万人\n12\n[60]\n预期性\n注:[]内为五年累计数。";
        let t = clean(src);
        let tables = detect(&t, 0..t.clean.len());
        assert_eq!(tables.len(), 1);
        let tb = &tables[0].table;
        assert_eq!(
            tb.columns,
            vec!["序号", "类别", "指标", "单位", "2020年", "2025年", "属性"]
        );
        assert_eq!(tb.rows.len(), 3);
        assert_eq!(
            tb.rows[1],
            vec![
                "2",
                "经济发展",
                "常住人口城镇化率",
                "%",
                "72",
                "75",
                "预期性"
            ]
        );
        assert_eq!(tb.rows[2][5], "[60]");
        assert!(!t.original(tb.span).contains("注:"));
    }

    #[test]
    fn a_long_run_of_header_lines_is_read_in_linear_time() {
        // Found by the 64 KB slow-input sweep: 64 KB of "序号\n\n" took 2.5 s (each line
        // started a header run reaching the end); 30,000 of them took minutes.
        let mut src = "序号\n\n".repeat(30_000);
        src.push_str(&format!("{TABLE}4\n\n安全教育工程\n\n建设课程。\n\n建成1所。\n\n建成2所。\n\n推进。\n\n教育局\n\n"));
        let t = clean(&src);
        let tables = detect(&t, 0..t.clean.len());
        // The run is no table; the real table after it is still found.
        assert_eq!(
            tables.len(),
            1,
            "{:?}",
            tables.iter().map(|b| &b.table.columns).collect::<Vec<_>>()
        );
        assert_eq!(tables[0].table.columns[1], "行动名称");
    }

    #[test]
    fn an_indicator_table_without_row_numbers() {
        let src = "表1 “十四五”综合交通运输发展主要指标\n指标名称\n单位\n2020年\n2025年目标\n属性\n高速公路通车里程\n公里\n650\n800\n预期性\n建制村通客车比例\n%\n100\n100\n约束性\n第三章 主要任务\n第一节 构建对外交通网络\n加快推进沿江高铁建设。\n";
        let t = clean(src);
        let tables = detect(&t, 0..t.clean.len());
        assert_eq!(tables.len(), 1);
        let tb = &tables[0].table;
        assert_eq!(
            tb.title.as_deref(),
            Some("表1 “十四五”综合交通运输发展主要指标")
        );
        assert_eq!(
            tb.rows,
            vec![
                vec!["高速公路通车里程", "公里", "650", "800", "预期性"],
                vec!["建制村通客车比例", "%", "100", "100", "约束性"],
            ]
        );
        assert!(!t.original(tb.span).contains("第三章"));
        // one row is no table; nor are rows whose unit cell holds a number
        for src in [
            "指标名称\n单位\n2020年\n2025年\n属性\n高速公路通车里程\n公里\n650\n800\n预期性\n",
            "指标名称\n单位\n2020年\n2025年\n属性\n里程\n650\n800\n预期性\n铁路\n公里\n420\n600\n预期性\n",
        ] {
            let t = clean(src);
            assert!(detect(&t, 0..t.clean.len()).is_empty(), "{src}");
        }
    }

    #[test]
    fn prose_is_not_a_table() {
        let t = clean("一、主要任务\n\n项目名称\n\n主要内容\n\n加强领导。\n\n完善机制。");
        assert!(detect(&t, 0..t.clean.len()).is_empty());
    }

    #[test]
    fn alignment_prefers_leaving_out_the_merged_group() {
        let kinds = [
            ColKind::Group,
            ColKind::Name,
            ColKind::Content,
            ColKind::Lead,
            ColKind::Others,
        ];
        let cells: Vec<String> = [
            "教育教学提质工程",
            "修订完善课堂教学改革的行动方案。",
            "教育局",
            "财政局",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        let a = align(&cells, &kinds);
        assert_eq!(a[0], None);
        assert_eq!(a[1].as_deref(), Some("教育教学提质工程"));
        assert_eq!(a[3].as_deref(), Some("教育局"));
        assert_eq!(a[4].as_deref(), Some("财政局"));
    }

    #[test]
    fn whole_header_words_are_not_joined() {
        let src = "主要指标\n序号\n指标\n单位\n2020年\n2025年目标值\n属性\n1\n空气质量优良天数比例\n%\n86.5\n88左右\n约束性\n2\n重污染天数比例\n%\n0.8\n<0.5\n约束性\n";
        let t = crate::input::clean::clean(src);
        let blocks = detect(&t, 0..t.clean.len());
        assert_eq!(blocks.len(), 1);
        let tb = &blocks[0].table;
        assert_eq!(
            tb.columns,
            vec!["序号", "指标", "单位", "2020年", "2025年目标值", "属性"]
        );
        assert_eq!(
            tb.rows[1],
            vec!["2", "重污染天数比例", "%", "0.8", "<0.5", "约束性"]
        );
        // a printed empty cell keeps its column
        let src = src.replace("0.8\n", "—\n");
        let t = crate::input::clean::clean(&src);
        let blocks = detect(&t, 0..t.clean.len());
        assert_eq!(
            blocks[0].table.rows[1],
            vec!["2", "重污染天数比例", "%", "—", "<0.5", "约束性"]
        );
    }
}
