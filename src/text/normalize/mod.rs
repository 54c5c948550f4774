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

/// True for a Greek letter written with an accent, a diaeresis or a breathing (monotonic
/// or polytonic: `ά`, `ϊ`, `ά` with oxia, `ἀ`), the marks [`fold`] drops; every letter of
/// Greek Extended carries one (a test checks the ranges against the folding).
#[inline]
pub(crate) fn greek_accented(c: char) -> bool {
    matches!(c as u32, 0x386 | 0x388..=0x38A | 0x38C | 0x38E..=0x390 | 0x3AA..=0x3B0 | 0x3CA..=0x3CE)
        || (0x1F00..=0x1FFF).contains(&(c as u32)) && is_letter(c)
}

/// The letters of `word`, each with whether it is a Greek letter carrying an accent (see
/// [`greek_accented`]) in either normal form: precomposed, or followed by combining marks
/// (NFD: `α` + U+0301). The one reading of "accented" for the stages (`Ιέρο` is not `Ιερό`).
pub(crate) fn accented_letters(word: &str) -> impl Iterator<Item = (char, bool)> + '_ {
    let mut chars = word.chars().peekable();
    std::iter::from_fn(move || loop {
        let c = chars.next()?;
        if is_mark(c) || !is_letter(c) {
            continue;
        }
        let greek = matches!(c as u32, 0x370..=0x3FF | 0x1F00..=0x1FFF);
        let mut accent = greek_accented(c);
        while chars.peek().is_some_and(|&m| is_mark(m)) {
            chars.next();
            accent |= greek;
        }
        return Some((c, accent));
    })
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
    fold_each(s, &mut out, &TABLE);
    out
}

/// Appends the folding of `s` to `out`: [`fold`] without the allocation, for callers
/// that fold many short strings into a reused buffer.
pub(crate) fn fold_push(s: &str, out: &mut String) {
    fold_each(s, out, &TABLE);
}

/// Appends the folding of `s` to `out` as UTF-8 bytes: [`fold_push`] for callers that keep
/// many folded strings end to end and only compare or hash them, written as the pipeline's
/// own folding writes (no `String::push`, no branch on a letter's length).
pub(crate) fn fold_push_bytes(s: &str, out: &mut Vec<u8>) {
    let start = out.len();
    // As in `FoldedLine::fold_and_split`: a character folds to at most twice its bytes.
    out.resize(start + 2 * s.len() + 4, 0);
    let mut sink = ByteSink { text: &mut out[..], at: start };
    fold_each(s, &mut sink, &TABLE);
    let end = sink.at;
    out.truncate(end);
}

/// Folded UTF-8 bytes written at `at`, into a buffer sized up front for the longest folding
/// (a character folds to at most twice its bytes), so that writing a character is one or two
/// stores, with no capacity check: where [`fold_push_bytes`] writes. The folding of valid
/// UTF-8 is valid UTF-8.
struct ByteSink<'a> {
    text: &'a mut [u8],
    at: usize,
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

    /// Both bytes written with one store, with no branch on their number.
    #[inline(always)]
    fn emit_two_byte(&mut self, e: u32, _origin: u32, _cp: u32) {
        self.text[self.at..self.at + 2].copy_from_slice(&(e as u16).to_le_bytes());
        self.at += (e >> 30) as usize;
    }
}

/// Where [`fold_each`] puts folded characters: a plain string, or a string with its offset
/// map.
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
    /// or two bytes (`α` → `a`, `ή` → `η`), not a space; `e` is its [`TABLE`] entry.
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

/// Bits of [`char_kind`].
const K_LETTER: u8 = 1;
const K_UPPER: u8 = 2;
const K_DIGIT: u8 = 4;

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

