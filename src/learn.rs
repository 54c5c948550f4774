//! Adaptation without training: what a user's annotated IOB2 corpus teaches the recognizer
//! (see [`crate::RecognizerBuilder::learn_iob2`]). Two parts, both in memory only:
//! nothing learned is ever written anywhere.
//!
//! # Names: a run-time gazetteer ([`learn`])
//!
//! 1. **Harvest.** Every annotated span (any type, `MISC` included) gives a *name*: its
//!    folded text (see [`crate::normalize`]), so `ΡΩΣΙΑ` and `Ρωσία` are one name.
//! 2. **Count.** Each name is inflected like any gazetteer entry and all its forms are
//!    searched in every sentence of the corpus (one Aho-Corasick pass), on word
//!    boundaries and with the letter case the matcher would need (a capital first letter
//!    for ordinary names, all capitals for acronyms). Each occurrence counts for the type
//!    of the annotated span that covers it exactly, or as *untagged* if no annotation
//!    touches it. Occurrences inside a longer annotated span (`Ελλάδος` in `Τράπεζα της
//!    Ελλάδος`) count for neither: the longer name is learned too and wins by length.
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
//! 4. **Capitals.** A name written in capitals only (`ΓΑΛΛΙΑ`, `ΣΥΡΙΖΑ`) is counted apart
//!    from the same name in ordinary case, and learned into `learned-caps:<file>`
//!    ([`CAPS_PRIORITY`], flag `exact_case`): text in capitals is a register of its own
//!    (headlines, sports results) where a corpus may label names differently.
//!
//! Entry ids are `learned:<LABEL>:<slug>` (slug = the name in lower case, other
//! characters than letters and digits as `-`), the canonical name is the name's most
//! frequent spelling in the corpus. Entities report `gazetteer:learned:<file>:<line>` as
//! their source, `line` being the corpus line where the name was first annotated.
//!
//! # Conventions: a pass after the rules (`Adaptation`)
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
//! * **Verdicts.** The corpus is cut into two halves; each is run through a recognizer
//!   that learned its names from the other half, and the mentions are compared with the
//!   annotations. A source (a gazetteer file or a rule, per label) right less than
//!   [`MIN_SOURCE_PRECISION`] of the time is distrusted: its mentions are dropped. A
//!   mention text that the corpus, in held-out text, mostly leaves untagged (or tags
//!   `MISC`) is dropped; one it mostly tags with another label at the same extent is
//!   relabelled. Held-out text matters: on the text the names were learned from, every
//!   annotated name is known and the rules would only fire where nothing is annotated.
//!
//! Learning from a corpus of 500,000 tokens takes a few seconds (three gazetteer
//! compilations and two passes over the corpus); the recognizer then runs at the speed
//! of any other.

use std::collections::HashMap;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use crate::error::BuildError;
use crate::gazetteer::{inflect, Entry, Flags, Gazetteer};
use crate::iob2::Corpus;
use crate::mention::Mention;
use crate::normalize::{fold, FoldedText};
use crate::tokens::tokens;
use crate::{Label, Source};

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

/// Type buckets: PER, LOC, ORG, anything else.
const OTHER: usize = 3;

fn bucket(label: Option<Label>) -> usize {
    match label {
        Some(Label::Per) => 0,
        Some(Label::Loc) => 1,
        Some(Label::Org) => 2,
        None => OTHER,
    }
}

#[derive(Clone, Copy, Default, PartialEq, Eq)]
enum Case {
    #[default]
    Any,
    Initial,
    AllCaps,
}

/// The letter case the matcher requires of a name (as in the lookup stage).
fn case_of(name: &str) -> Case {
    let letters: Vec<bool> = name.chars().filter(|c| c.is_alphabetic()).map(char::is_uppercase).collect();
    if letters.len() >= 2 && letters.iter().all(|&u| u) {
        Case::AllCaps
    } else if name.chars().next().is_some_and(char::is_alphabetic) && letters.first() == Some(&true) {
        Case::Initial
    } else {
        Case::Any
    }
}

/// Two letters or more, all capitals.
fn all_caps(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars().filter(|c| c.is_alphabetic()) {
        if !c.is_uppercase() {
            return false;
        }
        n += 1;
    }
    n >= 2
}

fn case_ok(case: Case, original: &str) -> bool {
    let mut letters = original.chars().filter(|c| c.is_alphabetic());
    match case {
        Case::Any => true,
        Case::Initial => letters.next().is_some_and(char::is_uppercase),
        Case::AllCaps => letters.all(char::is_uppercase),
    }
}

