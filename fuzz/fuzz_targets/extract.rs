//! Arbitrary bytes → text (valid UTF-8 as is, otherwise lossily decoded) → `extract`, with
//! the default recognizer and the gazetteer-only one: never a panic, spans exact, sorted and
//! disjoint, the same answer from `extract`, from a `Worker` (determinism) and from
//! `Worker::entities`.
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
    let mut worker = ner.worker();
    assert_eq!(worker.extract(&text), ents, "worker and extract disagree");
    let borrowed: Vec<_> = worker.entities(&text).map(|e| e.to_entity()).collect();
    assert_eq!(borrowed, ents, "borrowed entities and extract disagree");
    let g = GAZ_ONLY.extract(&text);
    check::spans(&text, &g);
});
