//! The working representation shared by the stages: a labelled byte span of the original
//! text with its provenance. The recognizer turns the final mentions into [`crate::Entity`] values.

use crate::{Label, Source};

/// A candidate entity while the pipeline runs.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    /// Byte offsets into the whole original text.
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// Index into the lookup's entries, when a gazetteer entry (or a link to one) backs it.
    pub entry: Option<u32>,
    /// Canonical name when no entry backs the mention (e.g. the full name a partial mention links to).
    pub canonical: Option<std::sync::Arc<str>>,
    pub source: Source,
    pub confidence: f32,
    /// Higher wins in conflicts (gazetteer priority, or the rule's priority).
    pub priority: i32,
    /// From the user's own data (a user gazetteer entry not flagged `ambiguous`, or a user
    /// pattern): no built-in list or rule drops or relabels it.
    pub user: bool,
    /// From a gazetteer learned from the user's corpus (an entry not flagged `ambiguous`):
    /// the built-in list of capitalised common words does not veto it, the corpus having
    /// annotated the word as a name; the other built-in checks apply.
    pub learned: bool,
}

#[cfg(test)]
impl Mention {
    /// A rule's mention over bytes `start..end`, for tests: no entry, full confidence, no
    /// priority; a test sets what it needs with struct update syntax.
    pub(crate) fn test(start: usize, end: usize, label: Label) -> Mention {
        Mention {
            start,
            end,
            label,
            entry: None,
            canonical: None,
            source: Source::Rule("test"),
            confidence: 1.0,
            priority: 0,
            user: false,
            learned: false,
        }
    }
}

/// Keeps `mentions[first + i]` where `keep(i)`, in order, and the mentions before `first`
/// untouched: one line's mentions are filtered at a cost of that line's length, not the
/// document's (`Vec::retain` would walk every mention of the document again, each line).
pub(crate) fn retain_from(mentions: &mut Vec<Mention>, first: usize, keep: impl Fn(usize) -> bool) {
    let mut w = first;
    for r in first..mentions.len() {
        if keep(r - first) {
            mentions.swap(w, r);
            w += 1;
        }
    }
    mentions.truncate(w);
}

/// Keeps a non-overlapping subset of `out[first..]`: longest span first, then earliest,
/// then highest priority and confidence. The result is sorted by start.
pub(crate) fn resolve_overlaps(out: &mut Vec<Mention>, first: usize) {
    let tail = &mut out[first..];
    if tail.len() < 2 {
        return;
    }
    // Most lines' hits are already sorted and disjoint: then every one is kept, in that
    // order. (Empty spans take the general path, which lets them displace a span with the
    // same start.)
    if tail.iter().all(|m| m.start < m.end) && tail.windows(2).all(|w| w[0].end <= w[1].start) {
        return;
    }
    tail.sort_by(|a, b| {
        (b.end - b.start)
            .cmp(&(a.end - a.start))
            .then(a.start.cmp(&b.start))
            .then(b.priority.cmp(&a.priority))
            .then(b.confidence.total_cmp(&a.confidence))
    });
    // Which of them are kept, in that order: a span is kept unless it overlaps one kept
    // before it. The kept spans are disjoint, so the one that starts last before `m.end` is
    // the only one that can overlap `m`: one ordered look-up per mention. A line's few hits
    // are kept in a sorted vector; many (a long line) in an ordered map, so that a line with
    // any number of hits costs O(n log n).
    if tail.len() <= 64 && tail.iter().all(|m| m.start < m.end) {
        // On the stack: a bit per hit, and the kept spans sorted by start.
        let mut kept = [(0usize, 0usize); 64];
        let (mut n, mut keep) = (0, 0u64);
        for (i, m) in tail.iter().enumerate() {
            let p = kept[..n].partition_point(|&(start, _)| start < m.end);
            if p == 0 || kept[p - 1].1 <= m.start {
                kept.copy_within(p..n, p + 1);
                kept[p] = (m.start, m.end);
                n += 1;
                keep |= 1 << i;
            }
        }
        retain_from(out, first, |i| keep >> i & 1 != 0);
    } else {
        // (Start → (end, index in `tail`); an empty span displaces a kept one with its start.)
        let mut kept: std::collections::BTreeMap<usize, (usize, usize)> = std::collections::BTreeMap::new();
        for (i, m) in tail.iter().enumerate() {
            let clash = kept.range(..m.end).next_back().is_some_and(|(_, &(end, _))| end > m.start);
            if !clash {
                kept.insert(m.start, (m.end, i));
            }
        }
        let mut keep = vec![false; tail.len()];
        for (_, i) in kept.into_values() {
            keep[i] = true;
        }
        retain_from(out, first, |i| keep[i]);
    }
    out[first..].sort_unstable_by_key(|m| m.start);
}
