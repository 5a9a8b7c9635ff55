//! Text of a PDF's text layer, as positioned lines per page (lopdf parses the file and maps each
//! font's codes to Unicode through its ToUnicode CMap or encoding; this module follows the
//! content stream's text operators to place each string on the page).
//!
//! Strings are placed by their baseline and x from the text and graphics matrices, and a page's
//! strings are grouped into lines by baseline, top to bottom: a GB/T 9704 notice draws its red
//! 版头 last, and content-stream order would put the issuer after the body. Strings advance by
//! the font's glyph widths (`/W` of a CID font, `/Widths` of a simple one), so the end of a line
//! is known: a line that reaches the right margin was wrapped there; a font without widths is
//! measured as one em for a Han or full-width character and half an em for others.
//!
//! Hostile files are bounded: at most [`MAX_PAGES`] pages, [`MAX_CONTENT`] bytes of decompressed
//! content and [`MAX_OPS`] operators in all; past a cap the pages read so far are kept and the
//! rest is left, and [`PdfError::TooLarge`] only when nothing could be read.
//! [`crate::input::layout`] turns the lines into the plan's text.

use lopdf::content::Content;
use lopdf::{Dictionary, Document, Encoding, Object, ObjectId};
use std::collections::BTreeMap;
use std::io::Read;

/// Pages read at most: a 108-page national plan is among the longest plans published.
pub const MAX_PAGES: usize = 2000;
/// Decompressed content-stream bytes read at most (all pages together).
pub const MAX_CONTENT: usize = 64 << 20;
/// Content-stream operators followed at most (all pages together).
pub const MAX_OPS: usize = 8_000_000;

/// Why a PDF gave no text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PdfError {
    /// Encrypted with a password we do not have.
    Encrypted,
    /// Pages but no text on them: a scan or pictures of text.
    NoText { pages: usize },
    /// Not a PDF lopdf can read.
    Broken(String),
    /// Over a cap before any text was read.
    TooLarge,
}

impl std::fmt::Display for PdfError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            PdfError::Encrypted => write!(f, "the PDF is encrypted with a password; open it in a PDF reader, save or print an unprotected copy, and try that"),
            PdfError::NoText { pages } => write!(f, "the PDF has no text layer ({pages} page(s) of images, a scan?); run OCR on it first (or copy the text out) and try the text"),
            PdfError::Broken(e) => write!(f, "not a readable PDF ({e})"),
            PdfError::TooLarge => write!(f, "the PDF is too large to read (over {MAX_PAGES} pages, {} MiB of content or {MAX_OPS} drawing operators)", MAX_CONTENT >> 20),
        }
    }
}

impl PdfError {
    /// A stable name of the refusal, for a caller that words it itself (the page says it in the
    /// reader's language): `pdf-encrypted`, `pdf-no-text`, `pdf-broken`, `pdf-too-large`.
    pub fn code(&self) -> &'static str {
        match self {
            PdfError::Encrypted => "pdf-encrypted",
            PdfError::NoText { .. } => "pdf-no-text",
            PdfError::Broken(_) => "pdf-broken",
            PdfError::TooLarge => "pdf-too-large",
        }
    }
}

impl std::error::Error for PdfError {}

/// Whether the bytes are a PDF (the header may follow some junk, as readers allow).
pub fn looks_like_pdf(bytes: &[u8]) -> bool {
    bytes.len() >= 5
        && bytes[..bytes.len().min(1024)]
            .windows(5)
            .any(|w| w == b"%PDF-")
}

/// One line of a page: its text and where it sits (PDF units, y up).
#[derive(Debug, Clone, PartialEq)]
pub struct Line {
    pub text: String,
    pub x0: f32,
    pub x1: f32,
    pub y: f32,
    /// Font size (em) of the line's largest string.
    pub size: f32,
}

/// The lines of one page, top to bottom.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    pub lines: Vec<Line>,
}

/// The plan's text of a PDF: its lines with the layout's furniture taken out ([`crate::input::layout`]).
pub fn pdf_text(bytes: &[u8]) -> Result<String, PdfError> {
    pdf_pages(bytes).map(|p| crate::input::layout::plan_text(&p))
}

