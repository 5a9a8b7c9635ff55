//! Subject and action of a quantity: what is measured or delivered, and the verb that delivers it
//! (docs/domain.md#subjects).
//!
//! A heuristic on word order, without a segmenter: `创建示范校4所` (verb + subject + number) takes
//! the words between the verb and the number; `评选15个…的学校党组织` (verb + number + subject)
//! takes the words after the number, from the last `的`. jieba would need its 5 MB dictionary at
//! run time for little gain on these two orders, so it is not used here.

use crate::text::is_han;

/// Verbs that deliver a counted thing, longest first where one contains another.
pub const ACTION_VERBS: &[&str] = &[
    "评选表彰",
    "评选",
    // 机组建成投运: one compound verb after its noun, not 建成 + a noun 投运
    "建成投运",
    "建成投产",
    "遴选",
    "争创",
    "创建",
    "创成",
    "打造",
    "建设",
    "建成",
    "组建",
    "设立",
    "认定",
    "培育",
    "引进",
    "推荐",
    "举办",
    "开展",
    // law enforcement: 立案查处违法行为100起, 查办案件30件
    "查处",
    "查办",
    "完成",
    "新增",
    "增加",
    "培养",
    "充实",
    "立项",
    "开设",
    "选聘",
    "巡查",
    "实现",
    "组织",
    "建立",
    "命名",
    "申报",
    "孵化",
    "表彰",
    "改造",
    "新建",
    "改扩建",
    "改建",
    "消除",
    "修复",
    "清理",
    "净增",
    "提供",
    "推动",
    "资助",
    "招聘",
    "招收",
    "培训",
    "打通",
    "修建",
    "新改建",
    "铺设",
    "制定",
    "出台",
    "安排",
    // retiring and renewing (生态环境, 交通, 工信 plans): 淘汰国三柴油货车200辆, 关停燃煤锅炉15台,
    // 新增和更新新能源公交车1500辆, 改造提升敬老院1所
    "改造提升",
    "提升改造",
    "淘汰",
    "关停",
    "退出",
    "更新",
    "拆除",
    "创",
];

/// Verbs that work on something already there: the number counts what is done to it, so the verb
/// stays with its object (`改造城镇老旧小区房屋2.7万套`, `治理沙化土地88.5万亩`, `拆除违法建设`).
const WORKS_ON: &[&str] = &[
    "改造提升",
    "提升改造",
    "改扩建",
    "改造",
    "改建",
    "更新",
    "治理",
    "修复",
    "拆除",
];

/// The per-unit words between 从 / 由 and an old level (`从每人每月209元`).
const PER_UNIT_BASES: &[&str] = &["每人", "每户", "每生", "每年", "每月", "每日", "每天"];

/// Count measure words: a subject that opens with a count of them (`5个以上紧密型城市医疗集团、区级覆盖率`,
/// `1000处信号灯联网`) has taken in a number that is not its own.
const COUNT_WORDS: &[char] = &[
    '个', '处', '所', '家', '项', '座', '条', '名', '户', '套', '批',
];

/// `5个以上紧密型城市医疗集团、区级覆盖率` → 区级覆盖率, `1000处信号灯联网` → 信号灯联网, `4.为…` →
/// `为…`: a leading count or list marker is no part of the subject (an indicator that opens with
/// digits, `12345热线`, `5G`, `750千伏`, keeps them).
fn without_leading_count(s: &str) -> &str {
    let rest = s.trim_start_matches(|c: char| c.is_ascii_digit());
    if rest.len() == s.len() {
        return s;
    }
    if let Some(r) = rest.strip_prefix(['.', '、', '．']) {
        // (with the verb that opens the listed task: 7.实施公路安全生命防护工程)
        return if r.starts_with(|c: char| c.is_ascii_digit()) {
            s
        } else {
            strip_loop(r, LEADING, false)
        };
    }
    let Some(r) = rest.strip_prefix(COUNT_WORDS) else {
        return s;
    };
    let r = strip_loop(r, &["以上", "左右", "多"], false);
    // (the rate after the counted things is what is measured)
    match r.rfind('、') {
        Some(i) if ["率", "比例", "比重"].iter().any(|w| r.ends_with(w)) => {
            &r[i + '、'.len_utf8()..]
        }
        _ => r,
    }
}

/// Words stripped from the end of a subject taken before the number (comparators, level verbs,
/// change words and bases, which belong to the quantity, not to the thing measured).
const TRAILING: &[&str] = &[
    "力争达",
    "要达",
    // 59项测评点中有22项: the part of a whole
    "中有",
    "达到",
    "达",
    "保持在",
    "保持",
    "稳定在",
    "控制在",
    "提高到",
    "提升至",
    "为",
    "不低于",
    "不少于",
    "不超过",
    "至少",
    "超过",
    "超",
    "约",
    "近",
    "较上年",
    "比上年",
    "同比",
    "较上学年",
    "在上一年的基础上",
    "增加",
    "提高",
    "提升",
    "降低",
    "减少",
    "增长",
    "下降",
    // recurrence words (lexicon::RECURRENCE: kept in the target's `recurrence`), before 均 so
    // that 收入年均增长 loses 年均, not only 均
    "逐年",
    "每年",
    "年均",
    "每学年",
    "每学期",
    "每季度",
    "每月",
    "每周",
    "每天",
    "每日",
    // the base of a per-capita figure (抽检量达到每千人6批次) is the target's `per`
    "每千人口",
    "每万人口",
    "每千人",
    "每万人",
    "每百人",
    "每十万人",
    // 收入分别增长5.5%和7%: 分别 distributes the values over the subjects
    "分别",
    "共",
    "总数达",
    "累计",
    "总量",
    "均",
    "都",
    "要",
    "力争",
    "确保",
    "在",
    "占",
    "的",
];

/// Words stripped from the start of a subject (time, strength, recurrence and list punctuation).
const LEADING: &[&str] = &[
    "、",
    "和",
    "及",
    "年内",
    "三年内",
    "全年",
    "今年",
    "力争",
    "确保",
    "计划",
    "努力",
    "每年",
    "每学年",
    "积极",
    "同时",
    "其中",
    "并",
    "落实",
    "实施",
    "推进",
    "加快",
    "深化",
    "全面",
    "持续",
    // 所有入户工作: the whole of what is named is no narrower subject
    "所有",
    "全部",
];

