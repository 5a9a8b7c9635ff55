//! Rows of text as an Excel workbook (`.xlsx`): the page's targets export for readers who work in a
//! spreadsheet. One sheet, the first row bold and frozen, numbers as numbers, every other cell as
//! an inline string (so nothing a plan says is ever read as a formula).
//!
//! Written here over the zip crate the `.docx` reader already links, rather than with an xlsx
//! library: a workbook of one sheet of strings is five fixed parts and one generated one, and
//! rust_xlsxwriter would add zip's zlib-rs and zopfli back to the lazily loaded extras module.
//! It runs there (`rowsXlsx`), never in the page's first load.

use std::fmt::Write as _;
use std::io::Write as _;

const MAIN: &str = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
const RELS: &str = "http://schemas.openxmlformats.org/package/2006/relationships";
const DOC_RELS: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const HEAD: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>"#;

/// Excel keeps at most this many characters in a cell.
const MAX_CELL: usize = 32_767;

/// The workbook's fixed parts: (path, XML).
fn fixed_parts(sheet: &str) -> [(&'static str, String); 5] {
    let xl = "application/vnd.openxmlformats-officedocument.spreadsheetml";
    [
        (
            "[Content_Types].xml",
            format!(
                r#"{HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="{xl}.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="{xl}.worksheet+xml"/><Override PartName="/xl/styles.xml" ContentType="{xl}.styles+xml"/></Types>"#
            ),
        ),
        (
            "_rels/.rels",
            format!(
                r#"{HEAD}<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/officeDocument" Target="xl/workbook.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/workbook.xml",
            format!(
                r#"{HEAD}<workbook xmlns="{MAIN}" xmlns:r="{DOC_RELS}"><sheets><sheet name="{}" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
                escape(&sheet_name(sheet))
            ),
        ),
        (
            "xl/_rels/workbook.xml.rels",
            format!(
                r#"{HEAD}<Relationships xmlns="{RELS}"><Relationship Id="rId1" Type="{DOC_RELS}/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="{DOC_RELS}/styles" Target="styles.xml"/></Relationships>"#
            ),
        ),
        (
            "xl/styles.xml",
            // style 0: plain; style 1: bold (the header row)
            format!(
                r#"{HEAD}<styleSheet xmlns="{MAIN}"><fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders><cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs><cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>"#
            ),
        ),
    ]
}

/// The workbook of `rows` (the first one is the header) on one sheet named `sheet`.
pub fn rows_xlsx(sheet: &str, rows: &[Vec<String>]) -> Result<Vec<u8>, String> {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let opts = zip::write::SimpleFileOptions::default()
        .compression_method(zip::CompressionMethod::Deflated);
    let sheet_xml = ("xl/worksheets/sheet1.xml", worksheet(rows));
    for (path, xml) in fixed_parts(sheet).into_iter().chain([sheet_xml]) {
        zip.start_file(path, opts).map_err(|e| e.to_string())?;
        zip.write_all(xml.as_bytes()).map_err(|e| e.to_string())?;
    }
    let out = zip.finish().map_err(|e| e.to_string())?;
    Ok(out.into_inner())
}

/// The sheet: a frozen header row, the columns about as wide as their text, then the rows.
fn worksheet(rows: &[Vec<String>]) -> String {
    let mut x = format!(
        r#"{HEAD}<worksheet xmlns="{MAIN}"><sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>"#
    );
    x.push_str(&columns(rows));
    x.push_str("<sheetData>");
    for (i, row) in rows.iter().enumerate() {
        let _ = write!(x, r#"<row r="{}">"#, i + 1);
        for (j, cell) in row.iter().enumerate() {
            push_cell(
                &mut x,
                &format!("{}{}", column_name(j), i + 1),
                cell,
                i == 0,
            );
        }
        x.push_str("</row>");
    }
    x.push_str("</sheetData></worksheet>");
    x
}

/// Column widths from the longest text of each column's first rows (a Han char counts two),
/// between 6 and 60 characters.
fn columns(rows: &[Vec<String>]) -> String {
    let n = rows.iter().map(Vec::len).max().unwrap_or(0);
    if n == 0 {
        return String::new();
    }
    let mut x = String::from("<cols>");
    for j in 0..n {
        let widest = rows
            .iter()
            .take(200)
            .filter_map(|r| r.get(j))
            .map(|c| {
                c.chars()
                    .map(|ch| if ch.is_ascii() { 1 } else { 2 })
                    .sum::<usize>()
            })
            .max()
            .unwrap_or(0);
        let w = (widest + 2).clamp(6, 60);
        let _ = write!(
            x,
            r#"<col min="{0}" max="{0}" width="{w}" customWidth="1"/>"#,
            j + 1
        );
    }
    x.push_str("</cols>");
    x
}

/// One cell: a number when the text is exactly a number's own spelling (`12000`, `0.5`), else
/// an inline string.
fn push_cell(x: &mut String, at: &str, text: &str, bold: bool) {
    let style = if bold { r#" s="1""# } else { "" };
    if !bold && as_number(text).is_some() {
        let _ = write!(x, r#"<c r="{at}"{style}><v>{text}</v></c>"#);
        return;
    }
    let text: String = text.chars().take(MAX_CELL).collect();
    let _ = write!(
        x,
        r#"<c r="{at}" t="inlineStr"{style}><is><t xml:space="preserve">{}</t></is></c>"#,
        escape(&text)
    );
}

/// The number `s` spells, when printing that number gives `s` back (no `1e5`, `+3`, `05`, `NaN`).
fn as_number(s: &str) -> Option<f64> {
    let v: f64 = s.parse().ok()?;
    (v.is_finite() && v.to_string() == s).then_some(v)
}

/// A, B, …, Z, AA, AB, …: the letters of column `j` (0-based).
fn column_name(mut j: usize) -> String {
    let mut s = Vec::new();
    loop {
        s.push(b'A' + (j % 26) as u8);
        if j < 26 {
            break;
        }
        j = j / 26 - 1;
    }
    s.iter().rev().map(|&b| b as char).collect()
}

/// XML text: the five special characters escaped, and the characters XML 1.0 cannot hold
/// (control characters other than tab and line breaks, U+FFFE, U+FFFF) dropped.
fn escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => {}
            c => out.push(c),
        }
    }
    out
}

/// A sheet name Excel accepts: at most 31 characters, none of `[]:*?/\`, not empty.
fn sheet_name(s: &str) -> String {
    let n: String = s
        .chars()
        .filter(|c| !"[]:*?/\\".contains(*c) && !c.is_control())
        .take(31)
        .collect();
    if n.trim().is_empty() {
        "planlens".into()
    } else {
        n
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Read;

    fn part(book: &[u8], path: &str) -> String {
        let mut z = zip::ZipArchive::new(std::io::Cursor::new(book)).expect("a zip");
        let mut s = String::new();
        z.by_name(path)
            .expect("the part")
            .read_to_string(&mut s)
            .expect("UTF-8");
        s
    }

    fn rows(r: &[&[&str]]) -> Vec<Vec<String>> {
        r.iter()
            .map(|row| row.iter().map(|c| c.to_string()).collect())
            .collect()
    }

    #[test]
    fn a_workbook_of_one_sheet_with_its_header_bold_and_numbers_as_numbers() {
        let book = rows_xlsx(
            "指标",
            &rows(&[
                &["章节", "数值", "原文句子"],
                &["一、目标", "12000", "新增学位超12000个"],
            ]),
        )
        .expect("a workbook");
        for p in [
            "[Content_Types].xml",
            "_rels/.rels",
            "xl/workbook.xml",
            "xl/styles.xml",
        ] {
            assert!(part(&book, p).starts_with("<?xml"), "{p}");
        }
        assert!(part(&book, "xl/workbook.xml").contains(r#"<sheet name="指标""#));
        let sheet = part(&book, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(r#"<c r="A1" t="inlineStr" s="1"><is><t xml:space="preserve">章节</t>"#)
        );
        assert!(sheet.contains(r#"<c r="B2"><v>12000</v></c>"#));
        assert!(sheet.contains(
            r#"<c r="C2" t="inlineStr"><is><t xml:space="preserve">新增学位超12000个</t>"#
        ));
        assert!(sheet.contains(r#"state="frozen""#));
    }

    #[test]
    fn what_a_plan_says_stays_text_and_valid_xml() {
        let book = rows_xlsx(
            "a/b:c*?[d]",
            &rows(&[
                &["h"],
                &["=SUM(A1)"],
                &["<b>&\"x\"\u{1}\u{FFFF}"],
                &["+5"],
                &["1e5"],
                &["05"],
            ]),
        )
        .expect("a workbook");
        let sheet = part(&book, "xl/worksheets/sheet1.xml");
        assert!(
            sheet.contains(">=SUM(A1)</t>"),
            "a formula is text: {sheet}"
        );
        assert!(
            sheet.contains(">&lt;b&gt;&amp;&quot;x&quot;</t>"),
            "{sheet}"
        );
        for s in ["+5", "1e5", "05"] {
            assert!(sheet.contains(&format!(">{s}</t>")), "{s} is text");
        }
        assert!(part(&book, "xl/workbook.xml").contains(r#"name="abcd""#));
    }

    #[test]
    fn empty_rows_give_an_empty_sheet_and_columns_run_past_z() {
        assert!(rows_xlsx("", &[]).is_ok());
        assert_eq!(column_name(0), "A");
        assert_eq!(column_name(25), "Z");
        assert_eq!(column_name(26), "AA");
        assert_eq!(column_name(27), "AB");
        assert_eq!(column_name(701), "ZZ");
        assert_eq!(column_name(702), "AAA");
    }
}
