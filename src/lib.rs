//! # planlens — reads Chinese government plans
//!
//! `analyze(text)` turns the text of a 工作要点 / 工作计划 / 行动方案 / 实施方案 / 规划 / 政府工作报告 into
//! its structure (document elements, heading outline, rebuilt tables) and its targets (every
//! measurable commitment, normalised), as the `planlens/1` JSON contract in [`model`].
//!
//! The folders of `src/` read like the pipeline:
//!
//! 1. `input` — bytes, `.docx` and Markdown to text; `input::clean` makes the folded working
//!    copy with its offset map (`text`), dropping print furniture (`input::furniture`).
//! 2. `document` — what the plan is and how it is built: its elements (`document::elements`:
//!    title, issuer, date, 文号, 主送/抄送/附件, period, where the body is), its tables rebuilt
//!    (`document::tables`) and its heading outline (`document::outline`), reading their
//!    vocabulary from the rule tables `document::markers` and `document::cues`.
//! 3. `targets` — every measurable commitment: numbers that are names masked, quantities and
//!    time phrases read, sentences cut, review sections dropped, subjects named; its word tables
//!    are `targets::lexicon`.
//! 4. [`model`] and [`render`] (the `output` folder) — the `planlens/1` types and their JSON,
//!    Markdown and CSV forms.
//!
//! On top of the analysis, [`compare`] reads two plans against each other (and one against its own
//! table): `planlens-compare/1`. [`keywords`] names what each section is about. `rx` is the one
//! regex constructor; `order` the one stable sort.
//!
//! The core is pure Rust with no browser types; `wasm` (the JavaScript binding) and `web` (the
//! page) are compiled only for `wasm32`. There the Cargo features split the page's code in two
//! wasm modules (Cargo.toml `[features]`): `web` (the first load: analysis + page UI), `extras`
//! (loaded on first use: [`compare`]'s engine, [`docx`]) and `keywords` (loaded on first use:
//! [`keywords`] on jieba-rs, without the analysis core); [`docx`] and [`keywords`] are not
//! compiled into a `web`-only wasm at all, and [`compare`] contributes only its result types and
//! renderers there.

// The module docs are written for whoever works on the pipeline and link its private modules
// (`cargo doc --document-private-items` renders them).
#![allow(rustdoc::private_intra_doc_links)]

pub mod compare;
pub mod corpus;
mod document;
mod input;
#[cfg(feature = "keywords")]
pub mod keywords;
mod order;
mod output;
mod rx;
mod targets;
mod text;

// The public surface: `analyze` and the `planlens/1` types with their renderers; `compare` and
// `check` (in [`compare`]); what the command line and the page read their input with; the stages
// of `analyze` one by one. Everything else is the pipeline's own business.
#[cfg(not(target_arch = "wasm32"))]
pub use input::decode;
#[cfg(any(not(target_arch = "wasm32"), feature = "extras"))]
pub use input::docx;
#[cfg(any(not(target_arch = "wasm32"), feature = "pdf"))]
pub use input::{layout, pdf};
pub use output::{model, render};
pub use text::fold;

/// The stages of [`analyze`] one at a time, for benchmarks and tests that look at one stage.
pub mod stages {
    pub use crate::document::{elements, outline, tables};
    pub use crate::input::clean::clean;
    pub use crate::targets::{extract as targets, Context};
    pub use crate::text::Text;
}

/// A short plan with the shapes every stage looks for: a notice wrapper, a document number, a
/// dateline, headings of several families, a review section, targets with units, comparators,
/// ranges and deadlines, an attachment line.
const WARM_UP_PLAN: &str = "某市教育局关于印发《2024年教育工作要点》的通知\n某教〔2024〕1号\n各学校：\n现将《2024年教育工作要点》印发给你们，请认真贯彻落实。\n某市教育局\n2024年1月5日\n2024年教育工作要点\n一、2023年工作回顾\n全市新增学位3000个。\n二、主要目标\n（一）发展目标\n到2024年底，学前教育毛入园率达到95%以上，新建幼儿园3—5所，近视率降低0.5个百分点，“十四五”规划实施。\n1.推进项目建设。2024年6月底前完成改造任务，全市排名前3名，实现全覆盖。\n（1）加强师资。培训教师不少于1200名，覆盖率不低于65%。\n第一章 保障措施\n附件：1.任务分工表\n";

/// Runs one small analysis so that every pattern of the pipeline is compiled now rather than
/// during the first real one: in the browser that one-time cost is many times the analysis of a
/// plan of ordinary length. Idempotent and cheap once done.
pub fn warm_up() {
    let _ = analyze(WARM_UP_PLAN);
}

#[cfg(test)]
mod warm_up_tests {
    /// The warm-up plan reaches every stage: wrapper elements, headings, targets of several kinds.
    #[test]
    fn the_warm_up_plan_exercises_every_stage() {
        let a = crate::analyze(super::WARM_UP_PLAN);
        assert_eq!(a.document.title.as_deref(), Some("2024年教育工作要点"));
        assert!(a.document.doc_number.is_some() && a.document.date.is_some());
        assert!(a.outline.len() >= 2, "{:?}", a.outline);
        assert!(a.targets.len() >= 6, "{:?}", a.targets);
        assert!(a.targets.iter().any(|t| t.range.is_some()));
        assert!(a.targets.iter().any(|t| t.deadline.is_some()));
    }
}

