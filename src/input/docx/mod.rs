//! The text of a `.docx` file, read without leaving the page.
//!
//! A `.docx` is a zip archive (read with the `zip` crate, DEFLATE through miniz_oxide: pure
//! Rust, so it builds for wasm32 with no C compiler) whose `word/document.xml` holds the body,
//! read as XML events by quick-xml. The text is one line per paragraph, so each table cell lands
//! on its own line — exactly the "flattened table" shape the analyser already rebuilds from
//! plain-text plans — and a paragraph numbered by Word starts with the marker Word shows
//! (`一、`, `（一）`, `1.`: [`numbering`]), as when the same plan is copied out of Word as text.

mod numbering;

use numbering::{attr, Numbering, ParaNum};
use quick_xml::events::{BytesStart, Event};
use quick_xml::Reader;
use std::fmt;
use std::io::{Cursor, Read};

/// Why a file could not be read as a Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// Not a zip archive (maybe an old binary `.doc`).
    NotZip,
    /// A zip, but without `word/document.xml` (not a Word document).
    NoDocument,
    /// The archive is damaged or truncated.
    Corrupt(&'static str),
    /// An archive feature the reader does not take (encryption, another compression method).
    Unsupported(&'static str),
    /// A part would inflate beyond [`MAX_XML_BYTES`].
    TooLarge,
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotZip => write!(f, "not a zip archive (an old .doc file?)"),
            DocxError::NoDocument => write!(f, "no word/document.xml in the archive"),
            DocxError::Corrupt(what) => write!(f, "damaged archive ({what})"),
            DocxError::Unsupported(what) => write!(f, "unsupported archive feature ({what})"),
            DocxError::TooLarge => write!(f, "document body too large"),
        }
    }
}

impl std::error::Error for DocxError {}

/// Upper bound on each inflated part (a zip bomb must not take the tab down).
pub const MAX_XML_BYTES: usize = 64 << 20;

/// True when the bytes start like a zip archive (`PK\x03\x04`).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The document text of a `.docx`: one line per paragraph (and per table cell), numbered
/// paragraphs with their list markers.
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
        _ if !bytes.starts_with(b"PK") => DocxError::NotZip,
        e => zip_error(e),
    })?;
    let body = read_part(&mut zip, "word/document.xml")?.ok_or(DocxError::NoDocument)?;
    // the list definitions only add markers: a damaged one leaves the text unnumbered
    let numbering = read_part(&mut zip, "word/numbering.xml").ok().flatten();
    let styles = match numbering {
        Some(_) => read_part(&mut zip, "word/styles.xml").ok().flatten(),
        None => None,
    };
    let mut lists = Numbering::new(numbering.as_deref(), styles.as_deref());
    Ok(body_text(&body, &mut lists))
}

fn zip_error(e: zip::result::ZipError) -> DocxError {
    use zip::result::ZipError;
    match e {
        ZipError::FileNotFound => DocxError::NoDocument,
        ZipError::UnsupportedArchive(what) => DocxError::Unsupported(what),
        ZipError::CompressionMethodNotSupported(_) => DocxError::Unsupported("compression method"),
        ZipError::InvalidPassword => DocxError::Unsupported("encryption"),
        ZipError::InvalidArchive(_) => DocxError::Corrupt("directory"),
        _ => DocxError::Corrupt("entry data"),
    }
}

/// The text of one part of the archive (`None` when the archive has no such part), read at most
/// [`MAX_XML_BYTES`] far whatever its header claims.
fn read_part(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
) -> Result<Option<String>, DocxError> {
    read_part_within(zip, name, MAX_XML_BYTES)
}

fn read_part_within(
    zip: &mut zip::ZipArchive<Cursor<&[u8]>>,
    name: &str,
    limit: usize,
) -> Result<Option<String>, DocxError> {
    let file = match zip.by_name(name) {
        Ok(f) => f,
        Err(zip::result::ZipError::FileNotFound) => return Ok(None),
        Err(e) => return Err(zip_error(e)),
    };
    if file.size() > limit as u64 {
        return Err(DocxError::TooLarge);
    }
    let mut buf = Vec::new();
    file.take(limit as u64 + 1)
        .read_to_end(&mut buf)
        .map_err(|_| DocxError::Corrupt("entry data"))?;
    if buf.len() > limit {
        return Err(DocxError::TooLarge);
    }
    Ok(Some(String::from_utf8_lossy(&buf).into_owned()))
}

