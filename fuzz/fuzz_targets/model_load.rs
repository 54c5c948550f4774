//! Arbitrary bytes → a model file (`RecognizerBuilder::model_bytes`): the loader returns
//! `Ok` or an error naming the file, never panics and never allocates more than the
//! bytes ask for in proportion. A model that loads keeps the span invariants. (The
//! checksum stops most mutations early; `tests/model.rs` and the unit tests of
//! `stages::model::file` also feed cut payloads under a valid header.)
#![no_main]

use greek_ner::Recognizer;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    match Recognizer::builder().default_gazetteers(false).model_bytes("fuzz.model", data).build() {
        Ok(ner) => {
            let text = "Ο Αλέκος Βαρδάκης επισκέφθηκε τη Λευκόνησο.\nΗ Ένωση Αγροτών ανακοίνωσε.";
            check::spans(text, &ner.extract(text));
        }
        Err(e) => {
            assert_eq!(e.file(), "fuzz.model");
            let _ = e.to_string();
        }
    }
});
