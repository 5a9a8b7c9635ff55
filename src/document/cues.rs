//! Document-element cues (docs/domain.md#elements): titles, notices, signatures, dates, 文号,
//! 主送/附件/抄送, plan-period words.
//!
//! Patterns run on one trimmed line of the folded working copy (full-width ASCII is half-width:
//! `：` is `:`, `（` is `(`, `［` is `[`). Each row carries an example it must match and a
//! counter-example it must not, checked by the test below.

use crate::rx::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cue {
    /// `XX关于印发《…》的通知` — group `issuer` is what precedes 关于.
    NoticeTitle,
    /// `XX办公室印发《…` — a forwarding title, also when a web page cut it off.
    ForwardTitle,
    /// A plan title: ends with a plan-type word, optionally a period or a status in brackets.
    PlanTitle,
    /// A plan title glued to the first sentence (text that lost its line breaks).
    GluedPlanTitle,
    /// 成文日期 in Arabic numerals, a line of its own.
    DateArabic,
    /// 成文日期 in Chinese numerals (`二〇二三年三月一日`, also with ○ / O as zero).
    DateCjk,
    /// A signature and its date on one line (`某县人民政府办公室  2023年3月1日`).
    SignedDate,
    /// The date line under a 政府工作报告 title (`——2023年1月10日在…会议上`, also without the
    /// dash or in brackets), group `place` the region whose congress heard it.
    ReportDate,
    /// A date in page metadata (`发布日期: 2022-03-07`, `成文日期：2023年01月05日`).
    MetaDate,
    /// 发文字号 in any bracket style.
    DocNumber,
    /// 附件说明: `附件:` followed by a name on the same line.
    AttachmentNote,
    /// An attachment itself begins: `附件` / `附件2` / `附件:` alone.
    AttachmentStart,
    /// A numbered continuation line of the 附件 list.
    AttachmentItem,
    /// 抄送 block start.
    Cc,
    /// 印发机关和印发日期.
    Printed,
    /// 发文机关标志 (`中共××区委 ××区人民政府文件`).
    IssuerMark,
    /// The forwarding sentence of a notice (`现将《X》印发给你们`).
    Forwarding,
    /// 附注 and contact lines after a signature.
    Note,
    /// 份号, 密级, 紧急程度 lines of the 版头.
    Header,
    /// Closing formulas of a notice (`特此通知。`).
    Closing,
    /// A table of contents heading.
    Toc,
    /// A 政府工作报告 speaker line (`××市人民政府市长 张三`).
    Speaker,
    /// `2023年是…` at the start of a preamble: the plan year.
    PreambleYear,
    /// The government a report's speaker represents (`我代表省人民政府`), group `org`.
    Represents,
    /// A line of brackets under a plan title that belongs to it: the period, the draft status
    /// (`（2020-2022）`, `（征求意见稿）`, both on one line).
    TitlePart,
    /// A publication note under a title (`（2016年10月25日 中共中央、国务院发布）`): the date and
    /// the issuing bodies (group `orgs`).
    IssuedNote,
}

pub struct CueRule {
    /// Which cue the row is: the table is indexed by position, and the tests check that the
    /// row at `i` names cue `i`.
    #[cfg_attr(not(test), allow(dead_code))]
    pub cue: Cue,
    pub pattern: &'static str,
    /// Length limits checked on a match: (group, at most this many chars). They stand in for
    /// bounded repetitions in the pattern (`.{0,60}?` written `.*?` plus `("issuer", 60)`),
    /// which cost the compiler one copy of the repeated class per count: the pipeline's patterns
    /// compiled in 14 ms natively with them and the page's worker pays ~10× that before its first
    /// result (see [`crate::rx`]). A limited group that opens the line with a lazy `*?` gives
    /// exactly the bounded pattern's answer (the shortest such prefix is found first); a greedy one
    /// in the middle can differ only on lines longer than its limit.
    pub limits: &'static [(&'static str, usize)],
    /// Every line the row matches ends with one of these (empty: no such rule). Checked before
    /// the pattern, because a pattern anchored at both ends whose start takes any char
    /// (`^\S.+?\s+…日$`) reads every line to its end before it fails: on a long text that was a
    /// third of the element stage's time (`cargo bench --bench pipeline`).
    pub ends_with: &'static [&'static str],
    /// A line the row must match and one it must not (the tests below read them), test-only
    /// like [`crate::input::furniture::FurnitureRule::example`]'s.
    #[cfg(test)]
    pub example: &'static str,
    #[cfg(test)]
    pub counter: &'static str,
}

