//! The gazetteer TSV format: `id  label  name  aliases  kind  flags`, `#` comments.

use super::{Entry, Flags};
use crate::error::BuildError;
use crate::Label;

/// The header every gazetteer file starts with (after comments).
pub(crate) const HEADER: [&str; 6] = ["id", "label", "name", "aliases", "kind", "flags"];

pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<Entry>, BuildError> {
    let mut out = Vec::new();
    let mut seen_header = false;
    for (n, raw) in text.split('\n').enumerate() {
        let line_no = n + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let line = if n == 0 { line.strip_prefix('\u{FEFF}').unwrap_or(line) } else { line };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if !seen_header {
            if fields.iter().map(|f| f.trim()).ne(HEADER.iter().copied()) {
                return Err(BuildError::new(
                    file,
                    Some(line_no),
                    None,
                    format!("expected the header `{}`, found {:?}", HEADER.join("\\t"), line),
                ));
            }
            seen_header = true;
            continue;
        }
        if fields.len() < 3 || fields.len() > HEADER.len() {
            return Err(BuildError::new(
                file,
                Some(line_no),
                None,
                format!("expected 3 to {} tab-separated fields, found {}", HEADER.len(), fields.len()),
            ));
        }
        let field = |i: usize| fields.get(i).map_or("", |f| f.trim());
        let id = field(0);
        if id.is_empty() || id.chars().any(char::is_whitespace) {
            return Err(BuildError::new(file, Some(line_no), Some("id"), format!("bad id {id:?}")));
        }
        let label: Label = field(1).parse().map_err(|_| {
            BuildError::new(
                file,
                Some(line_no),
                Some("label"),
                format!("unknown label {:?} (PER, LOC or ORG)", field(1)),
            )
        })?;
        let name = field(2);
        if name.is_empty() {
            return Err(BuildError::new(file, Some(line_no), Some("name"), "empty name"));
        }
        let mut e = Entry::new(id, label, name);
        e.line = line_no as u32;
        for a in field(3).split('|').map(str::trim).filter(|a| !a.is_empty()) {
            e.aliases.push(a.to_string());
        }
        if !field(4).is_empty() {
            e.kind = Some(field(4).into());
        }
        e.flags = parse_flags(field(5)).map_err(|f| {
            BuildError::new(
                file,
                Some(line_no),
                Some("flags"),
                format!("unknown flag {f:?} (nodecl, ambiguous, exact_case)"),
            )
        })?;
        out.push(e);
    }
    if !seen_header && !text.trim().is_empty() {
        return Err(BuildError::new(file, None, None, "no header line"));
    }
    Ok(out)
}

fn parse_flags(s: &str) -> Result<Flags, String> {
    let mut f = Flags::default();
    for flag in s.split(',').map(str::trim).filter(|f| !f.is_empty()) {
        match flag {
            "nodecl" => f.nodecl = true,
            "ambiguous" => f.ambiguous = true,
            "exact_case" => f.exact_case = true,
            other => return Err(other.to_string()),
        }
    }
    Ok(f)
}
