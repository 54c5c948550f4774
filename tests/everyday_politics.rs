//! Everyday political phrasing, as a new user would try it: titles with portfolios and
//! constituencies, parties and their leaders, headlines in capitals, works and squares,
//! and ids that the mention supports. The sentences are ours; the persons in them are
//! partly real politicians (as the default gazetteers know them) and partly invented (so
//! that the rules, not a name list, must find them). The default recognizer is used, as
//! a user would.

mod common;

use common::{case, check, GAZETTEER_ONLY, NER};
use greek_ner::Label;
use Label::{Loc, Org, Per};

/// A portfolio in the genitive after a title belongs to the title; the person after it
/// still comes out.
#[test]
fn portfolio_after_title_is_no_person() {
    check(&[
        case(
            "Ο υπουργός Εθνικής Άμυνας Νίκος Δένδιας επισκέφθηκε χθες τη Ρόδο.",
            &[("Νίκος Δένδιας", Per), ("Ρόδο", Loc)],
            &["Άμυνας"],
        ),
        case(
            "Δήλωση έκανε ο υπουργός Προστασίας του Πολίτη Μιχάλης Χρυσοχοΐδης για την ασφάλεια.",
            &[("Μιχάλης Χρυσοχοΐδης", Per)],
            &["Πολίτη"],
        ),
        case(
            "Η υφυπουργός Εργασίας Σταυρούλα Κοντοπανάγου απάντησε σε ερώτηση.",
            &[("Σταυρούλα Κοντοπανάγου", Per)],
            &["Εργασίας"],
        ),
        case(
            "Ο υπουργός Αγροτικής Ανάπτυξης Θεμιστοκλής Βαρδακώστας ανακοίνωσε μέτρα για τους κτηνοτρόφους.",
            &[("Θεμιστοκλής Βαρδακώστας", Per)],
            &["Ανάπτυξης", "Αγροτικής"],
        ),
        case(
            "Συνάντηση είχε με τον υφυπουργό Ψηφιακής Διακυβέρνησης Ορέστη Λαμπρινάκη η ομάδα.",
            &[("Ορέστη Λαμπρινάκη", Per)],
            &["Διακυβέρνησης"],
        ),
        case(
            "Η υπουργός Πολιτισμού και Αθλητισμού Ευανθία Ζαχαροπούλου εγκαινίασε την έκθεση.",
            &[("Ευανθία Ζαχαροπούλου", Per)],
            &["Αθλητισμού"],
        ),
    ]);
}

/// A constituency or seat between a title and a name: both come out, whatever the
/// place's ending (`Ηρακλείου` has the ending of an adjective, `Χανίων` does not).
#[test]
fn constituency_and_name_after_title() {
    check(&[
        case(
            "Ο βουλευτής Ηρακλείου Γιάννης Παπαδάκης κατέθεσε ερώτηση για τα λιμάνια.",
            &[("Ηρακλείου", Loc), ("Γιάννης Παπαδάκης", Per)],
            &[],
        ),
        case(
            "Ο δήμαρχος Ηρακλείου Μανώλης Καλογεράκης συναντήθηκε με κατοίκους.",
            &[("Ηρακλείου", Loc), ("Μανώλης Καλογεράκης", Per)],
            &[],
        ),
        case(
            "Ο βουλευτής Χανίων Γιάννης Παπαδάκης κατέθεσε ερώτηση.",
            &[("Χανίων", Loc), ("Γιάννης Παπαδάκης", Per)],
            &[],
        ),
        case(
            "Η βουλευτής Λάρισας Μαρία Κατσαρού μίλησε για την κτηνοτροφία.",
            &[("Λάρισας", Loc), ("Μαρία Κατσαρού", Per)],
            &[],
        ),
        case(
            "Τον βουλευτή Κοζάνης Στάθη Παπαθανασίου συνάντησαν οι αγρότες.",
            &[("Κοζάνης", Loc), ("Στάθη Παπαθανασίου", Per)],
            &[],
        ),
        case(
            "Ο αντιδήμαρχος Πειραιά Νίκος Μπελεγρίνης δήλωσε ότι τα έργα προχωρούν.",
            &[("Πειραιά", Loc), ("Νίκος Μπελεγρίνης", Per)],
            &[],
        ),
    ]);
}

/// Headlines in capitals: common words are no names; acronyms and known names in
/// capitals still are.
#[test]
fn headlines_in_capitals() {
    check(&[
        case("Η ΚΥΒΕΡΝΗΣΗ ΑΠΑΝΤΑ ΣΤΗΝ ΑΝΤΙΠΟΛΙΤΕΥΣΗ", &[], &["ΑΠΑΝΤΑ", "ΑΝΤΙΠΟΛΙΤΕΥΣΗ", "ΚΥΒΕΡΝΗΣΗ"]),
        case(
            "ΝΕΑ ΜΕΤΡΑ ΓΙΑ ΤΗ ΣΤΕΓΑΣΗ ΑΠΟ ΤΟ ΚΚΕ ΚΑΙ ΤΟΝ ΣΥΡΙΖΑ",
            &[("ΚΚΕ", Org), ("ΣΥΡΙΖΑ", Org)],
            &["ΣΤΕΓΑΣΗ", "ΜΕΤΡΑ"],
        ),
        case("ΣΚΛΗΡΗ ΚΡΙΤΙΚΗ ΤΟΥ ΝΑΤΟ ΣΤΗ ΡΩΣΙΑ", &[("ΝΑΤΟ", Org), ("ΡΩΣΙΑ", Loc)], &["ΚΡΙΤΙΚΗ"]),
        // A capital that is also a common word is found in capitals; the noun in lower case
        // and at a sentence start is not.
        case("ΣΤΗΝ ΑΓΚΥΡΑ Ο ΥΠΟΥΡΓΟΣ ΕΞΩΤΕΡΙΚΩΝ", &[("ΑΓΚΥΡΑ", Loc)], &[]),
        case("Το πλοίο έριξε άγκυρα έξω από το λιμάνι.", &[], &["άγκυρα"]),
        case("Άγκυρα έριξε το πλοίο έξω από το λιμάνι.", &[], &["Άγκυρα"]),
        case("ΑΝΑΤΑΡΑΧΗ ΣΤΗ ΒΟΥΛΗ ΓΙΑ ΤΟ ΝΕΟ ΑΣΦΑΛΙΣΤΙΚΟ ΝΟΜΟΣΧΕΔΙΟ", &[], &["ΑΝΑΤΑΡΑΧΗ", "ΝΟΜΟΣΧΕΔΙΟ"]),
        case(
            "ΜΗΤΣΟΤΑΚΗΣ: ΣΤΑΘΕΡΗ ΠΟΡΕΙΑ ΓΙΑ ΤΗΝ ΟΙΚΟΝΟΜΙΑ ΠΑΡΑ ΤΙΣ ΠΙΕΣΕΙΣ",
            &[("ΜΗΤΣΟΤΑΚΗΣ", Per)],
            &["ΠΟΡΕΙΑ", "ΟΙΚΟΝΟΜΙΑ", "ΠΙΕΣΕΙΣ"],
        ),
        case("ΕΚΤΑΚΤΟ: ΣΥΝΕΔΡΙΑΖΕΙ ΕΣΠΕΡΙΝΩΣ Η ΕΠΙΤΡΟΠΗ ΘΕΣΜΩΝ", &[], &["ΣΥΝΕΔΡΙΑΖΕΙ", "ΕΣΠΕΡΙΝΩΣ"]),
    ]);
}

/// A person's name in a headline in capitals is a given name and a surname (with a second
/// one after a hyphen), not the verb or the words after it; it may stand after an article
/// or a preposition inside the headline. A given name that is also a common word stays one.
#[test]
fn persons_in_headlines_in_capitals() {
    check(&[
        case(
            "Η ΔΑΝΑΗ ΣΤΑΜΑΤΕΛΟΥ ΑΠΑΝΤΑ ΣΤΙΣ ΕΠΙΚΡΙΣΕΙΣ",
            &[("ΔΑΝΑΗ ΣΤΑΜΑΤΕΛΟΥ", Per)],
            &["ΑΠΑΝΤΑ", "ΕΠΙΚΡΙΣΕΙΣ"],
        ),
        case(
            "Η ΦΩΤΕΙΝΗ ΚΑΡΑΓΙΑΝΝΗ-ΛΑΜΠΡΟΥ ΑΝΑΛΑΜΒΑΝΕΙ ΤΗ ΔΙΟΙΚΗΣΗ",
            &[("ΦΩΤΕΙΝΗ ΚΑΡΑΓΙΑΝΝΗ-ΛΑΜΠΡΟΥ", Per)],
            &["ΑΝΑΛΑΜΒΑΝΕΙ"],
        ),
        case(
            "ΠΑΡΑΙΤΗΘΗΚΕ Ο ΣΠΥΡΟΣ ΒΛΑΧΟΓΙΑΝΝΑΚΗΣ ΑΠΟ ΤΟ ΔΗΜΟΤΙΚΟ ΣΥΜΒΟΥΛΙΟ",
            &[("ΣΠΥΡΟΣ ΒΛΑΧΟΓΙΑΝΝΑΚΗΣ", Per)],
            &["ΠΑΡΑΙΤΗΘΗΚΕ"],
        ),
        case(
            "Ο ΣΤΑΘΗΣ ΚΟΥΡΕΜΕΝΟΣ ΣΥΝΑΝΤΗΣΕ ΤΗΝ ΑΡΓΥΡΩ ΜΠΕΛΕΝΗ",
            &[("ΣΤΑΘΗΣ ΚΟΥΡΕΜΕΝΟΣ", Per), ("ΑΡΓΥΡΩ ΜΠΕΛΕΝΗ", Per)],
            &["ΣΥΝΑΝΤΗΣΕ"],
        ),
        // A given name in the genitive second is the surname (Γεωργίου, Νικολάου), not a
        // father's name before one: the verb after it stays out.
        case("ΝΙΚΟΣ ΓΕΩΡΓΙΟΥ ΜΙΛΗΣΕ ΣΤΗ ΒΟΥΛΗ", &[("ΝΙΚΟΣ ΓΕΩΡΓΙΟΥ", Per)], &["ΜΙΛΗΣΕ"]),
        case("Η ΜΑΡΙΑ ΝΙΚΟΛΑΟΥ ΑΝΑΛΑΜΒΑΝΕΙ ΤΟ ΤΜΗΜΑ", &[("ΜΑΡΙΑ ΝΙΚΟΛΑΟΥ", Per)], &["ΑΝΑΛΑΜΒΑΝΕΙ"]),
        case(
            "Η ΕΛΕΝΗ ΜΑΡΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ ΜΙΛΗΣΕ ΣΤΗΝ ΕΚΔΗΛΩΣΗ",
            &[("ΕΛΕΝΗ ΜΑΡΙΑ ΠΑΠΑΔΟΠΟΥΛΟΥ", Per)],
            &["ΜΙΛΗΣΕ"],
        ),
        case("ΓΙΑ ΤΗΝ ΕΛΠΙΔΑ ΤΩΝ ΝΕΩΝ ΑΝΘΡΩΠΩΝ", &[], &["ΕΛΠΙΔΑ", "ΑΝΘΡΩΠΩΝ"]),
        case("ΜΕ ΤΟΝ ΣΤΑΥΡΟ ΣΤΟ ΧΕΡΙ ΟΙ ΠΙΣΤΟΙ", &[], &["ΣΤΑΥΡΟ", "ΧΕΡΙ"]),
    ]);
}