/// Words that end a notice title (the 15 文种 and their common forms).
const NOTICE_KINDS: &str =
    "通知|意见|决定|报告|请示|批复|函|通报|纪要|决议|公告|通告|议案|公报|命令|通知书";

pub const CUES: &[CueRule] = &[
    CueRule {
        cue: Cue::NoticeTitle,
        pattern: r"^(?P<issuer>.*?)关于(?P<about>.+)的(?:通知|意见|决定|报告|请示|批复|函|通报|纪要|决议|公告|通告|议案|公报|命令|通知书)$",
        limits: &[("issuer", 60), ("about", 200)],
        ends_with: &[],
        #[cfg(test)]
        example:
            "常州市武进区人民政府关于印发《武进区教育高质量发展三年行动方案（2022-2024年）》的通知",
        #[cfg(test)]
        counter: "关于印发方案的具体要求如下",
    },
    CueRule {
        cue: Cue::ForwardTitle,
        pattern: r"^(?P<issuer>.*?)(?:关于)?(?:印发|转发|批转|下达|公布)\s*《",
        limits: &[("issuer", 60)],
        ends_with: &[],
        #[cfg(test)]
        example: "省政府办公厅印发《关于加快推进交通强省建设的实施方案》的通知",
        #[cfg(test)]
        counter: "现将《方案》印发给你们",
    },
    CueRule {
        cue: Cue::PlanTitle,
        pattern: r"(?:工作要点|工作计划|要点|计划|行动方案|实施方案|工作方案|方案|规划|纲要|行动计划|实施意见|指导意见|实施细则|办法|工作报告|报告|工作安排|任务清单|清单|若干措施|工作措施|措施|攻坚行动|专项行动|行动|重点工作|任务分工|责任分工|指引|指南|导则)\s*(?:\(\s*(?:(?:19|20)\d{2}\s*(?:[-—–~至]\s*(?:19|20)\d{2})?\s*年?度?|征求意见稿|试行|暂行|修订稿?|草案|送审稿)\s*\)\s*){0,2}$",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "武进区教育高质量发展三年行动方案（2022-2024年）",
        #[cfg(test)]
        counter: "加快编制规划的通知",
    },
    CueRule {
        cue: Cue::GluedPlanTitle,
        pattern: r"^(?P<t>(?P<lead>[^。,;:]{2,}?)(?:工作要点|工作计划|行动方案|实施方案|工作方案|行动计划|发展规划|实施意见|政府工作报告))[^。,;:、的和与]",
        limits: &[("lead", 40)],
        ends_with: &[],
        #[cfg(test)]
        example: "全市教育工作要点Xxxx是全面建设小康社会的一年。",
        #[cfg(test)]
        counter: "全市教育工作要点,是指导全年工作的文件。",
    },
    CueRule {
        cue: Cue::DateArabic,
        pattern: r"^\(?\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*\)?$",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "2023年4月21日",
        #[cfg(test)]
        counter: "2023年4月21日前完成",
    },
    CueRule {
        cue: Cue::DateCjk,
        pattern: r"^\(?\s*(?P<y>[〇○零OoОО一二三四五六七八九]{4})\s*年\s*(?P<m>[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>[一二三四五六七八九十]{1,3})\s*日\s*\)?$",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "二〇二三年三月十一日",
        #[cfg(test)]
        counter: "二〇二三年三月底前",
    },
    CueRule {
        cue: Cue::SignedDate,
        pattern: r"^(?P<org>\S.+?)\s+(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日$",
        limits: &[("org", 61)],
        ends_with: &["日"],
        #[cfg(test)]
        example: "某县人民政府办公室　　2023年3月1日",
        #[cfg(test)]
        counter: "某县人民政府办公室　　2023年3月1日印发",
    },
    CueRule {
        cue: Cue::ReportDate,
        pattern: r"^[(—\-―]{0,2}\s*(?P<y>(?:19|20)\d{2}|[〇○零一二三四五六七八九]{4})\s*年\s*(?P<m>\d{1,2}|[一二三四五六七八九十]{1,2})\s*月\s*(?P<d>\d{1,2}|[一二三四五六七八九十]{1,3})\s*日\s*在\s*(?:(?P<place>[\u{2E80}-\u{2FDF}\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{3134F}]+?)第?[一二三四五六七八九十\d]+届)?(?:\S*?人民代表大会|\s*$)",
        limits: &[("place", 20)],
        ends_with: &[],
        #[cfg(test)]
        example: "——2023年1月10日在杭州市第十四届人民代表大会第三次会议上",
        #[cfg(test)]
        counter: "2023年1月10日在杭州召开",
    },
    CueRule {
        cue: Cue::MetaDate,
        pattern: r"(?:发布日期|发布时间|发文日期|成文日期|日期|时间)\s*:\s*(?P<y>(?:19|20)\d{2})\s*[-/.年]\s*(?P<m>\d{1,2})\s*[-/.月]\s*(?P<d>\d{1,2})",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "发布日期: 2022-03-07    来源:教育局",
        #[cfg(test)]
        counter: "发布日期:",
    },
    CueRule {
        cue: Cue::DocNumber,
        pattern: r"(?P<code>[\u{2E80}-\u{2FDF}\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{3134F}A-Za-z]{1,15})\s*[〔\[【(]\s*(?P<y>(?:19|20)\d{2})\s*[〕\]】)]\s*(?P<n>\d{1,4})\s*号",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "锡惠教发〔2022〕1号",
        #[cfg(test)]
        counter: "2022年1号文件",
    },
    CueRule {
        cue: Cue::AttachmentNote,
        pattern: r"^附\s*件\s*(?P<no>\d{0,2})\s*:\s*(?P<rest>\S.*)$",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "附件：1.重点项目清单",
        #[cfg(test)]
        counter: "附件:",
    },
    CueRule {
        cue: Cue::AttachmentStart,
        pattern: r"^附\s*件\s*\d{0,2}\s*:?$",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "附件2",
        #[cfg(test)]
        counter: "附件:项目表",
    },
    CueRule {
        cue: Cue::AttachmentItem,
        pattern: r"^\d{1,2}\s*[.、]\s*(?P<name>\S.*)$",
        limits: &[("name", 81)],
        ends_with: &[],
        #[cfg(test)]
        example: "2.2023年重点项目表",
        #[cfg(test)]
        counter: "二、重点任务",
    },
    CueRule {
        cue: Cue::Cc,
        pattern: r"^抄\s*送\s*:\s*(?P<rest>.*)$",
        limits: &[("name", 80)],
        ends_with: &[],
        #[cfg(test)]
        example: "抄送：市委办公室，市人大常委会办公室。",
        #[cfg(test)]
        counter: "抄送材料",
    },
    CueRule {
        cue: Cue::Printed,
        pattern: r"^(?P<org>\S.*?)\s+(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*印发$",
        limits: &[("org", 41)],
        ends_with: &["印发"],
        #[cfg(test)]
        example: "财政部办公厅　　　　2022年3月15日印发",
        #[cfg(test)]
        counter: "2022年3月15日印发实施",
    },
    CueRule {
        cue: Cue::IssuerMark,
        pattern: r"^(?P<org>(?P<name>[\u{2E80}-\u{2FDF}\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{3134F}() ×]+?)(?:委员会|人民政府|政府|局|厅|委|办公室|办|部|院|中心))\s*文件$",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "中共××区委 ××区人民政府文件",
        #[cfg(test)]
        counter: "学习文件",
    },
    CueRule {
        cue: Cue::Forwarding,
        pattern: r"现(?:将|把|予)?《(?P<t>[^》]{2,})》",
        limits: &[("t", 120)],
        ends_with: &[],
        #[cfg(test)]
        example: "现将《无锡市惠山区2022年教育工作要点》印发给你们,请认真贯彻落实。",
        #[cfg(test)]
        counter: "认真学习《纲要》精神",
    },
    CueRule {
        cue: Cue::Note,
        pattern: r"^\((?:此件|本件)[^)]{0,12}\)$|^\([^()]{0,30}?(?:盖章|印章|公章|签章|代章)\)$|^\(?(?:联系人|联系电话|联系方式|咨询电话|传真|电子邮箱|邮箱)\s*:",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "（此件公开发布）",
        #[cfg(test)]
        counter: "(一)此件要点",
    },
    CueRule {
        cue: Cue::Header,
        pattern: r"^(?:\d{6}|(?:绝密|机密|秘密)(?:\s*★.{0,8})?|特急|加急|特提|平急|内部资料.{0,6}|此件不公开|主动公开|依申请公开|不予公开|不公开|免予公开)$",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "秘密★1年",
        #[cfg(test)]
        counter: "秘密通道",
    },
    CueRule {
        cue: Cue::Closing,
        pattern: r"^(?:特此通知|特此通报|特此函告|特此批复|妥否,?请批示)[。.]?$",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "特此通知。",
        #[cfg(test)]
        counter: "特此通知各单位做好准备。",
    },
    CueRule {
        cue: Cue::Toc,
        pattern: r"^目\s*录$",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "目  录",
        #[cfg(test)]
        counter: "目录管理",
    },
    CueRule {
        cue: Cue::Speaker,
        pattern: r"^(?P<org>(?P<place>[\u{2E80}-\u{2FDF}\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{3134F}]{2,}?)(?:人民政府)?)(?:代理)?(?:市长|省长|县长|区长|州长|旗长|主席)\s+[\u{2E80}-\u{2FDF}\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{3134F}·]{2,5}$",
        limits: &[("place", 20)],
        ends_with: &[],
        #[cfg(test)]
        example: "杭州市人民政府市长 姚高员",
        #[cfg(test)]
        counter: "市长热线",
    },
    CueRule {
        cue: Cue::PreambleYear,
        pattern: r"^(?P<y>(?:19|20)\d{2})\s*年(?:是|,|为|,是)",
        limits: &[],
        ends_with: &[],
        #[cfg(test)]
        example: "2023年是全面贯彻落实党的二十大精神的开局之年",
        #[cfg(test)]
        counter: "2023年底前完成",
    },
    CueRule {
        cue: Cue::Represents,
        pattern: r"我代表(?P<org>[\u{2E80}-\u{2FDF}\u{3005}\u{3007}\u{3021}-\u{3029}\u{3038}-\u{303B}\u{3400}-\u{4DBF}\u{4E00}-\u{9FFF}\u{F900}-\u{FAFF}\u{20000}-\u{3134F}]*?人民政府)",
        limits: &[("org", 24)],
        ends_with: &[],
        #[cfg(test)]
        example: "现在,我代表省人民政府,向大会报告工作,请予审议。",
        #[cfg(test)]
        counter: "我代表全体师生表示感谢",
    },
    CueRule {
        cue: Cue::TitlePart,
        pattern: r"^(?:\(\s*(?:(?:19|20)\d{2}\s*(?:[-—–~至]\s*(?:19|20)\d{2})?\s*年?度?|征求意见稿|试行|暂行|修订稿?|草案|送审稿)\s*\)\s*){1,2}$",
        limits: &[],
        ends_with: &[")"],
        #[cfg(test)]
        example: "（2021-2023年）（征求意见稿）",
        #[cfg(test)]
        counter: "（2023年1月5日市政府第12次常务会议审议通过）",
    },
    CueRule {
        cue: Cue::IssuedNote,
        pattern: r"^\(\s*(?P<y>(?:19|20)\d{2})\s*年\s*(?P<m>\d{1,2})\s*月\s*(?P<d>\d{1,2})\s*日\s*(?P<orgs>[^()]+?)\s*(?:发布|印发)\s*\)$",
        limits: &[("orgs", 60)],
        ends_with: &[")"],
        #[cfg(test)]
        example: "（2016 年 10 月 25 日 中共中央、国务院发布）",
        #[cfg(test)]
        counter: "（2016年10月25日市政府常务会议审议通过）",
    },
];

