//! What an annotation is and who made it: the [`Label`] of an entity and its [`Source`].
//! Every layer uses them, so they sit below all of them.

use std::fmt;
use std::str::FromStr;
use std::sync::Arc;

/// The type of an entity.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Label {
    /// A person.
    Per,
    /// A place: country, city, region, geographic feature.
    Loc,
    /// An organisation: party, ministry, agency, company, medium, club...
    Org,
}

impl Label {
    /// The label as the output contract writes it: `PER`, `LOC` or `ORG`.
    pub fn as_str(&self) -> &'static str {
        match self {
            Label::Per => "PER",
            Label::Loc => "LOC",
            Label::Org => "ORG",
        }
    }

    /// All labels, in output order.
    pub const ALL: [Label; 3] = [Label::Per, Label::Loc, Label::Org];
}

impl fmt::Display for Label {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Parses `PER`, `LOC`, `ORG` and the corpus spellings `PERSON` and `GPE`.
impl FromStr for Label {
    type Err = ();

    fn from_str(s: &str) -> Result<Label, ()> {
        match s {
            "PER" | "PERSON" => Ok(Label::Per),
            "LOC" | "GPE" => Ok(Label::Loc),
            "ORG" => Ok(Label::Org),
            _ => Err(()),
        }
    }
}

impl serde::Serialize for Label {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.as_str())
    }
}

/// Which gazetteer entry or rule produced an entity.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Source {
    /// A gazetteer entry: the gazetteer's name and the line the entry was read from.
    Gazetteer {
        /// Name of the gazetteer (its file name for files).
        gazetteer: Arc<str>,
        /// 1-based line of the entry (0 for entries built in code).
        line: u32,
    },
    /// A context rule, by name.
    Rule(&'static str),
    /// The document-level pass tied this mention to an earlier one; `how` names the pass rule.
    Document(&'static str),
    /// The trained sequence model, by the name of its file (or training corpus).
    Model(Arc<str>),
    /// A user token pattern, by name (see `RecognizerBuilder::patterns_path`).
    Pattern(Arc<str>),
}

/// `gazetteer:<name>:<line>`, `rule:<name>`, `document:<name>`, `model:<file>` or
/// `pattern:<name>`.
impl fmt::Display for Source {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Gazetteer { gazetteer, line } => write!(f, "gazetteer:{gazetteer}:{line}"),
            Source::Rule(name) => write!(f, "rule:{name}"),
            Source::Document(name) => write!(f, "document:{name}"),
            Source::Model(file) => write!(f, "model:{file}"),
            Source::Pattern(name) => write!(f, "pattern:{name}"),
        }
    }
}

impl serde::Serialize for Source {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
