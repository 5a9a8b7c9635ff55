//! The corpus view: its alignment measured against hand lists, and the `planlens corpus` command.
//!
//! Alignment quality is pairwise: two hand-listed targets of two documents are a pair when the
//! reader says they measure the same indicator; the matrix predicts a pair when it puts them in
//! one row. Precision is the share of predicted pairs that are right, recall the share of the
//! reader's pairs the matrix makes. Run `cargo test --release --test corpus alignment --
//! --nocapture` to print the figures and every pair missed or wrongly made.

use planlens::corpus::{corpus, Corpus, Input};
use planlens::model::{Analysis, Span};
use std::collections::BTreeSet;
use std::path::Path;

const REPORTS: &str = "tests/corpora/provincial-reports-2026";

/// One hand-listed target: its document, the char span of its quantity, the indicators it is.
struct Labelled {
    doc: usize,
    span: Span,
    what: String,
    labels: BTreeSet<String>,
}

/// Char span of `needle`'s last occurrence inside the `nth` occurrence (1-based) of `context`.
fn locate(text: &str, context: &str, nth: usize, needle: &str) -> Span {
    let mut at = None;
    let mut from = 0;
    for _ in 0..nth {
        let i = text[from..]
            .find(context)
            .unwrap_or_else(|| panic!("{context} ×{nth} not found"));
        at = Some(from + i);
        from += i + context.len();
    }
    let at = at.unwrap_or_else(|| panic!("{context}: no occurrence"));
    let inner = context
        .rfind(needle)
        .unwrap_or_else(|| panic!("{needle} not in {context}"));
    let b = at + inner;
    let c0 = text[..b].chars().count();
    [c0, c0 + needle.chars().count()]
}

struct Set {
    names: Vec<String>,
    texts: Vec<String>,
    items: Vec<Labelled>,
    /// Pairs the reader makes: (item, the items of another document any one of which will do).
    links: Vec<(usize, Vec<usize>)>,
}

fn analyses(texts: &[String]) -> Vec<Analysis> {
    texts.iter().map(|t| planlens::analyze(t)).collect()
}

fn run(set: &Set) -> Corpus {
    let an = analyses(&set.texts);
    let inputs: Vec<Input> = set
        .names
        .iter()
        .zip(&set.texts)
        .zip(&an)
        .map(|((n, t), a)| Input {
            name: n,
            text: t,
            analysis: a,
        })
        .collect();
    corpus(&inputs, None)
}

fn provincial() -> Set {
    let mut names: Vec<String> = std::fs::read_dir(REPORTS)
        .expect("reports")
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with(".txt"))
        .collect();
    names.sort();
    let texts: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(Path::new(REPORTS).join(n)).expect("report"))
        .collect();
    let list = std::fs::read_to_string("tests/corpora/alignment.tsv").expect("alignment.tsv");
    let mut items = Vec::new();
    for line in list.lines().filter(|l| !l.starts_with('#')).skip(1) {
        let f: Vec<&str> = line.split('\t').collect();
        assert_eq!(f.len(), 5, "{line}");
        let doc = names.iter().position(|n| n == f[0]).expect(f[0]);
        let nth: usize = f[2].parse().expect("occurrence");
        items.push(Labelled {
            doc,
            span: locate(&texts[doc], f[1], nth, f[3]),
            what: format!("{} {}", f[0], f[1]),
            labels: BTreeSet::from([f[4].to_string()]),
        });
    }
    let mut links = Vec::new();
    for i in 0..items.len() {
        for j in i + 1..items.len() {
            if items[i].doc != items[j].doc && items[i].labels == items[j].labels {
                links.push((i, vec![j]));
            }
        }
    }
    Set {
        names,
        texts,
        items,
        links,
    }
}

