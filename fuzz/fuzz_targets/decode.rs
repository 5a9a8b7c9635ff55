//! Fuzz the CLI's input path: arbitrary bytes through `decode` (as UTF-8 and as GB18030), and
//! whatever decodes through `analyze`. A refusal is fine; a panic is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use planlens::decode::{decode, Encoding};

fuzz_target!(|data: &[u8]| {
    for enc in [Encoding::Utf8, Encoding::Gb18030] {
        match decode(data, enc) {
            Ok(text) => {
                let a = planlens::analyze(&text);
                let _ = planlens::render::json(&a);
            }
            Err(e) => assert!(!e.to_string().contains('\n'), "message is one line"),
        }
    }
});
