//! Fuzz `analyze`: any UTF-8 input must give an analysis whose spans point at the text they
//! claim, whose outline nests, and which renders in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planlens::model::OutlineNode;

fn nests(nodes: &[OutlineNode], parent: [usize; 2]) {
    let mut prev = parent[0];
    for n in nodes {
        let s = n.span;
        assert!(parent[0] <= s[0] && s[0] <= s[1] && s[1] <= parent[1], "{s:?} in {parent:?}");
        assert!(s[0] >= prev, "siblings overlap at {s:?}");
        assert!(s[0] <= n.title_span[0] && n.title_span[0] <= n.title_span[1] && n.title_span[1] <= s[1]);
        prev = s[1];
        nests(&n.children, s);
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let a = planlens::analyze(text);
    let chars: Vec<char> = text.chars().collect();
    let n = chars.len();
    for t in &a.targets {
        assert!(t.span[0] <= t.span[1] && t.span[1] <= n);
        assert_eq!(chars[t.span[0]..t.span[1]].iter().collect::<String>(), t.text);
        assert!(t.clause_span[0] <= t.span[0] && t.span[1] <= t.clause_span[1] && t.clause_span[1] <= n);
    }
    for w in &a.warnings {
        assert!(w.span[0] <= w.span[1] && w.span[1] <= n);
    }
    for tb in &a.tables {
        assert!(tb.span[0] <= tb.span[1] && tb.span[1] <= n);
    }
    nests(&a.outline, [0, n]);
    let _ = planlens::render::json(&a);
    let _ = planlens::render::markdown(&a);
    let _ = planlens::render::csv(&a);
});
