//! The recognizer: builds the stages once, then runs them over any number of texts.

use std::path::PathBuf;
use std::sync::{Arc, LazyLock};

use crate::error::BuildError;
use crate::gazetteer::{self, Gazetteer};
use crate::lookup::Lookup;
use crate::mention::Mention;
use crate::normalize::FoldedText;
use crate::{document, Entity, Span};

/// A stage of the pipeline that can be switched on or off.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Stage {
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
///     assert_eq!(&text[e.span], e.text);
///     println!("{} {} {:?}", e.label, e.text, e.id);
/// }
/// ```
#[derive(Clone)]
pub struct Recognizer {
    inner: Arc<Inner>,
}

struct Inner {
    lookup: Lookup,
    document: bool,
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

    /// A worker that keeps its buffers between calls: the allocation-free way to process
    /// many texts on one thread.
    pub fn worker(&self) -> Worker {
        Worker { recognizer: self.clone(), buffers: Buffers::default() }
    }

    /// Number of entries in the compiled gazetteers.
    pub fn entry_count(&self) -> usize {
        self.inner.lookup.entries.len()
    }

    /// Number of distinct folded patterns (names and their generated case forms).
    pub fn pattern_count(&self) -> usize {
        self.inner.lookup.pattern_count()
    }

    fn run(&self, text: &str, b: &mut Buffers) -> Vec<Entity> {
        let inner = &*self.inner;
        b.mentions.clear();
        // Names never cross a line break, so each line is folded and matched alone: memory
        // stays bounded by the longest line.
        let mut offset = 0;
        for line in text.split_inclusive('\n') {
            inner.lookup.find(line, &mut b.folded, offset, &mut b.mentions);
            offset += line.len();
        }
        if inner.document {
            document::resolve(text, &inner.lookup, &mut b.mentions);
        }
        self.to_entities(text, &b.mentions)
    }

    fn to_entities(&self, text: &str, mentions: &[Mention]) -> Vec<Entity> {
        let lookup = &self.inner.lookup;
        let mut out = Vec::with_capacity(mentions.len());
        // Char offsets by counting chars between consecutive boundaries: one pass over the text.
        let (mut byte_pos, mut char_pos) = (0usize, 0usize);
        let mut char_at = |b: usize| {
            char_pos += text[byte_pos..b].chars().count();
            byte_pos = b;
            char_pos
        };
        for m in mentions {
            let cs = char_at(m.start);
            let ce = char_at(m.end);
            let entry = m.entry.map(|e| &lookup.entries[e as usize]);
            out.push(Entity {
                span: Span::new(m.start, m.end),
                char_span: Span::new(cs, ce),
                text: text[m.start..m.end].to_string(),
                label: m.label,
                id: entry.map(|e| e.id.clone()),
                canonical: entry.map(|e| e.canonical.clone()).or_else(|| m.canonical.clone()),
                kind: entry.and_then(|e| e.kind.clone()),
                source: m.source.clone(),
                confidence: m.confidence,
            });
        }
        out
    }
}

/// Buffers reused across calls.
#[derive(Default)]
struct Buffers {
    folded: FoldedText,
    mentions: Vec<Mention>,
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
/// assert_eq!(ents[0].text, "Ίδρυμα Παραδείγματος");
/// ```
#[derive(Default)]
pub struct RecognizerBuilder {
    no_defaults: bool,
    gazetteers: Vec<Gazetteer>,
    paths: Vec<PathBuf>,
    disabled: Vec<Stage>,
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
        self.stage(Stage::Document, false)
    }

    /// Builds the recognizer; fails on the first gazetteer that cannot be read or parsed,
    /// naming its file, line and field.
    pub fn build(self) -> Result<Recognizer, BuildError> {
        let mut all = Vec::new();
        if !self.no_defaults {
            all.extend(gazetteer::parse_embedded()?);
        }
        for path in &self.paths {
            all.push(Gazetteer::from_path(path)?);
        }
        for mut g in self.gazetteers {
            g.finish()?;
            all.push(g);
        }
        let lookup = Lookup::build(&all)?;
        Ok(Recognizer {
            inner: Arc::new(Inner { lookup, document: !self.disabled.contains(&Stage::Document) }),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognizer_is_send_sync() {
        fn check<T: Send + Sync>() {}
        check::<Recognizer>();
        check::<Entity>();
        check::<BuildError>();
    }
}
