//! Property tests: invariants that hold for every input (docs/output-schema.md).
//!
//! - every span slices back to the text it claims, clause spans hold their targets;
//! - outline spans nest inside their parents, siblings do not overlap, levels count depth;
//! - the analysis is deterministic;
//! - inserting a paragraph into one section leaves the other sections' targets as they were;
//! - cleaning keeps a monotone offset map whose chars are folds of the originals;
//! - the element ranges nest (outline ⊆ body, skips and tables inside the body) and titles come
//!   from the input.

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
    "全市排名前3名",
    "进入全省前10%",
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
    // Structure variants (issue 3): more marker families, wrappers, chrome, furniture, tables.
    "第一节 ",
    "第二章 ",
    "⑴",
    "㈠",
    "⒈",
    "一月份\n",
    "（一）2023年4月底前\n",
    "动员部署阶段（2022年3月—4月）",
    "二是",
    "规范民办义务教育发展。",
    "\n— 3 —\n",
    "---\ntitle: 某县2023年工作要点\ndate: 2023-02-01\n---\n",
    "（下转第2版）",
    "&nbsp;",
    "&#12288;",
    "序号\n\n",
    "牵头\n\n部门\n\n",
    "2022\n\n",
    "1\n\n",
    "教育局\n\n",
    "发布日期: 2022-03-07  来源:教育局  浏览次数:",
    "您当前的位置:首页> 政务公开",
    "• 首页\n",
    "CopyRight 2023 某某 苏ICP备10217280号",
    "各区卫生健康局、委属各单位:\n",
    "现将《某市2023年工作要点》印发给你们,请认真贯彻落实。\n",
    "某市人民政府办公室\n二〇二三年二月十日\n",
    "某卫发〔2023〕5号\n",
    "抄送:市委办公室,市人大常委会办\n公室。\n",
    "附件:1.重点项目清单\n2.责任分工表\n",
    "目录\n",
    "——2023年1月10日在某市人民代表大会上\n",
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

/// The cleaned working copy keeps its offset map monotone: byte `b` of the copy comes from an
/// original char no earlier than the one byte `b - 1` came from, and every kept char is the fold
/// of the original char it points at (or a newline, decoded entity or artefact boundary).
fn check_clean(s: &str) -> Result<(), String> {
    let t = planlens::stages::clean(s);
    let orig: Vec<char> = s.chars().collect();
    let mut prev = 0;
    for (b, c) in t.clean.char_indices() {
        let o = t.orig_offset(b);
        if o < prev {
            return Err(format!("offset map goes back at byte {b}: {o} < {prev}"));
        }
        prev = o;
        let Some(&oc) = orig.get(o) else {
            return Err(format!("byte {b} maps past the input ({o})"));
        };
        let folded = planlens::fold(oc);
        if folded != c && c != '\n' && oc != '&' && c != ' ' {
            return Err(format!("byte {b}: {c:?} comes from {oc:?}"));
        }
    }
    Ok(())
}

