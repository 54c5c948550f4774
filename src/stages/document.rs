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
//!   way: the rule said "a person", the document says which. A given name alone (`ο
//!   Αλέξης` after `Αλέξης Τσίπρας`) is a person but not an id: it is left without one.
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

use crate::lexicon::class;
use crate::stages::lookup::Lookup;
use crate::stages::mention::Mention;
use crate::text::names::{stem, stem_len};
use crate::text::normalize::{fold, fold_push, fold_push_bytes, is_alnum, shape, FoldedLine};
use crate::text::vocab::Vocab;
use crate::{Label, Source};

/// The key a name is linked by: its folded words with their inflectional endings cut
/// (`Μητσοτάκη` and `Μητσοτάκης` share one), as long as three letters remain. Cheaper than
/// generating every case form of every name in every document. Written into `key`;
/// `folded` is scratch space (both reused: the pass computes a key per capitalised word).
fn stem_key(name: &str, folded: &mut String, key: &mut String) {
    folded.clear();
    fold_push(name, folded);
    key_of_folded(folded, key);
}

/// [`stem_key`] of a name already folded.
fn key_of_folded(folded: &str, key: &mut String) {
    key.clear();
    // The words between spaces (`split(' ')` less its empty pieces), found byte by byte: a
    // name has few, and `split`'s searcher costs more than the loop.
    let bytes = folded.as_bytes();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes[start..].iter().position(|&b| b == b' ').map_or(bytes.len(), |k| start + k);
        if end > start {
            if !key.is_empty() {
                key.push(' ');
            }
            key.push_str(stem(&folded[start..end]));
        }
        start = end + 1;
    }
}

/// The hash keys are found by: a capitalised word is ruled out as the start of a partial
/// mention when the hash of its stem is no first word's.
fn word_hash(stem: &[u8]) -> u64 {
    use std::hash::BuildHasher;
    crate::fxhash::FxBuildHasher::default().hash_one(stem)
}

/// Buffers of the pass, reused across documents (see the recognizer's `Buffers`).
#[derive(Default)]
pub(crate) struct Scratch {
    /// [`stem_key`]'s scratch and result.
    folded: String,
    key: String,
    /// Stem keys → the person each links to (see [`Keys`]).
    keys: Keys,
    /// The capitalised words of the document (see [`take_line`]).
    caps: Vec<Capitalised>,
    /// The end of the last word [`take_line`] saw, if it was capitalised.
    prev: Option<usize>,
    /// Whether a line so far gave a person (see [`take_line`]).
    persons: bool,
    /// How many mentions the lines so far gave.
    mentions: usize,
    /// [`word_hash`] of the first word of every key (a run of words can be a key only if
    /// its first word is the first word of one).
    firsts: FxHashMap<u64, ()>,
    /// What keys can be asked for: the stem hashes of the capitalised words (the first
    /// word of a run), and the key hashes of the persons the rule stage found alone.
    wanted_firsts: FxHashMap<u64, ()>,
    wanted_keys: FxHashMap<u64, ()>,
    /// The keys of the persons the rule stage found alone, end to end, and (mention, end)
    /// of each: made once to be asked for, then taken up again, not made twice.
    rule_keys: String,
    rule_key_ends: Vec<(usize, usize)>,
    added: Vec<Mention>,
    /// The folded text of every mention, end to end, and where each one ends.
    folds: Vec<u8>,
    fold_ends: Vec<usize>,
    /// The folded lines of the document, end to end: one copy per line, which the
    /// capitalised words (see [`Capitalised::fold`]) and `line_spans` are ranges of.
    line_folds: Vec<u8>,
    /// The folded text of the mentions the lines gave (see [`take_line`]): (start, end,
    /// range of `line_folds`), in document order (see [`take_line`]).
    line_spans: Vec<(usize, usize, u32, u32)>,
}

impl Scratch {
    /// Forgets the previous document.
    pub(crate) fn clear(&mut self) {
        self.caps.clear();
        self.prev = None;
        self.persons = false;
        self.mentions = 0;
        self.line_folds.clear();
        self.line_spans.clear();
    }
}

