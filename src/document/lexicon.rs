//! The word tables of the structure stage that are no rule rows of [`super::cues`] or
//! [`super::markers`]: region names the elements read an issuer's level from, and the words the
//! elements and outline compare against.

/// The provincial-level regions by their full names: a report's speaker says `我代表省人民政府`,
/// and the issuer is the government of the region the text names (`陕西省人民政府`).
pub const PROVINCIAL_REGIONS: &[&str] = &[
    "北京市",
    "天津市",
    "上海市",
    "重庆市",
    "河北省",
    "山西省",
    "辽宁省",
    "吉林省",
    "黑龙江省",
    "江苏省",
    "浙江省",
    "安徽省",
    "福建省",
    "江西省",
    "山东省",
    "河南省",
    "湖北省",
    "湖南省",
    "广东省",
    "海南省",
    "四川省",
    "贵州省",
    "云南省",
    "陕西省",
    "甘肃省",
    "青海省",
    "台湾省",
    "内蒙古自治区",
    "广西壮族自治区",
    "西藏自治区",
    "宁夏回族自治区",
    "新疆维吾尔自治区",
    "香港特别行政区",
    "澳门特别行政区",
];

/// Level words a body's short name starts with when it leaves out its region (`省人民政府`,
/// `自治区发展改革委`), longest first.
pub const REGION_LEVELS: &[&str] = &[
    "特别行政区",
    "自治区",
    "自治州",
    "自治县",
    "自治旗",
    "省",
    "市",
    "州",
    "盟",
    "县",
    "区",
    "旗",
];
