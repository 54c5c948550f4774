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

/// A demonym right after a known given name is a surname (`Σωτήρης Μανιάτης`); alone, or
/// after a word that is no given name, it stays a nationality.
#[test]
fn demonyms_after_a_given_name_are_surnames() {
    check(&[
        case("Στη συνέντευξη μίλησε χθες ο Ορέστης Κρητικός για την ομάδα.", &["Ορέστης Κρητικός"], &[]),
        case("Την ευθύνη της έκθεσης έχει η Δανάη Ηπειρώτη από το Μέτσοβο.", &["Δανάη Ηπειρώτη"], &[]),
        case("Ο Κρητικός ψαράς βγήκε νωρίς με τη βάρκα του.", &[], &["Κρητικός"]),
    ]);
}

/// A common foreign given name, in Greek or Latin script, starts a person's name with an
/// unknown surname after it.
#[test]
fn foreign_given_names_before_an_unknown_surname() {
    check(&[
        case("Στο συνέδριο μίλησε ο Χορστ Βέντεμπουρκ για την ενέργεια.", &["Χορστ Βέντεμπουρκ"], &[]),
        case(
            "Τη σκηνοθεσία υπογράφει ο Λοράν Μπεσουμέ, ενώ πρωταγωνιστεί η Ζιλιέτ Καρνοβά.",
            &["Λοράν Μπεσουμέ", "Ζιλιέτ Καρνοβά"],
            &[],
        ),
        case("Το γκολ πέτυχε ο Σέρχιο Αλβαρέθο στο 80ό λεπτό.", &["Σέρχιο Αλβαρέθο"], &[]),
        case("Η έκθεση του Rainer Wolkenhof ανοίγει αύριο.", &["Rainer Wolkenhof"], &[]),
    ]);
}

/// Lists and registers put the surname before the given name: a surname's shape, then a
/// given name in the nominative, is one person.
#[test]
fn surname_before_a_given_name() {
    check(&[
        case("Εξελέγη ο Καραλογκίδης Παναγιώτης με 612 σταυρούς.", &["Καραλογκίδης Παναγιώτης"], &[]),
        case(
            "Στη θέση του ορίστηκε η Μαυρογενοπούλου Ευανθία από την Κοζάνη.",
            &["Μαυρογενοπούλου Ευανθία"],
            &[],
        ),
    ]);
}

/// Two unknown words whose first is a plural (`-ες`, `-οι`) are a group or a thing, not a
/// given name and a surname; a Spanish given name in `-ες` before a surname that ends in a
/// consonant is still a person.
#[test]
fn a_plural_first_word_is_no_given_name() {
    check(&[
        case("Η παράσταση Σιωπηλές Νύχτες ανεβαίνει ξανά φέτος.", &[], &["Νύχτες"]),
        case("Η δράση Ανοιχτές Αγκάλες συνεχίζεται και φέτος.", &[], &["Αγκάλες"]),
        case("Το γκολ πέτυχε ο Ματίες Ορεγκουελάρ στο τελευταίο λεπτό.", &["Ματίες Ορεγκουελάρ"], &[]),
    ]);
}

/// A Latin-script name of one to three words after `ο`/`τον` is a person (brands are
/// feminine in Greek), but not an acronym or a company's national branch; after `του` a
/// transliterated name that ends in a consonant Greek words never end in is a person.
#[test]
fn latin_names_after_a_masculine_article_and_foreign_genitives() {
    check(&[
        case("Χθες ο Quellan μίλησε για πρώτη φορά στο συνέδριο.", &["Quellan"], &[]),
        case("Συναντήθηκε με τον Orvik Haldane στο περιθώριο της συνόδου.", &["Orvik Haldane"], &[]),
        case("Η ανακοίνωση του Μπάρτλετ ήρθε αργά το βράδυ.", &["Μπάρτλετ"], &[]),
        case("Ο δορυφόρος εκτοξεύτηκε και ο Hellas Sat λειτουργεί κανονικά.", &[], &["Hellas"]),
        case("Νέα συσκευή παρουσίασε χθες η Zentrova στην έκθεση.", &[], &["Zentrova"]),
    ]);
}

