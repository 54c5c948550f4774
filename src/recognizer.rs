//! The recognizer: builds the stages once, then runs them over any number of texts.

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use crate::entity::{Names, SharedText};
use crate::error::BuildError;
use crate::explain::{Explanation, Trace};
use crate::gazetteer::{self, Gazetteer};
use crate::stages::adapt::Adaptation;
use crate::stages::document;
use crate::stages::lookup::Lookup;
use crate::stages::mention::Mention;
use crate::stages::model::file::Learned;
use crate::stages::patterns::Patterns;
use crate::stages::veto::Vetoes;
use crate::text::normalize::FoldedLine;
use crate::text::vocab::{Vocab, Word};
use crate::{Entity, EntityRef, Span};

/// A stage of the pipeline that can be switched on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stage {
    /// The context rules: names no gazetteer lists, found and typed by their shape and
    /// context (titles, verbs of saying, head nouns, prepositions...).
    Rules,
    /// The document-level pass: partial mentions take the entity of full ones, and one
    /// name keeps one label within a document.
    Document,
}

/// Finds persons, places and organisations in Greek text.
///
/// Build one with [`Recognizer::default()`] (the embedded gazetteers, built once per
/// process and shared) or [`Recognizer::builder()`]. A recognizer is immutable,
/// `Send + Sync` and cheap to clone: share it between threads.
///
/// ```
/// let ner = greek_ner::Recognizer::default();
/// let text = "Η Ευρωπαϊκή Επιτροπή απάντησε στην Αθήνα.";
/// for e in ner.extract(text) {
///     assert_eq!(&text[e.span], e.text());
///     println!("{} {} {:?}", e.label, e.text(), e.id());
/// }
/// ```
#[derive(Clone)]
pub struct Recognizer {
    inner: Arc<Inner>,
    /// What was learned from annotated corpora beyond names (the adaptation stage), apart
    /// from the compiled stages so that learning can try variants on one build.
    adapt: Option<Arc<Adaptation>>,
    /// The trained sequence model and the names it was trained with, when there is one.
    model: Option<Arc<Learned>>,
}

struct Inner {
    lookup: Lookup,
    vocab: Vocab,
    /// The rule stage: all its rules when `rules_on`, else only its veto-only pass.
    rules: crate::stages::rules::Rules,
    rules_on: bool,
    /// The user's token patterns, when there are any.
    patterns: Option<Patterns>,
    /// The user's veto list, when there is one.
    vetoes: Option<Vetoes>,
    document: bool,
    /// The lookup was read from the compiled default gazetteers, not built at run time.
    precompiled: bool,
}

static DEFAULT: LazyLock<Recognizer> =
    LazyLock::new(|| Recognizer::builder().build().expect("the embedded gazetteers are valid (tested)"));

impl Default for Recognizer {
    /// The recognizer with the embedded default gazetteers and every stage on. Built on
    /// first use, then shared: later calls cost an `Arc` clone.
    fn default() -> Recognizer {
        DEFAULT.clone()
    }
}

impl std::fmt::Debug for Recognizer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Recognizer")
            .field("entries", &self.inner.lookup.entries.len())
            .field("patterns", &self.inner.lookup.pattern_count())
            .field("document", &self.inner.document)
            .field("precompiled", &self.inner.precompiled)
            .finish()
    }
}

impl Recognizer {
    /// A builder to choose gazetteers and stages.
    pub fn builder() -> RecognizerBuilder {
        RecognizerBuilder::default()
    }

    /// Finds the entities in `text`: sorted by position, never overlapping, every span an
    /// exact slice of `text`.
    pub fn extract(&self, text: &str) -> Vec<Entity> {
        thread_local! {
            static BUFFERS: std::cell::RefCell<Buffers> = std::cell::RefCell::default();
        }
        BUFFERS.with(|b| match b.try_borrow_mut() {
            Ok(mut b) => self.run(text, &mut b),
            Err(_) => self.run(text, &mut Buffers::default()),
        })
    }

    /// The entities of `text` as [`Recognizer::extract`] finds them, each with the trail of
    /// stages, rules and entries that made and changed it, and every candidate span that a
    /// built-in list or rule, an overlap, a pattern or a veto removed on the way, with what
    /// removed it. Slower than `extract` (it compares the mentions before and after every
    /// stage), which records none of it.
    ///
    /// ```
    /// let ner = greek_ner::Recognizer::default();
    /// let x = ner.explain("Η Ευρωπαϊκή Επιτροπή απάντησε στην Αθήνα.");
    /// let athens = x.entities.iter().find(|e| e.entity.text() == "Αθήνα").unwrap();
    /// assert!(athens.trail[0].starts_with("gazetteer:"));
    /// ```
    pub fn explain(&self, text: &str) -> Explanation {
        let mut b = Buffers::default();
        let mut trace = Trace::default();
        self.find_with(text, &mut b, None, Some(&mut trace));
        let entities = self.to_entities(text, &mut b.mentions, &mut b.texts);
        trace.finish(text, entities)
    }

    /// A worker that keeps its buffers between calls: the allocation-free way to process
    /// many texts on one thread.
    pub fn worker(&self) -> Worker {
        Worker { recognizer: self.clone(), buffers: Buffers::default() }
    }

