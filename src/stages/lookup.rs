//! Stage 1, gazetteer lookup: every known name in the text, as exact spans.
//!
//! All names of all entries, with their generated case forms, are folded (see
//! [`crate::text::normalize`]) and cut into *tokens*: runs of letters and digits, and single
//! punctuation characters (`Ν.Δ.` is `ν . δ .`). Every distinct token gets a small integer
//! id, and every name becomes the string of its token ids. One trie is built over these
//! id strings ([`crate::stages::trie`]). The text is folded and cut into tokens the same
//! way, and the vocabulary ([`crate::text::vocab`]) gives each token its id (or none); from
//! every token that can start a name, the trie is walked token by token (anchored: a walk
//! never falls back), and every name that ends on the way is a candidate, the longest first.
//!
//! Matching token ids rather than letters is what keeps the trie small: a name of two
//! words is two steps instead of twenty, and a walk touches a few states. The default
//! gazetteers are compiled ahead of time and read in place (see
//! [`crate::stages::compiled`] and `Lookup::write`). It also makes word boundaries exact by
//! construction (no `Ρωσία` inside `Λευκορωσία`). A walk starts only where it can succeed:
//! on a token that begins some name, and, when that token is written in lower case, only if
//! some name may begin with a small letter (most need a capital: see `START_LOWER`); a token
//! that begins only one-word names needs no step past it. Every hit is kept only if
//!
//! 1. it starts on a token that begins some name;
//! 2. the original text has the letter case the name needs: a capital first letter for
//!    ordinary names, all capitals for acronyms (`ΚΚΕ`, `NATO`), the exact case for
//!    entries flagged `exact_case`;
//! 3. for entries flagged `ambiguous`, it is not the first word of a sentence (where
//!    any word is capitalised).
//!
//! Overlapping hits are resolved by the documented policy: the longest span wins, then
//! the earliest, then the best entry (see [`Lookup::best_hit`]).

use std::sync::{Arc, OnceLock};

use crate::blob::Writer;
use crate::blob::{Reader, Strs, U32s};
use crate::error::BuildError;
use crate::fxhash::{FxHashMap, FxHashSet};
use crate::gazetteer::{inflect, EntryTable, Flags, Gazetteer};
use crate::lexicon::ADJECTIVE_ENDINGS;
use crate::stages::mention::{resolve_overlaps, Mention};
use crate::stages::trie::{Trie, NONE};
use crate::text::case::{case_accepts, case_rule_of, words, CaseRule};
use crate::text::normalize::{fold, shape, FoldedLine};
use crate::text::tokens::{folded_tokens, is_sentence_start};
use crate::text::vocab::{Word, NO_TOKEN};
use crate::{Label, Source};
use std::collections::hash_map::Entry;

/// A pattern's claim on an entry.
#[derive(Clone, Copy, Debug)]
struct Hit {
    entry: u32,
    case: CaseRule,
    /// A generated case form rather than a name as written.
    inflected: bool,
    /// The entry is flagged `ambiguous`.
    ambiguous: bool,
    /// The entry's label, gazetteer (index into [`Lookup::gazetteers`]) and line: copied
    /// here so that a match reads one hit and no entry.
    label: Label,
    gazetteer: u32,
    line: u32,
}

impl Hit {
    /// Four numbers: entry, line, flags (case rule, inflected, ambiguous, label,
    /// gazetteer) and the case rule's value.
    fn encode(&self) -> [u32; 4] {
        let (rule, value) = match self.case {
            CaseRule::Any => (0, 0),
            CaseRule::Initial(mask) => (1, mask),
            CaseRule::AllCaps => (2, 0),
            CaseRule::Exact(i) => (3, i),
        };
        let label = match self.label {
            Label::Per => 0,
            Label::Loc => 1,
            Label::Org => 2,
        };
        let flags = rule | (self.inflected as u32) << 2 | (self.ambiguous as u32) << 3 | label << 4;
        assert!(self.gazetteer < 1 << 24, "fewer than 16M gazetteers");
        [self.entry, self.line, flags | self.gazetteer << 8, value]
    }

    /// The hit [`Hit::encode`] gave (see [`Hits::valid`] for codes it did not give).
    fn decode(code: [u32; 4]) -> Hit {
        let [entry, line, flags, value] = code;
        let case = match flags & 3 {
            0 => CaseRule::Any,
            1 => CaseRule::Initial(value),
            2 => CaseRule::AllCaps,
            _ => CaseRule::Exact(value),
        };
        let label = match flags >> 4 & 15 {
            0 => Label::Per,
            1 => Label::Loc,
            _ => Label::Org,
        };
        let (inflected, ambiguous) = (flags & 4 != 0, flags & 8 != 0);
        Hit { entry, case, inflected, ambiguous, label, gazetteer: flags >> 8, line }
    }
}

/// A table of hits, four numbers each ([`Hit::encode`]): read in place, decoded on access.
#[derive(Clone, Debug, Default)]
struct Hits(U32s);

impl Hits {
    fn len(&self) -> usize {
        self.0.len() / 4
    }

    #[inline]
    fn get(&self, i: usize) -> Hit {
        let t = &self.0;
        Hit::decode([t.get(4 * i), t.get(4 * i + 1), t.get(4 * i + 2), t.get(4 * i + 3)])
    }

