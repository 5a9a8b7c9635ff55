//! The page's view logic with no browser types: filtering and sorting targets, the timeline,
//! per-section counts, the CSV export, finding "the same" target after re-analysis, and cutting
//! the source text into marked pieces. Compiled natively too (see `web/mod.rs`), so `cargo test`
//! covers it without a browser.

use crate::model::{Analysis, Change, Comparator, OutlineNode, Target, TargetKind};
use std::cmp::Ordering;
use std::collections::HashMap;

pub mod compare;
pub mod view;

/// Every target kind, in the order the page lists them.
pub const KINDS: [TargetKind; 7] = [
    TargetKind::Count,
    TargetKind::Percent,
    TargetKind::Change,
    TargetKind::Money,
    TargetKind::Duration,
    TargetKind::Deadline,
    TargetKind::Coverage,
];

/// Stable lower-case name of a kind (as in the JSON).
pub fn kind_name(k: TargetKind) -> &'static str {
    match k {
        TargetKind::Count => "count",
        TargetKind::Percent => "percent",
        TargetKind::Change => "change",
        TargetKind::Money => "money",
        TargetKind::Duration => "duration",
        TargetKind::Deadline => "deadline",
        TargetKind::Coverage => "coverage",
    }
}

/// Which targets the grid shows.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Filter {
    pub kind: Option<TargetKind>,
    /// Index of a top-level section (`path[0]`).
    pub section: Option<usize>,
    pub deadline: DeadlineFilter,
    /// Due on or before this day (`YYYY-MM-DD`): a reader's "到期 ≤ 2025-12-31".
    pub due_by: Option<String>,
    /// With (true) or without (false) a measured thing.
    pub subject: Option<bool>,
    /// Only the targets a reader corrected.
    pub corrected: bool,
    /// Case-insensitive substring of the target's sentence, section titles, text, subject, unit,
    /// deadline or units responsible.
    pub query: String,
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub enum DeadlineFilter {
    #[default]
    Any,
    With,
    Without,
    /// Due in this calendar year.
    Year(i32),
}

/// Year of a `YYYY-MM-DD` due date.
pub fn due_year(t: &Target) -> Option<i32> {
    t.due.as_deref()?.get(..4)?.parse().ok()
}

/// The sentence a target stands in: its clause (char offsets into `text`, `bytes` the byte
/// offset of every char and of the end) widened to the sentence ends around it (`。！？；!?;` and
/// line breaks, as in `clauses`), so a word of the sentence finds the target even when its own
/// clause or subject does not hold it (`开发储备超8000个公益性岗位` in a sentence on 就业).
pub fn sentence_of<'a>(text: &'a str, bytes: &[usize], t: &Target) -> &'a str {
    let at = |i: usize| bytes.get(i).copied().unwrap_or(text.len()).min(text.len());
    let (a, b) = (at(t.clause_span[0]), at(t.clause_span[1]));
    let (Some(before), Some(after)) = (text.get(..a), text.get(b..)) else {
        return "";
    };
    let end = |c: char| "。！？；!?;\n".contains(c);
    let from = before
        .char_indices()
        .rev()
        .find(|&(_, c)| end(c))
        .map_or(0, |(i, c)| i + c.len_utf8());
    let to = b + after.find(end).unwrap_or(after.len());
    text.get(from..to).unwrap_or("")
}

/// The titles of the sections a target stands in, outermost first.
fn section_titles<'a>(a: &'a Analysis, t: &Target) -> Vec<&'a str> {
    let mut out = Vec::new();
    let mut level = &a.outline;
    for &i in &t.path {
        let Some(n) = level.get(i) else { break };
        out.push(n.title.as_str());
        level = &n.children;
    }
    out
}

fn matches(a: &Analysis, text: &str, bytes: &[usize], t: &Target, f: &Filter) -> bool {
    if f.kind.is_some_and(|k| k != t.kind) {
        return false;
    }
    if f.section.is_some_and(|s| t.path.first() != Some(&s)) {
        return false;
    }
    let dated = t.deadline.is_some() || t.due.is_some();
    let ok = match f.deadline {
        DeadlineFilter::Any => true,
        DeadlineFilter::With => dated,
        DeadlineFilter::Without => !dated,
        DeadlineFilter::Year(y) => due_year(t) == Some(y),
    };
    if !ok {
        return false;
    }
    if let Some(by) = &f.due_by {
        if t.due.as_deref().is_none_or(|d| d > by.as_str()) {
            return false;
        }
    }
    let has_subject = t.subject.as_deref().is_some_and(|s| !s.is_empty());
    if f.subject.is_some_and(|w| w != has_subject) {
        return false;
    }
    if f.corrected && corrected_flag(t).is_none() {
        return false;
    }
    // Full-width and half-width forms match each other (`ＧＤＰ` finds `gdp`), and Latin case
    // is ignored; plans have no other cased script, so ASCII case folding is enough (and keeps
    // core's Unicode case tables, ~23 KB, out of the wasm).
    let norm = |s: &str| crate::text::fold_str(s).to_ascii_lowercase();
    let q = norm(f.query.trim());
    // a bureau finds its own targets by name (财政局) through the units responsible
    let units = t
        .responsible
        .iter()
        .flat_map(|r| r.lead.iter().chain(&r.others));
    q.is_empty()
        || [
            Some(t.text.as_str()),
            t.subject.as_deref(),
            t.unit.as_deref(),
            t.deadline.as_deref(),
            Some(sentence_of(text, bytes, t)),
        ]
        .into_iter()
        .flatten()
        .chain(units.map(String::as_str))
        .chain(section_titles(a, t))
        .any(|s| norm(s).contains(&q))
}

/// Indexes of the targets passing `f`, in document order; `text` is the text the analysis points
/// into (a search reads each target's sentence there).
pub fn filter_targets(a: &Analysis, text: &str, f: &Filter) -> Vec<usize> {
    let bytes: Vec<usize> = if f.query.trim().is_empty() {
        Vec::new()
    } else {
        text.char_indices()
            .map(|(b, _)| b)
            .chain([text.len()])
            .collect()
    };
    (0..a.targets.len())
        .filter(|&i| matches(a, text, &bytes, &a.targets[i], f))
        .collect()
}

