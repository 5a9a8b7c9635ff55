//! Dated deliverables: a concrete date with a deliverable verb and no number after it, and the
//! end states of a dated block (docs/domain.md#targets).

use super::sentence::{contains_any, past_clause, strength_of, Reading, PAIR_JOINERS};
use super::*;

static DELIVER_SET: LazySet = LazySet::new(DELIVERABLE_VERBS);

static END_SET: LazySet = LazySet::new(END_STATES);

static SUBJECT_FIRST: LazySet = LazySet::new(lexicon::SUBJECT_FIRST_DELIVERABLES);

/// Words of the plan's own activity that a bare month schedules (`7月初评`, `6月份进行`,
/// `5-6月份，…开展专项调研`): a deliverable verb or a verb of a timetable's tasks.
fn scheduled_activity(s: &str) -> bool {
    static SCHEDULE: LazySet = LazySet::new(lexicon::SCHEDULE_VERBS);
    contains_any(s, &SCHEDULE) || lexicon::SCHEDULE_WORDS.iter().any(|w| s.contains(w))
}

/// The action and the thing a dated deliverable delivers, from the words after its time phrase.
/// The object after the last action verb (`完成中期评估` → 完成, 中期评估); when that verb ends the
/// clause, what the verb before it governs (`完成第一批养老服务中心建设` → 第一批养老服务中心建设), or
/// the subject before it (`黑臭水体基本消除`, see [`deliverable_object`]).
fn deliverable(s: &str) -> (Option<&'static str>, Option<String>) {
    // 将名单报至…, 将道路交通事故死伤比降低到…: what 将 / 把 takes is what the deliverable is about
    if let Some(held) = held_object(s) {
        return (subject::last_action(s).map(|(a, _)| a), Some(held));
    }
    let Some((a, e)) = subject::last_action(s) else {
        return (None, deliverable_object(s));
    };
    let rest = s[e..].trim_matches([' ', ',', '。', ';']);
    // 把我国农村建设成为…美丽家园: what 把 takes is what the end state is about
    if let Some(i) = s[..e - a.len()].rfind('把') {
        let held = s[i + '把'.len_utf8()..e - a.len()].trim();
        if (2..=16).contains(&held.chars().count()) && subject::last_action(held).is_none() {
            return (Some(a), Some(held.to_string()));
        }
    }
    // 全国出生人口性别比实现自然平衡: the state attained is said of the noun before 实现
    if a == "实现" {
        if let Some(p) = phrase_before(&s[..e - a.len()]) {
            return (Some(a), Some(p));
        }
    }
    // 创建为…平安校园建设区, 健康村镇建设的示范市: a verb with one char or a 的 after it is
    // inside a name
    if rest.chars().count() == 1 || rest.starts_with('的') {
        if let Some((pa, pe)) = subject::last_action(&s[..e - a.len()]) {
            // 创建为…: the copula is no part of what is delivered
            let object = s[pe..].trim_matches([' ', ',', '。', ';']);
            let object = object
                .strip_prefix("成为")
                .or(object.strip_prefix('为'))
                .unwrap_or(object);
            return (Some(pa), Some(object.chars().take(60).collect()));
        }
    }
    if !rest.is_empty() && SUBJECT_FIRST.get().longest_at(rest, 0).is_none() {
        return (Some(a), Some(rest.chars().take(30).collect()));
    }
    // back over the verbs the last one is compounded with (`更新改造`, `建成投用`)
    let mut start = e - a.len();
    let object = loop {
        match subject::last_action(&s[..start]) {
            Some((pa, pe)) if pe == start => start = pe - pa.len(),
            Some((_, pe)) => {
                break Some(s[pe..e].trim_matches([' ', ',']).chars().take(30).collect())
            }
            None => break phrase_before(&s[..start]),
        }
    };
    (
        Some(a),
        object.filter(|o: &String| o.chars().count() > a.chars().count()),
    )
}

