//! The reader's own changes to the matrix (the page's corpus panel: rows merged or split by
//! hand), applied in order to a lined-up corpus. The command line has none.
//!
//! An edit names rows by their targets' [`Key`]s (document name and span), which survive a new
//! line-up (a reload, another reference, a document added or removed); a row is the one holding
//! any of the named targets, and an edit none of whose rows is there any more does nothing.
//!
//! - Merge: the rows become one, named as the first and placed where it was; where two of them
//!   have a cell for one document, that cell keeps both quantities (the later ones in
//!   [`Indicator::also`], shown joined with [`JOIN`]).
//! - Split: every target of the row (a merged cell's too) becomes a row of its own.
//!
//! Rows so made are marked [`Indicator::manual`]; their verdicts against the reference are the
//! cells' own from the line-up (a merged row) or none (a split row: one cell has nothing to be
//! compared with), and the documents' counts against the reference stay the line-up's.

use super::{Corpus, Entry, Indicator};
use crate::compare::TargetRef;
use serde::{Deserialize, Serialize};

/// A target by what survives a new line-up: its document's name and its span (bytes) there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Key(pub String, pub usize, pub usize);

/// One change made by hand.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Edit {
    /// These rows (each by its targets' keys) become one.
    Merge(Vec<Vec<Key>>),
    /// Every target of this row becomes a row of its own.
    Split(Vec<Key>),
}

/// Between the quantities of one document in a cell of a merged row.
pub const JOIN: &str = "；";

/// The edits of a JSON array; none when it cannot be read.
pub fn parse(json: &str) -> Vec<Edit> {
    serde_json::from_str(json).unwrap_or_default()
}

/// Applies `edits` in order.
pub fn apply(c: &mut Corpus, edits: &[Edit]) {
    for e in edits {
        match e {
            Edit::Merge(rows) => merge(c, rows),
            Edit::Split(row) => split(c, row),
        }
    }
}

/// Every target of a row: (document, target), its cells' and the ones merged into them.
pub fn targets(row: &Indicator) -> impl Iterator<Item = (usize, &TargetRef)> {
    let cells = row
        .cells
        .iter()
        .enumerate()
        .filter_map(|(d, t)| Some((d, t.as_ref()?)));
    cells.chain(row.also.iter().map(|e| (e.document, &e.target)))
}

/// The keys of a row's targets.
pub fn keys(c: &Corpus, row: &Indicator) -> Vec<Key> {
    targets(row)
        .filter_map(|(d, t)| {
            let name = c.documents.get(d)?.name.clone();
            Some(Key(name, t.span[0], t.span[1]))
        })
        .collect()
}

/// A cell as written: the quantity, and those merged into it after a [`JOIN`].
pub fn cell_text(row: &Indicator, d: usize) -> String {
    let mut s = row
        .cells
        .get(d)
        .and_then(|t| t.as_ref())
        .map_or(String::new(), |t| t.text.to_string());
    for e in row.also.iter().filter(|e| e.document == d) {
        s.push_str(JOIN);
        s.push_str(&e.target.text);
    }
    s
}

/// The row holding any of the `wanted` targets.
fn find(c: &Corpus, wanted: &[Key]) -> Option<usize> {
    c.indicators
        .iter()
        .position(|row| keys(c, row).iter().any(|k| wanted.contains(k)))
}

fn merge(c: &mut Corpus, rows: &[Vec<Key>]) {
    let mut at: Vec<usize> = Vec::new();
    for i in rows.iter().filter_map(|k| find(c, k)) {
        if !at.contains(&i) {
            at.push(i);
        }
    }
    let Some((&first, rest)) = at.split_first().filter(|(_, r)| !r.is_empty()) else {
        return;
    };
    let mut merged = c.indicators[first].clone();
    for &i in rest {
        absorb(&mut merged, &c.indicators[i]);
    }
    merged.documents = merged.cells.iter().flatten().count();
    merged.manual = true;
    c.indicators[first] = merged;
    let mut i = 0;
    c.indicators.retain(|_| {
        i += 1;
        !rest.contains(&(i - 1))
    });
}

