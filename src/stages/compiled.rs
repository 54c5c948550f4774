//! The embedded gazetteers and lexicon, compiled ahead of time and read in place.
//!
//! Compiling the default gazetteers (parsing 22,000 names, making their case forms, folding
//! them into token ids, building the trie) and the lexicon (the case forms of its nouns) was
//! nearly all of a process's start-up. It is done once, by the test below, into
//! `compiled/default.bin` (numbers) and `compiled/default.txt` (the strings, one a line:
//! lexicon words, entry ids and names, tokens), with `Lexicon::write` and
//! `Lookup::write`; the crate embeds both. The default recognizer reads its lookup from
//! them in place ([`Lookup::read`]), every recognizer its lexicon ([`Lexicon::read`]), and
//! only what a caller adds (own gazetteers, learned names) is compiled at run time.
//!
//! The blob begins with a fingerprint of everything it is made from: the embedded gazetteer
//! files, the lexicon's lists and the source of the code that compiles them. When they change
//! and the blob is not regenerated, the fingerprints differ, the blob is not used (everything
//! is built at run time: slower to start, same results), and `compiled_default_is_fresh`
//! fails with the one command that regenerates it:
//!
//! ```text
//! GREEK_NER_REGENERATE=1 cargo test --lib compiled_default_is_fresh
//! ```

use std::sync::LazyLock;

#[cfg(test)]
use crate::blob::Writer;
use crate::blob::{Fingerprint, Reader};
#[cfg(test)]
use crate::error::BuildError;
use crate::gazetteer;
use crate::lexicon::Lexicon;
use crate::stages::lookup::Lookup;

/// What the blob begins with (the format's version is in it).
const MAGIC: &[u8] = b"greek-ner compiled default 1\n";

/// The compiled default (see the module doc).
static BLOB: &[u8] = include_bytes!("../../compiled/default.bin");
static TEXT: &str = include_str!("../../compiled/default.txt");

/// The source files whose code decides what the blob holds: parsing and merging entries,
/// case forms, folding, tokens, letter-case rules, the lexicon, the lookup's tables and
/// their format.
const SOURCES: [&[u8]; 13] = [
    include_bytes!("../label.rs"),
    include_bytes!("../blob.rs"),
    include_bytes!("../gazetteer/mod.rs"),
    include_bytes!("../gazetteer/tsv.rs"),
    include_bytes!("../gazetteer/inflect.rs"),
    include_bytes!("../text/normalize/mod.rs"),
    include_bytes!("../text/normalize/fold_table.rs"),
    include_bytes!("../text/case.rs"),
    include_bytes!("../text/tokens.rs"),
    include_bytes!("../lexicon/mod.rs"),
    include_bytes!("lookup.rs"),
    include_bytes!("trie.rs"),
    include_bytes!("compiled.rs"),
];

/// The fingerprint of the blob's inputs as this build of the crate has them.
fn fingerprint() -> u64 {
    let mut f = Fingerprint::new().bytes(MAGIC);
    for (name, text, priority) in gazetteer::embedded() {
        f = f.bytes(name.as_bytes()).bytes(text.as_bytes()).bytes(&priority.to_le_bytes());
    }
    f = Lexicon::sources().fold(f, |f, s| f.bytes(s.as_bytes()));
    SOURCES.iter().fold(f, |f, s| f.bytes(s)).value()
}

/// The fingerprint of the embedded gazetteers, the lexicon and the code that compiles them
/// (computed once per process): what a model file trained on the embedded gazetteers
/// records of them.
pub(crate) fn inputs_fingerprint() -> u64 {
    static INPUTS: LazyLock<u64> = LazyLock::new(fingerprint);
    *INPUTS
}

/// Whether the embedded blob was made from the inputs at hand (asked once per process).
static FRESH: LazyLock<bool> = LazyLock::new(|| fresh(BLOB, TEXT));

fn fresh(blob: &'static [u8], text: &'static str) -> bool {
    Reader::new(blob, text, MAGIC).and_then(|mut r| r.u64()) == Some(inputs_fingerprint())
}

