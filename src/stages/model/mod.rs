//! Stage 4 (optional): a trained linear sequence model that makes the final decision on the
//! tokens around capitalised words and candidate mentions.
//!
//! An averaged structured perceptron over BIO tags of PER, LOC, ORG and MISC (MISC is
//! learned so that what a corpus calls MISC stops coming out as an entity; it is never
//! reported), decoded by Viterbi under the BIO constraints (an `I-X` only after `B-X` or
//! `I-X`). Its features ([`features`]) are the token's own form, affixes and shape, the
//! words around it, the lexicon's word classes, and, the strongest, what the earlier
//! stages said: the gazetteer hits and the rule stage's (and learned adaptation's)
//! mentions covering it. So the model learns when to trust a list or a rule, and the
//! contexts that new names appear in.
//!
//! Only *active* tokens are scored (see [`features::Features::active`]): those within one
//! token of a capitalised word or of a mention of the earlier stages. The others are `O`,
//! which keeps the stage cheap on running text.
//!
//! Training is in `crate::learn::train`; the file format in [`io`].

mod codec;
pub(crate) mod features;
pub(crate) mod file;
pub(crate) mod io;

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;

use crate::stages::mention::Mention;
use crate::text::normalize::Token;
use crate::{Label, Source};

/// Entity types the model tags: PER, LOC, ORG and MISC (never reported).
pub(crate) const TYPES: usize = 4;
/// Tags: `O`, then `B-X`, `I-X` for each type X, in [`TYPES`] order.
pub(crate) const TAGS: usize = 1 + 2 * TYPES;
/// Index of type MISC.
pub(crate) const MISC: usize = 3;

/// The tag `B-X` (`inside`: `I-X`) of type index `t`.
#[inline]
pub(crate) fn tag(t: usize, inside: bool) -> usize {
    1 + 2 * t + usize::from(inside)
}

/// Type index of a tag other than `O`.
#[inline]
pub(crate) fn type_of(tag: usize) -> usize {
    (tag - 1) / 2
}

/// Whether tag `tag` is an `I-X`.
#[inline]
pub(crate) fn is_inside(tag: usize) -> bool {
    tag != 0 && (tag - 1) % 2 == 1
}

/// Whether `next` may follow `prev` (`None`: the start of a line).
#[inline]
pub(crate) fn allowed(prev: Option<usize>, next: usize) -> bool {
    if !is_inside(next) {
        return true;
    }
    matches!(prev, Some(p) if p != 0 && type_of(p) == type_of(next))
}

/// The weights: `TAGS` emission weights per hashed feature row, and the transition
/// weights. Training updates a dense table of `f32`; a trained model keeps its rows as
/// 16-bit integers (steps of one `scale` for the whole model), only those not all zero (a
/// few percent), in an open-addressed table whose 32-byte slots hold a row's key and its
/// weights: a probe that finds a row costs one cache line, and the table half the memory
/// of `f32` rows with a separate index.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Weights {
    /// log2 of the number of feature rows.
    pub bits: u32,
    /// Dense: `table[row * TAGS + tag]` (training); empty once compact.
    pub table: Vec<f32>,
    /// Compact: a power of two of slots, a row in the first free one from `row & (len - 1)`
    /// on (rows are hash bits already).
    pub slots: Vec<Slot>,
    /// Compact: the weight of one integer step.
    pub scale: f32,
    /// `trans[prev * TAGS + next]`; row [`TAGS`] is the start of a line.
    pub trans: Vec<f32>,
}

/// A compact weight row: its key (`row + 1`; 0: an empty slot) and its integer weights.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
#[repr(C, align(32))]
pub(crate) struct Slot {
    pub key: u32,
    pub w: [i16; TAGS],
}

/// Largest integer weight of a compact row: the largest weight's magnitude.
const STEPS: f32 = i16::MAX as f32;
/// A compact table drops the rows whose weights are all at most this many steps (1% of
/// the largest) from 0: on elNER, 45% of the rows, the same F1 on dev (91.01), a table
/// half the size.
const NEGLIGIBLE: i16 = i16::MAX / 100;

