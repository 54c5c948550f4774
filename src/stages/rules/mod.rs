//! Stage 2, context rules: names that no gazetteer lists, found and typed by their shape and
//! their context, the way a reader recognises a name seen for the first time.
//!
//! The stage reads like a grammar. Every rule is a [`Rule`] value with a name, a priority,
//! a label, a confidence and example sentences (ours) that a test runs; the rule's name is
//! the entity's `source` (`rule:person_title`). The stage works per line, on the tokens of
//! the folded text the lookup stage produced, in time linear in the line's length: one hash
//! lookup per token gives its word classes (see `lexicon`), and each rule looks at most a
//! few tokens around a candidate.
//!
//! 1. **Candidates** (`candidates`): maximal runs of capitalised words, in Greek or Latin
//!    script, with hyphenated parts (`Σουν-Χούι`), initials (`Α. Παπαδόπουλος`) and dotted
//!    acronyms (`Ε.Ε.`), that no gazetteer mention covers. Articles and other function words
//!    at their edges (`Ο`, `Στη` at the start of a sentence) and capitalised common words
//!    (months, days, nationality nouns, titles: `Τρίτη`, `Αμερικανοί`, `Πρόεδρος`) are
//!    stripped: they are never names by themselves.
//! 2. **Typing**: the rules are tried in priority order and the first that fires decides the
//!    label and the span (see [`RULES`] for the order). Rules with explicit evidence
//!    (a head noun, an introducing noun, a title, a verb of saying, a given name) outrank
//!    rules on shape (surname endings, acronyms, Latin script) and context (prepositions),
//!    which outrank the fallbacks.
//! 3. A candidate at the start of a sentence or quotation, where any word is capitalised, is
//!    kept only when one word and a rule of shape or strong context supports it: a
//!    surname shape, an acronym, a standalone organisation noun, a verb of saying after it.
//! 4. **Conflicts with the gazetteer**: gazetteer mentions win, except where a rule
//!    explicitly takes them in: an organisation's head noun absorbs its complement
//!    (`Πανεπιστήμιο` + `Αθηνών`), a given name joins a known surname (`Ντόναλντ` +
//!    `Τραμπ`, keeping the gazetteer's entry).
//!
//! The gazetteer and the matcher know nothing of this stage.

mod candidates;
mod organisation;
mod person;
mod place;
pub(crate) mod veto_only;

use std::sync::{Arc, LazyLock};

use crate::stages::lookup::Lookup;
use crate::stages::mention::Mention;
use crate::text::names::agrees;
use crate::text::normalize::FoldedLine;
use crate::text::tokens::{closing_quote, may_open_quote};
use crate::text::vocab::{Vocab, Word};
use crate::{Label, Source};

use crate::lexicon::{class, Lexicon};
use candidates::{runs, shape, tokenize, Line, Run, Tok};

/// One rule of the grammar.
#[derive(Debug)]
pub(crate) struct Rule {
    /// The name the entity's source carries: `rule:<name>`.
    pub name: &'static str,
    /// Higher rules are tried first and win conflicts.
    pub priority: i32,
    /// The label the rule gives.
    pub label: Label,
    /// The confidence of the entities it produces.
    pub confidence: f32,
    /// What the rule matches, in one sentence.
    #[allow(dead_code)]
    pub doc: &'static str,
    /// Sentences (ours) and the mention the rule must find in each.
    #[cfg_attr(not(test), allow(dead_code))]
    pub examples: &'static [(&'static str, &'static str)],
    /// How the rule types a candidate run, for the rules tried in [`RULES`] order on each
    /// run; `None` for the rules that act at another point of the stage (a given name
    /// joined to a known person, a national team, a web domain, coordination).
    pub find: Option<Find>,
    /// The word classes of which the line must hold one for `find` to fire (0: none): told
    /// once per rule from the line's classes, without a call.
    pub needs: u64,
}

/// A typing rule: a candidate for the stretch, or `None` to let the next rule try.
pub(crate) type Find = fn(&Line, &Stretch) -> Option<Cand>;

/// The stretch of a run that the typing rules look at: tokens `a..b` (articles and
/// capitalised common words stripped), whether it begins a sentence (`weak`: any word is
/// capitalised there), and the line's gazetteer mentions.
pub(crate) struct Stretch<'g> {
    pub a: usize,
    pub b: usize,
    pub weak: bool,
    pub gaz: &'g [GazSpan],
}

/// Every rule, in the order they are tried: the typing rules (those with a `find`) are tried
/// in this order on each candidate run, and the first that fires decides.
pub(crate) const RULES: &[&Rule] = &[
    &person::GIVEN_BEFORE_KNOWN,
    &person::DOUBLE_SURNAME,
    &organisation::HEAD,
    &organisation::BRANCH,
    &organisation::LATIN_TAIL,
    &organisation::ALONE,
    &organisation::BANK,
    &organisation::INTRODUCED,
    &place::INTRODUCED,
    &place::LANDMARK,
    &place::CELESTIAL,
    &organisation::NATIONAL_TEAM,
    &person::TITLE,
    &person::MATCH_MINUTE,
    &person::CITATION,
    &person::CREDIT,
    &person::SAYING,
    &person::GIVEN_NAME,
    &person::EAST_ASIAN,
    &person::SURNAME_SHAPE,
    &organisation::ACRONYM,
    &organisation::DOMAIN,
    &organisation::QUOTE,
    &organisation::SHARE_CHANGE,
    &organisation::RADIO,
    &place::DIRECTION,
    &place::PREPOSITION,
    &organisation::LATIN,
    &person::ARTICLE,
    &COORDINATION,
    &BRACKET_ALIAS,
    &person::FALLBACK_MULTI,
    &person::FALLBACK_FOREIGN,
];

/// The typing rules of [`RULES`] (those with a `find`), in order, each with the classes it
/// needs: what a run is tried with when no rule is switched off, without a test per rule.
const FINDS: [(Find, u64); count_finds()] = {
    let mut out = [(first_find(), 0); count_finds()];
    let (mut i, mut k) = (0, 0);
    while i < RULES.len() {
        if let Some(f) = RULES[i].find {
            out[k] = (f, RULES[i].needs);
            k += 1;
        }
        i += 1;
    }
    out
};

/// Tries the first `n` typing rules of [`FINDS`] on a stretch, in order, skipping those whose
/// needed classes the line lacks: each `find` is read from a constant, so it is called
/// directly and the cheap ones are inlined (a call through a pointer cost more than they do).
macro_rules! find_typed {
    ($($k:literal)*) => {
        const _: () = assert!(FINDS.len() == [$($k),*].len(), "one index per typing rule");
        #[inline]
        fn find_typed(line: &Line, stretch: &Stretch, n: usize) -> Option<Cand> {
            let classes = line.classes;
            $(
                {
                    const F: (Find, u64) = FINDS[$k];
                    if $k < n && (F.1 == 0 || classes & F.1 != 0) {
                        if let Some(c) = (F.0)(line, stretch) {
                            return Some(c);
                        }
                    }
                }
            )*
            None
        }
    };
}
find_typed!(0 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18);

/// The rules whose typing of one word at the start of a sentence stands (see [`classify`]):
/// rules of shape or strong context. An organisation's head stands there too when it takes
/// in a complement.
const STRONG: [&Rule; 8] = [
    &organisation::ALONE,
    &organisation::INTRODUCED,
    &person::SURNAME_SHAPE,
    &organisation::ACRONYM,
    &person::SAYING,
    &person::MATCH_MINUTE,
    &person::CITATION,
    &person::CREDIT,
];

/// The typing rules of [`FINDS`] tried on one word at the start of a sentence: those up to
/// the last of [`STRONG`] and the head. What a later rule finds there is dropped, so it is
/// not asked (most such words are no name, and went through every rule).
const WEAK_FINDS: usize = {
    let (mut i, mut k, mut last) = (0, 0, 0);
    while i < RULES.len() {
        if RULES[i].find.is_some() {
            k += 1;
            let mut j = 0;
            let mut strong = same(RULES[i].name, organisation::HEAD.name);
            while j < STRONG.len() {
                strong |= same(RULES[i].name, STRONG[j].name);
                j += 1;
            }
            if strong {
                last = k;
            }
        }
        i += 1;
    }
    last
};

/// `a == b`, in a constant.
const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// The number of rules of [`RULES`] with a `find`.
const fn count_finds() -> usize {
    let (mut i, mut n) = (0, 0);
    while i < RULES.len() {
        n += RULES[i].find.is_some() as usize;
        i += 1;
    }
    n
}

/// The first `find` of [`RULES`].
const fn first_find() -> Find {
    let mut i = 0;
    loop {
        if let Some(f) = RULES[i].find {
            return f;
        }
        i += 1;
    }
}

/// A typed candidate: tokens `a..b` (plus `extra_end` bytes: the final dot of `Ε.Ε.`).
#[derive(Clone, Copy, Debug)]
pub(crate) struct Cand {
    pub a: usize,
    pub b: usize,
    pub rule: &'static Rule,
    /// The span may cover gazetteer mentions, which it replaces.
    pub absorbs: bool,
    pub extra_end: usize,
    /// The gazetteer entry the mention keeps (a given name joined to a known surname).
    pub entry: Option<u32>,
}

impl Cand {
    pub fn new(a: usize, b: usize, rule: &'static Rule) -> Cand {
        Cand { a, b, rule, absorbs: false, extra_end: 0, entry: None }
    }
}

/// The compiled rule stage (its lexicon is built once per process and shared).
#[derive(Clone)]
pub(crate) struct Rules {
    lex: Arc<Lexicon>,
    /// The rules and vetoes switched off, by name (see [`known_rule`]).
    off: Vec<&'static str>,
}

/// The checks of the gazetteer's names in context, by name: each drops a listed name that
/// its context shows to be no name, or part of a longer one. They never drop the user's
/// own names (see [`Mention::user`]), and can be switched off like rules.
pub(crate) const VETOES: &[(&str, &str)] = &[
    (
        VETO_COMMON,
        "a one-word place or organisation that is a capitalised common word (lexicon class \
         NONAME: a nationality noun, a title, a day)",
    ),
    (VETO_HYPHEN, "one of two names joined by a hyphen: a pairing, a match or a route"),
    (
        VETO_NAME_OF,
        "a place after `του`/`της`/`των` that ends the name of a treaty, a day, a battle or a \
         structure (`Συμφωνία των Πρεσπών`, `Ημέρα της Γης`)",
    ),
    (VETO_GIVEN, "a given name taken for a place, before a surname (`Αθηνά Κοτζαμπάση`)"),
    (VETO_PLACE_SHAPE, "a place shaped like a common word, before a capitalised word"),
    (
        VETO_PERSON_SLOT,
        "a one-word place where a person's name stands: after an abbreviated title or an \
         initial (`ο κ. Ζωγράφος`, `Δ. Βαρνάβα`), or in a line-up after a colon",
    ),
    (
        VETO_STREET,
        "a person's one-word name in the genitive in `-ους` after a feminine article: a street \
         (`η Θεμιστοκλέους`, `οδός` left out)",
    ),
    (VETO_WORK_TITLE, "the whole title of a work in guillemets after its noun (`το βιβλίο «Ιθάκη»`)"),
    (
        VETO_ORG_PERSON,
        "an organisation's name cut before the given name and surname that follow it (`Ελληνικής \
         Λύσης | Κυριάκος Βελόπουλος`)",
    ),
    (PARTIAL_TAIL, "gazetteer-only mode: the end of a longer capitalised name"),
    (PARTIAL_HEAD, "gazetteer-only mode: a given name or an adjective before a capitalised word"),
    (PARTIAL_OF, "gazetteer-only mode: a place after `του` and an organisation's head noun"),
    (PARTIAL_ADDRESS, "gazetteer-only mode: part of an e-mail address or a handle"),
    (
        PARTIAL_QUOTED,
        "gazetteer-only mode: a person or a place that a quoted name after its head noun owns, \
         the name of what is named after them (`το νοσοκομείο «Άγιος Δημήτριος»`)",
    ),
    (
        PARTIAL_WORK,
        "gazetteer-only mode: a person in the nominative after the noun of a storm or a ship (`η κακοκαιρία Ζορμπάς`)",
    ),
    (
        VETO_NAMED_THING,
        "a person's name in the nominative after a neuter article (`στο Ελευθέριος Βενιζέλος`, \
         `το Γεώργιος Καραϊσκάκης`): the airport, the stadium or the ship named after them",
    ),
];
pub(crate) const VETO_COMMON: &str = "veto_capitalised_common";
pub(crate) const VETO_HYPHEN: &str = "veto_hyphen_pair";
pub(crate) const VETO_NAME_OF: &str = "veto_place_ending_a_name";
pub(crate) const VETO_GIVEN: &str = "veto_given_name_before_surname";
pub(crate) const VETO_PLACE_SHAPE: &str = "veto_place_before_name";
pub(crate) const VETO_PERSON_SLOT: &str = "veto_place_in_person_slot";
pub(crate) const VETO_STREET: &str = "veto_street_in_genitive";
pub(crate) const VETO_WORK_TITLE: &str = "veto_title_of_work";
pub(crate) const VETO_ORG_PERSON: &str = "veto_organisation_before_person";
pub(crate) const PARTIAL_TAIL: &str = "partial_name_tail";
pub(crate) const PARTIAL_HEAD: &str = "partial_name_head";
pub(crate) const PARTIAL_OF: &str = "partial_name_of";
pub(crate) const PARTIAL_ADDRESS: &str = "partial_name_address";
pub(crate) const PARTIAL_QUOTED: &str = "partial_name_quoted";
pub(crate) const PARTIAL_WORK: &str = "partial_name_work";
pub(crate) const VETO_NAMED_THING: &str = "veto_thing_named_after_person";

/// The name of a rule or veto `name` as this stage spells it, if there is one.
pub(crate) fn known_rule(name: &str) -> Option<&'static str> {
    RULES.iter().map(|r| r.name).chain(VETOES.iter().map(|v| v.0)).find(|&n| n == name)
}

/// Every rule and veto name, for error messages.
pub(crate) fn rule_names() -> Vec<&'static str> {
    RULES.iter().map(|r| r.name).chain(VETOES.iter().map(|v| v.0)).collect()
}

