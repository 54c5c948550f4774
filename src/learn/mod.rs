//! Adaptation without training: what a user's annotated IOB2 corpus teaches the recognizer
//! (see [`crate::RecognizerBuilder::learn_iob2`]). Two parts, both in memory only:
//! nothing learned is ever written anywhere. With
//! [`crate::RecognizerBuilder::train_iob2`], a third part: a sequence model trained on top of
//! the two (module `train`), which [`crate::Recognizer::save_model`] writes to a file with
//! them.
//!
//! # Names: a run-time gazetteer ([`learn`])
//!
//! 1. **Harvest.** Every annotated span (any type, `MISC` included) gives a *name*: its
//!    folded text (see [`crate::text::normalize`]), so `ΡΩΣΙΑ` and `Ρωσία` are one name.
//! 2. **Count.** Each name is inflected like any gazetteer entry and all its forms are
//!    searched in every sentence of the corpus (one Aho-Corasick pass), on word
//!    boundaries and with the letter case the matcher accepts (a capital first letter
//!    for ordinary names, or their later words capitalised: `κ. Μητσοτάκη` for
//!    `Κ. Μητσοτάκη`; all capitals for acronyms). Each occurrence counts for the type
//!    of the annotated span that covers it exactly, or as *untagged* if no annotation
//!    touches it. Occurrences inside a longer annotated span (`Ελλάδος` in `Τράπεζα της
//!    Ελλάδος`) count for neither: the longer name is learned too and wins by length.
//!    Occurrences that cover or cross an annotation of another extent (`κ. Μητσοτάκη`
//!    where the corpus annotates `Μητσοτάκη`) count against the name: the corpus draws
//!    the span elsewhere.
//! 3. **Decide.** A name takes its most frequent type among PER/LOC/ORG; its
//!    *precision* is that type's count over all its occurrences (other types, `MISC` and
//!    untagged included). Names below [`MIN_PRECISION`] are dropped: the corpus mostly
//!    leaves them untagged or labels them inconsistently. So are names found more often
//!    inside longer annotated names than annotated alone (`Ένωση`, `Αρχαιολογικό
//!    Μουσείο`): learned alone they would cut the longer names that the rules or other
//!    learned names find whole. Names at or above
//!    [`STRONG_PRECISION`] go into the gazetteer `learned:<file>` with priority
//!    [`STRONG_PRIORITY`], which outranks the embedded gazetteers (but not a user's own
//!    gazetteer files); the rest go into `learned-weak:<file>`, flagged `ambiguous`
//!    (not trusted at the start of a sentence, lower rank) with priority below the
//!    embedded gazetteers.
//! 4. **Other types.** Names the corpus mostly annotates as another type (`MISC`:
//!    `Συμφωνία των Πρεσπών`, `Κύπελλο Ελλάδας`) go into `learned-misc:<file>` (only when
//!    the recognizer learns, not from [`learn`]): matched like any name, they win by length
//!    over the names inside them (`Πρεσπών`), and are then dropped, so neither is reported.
//! 5. **Capitals.** A name written in capitals only (`ΓΑΛΛΙΑ`, `ΣΥΡΙΖΑ`) is counted apart
//!    from the same name in ordinary case, and learned into `learned-caps:<file>`
//!    ([`CAPS_PRIORITY`], flag `exact_case`): text in capitals is a register of its own
//!    (headlines, sports results) where a corpus may label names differently.
//!
//! Entry ids are `learned:<LABEL>:<slug>` (slug = the name in lower case, other
//! characters than letters and digits as `-`), the canonical name is the name's most
//! frequent spelling in the corpus. Entities report `gazetteer:learned:<file>:<line>` as
//! their source, `line` being the corpus line where the name was first annotated.
//!
//! # Conventions: learned here, applied by the adaptation stage (`stages/adapt.rs`)
//!
//! Run after the rule stage and before the document pass, so both work on top of the
//! learned names:
//!
//! * **Person names.** Words the corpus annotates mostly as the first word of longer
//!   person names (`Γιάννη` in `Γιάννη Κουρτάκη`) take in the capitalised word after them;
//!   two person mentions side by side become one when the corpus writes names as one
//!   span; initials join the name after them when the corpus includes them (`Κ. Κατσίκης`).
//! * **Organisation names** take in the capitalised words around them and a place right
//!   after them (`Κέντρο Υγείας` + `Μυτιλήνης`), if that scores better on held-out text.
//! * **Lower-case starts.** A mention that starts with lower-case words before its
//!   capitalised ones (`κ. Μητσοτάκη`, `πλανήτη Γη`, `βιβλιοθήκη της Βουλής`: found so by
//!   gazetteer names whose later words are capitalised) loses them when the corpus mostly
//!   leaves its first word outside the span of the name after it (counted right before
//!   annotated names, maybe across one connector such as `του`; smoothed towards the
//!   corpus-wide share, so words never seen follow the corpus's general habit), and keeps
//!   them when the corpus takes the word in (`υπουργείο Υγείας`).
//! * **Labels by context.** Names the corpus labels in more than one way (at least
//!   `CONTEXT_MIN_MINORITY` of them with a label other than the most frequent one:
//!   `Κροατία`, the country and the national team) take the label a naive Bayes model of
//!   the words of their sentence chooses among their labels. The weight of the context
//!   against the name's own label counts is chosen on held-out halves of the corpus; if
//!   no weight labels the held-out annotations better than the most frequent label, the
//!   model is not used.
//! * **Verdicts.** The corpus is cut into two halves; each is run through a recognizer
//!   that learned its names from the other half, and the mentions are compared with the
//!   annotations. A source (a gazetteer file or a rule, per label) right less than
//!   [`MIN_SOURCE_PRECISION`] of the time is distrusted: its mentions are dropped. A
//!   mention text that the corpus, in held-out text, mostly leaves untagged (or tags
//!   `MISC`) is dropped; one it mostly tags with another label at the same extent is
//!   relabelled. Held-out text matters: on the text the names were learned from, every
//!   annotated name is known and the rules would only fire where nothing is annotated.
//!
//! Learning from a corpus of 500,000 tokens takes about a second (three gazetteer
//! compilations and four passes of the recognizer over halves of the corpus); the
//! recognizer then runs at the speed of any other.

