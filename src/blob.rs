//! Tables that are read in place: from a blob compiled into the binary (the default
//! gazetteers and lexicon, see `stages::compiled`) or built at run time, with one representation.
//!
//! A table of numbers is its little-endian bytes, and a list of strings is the strings one
//! per line with their end offsets: both either borrow the blob (`&'static`, no copy, no
//! parse) or own what a run-time build made. Numbers are decoded on access
//! (`u32::from_le_bytes`, one unaligned load on the usual targets), so the blob needs no
//! alignment, no `unsafe` and no particular byte order. A blob is two files: the numbers,
//! and the strings as text, which the crate embeds with `include_str!` (checked UTF-8 at
//! compile time, where checking it at start-up cost more than reading everything else).

use std::borrow::Cow;

/// A table of `u32`, as little-endian bytes.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct U32s(Cow<'static, [u8]>);

impl U32s {
    /// The table of `values`, owned.
    pub fn from_vec(values: &[u32]) -> U32s {
        U32s(Cow::Owned(values.iter().flat_map(|v| v.to_le_bytes()).collect()))
    }

    /// Number of values.
    #[inline]
    pub fn len(&self) -> usize {
        self.0.len() / 4
    }

    /// Value `i`; panics when out of range, as a slice does.
    #[inline]
    pub fn get(&self, i: usize) -> u32 {
        let b = &self.0[4 * i..4 * i + 4];
        u32::from_le_bytes([b[0], b[1], b[2], b[3]])
    }

    /// The values, in order.
    pub fn iter(&self) -> impl Iterator<Item = u32> + '_ {
        self.0.chunks_exact(4).map(|b| u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }

    /// The values in rows of `N`, in order (a last, shorter row is left out).
    pub fn rows<const N: usize>(&self) -> impl Iterator<Item = [u32; N]> + '_ {
        self.0.chunks_exact(4 * N).map(|row| {
            std::array::from_fn(|k| {
                u32::from_le_bytes([row[4 * k], row[4 * k + 1], row[4 * k + 2], row[4 * k + 3]])
            })
        })
    }

    /// Whether no value is smaller than the one before it.
    pub fn is_ascending(&self) -> bool {
        let mut last = 0;
        self.iter().all(|v| {
            let ok = last <= v;
            last = v;
            ok
        })
    }

    /// The index in `from..to` of `value`, where those values ascend.
    #[inline]
    pub fn find_sorted(&self, from: usize, to: usize, value: u32) -> Option<usize> {
        let (mut lo, mut hi) = (from, to);
        // Most runs are short: a few compares beat the branches of a binary search.
        while hi - lo > 8 {
            let mid = lo + (hi - lo) / 2;
            if self.get(mid) <= value {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        (lo..hi).find(|&i| self.get(i) == value)
    }
}

/// A list of strings, each followed by a line break, with the end of each (where its line
/// break is): string `i` runs from after the line break of string `i - 1`.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub(crate) struct Strs {
    text: Cow<'static, str>,
    ends: U32s,
}

impl Strs {
    /// An owned list of `items`.
    pub fn collect<'a>(items: impl IntoIterator<Item = &'a str>) -> Strs {
        let mut text = String::new();
        let mut ends = Vec::new();
        for s in items {
            text.push_str(s);
            ends.push(u32::try_from(text.len()).expect("string tables stay under 4 GiB"));
            text.push('\n');
        }
        Strs { text: Cow::Owned(text), ends: U32s::from_vec(&ends) }
    }

    /// Number of strings.
    #[inline]
    pub fn len(&self) -> usize {
        self.ends.len()
    }

    /// String `i`.
    #[inline]
    pub fn get(&self, i: usize) -> &str {
        let start = if i == 0 { 0 } else { self.ends.get(i - 1) as usize + 1 };
        &self.text[start..self.ends.get(i) as usize]
    }

    /// The strings, in order.
    pub fn iter(&self) -> impl Iterator<Item = &str> + '_ {
        (0..self.len()).map(|i| self.get(i))
    }
}

/// Writes a blob: a magic string, then sections, each a length and its bytes; and the
/// text of its lists of strings. (The embedded blob is written by the test that generates
/// it; a model file holds one too.)
pub(crate) struct Writer {
    out: Vec<u8>,
    text: String,
}

impl Writer {
    /// A blob that starts with `magic`.
    pub fn new(magic: &[u8]) -> Writer {
        Writer { out: magic.to_vec(), text: String::new() }
    }

    fn section(&mut self, bytes: &[u8]) {
        self.out.extend_from_slice(&u32::try_from(bytes.len()).expect("a section is < 4 GiB").to_le_bytes());
        self.out.extend_from_slice(bytes);
    }