/// Whether the rule or veto `name` is on, `off` being those switched off.
#[inline]
pub(crate) fn is_on(off: &[&'static str], name: &str) -> bool {
    off.is_empty() || !off.contains(&name)
}

/// The lexicon, read from the compiled default when it is fresh (see `stages::compiled`).
static LEXICON: LazyLock<Arc<Lexicon>> =
    LazyLock::new(|| Arc::new(crate::stages::compiled::lexicon().unwrap_or_else(Lexicon::build)));

/// Buffers reused across lines and calls.
#[derive(Default)]
pub(crate) struct Scratch {
    toks: Vec<Tok>,
    runs: Vec<Run>,
    cands: Vec<Cand>,
    gaz: Vec<GazSpan>,
    /// Per gazetteer mention of the line: a rule took it in, or the context vetoed it.
    drop: Vec<bool>,
    /// Per token: a candidate already claims it.
    taken: Vec<bool>,
    /// Runs no rule typed (for coordination), which of them coordination typed, and the
    /// mentions the rules add.
    untyped: Vec<(usize, usize)>,
    done: Vec<bool>,
    added: Vec<Mention>,
    /// Whether to note why gazetteer mentions are dropped (for `Recognizer::explain`).
    pub explain: bool,
    /// When `explain`: the document byte spans of the gazetteer mentions this stage dropped,
    /// each with the name of the veto or rule that dropped it.
    pub reasons: Vec<(usize, usize, &'static str)>,
}

/// One line as the earlier stages left it.
#[derive(Clone, Copy)]
pub(crate) struct LineInput<'a> {
    /// The line, as in the original text.
    pub text: &'a str,
    /// The line folded and split into tokens.
    pub folded: &'a FoldedLine,
    /// What the vocabulary knows of each token (the word classes are the lexicon's).
    pub words: &'a [Word],
    /// The line's byte offset in the document.
    pub offset: usize,
}

/// A gazetteer mention of the line: byte span in the line, label, entry.
#[derive(Clone, Copy, Debug)]
pub(crate) struct GazSpan {
    pub start: usize,
    pub end: usize,
    pub label: Label,
    pub entry: Option<u32>,
    /// The user's data (see [`Mention::user`]): no veto of this stage drops it.
    pub user: bool,
    /// Learned from the user's corpus (see [`Mention::learned`]).
    pub learned: bool,
    /// The tokens `tokens.0..tokens.1` it covered when the stage began (a veto or a title
    /// of a work may have freed some since: [`Tok::gaz`] says).
    pub tokens: (u32, u32),
}

impl Rules {
    /// The stage with the rules and vetoes named in `off` switched off.
    pub fn new(off: Vec<&'static str>) -> Rules {
        Rules { lex: LEXICON.clone(), off }
    }

    /// The number of words of the rules' lexicon.
    pub fn vocabulary_size(&self) -> usize {
        self.lex.len()
    }

    /// Adds the word classes of the lexicon to the vocabulary the recognizer looks words up in.
    pub fn add_vocabulary(&self, vocab: &mut Vocab) {
        self.lex.add_to(vocab);
    }

    /// Gazetteer-only mode's pass over one line (see [`veto_only`]): no rule adds a name,
    /// but the listed names most likely part of a longer unlisted one are left out.
    pub fn veto_only(
        &self,
        line: LineInput,
        out: &mut Vec<Mention>,
        first: usize,
        sc: &mut Scratch,
        lookup: &Lookup,
    ) {
        let LineInput { text, folded, words, offset } = line;
        if out.len() == first {
            return;
        }
        let (classes, headline) = tokenize(folded, words, &mut sc.toks);
        let is_sport = || sport_line(text, folded, words, classes);
        let toks = &sc.toks;
        let line = Line { text, folded, toks, lex: &self.lex, headline, classes };
        let why = sc.explain.then_some(&mut sc.reasons);
        let kind = |m: &Mention| m.entry.and_then(|e| lookup.entries.kind(e));
        veto_only::drop_partial_names(&line, offset, out, first, is_sport, kind, &self.off, why);
    }

    /// Runs the rules over one line. `out[first..]` holds the line's gazetteer mentions
    /// (sorted, offsets shifted by `line.offset`); rule mentions are added and the tail stays
    /// sorted and non-overlapping.
    pub fn apply(
        &self,
        line: LineInput,
        out: &mut Vec<Mention>,
        first: usize,
        sc: &mut Scratch,
        lookup: &Lookup,
    ) {
        let LineInput { text, folded, words, offset } = line;
        // The scans below that look only at words of one class are skipped on a line
        // without one (most lines: each scan is a pass over all the tokens).
        let (classes, headline) = tokenize(folded, words, &mut sc.toks);
        if sc.toks.is_empty() {
            return;
        }
        // Mark the tokens each gazetteer mention covers.
        sc.gaz.clear();
        {
            let mut k = 0;
            for (mi, m) in out[first..].iter().enumerate() {
                let (s, e) = (m.start - offset, m.end - offset);
                // Binary search: a line has few mentions and many tokens.
                k += sc.toks[k..].partition_point(|t| (t.e as usize) <= s);
                let mut j = k;
                while j < sc.toks.len() && (sc.toks[j].s as usize) < e {
                    sc.toks[j].gaz = mi as u32 + 1;
                    j += 1;
                }
                sc.gaz.push(GazSpan {
                    start: s,
                    end: e,
                    label: m.label,
                    entry: m.entry,
                    user: m.user,
                    learned: m.learned,
                    tokens: (k as u32, j as u32),
                });
            }
        }
        let Scratch {
            toks,
            runs: line_runs,
            cands,
            gaz,
            drop,
            taken,
            untyped,
            done,
            added,
            explain,
            reasons,
        } = sc;
        drop.clear();
        drop.resize(out.len() - first, false);
        let is_sport = || sport_clues(text, folded, words, classes, 2);
        let why = explain.then_some(&mut *reasons);
        // Every title and quoted name opens with a quotation mark: a line without one (most)
        // has none. Asked once, of lines with a noun that introduces one.
        let quotes = classes & (WORK_HEADS | ORG_NAME_HEADS) != 0 && may_open_quote(text);
        // The line without its tokens, which the titles mark as they go.
        let bare = || Line { text, folded, toks: &[], lex: &self.lex, headline, classes };
        if quotes && classes & WORK_HEADS != 0 && is_on(&self.off, VETO_WORK_TITLE) {
            titles_of_works(&bare(), toks, gaz, drop, WORK_HEADS);
        }
        if quotes && classes & ORG_NAME_HEADS != 0 && is_on(&self.off, organisation::INTRODUCED.name) {
            titles_of_works(&bare(), toks, gaz, drop, ORG_NAME_HEADS);
        }
        let vet =
            Vet { text, folded, lex: &self.lex, lookup, off: &self.off, offset, headline, classes, why };
        vet.run(toks, gaz, drop, &mut out[first..], is_sport);
        let line = Line { text, folded, toks, lex: &self.lex, headline, classes };
        runs(&line, line_runs);
        cands.clear();
        if classes & class::TLD != 0 {
            organisation::domains(&line, cands);
        }
        if is_on(&self.off, organisation::QUOTE.name) {
            organisation::quote(&line, cands);
        }
        if is_on(&self.off, organisation::SHARE_CHANGE.name) {
            organisation::share_changes(&line, cands);
        }
        if classes & class::RADIO != 0 && is_on(&self.off, organisation::RADIO.name) {
            organisation::radio_stations(&line, gaz, cands);
        }
        if classes & class::ORG_BRANCH != 0 && is_on(&self.off, organisation::BRANCH.name) {
            organisation::branches(&line, gaz, cands);
        }
        if quotes && classes & ORG_NAME_HEADS != 0 && is_on(&self.off, organisation::INTRODUCED.name) {
            organisation::quoted_names(&line, gaz, cands);
        }
        if is_on(&self.off, organisation::LATIN_TAIL.name) {
            let company = |g: &GazSpan| g.entry.is_some_and(|e| lookup.entries.kind(e) == Some("company"));
            organisation::latin_tails(&line, gaz, company, cands);
        }
        let mut last_end = 0;
        untyped.clear();
        // Tokens already claimed by a candidate: the overlap test costs the candidate's
        // length, not the number of candidates (a scan of all was quadratic on long lines).
        taken.clear();
        taken.resize(toks.len(), false);
        for d in cands.iter() {
            taken[d.a..d.b].fill(true);
        }
        for r in line_runs.iter() {
            if r.a < last_end || r.b - r.a == 1 && stripped_alone(&toks[r.a]) {
                continue;
            }
            // `strip(r.a, r.b)`, when `classify` computed it.
            let mut stripped = None;
            match classify(&line, r, gaz, &self.off, &mut stripped) {
                Some(c) => {
                    if taken[c.a..c.b].iter().any(|&t| t) {
                        continue;
                    }
                    last_end = c.b;
                    taken[c.a..c.b].fill(true);
                    cands.push(c);
                    // An organisation's name ended where a person's begins (see
                    // `organisation::person_starts`): the rest of the run is typed alone.
                    if c.b < r.b && (c.rule.name == organisation::HEAD.name || line.headline) {
                        let rest = Run { a: c.b, b: r.b, dotted: false };
                        let d = classify(&line, &rest, gaz, &self.off, &mut None);
                        if let Some(d) = d.filter(|d| !taken[d.a..d.b].iter().any(|&t| t)) {
                            last_end = last_end.max(d.b);
                            taken[d.a..d.b].fill(true);
                            cands.push(d);
                        }
                    }
                }
                None if !r.dotted => {
                    let (a, b) = stripped.unwrap_or_else(|| strip(&line, r.a, r.b));
                    if a < b && b - a <= 3 && !(b - a == 1 && toks[a].is(shape::SINGLE)) {
                        untyped.push((a, b));
                    }
                }
                None => {}
            }
        }
        coordinate(&line, untyped, gaz, drop, cands, &self.off, done);
        // Gazetteer mentions that a rule took in give way; any other overlap keeps the gazetteer's.
        // Candidates are disjoint from each other too: the first one (domains, then runs, then
        // coordinated names) keeps tokens another also claims (`Κΰ, Mo.co`: a domain, and a
        // name coordinated with a person).
        added.clear();
        taken.clear();
        taken.resize(toks.len(), false);
        for c in cands.iter() {
            if taken[c.a..c.b].iter().any(|&t| t) || !is_on(&self.off, c.rule.name) {
                continue;
            }
            let s = toks[c.a].s as usize;
            let e = toks[c.b - 1].e as usize + c.extra_end;
            // `gaz` is sorted and disjoint: the overlapping mentions are one run of it, found
            // by binary search (a scan of the whole line per candidate was quadratic).
            let lo = gaz.partition_point(|g| g.end <= s);
            let hi = lo + gaz[lo..].iter().take_while(|g| g.start < e).count();
            // A mention a veto dropped is no conflict for a candidate of another label: the
            // veto denied the mention its label, not its words (`Σοφία` before `Κατσάτου`,
            // which `veto_given_name_before_surname` gives back to the person rules). A rule
            // of the vetoed label would only undo the veto: the vetoed place `Ανατολικού` of
            // `Ανατολικού Οικονομικού Φόρουμ` is part of a longer name, no place's.
            let live_at = |g: &GazSpan, d: bool| !d || g.label == c.rule.label;
            if gaz[lo..hi].iter().zip(&drop[lo..hi]).any(|(g, &d)| live_at(g, d)) {
                // The user's names are taken in only by a span that keeps their entry and label
                // (a given name joined to a surname the user lists).
                let keeps = |g: &GazSpan| {
                    !g.user || (g.entry.is_some() && g.entry == c.entry && g.label == c.rule.label)
                };
                let live =
                    gaz[lo..hi].iter().zip(&drop[lo..hi]).filter(|(g, &d)| live_at(g, d)).map(|(g, _)| g);
                if !c.absorbs || live.clone().any(|g| g.start < s || g.end > e || !keeps(g)) {
                    continue;
                }
                if *explain {
                    let by = c.rule.name;
                    let live = gaz[lo..hi].iter().zip(&drop[lo..hi]).filter(|(g, &d)| live_at(g, d));
                    reasons.extend(live.map(|(g, _)| (offset + g.start, offset + g.end, by)));
                }
                drop[lo..hi].fill(true);
            }
            taken[c.a..c.b].fill(true);
            // A person keeps a listed person's entry only if the name supports it: `Άλαν`
            // before `ΜακΓκρέγκορ` is not Conor McGregor. The mention stays, without an id.
            // A second surname after a hyphen adds to the listed name, the person the same.
            let entry = c.entry.filter(|&n| {
                c.rule.label != Label::Per
                    || c.rule.name == person::DOUBLE_SURNAME.name
                    || agrees(&text[s..e], lookup.entries.canonical(n))
            });
            added.push(Mention {
                start: offset + s,
                end: offset + e,
                label: c.rule.label,
                entry,
                canonical: None,
                source: Source::Rule(c.rule.name),
                confidence: c.rule.confidence,
                priority: c.rule.priority,
                user: false,
                learned: false,
            });
        }
        if drop.iter().any(|&d| d) {
            crate::stages::mention::retain_from(out, first, |i| !drop[i]);
        }
        if !added.is_empty() {
            out.append(added);
            // Disjoint spans have distinct starts: an unstable sort (no buffer) is exact.
            out[first..].sort_unstable_by_key(|m| m.start);
        }
        // A place and the region in the genitive right after it are one name (`Μοίρες
        // Ηρακλείου`), as gazetteer-only mode joins them too.
        let mut write = first;
        for i in first..out.len() {
            if write > first && region_of_place(&line, offset, &out[write - 1], &out[i]) {
                out[write - 1].end = out[i].end;
                continue;
            }
            out.swap(write, i);
            write += 1;
        }
        out.truncate(write);
        if classes & class::ART_NEUT != 0 && is_on(&self.off, VETO_NAMED_THING) {
            let named = |m: &Mention| {
                m.label == Label::Per
                    && !m.user
                    && person::names_a_thing(&line, m.start - offset, m.end - offset)
            };
            if out[first..].iter().any(named) {
                if *explain {
                    let by = VETO_NAMED_THING;
                    reasons.extend(out[first..].iter().filter(|m| named(m)).map(|m| (m.start, m.end, by)));
                }
                let keep: Vec<bool> = out[first..].iter().map(|m| !named(m)).collect();
                crate::stages::mention::retain_from(out, first, |i| keep[i]);
            }
        }
    }
}

/// Names coordinated in a list take the label of a typed neighbour: `Παβάρ, Βαράν, Ουμτιτί`
/// after a known player, `Χ και Ψ` (see [`COORDINATION`]). Runs through the list from
/// both ends until nothing changes.
fn coordinate(
    line: &Line,
    untyped: &[(usize, usize)],
    gaz: &[GazSpan],
    drop: &[bool],
    cands: &mut Vec<Cand>,
    off: &[&'static str],
    done: &mut Vec<bool>,
) {
    if untyped.is_empty() {
        return;
    }
    let toks = line.toks;
    let label_at = |cands: &Vec<Cand>, i: usize| -> Option<Label> {
        let t = &toks[i];
        if t.gaz != 0 && !drop[t.gaz as usize - 1] {
            return Some(gaz[t.gaz as usize - 1].label);
        }
        cands.iter().find(|c| c.a <= i && i < c.b).map(|c| c.rule.label)
    };
    let sep = |i: usize| -> Option<usize> {
        // Token `i` is preceded by `, ` or ` και `: returns the index of the token before that.
        if i == 0 {
            return None;
        }
        // Most gaps are one space: neither of these.
        if !line.one_space(i) {
            let g = line.gap(i).trim();
            if g == "," {
                return Some(i - 1);
            }
            // A line-up's item with a bracket before the comma: `Χέντερσον (84' Τάλμποτ), X`
            // links X to the name before the bracket.
            if g == ")," {
                let j =
                    (i.saturating_sub(4).max(1)..i).rev().find(|&j| line.gap(j).trim_end().ends_with('('))?;
                return Some(j - 1);
            }
        }
        if toks[i - 1].has(class::AND) && line.plain_gap(i) && i >= 2 && line.gap_trimmed(i - 1).is_empty() {
            return Some(i - 2);
        }
        None
    };
    // Per untyped run: a rule typed it.
    done.clear();
    done.resize(untyped.len(), false);
    // `Γιόχαν Λίντκβιστ (Johan Lindqvist)`, `η Αγγελική (Άντζυ)`: a name alone in brackets right
    // after a person is the same person's, in another script or a nickname.
    if is_on(off, BRACKET_ALIAS.name) {
        for (k, &(a, b)) in untyped.iter().enumerate() {
            let bracketed = a > 0 && line.gap(a) == " (" && line.gap_after(b - 1).starts_with(')');
            if !done[k] && bracketed && label_at(cands, a - 1) == Some(Label::Per) {
                cands.push(Cand::new(a, b, &BRACKET_ALIAS));
                done[k] = true;
            }
        }
    }
    if !is_on(off, COORDINATION.name) {
        return;
    }
    // `οι X, Y και Z`, `των X και Y`: one-word items of a list after a plural article, none
    // of them a known place or organisation, are persons.
    let single = |i: usize| {
        toks[i].cap()
            && !(line.plain_gap(i) && toks[i - 1].cap())
            && !line.next(i).is_some_and(|n| toks[n].cap())
    };
    let next_item = |i: usize| -> Option<(usize, bool)> {
        if i + 1 < toks.len() && line.gap_trimmed(i + 1) == "," && single(i + 1) {
            return Some((i + 1, false));
        }
        let and = line.next(i).filter(|&n| toks[n].has(class::AND))?;
        line.next(and).filter(|&n| single(n)).map(|n| (n, true))
    };
    for (k, &(a, b)) in untyped.iter().enumerate() {
        if b - a != 1 || !single(a) {
            continue;
        }
        let mut first = a;
        for _ in 0..8 {
            match sep(first) {
                Some(p) if single(p) => first = p,
                _ => break,
            }
        }
        if !line.prev(first).is_some_and(|p| toks[p].has(class::ART_PLURAL)) {
            continue;
        }
        let (mut i, mut items, mut last_and) = (first, 1, false);
        let mut known = label_at(cands, first).is_some_and(|l| l != Label::Per);
        while let Some((n, and)) = next_item(i).filter(|_| items < 10) {
            (i, last_and) = (n, and);
            items += 1;
            known |= label_at(cands, n).is_some_and(|l| l != Label::Per);
        }
        let common = || line.common_shape(a) || toks[a].has(class::PORTFOLIO | class::NONAME | class::TITLE);
        if items >= 2 && last_and && i >= a && !known && !common() {
            cands.push(Cand::new(a, b, &COORDINATION));
            done[k] = true;
        }
    }
    for _ in 0..4 {
        let mut changed = false;
        for (k, &(a, b)) in untyped.iter().enumerate() {
            if done[k] {
                continue;
            }
            let left = sep(a).and_then(|p| label_at(cands, p));
            let right = (b < toks.len()).then(|| sep(b).filter(|&p| p == b - 1).and(Some(b))).flatten();
            let right = right.and_then(|n| label_at(cands, n).filter(|_| toks[n].cap()));
            // Only persons: places and organisations in lists are as often common nouns.
            // Words in capitals are acronyms, degrees and roles (`CEO`, `MD, PhD`).
            // (Read only next to a person: most runs have none.)
            let common = || {
                (a..b).all(|i| toks[i].is(shape::UPPER))
                    || (a..b).any(|i| {
                        line.common_shape(i) || toks[i].has(class::PORTFOLIO | class::NONAME | class::TITLE)
                    })
            };
            if left.or(right) == Some(Label::Per) && !common() {
                cands.push(Cand::new(a, b, &COORDINATION));
                done[k] = true;
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
}

/// A name in a list next to a person.
pub(crate) const COORDINATION: Rule = Rule {
    name: "person_coordination",
    priority: 30,
    label: Label::Per,
    confidence: 0.6,
    doc: "An untyped capitalised name in a list (`, ` or `και`) next to a person takes the \
          person label: line-ups, lists of speakers. (Places and organisations are not \
          propagated: in lists they are as often common nouns.)",
    examples: &[("Έπαιξαν οι Καραβαγγελόπουλος, Ντουμέρ, Χατζηπαντελή και άλλοι.", "Ντουμέρ")],
    needs: 0,
    find: None,
};

/// A person's other name in brackets.
pub(crate) const BRACKET_ALIAS: Rule = Rule {
    name: "person_bracket_alias",
    priority: 30,
    label: Label::Per,
    confidence: 0.7,
    doc: "An untyped name alone in brackets right after a person is the same person's, \
          written in another script or a nickname: `Γιόχαν Λίντκβιστ (Johan Lindqvist)`.",
    examples: &[("Μίλησε ο Στέλιος Λογαράς (Stelios Logaras) για το έργο.", "Stelios Logaras")],
    needs: 0,
    find: None,
};

/// Checks the gazetteer's mentions against their context (see [`VETOES`]): a one-word place
/// that has the shape of an adjective and runs into more capitalised words is part of a
/// longer name (`Ανατολικού` in `Ανατολικού Οικονομικού Φόρουμ`) and is dropped; in a
/// sports report a country is its national team (see [`organisation::NATIONAL_TEAM`];
/// `is_sport` says whether the line is a sports report, asked only if a country is among
/// the mentions). The user's names (see [`Mention::user`]) are left as they are.
struct Vet<'a> {
    text: &'a str,
    folded: &'a FoldedLine,
    lex: &'a Lexicon,
    lookup: &'a Lookup,
    /// The rules and vetoes switched off.
    off: &'a [&'static str],
    /// The line's offset in the document.
    offset: usize,
    /// Whether the line is in capitals (see `candidates::is_headline`).
    headline: bool,
    /// The union of the line's word classes (see [`tokenize`]).
    classes: u64,
    /// Where to note each dropped mention and its veto, if anywhere.
    why: Option<&'a mut Vec<(usize, usize, &'static str)>>,
}

impl Vet<'_> {
    fn run(
        self,
        toks: &mut [Tok],
        gaz: &mut [GazSpan],
        drop: &mut [bool],
        mentions: &mut [Mention],
        is_sport: impl FnOnce() -> u32,
    ) {
        let Vet { text, folded, lex, lookup, off, offset, headline, classes, why } = self;
        if gaz.is_empty() {
            return;
        }
        let country = |g: &GazSpan| {
            g.label == Label::Loc && g.entry.is_some_and(|e| lookup.entries.kind(e) == Some("country"))
        };
        // Whether veto `name` may drop `g`.
        let may = |g: &GazSpan, name: &str| !g.user && is_on(off, name);
        let mut veto: Vec<(usize, usize, &'static str)> = Vec::new();
        let mut blocked = Vec::new();
        let mut cut = Vec::new();
        // Read only for a place that may stand in a person's slot (most lines have none).
        let lineup = std::cell::OnceCell::new();
        let lineup = || {
            *lineup.get_or_init(|| lineup_list(text, gaz.iter().filter(|g| g.label == Label::Loc).count()))
        };
        {
            let toks: &[Tok] = toks;
            let line = Line { text, folded, toks, lex, headline, classes };
            // The tokens of the mentions, in order, each once: those a mention still covers.
            let covered = (0..gaz.len()).flat_map(|k| {
                let (a, b) = gaz[k].tokens;
                (a as usize..b as usize).filter(move |&i| toks[i].gaz as usize == k + 1)
            });
            for i in covered {
                let t = &toks[i];
                let g = &gaz[t.gaz as usize - 1];
                let single = g.start == t.s as usize && g.end == t.e as usize;
                if g.label == Label::Org && g.start == t.s as usize && may(g, VETO_ORG_PERSON) {
                    if let Some(k) = person_after_organisation(&line, i) {
                        cut.push((t.gaz as usize - 1, k));
                    }
                }
                if single
                    && g.label != Label::Per
                    && t.has(class::NONAME)
                    && common_word(&line, i, country(g))
                    && !g.learned
                    && !club_after_feminine(&line, i, g.entry.and_then(|e| lookup.entries.kind(e)))
                    && may(g, VETO_COMMON)
                {
                    veto.push((t.gaz as usize - 1, i, VETO_COMMON));
                    continue;
                }
                // Two names joined by a hyphen without spaces are a pairing, a match or a route
                // (`Γαλλία-Κροατία`, `ΕΕ-ΗΠΑ`), not a mention of either.
                if g.label != Label::Per
                    && g.start == t.s as usize
                    && hyphen_pair(text, g.start, g.end)
                    && may(g, VETO_HYPHEN)
                {
                    let mut j = i;
                    while j < toks.len() && toks[j].gaz == t.gaz {
                        veto.push((t.gaz as usize - 1, j, VETO_HYPHEN));
                        blocked.push(j);
                        j += 1;
                    }
                    continue;
                }
                // A place that ends the name of a treaty, a day, a battle or a structure after
                // a genitive article (`Συμφωνία των Πρεσπών`, `η συνθήκη του Μάαστριχτ`, `Ημέρα
                // της Γης`, `Γεφύρι της Πλάκας`): the press writes the whole as one name, not
                // as a mention of the place. Institutions (`Πανεπιστήμιο του Πειραιά`) are
                // left to the organisation rules; after a head in lower case a country stays
                // a place (`η συμφωνία της Ελλάδας με την Τουρκία`).
                if g.label == Label::Loc
                    && g.start == t.s as usize
                    && may(g, VETO_NAME_OF)
                    && ends_a_name(&line, i, || country(g))
                {
                    let mut j = i;
                    while j < toks.len() && toks[j].gaz == t.gaz {
                        veto.push((t.gaz as usize - 1, j, VETO_NAME_OF));
                        // Part of the longer name: no rule takes it up alone (no person
                        // in `Σύνοδος του Ελσίνκι`).
                        blocked.push(j);
                        j += 1;
                    }
                    continue;
                }
                if single
                    && g.label == Label::Loc
                    && person_slot(&line, i, g.end, lineup)
                    && may(g, VETO_PERSON_SLOT)
                {
                    veto.push((t.gaz as usize - 1, i, VETO_PERSON_SLOT));
                    continue;
                }
                // A man's name in the genitive after a feminine article: a street (`η
                // Θεμιστοκλέους`, `οδός` left out), not the man.
                if single
                    && g.label == Label::Per
                    && g.start == t.s as usize
                    && i > 0
                    && toks[i - 1].has(class::ART_FEM)
                    && line.plain_gap(i)
                    && line.f(i).ends_with(line.lex.ous.as_str())
                    && may(g, VETO_STREET)
                {
                    veto.push((t.gaz as usize - 1, i, VETO_STREET));
                    continue;
                }
                if i + 1 >= toks.len() {
                    continue;
                }
                let n = &toks[i + 1];
                // A given name the gazetteer took for a place, before a surname, unknown or
                // listed: `Αθηνά Κοτζαμπάση`, `Σοφία` + `Φόρτωμα`.
                let listed_person = n.gaz != 0
                    && gaz[n.gaz as usize - 1].label == Label::Per
                    && gaz[n.gaz as usize - 1].start == n.s as usize;
                if single
                    && g.label != Label::Per
                    && t.has(class::GIVEN)
                    && (n.gaz == 0 || listed_person)
                    && n.cap()
                    && !n.is(shape::UPPER)
                    && line.plain_gap(i + 1)
                    && !n.has(class::NONAME | class::FUNCTION | class::ORG_HEAD)
                    && !line.common_shape(i + 1)
                    && may(g, VETO_GIVEN)
                {
                    veto.push((t.gaz as usize - 1, i, VETO_GIVEN));
                    continue;
                }
                if single
                    && g.label == Label::Loc
                    && n.gaz == 0
                    && adjective_before_name(&line, i)
                    && may(g, VETO_PLACE_SHAPE)
                {
                    veto.push((t.gaz as usize - 1, i, VETO_PLACE_SHAPE));
                }
            }
            let team = |g: &GazSpan| !g.user && is_on(off, organisation::NATIONAL_TEAM.name);
            let club = |g: &GazSpan| {
                g.label == Label::Loc && g.entry.is_some_and(|e| fields_a_team(lookup.entries.kind(e)))
            };
            if let Some(g) = gaz.first().filter(|g| lineup_head(text, g.start, g.end) && club(g)) {
                if !drop[0] && team(g) {
                    national_team(&mut mentions[0]);
                }
            }
            let clues = if gaz.iter().any(|g| club(g) && team(g)) { is_sport() } else { 0 };
            if clues > 0 {
                for (k, g) in gaz.iter().enumerate() {
                    if !club(g) || drop[k] || !team(g) {
                        continue;
                    }
                    let Some(i) = toks.iter().position(|t| t.s as usize == g.start) else { continue };
                    let club_by_gender = || {
                        g.entry.is_some_and(|e| {
                            let canonical = lookup.entries.canonical(e);
                            clues >= 2
                                && lookup.entries.kind(e) == Some("city")
                                && club_of_neuter_city(&line, i, g.end, canonical)
                                && lookup.lists_club_named(canonical)
                        })
                    };
                    if team_slot(&line, i, g.end) && (clues >= 2 || met_slot(&line, i)) || club_by_gender() {
                        national_team(&mut mentions[k]);
                    }
                }
            }
            if clues >= 2 {
                let places: Vec<(usize, usize, usize)> = (gaz.iter().enumerate())
                    .filter(|&(k, g)| club(g) && !drop[k] && team(g))
                    .map(|(k, g)| (k, g.start, g.end))
                    .collect();
                national_teams_listed(&line, &places, mentions);
            }
            if classes & class::SPACE != 0 {
                for (k, g) in gaz.iter().enumerate() {
                    if !drop[k] && !g.user && celestial(g.label, toks, g.start, g.end, off) {
                        planet(&mut mentions[k]);
                    }
                }
            }
        }
        let mut why = why;
        for (k, i, name) in veto {
            if let Some(why) = why.as_deref_mut() {
                if !drop[k] {
                    why.push((offset + gaz[k].start, offset + gaz[k].end, name));
                }
            }
            drop[k] = true;
            toks[i].gaz = 0;
        }
        // The organisation ends before the person: its tokens from `i` on are free for the rules.
        for (k, i) in cut {
            let end = toks[i - 1].e as usize;
            mentions[k].end -= gaz[k].end - end;
            gaz[k].end = end;
            for t in &mut toks[i..] {
                if t.gaz as usize != k + 1 {
                    break;
                }
                t.gaz = 0;
            }
        }
        for i in blocked {
            toks[i].shape |= shape::BLOCKED;
        }
    }
}

/// Whether token `i`, a name of one word that a list holds (a country's if `country`), is
/// a capitalised common word all the same, no name: a nationality noun (`Βρετανών`), a
/// title (`Νικητής`), a day. A country spelled like one of its nationality nouns once folded
/// (`Αργεντινή`, `Συρία`/`Σύρια`, `Μαυροβουνίου`) is the country, which the news names far
/// more often, unless a title follows (`η Αργεντινή υπουργός`). The rule stage vetoes such
/// names, and gazetteer-only mode leaves them out (`veto_only`).
pub(crate) fn common_word(line: &Line, i: usize, country: bool) -> bool {
    let toks = line.toks;
    let t = &toks[i];
    let country_not_noun =
        country && t.has(class::NATIONALITY) && !line.next(i).is_some_and(|n| toks[n].has(class::TITLE));
    t.has(class::NONAME) && !country_not_noun
}

/// Whether token `i`, listed as a club (`kind`), follows a feminine article: the club (`τη
/// Ρόμα`: clubs are feminine, `η ομάδα`), not the common word it folds like (the people
/// `οι Ρομά`), which [`common_word`] would veto.
pub(crate) fn club_after_feminine(line: &Line, i: usize, kind: Option<&str>) -> bool {
    kind == Some("club") && line.prev(i).is_some_and(|p| line.toks[p].has(class::ART_FEM))
}

/// Whether token `i`, a place of one word that a list holds, has the ending of a common
/// noun or adjective and runs into an unlisted capitalised word (`Ανατολικού` in
/// `Ανατολικού Οικονομικού Φόρουμ`): it is then part of a longer name. Not a constituency
/// or a seat before a person: `ο βουλευτής Ηρακλείου Γιάννης Χ`, `ο δήμαρχος Ηρακλείου
/// Μανώλης Χ` (a title before it, or a given name after). The rule stage vetoes such
/// places, and gazetteer-only mode leaves them out (`veto_only`); each checks that the
/// next word is unlisted.
pub(crate) fn adjective_before_name(line: &Line, i: usize) -> bool {
    let toks = line.toks;
    let Some(n) = line.next(i) else { return false };
    // The next word first: most are not capitalised, and need no ending read.
    toks[n].cap()
        && !toks[n].has(class::NONAME | class::FUNCTION | class::GIVEN)
        && line.common_shape(i)
        && !line.prev(i).is_some_and(|p| toks[p].has(class::TITLE))
}

/// Whether token `i`, the first word of a listed place, stands where only a person's
/// name does: right after an abbreviated title (`ο κ. Ζωγράφος`, `η κα Σοφία`) or an
/// initial (`ο Δ. Βαρνάβας`, `της Ελ. Σβορώνου`), or as one word of a line-up
/// ([`lineup_player`]; `end` is where the place's name ends, `lineup` gives the line's
/// [`lineup_list`], asked only where the place is shaped as an item). Many surnames and given names are also
/// towns (`Ζωγράφου`, `Βύρωνας`, `Παλαμάς`); there the person's evidence wins. Not an
/// abbreviation that begins a street's or a place's name (`Λεωφ. Κηφισίας`, `Αγ.
/// Παρασκευή`, `Ν. Σμύρνη`: class `STREET_ABBR` and [`PLACE_ABBREVIATIONS`]). The rule
/// stage vetoes such places (the person rules then read the name), and gazetteer-only mode
/// leaves them out (`veto_only`).
pub(crate) fn person_slot(line: &Line, i: usize, end: usize, lineup: impl FnOnce() -> Option<usize>) -> bool {
    let toks = line.toks;
    if lineup_player(line.text, toks[i].s as usize, end, lineup) {
        return true;
    }
    if i == 0 || line.gap(i) != ". " && line.gap(i) != " " {
        return false;
    }
    let p = i - 1;
    let dot = line.gap(i) == ". ";
    let title = toks[p].has(class::ABBR) && !toks[p].cap() && (dot || line.w(p) != "κ");
    let initial = dot
        && line.initial(p)
        && !line.street_abbr(p)
        && !line.ends_dotted_acronym(p)
        && !PLACE_ABBREVIATIONS.contains(&line.w(p));
    title || initial
}

/// Abbreviated first words of places' names (`Αγ. Παρασκευή`, `Ν. Σμύρνη`, `Π. Φάληρο`,
/// `Άν. Λιόσια`): before a place they are no initial.
const PLACE_ABBREVIATIONS: [&str; 8] = ["Αγ", "Ν", "Π", "Άν", "Κάτ", "Ακρ", "Ορ", "Ι"];

/// Whether the place `m` is the region that tells which place `prev`, the name right
/// before it, means: both places, `m` one word in the genitive, one space between them
/// (`Λαγανά Ζακύνθου`, `Μοίρες Ηρακλείου`, `Προσοτσάνη Δράμας`). The press writes the two
/// as one name; both modes join them into `prev`, which keeps its entry. Not the user's
/// own names. `line` starts at byte `offset` of the text.
pub(crate) fn region_of_place(line: &Line, offset: usize, prev: &Mention, m: &Mention) -> bool {
    prev.label == Label::Loc && genitive_place_right_after(line, offset, prev, m)
}

/// Whether `m` is a place of one word in the genitive, one space after the name `prev`, and
/// neither is the user's own: the shape of a place's region and of an organisation's branch.
pub(crate) fn genitive_place_right_after(line: &Line, offset: usize, prev: &Mention, m: &Mention) -> bool {
    let (s, e) = (m.start - offset, m.end - offset);
    let toks = line.toks;
    // The cheap tests first: most pairs fail them, and need no token searched.
    if prev.user
        || m.user
        || m.label != Label::Loc
        || prev.end + 1 != m.start
        || line.text.as_bytes()[s - 1] != b' '
    {
        return false;
    }
    let ta = toks.partition_point(|t| (t.s as usize) < s);
    ta < toks.len() && toks[ta].s as usize == s && toks[ta].e as usize == e && line.genitive(ta)
}

/// Whether the place whose name starts at token `i` (a country's if `country()`) ends the
/// name of a treaty, a day, an event, a battle or a structure after a genitive article
/// (`Συμφωνία των Πρεσπών`, `η συνθήκη του Μάαστριχτ`, `Ημέρα της Γης`, `Γεφύρι της
/// Πλάκας`), or right after the capitalised head (`Φεστιβάλ Καλαμάτας`): the press writes the whole as one name, not as a mention of the place. Institutions
/// (`Πανεπιστήμιο του Πειραιά`, class `ORG_HEAD`) are not asked here; after a head in
/// lower case a country stays a place (`η συμφωνία της Ελλάδας με την Τουρκία`). The rule
/// stage vetoes such places, and gazetteer-only mode leaves them out (`veto_only`).
pub(crate) fn ends_a_name(line: &Line, i: usize, country: impl FnOnce() -> bool) -> bool {
    let toks = line.toks;
    let head = |h: usize| toks[h].has(class::NAME_HEAD) && !toks[h].has(class::ORG_HEAD);
    // The head before the article first: most words are none, and need no article compared.
    let after_article = line
        .prev(i)
        .and_then(|p| line.prev(p).filter(|&h| head(h) && veto_only::GENITIVE_ARTICLES.contains(&line.w(p))))
        .is_some_and(|h| toks[h].cap() || !country());
    // Without the article, after the capitalised head itself or one capitalised word in
    // the genitive that follows it: `Φεστιβάλ Καλαμάτας`, `Φεστιβάλ Χορού Καλαμάτας`.
    let capital_head = |h: usize| head(h) && toks[h].cap() && !line.weak(h);
    let after_head = line.prev(i).is_some_and(|p| {
        capital_head(p) || toks[p].cap() && line.genitive(p) && line.prev(p).is_some_and(capital_head)
    });
    after_article || after_head
}

/// An organisation's name the gazetteer found from token `i` that runs into a person's
/// given name and surname (`Ελληνικής Λύσης Κυριάκος Βελόπουλος`, a party's official
/// name read without its dash): the token where the person starts. The organisation is
/// then the name before it, as in `ο πρόεδρος της Ελληνικής Λύσης Κυριάκος Βελόπουλος`.
/// Not where the person names the organisation after a head noun (`Ίδρυμα Σταύρος
/// Νιάρχος`), nor where a dash joins them in the text.
fn person_after_organisation(line: &Line, i: usize) -> Option<usize> {
    let toks = line.toks;
    let mut j = i;
    while j < toks.len() && toks[j].gaz == toks[i].gaz {
        j += 1;
    }
    // Two words at least before the person: one is as often part of a club's name (`Σαν
    // Αντόνιο Σπερς`).
    if j - i < 4 {
        return None;
    }
    let (given, surname) = (j - 2, j - 1);
    let person = toks[given].has(class::GIVEN)
        && toks[given].cap()
        && !toks[given].has(class::ORG_HEAD)
        && line.plain_gap(given)
        && line.plain_gap(surname)
        && toks[surname].cap()
        && !toks[surname].has(class::ORG_HEAD | class::NONAME | class::FUNCTION | class::GIVEN)
        && !line.common_shape(surname);
    let named_after = (i..given).any(|k| toks[k].has(class::ORG_HEAD));
    (person && !named_after).then_some(given)
}

/// The title of a work in quotation marks after the noun that introduces it (`το βιβλίο
/// «Ιθάκη»`, `η ταινία της «Ο Τρέβορ»`, `το Βραβείο «Νίκος Καζαντζάκης»`: `intro` =
/// [`WORK_HEADS`]) names the work, not the place or person in it: its opening capitalised
/// words take no rule's candidate (blocked), and the gazetteer mentions that
/// [`quoted_name_owns`] gives the title are dropped.
///
/// With `intro` = [`ORG_NAME_HEADS`] the same holds of an organisation's quoted name
/// (`το νοσοκομείο «Παπαγεωργίου»`, `η εφημερίδα «Θεσσαλία»`), except that the words are
/// left to `org_introduced` (not blocked).
fn titles_of_works(bare: &Line, toks: &mut [Tok], gaz: &[GazSpan], drop: &mut [bool], intro: u64) {
    let work = intro == WORK_HEADS;
    let mut i = 0;
    while i + 1 < toks.len() {
        if !toks[i].has(intro) {
            i += 1;
            continue;
        }
        let (open, end, whole) = {
            let line = Line { toks, ..*bare };
            let name = |k: usize| {
                let g = line.toks[k].gaz;
                (g != 0).then(|| (g, gaz[g as usize - 1].label))
            };
            match quotation_after(&line, i) {
                Some((open, end)) if !owned(&line, i, open, end, name) => {
                    (open, end, quoted_name_owns(&line, i, open, end, name, work))
                }
                Some((_, end)) => {
                    i = end;
                    continue;
                }
                None => {
                    i += 1;
                    continue;
                }
            }
        };
        // The title's opening capitalised words are the title's; a name further in
        // (`στην Τεχνόπολη`) is left to the rules.
        let opening = toks[open..=end].iter().take_while(|t| t.cap()).count();
        for (k, t) in toks[open..=end].iter_mut().enumerate() {
            if k < opening && work {
                t.shape |= shape::BLOCKED;
            }
            // The user's names are left as they are.
            if t.gaz != 0 && whole && !gaz[t.gaz as usize - 1].user {
                drop[t.gaz as usize - 1] = true;
                t.gaz = 0;
            }
        }
        i = end;
    }
}

/// Whether the quotation `open..=end` after the noun at token `i` names the noun's owner:
/// `του`, `της`, `τους` between are articles too, and before a listed organisation
/// (`name`, as in [`quoted_name_owns`]) they make it the owner (`το πρόγραμμα του
/// «Κόμματος»`), no title.
fn owned(
    line: &Line,
    i: usize,
    open: usize,
    end: usize,
    name: impl Fn(usize) -> Option<(u32, Label)>,
) -> bool {
    open > i + 1
        && line.toks[i + 1].has(class::ART_MASC | class::ART_FEM | class::ART_NEUT | class::ART_PLURAL)
        && (open..=end).any(|k| name(k).is_some_and(|(_, l)| l == Label::Org))
}

/// The nouns after which a quotation is the title of a work, an event or a structure
/// (`ταινία`, `Βραβείο`, `Γέφυρα`), in either case.
pub(crate) const WORK_HEADS: u64 = class::MISC_INTRO | class::NAME_HEAD;

/// The nouns after which a quotation is an organisation's name (`νοσοκομείο`, `Ίδρυμα`), in
/// either case.
pub(crate) const ORG_NAME_HEADS: u64 = class::ORG_INTRO | class::ORG_HEAD;

/// The longest quotation [`quotation_after`] looks for, in words: one not closed within
/// them is a quoted statement, not a name.
const QUOTED_NAME_WORDS: usize = 8;

/// The quotation right after the noun at token `i` that introduces a name, a possessive
/// allowed between (`το βιβλίο του «Ιθάκη»`): its first and last tokens, if a quotation
/// mark opens it (`«`, `"`, `“`) and its own closes it within [`QUOTED_NAME_WORDS`] words.
pub(crate) fn quotation_after(line: &Line, i: usize) -> Option<(usize, usize)> {
    let toks = line.toks;
    let q = if i + 1 < toks.len()
        && toks[i + 1].has(class::POSSESSIVE)
        && !toks[i + 1].cap()
        && line.plain_gap(i + 1)
    {
        i + 1
    } else {
        i
    };
    let mut gap = line.gap_after(q).trim().chars();
    let close = match (gap.next().and_then(closing_quote), gap.next()) {
        (Some(close), None) if q + 1 < toks.len() => close,
        _ => return None,
    };
    let mut j = q + 1;
    while j < toks.len() && j - q <= QUOTED_NAME_WORDS {
        if line.gap_after(j).contains(close) {
            return Some((q + 1, j));
        }
        j += 1;
    }
    None
}

/// Whether the listed names in the quotation `open..=end` after the noun at token `i` that
/// introduces it are the quoted name's, not mentions of their own (`name(k)`: the listed
/// name at token `k`, an id and its label). One notion for both modes: the rule stage drops
/// such names ([`titles_of_works`]) and gazetteer-only mode leaves them out
/// ([`veto_only`]'s `quoted`).
///
/// * The title of a work (`work`): a name that is the whole title, function words aside
///   (`«Ιθάκη»`, `«Η Ιθάκη»`, `«Πάτρα μου»`). Within a longer title a name is itself, a
///   mention a newsroom wants (`«Κυριακές στην Τεχνόπολη»`, `«Η Αθήνα του Περικλή»`).
/// * An organisation's name: a place or a person among its capitalised and function words
///   (`«Αγία Σοφία»`, `«Φωνή της Κεφαλονιάς»`): the organisation is the mention, the name
///   inside it is part of its name as a place at the end of an unquoted one is (`Δήμος Νέας
///   Σμύρνης`). A listed organisation inside stays itself.
///
/// Neither when the quotation names the noun's owner ([`owned`]).
pub(crate) fn quoted_name_owns(
    line: &Line,
    i: usize,
    open: usize,
    end: usize,
    name: impl Fn(usize) -> Option<(u32, Label)>,
    work: bool,
) -> bool {
    let toks = line.toks;
    if owned(line, i, open, end, &name) {
        return false;
    }
    if work {
        (open..=end).find_map(&name).is_some_and(|(n, _)| {
            (open..=end).all(|k| match name(k) {
                Some((g, _)) => g == n,
                None => toks[k].has(class::FUNCTION),
            })
        })
    } else {
        // After an article (`ο δήμος της «Θεσσαλονίκης»`) the quotation is the noun's
        // complement, not its name: no organisation is made of it, so its names stay.
        open == i + 1
            && (open..=end).any(|k| name(k).is_some())
            && (open..=end).all(|k| {
                name(k).is_none_or(|(_, l)| l != Label::Org)
                    && (toks[k].cap() || toks[k].has(class::FUNCTION))
            })
    }
}

/// Whether the name at bytes `start..end` of `line` is one of two names joined by a hyphen
/// without spaces: a pairing, a match or a route (`Γαλλία-Πορτογαλία`, `ΕΕ-Καναδά`,
/// `Λάρισας-Βόλου`), not a mention of either (a word or a number before the hyphen,
/// or a capital after it). The rule stage vetoes such names, and gazetteer-only mode
/// leaves them out (`veto_only`).
pub(crate) fn hyphen_pair(line: &str, start: usize, end: usize) -> bool {
    let before = line[..start].strip_suffix('-').and_then(|r| r.chars().next_back());
    let after = line[end..].strip_prefix('-').and_then(|r| r.chars().next());
    before.is_some_and(char::is_alphanumeric) || after.is_some_and(char::is_uppercase)
}

/// Whether a mention labelled `label` at bytes `start..end` of a line about space (class
/// `SPACE`) is a club named after a planet, so the planet ([`place::CELESTIAL`]).
pub(crate) fn celestial(label: Label, toks: &[Tok], start: usize, end: usize, off: &[&'static str]) -> bool {
    label == Label::Org
        && is_on(off, place::CELESTIAL.name)
        && toks
            .iter()
            .find(|t| t.s as usize == start)
            .is_some_and(|t| t.e as usize == end && t.has(class::CELESTIAL))
}

/// Makes `m` the planet its name is ([`place::CELESTIAL`]).
pub(crate) fn planet(m: &mut Mention) {
    m.label = Label::Loc;
    m.source = Source::Rule(place::CELESTIAL.name);
    m.confidence = place::CELESTIAL.confidence;
}

/// Makes the country `m` its national team ([`organisation::NATIONAL_TEAM`]): the rule stage
/// and gazetteer-only mode (`veto_only`) relabel the same way.
pub(crate) fn national_team(m: &mut Mention) {
    m.label = Label::Org;
    m.source = Source::Rule(organisation::NATIONAL_TEAM.name);
    m.confidence = organisation::NATIONAL_TEAM.confidence;
}

/// Whether `line` reads like a sentence of a sports report, where a country is its national
/// team ([`organisation::NATIONAL_TEAM`]): two of its sports words (`νίκησε`,
/// `προκρίθηκε`), one that only sports reports use (`γκολ`, `Μουντιάλ`: class
/// `SPORT_STRONG`, which counts twice), or a score such as `2-1` (which counts twice). The rule stage asks this of
/// the lines with a country among their mentions, gazetteer-only mode of those where a
/// place follows an article (`veto_only`). It reads the line as folded and classified
/// for the lookup (`folded`, and `words`, whose classes hold the sports words: see
/// [`add_sport_vocabulary`]; `classes`, the union of its words' classes, as [`tokenize`]
/// returns it), so it folds and looks up nothing again.
pub(crate) fn sport_line(line: &str, folded: &FoldedLine, words: &[Word], classes: u64) -> bool {
    sport_clues(line, folded, words, classes, 2) >= 2
}

/// The sports clues of `line` counted as [`sport_line`] does, up to `need`.
pub(crate) fn sport_clues(line: &str, folded: &FoldedLine, words: &[Word], classes: u64, need: u32) -> u32 {
    use crate::text::normalize::shape::{DIGIT, WORD};
    // A clue is a sports word or a score, whose digits are followed by a hyphen or a dash
    // (`–`, whose first byte is 0xE2): a line with neither (most) is answered at once. Only
    // words count below, and `classes` is their union: no scan of the words for one.
    if classes & class::SPORT == 0 && memchr::memchr2(b'-', 0xE2, line.as_bytes()).is_none() {
        return 0;
    }
    let mut sport = 0;
    // The sports word counted, once: a word said twice (`Εθνική Στρατηγική ... Εθνική`) is
    // one clue.
    let mut seen = None;
    let tokens = folded.tokens();
    for (t, w) in tokens.iter().zip(words) {
        if t.shape & WORD == 0 {
            continue;
        }
        let (s, e) = (t.s as usize, t.e as usize);
        // (A word of digits has a digit: the shape tells most words at once.)
        if t.shape & DIGIT != 0 && line.as_bytes()[s..e].iter().all(u8::is_ascii_digit) {
            // A score: one or two digits, a hyphen or a dash, digits, and then no more of a
            // number (`20-30.000`, `3-4%`) and no word but a function word (`3-1 χθες`, `2-1
            // της`): a range counts things (`3-4 δεκαετίες`, `8-9 Ιουνίου`).
            let after = &line[e..];
            let Some(r) = ["-", "–"].iter().find_map(|d| after.strip_prefix(d)) else { continue };
            let digits = r.bytes().take_while(u8::is_ascii_digit).count();
            let rest = &r[digits..];
            let number_goes_on = rest.starts_with('%')
                || rest.starts_with(['.', ',']) && rest[1..].starts_with(|c: char| c.is_ascii_digit());
            let word_after = rest.len() - rest.trim_start_matches(' ').len();
            let word_after = (word_after > 0).then(|| line.len() - rest.len() + word_after);
            let counts_things = word_after.is_some_and(|at| {
                tokens.iter().zip(words).any(|(t, w)| {
                    t.s as usize == at && t.shape & WORD != 0 && w.classes & class::FUNCTION == 0
                })
            });
            if e - s <= 2 && (1..=2).contains(&digits) && !number_goes_on && !counts_things {
                sport += 2;
            }
        } else if w.classes & class::SPORT != 0 {
            let f = folded.str(t.fs, t.fe);
            match seen {
                Some(x) if x == f => continue,
                None => seen = Some(f),
                _ => {}
            }
            sport += if w.classes & class::SPORT_STRONG != 0 { 2 } else { 1 };
        }
        if sport >= need {
            return sport;
        }
    }
    sport
}

/// Whether a place of gazetteer kind `kind` fields a team: a country its national team, a
/// city its club (`η Κροατία`, `η Λίβερπουλ`), unlike a region or an island.
pub(crate) fn fields_a_team(kind: Option<&str>) -> bool {
    matches!(kind, Some("country" | "city"))
}

/// Whether the country or city whose name starts at token `i` of `line` and ends at byte
/// `end` stands where a sentence of a sports report names a national team or a club
/// ([`organisation::NATIONAL_TEAM`]; the rule stage and gazetteer-only mode ask the same):
/// after its article, as the subject, the object or the genitive of a match's word (`η
/// Κροατία νίκησε`, `απέκλεισε τη Σουηδία`, `η ήττα της Εσθονίας`), or after `κόντρα
/// στην` (the team met). Not after a preposition (`στη Ρωσία`, the host), not a genitive
/// that completes a capitalised name, a team's noun, a common word the news capitalises (of
/// the state, a title) or a word of the venue (`το Μουντιάλ της Ιαπωνίας`, `το Κύπελλο της
/// Ισπανίας`, `η εθνική ομάδα της Φινλανδίας`, `η κυβέρνηση της Κροατίας`, `στα γήπεδα της
/// Ισλανδίας`: the host, the country whose team the noun names, the state), nor one name of
/// a pairing (`Γαλλία-Κροατία`).
pub(crate) fn team_slot(line: &Line, i: usize, end: usize) -> bool {
    let toks = line.toks;
    let Some(p) = line.prev(i) else { return false };
    let article = &toks[p];
    // `μια Αργεντινή`, `ένα Βέλγιο`: a subject or an object.
    if article.has(class::ART_INDEF) {
        let start = toks[i].s as usize;
        return !(line.text[..start].ends_with('-') || line.text[end..].starts_with('-'));
    }
    if !article.has(class::ART_FEM | class::ART_NEUT | class::ART_MASC) {
        return false;
    }
    // `κόντρα στην Ελβετία`: against the team.
    if article.has(class::STO) && !line.prev(p).is_some_and(|q| toks[q].has(class::AGAINST)) {
        return false;
    }
    if !article.has(class::SUBJECT_ARTICLE | class::STO) {
        // A genitive: of the capitalised name before it; of a team's noun, also with its
        // sport (`η ομάδα ποδοσφαίρου της Αρμενίας`); of a common word that the news
        // capitalises (`NONAME`: a word of the state, a title, a month, a nationality: `η
        // κυβέρνηση της Κροατίας`, `ο πρέσβης της Εσθονίας`) but no sports word (`Euro`, a
        // match's word); or of the venue (`στα γήπεδα της Ισλανδίας`): the country, not
        // the team.
        let team_noun = |h: usize| toks[h].has(class::TEAM);
        if line.prev(p).is_some_and(|h| {
            toks[h].cap() && !line.weak(h)
                || team_noun(h)
                || toks[h].has(class::SPORT) && line.prev(h).is_some_and(team_noun)
                || toks[h].has(class::NONAME) && !toks[h].has(class::SPORT)
                || toks[h].has(class::VENUE)
        }) {
            return false;
        }
    }
    let start = toks[i].s as usize;
    !(line.text[..start].ends_with('-') || line.text[end..].starts_with('-'))
}

/// Whether the name at token `i` of `line` is the team met: after its article and
/// `εναντίον` or `απέναντι` (`απέναντι στο Ιράν`). There one sports clue in the line makes
/// a country its national team ([`team_slot`] asks the rest); `κόντρα` is a clue itself,
/// so it lowers nothing (`κόντρα με την Αθήνα`, a quarrel).
pub(crate) fn met_slot(line: &Line, i: usize) -> bool {
    let toks = line.toks;
    let Some(p) = line.prev(i) else { return false };
    let Some(q) = line.prev(p) else { return false };
    toks[p].has(class::ART_FEM | class::ART_NEUT | class::ART_MASC)
        && toks[q].has(class::AGAINST)
        && !toks[q].has(class::SPORT)
}

/// Whether the city named `canonical` at token `i` of `line` (one word, ending at byte `end`)
/// is its club by the article's gender: a city whose name has a neuter's shape (a final
/// `-ο`, `-ι` or a consonant Greek words never end in: `το Πόρτο`, `το Λίβερπουλ`) after a
/// feminine article (`στην Πόρτο`, `τη Λίβερπουλ`: `η ομάδα`). The caller asks it
/// in a sports report only (two sports clues: one word such as `ομάδα` is no report), and of a
/// city a club is named as ([`Lookup::lists_club_named`]: `στην Καμπούλ` is the city); there even after a
/// preposition (`μεταγραφή στην Πόρτο`), where a country or a feminine city is the host
/// (`στη Ρωσία`).
pub(crate) fn club_of_neuter_city(line: &Line, i: usize, end: usize, canonical: &str) -> bool {
    let toks = line.toks;
    if toks[i].e as usize != end || canonical.contains(' ') {
        return false;
    }
    let neuter = canonical
        .chars()
        .last()
        .and_then(|c| c.to_lowercase().next())
        .is_some_and(|c| matches!(c, 'ο' | 'ό' | 'ι' | 'ί') || line.lex.foreign_finals.contains(&c));
    // Not after the genitive `της`: there the feminine is often the city's own (`τα σοκάκια
    // της Καμπούλ`, `η πόλη`).
    let article = |p: usize| toks[p].has(class::ART_FEM) && !line.w(p).ends_with(['ς', 'Σ']);
    neuter && line.prev(i).is_some_and(article)
}

/// Which of the countries and cities `items` of a sports report's line (each by its first
/// token and one past its last, in order) are teams named in a list without their articles
/// ([`organisation::NATIONAL_TEAM`]): items joined by commas and `και`, `ή`, `ούτε` (classes
/// `AND`, `TEAM_LIST_JOIN`) after a word that begins a list of teams (`TEAM_LIST`: `απέκλεισε τις
/// Ισλανδία και Αρμενία`, `με Φινλανδία, Χιλή και Ιαπωνία`, `ούτε Νορβηγία ούτε Ουγγαρία`) or
/// after `κόντρα`, `απέναντι` (`απέναντι σε Ουγγαρία και Εσθονία`); or names paired by a
/// dash between spaces, with each other or with another capitalised name (`το Ισλανδία -
/// Αρμενία 3-1`, `Ρεάλ - Λίβερπουλ`). Not a list after another word:
/// the places of origin or of play (`από Σλοβενία και Λετονία`, `σε Λάρισα και Βόλο`).
pub(crate) fn team_list(line: &Line, items: &[(usize, usize)]) -> Vec<bool> {
    let toks = line.toks;
    let gap = |a: usize, b: usize| &line.text[toks[a].e as usize..toks[b].s as usize];
    // How item `a` is joined to the next item `b`: `Some(true)` paired by a dash,
    // `Some(false)` listed.
    let link = |(_, e): (usize, usize), (s, _): (usize, usize)| -> Option<bool> {
        if e == 0 || e > s {
            return None;
        }
        if e == s {
            if line.spaced_dash(s) {
                return Some(true);
            }
            return (gap(e - 1, s).trim() == ",").then_some(false);
        }
        let joined = toks[e..s].iter().all(|t| t.has(class::AND | class::TEAM_LIST_JOIN))
            && (e..=s).all(|j| matches!(gap(j - 1, j).trim(), "" | ","));
        joined.then_some(false)
    };
    // Whether a word that begins a list of teams stands right before token `f`.
    let introduced = |f: usize| {
        if f == 0 || !matches!(gap(f - 1, f).trim(), "" | "(") {
            return false;
        }
        let p = f - 1;
        toks[p].has(class::TEAM_LIST | class::AGAINST)
            || toks[p].has(class::FUNCTION) && line.prev(p).is_some_and(|q| toks[q].has(class::AGAINST))
    };
    // Paired by a spaced dash with a capitalised name, listed or not (`Ρεάλ - Λίβερπουλ`).
    let mut listed: Vec<bool> = items
        .iter()
        .map(|&(f, e)| {
            f > 0 && toks[f - 1].cap() && line.spaced_dash(f)
                || e < toks.len() && toks[e].cap() && line.spaced_dash(e)
        })
        .collect();
    let mut k = 0;
    while k < items.len() {
        let (mut j, mut paired) = (k, false);
        while j + 1 < items.len() {
            let Some(dash) = link(items[j], items[j + 1]) else { break };
            paired |= dash;
            j += 1;
        }
        if j > k && (paired || introduced(items[k].0)) {
            listed[k..=j].iter_mut().for_each(|l| *l = true);
        }
        k = j + 1;
    }
    listed
}

/// Makes national teams ([`national_team`]) of the countries and cities of a sports
/// report's line that [`team_list`] finds listed as teams. `places` are the candidates, in
/// order: each its index in `mentions` and its bytes in the line. The rule stage and
/// gazetteer-only mode (`veto_only`) relabel so alike.
pub(crate) fn national_teams_listed(line: &Line, places: &[(usize, usize, usize)], mentions: &mut [Mention]) {
    let toks = line.toks;
    let (mut listed, mut spans) = (Vec::new(), Vec::new());
    for &(k, s, e) in places {
        let ta = toks.partition_point(|t| (t.s as usize) < s);
        if toks.get(ta).is_some_and(|t| t.s as usize == s) {
            let tb = ta + toks[ta..].iter().take_while(|t| t.e as usize <= e).count();
            listed.push(k);
            spans.push((ta, tb));
        }
    }
    if spans.is_empty() {
        return;
    }
    for (k, is_team) in listed.into_iter().zip(team_list(line, &spans)) {
        if is_team {
            national_team(&mut mentions[k]);
        }
    }
}

/// Whether the name at bytes `start..end` of `line` heads a team's line-up: the line starts
/// with it, `:` or its coach in brackets follows, and a list of players (four commas or
/// more): `Βραζιλία: Α, Β, Γ, Δ, Ε`. Such a country is its national team.
pub(crate) fn lineup_head(line: &str, start: usize, end: usize) -> bool {
    // The byte after the name first: most names are followed by neither. Past the spaces,
    // an ASCII byte that is no white space is the char that decides (the rest is trimmed).
    let after = &line.as_bytes()[end..];
    let k = after.iter().take_while(|&&c| c == b' ').count();
    let opens = match after.get(k) {
        Some(&c) if c > b' ' && c < 0x80 => c == b':' || c == b'(',
        _ => {
            let rest = line[end..].trim_start();
            rest.starts_with(':') || rest.starts_with('(')
        }
    };
    opens && line[..start].trim().is_empty() && line.bytes().filter(|&c| c == b',').count() >= 4
}

/// The line-up or list of persons after the last colon of `line`, if there is one: the
/// colon's byte. After the colon come five items or more, separated by commas (the last by
/// `και`), each of one to three capitalised words, with what stands in brackets (`(84'
/// Τάλμποτ)`) left aside; and the line's listed places (`places`) are fewer than half the
/// items, as a list of places (`προορισμοί: Ελλάδα, Ιταλία, Τουρκία, Κύπρος, Μάλτα`) has
/// them all. Asked once per line, so that the check of each name stays short
/// ([`lineup_player`]).
pub(crate) fn lineup_list(line: &str, places: usize) -> Option<usize> {
    if places == 0 {
        // Only a listed place is ever asked about (`person_slot`).
        return None;
    }
    let colon = memchr::memrchr(b':', line.as_bytes())?;
    // Five items need four separators, commas or `και`: most lines with a colon (a quote
    // after `δήλωσε:`) stop here, before their items are read.
    let rest = &line[colon + 1..];
    let commas = memchr::memchr_iter(b',', rest.as_bytes()).take(4).count();
    // `και` is counted only as far as it decides, with a searcher built once.
    static AND: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new("και"));
    if commas < 4 && commas + AND.find_iter(rest.as_bytes()).take(4 - commas).count() < 4 {
        return None;
    }
    let mut items = 0;
    let mut depth = 0usize;
    // Items coordinated inside one (`Α και Β`), split with a searcher built once.
    static AND_SEP: LazyLock<memchr::memmem::Finder<'static>> =
        LazyLock::new(|| memchr::memmem::Finder::new(" και "));
    // One to three capitalised words, read only as far as the first that fails.
    let is_part = |part: &str| {
        let mut words = 0;
        part.split_whitespace().all(|w| {
            words += 1;
            words <= 3 && w.chars().next().is_some_and(char::is_uppercase)
        }) && words >= 1
    };
    let is_item = |item: &str| {
        let item = item.trim().trim_end_matches('.').trim_end();
        let mut start = 0;
        for m in AND_SEP.find_iter(item.as_bytes()) {
            if !is_part(&item[start..m]) {
                return false;
            }
            start = m + AND_SEP.needle().len();
        }
        is_part(&item[start..])
    };
    let mut item = String::new();
    for c in line[colon + 1..].chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                if !is_item(&item) {
                    return None;
                }
                items += 1 + AND_SEP.find_iter(item.as_bytes()).count();
                item.clear();
            }
            _ if depth == 0 => item.push(c),
            _ => {}
        }
    }
    if !item.trim().is_empty() {
        if !is_item(&item) {
            return None;
        }
        items += 1 + AND_SEP.find_iter(item.as_bytes()).count();
    }
    (items >= 5 && 2 * places < items).then_some(colon)
}

