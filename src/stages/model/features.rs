//! The model's features of each token of a line, hashed into rows of the weight table.
//!
//! A feature is a kind byte and a few bytes (a word, an affix, a rule's name...), hashed
//! with a fixed hash: the same text gives the same rows on every run and platform, which
//! training's determinism and saved models rely on. Per token:
//!
//! * its folded form, its lower-case form, the prefixes and suffixes of 1 to 4 characters
//!   of its folded form (Greek case endings), its shape and its length;
//! * its position in the sentence (first word, or the first few);
//! * the folded words at ±1 and ±2, and the shapes at ±1;
//! * the lexicon's word classes of it and of the words at ±1;
//! * the gazetteer hits covering it: label, position (B, I, L, U), the gazetteer, the
//!   entry's priority;
//! * the mentions of the rule stage and the learned adaptation covering it: label,
//!   position, source (rule name or gazetteer);
//! * with the shape, the label of the earlier stages' mention;
//! * the line's topic (sports, banking, space: see `Topic`) with the labels of the hit
//!   and the mention covering it.

use std::hash::Hasher;

use super::{Weights, TAGS};
use crate::fxhash::FxHasher;
use crate::lexicon::class;
use crate::stages::mention::Mention;
use crate::text::normalize::{shape, FoldedLine, Token};
use crate::text::vocab::Word;
use crate::Source;

/// One line as the earlier stages leave it.
pub(crate) struct Line<'a> {
    /// The line, and where it starts in the text.
    pub text: &'a str,
    pub offset: usize,
    pub folded: &'a FoldedLine,
    /// What the vocabulary knows of each token.
    pub words: &'a [Word],
    /// The gazetteer stage's hits (offsets in the text).
    pub hits: &'a [Mention],
    /// The mentions after the rules and the learned adaptation (offsets in the text).
    pub mentions: &'a [Mention],
}

/// The feature rows of each token of a line, and which tokens the model scores.
#[derive(Clone, Debug, Default)]
pub(crate) struct Features {
    rows: Vec<u32>,
    /// `ends[i]`: end of token `i`'s rows in `rows`.
    ends: Vec<u32>,
    /// Tokens the model scores: within one token of a capitalised word or of a mention of
    /// the earlier stages; the others are `O`.
    pub active: Vec<bool>,
    /// Scratch: the anchors of the line.
    anchor: Vec<bool>,
    /// Scratch: the [`WordCache`] entry of each token.
    slots: Vec<u32>,
    /// Scratch: the [`WordCache`] hash of each token that needs an entry.
    hashes: Vec<Option<u64>>,
}

/// Feature kinds (the first byte hashed).
mod kind {
    pub const BIAS: u8 = 0;
    pub const FOLD: u8 = 1;
    pub const LOWER: u8 = 2;
    pub const PREFIX: u8 = 3;
    pub const SUFFIX: u8 = 4;
    pub const SHAPE: u8 = 5;
    pub const LEN: u8 = 6;
    pub const POSITION: u8 = 7;
    pub const WORD: u8 = 8;
    pub const NEAR_SHAPE: u8 = 9;
    pub const CLASS: u8 = 10;
    pub const NEAR_CLASS: u8 = 11;
    pub const HIT: u8 = 12;
    pub const HIT_SOURCE: u8 = 13;
    pub const HIT_PRIORITY: u8 = 14;
    pub const MENTION: u8 = 15;
    pub const MENTION_SOURCE: u8 = 16;
    pub const MENTION_SHAPE: u8 = 17;
    pub const PREV_WORD_SHAPE: u8 = 18;
    pub const TOPIC: u8 = 19;
}

/// Hashes features into rows of a table of `2^bits` rows.
struct Rows<'o> {
    bits: u32,
    out: &'o mut Vec<u32>,
}

impl Rows<'_> {
    fn hasher(kind: u8) -> FxHasher {
        let mut h = FxHasher::default();
        h.write_u8(kind);
        h
    }

    fn push(&mut self, h: FxHasher) {
        // The Fx hash's low bits are weak; the top bits of one more multiply are not.
        let x = h.finish().wrapping_mul(0x9E37_79B9_7F4A_7C15);
        self.out.push((x >> (64 - self.bits)) as u32);
    }

    fn bytes(&mut self, kind: u8, sub: u8, b: &[u8]) {
        let mut h = Self::hasher(kind);
        h.write_u8(sub);
        h.write(b);
        self.push(h);
    }

    fn small(&mut self, kind: u8, values: &[u64]) {
        let mut h = Self::hasher(kind);
        for &v in values {
            h.write_u64(v);
        }
        self.push(h);
    }
}

/// Position of a token in a mention: B(egin), I(nside), L(ast), U(nit).
fn position(m: &Mention, s: usize, e: usize) -> u64 {
    match (m.start >= s, m.end <= e) {
        (true, true) => 3,
        (true, false) => 0,
        (false, true) => 2,
        (false, false) => 1,
    }
}