/// Words the subject reader never cuts, though a word of [`LEADING`], [`TRAILING`] or an action
/// verb stands in them: `及格率` is not `及` + `格率`, `和谐社区` not `和` + `谐社区`, the 增加 of
/// `规上工业增加值` acts on nothing, and `违法行为` keeps its 为.
const WHOLE_WORDS: &[&str] = &[
    "及格",
    "及时",
    "和谐",
    "并网",
    "并购",
    "计划生育",
    "积极性",
    "增加值",
    "城市更新",
    // 城市建成区 is the built-up area, not 建成 (+ 区)
    "建成区",
    "退出机制",
    "党组织",
    "社会组织",
    "基层组织",
    "群团组织",
    // 创 is a verb (创省级示范校3所), not inside 创新 or 创业 (创新创业人才团队)
    "创新",
    "创业",
    // 为 ends a level verb (达到/为), not 违法行为 or 有所作为
    "行为",
    "作为",
    // 和美乡村 is one name, not 和 + 美乡村
    "和美",
    // 拆除违法建设: an illegal building, not 违法 + the verb 建设
    "违法建设",
    "违章建设",
];

/// Comparators that, after the noun that follows a number, open a second quantity of that noun
/// (`50%的村超过20万元`).
const COMPARED_BY: &[&str] = &["超过", "达到", "不低于", "不少于", "高于", "低于", "不超过"];

/// Nouns that only say what is counted or measured of something (人数 of 培训人数): after an
/// action verb they make one indicator name with it.
const MEASURE_NOUNS: &[&str] = &[
    "人数", "人次", "次数", "户数", "个数", "规模", "面积", "数量", "总量", "时长", "里程",
];

fn strip_loop<'a>(s: &'a str, words: &[&str], from_end: bool) -> &'a str {
    // trimmed once, then again only after a strip (a trim per row was 4 % of the CLI's
    // instructions: this runs for every target's subject)
    let mut s = s.trim();
    // a leading whole word is never cut into, and nothing else changes `s` from then on; it is
    // checked when `s` changes, not for every row tried
    let guarded = |s: &str| {
        WHOLE_WORDS.iter().any(|k| {
            if from_end {
                s.ends_with(k)
            } else {
                s.starts_with(k)
            }
        })
    };
    if guarded(s) {
        return s;
    }
    loop {
        let before = s.len();
        for w in words {
            let rest = if from_end {
                s.strip_suffix(w)
            } else {
                s.strip_prefix(w)
            };
            if let Some(rest) = rest {
                s = rest.trim();
                if guarded(s) {
                    return s;
                }
            }
        }
        // `s` only ever shrinks
        if s.len() == before {
            return s;
        }
    }
}

static ACTIONS: crate::targets::lexicon::LazySet =
    crate::targets::lexicon::LazySet::new(ACTION_VERBS);
/// [`crate::targets::lexicon::MANNER_WORDS`], shared with the dated deliverables' subjects.
pub(crate) static MANNER: crate::targets::lexicon::LazySet =
    crate::targets::lexicon::LazySet::new(crate::targets::lexicon::MANNER_WORDS);

/// Is the verb at `r` of `s` inside one of [`WHOLE_WORDS`]?
fn in_noun(s: &str, r: &std::ops::Range<usize>) -> bool {
    let verb = &s[r.clone()];
    // (per verb match of every clause: `str::find` would build a substring searcher each time)
    WHOLE_WORDS.iter().any(|w| {
        w.char_indices().any(|(at, _)| {
            w[at..].starts_with(verb)
                && r.start
                    .checked_sub(at)
                    .and_then(|from| s.get(from..from + w.len()))
                    == Some(*w)
        })
    })
}

/// Is a word that follows `before` inside a quoted name (`评选“新时代教师队伍建设先进学校”`: the
/// 建设 names the school, it does not build it)?
fn in_quotes(before: &str) -> bool {
    before.matches('“').count() > before.matches('”').count()
}

/// The last action verb of `s` and the byte offset just after it.
pub fn last_action(s: &str) -> Option<(&'static str, usize)> {
    let (i, r) = ACTIONS
        .get()
        .last_in_where(s, |r| !in_noun(s, r) && !in_quotes(&s[..r.start]))?;
    // 力争创建: the matcher takes 争创 and never sees the 创建 that overlaps it and ends later. The
    // later verb wins when the chars before it make a leading word (力争) that began before the
    // match; 创建成为 stays 创建 (+ 成为), not 建成.
    let later = s[r.start..r.end]
        .char_indices()
        .skip(1)
        .filter(|&(k, _)| {
            let at = r.start + k;
            LEADING.iter().any(|w| s[..at].ends_with(w) && w.len() > k)
        })
        .filter_map(|(k, _)| {
            let at = r.start + k;
            ACTION_VERBS
                .iter()
                .filter(|v| s[at..].starts_with(**v) && at + v.len() > r.end)
                .max_by_key(|v| v.len())
                .map(|v| (*v, at + v.len()))
        })
        .last();
    Some(later.unwrap_or((ACTION_VERBS[i], r.end)))
}

/// `治理率较2020年` → `治理率`, `标准从209元` → `标准`: the base of a change is not part of the subject.
fn strip_base_year(s: &str) -> &str {
    // 标准从209元提高到, 标准分别从每人每月, 保费由每生每年5元: the old level is no part of what
    // is measured
    if let Some(i) = s.rfind(['从', '由']).filter(|&i| i > 0) {
        let rest = strip_loop(&s[i + '从'.len_utf8()..], PER_UNIT_BASES, false);
        if rest.is_empty() || rest.starts_with(|c: char| c.is_ascii_digit()) {
            return s[..i].trim_end();
        }
    }
    if let Some(i) = s.rfind(['较', '比']) {
        let rest = &s[i + '较'.len_utf8()..];
        let digits = rest.trim_end_matches('年');
        if rest.ends_with('年') && digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit())
        {
            return s[..i].trim_end();
        }
    }
    s
}

/// Words that end the words before a number without naming anything (`…单位每周开展一次`).
const CLOSING_WORDS: &[&str] = &[
    "开展", "实施", "完成", "实现", "增长", "提高", "降低", "下降", "减少", "明显", "共同",
];

/// Change words that can open the words after a number (`4.5%左右的增长目标`).
const CHANGE_WORDS: &[&str] = &["增长", "提高", "提升", "降低", "下降", "增加", "减少"];

/// Comparators that can stand inside the words before a share: `教师交流人数不少于应交流人数的15%`.
const SHARE_COMPARATORS: &[&str] = &[
    "不少于",
    "不低于",
    "不超过",
    "不高于",
    "提高到",
    "控制在",
    "达到",
];

/// `X不少于Y的15%`: a share of a base (Y) measures what stands before the comparator (X).
fn share_of_base(s: &str) -> &str {
    if !s.ends_with('的') {
        return s;
    }
    match SHARE_COMPARATORS.iter().filter_map(|w| s.find(w)).min() {
        Some(i) if i > 0 => s[..i].trim_end(),
        _ => s,
    }
}