fn compiled() -> &'static [Regex] {
    static RE: OnceLock<Vec<Regex>> = OnceLock::new();
    RE.get_or_init(|| {
        CUES.iter()
            .map(|r| crate::rx::new(r.pattern).expect("cue pattern"))
            .collect()
    })
}

/// The row of `cue`: CUES lists the cues in the enum's order (checked by a test), so the cue is
/// its index — this runs for every line and cue of a document.
fn row(cue: Cue) -> (&'static Regex, &'static CueRule) {
    let i = cue as usize;
    (&compiled()[i], &CUES[i])
}

/// The compiled pattern of `cue`, without its [`CueRule::limits`]: for a search whose every
/// match is re-checked with [`captures`] or [`is`].
pub fn re(cue: Cue) -> &'static Regex {
    row(cue).0
}

/// The groups of the first match of `cue` in `s`, when its groups are within the row's limits.
pub fn captures(cue: Cue, s: &str) -> Option<crate::rx::Captures<'_>> {
    let (re, rule) = row(cue);
    if !ends_right(rule, s) {
        return None;
    }
    captures_within(re, rule, s)
}

/// The groups of the first match of `re` (the pattern of `rule`), when within its limits.
fn captures_within<'h>(re: &Regex, rule: &CueRule, s: &'h str) -> Option<crate::rx::Captures<'h>> {
    let c = re.captures(s)?;
    let within = |(g, max): &(&str, usize)| {
        c.name(g)
            .is_none_or(|m| crate::rx::within(m.as_str(), *max))
    };
    rule.limits.iter().all(within).then_some(c)
}