/// The name of a mention's source without the corpus file (`learned-weak:train.iob2` →
/// `learned-weak`), so that a model does not depend on what its corpus file was called.
fn source_name(s: &Source) -> &str {
    let name: &str = match s {
        Source::Gazetteer { gazetteer, .. } => gazetteer,
        Source::Rule(r) => r,
        Source::Document(d) => d,
        Source::Model(_) => "model",
        Source::Pattern(_) => "pattern",
    };
    if name.starts_with("learned") {
        // Up to the first `:` (a byte search: a char pattern cost a hundred instructions).
        name.as_bytes().iter().position(|&b| b == b':').map_or(name, |i| &name[..i])
    } else {
        name
    }
}

/// The mention of `ms` (sorted, disjoint) that overlaps `s..e`, walking `at` forward.
fn covering<'m>(ms: &'m [Mention], at: &mut usize, s: usize, e: usize) -> Option<&'m Mention> {
    while *at < ms.len() && ms[*at].end <= s {
        *at += 1;
    }
    ms.get(*at).filter(|m| m.start < e)
}

fn is_capitalised(t: &Token) -> bool {
    t.shape & shape::WORD != 0 && t.shape & (shape::CAP | shape::UPPER) != 0
}

/// Punctuation after which a new sentence starts.
fn ends_sentence(s: &[u8]) -> bool {
    // `·` and `…` in UTF-8.
    matches!(s, b"." | b"!" | b";" | b"?" | b":" | [0xC2, 0xB7] | [0xE2, 0x80, 0xA6])
}

impl Features {
    /// Number of tokens.
    pub(crate) fn len(&self) -> usize {
        self.ends.len()
    }

    /// The feature rows of token `i`.
    pub(crate) fn rows(&self, i: usize) -> &[u32] {
        let start = if i == 0 { 0 } else { self.ends[i - 1] as usize };
        &self.rows[start..self.ends[i] as usize]
    }

    /// Marks the active tokens of `line` in `self.active`.
    fn activate(&mut self, line: &Line<'_>) {
        let tokens = line.folded.tokens();
        let n = tokens.len();
        self.active.clear();
        // Anchors: capitalised words and tokens the earlier stages put in a mention.
        let anchor = &mut self.anchor;
        anchor.clear();
        anchor.resize(n, false);
        let (mut hi, mut mi) = (0, 0);
        for (i, t) in tokens.iter().enumerate() {
            let (s, e) = span(line, t);
            anchor[i] = is_capitalised(t)
                || covering(line.hits, &mut hi, s, e).is_some()
                || covering(line.mentions, &mut mi, s, e).is_some();
        }
        for i in 0..n {
            let near = anchor[i.saturating_sub(1)..(i + 2).min(n)].iter().any(|&a| a);
            self.active.push(near);
        }
    }

    /// The features of every token of `line`, hashed into `2^bits` rows.
    pub(crate) fn extract(&mut self, line: &Line<'_>, bits: u32) {
        self.activate(line);
        let tokens = line.folded.tokens();
        let n = tokens.len();
        self.rows.clear();
        self.ends.clear();
        let mut sentence = Sentence::new(line);
        let mut rows = Rows { bits, out: &mut self.rows };
        for i in 0..n {
            sentence.advance(line, i);
            if self.active[i] {
                own(&mut rows, line, i);
                for (k, d) in OFFSETS.iter().enumerate() {
                    match i.checked_add_signed(*d).filter(|&j| j < n) {
                        Some(j) => context(&mut rows, line, j, k),
                        None => edge(&mut rows, k),
                    }
                }
                around(&mut rows, line, i, &mut sentence);
            }
            self.ends.push(rows.out.len() as u32);
        }
    }