impl Weights {
    /// Zero weights with `2^bits` feature rows, dense.
    pub(crate) fn zero(bits: u32) -> Weights {
        Weights {
            bits,
            table: vec![0.0; (1usize << bits) * TAGS],
            slots: Vec::new(),
            scale: 1.0,
            trans: vec![0.0; (TAGS + 1) * TAGS],
        }
    }

    /// The slot of compact row `r`, `None` for a row of zeros.
    #[inline]
    fn slot(&self, r: usize) -> Option<&Slot> {
        let mask = self.slots.len() - 1;
        let key = r as u32 + 1;
        let mut i = r & mask;
        loop {
            let s = &self.slots[i];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = (i + 1) & mask;
        }
    }

    /// The weights of feature row `r` (zeros for a row a compact table does not hold).
    #[cfg(test)]
    pub(crate) fn row(&self, r: usize) -> [f32; TAGS] {
        if self.slots.is_empty() {
            return self.table[r * TAGS..(r + 1) * TAGS].try_into().expect("TAGS weights");
        }
        let mut out = [0.0; TAGS];
        if let Some(s) = self.slot(r) {
            for (o, &q) in out.iter_mut().zip(&s.w) {
                *o = f32::from(q) * self.scale;
            }
        }
        out
    }

    /// The compact rows in ascending row order: `(row, integer weights)`.
    pub(crate) fn quantized(&self) -> Vec<(u32, [i16; TAGS])> {
        let mut rows: Vec<(u32, [i16; TAGS])> =
            self.slots.iter().filter(|s| s.key != 0).map(|s| (s.key - 1, s.w)).collect();
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    /// Has the slot where row `r` is looked for first fetched (a hint: see
    /// [`features::prefetch`]); a row found there is in the same cache line.
    #[inline]
    pub(crate) fn fetch(&self, r: usize) {
        if let Some(s) = self.slots.get(r & self.slots.len().wrapping_sub(1)) {
            features::prefetch(&s.key);
        }
    }

    /// Compact weights from integer rows (`(row, weights)`, rows below `2^bits`, each
    /// once, `n` of them) and the weight of one step.
    pub(crate) fn from_quantized(
        bits: u32,
        trans: Vec<f32>,
        scale: f32,
        n: usize,
        rows: impl Iterator<Item = (usize, [i16; TAGS])>,
    ) -> Weights {
        // At most three slots in four taken, at least one empty.
        let len = (n * 4 / 3 + 1).next_power_of_two();
        let mut slots = vec![Slot::default(); len];
        for (r, w) in rows {
            let mut i = r & (len - 1);
            while slots[i].key != 0 {
                i = (i + 1) & (len - 1);
            }
            slots[i] = Slot { key: r as u32 + 1, w };
        }
        Weights { bits, table: Vec::new(), slots, scale, trans }
    }

    /// The same weights, compact: each rounded to the nearest step of the largest
    /// magnitude over [`STEPS`], the rows with no weight beyond [`NEGLIGIBLE`] dropped.
    pub(crate) fn compact(self) -> Weights {
        if self.table.is_empty() {
            return self;
        }
        let max = self.table.iter().fold(0.0f32, |m, &x| m.max(x.abs()));
        let scale = if max > 0.0 { max / STEPS } else { 1.0 };
        let rows: Vec<(usize, [i16; TAGS])> = self
            .table
            .chunks_exact(TAGS)
            .enumerate()
            .map(|(r, w)| (r, std::array::from_fn(|t| (w[t] / scale).round().clamp(-STEPS, STEPS) as i16)))
            .filter(|(_, q): &(usize, [i16; TAGS])| q.iter().any(|&x| x.unsigned_abs() > NEGLIGIBLE as u16))
            .collect();
        Weights::from_quantized(self.bits, self.trans, scale, rows.len(), rows.into_iter())
    }

    /// The emission scores of a token with feature rows `rows`. A compact table's integers
    /// are summed exactly, then scaled once.
    #[inline]
    pub(crate) fn emit(&self, rows: &[u32], out: &mut [f32; TAGS]) {
        if self.slots.is_empty() {
            *out = [0.0; TAGS];
            for &r in rows {
                let r = r as usize;
                for (o, x) in out.iter_mut().zip(&self.table[r * TAGS..(r + 1) * TAGS]) {
                    *o += x;
                }
            }
            return;
        }
        let mut sum = [0i32; TAGS];
        for &r in rows {
            if let Some(s) = self.slot(r as usize) {
                for (a, &q) in sum.iter_mut().zip(&s.w) {
                    *a += i32::from(q);
                }
            }
        }
        for (o, a) in out.iter_mut().zip(sum) {
            *o = a as f32 * self.scale;
        }
    }
}

/// Viterbi buffers, reused across lines.
#[derive(Default, Debug)]
pub(crate) struct Decoder {
    emit: Vec<[f32; TAGS]>,
    alpha: Vec<[f32; TAGS]>,
    back: Vec<[u8; TAGS]>,
    beta: Vec<[f32; TAGS]>,
    /// The best tags, one per token.
    pub tags: Vec<usize>,
}

/// Score of a tag that may not be used.
const NEVER: f32 = f32::NEG_INFINITY;

impl Decoder {
    /// Decodes the tokens of `f` with `w`: the best tag sequence under the BIO constraints
    /// into `self.tags` (inactive tokens are `O`).
    pub(crate) fn decode(&mut self, w: &Weights, f: &features::Features) {
        let n = f.len();
        self.emit.clear();
        for i in 0..n {
            let mut e = [0.0; TAGS];
            if f.active[i] {
                w.emit(f.rows(i), &mut e);
            } else {
                e = [NEVER; TAGS];
                e[0] = 0.0;
            }
            self.emit.push(e);
        }
        self.viterbi(w);
    }

