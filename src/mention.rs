//! The working representation shared by the stages: a labelled byte span of the original
//! text with its provenance. The recognizer turns the final mentions into [`crate::Entity`] values.

use crate::{Label, Source};

/// A candidate entity while the pipeline runs.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Mention {
    /// Byte offsets into the whole original text.
    pub start: usize,
    pub end: usize,
    pub label: Label,
    /// Index into the lookup's entries, when a gazetteer entry (or a link to one) backs it.
    pub entry: Option<u32>,
    /// Canonical name when no entry backs the mention (e.g. the full name a partial mention links to).
    pub canonical: Option<std::sync::Arc<str>>,
    pub source: Source,
    pub confidence: f32,
    /// Higher wins in conflicts (gazetteer priority, or the rule's priority).
    pub priority: i32,
}
