//! `planlens` — the command line.
//!
//! ```text
//! planlens analyze FILE|-|DIR... [--format json|markdown|csv|jsonl] [--encoding utf-8|gb18030] [--max-bytes N]
//! planlens compare A B [--format json|markdown|csv] [--encoding utf-8|gb18030] [--max-bytes N]
//! planlens check FILE [--format json|markdown|csv] [--encoding utf-8|gb18030] [--max-bytes N]
//! planlens corpus DIR|FILE... [--reference FILE] [--format json|markdown|csv|targets-csv] [--encoding …] [--max-bytes N]
//! ```
//! `corpus` prints a `planlens-corpus/1` line-up of many plans by indicator (see
//! `docs/corpus-schema.md`); `csv` is its matrix, `targets-csv` every target of every plan.
//! `compare` prints a `planlens-compare/1` comparison of two plans, `check` a `planlens-check/1`
//! self-consistency check of one (see `docs/compare-schema.md`).
//! One file prints one `planlens/1` document; several files or a directory (even one holding a
//! single file) print JSON Lines (one analysis per line, with its `file`), analysed in parallel.
//! A PDF (its text layer) and a .docx are read as well, known by their first bytes: their analysis
//! carries the extracted text in `text`; a scanned, encrypted or broken PDF is exit 1.
//! Each input is read up to `--max-bytes` (64 MiB unless raised; pipes and devices too). Exit
//! codes: 0 ok, 1 bad input or a failed write (one line on stderr), 2 usage, 141 when the reader
//! of stdout went away (as a shell reports a process ended by SIGPIPE).

