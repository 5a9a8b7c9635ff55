//! Markdown marks: plans copied from archive sites, converters and chat tools arrive as Markdown
//! (`# ` headings, `**一、工作目标**`, `> ` quotes, `- ` list bullets, `[text](url)` links,
//! `---` rules, `1\.` escapes). The marks are furniture and the words are the document, so the
//! cleaner drops the marks like any other artefact and every kept char still maps to its offset
//! in the input.
//!
//! Only a text that shows Markdown somewhere (a `#` heading line, a bold pair or a link) is read
//! this way: a `- ` or `>` at the start of a line of plain text is a page number or a breadcrumb
//! (`- 3 -`, `首页` ⏎ `>` ⏎ `政策`), not a list or a quote.

use std::ops::Range;

/// A Markdown mark: a byte range of the input and what it becomes (nothing, or the blank that
/// separates two cells of a table row).
pub type Mark = (Range<usize>, Option<char>);

/// The Markdown marks of `input`, by start and not overlapping; empty when the text is not
/// Markdown. A YAML front matter block is left to the cleaner's front matter stage.
pub fn marks(input: &str) -> Vec<Mark> {
    if !is_markdown(input) {
        return Vec::new();
    }
    let front = front_matter_fences(input);
    let mut out = Vec::new();
    let mut at = 0;
    for line in input.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if !front.contains(&at) {
            line_marks(body, at, &mut out);
        }
        at += line.len();
    }
    out
}

/// Does `input` show Markdown: a `#` heading line, a pipe table's rule, a `**bold**` pair or a
/// `[text](url)` link?
pub fn is_markdown(input: &str) -> bool {
    input.lines().any(|l| {
        let l = trim_indent(l);
        heading_mark(l) > 0
            || is_table_rule(l)
            || has_bold_pair(l)
            || l.match_indices('[').any(|(i, _)| link_at(l, i).is_some())
    })
}

/// Line-start offsets of the `---` fences of a front matter block at the very start.
fn front_matter_fences(input: &str) -> Vec<usize> {
    let mut at = 0;
    let mut fences = Vec::new();
    for (n, line) in input.split_inclusive('\n').enumerate() {
        let l = line.trim();
        if fences.is_empty() {
            if l.is_empty() {
                at += line.len();
                continue;
            }
            if l != "---" {
                return Vec::new();
            }
            fences.push(at);
        } else if l == "---" || l == "..." {
            fences.push(at);
            return fences;
        }
        if n > 80 {
            break;
        }
        at += line.len();
    }
    Vec::new()
}

/// Leading blanks of a line (ASCII, ideographic space, tab).
fn trim_indent(l: &str) -> &str {
    l.trim_start_matches([' ', '\u{3000}', '\t'])
}

/// Bytes of an ATX heading mark (`## `) at the start of `l`, 0 when there is none.
fn heading_mark(l: &str) -> usize {
    let hashes = l.bytes().take_while(|&b| b == b'#').count();
    if !(1..=6).contains(&hashes) {
        return 0;
    }
    let rest = &l[hashes..];
    let blanks = rest.len() - rest.trim_start_matches([' ', '\u{3000}']).len();
    if blanks == 0 || rest.trim().is_empty() {
        return 0;
    }
    hashes + blanks
}

/// A `**bold**` pair of two chars or more: a form's `**区**镇` masks a name with stars.
fn has_bold_pair(l: &str) -> bool {
    l.find("**").is_some_and(|a| {
        let rest = l[a + 2..].trim_start_matches('*');
        rest.find("**")
            .is_some_and(|b| rest[..b].chars().count() >= 2)
    })
}

/// A thematic break: three or more `-`, `*` or `_` and nothing else but blanks.
fn is_rule(l: &str) -> bool {
    let t: Vec<char> = l.chars().filter(|c| *c != ' ').collect();
    t.len() >= 3 && t.iter().all(|&c| c == t[0]) && matches!(t[0], '-' | '*' | '_')
}

