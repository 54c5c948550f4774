//! The adaptation stage: what an annotated corpus taught beyond names (module
//! [`crate::learn`] learns it), applied after the rules and before the document pass. It
//! extends persons by the corpus's given names and initials, joins or extends mentions the
//! way the corpus draws spans, chooses the label of names the corpus labels in more than
//! one way by their context, and drops the mention texts and sources the corpus disagrees
//! with.

use crate::fxhash::{FxHashMap, FxHashSet};
use crate::stages::mention::Mention;
use crate::text::normalize::{fold, fold_push, is_letter, is_upper, FoldedLine};
use crate::text::tokens::{tokens, Token};
use crate::{Label, Source};

/// Type buckets: PER, LOC, ORG, anything else.
pub(crate) const OTHER: usize = 3;

pub(crate) fn bucket(label: Option<Label>) -> usize {
    match label {
        Some(Label::Per) => 0,
        Some(Label::Loc) => 1,
        Some(Label::Org) => 2,
        None => OTHER,
    }
}

/// Two letters or more, all capitals.
pub(crate) fn all_caps(s: &str) -> bool {
    let mut n = 0;
    for c in s.chars() {
        // Latin and modern Greek letters decided at once (a mention's text is mostly
        // those; the Unicode tables cost some thirty instructions a letter), as the general
        // case below decides them.
        match c as u32 {
            0x41..=0x5A | 0x386 | 0x388..=0x38A | 0x38C | 0x38E..=0x38F | 0x391..=0x3A1 | 0x3A3..=0x3AB => {
                n += 1;
                continue;
            }
            0x61..=0x7A | 0x390 | 0x3AC..=0x3CE => return false,
            0..=0x7F => continue,
            _ => {}
        }
        // A small letter first: it is a letter and not a capital, and the test is cheaper
        // than `is_alphabetic` on Greek letters.
        if c.is_lowercase() {
            return false;
        }
        if c.is_alphabetic() {
            if !c.is_uppercase() {
                return false;
            }
            n += 1;
        }
    }
    n >= 2
}

/// Prefix of the name of the gazetteer of `MISC` names.
pub(crate) const MISC_GAZETTEER: &str = "learned-misc:";

/// What the corpus teaches beyond names (see the module docs, "Conventions"), applied
/// after the rule stage and before the document pass by [`Adaptation::apply`].
#[derive(Clone, Debug, Default)]
pub(crate) struct Adaptation {
    pub(crate) given: FxHashSet<String>,
    pub(crate) initials: bool,
    /// The corpus writes a person's names as one span: two person mentions side by side
    /// are one person.
    /// Per label (PER, LOC, ORG).
    pub(crate) merge_adjacent: [bool; 3],
    /// Organisation mentions take in the capitalised words around them (`Πενταμελές` +
    /// `Εφετείο`), when that does better on held-out parts of the corpus.
    pub(crate) extend_org: bool,
    /// Per folded mention text and whether it is written in capitals only.
    pub(crate) verdicts: FxHashMap<(String, bool), Option<Label>>,
    /// Sources (a gazetteer, a rule) and labels whose mentions the corpus mostly rejects.
    pub(crate) distrusted: FxHashSet<(String, Label)>,
    /// Where the corpus draws the start of a span before a capitalised name: lower-case
    /// words it leaves outside (`κ.` Μητσοτάκη, `πλανήτη` Γη) or takes in (`υπουργείο`
    /// Υγείας).
    pub(crate) lower: LowerStarts,
    /// Labels of names the corpus labels in more than one way, chosen by the words around
    /// them (`Κροατία` as a team among `γκολ`, `αγώνα`), when that does better on held-out
    /// parts of the corpus.
    pub(crate) context: Option<std::sync::Arc<ContextLabels>>,
}

/// How a corpus treats lower-case words right before the capitalised words of a name:
/// per folded word, how often it starts an annotated span (taken in) and how often it is
/// left outside a span that starts at the next capitalised word. One connector may stand
/// between the word and the name (`όρμο των Βατίκων`, `σπήλαιο του Ισραήλ`): a lower-case
/// word the corpus often keeps inside spans between capitalised words (articles in the
/// genitive, `of`), learned in a first pass.
#[derive(Clone, Debug, Default)]
pub(crate) struct LowerStarts {
    pub(crate) words: FxHashMap<String, [u32; 2]>,
    /// All words together: [taken in, left outside].
    pub(crate) total: [u32; 2],
    /// Lower-case tokens (as written) that stand between two capitalised words inside a
    /// span often enough (learning decides how often).
    pub(crate) connectors: FxHashSet<String>,
}

