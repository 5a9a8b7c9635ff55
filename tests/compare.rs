//! Plan against plan, and a plan against itself (issue 9), on the seeds and on synthetic plans of
//! other sectors.
//!
//! The 003 ↔ 000 truth (`tests/compare/003_vs_000.json`) was written by reading both plans; this
//! test measures the aligner against it and prints precision and recall.

use planlens::compare::{self, Comparison, TargetRef};
use std::process::Command;

fn fixture(prefix: &str) -> (String, String) {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(prefix) && n.ends_with(".txt"))
        .collect();
    names.sort();
    let name = names.into_iter().next().expect("fixture");
    let path = format!("{dir}/{name}");
    (std::fs::read_to_string(&path).unwrap(), path)
}

/// A reference `…【quantity】…`: the char span of the marked quantity, from a quote that must
/// occur exactly once in `text`.
fn resolve(text: &str, reference: &str) -> [usize; 2] {
    let plain: String = reference.replace(['【', '】'], "");
    let hits: Vec<_> = text.match_indices(&plain).collect();
    assert_eq!(hits.len(), 1, "quote must occur once: {reference}");
    let at = text[..hits[0].0].chars().count();
    let open = reference.find('【').expect("marked quantity");
    let close = reference.find('】').expect("marked quantity");
    let before = reference[..open].chars().count();
    let len = reference[open + '【'.len_utf8()..close].chars().count();
    [at + before, at + before + len]
}

fn overlaps(a: [usize; 2], b: [usize; 2]) -> bool {
    a[0] < b[1] && b[0] < a[1]
}

struct Truth {
    topic: String,
    b: [usize; 2],
    a: Vec<[usize; 2]>,
}

fn truth(a_text: &str, b_text: &str) -> Vec<Truth> {
    let path = format!(
        "{}/tests/compare/003_vs_000.json",
        env!("CARGO_MANIFEST_DIR")
    );
    let v: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap();
    v["pairs"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| Truth {
            topic: p["topic"].as_str().unwrap().to_string(),
            b: resolve(b_text, p["b"].as_str().unwrap()),
            a: p["a"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| resolve(a_text, r.as_str().unwrap()))
                .collect(),
        })
        .collect()
}

fn right(t: &Truth, a: &TargetRef, b: &TargetRef) -> bool {
    overlaps(t.b, b.span) && t.a.iter().any(|s| overlaps(*s, a.span))
}

#[test]
fn alignment_of_003_and_000_against_the_hand_list() {
    let (a_text, _) = fixture("003_");
    let (b_text, _) = fixture("000_");
    let c = compare::compare(&a_text, &b_text);
    let truth = truth(&a_text, &b_text);
    let correct = c
        .pairs
        .iter()
        .filter(|p| truth.iter().any(|t| right(t, &p.a, &p.b)))
        .count();
    let found: Vec<&Truth> = truth
        .iter()
        .filter(|t| c.pairs.iter().any(|p| right(t, &p.a, &p.b)))
        .collect();
    let precision = correct as f64 / c.pairs.len().max(1) as f64;
    let recall = found.len() as f64 / truth.len() as f64;
    println!(
        "003↔000 alignment: {} predicted, {} right, {}/{} hand pairs found: precision {:.3} recall {:.3}",
        c.pairs.len(),
        correct,
        found.len(),
        truth.len(),
        precision,
        recall
    );
    for p in c
        .pairs
        .iter()
        .filter(|p| !truth.iter().any(|t| right(t, &p.a, &p.b)))
    {
        println!(
            "  not in the hand list: {} {} ↔ {} {}",
            p.a.subject, p.a.quantity, p.b.subject, p.b.quantity
        );
    }
    for t in truth
        .iter()
        .filter(|t| !found.iter().any(|f| f.topic == t.topic))
    {
        println!("  missed: {}", t.topic);
    }
    assert!(precision >= 0.75, "precision {precision}");
    assert!(recall >= 0.75, "recall {recall}");
}

fn row_status<'a>(c: &'a Comparison, subject: &str, value: f64) -> Option<&'a str> {
    c.annual.as_ref()?.rows.iter().find_map(|r| {
        let p = r.plan.as_ref()?;
        (p.subject.contains(subject) && p.value == Some(value) && r.annual.is_some())
            .then_some(r.status.as_str())
    })
}

