//! The words the stages know, looked up once per word of the text.
//!
//! Both later stages ask the same question of every folded word: the lookup stage wants its
//! token id (which names it can be part of), the rule stage its word classes (article,
//! title, given name...). One table answers both, so each word of the text costs one probe.
//!
//! The table is open-addressed with linear probing, and a slot holds the first 16 bytes of
//! its key inline: most folded Greek words fit, and a probe then touches one cache line and
//! no string on the heap. Longer keys keep their bytes in one arena. The stages stay apart:
//! the vocabulary stores each stage's answer without knowing what it means.

use crate::text::normalize::Token;

/// Token id of a word that no gazetteer name contains.
pub(crate) const NO_TOKEN: u32 = u32::MAX;

/// What the vocabulary knows of a word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Word {
    /// The lookup stage's token id, or [`NO_TOKEN`].
    pub token: u32,
    /// The lookup stage's bits for that token (where a name may start: see
    /// `Lookup::may_start`), kept here so that the classify loop reads them with the token,
    /// not from a table of their own (a load that misses the cache, for every known word).
    pub start: u8,
    /// The rule stage's word classes (0: none).
    pub classes: u64,
}

impl Word {
    pub(crate) const UNKNOWN: Word = Word { token: NO_TOKEN, start: 0, classes: 0 };
}

/// Keys up to this many bytes are stored in the slot.
const INLINE: usize = 16;

#[derive(Clone, Copy, Debug)]
#[repr(C, align(32))]
struct Slot {
    /// The key's first 8 bytes, zero-padded.
    w0: u64,
    /// Its next 8 bytes, zero-padded; for a key longer than [`INLINE`], its offset in the arena.
    w1: u64,
    /// Key length in bytes (below 2^24), and the token's start bits (see [`Word::start`]) in
    /// the top byte: a slot stays 32 bytes.
    len_start: u32,
    token: u32,
    classes: u64,
}

const EMPTY: Slot = Slot { w0: 0, w1: 0, len_start: 0, token: NO_TOKEN, classes: 0 };

/// The longest key, in bytes (see [`Slot::len_start`]).
const MAX_KEY: usize = (1 << 24) - 1;

impl Slot {
    #[inline(always)]
    fn len(&self) -> usize {
        (self.len_start & MAX_KEY as u32) as usize
    }

    #[inline(always)]
    fn word(&self) -> Word {
        Word { token: self.token, start: (self.len_start >> 24) as u8, classes: self.classes }
    }
}

/// Folded word → [`Word`].
#[derive(Clone, Debug)]
pub(crate) struct Vocab {
    /// One byte per slot: 0 when empty, else 0x80 and seven bits of the key's hash. Probes
    /// read these first: a small array that stays in cache, where the slots do not, so a
    /// word the vocabulary lacks (most rare words) is mostly answered without a slot.
    tags: Vec<u8>,
    slots: Vec<Slot>,
    /// `64 - log2(slots.len())`: the hash's top bits index the table.
    shift: u32,
    /// The bytes of keys longer than [`INLINE`].
    arena: Vec<u8>,
    len: usize,
    /// The words of one ASCII byte, by byte, as in the table: punctuation, digits, and the
    /// Greek articles `ο`, `η` (which fold to Latin look-alikes) are a good share of all
    /// tokens, and are answered without a probe.
    ascii: [Word; 128],
}

/// The masks that keep the first `n` bytes of sixteen read as two little-endian words, by
/// `n` (a table load, where computing them is a dozen instructions per word of the text).
const MASKS: [[u64; 2]; INLINE + 1] = {
    let mut m = [[0; 2]; INLINE + 1];
    let mut n = 1;
    while n <= INLINE {
        m[n] = [low_bytes(n), low_bytes(n.saturating_sub(8))];
        n += 1;
    }
    m
};

/// The mask of the low `k` bytes of a word.
const fn low_bytes(k: usize) -> u64 {
    if k >= 8 {
        u64::MAX
    } else {
        (1 << (8 * k)) - 1
    }
}