/// `现场流调组(不少于15人`, `公务车辆（2-3辆`: a number in brackets counts what stands before the
/// bracket; one after an opening bracket left open counts what the bracket holds
/// (`成蚊杀灭(确保3天内成蚊密度ADI≤2`).
fn after_open_bracket(s: &str) -> &str {
    let s = s.trim_end_matches(['(', '（']).trim_end();
    match s.rfind(['(', '（']) {
        Some(i) if !s[i..].contains([')', '）']) => s[i..].trim_start_matches(['(', '（']),
        _ => s,
    }
}

/// `学科竞赛、教育教学、艺术体育等高层次人才`: the class after 等 is what is counted. A short
/// head (`供排水、燃气、供热等管网`) is named by its list and keeps it.
fn class_after_list(s: &str) -> &str {
    match s.rsplit_once('等') {
        Some((list, class)) if list.contains('、') && class.chars().count() >= 4 => class,
        _ => s,
    }
}

/// `3天内成蚊密度ADI`: a relative time limit that opens the words is the target's time, not
/// part of what is measured.
fn without_time_limit(s: &str) -> &str {
    let rest = s.trim_start_matches(|c: char| {
        c.is_ascii_digit() || c == ' ' || "一二两三四五六七八九十".contains(c)
    });
    if rest.len() == s.len() {
        return s;
    }
    ["天内", "日内", "小时内", "周内", "个月内", "年内"]
        .iter()
        .find_map(|w| rest.strip_prefix(w))
        .map_or(s, str::trim_start)
}

/// Do the words after a number open with an action verb (`产能1400万吨/年建成试运转`)? Then they
/// say what happens to the counted thing, they do not name it.
fn opens_with_verb(head: &str) -> Option<&'static str> {
    if WHOLE_WORDS.iter().any(|w| head.starts_with(w)) {
        return None;
    }
    ACTION_VERBS
        .iter()
        .filter(|v| head.starts_with(**v))
        .max_by_key(|v| v.len())
        .copied()
}

/// Do the words before a number name nothing (empty, a list comma, or a verb or modal that
/// ends them: `各中小学确保`)?
fn names_nothing(before: &str) -> bool {
    let b = before.trim_end();
    b.is_empty()
        || b.ends_with(['、', '，', ',', '；', ';'])
        || last_action(b).is_some_and(|(_, e)| e == b.len())
        || ["确保", "力争", "要", "实现"]
            .iter()
            .any(|w| b.ends_with(w))
}

/// Keeps at most `n` chars from the end of `s`.
/// A cut inside a word leaves a fragment (`量、国家级专精特新…`), so the kept part starts after its
/// first list or clause break when it has one.
fn tail(s: &str, n: usize) -> &str {
    let count = s.chars().count();
    if count <= n {
        return s;
    }
    let skip = count - n;
    let at = |k: usize| s.char_indices().nth(k).map_or(s.len(), |(i, _)| i);
    let cut = at(skip);
    let is_break = |c: char| "、，,；;".contains(c);
    // a break (or the end of a quote) a few chars before the cut keeps the whole first item
    let back = at(skip.saturating_sub(8));
    if let Some((i, c)) = s[back..cut]
        .char_indices()
        .rev()
        .find(|&(_, c)| is_break(c) || c == '”')
    {
        return &s[back + i + c.len_utf8()..];
    }
    if skip <= 8 && !s[..cut].contains(is_break) {
        return s;
    }
    let kept = &s[cut..];
    match kept.char_indices().find(|&(_, c)| is_break(c)) {
        Some((i, c)) if kept[i + c.len_utf8()..].chars().count() >= 2 => &kept[i + c.len_utf8()..],
        _ => kept,
    }
}

/// Subject of a quantity from the words `before` it (since the previous quantity or the clause
/// start) and `after` it (to the clause end).
pub fn subject(before: &str, after: &str) -> Option<String> {
    subject_words(before, after).and_then(|s| tidy(&s))
}

/// Punctuation, comparators and the halves of a quote or bracket that a cut left at either end
/// of a subject: `重大事故隐患深查彻改、` → 重大事故隐患深查彻改, `…就业服务”职业技能培训` →
/// 职业技能培训. `None` when nothing but a generic word or a single char is left.
pub fn tidy(whole: &str) -> Option<String> {
    let s = without_leading_count(whole.trim());
    let mut s = s.trim_matches(|c: char| c.is_whitespace() || "、，,；;：:。".contains(c));
    // a closing half whose opening was cut off: what follows it is the name
    if s.matches('”').count() > s.matches('“').count() {
        s = s.split_once('”').map_or(s, |(_, rest)| rest);
    }
    if s.matches(['(', '（']).count() < s.matches([')', '）']).count() {
        s = s.split_once([')', '）']).map_or(s, |(_, rest)| rest);
    }
    // an opening half with nothing after it
    let s = s.trim_end_matches(['“', '‘', '(', '（']);
    let s = strip_loop(
        s,
        &["以上", "以下", "左右", "达到", "不少于", "不低于"],
        true,
    );
    // 合作项目、开展, 比例实现明显下降: a verb or change word left at the end is no part of it
    let s = strip_loop(s, CLOSING_WORDS, true);
    let s = strip_loop(
        s,
        &[
            "每周", "每天", "每日", "每月", "每年", "和", "及", "与", "以上", "以下", "左右",
        ],
        true,
    );
    let s = strip_loop(s, &["以上", "以下", "达到", "、", "，"], false);
    let s = s.trim_matches(|c: char| c.is_whitespace() || "、，,；;：:。".contains(c));
    // a one-char noun stands only as it was given (50%的村超过…), never as what a cut left
    let n = s.chars().count();
    // 从209元、280元提高到217元: an old level left before the new one is a quantity, no subject
    let quantity = s.starts_with(|c: char| c.is_ascii_digit())
        && s.trim_start_matches(|c: char| c.is_ascii_digit() || c == '.')
            .chars()
            .count()
            <= 2;
    (n >= 2 && !GENERIC.contains(&s) && !quantity || n == 1 && s == whole.trim())
        .then(|| s.to_string())
}

/// The end state a dated deliverable names, without the evaluation before its 的
/// (`与社会主义现代化国家相适应的健康国家` → 健康国家, `起覆盖全国、较为完善的紧急医学救援网络` →
/// 紧急医学救援网络); a short noun after 的 keeps its qualifier.
pub fn end_state(s: &str) -> &str {
    without_evaluation(s.strip_prefix('起').unwrap_or(s))
}