/// `将名单(附件7)报至…` → 名单: the noun phrase that 将 or 把 takes before a disposal verb, without
/// a bracket, an adverb or a heading marker, if it is short and holds no verb of its own.
fn held_object(s: &str) -> Option<String> {
    let r = s
        .char_indices()
        .find(|&(i, c)| (c == '将' || c == '把') && !s[i..].starts_with("把握"))
        .map(|(i, c)| i + c.len_utf8())?;
    let rest = &s[r..];
    let (at, _) = lexicon::DISPOSAL_VERBS
        .iter()
        .filter_map(|v| rest.find(v).map(|i| (i, v)))
        .min()?;
    let mut held = rest[..at].trim();
    if let Some(i) = held.rfind('(').filter(|_| held.ends_with(')')) {
        held = held[..i].trim_end();
    }
    for adverb in lexicon::HELD_ADVERBS {
        held = held.strip_suffix(adverb).unwrap_or(held);
    }
    let n = held.chars().count();
    ((2..=16).contains(&n) && subject::last_action(held).is_none())
        .then(|| without_punctuation(held))
        .flatten()
}

/// What a dated deliverable delivers when no action verb names it. A verb that takes no object or
/// attains a level (`竣工`, `进入`: [`lexicon::SUBJECT_FIRST_DELIVERABLES`]) follows its
/// subject: `年底前城东污水处理厂项目竣工投用` → 城东污水处理厂项目, if that is a short noun phrase.
/// Any other deliverable verb precedes its object: `11月底前报送工作总结` → 工作总结.
fn deliverable_object(s: &str) -> Option<String> {
    let s = s.trim_end_matches(['。', ';', ',', ' ']);
    if let Some((_, r)) = SUBJECT_FIRST.get().find_iter(s).next() {
        return phrase_before(&s[..r.start]);
    }
    let (_, r) = DELIVER_SET.get().last_in(s)?;
    let after = s[r.end..].trim_matches([' ', ',']);
    if (1..=20).contains(&after.chars().count()) {
        without_punctuation(after)
    } else {
        None
    }
}

/// The subject that ends `s`, right before its verb: the words after the last comma, without a
/// modal (`要`, `将`) before or an adverb (`基本`, `全部`) after, if they are a short noun phrase.
/// An adverbial (`严格按照…`) is no subject.
fn phrase_before(s: &str) -> Option<String> {
    let p = s.rsplit([',', ' ']).next().unwrap_or("");
    let mut p = p.trim_start_matches(['要', '将', '在', '前']);
    for adverb in lexicon::SUBJECT_ADVERBS {
        p = p.strip_suffix(adverb).unwrap_or(p);
    }
    // 协调统一的数字经济治理框架和规则体系基本建立: the evaluation goes, and a noun phrase
    // without a verb may be long
    let p = subject::without_evaluation(p);
    let n = p.chars().count();
    let most = if subject::last_action(p).is_none() {
        30
    } else {
        16
    };
    if (1..=most).contains(&n) && !contains_any(p, &subject::MANNER) {
        without_punctuation(p)
    } else {
        None
    }
}

fn without_punctuation(o: &str) -> Option<String> {
    let o: String = o.chars().filter(|c| !c.is_ascii_punctuation()).collect();
    (!o.is_empty()).then_some(o)
}

/// A dated block (`到2023年末，…` ⏎ `——…` bullets; `2030年前，…。…。`): the time its lead
/// sentence opens with, and where the reading stands in it.
pub(super) struct Block {
    raw: String,
    due: String,
    /// Past the lead's paragraph, in the `——` bullets after it.
    bullets: bool,
    /// Byte start of the bullet line being read, and whether its first statement is read.
    line: usize,
    done: bool,
}

