//! Many plans at once (`planlens-corpus/1`, see `docs/corpus-schema.md`).
//!
//! [`corpus`] lines up the targets of N plans by what they measure: one row per indicator
//! (地区生产总值增长, 城镇新增就业 …), one cell per document. It generalises the two-plan subject
//! alignment of [`crate::compare`]: every pair of documents is aligned one to one with
//! [`align::align_targets`], and the pairs, best score first, join their targets into rows. A row
//! never takes two targets of one document, so two indicators that some pair confuses stay apart
//! as soon as one document states both. A target that meets no target of another document is
//! listed apart ([`Corpus::unaligned`]).
//!
//! With a reference document (a 三年行动方案, the provincial plan), every other document gets the
//! compare module's verdict per row: `met`, `weaker`, `missing` (the reference states it, the
//! document does not), `extra`, `not_comparable`, or `in_period` (a multi-year reference's target
//! for another year of its period). Never panics; same input, same output.

pub mod cache;
pub mod edits;
pub mod render;

use crate::compare::items::{self, Plan, When};
use crate::compare::{align, info, status, target_ref, AnnualCounts, PlanInfo, TargetRef};
use crate::model::Analysis;
use serde::{Deserialize, Serialize};

/// Schema identifier of a corpus.
pub const CORPUS_SCHEMA: &str = "planlens-corpus/1";

/// One document given to [`corpus`]: its name (a file name), its text and its analysis.
pub struct Input<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub analysis: &'a Analysis,
}

/// Many plans lined up by indicator.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Corpus {
    pub schema: String,
    pub documents: Vec<Document>,
    /// Index into `documents` of the reference document.
    pub reference: Option<usize>,
    /// The matrix: rows with cells of two documents or more (and every row of the reference).
    pub indicators: Vec<Indicator>,
    /// Targets that no other document states.
    pub unaligned: Vec<Entry>,
    /// Inputs that could not be read; the others go on.
    pub errors: Vec<ReadError>,
}

/// What the corpus knows about one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub name: String,
    pub issuers: Vec<String>,
    pub date: Option<String>,
    /// The compare module's facts: `title`, `period`, `year`, `kind`, `targets`, `schedules`.
    #[serde(flatten)]
    pub plan: PlanInfo,
    pub headings: usize,
    pub warnings: usize,
    /// Against the reference (absent for the reference itself and when there is none).
    pub versus_reference: Option<AnnualCounts>,
}

/// One row of the matrix.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Indicator {
    /// The name the row goes by: the subject its cells most often have.
    pub indicator: String,
    /// `percent`, `points`, `count`, `money` or `other`.
    pub class: String,
    /// How many documents state it.
    pub documents: usize,
    /// One cell per document, in the order of `documents` (null where it states none).
    pub cells: Vec<Option<TargetRef>>,
    /// With a reference: each document's verdict (null for the reference itself and where there
    /// is nothing to say).
    pub status: Option<Vec<Option<String>>>,
    /// Merged or split by the reader ([`edits`]; never by the command line).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub manual: bool,
    /// Targets merged by the reader into a cell that had one already ([`edits`]).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<Entry>,
}

/// A target of one document.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Entry {
    pub document: usize,
    pub target: TargetRef,
}

/// An input that could not be read.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReadError {
    pub name: String,
    pub message: String,
}

/// A target as a node of the rows: (document, item).
type Node = (usize, usize);

/// Rows of targets, joined pair by pair, each holding at most one target per document.
struct Rows {
    parent: Vec<usize>,
    /// For each root, the documents it holds.
    docs: Vec<Vec<usize>>,
    /// First node id of each document.
    base: Vec<usize>,
}

impl Rows {
    fn new(sizes: &[usize]) -> Self {
        let mut base = Vec::with_capacity(sizes.len());
        let mut n = 0;
        let mut docs = Vec::new();
        for (d, &len) in sizes.iter().enumerate() {
            base.push(n);
            n += len;
            docs.extend(std::iter::repeat_n(d, len).map(|d| vec![d]));
        }
        Rows {
            parent: (0..n).collect(),
            docs,
            base,
        }
    }

    fn id(&self, (d, i): Node) -> usize {
        self.base[d] + i
    }

    fn root(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }

