//! Place rules: a noun that names a kind of place before the name, direction words and
//! place adjectives, and the prepositions places follow.

use crate::Label;

use super::candidates::{shape, Line};
use super::veto_only::GENITIVE_ARTICLES;
use super::{Cand, Rule};
use crate::lexicon::class;

/// `η πόλη X`, `το νησί X`, `στον σταθμό X`, `η περιοχή της X`.
pub(crate) const INTRODUCED: Rule = Rule {
    name: "loc_introduced",
    priority: 90,
    label: Label::Loc,
    confidence: 0.85,
    doc: "A noun that names a kind of place (πόλη, νησί, περιοχή, πρωτεύουσα, χωριό, σταθμός, \
          λίμνη...) right before the name, or before της/του/των and the name; not a given name \
          and a surname (ο δήμαρχος του νησιού Κώστας Χ.).",
    examples: &[
        ("Το τρένο σταμάτησε στο σταθμό Brennholt για δύο ώρες.", "Brennholt"),
        ("Οι φωτιές έκαψαν την περιοχή της Καλαμπάκας χθες.", "Καλαμπάκας"),
        ("Στο νησί Ξερονήσι δεν ζει κανείς.", "Ξερονήσι"),
    ],
    needs: class::STREET_ABBR | class::LOC_INTRO,
    find: Some(|l, s| introduced(l, s.a, s.b)),
};

/// `στην πλατεία Συντάγματος`, `η συγκέντρωση στο Σύνταγμα`.
pub(crate) const LANDMARK: Rule = Rule {
    name: "loc_landmark",
    priority: 88,
    label: Label::Loc,
    confidence: 0.75,
    doc: "A square or landmark named by a common noun (Σύνταγμα) after πλατεία, or after \
          στο/από το/προς το in a line about a rally; elsewhere it is the common noun.",
    examples: &[
        ("Χιλιάδες πολίτες βρέθηκαν στη συγκέντρωση στο Σύνταγμα το βράδυ.", "Σύνταγμα"),
        ("Το ραντεβού δόθηκε στην πλατεία Συντάγματος.", "Συντάγματος"),
    ],
    needs: 0,
    find: None,
};

/// `στην επιφάνεια του Άρη` in a report on space.
pub(crate) const CELESTIAL: Rule = Rule {
    name: "loc_celestial",
    priority: 88,
    label: Label::Loc,
    confidence: 0.8,
    doc: "A listed club named after a planet (Άρης), in a line about space (πλανήτης, NASA, \
          τροχιά, δορυφόρος...): the planet, a place. Elsewhere the club stays.",
    examples: &[
        ("Το ρόβερ κινείται στην επιφάνεια του Κρόνου εδώ και δύο χρόνια.", "Κρόνου"),
        ("Ο δορυφόρος μπήκε σε τροχιά γύρω από τον Κρόνο χθες το βράδυ.", "Κρόνο"),
    ],
    needs: 0,
    find: None,
};

/// `Νότια Ιταλία`, `βόρεια της Λάρισας`.
pub(crate) const DIRECTION: Rule = Rule {
    name: "loc_direction",
    priority: 65,
    label: Label::Loc,
    confidence: 0.75,
    doc: "A direction or position adjective that starts the name (Βόρεια, Νότια, Μέση, Άνω), or \
          a direction adverb before της/του and the name (βόρεια της X).",
    examples: &[
        ("Τα σύννεφα κινούνται βόρεια της Καρδίτσας σήμερα.", "Καρδίτσας"),
        ("Έμεινε δύο χρόνια στην Άνω Σούλα με την οικογένειά του.", "Άνω Σούλα"),
    ],
    needs: class::LOC_ADJ | class::DIRECTION,
    find: Some(|l, s| direction(l, s.a, s.b)),
};

