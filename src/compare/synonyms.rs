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

/// `(canonical, variants)`. Variants are substrings of a normalised subject key.
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
];

/// `key` with every known variant replaced by its canonical form. Scans left to right taking
/// the longest entry (variant or canonical) at each position, so `省市优质园` stays itself rather
/// than having its `市优质园` rewritten, and `市区名班主任` is not half-rewritten via `区名班主任`.
pub fn canonical(key: &str) -> String {
    let mut entries: Vec<(Vec<char>, &str)> = Vec::new();
    for (canon, vs) in SYNONYMS {
        entries.push((canon.chars().collect(), canon));
        for v in vs.iter() {
            entries.push((v.chars().collect(), canon));
        }
    }
    entries.sort_by(|x, y| y.0.len().cmp(&x.0.len()).then(x.0.cmp(&y.0)));
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
    }
}
