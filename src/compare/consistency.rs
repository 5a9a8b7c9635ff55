//! A plan against itself: the body and the plan's own per-year table must agree.
//!
//! For every row of a per-year schedule the year cells are grouped by subject; each group's cells
//! are summed (ranges and soft values add up as ranges and soft values) and checked against
//! (1) the row's whole-period cell (主要内容) and (2) the body target with the same subject. A
//! yearly commitment (每年100名) is checked against each year instead of the sum. Percentages
//! and rates per unit (每所至少1个) are levels, never summed. Only clear matches are checked: an
//! ambiguous subject (two groups about as close) is left alone, because a false alarm costs a
//! reader more than a missed one.

use super::grid::Role;
use super::items::{Bounds, Item, Place, Plan, UnitClass, When};
use super::subject::{bigrams, similarity, similarity_with};
use std::collections::HashMap;

/// Subject similarity for "the same thing" inside one plan.
const SAME: f64 = 0.6;

/// A disagreement found inside one plan.
#[derive(Debug, Clone)]
pub struct Finding {
    /// `table_total_mismatch`, `body_table_mismatch` or `body_year_mismatch`.
    pub code: &'static str,
    pub subject: String,
    /// The item that states the figure (body target or whole-period cell).
    pub stated: usize,
    /// The year-cell items it was checked against.
    pub parts: Vec<usize>,
    /// What the parts add up to (or the offending year's value for a yearly commitment).
    pub found: Bounds,
}

struct Group {
    key: String,
    grams: Vec<(char, char)>,
    class: UnitClass,
    table: usize,
    row: usize,
    /// `(year, item)`, one item per year.
    cells: Vec<(i32, usize)>,
}

fn additive(it: &Item) -> bool {
    matches!(it.class, UnitClass::Count | UnitClass::Money)
        && !it.per_unit
        && it.bounds.is_some()
        && !it.key.is_empty()
}

/// Sum of bounds (soft if any part is soft).
pub fn sum(parts: impl Iterator<Item = Bounds>) -> Option<Bounds> {
    let mut acc: Option<Bounds> = None;
    for b in parts {
        acc = Some(match acc {
            None => b,
            Some(a) => Bounds {
                lo: a.lo + b.lo,
                hi: a.hi + b.hi,
                approx: a.approx || b.approx,
                down: a.down || b.down,
            },
        });
    }
    acc
}

/// Do a stated figure and a found one agree: one lies within the other (soft figures get 10%).
pub fn consistent(stated: Bounds, found: Bounds) -> bool {
    let tol = if stated.approx || found.approx {
        0.1 * [stated.lo, stated.hi, found.lo, found.hi]
            .iter()
            .filter(|v| v.is_finite())
            .fold(0.0f64, |m, v| m.max(v.abs()))
    } else {
        1e-9
    };
    let inside = |x: Bounds, y: Bounds| x.lo >= y.lo - tol && x.hi <= y.hi + tol;
    inside(found, stated) || inside(stated, found)
}

fn groups(plan: &Plan) -> Vec<Group> {
    let mut out: Vec<Group> = Vec::new();
    let mut by_row: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
    for (i, it) in plan.items.iter().enumerate() {
        let Place::Table {
            table,
            row,
            role: Role::Year(y),
        } = it.place
        else {
            continue;
        };
        if !plan.grids.get(table).is_some_and(|g| g.is_schedule()) || !additive(it) {
            continue;
        }
        // the groups of this row, found by their row: a scan of every group per cell was
        // quadratic in a long schedule table
        let of_row = by_row.entry((table, row)).or_default();
        let best = of_row
            .iter()
            .map(|&gi| (gi, &out[gi]))
            .filter(|(_, g)| g.class == it.class && !g.cells.iter().any(|c| c.0 == y))
            .map(|(gi, g)| (gi, similarity(&g.key, &it.key)))
            .filter(|(_, s)| *s >= SAME)
            .max_by(|a, b| a.1.total_cmp(&b.1).then(b.0.cmp(&a.0)));
        match best {
            Some((gi, _)) => out[gi].cells.push((y, i)),
            None => {
                of_row.push(out.len());
                out.push(Group {
                    key: it.key.clone(),
                    grams: it.grams.clone(),
                    class: it.class,
                    table,
                    row,
                    cells: vec![(y, i)],
                });
            }
        }
    }
    out
}

/// The groups as a target looks for them: those of one table row, and the distinct subject keys
/// of one class with the groups holding each (a long schedule table repeats a few subjects in
/// every row), found by their bigrams. A scan of every group for every target was quadratic.
/// A distinct `(class, key)` of the groups: its bigrams and the groups holding it, in order.
struct KeyGroups<'a> {
    class: UnitClass,
    key: &'a str,
    grams: &'a [(char, char)],
    groups: Vec<usize>,
}

