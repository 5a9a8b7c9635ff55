//! Document elements (GB/T 9704 parts that survive in plain text) and where the plan body is.
//!
//! Works top-down over the lines of the working copy, the way a reader peels a document
//! (docs/domain.md#elements, #input): web-page furniture is transparent; the notice that wraps a plan (its title,
//! 主送, forwarding sentence, signature, date, 抄送, 附件 lines) is read for metadata; the plan's
//! own title opens the body; a trailing signature, 抄送 block or site footer closes it. The cue
//! vocabulary lives in [`crate::document::cues`] and [`crate::input::furniture`].

use crate::document::cues::{self, org_names, re, year_cue, Cue, FIVE_YEAR};
use crate::document::markers::match_marker;
use crate::input::furniture::{classify, Furniture};
use crate::model::{Document, Period, Warning};
use crate::rx::Regex;
use crate::text::numerals::cjk_ordinal;
use crate::text::{RangeSet, Text};
use std::ops::Range;
use std::sync::OnceLock;

/// What [`extract`] finds.
#[derive(Debug, Clone)]
pub struct Elements {
    pub document: Document,
    /// Byte range of `Text::clean` that holds the plan body (where targets are): after the
    /// wrapper and the title, before the site footer (and before a trailing signature when
    /// nothing follows it).
    pub body: Range<usize>,
    /// The part of `body` that carries the plan's own headings: it stops at the 附件 note, a
    /// trailing signature or 抄送, so appended forms and tables give no headings.
    pub outline: Range<usize>,
    /// The plan's own year (工作要点 for 2023 → 2023); for a multi-year plan, its first year.
    pub plan_year: Option<i32>,
    /// Byte ranges inside `body` that are document elements, not plan text (附件 lists,
    /// signatures, dates, 抄送, furniture lines): no headings and no targets there.
    pub skip: Vec<Range<usize>>,
    pub warnings: Vec<Warning>,
}

/// How many lines from the top a title may be looked for in.
const TITLE_WINDOW: usize = 40;
/// Longest title line (chars).
const TITLE_MAX: usize = 60;

#[derive(Debug, Clone)]
struct Line<'a> {
    r: Range<usize>,
    /// Byte offset in `Text::clean` where `s` starts.
    at: usize,
    /// The line, trimmed.
    s: &'a str,
    furniture: Option<Furniture>,
}

impl Line<'_> {
    fn is(&self, cue: Cue) -> bool {
        cues::is(cue, self.s)
    }
    fn chars(&self) -> usize {
        self.s.chars().count()
    }
    /// The range of `s` in `Text::clean`: the line without its blanks and Markdown marks.
    fn text(&self) -> Range<usize> {
        self.at..self.at + self.s.len()
    }
}

fn period_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| {
        crate::rx::new(r"((?:19|20)\d{2})\s*年?\s*[-—–~至到]\s*((?:19|20)\d{2})").expect("period")
    })
}

fn year_re() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| crate::rx::new(r"((?:19|20)\d{2})\s*年").expect("year"))
}

fn meta_field(name: &str) -> Regex {
    crate::rx::new(&format!(r"{name}\s*:\s*([^\s:]+)")).expect("meta field")
}

/// The `来源:` of a page's article metadata (the weakest issuer: a department that posted it).
fn source_field() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| meta_field("(?:信息来源|来源)"))
}

fn issuer_field() -> &'static Regex {
    static RE: OnceLock<Regex> = OnceLock::new();
    RE.get_or_init(|| meta_field("(?:发文机关|发布机构|发文单位)"))
}

/// What a web page or an archive says about the document (the weakest sources).
#[derive(Default)]
struct PageMeta {
    pub_date: Option<String>,
    /// 成文日期 of an info-disclosure grid.
    grid_date: Option<String>,
    grid_issuer: Option<String>,
    /// A body named as 来源 (`市教育局`), not a site name or `本网`.
    source: Option<String>,
    grid_number: Option<String>,
    /// The date of YAML front matter: a publication date.
    front_date: Option<String>,
}

/// Page metadata: publication date, info-disclosure grid fields, front matter.
fn page_metadata(t: &Text, lines: &[Line]) -> PageMeta {
    let mut m = PageMeta::default();
    for l in lines
        .iter()
        .filter(|l| l.furniture == Some(Furniture::Meta))
    {
        if let Some(c) = cues::captures(Cue::MetaDate, l.s) {
            let d = ymd(&c["y"], &c["m"], &c["d"]);
            if c[0].starts_with("成文日期") {
                m.grid_date = m.grid_date.or(d);
            } else {
                m.pub_date = m.pub_date.or(d);
            }
        }
        if let Some(c) = issuer_field().captures(l.s) {
            m.grid_issuer = m.grid_issuer.or(Some(c[1].to_string()));
        }
        if let Some(c) = source_field().captures(l.s) {
            let v = c[1].to_string();
            if m.source.is_none() && org_names(&v).is_some() {
                m.source = Some(v);
            }
        }
        if l.s.starts_with("发文字号") || l.s.starts_with("文号") {
            m.grid_number = m.grid_number.or_else(|| doc_number(l.s));
        }
    }
    m.front_date = t.front_matter().iter().find_map(|(k, v)| {
        matches!(
            k.as_str(),
            "date" | "published" | "pubdate" | "发布日期" | "日期"
        )
        .then(|| loose_date(v))
        .flatten()
    });
    m
}

/// A title candidate: lines `first..=last` of the line list, its display text and kind.
#[derive(Debug, Clone)]
struct Title {
    first: usize,
    last: usize,
    text: String,
    notice: bool,
}

/// Extracts the document elements and the body range of `t`, peeling the document the way a
/// reader does: the 版头 and the titles (the notice's, then the plan's own), the signatures and
/// their dates, where the body starts, the header zone (文号, 主送), the closing elements (附件,
/// 抄送, 印发), where the body ends; then the date, issuers, period and plan year are read off
/// what was found.
pub fn extract(t: &Text) -> Elements {
    let lines = read_lines(t);
    let content = |i: usize| is_content(&lines[i]);
    let mut doc = Document::default();
    let mut skip: Vec<Range<usize>> = Vec::new();
    let page = page_metadata(t, &lines);

    let first_marker = (0..lines.len())
        .find(|&i| content(i) && match_marker(lines[i].s).is_some_and(|h| !h.degraded))
        .unwrap_or(lines.len());
    let banner = banner(t, &lines, first_marker);
    let window: Vec<usize> = (0..first_marker)
        .filter(|&i| content(i) && !banner.lines.contains(&i))
        .take(TITLE_WINDOW)
        .collect();
    let titles = titles(t, &lines, &window, first_marker, &content);
    doc.notice_title = titles.notice.as_ref().map(|n| n.text.clone());

    let plan_line = titles.plan.as_ref().map(|p| p.last);
    let signed = Signatures::read(t, &lines, plan_line, &content, &mut skip);
    let opening = Opening {
        titles: &titles,
        window: &window,
        banner: &banner,
        signed: &signed,
        first_marker,
    };
    let start = body_start(t, &lines, &opening, &mut doc, &mut skip);
    header_zone(t, &lines[..start.first.min(lines.len())], &mut doc);
    doc.doc_number = doc.doc_number.or(page.grid_number.clone());
    let (attach_start, cc_line) =
        closing_elements(t, &lines, start.byte, first_marker, &mut doc, &mut skip);
    let end = body_end(
        t,
        &lines,
        &start,
        &signed.dated,
        first_marker,
        [cc_line, attach_start],
        &skip,
    );

    date_and_issuers(t, &lines, &opening, &start, &end, page, &mut doc);
    doc.period = doc.title.as_deref().and_then(title_period);
    let plan_year = plan_year(&doc, &preamble(t, &lines, &start));
    let warnings = truncation(t, &lines, &start, &end).into_iter().collect();

    let trim = |mut e: usize| {
        while e > start.byte && t.clean.as_bytes().get(e - 1) == Some(&b'\n') {
            e -= 1;
        }
        e
    };
    let body_end = trim(end.body);
    let outline_end = trim(end.outline.min(body_end));
    skip.retain(|r| r.start >= start.byte && r.end <= body_end);
    crate::order::by_key(&mut skip, |r| r.start as u64);
    skip.dedup();
    Elements {
        document: doc,
        body: start.byte..body_end,
        outline: start.byte..outline_end.max(start.byte),
        plan_year,
        skip,
        warnings,
    }
}

/// A line of the document's own text: no furniture, no header line.
fn is_content(l: &Line) -> bool {
    l.furniture.is_none() && !l.is(Cue::Header)
}

/// The dated lines and the signature blocks above them.
struct Signatures {
    dated: Vec<Dated>,
    /// Lines that are a date of [`Self::dated`].
    is_dated: Vec<bool>,
    /// Lines of a signature block (signatories, seal, date).
    in_sig: Vec<bool>,
}

impl Signatures {
    fn read(
        t: &Text,
        lines: &[Line],
        plan_last: Option<usize>,
        content: &dyn Fn(usize) -> bool,
        skip: &mut Vec<Range<usize>>,
    ) -> Signatures {
        let dated = signed_dates(t, lines, plan_last, content, skip);
        let mut is_dated = vec![false; lines.len()];
        let mut in_sig = vec![false; lines.len()];
        for d in &dated {
            is_dated[d.line] = true;
            for x in in_sig.iter_mut().take(d.line + 1).skip(d.from) {
                *x = true;
            }
        }
        Signatures {
            dated,
            is_dated,
            in_sig,
        }
    }
}

/// What the top of the document showed: its titles, the lines a title was looked for in, the
/// 版头, the signatures, and the first line with a heading marker.
struct Opening<'a> {
    titles: &'a Titles,
    window: &'a [usize],
    banner: &'a Banner,
    signed: &'a Signatures,
    first_marker: usize,
}

/// Where the body starts.
struct BodyStart {
    /// Byte offset in `Text::clean`.
    byte: usize,
    /// The first line of the body.
    first: usize,
    /// The body starts mid-line (a title glued to the text, a text that lost its line breaks).
    mid_line: Option<usize>,
    /// The issuer printed under the plan's title.
    plan_issuer: Option<Vec<String>>,
}

