//! Numbers that are not targets (docs/domain.md#traps): one pass that masks every span of the text
//! holding a numeral that is a name, an ordinal, a formula, a citation or metadata.
//!
//! Masking first and reading quantities afterwards keeps each trap a data row or one pattern,
//! instead of a special case inside the quantity reader. The mask is a sorted list of byte ranges;
//! a quantity whose numeral overlaps one is dropped.

use crate::rx::Regex;
use crate::targets::lexicon::{FUSED, ONCE_COMPARATORS, ONCE_NOT_AFTER, RECURRENCE};
use std::ops::Range;
use std::sync::OnceLock;

/// One trap pattern per class, each a row: (class name for tests, pattern).
const PATTERNS: &[(&str, &str)] = &[
    // 1 congresses and plenums: 二十大, 十九届六中全会, 十二届二次全会, 第十二次党代会
    ("congress", r"(?:党的)?[一二三四五六七八九十]{1,3}大"),
    (
        "plenum",
        r"[一二三四五六七八九十]{1,3}届(?:[一二三四五六七八九十]{1,2}[中次])?(?:全会|全体会议)?|[一二三四五六七八九十]{1,3}次(?:全会|全体会议|党代会|代表大会)",
    ),
    // 2 plan-period labels: 十四五, “八五”普法
    (
        "fyp",
        r"十[一二三四五六七八九]五|[一二三四五六七八九][”\x22]?五?[”\x22]?普法",
    ),
    // 6 ordinals: 第26届, 第三批, 首批; CJK numeral + 期/届/轮/批 fused to a name (二期五年行动计划)
    (
        "ordinal",
        r"第 *[0-9一二两三四五六七八九十百千]+|首[届批次个家轮期]",
    ),
    (
        "phase",
        r"[一二两三四五六七八九十]+[期届轮批][\u{2E80}-\u{2FDF}\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{3134F}“\x22]",
    ),
    // 5 counts of slogans: 两个“只增不减”, 三个“零误差” (the number only)
    (
        "slogan-count",
        r"[一二两三四五六七八九十]+[个项条种类大][“\x22]",
    ),
    // 3 names and slogans in quotes (at most QUOTE_MAX chars) with the count of a quoted list
    // after them (“考核、督查、激励”三项机制), cited titles (TITLE_MAX)
    // (with the size of a cited document: 《意见》10条措施); the limits are checked by
    // `quote_within`, not compiled in (see rx::within). No other row starts with “ " or 《.
    (
        "quoted",
        r"“[^”\n]*”(?:[一二两三四五六七八九十]+[个项条种类大])?|\x22[^\x22\n]*\x22(?:[一二两三四五六七八九十]+[个项条种类大])?|《[^》\n]*》(?: *(?:[0-9]+|[一二两三四五六七八九十]+) *(?:条|项|点|个方面|方面|部分))?",
    ),
    // 4 the shape of numbered formulas: 三会一课, 五险一金, 四级七类, 一校一品 (not 三至五个)
    (
        "formula",
        r"[一二两三四五六七八九十][^ \n0-9〇零○一二两三四五六七八九十百千万所个名项家座场次期批台条人件张%‰,.;:!?、。“”\x22()《》至到—~\-][一二两三四五六七八九十][\u{2E80}-\u{2FDF}\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{3134F}]",
    ),
    // 10 versions: 集团化办学3.0行动, 2.0版
    ("version", r"[0-9]+\.[0-9]+ *(?:版|行动|工程|计划|时代)"),
    // 8 document numbers: 教材〔2022〕2号
    (
        "docnum",
        r"[〔\[【(] *(?:19|20)[0-9]{2} *[〕\]】)] *第? *[0-9]{1,5} *号",
    ),
    // 9 site metadata and phone numbers
    (
        "meta",
        r"ICP备[0-9]+号(?:-[0-9]+)?|公网安备[0-9]+号|网站标识码 *:? *[0-9]+|邮编 *:? *[0-9]{6}|电话 *:? *[0-9\-]+|[0-9]{3,4}-[0-9]{7,8}",
    ),
    // 26 grades and cohorts: 高三, 初一, 三年级
    (
        "grade",
        r"(?:高|初)[一二三](?:年级)?|[一二三四五六七八九]年级",
    ),
    // 19 baselines: 由一年延长至二年 (the 一年), 在…的基础上 conditions
    (
        "baseline",
        r"[由从] *(?:[0-9]+(?:\.[0-9]+)? *%?|[一二两三四五六七八九十百千万]+[年个%]?)|在[^,。;:\n]{0,30}基础上",
    ),
    // names built with +: 1+X, 5+2, 9+3
    ("plus-name", r"[0-9]+ *\+ *[0-9A-Za-z]+"),
    // structure of the text itself, not a deliverable: 三个方面, 六大行动, 《…》外的 10条措施
    (
        "structure",
        r"[一二两三四五六七八九十]+个?(?:方面|部分|环节|层面|维度|领域|阶段|步骤|板块|原则|特点)|[一二三四五六七八九十]大(?:行动|工程|任务|体系|战略|板块|产业|中心|平台|攻坚|专项)|(?:[0-9]+|[一二两三四五六七八九十]+)(?:条|项)(?:措施|举措|意见|要求|规定)",
    ),
    // the existing set a plan speaks of, not a count to reach: 全区12个镇（街道）, 全市9个县（市、区）
    (
        "admin-set",
        r"全[省市区县州镇](?:[0-9]+|[一二两三四五六七八九十百]+)个(?:县|市|区|镇|乡|街道|村|社区|部门|园区)",
    ),
    // voltage classes name a grid level, never a target: 110千伏及以上输电线路, 500千伏变电站
    (
        "voltage",
        r"[0-9]+ *(?:千伏|kV|KV)(?:及以上|及以下|以上|以下)?",
    ),
    // machine strings carry digits that are no values: links (a percent-encoded text fragment
    // gives a `91%` per byte), e-mail addresses, file names, hashes and long IDs
    (
        "machine",
        r"(?:https?|ftp)://[!#-'*-;=?-Z_a-z~%]+|www\.[A-Za-z0-9\-]+\.[!#-'*-;=?-Z_a-z~%]+|[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+|(?:%[0-9A-Fa-f]{2}){2,}|[A-Za-z0-9_\-\u{4E00}-\u{9FFF}]+\.(?:pdf|PDF|docx?|DOCX?|xlsx?|XLSX?|wps|ofd|jpe?g|png|gif|s?html?|jsp|aspx?|php|zip|rar)(?-u:\b)|[0-9a-fA-F]{16,}|[0-9]{12,}",
    ),
    // the plan's own parts, counted as it describes itself: 9个方面工作, 46项民生实事, 九项行动,
    // 13项任务举措, 29项主要指标, 15个专项行动, 两个着力点, 三年行动, 新一轮五年规划
    (
        "plan-parts",
        r"(?:[0-9]+|[一二两三四五六七八九十百]+) *(?:个?方面|[项件](?:民生实事|实事|行动|任务举措|任务|举措|主要指标|预期性指标|约束性指标|指标|重点工作|重点任务)|个(?:主要指标|预期性指标|约束性指标|着力点|维度))|[一二三四五六七八九十]年(?:行动|规划|计划|攻坚)|(?:预期性|约束性|主要)指标 *(?:[0-9]+|[一二两三四五六七八九十]+) *[个项]",
    ),
    // 20 staffing norms: 一正三副
    ("staffing", r"一正[一二三四五]副"),
    // 18 sanctions of an appraisal rule, not a target: 考核排名后3位的予以通报, 后两名的单位约谈
    (
        "sanction",
        r"后 *(?:[0-9]+|[一二两三四五六七八九十]+) *[位名][^，。；,;\n]{0,10}?(?:通报|约谈|问责|批评|警示|诫勉|扣分|取消)",
    ),
    // parameters of a sampling or monitoring procedure, how a measurement is taken rather than
    // a commitment: the sample (调查核心区内 100 户居民, 按地理方位选 4 个位置) and the spacing
    // of traps or sites (每 25-30 米布放一个)
    (
        "sampling",
        r"(?:调查|抽查|抽取|抽样|选取|按[^，。；,;\n]{0,10}选)[^，。；,;\n]{0,8}?(?:[0-9]+|[一二两三四五六七八九十]+)\s*(?:户|个位置|个点位|个点)|每 *[0-9]+(?: *[-－~～] *[0-9]+)? *米 *(?:距离|间隔|布放|放置)",
    ),
];

