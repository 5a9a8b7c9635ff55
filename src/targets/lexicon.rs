//! The word tables of the targets stage (docs/domain.md#deadlines, #traps).
//!
//! Each stage has its own: the input's furniture rows are [`crate::input::furniture`], the
//! structure stages' heading markers and element cues [`crate::document::markers`] and
//! [`crate::document::cues`] and the words of [`crate::document::lexicon`], the comparison's subject
//! words `compare::lexicon`. One row here serves the analysis too: the condition words that make
//! [`crate::analyze`] drop an eligibility section's numbers.
//!
//! Every rule of the target stages that depends on a word is a row here, so that growing the
//! coverage for a new sector means adding rows, not code. Each table is tested by the stage that
//! reads it; `tests` below only checks the tables are well formed (no empty rows, longest-first
//! alternations build).

use crate::model::Comparator;

/// A word table matched by its rows' first chars: at each position of a text, the rows that start
/// with the char there are tried longest first, so the answer is that of the regex alternation
/// [`alternation`] builds (leftmost, then the first alternative of a longest-first list; the
/// property test below compares the two), without compiling one. A table of ~150 rows was ~0.5 ms
/// of the regex compiler natively and several times that in the page's worker before its first
/// result; this index is built in microseconds, and it is as fast on the short clauses the target
/// stage looks into.
#[derive(Debug)]
pub struct WordSet {
    /// (first char, row), by first char, then longest row first, then table order.
    index: Vec<(char, u32)>,
    words: Vec<&'static str>,
    /// Bit `c % 1024` is set for every first char `c`: most chars of a text start no row, and
    /// this rules them out without the binary search.
    starts: [u64; 16],
}

/// `words` as one regex alternation of literals, longest first (the regex crate takes the first
/// alternative that matches at a position, so `个百分点` must come before `个`); equal lengths
/// keep the table's order.
pub fn alternation(words: &[&str]) -> String {
    let mut sorted: Vec<&str> = words.to_vec();
    crate::order::by_key_desc(&mut sorted, |w| w.len() as u64);
    sorted
        .iter()
        .map(|w| regex_syntax::escape(w))
        .collect::<Vec<_>>()
        .join("|")
}

impl WordSet {
    /// Longest rows are tried first at each position. Empty rows are never found.
    pub fn new(words: &[&'static str]) -> WordSet {
        let mut index: Vec<(char, u32)> = Vec::with_capacity(words.len());
        let mut starts = [0u64; 16];
        for (row, w) in words.iter().enumerate() {
            if let Some(c) = w.chars().next() {
                index.push((c, row as u32));
                starts[(c as usize % 1024) / 64] |= 1 << (c as usize % 64);
            }
        }
        // stable: equal keys keep the table's order
        crate::order::by_key_desc(&mut index, |&(_, row)| words[row as usize].len() as u64);
        crate::order::by_key(&mut index, |&(c, _)| c as u64);
        WordSet {
            index,
            words: words.to_vec(),
            starts,
        }
    }

    /// The row found at byte `at` of `s`, which starts with `c`: (row, end). The first-char
    /// filter is inlined into the scans, which ask this of every char of the text: as one call
    /// per char it was 3 % of a batch run's instructions. Only a char it lets through pays for
    /// the call to [`WordSet::search`].
    #[inline(always)]
    fn at(&self, s: &str, at: usize, c: char) -> Option<(usize, usize)> {
        if self.starts[(c as usize % 1024) / 64] & (1 << (c as usize % 64)) == 0 {
            return None;
        }
        self.search(s, at, c)
    }

    /// The longest row at byte `at` that starts with `c` (the slow half of [`WordSet::at`]).
    #[inline(never)]
    fn search(&self, s: &str, at: usize, c: char) -> Option<(usize, usize)> {
        let rest = &s[at..];
        let from = self.index.partition_point(|e| e.0 < c);
        self.index[from..]
            .iter()
            .take_while(|e| e.0 == c)
            .map(|&(_, row)| row as usize)
            .find(|&row| rest.starts_with(self.words[row]))
            .map(|row| (row, at + self.words[row].len()))
    }

    /// The longest row at byte `at` of `s` (a char boundary): (row, end).
    pub fn longest_at(&self, s: &str, at: usize) -> Option<(usize, usize)> {
        let c = s.get(at..)?.chars().next()?;
        self.at(s, at, c)
    }

    /// Every row found in `s`, left to right, none overlapping: (row, byte range).
    pub fn find_iter<'a>(
        &'a self,
        s: &'a str,
    ) -> impl Iterator<Item = (usize, std::ops::Range<usize>)> + 'a {
        let mut next = 0;
        s.char_indices().filter_map(move |(i, c)| {
            if i < next {
                return None;
            }
            let (row, end) = self.at(s, i, c)?;
            next = end;
            Some((row, i..end))
        })
    }

    pub fn any_in(&self, s: &str) -> bool {
        self.find_iter(s).next().is_some()
    }

    /// Row indexes of every row found in `s`, left to right (non-overlapping).
    pub fn rows_in<'a>(&'a self, s: &'a str) -> impl Iterator<Item = usize> + 'a {
        self.find_iter(s).map(|(row, _)| row)
    }

    /// The last row found in `s` (scanning left to right, longest row first at each position):
    /// (row index in the table, byte range).
    pub fn last_in(&self, s: &str) -> Option<(usize, std::ops::Range<usize>)> {
        self.last_in_where(s, |_| true)
    }

    /// The last match of `s` that `keep` accepts (given the match's byte range).
    pub fn last_in_where(
        &self,
        s: &str,
        keep: impl Fn(&std::ops::Range<usize>) -> bool,
    ) -> Option<(usize, std::ops::Range<usize>)> {
        self.find_iter(s).filter(|(_, r)| keep(r)).last()
    }
}