/// Distinct due years, ascending (the deadline filter's choices).
pub fn due_years(a: &Analysis) -> Vec<i32> {
    let mut y: Vec<i32> = a.targets.iter().filter_map(due_year).collect();
    y.sort_unstable();
    y.dedup();
    y
}

/// Grid columns that can be sorted.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SortKey {
    Order,
    Value,
    Subject,
    Deadline,
    Section,
    Responsible,
}

fn cmp_opt<T: PartialOrd>(a: Option<T>, b: Option<T>) -> Ordering {
    // missing values sort last in both directions is nicer, but "last when ascending" is enough
    match (a, b) {
        (Some(x), Some(y)) => x.partial_cmp(&y).unwrap_or(Ordering::Equal),
        (Some(_), None) => Ordering::Less,
        (None, Some(_)) => Ordering::Greater,
        (None, None) => Ordering::Equal,
    }
}

/// The number a target sorts by: its value, or the low end of its range.
pub fn sort_value(t: &Target) -> Option<f64> {
    t.value.or(t.range.map(|r| r[0]))
}

/// Sorts target indexes by `key`; ties keep document order (a stable sort on indexes).
pub fn sort_targets(a: &Analysis, idx: &mut [usize], key: SortKey, ascending: bool) {
    let t = |i: usize| &a.targets[i];
    // the units responsible as shown, written once per target rather than once per comparison
    let who: Vec<Option<String>> = if key == SortKey::Responsible {
        a.targets
            .iter()
            .map(|t| Some(crate::render::responsible(t)).filter(|s| !s.is_empty()))
            .collect()
    } else {
        Vec::new()
    };
    crate::order::indexes_by(idx, &|x, y| {
        let (p, q) = (t(x), t(y));
        let o = match key {
            SortKey::Order => x.cmp(&y),
            SortKey::Value => cmp_opt(sort_value(p), sort_value(q)),
            SortKey::Subject => cmp_opt(p.subject.as_ref(), q.subject.as_ref()),
            SortKey::Deadline => cmp_opt(p.due.as_ref(), q.due.as_ref())
                .then_with(|| cmp_opt(p.deadline.as_ref(), q.deadline.as_ref())),
            SortKey::Section => p.path.cmp(&q.path),
            SortKey::Responsible => cmp_opt(who[x].as_ref(), who[y].as_ref()),
        };
        let o = if ascending { o } else { o.reverse() };
        o.then_with(|| x.cmp(&y))
    });
}

/// Dated deliverables grouped by due date, earliest first: `(due, target indexes)`; targets with
/// a deadline phrase but no resolvable date come last under the empty key.
pub fn timeline(a: &Analysis) -> Vec<(String, Vec<usize>)> {
    let mut groups: Vec<(String, Vec<usize>)> = Vec::new();
    let mut dated: Vec<usize> = (0..a.targets.len())
        .filter(|&i| a.targets[i].due.is_some())
        .collect();
    crate::order::indexes_by(&mut dated, &|x, y| {
        a.targets[x].due.cmp(&a.targets[y].due).then(x.cmp(&y))
    });
    for i in dated {
        let due = crate::render::or_empty(&a.targets[i].due);
        match groups.last_mut() {
            Some((d, v)) if *d == due => v.push(i),
            _ => groups.push((due, vec![i])),
        }
    }
    // a deadline phrase that could not be resolved to a day (年内, 近期) still is a commitment
    let undated: Vec<usize> = (0..a.targets.len())
        .filter(|&i| a.targets[i].due.is_none() && a.targets[i].deadline.is_some())
        .collect();
    if !undated.is_empty() {
        groups.push((String::new(), undated));
    }
    groups
}

/// Targets per outline path prefix: `counts[&[0, 2]]` = targets inside section 0 › 2.
pub fn target_counts(a: &Analysis) -> HashMap<Vec<usize>, usize> {
    let mut m = HashMap::new();
    for t in &a.targets {
        for k in 1..=t.path.len() {
            *m.entry(t.path[..k].to_vec()).or_insert(0) += 1;
        }
    }
    m
}

/// Number of headings below a node, at any depth.
pub fn descendants(n: &OutlineNode) -> usize {
    n.children.iter().map(|c| 1 + descendants(c)).sum()
}

/// Every heading in document order with its path.
pub fn flat_headings(nodes: &[OutlineNode]) -> Vec<(Vec<usize>, &OutlineNode)> {
    let mut out = Vec::new();
    let mut stack: Vec<(Vec<usize>, &OutlineNode)> = nodes
        .iter()
        .enumerate()
        .rev()
        .map(|(i, n)| (vec![i], n))
        .collect();
    while let Some((p, n)) = stack.pop() {
        for (i, c) in n.children.iter().enumerate().rev() {
            let mut q = p.clone();
            q.push(i);
            stack.push((q, c));
        }
        out.push((p, n));
    }
    out
}

/// The node at `path`.
pub fn node_at<'a>(nodes: &'a [OutlineNode], path: &[usize]) -> Option<&'a OutlineNode> {
    let (first, rest) = path.split_first()?;
    let n = nodes.get(*first)?;
    if rest.is_empty() {
        Some(n)
    } else {
        node_at(&n.children, rest)
    }
}

/// A reader's correction of one target, kept per document. A target is known by its quantity
/// as written and where it starts (char offset), so a correction survives re-analysis.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Correction {
    pub text: String,
    pub start: usize,
    /// Where a target the reader added ends (char offset); 0 for an engine's target.
    pub end: usize,
    /// "Not a target".
    pub removed: bool,
    /// A target the engine missed, added by the reader.
    pub added: bool,
    pub subject: Option<String>,
    pub deadline: Option<String>,
    pub kind: Option<TargetKind>,
    pub comparator: Option<Comparator>,
    pub value: Option<f64>,
}

/// Every comparator, in the order the page lists them.
pub const COMPARATORS: [Comparator; 7] = [
    Comparator::Eq,
    Comparator::Gt,
    Comparator::Gte,
    Comparator::Lt,
    Comparator::Lte,
    Comparator::Approx,
    Comparator::Range,
];