pub(crate) mod train;

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::error::BuildError;
use crate::fxhash::FxHashMap;
use crate::gazetteer::{inflect, Entry, Flags, Gazetteer};
use crate::iob2::Corpus;
use crate::stages::adapt::{
    all_caps, bucket, context_words, is_initial, source_key, Adaptation, ContextLabels, Key, LowerStarts,
    MISC_GAZETTEER, OTHER,
};
use crate::text::case::{case_accepts, case_rule_of, CaseRule};
use crate::text::normalize::{fold, is_letter, is_upper, FoldedText};
use crate::text::tokens::tokens;
use crate::Label;

/// Names whose majority type covers less than this share of their occurrences are dropped.
pub const MIN_PRECISION: f64 = 0.5;
/// Names at or above this share are trusted over the embedded gazetteers.
pub const STRONG_PRECISION: f64 = 0.75;
/// Priority of the trusted learned names (embedded gazetteers: 3; user files: 10).
pub const STRONG_PRIORITY: i32 = 8;
/// Priority of the trusted learned names written in capitals only (gazetteer
/// `learned-caps:<file>`), matched only in capitals: capitals are a register of their own
/// (headlines, sports results), where a corpus may label names differently.
pub const CAPS_PRIORITY: i32 = 9;
/// Priority of the less certain learned names.
pub const WEAK_PRIORITY: i32 = 1;

#[derive(Default)]
struct Name {
    /// Spellings as annotated, with their counts, per type bucket.
    spellings: HashMap<String, [u32; 4]>,
    /// Occurrences that an annotation of exactly their extent covers, per type bucket.
    tagged: [u32; 4],
    /// Occurrences that no annotation touches.
    untagged: u32,
    /// Occurrences inside a longer annotated span.
    inside: u32,
    /// Occurrences that cover or cross an annotated span of another extent (`κ. Μητσοτάκη`
    /// where the corpus annotates `Μητσοτάκη`): the corpus draws the span elsewhere.
    crossing: u32,
    /// First corpus line where the name is annotated.
    line: usize,
    /// Written in capitals only (`ΓΑΛΛΙΑ`, `ΣΥΡΙΖΑ`): counted, and matched, apart from
    /// the same name in ordinary case.
    caps: bool,
    case: CaseRule,
}

/// Statistics of one learning run, for reports.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct LearnStats {
    /// Distinct names annotated PER/LOC/ORG in the corpus.
    pub names: usize,
    /// Names kept as trusted entries.
    pub strong: usize,
    /// Names kept as weak (ambiguous) entries.
    pub weak: usize,
    /// Names dropped (mostly untagged, or labelled inconsistently).
    pub dropped: usize,
}

/// Learns the gazetteers `learned:<file>` and `learned-weak:<file>` from a parsed corpus
/// (what [`crate::RecognizerBuilder::learn_iob2`] does), with statistics. The gazetteers
/// carry their priorities; pass them to [`crate::RecognizerBuilder::gazetteer`].
///
/// ```
/// use greek_ner::{iob2, learn};
/// let corpus = iob2::parse("mine.iob2", "Η O\nΡωσία B-LOC\nείπε O\n").unwrap();
/// let (gazetteers, stats) = learn::learn("mine.iob2", &corpus).unwrap();
/// assert_eq!(stats.strong, 1);
/// assert_eq!(gazetteers[0].entries()[0].id(), "learned:LOC:ρωσία");
/// ```
pub fn learn(file: &str, corpus: &Corpus) -> Result<(Vec<Gazetteer>, LearnStats), BuildError> {
    learn_names(file, corpus, false)
}

/// [`learn`], plus a fourth gazetteer `learned-misc:<file>` of the names the corpus
/// annotates as other types than PER/LOC/ORG (`MISC`: `Συμφωνία των Πρεσπών`, `Κύπελλο
/// Ελλάδας`). They exist only to be matched, winning by length over the names inside
/// them, and dropped by [`Adaptation::apply`]: alone they would be reported as entities.
pub(crate) fn learn_with_misc(file: &str, corpus: &Corpus) -> Result<Vec<Gazetteer>, BuildError> {
    Ok(learn_names(file, corpus, true)?.0)
}