/// A `WordSet` built on first use: `static X: Lazy = Lazy::new(TABLE)`.
pub struct LazySet {
    words: &'static [&'static str],
    cell: std::sync::OnceLock<WordSet>,
}

impl LazySet {
    pub const fn new(words: &'static [&'static str]) -> LazySet {
        LazySet {
            words,
            cell: std::sync::OnceLock::new(),
        }
    }

    pub fn get(&self) -> &WordSet {
        self.cell.get_or_init(|| WordSet::new(self.words))
    }
}

/// What a measure word or unit measures; decides the target `kind` and whether the number needs a
/// cue before it counts (a bare `3年`, `5日`, `16岁` is a date, a name or an age, not a value).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum UnitClass {
    /// Things, places, people, events, items: a count.
    Count,
    /// `%`, `‰`, `成`: a rate or share.
    Ratio,
    /// `个百分点`: a difference of rates, never converted to `%`.
    Points,
    /// `倍`: a multiple.
    Times,
    /// `元`, `万元`, `亿元`: money.
    Money,
    /// `小时`, `课时`, `天`, `年`, `个月`: a duration; needs a cue (comparator, `延长至`, `每天`).
    Duration,
    /// `岁`: an age; only `提高到80岁`-style verbs make it a value.
    Age,
}

/// Measure words and units as written after a numeral. The matcher tries them longest first, so
/// `个百分点` wins over `个` and `平方公里` over `公里`.
pub const UNITS: &[(&str, UnitClass)] = &[
    ("个百分点", UnitClass::Points),
    ("/10万", UnitClass::Ratio),
    // PDF text spaces a number off the Han char after it
    ("/10 万", UnitClass::Ratio),
    ("/万", UnitClass::Ratio),
    ("%", UnitClass::Ratio),
    ("‰", UnitClass::Ratio),
    ("成", UnitClass::Ratio),
    ("倍", UnitClass::Times),
    ("元", UnitClass::Money),
    ("万元", UnitClass::Money),
    ("亿元", UnitClass::Money),
    ("万亿元", UnitClass::Money),
    ("所", UnitClass::Count),
    ("个", UnitClass::Count),
    ("名", UnitClass::Count),
    ("人", UnitClass::Count),
    ("人次", UnitClass::Count),
    // compound counts of visits and runs: 检查企业2000家次, 服务5万户次, 航班3000架次
    ("家次", UnitClass::Count),
    ("户次", UnitClass::Count),
    ("场次", UnitClass::Count),
    ("批次", UnitClass::Count),
    ("件次", UnitClass::Count),
    ("项次", UnitClass::Count),
    ("校次", UnitClass::Count),
    ("所次", UnitClass::Count),
    ("架次", UnitClass::Count),
    ("车次", UnitClass::Count),
    ("台次", UnitClass::Count),
    ("班次", UnitClass::Count),
    ("位", UnitClass::Count),
    ("项", UnitClass::Count),
    ("支", UnitClass::Count),
    ("期", UnitClass::Count),
    ("场", UnitClass::Count),
    ("次", UnitClass::Count),
    ("家", UnitClass::Count),
    // products (`5款以上…产品`) and cases (`不少于1000例病例`)
    ("款", UnitClass::Count),
    ("例", UnitClass::Count),
    ("座", UnitClass::Count),
    ("处", UnitClass::Count),
    ("栋", UnitClass::Count),
    ("幢", UnitClass::Count),
    ("间", UnitClass::Count),
    ("户", UnitClass::Count),
    ("条", UnitClass::Count),
    ("件", UnitClass::Count),
    ("门", UnitClass::Count),
    ("本", UnitClass::Count),
    ("册", UnitClass::Count),
    ("篇", UnitClass::Count),
    ("部", UnitClass::Count),
    ("套", UnitClass::Count),
    ("枚", UnitClass::Count),
    ("张", UnitClass::Count),
    ("床", UnitClass::Count),
    ("台", UnitClass::Count),
    ("辆", UnitClass::Count),
    ("艘", UnitClass::Count),
    ("架", UnitClass::Count),
    ("批", UnitClass::Count),
    ("节", UnitClass::Count),
    ("株", UnitClass::Count),
    // city works, forestry, water and land: 路灯节能改造5000盏, 补植树木2万棵, 更换电杆300根,
    // 新打机井50眼 (or 口), 供应土地50宗, 开展3轮督查
    ("盏", UnitClass::Count),
    ("棵", UnitClass::Count),
    ("根", UnitClass::Count),
    ("眼", UnitClass::Count),
    ("口", UnitClass::Count),
    ("宗", UnitClass::Count),
    ("轮", UnitClass::Count),
    ("头", UnitClass::Count),
    ("只", UnitClass::Count),
    ("对", UnitClass::Count),
    // accidents and cases: 较大事故控制在2起以内, 查办案件30起
    ("起", UnitClass::Count),
    ("亩", UnitClass::Count),
    ("公顷", UnitClass::Count),
    ("平方米", UnitClass::Count),
    ("平方公里", UnitClass::Count),
    ("平方千米", UnitClass::Count),
    ("立方米", UnitClass::Count),
    ("米", UnitClass::Count),
    ("公里", UnitClass::Count),
    ("千米", UnitClass::Count),
    ("吨", UnitClass::Count),
    // cubic metres of gas (`天然气产量10亿方`); computing power in petaflops (`算力突破4万P`)
    ("方", UnitClass::Count),
    ("P", UnitClass::Count),
    ("吨标准煤", UnitClass::Count),
    ("千瓦", UnitClass::Count),
    ("千瓦时", UnitClass::Count),
    ("兆瓦", UnitClass::Count),
    ("标箱", UnitClass::Count),
    ("斤", UnitClass::Count),
    ("微克/立方米", UnitClass::Count),
    ("毫克/升", UnitClass::Count),
    ("分贝", UnitClass::Count),
    ("千公顷", UnitClass::Count),
    ("标准立方米", UnitClass::Count),
    // no 千伏: a voltage names a grid level (110千伏及以上线路), masked by the `voltage` trap
    ("克标准煤/千瓦时", UnitClass::Count),
    ("千克标准煤/万元", UnitClass::Count),
    ("吨标准煤/万元", UnitClass::Count),
    ("立方米/万元", UnitClass::Count),
    ("克/千瓦时", UnitClass::Count),
    ("公斤", UnitClass::Count),
    ("千克", UnitClass::Count),
    ("课时", UnitClass::Duration),
    ("学时", UnitClass::Duration),
    ("小时", UnitClass::Duration),
    ("分钟", UnitClass::Duration),
    ("个工作日", UnitClass::Duration),
    ("分", UnitClass::Count),
    ("工作日", UnitClass::Duration),
    ("个月", UnitClass::Duration),
    ("天", UnitClass::Duration),
    ("日", UnitClass::Duration),
    ("周", UnitClass::Duration),
    ("年", UnitClass::Duration),
    ("岁", UnitClass::Age),
];