/// The JSON name of a comparator (`gte`).
pub fn comparator_name(c: Comparator) -> &'static str {
    comparator_key(c).trim_start_matches("cmp.")
}

/// Corrections as stored: one line each, fields separated by tabs (tabs and line breaks in a
/// reader's words become spaces). A line format keeps a JSON parser out of the page's wasm.
pub fn encode_corrections(cs: &[Correction]) -> String {
    let flat = |s: &str| s.replace(['\t', '\n', '\r'], " ");
    let opt = |s: &Option<String>| {
        s.as_deref()
            .map(|s| format!("={}", flat(s)))
            .unwrap_or_default()
    };
    cs.iter()
        .map(|c| {
            [
                flat(&c.text),
                c.start.to_string(),
                c.end.to_string(),
                format!(
                    "{}{}",
                    if c.removed { "r" } else { "" },
                    if c.added { "a" } else { "" }
                ),
                opt(&c.subject),
                opt(&c.deadline),
                c.kind.map(kind_name).unwrap_or("").to_string(),
                c.comparator.map(comparator_name).unwrap_or("").to_string(),
                c.value.map(|v| v.to_string()).unwrap_or_default(),
            ]
            .join("\t")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The corrections [`encode_corrections`] wrote; lines it cannot read are skipped.
pub fn decode_corrections(s: &str) -> Vec<Correction> {
    let opt = |f: &str| f.strip_prefix('=').map(str::to_string);
    s.lines()
        .filter_map(|line| {
            let f: Vec<&str> = line.split('\t').collect();
            if f.len() != 9 {
                return None;
            }
            Some(Correction {
                text: f[0].to_string(),
                start: f[1].parse().ok()?,
                end: f[2].parse().ok()?,
                removed: f[3].contains('r'),
                added: f[3].contains('a'),
                subject: opt(f[4]),
                deadline: opt(f[5]),
                kind: KINDS.iter().copied().find(|k| kind_name(*k) == f[6]),
                comparator: COMPARATORS
                    .iter()
                    .copied()
                    .find(|c| comparator_name(*c) == f[7]),
                value: f[8].parse().ok(),
            })
        })
        .collect()
}

/// The flags a corrected analysis gives its targets (also in the JSON).
pub const FLAG_CORRECTED: &str = "corrected";
pub const FLAG_REMOVED: &str = "not_a_target";
pub const FLAG_ADDED: &str = "added_by_reader";

/// Is `t` flagged by a reader's correction?
pub fn corrected_flag(t: &Target) -> Option<&'static str> {
    [FLAG_REMOVED, FLAG_ADDED, FLAG_CORRECTED]
        .into_iter()
        .find(|f| t.flags.iter().any(|g| g == f))
}

/// The end of the sentence around char offsets `[s, e)` of `chars`: `(start, end)`.
fn sentence_around(chars: &[char], s: usize, e: usize) -> (usize, usize) {
    let stop = |c: &char| "。；！？\n".contains(*c);
    let a = chars[..s.min(chars.len())]
        .iter()
        .rposition(stop)
        .map_or(0, |p| p + 1);
    let b = chars
        .iter()
        .skip(e)
        .position(stop)
        .map_or(chars.len(), |p| e + p + 1);
    (a, b.min(chars.len()))
}

/// Applies the reader's corrections to `a` in place (the page never copies an analysis: the
/// copy's code would weigh on the first load): edited fields replaced, rejected targets kept
/// but flagged `not_a_target`, added ones inserted in text order; each flagged.
pub fn apply_corrections(a: &mut Analysis, text: &str, cs: &[Correction]) {
    if cs.is_empty() {
        return;
    }
    for t in &mut a.targets {
        let Some(c) = cs
            .iter()
            .find(|c| !c.added && c.text == t.text && c.start == t.span[0])
        else {
            continue;
        };
        if c.removed {
            t.flags.push(FLAG_REMOVED.into());
            continue;
        }
        if let Some(v) = &c.subject {
            t.subject = Some(v.as_str()).filter(|v| !v.is_empty()).map(Into::into);
        }
        if let Some(v) = &c.deadline {
            t.deadline = Some(v.as_str()).filter(|v| !v.is_empty()).map(Into::into);
            t.due = None;
        }
        t.kind = c.kind.unwrap_or(t.kind);
        t.comparator = c.comparator.or(t.comparator);
        if c.value.is_some() {
            t.value = c.value;
            t.range = None;
        }
        t.flags.push(FLAG_CORRECTED.into());
    }
    let chars: Vec<char> = text.chars().collect();
    for c in cs
        .iter()
        .filter(|c| c.added && c.start < c.end && c.end <= chars.len())
    {
        let (ss, se) = sentence_around(&chars, c.start, c.end);
        let path = crate::path_at(&a.outline, c.start);
        let at = a.targets.partition_point(|t| t.span[0] <= c.start);
        a.targets.insert(at, {
            let mut t = Target::new(
                c.text.clone(),
                [c.start, c.end],
                [ss, se],
                c.kind.unwrap_or(TargetKind::Count),
            );
            t.value = c.value;
            t.comparator = c.comparator;
            t.deadline = c
                .deadline
                .as_deref()
                .filter(|v| !v.is_empty())
                .map(Into::into);
            t.subject = c
                .subject
                .as_deref()
                .filter(|v| !v.is_empty())
                .map(Into::into);
            t.path = path;
            t.flags.push(FLAG_ADDED.into());
            t
        });
    }
}

/// The result tabs, in order, by the names links and element ids use.
pub const TAB_NAMES: [&str; 5] = ["overview", "targets", "timeline", "tables", "keywords"];

/// What a link carries of the view: the sample, the tab, the filters, the selected row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ViewState {
    /// A sample's number (`003`).
    pub sample: Option<String>,
    pub tab: usize,
    pub filter: Filter,
    /// The selected target's index.
    pub target: Option<usize>,
    /// The plan's own text, compressed (`z=`, see [`b64url_encode`]): a link that carries the
    /// text. Read from a link only; the view's own updates never write it.
    pub packed: Option<String>,
}

/// `s` with every byte but `A-Z a-z 0-9 - _ . ~` percent-encoded (as encodeURIComponent).
fn pct_encode(s: &str) -> String {
    s.bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                (b as char).to_string()
            }
            _ => format!("%{b:02X}"),
        })
        .collect()
}