/// Weight of the corpus-wide share in the estimate for one word (additive smoothing).
pub(crate) const LOWER_PRIOR_WEIGHT: f64 = 2.0;

impl LowerStarts {
    /// Whether the corpus mostly leaves `word` (folded) outside the span of the name after
    /// it: its share of "taken in", smoothed towards the corpus-wide share, is below half.
    pub(crate) fn left_outside(&self, word: &str) -> bool {
        let [taken, outside] = self.words.get(word).copied().unwrap_or_default();
        let all = self.total[0] + self.total[1];
        if all == 0 {
            return false;
        }
        let prior = f64::from(self.total[0]) / f64::from(all);
        let share = (f64::from(taken) + LOWER_PRIOR_WEIGHT * prior)
            / (f64::from(taken + outside) + LOWER_PRIOR_WEIGHT);
        share < 0.5
    }
}

/// Names a corpus labels in more than one way (`Κροατία`: a place, or the national team)
/// and the words of the sentences around them, per label: a naive Bayes choice between a
/// name's labels by the other words of its sentence.
#[derive(Debug, Default)]
pub(crate) struct ContextLabels {
    /// Per folded name and whether it is written in capitals only: annotations per label.
    pub(crate) names: FxHashMap<(String, bool), [u32; 3]>,
    /// Per folded word: in how many annotations of the ambiguous names' sentences it
    /// appears, per label.
    pub(crate) words: FxHashMap<String, [u32; 3]>,
    /// Annotations of the ambiguous names, per label.
    pub(crate) per_label: [u32; 3],
    /// Weight of the context against the name's own label counts (0: the most frequent
    /// label always), chosen by learning on held-out parts of the corpus.
    pub(crate) weight: f64,
}

/// Weight of a word's corpus-wide label mix in its per-label estimate (additive smoothing).
pub(crate) const CONTEXT_SMOOTHING: f64 = 2.0;

/// Bytes looked at on each side of a mention for its sentence: the context of one mention
/// costs the same in a text of any length.
pub(crate) const CONTEXT_REACH: usize = 1024;

/// The sentence around `start..end` in `text`: from the last sentence end before it to the
/// first one after it (`.`, `!`, `;`, `?`, line breaks), at most [`CONTEXT_REACH`] bytes
/// away (on a char boundary).
pub(crate) fn sentence_around(text: &str, start: usize, end: usize) -> (usize, usize) {
    let stop = |c: char| matches!(c, '.' | '!' | '?' | ';' | '\u{037E}' | '\n' | '\r');
    let mut lo = start.saturating_sub(CONTEXT_REACH);
    while !text.is_char_boundary(lo) {
        lo += 1;
    }
    let mut hi = (end + CONTEXT_REACH).min(text.len());
    while !text.is_char_boundary(hi) {
        hi -= 1;
    }
    // After the stop: after its last byte (U+037E, the one stop not in ASCII, has two).
    let from = text[lo..start]
        .rfind(stop)
        .map_or(lo, |i| lo + i + text[lo + i..].chars().next().map_or(1, char::len_utf8));
    let to = text[end..hi].find(stop).map_or(hi, |i| end + i);
    (from, to)
}

impl ContextLabels {
    /// The label the context of `start..end` (a mention of an ambiguous name) suggests.
    #[cfg(test)]
    pub(crate) fn label(&self, text: &str, start: usize, end: usize, key: &mut Key) -> Option<Label> {
        let (prior, evidence) = self.evidence(text, start, end, key)?;
        Some(Self::choose(&prior, &evidence, self.weight))
    }

    /// The name's label counts and the log-likelihood of its context under each label
    /// (`key`: scratch, whose text it leaves as the name's).
    pub(crate) fn evidence(
        &self,
        text: &str,
        start: usize,
        end: usize,
        key: &mut Key,
    ) -> Option<([u32; 3], [f64; 3])> {
        key.of_text(&text[start..end]);
        self.evidence_keyed(text, None, start, end, key)
    }

