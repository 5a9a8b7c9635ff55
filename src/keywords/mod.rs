//! Keywords of each outline section, by jieba-rs segmentation and a policy stop-list.
//!
//! The dictionary is not compiled in (`jieba-rs` with `default-features = false`): the page
//! fetches a trimmed `dict.txt` (see `tools/make_dict.py`) only when keywords are shown, so the
//! core analysis never pays for it. In the page this is a wasm module of its own (Cargo feature
//! `keywords`) without the analysis core: it is handed the outline ([`outline_of`]). Scoring treats the top-level sections as the "documents" of
//! a TF-IDF: a word scores high in a section when it is frequent there and rare in the others,
//! which surfaces what a section is *about* (学位, 托育, 课后服务) instead of the verbs every
//! section shares. Those verbs and the genre's boilerplate are the [`STOP_WORDS`] table.

use crate::model::OutlineNode;
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use std::fmt;

/// The boilerplate of Chinese plans: action verbs, hedges and frame words that occur in every
/// section of every plan and say nothing about its subject. One table, extend it here.
pub const STOP_WORDS: &[&str] = &[
    // action verbs of the genre
    "推进",
    "加强",
    "推动",
    "提升",
    "提高",
    "完善",
    "落实",
    "开展",
    "实施",
    "深化",
    "坚持",
    "强化",
    "促进",
    "加快",
    "建立",
    "健全",
    "打造",
    "构建",
    "扩大",
    "深入",
    "持续",
    "全面",
    "积极",
    "着力",
    "切实",
    "大力",
    "不断",
    "进一步",
    "努力",
    "聚焦",
    "围绕",
    "推行",
    "组织",
    "做好",
    "抓好",
    "确保",
    "支持",
    "鼓励",
    "引导",
    "统筹",
    "优化",
    "创新",
    "规范",
    "保障",
    "巩固",
    "增强",
    "实现",
    "形成",
    "发挥",
    "提供",
    "开发",
    "培育",
    "探索",
    "建成",
    "启动",
    "完成",
    "参与",
    "落细",
    "压实",
    "贯彻",
    "力争",
    "争创",
    "争取",
    "达到",
    "保持",
    "严格",
    "重点",
    "突出",
    "注重",
    "加大",
    "用好",
    "办好",
    // frame and filler nouns
    "工作",
    "建设",
    "发展",
    "体系",
    "机制",
    "水平",
    "能力",
    "质量",
    "高质量",
    "全市",
    "全区",
    "全省",
    "全县",
    "全国",
    "各级",
    "各类",
    "有关",
    "相关",
    "方面",
    "领域",
    "任务",
    "措施",
    "要求",
    "目标",
    "政策",
    "制度",
    "作用",
    "问题",
    "情况",
    "基础",
    "重要",
    "主要",
    "工程",
    "行动",
    "计划",
    "方案",
    "要点",
    "内容",
    "方式",
    "部门",
    "单位",
    "地区",
    "年度",
    "其中",
    "以上",
    "以下",
    "左右",
    "不少",
    "我们",
    "我市",
    "我区",
    "我省",
    "我县",
    "意见",
    "通知",
    "文件",
    "精神",
    "思想",
    "新时代",
    "特色",
    "服务",
    "管理",
    "活动",
    "项目",
    "全年",
    "今年",
    "明年",
    "每年",
    "同时",
    "一批",
    "一体化",
    "责任",
    "牵头",
    "配合",
    "负责",
    "指导",
    "监督",
    "评价",
    "考核",
    "推广",
    "示范",
];

/// Part-of-speech tags of the dictionary kept as keyword candidates: nouns of every kind, verbal
/// and adjectival nouns, idioms, set phrases and abbreviations (双减, 三通两平台).
fn content_tag(tag: &str) -> bool {
    tag.starts_with('n') || matches!(tag, "vn" | "an" | "l" | "i" | "j" | "eng")
}

/// Why a dictionary could not be loaded.
#[derive(Debug)]
pub struct DictError(String);

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "dictionary not loadable: {}", self.0)
    }
}

impl std::error::Error for DictError {}

