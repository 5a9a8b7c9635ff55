//! Subject synonyms, as data.
//!
//! Plans name the same thing in slightly different words from year to year and between a body and
//! its table: `区名班主任` in the body, `市区名班主任` in the table; `省优质园` and `省市优质园`.
//! Character n-grams already bring such pairs close; this table makes the known ones identical.
//! Each group lists a canonical form first and then the variants that are rewritten to it
//! (longest variant first is not required: [`canonical`] sorts them).
//!
//! Only add a group when the variants really name the same kind of thing in the genre — not
//! because one seed plan needs it.

/// `(canonical, variants)`. Variants are substrings of a normalised subject key; a variant that
/// starts with `=` is rewritten only when it is the whole key.
pub const SYNONYMS: &[(&str, &[&str])] = &[
    // 名班主任 at district or city-and-district level: the honour is the same kind of thing.
    (
        "名班主任",
        &["市区名班主任", "区名班主任", "市名班主任", "区级名班主任"],
    ),
    // 优质园 (quality kindergartens) graded by province/city.
    (
        "省市优质园",
        &[
            "省优质园",
            "市优质园",
            "省市级优质园",
            "省级优质园",
            "优质幼儿园",
        ],
    ),
    // Named teachers' studios.
    ("名教师工作室", &["名师工作室", "区名教师工作室"]),
    // 骨干教师 / 学科带头人 at district level.
    ("学科带头人", &["区学科带头人"]),
    ("骨干教师", &["区骨干教师"]),
    // Teaching-research projects.
    ("课题", &["教科研课题", "科研课题"]),
    // Inspections of schools.
    ("学校巡查", &["巡查学校"]),
    // Common public-sector spellings.
    ("卫生院", &["乡镇卫生院"]),
    ("污水处理厂", &["污水厂"]),
    // Government work reports (政府工作报告) name their main expected targets in a few set ways.
    // GDP growth is also 经济增长, but only as the whole subject (数字经济增长 is another thing).
    ("地区生产总值增长", &["=经济增长"]),
    // The consumer price index, however its rise is worded.
    (
        "居民消费价格涨幅",
        &[
            "居民消费价格指数涨幅",
            "居民消费价格指数上涨",
            "居民消费价格总水平上涨幅度",
            "居民消费价格上涨",
            "居民消费价格增长",
        ],
    ),
    ("城镇新增就业", &["城镇新增就业人数"]),
    ("规模以上工业增加值", &["规上工业增加值", "规模工业增加值"]),
    (
        "进出口总额",
        &["外贸进出口总额", "外贸进出口总值", "进出口总值"],
    ),
    // Carbon intensity: the direction is the target's change, not part of what is measured.
    ("二氧化碳排放", &["二氧化碳排放下降", "二氧化碳排放降低"]),
];

/// Every variant and canonical form as chars with its canonical form, longest first, built once:
/// a comparison asks for the canonical key of every target of both plans.
fn entries() -> &'static [(Vec<char>, &'static str)] {
    static ENTRIES: std::sync::OnceLock<Vec<(Vec<char>, &'static str)>> =
        std::sync::OnceLock::new();
    ENTRIES.get_or_init(|| {
        let mut entries = Vec::new();
        for (canon, vs) in SYNONYMS {
            entries.push((canon.chars().collect(), *canon));
            for v in vs.iter().filter(|v| !v.starts_with('=')) {
                entries.push((v.chars().collect(), *canon));
            }
        }
        entries.sort_by(|x: &(Vec<char>, &str), y| y.0.len().cmp(&x.0.len()).then(x.0.cmp(&y.0)));
        entries
    })
}

/// `key` with every known variant replaced by its canonical form. Scans left to right taking
/// the longest entry (variant or canonical) at each position, so `省市优质园` stays itself rather
/// than having its `市优质园` rewritten, and `市区名班主任` is not half-rewritten via `区名班主任`.
pub fn canonical(key: &str) -> String {
    if let Some((canon, _)) = SYNONYMS
        .iter()
        .find(|(_, vs)| vs.iter().any(|v| v.strip_prefix('=') == Some(key)))
    {
        return canon.to_string();
    }
    let entries = entries();
    let chars: Vec<char> = key.chars().collect();
    let mut out = String::with_capacity(key.len());
    let mut i = 0;
    while i < chars.len() {
        let hit = entries
            .iter()
            .find(|(v, _)| !v.is_empty() && chars[i..].starts_with(v));
        match hit {
            Some((v, canon)) => {
                out.push_str(canon);
                i += v.len();
            }
            None => {
                out.push(chars[i]);
                i += 1;
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn variants_become_canonical() {
        assert_eq!(canonical("市区名班主任"), "名班主任");
        assert_eq!(canonical("区名班主任"), "名班主任");
        assert_eq!(canonical("省优质园"), "省市优质园");
        assert_eq!(canonical("省市优质园"), "省市优质园");
        assert_eq!(canonical("特色学校"), "特色学校");
        assert_eq!(canonical("评选区名班主任工作室"), "评选名班主任工作室");
        assert_eq!(canonical(""), "");
        assert_eq!(canonical("经济增长"), "地区生产总值增长");
        assert_eq!(canonical("数字经济增长"), "数字经济增长");
        assert_eq!(canonical("居民消费价格指数涨幅"), "居民消费价格涨幅");
    }
}