#[test]
fn annual_plan_is_read_against_its_year_of_the_three_year_plan() {
    let (a_text, _) = fixture("003_");
    let (b_text, _) = fixture("000_");
    let c = compare::compare(&a_text, &b_text);
    assert_eq!(c.mode, "annual_in_period");
    let an = c.annual.as_ref().expect("annual comparison");
    assert_eq!(
        (an.plan.as_str(), an.annual.as_str(), an.year),
        ("a", "b", 2023)
    );
    // The examples: 品格提升工程 10个 and 名班主任 100名 are in both, and met.
    assert_eq!(row_status(&c, "品格提升工程", 10.0), Some("met"));
    assert_eq!(row_status(&c, "名班主任", 100.0), Some("met"));
    // Only the plan's 2023 column takes part: no pair uses a 2022 or 2024 cell.
    assert!(c
        .pairs
        .iter()
        .all(|p| p.a.column.as_deref() != Some("2022") && p.a.column.as_deref() != Some("2024")));
    // Every row has its status, every status is known, and counts add up.
    let k = &an.counts;
    assert_eq!(
        k.met + k.weaker + k.missing + k.extra + k.not_comparable + k.in_period,
        an.rows.len()
    );
    assert!(k.met >= 3 && k.extra >= 5 && k.missing >= 5, "{k:?}");
    // Symmetric: with the plans swapped the multi-year plan is B and the pairs are the same.
    let d = compare::compare(&b_text, &a_text);
    assert_eq!(d.annual.as_ref().map(|a| a.plan.as_str()), Some("b"));
    let mut x: Vec<_> = c.pairs.iter().map(|p| (p.a.index, p.b.index)).collect();
    let mut y: Vec<_> = d.pairs.iter().map(|p| (p.b.index, p.a.index)).collect();
    x.sort();
    y.sort();
    assert_eq!(x, y);
}

/// A kind of a thing is not the thing: the three-year plan's 各类特色学校 35个 (all kinds) meets
/// neither the 2023 plan's 市级思政育人特色学校 3所 nor another district's 艺术教育特色学校 3所, while
/// the same thing at another level (省市品格提升工程 / 品格提升工程) still pairs. Every pair and every
/// paired annual row says how alike the two measured things are.
#[test]
fn only_like_things_pair_and_show_their_similarity() {
    let (a_text, _) = fixture("003_");
    for other in ["000_", "001_"] {
        let (b_text, _) = fixture(other);
        let c = compare::compare(&a_text, &b_text);
        for p in &c.pairs {
            assert!(
                !(p.a.subject.ends_with("特色学校") && p.b.subject.ends_with("特色学校")),
                "{other}: {} ↔ {}",
                p.a.subject,
                p.b.subject
            );
            assert!((0.55..=1.0).contains(&p.similarity), "{p:?}");
            assert!(p.score >= p.similarity);
        }
        for r in &c.annual.as_ref().map_or(vec![], |a| a.rows.clone()) {
            let both = r.plan.is_some() && r.annual.is_some();
            assert_eq!(r.similarity.is_some(), both, "{r:?}");
            assert!(
                r.similarity.is_none_or(|s| (0.0..=1.0).contains(&s)),
                "{r:?}"
            );
        }
    }
    let (b_text, _) = fixture("000_");
    let c = compare::compare(&a_text, &b_text);
    let grade = c
        .pairs
        .iter()
        .find(|p| &*p.b.subject == "省市品格提升工程")
        .expect("品格提升工程 pairs");
    assert_eq!(&*grade.a.subject, "品格提升工程");
    assert!(grade.similarity > 0.8 && grade.similarity < 1.0);
}

