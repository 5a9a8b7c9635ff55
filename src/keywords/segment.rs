//! Dictionary word segmentation: jieba's algorithm without its HMM, in 200 lines.
//!
//! Why not the `jieba-rs` crate in the page: its HMM emission table (≈ 520 KB of `f64`, ≈ 185 KB
//! gzip) is linked into the wasm even when every call passes `hmm = false`, because the flag is a
//! run-time argument. That one table was half the page's first-load budget (BENCHMARKS.md), for
//! a feature (keywords) that loads its dictionary lazily and never uses the HMM.
//!
//! This is the same segmentation as `jieba_rs::Jieba::tag(text, false)`, token for token (word,
//! char offsets, part-of-speech tag; `tests/segment_agreement.rs` checks it against jieba-rs on
//! every seed plan): text is split into runs of CJK ideographs / ASCII alphanumerics /
//! `+#&._%-` and the rest; inside a run, every dictionary word starting at each character is an
//! edge of a DAG, and dynamic programming from the end picks the route maximising
//! Σ (ln freq(word) − ln total), ties going to the longer word; consecutive single ASCII
//! alphanumerics are joined (`2025`, `5G`); characters outside runs are tokens of their own
//! (`\r\n` stays one).

use std::collections::HashMap;
use std::fmt;

/// Byte-at-a-time FxHash step: the hash of a longer key extends the hash of its prefix, so the
/// DAG scan hashes each character once however many word lengths it tries.
#[inline]
fn step(h: u64, b: u8) -> u64 {
    (h.rotate_left(5) ^ u64::from(b)).wrapping_mul(0x517c_c1b7_2722_0a95)
}

fn hash(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0, |h, &b| step(h, b))
}

/// Key present only as the prefix of a longer word (lets the DAG scan stop early).
const PREFIX: u32 = u32::MAX;
const EMPTY: u32 = u32::MAX;

/// An open-addressing table of dictionary words and word prefixes whose keys are byte ranges of
/// the dictionary text itself: loading allocates nothing per word (jieba's dictionary has
/// ~240 k words and as many prefixes), which is what makes it as fast to load as jieba's trie.
struct Keys {
    text: String,
    /// (byte offset, byte length, record or PREFIX)
    keys: Vec<(u32, u32, u32)>,
    slots: Vec<u32>,
    mask: usize,
}

impl Keys {
    fn new(text: String) -> Self {
        // ~1 key (word or prefix) per 8 bytes of jieba's format; half-full table: no regrowth
        let n = (text.len() / 4).clamp(1024, 1 << 26).next_power_of_two();
        Keys {
            text,
            keys: Vec::new(),
            slots: vec![EMPTY; n],
            mask: n - 1,
        }
    }

    fn bytes(&self, k: (u32, u32, u32)) -> &[u8] {
        self.text
            .as_bytes()
            .get(k.0 as usize..(k.0 + k.1) as usize)
            .unwrap_or(&[])
    }

    /// The slot holding `key`, or the empty slot where it would go.
    fn find(&self, h: u64, key: &[u8]) -> usize {
        let mut i = (h as usize) & self.mask;
        loop {
            match self.slots[i] {
                EMPTY => return i,
                k if self.bytes(self.keys[k as usize]) == key => return i,
                _ => i = (i + 1) & self.mask,
            }
        }
    }

    fn get(&self, h: u64, key: &[u8]) -> Option<u32> {
        match self.slots[self.find(h, key)] {
            EMPTY => None,
            k => Some(self.keys[k as usize].2),
        }
    }

    /// Inserts the key at `text[off..off+len]`; an existing word keeps its record, an existing
    /// prefix becomes the word. Returns the record now stored.
    fn insert(&mut self, off: usize, len: usize, rec: u32) -> u32 {
        if (self.keys.len() + 1) * 2 > self.slots.len() {
            self.grow();
        }
        let key = &self.text.as_bytes()[off..off + len];
        let i = self.find(hash(key), key);
        match self.slots[i] {
            EMPTY => {
                self.slots[i] = self.keys.len() as u32;
                self.keys.push((off as u32, len as u32, rec));
                rec
            }
            k => {
                let e = &mut self.keys[k as usize];
                if e.2 == PREFIX {
                    e.2 = rec;
                }
                e.2
            }
        }
    }

