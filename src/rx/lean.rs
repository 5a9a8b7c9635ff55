//! The page's regex engine: the regex crate's own engines (regex-automata's lazy DFA and PikeVM),
//! assembled here so that building a pattern costs what the page needs and nothing more.
//!
//! Why not `regex::Regex` in the page: the worker compiles every pattern of the pipeline before
//! its first result, and `regex::Regex::new` spends most of that time on work the page cannot
//! use. Natively, building the pipeline's patterns with the page's regex features:
//! - about half the time filled and freed a fresh 10,000-entry UTF-8 state cache, once per NFA compiled: the
//!   crate makes a new `thompson::Compiler` for every NFA, and a compiler fills its cache the
//!   first time it meets a non-ASCII class (every `\s` and every CJK class is one). A reused
//!   compiler only bumps the cache's version, so the two compilers here live as long as the
//!   thread and the fill happens twice per thread, not twice per pattern;
//! - a further share extracted literals for prefilters, which the page's regex build cannot construct
//!   (no `perf-literal`: 53 KB of gzip) and then drops.
//!
//! The same patterns build in well under half the time here, natively and in the page's wasm.
//! The search is the regex crate's `Core` strategy as the page's build
//! has it: the lazy DFA forwards for the end of a leftmost-first match, in reverse from there for
//! its start, and the PikeVM over the match alone for its groups; the PikeVM for the whole search
//! when the lazy DFA gives up (its cache cleared too often to pay off, the same heuristic the
//! regex crate uses). Matches are the regex crate's by construction, and the tests below check
//! them against it, pattern by pattern, on the test plans.
//!
//! The NFAs come from [`super::snapshot`] when the pattern is one of the pipeline's (all of them,
//! while its table is current). The page's first-load wasm, built with that table (feature
//! `rx-snapshot`), does not even link the parser and compilers below: ~30 KB of gzip its first
//! load has no room for (BENCHMARKS.md). A pattern missing from the table matches nothing there,
//! and is counted ([`patterns_compiled`]) so that the tests see it.
//!
//! Only the part of `regex::Regex`'s API the pipeline calls is here; natively [`super`] hands out
//! `regex::Regex` itself (the CLI keeps the crate's literal prefilters, which the page cannot
//! afford).

use regex_automata::{
    hybrid,
    nfa::thompson::{self, pikevm::PikeVM, NFA},
    util::{captures, iter::Searcher},
    Input, MatchKind, Span,
};
use std::sync::Mutex;

/// A pattern failed to parse or compile; the message is regex-automata's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Error(String);

impl std::fmt::Display for Error {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for Error {}

/// `regex::RegexBuilder`'s default NFA size limit.
#[cfg(not(all(target_arch = "wasm32", feature = "rx-snapshot")))]
const NFA_SIZE_LIMIT: usize = 10 << 20;

#[cfg(not(all(target_arch = "wasm32", feature = "rx-snapshot")))]
thread_local! {
    /// The forward compiler, reused for every pattern (see the module doc).
    static FORWARD: thompson::Compiler = compiler(thompson::Config::new());
    /// The reverse compiler: no groups, as the regex crate builds its reverse NFAs.
    static REVERSE: thompson::Compiler = compiler(
        thompson::Config::new()
            .reverse(true)
            .which_captures(thompson::WhichCaptures::None),
    );
}

/// The regex crate's settings for a `&str` regex: UTF-8 empty matches, no shrinking.
#[cfg(not(all(target_arch = "wasm32", feature = "rx-snapshot")))]
fn compiler(config: thompson::Config) -> thompson::Compiler {
    let mut c = thompson::Compiler::new();
    c.configure(
        config
            .utf8(true)
            .shrink(false)
            .nfa_size_limit(Some(NFA_SIZE_LIMIT)),
    );
    c
}

/// How many patterns [`Regex::new`] compiled (or, in a build without the compiler, left matching
/// nothing) because the snapshot table had no entry for them: 0 in the page while the table is
/// current (`tests/e2e/wasm-golden.test.mjs` checks it through
/// the page wasm's `patternsCompiled` export, which covers what only the wasm build compiles).
static FALLBACK_COMPILES: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(0);

/// See [`FALLBACK_COMPILES`].
#[cfg(any(test, feature = "web"))]
pub fn patterns_compiled() -> usize {
    FALLBACK_COMPILES.load(std::sync::atomic::Ordering::Relaxed)
}

/// Parses `pattern` and compiles its forward NFA (with groups) and reverse NFA (without), as the
/// regex crate does for a `&str` regex. What [`super::snapshot`] saves the page from.
#[cfg(not(all(target_arch = "wasm32", feature = "rx-snapshot")))]
pub fn compile_nfas(pattern: &str) -> Result<(NFA, NFA), Error> {
    let err = |e: &dyn std::fmt::Display| Error(e.to_string());
    let hir = regex_syntax::ParserBuilder::new()
        .utf8(true)
        .build()
        .parse(pattern)
        .map_err(|e| err(&e))?;
    let nfa = FORWARD.with(|c| c.build_from_hir(&hir).map_err(|e| err(&e)))?;
    let nfarev = REVERSE.with(|c| c.build_from_hir(&hir).map_err(|e| err(&e)))?;
    Ok((nfa, nfarev))
}

/// One search's mutable state: the lazy DFAs' transition caches and the PikeVM's.
struct Caches {
    dfa: hybrid::regex::Cache,
    vm: thompson::pikevm::Cache,
}

/// A compiled pattern. `Sync`, like `regex::Regex`: a search borrows a cache from the pool and
/// puts it back, so a search nested inside another's iteration gets a cache of its own.
pub struct Regex {
    dfa: hybrid::regex::Regex,
    vm: PikeVM,
    /// Boxed, so that lending one out moves a pointer, not ~1 KB of cache structs (the caches
    /// move out of the pool and back on every search).
    #[allow(clippy::vec_box)]
    pool: Mutex<Vec<Box<Caches>>>,
}

impl std::fmt::Debug for Regex {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("rx::Regex")
    }
}

