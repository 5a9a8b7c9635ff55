//! Every subject of every target of the seeds, the dev corpus and the 28 provincial reports is a
//! phrase a reader can put in a 指标/对象 column: it neither starts nor ends with punctuation, a
//! comparator or an action verb, its quotes and brackets are balanced, and it is no lone place
//! character (`区` of a 建设区) or other lone char. A quoted name (`“三北”工程造林种草`) is fine.

use planlens::analyze;
use std::path::PathBuf;

const OPENING_PUNCT: &str = "，。、；：,.;:!?！？)）】》·—…”’";
const CLOSING_PUNCT: &str = "，。、；：,.;:!?！？(（【《·—…“‘";
const COMPARATORS: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "超过",
    "达到",
    "低于",
    "高于",
    "以上",
    "以下",
    "左右",
];
/// Verbs that create or accomplish (the label rule drops them); verbs that work on something
/// already there (改造, 更新, 治理) stay with their object and are not listed.
const OPENING_VERBS: &[&str] = &[
    "完成", "建成", "新建", "打造", "组建", "设立", "实施", "开展", "实现", "力争", "确保", "评选",
    "争创", "创建", "推进", "推动", "增长", "提高", "降低", "下降",
];
const CLOSING_VERBS: &[&str] = &[
    "完成", "实现", "增长", "提高", "降低", "下降", "减少", "确保", "力争", "开展", "实施",
];

fn flaw(s: &str) -> Option<String> {
    let first = s.chars().next()?;
    let last = s.chars().last()?;
    if OPENING_PUNCT.contains(first) || CLOSING_PUNCT.contains(last) {
        return Some("punctuation".into());
    }
    let count = |c: char| s.matches(c).count();
    if count('“') != count('”') || count('(') + count('（') != count(')') + count('）') {
        return Some("unbalanced quote or bracket".into());
    }
    if let Some(w) = COMPARATORS
        .iter()
        .find(|w| s.starts_with(*w) || s.ends_with(*w))
    {
        return Some(format!("comparator {w}"));
    }
    if let Some(w) = OPENING_VERBS.iter().find(|w| s.starts_with(*w)) {
        return Some(format!("opening verb {w}"));
    }
    if let Some(w) = CLOSING_VERBS.iter().find(|w| s.ends_with(*w)) {
        return Some(format!("closing verb {w}"));
    }
    if s.chars().count() == 1 && "省市区县镇乡村".contains(first) {
        return Some("lone place".into());
    }
    // a char a cut left of a word (健 of 健全覆盖…)
    (s.chars().count() == 1).then(|| "lone char".into())
}

fn texts(dir: &str) -> Vec<(String, String)> {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join(dir);
    let mut out: Vec<_> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).expect("utf-8 text"))
        })
        .collect();
    out.sort();
    out
}

#[test]
fn every_subject_reads_as_a_column_entry() {
    let mut bad = Vec::new();
    let mut n = 0;
    for dir in [
        "tests/fixtures",
        "tests/devcorpus/docs",
        "tests/corpora/provincial-reports-2026",
    ] {
        for (name, text) in texts(dir) {
            for t in analyze(&text).targets {
                let Some(s) = t.subject.as_deref() else {
                    continue;
                };
                n += 1;
                if let Some(why) = flaw(s) {
                    bad.push(format!("{name}: {s:?} ({why}) for {:?}", t.text));
                }
            }
        }
    }
    assert!(n > 1000, "only {n} subjects swept");
    assert!(
        bad.is_empty(),
        "{} subjects of {n}:\n{}",
        bad.len(),
        bad.join("\n")
    );
}

#[test]
fn the_sweep_catches_fragments() {
    for s in [
        "先进学校”",
        "、边疆",
        "建设区(",
        "不少于交流人数",
        "完成首次",
        "区",
        "健",
        "增长目标",
    ] {
        assert!(flaw(s).is_some(), "{s}");
    }
    for s in [
        "“三北”工程造林种草",
        "产业教授(产业导师)",
        "改造城镇老旧小区房屋",
        "城镇新增就业",
    ] {
        assert_eq!(flaw(s), None, "{s}");
    }
}
