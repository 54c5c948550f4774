//! Stage 1 data: gazetteers, lists of known names with their label and canonical id.
//!
//! A gazetteer is read from a TSV file (format in `gazetteers/README.md`) or built in
//! code from [`Entry`] values. Entries with the same id merge (their aliases add up); an
//! id used with two labels is an error naming both lines.

pub(crate) mod inflect;
mod tsv;

use std::path::Path;
use std::sync::Arc;

use crate::blob::Writer;
use crate::blob::{Reader, Strs, U32s};
use crate::error::BuildError;
use crate::fxhash::FxHashMap;
use crate::Label;

/// Flags that change how an entry is matched.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash)]
pub struct Flags {
    /// Never inflect: match the names only as written.
    pub nodecl: bool,
    /// The name is also a common word or names several types of thing: lower priority,
    /// and the rule stage may veto it.
    pub ambiguous: bool,
    /// Match only when the text has the letter case written in the gazetteer.
    pub exact_case: bool,
    /// Match only when the text's small letters carry the accents written in the gazetteer
    /// (`Σόφια`, not the name `Σοφία`); capitals pass, so a headline in capitals finds it.
    pub exact_accent: bool,
}

impl Flags {
    /// The flags as one byte (bits 0–3, in the order above): what a model file stores and
    /// fingerprints.
    pub(crate) fn bits(self) -> u8 {
        u8::from(self.nodecl)
            | u8::from(self.ambiguous) << 1
            | u8::from(self.exact_case) << 2
            | u8::from(self.exact_accent) << 3
    }

    /// The flags of [`Flags::bits`]; `None` for a bit no flag has.
    pub(crate) fn from_bits(bits: u8) -> Option<Flags> {
        (bits < 16).then_some(Flags {
            nodecl: bits & 1 != 0,
            ambiguous: bits & 2 != 0,
            exact_case: bits & 4 != 0,
            exact_accent: bits & 8 != 0,
        })
    }
}

/// One named thing: its id, label, canonical name and every other name it goes by.
#[derive(Clone, Debug)]
pub struct Entry {
    pub(crate) id: Arc<str>,
    pub(crate) label: Label,
    pub(crate) canonical: Arc<str>,
    pub(crate) aliases: Vec<String>,
    pub(crate) kind: Option<Arc<str>>,
    pub(crate) flags: Flags,
    /// Ids of the same thing in other schemes (`kallikratis:9186` for `geonames:264371`).
    pub(crate) same_as: Vec<Arc<str>>,
    /// Line the entry was first read from (0 for entries built in code).
    pub(crate) line: u32,
}

impl Entry {
    /// An entry with a canonical id, a label and a canonical name (nominative).
    pub fn new(id: &str, label: Label, name: &str) -> Entry {
        Entry {
            id: id.into(),
            label,
            canonical: name.trim().into(),
            aliases: Vec::new(),
            kind: None,
            flags: Flags::default(),
            same_as: Vec::new(),
            line: 0,
        }
    }

    /// Adds another name (spelling variant, acronym, transliteration...).
    pub fn alias(mut self, name: &str) -> Entry {
        self.aliases.push(name.trim().to_string());
        self
    }

    /// Sets the kind (country, party, ministry...).
    pub fn kind(mut self, kind: &str) -> Entry {
        self.kind = Some(kind.into());
        self
    }

    /// Sets the matching flags.
    pub fn flags(mut self, flags: Flags) -> Entry {
        self.flags = flags;
        self
    }

    /// Adds an id of the same thing in another scheme; the canonical id stays the one
    /// reported on each entity.
    pub fn equivalent_id(mut self, id: &str) -> Entry {
        self.same_as.push(id.trim().into());
        self
    }

    /// The canonical id.
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The label.
    pub fn label(&self) -> Label {
        self.label
    }

    /// The canonical name.
    pub fn canonical(&self) -> &str {
        &self.canonical
    }

    /// The kind, if given.
    pub fn entry_kind(&self) -> Option<&str> {
        self.kind.as_deref()
    }

    /// The ids of the same thing in other schemes (the `same_as` column), canonical id
    /// not included.
    pub fn same_as(&self) -> impl Iterator<Item = &str> {
        self.same_as.iter().map(|s| &**s)
    }

    /// Every name of the entry: the canonical name first, then the aliases.
    pub fn names(&self) -> impl Iterator<Item = &str> {
        std::iter::once(&*self.canonical).chain(self.aliases.iter().map(|s| s.as_str()))
    }
}