impl Regex {
    /// Compiles `pattern` with the regex crate's defaults for a `&str` regex, and a lazy-DFA
    /// cache of up to `dfa_cache` bytes per direction. Its NFAs are rebuilt from the snapshot
    /// table if it has them (the same NFAs, without parsing or compiling), compiled otherwise.
    pub fn new(pattern: &str, dfa_cache: usize) -> Result<Regex, Error> {
        #[cfg(any(feature = "rx-snapshot", test))]
        let stored = super::snapshot::nfas(pattern);
        #[cfg(not(any(feature = "rx-snapshot", test)))]
        let stored = None;
        let (nfa, nfarev) = match stored {
            Some(nfas) => nfas,
            None => {
                FALLBACK_COMPILES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                #[cfg(not(all(target_arch = "wasm32", feature = "rx-snapshot")))]
                let nfas = compile_nfas(pattern)?;
                // no compiler linked (see the module doc): a stale table must not take the page
                // down, so the pattern finds nothing until the table is regenerated
                #[cfg(all(target_arch = "wasm32", feature = "rx-snapshot"))]
                let nfas = (NFA::never_match(), NFA::never_match());
                nfas
            }
        };
        Regex::from_nfas(nfa, nfarev, dfa_cache)
    }

    /// The engine over a forward NFA (with groups) and its reverse NFA, however they were made.
    pub(super) fn from_nfas(nfa: NFA, nfarev: NFA, dfa_cache: usize) -> Result<Regex, Error> {
        let err = |e: &dyn std::fmt::Display| Error(e.to_string());
        // The regex crate's lazy-DFA settings (meta::wrappers::HybridEngine), without a prefilter.
        let config = hybrid::dfa::Config::new()
            .starts_for_each_pattern(true)
            .unicode_word_boundary(true)
            .specialize_start_states(false)
            .cache_capacity(dfa_cache)
            .minimum_cache_clear_count(Some(3))
            .minimum_bytes_per_state(Some(10));
        let fwd = hybrid::dfa::Builder::new()
            .configure(config.clone())
            .build_from_nfa(nfa.clone())
            .map_err(|e| err(&e))?;
        let rev = hybrid::dfa::Builder::new()
            .configure(config.match_kind(MatchKind::All))
            .build_from_nfa(nfarev)
            .map_err(|e| err(&e))?;
        let dfa = hybrid::regex::Builder::new().build_from_dfas(fwd, rev);
        let vm = PikeVM::builder().build_from_nfa(nfa).map_err(|e| err(&e))?;
        Ok(Regex {
            dfa,
            vm,
            pool: Mutex::new(Vec::new()),
        })
    }