    /// The emission scores of every token of `line` under `w` into `out` (inactive tokens:
    /// only `O`). The same scores as [`Features::extract`] and [`Weights::emit`] give, but a
    /// word's own and context rows are summed once per distinct word (in `cache`), so that a
    /// token costs a few cached vectors and the rows of its surroundings.
    pub(crate) fn emissions(
        &mut self,
        line: &Line<'_>,
        model: u64,
        w: &Weights,
        cache: &mut WordCache,
        out: &mut Vec<[f32; TAGS]>,
    ) {
        self.activate(line);
        cache.prepare(model, w);
        let tokens = line.folded.tokens();
        let n = tokens.len();
        // The cache entry of each token within two of an active one.
        let slots = &mut self.slots;
        slots.clear();
        slots.resize(n, u32::MAX);
        let hashes = &mut self.hashes;
        hashes.clear();
        hashes.resize(n, None);
        for i in (0..n).filter(|&i| self.active[i]) {
            for h in &mut hashes[i.saturating_sub(2)..(i + 3).min(n)] {
                *h = Some(0);
            }
        }
        // Looked up in three passes over the line, each fetching ahead what the next reads
        // (the index's slots, then the entries), so that the tokens' cache misses overlap.
        for (j, h) in hashes.iter_mut().enumerate() {
            if h.is_some() {
                let x = WordCache::hash(word_text(line, j));
                cache.fetch_slot(x);
                *h = Some(x);
            }
        }
        // The rows of the tokens' surroundings, while the index's slots come; their own
        // slots fetched while the words are looked up (the weight table is megabytes).
        self.rows.clear();
        self.ends.clear();
        let mut sentence = Sentence::new(line);
        let mut rows = Rows { bits: w.bits, out: &mut self.rows };
        for i in 0..n {
            sentence.advance(line, i);
            if self.active[i] {
                around(&mut rows, line, i, &mut sentence);
            }
            self.ends.push(rows.out.len() as u32);
        }
        for &r in &self.rows {
            w.fetch(r as usize);
        }
        for h in hashes.iter().flatten() {
            cache.fetch_entry(*h);
        }
        for (j, h) in hashes.iter().enumerate() {
            if let Some(x) = *h {
                slots[j] = cache.slot(w, line, j, x);
            }
        }
        out.clear();
        for i in 0..n {
            if !self.active[i] {
                let mut e = [f32::NEG_INFINITY; TAGS];
                e[0] = 0.0;
                out.push(e);
                continue;
            }
            let mut e = cache.vector(self.slots[i], 0);
            for (k, d) in OFFSETS.iter().enumerate() {
                let v = match i.checked_add_signed(*d).filter(|&j| j < n) {
                    Some(j) => cache.vector(self.slots[j], 1 + k),
                    None => cache.edges[k],
                };
                add(&mut e, &v);
            }
            let mut rest = [0.0; TAGS];
            w.emit(self.rows(i), &mut rest);
            add(&mut e, &rest);
            out.push(e);
        }
    }
}

fn add(e: &mut [f32; TAGS], v: &[f32; TAGS]) {
    for (a, b) in e.iter_mut().zip(v) {
        *a += b;
    }
}

/// The offsets of the context words, in feature order (the `WORD` feature's sub-kind is
/// the offset plus 2).
const OFFSETS: [isize; 4] = [-2, -1, 1, 2];

fn span(line: &Line<'_>, t: &Token) -> (usize, usize) {
    (line.offset + t.s as usize, line.offset + t.e as usize)
}

/// Bytes of token `i`'s folded form (the folded line is UTF-8 by construction, and
/// features hash bytes).
fn folded<'l>(line: &Line<'l>, i: usize) -> &'l [u8] {
    let t = &line.folded.tokens()[i];
    line.folded.bytes(t.fs, t.fe)
}

/// The rows of what token `i` is by itself: the bias, its forms, affixes, shape, length
/// and word classes. They depend on the token's text alone.
fn own(rows: &mut Rows<'_>, line: &Line<'_>, i: usize) {
    let t = &line.folded.tokens()[i];
    let w = folded(line, i);
    rows.small(kind::BIAS, &[]);
    rows.bytes(kind::FOLD, 0, w);
    // The lower-case form: a word that starts with a small letter is taken as
    // written (it is lower-case but for rare mixed forms such as `iPhone`).
    let original = &line.text[t.s as usize..t.e as usize];
    if t.shape & shape::SMALL != 0 {
        rows.bytes(kind::LOWER, 0, original.as_bytes());
    } else {
        let mut h = Rows::hasher(kind::LOWER);
        for c in original.chars().flat_map(char::to_lowercase) {
            h.write_u32(c as u32);
        }
        rows.push(h);
    }
    // Ends of the first four characters, starts of the last four (a character
    // starts at every byte that is not a UTF-8 continuation byte).
    let starts = |b: &(usize, &u8)| *b.1 & 0xC0 != 0x80;
    let ends = w.iter().enumerate().skip(1).filter(starts).map(|(b, _)| b).chain([w.len()]).take(4);
    for (k, end) in ends.enumerate() {
        rows.bytes(kind::PREFIX, k as u8, &w[..end]);
    }
    for (k, (start, _)) in w.iter().enumerate().rev().filter(starts).take(4).enumerate() {
        rows.bytes(kind::SUFFIX, k as u8, &w[start..]);
    }
    let chars = crate::text::span::char_count(w);
    rows.small(kind::SHAPE, &[u64::from(t.shape)]);
    rows.small(kind::LEN, &[chars.min(8) as u64]);
    let mut c = line.words[i].classes;
    while c != 0 {
        rows.small(kind::CLASS, &[u64::from(c.trailing_zeros())]);
        c &= c - 1;
    }
}

/// The rows token `j` gives the token at `-OFFSETS[k]` from it: its folded form, and at
/// ±1 its shape and word classes. They too depend on the token's text alone.
fn context(rows: &mut Rows<'_>, line: &Line<'_>, j: usize, k: usize) {
    let d = OFFSETS[k];
    let sub = (d + 2) as u8;
    rows.bytes(kind::WORD, sub, folded(line, j));
    if d.abs() == 1 {
        rows.small(kind::NEAR_SHAPE, &[sub as u64, u64::from(line.folded.tokens()[j].shape)]);
        let mut c = line.words[j].classes;
        while c != 0 {
            rows.small(kind::NEAR_CLASS, &[sub as u64, u64::from(c.trailing_zeros())]);
            c &= c - 1;
        }
    }
}

