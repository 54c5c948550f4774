//! User token patterns (after spaCy's `Matcher` and GATE's JAPE): context patterns a user
//! writes as data, run after the rule stage on every line (see
//! [`crate::RecognizerBuilder::patterns_path`] and the README for the format).
//!
//! A pattern is a list of token elements, each a set of attributes a token must have
//! (`LOWER`, `TEXT`, `REGEX`, `IS_TITLE`, `ENT_TYPE`, `LEXICON`, `IN`...) and an `OP`
//! (`?`, `*`, `+`, `!`). The tokens are the folded line's (module `text`): words are runs of
//! letters and digits, every other character is a token of its own. `LOWER` and `IN`
//! compare folded forms, so they ignore accents, case and final sigma; nothing is folded
//! again while matching.
//!
//! **Cost.** Patterns are compiled once. On a line, a pattern is tried only from the tokens
//! its first element can match: an index maps each folded form that some first element
//! needs exactly (`LOWER`, `TEXT`, `IN`) to its patterns, one hash look-up per token, and the
//! few patterns whose first element has no such form are tried everywhere. From a start, the
//! match is a walk over the states (element, token) of the pattern, each visited at most
//! once, over at most [`MAX_TOKENS`] tokens: the work per token is bounded by the patterns'
//! sizes, so matching stays linear in the text.
//!
//! **Precedence.** The entity a match gives is the user's data: it replaces the mentions it
//! overlaps whose priority is lower (every built-in rule and gazetteer, by default), and
//! no built-in list or rule drops or relabels it later. Its context tokens veto nothing.

mod compile;

use std::path::Path;
use std::sync::Arc;

use crate::error::BuildError;
use crate::fxhash::FxHashMap;
use crate::stages::mention::Mention;
use crate::stages::rules::LineInput;
use crate::text::normalize::{shape, Token};
use crate::{Label, Source};

use compile::{Op, Pattern, Spec};

/// A match covers at most this many tokens.
pub(crate) const MAX_TOKENS: usize = 64;

/// The compiled patterns.
#[derive(Clone, Debug, Default)]
pub(crate) struct Patterns {
    patterns: Vec<Pattern>,
    /// Folded form → the patterns whose first element needs a token of that form.
    by_first: FxHashMap<Box<str>, Vec<u32>>,
    /// Patterns whose first element has no exact form: tried from every token.
    anywhere: Vec<u32>,
    /// Some pattern reads `ENT_TYPE`: each line's tokens get the label of their mention.
    ent_type: bool,
    /// `entries[p]`: the entry (in the recognizer's table) of pattern `p`'s id, if it has one.
    entries: Vec<Option<u32>>,
}

/// Buffers reused across lines.
#[derive(Default)]
pub(crate) struct Scratch {
    /// Per token: the label of the mention covering it.
    ent: Vec<Option<Label>>,
    /// Per (element, token) state of one walk: the walk that visited it last, and the state
    /// it came from.
    seen: Vec<u32>,
    from: Vec<u32>,
    stack: Vec<u32>,
    walk: u32,
    /// The line's matches: (first token, end token, pattern).
    found: Vec<(usize, usize, u32)>,
    added: Vec<Mention>,
    /// When set: the document spans this stage removed, and the pattern that removed them.
    pub reasons: Option<Vec<(usize, usize, String)>>,
}

/// The token being matched, and what the line knows of it.
struct View<'a> {
    text: &'a str,
    folded: &'a str,
    shape: u8,
    classes: u64,
    ent: Option<Label>,
}

impl Spec {
    fn matches(&self, t: &View) -> bool {
        let flag = |want: Option<bool>, have: bool| want.is_none_or(|w| w == have);
        let letters = || t.text.chars().filter(|&c| crate::text::normalize::is_letter(c));
        self.lower.as_deref().is_none_or(|l| l == t.folded)
            && self.text.as_deref().is_none_or(|x| x == t.text)
            && self.in_.as_ref().is_none_or(|forms| forms.iter().any(|f| &**f == t.folded))
            && self.lexicon.is_none_or(|bits| t.classes & bits != 0)
            && self.ent_type.is_none_or(|l| l == t.ent)
            && flag(self.is_title, t.shape & shape::CAP != 0 && t.shape & shape::UPPER == 0)
            && flag(
                self.is_upper,
                letters().next().is_some() && letters().all(crate::text::normalize::is_upper),
            )
            && flag(self.is_latin, t.shape & shape::LATIN != 0)
            && flag(self.is_digit, !t.text.is_empty() && t.text.chars().all(|c| c.is_numeric()))
            && flag(self.is_punct, t.shape & shape::WORD == 0)
            && self.regex.as_ref().is_none_or(|r| r.is_match(t.text))
    }

    /// The folded forms a token must have, if the spec names them.
    fn exact_forms(&self) -> Option<Vec<Box<str>>> {
        if let Some(l) = &self.lower {
            return Some(vec![l.clone()]);
        }
        if let Some(t) = &self.text {
            return Some(vec![crate::text::normalize::fold(t).into()]);
        }
        self.in_.clone()
    }
}