/// The text lines of every page.
pub fn pdf_pages(bytes: &[u8]) -> Result<Vec<Page>, PdfError> {
    let mut doc = Document::load_mem(bytes).map_err(|e| PdfError::Broken(short(&e.to_string())))?;
    if doc.is_encrypted() && doc.decrypt("").is_err() {
        return Err(PdfError::Encrypted);
    }
    let page_ids: Vec<ObjectId> = doc.get_pages().into_values().collect();
    let mut budget = Budget {
        bytes: MAX_CONTENT,
        ops: MAX_OPS,
    };
    let mut pages = Vec::new();
    for id in page_ids.iter().take(MAX_PAGES) {
        match page_lines(&doc, *id, &mut budget) {
            Some(p) => pages.push(p),
            None => break,
        }
    }
    if pages.is_empty() && !page_ids.is_empty() {
        return Err(PdfError::TooLarge);
    }
    if pages.iter().all(|p| p.lines.is_empty()) {
        return Err(PdfError::NoText {
            pages: page_ids.len(),
        });
    }
    Ok(pages)
}

fn short(s: &str) -> String {
    s.chars().take(120).collect()
}

struct Budget {
    bytes: usize,
    ops: usize,
}

/// A page's content streams, decompressed within the budget; None once it is spent.
fn page_content(doc: &Document, page: ObjectId, budget: &mut Budget) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    for id in doc.get_page_contents(page) {
        let Ok(stream) = doc.get_object(id).and_then(Object::as_stream) else {
            continue;
        };
        let filters = stream.filters().unwrap_or_default();
        let part = match filters.as_slice() {
            [] => stream.content.clone(),
            [f] if *f == b"FlateDecode" => inflate(&stream.content, budget.bytes)?,
            _ => stream.decompressed_content().ok()?,
        };
        budget.bytes = budget.bytes.checked_sub(part.len())?;
        out.extend_from_slice(&part);
        out.push(b'\n');
    }
    Some(out)
}

/// Inflates at most `cap` bytes (a zip bomb stops there); None past the cap. A stream cut short
/// keeps what it gave, as readers do.
fn inflate(data: &[u8], cap: usize) -> Option<Vec<u8>> {
    let mut out = Vec::new();
    let mut z = flate2::read::ZlibDecoder::new(data).take(cap as u64 + 1);
    let _ = z.read_to_end(&mut out);
    (out.len() <= cap).then_some(out)
}

type Matrix = [f32; 6];
const IDENTITY: Matrix = [1.0, 0.0, 0.0, 1.0, 0.0, 0.0];

fn mul(m: &Matrix, n: &Matrix) -> Matrix {
    [
        m[0] * n[0] + m[1] * n[2],
        m[0] * n[1] + m[1] * n[3],
        m[2] * n[0] + m[3] * n[2],
        m[2] * n[1] + m[3] * n[3],
        m[4] * n[0] + m[5] * n[2] + n[4],
        m[4] * n[1] + m[5] * n[3] + n[5],
    ]
}

fn translate(tx: f32, ty: f32, m: &Matrix) -> Matrix {
    mul(&[1.0, 0.0, 0.0, 1.0, tx, ty], m)
}

/// A font as text extraction needs it: how its codes map to Unicode and how wide they are.
struct Font<'a> {
    enc: Encoding<'a>,
    widths: Widths,
}

/// Glyph widths in thousandths of an em, by code.
enum Widths {
    /// One-byte codes from `first` on.
    Simple { first: u32, w: Vec<f32> },
    /// Two-byte codes (a Type0 font): `(first, last, width)` ranges and the default width.
    Cid {
        ranges: Vec<(u32, u32, f32)>,
        default: f32,
    },
    /// No widths given.
    Unknown,
}