    fn grow(&mut self) {
        let n = self.slots.len() * 2;
        self.slots = vec![EMPTY; n];
        self.mask = n - 1;
        for (k, &key) in self.keys.iter().enumerate() {
            let mut i = (hash(self.bytes(key)) as usize) & self.mask;
            while self.slots[i] != EMPTY {
                i = (i + 1) & self.mask;
            }
            self.slots[i] = k as u32;
        }
    }
}

/// Why a dictionary could not be loaded.
#[derive(Debug, Clone, PartialEq)]
pub enum DictError {
    Empty,
    /// 1-based line number and the offending frequency field.
    BadFrequency(usize, String),
}

impl fmt::Display for DictError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DictError::Empty => write!(f, "the dictionary has no words"),
            DictError::BadFrequency(line, v) => {
                write!(f, "line {line}: frequency '{v}' is not a whole number")
            }
        }
    }
}

impl std::error::Error for DictError {}

/// A DAG route step: log-probability of the best route from here, where the step ends, record.
type Step = (f64, usize, u32);

/// One token: the word, its char offsets `[start, end)` in the text, and its tag.
#[derive(Debug, Clone, PartialEq)]
pub struct Word<'a> {
    pub word: &'a str,
    pub start: usize,
    pub end: usize,
    pub tag: &'a str,
}

/// A loaded `word freq [tag]` dictionary (jieba's `dict.txt` format).
pub struct Segmenter {
    /// word or word prefix → record index ([`PREFIX`] for a prefix only)
    keys: Keys,
    /// per record: ln(freq) and tag index
    recs: Vec<(f64, u16)>,
    tags: Vec<Box<str>>,
    log_total: f64,
}

/// jieba's run class: CJK ideographs (main block and extensions), ASCII alphanumerics, `+#&._%-`.
fn in_run(c: char) -> bool {
    matches!(c,
        '\u{4E00}'..='\u{9FFF}' | '\u{3400}'..='\u{4DBF}' | '\u{F900}'..='\u{FAFF}'
        | '\u{20000}'..='\u{2A6DF}' | '\u{2A700}'..='\u{2B73F}' | '\u{2B740}'..='\u{2B81F}'
        | '\u{2B820}'..='\u{2CEAF}' | '\u{2CEB0}'..='\u{2EBEF}' | '\u{2F800}'..='\u{2FA1F}'
        | 'a'..='z' | 'A'..='Z' | '0'..='9' | '+' | '#' | '&' | '.' | '_' | '%' | '-')
}

/// jieba's tag for a word not in the dictionary: digits `m`, other ASCII alphanumerics `eng`.
fn guess_tag(word: &str) -> &'static str {
    let (mut alnum, mut digits) = (0, 0);
    for c in word.chars().filter(char::is_ascii_alphanumeric) {
        alnum += 1;
        digits += usize::from(c.is_ascii_digit());
    }
    match (alnum, digits) {
        (0, _) => "x",
        (a, d) if a == d => "m",
        _ => "eng",
    }
}

impl Segmenter {
    /// Loads a dictionary. Like jieba: a repeated word keeps its first tag and its last
    /// frequency, a line without a frequency counts 0, blank lines are skipped.
    pub fn from_dict(dict: &str) -> Result<Self, DictError> {
        let mut keys = Keys::new(dict.to_string());
        let mut recs: Vec<(f64, u16)> = Vec::new();
        let mut tags: Vec<Box<str>> = Vec::new();
        let mut tag_ids: HashMap<&str, u16> = HashMap::new();
        let mut freqs: Vec<u64> = Vec::new();
        let base = dict.as_ptr() as usize;
        for (n, line) in dict.lines().enumerate() {
            let mut it = line.split_whitespace();
            let Some(word) = it.next() else { continue };
            let freq = match it.next() {
                Some(f) => f
                    .parse::<u64>()
                    .map_err(|_| DictError::BadFrequency(n + 1, f.to_string()))?,
                None => 0,
            };
            let tag = it.next().unwrap_or("");
            let off = word.as_ptr() as usize - base;
            let id = recs.len() as u32;
            let got = keys.insert(off, word.len(), id);
            if got != id {
                // a repeated word: jieba keeps the first tag and takes the last frequency
                if let (Some(r), Some(f)) =
                    (recs.get_mut(got as usize), freqs.get_mut(got as usize))
                {
                    *f = freq;
                    r.0 = (freq as f64).ln();
                }
                continue;
            }
            let next = u16::try_from(tag_ids.len()).unwrap_or(u16::MAX);
            let t = *tag_ids.entry(tag).or_insert_with(|| {
                tags.push(tag.into());
                next
            });
            recs.push(((freq as f64).ln(), t));
            freqs.push(freq);
            for (i, _) in word.char_indices().skip(1) {
                keys.insert(off, i, PREFIX);
            }
        }
        if recs.is_empty() {
            return Err(DictError::Empty);
        }
        let log_total = (freqs.iter().sum::<u64>() as f64).ln();
        Ok(Segmenter {
            keys,
            recs,
            tags,
            log_total,
        })
    }

