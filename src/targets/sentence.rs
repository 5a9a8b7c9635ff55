//! Targets of one sentence: per clause, each quantity with the comparator, change, time,
//! recurrence, strength, scope and subject around it; the coverage, zero and rank cues; the
//! values of a paired time phrase (docs/domain.md#targets).

use super::*;
use crate::text::is_han;

static FUTURE_SET: LazySet = LazySet::new(FUTURE_WORDS);

static LIMIT_SET: LazySet = LazySet::new(lexicon::LIMIT_ACTIONS);

static BASE_SET: LazySet = LazySet::new(CHANGE_BASES);

static TOTAL_SET: LazySet = LazySet::new(lexicon::TOTAL_WORDS);

static NEW_SET: LazySet = LazySet::new(lexicon::NEW_WORDS);

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
    strength_set().last_in(s).map(|(i, _)| strength_row(i))
}

/// The strength a row of the strength table says.
fn strength_row(i: usize) -> Strength {
    let (f, a) = (STRENGTH_FIRM.len(), STRENGTH_ASPIRATIONAL.len());
    match i {
        i if i < f => Strength::Firm,
        i if i < f + a => Strength::Aspirational,
        _ => Strength::Planned,
    }
}

/// The strength words of one sentence, found once: each quantity's strength is the last of them
/// before it, and a sentence of thousands of quantities would otherwise be scanned from its
/// start once per quantity.
struct Strengths {
    /// Rows and absolute byte ranges, left to right (`WordSet::find_iter`).
    found: Vec<(usize, Range<usize>)>,
}

impl Strengths {
    fn new(hay: &str, sentence: &Range<usize>) -> Strengths {
        let off = sentence.start;
        let found = strength_set()
            .find_iter(&hay[sentence.clone()])
            .map(|(row, r)| (row, r.start + off..r.end + off))
            .collect();
        Strengths { found }
    }

    /// What `strength_of(&hay[sentence.start..at])` says. The words found in the whole sentence
    /// that end by `at` are those found in the part before it, unless one runs across `at` (it may
    /// hide a shorter word that ends before): then that part is read itself.
    fn before(&self, hay: &str, sentence: &Range<usize>, at: usize) -> Option<Strength> {
        let i = self.found.partition_point(|(_, r)| r.end <= at);
        if self.found.get(i).is_some_and(|(_, r)| r.start < at) {
            return strength_of(&hay[sentence.start..at]);
        }
        i.checked_sub(1).map(|j| strength_row(self.found[j].0))
    }
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
    later_number && after.chars().next().is_some_and(|c| is_han(c) || c == '“')
}

/// `以后每 3 天 1 次`, `连续再处理 3 次`: a count of times that ends its clause after a recurrence
/// or 连续 is how often a routine duty is done, not a deliverable; `每学年组织1次…推广活动`, which
/// names what is held, stays a count.
fn is_frequency(q: &Quantity, before: &str, after: &str) -> bool {
    let ends = after
        .trim_matches(|c: char| c.is_whitespace() || "，。；、,;".contains(c))
        .is_empty();
    ends && lexicon::OCCURRENCE_UNITS.contains(&&*q.unit)
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
    q.cjk
        && hay[q.numeral.clone()]
            .chars()
            .all(|c| "百千万亿".contains(c))
        && after.starts_with(is_han)
        && !verb_governs(before)
}

/// `推动国达化工60万吨钾肥复合造粒`: a capacity written straight before the noun it sizes, after a
/// name rather than a verb that governs it, specifies a project ([`lexicon::CAPACITY_UNITS`]).
fn is_specification(q: &Quantity, before: &str, after: &str) -> bool {
    let base = q.unit.trim_start_matches(['万', '亿', '千', '百']);
    q.comparator.is_none()
        && lexicon::CAPACITY_UNITS.contains(&base)
        && after.starts_with(is_han)
        && before.trim_end().ends_with(is_han)
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

/// One sentence being read: the times that may date its targets, and the plan's first year
/// (a time before it is the past).
pub(super) struct Reading<'a> {
    pub(super) b: &'a Builder<'a>,
    pub(super) f: &'a Found,
    pub(super) s: &'a Sentence,
    pub(super) times: Vec<&'a TimePhrase>,
    first_year: Option<i32>,
    strengths: Strengths,
}