    /// Whether every hit is one [`Hit::encode`] gives, of an entry, gazetteer and
    /// `exact_case` rule that exist.
    fn valid(&self, entries: usize, gazetteers: usize, exact: usize) -> bool {
        self.0.rows().all(|[entry, _, flags, value]| {
            (entry as usize) < entries
                && ((flags >> 8) as usize) < gazetteers
                && (flags >> 4 & 15) <= 2
                && (flags & 3 != 3 || (value as usize) < exact)
        })
    }
}

/// A pattern's hits while building: nearly always one, so the first is kept inline.
#[derive(Clone, Debug)]
struct HitList {
    first: Hit,
    more: Vec<Hit>,
}

impl HitList {
    fn iter(&self) -> impl Iterator<Item = &Hit> {
        std::iter::once(&self.first).chain(self.more.iter())
    }

    fn add(&mut self, hit: Hit) {
        let same = |h: &Hit| h.entry == hit.entry && h.case == hit.case && h.inflected == hit.inflected;
        if !self.iter().any(same) {
            self.more.push(hit);
        }
    }
}

/// What a blob of [`Lookup::to_blob`] begins with.
const BLOB_MAGIC: &[u8] = b"greek-ner lookup 1\n";

/// See [`Lookup::starts`].
const START: u8 = 1;
const START_LOWER: u8 = 2;
const START_LONG: u8 = 4;

/// The compiled gazetteers.
pub(crate) struct Lookup {
    /// The names as strings of token ids (see the module doc), walked anchored only.
    trie: Trie,
    /// `after_first[id]`: the trie's state after start token `id` and the pattern that ends
    /// there (see [`Trie::after_first`]), [`NONE`] for other tokens.
    after_first: Vec<[u32; 2]>,
    /// The folded tokens of the names, by token id.
    tokens: Strs,
    /// `starts[id]`: bit [`START`] when some name begins with token `id` (only there does a
    /// search start), bit [`START_LOWER`] when one of those names may begin with a small
    /// letter in the text (written in lower case, or a head noun: `υπουργείο Υγείας`), bit
    /// [`START_LONG`] when one of them has more than one token.
    starts: Vec<u8>,
    /// Pattern id `p` → the entries it names: `best[p]`, then
    /// `rest[rest_ends[p]..rest_ends[p + 1]]`, best first (see [`rank`]), so the first hit the
    /// text's letter case allows wins.
    /// Most patterns name one entry, and most matches end at `best`: one read.
    best: Hits,
    rest_ends: U32s,
    rest: Hits,
    /// Shared with the entities made of them (see [`crate::entity::Names`]).
    pub entries: Arc<EntryTable>,
    /// Name and priority of each gazetteer, and whether it is the user's and whether it was
    /// learned (see [`Mention::user`], [`Mention::learned`]).
    gazetteers: Vec<(Arc<str>, i32, bool, bool)>,
    /// Letter flags of each word of the `exact_case` names (see [`word_cases`]).
    exact: Vec<Vec<Vec<u8>>>,
    /// The folded canonical names of the clubs, made when first asked (see
    /// [`Lookup::lists_club_named`]): the rules ask it rarely, a scan of the entries each time
    /// cost more than the rest of a line.
    clubs: OnceLock<FxHashSet<Box<str>>>,
}

/// Flags of the letters of each word: [`UPPER`], and [`LATIN`] or [`GREEK`].
fn word_cases(s: &str) -> Vec<Vec<u8>> {
    words(s).map(|w| letter_flags(w).collect()).collect()
}

/// Whether `original` meets an `exact_case` name's [`word_cases`] `want`: as many words,
/// each letter meeting the name's (see [`letter_meets`]) as far as both words go. Read
/// without building the text's own flags: the lookup asks this of many hits.
fn exact_case_meets(original: &str, want: &[Vec<u8>]) -> bool {
    let mut have = words(original);
    for w in want {
        let Some(h) = have.next() else { return false };
        if !letter_flags(h).zip(w).all(|(a, &b)| letter_meets(a, b)) {
            return false;
        }
    }
    have.next().is_none()
}

/// Letter flags of [`word_cases`]: a capital; a letter of the Latin script; of the Greek
/// one; a Greek letter with an accent or a diaeresis, in any normal form (see
/// [`crate::text::normalize::accented_letters`]).
const UPPER: u8 = 1;
const LATIN: u8 = 2;
const GREEK: u8 = 4;
const ACCENT: u8 = 8;
/// A letter of an `exact_accent` name (see [`accent_cases`]).
const LOOSE: u8 = 16;

/// The flags of each letter of `word`.
fn letter_flags(word: &str) -> impl Iterator<Item = u8> + '_ {
    crate::text::normalize::accented_letters(word).map(|(c, accent)| {
        let script = match c {
            'A'..='Z' | 'a'..='z' | '\u{c0}'..='\u{24f}' => LATIN,
            '\u{370}'..='\u{3ff}' | '\u{1f00}'..='\u{1fff}' => GREEK,
            _ => 0,
        };
        script | if accent { ACCENT } else { 0 } | u8::from(crate::text::normalize::is_upper(c))
    })
}

