//! Stage 3, the document-level pass (after GATE's OrthoMatcher): names that an earlier
//! stage found in full tie their partial mentions elsewhere in the same document to the
//! same entity.
//!
//! * `alias`: a capitalised word or run of words that is the surname (last word) or the
//!   family name (first word) of a person found in full, in any case form, becomes that
//!   person: `Πεσκόφ` → Ντμίτρι Πεσκόφ, `Κιμ` → Κιμ Γιονγκ Ουν, `Μητσοτάκη` → Κυριάκος
//!   Μητσοτάκης. The whole name written differently (`Τζο-Τσουν-ριόνγκ` for `Τζο
//!   Τσουν-ριόνγκ`) is recognised too, since hyphens fold to spaces.
//!   A person the rule stage found from one word only (`Κιμ` after `ο`) is tied the same
//!   way: the rule said "a person", the document says which.
//! * `acronym`: an acronym in brackets right after an organisation or place
//!   (`Διερευνητική Επιτροπή για τους Αγνοουμένους (ΔΕΑ)`) takes its label and canonical
//!   name; later mentions of the acronym follow through `consistent_label`.
//! * `consistent_label`: the same name keeps one label within a document: a mention
//!   whose label came with less confidence takes the label of the best-evidenced mention
//!   of the same name.
//!
//! A key that two different persons share (two people called Παπανδρέου) links to
//! neither.

use crate::fxhash::FxHashMap;
use std::sync::Arc;

use crate::lookup::Lookup;
use crate::mention::Mention;
use crate::normalize::fold;
use crate::tokens::tokens;
use crate::{Label, Source};

/// Folded endings that inflection adds or changes, longest first (see `gazetteer::inflect`).
static ENDINGS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    ["ματος", "ματων", "ους", "ου", "ος", "ης", "ας", "ες", "ων", "οι", "ο", "ε", "η", "α", "ι"]
        .iter()
        .map(|e| fold(e))
        .collect()
});

/// The key a name is linked by: its folded words with their inflectional endings cut
/// (`Μητσοτάκη` and `Μητσοτάκης` share one), as long as three letters remain. Cheaper than
/// generating every case form of every name in every document.
fn stem_key(name: &str) -> String {
    let folded = fold(name);
    let mut key = String::with_capacity(folded.len());
    for w in folded.split(' ').filter(|w| !w.is_empty()) {
        if !key.is_empty() {
            key.push(' ');
        }
        let cut = ENDINGS
            .iter()
            .find(|e| w.ends_with(e.as_str()) && w[..w.len() - e.len()].chars().count() >= 3)
            .map_or(0, |e| e.len());
        key.push_str(&w[..w.len() - cut]);
    }
    key
}

/// What a key links to: the antecedent mention's index, or several (a clash).
#[derive(Clone, Copy)]
enum Target {
    One(usize),
    Clash,
}

fn add_key(
    keys: &mut FxHashMap<String, Target>,
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
    acronyms(text, mentions);
    consistent_labels(text, mentions);
}

/// `Expansion (ACR)`: the acronym takes the expansion's label and name.
fn acronyms(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        if text[a.end..b.start].trim() != "(" || !text[b.end..].starts_with(')') || a.label == Label::Per {
            continue;
        }
        let acr = &text[b.start..b.end];
        let is_acronym = acr.chars().filter(|&c| crate::normalize::is_letter(c)).count() >= 2
            && acr.chars().filter(|&c| crate::normalize::is_letter(c)).all(crate::normalize::is_upper);
        if !is_acronym {
            continue;
        }
        if b.label != a.label || b.entry.is_none() {
            let (label, canonical, conf) = (a.label, a.canonical.clone(), a.confidence);
            let expansion: Arc<str> = canonical.unwrap_or_else(|| Arc::from(&text[a.start..a.end]));
            let b = &mut mentions[i];
            if b.entry.is_none() {
                b.canonical = Some(expansion);
            }
            if b.label != label {
                b.label = label;
                b.entry = None;
                b.source = Source::Document("acronym");
                b.confidence = b.confidence.max(conf * 0.9);
            }
        }
    }
}