/// What a unit may be per, written after a slash (`危险废物处置能力新增5万吨/年`, `日处理200吨/日`,
/// `补助标准提高到500元/人`): the rate is the unit as written, `万吨/年`, not `万吨`. The longest
/// word wins (`人次` before `人`).
pub const PER_UNITS: &[&str] = &[
    // per an amount of output (`0.6人/百亿元以下`, a death rate per output)
    "百亿元",
    "亿元",
    "万元",
    "年",
    "季度",
    "月",
    "周",
    "日",
    "天",
    "小时",
    "秒",
    "人",
    "人次",
    "户",
    "亩",
    "平方米",
    "床",
    "台",
    "辆",
    "次",
    "件",
    "学年",
    "学期",
];

/// Measure words that after a *Chinese* numeral make a word rather than a count (`两头`, `一部分`,
/// `一门心思`, `一条龙`, `扩建一期`); with Arabic digits they stay counts (`100万头`, `2期`).
pub const CJK_WORD_UNITS: &[&str] = &[
    "头", "只", "对", "门", "本", "部", "间", "节", "处", "条", "件", "张", "床", "台", "辆", "套",
    "篇", "册", "户", "栋", "幢", "株", "米", "吨", "斤", "期", "枚", "架", "艘", "元", "日", "天",
    "周", "分", "起", "口", "根", "眼", "盏", "棵", "方",
];

/// Chars after which `成` is part of a word (成为, 成功, 成果, 百亿成势 …), not "tenths" (三成 = 30 %).
pub const CHENG_WORD_NEXT: &str = "为功果效立员就绩本长型品熟都了绩交势";

/// Comparator words written before the number, longest first where one contains another
/// (`不超过` before `超过` before `超`). `达`/`达到`/`保持` are `eq` and need no row.
pub const COMPARATOR_BEFORE: &[(&str, Comparator)] = &[
    ("不少于", Comparator::Gte),
    ("不低于", Comparator::Gte),
    ("不小于", Comparator::Gte),
    ("至少", Comparator::Gte),
    ("最少", Comparator::Gte),
    ("最低", Comparator::Gte),
    ("不超过", Comparator::Lte),
    ("不高于", Comparator::Lte),
    ("不多于", Comparator::Lte),
    ("不大于", Comparator::Lte),
    ("最多", Comparator::Lte),
    ("超过", Comparator::Gt),
    ("突破", Comparator::Gt),
    ("超", Comparator::Gt),
    ("逾", Comparator::Gt),
    ("高于", Comparator::Gt),
    ("大于", Comparator::Gt),
    ("多于", Comparator::Gt),
    ("低于", Comparator::Lt),
    ("少于", Comparator::Lt),
    ("小于", Comparator::Lt),
    ("不足", Comparator::Lt),
    ("不到", Comparator::Lt),
    // symbols, as indicator definitions write them (`ADI≤2`, `BI＜5`; full-width forms are folded)
    ("≤", Comparator::Lte),
    ("≦", Comparator::Lte),
    ("≥", Comparator::Gte),
    ("≧", Comparator::Gte),
    ("<", Comparator::Lt),
    (">", Comparator::Gt),
    ("大约", Comparator::Approx),
    ("约", Comparator::Approx),
    ("近", Comparator::Approx),
];

/// Comparator symbols that make a bare number a value (`BI<5`: an index has no unit).
pub const SYMBOL_COMPARATORS: &[char] = &['≤', '≦', '≥', '≧', '<', '>'];

/// Comparator words written after the number (and its unit). `以上`/`以内` include the number
/// (民法典 第1259条).
pub const COMPARATOR_AFTER: &[(&str, Comparator)] = &[
    ("及以上", Comparator::Gte),
    ("或以上", Comparator::Gte),
    ("以上", Comparator::Gte),
    ("以内", Comparator::Lte),
    ("及以下", Comparator::Lte),
    ("或以下", Comparator::Lte),
    ("以下", Comparator::Lte),
    ("左右", Comparator::Approx),
    ("上下", Comparator::Approx),
];

