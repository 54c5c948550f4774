//! Tokens of one line with their shape and word classes, and the candidate runs built from
//! them: maximal sequences of capitalised words (Greek or Latin script, hyphenated parts,
//! initials, dotted acronyms) that no gazetteer mention covers.
//!
//! Tokens are read off the folded text the lookup stage already produced, so a token's
//! folded form is a slice (no allocation) and one hash lookup gives all its word classes.

use std::sync::atomic::{AtomicU8, Ordering::Relaxed};

use crate::text::normalize::{shape as fold_shape, FoldedLine};

use crate::lexicon::{class, Lexicon};
use crate::text::tokens::OPENING_QUOTES;
use crate::text::vocab::Word;

/// Shape bits of a token.
pub(crate) mod shape {
    pub(crate) use crate::text::normalize::shape::{CAP, DIGIT, LATIN, NO_LETTER, SINGLE, UPPER};
    /// Part of a pairing the gazetteer check rejected (`Γαλλία-Κροατία`): no candidate.
    pub const BLOCKED: u8 = 64;
}

/// One word of the line.
#[derive(Clone, Debug, Default)]
pub(crate) struct Tok {
    /// Byte range in the folded line. (The four ranges are in the order of the folded
    /// token's, which [`tokenize`] copies them from in one move.)
    pub fs: u32,
    pub fe: u32,
    /// Byte range in the line (original text).
    pub s: u32,
    pub e: u32,
    /// Word classes from the lexicon.
    pub cls: u64,
    /// Shape bits.
    pub shape: u8,
    /// 1 + index of the gazetteer mention covering the token (0: none).
    pub gaz: u32,
    /// [`Line::common_shape`] once asked (see [`memo`]): several rules ask it of one token.
    pub memo: Memo,
}

/// A token's memo: an atomic byte (relaxed loads and stores are plain moves) rather than a
/// `Cell`, so that a `Worker`, which keeps the tokens, stays `Sync`.
#[derive(Debug, Default)]
pub(crate) struct Memo(AtomicU8);

impl Memo {
    fn get(&self) -> u8 {
        self.0.load(Relaxed)
    }

    fn set(&self, m: u8) {
        self.0.store(m, Relaxed)
    }
}

impl Clone for Memo {
    fn clone(&self) -> Self {
        Memo(AtomicU8::new(self.get()))
    }
}

/// The bits of [`Tok::memo`]: whether the answer is known, and the answer.
mod memo {
    pub const COMMON_KNOWN: u8 = 1;
    pub const COMMON: u8 = 2;
}

impl Tok {
    #[inline]
    pub fn has(&self, c: u64) -> bool {
        self.cls & c != 0
    }
    #[inline]
    pub fn is(&self, s: u8) -> bool {
        self.shape & s != 0
    }
    /// Capitalised or all capitals.
    #[inline]
    pub fn cap(&self) -> bool {
        self.shape & (shape::CAP | shape::UPPER) != 0
    }
}

/// The words of the folded line (runs of letters and digits), classified. `folded` must
/// have been split ([`FoldedLine::fold_and_split`]).
/// Returns the union of the words' classes (a scan that looks only at words of a class
/// need not run on a line without one), and whether the line is a headline ([`is_headline`],
/// its capitals counted in the same loop).
pub(crate) fn tokenize(folded: &FoldedLine, words: &[Word], out: &mut Vec<Tok>) -> (u64, bool) {
    out.clear();
    let mut all = 0;
    let mut upper = 0usize;
    // The words are the tokens folding marked as runs of letters and digits (every other
    // character is a token of its own), with the shape it read from their characters.
    for (t, w) in folded.tokens().iter().zip(words) {
        if t.shape & fold_shape::WORD != 0 {
            let shape = t.shape & !(fold_shape::WORD | fold_shape::SMALL);
            out.push(Tok {
                fs: t.fs,
                fe: t.fe,
                s: t.s,
                e: t.e,
                cls: w.classes,
                shape,
                gaz: 0,
                memo: Memo::default(),
            });
            all |= w.classes;
            upper += usize::from(shape & shape::UPPER != 0);
        }
    }
    // The words of two letters or more are counted only where enough are in capitals (few
    // lines): a word in capitals has two letters or more, neither `SINGLE` nor `NO_LETTER`.
    let headline = upper >= 3 && {
        let counted = out.iter().filter(|t| !t.is(shape::SINGLE | shape::NO_LETTER)).count();
        is_headline(upper, counted)
    };
    (all, headline)
}