use planlens::decode::{decode, Encoding};
use planlens::{analyze, render};
use std::io::{Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: planlens analyze FILE|-|DIR... [--format json|markdown|csv|jsonl] [--encoding utf-8|gb18030] [--max-bytes N]
       planlens compare A B [--format json|markdown|csv] [--encoding utf-8|gb18030] [--max-bytes N]
       planlens check FILE [--format json|markdown|csv] [--encoding utf-8|gb18030] [--max-bytes N]
       planlens corpus DIR|FILE... [--reference FILE] [--format json|markdown|csv|targets-csv] [--encoding utf-8|gb18030] [--max-bytes N]
  --max-bytes N  read at most N bytes of each input (default 64M; suffixes K, M, G)";

/// How much of one input is read unless `--max-bytes` raises it: far above any real plan (the
/// longest are a few MB), low enough that `/dev/zero` or a wrong file stops at once.
const DEFAULT_MAX_BYTES: u64 = 64 << 20;

/// One line on stderr. A failed write there (a closed or full stderr) is ignored: there is no
/// other channel to report it on, and `eprintln!` would panic.
fn say(msg: &str) {
    let _ = writeln!(std::io::stderr(), "{msg}");
}

/// The exit for a failed write to stdout: quiet 141 when the reader went away (`| head`),
/// else one line and 1 (a full disk must not look like success).
fn write_failed(e: &std::io::Error) -> ExitCode {
    if e.kind() == std::io::ErrorKind::BrokenPipe {
        return ExitCode::from(141);
    }
    say(&format!("planlens: stdout: {e}"));
    ExitCode::from(1)
}

/// Prints one whole output and flushes it, so a write error shows here and not after exit.
fn print_out(out: &str) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    match writeln!(stdout, "{}", out.trim_end()).and_then(|()| stdout.flush()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// Text a renderer writes piece by piece, passed on to stdout as it comes and ended as
/// [`print_out`] ends a whole output (trailing whitespace dropped, one newline): whitespace is
/// held back until something follows it. The markdown and CSV of a huge input are never one string.
struct Streamed<W: Write> {
    out: W,
    held: String,
    error: Option<std::io::Error>,
}

impl<W: Write> std::fmt::Write for Streamed<W> {
    fn write_str(&mut self, s: &str) -> std::fmt::Result {
        let body = s.trim_end();
        if !body.is_empty() {
            let written = self
                .out
                .write_all(self.held.as_bytes())
                .and_then(|()| self.out.write_all(body.as_bytes()));
            if let Err(e) = written {
                self.error = Some(e);
                return Err(std::fmt::Error);
            }
            self.held.clear();
        }
        self.held.push_str(&s[body.len()..]);
        Ok(())
    }
}

/// Prints what `render` writes, streamed (see [`Streamed`]), then a newline, flushed.
fn print_streamed(
    render: impl FnOnce(&mut Streamed<std::io::BufWriter<std::io::StdoutLock>>) -> std::fmt::Result,
) -> ExitCode {
    let mut s = Streamed {
        out: std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock()),
        held: String::new(),
        error: None,
    };
    let rendered = render(&mut s);
    let done = match (rendered, s.error.take()) {
        (_, Some(e)) => Err(e),
        (Err(_), None) => Err(std::io::Error::other("the output could not be formatted")),
        (Ok(()), None) => writeln!(s.out).and_then(|()| s.out.flush()),
    };
    match done {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// Prints one value as JSON (pretty, or on one line) straight to stdout and a newline, flushed:
/// the same bytes as [`print_out`] of the rendered string, without holding the whole text in
/// memory (the JSON of a huge input is several times the input).
fn print_json<T: serde::Serialize>(value: &T, pretty: bool) -> ExitCode {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = if pretty {
        serde_json::to_writer_pretty(&mut out, value)
    } else {
        serde_json::to_writer(&mut out, value)
    };
    match written
        .map_err(std::io::Error::from)
        .and_then(|()| writeln!(out))
        .and_then(|()| out.flush())
    {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => write_failed(&e),
    }
}

/// A byte count as a person would write it (`64 MiB`).
fn human_size(n: u64) -> String {
    match n {
        n if n >= 1 << 20 && n % (1 << 20) == 0 => format!("{} MiB", n >> 20),
        n if n >= 1 << 10 && n % (1 << 10) == 0 => format!("{} KiB", n >> 10),
        n => format!("{n} bytes"),
    }
}

/// `--max-bytes` value: a byte count with an optional K, M or G (binary) suffix.
fn parse_size(v: &str) -> Option<u64> {
    let v = v.trim();
    let (digits, shift) = match v.char_indices().last()? {
        (i, 'k' | 'K') => (&v[..i], 10),
        (i, 'm' | 'M') => (&v[..i], 20),
        (i, 'g' | 'G') => (&v[..i], 30),
        _ => (v, 0),
    };
    digits.parse::<u64>().ok()?.checked_mul(1 << shift)
}

#[derive(Clone, Copy, PartialEq)]
enum Format {
    Json,
    Markdown,
    Csv,
    Jsonl,
    /// Every target of every plan of a corpus, as CSV.
    TargetsCsv,
}

struct Args {
    inputs: Vec<String>,
    format: Option<Format>,
    encoding: Encoding,
    max_bytes: u64,
    reference: Option<String>,
}

fn parse_args(args: &[String]) -> Result<Args, String> {
    let mut it = args.iter();
    match it.next().map(String::as_str) {
        Some("analyze" | "compare" | "check" | "corpus") => {}
        Some("-h" | "--help") | None => return Err(String::new()),
        Some(other) => return Err(format!("unknown command '{other}'")),
    }
    let mut a = Args {
        inputs: Vec::new(),
        format: None,
        encoding: Encoding::Utf8,
        max_bytes: DEFAULT_MAX_BYTES,
        reference: None,
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
                    "targets-csv" => Format::TargetsCsv,
                    v => {
                        return Err(format!(
                            "unknown format '{v}' (json, markdown, csv, jsonl, targets-csv)"
                        ))
                    }
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
            "--max-bytes" => {
                let v = value()?;
                a.max_bytes = parse_size(&v).filter(|&n| n > 0).ok_or(format!(
                    "--max-bytes needs a byte count such as 64M, got '{v}'"
                ))?
            }
            "--reference" => a.reference = Some(value()?),
            "-h" | "--help" => return Err(String::new()),
            k if k.starts_with('-') && k != "-" => return Err(format!("unknown option '{k}'")),
            _ => a.inputs.push(arg.clone()),
        }
    }
    let corpus = args.first().is_some_and(|c| c == "corpus");
    if a.reference.is_some() && !corpus {
        return Err("--reference goes with corpus".into());
    }
    if a.format == Some(Format::TargetsCsv) && !corpus {
        return Err("targets-csv goes with corpus".into());
    }
    if a.inputs.is_empty() {
        return Err("no input given (a file, '-' for stdin, or a directory)".into());
    }
    if a.inputs.iter().filter(|i| *i == "-").count() > 1 {
        return Err("stdin ('-') can be read only once".into());
    }
    Ok(a)
}

/// One input as text: decoded text, or the text extracted from a PDF or .docx (which the
/// analysis then carries, since its spans point into it).
enum Input {
    Plain(String),
    Extracted(String),
}

impl Input {
    fn text(&self) -> &str {
        match self {
            Input::Plain(t) | Input::Extracted(t) => t,
        }
    }

    fn analyze(self) -> planlens::model::Analysis {
        match self {
            Input::Plain(t) => analyze(&t),
            Input::Extracted(t) => planlens::analyze_extracted(t),
        }
    }
}

/// Reads one input: a PDF's text layer, a .docx's paragraphs, or text decoded.
fn read_input(path: &str, enc: Encoding, max: u64) -> Result<Input, String> {
    let name = if path == "-" { "stdin" } else { path };
    let bytes = read_bytes(path, max)?;
    if planlens::pdf::looks_like_pdf(&bytes) {
        QUIET_PANIC.with(|q| q.set(true));
        let text = std::panic::catch_unwind(|| planlens::pdf::pdf_text(&bytes))
            .unwrap_or_else(|_| Err(planlens::pdf::PdfError::Broken("the reader failed".into())));
        QUIET_PANIC.with(|q| q.set(false));
        return text
            .map(Input::Extracted)
            .map_err(|e| format!("{name}: {e}"));
    }
    if planlens::docx::looks_like_zip(&bytes) {
        return planlens::docx::docx_text(&bytes)
            .map(Input::Extracted)
            .map_err(|e| format!("{name}: not a readable .docx (ZIP archive): {e}"));
    }
    decode(&bytes, enc)
        .map(Input::Plain)
        .map_err(|e| format!("{name}: {e}"))
}

/// Reads one input, at most `max` bytes of it: a pipe, a FIFO or a device is read
/// like a file, and one that goes on past the cap is refused rather than read for ever.
fn read_bytes(path: &str, max: u64) -> Result<Vec<u8>, String> {
    let name = if path == "-" { "stdin" } else { path };
    let source: Box<dyn Read> = if path == "-" {
        Box::new(std::io::stdin())
    } else {
        Box::new(std::fs::File::open(path).map_err(|e| format!("{path}: {e}"))?)
    };
    let mut bytes = Vec::new();
    source
        .take(max.saturating_add(1))
        .read_to_end(&mut bytes)
        .map_err(|e| format!("{name}: {e}"))?;
    if bytes.len() as u64 > max {
        return Err(format!(
            "{name}: larger than {} ({max} bytes); not read (raise the limit with --max-bytes)",
            human_size(max)
        ));
    }
    Ok(bytes)
}

/// What a directory's files are analysed of (case aside).
const READ_EXTENSIONS: [&str; 4] = ["txt", "md", "pdf", "docx"];

/// Files to analyse: each argument, directories expanded to their `.txt`/`.md`/`.pdf`/`.docx`
/// files (sorted),
/// and whether any argument was a directory (its output is JSON Lines however many files it has).
/// A directory with no such file is an error: an empty output would look like success.
fn expand(inputs: &[String]) -> Result<(Vec<String>, bool), String> {
    let mut out = Vec::new();
    let mut any_dir = false;
    for i in inputs {
        let p = Path::new(i);
        if i != "-" && p.is_dir() {
            any_dir = true;
            let mut files: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| format!("{i}: {e}"))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.is_file()
                        && p.extension().is_some_and(|x| {
                            let x = x.to_string_lossy().to_ascii_lowercase();
                            READ_EXTENSIONS.contains(&x.as_str())
                        })
                })
                .collect();
            if files.is_empty() {
                return Err(format!(
                    "{i}: no .txt, .md, .pdf or .docx files in this directory"
                ));
            }
            files.sort();
            out.extend(files.into_iter().map(|p| p.to_string_lossy().into_owned()));
        } else {
            out.push(i.clone());
        }
    }
    Ok((out, any_dir))
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

