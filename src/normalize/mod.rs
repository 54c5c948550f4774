//! Folding text for matching, with a map back to the caller's original bytes.
//!
//! Matching never sees the original text: it sees a *folded* copy in which the
//! differences that Greek news text is full of, and that never change which name
//! is meant, are gone:
//!
//! * accents, diaeresis and breathings (NFC or NFD, tonos or oxia): `Κρεμλίνο` = `ΚΡΕΜΛΙΝΟ`;
//! * letter case and final sigma: `Ρωσίας` = `ρωσιασ`;
//! * Latin look-alike letters inside Greek words and the reverse: a Greek `Κ`, a
//!   Latin `K` and a Cyrillic `К` fold to the same letter, so `ΝΑΤΟ` typed in
//!   Greek and `NATO` typed in Latin are one string;
//! * typographic variants: hyphens and dashes (folded to a space, so
//!   `Τζο-Τσουν-ριόνγκ` = `Τζο Τσουν ριόνγκ`), apostrophes, quotes («» → `"`),
//!   non-breaking and other spaces (runs collapse to one space), zero-width and
//!   bidi controls (dropped).
//!
//! Every byte of the folded text remembers the byte offset of the original
//! character it came from, so a match in the folded text maps back to an exact
//! span of the original, including any combining marks that follow its last
//! letter.

mod fold_table;

use fold_table::{ASCII, GREEK_EXT, TWO_BYTE};

/// Table value: a character that produces nothing (format controls, BOM, ZWJ...).
const DROP: u32 = 0xFFFF_FFFF;
/// Table value: a combining mark, which produces nothing and belongs to the character before it.
const MARK: u32 = 0xFFFF_FFFE;

/// What one original character becomes in the folded text.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Folded {
    /// Replaced by this character (possibly itself).
    Char(char),
    /// A space-like character: runs of them become one space.
    Space,
    /// A line or paragraph break: names never span one.
    Newline,
    /// Produces nothing (ignorable format character).
    Drop,
    /// A combining mark: produces nothing, extends the previous character.
    Mark,
}

#[inline]
fn from_table(v: u32) -> Folded {
    match v {
        DROP => Folded::Drop,
        MARK => Folded::Mark,
        0x20 => Folded::Space,
        _ => Folded::Char(char::from_u32(v).unwrap_or('\u{FFFD}')),
    }
}

/// Folds one character (see the module docs).
#[inline]
fn fold_char(c: char) -> Folded {
    let cp = c as u32;
    if cp < 0x80 {
        return match ASCII[cp as usize] {
            b' ' => Folded::Space,
            b'\n' => Folded::Newline,
            b'-' => Folded::Space,
            b => Folded::Char(b as char),
        };
    }
    if cp < 0x800 {
        return from_table(TWO_BYTE[(cp - 0x80) as usize]);
    }
    if (0x1F00..0x2000).contains(&cp) {
        return from_table(GREEK_EXT[(cp - 0x1F00) as usize]);
    }
    match cp {
        0x2000..=0x200A | 0x202F | 0x205F | 0x3000 => Folded::Space,
        0x200B..=0x200F | 0x202A..=0x202E | 0x2060..=0x2064 | 0x2066..=0x206F | 0xFEFF => Folded::Drop,
        0x2010..=0x2015 | 0x2212 | 0xFE58 | 0xFE63 | 0xFF0D => Folded::Space,
        0x2018..=0x201B | 0x2032 | 0xFF07 => Folded::Char('\''),
        0x201C..=0x201F | 0x2033 | 0xFF02 => Folded::Char('"'),
        0x2028 | 0x2029 => Folded::Newline,
        0x1AB0..=0x1AFF | 0x1DC0..=0x1DFF | 0x20D0..=0x20FF | 0xFE00..=0xFE0F | 0xFE20..=0xFE2F => {
            Folded::Mark
        }
        _ if is_letter(c) => Folded::Char(c.to_lowercase().next().unwrap_or(c)),
        _ => Folded::Char(c),
    }
}

/// True for a character that continues a combining sequence (dropped, attached to its base).
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    fold_char(c) == Folded::Mark
}

/// True for a letter, with fast paths for ASCII and Greek (most of what we read).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x386 | 0x388..=0x3F5 | 0x3F7..=0x3FF => true,
        0x1F00..=0x1FBC | 0x1FC2..=0x1FCC | 0x1FD0..=0x1FDC | 0x1FE0..=0x1FEC | 0x1FF2..=0x1FFC => true,
        _ => c.is_alphabetic(),
    }
}

/// True for an upper-case letter, with fast paths for ASCII and modern Greek.
#[inline]
pub fn is_upper(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_uppercase(),
        0x386 | 0x388..=0x38F | 0x391..=0x3AB => true,
        0x390 | 0x3AC..=0x3CE => false,
        _ => c.is_uppercase(),
    }
}