/// The marks of one line starting at byte `at` of the input.
fn line_marks(line: &str, at: usize, out: &mut Vec<Mark>) {
    let lead = line.len() - trim_indent(line).len();
    let l = &line[lead..];
    if is_rule(l) || is_table_rule(l) {
        out.push((at + lead..at + line.len(), None));
        return;
    }
    let start = lead + block_mark(l);
    if start > lead {
        out.push((at + lead..at + start, None));
    }
    let from = out.len();
    if is_table_row(l) {
        pipes(line, start, at, out);
    }
    let mut inline = Vec::new();
    inline_marks(line, start, at, &mut inline);
    out.extend(inline.into_iter().map(|r| (r, None)));
    out[from..].sort_by_key(|m| m.0.start);
}

/// A row of a pipe table: `| 1 | 覆盖率 | 90% |`.
fn is_table_row(l: &str) -> bool {
    let l = l.trim_end();
    l.len() > 2 && l.starts_with('|') && l.ends_with('|')
}

/// The rule under a pipe table's header: `|---|:---:|`.
fn is_table_rule(l: &str) -> bool {
    is_table_row(l) && l.contains('-') && l.chars().all(|c| matches!(c, '|' | '-' | ':' | ' '))
}

/// The pipes of a table row from byte `from` on, with the blanks around them: the outer ones go,
/// an inner one becomes the blank between two cells (a table printed a row per line).
fn pipes(line: &str, from: usize, at: usize, out: &mut Vec<Mark>) {
    let b = line.as_bytes();
    let last = line.trim_end().len().saturating_sub(1);
    for (i, _) in line[from..].match_indices('|') {
        let i = from + i;
        let mut s = i;
        while s > from && b[s - 1] == b' ' {
            s -= 1;
        }
        let mut e = i + 1;
        while e < b.len() && b[e] == b' ' {
            e += 1;
        }
        let outer = i == from || i >= last;
        out.push((at + s..at + e, (!outer).then_some(' ')));
    }
}

/// Bytes of the block marks at the start of a line: quote marks (`> `, nested `> > `), then a
/// heading mark or a list bullet (`- `, `* `, `+ `; not before a digit: `- 3 -` is a page number).
fn block_mark(l: &str) -> usize {
    let mut n = 0;
    while l[n..].starts_with('>') {
        n += 1;
        n += l[n..].len() - l[n..].trim_start_matches(' ').len();
    }
    let rest = &l[n..];
    let h = heading_mark(rest);
    if h > 0 {
        return n + h;
    }
    let mut cs = rest.chars();
    if let (Some('-' | '*' | '+'), Some(' ')) = (cs.next(), cs.next()) {
        let after = rest[1..].trim_start_matches(' ');
        if !after.is_empty() && !after.starts_with(|c: char| c.is_ascii_digit()) {
            return n + (rest.len() - after.len());
        }
    }
    n
}

/// Inline marks from byte `from` of `line` on: bold runs (`**`, `***`), links and images
/// (`[text](url)`: the brackets and the address go, the text stays; an image goes whole) and
/// backslash escapes (`1\.`).
fn inline_marks(line: &str, from: usize, at: usize, out: &mut Vec<Range<usize>>) {
    let b = line.as_bytes();
    let mut i = from;
    while i < b.len() {
        match b[i] {
            b'*' => {
                let n = b[i..].iter().take_while(|&&c| c == b'*').count();
                if n >= 2 {
                    out.push(at + i..at + i + n);
                }
                i += n;
            }
            b'\\' if b.get(i + 1).is_some_and(|c| c.is_ascii_punctuation()) => {
                out.push(at + i..at + i + 1);
                i += 2;
            }
            b'!' | b'[' => match link_at(line, i) {
                Some(link) => {
                    if b[i] == b'!' {
                        out.push(at + i..at + link.end);
                    } else {
                        out.push(at + i..at + i + 1);
                        out.push(at + link.text_end..at + link.end);
                    }
                    i = link.end;
                }
                None => i += 1,
            },
            _ => i += 1,
        }
    }
}

