//! The pipeline's patterns, compiled ahead of time: each pattern's forward Thompson NFA, written
//! out state by state in `snapshots.bin`, so the page rebuilds it instead of compiling it.
//!
//! Why: building the patterns was nearly all of the engine worker's warm-up. Natively it is
//! 4.8 ms of the 4.9 ms that the first analysis of the warm-up plan takes; in the page's wasm it
//! was ~100 ms of a Chromium cold start (`tools/bench/startup_probe.mjs` measures it).
//! The work is parsing each pattern (regex-syntax), translating it, and compiling its UTF-8
//! classes into a forward and a reverse NFA; what comes out is a few hundred plain states.
//! Rebuilding those states with regex-automata's own [`thompson::Builder`] skips all of that
//! (84 patterns natively: 5.5 → 2.0 ms), and the parser and compiler are never run, so the
//! browser never compiles their code, on the way to the first result.
//!
//! Only the forward NFA is stored. The reverse NFA, which the lazy DFA needs to find where a
//! match starts, is the forward one with every edge turned around ([`reverse`]): it accepts
//! exactly the reversed strings, which is all a reverse search (anchored, all matches) asks of
//! it. Storing it too would have doubled the table (its compiled form has 1.7× the states).
//!
//! The table is keyed by a 64-bit FNV-1a hash of the pattern as compiled (after
//! [`super::expand_perl_classes`]). A pattern that is not in it (a new or changed one, before the
//! table is regenerated) is compiled as before: a stale table costs speed, never a wrong match
//! (short of a 64-bit hash collision with one of the ~80 listed patterns). The test
//! `snapshots_are_current` fails when the table is stale and says how to regenerate it
//! (`PLANLENS_BLESS=1 cargo test --lib snapshots_are_current`); `src/rx/snapshots.json` lists the
//! patterns, for review.
//!
//! Format (little-endian; `v` is an unsigned LEB128 varint, `r` a state id relative to the state
//! that holds it, zigzag-coded, then a `v`: most targets are near): `u32 count`, then `count` ×
//! (`u64 hash`, `u32 offset`, `u32 len`) sorted by hash, then the blobs. A blob: `v states`,
//! `v start_anchored`, `v start_unanchored`, `v start_pattern`, `v groups`, per group
//! `v name_len + 1` (0: unnamed) and its bytes, then each state as a tag byte and its fields:
//! 0 range (`u8 start, u8 end, r next`), 1 sparse (`v n`, n × range), 2 look (`v repr, r next`),
//! 3 union (`v n`, n × `r alt`), 4 binary union (`r alt1, r alt2`), 5 capture start
//! (`r next, v group`), 6 capture end (`r next, v group`), 7 fail, 8 match.

use std::sync::Arc;

use regex_automata::nfa::thompson::{self, State, Transition, NFA};
use regex_automata::util::look::Look;
use regex_automata::util::primitives::{PatternID, StateID};

/// The snapshot table (generated; see the module doc).
static TABLE: &[u8] = include_bytes!("snapshots.bin");

/// FNV-1a, 64 bits: stable across builds and targets, which the table's keys must be.
fn hash(pattern: &str) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in pattern.as_bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

fn u32_at(bytes: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
}

fn u64_at(bytes: &[u8], at: usize) -> Option<u64> {
    Some(u64::from_le_bytes(bytes.get(at..at + 8)?.try_into().ok()?))
}

/// The stored blob of `pattern`, if the table has one.
fn lookup_in<'t>(table: &'t [u8], pattern: &str) -> Option<&'t [u8]> {
    let count = u32_at(table, 0)? as usize;
    let want = hash(pattern);
    let (mut lo, mut hi) = (0, count);
    while lo < hi {
        let mid = (lo + hi) / 2;
        let at = 4 + mid * 16;
        match u64_at(table, at)?.cmp(&want) {
            std::cmp::Ordering::Less => lo = mid + 1,
            std::cmp::Ordering::Greater => hi = mid,
            std::cmp::Ordering::Equal => {
                let off = u32_at(table, at + 8)? as usize;
                let len = u32_at(table, at + 12)? as usize;
                return table.get(off..off.checked_add(len)?);
            }
        }
    }
    None
}

