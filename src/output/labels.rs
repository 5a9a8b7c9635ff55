//! A (corrected) analysis in the labels' format of tests/devcorpus/README.md: the page's
//! labels export, so a reader's corrections make a label file. It runs in the engine's lazily
//! loaded extras module (`labelsJson`), not in the page's first load.

use crate::model::{Analysis, OutlineNode, Target, TargetKind};

/// The flags the page gives targets a reader corrected (see `web/logic/mod.rs`).
const READER_FLAGS: [&str; 3] = ["corrected", "not_a_target", "added_by_reader"];

/// Every heading in document order.
fn headings(nodes: &[OutlineNode], out: &mut Vec<LabelHeading>) {
    for n in nodes {
        out.push(LabelHeading {
            level: n.level,
            marker: n.marker.clone(),
            text: n.title.clone(),
        });
        headings(&n.children, out);
    }
}

/// The labels of `a`, whose text is `text`: each target's sentence is its clause as written.
pub fn labels_for_text(a: &Analysis, text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    labels_json(a, &|t| {
        let (s, e) = (
            t.clause_span[0].min(t.span[0]),
            t.clause_span[1].max(t.span[1]),
        );
        chars
            .get(s..e.min(chars.len()))
            .map(|c| c.iter().collect::<String>().trim().to_string())
            .unwrap_or_default()
    })
}

/// A heading in the labels' format (tests/devcorpus/README.md).
#[derive(serde::Serialize)]
pub struct LabelHeading {
    level: u32,
    marker: String,
    text: String,
}

/// A label's value: a number or a range.
#[derive(serde::Serialize)]
#[serde(untagged)]
pub enum LabelValue {
    One(f64),
    Range([f64; 2]),
}

/// A target in the labels' format.
#[derive(serde::Serialize)]
pub struct LabelTarget {
    sentence: String,
    subject: String,
    quantity: Option<String>,
    value: Option<LabelValue>,
    unit: Option<String>,
    comparator: Option<String>,
    deadline: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    kind: Option<&'static str>,
}

/// A document in the labels' format; the keys in the order the format gives.
#[derive(serde::Serialize)]
pub struct Labels {
    title: Option<String>,
    issuer: Option<String>,
    date: Option<String>,
    recipients: Option<String>,
    note_meta: String,
    headings: Vec<LabelHeading>,
    targets: Vec<LabelTarget>,
    targets_scope: String,
}

/// The (corrected) analysis as a label file (tests/devcorpus/README.md): the page as a
/// labelling tool. Targets a reader rejected are left out; `sentence(t)` is its sentence.
fn labels_json(a: &Analysis, sentence: &dyn Fn(&Target) -> String) -> String {
    let mut hs = Vec::new();
    headings(&a.outline, &mut hs);
    let targets = a
        .targets
        .iter()
        .filter(|t| !t.flags.iter().any(|f| f == "not_a_target"))
        .map(|t| LabelTarget {
            sentence: sentence(t),
            subject: crate::render::or_empty(&t.subject),
            quantity: Some(t.text.clone()).filter(|_| t.kind != TargetKind::Deadline),
            value: match (t.range, t.value) {
                (Some(r), _) => Some(LabelValue::Range(r)),
                (None, Some(v)) => Some(LabelValue::One(v)),
                _ => None,
            },
            unit: t.unit.as_deref().map(String::from),
            comparator: t.comparator.and_then(|c| {
                serde_json::to_value(c)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_string))
            }),
            deadline: t.deadline.as_deref().map(String::from),
            kind: (t.kind == TargetKind::Deadline).then_some("deadline"),
        })
        .collect();
    let n = a
        .targets
        .iter()
        .filter(|t| t.flags.iter().any(|f| READER_FLAGS.contains(&f.as_str())))
        .count();
    let l = Labels {
        title: a.document.title.clone(),
        issuer: Some(a.document.issuers.join("、")).filter(|s| !s.is_empty()),
        date: a.document.date.clone(),
        recipients: None,
        note_meta: format!("exported from the planlens page; {n} targets corrected by a reader"),
        headings: hs,
        targets,
        targets_scope: String::new(),
    };
    // indent 1 and a final newline, as the label files are written
    let mut buf = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(b" ");
    let mut ser = serde_json::Serializer::with_formatter(&mut buf, fmt);
    let _ = serde::Serialize::serialize(&l, &mut ser);
    let mut s = String::from_utf8(buf).unwrap_or_default();
    s.push('\n');
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_keep_the_format_and_leave_rejected_targets_out() {
        let text = "一、学前教育\n2023年底前新增学位1000个。公办园覆盖率不低于60%。\n";
        let mut a = crate::analyze(text);
        let n = a.targets.len();
        a.targets[0].flags.push("not_a_target".into());
        a.targets[1].subject = Some("公办园覆盖率".into());
        a.targets[1].flags.push("corrected".into());
        let j = labels_for_text(&a, text);
        assert!(j.starts_with("{\n \"title\"") && j.ends_with("}\n"), "{j}");
        let v: serde_json::Value = serde_json::from_str(&j).unwrap();
        let keys: Vec<&str> = v.as_object().unwrap().keys().map(|k| k.as_str()).collect();
        assert_eq!(keys.len(), 8);
        let ts = v["targets"].as_array().unwrap();
        assert_eq!(ts.len(), n - 1);
        assert_eq!(ts[0]["sentence"], "公办园覆盖率不低于60%");
        assert_eq!(ts[0]["comparator"], "gte");
        assert_eq!(ts[0]["value"], 60.0);
        assert_eq!(v["headings"][0]["marker"], "一、");
        assert!(v["note_meta"]
            .as_str()
            .unwrap()
            .contains("2 targets corrected"));
    }
}
