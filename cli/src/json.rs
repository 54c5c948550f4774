//! The one JSON serialisation of entities, for every output mode.
//!
//! Entities are written through the library's own `Serialize` impl of
//! [`EntityRef`](greek_ner::EntityRef), never through a `serde_json::Value` (which would
//! sort the keys and widen `0.95f32` to `0.949999988079071`): keys in the documented order
//! `start, end, byte_start, byte_end, text, label, id, canonical, kind, source, confidence`,
//! confidences as short decimals.

use std::io::{self, Write};

use greek_ner::{EntityRef, Span};

/// An entity of a block that starts `byte_offset` bytes and `char_offset` chars into the
/// whole text, with its spans made to index the whole text.
pub fn shifted(mut e: EntityRef<'_>, byte_offset: usize, char_offset: usize) -> EntityRef<'_> {
    e.span = Span::new(e.span.start + byte_offset, e.span.end + byte_offset);
    e.char_span = Span::new(e.char_span.start + char_offset, e.char_span.end + char_offset);
    e
}

/// One entity, compact: `{"start":…,…}`.
pub fn write_compact(out: &mut impl Write, e: &EntityRef<'_>) -> io::Result<()> {
    serde_json::to_writer(out, e).map_err(io::Error::from)
}

/// One entity, pretty-printed (two-space indent) and indented by `indent` spaces, as
/// `serde_json::to_writer_pretty` nests it.
pub fn write_pretty(out: &mut impl Write, e: &EntityRef<'_>, indent: usize) -> io::Result<()> {
    write_pretty_value(out, e, indent)
}

/// Any record, pretty-printed and indented by `indent` spaces (see [`write_pretty`]).
pub fn write_pretty_value(out: &mut impl Write, e: &impl serde::Serialize, indent: usize) -> io::Result<()> {
    let mut buf = Vec::with_capacity(256);
    serde_json::to_writer_pretty(&mut buf, e)?;
    let pad = " ".repeat(indent);
    // Strings are escaped, so every raw line end in `buf` is the formatter's.
    for (i, line) in buf.split(|&b| b == b'\n').enumerate() {
        if i > 0 {
            out.write_all(b"\n")?;
            out.write_all(pad.as_bytes())?;
        }
        out.write_all(line)?;
    }
    Ok(())
}

/// A list of entities being written, one at a time: the separators and the layout of one
/// array, pretty (nested as `serde_json::to_writer_pretty` nests it in `{"entities":[…]}`)
/// or compact.
pub struct EntityList {
    pretty: bool,
    count: usize,
}

impl EntityList {
    /// An empty list.
    pub fn new(pretty: bool) -> EntityList {
        EntityList { pretty, count: 0 }
    }

    /// Appends one entity.
    pub fn push(&mut self, out: &mut impl Write, e: &EntityRef<'_>) -> io::Result<()> {
        if self.count > 0 {
            out.write_all(b",")?;
        }
        self.count += 1;
        if self.pretty {
            out.write_all(b"\n    ")?;
            write_pretty(out, e, 4)
        } else {
            write_compact(out, e)
        }
    }

    /// Entities written so far.
    pub fn len(&self) -> usize {
        self.count
    }

    /// Whether none was written.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }
}

/// Writes the document `{"entities":[…]}` in parts, each part a list of entities that an
/// [`EntityList`] wrote (in parallel, say), so that a text of any size streams out.
pub struct DocumentWriter {
    pretty: bool,
    count: usize,
}

impl DocumentWriter {
    /// Starts the document.
    pub fn begin(out: &mut impl Write, pretty: bool) -> io::Result<DocumentWriter> {
        out.write_all(if pretty { b"{\n  \"entities\": [" } else { b"{\"entities\":[" })?;
        Ok(DocumentWriter { pretty, count: 0 })
    }

    /// Appends `part`, the bytes of a list of `n` entities written with this layout.
    pub fn append(&mut self, out: &mut impl Write, part: &[u8], n: usize) -> io::Result<()> {
        if n > 0 {
            if self.count > 0 {
                out.write_all(b",")?;
            }
            out.write_all(part)?;
            self.count += n;
        }
        Ok(())
    }

    /// Ends the document (and its line).
    pub fn end(self, out: &mut impl Write) -> io::Result<()> {
        match (self.pretty, self.count) {
            (true, 0) => out.write_all(b"]\n}\n"),
            (true, _) => out.write_all(b"\n  ]\n}\n"),
            (false, _) => out.write_all(b"]}\n"),
        }
    }

    /// Entities written so far.
    pub fn count(&self) -> usize {
        self.count
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use greek_ner::Recognizer;

    use super::*;

    /// The streamed document is byte for byte what `serde_json` prints for the whole one,
    /// pretty or compact.
    #[test]
    fn streamed_documents_match_serde_json() {
        let text = "Ο Βλαντίμιρ Πούτιν μίλησε στη Μόσχα με την Ευρωπαϊκή Επιτροπή.";
        let ner = Recognizer::default();
        let mut worker = ner.worker();
        for n in [0, 1, 3] {
            let all: Vec<_> = worker.entities(text).take(n).collect();
            assert_eq!(all.len(), n);
            let whole = BTreeMap::from([("entities", &all)]);
            for pretty in [true, false] {
                // In two parts, as blocks of a streamed text come.
                let mut out = Vec::new();
                let mut w = DocumentWriter::begin(&mut out, pretty).unwrap();
                for part in [&all[..n / 2], &all[n / 2..]] {
                    let (mut buf, mut list) = (Vec::new(), EntityList::new(pretty));
                    for e in part {
                        list.push(&mut buf, e).unwrap();
                    }
                    w.append(&mut out, &buf, list.len()).unwrap();
                }
                w.end(&mut out).unwrap();
                let mut expected =
                    if pretty { serde_json::to_vec_pretty(&whole) } else { serde_json::to_vec(&whole) }
                        .unwrap();
                expected.push(b'\n');
                assert_eq!(String::from_utf8(out).unwrap(), String::from_utf8(expected).unwrap());
            }
        }
    }

    #[test]
    fn keys_in_documented_order_and_short_confidences() {
        let ner = Recognizer::default();
        let mut worker = ner.worker();
        let text = "Η Αθήνα.";
        let e = worker.entities(text).next().expect("Αθήνα");
        for pretty in [false, true] {
            let mut out = Vec::new();
            if pretty {
                write_pretty(&mut out, &e, 0).unwrap();
            } else {
                write_compact(&mut out, &e).unwrap();
            }
            let s = String::from_utf8(out).unwrap();
            let order = ["\"start\"", "\"end\"", "\"byte_start\"", "\"byte_end\"", "\"text\"", "\"label\""];
            let at: Vec<usize> =
                order.iter().map(|k| s.find(k).unwrap_or_else(|| panic!("{k} in {s}"))).collect();
            assert!(at.windows(2).all(|w| w[0] < w[1]), "{s}");
            let conf = s.split("\"confidence\":").nth(1).unwrap().trim_start();
            let digits = conf.trim_end_matches(['}', '\n', ' ']).len();
            assert!(digits <= 5, "confidence written long: {s}");
        }
    }
}
