//! Targets of one sentence: per clause, each quantity with the comparator, change, time,
//! recurrence, strength, scope and subject around it; the coverage, zero and rank cues; the
//! values of a paired time phrase (docs/domain.md#targets).

use super::deliverables::{
    asked_subject, clause_initial, deliverable, frames_principles, relative_then_verb,
    scheduled_activity, DELIVER_SET,
};
use super::*;

static FUTURE_SET: LazySet = LazySet::new(FUTURE_WORDS);

static LIMIT_SET: LazySet = LazySet::new(lexicon::LIMIT_ACTIONS);

static BASE_SET: LazySet = LazySet::new(CHANGE_BASES);

static TOTAL_SET: LazySet = LazySet::new(&["总数达", "累计", "总量", "总数", "共"]);

static NEW_SET: LazySet = LazySet::new(&["新增", "新建", "增加", "新培育", "扩增"]);

/// Forecast, retrospective and future words in one table, so a clause is read once.
fn voice_set() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| WordSet::new(&[FORECAST, RETRO_WORDS, FUTURE_WORDS].concat()))
}

/// The three strength tables in one, in the order firm, aspirational, planned.
fn strength_set() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| {
        WordSet::new(&[STRENGTH_FIRM, STRENGTH_ASPIRATIONAL, STRENGTH_PLANNED].concat())
    })
}

fn comparator_set() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| {
        WordSet::new(
            &COMPARATOR_BEFORE
                .iter()
                .map(|(w, _)| *w)
                .collect::<Vec<_>>(),
        )
    })
}

fn recurrence_set() -> &'static WordSet {
    static S: OnceLock<WordSet> = OnceLock::new();
    S.get_or_init(|| WordSet::new(&RECURRENCE.iter().map(|(w, _)| *w).collect::<Vec<_>>()))
}

pub(super) fn contains_any(s: &str, set: &LazySet) -> bool {
    set.get().any_in(s)
}

/// Is this clause retrospective or a forecast (traps 16–17)?
pub(super) fn past_clause(clause: &str, past_year: bool) -> bool {
    let (f, r) = (FORECAST.len(), RETRO_WORDS.len());
    let (mut forecast, mut retro, mut future) = (false, false, false);
    for i in voice_set().rows_in(clause) {
        match i {
            i if i < f => forecast = true,
            i if i < f + r => retro = true,
            _ => future = true,
        }
    }
    if forecast {
        return true;
    }
    // 已 before a verb (已建成, 已实现), but not 而已 or the baseline 已有
    let yi = || {
        clause.char_indices().any(|(i, c)| {
            c == '已' && !clause[..i].ends_with('而') && !clause[i..].starts_with("已有")
        })
    };
    // 去年新增…: last year as the time of the clause (比去年/较去年 is a base)
    let last_year = || {
        clause
            .match_indices("去年")
            .any(|(i, _)| !clause[..i].ends_with(['比', '较', '同']))
    };
    (past_year || retro || yi() || last_year()) && !future
}

/// Comparator words before a quantity: (comparator, byte offset where the words start, whether
/// they sit right before the number so that `text` should include them).
fn comparator_before(gap: &str) -> Option<(Comparator, usize, bool)> {
    let (i, r) = comparator_set().last_in(gap)?;
    let (start, end) = (r.start, r.end);
    let rest = &gap[end..];
    let rest_chars = rest.trim().chars().count();
    let single = COMPARATOR_BEFORE[i].0.chars().count() == 1;
    // one-char words (超, 近, 约, 逾) only right before the number; others up to 12 chars away
    if (single && rest_chars > 0) || rest_chars > 12 {
        return None;
    }
    // 最低标准从209元提高到217元: a verb of level between them governs the number, and the word
    // was part of a noun
    if rest_chars > 2 && LEVEL_VERBS.iter().any(|v| rest.trim_end().ends_with(v)) {
        return None;
    }
    let adjacent = rest_chars <= 2 && !rest.contains('的');
    Some((COMPARATOR_BEFORE[i].1, start, adjacent))
}

/// The change verb right before a quantity (or before its comparator words).
fn change_before(s: &str) -> Option<Change> {
    let s = s.trim_end();
    if CHANGE_UP.iter().any(|w| s.ends_with(w)) {
        Some(Change::Increase)
    } else if CHANGE_DOWN.iter().any(|w| s.ends_with(w)) {
        Some(Change::Decrease)
    } else {
        None
    }
}

/// The change verb a change target ends with (`增加`, `降低`).
fn change_verb(s: &str) -> Option<&'static str> {
    let s = s.trim_end();
    CHANGE_UP
        .iter()
        .chain(CHANGE_DOWN)
        .find(|w| s.ends_with(*w))
        .copied()
}

pub(super) fn strength_of(s: &str) -> Option<Strength> {
    let (f, a) = (STRENGTH_FIRM.len(), STRENGTH_ASPIRATIONAL.len());
    strength_set().last_in(s).map(|(i, _)| match i {
        i if i < f => Strength::Firm,
        i if i < f + a => Strength::Aspirational,
        _ => Strength::Planned,
    })
}