/// What a clause's reading carries from one quantity to the next.
struct ClauseReading<'a> {
    clause: &'a Range<usize>,
    /// Where the words before the next quantity start (past the last target, or a heading marker).
    prev_end: usize,
    targets: Vec<Target>,
    /// The clause's numbers that name no subject of their own.
    unnamed: usize,
    /// `确保3天内成蚊密度ADI≤2`: a time limit that bounds the values after it is their deadline.
    bounding: Option<Range<usize>>,
    /// The last action verb of the sentence so far.
    last_action: Option<&'static str>,
}

/// The words around a quantity that make it a value.
struct ValueCue<'a> {
    gap: Range<usize>,
    cmp_before: Option<(Comparator, usize, bool)>,
    later: Option<&'a Quantity>,
    /// `24小时内完成…`: the length of the `内` after the number of a time limit.
    limit_end: Option<usize>,
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
    // most sentences hold no number, cue or date: nothing to do
    if within(&f.quantities, &s.range, |q| q.range.start).is_empty()
        && within(&f.cues, &s.range, |c| c.range.start).is_empty()
        && within(&f.times, &s.range, |x| x.range.start).is_empty()
    {
        return carry_in;
    }
    if status_sentence(&b.hay[s.range.clone()]) {
        return true;
    }
    let r = Reading {
        b,
        f,
        s,
        times: dating_times(b.hay, f, s),
        first_year,
        strengths: Strengths::new(b.hay, &s.range),
    };
    let first_out = out.len();
    let mut carried_past = carry_in;
    let mut last_action: Option<&'static str> = None;
    for clause in &s.clauses {
        carried_past = r.clause_is_past(clause, carried_past);
        if carried_past {
            continue;
        }
        if let Some((a, _)) = subject::last_action(&b.hay[clause.clone()]) {
            last_action = Some(a);
        }
        let targets = r.clause_targets(clause, last_action, &out[first_out..]);
        out.extend(targets);
    }
    pair_deadlines(b, &r.times, &mut out[first_out..]);
    // dated deliverables without a number
    for i in 0..r.times.len() {
        if let Some(tg) = r.dated_deliverable(i, &out[first_out..]) {
            out.push(tg);
        }
    }
    crate::order::by_key(&mut out[first_out..], |t| t.span[0] as u64);
    carried_past
}

/// The time phrases of sentence `s` that may date a target: not a year inside a cited title
/// (`《2023年…意见》`), nor the base of a change (`比2020年`, `以2020年为基期`).
fn dating_times<'a>(hay: &str, f: &'a Found, s: &Sentence) -> Vec<&'a TimePhrase> {
    let masked_time = |tp: &TimePhrase| {
        f.masks
            .covering(tp.range.start)
            .is_some_and(|m| tp.range.end <= m.end && hay[m.clone()].starts_with('《'))
    };
    let is_base = |tp: &TimePhrase| {
        hay[..tp.range.start]
            .trim_end()
            .ends_with(['比', '较', '以'])
            || hay[tp.range.end..].starts_with("为基期")
            || hay[tp.range.end..].starts_with("水平")
    };
    within(&f.times, &s.range, |x| x.range.start)
        .iter()
        .filter(|tp| !masked_time(tp) && !is_base(tp))
        .collect()
}