    /// [`ContextLabels::evidence`] of the mention whose text key `key` holds already
    /// (`folded`: the folding of `text`, when it is one line at hand).
    fn evidence_keyed(
        &self,
        text: &str,
        folded: Option<&FoldedLine>,
        start: usize,
        end: usize,
        key: &mut Key,
    ) -> Option<([u32; 3], [f64; 3])> {
        let prior = *self.names.get(&key.text)?;
        let n: u32 = self.per_label.iter().sum();
        let mut evidence = [0.0f64; 3];
        // The words of the sentence known around the ambiguous names (the others say
        // nothing), looked up once per sentence: its names share them.
        let sentence = sentence_around(text, start, end);
        let read = &text[sentence.0..sentence.1];
        if key.sentence != Some(sentence) || key.sentence_text != read {
            key.sentence = Some(sentence);
            key.sentence_text.clear();
            key.sentence_text.push_str(read);
            key.known.clear();
            key.known_words.clear();
            key.distinct.clear();
            let mut at = folded.map(|f| f.tokens().partition_point(|t| (t.s as usize) < sentence.0));
            for (ws, we, w) in sentence_words(text, sentence) {
                key.word.clear();
                // The line's folding of the word, when it is one of the line's tokens.
                match folded.zip(at.as_mut()).and_then(|(f, at)| folded_token(f, ws, we, at)) {
                    Some(folded) => {
                        debug_assert_eq!(folded, fold(w), "the line's folding of {w:?}");
                        key.word.push_str(folded);
                    }
                    None => fold_push(w, &mut key.word),
                }
                if let Some(c) = self.words.get(key.word.as_str()) {
                    let from = key.known_words.len();
                    key.known_words.push_str(&key.word);
                    // Its first eight bytes, in the order of the text (shorter words padded
                    // with zeros, which folded text has not): most comparisons end there.
                    let mut head = [0u8; 8];
                    let len = key.word.len().min(8);
                    head[..len].copy_from_slice(&key.word.as_bytes()[..len]);
                    key.distinct.push((from..key.known_words.len(), *c, u64::from_be_bytes(head)));
                    key.known.push((ws, we, 0));
                }
            }
            // The distinct words in the order of their text, each known word's rank among
            // them, and each one's terms of the evidence: once per sentence, not per name.
            let words = key.known_words.as_bytes();
            let d = &key.distinct;
            let text_of = |k: u32| &words[d[k as usize].0.clone()];
            key.order.clear();
            key.order.extend(0..d.len() as u32);
            key.order.sort_unstable_by(|&a, &b| {
                d[a as usize].2.cmp(&d[b as usize].2).then_with(|| text_of(a).cmp(text_of(b)))
            });
            key.ranked.clear();
            for (i, &k) in key.order.iter().enumerate() {
                if i == 0 || text_of(key.order[i - 1]) != text_of(k) {
                    let c = &d[k as usize].1;
                    let share = f64::from(c.iter().sum::<u32>()) / f64::from(n);
                    let terms = std::array::from_fn(|b| {
                        ((f64::from(c[b]) + CONTEXT_SMOOTHING * share)
                            / (f64::from(self.per_label[b]) + CONTEXT_SMOOTHING))
                            .ln()
                    });
                    key.ranked.push((k, terms));
                }
                key.known[k as usize].2 = key.ranked.len() as u32 - 1;
            }
        }
        // Those outside the name, distinct, summed in the order of their text as
        // `context_words` gives them.
        key.seen.clear();
        key.seen.resize(key.ranked.len(), false);
        for w in key.known.iter().filter(|w| outside((w.0, w.1), start, end)) {
            key.seen[w.2 as usize] = true;
        }
        for (r, _) in key.seen.iter().enumerate().filter(|s| *s.1) {
            let terms = &key.ranked[r].1;
            for (e, t) in evidence.iter_mut().zip(terms) {
                *e += t;
            }
        }
        Some((prior, evidence))
    }

    pub(crate) fn choose(prior: &[u32; 3], evidence: &[f64; 3], weight: f64) -> Label {
        let score: [f64; 3] = std::array::from_fn(|b| f64::from(prior[b]).ln() + weight * evidence[b]);
        let best = (0..3)
            .filter(|&b| prior[b] > 0)
            .max_by(|&x, &y| score[x].total_cmp(&score[y]).then(y.cmp(&x)))
            .unwrap_or(0);
        [Label::Per, Label::Loc, Label::Org][best]
    }
}

