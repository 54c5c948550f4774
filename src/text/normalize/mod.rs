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

/// A word's shape, read from its original characters as it is folded: bits the stages test
/// (a capital, all capitals, a digit, the script...).
pub(crate) mod shape {
    /// The first letter is a capital.
    pub const CAP: u8 = 1;
    /// Two or more letters, all capitals (an acronym or a word in a headline in capitals).
    pub const UPPER: u8 = 2;
    /// Written in Latin script (its first letter is).
    pub const LATIN: u8 = 4;
    /// Contains a digit.
    pub const DIGIT: u8 = 8;
    /// One letter only.
    pub const SINGLE: u8 = 16;
    /// No letter at all.
    pub const NO_LETTER: u8 = 32;
    /// Starts with a small letter (the only bits such a word has besides are `LATIN` and
    /// `WORD`).
    pub const SMALL: u8 = 64;
    /// A run of letters and digits (any other token is one character: punctuation).
    pub const WORD: u8 = 128;
    // A word that starts with a small letter gets `LATIN` or nothing: only its script is
    // read (the stages look no further at such a word).
}

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

/// True for a character that separates words the way folding does (white space, hyphens,
/// dashes: all fold to a space): the one definition of a name's words, shared by
/// inflection, the case rules and learning.
#[inline]
pub(crate) fn separates_words(c: char) -> bool {
    if c.is_ascii() {
        return matches!(c, ' ' | '\t' | '\n' | '\r' | '\x0b' | '\x0c' | '-');
    }
    !is_letter(c) && (c.is_whitespace() || matches!(fold_char(c), Folded::Space | Folded::Newline))
}

/// True for a character that continues a combining sequence (dropped, attached to its base).
#[inline]
pub(crate) fn is_mark(c: char) -> bool {
    fold_char(c) == Folded::Mark
}

/// The char at byte `i` of `text` (a char boundary) and its length in bytes, decoded by
/// hand for ASCII and two-byte characters (Greek): the tokenizers read every char of the
/// text, and `text[i..].chars().next()` costs a slice and a general decode each time.
#[inline(always)]
pub(crate) fn char_at(text: &str, i: usize) -> (char, usize) {
    let bytes = text.as_bytes();
    let b = bytes[i];
    if b < 0x80 {
        (b as char, 1)
    } else if b < 0xE0 {
        let cp = ((b as u32 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F);
        (char::from_u32(cp).unwrap_or('\u{FFFD}'), 2)
    } else {
        let c = text[i..].chars().next().expect("a char starts here");
        (c, c.len_utf8())
    }
}

/// True when a Greek letter that [`is_letter`] accepts without a table (U+0386,
/// U+0388..=U+03F5, U+03F7..=U+03FF: all modern Greek letters) starts at byte `i` of `bytes`
/// (UTF-8, `i` a char boundary). The tokenizers' hot path: decided on two bytes, without
/// decoding the char.
#[inline(always)]
pub(crate) fn greek_letter_at(bytes: &[u8], i: usize) -> bool {
    match bytes[i] {
        0xCE => matches!(bytes.get(i + 1), Some(0x86 | 0x88..=0xBF)),
        0xCF => matches!(bytes.get(i + 1), Some(0x80..=0xB5 | 0xB7..=0xBF)),
        _ => false,
    }
}

/// True for a letter, with fast paths for ASCII and Greek (most of what we read).
#[inline]
pub fn is_letter(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0x386 | 0x388..=0x3F5 | 0x3F7..=0x3FF => true,
        0x1F00..=0x1FBC | 0x1FC2..=0x1FCC | 0x1FD0..=0x1FDC | 0x1FE0..=0x1FEC | 0x1FF2..=0x1FFC => true,
        _ => is_alphabetic(c),
    }
}

/// Exactly [`char::is_alphabetic`], with fast paths for ASCII, the basic Greek letters and
/// the punctuation of news text (`«`, `»`, `–`, `’`...), where std binary-searches its
/// tables (a test checks every char).
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    match c as u32 {
        0..=0x7F => c.is_ascii_alphabetic(),
        0xAA | 0xB5 | 0xBA => true,
        0x80..=0xBF => false,
        0x391..=0x3A1 | 0x3A3..=0x3A9 | 0x3B1..=0x3C9 => true,
        0x2000..=0x206F => false,
        _ => c.is_alphabetic(),
    }
}

/// `s.ends_with(suffix)` compared byte by byte: for the short endings the rules test,
/// cheaper than a call to `memcmp`.
#[inline]
pub(crate) fn ends_with(s: &str, suffix: &str) -> bool {
    s.len() >= suffix.len() && s.bytes().rev().zip(suffix.bytes().rev()).all(|(a, b)| a == b)
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
    fold_each(s, &mut out, &HOT_TWO_BYTE);
    out
}

