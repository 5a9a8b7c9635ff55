//! The corpus panel's strings (zh-CN, English), apart from the page's table (src/web/i18n.rs) so
//! that they are only in the panel's module; a key not here is looked up there.

pub use super::page_i18n::{num, Lang};

const TABLE: &[(&str, &str, &str)] = &[
    (
        "corpus.heading",
        "多份规划对照（指标矩阵）",
        "Many plans (indicator matrix)",
    ),
    ("corpus.csv", "矩阵 CSV", "Matrix CSV"),
    ("corpus.json", "JSON", "JSON"),
    ("corpus.close", "关闭", "Close"),
    (
        "corpus.progress",
        "正在读取和分析：已完成 {k} / {n} 个文件（{f} 个无法读取）……",
        "Reading and analysing: {k} of {n} files done ({f} unreadable)…",
    ),
    (
        "corpus.aligning",
        "{n} 个文件已分析，正在按指标对齐……",
        "{n} files analysed; lining up the indicators…",
    ),
    (
        "corpus.ready",
        "{n} 个文件：{k} 个已处理，{f} 个无法读取。",
        "{n} files: {k} processed, {f} unreadable.",
    ),
    (
        "corpus.failed",
        "无法生成指标矩阵：{e}",
        "The indicator matrix failed: {e}",
    ),
    ("corpus.reference", "参照文件：", "Reference plan:"),
    ("corpus.noReference", "（无）", "(none)"),
    ("corpus.isReference", "参照", "reference"),
    ("corpus.col.file", "文件", "File"),
    ("corpus.col.title", "标题", "Title"),
    ("corpus.col.issuers", "发文机关", "Issuers"),
    ("corpus.col.date", "日期", "Date"),
    ("corpus.col.targets", "指标数", "Targets"),
    ("corpus.col.warnings", "警告", "Warnings"),
    ("corpus.col.state", "状态", "State"),
    ("corpus.col.versus", "对照参照", "Against the reference"),
    ("corpus.col.indicator", "指标", "Indicator"),
    ("corpus.col.chart", "分布", "Spread"),
    ("corpus.st.waiting", "等待中", "waiting"),
    ("corpus.st.reading", "读取中", "reading"),
    ("corpus.st.analysing", "分析中", "analysing"),
    ("corpus.st.done", "已分析", "analysed"),
    ("corpus.remove", "移除", "Remove"),
    ("corpus.removeOne", "移除 {f}", "Remove {f}"),
    (
        "corpus.matrix",
        "指标矩阵（{n} 行）",
        "Indicator matrix ({n} rows)",
    ),
    (
        "corpus.apart",
        "仅一份文件提到的指标（{n} 项）",
        "Targets only one document states ({n})",
    ),
    ("corpus.clear", "清除全部", "Clear all"),
    ("corpus.col.headings", "标题数", "Headings"),
    ("corpus.grid", "全部目标（{n} 项）", "All targets ({n})"),
    (
        "corpus.gridShown",
        "显示前 {k} 项，共 {n} 项；请用筛选缩小范围。",
        "Showing the first {k} of {n}; filter to narrow down.",
    ),
    ("corpus.col.document", "文件", "Document"),
    ("corpus.col.target", "目标", "Target"),
    ("corpus.col.kind", "类型", "Kind"),
    ("corpus.col.subject", "指标", "Subject"),
    ("corpus.col.deadline", "期限", "Deadline"),
    ("corpus.f.kind", "类型", "Kind"),
    ("corpus.f.text", "搜索", "Search"),
    ("corpus.f.document", "文件", "Document"),
    ("corpus.f.all", "全部", "All"),
    (
        "corpus.open",
        "在页面中打开 {f} 的这一目标",
        "Open this target of {f} in the page",
    ),
    (
        "corpus.kept",
        "已保存在本机浏览器中（IndexedDB），不会上传。",
        "Kept in this browser (IndexedDB); nothing is uploaded.",
    ),
    ("corpus.merge", "合并为一行", "Merge rows"),
    (
        "corpus.mergeTitle",
        "把勾选的两行或多行合并为一行（名称取第一行的；同一文件在几行都有数值的，并列在一格中，以“；”分隔）。保存在本机，导出的 CSV 和 JSON 也按此调整。",
        "Make the ticked rows one row (named as the first; where one document has a quantity in several of them, the cell keeps them all, joined with “；”). Kept in this browser; the CSV and JSON downloads follow it.",
    ),
    ("corpus.split", "拆分", "Split"),
    (
        "corpus.splitTitle",
        "把勾选的每一行拆开：行中每个目标各成一行（合并过的行也就此完全拆开）。",
        "Split each ticked row: every target in it becomes a row of its own (a merged row so comes apart entirely).",
    ),
    ("corpus.unedit", "撤销手动调整", "Clear manual changes"),
    (
        "corpus.uneditTitle",
        "忘记所有手动合并和拆分，回到自动对齐的结果。",
        "Forget every merge and split made by hand and go back to the automatic line-up.",
    ),
    ("corpus.pick", "选择此行：{r}", "Select row: {r}"),
    ("corpus.manual", "手动", "manual"),
    (
        "corpus.manualTitle",
        "此行经过手动合并或拆分",
        "This row was merged or split by hand",
    ),
    ("corpus.joined", "多值", "several"),
    (
        "corpus.joinedTitle",
        "手动合并后，此格含同一文件的多个数值",
        "Merged by hand: this cell holds several quantities of one document",
    ),
];

/// The string for `key` in `lang`.
pub fn tr(lang: Lang, key: &str) -> &'static str {
    match TABLE.iter().find(|(k, _, _)| *k == key) {
        Some((_, zh, en)) => match lang {
            Lang::Zh => zh,
            Lang::En => en,
        },
        None => super::page_i18n::tr(lang, key),
    }
}

/// [`tr`] with `{name}` placeholders replaced.
pub fn fmt(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    super::page_i18n::fill(tr(lang, key), args)
}

/// The page's language, as it writes it on `<html lang>`.
pub fn lang() -> Lang {
    super::dom::document()
        .document_element()
        .and_then(|h| h.get_attribute("lang"))
        .map_or(Lang::Zh, |c| Lang::from_code(&c))
}
