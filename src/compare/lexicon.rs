//! The word tables of the comparison (`planlens-compare/1`); the analysis's own are
//! [`crate::targets::lexicon`] (targets) and the rule tables of [`crate::document`] and
//! [`crate::input`].
//!
//! A target's subject is the noun phrase next to its quantity once the words that carry no
//! identity are taken away: the verb (创建, 评选, 新增…), the time and scope words (三年内, 每年,
//! 全区…), comparator words (不少于…), and generic heads that plans add or drop at will (…项目,
//! …任务, …工作). Everything here is genre-wide vocabulary of Chinese plans, not seed-specific.

/// Words stripped from the start of a subject, tried longest first, repeatedly.
pub const LEAD_WORDS: &[&str] = &[
    // time and scope
    "三年内",
    "五年内",
    "规划期内",
    "期间",
    "每年",
    "每学年",
    "年内",
    "年底前",
    "年底",
    "当年",
    "逐年",
    "全区",
    "全市",
    "全县",
    "全省",
    "全镇",
    "区内",
    "市内",
    "县内",
    "各类",
    "各级",
    "一批",
    "有重点地",
    "累计",
    "共",
    "总计",
    // hedges and modal verbs
    "力争",
    "努力",
    "争取",
    "确保",
    "计划",
    "预计",
    "基本",
    "全面",
    "进一步",
    "持续",
    "继续",
    "重点",
    "积极",
    "加快",
    "大力",
    "深入",
    "着力",
    "稳步",
    "有序",
    // action verbs (docs/domain.md#subjects)
    "创建成为",
    "创建成",
    "创建为",
    "创建",
    "创成",
    "争创",
    "建设成",
    "建设",
    "建成",
    "新建",
    "改建",
    "扩建",
    "评选并持续孵化",
    "评选表彰",
    "评选",
    "表彰",
    "组织",
    "评定",
    "认定",
    "新增",
    "增加",
    "打造",
    "培育",
    "培养",
    "组建",
    "设立",
    "成立",
    "完成",
    "实现",
    "开展",
    "举办",
    "举行",
    "开设",
    "立项",
    "选聘",
    "选拔",
    "充实",
    "引进",
    "招聘",
    "孵化",
    "建立",
    "形成",
    "推进",
    "启动",
    "提高",
    "提升",
    "降低",
    "减少",
    "控制",
    "达到",
    "达",
    "超过",
    "超",
    "不少于",
    "不低于",
    "不超过",
    "至少",
    "约",
    "并",
    "对",
    "为",
    "的",
    "在",
    "和",
    "及",
    "与",
    "、",
    // a quantity of generic things whose real subject follows (15个项目确定为市教学成果培育项目)
    "其中",
    "项目",
    "确定为",
    "认定为",
    "列为",
    "评为",
    "成为",
];

/// Words stripped from the end of a subject, tried longest first, repeatedly.
pub const TRAIL_WORDS: &[&str] = &[
    "以上",
    "以下",
    "以内",
    "左右",
    "上下",
    "的",
    "和",
    "及",
    "与",
    "等",
    "、",
    "之",
    "项目",
    "任务",
    "工作",
    "建设",
    "创建",
    "活动",
    "目标",
    // a level target's verb after its subject (比例力争达100%, 覆盖率稳定在95%)
    "力争达到",
    "力争达",
    "力争",
    "争取",
    "达到",
    "达",
    "保持在",
    "保持",
    // an adverb the analysis leaves before the verb it took off (粮食产量继续|保持500亿斤以上)
    "继续",
    "稳定在",
    "控制在",
    "提高到",
    "提高至",
    "提升至",
    "提升到",
    "不低于",
    "不少于",
    "不超过",
    "超过",
    "要",
];

/// Markers of the unit a rate is per (每所中小学至少1个). Whether a target is per unit comes from
/// the analysis's `per`; these words only keep such a unit out of a widened subject.
pub const PER_MARKERS: &[&str] = &[
    "每所", "每个", "每校", "每名", "每位", "每人", "人均", "生均", "每万", "每千", "每百", "每村",
    "每镇", "每县", "每户",
];

/// Conjunctions that join two subjects under one quantity (区学科带头人和骨干教师1000名).
pub const CONJUNCTIONS: &[char] = &['和', '及', '与', '、'];

/// Words that end a department name in a table's 牵头/责任 columns (教育局, 编办, 各镇(街道)).
pub const DEPARTMENT_ENDINGS: &[&str] = &[
    "局", "办", "部", "委", "队", "镇", "区", "道", "会", "院", "府", "厅", "处", "中心", "单位",
    "公司", "组", "所", "站", "室", "团", "联", "行", "社", "校",
];

/// Table headers that name the row (项目名称, 指标).
pub const LABEL_HEADERS: &[&str] = &[
    "项目名称",
    "名称",
    "项目",
    "指标",
    "任务",
    "行动名称",
    "工程",
];

/// Table headers of a column holding the whole-period content or target (主要内容, 目标).
pub const TOTAL_HEADERS: &[&str] = &[
    "主要内容",
    "目标任务",
    "主要目标",
    "建设内容",
    "总目标",
    "目标",
    "内容",
    "合计",
    "总计",
];

/// Words of section titles that carry no topic (实施…行动, 持续…): dropped before titles are compared.
pub const TITLE_NOISE: &[&str] = &[
    "实施",
    "行动",
    "持续",
    "聚焦",
    "推进",
    "加强",
    "强化",
    "全面",
    "深化",
    "进一步",
    "提升",
    "推动",
    "着力",
    "坚持",
    "工程",
];

/// Quantities that name no number (一批, 一支): never compared or summed. The analysis drops most
/// of them itself now; this guards the comparison whatever it emits. `一所`, `一个` are not here:
/// the analysis keeps them deliberately as the number 1 (`新建一所学校`).
pub const VAGUE_QUANTITIES: &[&str] = &["一批", "一支", "一系列", "一些", "若干", "一流"];

/// Administrative levels; two subjects at different levels (市学科带头人, 区学科带头人) differ.
pub const LEVELS: &[char] = &['国', '省', '市', '区', '县', '镇', '乡', '村'];

/// Words a subject may put before the same measured thing without naming another kind of it: the
/// scope of the count (地区生产总值, 全社会研发经费投入, 规模以上工业增加值, 常住人口城镇化率) and,
/// with the [`LEVELS`], its level (省市品格提升工程, 市级). Any other word a longer subject adds
/// names a kind (市级思政育人特色学校 is one kind of 特色学校): a part, not the same target.
pub const SCOPE_WORDS: &[&str] = &[
    "全社会",
    "常住人口",
    "户籍人口",
    "规模以上",
    "限额以上",
    "地区",
    "地方",
    "规上",
    "限上",
    "城乡",
    "全国",
    "全省",
    "全市",
    "全区",
    "全县",
    "各类",
    "各级",
    "以上",
    "级",
    "全",
];
