//! Arbitrary bytes → text (valid UTF-8 as is, otherwise lossily decoded) → `extract`, with
//! the default recognizer and the gazetteer-only one: never a panic, spans exact, sorted and
//! disjoint, the same answer from `extract` and from a `Worker` (determinism).
#![no_main]

use std::sync::LazyLock;

use greek_ner::Recognizer;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

static GAZ_ONLY: LazyLock<Recognizer> =
    LazyLock::new(|| Recognizer::builder().gazetteer_only().build().expect("embedded gazetteers"));

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let ner = Recognizer::default();
    let ents = ner.extract(&text);
    check::spans(&text, &ents);
    assert_eq!(ner.worker().extract(&text), ents, "worker and extract disagree");
    let g = GAZ_ONLY.extract(&text);
    check::spans(&text, &g);
});