/// Whether a letter with flags `have` meets an `exact_case` name's letter `want`: the same
/// case, and for a small letter the same script where the name's is known (`Meta` is not
/// the word `Μετά`, whose letters fold alike; capitals that look alike are typed in
/// either script); and a small letter the same accent (`Ιέρο` is not the word `Ιερό`,
/// `Κάιρο` not `Καιρό`; a capital's accent is often left out: `στην Ιο`).
fn letter_meets(have: u8, want: u8) -> bool {
    if want & LOOSE != 0 {
        return have & UPPER != 0 || want & UPPER == 0 && have & ACCENT == want & ACCENT;
    }
    let script = want & (LATIN | GREEK);
    have & UPPER == want & UPPER
        && (want & UPPER != 0 || script == 0 || have & (LATIN | GREEK) == script)
        && (want & UPPER != 0 || have & ACCENT == want & ACCENT)
}

/// The letter flags of an `exact_accent` name: its capitals must be capitals, and a small
/// letter the text writes small must carry the name's accent; a capital of the text passes
/// (a headline in capitals: `ΣΤΗ ΣΟΦΙΑ`), and the script is not compared.
fn accent_cases(name: &str) -> Vec<Vec<u8>> {
    let mut words = word_cases(name);
    for f in words.iter_mut().flatten() {
        *f = *f & (UPPER | ACCENT) | LOOSE;
    }
    words
}

fn case_rule(name: &str, flags: Flags, exact: &mut Vec<Vec<Vec<u8>>>) -> CaseRule {
    if flags.exact_case || flags.exact_accent {
        exact.push(if flags.exact_case { word_cases(name) } else { accent_cases(name) });
        return CaseRule::Exact((exact.len() - 1) as u32);
    }
    case_rule_of(name)
}

impl Lookup {
    /// Compiles the gazetteers: every name of every entry with its case forms.
    pub fn build(gazetteers: &[Gazetteer]) -> Result<Lookup, BuildError> {
        let names: Vec<(&str, bool)> = gazetteers
            .iter()
            .flat_map(|g| g.entries.iter())
            .flat_map(|e| e.names().map(move |n| (n, e.flags.nodecl)))
            .collect();
        // The forms are made on a second thread, chunk by chunk, while this one turns them
        // into patterns as they come.
        std::thread::scope(|s| Lookup::compile(gazetteers, names.len(), forms_pipelined(s, &names)))
    }

    /// [`Lookup::build`] with the forms of every name of every entry (`n_names` of them), in
    /// order, from `all_forms`.
    fn compile(
        gazetteers: &[Gazetteer],
        n_names: usize,
        mut all_forms: impl Iterator<Item = Vec<String>>,
    ) -> Result<Lookup, BuildError> {
        // Sized for the forms up front (about two per name): growing them (a copy each
        // time) cost more than filling them.
        let n_forms = n_names * 9 / 4;
        let mut hits: Vec<HitList> = Vec::with_capacity(n_forms);
        // Folded form → pattern id; token ids of a pattern → pattern id (two forms may differ
        // only in what separates their tokens); the token ids of all patterns, end to end.
        let mut by_form: FxHashMap<String, u32> =
            FxHashMap::with_capacity_and_hasher(n_forms, Default::default());
        let mut by_ids: FxHashMap<Box<[u32]>, u32> =
            FxHashMap::with_capacity_and_hasher(n_forms, Default::default());
        let mut pattern_ids: Vec<u32> = Vec::with_capacity(2 * n_forms);
        let mut pattern_ends: Vec<usize> = Vec::with_capacity(n_forms);
        let mut tokens: FxHashMap<Box<str>, u32> =
            FxHashMap::with_capacity_and_hasher(n_forms, Default::default());
        let mut token_list: Vec<Box<str>> = Vec::with_capacity(n_forms);
        let mut exact = Vec::new();
        let mut names = Vec::new();
        let mut ids = Vec::new();
        let mut entry = 0u32;
        for g in gazetteers {
            let gazetteer = names.len() as u32;
            names.push((g.name.clone(), g.priority, g.user, g.learned));
            for e in &g.entries {
                for name in e.names() {
                    let case =
                        head_noun_only_for_organisations(case_rule(name, e.flags, &mut exact), e.label, name);
                    let forms = all_forms.next().expect("one list of forms per name");
                    for (i, form) in forms.into_iter().enumerate() {
                        let hit = Hit {
                            entry,
                            case,
                            inflected: i > 0,
                            ambiguous: e.flags.ambiguous,
                            label: e.label,
                            gazetteer,
                            line: e.line,
                        };
                        match by_form.entry(form) {
                            Entry::Occupied(o) => hits[*o.get() as usize].add(hit),
                            Entry::Vacant(v) => {
                                let form = v.key();
                                ids.clear();
                                for (s, e) in folded_tokens(form) {
                                    let id = match tokens.get(&form[s..e]) {
                                        Some(&id) => id,
                                        None => {
                                            let id = token_list.len() as u32;
                                            tokens.insert(form[s..e].into(), id);
                                            token_list.push(form[s..e].into());
                                            id
                                        }
                                    };
                                    ids.push(id);
                                }
                                let pid = match by_ids.get(ids.as_slice()) {
                                    Some(&pid) => {
                                        hits[pid as usize].add(hit);
                                        pid
                                    }
                                    None => {
                                        let pid = hits.len() as u32;
                                        pattern_ids.extend_from_slice(&ids);
                                        pattern_ends.push(pattern_ids.len());
                                        hits.push(HitList { first: hit, more: Vec::new() });
                                        by_ids.insert(ids.as_slice().into(), pid);
                                        pid
                                    }
                                };
                                v.insert(pid);
                            }
                        }
                    }
                }
                entry += 1;
            }
        }
        let n_tokens = token_list.len();
        let mut starts = vec![0u8; n_tokens];
        let mut patterns: Vec<&[u32]> = Vec::with_capacity(pattern_ends.len());
        let mut from = 0;
        for (p, &end) in pattern_ends.iter().enumerate() {
            let lower = hits[p].iter().any(|h| lower_start_allowed(h.case, &exact));
            let long = if end - from > 1 { START_LONG } else { 0 };
            starts[pattern_ids[from] as usize] |= START | long | if lower { START_LOWER } else { 0 };
            patterns.push(&pattern_ids[from..end]);
            from = end;
        }
        let trie = Trie::build(&patterns);
        let mut best = Vec::with_capacity(4 * hits.len());
        let mut rest = Vec::new();
        let mut rest_ends = Vec::with_capacity(hits.len() + 1);
        rest_ends.push(0u32);
        let mut ranked = Vec::new();
        for h in &hits {
            ranked.clear();
            ranked.extend(h.iter().copied());
            ranked.sort_by_key(|h| std::cmp::Reverse(rank(&names, h)));
            best.extend(ranked[0].encode());
            rest.extend(ranked[1..].iter().flat_map(Hit::encode));
            rest_ends.push((rest.len() / 4) as u32);
        }
        let after_first = trie.after_first(n_tokens);
        Ok(Lookup {
            trie,
            after_first,
            tokens: Strs::collect(token_list.iter().map(|t| &**t)),
            starts,
            best: Hits(U32s::from_vec(&best)),
            rest_ends: U32s::from_vec(&rest_ends),
            rest: Hits(U32s::from_vec(&rest)),
            entries: Arc::new(EntryTable::collect(gazetteers.iter().flat_map(|g| g.entries.iter()))),
            gazetteers: names,
            exact,
            clubs: OnceLock::new(),
        })
    }