/// Appends the folding of `s` to `out`: [`fold`] without the allocation, for callers
/// that fold many short strings into a reused buffer.
pub(crate) fn fold_push(s: &str, out: &mut String) {
    fold_each(s, out, &HOT_TWO_BYTE);
}

/// Appends the folding of `s` to `out` as UTF-8 bytes: [`fold_push`] for callers that keep
/// many folded strings end to end and only compare or hash them, written as the pipeline's
/// own folding writes (no `String::push`, no branch on a letter's length).
pub(crate) fn fold_push_bytes(s: &str, out: &mut Vec<u8>) {
    let start = out.len();
    // As in `FoldedLine::fold_and_split`: a character folds to at most twice its bytes.
    out.resize(start + 2 * s.len() + 4, 0);
    let hot: &'static [u32; 0x800] = &HOT_TWO_BYTE;
    let mut sink = ByteSink { text: &mut out[..], at: start, hot };
    fold_each(s, &mut sink, hot);
    let end = sink.at;
    out.truncate(end);
}

/// Folded UTF-8 bytes written at `at`, into a buffer sized up front for the longest folding
/// (a character folds to at most twice its bytes), so that writing a character is one or two
/// stores, with no capacity check: where [`fold_push_bytes`] and the pipeline's
/// [`Splitter`] write. The folding of valid UTF-8 is valid UTF-8.
struct ByteSink<'a> {
    text: &'a mut [u8],
    at: usize,
    /// The hot path's two-byte characters, folded and classified: [`HOT_TWO_BYTE`].
    hot: &'static [u32; 0x800],
}

impl ByteSink<'_> {
    /// Writes `c`; its length in bytes.
    #[inline(always)]
    fn put(&mut self, c: char) -> u32 {
        let len = c.encode_utf8(&mut self.text[self.at..]).len();
        self.at += len;
        len as u32
    }

    #[inline(always)]
    fn put1(&mut self, c: u8) {
        self.text[self.at] = c;
        self.at += 1;
    }

    /// Writes the folding of a hot-path character, entry `e` of [`HOT_TWO_BYTE`], with no
    /// branch on its length; the length.
    #[inline(always)]
    fn put_hot(&mut self, e: u32) -> u32 {
        self.text[self.at..self.at + 2].copy_from_slice(&(e as u16).to_le_bytes());
        let len = (e >> 16) & 3;
        self.at += len as usize;
        len
    }
}

impl Sink for ByteSink<'_> {
    #[inline(always)]
    fn emit(&mut self, c: char, _origin: u32, _olen: u32, _orig: u32) {
        self.put(c);
    }

    #[inline(always)]
    fn emit1(&mut self, c: u8, _origin: u32, _olen: u32, _orig: u32) {
        self.put1(c);
    }

    #[inline(always)]
    fn emit_two_byte(&mut self, e: u32, _origin: u32, _cp: u32) {
        self.put_hot(e);
    }
}

/// The folding loop shared by [`fold`] and [`FoldedText::fold_into`]: calls `out.emit` with
/// every folded character and the original byte offset it stands for. A run of spaces and
/// newlines becomes one character, placed at the run's start (a newline if it has one).
/// Where folded characters go: a plain string, or a string with its offset map.
trait Sink {
    /// Folded character `c` for the original character `orig` at byte `origin`, `olen`
    /// bytes long.
    fn emit(&mut self, c: char, origin: u32, olen: u32, orig: u32);
    /// [`Sink::emit`] for an ASCII character.
    fn emit1(&mut self, c: u8, origin: u32, olen: u32, orig: u32);
    /// A combining mark at byte `origin`, `olen` bytes long, that folds to nothing.
    #[inline(always)]
    fn mark(&mut self, _origin: u32, _olen: u32) {}
    /// The hot path: two-byte character `cp` at byte `origin` folds to one character of one
    /// or two bytes (`α` → `a`, `ή` → `η`); `e` is its entry in [`HOT_TWO_BYTE`].
    #[inline(always)]
    fn emit_two_byte(&mut self, _e: u32, origin: u32, cp: u32) {
        let v = TWO_BYTE[(cp - 0x80) as usize];
        if v < 0x80 {
            self.emit1(v as u8, origin, 2, cp);
        } else {
            self.emit(char::from_u32(v).unwrap_or('\u{FFFD}'), origin, 2, cp);
        }
    }
    /// A run of spaces, folded to one character at byte `origin`: a newline if the run had
    /// one, else a space.
    #[inline(always)]
    fn space(&mut self, nl: bool, origin: u32) {
        self.emit(if nl { '\n' } else { ' ' }, origin, 1, 0x20);
    }
    /// Right after a letter or digit was emitted, with `bytes[i..]` still to read: takes the
    /// run of ASCII and hot-path two-byte letters and digits that follows, if the sink has a
    /// faster way to write it than character by character; where the run ends.
    #[inline(always)]
    fn word_run(&mut self, _bytes: &[u8], i: usize) -> usize {
        i
    }
}

