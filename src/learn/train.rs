//! Training the sequence model (`crate::stages::model`) on an annotated corpus: an
//! averaged structured perceptron (Collins 2002).
//!
//! * **Features from held-out stages.** Each sentence's features come from a recognizer
//!   that learned its names and conventions from the *other* half of the corpus: on the
//!   text it learned from, every annotated name is in a learned gazetteer, and the model
//!   would learn to trust the gazetteers blindly. On new text it meets names no list
//!   holds, as here.
//! * **Held-out split and early stopping.** One [`PARTS`]th of the sentences is held out;
//!   after each epoch the averaged weights are scored on it (F1 of PER, LOC and ORG spans),
//!   and training stops after [`PATIENCE`] epochs without a better score, keeping the best
//!   weights.
//! * **A committee.** [`MEMBERS`] perceptrons are trained so, each holding out another
//!   part (with as many members as parts, each part once) and with features from held-out stages cut into other
//!   halves, and the model is the mean of their weights: every sentence is learned from,
//!   early stopping still has unseen text, and the mean is steadier than any one member,
//!   both to the order of the sentences and to which names the stages happened to learn.
//!   It is still one linear model: decoding costs the same.
//! * **Deterministic.** Features are hashed with a fixed hash, sentences visited in an
//!   order drawn from a fixed seed, and every sum taken in the same order: the same
//!   corpus and options give the same weights, bit for bit.
//! * **Progress** goes to stderr, one line per epoch: tokens per second and held-out F1.

use std::time::Instant;

use crate::error::BuildError;
use crate::gazetteer::Gazetteer;
use crate::iob2::{Corpus, Sentence};
use crate::stages::model::features::Features;
use crate::stages::model::{self, Decoder, Weights, MISC, TAGS};
use crate::Recognizer;

/// log2 of the rows of the weight table, at most: 2^21 rows of 17 weights are 143 MB, room
/// for the features of a corpus of half a million tokens with few collisions.
pub(crate) const MAX_BITS: u32 = 21;
/// log2 of the rows of the weight table, at least.
pub(crate) const MIN_BITS: u32 = 14;

/// log2 of the rows of the weight table for a corpus of `tokens` tokens: four rows per
/// token (each token has some thirty features, most of them shared with other tokens),
/// between [`MIN_BITS`] and [`MAX_BITS`]: a small corpus gives a small model.
pub(crate) fn bits_for(tokens: usize) -> u32 {
    let rows = tokens.saturating_mul(4).max(1).checked_next_power_of_two();
    rows.map_or(MAX_BITS, usize::trailing_zeros).clamp(MIN_BITS, MAX_BITS)
}
/// Most epochs of training.
pub const MAX_EPOCHS: usize = 30;
/// Epochs without a better held-out score before training stops.
pub const PATIENCE: usize = 2;
/// Parts the sentences are cut into: a member of the committee holds one of them out for
/// early stopping.
pub const PARTS: usize = 10;
/// Perceptrons averaged into the model (at most [`PARTS`]).
pub const MEMBERS: usize = 10;

/// One sentence: the features of its tokens and their gold tags.
pub(crate) struct Sample {
    pub features: Features,
    pub gold: Vec<u8>,
}

/// The gold tag of each token (`spans`: the tokens' byte spans in `s.text`). A token takes
/// the type of the annotation it overlaps; a run of such tokens is tagged `B-`, `I-`...,
/// `E-`, or `S-` alone. Tokens the model does not score (`active`) are `O`, and cut the run:
/// the model could not tag them otherwise.
pub(crate) fn gold_tags(s: &Sentence, spans: &[(usize, usize)], active: &[bool]) -> Vec<u8> {
    let of = |i: usize| {
        let (start, end) = spans[i];
        s.spans.iter().position(|a| a.byte_start < end && start < a.byte_end).filter(|_| active[i])
    };
    let runs: Vec<Option<usize>> = (0..spans.len()).map(of).collect();
    let mut tags = vec![0u8; spans.len()];
    for (i, &k) in runs.iter().enumerate() {
        let Some(k) = k else { continue };
        let t = match s.spans[k].label {
            Some(l) => l as usize,
            None => MISC,
        };
        let first = i == 0 || runs[i - 1] != Some(k);
        let last = runs.get(i + 1).copied().flatten() != Some(k);
        let part = match (first, last) {
            (true, true) => model::SINGLE,
            (true, false) => model::BEGIN,
            (false, false) => model::INSIDE,
            (false, true) => model::END,
        };
        tags[i] = model::tag(t, part) as u8;
    }
    tags
}

