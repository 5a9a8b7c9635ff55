//! Numerals: Arabic (with thousands separators and decimals) and Chinese (一…十, 百/千/万/亿, 两,
//! 〇/零), parsed to `f64` (docs/domain.md#quantities).

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

/// Value of a Chinese ordinal from 一 to 九百九十九 as headings and list items number themselves
/// (`十二` → 12, `三十三` → 33, `一百零一` → 101). Stricter than [`parse_cjk`]: only the written
/// shapes of a counted position, so `十四五` (a plan period), `两` and `零` are no ordinal.
pub fn cjk_ordinal(s: &str) -> Option<u32> {
    let d = |c: char| {
        cjk_digit(c)
            .filter(|&v| v > 0 && c != '两')
            .map(|v| v as u32)
    };
    let cs: Vec<char> = s.chars().collect();
    if cs.len() > 6 {
        return None;
    }
    if let Some(p) = cs.iter().position(|&c| c == '百') {
        let hundreds = match p {
            0 => 1,
            1 => d(cs[0])?,
            _ => return None,
        };
        let mut rest: &[char] = &cs[p + 1..];
        if rest.first().is_some_and(|&c| c == '零' || c == '〇') {
            rest = &rest[1..];
            if rest.len() != 1 {
                return None;
            }
        }
        let tail: String = rest.iter().collect();
        let low = if tail.is_empty() {
            0
        } else {
            cjk_ordinal(&tail)?
        };
        return Some(hundreds * 100 + low);
    }
    match cs.as_slice() {
        ['十'] => Some(10),
        [a] => d(*a),
        ['十', b] => Some(10 + d(*b)?),
        [a, '十'] => Some(d(*a)? * 10),
        [a, '十', b] => Some(d(*a)? * 10 + d(*b)?),
        _ => None,
    }
}

/// Value of a Chinese integer numeral (`十五` 15, `一百零五` 105, `两万三` 23000, `百` 100).
///
/// The usual reading of Chinese numerals: sections below 万 accumulate; 万 and 亿 close a section.
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

/// `true` for the CJK digit chars (not the scale chars 十百千万亿).
fn is_cjk_digit(c: char) -> bool {
    cjk_digit(c).is_some()
}

/// `true` for every char a Chinese numeral is written with: the digits and the scale chars.
pub fn is_cjk_numeral(c: char) -> bool {
    cjk_digit(c).is_some() || cjk_unit(c).is_some()
}

/// The chars [`is_cjk_numeral`] takes, as a list (for tables built at compile time; a test
/// checks that the two agree).
pub const CJK_NUMERAL_CHARS: &[char] = &[
    '〇', '零', '○', '一', '二', '两', '三', '四', '五', '六', '七', '八', '九', '十', '百', '千',
    '万', '亿',
];

/// A Chinese numeral that may be an approximate range of two adjacent digits (GB/T 15835 概数):
/// `三四` 3–4, `十五六` 15–16, `二三十` 20–30, `一两` 1–2, `三五` 3–5. Returns `(low, high)`, equal
/// for an ordinary numeral, or `None` when the run is no numeral at all (positional digit strings
/// such as `二〇二三` are years or codes, never counts).
pub fn parse_cjk_range(s: &str) -> Option<(f64, f64)> {
    let chars: Vec<char> = s.chars().collect();
    // Find a pair of adjacent digits; an ordinary numeral has none.
    let pair = chars
        .windows(2)
        .position(|w| is_cjk_digit(w[0]) && is_cjk_digit(w[1]));
    let Some(i) = pair else {
        return parse_cjk(s).map(|v| (v, v));
    };
    let (a, b) = (cjk_digit(chars[i])?, cjk_digit(chars[i + 1])?);
    let adjacent = b == a + 1 || (a == 1 && chars[i + 1] == '两') || (a == 3 && b == 5);
    if !adjacent || a == 0 {
        return None;
    }
    // Only one pair, and nothing but one scale char after it.
    let rest: String = chars[i + 2..].iter().collect();
    if rest.chars().any(is_cjk_digit) || rest.chars().count() > 1 {
        return None;
    }
    let prefix: String = chars[..i].iter().collect();
    let scale = match rest.chars().next() {
        None => 1.0,
        Some(c) => cjk_unit(c)? as f64,
    };
    let base = if prefix.is_empty() {
        0.0
    } else {
        // `十五六`: the prefix is the tens; a prefix must end in a scale char.
        if prefix.chars().last().is_none_or(|c| cjk_unit(c).is_none()) {
            return None;
        }
        parse_cjk(&prefix)?
    };
    Some((base + a as f64 * scale, base + b as f64 * scale))
}