    /// Runs `f` with a cache from the pool (a new one if none is free).
    fn with_caches<T>(&self, f: impl FnOnce(&mut Caches) -> T) -> T {
        let taken = self.pool.lock().ok().and_then(|mut p| p.pop());
        let mut caches = taken.unwrap_or_else(|| {
            Box::new(Caches {
                dfa: self.dfa.create_cache(),
                vm: self.vm.create_cache(),
            })
        });
        let out = f(&mut caches);
        if let Ok(mut p) = self.pool.lock() {
            p.push(caches);
        }
        out
    }

    /// The leftmost-first match in `input`: the lazy DFA, or the PikeVM if it gave up.
    fn search(&self, caches: &mut Caches, input: &Input<'_>) -> Option<Span> {
        match self.dfa.try_search(&mut caches.dfa, input) {
            Ok(m) => m.map(|m| m.span()),
            Err(_) => self
                .vm
                .find(&mut caches.vm, input.clone())
                .map(|m| m.span()),
        }
    }

    /// The groups of the leftmost-first match in `input`: its bounds first (lazy DFA), then the
    /// PikeVM over those bounds alone (anchored; look-around still sees the whole haystack).
    fn search_groups(&self, caches: &mut Caches, input: &Input<'_>, caps: &mut captures::Captures) {
        caps.set_pattern(None);
        let span = match self.dfa.try_search(&mut caches.dfa, input) {
            Ok(Some(m)) => m.span(),
            Ok(None) => return,
            Err(_) => return self.vm.search(&mut caches.vm, input, caps),
        };
        let within = input
            .clone()
            .span(span)
            .anchored(regex_automata::Anchored::Yes);
        self.vm.search(&mut caches.vm, &within, caps);
    }

    /// Whether `hay` holds a match: the forward lazy DFA alone, stopping at the first match
    /// state, as the regex crate does (the PikeVM if the DFA gives up) — unless the pattern can
    /// match empty, where a match that splits a char must be skipped and the full search decides.
    pub fn is_match(&self, hay: &str) -> bool {
        let input = Input::new(hay).earliest(true);
        self.with_caches(|c| {
            if self.vm.get_nfa().has_empty() {
                return self.search(c, &input).is_some();
            }
            let (fwd, _) = c.dfa.as_parts_mut();
            match self.dfa.forward().try_search_fwd(fwd, &input) {
                Ok(m) => m.is_some(),
                Err(_) => self.vm.is_match(&mut c.vm, input.clone()),
            }
        })
    }

    pub fn find<'h>(&self, hay: &'h str) -> Option<Match<'h>> {
        self.find_at(hay, 0)
    }

    /// The first match at or after byte `start`; look-behind still sees `hay[..start]`.
    pub fn find_at<'h>(&self, hay: &'h str, start: usize) -> Option<Match<'h>> {
        let input = Input::new(hay).range(start..);
        self.with_caches(|c| self.search(c, &input))
            .map(|s| Match::new(hay, s))
    }

    pub fn find_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Match<'h>> + 'r
    where
        'h: 'r,
    {
        let mut it = Searcher::new(Input::new(hay));
        std::iter::from_fn(move || {
            self.with_caches(|c| {
                it.advance(|input| {
                    Ok(self
                        .search(c, input)
                        .map(|s| regex_automata::Match::new(regex_automata::PatternID::ZERO, s)))
                })
            })
            .map(|m| Match::new(hay, m.span()))
        })
    }

    pub fn captures<'h>(&self, hay: &'h str) -> Option<Captures<'h>> {
        let mut caps = self.vm.create_captures();
        let input = Input::new(hay);
        self.with_caches(|c| self.search_groups(c, &input, &mut caps));
        caps.is_match().then_some(Captures { hay, caps })
    }

    pub fn captures_iter<'r, 'h>(&'r self, hay: &'h str) -> impl Iterator<Item = Captures<'h>> + 'r
    where
        'h: 'r,
    {
        let mut it = Searcher::new(Input::new(hay));
        let mut caps = self.vm.create_captures();
        std::iter::from_fn(move || {
            self.with_caches(|c| {
                it.advance(|input| {
                    self.search_groups(c, input, &mut caps);
                    Ok(caps.get_match())
                })
            })?;
            Some(Captures {
                hay,
                caps: caps.clone(),
            })
        })
    }

    /// The groups' names in index order (`None` for an unnamed group, group 0 first). Only the
    /// tests that hold this engine against the regex crate read them.
    #[cfg(test)]
    pub fn capture_names(&self) -> impl Iterator<Item = Option<&str>> + '_ {
        self.vm
            .get_nfa()
            .group_info()
            .pattern_names(regex_automata::PatternID::ZERO)
    }
}

