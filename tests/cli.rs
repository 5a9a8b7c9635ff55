//! The command line as a user runs it: formats, stdin, encodings, exit codes.

use std::io::Write;
use std::process::{Command, Output, Stdio};

/// Starts planlens with piped output and the given stdin.
fn spawn(args: &[&str], stdin: Stdio) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_planlens"))
        .args(args)
        .stdin(stdin)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("run planlens")
}

fn planlens(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = spawn(args, Stdio::piped());
    if let Some(input) = stdin {
        // A run that refuses its arguments exits before reading stdin; the
        // closed pipe is then the expected outcome, not a test failure.
        match child.stdin.take().unwrap().write_all(input) {
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => {}
            other => other.unwrap(),
        }
    } else {
        drop(child.stdin.take());
    }
    child.wait_with_output().expect("planlens output")
}

/// Runs planlens with a reader that takes ten bytes of its output and goes away.
fn planlens_read_ten_bytes(args: &[&str]) -> Output {
    use std::io::Read;
    let mut child = spawn(args, Stdio::null());
    let mut head = [0u8; 10];
    child.stdout.take().unwrap().read_exact(&mut head).unwrap();
    child.wait_with_output().expect("planlens output")
}

fn fixture(name: &str) -> String {
    format!("{}/tests/fixtures/{name}", env!("CARGO_MANIFEST_DIR"))
}

fn tmp(name: &str, bytes: &[u8]) -> String {
    let dir = std::env::temp_dir().join(format!("planlens-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let p = dir.join(name);
    std::fs::write(&p, bytes).unwrap();
    p.to_string_lossy().into_owned()
}

/// The run exited 0; its stderr is the failure message otherwise.
fn assert_ok(out: &Output) {
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
}

/// The run succeeded and gave exactly the seed's own analysis: the input, however it was
/// encoded or passed, was read as the seed's text.
fn assert_reads_as_seed(out: &Output) {
    assert_ok(out);
    assert_eq!(
        json(out),
        json(&planlens(&["analyze", &fixture(SEED)], None))
    );
}

fn json(out: &Output) -> serde_json::Value {
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("not JSON ({e}): {}", String::from_utf8_lossy(&out.stdout)))
}

const SEED: &str = "002_e8cc19e7a70357cd.txt";

#[test]
fn analyze_prints_planlens_json() {
    let out = planlens(&["analyze", &fixture(SEED)], None);
    assert_ok(&out);
    let v = json(&out);
    assert_eq!(v["schema"], "planlens/1");
    assert!(v["outline"].as_array().is_some_and(|o| !o.is_empty()));
    assert!(v["targets"].as_array().is_some_and(|t| !t.is_empty()));
    for key in ["document", "tables", "warnings"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
}

#[test]
fn stdin_gives_the_same_analysis_as_the_file() {
    let bytes = std::fs::read(fixture(SEED)).unwrap();
    let a = planlens(&["analyze", &fixture(SEED)], None);
    let b = planlens(&["analyze", "-"], Some(&bytes));
    assert_eq!(b.status.code(), Some(0));
    assert_eq!(json(&a), json(&b));
}

#[test]
fn markdown_lists_targets_under_headings() {
    let out = planlens(&["analyze", &fixture(SEED), "--format", "markdown"], None);
    assert_eq!(out.status.code(), Some(0));
    let md = String::from_utf8(out.stdout).unwrap();
    assert!(md.starts_with("# "), "{md}");
    assert!(
        md.lines().any(|l| l.starts_with("## ")),
        "no section heading"
    );
    assert!(md.lines().any(|l| l.starts_with("- **")), "no target line");
}

#[test]
fn csv_has_one_row_per_target_with_its_section() {
    let out = planlens(&["analyze", &fixture(SEED), "--format=csv"], None);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8(out.stdout).unwrap();
    let v = json(&planlens(&["analyze", &fixture(SEED)], None));
    let n = v["targets"].as_array().unwrap().len();
    let mut lines = csv.lines();
    assert!(lines.next().unwrap().starts_with("section,text,kind,value"));
    // Records, not physical lines: a quoted cell may hold a line break.
    let mut quoted = false;
    let mut records = 0;
    for c in csv.chars() {
        match c {
            '"' => quoted = !quoted,
            '\n' if !quoted => records += 1,
            _ => {}
        }
    }
    assert_eq!(records - 1, n);
}

#[test]
fn gb18030_input_is_refused_with_a_hint_then_read_with_the_flag() {
    let text = std::fs::read_to_string(fixture(SEED)).unwrap();
    // Encode as GB18030 by hand through encoding_rs's encoder (a dev path only).
    let (gbk, _, _) = encoding_rs::GB18030.encode(&text);
    let path = tmp("plan-gbk.txt", &gbk);
    let refused = planlens(&["analyze", &path], None);
    assert_eq!(refused.status.code(), Some(1));
    let err = String::from_utf8_lossy(&refused.stderr);
    assert!(err.contains("--encoding gb18030"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "one-line message: {err}");
    let read = planlens(&["analyze", &path, "--encoding", "gb18030"], None);
    assert_reads_as_seed(&read);
}

#[test]
fn binary_input_is_refused() {
    let path = tmp("image.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0");
    let out = planlens(&["analyze", &path], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("binary"));
}

#[test]
fn empty_input_is_valid_json_with_a_warning() {
    let out = planlens(&["analyze", "-"], Some(b""));
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["outline"].as_array().unwrap().len(), 0);
    assert_eq!(v["warnings"][0]["code"], "empty-input");
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &[][..],
        &["analyze"][..],
        &["frobnicate", "x"][..],
        &["analyze", "a.txt", "--format", "pdf"][..],
    ] {
        let out = planlens(args, None);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(String::from_utf8_lossy(&out.stderr).contains("usage"));
    }
}

#[test]
fn missing_file_exits_1() {
    let out = planlens(&["analyze", "/nonexistent/plan.txt"], None);
    assert_eq!(out.status.code(), Some(1));
}

#[test]
fn a_directory_gives_json_lines_in_order() {
    let dir = format!("{}/tests/fixtures", env!("CARGO_MANIFEST_DIR"));
    let out = planlens(&["analyze", &dir], None);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 5);
    let files: Vec<&str> = lines.iter().map(|v| v["file"].as_str().unwrap()).collect();
    let mut sorted = files.clone();
    sorted.sort();
    assert_eq!(files, sorted);
    assert!(lines.iter().all(|v| v["schema"] == "planlens/1"));
}