/// The page's corpus panel, a wasm module of its own (Cargo feature `corpus-panel`).
#[cfg(all(target_arch = "wasm32", feature = "corpus-panel"))]
#[path = "web/corpus/mod.rs"]
mod corpus_panel;
#[cfg(target_arch = "wasm32")]
mod wasm;
/// The page: its browser layer only for `wasm32` with the `web` feature, its view logic (no
/// browser types) natively too so `cargo test` covers it.
#[cfg(any(test, all(target_arch = "wasm32", feature = "web")))]
mod web;

use model::{Analysis, OutlineNode, Warning, SCHEMA};

/// Analyses one plan. Never panics; any input (empty, binary, huge) gets a result.
pub fn analyze(input: &str) -> Analysis {
    let text = input::clean::clean(input);
    let mut warnings: Vec<Warning> = Vec::new();
    if text.clean.trim().is_empty() {
        warnings.push(Warning {
            code: "empty-input".into(),
            message: "输入为空或不含可读文字 (the input is empty or has no readable text)".into(),
            span: [0, text.original_len()],
        });
    }
    let elements = document::elements::extract(&text);
    let tables = document::tables::detect(&text, elements.body.clone());
    // a table's last row, printed on one line, stops without a full stop: no truncated text
    warnings.extend(
        elements
            .warnings
            .iter()
            .filter(|w| {
                w.code != "truncated-text"
                    || !tables
                        .iter()
                        .any(|tb| tb.table.span[0] <= w.span[0] && w.span[1] <= tb.table.span[1])
            })
            .cloned(),
    );
    let outline =
        document::outline::build(&text, elements.outline.clone(), &tables, &elements.skip);
    warnings.extend(outline.warnings.iter().cloned());
    // Heading markers and element lines inside the body (attachment lists, signatures) hold no
    // values.
    let mut skip = outline.marker_ranges.clone();
    skip.extend(elements.skip.iter().cloned());
    let mut found = targets::extract(&targets::Context {
        text: &text,
        body: elements.body.clone(),
        plan_year: elements.plan_year,
        period: elements.document.period,
        outline: &outline.nodes,
        skip: &skip,
        tables: &tables,
    });
    // the tasks of a timetable: every one under a dated heading is a dated deliverable
    let mut tasks = targets::schedule::tasks(&text, &outline.nodes, &found);
    // the period of an activity and a same-day report limit
    tasks.extend(targets::schedule::limits(
        &text,
        elements.body.clone(),
        &found,
    ));
    if !tasks.is_empty() {
        found.extend(tasks);
        order::by_key(&mut found, |t| t.span[0] as u64);
    }
    for t in &mut found {
        t.path = path_at(&outline.nodes, t.span[0]);
    }
    // the numbers of an eligibility or scoring section pick who qualifies: no commitments
    found.retain(|t| !under_conditions(&outline.nodes, &t.path));
    // a target with no time phrase of its own is due when its month or phase heading says
    targets::deadlines::inherit(
        &text,
        &outline.nodes,
        &mut found,
        targets::deadlines::Anchor {
            plan_year: elements.plan_year,
            period: elements.document.period,
        },
    );
    Analysis {
        schema: SCHEMA.to_string(),
        document: elements.document,
        outline: outline.nodes,
        targets: found,
        tables: tables.into_iter().map(|b| b.table).collect(),
        warnings,
        text: None,
    }
}

/// Analyses text extracted from a PDF or a .docx: the result carries that text in its `text`
/// field, since its spans point into it and not into the file.
pub fn analyze_extracted(text: String) -> Analysis {
    let mut a = analyze(&text);
    a.text = Some(text);
    a
}

/// Is a section on `path` about eligibility conditions or scoring rules
/// ([`targets::lexicon::CONDITION_WORDS`])?
fn under_conditions(nodes: &[OutlineNode], path: &[usize]) -> bool {
    let mut level = nodes;
    for &i in path {
        let Some(n) = level.get(i) else { return false };
        if targets::lexicon::CONDITION_WORDS
            .iter()
            .any(|w| n.title.contains(w))
        {
            return true;
        }
        level = &n.children;
    }
    false
}

/// Child indexes from the outline root to the deepest node whose span contains `at`.
pub fn path_at(nodes: &[OutlineNode], at: usize) -> Vec<usize> {
    let mut path = Vec::new();
    let mut level = nodes;
    // siblings are in text order and do not overlap: the one that may hold `at` is the last
    // that starts at or before it (a linear scan per target was quadratic in headings)
    loop {
        let i = level.partition_point(|n| n.span[0] <= at);
        let Some(n) = i.checked_sub(1).and_then(|i| level.get(i)) else {
            break;
        };
        if at >= n.span[1] {
            break;
        }
        path.push(i - 1);
        level = &n.children;
    }
    path
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_targets_path_is_found_among_many_sibling_sections() {
        let src: String = (1..=12)
            .map(|i| format!("{i}月份\n完成{i}所学校建设。\n"))
            .collect();
        let a = crate::analyze(&src);
        for t in &a.targets {
            let node = crate::path_at(&a.outline, t.span[0]);
            let first = node.first().and_then(|&i| a.outline.get(i));
            assert!(
                first.is_some_and(|n| n.span[0] <= t.span[0] && t.span[0] < n.span[1]),
                "{t:?}"
            );
        }
        assert_eq!(a.outline.len(), 12);
        assert_eq!(a.targets.last().map(|t| t.path.clone()), Some(vec![11]));
    }
}
