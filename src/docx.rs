//! The text of a `.docx` file, read without leaving the page.
//!
//! A `.docx` is a zip archive whose `word/document.xml` holds the body. Reading it needs only
//! the zip central directory (parsed here by hand, ~60 lines) and raw DEFLATE (`miniz_oxide`,
//! pure Rust, so it builds for wasm32 with no C compiler). The XML is scanned, not parsed into a
//! tree: we only need the characters of `<w:t>` runs, with a line break at every paragraph end,
//! so each table cell lands on its own line — exactly the "flattened table" shape the analyser
//! already rebuilds from plain-text plans.

use std::fmt;

/// Why a file could not be read as a Word document.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DocxError {
    /// No zip end-of-central-directory record: not a zip (maybe an old binary `.doc`).
    NotZip,
    /// A zip, but without `word/document.xml` (not a Word document).
    NoDocument,
    /// The archive is damaged or truncated at the named structure.
    Corrupt(&'static str),
    /// Compression method other than stored (0) or deflate (8), or zip64 / encryption.
    Unsupported(&'static str),
    /// The body would inflate beyond [`MAX_XML_BYTES`].
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

/// Upper bound on the inflated `document.xml` (a zip bomb must not take the tab down).
pub const MAX_XML_BYTES: usize = 64 << 20;

/// True when the bytes start like a zip archive (`PK\x03\x04`).
pub fn looks_like_zip(bytes: &[u8]) -> bool {
    bytes.starts_with(b"PK\x03\x04")
}

/// The document text of a `.docx`: one line per paragraph (and per table cell).
pub fn docx_text(bytes: &[u8]) -> Result<String, DocxError> {
    let xml = read_entry(bytes, "word/document.xml")?;
    Ok(xml_text(&String::from_utf8_lossy(&xml)))
}

// Offsets come from the file, and usize is 32 bits on wasm32: every sum is checked, so a
// crafted archive cannot overflow (a debug build would panic, a release build would wrap).
fn u16_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u16::from_le_bytes(b.get(at..at.checked_add(2)?)?.try_into().ok()?) as usize)
}

fn u32_at(b: &[u8], at: usize) -> Option<usize> {
    Some(u32::from_le_bytes(b.get(at..at.checked_add(4)?)?.try_into().ok()?) as usize)
}

fn add(parts: &[usize]) -> Option<usize> {
    parts.iter().try_fold(0usize, |acc, &p| acc.checked_add(p))
}

/// The inflated bytes of one zip entry, found through the central directory.
fn read_entry(b: &[u8], name: &str) -> Result<Vec<u8>, DocxError> {
    // End of central directory: 22 bytes + a comment of up to 65535 bytes, at the end.
    let min = b.len().saturating_sub(22 + 65535);
    let eocd = (min..b.len().saturating_sub(21))
        .rev()
        .find(|&i| b.get(i..i.saturating_add(4)) == Some(b"PK\x05\x06".as_slice()))
        .ok_or(DocxError::NotZip)?;
    let count = u16_at(b, eocd.saturating_add(10)).ok_or(DocxError::Corrupt("directory"))?;
    let mut at = u32_at(b, eocd.saturating_add(16)).ok_or(DocxError::Corrupt("directory"))?;
    if at == 0xFFFF_FFFF {
        return Err(DocxError::Unsupported("zip64"));
    }
    for _ in 0..count {
        if add(&[at, 4]).and_then(|e| b.get(at..e)) != Some(b"PK\x01\x02".as_slice()) {
            return Err(DocxError::Corrupt("directory entry"));
        }
        let field = |off: usize| {
            add(&[at, off])
                .and_then(|p| u16_at(b, p))
                .ok_or(DocxError::Corrupt("directory entry"))
        };
        let field32 = |off: usize| {
            add(&[at, off])
                .and_then(|p| u32_at(b, p))
                .ok_or(DocxError::Corrupt("directory entry"))
        };
        let flags = field(8)?;
        let method = field(10)?;
        let csize = field32(20)?;
        let usize_ = field32(24)?;
        let (nlen, xlen, clen) = (field(28)?, field(30)?, field(32)?);
        let local = field32(42)?;
        let name_at = add(&[at, 46]).ok_or(DocxError::Corrupt("name"))?;
        let entry_name = add(&[name_at, nlen])
            .and_then(|e| b.get(name_at..e))
            .ok_or(DocxError::Corrupt("name"))?;
        at = add(&[name_at, nlen, xlen, clen]).ok_or(DocxError::Corrupt("directory entry"))?;
        if entry_name != name.as_bytes() {
            continue;
        }
        if flags & 1 != 0 {
            return Err(DocxError::Unsupported("encryption"));
        }
        if add(&[local, 4]).and_then(|e| b.get(local..e)) != Some(b"PK\x03\x04".as_slice()) {
            return Err(DocxError::Corrupt("local header"));
        }
        let lh = |off: usize| {
            add(&[local, off])
                .and_then(|p| u16_at(b, p))
                .ok_or(DocxError::Corrupt("local header"))
        };
        let (lnlen, lxlen) = (lh(26)?, lh(28)?);
        let start = add(&[local, 30, lnlen, lxlen]).ok_or(DocxError::Corrupt("local header"))?;
        let data = b
            .get(start..start.saturating_add(csize))
            .ok_or(DocxError::Corrupt("entry data"))?;
        return match method {
            0 => Ok(data.to_vec()),
            8 => {
                if usize_ > MAX_XML_BYTES {
                    return Err(DocxError::TooLarge);
                }
                miniz_oxide::inflate::decompress_to_vec_with_limit(data, MAX_XML_BYTES)
                    .map_err(|_| DocxError::Corrupt("deflate stream"))
            }
            _ => Err(DocxError::Unsupported("compression method")),
        };
    }
    Err(DocxError::NoDocument)
}

