//! Bytes → text for the command line: which encoding a file is in, or one line saying why it is
//! not a plan at all.
//!
//! Native only (the page decodes with the browser's `TextDecoder`). It lives in the library, not
//! in `main.rs`, so the fuzz target `decode` and the unit tests reach the same code the CLI runs.

/// The encoding the user asked for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    /// UTF-8 (a UTF-8 BOM is dropped; a UTF-16 or UTF-32 BOM switches to that encoding).
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
    /// NUL bytes anywhere (outside a UTF-16/UTF-32 BOM's code units): some binary file.
    NulBytes,
    /// Not UTF-8 and most likely in another legacy encoding that is not GB18030.
    OtherEncoding(&'static str),
    /// Not UTF-8; `gb18030` says whether the whole input decodes as GB18030.
    NotUtf8 { valid_up_to: usize, gb18030: bool },
    /// Asked for GB18030, but the bytes are not GB18030.
    NotGb18030,
    /// A UTF-16 BOM, but the rest is not well-formed UTF-16.
    NotUtf16,
    /// A UTF-32 BOM, but the rest is not well-formed UTF-32.
    NotUtf32,
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
            DecodeError::OtherEncoding(kind) => write!(
                f,
                "not UTF-8 and most likely {kind}, which planlens does not read; save it as UTF-8 (--encoding gb18030 forces GB18030)"
            ),
            DecodeError::NotGb18030 => write!(f, "not valid GB18030 text"),
            DecodeError::NotUtf16 => write!(f, "starts with a UTF-16 byte-order mark but is not valid UTF-16"),
            DecodeError::NotUtf32 => write!(f, "starts with a UTF-32 byte-order mark but is not valid UTF-32"),
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

/// Decodes one input. A UTF-32 or UTF-16 BOM wins over the requested encoding (the BOM is
/// unambiguous; UTF-32 LE's is UTF-16 LE's followed by a NUL unit, so it is tried first);
/// otherwise binary files are refused before any decoding is tried. A NUL anywhere, even
/// after decoding, marks binary data: plain text has none.
pub fn decode(bytes: &[u8], enc: Encoding) -> Result<String, DecodeError> {
    let text = decode_bom_or(bytes, enc)?;
    if text.contains('\0') {
        return Err(DecodeError::NulBytes);
    }
    Ok(text)
}

fn decode_bom_or(bytes: &[u8], enc: Encoding) -> Result<String, DecodeError> {
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE\0\0") {
        return utf32(rest, u32::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\0\0\xFE\xFF") {
        return utf32(rest, u32::from_be_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFF\xFE") {
        return utf16(rest, u16::from_le_bytes);
    }
    if let Some(rest) = bytes.strip_prefix(b"\xFE\xFF") {
        return utf16(rest, u16::from_be_bytes);
    }
    if let Some((_, kind)) = MAGIC.iter().find(|(m, _)| bytes.starts_with(m)) {
        return Err(DecodeError::Binary(kind));
    }
    if bytes.contains(&0) {
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
                Err(e) => Err(match other_legacy(bytes) {
                    Some(kind) => DecodeError::OtherEncoding(kind),
                    None => DecodeError::NotUtf8 {
                        valid_up_to: e.valid_up_to(),
                        gb18030: encoding_rs::GB18030
                            .decode_without_bom_handling_and_without_replacement(bytes)
                            .is_some(),
                    },
                }),
            }
        }
    }
}

/// Share of double-byte characters outside GB2312 (lead and trail byte both 0xA1–0xFE) above
/// which bytes are no Simplified Chinese GB text: a GB plan has almost none (`〇` is one),
/// Big5 and Shift-JIS have trail bytes below 0xA1 in a third of their characters or more.
const OUTSIDE_GB2312: f64 = 0.2;

/// The legacy encoding bytes that are not UTF-8 are most likely in, when it is not GB18030:
/// Shift-JIS (kana among the characters) or Big5. `None` for GB-looking or unknown bytes.
fn other_legacy(bytes: &[u8]) -> Option<&'static str> {
    let (pairs, outside) = gb_pairs(bytes);
    if pairs < 4 || (outside as f64) < OUTSIDE_GB2312 * pairs as f64 {
        return None;
    }
    let as_sjis = encoding_rs::SHIFT_JIS.decode_without_bom_handling_and_without_replacement(bytes);
    if let Some(t) = as_sjis {
        let wide = t.chars().filter(|c| !c.is_ascii()).count();
        let kana = t
            .chars()
            .filter(|c| matches!(c, '\u{3040}'..='\u{30FF}' | '\u{FF66}'..='\u{FF9F}'))
            .count();
        if kana * 10 >= wide {
            return Some("Shift-JIS (Japanese)");
        }
    }
    encoding_rs::BIG5
        .decode_without_bom_handling_and_without_replacement(bytes)
        .map(|_| "Big5 (traditional Chinese)")
}

