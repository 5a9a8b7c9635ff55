//! How much a trimmed jieba dictionary changes segmentation and keywords, on the seed plans.
//!
//! `cargo run --release --example dict_quality -- www/dict/jieba.dict.txt [full dict.txt]`
//! prints, against the full dictionary: word-boundary precision/recall/F1 over every seed, and
//! the overlap of the top-8 keywords per section.
use planlens::keywords::{section_keywords, Segmenter};
use std::collections::HashSet;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let trimmed = args
        .first()
        .cloned()
        .unwrap_or("www/dict/jieba.dict.txt".into());
    let full = args.get(1).cloned().unwrap_or_else(|| {
        let home = std::env::var("HOME").unwrap_or_default();
        let reg = format!("{home}/.cargo/registry/src");
        std::fs::read_dir(&reg)
            .ok()
            .and_then(|mut d| d.next())
            .and_then(|e| e.ok())
            .map(|e| format!("{}/jieba-rs-0.11.0/src/data/dict.txt", e.path().display()))
            .unwrap_or_default()
    });
    let load = |p: &str| {
        let t = std::fs::read_to_string(p).unwrap_or_else(|e| panic!("{p}: {e}"));
        let t0 = std::time::Instant::now();
        let s = Segmenter::from_dict(&t).expect("dict");
        (s, t0.elapsed(), t.len())
    };
    let (sf, tf, nf) = load(&full);
    let (st, tt, nt) = load(&trimmed);
    println!("full {nf} B, trie {tf:?}; trimmed {nt} B, trie {tt:?}");
    let mut fixtures: Vec<_> = std::fs::read_dir("tests/fixtures")
        .expect("tests/fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .collect();
    fixtures.sort();
    let (mut tp, mut nfb, mut ntb) = (0usize, 0usize, 0usize);
    let (mut kw_same, mut kw_total) = (0usize, 0usize);
    for p in fixtures {
        let text = std::fs::read_to_string(&p).expect("utf-8 seed");
        let bf: HashSet<usize> = sf.boundaries(&text).into_iter().collect();
        let bt: HashSet<usize> = st.boundaries(&text).into_iter().collect();
        tp += bf.intersection(&bt).count();
        nfb += bf.len();
        ntb += bt.len();
        let a = planlens::analyze(&text);
        let kf = section_keywords(&sf, &text, &a.outline, 2, 8);
        let kt = section_keywords(&st, &text, &a.outline, 2, 8);
        for (x, y) in kf.iter().zip(&kt) {
            let xs: HashSet<&str> = x.keywords.iter().map(|k| k.word.as_str()).collect();
            kw_total += xs.len();
            kw_same += y
                .keywords
                .iter()
                .filter(|k| xs.contains(k.word.as_str()))
                .count();
        }
        if let Some(s) = kt.first() {
            let w: Vec<&str> = s.keywords.iter().map(|k| k.word.as_str()).collect();
            println!("{}: {} → {}", p.display(), s.title, w.join(" "));
        }
    }
    let prec = tp as f64 / ntb.max(1) as f64;
    let rec = tp as f64 / nfb.max(1) as f64;
    println!(
        "boundaries vs full dict: P {prec:.4} R {rec:.4} F1 {:.4}; top-8 keyword overlap {:.3} ({kw_same}/{kw_total})",
        2.0 * prec * rec / (prec + rec).max(1e-9),
        kw_same as f64 / kw_total.max(1) as f64
    );
}