#[test]
fn self_consistency_flags_of_003() {
    let (text, _) = fixture("003_");
    let chk = compare::check(&text);
    let chars: Vec<char> = text.chars().collect();
    for f in &chk.flags {
        println!("003 flag {}: {}", f.code, f.message);
    }
    // Domain guide A.7: three subjects where body and table disagree.
    for subject in ["省市优质园", "校企协同创新中心", "校企一体化教学工作站"]
    {
        let f = chk
            .flags
            .iter()
            .find(|f| f.subject.contains(subject))
            .unwrap_or_else(|| panic!("no flag for {subject}"));
        assert!(f.spans.len() >= 2, "both spans for {subject}");
        for s in &f.spans {
            let words: String = chars[s[0]..s[1]].iter().collect();
            assert!(
                words.chars().any(|c| c.is_ascii_digit()),
                "{subject}: span {s:?} is {words}"
            );
        }
        // The stated figure is in the body or the row's total, the parts are year cells.
        assert!(f
            .parts
            .iter()
            .all(|p| p.column.as_deref().is_some_and(|c| c.starts_with("20"))));
    }
    // Subjects A.7 lists as agreeing are not flagged (学科带头人: the body's 区学科带头人和骨干教师
    // 1000名 is the sum of both rows' cells, 200 + 300 + 200 + 300).
    for ok in [
        "特色学校",
        "名班主任",
        "市新优质学校",
        "优质乡村学校",
        "名教师工作室",
        "学科带头人",
        "高层次人才",
        "后备",
        "智慧安防校园",
        "消防设施",
        "安全教育实践基地",
        "课题",
        "四有",
    ] {
        assert!(
            !chk.flags.iter().any(|f| f.subject.contains(ok)),
            "false flag on {ok}"
        );
    }
    assert!(chk.flags.len() <= 8, "{} flags", chk.flags.len());
}

#[test]
fn a_plan_compared_with_itself_aligns_everything_with_no_differences() {
    for prefix in ["000_", "001_", "002_", "003_", "004_"] {
        let (text, _) = fixture(prefix);
        let c = compare::compare(&text, &text);
        println!(
            "{prefix} self: {} pairs, {} different, only_a {}, only_b {}",
            c.summary.pairs, c.summary.different, c.summary.only_a, c.summary.only_b
        );
        assert!(
            c.only_a.is_empty() && c.only_b.is_empty(),
            "{prefix}: unaligned targets"
        );
        assert_eq!(c.summary.different, 0, "{prefix}");
        assert!(c
            .pairs
            .iter()
            .all(|p| p.a.index == p.b.index && p.difference.unwrap_or(0.0) == 0.0));
        assert_eq!(c.mode, "general");
        assert_eq!(c.consistency.a, c.consistency.b);
    }
}

#[test]
fn unrelated_plans_align_little() {
    let (a, _) = fixture("001_");
    let (b, _) = fixture("003_");
    let c = compare::compare(&a, &b);
    println!(
        "001↔003: {} pairs of {} × {} targets (aligned share A {}, B {})",
        c.summary.pairs, c.a.targets, c.b.targets, c.summary.aligned_a, c.summary.aligned_b
    );
    for p in &c.pairs {
        println!(
            "  {} {} ↔ {} {}",
            p.a.subject, p.a.quantity, p.b.subject, p.b.quantity
        );
    }
    assert!(c.summary.aligned_a <= 0.15 && c.summary.aligned_b <= 0.15);
}

const THREE_YEAR: &str = "某市卫生健康服务能力提升三年行动计划(2024-2026年)\n\n一、主要任务\n\n(一)基层能力\n\n三年内建成标准化村卫生室60个,每年培训乡村医生500名。新增家庭医生团队30个。\n\n(二)公共卫生\n\n到2026年,新建污水处理设施12座。\n\n附件\n\n分年度任务表\n\n序号\n\n项目名称\n\n主要内容\n\n2024年\n\n2025年\n\n2026年\n\n牵头单位\n\n1\n\n村卫生室建设\n\n建成标准化村卫生室60个。\n\n建成20个标准化村卫生室。\n\n建成20个标准化村卫生室。\n\n建成20个标准化村卫生室。\n\n市卫健委\n\n2\n\n家庭医生\n\n新增家庭医生团队30个。\n\n新增家庭医生团队10个。\n\n新增家庭医生团队10个。\n\n新增家庭医生团队5个。\n\n市卫健委、各县(区)\n\n";