impl Patterns {
    /// Reads the patterns of the JSONL file at `path`.
    pub fn read(path: &Path) -> Result<Patterns, BuildError> {
        let bytes = std::fs::read(path).map_err(|e| BuildError::io(path, e))?;
        let file = path.display().to_string();
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            BuildError::utf8(&file, Some(line), at)
        })?;
        Patterns::parse(&file, &text)
    }

    /// Parses patterns given as text; `file` is what errors call it.
    pub fn parse(file: &str, text: &str) -> Result<Patterns, BuildError> {
        let mut p = Patterns::default();
        p.add(compile::parse(file, text)?, file)?;
        Ok(p)
    }

    /// Adds `more` (read from `file`) and indexes them.
    pub fn extend(&mut self, more: Patterns, file: &str) -> Result<(), BuildError> {
        self.add(more.patterns, file)
    }

    fn add(&mut self, more: Vec<Pattern>, file: &str) -> Result<(), BuildError> {
        for p in more {
            if let Some(q) = self.patterns.iter().find(|q| q.name == p.name) {
                return Err(BuildError::new(
                    file,
                    p.origin.rsplit(':').next().and_then(|n| n.parse().ok()),
                    Some("name"),
                    format!("pattern `{}` is already defined at {}", p.name, q.origin),
                ));
            }
            let index = self.patterns.len() as u32;
            let first = &p.elems[0];
            match first.spec.exact_forms().filter(|_| first.op == Op::One) {
                Some(forms) => {
                    for f in forms {
                        let list = self.by_first.entry(f).or_default();
                        if list.last() != Some(&index) {
                            list.push(index);
                        }
                    }
                }
                None => self.anywhere.push(index),
            }
            self.ent_type |= p.elems.iter().any(|e| e.spec.ent_type.is_some());
            self.patterns.push(p);
            self.entries.push(None);
        }
        Ok(())
    }

    /// The id, canonical name and label of each pattern that has an id, to be added to the
    /// recognizer's table of entries; `first` is the index the first of them gets there.
    pub fn take_entries(&mut self, first: u32) -> Vec<(Arc<str>, Arc<str>)> {
        let mut out = Vec::new();
        for (p, e) in self.patterns.iter().zip(&mut self.entries) {
            if let (Some(id), Some(canonical)) = (&p.id, &p.canonical) {
                *e = Some(first + out.len() as u32);
                out.push((id.clone(), canonical.clone()));
            }
        }
        out
    }

    /// Runs the patterns over one line, as the earlier stages left it. `out[first..]` holds
    /// the line's mentions, sorted and disjoint; they stay so.
    pub fn apply(&self, line: LineInput, out: &mut Vec<Mention>, first: usize, sc: &mut Scratch) {
        let LineInput { text, folded, words, offset } = line;
        let toks = folded.tokens();
        if toks.is_empty() || self.patterns.is_empty() {
            return;
        }
        sc.ent.clear();
        if self.ent_type {
            sc.ent.resize(toks.len(), None);
            let mut k = 0;
            for m in &out[first..] {
                let (s, e) = (m.start - offset, m.end - offset);
                while k < toks.len() && (toks[k].s as usize) < s {
                    k += 1;
                }
                while k < toks.len() && (toks[k].e as usize) <= e {
                    sc.ent[k] = Some(m.label);
                    k += 1;
                }
            }
        }
        let view = |i: usize, ent: &[Option<Label>]| {
            let t: &Token = &toks[i];
            View {
                text: &text[t.s as usize..t.e as usize],
                folded: folded.str(t.fs, t.fe),
                shape: t.shape,
                classes: words.get(i).map_or(0, |w| w.classes),
                ent: ent.get(i).copied().flatten(),
            }
        };
        sc.found.clear();
        for i in 0..toks.len() {
            let t = &toks[i];
            let exact = self.by_first.get(folded.str(t.fs, t.fe)).map_or(&[][..], |v| &v[..]);
            for &p in exact.iter().chain(&self.anywhere) {
                let Scratch { ent, seen, from, stack, walk, found, .. } = &mut *sc;
                let mut w = Walk { seen, from, stack, walk };
                if let Some((a, b)) = w.run(&self.patterns[p as usize], toks.len() - i, |k| view(i + k, ent))
                {
                    found.push((i + a, i + b, p));
                }
            }
        }
        if sc.found.is_empty() {
            return;
        }
        // Among the matches: the longest entity first, then the higher priority, then the
        // pattern listed first; each kept unless it overlaps one kept before.
        let patterns = &self.patterns;
        sc.found.sort_by(|x, y| {
            (y.1 - y.0)
                .cmp(&(x.1 - x.0))
                .then(patterns[y.2 as usize].priority.cmp(&patterns[x.2 as usize].priority))
                .then(x.2.cmp(&y.2))
                .then(x.0.cmp(&y.0))
        });
        sc.added.clear();
        let mut removed = vec![false; out.len() - first];
        for &(a, b, p) in &sc.found {
            let pat = &patterns[p as usize];
            let (s, e) = (offset + toks[a].s as usize, offset + toks[b - 1].e as usize);
            if sc.added.iter().any(|m| m.start < e && s < m.end) {
                continue;
            }
            // The line's mentions it overlaps: one run of them (they are sorted and disjoint).
            let tail = &out[first..];
            let lo = tail.partition_point(|m| m.end <= s);
            let hi = lo + tail[lo..].iter().take_while(|m| m.start < e).count();
            let winner = (lo..hi).find(|&k| !removed[k] && tail[k].priority >= pat.priority);
            if let Some(reasons) = &mut sc.reasons {
                match winner {
                    Some(k) => reasons.push((s, e, format!("{}(pattern:{})", tail[k].source, pat.name))),
                    None => reasons.extend(
                        (lo..hi)
                            .filter(|&k| !removed[k])
                            .map(|k| (tail[k].start, tail[k].end, format!("pattern:{}", pat.name))),
                    ),
                }
            }
            if winner.is_some() {
                continue;
            }
            removed[lo..hi].fill(true);
            sc.added.push(Mention {
                start: s,
                end: e,
                label: pat.label,
                entry: self.entries[p as usize],
                canonical: if self.entries[p as usize].is_some() { None } else { pat.canonical.clone() },
                source: Source::Pattern(pat.name.clone()),
                confidence: 1.0,
                priority: pat.priority,
                user: true,
                learned: false,
            });
        }
        if removed.iter().any(|&r| r) {
            crate::stages::mention::retain_from(out, first, |i| !removed[i]);
        }
        if !sc.added.is_empty() {
            out.append(&mut sc.added);
            out[first..].sort_unstable_by_key(|m| m.start);
        }
    }
}

