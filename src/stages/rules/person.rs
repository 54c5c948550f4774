//! Person rules: a title or role before or after the name, a verb of saying, a given name,
//! the shape of Greek, foreign and East-Asian names, a masculine article.

use crate::Label;

use super::candidates::{shape, Line};
use super::veto_only::GENITIVE_ARTICLES;
use super::{Cand, GazSpan, Rule};
use crate::lexicon::class;

/// `Χέντερσον (84' Τάλμποτ)`, `Ερναντέζ (41΄)`.
pub(crate) const MATCH_MINUTE: Rule = Rule {
    name: "person_match_minute",
    priority: 85,
    label: Label::Per,
    confidence: 0.85,
    doc: "A name right before or right after a match's minute in brackets: a scorer, a player \
          sent off, or one substituted and the one who came on (`Χέντερσον (84' Τάλμποτ)`).",
    examples: &[
        ("Έπαιξαν: Καραβάκης, Τσολκάς (73' Μπαρουτσής), Ζαφειρίου.", "Τσολκάς"),
        ("Έπαιξαν: Καραβάκης, Τσολκάς (73' Μπαρουτσής), Ζαφειρίου.", "Μπαρουτσής"),
        ("Σκόρερ: Καρασαλίδης (41΄) - Νταβρούλης (90΄+)", "Νταβρούλης"),
        ("Έπαιξαν: Καραβάκης (Μπαρουτσής 73'), Ζαφειρίου.", "Μπαρουτσής"),
    ],
    needs: 0,
    find: Some(|l, s| match_minute(l, s.a, s.b)),
};

/// `(Λογοθετάκος, 2004)`, `(Wexley 1976: 12)`.
pub(crate) const CITATION: Rule = Rule {
    name: "person_citation",
    priority: 85,
    label: Label::Per,
    confidence: 0.8,
    doc: "Inside brackets, one or two capitalised words right before a year that ends the \
          citation or goes on to its page or the next one (`)`, `:`, `,`, `;`): an author cited \
          by year. Not an acronym (a body: `(ΟΟΣΑ, 2019)`) nor a month, nor the publisher after a \
          book's title (`«Τίτλος» (Εκδότης, 2017)`).",
    examples: &[
        ("Το φαινόμενο είναι γνωστό (Λογοθετάκος, 2004).", "Λογοθετάκος"),
        ("Όπως γράφει ο ποιητής «για τη θάλασσα» (Καραλόγκος 1976: 12).", "Καραλόγκος"),
        ("Τα παιδιά ωφελούνται (Wexley, 1993, Dorrance, 1996).", "Dorrance"),
    ],
    needs: 0,
    find: Some(|l, s| citation(l, s.a, s.b)),
};

/// `AP Photo / X`, `Σκηνοθεσία: X`.
pub(crate) const CREDIT: Rule = Rule {
    name: "person_credit",
    priority: 85,
    label: Label::Per,
    confidence: 0.8,
    doc: "A name right after a credit and its `:` or `/`: a photographer, a director, a \
          translator (`AP Photo / X`, `Σκηνοθεσία: X`).",
    examples: &[
        ("Η Ακρόπολη το πρωί (AP Photo / Dorian Wexley)", "Dorian Wexley"),
        ("Σκηνοθεσία: Ευθαλία Ντορμπάκη. Μουσική: Σταύρος Λιάκος.", "Ευθαλία Ντορμπάκη"),
    ],
    needs: class::CREDIT,
    find: Some(|l, s| credit(l, s.a, s.b, s.gaz)),
};

/// `ο πρόεδρος X`, `ο υπουργός Εξωτερικών X`, `ο εκπρόσωπος του Κρεμλίνου, X`, `X, ο πρόεδρος`.
pub(crate) const TITLE: Rule = Rule {
    name: "person_title",
    priority: 85,
    label: Label::Per,
    confidence: 0.85,
    doc: "A title or role (πρόεδρος, υπουργός, κ., αναλυτής...) before the name, directly, after \
          a portfolio or genitive, or in apposition between commas; or after it in apposition.",
    examples: &[
        ("Χθες μίλησε ο πρόεδρος Ζαφείρης Λογοθετάκος στους δημοσιογράφους.", "Ζαφείρης Λογοθετάκος"),
        ("Τον λόγο πήρε ο υπουργός Εσωτερικών Ορφέας Τζαβάρας.", "Ορφέας Τζαβάρας"),
        ("Το είπε ο διευθυντής της μονάδας, Ευθύμης Καραλόγκος, χθες.", "Ευθύμης Καραλόγκος"),
        ("Συναντήθηκε με τον κ. Λογοθετάκο στο γραφείο του.", "Λογοθετάκο"),
        ("Ο Κάρολ Βίσνιακ, ο προπονητής της ομάδας, μίλησε.", "Κάρολ Βίσνιακ"),
    ],
    needs: class::TITLE,
    find: Some(|l, s| title(l, s.a, s.b)),
};