impl Widths {
    fn of(font: &Dictionary, doc: &Document) -> Widths {
        let get = |d: &Dictionary, k: &[u8]| d.get_deref(k, doc).ok().cloned();
        if font.get(b"Subtype").and_then(Object::as_name).ok() == Some(b"Type0") {
            let Some(Object::Array(desc)) = get(font, b"DescendantFonts") else {
                return Widths::Unknown;
            };
            let Some(cid) = desc
                .first()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok())
            else {
                return Widths::Unknown;
            };
            let default = get(cid, b"DW").map_or(1000.0, |o| num(Some(&o)));
            let w = match get(cid, b"W") {
                Some(Object::Array(w)) => w,
                _ => Vec::new(),
            };
            return Widths::Cid {
                ranges: cid_ranges(&w, doc),
                default,
            };
        }
        match (get(font, b"FirstChar"), get(font, b"Widths")) {
            (Some(f), Some(Object::Array(w))) => Widths::Simple {
                first: num(Some(&f)).max(0.0) as u32,
                w: w.iter()
                    .map(|o| num(doc.dereference(o).ok().map(|(_, o)| o)))
                    .collect(),
            },
            _ => Widths::Unknown,
        }
    }

    /// Width of each code of `bytes` (None: unknown widths), and each code's byte length.
    fn codes(&self, bytes: &[u8]) -> Option<Vec<(u32, f32)>> {
        match self {
            Widths::Simple { first, w } => Some(
                bytes
                    .iter()
                    .map(|b| {
                        let c = u32::from(*b);
                        (
                            c,
                            c.checked_sub(*first)
                                .and_then(|i| w.get(i as usize))
                                .copied()
                                .unwrap_or(500.0),
                        )
                    })
                    .collect(),
            ),
            Widths::Cid { ranges, default } => Some(
                bytes
                    .chunks(2)
                    .map(|p| {
                        let c = p.iter().fold(0u32, |a, b| a << 8 | u32::from(*b));
                        let i = ranges.partition_point(|r| r.1 < c);
                        let w = ranges.get(i).filter(|r| r.0 <= c).map_or(*default, |r| r.2);
                        (c, w)
                    })
                    .collect(),
            ),
            Widths::Unknown => None,
        }
    }
}

/// A CID font's `/W` array as sorted ranges: `c [w1 w2 …]` and `c_first c_last w`.
fn cid_ranges(w: &[Object], doc: &Document) -> Vec<(u32, u32, f32)> {
    let deref = |o: &Object| {
        doc.dereference(o)
            .map(|(_, o)| o.clone())
            .unwrap_or(Object::Null)
    };
    let mut out = Vec::new();
    let mut i = 0;
    while i + 1 < w.len() && out.len() < 100_000 {
        let first = num(Some(&deref(&w[i]))).max(0.0) as u32;
        match deref(&w[i + 1]) {
            Object::Array(ws) => {
                for (k, x) in ws.iter().enumerate() {
                    let c = first.saturating_add(k as u32);
                    out.push((c, c, num(Some(&deref(x)))));
                }
                i += 2;
            }
            last => {
                let last = num(Some(&last)).max(0.0) as u32;
                let width = w.get(i + 2).map_or(1000.0, |x| num(Some(&deref(x))));
                out.push((first, last.max(first), width));
                i += 3;
            }
        }
    }
    out.sort_by_key(|r| r.0);
    out
}

/// A string shown on the page.
struct Frag {
    text: String,
    x0: f32,
    x1: f32,
    y: f32,
    size: f32,
}

/// The graphics state's part text extraction follows: saved by `q`, restored by `Q` (spacing set
/// for one footer must not widen the body after it).
#[derive(Clone, Copy)]
struct Gs<'a> {
    ctm: Matrix,
    size: f32,
    leading: f32,
    char_space: f32,
    word_space: f32,
    font: Option<&'a Font<'a>>,
}

/// The state the operators change.
struct State<'a> {
    gs: Gs<'a>,
    stack: Vec<Gs<'a>>,
    tm: Matrix,
    tlm: Matrix,
    /// Open marked-content sequences, and how many of them are artifacts (running heads, page
    /// numbers: a tagged PDF marks its pagination so), whose text is no part of the document.
    marked: Vec<bool>,
}

fn num(o: Option<&Object>) -> f32 {
    match o {
        Some(Object::Integer(i)) => *i as f32,
        Some(Object::Real(r)) => *r,
        _ => 0.0,
    }
}

fn nums<const N: usize>(ops: &[Object]) -> [f32; N] {
    std::array::from_fn(|i| num(ops.get(i)))
}

/// Width in em a character is drawn with, as far as text extraction needs it.
fn em(c: char) -> f32 {
    if c >= '\u{2E80}' || ('\u{2000}'..='\u{206F}').contains(&c) {
        1.0
    } else {
        0.5
    }
}

fn page_lines(doc: &Document, page: ObjectId, budget: &mut Budget) -> Option<Page> {
    let data = page_content(doc, page, budget)?;
    let fonts = doc.get_page_fonts(page).unwrap_or_default();
    let encodings: BTreeMap<Vec<u8>, Font> = fonts
        .into_iter()
        .filter_map(|(name, font)| {
            let enc = font.get_font_encoding(doc).ok()?;
            let widths = Widths::of(font, doc);
            Some((name, Font { enc, widths }))
        })
        .collect();
    let Ok(content) = Content::decode(&data) else {
        return Some(Page::default());
    };
    budget.ops = budget.ops.checked_sub(content.operations.len())?;
    let mut st = State {
        gs: Gs {
            ctm: IDENTITY,
            size: 12.0,
            leading: 0.0,
            char_space: 0.0,
            word_space: 0.0,
            font: None,
        },
        stack: Vec::new(),
        tm: IDENTITY,
        tlm: IDENTITY,
        marked: Vec::new(),
    };
    let mut frags = Vec::new();
    for op in &content.operations {
        step(&mut st, &op.operator, &op.operands, &encodings, &mut frags);
    }
    Some(Page {
        lines: into_lines(frags),
    })
}