/// Visiting order of the sentences in epoch `epoch`: a Fisher-Yates shuffle driven by a
/// fixed-seed xorshift generator.
fn order(n: usize, epoch: usize) -> Vec<usize> {
    let mut state = 0x2545_F491_4F6C_DD1D_u64 ^ (epoch as u64).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    let mut next = || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let mut v: Vec<usize> = (0..n).collect();
    for i in (1..n).rev() {
        let j = (next() % (i as u64 + 1)) as usize;
        v.swap(i, j);
    }
    v
}

/// F1 (×100) of the PER, LOC and ORG spans `w` decodes on `samples`.
fn f1(w: &Weights, samples: &[&Sample], dec: &mut Decoder) -> f64 {
    let (mut gold, mut found, mut right) = (0usize, 0usize, 0usize);
    let (mut gs, mut ps) = (Vec::new(), Vec::new());
    for s in samples {
        dec.decode(w, &s.features);
        let g: Vec<usize> = s.gold.iter().map(|&t| t as usize).collect();
        model::spans(&g, &mut gs);
        model::spans(&dec.tags, &mut ps);
        gs.retain(|s| s.2 != MISC);
        ps.retain(|s| s.2 != MISC);
        gold += gs.len();
        found += ps.len();
        right += ps.iter().filter(|p| gs.contains(p)).count();
    }
    if gold + found == 0 {
        0.0
    } else {
        200.0 * right as f64 / (gold + found) as f64
    }
}

/// The samples member `m` of the committee holds out, of `n`: part `PARTS - 1 - m`.
fn held_out(n: usize, m: usize) -> (usize, usize) {
    let part = PARTS - 1 - m;
    (n * part / PARTS, n * (part + 1) / PARTS)
}

/// Trains the committee (see the module docs), member `m` on `samples(m)` (the training
/// samples, in sentence order, with member `m`'s features: see [`samples`]); `name`
/// labels the progress lines. Weights dense.
pub(crate) fn train(
    name: &str,
    bits: u32,
    mut samples: impl FnMut(usize) -> Result<Vec<Sample>, BuildError>,
) -> Result<Weights, BuildError> {
    let mut mean = Weights::zero(bits);
    for m in 0..MEMBERS {
        let samples = samples(m)?;
        let (a, b) = held_out(samples.len(), m);
        let train: Vec<&Sample> = samples[..a].iter().chain(&samples[b..]).collect();
        let held: Vec<&Sample> = samples[a..b].iter().collect();
        let w = member(&format!("{name} ({}/{MEMBERS})", m + 1), bits, &train, &held);
        for (x, y) in mean.table.iter_mut().zip(&w.table).chain(mean.trans.iter_mut().zip(&w.trans)) {
            *x += y;
        }
    }
    let k = MEMBERS as f32;
    for x in mean.table.iter_mut().chain(mean.trans.iter_mut()) {
        *x /= k;
    }
    Ok(mean)
}