/// A party and its leader in apposition are two entities; an organisation named after a
/// person, or a party's official name written with its dash, stays one.
#[test]
fn party_and_leader_in_apposition() {
    check(&[
        case(
            "Ο πρόεδρος της Ελληνικής Λύσης Κυριάκος Βελόπουλος μίλησε χθες.",
            &[("Ελληνικής Λύσης", Org), ("Κυριάκος Βελόπουλος", Per)],
            &[],
        ),
        case(
            "Η πρόεδρος της Πλεύσης Ελευθερίας Ζωή Κωνσταντοπούλου κατήγγειλε την κυβέρνηση.",
            &[("Πλεύσης Ελευθερίας", Org), ("Ζωή Κωνσταντοπούλου", Per)],
            &[],
        ),
        case(
            "Ο γραμματέας του ΚΚΕ Δημήτρης Κουτσούμπας μίλησε σε συγκέντρωση.",
            &[("ΚΚΕ", Org), ("Δημήτρης Κουτσούμπας", Per)],
            &[],
        ),
        case(
            "Ο πρόεδρος του ΠΑΣΟΚ Νίκος Ανδρουλάκης ζήτησε πρόωρες εκλογές.",
            &[("ΠΑΣΟΚ", Org), ("Νίκος Ανδρουλάκης", Per)],
            &[],
        ),
        case(
            "Η Ελληνική Λύση – Κυριάκος Βελόπουλος κατέθεσε τα ψηφοδέλτιά της.",
            &[("Ελληνική Λύση – Κυριάκος Βελόπουλος", Org)],
            &[],
        ),
        case(
            "Νέα δωρεά του Ιδρύματος Σταύρος Νιάρχος στο νοσοκομείο της πόλης.",
            &[("Ιδρύματος Σταύρος Νιάρχος", Org)],
            &[],
        ),
    ]);
}

/// A work's title in guillemets after the noun that introduces it is no place or person;
/// a name inside a longer title, or a quoted name with no such noun, still is.
#[test]
fn titles_of_works_are_not_names() {
    check(&[
        case("Διάβασε το βιβλίο «Ιθάκη» μέσα σε δύο μέρες.", &[], &["Ιθάκη"]),
        case("Η ταινία «Σμύρνη» έκοψε πολλά εισιτήρια φέτος.", &[], &["Σμύρνη"]),
        case("Στη συναυλία ακούστηκε το τραγούδι «Θεσσαλονίκη» από τη χορωδία.", &[], &["Θεσσαλονίκη"]),
        case("Η παράσταση «Ο Τρέβορ Μπλακγουντ» ανεβαίνει τον χειμώνα.", &[], &["Τρέβορ"]),
        case("Ο συγγραφέας υπέγραψε το βιβλίο του «Κέρκυρα» σε φίλους.", &[], &["Κέρκυρα"]),
        case("Η σκηνοθέτρια παρουσίασε την ταινία της «Λάρισα» στο κοινό.", &[], &["Λάρισα"]),
        case("Η χορωδία τραγούδησε το τραγούδι μας «Πάτρα μου» στην πλατεία.", &[], &["Πάτρα"]),
        case("Το κόμμα του Σταμάτη Ρουσάκη κέρδισε στη Λάρισα.", &[("Λάρισα", Loc)], &[]),
        // `του`, `της` before a listed organisation: its owner, not a title.
        case("Το πρόγραμμα του «ΠΑΣΟΚ» για τη στέγαση παρουσιάστηκε χθες.", &[("ΠΑΣΟΚ", Org)], &[]),
        case("Η εκπομπή της «ΕΡΤ» για τις εκλογές κόπηκε.", &[("ΕΡΤ", Org)], &[]),
        case(
            "Η εταιρεία στηρίζει το πρόγραμμα «Κυριακές στην Τεχνόπολη» του δήμου.",
            &[("Τεχνόπολη", Loc)],
            &[],
        ),
        case("Η ανακοίνωση της «Νέας Δημοκρατίας» ήρθε αργά το βράδυ.", &[("Νέας Δημοκρατίας", Org)], &[]),
    ]);
}

/// An organisation's name in guillemets after the lower-case noun that introduces it is
/// the organisation, even when it is a place's or a person's name; a listed organisation
/// stays itself, and without guillemets a given name and a surname after the noun are a
/// person.
#[test]
fn quoted_names_of_organisations() {
    check(&[
        case(
            "Η γιαγιά του νοσηλεύεται στο νοσοκομείο «Παπαδημητρίου» από χθες.",
            &[("Παπαδημητρίου", Org)],
            &[],
        ),
        case("Το ρεπορτάζ δημοσίευσε η εφημερίδα «Θεσσαλία» το πρωί.", &[("Θεσσαλία", Org)], &[]),
        case("Οι εργαζόμενοι του νοσοκομείου «Άγιος Σάββας» απεργούν σήμερα.", &[("Άγιος Σάββας", Org)], &[]),
        case(
            "Η συνέντευξη δόθηκε στο ξενοδοχείο «Κρήτη» στο Ηράκλειο.",
            &[("Κρήτη", Org), ("Ηράκλειο", Loc)],
            &[],
        ),
        case("Το άρθρο γράφτηκε για την εφημερίδα «Καθημερινή» πέρσι.", &[("Καθημερινή", Org)], &[]),
        case("Η μικρή χειρουργήθηκε στο νοσοκομείο «Αγία Σοφία» την Τρίτη.", &[("Αγία Σοφία", Org)], &[]),
        case("Ο βουλευτής του κόμματος «Ενιαία Ρωσία» παραιτήθηκε.", &[("Ενιαία Ρωσία", Org)], &[]),
        case(
            "Δήλωσε ο διοικητής του νοσοκομείου Αντώνης Καραμπέτσος στους δημοσιογράφους.",
            &[("Αντώνης Καραμπέτσος", Per)],
            &[],
        ),
        case("Ο ασθενής μεταφέρθηκε στο νοσοκομείο της Κρήτης χθες.", &[("Κρήτης", Loc)], &[]),
    ]);
}