/// Verbs that turn the amount after them into a change (增长5%, 降低0.5个百分点). `提高到`,
/// `降至` give a level instead; they end in 到/至 so they never match these rows.
pub const CHANGE_UP: &[&str] = &[
    "增加",
    "增长",
    "提高",
    "提升",
    "扩大",
    "上升",
    "增幅",
    "增速达",
    // 居民消费价格涨幅2%左右: the price level rises by about 2 %
    "涨幅",
];
pub const CHANGE_DOWN: &[&str] = &[
    "降低", "下降", "减少", "压减", "缩减", "调减", "削减", "压降", "减排", "精简", "压缩",
];

/// Words that name the base of a change (较上年增加…); with one, a count can be a change too.
pub const CHANGE_BASES: &[&str] = &[
    "较上年",
    "比上年",
    "同比",
    "在上一年的基础上",
    "在上年基础上",
    "较上学年",
    "比上学年",
    "较基期",
    "较去年",
    "比去年",
];

/// Verbs after which a duration or age is a value (`由一年延长至二年`, `提高到80岁`).
pub const LEVEL_VERBS: &[&str] = &[
    "延长至",
    "延长到",
    "缩短至",
    "缩短到",
    "提高到",
    "提高至",
    "提升到",
    "提升至",
    "增加到",
    "增加至",
    "达到",
    "达",
    "控制在",
    "压缩至",
    "压缩到",
    "保持在",
    "稳定在",
    "降至",
    "降低到",
    "降低至",
];

/// Words that, after `N小时内` / `N天内`, make the span a time limit on the plan's own work
/// (`接报后24小时内完成…`, `3天内再次入户`, `3年内让全部废弃矿山复绿`), not a span of a definition
/// (`发病前14天内有旅居史`). Reporting verbs are left out: `3天内报送` is a procedural rule of
/// the office, not an outcome.
pub const LIMIT_ACTIONS: &[&str] = &[
    "完成", "启动", "再次", "填写", "反馈", "办结", "处置", "回复", "到达", "到位", "赶到", "开展",
    "落实", "组织", "让", "将", "要", "须", "需", "必须", "应",
];

/// Words after a time limit that say only "must do" and name nothing done: no part of the
/// subject (`3天内完成入户调查` → 入户调查).
pub const LIMIT_LINKS: &[&str] = &["必须", "完成", "要", "须", "需", "应", "将", "让"];

/// Units of a plant's or a product's capacity. Written straight before the noun they size and
/// after a name (`国达化工60万吨钾肥复合造粒`, `南网720兆瓦储能电站`), they are the specification
/// of a project, not an amount to reach (`新增产能100万吨`, `建设100万千瓦风电`).
pub const CAPACITY_UNITS: &[&str] = &[
    "吨",
    "千瓦",
    "兆瓦",
    "吉瓦",
    "瓦",
    "千瓦时",
    "立方米",
    "方",
    "标准箱",
    "桶",
    "千伏安",
];

/// Words that name eligibility conditions or scoring rules (`三、申报条件`, `实施条件：屋面总面积
/// 2000平方米以上`): the numbers under such a heading or label pick who qualifies, they are no
/// commitment of the plan.
pub const CONDITION_WORDS: &[&str] = &[
    "申报条件",
    "实施条件",
    "基本条件",
    "准入条件",
    "认定条件",
    "参评条件",
    "申请条件",
    "入选条件",
    "适用范围",
    "认定标准",
    "评分标准",
    "评价标准",
    "评分细则",
    "申报要求",
    "申报范围",
];

/// Ends of a framing `以…为…` phrase (`以滨江10.5平方公里滨水区域为核心`): what it sizes is the
/// ground of the plan, not a target.
pub const FRAMING_ENDS: &[&str] = &[
    "为核心",
    "为重点",
    "为主体",
    "为依托",
    "为引领",
    "为载体",
    "为中心",
    "为基础",
    "为抓手",
    "为主线",
    "为导向",
    "为牵引",
    "为支撑",
    "为单元",
];

/// Words before a count of times that make it the frequency of a routine duty (`以后每 3 天 1 次`,
/// `之后每周 1 次`, `连续再处理 3 次`), not a count of things to deliver.
pub const FREQUENCY_LEADS: &[&str] = &["每", "连续"];
/// Units that count occurrences.
pub const OCCURRENCE_UNITS: &[&str] = &["次", "轮", "遍"];

/// Words that make `前N` a rank (`进入全国前10%`, `位居全省前列`'s numeric cousin `位居全省前5位`).
pub const RANK_LEADS: &[&str] = &[
    "进入",
    "位居",
    "位列",
    "位于",
    "排名",
    "排在",
    "跻身",
    "保持在",
    "稳居",
];

/// Recurrence words (§4.3) and their `recurrence` value.
pub const RECURRENCE: &[(&str, &str)] = &[
    ("每学年", "school_year"),
    ("每学期", "semester"),
    ("每年", "year"),
    ("年均", "year"),
    ("逐年", "year"),
    ("每季度", "quarter"),
    ("每月", "month"),
    ("每周", "week"),
    ("每天", "day"),
    ("每日", "day"),
];

/// Comparators that, right before `一次`, make it a count (`至少一次`; [`crate::targets::traps`]).
pub const ONCE_COMPARATORS: &[&str] = &["至少", "不少于", "不低于", "最少"];
/// Chars before `一次` that make it a word, not a count: `第一次`, `再一次`, `每一次` (each
/// time), `跑一次` (最多跑一次, a reform slogan), `上一次`/`下一次`, `这一次`, `同一次`.
pub const ONCE_NOT_AFTER: &[char] = &['第', '再', '每', '跑', '上', '下', '这', '那', '同', '某'];