    /// Writes what was learned from the training corpus (names, conventions and the
    /// sequence model) to `path`, for [`RecognizerBuilder::model_path`]. Fails when the
    /// recognizer has no model (it was built without [`RecognizerBuilder::train_iob2`]).
    pub fn save_model(&self, path: impl AsRef<std::path::Path>) -> Result<(), BuildError> {
        let path = path.as_ref();
        match (&self.model, &self.adapt) {
            (Some(learned), Some(adapt)) => crate::stages::model::file::save(path, learned, adapt),
            _ => Err(BuildError::new(
                &path.display().to_string(),
                None,
                None,
                "no model to save: build the recognizer with train_iob2 or model_path",
            )),
        }
    }

    /// Whether a trained sequence model makes the final decisions.
    pub fn has_model(&self) -> bool {
        self.model.is_some()
    }

    /// Number of entries in the compiled gazetteers.
    pub fn entry_count(&self) -> usize {
        self.inner.lookup.entries.len()
    }

    /// Number of distinct folded patterns (names and their generated case forms).
    pub fn pattern_count(&self) -> usize {
        self.inner.lookup.pattern_count()
    }

    /// Whether the lookup was read from the compiled default gazetteers (see
    /// `stages::compiled`) rather than built at run time.
    #[cfg(test)]
    pub(crate) fn is_precompiled(&self) -> bool {
        self.inner.precompiled
    }

    /// The same compiled stages with another adaptation: learning tries its variants on
    /// one build, and a built recognizer never changes.
    pub(crate) fn with_adaptation(&self, adapt: Adaptation) -> Recognizer {
        Recognizer { inner: self.inner.clone(), adapt: Some(Arc::new(adapt)), model: self.model.clone() }
    }

    /// The same stages with a trained model on top.
    pub(crate) fn with_model(&self, learned: Learned) -> Recognizer {
        Recognizer { inner: self.inner.clone(), adapt: self.adapt.clone(), model: Some(Arc::new(learned)) }
    }

    /// Runs every stage on `text`, leaving its mentions in `b.mentions`.
    fn find(&self, text: &str, b: &mut Buffers) {
        self.find_with(text, b, None, None)
    }

    /// Runs the stages before the model on `text`, line by line, and gives `collect` the
    /// model's features of each line's tokens and their byte spans in `text`: what
    /// training learns from (see `learn::train`).
    pub(crate) fn model_inputs(&self, text: &str, bits: u32, collect: &mut Collect<'_>) {
        let mut b = Buffers::default();
        self.find_with(text, &mut b, Some((bits, collect)), None);
    }

