//! The regex crate is built with none of its Unicode tables (Cargo.toml; src/rx.rs writes
//! `\s \S \d \D` out as sets), which keeps ~95 KB of gzip out of the page's wasm. A pattern
//! that needs another table (`\p{L}`, `\pN`, `\p{Alphabetic}`, …) compiles in tests — proptest,
//! a dev-dependency, switches every table on — but fails in the CLI and in the browser. So this
//! test reads the sources and rejects any Unicode class that is not a script.

use std::path::Path;

/// Scripts a plan-reading pattern may name. Empty: the build has no `unicode-script` table
/// either (CJK is written as explicit ranges, `\u{4E00}-\u{9FFF}` …), which saves ~6 KB gzip of wasm.
const SCRIPTS: &[&str] = &[];

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for e in entries.flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

/// Every code line of `src/` (comment lines skipped) as `(file:line, line)`, for the scans below.
fn code_lines() -> Vec<(String, String)> {
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    assert!(!files.is_empty(), "no sources found");
    let mut out = Vec::new();
    for f in &files {
        let text = std::fs::read_to_string(f).unwrap_or_default();
        for (n, line) in text.lines().enumerate() {
            if !line.trim_start().starts_with("//") {
                out.push((format!("{}:{}", f.display(), n + 1), line.to_string()));
            }
        }
    }
    out
}

/// The `file:line` of every code line `bad` holds for (the offenders a scan below reports).
fn lines_where(bad: impl Fn(&str, &str) -> bool) -> Vec<String> {
    code_lines()
        .into_iter()
        .filter(|(at, line)| bad(at, line))
        .map(|(at, _)| at)
        .collect()
}

/// Unicode classes (`\p{..}`, `\P{..}`, `\pX`) in one line of source, as written.
fn classes(line: &str) -> Vec<String> {
    let b: Vec<char> = line.chars().collect();
    let mut found = Vec::new();
    let mut i = 0;
    while i + 2 < b.len() {
        if b[i] == '\\' && (b[i + 1] == 'p' || b[i + 1] == 'P') && (i == 0 || b[i - 1] != '\\') {
            if b[i + 2] == '{' {
                let name: String = b[i + 3..].iter().take_while(|&&c| c != '}').collect();
                found.push(name);
            } else if b[i + 2].is_ascii_uppercase() {
                found.push(b[i + 2].to_string());
            }
        }
        i += 1;
    }
    found
}

fn allowed(class: &str) -> bool {
    let name = class
        .trim()
        .trim_start_matches('^')
        .rsplit(['=', ':'])
        .next()
        .unwrap_or("")
        .trim();
    SCRIPTS.iter().any(|s| s.eq_ignore_ascii_case(name))
}

#[test]
fn patterns_use_only_the_compiled_unicode_tables() {
    let bad: Vec<String> = code_lines()
        .into_iter()
        .flat_map(|(at, line)| {
            classes(&line)
                .into_iter()
                .filter(|c| !allowed(c))
                .map(move |c| format!("{at}: \\p{{{c}}}"))
        })
        .collect();
    assert!(
        bad.is_empty(),
        "Unicode classes the wasm/CLI regex cannot compile (add the regex feature in Cargo.toml, \
         or write the class as ranges):\n{}",
        bad.join("\n")
    );
}