/// The visible text of WordprocessingML: `<w:t>` characters, `</w:p>` → newline, `<w:tab/>` →
/// tab, `<w:br/>` → newline. Deleted text, field codes and the fallback copy of text boxes
/// (`<mc:Fallback>`, which repeats the `<mc:Choice>` text) are skipped.
pub fn xml_text(xml: &str) -> String {
    let mut out = String::new();
    let mut rest = xml;
    let mut in_text = false;
    let mut fallback_depth = 0usize;
    while let Some(lt) = rest.find('<') {
        if in_text && fallback_depth == 0 {
            push_unescaped(&mut out, &rest[..lt]);
        }
        let Some(gt) = rest[lt..].find('>') else {
            break;
        };
        let tag = &rest[lt + 1..lt + gt];
        rest = &rest[lt + gt + 1..];
        let closing = tag.starts_with('/');
        let name = tag
            .trim_start_matches('/')
            .split(|c: char| c.is_whitespace() || c == '/')
            .next()
            .unwrap_or("");
        let self_closing = tag.ends_with('/');
        match name {
            "w:t" => in_text = !closing && !self_closing,
            "mc:Fallback" if !self_closing => {
                if closing {
                    fallback_depth = fallback_depth.saturating_sub(1);
                } else {
                    fallback_depth += 1;
                }
            }
            _ if fallback_depth > 0 => {}
            "w:p" if closing => out.push('\n'),
            "w:tab" if !closing => out.push('\t'),
            "w:br" | "w:cr" if !closing => out.push('\n'),
            _ => {}
        }
    }
    out
}