/// Elements whose content is not part of the visible text: the fallback copy of a text box
/// (`mc:Fallback` repeats the `mc:Choice`), tracked deletions and moved-away text, and the old
/// properties of a tracked formatting change (an old `w:numPr` must not number the paragraph).
const SKIPPED: [&str; 5] = [
    "mc:Fallback",
    "w:del",
    "w:moveFrom",
    "w:pPrChange",
    "w:rPrChange",
];

/// Where the walk is inside the body.
#[derive(Default)]
struct Walk {
    out: String,
    /// Depth inside [`SKIPPED`] elements.
    skip: usize,
    in_text: bool,
    in_run: usize,
    /// Open paragraphs (text boxes nest them): where each starts in `out`, its numbering.
    paras: Vec<(usize, ParaNum)>,
}

impl Walk {
    fn open(&mut self, e: &BytesStart, empty: bool) {
        let name = e.name();
        let name = name.as_ref();
        if SKIPPED.contains(&name) {
            self.skip += usize::from(!empty);
            return;
        }
        if self.skip > 0 {
            return;
        }
        match name {
            "w:p" if !empty => self.paras.push((self.out.len(), ParaNum::default())),
            "w:p" => self.out.push('\n'),
            "w:r" if !empty => self.in_run += 1,
            "w:t" => self.in_text = !empty,
            "w:tab" if self.in_run > 0 => self.out.push('\t'),
            "w:br" | "w:cr" if self.in_run > 0 => self.out.push('\n'),
            "w:pStyle" | "w:numId" | "w:ilvl" if self.in_run == 0 => self.para_prop(name, e),
            _ => {}
        }
    }

    /// A numbering property of the innermost paragraph (its `w:pPr` comes before its runs).
    fn para_prop(&mut self, name: &str, e: &BytesStart) {
        let Some((_, p)) = self.paras.last_mut() else {
            return;
        };
        let val = attr(e, "w:val");
        match name {
            "w:pStyle" => p.style = val,
            "w:numId" => p.num_id = val,
            _ => p.ilvl = val.and_then(|v| v.trim().parse().ok()),
        }
    }

    fn close(&mut self, name: &str, lists: &mut Numbering) {
        if SKIPPED.contains(&name) {
            self.skip = self.skip.saturating_sub(1);
            return;
        }
        if self.skip > 0 {
            return;
        }
        match name {
            "w:t" => self.in_text = false,
            "w:r" => self.in_run = self.in_run.saturating_sub(1),
            "w:p" => {
                if let Some((start, p)) = self.paras.pop() {
                    let marker = lists.marker(&p);
                    self.out.insert_str(start, &marker);
                }
                self.out.push('\n');
            }
            _ => {}
        }
    }

    fn text(&mut self, s: &str) {
        if self.in_text && self.skip == 0 {
            self.out.push_str(s);
        }
    }
}

/// The visible text of a WordprocessingML body: `<w:t>` characters with entities decoded, a
/// newline at each paragraph end, `<w:tab/>` → tab, `<w:br/>` → newline, numbered paragraphs
/// prefixed with their markers; deleted text, field codes and the fallback copy of text boxes
/// left out. Damaged XML ends the text where it stops being readable.
fn body_text(xml: &str, lists: &mut Numbering) -> String {
    let mut r = Reader::from_str(xml);
    r.config_mut().check_end_names = false;
    let mut w = Walk::default();
    loop {
        match r.read_event() {
            Ok(Event::Start(e)) => w.open(&e, false),
            Ok(Event::Empty(e)) => w.open(&e, true),
            Ok(Event::End(e)) => w.close(e.name().as_ref(), lists),
            Ok(Event::Text(t)) => w.text(&t.xml10_content()),
            Ok(Event::CData(t)) => w.text(&t),
            Ok(Event::GeneralRef(g)) => match g.resolve_char_ref() {
                Ok(Some(c)) => w.text(c.encode_utf8(&mut [0; 4])),
                _ => match quick_xml::escape::resolve_predefined_entity(&g) {
                    Some(s) => w.text(s),
                    None => w.text(&format!("&{};", &*g)),
                },
            },
            Ok(Event::Eof) | Err(_) => break,
            Ok(_) => {}
        }
    }
    w.out
}