fn link_aliases(text: &str, lookup: &Lookup, mentions: &mut Vec<Mention>) {
    let mut keys: FxHashMap<String, Target> = FxHashMap::default();
    for (i, m) in mentions.iter().enumerate() {
        if m.label != Label::Per {
            continue;
        }
        let words: Vec<&str> = tokens(&text[m.start..m.end]).map(|t| t.text).collect();
        if words.len() < 2 {
            continue;
        }
        // The whole name, then its last and its first word, in any case form.
        add_key(&mut keys, stem_key(&text[m.start..m.end]), i, mentions, lookup);
        for w in [words[words.len() - 1], words[0]] {
            add_key(&mut keys, stem_key(w), i, mentions, lookup);
        }
    }
    if keys.is_empty() {
        return;
    }
    let mut added = Vec::new();
    // Only capitalised words can be partial mentions: keep those, each with whether it
    // continues the word before it (joined by spaces or hyphens only) in a run of capitals.
    let mut toks: Vec<(crate::tokens::Token, bool)> = Vec::new();
    let mut prev: Option<(crate::tokens::Token, bool)> = None;
    for t in tokens(text) {
        let cap = t.is_capitalized();
        if cap {
            let joined = prev.is_some_and(|(p, p_cap)| {
                p_cap && text[p.end..t.start].chars().all(|c| c == ' ' || c == '-')
            });
            toks.push((t, joined));
        }
        prev = Some((t, cap));
    }
    let mut covered = mentions.iter().map(|m| (m.start, m.end)).collect::<Vec<_>>().into_iter().peekable();
    let mut i = 0;
    while i < toks.len() {
        let t = toks[i].0;
        while covered.peek().is_some_and(|&(_, e)| e <= t.start) {
            covered.next();
        }
        if covered.peek().is_some_and(|&(s, _)| s < t.end) {
            i += 1;
            continue;
        }
        // The longest run of capitalised words from here (up to 4) that is a key.
        let mut run_end = i;
        while run_end + 1 < toks.len()
            && run_end + 1 - i < 4
            && toks[run_end + 1].1
            && covered.peek().is_none_or(|&(s, _)| s >= toks[run_end + 1].0.end)
        {
            run_end += 1;
        }
        let mut found = None;
        for j in (i..=run_end).rev() {
            let span = &text[t.start..toks[j].0.end];
            if let Some(Target::One(target)) = keys.get(&stem_key(span)) {
                found = Some((j, *target));
                break;
            }
        }
        match found {
            Some((j, target)) => {
                let a = &mentions[target];
                added.push(Mention {
                    start: t.start,
                    end: toks[j].0.end,
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
    // Mentions the rule stage found without a name list (`ο Κιμ`) are tied too.
    for i in 0..mentions.len() {
        if !matches!(mentions[i].source, Source::Rule(_)) || mentions[i].label != Label::Per {
            continue;
        }
        let m = &mentions[i];
        let Some(Target::One(target)) = keys.get(&stem_key(&text[m.start..m.end])).copied() else { continue };
        let a = &mentions[target];
        if target == i || (a.entry.is_none() && target > i) {
            continue;
        }
        let linked = Mention {
            start: m.start,
            end: m.end,
            label: a.label,
            entry: a.entry,
            canonical: a.canonical.clone().or_else(|| Some(Arc::from(&text[a.start..a.end]))),
            source: Source::Document("alias"),
            confidence: (a.confidence * 0.9).min(0.9).max(m.confidence),
            priority: a.priority,
        };
        mentions[i] = linked;
    }
    if !added.is_empty() {
        mentions.extend(added);
        mentions.sort_by_key(|m| m.start);
    }
}

fn consistent_labels(text: &str, mentions: &mut [Mention]) {
    if mentions.len() < 2 {
        return;
    }
    let keys: Vec<String> = mentions.iter().map(|m| fold(&text[m.start..m.end])).collect();
    let mut best: FxHashMap<&str, (Label, f32)> = FxHashMap::default();
    for (m, key) in mentions.iter().zip(&keys) {
        let e = best.entry(key).or_insert((m.label, m.confidence));
        if m.confidence > e.1 {
            *e = (m.label, m.confidence);
        }
    }
    for (m, key) in mentions.iter_mut().zip(&keys) {
        let (label, conf) = best[key.as_str()];
        if label != m.label && conf > m.confidence {
            m.label = label;
            m.entry = None;
            m.source = Source::Document("consistent_label");
            m.confidence = conf * 0.9;
        }
    }
}
