//! Tables as the comparison needs them: which cell holds which year, and where each cell is.
//!
//! The analysis rebuilds flattened tables into [`crate::model::Table`] (columns and rows of
//! strings). The comparison needs one more thing — each cell's span, to know which target sits in
//! which year column — so [`from_tables`] finds the cells in the input again. When the analysis
//! carried no table, [`detect`] reads the common per-year schedule layout of plan appendices
//! itself (one cell per line, a header block ending in year columns, rows numbered 1, 2, 3…):
//! `序号 / 行动名称 / 项目名称 / 主要内容 / 2022 / 2023 / 2024 / 牵头部门 / 责任部门`.

use super::lexicon::{DEPARTMENT_ENDINGS, LABEL_HEADERS, TOTAL_HEADERS};
use crate::model::{Span, Table};
use crate::text::fold;

/// What a column holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// The row's name (项目名称).
    Label,
    /// The whole-period content or target (主要内容).
    Total,
    /// One year of a schedule.
    Year(i32),
    Other,
}

/// A located cell.
#[derive(Debug, Clone)]
pub struct Cell {
    pub role: Role,
    pub span: Span,
}

#[derive(Debug, Clone)]
pub struct Row {
    pub label: String,
    pub cells: Vec<Cell>,
}

/// A table with located cells.
#[derive(Debug, Clone)]
pub struct Grid {
    pub span: Span,
    pub years: Vec<i32>,
    pub rows: Vec<Row>,
}

impl Grid {
    /// A per-year schedule: two or more consecutive year columns (2022, 2023, 2024). Tables of a
    /// base year and a target year (2020 | 2025) are levels, not schedules, and are never summed.
    pub fn is_schedule(&self) -> bool {
        self.years.len() >= 2 && self.years.windows(2).all(|w| w[1] == w[0] + 1)
    }
}

/// The cells of some grids by position, so that finding the cell of a target costs a binary
/// search, not a scan of every row of every grid (quadratic in a long schedule table).
#[derive(Debug, Default)]
pub struct CellIndex {
    /// `(span, (grid, row, cell), role)` by span start, then grid order.
    cells: Vec<(Span, (usize, usize, usize), Role)>,
    /// `reach[k]`: the furthest end of `cells[..=k]`; no cell before `k` ends after it.
    reach: Vec<usize>,
}

impl CellIndex {
    pub fn new(grids: &[Grid]) -> Self {
        let mut cells = Vec::new();
        for (gi, g) in grids.iter().enumerate() {
            for (ri, r) in g.rows.iter().enumerate() {
                for (ci, c) in r.cells.iter().enumerate() {
                    cells.push((c.span, (gi, ri, ci), c.role));
                }
            }
        }
        cells.sort_by_key(|c| (c.0[0], c.1));
        let reach = cells
            .iter()
            .scan(0, |m, c| {
                *m = (*m).max(c.0[1]);
                Some(*m)
            })
            .collect();
        CellIndex { cells, reach }
    }

    /// `(grid, row, role)` of the cell containing `span`: in the first grid that has one, its
    /// first row, that row's first cell (cells of one grid never overlap, so this is one cell).
    pub fn cell_of(&self, span: Span) -> Option<(usize, usize, Role)> {
        let n = self.cells.partition_point(|c| c.0[0] <= span[0]);
        (0..n)
            .rev()
            .take_while(|&k| self.reach[k] >= span[1])
            .map(|k| &self.cells[k])
            .filter(|c| span[1] <= c.0[1])
            .min_by_key(|c| c.1)
            .map(|c| (c.1 .0, c.1 .1, c.2))
    }
}

/// The year of a year column header (`2022`, `2022年度`, `分年度推进内容/2022`): see
/// [`crate::document::tables::header_year`].
fn header_year(h: &str) -> Option<i32> {
    crate::document::tables::header_year(h)
        .filter(|y| y.alone)
        .map(|y| y.year)
}

fn role_of_header(h: &str) -> Role {
    if let Some(y) = header_year(h) {
        return Role::Year(y);
    }
    if TOTAL_HEADERS.iter().any(|w| h.contains(w)) {
        return Role::Total;
    }
    if LABEL_HEADERS.iter().any(|w| h.contains(w)) {
        return Role::Label;
    }
    Role::Other
}

/// Finds `needle` (folded) in `hay` (folded chars) at or after `from`.
fn find_chars(hay: &[char], needle: &[char], from: usize) -> Option<usize> {
    if needle.is_empty() || needle.len() > hay.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()] == *needle)
}