/// Bits of a [`TABLE`] entry. Bits 0-15 hold the folding's UTF-8 bytes (the second 0 when
/// it has one), bits 30-31 their number.
mod class {
    /// The folding is a letter or digit: it joins a word.
    pub const WORD: u32 = 1 << 16;
    /// The folding is one other character: a token of its own (punctuation).
    pub const PUNCT: u32 = 1 << 17;
    /// A space-like character (bytes: a space): runs of them fold to one.
    pub const SPACE: u32 = 1 << 18;
    /// A line break (with `SPACE`; bytes: a newline).
    pub const NEWLINE: u32 = 1 << 19;
    /// The original character is a letter ([`super::is_letter`])...
    pub const LETTER: u32 = 1 << 20;
    /// ...and not a capital.
    pub const SMALL: u32 = 1 << 21;
    /// ...and below U+0250 (Latin script).
    pub const LATIN: u32 = 1 << 22;
    /// The original character is a digit (see [`super::char_kind`]).
    pub const DIGIT: u32 = 1 << 23;
    /// No entry has it (a test checks): `Word::run` marks with it that its two-byte loop
    /// stopped at a character, whose entry may be 0.
    pub const STOP: u32 = 1 << 29;
}

/// The [`class`] bits of what original character `cp` is, for word shapes.
fn kind_bits(cp: u32) -> u32 {
    let k = char_kind(cp);
    let mut bits = 0;
    if k & K_LETTER != 0 {
        bits |= class::LETTER | if cp < 0x250 { class::LATIN } else { 0 };
        if k & K_UPPER == 0 {
            bits |= class::SMALL;
        }
    }
    if k & K_DIGIT != 0 {
        bits |= class::DIGIT;
    }
    bits
}

/// Every character below U+0800 (ASCII and two-byte UTF-8: nearly all of Greek and Latin
/// text) folded and classified in one word ([`class`]), so that one load gives all that
/// folding and cutting a line into tokens ask of it, and its bytes are written with one
/// store and no branch on their number (a Greek letter folds to one byte or two at random:
/// `α` → `a`, `λ` → `λ`). 0 for a character that needs [`fold_char`]'s general steps (a
/// combining mark, a dropped character, a capital whose small letter takes three bytes).
///
/// Indexed by the code point with bit 7 flipped: what a two-byte character's UTF-8 bytes
/// `b0 b1` give as `(b0 << 6 ^ b1) & 0xFFF` (the continuation byte's top bit does the flip),
/// and an ASCII byte `b` as `b | 0x80`. A three- or four-byte lead byte gives 0x800 or more,
/// where the entries are 0: one test tells a word goes on.
static TABLE: std::sync::LazyLock<[u32; 0x1000]> = std::sync::LazyLock::new(|| {
    let mut table = [0u32; 0x1000];
    for cp in 0..0x800u32 {
        let folded = if cp < 0x80 {
            match ASCII[cp as usize] {
                b' ' | b'-' => Folded::Space,
                b'\n' => Folded::Newline,
                b => Folded::Char(b as char),
            }
        } else {
            from_table(TWO_BYTE[cp as usize - 0x80])
        };
        table[(cp ^ 0x80) as usize] = match folded {
            Folded::Space => class::SPACE | u32::from(b' ') | 1 << 30,
            Folded::Newline => class::SPACE | class::NEWLINE | u32::from(b'\n') | 1 << 30,
            Folded::Char(c) if c.len_utf8() <= 2 => {
                let mut buf = [0u8; 4];
                let bytes = c.encode_utf8(&mut buf).as_bytes();
                let (b0, b1) = (u32::from(bytes[0]), u32::from(bytes.get(1).copied().unwrap_or(0)));
                let class = if is_alnum(c) { class::WORD | kind_bits(cp) } else { class::PUNCT };
                b0 | b1 << 8 | class | (bytes.len() as u32) << 30
            }
            Folded::Char(_) | Folded::Drop | Folded::Mark => 0,
        };
    }
    table
});

/// The [`TABLE`] entry of the character at byte `i` of `bytes` (a char boundary), and its
/// length in bytes (0 when it has three or four: its entry is then 0).
#[inline(always)]
fn entry_at(table: &[u32; 0x1000], bytes: &[u8], i: usize) -> (u32, usize) {
    let b = bytes[i] as usize;
    if b < 0x80 {
        (table[b | 0x80], 1)
    } else if b < 0xE0 {
        // Valid UTF-8: a continuation byte follows.
        (table[(b << 6 ^ bytes[i + 1] as usize) & 0xFFF], 2)
    } else {
        (0, 0)
    }
}