/// The words of `text` in `sentence` (bounds from [`sentence_around`]): each word's bounds
/// in `text` and its text. Learning ([`context_words`]) and inference
/// ([`ContextLabels::evidence`]) both read a name's context so.
fn sentence_words(text: &str, (from, to): (usize, usize)) -> impl Iterator<Item = (usize, usize, &str)> {
    tokens(&text[from..to]).map(move |w| (from + w.start, from + w.end, w.text))
}

/// Whether the word at `ws..we` is outside the name at `start..end`: part of its context.
fn outside((ws, we): (usize, usize), start: usize, end: usize) -> bool {
    !(ws < end && start < we)
}

/// The distinct folded words of the sentence around `start..end`, those of `start..end`
/// left out.
pub(crate) fn context_words(text: &str, start: usize, end: usize, out: &mut Vec<String>) {
    out.clear();
    for (ws, we, w) in sentence_words(text, sentence_around(text, start, end)) {
        if outside((ws, we), start, end) {
            out.push(fold(w));
        }
    }
    out.sort_unstable();
    out.dedup();
}

/// A mention's source without the line: `gazetteer:<name>`, `rule:<name>`, `document:<name>`.
pub(crate) fn source_key(s: &Source) -> String {
    let mut out = String::new();
    push_source_key(s, &mut out);
    out
}

/// Appends [`source_key`] of `s` to `out`.
fn push_source_key(s: &Source, out: &mut String) {
    let (kind, name): (&str, &str) = match s {
        Source::Gazetteer { gazetteer, .. } => ("gazetteer", gazetteer),
        Source::Rule(name) => ("rule", name),
        Source::Document(name) => ("document", name),
        Source::Model(file) => ("model", file),
        Source::Pattern(name) => ("pattern", name),
    };
    out.push_str(kind);
    out.push(':');
    out.push_str(name);
}

/// Reused keys of the adaptation's tables, so that looking a mention up allocates nothing:
/// kept in a worker's scratch across lines and calls.
pub(crate) struct Key {
    /// A folded mention text and whether it is written in capitals only.
    text: (String, bool),
    /// A source key and a label.
    source: (String, Label),
    /// A folded word.
    word: String,
    /// The sentence [`ContextLabels::evidence`] last read (its bounds in the text, and its
    /// text: another text's sentence at the same bounds is read anew), and its words known
    /// around ambiguous names: their bounds, folded text (in `known_words`) and counts.
    sentence: Option<(usize, usize)>,
    sentence_text: String,
    known_words: String,
    /// Each known word's bounds and its rank among the distinct ones in the order of
    /// their text.
    known: Vec<(usize, usize, u32)>,
    /// Per known word: its folded text (in `known_words`), its counts and its first bytes.
    distinct: Vec<(std::ops::Range<usize>, [u32; 3], u64)>,
    /// Per rank: a known word of that text and its terms of the evidence.
    ranked: Vec<(u32, [f64; 3])>,
    /// Scratch: the known words in the order of their text; per rank, whether a word
    /// outside the name has it.
    order: Vec<u32>,
    seen: Vec<bool>,
}

impl Key {
    /// The known context words [`ContextLabels::evidence`] summed last, in order.
    #[cfg(test)]
    pub(crate) fn context_read(&self) -> Vec<&str> {
        let seen = self.seen.iter().enumerate().filter(|s| *s.1);
        seen.map(|(r, _)| &self.known_words[self.distinct[self.ranked[r].0 as usize].0.clone()]).collect()
    }

    /// The key of mention text `t` in the verdicts and the ambiguous names.
    pub(crate) fn of_text(&mut self, t: &str) -> &(String, bool) {
        self.text.0.clear();
        fold_push(t, &mut self.text.0);
        self.text.1 = all_caps(t);
        &self.text
    }

    /// [`Key::of_text`] of `t` whose folding `folded` is at hand.
    fn of_folded(&mut self, folded: &str, t: &str) {
        debug_assert_eq!(folded, fold(t), "the line's folding of {t:?}");
        self.text.0.clear();
        self.text.0.push_str(folded);
        self.text.1 = all_caps(t);
    }

    /// The key of a mention in the distrusted sources.
    fn of_source(&mut self, m: &Mention) -> &(String, Label) {
        self.source.0.clear();
        push_source_key(&m.source, &mut self.source.0);
        self.source.1 = m.label;
        &self.source
    }
}

