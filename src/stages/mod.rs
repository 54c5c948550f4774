//! The stages of the pipeline, in the order the recognizer runs them over each line:
//!
//! 1. [`lookup`]: gazetteer names, on token boundaries, with overlaps resolved;
//! 2. [`rules`]: names no list holds, found and typed by named rules; in gazetteer-only
//!    mode, its veto-only part drops listed names that are likely part of longer ones;
//!    then the user's token [`patterns`] and the user's [`veto`] list, when there are any
//!    (the user's data has the last word: see [`mention::Mention::user`]);
//! 3. the adaptation learned from a corpus (module `learn`), when there is one;
//! 4. [`model`]: a trained sequence model, when there is one, decides on the tokens
//!    around capitalised words and the earlier stages' mentions;
//! 5. [`document`]: partial mentions linked to full ones, one label per name.
//!
//! Each stage reads the folded line and its tokens' classes (module `text`), and adds to
//! or changes the line's [`mention::Mention`]s.

pub(crate) mod adapt;
pub(crate) mod compiled;
pub(crate) mod document;
pub(crate) mod lookup;
pub(crate) mod mention;
pub(crate) mod model;
pub(crate) mod patterns;
pub(crate) mod rules;
pub(crate) mod trie;
pub(crate) mod veto;
