//! Every string of the page, in one table: zh-CN first (the default), English second.
//! Placeholders `{n}`, `{m}`, … are filled by [`fmt`]. A key missing from the table shows as the
//! key itself, so a typo is visible instead of blank.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Zh,
    En,
}

impl Lang {
    pub fn code(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }
    pub fn from_code(s: &str) -> Lang {
        if s.starts_with("en") {
            Lang::En
        } else {
            Lang::Zh
        }
    }
}

/// (key, 中文, English)
const TABLE: &[(&str, &str, &str)] = &[
    ("app.tagline", "政府规划文本的结构与目标，一页看清", "Structure and targets of Chinese government plans at a glance"),
    ("lang.switch", "English", "中文"),
    ("lang.switch.label", "切换到英文界面", "Switch to Chinese"),
    ("input.label", "规划原文", "Plan text"),
    ("input.placeholder", "在此粘贴规划、工作要点、行动方案等全文，或拖入 .txt / .docx 文件……", "Paste a plan (工作要点, 行动方案, 规划 …) here, or drop a .txt / .docx file …"),
    ("input.open", "打开文件", "Open file"),
    ("input.sample", "示例文本…", "Sample plans…"),
    ("input.try", "没有现成的文本？试试示例：", "No plan at hand? Try a sample:"),
    ("input.clear", "清空", "Clear"),
    ("input.drop", "松开鼠标即可打开文件", "Drop the file to open it"),
    ("input.hint", "文本只在本机浏览器中处理，不会上传。", "Your text is processed in this browser only; nothing is uploaded."),
    ("status.empty", "请粘贴或打开一份规划文本。", "Paste or open a plan to begin."),
    ("status.blank", "输入中没有可读的文字。", "The input contains no readable text."),
    ("status.analyzing", "正在分析 {n} 字……", "Analysing {n} characters…"),
    ("status.done", "已分析 {n} 字：{s} 个章节，{t} 项指标，{b} 张表格（{ms} 毫秒）", "Analysed {n} characters: {s} sections, {t} targets, {b} tables ({ms} ms)"),
    ("status.failed", "分析失败：{e}", "Analysis failed: {e}"),
    ("status.opened", "已打开 {f}（{enc}，{n} 字）", "Opened {f} ({enc}, {n} characters)"),
    ("status.openedFirst", "已打开 {f}（{enc}，{n} 字）。一次拖入了多个文件，只打开了第一个，其余 {m} 个未打开。", "Opened {f} ({enc}, {n} characters). Several files were dropped: only the first is opened, the other {m} are not."),
    ("input.folder", "打开文件夹", "Open folder"),
    ("status.unreadable", "无法读取 {f}：{e}", "Cannot read {f}: {e}"),
    ("status.pdfNoText", "无法读取 {f}：这个 PDF 没有文字层（可能是扫描件或图片）。请先做 OCR 文字识别，或把文字复制出来粘贴到这里。", "Cannot read {f}: the PDF has no text layer (a scan or images of text). Run OCR on it first, or copy the text out and paste it here."),
    ("status.pdfEncrypted", "无法读取 {f}：这个 PDF 设有密码。请在 PDF 阅读器中打开，另存或打印一份不加密的副本后再打开。", "Cannot read {f}: the PDF is protected by a password. Open it in a PDF reader, save or print an unprotected copy, and open that."),
    ("status.pdfTooLarge", "无法读取 {f}：这个 PDF 太大（页数或内容超出上限）。请拆分后再打开，或把文字复制出来粘贴到这里。", "Cannot read {f}: the PDF is too large (too many pages or too much content). Split it, or copy the text out and paste it here."),
    ("status.pdfBroken", "无法读取 {f}：文件已损坏，或不是可读的 PDF。", "Cannot read {f}: the file is damaged or not a readable PDF."),
    ("status.binary", "这不像文本文件（可能是图片或旧版 .doc）。请另存为 .txt、.docx 或 PDF 后再打开。", "This does not look like a text file (an image or an old .doc?). Save it as .txt, .docx or PDF and open it again."),
    ("status.doc", "不支持旧版 Word（.doc）文件，请另存为 .docx 或 .txt。", "Old Word .doc files are not supported; save as .docx or .txt."),
    ("status.restored", "已恢复上次的文本（{n} 字）。", "Restored your last text ({n} characters)."),
    ("status.shared", "地址栏中的链接现已包含本文本（压缩后 {n} KB），并已尽可能复制到剪贴板。文本只在链接的 # 之后，打开链接的浏览器不会把它发送给任何服务器。", "The link in the address bar now holds this text ({n} KB compressed) and was copied to the clipboard where allowed. The text sits after the link's #: a browser opening it sends it to no server."),
    ("status.shareTooLong", "文本太长，无法放入链接：压缩后 {n} KB，上限 {max} KB。请直接发送文件。", "The text is too long for a link: {n} KB compressed, at most {max} KB. Send the file itself."),
    ("status.shareFailed", "此浏览器无法压缩文本，不能生成带文本的链接。", "This browser cannot compress the text, so no link with the text can be made."),
    ("status.shareOpened", "已打开链接中的文本（{n} 字）。", "Opened the text from the link ({n} characters)."),
    ("status.shareBroken", "链接中的文本不完整或已损坏，无法打开。", "The text in this link is incomplete or damaged and cannot be opened."),
    ("status.saveFailed", "文本过大，无法保存在本机浏览器中。", "The text is too large to keep in this browser's storage."),
    ("status.copied", "已复制 {n} 项指标。", "Copied {n} targets."),
    ("status.copyFailed", "无法访问剪贴板。", "The clipboard is not available."),
    ("status.sampleFailed", "无法加载示例：示例文本在第一次使用时下载，而现在连不上网络（{e}）。联网后再选一次，或直接粘贴自己的文本。", "The sample could not be loaded: samples are downloaded the first time they are used, and the network cannot be reached now ({e}). Pick it again when online, or paste a plan of your own."),
    ("status.engineCrashed", "分析引擎出错并已重启，文本已保留。请修改文本或稍后重试。", "The analysis engine failed and was restarted; your text is kept. Edit it or try again."),
    ("status.engineFailed", "分析引擎无法运行，文本已保留。请重新加载页面。", "The analysis engine cannot run; your text is kept. Please reload the page."),
    ("enc.utf8", "UTF-8 编码", "UTF-8"),
    ("enc.gb18030", "GB18030/GBK 编码", "GB18030/GBK"),
    ("enc.utf16", "UTF-16 编码", "UTF-16"),
    ("enc.docx", "Word 文档", "Word document"),
    ("enc.pdf", "PDF 文字层", "PDF text layer"),
    ("update.text", "planlens 有新版本。", "A new version of planlens is available."),
    ("update.reload", "重新加载", "Reload"),
    ("export.label", "导出", "Export"),
    ("export.csv", "CSV（Excel）", "CSV (Excel)"),
    ("export.json", "JSON", "JSON"),
    ("export.md", "Markdown", "Markdown"),
    ("export.copy", "复制指标清单", "Copy target list"),
    ("share.button", "带文本的链接", "Link with the text"),
    ("export.print", "打印", "Print"),
    ("tab.overview", "概览", "Overview"),
    ("tab.targets", "指标 {n}", "Targets {n}"),
    ("tab.timeline", "时间表", "Timeline"),
    ("tab.tables", "表格 {n}", "Tables {n}"),
    ("tab.keywords", "关键词", "Keywords"),
    ("tabs.label", "分析结果", "Results"),
    ("card.heading", "文件信息", "Document"),
    ("card.title", "标题", "Title"),
    ("card.notice", "通知标题", "Notice title"),
    ("card.issuers", "发文机关", "Issuers"),
    ("card.date", "成文日期", "Date"),
    ("card.number", "文号", "Document number"),
    ("card.recipients", "主送", "To"),
    ("card.cc", "抄送", "Cc"),
    ("card.attachments", "附件", "Attachments"),
    ("card.period", "规划期", "Period"),
    ("card.none", "—", "—"),
    ("card.untitled", "（未识别标题）", "(no title found)"),
    ("card.warnings", "提示", "Notes"),
    ("outline.heading", "目录结构", "Outline"),
    ("outline.summary", "{s} 个一级章节 · {i} 个条目 · {t} 项指标", "{s} top-level sections · {i} headings · {t} targets"),
    ("outline.none", "未识别出标题层级。", "No heading structure found."),
    ("outline.counts", "{c} 条 · {t} 项指标", "{c} items · {t} targets"),
    ("outline.more", "另有 {n} 个条目未显示。", "{n} more headings not shown."),
    ("outline.expandAll", "全部展开", "Expand all"),
    ("outline.collapseAll", "全部折叠", "Collapse all"),
    ("targets.heading", "量化指标", "Targets"),
    ("targets.none", "没有符合条件的指标。", "No targets match."),
    ("targets.count", "显示 {a}–{b}，共 {n} 项（全部 {t} 项）", "Showing {a}–{b} of {n} ({t} in all)"),
    ("targets.prev", "上一页", "Previous"),
    ("targets.next", "下一页", "Next"),
    ("targets.page", "第 {p}/{q} 页", "Page {p} of {q}"),
    ("filter.kind", "类型", "Kind"),
    ("filter.section", "章节", "Section"),
    ("filter.deadline", "期限", "Deadline"),
    ("filter.search", "搜索", "Search"),
    ("filter.search.placeholder", "指标、对象或单位", "target, subject or unit"),
    ("filter.all", "全部", "All"),
    ("filter.subject", "指标/对象", "Measure / subject"),
    ("filter.subjectWith", "有对象", "With a subject"),
    ("filter.subjectWithout", "无对象", "Without a subject"),
    ("filter.dueBy", "到期不晚于", "Due by"),
    ("legend.label", "颜色说明", "What the colours mean"),
    ("filter.with", "有期限", "With a deadline"),
    ("filter.without", "无期限", "Without a deadline"),
    ("filter.year", "{y} 年", "{y}"),
    ("col.no", "序号", "#"),
    ("col.text", "原文", "As written"),
    ("col.value", "规范值", "Normalised"),
    ("col.comparator", "比较", "Comparator"),
    ("col.unit", "单位", "Unit"),
    ("col.subject", "指标/对象", "Measure / subject"),
    ("col.quantity", "数量", "Quantity"),
    ("col.sentence", "原文句子", "Sentence"),
    ("col.deadline", "期限", "Deadline"),
    ("col.section", "所在章节", "Section"),
    ("col.kind", "类型", "Kind"),
    ("col.responsible", "责任单位", "Responsible"),
    ("detail.heading", "所选指标的详情", "Details of the selected target"),
    ("detail.title", "第 {n} 项指标：依据", "Target {n}: the evidence"),
    ("detail.close", "关闭 ×", "Close ×"),
    ("why.word", "原文", "as written"),
    ("why.src.sentence", "见于本句", "stated in this sentence"),
    ("why.src.table", "来自表格的列", "from the table's column"),
    ("why.src.heading", "来自所在标题", "from the heading above"),
    ("why.src.lead", "来自上文（列表引语）", "from the text before (the list's lead)"),
    ("x.section", "章节", "Section"),
    ("x.sentence", "原文句子", "Sentence"),
    ("x.subject", "指标/对象", "Measure / subject"),
    ("x.value", "数值", "Value"),
    ("x.unit", "单位", "Unit"),
    ("x.comparator", "比较", "Comparator"),
    ("x.change", "变化", "Change"),
    ("x.deadline", "期限", "Deadline"),
    ("x.due", "到期日", "Due"),
    ("x.responsible", "责任单位", "Responsible"),
    ("x.kind", "类型", "Kind"),
    ("x.corrected", "是否已更正", "Corrected"),
    ("x.yes", "是", "yes"),
    ("x.removed", "不是指标", "not a target"),
    ("x.added", "新增（读者补充）", "added by a reader"),
    ("export.labels", "标注 JSON", "Labels JSON"),
    ("filter.corrected", "更正", "Corrections"),
    ("filter.correctedOnly", "仅已更正", "Corrected only"),
    ("fix.reject", "不是指标", "Not a target"),
    ("fix.restore", "恢复为指标", "Restore as a target"),
    ("fix.edit", "更正…", "Correct…"),
    ("fix.clear", "撤销更正", "Undo the correction"),
    ("fix.save", "保存更正", "Save"),
    ("fix.cancel", "取消", "Cancel"),
    ("fix.state.removed", "已标记为“不是指标”", "Marked as not a target"),
    ("fix.state.added", "读者补充的指标", "Added by a reader"),
    ("fix.state.corrected", "已更正", "Corrected"),
    ("fix.addSelection", "把选中的文字添加为指标", "Add the selected words as a target"),
    ("fix.selectFirst", "请先在原文中选中漏掉的指标文字，再点“添加为指标”。", "Select the missed target's words in the text first, then click “Add”."),
    ("fix.added", "已添加为指标（已更正，保存在本机浏览器中）。", "Added as a target (a correction, kept in this browser)."),
    ("fix.clearAll", "清除本文档的全部更正（{n} 条）", "Clear all {n} corrections of this document"),
    ("fix.saveFailed", "无法在本机浏览器中保存更正（存储不可用）。", "The corrections cannot be kept in this browser (storage unavailable)."),
    ("detail.action", "动作", "Action"),
    ("detail.scope", "口径", "Scope"),
    ("detail.per", "每", "Per"),
    ("detail.of", "基数", "Of"),
    ("detail.recurrence", "周期", "Recurrence"),
    ("detail.strength", "力度", "Strength"),
    ("detail.lead", "牵头单位", "Lead"),
    ("detail.others", "配合单位", "Others"),
    ("detail.flags", "标记", "Flags"),
    ("scope.new", "新增", "new"),
    ("scope.total", "总量", "total"),
    ("scope.period_total", "期内累计", "period total"),
    ("strength.firm", "确定", "firm"),
    ("strength.aspirational", "力争", "aspirational"),
    ("strength.planned", "计划", "planned"),
    ("sort.hint", "点击排序", "Click to sort"),
    ("kind.count", "数量", "count"),
    ("kind.percent", "比例", "percent"),
    ("kind.change", "增减", "change"),
    ("kind.money", "金额", "money"),
    ("kind.duration", "时长", "duration"),
    ("kind.deadline", "完成时限", "deadline"),
    ("kind.coverage", "全覆盖", "coverage"),
    ("cmp.eq", "等于", "equal to"),
    ("cmp.gt", "超过", "more than"),
    ("cmp.gte", "不低于", "at least"),
    ("cmp.lt", "低于", "less than"),
    ("cmp.lte", "不超过", "at most"),
    ("cmp.approx", "左右", "about"),
    ("cmp.range", "区间", "range"),
    ("change.increase", "增加", "increase"),
    ("change.decrease", "减少", "decrease"),
    ("timeline.heading", "时间表", "Timeline"),
    ("timeline.none", "没有带日期的任务。", "No dated deliverables."),
    ("timeline.undated", "日期未定", "No exact date"),
    ("timeline.more", "另有 {n} 项未显示。", "{n} more not shown."),
    ("tables.heading", "还原的表格", "Rebuilt tables"),
    ("tables.none", "文中没有可还原的表格。", "No tables found in the text."),
    ("tables.untitled", "表格 {n}", "Table {n}"),
    ("tables.show", "在原文中查看", "Show in the source text"),
    ("tables.more", "另有 {n} 行未显示。", "{n} more rows not shown."),
    ("kw.heading", "各章节关键词", "Keywords by section"),
    ("kw.loading", "正在加载分词词典（约 1.1 MB，仅首次）……", "Loading the word dictionary (about 1.1 MB, first time only)…"),
    ("kw.failed", "无法计算关键词：{e}", "Keywords unavailable: {e}"),
    ("kw.offline", "关键词暂不可用：计算关键词要用一个分词词典（约 1.1 MB），它只在第一次打开此页签时下载，而现在连不上网络。联网后再打开“关键词”页签即可；下载一次后离线也能用。其他功能不受影响。", "Keywords are unavailable: they need a word dictionary (about 1.1 MB) that is downloaded the first time this tab is opened, and the network cannot be reached now. Open the Keywords tab again when online; once downloaded it works offline too. Everything else works as before."),
    ("kw.none", "没有可显示的关键词。", "No keywords to show."),
    ("kw.note", "按各章节特有程度排序，已去除“推进、加强、工作”等通用词。", "Ranked by how specific they are to the section; boilerplate such as 推进, 加强, 工作 is left out."),
    ("text.heading", "原文（指标已标出）", "Source text (targets marked)"),
    ("text.capped", "文本过长：只标出了前 {n} 处。", "Long text: only the first {n} places are marked."),
    ("sel.target", "已选中指标：{t}", "Selected target: {t}"),
    ("sel.heading", "已选中章节：{t}", "Selected section: {t}"),
    ("md.untitled", "planlens", "planlens"),
    ("cmp.toggle", "对照比较…", "Compare with…"),
    ("cmp.heading", "方案对照", "Plan against plan"),
    ("cmp.intro", "把上方的文本（方案 A）与第二份方案（方案 B）对照：章节与指标按主题对齐，年度要点逐项对照多年方案的当年任务，并检查每份方案正文与附表是否一致。点击一行，两份原文同时定位。", "Compares the text above (plan A) with a second plan (plan B): sections and targets aligned by subject, an annual plan line by line against the multi-year plan's targets for its year, and each plan's body checked against its own table. Click a row to see it in both texts."),
    ("cmp.demo", "示例：三年行动方案 对照 2023年工作要点", "Sample: three-year plan vs 2023 work plan"),
    ("cmp.close", "关闭对照", "Close"),
    ("cmp.inputLabel", "方案 B 文本", "Plan B text"),
    ("cmp.open", "打开方案 B 文件…", "Open plan B file…"),
    ("cmp.sample", "方案 B 示例…", "Plan B sample…"),
    ("cmp.placeholder", "粘贴第二份方案的全文，或把文件拖到这里（.txt / .docx）", "Paste the second plan here, or drop a file on this pane (.txt / .docx)"),
    ("cmp.need", "请在此给出方案 B，即可与上方方案 A 对照。", "Give plan B here to compare it with plan A above."),
    ("cmp.needA", "请先在上方输入方案 A。", "Enter plan A above first."),
    ("cmp.running", "正在对照（A {a} 字，B {b} 字）……", "Comparing (A {a} chars, B {b} chars)…"),
    ("cmp.done", "对照完成：{p} 对指标对齐（A {a} 项，B {b} 项），用时 {ms} 毫秒。", "Compared: {p} target pairs aligned (A {a}, B {b} targets) in {ms} ms."),
    ("cmp.failed", "对照失败：{e}。文本已保留。", "The comparison failed: {e}. Your texts are kept."),
    ("cmp.plan", "方案 {side}：{title}（{kind}，{n} 项指标）", "Plan {side}: {title} ({kind}, {n} targets)"),
    ("cmp.kind.multi", "多年期方案", "multi-year plan"),
    ("cmp.kind.annual", "年度计划", "annual plan"),
    ("cmp.kind.unknown", "期限未识别", "period unknown"),
    ("cmp.counts", "对齐 {p} 对（相同 {s}，不同 {d}）· 仅 A {oa} 项 · 仅 B {ob} 项 · A 对齐率 {ra}% · B 对齐率 {rb}%", "{p} pairs aligned ({s} same, {d} different) · {oa} only in A · {ob} only in B · A {ra}% aligned · B {rb}% aligned"),
    ("cmp.flagsCount", " · 自洽问题：A {fa} 处，B {fb} 处", " · self-consistency flags: A {fa}, B {fb}"),
    ("cmp.annual", "{ann} 是 {plan} 的 {y} 年度计划：达标 {met} · 偏弱 {weaker} · 未提及 {missing} · 新增 {extra} · 期内目标 {in_period}", "{ann} is the {y} annual plan of {plan}: met {met} · weaker {weaker} · not mentioned {missing} · extra {extra} · whole-period {in_period}"),
    ("cmp.filter", "显示", "Show"),
    ("cmp.export", "导出对照结果", "Export the comparison"),
    ("cmp.none", "没有符合条件的行。", "No rows match."),
    ("cmp.rows", "共 {n} 行。", "{n} rows."),
    ("cmp.capped", "只显示前 {a} 行，共 {n} 行。", "Showing the first {a} of {n} rows."),
    ("cmp.textA", "方案 A 原文", "Plan A text"),
    ("cmp.textB", "方案 B 原文", "Plan B text"),
    ("cmp.selected", "已选中：{st}。A：{a}；B：{b}", "Selected: {st}. A: {a}; B: {b}"),
    ("cmp.col.status", "结果", "Result"),
    ("cmp.col.aSubject", "A 对象", "A subject"),
    ("cmp.col.aQty", "A 数量", "A quantity"),
    ("cmp.col.aWhen", "A 时间", "A when"),
    ("cmp.col.bSubject", "B 对象", "B subject"),
    ("cmp.col.bQty", "B 数量", "B quantity"),
    ("cmp.col.bWhen", "B 时间", "B when"),
    ("cmp.col.diff", "差值 B−A", "B − A"),
    ("cmp.col.note", "相似度 / 说明", "Similarity / note"),
    ("cmp.st.met", "达标", "met"),
    ("cmp.st.weaker", "偏弱", "weaker"),
    ("cmp.st.missing", "未提及", "not mentioned"),
    ("cmp.st.extra", "新增", "extra"),
    ("cmp.st.in_period", "期内目标", "whole period"),
    ("cmp.st.not_comparable", "无法比较", "not comparable"),
    ("cmp.st.same", "一致", "same"),
    ("cmp.st.different", "不同", "different"),
    ("cmp.st.only_a", "仅 A", "only in A"),
    ("cmp.st.only_b", "仅 B", "only in B"),
    ("cmp.st.section", "章节", "section"),
    ("cmp.st.body_table_mismatch", "正文与附表不一致", "body ≠ table"),
    ("cmp.st.table_total_mismatch", "合计与分年不一致", "total ≠ years"),
    ("cmp.st.body_year_mismatch", "正文与当年不一致", "body ≠ year cell"),
    ("cmp.f.annual", "年度对照（全部）", "Annual vs plan (all)"),
    ("cmp.f.met", "达标", "met"),
    ("cmp.f.weaker", "偏弱", "weaker"),
    ("cmp.f.missing", "未提及", "not mentioned"),
    ("cmp.f.extra", "新增", "extra"),
    ("cmp.f.in_period", "期内目标", "whole period"),
    ("cmp.f.not_comparable", "无法比较", "not comparable"),
    ("cmp.f.pairs", "对齐的指标", "Aligned targets"),
    ("cmp.f.same", "一致", "same"),
    ("cmp.f.different", "不同", "different"),
    ("cmp.f.only_a", "仅在 A 中", "Only in A"),
    ("cmp.f.only_b", "仅在 B 中", "Only in B"),
    ("cmp.f.flags", "自洽检查", "Self-consistency"),
    ("cmp.f.flags_a", "方案 A", "plan A"),
    ("cmp.f.flags_b", "方案 B", "plan B"),
    ("cmp.when.yearly", "每年", "yearly"),
    ("cmp.when.period", "全期", "whole period"),
    ("cmp.when.year", "{y}年", "{y}"),
    ("cmp.when.table", "附表", "table"),
    ("cmp.when.tableTotal", "附表合计栏", "table total"),
    ("cmp.f.sections", "对齐的章节", "Aligned sections"),
];

