//! Golden tests: the full `planlens/1` JSON and the Markdown outline of each real plan in
//! `tests/fixtures/`, compared with the reviewed copies in `tests/golden/`.
//!
//! A change in output fails here until it is looked at and accepted on purpose:
//! `PLANLENS_BLESS=1 cargo test --test golden` rewrites the goldens, and `git diff tests/golden`
//! shows what changed for review.

mod common;

use planlens::{analyze, render};
use std::path::PathBuf;

fn check(path: PathBuf, got: &str, failures: &mut Vec<String>) {
    if std::env::var_os("PLANLENS_BLESS").is_some() {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, got).unwrap();
        return;
    }
    match std::fs::read_to_string(&path) {
        Ok(want) if want == got => {}
        Ok(want) => {
            let line = want
                .lines()
                .zip(got.lines())
                .position(|(a, b)| a != b)
                .unwrap_or(want.lines().count().min(got.lines().count()));
            failures.push(format!(
                "{}: differs from line {} (want {:?}, got {:?})",
                path.display(),
                line + 1,
                want.lines().nth(line).unwrap_or(""),
                got.lines().nth(line).unwrap_or("")
            ));
        }
        Err(_) => failures.push(format!(
            "{}: missing (run with PLANLENS_BLESS=1 and review)",
            path.display()
        )),
    }
}

#[test]
fn seeds_match_their_goldens() {
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/golden");
    let mut failures = Vec::new();
    for (name, text) in common::fixtures() {
        let a = analyze(&text);
        check(
            dir.join(format!("{name}.json")),
            &(render::json(&a) + "\n"),
            &mut failures,
        );
        check(
            dir.join(format!("{name}.md")),
            &render::markdown(&a),
            &mut failures,
        );
    }
    assert!(
        failures.is_empty(),
        "golden mismatches:\n{}",
        failures.join("\n")
    );
}
