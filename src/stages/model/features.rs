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
//! * with the shape, the label of the earlier stages' mention.

use std::hash::Hasher;

use crate::fxhash::FxHasher;
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
        name.split(':').next().unwrap_or(name)
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

    /// The features of every token of `line`, hashed into `2^bits` rows.
    pub(crate) fn extract(&mut self, line: &Line<'_>, bits: u32) {
        let tokens = line.folded.tokens();
        let n = tokens.len();
        self.rows.clear();
        self.ends.clear();
        self.active.clear();
        // Anchors: capitalised words and tokens the earlier stages put in a mention.
        let anchor = &mut self.anchor;
        anchor.clear();
        anchor.resize(n, false);
        let (mut hi, mut mi) = (0, 0);
        let span = |t: &Token| (line.offset + t.s as usize, line.offset + t.e as usize);
        for (i, t) in tokens.iter().enumerate() {
            let (s, e) = span(t);
            anchor[i] = is_capitalised(t)
                || covering(line.hits, &mut hi, s, e).is_some()
                || covering(line.mentions, &mut mi, s, e).is_some();
        }
        for i in 0..n {
            let near = anchor[i.saturating_sub(1)..(i + 2).min(n)].iter().any(|&a| a);
            self.active.push(near);
        }
        // (Bytes: the folded line is UTF-8 by construction, and features hash bytes.)
        let folded = |i: usize| line.folded.bytes(tokens[i].fs, tokens[i].fe);
        let (mut hi, mut mi) = (0, 0);
        let mut sentence_start = 0;
        let mut rows = Rows { bits, out: &mut self.rows };
        for (i, t) in tokens.iter().enumerate() {
            if i > 0 && ends_sentence(folded(i - 1)) {
                sentence_start = i;
            }
            if !self.active[i] {
                self.ends.push(rows.out.len() as u32);
                continue;
            }
            let w = folded(i);
            let (s, e) = span(t);
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
            let chars = w.iter().filter(|&&b| b & 0xC0 != 0x80).count();
            rows.small(kind::SHAPE, &[u64::from(t.shape)]);
            rows.small(kind::LEN, &[chars.min(8) as u64]);
            rows.small(kind::POSITION, &[(i - sentence_start).min(3) as u64]);
            for d in [-2i64, -1, 1, 2] {
                let j = i as i64 + d;
                let sub = (d + 2) as u8;
                if j < 0 || j >= n as i64 {
                    rows.bytes(kind::WORD, sub, b"\x00edge");
                    continue;
                }
                let j = j as usize;
                rows.bytes(kind::WORD, sub, folded(j));
                if d.abs() == 1 {
                    rows.small(kind::NEAR_SHAPE, &[sub as u64, u64::from(tokens[j].shape)]);
                    let mut c = line.words[j].classes;
                    while c != 0 {
                        rows.small(kind::NEAR_CLASS, &[sub as u64, u64::from(c.trailing_zeros())]);
                        c &= c - 1;
                    }
                }
            }
            if i > 0 {
                let mut h = Rows::hasher(kind::PREV_WORD_SHAPE);
                h.write(folded(i - 1));
                h.write_u8(t.shape);
                rows.push(h);
            }
            let mut c = line.words[i].classes;
            while c != 0 {
                rows.small(kind::CLASS, &[u64::from(c.trailing_zeros())]);
                c &= c - 1;
            }
            if let Some(m) = covering(line.hits, &mut hi, s, e) {
                let p = position(m, s, e);
                rows.small(kind::HIT, &[m.label as u64, p]);
                rows.bytes(kind::HIT_SOURCE, p as u8, source_name(&m.source).as_bytes());
                rows.small(kind::HIT_PRIORITY, &[m.label as u64, m.priority as u64]);
            }
            if let Some(m) = covering(line.mentions, &mut mi, s, e) {
                let p = position(m, s, e);
                rows.small(kind::MENTION, &[m.label as u64, p]);
                let mut h = Rows::hasher(kind::MENTION_SOURCE);
                h.write(source_name(&m.source).as_bytes());
                h.write_u64(m.label as u64);
                h.write_u64(p);
                rows.push(h);
                rows.small(kind::MENTION_SHAPE, &[m.label as u64, p, u64::from(t.shape)]);
            }
            self.ends.push(rows.out.len() as u32);
        }
    }
}