/// `είπε ο X`, `ο X δήλωσε`.
pub(crate) const SAYING: Rule = Rule {
    name: "person_saying_verb",
    priority: 80,
    label: Label::Per,
    confidence: 0.8,
    doc: "A verb of saying with the article right before the name: «...», είπε ο X; ο X δήλωσε.",
    examples: &[
        ("«Θα το κάνουμε», δήλωσε ο Τσερβάτης σε συνέντευξη.", "Τσερβάτης"),
        ("Ο Μπρόμπεργκ είπε ότι δεν θα παραιτηθεί.", "Μπρόμπεργκ"),
    ],
    needs: class::SAY,
    find: Some(|l, s| saying(l, s.a, s.b)),
};

/// `Νίκος Βλαχογιάννης`, `Α. Καλομοίρης`, `Michael Rowntree`.
pub(crate) const GIVEN_NAME: Rule = Rule {
    name: "person_given_name",
    priority: 80,
    label: Label::Per,
    confidence: 0.85,
    doc: "A run of capitalised words that starts with a known given name (any case form) or an \
          initial; in a headline in capitals, the given names and one surname (with a second \
          one after a hyphen).",
    examples: &[
        ("Στην εκδήλωση βρέθηκε και η Ελένη Σταματοπούλη.", "Ελένη Σταματοπούλη"),
        ("Την έκθεση επιμελήθηκε μαζί με τον Γιώργο Μπαλαφούτη η ομάδα.", "Γιώργο Μπαλαφούτη"),
        ("Ανάμεσά τους και ο Α. Καλομοίρης από την Πάτρα.", "Α. Καλομοίρης"),
        ("Η ΕΥΤΥΧΙΑ ΚΑΡΑΛΟΥΚΑ-ΣΤΑΜΟΥ ΑΝΑΛΑΜΒΑΝΕΙ ΤΟ ΤΜΗΜΑ", "ΕΥΤΥΧΙΑ ΚΑΡΑΛΟΥΚΑ-ΣΤΑΜΟΥ"),
    ],
    needs: 0,
    find: Some(|l, s| given_name(l, s.a, s.b)),
};

/// A given name right before a surname the gazetteer knows.
pub(crate) const GIVEN_BEFORE_KNOWN: Rule = Rule {
    name: "person_given_before_known",
    priority: 96,
    label: Label::Per,
    confidence: 0.9,
    doc: "A given name right before a person the gazetteer found takes the mention over both \
          words and keeps the gazetteer's entry.",
    examples: &[],
    needs: 0,
    find: None,
};

/// `Άννα Διαμαντοπούλου-Ιωάννου`: a listed person and a second surname.
pub(crate) const DOUBLE_SURNAME: Rule = Rule {
    name: "person_double_surname",
    priority: 96,
    label: Label::Per,
    confidence: 0.9,
    needs: 0,
    doc: "A person the gazetteer found, a hyphen and one unlisted capitalised word: a double \
          surname, the whole the person's name (with the gazetteer's entry after a full name). \
          Switched off, a listed surname after a hyphen no longer lengthens a name another \
          rule types either (`Ελπίδα Ζαρκάδα-Μιχελάκη`).",
    examples: &[
        ("Μίλησε χθες ο Στέλιος Λογαράς-Καλλέργης στη Βουλή.", "Στέλιος Λογαράς-Καλλέργης"),
        ("Απάντησε ο Λογαράς-Καλλέργης.", "Λογαράς-Καλλέργης"),
    ],
    find: None,
};

/// The double surname (see [`DOUBLE_SURNAME`]) that a listed person at token `a - 1` and
/// the one word `a` after a hyphen make, from the person's first token. A one-word listed
/// name needs a singular article right before it (`η Διαμαντοπούλου-Ιωάννου`): two
/// surnames alone are as often two persons paired (`η συνάντηση Τσίπρα-Ζάεφ`), which a
/// given name before the first rules out. The whole keeps the listed entry only after a
/// full name (given name and surname): a surname alone names many persons, and before a
/// given name (`η Μαρία-Ελένη`) the listed one-word name is a double given name's half.
pub(crate) fn double_surname(line: &Line, a: usize, gaz: &[GazSpan]) -> Option<Cand> {
    let toks = line.toks;
    let t = &toks[a];
    if a == 0 || line.gap(a) != "-" || toks[a - 1].gaz == 0 {
        return None;
    }
    let m = &gaz[toks[a - 1].gaz as usize - 1];
    let (ma, mb) = (m.tokens.0 as usize, m.tokens.1 as usize);
    let name = second_surname(line, a);
    let article = || {
        line.prev(ma).is_some_and(|p| {
            toks[p].has(class::ART_MASC | class::ART_FEM | class::ART_NEUT) && !toks[p].has(class::ART_PLURAL)
        })
    };
    let full = mb - ma >= 2;
    (name && m.label == Label::Per && mb == a && (full || !t.has(class::GIVEN) && article())).then(|| Cand {
        absorbs: true,
        entry: m.entry.filter(|_| full),
        ..Cand::new(ma, a + 1, &DOUBLE_SURNAME)
    })
}