fn recurrence_of(s: &str) -> Option<&'static str> {
    recurrence_set().last_in(s).map(|(i, _)| RECURRENCE[i].1)
}

fn per_of(s: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::new(
            r"每[所个名位家户]|每一[所个名位]|每(?:十|百|千|万|十万|百万)人口?|人均|生均|户均",
        )
        .expect("per pattern")
    });
    let m = re.find_iter(s).last()?;
    if !m.as_str().starts_with('每') || m.as_str().ends_with('口') || m.as_str().ends_with('人')
    {
        // 人均, 生均, 每千人口: the word itself is the scope
        return Some(m.as_str().to_string());
    }
    let rest = &s[m.end()..];
    let stop = rest
        .char_indices()
        .find(|(_, c)| "至不建创都均应要需每,、拥有的".contains(*c))
        .map_or(rest.len(), |(i, _)| i);
    let noun: String = rest[..stop].chars().take(8).collect();
    Some(format!("{}{}", m.as_str(), noun))
}

fn scope_of(before: &str, deadline: Option<&str>) -> Option<Scope> {
    if contains_any(before, &TOTAL_SET) {
        Some(Scope::Total)
    } else if contains_any(before, &NEW_SET) {
        Some(Scope::New)
    } else if deadline.is_some_and(|d| d.ends_with("年内") && d != "年内" || d.contains("期间"))
    {
        Some(Scope::PeriodTotal)
    } else {
        None
    }
}

/// `投资5000万元以上项目`, `100人以上的企业`: a bound that qualifies a noun is an eligibility
/// threshold, not a target (a share, `85%以上的中小学…`, stays a target).
///
/// Without a listed noun, the shape still tells: `N以上` / `N及以上` followed by a noun (optionally
/// after 的) in a clause that goes on to state another number (`年综合能耗1万吨标准煤以上的重点用能
/// 单位节能诊断30家`, `110千伏及以上输电线路800公里`, `年经营性收入50万元以上的村占比达到35%`) —
/// the measured amount is the later number, the bound only picks what is counted.
fn is_threshold(q: &Quantity, after: &str, later_number: bool) -> bool {
    let bounded = matches!(q.comparator, Some(Comparator::Gte | Comparator::Lte));
    if !bounded || matches!(q.class, UnitClass::Ratio | UnitClass::Points) {
        return false;
    }
    let after = after.strip_prefix('的').unwrap_or(after);
    if lexicon::THRESHOLD_NOUNS
        .iter()
        .any(|n| after.starts_with(n))
    {
        return true;
    }
    later_number
        && after
            .chars()
            .next()
            .is_some_and(|c| ('\u{4e00}'..='\u{9fff}').contains(&c) || c == '“')
}

/// `以后每 3 天 1 次`, `连续再处理 3 次`: a count of times that ends its clause after a recurrence
/// or 连续 is how often a routine duty is done, not a deliverable; `每学年组织1次…推广活动`, which
/// names what is held, stays a count.
fn is_frequency(q: &Quantity, before: &str, after: &str) -> bool {
    let ends = after
        .trim_matches(|c: char| c.is_whitespace() || "，。；、,;".contains(c))
        .is_empty();
    ends && lexicon::OCCURRENCE_UNITS.contains(&q.unit.as_str())
        && lexicon::FREQUENCY_LEADS.iter().any(|w| before.contains(w))
}

/// `以滨江10.5平方公里滨水区域为核心`: a number inside a framing `以…为…` phrase sizes the ground of
/// the plan ([`lexicon::FRAMING_ENDS`]).
fn framed(before: &str, after: &str) -> bool {
    before.contains('以')
        && lexicon::FRAMING_ENDS.iter().any(|w| {
            after
                .find(w)
                .is_some_and(|at| !after[..at].contains(['，', ',', '。']))
        })
}

/// `实施条件：屋面总面积2000平方米以上`: a number after a label of conditions in its sentence.
fn is_condition(sentence_before: &str) -> bool {
    sentence_before
        .split_once([':', '：'])
        .is_some_and(|(label, _)| lexicon::CONDITION_WORDS.iter().any(|w| label.contains(w)))
}

/// Does an action verb end `before` (so it governs the number that follows)?
fn verb_governs(before: &str) -> bool {
    subject::last_action(before).is_some_and(|(_, end)| end >= before.trim_end().len())
}

/// `新建1000个粮油千亩高产片`, `万亩良田`: a bare scale word (千, 万) with its unit before a noun,
/// after a name rather than a verb that governs it, names a kind of thing.
fn is_scale_name(q: &Quantity, hay: &str, before: &str, after: &str) -> bool {
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    q.cjk
        && hay[q.numeral.clone()]
            .chars()
            .all(|c| "百千万亿".contains(c))
        && after.starts_with(han)
        && !verb_governs(before)
}