/// Runs `f` on every file on all cores; the results in input order (`None` where a worker died).
fn par_map<T: Send>(files: &[String], f: impl Fn(&str) -> T + Sync) -> Vec<Option<T>> {
    let mut out = Vec::with_capacity(files.len());
    par_each(files, f, |r| {
        out.push(r);
        true
    });
    out
}

/// Runs `f` on every file on all cores and hands each result to `emit` in input order as soon as
/// it and those before it are done (`None` where `f` panicked); `emit` returning false stops the
/// run. Workers stay at most a few files ahead of `emit`, so only a few results wait in memory
/// however many files there are.
fn par_each<T: Send>(
    files: &[String],
    f: impl Fn(&str) -> T + Sync,
    mut emit: impl FnMut(Option<T>) -> bool,
) {
    use std::collections::BTreeMap;
    use std::sync::{Condvar, Mutex};
    struct State<T> {
        /// The next file a worker takes.
        next: usize,
        /// The next result `emit` takes.
        emitted: usize,
        done: BTreeMap<usize, Option<T>>,
        stop: bool,
    }
    let threads = std::thread::available_parallelism()
        .map_or(1, |n| n.get())
        .min(files.len().max(1));
    let ahead = 2 * threads;
    let state = Mutex::new(State {
        next: 0,
        emitted: 0,
        done: BTreeMap::new(),
        stop: false,
    });
    let changed = Condvar::new();
    let lock = || state.lock().unwrap_or_else(|e| e.into_inner());
    std::thread::scope(|s| {
        for _ in 0..threads {
            s.spawn(|| loop {
                let i = {
                    let mut st = lock();
                    while !st.stop && st.next < files.len() && st.next >= st.emitted + ahead {
                        st = changed.wait(st).unwrap_or_else(|e| e.into_inner());
                    }
                    if st.stop || st.next >= files.len() {
                        break;
                    }
                    st.next += 1;
                    st.next - 1
                };
                let r =
                    std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| f(&files[i]))).ok();
                lock().done.insert(i, r);
                changed.notify_all();
            });
        }
        for i in 0..files.len() {
            let r = {
                let mut st = lock();
                loop {
                    if let Some(r) = st.done.remove(&i) {
                        break r;
                    }
                    st = changed.wait(st).unwrap_or_else(|e| e.into_inner());
                }
            };
            let go_on = emit(r);
            let mut st = lock();
            st.emitted = i + 1;
            st.stop = !go_on;
            drop(st);
            changed.notify_all();
            if !go_on {
                break;
            }
        }
    });
}

