//! Furniture: what a page prints around the plan — web-page chrome (menus, breadcrumbs, article
//! metadata, widgets, footers), print furniture and archive disclaimers (docs/domain.md#furniture,
//! #pdf). (The page's own UI frame is the `web` shell, a different thing.)
//!
//! Each row names what a line is when it matches. Patterns run on one trimmed line of the folded
//! working copy (full-width ASCII already half-width, so `：` is `:` here).
//!
//! - [`Furniture::Print`] lines (page numbers, `（下转第2版）`, `（此页无正文）`) are dropped by
//!   the cleaner, which then re-joins the paragraph they cut;
//! - the other kinds stay in the working text (their metadata — a 发布日期, a 发文机关 — is often
//!   the only date or issuer a scraped page has) and the element stage keeps them out of the body.

use crate::rx::Regex;
use std::sync::OnceLock;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Furniture {
    /// Page numbers and other print furniture: dropped.
    Print,
    /// Navigation menus, language switches, date-of-today banners.
    Nav,
    /// Breadcrumbs (`您当前的位置:首页>…`).
    Breadcrumb,
    /// Article metadata (`发布日期: 2022-03-07 来源:教育局 浏览次数:`) and info-disclosure grids.
    Meta,
    /// Widgets: print/close/share buttons, related-reading headers.
    Widget,
    /// Site footer: everything from here to the end of the page is furniture.
    Footer,
    /// Archive or database disclaimers printed before the text.
    Disclaimer,
}

pub struct FurnitureRule {
    pub kind: Furniture,
    pub pattern: &'static str,
    /// Longest line (chars) the row applies to: the limit of a row whose pattern would otherwise
    /// bound a repetition (`.{0,60}$`), which costs the compiler one copy of the class per count
    /// (see [`crate::rx::within`]).
    pub max_chars: Option<usize>,
    /// Chars of which a line the row matches holds at least one (empty: no such check), read
    /// off the pattern: every alternative contains one. For an unanchored row that scans the
    /// whole line, where a search for a char or two is far cheaper than the pattern's and most
    /// lines of a plan hold none (the test below checks that the gate never turns away a line
    /// the pattern takes); an anchored row's search stops at the first chars anyway.
    pub needs: &'static [char],
    /// A line the row must match and one it must not (the tests below read them). Test-only
    /// fields (`#[cfg(test)]`, on every row as well): the CLI and the page do not carry them,
    /// 2 KB of gzip in the page's wasm over the three rule tables.
    #[cfg(test)]
    pub example: &'static str,
    #[cfg(test)]
    pub counter: &'static str,
}

/// Bullets a navigation list prints before each entry.
pub const BULLETS: &[char] = &['•', '·', '■', '▪', '◆', '●', '*', '-', '>', '|'];

