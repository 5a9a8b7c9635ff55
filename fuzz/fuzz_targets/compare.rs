//! Fuzz `compare` and `check`: two plans cut from one byte string (at its first NUL byte, or in
//! the middle when it has none) must compare without a panic, and render in every format.
//!
//! Fast on purpose, so that a run reaches millions of executions: each side is analysed once
//! (the comparison and the check of A share A's analysis), and only the first [`MAX_LEN`] bytes
//! are read (`./x fuzz` also passes a small `-max_len` and seeds made of short pieces of plans).
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Longer inputs find nothing a short one does not (each stage is linear and local), and cost
/// executions.
const MAX_LEN: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let data = &data[..data.len().min(MAX_LEN)];
    let (a, b) = match data.iter().position(|&b| b == 0) {
        Some(i) => (&data[..i], &data[i + 1..]),
        None => data.split_at(data.len() / 2),
    };
    // A cut in the middle may split a char: keep the valid prefix of each side.
    let valid = |s: &[u8]| match std::str::from_utf8(s) {
        Ok(s) => s.to_string(),
        Err(e) => String::from_utf8_lossy(&s[..e.valid_up_to()]).into_owned(),
    };
    let (a, b) = (valid(a), valid(b));
    use planlens::compare::{self, render};
    let (xa, xb) = (planlens::analyze(&a), planlens::analyze(&b));
    let c = compare::compare_analyses(&a, &xa, &b, &xb);
    let _ = render::json(&c);
    let _ = render::markdown(&c);
    let _ = render::csv(&c);
    let k = compare::check_analysis(&a, &xa);
    let _ = render::json(&k);
    let _ = render::check_markdown(&k);
    let _ = render::check_csv(&k);
});