#[derive(Default)]
struct Name {
    /// Spellings as annotated, with their counts, per type bucket.
    spellings: HashMap<String, [u32; 4]>,
    /// Occurrences that an annotation of exactly their extent covers, per type bucket.
    tagged: [u32; 4],
    /// Occurrences that no annotation touches.
    untagged: u32,
    /// Occurrences inside (or across) an annotated span of another extent.
    inside: u32,
    /// First corpus line where the name is annotated.
    line: usize,
    /// Written in capitals only (`ΓΑΛΛΙΑ`, `ΣΥΡΙΖΑ`): counted, and matched, apart from
    /// the same name in ordinary case.
    caps: bool,
    case: Case,
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
    let candidates: Vec<usize> = (0..names.len())
        .filter(|&i| names[i].1.spellings.values().any(|c| c[..OTHER].iter().any(|&n| n > 0)))
        .collect();
    let mut stats = LearnStats { names: candidates.len(), ..LearnStats::default() };
    if candidates.is_empty() {
        return Ok((Vec::new(), stats));
    }
    // 2. Count: every form of every candidate, in every sentence.
    let mut patterns: Vec<String> = Vec::new();
    let mut owners: Vec<Vec<u32>> = Vec::new();
    let mut by_form: HashMap<String, usize> = HashMap::new();
    for &i in &candidates {
        let spelling = best_spelling(&names[i].1, None);
        names[i].1.case = case_of(&spelling);
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
            seen.clear();
            for &o in &owners[m.pattern().as_usize()] {
                // One occurrence counts once per name even if two of its forms coincide.
                if seen.contains(&o) {
                    continue;
                }
                seen.push(o);
                let n = &mut names[o as usize].1;
                if !case_ok(n.case, original) || n.caps != all_caps(original) {
                    continue;
                }
                match exact {
                    Some(a) => n.tagged[bucket(a.label)] += 1,
                    None if !touches => n.untagged += 1,
                    None => n.inside += 1,
                }
            }
        }
    }
    // 3. Decide.
    let mut strong = Gazetteer::new(&format!("learned:{file}")).with_priority(STRONG_PRIORITY);
    let mut weak = Gazetteer::new(&format!("learned-weak:{file}")).with_priority(WEAK_PRIORITY);
    let mut caps = Gazetteer::new(&format!("learned-caps:{file}")).with_priority(CAPS_PRIORITY);
    for &i in &candidates {
        let n = &names[i].1;
        let (b, &count) =
            n.tagged[..OTHER].iter().enumerate().max_by_key(|&(b, &c)| (c, std::cmp::Reverse(b))).unwrap();
        let total: u32 = n.tagged.iter().sum::<u32>() + n.untagged;
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
    Ok((vec![strong, weak, caps], stats))
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

/// What the corpus teaches beyond names (see the module docs, "Conventions"), applied
/// after the rule stage and before the document pass by [`Adaptation::apply`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Adaptation {
    given: std::collections::HashSet<String>,
    initials: bool,
    /// The corpus writes a person's names as one span: two person mentions side by side
    /// are one person.
    /// Per label (PER, LOC, ORG).
    merge_adjacent: [bool; 3],
    /// Organisation mentions take in the capitalised words around them (`Πενταμελές` +
    /// `Εφετείο`), when that does better on held-out parts of the corpus.
    extend_org: bool,
    /// Per folded mention text and whether it is written in capitals only.
    verdicts: HashMap<(String, bool), Option<Label>>,
    /// Sources (a gazetteer, a rule) and labels whose mentions the corpus mostly rejects.
    distrusted: std::collections::HashSet<(String, Label)>,
}