/// One line with its tokens: what the rules look at.
pub(crate) struct Line<'a> {
    pub text: &'a str,
    pub folded: &'a FoldedLine,
    pub toks: &'a [Tok],
    pub lex: &'a Lexicon,
    /// The line is written in capitals (see [`is_headline`]).
    pub headline: bool,
    /// Every word class of the line's tokens (what [`tokenize`] returns): a rule that
    /// needs a word anywhere in the line asks this once.
    pub classes: u64,
}

/// Whether a line is written in capitals, as headlines are, from the counts of its words
/// in capitals (`upper`) and of its words of two or more letters (`words`, those in capitals
/// included): three or more words are all capitals, and they are at least two in three of
/// such words. There every word is capitalised, so a capital is no evidence of a name.
/// [`tokenize`] counts them.
#[inline]
fn is_headline(upper: usize, words: usize) -> bool {
    upper >= 3 && 3 * upper >= 2 * words
}

/// [`is_headline`] of tokens already made, for tests.
#[cfg(test)]
pub(crate) fn headline(toks: &[Tok]) -> bool {
    let upper = toks.iter().filter(|t| t.is(shape::UPPER)).count();
    let words = toks.iter().filter(|t| t.is(shape::UPPER) || !t.is(shape::SINGLE | shape::NO_LETTER)).count();
    is_headline(upper, words)
}

/// Whether `s` is a dash: a hyphen, an en dash or an em dash.
pub(crate) fn is_dash(s: &str) -> bool {
    matches!(s, "-" | "–" | "—")
}