/// The compiled lexicon, if the embedded blob is fresh.
pub(crate) fn lexicon() -> Option<Lexicon> {
    if !*FRESH {
        return None;
    }
    read(BLOB, TEXT).map(|(lexicon, _)| lexicon)
}

/// The compiled lookup of the default gazetteers, if the embedded blob is fresh.
pub(crate) fn lookup() -> Option<Lookup> {
    if !*FRESH {
        return None;
    }
    read(BLOB, TEXT).and_then(|(_, r)| {
        let mut r = r?;
        let lookup = Lookup::read(&mut r)?;
        r.is_done().then_some(lookup)
    })
}

/// The lexicon in `blob` and `text`, and a reader at the lookup after it (the fingerprint
/// is not checked here).
fn read(blob: &'static [u8], text: &'static str) -> Option<(Lexicon, Option<Reader<'static>>)> {
    let mut r = Reader::new(blob, text, MAGIC)?;
    r.u64()?;
    let lexicon = Lexicon::read(&mut r)?;
    Some((lexicon, Some(r)))
}

/// The blob and text of the default gazetteers and lexicon, compiled now.
#[cfg(test)]
fn generate() -> Result<(Vec<u8>, String), BuildError> {
    let lookup = Lookup::build(&gazetteer::parse_embedded()?)?;
    let mut w = Writer::new(MAGIC);
    w.u64(fingerprint());
    Lexicon::build().write(&mut w);
    lookup.write(&mut w);
    Ok(w.finish())
}

#[cfg(test)]
mod tests {
    use super::*;

    const REGENERATE: &str = "GREEK_NER_REGENERATE=1 cargo test --lib compiled_default_is_fresh";

