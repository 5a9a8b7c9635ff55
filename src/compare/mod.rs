//! Plan against plan, and a plan against itself (`planlens-compare/1`, see
//! `docs/compare-schema.md`).
//!
//! [`compare`] reads two plans with [`crate::analyze`] and lines them up:
//!
//! - sections by title similarity ([`align`]);
//! - targets by subject, one to one, with both quantities and their difference; what is left is
//!   only in A or only in B;
//! - when one plan covers a period (2022–2024) and the other is an annual plan inside it (2023),
//!   the multi-year plan's targets for that year against the annual plan's, each marked
//!   `met` / `weaker` / `missing` / `extra` ([`AnnualRow`]);
//! - each plan's own body against its per-year table ([`consistency`]), also available alone as
//!   [`check`].
//!
//! The comparison builds on the public `planlens/1` analysis: each target's `subject` and
//! `action` (widened to the whole noun phrase when the analysis cut it short, see
//! [`subject::widen`]), its `recurrence`, `scope`, `due` and `per`, and the rebuilt `tables`. The
//! input text is read only where the analysis leaves a gap: the words next to a quantity that has
//! no subject ([`subject`]), and per-year schedules in a region where the analysis rebuilt no
//! table ([`grid::detect`]). Never panics; same input, same output.

pub mod align;
pub mod consistency;
pub mod grid;
pub mod items;
pub mod lexicon;
pub mod render;
pub mod subject;
pub mod synonyms;

use crate::model::{Analysis, Comparator, Period, Span};
use items::{Item, Place, Plan, When};
use serde::{Deserialize, Serialize};
use std::borrow::Cow;

/// A word of a fixed vocabulary (`body`, `yearly`, …) that is sometimes a made string (a year):
/// the vocabulary's words are not allocated again for each of the many targets of a long plan.
pub type Word = Cow<'static, str>;

/// Schema identifier of a comparison.
pub const COMPARE_SCHEMA: &str = "planlens-compare/1";
/// Schema identifier of a self-check.
pub const CHECK_SCHEMA: &str = "planlens-check/1";

/// A comparison of plan A with plan B.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Comparison {
    pub schema: String,
    pub a: PlanInfo,
    pub b: PlanInfo,
    /// `annual_in_period` when one plan is an annual plan inside the other's period, else `general`.
    pub mode: String,
    pub sections: Vec<SectionPair>,
    pub pairs: Vec<Pair>,
    pub only_a: Vec<TargetRef>,
    pub only_b: Vec<TargetRef>,
    pub annual: Option<Annual>,
    pub consistency: SideFlags,
    pub summary: Summary,
}