/// True for a letter or digit, with the same fast paths as [`is_letter`].
#[inline]
pub fn is_alnum(c: char) -> bool {
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        is_letter(c) || c.is_numeric()
    }
}

/// Folds a whole string, without offsets: how gazetteer names are folded.
pub fn fold(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    fold_each(s, &mut out);
    out
}

/// The folding loop shared by [`fold`] and [`FoldedText::fold_into`]: calls `out.emit` with
/// every folded character and the original byte offset it stands for. A run of spaces and
/// newlines becomes one character, placed at the run's start (a newline if it has one).
/// Where folded characters go: a plain string, or a string with its offset map.
trait Sink {
    fn emit(&mut self, c: char, origin: u32);
}

impl Sink for String {
    #[inline(always)]
    fn emit(&mut self, c: char, _origin: u32) {
        self.push(c);
    }
}

impl Sink for FoldedText {
    #[inline(always)]
    fn emit(&mut self, c: char, origin: u32) {
        self.text.push(c);
        self.origin.push(origin);
        if !c.is_ascii() {
            for _ in 1..c.len_utf8() {
                self.origin.push(origin);
            }
        }
    }
}

#[inline(always)]
fn fold_each(s: &str, out: &mut impl Sink) {
    let bytes = s.as_bytes();
    let mut pending_space: Option<(u32, bool)> = None; // (origin, contains a newline)
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Decode by hand: ASCII and two-byte characters (Greek) go straight to their tables.
        let (folded, len) = if b < 0x80 {
            let f = match ASCII[b as usize] {
                b' ' | b'-' => Folded::Space,
                b'\n' => Folded::Newline,
                c => Folded::Char(c as char),
            };
            (f, 1)
        } else if b < 0xE0 {
            // A two-byte sequence: `s` is valid UTF-8, so a continuation byte follows.
            let cp = ((b as u32 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F);
            (from_table(TWO_BYTE[(cp - 0x80) as usize]), 2)
        } else {
            let c = s[i..].chars().next().expect("a char starts here");
            (fold_char(c), c.len_utf8())
        };
        let at = i as u32;
        i += len;
        match folded {
            Folded::Char(f) => {
                if let Some((o, nl)) = pending_space.take() {
                    out.emit(if nl { '\n' } else { ' ' }, o);
                }
                out.emit(f, at);
            }
            Folded::Space | Folded::Newline => {
                let nl = folded == Folded::Newline;
                match &mut pending_space {
                    Some((_, was_nl)) => *was_nl |= nl,
                    None => pending_space = Some((at, nl)),
                }
            }
            Folded::Drop | Folded::Mark => {}
        }
    }
    if let Some((o, nl)) = pending_space.take() {
        out.emit(if nl { '\n' } else { ' ' }, o);
    }
}

/// A folded copy of a text plus, for every folded byte, the original byte offset it came from.
///
/// Reused across calls (see [`crate::Worker`]) so that folding allocates only when
/// a text is longer than any before it.
#[derive(Clone, Debug, Default)]
pub struct FoldedText {
    /// The folded text.
    text: String,
    /// `origin[i]` is the original byte offset of the character that produced folded byte `i`;
    /// one extra entry holds the original length.
    origin: Vec<u32>,
    /// Scratch space for the matcher: the folded text's token spans and their token ids.
    token_spans: Vec<(u32, u32)>,
    token_ids: Vec<u8>,
}

impl FoldedText {
    /// Folds `s` into this buffer, replacing what it held.
    ///
    /// Offsets are stored as `u32`: texts of 4 GiB or more must be split by the caller
    /// (the recognizer processes long texts line by line).
    pub fn fold_into(&mut self, s: &str) {
        self.text.clear();
        self.origin.clear();
        self.text.reserve(s.len());
        self.origin.reserve(s.len() + 1);
        fold_each(s, self);
        self.origin.push(s.len() as u32);
    }

    /// The folded text with the matcher's token scratch buffers.
    pub(crate) fn token_buffers(&mut self) -> (&str, &mut Vec<(u32, u32)>, &mut Vec<u8>) {
        (&self.text, &mut self.token_spans, &mut self.token_ids)
    }