/// A named list of entries, merged by id.
#[derive(Clone, Debug)]
pub struct Gazetteer {
    pub(crate) name: Arc<str>,
    pub(crate) entries: Vec<Entry>,
    /// Higher wins when two entries claim the same text.
    pub(crate) priority: i32,
    /// The user's data, taken as given: no built-in list or rule vetoes or relabels its
    /// names (see [`Gazetteer::context_checks`]).
    pub(crate) user: bool,
    /// Learned from the user's corpus: checked in context like the embedded gazetteers,
    /// except against the built-in list of capitalised common words (the corpus annotates
    /// the word as a name).
    pub(crate) learned: bool,
}

impl Gazetteer {
    /// An empty gazetteer called `name` (used in error messages and in each entity's `source`).
    ///
    /// Its priority is 10, above the embedded gazetteers (1 to 3): a user's list wins
    /// when both claim the same text (see [`Gazetteer::with_priority`]).
    pub fn new(name: &str) -> Gazetteer {
        Gazetteer { name: name.into(), entries: Vec::new(), priority: 10, user: true, learned: false }
    }

    /// Whether the built-in lists and rules check this gazetteer's names in their context, as
    /// they check the embedded gazetteers' (default: no).
    ///
    /// A user's gazetteer is taken as given: no built-in list or rule drops or relabels its
    /// names (a capitalised common word such as `Κυβέρνηση` that the user lists as an
    /// organisation stays one). Only a veto file ([`crate::RecognizerBuilder::veto_path`]),
    /// a longer name overlapping it, or a user pattern can remove such a name. Entries
    /// flagged `ambiguous` are always checked. Turn the checks on for a large list of
    /// names collected without care for context (a list of every surname of a register).
    pub fn context_checks(mut self, on: bool) -> Gazetteer {
        self.user = !on;
        self
    }

    /// Marks a gazetteer learned from the user's corpus: checked in context, except against the
    /// list of capitalised common words.
    pub(crate) fn learned_from_corpus(mut self) -> Gazetteer {
        self.user = false;
        self.learned = true;
        self
    }

    /// Parses gazetteer TSV text; `name` is what errors and sources call it.
    pub fn from_tsv(name: &str, text: &str) -> Result<Gazetteer, BuildError> {
        let mut g = Gazetteer::new(name);
        for e in tsv::parse(name, text)? {
            g.insert(e)?;
        }
        g.finish()?;
        Ok(g)
    }

    /// Reads a gazetteer TSV file; its file name becomes the gazetteer's name.
    pub fn from_path(path: impl AsRef<Path>) -> Result<Gazetteer, BuildError> {
        let path = path.as_ref();
        let bytes = std::fs::read(path).map_err(|e| BuildError::io(path, e))?;
        let name =
            path.file_name().map_or_else(|| path.display().to_string(), |n| n.to_string_lossy().into_owned());
        let text = String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            let line = e.as_bytes()[..at].iter().filter(|&&b| b == b'\n').count() + 1;
            BuildError::utf8(&path.display().to_string(), Some(line), at)
        })?;
        Gazetteer::from_tsv(&name, &text)
    }

    /// Sets the priority used when two gazetteers claim the same text (default 10; the
    /// embedded ones have 1 to 3; higher wins).
    pub fn with_priority(mut self, priority: i32) -> Gazetteer {
        self.priority = priority;
        self
    }

    /// Adds an entry; entries with the same id are merged when the recognizer is built.
    pub fn insert(&mut self, entry: Entry) -> Result<(), BuildError> {
        if entry.canonical.is_empty() {
            return Err(BuildError::new(&self.name, line_of(&entry), Some("name"), "empty name"));
        }
        // A name that folds to nothing (only spaces, dashes, combining marks or invisible
        // characters) could never be matched: as good as empty.
        let nothing_to_match = |name: &str| crate::text::normalize::fold(name).trim().is_empty();
        if nothing_to_match(&entry.canonical) {
            return Err(BuildError::new(
                &self.name,
                line_of(&entry),
                Some("name"),
                format!("empty name: {:?} has no letter, digit or symbol to match", &*entry.canonical),
            ));
        }
        if let Some(a) = entry.aliases.iter().find(|a| nothing_to_match(a)) {
            return Err(BuildError::new(
                &self.name,
                line_of(&entry),
                Some("aliases"),
                format!("empty alias: {a:?} has no letter, digit or symbol to match"),
            ));
        }
        let bad_id = |id: &str| id.is_empty() || id.chars().any(char::is_whitespace);
        if bad_id(&entry.id) {
            return Err(BuildError::new(
                &self.name,
                line_of(&entry),
                Some("id"),
                format!("bad id {:?}", &*entry.id),
            ));
        }
        if let Some(id) = entry.same_as.iter().find(|id| bad_id(id) || ***id == *entry.id) {
            return Err(BuildError::new(
                &self.name,
                line_of(&entry),
                Some("same_as"),
                format!("bad equivalent id {:?} (empty, with white space, or the entry's own id)", &**id),
            ));
        }
        self.entries.push(entry);
        Ok(())
    }

    /// Merges entries that share an id (they may be far apart in the file). Lines of one id
    /// with different flags stay separate entries, so that a flag such as `ambiguous` on one
    /// name does not spread to the others.
    pub(crate) fn finish(&mut self) -> Result<(), BuildError> {
        let n = self.entries.len();
        let mut first: FxHashMap<(Arc<str>, Flags), usize> =
            FxHashMap::with_capacity_and_hasher(n, Default::default());
        let mut labels: FxHashMap<Arc<str>, usize> =
            FxHashMap::with_capacity_and_hasher(n, Default::default());
        let mut out: Vec<Entry> = Vec::with_capacity(self.entries.len());
        for e in std::mem::take(&mut self.entries) {
            if let Some(&i) = labels.get(&e.id) {
                check_label(&self.name, &out[i], &e)?;
            }
            match first.get(&(e.id.clone(), e.flags)) {
                Some(&i) => merge(&mut out[i], e),
                None => {
                    first.insert((e.id.clone(), e.flags), out.len());
                    labels.entry(e.id.clone()).or_insert(out.len());
                    out.push(e);
                }
            }
        }
        self.entries = out;
        Ok(())
    }

    /// The gazetteer's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The entries, merged by id.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.entries.len()
    }

    /// True when there are no entries.
    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }
}