/// Whether token `a` is joined by a hyphen to the word before it and to none after it: the
/// second of two hyphenated words (`Καραβίδα-Ρούσσου`, not a chain `Α-Β-Γ`).
pub(crate) fn last_after_hyphen(line: &Line, a: usize) -> bool {
    line.gap(a) == "-" && (a + 1 >= line.toks.len() || !line.gap(a + 1).starts_with('-'))
}

/// Whether token `a`, after a hyphen right after a name, can be a second surname: a
/// capitalised name-like word (no common noun, title, portfolio or organisation head), in
/// capitals only after a name in capitals.
pub(crate) fn second_surname(line: &Line, a: usize) -> bool {
    let (toks, t) = (line.toks, &line.toks[a]);
    t.cap()
        && !t.is(shape::DIGIT | shape::SINGLE)
        && (!t.is(shape::UPPER) || toks[a - 1].is(shape::UPPER))
        && !t.has(class::NONAME | class::FUNCTION | class::ORG_HEAD | class::TITLE | class::PORTFOLIO)
        && !line.common_shape(a)
}

/// The end of a person's name ending before token `b` (typed by a rule) that a hyphen and
/// a listed surname of one word right after it lengthen (`Ελπίδα Ζαρκάδα-Μιχελάκη`,
/// `Σταθόπουλου-Μιχελάκη`): `b + 1`, or `None`. Unlisted, both surnames are one run of
/// capitalised words, typed as one name: so are they with the second listed.
pub(crate) fn listed_second_surname(line: &Line, b: usize, gaz: &[GazSpan]) -> Option<usize> {
    let toks = line.toks;
    if b >= toks.len() || toks[b].gaz == 0 || line.gap(b) != "-" {
        return None;
    }
    let m = &gaz[toks[b].gaz as usize - 1];
    let one_word = m.tokens == (b as u32, b as u32 + 1);
    (m.label == Label::Per
        && one_word
        && !m.user
        && toks[b].cap()
        && (!toks[b].is(shape::UPPER) || toks[b - 1].is(shape::UPPER)))
    .then_some(b + 1)
}

/// `Τσόε Σουν-Χούι`, `Τζο Τσουν-ριόνγκ`.
pub(crate) const EAST_ASIAN: Rule = Rule {
    name: "person_east_asian",
    priority: 75,
    label: Label::Per,
    confidence: 0.8,
    doc: "Transliterated Korean, Chinese or Vietnamese names: two or more syllables from the \
          list, usually with a hyphenated given name.",
    examples: &[("Στη συνάντηση ήταν και ο Παρκ Γιονγκ-σουκ από τη Σεούλ.", "Παρκ Γιονγκ-σουκ")],
    needs: class::EAST_ASIAN,
    find: Some(|l, s| east_asian(l, s.a, s.b)),
};

/// `Παπαδόπουλος`, `Γεωργιάδη`, `Ιβανόφ`, `Πέτροβιτς`.
pub(crate) const SURNAME_SHAPE: Rule = Rule {
    name: "person_surname_shape",
    priority: 75,
    label: Label::Per,
    confidence: 0.75,
    doc: "The last word has a Greek surname ending (-όπουλος, -ίδης, -άκης, -άτος...) or a \
          foreign one (-όφ, -ιτς, -σκι, -ένκο, -βίλι, -όγλου).",
    examples: &[
        ("Απάντηση έδωσε χθες και ο Καραβαγγελόπουλος για το θέμα.", "Καραβαγγελόπουλος"),
        ("Για τη μεταγραφή μίλησε χθες ο Γιάνκοβιτς στα ΜΜΕ.", "Γιάνκοβιτς"),
        ("Πρώτος εκλέγεται ο Ζαφειρόπουλος Ευθύμιος με 820 σταυρούς.", "Ζαφειρόπουλος Ευθύμιος"),
    ],
    needs: 0,
    find: Some(|l, s| surname(l, s.a, s.b)),
};

/// `ο Μπράντφορντ`, `τον Φόρεστερ`.
pub(crate) const ARTICLE: Rule = Rule {
    name: "person_masculine_article",
    priority: 45,
    label: Label::Per,
    confidence: 0.65,
    doc: "A single unknown capitalised word after the masculine article ο/τον, or one to three \
          Latin-script words; after κ./κα or του a foreign-looking word; after η/την a Greek \
          surname in -ου; after του the genitive of a name in -ης or a foreign name stressed on \
          its final vowel; a known given name alone after its article.",
    examples: &[
        ("Χθες ο Τρέβορ έφυγε νωρίς από την προπόνηση.", "Τρέβορ"),
        ("Στο τέλος ο Dravin Oakes έφυγε από τη σκηνή.", "Dravin Oakes"),
        ("Η ανακοίνωση του Μπάρτλετ ήρθε αργά το βράδυ.", "Μπάρτλετ"),
    ],
    needs: 0,
    find: Some(|l, s| article(l, s.a, s.b)),
};