    /// Joins the rows of `a` and `b` unless they share a document.
    fn join(&mut self, a: Node, b: Node) {
        let (ra, rb) = (self.id(a), self.id(b));
        let (ra, rb) = (self.root(ra), self.root(rb));
        if ra == rb || self.docs[ra].iter().any(|d| self.docs[rb].contains(d)) {
            return;
        }
        let (keep, gone) = if ra < rb { (ra, rb) } else { (rb, ra) };
        self.parent[gone] = keep;
        let moved = std::mem::take(&mut self.docs[gone]);
        self.docs[keep].extend(moved);
    }
}

/// Added to a pair's score when both targets apply to the same time (the same year, every year,
/// the whole period): a report states its five-year goal and this year's target for one
/// indicator (城镇调查失业率5.5%左右 for 2030 and for 2026), and each should meet its like.
const SAME_TIME: f64 = 0.04;

/// Taken off a pair's score for each of its targets that restates an earlier target of its
/// document (the same subject and figure): the first statement is where a plan sets a target,
/// and a restatement (in a task list, a closing summary) should meet another document's target
/// only when the first statement does not.
const RESTATED: f64 = 0.01;

/// For each item of `p`: does an earlier item of `p` state the same subject and figure?
fn restated(p: &Plan) -> Vec<bool> {
    let same = |x: &items::Item, y: &items::Item| {
        !x.key.is_empty() && x.key == y.key && x.class == y.class && x.bounds == y.bounds
    };
    let n = p.items.len().min(align::MAX_ITEMS);
    (0..p.items.len())
        .map(|i| i < n && p.items[..i].iter().any(|e| same(e, &p.items[i])))
        .collect()
}

/// Two plans aligned one to one, as the compare view aligns them ([`align::score`] and
/// [`align::greedy`]), with [`SAME_TIME`] and [`RESTATED`] as more tie-breakers. Sections are not
/// aligned first as in compare: across many reports the section bonus moved more targets to
/// their restatements than it kept in place.
fn align_two(pa: &Plan, pb: &Plan, ra: &[bool], rb: &[bool]) -> Vec<(usize, usize, f64)> {
    let mut cands = Vec::new();
    for (i, x) in pa.items.iter().enumerate().take(align::MAX_ITEMS) {
        for (j, y) in pb.items.iter().enumerate().take(align::MAX_ITEMS) {
            if let Some(s) = align::score(x, y, pa, pb, &[], None) {
                let same_time = x.when == y.when && x.when != When::Unknown;
                let s = s + if same_time { SAME_TIME } else { 0.0 }
                    - RESTATED * (ra[i] as u8 + rb[j] as u8) as f64;
                cands.push((s, i, j));
            }
        }
    }
    align::greedy(cands, pa.items.len(), pb.items.len())
}

/// Scored pairs of targets of two different documents: every pair of documents aligned one to
/// one.
fn pairs(plans: &[Plan]) -> Vec<(f64, Node, Node)> {
    let mut out = Vec::new();
    let again: Vec<Vec<bool>> = plans.iter().map(restated).collect();
    for i in 0..plans.len() {
        for j in i + 1..plans.len() {
            for (a, b, s) in align_two(&plans[i], &plans[j], &again[i], &again[j]) {
                out.push((s, (i, a), (j, b)));
            }
        }
    }
    // Best first; ties in document and item order, so the rows do not depend on sort stability.
    out.sort_by(|x, y| y.0.total_cmp(&x.0).then(x.1.cmp(&y.1)).then(x.2.cmp(&y.2)));
    out
}

/// The groups of nodes, each group sorted by document.
fn group(plans: &[Plan]) -> Vec<Vec<Node>> {
    let sizes: Vec<usize> = plans.iter().map(|p| p.items.len()).collect();
    let mut rows = Rows::new(&sizes);
    for (_, a, b) in pairs(plans) {
        rows.join(a, b);
    }
    let mut by_root: std::collections::BTreeMap<usize, Vec<Node>> = Default::default();
    for (d, p) in plans.iter().enumerate() {
        for i in 0..p.items.len() {
            let r = rows.id((d, i));
            let r = rows.root(r);
            by_root.entry(r).or_default().push((d, i));
        }
    }
    by_root.into_values().collect()
}

fn class_name(c: items::UnitClass) -> &'static str {
    match c {
        items::UnitClass::Percent => "percent",
        items::UnitClass::Points => "points",
        items::UnitClass::Count => "count",
        items::UnitClass::Money => "money",
        items::UnitClass::Other => "other",
    }
}