/// Strength words (§4.3).
pub const STRENGTH_FIRM: &[&str] = &["确保", "必须", "务必", "坚决", "严格"];
pub const STRENGTH_ASPIRATIONAL: &[&str] = &["力争", "争取", "争创", "努力", "力求", "积极争创"];
pub const STRENGTH_PLANNED: &[&str] = &["计划", "拟", "预期目标"];

/// Words that make a clause a forecast, not a commitment (trap 17).
pub const FORECAST: &[&str] = &["预计", "预测", "有望", "估计"];

/// Words that mark a clause as retrospective (trap 16): perfective 了 after a result verb,
/// 已/已经, and verbs of having received something.
pub const RETRO_WORDS: &[&str] = &[
    "已经",
    "业已",
    "已完成",
    "已建成",
    "已达",
    "已累计",
    "先后",
    "荣获",
    "获评",
    "被评为",
    "完成了",
    "实现了",
    "增长了",
    "提高了",
    "达到了",
    "新增了",
    "建成了",
    "下降了",
    "降低了",
    "减少了",
    "增加了",
    "培育了",
    "创建了",
    "举办了",
    "开展了",
    "取得了",
    "超额完成",
    "同比增长",
    "近年来",
    "近五年来",
    "这一年",
    "以来",
    "截至",
    "截止",
    "现有",
    "目前已",
    "现已",
    "比上年增长",
    "比上年下降",
];

/// What the lead of a work report's list of the year's targets names before its colon
/// (`今年经济社会发展的主要预期目标是：`): every target of the list, to the end of its paragraph,
/// is due in the report's year. `主要目标` alone also heads five-year aims, so it needs `今年`.
pub const YEAR_TARGET_LISTS: &[&str] = &["主要预期目标", "预期目标", "今年主要目标"];

/// Words that keep a clause forward-looking even when a retrospective word occurs in it.
pub const FUTURE_WORDS: &[&str] = &[
    "力争",
    "确保",
    "争取",
    "将",
    "计划",
    "力求",
    "拟",
    "到20",
    "年底前",
    "年内",
];

/// Line openers of a retrospective paragraph in a 政府工作报告 or a plan's 发展基础.
pub const RETRO_OPENERS: &[&str] = &[
    "过去一年",
    "过去五年",
    "过去的一年",
    "过去的五年",
    "一年来",
    "五年来",
    "三年来",
    "回顾过去",
    "十三五”以来",
    "十三五\"以来",
    "十三五以来",
    "十四五”以来",
    "十四五以来",
    "党的十八大以来",
    "党的十九大以来",
    "党的二十大以来",
];

/// Heading words of retrospective sections (工作回顾, 发展基础 …); numbers under them are
/// statistics, not targets.
pub const RETRO_HEADINGS: &[&str] = &[
    "工作回顾",
    "回顾",
    "过去一年",
    "过去五年",
    "主要成绩",
    "主要成就",
    "取得的成绩",
    "取得的成效",
    "工作成效",
    "工作成绩",
    "发展成就",
    "发展基础",
    "现实基础",
    "发展现状",
    "基本情况",
    "工作总结",
    "完成情况",
    "进展情况",
    "发展环境",
    "面临的形势",
    "形势分析",
    "存在的问题",
    "主要问题",
];

/// Coverage words: 全覆盖 → 100 %.
pub const COVERAGE: &[&str] = &["全覆盖"];
/// Words after 全覆盖 that make it one adjective of a rhetorical series (`全覆盖的学习培训`,
/// `全覆盖格局`) instead of an outcome.
pub const COVERAGE_ATTRIBUTIVE_NEXT: &[&str] =
    &["的", "、", "格局", "体系", "网络", "模式", "机制", "态势"];

/// Words after a zero or coverage word that make it part of a name (`动态清零行动`,
/// `全覆盖工程`), not a goal.
pub const CUE_NAME_NEXT: &[&str] = &["行动", "工程", "专项", "计划", "攻坚", "机制", "模式"];

/// Zero goals: the written words and the value they normalise to (`零突破` = at least one).
pub const ZERO_GOALS: &[(&str, f64, Comparator)] = &[
    ("零误差", 0.0, Comparator::Eq),
    ("零事故", 0.0, Comparator::Eq),
    ("零伤亡", 0.0, Comparator::Eq),
    ("零死亡", 0.0, Comparator::Eq),
    ("零差错", 0.0, Comparator::Eq),
    ("零发生", 0.0, Comparator::Eq),
    ("零投诉", 0.0, Comparator::Eq),
    ("零事件", 0.0, Comparator::Eq),
    ("零排放", 0.0, Comparator::Eq),
    ("零感染", 0.0, Comparator::Eq),
    ("零欠薪", 0.0, Comparator::Eq),
    // city works and petitions: 新增违法建设实现“零增长”, 重点村实现零发案, 零上访
    ("零增长", 0.0, Comparator::Eq),
    ("零违建", 0.0, Comparator::Eq),
    ("零发案", 0.0, Comparator::Eq),
    ("零上访", 0.0, Comparator::Eq),
    ("清零", 0.0, Comparator::Eq),
    ("为零", 0.0, Comparator::Eq),
    ("不发生", 0.0, Comparator::Eq),
    // flood-control pledges: 确保不垮一坝、不死一人 (none of either)
    ("不垮一坝", 0.0, Comparator::Eq),
    ("不死一人", 0.0, Comparator::Eq),
    ("不伤一人", 0.0, Comparator::Eq),
    ("零突破", 1.0, Comparator::Gte),
];

/// Multiples written as words: (word, change in % of the base, up or down). `翻一番` doubles
/// (+100 %), `翻两番` quadruples (+300 %), `减半` halves (−50 %).
pub const MULTIPLE_WORDS: &[(&str, f64, bool)] = &[
    ("翻一番", 100.0, true),
    ("翻两番", 300.0, true),
    ("翻番", 100.0, true),
    ("减半", 50.0, false),
    ("减少一半", 50.0, false),
    ("下降一半", 50.0, false),
];

