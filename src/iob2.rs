//! Reading IOB2 corpora: one `token tag` per line, a blank line between sentences.
//!
//! Used by `examples/evaluate.rs` (scoring) and by [`crate::RecognizerBuilder::learn_iob2`]
//! (adaptation). Each sentence's text is rebuilt from its tokens exactly the way the
//! independent scorer `nereval.py` does it, so that character offsets agree:
//!
//! * tokens are joined with one space, except before a lone `, . ; : ! ? ) » ] } … % ·`
//!   and after a lone `( « [ {`;
//! * character offsets are Unicode scalar values (Python `str` indices).
//!
//! # What is accepted
//!
//! * Fields are separated by whitespace (as Python's `str.split()`): the first field is
//!   the token, the last the tag, anything between (POS tags...) is ignored.
//! * Tags are `O`, `B-TYPE` or `I-TYPE`. Types `PER`/`PERSON`, `LOC`/`GPE` and `ORG` map to
//!   [`Label`]s; any other type (`MISC`, ...) is kept as an unscored span.
//! * An `I-TYPE` that does not continue a span of the same type (after `O`, at the start
//!   of a sentence, or after another type) is broken IOB2: [`parse`] and [`read`] reject it
//!   with an error naming the line (field `tag`), which is what learning from a corpus uses.
//!   [`parse_lenient`] and [`read_lenient`] instead read it as the **start of a new span**,
//!   as `nereval.py` and CoNLL's `conlleval` do, and count such repairs
//!   ([`Corpus::repaired`]): what scoring uses, so that `evaluate` agrees with `nereval.py`
//!   on any corpus. The real corpora we checked (elNER) contain none.
//! * Lines end in `\n`, `\r\n` or `\r`; a leading BOM is ignored.
//!
//! A line with a single field (no tag column), a tag that is not of the forms above
//! (`X`, `B-`, `E-PER`), or bytes that are not UTF-8 are errors: a [`BuildError`]
//! naming the file, the 1-based line and the field (`tag`). Reading never panics.
//!
//! ```
//! use greek_ner::iob2;
//! use greek_ner::Label;
//!
//! let corpus = iob2::parse("mini.iob2", "Ο O\nΚυριάκος B-PER\nΜητσοτάκης I-PER\nείπε O\n.\tO\n").unwrap();
//! let doc = &corpus.sentences[0];
//! assert_eq!(doc.text, "Ο Κυριάκος Μητσοτάκης είπε.");
//! let span = &doc.spans[0];
//! assert_eq!((span.char_start, span.char_end, span.label), (2, 21, Some(Label::Per)));
//! assert_eq!(&doc.text[span.byte_start..span.byte_end], "Κυριάκος Μητσοτάκης");
//! ```

use std::path::Path;

use crate::error::BuildError;
use crate::Label;

/// Characters (as whole tokens) not preceded by a space in the rebuilt text.
const NOSPACE_BEFORE: &[char] = &[',', '.', ';', ':', '!', '?', ')', '»', ']', '}', '…', '%', '·'];
/// Characters (as whole tokens) not followed by a space in the rebuilt text.
const NOSPACE_AFTER: &[char] = &['(', '«', '[', '{'];

/// One token of a sentence, with its place in the rebuilt text.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Token {
    /// The token as written in the corpus.
    pub text: String,
    /// The tag as written (`O`, `B-PER`, ...).
    pub tag: String,
    /// 1-based line of the corpus file.
    pub line: usize,
    /// Byte offset of the token in [`Sentence::text`].
    pub byte_start: usize,
    /// Char offset of the token in [`Sentence::text`].
    pub char_start: usize,
}

/// An annotated span of a sentence.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Annotation {
    /// First token (index into [`Sentence::tokens`]).
    pub first: usize,
    /// One past the last token.
    pub last: usize,
    /// Byte span in [`Sentence::text`].
    pub byte_start: usize,
    /// End of the byte span.
    pub byte_end: usize,
    /// Char (Unicode scalar value) span in [`Sentence::text`].
    pub char_start: usize,
    /// End of the char span.
    pub char_end: usize,
    /// The type as written in the tags (`PERSON`, `GPE`, `MISC`...).
    pub kind: String,
    /// The scored label, `None` for types that are not scored (`MISC`...).
    pub label: Option<Label>,
}

/// One sentence: its tokens, the text rebuilt from them and its annotated spans.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    /// `s<k>` with `k` the 0-based sentence number: the ids `nereval.py docs` gives.
    pub id: String,
    /// The tokens.
    pub tokens: Vec<Token>,
    /// The text rebuilt from the tokens (see the module docs).
    pub text: String,
    /// The annotated spans, in order.
    pub spans: Vec<Annotation>,
}