/// Where the body starts: after the plan's title and what is printed under it (issuer, date,
/// 文号, a table of contents), or after the last wrapper element before the first heading; a 主送
/// line right under the title still belongs to the wrapper. Sets the title.
fn body_start(
    t: &Text,
    lines: &[Line],
    o: &Opening,
    doc: &mut Document,
    skip: &mut Vec<Range<usize>>,
) -> BodyStart {
    let mut start_line = None; // first line index of the body
    let mut start_byte = None; // a body that starts mid-line (glued title)
    let mut plan_issuer: Option<Vec<String>> = None;
    if let Some(p) = &o.titles.plan {
        doc.title = Some(p.text.clone());
        let (k, issuer) = under_title(t, lines, p, &o.signed.is_dated, skip);
        plan_issuer = issuer;
        start_line = Some(skip_toc(lines, k));
    } else if let Some(f) = &o.titles.forwarded {
        doc.title = Some(f.clone());
    } else if let Some(n) = &o.titles.notice {
        doc.title = Some(n.text.clone());
    } else if let Some(&i) = o.window.first() {
        if let Some(c) = cues::captures(Cue::GluedPlanTitle, lines[i].s) {
            let m = c.name("t").map_or(0..0, |m| m.range());
            doc.title = Some(t.display(shift(&lines[i], m.clone())));
            start_byte = Some(lines[i].at + m.end);
        } else if o.window.len() > 1
            && title_line(lines[i].s)
            && lines[i].chars() >= 4
            && org_names(lines[i].s).is_none()
            && !is_recipients(lines[i].s)
            && !lines[i].s.contains([',', ';'])
        {
            // No title word, but a short first line of its own above the text: a reader takes
            // it for the title (`某县2023年全民健身活动安排`).
            doc.title = Some(strip_book(t.display(lines[i].text()).trim()));
            start_line = Some(i + 1);
        }
    }
    if start_line.is_none() && start_byte.is_none() {
        start_line = Some(skip_toc(lines, after_wrapper(lines, o)));
    }
    let mut body_start = match (start_byte, start_line) {
        (Some(b), _) => b,
        (None, Some(i)) => lines.get(i).map_or(t.clean.len(), |l| l.r.start),
        _ => 0,
    };
    if body_start >= t.clean.len() {
        // Nothing would be left for the body: a text that lost its line breaks, with the notice
        // and the plan on one line. The plan starts after the last copy of its title in the
        // first half of the text (`…附件:某区2022年教育工作要点2022年是…`).
        if let Some(at) = doc
            .title
            .as_deref()
            .and_then(|title| title_copy_end(&t.clean, title))
        {
            body_start = at;
            start_byte = Some(at);
        }
    }
    let mut body_first = lines.partition_point(|l| l.r.end <= body_start);
    // A 主送 line right under the title (a notice that is itself the plan, an 实施意见) belongs to
    // the wrapper, not the body.
    if start_byte.is_none()
        && lines
            .get(body_first)
            .is_some_and(|l| is_recipients(l.s) && l.chars() <= 300)
    {
        body_start = lines
            .get(body_first + 1)
            .map_or(t.clean.len(), |n| n.r.start);
        body_first += 1;
    }
    BodyStart {
        byte: body_start,
        first: body_first,
        mid_line: start_byte,
        plan_issuer,
    }
}

/// No title line of the plan: the body starts after the last wrapper element (signature,
/// 主送, forwarding sentence, 抄送, 附件 note, 版头, 文号, furniture) before the first heading, or
/// after the notice title.
fn after_wrapper(lines: &[Line], o: &Opening) -> usize {
    let mut s = o.titles.notice.as_ref().map_or(0, |n| n.last + 1);
    for (i, l) in lines.iter().enumerate().take(o.first_marker) {
        let wrapper = o.signed.in_sig[i]
            || is_recipients(l.s)
            || l.is(Cue::Forwarding)
            || l.is(Cue::Cc)
            || l.is(Cue::AttachmentNote)
            || l.is(Cue::AttachmentStart)
            || l.is(Cue::Printed)
            || l.is(Cue::Closing)
            || l.is(Cue::IssuerMark)
            || o.banner.lines.contains(&i)
            || is_doc_number_line(l.s)
            || !is_content(l);
        if wrapper && i >= s {
            s = i + 1;
        } else if !wrapper && i >= s {
            break;
        }
    }
    s
}

/// The lines printed under the plan's title before its text (furniture, the title a second
/// time, the issuer, a date, 文号, a bracketed note), skipped: the first line after them, and the
/// issuer when one is printed there.
fn under_title(
    t: &Text,
    lines: &[Line],
    p: &Title,
    is_dated: &[bool],
    skip: &mut Vec<Range<usize>>,
) -> (usize, Option<Vec<String>>) {
    let mut plan_issuer = None;
    let key = squeeze_title(&p.text);
    let mut k = p.last + 1;
    while k < lines.len() {
        let l = &lines[k];
        // furniture, and the title printed a second time (web page heading, then the article).
        if !is_content(l) || squeeze_title(l.s) == key {
            skip.push(l.r.clone());
            k += 1;
            continue;
        }
        if let Some(names) = org_names(l.s) {
            if plan_issuer.is_none() && !is_dated.get(k + 1).copied().unwrap_or(false) {
                plan_issuer = Some(
                    names
                        .iter()
                        .map(|n| t.display(shift(l, sub_range(l.s, n))))
                        .collect(),
                );
            }
        } else if !(line_date(l.s).is_some()
            || l.is(Cue::ReportDate)
            || l.is(Cue::Speaker)
            || l.is(Cue::Note)
            || is_doc_number_line(l.s)
            || is_bracketed(l.s)
            || l.s.starts_with("——"))
        {
            break;
        }
        skip.push(l.r.clone());
        k += 1;
    }
    (k, plan_issuer)
}

/// The header zone above the body: 文号 and 主送.
fn header_zone(t: &Text, header: &[Line], doc: &mut Document) {
    for l in header {
        if doc.doc_number.is_none() && is_doc_number_line(l.s) {
            doc.doc_number = doc_number(l.s);
        }
        if doc.recipients.is_empty() && is_recipients(l.s) && l.chars() <= 300 {
            doc.recipients = split_list(&t.display(l.r.clone()));
        }
    }
}

/// Where the body ends.
struct BodyEnd {
    /// Byte offset in `Text::clean` where the body ends.
    body: usize,
    /// Where the headings stop (at or before [`Self::body`]).
    outline: usize,
    /// The line of a trailing signature, 抄送 or 附件 note that stops the headings.
    outline_stop: Option<usize>,
    /// The last content line of the body.
    last_in_body: usize,
}

/// Where the body ends: the site footer; the headings stop earlier, at a trailing signature,
/// 抄送 or 附件 note (`closing`: the 抄送 and 附件 lines), and the body with them when nothing
/// but elements follows.
fn body_end(
    t: &Text,
    lines: &[Line],
    start: &BodyStart,
    dated: &[Dated],
    first_marker: usize,
    closing: [Option<usize>; 2],
    skip: &[Range<usize>],
) -> BodyEnd {
    let content = |i: usize| is_content(&lines[i]);
    // The site footer: a footer line that is not a sentence of the plan (`保护版权所有人…。`).
    let foot = (start.first..lines.len()).find(|&i| {
        lines[i].furniture == Some(Furniture::Footer)
            && !lines[i].s.contains('。')
            && lines[i].chars() <= 200
    });
    let body_end = foot
        .map_or(t.clean.len(), |i| lines[i].r.start)
        .max(start.byte);
    // A date line closes the plan when it is signed, or when at most a few lines follow it
    // (a bare date inside the text is a time node, not a signature).
    let last_in_body = (0..lines.len())
        .rev()
        .find(|&i| lines[i].r.end <= body_end && content(i))
        .unwrap_or(0);
    // A signature, 抄送 or 附件 line above the first heading, with headings below it, belongs to
    // a wrapper (the notice that forwards the plan, a crawler's record): the plan's outline
    // goes on past it.
    let wraps = |i: usize| i < first_marker && first_marker < lines.len();
    let trailing_sig = dated
        .iter()
        .filter(|d| lines[d.line].r.start >= start.byte && lines[d.line].r.start < body_end)
        .filter(|d| !wraps(d.line))
        .filter(|d| !d.sig.is_empty() || d.line + 3 >= last_in_body)
        .map(|d| d.from)
        .next();
    let outline_stop = [trailing_sig, closing[0], closing[1]]
        .into_iter()
        .flatten()
        .filter(|&i| lines[i].r.start >= start.byte && !wraps(i))
        .min();
    let outline_end = outline_stop
        .map_or(body_end, |i| lines[i].r.start.min(body_end))
        .max(start.byte);
    // Nothing but elements after the trailing signature: the body ends there too.
    let after = outline_stop.map_or(lines.len(), |i| i);
    let skipped = RangeSet::new(skip.to_vec());
    let rest_is_elements = (after..lines.len())
        .filter(|&i| lines[i].r.start < body_end)
        .all(|i| skipped.covers(&lines[i].r) || !content(i));
    BodyEnd {
        body: if rest_is_elements {
            outline_end
        } else {
            body_end
        },
        outline: outline_end,
        outline_stop,
        last_in_body,
    }
}

/// The date and the issuers (label rule: a date at the end of the plan, else the signature date
/// of the notice, else a report's day of delivery, else the page grid or publication date).
fn date_and_issuers(
    t: &Text,
    lines: &[Line],
    o: &Opening,
    start: &BodyStart,
    end: &BodyEnd,
    page: PageMeta,
    doc: &mut Document,
) {
    let plan_line = o.titles.plan.as_ref().map(|p| p.last);
    let plan_at = plan_line.unwrap_or(0);
    let dated = &o.signed.dated;
    // Inside the body only a signed date or one at the very end is a 成文日期 (a bare date in the
    // text is a time node); the wrapper's dates all count.
    let eligible = |d: &&Dated| {
        lines[d.line].r.start < start.byte || !d.sig.is_empty() || d.line + 3 >= end.last_in_body
    };
    let chosen = dated
        .iter()
        .rev()
        .filter(eligible)
        .find(|d| d.line > plan_at && plan_line.is_some())
        .or_else(|| {
            dated
                .iter()
                .rev()
                .filter(eligible)
                .find(|d| plan_line.is_none_or(|p| d.line < p))
        });
    let issued = issued_note(t, lines);
    let report_date = lines.iter().find_map(|l| {
        cues::captures(Cue::ReportDate, l.s).and_then(|c| any_ymd(&c["y"], &c["m"], &c["d"]))
    });
    // A report is dated by the day it was delivered, before the page that carries it.
    doc.date = chosen
        .map(|d| d.date.clone())
        .or_else(|| issued.as_ref().map(|x| x.0.clone()))
        .or(report_date)
        .or(page.grid_date)
        .or(page.pub_date)
        .or(page.front_date);
    let notice_issuer = o
        .titles
        .notice
        .as_ref()
        .and_then(|n| notice_issuer(&n.text));
    let issuer_mark = Some(o.banner.issuers.clone()).filter(|v| !v.is_empty());
    doc.issuers = chosen
        .map(|d| d.sig.clone())
        .filter(|v| !v.is_empty())
        .or(issued.map(|x| x.1))
        .or(start.plan_issuer.clone())
        .or(issuer_mark)
        .or_else(|| report_issuer(lines).map(|s| vec![s]))
        .or_else(|| page.grid_issuer.map(|g| vec![g]))
        .or(notice_issuer)
        .or_else(|| page.source.map(|s| vec![s]))
        .or_else(|| doc.title.as_deref().and_then(title_issuer).map(|s| vec![s]))
        .unwrap_or_default()
        .into_iter()
        .map(|n| full_name(&n, None, &t.clean))
        .collect();
}