/// `优质高效的整合型医疗卫生服务体系`, `协调统一的数字经济治理框架` → what is built, without the
/// evaluation before its 的 ([`crate::targets::lexicon::EVALUATIVE`] ends it). A qualifier that says which
/// thing is meant stays (`健康城市、健康村镇建设的示范市`, `具有…研发能力的企业`).
pub fn without_evaluation(s: &str) -> &str {
    let mut s = s;
    while let Some((q, rest)) = s.split_once('的') {
        // (a qualifier holding a coordination of nouns is no evaluation: 整合型…体系和完善的…)
        let evaluative = crate::targets::lexicon::EVALUATIVE
            .iter()
            .any(|w| q.ends_with(w))
            && !q.contains(['和', '及']);
        // a short noun keeps its evaluation (规范的课堂)
        if !evaluative || rest.chars().count() < 4 {
            break;
        }
        s = rest;
    }
    s
}

/// The indicator a bare index code (`BI`, `ADI`) stands for when the subject before it in its
/// clause ends with that code (`幼虫密度BI`).
pub fn code_of(subject: Option<&str>, before: Option<&str>) -> Option<String> {
    let (s, p) = (subject?, before?);
    let code = !s.is_empty() && s.chars().all(|c| c.is_ascii_alphanumeric());
    (code && p.ends_with(s) && p.len() > s.len()).then(|| p.to_string())
}

/// Nouns that, alone after a number, name no subject (`保持85%的要求`).
const GENERIC: &[&str] = &[
    "要求",
    "目标",
    "标准",
    "水平",
    "任务",
    "原则",
    "基础上",
    "比例",
    // 家长学校100%覆盖: the coverage word is the quantity's, what is covered stands before
    "覆盖",
    "全覆盖",
];

/// Verbs of having that open a qualifier saying which things are counted
/// (`5家以上具有脑机接口核心技术与产品研发能力的自主创新企业`): the qualifier stays.
const HAVING: &[&str] = &["具有", "具备", "拥有", "掌握"];

/// `超100条（个）幸福河湖`: a measure word in brackets after the number is no part of the noun.
fn without_bracketed_measure(s: &str) -> &str {
    let Some(inner) = s.strip_prefix(['(', '（']) else {
        return s;
    };
    match inner.char_indices().find(|&(_, c)| c == ')' || c == '）') {
        Some((i, c)) if inner[..i].chars().count() <= 2 => inner[i + c.len_utf8()..].trim_start(),
        _ => s,
    }
}

fn subject_words(before: &str, after: &str) -> Option<String> {
    let after_t = without_bracketed_measure(after.trim_start_matches([' ', '的']));
    // verb + number + subject: 评选15个…学校党组织, 组建8个优质教育集群, 100%的中小学…
    if starts_noun(after_t) {
        if let Some(s) = noun_after(before, after_t) {
            return Some(s);
        }
    }
    // verb + subject + number: 创建市教育装备管理应用示范校4所, 优良率达52.5%
    match last_action(before) {
        Some((v, e)) => subject_around_verb(before, v, e),
        None => clean_subject(before),
    }
}

/// Do the words after a number open the noun it counts?
fn starts_noun(after_t: &str) -> bool {
    after_t
        .chars()
        .next()
        .is_some_and(|c| is_han(c) && !"且等,和及、或以并左右多余".contains(c))
        || after_t.starts_with('“')
        || WHOLE_WORDS.iter().any(|w| after_t.starts_with(w))
        // 14个750千伏电网工程: a specification opens the noun after the number
        || after_t
            .trim_start_matches(|c: char| c.is_ascii_digit())
            .starts_with(is_han)
            && after_t.starts_with(|c: char| c.is_ascii_digit())
}

/// The subject named by the noun after a number, if it names one.
fn noun_after(before: &str, after_t: &str) -> Option<String> {
    let (head, compared) = noun_head(after_t);
    let (head, verb_only) = without_closing_verb(head);
    // 保持85%的要求, 4.5%左右的增长目标: a generic noun after the number names no subject
    let generic = GENERIC.contains(&strip_loop(head, CHANGE_WORDS, false));
    // 59项测评点中有22项达到…: a comparator after the number opens what is said of it
    let compares = COMPARED_BY.iter().any(|w| head.starts_with(w));
    // 100%开展每天阳光体育锻炼: with nothing named before the number, the object of the verb
    // after it is what the share does; 产能1400万吨/年建成试运转: with a noun before, the
    // verb only says what happens to it
    if let Some(v) = opens_with_verb(head) {
        let object = head[v.len()..].trim();
        if names_nothing(before) && object.chars().count() >= 2 && last_action(object).is_none() {
            return Some(object.to_string());
        }
    }
    let long_enough = head.chars().count() >= 2 || compared && head.chars().all(is_han);
    (long_enough && !generic && !compares && !verb_only && opens_with_verb(head).is_none())
        .then(|| head.to_string())
}

/// The noun phrase after a number, cut where what is said of it begins; and whether a comparator
/// cut it (then however short a noun it is, it is what is counted).
fn noun_head(after_t: &str) -> (&str, bool) {
    let cut = after_t.find([' ', '(', ',', ';']).unwrap_or(after_t.len());
    let head = &after_t[..cut];
    // 学生集体用餐配送单位实现…全覆盖: 实现 opens what is said of the counted thing
    let head = match head.find("实现") {
        Some(i) if head[..i].chars().count() >= 2 => &head[..i],
        _ => head,
    };
    let head = match head.rsplit_once('的') {
        Some(_) if HAVING.iter().any(|w| head.starts_with(w)) => head,
        Some((_, h)) => h,
        None => head,
    };
    // 50%的村超过20万元: a comparator after the noun opens the next quantity; the noun before
    // it is what is counted, however short (村, 户, 校)
    let (head, compared) = match COMPARED_BY.iter().filter_map(|w| head.find(w)).min() {
        Some(i) if i > 0 => (&head[..i], true),
        _ => (head, false),
    };
    // 15名“苏教名家”、省特级教师等高层次人才: the class after 等 is what is counted
    let head = match head.rsplit_once('等') {
        Some((list, class)) if list.contains('、') && class.chars().count() >= 2 => class,
        _ => head,
    };
    // 百场讲座和家长课堂 names one thing; 5个示范基地和2个实训中心 two (the second counted apart)
    // … and 省级重点项目、完成投资 names the projects, the verb opens the next item (a verb
    // after 和 joins verbs: 入户队伍组建和培训)
    let head = match head.find(['、', '和', '及']) {
        Some(i)
            if head[i..].contains(|c: char| {
                c.is_ascii_digit() || "二两三四五六七八九十百千".contains(c)
            }) || head[i..]
                .strip_prefix('、')
                .is_some_and(|rest| opens_with_verb(rest).is_some()) =>
        {
            &head[..i]
        }
        _ => head,
    };
    // 争创3所省优质园和4—5所市优质园: the words after the number stop at the next number
    let head = head.trim_end_matches(['、', '和', '及', '与']);
    (strip_loop(tail(head.trim(), 24), LEADING, false), compared)
}

