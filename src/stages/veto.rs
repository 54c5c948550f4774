//! The user's veto list: names never to tag, for every label or for one (see
//! [`crate::RecognizerBuilder::veto_path`]). It is the user's data, so it has the last word:
//! it removes a matching mention whatever made it, a gazetteer, a rule, a pattern or the
//! document pass.
//!
//! The file is UTF-8 text, one name per line, optionally a tab and a label (`PER`, `LOC`,
//! `ORG`) to veto the name with that label only; blank lines and lines starting with `#`
//! are skipped. Names are compared folded (accents, case, final sigma ignored), as a whole
//! mention: `Μαξίμου` vetoes `ΜΑΞΙΜΟΥ` but not `Μέγαρο Μαξίμου`.

use std::path::Path;

use crate::error::BuildError;
use crate::fxhash::FxHashMap;
use crate::stages::mention::Mention;
use crate::text::normalize::{fold, fold_push};
use crate::Label;

/// The compiled veto list.
#[derive(Clone, Debug, Default)]
pub(crate) struct Vetoes {
    /// Folded name → per label (`Label::ALL` order), the `file:line` that vetoes it there.
    names: FxHashMap<Box<str>, [Option<Box<str>>; 3]>,
}

fn slot(label: Label) -> usize {
    match label {
        Label::Per => 0,
        Label::Loc => 1,
        Label::Org => 2,
    }
}

impl Vetoes {
    /// Reads the veto file at `path`.
    pub fn read(path: &Path) -> Result<Vetoes, BuildError> {
        let file = path.display().to_string();
        let bytes = std::fs::read(path).map_err(|e| BuildError::io(path, e))?;
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            BuildError::utf8(&file, Some(line), at)
        })?;
        let mut v = Vetoes::default();
        v.parse(&file, &text)?;
        Ok(v)
    }

    /// Adds the names of veto text `text`; `file` is what errors and explanations call it.
    pub fn parse(&mut self, file: &str, text: &str) -> Result<(), BuildError> {
        for (i, line) in text.lines().enumerate() {
            let n = i + 1;
            let line = line.trim_end_matches('\r');
            if line.trim().is_empty() || line.trim_start().starts_with('#') {
                continue;
            }
            let mut fields = line.split('\t');
            let name = fields.next().unwrap_or("").trim();
            let label = fields.next().map(str::trim).filter(|l| !l.is_empty());
            if fields.next().is_some_and(|f| !f.trim().is_empty()) {
                return Err(BuildError::new(file, Some(n), None, "more than two fields (name, label)"));
            }
            let folded = fold(name);
            if folded.trim().is_empty() {
                return Err(BuildError::new(file, Some(n), Some("name"), "empty name"));
            }
            let labels: Vec<Label> = match label {
                None => Label::ALL.to_vec(),
                Some(l @ ("PER" | "LOC" | "ORG")) => vec![l.parse().expect("a label")],
                Some(other) => {
                    return Err(BuildError::new(
                        file,
                        Some(n),
                        Some("label"),
                        format!("`{other}` is not PER, LOC or ORG"),
                    ))
                }
            };
            let at: Box<str> = format!("{file}:{n}").into();
            let e = self.names.entry(folded.trim().into()).or_default();
            for l in labels {
                e[slot(l)].get_or_insert_with(|| at.clone());
            }
        }
        Ok(())
    }

    /// Adds the names of `more`; a name vetoed in both keeps the first place that vetoes it.
    pub fn extend(&mut self, more: Vetoes) {
        for (name, labels) in more.names {
            let e = self.names.entry(name).or_default();
            for (slot, at) in e.iter_mut().zip(labels) {
                if slot.is_none() {
                    *slot = at;
                }
            }
        }
    }

    /// Removes from `mentions[first..]` every mention whose folded text and label the list
    /// vetoes; `why`, if given, gets each removed span and `veto:<file>:<line>`.
    pub fn apply(
        &self,
        text: &str,
        mentions: &mut Vec<Mention>,
        first: usize,
        buf: &mut String,
        mut why: Option<&mut Vec<(usize, usize, String)>>,
    ) {
        if self.names.is_empty() {
            return;
        }
        let mut drop = vec![false; mentions.len() - first];
        for (k, m) in mentions[first..].iter().enumerate() {
            buf.clear();
            fold_push(&text[m.start..m.end], buf);
            if let Some(at) = self.names.get(buf.trim()).and_then(|e| e[slot(m.label)].as_ref()) {
                drop[k] = true;
                if let Some(why) = why.as_deref_mut() {
                    why.push((m.start, m.end, format!("veto:{at}")));
                }
            }
        }
        if drop.contains(&true) {
            crate::stages::mention::retain_from(mentions, first, |i| !drop[i]);
        }
    }
}