impl Reading<'_> {
    pub(super) fn is_past(&self, tp: &TimePhrase) -> bool {
        tp.year.zip(self.first_year).is_some_and(|(y, py)| y < py)
    }

    /// Does `clause` state the past: in its own words, or carried from the clause before it when
    /// it names no time of its own and no future word?
    fn clause_is_past(&self, clause: &Range<usize>, carried_past: bool) -> bool {
        let ctext = &self.b.hay[clause.clone()];
        let clause_times = self
            .times
            .iter()
            .filter(|tp| clause.contains(&tp.range.start));
        let past_year = clause_times.clone().any(|tp| self.is_past(tp));
        let fresh_time = clause_times.clone().any(|tp| !self.is_past(tp));
        past_clause(ctext, past_year)
            || carried_past && !fresh_time && !contains_any(ctext, &FUTURE_SET)
    }

    /// The targets of one clause: its quantities, then its cues; `before` holds the targets of the
    /// sentence's earlier clauses.
    fn clause_targets(
        &self,
        clause: &Range<usize>,
        last_action: Option<&'static str>,
        before: &[Target],
    ) -> Vec<Target> {
        // a heading marker that opens the clause (`1.完成危桥改造20座`) is no part of a subject
        let marker_end = self.b.skips.skip_from(clause.start, clause.end);
        let mut c = ClauseReading {
            clause,
            prev_end: marker_end,
            targets: Vec::new(),
            unnamed: 0,
            bounding: None,
            last_action,
        };
        let qs = within(&self.f.quantities, clause, |q| q.range.start);
        for q in qs {
            let Some(v) = self.value_cue(&mut c, qs, q) else {
                continue;
            };
            if self.not_a_target(q, &v, clause) {
                continue;
            }
            let (tg, unnamed) = self.quantity_target(&c, qs, q, &v, before);
            c.unnamed += usize::from(unnamed);
            c.prev_end = q.range.end;
            c.targets.push(tg);
        }
        self.cue_targets(&mut c, marker_end);
        self.date_bounded(&mut c);
        let ctext = &self.b.hay[clause.clone()];
        respectively(ctext, c.unnamed, before, &mut c.targets);
        crate::order::by_key(&mut c.targets, |t| t.span[0] as u64);
        if ctext.contains("分别") {
            distribute_subjects(&mut c.targets);
        }
        c.targets
    }

    /// The cue that makes quantity `q` a value, or `None` (and a noted time limit that bounds the
    /// values after it) when it is masked, in a marker, or a bare duration or age without a cue.
    fn value_cue<'q>(
        &self,
        c: &mut ClauseReading,
        qs: &'q [Quantity],
        q: &Quantity,
    ) -> Option<ValueCue<'q>> {
        let (hay, clause) = (self.b.hay, c.clause);
        if q.range.end > clause.end || self.f.masks.hits(&q.numeral) {
            return None;
        }
        if self.b.skips.overlaps(&q.range) {
            return None;
        }
        let gap = c.prev_end.min(q.range.start)..q.range.start;
        let clause_before = &hay[clause.start..q.range.start];
        let after = &hay[q.range.end..clause.end];
        let cmp_before = comparator_before(&hay[gap.clone()]);
        let later = qs
            .iter()
            .find(|x| x.range.start >= q.range.end && x.range.start < clause.end);
        let limit_end = time_limit_end(q, clause_before, after).filter(|_| {
            // a limit that bounds a later value is that value's time, not a target
            later.is_none()
                && within(&self.f.cues, &(q.range.end..clause.end), |c| c.range.start).is_empty()
        });
        if limit_end.is_none()
            && !has_value_cue(q, &hay[gap.clone()], clause_before, cmp_before.is_some())
        {
            if let Some(n) = limit_len(q, clause_before, after) {
                c.bounding = Some(q.range.start..q.range.end + n);
            }
            return None;
        }
        Some(ValueCue {
            gap,
            cmp_before,
            later,
            limit_end,
        })
    }

    /// Is value `q` no target: a qualifier of a later number, a frequency, a frame, a condition, a
    /// specification, a scale name, a threshold or a grade band?
    fn not_a_target(&self, q: &Quantity, v: &ValueCue, clause: &Range<usize>) -> bool {
        let hay = self.b.hay;
        let clause_before = &hay[clause.start..q.range.start];
        let after = &hay[q.range.end..clause.end];
        // 公交站点500米覆盖率达到100%: the number qualifies the indicator the later number measures
        let qualifies = v.later.is_some_and(|x| {
            let between = &hay[q.range.end..x.range.start];
            between.starts_with(is_han)
                && LEVEL_VERBS.iter().any(|w| between.ends_with(w))
                && !q.class.eq(&UnitClass::Ratio)
        });
        qualifies
            || is_frequency(q, clause_before, after)
            || framed(clause_before, after)
            || is_condition(&hay[self.s.range.start..q.range.start])
            || is_specification(q, clause_before, after)
            || is_scale_name(q, hay, clause_before, after)
            // a later count in the same unit is a parallel item (5家以上…企业、10家以上…),
            // not the amount a threshold picks
            || is_threshold(q, after, v.later.is_some_and(|x| x.unit != q.unit))
            || is_grade_band(after)
    }

    /// The target value `q` states, with all the words of its clause say of it, and whether it
    /// names no subject of its own.
    fn quantity_target(
        &self,
        c: &ClauseReading,
        qs: &[Quantity],
        q: &Quantity,
        v: &ValueCue,
        before: &[Target],
    ) -> (Target, bool) {
        let (hay, clause) = (self.b.hay, c.clause);
        let clause_before = &hay[clause.start..q.range.start];
        let (start, verb_end, mut comparator) = value_start(hay, q, v, clause_before);
        let change = self.change_of(c, q, v, verb_end);
        let mut end = q.range.end;
        if let Some(e) = v.limit_end {
            comparator = comparator.or(Some(Comparator::Lte));
            end += e;
        }
        let mut tg = self
            .b
            .target(start..end, clause.clone(), kind_of(q, change));
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
        if v.limit_end.is_some() {
            after = strip_links(after.trim_start());
        }
        // a time phrase before the number is the deadline, no part of the subject
        // (年底前关停燃煤锅炉15台)
        let from = past_times(&self.times, c.prev_end.min(start), start);
        tg.subject = subject::subject(&hay[from..start], after).map(Into::into);
        let unnamed = name_subject(&mut tg, q, &c.targets, before);
        tg.action = match change {
            Some(_) => change_verb(&hay[clause.start..verb_end]),
            None => subject::last_action(clause_before)
                .map(|(a, _)| a)
                .or(c.last_action),
        }
        .map(Into::into);
        tg.recurrence = recurrence_of(clause_before).map(Into::into);
        tg.per = per_of(clause_before).map(Into::into);
        tg.strength = self.strengths.before(hay, &self.s.range, q.range.start);
        set_deadline(
            self.b,
            &self.times,
            q.range.start,
            &|tp| self.is_past(tp),
            &mut tg,
        );
        tg.scope = scope_of(clause_before, tg.deadline.as_deref());
        (tg, unnamed)
    }

    /// The change a value states: a change verb that touches the number (or its comparator); for a
    /// count or an amount only when the measured thing came before the verb (面积增加1万亩,
    /// 标准每人每年提高30元) or a base is named — 增加1000个学位 (the noun after) is a count of new
    /// things. 分别增长6%和7.5%: the second of a pair shares the change of the first.
    fn change_of(
        &self,
        c: &ClauseReading,
        q: &Quantity,
        v: &ValueCue,
        verb_end: usize,
    ) -> Option<Change> {
        let (hay, clause) = (self.b.hay, c.clause);
        let clause_before = &hay[clause.start..q.range.start];
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
        // (joined to the target before it, in its unit)
        let pair_first = c.targets.last().filter(|p| {
            PAIR_JOINERS.contains(&hay[v.gap.clone()].trim()) && p.unit.as_deref() == Some(&*q.unit)
        });
        change.or_else(|| pair_first.and_then(|p| p.change))
    }

    /// The coverage, zero and rank cues of the clause, after its quantities.
    fn cue_targets(&self, c: &mut ClauseReading, marker_end: usize) {
        let clause = c.clause;
        for cue in within(&self.f.cues, clause, |c| c.range.start) {
            let from = past_times(
                &self.times,
                marker_end.min(cue.range.start),
                cue.range.start,
            );
            let is_past = |tp: &TimePhrase| self.is_past(tp);
            if let Some(mut tg) = cue_target(
                self.b,
                clause,
                from,
                cue,
                &mut c.targets,
                &self.times,
                &is_past,
            ) {
                // 推进全民健康生活方式行动，…，基本实现以县为单位全覆盖: a coverage whose own words
                // name nothing covers the work its sentence opens with
                if tg.subject.is_none() && cue.kind == TargetKind::Coverage && cue.unit.is_some() {
                    tg.subject = opening_work(self.b, self.s, clause).map(Into::into);
                }
                c.targets.push(tg);
            }
        }
    }

    /// A time limit that bounds the values after it (`确保3天内成蚊密度ADI≤2`) dates those that
    /// name no time of their own.
    fn date_bounded(&self, c: &mut ClauseReading) {
        let Some(r) = &c.bounding else {
            return;
        };
        let t = self.b.cx.text;
        let raw = t.original(t.span(self.b.off + r.start..self.b.off + r.end));
        let from = t.orig_offset(self.b.off + r.end);
        for tg in c
            .targets
            .iter_mut()
            .filter(|t| t.deadline.is_none() && t.span[0] >= from)
        {
            tg.deadline = Some(raw.as_str().into());
        }
    }
}

