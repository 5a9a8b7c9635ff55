//! Alignment: sections by title similarity, targets by subject, one to one.
//!
//! Every candidate pair gets a score; pairs are then taken greedily from the best score down, each
//! item used once. Greedy one-to-one matching is what a reader does with two lists, it is
//! deterministic (ties go to the pair closest in document order, then to the lower indexes), and
//! it is `O(n·m)` in the number of targets, which stays small for real plans; very long inputs are
//! capped (see [`MAX_ITEMS`]).

use super::items::{Item, Plan, When};
use super::lexicon::TITLE_NOISE;
use super::subject::{bigrams, clean_subject, same_thing_similarity};
use crate::model::OutlineNode;
use crate::text::fold;
use std::collections::HashMap;

/// Subject similarity a pair needs to be aligned at all.
pub const THRESHOLD: f64 = 0.55;

/// Items beyond this many per side are not aligned (keeps a pathological input bounded).
pub const MAX_ITEMS: usize = 2000;

/// A flattened outline node.
#[derive(Debug, Clone)]
pub struct Section {
    pub path: Vec<usize>,
    pub title: String,
    pub span: crate::model::Span,
    key: String,
    /// The key's bigrams, made once: every section of one plan is scored against every one of
    /// the other.
    grams: Vec<(char, char)>,
}

pub fn sections(nodes: &[OutlineNode]) -> Vec<Section> {
    fn walk(ns: &[OutlineNode], path: &mut Vec<usize>, out: &mut Vec<Section>, depth: usize) {
        if depth > 32 {
            return;
        }
        for (i, n) in ns.iter().enumerate() {
            path.push(i);
            let key = title_key(&n.title);
            out.push(Section {
                path: path.clone(),
                title: n.title.clone(),
                span: n.title_span,
                grams: bigrams(&key),
                key,
            });
            walk(&n.children, path, out, depth + 1);
            path.pop();
        }
    }
    let mut out = Vec::new();
    walk(nodes, &mut Vec::new(), &mut out, 0);
    out
}

fn title_key(title: &str) -> String {
    let mut s: String = title
        .chars()
        .map(fold)
        .filter(|c| !c.is_ascii_punctuation() && !c.is_whitespace())
        .collect();
    for w in TITLE_NOISE {
        s = s.replace(w, "");
    }
    clean_subject(&s)
}

/// Jaccard index of two sorted, deduplicated bigram sets.
fn jaccard(x: &[(char, char)], y: &[(char, char)]) -> f64 {
    if x.is_empty() || y.is_empty() {
        return 0.0;
    }
    let n = x.iter().filter(|g| y.binary_search(g).is_ok()).count() as f64;
    n / ((x.len() + y.len()) as f64 - n)
}

/// Greedy one-to-one matching of scored candidates `(score, i, j)`.
pub fn greedy(mut cands: Vec<(f64, usize, usize)>, n: usize, m: usize) -> Vec<(usize, usize, f64)> {
    // `(i, j)` is unique among candidates, so the order is total and an unstable sort (faster on
    // the millions of candidates of two long plans) gives the same matching.
    cands.sort_unstable_by(|x, y| {
        y.0.total_cmp(&x.0)
            .then(
                (x.1 as i64 - x.2 as i64)
                    .abs()
                    .cmp(&(y.1 as i64 - y.2 as i64).abs()),
            )
            .then(x.1.cmp(&y.1))
            .then(x.2.cmp(&y.2))
    });
    let (mut used_a, mut used_b) = (vec![false; n], vec![false; m]);
    let mut out = Vec::new();
    for (s, i, j) in cands {
        if i < n && j < m && !used_a[i] && !used_b[j] {
            used_a[i] = true;
            used_b[j] = true;
            out.push((i, j, s));
        }
    }
    out.sort_unstable_by_key(|p| (p.0, p.1));
    out
}