/// The opening of the body (its first three lines, or 600 chars of a body that starts
/// mid-line): where a plan without a year in its title names it.
fn preamble(t: &Text, lines: &[Line], start: &BodyStart) -> String {
    match start.mid_line {
        Some(b) => t.clean.get(b..).unwrap_or("").chars().take(600).collect(),
        None => lines[start.first.min(lines.len())..]
            .iter()
            .take(3)
            .map(|l| l.s.chars().take(300).collect::<String>())
            .collect::<Vec<_>>()
            .join("\n"),
    }
}

/// A text that stops mid-sentence: the last line of the plan's own text (a page's 上一篇/下一篇
/// links after it are no sentence) is long and ends without a full stop, and no signature or
/// closing element follows.
fn truncation(t: &Text, lines: &[Line], start: &BodyStart, end: &BodyEnd) -> Option<Warning> {
    let last = lines.iter().rev().find(|l| {
        l.r.start < end.body
            && l.r.end <= end.body
            && l.furniture.is_none()
            && l.r.start >= start.byte.saturating_sub(l.r.len())
    })?;
    let stop = last.s.chars().last().unwrap_or('。');
    (last.chars() >= 20 && !"。!?”’」)》;.…:".contains(stop) && end.outline_stop.is_none()).then(
        || Warning {
            code: "truncated-text".into(),
            message: "正文似乎被截断 (the text seems to stop mid-sentence)".into(),
            span: t.span(last.r.end.saturating_sub(30).max(last.r.start)..last.r.end),
        },
    )
}

/// The non-blank lines of `t`, trimmed, with their furniture kind; a menu printed one entry per
/// line above the article counts as navigation.
fn read_lines(t: &Text) -> Vec<Line<'_>> {
    let mut lines: Vec<Line> = t
        .lines()
        .filter(|r| !t.clean[r.clone()].trim().is_empty())
        .map(|r| {
            let raw = &t.clean[r.clone()];
            let s = unmarked(raw.trim());
            Line {
                furniture: classify(s),
                at: r.start + sub_range(raw, s).start,
                r,
                s,
            }
        })
        .collect();
    mark_menus(&mut lines);
    lines
}

/// A line without a Markdown heading mark or the bold marks around it (`# 某局关于…的通知`,
/// `**某某工作方案**`): the marks are no part of a title or a signature.
fn unmarked(s: &str) -> &str {
    let s = match s.trim_start_matches('#') {
        rest if rest.len() < s.len() && rest.starts_with(' ') => rest.trim_start(),
        _ => s,
    };
    match s.strip_prefix("**").and_then(|x| x.strip_suffix("**")) {
        Some(inner) if !inner.is_empty() && !inner.contains("**") => inner.trim(),
        _ => s,
    }
}

/// Longest menu entry (chars) of a site's navigation printed one entry per line.
const MENU_ENTRY_MAX: usize = 8;
/// Fewest entries in a row that make a menu when one of them is page furniture (`首页`, `>`).
const MENU_RUN_MIN: usize = 4;
/// Fewest entries in a row that make a menu of plain words (a site's full navigation).
const MENU_LONG_RUN: usize = 8;

/// Marks runs of short entry lines before the article's first sentence as navigation (`首页`
/// `学校公告` `校园新闻` …, a breadcrumb or a font-size widget split one item per line). A title
/// that ends the run (the article's own, printed right after the menu) stays content. The
/// header cells of a table printed one per line (`序号` `工作任务` `牵头单位` …) are no menu.
fn mark_menus(lines: &mut [Line]) {
    let Some(article) = lines.iter().position(|l| {
        l.s.contains('。') || l.chars() > 40 || match_marker(l.s).is_some_and(|h| !h.degraded)
    }) else {
        return;
    };
    let entry = |l: &Line| {
        l.chars() <= MENU_ENTRY_MAX
            && !l.s.chars().any(|c| c.is_ascii_digit())
            && !l.is(Cue::Header)
            && org_names(l.s).is_none()
    };
    let mut i = 0;
    while i < article {
        let run = lines[i..article].iter().take_while(|l| entry(l)).count();
        let items = &lines[i..i + run];
        let menu = (run >= MENU_RUN_MIN && items.iter().any(|l| l.furniture.is_some())
            || run >= MENU_LONG_RUN)
            && items.first().is_none_or(|l| l.s != "序号");
        if menu {
            let mut end = i + run;
            if classify_title(lines[end - 1].s).is_some() {
                end -= 1;
            }
            for l in &mut lines[i..end] {
                l.furniture.get_or_insert(Furniture::Nav);
            }
        }
        i += run.max(1);
    }
}

/// The titles of the header: the wrapping notice's, the plan's own, and the title the notice
/// forwards (which names the plan when its own title line is not printed).
struct Titles {
    notice: Option<Title>,
    plan: Option<Title>,
    forwarded: Option<String>,
}

fn titles(
    t: &Text,
    lines: &[Line],
    window: &[usize],
    first_marker: usize,
    content: &dyn Fn(usize) -> bool,
) -> Titles {
    let titles = find_titles(t, lines, window);
    let notice = titles.iter().find(|x| x.notice).cloned();
    let mut plan = titles
        .iter()
        .find(|x| !x.notice && notice.as_ref().is_none_or(|n| x.first > n.last))
        .or_else(|| titles.iter().find(|x| !x.notice))
        .map(|x| printed_title(lines, &titles, x))
        .cloned();
    let forwarded = notice
        .as_ref()
        .and_then(|n| inner_title(&n.text).or_else(|| bare_forwarded(&n.text)))
        .or_else(|| {
            window.iter().find_map(|&i| {
                cues::captures(Cue::Forwarding, lines[i].s).map(|c| {
                    strip_book(
                        &t.display(shift(&lines[i], c.name("t").map_or(0..0, |m| m.range()))),
                    )
                })
            })
        });
    // A notice with numbered requirements of its own: the plan's title line comes after them.
    if plan.is_none() {
        if let Some(f) = &forwarded {
            let key = squeeze_title(f);
            plan = (first_marker..lines.len().min(first_marker + 20 * TITLE_WINDOW))
                .find(|&i| content(i) && title_line(lines[i].s) && squeeze_title(lines[i].s) == key)
                .map(|i| Title {
                    first: i,
                    last: i,
                    text: strip_book(t.display(lines[i].text()).trim()),
                    notice: false,
                });
        }
    }
    Titles {
        notice,
        plan,
        forwarded,
    }
}

/// The 附件, 抄送 and 印发 lines anywhere, read into `doc` and `skip`: returns the first 附件 line
/// and the first 抄送 / 印发 line inside the body (where the plan's headings stop); a wrapper's lines above
/// the first heading (`first_marker`) give way to the plan's own.
fn closing_elements(
    t: &Text,
    lines: &[Line],
    body_start: usize,
    first_marker: usize,
    doc: &mut Document,
    skip: &mut Vec<Range<usize>>,
) -> (Option<usize>, Option<usize>) {
    let mut attach_start = None;
    let mut cc_line = None;
    let mut i = 0;
    while i < lines.len() {
        let l = &lines[i];
        if l.is(Cue::AttachmentNote) || l.is(Cue::AttachmentStart) {
            // a wrapper's 附件 line above the first heading gives way to the plan's own
            if l.r.start >= body_start && attach_start.is_none_or(|a| a < first_marker) {
                attach_start = Some(i);
            }
            skip.push(l.r.clone());
            if let Some(c) = cues::captures(Cue::AttachmentNote, l.s) {
                let rest = c.name("rest").map_or(0..0, |m| m.range());
                push_attachment(&mut doc.attachments, t, shift(l, rest));
                while i + 1 < lines.len()
                    && lines[i + 1].is(Cue::AttachmentItem)
                    && adjacent(&lines[i], &lines[i + 1])
                {
                    i += 1;
                    skip.push(lines[i].r.clone());
                    push_attachment(&mut doc.attachments, t, lines[i].r.clone());
                }
            }
        } else if let Some(c) = cues::captures(Cue::Cc, l.s) {
            if l.r.start >= body_start && cc_line.is_none_or(|c| c < first_marker) {
                cc_line = Some(i);
            }
            let mut text = t.display(shift(l, c.name("rest").map_or(0..0, |m| m.range())));
            skip.push(l.r.clone());
            while !text.trim_end().ends_with('。')
                && i + 1 < lines.len()
                && adjacent(&lines[i], &lines[i + 1])
                && is_cc_continuation(&lines[i + 1])
            {
                i += 1;
                skip.push(lines[i].r.clone());
                text.push_str(&t.display(lines[i].r.clone()));
            }
            doc.cc.extend(split_list(&text));
        } else if l.is(Cue::Printed)
            || (l.r.start >= body_start && (l.is(Cue::Note) || l.is(Cue::Closing)))
        {
            skip.push(l.r.clone());
            if cc_line.is_none() && l.is(Cue::Printed) && l.r.start >= body_start {
                cc_line = Some(i);
            }
        } else if l.r.start >= body_start
            && l.furniture.is_some_and(|k| {
                !matches!(k, Furniture::Disclaimer | Furniture::Footer) || !l.s.contains('。')
            })
        {
            skip.push(l.r.clone());
        }
        i += 1;
    }

    (attach_start, cc_line)
}

/// The bodies a notice title names before 关于 / 印发.
fn notice_issuer(title: &str) -> Option<Vec<String>> {
    let stripped: String = title.chars().filter(|c| !c.is_whitespace()).collect();
    let c = cues::captures(Cue::NoticeTitle, &stripped)
        .or_else(|| cues::captures(Cue::ForwardTitle, &stripped))?;
    let iss = c.name("issuer")?.as_str();
    org_names(iss).map(|v| v.into_iter().map(str::to_string).collect())
}

