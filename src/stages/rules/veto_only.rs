//! Gazetteer-only mode's guard against partial names: without the rule stage nothing
//! decides from context whether a listed name is part of a longer unlisted one
//! (`Χανίων` in `Νοσοκομείο Χανίων`), so names in the positions where that is most often
//! so are left out. The full pipeline never calls this: its rules decide instead.

use std::cell::OnceCell;

use super::candidates::{shape, Line};
use crate::lexicon::{class, ADJECTIVE_ENDINGS};
use crate::stages::mention::Mention;
use crate::text::tokens::OPENING_QUOTES;
use crate::Label;

/// Without the rule stage, leaves out the gazetteer names of `mentions[first..]` (found in
/// `line`, which starts at byte `offset` of the text) that are most likely only part of a
/// longer name that no gazetteer holds, where the rule stage, when on, would decide from
/// the context (head nouns, given names) instead:
///
/// * a name of one word right after a capitalised word: `Νοσοκομείο Χανίων`, `Σχολή
///   Παπαθεοδώρου`, `Σκουριές Χαλκιδικής` (a person's name after a given name is joined to
///   it instead: `Γιάννης Παπαθεοδώρου`, below); a place of one word in the genitive right after
///   an institution's head in lower case (`το νοσοκομείο Κοζάνης`, `του πανεπιστημίου
///   Κέμπριτζ`: class `INSTITUTION`); and a place of several words in the genitive
///   there, the complement of an organisation's name (`Δήμος Νέας Σμύρνης`,
///   `Επιμελητήριο Δυτικής Ελλάδας`); and an organisation of several words there, the end
///   of a longer one (`Αναπτυξιακή Περιφέρεια Αττικής`, `Γεωπονική Σχολή Πανεπιστημίου
///   Αθηνών`). Other names of several words are kept (`υπουργός Υγείας Ανδρέας Μαυρίδης`);
/// * a person's name right before a capitalised word: `Tony Blair Institute`, `Περικλής
///   Λιβάς`; a place or an organisation of one word that is also a given name there
///   (`Αθηνά Παπαδάκη`, `Σοφία Νικολάου`, `Άρης Μαυρίδης`: class `GIVEN`); a place of
///   one word written like a masculine or neuter adjective in -ικός there, the adjective of
///   the name that follows (`Ελληνικό Κέντρο`, `Ανατολικού Φόρουμ`; the feminine, which many
///   regions have (`Αττική`, `Αφρική`), only before an unlisted capitalised word that is no
///   given name, as the rule stage decides: [`crate::stages::rules::adjective_before_name`]);
///   any other place or organisation of one word there, before an unlisted word that is no
///   given name, unless it is a country, in the genitive or in capitals: the head of a
///   longer name (`Σαντιάγο Μπερναμπέου`, `Πύργο Ντεμίρη`, `Πλαίσιο Στρατηγικής`); and a
///   name in Latin letters right
///   before a capitalised word in Latin letters: `Samsung Electronics`, `Google Play`, `AP
///   Photo`. Other places and organisations (countries, genitives, acronyms) are kept there,
///   as a person's name often follows them (`ο δήμαρχος Χανίων Στράτος Κοντορίνης`, `η εκπρόσωπος
///   του ΣΥΡΙΖΑ Δανάη Αρβανιτάκη`, `ο πρέσβης στην Ελλάδα Τζον Σμιθ`);
/// * a place after a genitive article (`του`, `της`, `των`) that follows the capitalised
///   head noun of an organisation (`Πανεπιστήμιο του Πειραιά`, `Μουσείο του Καΐρου`,
///   `Κόμμα των Ελευθέρων`: [`ORGANISATION_HEADS`]) or of a day, an event, a treaty or a
///   structure (`Ημέρα της Ευρώπης`, `Συνθήκη των Βερσαλλιών`, `Γεφύρι της Άρτας`:
///   [`OTHER_NAME_HEADS`]), and a place in Latin letters after
///   `of` (`de`, `di`, `du`...) that follows a capitalised Latin word (`University of
///   California`, `Bank of England`). After any other capitalised word the place is kept:
///   measured on Greek news, it is a place of its own more often than not (`ο υπουργός
///   Εξωτερικών της Ρωσίας`, `το Εφετείο της Αθήνας`). The head of a treaty, a day or a
///   structure counts in lower case too, as the rule stage decides
///   ([`crate::stages::rules::ends_a_name`]: `η συμφωνία των Πρεσπών`), except before a
///   country (`η συμφωνία της Ελλάδας με`);
/// * a place or an organisation joined to another name by a hyphen without spaces
///   (`Γαλλία-Πορτογαλία`, `συμφωνία Ελλάδας-Ιταλίας`, `ΕΕ-Καναδά`): a pairing, a match or a
///   route, which the press does not write as a mention of either name; the rule stage
///   vetoes the same names ([`crate::stages::rules::hyphen_pair`] decides for both);
/// * a name of one word that is a capitalised common word all the same (a nationality
///   noun, a title, a day: `Τούρκου`, `Νικητής`), as the rule stage vetoes it
///   ([`crate::stages::rules::common_word`]);
/// * a name glued to an `@`: part of an e-mail address or a handle
///   (`onoma@naftemporiki.gr`, `@Reuters`), which a by-line or a credit gives, not a
///   mention of the organisation;
/// * a person or a place in a quotation right after the head noun of an organisation, a
///   work or a structure (`το νοσοκομείο «Άγιος Δημήτριος»`, `η εφημερίδα «Μαγνησία»`,
///   `το Βραβείο «Νίκος Καζαντζάκης»`: classes `ORG_HEAD`, `ORG_INTRO`, `MISC_INTRO`,
///   `NAME_HEAD`) or after a kept organisation's name (`Αερολιμένας Αθηνών «Ελευθέριος
///   Βενιζέλος»`) that the quoted name owns, as the rule stage decides
///   ([`crate::stages::rules::quoted_name_owns`]): the whole title of a work, function
///   words aside, or anywhere in an organisation's name of capitalised and function words
///   (`η εφημερίδα «Φωνή της Κεφαλονιάς»`). A name quoted as a name (`ο όρος
///   «Μακεδονία»`) or inside a longer title of a work (`η ταινία «Ένα καλοκαίρι στη
///   Σαντορίνη»`) is kept;
/// * a person's name in the nominative right after the lower-case noun of a storm or a
///   ship (`η κακοκαιρία Ζορμπάς`: class `STORM_SHIP`), what is named after the person,
///   unless a second name is paired with it. After the noun of a work, a plan or a law the
///   person is kept (`το σχέδιο Μητσοτάκη`, `η ταινία Αγγελόπουλου`): its maker, whom a
///   newsroom wants;
/// * a person's name in the nominative right after a neuter article (`στο Ελευθέριος
///   Βενιζέλος`, `το Γεώργιος Καραϊσκάκης`): the airport, the stadium, the ship named
///   after the person, as the rule stage vetoes it ([`super::person::names_a_thing`]).
///
/// And it joins a one-word place in the genitive right after a kept place, one space
/// between, to that place: the region that says which town or village is meant is part of
/// its name as the press writes it (`Λαγανά Ζακύνθου`, `Μοίρες Ηρακλείου`); the span keeps
/// the first place's entry. The rule stage joins them by the same definition
/// ([`crate::stages::rules::region_of_place`]).
///
/// It joins the country of a Greek branch to a kept organisation's name in Latin letters
/// (`WWF Ελλάς`, `Deloitte Ελλάδος`; [`BRANCH_COUNTRIES`]): the branch is named so. And it
/// joins a one-word place in the genitive right after a kept organisation, one space
/// between, to it: the place of its branch (`ΚΚΕ Μαγνησίας`, `ΕΛΠΕ Ασπροπύργου`,
/// `Γαλλικό Ινστιτούτο Αθηνών`), as the press names the branch.
///
/// It joins an initial right before a kept surname to it (`Αλ. Τσίπρας`, `Κ. Παπαδάκης`):
/// a capital and up to three unaccented lower-case letters, a full stop and one space, not
/// a title (`Δρ.`); the press abbreviates the given name so, and the name is both. It joins
/// a capitalised given name (class `GIVEN`), one space before a kept person's name of one
/// word, to it, also at a sentence start (`Κυριάκος Αρβανιτάκης`). And it
/// joins a given name (class `GIVEN`) kept right before a person's name, one space between,
/// to it, whatever the given name alone names (`Σοφία Λαμπράκη`, `Ηρακλής Παπαδόπουλος`,
/// `Σωκράτη Γ. Παπαδάκη`); before an unlisted capitalised word a club that is a given name
/// (`Άρης Μαυρίδης`) is left out, as such a place is.
///
/// In a sentence of a sports report (two sports words or a score such as `2-1`:
/// [`crate::stages::rules::sport_line`]) it relabels a kept country or city where such a sentence
/// names a team (`η Κροατία νίκησε`, `απέκλεισε τη Σουηδία`, `η ήττα της Εσθονίας`, `κόντρα
/// στην Ελβετία`: [`crate::stages::rules::team_slot`]), and a country that heads a team's
/// line-up ([`crate::stages::rules::lineup_head`]), as its national team or club: the rule stage
/// decides by the same definitions ([`crate::stages::rules::national_team`]).
///
/// "Right after/before" means separated by white space only. The capitalised word does not
/// count when it is itself part of a name kept here, when it begins a sentence or a
/// quotation (where any word is capitalised), or when both it and the name are written in
/// capitals (in text written in capitals, a capital says nothing), unless the word is in
/// Latin letters and the name in Greek ones (a brand and its branch's place, `STARPARK
/// ΜΑΡΟΥΣΙ`: the change of script still marks one longer name). On Greek news, the names
/// left out so are wrong about nine times in ten.
///
/// `is_sport` says whether the line is a sports report (asked at most once per line);
/// `kind` gives a mention's gazetteer kind (`country`, `city`...). The
/// user's names (see [`Mention::user`]) are kept as they are; the checks named in `off`
/// are switched off (see [`crate::stages::rules::VETOES`]); `why`, if given, gets each
/// dropped name's document span and the name of the check that dropped it.
// The line, its mentions and the switches the rule stage's own pass takes too.
#[allow(clippy::too_many_arguments)]
pub(crate) fn drop_partial_names<'k>(
    line: &Line,
    offset: usize,
    mentions: &mut Vec<Mention>,
    first: usize,
    is_sport: impl FnOnce() -> bool,
    kind: impl for<'m> Fn(&'m Mention) -> Option<&'k str>,
    off: &[&'static str],
    mut why: Option<&mut Vec<(usize, usize, &'static str)>>,
) {
    use crate::stages::rules::{
        is_on, PARTIAL_ADDRESS, PARTIAL_HEAD, PARTIAL_OF, PARTIAL_QUOTED, PARTIAL_TAIL, PARTIAL_WORK,
        VETO_COMMON, VETO_HYPHEN, VETO_NAMED_THING, VETO_PERSON_SLOT, VETO_PLACE_SHAPE,
    };
    let toks = line.toks;
    let text = line.text;
    let mut kept_end = 0; // end (in `line`) of the last mention kept on this line
    let mut kept_org_end = usize::MAX; // the same, of the last organisation kept
    let next_start =
        |i: usize, mentions: &[Mention]| mentions.get(i + 1).map_or(usize::MAX, |m| m.start - offset);
    let mut write = first;
    let lineup = super::lineup_list(text, mentions[first..].iter().filter(|m| m.label == Label::Loc).count());
    let mut is_sport = Some(is_sport);
    // Whether the line is a sports report, once asked.
    let mut sport = None;
    // Where the line's first quotation mark is, and its names' spans in order: asked only
    // of a name after a quotation mark, once a line (the loop below reorders `mentions`).
    let first_quote = OnceCell::new();
    let spans: OnceCell<Vec<(usize, usize, Label)>> = OnceCell::new();
    for i in first..mentions.len() {
        let (s, e) = (mentions[i].start - offset, mentions[i].end - offset);
        if s < kept_end {
            continue; // inside the kept name before, which grew over it (`WWF Ελλάς`)
        }
        if mentions[i].user {
            kept_end = e;
            mentions.swap(write, i);
            write += 1;
            continue;
        }
        let label = mentions[i].label;
        let name = &text[s..e];
        // The name's tokens `ta..tb`; a name that does not start on a word (no lookup hit
        // does) is kept as it is.
        let ta = toks.partition_point(|t| (t.s as usize) < s);
        let tb = toks.partition_point(|t| (t.s as usize) < e);
        let on_words = ta < tb && toks[ta].s as usize == s;
        let one_word = tb == ta + 1;
        let latin_name = on_words && (ta..tb).all(|k| toks[k].is(shape::LATIN));
        let caps_name = (ta..tb).all(|k| toks[k].is(shape::UPPER) || toks[k].is(shape::SINGLE));
        // A capitalised word says something next to the name, unless both are in capitals
        // (in text written in capitals, a capital says nothing).
        let capitalised = |k: usize| {
            toks[k].cap()
                && !(toks[k].is(shape::UPPER) && caps_name && (latin_name || !toks[k].is(shape::LATIN)))
        };
        // Each test reads only the one word next to the name, so the pass stays linear
        // however many names a line holds.
        // A given name right before a person's name (one space): joined to it below
        // (`Κυριάκος Αρβανιτάκης`, `Γιώργος Δ. Κοντορίνης`).
        let given_before = |p: usize| label == Label::Per && on_words && given_name_at(line, p);
        let tail = || {
            let Some(p) = ta.checked_sub(1).filter(|_| on_words && line.plain_gap(ta)) else { return false };
            // Names of several words are kept, except places in the genitive, the
            // complement of an organisation's name (`Δήμος Νέας Σμύρνης`), and
            // organisations, the end of a longer one (`Αναπτυξιακή Περιφέρεια Αττικής`).
            let several = name.contains(char::is_whitespace);
            if several && !(label == Label::Loc && line.genitive(tb - 1) || label == Label::Org) {
                return false;
            }
            // An institution's head in lower case before a place in the genitive: the
            // hospital or the university of that place (`το νοσοκομείο Κοζάνης`).
            let institution = || {
                !several
                    && label == Label::Loc
                    && !toks[p].cap()
                    && toks[p].has(class::INSTITUTION)
                    && line.genitive(ta)
            };
            kept_end <= toks[p].s as usize
                && (capitalised(p) && !line.weak(p) && !given_before(p) || institution())
        };
        let head = || {
            if !on_words || tb >= toks.len() || !line.plain_gap(tb) {
                return false;
            }
            // A place or a club that is also a given name, before a surname: `Αθηνά
            // Παπαδάκη`, `Άρης Μαυρίδης`.
            let person = label == Label::Per || one_word && toks[ta].has(class::GIVEN);
            // A place written like an adjective, before the noun it qualifies: `Ελληνικό
            // Κέντρο`, `Ελληνικού Δημοσίου`.
            let adjective = !person
                && label == Label::Loc
                && one_word
                && ADJECTIVE_ENDINGS.masculine_neuter.any_ends(line.f(ta));
            // A place or an organisation of one word before an unlisted capitalised word
            // that is no given name: the head of a longer name (`Σαντιάγο Μπερναμπέου`,
            // `Πύργο Ντεμίρη`, `Πλαίσιο Στρατηγικής`).
            let place_head = label != Label::Per
                && one_word
                && !latin_name
                && !caps_name
                && !line.genitive(ta)
                && kind(&mentions[i]) != Some("country")
                && !toks[tb].has(class::GIVEN);
            if !person && !adjective && !latin_name && !place_head {
                return false;
            }
            // A given name before an initial and a kept surname is that person's, joined
            // below (`Σωκράτη Γ. Παπαδάκη`).
            let initial_of_next = person
                && line.initial(tb)
                && line.gap_after(tb) == ". "
                && toks.get(tb + 1).is_some_and(|t| next_start(i, mentions) == t.s as usize);
            next_start(i, mentions) > toks[tb].s as usize
                && !initial_of_next
                && capitalised(tb)
                && (person || toks[tb].is(shape::LATIN) == latin_name)
                && !(place_head && line.weak(tb))
        };
        // A place after a genitive article that follows a capitalised head noun of an
        // institution, a day, an event or a structure (class `NAME_HEAD`) (or after `of` and a capitalised
        // Latin word): the end of the longer name (`Πανεπιστήμιο του Πειραιά`, `Ημέρα της
        // Ευρώπης`, `University of California`).
        let of_name = || {
            if label != Label::Loc || !on_words {
                return false;
            }
            let Some(article) = line.prev(ta) else { return false };
            let linking = if latin_name {
                LATIN_OF.contains(&line.w(article))
            } else {
                GENITIVE_ARTICLES.contains(&line.w(article))
            };
            let Some(w) = line.prev(article).filter(|_| linking) else { return false };
            let institution = (latin_name || toks[w].has(class::NAME_HEAD))
                && kept_end <= toks[w].s as usize
                && capitalised(w)
                && (!latin_name || toks[w].is(shape::LATIN))
                && !line.weak(w);
            // A treaty, a day or a structure: as the rule stage decides.
            institution
                || !latin_name && super::ends_a_name(line, ta, || kind(&mentions[i]) == Some("country"))
        };
        // A place right after a kept place, in the genitive: the region that tells which
        // place is meant (`Λαγανά Ζακύνθου`, `Μοίρες Ηρακλείου`), one name with it; or
        // right after a kept organisation: its branch (`ΚΚΕ Μαγνησίας`).
        if write > first
            && (super::region_of_place(line, offset, &mentions[write - 1], &mentions[i])
                || branch_of_organisation(line, offset, &mentions[write - 1], &mentions[i]))
        {
            mentions[write - 1].end = mentions[i].end;
            kept_end = e;
            continue;
        }
        // One of two names joined by a hyphen (`Γαλλία-Πορτογαλία`, `Λάρισας-Βόλου`): a
        // pairing, a match or a route, as the rule stage decides too.
        let paired = || label != Label::Per && super::hyphen_pair(text, s, e);
        // Part of an e-mail address or a handle (`onoma@naftemporiki.gr`, `@Reuters`).
        let address = || text[..s].ends_with('@') || text[e..].starts_with('@');
        // A person or a place in a quotation right after the head noun of an organisation,
        // a work or a structure, or after a kept organisation's name, that the quoted name
        // owns as the rule stage decides ([`super::quoted_name_owns`]): the name of what is
        // named after them (`το νοσοκομείο «Άγιος Δημήτριος»`, `η εφημερίδα «Φωνή της
        // Κεφαλονιάς»`, `Αερολιμένας Αθηνών «Ελευθέριος Βενιζέλος»`); a name quoted as a
        // name (`ο όρος «Μακεδονία»`) is kept.
        let quoted = || {
            let quote = first_quote.get_or_init(|| text.find(OPENING_QUOTES).unwrap_or(usize::MAX));
            if label == Label::Org || !on_words || ta == 0 || *quote >= s {
                return false;
            }
            let spans = spans.get_or_init(|| {
                let mut v: Vec<_> = mentions[first..].iter().map(|m| (m.start, m.end, m.label)).collect();
                v.sort_unstable_by_key(|m| m.0);
                v
            });
            // The listed name at a token.
            let name = |k: usize| {
                let at = toks[k].s as usize + offset;
                let p = spans.partition_point(|m| m.0 <= at).checked_sub(1)?;
                (at < spans[p].1).then_some((p as u32, spans[p].2))
            };
            // The head: before the quotation, which opens a few words before the name.
            (ta.saturating_sub(super::QUOTED_NAME_WORDS + 2)..ta).rev().any(|h| {
                let org = toks[h].has(super::ORG_NAME_HEADS) || kept_org_end == toks[h].e as usize;
                let work = toks[h].has(super::WORK_HEADS);
                (org || work)
                    && super::quotation_after(line, h).is_some_and(|(open, end)| {
                        open <= ta
                            && tb <= end + 1
                            && (org && super::quoted_name_owns(line, h, open, end, name, false)
                                || work && super::quoted_name_owns(line, h, open, end, name, true))
                    })
            })
        };
        // A person's name in the nominative right after the lower-case noun of a storm or a
        // ship (`η κακοκαιρία Ζορμπάς`, `του πλοίου Ιωάννης`: class `STORM_SHIP`): what is
        // named after the person. A name in the genitive (`-ου`) is the owner's; after the
        // noun of a work or a plan the person is its maker (`το σχέδιο Μητσοτάκη`), whom a
        // newsroom wants; so are two names paired (`η συμφωνία Τσίπρα - Ζάεφ`).
        let work = || {
            let paired = tb < toks.len() && toks[tb].cap() && {
                let g = line.gap(tb).trim_matches(' ');
                g.is_empty() || super::candidates::is_dash(g)
            };
            label == Label::Per
                && on_words
                && ta > 0
                && line.plain_gap(ta)
                && !toks[ta - 1].cap()
                && toks[ta - 1].has(class::STORM_SHIP)
                && !line.f(tb - 1).ends_with(line.lex.ou.as_str())
                && !paired
        };
        // A capitalised common word that a list holds (`Τούρκου`, `Νικητής`), as the rule
        // stage decides.
        let common = || {
            on_words
                && one_word
                && label != Label::Per
                && !mentions[i].learned
                && super::common_word(line, ta, kind(&mentions[i]) == Some("country"))
                && !super::club_after_feminine(line, ta, kind(&mentions[i]))
        };
        // A place with an adjective's ending before an unlisted capitalised word
        // (`Ανατολικού Οικονομικού Φόρουμ`), as the rule stage decides.
        let adjective = || {
            on_words
                && one_word
                && label == Label::Loc
                && tb < toks.len()
                && next_start(i, mentions) > toks[tb].s as usize
                && super::adjective_before_name(line, ta)
        };
        // A place where a person's name stands (`ο κ. Ζωγράφος`, `Δ. Βαρνάβα`), as the rule
        // stage decides.
        let person_slot =
            || on_words && one_word && label == Label::Loc && super::person_slot(line, ta, e, || lineup);
        // The first check that drops the name, in this order (each is asked only if those
        // before it keep the name).
        let dropped_by = if is_on(off, VETO_COMMON) && common() {
            Some(VETO_COMMON)
        } else if is_on(off, VETO_PLACE_SHAPE) && adjective() {
            Some(VETO_PLACE_SHAPE)
        } else if is_on(off, VETO_PERSON_SLOT) && person_slot() {
            Some(VETO_PERSON_SLOT)
        } else if is_on(off, PARTIAL_TAIL) && tail() {
            Some(PARTIAL_TAIL)
        } else if is_on(off, PARTIAL_HEAD) && head() {
            Some(PARTIAL_HEAD)
        } else if is_on(off, PARTIAL_OF) && of_name() {
            Some(PARTIAL_OF)
        } else if is_on(off, VETO_HYPHEN) && paired() {
            Some(VETO_HYPHEN)
        } else if is_on(off, PARTIAL_ADDRESS) && address() {
            Some(PARTIAL_ADDRESS)
        } else if is_on(off, PARTIAL_QUOTED) && quoted() {
            Some(PARTIAL_QUOTED)
        } else if is_on(off, PARTIAL_WORK) && work() {
            Some(PARTIAL_WORK)
        } else if is_on(off, VETO_NAMED_THING)
            && label == Label::Per
            && super::person::names_a_thing(line, s, e)
        {
            Some(VETO_NAMED_THING)
        } else {
            None
        };
        if let Some(by) = dropped_by {
            if let Some(why) = why.as_deref_mut() {
                why.push((offset + s, offset + e, by));
            }
        } else {
            let prev_end = kept_end;
            kept_end = e;
            if label == Label::Org {
                kept_org_end = e;
            }
            // A country where a sports report names a team (`η Κροατία νίκησε 2-1`), or
            // heading a line-up: its national team, as the rule stage decides.
            if label == Label::Loc
                && is_on(off, super::organisation::NATIONAL_TEAM.name)
                && on_words
                && super::fields_a_team(kind(&mentions[i]))
                && (i == first && super::lineup_head(text, s, e)
                    || super::team_slot(line, ta, e)
                        && *sport.get_or_insert_with(|| is_sport.take().is_some_and(|f| f())))
            {
                super::national_team(&mut mentions[i]);
            }
            // A club named after a planet, in a line about space: the planet.
            if line.classes & class::SPACE != 0 && super::celestial(label, toks, s, e, off) {
                super::planet(&mut mentions[i]);
            }
            // A surname after an initial: the initial is part of the name (`Αλ. Τσίπρας`);
            // after a given name, so is the given name (`Κυριάκος Αρβανιτάκης`).
            let mut from = ta; // the name's first token
            if label == Label::Per && one_word && on_words && ta > 0 && line.gap(ta) == ". " {
                let p = ta - 1;
                if line.initial(p) && toks[p].s as usize >= prev_end && opens(line, p) {
                    mentions[i].start = offset + toks[p].s as usize;
                    from = p;
                }
            }
            if from > 0
                && given_before(from - 1)
                && toks[from - 1].s as usize >= prev_end
                && opens(line, from - 1)
            {
                mentions[i].start = offset + toks[from - 1].s as usize;
            }
            // A given name right before a person's name: one person with it (`Σοφία
            // Λαμπράκη`, `Σωκράτη Γ. Παπαδάκη`), whatever the given name alone names.
            if label == Label::Per
                && write > first
                && given_name_before(line, offset, &mentions[write - 1], &mentions[i])
            {
                mentions[i].start = mentions[write - 1].start;
                write -= 1;
            }
            // A company or a body in Latin letters and its Greek branch: `WWF Ελλάς`.
            if label == Label::Org && latin_name && tb < toks.len() && line.gap(tb) == " " {
                let w = line.w(tb);
                if BRANCH_COUNTRIES.contains(&w) {
                    mentions[i].end = offset + toks[tb].e as usize;
                    kept_end = toks[tb].e as usize;
                }
            }
            // A full name, a hyphen and an unlisted second surname (`Άννα
            // Διαμαντοπούλου-Ιωάννου`): one person, as the rule stage decides.
            if label == Label::Per
                && on_words
                && !one_word
                && tb < toks.len()
                && next_start(i, mentions) > toks[tb].s as usize
                && super::person::last_after_hyphen(line, tb)
                && is_on(off, super::person::DOUBLE_SURNAME.name)
                && super::person::second_surname(line, tb)
            {
                mentions[i].end = offset + toks[tb].e as usize;
                kept_end = toks[tb].e as usize;
            }
            mentions.swap(write, i);
            write += 1;
        }
    }
    // Countries and cities listed as teams without their articles (`απέκλεισε τις Ισλανδία και
    // Αρμενία`), as the rule stage decides.
    if write > first && is_on(off, super::organisation::NATIONAL_TEAM.name) {
        let places: Vec<(usize, usize, usize)> = (first..write)
            .filter(|&k| {
                let m = &mentions[k];
                !m.user && m.label != Label::Per && super::fields_a_team(kind(m))
            })
            .map(|k| (k, mentions[k].start - offset, mentions[k].end - offset))
            .collect();
        if !places.is_empty() && *sport.get_or_insert_with(|| is_sport.take().is_some_and(|f| f())) {
            super::national_teams_listed(line, &places, mentions);
        }
    }
    mentions.truncate(write);
}

/// Whether the place `m` names the branch of the organisation `prev`, the name right before
/// it: one word in the genitive, one space between them (`ΚΚΕ Μαγνησίας`, `ΕΛΠΕ
/// Ασπροπύργου`, `Γαλλικό Ινστιτούτο Αθηνών`). The press writes the two as one name.
fn branch_of_organisation(line: &Line, offset: usize, prev: &Mention, m: &Mention) -> bool {
    prev.label == Label::Org && super::genitive_place_right_after(line, offset, prev, m)
}

/// Whether token `p` is a given name (class `GIVEN`, capitalised) one space before the next
/// token: the given name of the person named there (`Ηρακλής Παπαδόπουλος`), not the place
/// or club it also names.
fn given_name_at(line: &Line, p: usize) -> bool {
    let toks = line.toks;
    line.gap(p + 1) == " " && toks[p].cap() && toks[p].has(class::GIVEN)
}

/// Whether `prev`, the name kept right before the person `m`, is one token, a given name
/// right before `m` ([`given_name_at`]).
fn given_name_before(line: &Line, offset: usize, prev: &Mention, m: &Mention) -> bool {
    let toks = line.toks;
    let s = prev.start - offset;
    let p = toks.partition_point(|t| (t.s as usize) < s);
    !prev.user
        && !m.user
        && p + 1 < toks.len()
        && toks[p].s as usize == s
        && toks[p].e as usize == prev.end - offset
        && toks[p + 1].s as usize == m.start - offset
        && given_name_at(line, p)
}

/// Whether token `i` stands after a space, an opening bracket or quote, or at the line's
/// start: where an initial begins.
fn opens(line: &Line, i: usize) -> bool {
    line.gap(i)
        .chars()
        .next_back()
        .is_none_or(|c| matches!(c, ' ' | '(' | '[') || OPENING_QUOTES.contains(&c))
}

/// The country of a foreign company's or body's Greek branch, after its name (`WWF Ελλάς`,
/// `Deloitte Ελλάδος`): part of the branch's name. (`Microsoft Hellas` is a name in Latin
/// letters before a capitalised Latin word, left out as the head of a longer name.)
const BRANCH_COUNTRIES: [&str; 3] = ["Ελλάς", "Ελλάδος", "Ελλάδας"];

/// Greek genitive articles that join a place to the name it ends.
pub(crate) const GENITIVE_ARTICLES: [&str; 3] = ["του", "της", "των"];

/// The same for names in Latin letters (`University of California`, `Banco de España`).
const LATIN_OF: [&str; 6] = ["of", "de", "del", "della", "di", "du"];

#[cfg(test)]
mod tests {
    use crate::{Gazetteer, Label, Recognizer, Stage};

    /// A recognizer on the gazetteer `tsv` alone, the rule stage on or off (gazetteer-only
    /// mode), the document pass off.
    fn recognizer(tsv: &str, rules: bool) -> Recognizer {
        Recognizer::builder()
            .default_gazetteers(false)
            // Checked in context, as the embedded gazetteers it stands for.
            .gazetteer(Gazetteer::from_tsv("t.tsv", tsv).unwrap().context_checks(true))
            .stage(Stage::Rules, rules)
            .stage(Stage::Document, false)
            .build()
            .unwrap()
    }

    /// The texts of the entities `ner` finds in `text`.
    fn texts(ner: &Recognizer, text: &str) -> Vec<String> {
        ner.extract(text).into_iter().map(|e| e.text().to_string()).collect()
    }

    /// [`texts`] of the entities that come from a list (an id): rule-made ones left out.
    fn listed(ner: &Recognizer, text: &str) -> Vec<String> {
        ner.extract(text).into_iter().filter(|e| e.id().is_some()).map(|e| e.text().to_string()).collect()
    }

    #[test]
    fn without_rules_partial_names_are_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:chania\tLOC\tΧανιά\t\tcity\t\n\
                   x:ru\tLOC\tΡωσία\t\tcountry\t\n\
                   x:putin\tPER\tΒλαντίμιρ Πούτιν\t\tperson\t\n\
                   x:pericles\tPER\tΠερικλής\t\tperson\t\n\
                   x:papa\tPER\tΠαπαθεοδώρου\t\tsurname\tnodecl\n\
                   x:samsung\tORG\tSamsung\t\tcompany\t\n";
        let (gazetteer_only, full) = (recognizer(tsv, false), recognizer(tsv, true));
        let found = listed;
        // The tail of a longer name: a one-word name after a capitalised word.
        assert!(found(&gazetteer_only, "στο Νοσοκομείο Χανίων χθες").is_empty());
        assert!(found(&gazetteer_only, "στη Σχολή Παπαθεοδώρου είπε").is_empty());
        // After a given name, a person's name takes it in (class `GIVEN`).
        assert_eq!(texts(&gazetteer_only, "ο καθηγητής Γιάννης Παπαθεοδώρου είπε"), ["Γιάννης Παπαθεοδώρου"]);
        assert_eq!(texts(&gazetteer_only, "Γιάννης Παπαθεοδώρου: δήλωση"), ["Γιάννης Παπαθεοδώρου"]);
        assert_eq!(texts(&gazetteer_only, "ο Γιάννης Κ. Παπαθεοδώρου είπε"), ["Γιάννης Κ. Παπαθεοδώρου"]);
        assert_eq!(texts(&gazetteer_only, "ο καθηγητής Γιάννης  Παπαθεοδώρου είπε"), Vec::<String>::new());
        // The head of a longer person name: a person's name before a capitalised word.
        assert!(found(&gazetteer_only, "είπε ο Περικλής Λιβάς χθες").is_empty());
        assert!(found(&gazetteer_only, "η Samsung Electronics είπε").is_empty());
        // Kept: after a lower-case word, at a sentence or quotation start, after another
        // found name, several words, places before a name, text in capitals.
        for (text, want) in [
            ("ο δήμαρχος Χανίων είπε", vec!["Χανίων"]),
            ("Χθες. Χανιά και Ρωσία", vec!["Χανιά", "Ρωσία"]),
            ("Στα Χανιά", vec!["Χανιά"]),
            ("είπε «Στα Χανιά»", vec!["Χανιά"]),
            ("ο πρόεδρος της Ρωσίας Βλαντίμιρ Πούτιν", vec!["Ρωσίας", "Βλαντίμιρ Πούτιν"]),
            ("ο υπουργός Υγείας Βλαντίμιρ Πούτιν είπε", vec!["Βλαντίμιρ Πούτιν"]),
            ("ο δήμαρχος Χανίων Τάσος είπε", vec!["Χανίων"]),
            ("ΣΤΗ ΡΩΣΙΑ ΚΑΙ ΣΤΑ ΧΑΝΙΑ", vec!["ΡΩΣΙΑ", "ΧΑΝΙΑ"]),
            ("Νοσοκομείο/Χανίων", vec!["Χανίων"]),
            ("η Samsung Ηλίας", vec!["Samsung"]),
        ] {
            assert_eq!(found(&gazetteer_only, text), want, "{text:?}");
        }
        // With the rule stage on, the context decides, not this policy.
        assert!(found(&full, "στο Νοσοκομείο Χανίων χθες").iter().all(|t| t == "Χανίων"));
    }

    #[test]
    fn an_organisation_of_several_words_after_a_capitalised_word_is_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:pat\tORG\tΠεριφέρεια Αττικής\t\tregion_body\t\n\
                   x:up\tORG\tΠανεπιστήμιο Πατρών\t\tuniversity\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        for (text, want) in [
            // The end of a longer name: `Αναπτυξιακή Περιφέρεια Αττικής`.
            ("αρμόδια είναι η Αναπτυξιακή Περιφέρεια Αττικής σήμερα", vec![]),
            ("διδάσκει στη Γεωπονική Σχολή Πανεπιστημίου Πατρών", vec![]),
            // Kept: after a lower-case word, at a sentence or quotation start, after a
            // name kept there.
            ("ανακοίνωσε η Περιφέρεια Αττικής", vec!["Περιφέρεια Αττικής"]),
            ("Περιφέρεια Αττικής: νέα μέτρα", vec!["Περιφέρεια Αττικής"]),
            (
                "είπε «Περιφέρεια Αττικής και Πανεπιστήμιο Πατρών»",
                vec!["Περιφέρεια Αττικής", "Πανεπιστήμιο Πατρών"],
            ),
        ] {
            assert_eq!(found(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_place_or_an_organisation_before_an_unlisted_capitalised_word_is_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:santiago\tLOC\tΣαντιάγο\t\tcity\tnodecl\n\
                   x:pyrgos\tLOC\tΠύργος\t\tcity\tambiguous\n\
                   x:gr\tLOC\tΕλλάδα\t\tcountry\t\n\
                   x:plaisio\tORG\tΠλαίσιο\t\tcompany\tambiguous\n\
                   x:syriza\tORG\tΣΥΡΙΖΑ\t\tparty\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        for (text, want) in [
            ("ψήφισε το σχέδιο ΣΥΡΙΖΑ Παπαδάκη", vec!["ΣΥΡΙΖΑ"]),
            ("ενέκρινε το Πλαίσιο Στρατηγικής Ανάπτυξης", vec![]),
            ("αγόρασε από το Πλαίσιο χθες", vec!["Πλαίσιο"]),
            // The head of a longer name: a stadium, a tower.
            ("έπαιξε στο γήπεδο Σαντιάγο Μπερναμπέου χθες", vec![]),
            ("η συναυλία στον Πύργο Ντεμίρη άρχισε", vec![]),
            // Kept: a country, a place in the genitive (a title's), before a given name, in
            // capitals, before a sentence's first word.
            ("ο πρέσβης στην Ελλάδα Τζον Σμιθ", vec!["Ελλάδα"]),
            ("ο δήμαρχος Πύργου Παπαδάκης", vec!["Πύργου"]),
            ("έμεινε στον Πύργο Γιάννης και Μαρία", vec!["Πύργο"]),
            ("ΕΜΕΙΝΕ ΣΤΟΝ ΠΥΡΓΟ ΝΤΕΜΙΡΗ", vec!["ΠΥΡΓΟ"]),
            ("έμεινε στον Πύργο. Μετά έφυγε", vec!["Πύργο"]),
        ] {
            assert_eq!(found(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_place_ending_an_organisation_name_is_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:ca\tLOC\tCalifornia\t\tregion\t\n\
                   x:pi\tLOC\tΠειραιάς\t\tcity\t\n\
                   x:gr\tLOC\tΕλλάδα\t\tcountry\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        assert!(found("στο University of California είπε").is_empty());
        assert!(found("στο Museum of Modern Art of California").is_empty());
        // Greek: after a genitive article that follows an organisation's head noun.
        assert!(found("στο Πανεπιστήμιο του Πειραιά είπε").is_empty());
        assert!(found("του Μουσείου του Πειραιά").is_empty());
        // Kept: after a lower-case word, at a sentence start, after other capitalised
        // words (`ο υπουργός Εξωτερικών της Ρωσίας`).
        assert_eq!(found("the state of California"), ["California"]);
        assert_eq!(found("Χθες. Of California"), ["California"]);
        assert_eq!(found("ο υπουργός Εξωτερικών του Πειραιά"), ["Πειραιά"]);
        assert_eq!(found("Πανεπιστήμιο του Πειραιά"), ["Πειραιά"]);
        // Days, events, treaties, battles and structures named after a place.
        for text in [
            "γιορτάζεται η Ημέρα του Πειραιά",
            "η Ώρα του Πειραιά σβήνει τα φώτα",
            "η Συνθήκη του Πειραιά υπεγράφη",
            "βάσει της Συμφωνίας του Πειραιά",
            "στη Μάχη του Πειραιά",
            "στο Γεφύρι του Πειραιά",
            "ξεκινά το Φεστιβάλ του Πειραιά",
            "η Μπιενάλε του Πειραιά άνοιξε",
            "στη Σύνοδο του Πειραιά συμφώνησαν",
            "στη Διάσκεψη του Πειραιά",
            "συμμετέχει στη Διαδικασία του Πειραιά",
        ] {
            assert!(found(text).is_empty(), "{text:?}");
        }
        // A tournament names its host: `στο Μουντιάλ της Ρωσίας`.
        assert_eq!(found("έπαιξε στο Μουντιάλ του Πειραιά"), ["Πειραιά"]);
        // With a head in lower case too, as the rule stage decides; but a country's name
        // then stays a place (`η συμφωνία της Ελλάδας με`).
        assert!(found("η συμφωνία του Πειραιά υπεγράφη").is_empty());
        assert_eq!(found("η συμφωνία της Ελλάδας με τον Πειραιά"), ["Ελλάδας", "Πειραιά"]);
    }

    #[test]
    fn an_event_named_after_a_place_is_no_mention_of_it_in_both_modes() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:kal\tLOC\tΚαλαμάτα\t\tcity\t\n";
        for rules in [false, true] {
            let ner = recognizer(tsv, rules);
            let places = |text: &str| -> Vec<String> {
                ner.extract(text)
                    .into_iter()
                    .filter(|e| e.label == Label::Loc)
                    .map(|e| e.text().to_string())
                    .collect()
            };
            for (text, want) in [
                ("Ξεκινά σήμερα το Φεστιβάλ Καλαμάτας με δύο παραστάσεις.", vec![]),
                ("Το Φεστιβάλ Χορού Καλαμάτας έκλεισε χθες.", vec![]),
                ("Ξεκινά σήμερα το Φεστιβάλ της Καλαμάτας.", vec![]),
                // The place itself: a lower-case word before it, a sentence start.
                ("Το φεστιβάλ έγινε στην Καλαμάτα φέτος.", vec!["Καλαμάτα"]),
                ("Ήρθε το φεστιβάλ. Καλαμάτα και Πάτρα γιορτάζουν.", vec!["Καλαμάτα"]),
            ] {
                assert_eq!(places(text), want, "{text:?} (rules {rules})");
            }
        }
    }

    #[test]
    fn genitive_places_after_a_capital_and_given_names_before_one_are_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:nf\tLOC\tΝέα Σμύρνη\t\tcity\t\n\
                   x:km\tLOC\tΔυτική Ελλάδα\t\tregion\t\n\
                   x:ath\tLOC\tΑθήνα\t\tcity\t\n\
                   x:sof\tLOC\tΣοφία\t\tcity\t\n\
                   x:ell\tLOC\tΕλληνικό\t\tcity\t\n\
                   x:ark\tLOC\tΑρκτική\t\tregion\t\n\
                   x:gr\tLOC\tΕλλάδα\t\tcountry\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        for (text, want) in [
            // The complement of an organisation's name.
            ("ανακοίνωσε ο Δήμος Νέας Σμύρνης χθες", vec![]),
            ("το Επιμελητήριο Δυτικής Ελλάδας ζητά", vec![]),
            // A given name before a surname.
            ("μίλησε η Σοφία Νικολάου χθες", vec![]),
            ("η καθηγήτρια Αθηνά Παπαδάκη είπε", vec![]),
            // Kept: after a lower-case word, the nominative of several words, a place
            // that is no given name before a person's name, a given-name place before a
            // lower-case word.
            ("ο δήμος Νέας Σμύρνης", vec!["Νέας Σμύρνης"]),
            ("η περιφέρεια Δυτικής Ελλάδας", vec!["Δυτικής Ελλάδας"]),
            ("ο Νικήτας Νέα Σμύρνη είπε", vec!["Νέα Σμύρνη"]),
            ("ο πρέσβης στην Ελλάδα Τζον Σμιθ", vec!["Ελλάδα"]),
            ("έφτασε στη Σοφία χθες", vec!["Σοφία"]),
            ("στην Αθήνα και στη Σοφία", vec!["Αθήνα", "Σοφία"]),
            // A place written like an adjective, before a capitalised word; kept before a
            // lower-case word, before a name kept there, and in the feminine.
            ("το Ελληνικό Ινστιτούτο Ερευνών", vec![]),
            ("του Ελληνικού Δημοσίου", vec![]),
            ("στο Ελληνικό χθες", vec!["Ελληνικό"]),
            ("στο Ελληνικό Αθήνα", vec!["Ελληνικό", "Αθήνα"]),
            ("της Αρκτικής Ελλάδα", vec!["Αρκτικής", "Ελλάδα"]),
            // The feminine before an unlisted capitalised word (not a given name, not after
            // a title), as the rule stage decides.
            ("η Αρκτική Συμμαχία ανακοίνωσε", vec![]),
            ("στην Αρκτική Σοφία", vec!["Αρκτική", "Σοφία"]),
            ("ο βουλευτής Αρκτικής Παπαδάκης", vec!["Αρκτικής"]),
        ] {
            assert_eq!(found(text), want, "{text:?}");
        }
    }

    #[test]
    fn names_joined_by_a_hyphen_are_left_out_in_both_modes() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:fr\tLOC\tΓαλλία\t\tcountry\t\n\
                   x:pt\tLOC\tΠορτογαλία\t\tcountry\t\n\
                   x:eu\tORG\tΕΕ\t\tunion\t\n\
                   x:lar\tLOC\tΛάρισα\t\tcity\t\n\
                   x:vol\tLOC\tΒόλος\t\tcity\t\n\
                   x:ker\tLOC\tΚερατσίνι-Δραπετσώνα\t\tcity\t\n\
                   x:per\tPER\tΜαρία\t\tperson\t\n";
        for rules in [false, true] {
            let ner = recognizer(tsv, rules);
            let found = |text: &str| listed(&ner, text);
            for (text, want) in [
                // A match, a pairing, a route: neither name is a mention.
                ("ο αγώνας Γαλλία-Πορτογαλία έληξε 2-1", vec![]),
                ("η συμφωνία Γαλλίας-Πορτογαλίας υπεγράφη", vec![]),
                ("η σύνοδος ΕΕ-Γαλλίας άρχισε", vec![]),
                ("η σιδηροδρομική γραμμή Λάρισας-Βόλου κλείνει", vec![]),
                ("ο δρόμος Λάρισα-Καρδίτσα κλείνει", vec![]),
                ("το μετρό-Λάρισα", vec![]),
                // Kept: spaces around the dash, a lower-case word after it, a listed
                // name with a hyphen inside, persons.
                ("ο αγώνας Γαλλία - Πορτογαλία", vec!["Γαλλία", "Πορτογαλία"]),
                ("η Γαλλία-φρούριο", vec!["Γαλλία"]),
                ("στο Κερατσίνι-Δραπετσώνα χθες", vec!["Κερατσίνι-Δραπετσώνα"]),
                ("η Μαρία-Ελένη είπε", vec!["Μαρία"]),
            ] {
                assert_eq!(found(text), want, "{text:?}, rules {rules}");
            }
        }
    }

    #[test]
    fn a_full_name_and_a_second_surname_after_a_hyphen_are_one_person_in_both_modes() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:per\tPER\tΣτέλλα Καραβίδα\t\tperson\t\n\
                   x:loc\tLOC\tΛάρισα\t\tcity\t\n";
        for rules in [false, true] {
            let ner = recognizer(tsv, rules);
            for (text, want) in [
                ("Η Στέλλα Καραβίδα-Ρούσσου μίλησε χθες.", vec!["Στέλλα Καραβίδα-Ρούσσου"]),
                ("Η Στέλλα Καραβίδα - Ρούσσου μίλησε χθες.", vec!["Στέλλα Καραβίδα"]),
                ("Η Στέλλα Καραβίδα-Λάρισα: το ταξίδι.", vec!["Στέλλα Καραβίδα"]),
                ("Η Στέλλα Καραβίδα-υπουργός μίλησε χθες.", vec!["Στέλλα Καραβίδα"]),
            ] {
                assert_eq!(listed(&ner, text), want, "{text:?}, rules {rules}");
            }
        }
    }

    #[test]
    fn a_place_and_its_region_in_the_genitive_are_one_name_in_both_modes() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:moires\tLOC\tΜοίρες\t\ttown\t\n\
                   x:her\tLOC\tΗράκλειο\t\tcity\t\n\
                   x:ath\tLOC\tΑθήνα\t\tcity\t\n";
        for rules in [false, true] {
            let ner = recognizer(tsv, rules);
            let found = |text: &str| -> Vec<(String, Option<String>)> {
                ner.extract(text)
                    .into_iter()
                    .map(|e| (e.text().to_string(), e.id().map(str::to_string)))
                    .collect()
            };
            assert_eq!(
                found("Η βροχή έπεσε στις Μοίρες Ηρακλείου χθες."),
                [("Μοίρες Ηρακλείου".into(), Some("x:moires".into()))],
                "rules {rules}"
            );
            // Not joined: a nominative, a comma, two spaces.
            for text in [
                "Οι πτήσεις Αθήνα Ηράκλειο αυξήθηκαν.",
                "Η βροχή έπεσε στις Μοίρες, Ηρακλείου χθες.",
                "Η βροχή έπεσε στις Μοίρες  Ηρακλείου χθες.",
            ] {
                assert_eq!(found(text).len(), 2, "{text:?} (rules {rules})");
            }
        }
    }

    #[test]
    fn capitalised_common_words_are_left_out_in_both_modes() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:tu\tLOC\tΤούρκου\t\tcity\tnodecl\n\
                   x:ar\tLOC\tΑργεντινή\t\tcountry\t\n";
        for rules in [false, true] {
            let ner = recognizer(tsv, rules);
            let found = |text: &str| listed(&ner, text);
            for (text, want) in [
                // A nationality noun that a list holds as a town.
                ("η σύλληψη του Τούρκου ψαρά χθες", vec![]),
                // A country spelled like its nationality noun is the country, unless a
                // title follows.
                ("ταξίδεψε στην Αργεντινή χθες", vec!["Αργεντινή"]),
                ("η Αργεντινή υπουργός μίλησε", vec![]),
            ] {
                assert_eq!(found(text), want, "{text:?}, rules {rules}");
            }
        }
    }

    #[test]
    fn names_in_addresses_are_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:np\tORG\tΝαυτεμπορική\tnaftemporiki.gr\tmedia\t\n\
                   x:reu\tORG\tReuters\t\tagency\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        assert!(found("Γράφει η Μαρία Ιωάννου mioannou@naftemporiki.gr Η αγορά").is_empty());
        assert!(found("όπως έγραψε το @Reuters χθες").is_empty());
        assert_eq!(found("πηγή: naftemporiki.gr και Reuters"), ["naftemporiki.gr", "Reuters"]);
    }

    #[test]
    fn in_capitals_a_latin_word_before_a_greek_name_still_counts() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:fal\tLOC\tΦάληρο\t\tcity\t\n\
                   x:mar\tLOC\tΜαρούσι\t\tcity\t\n\
                   x:fb\tORG\tFacebook\t\tcompany\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        // A brand in Latin letters and its branch's place: one longer name.
        assert!(found("ΠΡΟΒΟΛΕΣ ΣΤΑ CINEMA ΦΑΛΗΡΟ, STARPARK ΜΑΡΟΥΣΙ").is_empty());
        // Kept: Greek words in capitals before either, and a Latin name after Greek ones.
        for (text, want) in [
            ("ΠΡΟΒΟΛΕΣ ΣΤΟ ΦΑΛΗΡΟ ΚΑΙ ΣΤΟ ΜΑΡΟΥΣΙ", vec!["ΦΑΛΗΡΟ", "ΜΑΡΟΥΣΙ"]),
            ("Η ΕΥΘΥΝΗ ΤΟΥ FACEBOOK", vec!["FACEBOOK"]),
        ] {
            assert_eq!(found(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_place_after_an_institution_in_lower_case_is_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:koz\tLOC\tΚοζάνη\t\tcity\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        assert!(found("Μεταφέρθηκε στο νοσοκομείο Κοζάνης χθες.").is_empty());
        assert!(found("Φοιτητές του πανεπιστημίου Κοζάνης διαμαρτυρήθηκαν.").is_empty());
        // Kept: after another lower-case word, and not in the genitive.
        assert_eq!(found("Ο δήμαρχος Κοζάνης μίλησε."), ["Κοζάνης"]);
        assert_eq!(found("Το νοσοκομείο στην Κοζάνη γέμισε."), ["Κοζάνη"]);
    }

    #[test]
    fn an_organisation_and_the_place_of_its_branch_are_one_name() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:kke\tORG\tΚΚΕ\t\tparty\t\n\
                   x:inst\tORG\tΓαλλικό Ινστιτούτο\t\tcultural\t\n\
                   x:mag\tLOC\tΜαγνησία\t\tregion\t\n\
                   x:ath\tLOC\tΑθήνα\t\tcity\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        for (text, want) in [
            ("Η νομαρχιακή του ΚΚΕ Μαγνησίας ανακοίνωσε", vec!["ΚΚΕ Μαγνησίας"]),
            ("Εκδήλωση στο Γαλλικό Ινστιτούτο Αθηνών απόψε", vec!["Γαλλικό Ινστιτούτο Αθηνών"]),
            // Kept apart: not the genitive, a comma or an article between.
            ("Το ΚΚΕ Αθήνα και Πειραιά", vec!["ΚΚΕ", "Αθήνα"]),
            ("Το ΚΚΕ, Μαγνησίας και Λάρισας", vec!["ΚΚΕ", "Μαγνησίας"]),
            ("Το ΚΚΕ της Μαγνησίας", vec!["ΚΚΕ", "Μαγνησίας"]),
        ] {
            assert_eq!(found(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_person_or_place_quoted_after_a_head_noun_is_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:dim\tLOC\tΆγιος Δημήτριος\t\tcity\t\n\
                   x:mag\tLOC\tΜαγνησία\t\tregion\t\n\
                   x:mak\tLOC\tΜακεδονία\t\tregion\t\n\
                   x:kaz\tPER\tΝίκος Καζαντζάκης\t\twriter\t\n\
                   x:ath\tORG\tΔιεθνής Αερολιμένας Αθηνών\t\tcompany\t\n\
                   x:ven\tPER\tΕλευθέριος Βενιζέλος\t\tpolitician\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        // Left out: the hospital, the newspaper, the prize, the airport named after them.
        for text in [
            "Ασθενής μεταφέρθηκε στο νοσοκομείο «Άγιος Δημήτριος» χθες.",
            "Το γράφει η εφημερίδα «Μαγνησία» σήμερα.",
            "Απονεμήθηκε το Βραβείο «Νίκος Καζαντζάκης» στην ποιήτρια.",
            "Το πλοίο \" Ελευθέριος Βενιζέλος \" έδεσε στο λιμάνι.",
            "Η ποιήτρια διάβασε το ποίημά της «Μαγνησία» χθες.",
            "Ο συγγραφέας υπέγραψε το βιβλίο του «Μαγνησία» στην έκθεση.",
            // Part of an organisation's longer quoted name, as in the rule stage.
            "Η εφημερίδα «Νέα της Μαγνησίας» κυκλοφόρησε.",
            "Ο σύλλογος «Φίλοι του Αγίου Δημητρίου» συνεδρίασε.",
            "Το νοσοκομείο \" Ο Άγιος Δημήτριος \" δέχεται ασθενείς.",
        ] {
            assert!(found(text).is_empty(), "{text:?}: {:?}", found(text));
        }
        assert_eq!(
            found("Έφτασε στον Διεθνή Αερολιμένα Αθηνών «Ελευθέριος Βενιζέλος» το πρωί."),
            ["Διεθνή Αερολιμένα Αθηνών"]
        );
        // Kept: a name quoted as a name, after an article alone, inside a longer title of a
        // work, or in an organisation's name with a lower-case word that is no function word.
        for (text, want) in [
            ("Δεν δέχονται τον όρο «Μακεδονία» για τη γειτονική χώρα.", "Μακεδονία"),
            ("Ταξίδεψε στη «Μαγνησία» πέρσι.", "Μαγνησία"),
            ("Μίλησε για τη χώρα του «Μακεδονία» με πάθος.", "Μακεδονία"),
            ("Η ταινία «Ένα καλοκαίρι στη Μαγνησία» βγήκε.", "Μαγνησία"),
            ("Η εφημερίδα «Νέα φωνή της Μαγνησίας» κυκλοφόρησε.", "Μαγνησίας"),
            ("Η εφημερίδα Μαγνησία κυκλοφόρησε.", "Μαγνησία"),
        ] {
            assert_eq!(found(text), [want], "{text:?}");
        }
    }

    #[test]
    fn a_latin_name_and_its_greek_branch_are_one_name() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:acme\tORG\tAcme\t\tcompany\t\n\
                   x:gr\tLOC\tΕλλάδα\tΕλλάς\tcountry\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        assert_eq!(found("η Acme Ελλάς ανακοίνωσε"), ["Acme Ελλάς"]);
        assert_eq!(found("της Acme Ελλάδος και της Acme Ελλάδας"), ["Acme Ελλάδος", "Acme Ελλάδας"]);
        // Not a branch: a comma, another word, a longer word.
        assert_eq!(found("η Acme, Ελλάς"), ["Acme", "Ελλάς"]);
        assert_eq!(found("η Acme Ελλάσια"), ["Acme"]);
    }

    #[test]
    fn a_given_name_before_a_surname_is_the_persons_not_a_place_or_a_club() {
        // `Σοφία` the city, `Άρης` the club and `Σωκράτης` the philosopher are given names
        // too (class `GIVEN`).
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:sofia\tLOC\tΣοφία\t\tcity\tambiguous\n\
                   x:aris\tORG\tΆρης\t\tclub\tambiguous\n\
                   x:socrates\tPER\tΣωκράτης\t\tscientist\tambiguous\n\
                   x:lamp\tPER\tΛαμπράκη\t\tsurname\tnodecl\n\
                   x:pap\tPER\tΠαπαδάκης\t\tsurname\t\n\
                   x:ath\tLOC\tΑθήνα\t\tcity\t\n";
        let ner = recognizer(tsv, false);
        for (text, want) in [
            // Before a listed surname: one person.
            ("Μίλησε χθες η Σοφία Λαμπράκη στη Βουλή", vec![("Σοφία Λαμπράκη", Label::Per)]),
            ("ο προπονητής Άρης Παπαδάκης είπε", vec![("Άρης Παπαδάκης", Label::Per)]),
            ("η διάλεξη του Σωκράτη Γ. Παπαδάκη άρεσε", vec![("Σωκράτη Γ. Παπαδάκη", Label::Per)]),
            // Before an unlisted one: the club is left out, as the place is.
            ("με τον ηθοποιό Άρη Μαυρίδη", vec![]),
            ("με τη Σοφία Μαυρίδου", vec![]),
            // Kept: not right before the surname; before a place, the club of that place.
            ("στη Σοφία, ο Παπαδάκης", vec![("Σοφία", Label::Loc), ("Παπαδάκης", Label::Per)]),
            ("στη Σοφία  Παπαδάκης", vec![("Σοφία", Label::Loc), ("Παπαδάκης", Label::Per)]),
            ("ο Άρης Αθήνας νίκησε", vec![("Άρης Αθήνας", Label::Org)]),
        ] {
            let found: Vec<(String, Label)> =
                ner.extract(text).into_iter().map(|e| (e.text().to_string(), e.label)).collect();
            let want: Vec<(String, Label)> = want.into_iter().map(|(t, l)| (t.to_string(), l)).collect();
            assert_eq!(found, want, "{text:?}");
        }
    }

    #[test]
    fn a_person_named_by_a_storm_or_a_ship_is_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:pap\tPER\tΠαπαδάκης\t\tsurname\t\n\
                   x:lamp\tPER\tΛαμπράκη\t\tsurname\tnodecl\n\
                   x:mel\tPER\tΜελετίου\t\tsurname\tnodecl\n";
        let gazetteer_only = recognizer(tsv, false);
        for (text, want) in [
            // The storm or the ship, named in the nominative after the person.
            ("έρχεται η κακοκαιρία Λαμπράκη", vec![]),
            ("ο κυκλώνας Παπαδάκης πλησιάζει", vec![]),
            ("οι επιβάτες του πλοίου Παπαδάκης αποβιβάστηκαν", vec![]),
            // Kept: the owner in the genitive, two persons paired, the maker of a plan, a
            // law, a deal or a film, the person in other places.
            ("το σκάφος Μελετίου βυθίστηκε", vec!["Μελετίου"]),
            ("η κακοκαιρία Παπαδάκη - Λαμπράκη", vec!["Παπαδάκη", "Λαμπράκη"]),
            ("η συμφωνία Παπαδάκη-Λαμπράκη", vec!["Παπαδάκη", "Λαμπράκη"]),
            ("Το σχέδιο Παπαδάκη για τις συντάξεις", vec!["Παπαδάκη"]),
            ("οι αλλαγές στον νόμο Λαμπράκη ψηφίστηκαν", vec!["Λαμπράκη"]),
            ("Η συμφωνία Παπαδάκη με τον Μελετίου", vec!["Παπαδάκη", "Μελετίου"]),
            ("είδαμε την ταινία Μελετίου", vec!["Μελετίου"]),
            ("ο νόμος του Παπαδάκη", vec!["Παπαδάκη"]),
            ("είπε η Λαμπράκη", vec!["Λαμπράκη"]),
        ] {
            assert_eq!(listed(&gazetteer_only, text), want, "{text:?}");
        }
    }

    #[test]
    fn a_club_after_a_feminine_article_is_no_common_word_in_both_modes() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:roma\tORG\tΡόμα\t\tclub\tambiguous,nodecl\n";
        for rules in [false, true] {
            let ner = recognizer(tsv, rules);
            for (text, want) in [
                ("Ο αμυντικός αγωνίζεται στη Ρόμα ως δανεικός", vec!["Ρόμα"]),
                ("Ο προπονητής της Ρόμα μίλησε", vec!["Ρόμα"]),
                // The people (class NATIONALITY), folded alike: left out.
                ("Η κοινότητα των Ρομά ζητά στέγαση", vec![]),
            ] {
                assert_eq!(texts(&ner, text), want, "rules {rules}: {text:?}");
            }
        }
    }

    #[test]
    fn a_person_in_the_nominative_after_a_neuter_article_is_left_out_in_both_modes() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:kan\tPER\tΚωνσταντίνος Κανάρης\t\tperson\t\n\
                   x:lamp\tPER\tΛαμπράκη\t\tsurname\tnodecl\n";
        for rules in [false, true] {
            let ner = recognizer(tsv, rules);
            for (text, want) in [
                // The airport, the stadium, the ship named after the person.
                ("Μεγάλη κίνηση στο Κωνσταντίνος Κανάρης σήμερα", vec![]),
                ("Το Κωνσταντίνος Κανάρης έδεσε στο λιμάνι", vec![]),
                ("ΠΟΛΛΟΙ ΕΠΙΒΑΤΕΣ ΣΤΟ ΚΩΝΣΤΑΝΤΙΝΟΣ ΚΑΝΑΡΗΣ", vec![]),
                // Kept: the man in the accusative after `το` (for `τον`), in the genitive,
                // after another article, a woman's name.
                ("Μίλησε με το Κωνσταντίνο Κανάρη χθες", vec!["Κωνσταντίνο Κανάρη"]),
                ("το σπίτι του Κωνσταντίνου Κανάρη", vec!["Κωνσταντίνου Κανάρη"]),
                ("είπε ο Κωνσταντίνος Κανάρης", vec!["Κωνσταντίνος Κανάρης"]),
                ("είπε στο Λαμπράκη", vec!["Λαμπράκη"]),
            ] {
                assert_eq!(texts(&ner, text), want, "rules {rules}: {text:?}");
            }
        }
    }

    #[test]
    fn an_initial_before_a_surname_is_part_of_the_name() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:pap\tPER\tΠαπαδάκης\t\tpolitician\t\n\
                   x:smith\tPER\tSmith\t\tperson\t\n\
                   x:rome\tLOC\tΡώμη\t\tcity\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| texts(&ner, text);
        for (text, want) in [
            ("είπε ο Γ. Παπαδάκης χθες", vec!["Γ. Παπαδάκης"]),
            ("είπε ο Κων. Παπαδάκης χθες", vec!["Κων. Παπαδάκης"]),
            ("(Αλ. Παπαδάκη)", vec!["Αλ. Παπαδάκη"]),
            ("wrote J. Smith", vec!["J. Smith"]),
            // Not an initial: a title, a lower-case abbreviation, a word that ends a
            // sentence, two spaces, no space.
            ("μίλησε ο Δρ. Παπαδάκης", vec!["Παπαδάκης"]),
            ("wrote Mr. Smith", vec!["Smith"]),
            ("μίλησε ο κ. Παπαδάκης", vec!["Παπαδάκης"]),
            ("Ήταν στη Ρώμη. Παπαδάκης και άλλοι", vec!["Ρώμη", "Παπαδάκης"]),
            ("ο Γ.  Παπαδάκης", vec!["Παπαδάκης"]),
            ("ο ΓΓ.Παπαδάκης", vec!["Παπαδάκης"]),
        ] {
            assert_eq!(found(text), want, "{text:?}");
        }
    }

    #[test]
    fn a_place_in_a_person_slot_is_a_person_in_both_modes() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:zog\tLOC\tΖωγράφος\t\tcity\t\n\
                   x:sof\tLOC\tΣοφία\t\tcity\t\n\
                   x:smy\tLOC\tΣμύρνη\t\tcity\t\n\
                   x:kif\tLOC\tΚηφισιά\t\tcity\t\n";
        for rules in [false, true] {
            let ner = recognizer(tsv, rules);
            for (text, want) in [
                // A person's slot: an abbreviated title, an initial.
                ("Ο κ. Ζωγράφος μίλησε χθες στη Βουλή.", vec![]),
                ("Η κα Σοφία δεν απάντησε.", vec![]),
                ("Το υπέγραψε ο Δ. Ζωγράφος, πρόεδρος του συλλόγου.", vec![]),
                ("Το νέο βιβλίο της Ελ. Σοφία κυκλοφόρησε.", vec![]),
                // A line-up after a colon.
                (
                    "ΟΜΑΔΑ: Αλεξίου, Βασιλείου (70' Γεωργίου), Ζωγράφος, Δήμου, Ελευθερίου και Ζαχαρίου.",
                    vec![],
                ),
                // A place: after an abbreviation that begins a place's or a street's name,
                // after a capital that ends a sentence, after a lower-case word.
                ("Ζει στη Ν. Σμύρνη από το 1990.", vec!["Σμύρνη"]),
                ("Η πορεία έφτασε στη Λεωφ. Κηφισιά.", vec!["Κηφισιά"]),
                ("Έμεινε στον Ζωγράφο. Σοφία και Κηφισιά ακολουθούν.", vec!["Ζωγράφο", "Σοφία", "Κηφισιά"]),
                ("Μένει στον Ζωγράφο από πέρυσι.", vec!["Ζωγράφο"]),
                // A list of places after a colon; a list whose items are no names.
                (
                    "Προορισμοί: Σοφία, Σμύρνη, Κηφισιά, Ζωγράφος, Λευκάδα.",
                    vec!["Σοφία", "Σμύρνη", "Κηφισιά", "Ζωγράφος"],
                ),
                ("Είπε: ο Ζωγράφος, η Αθηνά, ο Νίκος, η Ελένη, ο Γιώργος.", vec!["Ζωγράφος"]),
            ] {
                let got: Vec<String> = ner
                    .extract(text)
                    .into_iter()
                    .filter(|e| e.label == Label::Loc)
                    .map(|e| e.text().to_string())
                    .collect();
                assert_eq!(got, want, "{text:?} (rules {rules})");
            }
        }
    }

    #[test]
    fn in_a_sports_report_a_place_after_an_article_is_its_team() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:ua\tLOC\tΟυκρανία\t\tcountry\t\n\
                   x:mx\tLOC\tΜεξικό\t\tcountry\tnodecl\n\
                   x:pt\tLOC\tΠορτογαλία\t\tcountry\t\n\
                   x:lv\tLOC\tΛίβερπουλ\t\tcity\tnodecl\n\
                   x:cr\tLOC\tΚρήτη\t\tisland\t\n";
        let (org, loc) = (Label::Org, Label::Loc);
        // Both modes decide alike; the listed names only (the rule stage finds more).
        for rules in [false, true] {
            let ner = recognizer(tsv, rules);
            let found = |text: &str| -> Vec<(String, Label)> {
                let listed = ner.extract(text).into_iter().filter(|e| e.id().is_some());
                listed.map(|e| (e.text().to_string(), e.label)).collect()
            };
            for (text, want) in [
                // The subject or the object of a match: a score or two sports words.
                ("Η Ουκρανία νίκησε 3-1 χθες βράδυ", vec![("Ουκρανία", org)]),
                ("Το γκολ έκρινε τον τελικό με το Μεξικό", vec![("Μεξικό", org)]),
                ("Η ομάδα απέκλεισε την Πορτογαλία στα πέναλτι", vec![("Πορτογαλία", org)]),
                // The genitive of a match's word, `κόντρα στην`, a line-up.
                (
                    "Ο προπονητής της Πορτογαλίας είπε ότι το γκολ στον τελικό ήταν άκυρο",
                    vec![("Πορτογαλίας", org)],
                ),
                ("Το γκολ στο ματς κόντρα στην Ουκρανία", vec![("Ουκρανία", org)]),
                ("Μεξικό: Άλφα, Βήτα, Γάμμα, Δέλτα, Έψιλον", vec![("Μεξικό", org)]),
                // After an indefinite article: a subject or an object.
                ("Μια Ουκρανία χωρίς γκολ αποκλείστηκε από τον τελικό", vec![("Ουκρανία", org)]),
                ("Το γκολ έκρινε το ματς με ένα Μεξικό που πίεζε", vec![("Μεξικό", org)]),
                // A city: its club; not an island or a region.
                ("Η Λίβερπουλ νίκησε 2-0 την Πορτογαλία", vec![("Λίβερπουλ", org), ("Πορτογαλία", org)]),
                ("Η Κρήτη νίκησε 2-0", vec![("Κρήτη", loc)]),
                // A place: the host, the genitive of a capitalised name or of a team's noun, a
                // pairing, a sentence that is no sports report.
                ("Τα πέναλτι στον τελικό στην Ουκρανία", vec![("Ουκρανία", loc)]),
                ("Το γκολ στο Μουντιάλ της Ουκρανίας ήταν το πρώτο", vec![("Ουκρανίας", loc)]),
                ("Ο αρχηγός της εθνικής ομάδας της Πορτογαλίας σκόραρε", vec![("Πορτογαλίας", loc)]),
                ("Η ομάδα ποδοσφαίρου της Πορτογαλίας σκόραρε", vec![("Πορτογαλίας", loc)]),
                ("Η κυβέρνηση της Ουκρανίας πανηγύρισε το γκολ", vec![("Ουκρανίας", loc)]),
                ("Τα γκολ στα γήπεδα της Ουκρανίας", vec![("Ουκρανίας", loc)]),
                ("Η Ουκρανία υπέγραψε τη συμφωνία με το Μεξικό", vec![("Ουκρανία", loc), ("Μεξικό", loc)]),
                ("Η Ουκρανία ζήτησε 2 δισ. ευρώ", vec![("Ουκρανία", loc)]),
                // Number ranges are no score: a count, a date, a larger number.
                ("Η Ουκρανία άλλαξε σε 3-4 δεκαετίες", vec![("Ουκρανία", loc)]),
                ("Η Ουκρανία θα ψηφίσει στις 28-29 Ιουνίου", vec![("Ουκρανία", loc)]),
                ("Η Ουκρανία δίνει 20-30.000 ευρώ", vec![("Ουκρανία", loc)]),
                ("Η Ουκρανία πέρασε στο 5-6%", vec![("Ουκρανία", loc)]),
                // One word that only sports reports use is clue enough.
                ("Η Ουκρανία έχασε με γκολ στο τέλος", vec![("Ουκρανία", org)]),
                // The vocabulary of play: a match played, the ball, a counter-attack, scoring,
                // the national shirt; `απέναντι στην` (the team met); one such word alone is
                // no sports report.
                (
                    "Η Ουκρανία έπαιξε με την μπάλα και το Μεξικό έψαχνε αντεπιθέσεις",
                    vec![("Ουκρανία", org), ("Μεξικό", org)],
                ),
                (
                    "Η Ουκρανία θέλει να σκοράρει νωρίς απέναντι στην Πορτογαλία",
                    vec![("Ουκρανία", org), ("Πορτογαλία", org)],
                ),
                ("Παίκτες που τίμησαν το εθνόσημο της Πορτογαλίας", vec![("Πορτογαλίας", org)]),
                ("Η Ουκρανία έπαιξε ρόλο στη συμφωνία", vec![("Ουκρανία", loc)]),
                // The World Cup by its Greek name, a win with a match.
                ("Η Ουκρανία βρέθηκε κοντά στην έξοδο από το Παγκόσμιο Κύπελλο", vec![("Ουκρανία", org)]),
                ("Η Ουκρανία πανηγύρισε τη νίκη στον αγώνα", vec![("Ουκρανία", org)]),
                ("Η Ουκρανία πανηγύρισε τη νίκη στις εκλογές", vec![("Ουκρανία", loc)]),
                // A sports word said twice is one clue.
                ("Η Ουκρανία και η ομάδα της, μια ομάδα ειδικών", vec![("Ουκρανία", loc)]),
                // Listed without their articles after `τις`, `με`, `ούτε`, `ή` (joined by `και`
                // or by `ή`), or paired by a spaced dash: the teams; after another word, or
                // outside sport, places.
                (
                    "Στο γκολ απέκλεισε τις Ουκρανία και Πορτογαλία",
                    vec![("Ουκρανία", org), ("Πορτογαλία", org)],
                ),
                (
                    "Στον τελικό παίζει ή Ουκρανία ή Πορτογαλία μετά το 1-1 του πρώτου ματς",
                    vec![("Ουκρανία", org), ("Πορτογαλία", org)],
                ),
                (
                    "Σε όμιλο με Μεξικό, Ουκρανία και Λίβερπουλ στο Μουντιάλ",
                    vec![("Μεξικό", org), ("Ουκρανία", org), ("Λίβερπουλ", org)],
                ),
                ("Το ματς Ουκρανία - Πορτογαλία", vec![("Ουκρανία", org), ("Πορτογαλία", org)]),
                ("Το ματς Σαχτάρ - Λίβερπουλ", vec![("Λίβερπουλ", org)]),
                ("Η πτήση Σαχτάρ - Λίβερπουλ", vec![("Λίβερπουλ", loc)]),
                (
                    "Παίκτες από Ουκρανία και Πορτογαλία στο Μουντιάλ",
                    vec![("Ουκρανία", loc), ("Πορτογαλία", loc)],
                ),
                ("Η συμφωνία με Ουκρανία και Πορτογαλία", vec![("Ουκρανία", loc), ("Πορτογαλία", loc)]),
            ] {
                let want: Vec<(String, Label)> = want.into_iter().map(|(t, l)| (t.to_string(), l)).collect();
                assert_eq!(found(text), want, "{text:?}, rules {rules}");
            }
            // The team's source is the rule stage's rule.
            let team = ner.extract("Η Ουκρανία νίκησε 3-1").remove(0);
            assert_eq!(team.source.to_string(), "rule:org_national_team");
        }
    }
}