    /// The folded tokens of the names, by token id, for the vocabulary (see
    /// [`crate::text::vocab`]); the lookup keeps none.
    pub fn take_tokens(&mut self) -> Strs {
        std::mem::take(&mut self.tokens)
    }

    /// Writes the compiled gazetteers, for [`Lookup::read`]: what the precompiled default
    /// is made of (see [`crate::stages::compiled`]).
    pub fn write(&self, w: &mut Writer) {
        w.strs(&Strs::collect(self.gazetteers.iter().map(|(name, ..)| &**name)));
        w.u32s(&U32s::from_vec(&self.gazetteers.iter().map(|&(_, p, _, _)| p as u32).collect::<Vec<_>>()));
        let flags =
            |&(_, _, user, learned): &(Arc<str>, i32, bool, bool)| user as u32 | (learned as u32) << 1;
        w.u32s(&U32s::from_vec(&self.gazetteers.iter().map(flags).collect::<Vec<_>>()));
        self.entries.write(w);
        w.strs(&self.tokens);
        w.bytes(&self.starts);
        self.trie.write(w);
        w.u32s(&self.best.0);
        w.u32s(&self.rest_ends);
        w.u32s(&self.rest.0);
        let mut exact = vec![self.exact.len() as u32];
        for words in &self.exact {
            exact.push(words.len() as u32);
            for w in words {
                exact.push(w.len() as u32);
                exact.extend(w.iter().map(|&flags| flags as u32));
            }
        }
        w.u32s(&U32s::from_vec(&exact));
    }

    /// The lookup as a blob and its text (see [`crate::blob`]), for [`Lookup::from_blob`]: a
    /// model file holds the lookup its recognizer compiled, so that loading the model
    /// compiles no names. Call it before the tokens are taken.
    pub fn to_blob(&self) -> (Vec<u8>, String) {
        let mut w = Writer::new(BLOB_MAGIC);
        self.write(&mut w);
        w.finish()
    }

    /// Reads what [`Lookup::to_blob`] wrote (copying its tables); `None` when it is not such
    /// a blob, checked as [`Lookup::read`] checks.
    pub fn from_blob(blob: &[u8], text: &str) -> Option<Lookup> {
        let mut r = Reader::copying(blob, text, BLOB_MAGIC)?;
        let lookup = Lookup::read(&mut r)?;
        r.is_done().then_some(lookup)
    }

