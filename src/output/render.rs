//! Output formats: `planlens/1` JSON, a Markdown outline with targets under their headings, and
//! CSV with one target per row and its section path.

use crate::model::{Analysis, Comparator, OutlineNode, Target};
use std::collections::HashMap;
use std::fmt::{self, Write};

/// Pretty `planlens/1` JSON.
pub fn json(a: &Analysis) -> String {
    serde_json::to_string_pretty(a).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

/// One-line `planlens/1` JSON (for JSON Lines).
pub fn json_line(a: &Analysis) -> String {
    serde_json::to_string(a).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}"))
}

fn comparator_word(c: Option<Comparator>) -> &'static str {
    match c {
        Some(Comparator::Gt) => ">",
        Some(Comparator::Gte) => "≥",
        Some(Comparator::Lt) => "<",
        Some(Comparator::Lte) => "≤",
        Some(Comparator::Approx) => "≈",
        _ => "",
    }
}

fn fmt_num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

/// The normalised quantity of a target: `≥65 %`, `4–5 所`, `>12000 个`.
pub fn quantity(t: &Target) -> String {
    let unit = t.unit.as_deref().unwrap_or("");
    let num = match (t.range, t.value) {
        (Some([a, b]), _) => format!("{}–{}", fmt_num(a), fmt_num(b)),
        (None, Some(v)) => format!("{}{}", comparator_word(t.comparator), fmt_num(v)),
        // a masked number (`xx所`) keeps its place
        (None, None) if t.flags.iter().any(|f| f == "placeholder") => {
            format!("{}?", comparator_word(t.comparator))
        }
        // a unit without a number (a deadline, a bare cue) says nothing on its own
        (None, None) => return String::new(),
    };
    let change = match t.change {
        Some(crate::model::Change::Increase) => "+",
        Some(crate::model::Change::Decrease) => "−",
        None => "",
    };
    format!("{change}{num}{unit}")
}

/// Markdown: the outline as nested headings/lists, each target under the deepest heading holding it.
pub fn markdown(a: &Analysis) -> String {
    let mut out = String::new();
    let _ = write_markdown(&mut out, a);
    out
}

/// [`markdown`] written piece by piece into `out` (the CLI streams it to stdout).
pub fn write_markdown(out: &mut impl Write, a: &Analysis) -> fmt::Result {
    let title = a.document.title.as_deref().unwrap_or("（无标题 untitled）");
    write!(out, "# {}\n\n", md_escape(title))?;
    if let Some(d) = &a.document.date {
        writeln!(out, "- 日期: {d}")?;
    }
    if !a.document.issuers.is_empty() {
        writeln!(
            out,
            "- 发文机关: {}",
            md_escape(&a.document.issuers.join("、"))
        )?;
    }
    if let Some(p) = a.document.period {
        writeln!(out, "- 规划期: {}–{}", p.from, p.to)?;
    }
    out.write_char('\n')?;
    // each node's targets found by its path, not by a scan of every target per node
    let mut by_path: HashMap<&[usize], Vec<&Target>> = HashMap::new();
    for t in &a.targets {
        by_path.entry(t.path.as_slice()).or_default().push(t);
    }
    write_targets(out, by_path.get([].as_slice()))?;
    for (i, n) in a.outline.iter().enumerate() {
        write_node(out, &by_path, n, &mut vec![i])?;
    }
    Ok(())
}

fn write_node(
    out: &mut impl Write,
    by_path: &HashMap<&[usize], Vec<&Target>>,
    n: &OutlineNode,
    path: &mut Vec<usize>,
) -> fmt::Result {
    let depth = (n.level as usize + 1).min(6);
    write!(
        out,
        "{} {}{}\n\n",
        "#".repeat(depth),
        md_escape(&n.marker),
        md_escape(&n.title)
    )?;
    write_targets(out, by_path.get(path.as_slice()))?;
    for (i, c) in n.children.iter().enumerate() {
        path.push(i);
        write_node(out, by_path, c, path)?;
        path.pop();
    }
    Ok(())
}

/// A list of targets and a blank line after it; nothing when there are none.
fn write_targets(out: &mut impl Write, ts: Option<&Vec<&Target>>) -> fmt::Result {
    let Some(ts) = ts.filter(|ts| !ts.is_empty()) else {
        return Ok(());
    };
    for t in ts {
        write!(out, "- **{}**", md_escape(&t.text))?;
        let q = quantity(t);
        if !q.is_empty() {
            write!(out, " ({q})")?;
        }
        if let Some(s) = &t.subject {
            write!(out, " — {}", md_escape(s))?;
        }
        if let Some(d) = &t.deadline {
            write!(out, " ⏰ {}", md_escape(d))?;
            if let Some(due) = &t.due {
                write!(out, " ({due})")?;
            }
        }
        let who = responsible(t);
        if !who.is_empty() {
            write!(out, " 👤 {}", md_escape(&who))?;
        }
        out.write_char('\n')?;
    }
    out.write_char('\n')
}

