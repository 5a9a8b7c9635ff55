//! A PDF's lines ([`crate::input::pdf`]) made into the plan's text: what the page layout added is taken
//! out, so the text reads as the plan was written and every span of the analysis points into it.
//!
//! - page numbers (`— 3 —`, `- 3 -`, `第3页 共12页`, `3/12`, a bare number) at the top or foot
//!   of a page;
//! - running heads and feet: a line that opens or closes most pages (numbers aside);
//! - hard wraps: a line that runs to the right margin and is followed by one that is not indented
//!   goes on in that line (across a page break too); where the layout sets paragraphs apart by
//!   space instead of an indent (a word processor's export), a wider gap between two lines ends
//!   a paragraph and the usual one does not;
//! - characters spaced out to fill a line (`佛 山 市 公 共 卫 生`), full-width spaces, indents;
//! - form feeds: pages follow one another as lines.
//!
//! A table's row keeps its cells apart by spaces, as [`crate::document::tables::cells_in`] reads them, and
//! is never joined to the next row.

use crate::input::pdf::{Line, Page};

/// The plan's text from a PDF's pages.
pub fn plan_text(pages: &[Page]) -> String {
    let pages: Vec<Vec<Line>> = strip_furniture(pages);
    let all: Vec<&Line> = pages.iter().flatten().collect();
    let (left, right) = margins(&all);
    let layout = Layout {
        left,
        right,
        indents: opens_indented(&all, left, right),
        spacing: paragraph_spacing(&pages, right),
    };
    let mut out = String::new();
    let mut prev: Option<(&Line, usize)> = None;
    for (page, line) in pages
        .iter()
        .enumerate()
        .flat_map(|(i, p)| p.iter().map(move |l| (i, l)))
    {
        let text = tidy(&line.text);
        if text.is_empty() {
            continue;
        }
        if let Some((p, p_page)) = prev {
            let gap = (p_page == page).then_some(p.y - line.y);
            if wraps_into(p, line, gap, &layout) {
                if p.text.ends_with(|c: char| c.is_ascii_alphanumeric())
                    && text.starts_with(|c: char| c.is_ascii_alphanumeric())
                {
                    out.push(' ');
                }
            } else {
                out.push('\n');
            }
        }
        out.push_str(&text);
        prev = Some((line, page));
    }
    out.push('\n');
    out
}

/// Page numbers and running heads and feet left out of every page.
/// Running heads and page numbers can stack (a head, a rule mark, the number): each pass takes
/// the outermost layer, and a few passes reach the text.
fn strip_furniture(pages: &[Page]) -> Vec<Vec<Line>> {
    let mut pages: Vec<Vec<Line>> = pages.iter().map(|p| p.lines.clone()).collect();
    for _ in 0..2 {
        for p in pages.iter_mut() {
            let n = p.len();
            let mut i = 0;
            p.retain(|l| {
                i += 1;
                !((i <= 3 || i + 3 > n) && is_page_number(&l.text))
            });
        }
        if pages.len() >= 3 {
            for end in [Edge::Top, Edge::Foot] {
                drop_running(&mut pages, end);
            }
        }
    }
    pages
}

#[derive(Clone, Copy)]
enum Edge {
    Top,
    Foot,
}

fn edge(page: &[Line], e: Edge) -> Option<&Line> {
    match e {
        Edge::Top => page.first(),
        Edge::Foot => page.last(),
    }
}

/// A line's text with its digits left out: a running head with the page's number in it repeats.
fn head_key(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_ascii_digit() && !c.is_whitespace())
        .collect()
}

/// Drops the line at one edge of each page when the same line is there on most pages.
fn drop_running(pages: &mut [Vec<Line>], e: Edge) {
    let keys: Vec<Option<String>> = pages
        .iter()
        .map(|p| {
            edge(p, e)
                .map(|l| head_key(&l.text))
                .filter(|k| !k.is_empty())
        })
        .collect();
    let n = pages.len();
    for key in keys.iter().flatten() {
        let count = keys
            .iter()
            .filter(|k| k.as_deref() == Some(key.as_str()))
            .count();
        if count >= 3 && count * 2 >= n {
            for (p, k) in pages.iter_mut().zip(&keys) {
                if k.as_deref() == Some(key.as_str()) {
                    match e {
                        Edge::Top => drop(p.remove(0)),
                        Edge::Foot => drop(p.pop()),
                    }
                }
            }
            return;
        }
    }
}