/// The subject most of the row's cells have (ties: the one met first).
fn row_name(cells: &[TargetRef]) -> String {
    let mut best: Option<(&str, usize)> = None;
    for c in cells {
        let n = cells.iter().filter(|o| o.subject == c.subject).count();
        if best.is_none_or(|(_, m)| n > m) {
            best = Some((&c.subject, n));
        }
    }
    best.map(|b| b.0.to_string()).unwrap_or_default()
}

/// Does the reference's item `it` apply to the year of an annual document inside its period?
/// `None` when the reference is not a multi-year plan holding that document's year.
fn for_year(reference: &Plan, doc: &Plan, it: &items::Item) -> Option<bool> {
    let (f, t) = reference.period?;
    let y = doc
        .year
        .filter(|y| (f..=t).contains(y) && doc.period.is_none())?;
    Some(matches!(it.when, When::Year(w) if w == y) || it.when == When::Yearly)
}

/// One document's verdict on a row against the reference.
fn verdict(plans: &[Plan], r: usize, d: usize, row: &[Option<usize>]) -> Option<&'static str> {
    let (rp, dp) = (&plans[r], &plans[d]);
    match (row[r], row[d]) {
        (Some(x), Some(y)) => Some(match for_year(rp, dp, &rp.items[x]) {
            Some(false) => "in_period",
            _ => status(&rp.items[x], &dp.items[y]),
        }),
        (Some(x), None) => match for_year(rp, dp, &rp.items[x]) {
            Some(false) => None,
            _ => Some("missing"),
        },
        (None, Some(_)) => Some("extra"),
        (None, None) => None,
    }
}

fn count(c: &mut AnnualCounts, v: &str) {
    match v {
        "met" => c.met += 1,
        "weaker" => c.weaker += 1,
        "missing" => c.missing += 1,
        "extra" => c.extra += 1,
        "in_period" => c.in_period += 1,
        _ => c.not_comparable += 1,
    }
}

fn document(input: &Input, p: &Plan) -> Document {
    let d = &input.analysis.document;
    fn nodes(ns: &[crate::model::OutlineNode]) -> usize {
        ns.iter().map(|n| 1 + nodes(&n.children)).sum()
    }
    Document {
        name: input.name.to_string(),
        issuers: d.issuers.clone(),
        date: d.date.clone(),
        plan: info(p),
        headings: nodes(&input.analysis.outline),
        warnings: input.analysis.warnings.len(),
        versus_reference: None,
    }
}

/// Lines up the targets of `inputs` by indicator; `reference` is an index into `inputs`.
/// Never panics.
pub fn corpus(inputs: &[Input], reference: Option<usize>) -> Corpus {
    let plans: Vec<Plan> = inputs
        .iter()
        .map(|i| items::plan(i.text, i.analysis))
        .collect();
    let reference = reference.filter(|&r| r < inputs.len());
    let mut documents: Vec<Document> = inputs
        .iter()
        .zip(&plans)
        .map(|(i, p)| document(i, p))
        .collect();
    let n = inputs.len();
    let mut indicators = Vec::new();
    let mut unaligned = Vec::new();
    let mut counts = vec![AnnualCounts::default(); n];
    for g in group(&plans) {
        let mut row: Vec<Option<usize>> = vec![None; n];
        for &(d, i) in &g {
            row[d] = Some(i);
        }
        let has_reference = reference.is_some_and(|r| row[r].is_some());
        if g.len() < 2 && !has_reference {
            let (d, i) = g[0];
            // Against a reference, a target only one document states is that document's extra.
            if reference.is_some() {
                count(&mut counts[d], "extra");
            }
            unaligned.push(Entry {
                document: d,
                target: target_ref(&plans[d], &plans[d].items[i]),
            });
            continue;
        }
        let cells: Vec<Option<TargetRef>> = row
            .iter()
            .enumerate()
            .map(|(d, i)| i.map(|i| target_ref(&plans[d], &plans[d].items[i])))
            .collect();
        let named: Vec<TargetRef> = cells.iter().flatten().cloned().collect();
        let status = reference.map(|r| {
            (0..n)
                .map(|d| {
                    let v = (d != r).then(|| verdict(&plans, r, d, &row)).flatten();
                    if let Some(v) = v {
                        count(&mut counts[d], v);
                    }
                    v.map(str::to_string)
                })
                .collect()
        });
        let (d0, i0) = g[0];
        indicators.push(Indicator {
            indicator: row_name(&named),
            class: class_name(plans[d0].items[i0].class).into(),
            documents: g.len(),
            cells,
            status,
            manual: false,
            also: Vec::new(),
        });
    }
    if let Some(r) = reference {
        for (d, doc) in documents.iter_mut().enumerate() {
            if d != r {
                doc.versus_reference = Some(counts[d].clone());
            }
        }
    }
    // Most widely stated first; then in the order of the first document that states them.
    let first = |x: &Indicator| {
        x.cells
            .iter()
            .enumerate()
            .find_map(|(d, c)| c.as_ref().map(|c| (d, c.span[0])))
    };
    indicators.sort_by(|a, b| {
        b.documents
            .cmp(&a.documents)
            .then_with(|| first(a).cmp(&first(b)))
    });
    unaligned.sort_by_key(|e| (e.document, e.target.span[0]));
    Corpus {
        schema: CORPUS_SCHEMA.into(),
        documents,
        reference,
        indicators,
        unaligned,
        errors: Vec::new(),
    }
}