fn learn_names(file: &str, corpus: &Corpus, misc: bool) -> Result<(Vec<Gazetteer>, LearnStats), BuildError> {
    // 1. Harvest.
    let mut index: HashMap<(String, bool), usize> = HashMap::new();
    let mut names: Vec<(String, Name)> = Vec::new();
    for s in &corpus.sentences {
        for a in &s.spans {
            let surface = &s.text[a.byte_start..a.byte_end];
            let key = fold(surface);
            if key.chars().filter(|c| c.is_alphabetic()).count() < 2 {
                continue;
            }
            let caps = all_caps(surface);
            let i = *index.entry((key.clone(), caps)).or_insert_with(|| {
                names.push((key, Name { line: s.tokens[a.first].line, caps, ..Name::default() }));
                names.len() - 1
            });
            names[i].1.spellings.entry(surface.to_string()).or_default()[bucket(a.label)] += 1;
        }
    }
    // Only names annotated PER/LOC/ORG at least once can become entries; the others
    // (MISC only) still count as annotations covering occurrences.
    // With `misc`, the others are candidates too, for the gazetteer of MISC names: those of
    // several words starting with a capital, which may hold names (one word alone is judged
    // by the verdicts on held-out text).
    let typed = |n: &Name| n.spellings.values().any(|c| c[..OTHER].iter().any(|&n| n > 0));
    let other = |key: &str, n: &Name| {
        key.contains(' ')
            && n.spellings.iter().any(|(s, c)| c[OTHER] > 0 && s.chars().next().is_some_and(is_upper))
    };
    let candidates: Vec<usize> = (0..names.len())
        .filter(|&i| typed(&names[i].1) || (misc && other(&names[i].0, &names[i].1)))
        .collect();
    let mut stats = LearnStats {
        names: candidates.iter().filter(|&&i| typed(&names[i].1)).count(),
        ..LearnStats::default()
    };
    if candidates.is_empty() {
        return Ok((Vec::new(), stats));
    }
    // 2. Count: every form of every candidate, in every sentence.
    let mut patterns: Vec<String> = Vec::new();
    let mut owners: Vec<Vec<u32>> = Vec::new();
    let mut by_form: HashMap<String, usize> = HashMap::new();
    for &i in &candidates {
        let spelling = best_spelling(&names[i].1, None);
        names[i].1.case = case_rule_of(&spelling);
        for form in inflect::forms(&spelling, false) {
            let p = *by_form.entry(form).or_insert_with_key(|f| {
                patterns.push(f.clone());
                owners.push(Vec::new());
                patterns.len() - 1
            });
            if !owners[p].contains(&(i as u32)) {
                owners[p].push(i as u32);
            }
        }
    }
    let ac = AhoCorasick::builder()
        .match_kind(MatchKind::Standard)
        .kind(Some(AhoCorasickKind::ContiguousNFA))
        .build(&patterns)
        .map_err(|e| BuildError::new(file, None, None, format!("cannot compile the learned names: {e}")))?;
    let mut folded = FoldedText::default();
    let mut seen: Vec<u32> = Vec::new();
    for s in &corpus.sentences {
        folded.fold_into(&s.text);
        let hay = folded.as_str();
        for m in ac.find_overlapping_iter(hay) {
            if !folded.boundary_before(m.start()) || !folded.boundary_after(m.end()) {
                continue;
            }
            let (start, end) = folded.original_range(&s.text, m.start(), m.end());
            let original = &s.text[start..end];
            let exact = s.spans.iter().find(|a| a.byte_start == start && a.byte_end == end);
            let touches = s.spans.iter().any(|a| a.byte_start < end && start < a.byte_end);
            let within = s.spans.iter().any(|a| a.byte_start <= start && end <= a.byte_end);
            seen.clear();
            for &o in &owners[m.pattern().as_usize()] {
                // One occurrence counts once per name even if two of its forms coincide.
                if seen.contains(&o) {
                    continue;
                }
                seen.push(o);
                let n = &mut names[o as usize].1;
                if !case_accepts(n.case, original) || n.caps != all_caps(original) {
                    continue;
                }
                match exact {
                    Some(a) => n.tagged[bucket(a.label)] += 1,
                    None if !touches => n.untagged += 1,
                    None if within => n.inside += 1,
                    None => n.crossing += 1,
                }
            }
        }
    }
    // 3. Decide.
    let learned =
        |name: String, priority| Gazetteer::new(&name).with_priority(priority).learned_from_corpus();
    let mut strong = learned(format!("learned:{file}"), STRONG_PRIORITY);
    let mut weak = learned(format!("learned-weak:{file}"), WEAK_PRIORITY);
    let mut caps = learned(format!("learned-caps:{file}"), CAPS_PRIORITY);
    let mut others = learned(format!("{MISC_GAZETTEER}{file}"), STRONG_PRIORITY);
    for &i in &candidates {
        let n = &names[i].1;
        let total: u32 = n.tagged.iter().sum::<u32>() + n.untagged + n.crossing;
        let count = n.tagged[OTHER];
        if misc
            && n.tagged[..OTHER].iter().all(|&c| c < count)
            && f64::from(count) >= MIN_PRECISION * f64::from(total)
            && n.inside <= count
        {
            // Mostly annotated MISC: matched only to hide the names inside it.
            let canonical = best_spelling(n, Some(OTHER));
            let mut e = Entry::new(&format!("learned:MISC:{}", slug(&canonical)), Label::Org, &canonical);
            e.line = u32::try_from(n.line).unwrap_or(u32::MAX);
            others.insert(e.flags(Flags { exact_case: n.caps, ..Flags::default() }))?;
            continue;
        }
        if !typed(n) {
            continue;
        }
        let (b, &count) =
            n.tagged[..OTHER].iter().enumerate().max_by_key(|&(b, &c)| (c, std::cmp::Reverse(b))).unwrap();
        let precision = if total == 0 { 0.0 } else { f64::from(count) / f64::from(total) };
        // Mostly a part of longer names (`Ένωση`, `Αρχαιολογικό Μουσείο`): learned alone it
        // would cut those the rules or the longer learned names find whole.
        if count == 0 || precision < MIN_PRECISION || n.inside > count {
            stats.dropped += 1;
            continue;
        }
        let label = [Label::Per, Label::Loc, Label::Org][b];
        let canonical = best_spelling(n, Some(b));
        let mut e = Entry::new(&format!("learned:{label}:{}", slug(&canonical)), label, &canonical);
        e.line = u32::try_from(n.line).unwrap_or(u32::MAX);
        let strong_enough = precision >= STRONG_PRECISION;
        e = e.flags(Flags { ambiguous: !strong_enough, exact_case: n.caps, ..Flags::default() });
        if strong_enough {
            stats.strong += 1;
        } else {
            stats.weak += 1;
        }
        match (n.caps, strong_enough) {
            (true, true) => caps.insert(e)?,
            (false, true) => strong.insert(e)?,
            (_, false) => weak.insert(e)?,
        }
    }
    strong.finish()?;
    weak.finish()?;
    caps.finish()?;
    let mut gazetteers = vec![strong, weak, caps];
    if misc {
        others.finish()?;
        gazetteers.push(others);
    }
    Ok((gazetteers, stats))
}

