//! Fuzz PDF reading: the bytes as a PDF (lopdf's parser, our text placement and layout), and the
//! bytes as a page's content stream inside a well-formed one-page PDF, so the operator walk sees
//! arbitrary operators and operands. A refusal is fine; a panic or a hang is not.
#![no_main]

use libfuzzer_sys::fuzz_target;

/// A one-page PDF whose page draws `content` with a Helvetica font named F1.
fn one_page(content: &[u8]) -> Vec<u8> {
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    let objects: [Vec<u8>; 5] = [
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << /Font << /F1 5 0 R >> >> >>".to_vec(),
        [format!("<< /Length {} >>\nstream\n", content.len()).as_bytes(), content, b"\nendstream"].concat(),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec(),
    ];
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(b"xref\n0 6\n0000000000 65535 f \n");
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(format!("trailer\n<< /Size 6 /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
    out
}

fuzz_target!(|data: &[u8]| {
    if let Ok(text) = planlens::pdf::pdf_text(data) {
        let _ = planlens::analyze_extracted(text);
    }
    let _ = planlens::pdf::pdf_text(&one_page(data));
});