/// Moves the targets of `from` into `into`: an empty cell takes the target and its verdict, a
/// full one keeps it beside its own.
fn absorb(into: &mut Indicator, from: &Indicator) {
    for (d, t) in targets(from) {
        match into.cells.get_mut(d) {
            Some(slot @ None) => {
                *slot = Some(t.clone());
                let verdict = from.status.as_ref().and_then(|s| s.get(d).cloned());
                if let (Some(s), Some(v)) = (into.status.as_mut(), verdict) {
                    if let Some(x) = s.get_mut(d) {
                        *x = v;
                    }
                }
            }
            Some(Some(_)) => into.also.push(Entry {
                document: d,
                target: t.clone(),
            }),
            None => {}
        }
    }
}

fn split(c: &mut Corpus, keys: &[Key]) {
    let Some(i) = find(c, keys) else {
        return;
    };
    let row = c.indicators.remove(i);
    let n = row.cells.len();
    let mut parts: Vec<(usize, &TargetRef)> = targets(&row).collect();
    parts.sort_by_key(|(d, t)| (*d, t.span[0]));
    let rows = parts.into_iter().map(|(d, t)| {
        let mut cells = vec![None; n];
        cells[d] = Some(t.clone());
        Indicator {
            indicator: if t.subject.is_empty() {
                row.indicator.clone()
            } else {
                t.subject.to_string()
            },
            class: row.class.clone(),
            documents: 1,
            cells,
            status: row.status.as_ref().map(|_| vec![None; n]),
            manual: true,
            also: Vec::new(),
        }
    });
    let rows: Vec<Indicator> = rows.collect();
    c.indicators.splice(i..i, rows);
}

#[cfg(test)]
mod tests {
    use super::super::tests::run;
    use super::*;

    const A: &str = "一、目标\n新建幼儿园120所，城镇新增就业10万人，单位GDP能耗下降3%。\n";
    const B: &str = "一、目标\n新建幼儿园100所，城镇新增就业12万人，单位GDP能耗下降2.5%。\n";

    fn row_keys(c: &Corpus, i: usize) -> Vec<Key> {
        keys(c, &c.indicators[i])
    }

    #[test]
    fn a_merge_keeps_both_quantities_of_a_document_and_a_split_gives_each_its_row() {
        let mut c = run(&[A, B], None);
        let n = c.indicators.len();
        assert!(n >= 2, "{:?}", c.indicators);
        let (r0, r1) = (row_keys(&c, 0), row_keys(&c, 1));
        let name = c.indicators[0].indicator.clone();
        let merge = Edit::Merge(vec![r0.clone(), r1]);
        apply(&mut c, std::slice::from_ref(&merge));
        assert_eq!(c.indicators.len(), n - 1);
        let m = &c.indicators[0];
        assert!(m.manual && m.indicator == name && m.documents == 2);
        assert_eq!(m.also.len(), 2);
        assert!(cell_text(m, 0).contains(JOIN), "{}", cell_text(m, 0));
        // the edit goes by keys: as JSON and back, on a new line-up, it does the same
        let json = serde_json::to_string(&vec![merge.clone()]).unwrap();
        let mut again = run(&[A, B], None);
        apply(&mut again, &parse(&json));
        assert_eq!(again, c);
        apply(&mut c, &[Edit::Split(r0)]);
        assert_eq!(c.indicators.len(), n - 1 - 1 + 4);
        assert!(c.indicators[..4]
            .iter()
            .all(|r| r.manual && r.documents == 1));
    }

    #[test]
    fn an_edit_of_targets_no_longer_there_does_nothing() {
        let mut c = run(&[A, B], None);
        let before = c.clone();
        let gone = vec![Key("x.txt".into(), 0, 3)];
        let other = row_keys(&c, 0);
        apply(
            &mut c,
            &[Edit::Merge(vec![gone.clone(), other]), Edit::Split(gone)],
        );
        assert_eq!(c, before);
        assert!(parse("not json").is_empty());
    }
}