/// The most frequent spelling of a name (for type bucket `b`, or overall); ties go to the
/// alphabetically first, so that results do not depend on hash order.
fn best_spelling(n: &Name, b: Option<usize>) -> String {
    n.spellings
        .iter()
        .map(|(s, c)| (b.map_or_else(|| c.iter().sum(), |b| c[b]), s))
        .max_by(|x, y| x.0.cmp(&y.0).then_with(|| y.1.cmp(x.1)))
        .map(|(_, s)| s.clone())
        .unwrap_or_default()
}

/// The name in lower case with every run of other characters than letters and digits as
/// one `-`. Two names with the same slug have the same folded text, so ids stay distinct.
fn slug(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.to_lowercase().chars() {
        if c.is_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') {
            out.push('-');
        }
    }
    out.trim_matches('-').to_string()
}

/// A connector stands inside a span at least this share of the times it stands between
/// two capitalised words.
const CONNECTOR_SHARE: f64 = 0.2;

/// A token's shape by its first character: 1 for a lower-case letter, 2 for a capital,
/// 0 for anything else.
fn shape(t: &crate::iob2::Token) -> u8 {
    match t.text.chars().next() {
        Some(c) if is_letter(c) => 1 + u8::from(is_upper(c)),
        _ => 0,
    }
}

const LOWER: u8 = 1;
const CAPITAL: u8 = 2;

impl LowerStarts {
    /// First pass: lower-case words between capitalised words, inside a span or not; then
    /// [`LowerStarts::connectors`].
    fn count_between<'s>(&mut self, sentences: impl Iterator<Item = &'s crate::iob2::Sentence>) {
        let mut between: HashMap<&str, [u32; 2]> = HashMap::new();
        for s in sentences {
            let (mut before, mut here) = (0, 0);
            for (i, t) in s.tokens.iter().enumerate() {
                let after = shape(t);
                if (before, here, after) == (CAPITAL, LOWER, CAPITAL) {
                    let w = &s.tokens[i - 1];
                    let inside = w.tag.starts_with("I-") && t.tag.starts_with("I-");
                    between.entry(w.text.as_str()).or_default()[usize::from(!inside)] += 1;
                }
                (before, here) = (here, after);
            }
        }
        self.connectors = between
            .into_iter()
            .filter(|(_, [inside, outside])| {
                *inside >= 2 && f64::from(*inside) >= CONNECTOR_SHARE * f64::from(inside + outside)
            })
            .map(|(w, _)| w.to_string())
            .collect();
    }

    /// Second pass: every lower-case word of `s` right before (maybe across one connector)
    /// a capitalised word that starts an annotated span (left outside) or goes on one
    /// (taken in). `shapes` is a buffer.
    fn count(&mut self, s: &crate::iob2::Sentence, shapes: &mut Vec<u8>) {
        let toks = &s.tokens;
        shapes.clear();
        shapes.extend(toks.iter().map(shape));
        shapes.push(0);
        for (i, t) in toks.iter().enumerate() {
            if shapes[i] != LOWER {
                continue;
            }
            let j = match (shapes[i + 1], shapes.get(i + 2)) {
                (CAPITAL, _) => i + 1,
                (LOWER, Some(&CAPITAL)) if self.connectors.contains(&toks[i + 1].text) => i + 2,
                _ => continue,
            };
            let next = &toks[j];
            let slot = if t.tag.starts_with("B-") && next.tag.starts_with("I-") {
                0
            } else if t.tag == "O"
                && toks[i + 1..j].iter().all(|c| c.tag == "O")
                && next.tag.starts_with("B-")
            {
                1
            } else {
                continue;
            };
            let Some(word) = tokens(&t.text).next() else { continue };
            self.words.entry(fold(word.text)).or_default()[slot] += 1;
            self.total[slot] += 1;
        }
    }
}

/// Weights of the context tried on held-out parts of the corpus (naive Bayes counts every
/// word as independent evidence, which overstates it: the best weight is below 1).
const CONTEXT_WEIGHTS: [f64; 6] = [0.0, 0.1, 0.2, 0.35, 0.5, 1.0];

/// A name is ambiguous when labels other than its most frequent one make at least this
/// share of its annotations (chosen on held-out halves of elNER's train set).
const CONTEXT_MIN_MINORITY: f64 = 0.2;
impl ContextLabels {
    /// Learns from the annotations of `sentences`; `None` when no name is ambiguous.
    fn learn<'s>(
        sentences: impl Iterator<Item = &'s crate::iob2::Sentence> + Clone,
    ) -> Option<ContextLabels> {
        let mut names: FxHashMap<(String, bool), [u32; 3]> = FxHashMap::default();
        for s in sentences.clone() {
            for a in &s.spans {
                if let Some(l) = a.label {
                    let t = &s.text[a.byte_start..a.byte_end];
                    names.entry((fold(t), all_caps(t))).or_default()[bucket(Some(l))] += 1;
                }
            }
        }
        names.retain(|_, n| {
            let total: u32 = n.iter().sum();
            let top = n.iter().copied().max().unwrap_or(0);
            total >= 2 && f64::from(total - top) >= CONTEXT_MIN_MINORITY * f64::from(total)
        });
        if names.is_empty() {
            return None;
        }
        let mut c = ContextLabels { names, ..ContextLabels::default() };
        let mut words: Vec<String> = Vec::new();
        for s in sentences {
            for a in &s.spans {
                let Some(l) = a.label else { continue };
                let t = &s.text[a.byte_start..a.byte_end];
                if !c.names.contains_key(&(fold(t), all_caps(t))) {
                    continue;
                }
                context_words(&s.text, a.byte_start, a.byte_end, &mut words);
                for w in words.drain(..) {
                    c.words.entry(w).or_default()[bucket(Some(l))] += 1;
                }
                c.per_label[bucket(Some(l))] += 1;
            }
        }
        Some(c)
    }

    /// Adds up, per weight of [`CONTEXT_WEIGHTS`], how many annotations of ambiguous names in
    /// `sentences` (held out from the ones learned from) get their label right.
    fn score(&self, sentences: &[crate::iob2::Sentence], right: &mut [u32; CONTEXT_WEIGHTS.len()]) {
        let mut key = Key::default();
        for s in sentences {
            for a in &s.spans {
                let Some(l) = a.label else { continue };
                let Some((prior, evidence)) = self.evidence(&s.text, a.byte_start, a.byte_end, &mut key)
                else {
                    continue;
                };
                for (k, w) in CONTEXT_WEIGHTS.iter().enumerate() {
                    right[k] += u32::from(Self::choose(&prior, &evidence, *w) == l);
                }
            }
        }
    }
}

