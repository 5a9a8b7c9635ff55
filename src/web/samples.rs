//! The built-in sample plans the page offers (the input's menu, the first-visit chips, the
//! compare pane's menu, `?sample=` links).

use super::i18n::Lang;

/// Built-in sample plans, with their labels, a clean one first. The build copies them into
/// `samples/` from the tests' own copies (tools/post_build.mjs `SAMPLES`): the seed plans, a
/// provincial government work report, a national outline with an indicator table and a plan
/// converted from a PDF.
pub const SAMPLES: &[(&str, &str, &str)] = &[
    (
        "003_c69e039655683e96.txt",
        "武进区教育高质量发展三年行动方案",
        "Wujin three-year action plan 2022–2024",
    ),
    (
        "guangdong-2026-work-report.txt",
        "广东省2026年政府工作报告",
        "Guangdong government work report 2026",
    ),
    (
        "healthy-china-2030-outline.txt",
        "“健康中国2030”规划纲要（含指标表，PDF 转换）",
        "Healthy China 2030 outline (indicator table, from a PDF)",
    ),
    (
        "foshan-dengue-plan-2024-pdf.txt",
        "佛山市登革热防控巩固工作方案（PDF 转换）",
        "Foshan dengue control plan 2024 (from a PDF)",
    ),
    (
        "000_afc61ac5f3af42de.txt",
        "2023年武进教育工作要点",
        "Wujin education work plan 2023",
    ),
    (
        "001_f548ae08fc6ac36e.txt",
        "广汉市教育局2023年工作要点",
        "Guanghan education work plan 2023",
    ),
    (
        "002_e8cc19e7a70357cd.txt",
        "惠山区2022年教育工作要点",
        "Huishan education work plan 2022",
    ),
    (
        "004_ab08964268f009dd.txt",
        "教育工作要点（网页转存）",
        "Education work plan (saved web page)",
    ),
];

/// The label of a sample file in the page's language.
pub fn sample_label(file: &str, lang: Lang) -> String {
    SAMPLES
        .iter()
        .find(|(f, _, _)| *f == file)
        .map(|(_, zh, en)| if lang == Lang::Zh { *zh } else { *en })
        .unwrap_or(file)
        .to_string()
}