/// Grids for the analysis's own tables, with year and total cells located in the input.
pub fn from_tables(input: &[char], tables: &[Table]) -> Vec<Grid> {
    let folded: Vec<char> = input.iter().map(|&c| fold(c)).collect();
    let mut out = Vec::new();
    for t in tables {
        let roles: Vec<Role> = t.columns.iter().map(|h| role_of_header(h)).collect();
        let years: Vec<i32> = roles
            .iter()
            .filter_map(|r| match r {
                Role::Year(y) => Some(*y),
                _ => None,
            })
            .collect();
        let end = t.span[1].min(folded.len());
        let mut cursor = t.span[0].min(end);
        let mut rows = Vec::new();
        for r in &t.rows {
            let mut cells = Vec::new();
            let mut label = String::new();
            for (i, text) in r.iter().enumerate() {
                let role = roles.get(i).copied().unwrap_or(Role::Other);
                if role == Role::Label {
                    label = text.clone();
                }
                // Only content cells are looked for: names may be filled in from the row above
                // and would send the cursor to a later row.
                if !matches!(role, Role::Total | Role::Year(_)) {
                    continue;
                }
                let needle: Vec<char> = text.trim().chars().map(fold).collect();
                if let Some(at) = find_chars(&folded[..end], &needle, cursor) {
                    cells.push(Cell {
                        role,
                        span: [at, at + needle.len()],
                    });
                    cursor = at + needle.len();
                }
            }
            rows.push(Row { label, cells });
        }
        out.push(Grid {
            span: t.span,
            years,
            rows,
        });
    }
    out
}

/// One line of the input: its char range, trimmed.
#[derive(Debug, Clone)]
struct Line {
    span: Span,
    text: String,
}

fn lines(input: &[char]) -> Vec<Line> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in input
        .iter()
        .copied()
        .enumerate()
        .chain(std::iter::once((input.len(), '\n')))
    {
        if c == '\n' {
            let raw = &input[start..i];
            let lead = raw.iter().take_while(|c| c.is_whitespace()).count();
            let trail = raw.iter().rev().take_while(|c| c.is_whitespace()).count();
            let s = start + lead;
            let e = (i - trail).max(s);
            out.push(Line {
                span: [s, e],
                text: input[s..e].iter().map(|&c| fold(c)).collect(),
            });
            start = i + 1;
        }
    }
    out
}

fn is_short_header(l: &Line) -> bool {
    let n = l.text.chars().count();
    n > 0 && n <= 12 && !l.text.contains(['。', ',', ';', ':'])
}