/// Trains one perceptron on `train`, stopping early on `held`; `name` labels the progress
/// lines.
fn member(name: &str, bits: u32, train: &[&Sample], held: &[&Sample]) -> Weights {
    let mut w = Weights::zero(bits);
    // Lazy averaging: `sums` holds Σ c·Δ, so that the average is `w - sums / c`.
    let mut sums = Weights::zero(bits);
    let mut c: f64 = 1.0;
    let mut dec = Decoder::default();
    let mut best = (f64::NEG_INFINITY, Weights::zero(1), 0);
    let mut last_better = 0;
    let tokens: usize = train.iter().map(|s| s.gold.len()).sum();
    for epoch in 0..MAX_EPOCHS {
        let started = Instant::now();
        for i in order(train.len(), epoch) {
            let s = train[i];
            dec.decode(&w, &s.features);
            let pred = &dec.tags;
            if pred.iter().zip(&s.gold).all(|(&p, &g)| p == g as usize) {
                c += 1.0;
                continue;
            }
            let cw = c as f32;
            for (k, (&p, &g)) in pred.iter().zip(&s.gold).enumerate() {
                let g = g as usize;
                if p != g {
                    for &r in s.features.rows(k) {
                        let r = r as usize * TAGS;
                        w.table[r + g] += 1.0;
                        w.table[r + p] -= 1.0;
                        sums.table[r + g] += cw;
                        sums.table[r + p] -= cw;
                    }
                }
                let (gp, pp) = if k == 0 { (TAGS, TAGS) } else { (s.gold[k - 1] as usize, pred[k - 1]) };
                if (gp, g) != (pp, p) {
                    w.trans[gp * TAGS + g] += 1.0;
                    w.trans[pp * TAGS + p] -= 1.0;
                    sums.trans[gp * TAGS + g] += cw;
                    sums.trans[pp * TAGS + p] -= cw;
                }
            }
            c += 1.0;
        }
        let seconds = started.elapsed().as_secs_f64();
        let avg = average(&w, &sums, c as f32);
        let score = f1(&avg, held, &mut dec);
        // A tie keeps the later, longer-trained weights; only a better score resets the
        // patience.
        let better = score > best.0;
        eprintln!(
            "train {name}: epoch {}: {:.0} tokens/s, held-out F1 {score:.2}{}",
            epoch + 1,
            tokens as f64 / seconds.max(1e-9),
            if better { " (best)" } else { "" }
        );
        if better {
            last_better = epoch;
        }
        if score >= best.0 {
            best = (score, avg, epoch);
        }
        if epoch - last_better >= PATIENCE {
            break;
        }
    }
    best.1
}

/// The averaged weights `w - sums / c`.
fn average(w: &Weights, sums: &Weights, c: f32) -> Weights {
    let avg = |a: &[f32], s: &[f32]| a.iter().zip(s).map(|(&x, &y)| x - y / c).collect();
    Weights {
        bits: w.bits,
        table: avg(&w.table, &sums.table),
        slots: Vec::new(),
        scale: 1.0,
        trans: avg(&w.trans, &sums.trans),
    }
}

