//! Reading JSONL input lines: `{"id":…,"text":"…"}`, ids echoed exactly as written.

use std::collections::BTreeMap;
use std::io::{self, Write};

use serde_json::value::RawValue;

/// Why a JSONL line got no entities, with its id when the line is JSON enough to have one.
pub(crate) struct BadLine {
    /// The id as written (compacted), when known.
    pub id: Option<String>,
    /// What is wrong with the line.
    pub error: String,
}

impl BadLine {
    pub(crate) fn new(id: Option<String>, error: impl Into<String>) -> BadLine {
        BadLine { id, error: error.into() }
    }
}

/// A JSON value exactly as the input wrote it, minus white space between tokens (so that a
/// record stays on one line whatever the input's spacing): ids are echoed byte for byte,
/// `12345678901234567890` and `1.50` included.
fn compact_json(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let (mut in_string, mut escaped) = (false, false);
    for c in raw.chars() {
        if in_string {
            out.push(c);
            if escaped {
                escaped = false;
            } else if c == '\\' {
                escaped = true;
            } else if c == '"' {
                in_string = false;
            }
        } else if !matches!(c, ' ' | '\t' | '\n' | '\r') {
            in_string = c == '"';
            out.push(c);
        }
    }
    out
}

/// The top-level fields of a JSON object line, each value as written.
type Fields<'a> = BTreeMap<String, &'a RawValue>;

/// The id of a line that is a JSON object, as written.
fn id_of(fields: &Fields) -> Option<String> {
    fields.get("id").map(|v| compact_json(v.get()))
}

/// Parses one JSONL line (without its line end) into its id (as written) and text.
pub(crate) fn parse_line(raw: &[u8]) -> Result<(Option<String>, String), BadLine> {
    let s = match std::str::from_utf8(raw) {
        Ok(s) => s,
        Err(e) => {
            // The id is still worth echoing when the bad bytes are elsewhere (in the text).
            let lossy = String::from_utf8_lossy(raw);
            let id = serde_json::from_str::<Fields>(&lossy)
                .ok()
                .and_then(|f| id_of(&f))
                .filter(|id| !id.contains('\u{FFFD}'));
            return Err(BadLine::new(id, format!("not valid UTF-8 at byte {}", e.valid_up_to())));
        }
    };
    if s.trim().is_empty() {
        return Err(BadLine::new(None, "empty line (expected a JSON object with a string \"text\")"));
    }
    let value: &RawValue =
        serde_json::from_str(s).map_err(|e| BadLine::new(None, format!("not JSON: {e}")))?;
    if !value.get().starts_with('{') {
        return Err(BadLine::new(None, "not a JSON object (expected {\"id\":…,\"text\":\"…\"})"));
    }
    let fields: Fields = serde_json::from_str(s).map_err(|e| BadLine::new(None, format!("not JSON: {e}")))?;
    let id = id_of(&fields);
    let Some(text) = fields.get("text") else {
        return Err(BadLine::new(id, "no \"text\" field"));
    };
    match serde_json::from_str::<String>(text.get()) {
        Ok(text) => Ok((id, text)),
        Err(e) if text.get().starts_with('"') => {
            Err(BadLine::new(id, format!("\"text\" is not a valid string: {e}")))
        }
        Err(_) => Err(BadLine::new(id, "\"text\" is not a string")),
    }
}

/// The output record of a bad line: `{"line":N,"id":…,"error":"…"}`.
pub(crate) fn write_error(out: &mut impl Write, line: u64, bad: &BadLine) -> io::Result<()> {
    write!(out, "{{\"line\":{line},")?;
    if let Some(id) = &bad.id {
        write!(out, "\"id\":{id},")?;
    }
    out.write_all(b"\"error\":")?;
    serde_json::to_writer(&mut *out, &bad.error)?;
    out.write_all(b"}\n")
}