/// A whole corpus.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Corpus {
    /// The sentences, in file order.
    pub sentences: Vec<Sentence>,
    /// Number of `I-` tags that did not continue a span of their type and were read as
    /// the start of one.
    pub repaired: usize,
}

/// Reads an IOB2 file (see the module docs); an `I-` that continues no span is an error.
pub fn read(path: impl AsRef<Path>) -> Result<Corpus, BuildError> {
    read_with(path.as_ref(), true)
}

/// Reads an IOB2 file, reading an `I-` that continues no span as the start of one.
pub fn read_lenient(path: impl AsRef<Path>) -> Result<Corpus, BuildError> {
    read_with(path.as_ref(), false)
}

fn read_with(path: &Path, strict: bool) -> Result<Corpus, BuildError> {
    let bytes = std::fs::read(path).map_err(|e| BuildError::io(path, e))?;
    let name = path.display().to_string();
    let text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
        BuildError::utf8(&name, Some(line), at)
    })?;
    parse_with(&name, &text, strict)
}

/// Whitespace as Python's `str.split()` sees it.
fn is_py_space(c: char) -> bool {
    c.is_whitespace() || ('\u{1C}'..='\u{1F}').contains(&c)
}

/// Lines split the way Python's universal newlines do: `\n`, `\r\n` or `\r`.
fn lines(text: &str) -> impl Iterator<Item = &str> {
    let mut rest = Some(text);
    std::iter::from_fn(move || {
        let s = rest?;
        match s.find(['\n', '\r']) {
            Some(i) => {
                let skip = if s[i..].starts_with("\r\n") { 2 } else { 1 };
                rest = Some(&s[i + skip..]);
                Some(&s[..i])
            }
            None => {
                rest = None;
                (!s.is_empty()).then_some(s)
            }
        }
    })
}

/// Parses IOB2 text; `name` is what errors call the file. An `I-` that continues no span
/// is an error.
pub fn parse(name: &str, text: &str) -> Result<Corpus, BuildError> {
    parse_with(name, text, true)
}

/// Parses IOB2 text, reading an `I-` that continues no span as the start of one (counted in
/// [`Corpus::repaired`]), as `nereval.py` does.
pub fn parse_lenient(name: &str, text: &str) -> Result<Corpus, BuildError> {
    parse_with(name, text, false)
}

fn parse_with(name: &str, text: &str, strict: bool) -> Result<Corpus, BuildError> {
    let text = text.strip_prefix('\u{FEFF}').unwrap_or(text);
    let mut corpus = Corpus::default();
    let mut cur: Vec<Token> = Vec::new();
    for (n, line) in lines(text).enumerate() {
        let line_no = n + 1;
        let mut fields = line.split(is_py_space).filter(|f| !f.is_empty());
        let Some(token) = fields.next() else {
            if !cur.is_empty() {
                finish(&mut corpus, std::mem::take(&mut cur));
            }
            continue;
        };
        let Some(tag) = fields.next_back() else {
            return Err(BuildError::new(
                name,
                Some(line_no),
                Some("tag"),
                format!("no tag column after the token {token:?} (expected `TOKEN TAG`)"),
            ));
        };
        check_tag(tag).map_err(|msg| BuildError::new(name, Some(line_no), Some("tag"), msg))?;
        if let Some(kind) = tag.strip_prefix("I-").filter(|_| strict) {
            let continues = cur.last().is_some_and(|p| p.tag.get(2..) == Some(kind) && p.tag != "O");
            if !continues {
                return Err(BuildError::new(
                    name,
                    Some(line_no),
                    Some("tag"),
                    format!("{tag} continues no {kind} span (expected B-{kind}; broken IOB2)"),
                ));
            }
        }
        cur.push(Token {
            text: token.to_string(),
            tag: tag.to_string(),
            line: line_no,
            byte_start: 0,
            char_start: 0,
        });
    }
    if !cur.is_empty() {
        finish(&mut corpus, cur);
    }
    Ok(corpus)
}

fn check_tag(tag: &str) -> Result<(), String> {
    if tag == "O" {
        return Ok(());
    }
    match tag.strip_prefix("B-").or_else(|| tag.strip_prefix("I-")) {
        Some(kind) if !kind.is_empty() => Ok(()),
        Some(_) => Err(format!("tag {tag:?} has no entity type")),
        None => Err(format!("bad tag {tag:?} (expected O, B-TYPE or I-TYPE)")),
    }
}

fn is_lone(token: &str, set: &[char]) -> bool {
    let mut cs = token.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if set.contains(&c))
}