/// Two or three unknown capitalised Greek words: most often a person.
pub(crate) const FALLBACK_MULTI: Rule = Rule {
    name: "person_fallback_multiword",
    priority: 20,
    label: Label::Per,
    confidence: 0.55,
    doc: "Two or three unknown capitalised Greek words, no other rule: most often a given name \
          and a surname.",
    examples: &[("Η διάκριση πήγε φέτος στον Θρασύβουλο Μαυρογένη για το έργο του.", "Θρασύβουλο Μαυρογένη")],
    needs: 0,
    find: Some(|l, s| fallback_multi(l, s.a, s.b, s.weak)),
};

/// A single unknown foreign-looking word, no other evidence.
pub(crate) const FALLBACK_FOREIGN: Rule = Rule {
    name: "person_fallback_foreign",
    priority: 15,
    label: Label::Per,
    confidence: 0.5,
    doc: "A single unknown Greek-script word ending in a consonant that Greek words never end in \
          (a transliterated foreign name), with no other evidence.",
    examples: &[("Στο χθεσινό παιχνίδι ξεχώρισε Τζάμπακ με δύο γκολ.", "Τζάμπακ")],
    needs: 0,
    find: Some(|l, s| fallback_foreign(l, s.a, s.b)),
};

/// True for a Greek surname ending or a foreign surname shape on folded word `f`.
pub(crate) fn surname_shape(line: &Line, i: usize) -> bool {
    let t = &line.toks[i];
    if t.is(shape::LATIN) || t.is(shape::UPPER) || t.is(shape::DIGIT) || t.has(class::GIVEN) {
        return false;
    }
    let w = line.w(i);
    // At least five letters: the fifth is looked for, not all counted.
    if w.chars().nth(4).is_none() {
        return false;
    }
    line.lex.surname_endings.any_ends(w)
}

/// The last letter of a Greek-script word is a consonant that native Greek words never end in.
pub(crate) fn foreign_ending(line: &Line, i: usize) -> bool {
    let t = &line.toks[i];
    if t.is(shape::LATIN) || t.is(shape::UPPER) || t.is(shape::DIGIT) {
        return false;
    }
    // Read off the folded bytes: the last char, and three chars or more (as many bytes
    // that begin a char).
    line.last_folded(i).is_some_and(|c| line.lex.foreign_finals.contains(&c))
        && crate::text::span::char_count(line.fb(i)) >= 3
}

/// A title (with its complements) ends right before token `a`, or follows the run `a..b`.
pub(crate) fn title(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    // A title's complement is not its holder: `καθηγητής Τοξικολογίας`, `του ΚΑΣ`, `υπουργός
    // Γεωργίας` (a portfolio that is also a given name's genitive). After an abbreviated
    // honorific (`κ.`, `κος`) only a name follows, whatever its ending (`ο κ. Σκουρής`).
    let honorific = a > 0 && toks[a - 1].has(class::ABBR) && !toks[a - 1].cap() && {
        let gap = line.gap(a);
        gap == ". " || line.plain_gap(a) && line.w(a - 1) != "κ"
    };
    if (a..b).all(|i| toks[i].is(shape::UPPER))
        || line.common_shape(a) && !honorific
        || toks[a].has(class::PORTFOLIO)
    {
        return None;
    }
    // Directly before: `ο πρόεδρος X`, `ο Ρώσος πρόεδρος X`, `ο κ. X`.
    if a > 0 {
        let p = &toks[a - 1];
        let gap = line.gap(a);
        if p.has(class::TITLE) && (line.plain_gap(a) || gap == ". " || gap == ".") {
            // A bishop's see in the genitive (`ο Μητροπολίτης Κονίτσης`): the name, if any,
            // follows it (`ο Μητροπολίτης Δράμας Παύλος`). Most genitive endings end surnames
            // too (`ο επίσκοπος Ντούκας`, `ο επίσκοπος Χατζηλαζάρου`): such a word is the see
            // only if listed (`Πάφου`) or a given name follows; `-ων`, `-ως` are genitives
            // only (`ο μητροπολίτης Νεαπόλεως`).
            let see = || {
                let f = line.f(a);
                line.genitive(a)
                    && !toks[a].has(class::GIVEN)
                    && (toks[a].gaz != 0
                        || line.lex.plural_or_old_genitive.iter().any(|e| f.ends_with(e.as_str()))
                        || a + 1 < b && line.plain_gap(a + 1) && toks[a + 1].has(class::GIVEN))
            };
            if p.has(class::SEE_TITLE) && see() {
                return (a + 1 < b && line.plain_gap(a + 1)).then(|| Cand::new(a + 1, b, &TITLE));
            }
            return Some(Cand::new(a, b, &TITLE));
        }
    }
    // A title a few words back: the words between are lower case, genitives, particles or
    // capitalised complements (`ο πρόεδρος της Ρωσίας X`, `ο εκπρόσωπος του Κρεμλίνου, X`).
    let mut k = a;
    let mut comma_used = false;
    let mut steps = 0;
    while k > 0 && steps < 7 {
        let plain = line.plain_gap(k);
        let comma = !plain && k == a && line.gap(k).trim() == ",";
        if !plain && !comma {
            break;
        }
        comma_used |= comma;
        k -= 1;
        steps += 1;
        let t = &toks[k];
        if t.has(class::TITLE) && !t.is(shape::CAP) && k + 1 < a {
            // The words between must be complements of the title, not the start of a clause.
            let ok = (k + 1..a).all(|j| {
                let u = &toks[j];
                u.gaz != 0
                    || u.cap()
                    || u.has(class::PARTICLE | class::PORTFOLIO)
                    || !u.has(class::FUNCTION | class::SAY)
            });
            let complement_before = toks[a - 1].cap() || toks[a - 1].gaz != 0;
            if ok
                && (comma_used
                    || complement_before && (k + 1..a).all(|j| toks[j].cap() || toks[j].has(class::PARTICLE)))
            {
                return Some(Cand::new(a, b, &TITLE));
            }
            break;
        }
        if t.has(class::SAY) {
            break;
        }
    }
    // After, in apposition: `X, ο πρόεδρος του...`, `X, πρόεδρος του...`.
    if b < toks.len() && line.gap_trimmed(b) == "," {
        let mut j = b;
        if toks[j].has(class::ART_MASC | class::ART_FEM) && line.w(j).len() <= 3 && line.next(j).is_some() {
            j += 1;
        }
        if toks[j].has(class::NATIONALITY) && line.next(j).is_some() {
            j += 1;
        }
        if toks[j].has(class::TITLE) && !toks[j].is(shape::CAP) && !toks[j].has(class::FUNCTION) {
            return Some(Cand::new(a, b, &TITLE));
        }
    }
    None
}