/// A source must have produced at least this many mentions on the corpus to be judged.
const MIN_SOURCE_MENTIONS: u32 = 20;
/// Sources right less often than this on held-out text are distrusted: adding mentions of
/// precision `p` raises F1 only when `p` exceeds half the F1.
pub const MIN_SOURCE_PRECISION: f64 = 0.4;

/// How the recognizer's mentions fared on held-out parts of the corpora.
#[derive(Default)]
struct Observed {
    /// Per folded mention text: [right, untagged or MISC, boundary, PER, LOC, ORG at the same extent].
    texts: HashMap<(String, bool), [u32; 6]>,
    /// Per source and label: [right, wrong].
    sources: HashMap<(String, Label), [u32; 2]>,
    /// Scored annotations, and mentions that match one exactly: for the F1 of a variant.
    gold: u32,
    predicted: u32,
    right: u32,
}

impl Observed {
    fn f1(&self) -> f64 {
        let denominator = f64::from(self.gold + self.predicted);
        if denominator == 0.0 {
            0.0
        } else {
            2.0 * f64::from(self.right) / denominator
        }
    }
}

/// Number of parts the corpora are cut into to judge sources and mention texts.
const FOLDS: usize = 2;

/// Learns an [`Adaptation`] from `corpora` (name, corpus) on top of the gazetteers `base`.
///
/// Given names and initials come from the annotations. Verdicts and distrusted sources
/// come from cross-validation: each corpus is cut into [`FOLDS`] contiguous parts; for
/// each part, a recognizer built by `make` from `base` plus the names learned from the
/// other parts runs over it. Judging on held-out text matters: on the text it learned
/// from, every annotated name is known, so the rules would only ever fire where the
/// corpus annotates nothing and look worse than they are.
pub(crate) fn adapt(
    base: &[Gazetteer],
    corpora: &[(String, Corpus)],
    make: impl Fn(&[Gazetteer]) -> Result<crate::Recognizer, BuildError>,
) -> Result<Adaptation, BuildError> {
    let mut adapt = Adaptation::from_corpora(corpora.iter().map(|(_, c)| c));
    // Each corpus is cut into FOLDS parts; part `fold` of each is held out.
    let held_out = |fold: usize| {
        corpora.iter().map(move |(_, c)| {
            let n = c.sentences.len();
            (n * fold / FOLDS, n * (fold + 1) / FOLDS)
        })
    };
    let rest = |fold: usize| {
        corpora
            .iter()
            .zip(held_out(fold))
            .flat_map(|((_, c), (a, b))| c.sentences[..a].iter().chain(&c.sentences[b..]))
    };
    // Labels by context: learned from the rest, tried on the held-out annotations with each
    // weight; used only if some weight does better than each name's most frequent label.
    let mut contexts: Vec<Option<ContextLabels>> =
        (0..FOLDS).map(|fold| ContextLabels::learn(rest(fold))).collect();
    let mut right = [0u32; CONTEXT_WEIGHTS.len()];
    for (fold, context) in contexts.iter().enumerate() {
        if let Some(context) = context {
            for ((_, c), (a, b)) in corpora.iter().zip(held_out(fold)) {
                context.score(&c.sentences[a..b], &mut right);
            }
        }
    }
    let best = (1..right.len()).max_by(|&x, &y| right[x].cmp(&right[y]).then(y.cmp(&x))).unwrap_or(0);
    let weight = (right[best] > right[0]).then_some(CONTEXT_WEIGHTS[best]);
    // Two variants, judged on the same held-out parts: without and with the extension of
    // organisation mentions.
    let mut observed = [Observed::default(), Observed::default()];
    for (fold, context) in contexts.iter_mut().enumerate() {
        let context = context.take().filter(|_| weight.is_some()).map(|mut c| {
            c.weight = weight.unwrap_or_default();
            std::sync::Arc::new(c)
        });
        let mut gazetteers = base.to_vec();
        for ((name, c), (a, b)) in corpora.iter().zip(held_out(fold)) {
            let part = Corpus {
                sentences: c.sentences[..a].iter().chain(&c.sentences[b..]).cloned().collect(),
                repaired: 0,
            };
            gazetteers.extend(learn_with_misc(name, &part)?);
        }
        let base = make(&gazetteers)?;
        for (variant, seen) in observed.iter_mut().enumerate() {
            let a = Adaptation { extend_org: variant == 1, context: context.clone(), ..adapt.clone() };
            let ner = base.with_adaptation(a.clone());
            for ((_, c), (start, end)) in corpora.iter().zip(held_out(fold)) {
                a.observe(&c.sentences[start..end], &ner, seen);
            }
        }
    }
    let [off, on] = observed;
    let seen = if on.f1() > off.f1() {
        adapt.extend_org = true;
        on
    } else {
        off
    };
    if let Some(weight) = weight {
        adapt.context = ContextLabels::learn(corpora.iter().flat_map(|(_, c)| &c.sentences)).map(|mut c| {
            c.weight = weight;
            std::sync::Arc::new(c)
        });
    }
    adapt.decide(seen);
    Ok(adapt)
}

