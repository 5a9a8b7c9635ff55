//! Big inputs (issue 8): a plan of many megabytes — the seeds repeated, one huge line with no
//! newline, a flood of digits and punctuation — is analysed to the end with every invariant
//! holding. Time and peak memory are printed, not asserted (they depend on the machine and on
//! the build profile): `./x bigcheck` runs this in release at 10 MB and prints the figures the
//! issue asks for (< 10 s, < 1 GB each).
//!
//! The size is `PLANLENS_BIG_MB` megabytes per input (default 1, so a debug `cargo test` stays
//! quick while still catching anything quadratic: 1 MB squared does not finish).

mod common;

use common::check_invariants;
use std::time::Instant;

fn size() -> usize {
    std::env::var("PLANLENS_BIG_MB")
        .ok()
        .and_then(|v| v.parse::<f64>().ok())
        .map_or(1_000_000, |mb| (mb * 1e6) as usize)
}

/// The seed plans and the synthetic ones, in a fixed order.
fn seeds() -> Vec<String> {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests");
    let mut files: Vec<_> = ["fixtures", "synthetic"]
        .iter()
        .filter_map(|d| std::fs::read_dir(root.join(d)).ok())
        .flatten()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    files.sort();
    files
        .iter()
        .filter_map(|p| std::fs::read_to_string(p).ok())
        .collect()
}

/// Repeats `unit` until the text has at least `bytes` bytes.
fn repeat_to(unit: &str, bytes: usize) -> String {
    let mut s = String::with_capacity(bytes + unit.len());
    while s.len() < bytes {
        s.push_str(unit);
    }
    s
}

/// One long plan: the first seed's head (title, notice) and then the bodies of all the seeds —
/// from their first heading to the end of their last section — over and over, so the whole text
/// is one body to read, as in a long 规划 (concatenated whole plans would end at the first
/// plan's signature).
fn one_long_plan(seeds: &[String], bytes: usize) -> (String, String) {
    let mut head = String::new();
    let mut bodies = String::new();
    for (i, s) in seeds.iter().enumerate() {
        let a = planlens::analyze(s);
        let (Some(first), Some(last)) = (a.outline.first(), a.outline.last()) else {
            continue;
        };
        let chars: Vec<char> = s.chars().collect();
        if head.is_empty() && i == 0 {
            head = chars[..first.span[0]].iter().collect();
        }
        bodies.extend(&chars[first.span[0]..last.span[1]]);
        bodies.push('\n');
    }
    let once = format!("{head}{bodies}");
    let mut s = head;
    s.push_str(&repeat_to(&bodies, bytes.saturating_sub(s.len())));
    (s, once)
}

/// A deterministic stream of digits and punctuation (xorshift, no dependency), with a newline
/// now and then so both long and short lines occur.
fn digits_and_punctuation(bytes: usize) -> String {
    const ALPHABET: &[char] = &[
        '0', '1', '2', '3', '4', '5', '6', '7', '8', '9', '.', ',', ';', ':', '%', '-', '—', '(',
        ')', '（', '）', '、', '。', '，', '；', '：', '％', '．', '·', '～', '~', '+', '/', ' ',
        '\n', '十', '万', '亿', '第',
    ];
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut s = String::with_capacity(bytes + 4);
    while s.len() < bytes {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        s.push(ALPHABET[(x % ALPHABET.len() as u64) as usize]);
    }
    s
}

/// Peak resident set size of this process in kB (`VmHWM`), if the platform reports it.
fn peak_rss_kb() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmHWM:"))?;
    line.split_whitespace().nth(1)?.parse().ok()
}

/// Resets the peak so each input is measured on its own (Linux ≥ 4.0; ignored elsewhere).
fn reset_peak_rss() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

fn measure(name: &str, input: &str) -> planlens::model::Analysis {
    reset_peak_rss();
    let t0 = Instant::now();
    let a = planlens::analyze(input);
    let json = planlens::render::json(&a);
    let secs = t0.elapsed().as_secs_f64();
    println!(
        "big_input {name}: {:.1} MB, {} chars → {} targets, {} top-level sections, {} tables, {:.1} MB JSON; {secs:.2} s, peak RSS {} MB",
        input.len() as f64 / 1e6,
        input.chars().count(),
        a.targets.len(),
        a.outline.len(),
        a.tables.len(),
        json.len() as f64 / 1e6,
        peak_rss_kb().map_or("?".into(), |kb| (kb / 1024).to_string()),
    );
    if let Err(e) = check_invariants(input, &a) {
        panic!("{name}: {e}");
    }
    a
}

/// One test, the inputs in sequence, so the peak memory of each is its own.
#[test]
fn big_inputs_are_analysed_with_their_invariants() {
    let n = size();
    let seeds = seeds();
    assert!(!seeds.is_empty(), "no seed plans found");

    let repeated = repeat_to(&seeds.join("\n\n"), n);
    let a = measure("seeds-repeated", &repeated);
    // The plans inside are still read: the copies' targets are found, not given up on.
    let once = planlens::analyze(&seeds.join("\n\n"));
    assert!(
        a.targets.len() >= once.targets.len(),
        "{} targets in the repeated text, {} in one copy",
        a.targets.len(),
        once.targets.len()
    );

    let (long, once) = one_long_plan(&seeds, n);
    let a = measure("one-long-plan", &long);
    let copies = long.len() / once.len().max(1);
    let per_copy = planlens::analyze(&once).targets.len();
    println!("big_input one-long-plan: {copies} copies of a body with {per_copy} targets");
    // Every copy of the bodies is read, not only the first (a cap would show here).
    assert!(
        a.targets.len() >= copies * per_copy / 2,
        "{} targets in {copies} copies of a body with {per_copy}",
        a.targets.len()
    );

    let one_line: String = seeds
        .concat()
        .chars()
        .filter(|c| *c != '\n' && *c != '\r')
        .collect();
    measure("one-line", &repeat_to(&one_line, n));

    measure("digits-punctuation", &digits_and_punctuation(n));

    // an indicator table pasted from Word, a row per line: every row is rebuilt and its
    // target cell read (a scan of all targets per cell made this quadratic)
    let (table, rows) = row_table(n);
    let a = measure("row-table", &table);
    assert_eq!(a.tables.len(), 1, "one table");
    assert_eq!(a.tables[0].rows.len(), rows);
    assert_eq!(a.targets.len(), rows);
}

/// `序号 指标 单位 2020年 2025年 属性` and rows up to about `bytes`: (text, rows).
fn row_table(bytes: usize) -> (String, usize) {
    let mut s = String::from("主要指标表\n序号\t指标\t单位\t2020年\t2025年\t属性\n");
    let mut i = 0;
    while s.len() < bytes {
        i += 1;
        s.push_str(&format!(
            "{i}\t指标名称{i}\t%\t{}\t≥{}\t约束性\n",
            i % 97,
            1 + i % 89
        ));
    }
    (s, i)
}