/// The tests' corpus input: `texts` with their `analyses` under `names`.
#[cfg(test)]
fn test_inputs<'a>(
    texts: &[&'a str],
    analyses: &'a [Analysis],
    names: &[&'a str],
) -> Vec<Input<'a>> {
    texts
        .iter()
        .zip(analyses)
        .zip(names)
        .map(|((t, a), n)| Input {
            name: n,
            text: t,
            analysis: a,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    pub(super) fn run(texts: &[&str], reference: Option<usize>) -> Corpus {
        let analyses: Vec<Analysis> = texts.iter().map(|t| crate::analyze(t)).collect();
        let names: Vec<String> = (0..texts.len()).map(|i| format!("{i}.txt")).collect();
        let names: Vec<&str> = names.iter().map(String::as_str).collect();
        let inputs = test_inputs(texts, &analyses, &names);
        corpus(&inputs, reference)
    }

    const A: &str = "主要预期目标是：地区生产总值增长5%左右，城镇新增就业50万人以上，城镇调查失业率5.5%左右。\n";
    const B: &str = "主要预期目标是：地区生产总值增长4.5%—5%，城镇调查失业率5%以内。\n";
    const C: &str = "主要预期目标是：城镇新增就业30万人，粮食产量1300万吨以上。\n";

    #[test]
    fn one_row_per_indicator_one_cell_per_document() {
        let c = run(&[A, B, C], None);
        let row = |name: &str| {
            c.indicators
                .iter()
                .find(|r| r.indicator.contains(name))
                .unwrap_or_else(|| panic!("{name}: {:#?}", c.indicators))
        };
        let gdp = row("生产总值");
        assert_eq!(gdp.documents, 2);
        assert_eq!(gdp.cells[1].as_ref().map(|t| &*t.text), Some("4.5%—5%"));
        assert!(gdp.cells[2].is_none());
        assert_eq!(row("新增就业").documents, 2);
        assert_eq!(row("失业率").documents, 2);
        assert_eq!(c.unaligned.len(), 1, "{:#?}", c.unaligned);
        assert_eq!(c.unaligned[0].document, 2);
        assert!(c.indicators.iter().all(|r| r.status.is_none()));
    }

    #[test]
    fn a_reference_gives_each_document_its_verdicts() {
        let c = run(&[A, B, C], Some(0));
        let gdp = c
            .indicators
            .iter()
            .find(|r| r.indicator.contains("生产总值"))
            .unwrap();
        let st = gdp.status.as_ref().unwrap();
        assert_eq!(st[0], None);
        assert_eq!(st[1].as_deref(), Some("weaker"));
        assert_eq!(st[2].as_deref(), Some("missing"));
        let vs = c.documents[2].versus_reference.as_ref().unwrap();
        assert_eq!((vs.missing, vs.extra), (2, 1), "{:#?}", c.indicators);
        assert!(c.documents[0].versus_reference.is_none());
    }

    #[test]
    fn a_row_never_holds_two_targets_of_one_document() {
        let c = run(&[A, A, "地区生产总值增长6%，地区生产总值增长7%。\n"], None);
        for r in &c.indicators {
            assert!(r.documents <= 3);
            assert_eq!(r.cells.iter().flatten().count(), r.documents);
        }
        let empty = run(&[], Some(3));
        assert!(empty.indicators.is_empty() && empty.reference.is_none());
        let blank = run(&["", "\u{0}"], None);
        assert!(blank.indicators.is_empty());
    }
}