fn pct_decode(s: &str) -> String {
    let b = s.as_bytes();
    let mut out = Vec::with_capacity(b.len());
    let mut i = 0;
    while i < b.len() {
        let hex = b
            .get(i + 1..i + 3)
            .and_then(|h| std::str::from_utf8(h).ok())
            .and_then(|h| u8::from_str_radix(h, 16).ok());
        match (b[i], hex) {
            (b'%', Some(v)) => {
                out.push(v);
                i += 3;
            }
            (b'+', _) => {
                out.push(b' ');
                i += 1;
            }
            (c, _) => {
                out.push(c);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The fragment (without `#`) that restores `v`; defaults are left out.
pub fn encode_view(v: &ViewState) -> String {
    let f = &v.filter;
    let dl = match f.deadline {
        DeadlineFilter::Any => String::new(),
        DeadlineFilter::With => "with".into(),
        DeadlineFilter::Without => "without".into(),
        DeadlineFilter::Year(y) => y.to_string(),
    };
    let pairs = [
        ("sample", v.sample.clone().unwrap_or_default()),
        (
            "tab",
            if v.tab == 0 {
                String::new()
            } else {
                TAB_NAMES.get(v.tab).unwrap_or(&"").to_string()
            },
        ),
        (
            "kind",
            f.kind.map(|k| kind_name(k).to_string()).unwrap_or_default(),
        ),
        ("sec", f.section.map(|s| s.to_string()).unwrap_or_default()),
        ("dl", dl),
        ("by", f.due_by.clone().unwrap_or_default()),
        (
            "subj",
            f.subject
                .map(|w| if w { "with" } else { "without" }.to_string())
                .unwrap_or_default(),
        ),
        (
            "fix",
            if f.corrected {
                "1".into()
            } else {
                String::new()
            },
        ),
        ("q", f.query.clone()),
        (
            "t",
            v.target.map(|t| (t + 1).to_string()).unwrap_or_default(),
        ),
    ];
    pairs
        .iter()
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| format!("{k}={}", pct_encode(v)))
        .collect::<Vec<_>>()
        .join("&")
}

/// The view a fragment asks for; what it does not say (or says wrongly) stays the default.
pub fn decode_view(frag: &str) -> ViewState {
    let mut v = ViewState::default();
    for pair in frag.trim_start_matches('#').split('&') {
        let (k, val) = pair.split_once('=').unwrap_or((pair, ""));
        let val = pct_decode(val);
        let f = &mut v.filter;
        match k {
            "sample" => v.sample = Some(val).filter(|s| !s.is_empty()),
            "tab" => v.tab = TAB_NAMES.iter().position(|n| *n == val).unwrap_or(0),
            "kind" => f.kind = KINDS.iter().copied().find(|k| kind_name(*k) == val),
            "sec" => f.section = val.parse().ok(),
            "dl" => f.deadline = deadline_filter(&val),
            "by" => f.due_by = Some(val).filter(|d| is_day(d)),
            "subj" => f.subject = subject_filter(&val),
            "fix" => f.corrected = val == "1",
            "q" => f.query = val,
            "t" => v.target = val.parse::<usize>().ok().and_then(|t| t.checked_sub(1)),
            "z" => v.packed = Some(val).filter(|z| !z.is_empty()),
            _ => {}
        }
    }
    v
}

/// The deadline filter a control's value names (`with`, `without`, a year, else any).
pub fn deadline_filter(v: &str) -> DeadlineFilter {
    match v {
        "with" => DeadlineFilter::With,
        "without" => DeadlineFilter::Without,
        y => y.parse().map(DeadlineFilter::Year).unwrap_or_default(),
    }
}

/// The subject filter a control's value names.
pub fn subject_filter(v: &str) -> Option<bool> {
    match v {
        "with" => Some(true),
        "without" => Some(false),
        _ => None,
    }
}

/// A `YYYY-MM-DD` day, as a date input gives it.
pub fn is_day(s: &str) -> bool {
    let b = s.as_bytes();
    b.len() == 10
        && b.iter().enumerate().all(|(i, c)| {
            if i == 4 || i == 7 {
                *c == b'-'
            } else {
                c.is_ascii_digit()
            }
        })
}

/// The columns of the reader's export (the CSV and the copied list share them), as i18n keys.
/// Offsets stay out: they are only in the JSON.
pub const EXPORT_COLS: [&str; 12] = [
    "x.section",
    "x.sentence",
    "x.subject",
    "x.value",
    "x.unit",
    "x.comparator",
    "x.change",
    "x.deadline",
    "x.due",
    "x.responsible",
    "x.kind",
    "x.corrected",
];

/// The i18n key of a comparator (`cmp.gte` …).
pub fn comparator_key(c: Comparator) -> &'static str {
    match c {
        Comparator::Eq => "cmp.eq",
        Comparator::Gt => "cmp.gt",
        Comparator::Gte => "cmp.gte",
        Comparator::Lt => "cmp.lt",
        Comparator::Lte => "cmp.lte",
        Comparator::Approx => "cmp.approx",
        Comparator::Range => "cmp.range",
    }
}

/// One target as a row under [`EXPORT_COLS`]; `label` turns an i18n key into words, `sentence`
/// is the target's sentence as written.
pub fn export_row(
    a: &Analysis,
    t: &Target,
    sentence: &str,
    corrected: &str,
    label: &dyn Fn(&str) -> String,
) -> Vec<String> {
    let value = match (t.range, t.value) {
        (Some([x, y]), _) => format!("{x}–{y}"),
        (None, Some(v)) => v.to_string(),
        _ => String::new(),
    };
    let change = match t.change {
        Some(Change::Increase) => label("change.increase"),
        Some(Change::Decrease) => label("change.decrease"),
        None => String::new(),
    };
    vec![
        crate::render::section_titles(&a.outline, &t.path).join(" › "),
        sentence.trim().to_string(),
        crate::render::or_empty(&t.subject),
        value,
        crate::render::or_empty(&t.unit),
        t.comparator
            .map(|c| label(comparator_key(c)))
            .unwrap_or_default(),
        change,
        crate::render::or_empty(&t.deadline),
        crate::render::or_empty(&t.due),
        crate::render::responsible(t),
        label(&format!("kind.{}", kind_name(t.kind))),
        corrected.to_string(),
    ]
}

/// CSV of export rows (header first) with a UTF-8 byte-order mark, without which Excel on a
/// Chinese Windows reads the file as GBK; cells that look like formulas are defused.
pub fn rows_csv(rows: &[Vec<String>]) -> String {
    let mut out = String::from("\u{FEFF}");
    for r in rows {
        let cells: Vec<String> = r.iter().map(|c| crate::render::csv_cell(c)).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The same rows as tab-separated text for the clipboard (a spreadsheet pastes it as cells).
pub fn rows_tsv(rows: &[Vec<String>]) -> String {
    let mut out = String::new();
    for r in rows {
        let cells: Vec<String> = r
            .iter()
            .map(|c| c.replace(['\t', '\n', '\r'], " "))
            .collect();
        out.push_str(&cells.join("\t"));
        out.push('\n');
    }
    out
}

/// Words that carry a comparator in a plan's sentence, longest first so `不低于` wins over `低于`.
pub const COMPARATOR_WORDS: &[&str] = &[
    "不低于",
    "不少于",
    "不高于",
    "不超过",
    "不到",
    "达到",
    "超过",
    "以上",
    "以下",
    "以内",
    "左右",
    "至少",
    "力争",
    "高于",
    "低于",
    "多于",
    "少于",
    "大于",
    "小于",
    "约",
    "超",
    "逾",
    "余",
    "近",
];

/// The comparator word of a target as written: in its quantity (`65%以上`) or just before it
/// in the sentence (`不低于65%`); `before` is the sentence up to the quantity.
pub fn comparator_word(quantity: &str, before: &str) -> Option<&'static str> {
    let tail: String = {
        let cs: Vec<char> = before.chars().collect();
        cs[cs.len().saturating_sub(4)..].iter().collect()
    };
    COMPARATOR_WORDS
        .iter()
        .copied()
        .find(|w| quantity.contains(w))
        .or_else(|| COMPARATOR_WORDS.iter().copied().find(|w| tail.contains(w)))
}

/// Where a target's deadline phrase was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeadlineSource {
    /// Its own sentence.
    Sentence,
    /// A table cell (a year or deadline column of the row).
    Table,
    /// A heading above it.
    Heading,
    /// Earlier text: the lead of the list it belongs to.
    Lead,
}

impl DeadlineSource {
    /// The i18n key that names it.
    pub fn key(self) -> &'static str {
        match self {
            DeadlineSource::Sentence => "why.src.sentence",
            DeadlineSource::Table => "why.src.table",
            DeadlineSource::Heading => "why.src.heading",
            DeadlineSource::Lead => "why.src.lead",
        }
    }
}

/// Where the deadline of `t` comes from, given its sentence as written.
pub fn deadline_source(a: &Analysis, t: &Target, sentence: &str) -> Option<DeadlineSource> {
    let d = t.deadline.as_deref().filter(|d| !d.is_empty())?;
    if sentence.contains(d) {
        return Some(DeadlineSource::Sentence);
    }
    if a.tables
        .iter()
        .any(|tb| tb.span[0] <= t.span[0] && t.span[1] <= tb.span[1])
    {
        return Some(DeadlineSource::Table);
    }
    let in_heading = (1..=t.path.len())
        .filter_map(|k| node_at(&a.outline, &t.path[..k]))
        .any(|n| n.title.contains(d) || n.marker.contains(d));
    Some(if in_heading {
        DeadlineSource::Heading
    } else {
        DeadlineSource::Lead
    })
}

/// After re-analysis, the target that is "the same" as a selected one: same text, nearest start.
pub fn find_same_target(a: &Analysis, text: &str, start: usize) -> Option<usize> {
    (0..a.targets.len())
        .filter(|&i| a.targets[i].text == text)
        .min_by_key(|&i| a.targets[i].span[0].abs_diff(start))
}

/// After re-analysis, the heading that is "the same" as a selected one: same marker and title,
/// nearest start.
pub fn find_same_heading(
    a: &Analysis,
    marker: &str,
    title: &str,
    start: usize,
) -> Option<Vec<usize>> {
    flat_headings(&a.outline)
        .into_iter()
        .filter(|(_, n)| n.title == title && n.marker == marker)
        .min_by_key(|(_, n)| n.title_span[0].abs_diff(start))
        .map(|(p, _)| p)
}

/// A stretch of the source text to mark: char offsets, and an id the page gives back on clicks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Mark {
    pub start: usize,
    pub end: usize,
    /// Lower binds first when two marks start at the same place and have the same end.
    pub rank: u8,
    pub id: usize,
}