    /// [`Recognizer::find`]; with `collect`, the model's features of each line go there
    /// instead of to the model; `trace`, when given, records what each stage did (see
    /// [`Recognizer::explain`]).
    #[allow(clippy::type_complexity)]
    fn find_with(
        &self,
        text: &str,
        b: &mut Buffers,
        mut collect: Option<(
            u32,
            &mut dyn FnMut(&crate::stages::model::features::Features, &[(usize, usize)]),
        )>,
        mut trace: Option<&mut Trace>,
    ) {
        let inner = &*self.inner;
        let per_line = self.model.is_some() || collect.is_some();
        b.mentions.clear();
        b.rules.explain = trace.is_some();
        b.patterns.reasons = trace.is_some().then(Vec::new);
        // Names never cross a line break, so each line is folded and matched alone: memory
        // stays bounded by the longest line.
        let mut offset = 0;
        b.document.clear();
        for line in lines(text, MAX_LINE) {
            let first = b.mentions.len();
            b.words.clear();
            b.starts.clear();
            b.folded.fold_and_split(line);
            // Then each token is classified, and noted if a name may start there: in a loop
            // of its own, where the vocabulary's probes (cache misses, in a table of
            // megabytes) of several tokens are in flight at once.
            let (buf, tokens) = (b.folded.padded(), b.folded.tokens());
            inner.vocab.classify_tokens(buf, tokens, &mut b.words);
            for (i, (w, t)) in b.words.iter().zip(tokens).enumerate() {
                if Lookup::may_start(w.start, t.shape) {
                    b.starts.push(i as u32);
                }
            }
            match trace.as_deref_mut() {
                None => inner.lookup.find(line, &b.folded, &b.words, &b.starts, offset, &mut b.mentions),
                Some(t) => {
                    // Every hit, then the overlaps resolved: each a step of its own.
                    inner.lookup.find_all(line, &b.folded, &b.words, &b.starts, offset, &mut b.mentions);
                    t.snapshot(&[]);
                    t.after("lookup", &b.mentions[first..], Vec::new());
                    t.snapshot(&b.mentions[first..]);
                    crate::stages::mention::resolve_overlaps(&mut b.mentions, first);
                    t.after("overlap", &b.mentions[first..], Vec::new());
                    t.snapshot(&b.mentions[first..]);
                    b.rules.reasons.clear();
                }
            }
            if per_line {
                b.hits.clear();
                b.hits.extend_from_slice(&b.mentions[first..]);
            }
            let stage =
                crate::stages::rules::LineInput { text: line, folded: &b.folded, words: &b.words, offset };
            if inner.rules_on {
                inner.rules.apply(stage, &mut b.mentions, first, &mut b.rules, &inner.lookup);
            } else {
                inner.rules.veto_only(stage, &mut b.mentions, first, &mut b.rules, &inner.lookup);
            }
            if let Some(t) = trace.as_deref_mut() {
                let reasons =
                    b.rules.reasons.drain(..).map(|(s, e, r)| (s, e, format!("rule:{r}"))).collect();
                let stage = if inner.rules_on { "rules" } else { "partial_names" };
                t.after(stage, &b.mentions[first..], reasons);
            }
            if let Some(patterns) = &inner.patterns {
                if let Some(t) = trace.as_deref_mut() {
                    t.snapshot(&b.mentions[first..]);
                }
                let stage = crate::stages::rules::LineInput {
                    text: line,
                    folded: &b.folded,
                    words: &b.words,
                    offset,
                };
                patterns.apply(stage, &mut b.mentions, first, &mut b.patterns);
                if let Some(t) = trace.as_deref_mut() {
                    let reasons = b.patterns.reasons.as_mut().map(std::mem::take).unwrap_or_default();
                    t.after("patterns", &b.mentions[first..], reasons);
                }
            }
            if let Some(vetoes) = &inner.vetoes {
                Self::veto(vetoes, text, &mut b.mentions, first, &mut b.texts, trace.as_deref_mut());
            }
            if per_line {
                // The model decides on top of the adaptation: it is applied line by line.
                // It reads the line only: offsets into the line, so that what it looks at
                // around a mention is bounded by the line, not the text.
                if let Some(t) = trace.as_deref_mut() {
                    t.snapshot(&b.mentions[first..]);
                }
                if let Some(adapt) = &self.adapt {
                    b.tail.clear();
                    b.tail.extend(b.mentions.drain(first..).map(|m| shift(m, offset, false)));
                    adapt.apply(line, &mut b.tail, Some(&b.folded), &mut b.adapt);
                    b.mentions.extend(b.tail.drain(..).map(|m| shift(m, offset, true)));
                }
                if let Some(t) = trace.as_deref_mut() {
                    t.after("adapt", &b.mentions[first..], Vec::new());
                    t.snapshot(&b.mentions[first..]);
                }
                let features = crate::stages::model::features::Line {
                    text: line,
                    offset,
                    folded: &b.folded,
                    words: &b.words,
                    hits: &b.hits,
                    mentions: &b.mentions[first..],
                };
                if let Some((bits, collect)) = collect.as_mut() {
                    b.model.features.extract(&features, *bits);
                    b.spans.clear();
                    let t = b.folded.tokens().iter();
                    b.spans.extend(t.map(|t| (offset + t.s as usize, offset + t.e as usize)));
                    collect(&b.model.features, &b.spans);
                } else if let Some(learned) = &self.model {
                    learned.model.decode(&features, &mut b.model);
                    let tokens = b.folded.tokens();
                    learned.model.decide(offset, tokens, &b.hits, &mut b.mentions, first, &mut b.model);
                }
                if let Some(t) = trace.as_deref_mut() {
                    t.after("model", &b.mentions[first..], Vec::new());
                }
            }
            // The document pass looks for partial mentions among the capitalised words, and
            // keeps the line's mentions' folded text: taken now, while the line is at hand.
            if inner.document {
                let covered_final = self.adapt.is_none() || per_line;
                document::take_line(
                    line,
                    &b.folded,
                    offset,
                    &b.mentions[first..],
                    covered_final,
                    offset + line.len() == text.len(),
                    &mut b.document,
                );
            }
            offset += line.len();
        }
        if let (Some(adapt), false) = (&self.adapt, per_line) {
            if let Some(t) = trace.as_deref_mut() {
                t.snapshot(&b.mentions);
            }
            adapt.apply(text, &mut b.mentions, None, &mut b.adapt);
            if let Some(t) = trace.as_deref_mut() {
                t.after("adapt", &b.mentions, Vec::new());
            }
        }
        if inner.document {
            if let Some(t) = trace.as_deref_mut() {
                t.snapshot(&b.mentions);
            }
            document::resolve(text, &inner.lookup, &inner.vocab, &mut b.mentions, &mut b.document);
            if let Some(t) = trace.as_deref_mut() {
                t.after("document", &b.mentions, Vec::new());
            }
        }
        // The stages after the lines' make and change mentions too: the list has the last word.
        if let Some(vetoes) = &inner.vetoes {
            Self::veto(vetoes, text, &mut b.mentions, 0, &mut b.texts, trace);
        }
        // Every stage promises sorted, disjoint, non-empty mentions on char boundaries; a
        // stage that broke the promise is a bug (tests and fuzzing fail on it in debug
        // builds), but a release build still returns exact spans rather than panicking.
        let sound = b.mentions.windows(2).all(|w| w[0].end <= w[1].start)
            && b.mentions.iter().all(|m| {
                m.start < m.end
                    && m.end <= text.len()
                    && text.is_char_boundary(m.start)
                    && text.is_char_boundary(m.end)
            });
        debug_assert!(sound, "a stage returned unsorted, overlapping or broken mentions");
        if !sound {
            b.mentions.retain(|m| {
                m.start < m.end
                    && m.end <= text.len()
                    && text.is_char_boundary(m.start)
                    && text.is_char_boundary(m.end)
            });
            crate::stages::mention::resolve_overlaps(&mut b.mentions, 0);
        }
    }

    /// Removes the mentions from `mentions[first..]` that the user's veto list names.
    fn veto(
        vetoes: &Vetoes,
        text: &str,
        mentions: &mut Vec<Mention>,
        first: usize,
        buf: &mut String,
        trace: Option<&mut Trace>,
    ) {
        match trace {
            None => vetoes.apply(text, mentions, first, buf, None),
            Some(t) => {
                t.snapshot(&mentions[first..]);
                let mut why = Vec::new();
                vetoes.apply(text, mentions, first, buf, Some(&mut why));
                t.after("veto", &mentions[first..], why);
            }
        }
    }