/// A match report's minutes mark players: the name before `(73'` or after `(73' ` is a
/// person, and so is the next item of the line-up after the bracket (`...), X`).
#[test]
fn players_around_a_match_minute() {
    check(&[
        case(
            "Ομάδα: Καραβάκης, Τσολκάς (73' Μπαρουτσής), Ζαφειρίου, Ντελβάνης.",
            &["Τσολκάς", "Μπαρουτσής", "Ζαφειρίου"],
            &[],
        ),
        case("Σκόρερ: Καρασαλίδης (41΄) - Νταβρούλης (90΄+).", &["Καρασαλίδης", "Νταβρούλης"], &[]),
        case("Ομάδα: Τσολκάς (Μπαρουτσής 46'), Ζαφειρίου.", &["Μπαρουτσής"], &[]),
        case("Το μουσείο άνοιξε το 1973 (Ιούνιο) και φέτος.", &[], &["Ιούνιο"]),
    ]);
}

/// Unknown names joined by commas and `και` after a plural article are persons (`οι X, Y
/// και Z`); a list with a known place in it is a list of places.
#[test]
fn a_list_of_names_after_a_plural_article() {
    check(&[
        case(
            "Στην ομάδα επέστρεψαν οι Μπαρούτης, Ζαφειρίου και Ντελβάνης.",
            &["Μπαρούτης", "Ζαφειρίου", "Ντελβάνης"],
            &[],
        ),
        case("Η διαφωνία των Τσολκά και Καραβάκη κράτησε μήνες.", &["Τσολκά", "Καραβάκη"], &[]),
        case("Ο δρόμος ενώνει τις Σέρρες, Ντελβάνη και Κιλκίς.", &[], &["Ντελβάνη"]),
    ]);
}

/// Credits name persons: a photographer after `Photo /`, a director or translator after
/// `Σκηνοθεσία:`; a known surname completes the name, and the next credit's word before
/// its `:` is no part of it.
#[test]
fn credited_persons() {
    check(&[
        case("Διαδηλωτές έξω από τη Βουλή (AP Photo / Dorian Wexley)", &["Dorian Wexley"], &[]),
        case(
            "Σκηνοθεσία: Ευθαλία Ντορμπάκη Μοντάζ: Σταύρος Λιάκος",
            &["Ευθαλία Ντορμπάκη", "Σταύρος Λιάκος"],
            &["Μοντάζ"],
        ),
        case("Μετάφραση: Ορφέας Καλαμπόκης.", &["Ορφέας Καλαμπόκης"], &[]),
    ]);
}

/// A name alone in brackets right after a person is the same person's other name; after
/// a place it is no person.
#[test]
fn a_persons_other_name_in_brackets() {
    check(&[
        case("Το βραβείο πήρε ο Σβέιν Χάρκενσταντ (Svein Harkenstad) χθες.", &["Svein Harkenstad"], &[]),
        case("Στη σκηνή ανέβηκε η Αγγελική Μπαρούτη (Άντζυ) με την ομάδα της.", &["Άντζυ"], &[]),
        case("Η έκθεση ταξιδεύει στη Βιέννη (Wien) τον Μάιο.", &[], &["Wien"]),
    ]);
}

/// Bodies speak too: an acronym or a Latin brand after `η` before a verb of saying is no
/// person, while a woman's Latin name that starts with a known given name still is.
#[test]
fn acronyms_and_brands_that_speak_are_no_person() {
    check(&[
        case("«Δεν θα δεχτούμε αυξήσεις», δήλωσε η ΠΟΣΕΚΑΠ χθες.", &[], &["ΠΟΣΕΚΑΠ"]),
        case("Η Zentrova ανακοίνωσε νέα συσκευή για το φθινόπωρο.", &[], &["Zentrova"]),
        case("«Θα συνεχίσουμε», δήλωσε ο Βαλτινάκης στους δημοσιογράφους.", &["Βαλτινάκης"], &[]),
    ]);
}

/// A capitalised title is no part of a person's name: two capitalised titles are no
/// person, and a title before a given name and a surname leaves them the person.
#[test]
fn capitalised_titles_are_no_part_of_a_name() {
    check(&[
        case("Στη σύσκεψη ήταν και η Διευθύνουσα Σύμβουλος της εταιρείας.", &[], &["Σύμβουλος"]),
        case(
            "Στην ημερίδα μίλησε ο Καρδιολόγος Ορέστης Μαυρογένης.",
            &["Ορέστης Μαυρογένης"],
            &["Καρδιολόγος"],
        ),
    ]);
}