/// The visible text of a WordprocessingML body without list definitions (see [`docx_text`]).
pub fn xml_text(xml: &str) -> String {
    body_text(xml, &mut Numbering::default())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    /// A zip with the given parts, stored or deflated, written the way Word's writer lays it out.
    fn zip(parts: &[(&str, &str)], deflate: bool) -> Vec<u8> {
        let mut z = zip::ZipWriter::new(Cursor::new(Vec::new()));
        let method = if deflate {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let opts = zip::write::SimpleFileOptions::default().compression_method(method);
        for (name, data) in parts {
            z.start_file(*name, opts).expect("entry");
            z.write_all(data.as_bytes()).expect("write");
        }
        z.finish().expect("zip").into_inner()
    }

    const DOC: &str = r#"<w:document><w:body><w:p><w:pPr><w:tabs><w:tab w:val="left"/></w:tabs></w:pPr><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">新增学位 </w:t></w:r><w:r><w:t>1000&lt;个&gt;</w:t></w:r><w:r><w:tab/><w:t>&#x4E00;&amp;&#19968;&nbsp;</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:delText>删掉</w:delText></w:r><w:del><w:r><w:t>也删掉</w:t></w:r></w:del><w:r><mc:AlternateContent><mc:Choice><w:t>框</w:t></mc:Choice><mc:Fallback><w:p><w:r><w:t>框</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body></w:document>"#;

    #[test]
    fn reads_paragraphs_cells_and_entities() {
        assert_eq!(
            xml_text(DOC),
            "一、总体要求\n新增学位 1000<个>\t一&一&nbsp;\n序号\n任务\n框\n"
        );
    }

    #[test]
    fn reads_stored_and_deflated_archives() {
        for deflate in [false, true] {
            let z = zip(&[("word/document.xml", DOC)], deflate);
            assert!(looks_like_zip(&z));
            let text = docx_text(&z).expect("readable");
            assert!(text.starts_with("一、总体要求\n"), "{text}");
        }
    }

    #[test]
    fn numbered_paragraphs_get_their_markers() {
        let numbering = r#"<w:numbering><w:abstractNum w:abstractNumId="7"><w:lvl w:ilvl="0"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="%1、"/><w:suff w:val="nothing"/></w:lvl><w:lvl w:ilvl="1"><w:start w:val="1"/><w:numFmt w:val="chineseCounting"/><w:lvlText w:val="（%2）"/><w:suff w:val="nothing"/></w:lvl></w:abstractNum><w:num w:numId="3"><w:abstractNumId w:val="7"/></w:num></w:numbering>"#;
        let p = |ilvl: u8, text: &str| {
            format!(
                r#"<w:p><w:pPr><w:numPr><w:ilvl w:val="{ilvl}"/><w:numId w:val="3"/></w:numPr><w:pPrChange><w:pPr><w:numPr><w:numId w:val="0"/></w:numPr></w:pPr></w:pPrChange></w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#
            )
        };
        let doc = format!(
            "<w:document><w:body>{}{}{}{}</w:body></w:document>",
            p(0, "总体要求"),
            p(1, "目标"),
            p(1, "原则"),
            p(0, "重点任务")
        );
        let z = zip(
            &[
                ("word/document.xml", &doc),
                ("word/numbering.xml", numbering),
            ],
            true,
        );
        assert_eq!(
            docx_text(&z).expect("readable"),
            "一、总体要求\n（一）目标\n（二）原则\n二、重点任务\n"
        );
    }

    #[test]
    fn precise_errors_and_no_panic_on_garbage() {
        assert_eq!(docx_text(b"plain text"), Err(DocxError::NotZip));
        let other = zip(&[("xl/workbook.xml", "<x/>")], false);
        assert_eq!(docx_text(&other), Err(DocxError::NoDocument));
        let z = zip(&[("word/document.xml", DOC)], true);
        for cut in (0..z.len()).step_by(7) {
            let _ = docx_text(&z[..cut]); // must return, never panic
        }
        let n = z.len();
        for at in [n - 6, n - 10, n - 12, 20, 30] {
            for v in [0x00u8, 0x7F, 0xFF] {
                let mut bad = z.clone();
                bad[at..at + 2].copy_from_slice(&[v, v]);
                let _ = docx_text(&bad);
            }
        }
    }

    #[test]
    fn a_part_past_the_limit_is_refused() {
        let big = "<w:t>".to_string() + &"一".repeat(5000);
        let z = zip(&[("word/document.xml", &big)], true);
        assert!(z.len() < 1000, "deflates well: {}", z.len());
        let mut archive = zip::ZipArchive::new(Cursor::new(&z[..])).expect("zip");
        let within =
            |a: &mut zip::ZipArchive<_>, limit| read_part_within(a, "word/document.xml", limit);
        assert_eq!(within(&mut archive, 15_000), Err(DocxError::TooLarge));
        assert!(within(&mut archive, 16_000).expect("fits").is_some());
    }
}