/// The period a title names: two years (`（2022-2024年）`) or a five-year plan.
fn title_period(title: &str) -> Option<Period> {
    if let Some(c) = period_re().captures(title) {
        let (a, b) = (c[1].parse().unwrap_or(0), c[2].parse().unwrap_or(0));
        if a <= b && b - a <= 20 {
            return Some(Period { from: a, to: b });
        }
    }
    FIVE_YEAR
        .iter()
        .find(|(name, _, _)| title.contains(name))
        .map(|&(_, from, to)| Period { from, to })
}

/// The plan's own year. An explicit period gives the first year; a five-year-plan name yields
/// to a printed year (`2023年“十四五”规划实施情况` is about 2023); then the preamble's year, the
/// document date, a year cue of the preamble.
fn plan_year(doc: &Document, preamble: &str) -> Option<i32> {
    let title = doc.title.as_deref();
    let title_year: Option<i32> = title
        .and_then(|s| year_re().captures(s))
        .and_then(|c| c[1].parse().ok());
    let explicit_period = title.is_some_and(|s| period_re().is_match(s));
    doc.period
        .filter(|_| explicit_period)
        .map(|p| p.from)
        .or(title_year)
        .or(doc.period.map(|p| p.from))
        .or_else(|| cues::captures(Cue::PreambleYear, preamble).and_then(|c| c["y"].parse().ok()))
        .or_else(|| doc.date.as_deref().and_then(|d| d.get(..4)?.parse().ok()))
        .or_else(|| year_cue(preamble))
}

/// The publication note under a title (`（2016年10月25日 中共中央、国务院发布）`): its date and
/// bodies.
fn issued_note(t: &Text, lines: &[Line]) -> Option<(String, Vec<String>)> {
    lines.iter().take(TITLE_WINDOW).find_map(|l| {
        let c = cues::captures(Cue::IssuedNote, l.s)?;
        let date = ymd(&c["y"], &c["m"], &c["d"])?;
        let orgs = c.name("orgs")?;
        let names: Vec<String> = orgs
            .as_str()
            .split(['、', ' '])
            .filter(|n| !n.is_empty())
            .map(|n| org_names(n).map(|_| t.display(shift(l, sub_range(l.s, n)))))
            .collect::<Option<_>>()?;
        Some((date, names))
    })
}

/// The government a 政府工作报告 is delivered for: the one the speaker represents
/// (`我代表省人民政府`), else the one the speaker line names; a short name takes the region of
/// the congress that heard the report (`在陕西省第十四届人民代表大会…` → `陕西省人民政府`).
fn report_issuer(lines: &[Line]) -> Option<String> {
    let head = &lines[..lines.len().min(3 * TITLE_WINDOW)];
    let dateline = head
        .iter()
        .find_map(|l| cues::captures(Cue::ReportDate, l.s));
    let place = dateline
        .as_ref()
        .and_then(|c| c.name("place"))
        .map(|m| m.as_str());
    let represented = dateline
        .is_some()
        .then(|| {
            head.iter().find_map(|l| {
                cues::captures(Cue::Represents, l.s)
                    .and_then(|c| c.name("org").map(|m| m.as_str().to_string()))
            })
        })
        .flatten();
    let speaker = || {
        head.iter().find_map(|l| {
            let c = cues::captures(Cue::Speaker, l.s)?;
            let org = c.name("org")?.as_str();
            Some(if org.ends_with("人民政府") {
                org.to_string()
            } else {
                format!("{org}人民政府")
            })
        })
    };
    let org = represented.or_else(speaker)?;
    Some(full_name(&org, place, ""))
}

/// A body's full name where the text gives it: a short name that leaves out its region
/// (`自治区人民政府`) takes the region of `place`, or the region the text prints it with
/// (`西藏自治区人民政府`).
fn full_name(short: &str, place: Option<&str>, text: &str) -> String {
    let Some(level) = super::lexicon::REGION_LEVELS
        .iter()
        .find(|lv| short.starts_with(**lv))
    else {
        return short.to_string();
    };
    let rest = &short[level.len()..];
    if let Some(p) = place.filter(|p| p.ends_with(level) && p.len() > level.len()) {
        return format!("{p}{rest}");
    }
    super::lexicon::PROVINCIAL_REGIONS
        .iter()
        .filter(|r| r.ends_with(level))
        .map(|r| format!("{r}{rest}"))
        .find(|full| text.contains(full.as_str()))
        .unwrap_or_else(|| short.to_string())
}

/// A 成文日期 line and the signature block above it.
struct Dated {
    /// The date line.
    line: usize,
    date: String,
    /// The signing bodies, top to bottom.
    sig: Vec<String>,
    /// The first line of the signature block.
    from: usize,
}

/// Every date line of the text with the signature above it (a bare date has none); the lines
/// read go into `skip`.
fn signed_dates(
    t: &Text,
    lines: &[Line],
    plan_last: Option<usize>,
    content: &dyn Fn(usize) -> bool,
    skip: &mut Vec<Range<usize>>,
) -> Vec<Dated> {
    let mut dated = Vec::new();
    for i in (0..lines.len()).filter(|&i| content(i)) {
        let mut sig = Vec::new();
        let date = match line_date(lines[i].s) {
            Some(d) => d,
            None => {
                // Signature and date on one line, once the layout that kept them apart is lost.
                let Some(c) = cues::captures(Cue::SignedDate, lines[i].s) else {
                    continue;
                };
                let Some(org) = c.name("org").filter(|m| org_names(m.as_str()).is_some()) else {
                    continue;
                };
                let Some(d) = ymd(&c["y"], &c["m"], &c["d"]) else {
                    continue;
                };
                for n in org_names(org.as_str()).unwrap_or_default() {
                    sig.push(t.display(shift(&lines[i], sub_range(lines[i].s, n))));
                }
                d
            }
        };
        let from = signatories(t, lines, i, plan_last, content, &mut sig, skip);
        skip.push(lines[i].r.clone());
        dated.push(Dated {
            line: i,
            date,
            sig,
            from,
        });
    }
    dated
}

/// Most lines a signature block spans above its date (joint signatures of many bodies).
const SIGNATURE_LINES: usize = 8;

/// Reads the signature above the date on line `date` into `sig` (top to bottom) and returns the
/// first line of the block. Seal placeholders (`（盖章）`, `（某局代章）`) and a bracketed alias
/// under a body are passed over; a body broken over two lines is joined.
fn signatories(
    t: &Text,
    lines: &[Line],
    date: usize,
    plan_last: Option<usize>,
    content: &dyn Fn(usize) -> bool,
    sig: &mut Vec<String>,
    skip: &mut Vec<Range<usize>>,
) -> usize {
    let mut from = date;
    let mut j = date;
    while j > 0 && date - j < SIGNATURE_LINES && plan_last.is_none_or(|p| j != p + 1) {
        j -= 1;
        if !content(j) {
            break;
        }
        let l = &lines[j];
        if l.is(Cue::Note) || is_bracketed(l.s) && org_names(l.s.trim_matches(['(', ')'])).is_some()
        {
            skip.push(l.r.clone());
            continue;
        }
        let body = strip_seal(l.s);
        let Some(names) = split_joint(body).or_else(|| org_names(body)) else {
            break;
        };
        let mut found: Vec<String> = names
            .iter()
            .map(|n| t.display(shift(l, sub_range(l.s, n))))
            .collect();
        skip.push(l.r.clone());
        from = j;
        // `某市公共卫生与重大疾病防治工作` ⏎ `领导小组办公室`: the body's first part above it.
        if let Some(head) = (j > 0 && content(j - 1) && names.len() == 1)
            .then(|| &lines[j - 1])
            .filter(|h| wraps_into(h, names[0]))
        {
            found[0] = format!("{}{}", t.display(head.r.clone()).trim(), found[0]);
            skip.push(head.r.clone());
            j -= 1;
            from = j;
        }
        for n in found.into_iter().rev() {
            sig.insert(0, n);
        }
    }
    from
}

/// Is line `head` the first part of the body `tail` broken over two lines?
fn wraps_into(head: &Line, tail: &str) -> bool {
    head.chars() <= 24
        && org_names(head.s).is_none()
        && !head.s.contains(['。', ',', ':', ';', '、', ' '])
        && head.s.chars().all(crate::text::is_han)
        && !head.is(Cue::Closing)
        && title_line(head.s)
        && org_names(&format!("{}{tail}", head.s)).is_some()
        && classify_title(head.s).is_none()
}

/// A signature line without the seal note printed after the body (`某办公室（代章）`).
fn strip_seal(s: &str) -> &str {
    match s
        .strip_suffix(')')
        .and_then(|x| x.rfind('(').map(|at| (x, at)))
    {
        Some((x, at)) if cues::is(Cue::Note, &s[at..]) => x[..at].trim_end(),
        _ => s,
    }
}

/// Bodies printed one after another without a separator (`某市卫生健康局某市教育局`): each part
/// is a body and each next one opens as the first does (its region) or with a region's name.
fn split_joint(s: &str) -> Option<Vec<&str>> {
    let lead: String = s.chars().take(2).collect();
    let opens = |rest: &str| {
        rest.starts_with(lead.as_str())
            || ["中共", "国家", "共青团"]
                .iter()
                .any(|w| rest.starts_with(w))
            || super::lexicon::PROVINCIAL_REGIONS
                .iter()
                .any(|r| rest.starts_with(r.chars().take(2).collect::<String>().as_str()))
    };
    let mut out = Vec::new();
    let mut start = 0;
    for (at, _) in s.char_indices().skip(1) {
        let (part, rest) = (&s[start..at], &s[at..]);
        if part.chars().count() >= 4
            && rest.chars().count() >= 4
            && opens(rest)
            && org_names(part).is_some_and(|v| v.len() == 1)
        {
            out.push(part);
            start = at;
        }
    }
    let last = &s[start..];
    (!out.is_empty() && org_names(last).is_some_and(|v| v.len() == 1)).then(|| {
        out.push(last);
        out
    })
}

/// The 版头 of GB/T 9704: the issuer mark (`××文件`) and the bodies printed on their own lines
/// next to it (a joint mark puts one body per line, `文件` beside the first or the middle one).
struct Banner {
    lines: Vec<usize>,
    issuers: Vec<String>,
}