fn step<'a>(
    st: &mut State<'a>,
    operator: &str,
    ops: &[Object],
    encodings: &'a BTreeMap<Vec<u8>, Font<'a>>,
    frags: &mut Vec<Frag>,
) {
    match operator {
        "q" if st.stack.len() < 64 => st.stack.push(st.gs),
        "Q" => {
            if let Some(gs) = st.stack.pop() {
                st.gs = gs;
            }
        }
        "cm" => st.gs.ctm = mul(&nums::<6>(ops), &st.gs.ctm),
        "BMC" | "BDC" if st.marked.len() < 256 => {
            let artifact =
                ops.first().and_then(|o| o.as_name().ok()) == Some(b"Artifact".as_slice());
            st.marked.push(artifact);
        }
        "EMC" => {
            st.marked.pop();
        }
        "BT" => {
            st.tm = IDENTITY;
            st.tlm = IDENTITY;
        }
        "Tf" => {
            st.gs.font = ops
                .first()
                .and_then(|o| o.as_name().ok())
                .and_then(|n| encodings.get(n));
            st.gs.size = num(ops.get(1));
        }
        "TL" => st.gs.leading = num(ops.first()),
        "Tc" => st.gs.char_space = num(ops.first()),
        "Tw" => st.gs.word_space = num(ops.first()),
        "Td" | "TD" => {
            let [tx, ty] = nums::<2>(ops);
            if operator == "TD" {
                st.gs.leading = -ty;
            }
            st.tlm = translate(tx, ty, &st.tlm);
            st.tm = st.tlm;
        }
        "Tm" => {
            st.tlm = nums::<6>(ops);
            st.tm = st.tlm;
        }
        "T*" => next_line(st),
        "Tj" | "TJ" => show(st, ops, frags),
        "'" => {
            next_line(st);
            show(st, ops, frags);
        }
        "\"" => {
            let [aw, ac] = nums::<2>(ops);
            st.gs.word_space = aw;
            st.gs.char_space = ac;
            next_line(st);
            show(st, ops.get(2..).unwrap_or_default(), frags);
        }
        _ => {}
    }
}

fn next_line(st: &mut State) {
    st.tlm = translate(0.0, -st.gs.leading, &st.tlm);
    st.tm = st.tlm;
}

/// Shows the strings of a Tj/TJ/'/" operand list as one fragment, moving the text matrix on.
fn show(st: &mut State, ops: &[Object], frags: &mut Vec<Frag>) {
    let Some(font) = st.gs.font else { return };
    let trm = mul(&st.tm, &st.gs.ctm);
    let (x0, y) = (trm[4], trm[5]);
    let scale_x = trm[0].hypot(trm[1]);
    let scale_y = trm[2].hypot(trm[3]);
    let mut text = String::new();
    let mut advance = 0.0;
    let mut items: Vec<&Object> = Vec::new();
    for o in ops {
        match o {
            Object::Array(a) => items.extend(a.iter()),
            other => items.push(other),
        }
    }
    for o in items {
        match o {
            Object::String(bytes, _) => {
                let Ok(s) = font.enc.bytes_to_string(bytes) else {
                    continue;
                };
                advance += width(font, bytes, &s, st);
                text.push_str(&s);
            }
            Object::Integer(_) | Object::Real(_) => {
                let adj = -num(Some(o)) / 1000.0 * st.gs.size;
                advance += adj;
                // a wide negative kern is a space the file did not draw
                if adj > 0.25 * st.gs.size && !text.is_empty() {
                    text.push(' ');
                }
            }
            _ => {}
        }
    }
    st.tm = translate(advance, 0.0, &st.tm);
    if st.marked.contains(&true) {
        return;
    }
    let text: String = text.chars().filter(|c| !c.is_control()).collect();
    if text.trim().is_empty() {
        return;
    }
    frags.push(Frag {
        text,
        x0,
        x1: x0 + advance * scale_x,
        y,
        size: (st.gs.size * scale_y).abs().max(1.0),
    });
}