impl Sink for String {
    #[inline(always)]
    fn emit(&mut self, c: char, _origin: u32, _olen: u32, _orig: u32) {
        self.push(c);
    }

    #[inline(always)]
    fn emit1(&mut self, c: u8, _origin: u32, _olen: u32, _orig: u32) {
        self.push(c as char);
    }
}

impl Sink for FoldedText {
    #[inline(always)]
    fn emit(&mut self, c: char, origin: u32, _olen: u32, _orig: u32) {
        self.text.push(c);
        self.origin.push(origin);
        if !c.is_ascii() {
            for _ in 1..c.len_utf8() {
                self.origin.push(origin);
            }
        }
    }

    #[inline(always)]
    fn emit1(&mut self, c: u8, origin: u32, _olen: u32, _orig: u32) {
        debug_assert!(c.is_ascii());
        self.text.push(c as char);
        self.origin.push(origin);
    }
}

/// A [`FoldedLine`] being written (see [`FoldedLine::fold_and_split`]): the folded text cut
/// into tokens as it is written, the same spans as [`crate::text::tokens::folded_tokens`] gives
/// without a second pass over the text, and each word's [`shape`], read from the original
/// characters as they go by.
struct Splitter<'a> {
    /// Where the folded text goes.
    out: ByteSink<'a>,
    tokens: Vec<Token>,
    /// The text being folded (read again only for a word with combining marks).
    src: &'a str,
    /// A run of letters and digits is open: it started at folded byte `start`, and it comes
    /// from original bytes `first..last`. It is written out when it ends: a character costs
    /// no write to the token lists.
    in_word: bool,
    start: u32,
    first: u32,
    last: u32,
    /// The open word's shape so far: its letters and capitals counted, the shape bits of
    /// its first letter and digits in `bits`. `decided` when it starts with a small letter:
    /// such a word's shape is known from that letter alone. `marked` when a combining mark
    /// falls inside it: its shape is then read again from `src` (rare).
    letters: u32,
    upper: u32,
    bits: u8,
    decided: bool,
    marked: bool,
}

/// Bits of [`char_kind`].
const K_LETTER: u8 = 1;
const K_UPPER: u8 = 2;
const K_DIGIT: u8 = 4;
/// In [`Splitter::bits`]: the first letter was seen.
const SEEN: u8 = 0x80;

/// What character `cp` is, for word shapes: a letter ([`is_letter`]), a capital
/// ([`is_upper`]), a digit (not a letter and numeric).
#[inline]
fn char_kind(cp: u32) -> u8 {
    let c = char::from_u32(cp).unwrap_or('\u{FFFD}');
    if is_letter(c) {
        K_LETTER | if is_upper(c) { K_UPPER } else { 0 }
    } else if c.is_ascii_digit() || !c.is_ascii() && c.is_numeric() {
        K_DIGIT
    } else {
        0
    }
}

/// Each hot-path two-byte character (see [`Sink::emit_two_byte`]) in one word: the bytes
/// of its folding (low two bytes, the second 0 for one byte), their number (bits 16-17),
/// whether the folding is a letter or digit (bit 18), and its [`char_kind`] (bits 24-31).
/// One load per character gives all that the splitter's hot path asks, and the bytes are
/// written with no branch on their number (a Greek letter folds to one byte or two at
/// random: `α` → `a`, `λ` → `λ`). Indexed by the code point, masked to eleven bits (the
/// entries below U+0080 are 0): an index that needs no bounds check.
static HOT_TWO_BYTE: std::sync::LazyLock<[u32; 0x800]> = std::sync::LazyLock::new(|| {
    std::array::from_fn(|cp| {
        let Some(i) = cp.checked_sub(0x80) else { return 0 };
        let v = TWO_BYTE[i];
        let Some(c) = char::from_u32(v).filter(|_| v < 0x800 && v != 0x20) else { return 0 };
        let mut buf = [0u8; 4];
        let bytes = c.encode_utf8(&mut buf).as_bytes();
        let (b0, b1) = (bytes[0] as u32, bytes.get(1).copied().unwrap_or(0) as u32);
        let alnum = (is_alnum(c) as u32) << 18;
        b0 | b1 << 8 | (bytes.len() as u32) << 16 | alnum | (char_kind(i as u32 + 0x80) as u32) << 24
    })
});