struct Index<'a> {
    gs: &'a [Group],
    by_row: HashMap<(usize, usize), Vec<usize>>,
    keys: Vec<KeyGroups<'a>>,
    /// Bigram → the distinct keys holding it.
    by_gram: HashMap<(char, char), Vec<usize>>,
}

impl<'a> Index<'a> {
    fn new(gs: &'a [Group]) -> Self {
        let mut by_row: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        let mut ids: HashMap<(UnitClass, &str), usize> = HashMap::new();
        let mut keys: Vec<KeyGroups> = Vec::new();
        let mut by_gram: HashMap<(char, char), Vec<usize>> = HashMap::new();
        for (gi, g) in gs.iter().enumerate() {
            by_row.entry((g.table, g.row)).or_default().push(gi);
            let id = *ids.entry((g.class, g.key.as_str())).or_insert_with(|| {
                for &b in &g.grams {
                    by_gram.entry(b).or_default().push(keys.len());
                }
                keys.push(KeyGroups {
                    class: g.class,
                    key: g.key.as_str(),
                    grams: g.grams.as_slice(),
                    groups: Vec::new(),
                });
                keys.len() - 1
            });
            keys[id].groups.push(gi);
        }
        Index {
            gs,
            by_row,
            keys,
            by_gram,
        }
    }

    /// The clearly best group of row `row` for a key: see [`clearly_best`].
    fn in_row(&self, key: &str, class: UnitClass, row: (usize, usize)) -> Option<usize> {
        let grams = bigrams(key);
        let scored = self
            .by_row
            .get(&row)
            .into_iter()
            .flatten()
            .filter_map(|&gi| {
                let g = &self.gs[gi];
                (g.class == class).then(|| (gi, similarity_with(&g.key, &g.grams, key, &grams), 1))
            });
        clearly_best(scored)
    }

    /// The clearly best group of the whole plan for a key. Only keys sharing a bigram can reach
    /// [`SAME`]; a key held by two groups is a tie, so never clearly best.
    fn anywhere(&self, key: &str, class: UnitClass) -> Option<usize> {
        let grams = bigrams(key);
        let mut ids: Vec<usize> = grams
            .iter()
            .filter_map(|b| self.by_gram.get(b))
            .flatten()
            .copied()
            .collect();
        ids.sort_unstable();
        ids.dedup();
        let scored = ids.into_iter().filter_map(|id| {
            let k = &self.keys[id];
            (k.class == class).then(|| {
                let s = similarity_with(k.key, k.grams, key, &grams);
                (k.groups[0], s, k.groups.len())
            })
        });
        clearly_best(scored)
    }
}

/// Of `(group, similarity, how many groups share it)`, the best group at [`SAME`] or above when
/// it leads the next by 0.1 or more (ties go to the lower group first, as a sorted list would).
fn clearly_best(scored: impl Iterator<Item = (usize, f64, usize)>) -> Option<usize> {
    let mut scored: Vec<(usize, f64, usize)> = scored.filter(|(_, s, _)| *s >= SAME).collect();
    scored.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.0.cmp(&b.0)));
    match scored.as_slice() {
        [(i, _, 1)] => Some(*i),
        [(i, s, 1), (_, t, _), ..] => (s - t >= 0.1).then_some(*i),
        _ => None,
    }
}

fn check_against(
    plan: &Plan,
    code: &'static str,
    stated: usize,
    cells: &[(i32, usize)],
    out: &mut Vec<Finding>,
) {
    let it = &plan.items[stated];
    let Some(sb) = it.bounds else { return };
    let bound = |i: usize| plan.items[i].bounds;
    match it.when {
        When::Yearly => {
            for &(_, c) in cells {
                if let Some(cb) = bound(c) {
                    if !consistent(sb, cb) {
                        out.push(Finding {
                            code,
                            subject: it.subject.clone(),
                            stated,
                            parts: vec![c],
                            found: cb,
                        });
                    }
                }
            }
        }
        When::Year(y) if code != "table_total_mismatch" => {
            let same: Vec<usize> = cells.iter().filter(|c| c.0 == y).map(|c| c.1).collect();
            if let Some(found) = sum(same.iter().filter_map(|&c| bound(c))) {
                if !consistent(sb, found) {
                    out.push(Finding {
                        code: "body_year_mismatch",
                        subject: it.subject.clone(),
                        stated,
                        parts: same,
                        found,
                    });
                }
            }
        }
        _ => {
            let parts: Vec<usize> = cells.iter().map(|c| c.1).collect();
            if let Some(found) = sum(parts.iter().filter_map(|&c| bound(c))) {
                if !consistent(sb, found) {
                    out.push(Finding {
                        code,
                        subject: it.subject.clone(),
                        stated,
                        parts,
                        found,
                    });
                }
            }
        }
    }
}