/// Section pairs `(index in a, index in b, similarity)` by title alone.
pub fn align_sections(a: &[Section], b: &[Section]) -> Vec<(usize, usize, f64)> {
    align_sections_with(a, b, &[])
}

/// Section pairs by title, plus evidence: each aligned body target pair whose deepest sections
/// are `(path in a, path in b)` adds 0.2 (at most 0.6). Two plans rarely title the same topic
/// alike (实施平安校园行动 / 聚焦平安稳定), but the targets they share say which sections meet.
pub fn align_sections_with(
    a: &[Section],
    b: &[Section],
    evidence: &[(Vec<usize>, Vec<usize>)],
) -> Vec<(usize, usize, f64)> {
    // Counted once, not searched for every pair of sections.
    let mut support: HashMap<(&[usize], &[usize]), usize> = HashMap::new();
    for (p, q) in evidence {
        *support.entry((p.as_slice(), q.as_slice())).or_default() += 1;
    }
    let mut cands = Vec::new();
    for (i, x) in a.iter().enumerate().take(MAX_ITEMS) {
        for (j, y) in b.iter().enumerate().take(MAX_ITEMS) {
            let title = if x.key.is_empty() && y.key.is_empty() {
                if x.title == y.title {
                    1.0
                } else {
                    0.0
                }
            } else if x.key == y.key {
                1.0
            } else {
                jaccard(&x.grams, &y.grams)
            };
            let n = support
                .get(&(x.path.as_slice(), y.path.as_slice()))
                .copied()
                .unwrap_or(0);
            let s = title + (0.2 * n as f64).min(0.6);
            if s >= 0.3 {
                cands.push((s, i, j));
            }
        }
    }
    greedy(cands, a.len(), b.len())
}

/// How much an A item may take part in an annual comparison against year `year`.
fn eligible(it: &Item, year: Option<i32>) -> bool {
    match (year, it.when) {
        (Some(y), When::Year(w)) => w == y,
        _ => true,
    }
}

/// How alike the measured things of `x` (plan A) and `y` (plan B) are, in `[0, 1]`: the subjects'
/// similarity ([`subject_similarity`]), or without a subject on one side the clauses' own words
/// (digits aside, and worth less). `None` when they cannot be the same target: another class of
/// number, or a bare quantity (`100%`) whose clause is not the very same. This is the figure a
/// reader is shown beside a pair.
pub fn similarity(x: &Item, y: &Item, pa: &Plan, pb: &Plan) -> Option<f64> {
    // Numbers only meet numbers of their class; qualitative targets (一批, a deadline) only meet
    // qualitative ones.
    if x.class != y.class {
        return None;
    }
    if !x.key.is_empty() && !y.key.is_empty() {
        return Some(subject_similarity(x, y));
    }
    let (cx, gx) = clause_key(pa, x);
    let (cy, gy) = clause_key(pb, y);
    if cx.is_empty() || cy.is_empty() {
        // Not a word around either (a bare `100%`): only the very same clause is the same.
        let raw = |p: &Plan, it: &Item| -> String {
            let e = it.clause_span[1].min(p.chars.len());
            p.chars[it.clause_span[0].min(e)..e].iter().collect()
        };
        return (cx.is_empty() && cy.is_empty() && raw(pa, x) == raw(pb, y)).then_some(THRESHOLD);
    }
    Some(0.8 * same_thing_similarity(cx, gx, cy, gy))
}

/// Score of aligning `x` (plan A) with `y` (plan B), or `None` when they cannot be the same target:
/// the [`similarity`] of what they measure, which must reach [`THRESHOLD`], plus small
/// tie-breakers. `partners` are the B sections paired with the A sections holding `x` ([`Partners`]).
pub fn score(
    x: &Item,
    y: &Item,
    pa: &Plan,
    pb: &Plan,
    partners: &[&[usize]],
    annual_year: Option<i32>,
) -> Option<f64> {
    let mut s = similarity(x, y, pa, pb)?;
    if s < THRESHOLD {
        return None;
    }
    // Small tie-breakers, never enough to make a pair on their own.
    if let (Some(bx), Some(by)) = (x.bounds, y.bounds) {
        if bx.lo == by.lo && bx.hi == by.hi {
            s += 0.05;
        }
    }
    if partners.iter().any(|q| pb.path(y).starts_with(q)) {
        s += 0.03;
    }
    if let Some(yr) = annual_year {
        if x.when == When::Year(yr) {
            s += 0.1;
        } else if x.when == When::Yearly {
            s += 0.05;
        }
    }
    Some(s)
}

