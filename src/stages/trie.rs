//! The names as a trie over token ids, for the lookup stage's anchored walks.
//!
//! A walk starts at a token and follows the text token by token; it never falls back (no
//! failure transitions), so a trie is all it needs. The states are numbered in level order,
//! so the children of a state are consecutive states and the state an edge leads to is its
//! own index: three flat tables of `u32` (first child, token of the edge in, pattern that
//! ends there), read in place from the precompiled blob or built at run time alike.

use crate::blob::Writer;
use crate::blob::{Reader, U32s};

/// No state, no pattern.
pub(crate) const NONE: u32 = u32::MAX;

/// A trie over strings of token ids.
#[derive(Clone, Debug)]
pub(crate) struct Trie {
    /// `first[s]..first[s + 1]`: the children of state `s` (one more entry than states).
    first: U32s,
    /// `token[s]`: the token of the edge into state `s` (ascending among siblings).
    token: U32s,
    /// `pattern[s]`: the pattern that ends at state `s`, or [`NONE`].
    pattern: U32s,
}

impl Trie {
    /// The trie of `patterns`, each a string of token ids; pattern `i` ends at the state its
    /// ids lead to. Two equal strings are one pattern: the caller merges them (the later
    /// one's state is the earlier one's).
    pub fn build(patterns: &[&[u32]]) -> Trie {
        let mut order: Vec<u32> = (0..patterns.len() as u32).collect();
        order.sort_unstable_by(|&a, &b| patterns[a as usize].cmp(patterns[b as usize]).then(a.cmp(&b)));
        // A trie with children lists, filled in sorted order: a new child always goes last.
        let mut children: Vec<Vec<(u32, u32)>> = vec![Vec::new()];
        let mut ends = vec![NONE];
        for &p in &order {
            let mut s = 0usize;
            for &t in patterns[p as usize] {
                s = match children[s].last() {
                    Some(&(last, c)) if last == t => c as usize,
                    _ => {
                        let c = children.len();
                        children.push(Vec::new());
                        ends.push(NONE);
                        children[s].push((t, c as u32));
                        c
                    }
                };
            }
            if ends[s] == NONE {
                ends[s] = p;
            }
        }
        // Renumber in level order: the children of each state become consecutive.
        let n = children.len();
        let (mut first, mut token, mut pattern) = (Vec::with_capacity(n + 1), vec![NONE; n], vec![NONE; n]);
        let mut queue = Vec::with_capacity(n);
        queue.push(0u32);
        pattern[0] = ends[0];
        let mut head = 0;
        while head < queue.len() {
            let old = queue[head] as usize;
            first.push(queue.len() as u32);
            for &(t, c) in &children[old] {
                let new = queue.len();
                token[new] = t;
                pattern[new] = ends[c as usize];
                queue.push(c);
            }
            head += 1;
        }
        first.push(n as u32);
        Trie {
            first: U32s::from_vec(&first),
            token: U32s::from_vec(&token),
            pattern: U32s::from_vec(&pattern),
        }
    }

    /// The state after token `t` from state `s`, or [`NONE`].
    #[inline]
    pub fn step(&self, s: u32, t: u32) -> u32 {
        let (a, b) = (self.first.get(s as usize) as usize, self.first.get(s as usize + 1) as usize);
        self.token.find_sorted(a, b, t).map_or(NONE, |i| i as u32)
    }

    /// The pattern that ends at state `s`, or [`NONE`].
    #[inline]
    pub fn pattern(&self, s: u32) -> u32 {
        self.pattern.get(s as usize)
    }

    /// `after[t]`: the state after token `t` from the root and the pattern that ends there
    /// (both [`NONE`] for a token that starts no pattern), for `tokens` token ids: a walk's
    /// first step, without a search among the root's many children, and without a second
    /// look-up (a cache miss in a large table) for the most common walk, one word long.
    pub fn after_first(&self, tokens: usize) -> Vec<[u32; 2]> {
        let mut after = vec![[NONE; 2]; tokens];
        for c in self.first.get(0)..self.first.get(1) {
            if let Some(a) = after.get_mut(self.token.get(c as usize) as usize) {
                *a = [c, self.pattern(c)];
            }
        }
        after
    }

    /// Whether every pattern that ends at a state is below `patterns`.
    pub fn patterns_below(&self, patterns: usize) -> bool {
        self.pattern.iter().all(|p| p == NONE || (p as usize) < patterns)
    }

    /// Writes the tables.
    pub fn write(&self, w: &mut Writer) {
        w.u32s(&self.first);
        w.u32s(&self.token);
        w.u32s(&self.pattern);
    }

    /// Reads what `Trie::write` wrote, checking that every state it can lead to exists
    /// (the caller checks the patterns).
    pub fn read(r: &mut Reader) -> Option<Trie> {
        let (first, token, pattern) = (r.u32s()?, r.u32s()?, r.u32s()?);
        let n = token.len();
        let ok = n > 0
            && first.len() == n + 1
            && pattern.len() == n
            && first.is_ascending()
            && first.get(n) as usize == n;
        ok.then_some(Trie { first, token, pattern })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Walks agree with a plain search for every prefix of every pattern, and for strings
    /// that are no pattern's prefix; written and read back, the trie walks the same.
    #[test]
    fn walks_find_exactly_the_patterns() {
        let patterns: Vec<Vec<u32>> = vec![
            vec![5],
            vec![5, 1],
            vec![5, 1, 9],
            vec![2, 70_000, 3],
            vec![2],
            vec![9, 9, 9, 9],
            vec![5, 1],
            (0..30).collect(),
            (0..30).map(|i| i * 2).collect(),
        ];
        let refs: Vec<&[u32]> = patterns.iter().map(|p| p.as_slice()).collect();
        let built = Trie::build(&refs);
        let mut w = Writer::new(b"T");
        built.write(&mut w);
        let blob: &'static [u8] = Box::leak(w.finish().0.into_boxed_slice());
        let read = Trie::read(&mut Reader::new(blob, "", b"T").expect("magic")).expect("trie");
        let mut probes: Vec<Vec<u32>> =
            patterns.iter().flat_map(|p| (1..=p.len()).map(|k| p[..k].to_vec())).collect();
        probes.extend([vec![1], vec![5, 2], vec![2, 3], vec![9, 9, 8], vec![0, 2], (0..31).collect()]);
        for trie in [&built, &read] {
            let after = trie.after_first(100_000);
            for probe in &probes {
                let [mut s, first] = after[probe[0] as usize];
                assert_eq!(first, if s == NONE { NONE } else { trie.pattern(s) }, "{probe:?}");
                for &t in &probe[1..] {
                    if s == NONE {
                        break;
                    }
                    s = trie.step(s, t);
                }
                let reached = s != NONE;
                let is_prefix = patterns.iter().any(|p| p.starts_with(probe));
                assert_eq!(reached, is_prefix, "{probe:?}");
                // The first of equal patterns is the one that ends there.
                let want = patterns.iter().position(|p| p == probe).map_or(NONE, |i| i as u32);
                assert_eq!(if reached { trie.pattern(s) } else { NONE }, want, "{probe:?}");
            }
        }
    }
}
