//! Property tests: invariants that hold for every input (domain guide §0, output schema).
//!
//! - every span slices back to the text it claims, clause spans hold their targets;
//! - outline spans nest inside their parents, siblings do not overlap, levels count depth;
//! - the analysis is deterministic;
//! - inserting a paragraph into one section leaves the other sections' targets as they were.

mod common;

use common::{check_invariants, fixtures};
use planlens::analyze;
use proptest::prelude::*;

/// Plan-like fragments, so generated inputs exercise markers, numbers, units and comparators
/// rather than only random noise.
const PIECES: &[&str] = &[
    "一、",
    "二、",
    "十二、",
    "(一)",
    "（二）",
    "1.",
    "2、",
    "３．",
    "(1)",
    "①",
    "第一章",
    "一是",
    "\n",
    "\n\n",
    "\r\n",
    "。",
    ",",
    "；",
    ":",
    "新增学位超12000个",
    "争创3所省优质园和4—5所市优质园",
    "覆盖率不低于65%",
    "降低0.5个百分点",
    "2023年底前完成",
    "十四五",
    "1-2个",
    "百分之八十",
    "三四所",
    "xx%",
    "十余所",
    "100多名",
    "全覆盖",
    "不发生",
    "[bookmark: _Hlk1]",
    "　　",
    "关于印发《某某2023年工作要点》的通知",
    "附件:",
    "抄送:",
    "2022年1月18日",
    "二〇二三年三月一日",
    "教育局",
    "“532”工程",
    "第三批",
    "（2022-2024年）",
    "万",
    "亿元",
    "%",
    "个百分点",
    "😀",
    "\u{0}",
    "《",
    "》",
    "“",
    "”",
    "—",
    "～",
    "a",
    "9",
    "０",
];

fn plan_like() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => "\\PC{0,6}",
        ],
        0..60,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_for_plan_like_text(s in plan_like()) {
        let a = analyze(&s);
        prop_assert!(check_invariants(&s, &a).is_ok(), "{:?}", check_invariants(&s, &a));
        prop_assert_eq!(&a, &analyze(&s));
    }

    #[test]
    fn invariants_hold_for_arbitrary_text(s in "\\PC{0,200}") {
        let a = analyze(&s);
        prop_assert!(check_invariants(&s, &a).is_ok(), "{:?}", check_invariants(&s, &a));
    }
}

#[test]
fn invariants_hold_on_every_seed() {
    for (name, text) in fixtures() {
        let a = analyze(&text);
        if let Err(e) = check_invariants(&text, &a) {
            panic!("{name}: {e}");
        }
        assert_eq!(a, analyze(&text), "{name}: analysis is not deterministic");
    }
}

/// Cutting a seed anywhere (half a sentence, half a document) still gives a valid analysis.
#[test]
fn invariants_hold_on_truncated_seeds() {
    for (name, text) in fixtures() {
        let chars: Vec<char> = text.chars().collect();
        for cut in (0..chars.len()).step_by(997) {
            let part: String = chars[..cut].iter().collect();
            if let Err(e) = check_invariants(&part, &analyze(&part)) {
                panic!("{name} cut at {cut}: {e}");
            }
        }
    }
}

/// A paragraph inserted into one top-level section changes nothing in the other sections: their
/// targets keep their text and values, shifted by the inserted length when after it.
#[test]
fn inserting_a_paragraph_keeps_other_sections() {
    for (name, text) in fixtures() {
        let a = analyze(&text);
        if a.outline.len() < 3 || a.outline[1].children.is_empty() {
            continue;
        }
        // Insert after the first line of the second section's first child.
        let node = &a.outline[1].children[0];
        let chars: Vec<char> = text.chars().collect();
        let Some(nl) = (node.span[0]..node.span[1]).find(|&i| chars[i] == '\n') else {
            continue;
        };
        let para = "\n加强校园文化建设,开展读书活动3场。";
        let ins: String = chars[..nl]
            .iter()
            .chain(para.chars().collect::<Vec<_>>().iter())
            .chain(chars[nl..].iter())
            .collect();
        let b = analyze(&ins);
        let k = para.chars().count();
        let outside = |t: &planlens::model::Target| t.path.first() != Some(&1);
        let before: Vec<_> = a
            .targets
            .iter()
            .filter(|t| outside(t))
            .map(|t| {
                (
                    t.text.clone(),
                    t.value,
                    t.range,
                    t.unit.clone(),
                    if t.span[0] >= nl {
                        t.span[0] + k
                    } else {
                        t.span[0]
                    },
                )
            })
            .collect();
        let after: Vec<_> = b
            .targets
            .iter()
            .filter(|t| outside(t))
            .map(|t| (t.text.clone(), t.value, t.range, t.unit.clone(), t.span[0]))
            .collect();
        assert_eq!(
            before, after,
            "{name}: targets outside the edited section changed"
        );
        assert_eq!(
            a.outline.len(),
            b.outline.len(),
            "{name}: top-level sections changed"
        );
    }
}
