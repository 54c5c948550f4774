//! Gazetteer coverage of an annotated corpus: the share of gold PER/LOC/ORG mentions that the
//! gazetteers know, inflected forms included.
//!
//! ```text
//! cargo run --release --example coverage -- CORPUS.iob2 [--gazetteer PATH]... [--no-default-gazetteers] [--misses N]
//! ```
//!
//! A mention counts as covered when gazetteer lookup alone, run on the mention's text by itself
//! (capitalised as in the corpus, after a lower-case word), returns one entity spanning all of it with the gold label.
//! `--misses N` prints the N most frequent uncovered mentions per label, to study which kinds
//! of names are missing (never to copy them into a gazetteer: corpora have their own licences).

use std::collections::HashMap;

use greek_ner::{Label, Recognizer};

#[macro_use]
#[path = "support/stdout.rs"]
mod stdout;

fn main() {
    let mut args = std::env::args().skip(1);
    let mut corpus = None;
    let mut builder = Recognizer::builder().gazetteer_only();
    let mut misses = 0usize;
    while let Some(a) = args.next() {
        match a.as_str() {
            "--gazetteer" => builder = builder.gazetteer_path(args.next().expect("--gazetteer PATH")),
            "--no-default-gazetteers" => builder = builder.default_gazetteers(false),
            "--misses" => misses = args.next().and_then(|n| n.parse().ok()).expect("--misses N"),
            _ => corpus = Some(a),
        }
    }
    let Some(corpus) = corpus else {
        eprintln!("usage: coverage CORPUS.iob2 [--gazetteer PATH]... [--no-default-gazetteers] [--misses N]");
        std::process::exit(2);
    };
    let ner = match builder.build() {
        Ok(n) => n,
        Err(e) => {
            eprintln!("coverage: {e}");
            std::process::exit(2);
        }
    };
    let text = std::fs::read_to_string(&corpus).unwrap_or_else(|e| {
        eprintln!("coverage: {corpus}: {e}");
        std::process::exit(2);
    });
    let mut total: HashMap<Label, usize> = HashMap::new();
    let mut hit: HashMap<Label, usize> = HashMap::new();
    let mut missed: HashMap<(Label, String), usize> = HashMap::new();
    for (mention, label) in gold_mentions(&text) {
        *total.entry(label).or_default() += 1;
        // Mid-sentence, as most mentions are (a sentence start lowers ambiguous names).
        let probe = format!("και {mention}");
        let ents = ner.extract(&probe);
        if ents.len() == 1
            && ents[0].span.start == "και ".len()
            && ents[0].span.end == probe.len()
            && ents[0].label == label
        {
            *hit.entry(label).or_default() += 1;
        } else {
            *missed.entry((label, mention)).or_default() += 1;
        }
    }
    let (mut all_t, mut all_h) = (0, 0);
    for label in Label::ALL {
        let (t, h) = (total.get(&label).copied().unwrap_or(0), hit.get(&label).copied().unwrap_or(0));
        all_t += t;
        all_h += h;
        out!("{label}  {:6.2}%  ({h} of {t})", 100.0 * h as f64 / t.max(1) as f64);
    }
    out!("ALL  {:6.2}%  ({all_h} of {all_t})", 100.0 * all_h as f64 / all_t.max(1) as f64);
    if misses > 0 {
        for label in Label::ALL {
            let mut m: Vec<_> = missed.iter().filter(|((l, _), _)| *l == label).collect();
            m.sort_by(|a, b| b.1.cmp(a.1).then(a.0.cmp(b.0)));
            out!("\nmost frequent uncovered {label}:");
            for ((_, name), n) in m.into_iter().take(misses) {
                out!("{n:5}  {name}");
            }
        }
    }
}

/// The gold PER/LOC/ORG mentions of an IOB2 corpus, tokens joined by spaces (MISC skipped).
fn gold_mentions(text: &str) -> Vec<(String, Label)> {
    let mut out = Vec::new();
    let mut cur: Option<(Vec<&str>, &str)> = None;
    let flush = |cur: &mut Option<(Vec<&str>, &str)>, out: &mut Vec<(String, Label)>| {
        if let Some((toks, lab)) = cur.take() {
            if let Ok(label) = lab.parse::<Label>() {
                out.push((toks.join(" "), label));
            }
        }
    };
    for line in text.lines() {
        let mut parts = line.split_whitespace();
        let (Some(tok), Some(tag)) = (parts.next(), parts.next_back()) else {
            flush(&mut cur, &mut out);
            continue;
        };
        match tag.split_once('-') {
            Some(("I", lab)) if cur.as_ref().is_some_and(|(_, l)| *l == lab) => {
                cur.as_mut().expect("checked").0.push(tok);
            }
            Some((_, lab)) => {
                flush(&mut cur, &mut out);
                cur = Some((vec![tok], lab));
            }
            None => flush(&mut cur, &mut out),
        }
    }
    flush(&mut cur, &mut out);
    out
}
