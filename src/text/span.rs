//! Spans: half-open ranges of offsets into the caller's original text.

use std::ops::{Index, Range};

/// A half-open range `start..end` of offsets into a text.
///
/// An [`crate::Entity`] carries two: one in bytes (to slice the `&str`) and one in
/// Unicode scalar values (what JSON consumers and Python `str` indices use).
/// A byte span indexes the text directly: `&text[entity.span]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Span {
    /// Inclusive start offset.
    pub start: usize,
    /// Exclusive end offset.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length of the span (in its own unit).
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// True when the two spans share at least one offset.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// `&text[span]` for a byte span.
impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}

/// The chars of UTF-8 `bytes`: the bytes that do not continue a char (not `0b10xx_xxxx`),
/// eight at a time. `str::chars().count()` goes a byte at a time below 32 bytes, as the
/// gaps between entities and their names mostly are.
pub(crate) fn char_count(bytes: &[u8]) -> usize {
    const HIGH: u64 = 0x8080_8080_8080_8080;
    const ONES: u64 = 0x0101_0101_0101_0101;
    let load = |b: &[u8]| u64::from_le_bytes(b.try_into().expect("eight bytes"));
    // Bit 0 of each byte: set when the byte continues a char (bit 7 set and bit 6 clear).
    let continues = |w: u64| (w & !(w << 1) & HIGH) >> 7;
    let mut continuing = 0;
    let mut rest = bytes;
    while rest.len() >= 8 {
        // Each byte lane sums up to 255 words; the lanes are added up once per block.
        let (block, tail) = rest.split_at((rest.len() & !7).min(8 * 255));
        let lanes = block.chunks_exact(8).fold(0, |lanes, c| lanes + continues(load(c)));
        let pairs = (lanes & 0x00FF_00FF_00FF_00FF) + (lanes >> 8 & 0x00FF_00FF_00FF_00FF);
        continuing += (pairs.wrapping_mul(0x0001_0001_0001_0001) >> 48) as usize;
        rest = tail;
    }
    if bytes.len() < 8 {
        continuing += rest.iter().filter(|&&c| c & 0xC0 == 0x80).count();
    } else if !rest.is_empty() {
        // The last one to seven bytes: the last eight, those already counted shifted out.
        let last = continues(load(&bytes[bytes.len() - 8..])) >> (8 * (8 - rest.len()));
        continuing += (last.wrapping_mul(ONES) >> 56) as usize;
    }
    bytes.len() - continuing
}

#[cfg(test)]
mod tests {
    use super::char_count;

    #[test]
    fn char_count_is_the_number_of_chars() {
        let text = "Ο Kim Jong-un «συναντήθηκε» με τον 習近平 στην Αθήνα 🙂 χθες, 1.5€.";
        for a in (0..=text.len()).filter(|&i| text.is_char_boundary(i)) {
            for b in (a..=text.len()).filter(|&i| text.is_char_boundary(i)) {
                assert_eq!(char_count(&text.as_bytes()[a..b]), text[a..b].chars().count(), "{a}..{b}");
            }
        }
        // Longer than a block of lane sums (2,040 bytes), at every end.
        let long = text.repeat(60);
        for b in (long.len() - 300..=long.len()).filter(|&i| long.is_char_boundary(i)) {
            assert_eq!(char_count(&long.as_bytes()[..b]), long[..b].chars().count(), "..{b}");
        }
        // Runs of one width fill some byte lanes in every word: a block one word longer
        // than 255 would carry a lane's sum into the next one.
        for unit in ["α", "€", "🙂"] {
            let run = unit.repeat(4200 / unit.len());
            for skip in 0..4 {
                let a = skip * unit.len();
                assert_eq!(char_count(&run.as_bytes()[a..]), run[a..].chars().count(), "{unit} from {a}");
            }
        }
    }
}
