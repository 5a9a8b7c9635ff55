//! Turning what the user gives us into text: file bytes (UTF-8, GB18030/GBK, UTF-16, .docx, PDF)
//! and rich clipboard contents (HTML → plain text with line breaks at block ends).

use wasm_bindgen::JsCast;

/// Which decoding produced the text (shown in the status line).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    Utf8,
    Gb18030,
    Utf16,
    Docx,
    Pdf,
}

impl Encoding {
    pub fn key(self) -> &'static str {
        match self {
            Encoding::Utf8 => "enc.utf8",
            Encoding::Gb18030 => "enc.gb18030",
            Encoding::Utf16 => "enc.utf16",
            Encoding::Docx => "enc.docx",
            Encoding::Pdf => "enc.pdf",
        }
    }
}

/// Why bytes did not become text.
#[derive(Debug, Clone, PartialEq)]
pub enum ReadError {
    /// NUL bytes or many control characters: PDF, image, old .doc …
    Binary,
    /// An OLE2 compound file (old binary Word).
    OldDoc,
    /// The engine could not read the `.docx` (its message).
    Docx(String),
    /// The engine refused the PDF: the status key of its reason (a scan, encrypted, broken, too
    /// large), from the code `pdfText`'s message starts with.
    Pdf(&'static str),
    /// The browser could not read the file's bytes.
    Io,
}

/// `pdfText`'s refusal codes (`input::pdf::PdfError::code`) and the status line's message of each.
const PDF_REFUSALS: &[(&str, &str)] = &[
    ("pdf-encrypted", "status.pdfEncrypted"),
    ("pdf-no-text", "status.pdfNoText"),
    ("pdf-too-large", "status.pdfTooLarge"),
    ("pdf-broken", "status.pdfBroken"),
];

impl ReadError {
    /// The status line's message key and arguments for file `name`, so every reader of files
    /// (the page, plan B, the corpus) says the same.
    pub fn status(self, name: String) -> (&'static str, Vec<(&'static str, String)>) {
        match self {
            ReadError::Binary => ("status.binary", vec![]),
            ReadError::OldDoc => ("status.doc", vec![]),
            ReadError::Pdf(key) => (key, vec![("f", name)]),
            ReadError::Io => ("status.unreadable", vec![("f", name), ("e", "I/O".into())]),
            ReadError::Docx(e) => ("status.unreadable", vec![("f", name), ("e", e)]),
        }
    }

    /// A PDF the engine could not read: its refusal by code, or the message as it came.
    fn pdf(message: String) -> ReadError {
        PDF_REFUSALS
            .iter()
            .find(|(code, _)| message.contains(code))
            .map_or(ReadError::Docx(message), |(_, key)| ReadError::Pdf(key))
    }
}

/// Reads a user's file (open dialog, drop): its bytes, then [`read_file`].
pub async fn read_blob(file: &web_sys::File) -> Result<(String, Encoding), ReadError> {
    let buf = wasm_bindgen_futures::JsFuture::from(file.array_buffer())
        .await
        .map_err(|_| ReadError::Io)?;
    read_file(&file.name(), &js_sys::Uint8Array::new(&buf).to_vec()).await
}

fn decode(label: &str, fatal: bool, bytes: &[u8]) -> Option<String> {
    let opts = web_sys::TextDecoderOptions::new();
    opts.set_fatal(fatal);
    let dec = web_sys::TextDecoder::new_with_label_and_options(label, &opts).ok()?;
    dec.decode_with_u8_array(bytes).ok()
}

