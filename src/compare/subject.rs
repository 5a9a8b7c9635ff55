//! Subject keys and their similarity.
//!
//! A target's subject is the analysis's `subject` ([`clean_analysis_subject`]), widened to the
//! whole noun phrase around it when the analysis cut that phrase short ([`widen`]). Only a target
//! without one gets a subject from the words next to the quantity: in a clause holding several
//! quantities (`立项省级课题20项、市级课题60项`) each quantity owns the words between it and its
//! neighbours, split at the list separator ([`clean_subject`]). Either way the words are folded,
//! stripped of digits, punctuation, time/scope words, verbs and generic heads
//! ([`super::lexicon`]), and known synonyms are made identical ([`super::synonyms`]).
//!
//! Similarity is on character bigrams (Jaccard, with a containment term for a short key inside a
//! longer one) and penalised when the last characters differ: the head of a Chinese noun phrase
//! is at its end (`产业学院集群` is a 集群, not a 学院).

use super::lexicon::{LEAD_WORDS, LEVELS, SCOPE_WORDS, TRAIL_WORDS};
use super::synonyms::canonical;
use crate::text::{fold, is_han};

/// Is `c` kept in a key: CJK ideographs and ASCII letters.
fn keep(c: char) -> bool {
    is_han(c) || c.is_ascii_alphabetic()
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

/// Strips lead and trail words; lead words shorter than `min_lead` chars are kept (see
/// [`clean_analysis_subject`]). Also says whether one of the lead words taken off was an action
/// verb (the analysis's [`crate::targets::subject::ACTION_VERBS`]): the words began with their own verb.
fn strip_words(mut s: Vec<char>, min_lead: usize) -> (Vec<char>, bool) {
    let mut verb = false;
    let (all_lead, trail) = word_tables();
    // Bounded: each pass removes at least one char or stops. A word's first (last) char is
    // compared before the word: the tables are scanned for every subject of both plans.
    loop {
        let before = s.len();
        let lead = all_lead.iter().filter(|w| w.len() >= min_lead);
        if let Some(w) = lead
            .filter(|w| w.first() == s.first())
            .find(|w| s.starts_with(w) && s.len() > w.len())
        {
            let word: String = w.iter().collect();
            verb |= crate::targets::subject::ACTION_VERBS.contains(&word.as_str());
            s.drain(..w.len());
        }
        if let Some(w) = trail
            .iter()
            .filter(|w| w.last() == s.last())
            .find(|w| s.ends_with(w) && s.len() > w.len())
        {
            let n = s.len() - w.len();
            s.truncate(n);
        }
        if s.len() == before {
            break;
        }
    }
    // A lone leftover word that is itself a lead or trail word carries no identity.
    if all_lead.iter().chain(trail.iter()).any(|w| *w == s) {
        s.clear();
    }
    (s, verb)
}

/// Words as char vectors, longest first.
type Words = Vec<Vec<char>>;

/// The lead and trail words as char vectors, longest first, built once: subjects are cleaned
/// for every target of both plans, and rebuilding the tables each time dominated a comparison.
fn word_tables() -> &'static (Words, Words) {
    static TABLES: std::sync::OnceLock<(Words, Words)> = std::sync::OnceLock::new();
    TABLES.get_or_init(|| (sorted(LEAD_WORDS), sorted(TRAIL_WORDS)))
}

fn sorted(words: &[&str]) -> Words {
    let mut v: Vec<Vec<char>> = words.iter().map(|w| w.chars().collect()).collect();
    v.sort_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    v
}

fn clean(raw: &str, min_lead: usize) -> (String, bool) {
    let folded: Vec<char> = raw.chars().map(fold).collect();
    let no_paren = drop_short_parens(&folded);
    let no_years = drop_years(&no_paren);
    let kept: Vec<char> = no_years.into_iter().filter(|c| keep(*c)).collect();
    let (s, verb) = strip_words(kept, min_lead);
    (s.into_iter().collect(), verb)
}

/// The display form of a subject from raw context words: folded, short parentheses and years
/// removed, only ideographs and letters kept, lead/trail words stripped. Not yet canonical.
pub fn clean_subject(raw: &str) -> String {
    clean(raw, 1).0
}

/// Context words, cleaned as [`clean_subject`] does, and whether they began with an action verb
/// (`建设校企协同创新中心` → `校企协同创新中心`, true).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Context {
    pub words: String,
    pub verb_led: bool,
}

impl Context {
    pub fn of(raw: &str) -> Self {
        let (words, verb_led) = clean(raw, 1);
        Context { words, verb_led }
    }
}

/// [`clean_subject`] for a subject the analysis already isolated. The analysis has taken the
/// verb, comparator and time words off, so only multi-char lead words are stripped: a leading
/// one-char word such as 对, 共, 超 is then far more often the first char of a word of the
/// subject (`对口合作企业`, `共享课程`, `超市`) than a stray preposition.
pub fn clean_analysis_subject(raw: &str) -> String {
    clean(raw, 2).0
}