/// One walk of a pattern from one start token.
struct Walk<'a> {
    seen: &'a mut Vec<u32>,
    from: &'a mut Vec<u32>,
    stack: &'a mut Vec<u32>,
    walk: &'a mut u32,
}

impl Walk<'_> {
    /// The longest match of `p` from the start token (`left` tokens from there to the end of
    /// the line; `tok(k)` is the `k`-th of them), as the token range of its entity relative
    /// to the start: `None` when nothing matches or the entity is empty.
    fn run<'t>(
        &mut self,
        p: &Pattern,
        left: usize,
        tok: impl Fn(usize) -> View<'t>,
    ) -> Option<(usize, usize)> {
        let n = p.elems.len();
        let width = left.min(MAX_TOKENS) + 1;
        let states = (n + 1) * width;
        if self.seen.len() < states {
            self.seen.resize(states, 0);
            self.from.resize(states, 0);
        }
        *self.walk = self.walk.wrapping_add(1);
        if *self.walk == 0 {
            self.seen.fill(0);
            *self.walk = 1;
        }
        let walk = *self.walk;
        let id = |k: usize, pos: usize| (k * width + pos) as u32;
        self.stack.clear();
        self.stack.push(0);
        self.seen[0] = walk;
        let mut best: Option<usize> = None;
        // Whether token `pos` matches element `k`: asked at most once per state.
        while let Some(state) = self.stack.pop() {
            let (k, pos) = (state as usize / width, state as usize % width);
            if k == n {
                if best.is_none_or(|b| pos > b) {
                    best = Some(pos);
                }
                continue;
            }
            let e = &p.elems[k];
            let has = pos + 1 < width;
            let hit = || has && e.spec.matches(&tok(pos));
            let mut next = [None, None];
            match e.op {
                Op::One => next[0] = hit().then(|| id(k + 1, pos + 1)),
                Op::Opt => {
                    next[0] = Some(id(k + 1, pos));
                    next[1] = hit().then(|| id(k + 1, pos + 1));
                }
                Op::Star => {
                    next[0] = Some(id(k + 1, pos));
                    next[1] = hit().then(|| id(k, pos + 1));
                }
                Op::Not => next[0] = (has && !e.spec.matches(&tok(pos))).then(|| id(k + 1, pos + 1)),
            }
            for s in next.into_iter().flatten() {
                if self.seen[s as usize] != walk {
                    self.seen[s as usize] = walk;
                    self.from[s as usize] = state;
                    self.stack.push(s);
                }
            }
        }
        let end = best?;
        // Back along the path: where the entity's first and end elements were reached.
        let (mut a, mut b) = (None, None);
        let mut state = id(n, end);
        loop {
            let (k, pos) = (state as usize / width, state as usize % width);
            if k == p.entity.1 {
                b = Some(pos);
            }
            if k == p.entity.0 {
                a = Some(pos);
            }
            if state == 0 {
                break;
            }
            state = self.from[state as usize];
        }
        let (a, b) = (a?, b?);
        (a < b).then_some((a, b))
    }
}
