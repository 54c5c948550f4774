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

/// Keeps `mentions[first + i]` where `keep(i)`, in order, and the mentions before `first`
/// untouched: one line's mentions are filtered at a cost of that line's length, not the
/// document's (`Vec::retain` would walk every mention of the document again, each line).
pub(crate) fn retain_from(mentions: &mut Vec<Mention>, first: usize, keep: impl Fn(usize) -> bool) {
    let mut w = first;
    for r in first..mentions.len() {
        if keep(r - first) {
            mentions.swap(w, r);
            w += 1;
        }
    }
    mentions.truncate(w);
}