impl Splitter<'_> {
    /// What original character `orig` is ([`char_kind`], decided at once for ASCII; the
    /// hot path's two-byte characters have theirs in [`HOT_TWO_BYTE`]).
    #[inline(always)]
    fn kind(orig: u32) -> u8 {
        match orig {
            0..=0x7F => {
                let b = orig as u8;
                if b.is_ascii_lowercase() {
                    K_LETTER
                } else if b.is_ascii_uppercase() {
                    K_LETTER | K_UPPER
                } else if b.is_ascii_digit() {
                    K_DIGIT
                } else {
                    0
                }
            }
            _ => char_kind(orig),
        }
    }

    /// Counts original character `orig`, of kind `k`, into the open word's shape.
    #[inline(always)]
    fn count(&mut self, orig: u32, k: u8) {
        if k & K_LETTER != 0 {
            self.letters += 1;
            self.upper += (k & K_UPPER != 0) as u32;
            if self.bits & SEEN == 0 {
                self.bits |= SEEN
                    | if k & K_UPPER != 0 { shape::CAP } else { 0 }
                    | if orig < 0x250 { shape::LATIN } else { 0 };
            }
        } else if k & K_DIGIT != 0 {
            self.bits |= shape::DIGIT;
        }
    }

    /// Records folded character `c`, `len` bytes long, written at folded byte `at` for the
    /// original character `orig` at byte `origin`.
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn token(&mut self, c: char, alnum: bool, at: u32, len: u32, origin: u32, olen: u32, orig: u32) {
        self.token_of_kind(alnum, c == ' ' || c == '\n', at, len, origin, olen, orig, || Self::kind(orig));
    }

    /// [`Splitter::token`], with the character's kind computed only when a word needs it,
    /// and `sep` for a character that is no token (a space, a newline).
    #[inline(always)]
    #[allow(clippy::too_many_arguments)]
    fn token_of_kind(
        &mut self,
        alnum: bool,
        sep: bool,
        at: u32,
        len: u32,
        origin: u32,
        olen: u32,
        orig: u32,
        kind: impl Fn() -> u8,
    ) {
        if alnum {
            if !self.in_word {
                self.in_word = true;
                self.start = at;
                self.first = origin;
                self.marked = false;
                let k = kind();
                // A word that starts with a small letter: only its script matters.
                self.decided = k == K_LETTER;
                if self.decided {
                    self.bits = if orig < 0x250 { shape::LATIN } else { 0 };
                } else {
                    (self.letters, self.upper, self.bits) = (0, 0, 0);
                    self.count(orig, k);
                }
            } else if !self.decided {
                self.count(orig, kind());
            }
            self.last = origin + olen;
        } else {
            self.close(at);
            if !sep {
                let token = Token { fs: at, fe: at + len, s: origin, e: origin + olen, shape: 0 };
                self.tokens.push(token);
            }
        }
    }

    /// Ends the open run of letters and digits, if any, at folded byte `at`.
    #[inline(always)]
    fn close(&mut self, at: u32) {
        if self.in_word {
            self.in_word = false;
            let shape = if self.decided { shape::SMALL } else { 0 }
                | if self.marked {
                    shape_of(&self.src[self.first as usize..self.last as usize])
                } else if self.decided {
                    self.bits
                } else {
                    shape_from(self.letters, self.upper, self.bits & !SEEN)
                };
            let (fs, fe, s, e) = (self.start, at, self.first, self.last);
            let token = Token { fs, fe, s, e, shape: shape | shape::WORD };
            self.tokens.push(token);
        }
    }
}

impl Splitter<'_> {
    /// [`Sink::word_run`] for an open word; `DECIDED` when it starts with a small letter (its
    /// shape is then known, and the characters are not counted).
    #[inline(always)]
    fn run<const DECIDED: bool>(&mut self, bytes: &[u8], mut i: usize) -> usize {
        let (hot, text) = (self.out.hot, &mut *self.out.text);
        let mut at = self.out.at;
        let (mut letters, mut upper, mut bits) = (self.letters, self.upper, self.bits);
        // Two bytes at a time (a word's last ASCII character of the text is left to the
        // caller): no bounds check on the second.
        while i + 1 < bytes.len() {
            let b = bytes[i];
            let (k, orig) = if b & 0xE0 == 0xC0 {
                // Valid UTF-8: a two-byte character (most letters of Greek text).
                let cp = ((b as u32 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F);
                let e = hot[cp as usize & 0x7FF];
                if e & 1 << 18 == 0 {
                    break;
                }
                // Both bytes written, one store; the second is overwritten when the folding
                // has one byte.
                text[at..at + 2].copy_from_slice(&(e as u16).to_le_bytes());
                at += ((e >> 16) & 3) as usize;
                i += 2;
                ((e >> 24) as u8, cp)
            } else if b < 0x80 && b.is_ascii_alphanumeric() {
                text[at] = ASCII[b as usize];
                at += 1;
                i += 1;
                (Self::kind(b as u32), b as u32)
            } else {
                break;
            };
            if !DECIDED {
                // As `Splitter::count`.
                if k & K_LETTER != 0 {
                    letters += 1;
                    upper += (k & K_UPPER != 0) as u32;
                    if bits & SEEN == 0 {
                        bits |= SEEN
                            | if k & K_UPPER != 0 { shape::CAP } else { 0 }
                            | if orig < 0x250 { shape::LATIN } else { 0 };
                    }
                } else if k & K_DIGIT != 0 {
                    bits |= shape::DIGIT;
                }
            }
        }
        self.out.at = at;
        self.last = i as u32;
        if !DECIDED {
            (self.letters, self.upper, self.bits) = (letters, upper, bits);
        }
        i
    }
}