fn banner(t: &Text, lines: &[Line], before: usize) -> Banner {
    let mut out = Banner {
        lines: Vec::new(),
        issuers: Vec::new(),
    };
    let Some(m) = (0..before.min(lines.len())).find(|&i| lines[i].is(Cue::IssuerMark)) else {
        return out;
    };
    let org_line = |i: usize| lines[i].furniture.is_none() && org_names(lines[i].s).is_some();
    let first = (0..m)
        .rev()
        .take_while(|&i| org_line(i))
        .last()
        .unwrap_or(m);
    let last = (m + 1..before.min(lines.len()))
        .take_while(|&i| org_line(i))
        .last()
        .unwrap_or(m);
    for (i, l) in lines.iter().enumerate().take(last + 1).skip(first) {
        let names = match cues::captures(Cue::IssuerMark, l.s).and_then(|c| c.name("org")) {
            Some(org) => org_names(org.as_str()).unwrap_or_else(|| vec![org.as_str()]),
            None => org_names(l.s).unwrap_or_default(),
        };
        for n in names {
            out.issuers.push(t.display(shift(l, sub_range(l.s, n))));
        }
        out.lines.push(i);
    }
    out
}

/// Title candidates in the window: single lines or up to three wrapped lines joined.
fn find_titles(t: &Text, lines: &[Line], window: &[usize]) -> Vec<Title> {
    let mut out: Vec<Title> = Vec::new();
    let mut k = 0;
    while k < window.len() {
        let i = window[k];
        let mut found = None;
        for n in 1..=3 {
            let Some(&j) = window.get(k + n - 1) else {
                break;
            };
            // Joined lines must be adjacent in the text (no furniture between them).
            if n > 1
                && (j != window[k + n - 2] + 1 || !joinable(&lines[window[k + n - 2]], &lines[j]))
            {
                break;
            }
            let idx: Vec<usize> = window[k..k + n].to_vec();
            if idx.iter().any(|&x| !title_line(lines[x].s)) {
                break;
            }
            let text: String = idx.iter().map(|&x| t.display(lines[x].text())).collect();
            let stripped: String = text
                .chars()
                .filter(|c| !c.is_whitespace())
                .map(crate::text::fold)
                .collect();
            if let Some(notice) = classify_title(&stripped) {
                found = Some(Title {
                    first: i,
                    last: j,
                    text: if notice {
                        text.trim().to_string()
                    } else {
                        strip_book(text.trim())
                    },
                    notice,
                });
                // A longer join can still complete a notice title cut by a line break.
                if !notice || cues::is_notice_kind(&stripped) {
                    break;
                }
            }
        }
        if let Some(f) = found.as_mut().filter(|f| !f.notice) {
            take_title_part(t, lines, f);
        }
        match found {
            Some(f) => {
                k += window[k..].iter().position(|&x| x == f.last).unwrap_or(0) + 1;
                out.push(f);
            }
            None => k += 1,
        }
    }
    out
}

/// Lines between a page's headline and the article's own title: the page's date and source.
const HEADLINE_GAP: usize = 16;

/// The article's own title when a page headline above it adds words to it (`2026年某省政府
/// 工作报告`, then the printed `政府工作报告`): the later title, whose words end the headline,
/// with only page lines (no sentence) between them.
fn printed_title<'a>(lines: &[Line], titles: &'a [Title], headline: &'a Title) -> &'a Title {
    let key = squeeze_title(&headline.text);
    titles
        .iter()
        .filter(|y| !y.notice && y.first > headline.last && y.first <= headline.last + HEADLINE_GAP)
        .find(|y| {
            let k = squeeze_title(&y.text);
            k.len() < key.len()
                && key.ends_with(&k)
                && lines[headline.last + 1..y.first]
                    .iter()
                    .all(|l| !l.s.contains('。') && l.chars() <= 40)
        })
        .unwrap_or(headline)
}

/// A line of brackets right under a plan title (its period, its draft status) is part of it.
fn take_title_part(t: &Text, lines: &[Line], f: &mut Title) {
    if let Some(next) = lines.get(f.last + 1).filter(|l| l.is(Cue::TitlePart)) {
        f.text.push_str(t.display(next.r.clone()).trim());
        f.last += 1;
    }
}

/// Is this line shaped like (part of) a title: short, no sentence stop, not an element line?
fn title_line(s: &str) -> bool {
    s.chars().count() <= TITLE_MAX
        && !s.contains('。')
        && !is_bracketed(s)
        && !s.ends_with(':')
        && line_date(s).is_none()
        && !s.starts_with("附件")
        && !s.starts_with("抄送")
        && !s.starts_with("现将")
        && !s.starts_with("——")
        && match_marker(s).is_none_or(|h| h.degraded)
        && !is_doc_number_line(s)
        && !cues::is(Cue::IssuerMark, s)
        && !cues::is(Cue::Closing, s)
}

/// A line wholly in brackets (`（此件公开发布）`, `（2023年1月5日）`) is a note, not a title.
fn is_bracketed(s: &str) -> bool {
    s.starts_with('(') && s.ends_with(')')
}

/// Can line `b` continue the title on line `a`? (`关于印发《…》` + `的通知`; an unclosed 《; a first
/// line with no title word yet.)
fn joinable(a: &Line, b: &Line) -> bool {
    let open = a.s.matches('《').count() > a.s.matches('》').count();
    let cont = b.s.starts_with(['的', '》', '(']) || cues::is_notice_kind(b.s);
    (open || cont || classify_title(a.s).is_none())
        && b.chars() <= TITLE_MAX
        && org_names(b.s).is_none()
        && b.furniture.is_none()
}

/// `Some(true)` for a notice title, `Some(false)` for a plan title.
fn classify_title(s: &str) -> Option<bool> {
    if s.chars().count() > 200 {
        return None;
    }
    if cues::is(Cue::NoticeTitle, s) || cues::is(Cue::ForwardTitle, s) {
        return Some(true);
    }
    let s = s.trim_start_matches('《').trim_end_matches('》');
    (s.chars().count() <= TITLE_MAX && s.chars().count() >= 4 && cues::is(Cue::PlanTitle, s))
        .then_some(false)
}

/// The title inside the first 《》 of a notice title (or after an unclosed 《 when a page cut it).
fn inner_title(s: &str) -> Option<String> {
    let a = s.find('《')? + '《'.len_utf8();
    let rest = &s[a..];
    let inner = match rest.find('》') {
        Some(b) => &rest[..b],
        None => rest,
    };
    let inner = inner.trim();
    (inner.chars().count() >= 4).then(|| inner.to_string())
}

/// The forwarded title of a notice printed without 《》 (`…关于印发某县整治行动方案的通知`).
fn bare_forwarded(s: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::new(r"(?:印发|转发|批转)\s*([^《》]{4,}?)\s*的(?:通知|意见|决定)$")
            .expect("bare forward")
    });
    let c = re.captures(s)?;
    // a forwarded title is at most 80 chars (checked here, not compiled in: rx::within)
    if !crate::rx::within(&c[1], 80) {
        return None;
    }
    let inner = c[1].trim();
    re_plan_ok(inner).then(|| inner.to_string())
}

fn re_plan_ok(s: &str) -> bool {
    cues::is(Cue::PlanTitle, &crate::text::fold_str(s))
}

/// End (byte offset in `clean`) of the last copy of `title` in the first half of `clean`, when
/// that copy still leaves text after it. `title` is display text, so it is folded first.
fn title_copy_end(clean: &str, title: &str) -> Option<usize> {
    let key = crate::text::fold_str(title);
    if key.chars().count() < 4 {
        return None;
    }
    let mut half = clean.len() / 2;
    while !clean.is_char_boundary(half) {
        half -= 1;
    }
    let at = clean[..half].rfind(key.as_str())?;
    let end = at + key.len();
    (end < clean.len()).then_some(end)
}

/// The body a plan title opens with (`某市教育局2023年工作要点` → `某市教育局`): the last resort
/// when no signature, notice or page names one.
fn title_issuer(title: &str) -> Option<String> {
    let cut = [title.find("关于"), year_re().find(title).map(|m| m.start())]
        .into_iter()
        .flatten()
        .min()?;
    let org = title[..cut].trim();
    // at most 30 chars (a limit checked here, not compiled in: rx::within)
    (crate::rx::within(org, 30) && org_names(org).is_some_and(|v| v.len() == 1))
        .then(|| org.to_string())
}

/// A title compared modulo white space, 《》 and full-width forms.
fn squeeze_title(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '《' | '》'))
        .map(crate::text::fold)
        .collect()
}

fn strip_book(s: &str) -> String {
    s.chars().filter(|c| !matches!(c, '《' | '》')).collect()
}

/// A range of `l.s` (trimmed line text) as a range of `Text::clean`.
fn shift(l: &Line, r: Range<usize>) -> Range<usize> {
    l.at + r.start..l.at + r.end
}

/// The byte range of `part` (a subslice of `s`) inside `s`.
fn sub_range(s: &str, part: &str) -> Range<usize> {
    let a = (part.as_ptr() as usize)
        .saturating_sub(s.as_ptr() as usize)
        .min(s.len());
    a..(a + part.len()).min(s.len())
}

fn adjacent(a: &Line, b: &Line) -> bool {
    b.r.start == a.r.end + 1
}

fn is_cc_continuation(l: &Line) -> bool {
    l.chars() <= 60
        && l.furniture.is_none()
        && line_date(l.s).is_none()
        && !l.is(Cue::AttachmentStart)
        && !l.is(Cue::AttachmentNote)
        && !l.is(Cue::Printed)
        && match_marker(l.s).is_none_or(|h| h.degraded)
}

/// A 主送 line: org names ending in a colon, no sentence inside. Names carry no quantity: a
/// paragraph of targets cut off at an unfinished note (`覆盖率达到95%;(牵头单位:`) is body text.
fn is_recipients(s: &str) -> bool {
    s.ends_with(':')
        && !s.contains('。')
        && !s.contains(|c: char| c.is_ascii_digit() || c == '%')
        && s.chars().count() >= 3
        && match_marker(s).is_none()
        && !s.starts_with("附件")
        && !s.starts_with("抄送")
        && (s.starts_with('各')
            || s.contains('、')
            || s.trim_end_matches(':').ends_with([
                '局', '委', '办', '厅', '府', '位', '门', '校', '园', '会', '司', '处',
            ]))
        && !["要", "应", "须", "如下"].iter().any(|w| s.contains(w))
}

/// Splits a 主送 / 抄送 list on `、` `,` `;`, outside brackets, dropping a final `:` or `。`.
fn split_list(s: &str) -> Vec<String> {
    let s = s.trim().trim_end_matches(['：', ':', '。', '.']);
    let mut out = Vec::new();
    let mut cur = String::new();
    let mut depth = 0i32;
    for c in s.chars() {
        match c {
            '(' | '（' => depth += 1,
            ')' | '）' => depth -= 1,
            _ => {}
        }
        let sep = matches!(c, ',' | '，' | ';' | '；' | '、');
        if sep && depth <= 0 {
            if !cur.trim().is_empty() {
                out.push(cur.trim().to_string());
            }
            cur.clear();
        } else {
            cur.push(c);
        }
    }
    if !cur.trim().is_empty() {
        out.push(cur.trim().to_string());
    }
    out
}

