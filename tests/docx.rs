//! A plan whose headings Word numbers automatically (tests/docx/numbered_plan.docx, written by
//! tools/make_numbered_docx.py: 一、 through the Heading 1 style, （一） and 1. through the
//! paragraphs' own list numbering) reads to the same outline as the same plan pasted as text.

use planlens::analyze;
use planlens::model::OutlineNode;

fn flat(nodes: &[OutlineNode], out: &mut Vec<(u32, String, String)>) {
    for n in nodes {
        out.push((n.level, n.marker.clone(), n.title.clone()));
        flat(&n.children, out);
    }
}

fn outline(text: &str) -> Vec<(u32, String, String)> {
    let mut v = Vec::new();
    flat(&analyze(text).outline, &mut v);
    v
}

fn fixture(name: &str) -> Vec<u8> {
    let path = format!("{}/tests/docx/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

#[test]
fn word_numbering_gives_the_outline_of_the_pasted_text() {
    let pasted = String::from_utf8(fixture("numbered_plan.txt")).expect("utf-8");
    let read = planlens::docx::docx_text(&fixture("numbered_plan.docx")).expect("readable");
    let want = outline(&pasted);
    assert_eq!(want.len(), 14, "the pasted plan's outline: {want:?}");
    assert_eq!(outline(&read), want, "read from Word:\n{read}");
    // the markers are Word's, the text is the paragraphs' (bullets show no number)
    assert!(read.contains("\n一、总体要求\n"), "{read}");
    assert!(
        read.contains("\n（二）义务教育\n1.新增义务教育学位8000个。\n"),
        "{read}"
    );
    assert!(
        read.contains("\n三、重点任务\n（一）推进课后服务\n1.课后服务"),
        "{read}"
    );
    assert!(read.contains("\n各校制定课后服务清单。\n"), "{read}");
    let targets = |t: &str| analyze(t).targets.len();
    assert_eq!(targets(&read), targets(&pasted));
}