/// `推动国达化工60万吨钾肥复合造粒`: a capacity written straight before the noun it sizes, after a
/// name rather than a verb that governs it, specifies a project ([`lexicon::CAPACITY_UNITS`]).
fn is_specification(q: &Quantity, before: &str, after: &str) -> bool {
    let base = q.unit.trim_start_matches(['万', '亿', '千', '百']);
    let han = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    q.comparator.is_none()
        && lexicon::CAPACITY_UNITS.contains(&base)
        && after.starts_with(han)
        && before.trim_end().ends_with(han)
        && !verb_governs(before)
        // 二期、…二期等402万千瓦机组: the total of the projects listed, an amount
        && !before
            .trim_end()
            .ends_with(|c: char| "到至为达等".contains(c))
}

/// `90分以上为优秀` / `75—89分为良好` / `得分率60%以下的为不合格`: the number bounds a grade band of an
/// appraisal (a scoring rule), whatever its comparator.
fn is_grade_band(after: &str) -> bool {
    let after = after.trim_start();
    let after = after.strip_prefix('的').unwrap_or(after);
    lexicon::GRADE_VERBS
        .iter()
        .filter_map(|v| after.strip_prefix(v))
        .any(|rest| {
            let rest = rest.trim_start_matches(['“', '"', '‘']);
            lexicon::GRADE_WORDS.iter().any(|g| rest.starts_with(g))
        })
}

/// `…前10%` / `…前20名` after a ranking verb (进入, 位居, 排名 …) of the same clause.
fn is_rank(gap: &str) -> bool {
    let Some(lead) = gap.strip_suffix('前') else {
        return false;
    };
    // 6月底前, 2025年前 are time limits
    !lead.ends_with(|c: char| c.is_ascii_digit() || "年月日底末".contains(c))
        && lexicon::RANK_LEADS.iter().any(|w| lead.contains(w))
}

/// `3天内`: a duration closed by `内` that is no response's opening window (`前3天内`); returns the
/// length of what follows `q` up to and with the `内`.
fn limit_len(q: &Quantity, before: &str, after: &str) -> Option<usize> {
    // 3—5 天内 stays a range
    if q.class != UnitClass::Duration || q.comparator.is_some_and(|c| c != Comparator::Range) {
        return None;
    }
    let rest = after.trim_start_matches(' ').strip_prefix('内')?;
    (!before.trim_end_matches(' ').ends_with('前')).then(|| after.len() - rest.len())
}

/// `24 小时内完成…`: a time limit followed by an action of the plan is a target, at most the
/// number; returns the length of the `内` it takes (after `q`).
fn time_limit_end(q: &Quantity, before: &str, after: &str) -> Option<usize> {
    let n = limit_len(q, before, after)?;
    let next = after[n..].trim_start_matches([' ', '\n', '\u{c}']);
    LIMIT_SET.get().longest_at(next, 0).map(|_| n)
}

/// `after` without the words of [`lexicon::LIMIT_LINKS`] that open it.
fn strip_links(mut after: &str) -> &str {
    while let Some(w) = lexicon::LIMIT_LINKS.iter().find(|w| after.starts_with(*w)) {
        after = &after[w.len()..];
    }
    after
}

/// Needs a bare duration or age a cue to be a value? (`3天内报送`, `3—6岁儿童`, `2023年` are not)
fn has_value_cue(q: &Quantity, gap: &str, clause_before: &str, cmp_before: bool) -> bool {
    let cmp_before_multi = cmp_before
        && comparator_set()
            .last_in(gap)
            .is_some_and(|(i, _)| COMPARATOR_BEFORE[i].0.chars().count() > 1);
    // 提高到80岁 (a level) or 提高1岁 (a change) make an age or a duration a value
    let level =
        LEVEL_VERBS.iter().any(|v| gap.trim_end().ends_with(v)) || change_before(gap).is_some();
    match q.class {
        UnitClass::Age => level,
        // 近3年 / 约3年 are spans of the past, not values; 不少于3年 is
        UnitClass::Duration if q.unit.ends_with('年') => level || cmp_before_multi,
        UnitClass::Duration => {
            level
                || cmp_before
                || recurrence_of(clause_before).is_some()
                    && !gap.trim_end().ends_with('满')
                    && !q.unit.ends_with('日')
        }
        _ => true,
    }
}