fn batch(files: &[String], enc: Encoding, max: u64) -> ExitCode {
    let mut stdout = std::io::stdout().lock();
    let mut failed = false;
    let mut write_error = None;
    // each line is written as soon as it and the lines before it are ready
    par_each(
        files,
        |f| {
            read_input(f, enc, max).map(|input| {
                let analysis = input.analyze();
                let record = Record {
                    analysis: &analysis,
                    file: f,
                };
                serde_json::to_string(&record).unwrap_or_default()
            })
        },
        |r| {
            match r {
                Some(Ok(line)) => {
                    if let Err(e) = writeln!(stdout, "{line}") {
                        write_error = Some(e);
                        return false;
                    }
                }
                Some(Err(e)) => {
                    say(&format!("planlens: {e}"));
                    failed = true;
                }
                None => failed = true,
            }
            true
        },
    );
    if let Some(e) = write_error.or_else(|| stdout.flush().err()) {
        return write_failed(&e);
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
        say(&format!(
            "planlens: {command} takes {want} file(s) ('-' for stdin), got {}",
            args.inputs.len()
        ));
        say(USAGE);
        return ExitCode::from(2);
    }
    if args.format == Some(Format::Jsonl) {
        say(&format!("planlens: {command} prints json, markdown or csv"));
        return ExitCode::from(2);
    }
    let mut texts = Vec::new();
    for f in &args.inputs {
        match read_input(f, args.encoding, args.max_bytes) {
            Ok(t) => texts.push(t.text().to_string()),
            Err(e) => {
                say(&format!("planlens: {e}"));
                return ExitCode::from(1);
            }
        }
    }
    use planlens::compare::{self, render as cr};
    let fmt = args.format.unwrap_or(Format::Json);
    if command == "compare" {
        let (a, b) = if texts[0].len() + texts[1].len() <= PARALLEL_COMPARE_BYTES {
            // the two plans are analysed at once, one per core
            std::thread::scope(|s| {
                let b = s.spawn(|| analyze(&texts[1]));
                let a = analyze(&texts[0]);
                (a, b.join())
            })
        } else {
            (analyze(&texts[0]), Ok(analyze(&texts[1])))
        };
        let Ok(b) = b else {
            say("planlens: the analysis of B failed");
            return ExitCode::from(1);
        };
        let c = compare::compare_analyses(&texts[0], &a, &texts[1], &b);
        let code = match fmt {
            Format::Markdown => print_streamed(|out| cr::write_markdown(out, &c)),
            Format::Csv => print_streamed(|out| cr::write_csv(out, &c)),
            _ => print_json(&c, true),
        };
        left_to_exit((a, b, c, texts));
        code
    } else {
        let c = compare::check(&texts[0]);
        match fmt {
            Format::Markdown => print_streamed(|out| cr::write_check_markdown(out, &c)),
            Format::Csv => print_streamed(|out| cr::write_check_csv(out, &c)),
            _ => print_json(&c, true),
        }
    }
}