/// A match: `hay[start..end]`, like `regex::Match`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Match<'h> {
    hay: &'h str,
    start: usize,
    end: usize,
}

impl<'h> Match<'h> {
    fn new(hay: &'h str, span: Span) -> Match<'h> {
        Match {
            hay,
            start: span.start,
            end: span.end,
        }
    }
    pub fn start(&self) -> usize {
        self.start
    }
    pub fn end(&self) -> usize {
        self.end
    }
    pub fn range(&self) -> std::ops::Range<usize> {
        self.start..self.end
    }
    pub fn as_str(&self) -> &'h str {
        &self.hay[self.start..self.end]
    }
}

/// The groups of one match, like `regex::Captures`.
#[derive(Clone, Debug)]
pub struct Captures<'h> {
    hay: &'h str,
    caps: captures::Captures,
}

impl<'h> Captures<'h> {
    pub fn get(&self, i: usize) -> Option<Match<'h>> {
        self.caps.get_group(i).map(|s| Match::new(self.hay, s))
    }
    pub fn name(&self, name: &str) -> Option<Match<'h>> {
        self.caps
            .get_group_by_name(name)
            .map(|s| Match::new(self.hay, s))
    }
    /// The number of groups, group 0 included (never 0: `regex::Captures` has no `is_empty`
    /// either). Only the tests that hold this engine against the regex crate count them.
    #[cfg(test)]
    #[allow(clippy::len_without_is_empty)]
    pub fn len(&self) -> usize {
        self.caps.group_len()
    }
}

impl<'h> std::ops::Index<usize> for Captures<'h> {
    type Output = str;
    /// Like `regex::Captures`: panics if group `i` did not take part in the match.
    fn index(&self, i: usize) -> &str {
        self.get(i)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group at index '{i}'"))
    }
}

impl<'h, 'n> std::ops::Index<&'n str> for Captures<'h> {
    type Output = str;
    /// Like `regex::Captures`: panics if the group did not take part in the match.
    fn index<'a>(&'a self, name: &'n str) -> &'a str {
        self.name(name)
            .map(|m| m.as_str())
            .unwrap_or_else(|| panic!("no group named '{name}'"))
    }
}

#[cfg(test)]
pub(super) mod tests {
    use super::Regex;

    /// The ranges of every group of a match of either engine (their `Captures` are two types).
    macro_rules! groups {
        ($c:expr) => {
            $c.map(|c| {
                (0..c.len())
                    .map(|i| c.get(i).map(|m| m.range()))
                    .collect::<Vec<_>>()
            })
        };
    }

    /// What the page uses for a pattern its table lacks when it has no compiler: every search
    /// finds nothing and nothing panics (groups included).
    #[test]
    fn a_pattern_that_matches_nothing_searches_safely() {
        let re = Regex::from_nfas(
            super::NFA::never_match(),
            super::NFA::never_match(),
            1 << 20,
        )
        .unwrap();
        for hay in ["", "到2025年，新建幼儿园120所。", "a"] {
            assert!(!re.is_match(hay));
            assert!(re.find(hay).is_none() && re.find_at(hay, 0).is_none());
            assert_eq!(re.find_iter(hay).count() + re.captures_iter(hay).count(), 0);
            assert!(re.captures(hay).is_none());
        }
        assert_eq!(re.capture_names().count(), 0);
    }