/// Words in capitals next to a person in a list are acronyms, degrees and roles, not
/// more persons.
#[test]
fn capitals_next_to_a_person_are_no_person() {
    check(&[
        case(
            "Μίλησε ο Ορέστης Καλαμπόκης, CEO της εταιρείας, για τα σχέδια.",
            &["Ορέστης Καλαμπόκης"],
            &["CEO"],
        ),
        case("Τον εξέτασε ο Ορέστης Καλαμπόκης, MD, στην κλινική.", &[], &["MD"]),
    ]);
}

/// A portfolio that is also the genitive of a given name (`Γεωργίας`) is no person after a
/// title or alone after its article.
#[test]
fn a_portfolio_is_no_given_name() {
    check(&[
        case("Για τις τιμές μίλησε χθες ο υπουργός Γεωργίας στη Βουλή.", &[], &["Γεωργίας"]),
        case("Οι εξαγωγές της Γεωργίας αυξήθηκαν πέρσι.", &[], &["Γεωργίας"]),
        case("Την ανθοδέσμη έστειλε στη Δανάη ο παππούς της.", &["Δανάη"], &[]),
    ]);
}

/// A surname alone, later in a document, is the person named in full before it, whether
/// the rules found it (`Ο Χ`, tied to another person) or it is a capitalised word the
/// rules left (at the start of a sentence); a person alone in a document ties nothing
/// else. Every person of the text, with its canonical name.
#[test]
fn a_surname_alone_is_the_person_named_in_full_before() {
    type Case = (&'static str, &'static [(&'static str, Option<&'static str>)]);
    let cases: [Case; 7] = [
        // The full name on an earlier line, the surname alone on the last.
        (
            "Ο Λεωνίδας Καρατζόγλου μίλησε χθες στη Βουλή.\nΟ Καρατζόγλου είπε ότι θα επιστρέψει.",
            &[("Λεωνίδας Καρατζόγλου", None), ("Καρατζόγλου", Some("Λεωνίδας Καρατζόγλου"))],
        ),
        (
            "Ο Λεωνίδας Καρατζόγλου μίλησε χθες.\nΣτην αίθουσα ήταν η Πάτρα.\nΚαρατζόγλου Α.Ε. είπε όχι.",
            &[("Λεωνίδας Καρατζόγλου", None), ("Καρατζόγλου", Some("Λεωνίδας Καρατζόγλου"))],
        ),
        (
            "Ο Λεωνίδας Καρατζόγλου μίλησε χθες στη Βουλή. Ο Καρατζόγλου είπε ότι θα επιστρέψει.",
            &[("Λεωνίδας Καρατζόγλου", None), ("Καρατζόγλου", Some("Λεωνίδας Καρατζόγλου"))],
        ),
        (
            "Ο Λεωνίδας Καρατζόγλου μίλησε χθες. Καρατζόγλου Α.Ε. είπε όχι.",
            &[("Λεωνίδας Καρατζόγλου", None), ("Καρατζόγλου", Some("Λεωνίδας Καρατζόγλου"))],
        ),
        (
            "Ο Λεωνίδας Καρατζόγλου και ο Σπύρος Μελετίου μίλησαν χθες. Ο Μελετίου είπε όχι.",
            &[
                ("Λεωνίδας Καρατζόγλου", None),
                ("Σπύρος Μελετίου", None),
                ("Μελετίου", Some("Σπύρος Μελετίου")),
            ],
        ),
        ("Ο Λεωνίδας Καρατζόγλου μίλησε χθες. Σήμερα είπε όχι.", &[("Λεωνίδας Καρατζόγλου", None)]),
        (
            "Ο Λεωνίδας Καρατζόγλου μίλησε χθες. Η Επιτροπή Μελετίου είπε όχι.",
            &[("Λεωνίδας Καρατζόγλου", None)],
        ),
    ];
    let mut failures = Vec::new();
    for (text, want) in cases {
        let ents = NER.extract(text);
        let got: Vec<(&str, Option<&str>)> =
            ents.iter().filter(|e| e.label == Label::Per).map(|e| (e.text(), e.canonical())).collect();
        if got != want {
            failures.push(format!("{text:?}: expected {want:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}