/// Where the text of value `q` starts (at its comparator words when they touch it), where the
/// words of its verb end, and its comparator: from the words before it, a rank (`前10%`: at most),
/// or a daily or weekly duration (`每天锻炼1小时`: at least).
fn value_start(
    hay: &str,
    q: &Quantity,
    v: &ValueCue,
    clause_before: &str,
) -> (usize, usize, Option<Comparator>) {
    let mut start = q.range.start;
    let mut comparator = q.comparator;
    let mut verb_end = q.range.start;
    if let Some((cmp, at, adjacent)) = v.cmp_before {
        if comparator != Some(Comparator::Range) {
            comparator = Some(cmp);
        }
        if adjacent {
            start = v.gap.start + at;
            verb_end = start;
        }
    }
    let gap = &hay[v.gap.clone()];
    if comparator.is_none() && is_rank(gap) {
        // 进入全国…绩效考核前10%: a rank, at most the number
        comparator = Some(Comparator::Lte);
        start = q.range.start - '前'.len_utf8();
    }
    if comparator.is_none()
        && q.class == UnitClass::Duration
        && matches!(recurrence_of(clause_before), Some("day" | "week"))
    {
        comparator = Some(Comparator::Gte);
    }
    (start, verb_end, comparator)
}

/// The kind of a value: a change when a change verb states it, else by the class of its unit.
fn kind_of(q: &Quantity, change: Option<Change>) -> TargetKind {
    if change.is_some() {
        return TargetKind::Change;
    }
    match q.class {
        UnitClass::Ratio => TargetKind::Percent,
        UnitClass::Points | UnitClass::Times => TargetKind::Change,
        UnitClass::Money => TargetKind::Money,
        UnitClass::Duration => TargetKind::Duration,
        _ => TargetKind::Count,
    }
}