/// A key read for probing: its bytes, its first sixteen bytes as two zero-padded words,
/// and its hash.
struct Key<'k> {
    bytes: &'k [u8],
    w0: u64,
    w1: u64,
    hash: u64,
}

/// Up to eight bytes as a little-endian word, zero-padded.
#[inline]
fn word(b: &[u8]) -> u64 {
    if b.len() >= 8 {
        return u64::from_le_bytes(b[..8].try_into().expect("eight bytes"));
    }
    b.iter().rev().fold(0u64, |w, &x| (w << 8) | x as u64)
}

impl<'k> Key<'k> {
    #[inline]
    fn new(bytes: &'k [u8]) -> Key<'k> {
        let w0 = word(bytes);
        let w1 = if bytes.len() > 8 { word(&bytes[8..]) } else { 0 };
        Key::with_words(bytes, w0, w1)
    }

    /// The words of the key `buf[s..s + n]`, `n` at most [`INLINE`], where `buf` holds at
    /// least sixteen bytes from `s` on: read whole and masked, with no loop over bytes (the
    /// words [`Key::new`] gives).
    #[inline(always)]
    fn short_words(buf: &[u8], s: usize, n: usize) -> (u64, u64) {
        let sixteen: &[u8; 16] = buf[s..s + 16].try_into().expect("sixteen bytes");
        let (lo, hi) = sixteen.split_at(8);
        let load = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("eight bytes"));
        let [m0, m1] = MASKS[n];
        (load(lo) & m0, load(hi) & m1)
    }

    /// The hash of a key from its first two words (the rest mixed in after): one multiply
    /// of the first word XOR the second rotated. It is not one-to-one (keys whose words XOR
    /// alike collide), which costs only a longer probe: a probe compares the whole key.
    #[inline(always)]
    fn hash_words(w0: u64, w1: u64) -> u64 {
        (w0 ^ w1.rotate_left(32)).wrapping_mul(0x9E37_79B9_7F4A_7C15)
    }

    #[inline]
    fn with_words(bytes: &'k [u8], w0: u64, w1: u64) -> Key<'k> {
        let mut h = Key::hash_words(w0, w1);
        let mut at = 16;
        while at < bytes.len() {
            h = mix(h, word(&bytes[at..]));
            at += 8;
        }
        Key { bytes, w0, w1, hash: h }
    }

    #[inline]
    fn tag(&self) -> u8 {
        tag(self.hash)
    }
}

/// The first slot a key of hash `hash` is looked for in, in a table of `2^(64 - shift)`:
/// the hash's top bits.
#[inline(always)]
fn home(hash: u64, shift: u32) -> usize {
    (hash >> shift) as usize
}

/// One step of a long key's hash: its next word mixed in.
#[inline(always)]
fn mix(h: u64, w: u64) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    (h.rotate_left(23) ^ w).wrapping_mul(K)
}

/// The tag byte of a key's hash (see [`Vocab::tags`]): seven bits below those that
/// [`home`] takes in any table of up to 2^25 slots.
#[inline(always)]
fn tag(hash: u64) -> u8 {
    0x80 | ((hash >> 32) as u8 & 0x7F)
}

impl Default for Vocab {
    fn default() -> Vocab {
        Vocab::with_capacity(0)
    }
}

impl Vocab {
    /// An empty vocabulary with room for `n` words before it grows.
    pub fn with_capacity(n: usize) -> Vocab {
        // At most half full: probe sequences stay short.
        let size = (2 * n).next_power_of_two().max(16);
        Vocab {
            tags: vec![0; size],
            slots: vec![EMPTY; size],
            shift: 64 - size.trailing_zeros(),
            arena: Vec::new(),
            len: 0,
            ascii: [Word::UNKNOWN; 128],
        }
    }