#[test]
fn zip_and_nul_files_are_refused_as_binary() {
    for (name, bytes) in [
        ("plan.docx", &b"PK\x03\x04\x14\0\x06\0word/document.xml"[..]),
        ("nul.txt", &b"\xe4\xb8\x80\xe3\x80\x81abc\0\0def"[..]),
    ] {
        let out = planlens(&["analyze", &tmp(name, bytes)], None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(
            err.contains("binary") || err.contains("ZIP"),
            "{name}: {err}"
        );
        assert_eq!(err.trim().lines().count(), 1, "one-line message: {err}");
        assert!(out.stdout.is_empty(), "{name}: printed something");
    }
}

#[test]
fn utf16_with_a_bom_is_read_like_the_utf8_file() {
    let text = std::fs::read_to_string(fixture(SEED)).unwrap();
    let le: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(text.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let out = planlens(&["analyze", &tmp("plan-utf16.txt", &le)], None);
    assert_reads_as_seed(&out);
}

#[test]
fn invalid_utf8_that_is_not_gbk_still_gets_one_line_with_the_hint() {
    let out = planlens(&["analyze", "-"], Some(b"\xe4\xb8\x80\xff\xfe\xff"));
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("UTF-8") && err.contains("gb18030"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn whitespace_only_input_is_empty_too() {
    let out = planlens(&["analyze", "-"], Some("\u{3000}\r\n \n\t".as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    let v = json(&out);
    assert_eq!(v["outline"].as_array().unwrap().len(), 0);
    assert_eq!(v["targets"].as_array().unwrap().len(), 0);
    assert_eq!(v["warnings"][0]["code"], "empty-input");
}

/// One unreadable file in a directory is reported on stderr; the others are still analysed and
/// printed, and the exit code says something failed.
#[test]
fn a_directory_with_one_bad_file_prints_the_others_and_exits_1() {
    let dir = std::env::temp_dir().join(format!("planlens-cli-dir-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read(fixture(SEED)).unwrap();
    std::fs::write(dir.join("a.txt"), &good).unwrap();
    std::fs::write(dir.join("b.txt"), b"\x89PNG\r\n\x1a\n\0\0").unwrap();
    std::fs::write(dir.join("c.md"), &good).unwrap();
    let out = planlens(&["analyze", &dir.to_string_lossy()], None);
    assert_eq!(out.status.code(), Some(1));
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    let files: Vec<&str> = lines.iter().map(|v| v["file"].as_str().unwrap()).collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert!(
        files[0].ends_with("a.txt") && files[1].ends_with("c.md"),
        "{files:?}"
    );
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("b.txt") && err.contains("PNG"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let _ = std::fs::remove_dir_all(&dir);
}

/// A plan whose title and section names carry HTML and a Markdown link, and a target whose
/// quantity starts with `+`: compare and check escape the one and defuse the other like analyze.
const HOSTILE: &[u8] = "<img src=x onerror=alert(1)>工作要点\n一、<script>加强</script>[x](javascript:alert(1))\n完成9所学校建设。\n城镇新增就业增加5个百分点。\n".as_bytes();

#[test]
fn compare_and_check_markdown_escape_titles_and_sections() {
    let f = tmp("hostile.txt", HOSTILE);
    for args in [
        vec!["compare", &f, &f, "--format", "markdown"],
        vec!["check", &f, "--format", "markdown"],
    ] {
        let out = planlens(&args, None);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        let md = String::from_utf8_lossy(&out.stdout);
        assert!(md.contains("&lt;img"), "{md}");
        for raw in ["<img", "<script", "](javascript"] {
            assert!(!md.contains(raw), "{raw} passed through: {md}");
        }
    }
}

#[test]
fn compare_and_check_csv_defuse_formula_cells() {
    let f = tmp("hostile-csv.txt", HOSTILE);
    let out = planlens(&["compare", &f, &f, "--format", "csv"], None);
    assert_eq!(out.status.code(), Some(0));
    let csv = String::from_utf8_lossy(&out.stdout);
    assert!(csv.contains(",'+5个百分点,"), "{csv}");
    for line in csv.lines() {
        for cell in line.split(',') {
            let live = cell.starts_with(['=', '+', '@', '\t', '\r'])
                || (cell.starts_with('-') && cell.parse::<f64>().is_err());
            assert!(!live, "formula-looking cell {cell:?} in {line}");
        }
    }
}

/// A fresh directory under the temp dir holding `n` copies of the seed plan.
fn seed_dir(name: &str, n: usize) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("planlens-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let good = std::fs::read(fixture(SEED)).unwrap();
    for i in 0..n {
        std::fs::write(dir.join(format!("p{i:02}.txt")), &good).unwrap();
    }
    dir
}

/// Runs planlens with stdout or stderr sent to `/dev/full` (Linux); `None` where there is none.
fn into_full_device(args: &[&str], stdout: bool) -> Option<Output> {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .ok()?;
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_planlens"));
    cmd.args(args).stdin(Stdio::null());
    if stdout {
        cmd.stdout(full).stderr(Stdio::piped());
    } else {
        cmd.stdout(Stdio::piped()).stderr(full);
    }
    Some(cmd.output().unwrap())
}

#[test]
fn a_full_stderr_is_no_panic() {
    let bin = tmp("random.bin", &[0x89, 0x50, 0x4e, 0x47, 0, 0, 0xff, 0xfe, 0]);
    let Some(out) = into_full_device(&["analyze", &bin], false) else {
        return;
    };
    assert_eq!(out.status.code(), Some(1));
    let Some(out) = into_full_device(&["analyze", "--bogus"], false) else {
        return;
    };
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn a_full_disk_fails_a_directory_run_and_a_single_file() {
    let dir = seed_dir("full", 2);
    let file = fixture(SEED);
    for args in [
        vec!["analyze", dir.to_str().unwrap()],
        vec!["analyze", &file],
    ] {
        let Some(out) = into_full_device(&args, true) else {
            return;
        };
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains("stdout"), "{err}");
    }
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_reader_that_goes_away_ends_a_directory_run_quietly_with_141() {
    // Twenty plans print far more than a pipe buffers, so the writer meets the closed pipe.
    let dir = seed_dir("pipe", 20);
    let out = planlens_read_ten_bytes(&["analyze", dir.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(141));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn input_past_the_size_cap_is_refused_and_the_cap_can_be_raised() {
    let text = "完成9所学校建设。".repeat(20);
    let out = planlens(
        &["analyze", "-", "--max-bytes", "100"],
        Some(text.as_bytes()),
    );
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("--max-bytes") && err.contains("stdin"),
        "{err}"
    );
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    let out = planlens(&["analyze", "-", "--max-bytes=1K"], Some(text.as_bytes()));
    assert_eq!(out.status.code(), Some(0));
    let out = planlens(&["analyze", "-", "--max-bytes", "lots"], Some(b""));
    assert_eq!(out.status.code(), Some(2));
}

#[test]
fn an_endless_device_stops_at_the_cap() {
    if !std::path::Path::new("/dev/zero").exists() {
        return;
    }
    let t = std::time::Instant::now();
    let out = planlens(&["analyze", "/dev/zero", "--max-bytes", "1M"], None);
    assert_eq!(out.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&out.stderr).contains("larger than 1 MiB"));
    assert!(t.elapsed().as_secs() < 20);
}

#[test]
fn a_fifo_is_read_like_a_file() {
    let path = std::env::temp_dir().join(format!("planlens-cli-fifo-{}", std::process::id()));
    let _ = std::fs::remove_file(&path);
    let made = Command::new("mkfifo").arg(&path).status();
    if !made.is_ok_and(|s| s.success()) {
        return;
    }
    let writer = {
        let path = path.clone();
        std::thread::spawn(move || std::fs::write(path, "完成9所学校建设。".as_bytes()))
    };
    let out = planlens(&["analyze", path.to_str().unwrap()], None);
    writer.join().unwrap().unwrap();
    assert_eq!(out.status.code(), Some(0));
    assert_eq!(json(&out)["targets"].as_array().map(Vec::len), Some(1));
    let _ = std::fs::remove_file(&path);
}

#[test]
fn stdin_twice_is_a_usage_error() {
    let out = planlens(&["compare", "-", "-"], Some("完成9所。".as_bytes()));
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("only once"));
}

#[test]
fn an_empty_directory_exits_1_with_one_line() {
    let dir = seed_dir("empty", 0);
    let out = planlens(&["analyze", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(err.trim().lines().count(), 1, "{err}");
    assert!(err.contains("no .txt, .md, .pdf or .docx"), "{err}");
    assert!(out.stdout.is_empty());
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn a_directory_with_one_file_is_json_lines_too() {
    let dir = seed_dir("one", 1);
    let out = planlens(&["analyze", dir.to_str().unwrap()], None);
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
    assert_eq!(text.lines().count(), 1, "one compact line");
    let v: serde_json::Value = serde_json::from_str(text.trim()).unwrap();
    assert!(v["file"].as_str().is_some_and(|f| f.ends_with("p00.txt")));
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn utf32_with_a_bom_is_read_like_the_utf8_file() {
    let text = std::fs::read_to_string(fixture(SEED)).unwrap();
    let be: Vec<u8> = [0, 0, 0xFE, 0xFF]
        .into_iter()
        .chain(text.chars().flat_map(|c| (c as u32).to_be_bytes()))
        .collect();
    let out = planlens(&["analyze", &tmp("plan-utf32.txt", &be)], None);
    assert_reads_as_seed(&out);
}

#[test]
fn big5_is_named_and_refused() {
    // 覆蓋率達到95%，完成9所學校建設。全面推進教育現代化，加強組織領導。 in Big5
    let big5 = b"\xc2\xd0\xbb\x5c\xb2\x76\xb9\x46\xa8\xec\x39\x35\x25\xa1\x41\xa7\xb9\xa6\xa8\x39\xa9\xd2\xbe\xc7\xae\xd5\xab\xd8\xb3\x5d\xa1\x43\xa5\xfe\xad\xb1\xb1\xc0\xb6\x69\xb1\xd0\xa8\x7c\xb2\x7b\xa5\x4e\xa4\xc6\xa1\x41\xa5\x5b\xb1\x6a\xb2\xd5\xc2\xb4\xbb\xe2\xbe\xc9\xa1\x43";
    let out = planlens(&["analyze", &tmp("big5.txt", big5)], None);
    assert_eq!(out.status.code(), Some(1));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(err.contains("Big5"), "{err}");
    assert_eq!(err.trim().lines().count(), 1, "{err}");
}

#[test]
fn streamed_output_is_byte_for_byte_the_rendered_output() {
    let file = fixture(SEED);
    let other = fixture("000_afc61ac5f3af42de.txt");
    let text = std::fs::read_to_string(&file).unwrap();
    let b = std::fs::read_to_string(&other).unwrap();
    let a = planlens::analyze(&text);
    let line = |s: String| format!("{}\n", s.trim_end()).into_bytes();
    use planlens::compare::{self, render as cr};
    let (c, k) = (compare::compare(&text, &b), compare::check(&text));
    for (args, want) in [
        (vec!["analyze", &file], line(planlens::render::json(&a))),
        (
            vec!["analyze", &file, "--format", "markdown"],
            line(planlens::render::markdown(&a)),
        ),
        (
            vec!["analyze", &file, "--format", "csv"],
            line(planlens::render::csv(&a)),
        ),
        (vec!["compare", &file, &other], line(cr::json(&c))),
        (
            vec!["compare", &file, &other, "--format", "markdown"],
            line(cr::markdown(&c)),
        ),
        (
            vec!["compare", &file, &other, "--format", "csv"],
            line(cr::csv(&c)),
        ),
        (vec!["check", &file], line(cr::json(&k))),
        (
            vec!["check", &file, "--format", "markdown"],
            line(cr::check_markdown(&k)),
        ),
        (
            vec!["check", &file, "--format", "csv"],
            line(cr::check_csv(&k)),
        ),
    ] {
        let out = planlens(&args, None);
        assert_eq!(out.status.code(), Some(0), "{args:?}");
        assert!(out.stdout == want, "{args:?}: output differs");
    }
}

#[test]
fn a_reader_that_goes_away_ends_a_streamed_analysis_quietly_with_141() {
    // Its JSON is far more than a pipe buffers.
    let big = tmp(
        "streamed.txt",
        "一、加强建设\n完成9所学校建设。\n".repeat(3000).as_bytes(),
    );
    let out = planlens_read_ten_bytes(&["analyze", &big]);
    assert_eq!(out.status.code(), Some(141));
    assert!(out.stderr.is_empty());
}

/// The growth benchmark (`./x bench growth`) as a smoke test: every generator at tiny sizes runs
/// through the CLI without failing. Its timings are printed, never asserted.
#[test]
fn the_growth_benchmark_runs_every_input_at_tiny_sizes() {
    let script = format!("{}/tools/bench/growth.py", env!("CARGO_MANIFEST_DIR"));
    let run = Command::new("python3")
        .args([&script, "--bin", env!("CARGO_BIN_EXE_planlens")])
        .args(["--sizes", "4K,8K", "--rows", "20", "--timeout", "120"])
        .output();
    let Ok(out) = run else {
        eprintln!("python3 not found: growth smoke test skipped");
        return;
    };
    let table = String::from_utf8_lossy(&out.stdout);
    println!("{table}");
    assert!(
        out.status.success(),
        "{table}\n{}",
        String::from_utf8_lossy(&out.stderr)
    );
    for row in [
        "month-headings",
        "goal-headings",
        "compare-targets",
        "check-20-rows",
    ] {
        assert!(
            table.contains(&format!("| {row} |")),
            "{row} missing:\n{table}"
        );
    }
}

/// A real plan published as PDF (dev corpus): its text layer is read, the analysis carries the
/// text its spans point into, and markdown and csv print from it too.
const REAL_PDF: &str = "tests/devcorpus/pdf/06_healthy_china_action_opinion_2019_pdf.pdf";

#[test]
fn a_pdf_is_analysed_and_carries_its_text() {
    let out = planlens(&["analyze", REAL_PDF], None);
    assert_ok(&out);
    let v = json(&out);
    let text: Vec<char> = v["text"].as_str().expect("a text field").chars().collect();
    assert!(v["document"]["title"]
        .as_str()
        .is_some_and(|t| t.contains("健康中国行动")));
    assert!(v["outline"].as_array().is_some_and(|o| o.len() >= 4));
    let targets = v["targets"].as_array().unwrap();
    assert!(targets.len() >= 20, "{}", targets.len());
    for t in targets {
        let [s, e] = [0, 1].map(|i| t["span"][i].as_u64().unwrap() as usize);
        assert!(s < e && e <= text.len());
    }
    for fmt in ["markdown", "csv"] {
        let out = planlens(&["analyze", REAL_PDF, "--format", fmt], None);
        assert_eq!(out.status.code(), Some(0), "{fmt}");
        assert!(
            String::from_utf8_lossy(&out.stdout).contains("2022"),
            "{fmt}"
        );
    }
}

/// A one-page PDF with nothing drawn on it (as a scan without OCR reads), written by lopdf.
fn pdf_without_text() -> Vec<u8> {
    use lopdf::{dictionary, Document, Object, Stream};
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let content = doc.add_object(Stream::new(dictionary! {}, b"q 1 0 0 1 0 0 cm Q".to_vec()));
    let page = doc.add_object(dictionary! {
        "Type" => "Page", "Parent" => pages_id, "Contents" => content,
        "MediaBox" => vec![0.into(), 0.into(), 595.into(), 842.into()],
    });
    doc.objects.insert(
        pages_id,
        Object::Dictionary(
            dictionary! { "Type" => "Pages", "Kids" => vec![page.into()], "Count" => 1 },
        ),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    doc.trailer.set("Root", catalog);
    let mut out = Vec::new();
    doc.save_to(&mut out).unwrap();
    out
}

#[test]
fn scanned_and_broken_pdfs_are_one_clear_line_and_exit_1() {
    let scan = pdf_without_text();
    for (name, bytes, says) in [
        ("scan.pdf", &scan[..], "no text layer"),
        (
            "broken.pdf",
            &b"%PDF-1.7\n1 0 obj << /Type /Catalog"[..],
            "not a readable PDF",
        ),
    ] {
        let out = planlens(&["analyze", &tmp(name, bytes)], None);
        assert_eq!(out.status.code(), Some(1), "{name}");
        let err = String::from_utf8_lossy(&out.stderr);
        assert!(err.contains(says), "{name}: {err}");
        assert_eq!(err.trim().lines().count(), 1, "one-line message: {err}");
        assert!(out.stdout.is_empty());
    }
}

#[test]
fn a_directory_reads_pdfs_and_texts_together() {
    let dir = std::env::temp_dir().join(format!("planlens-cli-mixed-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::copy(REAL_PDF, dir.join("a.pdf")).unwrap();
    std::fs::write(dir.join("b.txt"), "一、目标\n到2025年，新增学位1000个。\n").unwrap();
    let out = planlens(&["analyze", &dir.to_string_lossy()], None);
    assert_eq!(out.status.code(), Some(0));
    let lines: Vec<serde_json::Value> = String::from_utf8_lossy(&out.stdout)
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert!(lines[0]["text"].is_string() && lines[1].get("text").is_none());
}