/// Reads sentence `s` (relative to the body) against the dated block it may open or stand in
/// ([`deadlines::block_lead`]): its targets that print no time take the block's; a sentence that
/// states an end state and holds no target is a dated deliverable — in the bullets only the first
/// statement of each bullet, after its headline (`——数据要素市场体系初步建立。`); `first_new` is
/// where `s`'s own targets start in `out`, `numbers` says whether `s` holds a number. Returns the
/// block as it stands after `s`: it ends with its paragraph unless `——` bullets follow.
pub(super) fn dated_block(
    b: &Builder,
    s: &Sentence,
    anchor: Anchor,
    block: Option<Block>,
    (first_new, numbers): (usize, bool),
    para_end: bool,
    out: &mut Vec<Target>,
) -> Option<Block> {
    let hay = b.hay;
    let text = &hay[s.range.clone()];
    let mut block = match deadlines::block_lead(text, anchor) {
        Some((r, due)) => Some(Block {
            raw: b.deadline_text(&TimePhrase {
                range: s.range.start + r.start..s.range.start + r.end,
                due: None,
                year: None,
                concrete: true,
            }),
            due,
            bullets: false,
            line: usize::MAX,
            done: false,
        }),
        None => {
            let mut bl = block?;
            let line_start = hay[..s.range.start].rfind('\n').map_or(0, |i| i + 1);
            let line = hay[line_start..].trim_start();
            let head = line.starts_with("——")
                && hay[line_start..s.range.start]
                    .trim()
                    .trim_start_matches('—')
                    .is_empty();
            if bl.bullets && line_start != bl.line {
                bl.line = line_start;
                bl.done = false;
            }
            // a bullet's headline (more of the bullet follows on its line) states nothing due
            let headline = head && !para_end;
            if !headline {
                for tg in out[first_new..]
                    .iter_mut()
                    .filter(|t| t.deadline.is_none() && t.due.is_none())
                {
                    tg.deadline = Some(bl.raw.as_str().into());
                    tg.due = Some(bl.due.as_str().into());
                }
                // a sentence with a number states a quantity, not a dated deliverable
                if out.len() == first_new && !numbers && !(bl.bullets && bl.done) {
                    out.extend(block_deliverable(b, s, &bl));
                }
                bl.done = bl.bullets;
            }
            Some(bl)
        }
    };
    if para_end {
        let next = hay[s.range.end..]
            .split('\n')
            .skip(1)
            .map(str::trim)
            .find(|l| !l.is_empty());
        if next.is_some_and(|l| l.starts_with("——")) {
            if let Some(bl) = block.as_mut() {
                bl.bullets = true;
            }
        } else {
            block = None;
        }
    }
    block
}

/// A sentence of a dated block that states an end state ([`END_STATES`]) and holds no number: a
/// dated deliverable due by the block's time, named by what comes before its end-state word
/// (`数据资源体系基本建成`) or, when nothing does, what comes after (`打造国家级…集聚区`).
fn block_deliverable(b: &Builder, s: &Sentence, bl: &Block) -> Option<Target> {
    let hay = b.hay;
    let text = &hay[s.range.clone()];
    if past_clause(text, false) {
        return None;
    }
    // 着力打造…, 探索建立…: an effort towards an end state is no end state
    let (_, w) = END_SET
        .get()
        .find_iter(text)
        .find(|(_, r)| !EFFORTS.iter().any(|e| text[..r.start].ends_with(e)))?;
    let at = s.range.start + w.start;
    let clause = s.clauses.iter().find(|c| c.start <= at && at < c.end)?;
    // the whole sentence is the deliverable: its clause span holds it
    let mut tg = b.target(s.range.clone(), s.range.clone(), TargetKind::Deadline);
    tg.deadline = Some(bl.raw.as_str().into());
    tg.due = Some(bl.due.as_str().into());
    tg.strength = strength_of(text);
    let after = hay[s.range.start + w.end..clause.end].trim();
    tg.subject = phrase_before(&hay[clause.start..at])
        .or_else(|| without_punctuation(&after.chars().take(30).collect::<String>()))
        .map(Into::into);
    Some(tg)
}