/// Reads one sentence; `carry_in` says the sentence before it (up to a `；`) ended in the past.
/// Returns whether this one ends in the past.
pub(super) fn sentence_targets(
    b: &Builder,
    f: &Found,
    s: &Sentence,
    first_year: Option<i32>,
    carry_in: bool,
    out: &mut Vec<Target>,
) -> bool {
    let hay = b.hay;
    // most sentences hold no number, cue or date: nothing to do
    if within(&f.quantities, &s.range, |q| q.range.start).is_empty()
        && within(&f.cues, &s.range, |c| c.range.start).is_empty()
        && within(&f.times, &s.range, |x| x.range.start).is_empty()
    {
        return carry_in;
    }
    if status_sentence(&hay[s.range.clone()]) {
        return true;
    }
    // a year inside a cited title (《2023年…意见》) dates nothing
    let masked_time = |tp: &TimePhrase| {
        f.masks
            .covering(tp.range.start)
            .is_some_and(|m| tp.range.end <= m.end && hay[m.clone()].starts_with('《'))
    };
    // 比2020年 / 以2020年为基期: the base of a change, neither a deadline nor a past marker
    let is_base = |tp: &TimePhrase| {
        hay[..tp.range.start]
            .trim_end()
            .ends_with(['比', '较', '以'])
            || hay[tp.range.end..].starts_with("为基期")
            || hay[tp.range.end..].starts_with("水平")
    };
    let times: Vec<&TimePhrase> = within(&f.times, &s.range, |x| x.range.start)
        .iter()
        .filter(|tp| !masked_time(tp) && !is_base(tp))
        .collect();
    let is_past = |tp: &TimePhrase| tp.year.zip(first_year).is_some_and(|(y, py)| y < py);

    let first_out = out.len();
    let mut carried_past = carry_in;
    let mut last_action: Option<&'static str> = None;
    for clause in &s.clauses {
        let ctext = &hay[clause.clone()];
        let clause_times: Vec<&&TimePhrase> = times
            .iter()
            .filter(|tp| clause.contains(&tp.range.start))
            .collect();
        let past_year = clause_times.iter().any(|tp| is_past(tp));
        let fresh_time = clause_times.iter().any(|tp| !is_past(tp));
        let past = if past_clause(ctext, past_year) {
            true
        } else {
            carried_past && !fresh_time && !contains_any(ctext, &FUTURE_SET)
        };
        carried_past = past;
        if past {
            continue;
        }
        if let Some((a, _)) = subject::last_action(ctext) {
            last_action = Some(a);
        }
        // a heading marker that opens the clause (`1.完成危桥改造20座`) is no part of a subject
        let marker_end = b.skips.skip_from(clause.start, clause.end);
        let mut prev_end = marker_end;
        let qs = within(&f.quantities, clause, |q| q.range.start);
        let mut clause_targets: Vec<Target> = Vec::new();
        // the clause's numbers that name no subject of their own
        let mut unnamed = 0;
        // `确保3天内成蚊密度ADI≤2`: a time limit that bounds the values after it is their deadline
        let mut bounding: Option<Range<usize>> = None;
        for q in qs {
            if q.range.end > clause.end || f.masks.hits(&q.numeral) {
                continue;
            }
            if b.skips.overlaps(&q.range) {
                continue;
            }
            let gap = &hay[prev_end.min(q.range.start)..q.range.start];
            let clause_before = &hay[clause.start..q.range.start];
            let cmp_before = comparator_before(gap);
            let later = qs
                .iter()
                .find(|x| x.range.start >= q.range.end && x.range.start < clause.end);
            let limit_end =
                time_limit_end(q, clause_before, &hay[q.range.end..clause.end]).filter(|_| {
                    // a limit that bounds a later value is that value's time, not a target
                    later.is_none()
                        && within(&f.cues, &(q.range.end..clause.end), |c| c.range.start).is_empty()
                });
            if limit_end.is_none() && !has_value_cue(q, gap, clause_before, cmp_before.is_some()) {
                if let Some(n) = limit_len(q, clause_before, &hay[q.range.end..clause.end]) {
                    bounding = Some(q.range.start..q.range.end + n);
                }
                continue;
            }
            // 公交站点500米覆盖率达到100%: the number qualifies the indicator the later number measures
            let qualifies = later.is_some_and(|x| {
                let between = &hay[q.range.end..x.range.start];
                between.starts_with(|c: char| ('\u{4e00}'..='\u{9fff}').contains(&c))
                    && LEVEL_VERBS.iter().any(|v| between.ends_with(v))
                    && !q.class.eq(&UnitClass::Ratio)
            });
            if qualifies
                || is_frequency(q, clause_before, &hay[q.range.end..clause.end])
                || framed(clause_before, &hay[q.range.end..clause.end])
                || is_condition(&hay[s.range.start..q.range.start])
                || is_specification(q, clause_before, &hay[q.range.end..clause.end])
                || is_scale_name(q, hay, clause_before, &hay[q.range.end..clause.end])
                // a later count in the same unit is a parallel item (5家以上…企业、10家以上…),
                // not the amount a threshold picks
                || is_threshold(
                    q,
                    &hay[q.range.end..clause.end],
                    later.is_some_and(|x| x.unit != q.unit),
                )
                || is_grade_band(&hay[q.range.end..clause.end])
            {
                continue;
            }
            let mut start = q.range.start;
            let mut comparator = q.comparator;
            let mut verb_end = q.range.start;
            if let Some((cmp, at, adjacent)) = cmp_before {
                if comparator != Some(Comparator::Range) {
                    comparator = Some(cmp);
                }
                if adjacent {
                    start = prev_end.min(q.range.start) + at;
                    verb_end = start;
                }
            }
            // the verb must touch the number (or its comparator). For a count or an amount it is a
            // change when the measured thing came before the verb (面积增加1万亩, 标准每人每年提高30元)
            // or a base is named; 增加1000个学位 (the noun after) is a count of new things
            let ends_clause = hay[q.range.end..clause.end]
                .trim_matches(|c: char| {
                    c.is_whitespace() || c.is_ascii_punctuation() || "，。；、".contains(c)
                })
                .is_empty();
            let change = change_before(&hay[clause.start..verb_end]).filter(|_| {
                matches!(
                    q.class,
                    UnitClass::Ratio
                        | UnitClass::Points
                        | UnitClass::Times
                        | UnitClass::Age
                        | UnitClass::Duration
                ) || contains_any(clause_before, &BASE_SET)
                    || ends_clause
            });
            if comparator.is_none() && is_rank(gap) {
                // 进入全国…绩效考核前10%: a rank, at most the number
                comparator = Some(Comparator::Lte);
                start = q.range.start - '前'.len_utf8();
            }
            let recurrence = recurrence_of(clause_before);
            if comparator.is_none()
                && q.class == UnitClass::Duration
                && matches!(recurrence, Some("day" | "week"))
            {
                // 每天锻炼1小时: a daily or weekly duration is a minimum
                comparator = Some(Comparator::Gte);
            }
            // 分别增长6%和7.5%: the second of a pair (joined to the target before it, in its unit)
            // shares the change of the first, and its subject when it names none
            let pair_first = clause_targets.last().filter(|p| {
                PAIR_JOINERS.contains(&gap.trim()) && p.unit.as_deref() == Some(q.unit.as_str())
            });
            let change = change.or_else(|| pair_first.and_then(|p| p.change));
            let kind = if change.is_some() {
                TargetKind::Change
            } else {
                match q.class {
                    UnitClass::Ratio => TargetKind::Percent,
                    UnitClass::Points | UnitClass::Times => TargetKind::Change,
                    UnitClass::Money => TargetKind::Money,
                    UnitClass::Duration => TargetKind::Duration,
                    _ => TargetKind::Count,
                }
            };
            let mut end = q.range.end;
            if let Some(e) = limit_end {
                comparator = comparator.or(Some(Comparator::Lte));
                end += e;
            }
            let mut tg = b.target(start..end, clause.clone(), kind);
            tg.value = q.value;
            tg.range = q.range_value;
            // an index bounded by a symbol or word (`BI<5`, `控制在5以下`) has no unit
            tg.unit = (!q.unit.is_empty()).then(|| q.unit.clone());
            tg.comparator = Some(comparator.unwrap_or(Comparator::Eq));
            tg.change = change;
            if q.placeholder {
                tg.flags.push("placeholder".into());
            }
            let after_end = next_start(qs, q, clause.end);
            let mut after = &hay[end.min(after_end)..after_end];
            if limit_end.is_some() {
                after = strip_links(after.trim_start());
            }
            // a time phrase before the number is the deadline, no part of the subject
            // (年底前关停燃煤锅炉15台)
            let from = past_times(&times, prev_end.min(start), start);
            tg.subject = subject::subject(&hay[from..start], after);
            // 幼虫密度BI＜5、5天内BI＜2: a bare index code repeats the indicator named before
            let prev = clause_targets.last().and_then(|p| p.subject.as_deref());
            if let Some(whole) = subject::code_of(tg.subject.as_deref(), prev) {
                tg.subject = Some(whole);
            }
            unnamed += usize::from(tg.subject.is_none());
            // 收入分别增长5.5%和7%, 收集率提高2个百分点，力争达到72%: a number that names no
            // subject measures the one of the target before it in its sentence, in its unit (a
            // rate after its change in points); a growth rate (总收入达到1500亿元，年均增长10%)
            // that of any quantity
            if tg.subject.is_none() {
                let growth = change.is_some() && q.unit == "%";
                tg.subject = clause_targets
                    .last()
                    .or(out[first_out..].last())
                    .filter(|p| {
                        // … and the level after a growth rate (收入增长7%以上，力争达到2.6万元)
                        let p_growth = p.change.is_some() && p.unit.as_deref() == Some("%");
                        p.unit.as_deref().is_some_and(|u| {
                            growth || p_growth || u == q.unit || (q.unit == "%" && u == "个百分点")
                        })
                    })
                    .and_then(|p| p.subject.clone());
            }
            if change.is_some()
                && q.unit == "%"
                && tg.subject.as_deref().is_some_and(|s| {
                    s.ends_with('率') || s.ends_with("比例") || s.ends_with("占比")
                })
            {
                // +2 % on a rate: relative or percentage points? (trap 12)
                tg.flags.push("pct_or_pp_ambiguous".into());
            }
            tg.action = match change {
                Some(_) => change_verb(&hay[clause.start..verb_end]),
                None => subject::last_action(clause_before)
                    .map(|(a, _)| a)
                    .or(last_action),
            }
            .map(str::to_string);
            tg.recurrence = recurrence.map(str::to_string);
            tg.per = per_of(clause_before);
            tg.strength = strength_of(&hay[s.range.start..q.range.start]);
            set_deadline(b, &times, q.range.start, &is_past, &mut tg);
            tg.scope = scope_of(clause_before, tg.deadline.as_deref());
            prev_end = q.range.end;
            clause_targets.push(tg);
        }
        for cue in within(&f.cues, clause, |c| c.range.start) {
            let from = past_times(&times, marker_end.min(cue.range.start), cue.range.start);
            if let Some(mut tg) =
                cue_target(b, clause, from, cue, &mut clause_targets, &times, &is_past)
            {
                // 推进全民健康生活方式行动，…，基本实现以县为单位全覆盖: a coverage whose own words
                // name nothing covers the work its sentence opens with
                if tg.subject.is_none() && cue.kind == TargetKind::Coverage && cue.unit.is_some() {
                    tg.subject = opening_work(b, s, clause);
                }
                clause_targets.push(tg);
            }
        }
        if let Some(r) = bounding {
            let raw =
                b.cx.text
                    .original(b.cx.text.span(b.off + r.start..b.off + r.end));
            let from = b.cx.text.orig_offset(b.off + r.end);
            for tg in clause_targets
                .iter_mut()
                .filter(|t| t.deadline.is_none() && t.span[0] >= from)
            {
                tg.deadline = Some(raw.clone());
            }
        }
        respectively(ctext, unnamed, &out[first_out..], &mut clause_targets);
        crate::order::by_key(&mut clause_targets, |t| t.span[0] as u64);
        if ctext.contains("分别") {
            distribute_subjects(&mut clause_targets);
        }
        out.extend(clause_targets);
    }
    pair_deadlines(b, &times, &mut out[first_out..]);
    // dated deliverables without a number
    for (i, tp) in times.iter().enumerate() {
        if is_past(tp) || !(tp.concrete || relative_then_verb(hay, tp)) {
            continue;
        }
        let raw = &hay[tp.range.clone()];
        let bare = deadlines::is_bare_month(raw);
        // 依次延迟到9月份、12月份举行: months joined into one list each date the activity after
        // the last of them
        let joined = |j: usize| {
            let (Some(a), Some(z)) = (times.get(j), times.get(j + 1)) else {
                return false;
            };
            let between = hay.get(a.range.end..z.range.start).unwrap_or("").trim();
            PAIR_JOINERS.contains(&between)
                && deadlines::is_bare_month(&hay[a.range.clone()])
                && deadlines::is_bare_month(&hay[z.range.clone()])
        };
        let mut last = i;
        while joined(last) {
            last += 1;
        }
        let scope_end = times.get(last + 1).map_or(s.range.end, |n| n.range.start);
        let t = b.cx.text;
        let scope = hay.get(times[last].range.end..scope_end).unwrap_or("");
        let start_phrase = raw.ends_with('起');
        let works = |x: &str| contains_any(x, &DELIVER_SET) || bare && scheduled_activity(x);
        let Some(clause) = s.clauses.iter().find(|c| {
            let rest = hay.get(tp.range.end.max(c.start)..c.end).unwrap_or("");
            c.end > tp.range.start
                && if start_phrase {
                    // 秋学期起,起始年级…: the deliverable is the clause after the phrase
                    !rest.trim().is_empty()
                } else {
                    works(rest)
                }
        }) else {
            continue;
        };
        if clause.start >= scope_end || (!start_phrase && !works(scope)) {
            continue;
        }
        // a number in the deliverable's own clause already carries the date (2024年完成30座); one
        // in a later clause (2024年建成平台，覆盖率达到100%) does not
        // — nor may any target already in the span this one would claim (a second date in the
        // clause, `2023年底前完成…2024年新增…12000个`): one commitment, one target.
        let end = if last > i {
            times[i + 1].range.start
        } else {
            clause.end.max(tp.range.end)
        };
        let (a, z) = (
            t.orig_offset(b.off + tp.range.start),
            t.orig_offset(b.off + end),
        );
        if out[first_out..]
            .iter()
            .any(|tg| tg.span[0] < z && a < tg.span[1])
        {
            continue;
        }
        let ctext = &hay[clause.clone()];
        // 2015 年我国人均预期寿命已达 76.34 岁，…: a time whose own clause states the past
        let time_clause = s.clauses.iter().find(|c| c.contains(&tp.range.start));
        if past_clause(ctext, false)
            || time_clause.is_some_and(|c| past_clause(&hay[c.clone()], false))
            || !(clause_initial(hay, s, tp, &b.skips)
                || deadlines::reschedules(raw)
                || i > 0 && joined(i - 1))
            || frames_principles(&hay[tp.range.end..])
        {
            continue;
        }
        let mut tg = b.target(
            tp.range.start..end,
            tp.range.start.min(clause.start)..end,
            TargetKind::Deadline,
        );
        tg.deadline = Some(b.deadline_text(tp));
        tg.due = tp.due.clone();
        tg.strength = strength_of(&hay[s.range.start..end]);
        let (action, subject) = deliverable(&hay[tp.range.end..end]);
        tg.action = action.map(str::to_string);
        tg.subject = subject.and_then(|s| subject::tidy(subject::end_state(&s)));
        // 联络员相关信息请于…前报送: what is asked for stands before the time
        if let Some(p) = hay
            .get(clause.start..tp.range.start)
            .and_then(asked_subject)
        {
            tg.subject = subject::tidy(p);
        }
        out.push(tg);
    }
    crate::order::by_key(&mut out[first_out..], |t| t.span[0] as u64);
    carried_past
}

