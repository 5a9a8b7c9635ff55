//! One constructor for every pattern of the pipeline, so all of them get the same engine settings.
//!
//! Why this exists: several rule tables are compiled into one alternation (the trap patterns of
//! [`crate::targets::traps`], the cue table of the targets stage, the heading markers), and the lazy DFA of
//! such an alternation needs more states on a real plan than the regex crate's default cache
//! (2 MiB) holds. The cache is then cleared again and again and the search drops to a few tens of
//! MB/s, several times slower than with a 4 MiB cache or more. The cache grows only as far
//! as a search needs, so a higher ceiling costs memory only for the patterns that use it.

//!
//! It also writes the classes `\s \S \d \D` out as explicit sets before compiling, so the
//! regex parser (regex-syntax) is built without its `unicode-perl` tables: that keeps its
//! Perl-class and property-name tables (and the code that reads them) out of the page's wasm
//! (tools/bench/wasm_size.sh measures it). `\s` is exactly Unicode's
//! `White_Space` (checked against the regex crate's own class in the tests below). `\d` is the ASCII digits `0-9`, not
//! Unicode's `Nd`: cleaning has folded full-width digits to ASCII before any pattern runs
//! ([`crate::text::fold_char`]), and a digit of another script is nothing the numeral reader can
//! read ([`crate::text::numerals`]), so a pattern that matched one would only produce a number that
//! fails to parse. It is also cheaper: every `\d{1,2}` of the Nd set was a UTF-8 automaton of
//! ~70 ranges, and compiling the pipeline's patterns in the page's wasm took a third longer —
//! the worker pays that before its first result. `\w` and `\b`
//! are not available: write `(?-u:\b)` for an ASCII word boundary (`tests/regex_features.rs`
//! rejects the rest).
//!
//! Which engine compiles a pattern depends on the target: natively the regex crate with all its
//! search strategies (the CLI's speed), in the page the same engines assembled by
//! `src/rx/lean.rs` without the build-time work the page cannot use (the worker's start-up).
//! Callers see one `Regex` type either way.

use std::borrow::Cow;

// natively only its tests use it (against the regex crate)
#[cfg(any(target_arch = "wasm32", test))]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod lean;
// the page's patterns compiled ahead of time (natively, too, only for lean's tests); in the page
// only with the `rx-snapshot` feature (the first-load wasm's, through `web`: Cargo.toml)
#[cfg(any(all(target_arch = "wasm32", feature = "rx-snapshot"), test))]
#[cfg_attr(not(target_arch = "wasm32"), allow(dead_code))]
mod snapshot;

// Natively the regex crate itself, with its literal prefilters (the CLI's speed); in the page,
// the same engines without the build-time work the page cannot use ([`lean`]).
#[cfg(all(target_arch = "wasm32", feature = "web"))]
pub use lean::patterns_compiled;
#[cfg(target_arch = "wasm32")]
pub use lean::{Captures, Error, Match, Regex};
#[cfg(not(target_arch = "wasm32"))]
pub use regex::{Captures, Error, Match, Regex};

/// Unicode `White_Space`, the set `\s` stands for. The chars themselves, not regex escapes
/// (`r"\u{3000}"`): every `\s` of every pattern becomes this set, and the regex parser reads an
/// escape through a slow path, a visible share of the work of compiling all the pipeline's
/// patterns. Literal white
/// space in a class means itself unless the `x` flag is on, which `tests/regex_features.rs`
/// forbids.
const SPACE: &str =
    "\t-\r \u{85}\u{A0}\u{1680}\u{2000}-\u{200A}\u{2028}\u{2029}\u{202F}\u{205F}\u{3000}";

/// The set `\d` stands for: ASCII digits (see the module doc for why not Unicode `Nd`).
const DIGIT: &str = "0-9";

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

/// Every pattern [`new`] was given in this test process, as compiled: [`lean`]'s tests check
/// that engine against the regex crate on each of them.
#[cfg(test)]
static COMPILED: std::sync::Mutex<Vec<String>> = std::sync::Mutex::new(Vec::new());

/// Ceiling of one pattern's lazy-DFA cache (per thread that uses it).
const DFA_CACHE: usize = 16 << 20;