/// Double-byte characters as GB18030 would pair the bytes, and how many fall outside GB2312.
fn gb_pairs(bytes: &[u8]) -> (usize, usize) {
    let (mut i, mut pairs, mut outside) = (0, 0, 0);
    while i < bytes.len() {
        let lead = bytes[i];
        if lead < 0x80 {
            i += 1;
            continue;
        }
        let trail = bytes.get(i + 1).copied().unwrap_or(0);
        pairs += 1;
        if !(0xA1..=0xFE).contains(&lead) || !(0xA1..=0xFE).contains(&trail) {
            outside += 1;
        }
        i += if trail.is_ascii_digit() { 4 } else { 2 };
    }
    (pairs, outside)
}

/// UTF-32 after its BOM; a length that is no multiple of 4 or a unit that is no char (a
/// surrogate, past U+10FFFF) is an error.
fn utf32(rest: &[u8], unit: fn([u8; 4]) -> u32) -> Result<String, DecodeError> {
    if !rest.len().is_multiple_of(4) {
        return Err(DecodeError::NotUtf32);
    }
    rest.chunks_exact(4)
        .map(|c| char::from_u32(unit([c[0], c[1], c[2], c[3]])).ok_or(DecodeError::NotUtf32))
        .collect()
}

/// UTF-16 after its BOM; an odd trailing byte or a lone surrogate is an error, not a silent
/// replacement char, so a mis-detected binary file is not analysed as noise.
fn utf16(rest: &[u8], unit: fn([u8; 2]) -> u16) -> Result<String, DecodeError> {
    if !rest.len().is_multiple_of(2) {
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

    /// The rule of docs/output-schema.md: a byte-order mark is no char of the decoded input, so
    /// spans count from the char after it; a U+FEFF inside a string given to `analyze` is a char
    /// like any other and is counted.
    #[test]
    fn spans_count_from_after_a_bom_the_decoder_drops() {
        let text = decode("\u{FEFF}完成9所学校。".as_bytes(), Encoding::Utf8).unwrap();
        assert_eq!(text, "完成9所学校。");
        assert_eq!(crate::analyze(&text).targets[0].span, [2, 4]);
        assert_eq!(
            crate::analyze("\u{FEFF}完成9所学校。").targets[0].span,
            [3, 5]
        );
    }

    #[test]
    fn utf32_with_a_bom_is_decoded_either_way_round() {
        let s = "一、目标😀\r\n";
        let le: Vec<u8> = b"\xFF\xFE\0\0"
            .iter()
            .copied()
            .chain(s.chars().flat_map(|c| (c as u32).to_le_bytes()))
            .collect();
        let be: Vec<u8> = b"\0\0\xFE\xFF"
            .iter()
            .copied()
            .chain(s.chars().flat_map(|c| (c as u32).to_be_bytes()))
            .collect();
        assert_eq!(decode(&le, Encoding::Utf8).unwrap(), s);
        assert_eq!(decode(&be, Encoding::Gb18030).unwrap(), s);
        assert_eq!(
            decode(b"\xFF\xFE\0\0a\0\0", Encoding::Utf8),
            Err(DecodeError::NotUtf32)
        );
        // A surrogate is no char.
        assert_eq!(
            decode(b"\xFF\xFE\0\0\x00\xD8\0\0", Encoding::Utf8),
            Err(DecodeError::NotUtf32)
        );
    }

    #[test]
    fn big5_and_shift_jis_are_named_not_offered_as_gb18030() {
        let (big5, _, _) = encoding_rs::BIG5
            .encode("覆蓋率達到95%，完成9所學校建設。全面推進教育現代化，加強組織領導。");
        let (sjis, _, _) = encoding_rs::SHIFT_JIS
            .encode("カバー率を95％に達成し、学校を9所建設する。教育の近代化を全面的に推進する。");
        for (bytes, kind) in [(&big5, "Big5"), (&sjis, "Shift-JIS")] {
            let e = decode(bytes, Encoding::Utf8).unwrap_err();
            assert!(
                matches!(e, DecodeError::OtherEncoding(k) if k.contains(kind)),
                "{e:?}"
            );
            assert!(!e.to_string().contains("try --encoding gb18030"), "{e}");
        }
        // A GBK plan with a few characters outside GB2312 (〇 in dates) is still GB.
        let (gbk, _, _) = encoding_rs::GB18030.encode("二〇二三年覆盖率达到95%，完成9所学校建设。");
        assert!(matches!(
            decode(&gbk, Encoding::Utf8),
            Err(DecodeError::NotUtf8 { gb18030: true, .. })
        ));
    }

    #[test]
    fn nul_bytes_past_the_first_kilobytes_are_binary_too() {
        let mut bytes = "一、目标\n".repeat(5000).into_bytes();
        bytes.extend(b"\0\0abc");
        assert_eq!(decode(&bytes, Encoding::Utf8), Err(DecodeError::NulBytes));
        // A NUL unit inside UTF-16 text.
        assert_eq!(
            decode(b"\xFF\xFEa\0\0\0b\0", Encoding::Utf8),
            Err(DecodeError::NulBytes)
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