pub const FURNITURE: &[FurnitureRule] = &[
    FurnitureRule {
        kind: Furniture::Print,
        pattern: r"^[—–\-－]{1,2}\s*\d{1,4}\s*[—–\-－]{1,2}$",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "— 3 —",
        #[cfg(test)]
        counter: "—2023年—",
    },
    FurnitureRule {
        kind: Furniture::Print,
        pattern: r"^第\s*\d{1,4}\s*页(?:\s*/?\s*,?\s*共\s*\d{1,4}\s*页)?$",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "第 2 页 共 9 页",
        #[cfg(test)]
        counter: "第2页内容",
    },
    FurnitureRule {
        kind: Furniture::Print,
        pattern: r"^\(?\s*[上下]\s*[转接]\s*第\s*[\d一二三四五六七八九十A-Z]{1,3}\s*版\s*\)?$",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "（下转第3版）",
        #[cfg(test)]
        counter: "下转发",
    },
    FurnitureRule {
        kind: Furniture::Print,
        pattern: r"^\(\s*(?:此页|本页)无正文\s*\)$",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "（此页无正文）",
        #[cfg(test)]
        counter: "此页无正文的说明",
    },
    FurnitureRule {
        kind: Furniture::Print,
        pattern: r"^(?:PAGE|NUMPAGES|HYPERLINK|TOC|MERGEFORMAT)(?-u:\b).*$",
        max_chars: Some(91),
        needs: &[],
        #[cfg(test)]
        example: r"PAGE \* MERGEFORMAT",
        #[cfg(test)]
        counter: "PAGES",
    },
    FurnitureRule {
        kind: Furniture::Nav,
        pattern: r"^今天是",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "今天是2024年5月6日 星期一",
        #[cfg(test)]
        counter: "今天天气",
    },
    FurnitureRule {
        kind: Furniture::Nav,
        pattern: r"^(?:登录|注册|个人中心|登录个人中心|繁體中文?|简体中文?|繁体|无障碍浏览|无障碍|长者模式|关怀版|适老化|英文版|English|ENGLISH|智能问答|移动端应用|移动端|手机版|微信|微博|首页|网站首页|政务动态|政府信息公开|信息公开|服务大厅|政务服务|办事服务|政民互动|互动交流|数据开放|设为首页|加入收藏|新闻中心|通知公告|走进.{1,4}|搜索|高级搜索|网站导航|专题专栏)$",
        // no more than its longest word (English): a cheap test that spares the pattern's
        // search on every longer line
        max_chars: Some(7),
        needs: &[],
        #[cfg(test)]
        example: "无障碍浏览",
        #[cfg(test)]
        counter: "首页内容",
    },
    FurnitureRule {
        kind: Furniture::Breadcrumb,
        pattern: r"^(?:您当前的位置|您当前位置|当前位置|您现在的位置|您的位置|所在位置|现在位置)\s*[:>]?|^(?:网站首页|首页)\s*[>»›/]\s*\S",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "您当前的位置:首页> 政务公开> 重点领域",
        #[cfg(test)]
        counter: "位置",
    },
    FurnitureRule {
        kind: Furniture::Meta,
        pattern: r"^(?:发布日期|发布时间|发文日期|更新时间|信息来源|来源|浏览次数|点击数|阅读次数|阅读量|访问量|字号|作者|索\s*引\s*号|标\s*题|主题分类|发文机关|成文日期|发文字号|生效日期|文号|公开方式|有效性|组配分类|体裁分类|主题词|信息名称|发布机构)\s*[:]",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "发布日期: 2022-03-07    来源:教育局  浏览次数:  字号:〖大 中 小〗",
        #[cfg(test)]
        counter: "来源于群众",
    },
    FurnitureRule {
        kind: Furniture::Breadcrumb,
        // a breadcrumb printed one item per line: the separators on lines of their own
        pattern: r"^[>»›]{1,2}$",
        max_chars: Some(2),
        needs: &[],
        #[cfg(test)]
        example: ">",
        #[cfg(test)]
        counter: ">5",
    },
    FurnitureRule {
        kind: Furniture::Meta,
        // an archive's metadata list, in Markdown (`- **发布日期**：2025年8月`) or without its marks
        pattern: r"^(?:[-*+]\s+)?(?:\*\*)?(?:文档类型|文件类型|原文链接|原文地址|文件名称|文件编号|发布机构|发布单位|发布日期|成文日期|发文机关|发文字号|来源)(?:\*\*)?\s*:|^#{1,6}\s*(?:基本信息|文档信息|元数据)$",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "- **文件名称**：工业和信息化部关于优化业务准入促进卫星通信产业发展的指导意见",
        #[cfg(test)]
        counter: "- 文件名称要规范",
    },
    FurnitureRule {
        kind: Furniture::Meta,
        // a page's time field holding a date (`时间：2026-02-09`), not a plan's schedule line
        pattern: r"^时间\s*:\s*(?:19|20)\d{2}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,2}(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "时间：2026-02-09",
        #[cfg(test)]
        counter: "时间：2023年5月-6月",
    },
    FurnitureRule {
        kind: Furniture::Widget,
        // the entries of a font-size or share widget printed one per line
        pattern: r"^(?:【|】|〖|〗|下载|全屏|加大|还原|减小|放大|缩小|默认|大|中|小|分享[:]?)$",
        max_chars: Some(3),
        needs: &[],
        #[cfg(test)]
        example: "减小",
        #[cfg(test)]
        counter: "减小差距",
    },
    FurnitureRule {
        kind: Furniture::Widget,
        // a news photo's caption with its credit (`政府工作报告。 贵州日报记者 李森 摄`): a
        // scraped report prints it above the title it would otherwise be joined to
        pattern: r"(?:记者|摄影|通讯员)\s*[\u{4E00}-\u{9FFF}]{2,4}(?:\s*[、 ]\s*[\u{4E00}-\u{9FFF}]{2,4})*\s+摄\s*\)?$",
        max_chars: Some(80),
        needs: &['摄'],
        #[cfg(test)]
        example: "政府工作报告。 贵州日报天眼新闻记者 李森 摄",
        #[cfg(test)]
        counter: "组织新闻记者采访拍摄",
    },
    FurnitureRule {
        kind: Furniture::Meta,
        pattern: r"(?:浏览次数|点击数|阅读次数|访问量|字号)\s*[:]|[〖【\[]\s*大\s*中\s*小\s*[〗】\]]",
        max_chars: None,
        needs: &[':', '小'],
        #[cfg(test)]
        example: "2022-03-07 教育局 浏览次数:102",
        #[cfg(test)]
        counter: "扩大中小学规模",
    },
    FurnitureRule {
        kind: Furniture::Widget,
        // one widget or a row of them (`【打印本页】【关闭窗口】`)
        pattern: r"^(?:(?:【?打印本页】?|【?打印】?|【?关闭窗口】?|【?关闭】?|分享到[:]?.*|扫一扫在手机打开当前页|【?我要纠错】?|责任编辑[:].*|相关阅读[:]?|相关稿件[:]?|相关链接[:]?|相关解读[:]?|相关文件[:]?|上一篇[:]?.*|下一篇[:]?.*|附件下载[:]?|【?收藏】?|返回顶部|【?字体[:].*|保存|打印|关闭|扫一扫) *)+$",
        max_chars: Some(64),
        needs: &[],
        #[cfg(test)]
        example: "【打印本页】【关闭窗口】",
        #[cfg(test)]
        counter: "关闭落后产能",
    },
    FurnitureRule {
        kind: Furniture::Footer,
        pattern: r"(?i-u:copyright)|版权所有|^(?:主办单位|承办单位|技术支持|维护单位|网站维护|主办)\s*[:]|ICP备\s*\d|公网安备\s*\d|网站标识码|^(?:网站地图|站点地图|联系我们|政府网站找错)|建议使用.{0,20}分辨率",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "苏ICP备10217280号     苏公网安备32041202000001号",
        #[cfg(test)]
        counter: "技术支持体系",
    },
    FurnitureRule {
        kind: Furniture::Disclaimer,
        pattern: r"仅供参考|以正式(?:文件|文本|印发)[^。]{0,6}为准|以.{0,12}公布的(?:正式)?文本为准|免责声明|转载请注明|本(?:数据库|站)收录|【法宝引证码】|原文链接[:]",
        max_chars: None,
        needs: &[],
        #[cfg(test)]
        example: "本文仅供参考，以正式文件为准",
        #[cfg(test)]
        counter: "参考文献",
    },
];

