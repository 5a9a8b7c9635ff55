//! Native benchmark of each pipeline stage on the five real plans.
//!
//! `cargo bench --bench pipeline` (or `./x bench`) prints, per stage, the median and the fastest
//! of several timed runs (after one warm-up) over the five seeds concatenated and repeated to
//! about 1.3 M chars — the same volume `tools/bench/native_compare.py` gives chinese2digits — and
//! the throughput in M chars/s. Each stage is timed on the output of the previous one, so the rows
//! show where the time goes; `analyze (all)` is the public entry point, `per document` runs it on
//! each seed copy separately (what the CLI does for a directory), `JSON` serialises a finished
//! analysis. A plain harness (no criterion): criterion's statistics add nothing a median of
//! repeated runs does not give here, and it would pull ~40 crates into every `cargo test`.
//!
//! `PLANLENS_BENCH_QUICK=1` runs a short smoke: one copy, three runs. So does `cargo test
//! --all-targets` (which runs this binary without cargo bench's `--bench` flag, in the unoptimised
//! test profile): it checks that the harness works, never speed — nothing here fails on timing.
//! `PLANLENS_BENCH_REPS` / `PLANLENS_BENCH_RUNS` override the copies and runs.

use planlens::stages::{clean, elements, outline, tables, targets, Context};
use planlens::{analyze, render};
use std::hint::black_box;
use std::time::{Duration, Instant};

/// Median and minimum of `runs` timings of `f`, after one untimed warm-up run.
fn time<R>(runs: usize, mut f: impl FnMut() -> R) -> (Duration, Duration) {
    black_box(f());
    let mut v: Vec<Duration> = (0..runs.max(1))
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    v.sort();
    (v[v.len() / 2], v[0])
}

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.parse().ok())
}

fn main() {
    let quick = std::env::var_os("PLANLENS_BENCH_QUICK").is_some()
        || !std::env::args().any(|a| a == "--bench");
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut seeds: Vec<_> = std::fs::read_dir(dir)
        .expect("tests/fixtures")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    let docs: Vec<String> = seeds
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("utf-8 seed"))
        .collect();
    // 5 seeds = 47.6 k chars; 28 copies = 1.33 M chars, the volume of the chinese2digits run.
    let reps = env_usize("PLANLENS_BENCH_REPS").unwrap_or(if quick { 1 } else { 28 });
    let runs = env_usize("PLANLENS_BENCH_RUNS").unwrap_or(if quick { 3 } else { 11 });
    let one = docs.join("\n");
    let input = vec![one.as_str(); reps].join("\n");
    let chars = input.chars().count();

    let text = clean(&input);
    let el = elements::extract(&text);
    let tb = tables::detect(&text, el.body.clone());
    let ol = outline::build(&text, el.outline.clone(), &tb, &el.skip);
    let cx = Context {
        text: &text,
        body: el.body.clone(),
        plan_year: el.plan_year,
        period: el.document.period,
        outline: &ol.nodes,
        skip: &ol.marker_ranges,
        tables: &tb,
    };
    let whole = analyze(&input);
    let rows: Vec<(&str, (Duration, Duration))> = vec![
        ("clean", time(runs, || clean(black_box(&input)))),
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
        ("targets", time(runs, || targets(&cx))),
        ("JSON", time(runs, || render::json_line(&whole))),
        ("analyze (all)", time(runs, || analyze(black_box(&input)))),
        (
            "analyze+JSON/doc",
            time(runs, || {
                (0..reps)
                    .flat_map(|_| docs.iter())
                    .map(|d| render::json_line(&analyze(black_box(d))).len())
                    .sum::<usize>()
            }),
        ),
    ];
    println!(
        "input: 5 seeds × {reps} = {chars} chars ({} targets, {} outline nodes); median of {runs} runs",
        whole.targets.len(),
        count_nodes(&whole.outline)
    );
    println!(
        "{:<18} {:>10} {:>10} {:>10}",
        "stage", "median ms", "min ms", "M chars/s"
    );
    for (name, (med, min)) in rows {
        println!(
            "{:<18} {:>10.2} {:>10.2} {:>10.1}",
            name,
            med.as_secs_f64() * 1e3,
            min.as_secs_f64() * 1e3,
            chars as f64 / med.as_secs_f64().max(1e-9) / 1e6
        );
    }
}

fn count_nodes(nodes: &[planlens::model::OutlineNode]) -> usize {
    nodes.iter().map(|n| 1 + count_nodes(&n.children)).sum()
}
