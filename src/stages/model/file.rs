//! What training learns, together: the learned gazetteers, the adaptation and the
//! sequence model, and their file (format in `crate::stages::model::io`).
//!
//! The payload holds, in order: the model's name (what its entities' `model:<name>`
//! source says), the learned gazetteers, the adaptation, the weights, and the lookup
//! compiled from all the gazetteers, base and learned (read as it is: loading compiles no
//! names; saving compiles them again, rather than keep megabytes of a copy for a rare
//! save, and checks the result against a hash of the lookup the recognizer runs). Loaded
//! with the gazetteers and stages it was trained with (the header's fingerprint), a model
//! gives exactly the entities the training recognizer gave.

use std::hash::Hasher;
use std::path::Path;

use super::io::{self, ReadError, Reader, Writer};
use super::Model;
use crate::error::BuildError;
use crate::fxhash::FxHasher;
use crate::gazetteer::Gazetteer;
use crate::stages::adapt::Adaptation;
use crate::stages::lookup::Lookup;

/// A trained model and the names it was trained with.
#[derive(Debug)]
pub(crate) struct Learned {
    pub model: Model,
    /// The gazetteers learned from the corpus, as the recognizer compiled them.
    pub gazetteers: Vec<Gazetteer>,
    /// The fingerprint of the gazetteers and stages under them.
    pub fingerprint: u64,
    /// The gazetteers under the learned ones, which the file's lookup is compiled from too.
    pub under: Under,
    /// [`blob_hash`] of the lookup the recognizer runs: saving compiles the lookup again,
    /// and a build whose compiling code differs (the fingerprint covers user gazetteers
    /// by content only) must not write a lookup other than the one the model ran with.
    pub lookup_hash: u64,
}

/// The gazetteers a model's learned gazetteers come after, in the lookup it is saved with.
#[derive(Debug, Default)]
pub(crate) struct Under {
    /// Whether the embedded gazetteers come first.
    pub defaults: bool,
    /// The caller's own.
    pub user: Vec<Gazetteer>,
}

impl Learned {
    /// The lookup of all the gazetteers, base and learned, compiled as the training
    /// recognizer compiled it (`Lookup::to_blob`).
    fn lookup_blob(&self) -> Result<(Vec<u8>, String), BuildError> {
        let mut all = if self.under.defaults { crate::gazetteer::parse_embedded()? } else { Vec::new() };
        all.extend(self.under.user.iter().cloned());
        all.extend(self.gazetteers.iter().cloned());
        Ok(Lookup::build(&all)?.to_blob())
    }
}

/// A hash of a compiled lookup's bytes (`Lookup::to_blob`).
pub(crate) fn blob_hash((blob, text): (&[u8], &str)) -> u64 {
    let mut h = FxHasher::default();
    h.write(blob);
    h.write_u8(0xff);
    h.write(text.as_bytes());
    h.finish()
}

/// A fingerprint of the gazetteers (before any learned ones) and stages a model is
/// trained on top of: its features are their hits and mentions. `defaults`: whether the
/// embedded gazetteers are among them (they count by their sources and the code that
/// compiles them, so that loading need not parse them); `user`: the caller's own.
pub(crate) fn fingerprint(defaults: bool, user: &[Gazetteer], rules: bool, document: bool) -> u64 {
    let mut h = FxHasher::default();
    h.write_u8(u8::from(rules) | u8::from(document) << 1 | u8::from(defaults) << 2);
    if defaults {
        h.write_u64(crate::stages::compiled::inputs_fingerprint());
    }
    for g in user {
        h.write(g.name.as_bytes());
        h.write_u8(0xff);
        h.write_u32(g.priority as u32);
        // The loaded lookup keeps these flags as trained (`Gazetteer::context_checks`).
        h.write_u8(u8::from(g.user) | u8::from(g.learned) << 1);
        for e in &g.entries {
            for s in [&*e.id, &*e.canonical, e.kind.as_deref().unwrap_or("")] {
                h.write(s.as_bytes());
                h.write_u8(0xff);
            }
            for a in &e.aliases {
                h.write(a.as_bytes());
                h.write_u8(0xfe);
            }
            for id in &e.same_as {
                h.write(id.as_bytes());
                h.write_u8(0xfd);
            }
            h.write_u8(e.label as u8);
            h.write_u8(e.flags.bits());
        }
    }
    h.finish()
}