/// The string for `key` in `lang`; a missing key is reported on the console and shown as `?key`.
/// The key of a target kind's name (`kind.percent`).
pub fn kind_key(k: crate::model::TargetKind) -> &'static str {
    use crate::model::TargetKind as K;
    match k {
        K::Count => "kind.count",
        K::Percent => "kind.percent",
        K::Change => "kind.change",
        K::Money => "kind.money",
        K::Duration => "kind.duration",
        K::Deadline => "kind.deadline",
        K::Coverage => "kind.coverage",
    }
}

pub fn tr(lang: Lang, key: &str) -> &'static str {
    for (k, zh, en) in TABLE {
        if *k == key {
            return match lang {
                Lang::Zh => zh,
                Lang::En => en,
            };
        }
    }
    web_sys::console::warn_1(&format!("planlens: missing string {key}").into());
    "?"
}

/// [`tr`] with `{name}` placeholders replaced.
pub fn fmt(lang: Lang, key: &str, args: &[(&str, &str)]) -> String {
    fill(tr(lang, key), args)
}

/// `s` with its `{name}` placeholders replaced by `args` (also for the corpus panel's strings).
pub fn fill(s: &str, args: &[(&str, &str)]) -> String {
    let mut s = s.to_string();
    for (k, v) in args {
        s = s.replace(&format!("{{{k}}}"), v);
    }
    s
}

/// A count with thousands separators, as both languages write it (12,345).
pub fn num(n: usize) -> String {
    let s = n.to_string();
    let mut out = String::new();
    for (i, c) in s.chars().enumerate() {
        if i > 0 && (s.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}