    /// Number of words.
    #[cfg(test)]
    pub fn len(&self) -> usize {
        self.len
    }

    #[inline]
    fn matches(&self, slot: &Slot, key: &Key) -> bool {
        if slot.len() != key.bytes.len() || slot.w0 != key.w0 {
            return false;
        }
        if key.bytes.len() <= INLINE {
            slot.w1 == key.w1
        } else {
            let at = slot.w1 as usize;
            self.arena[at..at + key.bytes.len()] == *key.bytes
        }
    }

    /// The slot holding `key`, or the empty slot where it would go.
    // Always inlined: `classify_tokens` probes once per word of the text, and a call's register
    // saves and restores cost about a third of a probe.
    #[inline(always)]
    fn find_slot(&self, key: &Key) -> usize {
        let mask = self.slots.len() - 1;
        let tag = key.tag();
        let mut i = self.home(key.hash);
        loop {
            let t = self.tags[i];
            if t == 0 || t == tag && self.matches(&self.slots[i], key) {
                return i;
            }
            i = (i + 1) & mask;
        }
    }

    /// The first slot a key of hash `hash` is looked for in.
    #[inline(always)]
    fn home(&self, hash: u64) -> usize {
        home(hash, self.shift)
    }

    /// What is known of the folded word `key` (UTF-8) ([`Word::UNKNOWN`] for a word it lacks):
    /// [`Vocab::classify`] without a line around it, for tests.
    #[cfg(test)]
    pub fn get(&self, key: &[u8]) -> Word {
        match *key {
            [] => Word::UNKNOWN,
            [b] if b < 128 => self.ascii[b as usize],
            _ => self.word_at(&Key::new(key)),
        }
    }

    #[inline(always)]
    fn word_at(&self, key: &Key) -> Word {
        let i = self.find_slot(key);
        if self.tags[i] == 0 {
            Word::UNKNOWN
        } else {
            self.slots[i].word()
        }
    }

    /// The slot of `key`, inserted (unknown) if missing.
    fn entry(&mut self, key: &str) -> &mut Slot {
        let key = key.as_bytes();
        assert!(!key.is_empty() && key.len() <= MAX_KEY, "a vocabulary word is 1 to 16M bytes");
        if 2 * (self.len + 1) > self.slots.len() {
            self.grow();
        }
        let k = Key::new(key);
        let i = self.find_slot(&k);
        if self.tags[i] == 0 {
            let w1 = if key.len() <= INLINE {
                k.w1
            } else {
                self.arena.extend_from_slice(key);
                (self.arena.len() - key.len()) as u64
            };
            self.tags[i] = k.tag();
            self.slots[i] = Slot { w0: k.w0, w1, len_start: key.len() as u32, token: NO_TOKEN, classes: 0 };
            self.len += 1;
        }
        &mut self.slots[i]
    }

    fn grow(&mut self) {
        let size = 2 * self.slots.len().max(8);
        let old = std::mem::replace(&mut self.slots, vec![EMPTY; size]);
        let old_tags = std::mem::replace(&mut self.tags, vec![0; size]);
        self.shift = 64 - size.trailing_zeros();
        for (s, _) in old.into_iter().zip(old_tags).filter(|&(_, t)| t != 0) {
            let key: Vec<u8> = if s.len() <= INLINE {
                let mut b = [0u8; INLINE];
                b[..8].copy_from_slice(&s.w0.to_le_bytes());
                b[8..].copy_from_slice(&s.w1.to_le_bytes());
                b[..s.len()].to_vec()
            } else {
                self.arena[s.w1 as usize..s.w1 as usize + s.len()].to_vec()
            };
            let k = Key::new(&key);
            let i = self.find_slot(&k);
            self.tags[i] = k.tag();
            self.slots[i] = s;
        }
    }

