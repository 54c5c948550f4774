//! Words of the original text, with their byte spans and shape: what the rule and document
//! stages reason about.

use crate::text::normalize::is_mark;

/// One word: a maximal run of letters and digits (combining marks and zero-width
/// characters inside it belong to it).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Token<'t> {
    pub start: usize,
    pub end: usize,
    pub text: &'t str,
}

impl<'t> Token<'t> {
    /// First letter is a capital.
    #[inline]
    pub fn is_capitalized(&self) -> bool {
        is_capitalized(self.text)
    }
}

/// The first letter of `word` is a capital.
#[inline]
pub(crate) fn is_capitalized(word: &str) -> bool {
    let mut chars = word.chars();
    match chars.next() {
        // A word starts with a letter or digit: mostly a letter, which decides.
        Some(c) if crate::text::normalize::is_letter(c) => crate::text::normalize::is_upper(c),
        Some(_) => chars
            .find(|&c| crate::text::normalize::is_letter(c))
            .is_some_and(crate::text::normalize::is_upper),
        None => false,
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        // No ASCII character is a mark or a zero-width character.
        return c.is_ascii_alphanumeric();
    }
    crate::text::normalize::is_alnum(c)
        || is_mark(c)
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}')
}

/// Iterates the words of `text`.
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> + '_ {
    let mut i = 0;
    std::iter::from_fn(move || {
        // Skip to the start of a word (a letter or digit, not a lone mark).
        let start = loop {
            if i >= text.len() {
                return None;
            }
            let (c, len) = crate::text::normalize::char_at(text, i);
            i += len;
            if crate::text::normalize::is_alnum(c) {
                break i - len;
            }
        };
        while i < text.len() {
            if crate::text::normalize::greek_letter_at(text.as_bytes(), i) {
                i += 2;
                continue;
            }
            let (c, len) = crate::text::normalize::char_at(text, i);
            if !is_word_char(c) {
                break;
            }
            i += len;
        }
        Some(Token { start, end: i, text: &text[start..i] })
    })
}

/// The tokens of a folded text as byte ranges: runs of letters and digits, and single
/// characters of anything else but white space.
pub(crate) fn folded_tokens(folded: &str) -> impl Iterator<Item = (usize, usize)> + '_ {
    let bytes = folded.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        // Skip white space (folding leaves only ' ' and '\n').
        while i < bytes.len() && (bytes[i] == b' ' || bytes[i] == b'\n') {
            i += 1;
        }
        if i >= bytes.len() {
            return None;
        }
        let start = i;
        let (c, len) = crate::text::normalize::char_at(folded, i);
        i += len;
        if crate::text::normalize::is_alnum(c) {
            while i < bytes.len() {
                let (c, len) = crate::text::normalize::char_at(folded, i);
                if !crate::text::normalize::is_alnum(c) {
                    break;
                }
                i += len;
            }
        }
        Some((start, i))
    })
}

/// The marks that open a quotation: guillemets, straight and curly double quotes.
pub(crate) const OPENING_QUOTES: [char; 3] = ['«', '"', '“'];
/// The marks that close one, in the order of [`OPENING_QUOTES`].
pub(crate) const CLOSING_QUOTES: [char; 3] = ['»', '"', '”'];

/// The first UTF-8 byte of each of [`OPENING_QUOTES`]: `"`, and the lead bytes of `«`
/// (0xC2, which also begins a no-break space, `·` and the other Latin-1 signs) and `“`
/// (0xE2, which begins most punctuation from U+2000 on).
const OPENING_LEADS: [u8; 3] = {
    let mut leads = [0; 3];
    let mut k = 0;
    while k < leads.len() {
        leads[k] = OPENING_QUOTES[k].encode_utf8(&mut [0; 4]).as_bytes()[0];
        k += 1;
    }
    leads
};

/// Whether `text` may hold an opening quotation mark: it has a byte that begins one of
/// [`OPENING_QUOTES`]. One vectorised scan, so that a rule that needs a quotation skips
/// the many lines without one; a line with a no-break space, a closing mark or a `…`
/// passes too (the lead bytes are not the marks), and the rule looks for the marks
/// themselves.
#[inline]
pub(crate) fn may_open_quote(text: &str) -> bool {
    let [a, b, c] = OPENING_LEADS;
    memchr::memchr3(a, b, c, text.as_bytes()).is_some()
}

/// The mark that closes a quotation `open` opens.
pub(crate) fn closing_quote(open: char) -> Option<char> {
    OPENING_QUOTES.iter().position(|&q| q == open).map(|k| CLOSING_QUOTES[k])
}

/// True when byte `at` of `text` begins a sentence: only spaces, quotes and opening
/// brackets stand between it and the start of the text or a sentence-ending mark.
pub(crate) fn is_sentence_start(text: &str, at: usize) -> bool {
    for c in text[..at].chars().rev() {
        match c {
            c if c.is_whitespace() || OPENING_QUOTES.contains(&c) => continue,
            '\'' | '‘' | '(' | '[' | '-' | '–' | '—' | '\u{FEFF}' => continue,
            '.' | '!' | '?' | ';' | '…' | ':' | '·' => return true,
            _ => return false,
        }
    }
    true
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn may_open_quote_finds_every_opening_mark() {
        assert_eq!(OPENING_LEADS, [0xC2, b'"', 0xE2]);
        for q in OPENING_QUOTES {
            assert!(may_open_quote(&format!("ο σταθμός {q}Χ")), "{q}");
        }
        for text in ["η εφημερίδα Καθημερινή", "ο σταθμός Σκάι", ""] {
            assert!(!may_open_quote(text), "{text:?}");
        }
        // Other characters with the same lead bytes pass the scan (a superset).
        for text in ["ο\u{A0}σταθμός", "ο σταθμός…", "»”"] {
            assert!(may_open_quote(text), "{text:?}");
        }
    }

    #[test]
    fn words_and_spans() {
        let t: Vec<_> = tokens("«Ο Κιμ», είπε ο Τζο-Τσουν.").map(|t| t.text).collect();
        assert_eq!(t, ["Ο", "Κιμ", "είπε", "ο", "Τζο", "Τσουν"]);
        let t: Vec<_> = tokens("Κορε\u{301}α").collect();
        assert_eq!(t[0].text, "Κορε\u{301}α");
        assert!(t[0].is_capitalized());
        assert_eq!(tokens("").count(), 0);
    }

    /// Each opening mark has its own closing one; a closing mark or a bracket opens nothing.
    #[test]
    fn quotation_marks_pair_up() {
        for (open, close) in [('«', Some('»')), ('"', Some('"')), ('“', Some('”')), ('»', None), ('(', None)]
        {
            assert_eq!(closing_quote(open), close, "{open}");
        }
        for (text, at, start) in [("Είπε: «Όχι", 12, true), ("Είπε “Όχι", 12, false), ("«Όχι", 2, true)]
        {
            assert_eq!(is_sentence_start(text, at), start, "{text}");
        }
    }
}