/// A run right after a credit word and its `:` or `/`.
pub(crate) fn credit(line: &Line, a: usize, b: usize, gaz: &[GazSpan]) -> Option<Cand> {
    let toks = line.toks;
    let credited = b - a <= 3
        && a > 0
        && toks[a - 1].has(class::CREDIT)
        && matches!(line.gap(a).trim(), ":" | "/")
        && !(a..b).any(|i| toks[i].is(shape::UPPER | shape::DIGIT));
    if !credited {
        return None;
    }
    // Credits follow each other without stops: a word before `:` is the next credit's.
    let b = if b - a > 1 && line.gap_after(b - 1).trim_start().starts_with(':') { b - 1 } else { b };
    // A surname the gazetteer knows completes the name (`Σκηνοθεσία: Μυρτώ` + `Καλλέργη`).
    let g = toks.get(b).map_or(0, |t| t.gaz as usize);
    if g != 0 && line.plain_gap(b) && gaz[g - 1].label == Label::Per && gaz[g - 1].start == toks[b].s as usize
    {
        let mut e = b;
        while e < toks.len() && toks[e].gaz as usize == g {
            e += 1;
        }
        return Some(Cand { absorbs: true, ..Cand::new(a, e, &CREDIT) });
    }
    Some(Cand::new(a, b, &CREDIT))
}

/// The marks written after a match's minute: `84'`, `84΄`, `84’`, `84′`.
const PRIMES: [char; 4] = ['\'', '΄', '’', '′'];

/// A run right after `(84' ` or right before ` (84'`.
/// Inlined: most runs fail its first test, which costs less than a call.
#[inline]
pub(crate) fn match_minute(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    // The minute is the token right before the run or right after it.
    let digit = |d: usize| toks.get(d).is_some_and(|t| t.is(shape::DIGIT));
    if b - a > 3 || !(digit(b) || a > 0 && digit(a - 1)) {
        return None;
    }
    minute_beside(line, a, b)
}

/// [`match_minute`] past its test that a digit is beside the run.
fn minute_beside(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    // Token `d` holds a minute: a prime after it; `minute` also wants `(` before it.
    let minute_after =
        |d: usize| toks[d].is(shape::DIGIT) && line.gap_after(d).starts_with(PRIMES) && line.f(d).len() <= 3;
    let minute = |d: usize| minute_after(d) && line.gap(d).trim_end().ends_with('(');
    let after = a > 0 && minute(a - 1) && line.gap(a).trim_start_matches(PRIMES) == " ";
    let before = b < toks.len() && line.gap(b) == " (" && minute(b);
    // `(Τάλμποτ 84')`: the name first, inside the brackets.
    let inside = b < toks.len() && line.gap(a).ends_with('(') && line.gap(b) == " " && minute_after(b);
    (after || before || inside).then(|| Cand::new(a, b, &MATCH_MINUTE))
}

/// An author cited by year inside brackets (see [`CITATION`]).
/// Inlined: most runs fail its first test, which costs less than a call.
#[inline]
pub(crate) fn citation(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    // The year, a token with digits, first.
    if b - a > 2 || b >= toks.len() || !toks[b].is(shape::DIGIT) {
        return None;
    }
    cited_year(line, a, b)
}