    /// What is known of each token of a folded line (`buf`, holding at least sixteen bytes
    /// after the last token: see [`crate::text::normalize::FoldedLine::fold_and_split`] and
    /// [`Key::short_words`]), appended to `out`.
    ///
    /// A key of at most [`INLINE`] bytes (nearly every word) is probed with its two words
    /// alone, so that the loop over a line's tokens keeps its few values in registers; a
    /// longer one goes the general way, out of line. The tables are read from `self` once,
    /// before the loop: read per token, every store to `out` would have them read again.
    pub fn classify_tokens(&self, buf: &[u8], tokens: &[Token], out: &mut Vec<Word>) {
        let mask = self.slots.len() - 1;
        let (tags, slots) = (&self.tags[..=mask], &self.slots[..=mask]);
        let shift = self.shift;
        // Moved in: the closure holds the values, not references to read them through.
        let classify =
            move |k: &Token| self.classify_in(tags, slots, mask, shift, buf, k.fs as usize, k.fe as usize);
        out.extend(tokens.iter().map(classify));
    }

    /// What is known of the token `buf[s..e]` ([`Vocab::classify_tokens`] of one token).
    #[cfg(test)]
    pub fn classify(&self, buf: &[u8], s: usize, e: usize) -> Word {
        let mask = self.slots.len() - 1;
        self.classify_in(&self.tags[..=mask], &self.slots[..=mask], mask, self.shift, buf, s, e)
    }

    /// [`Vocab::classify`] with both tables sliced to `mask + 1` entries (the table's size),
    /// so that the probes' masked indices need no bounds checks (the home slot is below the
    /// size already), and the shift of [`Vocab::home`].
    #[allow(clippy::too_many_arguments)]
    #[inline(always)]
    fn classify_in(
        &self,
        tags: &[u8],
        slots: &[Slot],
        mask: usize,
        shift: u32,
        buf: &[u8],
        s: usize,
        e: usize,
    ) -> Word {
        let n = e - s;
        // Most tokens are words of 2 to 16 bytes: one test lets them through.
        if !(2..=INLINE).contains(&n) {
            match n {
                0 => return Word::UNKNOWN,
                1 if buf[s] < 128 => return self.ascii[buf[s] as usize],
                1 => {}
                _ => return self.classify_long(&buf[s..e]),
            }
        }
        let (w0, w1) = Key::short_words(buf, s, n);
        let hash = Key::hash_words(w0, w1);
        let tag = tag(hash);
        // Sliced here again, with `mask` at hand, for the compiler to see that the masked
        // indices are in bounds (a check per token, where it would check each probe).
        let (tags, slots) = (&tags[..=mask], &slots[..=mask]);
        let mut i = home(hash, shift) & mask;
        loop {
            let t = tags[i];
            if t == 0 {
                return Word::UNKNOWN;
            }
            if t == tag {
                let slot = &slots[i];
                if slot.len() == n && slot.w0 == w0 && slot.w1 == w1 {
                    return slot.word();
                }
            }
            i = (i + 1) & mask;
        }
    }

    /// [`Vocab::classify_in`] of a key longer than [`INLINE`].
    #[inline(never)]
    fn classify_long(&self, key: &[u8]) -> Word {
        self.word_at(&Key::new(key))
    }

    /// The word classes of the folded word `key` (0 for a word the vocabulary lacks): one
    /// probe, where the lexicon's own look-up is a binary search over its strings.
    pub fn classes(&self, key: &[u8]) -> u64 {
        match *key {
            [] => 0,
            [b] if b < 128 => self.ascii[b as usize].classes,
            _ => self.word_at(&Key::new(key)).classes,
        }
    }

    /// Records the lookup stage's token id for `key`, and its start bits.
    pub fn set_token(&mut self, key: &str, token: u32, start: u8) {
        let slot = self.entry(key);
        slot.token = token;
        slot.len_start = slot.len_start & MAX_KEY as u32 | (start as u32) << 24;
        self.update_ascii(key);
    }