/// The subject of a value that its own words name poorly or not at all: `幼虫密度BI＜5、5天内BI＜2`
/// (a bare index code repeats the indicator named before); a number that names no subject
/// measures the one of the target before it in its clause or sentence, in its unit. Returns
/// whether the value named no subject of its own.
fn name_subject(tg: &mut Target, q: &Quantity, clause: &[Target], before: &[Target]) -> bool {
    let prev = clause.last().and_then(|p| p.subject.as_deref());
    if let Some(whole) = subject::code_of(tg.subject.as_deref(), prev) {
        tg.subject = Some(whole.into());
    }
    let unnamed = tg.subject.is_none();
    // 收入分别增长5.5%和7%, 收集率提高2个百分点，力争达到72%: (a rate after its change in
    // points); a growth rate (总收入达到1500亿元，年均增长10%) that of any quantity
    if tg.subject.is_none() {
        let growth = tg.change.is_some() && &*q.unit == "%";
        tg.subject = clause
            .last()
            .or(before.last())
            .filter(|p| {
                // … and the level after a growth rate (收入增长7%以上，力争达到2.6万元)
                let p_growth = p.change.is_some() && p.unit.as_deref() == Some("%");
                p.unit.as_deref().is_some_and(|u| {
                    growth || p_growth || u == &*q.unit || (&*q.unit == "%" && u == "个百分点")
                })
            })
            .and_then(|p| p.subject.clone());
    }
    if tg.change.is_some()
        && &*q.unit == "%"
        && tg
            .subject
            .as_deref()
            .is_some_and(|s| s.ends_with('率') || s.ends_with("比例") || s.ends_with("占比"))
    {
        // +2 % on a rate: relative or percentage points? (trap 12)
        tg.flags.push("pct_or_pp_ambiguous".into());
    }
    unnamed
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
                t.subject = Some(item.into());
            }
        }
        i += same.max(1);
    }
}

/// What joins the two values of a pair (`分别增长6%和7.5%`, `65%、63%`).
pub(super) const PAIR_JOINERS: &[&str] = &["和", "、", "与", "及"];

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
        tg.deadline = Some(b.deadline_text(tp).into());
        tg.due = tp.due.as_deref().map(Into::into);
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
            ts[k].deadline = Some(b.deadline_text(first).into());
            ts[k].due = first.due.as_deref().map(Into::into);
            k += 2;
        } else {
            ts[k].deadline = Some(b.deadline_text(&whole).into());
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
    let before = hay.get(clause.start..cue.range.start)?;
    let after = hay.get(cue.range.end..clause.end)?;
    // 不垮一坝, 不死一人: a pledge that names its own event; what follows it is the next pledge
    let pledge = {
        let w = &hay[cue.range.clone()];
        w.starts_with('不') && w.contains('一')
    };
    if cue_claimed(b, cue, clause_targets)
        || no_cue_goal(&hay[cue.range.clone()], cue, before, after, pledge)
        || cue.kind == TargetKind::Coverage
            && cue.unit == Some("%")
            && extends_hundred(b, cue, clause_targets)
    {
        return None;
    }
    let mut tg = b.target(cue.range.clone(), clause.clone(), cue.kind);
    tg.change = cue.change;
    tg.value = Some(cue.value);
    tg.unit = cue.unit.map(Into::into);
    tg.comparator = Some(cue.comparator);
    tg.strength = strength_of(before);
    // the subject starts after a heading marker and a time phrase (`第五条 三年内完成…全覆盖`)
    let subj = subject::coverage_subject(hay.get(subject_from..cue.range.start).unwrap_or(""));
    tg.subject = cue_subject(cue, pledge, after, &subj).map(Into::into);
    set_deadline(b, times, cue.range.start, is_past, &mut tg);
    Some(tg)
}