/// What the comparison knows about one plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlanInfo {
    pub title: Option<String>,
    pub period: Option<Period>,
    /// The year of an annual plan.
    pub year: Option<i32>,
    /// `multi_year`, `annual` or `unknown`.
    pub kind: String,
    pub targets: usize,
    /// Per-year schedule tables found (in the analysis or read from the text).
    pub schedules: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionRef {
    pub path: Vec<usize>,
    pub title: String,
    pub title_span: Span,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SectionPair {
    pub a: SectionRef,
    pub b: SectionRef,
    pub similarity: f64,
}

/// One target of one plan, as the comparison shows it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct TargetRef {
    /// Index into that plan's `planlens/1` `targets`.
    pub index: usize,
    pub text: Box<str>,
    pub span: Span,
    pub clause_span: Span,
    /// The subject used for aligning (the analysis's, possibly widened, or derived from the clause).
    pub subject: Box<str>,
    /// `analysis`, `widened` or `context`.
    pub subject_source: Word,
    /// Normalised quantity such as `≥8所`, `18–20所`.
    pub quantity: Box<str>,
    pub value: Option<f64>,
    pub range: Option<[f64; 2]>,
    pub unit: Option<Box<str>>,
    pub comparator: Option<Comparator>,
    /// `"2023"`, `yearly`, `period` or `unknown`.
    pub when: Word,
    /// `body`, or `table` with the column in `column` (`2023`, `total`, …).
    pub place: Word,
    pub column: Option<Word>,
    pub section: Option<Box<str>>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Pair {
    pub a: TargetRef,
    pub b: TargetRef,
    /// Alignment score (subject similarity plus small tie-breakers), rounded to 3 places.
    pub score: f64,
    /// How alike the two measured things are, in `[0, 1]` (3 places): what made the pair, without
    /// the tie-breakers ([`align::similarity`]).
    #[serde(default)]
    pub similarity: f64,
    /// Same bounds, comparator and unit class.
    pub same: bool,
    /// B's figure minus A's (lower bounds; upper bounds for `≤` targets), when both are numbers.
    pub difference: Option<f64>,
}

/// The annual plan against the multi-year plan's targets for its year.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annual {
    /// Which side is the multi-year plan (`a` or `b`).
    pub plan: String,
    /// Which side is the annual plan.
    pub annual: String,
    pub year: i32,
    pub rows: Vec<AnnualRow>,
    pub counts: AnnualCounts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct AnnualRow {
    /// `met`, `weaker`, `missing`, `extra`, `not_comparable` or `in_period`.
    pub status: String,
    /// The multi-year plan's target (null for `extra`).
    pub plan: Option<TargetRef>,
    /// The annual plan's target (null for `missing`).
    pub annual: Option<TargetRef>,
    /// How alike the two targets' measured things are (3 places), when both are there.
    #[serde(default)]
    pub similarity: Option<f64>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct AnnualCounts {
    pub met: usize,
    pub weaker: usize,
    pub missing: usize,
    pub extra: usize,
    pub not_comparable: usize,
    pub in_period: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct SideFlags {
    pub a: Vec<Flag>,
    pub b: Vec<Flag>,
}

/// A disagreement inside one plan.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Flag {
    /// `body_table_mismatch`, `table_total_mismatch` or `body_year_mismatch`.
    pub code: String,
    pub subject: String,
    pub message: String,
    /// The target that states the figure.
    pub stated: TargetRef,
    /// The table cells it was checked against.
    pub parts: Vec<TargetRef>,
    /// What the parts add up to: `[lo, hi]` (`hi` null when open-ended).
    pub found: [Option<f64>; 2],
    pub found_approx: bool,
    /// Every span involved: the stated target first, then the cells.
    pub spans: Vec<Span>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct Summary {
    pub pairs: usize,
    pub same: usize,
    pub different: usize,
    pub only_a: usize,
    pub only_b: usize,
    /// Share of A's targets that were aligned (0 when A has none).
    pub aligned_a: f64,
    pub aligned_b: f64,
}

/// A plan checked against itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Check {
    pub schema: String,
    pub plan: PlanInfo,
    pub flags: Vec<Flag>,
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}

fn when_str(w: When) -> Word {
    match w {
        When::Year(y) => y.to_string().into(),
        When::Yearly => "yearly".into(),
        When::Period => "period".into(),
        When::Unknown => "unknown".into(),
    }
}

pub(crate) fn target_ref(p: &Plan, it: &Item) -> TargetRef {
    let t = &p.analysis.targets[it.index];
    let (place, column) = match it.place {
        Place::Body => ("body".into(), None),
        Place::Table { role, .. } => (
            "table".into(),
            Some(match role {
                grid::Role::Year(y) => y.to_string().into(),
                grid::Role::Total => "total".into(),
                grid::Role::Label => "label".into(),
                grid::Role::Other => "other".into(),
            }),
        ),
    };
    TargetRef {
        index: it.index,
        text: t.text.as_str().into(),
        span: t.span,
        clause_span: t.clause_span,
        subject: it.subject.as_str().into(),
        subject_source: it.subject_source.into(),
        quantity: crate::render::quantity(t).into(),
        value: t.value,
        range: t.range,
        unit: t.unit.clone(),
        comparator: t.comparator,
        when: when_str(it.when),
        place,
        column,
        section: items::section_title(&p.analysis.outline, &t.path).map(Into::into),
    }
}

pub(crate) fn info(p: &Plan) -> PlanInfo {
    PlanInfo {
        title: p.analysis.document.title.clone(),
        period: p.analysis.document.period,
        year: p.year,
        kind: match (p.period, p.year) {
            (Some(_), _) => "multi_year",
            (None, Some(_)) => "annual",
            _ => "unknown",
        }
        .into(),
        targets: p.items.len(),
        schedules: p.grids.iter().filter(|g| g.is_schedule()).count(),
    }
}

fn same_figure(x: &Item, y: &Item) -> bool {
    x.class == y.class
        && match (x.bounds, y.bounds) {
            (Some(a), Some(b)) => a == b,
            (None, None) => true,
            _ => false,
        }
}

fn difference(x: &Item, y: &Item) -> Option<f64> {
    if x.class != y.class {
        return None;
    }
    let (a, b) = (x.bounds?, y.bounds?);
    let d = if a.down && b.down {
        b.hi - a.hi
    } else {
        b.lo - a.lo
    };
    d.is_finite().then(|| round3(d))
}

/// `met` when the annual figure commits at least the plan's (its lower bound reaches the plan's
/// lower bound; for `≤` targets its cap is no higher), `weaker` otherwise.
pub(crate) fn status(plan: &Item, annual: &Item) -> &'static str {
    if plan.class != annual.class {
        return "not_comparable";
    }
    match (plan.bounds, annual.bounds) {
        (Some(p), Some(a)) => {
            let met = if p.down { a.hi <= p.hi } else { a.lo >= p.lo };
            if met {
                "met"
            } else {
                "weaker"
            }
        }
        _ => "not_comparable",
    }
}

fn flag(p: &Plan, f: &consistency::Finding) -> Flag {
    let stated = target_ref(p, &p.items[f.stated]);
    let parts: Vec<TargetRef> = f
        .parts
        .iter()
        .map(|&i| target_ref(p, &p.items[i]))
        .collect();
    let fmt = |v: f64| {
        crate::render::quantity(&crate::model::Target {
            value: Some(v),
            ..crate::model::Target::new(
                String::new(),
                [0, 0],
                [0, 0],
                crate::model::TargetKind::Count,
            )
        })
    };
    let found = if f.found.hi.is_finite() && f.found.hi != f.found.lo {
        format!("{}–{}", fmt(f.found.lo), fmt(f.found.hi))
    } else if f.found.hi.is_finite() {
        fmt(f.found.lo)
    } else {
        format!("≥{}", fmt(f.found.lo))
    };
    let what = match f.code {
        "table_total_mismatch" => {
            "表中分年数之和与该行总目标不一致 (the year cells do not add up to the row's total)"
        }
        "body_year_mismatch" => "正文与表中当年数不一致 (the body disagrees with that year's cell)",
        _ => "正文与附表分年数不一致 (the body disagrees with its table)",
    };
    let mut spans = vec![stated.span];
    spans.extend(parts.iter().map(|r| r.span));
    Flag {
        code: f.code.to_string(),
        subject: f.subject.clone(),
        message: format!(
            "{what}: {} {} vs {}{}",
            f.subject,
            stated.quantity,
            found,
            if f.found.approx { " (约)" } else { "" }
        ),
        stated,
        parts,
        found: [
            Some(round3(f.found.lo)).filter(|v| v.is_finite()),
            Some(round3(f.found.hi)).filter(|v| v.is_finite()),
        ],
        found_approx: f.found.approx,
        spans,
    }
}

fn section_ref(s: &align::Section) -> SectionRef {
    SectionRef {
        path: s.path.clone(),
        title: s.title.clone(),
        title_span: s.span,
    }
}

/// Checks a plan against itself (body ↔ per-year table).
pub fn check(input: &str) -> Check {
    let a = crate::analyze(input);
    check_analysis(input, &a)
}

/// [`check`] on an analysis already made from `input`.
pub fn check_analysis(input: &str, a: &Analysis) -> Check {
    let p = items::plan(input, a);
    Check {
        schema: CHECK_SCHEMA.into(),
        plan: info(&p),
        flags: consistency::check(&p).iter().map(|f| flag(&p, f)).collect(),
    }
}

/// Compares plan A with plan B. Never panics.
pub fn compare(a_text: &str, b_text: &str) -> Comparison {
    let (a, b) = (crate::analyze(a_text), crate::analyze(b_text));
    compare_analyses(a_text, &a, b_text, &b)
}

/// [`compare`] on analyses already made from the two inputs: sections aligned by title, targets
/// paired one to one (with the multi-year plan first when one plan is an annual plan inside the
/// other's period), sections aligned again with the paired targets as evidence, what is left
/// unpaired, the annual rows, each plan's own consistency flags and the summary.
pub fn compare_analyses(a_text: &str, a: &Analysis, b_text: &str, b: &Analysis) -> Comparison {
    let mut pa = items::plan(a_text, a);
    let mut pb = items::plan(b_text, b);

    let (sa, sb) = (align::sections(&a.outline), align::sections(&b.outline));
    let sec_paths: Vec<(Vec<usize>, Vec<usize>)> = align::align_sections(&sa, &sb)
        .iter()
        .map(|&(i, j, _)| (sa[i].path.clone(), sb[j].path.clone()))
        .collect();
    let annual = annual_in_period(&pa, &pb);
    let pairs_ab = target_pairs(&pa, &pb, &sec_paths, annual);

    let pairs: Vec<Pair> = pairs_ab
        .iter()
        .map(|&(i, j, s)| {
            let (x, y) = (&pa.items[i], &pb.items[j]);
            Pair {
                a: target_ref(&pa, x),
                b: target_ref(&pb, y),
                score: round3(s),
                similarity: round3(align::similarity(x, y, &pa, &pb).unwrap_or(0.0)),
                same: same_figure(x, y),
                difference: difference(x, y),
            }
        })
        .collect();
    // Sections again, now with the aligned body targets as evidence.
    let evidence: Vec<(Vec<usize>, Vec<usize>)> = pairs_ab
        .iter()
        .filter(|&&(i, j, _)| pa.items[i].place == Place::Body && pb.items[j].place == Place::Body)
        .map(|&(i, j, _)| {
            let (x, y) = (&pa.items[i], &pb.items[j]);
            (pa.path(x).to_vec(), pb.path(y).to_vec())
        })
        .collect();
    let sec = align::align_sections_with(&sa, &sb, &evidence);
    let annual_out = annual.map(|(multi_is_b, year)| {
        let (pm, pn) = if multi_is_b { (&pb, &pa) } else { (&pa, &pb) };
        // (multi item, annual item) pairs.
        let mp: Vec<(usize, usize)> = pairs_ab
            .iter()
            .map(|&(i, j, _)| if multi_is_b { (j, i) } else { (i, j) })
            .collect();
        let mut out = annual_rows(pm, pn, &mp, year);
        out.plan = if multi_is_b { "b" } else { "a" }.into();
        out.annual = if multi_is_b { "a" } else { "b" }.into();
        out
    });
    let consistency = SideFlags {
        a: consistency::check(&pa)
            .iter()
            .map(|f| flag(&pa, f))
            .collect(),
        b: consistency::check(&pb)
            .iter()
            .map(|f| flag(&pb, f))
            .collect(),
    };
    // What matching read goes before the lists of unpaired targets are made, which are most of
    // a long plan's targets.
    pa.matching_done();
    pb.matching_done();
    let only_a = unpaired(&pa, pairs_ab.iter().map(|p| p.0));
    let only_b = unpaired(&pb, pairs_ab.iter().map(|p| p.1));
    let summary = summary(&pairs, &only_a, &only_b, &pa, &pb);
    Comparison {
        schema: COMPARE_SCHEMA.into(),
        a: info(&pa),
        b: info(&pb),
        mode: if annual.is_some() {
            "annual_in_period"
        } else {
            "general"
        }
        .into(),
        sections: sec
            .iter()
            .map(|&(i, j, s)| SectionPair {
                a: section_ref(&sa[i]),
                b: section_ref(&sb[j]),
                similarity: round3(s),
            })
            .collect(),
        pairs,
        only_a,
        only_b,
        annual: annual_out,
        consistency,
        summary,
    }
}

/// One side multi-year, the other an annual plan inside its period: `(multi is B, the year)`.
fn annual_in_period(pa: &Plan, pb: &Plan) -> Option<(bool, i32)> {
    let in_period = |multi: &Plan, annual: &Plan| match (multi.period, annual.year, annual.period) {
        (Some((f, t)), Some(y), None) if (f..=t).contains(&y) => Some(y),
        _ => None,
    };
    match (in_period(pa, pb), in_period(pb, pa)) {
        (Some(y), _) => Some((false, y)),
        (None, Some(y)) => Some((true, y)),
        _ => None,
    }
}

/// The targets paired one to one, `(A item, B item, score)` in A's order: aligned with the
/// multi-year plan first when there is one, then mapped back to (A, B).
fn target_pairs(
    pa: &Plan,
    pb: &Plan,
    sec_paths: &[(Vec<usize>, Vec<usize>)],
    annual: Option<(bool, i32)>,
) -> Vec<(usize, usize, f64)> {
    let mut pairs: Vec<(usize, usize, f64)> = match annual {
        Some((true, y)) => {
            let back: Vec<(Vec<usize>, Vec<usize>)> = sec_paths
                .iter()
                .map(|(p, q)| (q.clone(), p.clone()))
                .collect();
            align::align_targets(pb, pa, &back, Some(y))
                .into_iter()
                .map(|(j, i, s)| (i, j, s))
                .collect()
        }
        Some((false, y)) => align::align_targets(pa, pb, sec_paths, Some(y)),
        None => align::align_targets(pa, pb, sec_paths, None),
    };
    pairs.sort_by_key(|p| (p.0, p.1));
    pairs
}

/// The targets of `p` not among the `paired` item indexes.
fn unpaired(p: &Plan, paired: impl Iterator<Item = usize>) -> Vec<TargetRef> {
    let mut used = vec![false; p.items.len()];
    for i in paired {
        used[i] = true;
    }
    // sized once: the list of a long plan is most of its targets, and doubling it as it grows
    // would hold up to twice their memory
    let mut out = Vec::with_capacity(used.iter().filter(|u| !**u).count());
    out.extend(
        p.items
            .iter()
            .filter(|it| !used[it.index])
            .map(|it| target_ref(p, it)),
    );
    out
}

/// The multi-year plan `pm`'s targets for `year` against the annual plan `pn`'s, each `met`,
/// `weaker`, `missing`, `in_period` or `extra`; `mp` are the (multi, annual) item pairs. The
/// sides' names are left for the caller.
fn annual_rows(pm: &Plan, pn: &Plan, mp: &[(usize, usize)], year: i32) -> Annual {
    let mut rows = Vec::new();
    let mut counts = AnnualCounts::default();
    let mut annual_used = vec![false; pn.items.len()];
    for it in &pm.items {
        let for_year = matches!(it.when, When::Year(y) if y == year) || it.when == When::Yearly;
        // A yearly body target often restates the table's cell for the year (每年评选区名班主任
        // 100名 / the 2023 cell 新增市区名班主任100名): it is covered by that cell's partner.
        let partner = mp
            .iter()
            .find(|p| p.0 == it.index)
            .map(|p| p.1)
            .or_else(|| {
                if !for_year {
                    return None;
                }
                mp.iter()
                    .filter(|p| {
                        let o = &pm.items[p.0];
                        o.class == it.class
                            && o.index != it.index
                            && subject::similarity(&o.key, &it.key) >= 0.6
                    })
                    .map(|p| p.1)
                    .next()
            });
        let st = match (partner, for_year) {
            (Some(j), true) => status(it, &pn.items[j]),
            (Some(_), false) => "in_period",
            (None, true) => "missing",
            (None, false) => continue,
        };
        if let Some(j) = partner {
            annual_used[j] = true;
        }
        match st {
            "met" => counts.met += 1,
            "weaker" => counts.weaker += 1,
            "missing" => counts.missing += 1,
            "in_period" => counts.in_period += 1,
            _ => counts.not_comparable += 1,
        }
        rows.push(AnnualRow {
            status: st.into(),
            plan: Some(target_ref(pm, it)),
            annual: partner.map(|j| target_ref(pn, &pn.items[j])),
            similarity: partner
                .and_then(|j| align::similarity(it, &pn.items[j], pm, pn))
                .map(round3),
        });
    }
    for it in pn.items.iter().filter(|it| !annual_used[it.index]) {
        counts.extra += 1;
        rows.push(AnnualRow {
            status: "extra".into(),
            plan: None,
            annual: Some(target_ref(pn, it)),
            similarity: None,
        });
    }
    Annual {
        plan: String::new(),
        annual: String::new(),
        year,
        rows,
        counts,
    }
}

/// The counts of a comparison and the share of each plan's targets that found a partner.
fn summary(
    pairs: &[Pair],
    only_a: &[TargetRef],
    only_b: &[TargetRef],
    pa: &Plan,
    pb: &Plan,
) -> Summary {
    let same = pairs.iter().filter(|p| p.same).count();
    let share = |n: usize, d: usize| {
        if d == 0 {
            0.0
        } else {
            round3(n as f64 / d as f64)
        }
    };
    Summary {
        pairs: pairs.len(),
        same,
        different: pairs.len() - same,
        only_a: only_a.len(),
        only_b: only_b.len(),
        aligned_a: share(pairs.len(), pa.items.len()),
        aligned_b: share(pairs.len(), pb.items.len()),
    }
}
