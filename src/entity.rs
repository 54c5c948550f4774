//! What the recognizer returns: entities with their spans, labels, ids and provenance.

use std::fmt;
use std::ops::Range;
use std::sync::Arc;

use crate::gazetteer::EntryTable;
use crate::{Label, Source, Span};

/// A person, place or organisation mention found in a text.
///
/// Both spans index the caller's original text: `span` in bytes
/// (`&text[entity.span] == entity.text()`), `char_span` in Unicode scalar values.
///
/// Its strings are read through methods ([`Entity::text`], [`Entity::id`]...): an entity
/// owns them without a heap allocation of its own. The texts of all the entities one call
/// returns are kept end to end in one shared string, and the names of a gazetteer entry
/// stay in the recognizer's table of entries; an entity holds a reference to each. (So an
/// entity kept alive keeps its call's entity texts, not the document, and the table.)
///
/// It serializes (serde) to the flat record of the output contract:
/// `start`/`end` (chars), `byte_start`/`byte_end`, `text`, `label`, and `id`,
/// `canonical` where known, `source`, `confidence`.
#[derive(Clone, Debug, PartialEq)]
#[non_exhaustive]
pub struct Entity {
    /// Byte span in the original text.
    pub span: Span,
    /// Span in Unicode scalar values (chars) in the original text.
    pub char_span: Span,
    /// Entity type.
    pub label: Label,
    /// The gazetteer entry or rule that produced the entity.
    pub source: Source,
    /// How sure the producer was, from 0 to 1.
    pub confidence: f32,
    /// The mention as it stands in the text: read through [`Entity::text`].
    pub(crate) shared_text: SharedText,
    /// Its id, canonical name and kind: read through [`Entity::id`], [`Entity::canonical`]
    /// and [`Entity::kind`].
    pub(crate) names: Names,
}

/// Where an entity's id, canonical name and kind live.
///
/// An entity of a gazetteer entry points into the recognizer's table of entries: all such
/// entities share one reference count, which stays in cache, where an `Arc` per string
/// would touch three counts scattered over the heap for every entity made and dropped.
#[derive(Clone)]
pub(crate) enum Names {
    /// Entry `index` of a recognizer's table.
    Entry { table: Arc<EntryTable>, index: u32 },
    /// Names of its own: none for most rule-made entities, a canonical name for those the
    /// document pass tied to an earlier mention, or copies (see [`EntityRef::to_entity`]).
    Own { id: Option<Arc<str>>, canonical: Option<Arc<str>>, kind: Option<Arc<str>> },
}

impl Names {
    fn get(&self) -> (Option<&str>, Option<&str>, Option<&str>) {
        match self {
            Names::Entry { table, index } => table.names(*index),
            Names::Own { id, canonical, kind } => (id.as_deref(), canonical.as_deref(), kind.as_deref()),
        }
    }
}

/// A range of a string that several entities share: the texts of the entities of one call,
/// end to end (one allocation per call, not one per entity).
#[derive(Clone)]
pub(crate) struct SharedText {
    pub texts: Arc<str>,
    pub start: usize,
    pub end: usize,
}

impl SharedText {
    fn as_str(&self) -> &str {
        &self.texts[self.start..self.end]
    }
}

impl PartialEq for SharedText {
    fn eq(&self, other: &SharedText) -> bool {
        self.as_str() == other.as_str()
    }
}

impl fmt::Debug for SharedText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl PartialEq for Names {
    fn eq(&self, other: &Names) -> bool {
        self.get() == other.get()
    }
}

impl fmt::Debug for Names {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (id, canonical, kind) = self.get();
        f.debug_struct("Names").field("id", &id).field("canonical", &canonical).field("kind", &kind).finish()
    }
}

impl Entity {
    /// The mention exactly as it stands in the text (`&text[self.span]`).
    pub fn text(&self) -> &str {
        self.shared_text.as_str()
    }

    /// Canonical id (a Wikidata QID, a source id such as `geonames:…`, or `grner:…`), where
    /// known.
    pub fn id(&self) -> Option<&str> {
        self.names.get().0
    }

    /// Canonical name, where known.
    pub fn canonical(&self) -> Option<&str> {
        self.names.get().1
    }

    /// The entry's kind (country, city, party, ministry...), where known.
    pub fn kind(&self) -> Option<&str> {
        self.names.get().2
    }

    /// Byte range in the original text (vibrato's `range_byte`).
    pub fn range_byte(&self) -> Range<usize> {
        self.span.range()
    }

    /// Char (Unicode scalar value) range in the original text.
    pub fn range_char(&self) -> Range<usize> {
        self.char_span.range()
    }

