//! Persons, places and organisations in Greek political news, with exact spans and
//! canonical ids.
//!
//! `greek_ner` finds named entities in Greek news text the way an experienced reader
//! does: it knows the names (gazetteers of countries, cities, parties, ministries,
//! politicians...) and recognises them however they are written — accented or in
//! capitals without accents (`Κρεμλίνο`, `ΚΡΕΜΛΙΝΟ`), declined (`Βόρειας Κορέας`,
//! `Κυριάκο Μητσοτάκη`), spelled in variants (`Πιονγιάνγκ`, `Πιονγκγιάνγκ`), hyphenated
//! or not, with Latin look-alike letters typed into Greek words. Every entity says which
//! gazetteer entry or rule produced it, and every span indexes the caller's original text.
//!
//! # The pipeline
//!
//! 1. **Gazetteer lookup** ([`Gazetteer`], module `lookup`): each line folded and cut into
//!    tokens ([`normalize`]), each token looked up once (module `vocab`), and a
//!    trie over token ids walked from the tokens that can start a name (the embedded
//!    gazetteers compiled ahead of time and read in place: module `compiled`).
//! 2. **Context rules** (module `rules`, [`Stage::Rules`]): names no gazetteer lists,
//!    found and typed by named, prioritised rules on their shape and context (a title,
//!    a verb of saying, a given name, a head noun, a preposition...).
//!    Then the user's token patterns ([`RecognizerBuilder::patterns_path`]) and veto list
//!    ([`RecognizerBuilder::veto_path`]), when given.
//! 3. **Sequence model** (module `model`, only when one is trained or loaded:
//!    [`RecognizerBuilder::train_iob2`], [`RecognizerBuilder::model_path`]): an averaged
//!    perceptron decides on the tokens around capitalised words and the earlier stages'
//!    mentions, with those mentions among its features.
//! 4. **Document pass** (module `document`): partial mentions (`Πεσκόφ`) take the
//!    entity of full ones (`Ντμίτρι Πεσκόφ`); one name keeps one label per document.
//!
//! # Example
//!
//! ```
//! use greek_ner::{Label, Recognizer};
//!
//! let ner = Recognizer::default();
//! let text = "Ο ΠΡΩΘΥΠΟΥΡΓΟΣ ΤΗΣ ΙΤΑΛΙΑΣ συναντήθηκε με την ηγεσία της Βόρειας Κορέας.";
//! let entities = ner.extract(text);
//! let korea = entities.iter().find(|e| e.text() == "Βόρειας Κορέας").unwrap();
//! assert_eq!(korea.label, Label::Loc);
//! assert_eq!(korea.canonical(), Some("Βόρεια Κορέα"));
//! // Spans index the original text, in bytes and in chars.
//! assert_eq!(&text[korea.span], "Βόρειας Κορέας");
//! assert_eq!(text.chars().skip(korea.char_span.start).take(korea.char_span.len()).collect::<String>(), "Βόρειας Κορέας");
//! ```
//!
//! [`Worker::entities`] gives the same entities borrowed ([`EntityRef`]), without any
//! allocation per entity. Own gazetteers are added with [`Recognizer::builder()`]; the TSV format is
//! described in `gazetteers/README.md`. An annotated IOB2 corpus of your own adapts the
//! recognizer to your names and conventions without training
//! ([`RecognizerBuilder::learn_iob2`], module [`learn`]); [`iob2`] reads such corpora the
//! way the project's scorer does.
//!
//! The user's data outranks the built-ins: no built-in word list or rule drops or relabels
//! a name of the user's gazetteers or an entity of the user's token patterns; built-in rules
//! can be switched off ([`RecognizerBuilder::disable_rule`]). [`Recognizer::explain`] says
//! which stages, rules and entries made each entity, and what removed every other candidate.

#![deny(missing_docs)]
#![deny(unsafe_code)]

mod blob;
mod fxhash;
mod label;
#[cfg(test)]
mod test_rng;

// The layers, lowest first, each using only those before it: `text` (folding, tokens,
// vocabulary) → `gazetteer` → `lexicon` → `stages` (lookup, rules, patterns, veto, adapt,
// model, document) → `recognizer` (with `entity`, `explain`) → `learn`. `label`, `error`
// and `blob` serve them all. (rustfmt sorts the declarations.)
mod entity;
mod error;
mod explain;
pub mod gazetteer;
pub mod iob2;
pub mod learn;
mod lexicon;
mod recognizer;
mod stages;
mod text;

pub use entity::{Entity, EntityRef};
pub use error::BuildError;
pub use explain::{Dropped, Explained, Explanation};
pub use gazetteer::{Entry, Flags, Gazetteer};
pub use label::{Label, Source};
pub use recognizer::{Entities, Recognizer, RecognizerBuilder, Stage, Worker};
pub use text::names;
pub use text::normalize;
pub use text::span::Span;

/// The README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../README.md")]
pub struct ReadmeDoctests;

/// The gazetteer README's examples, compiled and run as doctests.
#[cfg(doctest)]
#[doc = include_str!("../gazetteers/README.md")]
pub struct GazetteerReadmeDoctests;
