//! Subject keys and their similarity.
//!
//! Most targets come without a `subject` yet, so the comparison derives one from the words next to
//! the quantity: in a clause holding several quantities (`立项省级课题20项、市级课题60项`) each
//! quantity owns the words between it and its neighbours, split at the list separator. The words
//! are folded, stripped of digits, punctuation, time/scope words, verbs and generic heads
//! ([`super::lexicon`]), and known synonyms are made identical ([`super::synonyms`]).
//!
//! Similarity is on character bigrams (Jaccard, with a containment term for a short key inside a
//! longer one) and penalised when the last characters differ: the head of a Chinese noun phrase
//! is at its end (`产业学院集群` is a 集群, not a 学院).

use super::lexicon::{LEAD_WORDS, LEVELS, TRAIL_WORDS};
use super::synonyms::canonical;
use crate::text::fold;

/// Is `c` kept in a key: CJK ideographs and ASCII letters.
fn keep(c: char) -> bool {
    matches!(c as u32, 0x4E00..=0x9FFF | 0x3400..=0x4DBF | 0xF900..=0xFAFF)
        || c.is_ascii_alphabetic()
}

/// Removes `(…)` groups of up to 8 chars (`产业教授(产业导师)`, `各镇(开发区、街道)`).
fn drop_short_parens(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '(' {
            if let Some(len) = chars[i + 1..].iter().take(9).position(|&c| c == ')') {
                i += len + 2;
                continue;
            }
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

/// Removes year expressions (`到2024年`, `2023年底前`) so their digits do not leave `年` behind.
fn drop_years(chars: &[char]) -> Vec<char> {
    let mut out = Vec::with_capacity(chars.len());
    let mut i = 0;
    while i < chars.len() {
        let digits = chars[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if digits == 4 && chars.get(i + 4) == Some(&'年') {
            if matches!(out.last(), Some('到' | '至' | '在' | '于')) {
                out.pop();
            }
            i += 5;
            for tail in ["底前", "年底", "底", "末", "前", "内", "起"] {
                let t: Vec<char> = tail.chars().collect();
                if chars[i..].starts_with(&t) {
                    i += t.len();
                    break;
                }
            }
            continue;
        }
        if digits > 0 {
            out.extend_from_slice(&chars[i..i + digits]);
            i += digits;
            continue;
        }
        out.push(chars[i]);
        i += 1;
    }
    out
}

fn strip_words(mut s: Vec<char>) -> Vec<char> {
    let lead = sorted(LEAD_WORDS);
    let trail = sorted(TRAIL_WORDS);
    // Bounded: each pass removes at least one char or stops.
    loop {
        let before = s.len();
        if let Some(w) = lead.iter().find(|w| s.starts_with(w) && s.len() > w.len()) {
            s.drain(..w.len());
        }
        if let Some(w) = trail.iter().find(|w| s.ends_with(w) && s.len() > w.len()) {
            let n = s.len() - w.len();
            s.truncate(n);
        }
        if s.len() == before {
            break;
        }
    }
    // A lone leftover word that is itself a lead or trail word carries no identity.
    if lead.iter().chain(trail.iter()).any(|w| *w == s) {
        s.clear();
    }
    s
}

fn sorted(words: &[&str]) -> Vec<Vec<char>> {
    let mut v: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v
}

/// The display form of a subject from raw context words: folded, short parentheses and years
/// removed, only ideographs and letters kept, lead/trail words stripped. Not yet canonical.
pub fn clean_subject(raw: &str) -> String {
    let folded: Vec<char> = raw.chars().map(fold).collect();
    let no_paren = drop_short_parens(&folded);
    let no_years = drop_years(&no_paren);
    // Keep list separators for a moment so that stripping can see word edges, then drop them.
    let kept: Vec<char> = no_years.into_iter().filter(|c| keep(*c)).collect();
    strip_words(kept).into_iter().collect()
}

/// The comparison key of a cleaned subject: synonyms made canonical.
pub fn key(subject: &str) -> String {
    canonical(subject)
}

/// Character bigrams of a key, sorted and deduplicated (a single char is its own "bigram").
pub fn bigrams(key: &str) -> Vec<(char, char)> {
    let c: Vec<char> = key.chars().collect();
    let mut v: Vec<(char, char)> = match c.len() {
        0 => Vec::new(),
        1 => vec![(c[0], '\0')],
        _ => c.windows(2).map(|w| (w[0], w[1])).collect(),
    };
    v.sort_unstable();
    v.dedup();
    v
}

fn shared(a: &[(char, char)], b: &[(char, char)]) -> usize {
    let (mut i, mut j, mut n) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        match a[i].cmp(&b[j]) {
            std::cmp::Ordering::Less => i += 1,
            std::cmp::Ordering::Greater => j += 1,
            std::cmp::Ordering::Equal => {
                n += 1;
                i += 1;
                j += 1;
            }
        }
    }
    n
}

/// Similarity of two keys in `[0, 1]` from their bigrams (see the module docs).
pub fn similarity(a: &str, b: &str) -> f64 {
    similarity_with(a, &bigrams(a), b, &bigrams(b))
}

/// [`similarity`] with the keys' [`bigrams`] already computed (the aligner scores many pairs).
pub fn similarity_with(a: &str, ga: &[(char, char)], b: &str, gb: &[(char, char)]) -> f64 {
    if a.is_empty() || b.is_empty() {
        return 0.0;
    }
    if a == b {
        return 1.0;
    }
    let n = shared(ga, gb) as f64;
    let union = (ga.len() + gb.len()) as f64 - n;
    let jaccard = if union > 0.0 { n / union } else { 0.0 };
    let small = ga.len().min(gb.len());
    // A short key wholly inside a long one (名班主任 in 区名班主任工作室) is close, but only when it
    // is specific enough (3+ bigrams): 学校 is inside everything.
    let contain = if small >= 3 {
        0.85 * n / small as f64
    } else {
        0.0
    };
    let mut s = jaccard.max(contain);
    if a.chars().last() != b.chars().last() {
        s *= 0.6;
    }
    // 市学科带头人 vs 区学科带头人: the same words at another level are another thing.
    let level = |k: &str| k.chars().next().filter(|c| LEVELS.contains(c));
    if let (Some(x), Some(y)) = (level(a), level(b)) {
        if x != y {
            s *= 0.5;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_lose_verbs_time_words_and_quotes() {
        assert_eq!(clean_subject("三年内创建"), "");
        assert_eq!(clean_subject("每年评选区名班主任"), "区名班主任");
        assert_eq!(clean_subject("创建市“新优质学校”"), "市新优质学校");
        assert_eq!(
            clean_subject("到2024年,全区省四星级普通高中比例力争达"),
            "省四星级普通高中比例"
        );
        assert_eq!(clean_subject("选聘产业教授(产业导师)"), "产业教授");
        assert_eq!(
            clean_subject("公办幼儿园消防设施改造任务"),
            "公办幼儿园消防设施改造"
        );
        assert_eq!(clean_subject(""), "");
    }

    #[test]
    fn similarity_prefers_same_head_and_synonyms() {
        assert_eq!(similarity(&key("市区名班主任"), &key("区名班主任")), 1.0);
        assert!(similarity("产业学院集群", "产业学院") < similarity("产业学院", "产业学院"));
        assert!(similarity("校企一体化教学工作站", "校企协同创新中心") < 0.3);
        assert!(similarity("品格提升工程", "省市品格提升工程") > 0.7);
        assert_eq!(similarity("", "学校"), 0.0);
        assert!(similarity("市学科带头人", "区学科带头人") < 0.5);
        assert!(similarity("产业学院集群", "产业学院") < 0.55);
    }

    #[test]
    fn bigrams_are_sorted_sets() {
        assert_eq!(bigrams("学校学校").len(), 2);
        assert_eq!(bigrams("园"), vec![('园', '\0')]);
    }
}
