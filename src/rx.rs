//! One constructor for every pattern of the pipeline, so all of them get the same engine settings.
//!
//! Why this exists: several rule tables are compiled into one alternation (the trap patterns of
//! [`crate::traps`], the cue table of the targets stage, the heading markers), and the lazy DFA of
//! such an alternation needs more states on a real plan than the regex crate's default cache
//! (2 MiB) holds. The cache is then cleared again and again and the search drops to a few tens of
//! MB/s: the trap alternation over the seeds × 28 (1.33 M chars) took 68 ms with the default and
//! 8 ms with a 4 MiB cache or more (`examples`-style probe, 2026-12-01). The cache grows only as far
//! as a search needs, so a higher ceiling costs memory only for the patterns that use it.

//!
//! It also writes the Unicode classes `\s \S \d \D` out as explicit sets before compiling, so
//! the regex crate is built without its `unicode-perl` tables: that keeps its Perl-class and
//! property-name tables (and the code that reads them) out of the page's wasm, 14 KB of gzip
//! (tools/bench/wasm_size.sh, 2026-12-01). The sets are exactly Unicode's `White_Space` and
//! `Nd`, so every pattern matches what it matched before (checked against the regex crate's own
//! classes in the tests below). `\w` and `\b` are not available: write `(?-u:\b)` for an ASCII
//! word boundary (`tests/regex_features.rs` rejects the rest).

use regex::{Regex, RegexBuilder};
use std::borrow::Cow;

/// Unicode `White_Space`, the set `\s` stands for.
const SPACE: &str =
    r"\t-\r \u{85}\u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}";

/// Unicode `Nd` (decimal digits of every script; Unicode 16), the set `\d` stands for.
const DIGIT: &str = r"0-9\u{660}-\u{669}\u{6F0}-\u{6F9}\u{7C0}-\u{7C9}\u{966}-\u{96F}\u{9E6}-\u{9EF}\u{A66}-\u{A6F}\u{AE6}-\u{AEF}\u{B66}-\u{B6F}\u{BE6}-\u{BEF}\u{C66}-\u{C6F}\u{CE6}-\u{CEF}\u{D66}-\u{D6F}\u{DE6}-\u{DEF}\u{E50}-\u{E59}\u{ED0}-\u{ED9}\u{F20}-\u{F29}\u{1040}-\u{1049}\u{1090}-\u{1099}\u{17E0}-\u{17E9}\u{1810}-\u{1819}\u{1946}-\u{194F}\u{19D0}-\u{19D9}\u{1A80}-\u{1A89}\u{1A90}-\u{1A99}\u{1B50}-\u{1B59}\u{1BB0}-\u{1BB9}\u{1C40}-\u{1C49}\u{1C50}-\u{1C59}\u{A620}-\u{A629}\u{A8D0}-\u{A8D9}\u{A900}-\u{A909}\u{A9D0}-\u{A9D9}\u{A9F0}-\u{A9F9}\u{AA50}-\u{AA59}\u{ABF0}-\u{ABF9}\u{FF10}-\u{FF19}\u{104A0}-\u{104A9}\u{10D30}-\u{10D39}\u{10D40}-\u{10D49}\u{11066}-\u{1106F}\u{110F0}-\u{110F9}\u{11136}-\u{1113F}\u{111D0}-\u{111D9}\u{112F0}-\u{112F9}\u{11450}-\u{11459}\u{114D0}-\u{114D9}\u{11650}-\u{11659}\u{116C0}-\u{116C9}\u{116D0}-\u{116E3}\u{11730}-\u{11739}\u{118E0}-\u{118E9}\u{11950}-\u{11959}\u{11BF0}-\u{11BF9}\u{11C50}-\u{11C59}\u{11D50}-\u{11D59}\u{11DA0}-\u{11DA9}\u{11F50}-\u{11F59}\u{16130}-\u{16139}\u{16A60}-\u{16A69}\u{16AC0}-\u{16AC9}\u{16B50}-\u{16B59}\u{16D70}-\u{16D79}\u{1CCF0}-\u{1CCF9}\u{1D7CE}-\u{1D7FF}\u{1E140}-\u{1E149}\u{1E2F0}-\u{1E2F9}\u{1E4F0}-\u{1E4F9}\u{1E5F1}-\u{1E5FA}\u{1E950}-\u{1E959}\u{1FBF0}-\u{1FBF9}";

/// `pattern` with `\s \S \d \D` replaced by bracketed sets (nested inside a class, which the
/// regex syntax allows: `[\s,]` becomes `[[…],]`). An escaped backslash stays as it was.
fn expand_perl_classes(pattern: &str) -> Cow<'_, str> {
    if !pattern.contains('\\') {
        return Cow::Borrowed(pattern);
    }
    let mut out = String::with_capacity(pattern.len() + 64);
    let mut chars = pattern.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        let (neg, set) = match chars.next() {
            Some('s') => ("", SPACE),
            Some('S') => ("^", SPACE),
            Some('d') => ("", DIGIT),
            Some('D') => ("^", DIGIT),
            Some(e) => {
                out.push('\\');
                out.push(e);
                continue;
            }
            None => {
                out.push('\\');
                continue;
            }
        };
        out.push('[');
        out.push_str(neg);
        out.push_str(set);
        out.push(']');
    }
    Cow::Owned(out)
}

/// Ceiling of one pattern's lazy-DFA cache (per thread that uses it).
const DFA_CACHE: usize = 16 << 20;

/// Compile `pattern` with the pipeline's settings. Every pattern is a constant of this crate,
/// checked by its module's tests, so callers `expect` the result.
pub fn new(pattern: &str) -> Result<Regex, regex::Error> {
    RegexBuilder::new(&expand_perl_classes(pattern))
        .dfa_size_limit(DFA_CACHE)
        .build()
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    #[test]
    fn compiles_like_regex_new() {
        let re = super::new(r"[一二三]{1,3}、").unwrap();
        assert_eq!(re.find("二、目标").map(|m| m.as_str()), Some("二、"));
        assert!(super::new("(").is_err());
    }

    /// The written-out sets are exactly the regex crate's Unicode classes (compiled here, where
    /// the tests switch its Unicode tables on), for every char.
    #[test]
    fn written_out_classes_are_the_unicode_classes() {
        for (ours, theirs) in [
            (r"^\s$", r"^\s$"),
            (r"^\S$", r"^\S$"),
            (r"^\d$", r"^\d$"),
            (r"^\D$", r"^\D$"),
            (r"^[\s,]$", r"^[\s,]$"),
            (r"^[^\d.]$", r"^[^\d.]$"),
        ] {
            let a = super::new(ours).unwrap();
            let b = Regex::new(theirs).unwrap();
            for c in (0..=0x10FFFFu32).filter_map(char::from_u32) {
                let s = c.to_string();
                assert_eq!(
                    a.is_match(&s),
                    b.is_match(&s),
                    "{theirs} on U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn only_perl_class_escapes_are_rewritten() {
        assert_eq!(super::expand_perl_classes(r"a\\d\.b"), r"a\\d\.b");
        assert_eq!(super::expand_perl_classes("年内"), "年内");
        assert!(super::expand_perl_classes(r"\s*").starts_with(r"[\t-\r "));
    }
}