/// A word's shape from its counts and the bits of its first letter and digits.
#[inline]
fn shape_from(letters: u32, upper: u32, bits: u8) -> u8 {
    let mut shape = bits;
    if letters == 0 {
        shape |= shape::NO_LETTER;
    }
    if letters >= 2 && upper == letters {
        shape |= shape::UPPER;
    }
    if letters == 1 {
        shape |= shape::SINGLE;
    }
    shape
}

/// The [`shape`] of `word` (original text, starting with a letter or digit), read from its
/// characters: what [`FoldedLine::fold_and_split`] gives for a word with combining marks,
/// and its reference in tests.
fn shape_of(word: &str) -> u8 {
    let Some(c0) = word.chars().next() else { return shape::NO_LETTER };
    if is_letter(c0) && !is_upper(c0) {
        return if (c0 as u32) < 0x250 { shape::LATIN } else { 0 };
    }
    let (mut letters, mut upper, mut bits) = (0u32, 0u32, 0u8);
    for c in word.chars() {
        if is_letter(c) {
            letters += 1;
            if is_upper(c) {
                upper += 1;
            }
            if letters == 1 {
                bits |= if is_upper(c) { shape::CAP } else { 0 }
                    | if (c as u32) < 0x250 { shape::LATIN } else { 0 };
            }
        } else if c.is_ascii_digit() || !c.is_ascii() && c.is_numeric() {
            bits |= shape::DIGIT;
        }
    }
    shape_from(letters, upper, bits)
}

/// Writes the folded text and its tokens with their origins, but no per-byte offset map:
/// the stages only ever map whole tokens back.
impl Sink for Splitter<'_> {
    #[inline(always)]
    fn emit(&mut self, c: char, origin: u32, olen: u32, orig: u32) {
        let at = self.out.at as u32;
        let len = self.out.put(c);
        self.token(c, is_alnum(c), at, len, origin, olen, orig);
    }

    #[inline(always)]
    fn emit1(&mut self, c: u8, origin: u32, olen: u32, orig: u32) {
        let at = self.out.at as u32;
        self.out.put1(c);
        self.token(c as char, c.is_ascii_alphanumeric(), at, 1, origin, olen, orig);
    }

    #[inline(always)]
    fn emit_two_byte(&mut self, e: u32, origin: u32, cp: u32) {
        let at = self.out.at as u32;
        let len = self.out.put_hot(e);
        // A hot-path character is never a space or a newline.
        self.token_of_kind(e & 1 << 18 != 0, false, at, len, origin, 2, cp, || (e >> 24) as u8);
    }

    /// A space or newline is no token: it only ends the open word (what [`Sink::emit`] does
    /// with it, without its general steps).
    #[inline(always)]
    fn space(&mut self, nl: bool, _origin: u32) {
        let at = self.out.at as u32;
        self.out.put1(if nl { b'\n' } else { b' ' });
        self.close(at);
    }

    /// The rest of an open word, while it is ASCII and hot-path two-byte letters and digits
    /// (nearly every word of Greek or Latin text): each character costs a table load and two
    /// stores, with the word's state in registers, instead of a call of [`Sink::emit1`] or
    /// [`Sink::emit_two_byte`] and [`Splitter::token_of_kind`] each.
    #[inline(always)]
    fn word_run(&mut self, bytes: &[u8], i: usize) -> usize {
        if !self.in_word {
            return i;
        }
        if self.decided {
            self.run::<true>(bytes, i)
        } else {
            self.run::<false>(bytes, i)
        }
    }

    /// A combining mark right after a token's last character belongs to the token (as in
    /// [`FoldedText::original_range`]).
    #[inline(always)]
    fn mark(&mut self, origin: u32, olen: u32) {
        if self.in_word {
            self.marked = true;
            if self.last == origin {
                self.last = origin + olen;
            }
        } else if let Some(t) = self.tokens.last_mut() {
            if t.e == origin {
                t.e = origin + olen;
            }
        }
    }
}