/// Appends XML character data with the five named entities and numeric references resolved.
fn push_unescaped(out: &mut String, s: &str) {
    let mut rest = s;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let after = &rest[amp + 1..];
        let Some(semi) = after.find(';').filter(|&i| i <= 10) else {
            out.push('&');
            rest = after;
            continue;
        };
        let ent = &after[..semi];
        let ch = match ent {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            _ => ent
                .strip_prefix("#x")
                .and_then(|h| u32::from_str_radix(h, 16).ok())
                .or_else(|| ent.strip_prefix('#').and_then(|d| d.parse().ok()))
                .and_then(char::from_u32),
        };
        match ch {
            Some(c) => {
                out.push(c);
                rest = &after[semi + 1..];
            }
            None => {
                out.push('&');
                rest = after;
            }
        }
    }
    out.push_str(rest);
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A minimal zip with one stored or deflated entry, built the way Word's writer lays it out.
    fn zip(name: &str, data: &[u8], deflate: bool) -> Vec<u8> {
        let body = if deflate {
            miniz_oxide::deflate::compress_to_vec(data, 6)
        } else {
            data.to_vec()
        };
        let method: u16 = if deflate { 8 } else { 0 };
        let mut z = Vec::new();
        z.extend_from_slice(b"PK\x03\x04");
        z.extend_from_slice(&[20, 0, 0, 0]);
        z.extend_from_slice(&method.to_le_bytes());
        z.extend_from_slice(&[0; 8]); // time, date, crc (not checked)
        z.extend_from_slice(&(body.len() as u32).to_le_bytes());
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(&body);
        let cd = z.len();
        z.extend_from_slice(b"PK\x01\x02");
        z.extend_from_slice(&[20, 0, 20, 0, 0, 0]);
        z.extend_from_slice(&method.to_le_bytes());
        z.extend_from_slice(&[0; 8]);
        z.extend_from_slice(&(body.len() as u32).to_le_bytes());
        z.extend_from_slice(&(data.len() as u32).to_le_bytes());
        z.extend_from_slice(&(name.len() as u16).to_le_bytes());
        z.extend_from_slice(&[0; 12]);
        z.extend_from_slice(&0u32.to_le_bytes());
        z.extend_from_slice(name.as_bytes());
        let cd_len = z.len() - cd;
        z.extend_from_slice(b"PK\x05\x06");
        z.extend_from_slice(&[0; 4]);
        z.extend_from_slice(&1u16.to_le_bytes());
        z.extend_from_slice(&1u16.to_le_bytes());
        z.extend_from_slice(&(cd_len as u32).to_le_bytes());
        z.extend_from_slice(&(cd as u32).to_le_bytes());
        z.extend_from_slice(&[0, 0]);
        z
    }

    const DOC: &str = r#"<w:document><w:body><w:p><w:r><w:t>一、总体要求</w:t></w:r></w:p><w:p><w:r><w:t xml:space="preserve">新增学位 </w:t></w:r><w:r><w:t>1000&lt;个&gt;</w:t></w:r><w:r><w:tab/><w:t>&#x4E00;</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p><w:r><w:t>序号</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>任务</w:t></w:r></w:p></w:tc></w:tr></w:tbl><w:p><w:r><w:delText>删掉</w:delText><mc:AlternateContent><mc:Choice><w:t>框</w:t></mc:Choice><mc:Fallback><w:p><w:r><w:t>框</w:t></w:r></w:p></mc:Fallback></mc:AlternateContent></w:r></w:p></w:body></w:document>"#;

    #[test]
    fn reads_paragraphs_cells_and_entities() {
        assert_eq!(
            xml_text(DOC),
            "一、总体要求\n新增学位 1000<个>\t一\n序号\n任务\n框\n"
        );
    }

    #[test]
    fn reads_stored_and_deflated_archives() {
        for deflate in [false, true] {
            let z = zip("word/document.xml", DOC.as_bytes(), deflate);
            assert!(looks_like_zip(&z));
            let text = docx_text(&z).expect("readable");
            assert!(text.starts_with("一、总体要求\n"), "{text}");
        }
    }

    #[test]
    fn precise_errors_and_no_panic_on_garbage() {
        assert_eq!(docx_text(b"plain text"), Err(DocxError::NotZip));
        let other = zip("xl/workbook.xml", b"<x/>", false);
        assert_eq!(docx_text(&other), Err(DocxError::NoDocument));
        let z = zip("word/document.xml", DOC.as_bytes(), true);
        for cut in (0..z.len()).step_by(7) {
            let _ = docx_text(&z[..cut]); // must return, never panic
        }
        let mut bad = z.clone();
        let n = bad.len();
        bad[n - 6..n - 2].copy_from_slice(&[9, 9, 9, 9]);
        assert!(docx_text(&bad).is_err());
        // offsets near u32::MAX (usize is 32 bits on wasm32): an error, never an overflow
        let mut huge = z.clone();
        huge[n - 6..n - 2].copy_from_slice(&0xFFFF_FFF0u32.to_le_bytes());
        assert!(docx_text(&huge).is_err());
        let cd = u32::from_le_bytes(z[n - 6..n - 2].try_into().expect("4 bytes")) as usize;
        let mut far = z.clone();
        far[cd + 42..cd + 46].copy_from_slice(&0xFFFF_FFFEu32.to_le_bytes());
        assert!(docx_text(&far).is_err());
        let mut long_name = z.clone();
        long_name[cd + 28..cd + 30].copy_from_slice(&0xFFFFu16.to_le_bytes());
        assert!(docx_text(&long_name).is_err());
    }

    #[test]
    fn unescape_leaves_unknown_entities() {
        let mut s = String::new();
        push_unescaped(&mut s, "a&b &nbsp; &#99999999; &amp;");
        assert_eq!(s, "a&b &nbsp; &#99999999; &");
    }
}