    /// A number.
    #[cfg(test)]
    pub fn u64(&mut self, v: u64) {
        self.section(&v.to_le_bytes());
    }

    /// A table of numbers.
    pub fn u32s(&mut self, t: &U32s) {
        self.section(&t.0);
    }

    /// Bytes.
    pub fn bytes(&mut self, b: &[u8]) {
        self.section(b);
    }

    /// A list of strings: its text goes to the text, where it starts and ends to the blob.
    pub fn strs(&mut self, s: &Strs) {
        let at = |n: usize| u32::try_from(n).expect("the text is < 4 GiB");
        let start = at(self.text.len());
        self.text.push_str(&s.text);
        self.u32s(&U32s::from_vec(&[start, at(self.text.len())]));
        self.u32s(&s.ends);
    }

    /// The blob and its text.
    pub fn finish(self) -> (Vec<u8>, String) {
        (self.out, self.text)
    }
}

/// Reads a blob that `Writer` wrote: in place from a `'static` blob, or copying each table
/// out of a borrowed one (a blob in a model file). Every read is checked: a blob that does
/// not have the sections asked for gives `None`, never a panic or a wrong table.
pub(crate) struct Reader<'b> {
    rest: &'b [u8],
    text: &'b str,
    /// How a section becomes a table: borrowed (`'static` blobs) or copied.
    table: fn(&'b [u8]) -> Cow<'static, [u8]>,
    string: fn(&'b str) -> Cow<'static, str>,
}

impl Reader<'static> {
    /// The sections of `blob`, with `text` its text, if it starts with `magic`; tables
    /// borrow them.
    pub fn new(blob: &'static [u8], text: &'static str, magic: &[u8]) -> Option<Reader<'static>> {
        blob.strip_prefix(magic).map(|rest| Reader {
            rest,
            text,
            table: Cow::Borrowed,
            string: Cow::Borrowed,
        })
    }
}

impl<'b> Reader<'b> {
    /// The same as [`Reader::new`] for a blob that is not `'static`: tables are copies.
    pub fn copying(blob: &'b [u8], text: &'b str, magic: &[u8]) -> Option<Reader<'b>> {
        let table = |s: &[u8]| Cow::Owned(s.to_vec());
        let string = |s: &str| Cow::Owned(s.to_owned());
        blob.strip_prefix(magic).map(|rest| Reader { rest, text, table, string })
    }

    fn section(&mut self) -> Option<&'b [u8]> {
        let (len, rest) = self.rest.split_first_chunk::<4>()?;
        let len = u32::from_le_bytes(*len) as usize;
        if rest.len() < len {
            return None;
        }
        let (s, rest) = rest.split_at(len);
        self.rest = rest;
        Some(s)
    }

    /// A number.
    pub fn u64(&mut self) -> Option<u64> {
        Some(u64::from_le_bytes(self.section()?.try_into().ok()?))
    }

    /// A table of numbers.
    pub fn u32s(&mut self) -> Option<U32s> {
        let s = self.section()?;
        (s.len() % 4 == 0).then(|| U32s((self.table)(s)))
    }

    /// Bytes.
    pub fn bytes(&mut self) -> Option<&'b [u8]> {
        self.section()
    }

    /// A list of strings: a range of the text, and ends that ascend within it, each on a
    /// line break (so on char boundaries), the last one the range's last byte.
    pub fn strs(&mut self) -> Option<Strs> {
        let range = self.u32s()?;
        if range.len() != 2 {
            return None;
        }
        let text = self.text.get(range.get(0) as usize..range.get(1) as usize)?;
        let ends = self.u32s()?;
        let bytes = text.as_bytes();
        let mut start = 0;
        for e in ends.iter() {
            let e = e as usize;
            if e < start || bytes.get(e) != Some(&b'\n') {
                return None;
            }
            start = e + 1;
        }
        (start == text.len()).then(|| Strs { text: (self.string)(text), ends })
    }

    /// Whether every section was read.
    pub fn is_done(&self) -> bool {
        self.rest.is_empty()
    }
}

/// A 64-bit fingerprint of byte strings (Fx-style: one multiply per 8 bytes), to tell
/// whether a blob was made from the inputs at hand. Not cryptographic: it guards against
/// forgetting to regenerate, not against tampering.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Fingerprint(u64);

impl Fingerprint {
    /// The fingerprint of nothing.
    pub fn new() -> Fingerprint {
        Fingerprint(0x243F_6A88_85A3_08D3)
    }

    fn add(&mut self, w: u64) {
        self.0 = (self.0.rotate_left(26) ^ w).wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }

    /// Adds `bytes`, with its length (so that `ab`,`c` and `a`,`bc` differ).
    pub fn bytes(mut self, bytes: &[u8]) -> Fingerprint {
        self.add(bytes.len() as u64);
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("eight bytes")));
        }
        let mut last = [0u8; 8];
        last[..chunks.remainder().len()].copy_from_slice(chunks.remainder());
        self.add(u64::from_le_bytes(last));
        self
    }

    /// The fingerprint's value.
    pub fn value(self) -> u64 {
        self.0 ^ (self.0 >> 31)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn leak(v: Vec<u8>) -> &'static [u8] {
        Box::leak(v.into_boxed_slice())
    }

    fn leak_str(s: String) -> &'static str {
        Box::leak(s.into_boxed_str())
    }

    /// Every kind of section reads back as written, owned tables and borrowed ones alike.
    #[test]
    fn tables_read_back_as_written() {
        let nums = U32s::from_vec(&[0, 1, 7, 7, 9, u32::MAX, 65_536]);
        let strs = Strs::collect(["", "αθήνα", "x", "", "μητσοτάκης"]);
        let mut w = Writer::new(b"TEST");
        w.u64(42);
        w.u32s(&nums);
        w.bytes(b"raw");
        w.strs(&strs);
        w.strs(&Strs::collect(["β"]));
        let (blob, text) = w.finish();
        assert_eq!(text, "\nαθήνα\nx\n\nμητσοτάκης\nβ\n");
        let mut r = Reader::new(leak(blob), leak_str(text), b"TEST").expect("magic");
        assert_eq!(r.u64(), Some(42));
        let back = r.u32s().expect("numbers");
        assert_eq!(back, nums);
        assert_eq!(back.iter().collect::<Vec<_>>(), [0, 1, 7, 7, 9, u32::MAX, 65_536]);
        assert_eq!(r.bytes(), Some(&b"raw"[..]));
        let back = r.strs().expect("strings");
        assert_eq!(back.iter().collect::<Vec<_>>(), ["", "αθήνα", "x", "", "μητσοτάκης"]);
        assert_eq!(r.strs().expect("strings").iter().collect::<Vec<_>>(), ["β"]);
        assert!(r.is_done());
        assert!(r.u64().is_none());
    }

    /// A blob cut short, with another magic, or with string ends or a text that do not fit
    /// reads as `None`.
    #[test]
    fn broken_blobs_read_as_none() {
        let mut w = Writer::new(b"TEST");
        w.strs(&Strs::collect(["αθήνα", "β"]));
        let (blob, text) = w.finish();
        let text = leak_str(text);
        let strs = |blob: Vec<u8>, text: &'static str| {
            Reader::new(leak(blob), text, b"TEST").and_then(|mut r| r.strs())
        };
        assert!(strs(blob.clone(), text).is_some());
        assert!(Reader::new(leak(blob.clone()), text, b"ELSE").is_none());
        for cut in 4..blob.len() {
            assert!(strs(blob[..cut].to_vec(), text).is_none(), "cut at {cut}");
        }
        // The first end moved from 10 (after `αθήνα`) to 9, inside `α`.
        let mut bad = blob.clone();
        let at = bad.len() - 8;
        bad[at] = 9;
        assert!(strs(bad, text).is_none());
        // Another text: shorter, or with other line breaks.
        assert!(strs(blob.clone(), "αθήνα\n").is_none());
        assert!(strs(blob.clone(), "αθήνα β\n\n").is_none());
    }

    #[test]
    fn sorted_runs_are_searched_exactly() {
        let values: Vec<u32> = (0..40).map(|i| 3 * i + 1).collect();
        let t = U32s::from_vec(&values);
        for from in [0, 5, 20] {
            for to in [from, from + 1, from + 9, 40] {
                for v in 0..125 {
                    let want = (from..to).find(|&i| values[i] == v);
                    assert_eq!(t.find_sorted(from, to, v), want, "{from}..{to} {v}");
                }
            }
        }
    }

    #[test]
    fn fingerprints_tell_inputs_apart() {
        let f = |parts: &[&[u8]]| parts.iter().fold(Fingerprint::new(), |f, p| f.bytes(p)).value();
        assert_eq!(f(&[b"abc", b"d"]), f(&[b"abc", b"d"]));
        assert_ne!(f(&[b"abc", b"d"]), f(&[b"ab", b"cd"]));
        assert_ne!(f(&[b"abcdefgh"]), f(&[b"abcdefgh\0"]));
        assert_ne!(f(&[]), f(&[b""]));
    }
}