    fn tag_of(&self, word: &str) -> Option<&str> {
        match self.keys.get(hash(word.as_bytes()), word.as_bytes()) {
            Some(id) if id != PREFIX => self
                .recs
                .get(id as usize)
                .and_then(|r| self.tags.get(usize::from(r.1)))
                .map(|t| &**t),
            _ => None,
        }
    }

    /// Every token of `text`, in order, covering it without gaps.
    pub fn words<'a>(&'a self, text: &'a str) -> Vec<Word<'a>> {
        let mut out = Vec::with_capacity(text.len() / 4);
        let mut chars: Vec<(usize, char)> = Vec::new();
        let (mut route, mut edges): (Vec<Step>, Vec<(usize, u32)>) = (Vec::new(), Vec::new());
        let mut pos = 0; // char offset of the current block
        let mut iter = text.char_indices().peekable();
        while let Some(&(b0, c0)) = iter.peek() {
            let run = in_run(c0);
            chars.clear();
            while let Some(&(b, c)) = iter.peek() {
                if in_run(c) != run {
                    break;
                }
                chars.push((b - b0, c));
                iter.next();
            }
            let end = iter.peek().map_or(text.len(), |&(b, _)| b);
            let block = &text[b0..end];
            if run {
                self.cut_block(block, &chars, pos, &mut route, &mut edges, &mut out);
            } else {
                let mut i = 0;
                while let Some(&(off, c)) = chars.get(i) {
                    let n = if c == '\r' && matches!(chars.get(i + 1), Some(&(_, '\n'))) {
                        2
                    } else {
                        1
                    };
                    let w = &block[off..off + if n == 2 { 2 } else { c.len_utf8() }];
                    let tag = self.tag_of(w).unwrap_or_else(|| guess_tag(w));
                    out.push(Word {
                        word: w,
                        start: pos + i,
                        end: pos + i + n,
                        tag,
                    });
                    i += n;
                }
            }
            pos += chars.len();
        }
        out
    }

    /// Char offsets where a word ends (for comparing segmentations).
    pub fn boundaries(&self, text: &str) -> Vec<usize> {
        self.words(text).iter().map(|w| w.end).collect()
    }