fn compiled() -> &'static [(Regex, &'static FurnitureRule)] {
    static RE: OnceLock<Vec<(Regex, &'static FurnitureRule)>> = OnceLock::new();
    RE.get_or_init(|| {
        FURNITURE
            .iter()
            .map(|r| (crate::rx::new(r.pattern).expect("chrome pattern"), r))
            .collect()
    })
}

/// Does `rule` (compiled as `re`) take the line `s`?
fn takes(re: &Regex, rule: &FurnitureRule, s: &str) -> bool {
    rule.max_chars.is_none_or(|n| crate::rx::within(s, n))
        && (rule.needs.is_empty() || rule.needs.iter().any(|&c| s.contains(c)))
        && re.is_match(s)
}

/// What kind of furniture a (folded) line is, if any. Navigation entries may carry a bullet.
pub fn classify(line: &str) -> Option<Furniture> {
    let s = line.trim();
    if s.is_empty() || !crate::rx::within(s, 300) {
        return None;
    }
    let bare = s.trim_start_matches(BULLETS).trim_start();
    for (re, rule) in compiled() {
        let hay = if rule.kind == Furniture::Nav { bare } else { s };
        if takes(re, rule, hay) {
            return Some(rule.kind);
        }
    }
    // A bullet list entry that is only a short label (`• 政务动态`) is navigation.
    if s.starts_with(['•', '■', '▪', '◆', '●'])
        && bare.chars().count() <= 12
        && !bare.contains('。')
    {
        return Some(Furniture::Nav);
    }
    None
}

/// Is `line` print furniture the cleaner drops? (Checked on every line, so only the furniture
/// rows run, and only on short lines.)
pub fn is_print_furniture(line: &str) -> bool {
    let s = line.trim();
    if s.is_empty() || s.len() > 90 {
        return false;
    }
    compiled()
        .iter()
        .filter(|(_, rule)| rule.kind == Furniture::Print)
        .any(|(re, rule)| takes(re, rule, s))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rx;
    use crate::text::fold_str as folded;

    #[test]
    fn every_row_has_a_working_example_and_counter_example() {
        for (i, rule) in FURNITURE.iter().enumerate() {
            let re = crate::rx::new(rule.pattern).unwrap();
            assert!(
                re.is_match(&folded(rule.example)),
                "row {i}: {:?}",
                rule.example
            );
            assert!(
                !re.is_match(&folded(rule.counter)),
                "row {i}: {:?}",
                rule.counter
            );
            assert_eq!(classify(&folded(rule.example)), Some(rule.kind), "row {i}");
        }
    }

    /// A row's `needs` and line limit only spare the pattern work: on every line of the test
    /// inputs and every example, the rows take what their bare patterns take.
    #[test]
    fn gates_never_turn_away_a_line_the_pattern_takes() {
        let mut lines: Vec<String> = FURNITURE.iter().map(|r| folded(r.example)).collect();
        for dir in ["fixtures", "devset", "synthetic"] {
            let dir = format!("{}/tests/{dir}", env!("CARGO_MANIFEST_DIR"));
            for f in std::fs::read_dir(dir).unwrap() {
                let p = f.unwrap().path();
                if p.extension().is_some_and(|x| x == "txt") {
                    let t = crate::input::clean::clean(&std::fs::read_to_string(p).unwrap());
                    lines.extend(t.clean.lines().map(|l| l.trim().to_string()));
                }
            }
        }
        let mut taken = 0;
        for (re, rule) in compiled() {
            for l in &lines {
                let bare = l.trim_start_matches(BULLETS).trim_start();
                for hay in [l.as_str(), bare] {
                    let plain =
                        re.is_match(hay) && rule.max_chars.is_none_or(|n| rx::within(hay, n));
                    assert_eq!(takes(re, rule, hay), plain, "{:?} on {hay:?}", rule.pattern);
                    taken += usize::from(plain);
                }
            }
        }
        assert!(
            taken >= FURNITURE.len(),
            "the inputs exercise the rows: {taken}"
        );
    }

    /// A row's line limit: a 下一篇 link is a widget, a long line that starts with the word is not.
    #[test]
    fn line_limits_hold() {
        assert_eq!(
            classify("下一篇:关于做好2024年工作的通知"),
            Some(Furniture::Widget)
        );
        let long = format!("下一篇:{}", "长".repeat(61));
        assert_eq!(classify(&long), None);
        assert_eq!(classify("PAGE \\* MERGEFORMAT"), Some(Furniture::Print));
    }

    #[test]
    fn seed_like_page_chrome() {
        for (s, k) in [
            ("  • 登录个人中心", Furniture::Nav),
            ("• 今天是", Furniture::Nav),
            (
                "您当前的位置:首页> 政务公开> 重点领域> 科教文卫> 教育信息> 内容",
                Furniture::Breadcrumb,
            ),
            ("相关阅读:", Furniture::Widget),
            ("首页 > 政务公开 > 政府工作报告", Furniture::Breadcrumb),
            ("网站首页>规划计划", Furniture::Breadcrumb),
            (
                "CopyRight WuJin All Right Reserved     主办单位:常州市武进区人民政府办公室",
                Furniture::Footer,
            ),
            ("- 12 -", Furniture::Print),
            ("（新华社记者 李森、王明 摄）", Furniture::Widget),
            ("索引号：11330100002489486P/2023-00123", Furniture::Meta),
            ("索 引 号：000014349/2023-00012", Furniture::Meta),
            (
                "标　　题：某省人民政府办公厅关于印发某省中医药发展规划的通知",
                Furniture::Meta,
            ),
        ] {
            assert_eq!(classify(&folded(s)), Some(k), "{s}");
        }
    }

    #[test]
    fn plan_text_is_not_chrome() {
        for s in [
            "一、指导思想",
            "首页设计要简洁。",
            "加强网站建设,做好信息公开工作。",
            "2022年3月7日",
            "教育局",
            "(一)来源于群众,服务于群众",
            "组织新闻记者采访拍摄",
            "邀请摄影记者全程跟拍摄制专题片",
        ] {
            assert_eq!(classify(&folded(s)), None, "{s}");
        }
    }
}
