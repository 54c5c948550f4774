//! How often the recognizer links an entity to an id, and how often a person's id is
//! contradicted by the name it is given to, on IOB2 corpora.
//!
//! ```text
//! id_audit [--list] CORPUS.iob2...
//! ```
//!
//! For every entity found: whether it has an id. For every person with an id: whether the
//! mention, or the gold person span it overlaps (the whole name as the annotators
//! delimit it), has a word that the canonical name lacks in every case form
//! ([`greek_ner::names::agrees`]): `Άλαν ΜακΓκρέγκορ` with Conor McGregor's id, or
//! `Κρεγκ` inside the gold `Κρεγκ Μπέλαμι` with Daniel Craig's. `--list` prints each
//! contradiction. The default recognizer is used, as `evaluate` uses it.

use std::process::ExitCode;

use greek_ner::iob2;
use greek_ner::names::agrees;
use greek_ner::{Label, Recognizer};

#[macro_use]
#[path = "support/stdout.rs"]
mod stdout;

#[derive(Default)]
struct Tally {
    entities: usize,
    with_id: usize,
    persons_with_id: usize,
    /// The mention itself has a word the canonical name lacks.
    mention_contradicts: usize,
    /// The gold person span around the mention has one (and the mention does not).
    gold_contradicts: usize,
}

fn pct(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        100.0 * a as f64 / b as f64
    }
}

fn main() -> ExitCode {
    let mut list = false;
    let mut corpora = Vec::new();
    for a in std::env::args().skip(1) {
        match a.as_str() {
            "--list" => list = true,
            "-h" | "--help" => {
                eprintln!("usage: id_audit [--list] CORPUS.iob2...");
                return ExitCode::SUCCESS;
            }
            _ => corpora.push(a),
        }
    }
    if corpora.is_empty() {
        eprintln!("usage: id_audit [--list] CORPUS.iob2...");
        return ExitCode::from(2);
    }
    let ner = match Recognizer::builder().build() {
        Ok(r) => r,
        Err(e) => {
            eprintln!("id_audit: {e}");
            return ExitCode::from(2);
        }
    };
    let mut worker = ner.worker();
    for path in &corpora {
        let corpus = match iob2::read(path) {
            Ok(c) => c,
            Err(e) => {
                eprintln!("id_audit: {e}");
                return ExitCode::from(2);
            }
        };
        let mut t = Tally::default();
        for s in &corpus.sentences {
            for e in worker.extract(&s.text) {
                t.entities += 1;
                let (Some(id), Some(canonical)) = (e.id(), e.canonical()) else { continue };
                t.with_id += 1;
                if e.label != Label::Per {
                    continue;
                }
                t.persons_with_id += 1;
                let span = e.range_char();
                let gold = s.spans.iter().find(|g| {
                    g.label == Some(Label::Per) && g.char_start < span.end && span.start < g.char_end
                });
                let gold_text = gold.map(|g| &s.text[g.byte_start..g.byte_end]);
                let why = if !agrees(e.text(), canonical) {
                    t.mention_contradicts += 1;
                    "mention"
                } else if gold_text.is_some_and(|g| !agrees(g, canonical)) {
                    t.gold_contradicts += 1;
                    "gold span"
                } else {
                    continue;
                };
                if list {
                    out!(
                        "{}\t{why}\t{:?}\tgold {:?}\t{id}\t{canonical}",
                        s.id,
                        e.text(),
                        gold_text.unwrap_or("")
                    );
                }
            }
        }
        let contradicted = t.mention_contradicts + t.gold_contradicts;
        out!("{path}: {} sentences", corpus.sentences.len());
        out!("ids given: {} of {} entities ({:.2}%)", t.with_id, t.entities, pct(t.with_id, t.entities));
        out!(
            "person ids contradicted: {} of {} ({:.2}%): by the mention {}, by the gold span {}",
            contradicted,
            t.persons_with_id,
            pct(contradicted, t.persons_with_id),
            t.mention_contradicts,
            t.gold_contradicts
        );
    }
    ExitCode::SUCCESS
}