/// Whether the name at bytes `start..end` of `line` is one player of the line-up whose
/// colon [`lineup_list`] found (`list`): it stands after the colon and is a whole item, a
/// separator before it and one or a bracket after it (`ΣΚΩΤΙΑ: Μακάλιστερ, Ρόουλεϊ,
/// Φέργκους, Χέντερσον (84' Τάλμποτ), Κέρνς.`). A listed town so named (`Χέντερσον`,
/// `Ζωγράφος`) is then a player. What follows the name is read first: most names are no
/// item, and the list (a scan of the line) is then not asked for.
pub(crate) fn lineup_player(
    line: &str,
    start: usize,
    end: usize,
    list: impl FnOnce() -> Option<usize>,
) -> bool {
    let after = line[end..].trim_start();
    if !(after.is_empty() || after.starts_with([',', '(', '.']) || after.starts_with("και ")) {
        return false;
    }
    let Some(colon) = list().filter(|&c| c < start) else { return false };
    let before = line[colon + 1..start].trim_end();
    before.is_empty() || before.ends_with(',') || before.ends_with(" και")
}

/// Whether a run of the one token `t` comes to nothing: [`strip`] drops it whole, and the
/// rules tried before (`bank`, `landmark`) need a class it lacks. A function word or a
/// capitalised common word alone (most often the article that starts a sentence), told
/// by its classes without a call to [`classify`].
#[inline]
fn stripped_alone(t: &Tok) -> bool {
    let edge = t.has(class::FUNCTION) || t.has(class::NONAME) && !t.has(class::ORG_HEAD | class::LOC_ADJ);
    edge && !t.has(class::GIVEN | class::PORTFOLIO | class::BANK | class::LANDMARK)
}

