//! Adaptation from an annotated IOB2 corpus (`RecognizerBuilder::learn_iob2`) and the IOB2
//! reader's error contract. The fixtures in `tests/data/` are ours (fictional names).

use greek_ner::{iob2, Label, Recognizer};

fn data(name: &str) -> String {
    format!("{}/tests/data/{name}", env!("CARGO_MANIFEST_DIR"))
}

/// Without the embedded gazetteers, so that the debug-mode test stays fast.
fn learned() -> Recognizer {
    Recognizer::builder().default_gazetteers(false).learn_iob2(data("learn_mini.iob2")).build().unwrap()
}

fn found(ner: &Recognizer, text: &str) -> Vec<(String, Label)> {
    ner.extract(text).into_iter().map(|e| (e.text().to_string(), e.label)).collect()
}

#[test]
fn learned_names_are_found_and_declined() {
    let ner = learned();
    let ents = ner.extract("Ο Ανδρέας Λοβέρδης μίλησε για την Ένωση Φίλων Ποδηλάτου.");
    let got: Vec<_> = ents.iter().map(|e| (e.text(), e.label)).collect();
    assert_eq!(got, [("Ανδρέας Λοβέρδης", Label::Per), ("Ένωση Φίλων Ποδηλάτου", Label::Org)]);
    assert_eq!(ents[0].source.to_string(), "gazetteer:learned:learn_mini.iob2:2");
    assert_eq!(ents[0].id(), Some("learned:PER:ανδρέας-λοβέρδης"));
    // Case forms and capitals without accents, like any gazetteer entry.
    let got = found(&ner, "ΔΗΛΩΣΗ ΤΟΥ ΑΝΔΡΕΑ ΛΟΒΕΡΔΗ ΣΤΟ ΙΔΡΥΜΑ ΜΑΡΚΟΠΟΥΛΟΥ");
    assert!(got.contains(&("ΑΝΔΡΕΑ ΛΟΒΕΡΔΗ".to_string(), Label::Per)), "{got:?}");
    assert!(got.contains(&("ΙΔΡΥΜΑ ΜΑΡΚΟΠΟΥΛΟΥ".to_string(), Label::Org)), "{got:?}");
}

#[test]
fn names_mostly_left_untagged_are_dropped() {
    // `Νεφέλη` is tagged once (LOC) and left untagged twice where it is capitalised (its
    // place inside a MISC name counts for neither).
    let corpus = iob2::read(data("learn_mini.iob2")).unwrap();
    let (gazetteers, stats) = greek_ner::learn::learn("learn_mini.iob2", &corpus).unwrap();
    let names: Vec<&str> = gazetteers.iter().flat_map(|g| g.entries()).map(|e| e.canonical()).collect();
    assert!(!names.contains(&"Νεφέλη"), "{names:?}");
    assert!(names.contains(&"Ίδρυμα Μαρκοπούλου"), "{names:?}");
    assert_eq!(stats.dropped, 1);
}

#[test]
fn labels_map_like_the_scorer() {
    // GPE is read as LOC.
    let ner = learned();
    let got = found(&ner, "Νέα πλατεία στην Καλλιθέα.");
    assert!(got.contains(&("Καλλιθέα".to_string(), Label::Loc)), "{got:?}");
}

#[test]
fn same_corpus_from_a_string() {
    let text = std::fs::read_to_string(data("learn_mini.iob2")).unwrap();
    let a =
        Recognizer::builder().default_gazetteers(false).learn_iob2_str("mini.iob2", text).build().unwrap();
    let ents = a.extract("Το Ίδρυμα Μαρκοπούλου απάντησε.");
    assert_eq!(ents[0].text(), "Ίδρυμα Μαρκοπούλου");
    assert_eq!(ents[0].source.to_string(), "gazetteer:learned:mini.iob2:35");
}

#[test]
fn text_is_rebuilt_like_nereval() {
    let corpus = iob2::read(data("learn_mini.iob2")).unwrap();
    assert_eq!(corpus.sentences.len(), 7);
    assert_eq!(corpus.sentences[2].text, "«Δεν θα υποχωρήσουμε», δήλωσε ο Λοβέρδης.");
    assert_eq!(corpus.sentences[5].text, "Ο Μάρκος Ζαφείρης και ο Μάρκος Τερζής μίλησαν (χθες).");
    let s = &corpus.sentences[0];
    let per = &s.spans[0];
    assert_eq!((per.char_start, per.char_end, per.label), (2, 18, Some(Label::Per)));
    assert_eq!(s.spans[1].kind, "GPE");
    assert_eq!(s.spans[1].label, Some(Label::Loc));
    // MISC is kept, unscored.
    assert_eq!(corpus.sentences[3].spans[1].label, None);
}

/// Broken corpora are errors naming the file, the line and the field, never panics.
#[test]
fn broken_corpora_name_file_line_and_field() {
    for (file, line, field, msg) in [
        ("bad_missing_tag.iob2", Some(3), Some("tag"), "no tag column"),
        ("bad_tag.iob2", Some(3), Some("tag"), "bad tag"),
        ("bad_utf8.iob2", Some(2), None, "UTF-8"),
    ] {
        let err = Recognizer::builder().default_gazetteers(false).learn_iob2(data(file)).build().unwrap_err();
        assert!(err.file().ends_with(file), "{err}");
        assert_eq!((err.line(), err.field()), (line, field), "{err}");
        assert!(err.to_string().contains(msg), "{err}");
    }
    let err = Recognizer::builder()
        .default_gazetteers(false)
        .learn_iob2(data("no_such_file.iob2"))
        .build()
        .unwrap_err();
    assert!(err.to_string().contains("cannot read"), "{err}");
}

