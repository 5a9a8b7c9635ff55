//! Fuzz `.docx` reading: the bytes as an archive, and the bytes as the parts of a well-formed
//! archive (document, numbering and styles XML, split at NUL bytes), so the XML walker and the
//! list numbering see arbitrary markup too. A refusal is fine; a panic is not.
#![no_main]

use libfuzzer_sys::fuzz_target;
use std::io::Write;

fn archive(parts: &[(&str, &[u8])]) -> Option<Vec<u8>> {
    let mut z = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Stored);
    for (name, data) in parts {
        z.start_file(*name, opts).ok()?;
        z.write_all(data).ok()?;
    }
    Some(z.finish().ok()?.into_inner())
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = planlens::docx::docx_text(data) {
        let _ = planlens::analyze(&text);
    }
    let mut it = data.splitn(3, |&b| b == 0);
    let document = it.next().unwrap_or_default();
    let numbering = it.next().unwrap_or_default();
    let styles = it.next().unwrap_or_default();
    let parts = [
        ("word/document.xml", document),
        ("word/numbering.xml", numbering),
        ("word/styles.xml", styles),
    ];
    if let Some(z) = archive(&parts) {
        let text = planlens::docx::docx_text(&z).expect("a well-formed archive reads");
        let _ = planlens::analyze(&text);
    }
});