    /// Reads what `Lookup::write` wrote: the tables of names, tokens and the trie in place,
    /// the rest decoded. Every index is checked, so a damaged blob gives `None`, never a
    /// lookup that panics or finds wrong names.
    pub fn read(r: &mut Reader) -> Option<Lookup> {
        let names = r.strs()?;
        let (priorities, flags) = (r.u32s()?, r.u32s()?);
        if names.len() != priorities.len() || names.len() != flags.len() {
            return None;
        }
        let gazetteers: Vec<(Arc<str>, i32, bool, bool)> = names
            .iter()
            .zip(priorities.iter().zip(flags.iter()))
            .map(|(n, (p, f))| (Arc::from(n), p as i32, f & 1 != 0, f & 2 != 0))
            .collect();
        let entries = EntryTable::read(r)?;
        let tokens = r.strs()?;
        let starts = r.bytes()?.to_vec();
        let trie = Trie::read(r)?;
        let (best, rest_ends, rest) = (r.u32s()?, r.u32s()?, r.u32s()?);
        if best.len() % 4 != 0 || rest.len() % 4 != 0 || rest_ends.len() == 0 {
            return None;
        }
        let exact_table = r.u32s()?;
        let mut exact = Vec::new();
        {
            let mut at = 0usize;
            let mut next = || {
                at += 1;
                (at <= exact_table.len()).then(|| exact_table.get(at - 1))
            };
            for _ in 0..next()? {
                let mut words = Vec::new();
                for _ in 0..next()? {
                    let n = next()?;
                    // Blobs written before the script flags have 0 or 1: any script; the
                    // flags are [`UPPER`], [`LATIN`], [`GREEK`], [`ACCENT`] and [`LOOSE`].
                    let flag =
                        |b: u32| (b <= u32::from(UPPER | LATIN | GREEK | ACCENT | LOOSE)).then_some(b as u8);
                    words.push((0..n).map(|_| next().and_then(flag)).collect::<Option<Vec<u8>>>()?);
                }
                exact.push(words);
            }
        }
        let (best, rest) = (Hits(best), Hits(rest));
        let ok = starts.len() == tokens.len()
            && trie.patterns_below(best.len())
            && rest_ends.len() == best.len() + 1
            && rest_ends.get(0) == 0
            && rest_ends.is_ascending()
            && rest_ends.get(best.len()) as usize == rest.len()
            && best.valid(entries.len(), gazetteers.len(), exact.len())
            && rest.valid(entries.len(), gazetteers.len(), exact.len());
        if !ok {
            return None;
        }
        let after_first = trie.after_first(tokens.len());
        Some(Lookup {
            trie,
            after_first,
            tokens,
            starts,
            best,
            rest_ends,
            rest,
            entries: Arc::new(entries),
            gazetteers,
            exact,
            clubs: OnceLock::new(),
        })
    }

    /// Whether an entry of kind `club` has the canonical name `canonical` (folded alike:
    /// the city `Λίβερπουλ` and its club).
    pub fn lists_club_named(&self, canonical: &str) -> bool {
        let clubs = self.clubs.get_or_init(|| {
            let entries = &self.entries;
            (0..entries.len() as u32)
                .filter(|&e| entries.kind(e) == Some("club"))
                .map(|e| fold(entries.canonical(e)).into_boxed_str())
                .collect()
        });
        clubs.contains(fold(canonical).as_str())
    }

    /// Number of distinct folded patterns (names and their forms).
    pub fn pattern_count(&self) -> usize {
        self.best.len()
    }

    fn case_ok(&self, rule: CaseRule, original: &str) -> bool {
        match rule {
            CaseRule::Exact(i) => exact_case_meets(original, &self.exact[i as usize]),
            _ => case_accepts(rule, original),
        }
    }

    /// The best entry among a pattern's hits whose letter-case rule the original text meets.
    /// `sentence_start` is asked only for ambiguous entries (few): scanning back through
    /// the text for every hit cost more than the rest of the check.
    fn best_hit(&self, pid: usize, original: &str, sentence_start: impl FnOnce() -> bool) -> Option<Hit> {
        let rest = || {
            (self.rest_ends.get(pid) as usize..self.rest_ends.get(pid + 1) as usize).map(|i| self.rest.get(i))
        };
        let hits = std::iter::once(self.best.get(pid)).chain(std::iter::once(()).flat_map(|_| rest()));
        let mut sentence_start = Some(sentence_start);
        let mut at_start = None;
        // Hits of one pattern mostly share one case rule (a surname of many persons): its
        // answer is kept for the next hit.
        let mut last: Option<(CaseRule, bool)> = None;
        for h in hits {
            let ok = match last {
                Some((rule, ok)) if rule == h.case => ok,
                _ => {
                    let ok = self.case_ok(h.case, original);
                    last = Some((h.case, ok));
                    ok
                }
            };
            if ok
                && !(h.ambiguous
                    && *at_start.get_or_insert_with(|| sentence_start.take().is_some_and(|f| f())))
            {
                return Some(h);
            }
        }
        None
    }

    /// The mention a hit makes of bytes `start..end` of the document.
    fn mention(&self, hit: &Hit, start: usize, end: usize) -> Mention {
        let (gazetteer, priority, user, learned) = &self.gazetteers[hit.gazetteer as usize];
        Mention {
            start,
            end,
            label: hit.label,
            entry: Some(hit.entry),
            canonical: None,
            source: Source::Gazetteer { gazetteer: gazetteer.clone(), line: hit.line },
            confidence: if hit.ambiguous {
                0.6
            } else if hit.inflected {
                0.9
            } else {
                0.95
            },
            priority: *priority,
            user: *user && !hit.ambiguous,
            learned: *learned && !hit.ambiguous,
        }
    }

    /// Whether a token with start bits `start` and folding shape `shape` may start a name:
    /// some name starts with it, and in lower case if the token is (most words of running
    /// text are in lower case, and most names need a capital). `start` is the token's
    /// [`Lookup::start_bits`], as the vocabulary keeps them
    /// ([`crate::text::vocab::Word::start`]).
    #[inline]
    pub(crate) fn may_start(start: u8, shape: u8) -> bool {
        start & START != 0 && (start & START_LOWER != 0 || shape & shape::SMALL == 0)
    }