const ANNUAL: &str = "某市2025年卫生健康工作要点\n\n一、夯实基层\n\n1.建成标准化村卫生室25个。培训乡村医生400名。新增家庭医生团队10个。\n\n2.完成120家医疗机构信息化改造。\n";

#[test]
fn other_sector_plans_compare_and_check() {
    let chk = compare::check(THREE_YEAR);
    assert_eq!(chk.plan.schedules, 1);
    // 家庭医生团队: 30 in the body and the total, 10 + 10 + 5 = 25 in the years.
    assert!(
        chk.flags.iter().any(|f| f.subject.contains("家庭医生团队")),
        "{:?}",
        chk.flags
    );
    assert!(
        !chk.flags.iter().any(|f| f.subject.contains("村卫生室")),
        "{:?}",
        chk.flags
    );

    let c = compare::compare(THREE_YEAR, ANNUAL);
    assert_eq!(c.mode, "annual_in_period");
    let an = c.annual.as_ref().unwrap();
    assert_eq!(an.year, 2025);
    let status = |subject: &str| {
        an.rows
            .iter()
            .find(|r| {
                r.plan.as_ref().is_some_and(|p| p.subject.contains(subject)) && r.annual.is_some()
            })
            .map(|r| r.status.clone())
    };
    assert_eq!(status("村卫生室").as_deref(), Some("met")); // 25 ≥ 20 (2025 column)
    assert_eq!(status("乡村医生").as_deref(), Some("weaker")); // 400 < 500 every year
    assert_eq!(status("家庭医生团队").as_deref(), Some("met")); // 10 ≥ 10
    assert!(an.rows.iter().any(|r| r.status == "extra"
        && r.annual
            .as_ref()
            .is_some_and(|a| a.subject.contains("信息化"))));
}

#[test]
fn odd_inputs_never_panic_and_output_is_deterministic() {
    let (a, _) = fixture("003_");
    let huge = a.repeat(6);
    let cases: Vec<(&str, &str)> = vec![
        ("", ""),
        ("", &a),
        (&a, ""),
        ("\u{0}\u{1}\u{FFFD}", "2023\n\n2024\n\n1\n\n"),
        (
            "序号\n2022\n2023\n1\n\n\n",
            "附件\n\n2022年\n\n2023年\n\n1\n\n甲\n\n(\n\n",
        ),
        (&huge, &a),
    ];
    for (x, y) in cases {
        let c1 = compare::compare(x, y);
        let c2 = compare::compare(x, y);
        assert_eq!(c1, c2);
        let _ = compare::render::markdown(&c1);
        let _ = compare::render::csv(&c1);
        let _ = compare::check(x);
    }
    let j1 = compare::render::json(&compare::compare(&a, &a));
    let j2 = compare::render::json(&compare::compare(&a, &a));
    assert_eq!(j1, j2);
}

fn planlens(args: &[&str]) -> std::process::Output {
    Command::new(env!("CARGO_BIN_EXE_planlens"))
        .args(args)
        .output()
        .expect("run planlens")
}