/// Time-phrase verbs that make a dated clause a deliverable (`2023年底前完成…`, `2024年创建…`).
pub const DELIVERABLE_VERBS: &[&str] = &[
    "完成",
    "创成",
    "创建",
    "争创",
    "建成",
    "建立",
    "实现",
    "进入",
    "通过",
    "启动",
    "出台",
    "制定",
    "投用",
    "投入使用",
    "竣工",
    "开工",
    "交付",
    "验收",
    "达到",
    "形成",
    "印发",
    "上线",
    "覆盖",
    "招生",
    "推行",
    "全面推开",
    "落实",
    "基本建成",
    "取消",
    "开通",
    "贯通",
    "创评",
    "申报",
    "投产",
    "通车",
    "挂牌",
    "成立",
    "组建",
    "发布",
    "编制",
    "修订",
    "完工",
    "运营",
    "部署",
    "落地",
    "开展",
    "举办",
    "建设",
    "打造",
    "获批",
    "确定",
    "基本完善",
    "报送",
    "上报",
    "报至",
    "成熟定型",
    "接轨",
    "应装尽装",
    "应接尽接",
    "降低到",
    "基本完备",
];

/// End states a sentence inside a dated block states without a time of its own (`到2025年，…` ⏎
/// `——…数据资源体系基本建成，…`): the words that make it a dated deliverable. Narrower than
/// [`DELIVERABLE_VERBS`]: work verbs (`开展`, `推进`, `落实`) state no end state, and vague gains
/// (`进一步提升`, `稳步提高`) promise nothing checkable.
pub const END_STATES: &[&str] = &[
    "建成",
    "建立",
    "形成",
    "实现",
    "成熟定型",
    "进入",
    "打造",
    "取得重大突破",
    "取得突破",
    "应装尽装",
    "应接尽接",
    "基本完备",
    "全球领先",
    "国际领先",
    "位居世界前列",
    "成为",
    "接轨",
];

/// Words of effort that turn an end state after them into a task (`着力打造`, `探索建立`,
/// `加快形成`): the sentence states work under way, not a state reached by a date.
pub const EFFORTS: &[&str] = &[
    "着力", "加快", "推动", "积极", "努力", "大力", "探索", "逐步", "加速", "持续",
];

/// Verbs of work that open a task of a timetable besides [`DELIVERABLE_VERBS`] (`三月份` ⏎
/// `1. 组织教师培训报名`): under a dated heading, what they open is due by its date.
pub const SCHEDULE_VERBS: &[&str] = &[
    "组织", "召开", "举行", "进行", "评选", "总结", "检查", "培训", "做好", "完善", "督查", "评估",
];

/// Activities whose period a plan states on a line of its own (`监测时间：2025 年 2 月 1 日至 12
/// 月 31 日`): the activity runs to the period's last day, a dated deliverable.
pub const PERIOD_ACTIVITIES: &[&str] = &[
    "监测", "检测", "筛查", "调查", "排查", "督查", "巡查", "整治", "评估", "实施", "试点", "报名",
    "申报", "征集", "活动",
];

/// Verbs that a same-day limit (`发现可疑病例应当天报告…`) binds: the report or the response is due
/// the day the event happens.
pub const SAME_DAY_VERBS: &[&str] = &["报告", "上报", "报送", "处置", "核实", "反馈"];

/// Deliverable verbs whose subject stands before them: verbs that take no object (`项目竣工`,
/// `平台上线`, `线路通车`) and verbs of attaining a level (`考核进入全市先进`, `项目通过验收`).
pub const SUBJECT_FIRST_DELIVERABLES: &[&str] = &[
    "进入",
    "通过",
    "达到",
    "基本完善",
    "投入使用",
    "竣工",
    "完工",
    "投用",
    "投产",
    "上线",
    "通车",
    "开通",
    "贯通",
    "运营",
    "落地",
    "挂牌",
    "成立",
    "开工",
    "交付",
    "招生",
    "获批",
    "应装尽装",
    "应接尽接",
    // 全民医保体系成熟定型, 质量标准全面与国际接轨: states said of the noun before them
    "成熟定型",
    "与国际接轨",
];

/// Evaluative words that end a qualifier before 的 (`优质高效的`, `协调统一的`, `与…相适应的`,
/// `较为完善的`, `堡垒作用示范明显的`): they judge the thing named after 的, they do not say which.
pub const EVALUATIVE: &[&str] = &[
    "完善", "健全", "高效", "优质", "统一", "有序", "完备", "先进", "明显", "扎实", "突出", "显著",
    "良好", "协调", "适应", "一流", "领先", "合理", "公平", "便捷", "均衡", "有力", "可靠", "坚实",
    "强大", "充分", "开放", "包容", "活跃", "科学", "完整", "稳定", "成熟",
];

/// Words of manner that make the words before a verb an adverbial, not its subject
/// (`严格按照办学标准招生`).
pub const MANNER_WORDS: &[&str] = &[
    "按照",
    "依照",
    "根据",
    "严格",
    "按时",
    "按计划",
    "按期",
    "高质量",
    "全面",
    "有序",
    "逐步",
];

/// Nouns after `N以上` that make the quantity a threshold qualifying them (`投资5000万元以上项目`,
/// `100人以上的企业`), not a target.
pub const THRESHOLD_NOUNS: &[&str] = &[
    "项目",
    "企业",
    "工业企业",
    "单位",
    "规模",
    "人群",
    "家庭",
    "老年人",
    "以上的项目",
    "以上的企业",
];