/// Two plans longer than this together are analysed one after the other: at once, both
/// analyses' peaks (each with a heap of its thread) would be held together, and for inputs this
/// long the memory matters more than the seconds a second core saves.
const PARALLEL_COMPARE_BYTES: usize = 4 << 20;

/// The names the corpus shows: file names, or the paths as given when two files share a name.
fn doc_names(files: &[String]) -> Vec<String> {
    let base: Vec<String> = files
        .iter()
        .map(|f| {
            Path::new(f)
                .file_name()
                .map_or(f.clone(), |n| n.to_string_lossy().into_owned())
        })
        .collect();
    let unique = base
        .iter()
        .all(|b| base.iter().filter(|o| *o == b).count() == 1);
    if unique {
        base
    } else {
        files.to_vec()
    }
}

/// The files of a corpus and the index of the reference among them (added first when the
/// directory does not hold it).
fn corpus_files(args: &Args) -> Result<(Vec<String>, Option<usize>), String> {
    let (mut files, _) = expand(&args.inputs)?;
    let Some(r) = &args.reference else {
        return Ok((files, None));
    };
    let same = |f: &String| match (std::fs::canonicalize(f), std::fs::canonicalize(r)) {
        (Ok(a), Ok(b)) => a == b,
        _ => f == r,
    };
    match files.iter().position(same) {
        Some(i) => Ok((files, Some(i))),
        None => {
            files.insert(0, r.clone());
            Ok((files, Some(0)))
        }
    }
}