/// The seeds' 2023 工作要点 (000) against their 2022–2024 三年行动方案 (003), from the hand list
/// of `tests/compare/003_vs_000.json`: each of 000's targets pairs with any one of its listed
/// targets of 003.
fn seeds() -> Set {
    let raw = std::fs::read_to_string("tests/compare/003_vs_000.json").expect("pairs");
    let v: serde_json::Value = serde_json::from_str(&raw).expect("json");
    let names = vec![
        v["a"].as_str().unwrap_or_default().to_string(),
        v["b"].as_str().unwrap_or_default().to_string(),
    ];
    let texts: Vec<String> = names
        .iter()
        .map(|n| std::fs::read_to_string(Path::new("tests/fixtures").join(n)).expect("seed"))
        .collect();
    let quote = |doc: usize, q: &str| -> Span {
        let plain = q.replace(['【', '】'], "");
        let marked = q.split('【').nth(1).and_then(|s| s.split('】').next());
        let needle = marked.unwrap_or_default();
        let before = q.split('【').next().unwrap_or_default();
        let at = texts[doc].find(&plain).expect(q);
        let b = at + before.len();
        let c0 = texts[doc][..b].chars().count();
        [c0, c0 + needle.chars().count()]
    };
    let mut items: Vec<Labelled> = Vec::new();
    let mut links = Vec::new();
    for p in v["pairs"].as_array().into_iter().flatten() {
        let topic = p["topic"].as_str().unwrap_or_default().to_string();
        let b = quote(1, p["b"].as_str().unwrap_or_default());
        let mut alts = Vec::new();
        for q in p["a"].as_array().into_iter().flatten() {
            let span = quote(0, q.as_str().unwrap_or_default());
            let k = match items.iter().position(|x| x.doc == 0 && x.span == span) {
                Some(k) => k,
                None => {
                    items.push(Labelled {
                        doc: 0,
                        span,
                        what: format!("003 {}", q.as_str().unwrap_or_default()),
                        labels: BTreeSet::new(),
                    });
                    items.len() - 1
                }
            };
            items[k].labels.insert(topic.clone());
            alts.push(k);
        }
        items.push(Labelled {
            doc: 1,
            span: b,
            what: format!("000 {}", p["b"].as_str().unwrap_or_default()),
            labels: BTreeSet::from([topic]),
        });
        links.push((items.len() - 1, alts));
    }
    Set {
        names,
        texts,
        items,
        links,
    }
}

/// The matrix row (or `None` when listed apart) holding each hand-listed target.
fn rows_of(c: &Corpus, set: &Set) -> Vec<Option<usize>> {
    let overlaps = |s: Span, t: Span| s[0] < t[1] && t[0] < s[1];
    set.items
        .iter()
        .map(|it| {
            c.indicators.iter().position(|r| {
                r.cells
                    .get(it.doc)
                    .and_then(|c| c.as_ref())
                    .is_some_and(|t| overlaps(t.span, it.span))
            })
        })
        .collect()
}

/// (precision, recall), printing what is wrong.
fn measure(name: &str, set: &Set) -> (f64, f64) {
    let c = run(set);
    let rows = rows_of(&c, set);
    let same = |i: usize, j: usize| rows[i].is_some() && rows[i] == rows[j];
    let made = set
        .links
        .iter()
        .filter(|(i, alts)| alts.iter().any(|&j| same(*i, j)))
        .count();
    for (i, alts) in &set.links {
        if !alts.iter().any(|&j| same(*i, j)) {
            eprintln!(
                "{name} missed: {} ~ {} (rows {:?} {:?})",
                set.items[*i].what,
                set.items[alts[0]].what,
                rows[*i].map(|r| &c.indicators[r].indicator),
                rows[alts[0]].map(|r| &c.indicators[r].indicator)
            );
        }
    }
    let (mut predicted, mut right) = (0, 0);
    for i in 0..set.items.len() {
        for j in i + 1..set.items.len() {
            let (x, y) = (&set.items[i], &set.items[j]);
            if x.doc == y.doc || !same(i, j) {
                continue;
            }
            predicted += 1;
            if x.labels.intersection(&y.labels).next().is_some() {
                right += 1;
            } else {
                eprintln!("{name} wrong: {} ~ {}", x.what, y.what);
            }
        }
    }
    let share = |n: usize, d: usize| if d == 0 { 1.0 } else { n as f64 / d as f64 };
    let (p, r) = (share(right, predicted), share(made, set.links.len()));
    eprintln!(
        "{name}: precision {p:.3} ({right}/{predicted}), recall {r:.3} ({made}/{})",
        set.links.len()
    );
    (p, r)
}