/// How many chars of modifier the analysis may have cut off the front of a noun phrase before
/// widening stops trusting the context (longer left words are rather a separate predicate).
const MAX_WIDEN_LEFT: usize = 10;
/// How many chars a conjoined tail (`和骨干教师`) may add, and at least how many after the
/// conjunction (`和年度` is no second subject).
const MAX_WIDEN_CONJOINED: usize = 12;
const MIN_CONJOINED: usize = 3;

/// Does the raw subject hold a closing quote whose opening quote lies before it (`先进学校”`)?
fn cut_inside_quotes(raw: &str) -> bool {
    let mut depth = 0i32;
    for c in raw.chars() {
        match c {
            '“' | '「' | '《' => depth += 1,
            '”' | '」' | '》' => {
                if depth == 0 {
                    return true;
                }
                depth -= 1;
            }
            _ => {}
        }
    }
    false
}

/// Is the whole raw subject one quoted name (`“艺术教育特色学校”`)? Such a name is complete.
fn wholly_quoted(raw: &str) -> bool {
    let t = raw.trim();
    let inner = t
        .strip_prefix(['“', '「', '《'])
        .and_then(|r| r.strip_suffix(['”', '」', '》']));
    inner.is_some_and(|i| !i.contains(['“', '”', '「', '」', '《', '》']))
}

/// The noun phrase around the analysis's subject, when the analysis cut it short.
///
/// `raw` is the analysis's subject as written and `subject` its cleaned form; `context` is the
/// cleaned words the quantity owns in its clause. When `context` = X + `subject` + Y, the wider
/// phrase is the better subject when both ends are explained:
///
/// - X is empty; or X is the analysis's own action, a content verb the cleaning keeps (`培训|教师`:
///   training teachers is not hiring them; `巡查|学校`); or the context words began with their
///   own verb, so that the analysis's action sits inside the name (`建设|校企协同创|新中心` split
///   at 创, `设立|新教师培训|基地` at 培训); or the analysis cut a quoted name (`新时代…建设|先进学校”`).
///   X is at most [`MAX_WIDEN_LEFT`] chars, and a wholly quoted subject is never widened leftwards.
/// - Y is empty; or the analysis's action right after the subject (`危桥|改造`, a nominalised
///   task); or a conjoined second subject (`区学科带头人|和骨干教师`).
///
/// Without a verb of their own the left words are a predicate of their own (`每周课后服务安排|体育
/// 特色活动`, `在企业建设|校企一体化教学工作站`), and so is an unexplained tail (`近视率|每年降低`):
/// the analysis's subject stays. Returns `None` when there is nothing to widen.
pub fn widen(raw: &str, subject: &str, context: &Context, action: Option<&str>) -> Option<String> {
    let words = context.words.as_str();
    if subject.is_empty() || words.len() <= subject.len() {
        return None;
    }
    let at = words.find(subject)?;
    let x = &words[..at];
    let y = &words[at + subject.len()..];
    let action = action.map(clean_analysis_subject).unwrap_or_default();
    let is_action = |w: &str| !action.is_empty() && w == action;
    let y_ok = y.is_empty()
        || is_action(y)
        || y.strip_prefix(super::lexicon::CONJUNCTIONS)
            .is_some_and(|rest| {
                let n = rest.chars().count();
                (MIN_CONJOINED..MAX_WIDEN_CONJOINED).contains(&n)
            });
    // A rate's unit (每所中小学|至少1个智慧教室) is its `per`, not part of what is counted.
    let per = super::lexicon::PER_MARKERS.iter().any(|m| x.contains(m));
    let x_ok = x.is_empty()
        || (!wholly_quoted(raw)
            && !per
            && x.chars().count() <= MAX_WIDEN_LEFT
            && (is_action(x) || context.verb_led || cut_inside_quotes(raw)));
    (x_ok && y_ok).then(|| words.to_string())
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
    keys_similarity(a, ga, b, gb, true)
}

/// [`similarity_with`] for deciding that two targets measure the same thing: a key that holds the
/// other plus words naming a kind of it ([`names_a_kind`]) is not close by containment. A kind is
/// a part of the whole (市级思政育人特色学校 3所 among 各类特色学校 35个), and comparing the part's
/// figure with the whole's says nothing.
pub fn same_thing_similarity(a: &str, ga: &[(char, char)], b: &str, gb: &[(char, char)]) -> f64 {
    let kind = names_a_kind(a, b) || names_a_kind(b, a);
    keys_similarity(a, ga, b, gb, !kind)
}

/// Does `long` hold `short` with words before or after it that are more than scope and level
/// ([`SCOPE_WORDS`], [`LEVELS`])? `艺术教育特色学校` ⊃ `特色学校`: yes; `省市品格提升工程` ⊃
/// `品格提升工程`, `规模以上工业增加值增长` ⊃ `工业增加值增长`: no.
pub fn names_a_kind(long: &str, short: &str) -> bool {
    if short.is_empty() || long.len() <= short.len() {
        return false;
    }
    let Some(at) = long.find(short) else {
        return false;
    };
    let mut extra = format!("{}{}", &long[..at], &long[at + short.len()..]);
    for w in SCOPE_WORDS {
        extra = extra.replace(w, "");
    }
    extra.chars().filter(|c| !LEVELS.contains(c)).count() >= 2
}