/// One piece of the marked text, in order: text (a byte range of the source), or the opening or
/// closing of a mark (by its index into the marks slice).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Piece {
    Text(std::ops::Range<usize>),
    Open(usize),
    Close,
}

/// Cuts `text` into pieces so that marks nest properly (HTML elements cannot cross). A mark
/// that would cross an already open one, or is empty or out of range, is left out (its index is
/// returned in the second vector); the page then falls back to scrolling to its start.
pub fn mark_pieces(text: &str, marks: &[Mark]) -> (Vec<Piece>, Vec<usize>) {
    let mut order: Vec<usize> = (0..marks.len()).collect();
    crate::order::indexes_by(&mut order, &|x, y| {
        let (a, b) = (&marks[x], &marks[y]);
        a.start
            .cmp(&b.start)
            .then(b.end.cmp(&a.end))
            .then(a.rank.cmp(&b.rank))
    });
    let mut pieces = Vec::new();
    let mut skipped = Vec::new();
    let mut chars = text.char_indices();
    let (mut cpos, mut bpos) = (0usize, 0usize);
    // byte offset of char position `c` (c >= cpos), advancing the cursor
    let mut seek = |c: usize, cpos: &mut usize, bpos: &mut usize| -> usize {
        while *cpos < c {
            match chars.next() {
                Some((_, ch)) => {
                    *bpos += ch.len_utf8();
                    *cpos += 1;
                }
                None => break,
            }
        }
        *bpos
    };
    let total = text.chars().count();
    let mut emitted = 0usize; // byte offset emitted so far
    let mut stack: Vec<usize> = Vec::new(); // end (chars) of open marks
    let push_text = |pieces: &mut Vec<Piece>, from: usize, to: usize| {
        if to > from {
            pieces.push(Piece::Text(from..to));
        }
    };
    for i in order {
        let m = marks[i];
        if m.start >= m.end || m.end > total {
            skipped.push(i);
            continue;
        }
        while let Some(&end) = stack.last() {
            if end > m.start {
                break;
            }
            let b = seek(end, &mut cpos, &mut bpos);
            push_text(&mut pieces, emitted, b);
            emitted = b;
            pieces.push(Piece::Close);
            stack.pop();
        }
        if stack.last().is_some_and(|&end| m.end > end) || m.start < cpos {
            skipped.push(i);
            continue;
        }
        let b = seek(m.start, &mut cpos, &mut bpos);
        push_text(&mut pieces, emitted, b);
        emitted = b;
        pieces.push(Piece::Open(i));
        stack.push(m.end);
    }
    while let Some(end) = stack.pop() {
        let b = seek(end, &mut cpos, &mut bpos);
        push_text(&mut pieces, emitted, b);
        emitted = b;
        pieces.push(Piece::Close);
    }
    push_text(&mut pieces, emitted, text.len());
    (pieces, skipped)
}