/// The character at byte `i` of `s` (a char boundary) whose [`TABLE`] entry is 0, folded by
/// the general steps: its folding, its length in bytes and its code point.
#[cold]
#[inline(never)]
fn fold_rare(s: &str, i: usize) -> (Folded, usize, u32) {
    let c = s[i..].chars().next().expect("a char starts here");
    (fold_char(c), c.len_utf8(), c as u32)
}

/// A run of letters and digits being written by [`FoldedLine::fold_and_split`]: where it
/// starts, and its shape so far. A word that starts with a small letter (`small`) has its
/// shape from that letter alone; any other counts its letters and gathers its characters'
/// [`class`] bits.
struct Word {
    /// It starts with a small letter: its shape is that letter's alone.
    small: bool,
    /// Its first folded byte, and its original bytes `first..last`.
    fs: u32,
    first: u32,
    last: u32,
    /// The shape bits of its first character: `LATIN` for a small letter, `CAP` and `LATIN`
    /// for a capital.
    bits: u8,
    /// It starts with no letter (a digit): the shape bits of its first letter, if any, are
    /// read again from the original text at its end (rare).
    late: bool,
    /// A combining mark fell inside it: its shape is read again from the original text.
    marked: bool,
    /// The [`class`] bits of its characters, or-ed, and its letters, counted in units of
    /// [`class::LETTER`] (one add per character).
    or: u32,
    letters: u64,
}

impl Word {
    /// A word at folded byte `fs` and original byte `first`, whose first character has
    /// [`class`] bits `e` (not yet counted).
    #[inline(always)]
    fn new(fs: usize, first: usize, e: u32) -> Word {
        let small = e & class::SMALL != 0;
        let late = !small && e & class::LETTER == 0;
        let latin = if e & class::LATIN != 0 { shape::LATIN } else { 0 };
        let bits = if small {
            latin
        } else if late {
            0
        } else {
            shape::CAP | latin
        };
        let (fs, first) = (fs as u32, first as u32);
        Word { small, fs, first, last: first, bits, late, marked: false, or: 0, letters: 0 }
    }

    /// Counts a character of [`class`] bits `e` into a word that does not start small.
    #[inline(always)]
    fn count(&mut self, e: u32) {
        self.or |= e;
        self.letters += u64::from(e & class::LETTER);
    }

    /// Writes the rest of the word from byte `i` of `s` (folded byte `at`) on, and pushes its
    /// token; where it ends, in the original and the folded text, and the entry and length
    /// of the character there if it is in [`TABLE`] (else 0).
    #[inline(always)]
    fn finish(
        mut self,
        table: &[u32; 0x1000],
        s: &str,
        text: &mut [u8],
        tokens: &mut Vec<Token>,
        mut i: usize,
        mut at: usize,
    ) -> (usize, usize, u32, usize) {
        let bytes = s.as_bytes();
        let (stop, stop_len) = loop {
            let (stop, stop_len);
            (i, at, stop, stop_len) = if self.small {
                self.run::<false>(table, bytes, text, i, at)
            } else {
                self.run::<true>(table, bytes, text, i, at)
            };
            // A character beyond the table may carry the word on (rare): a combining mark, a
            // dropped character, a letter beyond U+07FF.
            if i >= bytes.len() || stop != 0 {
                break (stop, stop_len);
            }
            let (folded, len, orig) = fold_rare(s, i);
            match folded {
                Folded::Char(c) if is_alnum(c) => {
                    at += c.encode_utf8(&mut text[at..]).len();
                    if !self.small {
                        self.count(kind_bits(orig));
                    }
                    self.last = (i + len) as u32;
                }
                // A combining mark right after the word's last character belongs to it (as in
                // `FoldedText::original_range`).
                Folded::Mark => {
                    self.marked = true;
                    if self.last as usize == i {
                        self.last = (i + len) as u32;
                    }
                }
                Folded::Drop => {}
                Folded::Char(_) | Folded::Space | Folded::Newline => break (0, 0),
            }
            i += len;
        };
        let shape = if self.small {
            shape::SMALL | self.bits
        } else if self.marked || self.late && self.letters != 0 {
            shape_of(&s[self.first as usize..self.last as usize])
        } else {
            self.shape()
        };
        let (fs, fe, s, e) = (self.fs, at as u32, self.first, self.last);
        tokens.push(Token { fs, fe, s, e, shape: shape | shape::WORD });
        (i, at, stop, stop_len)
    }