fn keys_similarity(
    a: &str,
    ga: &[(char, char)],
    b: &str,
    gb: &[(char, char)],
    by_containment: bool,
) -> f64 {
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
    let contain = if small >= 3 && by_containment {
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
    fn analysis_subjects_keep_their_first_char() {
        assert_eq!(clean_analysis_subject("区内对口合作企业"), "对口合作企业");
        assert_eq!(clean_subject("区内对口合作企业"), "口合作企业");
        assert_eq!(clean_analysis_subject("1.完成危桥"), "危桥");
        assert_eq!(clean_analysis_subject("先进学校”"), "先进学校");
        assert_eq!(clean_analysis_subject("智慧安防校园建设"), "智慧安防校园");
    }

    fn w(raw: &str, context: &str, action: Option<&str>) -> Option<String> {
        widen(
            raw,
            &clean_analysis_subject(raw),
            &Context::of(context),
            action,
        )
    }

    #[test]
    fn widening_restores_the_noun_phrase_only() {
        // A verb char inside a name taken for the action: the whole name comes back.
        let full = Some("校企协同创新中心".to_string());
        assert_eq!(w("新中心", "建设校企协同创新中心", Some("创")), full);
        assert_eq!(
            w("基地", "设立新教师培训基地", Some("培训")).as_deref(),
            Some("新教师培训基地")
        );
        // A content verb in front: 培训教师 is not 招聘教师.
        assert_eq!(
            w("教师", "每年培训教师", Some("培训")).as_deref(),
            Some("培训教师")
        );
        // A quoted name cut inside its quotes.
        assert_eq!(
            w("先进学校”", "区“新时代教师队伍建设先进学校”", Some("建设")).as_deref(),
            Some("区新时代教师队伍建设先进学校")
        );
        // The action after the subject, a nominalised task.
        assert_eq!(
            w("1.完成危桥", "1.完成危桥改造", Some("改造")).as_deref(),
            Some("危桥改造")
        );
        // A conjoined second subject, but not a stray word after a conjunction.
        assert_eq!(
            w("区学科带头人", "区学科带头人和骨干教师", Some("培育")).as_deref(),
            Some("区学科带头人和骨干教师")
        );
        assert_eq!(w("示范引领学校", "示范引领学校和年度", None), None);
        // Left words without a verb of their own are a predicate, not part of the name.
        assert_eq!(
            w("体育特色活动", "每周课后服务安排体育特色活动", Some("安排")),
            None
        );
        assert_eq!(
            w(
                "校企一体化教学工作站",
                "在企业建设校企一体化教学工作站",
                Some("建设")
            ),
            None
        );
        assert_eq!(w("运动技能", "促进学生熟练掌握运动技能", None), None);
        assert_eq!(w("智慧教室", "实现每所中小学智慧教室", Some("实现")), None);
        // A predicate after the subject, a wholly quoted name, or nothing to widen.
        assert_eq!(w("中小学生近视率", "中小学生近视率每年降低", None), None);
        assert_eq!(
            w("“艺术教育特色学校”", "创“艺术教育特色学校”", Some("创")),
            None
        );
        assert_eq!(w("省市优质园", "创建省市优质园", Some("创建")), None);
        assert_eq!(w("学位", "新增公交线路", None), None);
        assert_eq!(w("", "新增公交线路", None), None);
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
    fn a_kind_of_a_thing_is_not_the_thing() {
        // Words that name a kind: the longer subject is a part of the shorter one's whole.
        assert!(names_a_kind("市级思政育人特色学校", "特色学校"));
        assert!(names_a_kind("艺术教育特色学校", "特色学校"));
        assert!(names_a_kind("南山口哇让抽水蓄能电站", "抽水蓄能电站"));
        // Scope and level only: the same measured thing.
        assert!(!names_a_kind("省市品格提升工程", "品格提升工程"));
        assert!(!names_a_kind("地区生产总值增长", "生产总值增长"));
        assert!(!names_a_kind("规模以上工业增加值增长", "工业增加值增长"));
        assert!(!names_a_kind("常住人口城镇化率", "城镇化率"));
        assert!(!names_a_kind("全社会研发经费投入增长", "研发经费投入增长"));
        assert!(!names_a_kind("特色学校", "特色学校"));
        assert!(!names_a_kind("特色学校", ""));
        // Not inside at all: containment plays no part, nothing to say.
        assert!(!names_a_kind("校企协同创新中心", "特色学校"));
        let sim = |a: &str, b: &str| same_thing_similarity(a, &bigrams(a), b, &bigrams(b));
        assert!(sim("市级思政育人特色学校", "特色学校") < 0.55);
        assert!(similarity("市级思政育人特色学校", "特色学校") >= 0.55);
        assert!(sim("省市品格提升工程", "品格提升工程") >= 0.8);
        assert_eq!(sim("城镇化率", "常住人口城镇化率"), 0.85);
    }

    #[test]
    fn bigrams_are_sorted_sets() {
        assert_eq!(bigrams("学校学校").len(), 2);
        assert_eq!(bigrams("园"), vec![('园', '\0')]);
    }
}