/// The forward and reverse NFAs of `pattern` from the table, or `None` when it has none (or the
/// entry does not decode: then the caller compiles the pattern).
pub fn nfas(pattern: &str) -> Option<(NFA, NFA)> {
    let fwd = decode(lookup_in(TABLE, pattern)?)?;
    let rev = reverse(&fwd)?;
    Some((fwd, rev))
}

/// A cursor over a blob; every read is checked, so a corrupt table gives `None`, not a panic.
struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
    /// the state being read (state ids are stored relative to it) and the number of states
    cur: usize,
    states: usize,
}

impl Reader<'_> {
    fn byte(&mut self) -> Option<u8> {
        let b = *self.bytes.get(self.at)?;
        self.at += 1;
        Some(b)
    }

    fn v(&mut self) -> Option<usize> {
        let mut out: usize = 0;
        for shift in (0..35).step_by(7) {
            let b = self.byte()?;
            out |= usize::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Some(out);
            }
        }
        None
    }

    /// A state id: absolute in the header, relative to the current state (zigzag) in a state.
    fn abs(&mut self) -> Option<StateID> {
        let id = self.v()?;
        (id < self.states).then_some(())?;
        StateID::new(id).ok()
    }

    fn sid(&mut self) -> Option<StateID> {
        let z = self.v()?;
        let delta = (z >> 1) as isize ^ -((z & 1) as isize);
        let id = usize::try_from(self.cur as isize + delta).ok()?;
        (id < self.states).then_some(())?;
        StateID::new(id).ok()
    }

    fn range(&mut self) -> Option<Transition> {
        let (start, end) = (self.byte()?, self.byte()?);
        (start <= end).then_some(())?;
        Some(Transition {
            start,
            end,
            next: self.sid()?,
        })
    }
}

/// Rebuilds a forward NFA from its blob, with the settings [`super::lean`]'s compiler uses
/// (UTF-8 mode, no size limit beyond the blob's own).
fn decode(blob: &[u8]) -> Option<NFA> {
    let mut r = Reader {
        bytes: blob,
        at: 0,
        cur: 0,
        states: 0,
    };
    r.states = r.v()?;
    let states = r.states;
    let (start_anchored, start_unanchored, start_pattern) = (r.abs()?, r.abs()?, r.abs()?);
    let groups = r.v()?;
    let mut names: Vec<Option<Arc<str>>> = Vec::with_capacity(groups.min(256));
    for _ in 0..groups {
        names.push(match r.v()? {
            0 => None,
            n => {
                let bytes = r.bytes.get(r.at..r.at.checked_add(n - 1)?)?;
                r.at += n - 1;
                Some(Arc::from(std::str::from_utf8(bytes).ok()?))
            }
        });
    }
    let mut opened = vec![false; names.len()];
    let mut closed = Vec::new();
    let mut b = thompson::Builder::new();
    b.set_utf8(true);
    b.start_pattern().ok()?;
    for cur in 0..states {
        r.cur = cur;
        match r.byte()? {
            0 => b.add_range(r.range()?),
            1 => {
                let n = r.v()?;
                let mut ts = Vec::with_capacity(n.min(256));
                for _ in 0..n {
                    ts.push(r.range()?);
                }
                b.add_sparse(ts)
            }
            2 => {
                let look = Look::from_repr(u32::try_from(r.v()?).ok()?)?;
                b.add_look(r.sid()?, look)
            }
            3 => {
                let n = r.v()?;
                (n >= 3).then_some(())?; // fewer are a binary union or none (encode)
                let mut alts = Vec::with_capacity(n.min(256));
                for _ in 0..n {
                    alts.push(r.sid()?);
                }
                b.add_union(alts)
            }
            4 => {
                let alts = vec![r.sid()?, r.sid()?];
                b.add_union(alts)
            }
            5 => {
                let next = r.sid()?;
                let group = r.v()?;
                let name = names.get(group)?.clone();
                opened[group] = true;
                b.add_capture_start(next, u32::try_from(group).ok()?, name)
            }
            6 => {
                let next = r.sid()?;
                let group = r.v()?;
                closed.push(group);
                b.add_capture_end(next, u32::try_from(group).ok()?)
            }
            7 => b.add_fail(),
            8 => b.add_match(),
            _ => return None,
        }
        .ok()?;
    }
    if r.at != blob.len() || !closed.iter().all(|&g| opened.get(g) == Some(&true)) {
        return None;
    }
    b.finish_pattern(start_pattern).ok()?;
    let nfa = b.build(start_anchored, start_unanchored).ok()?;
    // The builder takes a group's name from its first capture state; check nothing was lost.
    let got: Vec<Option<&str>> = nfa.group_info().pattern_names(PatternID::ZERO).collect();
    let want: Vec<Option<&str>> = names.iter().map(|n| n.as_deref()).collect();
    (got == want && nfa.states().len() == states).then_some(nfa)
}