    /// The entity as an [`EntityRef`] borrowing from it.
    pub fn as_ref(&self) -> EntityRef<'_> {
        let (id, canonical, kind) = self.names.get();
        EntityRef {
            span: self.span,
            char_span: self.char_span,
            text: self.text(),
            label: self.label,
            id,
            canonical,
            kind,
            source: &self.source,
            confidence: self.confidence,
        }
    }
}

impl serde::Serialize for Entity {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.as_ref().serialize(s)
    }
}

/// An [`Entity`] whose strings are borrowed from the text and the recognizer (see
/// [`crate::Worker::entities`]): the same fields, no allocation. It serializes to the same
/// record as [`Entity`].
#[derive(Clone, Copy, Debug, PartialEq)]
#[non_exhaustive]
pub struct EntityRef<'a> {
    /// Byte span in the original text.
    pub span: Span,
    /// Span in Unicode scalar values (chars) in the original text.
    pub char_span: Span,
    /// The mention exactly as it stands in the text.
    pub text: &'a str,
    /// Entity type.
    pub label: Label,
    /// Canonical id, where known.
    pub id: Option<&'a str>,
    /// Canonical name, where known.
    pub canonical: Option<&'a str>,
    /// The entry's kind, where known.
    pub kind: Option<&'a str>,
    /// The gazetteer entry or rule that produced the entity.
    pub source: &'a Source,
    /// How sure the producer was, from 0 to 1.
    pub confidence: f32,
}

impl EntityRef<'_> {
    /// An owned copy.
    pub fn to_entity(&self) -> Entity {
        Entity {
            span: self.span,
            char_span: self.char_span,
            shared_text: SharedText { texts: Arc::from(self.text), start: 0, end: self.text.len() },
            label: self.label,
            source: self.source.clone(),
            confidence: self.confidence,
            names: Names::Own {
                id: self.id.map(Arc::from),
                canonical: self.canonical.map(Arc::from),
                kind: self.kind.map(Arc::from),
            },
        }
    }
}

impl serde::Serialize for EntityRef<'_> {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut m = s.serialize_map(None)?;
        m.serialize_entry("start", &self.char_span.start)?;
        m.serialize_entry("end", &self.char_span.end)?;
        m.serialize_entry("byte_start", &self.span.start)?;
        m.serialize_entry("byte_end", &self.span.end)?;
        m.serialize_entry("text", self.text)?;
        m.serialize_entry("label", &self.label)?;
        if let Some(id) = self.id {
            m.serialize_entry("id", id)?;
        }
        if let Some(c) = self.canonical {
            m.serialize_entry("canonical", c)?;
        }
        if let Some(k) = self.kind {
            m.serialize_entry("kind", k)?;
        }
        m.serialize_entry("source", self.source)?;
        // Rounded so that output stays short and byte-identical across platforms.
        m.serialize_entry("confidence", &((self.confidence * 1000.0).round() / 1000.0))?;
        m.end()
    }
}

#[cfg(test)]
mod tests {
    use crate::Recognizer;

    #[test]
    fn names_read_the_same_from_the_table_and_from_a_copy() {
        let ner = Recognizer::default();
        let text = "Η Βόρεια Κορέα απάντησε.";
        let e = ner.extract(text).into_iter().next().expect("one entity");
        assert_eq!(e.canonical(), Some("Βόρεια Κορέα"));
        assert!(e.id().is_some());
        let copy = e.as_ref().to_entity();
        assert_eq!(copy, e);
        assert_eq!((copy.id(), copy.canonical(), copy.kind()), (e.id(), e.canonical(), e.kind()));
        // Debug shows the entity's own names, not the recognizer's whole table.
        let debug = format!("{e:?}");
        assert!(debug.contains("Βόρεια Κορέα") && debug.len() < 400, "{debug}");
    }

    /// The entities of one call share one string of texts; each reads its own part, also
    /// when it outlives the others and the caller's text.
    #[test]
    fn texts_of_one_call_are_shared_and_each_reads_its_own() {
        let ner = Recognizer::default();
        let text =
            String::from("Ο Βλαντίμιρ Πούτιν και ο Ρετζέπ Ταγίπ Ερντογάν στην Άγκυρα, είπε το ΑΠΕ-ΜΠΕ.");
        let ents = ner.extract(&text);
        assert!(ents.len() >= 3, "{ents:?}");
        for e in &ents {
            assert_eq!(e.text(), &text[e.range_byte()]);
        }
        let all: String = ents.iter().map(|e| e.text()).collect();
        assert!(std::ptr::eq(&*ents[0].shared_text.texts, &*ents[1].shared_text.texts));
        assert_eq!(&*ents[0].shared_text.texts, all);
        let expected = text[ents[1].range_byte()].to_string();
        let kept = ents.into_iter().nth(1).expect("a second entity");
        drop(text);
        assert_eq!(kept.text(), expected);
        assert!(ner.extract("χωρίς ονόματα εδώ").is_empty());
    }
}
