//! `--explain` output: entities with their `"explain"` trails and the `"dropped"` spans, in
//! the layout of [`crate::json`]. A module of its own, so that its serialisation code is
//! compiled apart from the entities' hot path (sharing a unit with it changed how that path
//! was inlined: 16% more instructions to write pretty entities).

use std::io::{self, Write};

use crate::json::write_pretty_value;
use greek_ner::Span;

/// An entity of [`greek_ner::Recognizer::explain`] with its trail: the entity's fields in
/// their order, then `"explain"`.
#[derive(serde::Serialize)]
pub struct ExplainedEntity<'a> {
    #[serde(flatten)]
    entity: &'a greek_ner::Entity,
    explain: &'a [String],
}

/// An explanation of a block that starts `byte_offset` bytes and `char_offset` chars into
/// the whole text, with its spans made to index the whole text.
pub fn shift_explanation(x: &mut greek_ner::Explanation, byte_offset: usize, char_offset: usize) {
    let shift = |s: Span, by: usize| Span::new(s.start + by, s.end + by);
    for e in &mut x.entities {
        e.entity.span = shift(e.entity.span, byte_offset);
        e.entity.char_span = shift(e.entity.char_span, char_offset);
    }
    for d in &mut x.dropped {
        d.span = shift(d.span, byte_offset);
        d.char_span = shift(d.char_span, char_offset);
    }
}

/// Writes an explanation (`--explain`) as the fields `"entities":[…],"dropped":[…]` of a
/// record, pretty (nested in a document, as `serde_json::to_writer_pretty` nests it) or
/// compact.
pub fn write_explanation(
    out: &mut impl Write,
    entities: &[greek_ner::Explained],
    dropped: &[greek_ner::Dropped],
    pretty: bool,
) -> io::Result<()> {
    let list = entities.iter().map(|e| ExplainedEntity { entity: &e.entity, explain: &e.trail });
    let (open, sep, close) = if pretty { ("\n    ", ",\n    ", "\n  ") } else { ("", ",", "") };
    out.write_all(if pretty { b"\"entities\": [" } else { b"\"entities\":[" })?;
    for (i, e) in list.enumerate() {
        out.write_all(if i == 0 { open } else { sep }.as_bytes())?;
        if pretty {
            write_pretty_value(out, &e, 4)?;
        } else {
            serde_json::to_writer(&mut *out, &e)?;
        }
    }
    if !entities.is_empty() {
        out.write_all(close.as_bytes())?;
    }
    out.write_all(if pretty { b"],\n  \"dropped\": [" } else { b"],\"dropped\":[" })?;
    for (i, d) in dropped.iter().enumerate() {
        out.write_all(if i == 0 { open } else { sep }.as_bytes())?;
        if pretty {
            write_pretty_value(out, d, 4)?;
        } else {
            serde_json::to_writer(&mut *out, d)?;
        }
    }
    if !dropped.is_empty() {
        out.write_all(close.as_bytes())?;
    }
    out.write_all(b"]")
}

#[cfg(test)]
mod tests {
    use greek_ner::Recognizer;

    use super::*;

    /// An explanation reads the same pretty and compact, each entity's fields in the
    /// contract's order with `explain` last, and its spans shifted as asked.
    #[test]
    fn explanations_pretty_and_compact_agree() {
        let ner = Recognizer::default();
        let text = "Ο Βλαντίμιρ Πούτιν μίλησε στη Μόσχα με την Ευρωπαϊκή Επιτροπή.";
        let mut x = ner.explain(text);
        shift_explanation(&mut x, 10, 4);
        let mut values = Vec::new();
        for pretty in [false, true] {
            let mut out = b"{".to_vec();
            write_explanation(&mut out, &x.entities, &x.dropped, pretty).unwrap();
            out.push(b'}');
            let s = String::from_utf8(out).unwrap();
            let first = s.find("\"start\"").unwrap();
            assert!(
                s[first..].find("\"confidence\"").unwrap() < s[first..].find("\"explain\"").unwrap(),
                "{s}"
            );
            values.push(serde_json::from_str::<serde_json::Value>(&s).unwrap());
        }
        assert_eq!(values[0], values[1]);
        let moscow = values[0]["entities"].as_array().unwrap().iter().find(|e| e["text"] == "Μόσχα").unwrap();
        assert_eq!(moscow["start"], text[..text.find("Μόσχα").unwrap()].chars().count() + 4);
        assert_eq!(moscow["explain"][0], moscow["source"]);
        assert!(values[0]["dropped"].is_array());
    }
}
