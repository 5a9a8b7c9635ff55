//! Output formats: `planlens/1` JSON, a Markdown outline with targets under their headings, and
//! CSV with one target per row and its section path.

use crate::model::{Analysis, Comparator, OutlineNode, Target};

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
    let title = a.document.title.as_deref().unwrap_or("（无标题 untitled）");
    out.push_str(&format!("# {}\n\n", md_escape(title)));
    if let Some(d) = &a.document.date {
        out.push_str(&format!("- 日期: {d}\n"));
    }
    if !a.document.issuers.is_empty() {
        out.push_str(&format!(
            "- 发文机关: {}\n",
            md_escape(&a.document.issuers.join("、"))
        ));
    }
    if let Some(p) = a.document.period {
        out.push_str(&format!("- 规划期: {}–{}\n", p.from, p.to));
    }
    out.push('\n');
    let top: Vec<&Target> = a.targets.iter().filter(|t| t.path.is_empty()).collect();
    if !top.is_empty() {
        push_targets(&mut out, &top, 0);
        out.push('\n');
    }
    for (i, n) in a.outline.iter().enumerate() {
        push_node(&mut out, a, n, &mut vec![i]);
    }
    out
}

fn push_node(out: &mut String, a: &Analysis, n: &OutlineNode, path: &mut Vec<usize>) {
    let depth = (n.level as usize + 1).min(6);
    out.push_str(&format!(
        "{} {}{}\n\n",
        "#".repeat(depth),
        md_escape(&n.marker),
        md_escape(&n.title)
    ));
    let mine: Vec<&Target> = a.targets.iter().filter(|t| t.path == *path).collect();
    if !mine.is_empty() {
        push_targets(out, &mine, 0);
        out.push('\n');
    }
    for (i, c) in n.children.iter().enumerate() {
        path.push(i);
        push_node(out, a, c, path);
        path.pop();
    }
}

fn push_targets(out: &mut String, ts: &[&Target], indent: usize) {
    for t in ts {
        let mut line = format!("{}- **{}**", " ".repeat(indent), md_escape(&t.text));
        let q = quantity(t);
        if !q.is_empty() {
            line.push_str(&format!(" ({q})"));
        }
        if let Some(s) = &t.subject {
            line.push_str(&format!(" — {}", md_escape(s)));
        }
        if let Some(d) = &t.deadline {
            line.push_str(&format!(" ⏰ {}", md_escape(d)));
            if let Some(due) = &t.due {
                line.push_str(&format!(" ({due})"));
            }
        }
        let who = responsible(t);
        if !who.is_empty() {
            line.push_str(&format!(" 👤 {}", md_escape(&who)));
        }
        out.push_str(&line);
        out.push('\n');
    }
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
    let mut out = format!("{CSV_HEAD}\n");
    for t in &a.targets {
        out.push_str(&csv_line(&csv_fields(a, t)));
        out.push('\n');
    }
    out
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
        t.unit.clone().unwrap_or_default(),
        t.comparator.as_ref().map(enum_str).unwrap_or_default(),
        t.change.as_ref().map(enum_str).unwrap_or_default(),
        t.subject.clone().unwrap_or_default(),
        t.deadline.clone().unwrap_or_default(),
        t.due.clone().unwrap_or_default(),
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
