//! Gazetteer-only mode's guard against partial names: without the rule stage nothing
//! decides from context whether a listed name is part of a longer unlisted one
//! (`Χανίων` in `Νοσοκομείο Χανίων`), so names in the positions where that is most often
//! so are left out. The full pipeline never calls this: its rules decide instead.

use crate::stages::mention::Mention;

/// Without the rule stage, leaves out the gazetteer names of `mentions[first..]` (found in
/// `line`, which starts at byte `offset` of the text) that are most likely only part of a
/// longer name that no gazetteer holds, where the rule stage, when on, would decide from
/// the context (head nouns, given names) instead:
///
/// * a name of one word right after a capitalised word: `Νοσοκομείο Χανίων`, `Γιάννης
///   Παπαθεοδώρου`, `Σκουριές Χαλκιδικής`; and a place of several words in the genitive
///   there, the complement of an organisation's name (`Δήμος Νέας Σμύρνης`,
///   `Επιμελητήριο Δυτικής Ελλάδας`). Other names of several words are kept
///   (`υπουργός Υγείας Ανδρέας Ξανθός`);
/// * a person's name right before a capitalised word: `Tony Blair Institute`, `Περικλής
///   Λιβάς`; a place of one word that is also a given name there (`Αθηνά Παπαδάκη`,
///   `Σοφία Νικολάου`: [`crate::stages::rules::is_given_name`]); a place of one word written like a
///   masculine or neuter adjective in -ικός there, the adjective of the name that follows
///   (`Ελληνικό Κέντρο`, `Ανατολικού Φόρουμ`; not the feminine, which many regions have:
///   `Αττική`, `Αφρική`); and a name in Latin letters right
///   before a capitalised word in Latin letters: `Samsung Electronics`, `Google Play`, `AP
///   Photo`. Other places and organisations are kept there, as a person's name often
///   follows them (`ο δήμαρχος Χανίων Τάσος Βάμβουκας`, `η εκπρόσωπος του ΣΥΡΙΖΑ Ράνια
///   Σβίγκου`, `ο πρέσβης στην Ελλάδα Τζον Σμιθ`);
/// * a place after a genitive article (`του`, `της`, `των`) that follows the capitalised
///   head noun of an organisation (`Πανεπιστήμιο του Πειραιά`, `Μουσείο του Καΐρου`,
///   `Κόμμα των Ελευθέρων`: [`ORGANISATION_HEADS`]) or of a day, an event, a treaty or a
///   structure (`Ημέρα της Ευρώπης`, `Συνθήκη των Βερσαλλιών`, `Γεφύρι της Άρτας`:
///   [`OTHER_NAME_HEADS`]), and a place in Latin letters after
///   `of` (`de`, `di`, `du`...) that follows a capitalised Latin word (`University of
///   California`, `Bank of England`). After any other capitalised word the place is kept:
///   measured on Greek news, it is a place of its own more often than not (`ο υπουργός
///   Εξωτερικών της Ρωσίας`, `το Εφετείο της Αθήνας`);
/// * a place or an organisation joined to another name by a hyphen without spaces
///   (`Γαλλία-Πορτογαλία`, `συμφωνία Ελλάδας-Ιταλίας`, `ΕΕ-Καναδά`): a pairing, a match or a
///   route, which the press does not write as a mention of either name; the rule stage
///   vetoes the same names ([`crate::stages::rules::hyphen_pair`] decides for both);
/// * a name glued to an `@`: part of an e-mail address or a handle
///   (`onoma@naftemporiki.gr`, `@Reuters`), which a by-line or a credit gives, not a
///   mention of the organisation.
///
/// And it joins a one-word place in the genitive right after a kept place, one space
/// between, to that place: the region that says which town or village is meant is part of
/// its name as the press writes it (`Λαγανά Ζακύνθου`, `Μοίρες Ηρακλείου`); the span keeps
/// the first place's entry.
///
/// It joins the country of a Greek branch to a kept organisation's name in Latin letters
/// (`WWF Ελλάς`, `Deloitte Ελλάδος`; [`BRANCH_COUNTRIES`]): the branch is named so.
///
/// It joins an initial right before a kept surname to it (`Αλ. Τσίπρας`, `Κ. Παπαδάκης`):
/// a capital and up to three unaccented lower-case letters, a full stop and one space, not
/// a title (`Δρ.`); the press abbreviates the given name so, and the name is both.
///
/// In a sentence of a sports report (two sports words or a score such as `2-1`:
/// [`crate::stages::rules::sport_line`]) it relabels a kept place right after a nominative or
/// accusative article (`η Κροατία νίκησε`, `απέκλεισε τη Σουηδία`, `το Μεξικό ισοφάρισε`)
/// as an organisation: there the place is the subject or the object of a match, its
/// national team or its club, as the rule stage decides for countries
/// ([`crate::stages::rules::national_team`]). After a genitive article (`ο προπονητής της
/// Κροατίας`, `το Παγκόσμιο Κύπελλο της Ρωσίας`) or a preposition (`στη Ρωσία`, the host)
/// the place stays a place: measured on Greek news, the genitive is a place about as often
/// as a team.
///
/// "Right after/before" means separated by white space only. The capitalised word does not
/// count when it is itself part of a name kept here, when it begins a sentence or a
/// quotation (where any word is capitalised), or when both it and the name are written in
/// capitals (in text written in capitals, a capital says nothing). On Greek news, the names
/// left out so are wrong about nine times in ten.
///
/// `is_sport` says whether the line is a sports report (asked at most once per line). The
/// user's names (see [`Mention::user`]) are kept as they are; the checks named in `off`
/// are switched off (see [`crate::stages::rules::VETOES`]); `why`, if given, gets each
/// dropped name's document span and the name of the check that dropped it.
pub(crate) fn drop_partial_names(
    line: &str,
    offset: usize,
    mentions: &mut Vec<Mention>,
    first: usize,
    is_sport: impl FnOnce() -> bool,
    off: &[&'static str],
    mut why: Option<&mut Vec<(usize, usize, &'static str)>>,
) {
    use crate::stages::rules::{is_on, PARTIAL_ADDRESS, PARTIAL_HEAD, PARTIAL_OF, PARTIAL_TAIL, VETO_HYPHEN};
    let ends_word = |c: char| c.is_whitespace() || WORD_DELIMITERS.contains(c);
    let mut kept_end = 0; // end (in `line`) of the last mention kept on this line
    let next_start =
        |i: usize, mentions: &[Mention]| mentions.get(i + 1).map_or(usize::MAX, |m| m.start - offset);
    let mut write = first;
    let mut is_sport = Some(is_sport);
    let mut sport = None; // whether the line is a sports report, once asked
    for i in first..mentions.len() {
        let (s, e) = (mentions[i].start - offset, mentions[i].end - offset);
        if s < kept_end {
            continue; // inside the kept name before, which grew over it (`WWF Ελλάς`)
        }
        let name = &line[s..e];
        if mentions[i].user {
            kept_end = e;
            mentions.swap(write, i);
            write += 1;
            continue;
        }
        // Each test reads only the white space and the one word next to the name, so the
        // pass stays linear however many names a line holds.
        let tail = || {
            let before = &line[..s];
            let word_end = before.trim_end_matches(INLINE_SPACE).len();
            // Names of several words are kept, except places in the genitive: the
            // complement of an organisation's name (`Δήμος Νέας Σμύρνης`).
            let several = name.contains(char::is_whitespace);
            if word_end == s
                || word_end < kept_end
                || several && !(mentions[i].label == crate::Label::Loc && genitive(name))
            {
                return false;
            }
            let word_start = before[..word_end]
                .rfind(ends_word)
                .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
            kept_end <= word_start
                && capitalised(&before[word_start..word_end], name)
                && !before[..word_start].trim_end_matches(INLINE_SPACE).ends_with(OPENING)
                && !crate::text::tokens::is_sentence_start(line, word_start)
        };
        let head = || {
            // A place that is also a given name, before a surname: `Αθηνά Παπαδάκη`.
            let given = || {
                mentions[i].label == crate::Label::Loc
                    && !name.contains(char::is_whitespace)
                    && crate::stages::rules::is_given_name(name)
            };
            let person = mentions[i].label == crate::Label::Per || given();
            // A place written like an adjective, before the noun it qualifies: `Ελληνικό
            // Κέντρο`, `Ελληνικού Δημοσίου`.
            let adjective = !person
                && mentions[i].label == crate::Label::Loc
                && !name.contains(char::is_whitespace)
                && ADJECTIVE_ENDINGS.iter().any(|a| name.ends_with(a));
            if !person && !adjective && !latin(name) {
                return false;
            }
            let after = &line[e..];
            let word_start = e + (after.len() - after.trim_start_matches(INLINE_SPACE).len());
            if word_start == e || next_start(i, mentions) <= word_start {
                return false;
            }
            let rest = &line[word_start..];
            let word = &rest[..rest.find(ends_word).unwrap_or(rest.len())];
            capitalised(word, name) && (person || latin(word) == latin(name))
        };
        // A place after a genitive article that follows a capitalised head noun of an
        // organisation (or after `of` and a capitalised Latin word): the end of the
        // organisation's name (`Πανεπιστήμιο του Πειραιά`, `University of California`).
        let of_name = || {
            if mentions[i].label != crate::Label::Loc {
                return false;
            }
            let Some((a_start, a_end)) = word_before(line, s, ends_word) else { return false };
            let article = &line[a_start..a_end];
            let latin_name = latin(name);
            let linking =
                if latin_name { LATIN_OF.contains(&article) } else { GENITIVE_ARTICLES.contains(&article) };
            if !linking {
                return false;
            }
            let Some((w_start, w_end)) = word_before(line, a_start, ends_word) else { return false };
            let word = &line[w_start..w_end];
            if !latin_name && !organisation_head(word) {
                return false;
            }
            kept_end <= w_start
                && capitalised(word, name)
                && (!latin_name || latin(word))
                && !line[..w_start].trim_end_matches(INLINE_SPACE).ends_with(OPENING)
                && !crate::text::tokens::is_sentence_start(line, w_start)
        };
        // A place right after a kept place, in the genitive: the region that tells which
        // place is meant (`Λαγανά Ζακύνθου`, `Μοίρες Ηρακλείου`), one name with it.
        if write > first
            && !mentions[write - 1].user
            && qualifies_place(&mentions[write - 1], &mentions[i], line, offset)
        {
            mentions[write - 1].end = mentions[i].end;
            kept_end = e;
            continue;
        }
        // One of two names joined by a hyphen (`Γαλλία-Πορτογαλία`, `Λάρισας-Βόλου`): a
        // pairing, a match or a route, as the rule stage decides too.
        let paired =
            || mentions[i].label != crate::Label::Per && crate::stages::rules::hyphen_pair(line, s, e);
        // Part of an e-mail address or a handle (`onoma@naftemporiki.gr`, `@Reuters`).
        let address = || line[..s].ends_with('@') || line[e..].starts_with('@');
        // The first check that drops the name, in this order (each is asked only if those
        // before it keep the name).
        let dropped_by = if is_on(off, PARTIAL_TAIL) && tail() {
            Some(PARTIAL_TAIL)
        } else if is_on(off, PARTIAL_HEAD) && head() {
            Some(PARTIAL_HEAD)
        } else if is_on(off, PARTIAL_OF) && of_name() {
            Some(PARTIAL_OF)
        } else if is_on(off, VETO_HYPHEN) && paired() {
            Some(VETO_HYPHEN)
        } else if is_on(off, PARTIAL_ADDRESS) && address() {
            Some(PARTIAL_ADDRESS)
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
            // A place after a nominative or accusative article in a sports report: a
            // national team or a club (`η Κροατία νίκησε 2-1`).
            if mentions[i].label == crate::Label::Loc
                && is_on(off, super::organisation::NATIONAL_TEAM.name)
                && word_before(line, s, ends_word).is_some_and(|(a, b)| TEAM_ARTICLES.contains(&&line[a..b]))
                && *sport.get_or_insert_with(|| is_sport.take().is_some_and(|f| f()))
            {
                crate::stages::rules::national_team(&mut mentions[i]);
            }
            // A surname after an initial: the initial is part of the name (`Αλ. Τσίπρας`).
            if mentions[i].label == crate::Label::Per && !name.contains(char::is_whitespace) {
                if let Some(at) = initial_before(line, s).filter(|&at| at >= prev_end) {
                    mentions[i].start = offset + at;
                }
            }
            // A company or a body in Latin letters and its Greek branch: `WWF Ελλάς`.
            if mentions[i].label == crate::Label::Org && latin(name) {
                if let Some(w) = line[e..]
                    .strip_prefix(' ')
                    .and_then(|r| BRANCH_COUNTRIES.iter().find(|w| r.starts_with(*w) && ends_at(r, w.len())))
                {
                    mentions[i].end += 1 + w.len();
                    kept_end = e + 1 + w.len();
                }
            }
            mentions.swap(write, i);
            write += 1;
        }
    }
    mentions.truncate(write);
}

/// Whether `next` is a one-word Greek place in the genitive right after the place `place`
/// (one space between): the region of the place, as the press qualifies a town or a
/// village (`Λαγανά Ζακύνθου`, `Παρανέστι Δράμας`, `Ανάβυσσος Αττικής`).
fn qualifies_place(place: &Mention, next: &Mention, line: &str, offset: usize) -> bool {
    use crate::Label::Loc;
    if place.label != Loc || next.label != Loc || next.start != place.end + 1 {
        return false;
    }
    let name = &line[next.start - offset..next.end - offset];
    line.as_bytes()[place.end - offset] == b' ' && !name.contains(char::is_whitespace) && genitive(name)
}

/// The start of an initial that ends, with its full stop and one space, right before byte
/// `at` of `line` (`Κ. `, `Αλ. `, `Κυρ. `, `J. `): a capital and at most three lower-case
/// Greek letters without an accent, which a word ending a sentence has (`Ρώμη. `), not a
/// title (`Δρ. `, `Mr. `), after a space, an opening bracket or the start of the line.
fn initial_before(line: &str, at: usize) -> Option<usize> {
    let before = line[..at].strip_suffix(' ')?.strip_suffix('.')?;
    let start = before
        .rfind(|c: char| !crate::text::normalize::is_letter(c))
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    let initial = &before[start..];
    let mut letters = initial.chars();
    let capital = letters.next()?;
    let fits = crate::text::normalize::is_upper(capital)
        && if capital.is_ascii() {
            initial.len() == 1
        } else {
            initial.chars().count() <= 4 && letters.all(|c| matches!(c, 'α'..='ω'))
        };
    let opens = before[..start].chars().next_back().is_none_or(|c| c == ' ' || OPENING.contains(&c));
    (fits && opens && !crate::stages::rules::is_title(initial)).then_some(start)
}

/// Whether `name` is Greek and ends like a genitive (`Νέας Σμύρνης`, `Ζακύνθου`).
fn genitive(name: &str) -> bool {
    !latin(name) && {
        let folded = crate::text::normalize::fold(name);
        FOLDED_GENITIVE_ENDINGS.iter().any(|g| folded.ends_with(g.as_str()))
    }
}

/// Endings of Greek genitives (Ζακύνθου, Δράμας, Αττικής, Χανίων).
const GENITIVE_ENDINGS: [&str; 4] = ["ου", "ας", "ης", "ων"];

/// The word that ends, after white space only, right before byte `at` of `line`, as a
/// byte range; `None` when no white space or no word is there.
fn word_before(line: &str, at: usize, ends_word: impl Fn(char) -> bool) -> Option<(usize, usize)> {
    let before = &line[..at];
    let end = before.trim_end_matches(INLINE_SPACE).len();
    if end == at || end == 0 {
        return None;
    }
    let start = before[..end]
        .rfind(&ends_word)
        .map_or(0, |i| i + before[i..].chars().next().map_or(1, char::len_utf8));
    (start < end).then_some((start, end))
}

/// Articles before a national team as the subject or the object (`η Κροατία`, `την
/// Ισπανία`, `το Μεξικό`, `της Γαλλίας`), not the host (`στη Ρωσία`).
const TEAM_ARTICLES: [&str; 12] = ["η", "Η", "την", "Την", "τη", "Τη", "το", "Το", "ο", "Ο", "τον", "Τον"];

/// Masculine and neuter endings of Greek adjectives in -ικός (`Ελληνικό`, `Ελληνικού`): a
/// place so written before a capitalised word is the adjective of a longer name.
const ADJECTIVE_ENDINGS: [&str; 6] = ["ικός", "ικό", "ικού", "ικοί", "ικά", "ικών"];

/// The country of a foreign company's or body's Greek branch, after its name (`WWF Ελλάς`,
/// `Deloitte Ελλάδος`): part of the branch's name. (`Microsoft Hellas` is a name in Latin
/// letters before a capitalised Latin word, left out as the head of a longer name.)
const BRANCH_COUNTRIES: [&str; 3] = ["Ελλάς", "Ελλάδος", "Ελλάδας"];

/// Whether a word ends at byte `at` of `s` (the end, or a character that is no letter or digit).
fn ends_at(s: &str, at: usize) -> bool {
    s[at..].chars().next().is_none_or(|c| !crate::text::normalize::is_alnum(c))
}

/// Greek genitive articles that join a place to the organisation it ends.
const GENITIVE_ARTICLES: [&str; 3] = ["του", "της", "των"];
/// Stems of the head nouns of organisations named after a place (`Πανεπιστήμιο του
/// Πειραιά`, `Μουσείο του Καΐρου`, `Κόμμα των Ελευθέρων`).
const ORGANISATION_HEADS: [&str; 12] = [
    "πανεπιστημ",
    "πολυτεχνει",
    "μουσει",
    "κομμα",
    "ινστιτουτ",
    "νοσοκομει",
    "κολεγι",
    "σχολ",
    "ακαδημι",
    "ιδρυμα",
    "τραπεζ",
    "ωδει",
];

/// Stems of the head nouns of days, events, treaties, battles and structures named after a
/// place (`Ημέρα της Ευρώπης`, `Συνθήκη των Βερσαλλιών`, `Συμφωνία του Σένγκεν`,
/// `Μάχη της Κρήτης`, `Γεφύρι της Άρτας`, `Γέφυρα του Ρίου`): the press writes the whole
/// as one name, not as a mention of the place.
const OTHER_NAME_HEADS: [&str; 6] = ["ημερα", "ωρα", "συμφωνι", "συνθηκ", "γεφυρ", "μαχη"];

/// [`GENITIVE_ENDINGS`], folded once (folding turns Greek letters into look-alikes).
static FOLDED_GENITIVE_ENDINGS: std::sync::LazyLock<Vec<String>> =
    std::sync::LazyLock::new(|| GENITIVE_ENDINGS.iter().map(|g| crate::text::normalize::fold(g)).collect());

/// [`ORGANISATION_HEADS`] and [`OTHER_NAME_HEADS`], folded once.
static FOLDED_HEADS: std::sync::LazyLock<Vec<String>> = std::sync::LazyLock::new(|| {
    ORGANISATION_HEADS.iter().chain(&OTHER_NAME_HEADS).map(|h| crate::text::normalize::fold(h)).collect()
});

/// Whether `word` is one of [`ORGANISATION_HEADS`] or [`OTHER_NAME_HEADS`] (any case form).
fn organisation_head(word: &str) -> bool {
    let folded = crate::text::normalize::fold(word);
    FOLDED_HEADS.iter().any(|h| folded.starts_with(h.as_str()))
}

/// The same for names in Latin letters (`University of California`, `Banco de España`).
const LATIN_OF: [&str; 6] = ["of", "de", "del", "della", "di", "du"];

/// White space inside a line.
const INLINE_SPACE: [char; 3] = [' ', '\t', '\u{A0}'];
/// Characters that end a word besides white space.
const WORD_DELIMITERS: &str = "«»\"“”()[],.;:!?·";
/// Characters that open a quotation or a bracket.
const OPENING: [char; 5] = ['«', '"', '“', '(', '['];

/// Whether `word` starts with a capital that says something next to `name`: not when both
/// are written in capitals.
fn capitalised(word: &str, name: &str) -> bool {
    word.chars().next().is_some_and(crate::text::normalize::is_upper) && !(all_caps(word) && all_caps(name))
}

/// Whether `s` has letters and all of them are Latin.
fn latin(s: &str) -> bool {
    let mut letters = s.chars().filter(|&c| crate::text::normalize::is_letter(c)).peekable();
    letters.peek().is_some() && letters.all(|c| c < '\u{370}')
}

/// Whether every letter of `s` is a capital (and it has one).
fn all_caps(s: &str) -> bool {
    let mut letters = s.chars().filter(|&c| crate::text::normalize::is_letter(c)).peekable();
    letters.peek().is_some() && letters.all(crate::text::normalize::is_upper)
}

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
        assert!(found(&gazetteer_only, "ο καθηγητής Γιάννης Παπαθεοδώρου είπε").is_empty());
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
    fn a_place_ending_an_organisation_name_is_left_out() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:ca\tLOC\tCalifornia\t\tregion\t\n\
                   x:pi\tLOC\tΠειραιάς\t\tcity\t\n";
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
        ] {
            assert!(found(text).is_empty(), "{text:?}");
        }
        assert_eq!(found("την ημέρα του Πειραιά"), ["Πειραιά"]);
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
    fn a_place_and_its_region_in_the_genitive_are_one_name() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:moires\tLOC\tΜοίρες\t\ttown\t\n\
                   x:her\tLOC\tΗράκλειο\t\tcity\t\n\
                   x:ath\tLOC\tΑθήνα\t\tcity\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| -> Vec<(String, Option<String>)> {
            ner.extract(text)
                .into_iter()
                .map(|e| (e.text().to_string(), e.id().map(str::to_string)))
                .collect()
        };
        assert_eq!(
            found("στις Μοίρες Ηρακλείου χθες"),
            [("Μοίρες Ηρακλείου".into(), Some("x:moires".into()))]
        );
        // Not joined: a nominative, a comma, two spaces.
        assert_eq!(found("Αθήνα Ηράκλειο").len(), 2);
        assert_eq!(found("στις Μοίρες, Ηρακλείου").len(), 2);
        assert_eq!(found("στις Μοίρες  Ηρακλείου").len(), 2);
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
    fn in_a_sports_report_a_place_after_an_article_is_its_team() {
        let tsv = "id\tlabel\tname\taliases\tkind\tflags\n\
                   x:ua\tLOC\tΟυκρανία\t\tcountry\t\n\
                   x:mx\tLOC\tΜεξικό\t\tcountry\tnodecl\n\
                   x:pt\tLOC\tΠορτογαλία\t\tcountry\t\n";
        let ner = recognizer(tsv, false);
        let found = |text: &str| -> Vec<(String, Label)> {
            ner.extract(text).into_iter().map(|e| (e.text().to_string(), e.label)).collect()
        };
        let (org, loc) = (Label::Org, Label::Loc);
        for (text, want) in [
            // The subject or the object of a match: a score or two sports words.
            ("Η Ουκρανία νίκησε 3-1 χθες βράδυ", vec![("Ουκρανία", org)]),
            ("Το γκολ έκρινε τον τελικό με το Μεξικό", vec![("Μεξικό", org)]),
            ("Η ομάδα απέκλεισε την Πορτογαλία στα πέναλτι", vec![("Πορτογαλία", org)]),
            // A place: the host, a genitive, a sentence that is no sports report.
            ("Τα πέναλτι στον τελικό στην Ουκρανία", vec![("Ουκρανία", loc)]),
            (
                "Ο προπονητής της Πορτογαλίας είπε ότι το γκολ στον τελικό ήταν άκυρο",
                vec![("Πορτογαλίας", loc)],
            ),
            ("Η Ουκρανία υπέγραψε τη συμφωνία με το Μεξικό", vec![("Ουκρανία", loc), ("Μεξικό", loc)]),
            ("Η Ουκρανία ζήτησε 2 δισ. ευρώ", vec![("Ουκρανία", loc)]),
        ] {
            let want: Vec<(String, Label)> = want.into_iter().map(|(t, l)| (t.to_string(), l)).collect();
            assert_eq!(found(text), want, "{text:?}");
        }
        // The team's source is the rule stage's rule.
        let team = ner.extract("Η Ουκρανία νίκησε 3-1").remove(0);
        assert_eq!(team.source.to_string(), "rule:org_national_team");
    }
}
