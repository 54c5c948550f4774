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
    pub fn is_capitalized(&self) -> bool {
        self.text.chars().find(|&c| crate::normalize::is_letter(c)).is_some_and(crate::normalize::is_upper)
    }
}

#[inline]
fn is_word_char(c: char) -> bool {
    crate::normalize::is_alnum(c)
        || is_mark(c)
        || matches!(c, '\u{200B}'..='\u{200D}' | '\u{2060}' | '\u{00AD}')
}

/// Iterates the words of `text`.
pub(crate) fn tokens(text: &str) -> impl Iterator<Item = Token<'_>> + '_ {
    let mut chars = text.char_indices().peekable();
    std::iter::from_fn(move || {
        // Skip to the start of a word (a letter or digit, not a lone mark).
        let start = loop {
            let (i, c) = chars.next()?;
            if crate::normalize::is_alnum(c) {
                break i;
            }
        };
        let mut end = text.len();
        while let Some(&(i, c)) = chars.peek() {
            if is_word_char(c) {
                chars.next();
            } else {
                end = i;
                break;
            }
        }
        Some(Token { start, end, text: &text[start..end] })
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
