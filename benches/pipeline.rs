//! Native benchmark of each pipeline stage on the five real plans.
//!
//! `cargo bench --bench pipeline` prints, per stage, the median time of several runs over the
//! seeds concatenated and repeated, and the throughput in chars/s. A plain harness (no criterion)
//! keeps the build light; medians of repeated runs are what BENCHMARKS.md reports.
//! `PLANLENS_BENCH_QUICK=1` runs a short smoke (CI): it checks that the harness works, not speed.

use planlens::{analyze, clean, elements, outline, tables, targets};
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn time<R>(runs: usize, mut f: impl FnMut() -> R) -> Duration {
    let mut v = Vec::with_capacity(runs);
    for _ in 0..runs {
        let t = Instant::now();
        std::hint::black_box(f());
        v.push(t.elapsed());
    }
    median(v)
}

fn main() {
    let quick = std::env::var_os("PLANLENS_BENCH_QUICK").is_some();
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut seeds: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .collect();
    seeds.sort();
    let one: String = seeds
        .iter()
        .map(|p| std::fs::read_to_string(p).unwrap())
        .collect::<Vec<_>>()
        .join("\n");
    let reps = if quick { 1 } else { 10 };
    let input = vec![one.as_str(); reps].join("\n");
    let chars = input.chars().count();
    let runs = if quick { 3 } else { 15 };

    let text = clean::clean(&input);
    let el = elements::extract(&text);
    let tb = tables::detect(&text, el.body.clone());
    let ol = outline::build(&text, el.outline.clone(), &tb, &el.skip);
    let cx = targets::Context {
        text: &text,
        body: el.body.clone(),
        plan_year: el.plan_year,
        period: el.document.period,
        outline: &ol.nodes,
        skip: &ol.marker_ranges,
        tables: &tb,
    };
    let rows: Vec<(&str, Duration)> = vec![
        ("clean", time(runs, || clean::clean(&input))),
        ("elements", time(runs, || elements::extract(&text))),
        (
            "tables",
            time(runs, || tables::detect(&text, el.body.clone())),
        ),
        (
            "outline",
            time(runs, || {
                outline::build(&text, el.outline.clone(), &tb, &el.skip)
            }),
        ),
        ("targets", time(runs, || targets::extract(&cx))),
        ("analyze (all)", time(runs, || analyze(&input))),
        (
            "analyze + JSON",
            time(runs, || planlens::render::json_line(&analyze(&input))),
        ),
    ];
    println!("input: 5 seeds × {reps} = {chars} chars; median of {runs} runs");
    println!("{:<16} {:>12} {:>14}", "stage", "median", "M chars/s");
    for (name, d) in rows {
        println!(
            "{:<16} {:>10.2}ms {:>14.1}",
            name,
            d.as_secs_f64() * 1e3,
            chars as f64 / d.as_secs_f64() / 1e6
        );
    }
}