#[test]
fn cli_compare_and_check() {
    let (_, a) = fixture("003_");
    let (_, b) = fixture("000_");
    let out = planlens(&["compare", &a, &b]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let v: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(v["schema"], "planlens-compare/1");
    for key in [
        "a",
        "b",
        "mode",
        "sections",
        "pairs",
        "only_a",
        "only_b",
        "annual",
        "consistency",
        "summary",
    ] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    let md = planlens(&["compare", &a, &b, "--format", "markdown"]);
    assert!(String::from_utf8_lossy(&md.stdout).starts_with("# 规划对照"));
    let csv = planlens(&["compare", &a, &b, "--format=csv"]);
    assert!(String::from_utf8_lossy(&csv.stdout).starts_with("kind,status,"));
    let chk = planlens(&["check", &a]);
    assert_eq!(chk.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&chk.stdout).unwrap();
    assert_eq!(v["schema"], "planlens-check/1");
    assert!(v["flags"].as_array().is_some_and(|f| !f.is_empty()));
    // Usage errors exit 2, unreadable input 1.
    assert_eq!(planlens(&["compare", &a]).status.code(), Some(2));
    assert_eq!(planlens(&["check", &a, &b]).status.code(), Some(2));
    assert_eq!(
        planlens(&["compare", &a, &b, "--format", "jsonl"])
            .status
            .code(),
        Some(2)
    );
    assert_eq!(
        planlens(&["compare", &a, "/nonexistent/plan.txt"])
            .status
            .code(),
        Some(1)
    );
}

const TRANSPORT_2023: &str = "某县2023年交通运输工作要点\n\n一、公路建设\n\n1.完成危桥改造15座。\n\n二、公共交通\n\n2.新增公交线路8条,新能源公交车占比达到85%。\n\n三、安全生产\n\n3.全年开展安全检查12次。\n";
const TRANSPORT_2024: &str = "某县2024年交通运输工作要点\n\n一、加快公路建设\n\n1.完成危桥改造20座。全年投资1.5亿元。\n\n二、发展公共交通\n\n2.新增公交线路6条,新能源公交车占比达到90%。\n\n三、平安交通\n\n3.新建充电桩300台。\n";

const HEALTH_2023: &str =
    "某县2023年卫生健康工作要点\n\n一、基层卫生\n\n1.培训乡村医生500名,招聘乡村医生200名。\n";
const HEALTH_2024: &str = "某县2024年卫生健康工作要点\n\n一、基层卫生\n\n1.招聘乡村医生150名。设立基层医生培训基地3个。\n\n2.培训乡村医生600名。\n";

/// Two targets on one noun (乡村医生) told apart by their verb: training is not hiring. The
/// analysis gives both the subject 乡村医生 and the verb as `action`; the comparison keeps a content
/// verb next to its noun (and a name the analysis cut at a verb inside it, 培训|基地, whole).
#[test]
fn content_verbs_keep_targets_on_one_noun_apart() {
    let c = compare::compare(HEALTH_2023, HEALTH_2024);
    let pair = |v: f64| {
        c.pairs
            .iter()
            .find(|p| p.a.value == Some(v))
            .map(|p| (p.b.value, p.difference))
    };
    assert_eq!(pair(500.0), Some((Some(600.0), Some(100.0))));
    assert_eq!(pair(200.0), Some((Some(150.0), Some(-50.0))));
    assert_eq!(c.pairs.len(), 2);
    assert!(
        c.only_b.iter().any(|r| r.subject.contains("医生培训基地")),
        "{:?}",
        c.only_b.iter().map(|r| &r.subject).collect::<Vec<_>>()
    );
}

#[test]
fn this_years_plan_against_last_years() {
    let c = compare::compare(TRANSPORT_2023, TRANSPORT_2024);
    assert_eq!(c.mode, "general");
    assert!(c.annual.is_none());
    let diff = |s: &str| {
        c.pairs
            .iter()
            .find(|p| p.a.subject.contains(s))
            .and_then(|p| p.difference)
    };
    assert_eq!(diff("危桥改造"), Some(5.0));
    assert_eq!(diff("公交线路"), Some(-2.0));
    assert_eq!(diff("新能源公交车占比"), Some(5.0));
    assert_eq!(
        c.pairs.len(),
        3,
        "{:?}",
        c.pairs
            .iter()
            .map(|p| (&p.a.subject, &p.b.subject))
            .collect::<Vec<_>>()
    );
    assert!(c.only_a.iter().any(|r| r.subject.contains("安全检查")));
    assert!(c.only_b.iter().any(|r| r.subject.contains("充电桩")));
    let titles: Vec<(&str, &str)> = c
        .sections
        .iter()
        .map(|s| (s.a.title.as_str(), s.b.title.as_str()))
        .collect();
    assert!(titles.contains(&("公路建设", "加快公路建设")), "{titles:?}");
    assert!(titles.contains(&("公共交通", "发展公共交通")), "{titles:?}");
}

/// The analysis now rebuilds 003's appendix itself (`Analysis.tables`), and the check reads that.
/// The text reader ([`compare::grid::detect`], used only where the analysis rebuilt no table) must
/// read the same table: replace the analysis's table by one built from the text reading and the
/// same disagreements must come out.
#[test]
fn self_check_reads_the_analysis_tables_too() {
    let (text, _) = fixture("003_");
    let chars: Vec<char> = text.chars().collect();
    let grids = compare::grid::detect(&chars);
    assert_eq!(grids.len(), 1);
    let g = &grids[0];
    let cell = |s: [usize; 2]| chars[s[0]..s[1]].iter().collect::<String>();
    let mut columns = vec!["项目名称".to_string(), "主要内容".to_string()];
    columns.extend(g.years.iter().map(|y| y.to_string()));
    let rows: Vec<Vec<String>> = g
        .rows
        .iter()
        .map(|r| {
            let mut row = vec![r.label.clone()];
            for role in std::iter::once(compare::grid::Role::Total)
                .chain(g.years.iter().map(|&y| compare::grid::Role::Year(y)))
            {
                row.push(
                    r.cells
                        .iter()
                        .find(|c| c.role == role)
                        .map(|c| cell(c.span))
                        .unwrap_or_default(),
                );
            }
            row
        })
        .collect();
    let mut a = planlens::analyze(&text);
    a.tables = vec![planlens::model::Table {
        title: None,
        columns,
        rows,
        span: g.span,
    }];
    let with_table = compare::check_analysis(&text, &a);
    let from_text = compare::check(&text);
    let subjects = |c: &compare::Check| {
        c.flags
            .iter()
            .map(|f| (f.subject.clone(), f.spans.clone()))
            .collect::<Vec<_>>()
    };
    assert_eq!(subjects(&with_table), subjects(&from_text));
}

mod properties {
    use planlens::compare;
    use proptest::prelude::*;

    /// Plan-like text: numbers, measure words, years, list separators, table-ish lines.
    fn plan_like() -> impl Strategy<Value = String> {
        let piece = prop_oneof![
            Just("新增".to_string()),
            Just("三年内".to_string()),
            Just("每年".to_string()),
            Just("学校".to_string()),
            Just("名班主任".to_string()),
            Just("、".to_string()),
            Just(",".to_string()),
            Just("。".to_string()),
            Just("\n\n".to_string()),
            Just("2023".to_string()),
            Just("2024年".to_string()),
            Just("(".to_string()),
            Just("1".to_string()),
            Just("教育局".to_string()),
            (1u32..500).prop_map(|n| format!("{n}所")),
            (1u32..100).prop_map(|n| format!("{n}%")),
            (1u32..50).prop_map(|n| format!("{n}-{}个", n + 2)),
            "[一二三十百]{1,2}名",
            "\\PC{0,3}",
        ];
        proptest::collection::vec(piece, 0..40).prop_map(|v| v.concat())
    }

    proptest! {
        #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

        #[test]
        fn never_panics_and_self_compare_is_clean(a in plan_like(), b in plan_like()) {
            let c = compare::compare(&a, &b);
            prop_assert!(c.summary.pairs <= c.a.targets.min(c.b.targets));
            let s = compare::compare(&a, &a);
            prop_assert!(s.only_a.is_empty() && s.only_b.is_empty(), "unaligned: {:?}", s.only_a);
            prop_assert_eq!(s.summary.different, 0);
            let _ = compare::check(&b);
        }
    }
}

#[test]
fn five_year_plan_end_targets_meet_the_annual_plan_in_period() {
    let plan = "某市“十四五”教育发展规划(2021-2025年)\n\n第一章 发展目标\n\n到2025年,学前教育毛入园率达到95%,新增学位5000个。\n\n第二章 保障\n\n每年培训教师2000名。\n";
    let annual = "某市2023年教育工作要点\n\n一、学前教育\n\n1.学前教育毛入园率达到92%。新增学位1500个。培训教师2500名。\n";
    let c = compare::compare(plan, annual);
    assert_eq!(c.mode, "annual_in_period");
    let an = c.annual.as_ref().unwrap();
    let status = |s: &str| {
        an.rows
            .iter()
            .find(|r| r.plan.as_ref().is_some_and(|p| p.subject.contains(s)))
            .map(|r| r.status.as_str())
    };
    assert_eq!(status("毛入园率"), Some("in_period"));
    assert_eq!(status("学位"), Some("in_period"));
    assert_eq!(status("培训教师"), Some("met"));
    assert_eq!(c.pairs.len(), 3);
}