/// A place or a person inside a quoted name after the noun that introduces it: the whole
/// title of a work, or anywhere in an organisation's name of capitalised and function
/// words, it is the quoted name's and no mention of its own; inside a longer title of a
/// work it is itself. Both modes decide alike (with the rule stage the organisation's
/// name comes out instead; without it, nothing).
#[test]
fn a_name_inside_a_quoted_name_alike_in_both_modes() {
    // (sentence, the name inside, whether the quoted name owns it, whether the rule stage
    // names the organisation instead)
    let table: &[(&str, &str, bool, bool)] = &[
        ("Η εφημερίδα «Φωνή της Κεφαλονιάς» κυκλοφορεί κάθε Παρασκευή.", "Κεφαλονιάς", true, true),
        ("Ο σύλλογος «Φίλοι της Θεσσαλονίκης» οργάνωσε εκδήλωση.", "Θεσσαλονίκης", true, true),
        ("Η ομάδα «Φίλοι του Πηλίου» καθάρισε τα μονοπάτια.", "Πηλίου", true, true),
        ("Το νοσοκομείο «Η Κρήτη» δέχεται ασθενείς.", "Κρήτη", true, true),
        ("Το ίδρυμα «Μαρία Κάλλας» ανακοίνωσε υποτροφίες.", "Μαρία Κάλλας", true, true),
        ("Η ταινία «Η Σαντορίνη» κέρδισε βραβείο.", "Σαντορίνη", true, false),
        ("Το τραγούδι \"Θεσσαλονίκη μου\" ακούστηκε στη συναυλία.", "Θεσσαλονίκη", true, false),
        ("Το πλοίο \"Ελευθέριος Βενιζέλος\" έδεσε στο λιμάνι.", "Βενιζέλος", true, false),
        // After a capitalised head noun too (`Βραβείο`, `Γέφυρα`, `Ίδρυμα`).
        ("Η ποιήτρια τιμήθηκε με το Βραβείο «Κωστής Παλαμάς» χθες.", "Παλαμάς", true, false),
        ("Η Γέφυρα «Χαρίλαος Τρικούπης» έκλεισε λόγω ανέμων.", "Τρικούπης", true, false),
        ("Το Ίδρυμα «Φίλοι της Κρήτης» ανακοίνωσε υποτροφίες.", "Κρήτης", true, true),
        ("Το Βραβείο «Ένα ταξίδι στην Κρήτη» απονεμήθηκε.", "Κρήτη", false, false),
        ("Η ταινία «Ένα καλοκαίρι στη Σαντορίνη» βγήκε στους κινηματογράφους.", "Σαντορίνη", false, false),
        ("Η παράσταση «Ταξίδι στη Ρόδο» ανεβαίνει φέτος.", "Ρόδο", false, false),
        ("Το βιβλίο «Η Αθήνα του Περικλή» γράφτηκε από καθηγητή.", "Αθήνα", false, false),
        ("Ο όρος «Μακεδονία» προκάλεσε αντιδράσεις.", "Μακεδονία", false, false),
        // After an article the quotation is the noun's complement, not its name.
        ("Ο δήμος της «Καλαμάτας» ανακοίνωσε νέα μέτρα.", "Καλαμάτας", false, false),
        ("Η εφημερίδα της «Πάτρας» άλλαξε ιδιοκτήτη.", "Πάτρας", false, false),
    ];
    let mut failures = Vec::new();
    for &(text, name, owned, org) in table {
        for (mode, ner) in [("default", &*NER), ("gazetteer-only", &*GAZETTEER_ONLY)] {
            let ents = ner.extract(text);
            let alone = ents.iter().any(|e| e.text() == name && e.label != Org);
            let inside = ents.iter().any(|e| e.text().contains(name) && e.label != Org);
            let named = ents.iter().any(|e| e.text().contains(name) && e.label == Org);
            if owned && inside || !owned && !alone || mode == "default" && org && !named {
                let got: Vec<_> = ents.iter().map(|e| format!("{}:{}", e.text(), e.label)).collect();
                failures.push(format!("{mode}: {text:?}: {name:?} owned {owned} org {org}, got {got:?}"));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The id (and canonical name) of the entity found, or "" without one.
fn id_of(text: &str, mention: &str) -> Option<String> {
    let ents = NER.extract(text);
    let e = ents.iter().find(|e| e.text() == mention)?;
    Some(e.id().unwrap_or("").to_string())
}

/// A name with another given name than a listed person's is not that person: the entity
/// is kept, without an id. A name that agrees keeps its id.
#[test]
fn ids_the_mention_supports() {
    let mut failures = Vec::new();
    for (text, mention, id) in [
        ("Ο Άλαν ΜακΓκρέγκορ μίλησε για τη νέα του ταινία.", "Άλαν ΜακΓκρέγκορ", ""),
        ("Ο Κρεγκ Μπέλαμι έπαιξε για χρόνια στη Λίβερπουλ.", "Κρεγκ Μπέλαμι", ""),
        ("Στην εκδήλωση ήταν και η Μαρκέλλα Τσίπρα από τη Θεσσαλονίκη.", "Μαρκέλλα Τσίπρα", ""),
        ("Ο Στέλιος Μητσοτάκης, ξάδερφος του δημάρχου, μίλησε.", "Στέλιος Μητσοτάκης", ""),
        // A given name that is also a place (`Σοφία`) or a common word (`Ζωή`).
        ("Η Σοφία Μητσοτάκη μίλησε χθες στους δημοσιογράφους.", "Σοφία Μητσοτάκη", ""),
        ("Στην εκδήλωση μίλησε η Ζωή Βελοπούλου για το βιβλίο της.", "Ζωή Βελοπούλου", ""),
        ("Ο Κόνορ ΜακΓκρέγκορ επέστρεψε στο ρινγκ.", "Κόνορ ΜακΓκρέγκορ", "grner:per:conor-mcgregor"),
        (
            "Ο πρωθυπουργός Κυριάκος Μητσοτάκης μίλησε στη Βουλή.",
            "Κυριάκος Μητσοτάκης",
            "grner:per:kyriakos-mitsotakis",
        ),
        ("Ο Μητσοτάκης απάντησε στις ερωτήσεις.", "Μητσοτάκης", "grner:per:kyriakos-mitsotakis"),
    ] {
        let got = id_of(text, mention);
        if got.as_deref() != Some(id) {
            failures.push(format!("{text:?}: {mention:?} expected id {id:?}, got {got:?}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

/// The prime minister's office is an organisation for a newsroom, by its full name or
/// the short one.
#[test]
fn prime_ministers_office_is_an_organisation() {
    check(&[
        case("Σύσκεψη έγινε στο Μέγαρο Μαξίμου το πρωί.", &[("Μέγαρο Μαξίμου", Org)], &[]),
        case("Πηγές του Μαξίμου σχολίασαν την πρόταση της αντιπολίτευσης.", &[("Μαξίμου", Org)], &[]),
    ]);
}

/// Capitalised common nouns after `στη`, `από την` are no places: the institutions and
/// abstractions of political news.
#[test]
fn capitalised_common_nouns_after_prepositions_are_not_places() {
    check(&[
        case("Η υπόθεση πέρασε πλέον στη Δικαιοσύνη.", &[], &["Δικαιοσύνη"]),
        case("Ο υπουργός αναφέρθηκε στη Συμφωνία που υπογράφηκε πέρσι.", &[], &["Συμφωνία"]),
        case("Η συζήτηση για τον προϋπολογισμό θα γίνει στην Ολομέλεια.", &[], &["Ολομέλεια"]),
        case("Ο ομιλητής αναφέρθηκε στη Μεταπολίτευση και στην Κατοχή.", &[], &["Μεταπολίτευση"]),
        case("Ο εκπρόσωπος αναφέρθηκε στη Διάσκεψη για το κλίμα.", &[], &["Διάσκεψη"]),
        case("Τα παιδιά πήγαν κατασκήνωση στην Καλαμπάκα το καλοκαίρι.", &[("Καλαμπάκα", Loc)], &[]),
    ]);
}

/// An acronym in brackets takes the label of the name before it only if it can be that
/// name's initials: a place that ends a longer name gives it nothing.
#[test]
fn acronyms_in_brackets() {
    check(&[
        case(
            "Ο πρόεδρος του Ειδικού Διαβαθμιδικού Συνδέσμου Νομού Αττικής (ΕΔΣΝΑ) μίλησε για τα απόβλητα.",
            &[("ΕΔΣΝΑ", Org)],
            &[],
        ),
        case(
            "Ερευνητές του Ινστιτούτου Τεχνολογίας της Μασαχουσέτης (ΜΙΤ) ανακοίνωσαν τα αποτελέσματα.",
            &[("ΜΙΤ", Org)],
            &[],
        ),
        case("Η Ένωση Ποδοσφαιρικών Ομοσπονδιών Ευρώπης (ΟΥΕΦΑ) επέβαλε πρόστιμο.", &[("ΟΥΕΦΑ", Org)], &[]),
    ]);
}

/// A dotted acronym keeps its final dot, unless that dot also ends the sentence.
#[test]
fn dotted_acronym_at_the_end_of_a_sentence() {
    check(&[
        case("Την ανακοίνωση εξέδωσε η Π.Ο.Σ.Κ.Ε. Η κυβέρνηση δεν απάντησε.", &[("Π.Ο.Σ.Κ.Ε", Org)], &[]),
        case("Το πρώην στέλεχος της Π.Ο.Σ.Κ.Ε.", &[("Π.Ο.Σ.Κ.Ε", Org)], &[]),
        case("Η Π.Ο.Σ.Κ.Ε. ανακοίνωσε απεργία για την Πέμπτη.", &[("Π.Ο.Σ.Κ.Ε.", Org)], &[]),
    ]);
}

/// Capitalised adjectives that are common words by themselves (`Εθνική`, `Δημοτικό`)
/// belong to the organisation's name when more adjectives and a head noun follow.
#[test]
fn adjectives_before_a_head_noun() {
    check(&[
        case(
            "Η Εθνική Διαστημική Υπηρεσία ανακοίνωσε νέα αποστολή.",
            &[("Εθνική Διαστημική Υπηρεσία", Org)],
            &[],
        ),
        case(
            "Στο Δημοτικό Αθλητικό Κέντρο έγινε η εκδήλωση του συλλόγου.",
            &[("Δημοτικό Αθλητικό Κέντρο", Org)],
            &[],
        ),
        case("Την έρευνα έκανε η Εθνική Στατιστική Αρχή πέρσι.", &[("Εθνική Στατιστική Αρχή", Org)], &[]),
    ]);
}

/// A company's or body's national branch is one organisation, named with its country; a
/// country inside a longer Latin name stays part of that name.
#[test]
fn national_branches_are_one_organisation() {
    check(&[
        case("Την έκθεση παρουσίασε χθες το WWF Ελλάς στους δημοσιογράφους.", &[("WWF Ελλάς", Org)], &[]),
        case(
            "Νέες θέσεις εργασίας ανακοίνωσε η Microsoft Hellas για τη Θεσσαλονίκη.",
            &[("Microsoft Hellas", Org), ("Θεσσαλονίκη", Loc)],
            &[],
        ),
        case(
            "Τα στοιχεία έδωσε η Trevanta Ελλάδας στη σημερινή συνέντευξη.",
            &[("Trevanta Ελλάδας", Org)],
            &[],
        ),
        case("Η ομάδα Northern Greece Divers καθάρισε τον βυθό.", &[("Northern Greece Divers", Org)], &[]),
        case(
            "Τα επιτόκια αποφάσισε η διοίκηση της Τραπέζης της Ελλάδος.",
            &[("Τραπέζης της Ελλάδος", Org)],
            &[],
        ),
    ]);
}

/// Radio stations and media that politicians speak to, by the names the press writes.
#[test]
fn media_politicians_speak_to() {
    check(&[
        case(
            "Μιλώντας στο Ραδιόφωνο 24/7 ο βουλευτής Τάσος Δημητρίου επέμεινε στις εκλογές.",
            &[("Ραδιόφωνο 24/7", Org), ("Τάσος Δημητρίου", Per)],
            &[],
        ),
        case("Ο προπονητής μίλησε χθες στον Σπορ FM για τη μεταγραφή.", &[("Σπορ FM", Org)], &[]),
        case("Σύμφωνα με τους Τάιμς, η σύνοδος θα αναβληθεί.", &[("Τάιμς", Org)], &[]),
        case("Τη συνέντευξη μετέδωσε το Channel 4 το βράδυ.", &[("Channel 4", Org)], &[]),
    ]);
}

/// Acronyms of plans, regulations, communities and devices, and words in capitals, are
/// not organisations.
#[test]
fn acronyms_that_name_no_organisation() {
    check(&[
        case("Η Βουλή ψήφισε χθες το νέο ΜΠΔΣ με 153 ψήφους.", &[("Βουλή", Org)], &["ΜΠΔΣ"]),
        case("Οι εταιρείες προσαρμόζονται στον ΓΚΠ για τα προσωπικά δεδομένα.", &[], &["ΓΚΠ"]),
        case("Η πορεία της κοινότητας ΛΟΑΤΚΙ έγινε το Σάββατο.", &[], &["ΛΟΑΤΚΙ"]),
        case("Στο γυμναστήριο τοποθετήθηκε ένας AED για τις έκτακτες ανάγκες.", &[], &["AED"]),
        case("Η είσοδος είναι ΔΩΡΕΑΝ για όλους τους μαθητές.", &[], &["ΔΩΡΕΑΝ"]),
    ]);
}

/// A country spelled like one of its nationality nouns once folded is the country, unless
/// a title makes the word a person's nationality.
#[test]
fn countries_spelled_like_nationality_nouns() {
    check(&[
        case("Νέοι βομβαρδισμοί αναφέρθηκαν χθες στη Συρία.", &[("Συρία", Loc)], &[]),
        case("Η κυβέρνηση της Συρίας απέρριψε την πρόταση.", &[("Συρίας", Loc)], &[]),
        case("Η Αργεντινή ζήτησε νέο δάνειο από το ΔΝΤ.", &[("Αργεντινή", Loc)], &[]),
        case("Ο πρωθυπουργός του Μαυροβουνίου έφτασε στην Αθήνα.", &[("Μαυροβουνίου", Loc)], &[]),
        case("Η Αργεντινή υπουργός μίλησε στη Βουλή.", &[], &["Αργεντινή"]),
        case("Οι Βρετανοί τουρίστες έφτασαν στη Ρόδο.", &[("Ρόδο", Loc)], &["Βρετανοί"]),
    ]);
}

/// Capitalised common words after a masculine article are no persons: the spoken month
/// forms, nouns in -ισμός and the capitalised words of religion and geography.
#[test]
fn capitalised_common_words_after_an_article_are_no_persons() {
    check(&[
        case(
            "Οι εκλογές θα γίνουν τον Ιούλη, είπε ο Κώστας Μαυρίδης.",
            &[("Κώστας Μαυρίδης", Per)],
            &["Ιούλη"],
        ),
        case("Η ρύθμιση ισχύει από τον Μάρτη.", &[], &["Μάρτη"]),
        case("Ο νόμος ψηφίστηκε στα τέλη του Δεκέμβρη.", &[], &["Δεκέμβρη"]),
        case("Το συνέδριο ήταν αφιερωμένο στον Ελληνισμό της διασποράς.", &[], &["Ελληνισμό"]),
        case("Η εκστρατεία για τον Εμβολιασμό ξεκινά.", &[], &["Εμβολιασμό"]),
        case("Οι αγρότες του Βορρά διαμαρτυρήθηκαν.", &[], &["Βορρά"]),
        case("Ο ποιητής έγραψε για τον Παράδεισο.", &[], &["Παράδεισο"]),
    ]);
}

/// In a sports report (two words of sport in the sentence) a country that is the subject
/// or the object is its national team; elsewhere it stays a place.
#[test]
fn countries_in_sports_reports_are_teams() {
    check(&[
        case("Μετά την κλήρωση η Γερμανία φαίνεται από τις πιο δυνατές ομάδες.", &[("Γερμανία", Org)], &[]),
        case("Η Γερμανία φαίνεται από τις πιο δυνατές χώρες.", &[("Γερμανία", Loc)], &[]),
        case("Η Ιταλία έχασε στον ημιτελικό και ο σκόρερ της αποχώρησε.", &[("Ιταλία", Org)], &[]),
        // The table and the transfer market are sports words too.
        case("Η Σουηδία ανέβηκε στην κορυφή της βαθμολογίας χάρη στην ισοβαθμία.", &[("Σουηδία", Org)], &[]),
        case(
            "Η Πορτογαλία κάλεσε τον νεαρό που έκανε ντεμπούτο μετά τη μεταγραφή του.",
            &[("Πορτογαλία", Org)],
            &[],
        ),
        case("Η Πορτογαλία ανέβηκε στην κορυφή της λίστας των χωρών.", &[("Πορτογαλία", Loc)], &[]),
    ]);
}

/// A country met (after `εναντίον`, `απέναντι`) is its national team with one sports word in
/// the sentence; with none, or with one but in another slot, it stays a place.
#[test]
fn countries_met_in_a_match_are_teams() {
    check(&[
        case("Ο προπονητής ζήτησε περισσότερη ένταση απέναντι στη Σουηδία.", &[("Σουηδία", Org)], &[]),
        case("Ο αγώνας εναντίον της Νορβηγίας ορίστηκε για την Κυριακή.", &[("Νορβηγίας", Org)], &[]),
        case("Η κυβέρνηση στάθηκε απέναντι στην Τουρκία στη σύνοδο κορυφής.", &[("Τουρκία", Loc)], &[]),
        case("Ο υπουργός μίλησε εναντίον της Τουρκίας στη Βουλή.", &[("Τουρκίας", Loc)], &[]),
        case("Ο προπονητής πέρασε τις διακοπές του στη Σουηδία.", &[("Σουηδία", Loc)], &[]),
    ]);
}

/// In a sports report a country in the genitive of a word of the state or of a title (`η
/// κυβέρνηση της Χ`, `ο πρέσβης της Χ`), of a team's noun with its sport (`η ομάδα
/// ποδοσφαίρου της Χ`) or of the venue (`στα γήπεδα της Χ`), is the country; in the
/// genitive of a match's word, the team.
#[test]
fn countries_of_the_state_in_sports_reports_stay_places() {
    check(&[
        case(
            "Η κυβέρνηση της Νορβηγίας συνεχάρη τους παίκτες για τη νίκη στον τελικό.",
            &[("Νορβηγίας", Loc)],
            &[],
        ),
        case("Ο πρέσβης της Ολλανδίας παρακολούθησε τον αγώνα από την εξέδρα.", &[("Ολλανδίας", Loc)], &[]),
        case(
            "Ο αρχηγός της ομάδας ποδοσφαίρου της Νορβηγίας μίλησε μετά το ματς.",
            &[("Νορβηγίας", Loc)],
            &[],
        ),
        case("Η ομάδα έδωσε τρία ματς στα γήπεδα της Νορβηγίας.", &[("Νορβηγίας", Loc)], &[]),
        case("Ο τελικός θα γίνει στο γήπεδο της Βιέννης με γεμάτη εξέδρα.", &[("Βιέννης", Loc)], &[]),
        case("Η νίκη της Νορβηγίας στον αγώνα ήρθε με γκολ στο τέλος.", &[("Νορβηγίας", Org)], &[]),
        case("Ο προπονητής της Ολλανδίας άλλαξε τρεις παίκτες στο ημίχρονο.", &[("Ολλανδίας", Org)], &[]),
    ]);
}

/// Countries and cities listed without their articles after a word that begins a list of
/// teams (`τις`, `με`, `ούτε`, `μεταξύ`, `απέναντι σε`), or paired by a spaced dash, are the
/// teams in a sports report; the same lists are places elsewhere, and so are places of
/// origin or of play listed in a sports report.
#[test]
fn countries_listed_in_sports_reports_are_teams() {
    check(&[
        case(
            "Στους ομίλους η Ελλάδα νίκησε τις Ολλανδία και Νορβηγία και προκρίθηκε.",
            &[("Ολλανδία", Org), ("Νορβηγία", Org)],
            &[],
        ),
        case(
            "Η ομάδα έπαιξε στον όμιλο με Πολωνία, Ιρλανδία και Αυστρία πριν από τον τελικό.",
            &[("Πολωνία", Org), ("Ιρλανδία", Org), ("Αυστρία", Org)],
            &[],
        ),
        case(
            "Στον ημιτελικό δεν θα βρίσκονται ούτε Ιταλία ούτε Ολλανδία.",
            &[("Ιταλία", Org), ("Ολλανδία", Org)],
            &[],
        ),
        case(
            "Στον τελικό θα βρεθεί ή Ιταλία ή Ολλανδία, μετά το 2-2 του πρώτου αγώνα.",
            &[("Ιταλία", Org), ("Ολλανδία", Org)],
            &[],
        ),
        case(
            "Ο αγώνας μεταξύ Νορβηγίας και Αυστρίας έληξε 1-1.",
            &[("Νορβηγίας", Org), ("Αυστρίας", Org)],
            &[],
        ),
        case(
            "Στο ματς Πολωνία - Αυστρία ο διαιτητής έδωσε δύο πέναλτι.",
            &[("Πολωνία", Org), ("Αυστρία", Org)],
            &[],
        ),
        case(
            "Η ομάδα έπαιξε απέναντι σε Βέλγιο και Ολλανδία στο τουρνουά.",
            &[("Βέλγιο", Org), ("Ολλανδία", Org)],
            &[],
        ),
        // A city paired by a spaced dash with a club of no list: the club of the city.
        case("Το ματς Μπέτις - Λίβερπουλ έληξε 2-2 μετά από δύο πέναλτι.", &[("Λίβερπουλ", Org)], &[]),
        // The same lists in politics and the economy: places.
        case(
            "Η κυβέρνηση υπέγραψε συμφωνίες με Πολωνία, Ιρλανδία και Αυστρία.",
            &[("Πολωνία", Loc), ("Ιρλανδία", Loc), ("Αυστρία", Loc)],
            &[],
        ),
        case(
            "Οι εξαγωγές προς τις Ολλανδία και Νορβηγία αυξήθηκαν πέρυσι.",
            &[("Ολλανδία", Loc), ("Νορβηγία", Loc)],
            &[],
        ),
        case("Η πτήση Αθήνα - Βιέννη ακυρώθηκε λόγω κακοκαιρίας.", &[("Αθήνα", Loc), ("Βιέννη", Loc)], &[]),
        // Places of origin or of play in a sports report.
        case(
            "Οι παίκτες από Πολωνία και Ιρλανδία έφτασαν για την προπόνηση της ομάδας.",
            &[("Πολωνία", Loc), ("Ιρλανδία", Loc)],
            &[],
        ),
        case(
            "Η ομάδα θα δώσει φιλικούς αγώνες σε Βιέννη και Σάλτσμπουργκ.",
            &[("Βιέννη", Loc), ("Σάλτσμπουργκ", Loc)],
            &[],
        ),
    ]);
}

/// A place that ends the name of a treaty, a day or a battle after a genitive article is
/// part of that name; a country after a treaty word in lower case stays a place, and so do
/// places elsewhere in the sentence.
#[test]
fn places_that_end_the_name_of_a_treaty_or_a_day() {
    check(&[
        case("Η Βουλή συζήτησε ξανά τη Συμφωνία των Πρεσπών.", &[], &["Πρεσπών"]),
        case("Οι αλλαγές προβλέπονται από τη συνθήκη του Μάαστριχτ.", &[], &["Μάαστριχτ"]),
        case("Τα σχολεία γιόρτασαν την Ημέρα της Γης στη Λάρισα.", &[("Λάρισα", Loc)], &["Γης"]),
        case("Υπογράφηκε η συμφωνία της Ελλάδας με την Αίγυπτο.", &[("Ελλάδας", Loc), ("Αίγυπτο", Loc)], &[]),
    ]);
}

/// Capitalised phrases of participles and neuter plurals in -ματα are common nouns, not
/// persons; surnames shaped like participles still are.
#[test]
fn capitalised_participles_are_no_persons() {
    check(&[
        case("Το ποσοστό των Μη Εξυπηρετούμενων Ανοιγμάτων μειώθηκε.", &[], &["Ανοιγμάτων"]),
        case("Η οργάνωση για τα Εξαφανισμένα Παιδιά ζητά βοήθεια.", &[], &["Παιδιά"]),
        case("Το πρόγραμμα Ολοκληρωμένης Ανάπτυξης εγκρίθηκε.", &[], &["Ανάπτυξης"]),
        case("Και για τον Χιμένες μίλησε ο προπονητής.", &[("Χιμένες", Per)], &[]),
    ]);
}

/// A street abbreviation (`Λεωφ.`, `Οδ.`, `Λ. Βασ.`) is no part of a person's name: the
/// street after it is a place, and an initial before a surname stays an initial.
#[test]
fn street_abbreviations_are_no_persons() {
    check(&[
        case(
            "Η πορεία ξεκίνησε από τη Λεωφ. Κηφισίας και κατέληξε στο υπουργείο.",
            &[("Κηφισίας", Loc)],
            &["Λεωφ"],
        ),
        case("Τα γραφεία του κόμματος βρίσκονται στην Οδ. Ερμού στο κέντρο.", &[("Ερμού", Loc)], &["Οδ"]),
        case("Η συγκέντρωση έγινε στη Λ. Βασ. Σοφίας έξω από τη Βουλή.", &[], &["Λ. Βασ", "Βασ"]),
        case("Ο βουλευτής Λ. Κατσαρός μίλησε στη Βουλή.", &[("Λ. Κατσαρός", Per)], &[]),
    ]);
}

/// A bank named by one word after a feminine article is the bank in a line about banking
/// or shares, and no entity elsewhere (`η Εθνική` is also the national team).
#[test]
fn banks_named_by_one_word() {
    check(&[
        case(
            "Την υψηλότερη αξία συναλλαγών σημείωσε χθες η Εθνική με 3 εκατ. ευρώ.",
            &[("Εθνική", Org)],
            &[],
        ),
        case("Οι καταθέσεις στην Πειραιώς αυξήθηκαν το τρίμηνο.", &[("Πειραιώς", Org)], &[]),
        case(
            "Η μετοχή της Alpha έκλεισε με άνοδο, όπως και της Eurobank.",
            &[("Alpha", Org), ("Eurobank", Org)],
            &[],
        ),
        case("Ο προπονητής είπε ότι η Εθνική έπαιξε καλά χθες.", &[], &["Εθνική"]),
        // The genitive too.
        case(
            "Άνοδο 2% κατέγραψε η μετοχή της Εθνικής στο χρηματιστήριο.",
            &[("Εθνικής", Org)],
            &["χρηματιστήριο"],
        ),
        case("Ο παίκτης φόρεσε πρώτη φορά τη φανέλα της Εθνικής χθες.", &[], &["Εθνικής"]),
        // Before a lower-case genitive it is the adjective, in a line about banking too.
        case("Οι τράπεζες χρηματοδότησαν την προετοιμασία της Εθνικής ομάδας.", &[], &["Εθνικής"]),
    ]);
}

/// `Σύνταγμα` is the square after `πλατεία` or after `στο` in a line about a rally, and the
/// constitution elsewhere.
#[test]
fn the_square_and_the_constitution() {
    check(&[
        case("Οι διαδηλωτές έφτασαν το απόγευμα στο Σύνταγμα.", &[("Σύνταγμα", Loc)], &[]),
        case("Η πορεία ξεκίνησε από το Σύνταγμα και κατέληξε στα Προπύλαια.", &[("Σύνταγμα", Loc)], &[]),
        case("Το ραντεβού δόθηκε στην πλατεία Συντάγματος το μεσημέρι.", &[("Συντάγματος", Loc)], &[]),
        case("Η κυβέρνηση ζητά αλλαγές στο Σύνταγμα της χώρας.", &[], &["Σύνταγμα"]),
        case("Το άρθρο 16 του Συντάγματος συζητήθηκε στη Βουλή.", &[], &["Συντάγματος"]),
    ]);
}

/// Organisations as news names them: the plural of a neuter in -ος declined (`Ηνωμένων
/// Εθνών`), a one-word name in guillemets after its noun, and common nouns that a party's
/// short name would otherwise claim.
#[test]
fn organisations_in_everyday_news() {
    check(&[
        case("Ο γενικός γραμματέας των Ηνωμένων Εθνών ζήτησε εκεχειρία.", &[("Ηνωμένων Εθνών", Org)], &[]),
        case(
            "Τα ευρήματα δημοσιεύθηκαν στο τελευταίο τεύχος του περιοδικού «Nature».",
            &[("Nature", Org)],
            &[],
        ),
        case(
            "Όπως γράφουν οι Times, τα ευρήματα δημοσιεύθηκαν στο New England Journal of Medicine.",
            &[("Times", Org), ("New England Journal of Medicine", Org)],
            &[],
        ),
        case("Μέλη της συλλογικότητας «Καλντέρα» κρέμασαν πανό στο δημαρχείο.", &[("Καλντέρα", Org)], &[]),
        // Latin words after a listed journal or agency make a longer name; after a company
        // they are as often its product.
        case(
            "Η μελέτη δημοσιεύθηκε στο JAMA Cardiology τον περασμένο μήνα.",
            &[("JAMA Cardiology", Org)],
            &[],
        ),
        case("Πολλοί μεταφράζουν με το Google Translate κάθε μέρα.", &[], &["Translate"]),
        // The capitalised head of an institution alone, after an article, names the one
        // the text is about; an administrative unit's does not.
        case("Ο πρόεδρος του Επιμελητηρίου ζήτησε νέα μέτρα στήριξης.", &[("Επιμελητηρίου", Org)], &[]),
        case("Τα κέρδη της Τράπεζας αυξήθηκαν κατά δέκα τοις εκατό.", &[("Τράπεζας", Org)], &[]),
        case("Την απόφαση ανακοίνωσε η Ομοσπονδία μετά τη συνεδρίαση.", &[("Ομοσπονδία", Org)], &[]),
        case("Τα έργα χρηματοδοτεί η Περιφέρεια από φέτος.", &[], &["Περιφέρεια"]),
        case(
            "Τρόφιμα μοίρασε η δομή Κοινωνικής Αλληλεγγύης του δήμου στους δικαιούχους.",
            &[],
            &["Αλληλεγγύης"],
        ),
    ]);
}

/// In a market report a name before the signed change of its shares is the listed
/// company, even when it is a surname; a sector index is no company, and a change in a poll
/// is no share's.
#[test]
fn companies_whose_shares_moved() {
    check(&[
        case(
            "Στο ταμπλό υποχώρησαν χθες οι μετοχές: Καλλιγάς -6,20%, Αρμονία Τεχνική -4,10%.",
            &[("Καλλιγάς", Org), ("Αρμονία Τεχνική", Org)],
            &[],
        ),
        case(
            "Κέρδη είχαν χθες οι δείκτες των Τροφίμων (+1,35%) και των Πρώτων Υλών (+0,84%).",
            &[],
            &["Τροφίμων", "Υλών"],
        ),
        case("Στη δημοσκόπηση ο Καλλιγάς κερδίζει έδαφος (+2,5%).", &[("Καλλιγάς", Per)], &[]),
    ]);
}

/// An organisation's head noun takes in what follows it with no particle between: a place
/// whose first word is a common adjective, an organisation it belongs to, a person in the
/// genitive it is named after, a person's full name after a head in the nominative or
/// accusative (its namesake); not a person in the nominative after a head in the genitive
/// (its member). After a
/// particle it takes a place when it is an institution named after its place.
#[test]
fn head_noun_complements() {
    check(&[
        case(
            "Η ανακοίνωση της Περιφερειακής Ένωσης Δήμων Κεντρικής Μακεδονίας ήρθε το πρωί.",
            &[("Περιφερειακής Ένωσης Δήμων Κεντρικής Μακεδονίας", Org)],
            &[],
        ),
        case(
            "Σε στάση εργασίας προχωρά η Ένωση Ιατρών ΕΟΠΥΥ από αύριο.",
            &[("Ένωση Ιατρών ΕΟΠΥΥ", Org)],
            &[],
        ),
        case(
            "Τα παιδιά νοσηλεύονται στο Νοσοκομείο Παπαγεωργίου της Θεσσαλονίκης.",
            &[("Νοσοκομείο Παπαγεωργίου", Org)],
            &[],
        ),
        case("Η έκθεση φιλοξενείται στο Μουσείο Σικελιανού από αύριο.", &[("Μουσείο Σικελιανού", Org)], &[]),
        case(
            "Οι υποτροφίες του Ιδρύματος δίνονται από το Ίδρυμα Α. Ωνάσης κάθε χρόνο.",
            &[("Ίδρυμα Α. Ωνάσης", Org)],
            &[],
        ),
        case(
            "Η ερευνήτρια πέρασε στο Ινστιτούτο Φράνσις Κρικ πέρσι τον Μάρτιο.",
            &[("Ινστιτούτο Φράνσις Κρικ", Org)],
            &[],
        ),
        case(
            "Το Ινστιτούτο Ανδρέας Παπανδρέου στην Πάτρα δέχεται αιτήσεις.",
            &[("Ινστιτούτο Ανδρέας Παπανδρέου", Org), ("Πάτρα", Loc)],
            &[],
        ),
        // Not after a head in the genitive (by its ending or by its article), nor after a
        // body not named after people: there the name is a person of its own.
        case(
            "Ο πρόεδρος του Ιδρύματος Κωστής Χατζηδάκης μίλησε στην εκδήλωση.",
            &[("Κωστής Χατζηδάκης", Per)],
            &["Ιδρύματος Κωστής"],
        ),
        case(
            "Στην Επιτροπή Ντόρα Μπακογιάννη και Κατερίνα Σακελλαροπούλου συζήτησαν το σχέδιο.",
            &[("Ντόρα Μπακογιάννη", Per)],
            &["Επιτροπή Ντόρα"],
        ),
        // A surname in -η or -α after a head not in the genitive is the genitive of its
        // namesake; after a genitive head it may be the holder of a title before it.
        case(
            "Οι μαθητές επισκέφθηκαν το Μουσείο Τσιτσάνη στα Τρίκαλα.",
            &[("Μουσείο Τσιτσάνη", Org), ("Τρίκαλα", Loc)],
            &[],
        ),
        case("Στο Ίδρυμα Τσαρούχη εκτίθενται τα σχέδια του ζωγράφου.", &[("Ίδρυμα Τσαρούχη", Org)], &[]),
        case(
            "Κατά τον πρόεδρο του Συλλόγου Καβάφη η έκθεση θα ανοίξει.",
            &[("Καβάφη", Per)],
            &["Συλλόγου Καβάφη"],
        ),
        // After a head in the genitive the person may hold a title before it.
        case(
            "Μίλησε ο διοικητής της Τράπεζας της Ελλάδος Γιάννης Στουρνάρας στη Βουλή.",
            &[("Τράπεζας της Ελλάδος", Org), ("Γιάννης Στουρνάρας", Per)],
            &[],
        ),
        case(
            "Τη μελέτη παρουσίασε η Πανελλήνια Ένωση Γονέων Παιδιών με Αυτισμό χθες.",
            &[("Πανελλήνια Ένωση Γονέων Παιδιών με Αυτισμό", Org)],
            &[],
        ),
        case(
            "Ο πρόεδρος του Ιατρικού Συλλόγου Γιώργος Καλαντζής δήλωσε ότι η απεργία συνεχίζεται.",
            &[("Ιατρικού Συλλόγου", Org), ("Γιώργος Καλαντζής", Per)],
            &[],
        ),
        // A person in the nominative after a name in the genitive is its member or head,
        // whether the person's given name is known or not.
        case(
            "Ο διευθυντής του Ινστιτούτου Γεωφυσικής Μάρκο Φερρέρο παρουσίασε τα στοιχεία.",
            &[("Ινστιτούτου Γεωφυσικής", Org), ("Μάρκο Φερρέρο", Per)],
            &[],
        ),
        case(
            "Ο πρόεδρος του Ταμείου Αλληλοβοήθειας Οσβάλντο Ρικέλμε ζήτησε νέα χρηματοδότηση.",
            &[("Ταμείου Αλληλοβοήθειας", Org), ("Οσβάλντο Ρικέλμε", Per)],
            &[],
        ),
        // An institution named after its place keeps it after its adjectives too; a court
        // or a council of a country is the country's.
        case(
            "Σπούδασε στο Τεχνολογικό Πανεπιστήμιο της Βιέννης πριν από δέκα χρόνια.",
            &[("Τεχνολογικό Πανεπιστήμιο της Βιέννης", Org)],
            &[],
        ),
        case(
            "Η έκθεση θα μεταφερθεί στη Δημοτική Βιβλιοθήκη της Λάρισας τον Μάιο.",
            &[("Δημοτική Βιβλιοθήκη της Λάρισας", Org)],
            &[],
        ),
        case(
            "Την προσφυγή απέρριψε το Ανώτατο Δικαστήριο της Βραζιλίας χθες.",
            &[("Ανώτατο Δικαστήριο", Org), ("Βραζιλίας", Loc)],
            &[],
        ),
    ]);
}

/// A listed name a veto drops (the place `Ελληνικό` inside a longer name) frees its words
/// for a rule of another label, never for one of the vetoed label: the organisation takes
/// them in, and no place comes back.
#[test]
fn vetoed_names_free_their_words_for_other_labels() {
    check(&[
        case(
            "Ο Σύνδεσμος Ελληνικού Κρασιού ανακοίνωσε χθες τα νέα μέτρα.",
            &[("Σύνδεσμος Ελληνικού Κρασιού", Org)],
            &[],
        ),
        case(
            "Το Εθνικό Κέντρο Ελληνικού Τραγουδιού θα ανοίξει τον Μάιο.",
            &[("Εθνικό Κέντρο Ελληνικού Τραγουδιού", Org)],
            &[],
        ),
    ]);
}

/// A lower-case descriptor before a name the lists hold alone (`το πρακτορείο`, `ο
/// ποταμός`) is the writer's word, outside the name; the news agency and the river are found
/// by their own names.
#[test]
fn descriptors_before_a_listed_name_stay_outside_it() {
    check(&[
        case(
            "Σύμφωνα με το πρακτορείο Reuters, η συνάντηση θα γίνει την Πέμπτη.",
            &[("Reuters", Org)],
            &["πρακτορείο"],
        ),
        case(
            "Όπως μετέδωσε το τουρκικό πρακτορείο Anadolu, οι συνομιλίες συνεχίζονται.",
            &[("Anadolu", Org)],
            &["πρακτορείο"],
        ),
        case("Το ρωσικό πρακτορείο ΤΑΣΣ επικαλείται πηγές του Κρεμλίνου.", &[("ΤΑΣΣ", Org)], &["πρακτορείο"]),
        case("Οι έρευνες στον ποταμό Έβρο συνεχίστηκαν και σήμερα.", &[("Έβρο", Loc)], &["ποταμό"]),
    ]);
}

/// Ministers and party leaders in the nominative, genitive, accusative and vocative, with a
/// portfolio or a title before them: the person comes out, the portfolio and nationality do not.
#[test]
fn ministers_and_leaders_in_every_case() {
    check(&[
        case(
            "Ο υπουργός Οικονομικών Κωστής Χατζηδάκης παρουσίασε τον προϋπολογισμό στη Βουλή.",
            &[("Κωστής Χατζηδάκης", Per), ("Βουλή", Org)],
            &["Οικονομικών"],
        ),
        case(
            "Η υπουργός Παιδείας Σοφία Ζαχαράκη επισκέφθηκε σχολεία στην Κοζάνη.",
            &[("Σοφία Ζαχαράκη", Per), ("Κοζάνη", Loc)],
            &["Παιδείας"],
        ),
        case(
            "Με τον υπουργό Εξωτερικών Γιώργο Γεραπετρίτη συναντήθηκε ο Τούρκος ομόλογός του.",
            &[("Γιώργο Γεραπετρίτη", Per)],
            &["Εξωτερικών", "Τούρκος"],
        ),
        case("Κύριε Μητσοτάκη, οι πολίτες περιμένουν απαντήσεις.", &[("Μητσοτάκη", Per)], &[]),
        case("Κυρία Κεραμέως, τι απαντάτε στους συνδικαλιστές;", &[("Κεραμέως", Per)], &[]),
        case(
            "Η δήλωση του Νίκου Ανδρουλάκη προκάλεσε αντιδράσεις στη Νέα Δημοκρατία.",
            &[("Νίκου Ανδρουλάκη", Per), ("Νέα Δημοκρατία", Org)],
            &[],
        ),
        case(
            "Ο πρόεδρος Εμανουέλ Μακρόν τηλεφώνησε στον Κυριάκο Μητσοτάκη.",
            &[("Εμανουέλ Μακρόν", Per), ("Κυριάκο Μητσοτάκη", Per)],
            &[],
        ),
        case(
            "Η αντιπολίτευση κατηγόρησε τον Άδωνι Γεωργιάδη για τα νοσοκομεία.",
            &[("Άδωνι Γεωργιάδη", Per)],
            &[],
        ),
        case(
            "Απάντηση του Κυριάκου Πιερρακάκη στον Σωκράτη Φάμελλο.",
            &[("Κυριάκου Πιερρακάκη", Per), ("Σωκράτη Φάμελλο", Per)],
            &[],
        ),
        case(
            "Ο Αλέξης Τσίπρας παρουσίασε το βιβλίο του στο Μέγαρο Μουσικής.",
            &[("Αλέξης Τσίπρας", Per)],
            &[],
        ),
        case(
            "Ο πρώην πρωθυπουργός Κώστας Καραμανλής μίλησε στη Θεσσαλονίκη.",
            &[("Κώστας Καραμανλής", Per), ("Θεσσαλονίκη", Loc)],
            &[],
        ),
        case(
            "Ο Πρόεδρος της Δημοκρατίας Κωνσταντίνος Τασούλας υπέγραψε το διάταγμα.",
            &[("Κωνσταντίνος Τασούλας", Per)],
            &[],
        ),
        case("Κύριε Ανδρουλάκη, θα συνεργαστείτε με τη ΝΔ;", &[("Ανδρουλάκη", Per), ("ΝΔ", Org)], &[]),
        case("Κυρία Ζαχαράκη, τα σχολεία δεν έχουν θέρμανση.", &[("Ζαχαράκη", Per)], &[]),
        case("Η Κεραμέως απάντησε στις επικρίσεις της ΑΔΕΔΥ.", &[("Κεραμέως", Per), ("ΑΔΕΔΥ", Org)], &[]),
        case("Στην Ολομέλεια μίλησε ο Νίκος Παππάς.", &[("Νίκος Παππάς", Per)], &["Ολομέλεια"]),
        case("Ο Στέφανος Κασσελάκης ίδρυσε νέο κόμμα.", &[("Στέφανος Κασσελάκης", Per)], &[]),
        case(
            "Ο Αμερικανός πρέσβης στην Αθήνα συναντήθηκε με τον Νίκο Δένδια.",
            &[("Αθήνα", Loc), ("Νίκο Δένδια", Per)],
            &["Αμερικανός"],
        ),
    ]);
}

/// Parties, unions, public services and local government by their names and acronyms.
#[test]
fn parties_unions_and_public_bodies() {
    check(&[
        case(
            "Το ΠΑΣΟΚ και ο ΣΥΡΙΖΑ καταψήφισαν το νομοσχέδιο του υπουργείου Υγείας.",
            &[("ΠΑΣΟΚ", Org), ("ΣΥΡΙΖΑ", Org)],
            &[],
        ),
        case("Η ΑΔΕΔΥ κήρυξε 24ωρη απεργία για την Τετάρτη.", &[("ΑΔΕΔΥ", Org)], &["Τετάρτη"]),
        case("Η ΓΣΕΕ ζήτησε αύξηση του κατώτατου μισθού.", &[("ΓΣΕΕ", Org)], &[]),
        case(
            "Ο πρόεδρος της ΓΣΕΕ Γιάννης Παναγόπουλος απάντησε στην κυβέρνηση.",
            &[("ΓΣΕΕ", Org), ("Γιάννης Παναγόπουλος", Per)],
            &[],
        ),
        case("Η Ελληνική Λύση ζήτησε εξεταστική επιτροπή.", &[("Ελληνική Λύση", Org)], &[]),
        case(
            "Στελέχη της Νίκης και της Πλεύσης Ελευθερίας επέκριναν την απόφαση.",
            &[("Πλεύσης Ελευθερίας", Org)],
            &[],
        ),
        case("Το ΚΚΕ οργάνωσε συλλαλητήριο στην πλατεία Συντάγματος.", &[("ΚΚΕ", Org)], &[]),
        case("Ο εκπρόσωπος του ΚΙΝΑΛ μίλησε στην ΕΡΤ.", &[("ΕΡΤ", Org)], &[]),
        case("Η ΑΑΔΕ έστειλε ειδοποιήσεις σε χιλιάδες φορολογούμενους.", &[("ΑΑΔΕ", Org)], &[]),
        case("Ο ΕΦΚΑ καθυστερεί τις συντάξεις.", &[("ΕΦΚΑ", Org)], &[]),
        case("Η ΝΔ προηγείται στη δημοσκόπηση της Pulse.", &[("ΝΔ", Org)], &[]),
        case("Η ΟΛΜΕ και η ΔΟΕ αντιδρούν στην αξιολόγηση.", &[("ΟΛΜΕ", Org), ("ΔΟΕ", Org)], &[]),
        case(
            "Η «Νέα Αριστερά» ζήτησε τη σύγκληση της Βουλής.",
            &[("Νέα Αριστερά", Org), ("Βουλής", Org)],
            &[],
        ),
        case("Η ΠΟΕΔΗΝ διαμαρτυρήθηκε έξω από το υπουργείο Υγείας.", &[("ΠΟΕΔΗΝ", Org)], &[]),
        case("Ο Δήμος Πειραιά ανακοίνωσε δωρεάν συγκοινωνία.", &[("Δήμος Πειραιά", Org)], &[]),
        case(
            "Η Περιφέρεια Κεντρικής Μακεδονίας χρηματοδοτεί νέα έργα.",
            &[("Περιφέρεια Κεντρικής Μακεδονίας", Org)],
            &[],
        ),
        case("Στο δημοτικό συμβούλιο Θεσσαλονίκης συζητήθηκε το μετρό.", &[("Θεσσαλονίκης", Loc)], &[]),
        case(
            "Ο περιφερειάρχης Αττικής Νίκος Χαρδαλιάς επισκέφθηκε τις πληγείσες περιοχές.",
            &[("Αττικής", Loc), ("Νίκος Χαρδαλιάς", Per)],
            &[],
        ),
        case("Οι κάτοικοι της Νέας Σμύρνης διαμαρτυρήθηκαν στο δημαρχείο.", &[("Νέας Σμύρνης", Loc)], &[]),
        case("Η ΕΛ.ΑΣ. συνέλαβε τρεις υπόπτους στον Ασπρόπυργο.", &[("Ασπρόπυργο", Loc)], &[]),
        case(
            "Ο δήμαρχος Ηρακλείου ζήτησε ενίσχυση από το υπουργείο Εσωτερικών.",
            &[("Ηρακλείου", Loc), ("υπουργείο Εσωτερικών", Org)],
            &[],
        ),
    ]);
}

/// EU bodies, international organisations and foreign leaders, with their nationality
/// adjectives left out.
#[test]
fn eu_bodies_and_foreign_leaders() {
    check(&[
        case(
            "Η Ευρωπαϊκή Επιτροπή ενέκρινε το ελληνικό σχέδιο ανάκαμψης.",
            &[("Ευρωπαϊκή Επιτροπή", Org)],
            &["ελληνικό"],
        ),
        case(
            "Η πρόεδρος της Κομισιόν Ούρσουλα φον ντερ Λάιεν μίλησε στο Ευρωπαϊκό Κοινοβούλιο.",
            &[("Ευρωπαϊκό Κοινοβούλιο", Org)],
            &[],
        ),
        case(
            "Ο Τούρκος πρόεδρος Ρετζέπ Ταγίπ Ερντογάν απείλησε ξανά την Αθήνα.",
            &[("Ρετζέπ Ταγίπ Ερντογάν", Per), ("Αθήνα", Loc)],
            &["Τούρκος"],
        ),
        case(
            "Ο Ντόναλντ Τραμπ ανακοίνωσε νέους δασμούς στα ευρωπαϊκά προϊόντα.",
            &[("Ντόναλντ Τραμπ", Per)],
            &[],
        ),
        case("Η Ευρωπαϊκή Κεντρική Τράπεζα αύξησε τα επιτόκια.", &[("Ευρωπαϊκή Κεντρική Τράπεζα", Org)], &[]),
        case("Η Κριστίν Λαγκάρντ προειδοποίησε για τον πληθωρισμό.", &[("Κριστίν Λαγκάρντ", Per)], &[]),
        case(
            "Ο Βλαντιμίρ Πούτιν συναντήθηκε με τον Κινέζο πρόεδρο Σι Τζινπίνγκ.",
            &[("Βλαντιμίρ Πούτιν", Per)],
            &["Κινέζο"],
        ),
        case(
            "Ο Ουκρανός πρόεδρος Βολοντίμιρ Ζελένσκι ζήτησε όπλα από το ΝΑΤΟ.",
            &[("Βολοντίμιρ Ζελένσκι", Per), ("ΝΑΤΟ", Org)],
            &["Ουκρανός"],
        ),
        case(
            "Οι υπουργοί Εσωτερικών της ΕΕ συνεδρίασαν στις Βρυξέλλες.",
            &[("ΕΕ", Org), ("Βρυξέλλες", Loc)],
            &["Εσωτερικών"],
        ),
        case(
            "Ο επίτροπος Μετανάστευσης επισκέφθηκε τη Λέσβο και τη Σάμο.",
            &[("Λέσβο", Loc), ("Σάμο", Loc)],
            &["Μετανάστευσης"],
        ),
        case(
            "Η κυβέρνηση του Ισραήλ απέρριψε την πρόταση της Αιγύπτου.",
            &[("Ισραήλ", Loc), ("Αιγύπτου", Loc)],
            &[],
        ),
        case(
            "Ο Μπέντζαμιν Νετανιάχου μίλησε στη Γενική Συνέλευση του ΟΗΕ.",
            &[("Μπέντζαμιν Νετανιάχου", Per), ("Γενική Συνέλευση του ΟΗΕ", Org)],
            &[],
        ),
        case("Η Γερμανίδα καγκελάριος επισκέφθηκε την Αθήνα.", &[("Αθήνα", Loc)], &["Γερμανίδα"]),
        case("Ο Ζελένσκι ευχαρίστησε τον λαό της Πολωνίας.", &[("Ζελένσκι", Per), ("Πολωνίας", Loc)], &[]),
        case("Το Eurogroup ενέκρινε την εκταμίευση της δόσης.", &[("Eurogroup", Org)], &[]),
        case(
            "Ο Μητσοτάκης θα μεταβεί στις Βρυξέλλες για τη Σύνοδο Κορυφής.",
            &[("Μητσοτάκης", Per), ("Βρυξέλλες", Loc)],
            &[],
        ),
        case(
            "Ο Ερντογάν και ο Μητσοτάκης συμφώνησαν σε νέο γύρο διερευνητικών.",
            &[("Ερντογάν", Per), ("Μητσοτάκης", Per)],
            &[],
        ),
        case("Η Κομισιόν στέλνει κλιμάκιο στην Κέρκυρα.", &[("Κομισιόν", Org), ("Κέρκυρα", Loc)], &[]),
        case(
            "Ο Ολάφ Σολτς και η Τζόρτζια Μελόνι συμφώνησαν.",
            &[("Ολάφ Σολτς", Per), ("Τζόρτζια Μελόνι", Per)],
            &[],
        ),
        case(
            "Η Τζόρτζια Μελόνι υποδέχτηκε τον Κιρ Στάρμερ στη Ρώμη.",
            &[("Τζόρτζια Μελόνι", Per), ("Κιρ Στάρμερ", Per), ("Ρώμη", Loc)],
            &[],
        ),
        case(
            "Ο Σέρβος πρόεδρος Αλεξάνταρ Βούτσιτς επισκέφθηκε τη Θεσσαλονίκη.",
            &[("Αλεξάνταρ Βούτσιτς", Per), ("Θεσσαλονίκη", Loc)],
            &[],
        ),
        case("Οι δηλώσεις του Βούτσιτς ενόχλησαν τα Σκόπια.", &[("Βούτσιτς", Per), ("Σκόπια", Loc)], &[]),
        case(
            "Νέα συνάντηση Ανδρουλάκη-Φάμελλου για τη συνεργασία της κεντροαριστεράς.",
            &[("Ανδρουλάκη", Per), ("Φάμελλου", Per)],
            &[],
        ),
    ]);
}

/// Courts and independent authorities, by their full names and in the genitive.
#[test]
fn courts_and_independent_authorities() {
    check(&[
        case(
            "Το Συμβούλιο της Επικρατείας έκρινε αντισυνταγματική τη διάταξη.",
            &[("Συμβούλιο της Επικρατείας", Org)],
            &[],
        ),
        case("Ο Άρειος Πάγος διέταξε έρευνα για τα Τέμπη.", &[("Άρειος Πάγος", Org), ("Τέμπη", Loc)], &[]),
        case(
            "Υπέρ της Ελλάδας αποφάνθηκε χθες το Ευρωπαϊκό Δικαστήριο Ανθρωπίνων Δικαιωμάτων.",
            &[("Ευρωπαϊκό Δικαστήριο Ανθρωπίνων Δικαιωμάτων", Org), ("Ελλάδας", Loc)],
            &[],
        ),
        case(
            "Το Μονομελές Πλημμελειοδικείο Αθηνών ανέβαλε τη δίκη.",
            &[("Μονομελές Πλημμελειοδικείο Αθηνών", Org)],
            &[],
        ),
        case("Το Ελεγκτικό Συνέδριο μπλόκαρε τη σύμβαση.", &[("Ελεγκτικό Συνέδριο", Org)], &[]),
        case(
            "Η Επιτροπή Ανταγωνισμού επέβαλε πρόστιμο στην ΔΕΗ.",
            &[("Επιτροπή Ανταγωνισμού", Org), ("ΔΕΗ", Org)],
            &[],
        ),
        case("Η Εισαγγελία Αθηνών άσκησε δίωξη.", &[("Εισαγγελία Αθηνών", Org)], &[]),
        case("Ο εισαγγελέας του Αρείου Πάγου ζήτησε έρευνα.", &[("Αρείου Πάγου", Org)], &[]),
    ]);
}

/// Headlines in capitals, and names typed with Latin letters that look like Greek ones
/// (`NATO`, `ΕΡT`, `AΘΗΝΑ`): the names still come out as typed.
#[test]
fn more_headlines_in_capitals_and_latin_look_alikes() {
    check(&[
        case(
            "ΣΥΝΑΝΤΗΣΗ ΜΗΤΣΟΤΑΚΗ - ΕΡΝΤΟΓΑΝ ΓΙΑ ΤΟ ΜΕΤΑΝΑΣΤΕΥΤΙΚΟ",
            &[("ΜΗΤΣΟΤΑΚΗ", Per), ("ΕΡΝΤΟΓΑΝ", Per)],
            &["ΣΥΝΑΝΤΗΣΗ", "ΜΕΤΑΝΑΣΤΕΥΤΙΚΟ"],
        ),
        case("ΑΠΕΡΓΙΑ ΣΤΑ ΜΜΜ ΤΗΝ ΠΕΜΠΤΗ", &[], &["ΑΠΕΡΓΙΑ", "ΠΕΜΠΤΗ"]),
        case("ΝΕΟ ΠΑΚΕΤΟ ΣΤΗΡΙΞΗΣ ΑΠΟ ΤΗΝ ΚΥΒΕΡΝΗΣΗ", &[], &["ΠΑΚΕΤΟ", "ΣΤΗΡΙΞΗΣ", "ΚΥΒΕΡΝΗΣΗ"]),
        case(
            "Η ΚΟΜΙΣΙΟΝ ΕΓΚΡΙΝΕΙ ΤΟ ΣΧΕΔΙΟ ΓΙΑ ΤΗΝ ΕΛΛΑΔΑ",
            &[("ΚΟΜΙΣΙΟΝ", Org), ("ΕΛΛΑΔΑ", Loc)],
            &["ΕΓΚΡΙΝΕΙ"],
        ),
        case("Ο πρωθυπουργός ταξίδεψε στην Άγκυρα.", &[("Άγκυρα", Loc)], &[]),
        case("ΣΥΣΚΕΨΗ ΣΤΗΝ ΑΘΗΝΑ ΓΙΑ ΤΙΣ ΠΥΡΚΑΓΙΕΣ", &[("ΑΘΗΝΑ", Loc)], &["ΣΥΣΚΕΨΗ", "ΠΥΡΚΑΓΙΕΣ"]),
        case("Ο ΜΗΤΣΟΤΑΚΗΣ ΣΤΗ ΘΕΣΣΑΛΟΝΙΚΗ", &[("ΜΗΤΣΟΤΑΚΗΣ", Per), ("ΘΕΣΣΑΛΟΝΙΚΗ", Loc)], &[]),
        case("Το NATO συνεδριάζει στη Χάγη.", &[("NATO", Org), ("Χάγη", Loc)], &[]),
        case("Η ΕΡT μετέδωσε τη συνέντευξη.", &[("ΕΡT", Org)], &[]),
        case("Ο Μητσοτάκης μίλησε στην AΘΗΝΑ.", &[("Μητσοτάκης", Per), ("AΘΗΝΑ", Loc)], &[]),
        case("Ο ΣΥΡIΖΑ καταψήφισε.", &[("ΣΥΡIΖΑ", Org)], &[]),
        case("Το ΚΚE ζητά εκλογές.", &[("ΚΚE", Org)], &[]),
        case("Οι αγρότες της Θεσσαλίας έκλεισαν την εθνική οδό Αθηνών-Λαμίας.", &[("Θεσσαλίας", Loc)], &[]),
        case("Την Κυριακή θα ψηφίσουν οι κάτοικοι της Κρήτης.", &[("Κρήτης", Loc)], &["Κυριακή"]),
        case("Η Βουλή των Ελλήνων ψήφισε τον νέο Ποινικό Κώδικα.", &[("Βουλή των Ελλήνων", Org)], &[]),
    ]);
}

/// A municipality officially named by its inhabitants in the genitive (`Δήμος Πατρέων`):
/// after a title the word says whose mayor, not who; the person after it still comes out.
#[test]
fn mayors_named_by_their_inhabitants() {
    check(&[
        case("Ο δήμαρχος Αθηναίων Χάρης Δούκας ζήτησε περισσότερους πόρους.", &[("Χάρης Δούκας", Per)], &[]),
        case("Ο δήμαρχος Λαρισαίων μίλησε για τις πλημμύρες.", &[], &["Λαρισαίων"]),
        case("Ο Δήμος Πατρέων ανακοίνωσε νέα μέτρα.", &[("Δήμος Πατρέων", Org)], &[]),
        case("Ο Δήμος Λαρισαίων ανακοίνωσε νέα μέτρα.", &[("Δήμος Λαρισαίων", Org)], &[]),
        case("Ο δήμαρχος Λαρισαίων Θανάσης Μαχαίρας μίλησε.", &[("Θανάσης Μαχαίρας", Per)], &["Λαρισαίων"]),
        case("Στον δήμαρχο Χαλκιδέων απευθύνθηκαν οι κάτοικοι.", &[], &["Χαλκιδέων"]),
        case("Ο δήμαρχος Ιωαννιτών ζήτησε χρηματοδότηση.", &[], &["Ιωαννιτών"]),
    ]);
}

/// A conjunction that opens a sentence is capitalised there, and no name
/// (`Εφόσον`, `Καθόσον` end like a surname).
#[test]
fn conjunctions_at_a_sentence_start_are_no_names() {
    check(&[
        case("Εφόσον ψηφιστεί η τροπολογία, οι συντάξεις θα αυξηθούν.", &[], &["Εφόσον"]),
        case("Καθόσον αφορά τη Βουλή, η συζήτηση θα γίνει την Πέμπτη.", &[("Βουλή", Org)], &["Καθόσον"]),
        case(
            "Εφόσον το ζητήσει ο Νίκος Ανδρουλάκης, η επιτροπή θα συνεδριάσει.",
            &[("Νίκος Ανδρουλάκης", Per)],
            &["Εφόσον"],
        ),
        case("Καθώς ο υπουργός μιλούσε, οι αγρότες έκλειναν την Εγνατία.", &[("Εγνατία", Loc)], &["Καθώς"]),
    ]);
}

/// A listed person, a hyphen and a second surname (`Άννα Διαμαντοπούλου-Ιωάννου`): the
/// double surname is the person's name, not cut at the hyphen; unlisted ones are whole too.
#[test]
fn double_surnames_are_whole() {
    check(&[
        case(
            "Η Άννα Διαμαντοπούλου-Ιωάννου μίλησε χθες στη Βουλή.",
            &[("Άννα Διαμαντοπούλου-Ιωάννου", Per), ("Βουλή", Org)],
            &[],
        ),
        case(
            "Την ερώτηση κατέθεσε η βουλευτής Ντόρα Μπακογιάννη-Σταματίου.",
            &[("Ντόρα Μπακογιάννη-Σταματίου", Per)],
            &[],
        ),
        case(
            "Ο Κυριάκος Μητσοτάκης-Λαζαρίδης δήλωσε ότι θα είναι υποψήφιος.",
            &[("Κυριάκος Μητσοτάκης-Λαζαρίδης", Per)],
            &[],
        ),
        case(
            "Στη συνέντευξή της η Διαμαντοπούλου-Ιωάννου απάντησε σε όλα.",
            &[("Διαμαντοπούλου-Ιωάννου", Per)],
            &[],
        ),
        case("Η Ελπίδα Ζαρκάδα-Μαυρίκου μίλησε στο συνέδριο.", &[("Ελπίδα Ζαρκάδα-Μαυρίκου", Per)], &[]),
        // The first surname listed (`Μιχελάκης`) after an unlisted given name, the second not.
        case("Η Ελπίδα Μιχελάκη-Ζαρκάδα μίλησε στο συνέδριο.", &[("Ελπίδα Μιχελάκη-Ζαρκάδα", Per)], &[]),
        // The second surname listed (`Μιχελάκης`), the first not.
        case("Η Ελπίδα Ζαρκάδα-Μιχελάκη μίλησε στο συνέδριο.", &[("Ελπίδα Ζαρκάδα-Μιχελάκη", Per)], &[]),
        case(
            "Όπως εξήγησε η δρ Ελπίδα Ζαρκάδα-Μιχελάκη, η κατάσταση είναι σοβαρή.",
            &[("Ελπίδα Ζαρκάδα-Μιχελάκη", Per)],
            &[],
        ),
        case(
            "Ο Γιάννης Παπαδόπουλος-Μιχελάκης μίλησε στο συνέδριο.",
            &[("Γιάννης Παπαδόπουλος-Μιχελάκης", Per)],
            &[],
        ),
    ]);
}

/// The double surname keeps the listed person's id after a full name, and a surname alone
/// does not (it names many persons). Two surnames without an article are two persons
/// paired, each its own mention.
#[test]
fn double_surname_ids_and_pairs() {
    let listed = id_of("Η Άννα Διαμαντοπούλου μίλησε.", "Άννα Διαμαντοπούλου").expect("listed");
    assert!(!listed.is_empty());
    let double = id_of("Η Άννα Διαμαντοπούλου-Ιωάννου μίλησε.", "Άννα Διαμαντοπούλου-Ιωάννου");
    assert_eq!(double.as_deref(), Some(listed.as_str()));
    let alone = id_of("Η Διαμαντοπούλου-Ιωάννου μίλησε.", "Διαμαντοπούλου-Ιωάννου");
    assert_eq!(alone.as_deref(), Some(""));
    let pair = NER.extract("Η συνάντηση Μητσοτάκη-Καλλέργη κράτησε δύο ώρες.");
    let texts: Vec<_> = pair.iter().map(|e| e.text()).collect();
    assert!(texts.contains(&"Μητσοτάκη") && !texts.iter().any(|t| t.contains('-')), "{texts:?}");
}

/// The nations of the United Kingdom and Korea as a whole are places, in every case; the
/// two Korean states keep their own names.
#[test]
fn nations_of_the_united_kingdom_and_korea() {
    check(&[
        case("Το δημοψήφισμα για την ανεξαρτησία της Σκοτίας επανέρχεται.", &[("Σκοτίας", Loc)], &[]),
        case(
            "Ο πρωθυπουργός επισκέφθηκε τη Σκοτία και την Ουαλία.",
            &[("Σκοτία", Loc), ("Ουαλία", Loc)],
            &[],
        ),
        case("Η Κορέα χωρίστηκε στα δύο μετά τον πόλεμο, είπε ο ιστορικός.", &[("Κορέα", Loc)], &[]),
        case(
            "Η Βόρεια Κορέα κατηγόρησε τη Νότια Κορέα για προκλήσεις.",
            &[("Βόρεια Κορέα", Loc), ("Νότια Κορέα", Loc)],
            &[],
        ),
    ]);
    // Both spellings of Scotland are one entry, named by the standard one.
    let text = "Η Σκοτία, ή Σκωτία, ψήφισε.";
    let canonical: Vec<_> = NER.extract(text).iter().map(|e| e.canonical().map(str::to_owned)).collect();
    assert_eq!(canonical, [Some("Σκωτία".to_owned()), Some("Σκωτία".to_owned())], "{text}");
}

/// After an abbreviated honorific (`κ.`, `κα`, `κος`) comes a person's surname, whatever its
/// ending: surnames in -ής end like the genitive of feminine adjectives.
#[test]
fn surnames_after_an_honorific() {
    check(&[
        case("Την απόφαση ανακοίνωσε ο κ. Μπαλτατζής στους δημοσιογράφους.", &[("Μπαλτατζής", Per)], &[]),
        case("Όπως είπε ο κος Χατζηλιαδής, οι εργασίες ξεκινούν.", &[("Χατζηλιαδής", Per)], &[]),
        case("Τα μέτρα παρουσίασε ο κος Βρεττάκος το πρωί.", &[("Βρεττάκος", Per)], &[]),
        case("Ο υφυπουργός Ψηφιακής Διακυβέρνησης μίλησε χθες.", &[], &["Ψηφιακής"]),
        // After the article alone, a word in stressed -ής is as often an adjective or a noun.
        case("Χθες ο Ασθενής της πτέρυγας πήρε εξιτήριο.", &[], &["Ασθενής"]),
    ]);
}

/// Opinion polls: the pollster and the channel or paper that ordered it are organisations,
/// the channel by the name the press writes (`το Mega`, not only `MEGA`); a lower-case
/// `mega` is no channel.
#[test]
fn polls_and_the_media_that_order_them() {
    check(&[
        case(
            "Σύμφωνα με δημοσκόπηση της Pulse για τον ΣΚΑΪ, η ΝΔ προηγείται.",
            &[("Pulse", Org), ("ΣΚΑΪ", Org), ("ΝΔ", Org)],
            &[],
        ),
        case(
            "Νέα μέτρηση της Metron Analysis για το Mega δείχνει άνοδο του ΠΑΣΟΚ.",
            &[("Metron Analysis", Org), ("Mega", Org), ("ΠΑΣΟΚ", Org)],
            &[],
        ),
        case("Στις 21:00 στο Mega η νέα σειρά της σεζόν.", &[("Mega", Org)], &[]),
        case(
            "Η Opinion Poll για το Action24 καταγράφει άνοδο της Ελληνικής Λύσης.",
            &[("Opinion Poll", Org), ("Action24", Org), ("Ελληνικής Λύσης", Org)],
            &[],
        ),
        case(
            "Στην έρευνα της GPO για το Παραπολιτικά, ο ΣΥΡΙΖΑ ακολουθεί.",
            &[("GPO", Org), ("ΣΥΡΙΖΑ", Org)],
            &[],
        ),
        case("Ήταν ένα mega πάρτι στη Μύκονο.", &[("Μύκονο", Loc)], &["mega"]),
    ]);
}

/// Everyday political news: reshuffles and officials with their titles, regional governors
/// and mayors with their region or city, unions and strikes, summits and alliances, Greek-
/// Turkish relations and migration; initials and women's names in the genitive.
#[test]
fn officials_unions_summits_and_migration() {
    check(&[
        case(
            "Ο υπουργός Άμυνας Νίκος Δένδιας μετέβη στην Κύπρο για συνομιλίες.",
            &[("Νίκος Δένδιας", Per), ("Κύπρο", Loc)],
            &["Άμυνας"],
        ),
        case(
            "Ο περιφερειάρχης Αττικής Νίκος Χαρδαλιάς επισκέφθηκε τις πληγείσες περιοχές.",
            &[("Αττικής", Loc), ("Νίκος Χαρδαλιάς", Per)],
            &[],
        ),
        case(
            "Ο περιφερειάρχης Κρήτης Σταύρος Αρναουτάκης ζήτησε στήριξη.",
            &[("Κρήτης", Loc), ("Σταύρος Αρναουτάκης", Per)],
            &[],
        ),
        case(
            "Ο δήμαρχος Θεσσαλονίκης Στέλιος Αγγελούδης ανακοίνωσε έργα.",
            &[("Θεσσαλονίκης", Loc), ("Στέλιος Αγγελούδης", Per)],
            &[],
        ),
        case(
            "Η ΓΣΕΕ και η ΑΔΕΔΥ κήρυξαν 24ωρη γενική απεργία την Τετάρτη.",
            &[("ΓΣΕΕ", Org), ("ΑΔΕΔΥ", Org)],
            &["Τετάρτη"],
        ),
        case("Στάση εργασίας της ΠΟΕΔΗΝ στα νοσοκομεία.", &[("ΠΟΕΔΗΝ", Org)], &[]),
        case("Η ΟΛΜΕ αντιδρά στην αξιολόγηση των εκπαιδευτικών.", &[("ΟΛΜΕ", Org)], &[]),
        case(
            "Στη σύνοδο κορυφής της ΕΕ στις Βρυξέλλες συζητήθηκε το μεταναστευτικό.",
            &[("ΕΕ", Org), ("Βρυξέλλες", Loc)],
            &[],
        ),
        case(
            "Στη Σύνοδο του ΝΑΤΟ στη Βίλνιους συμμετείχε ο πρωθυπουργός.",
            &[("ΝΑΤΟ", Org), ("Βίλνιους", Loc)],
            &["Σύνοδο"],
        ),
        case(
            "Ο Κ. Χατζηδάκης παρουσίασε τον προϋπολογισμό στη Βουλή.",
            &[("Κ. Χατζηδάκης", Per), ("Βουλή", Org)],
            &[],
        ),
        case("Ο Στ. Κασσελάκης ίδρυσε νέο κόμμα.", &[("Στ. Κασσελάκης", Per)], &[]),
        case("Η πρόταση της Ντόρας Μπακογιάννη δεν έγινε δεκτή.", &[("Ντόρας Μπακογιάννη", Per)], &[]),
        case("Η ομιλία της Άννας Διαμαντοπούλου στο συνέδριο.", &[("Άννας Διαμαντοπούλου", Per)], &[]),
        case(
            "Η πρόταση της κυρίας Κεραμέως συζητήθηκε στη Βουλή.",
            &[("Κεραμέως", Per), ("Βουλή", Org)],
            &["κυρίας"],
        ),
        case(
            "Ο Έλληνας ΥΠΕΞ Γιώργος Γεραπετρίτης συναντήθηκε με τον Χακάν Φιντάν.",
            &[("Γιώργος Γεραπετρίτης", Per), ("Χακάν Φιντάν", Per)],
            &["Έλληνας"],
        ),
        case(
            "Η Άγκυρα αμφισβητεί την ελληνική κυριαρχία στο Αιγαίο.",
            &[("Άγκυρα", Loc), ("Αιγαίο", Loc)],
            &[],
        ),
        case(
            "Η Λιμενική Αστυνομία διέσωσε 40 μετανάστες ανοιχτά της Κω.",
            &[("Λιμενική Αστυνομία", Org), ("Κω", Loc)],
            &[],
        ),
        case(
            "Ο υφυπουργός Μετανάστευσης επισκέφθηκε το ΚΥΤ της Σάμου.",
            &[("Σάμου", Loc)],
            &["Μετανάστευσης"],
        ),
        case(
            "Η Ελληνική Λύση του Κυριάκου Βελόπουλου ζήτησε εκλογές.",
            &[("Ελληνική Λύση", Org), ("Κυριάκου Βελόπουλου", Per)],
            &[],
        ),
        case(
            "Η Ούρσουλα φον ντερ Λάιεν επισκέφθηκε την Αθήνα.",
            &[("Ούρσουλα φον ντερ Λάιεν", Per), ("Αθήνα", Loc)],
            &[],
        ),
    ]);
}
