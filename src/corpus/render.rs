//! A corpus as JSON (`planlens-corpus/1`), as a Markdown report, as the matrix CSV (one row per
//! indicator, one column per document) and as the all-targets CSV (every target of every
//! document). The CSVs open with a UTF-8 byte-order mark so spreadsheets read the Chinese right.

use super::edits::{cell_text, targets};
use super::{Corpus, Input};
use crate::render::{csv_fields, csv_line, md_escape as md, CSV_HEAD};

const BOM: &str = "\u{feff}";

/// The corpus as pretty JSON.
pub fn json(c: &Corpus) -> String {
    serde_json::to_string_pretty(c).unwrap_or_default()
}

/// The corpus as the page's corpus panel reads it: the `planlens-corpus/1` object on one line,
/// with each cell and unaligned target cut to what the panel shows (`text`, `subject`, `value`,
/// `range`, `index`): with a hundred plans the full cells are megabytes the page would parse
/// on its main thread for nothing. Each row also has its targets as `keys` (document index,
/// span), and a cell merged by the reader its quantities joined (`joined`).
pub fn panel_json(c: &Corpus) -> String {
    const KEEP: [&str; 5] = ["index", "text", "subject", "value", "range"];
    let trim = |t: &mut serde_json::Value| {
        if let Some(o) = t.as_object_mut() {
            o.retain(|k, _| KEEP.contains(&k.as_str()));
        }
    };
    let mut v = serde_json::to_value(c).unwrap_or_default();
    if let Some(rows) = v.get_mut("indicators").and_then(|r| r.as_array_mut()) {
        for (row, r) in rows.iter_mut().zip(&c.indicators) {
            if let Some(cells) = row.get_mut("cells").and_then(|c| c.as_array_mut()) {
                cells.iter_mut().for_each(trim);
                join_cells(cells, r);
            }
            if let Some(o) = row.as_object_mut() {
                o.remove("also");
                // (document index, span): the panel names the rows it merges or splits by them
                let keys: Vec<[usize; 3]> =
                    targets(r).map(|(d, t)| [d, t.span[0], t.span[1]]).collect();
                o.insert("keys".into(), serde_json::json!(keys));
            }
        }
    }
    if let Some(apart) = v.get_mut("unaligned").and_then(|r| r.as_array_mut()) {
        for e in apart {
            if let Some(t) = e.get_mut("target") {
                trim(t);
            }
        }
    }
    v.to_string()
}

/// The panel's cells of a row merged by the reader: a cell that holds more than one quantity of
/// its document shows them joined, and says so (`joined`).
fn join_cells(cells: &mut [serde_json::Value], row: &super::Indicator) {
    for e in &row.also {
        if let Some(o) = cells.get_mut(e.document).and_then(|c| c.as_object_mut()) {
            o.insert("text".into(), cell_text(row, e.document).into());
            o.insert("joined".into(), true.into());
        }
    }
}

/// The matrix: the indicator, then one column per document headed by its name, each cell the
/// quantity as written (`5%左右`, `4.5%—5%`), empty where that document states none.
pub fn matrix_csv(c: &Corpus) -> String {
    let mut out = String::from(BOM);
    let mut head = vec!["indicator"];
    head.extend(c.documents.iter().map(|d| d.name.as_str()));
    out.push_str(&csv_line(&head));
    out.push('\n');
    for r in &c.indicators {
        let mut line = vec![r.indicator.as_str()];
        let cells: Vec<String> = (0..r.cells.len()).map(|d| cell_text(r, d)).collect();
        line.extend(cells.iter().map(String::as_str));
        out.push_str(&csv_line(&line));
        out.push('\n');
    }
    out
}

/// Every target of every document: the document's name, then the columns of the single-plan CSV.
pub fn targets_csv(inputs: &[Input]) -> String {
    let mut out = format!("{BOM}document,{CSV_HEAD}\n");
    for i in inputs {
        for t in &i.analysis.targets {
            let mut line = vec![i.name.to_string()];
            line.extend(csv_fields(i.analysis, t));
            out.push_str(&csv_line(&line));
            out.push('\n');
        }
    }
    out
}

/// A cell of the Markdown matrix: the quantity as written, and the verdict against the reference.
fn md_cell(c: &Corpus, row: &super::Indicator, d: usize) -> String {
    let q = match cell_text(row, d) {
        t if t.is_empty() => "—".to_string(),
        t => md(&t),
    };
    let st = row
        .status
        .as_ref()
        .and_then(|s| s.get(d).cloned().flatten());
    match st {
        Some(s) if Some(d) != c.reference => format!("{q} ({})", verdict_label(&s)),
        _ => q,
    }
}

