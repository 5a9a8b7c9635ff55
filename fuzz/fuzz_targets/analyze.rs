//! Fuzz `analyze`: any UTF-8 input must give an analysis whose spans point at the text they claim.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let a = planlens::analyze(text);
    let chars: Vec<char> = text.chars().collect();
    for t in &a.targets {
        assert!(t.span[0] <= t.span[1] && t.span[1] <= chars.len());
        assert_eq!(chars[t.span[0]..t.span[1]].iter().collect::<String>(), t.text);
    }
    let _ = planlens::render::json(&a);
    let _ = planlens::render::markdown(&a);
    let _ = planlens::render::csv(&a);
});