/// Takes what the pass needs from one line of the document (`line`, starting at byte
/// `offset` of the document, folded and split into `folded`, with its mentions `mentions`)
/// while the line is at hand. Called for every line, in order, before [`resolve`]:
///
/// * the folded text of each mention, copied from the folded line, so that [`resolve`]
///   need not fold it again (a mention whose ends are not a token's start and a token's
///   end is left out: it is folded then);
/// * the capitalised words, the only words that can be partial mentions. Words inside a
///   mention are left out when `covered_final` says the line's mentions are final (no
///   adaptation changes them before the pass): a partial mention is never inside another.
///   On the `last` line of a document whose final mentions hold no person, none are
///   taken: only a person's name links partial mentions (see [`link_aliases`]); nor the
///   mentions' folded text when they are fewer than two (the pass then changes nothing:
///   see [`resolve`]).
///
/// The mentions' tokens are found by binary search (a line has few mentions), then one
/// walk over the tokens, with the (sorted) mentions alongside, takes the capitalised words.
pub(crate) fn take_line(
    line: &str,
    folded: &FoldedLine,
    offset: usize,
    mentions: &[Mention],
    covered_final: bool,
    last: bool,
    sc: &mut Scratch,
) {
    if covered_final {
        sc.persons |= mentions.iter().any(|m| m.label == Label::Per);
        sc.mentions += mentions.len();
        if last && changes_nothing(sc.mentions, sc.persons) {
            return;
        }
    }
    let tokens = folded.tokens();
    // The line's folded text, copied whole: cheaper than a copy per word. Its offsets are
    // `u32`: past 4 GiB of a document's folded text, a line's words take part in no
    // linking (the document pass falls back to each mention alone).
    let len = tokens.last().map_or(0, |t| t.fe);
    if u32::try_from(sc.line_folds.len() + len as usize).is_err() {
        sc.prev = None;
        return;
    }
    let base = sc.line_folds.len() as u32;
    sc.line_folds.extend_from_slice(folded.bytes(0, len));
    // Mentions are sorted and apart: each one's tokens are searched after the last one's.
    let mut from = 0;
    for m in mentions {
        let (s, e) = ((m.start - offset) as u32, (m.end - offset) as u32);
        // The token that starts the mention and the one that ends it, if both are whole.
        let i = from + tokens[from..].partition_point(|t| t.s < s);
        let j = i + tokens[i..].partition_point(|t| t.e < e);
        from = j.min(tokens.len());
        if i < tokens.len() && tokens[i].s == s && j < tokens.len() && tokens[j].e == e {
            sc.line_spans.push((m.start, m.end, base + tokens[i].fs, base + tokens[j].fe));
        }
    }
    if covered_final && last && !sc.persons {
        return;
    }
    let bytes = line.as_bytes();
    let mut next = 0;
    let mut prev = sc.prev;
    for t in tokens {
        // Folding read each word's shape: whether its first letter is a capital. A word
        // of another shape between two capitalised ones parts them without a reset of
        // `prev`: its letters are no spaces or hyphens (`joined` below).
        if t.shape & (shape::WORD | shape::CAP) != shape::WORD | shape::CAP {
            continue;
        }
        if covered_final {
            while next < mentions.len() && mentions[next].end - offset <= t.s as usize {
                next += 1;
            }
            if next < mentions.len() && mentions[next].start - offset < t.e as usize {
                prev = None;
                continue;
            }
        }
        let (s, e) = (t.s as usize, t.e as usize);
        // Joined to the capitalised word before by spaces or hyphens only (a line break ends a run).
        let joined =
            prev.is_some_and(|p| p >= offset && bytes[p - offset..s].iter().all(|&c| c == b' ' || c == b'-'));
        let fold = (base + t.fs, base + t.fe);
        sc.caps.push(Capitalised { start: s + offset, end: e + offset, joined, fold, stem_hash: 0 });
        prev = Some(e + offset);
    }
    sc.prev = prev;
}

/// A capitalised word of the document.
#[derive(Clone, Copy, Debug)]
struct Capitalised {
    start: usize,
    end: usize,
    /// The word continues the one before it in a run of capitals (joined by spaces or
    /// hyphens only).
    joined: bool,
    /// Its folded form: a range of [`Scratch::line_folds`].
    fold: (u32, u32),
    /// [`word_hash`] of the [`stem`] of its folded form, set by [`link_aliases`] (0 before).
    stem_hash: u64,
}

/// What a key links to: the antecedent mention's index, or several (a clash).
#[derive(Clone, Copy)]
enum Target {
    One(usize),
    Clash,
}

/// Stem key → target, without a string per key: keys live end to end in one buffer and
/// are found by their hash, then compared. Two different keys with the same hash (never
/// seen, but possible) are a clash: neither links, rather than one linking wrongly.
/// A key that is a given name (the first word of `Θανάσης Αντετοκούνμπο`) links a mention
/// to the person without the id: a given name alone does not say which person it is.
#[derive(Default)]
struct Keys {
    map: FxHashMap<u64, (Target, u32, u32, bool)>,
    text: String,
}