    /// Decodes the emission scores in `self.emit` (see [`Decoder::decode`]).
    fn viterbi(&mut self, w: &Weights) {
        let n = self.emit.len();
        self.alpha.clear();
        self.back.clear();
        // The transition weights with the BIO constraints folded in: a forbidden step
        // scores minus infinity, so that the inner loop has no branch but the comparison.
        let mut trans = [[NEVER; TAGS]; TAGS + 1];
        for (prev, row) in trans.iter_mut().enumerate() {
            for (next, t) in row.iter_mut().enumerate() {
                let from = (prev < TAGS).then_some(prev);
                if allowed(from, next) {
                    *t = w.trans[prev * TAGS + next];
                }
            }
        }
        for i in 0..n {
            let e = &self.emit[i];
            let mut a = [NEVER; TAGS];
            let mut b = [0u8; TAGS];
            if i == 0 {
                for next in 0..TAGS {
                    a[next] = trans[TAGS][next] + e[next];
                }
            } else if e[1] == NEVER {
                // An inactive token: only `O`.
                let mut best = NEVER;
                for (prev, &p) in self.alpha[i - 1].iter().enumerate() {
                    let s = p + trans[prev][0];
                    if s > best {
                        best = s;
                        b[0] = prev as u8;
                    }
                }
                a[0] = best + e[0];
            } else {
                // Every step at once, the best (first) previous tag of each next one kept
                // by selects rather than branches: the comparisons are unpredictable.
                let mut best = [NEVER; TAGS];
                for (prev, &p) in self.alpha[i - 1].iter().enumerate() {
                    for next in 0..TAGS {
                        let s = p + trans[prev][next];
                        let better = s > best[next];
                        best[next] = if better { s } else { best[next] };
                        b[next] = if better { prev as u8 } else { b[next] };
                    }
                }
                for next in 0..TAGS {
                    a[next] = best[next] + e[next];
                }
            }
            self.alpha.push(a);
            self.back.push(b);
        }
        self.tags.clear();
        self.tags.resize(n, 0);
        if n == 0 {
            return;
        }
        let mut t = argmax(&self.alpha[n - 1]);
        for i in (0..n).rev() {
            self.tags[i] = t;
            t = self.back[i][t] as usize;
        }
    }

