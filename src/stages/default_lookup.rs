//! The lookup of the embedded gazetteers, compiled ahead of time and read in place.
//!
//! Compiling the default gazetteers (parsing 22,000 names, making their case forms, folding
//! them into token ids, building the trie) was nearly all of a process's start-up. It is
//! done once, by the test below, into `gazetteers/compiled.bin` (numbers) and
//! `gazetteers/compiled.txt` (the strings, one a line: ids, names, tokens) with
//! [`Lookup::write`]; the crate embeds both, and the default recognizer reads them in place
//! ([`Lookup::read`]) and builds at run time only what a caller adds (own gazetteers,
//! learned names).
//!
//! The blob begins with a fingerprint of everything it is made from: the embedded gazetteer
//! files and the source of the code that compiles them. When they change and the blob is not
//! regenerated, the fingerprints differ, the blob is not used (the recognizer is built at
//! run time: slower to start, same results), and `compiled_default_is_fresh` fails with the
//! one command that regenerates it:
//!
//! ```text
//! GREEK_NER_REGENERATE=1 cargo test --lib compiled_default_is_fresh
//! ```

#[cfg(test)]
use crate::blob::Writer;
use crate::blob::{Fingerprint, Reader};
#[cfg(test)]
use crate::error::BuildError;
use crate::gazetteer;
use crate::stages::lookup::Lookup;

/// What the blob begins with (the format's version is in it).
const MAGIC: &[u8] = b"greek-ner compiled lookup 1\n";

/// The compiled default gazetteers (see the module doc).
static COMPILED: &[u8] = include_bytes!("../../gazetteers/compiled.bin");
static COMPILED_TEXT: &str = include_str!("../../gazetteers/compiled.txt");

/// The source files whose code decides what the blob holds: parsing and merging entries,
/// case forms, folding, tokens, letter-case rules, the lookup's tables and their format.
const SOURCES: [&[u8]; 12] = [
    include_bytes!("../label.rs"),
    include_bytes!("../blob.rs"),
    include_bytes!("../gazetteer/mod.rs"),
    include_bytes!("../gazetteer/tsv.rs"),
    include_bytes!("../gazetteer/inflect.rs"),
    include_bytes!("../text/normalize/mod.rs"),
    include_bytes!("../text/normalize/fold_table.rs"),
    include_bytes!("../text/case.rs"),
    include_bytes!("../text/tokens.rs"),
    include_bytes!("lookup.rs"),
    include_bytes!("trie.rs"),
    include_bytes!("default_lookup.rs"),
];

/// The fingerprint of the blob's inputs as this build of the crate has them.
fn fingerprint() -> u64 {
    let mut f = Fingerprint::new().bytes(MAGIC);
    for (name, text, priority) in gazetteer::embedded() {
        f = f.bytes(name.as_bytes()).bytes(text.as_bytes()).bytes(&priority.to_le_bytes());
    }
    SOURCES.iter().fold(f, |f, s| f.bytes(s)).value()
}

/// The compiled lookup of the default gazetteers, if the embedded blob is fresh.
pub(crate) fn load() -> Option<Lookup> {
    read(COMPILED, COMPILED_TEXT)
}

/// The lookup in `blob` and `text`, if they are whole and made from the inputs at hand.
fn read(blob: &'static [u8], text: &'static str) -> Option<Lookup> {
    let mut r = Reader::new(blob, text, MAGIC)?;
    if r.u64()? != fingerprint() {
        return None;
    }
    let lookup = Lookup::read(&mut r)?;
    r.is_done().then_some(lookup)
}

/// The blob and text of the default gazetteers, compiled now.
#[cfg(test)]
fn generate() -> Result<(Vec<u8>, String), BuildError> {
    let lookup = Lookup::build(&gazetteer::parse_embedded()?)?;
    let mut w = Writer::new(MAGIC);
    w.u64(fingerprint());
    lookup.write(&mut w);
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGENERATE: &str = "GREEK_NER_REGENERATE=1 cargo test --lib compiled_default_is_fresh";

    /// The embedded blob is what compiling the default gazetteers gives now, byte for byte;
    /// with `GREEK_NER_REGENERATE` set, it is rewritten instead.
    #[test]
    fn compiled_default_is_fresh() {
        let (blob, text) = generate().expect("the embedded gazetteers are valid");
        if std::env::var_os("GREEK_NER_REGENERATE").is_some() {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/gazetteers/");
            std::fs::write(format!("{dir}compiled.bin"), &blob).expect("gazetteers/compiled.bin is writable");
            std::fs::write(format!("{dir}compiled.txt"), &text).expect("gazetteers/compiled.txt is writable");
            eprintln!("wrote {dir}compiled.bin and .txt ({} and {} bytes)", blob.len(), text.len());
            return;
        }
        assert!(
            blob == COMPILED && text == COMPILED_TEXT,
            "gazetteers/compiled.bin is stale (the gazetteers or the code that compiles them \
             changed): the default recognizer is built at run time until it is regenerated \
             with `{REGENERATE}`"
        );
    }

    /// The default recognizer reads the blob rather than falling back to a run-time build.
    #[test]
    fn compiled_default_is_used() {
        assert!(load().is_some(), "gazetteers/compiled.bin is not used: regenerate it with `{REGENERATE}`");
        assert!(
            crate::Recognizer::default().is_precompiled(),
            "the default recognizer was built at run time"
        );
        assert!(crate::Recognizer::builder().build().expect("builds").is_precompiled());
    }

    /// What the blob gives is the lookup it was written from: read and written again, the
    /// same bytes.
    #[test]
    fn compiled_default_reads_back_whole() {
        let (blob, text) = generate().expect("compiles");
        let blob: &'static [u8] = Box::leak(blob.into_boxed_slice());
        let text: &'static str = Box::leak(text.into_boxed_str());
        let mut r = Reader::new(blob, text, MAGIC).expect("magic");
        r.u64().expect("fingerprint");
        let lookup = Lookup::read(&mut r).expect("a whole lookup");
        assert!(r.is_done());
        let mut w = Writer::new(MAGIC);
        w.u64(fingerprint());
        lookup.write(&mut w);
        assert!(
            w.finish() == (blob.to_vec(), text.to_string()),
            "written again, the lookup gives other bytes"
        );
    }

    /// A blob made from other inputs, cut short or damaged is not used.
    #[test]
    fn compiled_default_other_or_damaged_is_not_used() {
        let (blob, text) = generate().expect("compiles");
        let leak = |b: Vec<u8>| -> &'static [u8] { Box::leak(b.into_boxed_slice()) };
        let text: &'static str = Box::leak(text.into_boxed_str());
        assert!(read(leak(blob.clone()), text).is_some());
        let mut other = blob.clone();
        other[MAGIC.len() + 4] ^= 1; // the fingerprint's first byte
        assert!(read(leak(other), text).is_none());
        for cut in [0, MAGIC.len(), blob.len() / 3, blob.len() - 1] {
            assert!(read(leak(blob[..cut].to_vec()), text).is_none(), "cut at {cut}");
        }
        let mut longer = blob.clone();
        longer.push(0);
        assert!(read(leak(longer), text).is_none());
        assert!(read(leak(blob.clone()), &text[..text.len() - 1]).is_none());
    }
}