/// The row of the line's edge at offset `OFFSETS[k]`.
fn edge(rows: &mut Rows<'_>, k: usize) {
    rows.bytes(kind::WORD, (OFFSETS[k] + 2) as u8, b"\x00edge");
}

/// Where the current sentence starts, the walk over the line's mentions, and what the
/// line is about.
struct Sentence {
    start: usize,
    hits: usize,
    mentions: usize,
    topic: Topic,
}

/// What a line is about, by its words' classes: a sports report (its sports words, a
/// `SPORT_STRONG` one counting twice, up to two), banking, space. The earlier stages read
/// a country as its team, a planet's name as the planet, only when their own threshold is
/// met; with the topic the model learns how far to trust a name's usual label in such a line.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Topic {
    sport: u8,
    bank: bool,
    space: bool,
}

impl Topic {
    fn of(words: &[Word]) -> Topic {
        let (mut sport, mut all) = (0u8, 0u64);
        for w in words {
            all |= w.classes;
            if w.classes & class::SPORT != 0 {
                sport = sport.saturating_add(if w.classes & class::SPORT_STRONG != 0 { 2 } else { 1 });
            }
        }
        Topic { sport: sport.min(2), bank: all & class::BANK_CONTEXT != 0, space: all & class::SPACE != 0 }
    }
}

impl Sentence {
    fn new(line: &Line<'_>) -> Sentence {
        Sentence { start: 0, hits: 0, mentions: 0, topic: Topic::of(line.words) }
    }

    /// Moves to token `i` (called for every token in order).
    #[inline]
    fn advance(&mut self, line: &Line<'_>, i: usize) {
        if i > 0 && ends_sentence(folded(line, i - 1)) {
            self.start = i;
        }
    }
}

/// The label of a mention for a feature, 255 for none.
fn label_of(m: Option<&Mention>) -> u64 {
    m.map_or(255, |m| m.label as u64)
}

/// The rows of token `i` that depend on more than one token's text: its position in the
/// sentence, the previous word with its shape, the earlier stages' hits and mentions, the
/// line's topic with their labels.
fn around(rows: &mut Rows<'_>, line: &Line<'_>, i: usize, at: &mut Sentence) {
    let t = &line.folded.tokens()[i];
    let (s, e) = span(line, t);
    rows.small(kind::POSITION, &[(i - at.start).min(3) as u64]);
    if i > 0 {
        let mut h = Rows::hasher(kind::PREV_WORD_SHAPE);
        h.write(folded(line, i - 1));
        h.write_u8(t.shape);
        rows.push(h);
    }
    let hit = covering(line.hits, &mut at.hits, s, e);
    let mention = covering(line.mentions, &mut at.mentions, s, e);
    let topic = at.topic;
    if topic != Topic::default() {
        let (h, m) = (label_of(hit), label_of(mention));
        let (sport, bank, space) = (u64::from(topic.sport), u64::from(topic.bank), u64::from(topic.space));
        rows.small(kind::TOPIC, &[sport, bank, space, h, m]);
        if topic.sport > 0 {
            // The sports clues with the gazetteer's label alone (9 sets the row apart from
            // the first, whose first value is at most 2).
            rows.small(kind::TOPIC, &[9, sport, h]);
        }
    }
    if let Some(m) = hit {
        let p = position(m, s, e);
        rows.small(kind::HIT, &[m.label as u64, p]);
        rows.bytes(kind::HIT_SOURCE, p as u8, source_name(&m.source).as_bytes());
        rows.small(kind::HIT_PRIORITY, &[m.label as u64, m.priority as u64]);
    }
    if let Some(m) = mention {
        let p = position(m, s, e);
        rows.small(kind::MENTION, &[m.label as u64, p]);
        let mut h = Rows::hasher(kind::MENTION_SOURCE);
        h.write(source_name(&m.source).as_bytes());
        h.write_u64(m.label as u64);
        h.write_u64(p);
        rows.push(h);
        rows.small(kind::MENTION_SHAPE, &[m.label as u64, p, u64::from(t.shape)]);
    }
}

/// The text of token `j` of `line`: the [`WordCache`]'s key.
fn word_text<'l>(line: &Line<'l>, j: usize) -> &'l [u8] {
    let t = &line.folded.tokens()[j];
    &line.text.as_bytes()[t.s as usize..t.e as usize]
}

