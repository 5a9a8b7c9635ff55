//! Bytes → text for the command line: which encoding a file is in, or one line saying why it is
//! not a plan at all.
//!
//! Native only (the page decodes with the browser's `TextDecoder`). It lives in the library, not
//! in `main.rs`, so the fuzz target `decode` and the unit tests reach the same code the CLI runs.

/// The encoding the user asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a UTF-8 BOM is dropped; a UTF-16 BOM switches to UTF-16).
    Utf8,
    /// GB18030, which includes GBK and GB2312: most Chinese government `.txt` files.
    Gb18030,
}

/// Why the bytes cannot be read as a plan. `Display` is the one-line message the CLI prints
/// after the file name.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum DecodeError {
    /// A known binary format, recognised by its magic bytes (PNG, ZIP/DOCX/XLSX, PDF …).
    Binary(&'static str),
    /// NUL bytes near the start and no UTF-16 BOM: some binary file.
    NulBytes,
    /// Not UTF-8; `gb18030` says whether the whole input decodes as GB18030.
    NotUtf8 { valid_up_to: usize, gb18030: bool },
    /// Asked for GB18030, but the bytes are not GB18030.
    NotGb18030,
    /// A UTF-16 BOM, but the rest is not well-formed UTF-16.
    NotUtf16,
}

impl std::fmt::Display for DecodeError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            DecodeError::Binary(kind) => write!(
                f,
                "looks like a binary file ({kind}), not text; planlens reads plain text (save the plan as .txt)"
            ),
            DecodeError::NulBytes => write!(
                f,
                "looks like a binary file (it has NUL bytes); planlens reads plain text"
            ),
            DecodeError::NotUtf8 { valid_up_to, gb18030 } => {
                write!(f, "not valid UTF-8 (first bad byte at {valid_up_to})")?;
                if *gb18030 {
                    write!(f, "; it decodes as GB18030/GBK: try --encoding gb18030")
                } else {
                    write!(f, "; if it is GB18030/GBK text, try --encoding gb18030")
                }
            }
            DecodeError::NotGb18030 => write!(f, "not valid GB18030 text"),
            DecodeError::NotUtf16 => write!(f, "starts with a UTF-16 byte-order mark but is not valid UTF-16"),
        }
    }
}

impl std::error::Error for DecodeError {}

/// Magic bytes of the binary formats people most often hand a text tool by mistake.
const MAGIC: &[(&[u8], &str)] = &[
    (b"\x89PNG\r\n\x1a\n", "PNG image"),
    (b"PK\x03\x04", "ZIP archive (DOCX/XLSX/ZIP)"),
    (b"PK\x05\x06", "ZIP archive (DOCX/XLSX/ZIP)"),
    (b"%PDF-", "PDF"),
    (b"\xFF\xD8\xFF", "JPEG image"),
    (b"GIF8", "GIF image"),
    (
        b"\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1",
        "legacy Office (DOC/XLS)",
    ),
    (b"\x1F\x8B", "gzip archive"),
    (b"\x7FELF", "executable"),
];

/// How far into the input NUL bytes are looked for: enough to catch any binary header, without
/// scanning a 10 MB file twice.
const NUL_WINDOW: usize = 8192;

/// Decodes one input. A UTF-16 BOM wins over the requested encoding (the BOM is unambiguous);
/// otherwise binary files are refused before any decoding is tried.
pub fn decode(bytes: &[u8], enc: Encoding) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(DecodeError::Binary(kind));
    }
    if bytes[..bytes.len().min(NUL_WINDOW)].contains(&0) {
        return Err(DecodeError::NulBytes);
    }
    match enc {
        Encoding::Gb18030 => encoding_rs::GB18030
            .decode_without_bom_handling_and_without_replacement(bytes)
            .map(|s| s.into_owned())
            .ok_or(DecodeError::NotGb18030),
        Encoding::Utf8 => {
            let bytes = bytes.strip_prefix(b"\xEF\xBB\xBF").unwrap_or(bytes);
            match std::str::from_utf8(bytes) {
                Ok(s) => Ok(s.to_string()),
                Err(e) => Err(DecodeError::NotUtf8 {
                    valid_up_to: e.valid_up_to(),
                    gb18030: encoding_rs::GB18030
                        .decode_without_bom_handling_and_without_replacement(bytes)
                        .is_some(),
                }),
            }
        }
    }
}