/// `— 3 —`, `- 3 -`, `第3页 共12页`, `共12页 第3页`, `3/12`, `3`, `Page 3`.
pub fn is_page_number(s: &str) -> bool {
    let t: String = s.chars().filter(|c| !c.is_whitespace()).collect();
    let dashes = |c: char| "—–-－~～·•".contains(c);
    let core = t.trim_matches(dashes);
    if core.is_empty() || core.chars().count() > 16 {
        return false;
    }
    let digits_only = |x: &str| !x.is_empty() && x.chars().all(|c| c.is_ascii_digit());
    if digits_only(core) {
        return core.len() <= 4;
    }
    if let Some((a, b)) = core.split_once('/') {
        return digits_only(a) && digits_only(b);
    }
    let words: String = core.chars().filter(|c| !c.is_ascii_digit()).collect();
    let has_digit = core.chars().any(|c| c.is_ascii_digit());
    has_digit
        && matches!(
            words.as_str(),
            "第页" | "第页共页" | "共页第页" | "Page" | "page" | "页"
        )
}

/// The left edge and the right margin of the body: the widest lines end at the right margin.
fn margins(lines: &[&Line]) -> (f32, f32) {
    let mut lefts: Vec<f32> = lines.iter().map(|l| l.x0).collect();
    let mut rights: Vec<f32> = lines
        .iter()
        .filter(|l| l.text.chars().count() >= 10)
        .map(|l| l.x1)
        .collect();
    lefts.sort_by(f32::total_cmp);
    rights.sort_by(f32::total_cmp);
    let at = |v: &[f32], q: f32| v.get(((v.len() as f32 - 1.0) * q) as usize).copied();
    (
        at(&lefts, 0.1).unwrap_or(0.0),
        at(&rights, 0.9).unwrap_or(f32::MAX),
    )
}

/// What the whole text's layout says of its paragraphs.
struct Layout {
    left: f32,
    right: f32,
    /// Every paragraph opens with an indent ([`opens_indented`]).
    indents: bool,
    /// Paragraphs are set apart by space: the gap between baselines above which a line opens a
    /// paragraph ([`paragraph_spacing`]).
    spacing: Option<f32>,
}

/// Whether `next` goes on the line `prev` broke off (`gap`: the distance between their baselines
/// when they are on one page): `prev` runs to the right margin, `next` is not indented, both are
/// set in one size (a title in a larger one ends there), and neither is a table row of several
/// cells. A line that ends a sentence at the margin ends its paragraph too, unless the layout
/// marks where paragraphs open (an indent, or a wider gap): then only such a line starts one,
/// and a sentence that happened to fill the line goes on.
fn wraps_into(prev: &Line, next: &Line, gap: Option<f32>, layout: &Layout) -> bool {
    let full = runs_to_margin(prev, layout.right);
    let ends = prev
        .text
        .trim_end()
        .ends_with(['。', '！', '？', '；', '：', '!', '?', ';', ':']);
    let indented = is_indented(next, layout.left);
    let spaced = matches!((gap, layout.spacing), (Some(g), Some(s)) if g > s);
    let marked = layout.indents || layout.spacing.is_some();
    let one_size = (prev.size - next.size).abs() <= 0.15 * prev.size.max(next.size);
    full && (marked || !ends)
        && one_size
        && !indented
        && !spaced
        && !is_row(&prev.text)
        && !is_row(&next.text)
}

/// Whether the layout sets its paragraphs apart by space, and the gap that does it: the usual
/// distance between the baselines of a wrapped line and the next (the median where a line runs
/// to the margin) times 1.35, when at least four in five of the lines that open a paragraph for
/// sure (after a line ending short of the margin, on one page) are further below it than that.
fn paragraph_spacing(pages: &[Vec<Line>], right: f32) -> Option<f32> {
    let pairs = || pages.iter().flat_map(|p| p.windows(2));
    let mut pitches: Vec<f32> = pairs()
        .filter(|w| runs_to_margin(&w[0], right))
        .map(|w| w[0].y - w[1].y)
        .filter(|g| *g > 0.0)
        .collect();
    if pitches.len() < 4 {
        return None;
    }
    pitches.sort_by(f32::total_cmp);
    let limit = pitches[pitches.len() / 2] * 1.35;
    let opens: Vec<f32> = pairs()
        .filter(|w| ends_paragraph(&w[0], right))
        .map(|w| w[0].y - w[1].y)
        .collect();
    let wide = opens.iter().filter(|g| **g > limit).count();
    (opens.len() >= 4 && wide * 5 >= opens.len() * 4).then_some(limit)
}