/// The words a reader sees for a verdict: an absent target is 未提及 (not mentioned), which says
/// what the text shows and no more.
pub fn verdict_label(s: &str) -> &'static str {
    match s {
        "met" => "达到 met",
        "weaker" => "低于 weaker",
        "missing" => "未提及 missing",
        "extra" => "新增 extra",
        "in_period" => "期内其他年份 in period",
        _ => "不可比 not comparable",
    }
}

/// A Markdown report: the documents, the matrix, and the targets no other document states.
pub fn markdown(c: &Corpus) -> String {
    let mut out = String::from("# 多文件指标对照 (corpus)\n\n## 文件 (documents)\n\n");
    out.push_str("| # | file | title | targets | vs reference |\n|---|---|---|---|---|\n");
    for (i, d) in c.documents.iter().enumerate() {
        let vs = match (&d.versus_reference, c.reference == Some(i)) {
            (_, true) => "reference".to_string(),
            (Some(v), _) => format!(
                "met {} · weaker {} · missing {} · extra {}",
                v.met, v.weaker, v.missing, v.extra
            ),
            _ => String::new(),
        };
        out.push_str(&format!(
            "| {} | {} | {} | {} | {} |\n",
            i + 1,
            md(&d.name),
            md(d.plan.title.as_deref().unwrap_or("")),
            d.plan.targets,
            vs
        ));
    }
    out.push_str("\n## 指标 (indicators)\n\n| indicator |");
    for i in 0..c.documents.len() {
        out.push_str(&format!(" {} |", i + 1));
    }
    out.push_str("\n|---|");
    out.push_str(&"---|".repeat(c.documents.len()));
    out.push('\n');
    for r in &c.indicators {
        out.push_str(&format!("| {} |", md(&r.indicator)));
        for d in 0..c.documents.len() {
            out.push_str(&format!(" {} |", md_cell(c, r, d)));
        }
        out.push('\n');
    }
    if !c.unaligned.is_empty() {
        out.push_str("\n## 仅见于一份文件 (stated by one document only)\n\n");
        for e in &c.unaligned {
            out.push_str(&format!(
                "- {}: {} {}\n",
                e.document + 1,
                md(&e.target.subject),
                md(&e.target.text)
            ));
        }
    }
    if !c.errors.is_empty() {
        out.push_str("\n## 未能读取 (not read)\n\n");
        for e in &c.errors {
            out.push_str(&format!("- {}: {}\n", md(&e.name), md(&e.message)));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_panel_json_keeps_the_cells_short() {
        use crate::corpus::{corpus, Input};
        let (a, b) = (
            "一、目标\n到2025年，新建幼儿园120所。",
            "一、目标\n到2025年，新建幼儿园100所。",
        );
        let (x, y) = (crate::analyze(a), crate::analyze(b));
        let inputs = [
            Input {
                name: "a",
                text: a,
                analysis: &x,
            },
            Input {
                name: "b",
                text: b,
                analysis: &y,
            },
        ];
        let v: serde_json::Value =
            serde_json::from_str(&super::panel_json(&corpus(&inputs, None))).unwrap();
        let cell = &v["indicators"][0]["cells"][1];
        assert_eq!(cell["value"], 100.0);
        assert!(
            cell.get("span").is_none() && cell.get("text").is_some(),
            "{cell}"
        );
    }

    use super::*;

    #[test]
    fn the_matrix_csv_has_a_bom_a_column_per_document_and_defused_cells() {
        let texts = ["地区生产总值增长5%左右。\n", "地区生产总值增长4.5%—5%。\n"];
        let analyses: Vec<_> = texts.iter().map(|t| crate::analyze(t)).collect();
        let inputs = super::super::test_inputs(&texts, &analyses, &["a.txt", "=b.txt"]);
        let c = super::super::corpus(&inputs, None);
        let csv = matrix_csv(&c);
        let mut lines = csv.lines();
        assert_eq!(lines.next(), Some("\u{feff}indicator,a.txt,'=b.txt"));
        let row = lines.next().unwrap_or_default();
        assert!(row.ends_with(",5%左右,4.5%—5%"), "{row}");
        let grid = targets_csv(&inputs);
        assert!(grid.starts_with("\u{feff}document,section,text,"));
        assert_eq!(grid.lines().count(), 3);
        assert!(markdown(&c).contains("| 5%左右 |"));
    }
}