/// 完成30个示范村创建: a verb closing the words after the number names the work on them, when
/// what it closes is a plain noun phrase (no other verb, list or manner: `学校遴选和年度建设`,
/// `项目按计划高质量完成` stay whole). Also says whether the words are that verb alone (完成变电站
/// 2座建设: the subject stands before the number).
fn without_closing_verb(head: &str) -> (&str, bool) {
    let closing = last_action(head);
    let verb_only = closing.is_some_and(|(v, _)| v == head);
    let head = match closing {
        Some((v, e)) if !verb_only && e == head.len() => {
            let noun = &head[..e - v.len()];
            let plain = noun.chars().count() >= 2
                && last_action(noun).is_none()
                && !noun.contains(['和', '及', '与', '、'])
                && !MANNER.get().any_in(noun);
            // 项目按计划高质量完成: how the work is done is no part of what is counted
            let manner_at = MANNER.get().find_iter(noun).next().map(|(_, r)| r.start);
            if plain {
                noun
            } else if let Some(at) = manner_at.filter(|&at| noun[..at].chars().count() >= 2) {
                noun[..at].trim_end()
            } else {
                head
            }
        }
        _ => head,
    };
    (head, verb_only)
}

/// The words before a number as a subject: without the modal, the values of a 分别 list, the
/// verbs of level and change, a base year and the words that lead or trail a subject.
fn clean_subject(s: &str) -> Option<String> {
    let s = class_after_list(after_open_bracket(share_of_base(s.trim())));
    // 入户工作要在疫情接报后3天内: the modal opens when it is due, not what
    let s = ["要在", "需在", "应在", "须在"]
        .iter()
        .filter_map(|w| s.find(w))
        .min()
        .map_or(s, |i| &s[..i]);
    // 规模分别达1.28万亿、1.18万亿、…: the values of a 分别 list are no part of the subject
    let s = match s.find("分别") {
        Some(i) if s[i..].contains('、') => &s[..i],
        _ => s,
    };
    let s = strip_loop(s, TRAILING, true);
    let s = strip_loop(s, crate::targets::lexicon::LEVEL_VERBS, true);
    let s = strip_loop(s, &["突破", "下降到", "下降至"], true);
    // every change word, not only TRAILING's common ones: 办理时限压缩50%, 用地缩减
    let s = strip_loop(s, crate::targets::lexicon::CHANGE_DOWN, true);
    let s = strip_loop(s, crate::targets::lexicon::CHANGE_UP, true);
    let s = strip_base_year(s);
    // 排放总量分别比2023年下降: what stood before the base; 收入全部达到: an adverb
    let s = strip_loop(s, &["分别", "均", "都", "各", "全部"], true);
    let s = strip_loop(s, LEADING, false).trim_start_matches('的');
    let s = strip_loop(without_time_limit(s), LEADING, false);
    let s = tail(s, 24);
    (s.chars().count() >= 2).then(|| s.to_string())
}

/// The subject of a number after a verb `v` (ending at `e` in `before`): the words after the
/// verb, or the indicator or task the verb is part of.
fn subject_around_verb(before: &str, v: &str, e: usize) -> Option<String> {
    // 普惠率较上年增加2%: nothing after the verb, the subject is before it
    let after_verb = clean_subject(before.get(e..).unwrap_or(""));
    let lead = before.get(..e - v.len()).unwrap_or("");
    // 城镇新增就业6万人: a one-word object with a modifier before the verb is an indicator
    // name as a whole (城镇新增就业, 农村新增劳动力), not the bare object (就业)
    let head = strip_loop(lead.trim(), LEADING, false);
    if after_verb.as_ref().is_some_and(|a| a.chars().count() <= 2)
        && (1..=4).contains(&head.chars().count())
        && last_action(head).is_none()
        && !head.contains(['，', ',', '、', '的'])
    {
        return clean_subject(before);
    }
    // 培训人数不少于800人次: a verb before a bare measure noun is part of the indicator's
    // name (参训人数, 服务人次, 改造面积), not an action on 人数; so is one before a short
    // rate (巡查覆盖率, 标准化建设率)
    let object = strip_loop(
        strip_loop(before.get(e..).unwrap_or(""), TRAILING, true),
        crate::targets::lexicon::LEVEL_VERBS,
        true,
    );
    if after_verb
        .as_deref()
        .is_some_and(|a| MEASURE_NOUNS.contains(&a))
        || (object.ends_with('率') && object.chars().count() <= 4)
    {
        let from = last_action(lead).map_or(0, |(_, e0)| e0);
        return clean_subject(before.get(from..).unwrap_or(""));
    }
    // 完成危桥改造20座: a verb touching the number after an earlier verb names the task
    // (危桥改造), it does not deliver it
    // — and so does one whose object is a bare one- or two-char noun (完成年度建设任务的
    // 30% → 年度建设任务, not 任务)
    if after_verb.as_ref().is_none_or(|a| a.chars().count() <= 2) {
        if let Some((_, e0)) = last_action(lead) {
            if let Some(task) = clean_subject(before.get(e0..).unwrap_or("")) {
                return Some(task);
            }
        }
    }
    if after_verb.is_some() && WORKS_ON.contains(&v) {
        if let Some(whole) = worked_object(before, e - v.len()) {
            return Some(whole);
        }
    }
    after_verb.or_else(|| clean_subject(lead))
}

/// 改造城镇老旧小区房屋2.7万套: a verb that works on what is there (its words end at `at`) stays
/// with its object — when it governs it: after nothing, a break or another verb (新建改造提升…),
/// not inside a compound noun (棚户区改造安置房, 社区改造省级项目).
fn worked_object(before: &str, at: usize) -> Option<String> {
    let mut from = at;
    while let Some(w) = WORKS_ON.iter().find(|w| before[..from].ends_with(**w)) {
        from -= w.len();
    }
    let lead = strip_loop(&before[..from], LEADING, true);
    let governs = names_nothing(lead)
        || lead.len() < from
        || ["开工", "新开工", "启动", "新建", "建设", "维修", "提质"]
            .iter()
            .any(|w| lead.ends_with(w));
    clean_subject(&before[from..]).filter(|_| governs)
}