fn line_of(e: &Entry) -> Option<usize> {
    (e.line > 0).then_some(e.line as usize)
}

fn check_label(gazetteer: &str, first: &Entry, e: &Entry) -> Result<(), BuildError> {
    if first.label == e.label {
        return Ok(());
    }
    Err(BuildError::new(
        gazetteer,
        line_of(e),
        Some("label"),
        format!("id {} is {} here but {} at line {}", e.id, e.label, first.label, first.line),
    ))
}

fn merge(into: &mut Entry, e: Entry) {
    if *e.canonical != *into.canonical && !into.aliases.iter().any(|a| *a == *e.canonical) {
        into.aliases.push(e.canonical.to_string());
    }
    for a in e.aliases {
        if a != *into.canonical && !into.aliases.contains(&a) {
            into.aliases.push(a);
        }
    }
    if into.kind.is_none() {
        into.kind = e.kind;
    }
    for id in e.same_as {
        if !into.same_as.contains(&id) {
            into.same_as.push(id);
        }
    }
}

/// Parses the embedded gazetteers, on two threads (parsing is a third of the build).
pub(crate) fn parse_embedded() -> Result<Vec<Gazetteer>, BuildError> {
    let files = embedded();
    let parse = |part: &[(&str, &str, i32)]| {
        part.iter()
            .map(|&(name, text, priority)| {
                Ok(Gazetteer::from_tsv(name, text)?.with_priority(priority).context_checks(true))
            })
            .collect::<Result<Vec<_>, BuildError>>()
    };
    // Split by size so that both threads get about half of the text.
    let total: usize = files.iter().map(|f| f.1.len()).sum();
    let mut acc = 0;
    let cut = files.iter().position(|f| {
        acc += f.1.len();
        acc * 2 >= total
    });
    let cut = cut.map_or(files.len(), |i| i + 1);
    let (a, b) = files.split_at(cut);
    std::thread::scope(|s| {
        let second = s.spawn(|| parse(b));
        let mut out = parse(a)?;
        out.extend(second.join().expect("parsing does not panic")?);
        Ok(out)
    })
}

/// The gazetteers compiled into the crate (see `gazetteers/README.md`), as
/// (file name, contents, priority): hand-curated lists outrank generated ones.
pub(crate) fn embedded() -> Vec<(&'static str, &'static str, i32)> {
    macro_rules! g {
        ($path:literal, $priority:expr) => {
            (
                $path.rsplit('/').next().expect("file name"),
                include_str!(concat!("../../gazetteers/", $path)),
                $priority,
            )
        };
    }
    vec![
        g!("core.tsv", 3),
        g!("curated/persons_gr.tsv", 2),
        g!("curated/persons_world.tsv", 2),
        g!("curated/orgs_gr.tsv", 2),
        g!("curated/orgs_world.tsv", 2),
        g!("curated/places.tsv", 2),
        g!("curated/persons_more.tsv", 2),
        // derived from the curated persons by tools/gen_surnames.py: ranks with them
        g!("generated/surnames.tsv", 2),
        g!("curated/orgs_more.tsv", 2),
        g!("generated/countries.tsv", 1),
        g!("generated/gr_places.tsv", 1),
        g!("generated/cities.tsv", 1),
        g!("generated/politicians.tsv", 1),
        g!("generated/parties.tsv", 1),
        g!("generated/public_bodies.tsv", 1),
    ]
}

