//! The text planlens reads from a PDF, or its positioned lines (`--lines`), with the time taken:
//! `cargo run --release --example pdf_text -- FILE.pdf [--lines]`.

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(path) = args.iter().find(|a| !a.starts_with("--")) else {
        eprintln!("usage: pdf_text FILE.pdf [--lines]");
        std::process::exit(2);
    };
    let bytes = std::fs::read(path).unwrap_or_default();
    let start = std::time::Instant::now();
    let pages = match planlens::pdf::pdf_pages(&bytes) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(1);
        }
    };
    let text = planlens::layout::plan_text(&pages);
    let secs = start.elapsed().as_secs_f64();
    if args.iter().any(|a| a == "--lines") {
        for (i, p) in pages.iter().enumerate() {
            for l in &p.lines {
                println!(
                    "{i:3} {:7.1} {:7.1} {:7.1} {:5.1} {}",
                    l.x0, l.x1, l.y, l.size, l.text
                );
            }
        }
    } else {
        print!("{text}");
    }
    let n = pages.len() as f64;
    eprintln!("{n} pages in {:.1} ms: {:.0} pages/s", secs * 1e3, n / secs);
}