/// `2022年，全市非化石能源消费比重为17.6%，…`: a sentence opened by a bare year and stating a
/// level with the copula 为 is a baseline, whatever year the plan is (a commitment says 达到 / 到2025年).
fn status_sentence(s: &str) -> bool {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::new(r"^\s*(?:19|20)[0-9]{2}年(?:底|末)?[,，][^,，;；]*?为 *[0-9]")
            .expect("status pattern")
    });
    re.is_match(s) && !contains_any(s, &FUTURE_SET)
}

/// `接待游客1500万人次，旅游总收入150亿元，同比分别增长8%、10%`: a clause of 分别 whose numbers
/// name no subject measures, in order, the subjects of as many targets just before it in its
/// sentence (8% 接待游客, 10% 旅游总收入), not all the last one.
fn respectively(ctext: &str, unnamed: usize, before: &[Target], clause: &mut [Target]) {
    let n = clause.len();
    if n < 2 || unnamed != n || before.len() < n || !ctext.contains("分别") {
        return;
    }
    let named = &before[before.len() - n..];
    if named.iter().all(|t| t.subject.is_some()) {
        for (t, from) in clause.iter_mut().zip(named) {
            t.subject.clone_from(&from.subject);
        }
    }
}

/// `一产、二产、三产增加值分别增长5%左右、5%以上、5%左右`: a 分别 list that names as many items
/// as the values sharing its subject gives each value its own item (see
/// [`subject::distribute`]).
fn distribute_subjects(clause: &mut [Target]) {
    let mut i = 0;
    while i < clause.len() {
        let same = clause[i..]
            .iter()
            .take_while(|t| t.subject.is_some() && t.subject == clause[i].subject)
            .count();
        let items = clause[i]
            .subject
            .as_deref()
            .and_then(|s| subject::distribute(s, same));
        if let Some(items) = items {
            for (t, item) in clause[i..i + same].iter_mut().zip(items) {
                t.subject = Some(item);
            }
        }
        i += same.max(1);
    }
}