/// The verbs that give a grade band its grade (`90分以上为优秀`, `60%以下评定为不达标`), before
/// one of [`GRADE_WORDS`].
pub const GRADE_VERBS: &[&str] = &["为", "评为", "定为", "确定为", "认定为", "评定为"];

/// Grades of an appraisal (`90分以上为优秀`, `60—74分为合格`, `得分率80%以上的为良好`): a number
/// that bounds a grade band is a scoring rule of a 考核办法, not a target. Matched after one of
/// [`GRADE_VERBS`].
pub const GRADE_WORDS: &[&str] = &[
    "优秀",
    "良好",
    "合格",
    "不合格",
    "基本合格",
    "称职",
    "基本称职",
    "不称职",
    "较好",
    "一般",
    "较差",
    "达标",
    "不达标",
    "优",
    "良",
    "差",
    "A级",
    "B级",
    "C级",
    "D级",
    "A类",
    "B类",
    "C类",
    "D类",
    "A等",
    "B等",
    "C等",
    "D等",
    "一等",
    "二等",
    "三等",
    "一档",
    "二档",
    "三档",
    "第一档",
    "第二档",
    "第三档",
];

/// Fused words and numbered formulas that contain numerals but are no value (traps 4, 6, 21, 25,
/// 27). Masked before quantities are read; longest match wins.
pub const FUSED: &[&str] = &[
    // fused words
    "一批",
    "一些",
    "一系列",
    "一体化",
    "一体",
    "一流",
    "一线",
    "一律",
    "一定",
    "一致",
    "一道",
    "一直",
    "一起",
    "一样",
    "统一",
    "唯一",
    "进一步",
    "万一",
    "千万",
    "十分",
    "十足",
    "百姓",
    "百年",
    "千方百计",
    "三令五申",
    "四川",
    "三星堆",
    "九三学社",
    "五四",
    "八一",
    "两岸",
    "两会",
    "两级",
    "三级",
    "四级",
    "五级",
    "最后一公里",
    "一带一路",
    "双一流",
    "一站式",
    "一揽子",
    "一网通办",
    "一网统管",
    "一件事",
    "一次性",
    "每一项",
    "每一件",
    "每一条",
    // names of sports played by teams of that size
    "三人篮球",
    "三人制",
    "五人制",
    // zero goals that are written with 一 (lexicon::ZERO_GOALS): the 一 is no count
    "不垮一坝",
    "不死一人",
    "不伤一人",
    "一把手",
    "一张网",
    "一盘棋",
    "同一",
    "一支",
    "一次",
    "每一所",
    "每一个",
    "每一位",
    "每一名",
    "万人计划",
    "千人计划",
    "百人计划",
    "百千万",
    "千家万户",
    "万众",
    "百花齐放",
    "十佳",
    "百强",
    "五年制",
    "三年制",
    "一对一",
    "一校一品",
    "一校多品",
    "一校一策",
    "一校一案",
    "一人一案",
    "一人一策",
    "一人一帮",
    "一园一城",
    "一月一主题",
    "一正一副",
    "一正二副",
    "一正三副",
    "一票否决",
    "一岗双责",
    "一事一议",
    "一门式",
    "一窗",
    "一码",
    "一卡通",
    "一张图",
    "一本账",
    "一老一小",
    "每千名",
    "每百名",
    "每万名",
    "每千人口",
    "每万人口",
    "每十万人口",
    "每万人",
    "每千人",
    "每百人",
    "每十万人",
    "每百万人",
    "每千户",
    "每万户",
    "每百户",
    "千人口",
    "万人口",
    "一区一",
    "一县一",
    "一村一",
    "一镇一",
    "一乡一",
    "两不愁三保障",
    "三农",
    "三夏",
    "三秋",
    "十大",
    "第一",
    "首个",
    "首家",
    "首批",
    "首届",
    "首次",
    "一项重要",
    "一个重要",
    "作为一项",
    "作为一个",
    "是一项",
    "是一个",
    "这一",
    "之一",
    "一大批",
    "一个个",
    "一项项",
    "一手抓",
    "两位数",
    "个位数",
    "三位数",
    // numbered political formulas (trap 4)
    "三会一课",
    "四个意识",
    "四个自信",
    "两个维护",
    "两个确立",
    "两个大局",
    "两个务必",
    "三个务必",
    "两个结合",
    "两个一百年",
    "四个全面",
    "五位一体",
    "四位一体",
    "三位一体",
    "三重一大",
    "四风",
    "四史",
    "四有",
    "五育",
    "五项管理",
    "五唯",
    "五险一金",
    "八项规定",
    "十项准则",
    "四级七类",
    "六长",
    "三防",
    "三项制度",
    "三个课堂",
    "三个优先",
    "两个只增不减",
    "两个走在前列",
    "五地四创",
    "三航",
    "四无",
    "四访",
    "五化",
    "两个覆盖",
    "三本台账",
    "三清行动",
    "四种形态",
    "两结合一运用",
    "三队",
    "三团",
    "三生",
    "三个代表",
    "四个服务",
    "四个面向",
    "四个最严",
    "两个毫不动摇",
    "三个转变",
    "四个坚持",
    "四个相统一",
    "三个百分之百",
    "三线一单",
    "三区三线",
    "两山",
    "两新",
    "两重",
    "三大攻坚战",
    "六稳",
    "六保",
    "三新一高",
    "五大理念",
    "四下基层",
    "四个不摘",
    "两高",
    "两翼",
];