/// Similarity of two subjects, a conjoined subject (讲座和家长课堂) counting as close as its
/// closest part. A subject that names a kind of the other (艺术教育特色学校 / 特色学校) is not
/// close by containing it ([`same_thing_similarity`]).
pub fn subject_similarity(x: &Item, y: &Item) -> f64 {
    let mut s = same_thing_similarity(&x.key, &x.grams, &y.key, &y.grams);
    for p in &x.parts {
        s = s.max(key_similarity(p, &y.key));
    }
    for q in &y.parts {
        s = s.max(key_similarity(&x.key, q));
    }
    s
}

fn key_similarity(a: &str, b: &str) -> f64 {
    same_thing_similarity(a, &bigrams(a), b, &bigrams(b))
}

/// The clause's key and its bigrams (see [`Item::clause_key`]).
fn clause_key<'a>(p: &Plan, it: &'a Item) -> (&'a str, &'a [(char, char)]) {
    let (key, grams) = &**it.clause_key.get_or_init(|| {
        let e = it.clause_span[1].min(p.chars.len());
        let b = it.clause_span[0].min(e);
        let raw: String = p.chars[b..e]
            .iter()
            .filter(|c| !c.is_ascii_digit())
            .collect();
        let key = clean_subject(&raw);
        let grams = bigrams(&key);
        Box::new((key, grams))
    });
    (key, grams)
}

/// Aligned sections looked up by their A path: which B sections the sections holding an A item
/// are paired with. Made once, so that a pair of targets asks at most its depth, not every pair of
/// sections.
struct Partners<'a>(HashMap<&'a [usize], Vec<&'a [usize]>>);

impl<'a> Partners<'a> {
    fn new(section_pairs: &'a [(Vec<usize>, Vec<usize>)]) -> Self {
        let mut map: HashMap<&[usize], Vec<&[usize]>> = HashMap::new();
        for (p, q) in section_pairs.iter().filter(|(p, _)| !p.is_empty()) {
            map.entry(p.as_slice()).or_default().push(q.as_slice());
        }
        Partners(map)
    }

    /// The B sections paired with `path` or any section above it.
    fn of(&self, path: &[usize]) -> Vec<&'a [usize]> {
        (1..=path.len())
            .filter_map(|k| self.0.get(&path[..k]))
            .flatten()
            .copied()
            .collect()
    }
}