/// The NFA of the reversed language of `fwd` (from its anchored start), for the lazy DFA's
/// reverse search: every edge turned around, look-arounds mirrored ([`Look::reversed`], as
/// regex-automata's compiler does for a reverse NFA), capture states dropped (a reverse search
/// reports no groups), the forward match state as the start and the forward start as the match.
///
/// Each forward state `t` reachable from the anchored start becomes `in(t)`, the ways back out
/// of it: for an edge `s --bytes--> t` a range state to `in(s)`, for a look `s --look--> t` a
/// look state to `in(s)`, for any other epsilon edge `in(s)` itself, and for the anchored start
/// also the match. One way back is that state itself (most states have one predecessor), several
/// are a union of them, none is the fail state.
pub fn reverse(fwd: &NFA) -> Option<NFA> {
    let states = fwd.states();
    let start = fwd.start_anchored().as_usize();
    let end = states
        .iter()
        .position(|st| matches!(st, State::Match { .. }))?;
    let reach = reachable(states, start);
    if states
        .iter()
        .enumerate()
        .any(|(i, st)| reach[i] && i != end && matches!(st, State::Match { .. }))
    {
        return None; // one pattern has one match state
    }
    let preds = Preds::new(states, &reach);
    let plan = Plan::new(&preds, &reach, start);
    plan.build(fwd, end)
}

/// Forward reachability from the anchored start: the unanchored prefix is no part of a match.
fn reachable(states: &[State], start: usize) -> Vec<bool> {
    let n = states.len();
    let mut reach = vec![false; n];
    let mut stack = vec![start];
    while let Some(i) = stack.pop() {
        if i >= n || reach[i] {
            continue;
        }
        reach[i] = true;
        each_edge(&states[i], |_, t| stack.push(t.as_usize()));
    }
    reach
}

/// The predecessor edges of each reachable state, grouped by target (a counting sort): those of
/// `t` are `edges[first[t]..first[t + 1]]`.
struct Preds {
    first: Vec<usize>,
    edges: Vec<(u32, Back)>,
}

impl Preds {
    fn new(states: &[State], reach: &[bool]) -> Preds {
        let n = states.len();
        let mut first = vec![0usize; n + 1];
        for (i, st) in states.iter().enumerate() {
            if reach[i] {
                each_edge(st, |_, t| first[t.as_usize() + 1] += 1);
            }
        }
        for i in 0..n {
            first[i + 1] += first[i];
        }
        let mut fill = first.clone();
        let mut edges = vec![(0u32, Back::Empty); first[n]];
        for (i, st) in states.iter().enumerate() {
            if reach[i] {
                each_edge(st, |back, t| {
                    let t = t.as_usize();
                    edges[fill[t]] = (i as u32, back);
                    fill[t] += 1;
                });
            }
        }
        Preds { first, edges }
    }

    fn of(&self, t: usize) -> &[(u32, Back)] {
        &self.edges[self.first[t]..self.first[t + 1]]
    }
}

/// A state of the reverse NFA to add (ids are positions in [`Plan::out`]).
enum Out {
    Union(Vec<Way>),
    Range(u8, u8, usize),
    Look(Look, usize),
    Match,
    Fail,
}

/// One way back out of a state of the reverse NFA.
#[derive(Clone, Copy)]
enum Way {
    /// in(s) of the forward state s
    In(usize),
    /// the edge state at this position of `out`
    Edge(usize),
    Match,
}

/// What in(t) of a forward state t is.
#[derive(Clone, Copy)]
enum Entry {
    At(usize),
    Alias(usize),
    Unset,
}

/// The reverse NFA's states in order, and where each forward state's in(t) is among them.
struct Plan {
    out: Vec<Out>,
    entry: Vec<Entry>,
}