/// UTF-16 after its BOM; an odd trailing byte or a lone surrogate is an error, not a silent
/// replacement char, so a mis-detected binary file is not analysed as noise.
fn utf16(rest: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if rest.len() % 2 != 0 {
        return Err(DecodeError::NotUtf16);
    }
    let units = rest.chunks_exact(2).map(|c| unit([c[0], c[1]]));
    char::decode_utf16(units)
        .collect::<Result<String, _>>()
        .map_err(|_| DecodeError::NotUtf16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn utf8_with_and_without_bom() {
        assert_eq!(
            decode("一、目标".as_bytes(), Encoding::Utf8).unwrap(),
            "一、目标"
        );
        assert_eq!(decode(b"\xEF\xBB\xBFab", Encoding::Utf8).unwrap(), "ab");
        assert_eq!(decode(b"", Encoding::Utf8).unwrap(), "");
    }

    #[test]
    fn gbk_bytes_get_the_hint_and_decode_with_the_flag() {
        let (gbk, _, _) = encoding_rs::GB18030.encode("覆盖率达到95%");
        match decode(&gbk, Encoding::Utf8) {
            Err(e @ DecodeError::NotUtf8 { gb18030: true, .. }) => {
                assert!(e.to_string().contains("--encoding gb18030"))
            }
            other => panic!("{other:?}"),
        }
        assert_eq!(decode(&gbk, Encoding::Gb18030).unwrap(), "覆盖率达到95%");
    }

    #[test]
    fn utf16_with_a_bom_is_decoded_either_way_round() {
        let s = "一、目标😀\r\n";
        let le: Vec<u8> = b"\xFF\xFE"
            .iter()
            .copied()
            .chain(s.encode_utf16().flat_map(u16::to_le_bytes))
            .collect();
        let be: Vec<u8> = b"\xFE\xFF"
            .iter()
            .copied()
            .chain(s.encode_utf16().flat_map(u16::to_be_bytes))
            .collect();
        assert_eq!(decode(&le, Encoding::Utf8).unwrap(), s);
        assert_eq!(decode(&be, Encoding::Gb18030).unwrap(), s);
        assert_eq!(
            decode(b"\xFF\xFEa", Encoding::Utf8),
            Err(DecodeError::NotUtf16)
        );
        // A lone high surrogate.
        assert_eq!(
            decode(b"\xFF\xFE\x00\xD8", Encoding::Utf8),
            Err(DecodeError::NotUtf16)
        );
    }

    #[test]
    fn binary_files_are_named() {
        let png = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR";
        assert_eq!(
            decode(png, Encoding::Utf8),
            Err(DecodeError::Binary("PNG image"))
        );
        assert!(
            matches!(decode(b"PK\x03\x04\x14\0", Encoding::Gb18030), Err(DecodeError::Binary(k)) if k.contains("ZIP"))
        );
        assert_eq!(
            decode(b"abc\0def", Encoding::Utf8),
            Err(DecodeError::NulBytes)
        );
    }

    #[test]
    fn a_bad_byte_that_is_not_gbk_still_says_what_to_try() {
        let e = decode(b"ab\xFF", Encoding::Utf8).unwrap_err();
        assert_eq!(
            e,
            DecodeError::NotUtf8 {
                valid_up_to: 2,
                gb18030: false
            }
        );
        assert!(e.to_string().contains("gb18030"));
        assert_eq!(
            decode(b"ab\xFF", Encoding::Gb18030),
            Err(DecodeError::NotGb18030)
        );
    }
}