/// Target pairs `(item in a, item in b, score)`. With `annual_year`, plan A is the multi-year plan
/// and only its targets for that year (or every year, or the period) take part.
pub fn align_targets(
    pa: &Plan,
    pb: &Plan,
    section_pairs: &[(Vec<usize>, Vec<usize>)],
    annual_year: Option<i32>,
) -> Vec<(usize, usize, f64)> {
    let partners = Partners::new(section_pairs);
    let mut cands = Vec::new();
    for (i, x) in pa.items.iter().enumerate().take(MAX_ITEMS) {
        if !eligible(x, annual_year) {
            continue;
        }
        let qs = partners.of(pa.path(x));
        for (j, y) in pb.items.iter().enumerate().take(MAX_ITEMS) {
            if let Some(s) = score(x, y, pa, pb, &qs, annual_year) {
                cands.push((s, i, j));
            }
        }
    }
    greedy(cands, pa.items.len(), pb.items.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_clause_key_is_made_once_per_item() {
        let text = "完成3所学校建设，建成5个。";
        let a = crate::analyze(text);
        let p = super::super::items::plan(text, &a);
        let it = &p.items[0];
        let first: *const str = clause_key(&p, it).0;
        assert!(!clause_key(&p, it).0.is_empty());
        assert!(std::ptr::eq(first, clause_key(&p, it).0));
    }

    /// The subjects of the pairs `align_targets` makes between two texts, with their similarity.
    fn pairs_of(a: &str, b: &str) -> Vec<(String, String, f64)> {
        let (xa, xb) = (crate::analyze(a), crate::analyze(b));
        let (pa, pb) = (
            super::super::items::plan(a, &xa),
            super::super::items::plan(b, &xb),
        );
        align_targets(&pa, &pb, &[], None)
            .into_iter()
            .map(|(i, j, _)| {
                let (x, y) = (&pa.items[i], &pb.items[j]);
                let s = similarity(x, y, &pa, &pb).unwrap_or(0.0);
                (x.subject.clone(), y.subject.clone(), s)
            })
            .collect()
    }

    #[test]
    fn only_like_things_pair_and_each_pair_says_how_alike() {
        // Sentences of the 2022-2024 three-year plan's table and the 2023 work points.
        let a = "新增品格提升工程10个,新增市区名班主任100名。创建各类特色学校35个。";
        let b = "打造省市品格提升工程项目10个,市级思政育人特色学校3所。评选区名班主任100名。";
        let pairs = pairs_of(a, b);
        assert!(pairs.iter().all(|p| !p.0.contains("特色学校")), "{pairs:?}");
        let grade = pairs
            .iter()
            .find(|p| p.0.contains("品格提升工程"))
            .expect("品格提升工程 pairs");
        assert!(grade.1.contains("品格提升工程") && (0.55..=1.0).contains(&grade.2));
        assert!(pairs.iter().any(|p| p.0.contains("名班主任") && p.2 == 1.0));
        // Scope words keep two government work reports' indicators together.
        let pairs = pairs_of("常住人口城镇化率达到67%左右。", "城镇化率提高到71%以上。");
        assert_eq!(pairs.len(), 1, "{pairs:?}");
        assert!(pairs[0].2 >= 0.55 && pairs[0].2 <= 1.0);
    }

    #[test]
    fn greedy_is_one_to_one_and_prefers_the_diagonal_on_ties() {
        let c = vec![
            (1.0, 0, 1),
            (1.0, 0, 0),
            (1.0, 1, 1),
            (1.0, 1, 0),
            (0.2, 2, 2),
        ];
        assert_eq!(greedy(c, 3, 3), vec![(0, 0, 1.0), (1, 1, 1.0), (2, 2, 0.2)]);
        assert!(greedy(Vec::new(), 0, 0).is_empty());
    }

    #[test]
    fn section_titles_align_without_the_noise_words() {
        let a = crate::analyze("一、实施质量提升行动\n内容。\n二、强化安全保障\n内容。\n");
        let b = crate::analyze("一、聚焦安全保障\n内容。\n二、持续质量提升\n内容。\n");
        let (sa, sb) = (sections(&a.outline), sections(&b.outline));
        let pairs = align_sections(&sa, &sb);
        assert_eq!(
            pairs.iter().map(|p| (p.0, p.1)).collect::<Vec<_>>(),
            vec![(0, 1), (1, 0)]
        );
        // Evidence from aligned targets pairs sections whose titles share nothing.
        let c = crate::analyze("一、实施平安校园行动\n内容。\n");
        let d = crate::analyze("一、聚焦稳定大局\n内容。\n");
        let (sc, sd) = (sections(&c.outline), sections(&d.outline));
        assert!(align_sections(&sc, &sd).is_empty());
        let ev = vec![(vec![0], vec![0]), (vec![0], vec![0])];
        assert_eq!(align_sections_with(&sc, &sd, &ev).len(), 1);
    }
}