    /// The shape of a word that does not start small, from its counts.
    #[inline(always)]
    fn shape(&self) -> u8 {
        let mut shape = self.bits;
        if self.or & class::DIGIT != 0 {
            shape |= shape::DIGIT;
        }
        const ONE: u64 = class::LETTER as u64;
        match self.letters {
            0 => shape |= shape::NO_LETTER,
            ONE => shape |= shape::SINGLE,
            _ if self.or & class::SMALL == 0 => shape |= shape::UPPER,
            _ => {}
        }
        shape
    }

    /// Writes the word from byte `i` on, while it is characters of [`TABLE`]
    /// (nearly every word of Greek or Latin text), counted when `COUNT`: a load, a store and a
    /// few adds each. Where the run ends, in the original and the folded text.
    #[inline(always)]
    fn run<const COUNT: bool>(
        &mut self,
        table: &[u32; 0x1000],
        bytes: &[u8],
        text: &mut [u8],
        i: usize,
        at: usize,
    ) -> (usize, usize, u32, usize) {
        let (mut or, mut letters, from) = (self.or, self.letters, i);
        // Offsets as `u32`: the folded line is at most twice the original and a line at most
        // 1 GiB (the recognizer splits longer ones; see `fold_and_split`), so one past them
        // never overflows, and slicing checks only the bounds.
        let (mut i, mut at) = (i as u32, at as u32);
        use class::STOP;
        // The entry and length of the character that ends the run (0 for none, or one beyond
        // the table).
        let (stop, stop_len) = 'run: loop {
            // Two-byte characters (a Greek word), read off the rest of the line as a slice:
            // a pointer and a length, no offset to add and check.
            let mut rest = &bytes[i as usize..];
            let two = loop {
                let [b, b1, tail @ ..] = rest else { break 0 };
                if *b < 0x80 {
                    break 0;
                }
                // Valid UTF-8: a lead byte of three or four bytes gives an index of 0x800 or
                // more, whose entry is 0.
                let e = table[((*b as usize) << 6 ^ *b1 as usize) & 0xFFF];
                if e & class::WORD == 0 {
                    break e | STOP;
                }
                text[at as usize..at as usize + 2].copy_from_slice(&(e as u16).to_le_bytes());
                at += e >> 30;
                rest = tail;
                if COUNT {
                    or |= e;
                    letters += u64::from(e & class::LETTER);
                }
            };
            i = (bytes.len() - rest.len()) as u32;
            if two != 0 {
                break 'run (two & !STOP, 2);
            }
            // An ASCII character (a character of two bytes or more does not start at the
            // line's last byte).
            let Some(&b) = bytes.get(i as usize) else { break (0, 0) };
            debug_assert!(b < 0x80);
            let e = table[b as usize | 0x80];
            if e & class::WORD == 0 {
                break (e, 1);
            }
            text[at as usize] = e as u8;
            at += 1;
            i += 1;
            if COUNT {
                or |= e;
                letters += u64::from(e & class::LETTER);
            }
        };
        let (i, at) = (i as usize, at as usize);
        if COUNT {
            (self.or, self.letters) = (or, letters);
        }
        if i != from {
            self.last = i as u32;
        }
        (i, at, stop, stop_len as usize)
    }
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
    if letters == 0 {
        bits |= shape::NO_LETTER;
    }
    if letters >= 2 && upper == letters {
        bits |= shape::UPPER;
    }
    if letters == 1 {
        bits |= shape::SINGLE;
    }
    bits
}