/// How far a string moves the text position (text space units).
fn width(font: &Font, bytes: &[u8], s: &str, st: &State) -> f32 {
    match font.widths.codes(bytes) {
        Some(codes) => codes
            .iter()
            .map(|(c, w)| {
                let word = if *c == 32 && !matches!(font.widths, Widths::Cid { .. }) {
                    st.gs.word_space
                } else {
                    0.0
                };
                w / 1000.0 * st.gs.size + st.gs.char_space + word
            })
            .sum(),
        None => s
            .chars()
            .map(|c| {
                let word = if c == ' ' { st.gs.word_space } else { 0.0 };
                em(c) * st.gs.size + st.gs.char_space + word
            })
            .sum(),
    }
}

/// Groups a page's fragments into lines by baseline, top to bottom, each read left to right.
fn into_lines(mut frags: Vec<Frag>) -> Vec<Line> {
    frags.sort_by(|a, b| b.y.total_cmp(&a.y));
    let mut lines: Vec<Vec<Frag>> = Vec::new();
    for f in frags {
        match lines.last_mut() {
            Some(l) if (l[0].y - f.y).abs() <= 0.4 * l[0].size.max(f.size) => l.push(f),
            _ => lines.push(vec![f]),
        }
    }
    lines.into_iter().map(join_line).collect()
}

/// The gap, in ems, from which two strings of a line are two cells.
const CELL_GAP: f32 = 0.9;

fn join_line(mut frags: Vec<Frag>) -> Line {
    frags.sort_by(|a, b| a.x0.total_cmp(&b.x0));
    let size = frags.iter().map(|f| f.size).fold(0.0, f32::max);
    let mut text = String::new();
    let mut end = f32::MIN;
    let (x0, y) = (frags[0].x0, frags[0].y);
    for f in &frags {
        // a string drawn twice over itself (bold by overprinting) is read once
        if f.x0 < end - 0.5 * f.size && text.ends_with(f.text.as_str()) {
            continue;
        }
        // a gap of a few ems parts two cells of a table row (or the two ends of a 版头 line)
        let gap = f.x0 - end;
        if !text.is_empty() && gap > CELL_GAP * size {
            text.push('\t');
        } else if !text.is_empty() && gap > 0.3 * size {
            text.push(' ');
        }
        text.push_str(&f.text);
        end = end.max(f.x1);
    }
    Line {
        text,
        x0,
        x1: end,
        y,
        size,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn frag(text: &str, x0: f32, y: f32) -> Frag {
        let w: f32 = text.chars().map(em).sum::<f32>() * 10.0;
        Frag {
            text: text.into(),
            x0,
            x1: x0 + w,
            y,
            size: 10.0,
        }
    }

    #[test]
    fn strings_are_lines_top_to_bottom_left_to_right() {
        let lines = into_lines(vec![
            frag("正文", 0.0, 100.0),
            frag("版头", 0.0, 700.0),
            frag("右", 50.0, 100.5),
            frag("句", 25.0, 99.8),
        ]);
        let texts: Vec<&str> = lines.iter().map(|l| l.text.as_str()).collect();
        // a gap of half an em is a space, one of a few ems a cell's edge
        assert_eq!(texts, ["版头", "正文 句\t右"]);
    }

    #[test]
    fn abutting_strings_join_without_a_space_and_overprints_are_read_once() {
        let lines = into_lines(vec![
            frag("一、", 0.0, 10.0),
            frag("目标", 20.0, 10.0),
            frag("目标", 20.5, 10.0),
        ]);
        assert_eq!(lines[0].text, "一、目标");
    }

    #[test]
    fn not_a_pdf_is_broken_and_never_panics() {
        assert!(matches!(pdf_pages(b"hello"), Err(PdfError::Broken(_))));
        assert!(pdf_pages(b"%PDF-1.4\n%%EOF").is_err());
        assert!(looks_like_pdf(b"%PDF-1.7\n"));
        assert!(!looks_like_pdf(b"PK\x03\x04"));
    }

    #[test]
    fn a_zip_bomb_stops_at_the_cap() {
        let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::default());
        std::io::Write::write_all(&mut z, &vec![b' '; 1 << 20]).unwrap_or_default();
        let data = z.finish().unwrap_or_default();
        assert!(inflate(&data, 1000).is_none());
        assert_eq!(inflate(&data, 2 << 20).map(|v| v.len()), Some(1 << 20));
    }
}
