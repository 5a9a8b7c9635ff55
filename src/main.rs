//! `planlens` — the command line.
//!
//! ```text
//! planlens analyze FILE|-|DIR... [--format json|markdown|csv|jsonl] [--encoding utf-8|gb18030]
//! planlens compare A B [--format json|markdown|csv] [--encoding utf-8|gb18030]
//! planlens check FILE [--format json|markdown|csv] [--encoding utf-8|gb18030]
//! ```
//! `compare` prints a `planlens-compare/1` comparison of two plans, `check` a `planlens-check/1`
//! self-consistency check of one (see `docs/compare-schema.md`).
//! One file prints one `planlens/1` document; several files or a directory print JSON Lines (one
//! analysis per line, with its `file`), analysed in parallel. Exit codes: 0 ok, 1 bad input (one
//! line on stderr), 2 usage.

use planlens::decode::{decode, Encoding};
use planlens::{analyze, render};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: planlens analyze FILE|-|DIR... [--format json|markdown|csv|jsonl] [--encoding utf-8|gb18030]
       planlens compare A B [--format json|markdown|csv] [--encoding utf-8|gb18030]
       planlens check FILE [--format json|markdown|csv] [--encoding utf-8|gb18030]";

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Markdown,
    Csv,
    Jsonl,
}

struct Args {
    inputs: Vec<String>,
    format: Option<Format>,
    encoding: Encoding,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("analyze" | "compare" | "check") => {}
        Some("-h" | "--help") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command '{other}'")),
    }
    let mut a = Args {
        inputs: Vec::new(),
        format: None,
        encoding: Encoding::Utf8,
    };
    while let Some(arg) = it.next() {
        let (key, inline) = match arg.split_once('=') {
            Some((k, v)) if k.starts_with("--") => (k, Some(v.to_string())),
            _ => (arg.as_str(), None),
        };
        let mut value = || {
            inline
                .clone()
                .or_else(|| it.next().cloned())
                .ok_or(format!("{key} needs a value"))
        };
        match key {
            "--format" | "-f" => {
                a.format = Some(match value()?.as_str() {
                    "json" => Format::Json,
                    "markdown" | "md" => Format::Markdown,
                    "csv" => Format::Csv,
                    "jsonl" => Format::Jsonl,
                    v => return Err(format!("unknown format '{v}' (json, markdown, csv, jsonl)")),
                })
            }
            "--json" => a.format = Some(Format::Json),
            "--encoding" | "-e" => {
                a.encoding = match value()?.to_ascii_lowercase().as_str() {
                    "utf-8" | "utf8" => Encoding::Utf8,
                    "gb18030" | "gbk" | "gb2312" => Encoding::Gb18030,
                    v => return Err(format!("unknown encoding '{v}' (utf-8, gb18030)")),
                }
            }
            "-h" | "--help" => return Err(String::new()),
            k if k.starts_with('-') && k != "-" => return Err(format!("unknown option '{k}'")),
            _ => a.inputs.push(arg.clone()),
        }
    }
    if a.inputs.is_empty() {
        return Err("no input given (a file, '-' for stdin, or a directory)".into());
    }
    Ok(a)
}

fn read_input(path: &str, enc: Encoding) -> Result<String, String> {
    let bytes = if path == "-" {
        let mut b = Vec::new();
        std::io::stdin()
            .read_to_end(&mut b)
            .map_err(|e| format!("stdin: {e}"))?;
        b
    } else {
        std::fs::read(path).map_err(|e| format!("{path}: {e}"))?
    };
    decode(&bytes, enc).map_err(|e| format!("{path}: {e}"))
}

/// Files to analyse: each argument, directories expanded to their `.txt`/`.md` files (sorted).
fn expand(inputs: &[String]) -> Result<Vec<String>, String> {
    let mut out = Vec::new();
    for i in inputs {
        let p = Path::new(i);
        if i != "-" && p.is_dir() {
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("{i}: {e}"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.is_file() && p.extension().is_some_and(|x| x == "txt" || x == "md"))
                .collect();
            files.sort();
            out.extend(files.into_iter().map(|p| p.to_string_lossy().into_owned()));
        } else {
            out.push(i.clone());
        }
    }
    Ok(out)
}