/// A 牵头/责任 cell: a list of unit names (`教育局`, `编办、财政局、各镇(开发区、街道)`).
pub fn is_department(text: &str) -> bool {
    let t = crate::text::fold_str(text);
    if t.is_empty() || t.contains('。') {
        return false;
    }
    // Drop parenthesised qualifiers first, then split the list.
    let mut plain = String::new();
    let mut depth = 0usize;
    for c in t.chars() {
        match c {
            '(' => depth += 1,
            ')' => depth = depth.saturating_sub(1),
            _ if depth == 0 => plain.push(c),
            _ => {}
        }
    }
    let parts: Vec<&str> = plain
        .split(['、', ',', ' ', ';'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
        .collect();
    !parts.is_empty()
        && parts.iter().all(|p| {
            p.chars().count() <= 12
                && !p.chars().any(|c| c.is_ascii_digit())
                && DEPARTMENT_ENDINGS.iter().any(|e| p.ends_with(e))
        })
}

/// Reads flattened per-year schedule tables from the input (used when the analysis has none).
pub fn detect(input: &[char]) -> Vec<Grid> {
    let ls = lines(input);
    let mut out = Vec::new();
    let mut i = 0;
    while i < ls.len() {
        // A run of consecutive year header lines (blank lines between cells allowed).
        let Some(y0) = header_year(&ls[i].text) else {
            i += 1;
            continue;
        };
        let mut years = vec![y0];
        let mut j = i + 1;
        let mut last_header = i;
        while j < ls.len() {
            if ls[j].text.is_empty() {
                j += 1;
                continue;
            }
            match header_year(&ls[j].text) {
                Some(y) if y == years[years.len() - 1] + 1 => {
                    years.push(y);
                    last_header = j;
                    j += 1;
                }
                _ => break,
            }
        }
        if years.len() < 2 {
            i += 1;
            continue;
        }
        // The header block: short lines before the years and after them up to the row "1".
        let mut head_start = i;
        let mut k = i;
        while k > 0 {
            k -= 1;
            if ls[k].text.is_empty() {
                continue;
            }
            if !is_short_header(&ls[k]) {
                break;
            }
            head_start = k;
        }
        let mut header: Vec<&str> = ls[head_start..i].iter().map(|l| l.text.as_str()).collect();
        let mut k = last_header + 1;
        while k < ls.len()
            && (ls[k].text.is_empty() || (is_short_header(&ls[k]) && ls[k].text != "1"))
        {
            if !ls[k].text.is_empty() {
                header.push(ls[k].text.as_str());
            }
            k += 1;
        }
        let has_total = header
            .iter()
            .any(|h| TOTAL_HEADERS.iter().any(|w| h.contains(w)));
        let ncols = header.len() + years.len();
        let (rows, end) = read_rows(&ls, k, &years, has_total, ncols);
        if !rows.is_empty() {
            let span = [
                ls[head_start].span[0],
                ls[end.saturating_sub(1).max(head_start)].span[1],
            ];
            out.push(Grid { span, years, rows });
        }
        i = end.max(i + 1);
    }
    out
}

/// Rows numbered 1, 2, 3… from line `from`; returns them and the line index after the table.
fn read_rows(
    ls: &[Line],
    from: usize,
    years: &[i32],
    has_total: bool,
    ncols: usize,
) -> (Vec<Row>, usize) {
    let mut rows = Vec::new();
    let mut k = from;
    let mut expect = 1u32;
    let mut blank_run = 0;
    while k < ls.len() && ls[k].text.parse::<u32>().ok() == Some(expect) {
        k += 1;
        let mut cells: Vec<&Line> = Vec::new();
        while k < ls.len() {
            let l = &ls[k];
            if l.text.is_empty() {
                blank_run += 1;
                if blank_run >= 2 {
                    break;
                }
                k += 1;
                continue;
            }
            blank_run = 0;
            if l.text.parse::<u32>().ok() == Some(expect + 1) || cells.len() > ncols + 1 {
                break;
            }
            cells.push(l);
            k += 1;
        }
        rows.push(assign_roles(&cells, years, has_total));
        expect += 1;
        if blank_run >= 2 {
            break;
        }
    }
    (rows, k)
}

/// Gives each cell of a row its role: trailing department cells, then before them the total
/// cell (when the header has one) and one cell per year, and the rest name the row.
fn assign_roles(cells: &[&Line], years: &[i32], has_total: bool) -> Row {
    let core = years.len() + usize::from(has_total);
    let n = cells.len();
    let mut depts = 0;
    while depts < 2 && n > depts + core && is_department(&cells[n - 1 - depts].text) {
        depts += 1;
    }
    let Some(core_start) = n.checked_sub(depts + core) else {
        return Row {
            label: String::new(),
            cells: Vec::new(),
        };
    };
    let mut out = Vec::new();
    let mut label = String::new();
    for (i, c) in cells.iter().enumerate() {
        let role = if i < core_start {
            label = c.text.clone();
            Role::Label
        } else if i < core_start + core {
            let k = i - core_start;
            match (has_total, k) {
                (true, 0) => Role::Total,
                (true, k) => Role::Year(years[k - 1]),
                (false, k) => Role::Year(years[k]),
            }
        } else {
            Role::Other
        };
        out.push(Cell { role, span: c.span });
    }
    Row { label, cells: out }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    const SCHEDULE: &str = "附件\n\n分年推进表\n\n序号\n\n项目名称\n\n主要内容\n\n2024年\n\n2025年\n\n牵头单位\n\n1\n\n村卫生室建设\n\n建成标准化村卫生室40个。\n\n建成20个。\n\n建成20个。\n\n卫健委\n\n2\n\n污水处理\n\n新建污水处理厂3座。\n\n新建2座。\n\n新建1座。\n\n生态环境局、住建局\n\n\n页脚 版权所有";

    #[test]
    fn reads_a_schedule_with_total_years_and_departments() {
        let input = chars(SCHEDULE);
        let g = detect(&input);
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].years, vec![2024, 2025]);
        assert!(g[0].is_schedule());
        assert_eq!(g[0].rows.len(), 2);
        let r = &g[0].rows[1];
        assert_eq!(r.label, "污水处理");
        let roles: Vec<Role> = r.cells.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            vec![
                Role::Label,
                Role::Total,
                Role::Year(2024),
                Role::Year(2025),
                Role::Other
            ]
        );
        let y = r.cells[3].span;
        assert_eq!(input[y[0]..y[1]].iter().collect::<String>(), "新建1座。");
    }

    #[test]
    fn departments_and_years() {
        assert!(is_department("编办、财政局、人社局、各镇(开发区、街道)"));
        assert!(is_department("教育局"));
        assert!(!is_department("创建省市优质园6所。"));
        assert_eq!(header_year("2023"), Some(2023));
        assert_eq!(header_year("2023年"), Some(2023));
        assert_eq!(header_year("12000"), None);
    }

    #[test]
    fn schedule_without_a_total_column_and_a_merged_name() {
        let src = "序号\n任务\n项目\n2024年\n2025年\n2026年\n责任单位\n1\n道路\n国省干线改造\n改造10公里\n改造12公里\n改造8公里\n交通运输局\n2\n农村公路\n新建20座桥\n新建20座桥\n新建10座桥\n交通运输局、财政局\n\n\n";
        let g = detect(&chars(src));
        assert_eq!(g.len(), 1);
        assert_eq!(g[0].years, vec![2024, 2025, 2026]);
        let roles: Vec<Role> = g[0].rows[1].cells.iter().map(|c| c.role).collect();
        assert_eq!(
            roles,
            vec![
                Role::Label,
                Role::Year(2024),
                Role::Year(2025),
                Role::Year(2026),
                Role::Other
            ]
        );
        assert_eq!(g[0].rows[0].label, "国省干线改造");
    }

    #[test]
    fn base_and_target_year_tables_are_not_schedules() {
        // 十四五 indicator tables: 2020 base, 2025 target — levels, not yearly amounts.
        let src = "指标\n2020年\n2025年\n属性\n1\n学位数\n10000\n15000\n预期性\n";
        assert!(detect(&chars(src)).iter().all(|g| !g.is_schedule()));
        assert_eq!(header_year("分年度推进内容/2022"), Some(2022));
        assert_eq!(header_year("2023年度"), Some(2023));
        assert_eq!(header_year("完成12000个"), None);
    }

    #[test]
    fn no_table_and_odd_input_give_nothing() {
        assert!(detect(&chars("")).is_empty());
        assert!(detect(&chars("2022\n\n2023")).is_empty());
        assert!(detect(&chars("2022年完成。\n2023年完成。")).is_empty());
    }

    #[test]
    fn the_cell_of_a_span_is_the_first_grid_and_row_holding_it() {
        let cell = |a, b, role| Cell { role, span: [a, b] };
        let row = |cells| Row {
            label: String::new(),
            cells,
        };
        let grid = |rows| Grid {
            span: [0, 100],
            years: vec![2023, 2024],
            rows,
        };
        let grids = [
            grid(vec![
                row(vec![cell(0, 5, Role::Total), cell(5, 9, Role::Year(2023))]),
                row(vec![cell(10, 20, Role::Year(2024))]),
            ]),
            // overlaps the first grid's second row: the first grid wins
            grid(vec![row(vec![cell(8, 30, Role::Year(2023))])]),
        ];
        let index = CellIndex::new(&grids);
        assert_eq!(index.cell_of([1, 3]), Some((0, 0, Role::Total)));
        assert_eq!(index.cell_of([5, 9]), Some((0, 0, Role::Year(2023))));
        assert_eq!(index.cell_of([12, 14]), Some((0, 1, Role::Year(2024))));
        assert_eq!(index.cell_of([8, 12]), Some((1, 0, Role::Year(2023))));
        assert_eq!(index.cell_of([25, 26]), Some((1, 0, Role::Year(2023))));
        assert_eq!(index.cell_of([3, 7]), None);
        assert_eq!(index.cell_of([40, 41]), None);
        assert_eq!(CellIndex::new(&[]).cell_of([0, 1]), None);
    }

    #[test]
    fn cells_of_analysis_tables_are_located() {
        let src = "表\n年度\n2023\n2024\n学校\n新建2所\n新建3所\n";
        let t = Table {
            title: None,
            columns: vec!["项目名称".into(), "2023".into(), "2024".into()],
            rows: vec![vec!["学校".into(), "新建2所".into(), "新建3所".into()]],
            span: [0, src.chars().count()],
        };
        let g = from_tables(&chars(src), &[t]);
        assert_eq!(g[0].rows[0].cells.len(), 2);
        assert_eq!(g[0].rows[0].cells[1].role, Role::Year(2024));
        assert_eq!(g[0].rows[0].label, "学校");
    }
}
