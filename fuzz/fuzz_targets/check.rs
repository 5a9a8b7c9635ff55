//! Fuzz `check`: one plan, the whole input (its valid UTF-8 prefix), checked against itself
//! without a panic and rendered in every format.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
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