/// What joins the two values of a pair (`分别增长6%和7.5%`, `65%、63%`).
const PAIR_JOINERS: &[&str] = &["和", "、", "与", "及"];

/// `from` moved past the time phrases that lie between it and `to` (`年底前`, `三年内`, `第三季度前`):
/// they date the target and are no part of its subject.
fn past_times(times: &[&TimePhrase], from: usize, to: usize) -> usize {
    times
        .iter()
        .filter(|tp| tp.range.start >= from && tp.range.end <= to)
        .map(|tp| tp.range.end)
        .max()
        .unwrap_or(from)
}

fn next_start(qs: &[Quantity], q: &Quantity, clause_end: usize) -> usize {
    qs.iter()
        .map(|x| x.range.start)
        .find(|&s| s >= q.range.end)
        .unwrap_or(clause_end)
        .min(clause_end)
        .max(q.range.end)
}

fn set_deadline(
    b: &Builder,
    times: &[&TimePhrase],
    at: usize,
    is_past: &dyn Fn(&TimePhrase) -> bool,
    tg: &mut Target,
) {
    if let Some(tp) = times
        .iter()
        .rev()
        .find(|tp| tp.range.end <= at && !is_past(tp))
    {
        tg.deadline = Some(b.deadline_text(tp));
        tg.due = tp.due.clone();
    }
}