#[inline(always)]
fn fold_each(s: &str, out: &mut impl Sink, hot: &[u32; 0x800]) {
    let bytes = s.as_bytes();
    let mut pending_space: Option<(u32, bool)> = None; // (origin, contains a newline)
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        // Decode by hand: ASCII and two-byte characters (Greek) go straight to their tables.
        let (folded, len, orig) = if b < 0x80 {
            let f = match ASCII[b as usize] {
                b' ' | b'-' => Folded::Space,
                b'\n' => Folded::Newline,
                c => {
                    // An ASCII character folds to one: emitted directly, like the Greek letters below.
                    if let Some((o, nl)) = pending_space.take() {
                        out.space(nl, o);
                    }
                    out.emit1(c, i as u32, 1, b as u32);
                    i += 1;
                    if c.is_ascii_alphanumeric() {
                        i = out.word_run(bytes, i);
                    }
                    continue;
                }
            };
            (f, 1, b as u32)
        } else if b < 0xE0 {
            // A two-byte sequence: `s` is valid UTF-8, so a continuation byte follows.
            let cp = ((b as u32 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F);
            let e = hot[cp as usize & 0x7FF];
            if e != 0 {
                // The hot path (a Greek letter): a two-byte character that folds to an ASCII
                // look-alike (`α` → `a`) or to another two-byte letter, emitted without going
                // through `Folded` (what `from_table` would give: a `Char`).
                if let Some((o, nl)) = pending_space.take() {
                    out.space(nl, o);
                }
                out.emit_two_byte(e, i as u32, cp);
                i += 2;
                i = out.word_run(bytes, i);
                continue;
            }
            (from_table(TWO_BYTE[(cp - 0x80) as usize]), 2, cp)
        } else {
            let c = s[i..].chars().next().expect("a char starts here");
            (fold_char(c), c.len_utf8(), c as u32)
        };
        let at = i as u32;
        i += len;
        match folded {
            Folded::Char(f) => {
                if let Some((o, nl)) = pending_space.take() {
                    out.space(nl, o);
                }
                out.emit(f, at, len as u32, orig);
            }
            Folded::Space | Folded::Newline => {
                let nl = folded == Folded::Newline;
                match &mut pending_space {
                    Some((_, was_nl)) => *was_nl |= nl,
                    None => pending_space = Some((at, nl)),
                }
            }
            Folded::Mark => out.mark(at, len as u32),
            Folded::Drop => {}
        }
    }
    if let Some((o, nl)) = pending_space.take() {
        out.space(nl, o);
    }
}

/// A folded copy of a text plus, for every folded byte, the original byte offset it came from
/// ([`FoldedText::fold_into`]; the pipeline's own folding keeps the original
/// span of each token instead, which is all its stages map back).
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
}

/// One line folded and cut into tokens, as the pipeline's stages read it: the folded bytes,
/// and each token's folded and original spans and its [`shape`]. Written by
/// [`FoldedLine::fold_and_split`] in one pass over the line; reused across lines so that it
/// allocates only for a line longer than any before.
///
/// The folded text is kept as bytes, not a `String`: it is valid UTF-8 by construction (the
/// folding writes whole characters), and the stages read tokens, so no validation pass over
/// the whole line is paid; [`FoldedLine::str`] checks the one token it returns.
#[derive(Clone, Debug, Default)]
pub(crate) struct FoldedLine {
    /// The folded bytes are `text[..len]`; the rest is room kept for longer lines.
    text: Vec<u8>,
    len: usize,
    tokens: Vec<Token>,
}

impl FoldedLine {
    /// Folds `s` (as [`fold`] does) and cuts the folded text into tokens: the same spans as
    /// [`crate::text::tokens::folded_tokens`] gives. The lookup and rule stages and the document
    /// pass all read these tokens: the line is cut once, not once per stage.
    ///
    /// The words are classified in a pass of their own, after the line
    /// ([`FoldedLine::padded`]): there the vocabulary's probes, and their cache misses, overlap.
    pub(crate) fn fold_and_split(&mut self, s: &str) {
        // A character folds to at most twice its bytes (a two-byte capital whose small letter
        // takes three), and a run of spaces to one byte; then sixteen bytes of room after the
        // last token, so that a key can be read in whole words.
        let room = 2 * s.len() + 4 + 16;
        if self.text.len() < room {
            self.text.resize(room, 0);
        }
        let mut tokens = std::mem::take(&mut self.tokens);
        tokens.clear();
        let hot: &'static [u32; 0x800] = &HOT_TWO_BYTE;
        let mut split = Splitter {
            out: ByteSink { text: &mut self.text, at: 0, hot },
            tokens,
            src: s,
            in_word: false,
            start: 0,
            first: 0,
            last: 0,
            letters: 0,
            upper: 0,
            bits: 0,
            decided: false,
            marked: false,
        };
        fold_each(s, &mut split, hot);
        let end = split.out.at;
        split.close(end as u32);
        self.tokens = split.tokens;
        self.len = end;
        debug_assert!(std::str::from_utf8(&self.text[..end]).is_ok());
    }