fn finish(corpus: &mut Corpus, mut tokens: Vec<Token>) {
    // Rebuild the text.
    let mut text = String::new();
    let mut chars = 0usize;
    for i in 0..tokens.len() {
        if i > 0 && !is_lone(&tokens[i].text, NOSPACE_BEFORE) && !is_lone(&tokens[i - 1].text, NOSPACE_AFTER)
        {
            text.push(' ');
            chars += 1;
        }
        tokens[i].byte_start = text.len();
        tokens[i].char_start = chars;
        text.push_str(&tokens[i].text);
        chars += tokens[i].text.chars().count();
    }
    // Spans: B- starts one, I- continues one of its type or starts one.
    let mut spans = Vec::new();
    let mut open: Option<(usize, &str)> = None;
    let close = |spans: &mut Vec<Annotation>, first: usize, last: usize, kind: &str| {
        let end = &tokens[last - 1];
        spans.push(Annotation {
            first,
            last,
            byte_start: tokens[first].byte_start,
            byte_end: end.byte_start + end.text.len(),
            char_start: tokens[first].char_start,
            char_end: end.char_start + end.text.chars().count(),
            kind: kind.to_string(),
            label: kind.parse().ok(),
        });
    };
    for (i, t) in tokens.iter().enumerate() {
        // `O` reads as (false, ""): no span.
        let (begin, kind) = match (t.tag.strip_prefix("B-"), t.tag.strip_prefix("I-")) {
            (Some(k), _) => (true, k),
            (None, Some(k)) => (false, k),
            (None, None) => (false, ""),
        };
        let continues = !begin && !kind.is_empty() && open.is_some_and(|(_, k)| k == kind);
        if continues {
            continue;
        }
        if let Some((first, k)) = open.take() {
            close(&mut spans, first, i, k);
        }
        if !kind.is_empty() {
            if !begin {
                corpus.repaired += 1;
            }
            open = Some((i, kind));
        }
    }
    if let Some((first, k)) = open {
        close(&mut spans, first, tokens.len(), k);
    }
    let id = format!("s{}", corpus.sentences.len());
    corpus.sentences.push(Sentence { id, tokens, text, spans });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn detok_like_nereval() {
        let c = parse("t", "( O\nΑ B-LOC\n) O\n« O\nΒ B-ORG\n» O\n, O\nΓ O\n%% O\n% O\n").unwrap();
        assert_eq!(c.sentences[0].text, "(Α) «Β», Γ %%%");
        let s = &c.sentences[0].spans;
        assert_eq!((s[0].char_start, s[0].char_end), (1, 2));
        assert_eq!((s[1].char_start, s[1].char_end), (5, 6));
    }

    #[test]
    fn sentences_and_ids() {
        let c = parse("t", "\n\nΑ O\r\n\r\nΒ O\rΓ O\n\n\n").unwrap();
        let ids: Vec<_> = c.sentences.iter().map(|s| (s.id.as_str(), s.text.as_str())).collect();
        assert_eq!(ids, [("s0", "Α"), ("s1", "Β Γ")]);
        assert_eq!(c.sentences[1].tokens[1].line, 6);
    }

    #[test]
    fn i_without_b_is_an_error() {
        for (text, line) in [("Α I-PER\n", 1), ("Α B-PER\nΒ I-LOC\n", 2), ("Α B-PER\nΒ O\nΓ I-PER\n", 3)]
        {
            let e = parse("t.iob2", text).unwrap_err();
            assert_eq!((e.file(), e.line(), e.field()), ("t.iob2", Some(line), Some("tag")), "{text:?}");
            assert!(e.to_string().contains("broken IOB2"), "{e}");
        }
        let ok = parse("t", "Α B-PER\nΒ I-PER\n\nΓ B-LOC\n").unwrap();
        assert_eq!(ok.sentences.len(), 2);
    }

    #[test]
    fn lenient_i_without_b_starts_a_span() {
        let c = parse_lenient("t", "Α I-PER\nΒ I-PER\nΓ I-LOC\nΔ O\nΕ I-ORG\n").unwrap();
        let s: Vec<_> = c.sentences[0].spans.iter().map(|a| (a.first, a.last, a.kind.as_str())).collect();
        assert_eq!(s, [(0, 2, "PER"), (2, 3, "LOC"), (4, 5, "ORG")]);
        assert_eq!(c.repaired, 3);
    }

    #[test]
    fn middle_columns_ignored_and_labels_mapped() {
        let c = parse("t", "Α NNP B-PERSON\nΒ\tX\tB-GPE\nΓ B-MISC\n").unwrap();
        let l: Vec<_> = c.sentences[0].spans.iter().map(|a| a.label).collect();
        assert_eq!(l, [Some(Label::Per), Some(Label::Loc), None]);
    }

    #[test]
    fn errors_name_line_and_field() {
        for (text, line) in [("Α O\nΒ\n", 2), ("Α O\n\nΒ X\n", 3), ("Α B-\n", 1), ("Α E-PER\n", 1)] {
            let e = parse("bad.iob2", text).unwrap_err();
            assert_eq!((e.file(), e.line(), e.field()), ("bad.iob2", Some(line), Some("tag")), "{e}");
        }
    }
}
