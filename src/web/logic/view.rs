//! What the reader looks at, apart from the text: the open tab, the grid's filters, order, page
//! and focused cell, the selection, the outline's open headings and focused item. Pure data with
//! named updates (each keeps its fields consistent, e.g. a new filter goes back to page one), so
//! the page's modules read it freely and change it through these.

use super::{deadline_filter, is_day, kind_name, subject_filter, Filter, SortKey, KINDS};
use crate::model::{Analysis, OutlineNode};
use std::collections::HashSet;

/// What is selected, by content rather than index, so it survives re-analysis.
#[derive(Debug, Clone, PartialEq)]
pub enum Sel {
    Target {
        text: String,
        start: usize,
    },
    Heading {
        marker: String,
        title: String,
        start: usize,
    },
}

#[derive(Debug, Clone, PartialEq)]
pub struct View {
    pub tab: usize,
    pub filter: Filter,
    /// The grid's order: by what, ascending.
    pub sort: (SortKey, bool),
    pub page: usize,
    /// The grid's focused cell (row on the page, column).
    pub grid_focus: (usize, usize),
    pub sel: Option<Sel>,
    /// The open headings of the outline (paths); `[usize::MAX]` once the defaults are applied.
    pub expanded: HashSet<Vec<usize>>,
    pub tree_focus: Vec<usize>,
    /// The target a link selects, once its analysis arrives.
    pub pending_target: Option<usize>,
}

impl Default for View {
    fn default() -> Self {
        View {
            tab: 0,
            filter: Filter::default(),
            sort: (SortKey::Order, true),
            page: 0,
            grid_focus: (0, 0),
            sel: None,
            expanded: HashSet::new(),
            tree_focus: vec![0],
            pending_target: None,
        }
    }
}

impl View {
    /// The filter control `id` now reads `v`: the grid goes back to its first page.
    pub fn set_filter(&mut self, id: &str, v: &str) {
        let f = &mut self.filter;
        match id {
            "filter-kind" => f.kind = KINDS.iter().copied().find(|k| kind_name(*k) == v),
            "filter-section" => f.section = v.parse().ok(),
            "filter-deadline" => f.deadline = deadline_filter(v),
            "filter-subject" => f.subject = subject_filter(v),
            "filter-corrected" => f.corrected = v == "1",
            "filter-due-by" => f.due_by = Some(v.to_string()).filter(|d| is_day(d)),
            "filter-search" => f.query = v.to_string(),
            _ => {}
        }
        self.page = 0;
        self.grid_focus = (0, 0);
    }

    /// Sorts by `key`; by the same key again, the other way round. From the first page.
    pub fn sort_by(&mut self, key: SortKey) {
        self.sort = if self.sort.0 == key {
            (key, !self.sort.1)
        } else {
            (key, true)
        };
        self.page = 0;
    }

    /// The next (or previous) page, the focus on its first row.
    pub fn turn_page(&mut self, next: bool) {
        if next {
            self.page += 1;
        } else {
            self.page = self.page.saturating_sub(1);
        }
        self.grid_focus = (0, self.grid_focus.1);
    }

    /// Opens or closes the heading at `path`, which gets the focus.
    pub fn toggle(&mut self, path: &[usize]) {
        if !self.expanded.remove(path) {
            self.expanded.insert(path.to_vec());
        }
        self.tree_focus = path.to_vec();
    }

    /// Opens every heading of `outline` that has children (`open`), or closes them all.
    pub fn expand_all(&mut self, outline: &[OutlineNode], open: bool) {
        self.expanded.clear();
        if open {
            for (p, n) in super::flat_headings(outline) {
                if !n.children.is_empty() {
                    self.expanded.insert(p);
                }
            }
        }
    }

    /// The selected target in analysis `a` (found again by content after a re-analysis).
    pub fn selected_target(&self, a: &Analysis) -> Option<usize> {
        match &self.sel {
            Some(Sel::Target { text, start }) => super::find_same_target(a, text, *start),
            _ => None,
        }
    }

    /// The path of the selected heading in analysis `a`.
    pub fn selected_heading(&self, a: &Analysis) -> Option<Vec<usize>> {
        match &self.sel {
            Some(Sel::Heading {
                marker,
                title,
                start,
            }) => super::find_same_heading(a, marker, title, *start),
            _ => None,
        }
    }

    /// Opens the ancestors of `path` and focuses it; true when one of them was closed.
    pub fn reveal(&mut self, path: &[usize]) -> bool {
        let mut changed = false;
        for k in 1..path.len() {
            changed |= self.expanded.insert(path[..k].to_vec());
        }
        self.tree_focus = path.to_vec();
        changed
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_filter_goes_back_to_the_first_page() {
        let mut v = View {
            page: 3,
            grid_focus: (5, 2),
            ..View::default()
        };
        v.set_filter("filter-kind", "percent");
        assert_eq!(v.filter.kind, Some(crate::model::TargetKind::Percent));
        assert_eq!((v.page, v.grid_focus), (0, (0, 0)));
        v.set_filter("filter-due-by", "2025-1-5");
        assert_eq!(v.filter.due_by, None);
        v.set_filter("filter-search", "学位");
        assert_eq!(v.filter.query, "学位");
    }

    #[test]
    fn sorting_twice_by_one_key_reverses_it() {
        let mut v = View::default();
        v.sort_by(SortKey::Value);
        assert_eq!(v.sort, (SortKey::Value, true));
        v.sort_by(SortKey::Value);
        assert_eq!(v.sort, (SortKey::Value, false));
        v.sort_by(SortKey::Deadline);
        assert_eq!(v.sort, (SortKey::Deadline, true));
    }

    #[test]
    fn pages_turn_with_the_focus_on_the_first_row() {
        let mut v = View {
            grid_focus: (7, 3),
            ..View::default()
        };
        v.turn_page(false);
        assert_eq!((v.page, v.grid_focus), (0, (0, 3)));
        v.turn_page(true);
        v.turn_page(true);
        assert_eq!(v.page, 2);
    }

    #[test]
    fn headings_open_close_and_reveal() {
        let mut v = View::default();
        v.toggle(&[1]);
        assert!(v.expanded.contains(&vec![1]));
        v.toggle(&[1]);
        assert!(!v.expanded.contains(&vec![1]));
        assert!(v.reveal(&[2, 0, 1]));
        assert!(v.expanded.contains(&vec![2]) && v.expanded.contains(&vec![2, 0]));
        assert_eq!(v.tree_focus, vec![2, 0, 1]);
        assert!(!v.reveal(&[2, 0, 1]));
        let a = crate::analyze("一、总体\n（一）目标\n学位3000个。\n二、措施\n");
        v.expand_all(&a.outline, true);
        assert!(v.expanded.contains(&vec![0]));
        v.expand_all(&a.outline, false);
        assert!(v.expanded.is_empty());
    }

    #[test]
    fn the_selection_is_found_again_by_content() {
        let a = crate::analyze("一、目标\n新增学位3000个，培训教师不少于1200名。\n");
        let mut v = View::default();
        assert_eq!(v.selected_target(&a), None);
        let t = &a.targets[1];
        v.sel = Some(Sel::Target {
            text: t.text.clone(),
            start: t.span[0],
        });
        assert_eq!(v.selected_target(&a), Some(1));
        let n = &a.outline[0];
        v.sel = Some(Sel::Heading {
            marker: n.marker.clone(),
            title: n.title.clone(),
            start: n.title_span[0],
        });
        assert_eq!(v.selected_heading(&a), Some(vec![0]));
        assert_eq!(v.selected_target(&a), None);
    }
}