impl<'a> Line<'a> {
    /// The line `text`, folded into `folded`, with its tokens, for tests (the rule stage
    /// has the classes from [`tokenize`] and the headline already).
    #[cfg(test)]
    pub fn new(text: &'a str, folded: &'a FoldedLine, toks: &'a [Tok], lex: &'a Lexicon) -> Line<'a> {
        let classes = toks.iter().fold(0, |all, t| all | t.cls);
        Line { text, folded, toks, lex, headline: headline(toks), classes }
    }

    /// Folded form of token `i`.
    #[inline]
    pub fn f(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        self.folded.str(t.fs, t.fe)
    }

    /// Folded form of token `i`, as bytes: for the tests that compare bytes only (no UTF-8
    /// check, which `f` makes of every slice).
    #[inline]
    pub fn fb(&self, i: usize) -> &'a [u8] {
        let t = &self.toks[i];
        self.folded.bytes(t.fs, t.fe)
    }

    /// The last char of token `i`'s folded form, decoded from its last bytes (without the
    /// UTF-8 check of the whole word that `f` makes).
    #[inline]
    pub fn last_folded(&self, i: usize) -> Option<char> {
        let f = self.fb(i);
        let k = f.iter().rposition(|&b| b & 0xC0 != 0x80)?;
        let more = |c: u32, b: &[u8]| b.iter().fold(c, |c, &b| c << 6 | (b & 0x3F) as u32);
        let c = match f[k..] {
            [b] => b as u32,
            [b, ref rest @ ..] if rest.len() <= 3 => more(b as u32 & (0x7F >> (rest.len() + 1)), rest),
            _ => return None,
        };
        char::from_u32(c)
    }

    /// Original text of token `i`.
    #[inline]
    pub fn w(&self, i: usize) -> &'a str {
        let t = &self.toks[i];
        &self.text[t.s as usize..t.e as usize]
    }

    /// The original text between token `i - 1` and token `i` (from the line start for 0).
    #[inline]
    pub fn gap(&self, i: usize) -> &'a str {
        let s = if i == 0 { 0 } else { self.toks[i - 1].e as usize };
        let e = self.toks.get(i).map_or(self.text.len(), |t| t.s as usize);
        &self.text[s..e]
    }

    /// [`Line::gap`] without its white space (`gap(i).trim()`): most gaps are one space,
    /// told without the trim's reading of chars.
    #[inline]
    pub fn gap_trimmed(&self, i: usize) -> &'a str {
        if self.one_space(i) {
            return "";
        }
        self.gap(i).trim()
    }

    /// Whether one space, and nothing else, separates token `i - 1` and token `i`: told
    /// from the offsets and one byte, without slicing the text (most gaps).
    #[inline]
    pub fn one_space(&self, i: usize) -> bool {
        i > 0
            && i < self.toks.len()
            && self.toks[i].s == self.toks[i - 1].e + 1
            && self.text.as_bytes()[self.toks[i - 1].e as usize] == b' '
    }

    /// The original text after token `i` up to the next token (or the line end).
    #[inline]
    pub fn gap_after(&self, i: usize) -> &'a str {
        let e = self.toks.get(i + 1).map_or(self.text.len(), |t| t.s as usize);
        &self.text[self.toks[i].e as usize..e]
    }

    /// True when only spaces separate token `i - 1` and token `i`.
    #[inline]
    pub fn plain_gap(&self, i: usize) -> bool {
        if i == 0 || i >= self.toks.len() {
            return false;
        }
        // Read as bytes (the rules ask this of most pairs of tokens, and most gaps are one
        // space): spaces, tabs and no-break spaces (`C2 A0`) only.
        let gap = &self.text.as_bytes()[self.toks[i - 1].e as usize..self.toks[i].s as usize];
        if gap == b" " {
            return true;
        }
        let mut k = 0;
        while k < gap.len() {
            match gap[k] {
                b' ' | b'\t' => k += 1,
                0xC2 if gap.get(k + 1) == Some(&0xA0) => k += 2,
                _ => return false,
            }
        }
        true
    }

    /// True when a dash between white space separates token `i - 1` and token `i` (`Ρεάλ -
    /// Λίβερπουλ`, `Ένωση Ηθοποιών – Σκηνοθετών`): two names paired or coordinated, where a
    /// dash without spaces joins the parts of one word.
    pub fn spaced_dash(&self, i: usize) -> bool {
        let g = self.gap(i);
        i > 0 && g.starts_with(char::is_whitespace) && g.ends_with(char::is_whitespace) && is_dash(g.trim())
    }

    /// Token `i - 1` if only spaces separate it from token `i`.
    #[inline]
    pub fn prev(&self, i: usize) -> Option<usize> {
        self.plain_gap(i).then(|| i - 1)
    }

    /// Token `i + 1` if only spaces separate it from token `i`.
    #[inline]
    pub fn next(&self, i: usize) -> Option<usize> {
        (i + 1 < self.toks.len() && self.plain_gap(i + 1)).then_some(i + 1)
    }

    /// True when token `i` has the ending of a Greek common noun or adjective (`-ική`,
    /// `-ών`, `-ση`...) and is no known given name.
    #[inline]
    pub fn common_shape(&self, i: usize) -> bool {
        let t = &self.toks[i];
        if t.is(shape::LATIN) || t.is(shape::UPPER) || t.has(class::GIVEN) {
            return false;
        }
        let m = t.memo.get();
        if m & memo::COMMON_KNOWN != 0 {
            return m & memo::COMMON != 0;
        }
        self.common_ending(i)
    }

    /// [`Line::common_shape`] of token `i` the first time it is asked: its ending read, and
    /// the answer kept in its memo.
    fn common_ending(&self, i: usize) -> bool {
        let t = &self.toks[i];
        let m = t.memo.get();
        let common = self.lex.common_endings.any_ends(self.w(i));
        t.memo.set(m | memo::COMMON_KNOWN | if common { memo::COMMON } else { 0 });
        common
    }

    /// True when an organisation's head noun follows token `k` (before token `end`), right
    /// after it or, when `k` is an adjective, after one more adjective: `Εθνική | Διαστημική
    /// Υπηρεσία`, `Δημοτικό | Αθλητικό Κέντρο`.
    pub fn head_follows(&self, k: usize, end: usize) -> bool {
        let toks = self.toks;
        let head = |h: usize| h < end && toks[h].has(class::ORG_HEAD) && joins(self, h);
        head(k + 1)
            || k + 2 < end
                && self.common_shape(k)
                && joins(self, k + 1)
                && self.common_shape(k + 1)
                && !toks[k + 1].has(class::NONAME)
                && head(k + 2)
    }

    /// True when token `i` is a demonym right after a known given name: a surname
    /// (`Σωτήρης Μανιάτης`, `Μαρία Βλάχου`, `Γιώργος Κρητικός`), not a nationality.
    pub fn demonym_surname(&self, i: usize) -> bool {
        let toks = self.toks;
        toks[i].has(class::NATIONALITY)
            && toks[i].cap()
            && !toks[i].is(shape::UPPER)
            && self.prev(i).is_some_and(|p| {
                toks[p].has(class::GIVEN)
                    && !toks[p].has(class::NONAME)
                    && toks[p].cap()
                    && !toks[p].is(shape::UPPER)
            })
    }

    /// True when token `i` is a Greek word with a genitive ending (`Υπηρεσιών`, `Τέχνης`).
    pub fn genitive(&self, i: usize) -> bool {
        let t = &self.toks[i];
        !t.is(shape::LATIN) && !t.is(shape::DIGIT) && {
            // Compared byte by byte from the end: the endings are two letters, and
            // `ends_with` calls `memcmp` for each.
            let f = self.fb(i);
            let ends =
                |e: &[u8]| f.len() >= e.len() && f.iter().rev().zip(e.iter().rev()).all(|(a, b)| a == b);
            self.lex.genitive_endings.iter().any(|e| ends(e.as_bytes()))
        }
    }

    /// True when token `i` is an initial: a capital and at most two more letters, a full
    /// stop right after it (`Κ.`, `Αλ.`, `Τζ.`), not in capitals (`ΗΠΑ.`) and not an
    /// abbreviated title (`Δρ.`; a capital alone is an initial: `Κ.` is `κ.`, «Mr», only in
    /// lower case).
    pub fn initial(&self, i: usize) -> bool {
        let t = &self.toks[i];
        // The dot before the letters are counted: most words have none after them.
        t.cap()
            && !t.is(shape::UPPER)
            && (!t.has(class::TITLE) || t.is(shape::SINGLE))
            && self.gap_after(i).starts_with('.')
            && self.w(i).chars().nth(3).is_none()
    }

    /// True when token `i` is the last letter of three or more capitals joined by dots with
    /// no space (`Α.Τ.Κ.`): an acronym, not a person's initials (`Γ. Α. Παπαδάκης`).
    pub fn ends_dotted_acronym(&self, i: usize) -> bool {
        let letter = |j: usize| self.toks[j].cap() && self.w(j).chars().count() == 1;
        i >= 2 && (i - 2..=i).all(letter) && self.gap(i) == "." && self.gap(i - 1) == "."
    }

    /// True when token `i` abbreviates the start of a street's name (`Λεωφ.`, `Οδ.`, `Βασ.`;
    /// a single letter such as `Λ.` only before another one, since alone it is an initial).
    #[inline]
    pub fn street_abbr(&self, i: usize) -> bool {
        let t = &self.toks[i];
        t.cap() && t.has(class::STREET_ABBR) && self.street_abbr_dot(i)
    }

    /// [`Line::street_abbr`] past its tests of token `i`'s own shape and class (asked of
    /// every capitalised word: those inline).
    fn street_abbr_dot(&self, i: usize) -> bool {
        let t = &self.toks[i];
        self.gap_after(i).starts_with('.')
            && (!t.is(shape::SINGLE) || i + 1 < self.toks.len() && self.street_abbr(i + 1))
    }

    /// True when token `i` starts a sentence, a quotation or a heading: the positions where
    /// any word is capitalised, so a capital proves nothing.
    #[inline]
    pub fn weak(&self, i: usize) -> bool {
        // Most gaps are one space: nothing in `weak_gap` can hold (told inline, without a call).
        i == 0 || !self.one_space(i) && self.weak_gap(i)
    }

    /// [`Line::weak`] past token `i > 0` and its one-space test.
    fn weak_gap(&self, i: usize) -> bool {
        let gap = self.gap(i);
        if gap.bytes().all(|b| b == b' ') {
            return false;
        }
        if gap.chars().any(|c| matches!(c, '\n' | '(' | '[' | '|' | '–' | '—') || OPENING_QUOTES.contains(&c))
        {
            return true;
        }
        if gap.chars().any(|c| matches!(c, '.' | '!' | '?' | ';' | '…' | ':' | '·' | '•')) {
            // Not after an abbreviated title (`ο κ. Παπαδόπουλος`) or an initial (`Α. Νικολάου`).
            let p = &self.toks[i - 1];
            let abbrev = p.has(class::TITLE) && p.e - p.s <= 6 && gap.trim_start().starts_with('.');
            let initial = p.is(shape::SINGLE) && p.is(shape::CAP) && gap.starts_with('.');
            return !(abbrev || initial);
        }
        if gap.contains(" - ") && i > 0 {
            return true;
        }
        false
    }
}