/// Adds the attachment name in `r` (of `Text::clean`), without its list number and 《》.
fn push_attachment(list: &mut Vec<String>, t: &Text, r: Range<usize>) {
    let r = t.clamp(r);
    let skip = match_marker(&t.clean[r.clone()])
        .filter(|h| !h.degraded)
        .map_or(0, |h| h.len);
    let s = strip_book(t.display(r.start + skip..r.end).trim())
        .trim()
        .to_string();
    if !s.is_empty() && !list.contains(&s) {
        list.push(s);
    }
}

fn is_doc_number_line(s: &str) -> bool {
    let s = s.trim().trim_start_matches('(').trim_end_matches(')');
    re(Cue::DocNumber)
        .find(s)
        .is_some_and(|m| m.start() == 0 && m.end() == s.len())
}

/// A 文号 normalised to 〔〕 brackets.
fn doc_number(s: &str) -> Option<String> {
    let c = cues::captures(Cue::DocNumber, s)?;
    let code = c["code"]
        .trim_start_matches("发文字号")
        .trim_start_matches("文号");
    Some(format!("{}〔{}〕{}号", code, &c["y"], &c["n"]))
}

/// A 成文日期 line (Arabic or Chinese numerals) as `YYYY-MM-DD`.
fn line_date(s: &str) -> Option<String> {
    if s.chars().count() > 24 {
        return None;
    }
    if let Some(c) = cues::captures(Cue::DateArabic, s) {
        return ymd(&c["y"], &c["m"], &c["d"]);
    }
    let c = cues::captures(Cue::DateCjk, s)?;
    any_ymd(&c["y"], &c["m"], &c["d"])
}

/// A date whose parts are written in Arabic or Chinese numerals (`二〇二六`, `一`, `二十七`).
fn any_ymd(y: &str, m: &str, d: &str) -> Option<String> {
    let digit = |ch: char| match ch {
        '〇' | '○' | '零' | 'O' | 'o' | 'О' => Some('0'),
        ch if ch.is_ascii_digit() => Some(ch),
        ch => cjk_ordinal(&ch.to_string()).and_then(|d| char::from_digit(d, 10)),
    };
    let num = |s: &str| s.parse::<u32>().ok().or_else(|| cjk_ordinal(s));
    let y: String = y.chars().map(digit).collect::<Option<String>>()?;
    ymd(&y, &num(m)?.to_string(), &num(d)?.to_string())
}

/// A date written `2023-05-06`, `2023/5/6`, `2023.5.6` or `2023年5月6日` anywhere in `s`.
fn loose_date(s: &str) -> Option<String> {
    static RE: OnceLock<Regex> = OnceLock::new();
    let re = RE.get_or_init(|| {
        crate::rx::new(r"((?:19|20)\d{2})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})")
            .expect("date")
    });
    let c = re.captures(s)?;
    ymd(&c[1], &c[2], &c[3])
}

fn ymd(y: &str, m: &str, d: &str) -> Option<String> {
    let (y, m, d): (i32, u32, u32) = (y.parse().ok()?, m.parse().ok()?, d.parse().ok()?);
    ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
        .then(|| format!("{y}-{m:02}-{d:02}"))
}

/// After a 目录 line, the body starts where the first table-of-contents entry repeats.
fn skip_toc(lines: &[Line], from: usize) -> usize {
    let Some(toc) = (from..lines.len().min(from + 3)).find(|&i| lines[i].is(Cue::Toc)) else {
        return from;
    };
    let Some(first) = lines.get(toc + 1) else {
        return from;
    };
    let key = toc_key(first.s);
    (toc + 2..lines.len())
        .find(|&i| toc_key(lines[i].s) == key)
        .unwrap_or(toc + 1)
}