    /// After [`Decoder::decode`]: how much better the best path is than the best one that
    /// tags any of the tokens `first..last` otherwise (max-marginals: forward and backward
    /// Viterbi scores). Large margins are sure decisions.
    pub(crate) fn margin(&mut self, w: &Weights, first: usize, last: usize) -> f32 {
        let n = self.emit.len();
        if self.beta.len() != n {
            // Backward scores, computed once per line when a margin is first asked.
            self.beta.clear();
            self.beta.resize(n, [NEVER; TAGS]);
            if n > 0 {
                self.beta[n - 1] = [0.0; TAGS];
            }
            for i in (0..n.saturating_sub(1)).rev() {
                let mut b = [NEVER; TAGS];
                for (prev, slot) in b.iter_mut().enumerate() {
                    for next in 0..TAGS {
                        let e = self.emit[i + 1][next];
                        let after = self.beta[i + 1][next];
                        if e == NEVER || after == NEVER || !allowed(Some(prev), next) {
                            continue;
                        }
                        *slot = slot.max(w.trans[prev * TAGS + next] + e + after);
                    }
                }
                self.beta[i] = b;
            }
        }
        let best = self.alpha[n - 1][self.tags[n - 1]];
        let mut margin = f32::INFINITY;
        for i in first..last {
            for t in 0..TAGS {
                if t == self.tags[i] {
                    continue;
                }
                let s = self.alpha[i][t] + self.beta[i][t];
                if s > NEVER {
                    margin = margin.min(best - s);
                }
            }
        }
        if margin.is_finite() {
            margin.max(0.0)
        } else {
            f32::MAX
        }
    }

    /// Forgets the backward scores: called before a new line is decoded.
    pub(crate) fn reset(&mut self) {
        self.beta.clear();
    }
}

fn argmax(s: &[f32; TAGS]) -> usize {
    let mut best = 0;
    for t in 1..TAGS {
        if s[t] > s[best] {
            best = t;
        }
    }
    best
}

/// The spans of a tag sequence: (first token, end token, type index).
pub(crate) fn spans(tags: &[usize], out: &mut Vec<(usize, usize, usize)>) {
    out.clear();
    let mut i = 0;
    while i < tags.len() {
        if tags[i] == 0 {
            i += 1;
            continue;
        }
        let t = type_of(tags[i]);
        let mut j = i + 1;
        while j < tags.len() && tags[j] == tag(t, true) {
            j += 1;
        }
        out.push((i, j, t));
        i = j;
    }
}

/// A trained model: its weights and the name entities give as their source.
#[derive(Clone, Debug)]
pub(crate) struct Model {
    /// The file (or corpus) name, for `model:<name>` sources.
    pub name: Arc<str>,
    pub weights: Weights,
    /// Distinct for each model made (clones share it): what a worker's
    /// [`features::WordCache`] was filled for, since buffers outlive recognizers.
    id: u64,
}

/// Buffers of the model stage, reused across lines.
#[derive(Default, Debug)]
pub(crate) struct Scratch {
    /// The features of the line's tokens (filled by the caller).
    pub features: features::Features,
    decoder: Decoder,
    spans: Vec<(usize, usize, usize)>,
    pipeline: Vec<Mention>,
    cache: features::WordCache,
}

/// Labels of the types other than MISC, by type index.
const LABELS: [Label; 3] = [Label::Per, Label::Loc, Label::Org];

impl Model {
    /// A model with weights `weights`, known as `name`.
    pub(crate) fn new(name: Arc<str>, weights: Weights) -> Model {
        static MADE: AtomicU64 = AtomicU64::new(1);
        Model { name, weights, id: MADE.fetch_add(1, Ordering::Relaxed) }
    }

    /// Decodes `line` into `sc`, for [`Model::decide`].
    pub(crate) fn decode(&self, line: &features::Line<'_>, sc: &mut Scratch) {
        sc.decoder.reset();
        sc.features.emissions(line, self.id, &self.weights, &mut sc.cache, &mut sc.decoder.emit);
        sc.decoder.viterbi(&self.weights);
    }

