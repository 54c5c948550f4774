//! The gazetteer TSV format: `id  label  name  aliases  kind  flags [same_as]`, `#` comments.

use super::{Entry, Flags};
use crate::error::BuildError;
use crate::Label;

/// The header every gazetteer file starts with (after comments); the seventh column,
/// `same_as`, is optional, so files written before it still load.
pub(crate) const HEADER: [&str; 7] = ["id", "label", "name", "aliases", "kind", "flags", "same_as"];
/// Columns of a header without `same_as`.
const REQUIRED_COLUMNS: usize = 6;

pub(crate) fn parse(file: &str, text: &str) -> Result<Vec<Entry>, BuildError> {
    let mut out = Vec::new();
    // Columns of the file's header (6 or 7); 0 until the header is read.
    let mut columns = 0;
    for (n, raw) in text.split('\n').enumerate() {
        let line_no = n + 1;
        let line = raw.strip_suffix('\r').unwrap_or(raw);
        let line = if n == 0 { line.strip_prefix('\u{FEFF}').unwrap_or(line) } else { line };
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        let fields: Vec<&str> = line.split('\t').collect();
        if columns == 0 {
            let n = fields.len();
            if !(REQUIRED_COLUMNS..=HEADER.len()).contains(&n)
                || fields.iter().map(|f| f.trim()).ne(HEADER[..n].iter().copied())
            {
                return Err(BuildError::new(
                    file,
                    Some(line_no),
                    None,
                    format!(
                        "expected the header `{}` (the last column optional), found {:?}",
                        HEADER.join("\\t"),
                        line
                    ),
                ));
            }
            columns = n;
            continue;
        }
        if fields.len() < 3 || fields.len() > columns {
            return Err(BuildError::new(
                file,
                Some(line_no),
                None,
                format!("expected 3 to {columns} tab-separated fields, found {}", fields.len()),
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
                format!("unknown flag {f:?} (nodecl, ambiguous, exact_case, exact_accent)"),
            )
        })?;
        for id in field(6).split('|').map(str::trim) {
            if id.is_empty() && field(6).is_empty() {
                break;
            }
            if id.is_empty() || id.chars().any(char::is_whitespace) || id == e.id() {
                return Err(BuildError::new(
                    file,
                    Some(line_no),
                    Some("same_as"),
                    format!("bad equivalent id {id:?} in {:?} (empty, or the entry's own id)", field(6)),
                ));
            }
            e.same_as.push(id.into());
        }
        out.push(e);
    }
    if columns == 0 && !text.trim().is_empty() {
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
            "exact_accent" => f.exact_accent = true,
            other => return Err(other.to_string()),
        }
    }
    Ok(f)
}