/// The model file's bytes; `file` names it in errors.
pub(crate) fn to_bytes(file: &str, learned: &Learned, adapt: &Adaptation) -> Result<Vec<u8>, BuildError> {
    let lookup = learned.lookup_blob()?;
    if blob_hash((&lookup.0, &lookup.1)) != learned.lookup_hash {
        let msg = "compiling the gazetteers again gives another lookup than the model runs with \
                   (a build other than the one that trained or loaded it): train again to save";
        return Err(BuildError::new(file, None, Some("lookup"), msg));
    }
    let mut w = Writer::default();
    w.str(&learned.model.name);
    w.len(learned.gazetteers.len());
    for g in &learned.gazetteers {
        io::write_gazetteer(&mut w, g);
    }
    super::codec::write(&mut w, adapt);
    io::write_weights(&mut w, &learned.model.weights);
    w.bytes(&lookup.0);
    w.str(&lookup.1);
    let mut file = io::header(learned.fingerprint, &w.bytes);
    file.extend_from_slice(&w.bytes);
    Ok(file)
}

/// Writes the model file.
pub(crate) fn save(path: &Path, learned: &Learned, adapt: &Adaptation) -> Result<(), BuildError> {
    std::fs::write(path, to_bytes(&path.display().to_string(), learned, adapt)?)
        .map_err(|e| BuildError::io(path, e))
}

/// Reads a model file's bytes, and the lookup it holds; `file` names it in errors, `under`
/// are the gazetteers it was trained on top of (those `fingerprint` counts).
pub(crate) fn from_bytes(
    file: &str,
    bytes: &[u8],
    fingerprint: u64,
    under: Under,
) -> Result<(Learned, Adaptation, Lookup), BuildError> {
    let err = |(field, msg): ReadError| BuildError::new(file, None, Some(field), msg);
    let payload = io::payload(bytes, fingerprint).map_err(err)?;
    let mut r = Reader::new(payload);
    #[allow(clippy::type_complexity)]
    let read = |r: &mut Reader<'_>| -> Result<(Model, Vec<Gazetteer>, Adaptation, Lookup, u64), ReadError> {
        r.field = "name";
        let name = r.str()?.into();
        r.field = "gazetteers";
        // A gazetteer takes at least 4 + 4 + 4 bytes (name length, priority, entry count).
        let n = r.len(12)?;
        let gazetteers = (0..n).map(|_| io::read_gazetteer(r)).collect::<Result<Vec<_>, _>>()?;
        let adapt = super::codec::read(r)?;
        let weights = io::read_weights(r)?;
        r.field = "lookup";
        let (blob, text) = (r.bytes()?, r.str()?);
        let lookup = Lookup::from_blob(blob, text).ok_or_else(|| r.invalid("not a compiled lookup"))?;
        if !r.done() {
            return Err(r.invalid("bytes after the lookup"));
        }
        Ok((Model::new(name, weights), gazetteers, adapt, lookup, blob_hash((blob, text))))
    };
    let (model, gazetteers, adapt, lookup, lookup_hash) = read(&mut r).map_err(err)?;
    Ok((Learned { model, gazetteers, fingerprint, under, lookup_hash }, adapt, lookup))
}

