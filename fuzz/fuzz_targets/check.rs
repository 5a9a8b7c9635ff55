//! Fuzz `check`: one plan, the whole input (its valid UTF-8 prefix, at most [`MAX_LEN`] bytes),
//! checked against itself without a panic and rendered in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// Short inputs keep a run fast enough for millions of executions (see the compare target).
const MAX_LEN: usize = 4096;

fuzz_target!(|data: &[u8]| {
    let data = &data[..data.len().min(MAX_LEN)];
    let text = match std::str::from_utf8(data) {
        Ok(s) => s.to_string(),
        Err(e) => String::from_utf8_lossy(&data[..e.valid_up_to()]).into_owned(),
    };
    use planlens::compare::{self, render};
    let k = compare::check(&text);
    let _ = render::json(&k);
    let _ = render::check_markdown(&k);
    let _ = render::check_csv(&k);
});
