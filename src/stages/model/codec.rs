//! The [`Adaptation`] in a model file (see `crate::stages::model::io`): every table is
//! written in sorted order, so the same corpus gives the same bytes.

use std::hash::BuildHasher;
use std::sync::Arc;

use super::io::{ReadError, Reader, Writer};
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::stages::adapt::{Adaptation, ContextLabels, LowerStarts};
use crate::Label;

fn sorted<K: Ord + Clone, V: Clone, S: BuildHasher>(map: &std::collections::HashMap<K, V, S>) -> Vec<(K, V)> {
    let mut v: Vec<(K, V)> = map.iter().map(|(k, v)| (k.clone(), v.clone())).collect();
    v.sort_by(|a, b| a.0.cmp(&b.0));
    v
}

fn write_set(w: &mut Writer, set: &FxHashSet<String>) {
    let mut v: Vec<&String> = set.iter().collect();
    v.sort();
    w.len(v.len());
    for s in v {
        w.str(s);
    }
}

fn read_set(r: &mut Reader<'_>) -> Result<FxHashSet<String>, ReadError> {
    (0..r.len(4)?).map(|_| r.str().map(str::to_string)).collect()
}

fn write_counts<const N: usize>(w: &mut Writer, c: &[u32; N]) {
    for &x in c {
        w.u32(x);
    }
}

fn read_counts<const N: usize>(r: &mut Reader<'_>) -> Result<[u32; N], ReadError> {
    let mut c = [0; N];
    for x in &mut c {
        *x = r.u32()?;
    }
    Ok(c)
}

/// Writes `a`.
pub(crate) fn write(w: &mut Writer, a: &Adaptation) {
    write_set(w, &a.given);
    w.bool(a.initials);
    for &m in &a.merge_adjacent {
        w.bool(m);
    }
    w.bool(a.extend_org);
    let verdicts = sorted(&a.verdicts);
    w.len(verdicts.len());
    for ((text, caps), label) in verdicts {
        w.str(&text);
        w.bool(caps);
        match label {
            None => w.u8(0),
            Some(l) => w.u8(1 + l as u8),
        }
    }
    let mut distrusted: Vec<&(String, Label)> = a.distrusted.iter().collect();
    distrusted.sort();
    w.len(distrusted.len());
    for (source, label) in distrusted {
        w.str(source);
        w.label(*label);
    }
    let words = sorted(&a.lower.words);
    w.len(words.len());
    for (word, c) in words {
        w.str(&word);
        write_counts(w, &c);
    }
    write_counts(w, &a.lower.total);
    write_set(w, &a.lower.connectors);
    match &a.context {
        None => w.u8(0),
        Some(c) => {
            w.u8(1);
            let names = sorted(&c.names);
            w.len(names.len());
            for ((name, caps), n) in names {
                w.str(&name);
                w.bool(caps);
                write_counts(w, &n);
            }
            let words = sorted(&c.words);
            w.len(words.len());
            for (word, n) in words {
                w.str(&word);
                write_counts(w, &n);
            }
            write_counts(w, &c.per_label);
            w.f64(c.weight);
        }
    }
}

/// Reads what [`write`] wrote.
pub(crate) fn read(r: &mut Reader<'_>) -> Result<Adaptation, ReadError> {
    r.field = "adaptation";
    let given = read_set(r)?;
    let initials = r.bool()?;
    let merge_adjacent = [r.bool()?, r.bool()?, r.bool()?];
    let extend_org = r.bool()?;
    let mut verdicts = FxHashMap::default();
    for _ in 0..r.len(6)? {
        let text = r.str()?.to_string();
        let caps = r.bool()?;
        let label = match r.u8()? {
            0 => None,
            1 => Some(Label::Per),
            2 => Some(Label::Loc),
            3 => Some(Label::Org),
            b => return Err(r.invalid(format!("verdict {b}"))),
        };
        verdicts.insert((text, caps), label);
    }
    let mut distrusted = FxHashSet::default();
    for _ in 0..r.len(5)? {
        let source = r.str()?.to_string();
        distrusted.insert((source, r.label()?));
    }
    let mut words = FxHashMap::default();
    for _ in 0..r.len(12)? {
        let word = r.str()?.to_string();
        words.insert(word, read_counts(r)?);
    }
    let total = read_counts(r)?;
    let connectors = read_set(r)?;
    let context = match r.u8()? {
        0 => None,
        1 => {
            let mut names = FxHashMap::default();
            for _ in 0..r.len(17)? {
                let name = r.str()?.to_string();
                let caps = r.bool()?;
                names.insert((name, caps), read_counts(r)?);
            }
            let mut words = FxHashMap::default();
            for _ in 0..r.len(16)? {
                let word = r.str()?.to_string();
                words.insert(word, read_counts(r)?);
            }
            let per_label = read_counts(r)?;
            let weight = r.f64()?;
            Some(Arc::new(ContextLabels { names, words, per_label, weight }))
        }
        b => return Err(r.invalid(format!("context flag {b}"))),
    };
    Ok(Adaptation {
        given,
        initials,
        merge_adjacent,
        extend_org,
        verdicts,
        distrusted,
        lower: LowerStarts { words, total, connectors },
        context,
    })
}