/// Did a numeral of the clause already make this target (`排名前3名` is both a rank cue and the
/// quantity `3名` after a ranking verb)? One commitment, one target.
fn cue_claimed(b: &Builder, cue: &Cue, clause_targets: &[Target]) -> bool {
    let span =
        b.cx.text
            .span(b.off + cue.range.start..b.off + cue.range.end);
    clause_targets
        .iter()
        .any(|tg| tg.span[0] < span[1] && span[0] < tg.span[1])
}

/// Is cue `word` no goal: part of a verb or a name, an adjective in a series, or a prohibition?
fn no_cue_goal(word: &str, cue: &Cue, before: &str, after: &str, pledge: bool) -> bool {
    // 健全覆盖全人群的…体系: 健全 + 覆盖, no coverage goal
    if word.starts_with('全') && before.ends_with('健') {
        return true;
    }
    if cue.kind == TargetKind::Coverage
        && lexicon::CUE_NAME_NEXT.iter().any(|w| after.starts_with(w))
    {
        return true;
    }
    if cue.kind == TargetKind::Coverage && cue.unit == Some("%") {
        // 县级全覆盖、行政村全覆盖: a list of coverage goals, not a series of adjectives
        let listed = after
            .strip_prefix('、')
            .and_then(|rest| rest.split(['、', '，', ',', '。', '；']).next())
            .is_some_and(|item| item.ends_with(word));
        before.ends_with('、')
            || !listed
                && COVERAGE_ATTRIBUTIVE_NEXT
                    .iter()
                    .any(|w| after.starts_with(w))
    } else {
        // 零误差 etc. are outcomes; 不发生 only with a following event noun, not in prohibitions
        cue.value == 0.0 && word.starts_with('不') && !pledge && after.trim().is_empty()
    }
}

/// 100%全覆盖 / 100%名校资源全覆盖: one target, the 100% before the coverage cue (extended over the
/// cue when it touches it); a coverage cue before it is a goal of its own (县级全覆盖、行政村全覆盖).
fn extends_hundred(b: &Builder, cue: &Cue, clause_targets: &mut [Target]) -> bool {
    let t = b.cx.text;
    let cue_c = t.orig_offset(b.off + cue.range.start);
    let Some(prev) = clause_targets.iter_mut().rev().find(|tg| {
        tg.value == Some(100.0)
            && tg.unit.as_deref() == Some("%")
            && tg.span[1] <= cue_c
            && tg.kind != TargetKind::Coverage
    }) else {
        return false;
    };
    if prev.span[1] == cue_c {
        let end = t.span(b.off + cue.range.start..b.off + cue.range.end)[1];
        prev.span[1] = end;
        prev.text = t.original(prev.span);
        prev.kind = TargetKind::Coverage;
    }
    true
}

/// What a cue covers or keeps at zero: for a zero goal the noun after it (实现“零增长”: the
/// closing quote is no noun), else the words before it (`subj`); a pledge names its own event.
fn cue_subject(cue: &Cue, pledge: bool, after: &str, subj: &str) -> Option<String> {
    let tail = || (!subj.is_empty()).then(|| last_chars(subj, 24));
    if pledge {
        return None;
    }
    if cue.unit.is_some() {
        return tail();
    }
    let noun: String = after
        .trim()
        .trim_start_matches(['”', '"', '’', '\''])
        .trim()
        .chars()
        .take(24)
        .collect();
    // 实现院内感染零事故: the event class is before the cue
    if noun.is_empty() {
        tail()
    } else {
        Some(noun)
    }
}

/// The last `n` chars of `s`.
fn last_chars(s: &str, n: usize) -> String {
    let from = s.char_indices().rev().nth(n - 1).map_or(0, |(i, _)| i);
    s[from..].to_string()
}
