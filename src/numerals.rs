//! Numerals: Arabic (with thousands separators and decimals) and Chinese (一…十, 百/千/万/亿, 两,
//! 〇/零), parsed to `f64` (domain guide §5).

/// Value of an Arabic numeral as written in the folded text (`12,000`, `52.5`).
pub fn parse_arabic(s: &str) -> Option<f64> {
    let cleaned: String = s.chars().filter(|c| *c != ',').collect();
    if cleaned.is_empty() || !cleaned.chars().all(|c| c.is_ascii_digit() || c == '.') {
        return None;
    }
    cleaned.parse().ok()
}

fn cjk_digit(c: char) -> Option<u64> {
    Some(match c {
        '〇' | '零' | '○' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn cjk_unit(c: char) -> Option<u64> {
    Some(match c {
        '十' => 10,
        '百' => 100,
        '千' => 1000,
        '万' => 10_000,
        '亿' => 100_000_000,
        _ => return None,
    })
}

/// Value of a Chinese integer numeral (`十五` 15, `一百零五` 105, `两万三` 23000, `百` 100).
///
/// The algorithm of domain guide §5.2: sections below 万 accumulate; 万 and 亿 close a section.
/// A trailing digit after 千/百/万 with no 零 between scales down one place (`一万五` = 15000).
pub fn parse_cjk(s: &str) -> Option<f64> {
    let mut total: u64 = 0;
    let mut section: u64 = 0;
    let mut digit: Option<u64> = None;
    let mut prev_unit: u64 = 0;
    let mut last_big: u64 = u64::MAX;
    let mut zero_seen = false;
    let mut any = false;
    for c in s.chars() {
        any = true;
        if let Some(d) = cjk_digit(c) {
            if d == 0 {
                zero_seen = true;
            }
            digit = Some(d);
        } else if let Some(u) = cjk_unit(c) {
            if u < 10_000 {
                section = section.checked_add(digit.unwrap_or(1).checked_mul(u)?)?;
                digit = None;
                prev_unit = u;
                zero_seen = false;
            } else {
                let d = digit
                    .take()
                    .unwrap_or(if section == 0 && total == 0 { 1 } else { 0 });
                section = section.checked_add(d)?;
                if u < last_big {
                    total = total.checked_add(section.checked_mul(u)?)?;
                } else {
                    total = total.checked_add(section)?.checked_mul(u)?;
                }
                last_big = u;
                section = 0;
                prev_unit = u;
                zero_seen = false;
            }
        } else {
            return None;
        }
    }
    if !any {
        return None;
    }
    if let Some(d) = digit {
        let d = if prev_unit >= 100 && !zero_seen {
            d * prev_unit / 10
        } else {
            d
        };
        section = section.checked_add(d)?;
    }
    Some(total.checked_add(section)? as f64)
}

/// Value of either kind of numeral.
pub fn parse_number(s: &str) -> Option<f64> {
    parse_arabic(s).or_else(|| parse_cjk(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arabic() {
        assert_eq!(parse_arabic("12,000"), Some(12000.0));
        assert_eq!(parse_arabic("52.5"), Some(52.5));
        assert_eq!(parse_arabic("x"), None);
    }

    #[test]
    fn cjk_table_of_the_domain_guide() {
        for (s, v) in [
            ("十五", 15.0),
            ("二十", 20.0),
            ("三十三", 33.0),
            ("一百零五", 105.0),
            ("一千零一十", 1010.0),
            ("两千", 2000.0),
            ("两万三", 23000.0),
            ("一万五千", 15000.0),
            ("三亿五千万", 3.5e8),
            ("一万亿", 1e12),
            ("百", 100.0),
            ("一", 1.0),
        ] {
            assert_eq!(parse_cjk(s), Some(v), "{s}");
        }
        assert_eq!(parse_cjk("abc"), None);
        assert_eq!(parse_cjk(""), None);
    }
}