    /// Replaces the line's mentions (`mentions[first..]`, the earlier stages' decision) by
    /// the model's, as [`Model::decode`] decoded them (`tokens`: the line's tokens; the
    /// line starts at byte `offset` of the text).
    ///
    /// Where the model agrees with the earlier stages (same span and label), their mention
    /// stays, with its source: the model confirmed it. Other spans are the model's, with
    /// source `model:<file>` and a confidence from the Viterbi margin; they keep the entry
    /// (id, canonical name) of a gazetteer hit or mention of the same span and label.
    /// MISC spans are dropped. The user's own names (see [`Mention::user`]) stay whatever
    /// the model decides, and its spans that overlap them are dropped.
    pub(crate) fn decide(
        &self,
        offset: usize,
        tokens: &[Token],
        hits: &[Mention],
        mentions: &mut Vec<Mention>,
        first: usize,
        sc: &mut Scratch,
    ) {
        let Scratch { decoder, spans: found, pipeline, .. } = sc;
        spans(&decoder.tags, found);
        // Most lines: the model keeps the earlier stages' mentions as they are.
        let mut kept = found.iter().filter(|f| f.2 != MISC);
        let line = &mentions[first..];
        if kept.clone().count() == line.len()
            && kept.all(|&(a, b, t)| {
                let (start, end) = (offset + tokens[a].s as usize, offset + tokens[b - 1].e as usize);
                line.iter().any(|m| m.start == start && m.end == end && m.label == LABELS[t])
            })
        {
            return;
        }
        pipeline.clear();
        pipeline.extend(mentions.drain(first..));
        mentions.extend(pipeline.iter().filter(|m| m.user).cloned());
        let users = mentions.len();
        for &(a, b, t) in found.iter() {
            if t == MISC {
                continue;
            }
            let (start, end) = (offset + tokens[a].s as usize, offset + tokens[b - 1].e as usize);
            if mentions[first..users].iter().any(|m| m.start < end && start < m.end) {
                continue;
            }
            let label = LABELS[t];
            let same = |m: &&Mention| m.start == start && m.end == end && m.label == label;
            if let Some(m) = pipeline.iter().find(same) {
                mentions.push(m.clone());
                continue;
            }
            let entry = hits.iter().find(same).and_then(|m| m.entry);
            mentions.push(Mention {
                start,
                end,
                label,
                entry,
                canonical: None,
                source: Source::Model(self.name.clone()),
                confidence: confidence(decoder.margin(&self.weights, a, b)),
                priority: 0,
                user: false,
                learned: false,
            });
        }
        if users > first {
            // Disjoint spans have distinct starts: an unstable sort is exact.
            mentions[first..].sort_unstable_by_key(|m| m.start);
        }
    }
}

/// Confidence of a decision with Viterbi margin `m`: a logistic of the margin.
pub(crate) fn confidence(m: f32) -> f32 {
    let c = 1.0 / (1.0 + (-m).exp());
    // Rounded so that the JSON output stays short and identical across platforms' libm.
    (c * 1000.0).round() / 1000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tags_and_constraints() {
        let cases: &[(Option<usize>, usize, bool)] = &[
            (None, 0, true),
            (None, tag(0, false), true),
            (None, tag(0, true), false),
            (Some(0), tag(1, true), false),
            (Some(tag(1, false)), tag(1, true), true),
            (Some(tag(1, true)), tag(1, true), true),
            (Some(tag(1, true)), tag(2, true), false),
            (Some(tag(2, true)), tag(0, false), true),
        ];
        for &(prev, next, ok) in cases {
            assert_eq!(allowed(prev, next), ok, "{prev:?} → {next}");
        }
        for t in 0..TYPES {
            assert_eq!(type_of(tag(t, false)), t);
            assert_eq!(type_of(tag(t, true)), t);
            assert!(is_inside(tag(t, true)) && !is_inside(tag(t, false)));
        }
    }

    #[test]
    fn spans_of_tags() {
        let mut out = Vec::new();
        spans(&[0, tag(0, false), tag(0, true), tag(1, false), 0, tag(2, false)], &mut out);
        assert_eq!(out, [(1, 3, 0), (3, 4, 1), (5, 6, 2)]);
    }
}