/// The id of the match state in [`Plan::out`].
const MATCH_ID: usize = 0;

impl Plan {
    fn new(preds: &Preds, reach: &[bool], start: usize) -> Plan {
        let n = reach.len();
        let mut plan = Plan {
            out: Vec::with_capacity(n * 2),
            entry: vec![Entry::Unset; n],
        };
        plan.out.push(Out::Match);
        let mut fail_id = None;
        for t in (0..n).filter(|&t| reach[t]) {
            let ps = preds.of(t);
            let ways = ps.len() + usize::from(t == start);
            plan.entry[t] = match (ways, ps.first()) {
                (0, _) => Entry::At(*fail_id.get_or_insert_with(|| plan.push(Out::Fail))),
                (1, None) => Entry::At(MATCH_ID),
                (1, Some(&(s, Back::Empty))) => Entry::Alias(s as usize),
                (1, Some(&(s, back))) => Entry::At(plan.push(edge(back, s as usize))),
                _ => Entry::At(plan.union(ps, t == start)),
            };
        }
        plan
    }

    /// Adds `o`; returns its id.
    fn push(&mut self, o: Out) -> usize {
        self.out.push(o);
        self.out.len() - 1
    }

    /// A union of the ways back over predecessor edges `ps` (and to the match when `to_match`),
    /// followed by the edge states it needs; returns the union's id.
    fn union(&mut self, ps: &[(u32, Back)], to_match: bool) -> usize {
        let at = self.push(Out::Union(Vec::new()));
        let mut alts = Vec::with_capacity(ps.len() + 1);
        for &(s, back) in ps {
            match back {
                Back::Empty => alts.push(Way::In(s as usize)),
                _ => alts.push(Way::Edge(self.push(edge(back, s as usize)))),
            }
        }
        if to_match {
            alts.push(Way::Match);
        }
        self.out[at] = Out::Union(alts);
        at
    }

    /// in(t) as a state id: aliases followed (a chain is acyclic: a cycle of single epsilon
    /// predecessors would be unreachable; the bound turns a malformed NFA into None).
    fn resolve(&self, mut t: usize) -> Option<StateID> {
        for _ in 0..=self.entry.len() {
            match *self.entry.get(t)? {
                Entry::At(id) => return StateID::new(id).ok(),
                Entry::Alias(s) => t = s,
                Entry::Unset => return None,
            }
        }
        None
    }

    fn way(&self, w: Way) -> Option<StateID> {
        match w {
            Way::Match => StateID::new(MATCH_ID).ok(),
            Way::Edge(at) => StateID::new(at).ok(),
            Way::In(s) => self.resolve(s),
        }
    }

    /// The reverse NFA of `fwd`, starting at in(end) of the forward match state `end`.
    fn build(&self, fwd: &NFA, end: usize) -> Option<NFA> {
        let mut b = thompson::Builder::new();
        b.set_utf8(fwd.is_utf8());
        b.set_reverse(true);
        b.start_pattern().ok()?;
        for o in &self.out {
            match o {
                Out::Match => b.add_match(),
                Out::Fail => b.add_fail(),
                Out::Range(lo, hi, s) => b.add_range(Transition {
                    start: *lo,
                    end: *hi,
                    next: self.resolve(*s)?,
                }),
                Out::Look(look, s) => b.add_look(self.resolve(*s)?, *look),
                Out::Union(alts) => {
                    let alts: Option<Vec<StateID>> = alts.iter().map(|&a| self.way(a)).collect();
                    b.add_union(alts?)
                }
            }
            .ok()?;
        }
        let begin = self.resolve(end)?;
        b.finish_pattern(begin).ok()?;
        b.build(begin, begin).ok()
    }
}

/// The reverse state of a forward edge into state `s`.
fn edge(back: Back, s: usize) -> Out {
    match back {
        Back::Bytes(lo, hi) => Out::Range(lo, hi, s),
        Back::Look(look) => Out::Look(look.reversed(), s),
        Back::Empty => unreachable!("epsilon edges are no states"),
    }
}

/// What a reversed edge carries.
#[derive(Clone, Copy)]
enum Back {
    Bytes(u8, u8),
    Look(Look),
    Empty,
}