static FUSED_SET: crate::targets::lexicon::LazySet = crate::targets::lexicon::LazySet::new(FUSED);

/// Longest name or slogan in quotes that is a trap (chars).
const QUOTE_MAX: usize = 30;
/// Longest cited title in 《》 that is a trap (chars).
const TITLE_MAX: usize = 80;

/// Is a match of the "quoted" row within its limits (any other row's match is)?
fn quote_within(m: &crate::rx::Match) -> bool {
    let s = m.as_str();
    let Some(open) = s.chars().next() else {
        return true;
    };
    let (close, max) = match open {
        '“' => ('”', QUOTE_MAX),
        '"' => ('"', QUOTE_MAX),
        '《' => ('》', TITLE_MAX),
        _ => return true,
    };
    let inner = &s[open.len_utf8()..];
    crate::rx::within(&inner[..inner.find(close).unwrap_or(inner.len())], max)
}

fn patterns_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        let alts: Vec<String> = PATTERNS.iter().map(|(_, p)| format!("(?:{p})")).collect();
        crate::rx::new(&alts.join("|")).expect("trap patterns")
    })
}

/// The fused word that is also a count of 1 次 (see [`counts_once`]).
const ONCE: &str = "一次";
/// How far back (chars, within the clause) a recurrence word or comparator makes `一次` a count.
const ONCE_REACH: usize = 12;