/// A run of capitalised tokens `a..b`, and how it may extend the span past its last token
/// (the dot of `Ε.Ε.`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Run {
    pub a: usize,
    pub b: usize,
    /// Every token is one capital letter joined by dots: a dotted acronym.
    pub dotted: bool,
}

/// Whether token `j` continues the run that ends at token `j - 1`. Inlined up to the
/// one-space gap that most words of a run follow each other by (always: `runs` asks it
/// of the word after every capitalised one, and a call cost more than the test).
#[inline(always)]
fn joins(line: &Line, j: usize) -> bool {
    let (p, t) = (&line.toks[j - 1], &line.toks[j]);
    if t.gaz != 0 || t.is(shape::BLOCKED) || t.is(shape::NO_LETTER) && !t.is(shape::DIGIT) {
        return false;
    }
    // Most gaps are one space: told from the byte, without slicing the text.
    if t.s == p.e + 1 && line.text.as_bytes()[p.e as usize] == b' ' {
        return (t.cap() || (t.is(shape::DIGIT) && t.is(shape::CAP)))
            && !(p.is(shape::SINGLE) && p.has(class::FUNCTION) && dotted_start(line, j));
    }
    joins_across(line, j)
}

/// A dotted acronym (`Ε.Ε.`) is a run of its own: not joined to the article before it
/// (`Η Ε.Ε. αποφάσισε`), nor, through its last dot, to an article that starts the next
/// sentence (`... την Ε.Ε. Η απόφαση`; but initials: `D.W. Winnicott`). Token `j` starts one.
fn dotted_start(line: &Line, j: usize) -> bool {
    line.toks[j].is(shape::SINGLE) && line.gap_after(j) == "."
}

