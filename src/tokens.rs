//! Words of the original text, with their byte spans and shape: what the rule and document
//! stages reason about.

use crate::normalize::is_mark;

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
        Some(c) if crate::normalize::is_letter(c) => crate::normalize::is_upper(c),
        Some(_) => chars.find(|&c| crate::normalize::is_letter(c)).is_some_and(crate::normalize::is_upper),
        None => false,
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    if c.is_ascii() {
        // No ASCII character is a mark or a zero-width character.
        return c.is_ascii_alphanumeric();
    }
    crate::normalize::is_alnum(c)
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
            let (c, len) = crate::normalize::char_at(text, i);
            i += len;
            if crate::normalize::is_alnum(c) {
                break i - len;
            }
        };
        while i < text.len() {
            if crate::normalize::greek_letter_at(text.as_bytes(), i) {
                i += 2;
                continue;
            }
            let (c, len) = crate::normalize::char_at(text, i);
            if !is_word_char(c) {
                break;
            }
            i += len;
        }
        Some(Token { start, end: i, text: &text[start..i] })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_spans() {
        let t: Vec<_> = tokens("«Ο Κιμ», είπε ο Τζο-Τσουν.").map(|t| t.text).collect();
        assert_eq!(t, ["Ο", "Κιμ", "είπε", "ο", "Τζο", "Τσουν"]);
        let t: Vec<_> = tokens("Κορε\u{301}α").collect();
        assert_eq!(t[0].text, "Κορε\u{301}α");
        assert!(t[0].is_capitalized());
        assert_eq!(tokens("").count(), 0);
    }
}