/// The training samples of the corpora `corpora` whose `training` flag is set, their
/// features from held-out stages (see the module docs): each training corpus is cut into
/// two halves, and each half's features come from a recognizer (built by `make` on top of
/// `base`) that learned its names and conventions from the other half and the other
/// corpora. For committee member `member` the halves are turned by `member` 2·[`MEMBERS`]-ths
/// of the corpus (member 0: the first and the second half), so that each member's
/// features come from other recognizers. Samples are in corpus and sentence order, their
/// features hashed into `2^bits` rows.
pub(crate) fn samples(
    bits: u32,
    base: &[Gazetteer],
    corpora: &[(String, Corpus)],
    training: &[bool],
    make: &dyn Fn(&[Gazetteer]) -> Result<Recognizer, BuildError>,
    member: usize,
) -> Result<Vec<Sample>, BuildError> {
    // The half of sentence `i` of `n`.
    let half = |n: usize, i: usize| {
        let turn = n * member / (2 * MEMBERS);
        ((i + n - turn) % n) * 2 / n
    };
    let mut per_corpus: Vec<Vec<Vec<Sample>>> =
        corpora.iter().map(|(_, c)| c.sentences.iter().map(|_| Vec::new()).collect()).collect();
    for fold in 0..2 {
        let rest: Vec<(String, Corpus)> = corpora
            .iter()
            .zip(training)
            .map(|((name, c), &t)| {
                let n = c.sentences.len();
                let sentences = if t {
                    c.sentences
                        .iter()
                        .enumerate()
                        .filter(|(i, _)| half(n, *i) != fold)
                        .map(|(_, s)| s.clone())
                        .collect()
                } else {
                    c.sentences.clone()
                };
                (name.clone(), Corpus { sentences, repaired: 0 })
            })
            .collect();
        let adapt = super::adapt(base, &rest, make)?;
        let mut gazetteers = base.to_vec();
        for (name, c) in &rest {
            gazetteers.extend(super::learn_with_misc(name, c)?);
        }
        let ner = make(&gazetteers)?.with_adaptation(adapt);
        for (k, ((_, c), &t)) in corpora.iter().zip(training).enumerate() {
            if !t {
                continue;
            }
            let n = c.sentences.len();
            for (i, s) in c.sentences.iter().enumerate().filter(|(i, _)| half(n, *i) == fold) {
                let out = &mut per_corpus[k][i];
                ner.model_inputs(&s.text, bits, &mut |f, spans| {
                    out.push(Sample { features: f.clone(), gold: gold_tags(s, spans, &f.active) });
                });
            }
        }
    }
    Ok(per_corpus.into_iter().flatten().flatten().collect())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::stages::model::{tag, BEGIN, END, INSIDE, SINGLE};

    /// BIOES gold tags of annotated lines (one model token per corpus token), with the
    /// tokens the model does not score: an inactive token is `O` and cuts its span.
    #[test]
    fn gold_tags_are_bioes() {
        let (per, loc, org) = (0, 1, 2);
        let (b, i, e, u) = (BEGIN, INSIDE, END, SINGLE);
        // (tagged tokens, inactive token indices, expected tags)
        let cases: &[(&str, &[usize], &[usize])] = &[
            (
                "Ο O|Νίκος B-PER|Ανδρέου I-PER|μίλησε O|στη O|Λάρισα B-LOC",
                &[],
                &[0, tag(per, b), tag(per, e), 0, 0, tag(loc, u)],
            ),
            (
                "η O|Τράπεζα B-ORG|της I-ORG|Ελλάδος I-ORG|ανακοίνωσε O",
                &[],
                &[0, tag(org, b), tag(org, i), tag(org, e), 0],
            ),
            // Two places side by side are two spans; a work of art is MISC.
            (
                "Ρόδο B-LOC|Κω B-LOC|και O|«Ερωτόκριτο» B-MISC",
                &[],
                &[tag(loc, u), tag(loc, u), 0, tag(MISC, u)],
            ),
            // An unscored token inside a name: the name's parts on each side are spans.
            (
                "η O|Ένωση B-ORG|αγροτικών I-ORG|συνεταιρισμών I-ORG|Κρήτης I-ORG",
                &[3],
                &[0, tag(org, b), tag(org, e), 0, tag(org, u)],
            ),
            ("Ένωση B-ORG|αγροτών I-ORG|μελισσοκόμων I-ORG", &[2], &[tag(org, b), tag(org, e), 0]),
        ];
        for &(tagged, inactive, want) in cases {
            let text: String = tagged.split('|').map(|t| format!("{t}\n")).collect();
            let corpus = crate::iob2::parse("t.iob2", &text).unwrap();
            let s = &corpus.sentences[0];
            let spans: Vec<(usize, usize)> =
                s.tokens.iter().map(|t| (t.byte_start, t.byte_start + t.text.len())).collect();
            let active: Vec<bool> = (0..spans.len()).map(|k| !inactive.contains(&k)).collect();
            let got: Vec<usize> = gold_tags(s, &spans, &active).into_iter().map(usize::from).collect();
            assert_eq!(got, want, "{tagged}");
        }
    }

    #[test]
    fn orders_are_permutations_fixed_by_the_epoch() {
        for (n, epoch) in [(0, 0), (1, 3), (10, 0), (10, 1), (257, 5)] {
            let o = order(n, epoch);
            let mut sorted = o.clone();
            sorted.sort();
            assert_eq!(sorted, (0..n).collect::<Vec<_>>());
            assert_eq!(o, order(n, epoch));
        }
        assert_ne!(order(10, 0), order(10, 1));
    }

    /// The members hold out disjoint parts, the last ones of the corpus: each sample is
    /// learned from by all members but at most one.
    #[test]
    fn members_hold_out_distinct_parts() {
        for n in [0, 1, 9, 10, 96, 17_132] {
            let mut held = vec![0; n];
            for m in 0..MEMBERS {
                let (a, b) = held_out(n, m);
                assert!(a <= b && b <= n, "{n} {m}");
                for h in &mut held[a..b] {
                    *h += 1;
                }
            }
            assert!(held.iter().all(|&h| h <= 1), "{n}");
            let start = n * (PARTS - MEMBERS) / PARTS;
            assert!(held[start..].iter().all(|&h| h == 1), "{n}");
            assert!(held[..start].iter().all(|&h| h == 0), "{n}");
        }
    }

    #[test]
    fn table_size_follows_the_corpus() {
        for (tokens, bits) in
            [(0, MIN_BITS), (100, MIN_BITS), (10_000, 16), (522_993, MAX_BITS), (usize::MAX, MAX_BITS)]
        {
            assert_eq!(bits_for(tokens), bits, "{tokens}");
        }
    }
}