/// The folding loop shared by [`fold`], [`fold_push_bytes`] and [`FoldedText::fold_into`]:
/// calls `out.emit` with every folded character and the original byte offset it stands for.
/// A run of spaces and newlines becomes one character, placed at the run's start (a newline
/// if it has one). ([`FoldedLine::fold_and_split`] has a loop of its own, which cuts tokens as
/// it goes.)
#[inline(always)]
fn fold_each(s: &str, out: &mut impl Sink, table: &[u32; 0x1000]) {
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
                    continue;
                }
            };
            (f, 1, b as u32)
        } else if b < 0xE0 {
            // A two-byte sequence: `s` is valid UTF-8, so a continuation byte follows.
            let cp = ((b as u32 & 0x1F) << 6) | (bytes[i + 1] as u32 & 0x3F);
            let e = table[(cp ^ 0x80) as usize];
            if e & (class::WORD | class::PUNCT) != 0 {
                // The hot path (a Greek letter): a two-byte character that folds to an ASCII
                // look-alike (`α` → `a`) or to another two-byte letter, emitted without going
                // through `Folded` (what `from_table` would give: a `Char`).
                if let Some((o, nl)) = pending_space.take() {
                    out.space(nl, o);
                }
                out.emit_two_byte(e, i as u32, cp);
                i += 2;
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
        debug_assert!(room <= u32::MAX as usize, "a line of {} bytes: split it first", s.len());
        if self.text.len() < room {
            self.text.resize(room, 0);
        }
        let table: &[u32; 0x1000] = &TABLE;
        let (bytes, text, tokens) = (s.as_bytes(), &mut self.text[..], &mut self.tokens);
        tokens.clear();
        // The last byte written is a run of spaces' (a newline in it rewrites it).
        let mut space = false;
        let (mut i, mut at) = (0, 0);
        while i < bytes.len() {
            let (e, len) = entry_at(table, bytes, i);
            if e & class::WORD != 0 {
                let mut word = Word::new(at, i, e);
                if !word.small {
                    word.count(e);
                }
                text[at..at + 2].copy_from_slice(&(e as u16).to_le_bytes());
                word.last = (i + len) as u32;
                let (stop, stop_len);
                (i, at, stop, stop_len) =
                    word.finish(table, s, text, tokens, i + len, at + (e >> 30) as usize);
                // Most words end at a space: written here, without a turn of the loop.
                space = stop & class::SPACE != 0;
                if space {
                    text[at] = stop as u8;
                    (i, at) = (i + stop_len, at + 1);
                }
            } else if e & class::SPACE != 0 {
                if !space {
                    text[at] = e as u8;
                    at += 1;
                    space = true;
                } else if e & class::NEWLINE != 0 {
                    text[at - 1] = b'\n';
                }
                i += len;
            } else if e != 0 {
                space = false;
                text[at..at + 2].copy_from_slice(&(e as u16).to_le_bytes());
                let fe = at + (e >> 30) as usize;
                tokens.push(Token {
                    fs: at as u32,
                    fe: fe as u32,
                    s: i as u32,
                    e: (i + len) as u32,
                    shape: 0,
                });
                (i, at) = (i + len, fe);
            } else {
                // The general steps (as `fold_each`'s).
                let (folded, len, orig) = fold_rare(s, i);
                match folded {
                    Folded::Char(c) => {
                        space = false;
                        let fe = at + c.encode_utf8(&mut text[at..]).len();
                        if is_alnum(c) {
                            let e = kind_bits(orig);
                            let mut word = Word::new(at, i, e);
                            if !word.small {
                                word.count(e);
                            }
                            word.last = (i + len) as u32;
                            (i, at, _, _) = word.finish(table, s, text, tokens, i + len, fe);
                            continue;
                        }
                        let (fs, s, e) = (at as u32, i as u32, (i + len) as u32);
                        tokens.push(Token { fs, fe: fe as u32, s, e, shape: 0 });
                        at = fe;
                    }
                    Folded::Space | Folded::Newline => {
                        let nl = folded == Folded::Newline;
                        if !space {
                            text[at] = if nl { b'\n' } else { b' ' };
                            at += 1;
                            space = true;
                        } else if nl {
                            text[at - 1] = b'\n';
                        }
                    }
                    // A combining mark right after a token's last character belongs to the
                    // token (as in `FoldedText::original_range`).
                    Folded::Mark => {
                        if let Some(t) = tokens.last_mut().filter(|t| t.e as usize == i) {
                            t.e = (i + len) as u32;
                        }
                    }
                    Folded::Drop => {}
                }
                i += len;
            }
        }
        self.len = at;
        debug_assert!(std::str::from_utf8(&self.text[..at]).is_ok());
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
        fold_each(s, self, &TABLE);
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

    /// Every letter `greek_accented` names folds to a plain letter other than its own small
    /// form (the folding drops its mark); the plain Greek letters are not named.
    #[test]
    fn greek_accented_is_what_folding_drops() {
        let greek = (0x370u32..0x400).chain(0x1F00..0x2000).filter_map(char::from_u32);
        for c in greek.filter(|&c| c.is_alphabetic()) {
            let small = c.to_lowercase().next().unwrap_or(c);
            let f = fold(&c.to_string());
            let plain = ('α'..='ω').contains(&small) || small == 'ς';
            if greek_accented(c) {
                let folded = f.chars().next().unwrap_or(c);
                assert!(f.chars().count() == 1 && folded != small, "{c:?} folds to {f:?}");
                assert!(folded.is_ascii_lowercase() || ('α'..='ω').contains(&folded), "{c:?} folds to {f:?}");
            } else {
                assert!(!(0x386..=0x3CE).contains(&(c as u32)) || plain, "{c:?} carries a mark");
            }
        }
    }

    /// An accent is found in NFC, in NFD (combining acute, diaeresis, both) and with oxia.
    #[test]
    fn accented_letters_in_any_form() {
        let cases = [
            ("Σόφια", "01000"),
            ("Σο\u{301}φια", "01000"),
            ("Σ\u{1F79}φια", "01000"),
            ("Ξα\u{301}νθη", "01000"),
            ("Ευρωπαι\u{308}κη", "000000100"),
            ("αι\u{344}", "01"),
            ("Σοφία", "00010"),
            ("ΣΟΦΙΑ", "00000"),
            ("Ἀθῆναι", "101000"),
            ("café", "0000"),
        ];
        for (word, want) in cases {
            let have: String = accented_letters(word).map(|(_, a)| if a { '1' } else { '0' }).collect();
            assert_eq!(have, want, "{word:?}");
        }
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
    fn no_table_entry_has_the_stop_bit() {
        // `Word::run` tells its stop from an entry by this bit alone.
        for (k, e) in TABLE.iter().enumerate() {
            assert_eq!(e & class::STOP, 0, "entry {k:#x}");
        }
    }

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

    #[test]
    fn word_shapes() {
        let mut f = FoldedLine::default();
        f.fold_and_split("ΝΑΤΟ Αθήνα αθήνα 2030 Ε.Ε. iPhone Χ1 ΚΟΡΕ\u{301}Α");
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
            "αΑάΆωΩςσaZ09΅\u{301}\u{345}\u{200B}\u{AD}-–' .,«»\n\t\u{A0}\u{2028}\u{3000}½²ǅﬁ🇬我ßÉЖ٣"
                .chars()
                .collect();
        let mut rng = crate::test_rng::Rng::new();
        let random: Vec<String> =
            (0..3000).map(|n| (0..n % 23).map(|_| alphabet[rng.below(alphabet.len())]).collect()).collect();
        let fixed = ["Αθήνα 1821 «Κορε\u{301}α»", "  ", "", "a-b\nc\u{200B}d 🇬🇷 x"];
        for text in fixed.iter().copied().chain(random.iter().map(String::as_str)) {
            assert_split_agrees(&mut f, text);
        }
    }

    #[test]
    fn table_agrees_with_fold_char() {
        // Every character below U+0800, as `TABLE` gives it: its folded bytes and class
        // against `fold_char` and the character's own properties; 0 exactly where the general
        // steps are needed.
        let table: &[u32; 0x1000] = &TABLE;
        for c in (0..0x800u32).filter_map(char::from_u32) {
            let mut buf = [0u8; 4];
            let (entry, len) = entry_at(table, c.encode_utf8(&mut buf).as_bytes(), 0);
            assert_eq!(len, c.len_utf8(), "{c:?}");
            let folded = fold_char(c);
            let (text, class) = match folded {
                Folded::Space => (" ".to_string(), class::SPACE),
                Folded::Newline => ("\n".to_string(), class::SPACE | class::NEWLINE),
                Folded::Char(f) if f.len_utf8() <= 2 && !is_alnum(f) => (f.to_string(), class::PUNCT),
                Folded::Char(f) if f.len_utf8() <= 2 => {
                    // A word's character: what the original is, read from `char` itself.
                    let mut class = class::WORD | (kind_bits(c as u32) & class::DIGIT);
                    if is_letter(c) {
                        class |= class::LETTER;
                        class |= if is_upper(c) { 0 } else { class::SMALL };
                        class |= if (c as u32) < 0x250 { class::LATIN } else { 0 };
                    }
                    (f.to_string(), class)
                }
                Folded::Char(_) | Folded::Drop | Folded::Mark => {
                    assert_eq!(entry, 0, "{c:?}");
                    continue;
                }
            };
            let n = (entry >> 30) as usize;
            let bytes = [entry as u8, (entry >> 8) as u8];
            assert_eq!(&bytes[..n], text.as_bytes(), "{c:?}");
            assert_eq!(entry & !0xFFFF & !(3 << 30), class, "{c:?}");
        }
    }

    #[test]
    fn split_edges() {
        let mut f = FoldedLine::default();
        let long = "Θεσσαλονίκη ".repeat(40);
        for text in [
            // Combining marks after a letter, after a space, after punctuation, at the start.
            "Κορε\u{301}α ΚΟΡΕ\u{301}Α\u{301} α \u{301}β «\u{301}Χ» \u{301}αρχή",
            // Final sigma, in small letters and in capitals.
            "Ρωσίας ΡΩΣΙΑΣ ς Σ σς",
            // A capital whose small letter takes three bytes, alone and inside words.
            "\u{23A} \u{23A}Β β\u{23A}\u{23E} ABC\u{23E}",
            // Rare code points: private use, noncharacters, astral, the last one.
            "\u{E000}α β\u{FFFF} 𝔄θ \u{10FFFF} 🇬🇷x",
            // Dropped characters inside words and between words and spaces.
            "Μητσο\u{200B}τάκης ab\u{200B} \u{200B}cd e\u{AD}f",
            // Words that start with a digit; digits only; a single letter.
            "1ος 2030 3η 2Α 4\u{301}ου Ε α",
            // Two-byte spaces and a newline inside a run of spaces; a line or paragraph
            // separator (three bytes, the slow path) after a space turns it into a newline.
            "α\u{A0}β \u{85} γ \n\u{A0}δ",
            "α \u{2028}β \u{3000}\u{2029}γ\u{2029} δ",
            // The text ends in the middle of a word: ASCII, Greek, after a Greek word.
            "Αθήνα",
            "abc",
            "αβγa",
            "a",
            "ά",
            "Ά1",
            "x.",
            ".",
            long.as_str(),
        ] {
            assert_split_agrees(&mut f, text);
        }
    }

    /// Checks [`FoldedLine::fold_and_split`] on `text` against the slow references: the
    /// folding of [`fold`] and [`FoldedText`], the tokens of `folded_tokens`, each token's
    /// original range and [`shape_of`]; and the room left after the last token.
    fn assert_split_agrees(f: &mut FoldedLine, text: &str) {
        f.fold_and_split(text);
        assert!(f.padded().len() >= f.len + 16, "{text:?}");
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