/// `στη X`, `από την X`.
pub(crate) const PREPOSITION: Rule = Rule {
    name: "loc_preposition",
    priority: 60,
    label: Label::Loc,
    confidence: 0.7,
    doc: "A contracted article στη/στην/στο/στα/στις, or από/προς/μέχρι with an article, before a \
          Greek-script name with no person or organisation evidence (no given name first, no \
          common-noun ending, no organisation head), and not a word that only begins a place's \
          name (Άνω, Λεωφόρο) cut before a capitalised one.",
    examples: &[
        ("Τα παιδιά πήγαν κατασκήνωση στην Καλαμπάκα το καλοκαίρι.", "Καλαμπάκα"),
        ("Το πλοίο αναχώρησε από τη Ραφήνα στις οκτώ.", "Ραφήνα"),
    ],
    needs: class::STO | class::PLACE_PREP,
    find: Some(|l, s| preposition(l, s.a, s.b)),
};

/// Place introduced by a noun (see [`INTRODUCED`]).
pub(crate) fn introduced(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    // `Λεωφ. Κηφισίας`, `Λ. Βασ. Όλγας`: a street.
    if a > 0 && line.street_abbr(a - 1) {
        return Some(Cand::new(a, b, &INTRODUCED));
    }
    if person_shaped(line, a, b) {
        return None;
    }
    let p = line.prev(a)?;
    let intro = |i: usize| toks[i].has(class::LOC_INTRO) && !toks[i].cap();
    if intro(p) {
        return Some(Cand::new(a, b, &INTRODUCED));
    }
    // `η περιοχή της X`: a genitive article; after an accusative the name is an object
    // (`κάλεσε στην πρωτεύουσα τον X`).
    if GENITIVE_ARTICLES.contains(&line.w(p)) {
        if let Some(pp) = line.prev(p) {
            if intro(pp) {
                return Some(Cand::new(a, b, &INTRODUCED));
            }
        }
    }
    None
}

/// Whether the run `a..b` reads as a person's name, a given name and more words (`Κώστας
/// Χατζηεμμανουήλ`, `Αντζέλικα Σιντόροβα`): after a place's noun it is the mayor or a
/// resident (`ο δήμαρχος του νησιού Κώστας Χ.`), not the place. Not a direction or position
/// word that starts a place's name (`Άνω Σούλα`).
fn person_shaped(line: &Line, a: usize, b: usize) -> bool {
    let t = &line.toks[a];
    b - a >= 2 && t.has(class::GIVEN) && !t.has(class::LOC_ADJ)
}

/// Whether the run `a..b` is one word that only begins a place's name (a direction or
/// position adjective, or a place's noun written with a capital: `Άνω`, `Λίμνη`,
/// `Λεωφόρο`) and a capitalised word follows it: the run was cut before a name a gazetteer
/// holds (`στην Άνω Αίγυπτο`, `στη Λεωφόρο Κηφισίας`), and the word alone is no place.
fn head_only(line: &Line, a: usize, b: usize) -> bool {
    let toks = line.toks;
    b == a + 1
        && toks[a].has(class::LOC_ADJ | class::LOC_INTRO)
        && line.next(a).is_some_and(|n| toks[n].cap())
}

/// Landmarks (see [`LANDMARK`]).
pub(crate) fn landmark(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    if b - a != 1 || !toks[a].has(class::LANDMARK) {
        return None;
    }
    let p = line.prev(a)?;
    let t = &toks[p];
    let square = t.has(class::LOC_INTRO) && !t.cap();
    let to = t.has(class::STO) && !t.has(class::ART_FEM)
        || t.has(class::ART_ACC) && line.prev(p).is_some_and(|pp| toks[pp].has(class::PLACE_PREP));
    let rally = || toks.iter().any(|t| t.has(class::RALLY));
    (square || to && rally()).then(|| Cand::new(a, b, &LANDMARK))
}

/// Direction words (see [`DIRECTION`]).
pub(crate) fn direction(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    if b - a >= 2 && toks[a].has(class::LOC_ADJ) && !toks[a].is(shape::LATIN) {
        return Some(Cand::new(a, b, &DIRECTION));
    }
    let p = line.prev(a)?;
    if toks[p].has(class::LINK) && !toks[p].has(class::AND) {
        let pp = line.prev(p)?;
        if toks[pp].has(class::DIRECTION) && !toks[pp].cap() {
            return Some(Cand::new(a, b, &DIRECTION));
        }
    }
    None
}