/// Calls `f` with each outgoing edge of `st`: what it carries and its target.
fn each_edge(st: &State, mut f: impl FnMut(Back, StateID)) {
    match st {
        State::ByteRange { trans } => f(Back::Bytes(trans.start, trans.end), trans.next),
        State::Sparse(sp) => {
            for t in sp.transitions.iter() {
                f(Back::Bytes(t.start, t.end), t.next);
            }
        }
        State::Dense(d) => {
            for (byte, &next) in d.transitions.iter().enumerate() {
                if next != StateID::ZERO {
                    let byte = byte as u8;
                    f(Back::Bytes(byte, byte), next);
                }
            }
        }
        State::Look { look, next } => f(Back::Look(*look), *next),
        State::Union { alternates } => {
            for &a in alternates.iter() {
                f(Back::Empty, a);
            }
        }
        State::BinaryUnion { alt1, alt2 } => {
            f(Back::Empty, *alt1);
            f(Back::Empty, *alt2);
        }
        State::Capture { next, .. } => f(Back::Empty, *next),
        State::Fail | State::Match { .. } => {}
    }
}

/// The blob of a forward NFA (the inverse of [`decode`]). Only the table generator uses it.
#[cfg(test)]
fn encode(nfa: &NFA) -> Option<Vec<u8>> {
    fn v(out: &mut Vec<u8>, mut x: usize) {
        loop {
            let b = (x & 0x7f) as u8;
            x >>= 7;
            if x == 0 {
                out.push(b);
                return;
            }
            out.push(b | 0x80);
        }
    }
    // a state id relative to the state `cur` that holds it, zigzag-coded: most are near
    fn rel(out: &mut Vec<u8>, cur: usize, id: StateID) {
        let d = id.as_usize() as isize - cur as isize;
        v(out, ((d << 1) ^ (d >> (isize::BITS - 1))) as usize);
    }
    fn range(out: &mut Vec<u8>, cur: usize, t: &Transition) {
        out.push(t.start);
        out.push(t.end);
        rel(out, cur, t.next);
    }
    if nfa.pattern_len() != 1 || nfa.is_reverse() {
        return None;
    }
    let mut out = Vec::new();
    v(&mut out, nfa.states().len());
    v(&mut out, nfa.start_anchored().as_usize());
    v(&mut out, nfa.start_unanchored().as_usize());
    v(&mut out, nfa.start_pattern(PatternID::ZERO)?.as_usize());
    let names: Vec<Option<&str>> = nfa.group_info().pattern_names(PatternID::ZERO).collect();
    v(&mut out, names.len());
    for name in names {
        match name {
            None => v(&mut out, 0),
            Some(s) => {
                v(&mut out, s.len() + 1);
                out.extend_from_slice(s.as_bytes());
            }
        }
    }
    for (cur, st) in nfa.states().iter().enumerate() {
        match st {
            State::ByteRange { trans } => {
                out.push(0);
                range(&mut out, cur, trans);
            }
            State::Sparse(sp) => {
                out.push(1);
                v(&mut out, sp.transitions.len());
                for t in sp.transitions.iter() {
                    range(&mut out, cur, t);
                }
            }
            State::Dense(_) => return None, // regex-automata's compiler never makes one
            State::Look { look, next } => {
                out.push(2);
                v(&mut out, look.as_repr() as usize);
                rel(&mut out, cur, *next);
            }
            State::Union { alternates } => {
                out.push(3);
                v(&mut out, alternates.len());
                for &a in alternates.iter() {
                    rel(&mut out, cur, a);
                }
            }
            State::BinaryUnion { alt1, alt2 } => {
                out.push(4);
                rel(&mut out, cur, *alt1);
                rel(&mut out, cur, *alt2);
            }
            State::Capture {
                next,
                group_index,
                slot,
                ..
            } => {
                out.push(if slot.as_usize() % 2 == 0 { 5 } else { 6 });
                rel(&mut out, cur, *next);
                v(&mut out, group_index.as_usize());
            }
            State::Fail => out.push(7),
            State::Match { .. } => out.push(8),
        }
    }
    Some(out)
}