struct Link {
    /// Byte where the text ends (the `]`).
    text_end: usize,
    /// Byte after the closing `)`.
    end: usize,
}

/// A link or image starting at byte `i` of `l`: `[text](url)` or `![alt](url)` on one line, the
/// address without blanks.
fn link_at(l: &str, i: usize) -> Option<Link> {
    let open = if l[i..].starts_with("![") {
        i + 2
    } else if l[i..].starts_with('[') {
        i + 1
    } else {
        return None;
    };
    let close = open + l[open..].find(']')?;
    if l[open..close].contains('[') {
        return None;
    }
    let url = l[close + 1..].strip_prefix('(')?;
    let url_len = url.find(')')?;
    if url_len == 0 || url[..url_len].contains([' ', '\t']) {
        return None;
    }
    Some(Link {
        text_end: close,
        end: close + 2 + url_len + 1,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The input with its marks removed.
    fn words(input: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for (r, c) in marks(input) {
            out.push_str(&input[at..r.start]);
            out.extend(c);
            at = r.end;
        }
        out.push_str(&input[at..]);
        out
    }

    #[test]
    fn bold_headings_lose_their_stars() {
        let src = "# 某市2026年工作要点\n\n**一、工作目标**\n\n　　**（一）总体要求**。坚持稳中求进。\n**某县城市更新行动方案（2026—2030年****）**";
        assert_eq!(
            words(src),
            "某市2026年工作要点\n\n一、工作目标\n\n　　（一）总体要求。坚持稳中求进。\n某县城市更新行动方案（2026—2030年）"
        );
    }

    #[test]
    fn metadata_lines_quotes_bullets_and_links_keep_their_words() {
        let src = "## 政策全文\n**发布日期**: 2025-01-10\n- **发布机构**：某市交通运输局\n> 经市政府同意，现印发给你们。\n> > 特此通知。\n**原文链接**: [http://example.gov.cn/a.html](http://example.gov.cn/a.html)\n详见[附件1](files/a.pdf)。![图](x.png)\n1\\. 加强组织领导";
        assert_eq!(
            words(src),
            "政策全文\n发布日期: 2025-01-10\n发布机构：某市交通运输局\n经市政府同意，现印发给你们。\n特此通知。\n原文链接: http://example.gov.cn/a.html\n详见附件1。\n1. 加强组织领导"
        );
    }

    #[test]
    fn rules_are_emptied_but_front_matter_fences_stay() {
        let src = "---\ntitle: 某县方案\n---\n# 某县方案\n正文。\n\n---\n\n* * *\n下文。";
        assert_eq!(
            words(src),
            "---\ntitle: 某县方案\n---\n某县方案\n正文。\n\n\n\n\n下文。"
        );
    }

    /// A pipe table becomes a table printed a row per line.
    #[test]
    fn pipe_tables_become_rows_of_cells() {
        let src = "## 主要指标\n\n| 序号 | 指标 | 2025年 | 属性 |\n|---|:---|---:|---|\n| 1 | **覆盖率** | 90% | 约束性 |\n";
        assert_eq!(
            words(src),
            "主要指标\n\n序号 指标 2025年 属性\n\n1 覆盖率 90% 约束性\n"
        );
    }

    /// Plain text is left alone, even where it looks like a bullet or a quote.
    #[test]
    fn plain_text_has_no_marks() {
        for src in [
            "首页\n>\n政府信息公开\n- 3 -\n一、总体要求",
            "- 1 中共中央、国务院办公厅发布\n每*个*指标",
            "[1] 注释\n【原文下载】",
            "(**区**镇(街道)**",
        ] {
            assert!(marks(src).is_empty(), "{src}");
        }
        // In Markdown a page number keeps its dashes.
        assert_eq!(words("**标题**\n- 3 -"), "标题\n- 3 -");
    }
}