/// A mention's source without the line: `gazetteer:<name>`, `rule:<name>`, `document:<name>`.
fn source_key(s: &Source) -> String {
    match s {
        Source::Gazetteer { gazetteer, .. } => format!("gazetteer:{gazetteer}"),
        other => other.to_string(),
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
    make: impl Fn(&[Gazetteer], Option<Adaptation>) -> Result<crate::Recognizer, BuildError>,
) -> Result<Adaptation, BuildError> {
    let mut adapt = Adaptation::from_corpora(corpora.iter().map(|(_, c)| c));
    // Two variants, judged on the same held-out parts: without and with the extension of
    // organisation mentions.
    let mut observed = [Observed::default(), Observed::default()];
    for fold in 0..FOLDS {
        let mut gazetteers = base.to_vec();
        let mut held_out = Vec::new();
        for (name, c) in corpora {
            let n = c.sentences.len();
            let (a, b) = (n * fold / FOLDS, n * (fold + 1) / FOLDS);
            let rest = Corpus {
                sentences: c.sentences[..a].iter().chain(&c.sentences[b..]).cloned().collect(),
                repaired: 0,
            };
            gazetteers.extend(learn(name, &rest)?.0);
            held_out.push(&c.sentences[a..b]);
        }
        let mut ner = make(&gazetteers, Some(adapt.clone()))?;
        for (variant, seen) in observed.iter_mut().enumerate() {
            let a = Adaptation { extend_org: variant == 1, ..adapt.clone() };
            ner.set_adaptation(a.clone());
            for part in &held_out {
                a.observe(part, &ner, seen);
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
    adapt.decide(seen);
    Ok(adapt)
}

/// Source of a person mention extended by a learned given name or initial.
const EXTENDED: &str = "learned_person_extension";

impl Adaptation {
    /// Given names and the initials convention, from the corpora's person spans.
    fn from_corpora<'c>(corpora: impl IntoIterator<Item = &'c Corpus>) -> Adaptation {
        let mut first: HashMap<String, (u32, u32)> = HashMap::new(); // (first word of a longer name, anything else)
        let (mut with_initial, mut initial_outside) = (0u32, 0u32);
        let (mut long_names, mut side_by_side) = ([0u32; 3], [0u32; 3]);
        for c in corpora {
            for s in &c.sentences {
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
            given,
            initials: with_initial > initial_outside,
            merge_adjacent: std::array::from_fn(|b| side_by_side[b] * 10 < long_names[b]),
            extend_org: false,
            verdicts: HashMap::new(),
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
                stats.entry((fold(&e.text), all_caps(&e.text))).or_default()[slot] += 1;
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

    /// Extends person mentions by learned given names and initials, then applies the
    /// verdicts. `mentions` are sorted, non-overlapping, with byte offsets into `text`;
    /// they stay so.
    pub(crate) fn apply(&self, text: &str, mentions: &mut Vec<Mention>) {
        if !self.given.is_empty() {
            let mut i = 0;
            while i < mentions.len() {
                if mentions[i].label == Label::Per {
                    self.extend_given(text, mentions, i);
                }
                i += 1;
            }
        }
        if self.merge_adjacent.contains(&true) || self.initials {
            let mut i = 1;
            while i < mentions.len() {
                let (a, b) = (&mentions[i - 1], &mentions[i]);
                let gap = &text[a.end..b.start];
                let first = &text[a.start..a.end];
                let join = a.label == b.label
                    && ((self.merge_adjacent[bucket(Some(a.label))] && (gap == " " || gap == "\u{A0}"))
                        || (a.label == Label::Per
                            && self.initials
                            && matches!(gap, ". " | ".")
                            && is_initial(&format!("{first}."))));
                if join {
                    let end = mentions[i].end;
                    let m = &mut mentions[i - 1];
                    m.end = end;
                    m.entry = None;
                    m.canonical = None;
                    m.source = Source::Rule(if m.label == Label::Per { EXTENDED } else { MERGED });
                    mentions.remove(i);
                } else {
                    i += 1;
                }
            }
        }
        if self.initials {
            for i in 0..mentions.len() {
                if mentions[i].label != Label::Per {
                    continue;
                }
                let floor = if i > 0 { mentions[i - 1].end } else { 0 };
                if let Some(start) = initial_before(text, mentions[i].start, floor) {
                    mentions[i].start = start;
                    mentions[i].source = Source::Rule(EXTENDED);
                }
            }
        }
        if self.extend_org {
            let mut i = 0;
            while i < mentions.len() {
                if mentions[i].label == Label::Org {
                    let floor = if i > 0 { mentions[i - 1].end } else { 0 };
                    loop {
                        let ceil = mentions.get(i + 1).map_or(text.len(), |m| m.start);
                        extend_capitalised(text, &mut mentions[i], floor, ceil);
                        // A place right after it is its complement: `Κέντρο Υγείας` + `Μυτιλήνης`.
                        match mentions.get(i + 1) {
                            Some(n) if n.label == Label::Loc && &text[mentions[i].end..n.start] == " " => {
                                let end = n.end;
                                mentions.remove(i + 1);
                                let m = &mut mentions[i];
                                m.end = end;
                                m.entry = None;
                                m.canonical = None;
                                m.source = Source::Rule(EXTENDED_ORG);
                            }
                            _ => break,
                        }
                    }
                }
                i += 1;
            }
        }
        if !self.distrusted.is_empty() {
            mentions.retain(|m| !self.distrusted.contains(&(source_key(&m.source), m.label)));
        }
        if !self.verdicts.is_empty() {
            mentions.retain_mut(|m| {
                let t = &text[m.start..m.end];
                match self.verdicts.get(&(fold(t), all_caps(t))) {
                    Some(None) => false,
                    Some(Some(l)) => {
                        m.label = *l;
                        true
                    }
                    None => true,
                }
            });
        }
    }

    fn extend_given(&self, text: &str, mentions: &mut Vec<Mention>, i: usize) {
        let m = &mentions[i];
        let words: Vec<_> = tokens(&text[m.start..m.end]).collect();
        if words.is_empty() || words.len() > 2 || !words.iter().all(|w| self.given.contains(&fold(w.text))) {
            return;
        }
        // One space, then a capitalised word that is not itself a given name.
        let rest = &text[m.end..];
        let gap = rest.len() - rest.trim_start_matches([' ', '\u{A0}']).len();
        if gap == 0 || gap > 2 {
            return;
        }
        let Some(next) = tokens(rest).next() else { return };
        if next.start != gap
            || !next.is_capitalized()
            || next.text.chars().count() < 2
            || next.text.chars().any(|c| !c.is_alphabetic() && !crate::normalize::is_mark(c))
            || self.given.contains(&fold(next.text))
        {
            return;
        }
        let (ns, ne) = (m.end + next.start, m.end + next.end);
        if let Some(after) = mentions.get(i + 1) {
            if after.start < ne {
                // The word is (the start of) another mention: join a person, or a one-word
                // mention of another type (a surname that is also a company's name).
                if after.start != ns || (after.label != Label::Per && after.end != ne) {
                    return;
                }
                let end = after.end;
                let entry = if after.label == Label::Per { after.entry } else { None };
                mentions.remove(i + 1);
                let m = &mut mentions[i];
                m.end = end;
                m.entry = entry;
                m.source = Source::Rule(EXTENDED);
                return;
            }
        }
        let m = &mut mentions[i];
        m.end = ne;
        m.entry = None;
        m.canonical = None;
        m.source = Source::Rule(EXTENDED);
    }
}

/// A capitalised Greek word of four letters or more, not all in capitals: in text written
/// in capitals every word looks like a name, and Latin words after a brand are mostly its
/// products (`Samsung Galaxy`).
fn capitalised_word(w: &crate::tokens::Token<'_>) -> bool {
    let greek = |c: char| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}');
    w.is_capitalized()
        // Capitalised articles and prepositions (`Την`, `Στο`) are short.
        && w.text.chars().count() >= 4
        && !all_caps(w.text)
        && w.text.chars().all(|c| (c.is_alphabetic() && greek(c)) || crate::normalize::is_mark(c))
}

/// Extends `m` over the capitalised words right before and after it (one space apart),
/// within `floor..ceil`; a word that starts a sentence is not taken.
fn extend_capitalised(text: &str, m: &mut Mention, floor: usize, ceil: usize) {
    let before = m.start;
    loop {
        let head = &text[floor..m.start];
        let Some(h) = head.strip_suffix(' ') else { break };
        let Some(w) = tokens(h).last() else { break };
        if w.end != h.len()
            || !capitalised_word(&w)
            || crate::lookup::is_sentence_start(text, floor + w.start)
        {
            break;
        }
        m.start = floor + w.start;
    }
    let after = m.end;
    loop {
        let tail = &text[m.end..ceil];
        let Some(t) = tail.strip_prefix(' ') else { break };
        let Some(w) = tokens(t).next() else { break };
        if w.start != 0 || !capitalised_word(&w) || crate::lookup::is_sentence_start(text, m.end + 1) {
            break;
        }
        m.end += 1 + w.end;
    }
    if (m.start, m.end) != (before, after) {
        m.entry = None;
        m.canonical = None;
        m.source = Source::Rule(EXTENDED_ORG);
    }
}

/// Source of two place or organisation mentions side by side read as one.
const MERGED: &str = "learned_merge";

/// Source of an organisation mention extended over capitalised words.
const EXTENDED_ORG: &str = "learned_org_extension";

/// One or two letters, the first a capital, then a full stop: `Κ.`, `Θρ.`.
fn is_initial(token: &str) -> bool {
    let Some(letters) = token.strip_suffix('.') else { return false };
    let n = letters.chars().count();
    (1..=2).contains(&n)
        && letters.chars().all(char::is_alphabetic)
        && letters.chars().next().is_some_and(char::is_uppercase)
}

/// The start of an initial right before byte `at` (`Κ. ` or `Κ.`), not before `floor`.
fn initial_before(text: &str, at: usize, floor: usize) -> Option<usize> {
    let head = &text[floor..at];
    let head = head.strip_suffix(' ').unwrap_or(head);
    let head = head.strip_suffix('.')?;
    let letters: Vec<(usize, char)> =
        head.char_indices().rev().take_while(|(_, c)| c.is_alphabetic()).take(3).collect();
    let (start, first) = *letters.last()?;
    if letters.len() > 2 || !first.is_uppercase() {
        return None;
    }
    Some(floor + start)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::iob2;

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
    fn slugs() {
        assert_eq!(slug("Α. Β  γ-"), "α-β-γ");
    }
}