/// The longest compressed text a link carries (chars of base64url after `z=`). Browsers and mail
/// clients keep far longer URLs, but a link of more than a few pages of text is better sent as the
/// file itself.
pub const MAX_PACKED: usize = 32 * 1024;

const B64URL: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

/// Bytes as base64url without padding (RFC 4648 §5): safe in a URL fragment as it is.
pub fn b64url_encode(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, &b)| n | (b as u32) << (16 - 8 * i));
        for i in 0..=chunk.len() {
            out.push(B64URL[(n >> (18 - 6 * i) & 63) as usize] as char);
        }
    }
    out
}

/// [`b64url_encode`]'s inverse; `None` for any char outside the alphabet or a length no encoding
/// gives.
pub fn b64url_decode(s: &str) -> Option<Vec<u8>> {
    if s.len() % 4 == 1 {
        return None;
    }
    let mut out = Vec::with_capacity(s.len() * 3 / 4);
    for chunk in s.as_bytes().chunks(4) {
        let mut n = 0u32;
        for (i, c) in chunk.iter().enumerate() {
            let v = B64URL.iter().position(|b| b == c)? as u32;
            n |= v << (18 - 6 * i);
        }
        for i in 0..chunk.len() - 1 {
            out.push((n >> (16 - 8 * i)) as u8);
        }
    }
    Some(out)
}

#[cfg(test)]
mod tests {

