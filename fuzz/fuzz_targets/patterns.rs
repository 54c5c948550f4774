//! Arbitrary bytes as a token pattern file (JSONL) → building a recognizer with them returns
//! `Ok` or an `Err` naming the file, never panics. Patterns that load give a recognizer that
//! keeps the span invariants on the file's own text and on a fixed sentence, and `explain`
//! gives the same entities as `extract`.
#![no_main]

use greek_ner::Recognizer;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

const SENTENCE: &str = "Το συγκρότημα Νυχτερινά Φανάρια έπαιξε στην Αθήνα, είπε ο βουλευτής Λάμπρος Κοτρώνης.";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ner = match Recognizer::builder().patterns_str("fuzz.jsonl", &*text).build() {
        Ok(n) => n,
        Err(e) => {
            assert_eq!(e.file(), "fuzz.jsonl");
            let _ = e.to_string();
            return;
        }
    };
    for t in [&*text, SENTENCE] {
        let ents = ner.extract(t);
        check::spans(t, &ents);
        let explained: Vec<_> = ner.explain(t).entities.into_iter().map(|e| e.entity).collect();
        assert_eq!(explained, ents);
    }
});