#[test]
fn arbitrary_text_never_panics() {
    for text in [
        "",
        "\n\n",
        "x",
        "Α B-\n",
        "Α I-X\nB I-Y\n",
        "\u{FEFF}Α O\r\nΒ B-ORG\r",
        "Α\tB\tC\tD O\n",
        "· O\n… B-LOC\n",
    ] {
        let _ = Recognizer::builder().default_gazetteers(false).learn_iob2_str("t.iob2", text).build();
    }
}

#[test]
fn person_names_extend_by_learned_given_names_and_initials() {
    // `Μάρκος` is annotated only as the first word of longer names; the corpus includes
    // initials (`Κ. Ζαφείρης`).
    let ner = learned();
    let got = found(&ner, "Χθες ο Μάρκος Παπαθεοφίλου συνάντησε τον Β. Λοβέρδη.");
    assert!(got.contains(&("Μάρκος Παπαθεοφίλου".to_string(), Label::Per)), "{got:?}");
    assert!(got.contains(&("Β. Λοβέρδη".to_string(), Label::Per)), "{got:?}");
}

#[test]
fn lower_case_words_the_corpus_leaves_outside_are_trimmed() {
    // The corpus annotates `Ζαχαρίου` after `κ.`, never `κ. Ζαχαρίου`; the user's gazetteer
    // knows `Κ. Ζαχαρίου` (an initial, which the matcher does not take for the small `κ.`).
    let ner = Recognizer::builder()
        .default_gazetteers(false)
        .gazetteer_path(data("learn_lower_names.tsv"))
        .learn_iob2(data("learn_lower.iob2"))
        .build()
        .unwrap();
    let ents = ner.extract("Χθες ο κ. Ζαχαρίου δεν μίλησε.");
    let got: Vec<_> = ents.iter().map(|e| (e.text(), e.label)).collect();
    assert_eq!(got, [("Ζαχαρίου", Label::Per)]);
    // Without the corpus, `κ. Ζαχαρίου` is no name of the gazetteer; the rules find the person.
    let plain = Recognizer::builder()
        .default_gazetteers(false)
        .gazetteer_path(data("learn_lower_names.tsv"))
        .build()
        .unwrap();
    assert_eq!(found(&plain, "Χθες ο κ. Ζαχαρίου δεν μίλησε."), [("Ζαχαρίου".to_string(), Label::Per)]);
    // A lower-case word the corpus takes in stays.
    assert!(found(&ner, "Ζωή στην οδό Πλατανιάς τώρα.").contains(&("οδό Πλατανιάς".to_string(), Label::Loc)));
}

#[test]
fn ambiguous_names_take_the_label_of_their_context() {
    // `Βαλδορία` (fictional) is a place in travel news and the national team in football
    // news, half and half: the words around it decide.
    let ner = Recognizer::builder()
        .default_gazetteers(false)
        .learn_iob2(data("learn_context.iob2"))
        .build()
        .unwrap();
    let got = found(&ner, "Στο χθεσινό ματς η Βαλδορία έβαλε ένα γκολ.");
    assert_eq!(got, [("Βαλδορία".to_string(), Label::Org)]);
    let got = found(&ner, "Οι τουρίστες έφτασαν στη Βαλδορία με πλοίο.");
    assert_eq!(got, [("Βαλδορία".to_string(), Label::Loc)]);
}

#[test]
fn names_inside_misc_names_are_not_reported() {
    // `Ρενάδα` (fictional) is a place, but the corpus annotates `Συμφωνία της Ρενάδας` as
    // MISC: the place inside it is not an entity, and the MISC name is not one either.
    let ner =
        Recognizer::builder().default_gazetteers(false).learn_iob2(data("learn_misc.iob2")).build().unwrap();
    assert_eq!(found(&ner, "Πήγαμε στη Ρενάδα χθες."), [("Ρενάδα".to_string(), Label::Loc)]);
    assert_eq!(found(&ner, "Μιλούν για τη Συμφωνία της Ρενάδας σήμερα."), []);
    assert_eq!(found(&ner, "ΣΥΜΦΩΝΙΑ ΤΗΣ ΡΕΝΑΔΑΣ"), []);
    // The public `learn` gives only the PER/LOC/ORG gazetteers.
    let corpus = iob2::read(data("learn_misc.iob2")).unwrap();
    let (gazetteers, _) = greek_ner::learn::learn("learn_misc.iob2", &corpus).unwrap();
    assert!(gazetteers.iter().flat_map(|g| g.entries()).all(|e| !e.id().contains("MISC")));
}

#[test]
fn broken_iob2_names_file_line_and_field() {
    // An I- tag that continues no span is broken IOB2: learning refuses the corpus.
    let corpus = "Ο O\nΑνδρέας I-PER\nΛοβέρδος I-PER\n";
    let err = greek_ner::Recognizer::builder().learn_iob2_str("broken.iob2", corpus).build().unwrap_err();
    assert_eq!((err.file(), err.line(), err.field()), ("broken.iob2", Some(2), Some("tag")), "{err}");
}