/// Prepositions (see [`PREPOSITION`]).
pub(crate) fn preposition(line: &Line, a: usize, b: usize) -> Option<Cand> {
    let toks = line.toks;
    // The preposition and article before the run first: most runs have neither.
    let p = line.prev(a)?;
    let after_preposition = toks[p].has(class::STO) && toks[p].has(class::ART_FEM)
        || toks[p].has(class::ART_ACC) && line.prev(p).is_some_and(|pp| toks[pp].has(class::PLACE_PREP));
    if !after_preposition {
        return None;
    }
    if (a..b).any(|i| toks[i].is(shape::LATIN) || toks[i].is(shape::UPPER) || toks[i].is(shape::DIGIT)) {
        return None;
    }
    // Capitalised common nouns and adjectives follow the same prepositions (`στη
    // Δικαιοσύνη`, `στην Ελληνική`, `στην Επιτροπή`): a place's name has no such ending.
    if (a..b).any(|i| line.common_shape(i) || toks[i].has(class::ORG_HEAD | class::INSTITUTION)) {
        return None;
    }
    // A person (`πίσω από την Αντζέλικα Σιντόροβα`, `είπα στην Τερέζα`), or a word that
    // only begins a place's name, cut before the listed rest (`στην Άνω | Αίγυπτο`, `στη
    // Λεωφόρο | Κηφισίας`).
    if person_shaped(line, a, b)
        || toks[a].has(class::GIVEN) && !toks[a].has(class::LOC_ADJ)
        || head_only(line, a, b)
    {
        return None;
    }
    Some(Cand::new(a, b, &PREPOSITION))
}

#[cfg(test)]
mod tests {
    use crate::{Entry, Gazetteer, Label, Recognizer, Stage};

    /// The texts of the places `text` yields, with a one-entry gazetteer (`Αίγυπτος`).
    fn places(text: &str) -> Vec<String> {
        let mut g = Gazetteer::new("test");
        g.insert(Entry::new("x:eg", Label::Loc, "Αίγυπτος").kind("country")).unwrap();
        let ner = Recognizer::builder()
            .default_gazetteers(false)
            .gazetteer(g.context_checks(true))
            .stage(Stage::Document, false)
            .build()
            .unwrap();
        ner.extract(text)
            .into_iter()
            .filter(|e| e.label == Label::Loc)
            .map(|e| e.text().to_string())
            .collect()
    }

    #[test]
    fn persons_and_name_heads_are_no_places() {
        for (text, want) in [
            // A person after a preposition or a place's noun.
            ("Τερμάτισε δεύτερη πίσω από την Μαρίνα Ζερβούδη στον τελικό.", vec![]),
            ("Το είπα στην Μαρίνα χθες το βράδυ.", vec![]),
            ("Ο δήμαρχος του νησιού Κώστας Ζερβούδης μίλησε χθες.", vec![]),
            ("Κάλεσε στην πρωτεύουσα τον Μάρκο Ζερβούδη για συνάντηση.", vec![]),
            // A word that only begins a place's name, cut before a listed name.
            ("Ανακάλυψαν τάφο στην Άνω Αίγυπτο οι αρχαιολόγοι.", vec!["Αίγυπτο"]),
            ("Το ατύχημα έγινε στη Λεωφόρο Ζερβουδάκη χθες.", vec![]),
            // Places.
            ("Τα παιδιά πήγαν κατασκήνωση στην Καλαμπάκα το καλοκαίρι.", vec!["Καλαμπάκα"]),
            ("Οι φωτιές έκαψαν την περιοχή της Καλαμπάκας χθες.", vec!["Καλαμπάκας"]),
            ("Έμεινε δύο χρόνια στην Άνω Σούλα με την οικογένειά του.", vec!["Άνω Σούλα"]),
        ] {
            assert_eq!(places(text), want, "{text:?}");
        }
    }
}