/// Compile `pattern` with the pipeline's settings. Every pattern is a constant of this crate,
/// checked by its module's tests, so callers `expect` the result.
pub fn new(pattern: &str) -> Result<Regex, Error> {
    #[cfg(test)]
    if let (Ok(mut seen), Ok(_)) = (
        COMPILED.lock(),
        regex::Regex::new(&expand_perl_classes(pattern)),
    ) {
        seen.push(expand_perl_classes(pattern).into_owned());
    }
    #[cfg(target_arch = "wasm32")]
    return lean::Regex::new(&expand_perl_classes(pattern), DFA_CACHE);
    #[cfg(not(target_arch = "wasm32"))]
    return regex::RegexBuilder::new(&expand_perl_classes(pattern))
        .dfa_size_limit(DFA_CACHE)
        .build();
}

/// Is `s` at most `max` chars long? The check that stands in for the upper bound of a bounded
/// repetition (`[^》]{2,120}` written `[^》]{2,}` and checked on the match): the compiler builds
/// one copy of the repeated class per count, so the pipeline's such bounds were a large share of
/// the work of compiling all its patterns, a cost the page's worker pays before its first result. Stops reading after `max + 1` chars.
pub fn within(s: &str, max: usize) -> bool {
    s.len() <= max || s.chars().nth(max).is_none()
}

/// The matches of `re` in `hay` that `keep` accepts, leftmost first: [`Regex::find_iter`] for a
/// pattern whose length limits are checked on the match (see [`within`]). After a rejected match
/// the search goes on from the char after its start, where the bounded pattern would have looked
/// next, so a match inside a rejected one is still found. (An empty match is kept or skipped like
/// any other; the patterns this serves match at least one char.)
pub fn find_iter_where<'h, F>(
    re: &'h Regex,
    hay: &'h str,
    mut keep: F,
) -> impl Iterator<Item = Match<'h>> + 'h
where
    F: FnMut(&Match<'h>) -> bool + 'h,
{
    let mut at = 0;
    std::iter::from_fn(move || loop {
        let m = re.find_at(hay, at)?;
        let kept = keep(&m);
        at = if kept && m.end() > m.start() {
            m.end()
        } else {
            // one char on from the start (a match starts on a char boundary)
            m.start() + hay[m.start()..].chars().next().map_or(1, char::len_utf8)
        };
        if kept {
            return Some(m);
        }
        if at > hay.len() {
            return None;
        }
    })
}

#[cfg(test)]
mod tests {
    use regex::Regex;

    #[test]
    fn within_counts_chars() {
        assert!(super::within("", 0));
        assert!(super::within("一二三", 3));
        assert!(!super::within("一二三", 2));
        assert!(super::within("abc", 3) && !super::within("abcd", 3));
    }

    /// A rejected match does not hide the matches that start inside it: the answer is the
    /// bounded pattern's.
    #[test]
    fn find_iter_where_is_the_bounded_pattern() {
        let bounded = super::new(r"“[^”]{0,3}”|一二").unwrap();
        let open = super::new(r"“[^”]*”|一二").unwrap();
        for hay in [
            "“一二三四”",
            "“一二”x“长长长长”一二",
            "一二“一”",
            "",
            "“未完",
        ] {
            let a: Vec<_> = bounded.find_iter(hay).map(|m| m.range()).collect();
            let b: Vec<_> = super::find_iter_where(&open, hay, |m| {
                !m.as_str().starts_with('“') || super::within(m.as_str(), 5)
            })
            .map(|m| m.range())
            .collect();
            assert_eq!(a, b, "{hay}");
        }
    }

    #[test]
    fn compiles_like_regex_new() {
        let re = super::new(r"[一二三]{1,3}、").unwrap();
        assert_eq!(re.find("二、目标").map(|m| m.as_str()), Some("二、"));
        assert!(super::new("(").is_err());
    }

    /// The written-out sets are exactly the regex crate's classes (compiled here, where the
    /// tests switch its Unicode tables on) — `\s` the Unicode one, `\d` the ASCII one — for
    /// every char.
    #[test]
    fn written_out_classes_are_the_regex_classes() {
        for (ours, theirs) in [
            (r"^\s$", r"^\s$"),
            (r"^\S$", r"^\S$"),
            (r"^\d$", r"^(?-u:\d)$"),
            (r"^\D$", r"^[^0-9]$"),
            (r"^[\s,]$", r"^[\s,]$"),
            (r"^[^\d.]$", r"^[^0-9.]$"),
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
        assert!(super::expand_perl_classes(r"\s*").starts_with("[\t-\r "));
    }

    /// Full-width digits are folded before any pattern runs; those of other scripts are no
    /// digits to the pipeline.
    #[test]
    fn digits_are_ascii() {
        let re = super::new(r"^\d+$").unwrap();
        assert!(re.is_match("2025"));
        assert!(!re.is_match("２０２５"));
        assert!(!re.is_match("٢٠٢٥"));
    }
}
