//! Arbitrary bytes → `Gazetteer::from_tsv` must return `Ok` or `Err`, never panic; an error
//! names the file. A gazetteer that loads must build a recognizer, and that recognizer must
//! keep the span invariants on the file's own text and on a fixed sentence.
#![no_main]

use greek_ner::{Gazetteer, Recognizer};
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

const SENTENCE: &str = "Ο Κυριάκος Μητσοτάκης είπε στην Αθήνα ότι η ΝΔ και η Ευρωπαϊκή Επιτροπή συμφωνούν.";

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let g = match Gazetteer::from_tsv("fuzz.tsv", &text) {
        Ok(g) => g,
        Err(e) => {
            assert_eq!(e.file(), "fuzz.tsv");
            let _ = e.to_string();
            return;
        }
    };
    let ner = match Recognizer::builder().default_gazetteers(false).gazetteer(g).build() {
        Ok(n) => n,
        Err(e) => {
            let _ = e.to_string();
            return;
        }
    };
    for t in [&*text, SENTENCE] {
        let ents = ner.extract(t);
        check::spans(t, &ents);
    }
});