    #[test]
    fn base64url_round_trips_and_refuses_junk() {
        for n in 0usize..40 {
            let bytes: Vec<u8> = (0..n).map(|i| (i * 37 + n) as u8).collect();
            let s = b64url_encode(&bytes);
            assert!(s
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_'));
            assert_eq!(s.len(), (n * 4).div_ceil(3));
            assert_eq!(b64url_decode(&s), Some(bytes));
        }
        assert_eq!(b64url_encode(b"\xfb\xff"), "-_8");
        assert_eq!(b64url_encode("规划".as_bytes()), "6KeE5YiS");
        assert_eq!(b64url_decode("a+b/"), None);
        assert_eq!(b64url_decode("abcde"), None);
        assert_eq!(b64url_decode("%zz"), None);
        assert_eq!(b64url_decode(""), Some(Vec::new()));
    }

    #[test]
    fn a_link_with_the_text_carries_it_beside_the_view() {
        let v = decode_view("#tab=targets&z=6KeE5YiS");
        assert_eq!(v.packed.as_deref(), Some("6KeE5YiS"));
        assert_eq!(v.tab, 1);
        // The view's own fragment never repeats the text.
        assert!(!encode_view(&v).contains("z="));
        assert_eq!(decode_view("#z=").packed, None);
    }

    use super::*;

    const TEXT: &str = "一、学前教育\n2023年底前新增学位1000个。公办园覆盖率不低于60%。\n\
             二、义务教育\n新建学校5所。到2025年，课后服务覆盖率达到100%。\n";

    fn analysis() -> Analysis {
        crate::analyze(TEXT)
    }

    fn mark(start: usize, end: usize, rank: u8, id: usize) -> Mark {
        Mark {
            start,
            end,
            rank,
            id,
        }
    }

    fn render(text: &str, pieces: &[Piece], marks: &[Mark]) -> String {
        let mut s = String::new();
        for p in pieces {
            match p {
                Piece::Text(r) => s.push_str(&text[r.clone()]),
                Piece::Open(i) => s.push_str(&format!("[{}:", marks[*i].id)),
                Piece::Close => s.push(']'),
            }
        }
        s
    }

    #[test]
    fn marks_nest_and_crossing_ones_are_skipped() {
        let text = "甲乙丙丁戊己";
        let marks = [
            mark(0, 4, 0, 1),
            mark(1, 2, 1, 2),
            mark(3, 6, 1, 3),
            mark(5, 5, 0, 4),
        ];
        let (pieces, skipped) = mark_pieces(text, &marks);
        assert_eq!(render(text, &pieces, &marks), "[1:甲[2:乙]丙丁]戊己");
        assert_eq!(skipped, vec![2, 3]);
        // the text itself is never lost or duplicated
        let plain: String = pieces
            .iter()
            .filter_map(|p| match p {
                Piece::Text(r) => Some(&text[r.clone()]),
                _ => None,
            })
            .collect();
        assert_eq!(plain, text);
    }

    #[test]
    fn marks_out_of_range_are_skipped() {
        let (pieces, skipped) = mark_pieces("ab", &[mark(1, 9, 0, 0)]);
        assert_eq!(pieces, vec![Piece::Text(0..2)]);
        assert_eq!(skipped, vec![0]);
    }

    #[test]
    fn filter_sort_and_timeline() {
        let a = analysis();
        assert!(a.targets.len() >= 3, "{:?}", a.targets);
        let all = filter_targets(&a, TEXT, &Filter::default());
        assert_eq!(all.len(), a.targets.len());
        let sec1 = filter_targets(
            &a,
            TEXT,
            &Filter {
                section: Some(1),
                ..Filter::default()
            },
        );
        assert!(!sec1.is_empty() && sec1.iter().all(|&i| a.targets[i].path[0] == 1));
        let pct = filter_targets(
            &a,
            TEXT,
            &Filter {
                kind: Some(TargetKind::Percent),
                ..Filter::default()
            },
        );
        assert!(pct
            .iter()
            .all(|&i| a.targets[i].kind == TargetKind::Percent));
        let q = filter_targets(
            &a,
            TEXT,
            &Filter {
                query: "学位".into(),
                ..Filter::default()
            },
        );
        assert!(q.iter().all(|&i| a.targets[i].text.contains("学位")
            || a.targets[i]
                .subject
                .as_deref()
                .unwrap_or("")
                .contains("学位")));
        // full-width and half-width, upper and lower case find each other
        let b_text = "一、目标\n推动GDP增长6%。ＰＭ2.5浓度下降到35微克/立方米。\n";
        let b = crate::analyze(b_text);
        for query in ["gdp", "ＧＤＰ", "pm2.5", "ＰＭ２．５"] {
            let hits = filter_targets(
                &b,
                b_text,
                &Filter {
                    query: query.into(),
                    ..Filter::default()
                },
            );
            assert_eq!(hits.len(), 1, "{query}");
        }
        let mut idx = all.clone();
        sort_targets(&a, &mut idx, SortKey::Value, false);
        let vals: Vec<f64> = idx
            .iter()
            .filter_map(|&i| sort_value(&a.targets[i]))
            .collect();
        assert!(vals.windows(2).all(|w| w[0] >= w[1]), "{vals:?}");
        sort_targets(&a, &mut idx, SortKey::Order, true);
        assert_eq!(idx, all);
        // by the units responsible: the ones a task table names first, in order; and a bureau's
        // name finds its targets
        let t_text = "序号\n工作任务\n牵头单位\n责任单位\n完成时限\n1\n新增耕地1000亩\n县自然资源局\n—\n2024年12月底\n2\n建设高标准农田3万亩\n县农业农村局\n县财政局\n2024年10月底\n";
        let t = crate::analyze(t_text);
        let mut idx: Vec<usize> = (0..t.targets.len()).collect();
        sort_targets(&t, &mut idx, SortKey::Responsible, true);
        let who: Vec<String> = idx
            .iter()
            .map(|&i| crate::render::responsible(&t.targets[i]))
            .collect();
        assert_eq!(who, ["县农业农村局；县财政局", "县自然资源局"]);
        let mine = Filter {
            query: "财政局".into(),
            ..Filter::default()
        };
        assert_eq!(filter_targets(&t, t_text, &mine).len(), 1);
        let tl = timeline(&a);
        let dated: Vec<_> = tl.iter().filter(|g| !g.0.is_empty()).collect();
        assert!(dated.windows(2).all(|w| w[0].0 < w[1].0));
        let n: usize = tl.iter().map(|g| g.1.len()).sum();
        assert_eq!(
            n,
            a.targets
                .iter()
                .filter(|t| t.due.is_some() || t.deadline.is_some())
                .count()
        );
        let years = due_years(&a);
        for y in &years {
            let f = Filter {
                deadline: DeadlineFilter::Year(*y),
                ..Filter::default()
            };
            assert!(!filter_targets(&a, TEXT, &f).is_empty());
        }
    }

    /// A search finds a target by any word of its sentence or of its section titles, not only by
    /// its own clause or subject.
    #[test]
    fn search_reads_the_sentence_and_the_section() {
        let text = "一、重点群体\n做好高校毕业生等重点群体就业工作，开发储备超8000个公益性岗位，\
                    城镇新增就业110万人以上。\n二、民生\n新建学校5所。\n";
        let a = crate::analyze(text);
        let query = |q: &str| {
            filter_targets(
                &a,
                text,
                &Filter {
                    query: q.into(),
                    ..Filter::default()
                },
            )
        };
        let jobs = query("就业");
        let posts = a.targets.iter().position(|t| t.text.contains("8000"));
        assert!(
            posts.is_some_and(|i| jobs.contains(&i)),
            "{jobs:?} {:?}",
            a.targets
        );
        let school = a.targets.iter().position(|t| t.text.contains("5所"));
        assert!(school.is_some_and(|i| !jobs.contains(&i)));
        // every target whose sentence holds the word, and only those, besides its section's
        for (i, t) in a.targets.iter().enumerate() {
            let bytes: Vec<usize> = text
                .char_indices()
                .map(|(b, _)| b)
                .chain([text.len()])
                .collect();
            let sentence = sentence_of(text, &bytes, t);
            assert!(
                !sentence.contains('。') && sentence.contains(t.text.as_str()),
                "{sentence}"
            );
            assert_eq!(
                jobs.contains(&i),
                sentence.contains("就业") || t.path.first() == Some(&0)
            );
        }
        // a section title finds the targets under it
        assert_eq!(query("民生"), school.into_iter().collect::<Vec<_>>());
        // a span past the text is no sentence, and no panic
        let mut far = a.targets[0].clone();
        far.clause_span = [10_000, 10_005];
        assert_eq!(sentence_of(text, &[0], &far), "");
    }

    #[test]
    fn counts_and_same_target_after_edit() {
        let a = analysis();
        let counts = target_counts(&a);
        let total: usize = (0..a.outline.len())
            .filter_map(|i| counts.get(&vec![i]))
            .sum();
        assert_eq!(
            total,
            a.targets.iter().filter(|t| !t.path.is_empty()).count()
        );
        let t = &a.targets[1];
        let edited = format!(
            "前言。\n{}",
            "一、学前教育\n2023年底前新增学位1000个。公办园覆盖率不低于60%。\n"
        );
        let b = crate::analyze(&edited);
        let j = find_same_target(&b, &t.text, t.span[0]).expect("found again");
        assert_eq!(b.targets[j].text, t.text);
        let h = &a.outline[0];
        assert!(find_same_heading(&b, &h.marker, &h.title, h.title_span[0]).is_some());
    }

    #[test]
    fn export_rows_keep_the_sentence_and_agree() {
        let a = analysis();
        let t = &a.targets[1];
        let label = |k: &str| k.to_string();
        let head: Vec<String> = EXPORT_COLS.iter().map(|k| label(k)).collect();
        let row = export_row(&a, t, " 公办园覆盖率不低于60%。", "x.yes", &label);
        assert_eq!(row.len(), EXPORT_COLS.len());
        assert_eq!(row[1], "公办园覆盖率不低于60%。");
        assert_eq!(row[3], "60");
        assert_eq!(row[5], "cmp.gte");
        assert_eq!(row[11], "x.yes");
        let rows = vec![head, row, vec!["=1+1".into(), "a\tb".into()]];
        let csv = rows_csv(&rows);
        assert!(csv.starts_with('\u{FEFF}') && csv.contains("'=1+1"));
        let tsv = rows_tsv(&rows);
        assert_eq!(tsv.lines().count(), 3);
        assert!(tsv.contains("a b"));
    }

    #[test]
    fn comparator_words_and_deadline_sources() {
        assert_eq!(comparator_word("65%以上", "达到"), Some("以上"));
        assert_eq!(comparator_word("65%", "覆盖率不低于"), Some("不低于"));
        assert_eq!(comparator_word("65%", "覆盖率"), None);
        let a = crate::analyze(
            "一、到2025年目标\n覆盖率达到95%。\n二、其他\n2024年底前建成10所学校。\n",
        );
        for t in &a.targets {
            if t.deadline.is_none() {
                continue;
            }
            let want = if t.text.contains("95") {
                DeadlineSource::Heading
            } else {
                DeadlineSource::Sentence
            };
            let sentence = if t.text.contains("95") {
                "覆盖率达到95%。"
            } else {
                "2024年底前建成10所学校。"
            };
            assert_eq!(deadline_source(&a, t, sentence), Some(want), "{t:?}");
        }
    }

    #[test]
    fn corrections_edit_reject_and_add_and_export_as_labels() {
        let text =
            "一、学前教育\n2023年底前新增学位1000个。公办园覆盖率不低于60%。全面建成示范园。\n";
        let a = crate::analyze(text);
        let (t0, t1) = (&a.targets[0], &a.targets[1]);
        let added_at = text.chars().position(|c| c == '示').unwrap();
        let cs = vec![
            Correction {
                text: t0.text.clone(),
                start: t0.span[0],
                removed: true,
                ..Default::default()
            },
            Correction {
                text: t1.text.clone(),
                start: t1.span[0],
                subject: Some("公办园覆盖率".into()),
                value: Some(65.0),
                ..Default::default()
            },
            Correction {
                text: "示范园".into(),
                start: added_at,
                end: added_at + 3,
                added: true,
                kind: Some(TargetKind::Deadline),
                ..Default::default()
            },
        ];
        let mut c = a.clone();
        apply_corrections(&mut c, text, &cs);
        assert_eq!(c.targets.len(), a.targets.len() + 1);
        assert_eq!(corrected_flag(&c.targets[0]), Some(FLAG_REMOVED));
        let t = c.targets.iter().find(|t| t.text == t1.text).unwrap();
        assert_eq!(
            (t.value, t.subject.as_deref(), corrected_flag(t)),
            (Some(65.0), Some("公办园覆盖率"), Some(FLAG_CORRECTED))
        );
        let added = c
            .targets
            .iter()
            .find(|t| corrected_flag(t) == Some(FLAG_ADDED))
            .unwrap();
        assert_eq!(added.path, vec![0]);
        let chars: Vec<char> = text.chars().collect();
        let sentence: String = chars[added.clause_span[0]..added.clause_span[1]]
            .iter()
            .collect();
        assert_eq!(sentence, "全面建成示范园。");
        let mut odd = cs.clone();
        odd[1].subject = Some("a\tb\nc".into());
        odd[2].comparator = Some(Comparator::Gte);
        let back = decode_corrections(&encode_corrections(&odd));
        odd[1].subject = Some("a b c".into());
        assert_eq!(back, odd);
        assert!(decode_corrections("junk\n1\t2").is_empty());
        let mut same = a.clone();
        apply_corrections(&mut same, text, &[]);
        assert_eq!(same, a);
    }

    #[test]
    fn view_state_round_trips_through_the_fragment() {
        let v = ViewState {
            sample: Some("003".into()),
            tab: 1,
            filter: Filter {
                kind: Some(TargetKind::Percent),
                section: Some(2),
                deadline: DeadlineFilter::Year(2024),
                due_by: Some("2025-12-31".into()),
                subject: Some(false),
                corrected: true,
                query: "财政局 a&b=c%".into(),
            },
            target: Some(17),
            packed: None,
        };
        let s = encode_view(&v);
        assert!(s.contains("t=18") && !s.contains('财'), "{s}");
        assert_eq!(decode_view(&format!("#{s}")), v);
        assert_eq!(encode_view(&ViewState::default()), "");
        let junk = decode_view("tab=nope&t=0&by=2025-1-1&sec=x&%zz");
        assert_eq!(junk, ViewState::default());
    }

    #[test]
    fn due_by_and_subject_filters() {
        let a = analysis();
        let by = Filter {
            due_by: Some("2023-12-31".into()),
            ..Filter::default()
        };
        for i in filter_targets(&a, TEXT, &by) {
            assert!(a.targets[i].due.as_deref().unwrap() <= "2023-12-31");
        }
        let with = Filter {
            subject: Some(true),
            ..Filter::default()
        };
        let without = Filter {
            subject: Some(false),
            ..Filter::default()
        };
        assert_eq!(
            filter_targets(&a, TEXT, &with).len() + filter_targets(&a, TEXT, &without).len(),
            a.targets.len()
        );
    }
}
