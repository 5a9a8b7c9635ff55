//! End-to-end structure on synthetic plans of other sectors and shapes (issue 3): notices that
//! wrap a plan, PDF text with hard wraps and page numbers, web pages with chrome, YAML front
//! matter, 政府工作报告, 规划 with 第X章/第X节, a table of contents and a 专栏 box, health and
//! school plans with ⑴ ① 一是 and month headings. Each expected outline was checked by hand.

use planlens::analyze;
use planlens::model::OutlineNode;

fn flat(nodes: &[OutlineNode], out: &mut Vec<(u32, String)>) {
    for n in nodes {
        out.push((n.level, n.title.clone()));
        flat(&n.children, out);
    }
}

fn check(name: &str, title: &str, issuers: &[&str], date: Option<&str>, headings: &[(u32, &str)]) {
    let path = format!("{}/tests/synthetic/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("synthetic fixture");
    let a = analyze(&text);
    assert_eq!(a.document.title.as_deref(), Some(title), "{name}: title");
    assert_eq!(a.document.issuers, issuers, "{name}: issuers");
    assert_eq!(a.document.date.as_deref(), date, "{name}: date");
    let mut got = Vec::new();
    flat(&a.outline, &mut got);
    let want: Vec<(u32, String)> = headings.iter().map(|(l, t)| (*l, t.to_string())).collect();
    assert_eq!(got, want, "{name}: outline");
}

#[test]
fn agriculture_pdf_wrapped() {
    check(
        "agriculture_pdf_wrapped",
        "某县2023年农业农村工作要点",
        &[],
        None,
        &[
            (1, "稳定粮食生产"),
            (1, "推进乡村建设"),
            (2, "改善农村人居环境"),
            (2, "加强乡村治理"),
        ],
    );
}

#[test]
fn environment_merged_paragraphs() {
    check(
        "environment_merged_paragraphs",
        "某区2023年生态环境保护工作要点",
        &[],
        None,
        &[
            (1, "深入打好污染防治攻坚战"),
            (2, "持续改善空气质量"),
            (2, "巩固提升水环境质量"),
            (2, "推进土壤污染防治"),
            (1, "加快推动绿色低碳发展"),
            (2, "推进能源结构调整"),
            (2, "推动产业绿色转型"),
            (1, "提升生态环境治理能力"),
            (2, "深化生态环境领域改革"),
            (2, "加强执法监管"),
        ],
    );
}

#[test]
fn government_work_report() {
    check(
        "government_work_report",
        "政府工作报告",
        &["某市人民政府"],
        Some("2023-01-12"),
        &[
            (1, "2022年工作回顾"),
            (2, "经济运行稳中有进"),
            (2, "改革开放持续深化"),
            (1, "2023年总体要求和主要预期目标"),
            (1, "2023年重点工作"),
            (2, "全力稳定经济增长"),
            (2, "加快建设现代化产业体系"),
            (3, "做强先进制造业"),
            (3, "发展现代服务业"),
        ],
    );
}

#[test]
fn guihua_chapters_toc_box() {
    check(
        "guihua_chapters_toc_box",
        "某省“十四五”综合交通运输发展规划",
        &[],
        None,
        &[
            (1, "发展基础和形势要求"),
            (2, "发展基础"),
            (3, "交通基础设施网络不断完善"),
            (3, "运输服务水平持续提升"),
            (2, "形势要求"),
            (1, "总体要求"),
            (2, "指导思想"),
            (2, "发展目标"),
        ],
    );
}

#[test]
fn health_plan_marker_variants() {
    check(
        "health_plan_marker_variants",
        "某市卫生健康委员会2023年工作计划",
        &["某市卫生健康委员会"],
        Some("2023-02-15"),
        &[
            (1, "加强公共卫生体系建设"),
            (2, "完善疾病预防控制体系"),
            (3, "推进疾控机构改革"),
            (3, "提升监测预警能力"),
            (4, "建设智慧化预警平台"),
            (4, "开展传染病监测"),
            (2, "加强妇幼健康服务"),
            (3, "实施母婴安全行动"),
            (3, "加强出生缺陷防治"),
            (1, "推进医疗服务高质量发展"),
            (2, "推进分级诊疗"),
            (2, "加强中医药工作"),
        ],
    );
}

#[test]
fn heritage_web_page() {
    check(
        "heritage_web_page",
        "某市文物保护利用三年行动计划（2023—2025年）",
        &["某市文化广电旅游局"],
        Some("2023-06-08"),
        &[
            (1, "总体要求"),
            (1, "主要任务"),
            (2, "加强文物资源调查"),
            (2, "实施文物保护工程"),
            (1, "保障措施"),
        ],
    );
}

#[test]
fn info_disclosure_grid_guihua() {
    check(
        "info_disclosure_grid_guihua",
        "某省“十四五”中医药发展规划",
        &["某省人民政府办公厅"],
        Some("2023-03-20"),
        &[
            (1, "发展基础"),
            (1, "总体要求"),
            (2, "指导思想"),
            (2, "发展目标"),
            (1, "主要任务"),
            (2, "建设优质高效中医药服务体系"),
            (3, "做强龙头中医医院"),
            (3, "做优骨干中医医院"),
        ],
    );
}

#[test]
fn joint_notice_full_header() {
    check(
        "joint_notice_full_header",
        "某县推进教育强县建设行动方案",
        &["中共某县委办公室", "某县人民政府办公室"],
        Some("2023-03-01"),
        &[
            (1, "总体目标"),
            (1, "主要任务"),
            (2, "扩大优质资源"),
            (2, "加强师资队伍"),
        ],
    );
}

#[test]
fn notice_implementation_plan_pdf() {
    check(
        "notice_implementation_plan_pdf",
        "某县城乡环境卫生整治三年行动实施方案",
        &["某县人民政府办公室"],
        Some("2022-03-10"),
        &[
            (1, "工作目标"),
            (1, "重点任务"),
            (2, "开展垃圾治理"),
            (2, "推进厕所革命"),
            (1, "实施步骤"),
            (2, "动员部署阶段（2022年3月—4月）"),
            (2, "集中整治阶段（2022年5月—2023年12月）"),
            (2, "巩固提升阶段（2024年1月—12月）"),
            (1, "保障措施"),
            (2, "加强组织领导"),
            (2, "强化督查考核"),
        ],
    );
}

#[test]
fn notice_with_two_attachments() {
    check(
        "notice_with_two_attachments",
        "某市2024年交通运输工作要点",
        &["某市交通运输局"],
        Some("2024-02-05"),
        &[
            (1, "加快综合交通网络建设"),
            (2, "推进高速公路建设"),
            (2, "推进轨道交通建设"),
            (1, "提升运输服务水平"),
            (2, "优化公交线网"),
        ],
    );
}

#[test]
fn school_plan_front_matter_months() {
    check(
        "school_plan_front_matter_months",
        "某中学2023-2024学年第一学期工作计划",
        &["某中学"],
        Some("2023-08-28"),
        &[
            (1, "指导思想"),
            (1, "工作目标"),
            (2, "中考合格率达到98%以上"),
            (2, "创建市级文明校园"),
            (1, "月工作安排"),
            (2, "九月份"),
            (3, "召开开学工作会议"),
            (3, "开展新生入学教育"),
            (2, "十月份"),
            (3, "举行秋季运动会"),
            (2, "十一月份"),
            (3, "期中考试"),
            (2, "十二月"),
            (3, "开展元旦文艺汇演"),
        ],
    );
}

#[test]
fn shishi_yijian_notice_is_plan() {
    check(
        "shishi_yijian_notice_is_plan",
        "某市人民政府关于加快推进数字政府建设的实施意见",
        &["某市人民政府"],
        Some("2023-04-06"),
        &[
            (1, "总体要求"),
            (2, "指导思想"),
            (2, "主要目标"),
            (1, "重点任务"),
            (2, "构建协同高效的政府数字化履职能力体系"),
            (1, "保障措施"),
        ],
    );
}

/// The outline alone (title, issuers and date of these are checked elsewhere).
fn check_outline(name: &str, headings: &[(u32, &str)]) {
    let path = format!("{}/tests/synthetic/{name}.txt", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&path).expect("synthetic fixture");
    let mut got = Vec::new();
    flat(&analyze(&text).outline, &mut got);
    let want: Vec<(u32, String)> = headings.iter().map(|(l, t)| (*l, t.to_string())).collect();
    assert_eq!(got, want, "{name}: outline");
}

/// A copy from an archive site in Markdown: bold headings, metadata lines, a quoted notice with
/// its own signature, links, escaped list numbers and rules.
#[test]
fn markdown_archive_copy() {
    check_outline(
        "markdown_archive_copy",
        &[
            (1, "工作目标"),
            (1, "重点任务"),
            (2, "推进老旧小区改造"),
            (2, "完善城市基础设施"),
            (3, "新建改造供水管网500公里"),
            (3, "建设海绵城市示范片区10个"),
            (1, "保障措施"),
            (2, "加强组织领导"),
            (2, "强化资金保障"),
        ],
    );
}

/// A school's web page: forty-odd menu lines, then a notice with its own signature and date
/// wrapping the plan; the plan's outline survives.
#[test]
fn school_plan_behind_site_menu() {
    check_outline(
        "school_plan_behind_site_menu",
        &[
            (1, "指导思想"),
            (1, "工作目标"),
            (1, "主要任务"),
            (2, "加强德育工作"),
            (3, "开展主题班会活动，每月不少于2次"),
            (3, "组织学生参加社会实践活动"),
            (2, "提升教学质量"),
            (3, "推进课堂教学改革"),
            (3, "加强教学常规管理"),
            (1, "保障措施"),
        ],
    );
}

/// A calendar appended to a school plan: the `附：` line heads it, month lines are one level
/// below, their restarting items the next; `2.5-6月份` is item 2 about May–June; `——` bullets
/// are list items.
#[test]
fn school_plan_with_calendar() {
    check_outline(
        "school_plan_with_calendar",
        &[
            (1, "指导思想"),
            (1, "主要工作"),
            (2, "加强教师队伍建设"),
            (3, "组织青年教师参加市级培训，全年培训不少于40人次"),
            (3, "开展“青蓝工程”师徒结对活动"),
            (2, "推进课堂教学改革"),
            (3, "每学期开展公开课展示活动"),
            (3, "5-6月份，组织开展课堂教学专项调研"),
            (1, "保障措施"),
            (1, "某中学教研室2020年工作行事历"),
            (2, "三月份"),
            (3, "组织教师培训报名"),
            (3, "召开开学教研工作会议"),
            (2, "四月份"),
            (3, "开展期中教学质量检测"),
            (3, "组织青年教师赛课"),
            (2, "五月份"),
            (3, "开展课题中期检查"),
        ],
    );
}