    fn run(&self, text: &str, b: &mut Buffers) -> Vec<Entity> {
        self.find(text, b);
        self.to_entities(text, &mut b.mentions, &mut b.texts)
    }

    /// The entities of `mentions`, which it empties: a mention's source and name move into
    /// its entity rather than being shared (a reference count up now, down at the next
    /// text). Their texts are copied end to end into one shared string (`texts` is its
    /// scratch): one allocation for all the entities of the call.
    fn to_entities(&self, text: &str, mentions: &mut Vec<Mention>, texts: &mut String) -> Vec<Entity> {
        if mentions.is_empty() {
            return Vec::new();
        }
        let lookup = &self.inner.lookup;
        texts.clear();
        for m in mentions.iter() {
            texts.push_str(&text[m.start..m.end]);
        }
        let shared: Arc<str> = Arc::from(texts.as_str());
        let mut out = Vec::with_capacity(mentions.len());
        let mut chars = CharOffsets::new(text);
        let mut at = 0;
        for m in mentions.drain(..) {
            let (cs, ce) = (chars.at(m.start), chars.at(m.end));
            let names = match m.entry {
                Some(index) => Names::Entry { table: lookup.entries.clone(), index },
                None => Names::Own { id: None, canonical: m.canonical, kind: None },
            };
            let len = m.end - m.start;
            out.push(Entity {
                span: Span::new(m.start, m.end),
                char_span: Span::new(cs, ce),
                label: m.label,
                source: m.source,
                confidence: m.confidence,
                shared_text: SharedText { texts: shared.clone(), start: at, end: at + len },
                names,
            });
            at += len;
        }
        out
    }
}

/// The vocabulary of the stages that are on: the lookup's tokens (taken from it: it
/// needs them no more) and the rules' word classes.
///
/// Sized for the larger of the two word counts, not their sum: many words are both, and
/// the sum made a table of twice the slots (4 MB, not 2), a quarter full.
fn vocabulary(lookup: &mut Lookup, rules: &crate::stages::rules::Rules) -> Vocab {
    let tokens = lookup.take_tokens();
    let mut vocab = Vocab::with_capacity(tokens.len().max(rules.vocabulary_size()));
    for (id, token) in tokens.iter().enumerate() {
        vocab.set_token(token, id as u32, lookup.start_bits(id as u32));
    }
    rules.add_vocabulary(&mut vocab);
    vocab
}

/// Where training's features go: the model's features of a line's tokens, and the tokens'
/// byte spans in the text.
type Collect<'c> = dyn FnMut(&crate::stages::model::features::Features, &[(usize, usize)]) + 'c;

/// `m` with its offsets moved by `by` bytes, forward or back.
fn shift(mut m: Mention, by: usize, forward: bool) -> Mention {
    if forward {
        (m.start, m.end) = (m.start + by, m.end + by);
    } else {
        (m.start, m.end) = (m.start - by, m.end - by);
    }
    m
}

/// Lines longer than this are matched in pieces (folded offsets are `u32`): 1 GiB.
const MAX_LINE: usize = 1 << 30;

/// The lines of `text`, each with its `\n`; a line longer than `max` bytes is cut into pieces
/// of at most `max` bytes, after a white space where there is one (names do not span it),
/// else at a char boundary.
fn lines(text: &str, max: usize) -> Lines<'_> {
    Lines { text, line: "", max }
}

/// The iterator of [`lines`]: a struct of its own, where `split_inclusive`-like adapters
/// flattened cost a hundred instructions per line (most texts are one line).
struct Lines<'t> {
    /// What follows the line at hand.
    text: &'t str,
    /// What is left of the line at hand.
    line: &'t str,
    /// Longest piece of a line given at once (longer lines are cut: see [`cut_long`]).
    max: usize,
}

impl<'t> Iterator for Lines<'t> {
    type Item = &'t str;

    #[inline]
    fn next(&mut self) -> Option<&'t str> {
        if self.line.is_empty() {
            if self.text.is_empty() {
                return None;
            }
            // The newline found by `memchr` (vectorised: most texts are one line, scanned
            // whole for nothing).
            let end = memchr::memchr(b'\n', self.text.as_bytes()).map_or(self.text.len(), |i| i + 1);
            (self.line, self.text) = self.text.split_at(end);
        }
        if self.line.len() <= self.max {
            return Some(std::mem::take(&mut self.line));
        }
        Some(cut_long(&mut self.line, self.max))
    }
}

/// The first piece of `rest`, a line longer than `max` bytes, taken off it: at most `max`
/// bytes, cut after the last white space in their second half if there is one, else at a
/// char boundary (one whole char if `max` is smaller).
#[cold]
fn cut_long<'t>(rest: &mut &'t str, max: usize) -> &'t str {
    let mut cut = max;
    while !rest.is_char_boundary(cut) {
        cut -= 1;
    }
    // The last white space in the second half of the piece, if any.
    let mut half = cut / 2;
    while !rest.is_char_boundary(half) {
        half -= 1;
    }
    if let Some(ws) = rest[half..cut].rfind(char::is_whitespace) {
        let at = half + ws;
        cut = at + rest[at..].chars().next().map_or(1, char::len_utf8);
    }
    if cut == 0 {
        // `max` is smaller than one char: take the char whole.
        cut = rest.chars().next().map_or(rest.len(), char::len_utf8);
    }
    let (piece, tail) = rest.split_at(cut);
    *rest = tail;
    piece
}