/// Every disagreement between a plan's body, its tables' whole-period cells and their year cells.
pub fn check(plan: &Plan) -> Vec<Finding> {
    let gs = groups(plan);
    let mut out = Vec::new();
    if gs.is_empty() {
        return out;
    }
    let index = Index::new(&gs);
    // Bounded work on pathological inputs: the first MAX_ITEMS targets are checked.
    for (i, it) in plan.items.iter().enumerate().take(super::align::MAX_ITEMS) {
        if !additive(it) {
            continue;
        }
        match it.place {
            Place::Table {
                table,
                row,
                role: Role::Total,
            } => {
                if let Some(g) = index.in_row(&it.key, it.class, (table, row)) {
                    check_against(plan, "table_total_mismatch", i, &gs[g].cells, &mut out);
                }
            }
            Place::Body => {
                // A conjoined subject (区学科带头人和骨干教师) is the sum of its parts' groups.
                let cells: Option<Vec<(i32, usize)>> = if it.parts.len() >= 2 {
                    let found: Vec<usize> = it
                        .parts
                        .iter()
                        .filter_map(|p| index.anywhere(p, it.class))
                        .collect();
                    let mut uniq = found.clone();
                    uniq.sort_unstable();
                    uniq.dedup();
                    (found.len() == it.parts.len() && uniq.len() == found.len()).then(|| {
                        uniq.iter()
                            .flat_map(|&g| gs[g].cells.iter().copied())
                            .collect()
                    })
                } else {
                    index
                        .anywhere(&it.key, it.class)
                        .map(|g| gs[g].cells.clone())
                };
                if let Some(cells) = cells {
                    check_against(plan, "body_table_mismatch", i, &cells, &mut out);
                }
            }
            _ => {}
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn b(lo: f64, hi: f64, approx: bool) -> Bounds {
        Bounds {
            lo,
            hi,
            approx,
            down: false,
        }
    }

    #[test]
    fn containment_decides_agreement() {
        assert!(consistent(b(100.0, 100.0, false), b(100.0, 100.0, false)));
        assert!(!consistent(b(18.0, 18.0, false), b(20.0, 22.0, false)));
        assert!(!consistent(b(18.0, 20.0, false), b(20.0, 22.0, false)));
        assert!(consistent(b(15.0, 20.0, false), b(18.0, 18.0, false)));
        assert!(!consistent(
            b(10.0, f64::INFINITY, false),
            b(8.0, 8.0, false)
        ));
        assert!(consistent(b(50.0, 50.0, false), b(48.0, 48.0, true)));
    }

    #[test]
    fn only_a_clear_lead_is_the_best_group() {
        let best = |v: &[(usize, f64, usize)]| clearly_best(v.iter().copied());
        assert_eq!(best(&[]), None);
        assert_eq!(best(&[(3, 0.5, 1)]), None);
        assert_eq!(best(&[(3, 0.9, 1)]), Some(3));
        // a key two groups share is a tie
        assert_eq!(best(&[(3, 0.9, 2)]), None);
        assert_eq!(best(&[(3, 0.7, 1), (1, 0.95, 1)]), Some(1));
        assert_eq!(best(&[(3, 0.9, 1), (1, 0.85, 1)]), None);
        assert_eq!(best(&[(3, 0.9, 1), (1, 0.7, 3)]), Some(3));
    }

    #[test]
    fn a_long_schedule_table_is_checked_row_by_row() {
        // every row's year cells add up to its total but one, whatever the table's length
        let mut src = String::from("序号\n项目名称\n主要内容\n2023年\n2024年\n牵头单位\n");
        for i in 1..=300 {
            let (a, b) = if i == 150 { (2, 2) } else { (2, 3) };
            src.push_str(&format!(
                "{i}\n项目{i}\n新建学校5所。\n新建学校{a}所。\n新建学校{b}所。\n教育局\n"
            ));
        }
        let a = crate::analyze(&src);
        let p = super::super::items::plan(&src, &a);
        let flags = check(&p);
        assert_eq!(flags.len(), 1, "{flags:?}");
        assert_eq!(flags[0].code, "table_total_mismatch");
    }

    #[test]
    fn sums_add_ranges() {
        let s =
            sum([b(8.0, 10.0, false), b(6.0, 6.0, false), b(6.0, 6.0, false)].into_iter()).unwrap();
        assert_eq!((s.lo, s.hi), (20.0, 22.0));
        assert!(sum(std::iter::empty()).is_none());
    }
}