    /// What a name may start with token `id` (see [`Lookup::starts`]): for the vocabulary,
    /// which keeps them with the token id.
    pub(crate) fn start_bits(&self, id: u32) -> u8 {
        self.starts.get(id as usize).copied().unwrap_or(0)
    }

    /// Adds entries that no name matches (those of user patterns with an id), at the end of
    /// the table: their entities share it as the gazetteer's do.
    pub fn add_entries(&mut self, more: Vec<(Arc<str>, Arc<str>)>) {
        if more.is_empty() {
            return;
        }
        self.entries =
            Arc::new(self.entries.with_more(more.iter().map(|(id, canonical)| (&**id, &**canonical))));
    }

    /// Finds the gazetteer mentions in `text` (one line or paragraph), already folded and
    /// split into `folded` ([`FoldedLine::fold_and_split`]), appending them to `out` with
    /// offsets shifted by `offset`. `starts` are the tokens where a name may start, in order
    /// (see [`Lookup::may_start`]): the walks begin there.
    pub fn find(
        &self,
        text: &str,
        folded: &FoldedLine,
        words: &[Word],
        starts: &[u32],
        offset: usize,
        out: &mut Vec<Mention>,
    ) {
        let first = out.len();
        self.find_all(text, folded, words, starts, offset, out);
        resolve_overlaps(out, first);
    }

    /// [`Lookup::find`] without resolving the overlaps: the best hit from every start.
    pub fn find_all(
        &self,
        text: &str,
        folded: &FoldedLine,
        words: &[Word],
        starts: &[u32],
        offset: usize,
        out: &mut Vec<Mention>,
    ) {
        let trie = &self.trie;
        // The names that end along one walk: (index of the token after the name, pattern),
        // shortest first; a walk longer than this keeps its longest names.
        let mut ends = [(0usize, 0usize); 16];
        for &t in starts {
            let t = t as usize;
            let id = words[t].token;
            let start = words[t].start;
            // Walk the automaton token by token from here (anchored: no failure
            // transitions), noting every name that ends on the way; a token that starts only
            // one-word names needs no step past it.
            let long = start & START_LONG != 0;
            let mut n = 0;
            let [mut sid, mut pattern] = self.after_first[id as usize];
            let mut k = t + 1;
            loop {
                if pattern != NONE {
                    if n == ends.len() {
                        ends.copy_within(1.., 0);
                        n -= 1;
                    }
                    ends[n] = (k, pattern as usize);
                    n += 1;
                }
                if !long {
                    break;
                }
                let Some(w) = words.get(k) else { break };
                if w.token == NO_TOKEN {
                    break;
                }
                sid = trie.step(sid, w.token);
                if sid == NONE {
                    break;
                }
                pattern = trie.pattern(sid);
                k += 1;
            }
            // The longest name that the text's letter case allows; a shorter one only when
            // the longer is refused.
            for &(te, pid) in ends[..n].iter().rev() {
                let (s, mut e) = folded.token_range(t, te - 1);
                if inside_dotted_acronym(text, s, e) {
                    break; // and so is every shorter name from here
                }
                if let Some(hit) = self.best_hit(pid, &text[s..e], || is_sentence_start(text, s)) {
                    // A final full stop after a space ends the sentence, not the
                    // abbreviation (`η Ν.Δ .`): the name ends before it.
                    if te - t > 1 && text[..e].ends_with('.') {
                        let before = folded.token_range(te - 2, te - 2).1;
                        if text[before..e - 1].chars().any(char::is_whitespace) {
                            e = before;
                        }
                    }
                    out.push(self.mention(&hit, offset + s, offset + e));
                    break;
                }
            }
        }
    }
}

/// Whether the name at bytes `start..end` of `text`, an acronym with full stops, is part of
/// a longer one: a letter glued after it (`Ε.Ε.` in `Ε.Ε.Μ.Η.`) or a capital and a full
/// stop glued before it (`Ε.Ε.` in `Σ.Ε.Ε.Δ.Δ.`). A name with a space before its last full
/// stop is no acronym: `Κ. Μητσοτάκης` in `Α.Κ. Μητσοτάκης` is a person's initials.
fn inside_dotted_acronym(text: &str, start: usize, end: usize) -> bool {
    let name = &text[start..end];
    if !name.contains('.') {
        return false;
    }
    let core = name.trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    if core.contains(char::is_whitespace) {
        return false;
    }
    let after = text[end..].chars().next().is_some_and(char::is_alphanumeric) && name.ends_with('.');
    let mut before = text[..start].chars().rev();
    after || before.next() == Some('.') && before.next().is_some_and(char::is_uppercase)
}

/// The ranking of a hit among those of one span: not ambiguous, then gazetteer priority,
/// then a name as written over a generated form, then the earlier entry.
fn rank(gazetteers: &[(Arc<str>, i32, bool, bool)], h: &Hit) -> (bool, i32, bool, std::cmp::Reverse<u32>) {
    (!h.ambiguous, gazetteers[h.gazetteer as usize].1, !h.inflected, std::cmp::Reverse(h.entry))
}