/// [`joins`] across a gap other than one space.
fn joins_across(line: &Line, j: usize) -> bool {
    let (p, t) = (&line.toks[j - 1], &line.toks[j]);
    // (Read only where they decide: most gaps are one space between words of no class.)
    let dotted_end = || j >= 2 && line.gap(j - 1) == ".";
    match line.gap(j) {
        "\u{a0}" if p.is(shape::SINGLE) && p.has(class::FUNCTION) && dotted_start(line, j) => false,
        ". " if t.has(class::FUNCTION) && dotted_end() => false,
        "\u{a0}" => t.cap() || (t.is(shape::DIGIT) && t.is(shape::CAP)),
        // Hyphenated names: `Σουν-Χούι`, `Τσουν-ριόνγκ`, `Λευκορωσία-Ρωσία` is split later.
        "-" | "‐" => !t.is(shape::DIGIT) || t.cap(),
        // Initials: `Α. Παπαδόπουλος`, `Τζ. Μπους`, `Στ. Παπαδάκης` (not a function word:
        // `Αν. Ο ...`).
        ". " => {
            (p.is(shape::SINGLE) && p.is(shape::CAP) || line.initial(j - 1) && !p.has(class::FUNCTION))
                && t.cap()
                && p.is(shape::LATIN) == t.is(shape::LATIN)
        }
        // Dotted acronyms (`Ε.Ε.`, `ΑΝ.ΕΛ.`) and initials without a space (`Κ.Παπαδάκης`).
        "." => {
            (p.is(shape::SINGLE) || p.is(shape::UPPER))
                && p.cap()
                && (t.is(shape::SINGLE) || t.is(shape::UPPER) || p.is(shape::SINGLE) && t.is(shape::CAP))
        }
        // `&` in company names (`Johnson & Johnson`).
        " & " => t.cap() && p.is(shape::LATIN),
        _ => false,
    }
}