impl Keys {
    fn clear(&mut self) {
        self.map.clear();
        self.text.clear();
    }

    fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// The target of `key`, and whether the key is a given name.
    fn get(&self, key: &str) -> Option<(Target, bool)> {
        let &(t, s, e, given) = self.map.get(&word_hash(key.as_bytes()))?;
        (self.text[s as usize..e as usize] == *key).then_some((t, given))
    }
}

fn add_key(keys: &mut Keys, key: &str, target: usize, given: bool, mentions: &[Mention], lookup: &Lookup) {
    if key.chars().filter(|&c| crate::text::normalize::is_letter(c)).count() < 2 {
        return;
    }
    match keys.map.entry(word_hash(key.as_bytes())) {
        std::collections::hash_map::Entry::Occupied(mut o) => {
            let (t, s, e, g) = o.get_mut();
            *g |= given;
            if keys.text[*s as usize..*e as usize] != *key {
                *t = Target::Clash;
            } else if let Target::One(prev) = *t {
                if !same_entity(&mentions[prev], &mentions[target], lookup) {
                    *t = Target::Clash;
                }
            }
        }
        std::collections::hash_map::Entry::Vacant(v) => {
            let s = keys.text.len() as u32;
            keys.text.push_str(key);
            v.insert((Target::One(target), s, keys.text.len() as u32, given));
        }
    }
}

fn same_entity(a: &Mention, b: &Mention, lookup: &Lookup) -> bool {
    match (a.entry, b.entry) {
        (Some(x), Some(y)) => lookup.entries.id(x) == lookup.entries.id(y),
        _ => a.canonical == b.canonical,
    }
}

/// Whether the pass leaves a document's `mentions` mentions as they are: without a person
/// nothing links, and one mention has no other to agree with.
#[inline]
fn changes_nothing(mentions: usize, persons: bool) -> bool {
    mentions < 2 && !persons
}

/// Runs the pass over all mentions of one document (sorted, non-overlapping) and returns
/// them still sorted and non-overlapping.
pub(crate) fn resolve(
    text: &str,
    lookup: &Lookup,
    vocab: &Vocab,
    mentions: &mut Vec<Mention>,
    sc: &mut Scratch,
) {
    if changes_nothing(mentions.len(), mentions.iter().any(|m| m.label == Label::Per)) {
        return;
    }
    fold_mentions(text, mentions, sc);
    if link_aliases(text, lookup, vocab, mentions, sc) {
        // New mentions: the folds are renumbered.
        fold_mentions(text, mentions, sc);
    }
    acronyms(text, mentions);
    consistent_labels(mentions, sc);
}

/// Every mention's folded text, end to end in one buffer (no string per mention): mention `i`
/// is `sc.folds[sc.fold_ends[i]..sc.fold_ends[i + 1]]`. Both rules of the pass read it.
fn fold_mentions(text: &str, mentions: &[Mention], sc: &mut Scratch) {
    let (folds, ends) = (&mut sc.folds, &mut sc.fold_ends);
    folds.clear();
    ends.clear();
    ends.push(0);
    // Most mentions were folded with their line (see `take_line`); both lists are sorted.
    let mut known = sc.line_spans.iter().peekable();
    for m in mentions {
        while known.peek().is_some_and(|k| k.0 < m.start) {
            known.next();
        }
        match known.peek() {
            Some(&&(s, e, a, b)) if (s, e) == (m.start, m.end) => {
                folds.extend_from_slice(&sc.line_folds[a as usize..b as usize]);
                debug_assert_eq!(folds[*ends.last().unwrap_or(&0)..], *fold(&text[s..e]).as_bytes());
            }
            _ => fold_push_bytes(&text[m.start..m.end], folds),
        }
        ends.push(folds.len());
    }
}