impl Default for Key {
    fn default() -> Self {
        Key {
            text: (String::new(), false),
            source: (String::new(), Label::Per),
            word: String::new(),
            sentence: None,
            sentence_text: String::new(),
            known_words: String::new(),
            known: Vec::new(),
            distinct: Vec::new(),
            ranked: Vec::new(),
            order: Vec::new(),
            seen: Vec::new(),
        }
    }
}

/// The folded text of `text[start..end]` in `line` (the folding of `text`), when the span
/// is whole tokens one space apart: there the line's folding is the span's own.
fn folded_span<'f>(line: &'f FoldedLine, text: &str, start: usize, end: usize) -> Option<&'f str> {
    let tokens = line.tokens();
    let first = tokens.partition_point(|t| (t.s as usize) < start);
    let head = tokens.get(first).filter(|t| t.s as usize == start)?;
    let mut last = head;
    for t in &tokens[first + 1..] {
        if last.e as usize >= end {
            break;
        }
        if t.s != last.e + 1
            || text.as_bytes()[last.e as usize] != b' '
            || t.fs != last.fe + 1
            || line.bytes(last.fe, t.fs) != b" "
        {
            return None;
        }
        last = t;
    }
    (last.e as usize == end).then(|| line.str(head.fs, last.fe))
}

/// The folded text of the token of `line` at `start..end`, if there is one; `at`: where to
/// look, moved past the tokens before `start` (words asked in order, one pass).
fn folded_token<'f>(line: &'f FoldedLine, start: usize, end: usize, at: &mut usize) -> Option<&'f str> {
    let tokens = line.tokens();
    while tokens.get(*at).is_some_and(|t| (t.s as usize) < start) {
        *at += 1;
    }
    let t = tokens.get(*at).filter(|t| (t.s as usize, t.e as usize) == (start, end))?;
    Some(line.str(t.fs, t.fe))
}

/// Source of a person mention extended by a learned given name or initial.
pub(crate) const EXTENDED: &str = "learned_person_extension";

