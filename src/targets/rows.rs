//! Table-row targets: what a table row says of the targets printed in it, and the value cells of
//! indicator tables the sentence reader could not read.

use super::*;

/// What a table row says of the targets printed in it: its year column, its time limit, its lead
/// and other units.
pub(super) fn apply_rows(t: &Text, tables: &[TableBlock], anchor: Anchor, out: &mut [Target]) {
    let rows: Vec<RowSpans> = crate::document::tables::rows(t, tables)
        .into_iter()
        .map(|r| RowSpans {
            span: t.span(r.range.clone()),
            cells: r
                .cells
                .iter()
                .map(|(c, y)| (t.span(c.clone()), y.clone()))
                .collect(),
            // once per row, not per target in it
            limit_due: r
                .time_limit
                .as_deref()
                .and_then(|l| deadlines::find(l, anchor).into_iter().find_map(|p| p.due)),
            row: r,
        })
        .collect();
    // tables::detect finds the tables in text order, and each table's rows are in order
    debug_assert!(rows.windows(2).all(|w| w[0].span[0] <= w[1].span[0]));
    if !rows.is_empty() {
        for tg in out {
            apply_row(&rows, tg);
        }
    }
}

/// A table row with its own and its cells' char spans (targets' spans are in chars).
struct RowSpans {
    span: crate::model::Span,
    cells: Vec<(
        crate::model::Span,
        Option<crate::document::tables::ColumnYear>,
    )>,
    /// The row's time limit resolved against the plan.
    limit_due: Option<String>,
    row: crate::document::tables::RowFacts,
}

/// Gives a target printed in a table row what the row says and the target does not: the year
/// of its column (`2023` of a 分年推进表: due 2023-12-31), else the row's 完成时限 (resolved
/// against the plan), and the row's 牵头/责任 units.
fn apply_row(rows: &[RowSpans], tg: &mut Target) {
    let inside = |sp: &crate::model::Span| sp[0] <= tg.span[0] && tg.span[1] <= sp[1];
    // rows are in text order and do not overlap: the last one starting at or before the target
    let i = rows.partition_point(|r| r.span[0] <= tg.span[0]);
    let Some(rs) = i
        .checked_sub(1)
        .map(|i| &rows[i])
        .filter(|r| inside(&r.span))
    else {
        return;
    };
    let row = &rs.row;
    if tg.deadline.is_none() {
        let year = rs
            .cells
            .iter()
            .find(|(sp, _)| inside(sp))
            .and_then(|(_, y)| y.clone());
        if let Some((raw, y)) = year {
            tg.deadline = Some(raw.into());
            tg.due = Some(deadlines::year_end(y).into());
        } else if let Some(limit) = &row.time_limit {
            tg.deadline = Some(limit.as_str().into());
            tg.due = rs.limit_due.as_deref().map(Into::into);
        }
    }
    if tg.responsible.is_none() && !row.lead.is_empty() {
        tg.responsible = Some(Box::new(Responsible {
            lead: row.lead.clone(),
            others: row.others.clone(),
        }));
    }
}

/// The value cells of indicator tables (`2025年目标值` column: `≤30`, `88左右`) that the sentence
/// reader could not read, with the unit of their row.
pub(super) fn indicator_cells(b: &Builder, retro: &Retro, out: &mut Vec<Target>) {
    let (t, off) = (b.cx.text, b.off);
    let body_end = off + b.hay.len();
    let mut cells = indicators::cells(t, b.cx.tables);
    cells.extend(indicators::labelled_cells(t));
    if cells.is_empty() {
        return;
    }
    // a cell the sentence reader read as a bare index (`≤30`) is read again here with the unit of
    // its row: the cell's reading wins
    let mut cell_spans: Vec<[usize; 2]> = cells.iter().map(|c| t.span(c.range.clone())).collect();
    crate::order::by_key(&mut cell_spans, |s| s[0] as u64);
    out.retain(|tg| {
        let n = cell_spans.partition_point(|s| s[0] < tg.span[1]);
        tg.unit.is_some() || n == 0 || cell_spans[n - 1][1] <= tg.span[0]
    });
    // the sentence reader's targets by start, with the furthest end among each prefix: a cell
    // overlaps one of them iff, among those that start before it ends, one ends after it
    // starts (a search per cell, not a scan of every target: a table can hold 10,000s of cells;
    // the cells themselves never overlap one another)
    let mut spans: Vec<[usize; 2]> = out.iter().map(|tg| tg.span).collect();
    crate::order::by_key(&mut spans, |s| s[0] as u64);
    let reach: Vec<usize> = spans
        .iter()
        .scan(0, |m, s| {
            *m = (*m).max(s[1]);
            Some(*m)
        })
        .collect();
    let overlaps = |span: [usize; 2]| {
        let n = spans.partition_point(|s| s[0] < span[1]);
        n > 0 && reach[n - 1] > span[0]
    };
    let mut added = false;
    for c in cells {
        if c.range.start < off || c.range.end > body_end || retro.at(t, c.range.start) {
            continue;
        }
        let span = t.span(c.range.clone());
        if overlaps(span) {
            continue;
        }
        let rel = c.range.start - off..c.range.end - off;
        let kind = match c.unit.as_deref() {
            Some("%" | "‰") => TargetKind::Percent,
            _ => TargetKind::Count,
        };
        let mut tg = b.target(rel.clone(), rel, kind);
        tg.value = c.value;
        tg.range = c.range_value;
        tg.unit = c.unit.map(Into::into);
        tg.comparator = Some(c.comparator);
        tg.subject = c.subject.map(Into::into);
        if c.cumulative {
            tg.scope = Some(Scope::PeriodTotal);
        }
        // the year of the column (`2025年目标值`) is the cell's deadline
        if let Some((raw, y)) = c.year {
            tg.deadline = Some(raw.into());
            tg.due = Some(deadlines::year_end(y).into());
        }
        out.push(tg);
        added = true;
    }
    if added {
        crate::order::by_key(out, |t| t.span[0] as u64);
    }
}