/// The line runs to the right margin (within about an em): it may go on in the next one.
fn runs_to_margin(line: &Line, right: f32) -> bool {
    line.x1 >= right - 1.2 * line.size.max(1.0)
}

/// The line ends short of the margin and is no table row: its paragraph ends there for sure.
fn ends_paragraph(line: &Line, right: f32) -> bool {
    line.x1 < right - 2.0 * line.size.max(1.0) && !is_row(&line.text)
}

fn is_indented(line: &Line, left: f32) -> bool {
    line.x0 > left + line.size.max(1.0)
}

/// Whether the layout opens its paragraphs with an indent: of the lines that open a paragraph
/// for sure (the first, and those after a line ending short of the margin), at least four in
/// five are indented. A text of one long paragraph has only its first line to tell.
fn opens_indented(lines: &[&Line], left: f32, right: f32) -> bool {
    let Some(first) = lines.first() else {
        return false;
    };
    let (mut opens, mut indented) = (1usize, usize::from(is_indented(first, left)));
    for w in lines.windows(2) {
        let (prev, next) = (w[0], w[1]);
        if ends_paragraph(prev, right) {
            opens += 1;
            indented += usize::from(is_indented(next, left));
        }
    }
    indented * 5 >= opens * 4
}

/// A table row: its cells are apart by tabs (gaps of a few ems).
fn is_row(s: &str) -> bool {
    s.contains('\t')
}

/// Every space-separated part is one Han character: `佛 山 市 卫 生 健 康 局`.
fn spaced_out(s: &str) -> bool {
    let parts: Vec<&str> = s.split(' ').filter(|p| !p.is_empty()).collect();
    parts.len() >= 2
        && parts
            .iter()
            .all(|p| p.chars().count() == 1 && !p.is_ascii())
}

/// One line's text: full-width spaces as spaces, runs of spaces as one, no indent, and a
/// spaced-out line closed up; a row's cells (apart by tabs) one per line, as a converted table
/// prints them.
fn tidy(s: &str) -> String {
    let cells: Vec<String> = s
        .split('\t')
        .map(tidy_cell)
        .filter(|c| !c.is_empty())
        .collect();
    cells.join("\n")
}