/// The entries of compiled gazetteers, flattened: the id, canonical name and kind that an
/// entity of entry `i` gives. Its strings are end to end in two lists (no string of its
/// own per entry), read in place from the precompiled default or built at run time.
#[derive(Clone, Debug, Default)]
pub(crate) struct EntryTable {
    /// The id of entry `i` is string `2i`, its canonical name string `2i + 1`.
    names: Strs,
    /// `kind[i]`: the index of entry `i`'s kind in `kinds`, or `u32::MAX` for none.
    kind: U32s,
    /// Each kind once (they are few).
    kinds: Strs,
}

impl EntryTable {
    /// The table of `entries`, in order.
    pub fn collect<'a>(entries: impl Iterator<Item = &'a Entry> + Clone) -> EntryTable {
        let names = Strs::collect(entries.clone().flat_map(|e| [&*e.id, &*e.canonical]));
        let mut by_kind: FxHashMap<&str, u32> = FxHashMap::default();
        let mut kinds = Vec::new();
        let kind: Vec<u32> = entries
            .map(|e| match e.kind.as_deref() {
                None => u32::MAX,
                Some(k) => *by_kind.entry(k).or_insert_with(|| {
                    kinds.push(k);
                    kinds.len() as u32 - 1
                }),
            })
            .collect();
        EntryTable { names, kind: U32s::from_vec(&kind), kinds: Strs::collect(kinds) }
    }

    /// Number of entries.
    pub fn len(&self) -> usize {
        self.kind.len()
    }

    /// This table and, after it, entries of `more` (id, canonical name) without a kind.
    pub fn with_more<'a>(&self, more: impl Iterator<Item = (&'a str, &'a str)> + Clone) -> EntryTable {
        let names = Strs::collect(self.names.iter().chain(more.clone().flat_map(|(id, name)| [id, name])));
        let kind: Vec<u32> = self.kind.iter().chain(more.map(|_| u32::MAX)).collect();
        EntryTable { names, kind: U32s::from_vec(&kind), kinds: self.kinds.clone() }
    }

    /// The id of entry `i`.
    pub fn id(&self, i: u32) -> &str {
        self.names.get(2 * i as usize)
    }

    /// The kind of entry `i`, if it has one.
    pub fn kind(&self, i: u32) -> Option<&str> {
        match self.kind.get(i as usize) {
            u32::MAX => None,
            k => Some(self.kinds.get(k as usize)),
        }
    }

    /// The canonical name of entry `i`.
    pub fn canonical(&self, i: u32) -> &str {
        self.names.get(2 * i as usize + 1)
    }

    /// The id, canonical name and kind of entry `i`, as an entity of it gives them.
    pub fn names(&self, i: u32) -> (Option<&str>, Option<&str>, Option<&str>) {
        (Some(self.id(i)), Some(self.canonical(i)), self.kind(i))
    }

    /// Writes the table.
    pub fn write(&self, w: &mut Writer) {
        w.strs(&self.names);
        w.u32s(&self.kind);
        w.strs(&self.kinds);
    }

    /// Reads what `EntryTable::write` wrote, checking that every index is in range.
    pub fn read(r: &mut Reader) -> Option<EntryTable> {
        let t = EntryTable { names: r.strs()?, kind: r.u32s()?, kinds: r.strs()? };
        let ok = t.names.len() == 2 * t.kind.len()
            && t.kind.iter().all(|k| k == u32::MAX || (k as usize) < t.kinds.len());
        ok.then_some(t)
    }
}

#[cfg(test)]
mod tests {
    use super::Flags;

    #[test]
    fn flags_round_trip_through_their_bits() {
        for bits in 0..=u8::MAX {
            let flags = Flags::from_bits(bits);
            assert_eq!(flags.is_some(), bits < 16, "{bits}");
            if let Some(f) = flags {
                assert_eq!(f.bits(), bits);
            }
        }
        let accent = Flags { exact_accent: true, ..Flags::default() };
        assert_eq!(accent.bits(), 8);
    }
}
