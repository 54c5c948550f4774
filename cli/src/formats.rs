//! The line formats of `extract`: TSV (one entity per line) and CoNLL (a token and its IOB2
//! tag per line), for spreadsheets and for other NER tools.

use std::io::Write;

use greek_ner::normalize::is_alnum;
use greek_ner::{EntityRef, Label, Span};

/// The TSV header: the JSON fields, after the document's id.
pub const TSV_HEADER: &str =
    "doc\tstart\tend\tbyte_start\tbyte_end\ttext\tlabel\tid\tcanonical\tkind\tsource\tconfidence\n";

/// A document's id for a TSV column: a JSON string id by its value, any other as written
/// (`42`, `null`), none as empty.
pub fn doc_column(id: Option<&str>) -> String {
    match id {
        Some(raw) if raw.starts_with('"') => {
            serde_json::from_str::<String>(raw).unwrap_or_else(|_| raw.into())
        }
        Some(raw) => raw.to_string(),
        None => String::new(),
    }
}

/// A field with tabs, line ends and backslashes escaped (`\t`, `\n`, `\r`, `\\`), so that a
/// row stays one line of columns.
fn field(out: &mut Vec<u8>, s: &str) {
    for c in s.chars() {
        match c {
            '\t' => out.extend_from_slice(b"\\t"),
            '\n' => out.extend_from_slice(b"\\n"),
            '\r' => out.extend_from_slice(b"\\r"),
            '\\' => out.extend_from_slice(b"\\\\"),
            c => out.extend_from_slice(c.encode_utf8(&mut [0; 4]).as_bytes()),
        }
    }
}

/// One TSV row: `doc`, then the entity's fields in JSON order (empty where unknown).
pub fn tsv_row(out: &mut Vec<u8>, doc: &str, e: &EntityRef<'_>) {
    field(out, doc);
    let _ = write!(out, "\t{}\t{}\t{}\t{}\t", e.char_span.start, e.char_span.end, e.span.start, e.span.end);
    field(out, e.text);
    let _ = write!(out, "\t{}\t", e.label);
    for s in [e.id, e.canonical, e.kind] {
        field(out, s.unwrap_or(""));
        out.push(b'\t');
    }
    field(out, &e.source.to_string());
    // As the JSON writer rounds it.
    let _ = writeln!(out, "\t{}", (e.confidence * 1000.0).round() / 1000.0);
}

/// Tokens of `line` as `(start, end)` byte ranges from `offset`: runs of letters and digits
/// (with combining marks), every other visible character alone; a run is also cut where an
/// entity starts or ends (`bounds`, ascending), so that tags follow entity spans exactly.
fn tokens(line: &str, offset: usize, bounds: &[usize], out: &mut Vec<(usize, usize)>) {
    let mut word: Option<usize> = None;
    let mut b = bounds.partition_point(|&x| x <= offset);
    for (i, c) in line.char_indices() {
        let at = offset + i;
        let cut = b < bounds.len() && bounds[b] <= at;
        while b < bounds.len() && bounds[b] <= at {
            b += 1;
        }
        let wordy = is_alnum(c) || ('\u{300}'..='\u{36F}').contains(&c);
        if let Some(start) = word {
            if !wordy || cut {
                out.push((start, at));
                word = None;
            }
        }
        if wordy {
            word.get_or_insert(at);
        } else if !c.is_whitespace() && !c.is_control() && !matches!(c, '\u{200B}'..='\u{200D}' | '\u{FEFF}')
        {
            out.push((at, at + c.len_utf8()));
        }
    }
    if let Some(start) = word {
        out.push((start, offset + line.len()));
    }
}

/// CoNLL lines for `text`: `token TAB tag` (IOB2: `B-PER`, `I-PER`, `O`...), one sentence
/// per line of the text, each followed by a blank line. `entities` are byte spans,
/// ascending and not overlapping.
pub fn conll(out: &mut Vec<u8>, text: &str, entities: &[(Span, Label)]) {
    let bounds: Vec<usize> = entities.iter().flat_map(|(s, _)| [s.start, s.end]).collect();
    let mut toks = Vec::new();
    let mut next = 0; // first entity that may hold a token
    let mut offset = 0;
    for line in text.split_inclusive('\n') {
        toks.clear();
        tokens(line, offset, &bounds, &mut toks);
        offset += line.len();
        if toks.is_empty() {
            continue;
        }
        for &(s, e) in &toks {
            while next < entities.len() && entities[next].0.end <= s {
                next += 1;
            }
            out.extend_from_slice(&text.as_bytes()[s..e]);
            match entities.get(next) {
                Some((span, label)) if span.start <= s && e <= span.end => {
                    let _ = writeln!(out, "\t{}-{label}", if span.start == s { 'B' } else { 'I' });
                }
                _ => out.extend_from_slice(b"\tO\n"),
            }
        }
        out.push(b'\n');
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn conll_tags_follow_entity_spans() {
        let ner = greek_ner::Recognizer::default();
        let mut worker = ner.worker();
        // (text, expected lines)
        let cases: &[(&str, &str)] = &[
            (
                "Ο Βλαντίμιρ Πούτιν, στη Μόσχα.\nΗ Αθήνα",
                "Ο\tO\nΒλαντίμιρ\tB-PER\nΠούτιν\tI-PER\n,\tO\nστη\tO\nΜόσχα\tB-LOC\n.\tO\n\nΗ\tO\nΑθήνα\tB-LOC\n\n",
            ),
            ("\n\n  \n", ""),
            ("Η Ευρωπαϊκή Επιτροπή.", "Η\tO\nΕυρωπαϊκή\tB-ORG\nΕπιτροπή\tI-ORG\n.\tO\n\n"),
        ];
        for (text, expected) in cases {
            let ents: Vec<_> = worker.entities(text).map(|e| (e.span, e.label)).collect();
            let mut out = Vec::new();
            conll(&mut out, text, &ents);
            assert_eq!(String::from_utf8(out).unwrap(), *expected, "{text}");
        }
    }

    #[test]
    fn tokens_are_cut_at_entity_bounds_even_inside_a_word() {
        // A made-up entity from byte 2 to 6 inside one run of letters.
        let mut toks = Vec::new();
        tokens("abcdefgh, ij", 0, &[2, 6], &mut toks);
        assert_eq!(toks, [(0, 2), (2, 6), (6, 8), (8, 9), (10, 12)]);
    }

    #[test]
    fn tsv_fields_stay_on_one_line() {
        let mut out = Vec::new();
        field(&mut out, "a\tb\nc\\d");
        assert_eq!(out, b"a\\tb\\nc\\\\d");
        assert_eq!(doc_column(Some("\"d\\u00e9\"")), "dé");
        assert_eq!(doc_column(Some("1.50")), "1.50");
        assert_eq!(doc_column(None), "");
    }
}