#[test]
fn alignment_of_the_provincial_reports_main_targets() {
    // Reached: precision 0.999, recall 0.944.
    let (p, r) = measure("provincial", &provincial());
    assert!(p >= 0.98 && r >= 0.93, "precision {p:.3}, recall {r:.3}");
}

#[test]
fn alignment_of_the_seeds_annual_plan_with_its_three_year_plan() {
    // Reached: precision 1.0, recall 1.0 (14 pairs: one miss would be 0.929).
    let (p, r) = measure("seeds", &seeds());
    assert!(p >= 0.95 && r >= 0.95, "precision {p:.3}, recall {r:.3}");
}

/// A directory with the seeds' 000 and 003, a third plan, and a binary file named `.txt`.
fn corpus_dir(name: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("planlens-corpus-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("dir");
    for f in ["000_afc61ac5f3af42de.txt", "003_c69e039655683e96.txt"] {
        std::fs::copy(Path::new("tests/fixtures").join(f), dir.join(f)).expect("copy");
    }
    std::fs::write(
        dir.join("plan.txt"),
        "主要目标：创建省市优质园10所，打造优质乡村学校6所。\n",
    )
    .expect("plan");
    std::fs::write(dir.join("broken.txt"), [0u8, 159, 146, 150, 0, 1, 2]).expect("binary");
    dir
}

fn cli(args: &[&str]) -> (i32, String, String) {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_planlens"))
        .args(args)
        .output()
        .expect("run planlens");
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn the_corpus_command_reports_a_bad_file_and_goes_on() {
    let dir = corpus_dir("json");
    let d = dir.to_string_lossy();
    let (code, out, err) = cli(&["corpus", &d]);
    assert_eq!(code, 1, "{err}");
    assert!(err.contains("broken.txt"), "{err}");
    let c: Corpus = serde_json::from_str(&out).expect("planlens-corpus/1");
    assert_eq!(c.schema, "planlens-corpus/1");
    let names: Vec<&str> = c.documents.iter().map(|d| d.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "000_afc61ac5f3af42de.txt",
            "003_c69e039655683e96.txt",
            "plan.txt"
        ]
    );
    assert_eq!(c.errors.len(), 1);
    assert_eq!(c.errors[0].name, "broken.txt");
    let row = c
        .indicators
        .iter()
        .find(|r| r.indicator.contains("优质园") && r.documents == 3)
        .unwrap_or_else(|| panic!("{:#?}", c.indicators));
    assert_eq!(row.cells[2].as_ref().map(|t| &*t.text), Some("10所"));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn the_corpus_command_prints_the_matrix_the_grid_and_verdicts() {
    let dir = corpus_dir("csv");
    let d = dir.to_string_lossy();
    let (_, csv, _) = cli(&["corpus", &d, "--format", "csv"]);
    let mut lines = csv.lines();
    assert_eq!(
        lines.next(),
        Some("\u{feff}indicator,000_afc61ac5f3af42de.txt,003_c69e039655683e96.txt,plan.txt")
    );
    assert!(csv.lines().any(|l| l.ends_with(",10所")), "{csv}");
    let (_, grid, _) = cli(&["corpus", &d, "--format", "targets-csv"]);
    assert!(grid.starts_with("\u{feff}document,section,text,"));
    assert!(grid
        .lines()
        .any(|l| l.starts_with("plan.txt,") && l.contains("10所")));
    let reference = dir.join("003_c69e039655683e96.txt");
    let (_, json, _) = cli(&["corpus", &d, "--reference", &reference.to_string_lossy()]);
    let c: Corpus = serde_json::from_str(&json).expect("json");
    assert_eq!(c.reference, Some(1));
    let vs = c.documents[2].versus_reference.as_ref().expect("verdicts");
    assert!(vs.missing > 0, "{vs:?}");
    let (_, md, _) = cli(&[
        "corpus",
        &d,
        "--reference",
        &reference.to_string_lossy(),
        "-f",
        "markdown",
    ]);
    assert!(
        md.contains("未提及 missing") && !md.contains("未落实"),
        "{md}"
    );
    let (code, _, _) = cli(&["analyze", &d, "--reference", "x"]);
    assert_eq!(code, 2);
    let _ = std::fs::remove_dir_all(&dir);
}