    fn cut_block<'a>(
        &'a self,
        block: &'a str,
        chars: &[(usize, char)],
        pos: usize,
        route: &mut Vec<Step>,
        edges: &mut Vec<(usize, u32)>,
        out: &mut Vec<Word<'a>>,
    ) {
        let n = chars.len();
        let byte = |i: usize| chars.get(i).map_or(block.len(), |c| c.0);
        route.clear();
        route.resize(n + 1, (0.0, n, PREFIX));
        // best route from the end; edges of idx in increasing end order, ties → longer word
        for idx in (0..n).rev() {
            edges.clear();
            let mut h = 0;
            for e in idx + 1..=n {
                for &b in &block.as_bytes()[byte(e - 1)..byte(e)] {
                    h = step(h, b);
                }
                match self.keys.get(h, &block.as_bytes()[byte(idx)..byte(e)]) {
                    None => break,
                    Some(PREFIX) => {}
                    Some(id) => edges.push((e, id)),
                }
            }
            let mut best: Option<Step> = None;
            for &(e, id) in edges.iter() {
                let lf = self.recs.get(id as usize).map_or(0.0, |r| r.0);
                let p = lf - self.log_total + route[e].0;
                let better = match best {
                    None => true,
                    Some(b) => p > b.0 || (p == b.0 && e > b.1),
                };
                if better {
                    best = Some((p, e, id));
                }
            }
            route[idx] = best.unwrap_or((-self.log_total + route[idx + 1].0, idx + 1, PREFIX));
        }
        let mut emit = |x: usize, y: usize, id: u32| {
            let w = &block[byte(x)..byte(y)];
            let tag = if id != PREFIX {
                self.recs
                    .get(id as usize)
                    .and_then(|r| self.tags.get(usize::from(r.1)))
                    .map(|t| &**t)
            } else {
                self.tag_of(w)
            };
            out.push(Word {
                word: w,
                start: pos + x,
                end: pos + y,
                tag: tag.unwrap_or_else(|| guess_tag(w)),
            });
        };
        let (mut x, mut left) = (0, None);
        while x < n {
            let (_, y, id) = route[x];
            if y - x == 1 && chars[x].1.is_ascii_alphanumeric() {
                left.get_or_insert(x);
            } else {
                if let Some(l) = left.take() {
                    emit(l, x, if x - l == 1 { route[l].2 } else { PREFIX });
                }
                emit(x, y, id);
            }
            x = y;
        }
        if let Some(l) = left {
            emit(l, n, if n - l == 1 { route[l].2 } else { PREFIX });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DICT: &str =
        "学前 50 n\n学前教育 30 n\n教育 200 vn\n普及 80 v\n普及率 40 n\n率 10 n\n达到 90 v\n\
                        学 20 v\n前 20 f\n教 10 v\n育 5 vg\n到 30 v\n达 10 v\n";

    fn cut(s: &Segmenter, t: &str) -> Vec<String> {
        s.words(t)
            .into_iter()
            .map(|w| format!("{}/{}", w.word, w.tag))
            .collect()
    }

    #[test]
    fn picks_the_most_probable_route_and_keeps_offsets() {
        let s = Segmenter::from_dict(DICT).unwrap();
        assert_eq!(
            cut(&s, "学前教育普及率达到"),
            ["学前教育/n", "普及率/n", "达到/v"]
        );
        let w = s.words("，学前教育");
        assert_eq!(
            (w[0].word, w[0].start, w[0].end, w[0].tag),
            ("，", 0, 1, "x")
        );
        assert_eq!((w[1].start, w[1].end), (1, 5));
    }

    #[test]
    fn joins_ascii_alphanumerics_and_guesses_their_tags() {
        let s = Segmenter::from_dict(DICT).unwrap();
        assert_eq!(
            cut(&s, "2025年5G达到"),
            ["2025/m", "年/x", "5G/eng", "达到/v"]
        );
        assert_eq!(cut(&s, "a\r\nb"), ["a/eng", "\r\n/x", "b/eng"]);
    }

    #[test]
    fn covers_any_text_without_gaps() {
        let s = Segmenter::from_dict(DICT).unwrap();
        let t = "学前😀教育\u{20000}x y·率";
        let w = s.words(t);
        assert_eq!(w.iter().map(|w| w.word).collect::<String>(), t);
        assert!(w.windows(2).all(|p| p[0].end == p[1].start));
        assert_eq!(w.last().map(|w| w.end), Some(t.chars().count()));
        assert!(s.words("").is_empty());
    }

    #[test]
    fn rejects_bad_dictionaries() {
        assert_eq!(Segmenter::from_dict("").err(), Some(DictError::Empty));
        assert_eq!(Segmenter::from_dict("\n  \n").err(), Some(DictError::Empty));
        assert_eq!(
            Segmenter::from_dict("学前 50 n\n教育 x n").err(),
            Some(DictError::BadFrequency(2, "x".into()))
        );
    }

    #[test]
    fn a_repeated_word_keeps_its_first_tag_and_last_frequency() {
        let s = Segmenter::from_dict("甲乙 1 n\n甲 100 a\n乙 100 b\n甲乙 1000000 v").unwrap();
        assert_eq!(cut(&s, "甲乙"), ["甲乙/n"]);
    }
}
