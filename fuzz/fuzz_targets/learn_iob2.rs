//! Arbitrary bytes → an IOB2 corpus: `iob2::parse` and `RecognizerBuilder::learn_iob2_str`
//! return `Ok` or `Err`, never panic, and an error names the file. A corpus that parses has
//! exact spans (each annotation slices its sentence's text, tokens included), and a
//! recognizer learned from it keeps the span invariants on the corpus' own sentences.
#![no_main]

use greek_ner::{iob2, Recognizer};
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let corpus = match iob2::parse("fuzz.iob2", &text) {
        Ok(c) => c,
        Err(e) => {
            assert_eq!(e.file(), "fuzz.iob2");
            let _ = e.to_string();
            return;
        }
    };
    for s in &corpus.sentences {
        for t in &s.tokens {
            assert_eq!(&s.text[t.byte_start..t.byte_start + t.text.len()], t.text);
            assert_eq!(s.text[..t.byte_start].chars().count(), t.char_start);
        }
        for a in &s.spans {
            assert!(a.first < a.last && a.last <= s.tokens.len(), "{a:?}");
            let slice = &s.text[a.byte_start..a.byte_end];
            assert_eq!(slice.chars().count(), a.char_end - a.char_start, "{a:?}");
            assert_eq!(s.text[..a.byte_start].chars().count(), a.char_start, "{a:?}");
        }
    }
    let ner = match Recognizer::builder().default_gazetteers(false).learn_iob2_str("fuzz.iob2", &*text).build() {
        Ok(n) => n,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    for s in corpus.sentences.iter().take(16) {
        check::spans(&s.text, &ner.extract(&s.text));
    }
    check::spans(&text, &ner.extract(&text));
});
