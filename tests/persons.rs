//! Persons found zero-shot, by kind of error: what the person rules must not take for a
//! person (a capitalised noun or adjective after an article, a name's head noun), the
//! persons they must find (a name after a clergy, military or royal title) and the spans
//! they must give. The sentences are ours; the persons in them are invented, so that the
//! rules, not a name list, must find them. The default recognizer is used, as a user would.

use std::sync::LazyLock;

use greek_ner::{Label, Recognizer};

static NER: LazyLock<Recognizer> = LazyLock::new(|| Recognizer::builder().build().unwrap());

/// One sentence: the persons that must come out (exactly these spans), and the words no
/// person may contain.
struct Case {
    text: &'static str,
    persons: &'static [&'static str],
    no_person: &'static [&'static str],
}

const fn case(
    text: &'static str,
    persons: &'static [&'static str],
    no_person: &'static [&'static str],
) -> Case {
    Case { text, persons, no_person }
}

fn check(cases: &[Case]) {
    let mut failures = Vec::new();
    for c in cases {
        let ents = NER.extract(c.text);
        let got = || ents.iter().map(|e| format!("{}:{}", e.text(), e.label)).collect::<Vec<_>>();
        for &text in c.persons {
            if !ents.iter().any(|e| e.text() == text && e.label == Label::Per) {
                failures.push(format!("{:?}: expected person {text:?}, got {:?}", c.text, got()));
            }
        }
        for &word in c.no_person {
            if ents.iter().any(|e| e.label == Label::Per && e.text().contains(word)) {
                failures.push(format!("{:?}: no person may contain {word:?}, got {:?}", c.text, got()));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// One capitalised word after an article is a person only when it stands alone: not the
/// head of a longer name (before a capitalised word or a genitive complement), not an
/// adjective before its noun, and not a neuter noun after `το` (only the genitive `του`
/// introduces a name in -η or a foreign name stressed on its last vowel).
#[test]
fn one_word_after_an_article_stands_alone() {
    check(&[
        case(
            "Ο Ρεπουμπλικανός γερουσιαστής Τζέικομπ Χάλβορσεν μίλησε χθες.",
            &["Τζέικομπ Χάλβορσεν"],
            &["Ρεπουμπλικανός"],
        ),
        case("Στη συνέντευξη μίλησε και ο Καταλανός τεχνικός της ομάδας.", &[], &["Καταλανός"]),
        case("Η ομάδα κέρδισε χθες τον Απόλλωνα Σμύρνης με δύο γκολ.", &[], &["Απόλλωνα"]),
        case("Τα σκουπίδια έφτασαν ως τον Κόλπο της Κορίνθου.", &[], &["Κόλπο"]),
        case("Η συναυλία θα δοθεί στον Κήπο του Μεγάρου Μουσικής.", &[], &["Κήπο"]),
        case("Μετά τις πυρκαγιές το Μαραθωνήσι έκλεισε για το κοινό.", &[], &["Μαραθωνήσι"]),
        // Still persons: a word alone after its article, a genitive after `του`.
        case("Χθες ο Τρέβορ έφυγε νωρίς από την προπόνηση.", &["Τρέβορ"], &[]),
        case("Η ομάδα στηρίζεται στις ασίστ του Μπαλοτέ.", &["Μπαλοτέ"], &[]),
    ]);
}

/// Unknown capitalised words after a neuter or plural article are a thing, an event or a
/// group, not one person; after `ο` or `του` they still are a person.
#[test]
fn unknown_words_after_a_neuter_or_plural_article_are_no_person() {
    check(&[
        case("Οι διασώστες από τα Λευκά Κράνη απάντησαν χθες.", &[], &["Κράνη"]),
        case("Συμμετείχε στους Χειμερινούς Αγώνες της Κορέας.", &[], &["Χειμερινούς"]),
        case("Στο Πάμε Στοίχημα οι αποδόσεις άλλαξαν.", &[], &["Στοίχημα"]),
        case("Η έκθεση φιλοξενείται στο Ζουμπούλειο Μέγαρο από χθες.", &[], &["Ζουμπούλειο"]),
        case("Την ομιλία έκανε ο Θρασύβουλος Μαυρογένης χθες.", &["Θρασύβουλος Μαυρογένης"], &[]),
        case("Ο λόγος δόθηκε στον Θρασύβουλο Μαυρογένη χθες.", &["Θρασύβουλο Μαυρογένη"], &[]),
    ]);
}

/// Adjectives in -ικός are common words in every form, with a diaeresis (`Ευρωπαϊκή`) and
/// in the accusative plural (`Παναμερικανικούς`): no person's name.
#[test]
fn adjectives_in_ikos_are_no_person() {
    check(&[
        case("Για την Ευρωπαϊκή Νύχτα οι αίθουσες έμειναν ανοιχτές.", &[], &["Ευρωπαϊκή"]),
        case("Πήρε μετάλλιο σε Παναμερικανικούς Αγώνες πέρσι.", &[], &["Παναμερικανικούς"]),
    ]);
}

/// A clergy, military, police or royal rank, or an athlete's or musician's position, is a
/// title: the one name after it is a person.
#[test]
fn one_name_after_a_rank_or_position() {
    check(&[
        case("Τη λειτουργία τέλεσε ο επίσκοπος Νεκτάριος το πρωί.", &["Νεκτάριος"], &[]),
        case("Την επιχείρηση συντόνισε ο ταξίαρχος Ευστάθιος χθες.", &["Ευστάθιος"], &[]),
        case("Στη δεξίωση ήταν και η αυτοκράτειρα Ματίλντα με τη συνοδεία της.", &["Ματίλντα"], &[]),
        case("Τη βραδιά έκλεισε η σοπράνο Ευανθία με μια άρια.", &["Ευανθία"], &[]),
    ]);
}

/// A given name alone, later in a document, is the person named in full before it, but it
/// does not say which person: it gets no id. A surname alone keeps the id, and so does a
/// family name that comes first (`Κιμ` of `Κιμ Γιονγκ Ουν`).
#[test]
fn a_given_name_alone_gets_no_id() {
    let mut failures = Vec::new();
    for (text, mention, id) in [
        ("Ο Αλέξης Τσίπρας μίλησε χθες στη Βουλή. Ο Αλέξης είπε ότι δεν θα παραιτηθεί.", "Αλέξης", None),
        ("Ο Αλέξης Τσίπρας μίλησε χθες στη Βουλή. Για τον Αλέξη οι βουλευτές δεν μίλησαν.", "Αλέξη", None),
        (
            "Ο Αλέξης Τσίπρας μίλησε χθες στη Βουλή. Ο Τσίπρας είπε ότι δεν θα παραιτηθεί.",
            "Τσίπρας",
            Some("Q312015"),
        ),
        (
            "Ο Κιμ Γιονγκ Ουν συναντήθηκε χθες με διπλωμάτες. Ο Κιμ είπε ότι θα συνεχίσει.",
            "Κιμ",
            Some("grner:per:kim-jong-un"),
        ),
    ] {
        let ents = NER.extract(text);
        // The last mention with that text: the partial one, after the full name.
        match ents.iter().rev().find(|e| e.text() == mention) {
            Some(e) if e.label == Label::Per && e.id() == id => {}
            got => {
                failures.push(format!("{text:?}: {mention:?} expected a person with id {id:?}, got {got:?}"))
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// A foreign surname after lower-case particles belongs to the person's name, however
/// the rule found its first word.
#[test]
fn surnames_after_particles() {
    check(&[
        case("Στην ταινία πρωταγωνιστεί ο Αλμπέρτο ντελ Ρίβας με τη Λουσία.", &["Αλμπέρτο ντελ Ρίβας"], &[]),
        case("Χθες μίλησε ο Γιόχαν βαν Ντάιλεν για την έκθεση.", &["Γιόχαν βαν Ντάιλεν"], &[]),
        case(
            "Ο Καμάλ αλ-Χαντίντι, ο εκπρόσωπος της κυβέρνησης, δήλωσε τα εξής.",
            &["Καμάλ αλ-Χαντίντι"],
            &[],
        ),
        // `της` links a name to its complement: no particle.
        case("Τον λόγο πήρε ο Τρέβορ της διπλανής ομάδας.", &["Τρέβορ"], &[]),
    ]);
}

/// An initial of two or three letters (`Στ.`, `Χρ.`, `Νικ.`) belongs to the surname after
/// it, as a one-letter initial does.
#[test]
fn initials_of_two_or_three_letters() {
    check(&[
        case("Τη δήλωση υπέγραψε ο Στ. Καραλόγκος χθες.", &["Στ. Καραλόγκος"], &[]),
        case("Στη σύσκεψη ήταν και ο υφυπουργός Χρ. Λογοθετάκος.", &["Χρ. Λογοθετάκος"], &[]),
        case("Το κείμενο υπογράφει ο Νικ. Ζαφειρόπουλος για την ένωση.", &["Νικ. Ζαφειρόπουλος"], &[]),
    ]);
}

/// A given name that the gazetteer lists as a place or a club (`Σοφία`, `Άρης`) and that a
/// veto gives back to the rules is a person's first name with the surname after it.
#[test]
fn given_names_listed_as_places_before_a_surname() {
    check(&[
        case("Από την αρχή η Σοφία Καραλόγκου το αντιμετώπισε ψύχραιμα.", &["Σοφία Καραλόγκου"], &[]),
        case("Στην εκδήλωση ήταν και ο Άρης Λογοθετάκος με την οικογένειά του.", &["Άρης Λογοθετάκος"], &[]),
    ]);
}