/// `planlens corpus DIR…`: every plan read and analysed on all cores, then lined up by
/// indicator. A file that cannot be read is reported (stderr and the output's `errors`) and the
/// others go on; the exit code is then 1, as for `analyze DIR`. An unreadable reference stops it.
fn corpus_cmd(args: &Args) -> ExitCode {
    use planlens::corpus::{self, render as cr, Input, ReadError};
    if args.format == Some(Format::Jsonl) {
        say("planlens: corpus prints json, markdown, csv or targets-csv");
        return ExitCode::from(2);
    }
    let (files, reference) = match corpus_files(args) {
        Ok(f) => f,
        Err(e) => {
            say(&format!("planlens: {e}"));
            return ExitCode::from(1);
        }
    };
    let names = doc_names(&files);
    let read = par_map(&files, |f| {
        read_input(f, args.encoding, args.max_bytes).map(|t| {
            let text = t.text().to_string();
            (text, t.analyze())
        })
    });
    let mut docs = Vec::new();
    let mut errors = Vec::new();
    let mut reference_at = None;
    for (i, r) in read.into_iter().enumerate() {
        match r {
            Some(Ok(d)) => {
                if reference == Some(i) {
                    reference_at = Some(docs.len());
                }
                docs.push((names[i].as_str(), d));
            }
            failed => {
                let message = match failed {
                    Some(Err(e)) => e,
                    _ => format!("{}: not analysed", files[i]),
                };
                say(&format!("planlens: {message}"));
                if reference == Some(i) {
                    return ExitCode::from(1);
                }
                errors.push(ReadError {
                    name: names[i].clone(),
                    message,
                });
            }
        }
    }
    let inputs: Vec<Input> = docs
        .iter()
        .map(|(name, (text, analysis))| Input {
            name,
            text,
            analysis,
        })
        .collect();
    let mut c = corpus::corpus(&inputs, reference_at);
    c.errors = errors;
    let out = match args.format.unwrap_or(Format::Json) {
        Format::Markdown => cr::markdown(&c),
        Format::Csv => cr::matrix_csv(&c),
        Format::TargetsCsv => cr::targets_csv(&inputs),
        _ => cr::json(&c),
    };
    let code = print_out(&out);
    if c.errors.is_empty() || code != ExitCode::SUCCESS {
        code
    } else {
        ExitCode::from(1)
    }
}

thread_local! {
    /// Set while a PDF is parsed: a panic there is caught and reported as a broken PDF.
    static QUIET_PANIC: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

fn main() -> ExitCode {
    // one line on stderr for a panic, none for one the PDF reader's caller reports itself
    std::panic::set_hook(Box::new(|info| {
        if !QUIET_PANIC.with(|q| q.get()) {
            say(&format!("planlens: internal error: {info}").replace('\n', " "));
        }
    }));
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let args = match parse_args(&argv) {
        Ok(a) => a,
        Err(e) => {
            if !e.is_empty() {
                say(&format!("planlens: {e}"));
            }
            say(USAGE);
            return ExitCode::from(2);
        }
    };
    if argv.first().is_some_and(|c| c == "corpus") {
        return corpus_cmd(&args);
    }
    if let Some(cmd @ ("compare" | "check")) = argv.first().map(String::as_str) {
        return compare_or_check(cmd, &args);
    }
    let (files, any_dir) = match expand(&args.inputs) {
        Ok(f) => f,
        Err(e) => {
            say(&format!("planlens: {e}"));
            return ExitCode::from(1);
        }
    };
    if files.len() != 1 || any_dir || args.format == Some(Format::Jsonl) {
        if matches!(args.format, Some(Format::Markdown | Format::Csv)) {
            say("planlens: several inputs are printed as JSON Lines; markdown and csv take one file");
            return ExitCode::from(2);
        }
        return batch(&files, args.encoding, args.max_bytes);
    }
    let input = match read_input(&files[0], args.encoding, args.max_bytes) {
        Ok(t) => t,
        Err(e) => {
            say(&format!("planlens: {e}"));
            return ExitCode::from(1);
        }
    };
    let a = input.analyze();
    let code = match args.format.unwrap_or(Format::Json) {
        Format::Json => print_json(&a, true),
        Format::Markdown => print_streamed(|out| render::write_markdown(out, &a)),
        Format::Csv => print_streamed(|out| render::write_csv(out, &a)),
        Format::Jsonl | Format::TargetsCsv => print_json(&a, false),
    };
    left_to_exit(a);
    code
}

/// What the process holds once its output is written is not freed allocation by allocation:
/// the process ends next and the system takes its memory back at once. Freeing two long
/// plans' millions of small allocations one by one took a quarter of a second.
fn left_to_exit<T>(held: T) {
    std::mem::forget(held);
}