impl Adaptation {
    /// Extends person mentions by learned given names and initials, then applies the
    /// verdicts. `mentions` are sorted, non-overlapping, with byte offsets into `text`;
    /// they stay so. The user's own names (see [`Mention::user`]: statements, where the
    /// corpus gives statistics) are never trimmed, relabelled or dropped here. `folded`:
    /// the folding of `text` when it is one line at hand, whose tokens' folded text the
    /// verdicts reuse; `key`: scratch.
    pub(crate) fn apply(
        &self,
        text: &str,
        mentions: &mut Vec<Mention>,
        folded: Option<&FoldedLine>,
        key: &mut Key,
    ) {
        // MISC names were matched only to hide the names inside them.
        mentions.retain(
            |m| !matches!(&m.source, Source::Gazetteer { gazetteer, .. } if gazetteer.starts_with(MISC_GAZETTEER)),
        );
        for m in mentions.iter_mut().filter(|m| !m.user) {
            self.trim_lower_start(text, m);
        }
        if !self.given.is_empty() {
            let mut i = 0;
            while i < mentions.len() {
                if mentions[i].label == Label::Per {
                    self.extend_given(text, folded, mentions, i, &mut key.word);
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
        // Then, per mention, in one pass (each step reads the mention and the text only):
        // the label its context suggests, the distrusted sources, the verdicts.
        if self.context.is_none() && self.distrusted.is_empty() && self.verdicts.is_empty() {
            return;
        }
        // The key's sentence was read with this call's text and tables only (another
        // recognizer's scratch may hold the same text).
        key.sentence = None;
        mentions.retain_mut(|m| {
            if m.user {
                return true;
            }
            // The mention's folded text goes to `key`: the line's, when the mention is whole
            // tokens of it.
            let t = &text[m.start..m.end];
            match folded.and_then(|f| folded_span(f, text, m.start, m.end)) {
                Some(f) => key.of_folded(f, t),
                None => {
                    key.of_text(t);
                }
            }
            if let Some(context) = &self.context {
                if let Some((prior, evidence)) = context.evidence_keyed(text, folded, m.start, m.end, key) {
                    m.label = ContextLabels::choose(&prior, &evidence, context.weight);
                }
            }
            if !self.distrusted.is_empty() && self.distrusted.contains(key.of_source(m)) {
                return false;
            }
            match self.verdicts.get(&key.text) {
                Some(None) => false,
                Some(Some(l)) => {
                    m.label = *l;
                    true
                }
                None => true,
            }
        });
    }

    /// Drops the lower-case words at the start of a mention (`κ. Μητσοτάκη`, `πλανήτη Γη`)
    /// when the corpus mostly leaves the first of them outside the span of the name after it.
    pub(crate) fn trim_lower_start(&self, text: &str, m: &mut Mention) {
        // Most mentions start with a capital or a non-letter: then so does their first word,
        // or it starts later, and nothing is trimmed (no need to split the mention).
        match text[m.start..m.end].chars().next() {
            Some(c) if is_letter(c) && !is_upper(c) => {}
            _ => return,
        }
        let mut words = tokens(&text[m.start..m.end]);
        let Some(first) = words.next() else { return };
        if first.start != 0 || first.is_capitalized() || !first.text.chars().next().is_some_and(is_letter) {
            return;
        }
        let Some(name) = words.find(Token::is_capitalized) else { return };
        if !self.lower.left_outside(&fold(first.text)) {
            return;
        }
        m.start += name.start;
        m.entry = None;
        m.canonical = None;
        m.source = Source::Rule(TRIMMED);
    }

    /// Extends the person mention `i` whose words are all given names by the capitalised
    /// word after it (`folded`: the folding of `text`, when it is one line at hand).
    pub(crate) fn extend_given(
        &self,
        text: &str,
        folded: Option<&FoldedLine>,
        mentions: &mut Vec<Mention>,
        i: usize,
        word: &mut String,
    ) {
        let m = &mentions[i];
        // One or two words, each a given name: the line's folding of a word that is one of
        // its tokens.
        let mut given = |w: &str, start: usize| {
            word.clear();
            let mut at = 0;
            match folded.and_then(|f| {
                at = f.tokens().partition_point(|t| (t.s as usize) < start);
                folded_token(f, start, start + w.len(), &mut at)
            }) {
                Some(f) => {
                    debug_assert_eq!(f, fold(w), "the line's folding of {w:?}");
                    word.push_str(f);
                }
                None => fold_push(w, word),
            }
            self.given.contains(word.as_str())
        };
        let mut n = 0;
        for w in tokens(&text[m.start..m.end]) {
            n += 1;
            if n > 2 || !given(w.text, m.start + w.start) {
                return;
            }
        }
        if n == 0 {
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
            || next.text.chars().any(|c| !c.is_alphabetic() && !crate::text::normalize::is_mark(c))
            || given(next.text, m.end + next.start)
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
pub(crate) fn capitalised_word(w: &crate::text::tokens::Token<'_>) -> bool {
    let greek = |c: char| matches!(c, '\u{0370}'..='\u{03FF}' | '\u{1F00}'..='\u{1FFF}');
    w.is_capitalized()
        // Capitalised articles and prepositions (`Την`, `Στο`) are short.
        && w.text.chars().count() >= 4
        && !all_caps(w.text)
        && w.text.chars().all(|c| (c.is_alphabetic() && greek(c)) || crate::text::normalize::is_mark(c))
}

/// Extends `m` over the capitalised words right before and after it (one space apart),
/// within `floor..ceil`; a word that starts a sentence is not taken.
pub(crate) fn extend_capitalised(text: &str, m: &mut Mention, floor: usize, ceil: usize) {
    let before = m.start;
    loop {
        let head = &text[floor..m.start];
        let Some(h) = head.strip_suffix(' ') else { break };
        let Some(w) = tokens(h).last() else { break };
        if w.end != h.len()
            || !capitalised_word(&w)
            || crate::text::tokens::is_sentence_start(text, floor + w.start)
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
        if w.start != 0 || !capitalised_word(&w) || crate::text::tokens::is_sentence_start(text, m.end + 1) {
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

/// Source of a mention whose lower-case first words were dropped.
pub(crate) const TRIMMED: &str = "learned_lower_start";

/// Source of two place or organisation mentions side by side read as one.
pub(crate) const MERGED: &str = "learned_merge";

/// Source of an organisation mention extended over capitalised words.
pub(crate) const EXTENDED_ORG: &str = "learned_org_extension";

/// One or two letters, the first a capital, then a full stop: `Κ.`, `Θρ.`.
pub(crate) fn is_initial(token: &str) -> bool {
    let Some(letters) = token.strip_suffix('.') else { return false };
    let n = letters.chars().count();
    (1..=2).contains(&n)
        && letters.chars().all(char::is_alphabetic)
        && letters.chars().next().is_some_and(char::is_uppercase)
}

/// The start of an initial right before byte `at` (`Κ. ` or `Κ.`), not before `floor`.
pub(crate) fn initial_before(text: &str, at: usize, floor: usize) -> Option<usize> {
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

    /// The sentence around a name ends at the stops on either side (U+037E, the Greek
    /// question mark, too), or at the reach when there is none.
    #[test]
    fn sentence_around_stops() {
        let long = format!("{}Η Ρόδος.", "λέξη ".repeat(300));
        let cases = [
            ("Ήττα. Η Ρόδος κέρδισε; Ναι", "Ρόδος", " Η Ρόδος κέρδισε"),
            ("Πού είναι η Ρόδος\u{037E} Εδώ", "Ρόδος", "Πού είναι η Ρόδος"),
            ("Ναι\u{037E}Η Ρόδος!", "Ρόδος", "Η Ρόδος"),
            ("Η Ρόδος\nκαι η Κως", "Ρόδος", "Η Ρόδος"),
            ("Η Ρόδος", "Ρόδος", "Η Ρόδος"),
            (long.as_str(), "Ρόδος", ""),
        ];
        for (text, name, want) in cases {
            let at = text.find(name).unwrap();
            let (from, to) = sentence_around(text, at, at + name.len());
            if want.is_empty() {
                // No stop before the name: its sentence starts at the reach, on a char boundary.
                let reach = (at - CONTEXT_REACH..).find(|&i| text.is_char_boundary(i)).unwrap();
                assert_eq!((from, to), (reach, text.len() - 1), "{text:?}");
            } else {
                assert_eq!(&text[from..to], want, "{text:?}");
            }
        }
    }

    /// The fast paths of [`all_caps`] give what the Unicode properties alone give, for
    /// every character below U+0400 and a few beyond, alone and in words.
    #[test]
    fn all_caps_fast_paths() {
        fn by_tables(s: &str) -> bool {
            let mut n = 0;
            for c in s.chars() {
                if c.is_lowercase() {
                    return false;
                }
                if c.is_alphabetic() {
                    if !c.is_uppercase() {
                        return false;
                    }
                    n += 1;
                }
            }
            n >= 2
        }
        let extra = ['ἀ', 'Ἀ', 'ϐ', 'Ϗ', 'ß', 'É', 'é', 'ª', '²'];
        for c in (0..0x400).filter_map(char::from_u32).chain(extra) {
            for s in
                [format!("{c}"), format!("{c}{c}"), format!("Α{c}Β"), format!("{c}-{c}"), format!("ΑΒ {c}")]
            {
                assert_eq!(all_caps(&s), by_tables(&s), "{s:?} (U+{:04X})", c as u32);
            }
        }
        let cases =
            [("ΝΔ", true), ("ΣΥΡΙΖΑ-ΠΣ", true), ("Ά", false), ("ΆΡΗΣ", true), ("Άρης", false), ("EU", true)];
        for (s, want) in cases {
            assert_eq!(all_caps(s), want, "{s}");
        }
    }
}

/// The per-line path (a mention's folding taken from the line's) against folding each
/// mention anew, on odd text: soft hyphens, zero-width characters, decomposed accents,
/// Greek question marks, ligatures, full-width letters.
#[cfg(test)]
mod line_folding {
    use super::*;
    use crate::Source;

    const TEXTS: &[&str] = &[
        "Ο Νίκος Παππάς είπε ότι η Ρόδος κέρδισε.",
        "Ο Νίκος  Παππάς και η ΡΟΔΟΣ κέρδισε.",
        "Ο Νί\u{AD}κος Παπ\u{AD}πάς μίλησε στη Ρόδο.",
        "Ο Νίκος\u{200B} Παππάς και ο Γιάννης\u{200D}Κώστας.",
        "Ο Νι\u{301}κος Παππα\u{301}ς στη Ρο\u{301}δο κέρδισε;",
        "Η Ρόδος\u{037E} Ναι, ο Νίκος Παππάς κέρδισε.",
        "Ο ΝΊΚΟΣ ΠΑΠΠΆΣ, η Ρόδος\u{a0}Κως, ο Ντ'Αλέμα, η Ευρώπη-Ασία.",
        "Straße Größe İstanbul ﬁnal Ǆemal Ρόδος Νίκος",
        "Ο Νίκος\tΠαππάς\nκαι η Ρόδος",
        "Ο ΐ ΰ Ϊ Ϋ ς Σ σ ϐ ϑ ϕ ϰ ϱ ϲ Ϲ ϵ ᾳ ᾼ ῥ Ῥ Ρόδος",
        "Ο Νίκος \u{345} Παππάς \u{301}Ρόδος",
        "Ο Νίκος\u{FEFF}Παππάς \u{FEFF}Ρόδος κέρδισε",
        "Ο Νίκος \u{301} Παππάς Ρόδος\u{301} Ρόδος",
        "Ο Νίκος ᾿Παππάς ʼΡόδος Ρόδος’ Νίκος́",
        "Ο ＮΙΚΟΣ Ｐόδος Νίκος\u{2060} Παππάς",
    ];

    /// Where the line's folding answers for a span or a token, it is the span's own folding.
    #[test]
    fn folded_span_and_token_are_fold() {
        let mut f = FoldedLine::default();
        let (mut spans, mut toks) = (0, 0);
        for text in TEXTS {
            f.fold_and_split(text);
            let b: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            for &s in &b {
                for &e in &b {
                    if s >= e {
                        continue;
                    }
                    if let Some(x) = folded_span(&f, text, s, e) {
                        assert_eq!(x, fold(&text[s..e]), "span {text:?} {:?}", &text[s..e]);
                        spans += 1;
                    }
                    let mut at = 0;
                    if let Some(x) = folded_token(&f, s, e, &mut at) {
                        assert_eq!(x, fold(&text[s..e]), "token {text:?} {:?}", &text[s..e]);
                        toks += 1;
                    }
                }
            }
        }
        assert!(spans > 50 && toks > 50);
    }

    fn adaptation() -> Adaptation {
        let mut ctx = ContextLabels::default();
        for n in ["Ρόδος", "Ρόδο", "ΡΟΔΟΣ", "Παππάς", "Νίκος Παππάς"] {
            ctx.names.insert((fold(n), all_caps(n)), [3, 3, 2]);
        }
        for (w, c) in [
            ("κέρδισε", [0, 1, 9]),
            ("μίλησε", [9, 0, 1]),
            ("Νίκος", [5, 1, 1]),
            ("η", [2, 5, 3]),
            ("ναι", [1, 1, 1]),
        ] {
            ctx.words.insert(fold(w), c);
        }
        ctx.per_label = [20, 20, 20];
        ctx.weight = 1.0;
        let mut a = Adaptation::default();
        a.given.insert(fold("Νίκος"));
        a.given.insert(fold("Γιάννης"));
        a.context = Some(std::sync::Arc::new(ctx));
        a.verdicts.insert((fold("Κως"), false), Some(Label::Org));
        a
    }

    /// Adapting mentions with the line's folding changes them exactly as without it.
    #[test]
    fn apply_with_the_lines_folding_is_apply_without() {
        let a = adaptation();
        let mut f = FoldedLine::default();
        let (mut k1, mut k2) = (Key::default(), Key::default());
        let mut n = 0;
        let mut changed = 0;
        for text in TEXTS {
            f.fold_and_split(text);
            let tokens: Vec<(usize, usize)> =
                f.tokens().iter().map(|t| (t.s as usize, t.e as usize)).collect();
            for i in 0..tokens.len() {
                for j in i..tokens.len().min(i + 3) {
                    for label in [Label::Per, Label::Loc] {
                        let m = Mention {
                            start: tokens[i].0,
                            end: tokens[j].1,
                            label,
                            entry: None,
                            canonical: None,
                            source: Source::Rule("x"),
                            confidence: 1.0,
                            priority: 3,
                            user: false,
                            learned: false,
                        };
                        let mut with = vec![m.clone()];
                        let mut without = vec![m.clone()];
                        a.apply(text, &mut with, Some(&f), &mut k1);
                        a.apply(text, &mut without, None, &mut k2);
                        assert_eq!(with, without, "{text:?} {:?}", &text[m.start..m.end]);
                        n += 1;
                        changed += usize::from(with != vec![m]);
                    }
                }
            }
        }
        // Both paths are exercised: mentions changed and mentions kept.
        assert!(changed > 5 && n > changed);
    }
}