/// Reads a model file.
pub(crate) fn load(
    path: &Path,
    fingerprint: u64,
    under: Under,
) -> Result<(Learned, Adaptation, Lookup), BuildError> {
    let bytes = std::fs::read(path).map_err(|e| BuildError::io(path, e))?;
    from_bytes(&path.display().to_string(), &bytes, fingerprint, under)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::gazetteer::Entry;
    use crate::stages::model::Weights;
    use crate::Label;

    fn learned() -> (Learned, Adaptation) {
        let mut g = Gazetteer::new("learned:x.iob2");
        g.insert(Entry::new("learned:LOC:a", Label::Loc, "Άλφα").alias("Αλφα").kind("place")).unwrap();
        // As learning leaves its gazetteers (and reading a file gives them back).
        let g = g.learned_from_corpus();
        let mut weights = Weights::zero(3);
        weights.table[5] = 0.5;
        let model = Model::new("x.iob2".into(), weights);
        let mut adapt = Adaptation::default();
        adapt.given.insert("γιαννης".into());
        adapt.verdicts.insert(("αλφα".into(), false), Some(Label::Per));
        let mut l =
            Learned { model, gazetteers: vec![g], fingerprint: 7, under: Under::default(), lookup_hash: 0 };
        let blob = l.lookup_blob().unwrap();
        l.lookup_hash = blob_hash((&blob.0, &blob.1));
        (l, adapt)
    }

    #[test]
    fn round_trip_and_every_cut_payload_fails() {
        let (l, a) = learned();
        let bytes = to_bytes("f", &l, &a).unwrap();
        let (back, adapt, lookup) = from_bytes("f", &bytes, 7, Under::default()).unwrap();
        assert_eq!(to_bytes("f", &back, &adapt).unwrap(), bytes);
        assert_eq!(lookup.to_blob(), l.lookup_blob().unwrap());
        // Payloads cut anywhere, under a header that vouches for them: errors, no panic.
        let payload = &bytes[io::HEADER..];
        for cut in 0..payload.len() {
            let mut file = io::header(7, &payload[..cut]);
            file.extend_from_slice(&payload[..cut]);
            let e = from_bytes("f", &file, 7, Under::default()).map(|_| ()).expect_err("cut payload");
            assert_eq!(e.file(), "f");
        }
    }

    /// Saving a model whose lookup hash is not that of the lookup compiled again (a build
    /// whose compiling code changed since the model was trained or loaded) fails, loaded
    /// or trained.
    #[test]
    fn saving_a_lookup_other_than_the_one_run_fails() {
        let (mut l, a) = learned();
        let bytes = to_bytes("f", &l, &a).unwrap();
        let (mut back, adapt, _) = from_bytes("f", &bytes, 7, Under::default()).unwrap();
        assert_eq!(back.lookup_hash, l.lookup_hash);
        for hash in [&mut l.lookup_hash, &mut back.lookup_hash] {
            *hash ^= 1;
        }
        for learned in [&l, &back] {
            let e = to_bytes("f", learned, &adapt).expect_err("tampered lookup hash");
            assert_eq!(e.field(), Some("lookup"));
            assert!(e.to_string().contains("another lookup"), "{e}");
        }
    }

    /// A lookup section with any byte changed, under a header that vouches for it, loads
    /// (a change the checks cannot tell from a real lookup) or fails on the lookup: never a
    /// panic.
    #[test]
    fn changed_lookups_fail_cleanly() {
        let (l, a) = learned();
        let bytes = to_bytes("f", &l, &a).unwrap();
        let payload = &bytes[io::HEADER..];
        let lookup = l.lookup_blob().unwrap();
        let section = lookup.0.len() + 4 + lookup.1.len() + 4;
        let mut failed = 0;
        for at in payload.len() - section..payload.len() {
            for flip in [0x01, 0x80, 0xFF] {
                let mut changed = payload.to_vec();
                changed[at] ^= flip;
                let mut file = io::header(7, &changed);
                file.extend_from_slice(&changed);
                if let Err(e) = from_bytes("f", &file, 7, Under::default()) {
                    assert_eq!(e.file(), "f");
                    failed += 1;
                }
            }
        }
        assert!(failed > section, "{failed} of {} changes failed", 3 * section);
    }
}