    /// The token spans and ids the matcher last wrote (see [`FoldedText::token_buffers`]).
    pub(crate) fn tokens(&self) -> (&[(u32, u32)], &[u8]) {
        (&self.token_spans, &self.token_ids)
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Original byte offset where the folded byte `i` starts.
    #[inline]
    pub fn origin_start(&self, i: usize) -> usize {
        self.origin[i] as usize
    }

    /// Maps a folded byte range back to a byte range of `original` (the text that was folded):
    /// from the start of the first character to the end of the last one, combining marks after it
    /// included.
    pub fn original_range(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        let s = self.origin[start] as usize;
        let last = self.origin[end - 1] as usize;
        let mut e = last + original[last..].chars().next().map_or(0, char::len_utf8);
        for c in original[e..].chars() {
            if is_mark(c) {
                e += c.len_utf8();
            } else {
                break;
            }
        }
        (s, e)
    }

    /// True if folded position `i` is at a word boundary on its left
    /// (start of text, or the previous character is not a letter or digit).
    #[inline]
    pub fn boundary_before(&self, i: usize) -> bool {
        self.text[..i].chars().next_back().is_none_or(|c| !is_alnum(c))
    }

    /// True if folded position `i` is at a word boundary on its right.
    #[inline]
    pub fn boundary_after(&self, i: usize) -> bool {
        self.text[i..].chars().next().is_none_or(|c| !is_alnum(c))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    macro_rules! t {
        ($name:ident, $input:expr, $expected:expr) => {
            #[test]
            fn $name() {
                assert_eq!(fold($input), fold($expected), "fold({:?})", $input);
            }
        };
    }

    // Accents, case, final sigma, NFC vs NFD, tonos vs oxia, polytonic.
    t!(accent_and_case, "ΚΡΕΜΛΙΝΟ", "κρεμλίνο");
    t!(final_sigma, "ΡΩΣΙΑΣ", "ρωσίας");
    t!(nfd_vs_nfc, "Κορε\u{301}α", "Κορέα");
    t!(tonos_vs_oxia, "Κορ\u{1F73}α", "Κορέα");
    t!(diaeresis, "Ευρωπαΐκή", "ευρωπαϊκη");
    t!(polytonic, "Ἀθῆναι", "Αθηναι");
    // Latin and Cyrillic look-alikes inside Greek words, and the reverse.
    t!(latin_lookalikes_in_greek, "KOPEA", "ΚΟΡΕΑ");
    t!(greek_lookalikes_in_latin, "ΝΑΤΟ", "NATO");
    t!(mixed_word, "Μητσoτάκης", "Μητσοτάκης");
    t!(cyrillic_lookalike, "Κ\u{43E}ρέα", "Κορέα");
    // Typography.
    t!(hyphen_is_space, "Τζο-Τσουν-ριόνγκ", "Τζο Τσουν ριόνγκ");
    t!(en_dash_is_space, "ΠΑΣΟΚ–ΚΙΝΑΛ", "ΠΑΣΟΚ ΚΙΝΑΛ");
    t!(nbsp_is_space, "Κιμ\u{A0}Γιονγκ", "Κιμ Γιονγκ");
    t!(space_runs_collapse, "Κιμ \t  Γιονγκ", "Κιμ Γιονγκ");
    t!(zero_width_dropped, "Μητσο\u{200B}τάκης", "Μητσοτάκης");
    t!(zwj_dropped, "Πού\u{200D}τιν", "Πούτιν");
    t!(bom_dropped, "\u{FEFF}Πούτιν", "Πούτιν");
    t!(guillemets, "«Κιμ»", "\"Κιμ\"");
    t!(apostrophes, "στ’ Αθήνα", "στ' Αθήνα");
    t!(latin_diacritics, "Erdoğan", "Erdogan");

    #[test]
    fn offsets_map_back_to_original() {
        let text = "Η  ΚΟΡΕ\u{301}Α\u{301} και «Κρεμλίνο»";
        let mut f = FoldedText::default();
        f.fold_into(text);
        let folded = f.as_str().to_string();
        let needle = fold("Κορέα");
        let at = folded.find(&needle).unwrap();
        let (s, e) = f.original_range(text, at, at + needle.len());
        assert_eq!(&text[s..e], "ΚΟΡΕ\u{301}Α\u{301}");
        let needle = fold("Κρεμλίνο");
        let at = folded.find(&needle).unwrap();
        let (s, e) = f.original_range(text, at, at + needle.len());
        assert_eq!(&text[s..e], "Κρεμλίνο");
    }

    #[test]
    fn newline_survives_space_runs() {
        assert_eq!(fold("α \n β"), "a\nb");
        assert_eq!(fold("  α"), " a");
        assert_eq!(fold(""), "");
    }

    #[test]
    fn boundaries() {
        let mut f = FoldedText::default();
        f.fold_into("Λευκορωσία, Ρωσία");
        let t = f.as_str();
        let at = t.find(&fold("ρωσία")).unwrap();
        assert!(!f.boundary_before(at));
        let at2 = t.rfind(&fold("ρωσία")).unwrap();
        assert!(f.boundary_before(at2));
        assert!(f.boundary_after(t.len()));
    }
}