/// `2024年学校工作的总体要求是：坚持……，全面推进……`: the plan's year names what a colon then
/// states (requirements, a line of thinking), not a dated deliverable. True when the words after
/// the time phrase, up to the first comma or colon, end in the copula 是.
fn frames_principles(after: &str) -> bool {
    let head = after.split([',', ':', '。']).next().unwrap_or("");
    head.chars().count() <= 16 && head.trim_end().ends_with('是')
}

/// `年内建成投用…`: a relative year word dates a deliverable only when the verb follows at once
/// (`年内在…创建指标达成上迈出坚实步伐` is an aim, not a dated deliverable).
fn relative_then_verb(hay: &str, tp: &TimePhrase) -> bool {
    let w = &hay[tp.range.clone()];
    if !lexicon::RELATIVE_YEARS.contains(&w) {
        return false;
    }
    verb_follows(hay, tp)
}

/// Is the time phrase followed at once (after an adverb) by a deliverable verb (`2024年底前建成`)?
fn verb_follows(hay: &str, tp: &TimePhrase) -> bool {
    let mut rest = hay[tp.range.end..].trim_start();
    for adv in lexicon::DEADLINE_ADVERBS {
        rest = rest.strip_prefix(adv).unwrap_or(rest);
    }
    DELIVERABLE_VERBS.iter().any(|v| rest.starts_with(v))
}

/// Does the time phrase open its clause (`2023年底前完成…`, `力争2023年…`)? A year inside a
/// noun phrase (`聚焦2023年主题教育`) dates nothing.
/// A heading marker before the phrase (`②2023年底前，…完成…`, ranges in `skips`) does not
/// count as words before it.
fn clause_initial(hay: &str, s: &Sentence, tp: &TimePhrase, skips: &Skips) -> bool {
    let Some(c) = s.clauses.iter().find(|c| c.contains(&tp.range.start)) else {
        return false;
    };
    let from = skips.skip_from(c.start, tp.range.start);
    let lead = hay.get(from..tp.range.start).unwrap_or("").trim();
    verb_follows(hay, tp)
        || lead.is_empty()
        || lexicon::TIME_LEADS.contains(&lead)
        || STRENGTH_FIRM.contains(&lead)
        || STRENGTH_ASPIRATIONAL.contains(&lead)
        || asked_of_subject(lead)
}

/// `联络员相关信息请于 2025 年 1 月 24 日前…报送`: a short subject then 请于 / 应于 / 须于 before the
/// time asks for a deliverable as much as a clause-initial time does.
fn asked_of_subject(lead: &str) -> bool {
    lexicon::ASKED_BY.iter().any(|w| {
        lead.strip_suffix(w)
            .is_some_and(|s| s.chars().count() <= 12)
    })
}

/// The short subject before 请于 / 应于 … (or before 请 / 应 when the time phrase took the 于).
fn asked_subject(lead: &str) -> Option<&str> {
    let lead = lead.trim_end();
    lexicon::ASKED_BY
        .iter()
        .chain(lexicon::ASKED)
        .find_map(|w| lead.strip_suffix(w))
        .map(str::trim)
        .filter(|p| (2..=12).contains(&p.chars().count()))
        // 各区应于…: the body asked to act is no deliverable
        .filter(|p| !p.starts_with('各') && !lexicon::BODY_ENDINGS.iter().any(|w| p.ends_with(w)))
}

