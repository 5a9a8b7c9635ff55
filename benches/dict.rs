//! What a trimmed jieba dictionary costs and saves, on the five seed plans.
//!
//! `cargo bench --bench dict -- DICT...` (or `./x bench dict`, which first writes the variants of
//! `tools/bench/trim_dict.py` and adds the page's `www/dict/jieba.dict.txt`) prints, for each
//! dictionary against the full `dict.txt` of the jieba-rs crate:
//!
//! * words and the trie build time (median of runs; `Jieba::with_dict`, what the worker pays once);
//! * segmentation throughput (`tag`, no HMM, as `src/keywords/mod.rs` uses it);
//! * agreement with the full dictionary's segmentation: word-boundary precision/recall/F1, and the
//!   share of the full dictionary's *content words* (nouns, verbal nouns, idioms, abbreviations:
//!   the keyword candidates, ≥ 2 chars) found with the same span and tag — what keywords see.
//!
//! The seeds are a test set here: no trim rule looks at them (see trim_dict.py). Without the
//! `--bench` flag (under `cargo test --all-targets`) it runs one quick pass, as a smoke test.

use jieba_rs::Jieba;
use std::collections::HashSet;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// The keyword candidates of `src/keywords/mod.rs`: nouns of every kind, verbal/adjectival nouns,
/// idioms, set phrases, abbreviations.
fn content(tag: &str) -> bool {
    tag.starts_with('n') || matches!(tag, "vn" | "an" | "l" | "i" | "j")
}

struct Seg {
    bounds: HashSet<usize>,
    words: HashSet<(usize, usize, String)>,
}

fn segment(j: &Jieba, docs: &[String]) -> Seg {
    let mut s = Seg {
        bounds: HashSet::new(),
        words: HashSet::new(),
    };
    let mut base = 0;
    for d in docs {
        for t in j.tag(d, false) {
            s.bounds.insert(base + t.end);
            if content(t.tag) && t.end - t.start >= 2 {
                s.words
                    .insert((base + t.start, base + t.end, t.tag.to_string()));
            }
        }
        base += d.chars().count() + 1;
    }
    s
}

fn full_dict() -> Option<String> {
    let home = std::env::var("CARGO_HOME")
        .or_else(|_| std::env::var("HOME").map(|h| format!("{h}/.cargo")))
        .ok()?;
    let reg = std::fs::read_dir(format!("{home}/registry/src")).ok()?;
    reg.filter_map(|e| e.ok())
        .map(|e| e.path().join("jieba-rs-0.11.0/src/data/dict.txt"))
        .find(|p| p.is_file())
        .map(|p| p.to_string_lossy().into_owned())
}

fn main() {
    let bench = std::env::args().any(|a| a == "--bench");
    let runs = if bench { 5 } else { 1 };
    let mut dicts: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with("--"))
        .collect();
    let Some(full) = full_dict() else {
        println!("jieba-rs dict.txt not found in the cargo registry: run `cargo fetch`");
        return;
    };
    dicts.insert(0, full.clone());
    // PLANLENS_DICT_TEXTS=DIR measures on other plans (e.g. other sectors) instead of the seeds
    let dir = std::env::var("PLANLENS_DICT_TEXTS")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures").to_string());
    let mut seeds: Vec<_> = std::fs::read_dir(&dir)
        .expect("texts directory")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    let docs: Vec<String> = seeds
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("utf-8 seed"))
        .collect();
    let chars: usize = docs.iter().map(|d| d.chars().count()).sum();

    println!(
        "texts: {dir}: {} docs, {chars} chars; trie and segmentation: median of {runs} runs",
        docs.len()
    );
    println!(
        "{:<28} {:>8} {:>9} {:>9} {:>7} {:>7} {:>7} {:>9}",
        "dictionary", "words", "trie ms", "M ch/s", "P", "R", "F1", "content"
    );
    let mut reference: Option<Seg> = None;
    for path in dicts {
        let Ok(text) = std::fs::read_to_string(&path) else {
            println!("{path}: not readable");
            continue;
        };
        let words = text.lines().count();
        let mut built = None;
        let trie = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    let j = Jieba::with_dict(&mut text.as_bytes());
                    let d = t.elapsed();
                    built = Some(j);
                    d
                })
                .collect(),
        );
        let j = match built {
            Some(Ok(j)) => j,
            Some(Err(e)) => {
                println!("{path}: {e}");
                continue;
            }
            None => continue,
        };
        let seg_t = median(
            (0..runs)
                .map(|_| {
                    let t = Instant::now();
                    for d in &docs {
                        black_box(j.tag(d, false));
                    }
                    t.elapsed()
                })
                .collect(),
        );
        let s = segment(&j, &docs);
        let name = if path == full {
            "full jieba dict.txt".to_string()
        } else {
            std::path::Path::new(&path)
                .file_name()
                .map_or(path.clone(), |f| f.to_string_lossy().into_owned())
        };
        let r = reference.get_or_insert_with(|| segment(&j, &docs));
        let tp = s.bounds.intersection(&r.bounds).count() as f64;
        let p = tp / s.bounds.len().max(1) as f64;
        let rc = tp / r.bounds.len().max(1) as f64;
        let f1 = 2.0 * p * rc / (p + rc).max(1e-9);
        let cw = s.words.intersection(&r.words).count() as f64 / r.words.len().max(1) as f64;
        println!(
            "{:<28} {:>8} {:>9.1} {:>9.2} {:>7.4} {:>7.4} {:>7.4} {:>9.4}",
            name,
            words,
            trie.as_secs_f64() * 1e3,
            chars as f64 / seg_t.as_secs_f64().max(1e-9) / 1e6,
            p,
            rc,
            f1,
            cw
        );
        if !bench {
            break; // smoke: one dictionary is enough to prove the harness works
        }
    }
}
