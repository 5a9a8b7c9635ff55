//! One constructor for every pattern of the pipeline, so all of them get the same engine settings.
//!
//! Why this exists: several rule tables are compiled into one alternation (the trap patterns of
//! [`crate::traps`], the cue table of the targets stage, the heading markers), and the lazy DFA of
//! such an alternation needs more states on a real plan than the regex crate's default cache
//! (2 MiB) holds. The cache is then cleared again and again and the search drops to a few tens of
//! MB/s: the trap alternation over the seeds × 28 (1.33 M chars) took 68 ms with the default and
//! 8 ms with a 4 MiB cache or more (`examples`-style probe, 2026-12-01). The cache grows only as far
//! as a search needs, so a higher ceiling costs memory only for the patterns that use it.

use regex::{Regex, RegexBuilder};

/// Ceiling of one pattern's lazy-DFA cache (per thread that uses it).
const DFA_CACHE: usize = 16 << 20;

/// Compile `pattern` with the pipeline's settings. Every pattern is a constant of this crate,
/// checked by its module's tests, so callers `expect` the result.
pub fn new(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(pattern).dfa_size_limit(DFA_CACHE).build()
}

#[cfg(test)]
mod tests {
    #[test]
    fn compiles_like_regex_new() {
        let re = super::new(r"[一二三]{1,3}、").unwrap();
        assert_eq!(re.find("二、目标").map(|m| m.as_str()), Some("二、"));
        assert!(super::new("(").is_err());
    }
}
