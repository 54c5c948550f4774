//! The span invariants every fuzz target asserts on the entities it gets back.

use greek_ner::Entity;

/// Every entity is a non-empty, exact slice of `text` on char boundaries, with a char span
/// that agrees with its byte span; entities are sorted and disjoint.
pub fn spans(text: &str, ents: &[Entity]) {
    let mut last_end = 0;
    let mut last_char_end = 0;
    for e in ents {
        assert!(e.span.start < e.span.end, "empty entity {e:?}");
        assert!(e.span.end <= text.len(), "span past the end {e:?}");
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end), "{e:?}");
        assert_eq!(&text[e.span], e.text());
        assert!(e.span.start >= last_end, "overlapping or unsorted: {ents:?}");
        assert!(e.char_span.start >= last_char_end, "char spans unsorted: {ents:?}");
        assert_eq!(text[..e.span.start].chars().count(), e.char_span.start, "{e:?}");
        assert_eq!(e.text().chars().count(), e.char_span.len(), "{e:?}");
        assert!((0.0..=1.0).contains(&e.confidence), "{e:?}");
        last_end = e.span.end;
        last_char_end = e.char_span.end;
    }
}