/// The items of a subject that a 分别 list distributes over `n` values, in order: `一产、二产、三产增加值`
/// over three values → 一产 / 二产 / 三产增加值 (the last item runs on to the shared head noun).
/// `None` unless the subject lists exactly `n` items.
pub fn distribute(subject: &str, n: usize) -> Option<Vec<String>> {
    if n < 2 || subject.contains(['“', '"', '(', '（']) {
        return None;
    }
    let sep = if subject.contains('、') {
        &['、'][..]
    } else {
        &['和', '及', '与'][..]
    };
    let items: Vec<&str> = subject.split(sep).map(str::trim).collect();
    let whole = |s: &str| {
        WHOLE_WORDS
            .iter()
            .any(|w| w.contains(['和', '及']) && s.contains(w))
    };
    (items.len() == n && items.iter().all(|i| !i.is_empty()) && !whole(subject))
        .then(|| items.into_iter().map(str::to_string).collect())
}

/// Is `s` a noun phrase that a state can be said of (`学生资助政策`), not an adverb, a place
/// phrase or a heading marker?
fn names_a_holder(s: &str) -> bool {
    let s = strip_loop(strip_loop(s, LEADING, false), COVERAGE_VERBS, false);
    s.chars().count() >= 2
        && s.starts_with(|c: char| is_han(c) && !"在对以从向于为把将".contains(c))
        && !s.contains(['，', ','])
}

/// Verbs that open or close the words before a coverage, zero or class cue without naming what
/// is covered: `实现…全覆盖`, `推动…全覆盖`, `…建设实现全覆盖`, `确保不发生…`, `保持…Ⅱ类`.
const COVERAGE_VERBS: &[&str] = &[
    "基本实现",
    "全面实现",
    // a level held (水质稳定保持在Ⅱ类及以上, 保持黄河干流Ⅱ类水质)
    "稳定保持在",
    "保持在",
    "保持",
    "稳定在",
    "稳定",
    "实现",
    "推动",
    "推进",
    "完成",
    "达到",
    "做到",
    "确保",
    "力争",
    "基本",
    "全面",
    "扎实推进",
    // 高风险机构动态清零: how the zero is kept, not what is cleared
    "动态",
];