/// `到 2022 年和 2030 年，…分别不低于 22%和 30%，…保持在 90%以上`: each value of a pair takes
/// its own part of a paired time phrase (the first `到 2022 年`, the second `2030 年`); a value
/// outside a pair takes the whole phrase.
fn pair_deadlines(b: &Builder, times: &[&TimePhrase], ts: &mut [Target]) {
    let Some((i, j)) = deadlines::joined_pair(b.hay, times) else {
        return;
    };
    let (first, second) = (times[i], times[j]);
    let second_text = b.deadline_text(second);
    let whole = TimePhrase {
        range: first.range.start..second.range.end,
        ..second.clone()
    };
    let t = b.cx.text;
    let mut k = 0;
    while k < ts.len() {
        if ts[k].deadline.as_deref() != Some(second_text.as_str()) {
            k += 1;
            continue;
        }
        let paired = ts.get(k + 1).is_some_and(|n| {
            n.deadline == ts[k].deadline
                && ts[k].span[1] <= n.span[0]
                && joins_pair(&t.original([ts[k].span[1], n.span[0]]))
        });
        if paired {
            ts[k].deadline = Some(b.deadline_text(first));
            ts[k].due.clone_from(&first.due);
            k += 2;
        } else {
            ts[k].deadline = Some(b.deadline_text(&whole));
            k += 1;
        }
    }
}

/// Does the text between two values join them as a pair (`和`, `及以下和 `)?
fn joins_pair(between: &str) -> bool {
    let between = between.trim();
    between.chars().count() <= 6
        && !between.contains([',', '，', '；', ';'])
        && PAIR_JOINERS.iter().any(|j| between.ends_with(j))
}