/// Buffers reused across calls.
#[derive(Default)]
struct Buffers {
    folded: FoldedLine,
    /// What the vocabulary knows of each token of the folded line.
    words: Vec<Word>,
    /// The tokens of the line where a name may start.
    starts: Vec<u32>,
    mentions: Vec<Mention>,
    /// The gazetteer stage's hits on the line, for the model.
    hits: Vec<Mention>,
    /// A line's mentions while the adaptation works on them.
    tail: Vec<Mention>,
    /// The adaptation's keys.
    adapt: crate::stages::adapt::Key,
    /// The tokens' byte spans in the text, for training.
    spans: Vec<(usize, usize)>,
    model: crate::stages::model::Scratch,
    rules: crate::stages::rules::Scratch,
    patterns: crate::stages::patterns::Scratch,
    document: document::Scratch,
    /// The texts of the entities of one call, end to end (see `Recognizer::to_entities`).
    texts: String,
}

/// Runs a [`Recognizer`] on one thread, reusing its buffers across calls (see
/// [`Recognizer::worker`]).
pub struct Worker {
    recognizer: Recognizer,
    buffers: Buffers,
}

impl Worker {
    /// Same as [`Recognizer::extract`].
    pub fn extract(&mut self, text: &str) -> Vec<Entity> {
        self.recognizer.run(text, &mut self.buffers)
    }

    /// The entities of `text`, borrowed: the same entities as [`Worker::extract`], in the
    /// same order, but each one's text, id and names point into `text` and the recognizer
    /// instead of being copied. For callers that write entities out (JSON, a database)
    /// rather than keep them; see [`EntityRef`].
    ///
    /// ```
    /// let mut worker = greek_ner::Recognizer::default().worker();
    /// let text = "Ο Κυριάκος Μητσοτάκης συναντήθηκε με τον Βλαντίμιρ Πούτιν.";
    /// let owned = worker.extract(text);
    /// let borrowed: Vec<_> = worker.entities(text).collect();
    /// assert_eq!(borrowed.len(), owned.len());
    /// assert!(borrowed.iter().zip(&owned).all(|(b, o)| b.text == o.text() && b.id == o.id()));
    /// ```
    pub fn entities<'w>(&'w mut self, text: &'w str) -> Entities<'w> {
        self.recognizer.find(text, &mut self.buffers);
        Entities {
            text,
            lookup: &self.recognizer.inner.lookup,
            mentions: self.buffers.mentions.iter(),
            chars: CharOffsets::new(text),
        }
    }
}

/// Iterator over the entities of one text, borrowed (see [`Worker::entities`]).
pub struct Entities<'w> {
    text: &'w str,
    lookup: &'w Lookup,
    mentions: std::slice::Iter<'w, Mention>,
    chars: CharOffsets<'w>,
}

/// Char offsets of ascending byte offsets of one text, counted between consecutive
/// boundaries: one pass over the text for all the entities of a document.
struct CharOffsets<'t> {
    text: &'t str,
    byte_pos: usize,
    char_pos: usize,
}

impl<'t> CharOffsets<'t> {
    fn new(text: &'t str) -> CharOffsets<'t> {
        CharOffsets { text, byte_pos: 0, char_pos: 0 }
    }

    /// The char offset of byte `b` (not before the last one asked).
    fn at(&mut self, b: usize) -> usize {
        assert!(self.text.is_char_boundary(b), "an entity's offset inside a character");
        self.char_pos += crate::text::span::char_count(&self.text.as_bytes()[self.byte_pos..b]);
        self.byte_pos = b;
        self.char_pos
    }
}

impl<'w> Iterator for Entities<'w> {
    type Item = EntityRef<'w>;

    fn next(&mut self) -> Option<EntityRef<'w>> {
        let m = self.mentions.next()?;
        let (cs, ce) = (self.chars.at(m.start), self.chars.at(m.end));
        // As `Names` gives them for an owned entity (see `Recognizer::to_entities`).
        let (id, canonical, kind) = match m.entry {
            Some(e) => self.lookup.entries.names(e),
            None => (None, m.canonical.as_deref(), None),
        };
        Some(EntityRef {
            span: Span::new(m.start, m.end),
            char_span: Span::new(cs, ce),
            text: &self.text[m.start..m.end],
            label: m.label,
            id,
            canonical,
            kind,
            source: &m.source,
            confidence: m.confidence,
        })
    }

    fn size_hint(&self) -> (usize, Option<usize>) {
        self.mentions.size_hint()
    }
}

impl ExactSizeIterator for Entities<'_> {}

impl std::fmt::Debug for Entities<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Entities").field("remaining", &self.mentions.len()).finish()
    }
}