/// A TOC entry without its leader dots and page number.
fn toc_key(s: &str) -> String {
    s.trim_end_matches(|c: char| c.is_ascii_digit() || c.is_whitespace() || ".…·-—".contains(c))
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::input::clean::clean;

    /// The period of a “十四五” plan.
    const FOURTEENTH_FIVE_YEAR: Period = Period {
        from: 2021,
        to: 2025,
    };

    fn ex(src: &str) -> (Text, Elements) {
        let t = clean(src);
        let e = extract(&t);
        (t, e)
    }

    fn body_text(t: &Text, e: &Elements) -> String {
        t.clean[e.body.clone()].to_string()
    }

    #[test]
    fn title_period_and_date() {
        let (_, e) =
            ex("武进区教育高质量发展三年行动方案（2022-2024年）\n一、指导思想\n……\n2022年3月7日");
        assert_eq!(
            e.document.title.as_deref(),
            Some("武进区教育高质量发展三年行动方案（2022-2024年）")
        );
        assert_eq!(
            e.document.period,
            Some(Period {
                from: 2022,
                to: 2024
            })
        );
        assert_eq!(e.plan_year, Some(2022));
        assert_eq!(e.document.date.as_deref(), Some("2022-03-07"));
    }

    #[test]
    fn a_paragraph_cut_at_an_unfinished_note_is_no_recipients_line() {
        assert!(is_recipients("各区卫生健康局,委属各单位:"));
        assert!(!is_recipients("完成9所学校建设;覆盖率达到95%;(牵头单位:"));
        let a = crate::analyze("完成9所学校建设；覆盖率达到95%；（牵头单位：");
        assert!(a.document.recipients.is_empty());
        assert_eq!(a.targets.len(), 2);
    }

    #[test]
    fn full_notice_wrapping_a_plan() {
        let src = "关于印发《某市卫生健康委员会2023年工作要点》\n的通知\n某卫发〔2023〕5号\n各区卫生健康局,委属各单位:\n现将《某市卫生健康委员会2023年工作要点》印发给你们,请认真贯彻落实。\n附件:《某市卫生健康委员会2023年工作要点》\n某市卫生健康委员会\n二〇二三年二月十日\n（此件公开发布）\n抄送:市委办公室,市人大常委会办\n公室,市政府办公室。\n附件\n某市卫生健康委员会2023年工作要点\n2023年是全面贯彻落实党的二十大精神的开局之年。\n一、总体要求\n（一）指导思想。坚持……";
        let (t, e) = ex(src);
        let d = &e.document;
        assert_eq!(d.title.as_deref(), Some("某市卫生健康委员会2023年工作要点"));
        assert_eq!(
            d.notice_title.as_deref(),
            Some("关于印发《某市卫生健康委员会2023年工作要点》的通知")
        );
        assert_eq!(d.doc_number.as_deref(), Some("某卫发〔2023〕5号"));
        assert_eq!(d.recipients, vec!["各区卫生健康局", "委属各单位"]);
        assert_eq!(d.issuers, vec!["某市卫生健康委员会"]);
        assert_eq!(d.date.as_deref(), Some("2023-02-10"));
        assert_eq!(
            d.cc,
            vec!["市委办公室", "市人大常委会办公室", "市政府办公室"]
        );
        assert_eq!(d.attachments, vec!["某市卫生健康委员会2023年工作要点"]);
        assert_eq!(e.plan_year, Some(2023));
        assert!(body_text(&t, &e).starts_with("2023年是"));
    }

    #[test]
    fn a_notice_and_its_plan_on_one_line_keep_the_plan_body() {
        let src = "关于印发《某区2022年教育工作要点》的通知各直属学校:现将《某区2022年教育工作要点》印发给你们,请认真贯彻落实。某区教育局2022年1月18日附件:某区2022年教育工作要点2022年是关键之年。一、加强党建1.强化理论武装。创建示范校4所。2.夯实基层党建。评选先进党组织10个,开展专题培训2期,每年组织1次全区党务干部轮训。3.加强作风建设。落实全面从严治党责任。";
        let t = clean(src);
        let e = extract(&t);
        assert_eq!(e.document.title.as_deref(), Some("某区2022年教育工作要点"));
        assert!(
            body_text(&t, &e).starts_with("2022年是"),
            "{}",
            body_text(&t, &e)
        );
    }

    #[test]
    fn notice_body_without_title_and_joint_issuers() {
        let src = "各校(园)、直属事业单位:\n现将《中共某市委教育工作委员会 某市教育局2023年工作要点》印发你们,请认真贯彻执行。\n中共某市委教育工作委员会 某市教育局\n2023年4月21日\n中共某市委教育工作委员会 某市教育局2023年工作要点\n2023年是开局之年。\n一、实施工程";
        let (t, e) = ex(src);
        let d = &e.document;
        assert_eq!(
            d.title.as_deref(),
            Some("中共某市委教育工作委员会 某市教育局2023年工作要点")
        );
        assert_eq!(d.issuers, vec!["中共某市委教育工作委员会", "某市教育局"]);
        assert_eq!(d.date.as_deref(), Some("2023-04-21"));
        assert_eq!(d.recipients, vec!["各校(园)", "直属事业单位"]);
        assert!(body_text(&t, &e).starts_with("2023年是"));
    }

    #[test]
    fn web_page_with_chrome_and_publication_date() {
        let src = "• 首页\n• 政务动态\n您当前的位置:首页> 政务公开\n某县人民政府关于印发 《某县农村公路提升行动方案(2023-2025年)》的通知\n发布日期: 2023-05-06    来源:交通局  浏览次数:  字号:〖大 中 小〗\n相关阅读:\n某县农村公路提升行动方案(2023-2025年)\n为加快农村公路建设,制定本方案。\n一、总体目标\n到2025年,新改建农村公路100公里。\n【关闭窗口】\n版权所有:某县人民政府 苏ICP备000号";
        let (t, e) = ex(src);
        let d = &e.document;
        assert_eq!(
            d.title.as_deref(),
            Some("某县农村公路提升行动方案(2023-2025年)")
        );
        assert_eq!(d.issuers, vec!["某县人民政府"]);
        assert_eq!(d.date.as_deref(), Some("2023-05-06"));
        assert_eq!(
            d.period,
            Some(Period {
                from: 2023,
                to: 2025
            })
        );
        let b = body_text(&t, &e);
        assert!(b.starts_with("为加快"), "{b}");
        assert!(!b.contains("版权所有"));
        assert!(e
            .skip
            .iter()
            .any(|r| t.clean[r.clone()].contains("关闭窗口")));
    }

    #[test]
    fn a_title_printed_twice_opens_the_body_once() {
        let src = "某市2023年交通运输工作要点\n发布时间:2023-02-03 来源:市交通运输局\n某市2023年交通运输工作要点\n2023年是关键之年。\n一、总体要求";
        let (t, e) = ex(src);
        assert!(
            body_text(&t, &e).starts_with("2023年是"),
            "{}",
            body_text(&t, &e)
        );
        assert_eq!(e.document.date.as_deref(), Some("2023-02-03"));
    }

    #[test]
    fn shishi_yijian_with_recipients_under_the_title() {
        let src = "某市人民政府关于加快推进数字政府建设的实施意见\n各县(市、区)人民政府,市政府各部门:\n为全面推进数字政府建设,提出以下意见。\n一、总体要求\n某市人民政府\n2023年4月6日\n（此件公开发布）";
        let (t, e) = ex(src);
        assert_eq!(
            e.document.title.as_deref(),
            Some("某市人民政府关于加快推进数字政府建设的实施意见")
        );
        assert_eq!(
            e.document.recipients,
            vec!["各县(市、区)人民政府", "市政府各部门"]
        );
        assert_eq!(e.document.issuers, vec!["某市人民政府"]);
        assert_eq!(
            body_text(&t, &e),
            "为全面推进数字政府建设,提出以下意见。\n一、总体要求"
        );
    }

    #[test]
    fn adoption_note_under_the_title_is_not_body() {
        let src = "某市2023年国土空间规划实施方案\n（2023年1月5日市政府第12次常务会议审议通过）\n为加强规划实施,制定本方案。\n一、目标";
        let (t, e) = ex(src);
        assert!(body_text(&t, &e).starts_with("为加强"));
    }

    #[test]
    fn page_source_is_the_last_resort_issuer() {
        let src = "发布日期: 2023-05-06  来源:市卫生健康委员会  浏览次数:12\n某市2023年爱国卫生工作要点\n一、目标";
        let (_, e) = ex(src);
        assert_eq!(e.document.issuers, vec!["市卫生健康委员会"]);
        let (_, e) = ex("发布日期: 2023-05-06  来源:本网\n某市2023年爱国卫生工作要点\n一、目标");
        assert!(e.document.issuers.is_empty());
    }

    #[test]
    fn database_export_header_and_disclaimer() {
        let src = "【法宝引证码】CLI.12.1075244\n原文链接:https://www.pkulaw.com/lar/abc.html\n本文仅供参考,以正式文件为准。\n某市2023年生态环境保护工作要点\n某市2023年生态环境保护工作要点\n（某环发〔2023〕3号）\n一、总体要求";
        let (t, e) = ex(src);
        assert_eq!(
            e.document.title.as_deref(),
            Some("某市2023年生态环境保护工作要点")
        );
        assert_eq!(e.document.doc_number.as_deref(), Some("某环发〔2023〕3号"));
        assert_eq!(body_text(&t, &e), "一、总体要求");
    }

    #[test]
    fn a_short_first_line_without_a_title_word_is_the_title() {
        let (t, e) =
            ex("某县2023年全民健身活动安排表说明\n为丰富群众生活,制定本安排。\n一、活动内容");
        assert_eq!(
            e.document.title.as_deref(),
            Some("某县2023年全民健身活动安排表说明")
        );
        assert!(body_text(&t, &e).starts_with("为丰富"));
        // A preamble sentence is not a title.
        let (_, e) = ex("为丰富群众生活,制定本安排。\n一、活动内容");
        assert_eq!(e.document.title, None);
    }

    #[test]
    fn title_prefix_as_the_last_resort_issuer() {
        let (_, e) = ex("某市交通运输局2024年工作要点\n一、目标");
        assert_eq!(e.document.issuers, vec!["某市交通运输局"]);
        let (_, e) = ex("2023年武进教育工作要点\n一、目标");
        assert!(e.document.issuers.is_empty());
        // bodies that are not 局/委/厅/办 take the same table
        let (_, e) = ex("某市第一人民医院2024年护理质量提升方案\n一、目标");
        assert_eq!(e.document.issuers, vec!["某市第一人民医院"]);
        let (_, e) = ex("某区教师发展中心关于印发2024年教研工作计划的通知\n一、目标");
        assert_eq!(e.document.issuers, vec!["某区教师发展中心"]);
    }

    #[test]
    fn signature_at_the_end_closes_the_body() {
        let src = "某区2024年生态环境保护工作计划\n一、目标\n全区PM2.5浓度下降3%。\n二、措施\n加强监管。\n附件:1.重点项目清单\n2.责任分工表\n某区人民政府办公室\n2024年1月5日";
        let (t, e) = ex(src);
        let d = &e.document;
        assert_eq!(d.issuers, vec!["某区人民政府办公室"]);
        assert_eq!(d.date.as_deref(), Some("2024-01-05"));
        assert_eq!(d.attachments, vec!["重点项目清单", "责任分工表"]);
        let b = body_text(&t, &e);
        assert!(b.ends_with("加强监管。"), "{b}");
        assert_eq!(e.plan_year, Some(2024));
    }

    #[test]
    fn glued_title_of_a_one_line_document_and_year_cue() {
        let src = "全市教育工作要点Xxxx是全面建设小康社会、结束十三五规划的一年。一、提高站位";
        let (t, e) = ex(src);
        assert_eq!(e.document.title.as_deref(), Some("全市教育工作要点"));
        assert!(body_text(&t, &e).starts_with("Xxxx是"));
        assert_eq!(e.plan_year, Some(2020));
        assert_eq!(e.document.date, None);
        assert!(e.document.issuers.is_empty());
    }

    #[test]
    fn government_work_report() {
        let src = "政府工作报告\n——2023年1月10日在某市第十七届人民代表大会第二次会议上\n某市人民政府市长 张三\n各位代表:\n现在,我代表市人民政府,向大会报告工作。\n一、2022年工作回顾";
        let (t, e) = ex(src);
        let d = &e.document;
        assert_eq!(d.title.as_deref(), Some("政府工作报告"));
        assert_eq!(d.date.as_deref(), Some("2023-01-10"));
        assert_eq!(d.issuers, vec!["某市人民政府"]);
        assert_eq!(e.plan_year, Some(2023));
        assert!(body_text(&t, &e).starts_with("各位代表") || body_text(&t, &e).starts_with("现在"));
    }

    #[test]
    fn guihua_with_five_year_name_and_toc() {
        let src = "某省“十四五”综合交通运输发展规划\n目录\n第一章 发展基础\n第二章 总体要求\n第一章 发展基础\n“十三五”以来……\n第二章 总体要求";
        let (t, e) = ex(src);
        assert_eq!(e.document.period, Some(FOURTEENTH_FIVE_YEAR));
        assert_eq!(e.plan_year, Some(2021));
        let b = body_text(&t, &e);
        assert!(b.starts_with("第一章 发展基础\n“十三五”"), "{b}");
    }

    #[test]
    fn notice_with_its_own_numbered_requirements() {
        let src = "关于印发《某县2023年安全生产工作要点》的通知\n各乡镇:\n现将《某县2023年安全生产工作要点》印发给你们,并提出以下要求:\n一、高度重视。\n二、狠抓落实。\n某县安全生产委员会\n2023年2月1日\n某县2023年安全生产工作要点\n一、总体要求\n二、重点工作";
        let (t, e) = ex(src);
        assert_eq!(
            e.document.title.as_deref(),
            Some("某县2023年安全生产工作要点")
        );
        assert_eq!(e.document.issuers, vec!["某县安全生产委员会"]);
        assert!(
            body_text(&t, &e).starts_with("一、总体要求"),
            "{}",
            body_text(&t, &e)
        );
    }

    /// A wrapper's 附件 line or signature above the plan's first heading does not end the
    /// outline, wherever the title search puts the body's start.
    #[test]
    fn a_wrappers_stop_lines_above_the_first_heading_keep_the_outline() {
        for src in [
            "文件名称:某区城市更新三年行动计划\n\n附件\n\n某区城市更新三年行动计划\n\n为推进城市更新,制定本计划。\n一、总体要求\n(一)指导思想\n二、主要任务\n加强统筹。",
            "关于印发《某区城市更新三年行动计划》的通知\n各街道:\n现将《某区城市更新三年行动计划》印发给你们。\n特此通知。\n某区住房和城乡建设局\n2025年1月10日\n\n城市更新是推动高质量发展的重要举措。\n一、总体要求\n(一)指导思想\n二、主要任务\n加强统筹。",
        ] {
            let (t, e) = ex(src);
            assert!(
                t.clean[e.outline.clone()].ends_with("二、主要任务\n加强统筹。"),
                "{:?}",
                &t.clean[e.outline.clone()]
            );
        }
    }

    #[test]
    fn a_bare_date_inside_the_text_does_not_close_the_plan() {
        let src = "某区2023年工作计划\n一、时间安排\n2023年6月30日\n完成中期评估。\n二、工作要求\n加强领导。\n三、保障措施\n落实经费。";
        let (t, e) = ex(src);
        assert!(t.clean[e.outline.clone()].ends_with("落实经费。"));
    }

    #[test]
    fn signature_and_date_on_one_line_and_seal_placeholders() {
        let (_, e) = ex("某县2023年工作要点\n一、目标\n加强领导。\n某县农业农村局　　2023年3月1日");
        assert_eq!(e.document.issuers, vec!["某县农业农村局"]);
        assert_eq!(e.document.date.as_deref(), Some("2023-03-01"));
        let (t, e) =
            ex("某县2023年工作要点\n一、目标\n加强领导。\n某县农业农村局\n（盖章）\n2023年3月2日");
        assert_eq!(e.document.issuers, vec!["某县农业农村局"]);
        assert_eq!(e.document.date.as_deref(), Some("2023-03-02"));
        assert!(t.clean[e.body.clone()].ends_with("加强领导。"));
    }

    #[test]
    fn a_time_node_date_is_not_the_document_date() {
        let src = "某区2023年工作计划\n一、时间安排\n2023年6月30日\n完成中期评估。\n二、工作要求\n加强领导。\n三、保障措施\n落实经费。";
        let (_, e) = ex(src);
        assert_eq!(e.document.date, None);
    }

    #[test]
    fn footer_words_inside_a_sentence_are_plan_text() {
        let src =
            "某市版权保护工作方案\n一、目标\n依法保护版权所有人的合法权益。\n二、任务\n加强执法。";
        let (t, e) = ex(src);
        assert!(body_text(&t, &e).ends_with("加强执法。"));
    }

    #[test]
    fn five_year_name_yields_to_a_printed_year() {
        let (_, e) = ex("某市2023年“十四五”规划重点任务推进方案\n一、目标");
        assert_eq!(e.plan_year, Some(2023));
        assert_eq!(e.document.period, Some(FOURTEENTH_FIVE_YEAR));
    }

    #[test]
    fn cjk_numeral_dates_with_circle_zero() {
        assert_eq!(
            line_date("二○二二年十二月三十一日").as_deref(),
            Some("2022-12-31")
        );
        assert_eq!(
            line_date("二〇二三年三月一日").as_deref(),
            Some("2023-03-01")
        );
        assert_eq!(line_date("2023年13月1日"), None);
    }

    #[test]
    fn doc_numbers_in_any_bracket() {
        for s in [
            "锡惠教发〔2022〕1号",
            "杭政函[2005]39号",
            "某政办发(2023)12号",
            "某教【2021】3号",
        ] {
            let n = doc_number(s).unwrap();
            assert!(n.contains('〔') && n.ends_with('号'), "{s} → {n}");
        }
    }

    #[test]
    fn issuer_mark_and_info_grid() {
        let src = "索引号:001/2023-01\n发文机关:某市交通运输局\n成文日期:2023年03月02日\n某市交通运输局关于印发某市公交优先发展实施方案的通知\n各区交通局:\n现印发给你们,请遵照执行。\n某市公交优先发展实施方案\n一、目标";
        let (_, e) = ex(src);
        assert_eq!(e.document.issuers, vec!["某市交通运输局"]);
        assert_eq!(e.document.date.as_deref(), Some("2023-03-02"));
        assert_eq!(
            e.document.title.as_deref(),
            Some("某市公交优先发展实施方案")
        );
    }

    #[test]
    fn truncated_text_warns() {
        let (_, e) =
            ex("全市教育工作要点\n一、提高站位\n推进德国“双元制”“现代学徒制”,建设一批市级优");
        assert!(e.warnings.iter().any(|w| w.code == "truncated-text"));
        let (_, e) = ex(
            "全市教育工作要点\n一、提高站位\n推进德国“双元制”“现代学徒制”,建设一批市级优质学校。",
        );
        assert!(e.warnings.is_empty());
        // a web page's links after the plan are not its last sentence
        let (_, e) = ex(
            "全市教育工作要点\n一、提高站位\n建设一批市级优质学校。\n【打印本页】\n下一篇:关于开展2024年“文化进万家”活动的通知\n",
        );
        assert!(e.warnings.is_empty(), "{:?}", e.warnings);
    }

    #[test]
    fn a_menu_printed_one_entry_per_line_is_not_the_title() {
        let menu = "首页\n学校概况\n学校公告\n校园新闻\n教学科研\n工作安排\n德育天地\n";
        let src = format!(
            "{menu}某中学2024年春学期教学工作计划\n本学期,我校将以提高质量为中心。\n一、工作目标\n"
        );
        let (t, e) = ex(&src);
        assert_eq!(
            e.document.title.as_deref(),
            Some("某中学2024年春学期教学工作计划")
        );
        assert!(body_text(&t, &e).starts_with("本学期"));
        // a short title that ends the run is the article's own
        let (_, e) = ex("当前位置:\n首页\n>\n政务要闻\n政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第四次会议上\n各位代表:\n现在,我代表省人民政府向大会报告工作。\n");
        assert_eq!(e.document.title.as_deref(), Some("政府工作报告"));
    }

    #[test]
    fn font_size_widget_and_closing_formula_are_not_title_parts() {
        let src = "【字号:\n加大\n还原\n减小\n】\n2026年某省政府工作报告\n——2026年1月20日在某省第十四届人民代表大会第四次会议上\n各位代表:\n一、工作回顾";
        let (_, e) = ex(src);
        assert_eq!(e.document.title.as_deref(), Some("2026年某省政府工作报告"));
        let (_, e) = ex("特此通知\n某县2024年防汛工作方案\n一、目标");
        assert_eq!(e.document.title.as_deref(), Some("某县2024年防汛工作方案"));
    }

    #[test]
    fn bracket_lines_under_a_title_belong_to_it() {
        let (_, e) = ex("某市养老服务体系建设行动计划\n（2020-2022年）\n为加快发展养老服务,制定本计划。\n一、目标");
        assert_eq!(
            e.document.title.as_deref(),
            Some("某市养老服务体系建设行动计划（2020-2022年）")
        );
        let (_, e) = ex("某县农村供水保障规划\n（2021-2025年）（征求意见稿）\n一、现状");
        assert_eq!(
            e.document.title.as_deref(),
            Some("某县农村供水保障规划（2021-2025年）（征求意见稿）")
        );
    }

    #[test]
    fn joint_banner_gives_every_body_and_no_title_part() {
        let src = "发展改革委办公厅  文件\n税务总局办公厅\n发改办财金规〔2019〕860号\n关于加强某某信用监管的通知\n各省、自治区、直辖市发展改革委:\n为加强信用监管,现将有关事项通知如下。\n一、总体要求";
        let (_, e) = ex(src);
        let d = &e.document;
        assert_eq!(d.title.as_deref(), Some("关于加强某某信用监管的通知"));
        assert_eq!(d.issuers, vec!["发展改革委办公厅", "税务总局办公厅"]);
        assert_eq!(d.doc_number.as_deref(), Some("发改办财金规〔2019〕860号"));
    }

    #[test]
    fn a_document_number_is_no_title_part() {
        let src = "某 市 卫 生 健 康 局\n依申请公开\n某卫办函〔2025〕11 号\n某市卫生健康局关于开展2025年病例监测工作的通知\n各区卫生健康局:\n现将有关事项通知如下:\n一、监测区域";
        let (_, e) = ex(src);
        assert_eq!(
            e.document.title.as_deref(),
            Some("某市卫生健康局关于开展2025年病例监测工作的通知")
        );
    }

    #[test]
    fn signatures_with_seal_alias_wrap_and_joint_lines() {
        let (_, e) = ex("某县2024年工作方案\n一、目标\n加强领导。\n某县爱国卫生运动委员会\n（某县卫生健康局代章）\n2024年3月2日");
        assert_eq!(e.document.issuers, vec!["某县爱国卫生运动委员会"]);
        assert_eq!(e.document.date.as_deref(), Some("2024-03-02"));
        let (_, e) = ex("某县2024年工作方案\n一、目标\n加强领导。\n某市公共卫生与重大疾病防治工作\n领导小组办公室（代章）\n2024年8月9日");
        assert_eq!(
            e.document.issuers,
            vec!["某市公共卫生与重大疾病防治工作领导小组办公室"]
        );
        let (_, e) = ex("某市2024年工作方案\n一、目标\n加强领导。\n某市发展和改革局某市财政局\n某市教育局某市人民医院\n某市政策研究室\n2024年5月6日");
        assert_eq!(
            e.document.issuers,
            vec![
                "某市发展和改革局",
                "某市财政局",
                "某市教育局",
                "某市人民医院",
                "某市政策研究室"
            ]
        );
    }

    #[test]
    fn a_heading_mark_on_the_notice_title_is_no_part_of_its_issuer() {
        let src = "# 某县教育局关于印发《某县2024年教育工作要点》的通知\n各学校:\n现将《某县2024年教育工作要点》印发给你们。\n某县2024年教育工作要点\n一、目标";
        let (_, e) = ex(src);
        assert_eq!(e.document.title.as_deref(), Some("某县2024年教育工作要点"));
        assert_eq!(e.document.issuers, vec!["某县教育局"]);
    }

    #[test]
    fn crawler_metadata_is_not_the_title() {
        let src = "### 基本信息\n- **发布机构**:某某部\n- **发布日期**:2025年8月\n- **文件名称**:某某部关于促进某某产业发展的指导意见\n某某部关于促进某某产业发展的指导意见\n各有关单位:\n一、总体要求\n某某部\n2025年8月25日";
        let (_, e) = ex(src);
        let d = &e.document;
        assert_eq!(
            d.title.as_deref(),
            Some("某某部关于促进某某产业发展的指导意见")
        );
        assert_eq!(d.date.as_deref(), Some("2025-08-25"));
        assert_eq!(d.issuers, vec!["某某部"]);
    }

    #[test]
    fn publication_note_under_a_title_gives_date_and_issuers() {
        let src = "某某规划纲要\n（2016 年 10 月 25 日 中共中央、国务院发布）\n序言\n一、总体战略";
        let (_, e) = ex(src);
        assert_eq!(e.document.date.as_deref(), Some("2016-10-25"));
        assert_eq!(e.document.issuers, vec!["中共中央", "国务院"]);
    }

    #[test]
    fn a_report_is_issued_by_the_government_the_speaker_represents() {
        // the day of the congress, not the page's publication date
        let src = "2026年某某省政府工作报告\n2026年1月27日在陕西省第十四届人民代表大会第四次会议上 陕西省省长 某某\n时间:2026-02-02 09:20\n各位代表:\n现在,我代表省人民政府向大会报告工作。\n一、工作回顾";
        let (_, e) = ex(src);
        assert_eq!(e.document.issuers, vec!["陕西省人民政府"]);
        assert_eq!(e.document.date.as_deref(), Some("2026-01-27"));
        // a dateline in Chinese numerals, broken before 人民代表大会
        let src = "政府工作报告\n——二〇二六年一月二十七日在宁夏回族自治区第十三届\n人民代表大会第四次会议上\n自治区人民政府主席 某某某\n各位代表:\n现在,我代表自治区人民政府,向大会报告工作。\n一、工作回顾";
        let (_, e) = ex(src);
        assert_eq!(e.document.issuers, vec!["宁夏回族自治区人民政府"]);
        assert_eq!(e.document.date.as_deref(), Some("2026-01-27"));
    }

    #[test]
    fn a_short_name_takes_the_region_the_text_gives() {
        assert_eq!(
            full_name("自治区人民政府", None, "西藏自治区人民政府关于…"),
            "西藏自治区人民政府"
        );
        assert_eq!(
            full_name("省人民政府", Some("青海省"), ""),
            "青海省人民政府"
        );
        assert_eq!(full_name("某市人民政府", None, ""), "某市人民政府");
        assert_eq!(full_name("市人民政府", None, "无关"), "市人民政府");
    }

    #[test]
    fn empty_and_odd_input_does_not_panic() {
        for s in [
            "",
            "\n\n",
            "附件",
            "抄送:",
            "《",
            "关于",
            "2023年1月1日",
            "一、",
        ] {
            let t = clean(s);
            let e = extract(&t);
            assert!(e.body.start <= e.body.end && e.body.end <= t.clean.len());
        }
    }
}
