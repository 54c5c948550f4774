//! The table of sentences that the tests of everyday text share: each sentence with the
//! entities that must come out and the texts no entity may contain, checked against the
//! default recognizer (or another one), every failure reported at once.

// Each test file uses the part it needs.
#![allow(dead_code)]

use std::sync::LazyLock;

use greek_ner::{Label, Recognizer};

/// The default recognizer, as a user would build it.
pub static NER: LazyLock<Recognizer> = LazyLock::new(|| Recognizer::builder().build().unwrap());

/// The default gazetteers without the rule stage (`--gazetteer-only`).
pub static GAZETTEER_ONLY: LazyLock<Recognizer> =
    LazyLock::new(|| Recognizer::builder().gazetteer_only().build().unwrap());

/// One sentence: the entities (text, label) that must come out, and the texts no entity
/// may contain.
pub struct Case {
    pub text: &'static str,
    pub found: &'static [(&'static str, Label)],
    pub not_in: &'static [&'static str],
}

pub const fn case(
    text: &'static str,
    found: &'static [(&'static str, Label)],
    not_in: &'static [&'static str],
) -> Case {
    Case { text, found, not_in }
}

/// Checks every case against the default recognizer.
pub fn check(cases: &[Case]) {
    check_with(&NER, cases);
}

/// Checks every case against `ner`, and fails with all the failures.
pub fn check_with(ner: &Recognizer, cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let ents = ner.extract(c.text);
        let got = || ents.iter().map(|e| format!("{}:{}", e.text(), e.label)).collect::<Vec<_>>();
        for &(text, label) in c.found {
            if !ents.iter().any(|e| e.text() == text && e.label == label) {
                failures.push(format!("{:?}: expected {text:?} {label}, got {:?}", c.text, got()));
            }
        }
        for &word in c.not_in {
            if ents.iter().any(|e| e.text().contains(word)) {
                failures.push(format!("{:?}: no entity may contain {word:?}, got {:?}", c.text, got()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
