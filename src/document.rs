//! Stage 3, the document-level pass (after GATE's OrthoMatcher): names that an earlier
//! stage found in full tie their partial mentions elsewhere in the same document to the
//! same entity.
//!
//! * `alias`: a capitalised word or run of words that is the surname (last word) or the
//!   family name (first word) of a person found in full, in any case form, becomes that
//!   person: `Πεσκόφ` → Ντμίτρι Πεσκόφ, `Κιμ` → Κιμ Γιονγκ Ουν, `Μητσοτάκη` → Κυριάκος
//!   Μητσοτάκης. The whole name written differently (`Τζο-Τσουν-ριόνγκ` for `Τζο
//!   Τσουν-ριόνγκ`) is recognised too, since hyphens fold to spaces.
//! * `consistent_label`: the same name keeps one label within a document: a mention
//!   whose label came with less confidence takes the label of the best-evidenced mention
//!   of the same name.
//!
//! A key that two different persons share (two people called Παπανδρέου) links to
//! neither.

use std::collections::HashMap;
use std::sync::Arc;

use crate::gazetteer::inflect;
use crate::lookup::Lookup;
use crate::mention::Mention;
use crate::normalize::fold;
use crate::tokens::tokens;
use crate::{Label, Source};

/// What a key links to: the antecedent mention's index, or several (a clash).
#[derive(Clone, Copy)]
enum Target {
    One(usize),
    Clash,
}

fn add_key(
    keys: &mut HashMap<String, Target>,
    key: String,
    target: usize,
    mentions: &[Mention],
    lookup: &Lookup,
) {
    if key.chars().filter(|&c| crate::normalize::is_letter(c)).count() < 2 {
        return;
    }
    keys.entry(key)
        .and_modify(|t| {
            if let Target::One(prev) = *t {
                if !same_entity(&mentions[prev], &mentions[target], lookup) {
                    *t = Target::Clash;
                }
            }
        })
        .or_insert(Target::One(target));
}

fn same_entity(a: &Mention, b: &Mention, lookup: &Lookup) -> bool {
    match (a.entry, b.entry) {
        (Some(x), Some(y)) => lookup.entries[x as usize].id == lookup.entries[y as usize].id,
        _ => a.canonical == b.canonical,
    }
}

/// Runs the pass over all mentions of one document (sorted, non-overlapping) and returns
/// them still sorted and non-overlapping.
pub(crate) fn resolve(text: &str, lookup: &Lookup, mentions: &mut Vec<Mention>) {
    link_aliases(text, lookup, mentions);
    consistent_labels(text, mentions);
}

fn link_aliases(text: &str, lookup: &Lookup, mentions: &mut Vec<Mention>) {
    let mut keys: HashMap<String, Target> = HashMap::new();
    for (i, m) in mentions.iter().enumerate() {
        if m.label != Label::Per {
            continue;
        }
        let words: Vec<&str> = tokens(&text[m.start..m.end]).map(|t| t.text).collect();
        if words.len() < 2 {
            continue;
        }
        // The whole name in all its forms, then the last and the first word in theirs.
        for form in inflect::forms(&text[m.start..m.end], false) {
            add_key(&mut keys, form, i, mentions, lookup);
        }
        for w in [words[words.len() - 1], words[0]] {
            for form in inflect::forms(w, false) {
                add_key(&mut keys, form, i, mentions, lookup);
            }
        }
    }
    if keys.is_empty() {
        return;
    }
    let mut added = Vec::new();
    let toks: Vec<_> = tokens(text).collect();
    let mut covered = mentions.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>().into_iter().peekable();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i];
        while covered.peek().is_some_and(|&(_, e)| e <= t.start) {
            covered.next();
        }
        if covered.peek().is_some_and(|&(s, _)| s < t.end) || !t.is_capitalized() {
            i += 1;
            continue;
        }
        // The longest run of capitalised words from here (up to 4) that is a key.
        let mut run_end = i;
        while run_end + 1 < toks.len()
            && run_end + 1 - i < 4
            && toks[run_end + 1].is_capitalized()
            && text[toks[run_end].end..toks[run_end + 1].start].chars().all(|c| c == ' ' || c == '-')
            && covered.peek().is_none_or(|&(s, _)| s >= toks[run_end + 1].end)
        {
            run_end += 1;
        }
        let mut found = None;
        for j in (i..=run_end).rev() {
            let span = &text[t.start..toks[j].end];
            if let Some(Target::One(target)) = keys.get(&fold(span)) {
                found = Some((j, *target));
                break;
            }
        }
        match found {
            Some((j, target)) => {
                let a = &mentions[target];
                added.push(Mention {
                    start: t.start,
                    end: toks[j].end,
                    label: a.label,
                    entry: a.entry,
                    canonical: a.canonical.clone().or_else(|| Some(Arc::from(&text[a.start..a.end]))),
                    source: Source::Document("alias"),
                    confidence: (a.confidence * 0.9).min(0.9),
                    priority: a.priority,
                });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

fn consistent_labels(text: &str, mentions: &mut [Mention]) {
    let mut best: HashMap<String, (Label, f32)> = HashMap::new();
    for m in mentions.iter() {
        let key = fold(&text[m.start..m.end]);
        let e = best.entry(key).or_insert((m.label, m.confidence));
        if m.confidence > e.1 {
            *e = (m.label, m.confidence);
        }
    }
    for m in mentions.iter_mut() {
        let (label, conf) = best[&fold(&text[m.start..m.end])];
        if label != m.label && conf > m.confidence {
            m.label = label;
            m.entry = None;
            m.source = Source::Document("consistent_label");
            m.confidence = conf * 0.9;
        }
    }
}