/// What a coverage or zero cue covers, from the words before it (time phrases and heading markers
/// already cut off): `年内实现村级养老服务站点` → `村级养老服务站点`, `紧密型县域医共体建设实现` →
/// `紧密型县域医共体建设`. At most 24 chars from the end; empty when nothing is left.
pub fn coverage_subject(before: &str) -> String {
    // the cue in quotes (实现“零增长”): the opening quote is no part of the subject
    let before = before.trim_end().trim_end_matches(['“', '"', '‘', '\'']);
    // 实现三个“零误差”: how many zero goals is no part of what they cover
    let numeral = |c: char| "一二两三四五六七八九十".contains(c);
    let before = match before.strip_suffix(['个', '项']) {
        Some(s) if s.ends_with(numeral) => s.trim_end_matches(numeral),
        _ => before,
    };
    // 5G演进网络县级全覆盖、千兆光网行政村全覆盖: each coverage names its own
    let before = match before.rfind("覆盖") {
        Some(i) => before[i + "覆盖".len()..].trim_start_matches(['、', '，', ',', ' ']),
        None => before,
    };
    // 前3天内完成首次空间灭蚊全覆盖: what the last verb governs is what is covered
    // … but 学生资助政策实现所有学段…全覆盖: what 实现 attains is said of the noun before it
    // (not of an adverb, a place phrase or a heading marker: 基本实现…, 在城镇社区实现…)
    let before = match last_action(before) {
        Some(("实现", e)) if names_a_holder(&before[..e - "实现".len()]) => {
            &before[..e - "实现".len()]
        }
        Some((_, e)) if before[e..].trim().chars().count() >= 2 => &before[e..],
        _ => before,
    };
    let s = strip_loop(before, LEADING, false);
    let s = strip_loop(s, COVERAGE_VERBS, false);
    let s = strip_loop(s, LEADING, false);
    let s = strip_loop(s, COVERAGE_VERBS, true);
    // 3天内要完成全覆盖: the time limit and the modal say when, not what
    let s = strip_loop(without_time_limit(s), &["要", "需", "应", "须"], true);
    // 以县(市、区)为单位全覆盖: the unit of coverage, not what is covered
    let s = match s.find("为单位") {
        Some(i) if s.starts_with('以') => &s[i + "为单位".len()..],
        _ => s,
    };
    // 企业数量较2020年实现翻番: the base year is no part of what doubles
    let s = strip_base_year(s);
    // 开展一次成蚊灭杀: how often is no part of the work
    let s = match s.char_indices().nth(1) {
        Some((i, c))
            if "次轮遍".contains(c)
                && s[..i].chars().all(|d| "一二两三四五六七八九十".contains(d)) =>
        {
            &s[i + c.len_utf8()..]
        }
        _ => s,
    };
    tidy(tail(s, 24)).unwrap_or_default()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn subjects_for_both_word_orders() {
        for (before, after, want) in [
            (
                "创建市教育装备管理应用示范校",
                "",
                Some("市教育装备管理应用示范校"),
            ),
            ("学生体质健康优良率达", "", Some("学生体质健康优良率")),
            (
                "评选",
                "基础工作规范扎实、堡垒作用示范明显的学校党组织",
                Some("学校党组织"),
            ),
            ("组建", "优质教育集群", Some("优质教育集群")),
            (
                "普惠性幼儿园覆盖率保持",
                "的要求",
                Some("普惠性幼儿园覆盖率"),
            ),
            ("、校企一体化教学工作站", "", Some("校企一体化教学工作站")),
            ("城镇调查失业率", "", Some("城镇调查失业率")),
            ("及格率达到", "", Some("及格率")),
            ("规上工业增加值", "", Some("规上工业增加值")),
            (
                "数字经济核心产业增加值占GDP比重达到",
                "",
                Some("数字经济核心产业增加值占GDP比重"),
            ),
            ("及时率达到", "", Some("及时率")),
            ("普惠率较上年增加", "", Some("普惠率")),
            ("治理率较2020年提高", "", Some("治理率")),
            ("建设再生资源回收站点", "", Some("再生资源回收站点")),
            ("落实公办园覆盖率不低于", "且只增不减", Some("公办园覆盖率")),
            ("年内争创 ", " 省优质园", Some("省优质园")),
            ("城镇新增就业", "", Some("城镇新增就业")),
            ("全年新增", "规上工业企业", Some("规上工业企业")),
            ("新增托位", "", Some("托位")),
            ("完成危桥改造", "", Some("危桥改造")),
            ("完成年度建设任务的", "", Some("年度建设任务")),
            ("文物安全巡查覆盖率达到", "", Some("文物安全巡查覆盖率")),
            ("村级集体经济收入全部达到", "", Some("村级集体经济收入")),
            ("立案查处违法行为", "", Some("违法行为")),
            (
                "完成110千伏变电站",
                "建设,改造老旧小区",
                Some("110千伏变电站"),
            ),
            ("村卫生室标准化建设率达到", "", Some("村卫生室标准化建设率")),
            ("实施省重点建设项目", "", Some("省重点建设项目")),
            ("城镇老旧小区改造", "", Some("城镇老旧小区")),
            // a recurrence word is the target's `recurrence`, not part of what is measured
            ("城乡居民收入年均增长", "", Some("城乡居民收入")),
            ("教师家访每学期不少于", "", Some("教师家访")),
            ("学生体育活动时间每天不少于", "", Some("学生体育活动时间")),
            ("培训人数不少于", "", Some("培训人数")),
            ("完成改造面积", "", Some("改造面积")),
            (
                "城乡居民人均可支配收入分别增长",
                "",
                Some("城乡居民人均可支配收入"),
            ),
            (
                "氮氧化物和挥发性有机物排放总量分别比2023年下降",
                "",
                Some("氮氧化物和挥发性有机物排放总量"),
            ),
            ("", "", None),
        ] {
            assert_eq!(subject(before, after).as_deref(), want, "{before}|{after}");
        }
    }

    /// The words after a number name one thing up to the next number: a coordination without a
    /// second number and a class after 等 stay whole.
    #[test]
    fn words_after_a_number() {
        for (after, want) in [
            ("讲座和家长课堂", "讲座和家长课堂"),
            ("示范基地和2个实训中心", "示范基地"),
            ("省优质园和", "省优质园"),
            (
                "“苏教名家”、省特级教师、省正高级教师等高层次人才",
                "高层次人才",
            ),
            // a verb closing a plain noun phrase is the work on what is counted
            ("学校巡查", "学校"),
            ("示范村创建", "示范村"),
            ("学校遴选和年度建设", "学校遴选和年度建设"),
            (
                "学校“作业提质、课堂提效、教研提档、服务提标”",
                "学校“作业提质、课堂提效、教研提档、服务提标”",
            ),
        ] {
            assert_eq!(subject("", after).as_deref(), Some(want), "{after}");
        }
        // 各 before the number is distributive, not part of the subject
        assert_eq!(
            subject("新增省级、市级示范校各", "").as_deref(),
            Some("省级、市级示范校")
        );
    }

    /// Every recurrence word of the lexicon is stripped from a subject's end (the target keeps it
    /// as its `recurrence`), after the change words that can follow it and before the 均 that
    /// ends 年均.
    #[test]
    fn trailing_strips_every_recurrence_word() {
        let at = |w: &str| TRAILING.iter().position(|t| *t == w);
        for (w, _) in crate::targets::lexicon::RECURRENCE {
            let i = at(w).unwrap_or_else(|| panic!("{w} is not in TRAILING"));
            assert!(i > at("增长").unwrap() && i < at("均").unwrap(), "{w}");
        }
    }

    #[test]
    fn overlapping_and_retiring_verbs() {
        for (before, after, want) in [
            ("力争创建国家5A级旅游景区", "", Some("国家5A级旅游景区")),
            (
                "淘汰国三及以下排放标准营运柴油货车",
                "",
                Some("国三及以下排放标准营运柴油货车"),
            ),
            ("关停退出燃煤锅炉", "", Some("燃煤锅炉")),
            ("新增和更新新能源公交车", "", Some("更新新能源公交车")),
            ("改造提升镇敬老院", "", Some("改造提升镇敬老院")),
            ("实施城市更新项目", "", Some("城市更新项目")),
        ] {
            assert_eq!(subject(before, after).as_deref(), want, "{before}|{after}");
        }
        assert_eq!(last_action("力争创建"), Some(("创建", "力争创建".len())));
        assert_eq!(
            last_action("中小学创建成为"),
            Some(("创建", "中小学创建".len()))
        );
    }

    #[test]
    fn coverage_subjects_lose_their_verbs() {
        for (before, want) in [
            ("紧密型县域医共体建设实现", "紧密型县域医共体建设"),
            ("实现村级养老服务站点", "村级养老服务站点"),
            (
                "完成全市危险化学品企业安全风险评估",
                "全市危险化学品企业安全风险评估",
            ),
            ("确保全年", ""),
            ("推动内部审计", "内部审计"),
            ("新增违法建设实现“", "新增违法建设"),
            ("实现三个“", ""),
            ("离任审计100%", "离任审计100%"),
            ("", ""),
        ] {
            assert_eq!(coverage_subject(before), want, "{before}");
        }
    }

    /// A share of a base, a bracket, a class after a list, a verb inside a quoted name, a verb
    /// after the number, a relative time limit: none of them is what is measured.
    #[test]
    fn subjects_by_clause_structure() {
        for (before, after, want) in [
            (
                "确保每年教师交流人数不少于应交流人数的",
                "",
                Some("教师交流人数"),
            ),
            (
                "国家卫生城市数量提高到全国城市总数的",
                "",
                Some("国家卫生城市数量"),
            ),
            ("现场流调组(", "", Some("现场流调组")),
            (
                "改造城市供排水、燃气、供热等管网",
                "",
                Some("改造城市供排水、燃气、供热等管网"),
            ),
            (
                "核心区全覆盖成蚊杀灭(确保3天内成蚊密度ADI",
                "",
                Some("成蚊密度ADI"),
            ),
            (
                "引进学科竞赛、教育教学、艺术体育等高层次人才和知名教师",
                "",
                Some("高层次人才和知名教师"),
            ),
            (
                "评选“新时代教师队伍建设先进学校”",
                "",
                Some("“新时代教师队伍建设先进学校”"),
            ),
            ("实现家长学校", "覆盖", Some("家长学校")),
            (
                "各中小学确保",
                "开展每天阳光体育锻炼",
                Some("每天阳光体育锻炼"),
            ),
            ("产能", "建成试运转", Some("产能")),
        ] {
            assert_eq!(subject(before, after).as_deref(), want, "{before}|{after}");
        }
    }

    #[test]
    fn an_end_state_loses_its_evaluation() {
        assert_eq!(
            end_state("与社会主义现代化国家相适应的健康国家"),
            "健康国家"
        );
        assert_eq!(
            end_state("起覆盖全国、较为完善的紧急医学救援网络"),
            "紧急医学救援网络"
        );
        assert_eq!(end_state("规范的课堂"), "规范的课堂");
        assert_eq!(tidy("万及以下和"), None);
        assert_eq!(
            code_of(Some("BI"), Some("幼虫密度BI")).as_deref(),
            Some("幼虫密度BI")
        );
        assert_eq!(code_of(Some("农田"), Some("高标准农田")), None);
        assert_eq!(
            subject("所有入户工作要在疫情接报后 ", "完成").as_deref(),
            Some("入户工作")
        );
        assert_eq!(subject("打造", "和美乡村").as_deref(), Some("和美乡村"));
    }

    #[test]
    fn respectively_distributes_listed_items() {
        let got = distribute("一产、二产、三产增加值", 3);
        assert_eq!(
            got,
            Some(vec!["一产".into(), "二产".into(), "三产增加值".into()])
        );
        let got = distribute("机构内集中养育和社会散居孤儿津贴标准", 2);
        assert_eq!(got.map(|v| v[0].clone()).as_deref(), Some("机构内集中养育"));
        assert_eq!(distribute("城乡居民人均可支配收入", 2), None);
        assert_eq!(distribute("一产、二产、三产增加值", 2), None);
    }

    #[test]
    fn each_coverage_names_its_own() {
        assert_eq!(
            coverage_subject("力争5G演进网络县级全覆盖、千兆光网行政村"),
            "千兆光网行政村"
        );
        assert_eq!(coverage_subject("扎实推进高风险机构动态"), "高风险机构");
        assert_eq!(
            coverage_subject("对核心区在疫情处置的前 3 天内完成首次空间灭蚊"),
            "首次空间灭蚊"
        );
        assert_eq!(
            coverage_subject("学生资助政策实现所有学段、公民办学校、家庭经济困难学生"),
            "学生资助政策"
        );
    }

    /// A verb that works on what is there stays with its object; a compound verb after the noun,
    /// an illegal building, a bracketed measure word and an old level are no part of a subject.
    #[test]
    fn verbs_that_work_on_what_is_there() {
        for (before, after, want) in [
            ("改造城镇老旧小区房屋", "", Some("改造城镇老旧小区房屋")),
            ("新建改造提升高标准农田", "", Some("改造提升高标准农田")),
            ("治理沙化土地", "", Some("治理沙化土地")),
            ("拆除违法建设", "", Some("拆除违法建设")),
            ("推动建设超", "(个)幸福河湖", Some("幸福河湖")),
            ("、280元提高到", "", None),
            (
                "引育",
                "具有脑机接口核心技术与产品研发能力的自主创新企业",
                Some("具有脑机接口核心技术与产品研发能力的自主创新企业"),
            ),
            (
                "全省320家承包或委托经营的中小学食堂、",
                "学生集体用餐配送单位实现全流程检查评价",
                Some("学生集体用餐配送单位"),
            ),
        ] {
            assert_eq!(subject(before, after).as_deref(), want, "{before}|{after}");
        }
        assert_eq!(tidy("280元"), None);
        for (s, want) in [
            ("5个以上紧密型城市医疗集团、区级覆盖率", "区级覆盖率"),
            ("1000处信号灯联网", "信号灯联网"),
            ("1000处信号灯联网、累计", "信号灯联网、累计"),
            (
                "10.发放城镇住房保障家庭租赁补贴",
                "发放城镇住房保障家庭租赁补贴",
            ),
            ("7.实施公路安全生命防护工程", "公路安全生命防护工程"),
            ("12345热线群众诉求满意率", "12345热线群众诉求满意率"),
            ("750千伏和330千伏电网工程", "750千伏和330千伏电网工程"),
            ("5G-A基站", "5G-A基站"),
        ] {
            assert_eq!(tidy(s).as_deref(), Some(want), "{s}");
        }
        for (before, want) in [
            (
                "困难残疾人生活补贴、重度残疾人护理补贴标准分别从每人",
                "困难残疾人生活补贴、重度残疾人护理补贴标准",
            ),
            ("保费由每生每年5元提高至", "保费"),
            (
                "集中供养孤儿基本生活保障省定最低标准从每人每月2375元提高到",
                "集中供养孤儿基本生活保障省定最低标准",
            ),
        ] {
            assert_eq!(subject(before, "").as_deref(), Some(want), "{before}");
        }
        assert_eq!(
            subject("推进", "省级重点项目、完成投资").as_deref(),
            Some("省级重点项目")
        );
        assert_eq!(
            subject("完成", "入户队伍组建和培训").as_deref(),
            Some("入户队伍组建和培训")
        );
    }

    /// A long subject is cut at a list break, never inside a word; a base year, a time limit, a
    /// modal and the unit of coverage are no part of what is covered.
    #[test]
    fn coverage_subjects_without_time_base_or_unit() {
        assert_eq!(
            coverage_subject(
                "每万人口高价值发明专利拥有量、国家级专精特新“小巨人”企业数量较2020年实现"
            ),
            "每万人口高价值发明专利拥有量、国家级专精特新“小巨人”企业数量"
        );
        assert_eq!(
            coverage_subject(
                "全市每万人口高价值发明专利拥有量、国家级专精特新“小巨人”企业数量较2020年实现"
            ),
            "国家级专精特新“小巨人”企业数量"
        );
        assert_eq!(coverage_subject("3 天内要完成"), "");
        assert_eq!(
            coverage_subject("核心区前 3 天每天至少开展一次成蚊灭杀"),
            "成蚊灭杀"
        );
        assert_eq!(coverage_subject("基本实现以县(市、区)为单位"), "");
    }

    #[test]
    fn evaluation_before_de_goes() {
        for (s, want) in [
            (
                "优质高效的整合型医疗卫生服务体系和完善的全民健身公共服务体系",
                "整合型医疗卫生服务体系和完善的全民健身公共服务体系",
            ),
            (
                "协调统一的数字经济治理框架和规则体系",
                "数字经济治理框架和规则体系",
            ),
            (
                "统一公平、竞争有序、成熟完备的数字经济现代市场体系",
                "数字经济现代市场体系",
            ),
            (
                "健康城市、健康村镇建设的示范市和示范村镇",
                "健康城市、健康村镇建设的示范市和示范村镇",
            ),
        ] {
            assert_eq!(end_state(s), want);
        }
    }

    #[test]
    fn last_action_prefers_the_latest_verb() {
        assert_eq!(
            last_action("推进建设并评选"),
            Some(("评选", "推进建设并评选".len()))
        );
        assert_eq!(last_action("覆盖率"), None);
    }
}