/// Does `cue` match `s` (within the row's limits)?
pub fn is(cue: Cue, s: &str) -> bool {
    let (re, rule) = row(cue);
    // the DFA answers first: the groups are read only for the rare line that matches
    ends_right(rule, s)
        && re.is_match(s)
        && (rule.limits.is_empty() || captures_within(re, rule, s).is_some())
}

/// Does `s` end as the row's matches do ([`CueRule::ends_with`])?
fn ends_right(rule: &CueRule, s: &str) -> bool {
    rule.ends_with.is_empty() || rule.ends_with.iter().any(|e| s.ends_with(e))
}

/// Org-name endings of a signature line (one body; a joint line is split on spaces first).
pub const ORG_SUFFIX: &str = r"(?:委员会|人民政府|政府|局|厅|委|办公室|办|中心|学校|大学|学院|院|部|会|处|所|队|站|公司|集团|协会|联合会|工会|团委|工委|党委|党组|支部|小组|指挥部|署|司|室|中学|小学|幼儿园|中心校|医院|卫生院|中央)$";

fn org_suffix() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| crate::rx::new(ORG_SUFFIX).expect("org suffix"))
}

/// The bodies named on a signature-like line (`中共广汉市委教育工作委员会 广汉市教育局` → two),
/// or `None` when the line is not made of org names only.
pub fn org_names(line: &str) -> Option<Vec<&str>> {
    let s = line.trim();
    let n = s.chars().count();
    if !(2..=80).contains(&n) || s.contains(['。', ',', ':', ';', '、']) {
        return None;
    }
    let parts: Vec<&str> = s.split(' ').filter(|p| !p.is_empty()).collect();
    let ok = parts.iter().all(|p| {
        p.chars().count() >= 2
            && p.chars()
                .all(|c| crate::text::is_han(c) || "()·".contains(c))
            && org_suffix().is_match(p)
    });
    (ok && !parts.is_empty()).then_some(parts)
}