/// [`citation`] past its test that a token with digits follows the run.
fn cited_year(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    if !matches!(line.gap(b), " " | ", ") {
        return None;
    }
    let y = line.w(b).as_bytes();
    if y.len() != 4 || !y.iter().all(u8::is_ascii_digit) || !matches!(y[0], b'1' | b'2') {
        return None;
    }
    if (a..b).any(|i| toks[i].is(shape::UPPER) || toks[i].has(class::NONAME | class::FUNCTION)) {
        return None;
    }
    // The name opens the brackets or follows another author (`, `, `&`, `και`), not a word
    // of its own title (`Institute of Medicine, 2004`).
    let lead = line.gap(a).trim_end().ends_with(['(', ',', '&', ';']) || a > 0 && toks[a - 1].has(class::AND);
    if !lead {
        return None;
    }
    let before = &line.text[..toks[a].s as usize];
    let o = before.rfind('(').filter(|&o| !before[o..].contains(')'))?;
    // `«Τίτλος» (Πατάκης, 2017)`: after a book's title, its publisher and year.
    if line.gap(b) == ", " && before[..o].trim_end().ends_with('»') {
        return None;
    }
    let closes = line.gap_after(b).trim_start().starts_with([')', ':', ',', ';']);
    closes.then(|| Cand::new(a, b, &CITATION))
}

/// `είπε ο X`, `ο X είπε`.
pub(crate) fn saying(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    let art = line.prev(a).filter(|&p| toks[p].has(class::ART_NOM))?;
    // Bodies speak too: an acronym (`δήλωσε η ΠΟΜΙΔΑ`), or a Latin name after `η` that is
    // no woman's (`ανακοίνωσε η Lenovo`), is left to the organisation rules.
    let acronym = (a..b).all(|i| toks[i].is(shape::UPPER));
    let brand = toks[art].has(class::ART_FEM) && toks[a].is(shape::LATIN) && !toks[a].has(class::GIVEN);
    if acronym || brand {
        return None;
    }
    let verb_before = art > 0 && toks[art - 1].has(class::SAY) && {
        let g = line.gap(art);
        g.trim().is_empty() || g.trim() == ","
    };
    let verb_after = b < toks.len() && toks[b].has(class::SAY) && line.plain_gap(b);
    (verb_before || verb_after).then(|| Cand::new(a, b, &SAYING))
}

/// The run starts with a given name or an initial, and has a second word.
/// Inlined: most runs fail its first test, which costs less than a call.
#[inline]
pub(crate) fn given_name(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    if b - a < 2 || toks[a + 1].is(shape::UPPER) && !toks[a].is(shape::UPPER) {
        return None;
    }
    given_first(line, a, b)
}

/// [`given_name`] past its test of the run's length and capitals.
fn given_first(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    // The last word that must be no given name or head: the surname, before any second one
    // after a hyphen in a headline (`ΚΩΣΤΟΠΟΥΛΟΥ-ΔΗΜΟΥ`).
    let (last, b) = if line.headline { headline_name_end(line, a, b)? } else { (b - 1, b) };
    let first = &toks[a];
    let initial = (first.is(shape::SINGLE) || line.initial(a)) && line.gap(a + 1) == ". ";
    let given = first.has(class::GIVEN) && !toks[last].has(class::GIVEN | class::ORG_HEAD);
    let double_given = first.has(class::GIVEN) && b - a == 2 && toks[b - 1].has(class::GIVEN);
    (initial || given || double_given).then(|| Cand::new(a, b, &GIVEN_NAME))
}

/// The end of a person's name that starts at token `a` in a headline in capitals, where
/// the run of capitalised words goes on past it (`Η ΚΑΤΕΡΙΝΑ ΠΑΠΑΔΟΠΟΥΛΟΥ | ΜΙΛΗΣΕ`): a second
/// given name, one surname, and the surnames a hyphen joins to it: the surname's token
/// and the end; `None` when no surname follows (`ΓΙΩΡΓΟΣ | ΣΤΗ`). A given name in the
/// genitive second is the surname (`ΝΙΚΟΣ ΓΕΩΡΓΙΟΥ | ΜΙΛΗΣΕ`: Γεωργίου, Νικολάου, Παύλου are
/// surnames; a headline gives no father's name).
fn headline_name_end(line: &Line, a: usize, b: usize) -> Option<(usize, usize)> {
    let toks = line.toks;
    let mut e = a + 1;
    if e + 1 < b
        && toks[e].has(class::GIVEN)
        && line.plain_gap(e)
        && !line.f(e).ends_with(line.lex.ou.as_str())
    {
        e += 1;
    }
    if e >= b || toks[e].has(class::FUNCTION | class::NONAME) {
        return None;
    }
    let surname = e;
    e += 1;
    while e < b && line.gap(e) == "-" {
        e += 1;
    }
    Some((surname, e))
}

/// Two or more East-Asian syllables.
pub(crate) fn east_asian(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let n = b - a;
    let syl = (a..b).filter(|&i| line.toks[i].has(class::EAST_ASIAN)).count();
    let hyphen = (a + 1..b).any(|i| line.gap(i) == "-");
    (n >= 2 && (syl == n || (hyphen && syl * 2 >= n))).then(|| Cand::new(a, b, &EAST_ASIAN))
}