/// Strips function words and capitalised common words from the edges of a run.
fn strip(line: &Line, mut a: usize, mut b: usize) -> (usize, usize) {
    let toks = line.toks;
    let edge = |t: &Tok, more: bool| {
        (t.has(class::FUNCTION) && !(t.has(class::GIVEN) && more))
            || (t.has(class::NONAME)
                && !t.has(class::ORG_HEAD | class::LOC_ADJ)
                && !(t.has(class::GIVEN) && more))
    };
    // An initial (`Ο. Παπαδόπουλος`) is never an article.
    let initial = |i: usize| toks[i].is(shape::SINGLE) && i + 1 < b && line.gap(i + 1).starts_with('.');
    // An adjective before a head noun (`Γενικό Νοσοκομείο`) and a portfolio after the
    // lower-case `υπουργείο` (`υπουργείο Οικονομίας`) belong to the name.
    let before_head = |i: usize| !toks[i].has(class::FUNCTION) && line.head_follows(i, b);
    let start = a;
    let after_ministry = |i: usize| {
        i == start
            && toks[i].has(class::PORTFOLIO)
            && line.prev(i).is_some_and(|p| toks[p].has(class::ORG_HEAD_LOWER))
    };
    // A given name that is also a common word (`Ζωή`) right before a listed name is a
    // first name all the same.
    let listed_next = b < toks.len() && toks[b].gaz != 0 && toks[b].cap() && line.plain_gap(b);
    while a < b
        && edge(&toks[a], a + 1 < b || listed_next)
        && !initial(a)
        && !before_head(a)
        && !after_ministry(a)
    {
        a += 1;
    }
    let end = b;
    while b > a
        && (edge(&toks[b - 1], b == end && listed_next)
            && !(b - 1 == start && after_ministry(start))
            && !(b - 1 > a && line.demonym_surname(b - 1))
            || toks[b - 1].has(class::PARTICLE) && !toks[b - 1].cap())
    {
        b -= 1;
    }
    // `ο υπουργός Εξωτερικών Χ`, `ο υπουργός Εθνικής | Άμυνας Χ`: the portfolio belongs
    // to the title, not to the name.
    while a < b && portfolio_of_title(line, a) {
        a += 1;
    }
    (a, b)
}