impl Adaptation {
    /// Given names and the initials convention, from the corpora's person spans.
    fn from_corpora<'c>(corpora: impl IntoIterator<Item = &'c Corpus> + Clone) -> Adaptation {
        let mut first: HashMap<String, (u32, u32)> = HashMap::new(); // (first word of a longer name, anything else)
        let (mut with_initial, mut initial_outside) = (0u32, 0u32);
        let (mut long_names, mut side_by_side) = ([0u32; 3], [0u32; 3]);
        let mut lower = LowerStarts::default();
        lower.count_between(corpora.clone().into_iter().flat_map(|c| &c.sentences));
        let mut shapes = Vec::new();
        for c in corpora {
            for s in &c.sentences {
                lower.count(s, &mut shapes);
                for a in &s.spans {
                    let Some(l) = a.label else { continue };
                    let b = bucket(a.label);
                    long_names[b] += u32::from(a.last - a.first > 1);
                    side_by_side[b] +=
                        u32::from(s.spans.iter().any(|n| n.first == a.last && n.label == a.label));
                    if l != Label::Per {
                        continue;
                    }
                    let toks = &s.tokens[a.first..a.last];
                    for (k, t) in toks.iter().enumerate() {
                        let e = first.entry(fold(&t.text)).or_default();
                        if k == 0 && toks.len() > 1 && !is_initial(&t.text) {
                            e.0 += 1;
                        } else {
                            e.1 += 1;
                        }
                    }
                    if is_initial(&toks[0].text) {
                        with_initial += 1;
                    } else if a.first > 0 {
                        let prev = &s.tokens[a.first - 1];
                        if prev.tag == "O" && is_initial(&prev.text) {
                            initial_outside += 1;
                        }
                    }
                }
            }
        }
        let given = first.into_iter().filter(|(_, (f, o))| *f >= 2 && *f > *o).map(|(k, _)| k).collect();
        Adaptation {
            lower,
            given,
            initials: with_initial > initial_outside,
            merge_adjacent: std::array::from_fn(|b| side_by_side[b] * 10 < long_names[b]),
            extend_org: false,
            context: None,
            verdicts: FxHashMap::default(),
            distrusted: Default::default(),
        }
    }

    /// Runs `ner` (which must already carry the given names and initials) over `sentences`,
    /// adding up how its mentions fare against the annotations.
    fn observe(&self, sentences: &[crate::iob2::Sentence], ner: &crate::Recognizer, stats: &mut Observed) {
        let Observed { texts: stats, sources, gold, predicted, right } = stats;
        let mut worker = ner.worker();
        for s in sentences {
            *gold += s.spans.iter().filter(|a| a.label.is_some()).count() as u32;
            for e in worker.extract(&s.text) {
                let (start, end) = (e.span.start, e.span.end);
                let slot = match s.spans.iter().find(|a| a.byte_start == start && a.byte_end == end) {
                    Some(a) if a.label == Some(e.label) => 0,
                    Some(a) => a.label.map_or(1, |l| 3 + bucket(Some(l))),
                    None if s.spans.iter().any(|a| a.byte_start < end && start < a.byte_end) => 2,
                    None => 1,
                };
                *predicted += 1;
                *right += u32::from(slot == 0);
                stats.entry((fold(e.text()), all_caps(e.text()))).or_default()[slot] += 1;
                sources.entry((source_key(&e.source), e.label)).or_default()[usize::from(slot != 0)] += 1;
            }
        }
    }

    /// Keeps a verdict for every mention text, and for every source, the corpora mostly
    /// disagree with.
    fn decide(&mut self, observed: Observed) {
        let Observed { texts: stats, sources, .. } = observed;
        for (key, [right, wrong]) in sources {
            let n = right + wrong;
            if n >= MIN_SOURCE_MENTIONS && f64::from(right) < MIN_SOURCE_PRECISION * f64::from(n) {
                self.distrusted.insert(key);
            }
        }
        for (key, n) in stats {
            let total: u32 = n.iter().sum();
            if 2 * n[0] >= total {
                continue;
            }
            let (best, &count) =
                n[1..].iter().enumerate().max_by_key(|&(i, &c)| (c, std::cmp::Reverse(i))).unwrap();
            if count <= n[0] {
                continue;
            }
            match best {
                0 => {
                    self.verdicts.insert(key, None);
                }
                1 => {}
                b => {
                    self.verdicts.insert(key, Some([Label::Per, Label::Loc, Label::Org][b - 2]));
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iob2;
    use crate::stages::adapt::{sentence_around, CONTEXT_REACH};
    use crate::stages::mention::Mention;

    fn learned(text: &str) -> (Vec<Gazetteer>, LearnStats) {
        learn("t.iob2", &iob2::parse("t.iob2", text).unwrap()).unwrap()
    }

    #[test]
    fn consistent_names_are_trusted() {
        let (g, s) = learned("Η O\nΡωσία B-LOC\nείπε O\n\nΤης O\nΡωσίας B-LOC\n");
        assert_eq!((s.strong, s.weak, s.dropped), (2, 0, 0));
        let e = &g[0].entries()[0];
        assert_eq!((e.id(), e.label(), e.canonical()), ("learned:LOC:ρωσία", Label::Loc, "Ρωσία"));
        assert_eq!(e.line, 2);
    }

    #[test]
    fn mostly_untagged_names_are_dropped() {
        let (_, s) = learned("Ο O\nΛόγος B-ORG\n\nΛόγος O\nείπε O\n\nΛόγος O\n");
        assert_eq!((s.strong, s.weak, s.dropped), (0, 0, 1));
    }

    #[test]
    fn inconsistent_labels_are_weak() {
        let (g, s) = learned("Α O\nΛευκός B-ORG\n\nΒ O\nΛευκός B-ORG\n\nΓ O\nΛευκός B-PER\n");
        assert_eq!((s.strong, s.weak), (0, 1));
        assert_eq!(g[1].entries()[0].label(), Label::Org);
        assert!(g[1].entries()[0].flags.ambiguous);
    }

    #[test]
    fn inside_longer_names_does_not_count() {
        let (_, s) = learned("Η O\nΤράπεζα B-ORG\nτης I-ORG\nΕλλάδος I-ORG\n\nΗ O\nΕλλάδα B-LOC\n");
        assert_eq!((s.strong, s.dropped), (2, 0));
    }

    #[test]
    fn parts_of_longer_names_are_dropped() {
        let corpus = "Η O\nΈνωση B-ORG\nΦίλων I-ORG\n\nΗ O\nΈνωση B-ORG\nΓονέων I-ORG\n\nΗ O\nΈνωση B-ORG\n";
        let (g, s) = learned(corpus);
        assert_eq!((s.strong, s.dropped), (2, 1));
        assert!(g[0].entries().iter().all(|e| e.canonical() != "Ένωση"));
    }

    #[test]
    fn capitals_are_learned_apart() {
        let (g, _) = learned("Η O\nΓαλλία B-LOC\n\nΗ O\nΓαλλία B-LOC\n\nΑΓΩΝΑΣ O\nΓΑΛΛΙΑ B-ORG\n");
        assert_eq!(g[0].entries()[0].label(), Label::Loc);
        let caps = &g[2].entries()[0];
        assert_eq!((caps.canonical(), caps.label(), caps.flags.exact_case), ("ΓΑΛΛΙΑ", Label::Org, true));
    }

    #[test]
    fn lower_case_occurrences_count_against_a_name() {
        // `Υπουργείο Υγείας` is annotated once; twice more the matcher would find it as
        // `υπουργείο Υγείας`, where the corpus annotates only `Υγείας`.
        let corpus = "Το O\nΥπουργείο B-ORG\nΥγείας I-ORG\n\nΤο O\nυπουργείο O\nΥγείας B-ORG\n\n\
                      Στο O\nυπουργείο O\nΥγείας B-ORG\n";
        let (g, s) = learned(corpus);
        assert_eq!((s.strong, s.dropped), (1, 1));
        assert_eq!(g[0].entries()[0].canonical(), "Υγείας");
        // An initial is no head noun: `κ. Μητσοτάκη` ("Mr") is not an occurrence of
        // `Κ. Μητσοτάκη`, as in the lookup.
        let corpus =
            "Ο O\nΚ. B-PER\nΜητσοτάκη I-PER\n\nΟ O\nκ. O\nΜητσοτάκη B-PER\n\nΤον O\nκ. O\nΜητσοτάκη B-PER\n";
        let (_, s) = learned(corpus);
        assert_eq!((s.strong, s.dropped), (2, 0));
    }

    #[test]
    fn case_rules_follow_the_lookup() {
        let c = case_rule_of("Βιβλιοθήκη της Βουλής");
        assert!(c == CaseRule::Initial(0b101));
        assert!(case_accepts(c, "βιβλιοθήκη της Βουλής"));
        assert!(!case_accepts(c, "βιβλιοθήκη της βουλής"));
        assert!(!case_accepts(case_rule_of("Ρωσία"), "ρωσία"));
        assert!(case_accepts(case_rule_of("ΝΑΤΟ"), "ΝΑΤΟ") && !case_accepts(case_rule_of("ΝΑΤΟ"), "Νατο"));
    }

    fn lower_starts(text: &str) -> LowerStarts {
        let corpus = iob2::parse("t.iob2", text).unwrap();
        let mut l = LowerStarts::default();
        l.count_between(corpus.sentences.iter());
        let mut shapes = Vec::new();
        corpus.sentences.iter().for_each(|s| l.count(s, &mut shapes));
        l
    }

    #[test]
    fn lower_case_starts_are_counted() {
        let l = lower_starts(
            "Ο O\nκ. O\nΖαχαρίου B-PER\n\nΗ O\nοδός B-LOC\nΠλατανιάς I-LOC\n\nΗ O\nοδός B-LOC\nΠλατανιάς I-LOC\n\n\
             Στο O\nσπήλαιο O\nτου O\nΚάστρου B-LOC\n\nΤο O\nΜουσείο B-ORG\nτου I-ORG\nΚάστρου I-ORG\n\n\
             Η O\nΠύλη B-LOC\nτου I-LOC\nΚάστρου I-LOC\n",
        );
        let count = |w: &str| l.words.get(&fold(w)).copied();
        assert_eq!(count("κ"), Some([0, 1]));
        assert_eq!(count("οδός"), Some([2, 0]));
        // Across a connector (`του` stands inside spans between capitalised words).
        assert_eq!(count("σπήλαιο"), Some([0, 1]));
        assert_eq!(count("του"), Some([0, 1]));
        assert!(
            l.left_outside(&fold("κ")) && l.left_outside(&fold("πλανήτη")) && !l.left_outside(&fold("οδός"))
        );
        // Without evidence, nothing is trimmed.
        assert!(!LowerStarts::default().left_outside(&fold("κ")));
    }

    #[test]
    fn trims_lower_case_starts() {
        let adapt = Adaptation {
            lower: lower_starts("Ο O\nκ. O\nΖαχαρίου B-PER\n"),
            ..Adaptation::default()
        };
        let text = "Ο κ. Ζαχαρίου και ο κ. δεν.";
        let mention = |start, end| Mention { entry: Some(0), ..Mention::test(start, end, Label::Per) };
        let mut m = vec![
            mention(3, text.find(" και").unwrap()),
            mention(text.find("ο κ.").unwrap() + 3, text.len() - 1),
        ];
        adapt.apply(text, &mut m, None, &mut Key::default());
        assert_eq!(&text[m[0].start..m[0].end], "Ζαχαρίου");
        assert_eq!((m[0].entry, m[0].source.to_string()), (None, "rule:learned_lower_start".to_string()));
        // No capitalised word to keep: left alone.
        assert_eq!(&text[m[1].start..m[1].end], "κ. δεν");
    }

    #[test]
    fn context_labels() {
        let text =
            std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/learn_context.iob2"))
                .unwrap();
        let corpus = iob2::parse("t.iob2", &text).unwrap();
        let mut c = ContextLabels::learn(corpus.sentences.iter()).unwrap();
        assert_eq!(c.names.len(), 1);
        c.weight = 1.0;
        let mut words = Key::default();
        let team = "Ήττα. Στο ματς η Βαλδορία έβαλε γκολ. Πλοίο";
        let at = team.find("Βαλδορία").unwrap();
        assert_eq!(c.label(team, at, at + "Βαλδορία".len(), &mut words), Some(Label::Org));
        let place = "Το πλοίο πήγε στη Βαλδορία.";
        let at = place.find("Βαλδορία").unwrap();
        assert_eq!(c.label(place, at, at + "Βαλδορία".len(), &mut words), Some(Label::Loc));
        assert_eq!(c.label(place, 0, 2, &mut words), None);
        // Two texts whose sentences have the same bounds: each is read anew with one key.
        let (a, b) = ("Στο ματς η Βαλδορία έβαλε γκολ", "Το πλοίο η Βαλδορία στο λιμάνι");
        let at = a.find("Βαλδορία").unwrap();
        assert_eq!((a.len(), Some(at)), (b.len(), b.find("Βαλδορία")));
        let mut key = Key::default();
        assert_eq!(c.label(a, at, at + "Βαλδορία".len(), &mut key), Some(Label::Org));
        assert_eq!(c.label(b, at, at + "Βαλδορία".len(), &mut key), Some(Label::Loc));
        // Names in one sentence share its words (looked up once), each without its own:
        // the same labels as with a fresh key, then in the next sentence its own words.
        let both =
            "Το πλοίο με τουρίστες στη Βαλδορία, η Βαλδορία ταξιδεύει, γκολ. Στο ματς η Βαλδορία έβαλε γκολ";
        let names: Vec<usize> = both.match_indices("Βαλδορία").map(|(at, _)| at).collect();
        let mut shared = Key::default();
        for (k, want) in [(0, Label::Loc), (1, Label::Loc), (2, Label::Org)] {
            let (s, e) = (names[k], names[k] + "Βαλδορία".len());
            assert_eq!(c.label(both, s, e, &mut shared), Some(want), "name {k}");
            assert_eq!(c.evidence(both, s, e, &mut shared), c.evidence(both, s, e, &mut Key::default()));
        }
        // Inference reads the context words learning counted: for each name, the known words
        // `evidence` sums are those `context_words` gives, in the same order, whether the
        // key's sentence is read anew or shared with the names before.
        let texts = [
            "Το πλοίο με τουρίστες στη Βαλδορία, η Βαλδορία ταξιδεύει, γκολ. Στο ματς η Βαλδορία έβαλε γκολ",
            "Βαλδορία! Ματς και γκολ στη Βαλδορία; Το ΠΛΟΙΟ της Βαλδορία",
            "Η Βαλδορία",
        ];
        let mut shared = Key::default();
        let (mut learned, mut compared) = (Vec::new(), 0);
        for text in texts {
            for (at, _) in text.match_indices("Βαλδορία") {
                let (s, e) = (at, at + "Βαλδορία".len());
                context_words(text, s, e, &mut learned);
                learned.retain(|w| c.words.contains_key(w));
                compared += learned.len();
                for key in [&mut shared, &mut Key::default()] {
                    c.evidence(text, s, e, key).unwrap();
                    assert_eq!(key.context_read(), learned, "{text:?} at {at}");
                }
            }
        }
        assert!(compared >= 10, "{compared}");
        // On its own sentences, every weight above 0 gets all twelve right, 0 (the most
        // frequent label) half of them.
        let mut right = [0; CONTEXT_WEIGHTS.len()];
        c.score(&corpus.sentences, &mut right);
        assert_eq!(right, [6, 12, 12, 12, 12, 12]);
        // Names with one label are not ambiguous.
        assert!(
            ContextLabels::learn(iob2::parse("t", "Η O\nΡωσία B-LOC\n").unwrap().sentences.iter()).is_none()
        );
    }

    #[test]
    fn sentences_around_mentions() {
        let text = "Πρώτη πρόταση. Η Βαλδορία έπαιξε; Τρίτη";
        let at = text.find("Βαλδορία").unwrap();
        let (from, to) = sentence_around(text, at, at + "Βαλδορία".len());
        assert_eq!(&text[from..to], " Η Βαλδορία έπαιξε");
        // In a long text without sentence ends, only so far on each side (char boundaries).
        let long = format!("{}Βαλδορία {}", "α ".repeat(5000), "β ".repeat(5000));
        let at = long.find('Β').unwrap();
        let (from, to) = sentence_around(&long, at, at + "Βαλδορία".len());
        assert!(at - from <= CONTEXT_REACH && to - at <= CONTEXT_REACH + "Βαλδορία".len());
        let mut words = Vec::new();
        context_words(&long, at, at + "Βαλδορία".len(), &mut words);
        assert_eq!(words.len(), 2);
    }

    #[test]
    fn slugs() {
        assert_eq!(slug("Α. Β  γ-"), "α-β-γ");
    }
}
