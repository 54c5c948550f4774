//! Spans: half-open ranges of offsets into the caller's original text.

use std::ops::{Index, Range};

/// A half-open range `start..end` of offsets into a text.
///
/// An [`crate::Entity`] carries two: one in bytes (to slice the `&str`) and one in
/// Unicode scalar values (what JSON consumers and Python `str` indices use).
/// A byte span indexes the text directly: `&text[entity.span]`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, serde::Serialize)]
pub struct Span {
    /// Inclusive start offset.
    pub start: usize,
    /// Exclusive end offset.
    pub end: usize,
}

impl Span {
    /// A span from `start` to `end`.
    pub fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    /// The span as a `Range`.
    pub fn range(&self) -> Range<usize> {
        self.start..self.end
    }

    /// Length of the span (in its own unit).
    pub fn len(&self) -> usize {
        self.end - self.start
    }

    /// True when the span is empty.
    pub fn is_empty(&self) -> bool {
        self.start >= self.end
    }

    /// True when the two spans share at least one offset.
    pub fn overlaps(&self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }
}

impl From<Range<usize>> for Span {
    fn from(r: Range<usize>) -> Span {
        Span::new(r.start, r.end)
    }
}

/// `&text[span]` for a byte span.
impl Index<Span> for str {
    type Output = str;

    fn index(&self, span: Span) -> &str {
        &self[span.range()]
    }
}