/// Verbs that dispose of what 将 / 把 takes before them: it is sent or moved to a level (what it is
/// made into, `将上海打造成为…策源地`, is the deliverable itself).
pub const DISPOSAL_VERBS: &[&str] = &[
    "报至",
    "报送",
    "上报",
    "降低到",
    "降低至",
    "降到",
    "降至",
    "提高到",
    "提升到",
    "控制在",
    "纳入",
];

/// Words of the plan's own activity that a bare month schedules besides [`SCHEDULE_VERBS`]
/// (`7月初评`, `答辩`, `5-6月份，…开展专项调研`).
pub const SCHEDULE_WORDS: &[&str] = &["评", "答辩", "调研"];

/// Adverbs between what 将 / 把 takes and its disposal verb (`将名单全部报至…`): no part of it.
pub const HELD_ADVERBS: &[&str] = &["基本", "全部", "全面", "如期", "统一", "及时"];

/// Adverbs between a subject and its verb (`黑臭水体基本消除`): no part of the subject.
pub const SUBJECT_ADVERBS: &[&str] = &["基本", "全部", "全面", "如期", "顺利", "全", "具体"];

/// Relative year words that date a deliverable only when its verb follows at once (`年内建成`).
pub const RELATIVE_YEARS: &[&str] = &["年内", "今年", "当年"];

/// Adverbs between a time phrase and the deliverable verb it dates (`2024年底前全面建成`), in the
/// order they are stripped.
pub const DEADLINE_ADVERBS: &[&str] = &[
    "全面",
    "基本",
    "全部",
    "要",
    "力争",
    "确保",
    "高标准",
    "高质量",
    "如期",
    "顺利",
];

/// The whole lead of a clause before its time phrase that still lets the time open the clause
/// (`力争在2023年底前完成…`), besides the strength words.
pub const TIME_LEADS: &[&str] = &[
    "在",
    "于",
    "并",
    "同时",
    "要",
    "并于",
    "力争在",
    "确保在",
    "争取在",
    "计划",
    "展望",
    "即",
];

/// Words that ask a short subject before a time for a deliverable (`联络员相关信息请于…报送`).
pub const ASKED_BY: &[&str] = &["请于", "应于", "须于", "需于", "务必于"];

/// The same asks when the time phrase took the 于 (`请2025年1月24日前…`), tried after [`ASKED_BY`].
pub const ASKED: &[&str] = &["请", "应", "须", "需", "务必"];

/// Endings of a body asked to act (`各区应于…`, `市教育局须于…`): no deliverable.
pub const BODY_ENDINGS: &[&str] = &[
    "区", "市", "县", "镇", "局", "委", "办", "科", "站", "单位", "中心",
];

/// Words before a value that make it a total (`scope: total`: `累计建成`, `总量`).
pub const TOTAL_WORDS: &[&str] = &["总数达", "累计", "总量", "总数", "共"];

/// Words before a value that make it a count of new things (`scope: new`: `新增`, `新建`).
pub const NEW_WORDS: &[&str] = &["新增", "新建", "增加", "新培育", "扩增"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_have_no_empty_rows() {
        assert!(UNITS.iter().all(|(u, _)| !u.is_empty()));
        assert!(COMPARATOR_BEFORE.iter().all(|(w, _)| !w.is_empty()));
        assert!(COMPARATOR_AFTER.iter().all(|(w, _)| !w.is_empty()));
        for t in [
            CHANGE_UP,
            CHANGE_DOWN,
            CHANGE_BASES,
            LEVEL_VERBS,
            FORECAST,
            RETRO_WORDS,
            FUSED,
        ] {
            assert!(t.iter().all(|w| !w.is_empty()));
        }
    }

    /// A word set finds what the regex alternation of its rows finds, row for row.
    fn same_as_the_alternation(words: &[&'static str], hay: &str) {
        let re = crate::rx::new(&alternation(words)).unwrap();
        let set = WordSet::new(words);
        let want: Vec<_> = re
            .find_iter(hay)
            .map(|m| {
                (
                    words.iter().position(|w| *w == m.as_str()).unwrap(),
                    m.range(),
                )
            })
            .collect();
        assert_eq!(set.find_iter(hay).collect::<Vec<_>>(), want, "{hay:?}");
    }

    #[test]
    fn word_sets_match_like_the_alternation() {
        let words = &["个", "个百分点", "百分", "点", "两个", "两个只增不减", "个"];
        for hay in [
            "",
            "提高2个百分点",
            "两个只增不减两个",
            "百分点个",
            "x个百分",
            "𠀀个",
        ] {
            same_as_the_alternation(words, hay);
        }
        same_as_the_alternation(FUSED, "落实两个只增不减，三令五申，千方百计完成十四五");
        assert!(!WordSet::new(&[]).any_in("任何"));
        assert_eq!(WordSet::new(&["", "甲"]).last_in("甲乙"), Some((1, 0..3)));
    }

    proptest::proptest! {
        #[test]
        fn word_sets_match_like_the_alternation_anywhere(
            hay in proptest::collection::vec(proptest::sample::select(vec!['两', '个', '百', '分', '点', '只', '增', '不', '减', 'a', '\u{1F600}']), 0..24)
        ) {
            let hay: String = hay.into_iter().collect();
            same_as_the_alternation(&["个", "个百分点", "百分", "点", "两个", "两个只增不减", "增不减", "a"], &hay);
        }
    }

    #[test]
    fn comparator_rows_that_contain_others_come_first() {
        // A row must not be shadowed by a shorter row that is its suffix and comes earlier.
        for (i, (a, _)) in COMPARATOR_BEFORE.iter().enumerate() {
            for (b, _) in &COMPARATOR_BEFORE[..i] {
                assert!(!a.ends_with(b) || a == b, "{a} is shadowed by {b}");
            }
        }
    }
}