/// Decodes a file: `.docx` (zip) in Rust by the engine (its extras module, `docxText`), text
/// through the browser's TextDecoder — strict UTF-8 first (a GBK file is almost never valid
/// UTF-8), then GB18030, the superset of GBK and GB2312.
pub async fn read_file(name: &str, bytes: &[u8]) -> Result<(String, Encoding), ReadError> {
    let lower = name.to_ascii_lowercase();
    // a PDF's header (as `pdf::looks_like_pdf`, which is not in this wasm): its text layer, read
    // in the worker by the extras module
    if bytes
        .get(..1024)
        .unwrap_or(bytes)
        .windows(5)
        .any(|w| w == b"%PDF-")
    {
        return super::engine::pdf_text(bytes)
            .await
            .map(|t| (t, Encoding::Pdf))
            .map_err(ReadError::pdf);
    }
    // a zip's local file header (as `docx::looks_like_zip`, which is not in this wasm)
    if bytes.starts_with(b"PK\x03\x04") || lower.ends_with(".docx") {
        return super::engine::docx_text(bytes)
            .await
            .map(|t| (t, Encoding::Docx))
            .map_err(ReadError::Docx);
    }
    if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
        return Err(ReadError::OldDoc);
    }
    let (text, enc) = if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        let label = if bytes[0] == 0xFF {
            "utf-16le"
        } else {
            "utf-16be"
        };
        (
            decode(label, false, bytes).unwrap_or_default(),
            Encoding::Utf16,
        )
    } else if let Some(t) = decode("utf-8", true, bytes) {
        (t, Encoding::Utf8)
    } else {
        (
            decode("gb18030", false, bytes).unwrap_or_default(),
            Encoding::Gb18030,
        )
    };
    if looks_binary(&text) {
        return Err(ReadError::Binary);
    }
    Ok((text.trim_start_matches('\u{FEFF}').to_string(), enc))
}

/// NULs or more than 1 % control characters / replacement marks in the first 64 k chars.
fn looks_binary(t: &str) -> bool {
    let mut n = 0usize;
    let mut bad = 0usize;
    for c in t.chars().take(65536) {
        n += 1;
        if c == '\0' {
            return true;
        }
        if c == '\u{FFFD}' || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{c}')) {
            bad += 1;
        }
    }
    n > 0 && bad * 100 > n
}

/// Plain text of clipboard HTML (Word, web pages): parsed in an inert document (DOMParser runs
/// no script and loads nothing), then walked for text with line breaks at block boundaries and
/// tabs between table cells.
pub fn html_to_text(html: &str) -> String {
    let Ok(parser) = web_sys::DomParser::new() else {
        return String::new();
    };
    let Ok(doc) = parser.parse_from_string(html, web_sys::SupportedType::TextHtml) else {
        return String::new();
    };
    let Some(body) = doc.body() else {
        return String::new();
    };
    let mut out = String::new();
    walk(&body, &mut out, 0);
    // collapse the blank lines block nesting produces
    let mut clean = String::new();
    let mut blank = 0;
    for line in out.lines() {
        let l = line.trim_end();
        if l.trim().is_empty() {
            blank += 1;
            if blank > 1 {
                continue;
            }
        } else {
            blank = 0;
        }
        clean.push_str(l);
        clean.push('\n');
    }
    clean.trim().to_string()
}

/// Deeper than this, a subtree is taken as flat text (bounded recursion: pasted HTML is input).
const MAX_DEPTH: usize = 200;

fn walk(node: &web_sys::Node, out: &mut String, depth: usize) {
    if depth > MAX_DEPTH {
        out.push_str(&node.text_content().unwrap_or_default());
        return;
    }
    let children = node.child_nodes();
    for i in 0..children.length() {
        let Some(c) = children.item(i) else { continue };
        match c.node_type() {
            web_sys::Node::TEXT_NODE => {
                let t = c.text_content().unwrap_or_default();
                // HTML whitespace (source line breaks) is not text
                out.push_str(&t.replace(['\n', '\r'], " "));
            }
            web_sys::Node::ELEMENT_NODE => {
                let Some(e) = c.dyn_ref::<web_sys::Element>() else {
                    continue;
                };
                let tag = e.tag_name().to_ascii_lowercase();
                match tag.as_str() {
                    "script" | "style" | "head" | "template" | "noscript" => continue,
                    "br" => out.push('\n'),
                    _ => {}
                }
                walk(&c, out, depth + 1);
                match tag.as_str() {
                    "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4" | "h5" | "h6"
                    | "table" | "section" | "article" | "blockquote" | "pre" | "ul" | "ol"
                    | "dd" | "dt" => out.push('\n'),
                    "td" | "th" => out.push('\t'),
                    _ => {}
                }
            }
            _ => {}
        }
    }
}