/// `Expansion (ACR)`: the acronym takes the expansion's label and name.
fn acronyms(text: &str, mentions: &mut [Mention]) {
    for i in 1..mentions.len() {
        let (a, b) = (&mentions[i - 1], &mentions[i]);
        // The bracket after first: most mentions have none (the trim reads chars).
        if !text[b.end..].starts_with(')') || text[a.end..b.start].trim() != "(" || a.label == Label::Per {
            continue;
        }
        let acr = &text[b.start..b.end];
        let is_acronym = acr.chars().filter(|&c| crate::text::normalize::is_letter(c)).count() >= 2
            && acr
                .chars()
                .filter(|&c| crate::text::normalize::is_letter(c))
                .all(crate::text::normalize::is_upper);
        // The expansion is the mention before the brackets only if the acronym can be
        // its initials: two words or more, the first starting with the acronym's first
        // letter. A one-word place there ends a longer name (`Ινστιτούτο Τεχνολογίας της
        // Μασαχουσέτης (ΜΙΤ)`, `... Νομού Αττικής (ΕΔΣΝΑ)`).
        let expansion = &text[a.start..a.end];
        let initial =
            |s: &str| s.chars().find(|&c| crate::text::normalize::is_letter(c)).map(|c| fold(&c.to_string()));
        let words = expansion.split_whitespace().count();
        if !is_acronym || words < 2 || initial(expansion) != initial(acr) {
            continue;
        }
        // The user's names keep their label and names.
        if !b.user && (b.label != a.label || b.entry.is_none()) {
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

/// Returns whether mentions were added (their indices then change).
fn link_aliases(
    text: &str,
    lookup: &Lookup,
    vocab: &Vocab,
    mentions: &mut Vec<Mention>,
    sc: &mut Scratch,
) -> bool {
    let Scratch {
        folded,
        key,
        keys,
        caps,
        line_folds,
        added,
        firsts,
        folds,
        fold_ends,
        rule_keys,
        rule_key_ends,
        ..
    } = sc;
    let (wanted_firsts, wanted_keys) = (&mut sc.wanted_firsts, &mut sc.wanted_keys);
    keys.clear();
    firsts.clear();
    // Keys are made from persons only: without one (most sentences) nothing can link, and
    // the capitalised words need not be hashed into the maps below.
    if !mentions.iter().any(|m| m.label == Label::Per) {
        return false;
    }
    // Only the persons' folded texts are read: each is checked as UTF-8 alone, not the
    // whole buffer.
    let fold_of = |i: usize| {
        std::str::from_utf8(&folds[fold_ends[i]..fold_ends[i + 1]]).expect("folded UTF-8 is UTF-8")
    };
    // Only keys that something can ask for are made: most persons' names are not written
    // again in part, and a key costs a string and a map entry. A capitalised word asks for
    // the keys that begin with its stem; a person the rule stage found alone, for its own
    // key. Whether a key is made depends on the key alone, so all the persons that share
    // it still meet in it (and clash).
    wanted_firsts.clear();
    wanted_keys.clear();
    for c in caps.iter_mut() {
        let word = &line_folds[c.fold.0 as usize..c.fold.1 as usize];
        debug_assert_eq!(word, fold(&text[c.start..c.end]).as_bytes(), "a capitalised word's folded range");
        c.stem_hash = word_hash(&word[..stem_len(word)]);
    }
    // One person alone can link only capitalised words (a person the rule stage found is
    // tied to another person): none, unless one asks for its first or last word. Told from
    // the words' hashes (a sentence has few): the map of them is made only past this.
    let mut persons = mentions.iter().enumerate().filter(|(_, m)| m.label == Label::Per).map(|(i, _)| i);
    let one = match (persons.next(), persons.next()) {
        (Some(i), None) => {
            let mut words = fold_of(i).split(|c: char| !is_alnum(c)).filter(|w| !w.is_empty());
            let asked = |w: &str| {
                let h = word_hash(stem(w).as_bytes());
                caps.iter().any(|c| c.stem_hash == h)
            };
            match (words.next(), words.next_back()) {
                (Some(first), Some(last)) if asked(first) || asked(last) => true,
                _ => return false,
            }
        }
        _ => false,
    };
    wanted_firsts.extend(caps.iter().map(|c| (c.stem_hash, ())));
    rule_keys.clear();
    rule_key_ends.clear();
    for (i, m) in mentions.iter().enumerate() {
        if matches!(m.source, Source::Rule(_)) && m.label == Label::Per {
            key_of_folded(fold_of(i), key);
            wanted_keys.insert(word_hash(key.as_bytes()), ());
            rule_keys.push_str(key);
            rule_key_ends.push((i, rule_keys.len()));
        }
    }
    let mut rule_key = rule_key_ends.iter().peekable();
    let mut rule_key_start = 0;
    if wanted_firsts.is_empty() && wanted_keys.is_empty() {
        return false;
    }
    let wanted = |h: u64| wanted_keys.contains_key(&h);
    for (i, m) in mentions.iter().enumerate() {
        if m.label != Label::Per {
            continue;
        }
        // The name's words are its runs of letters and digits (folding works character by
        // character, so they are the folded words of the name).
        let folded = fold_of(i);
        let mut words = folded.split(|c: char| !is_alnum(c)).filter(|w| !w.is_empty());
        let Some(first) = words.next() else { continue };
        let Some(last) = words.next_back() else { continue };
        // A given name first (not a family name first, as in `Κιμ Γιονγκ Ουν`).
        let classes = vocab.classes(first.as_bytes());
        let given = classes & class::GIVEN != 0 && classes & class::EAST_ASIAN == 0;
        let (first, last) = (stem(first), stem(last));
        let (h_first, h_last) = (word_hash(first.as_bytes()), word_hash(last.as_bytes()));
        let (first_asked, last_asked) =
            (wanted_firsts.contains_key(&h_first), wanted_firsts.contains_key(&h_last));
        // The whole name, then its last and its first word, in any case form.
        // A person the rule stage found alone asked for its own key: made above.
        while let Some(&(_, end)) = rule_key.next_if(|&&(k, _)| k < i) {
            rule_key_start = end;
        }
        if let Some(&(_, end)) = rule_key.next_if(|&&(k, _)| k == i) {
            debug_assert!({
                key_of_folded(folded, key);
                *key == rule_keys[rule_key_start..end]
            });
            add_key(keys, &rule_keys[rule_key_start..end], i, false, mentions, lookup);
            rule_key_start = end;
        } else if first_asked || !wanted_keys.is_empty() {
            key_of_folded(folded, key);
            if first_asked || wanted(word_hash(key.as_bytes())) {
                add_key(keys, key, i, false, mentions, lookup);
            }
        }
        if last_asked || wanted(h_last) {
            add_key(keys, last, i, false, mentions, lookup);
        }
        if first_asked || wanted(h_first) {
            add_key(keys, first, i, given, mentions, lookup);
        }
        // A run of capitalised words is tried as a key only if its first word can begin
        // one: the first word of the name (the whole name's key and the first word's) or
        // its last word.
        if first_asked {
            firsts.insert(h_first, ());
        }
        if last_asked {
            firsts.insert(h_last, ());
        }
    }
    if keys.is_empty() {
        return false;
    }
    added.clear();
    let toks = &caps[..];
    let mut covered = mentions.iter().map(|m| (m.start, m.end)).peekable();
    let mut i = 0;
    while i < toks.len() {
        let Capitalised { start: t_start, end: t_end, .. } = toks[i];
        while covered.peek().is_some_and(|&(_, e)| e <= t_start) {
            covered.next();
        }
        if covered.peek().is_some_and(|&(s, _)| s < t_end) {
            i += 1;
            continue;
        }
        // A run can be a key only if its first word is the first word of one: most
        // capitalised words are not, and cost one key.
        if !firsts.contains_key(&toks[i].stem_hash) {
            i += 1;
            continue;
        }
        // The longest run of capitalised words from here (up to 4) that is a key.
        let mut run_end = i;
        while run_end + 1 < toks.len()
            && run_end + 1 - i < 4
            && toks[run_end + 1].joined
            && covered.peek().is_none_or(|&(s, _)| s >= toks[run_end + 1].end)
        {
            run_end += 1;
        }
        let mut found = None;
        for j in (i..=run_end).rev() {
            stem_key(&text[t_start..toks[j].end], folded, key);
            if let Some((Target::One(target), given)) = keys.get(key.as_str()) {
                found = Some((j, target, given));
                break;
            }
        }
        match found {
            Some((j, target, given)) => {
                let a = &mentions[target];
                added.push(Mention {
                    start: t_start,
                    end: toks[j].end,
                    label: a.label,
                    entry: a.entry.filter(|_| !given),
                    canonical: (!given).then(|| named(a, text)),
                    source: Source::Document("alias"),
                    confidence: (a.confidence * 0.9).min(0.9),
                    priority: a.priority,
                    user: false,
                    learned: false,
                });
                i = j + 1;
            }
            None => i += 1,
        }
    }
    // Mentions the rule stage found without a name list (`ο Κιμ`) are tied too (to another
    // person: none when the person is alone), by the keys made of them above.
    let mut start = 0;
    for &(i, end) in rule_key_ends.iter().filter(|_| !one) {
        let key = &rule_keys[start..end];
        start = end;
        let m = &mentions[i];
        let Some((Target::One(target), given)) = keys.get(key) else { continue };
        let a = &mentions[target];
        if target == i || (a.entry.is_none() && target > i) || given {
            continue;
        }
        let linked = Mention {
            start: m.start,
            end: m.end,
            label: a.label,
            entry: a.entry,
            canonical: Some(named(a, text)),
            source: Source::Document("alias"),
            confidence: (a.confidence * 0.9).min(0.9).max(m.confidence),
            priority: a.priority,
            user: false,
            learned: false,
        };
        mentions[i] = linked;
    }
    if added.is_empty() {
        return false;
    }
    mentions.append(added);
    // Disjoint spans have distinct starts: an unstable sort (no buffer) is exact.
    mentions.sort_unstable_by_key(|m| m.start);
    true
}

/// The canonical name of mention `a`: its entry's, or its text.
fn named(a: &Mention, text: &str) -> Arc<str> {
    a.canonical.clone().unwrap_or_else(|| Arc::from(&text[a.start..a.end]))
}

/// `sc.folds` holds the mentions' folded texts (see [`fold_mentions`]).
fn consistent_labels(mentions: &mut [Mention], sc: &mut Scratch) {
    if mentions.len() < 2 {
        return;
    }
    let (folds, ends) = (&sc.folds, &sc.fold_ends);
    let key = |i: usize| &folds[ends[i]..ends[i + 1]];
    // A document of a few mentions (most) compares their names pairwise: cheaper than a
    // map's allocation and hashing. `best[g]`: the best label of the name that mention
    // `g` is the first of; `first[i]`: that mention, for mention `i`.
    if mentions.len() <= FEW {
        let mut best = [(Label::Per, 0f32); FEW];
        let mut first = [0u8; FEW];
        for (i, m) in mentions.iter().enumerate() {
            let g = (0..i).find(|&j| first[j] as usize == j && key(j) == key(i)).unwrap_or(i);
            first[i] = g as u8;
            if g == i || m.confidence > best[g].1 {
                best[g] = (m.label, m.confidence);
            }
        }
        for (i, m) in mentions.iter_mut().enumerate() {
            let (label, conf) = best[first[i] as usize];
            relabel(m, label, conf);
        }
        return;
    }
    let mut best: FxHashMap<&[u8], (Label, f32)> =
        FxHashMap::with_capacity_and_hasher(mentions.len(), Default::default());
    for (i, m) in mentions.iter().enumerate() {
        let e = best.entry(key(i)).or_insert((m.label, m.confidence));
        if m.confidence > e.1 {
            *e = (m.label, m.confidence);
        }
    }
    for (i, m) in mentions.iter_mut().enumerate() {
        let (label, conf) = best[key(i)];
        relabel(m, label, conf);
    }
}

/// Up to this many mentions, [`consistent_labels`] compares names pairwise.
const FEW: usize = 16;

/// Mention `m` takes the label of its name's best-evidenced mention, `(label, conf)`.
fn relabel(m: &mut Mention, label: Label, conf: f32) {
    // The user's names keep their label.
    if label != m.label && conf > m.confidence && !m.user {
        m.label = label;
        m.entry = None;
        m.source = Source::Document("consistent_label");
        m.confidence = conf * 0.9;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A name's key is its words' stems, one space apart, however the spaces run: as
    /// `split(' ')` without its empty pieces gives the words.
    #[test]
    fn key_of_folded_joins_the_words_stems() {
        let mut key = String::new();
        // Names as written, folded word by word (folding keeps the spaces as they are).
        let folded = |s: &str| s.split(' ').map(fold).collect::<Vec<_>>().join(" ");
        for (name, want) in [
            ("Κυριάκος Μητσοτάκης", "κυριακ μητσοτακ"),
            ("  Κυριάκος   Μητσοτάκης ", "κυριακ μητσοτακ"),
            ("Μητσοτάκη", "μητσοτακ"),
            ("Ο", "ο"),
            ("Νίκος Α Παππάς", "νικ α παππ"),
            ("", ""),
            ("   ", ""),
        ] {
            let (name, want) = (folded(name), folded(want));
            let name = name.as_str();
            key_of_folded(name, &mut key);
            assert_eq!(key, want, "{name:?}");
            let split: Vec<&str> = name.split(' ').filter(|w| !w.is_empty()).map(stem).collect();
            assert_eq!(key, split.join(" "), "{name:?}");
        }
    }

    /// `take_line` joins a capitalised word to the one before it across spaces and hyphens
    /// only: not across a lower-case word, a number, a comma or a line break.
    #[test]
    fn take_line_joins_capitalised_words_across_spaces_and_hyphens_only() {
        let mut folded = FoldedLine::default();
        let mut sc = Scratch::default();
        // Each document's lines, and the capitalised words with whether each is joined.
        type Case<'a> = (&'a [&'a str], &'a [(&'a str, bool)]);
        let cases: [Case; 5] = [
            (&["Ο Νίκος Παππάς είπε"], &[("Ο", false), ("Νίκος", true), ("Παππάς", true)]),
            (&["ο Νίκος και ο Γιάννης-Κώστας"], &[("Νίκος", false), ("Γιάννης", false), ("Κώστας", true)]),
            (&["Νίκος 2 Γιάννης, Κώστας"], &[("Νίκος", false), ("Γιάννης", false), ("Κώστας", false)]),
            (&["είπε ο Νίκος\n", "Γιάννης και"], &[("Νίκος", false), ("Γιάννης", false)]),
            (
                &["είπε ο Νίκος Γιάννης\n", "μόνος Κώστας"],
                &[("Νίκος", false), ("Γιάννης", true), ("Κώστας", false)],
            ),
        ];
        for (lines, want) in cases {
            sc.clear();
            let (mut offset, mut text) = (0, String::new());
            for line in lines {
                folded.fold_and_split(line);
                take_line(line, &folded, offset, &[], false, false, &mut sc);
                offset += line.len();
                text.push_str(line);
            }
            let got: Vec<(&str, bool)> = sc.caps.iter().map(|c| (&text[c.start..c.end], c.joined)).collect();
            assert_eq!(got, want, "{lines:?}");
        }
    }

    /// The capitalised words serve only to link to a person: on a document's last line, with
    /// the mentions final and no person among them so far, none are taken; a person on any
    /// line (this one or one before), or mentions still to change, keeps them.
    #[test]
    fn take_line_skips_capitalised_words_of_a_document_without_a_person() {
        let mut folded = FoldedLine::default();
        let mut sc = Scratch::default();
        // Each document's lines, the label of a mention over each line's first word (if
        // any), whether the mentions are final, and the capitalised words taken.
        type Case<'a> = (&'a [(&'a str, Option<Label>)], bool, &'a [&'a str]);
        let cases: [Case; 6] = [
            (&[("Αθήνα και Πάτρα", Some(Label::Loc))], true, &[]),
            (&[("Αθήνα και Πάτρα", None)], true, &[]),
            (&[("Αθήνα και Πάτρα", Some(Label::Loc))], false, &["Αθήνα", "Πάτρα"]),
            (&[("Νίκος και Πάτρα", Some(Label::Per))], true, &["Πάτρα"]),
            (&[("Νίκος είπε\n", Some(Label::Per)), ("Αθήνα και Πάτρα", None)], true, &["Αθήνα", "Πάτρα"]),
            (&[("Αθήνα, Νίκος\n", Some(Label::Org)), ("ο Κώστας", None)], true, &["Νίκος"]),
        ];
        for (lines, covered_final, want) in cases {
            sc.clear();
            let (mut offset, mut text) = (0, String::new());
            for (k, &(line, label)) in lines.iter().enumerate() {
                folded.fold_and_split(line);
                let first = &folded.tokens()[0];
                let mentions: Vec<Mention> = label
                    .map(|label| rule_mention(offset + first.s as usize, offset + first.e as usize, label))
                    .into_iter()
                    .collect();
                take_line(line, &folded, offset, &mentions, covered_final, k + 1 == lines.len(), &mut sc);
                offset += line.len();
                text.push_str(line);
            }
            let got: Vec<&str> = sc.caps.iter().map(|c| &text[c.start..c.end]).collect();
            assert_eq!(got, want, "{lines:?} {covered_final}");
        }
    }

    /// A mention of a rule, over bytes `start..end`.
    fn rule_mention(start: usize, end: usize, label: Label) -> Mention {
        Mention { confidence: 0.9, ..Mention::test(start, end, label) }
    }

    /// The mentions' folded text is kept for the pass unless it will change nothing: on a
    /// document's last line, with the mentions final, fewer than two and no person among
    /// them (on this line or one before).
    #[test]
    fn take_line_keeps_the_mentions_folds_only_where_the_pass_reads_them() {
        let mut folded = FoldedLine::default();
        let mut sc = Scratch::default();
        // Each document's lines with the labels of mentions over their first words, whether
        // the mentions are final, and how many mentions' folds are kept.
        type Case<'a> = (&'a [(&'a str, &'a [Label])], bool, usize);
        let cases: [Case; 7] = [
            (&[("Αθήνα και Πάτρα", &[Label::Loc])], true, 0),
            (&[("Αθήνα και Πάτρα", &[])], true, 0),
            (&[("Αθήνα Πάτρα", &[Label::Loc, Label::Loc])], true, 2),
            (&[("Νίκος και Πάτρα", &[Label::Per])], true, 1),
            (&[("Αθήνα και Πάτρα", &[Label::Loc])], false, 1),
            (&[("Αθήνα είπε\n", &[Label::Org]), ("Πάτρα και", &[Label::Loc])], true, 2),
            (&[("Αθήνα είπε\n", &[]), ("Πάτρα και", &[Label::Loc])], true, 0),
        ];
        for (lines, covered_final, want) in cases {
            sc.clear();
            let mut offset = 0;
            for (k, &(line, labels)) in lines.iter().enumerate() {
                folded.fold_and_split(line);
                let words = folded.tokens().iter().filter(|t| t.shape & shape::WORD != 0);
                let mentions: Vec<Mention> = words
                    .zip(labels)
                    .map(|(t, &label)| rule_mention(offset + t.s as usize, offset + t.e as usize, label))
                    .collect();
                take_line(line, &folded, offset, &mentions, covered_final, k + 1 == lines.len(), &mut sc);
                offset += line.len();
            }
            assert_eq!(sc.line_spans.len(), want, "{lines:?} {covered_final}");
        }
    }

    /// The pass asks the vocabulary for a first word's classes: it answers as the lexicon
    /// it was filled from does, for given names, other listed words and unknown words.
    #[test]
    fn vocabulary_answers_the_lexicons_classes() {
        let lex = crate::lexicon::Lexicon::build();
        let mut vocab = Vocab::with_capacity(lex.len());
        lex.add_to(&mut vocab);
        let cases = [
            ("Γιάννης", true),
            ("Μαρία", true),
            ("Κωνσταντίνος", true),
            ("Ευαγγελία", true),
            ("και", false),
            ("υπουργός", false),
            ("Ξυλοκερατιάς", false),
            ("Q", false),
            ("ο", false),
        ];
        for (word, given) in cases {
            let f = fold(word);
            let classes = vocab.classes(f.as_bytes());
            assert_eq!(classes, lex.classes(&f), "{word}");
            assert_eq!(classes & class::GIVEN != 0, given, "{word}");
        }
    }

    /// One name keeps the label of its best-evidenced mention: the first one, unless a later
    /// one is more confident (checked against a plain reading of the rule on random
    /// documents).
    #[test]
    fn consistent_labels_follow_the_rule() {
        let names: [&[u8]; 4] = [b"kim", b"pouti\xce\xbd", b"kim gionk", b"x"];
        let labels = [Label::Per, Label::Loc, Label::Org];
        let mut rng = crate::test_rng::Rng::new();
        let mut next = |n: usize| rng.below(n);
        for round in 0..600 {
            let n = [2, 5, 16, 17, 40][round % 5];
            let mut sc = Scratch::default();
            sc.fold_ends.push(0);
            let mut mentions = Vec::new();
            let mut keys = Vec::new();
            for i in 0..n {
                let k = next(names.len());
                sc.folds.extend_from_slice(names[k]);
                sc.fold_ends.push(sc.folds.len());
                keys.push(k);
                let label = labels[next(3)];
                mentions.push(Mention {
                    entry: Some(i as u32),
                    confidence: [0.5, 0.6, 0.9][next(3)],
                    ..Mention::test(10 * i, 10 * i + 5, label)
                });
            }
            let mut want = mentions.clone();
            for i in 0..n {
                let group: Vec<usize> = (0..n).filter(|&j| keys[j] == keys[i]).collect();
                let mut b = group[0];
                for &j in &group[1..] {
                    if mentions[j].confidence > mentions[b].confidence {
                        b = j;
                    }
                }
                let (label, conf) = (mentions[b].label, mentions[b].confidence);
                if label != want[i].label && conf > want[i].confidence {
                    want[i].label = label;
                    want[i].entry = None;
                    want[i].source = Source::Document("consistent_label");
                    want[i].confidence = conf * 0.9;
                }
            }
            consistent_labels(&mut mentions, &mut sc);
            assert_eq!(mentions, want, "round {round}");
        }
    }
}