    /// Keeps [`Vocab::ascii`] equal to the table for a key of one ASCII byte.
    fn update_ascii(&mut self, key: &str) {
        if let &[b] = key.as_bytes() {
            if b < 128 {
                self.ascii[b as usize] = self.slots[self.find_slot(&Key::new(key.as_bytes()))].word();
            }
        }
    }

    /// Adds word classes to `key`.
    pub fn add_classes(&mut self, key: &str, classes: u64) {
        if classes != 0 {
            self.entry(key).classes |= classes;
            self.update_ascii(key);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    /// Against a plain map, with keys short, exactly 8 and 16 bytes, long, sharing prefixes,
    /// and enough of them to grow the table several times.
    #[test]
    fn padded_keys_are_the_same_keys() {
        let text = "a ab abcdefgh abcdefghi abcdefghijklmnop abcdefghijklmnopq αθήνα";
        let mut buf = text.as_bytes().to_vec();
        buf.extend([0xAB; 16]); // whatever follows the text
        let mut s = 0;
        for w in text.split(' ') {
            let k = Key::new(w.as_bytes());
            if w.len() <= INLINE {
                let (w0, w1) = Key::short_words(&buf, s, w.len());
                let hash = Key::hash_words(w0, w1);
                assert_eq!((k.w0, k.w1, k.hash), (w0, w1, hash), "{w}");
            }
            s += w.len() + 1;
        }
    }

    /// `k` as a folded line holds it: a byte before, and sixteen bytes of whatever after.
    fn padded(k: &str) -> Vec<u8> {
        let mut buf = vec![b'x'];
        buf.extend_from_slice(k.as_bytes());
        buf.extend([0xAB; 16]);
        buf
    }

    #[test]
    fn agrees_with_a_map() {
        let mut v = Vocab::with_capacity(4);
        let mut reference: HashMap<String, (u32, u8, u64)> = HashMap::new();
        let mut keys: Vec<String> = vec![
            "a".into(),
            "ab".into(),
            "abcdefgh".into(),
            "abcdefghi".into(),
            "abcdefghijklmnop".into(),
            "abcdefghijklmnopq".into(),
            "abcdefghijklmnopqr".into(),
            "μητσοτακης".into(),
            "κωνσταντινουπολεως".into(),
            "ν".into(),
            ".".into(),
            "o".into(),
            "7".into(),
        ];
        for i in 0..3000u32 {
            keys.push(format!("w{i}"));
            keys.push(format!("λεξη-πολυ-μακρια-{i}"));
        }
        for (i, k) in keys.iter().enumerate() {
            let i = i as u32;
            if i % 3 != 0 {
                v.set_token(k, i, i as u8);
                let r = reference.entry(k.clone()).or_insert((NO_TOKEN, 0, 0));
                (r.0, r.1) = (i, i as u8);
            }
            if i % 2 == 0 {
                v.add_classes(k, 1 << (i % 64));
                reference.entry(k.clone()).or_insert((NO_TOKEN, 0, 0)).2 |= 1 << (i % 64);
            }
        }
        assert_eq!(v.len(), reference.len());
        for k in &keys {
            let want = reference.get(k).map_or(Word::UNKNOWN, |&(token, start, classes)| Word {
                token,
                start,
                classes,
            });
            assert_eq!(v.get(k.as_bytes()), want, "{k}");
            assert_eq!(v.classes(k.as_bytes()), want.classes, "{k}");
            assert_eq!(v.classify(&padded(k), 1, 1 + k.len()), want, "{k}");
        }
        for k in ["", "abcdefghijklmnopqrs", "abcdefgh\0", "w3000", "μητσοτακη", "zz", "q", "\0"] {
            assert_eq!(v.get(k.as_bytes()), Word::UNKNOWN, "{k:?}");
            assert_eq!(v.classes(k.as_bytes()), 0, "{k:?}");
            assert_eq!(v.classify(&padded(k), 1, 1 + k.len()), Word::UNKNOWN, "{k:?}");
        }
    }
}