/// Five-year plan names and the years they cover.
pub const FIVE_YEAR: &[(&str, i32, i32)] = &[
    ("十一五", 2006, 2010),
    ("十二五", 2011, 2015),
    ("十三五", 2016, 2020),
    ("十四五", 2021, 2025),
    ("十五五", 2026, 2030),
];

/// Preamble phrases that give the plan year when the title has none (`结束十三五规划的一年` →
/// 2020): (pattern, year).
pub const YEAR_CUES: &[(&str, i32)] = &[
    (
        r"(?:结束|收官|最后一年|决胜).{0,6}十三五|十三五.{0,8}(?:收官|结束|最后一年)",
        2020,
    ),
    (r"十四五.{0,8}(?:开局|起步|第一年)|开局.{0,6}十四五", 2021),
    (r"十四五.{0,8}(?:第二年)", 2022),
    (r"十四五.{0,8}(?:承上启下|第三年|中期)", 2023),
    (r"十四五.{0,8}(?:第四年)", 2024),
    (
        r"(?:结束|收官|最后一年).{0,6}十四五|十四五.{0,8}(?:收官|结束|最后一年)",
        2025,
    ),
    (r"十五五.{0,8}(?:开局|起步|第一年)|开局.{0,6}十五五", 2026),
];

/// The first year cue found in `text`.
pub fn year_cue(text: &str) -> Option<i32> {
    static RE: OnceLock<Vec<(Regex, i32)>> = OnceLock::new();
    let res = RE.get_or_init(|| {
        YEAR_CUES
            .iter()
            .map(|(p, y)| (crate::rx::new(p).expect("year cue"), *y))
            .collect()
    });
    res.iter()
        .filter_map(|(re, y)| re.find(text).map(|m| (m.start(), *y)))
        .min_by_key(|(at, _)| *at)
        .map(|(_, y)| y)
}