    fn leak(b: Vec<u8>) -> &'static [u8] {
        Box::leak(b.into_boxed_slice())
    }

    fn leak_str(s: String) -> &'static str {
        Box::leak(s.into_boxed_str())
    }

    /// The whole lookup in a blob, if it is fresh.
    fn lookup_of(blob: &'static [u8], text: &'static str) -> Option<Lookup> {
        if !fresh(blob, text) {
            return None;
        }
        let mut r = read(blob, text)?.1?;
        let lookup = Lookup::read(&mut r)?;
        r.is_done().then_some(lookup)
    }

    /// The embedded blob is what compiling the defaults gives now, byte for byte; with
    /// `GREEK_NER_REGENERATE` set, it is rewritten instead.
    #[test]
    fn compiled_default_is_fresh() {
        let (blob, text) = generate().expect("the embedded gazetteers are valid");
        if std::env::var_os("GREEK_NER_REGENERATE").is_some() {
            let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/compiled/");
            std::fs::write(format!("{dir}default.bin"), &blob).expect("compiled/default.bin is writable");
            std::fs::write(format!("{dir}default.txt"), &text).expect("compiled/default.txt is writable");
            eprintln!("wrote {dir}default.bin and .txt ({} and {} bytes)", blob.len(), text.len());
            return;
        }
        assert!(
            blob == BLOB && text == TEXT,
            "compiled/default.bin is stale (the gazetteers, the lexicon or the code that compiles \
             them changed): everything is built at run time until it is regenerated with \
             `{REGENERATE}`"
        );
    }

    /// The default recognizer and the lexicon are read from the blob rather than built at
    /// run time.
    #[test]
    fn compiled_default_is_used() {
        let hint = format!("compiled/default.bin is not used: regenerate it with `{REGENERATE}`");
        assert!(*FRESH && lookup().is_some() && lexicon().is_some(), "{hint}");
        assert!(crate::Recognizer::default().is_precompiled(), "{hint}");
        assert!(crate::Recognizer::builder().build().expect("builds").is_precompiled(), "{hint}");
        // Anything beyond the defaults is built at run time.
        let own = crate::Gazetteer::new("own");
        assert!(!crate::Recognizer::builder().gazetteer(own).build().expect("builds").is_precompiled());
    }

    /// What the blob gives is what it was written from: read and written again, the same
    /// bytes; the lexicon classifies every word as the one built from the lists does.
    #[test]
    fn compiled_default_reads_back_whole() {
        let (blob, text) = generate().expect("compiles");
        let (blob, text) = (leak(blob), leak_str(text));
        let (lexicon, r) = read(blob, text).expect("a lexicon");
        let mut r = r.expect("a reader");
        let lookup = Lookup::read(&mut r).expect("a whole lookup");
        assert!(r.is_done());
        let mut w = Writer::new(MAGIC);
        w.u64(fingerprint());
        lexicon.write(&mut w);
        lookup.write(&mut w);
        assert!(w.finish() == (blob.to_vec(), text.to_string()), "written again, the blob gives other bytes");
        let built = Lexicon::build();
        assert_eq!(lexicon.len(), built.len());
        for w in ["ο", "πρόεδρος", "προέδρου", "είπε", "υπουργείο", "αθήνα", "κ", "zzz", ""]
        {
            let f = crate::text::normalize::fold(w);
            assert_eq!(lexicon.classes(&f), built.classes(&f), "{w}");
        }
    }

    /// The compiled default finds what the same gazetteers compiled at run time find (an
    /// empty gazetteer of one's own forces the run-time build), on sentences of our own.
    #[test]
    fn compiled_default_finds_what_the_run_time_build_finds() {
        let compiled = crate::Recognizer::builder().build().expect("builds");
        let run_time =
            crate::Recognizer::builder().gazetteer(crate::Gazetteer::new("empty")).build().expect("builds");
        assert!(
            compiled.is_precompiled(),
            "compiled/default.bin is not used: regenerate it with `{REGENERATE}`"
        );
        assert!(!run_time.is_precompiled());
        for text in [
            "Ο πρωθυπουργός Κυριάκος Μητσοτάκης συναντήθηκε στην Αθήνα με τον Εμανουέλ Μακρόν.",
            "Η ΝΕΑ ΔΗΜΟΚΡΑΤΙΑ ΚΑΙ ο ΣΥΡΙΖΑ ΣΥΖΗΤΟΥΝ ΓΙΑ ΤΗΝ ΕΥΡΩΠΑΪΚΗ ΕΠΙΤΡΟΠΗ",
            "Η Βόρεια Κορέα εκτόξευσε πύραυλο, ανακοίνωσε το Πεντάγωνο· η Πιονγκγιάνγκ σιωπά.",
            "Ο δήμαρχος Θεσσαλονίκης μίλησε στο Reuters για τον ΟΗΕ και το ΝΑΤΟ.",
            "Στη Λευκορωσία και στη Ρωσία, ο Πούτιν και ο Λουκασένκο.\nΤο Κρεμλίνο δεν σχολίασε.",
        ] {
            let (a, b) = (compiled.extract(text), run_time.extract(text));
            assert_eq!(format!("{a:?}"), format!("{b:?}"), "in {text:?}");
            assert!(!a.is_empty(), "nothing found in {text:?}");
        }
    }

    /// A blob made from other inputs, cut short or damaged is not used.
    #[test]
    fn compiled_default_other_or_damaged_is_not_used() {
        let (blob, text) = generate().expect("compiles");
        let text = leak_str(text);
        assert!(lookup_of(leak(blob.clone()), text).is_some());
        let mut other = blob.clone();
        other[MAGIC.len() + 4] ^= 1; // the fingerprint's first byte
        assert!(lookup_of(leak(other), text).is_none());
        for cut in [0, MAGIC.len(), blob.len() / 3, blob.len() - 1] {
            assert!(lookup_of(leak(blob[..cut].to_vec()), text).is_none(), "cut at {cut}");
        }
        let mut longer = blob.clone();
        longer.push(0);
        assert!(lookup_of(leak(longer), text).is_none());
        assert!(lookup_of(leak(blob.clone()), &text[..text.len() - 1]).is_none());
    }
}
