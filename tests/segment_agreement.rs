//! `planlens::keywords::segment` must segment exactly like `jieba_rs::Jieba::tag(text, false)`: same words,
//! char offsets and tags, on every seed plan, with the page's dictionary and with jieba's full
//! one. (It replaces jieba-rs in the wasm only to keep jieba-rs's HMM table out of it.)

use planlens::keywords::segment::Segmenter;

fn full_dict() -> Option<String> {
    let home = std::env::var("CARGO_HOME")
        .or_else(|_| std::env::var("HOME").map(|h| format!("{h}/.cargo")))
        .ok()?;
    std::fs::read_dir(format!("{home}/registry/src"))
        .ok()?
        .filter_map(|e| e.ok())
        .map(|e| e.path().join("jieba-rs-0.11.0/src/data/dict.txt"))
        .find(|p| p.is_file())
        .and_then(|p| std::fs::read_to_string(p).ok())
}

fn texts() -> Vec<String> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures");
    let mut paths: Vec<_> = std::fs::read_dir(dir)
        .expect("fixtures")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    paths.sort();
    let mut t: Vec<String> = paths
        .iter()
        .map(|p| std::fs::read_to_string(p).expect("utf-8"))
        .collect();
    // the corners: mixed scripts, ASCII runs, CRLF, extension ideographs, emoji, empty
    t.push(
        "2025年5G基站达到1.2万个，Wi-Fi覆盖率≥95%；\r\n𠀀𠀁 😀 C++与C#、A&B_c.d-e%\t\u{3000}末"
            .into(),
    );
    t.push(String::new());
    t
}

fn agree(dict: &str, name: &str) {
    let ours = Segmenter::from_dict(dict).expect("dictionary loads");
    let theirs = jieba_rs::Jieba::with_dict(&mut dict.as_bytes()).expect("jieba loads");
    for (i, text) in texts().iter().enumerate() {
        let a: Vec<(&str, usize, usize, &str)> = ours
            .words(text)
            .into_iter()
            .map(|w| (w.word, w.start, w.end, w.tag))
            .collect();
        let b: Vec<(&str, usize, usize, &str)> = theirs
            .tag(text, false)
            .into_iter()
            .map(|t| (t.word, t.start, t.end, t.tag))
            .collect();
        if a != b {
            let k = a
                .iter()
                .zip(&b)
                .position(|(x, y)| x != y)
                .unwrap_or(a.len().min(b.len()));
            panic!(
                "{name}, text {i}: first difference at token {k}: ours {:?} jieba {:?}",
                a.get(k.saturating_sub(1)..(k + 2).min(a.len())),
                b.get(k.saturating_sub(1)..(k + 2).min(b.len()))
            );
        }
    }
}

#[test]
fn same_tokens_as_jieba_with_the_page_dictionary() {
    let p = concat!(env!("CARGO_MANIFEST_DIR"), "/www/dict/jieba.dict.txt");
    match std::fs::read_to_string(p) {
        Ok(d) => agree(&d, "www/dict/jieba.dict.txt"),
        Err(_) => eprintln!("skipped: no {p}"),
    }
}

#[test]
fn same_tokens_as_jieba_with_the_full_dictionary() {
    match full_dict() {
        Some(d) => agree(&d, "jieba dict.txt"),
        None => eprintln!("skipped: jieba-rs dict.txt not in the cargo registry"),
    }
}

#[test]
fn same_tokens_as_jieba_with_a_tiny_dictionary() {
    // out-of-dictionary characters everywhere: the single-character fallback path
    agree("教育 10 n\n学前教育 3 n\n学 1 v\n2025 5 m\n", "tiny");
}