/// Is `kind` one of the words that end a notice title?
pub fn is_notice_kind(title: &str) -> bool {
    NOTICE_KINDS.split('|').any(|k| title.ends_with(k))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::fold_str as folded;

    /// `row` indexes CUES by the cue.
    #[test]
    fn rows_are_in_the_enum_order() {
        for (i, rule) in CUES.iter().enumerate() {
            assert_eq!(rule.cue as usize, i, "{:?}", rule.cue);
        }
        assert_eq!(CUES.len(), Cue::IssuedNote as usize + 1);
    }

    #[test]
    fn every_row_has_a_working_example_and_counter_example() {
        for (i, rule) in CUES.iter().enumerate() {
            assert!(
                is(rule.cue, &folded(rule.example)),
                "row {i} {:?}: {:?}",
                rule.cue,
                rule.example
            );
            assert!(
                !is(rule.cue, &folded(rule.counter)),
                "row {i} {:?}: {:?}",
                rule.cue,
                rule.counter
            );
        }
    }

    /// The limits stand in for the bounds the patterns once had: an issuer of 61 chars, a
    /// forwarded title of 121, a signature body of 62 are over them.
    #[test]
    fn limits_hold_on_the_match() {
        let issuer = |n: usize| "某".repeat(n);
        assert!(is(
            Cue::NoticeTitle,
            &format!("{}关于印发《方案》的通知", issuer(60))
        ));
        assert!(!is(
            Cue::NoticeTitle,
            &format!("{}关于印发《方案》的通知", issuer(61))
        ));
        assert!(!is(
            Cue::ForwardTitle,
            &format!("{}印发《方案》", issuer(61))
        ));
        let fwd = |n: usize| format!("现将《{}》印发给你们", "名".repeat(n));
        assert!(captures(Cue::Forwarding, &fwd(120)).is_some());
        assert!(captures(Cue::Forwarding, &fwd(121)).is_none());
        let signed = |n: usize| format!("{}局 2023年3月1日", "某".repeat(n));
        assert!(is(Cue::SignedDate, &signed(60)));
        assert!(!is(Cue::SignedDate, &signed(61)));
        // the row without limits is the bare pattern
        assert_eq!(is(Cue::Toc, "目 录"), re(Cue::Toc).is_match("目 录"));
    }

    /// `ends_with` is a necessary condition: only on rows anchored at the end, and their
    /// examples end so.
    #[test]
    fn ends_with_rows_are_end_anchored() {
        for rule in CUES.iter().filter(|r| !r.ends_with.is_empty()) {
            assert!(rule.pattern.ends_with('$'), "{:?}", rule.cue);
            assert!(ends_right(rule, &folded(rule.example)), "{:?}", rule.cue);
            assert!(
                !is(rule.cue, &format!("{}。", folded(rule.example))),
                "{:?}",
                rule.cue
            );
        }
    }

    #[test]
    fn org_lines() {
        assert_eq!(
            org_names("中共广汉市委教育工作委员会 广汉市教育局"),
            Some(vec!["中共广汉市委教育工作委员会", "广汉市教育局"])
        );
        assert_eq!(
            org_names("无锡市惠山区教育局"),
            Some(vec!["无锡市惠山区教育局"])
        );
        assert_eq!(org_names("XX县卫生健康委员会"), None);
        assert_eq!(
            org_names("县卫生健康委员会"),
            Some(vec!["县卫生健康委员会"])
        );
        assert_eq!(org_names("加强党的建设。"), None);
        assert_eq!(org_names("总体要求"), None);
        assert_eq!(org_names("某某实验中学"), Some(vec!["某某实验中学"]));
        assert_eq!(org_names("某县人民医院"), Some(vec!["某县人民医院"]));
    }

    #[test]
    fn year_cues_one_per_row() {
        assert_eq!(
            year_cue("是全面建设小康社会、结束十三五规划的一年"),
            Some(2020)
        );
        assert_eq!(year_cue("今年是“十四五”开局之年"), Some(2021));
        assert_eq!(year_cue("今年是“十四五”规划实施的第二年"), Some(2022));
        assert_eq!(year_cue("是“十四五”规划承上启下的关键之年"), Some(2023));
        assert_eq!(year_cue("是“十四五”规划实施的第四年"), Some(2024));
        assert_eq!(year_cue("是“十四五”规划收官之年"), Some(2025));
        assert_eq!(year_cue("是“十五五”开局之年"), Some(2026));
        assert_eq!(year_cue("全面贯彻党的二十大精神"), None);
        assert_eq!(YEAR_CUES.len(), 7);
    }

    #[test]
    fn plan_title_words() {
        for t in [
            "某市2023年教育工作要点",
            "某县优化营商环境若干措施",
            "某区2023年城市更新攻坚行动",
            "某市2024年重点工作",
            "某市“十四五”卫生健康规划",
            "某省制造业高质量发展三年行动计划(2023-2025年)",
            "某县农村人居环境整治实施方案(试行)",
            "某市2023年政府工作报告任务分工",
        ] {
            let f = crate::text::fold_str(t);
            assert!(re(Cue::PlanTitle).is_match(&f), "{t}");
        }
        for t in ["加强组织领导", "各区人民政府", "2023年3月1日"] {
            assert!(!re(Cue::PlanTitle).is_match(t), "{t}");
        }
    }

    #[test]
    fn notice_kinds() {
        assert!(is_notice_kind("关于印发X的通知"));
        assert!(!is_notice_kind("X工作要点"));
    }
}