/// Asks the processor for `x`'s cache line, for a read soon: independent fetches, unlike
/// a probe's chain of dependent reads, overlap their cache misses. A prefetch instruction
/// rather than a read, which would hold up the instructions after it until its line came.
#[inline(always)]
#[allow(unsafe_code)] // the crate's one `unsafe`: see the SAFETY note
pub(crate) fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint: it reads nothing the program sees and never faults;
    // SSE, which it needs, is part of every x86_64 processor.
    unsafe {
        use std::arch::x86_64::{_mm_prefetch, _MM_HINT_T0};
        _mm_prefetch::<_MM_HINT_T0>((x as *const T).cast());
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Most distinct words a [`WordCache`] holds before it starts afresh (256 bytes each).
const CACHE_WORDS: usize = 1 << 17;
/// Slots of the cache's index at first; it doubles to stay at most half full, so that
/// probes stay short (2^18 slots at most: 1 MB) and a small one stays in the cache.
const FIRST_SLOTS: usize = 1 << 12;
/// Bits of an index slot that hold `entry + 1` (up to [`CACHE_WORDS`]); the others hold
/// bits of the word's hash.
const ENTRY_BITS: u32 = 18;
/// Marks a token's entry as one of the line's [`WordCache::wide`] vectors.
const WIDE: u32 = 1 << 31;
/// Longest word text a [`WordCache`] entry keeps (what its sums leave of its four cache
/// lines): longer tokens (URLs, codes, 26 Greek letters and more) are rare.
const ENTRY_TEXT: usize = 51;

/// A cached word's vectors, each the exact integer sum of its rows' weights (the compact
/// table's steps): its own rows', and its context rows' at each of [`OFFSETS`], which
/// keep within 16 bits but for rare words (those are summed every time; the own rows'
/// sums mostly do not). Four cache lines instead of seven for `f32` vectors with the
/// text: a token reads its neighbours' entries, and news text has tens of thousands of
/// distinct words. The word's text is in the entry's last line, so that a lookup that
/// compares it reads no other memory than the entry it then uses.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(64))]
struct Entry {
    own: [i32; TAGS],
    context: [[i16; TAGS]; 4],
    /// Length of the word's text in `text`.
    len: u8,
    /// The word's text, its first `len` bytes.
    text: [u8; ENTRY_TEXT],
}
const _: () = assert!(std::mem::size_of::<Entry>() == 256);

/// Per distinct word (by its text in the line), the summed weights of its [`own`] rows and
/// of its [`context`] rows at each offset: news text repeats its words, so that most tokens
/// cost a hash lookup instead of some twenty hashed rows. Values do not depend on what
/// the cache held before, so output does not either. (A token's text decides its folded
/// form and shape, and so its vocabulary word classes: the text is the key.)
#[derive(Debug, Default)]
pub(crate) struct WordCache {
    /// The model the vectors are of ([`super::Model`]'s id; 0: none), to start afresh
    /// with another.
    model: u64,
    /// The weight of one integer step of that model's weights.
    scale: f32,
    /// Open-addressed: `hash tag << ENTRY_BITS | entry + 1` (0: empty), probed linearly.
    index: Vec<u32>,
    /// Entries in the index.
    indexed: usize,
    entries: Vec<Entry>,
    /// The current line's words whose sums do not fit an [`Entry`] (or weights that are
    /// not compact), as `f32` vectors: a token's entry `WIDE | k` is `wide[k]`.
    wide: Vec<[[f32; TAGS]; 5]>,
    /// The edge rows' weights at each offset.
    edges: [[f32; TAGS]; 4],
    rows: Vec<u32>,
}

impl WordCache {
    fn prepare(&mut self, model: u64, w: &Weights) {
        self.wide.clear();
        if self.model == model && self.entries.len() < CACHE_WORDS {
            return;
        }
        if self.model != model {
            self.model = model;
            self.scale = w.scale;
            for k in 0..OFFSETS.len() {
                self.rows.clear();
                edge(&mut Rows { bits: w.bits, out: &mut self.rows }, k);
                w.emit(&self.rows, &mut self.edges[k]);
            }
        }
        self.index.clear();
        self.index.resize(FIRST_SLOTS, 0);
        self.indexed = 0;
        self.entries.clear();
        // Reserved once (untouched pages cost no memory).
        self.entries.reserve_exact(CACHE_WORDS);
    }

    /// Vector `v` (0: own, `1 + k`: context at `OFFSETS[k]`) of a token's entry `k`: the
    /// value [`Weights::emit`] gives for the rows it sums.
    #[inline]
    fn vector(&self, k: u32, v: usize) -> [f32; TAGS] {
        if k & WIDE != 0 {
            return self.wide[(k & !WIDE) as usize][v];
        }
        let e = &self.entries[k as usize];
        match v.checked_sub(1) {
            None => e.own.map(|a| a as f32 * self.scale),
            Some(c) => e.context[c].map(|a| f32::from(a) * self.scale),
        }
    }

    /// The text of entry `k`.
    #[inline]
    fn text(&self, k: usize) -> &[u8] {
        let e = &self.entries[k];
        &e.text[..usize::from(e.len)]
    }

    /// The cache's hash of a word's text.
    fn hash(text: &[u8]) -> u64 {
        let mut h = FxHasher::default();
        h.write(text);
        h.finish().wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    /// The index slot where a word of hash `x` is looked for first.
    #[inline]
    fn home(&self, x: u64) -> usize {
        (x >> 32) as usize & self.index.len().wrapping_sub(1)
    }

    /// The tag of hash `x` in an index slot.
    #[inline]
    fn tag(x: u64) -> u32 {
        (x as u32) << ENTRY_BITS
    }

    /// Asks the processor for the index slot of hash `x` (a hint: no effect on results).
    #[inline]
    fn fetch_slot(&self, x: u64) {
        if let Some(s) = self.index.get(self.home(x)) {
            prefetch(s);
        }
    }

    /// Asks the processor for the entry in the index slot of hash `x`, if any.
    #[inline]
    fn fetch_entry(&self, x: u64) {
        let k = self.index.get(self.home(x)).map_or(0, |&s| s & ((1 << ENTRY_BITS) - 1));
        if let Some(e) = k.checked_sub(1).and_then(|k| self.entries.get(k as usize)) {
            // One read in each of its four cache lines.
            prefetch(&e.own[0]);
            prefetch(&e.own[16]);
            prefetch(&e.context[2][0]);
            prefetch(&e.context[3][16]);
        }
    }

    /// The entry of token `j` of `line` (its text's hash `x`), computed if new.
    fn slot(&mut self, w: &Weights, line: &Line<'_>, j: usize, x: u64) -> u32 {
        let text = word_text(line, j);
        let mut free = None;
        // At most half the index is taken, so a probe ends; a line with more new words
        // than that gets entries no lookup finds.
        if text.len() <= ENTRY_TEXT && self.entries.len() < CACHE_WORDS {
            let (tag, low) = (Self::tag(x), (1u32 << ENTRY_BITS) - 1);
            let mask = self.index.len() - 1;
            let mut i = self.home(x);
            loop {
                let s = self.index[i];
                if s == 0 {
                    free = Some(i);
                    break;
                }
                if s & !low == tag {
                    let k = (s & low).wrapping_sub(1);
                    if self.text(k as usize) == text {
                        return k;
                    }
                }
                i = (i + 1) & mask;
            }
        }
        let bits = w.bits;
        // Each group's rows once: their exact sums (a compact table), or their weights
        // (dense, as in training).
        let (mut sums, mut v) = ([[0i32; TAGS]; 5], [[0.0; TAGS]; 5]);
        let mut fits = true;
        for (g, (s, v)) in sums.iter_mut().zip(&mut v).enumerate() {
            self.rows.clear();
            let mut rows = Rows { bits, out: &mut self.rows };
            match g.checked_sub(1) {
                None => own(&mut rows, line, j),
                Some(k) => context(&mut rows, line, j, k),
            }
            if !w.sums(&self.rows, s) {
                fits = false;
                w.emit(&self.rows, v);
            }
        }
        let narrow = |s: &[i32; TAGS]| s.iter().all(|&x| i16::try_from(x).is_ok());
        if !fits || text.len() > ENTRY_TEXT || !sums[1..].iter().all(narrow) {
            // Summed again wherever the word comes.
            if fits {
                for (v, s) in v.iter_mut().zip(&sums) {
                    *v = s.map(|a| a as f32 * w.scale);
                }
            }
            self.wide.push(v);
            return WIDE | (self.wide.len() - 1) as u32;
        }
        let mut e = Entry {
            own: sums[0],
            context: [1, 2, 3, 4].map(|v| sums[v].map(|x| x as i16)),
            len: text.len() as u8,
            text: [0; ENTRY_TEXT],
        };
        e.text[..text.len()].copy_from_slice(text);
        let k = self.entries.len() as u32;
        self.entries.push(e);
        if let Some(mut i) = free {
            if 2 * (self.indexed + 1) > self.index.len() {
                self.grow();
                i = self.home(x);
                while self.index[i] != 0 {
                    i = (i + 1) & (self.index.len() - 1);
                }
            }
            self.index[i] = Self::tag(x) | (k + 1);
            self.indexed += 1;
        }
        k
    }

    /// Doubles the index, its entries placed anew by their texts' hashes.
    fn grow(&mut self) {
        let len = 2 * self.index.len();
        self.index.clear();
        self.index.resize(len, 0);
        for k in 0..self.entries.len() {
            let x = Self::hash(self.text(k));
            let mut i = self.home(x);
            while self.index[i] != 0 {
                i = (i + 1) & (len - 1);
            }
            self.index[i] = Self::tag(x) | (k as u32 + 1);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::test_rng::Rng;
    use crate::text::vocab::NO_TOKEN;
    use crate::Label;

    fn mention(text: &str, part: &str, label: Label, source: Source) -> Mention {
        let start = text.find(part).expect("part of the text");
        Mention { source, priority: 3, ..Mention::test(start, start + part.len(), label) }
    }

    /// A line's topic: its sports words (a strong one counting twice, up to two), and
    /// whether it has words of banking or of space.
    #[test]
    fn topics_of_lines() {
        let (sport, strong) = (class::SPORT, class::SPORT | class::SPORT_STRONG);
        let (bank, space, title) = (class::BANK_CONTEXT, class::SPACE, class::TITLE);
        let none = Topic::default();
        let cases: &[(&[u64], Topic)] = &[
            (&[], none),
            (&[0, title, 0], none),
            (&[sport], Topic { sport: 1, ..none }),
            (&[sport, 0, sport], Topic { sport: 2, ..none }),
            (&[strong], Topic { sport: 2, ..none }),
            (&[strong, sport, strong], Topic { sport: 2, ..none }),
            (&[bank, 0], Topic { bank: true, ..none }),
            (&[space | title, sport], Topic { sport: 1, space: true, ..none }),
        ];
        for &(classes, want) in cases {
            let words: Vec<Word> =
                classes.iter().map(|&classes| Word { token: NO_TOKEN, start: 0, classes }).collect();
            assert_eq!(Topic::of(&words), want, "{classes:?}");
        }
    }

    /// The cached emissions are the plain ones (each token's rows summed), on lines with
    /// repeated words, edges, sentence ends, hits and mentions, whether the cache is new or
    /// already holds the words.
    #[test]
    fn cached_emissions_are_the_sums_of_the_rows() {
        let gaz = || Source::Gazetteer { gazetteer: "places".into(), line: 7 };
        // (text, marked spans: (text, label, a gazetteer hit rather than a rule's mention))
        type Marked<'a> = &'a [(&'a str, Label, bool)];
        let cases: &[(&str, Marked<'_>)] = &[
            (
                "Ο Κώστας Παπαδόπουλος μίλησε στην Πάτρα.",
                &[("Πάτρα", Label::Loc, true), ("Κώστας Παπαδόπουλος", Label::Per, false)],
            ),
            ("Πάτρα", &[("Πάτρα", Label::Loc, true)]),
            ("στην Πάτρα και στην Πάτρα. Η ΔΕΗ είπε: ναι στην Πάτρα", &[("ΔΕΗ", Label::Org, false)]),
            ("όλα πεζά εδώ, χωρίς τίποτα", &[]),
            (
                "Στα ημιτελικά πέρασε η Κροατία, η Ρωσία αποκλείστηκε",
                &[("Κροατία", Label::Loc, true), ("Ρωσία", Label::Loc, true), ("Ρωσία", Label::Org, false)],
            ),
            // A word one byte longer than an entry holds and one that just fits, twice each.
            (
                "Η ΑβγδεζηθικλμνξοπρστυφχψωΑβ και η ΑβγδεζηθικλμνξοπρστυφχψωΑβ, \
                 η ΑβγδεζηθικλμνξοπρστυφχψωΑx και η ΑβγδεζηθικλμνξοπρστυφχψωΑx",
                &[],
            ),
            ("", &[]),
        ];
        let mut rng = Rng::new();
        let bits = 10;
        let mut random = || {
            let mut w = Weights::zero(bits);
            for x in w.table.iter_mut().chain(w.trans.iter_mut()) {
                *x = rng.below(2001) as f32 / 100.0 - 10.0;
            }
            w
        };
        // Dense weights, the same compact (rounded: another model; its context sums mostly
        // beyond 16 bits), another model's, and compact weights whose context sums mostly
        // fit an entry, through one cache: a cache filled for one model is not used for
        // another.
        let (w, other) = (random(), random());
        let narrow = small_steps(bits, &mut rng, true);
        let mut cache = WordCache::default();
        // Lookups by model and path (an entry, a wide vector).
        let mut paths = [[0; 2]; 5];
        for (model, weights) in [(1, w.clone()), (2, w.compact()), (3, other), (4, narrow)] {
            for round in 0..2 {
                for &(text, marked) in cases {
                    let mut folded = FoldedLine::default();
                    folded.fold_and_split(text);
                    let n = folded.tokens().len();
                    // Word classes are the vocabulary's, of the folded word.
                    // Long words count as sports words: some lines have a topic.
                    let class = |t: &Token| {
                        let b = folded.bytes(t.fs, t.fe);
                        let sport = if b.len() > 12 { class::SPORT } else { 0 };
                        (b.iter().map(|&b| u64::from(b)).sum::<u64>() % 5) | sport
                    };
                    let words: Vec<Word> = folded
                        .tokens()
                        .iter()
                        .map(|t| Word { token: NO_TOKEN, start: 0, classes: class(t) })
                        .collect();
                    let of = |hit: bool| -> Vec<Mention> {
                        let mut ms: Vec<Mention> = marked
                            .iter()
                            .filter(|m| m.2 == hit)
                            .map(|&(p, l, _)| {
                                mention(text, p, l, if hit { gaz() } else { Source::Rule("title") })
                            })
                            .collect();
                        ms.sort_by_key(|m| m.start);
                        ms
                    };
                    let (hits, mentions) = (of(true), of(false));
                    let line = Line {
                        text,
                        offset: 0,
                        folded: &folded,
                        words: &words,
                        hits: &hits,
                        mentions: &mentions,
                    };
                    let mut plain = Features::default();
                    plain.extract(&line, bits);
                    let mut fast = Features::default();
                    let mut out = Vec::new();
                    fast.emissions(&line, model, &weights, &mut cache, &mut out);
                    assert_eq!(out.len(), n, "{text}");
                    for (i, e) in out.iter().enumerate() {
                        let want = expected(&line, i, bits, &plain, &fast, &weights);
                        assert_eq!(
                            e.map(f32::to_bits),
                            want.map(f32::to_bits),
                            "model {model} round {round}, {text:?} token {i}: {e:?} vs {want:?}"
                        );
                    }
                    // Which path each looked-up word took: a word longer than an entry
                    // keeps is summed every time.
                    for (j, &k) in fast.slots.iter().enumerate().filter(|(_, &k)| k != u32::MAX) {
                        let long = word_text(&line, j).len() > ENTRY_TEXT;
                        assert!(!long || k & WIDE != 0, "{text:?} token {j}");
                        paths[model as usize][usize::from(k & WIDE != 0)] += 1;
                    }
                }
            }
        }
        // Dense weights' words are all wide; the narrow model's mostly fit an entry.
        assert!(paths[1][0] == 0 && paths[1][1] > 0, "{paths:?}");
        assert!(paths[4][0] > paths[4][1] && paths[4][1] > 0, "{paths:?}");
    }

    /// The emission scores [`Features::emissions`] must give token `i` of `line`, by
    /// [`Weights::emit`]: `plain`'s rows (of [`Features::extract`]) are the own rows, each
    /// offset's context (or edge) rows and the surroundings' (`fast`'s, after
    /// `emissions`), in that order; summed in the same groups and order as the cache sums
    /// them, the same bits.
    fn expected(
        line: &Line<'_>,
        i: usize,
        bits: u32,
        plain: &Features,
        fast: &Features,
        w: &Weights,
    ) -> [f32; TAGS] {
        let mut want = [f32::NEG_INFINITY; TAGS];
        want[0] = 0.0;
        if !plain.active[i] {
            return want;
        }
        let n = line.folded.tokens().len();
        let mut parts = Vec::new();
        let mut group = |f: &dyn Fn(&mut Rows<'_>)| {
            let mut out = Vec::new();
            f(&mut Rows { bits, out: &mut out });
            parts.push(out);
        };
        group(&|r| own(r, line, i));
        for (k, d) in OFFSETS.iter().enumerate() {
            match i.checked_add_signed(*d).filter(|&j| j < n) {
                Some(j) => group(&|r| context(r, line, j, k)),
                None => group(&|r| edge(r, k)),
            }
        }
        parts.push(fast.rows(i).to_vec());
        assert_eq!(plain.rows(i), parts.concat(), "{:?} token {i}", line.text);
        want = [0.0; TAGS];
        for part in &parts {
            let mut v = [0.0; TAGS];
            w.emit(part, &mut v);
            add(&mut want, &v);
        }
        want
    }

    /// Compact weights, every row, of steps up to ±1,000, and with `big`, up to ±30,000
    /// for one row in four: most words' context sums fit a cache entry, some do not.
    fn small_steps(bits: u32, rng: &mut Rng, big: bool) -> Weights {
        let rows: Vec<(usize, [i16; TAGS])> = (0..1usize << bits)
            .map(|r| {
                let big = big && rng.below(4) == 0;
                let m = if big { 30_000 } else { 1_000 };
                (r, std::array::from_fn(|_| (rng.below(2 * m + 1) as i32 - m as i32) as i16))
            })
            .collect();
        let trans = (0..(TAGS + 1) * TAGS).map(|_| rng.below(201) as f32 / 10.0 - 10.0).collect();
        Weights::from_quantized(bits, trans, 0.01, rows.len(), rows.into_iter())
    }

    /// A cache whose index doubles while lines come (more distinct words than its first
    /// slots hold) still finds every word, and gives the plain sums.
    #[test]
    fn cache_grows() {
        let bits = 12;
        let w = small_steps(bits, &mut Rng::new(), false);
        let lines: Vec<String> =
            (0..12).map(|l| (0..400).map(|k| format!("Λέξη{l}x{k}")).collect::<Vec<_>>().join(" ")).collect();
        let mut cache = WordCache::default();
        for round in 0..2 {
            for text in &lines {
                let mut folded = FoldedLine::default();
                folded.fold_and_split(text);
                let words = vec![Word { token: NO_TOKEN, start: 0, classes: 0 }; folded.tokens().len()];
                let line = Line { text, offset: 0, folded: &folded, words: &words, hits: &[], mentions: &[] };
                let mut plain = Features::default();
                plain.extract(&line, bits);
                let mut out = Vec::new();
                let mut fast = Features::default();
                fast.emissions(&line, 1, &w, &mut cache, &mut out);
                for (i, e) in out.iter().enumerate() {
                    let want = expected(&line, i, bits, &plain, &fast, &w);
                    assert_eq!(e.map(f32::to_bits), want.map(f32::to_bits), "round {round} token {i}");
                }
            }
            // Every word once, in an index grown to keep at most half its slots taken.
            assert_eq!(cache.entries.len(), 12 * 400, "round {round}");
            assert_eq!(cache.indexed, 12 * 400);
            assert!(cache.index.len() >= 2 * 12 * 400 && cache.index.len() > FIRST_SLOTS);
        }
    }
}