/// Whether a name with case rule `rule` can match text that begins with a small letter.
fn lower_start_allowed(rule: CaseRule, exact: &[Vec<Vec<u8>>]) -> bool {
    match rule {
        CaseRule::Any => true,
        CaseRule::Initial(mask) => mask & !1 != 0,
        CaseRule::AllCaps => false,
        CaseRule::Exact(i) => {
            exact[i as usize].first().and_then(|w| w.first()).is_none_or(|f| f & UPPER == 0)
        }
    }
}

/// The case forms of every name, in order. This thread makes the first chunk's; a thread of
/// `s` makes the rest, chunk by chunk, while the caller consumes them (on one core, this
/// thread makes them all).
fn forms_pipelined<'s>(
    s: &'s std::thread::Scope<'s, '_>,
    names: &'s [(&'s str, bool)],
) -> impl Iterator<Item = Vec<String>> + 's {
    const CHUNK: usize = 512;
    let forms = |part: &[(&str, bool)]| part.iter().map(|&(n, nodecl)| inflect::forms(n, nodecl)).collect();
    let threads = std::thread::available_parallelism().map_or(1, |n| n.get());
    let (head, rest) = names.split_at(if threads < 2 { names.len() } else { names.len().min(CHUNK) });
    let (tx, rx) = std::sync::mpsc::channel::<Vec<Vec<String>>>();
    if !rest.is_empty() {
        s.spawn(move || {
            for chunk in rest.chunks(CHUNK) {
                if tx.send(forms(chunk)).is_err() {
                    break;
                }
            }
        });
    }
    let first: Vec<Vec<String>> = forms(head);
    first.into_iter().chain(rx.into_iter().flatten())
}

/// The small first letter that [`CaseRule::Initial`] allows when the later words are
/// capitalised is for an organisation's head noun (`υπουργείο Υγείας`; see
/// [`head_noun_first`]). Before a place or
/// a person it is a description, not part of the name: in `η δυτική Αφρική`, `του πλανήτη
/// Γη`, `η βασίλισσα Ελισάβετ` the name is `Αφρική`, `Γη`, `Ελισάβετ`, so those entries
/// need their first letter capitalised.
fn head_noun_only_for_organisations(case: CaseRule, label: Label, name: &str) -> CaseRule {
    match case {
        CaseRule::Initial(mask) if label != Label::Org || !head_noun_first(name) => {
            CaseRule::Initial(mask & 1)
        }
        other => other,
    }
}