/// Builds a [`Recognizer`]: gazetteers from files or code, stages on or off.
///
/// ```
/// use greek_ner::{Entry, Gazetteer, Label, Recognizer};
///
/// let mut mine = Gazetteer::new("mine");
/// mine.insert(Entry::new("grner:org:example", Label::Org, "Ίδρυμα Παραδείγματος")).unwrap();
/// let ner = Recognizer::builder().gazetteer(mine).build().unwrap();
/// let ents = ner.extract("Το Ίδρυμα Παραδείγματος ανακοίνωσε.");
/// assert_eq!(ents[0].text(), "Ίδρυμα Παραδείγματος");
/// ```
#[derive(Default)]
pub struct RecognizerBuilder {
    no_defaults: bool,
    gazetteers: Vec<Gazetteer>,
    paths: Vec<PathBuf>,
    /// IOB2 corpora to learn names from: a file, or (name, text) given in memory.
    learn: Vec<(PathBuf, Option<String>)>,
    /// IOB2 corpora to learn names from and train the model on, as `learn`.
    train: Vec<(PathBuf, Option<String>)>,
    /// A model file to load: its path, or a name and its bytes.
    model: Option<(PathBuf, Option<Vec<u8>>)>,
    disabled: Vec<Stage>,
    /// Token pattern files: a file, or (name, text) given in memory.
    patterns: Vec<(PathBuf, Option<String>)>,
    /// Veto lists: a file, or (name, text) given in memory.
    vetoes: Vec<(PathBuf, Option<String>)>,
    /// Rules and vetoes switched off, by name.
    off_rules: Vec<String>,
}

impl RecognizerBuilder {
    /// Whether to include the embedded default gazetteers (default: yes).
    pub fn default_gazetteers(mut self, yes: bool) -> Self {
        self.no_defaults = !yes;
        self
    }

    /// Adds a gazetteer built in code or read with [`Gazetteer::from_path`].
    pub fn gazetteer(mut self, g: Gazetteer) -> Self {
        self.gazetteers.push(g);
        self
    }