    /// The test plans: the seeds, the development sets (synthetic and real) and the synthetic
    /// texts; the snapshot table holds every pattern they and the warm-up reach.
    pub(in crate::rx) fn plans() -> Vec<String> {
        let root = concat!(env!("CARGO_MANIFEST_DIR"), "/tests");
        let mut out = Vec::new();
        for dir in ["fixtures", "devset", "synthetic", "devcorpus/docs"] {
            let mut paths: Vec<_> = std::fs::read_dir(format!("{root}/{dir}"))
                .unwrap()
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.extension().is_some_and(|x| x == "txt"))
                .collect();
            paths.sort();
            out.extend(paths.iter().map(|p| std::fs::read_to_string(p).unwrap()));
        }
        assert!(out.len() >= 20, "test plans missing: {}", out.len());
        out
    }

    /// Every group's range of every match, leftmost first.
    fn groups_lean(re: &Regex, hay: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        re.captures_iter(hay)
            .map(|c| (0..c.len()).map(|i| c.get(i).map(|m| m.range())).collect())
            .collect()
    }

    fn groups_regex(re: &regex::Regex, hay: &str) -> Vec<Vec<Option<std::ops::Range<usize>>>> {
        re.captures_iter(hay)
            .map(|c| (0..c.len()).map(|i| c.get(i).map(|m| m.range())).collect())
            .collect()
    }

    /// One haystack, every call the pipeline makes, both engines.
    fn agree(p: &str, lean: &Regex, re: &regex::Regex, hay: &str) {
        let a: Vec<_> = lean.find_iter(hay).map(|m| m.range()).collect();
        let b: Vec<_> = re.find_iter(hay).map(|m| m.range()).collect();
        assert_eq!(a, b, "find_iter of {p:?} on {hay:?}");
        assert_eq!(lean.is_match(hay), re.is_match(hay), "is_match of {p:?}");
        assert_eq!(
            groups_lean(lean, hay),
            groups_regex(re, hay),
            "captures_iter of {p:?} on {hay:?}"
        );
        assert_eq!(
            groups!(lean.captures(hay)),
            groups!(re.captures(hay)),
            "captures of {p:?}"
        );
        // find_at from a few char boundaries: look-behind must still see what precedes
        for at in hay.char_indices().map(|(i, _)| i).step_by(97).take(8) {
            assert_eq!(
                lean.find_at(hay, at).map(|m| m.range()),
                re.find_at(hay, at).map(|m| m.range()),
                "find_at({at}) of {p:?}"
            );
        }
    }

    /// The page's engine finds what the regex crate finds, for every pattern the pipeline
    /// compiles, on every test plan whole and line by line (most patterns are anchored and run
    /// on lines): match bounds, groups, `is_match` and `find_at`.
    #[test]
    fn matches_are_the_regex_crates_on_every_pipeline_pattern() {
        let plans = plans();
        crate::warm_up();
        for p in &plans {
            let _ = crate::analyze(p);
        }
        let mut patterns = super::super::COMPILED.lock().unwrap().clone();
        patterns.sort();
        patterns.dedup();
        assert!(
            patterns.len() >= 60,
            "only {} patterns seen",
            patterns.len()
        );
        for p in &patterns {
            let lean = Regex::new(p, 16 << 20).unwrap();
            let re = regex::Regex::new(p).unwrap();
            assert_eq!(
                lean.capture_names().collect::<Vec<_>>(),
                re.capture_names().collect::<Vec<_>>()
            );
            for plan in &plans {
                agree(p, &lean, &re, plan);
                for line in plan.lines() {
                    agree(p, &lean, &re, line);
                }
            }
        }
    }

    /// Empty matches follow the regex crate's rules: never inside a char, one per position,
    /// none right after a non-empty match.
    #[test]
    fn empty_matches_are_the_regex_crates() {
        for p in [
            "",
            "x*",
            "(?:一|)",
            "(?-u:\\b)",
            "(?m)^",
            "(?m)$",
            "a*?",
            "(?P<n>年)?",
        ] {
            let lean = Regex::new(p, 1 << 20).unwrap();
            let re = regex::Regex::new(p).unwrap();
            for hay in ["", "年", "x年xx", "一二\n三", "aaa"] {
                agree(p, &lean, &re, hay);
            }
        }
    }

    #[test]
    fn a_bad_pattern_is_an_error_not_a_panic() {
        assert!(Regex::new("(", 1 << 20).is_err());
        assert!(Regex::new("[z-a]", 1 << 20).is_err());
        assert!(!Regex::new("(", 1 << 20).unwrap_err().to_string().is_empty());
    }

    /// A search inside another search's iteration of the same pattern gets its own cache.
    #[test]
    fn nested_searches_share_nothing() {
        let re = Regex::new("[0-9]+", 1 << 20).unwrap();
        let hay = "1年2月33日";
        let pairs: Vec<_> = re
            .find_iter(hay)
            .map(|m| (m.as_str(), re.find_iter(hay).count()))
            .collect();
        assert_eq!(pairs, [("1", 3), ("2", 3), ("33", 3)]);
    }

    #[test]
    fn captures_index_by_name_and_number() {
        let re = Regex::new("(?P<y>[0-9]{4})年(?P<m>[0-9]+)?", 1 << 20).unwrap();
        let c = re.captures("到2025年底").unwrap();
        assert_eq!((&c[0], &c["y"], &c[1]), ("2025年", "2025", "2025"));
        assert!(c.name("m").is_none() && c.get(2).is_none() && c.len() == 3);
        assert_eq!(c.get(0).unwrap().start(), "到".len());
    }
}