    /// The folded bytes, and at least sixteen more after the last token (meaningless): what
    /// a key is read from in whole words (see [`FoldedLine::fold_and_split`]).
    #[inline]
    pub(crate) fn padded(&self) -> &[u8] {
        &self.text
    }

    /// The tokens: runs of letters and digits, and single other characters.
    #[inline]
    pub(crate) fn tokens(&self) -> &[Token] {
        &self.tokens
    }

    /// The folded bytes `fs..fe` (a token's [`Token::fs`] and [`Token::fe`]).
    #[inline]
    pub(crate) fn bytes(&self, fs: u32, fe: u32) -> &[u8] {
        debug_assert!(fe as usize <= self.len);
        &self.text[fs as usize..fe as usize]
    }

    /// The folded text `fs..fe` (from a token's start to a token's end), as a string.
    #[inline]
    pub(crate) fn str(&self, fs: u32, fe: u32) -> &str {
        std::str::from_utf8(self.bytes(fs, fe)).expect("tokens of folded UTF-8 are UTF-8")
    }

    /// The byte range of the original line that tokens `first..=last` come from.
    #[inline]
    pub(crate) fn token_range(&self, first: usize, last: usize) -> (usize, usize) {
        (self.tokens[first].s as usize, self.tokens[last].e as usize)
    }
}