/// A loaded segmenter (building the trie is the expensive part: load once, reuse): jieba-rs with
/// only the given dictionary (no bundled one, no HMM model in use).
pub struct Segmenter {
    inner: jieba_rs::Jieba,
}

impl Segmenter {
    /// Loads a jieba `word freq tag` dictionary.
    pub fn from_dict(dict: &str) -> Result<Self, DictError> {
        if dict.trim().is_empty() {
            return Err(DictError("empty".into()));
        }
        let mut inner = jieba_rs::Jieba::empty();
        inner
            .load_dict(&mut dict.as_bytes())
            .map_err(|e| DictError(e.to_string()))?;
        Ok(Segmenter { inner })
    }

    /// Words with their char offsets `(word, start, end, tag)`, without the HMM (no model is
    /// loaded, and out-of-dictionary runs stay single characters, which the filter drops).
    pub fn words<'a>(&'a self, text: &'a str) -> Vec<(&'a str, usize, usize, &'a str)> {
        self.inner
            .tag(text, false)
            .into_iter()
            .map(|t| (t.word, t.start, t.end, t.tag))
            .collect()
    }

    /// Word boundaries (char offsets where a word ends), for measuring a trimmed dictionary.
    pub fn boundaries(&self, text: &str) -> Vec<usize> {
        self.inner.cut(text, false).iter().map(|t| t.end).collect()
    }
}

/// One keyword of a section.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Keyword {
    pub word: String,
    pub count: usize,
    pub score: f64,
}

/// The keywords of one outline node (`path` as in `planlens/1` targets).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SectionKeywords {
    pub path: Vec<usize>,
    pub title: String,
    pub keywords: Vec<Keyword>,
}

/// True for a word worth showing: at least two chars, not a number, not boilerplate.
fn candidate(word: &str, tag: &str) -> bool {
    let n = word.chars().count();
    (2..=12).contains(&n)
        && content_tag(tag)
        && !word
            .chars()
            .any(|c| c.is_ascii_digit() || "０１２３４５６７８９％".contains(c))
        && !word
            .chars()
            .all(|c| "一二三四五六七八九十百千万亿两零第".contains(c))
        && !STOP_WORDS.contains(&word)
}

/// Keywords of every outline node up to `max_depth` levels, `top` per node, best first.
pub fn section_keywords(
    seg: &Segmenter,
    text: &str,
    outline: &[OutlineNode],
    max_depth: usize,
    top: usize,
) -> Vec<SectionKeywords> {
    // Segment once; each section then takes its words by offset (tokens are in order).
    let words: Vec<(String, usize)> = seg
        .words(text)
        .into_iter()
        .filter(|(w, _, _, tag)| candidate(w, tag))
        .map(|(w, s, _, _)| (w.to_string(), s))
        .collect();
    let counts_in = |span: [usize; 2]| -> HashMap<&str, usize> {
        let lo = words.partition_point(|(_, s)| *s < span[0]);
        let hi = words.partition_point(|(_, s)| *s < span[1]);
        let mut m = HashMap::new();
        for (w, _) in words.get(lo..hi).unwrap_or(&[]) {
            *m.entry(w.as_str()).or_insert(0) += 1;
        }
        m
    };
    // Document frequency over the top-level sections.
    let tops: Vec<HashMap<&str, usize>> = outline.iter().map(|n| counts_in(n.span)).collect();
    let n_docs = tops.len().max(1) as f64;
    let mut df: HashMap<&str, usize> = HashMap::new();
    for m in &tops {
        for w in m.keys() {
            *df.entry(w).or_insert(0) += 1;
        }
    }
    let mut out = Vec::new();
    let mut stack: Vec<(Vec<usize>, &OutlineNode)> = outline
        .iter()
        .enumerate()
        .rev()
        .map(|(i, n)| (vec![i], n))
        .collect();
    while let Some((path, node)) = stack.pop() {
        let counts = counts_in(node.span);
        let total: usize = counts.values().sum();
        let mut scored: Vec<Keyword> = counts
            .iter()
            .filter(|(_, &c)| c >= 2 || total < 40)
            .map(|(w, &c)| {
                let d = df.get(w).copied().unwrap_or(0) as f64;
                let idf = ((n_docs + 1.0) / (d + 0.5)).ln().max(0.05);
                Keyword {
                    word: (*w).to_string(),
                    count: c,
                    score: (c as f64).sqrt() * idf * (w.chars().count() as f64).ln_1p(),
                }
            })
            .collect();
        scored.sort_by(|a, b| {
            b.score
                .partial_cmp(&a.score)
                .unwrap_or(std::cmp::Ordering::Equal)
                .then_with(|| a.word.cmp(&b.word))
        });
        scored.truncate(top);
        out.push(SectionKeywords {
            path: path.clone(),
            title: format!("{}{}", node.marker, node.title),
            keywords: scored,
        });
        if path.len() < max_depth {
            for (i, c) in node.children.iter().enumerate().rev() {
                let mut p = path.clone();
                p.push(i);
                stack.push((p, c));
            }
        }
    }
    out
}