/// The element stage's ranges nest: outline ⊆ body ⊆ the text, skip ranges and tables inside
/// the body, the title's chars appear in the input in order.
fn check_elements(s: &str) -> Result<(), String> {
    let t = planlens::stages::clean(s);
    let e = planlens::stages::elements::extract(&t);
    let n = t.clean.len();
    if !(e.body.start <= e.body.end && e.body.end <= n) {
        return Err(format!("body {:?} out of 0..{n}", e.body));
    }
    if !(e.body.start <= e.outline.start
        && e.outline.start <= e.outline.end
        && e.outline.end <= e.body.end)
    {
        return Err(format!(
            "outline {:?} not inside body {:?}",
            e.outline, e.body
        ));
    }
    if let Some(r) = e
        .skip
        .iter()
        .find(|r| r.start < e.body.start || r.end > e.body.end)
    {
        return Err(format!("skip {r:?} outside body {:?}", e.body));
    }
    for tb in planlens::stages::tables::detect(&t, e.body.clone()) {
        if tb.range.start < e.body.start || tb.range.end > e.body.end {
            return Err(format!("table {:?} outside body {:?}", tb.range, e.body));
        }
    }
    // From the input, or from its cleaned copy when cleaning decoded an entity (&#x1F600;).
    let squeezed: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let cleaned: String = t
        .display(0..t.clean.len())
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    for title in [&e.document.title, &e.document.notice_title]
        .into_iter()
        .flatten()
    {
        let inside = |hay: &str| {
            let mut it = hay.chars();
            title
                .chars()
                .filter(|c| !c.is_whitespace())
                .all(|c| it.any(|x| x == c))
        };
        if !inside(&squeezed) && !inside(&cleaned) {
            return Err(format!("title {title:?} is not in the input"));
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn cleaning_keeps_a_monotone_offset_map(s in plan_like()) {
        prop_assert!(check_clean(&s).is_ok(), "{:?}", check_clean(&s));
    }

    #[test]
    fn element_ranges_nest(s in plan_like()) {
        prop_assert!(check_elements(&s).is_ok(), "{:?}", check_elements(&s));
    }
}

#[test]
fn structure_invariants_on_every_seed() {
    for (name, text) in fixtures() {
        if let Err(e) = check_clean(&text).and_then(|_| check_elements(&text)) {
            panic!("{name}: {e}");
        }
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

/// Text that is hard on char/byte offsets and line handling: astral-plane chars (4 bytes, two
/// UTF-16 units), lone combining marks, zero-width and bidi controls, CR, LF and CRLF mixed,
/// full-width forms that cleaning folds, mixed with plan pieces so markers and numbers occur.
fn awkward_unicode() -> impl Strategy<Value = String> {
    const AWKWARD: &[&str] = &[
        "\u{0301}",
        "\u{20DD}",
        "\u{FE0F}",
        "\u{200B}",
        "\u{200D}",
        "\u{202E}",
        "\u{FEFF}",
        "\u{2028}",
        "\u{85}",
        "\r",
        "\n",
        "\r\n",
        "\n\r",
        "\r\r\n",
        "𠀀",
        "𝟙𝟚",
        "😀",
        "👩‍👩‍👧",
        "🇨🇳",
        "１２",
        "％",
        "\u{3000}",
        "\t",
        "&amp;",
        "&#x1F600;",
        "&#0;",
        "&#99999999;",
    ];
    prop::collection::vec(
        prop_oneof![
            3 => prop::sample::select(AWKWARD).prop_map(str::to_string),
            3 => prop::sample::select(PIECES).prop_map(str::to_string),
            2 => any::<char>().prop_map(|c| c.to_string()),
            1 => "[\\u{10000}-\\u{10FFFF}]{1,4}",
        ],
        0..80,
    )
    .prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 300, ..ProptestConfig::default() })]

    #[test]
    fn invariants_hold_for_awkward_unicode(s in awkward_unicode()) {
        let a = analyze(&s);
        prop_assert!(check_invariants(&s, &a).is_ok(), "{:?}", check_invariants(&s, &a));
        prop_assert_eq!(&a, &analyze(&s));
        prop_assert!(check_clean(&s).is_ok(), "{:?}", check_clean(&s));
        prop_assert!(check_elements(&s).is_ok(), "{:?}", check_elements(&s));
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    /// A seed cut at a random place on both ends (a plan pasted from its middle), with its line
    /// ends turned to CR or CRLF, still gives a valid, deterministic analysis.
    #[test]
    fn invariants_hold_on_randomly_cut_seeds(
        pick in 0usize..64,
        from in 0.0f64..0.5,
        to in 0.5f64..1.0,
        eol in prop::sample::select(&["\n", "\r\n", "\r"][..]),
    ) {
        let seeds = fixtures();
        let (name, text) = &seeds[pick % seeds.len()];
        let chars: Vec<char> = text.chars().collect();
        let (a, b) = ((chars.len() as f64 * from) as usize, (chars.len() as f64 * to) as usize);
        let part: String = chars[a..b].iter().collect::<String>().replace('\n', eol);
        let r = analyze(&part);
        prop_assert!(check_invariants(&part, &r).is_ok(), "{} [{}..{}] {:?}: {:?}", name, a, b, eol, check_invariants(&part, &r));
        prop_assert_eq!(&r, &analyze(&part));
    }
}

/// What cleaning takes out of a heading or changes in it: entities it decodes, invisible and
/// direction marks it drops, spaces it folds, a line break it may join, a full-width digit.
const HEADING_NOISE: &[&str] = &[
    "&amp;", "&#x4E00;", "\u{200B}", "\u{202E}", "\u{FEFF}", " ", "\u{3000}", "\u{A0}", "\n", "１",
    "\t",
];

/// Every char offset inside a heading's title, over the whole outline.
fn title_offsets(nodes: &[planlens::model::OutlineNode], out: &mut Vec<usize>) {
    for n in nodes {
        out.extend(n.title_span[0]..n.title_span[1]);
        title_offsets(&n.children, out);
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 64, ..ProptestConfig::default() })]

    /// Seeds with noise put into their headings: each heading's title span still slices the
    /// input to the title as printed (`title_raw` when cleaning changed it, else `title`), and
    /// every other invariant holds.
    #[test]
    fn heading_spans_slice_the_title_as_printed_in_mutated_seeds(
        pick in 0usize..64,
        edits in prop::collection::vec((0.0f64..1.0, 0usize..HEADING_NOISE.len()), 1..16),
    ) {
        let seeds = fixtures();
        let (name, text) = &seeds[pick % seeds.len()];
        let mut at = Vec::new();
        title_offsets(&analyze(text).outline, &mut at);
        prop_assume!(!at.is_empty());
        let mut places: Vec<(usize, &str)> = edits
            .iter()
            .map(|&(f, k)| (at[((at.len() as f64 * f) as usize).min(at.len() - 1)], HEADING_NOISE[k]))
            .collect();
        places.sort();
        let mut chars: Vec<String> = text.chars().map(String::from).collect();
        for &(i, noise) in places.iter().rev() {
            chars.insert(i, noise.to_string());
        }
        let mutated = chars.concat();
        let a = analyze(&mutated);
        prop_assert!(check_invariants(&mutated, &a).is_ok(), "{}: {:?}", name, check_invariants(&mutated, &a));
    }
}