/// The candidate runs of a line: maximal runs of capitalised words not covered by the
/// gazetteer, broken before a capitalised common word (month, day, nationality, title)
/// unless an organisation head follows it (`Γενική Γραμματεία`).
pub(crate) fn runs(line: &Line, out: &mut Vec<Run>) {
    out.clear();
    let toks = line.toks;
    // A common word that is also a given name, before a name, starts a person's name
    // (`Ζωή Κωνσταντοπούλου`, `Ελπίδα Χ`).
    let given_first = |k: usize| {
        toks[k].has(class::NONAME)
            && toks[k].has(class::GIVEN)
            && k + 1 < toks.len()
            && joins(line, k + 1)
            && toks[k + 1].cap()
            && !toks[k + 1].has(class::NONAME | class::FUNCTION)
    };
    // A capitalised common word stands alone, unless a head noun follows it.
    let breaks = |k: usize| {
        toks[k].has(class::NONAME)
            && !toks[k].has(class::ORG_HEAD | class::LOC_ADJ)
            && !line.demonym_surname(k)
            && !line.head_follows(k, toks.len())
            && !given_first(k)
    };
    let mut i = 0;
    while i < toks.len() {
        let t = &toks[i];
        // A street abbreviation is no name's first word: the name follows it.
        if !t.cap() || t.gaz != 0 || t.is(shape::BLOCKED) || line.street_abbr(i) {
            i += 1;
            continue;
        }
        let mut b = i + 1;
        while b < toks.len() && b - i < 10 && joins(line, b) {
            // Whether a word breaks the run is asked of both words at each join; the word
            // before was asked the turn before, but for the run's first.
            if breaks(b) || b == i + 1 && breaks(i) || given_first(b) || line.street_abbr(b) {
                break;
            }
            b += 1;
        }
        let dotted = b - i >= 2
            && (i + 1..b).all(|k| line.gap(k) == ".")
            && (i..b).all(|k| toks[k].is(shape::SINGLE) || toks[k].is(shape::UPPER));
        out.push(Run { a: i, b, dotted });
        i = b;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `tokenize` returns the union of its words' classes (what lets the rule stage skip a
    /// scan for a class no word of the line has), with the classes each word was given, on
    /// lines of words with classes, without, and where only punctuation carries some.
    #[test]
    fn tokenize_returns_the_union_of_the_words_classes() {
        let mut folded = FoldedLine::default();
        let mut toks = Vec::new();
        // Each token's classes (punctuation is a token too), and the union expected.
        let cases: [(&str, &[u64], u64); 5] = [
            ("Η Εθνική Τράπεζα στο .gr", &[1, 2, 4, 0, 8, 16], 1 | 2 | 4 | 16),
            ("και οι δύο", &[0, 0, 0], 0),
            ("λόγια, λόγια.", &[0, 64, 0, 128], 0),
            ("«Ιθάκη» του 1911", &[256, 2, 512, 0, 1 << 40], 2 | 1 << 40),
            ("", &[], 0),
        ];
        for (text, classes, union) in cases {
            folded.fold_and_split(text);
            assert_eq!(folded.tokens().len(), classes.len(), "{text:?}");
            let words: Vec<Word> = classes
                .iter()
                .map(|&classes| Word { token: crate::text::vocab::NO_TOKEN, start: 0, classes })
                .collect();
            assert_eq!(tokenize(&folded, &words, &mut toks).0, union, "{text:?}");
            assert_eq!(toks.iter().fold(0, |a, t| a | t.cls), union, "{text:?}");
        }
    }

    /// Folds and tokenizes `text` as the rule stage does, with no word classes.
    fn tokenize_plain(folded: &mut FoldedLine, toks: &mut Vec<Tok>, text: &str) -> (u64, bool) {
        folded.fold_and_split(text);
        let words = vec![Word::UNKNOWN; folded.tokens().len()];
        tokenize(folded, &words, toks)
    }

    /// `tokenize` counts a headline in its loop as `headline` does over the tokens: lines in
    /// capitals, mixed, with initials, digits and punctuation, and at the thresholds.
    #[test]
    fn tokenize_tells_a_headline() {
        let mut folded = FoldedLine::default();
        let mut toks = Vec::new();
        let cases = [
            ("ΝΕΑ ΜΕΤΡΑ ΓΙΑ ΤΗΝ ΑΚΡΙΒΕΙΑ", true),
            ("ΝΕΑ ΜΕΤΡΑ για την ακρίβεια", false),
            ("ΝΕΑ ΜΕΤΡΑ ΑΠΟ ΥΠΟΥΡΓΕΙΟ και Γ. Πέτρου", true),
            ("ΟΙ ΔΥΟ ΗΓΕΤΕΣ συναντήθηκαν σήμερα", false),
            ("Ο ΠΡΩΘΥΠΟΥΡΓΟΣ ΣΤΗ ΘΕΣΣΑΛΟΝΙΚΗ: 12 ΜΕΤΡΑ, Α, Β", true),
            ("ΕΕ ΗΠΑ ΝΑΤΟ και ΟΗΕ", true),
            ("ΕΕ ΗΠΑ και ΝΑΤΟ μαζί", false),
            ("Η ΕΕ και οι ΗΠΑ", false),
            ("", false),
        ];
        for (text, want) in cases {
            let (_, counted) = tokenize_plain(&mut folded, &mut toks, text);
            assert_eq!(counted, headline(&toks), "{text:?}");
            assert_eq!(counted, want, "{text:?}");
        }
    }

    /// `plain_gap` reads bytes: it agrees with the definition on chars (only spaces, tabs and
    /// no-break spaces between two tokens), for gaps of one space, several, none, and of
    /// punctuation whose UTF-8 ends in the no-break space's last byte (`†` is `E2 80 A0`).
    #[test]
    fn plain_gap_is_spaces_tabs_and_no_break_spaces() {
        let lex = Lexicon::build();
        let mut folded = FoldedLine::default();
        let mut toks = Vec::new();
        let texts =
            "Α Β|Α  Β|Α\tΒ|Α\u{a0}Β|Α \u{a0}\tΒ|Α-Β|Α. Β|Α † Β|Α\u{2009}Β|Α\u{202f}Β|Α, Β|ΑΒ|Α\u{a0}\u{a0}Β";
        for text in texts.split('|') {
            tokenize_plain(&mut folded, &mut toks, text);
            let line = Line::new(text, &folded, &toks, &lex);
            for i in 0..=toks.len() {
                let want = i > 0
                    && i < toks.len()
                    && line.gap(i).chars().all(|c| c == ' ' || c == '\u{a0}' || c == '\t');
                assert_eq!(line.plain_gap(i), want, "{text:?} {i}");
            }
        }
    }

    /// `last_folded` decodes the last char of a folded word as `f(i).chars().last()` does,
    /// for one-, two-, three- and four-byte chars.
    #[test]
    fn last_folded_is_the_folded_words_last_char() {
        let lex = Lexicon::build();
        let mut folded = FoldedLine::default();
        let mut toks = Vec::new();
        let text = "Ο Ιβάνοφ, η Google, το 2024 και ο Τζεφ στο 北京 με τον 𐌰𐌱 ΧΘΕΣ κ. Α";
        tokenize_plain(&mut folded, &mut toks, text);
        let line = Line::new(text, &folded, &toks, &lex);
        let lens: Vec<usize> =
            (0..toks.len()).filter_map(|i| line.f(i).chars().last()).map(char::len_utf8).collect();
        assert!(lens.contains(&1) && lens.contains(&2) && lens.contains(&3) && lens.contains(&4), "{lens:?}");
        for i in 0..toks.len() {
            assert_eq!(line.last_folded(i), line.f(i).chars().last(), "{}", line.w(i));
        }
    }

    /// `common_shape` remembers its answer per token: asked twice, and in any order, it
    /// answers as the endings do, for common nouns and adjectives, names, given names,
    /// Latin-script words and words in capitals.
    #[test]
    fn common_shape_remembers_the_endings_answer() {
        let lex = Lexicon::build();
        let mut folded = FoldedLine::default();
        let mut toks = Vec::new();
        let text = "Η Ελληνική Ένωση Τραπεζών, ο Παπαδόπουλος, η Μαρία και η Google στη ΔΙΟΙΚΗΣΗ Σύνταξης";
        tokenize_plain(&mut folded, &mut toks, text);
        let line = Line::new(text, &folded, &toks, &lex);
        let want = |i: usize| {
            let t = &toks[i];
            !t.is(shape::LATIN)
                && !t.is(shape::UPPER)
                && !t.has(class::GIVEN)
                && lex.common_endings.any_ends(line.w(i))
        };
        let expected: Vec<bool> = (0..toks.len()).map(want).collect();
        assert!(expected.iter().any(|&c| c) && expected.iter().any(|&c| !c), "{expected:?}");
        for i in (0..toks.len()).rev().chain(0..toks.len()) {
            assert_eq!(line.common_shape(i), expected[i], "{}", line.w(i));
        }
    }

    /// `gap_trimmed` is the gap without its white space, for one space, several, none,
    /// punctuation with and without spaces, no-break spaces and the line's two ends.
    #[test]
    fn gap_trimmed_is_the_trimmed_gap() {
        let lex = Lexicon::build();
        let mut folded = FoldedLine::default();
        let mut toks = Vec::new();
        let texts = [" Α Β  Γ, Δ ,Ε\u{a0}Ζ » και «Η»\tΘ-Ι. ", "Α", "", "  ,  "];
        for text in texts {
            tokenize_plain(&mut folded, &mut toks, text);
            let line = Line::new(text, &folded, &toks, &lex);
            for i in 0..=toks.len() {
                assert_eq!(line.gap_trimmed(i), line.gap(i).trim(), "{text:?} {i}");
            }
        }
    }

    /// An initial is a capital and at most two more letters with a full stop right after
    /// it: not a longer word, a word in capitals, a word without the stop, nor a lower-case one.
    #[test]
    fn an_initial_is_up_to_three_letters_and_a_stop() {
        let lex = Lexicon::build();
        let mut folded = FoldedLine::default();
        let mut toks = Vec::new();
        let cases = [
            ("Κ. Παπαδάκης", true),
            ("Αλ. Παπαδάκης", true),
            ("Τζο. Παπαδάκης", true),
            ("Γιαν. Παπαδάκης", false),
            ("Κ Παπαδάκης", false),
            ("ΗΠΑ. Παπαδάκης", false),
            ("Παπαδάκης. Νέα", false),
            ("κ. Παπαδάκης", false),
            ("J. Smith", true),
        ];
        for (text, want) in cases {
            tokenize_plain(&mut folded, &mut toks, text);
            let line = Line::new(text, &folded, &toks, &lex);
            assert_eq!(line.initial(0), want, "{text:?}");
        }
    }

    /// `spaced_dash` is a hyphen, an en dash or an em dash with white space on both sides,
    /// between the two tokens asked about only.
    #[test]
    fn a_spaced_dash_is_a_dash_between_white_space() {
        let lex = Lexicon::build();
        let mut folded = FoldedLine::default();
        let mut toks = Vec::new();
        let cases = [
            ("Ρεάλ - Μπάρτσα", true),
            ("Ρεάλ – Μπάρτσα", true),
            ("Ρεάλ — Μπάρτσα", true),
            ("Ρεάλ  -\tΜπάρτσα", true),
            ("Ρεάλ\u{a0}– Μπάρτσα", true),
            ("Ρεάλ-Μπάρτσα", false),
            ("Ρεάλ -Μπάρτσα", false),
            ("Ρεάλ– Μπάρτσα", false),
            ("Ρεάλ , Μπάρτσα", false),
            ("Ρεάλ - - Μπάρτσα", false),
            ("Ρεάλ Μπάρτσα", false),
        ];
        for (text, want) in cases {
            tokenize_plain(&mut folded, &mut toks, text);
            let line = Line::new(text, &folded, &toks, &lex);
            let last = toks.len() - 1;
            assert_eq!(line.spaced_dash(last), want, "{text:?}");
            assert!(!line.spaced_dash(0), "{text:?}");
        }
    }
}