impl Reading<'_> {
    /// The dated deliverable time phrase `i` of the sentence opens, if it has one: a concrete
    /// date (or `年内` right before a verb) that opens a clause with a deliverable verb after it,
    /// in no span a target of the sentence (`before`) already holds.
    pub(super) fn dated_deliverable(&self, i: usize, before: &[Target]) -> Option<Target> {
        let (b, s, hay) = (self.b, self.s, self.b.hay);
        let tp = self.times[i];
        if self.is_past(tp) || !(tp.concrete || relative_then_verb(hay, tp)) {
            return None;
        }
        let (clause, end) = self.deliverable_clause(i)?;
        // a number in the deliverable's own clause already carries the date (2024年完成30座); one
        // in a later clause (2024年建成平台，覆盖率达到100%) does not
        // — nor may any target already in the span this one would claim (a second date in the
        // clause, `2023年底前完成…2024年新增…12000个`): one commitment, one target.
        let t = b.cx.text;
        let (a, z) = (
            t.orig_offset(b.off + tp.range.start),
            t.orig_offset(b.off + end),
        );
        if before.iter().any(|tg| tg.span[0] < z && a < tg.span[1]) {
            return None;
        }
        let raw = &hay[tp.range.clone()];
        // 2015 年我国人均预期寿命已达 76.34 岁，…: a time whose own clause states the past
        let time_clause = s.clauses.iter().find(|c| c.contains(&tp.range.start));
        if past_clause(&hay[clause.clone()], false)
            || time_clause.is_some_and(|c| past_clause(&hay[c.clone()], false))
            || !(clause_initial(hay, s, tp, &b.skips)
                || deadlines::reschedules(raw)
                || i > 0 && self.joined_months(i - 1))
            || frames_principles(&hay[tp.range.end..])
        {
            return None;
        }
        let mut tg = b.target(
            tp.range.start..end,
            tp.range.start.min(clause.start)..end,
            TargetKind::Deadline,
        );
        tg.deadline = Some(b.deadline_text(tp).into());
        tg.due = tp.due.as_deref().map(Into::into);
        tg.strength = strength_of(&hay[s.range.start..end]);
        let (action, subject) = deliverable(&hay[tp.range.end..end]);
        tg.action = action.map(Into::into);
        tg.subject = subject
            .and_then(|s| subject::tidy(subject::end_state(&s)))
            .map(Into::into);
        // 联络员相关信息请于…前报送: what is asked for stands before the time
        if let Some(p) = hay
            .get(clause.start..tp.range.start)
            .and_then(asked_subject)
        {
            tg.subject = subject::tidy(p).map(Into::into);
        }
        Some(tg)
    }

    /// 依次延迟到9月份、12月份举行: are times `j` and `j + 1` bare months joined into one list (each
    /// dates the activity after the last of them)?
    fn joined_months(&self, j: usize) -> bool {
        let hay = self.b.hay;
        let (Some(a), Some(z)) = (self.times.get(j), self.times.get(j + 1)) else {
            return false;
        };
        let between = hay.get(a.range.end..z.range.start).unwrap_or("").trim();
        PAIR_JOINERS.contains(&between)
            && deadlines::is_bare_month(&hay[a.range.clone()])
            && deadlines::is_bare_month(&hay[z.range.clone()])
    }

    /// The clause that time `i` dates, with a deliverable verb, before the next time of the
    /// sentence (`秋学期起,…`: the clause after a starting phrase), and where the deliverable ends.
    fn deliverable_clause(&self, i: usize) -> Option<(&Range<usize>, usize)> {
        let (s, hay, times) = (self.s, self.b.hay, &self.times);
        let tp = times[i];
        let raw = &hay[tp.range.clone()];
        let bare = deadlines::is_bare_month(raw);
        let mut last = i;
        while self.joined_months(last) {
            last += 1;
        }
        let scope_end = times.get(last + 1).map_or(s.range.end, |n| n.range.start);
        let scope = hay.get(times[last].range.end..scope_end).unwrap_or("");
        let start_phrase = raw.ends_with('起');
        let works = |x: &str| contains_any(x, &DELIVER_SET) || bare && scheduled_activity(x);
        let clause = s.clauses.iter().find(|c| {
            let rest = hay.get(tp.range.end.max(c.start)..c.end).unwrap_or("");
            c.end > tp.range.start
                && if start_phrase {
                    // 秋学期起,起始年级…: the deliverable is the clause after the phrase
                    !rest.trim().is_empty()
                } else {
                    works(rest)
                }
        })?;
        if clause.start >= scope_end || (!start_phrase && !works(scope)) {
            return None;
        }
        let end = if last > i {
            times[i + 1].range.start
        } else {
            clause.end.max(tp.range.end)
        };
        Some((clause, end))
    }
}