fn tidy_cell(s: &str) -> String {
    let s = s.replace(['\u{3000}', '\u{a0}', '\u{c}'], " ");
    let parts: Vec<&str> = s.split(' ').filter(|p| !p.is_empty()).collect();
    if spaced_out(&s) {
        parts.concat()
    } else {
        parts.join(" ")
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(text: &str, x0: f32, x1: f32, y: f32) -> Line {
        Line {
            text: text.into(),
            x0,
            x1,
            y,
            size: 16.0,
        }
    }

    fn page(lines: &[(&str, f32, f32)]) -> Page {
        Page {
            lines: lines
                .iter()
                .enumerate()
                .map(|(i, (t, a, b))| line(t, *a, *b, 800.0 - 20.0 * i as f32))
                .collect(),
        }
    }

    #[test]
    fn page_numbers_of_the_genre() {
        for s in [
            "— 3 —",
            "- 3 -",
            "－12－",
            "第3页 共12页",
            "共12页第3页",
            "3/12",
            "7",
            "第 3 页",
        ] {
            assert!(is_page_number(s), "{s}");
        }
        for s in ["2025年", "一、目标", "3月", "第三章", "12345"] {
            assert!(!is_page_number(s), "{s}");
        }
    }

    #[test]
    fn wrapped_lines_join_and_paragraphs_stay_apart() {
        let p = page(&[
            ("一、总体要求", 120.0, 220.0),
            (
                "为进一步巩固我市登革热防控工作，按照国家疾控局和省、",
                120.0,
                500.0,
            ),
            ("市工作部署，制定本方案。", 90.0, 300.0),
            ("二、工作目标", 120.0, 220.0),
        ]);
        assert_eq!(
            plan_text(&[p]),
            "一、总体要求\n为进一步巩固我市登革热防控工作，按照国家疾控局和省、市工作部署，制定本方案。\n二、工作目标\n"
        );
    }

    #[test]
    fn a_sentence_filling_the_line_goes_on_when_paragraphs_open_indented() {
        let para =
            |first: &'static str, rest: &'static str| [(first, 122.0, 500.0), (rest, 90.0, 300.0)];
        let mut lines: Vec<(&str, f32, f32)> = Vec::new();
        for _ in 0..5 {
            lines.extend(para("段落开头缩进两字一直写到行尾", "段落结束。"));
        }
        // the sentence ends at the margin, the paragraph does not: its next line is not indented
        lines.push(("段落开头缩进两字一直写到行尾", 122.0, 500.0));
        lines.push(("这一句恰好写满了一行到了行尾。", 90.0, 500.0));
        lines.push(("下一句接着写，没有缩进。", 90.0, 300.0));
        let t = plan_text(&[page(&lines)]);
        assert!(t.contains("到了行尾。下一句接着写"), "{t}");
        // without the indents to tell, a full line that ends a sentence ends its paragraph
        let flat = page(&[
            ("这一句恰好写满了一行到了行尾。", 90.0, 500.0),
            ("下一句另起一段。", 90.0, 300.0),
        ]);
        assert_eq!(
            plan_text(&[flat]),
            "这一句恰好写满了一行到了行尾。\n下一句另起一段。\n"
        );
    }

    #[test]
    fn a_title_set_larger_is_not_joined_to_the_line_under_it() {
        let mut title = line("国务院关于实施健康中国行动的意见", 150.0, 500.0, 800.0);
        title.size = 22.0;
        let lines = vec![
            title,
            line("国发〔2019〕13号", 90.0, 250.0, 760.0),
            line("各省、自治区、直辖市人民政府：", 90.0, 350.0, 740.0),
        ];
        assert!(plan_text(&[Page { lines }]).starts_with("国务院关于实施健康中国行动的意见\n国发"));
    }

    #[test]
    fn paragraphs_set_apart_by_space_open_at_the_wider_gaps_only() {
        // four paragraphs of two lines, 20 apart inside one, 34 between two; no indents
        let mut lines = Vec::new();
        let mut y = 800.0;
        for _ in 0..4 {
            lines.push(line("段落写到行尾的第一行文字一直写", 90.0, 500.0, y));
            lines.push(line("到这里结束。", 90.0, 300.0, y - 20.0));
            y -= 54.0;
        }
        // a sentence that fills its line, then the paragraph goes on at the usual distance
        lines.push(line("这一句恰好写满了一行到了行尾。", 90.0, 500.0, y));
        lines.push(line("下一句接着写完。", 90.0, 300.0, y - 20.0));
        // a full line that ends its paragraph: the next one is further down
        lines.push(line(
            "这一段的最后一行也写满了行尾。",
            90.0,
            500.0,
            y - 54.0,
        ));
        lines.push(line("新的一段。", 90.0, 300.0, y - 88.0));
        let t = plan_text(&[Page { lines }]);
        assert!(t.contains("到了行尾。下一句接着写完。\n"), "{t}");
        assert!(t.contains("写满了行尾。\n新的一段。"), "{t}");
    }

    #[test]
    fn running_heads_page_numbers_and_spacing_leave() {
        let pages: Vec<Page> = (1..=3)
            .map(|i| {
                let n = format!("— {i} —");
                let head = ["佛 山 市 卫 生 健 康 局", "第二页", "第三页"][i - 1];
                let body = [
                    "正文　甲句写得很长一直到行尾。",
                    "乙句写得很长一直到行尾。",
                    "丙句写得很长一直到行尾。",
                ][i - 1];
                page(&[
                    ("健康中国行动", 200.0, 300.0),
                    (head, 90.0, 150.0),
                    (body, 90.0, 500.0),
                    (n.as_str(), 250.0, 280.0),
                ])
            })
            .collect();
        let t = plan_text(&pages);
        assert_eq!(t.lines().next(), Some("佛山市卫生健康局"));
        assert!(!t.contains('—') && !t.contains("健康中国行动"), "{t}");
        assert!(t.contains("正文 甲句"));
    }

    #[test]
    fn table_rows_keep_their_cells_and_their_lines() {
        let p = page(&[
            ("序号 指标 单位 2025年", 90.0, 300.0),
            ("1\t人均预期寿命\t岁\t79", 90.0, 500.0),
            ("2\t婴儿死亡率\t‰\t5", 90.0, 500.0),
        ]);
        assert_eq!(
            plan_text(&[p]),
            "序号 指标 单位 2025年\n1\n人均预期寿命\n岁\n79\n2\n婴儿死亡率\n‰\n5\n"
        );
    }
}