    /// Adds a gazetteer TSV file, read when the recognizer is built. User files outrank the
    /// embedded gazetteers when both claim the same text.
    pub fn gazetteer_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.paths.push(path.into());
        self
    }

    /// Learns names from an annotated IOB2 corpus (read when the recognizer is built):
    /// adaptation to a user's annotation conventions without training. Names the corpus
    /// annotates consistently outrank the embedded gazetteers; names it mostly leaves
    /// untagged or labels inconsistently are dropped or down-weighted. Learned names are
    /// inflected and folded like any entry, and the later stages work on top. Nothing is
    /// written to disk. See the `learn` module docs for the exact policy and
    /// [`crate::iob2`] for the accepted format; a malformed corpus fails the build with
    /// an error naming the file, line and field.
    ///
    /// ```no_run
    /// let ner = greek_ner::Recognizer::builder().learn_iob2("train.iob2").build()?;
    /// # Ok::<(), greek_ner::BuildError>(())
    /// ```
    pub fn learn_iob2(mut self, path: impl Into<PathBuf>) -> Self {
        self.learn.push((path.into(), None));
        self
    }

    /// Same as [`RecognizerBuilder::learn_iob2`] with the corpus given as text; `name`
    /// is what errors and entity sources call it.
    ///
    /// ```
    /// let corpus = "Ο O\nΑνδρέας B-PER\nΛοβέρδος I-PER\nείπε O\n";
    /// let ner = greek_ner::Recognizer::builder()
    ///     .default_gazetteers(false) // only what the corpus teaches, for the example
    ///     .learn_iob2_str("mine.iob2", corpus)
    ///     .build()
    ///     .unwrap();
    /// let ents = ner.extract("Ο Ανδρέας Λοβέρδος απάντησε.");
    /// assert_eq!(ents[0].text(), "Ανδρέας Λοβέρδος");
    /// assert_eq!(ents[0].source.to_string(), "gazetteer:learned:mine.iob2:2");
    /// ```
    pub fn learn_iob2_str(mut self, name: &str, text: impl Into<String>) -> Self {
        self.learn.push((PathBuf::from(name), Some(text.into())));
        self
    }

    /// Learns names and conventions from an annotated IOB2 corpus, as
    /// [`RecognizerBuilder::learn_iob2`] does, **and** trains a sequence model on it (an
    /// averaged perceptron whose features include the gazetteers' and rules' decisions;
    /// see the `learn` module). Ten members are trained, each stopping early on another
    /// tenth of the corpus, and their weights averaged. Training is deterministic and prints
    /// one progress line per member and epoch on stderr. Keep what was
    /// learned with [`Recognizer::save_model`].
    ///
    /// ```no_run
    /// let ner = greek_ner::Recognizer::builder().train_iob2("mine.iob2").build()?;
    /// ner.save_model("mine.model")?;
    /// # Ok::<(), greek_ner::BuildError>(())
    /// ```
    pub fn train_iob2(mut self, path: impl Into<PathBuf>) -> Self {
        self.train.push((path.into(), None));
        self
    }

    /// Same as [`RecognizerBuilder::train_iob2`] with the corpus given as text; `name` is
    /// what errors and the model's entities' sources call it.
    pub fn train_iob2_str(mut self, name: &str, text: impl Into<String>) -> Self {
        self.train.push((PathBuf::from(name), Some(text.into())));
        self
    }

    /// Loads a model file written by [`Recognizer::save_model`]: the names, conventions
    /// and model learned from a corpus, which then give exactly the entities the trained
    /// recognizer gave. The recognizer must use the gazetteers and stages the model was
    /// trained with; a model file that does not match them, or is truncated or corrupt,
    /// fails the build with an error naming the file and field.
    pub fn model_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.model = Some((path.into(), None));
        self
    }

    /// Same as [`RecognizerBuilder::model_path`] with the file's bytes; `name` is what
    /// errors call it.
    pub fn model_bytes(mut self, name: &str, bytes: impl Into<Vec<u8>>) -> Self {
        self.model = Some((PathBuf::from(name), Some(bytes.into())));
        self
    }

    /// Switches a stage on or off (all are on by default).
    pub fn stage(mut self, stage: Stage, on: bool) -> Self {
        self.disabled.retain(|&s| s != stage);
        if !on {
            self.disabled.push(stage);
        }
        self
    }

    /// Gazetteer lookup only: every later stage off.
    pub fn gazetteer_only(self) -> Self {
        self.stage(Stage::Rules, false).stage(Stage::Document, false)
    }

    /// Adds a file of token patterns (JSONL, one pattern per line; the README describes the
    /// format), read when the recognizer is built. A pattern's entity outranks every
    /// built-in rule and gazetteer, and no built-in list or rule drops it; its source is
    /// `pattern:<name>`. A malformed pattern fails the build with an error naming the file,
    /// line and field.
    pub fn patterns_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.patterns.push((path.into(), None));
        self
    }

    /// Same as [`RecognizerBuilder::patterns_path`] with the patterns given as text; `name`
    /// is what errors call it.
    ///
    /// ```
    /// let band = r#"{"name":"band","label":"ORG","pattern":[{"LOWER":"συγκροτημα"},{"IS_TITLE":true,"OP":"+"}],"entity":[1,2]}"#;
    /// let ner = greek_ner::Recognizer::builder().patterns_str("mine.jsonl", band).build().unwrap();
    /// let ents = ner.extract("Το ΣΥΓΚΡΟΤΗΜΑ Ξύλινα Σπαθιά εμφανίστηκε χθες.");
    /// let e = ents.iter().find(|e| e.source.to_string() == "pattern:band").unwrap();
    /// assert_eq!(e.text(), "Ξύλινα Σπαθιά");
    /// ```
    pub fn patterns_str(mut self, name: &str, text: impl Into<String>) -> Self {
        self.patterns.push((PathBuf::from(name), Some(text.into())));
        self
    }

    /// Adds a veto list: names never to tag, for any label or for one. Read when the
    /// recognizer is built; it removes a matching mention whatever made it. UTF-8 text, one
    /// name per line, optionally a tab and `PER`, `LOC` or `ORG`; `#` starts a comment
    /// line. Names are compared folded (accents, case, final sigma ignored), as a whole
    /// mention.
    pub fn veto_path(mut self, path: impl Into<PathBuf>) -> Self {
        self.vetoes.push((path.into(), None));
        self
    }

    /// Same as [`RecognizerBuilder::veto_path`] with the list given as text; `name` is what
    /// errors and explanations call it.
    ///
    /// ```
    /// let ner = greek_ner::Recognizer::builder().veto_str("veto.tsv", "Αθήνα\tLOC\n").build().unwrap();
    /// assert!(ner.extract("Έφτασε στην Αθήνα.").is_empty());
    /// ```
    pub fn veto_str(mut self, name: &str, text: impl Into<String>) -> Self {
        self.vetoes.push((PathBuf::from(name), Some(text.into())));
        self
    }

    /// Switches off a rule or a veto of the built-in rules, by name (the `rule:<name>` of an
    /// entity's source or of a dropped span in [`Recognizer::explain`]). Building fails on an
    /// unknown name, listing the known ones.
    ///
    /// ```
    /// let ner = greek_ner::Recognizer::builder().disable_rule("person_title").build().unwrap();
    /// assert!(greek_ner::Recognizer::builder().disable_rule("no_such_rule").build().is_err());
    /// ```
    pub fn disable_rule(mut self, name: &str) -> Self {
        self.off_rules.push(name.to_string());
        self
    }

    /// Builds the recognizer; fails on the first gazetteer that cannot be read or parsed,
    /// naming its file, line and field.
    pub fn build(self) -> Result<Recognizer, BuildError> {
        let mut off = Vec::new();
        for name in &self.off_rules {
            match crate::stages::rules::known_rule(name) {
                Some(n) => off.push(n),
                None => {
                    return Err(BuildError::new(
                        "disable_rule",
                        None,
                        None,
                        format!(
                            "no rule `{name}`; the rules and vetoes are: {}",
                            crate::stages::rules::rule_names().join(", ")
                        ),
                    ))
                }
            }
        }
        let mut patterns: Option<Patterns> = None;
        for (path, text) in &self.patterns {
            let more = match text {
                Some(text) => Patterns::parse(&path.display().to_string(), text)?,
                None => Patterns::read(path)?,
            };
            match &mut patterns {
                Some(p) => p.extend(more, &path.display().to_string())?,
                None => patterns = Some(more),
            }
        }
        let mut vetoes: Option<Vetoes> = None;
        for (path, text) in &self.vetoes {
            let v = vetoes.get_or_insert_with(Vetoes::default);
            match text {
                Some(text) => v.parse(&path.display().to_string(), text)?,
                None => v.extend(Vetoes::read(path)?),
            }
        }
        let rules_on = !self.disabled.contains(&Stage::Rules);
        let document = !self.disabled.contains(&Stage::Document);
        let assemble = |mut lookup: Lookup, precompiled| {
            let rules = crate::stages::rules::Rules::new(off.clone());
            let mut patterns = patterns.clone();
            if let Some(p) = &mut patterns {
                lookup.add_entries(p.take_entries(lookup.entries.len() as u32));
            }
            let vocab = vocabulary(&mut lookup, &rules);
            let vetoes = vetoes.clone();
            Recognizer {
                inner: Arc::new(Inner {
                    lookup,
                    vocab,
                    rules,
                    rules_on,
                    patterns,
                    vetoes,
                    document,
                    precompiled,
                }),
                adapt: None,
                model: None,
            }
        };
        // The embedded gazetteers alone are compiled already: read in place.
        let defaults_only = !self.no_defaults
            && self.paths.is_empty()
            && self.gazetteers.is_empty()
            && self.learn.is_empty()
            && self.train.is_empty()
            && self.model.is_none();
        if defaults_only {
            if let Some(lookup) = crate::stages::compiled::lookup() {
                return Ok(assemble(lookup, true));
            }
        }
        // The caller's own gazetteers; the embedded ones come first, and are parsed only
        // when something is compiled (a model file holds its compiled lookup).
        let mut user = Vec::new();
        for path in &self.paths {
            user.push(Gazetteer::from_path(path)?);
        }
        for mut g in self.gazetteers {
            g.finish()?;
            user.push(g);
        }
        let defaults = !self.no_defaults;
        let fingerprint = crate::stages::model::file::fingerprint(defaults, &user, rules_on, document);
        if let Some((path, bytes)) = &self.model {
            let name = path.display().to_string();
            if !self.learn.is_empty() || !self.train.is_empty() {
                let msg = "a saved model holds what was learned: it cannot be combined with learn_iob2 or train_iob2";
                return Err(BuildError::new(&name, None, None, msg));
            }
            let under = crate::stages::model::file::Under { defaults, user };
            let (learned, adapt, lookup) = match bytes {
                Some(b) => crate::stages::model::file::from_bytes(&name, b, fingerprint, under)?,
                None => crate::stages::model::file::load(path, fingerprint, under)?,
            };
            return Ok(assemble(lookup, false).with_adaptation(adapt).with_model(learned));
        }
        let mut all = if defaults { gazetteer::parse_embedded()? } else { Vec::new() };
        let embedded = all.len();
        all.extend(user);
        let make =
            |gazetteers: &[Gazetteer]| Ok::<_, BuildError>(assemble(Lookup::build(gazetteers)?, false));
        if self.learn.is_empty() && self.train.is_empty() {
            return make(&all);
        }
        let mut corpora = Vec::new();
        let mut training = Vec::new();
        for ((path, text), train) in
            self.learn.iter().map(|l| (l, false)).chain(self.train.iter().map(|t| (t, true)))
        {
            training.push(train);
            let corpus = match text {
                Some(text) => crate::iob2::parse(&path.display().to_string(), text)?,
                None => crate::iob2::read(path)?,
            };
            let name =
                path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into());
            corpora.push((name, corpus));
        }
        let tokens = corpora.iter().zip(&training).filter(|(_, &t)| t);
        let tokens: usize = tokens.flat_map(|((_, c), _)| &c.sentences).map(|s| s.tokens.len()).sum();
        let bits = crate::learn::train::bits_for(tokens);
        let base = all.len();
        let adapt = crate::learn::adapt(&all, &corpora, make)?;
        for (name, corpus) in &corpora {
            all.extend(crate::learn::learn_with_misc(name, corpus)?);
        }
        let lookup = Lookup::build(&all)?;
        // What saving the model checks its lookup compiled again against.
        let lookup_hash = if self.train.is_empty() {
            0
        } else {
            let blob = lookup.to_blob();
            crate::stages::model::file::blob_hash((&blob.0, &blob.1))
        };
        let ner = assemble(lookup, false).with_adaptation(adapt);
        if self.train.is_empty() {
            return Ok(ner);
        }
        let name = corpora.iter().zip(&training).find(|(_, &t)| t).map_or("", |((n, _), _)| n.as_str());
        let weights = crate::learn::train::train(name, bits, |m| {
            crate::learn::train::samples(bits, &all[..base], &corpora, &training, &make, m)
        })?;
        let model = crate::stages::model::Model::new(name.into(), weights.compact());
        let gazetteers = all.split_off(base);
        let under = crate::stages::model::file::Under { defaults, user: all.split_off(embedded) };
        Ok(ner.with_model(Learned { model, gazetteers, fingerprint, under, lookup_hash }))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_lines_are_cut_into_pieces_that_cover_them() {
        let text = "Αθήνα και Μόσχα\nαααααααααα\nx🇬🇷 y\n";
        for max in [1, 2, 3, 5, 8, 13, 64] {
            let pieces: Vec<&str> = lines(text, max).collect();
            assert_eq!(pieces.concat(), text, "max {max}");
            for p in &pieces {
                assert!(p.len() <= max.max(4), "max {max}: {p:?}");
                assert!(!p.is_empty());
            }
        }
        // White space is preferred as the cut.
        let pieces: Vec<&str> = lines("Αθήνα και Μόσχα", 20).collect();
        assert_eq!(pieces, ["Αθήνα και ", "Μόσχα"]);
        assert_eq!(lines("", 4).count(), 0);
        // Uncut, the lines are `split_inclusive`'s.
        for text in ["", "a", "\n", "a\n", "a\nb", "a\n\nb\n", "Αθήνα\r\nκαι\n\n"] {
            let want: Vec<&str> = text.split_inclusive('\n').collect();
            assert_eq!(lines(text, MAX_LINE).collect::<Vec<_>>(), want, "{text:?}");
        }
    }

    #[test]
    fn recognizer_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Recognizer>();
        check::<Entity>();
        check::<BuildError>();
    }
}
