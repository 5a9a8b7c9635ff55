//! Input cleaning: from the raw input to the folded working [`Text`].
//!
//! Stage 1 works char by char: newlines normalised, invisible chars (BOM, zero-width,
//! private-use bullets) and converter artefacts (`[bookmark: _Hlk…]`) dropped, full-width forms
//! folded (see [`crate::text::fold_char`]). Stage 2 works line by line: leading and trailing blanks
//! trimmed. Every kept char remembers its original offset, so nothing downstream loses its place.

use crate::text::{fold_char, Text, TextBuilder};
use regex::Regex;
use std::sync::OnceLock;

/// Converter artefacts removed before anything else looks at the text (domain guide §3.4).
const ARTEFACTS: &str =
    r"\[(?:bookmark|image|footnoteRef|endnoteRef|comment):[^\]\n]{0,200}\]|\[Page\]";

fn artefacts() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| Regex::new(ARTEFACTS).expect("artefact pattern"))
}

/// Chars that carry no text: BOM, zero-width marks, soft hyphen, Word's private-use bullets.
fn is_invisible(c: char) -> bool {
    matches!(c, '\u{FEFF}' | '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}' | '\u{E000}'..='\u{F8FF}')
        || (c.is_control() && !matches!(c, '\n' | '\r' | '\t' | '\u{000C}'))
}

/// Cleans `input` into the working copy.
pub fn clean(input: &str) -> Text {
    // Byte ranges of the original to drop wholesale.
    let drops: Vec<(usize, usize)> = artefacts()
        .find_iter(input)
        .map(|m| (m.start(), m.end()))
        .collect();
    let mut b = TextBuilder::with_capacity(input.len());
    let mut drop_i = 0;
    let mut line_start = true;
    let mut chars = input.char_indices().enumerate().peekable();
    while let Some((ci, (bi, c))) = chars.next() {
        while drop_i < drops.len() && drops[drop_i].1 <= bi {
            drop_i += 1;
        }
        if drop_i < drops.len() && drops[drop_i].0 <= bi {
            continue;
        }
        let c = match c {
            '\r' => {
                if matches!(chars.peek(), Some((_, (_, '\n')))) {
                    continue;
                }
                '\n'
            }
            '\u{000C}' | '\u{2028}' | '\u{2029}' | '\u{0085}' => '\n',
            c if is_invisible(c) => continue,
            c => fold_char(c).unwrap_or(c),
        };
        if c == '\n' {
            b.trim_end_matches(|c| c == ' ');
            b.push('\n', ci);
            line_start = true;
        } else if c == ' ' && line_start {
            continue;
        } else {
            b.push(c, ci);
            line_start = false;
        }
    }
    b.trim_end_matches(|c| c == ' ');
    b.finish(input)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_bookmarks_and_keeps_offsets() {
        let src = "一、总则\n[bookmark: _Hlk131512965]1.强化思想武装。";
        let t = clean(src);
        assert_eq!(t.clean, "一、总则\n1.强化思想武装。");
        let at = t.clean.find("1.").unwrap();
        let sp = t.span(at..at + 2);
        let chars: Vec<char> = src.chars().collect();
        assert_eq!(chars[sp[0]..sp[1]].iter().collect::<String>(), "1.");
    }

    #[test]
    fn folds_fullwidth_and_trims_lines() {
        let t = clean("\u{3000}\u{3000}（一）达到６５％ \r\n\u{FEFF}下一行");
        assert_eq!(t.clean, "(一)达到65%\n下一行");
        assert_eq!(
            t.display(0..t.clean.find('\n').unwrap()),
            "（一）达到６５％"
        );
    }

    #[test]
    fn empty_and_binary_input() {
        assert_eq!(clean("").clean, "");
        let t = clean("\u{0}\u{1}abc\u{7f}");
        assert_eq!(t.clean, "abc");
    }
}