/// Whether the first word of an organisation's name may be its head noun, which news
/// writes in lower case (`υπουργείο Υγείας`): not an article or a preposition, a word of
/// up to three letters (`Τα Νέα`, `Στο Κόκκινο`: in `τα Νέα` the article is the
/// sentence's), nor an adjective in -ικός/-ιακός (`Ελληνική Βουλή`: in `η ελληνική Βουλή`
/// the adjective describes the name, and `Βουλή` is found alone).
fn head_noun_first(name: &str) -> bool {
    let Some(first) = words(name).next() else { return false };
    let first = fold(first);
    first.chars().count() > 3 && !ADJECTIVE_ENDINGS.all.any_ends(&first)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// An `exact_case` name's letters are met word by word, without the text's own flags
    /// built, and the answer is the one comparing both lists of flags gives.
    #[test]
    fn exact_case_is_met_word_by_word() {
        // (name as listed, text found, expected)
        let cases = [
            ("Meta", "Meta", true),
            ("Meta", "Μετά", false),
            ("Meta", "META", false),
            ("ΜΕΤΑ", "META", true),
            ("iPhone Pro", "iPhone Pro", true),
            ("iPhone Pro", "IPhone Pro", false),
            ("iPhone Pro", "iPhone pro", false),
            ("iPhone Pro", "iPhone", false),
            ("Νέα Δημοκρατία", "Νέα Δημοκρατία Κρήτης", false),
            ("Νέα Δημοκρατία", "Νέα-Δημοκρατία", true),
            ("Νέα Δημοκρατία", "νέα Δημοκρατία", false),
            ("Ν.Δ.", "Ν.Δ.", true),
            ("ΣΥΡΙΖΑ", "Συριζα", false),
            ("Ιέρο", "Ιέρο", true),
            ("Ιέρο", "Ιερό", false),
            ("Κάιρο", "Καιρό", false),
            ("Κάιρο", "Καιρο", false),
            ("Άγκυρα Σήμερα", "Άγκυρα Σήμερα", true),
            ("Ίος", "Ιος", true),
            // NFD (combining acute, diaeresis, both) and polytonic oxia meet the NFC name.
            ("Σόφια", "Σο\u{301}φια", true),
            ("Σόφια", "Σ\u{1F79}φια", true),
            ("Σόφια", "Σοφι\u{301}α", false),
            ("Ξάνθη", "Ξα\u{301}νθη", true),
            ("Ιέρο", "Ιε\u{301}ρο", true),
            ("Ιέρο", "Ι\u{1F73}ρο", true),
            ("Ιέρο", "Ιερο\u{301}", false),
            ("Ευρωπαϊκή", "Ευρωπαι\u{308}κη\u{301}", true),
            ("Ευρωπαΐκή", "Ευρωπαι\u{344}κη\u{301}", true),
            ("", "", true),
        ];
        for (name, text, expected) in cases {
            let want = word_cases(name);
            let have = word_cases(text);
            let both = have.len() == want.len()
                && have.iter().zip(&want).all(|(h, w)| h.iter().zip(w).all(|(&a, &b)| letter_meets(a, b)));
            assert_eq!(both, expected, "{name:?} in {text:?}");
            assert_eq!(exact_case_meets(text, &want), expected, "{name:?} in {text:?}");
        }
    }

    /// An `exact_accent` name needs its accents where the text writes small letters, and its
    /// capitals; capitals of the text pass, in any normal form.
    #[test]
    fn exact_accent_compares_small_letters_only() {
        // (name as listed, text found, expected)
        let cases = [
            ("Σόφια", "Σόφια", true),
            ("Σόφια", "ΣΟΦΙΑ", true),
            ("Σόφια", "ΣΌΦΙΑ", true),
            ("Σόφια", "Σοφία", false),
            ("Σόφια", "Σοφια", false),
            ("Σόφια", "σόφια", false),
            ("Σόφια", "Σο\u{301}φια", true),
            ("Σόφια", "Σ\u{1F79}φια", true),
            ("Ξάνθη", "ΞΑΝΘΗ", true),
            ("Ξάνθη", "Ξα\u{301}νθη", true),
            ("Ξάνθη", "Ξανθή", false),
            ("Ιέρο", "ΙΕΡΟ", true),
            ("Ιέρο", "Ιερό", false),
            ("Ιέρο", "Ιε\u{301}ρο", true),
            ("Ιέρο", "Ιέρο Σήμερα", false),
        ];
        for (name, text, expected) in cases {
            assert_eq!(exact_case_meets(text, &accent_cases(name)), expected, "{name:?} in {text:?}");
        }
    }

    /// Overlaps are resolved as a plain reading of the rule would: longest first, then
    /// earliest, then priority, each span kept unless it overlaps one kept before it. Both
    /// ways of keeping track (few spans, many spans) agree with it on random lines.
    #[test]
    fn overlaps_resolve_as_the_rule_says() {
        let mention = |start: usize, end: usize, priority: i32| Mention {
            start,
            end,
            label: Label::Loc,
            entry: None,
            canonical: None,
            source: Source::Rule("test"),
            confidence: 0.5,
            priority,
            user: false,
            learned: false,
        };
        let mut rng = crate::test_rng::Rng::new();
        let mut next = |n: usize| rng.below(n);
        for round in 0..400 {
            let n = [3, 10, 40, 64, 65, 150][round % 6];
            let spans: Vec<Mention> = (0..n)
                .map(|_| {
                    let start = next(200);
                    mention(start, start + 1 + next(12), next(3) as i32)
                })
                .collect();
            let mut want = spans.clone();
            want.sort_by(|a, b| {
                (b.end - b.start)
                    .cmp(&(a.end - a.start))
                    .then(a.start.cmp(&b.start))
                    .then(b.priority.cmp(&a.priority))
            });
            let mut kept: Vec<Mention> = Vec::new();
            for m in want {
                if kept.iter().all(|k| k.end <= m.start || m.end <= k.start) {
                    kept.push(m);
                }
            }
            kept.sort_by_key(|m| m.start);
            let mut got = vec![mention(0, 0, 0)];
            got.extend(spans);
            resolve_overlaps(&mut got, 1);
            assert_eq!(got[1..], kept[..], "round {round}");
        }
    }

    /// A small first letter is a head noun for organisations only.
    #[test]
    fn small_first_letter_only_for_organisation_head_nouns() {
        let rule = |name: &str, label| head_noun_only_for_organisations(case_rule_of(name), label, name);
        assert!(case_accepts(rule("Υπουργείο Υγείας", Label::Org), "υπουργείο Υγείας"));
        assert!(!case_accepts(rule("Δυτική Αφρική", Label::Loc), "δυτική Αφρική"));
        assert!(case_accepts(rule("Δυτική Αφρική", Label::Loc), "Δυτική Αφρική"));
        assert!(case_accepts(rule("Δυτική Αφρική", Label::Loc), "ΔΥΤΙΚΗ ΑΦΡΙΚΗ"));
        assert!(!case_accepts(rule("Βασίλισσα Ελισάβετ", Label::Per), "βασίλισσα Ελισάβετ"));
        // Not an article or a preposition (`τα Νέα`: the sentence's article), nor an
        // adjective (`η ελληνική Βουλή`: a description before the name).
        for (name, text) in [
            ("Τα Νέα", "τα Νέα"),
            ("Στο Κόκκινο", "στο Κόκκινο"),
            ("Ελληνική Βουλή", "ελληνική Βουλή"),
            ("Αμερικανική Γερουσία", "αμερικανικής Γερουσίας"),
            ("Κυπριακή Βουλή", "κυπριακή Βουλή"),
        ] {
            assert!(!case_accepts(rule(name, Label::Org), text), "{text:?}");
            assert!(case_accepts(rule(name, Label::Org), &name.to_uppercase()), "{name:?}");
        }
        assert!(case_accepts(rule("Δήμος Αθηναίων", Label::Org), "δήμος Αθηναίων"));
        assert!(case_accepts(rule("Περιφέρεια Αττικής", Label::Org), "περιφέρειας Αττικής"));
    }
}