/// Is the `一次` at byte `at` a count (T7: `每月开展一次安全检查`, `每学期至少组织一次演练`,
/// `全年不少于一次`) rather than part of a word (`一次轮岗时间`, `再一次`, `每一次`, `最多跑一次`)?
/// It is one when a recurrence word ([`RECURRENCE`]) or a comparator of the
/// [`ONCE_COMPARATORS`] row stands before it in the same clause; `一次性` never gets here (the
/// longer fused word wins).
fn counts_once(hay: &str, at: usize) -> bool {
    let before = &hay[..at];
    if before.ends_with(ONCE_NOT_AFTER) {
        return false;
    }
    let clause = before
        .rfind(['，', '。', '；', '：', '！', '？', ',', ';', ':', '\n'])
        .map_or(before, |i| &before[i..]);
    let start = clause
        .char_indices()
        .rev()
        .nth(ONCE_REACH - 1)
        .map_or(0, |(i, _)| i);
    let near = &clause[start..];
    RECURRENCE.iter().any(|(w, _)| near.contains(w))
        || ONCE_COMPARATORS.iter().any(|w| near.ends_with(w))
}

/// Sorted, non-overlapping byte ranges of `hay` that hold no values. Two passes (a literal
/// lexicon, matched by [`crate::targets::lexicon::WordSet`], and the patterns), merged.
pub fn masks(hay: &str) -> Masks {
    let mut all: Vec<Range<usize>> = FUSED_SET
        .get()
        .find_iter(hay)
        .filter(|(i, r)| !(FUSED[*i] == ONCE && counts_once(hay, r.start)))
        .map(|(_, r)| r)
        .collect();
    all.extend(crate::rx::find_iter_where(patterns_re(), hay, quote_within).map(|m| m.range()));
    crate::order::by_key(&mut all, |r| r.start as u64);
    let mut out: Vec<Range<usize>> = Vec::with_capacity(all.len());
    for m in all {
        match out.last_mut() {
            Some(last) if m.start <= last.end => last.end = last.end.max(m.end),
            _ => out.push(m),
        }
    }
    Masks(out)
}