/// Surname shape on the last word.
pub(crate) fn surname(line: &Line, a: usize, b: usize) -> Option<Cand> {
    if b - a > 3 {
        return None;
    }
    // Lists and registers put the surname first: `Καραλόγκος Δημήτριος`.
    let surname_first = b - a == 2
        && line.toks[b - 1].has(class::GIVEN)
        && !line.toks[b - 1].has(class::NONAME)
        && surname_shape(line, a);
    (surname_shape(line, b - 1) || surname_first).then(|| Cand::new(a, b, &SURNAME_SHAPE))
}

/// A masculine article before a single word or a Latin name, or `του` before a foreign-looking one.
pub(crate) fn article(line: &Line, a: usize, b: usize) -> Option<Cand> {
    if line.toks[a].is(shape::LATIN) {
        return latin_after_masculine(line, a, b);
    }
    if b - a != 1 || line.toks[a].is(shape::UPPER) {
        return None;
    }
    let p = line.prev(a)?;
    let t = &line.toks[p];
    if !alone(line, a) {
        return None;
    }
    let masc = t.has(class::ART_MASC);
    // `κ. Μπάρτλετ`, `του Μπάρτλετ`: a word ending as no Greek word does is a foreign name
    // (the places and clubs so shaped are mostly listed).
    let gen = (t.has(class::ABBR) || line.fb(p) == line.lex.tou.as_bytes()) && foreign_ending(line, a);
    // Greek feminine surnames in -ου after η/την/κα: `η Παπαπέτρου`.
    let fem_ou = t.has(class::ART_FEM | class::ABBR)
        && !t.has(class::STO)
        && line.fb(a).ends_with(line.lex.ou.as_bytes());
    // `του Ευριπίδη`, `του Πογκμπά`: after the genitive `του` (not `το`: `το Μαραθωνήσι`),
    // the genitive of a name in -ης, or a foreign name stressed on its final vowel (Greek
    // genitives end in -ού).
    let w = line.w(a);
    let gen_name = t.has(class::ART_NEUT)
        && GENITIVE_ARTICLES.contains(&line.w(p))
        && !line.common_shape(a)
        && !w.ends_with('ύ')
        && w.chars().last().is_some_and(|c| "ηήιάέίόώ".contains(c));
    // A known given name alone, after its article: `της Ντόρας`, `τον Νίκο`.
    // Not a portfolio (`της Γεωργίας`: agriculture, or the country).
    let given = line.toks[a].has(class::GIVEN)
        && !line.toks[a].has(class::PORTFOLIO)
        && t.has(class::ART_MASC | class::ART_FEM | class::ART_NEUT);
    (masc && !line.common_shape(a) || gen || fem_ou || gen_name || given).then(|| Cand::new(a, b, &ARTICLE))
}

/// One to three Latin-script words after `ο`/`τον`: a person (`ο Poe`, `τον Danny Collard`).
/// Brands and companies are feminine in Greek (see `org_latin_brand`); acronyms, heads of
/// organisations' names and common Latin words are not persons.
fn latin_after_masculine(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    let p = line.prev(a)?;
    let latin = (a..b).all(|i| {
        let t = &toks[i];
        t.is(shape::LATIN)
            && !t.is(shape::UPPER)
            && !t.has(class::NOT_ORG | class::ORG_HEAD | class::ORG_BRANCH | class::FUNCTION)
    });
    let next_title = line.next(b - 1).is_some_and(|n| toks[n].has(class::TITLE));
    (b - a <= 3 && latin && toks[p].has(class::ART_MASC) && !next_title).then(|| Cand::new(a, b, &ARTICLE))
}

/// Whether the one word at `a` can be a name by itself after its article: not when it is
/// the first word of a longer name, its head before a capitalised word (`τον Απόλλωνα
/// Σμύρνης`, `στον Ιππόδρομο Μαρκόπουλου`) or before a genitive complement (`στον Κόλπο
/// της Κορίνθου`, `ο Ναός του Δία`), nor an adjective before the noun it qualifies (`ο
/// Ρεπουμπλικανός γερουσιαστής`, `ο Καταλανός τεχνικός`).
fn alone(line: &Line, a: usize) -> bool {
    let toks = line.toks;
    let Some(n) = line.next(a) else { return true };
    let complement = GENITIVE_ARTICLES.contains(&line.w(n)) && line.next(n).is_some_and(|m| toks[m].cap());
    !(toks[n].cap() || toks[n].has(class::TITLE) || complement)
}