/// The work the first clause of sentence `s` names (`核心区前3天每天至少开展一次成蚊灭杀` →
/// 成蚊灭杀), when `clause` comes after it.
fn opening_work(b: &Builder, s: &Sentence, clause: &Range<usize>) -> Option<String> {
    let first = s.clauses.first().filter(|c| c.start < clause.start)?;
    let from = b.skips.skip_from(first.start, first.end);
    let w = subject::coverage_subject(b.hay.get(from..first.end)?);
    (!w.is_empty()).then_some(w)
}

/// A coverage / zero / rank target, or `None` when the cue is rhetorical or already part of a
/// numeric target (`100%全覆盖` extends the `100%`).
fn cue_target(
    b: &Builder,
    clause: &Range<usize>,
    subject_from: usize,
    cue: &Cue,
    clause_targets: &mut [Target],
    times: &[&TimePhrase],
    is_past: &dyn Fn(&TimePhrase) -> bool,
) -> Option<Target> {
    let hay = b.hay;
    let (Some(before), Some(after)) = (
        hay.get(clause.start..cue.range.start),
        hay.get(cue.range.end..clause.end),
    ) else {
        return None;
    };
    // 不垮一坝, 不死一人: a pledge that names its own event; what follows it is the next pledge
    let pledge = {
        let w = &hay[cue.range.clone()];
        w.starts_with('不') && w.contains('一')
    };
    // A numeral of the clause already made this target (`排名前3名` is both a rank cue and the
    // quantity `3名` after a ranking verb): one commitment, one target.
    let span =
        b.cx.text
            .span(b.off + cue.range.start..b.off + cue.range.end);
    if clause_targets
        .iter()
        .any(|tg| tg.span[0] < span[1] && span[0] < tg.span[1])
    {
        return None;
    }
    // 健全覆盖全人群的…体系: 健全 + 覆盖, no coverage goal
    if hay[cue.range.clone()].starts_with('全') && before.ends_with('健') {
        return None;
    }
    if cue.kind == TargetKind::Coverage
        && lexicon::CUE_NAME_NEXT.iter().any(|w| after.starts_with(w))
    {
        return None;
    }
    if cue.kind == TargetKind::Coverage && cue.unit == Some("%") {
        // 县级全覆盖、行政村全覆盖: a list of coverage goals, not a series of adjectives
        let listed = after
            .strip_prefix('、')
            .and_then(|rest| rest.split(['、', '，', ',', '。', '；']).next())
            .is_some_and(|item| item.ends_with(&hay[cue.range.clone()]));
        if before.ends_with('、')
            || !listed
                && COVERAGE_ATTRIBUTIVE_NEXT
                    .iter()
                    .any(|w| after.starts_with(w))
        {
            return None;
        }
        // 100%全覆盖 / 100%名校资源全覆盖: one target, the 100%
        let t = b.cx.text;
        let cue_c = t.orig_offset(b.off + cue.range.start);
        // (a coverage cue before it is a goal of its own: 县级全覆盖、行政村全覆盖)
        if let Some(prev) = clause_targets.iter_mut().rev().find(|tg| {
            tg.value == Some(100.0)
                && tg.unit.as_deref() == Some("%")
                && tg.span[1] <= cue_c
                && tg.kind != TargetKind::Coverage
        }) {
            if prev.span[1] == cue_c {
                let end = t.span(b.off + cue.range.start..b.off + cue.range.end)[1];
                prev.span[1] = end;
                prev.text = t.original(prev.span);
                prev.kind = TargetKind::Coverage;
            }
            return None;
        }
    } else if cue.value == 0.0 {
        // 零误差 etc. are outcomes; 不发生 only with a following event noun, not in prohibitions
        if hay[cue.range.clone()].starts_with('不') && !pledge && after.trim().is_empty() {
            return None;
        }
    }
    let mut tg = b.target(cue.range.clone(), clause.clone(), cue.kind);
    tg.change = cue.change;
    tg.value = Some(cue.value);
    tg.unit = cue.unit.map(str::to_string);
    tg.comparator = Some(cue.comparator);
    tg.strength = strength_of(before);
    // the subject starts after a heading marker and a time phrase (`第五条 三年内完成…全覆盖`)
    let subj = subject::coverage_subject(hay.get(subject_from..cue.range.start).unwrap_or(""));
    let subj = subj.as_str();
    if pledge {
        tg.subject = None;
    } else if cue.unit.is_none() {
        // 实现“零增长”: the closing quote is no noun
        let noun: String = after
            .trim()
            .trim_start_matches(['”', '"', '’', '\''])
            .trim()
            .chars()
            .take(24)
            .collect();
        tg.subject = if noun.is_empty() {
            // 实现院内感染零事故: the event class is before the cue
            (!subj.is_empty()).then(|| {
                subj.chars()
                    .rev()
                    .take(24)
                    .collect::<Vec<_>>()
                    .into_iter()
                    .rev()
                    .collect()
            })
        } else {
            Some(noun)
        };
    } else if !subj.is_empty() {
        tg.subject = Some(
            subj.chars()
                .rev()
                .take(24)
                .collect::<Vec<_>>()
                .into_iter()
                .rev()
                .collect(),
        );
    }
    set_deadline(b, times, cue.range.start, is_past, &mut tg);
    Some(tg)
}