/// The outline of a `planlens/1` analysis given as its JSON text: the page's keywords module has
/// no analysis core of its own (it would double the module), so the engine hands it the analysis
/// the first-load module made. Every other field is skipped unread.
pub fn outline_of(analysis_json: &str) -> Result<Vec<OutlineNode>, serde_json::Error> {
    #[derive(Deserialize)]
    struct Outlined {
        outline: Vec<OutlineNode>,
    }
    serde_json::from_str::<Outlined>(analysis_json).map(|a| a.outline)
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &str = "学位 50 n\n托育 30 vn\n服务 100 vn\n课后服务 40 n\n推进 100 v\n新增 80 v\n\
                        机构 60 n\n体育 50 n\n场馆 40 n\n开放 50 v\n";

    fn node(title: &str, span: [usize; 2]) -> OutlineNode {
        OutlineNode {
            level: 1,
            marker: String::new(),
            ordinal: None,
            title: title.into(),
            span,
            title_span: span,
            title_raw: None,
            children: vec![],
        }
    }

    #[test]
    fn section_words_beat_shared_boilerplate() {
        let a = "推进学位建设，新增学位，学位保障，托育机构。";
        let b = "推进体育场馆开放，体育场馆，托育机构。";
        let text = format!("{a}{b}");
        let na = a.chars().count();
        let outline = vec![node("甲", [0, na]), node("乙", [na, text.chars().count()])];
        let seg = Segmenter::from_dict(DICT).expect("dict");
        let kw = section_keywords(&seg, &text, &outline, 1, 3);
        assert_eq!(kw.len(), 2);
        assert_eq!(kw[0].keywords[0].word, "学位");
        assert_eq!(kw[0].keywords[0].count, 3);
        assert!(kw[1].keywords.iter().any(|k| k.word == "场馆"));
        // a stop-listed verb never shows; a word in both sections ranks below a distinctive one
        assert!(kw
            .iter()
            .all(|s| s.keywords.iter().all(|k| k.word != "推进")));
    }

    #[test]
    fn empty_dict_is_an_error_and_odd_text_does_not_panic() {
        assert!(Segmenter::from_dict("").is_err());
        let seg = Segmenter::from_dict(DICT).expect("dict");
        let outline = vec![node("x", [0, 999])];
        let kw = section_keywords(&seg, "\u{0}\u{FEFF}𠀀 ２０２２年", &outline, 3, 5);
        assert_eq!(kw.len(), 1);
    }

    /// The outline read back from the analysis JSON is the analysis's own, so keywords from it
    /// are the keywords from the analysis.
    #[test]
    fn outline_of_reads_the_analysis_json() {
        let text =
            "一、学位\n新增学位，学位保障。\n（一）托育\n托育机构。\n二、体育\n体育场馆开放。\n";
        let a = crate::analyze(text);
        let json = crate::render::json_line(&a);
        assert_eq!(outline_of(&json).expect("outline"), a.outline);
        assert!(outline_of("{}").is_err() && outline_of("not json").is_err());
    }

    #[test]
    fn numbers_and_single_chars_are_not_keywords() {
        assert!(!candidate("2022", "m"));
        assert!(!candidate("三个", "m"));
        assert!(!candidate("学", "n"));
        assert!(!candidate("工作", "vn"));
        assert!(candidate("学位", "n"));
    }
}
