//! Analyses kept for the page's corpus panel, so that each document is analysed once: the panel
//! asks for a document's analysis when it is added (its list and grid are read from it), and the
//! matrix, every change of the reference and every removal line up those same analyses again
//! instead of analysing every text anew.
//!
//! Keyed by name and checked against the text: a file dropped again under the same name with
//! other text is analysed afresh. [`Cache::keep`] forgets the documents the panel no longer has,
//! so the cache holds at most what the panel shows.

use crate::model::Analysis;

#[derive(Default)]
pub struct Cache {
    entries: Vec<(String, String, Analysis)>,
}

impl Cache {
    /// The analysis of `text` under `name`: the kept one when the text is the same, else a new
    /// one (kept in place of any older one of that name).
    pub fn analysis(&mut self, name: &str, text: &str) -> &Analysis {
        let at = self.entries.iter().position(|(n, _, _)| n == name);
        let i = match at {
            Some(i) if self.entries[i].1 == text => i,
            Some(i) => {
                self.entries[i] = (name.into(), text.into(), crate::analyze(text));
                i
            }
            None => {
                self.entries
                    .push((name.into(), text.into(), crate::analyze(text)));
                self.entries.len() - 1
            }
        };
        &self.entries[i].2
    }

    /// The kept analysis of `text` under `name`, if any.
    pub fn get(&self, name: &str, text: &str) -> Option<&Analysis> {
        self.entries
            .iter()
            .find(|(n, t, _)| n == name && t == text)
            .map(|(_, _, a)| a)
    }

    /// Forgets every document not named in `names`.
    pub fn keep(&mut self, names: &[String]) {
        self.entries
            .retain(|(n, _, _)| names.iter().any(|k| k == n));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const A: &str = "一、目标\n到2025年，新建幼儿园120所。";
    const B: &str = "一、目标\n到2025年，新建幼儿园100所。";

    #[test]
    fn one_name_one_analysis_until_its_text_changes() {
        let mut c = Cache::default();
        let first = c.analysis("a.txt", A).targets.len();
        assert_eq!(first, 1);
        c.analysis("a.txt", A);
        assert_eq!(c.len(), 1);
        let again = c.analysis("a.txt", B);
        assert_eq!(again.targets[0].value, Some(100.0));
        assert_eq!(c.len(), 1);
    }

    #[test]
    fn documents_no_longer_named_are_forgotten() {
        let mut c = Cache::default();
        c.analysis("a.txt", A);
        c.analysis("b.txt", B);
        c.keep(&["b.txt".to_string()]);
        assert_eq!(c.len(), 1);
        c.keep(&[]);
        assert!(c.is_empty());
    }
}