/// The masked ranges of one text.
#[derive(Debug, Default, Clone)]
pub struct Masks(pub Vec<Range<usize>>);

impl Masks {
    /// Does any mask overlap `r`?
    pub fn hits(&self, r: &Range<usize>) -> bool {
        // First mask that ends after r.start; it overlaps iff it starts before r.end.
        let i = self.0.partition_point(|m| m.end <= r.start);
        self.0.get(i).is_some_and(|m| m.start < r.end)
    }

    /// The mask that contains byte `b`, if any.
    pub fn covering(&self, b: usize) -> Option<&Range<usize>> {
        let i = self.0.partition_point(|m| m.end <= b);
        self.0.get(i).filter(|m| m.start <= b)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn masked(s: &str, needle: &str) -> bool {
        let at = s.find(needle).expect("needle in test text");
        masks(s).hits(&(at..at + needle.len()))
    }

    /// The quoted row's limits hold on the match: a quote longer than QUOTE_MAX is no trap, and
    /// the traps inside it are still found.
    #[test]
    fn long_quotes_are_no_trap_but_their_insides_are_read() {
        let short = "落实“三会一课”制度";
        assert!(masked(short, "三会一课"));
        let long = format!("提出“{}三会一课”的要求，完成3项", "长".repeat(QUOTE_MAX));
        assert!(!masked(&long, "“长"), "{long}");
        assert!(masked(&long, "三会一课"), "{long}");
        let title = format!("《{}》10条", "名".repeat(TITLE_MAX + 1));
        assert!(!masked(&title, "10条"));
        assert!(masked(
            &format!("《{}》10条", "名".repeat(TITLE_MAX)),
            "10条"
        ));
    }

    /// `一次` counts after a recurrence word or an "at least" in its clause, and is a word
    /// everywhere else.
    #[test]
    fn once_is_a_count_only_where_it_recurs() {
        for s in [
            "每月开展一次安全检查",
            "每学期至少组织一次应急演练",
            "各校每季度召开一次家长会",
            "全年不少于一次",
        ] {
            assert!(!masked(s, "一次"), "{s}");
        }
        for s in [
            "原则上一次轮岗时间由一年延长至二年",
            "每年第一次全体会议",
            "每周再一次复核",
            "每年每一次检查都要记录",
            "推进最多跑一次改革",
            "每年发放一次性补助",
            "开展一次全面排查",
            // the recurrence word is in the previous clause
            "每月一报，开展一次排查",
        ] {
            assert!(masked(s, "一次"), "{s}");
        }
    }

    #[test]
    fn every_trap_class_is_masked() {
        for (s, n) in [
            ("深入学习贯彻党的二十大精神", "二十大"),
            ("十九届六中全会精神", "六中全会"),
            ("省委十二届二次全会", "二次"),
            ("“十四五”教育发展规划", "十四五"),
            ("“八五”普法规划", "八五"),
            ("办好第26届推普周", "26届"),
            ("第三批重点项目", "三批"),
            ("实施二期五年行动计划", "二期"),
            ("落实“两个只增不减”", "两个"),
            ("实现三个“零误差”", "三个"),
            ("健全“考核、督查、激励”三项机制", "三项"),
            ("推进“532”工程", "532"),
            ("对照《十项准则》", "十项"),
            ("落实《意见》10条措施", "10条"),
            ("落实三会一课制度", "三会一课"),
            ("推进五地四创", "五地四创"),
            ("集团化办学3.0行动", "3.0"),
            ("教材〔2022〕2号", "2号"),
            ("苏ICP备10217280号", "10217280"),
            ("邮编213159", "213159"),
            ("联系电话0991-2817458", "2817458"),
            ("高三诊断考试", "高三"),
            ("由一年延长至二年", "一年"),
            ("从10所增加到20所", "10所"),
            ("推行1+X证书制度", "1+X"),
            ("中小学一正三副", "一正三副"),
            ("重点抓好三个方面工作", "三个"),
            ("实施六大行动", "六大"),
            ("出台10条措施", "10条"),
            ("这是一项重要工作", "一项"),
            ("打造一批特色学校", "一批"),
            ("增强四个意识", "四个意识"),
            ("落实中央八项规定精神", "八项"),
            ("打造一支高素质队伍", "一支"),
            ("国家万人计划", "万人"),
            ("让每一所学校都有特色", "一所"),
            ("全区12个镇（街道）便民服务中心全部实现一窗通办", "12个"),
            ("每千名老年人拥有社会工作者不少于1人", "千名"),
            ("新建改造110千伏及以上输电线路800公里", "110"),
            ("建成500千伏嘉北输变电工程", "500"),
            ("考核结果排名后3位的予以通报", "3位"),
            ("对排名后两名的单位进行约谈", "两名"),
            (
                "见https://www.gov.cn/a.html#:~:text=%E8%BF%91%E5%B9%B4",
                "91",
            ),
            (
                "原文链接www.example.gov.cn/art/2025/3/1/art_100.html",
                "2025",
            ),
            ("联系邮箱jyj2023@163.com", "2023"),
            ("附件：2024年工作要点.docx", "2024"),
            ("%E8%BF%91%E5%B9%B4", "91"),
            ("今年要重点做好9个方面工作", "9个"),
            ("办好十大类46项民生实事", "46项"),
            ("重点办好45件民生实事", "45件"),
            ("启动“攻坚年”九项行动", "九项"),
            ("共有29项主要指标", "29项"),
            ("五大类24个主要指标", "24个"),
            ("包括16个预期性指标", "16个"),
            ("其中预期性指标16个、约束性指标8个", "8个"),
            ("明确13项任务举措", "13项"),
            ("立足两个着力点", "两个"),
            ("实施基本公共服务质量提升三年行动", "三年"),
            ("启动新一轮五年规划", "五年"),
            ("调查核心区内 100 户居民，检查积水容器", "100"),
            ("在疫点核心区按不同地理方位选 4\n个位置布放", "4"),
            ("每 25-30 米距离布放一个诱蚊诱卵器", "25-30"),
            ("随机抽取 50 户家庭", "50"),
        ] {
            assert!(masked(s, n), "{n} in {s}");
        }
    }

    #[test]
    fn real_quantities_stay_unmasked() {
        for (s, n) in [
            ("争创 3 所省优质园和 4—5 所市优质园", "4—5 所"),
            ("建成三至五个示范点", "三至五个"),
            ("创建二十一所学校", "二十一所"),
            ("创“艺术教育特色学校”3所", "3所"),
            ("每个区域创建一所市级高品质高中", "一所"),
            ("原则上一次轮岗时间由一年延长至二年", "二年"),
            ("降低0.5个百分点", "0.5个百分点"),
            ("全区新增12个社区养老服务站", "12个"),
            ("力争全省考核排名前3位", "3位"),
            ("新建公园后3个月内完成绿化通报", "3个"),
            ("新增学位12000个", "12000个"),
            ("三年内完成改造", "三年"),
            ("推动5项重点改革任务落地", "5项"),
            ("共布放不少于 100 只诱蚊诱卵器", "100 只"),
            ("完成 5000 户农村改厕", "5000 户"),
            ("评选 100 户文明家庭", "100 户"),
            ("新建绿道 30 公里", "30 公里"),
            ("城区每 500 米建成一座公厕", "500 米"),
        ] {
            assert!(!masked(s, n), "{n} in {s}");
        }
    }
}