/// Analyses many files on all cores and prints JSON Lines in input order.
/// One line of a directory's JSON Lines: the analysis (fields in schema order) and the file it
/// came from. Serialised straight to text: going through `serde_json::Value` to add the field
/// cost as much as a fifth of a batch run (every string copied into a tree, keys re-sorted).
#[derive(serde::Serialize)]
struct Record<'a> {
    #[serde(flatten)]
    analysis: &'a planlens::model::Analysis,
    file: &'a str,
}

fn batch(files: &[String], enc: Encoding) -> ExitCode {
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let next = std::sync::atomic::AtomicUsize::new(0);
    let results: Vec<std::sync::Mutex<Option<Result<String, String>>>> =
        files.iter().map(|_| std::sync::Mutex::new(None)).collect();
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = next.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
                let Some(f) = files.get(i) else { break };
                let r = read_input(f, enc).map(|text| {
                    let analysis = analyze(&text);
                    let record = Record {
                        analysis: &analysis,
                        file: f,
                    };
                    serde_json::to_string(&record).unwrap_or_default()
                });
                if let Ok(mut slot) = results[i].lock() {
                    *slot = Some(r);
                }
            });
        }
    });
    let mut stdout = std::io::stdout().lock();
    let mut failed = false;
    for r in results {
        match r.into_inner().ok().flatten() {
            Some(Ok(line)) => {
                let _ = writeln!(stdout, "{line}");
            }
            Some(Err(e)) => {
                eprintln!("planlens: {e}");
                failed = true;
            }
            None => failed = true,
        }
    }
    if failed {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}

/// `planlens compare A B` and `planlens check FILE`: same options and exit codes as `analyze`.
fn compare_or_check(command: &str, args: &Args) -> ExitCode {
    let want = if command == "compare" { 2 } else { 1 };
    if args.inputs.len() != want {
        eprintln!(
            "planlens: {command} takes {want} file(s) ('-' for stdin), got {}",
            args.inputs.len()
        );
        eprintln!("{USAGE}");
        return ExitCode::from(2);
    }
    if args.format == Some(Format::Jsonl) {
        eprintln!("planlens: {command} prints json, markdown or csv");
        return ExitCode::from(2);
    }
    let mut texts = Vec::new();
    for f in &args.inputs {
        match read_input(f, args.encoding) {
            Ok(t) => texts.push(t),
            Err(e) => {
                eprintln!("planlens: {e}");
                return ExitCode::from(1);
            }
        }
    }
    use planlens::compare::{self, render as cr};
    let fmt = args.format.unwrap_or(Format::Json);
    let out = if command == "compare" {
        let c = compare::compare(&texts[0], &texts[1]);
        match fmt {
            Format::Markdown => cr::markdown(&c),
            Format::Csv => cr::csv(&c),
            _ => cr::json(&c),
        }
    } else {
        let c = compare::check(&texts[0]);
        match fmt {
            Format::Markdown => cr::check_markdown(&c),
            Format::Csv => cr::check_csv(&c),
            _ => cr::json(&c),
        }
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{}", out.trim_end()).is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}

fn main() -> ExitCode {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                eprintln!("planlens: {e}");
            }
            eprintln!("{USAGE}");
            return ExitCode::from(2);
        }
    };
    if let Some(cmd @ ("compare" | "check")) = argv.first().map(String::as_str) {
        return compare_or_check(cmd, &args);
    }
    let files = match expand(&args.inputs) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("planlens: {e}");
            return ExitCode::from(1);
        }
    };
    if files.len() != 1 || args.format == Some(Format::Jsonl) {
        if matches!(args.format, Some(Format::Markdown | Format::Csv)) {
            eprintln!("planlens: several inputs are printed as JSON Lines; markdown and csv take one file");
            return ExitCode::from(2);
        }
        return batch(&files, args.encoding);
    }
    let text = match read_input(&files[0], args.encoding) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("planlens: {e}");
            return ExitCode::from(1);
        }
    };
    let a = analyze(&text);
    let out = match args.format.unwrap_or(Format::Json) {
        Format::Json => render::json(&a),
        Format::Markdown => render::markdown(&a),
        Format::Csv => render::csv(&a),
        Format::Jsonl => render::json_line(&a),
    };
    let mut stdout = std::io::stdout().lock();
    if writeln!(stdout, "{}", out.trim_end()).is_err() {
        return ExitCode::from(1);
    }
    ExitCode::SUCCESS
}