/// Escapes Markdown and HTML-significant characters so user text stays inert text.
pub fn md_escape(s: &str) -> String {
    let mut o = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '#' | '|' | '!' | '{' | '}' => {
                o.push('\\');
                o.push(c)
            }
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '&' => o.push_str("&amp;"),
            '\n' | '\r' => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// Who carries a target out, as one line: the lead units, then the others after a `；`
/// (`区教育局；区财政局、区人社局`); empty when the plan's table names none.
pub fn responsible(t: &Target) -> String {
    let Some(r) = &t.responsible else {
        return String::new();
    };
    let (lead, others) = (r.lead.join("、"), r.others.join("、"));
    match (lead.is_empty(), others.is_empty()) {
        (_, true) => lead,
        (true, false) => others,
        (false, false) => format!("{lead}；{others}"),
    }
}

/// Header of [`csv`]: one column per field of [`csv_fields`].
pub const CSV_HEAD: &str =
    "section,text,kind,value,range_low,range_high,unit,comparator,change,subject,deadline,due,start,end,lead,others";

/// CSV (RFC 4180), one target per row, with its section path as titles.
pub fn csv(a: &Analysis) -> String {
    let mut out = String::new();
    let _ = write_csv(&mut out, a);
    out
}

/// [`csv`] written line by line into `out` (the CLI streams it to stdout).
pub fn write_csv(out: &mut impl Write, a: &Analysis) -> fmt::Result {
    writeln!(out, "{CSV_HEAD}")?;
    for t in &a.targets {
        writeln!(out, "{}", csv_line(&csv_fields(a, t)))?;
    }
    Ok(())
}

/// One CSV line of cells, each quoted and defused by [`csv_cell`].
pub fn csv_line<S: AsRef<str>>(cells: &[S]) -> String {
    cells
        .iter()
        .map(|c| csv_cell(c.as_ref()))
        .collect::<Vec<_>>()
        .join(",")
}

/// The fields of one target's row of [`csv`], in the order of [`CSV_HEAD`].
pub fn csv_fields(a: &Analysis, t: &crate::model::Target) -> [String; 16] {
    let section = section_titles(&a.outline, &t.path).join(" > ");
    let (lo, hi) = t.range.map_or((String::new(), String::new()), |[a, b]| {
        (fmt_num(a), fmt_num(b))
    });
    [
        section,
        t.text.clone(),
        enum_str(&t.kind),
        t.value.map(fmt_num).unwrap_or_default(),
        lo,
        hi,
        or_empty(&t.unit),
        t.comparator.as_ref().map(enum_str).unwrap_or_default(),
        t.change.as_ref().map(enum_str).unwrap_or_default(),
        or_empty(&t.subject),
        or_empty(&t.deadline),
        or_empty(&t.due),
        t.span[0].to_string(),
        t.span[1].to_string(),
        t.responsible
            .as_ref()
            .map(|r| r.lead.join("、"))
            .unwrap_or_default(),
        t.responsible
            .as_ref()
            .map(|r| r.others.join("、"))
            .unwrap_or_default(),
    ]
}

/// An optional text field as a cell: empty when absent.
pub fn or_empty(v: &Option<Box<str>>) -> String {
    v.as_deref().unwrap_or_default().to_string()
}

fn enum_str<T: serde::Serialize>(v: &T) -> String {
    serde_json::to_value(v)
        .ok()
        .and_then(|v| v.as_str().map(str::to_string))
        .unwrap_or_default()
}

/// One CSV cell, quoted when needed; a leading `= + - @`, tab or carriage return is defused so
/// spreadsheets do not run it as a formula (a plain number such as `-5` stays a number).
pub fn csv_cell(s: &str) -> String {
    let s = if s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err() {
        format!("'{s}")
    } else {
        s.to_string()
    };
    if s.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", s.replace('"', "\"\""))
    } else {
        s
    }
}

/// Titles of the outline nodes along `path`.
pub fn section_titles(nodes: &[OutlineNode], path: &[usize]) -> Vec<String> {
    let mut out = Vec::new();
    let mut level = nodes;
    for &i in path {
        let Some(n) = level.get(i) else { break };
        out.push(format!("{}{}", n.marker, n.title));
        level = &n.children;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_quotes_and_defuses() {
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("say \"x\""), "\"say \"\"x\"\"\"");
        assert_eq!(csv_cell("=cmd()"), "'=cmd()");
        assert_eq!(csv_cell("-5"), "-5");
        assert_eq!(csv_cell("+5个百分点"), "'+5个百分点");
        assert_eq!(csv_cell("\t=1"), "'\t=1");
        assert_eq!(csv_cell("\r=1"), "\"'\r=1\"");
    }

    #[test]
    fn markdown_escapes_html() {
        assert_eq!(md_escape("<script>"), "&lt;script&gt;");
        assert_eq!(md_escape("[x](javascript:1)"), "\\[x\\](javascript:1)");
    }

    #[test]
    fn quantities_of_placeholders_ranges_and_changes() {
        use crate::model::{Change, TargetKind};
        let mut t = Target::new("xx%以上".into(), [0, 5], [0, 5], TargetKind::Percent);
        t.unit = Some("%".into());
        t.comparator = Some(Comparator::Gte);
        t.flags.push("placeholder".into());
        assert_eq!(quantity(&t), "≥?%");
        t.flags.clear();
        assert_eq!(quantity(&t), "");
        t.value = Some(0.5);
        t.unit = Some("个百分点".into());
        t.change = Some(Change::Decrease);
        assert_eq!(quantity(&t), "−≥0.5个百分点");
        t.value = None;
        t.range = Some([4.0, 5.0]);
        t.change = None;
        t.unit = Some("所".into());
        assert_eq!(quantity(&t), "4–5所");
    }
}