#[test]
fn the_scanner_sees_classes() {
    assert_eq!(classes(r#"r"[\p{Han}A-Z]\pL\P{Lu}""#), ["Han", "L", "Lu"]);
    assert!(!allowed("Han") && !allowed("sc=Han"));
    assert!(!allowed("L") && !allowed("Alphabetic") && !allowed("gc=Lu"));
    assert!(
        classes(r"\\p{L}").is_empty(),
        "an escaped backslash is not a class"
    );
}

/// `(?i)` in Unicode mode needs the `unicode-case` table, which the build leaves out; ASCII
/// case folding (`(?i-u:copyright)`) needs none.
fn unicode_case_flags(line: &str) -> usize {
    line.match_indices("(?i")
        .filter(|(at, _)| !line[at + 3..].starts_with("-u"))
        .count()
}

#[test]
fn patterns_fold_case_only_in_ascii() {
    let bad = lines_where(|_, line| unicode_case_flags(line) > 0);
    assert!(
        bad.is_empty(),
        "(?i) needs regex's unicode-case table; write (?i-u:…):\n{}",
        bad.join("\n")
    );
    assert_eq!(unicode_case_flags(r"(?i:copyright)|(?i-u:x)"), 1);
}

/// Flag groups of a line that turn the `x` (verbose) flag on: `(?x)`, `(?ix:`, not `(?-x)`.
fn verbose_flags(line: &str) -> usize {
    line.match_indices("(?")
        .filter(|(at, _)| {
            let flags: String = line[at + 2..]
                .chars()
                .take_while(|c| c.is_ascii_alphabetic() || *c == '-')
                .collect();
            flags.split('-').next().is_some_and(|on| on.contains('x'))
        })
        .count()
}

/// No pattern is verbose: under `x` the regex parser skips white space, also inside a class, and
/// `rx::SPACE` (what every `\s` becomes) writes its white space out as the chars themselves.
#[test]
fn patterns_are_not_verbose() {
    let bad = lines_where(|_, line| verbose_flags(line) > 0);
    assert!(
        bad.is_empty(),
        "(?x) would ignore the white space \\s is written out as (src/rx.rs SPACE):\n{}",
        bad.join("\n")
    );
    assert_eq!(
        verbose_flags(r"(?x)a|(?ix:b)|(?i-x:c)|(?-x)|(?:d)|(?P<x>e)"),
        2
    );
}

/// `\w \W \b \B` in Unicode mode need the Perl word table, which the build leaves out (src/rx.rs
/// writes out only `\s \S \d \D`); the ASCII forms `(?-u:\b)` need none.
fn unicode_word_classes(line: &str) -> Vec<usize> {
    let b = line.as_bytes();
    (0..b.len().saturating_sub(1))
        .filter(|&i| {
            b[i] == b'\\'
                && matches!(b[i + 1], b'w' | b'W' | b'b' | b'B')
                && (i == 0 || b[i - 1] != b'\\')
                && !line[..i].ends_with("(?-u:")
        })
        .collect()
}

#[test]
fn patterns_use_no_unicode_word_class() {
    assert_eq!(
        unicode_word_classes(r"^PAGE(?-u:\b).{0,80}$"),
        Vec::<usize>::new()
    );
    assert_eq!(unicode_word_classes(r"^TOC\b"), vec![4]);
    assert_eq!(unicode_word_classes(r"a\\b"), Vec::<usize>::new());
    let bad = lines_where(|_, line| !unicode_word_classes(line).is_empty());
    assert!(
        bad.is_empty(),
        "Unicode \\w/\\b need a table the build leaves out; write (?-u:\\b) or a class:\n{}",
        bad.join("\n")
    );
}

/// Every pattern goes through `rx::new`, which writes `\s \d` out; `Regex::new` elsewhere would
/// compile in tests (all tables on) and fail in the CLI and the page. (`src/rx/` is the
/// constructor's own: the page's engine and its tests against the regex crate.)
#[test]
fn patterns_are_compiled_by_rx_only() {
    let bad = lines_where(|at, line| {
        !at.contains("rx.rs:")
            && !at.contains("/rx/")
            && (line.contains("Regex::new(") || line.contains("RegexBuilder::new("))
    });
    assert!(
        bad.is_empty(),
        "compile patterns with crate::rx::new:\n{}",
        bad.join("\n")
    );
}

/// Longest upper bound a counted repetition may have. The compiler builds one copy of the
/// repeated piece per count, so `.{1,200}` is 200 UTF-8 automata for `.`, and the pipeline's
/// ~20 such bounds were 42 % of the instructions that compiling all its patterns takes
/// (callgrind, 2026-12-02) — work the page's worker does before its first result. A longer limit
/// is checked on the match instead (`rx::within`, `rx::find_iter_where`, `CueRule::limits`).
const MAX_BOUND: u32 = 30;

/// The upper bounds of the counted repetitions `{m,n}` / `{n}` in one line of source.
fn repetition_bounds(line: &str) -> Vec<u32> {
    let b = line.as_bytes();
    let mut out = Vec::new();
    for (i, _) in line.match_indices('{') {
        if i > 0 && (b[i - 1] == b'\\' || b[i - 1] == b'u') {
            continue; // `\{` or `\u{…}`
        }
        let rest = &line[i + 1..];
        let Some(end) = rest.find('}') else { continue };
        let inner = &rest[..end];
        let (lo, hi) = inner.split_once(',').unwrap_or((inner, inner));
        if lo.chars().all(|c| c.is_ascii_digit()) && !lo.is_empty() {
            if let Ok(n) = hi.parse() {
                out.push(n);
            }
        }
    }
    out
}

#[test]
fn repetitions_have_short_bounds() {
    assert_eq!(
        repetition_bounds(r"^\d{1,2}[\u{3000}]{0,200}x{4}y{2,}"),
        [2, 200, 4]
    );
    assert_eq!(repetition_bounds(r#"format!("{name}{0}")"#), [0]);
    let bad = lines_where(|_, line| repetition_bounds(line).iter().any(|&n| n > MAX_BOUND));
    assert!(
        bad.is_empty(),
        "a repetition bound above {MAX_BOUND} costs compile time in the page's worker; check the \
         limit on the match (rx::within):\n{}",
        bad.join("\n")
    );
}