/// Whether token `i` is a portfolio that a title heads: the title, then portfolios and the
/// particles between them, right before it (`ο υπουργός Εθνικής Άμυνας`, `ο υπουργός
/// Προστασίας του Πολίτη`, `η υφυπουργός Ανάπτυξης και Επενδύσεων`). A portfolio in the
/// genitive after a title is never its holder, whatever rule would take it for a name.
fn portfolio_of_title(line: &Line, i: usize) -> bool {
    let toks = line.toks;
    if !toks[i].has(class::PORTFOLIO) || toks[i].has(class::GIVEN) {
        return false;
    }
    let mut k = i;
    // A title's portfolio is at most a few words long.
    for _ in 0..6 {
        let Some(p) = line.prev(k) else { return false };
        let t = &toks[p];
        if t.has(class::TITLE) {
            return true;
        }
        if !(t.has(class::PORTFOLIO) || t.has(class::LINK | class::AND) && !t.cap()) {
            return false;
        }
        k = p;
    }
    false
}

/// Types one run: the first rule in priority order that fires, of those not switched off
/// (`off`). Notes in `stripped` the run's words without their edges (see [`strip`]) when it
/// reads them, so that the caller need not strip the run again.
fn classify(
    line: &Line,
    r: &Run,
    gaz: &[GazSpan],
    off: &[&'static str],
    stripped: &mut Option<(usize, usize)>,
) -> Option<Cand> {
    let on = |c: Option<Cand>| c.filter(|c| is_on(off, c.rule.name));
    let toks = line.toks;
    if r.dotted {
        return on(organisation::acronym(line, r.a, r.b, true, gaz));
    }
    // In a headline in capitals every word is capitalised: only an acronym's shape and a
    // known given name are evidence (`Η ΚΥΒΕΡΝΗΣΗ ΑΠΑΝΤΑ ΣΤΗΝ ΑΝΤΙΠΟΛΙΤΕΥΣΗ` is no name;
    // names the gazetteer knows are found in capitals as in any case).
    if line.headline && (r.a..r.b).all(|i| toks[i].is(shape::UPPER | shape::SINGLE | shape::DIGIT)) {
        let (a, b) = strip(line, r.a, r.b);
        *stripped = Some((a, b));
        if a >= b {
            return None;
        }
        // A person's name may also begin after a function word inside the run (`ΠΑΡΑΙΤΗΘΗΚΕ
        // Ο | ΓΙΩΡΓΟΣ ΚΑΡΑΚΩΣΤΑΣ`): a given name that is no common word.
        let inner = |i: usize| {
            toks[i - 1].has(class::FUNCTION)
                && toks[i].has(class::GIVEN)
                && !toks[i].has(class::FUNCTION | class::NONAME)
        };
        return on(organisation::acronym(line, a, b, false, gaz))
            .or_else(|| on(person::given_name(line, a, b)))
            .or_else(|| (a + 1..b).filter(|&i| inner(i)).find_map(|i| on(person::given_name(line, i, b))));
    }
    // A bank's one-word name and a landmark's are capitalised common words (`η Εθνική`,
    // `στο Σύνταγμα`), which the strip below would drop.
    if let Some(c) = on(organisation::bank(line, r.a, r.b)).or_else(|| on(place::landmark(line, r.a, r.b))) {
        return Some(c);
    }
    let (a, b) = strip(line, r.a, r.b);
    *stripped = Some((a, b));
    if a >= b {
        return None;
    }
    let weak = line.weak(a);
    // A given name, an initial or an unknown name-like word right before a person the
    // gazetteer knows (`Έλον` + `Μασκ`, `Ντ.` + `Τραμπ`).
    let initial = |i: usize| line.initial(i);
    let name_like = |i: usize| {
        let t = &toks[i];
        t.cap()
            && !t.is(shape::UPPER)
            && !t.is(shape::DIGIT)
            && !t.has(class::NONAME | class::FUNCTION | class::ORG_HEAD | class::TITLE | class::PORTFOLIO)
            && !line.common_shape(i)
    };
    let given = || (a..b).all(|i| toks[i].has(class::GIVEN) || name_like(i)) || b - a == 1 && initial(a);
    let joined = || line.plain_gap(b) || matches!(line.gap(b), ". " | ".");
    // At the start of a sentence one unknown word is no evidence of a given name.
    let weak_guess = || weak && b - a == 1 && !toks[a].has(class::GIVEN) && !initial(a);
    // The mention the gazetteer found right after the stretch, if one starts there: asked
    // first, as most stretches have none.
    let g = toks.get(b).map_or(0, |t| t.gaz as usize);
    let listed_next = g != 0 && gaz[g - 1].start == toks[b].s as usize;
    if listed_next && b - a <= 2 && joined() && !weak_guess() && given() {
        let mut e = b;
        while e < toks.len() && toks[e].gaz as usize == g {
            e += 1;
        }
        // A known given name before a one-word place or organisation is a person too
        // (`Σεμπάστιαν Μπάρι`, `Γιάννης Μασούτης`): names are also surnames.
        let one_word = e == b + 1;
        if gaz[g - 1].label == Label::Per && is_on(off, person::GIVEN_BEFORE_KNOWN.name) {
            // A second surname after a hyphen (`Ελπίδα Μιχελάκη-Ζαρκάδα`) is the name's too.
            let second = e < toks.len() && e == b + 1 && is_on(off, person::DOUBLE_SURNAME.name) && {
                let t = &toks[e];
                person::last_after_hyphen(line, e) && t.gaz == 0 && name_like(e)
            };
            let e = e + usize::from(second);
            return Some(Cand {
                absorbs: true,
                entry: gaz[g - 1].entry,
                ..Cand::new(a, e, &person::GIVEN_BEFORE_KNOWN)
            });
        } else if gaz[g - 1].label != Label::Per
            && one_word
            && (a..b).all(|i| toks[i].has(class::GIVEN))
            && !line.common_shape(b)
            && is_on(off, person::GIVEN_NAME.name)
        {
            return Some(Cand { absorbs: true, ..Cand::new(a, e, &person::GIVEN_NAME) });
        }
    }
    // A listed person, a hyphen and this one word: a double surname.
    if b == a + 1 && r.a == a && is_on(off, person::DOUBLE_SURNAME.name) {
        if let Some(c) = person::double_surname(line, a, gaz) {
            return Some(c);
        }
    }
    // A person the gazetteer knows by one word, right before an unknown name: the words are
    // one person (`Μάικλ` + `Μάντεν`; `Κρεγκ` + `Μπέλαμι`, where the listed surname is the
    // given name), who keeps the listed entry only if the whole name supports it.
    if a > 0
        && toks[a - 1].gaz != 0
        && line.plain_gap(a)
        && b - a <= 2
        && (a..b).all(|i| name_like(i) && !toks[i].has(class::GIVEN))
    {
        let m = &gaz[toks[a - 1].gaz as usize - 1];
        let one_word = m.start == toks[a - 1].s as usize && m.end == toks[a - 1].e as usize;
        if m.label == Label::Per
            && one_word
            && !toks[a - 1].is(shape::UPPER)
            && is_on(off, person::GIVEN_NAME.name)
        {
            return Some(Cand { absorbs: true, entry: m.entry, ..Cand::new(a - 1, b, &person::GIVEN_NAME) });
        }
    }
    // A lone letter is an initial or a numbering, not a name.
    if b - a == 1 && toks[a].is(shape::SINGLE) {
        return None;
    }
    let stretch = Stretch { a, b, weak, gaz };
    let found = if off.is_empty() {
        let n = if weak && b - a == 1 { WEAK_FINDS } else { FINDS.len() };
        find_typed(line, &stretch, n)?
    } else {
        RULES
            .iter()
            .filter(|r| is_on(off, r.name) && (r.needs == 0 || line.classes & r.needs != 0))
            .filter_map(|r| r.find)
            .find_map(|find| on(find(line, &stretch)))?
    };
    // At the start of a sentence a capital proves nothing: one word needs a rule of shape
    // or strong context (the noun that introduces a name in guillemets: `το περιοδικό
    // «Nature»`).
    if weak && b - a == 1 {
        let name = found.rule.name;
        let head_with_complement = name == organisation::HEAD.name && found.b > b;
        if !STRONG.iter().any(|r| r.name == name) && !head_with_complement {
            return None;
        }
    }
    if toks[found.a].is(shape::NO_LETTER) {
        return None;
    }
    // An organisation's head noun is no part of a person's name (`ο Σύνδεσμος`, `Ένοπλες
    // Δυνάμεις` after a verb of saying), unless it is also a given name (`Δήμος`).
    if found.rule.label == Label::Per
        && (found.a..found.b)
            .any(|i| toks[i].has(class::ORG_HEAD) && !toks[i].has(class::GIVEN) && !toks[i].is(shape::LATIN))
    {
        return None;
    }
    if found.rule.label == Label::Per {
        // A capitalised title before the name is not the name's (`Καρδιολόγος Ορέστης Μαυρογένης`).
        let title = |t: &Tok| t.has(class::TITLE) && !t.has(class::GIVEN) && !t.is(shape::SINGLE);
        let a = if found.b - found.a >= 2 && title(&toks[found.a]) && line.plain_gap(found.a + 1) {
            found.a + 1
        } else {
            found.a
        };
        let b = person::particle_surname(line, found.b);
        // A listed surname after a hyphen is the second of a double surname.
        if is_on(off, person::DOUBLE_SURNAME.name) {
            if let Some(e) = person::listed_second_surname(line, b, gaz) {
                return Some(Cand { a, b: e, absorbs: true, ..found });
            }
        }
        return Some(Cand { a, b, ..found });
    }
    Some(found)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Entry, Gazetteer, Recognizer, Stage};

    /// `FINDS` holds the typing rules of `RULES`, all of them, in their order, with their needs.
    #[test]
    fn finds_are_the_rules_finds_in_order() {
        let finds: Vec<(Find, u64)> = RULES.iter().filter_map(|r| r.find.map(|f| (f, r.needs))).collect();
        assert_eq!(FINDS.len(), finds.len());
        for (k, (&(a, na), &(b, nb))) in FINDS.iter().zip(&finds).enumerate() {
            assert!(std::ptr::fn_addr_eq(a, b) && na == nb, "rule {k}");
        }
    }

    /// One word at the start of a sentence is tried with the typing rules up to the last
    /// one whose finding stands there, and no further: every rule of [`STRONG`] and the head
    /// come before the cut, only rules whose finding is dropped there come after it.
    #[test]
    fn a_weak_word_is_tried_with_the_rules_up_to_the_last_strong_one() {
        let names: Vec<&str> = RULES.iter().filter(|r| r.find.is_some()).map(|r| r.name).collect();
        let stands = |n: &str| n == organisation::HEAD.name || STRONG.iter().any(|r| r.name == n);
        let cases: Vec<(&str, bool)> = STRONG
            .iter()
            .map(|r| (r.name, true))
            .chain([(organisation::HEAD.name, true), (person::ARTICLE.name, false)])
            .chain([(person::FALLBACK_FOREIGN.name, false), (place::PREPOSITION.name, false)])
            .collect();
        for (name, before) in cases {
            let k = names.iter().position(|&n| n == name).expect(name);
            assert_eq!(k < WEAK_FINDS, before, "{name}");
        }
        assert!(stands(names[WEAK_FINDS - 1]));
        assert!(names[WEAK_FINDS..].iter().all(|&n| !stands(n)));
    }

    /// A word alone that `stripped_alone` skips is one `classify` finds nothing in: `strip`
    /// leaves none of it and neither a bank nor a landmark is typed, for capitalised
    /// articles, prepositions, days, nationalities and titles; given names, portfolios,
    /// banks and landmarks are never skipped.
    #[test]
    fn a_word_stripped_alone_is_one_classify_finds_nothing_in() {
        let lex = Lexicon::build();
        let mut folded = FoldedLine::default();
        let mut toks = Vec::new();
        let sentences = [
            "Ο υπουργός μίλησε χθες. Η Τρίτη ήταν ήσυχη. Στη Βουλή, Για τους Γάλλους.",
            "Με τον Πρόεδρο, την Κυριακή, Οι Ιταλοί και Τα νέα Μέτρα ανακοινώθηκαν.",
            "Η Ελπίδα, η Ζωή και η Εθνική στο Σύνταγμα, ο υπουργός Οικονομικών, Από τον Μάιο.",
            "ΤΟ ΝΕΟ ΜΕΤΡΟ ΣΤΗΝ ΑΘΗΝΑ ΚΑΙ Η ΑΝΤΙΔΡΑΣΗ ΤΩΝ ΚΑΤΟΙΚΩΝ",
        ];
        let (mut skipped, mut kept) = (0, 0);
        for text in sentences {
            folded.fold_and_split(text);
            let words: Vec<Word> = folded
                .tokens()
                .iter()
                .map(|t| Word {
                    token: crate::text::vocab::NO_TOKEN,
                    start: 0,
                    classes: lex.classes(folded.str(t.fs, t.fe)),
                })
                .collect();
            candidates::tokenize(&folded, &words, &mut toks);
            let line = Line::new(text, &folded, &toks, &lex);
            for (i, t) in toks.iter().enumerate() {
                if !t.cap() {
                    continue;
                }
                let (a, b) = strip(&line, i, i + 1);
                let nothing = a >= b
                    && organisation::bank(&line, i, i + 1).is_none()
                    && place::landmark(&line, i, i + 1).is_none();
                if stripped_alone(t) {
                    assert!(nothing, "{text:?}: {}", line.w(i));
                    skipped += 1;
                } else {
                    kept += 1;
                }
            }
        }
        assert!(skipped >= 10 && kept >= 10, "{skipped} {kept}");
    }

    /// `lineup_list` finds the colon of a list of five or more capitalised items of one to
    /// three words (an item may coordinate two with `και`; brackets are skipped), when the
    /// items outnumber twice the line's places; a quotation after a colon is no list.
    #[test]
    fn lineup_list_is_five_short_capitalised_items_after_a_colon() {
        let cases = [
            ("ΑΡΗΣ: Κύρου, Μανώλης, Λάμπρου (70' Σταύρου), Ζαχαρίας, Νίκου.", 1, true),
            ("Ομάδα: Κύρου, Άννα Μαρή και Ελένη Τζέλη, Ζαχαρίας, Νίκου", 2, true),
            ("Παίκτες: Κύρου, Μανώλης και Λάμπρου, Ζαχαρίας και Νίκου", 1, true),
            ("Ομάδα: Κύρου, Μανώλης Π. Λάμπρου Τέλος, Ζαχαρίας, Νίκου, Άρης", 1, false),
            ("Ομάδα: Κύρου, Μανώλης, και Λάμπρου, Ζαχαρίας, Νίκου", 1, false),
            ("Ομάδα: Κύρου, Μανώλης, Λάμπρου, Ζαχαρίας και νίκη", 1, false),
            ("Ομάδα: Κύρου, Μανώλης, Λάμπρου, Ζαχαρίας, Νίκου", 3, false),
            ("Ομάδα: Κύρου, Μανώλης, Λάμπρου, Ζαχαρίας, Νίκου", 0, false),
            ("Ομάδα: Κύρου, Μανώλης, Λάμπρου και Ζαχαρίας", 1, false),
            ("Δήλωσε: «Θα πάμε, θα δούμε, θα κρίνουμε, θα μιλήσουμε και θα αποφασίσουμε»", 1, false),
        ];
        for (line, places, want) in cases {
            let colon = line.find(':');
            assert_eq!(lineup_list(line, places), colon.filter(|_| want), "{line:?}");
        }
    }

    /// `lineup_head` reads the byte after the name as the trim did: a colon or a bracket
    /// after spaces, tabs or no-break spaces, at the line's start, with four commas after.
    #[test]
    fn lineup_head_is_a_name_before_a_colon_or_a_bracket() {
        let tail = "Α, Β, Γ, Δ, Ε";
        let cases = [
            (": ", true),
            ("  (4-4-2): ", true),
            ("\u{a0}: ", true),
            ("\t: ", true),
            (" \u{2009}(", true),
            (", ", false),
            (" - ", false),
            ("\u{a0}και ", false),
            ("", false),
        ];
        for (after, want) in cases {
            let line = format!("Ελλάδα{after}{tail}");
            let end = "Ελλάδα".len();
            assert_eq!(lineup_head(&line, 0, end), want, "{line:?}");
            // Not at the line's start, and not without the commas.
            let start = "Η ".len();
            assert!(!lineup_head(&format!("Η Ελλάδα{after}{tail}"), start, start + end), "{line:?}");
            assert!(!lineup_head(&format!("Ελλάδα{after}Α, Β"), 0, end), "{line:?}");
        }
    }

    /// The texts of the entities labelled `label` that `ner` finds in `sentence`.
    fn labelled(ner: &Recognizer, sentence: &str, label: Label) -> Vec<String> {
        ner.extract(sentence).iter().filter(|e| e.label == label).map(|e| e.text().to_string()).collect()
    }

    fn recognizer() -> Recognizer {
        // A fictional person, so that `person_given_before_known` has a known surname to join.
        let mut g = Gazetteer::new("test");
        g.insert(Entry::new("grner:per:test-logaras", Label::Per, "Στέλιος Λογαράς").alias("Λογαράς"))
            .unwrap();
        g.insert(Entry::new("iso3166:UA", Label::Loc, "Ουκρανία").kind("country")).unwrap();
        // A fictional club named after a planet, for `loc_celestial`.
        g.insert(Entry::new("grner:org:test-kronos", Label::Org, "Κρόνος").kind("club")).unwrap();
        // A fictional journal, so that `org_latin_tail` has a listed name to lengthen.
        g.insert(Entry::new("grner:org:test-acta", Label::Org, "Acta Zentrova").kind("media")).unwrap();
        let nodecl = crate::gazetteer::Flags { nodecl: true, ..Default::default() };
        g.insert(Entry::new("geonames:2644210", Label::Loc, "Λίβερπουλ").kind("city").flags(nodecl)).unwrap();
        // Its club, named alike (`Lookup::lists_club_named`), left to the rules as the default lists leave it.
        let ambiguous = crate::gazetteer::Flags { ambiguous: true, ..nodecl };
        g.insert(Entry::new("grner:org:test-lv", Label::Org, "Λίβερπουλ").kind("club").flags(ambiguous))
            .unwrap();
        // The rules alone (and this small list): the embedded gazetteers would find many
        // of the example names before the rules do.
        Recognizer::builder()
            .default_gazetteers(false)
            // Checked in context, as the embedded gazetteers it stands for.
            .gazetteer(g.context_checks(true))
            .stage(Stage::Document, false)
            .build()
            .unwrap()
    }

    #[test]
    fn a_mans_name_in_the_genitive_after_a_feminine_article_is_a_street() {
        let mut g = Gazetteer::new("test");
        let nodecl = crate::gazetteer::Flags { nodecl: true, ..Default::default() };
        g.insert(Entry::new("grner:per:test-nikokles", Label::Per, "Νικοκλέους").flags(nodecl)).unwrap();
        let ner = Recognizer::builder()
            .default_gazetteers(false)
            .gazetteer(g.context_checks(true))
            .build()
            .unwrap();
        for (sentence, person) in [
            ("Το καφέ της Νικοκλέους γέμισε φοιτητές.", false),
            ("Η Νικοκλέους κλείνει για έργα από αύριο.", false),
            ("ΚΛΕΙΣΤΗ Η ΝΙΚΟΚΛΕΟΥΣ ΓΙΑ ΕΡΓΑ", false),
            ("Το σπίτι του Νικοκλέους πουλήθηκε χθες.", true),
        ] {
            let per = ner.extract(sentence).iter().any(|e| e.label == Label::Per);
            assert_eq!(per, person, "{sentence}");
        }
    }

    #[test]
    fn a_club_named_after_a_planet_is_the_planet_only_in_a_line_about_space() {
        let ner = recognizer();
        for (sentence, label) in [
            ("Η NASA έστειλε νέο ρόβερ στον Κρόνο.", Label::Loc),
            ("Τα ηφαίστεια του Κρόνου είναι σβηστά εδώ και αιώνες.", Label::Loc),
            // No word of space: the club.
            ("Ο Κρόνος νίκησε 2-1 στο γήπεδο της Λάρισας.", Label::Org),
            ("Η διοίκηση του Κρόνου συνεδρίασε χθες το βράδυ.", Label::Org),
        ] {
            let got: Vec<_> = ner
                .extract(sentence)
                .iter()
                .filter(|e| e.text().starts_with("Κρόν"))
                .map(|e| e.label)
                .collect();
            assert_eq!(got, [label], "{sentence}");
        }
    }

    #[test]
    fn an_acronym_after_a_particle_is_the_parent_body_not_part_of_the_unit() {
        let ner = recognizer();
        for (sentence, orgs) in [
            ("Συνεδρίασε το Εκτελεστικό Συμβούλιο του ΠΣΚΑ χθες.", &["Εκτελεστικό Συμβούλιο", "ΠΣΚΑ"][..]),
            (
                "Τα στοιχεία έδωσε η Βιβλιοθήκη Νεότητας της ΓΓΝΑ στη Βουλή.",
                &["Βιβλιοθήκη Νεότητας", "ΓΓΝΑ", "Βουλή"],
            ),
            // Capitalised words after the particle are still the name's complement.
            (
                "Μίλησε ο πρόεδρος του Συλλόγου Εργαζομένων της Τοπικής Αυτοδιοίκησης χθες.",
                &["Συλλόγου Εργαζομένων της Τοπικής Αυτοδιοίκησης"],
            ),
            // Without a particle an acronym in the genitive right after the name is its own.
            ("Στάση εργασίας κάνει αύριο ο Σύλλογος Εργαζομένων ΕΟΠΥΥ.", &["Σύλλογος Εργαζομένων ΕΟΠΥΥ"]),
        ] {
            assert_eq!(labelled(&ner, sentence, Label::Org), orgs, "{sentence}");
        }
    }

    #[test]
    fn genitive_complements_joined_by_a_spaced_dash_are_one_name() {
        let ner = recognizer();
        for (sentence, orgs) in [
            (
                "Μίλησε η Ένωση Ηθοποιών - Σκηνοθετών Θεσσαλίας χθες.",
                &["Ένωση Ηθοποιών - Σκηνοθετών Θεσσαλίας"][..],
            ),
            (
                "Απάντησε το Τμήμα Γεωλογίας – Ορυκτολογίας με ανακοίνωση.",
                &["Τμήμα Γεωλογίας – Ορυκτολογίας"],
            ),
            // Not a genitive after the dash: a heading's next part.
            ("Ινστιτούτο Γεωλογίας - Πολιτισμός", &["Ινστιτούτο Γεωλογίας"]),
        ] {
            assert_eq!(labelled(&ner, sentence, Label::Org), orgs, "{sentence}");
        }
    }

    #[test]
    fn plural_heads_and_coordinated_portfolios() {
        let ner = recognizer();
        for (sentence, orgs) in [
            ("Οι ασθενείς εξυπηρετούνται στα Κέντρα Υγείας της περιοχής.", &["Κέντρα Υγείας"][..]),
            ("Τα ευρήματα παραδόθηκαν στις Εφορείες Αρχαιοτήτων των νομών.", &["Εφορείες Αρχαιοτήτων"]),
            (
                "Τη λίστα ενέκριναν τα υπουργεία Εσωτερικών και Τουρισμού χθες.",
                &["υπουργεία Εσωτερικών και Τουρισμού"],
            ),
            (
                "Νέα εγκύκλιος των υπουργείων Πολιτισμού και Παιδείας στάλθηκε στα σχολεία.",
                &["υπουργείων Πολιτισμού και Παιδείας"],
            ),
            (
                "Η εγκύκλιος του Υπουργείου Περιβάλλοντος και Ενέργειας στάλθηκε.",
                &["Υπουργείου Περιβάλλοντος και Ενέργειας"],
            ),
            // A plural noun with no complement or adjective is no name.
            ("Τα Κέντρα έκλεισαν νωρίς χθες.", &[]),
        ] {
            assert_eq!(labelled(&ner, sentence, Label::Org), orgs, "{sentence}");
        }
    }

    #[test]
    fn a_name_before_an_fm_frequency_is_the_radio_station() {
        let ner = recognizer();
        for (sentence, orgs) in [
            (
                "Το Zefyros 99,4 και το Nautilus 88,1 είναι οι πρώτοι σταθμοί της πόλης.",
                &["Zefyros", "Nautilus"][..],
            ),
            ("Το είπε στον Αύρα FM 91,2 χθες το πρωί.", &["Αύρα FM"]),
            ("Μίλησε στο Polaris Radio 104.3.", &["Polaris Radio"]),
            // Amounts and numbers out of the FM band are no frequencies.
            ("Η μετοχή της Αλκυονίδα έκλεισε στα 95,5 ευρώ χθες.", &[]),
            ("Το Zefyros 45,5 είναι εκτός ζώνης.", &[]),
            // A lower-case word right after the number may be its unit.
            ("Ο δείκτης Zenthal 98,2 μονάδες έκλεισε χθες.", &[]),
            // A word of radio anywhere in the line.
            ("Μιλώντας στον Κυματισμό 97,3, ο υπουργός είπε ότι διαφωνεί.", &["Κυματισμό"]),
            ("Σε συνέντευξή του στο Zefyros 99,4, ο δήμαρχος μίλησε για τα έργα.", &["Zefyros"]),
            // No word of radio: an index's or a price's value near 100.
            ("Η Πορτογαλία 97,8 και η Ισπανία 102,4 στον δείκτη καταναλωτικής εμπιστοσύνης.", &[]),
            ("Ο Δείκτης Τιμών Παραγωγού 104,3 έναντι 101,9 πέρυσι.", &[]),
            ("Το Zenthal 98,4 στο κλείσιμο της εβδομάδας.", &[]),
            // A listed place is never the station; a bracket after the number holds a change.
            ("Η Ουκρανία 101,2 στον δείκτη, όπως είπε ο σταθμός.", &[]),
            ("Στην εκπομπή ακούστηκε ότι το Zenthal 98,4 (+1,2%) κέρδισε.", &[]),
        ] {
            assert_eq!(labelled(&ner, sentence, Label::Org), orgs, "{sentence}");
        }
    }

    #[test]
    fn quoted_names_after_an_introducing_noun() {
        let ner = recognizer();
        for (sentence, orgs) in [
            // The noun's complements between it and the quotation.
            ("Στάση εργασίας κήρυξε το σωματείο εργαζομένων της εταιρείας «Αλκυόνη».", &["Αλκυόνη"][..]),
            ("Το άρθρο δημοσιεύθηκε στο περιοδικό βιολογίας «Cellula Nova».", &["Cellula Nova"]),
            ("Το έγραψε η εφημερίδα της Λάρισας «Κάμπος» χθες.", &["Κάμπος"]),
            // A leading article and lower-case words belong to the name.
            ("Το ασθενοφόρο τον μετέφερε στο νοσοκομείο «Η Ευαγγελίστρια» το βράδυ.", &["Η Ευαγγελίστρια"]),
            ("Βοήθεια έστειλε η οργάνωση «Χέρια για το Αύριο» στους πληγέντες.", &["Χέρια για το Αύριο"]),
            // A list of names after one noun.
            (
                "Έκλεισαν οι εφημερίδες «Πρωινή», «Βραδινή» και «Εσπερινή» πέρσι.",
                &["Πρωινή", "Βραδινή", "Εσπερινή"],
            ),
            // Spaces around the comma, as tokenised text writes it.
            ("Απεργούν τα περιοδικά «Κήπος» , «Αυλή» και «Βεράντα» σήμερα.", &["Κήπος", "Αυλή", "Βεράντα"]),
            // An introducing adjective takes its noun first.
            ("Μίλησε στον ραδιοφωνικό σταθμό «Αύρα» χθες.", &["Αύρα"]),
            // A number or Latin letters need no capital; a Greek common word does.
            ("Το μετέδωσε το κανάλι «24 Ώρες» χθες.", &["24 Ώρες"]),
            ("Το έγραψε η ιστοσελίδα «nea-ora.lt» χθες.", &["nea-ora.lt"]),
            ("Στην αίθουσα μπήκε η ομάδα «μπλε» πρώτη.", &[]),
            // A capitalised head: the quoted name is its own.
            (
                "Συνεργάζεται με το Ινστιτούτο Θαλάσσιας Έρευνας «Ποσειδώνια» χρόνια.",
                &["Ινστιτούτο Θαλάσσιας Έρευνας", "Ποσειδώνια"],
            ),
            // After an article the quotation is the complement's, not the noun's name.
            ("Τα σχέδια παρουσίασε η συντονίστρια της ομάδας του «Ταξιδευτής» χθες.", &[]),
            // A noun that also introduces works: a programme.
            ("Μίλησε χθες στην εκπομπή «Καλημέρα Πατρίδα» ο υπουργός.", &[]),
            // A quoted statement is no name: not closed within a few words.
            (
                "Η εταιρεία «Δεν έχουμε καμία σχέση με την υπόθεση και θα προσφύγουμε στη δικαιοσύνη» είπε.",
                &[],
            ),
        ] {
            assert_eq!(labelled(&ner, sentence, Label::Org), orgs, "{sentence}");
        }
    }

    #[test]
    fn every_rule_example() {
        let ner = recognizer();
        let mut failures = Vec::new();
        for rule in RULES {
            for (sentence, expected) in rule.examples {
                let ents = ner.extract(sentence);
                let ok = ents.iter().any(|e| {
                    e.text() == *expected && e.label == rule.label && e.source == Source::Rule(rule.name)
                });
                if !ok {
                    let got: Vec<_> =
                        ents.iter().map(|e| format!("{}:{}:{}", e.text(), e.label, e.source)).collect();
                    failures.push(format!("{}: {sentence:?} expected {expected:?}, got {got:?}", rule.name));
                }
            }
        }
        assert!(failures.is_empty(), "{}", failures.join("\n"));
    }

    #[test]
    fn every_rule_has_examples_and_a_unique_name() {
        let mut names = std::collections::HashSet::new();
        for rule in RULES {
            assert!(names.insert(rule.name), "duplicate rule name {}", rule.name);
            if rule.name != person::GIVEN_BEFORE_KNOWN.name {
                assert!(!rule.examples.is_empty(), "rule {} has no example", rule.name);
            }
        }
        assert!(RULES.windows(2).all(|w| w[0].priority >= w[1].priority
            || w[1].name == organisation::DOMAIN.name
            || w[1].name == organisation::QUOTE.name
            || w[1].name == organisation::SHARE_CHANGE.name
            || w[1].name == organisation::RADIO.name));
    }

    #[test]
    fn given_name_joins_known_surname() {
        // The entry is kept when the name agrees with it, and left out when it does not.
        for (text, mention, id) in [
            ("Μίλησε χθες ο Στ. Λογαράς στη Βουλή.", "Στ. Λογαράς", Some("grner:per:test-logaras")),
            ("Μίλησε χθες ο Νίκος Λογαράς στη Βουλή.", "Νίκος Λογαράς", None),
        ] {
            let ents = recognizer().extract(text);
            let e = ents.iter().find(|e| e.text() == mention).expect("joined");
            assert_eq!(e.source, Source::Rule(person::GIVEN_BEFORE_KNOWN.name), "{text}");
            assert_eq!(e.id(), id, "{text}");
        }
    }

    #[test]
    fn stock_quote_needs_a_price_and_its_change() {
        // A market report's line names a company; a price alone is as often a ticket's.
        let ner = recognizer();
        for (line, company) in [
            ("ΒΕΡΤΑΝΗΣ: 2,4400 ευρώ (+0,41%)", Some("ΒΕΡΤΑΝΗΣ")),
            ("ΝΟΡΑ ΧΗΜΙΚΑ: 11,3 ευρώ (−1,74 %)", Some("ΝΟΡΑ ΧΗΜΙΚΑ")),
            ("Είσοδος: 5 ευρώ", None),
            ("Εισιτήριο Συναυλίας: 15 ευρώ (μειωμένο 10 ευρώ)", None),
            ("Το ΒΕΡΤΑΝΗΣ: 2,44 ευρώ (+0,41%)", None),
            ("ΒΕΡΤΑΝΗΣ: άνοδος 2% (+0,41%)", None),
        ] {
            let got =
                ner.extract(line).into_iter().find(|e| e.source == Source::Rule(organisation::QUOTE.name));
            assert_eq!(got.map(|e| e.text().to_string()).as_deref(), company, "{line}");
        }
    }

    #[test]
    fn acronym_takes_the_place_of_its_local_unit() {
        // A known place in the genitive right after an acronym is its unit's; a nominative
        // or a place after a particle is not.
        let ner = recognizer();
        for (sentence, mention) in [
            ("Η απόφαση της ΥΠΕΞ Ουκρανίας δημοσιεύθηκε χθες.", "ΥΠΕΞ Ουκρανίας"),
            ("Η απόφαση της Α.Τ.Κ. Ουκρανίας δημοσιεύθηκε.", "Α.Τ.Κ. Ουκρανίας"),
            ("Τη συμφωνία με την ΥΠΕΞ Ουκρανία υπέγραψαν χθες.", "ΥΠΕΞ"),
            ("Η απόφαση της ΥΠΕΞ της Ουκρανίας δημοσιεύθηκε χθες.", "ΥΠΕΞ"),
        ] {
            let ents = ner.extract(sentence);
            assert!(
                ents.iter()
                    .any(|e| e.text() == mention && e.source == Source::Rule(organisation::ACRONYM.name)),
                "{mention} in {sentence}: {ents:?}"
            );
        }
    }

    #[test]
    fn latin_brand_is_not_a_woman() {
        // A Latin name after a feminine article is a brand, unless a known given name or a
        // title starts it.
        let ner = recognizer();
        for (sentence, mention, brand) in [
            ("Νέα συσκευή παρουσίασε χθες η Zentrova στην έκθεση.", "Zentrova", true),
            ("Το νέο βιβλίο της Elizabeth κυκλοφόρησε χθες.", "Elizabeth", false),
            ("Μίλησε στο συνέδριο η Dr Hollins για την έρευνα.", "Hollins", false),
            ("Τη νέα της συλλογή παρουσίασε η Melanie Vortgraf στο Παρίσι.", "Vortgraf", false),
            ("Στη μελέτη της η Judith Klamberg υποστηρίζει το αντίθετο.", "Klamberg", false),
        ] {
            let ents = ner.extract(sentence);
            let found = ents
                .iter()
                .any(|e| e.text().contains(mention) && e.source == Source::Rule(organisation::LATIN.name));
            assert_eq!(found, brand, "{mention} in {sentence}: {ents:?}");
        }
    }

    #[test]
    fn citation_wants_an_author_in_brackets() {
        // A word before a year in brackets is an author; not a publisher after a book's
        // title, a word inside a longer name, or a word outside brackets.
        let ner = recognizer();
        for (sentence, mention, author) in [
            ("Το έδειξαν μελέτες (Wexley, 1993, Dorrance, 1996).", "Wexley", true),
            ("Κυκλοφόρησε το «Ταξίδι στη θάλασσα» (Ανεμόσκαλα, 2017).", "Ανεμόσκαλα", false),
            ("Το ανέφερε η έκθεση (Council of Zentrova, 2004).", "Zentrova", false),
            ("Η μελέτη του Dorrance, 1996, έμεινε γνωστή.", "Dorrance", false),
        ] {
            let ents = ner.extract(sentence);
            let found =
                ents.iter().any(|e| e.text() == mention && e.source == Source::Rule(person::CITATION.name));
            assert_eq!(found, author, "{mention} in {sentence}: {ents:?}");
        }
    }

    #[test]
    fn common_capitalised_words_are_not_names() {
        let ner = recognizer();
        for (sentence, word) in [
            ("Την Τρίτη οι Αμερικανοί αξιωματούχοι έφυγαν.", "Τρίτη"),
            ("Την Τρίτη οι Αμερικανοί αξιωματούχοι έφυγαν.", "Αμερικανοί"),
            ("Ο Πρόεδρος μίλησε τον Ιούλιο στην Ολομέλεια.", "Ιούλιο"),
            ("Κάποιοι αναλυτές το πιστεύουν.", "Κάποιοι"),
            ("Ο υπουργός Εξωτερικών ήταν εκεί.", "Εξωτερικών"),
            ("Ο δείκτης CET1 της τράπεζας αυξήθηκε πέρσι.", "CET1"),
            ("Το εμβόλιο κατά του HPV διατίθεται δωρεάν.", "HPV"),
            ("Οι δαπάνες του ΠΔΕ αυξήθηκαν κατά 5% πέρσι.", "ΠΔΕ"),
            ("Η απόδοση ιδίων κεφαλαίων (ROE) έφτασε το 9%.", "ROE"),
            ("Ο οίκος αναβάθμισε τα ομόλογα σε «BBB» χθες.", "BBB"),
            ("Χθες ο Σύνδεσμος εξέδωσε ανακοίνωση.", "Σύνδεσμος"),
            ("Ο τελικός του Τσάμπιονς Λιγκ θα γίνει στη Μαδρίτη.", "Λιγκ"),
            ("Στον αγώνα για το Σούπερ Καπ ήταν όλοι εκεί.", "Καπ"),
            // Periods, seasons and abstract nouns capitalised after `στη`/`από τη`.
            ("Ο παππούς του γεννήθηκε στην Κατοχή και μεγάλωσε στη Λάρισα.", "Κατοχή"),
            ("Τα έργα θα ξεκινήσουν από την Άνοιξη του επόμενου χρόνου.", "Άνοιξη"),
            ("Η υπόθεση έφτασε από τις Αρχές στη δικαιοσύνη.", "Αρχές"),
            ("Η έκθεση είναι αφιερωμένη στην Τέχνη του δρόμου.", "Τέχνη"),
        ] {
            let ents = ner.extract(sentence);
            assert!(!ents.iter().any(|e| e.text().contains(word)), "{word} in {ents:?}");
        }
    }
}