/// One token of a line: a run of letters and digits, or one other character (not a space).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub(crate) struct Token {
    /// Byte range in the folded text.
    pub fs: u32,
    pub fe: u32,
    /// Byte range in the original text: from its first character to the end of its last
    /// one, combining marks after it included.
    pub s: u32,
    pub e: u32,
    /// Its [`shape`] ([`shape::WORD`] for a run of letters and digits, 0 for any other token).
    pub shape: u8,
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
        fold_each(s, self, &HOT_TWO_BYTE);
        self.origin.push(s.len() as u32);
    }

    /// The folded text.
    pub fn as_str(&self) -> &str {
        &self.text
    }

    /// Original byte offset where the folded byte `i` starts (after [`FoldedText::fold_into`]).
    #[inline]
    pub fn origin_start(&self, i: usize) -> usize {
        self.origin[i] as usize
    }

    /// Maps a folded byte range back to a byte range of `original` (the text that was folded
    /// with [`FoldedText::fold_into`]): from the start of the first character to the end of the
    /// last one, combining marks after it included.
    #[inline]
    pub fn original_range(&self, original: &str, start: usize, end: usize) -> (usize, usize) {
        debug_assert!(start < end && end <= self.text.len());
        (self.origin[start] as usize, end_of_char(original, self.origin[end - 1] as usize))
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

/// The end of the character at byte `last` of `original`, combining marks after it included.
#[inline]
fn end_of_char(original: &str, last: usize) -> usize {
    let bytes = original.as_bytes();
    // The length of the last character, from its lead byte (`last` is a char boundary).
    let mut e = last
        + match bytes.get(last) {
            None => 0,
            Some(&b) if b < 0x80 => 1,
            Some(&b) if b < 0xE0 => 2,
            Some(&b) if b < 0xF0 => 3,
            Some(_) => 4,
        };
    // Combining marks after it belong to it; an ASCII byte is never one (the common case,
    // decided without decoding).
    while bytes.get(e).is_some_and(|&b| b >= 0x80) {
        let c = original[e..].chars().next().expect("a char starts here");
        if !is_mark(c) {
            break;
        }
        e += c.len_utf8();
    }
    e
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
    fn word_separators_are_what_folds_to_a_space() {
        for cp in 0..0x3100u32 {
            let Some(c) = char::from_u32(cp) else { continue };
            let folds_to_space = c.is_whitespace() || matches!(fold_char(c), Folded::Space | Folded::Newline);
            assert_eq!(separates_words(c), folds_to_space, "U+{cp:04X}");
        }
    }

    #[test]
    fn dropped_characters_are_neither_letters_nor_digits() {
        // A word's shape ignores them (folding drops them without a word to tell).
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            if fold_char(c) == Folded::Drop {
                assert!(!is_letter(c) && !c.is_numeric(), "{c:?}");
            }
        }
    }

    #[test]
    fn a_character_folds_to_at_most_twice_its_bytes() {
        // The room `FoldedLine::fold_and_split` makes for the folded line.
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert!(fold(&c.to_string()).len() <= 2 * c.len_utf8(), "{c:?}");
        }
    }

    impl FoldedLine {
        fn fold_and_split_alone(&mut self, s: &str) {
            self.fold_and_split(s);
        }
    }

    #[test]
    fn word_shapes() {
        let mut f = FoldedLine::default();
        f.fold_and_split_alone("ΝΑΤΟ Αθήνα αθήνα 2030 Ε.Ε. iPhone Χ1 ΚΟΡΕ\u{301}Α");
        let words: Vec<u8> = f
            .tokens()
            .iter()
            .filter(|t| t.shape & shape::WORD != 0)
            .map(|t| t.shape & !(shape::WORD | shape::SMALL))
            .collect();
        use shape::*;
        // `Ε.Ε.` is two words of one letter; a word in small letters only says its script.
        let want = [
            CAP | UPPER,
            CAP,
            0,
            DIGIT | NO_LETTER,
            CAP | SINGLE,
            CAP | SINGLE,
            LATIN,
            CAP | DIGIT | SINGLE,
            CAP | UPPER,
        ];
        assert_eq!(words, want);
    }

    #[test]
    fn fast_paths_agree_with_std() {
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            assert_eq!(is_alphabetic(c), c.is_alphabetic(), "{c:?}");
        }
        let mut buf = [0u8; 4];
        for c in (0..=0x10FFFF).filter_map(char::from_u32) {
            let fast = greek_letter_at(c.encode_utf8(&mut buf).as_bytes(), 0);
            assert_eq!(fast, is_letter(c) && (0x386..=0x3FF).contains(&(c as u32)), "{c:?}");
        }
        for (s, e) in [("Ρωσίας", "ίας"), ("ίας", "ίας"), ("ας", "ίας"), ("abc", ""), ("", "")]
        {
            assert_eq!(ends_with(s, e), s.ends_with(e), "{s:?} {e:?}");
        }
        let mut f = FoldedLine::default();
        // Random strings over an alphabet of the cases that matter: Greek and Latin letters
        // in both cases, accents alone, digits, punctuation folding to a space or not,
        // white space, zero-width and astral characters.
        let alphabet: Vec<char> =
            "αΑάΆωΩςσaZ09΅\u{301}\u{345}\u{200B}\u{AD}-–' .,«»\n\t\u{A0}½²ǅﬁ🇬我ßÉЖ٣".chars().collect();
        let mut rng = crate::test_rng::Rng::new();
        let random: Vec<String> =
            (0..3000).map(|n| (0..n % 23).map(|_| alphabet[rng.below(alphabet.len())]).collect()).collect();
        let fixed = ["Αθήνα 1821 «Κορε\u{301}α»", "  ", "", "a-b\nc\u{200B}d 🇬🇷 x"];
        for text in fixed.iter().copied().chain(random.iter().map(String::as_str)) {
            f.fold_and_split_alone(text);
            let folded = std::str::from_utf8(&f.text[..f.len]).unwrap();
            let want: Vec<(u32, u32)> =
                crate::text::tokens::folded_tokens(folded).map(|(s, e)| (s as u32, e as u32)).collect();
            let spans: Vec<(u32, u32)> = f.tokens().iter().map(|t| (t.fs, t.fe)).collect();
            assert_eq!(spans, want, "{text:?}");
            // Tokens map back to the same original ranges as through the per-byte map.
            let mut g = FoldedText::default();
            g.fold_into(text);
            assert_eq!(g.as_str(), folded);
            // So does the byte folding, appended after what a buffer holds.
            let mut bytes = b"x".to_vec();
            fold_push_bytes(text, &mut bytes);
            assert_eq!(&bytes[1..], fold(text).as_bytes(), "{text:?}");
            for (k, &(fs, fe)) in want.iter().enumerate() {
                let whole = g.original_range(text, fs as usize, fe as usize);
                // The shape read while folding is the shape of the token's original text.
                let word = is_alnum(f.str(fs, fe).chars().next().unwrap());
                let want_shape = if word { shape_of(&text[whole.0..whole.1]) | shape::WORD } else { 0 };
                let c0 = text[whole.0..].chars().next().unwrap();
                let small = if word && is_letter(c0) && !is_upper(c0) { shape::SMALL } else { 0 };
                assert_eq!(f.tokens()[k].shape, want_shape | small, "{text:?} token {k}");
                assert_eq!(f.token_range(k, k), whole, "{text:?} token {k}");
                if k > 0 {
                    let (s, _) = g.original_range(text, want[k - 1].0 as usize, want[k - 1].1 as usize);
                    assert_eq!(f.token_range(k - 1, k), (s, whole.1));
                }
            }
            for i in (0..text.len()).filter(|&i| text.is_char_boundary(i)) {
                let c = text[i..].chars().next().unwrap();
                assert_eq!(char_at(text, i), (c, c.len_utf8()));
            }
        }
    }

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