/// The table for `patterns` (as compiled: after [`super::expand_perl_classes`]).
#[cfg(test)]
pub fn table(patterns: &[String]) -> Vec<u8> {
    let mut entries: Vec<(u64, Vec<u8>)> = patterns
        .iter()
        .filter_map(|p| {
            let (fwd, _) = super::lean::compile_nfas(p).ok()?;
            Some((hash(p), encode(&fwd)?))
        })
        .collect();
    entries.sort_by_key(|e| e.0);
    entries.dedup_by_key(|e| e.0);
    let mut out = Vec::new();
    out.extend_from_slice(&(entries.len() as u32).to_le_bytes());
    let mut off = 4 + entries.len() * 16;
    for (h, blob) in &entries {
        out.extend_from_slice(&h.to_le_bytes());
        out.extend_from_slice(&(off as u32).to_le_bytes());
        out.extend_from_slice(&(blob.len() as u32).to_le_bytes());
        off += blob.len();
    }
    for (_, blob) in &entries {
        out.extend_from_slice(blob);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const LIST: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rx/snapshots.json");
    const BIN: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/rx/snapshots.bin");

    /// The patterns the table is made of (the committed list).
    fn listed() -> Vec<String> {
        let text = std::fs::read_to_string(LIST).expect("src/rx/snapshots.json");
        serde_json::from_str(&text).expect("a JSON array of strings")
    }

    /// Every pattern the pipeline compiles while it analyses the test plans. Printed by a test
    /// of its own in a process of its own: in this one, other tests compile patterns of their
    /// own (test tables) into the same registry, in whatever order they run.
    #[test]
    #[ignore = "run by snapshots_are_current in a process of its own"]
    fn print_pipeline_patterns() {
        crate::warm_up();
        for p in super::super::lean::tests::plans() {
            let _ = crate::analyze(&p);
        }
        let mut seen = super::super::COMPILED.lock().unwrap().clone();
        seen.sort();
        seen.dedup();
        println!("PATTERNS:{}", serde_json::to_string(&seen).unwrap());
    }

    fn pipeline_patterns() -> Vec<String> {
        let out = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["--exact", "rx::snapshot::tests::print_pipeline_patterns"])
            .args(["--ignored", "--nocapture", "--test-threads=1"])
            .output()
            .expect("the test binary runs");
        let text = String::from_utf8_lossy(&out.stdout);
        // libtest prints the test's name first, on the same line
        let line = text
            .split_once("PATTERNS:")
            .and_then(|(_, rest)| rest.lines().next())
            .unwrap_or_else(|| panic!("no pattern list from the child test:\n{text}"));
        serde_json::from_str(line).unwrap()
    }

    /// The committed list is exactly the patterns the pipeline compiles, and the committed table
    /// is the one the list makes. Regenerate both with
    /// `PLANLENS_BLESS=1 cargo test --lib snapshots_are_current`.
    #[test]
    fn snapshots_are_current() {
        let seen = pipeline_patterns();
        assert!(seen.len() >= 60, "only {} patterns seen", seen.len());
        if std::env::var_os("PLANLENS_BLESS").is_some() {
            let json = serde_json::to_string_pretty(&seen).unwrap() + "\n";
            std::fs::write(LIST, json).unwrap();
            std::fs::write(BIN, table(&seen)).unwrap();
        }
        let list = listed();
        let missing: Vec<String> = seen
            .iter()
            .filter(|p| !list.contains(p))
            .map(|p| p.chars().take(120).collect())
            .collect();
        let stale = list.iter().filter(|p| !seen.contains(p)).count();
        assert!(
            missing.is_empty() && stale == 0,
            "src/rx/snapshots.json lacks {} patterns the pipeline compiles (the page would compile \
             them at start-up) and holds {stale} it no longer does: run PLANLENS_BLESS=1 cargo \
             test --lib snapshots_are_current\n{missing:?}",
            missing.len()
        );
        assert!(
            std::fs::read(BIN).unwrap() == table(&list),
            "src/rx/snapshots.bin is not the table of src/rx/snapshots.json (a pattern's NFA \
             changed, or regex-automata did): run PLANLENS_BLESS=1 cargo test --lib snapshots_are_current"
        );
        assert!(
            TABLE == &table(&list)[..],
            "the compiled-in table is stale: rebuild"
        );
    }

    /// A stored NFA decodes to the very NFA the compiler makes (states, starts, groups).
    #[test]
    fn decoded_nfas_are_the_compilers() {
        for p in listed() {
            let (fwd, _) = super::super::lean::compile_nfas(&p).unwrap();
            let blob = lookup_in(TABLE, &p).expect("listed pattern in the table");
            let got = decode(blob).expect("decodes");
            assert_eq!(
                format!("{:?}", got.states()),
                format!("{:?}", fwd.states()),
                "{p}"
            );
            assert_eq!(got.start_anchored(), fwd.start_anchored());
            assert_eq!(got.start_unanchored(), fwd.start_unanchored());
            assert_eq!(
                got.start_pattern(PatternID::ZERO),
                fwd.start_pattern(PatternID::ZERO)
            );
            assert_eq!(
                got.group_info()
                    .pattern_names(PatternID::ZERO)
                    .collect::<Vec<_>>(),
                fwd.group_info()
                    .pattern_names(PatternID::ZERO)
                    .collect::<Vec<_>>()
            );
            assert!(got.is_utf8() && !got.is_reverse());
        }
    }

    /// The table-built engine finds what the compiled one finds (bounds and groups), including
    /// the starts the reverse NFA finds, on patterns with looks, groups and empty matches.
    #[test]
    fn reversed_nfas_find_the_same_starts() {
        let pats = [
            r"(?m)^[（(]([一二三四五六七八九十]+)[)）]",
            r"a+|b*c",
            r"(?-u:\b)\d+(?-u:\b)",
            r"(?m)\d{2,}$",
            r"x*",
            r"(?<y>[0-9]{4})年(?<m>[0-9]{1,2})月",
            r"[^，。]{2,}率",
            r"(?i-u:ab|cd)e?",
        ];
        let hays = [
            "（三）一、12 3456年7月 abcde xx 95率，达到覆盖率\n(十)x\n2024年12月底前",
            "",
            "bbbc aaa",
        ];
        for p in pats {
            let p = super::super::expand_perl_classes(p).into_owned();
            use super::super::lean::{compile_nfas, Regex};
            let (fwd, fwd_rev) = compile_nfas(&p).unwrap();
            let rev = reverse(&fwd).expect("reversible");
            assert!(rev.is_reverse());
            let compiled = Regex::from_nfas(fwd.clone(), fwd_rev, 1 << 20).unwrap();
            let rebuilt = Regex::from_nfas(fwd, rev, 1 << 20).unwrap();
            for h in hays {
                let a: Vec<_> = compiled.find_iter(h).map(|m| m.range()).collect();
                let b: Vec<_> = rebuilt.find_iter(h).map(|m| m.range()).collect();
                assert_eq!(a, b, "{p} on {h:?}");
                let re = regex::Regex::new(&p).unwrap();
                let c: Vec<_> = re.find_iter(h).map(|m| m.range()).collect();
                assert_eq!(a, c, "{p} on {h:?}");
            }
        }
    }

    /// A truncated or corrupt table entry is no NFA (and no panic): the pattern is compiled.
    #[test]
    fn corrupt_blobs_decode_to_nothing() {
        let p = &listed()[0];
        let blob = lookup_in(TABLE, p).unwrap();
        for cut in 0..blob.len().min(64) {
            assert!(decode(&blob[..cut]).is_none());
        }
        let mut bad = blob.to_vec();
        for i in 0..bad.len().min(200) {
            bad[i] ^= 0xff;
            let _ = decode(&bad); // any result but a panic
            bad[i] ^= 0xff;
        }
        // random multi-byte damage to every entry (xorshift, fixed seed): never a panic
        let list = listed();
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        let mut rnd = || {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            seed
        };
        for _ in 0..5000 {
            let p = &list[(rnd() as usize) % list.len()];
            let mut blob = lookup_in(TABLE, p).unwrap().to_vec();
            for _ in 0..1 + rnd() % 4 {
                let i = (rnd() as usize) % blob.len();
                blob[i] = match rnd() % 3 {
                    0 => rnd() as u8,
                    1 => blob[i] ^ (1 << (rnd() % 8)),
                    _ => blob[i].wrapping_add(1),
                };
            }
            if let Some(fwd) = decode(&blob) {
                let _ = reverse(&fwd);
            }
        }
        assert!(lookup_in(&[1, 0, 0, 0], p).is_none());
        assert!(lookup_in(&[], p).is_none());
        assert!(nfas("no such pattern (?:x)").is_none());
    }
}