/// The end of a person's name that ends before token `b`, taking in a surname after
/// lower-case particles (`Μπενίσιο ντελ Τόρο`, `Σάιφ αλ Μπαντρ`, `Ούρσουλα φον ντερ
/// Λάιεν`, `Σαλίμ αλ-Τζαμπούρι`), which end the run of capitalised words; `b` when none
/// follows. The particles are those of foreign names, not the genitive articles and
/// conjunctions that link a name to its complement (`της`, `και`, `de`).
pub(crate) fn particle_surname(line: &Line, b: usize) -> usize {
    let toks = line.toks;
    let joined = |k: usize| line.plain_gap(k) || line.gap(k) == "-";
    let mut k = b;
    while k < toks.len()
        && k - b < 2
        && joined(k)
        && !toks[k].cap()
        && toks[k].has(class::PARTICLE)
        && !toks[k].has(class::LINK | class::AND)
    {
        k += 1;
    }
    let surname = |i: usize| {
        i < toks.len()
            && joined(i)
            && toks[i].cap()
            && toks[i].gaz == 0
            && !toks[i].is(shape::UPPER | shape::DIGIT)
    };
    if k == b || !surname(k) {
        return b;
    }
    let mut e = k + 1;
    while surname(e) && line.gap(e) == "-" {
        e += 1;
    }
    e
}

/// Only Greek-script words, none all capitals or digits: the fallbacks' candidates.
fn greek_words(line: &Line, a: usize, b: usize) -> bool {
    (a..b).all(|i| {
        let t = &line.toks[i];
        !t.is(shape::LATIN) && !t.is(shape::UPPER) && !t.is(shape::DIGIT)
    })
}

/// Two or three unknown Greek words.
pub(crate) fn fallback_multi(line: &Line, a: usize, b: usize, weak: bool) -> Option<Cand> {
    // A capitalised title is no part of a name (`Διευθύνων Σύμβουλος`); first, before a
    // given name and a surname, it introduces them (`Καρδιολόγος Νικόλαος Τσεκούρας`).
    let title = |i: usize| line.toks[i].has(class::TITLE) && !line.toks[i].has(class::GIVEN);
    if (a..b).any(title) {
        let named = b - a == 3
            && title(a)
            && line.toks[a + 1].has(class::GIVEN)
            && !title(a + 2)
            && !weak
            && greek_words(line, a + 1, b);
        return named.then(|| Cand::new(a + 1, b, &TITLE));
    }
    // The cheap checks first: most runs are one word.
    if !(2..=3).contains(&(b - a)) || weak || !greek_words(line, a, b) {
        return None;
    }
    // A genitive in -ου first is a complement (`Παγκόσμιου Πολέμου`); given names in the
    // genitive are known to the lexicon.
    let genitive_first = line.fb(a).ends_with(line.lex.ou.as_bytes());
    // A plural first is a group or a thing (`Σιωπηλές Νύχτες`, `Ανοιχτές Αγκάλες`): a
    // given name is singular. Spanish and Catalan given names in -ες go with a surname
    // that ends in a consonant, as Greek words do not (`Ματίες Ορεγκουελάρ`).
    let consonant_last = |i: usize| i < b && line.last_folded(i).is_some_and(|c| !"αεηιουωςσ".contains(c));
    let plural_first =
        ["ες", "ές", "οι", "οί"].iter().any(|e| line.w(a).ends_with(e)) && !consonant_last(a + 1);
    // After a neuter or plural article the words are a thing or a group (`τα Γαλάζια Κύματα`).
    let thing = line.prev(a).is_some_and(|p| line.toks[p].has(class::ART_THING));
    (!thing && !genitive_first && !plural_first && !(a..b).any(|i| line.common_shape(i)))
        .then(|| Cand::new(a, b, &FALLBACK_MULTI))
}

/// Whether the person's name at bytes `s..e` of `line` names a thing after the person: in
/// the nominative (a Greek last word in `-ς`) right after a neuter article in `-ο` (`στο
/// Ελευθέριος Βενιζέλος`, the airport; `το Γεώργιος Καραϊσκάκης`, the stadium). A man's name
/// in the accusative there is the man's: the press often writes `το` for `τον` (`στο Γιώργο
/// Παπαδάκη`).
pub(crate) fn names_a_thing(line: &Line, s: usize, e: usize) -> bool {
    let toks = line.toks;
    let a = toks.partition_point(|t| (t.s as usize) < s);
    let b = toks.partition_point(|t| (t.e as usize) <= e);
    if a >= b || toks[a].s as usize != s {
        return false;
    }
    let article =
        line.prev(a).is_some_and(|p| toks[p].has(class::ART_NEUT) && line.w(p).ends_with(['ο', 'Ο']));
    article && !toks[b - 1].is(shape::LATIN) && line.last_folded(b - 1) == Some('σ')
}

/// One foreign-looking Greek word.
pub(crate) fn fallback_foreign(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    if b - a != 1 || !greek_words(line, a, b) || !foreign_ending(line, a) {
        return None;
    }
    // After an article a foreign word is as often a place or a club: only bare words here.
    let article = line.prev(a).is_some_and(|p| {
        toks[p].has(class::ART_MASC | class::ART_FEM | class::ART_NEUT | class::STO | class::PLACE_PREP)
    });
    (!article).then(|| Cand::new(a, b, &FALLBACK_FOREIGN))
}