/// `百分之八十` → 80, `百分之百` → 100, `百分之五点五` → 5.5.
pub fn parse_percent_words(s: &str) -> Option<f64> {
    let rest = s.strip_prefix("百分之")?;
    match rest.split_once('点') {
        Some((int, frac)) => {
            let i = parse_cjk(int)?;
            let digits: String = frac
                .chars()
                .map(|c| cjk_digit(c).map(|d| char::from(b'0' + d as u8)))
                .collect::<Option<String>>()?;
            format!("{}.{digits}", i as u64).parse().ok()
        }
        None => parse_cjk(rest),
    }
}

/// A Chinese numeral split into its value and a trailing multiplier that belongs to the unit as
/// written (`十万` + `人` → 10 and `万人`), so that CJK and Arabic numerals follow one convention:
/// `value` is the number in the unit as written (`1200万人` → 1200 `万人`).
pub fn split_trailing_multiplier(s: &str) -> (&str, &str) {
    for m in ["万亿", "亿", "万"] {
        if let Some(head) = s.strip_suffix(m) {
            if !head.is_empty() && parse_cjk(head).is_some() {
                return (head, &s[head.len()..]);
            }
        }
    }
    (s, "")
}

/// Value of either kind of numeral.
pub fn parse_number(s: &str) -> Option<f64> {
    parse_arabic(s).or_else(|| parse_cjk(s))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ordinals() {
        assert_eq!(cjk_ordinal("十二"), Some(12));
        assert_eq!(cjk_ordinal("三十三"), Some(33));
        assert_eq!(cjk_ordinal("十"), Some(10));
        assert_eq!(cjk_ordinal("一百零一"), Some(101));
        assert_eq!(cjk_ordinal("九百九十九"), Some(999));
        assert_eq!(cjk_ordinal("零"), None);
        assert_eq!(cjk_ordinal("两"), None);
        assert_eq!(cjk_ordinal("〇"), None);
        assert_eq!(cjk_ordinal("十四五"), None);
        assert_eq!(cjk_ordinal("一千"), None);
    }

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

    #[test]
    fn adjacent_digit_ranges() {
        assert_eq!(parse_cjk_range("三四"), Some((3.0, 4.0)));
        assert_eq!(parse_cjk_range("十五六"), Some((15.0, 16.0)));
        assert_eq!(parse_cjk_range("二三十"), Some((20.0, 30.0)));
        assert_eq!(parse_cjk_range("一两"), Some((1.0, 2.0)));
        assert_eq!(parse_cjk_range("三五"), Some((3.0, 5.0)));
        assert_eq!(parse_cjk_range("二十一"), Some((21.0, 21.0)));
        assert_eq!(parse_cjk_range("二〇二三"), None);
        assert_eq!(parse_cjk_range("三七"), None);
    }

    #[test]
    fn percent_words_and_multipliers() {
        assert_eq!(parse_percent_words("百分之八十"), Some(80.0));
        assert_eq!(parse_percent_words("百分之百"), Some(100.0));
        assert_eq!(parse_percent_words("百分之五点五"), Some(5.5));
        assert_eq!(parse_percent_words("八十"), None);
        assert_eq!(split_trailing_multiplier("十万"), ("十", "万"));
        assert_eq!(split_trailing_multiplier("两万三"), ("两万三", ""));
        assert_eq!(split_trailing_multiplier("万"), ("万", ""));
    }
}
